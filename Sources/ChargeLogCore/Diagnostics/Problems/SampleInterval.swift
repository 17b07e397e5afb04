/// The meter sample interval configured over time: 1.6 `MeterValueSampleInterval` (an accepted
/// ChangeConfiguration, a GetConfiguration answer), 2.0.1 `SampledDataCtrlr.TxUpdatedInterval` (an
/// accepted SetVariables, a GetVariables answer). 0 switches sampling off.
struct SampleInterval {
    struct Setting {
        var time: Int64
        var seconds: Double
        var source: String
    }

    var settings: [Setting] = []

    init(_ c: DiagnosticContext) {
        var s: [Setting] = []
        for m in c.calls("ChangeConfiguration") where m.payload["key"]?.stringValue == "MeterValueSampleInterval" {
            if let a = c.answer(to: m), a.payload["status"]?.stringValue == "Accepted", let v = Self.seconds(m.payload["value"]) {
                s.append(Setting(time: a.time, seconds: v, source: "ChangeConfiguration MeterValueSampleInterval"))
            }
        }
        for m in c.calls("GetConfiguration") {
            guard let a = c.answer(to: m) else { continue }
            for item in a.payload["configurationKey"]?.arrayValue ?? [] where item["key"]?.stringValue == "MeterValueSampleInterval" {
                if let v = Self.seconds(item["value"]) { s.append(Setting(time: a.time, seconds: v, source: "GetConfiguration MeterValueSampleInterval")) }
            }
        }
        for m in c.calls("SetVariables") {
            let answers = c.answer(to: m)?.payload["setVariableResult"]?.arrayValue ?? []
            for (k, item) in (m.payload["setVariableData"]?.arrayValue ?? []).enumerated() where Self.isTxUpdatedInterval(item) {
                let accepted = k < answers.count && answers[k]["attributeStatus"]?.stringValue == "Accepted"
                if accepted, let v = Self.seconds(item["attributeValue"]) {
                    s.append(Setting(time: m.time, seconds: v, source: "SetVariables SampledDataCtrlr.TxUpdatedInterval"))
                }
            }
        }
        for m in c.calls("GetVariables") {
            guard let a = c.answer(to: m) else { continue }
            for item in a.payload["getVariableResult"]?.arrayValue ?? [] where Self.isTxUpdatedInterval(item) {
                if let v = Self.seconds(item["attributeValue"]) { s.append(Setting(time: a.time, seconds: v, source: "GetVariables SampledDataCtrlr.TxUpdatedInterval")) }
            }
        }
        settings = s.sorted { $0.time < $1.time }
    }

    static func isTxUpdatedInterval(_ item: JSONValue) -> Bool {
        item["component"]?["name"]?.stringValue == "SampledDataCtrlr" && item["variable"]?["name"]?.stringValue == "TxUpdatedInterval"
    }

    static func seconds(_ v: JSONValue?) -> Double? {
        guard let v else { return nil }
        return v.doubleValue ?? v.stringValue.flatMap(Double.init)
    }

    /// The setting in force at `time` (the first one when none precedes it).
    func at(_ time: Int64) -> Setting? { settings.last { $0.time <= time } ?? settings.first }
}
