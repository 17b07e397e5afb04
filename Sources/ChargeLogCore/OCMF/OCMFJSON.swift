/// The OCMF fields of `transactions --format json` and `summary --format json`: per signed value the
/// verdict, algorithm, meter and its readings with registers, status and error flags.
/// Written field by field into one string (a transaction holds a signed value per reading, and the
/// arrays of fields and strings per value were most of `transactions --format json`'s time).
public enum OCMFJSON {
    public static func array(_ values: [SignedMeterValue]) -> String {
        var out = "["
        var memo = OBISMemo()
        for k in values.indices {
            if k > 0 { out += "," }
            write(values[k], into: &out, memo: &memo)
        }
        out += "]"
        return out
    }

    public static func object(_ s: SignedMeterValue) -> String {
        var out = ""
        var memo = OBISMemo()
        write(s, into: &out, memo: &memo)
        return out
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

    static func write(_ s: SignedMeterValue, into out: inout String, memo: inout OBISMemo) {
        out += "{"
        JSONText.field("context", s.context.rawValue, into: &out, first: true)
        JSONText.field("time", CivilTime.iso8601(s.time), into: &out)
        JSONText.field("encoding", s.encoding?.rawValue, into: &out)
        guard let d = s.document else {
            JSONText.field("error", s.parseError, into: &out)
            out += "}"
            return
        }
        let outcome = s.verification ?? .notChecked("no key given (--ocmf-key or --ocmf-keys)")
        let reasons = s.unbillableReasons
        JSONText.field("verdict", outcome.verdict.rawValue, into: &out)
        JSONText.field("verdictDetail", outcome.description, into: &out)
        JSONText.field("key", s.keySource, into: &out)
        JSONText.field("algorithm", d.signatureAlgorithm, into: &out)
        JSONText.field("curve", d.algorithm?.curve.rawValue, into: &out)
        JSONText.field("hash", d.algorithm?.hash.rawValue, into: &out)
        JSONText.field("pagination", d.pagination, into: &out)
        JSONText.field("meterVendor", d.meterVendor, into: &out)
        JSONText.field("meterModel", d.meterModel, into: &out)
        JSONText.field("meterSerial", d.meterSerial, into: &out)
        JSONText.field("gatewaySerial", d.gatewaySerial, into: &out)
        JSONText.field("billable", raw: reasons.isEmpty ? "true" : "false", into: &out)
        JSONText.field("notBillable", strings: reasons, into: &out)
        JSONText.field("readings", raw: "[", into: &out)
        for k in d.readings.indices {
            if k > 0 { out += "," }
            write(d.readings[k], into: &out, memo: &memo)
        }
        out += "]}"
    }

    static func write(_ r: OCMFReading, into out: inout String, memo: inout OBISMemo) {
        let register = memo.code(of: r)
        out += "{"
        JSONText.field("time", r.time.map { CivilTime.iso8601($0) }, into: &out, first: true)
        JSONText.field("timeText", r.timeText, into: &out)
        JSONText.field("timeStatus", r.timeSync.map { String($0) }, into: &out)
        JSONText.field("type", r.kind.map { String($0) }, into: &out)
        JSONText.field("typeText", r.kindDescription, into: &out)
        JSONText.field("value", raw: JSONText.value(r.value), into: &out)
        JSONText.field("valueText", r.valueText, into: &out)
        JSONText.field("unit", r.unit, into: &out)
        JSONText.field("valueWh", raw: JSONText.value(r.valueWh), into: &out)
        JSONText.field("obis", r.obis, into: &out)
        JSONText.field("register", register?.meaning, into: &out)
        JSONText.field("importTotal", raw: r.obis == nil ? "null" : (register?.isImportTotal ?? false ? "true" : "false"), into: &out)
        JSONText.field("errorFlags", r.errorFlags, into: &out)
        JSONText.field("status", r.status.map { String($0) }, into: &out)
        JSONText.field("statusText", r.statusDescription, into: &out)
        JSONText.field("notBillable", strings: r.unbillableReasons, into: &out)
        out += "}"
    }
}
