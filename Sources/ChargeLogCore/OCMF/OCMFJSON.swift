/// The OCMF fields of `transactions --format json` and `summary --format json`: per signed value the
/// verdict, algorithm, meter and its readings with registers, status and error flags.
/// Written field by field as bytes (`JSONBytes`): a transaction holds a signed value per reading, and
/// these fields were most of `transactions --format json`'s writing time.
public enum OCMFJSON {
    public static func array(_ values: [SignedMeterValue]) -> String {
        var out = JSONBytes(capacity: 1024)
        array(values, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    public static func array(_ values: [SignedMeterValue], into out: inout JSONBytes) {
        out.raw("[")
        var memo = OBISMemo()
        for k in values.indices {
            if k > 0 { out.raw(",") }
            write(values[k], into: &out, memo: &memo)
        }
        out.raw("]")
    }

    public static func object(_ s: SignedMeterValue) -> String {
        var out = JSONBytes()
        var memo = OBISMemo()
        write(s, into: &out, memo: &memo)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The register codes read so far for one array: a transaction's readings come from one meter and
    /// name a code or two (`1-0:1.8.0`, `1-0:2.8.0`), each parsed once.
    struct OBISMemo {
        var known: [(text: String, code: OBISCode?)] = []

        mutating func code(of r: OCMFReading) -> OBISCode? {
            guard let t = r.obis else { return nil }
            if let k = known.firstIndex(where: { $0.text == t }) { return known[k].code }
            let code = r.register
            if known.count < 8 { known.append((t, code)) }
            return code
        }
    }

    static func write(_ s: SignedMeterValue, into out: inout JSONBytes, memo: inout OBISMemo) {
        out.field("context", s.context.rawValue, first: true)
        out.field("time", CivilTime.iso8601(s.time))
        out.field("encoding", s.encoding?.rawValue)
        guard let d = s.document else {
            out.field("error", s.parseError)
            out.close()
            return
        }
        let outcome = s.verification ?? .notChecked("no key given (--ocmf-key or --ocmf-keys)")
        let reasons = s.unbillableReasons
        out.field("verdict", outcome.verdict.rawValue)
        out.field("verdictDetail", outcome.description)
        out.field("key", s.keySource)
        out.field("algorithm", d.signatureAlgorithm)
        out.field("curve", d.algorithm?.curve.rawValue)
        out.field("hash", d.algorithm?.hash.rawValue)
        out.field("pagination", d.pagination)
        out.field("meterVendor", d.meterVendor)
        out.field("meterModel", d.meterModel)
        out.field("meterSerial", d.meterSerial)
        out.field("gatewaySerial", d.gatewaySerial)
        out.field("billable", raw: reasons.isEmpty ? "true" : "false")
        out.field("notBillable", strings: reasons)
        out.key("readings")
        out.raw("[")
        for k in d.readings.indices {
            if k > 0 { out.raw(",") }
            write(d.readings[k], into: &out, memo: &memo)
        }
        out.raw("]")
        out.close()
    }

    static func write(_ r: OCMFReading, into out: inout JSONBytes, memo: inout OBISMemo) {
        let register = memo.code(of: r)
        out.field("time", r.time.map { CivilTime.iso8601($0) }, first: true)
        out.field("timeText", r.timeText)
        out.field("timeStatus", r.timeSync.map { String($0) })
        out.field("type", r.kind.map { String($0) })
        out.field("typeText", r.kindDescription)
        out.field("value", raw: JSONText.value(r.value))
        out.field("valueText", r.valueText)
        out.field("unit", r.unit)
        out.field("valueWh", raw: JSONText.value(r.valueWh))
        out.field("obis", r.obis)
        out.field("register", register?.meaning)
        out.field("importTotal", raw: r.obis == nil ? "null" : (register?.isImportTotal ?? false ? "true" : "false"))
        out.field("errorFlags", r.errorFlags)
        out.field("status", r.status.map { String($0) })
        out.field("statusText", r.statusDescription)
        out.field("notBillable", strings: r.unbillableReasons)
        out.close()
    }
}
