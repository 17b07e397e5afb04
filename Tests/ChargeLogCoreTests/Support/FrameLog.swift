import Foundation

/// A charger's bare OCPP-J log in the TONLY carrier (seed 004): `[2024-01-15 18:00:00:000] [2,…]` for
/// what the charger sends, `[…] receive data: [3,…]` for what it receives. Times are given as
/// `HH:MM:SS` (or `HH:MM:SS.mmm`) on 2024-01-15.
struct FrameLog {
    var lines: [String] = []

    static func stamp(_ time: String) -> String {
        let parts = time.split(separator: ".")
        let ms = parts.count > 1 ? String(parts[1]) : "000"
        return "[2024-01-15 \(parts[0]):\(ms)]"
    }

    /// A frame the charger sends.
    mutating func send(_ time: String, _ frame: String) { lines.append("\(Self.stamp(time)) \(frame)") }

    /// A frame the charger receives.
    mutating func receive(_ time: String, _ frame: String) { lines.append("\(Self.stamp(time)) receive data: \(frame)") }

    /// A charger CALL and the back end's CALLRESULT half a second later (`answer` nil: none).
    mutating func call(_ time: String, _ id: String, _ action: String, _ payload: String, answer: String? = "{}") {
        send(time, #"[2,"\#(id)","\#(action)",\#(payload)]"#)
        if let answer { receive(Self.later(time, ms: 500), #"[3,"\#(id)",\#(answer)]"#) }
    }

    /// A back-end CALL and the charger's CALLRESULT half a second later.
    mutating func callFromCentral(_ time: String, _ id: String, _ action: String, _ payload: String, answer: String = "{}") {
        receive(time, #"[2,"\#(id)","\#(action)",\#(payload)]"#)
        send(Self.later(time, ms: 500), #"[3,"\#(id)",\#(answer)]"#)
    }

    static func later(_ time: String, ms: Int) -> String {
        let hms = time.split(separator: ".")[0].split(separator: ":").compactMap { Int($0) }
        let base = time.split(separator: ".").count > 1 ? Int(time.split(separator: ".")[1]) ?? 0 : 0
        let total = ((hms[0] * 60 + hms[1]) * 60 + hms[2]) * 1000 + base + ms
        let h = total / 3_600_000, m = total / 60_000 % 60, s = total / 1000 % 60, r = total % 1000
        return String(format: "%02d:%02d:%02d.%03d", h, m, s, r)
    }

    static let boot = #"{"chargePointVendor":"SyntheticVendor","chargePointModel":"SM-100"}"#
    static func bootAnswer(interval: Int = 300) -> String {
        #"{"currentTime":"2024-01-15T08:00:00.500Z","interval":\#(interval),"status":"Accepted"}"#
    }

    func bundle() throws -> DiagnosedBundle { try DiagnosedBundle([DiagnosedBundle.frames: lines]) }
}
