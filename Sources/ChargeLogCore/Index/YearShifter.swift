/// Moves civil times by whole years cheaply: within one calendar year the shift is one of two
/// constants (before and after Feb 28/29), so only a year change needs calendar arithmetic.
struct YearShifter {
    let years: Int
    private var lo = Int64.max, hi = Int64.min, march = Int64(0), early = Int64(0), late = Int64(0)

    init(years: Int) { self.years = years }

    mutating func shift(_ t: Int64) -> Int64 {
        if years == 0 { return t }
        if t < lo || t >= hi {
            let y = CivilTime.components(t).year
            lo = CivilTime.days(year: y, month: 1, day: 1) * CivilTime.msPerDay
            hi = CivilTime.days(year: y + 1, month: 1, day: 1) * CivilTime.msPerDay
            march = CivilTime.days(year: y, month: 3, day: 1) * CivilTime.msPerDay
            early = CivilTime.days(year: y + years, month: 1, day: 1) * CivilTime.msPerDay - lo
            late = CivilTime.days(year: y + years, month: 3, day: 1) * CivilTime.msPerDay - march
        }
        return t + (t < march ? early : late)
    }
}
