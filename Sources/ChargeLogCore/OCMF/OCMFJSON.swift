/// The OCMF fields of `transactions --format json` and `summary --format json`: per signed value the
/// verdict, algorithm, meter and its readings with registers, status and error flags.
public enum OCMFJSON {
    public static func array(_ values: [SignedMeterValue]) -> String {
        "[" + values.map(object).joined(separator: ",") + "]"
    }

    public static func object(_ s: SignedMeterValue) -> String {
        var fields: [(String, String)] = [
            ("context", JSONText.quote(s.context.rawValue)),
            ("time", JSONText.quote(CivilTime.iso8601(s.time))),
            ("encoding", JSONText.value(s.encoding?.rawValue)),
        ]
        guard let d = s.document else {
            fields.append(("error", JSONText.value(s.parseError)))
            return JSONText.object(fields)
        }
        let outcome = s.verification ?? .notChecked("no key given (--ocmf-key or --ocmf-keys)")
        let reasons = s.unbillableReasons
        fields += [
            ("verdict", JSONText.quote(outcome.verdict.rawValue)),
            ("verdictDetail", JSONText.quote(outcome.description)),
            ("key", JSONText.value(s.keySource)),
            ("algorithm", JSONText.quote(d.signatureAlgorithm)),
            ("curve", JSONText.value(d.algorithm?.curve.rawValue)),
            ("hash", JSONText.value(d.algorithm?.hash.rawValue)),
            ("pagination", JSONText.value(d.pagination)),
            ("meterVendor", JSONText.value(d.meterVendor)),
            ("meterModel", JSONText.value(d.meterModel)),
            ("meterSerial", JSONText.value(d.meterSerial)),
            ("gatewaySerial", JSONText.value(d.gatewaySerial)),
            ("billable", reasons.isEmpty ? "true" : "false"),
            ("notBillable", "[" + reasons.map(JSONText.quote).joined(separator: ",") + "]"),
            ("readings", "[" + d.readings.map(reading).joined(separator: ",") + "]"),
        ]
        return JSONText.object(fields)
    }

    static func reading(_ r: OCMFReading) -> String {
        let register = r.register
        return JSONText.object([
            ("time", r.time.map { JSONText.quote(CivilTime.iso8601($0)) } ?? "null"),
            ("timeText", JSONText.value(r.timeText)),
            ("timeStatus", JSONText.value(r.timeSync.map { String($0) })),
            ("type", JSONText.value(r.kind.map { String($0) })),
            ("typeText", JSONText.quote(r.kindDescription)),
            ("value", JSONText.value(r.value)),
            ("valueText", JSONText.value(r.valueText)),
            ("unit", JSONText.value(r.unit)),
            ("valueWh", JSONText.value(r.valueWh)),
            ("obis", JSONText.value(r.obis)),
            ("register", JSONText.value(register?.meaning)),
            ("importTotal", r.obis == nil ? "null" : (register?.isImportTotal ?? false ? "true" : "false")),
            ("errorFlags", JSONText.value(r.errorFlags)),
            ("status", JSONText.value(r.status.map { String($0) })),
            ("statusText", JSONText.quote(r.statusDescription)),
            ("notBillable", "[" + r.unbillableReasons.map(JSONText.quote).joined(separator: ",") + "]"),
        ])
    }
}
