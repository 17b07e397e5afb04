import ChargeLogCore

extension ViewerModel {
    /// A time the user typed: a full date and time, or a clock time (`07:30`, `07:30:15`) on the
    /// cursor's day (`:goto`, `:since`, `:until`); in the display zone (UTC unless `:tz` says otherwise)
    /// unless it names its own (`Z`, `+02:00`).
    func userTime(_ text: String) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let full = displayZone.parseUserTime(t) { return full }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        guard s < 60 else { return nil }
        guard let index, let base = cursorPosition.map({ index.time(at: $0) }) ?? index.timeRange?.lowerBound else { return nil }
        let day = displayZone.startOfDay(base)
        return displayZone.utcFromWall(displayZone.wall(day) + Int64(h * 3_600 + m * 60 + s) * 1_000)
    }

    static let timeExpected = "a time like 2024-05-01 14:42 (in the display zone unless it names one: Z, +02:00), or 07:30 on the cursor's day"

    /// `~` (and `:around N`): only the records within ±N minutes of the cursor's; again: all times.
    func narrowAround(minutes: Int?) {
        guard let index, let p = cursorPosition else { return }
        var f = filter
        if minutes == nil, f.since != nil, f.until != nil, aroundMinutes != nil {
            f.since = nil
            f.until = nil
            aroundMinutes = nil
            applyFilter(f, index: index)
            say("all times again")
            return
        }
        let n = max(1, minutes ?? 10)
        let t = index.time(at: p)
        f.since = t - Int64(n) * 60_000
        f.until = t + Int64(n) * 60_000 + 1
        aroundMinutes = n
        applyFilter(f, index: index)
        say("±\(n) min around \(displayZone.display(t, millis: false)) (~ again: all times; :around N for another width)")
    }
}
