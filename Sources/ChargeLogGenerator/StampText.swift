import ChargeLogCore

/// The time stamps of the Sungrow streams, written straight into a byte buffer.
enum StampText {
    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    @inline(__always)
    static func digits(_ v: Int, _ width: Int, into out: inout [UInt8]) {
        var buf: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var v = v
        withUnsafeMutableBytes(of: &buf) { b in
            for i in stride(from: width - 1, through: 0, by: -1) {
                b[i] = UInt8(48 + v % 10)
                v /= 10
            }
            out.append(contentsOf: b[0..<width])
        }
    }

    @inline(__always)
    static func clock(_ c: CivilTime.Components, millis: Bool, into out: inout [UInt8]) {
        digits(c.hour, 2, into: &out)
        out.append(0x3A)
        digits(c.minute, 2, into: &out)
        out.append(0x3A)
        digits(c.second, 2, into: &out)
        if millis {
            out.append(0x2E)
            digits(c.millis, 3, into: &out)
        }
    }

    /// OCPP proxy: `2024-05-01 14:42:14.595 +0000`
    static func proxy(_ t: Int64, into out: inout [UInt8]) {
        let c = CivilTime.components(t)
        digits(c.year, 4, into: &out)
        out.append(0x2D)
        digits(c.month, 2, into: &out)
        out.append(0x2D)
        digits(c.day, 2, into: &out)
        out.append(0x20)
        clock(c, millis: true, into: &out)
        out.append(contentsOf: " +0000".utf8)
    }

    /// MainProcess: `Apr/30 20:02:13 UTC --  ` (whole seconds, two spaces after `--`).
    static func mainProcess(_ t: Int64, into out: inout [UInt8]) {
        let c = CivilTime.components(t)
        out.append(contentsOf: shortMonths[c.month - 1].utf8)
        out.append(0x2F)
        digits(c.day, 2, into: &out)
        out.append(0x20)
        clock(c, millis: false, into: &out)
        out.append(contentsOf: " UTC --  ".utf8)
    }

    /// CCU, fault and update logs: `[April/28 08:48:46.384 UTC]`
    static func bracketed(_ t: Int64, into out: inout [UInt8]) {
        let c = CivilTime.components(t)
        out.append(0x5B)
        out.append(contentsOf: longMonths[c.month - 1].utf8)
        out.append(0x2F)
        digits(c.day, 2, into: &out)
        out.append(0x20)
        clock(c, millis: true, into: &out)
        out.append(contentsOf: " UTC]".utf8)
    }

    /// CCU uptime: `[D00 23:20:20.544]`; `split` writes only `[D00 23:` and returns the rest.
    static func uptime(_ ms: Int64, into out: inout [UInt8]) {
        let up = max(0, ms)
        out.append(contentsOf: "[D".utf8)
        digits(Int(up / CivilTime.msPerDay) % 100, 2, into: &out)
        out.append(0x20)
        clock(CivilTime.components(up % CivilTime.msPerDay), millis: true, into: &out)
        out.append(0x5D)
    }

    /// Fault/update session header body: `2024/January/10 06:20:31.485`
    static func headerBody(_ t: Int64) -> String {
        let c = CivilTime.components(t)
        var out: [UInt8] = []
        digits(c.year, 4, into: &out)
        out.append(0x2F)
        out.append(contentsOf: longMonths[c.month - 1].utf8)
        out.append(0x2F)
        digits(c.day, 2, into: &out)
        out.append(0x20)
        clock(c, millis: true, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// OCPP payload time, whole seconds: `2024-05-01T14:42:14Z`
    static func isoSeconds(_ t: Int64) -> String {
        let c = CivilTime.components(t)
        var out: [UInt8] = []
        digits(c.year, 4, into: &out)
        out.append(0x2D)
        digits(c.month, 2, into: &out)
        out.append(0x2D)
        digits(c.day, 2, into: &out)
        out.append(0x54)
        clock(c, millis: false, into: &out)
        out.append(0x5A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Qt's debug text: `QDateTime(2024-04-30 20:02:13.658 UTC Qt::TimeSpec(UTC))`
    static func qDateTime(_ t: Int64, spec: String = "UTC") -> String {
        "QDateTime(" + CivilTime.display(t) + " UTC Qt::TimeSpec(" + spec + "))"
    }

    /// ntpdate's output stamp: `21 Apr 22:46:07`
    static func ntpdate(_ t: Int64) -> String {
        let c = CivilTime.components(t)
        var out: [UInt8] = []
        out.append(contentsOf: String(c.day).utf8)
        out.append(0x20)
        out.append(contentsOf: shortMonths[c.month - 1].utf8)
        out.append(0x20)
        clock(c, millis: false, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// An OCMF reading time in the meter's local zone (central Europe, with summer time):
    /// `2024-05-01T18:27:41,000+0200 R`
    static func ocmf(_ t: Int64) -> String {
        let offsetHours = centralEuropeanSummerTime(t) ? 2 : 1
        let c = CivilTime.components(t + Int64(offsetHours) * 3_600_000)
        var out: [UInt8] = []
        digits(c.year, 4, into: &out)
        out.append(0x2D)
        digits(c.month, 2, into: &out)
        out.append(0x2D)
        digits(c.day, 2, into: &out)
        out.append(0x54)
        clock(c, millis: false, into: &out)
        out.append(contentsOf: ",000+0\(offsetHours)00 R".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// EU rule: from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    static func centralEuropeanSummerTime(_ t: Int64) -> Bool {
        let year = CivilTime.components(t).year
        func lastSunday(_ month: Int) -> Int64 {
            let last = CivilTime.days(year: year, month: month, day: 31)
            let weekday = Int((last + 4) % 7)   // 1970-01-01 was a Thursday; 0 = Sunday
            return (last - Int64(weekday)) * CivilTime.msPerDay + 3_600_000
        }
        return t >= lastSunday(3) && t < lastSunday(10)
    }
}
