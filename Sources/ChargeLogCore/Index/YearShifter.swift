/// Moves civil times by whole years cheaply: within one calendar year the shift is one of two
/// constants (before and after Feb 28/29), so only a year change needs calendar arithmetic.
///
/// Year-less stamps sit in provisional years while a file is scanned: cycle `c` (the number of New
/// Year rollovers before the stamp) is the year `2000 + 4c`, always a leap year, so `Feb/29` survives
/// a rollover until the bundle decides the real year. `YearShifter(years:)` moves by plain years (the
/// scanner's cycle steps); `YearShifter(resolving:)` maps provisional cycle years to real years
/// (`2000 + c + delta`). Target years are clamped into 1...9999, the years that print as ISO text.
struct YearShifter {
    /// Years between two provisional cycles.
    static let cycleYears = 4

    let years: Int
    /// Map provisional cycle years (`2000 + 4c`) to `2000 + c + years` instead of adding `years`.
    let resolving: Bool
    private var lo = Int64.max, hi = Int64.min, march = Int64(0), early = Int64(0), late = Int64(0)
    /// The current year is a leap year and its target is not: its Feb 29 has no real day.
    private var loses29 = false

    init(years: Int) {
        self.years = years
        resolving = false
    }

    /// Provisional cycle years → real years, `delta` being the real year of cycle 0 minus 2000.
    init(resolving delta: Int) {
        years = delta
        resolving = true
    }

    /// The provisional year of cycle `c`.
    static func provisionalYear(cycle c: Int) -> Int {
        YearlessStamp.provisionalYear + cycleYears * max(0, c)
    }

    /// The cycle a provisional year belongs to (`2004` → 1), for year arithmetic on provisional times.
    static func cycle(ofProvisional year: Int) -> Int {
        max(0, (year - YearlessStamp.provisionalYear) / cycleYears)
    }

    func target(of y: Int) -> Int {
        let base = resolving ? YearlessStamp.provisionalYear + Self.cycle(ofProvisional: y) : y
        let (t, overflow) = base.addingReportingOverflow(years)
        if overflow { return years < 0 ? CivilTime.years.lowerBound : CivilTime.years.upperBound }
        return min(max(t, CivilTime.years.lowerBound), CivilTime.years.upperBound)
    }

    mutating func shift(_ t: Int64) -> Int64 {
        if years == 0 && !resolving { return t }
        if t < lo || t >= hi { load(t) }
        return t + (t < march ? early : late)
    }

    /// Whether `t` is a Feb 29 whose target year has none (the shift would make it 1 March).
    mutating func losesLeapDay(_ t: Int64) -> Bool {
        if t < lo || t >= hi { load(t) }
        return loses29 && t >= march - CivilTime.msPerDay && t < march
    }

    private mutating func load(_ t: Int64) {
        let y = CivilTime.components(t).year
        let to = target(of: y)
        lo = CivilTime.days(year: y, month: 1, day: 1) * CivilTime.msPerDay
        hi = CivilTime.days(year: y + 1, month: 1, day: 1) * CivilTime.msPerDay
        march = CivilTime.days(year: y, month: 3, day: 1) * CivilTime.msPerDay
        early = CivilTime.days(year: to, month: 1, day: 1) * CivilTime.msPerDay - lo
        late = CivilTime.days(year: to, month: 3, day: 1) * CivilTime.msPerDay - march
        loses29 = CivilTime.isLeap(y) && !CivilTime.isLeap(to)
    }
}
