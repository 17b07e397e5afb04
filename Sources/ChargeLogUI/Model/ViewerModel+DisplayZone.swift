import ChargeLogCore

extension ViewerModel {
    /// `:tz ZONE` (utc, local, +02:00, Europe/Berlin): every time on screen is shown in it, and times
    /// typed without a zone are read in it. `:tz` alone says which zone is in use and switches back to UTC.
    func setDisplayZone(_ arg: String) {
        guard !arg.isEmpty else {
            let was = displayZone
            displayZone = .utc
            say(was.isUTC ? "times in UTC (:tz local or :tz ZONE to change)" : "times in UTC again (were \(was.name))")
            return
        }
        do {
            displayZone = try DisplayZone(parsing: arg, option: ":tz")
        } catch {
            say(error.message, error: true)
            return
        }
        let now = cursorPosition.flatMap { index?.time(at: $0) } ?? 0
        say(displayZone.isUTC ? "times in UTC" : "times in \(displayZone.name) (\(displayZone.label(at: now)) at the cursor); :tz alone for UTC")
    }
}
