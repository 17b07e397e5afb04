/// Reads the `meterValue` / `transactionData` arrays of MeterValues, StopTransaction and
/// TransactionEvent into normalised samples: numbers sent as strings parsed (scientific notation
/// flagged), kilo-units converted to base units, phases kept, spec defaults applied to missing
/// measurand, context and location. Signed values are parsed as OCMF.
enum MeterValueReader {
    struct Output {
        var samples: [MeterSample] = []
        var signed: [SignedMeterValue] = []
        var issues: [OCPPIssue] = []
    }

    static func read(_ meterValues: JSONValue?, path: String, fallbackTime: Int64) -> Output {
        var out = Output()
        guard let list = meterValues?.arrayValue else { return out }
        // At their final size: the readings are held until the transactions are built (appending one by
        // one left most arrays at twice the room they need).
        out.samples.reserveCapacity(list.reduce(0) { $0 + ($1["sampledValue"]?.arrayValue?.count ?? 0) })
        for (i, mv) in list.enumerated() {
            let time = mv["timestamp"]?.stringValue.flatMap(OCPPTime.parse) ?? fallbackTime
            guard let svs = mv["sampledValue"]?.arrayValue else { continue }
            for (j, sv) in svs.enumerated() {
                read(sv, time: time, path: "\(path)[\(i)].sampledValue[\(j)]", into: &out)
            }
        }
        return out
    }

    /// `path` is built only when an issue is reported.
    static func read(_ sv: JSONValue, time: Int64, path makePath: @autoclosure () -> String, into out: inout Output) {
        let sv = SampledValueFields(sv)
        var flags: MeterSample.Flags = []
        let measurandText = sv.measurand?.stringValue
        if measurandText == nil { flags.insert(.defaultMeasurand) }
        let measurand = measurandText.map { Measurand.named($0) ?? .other } ?? Measurand.defaultValue
        let context = sv.context?.stringValue.flatMap { ReadingContext.named($0) } ?? ReadingContext.defaultValue
        let location = sv.location?.stringValue.flatMap { MeterLocation.named($0) } ?? MeterLocation.defaultValue
        let phase = sv.phase?.stringValue.flatMap { MeterPhase.named($0) }

        // Signed values: 1.6 `format: SignedData` with the OCMF text (plain, Base64 or hex) as value;
        // 2.0.1 `signedMeterValue.signedMeterData` (Base64 by the schema, plain from some chargers).
        if sv.format?.stringValue == "SignedData", let text = sv.value?.stringValue {
            out.signed.append(SignedMeterValue.read(text, time: time, context: context))
            return
        }
        if let smv = sv.signedMeterValue, let text = smv["signedMeterData"]?.stringValue {
            out.signed.append(SignedMeterValue.read(text, time: time, context: context))
        }

        guard let raw = sv.value else { return }
        var value: Double
        switch raw {
        case .string(let s):
            flags.insert(.fromString)
            guard let shape = JSONNumberText.shape(s), let d = DecimalText.double(s) else {
                out.issues.append(OCPPIssue(.warning, .notANumber, path: makePath() + ".value", "value \"\(s)\" is not a number"))
                return
            }
            guard inRange(d) else {
                out.issues.append(outOfRange(shown(raw), path: makePath()))
                return
            }
            if shape == .scientific {
                flags.insert(.scientific)
                out.issues.append(OCPPIssue(.info, .scientificNotation, path: makePath() + ".value",
                                            "value \"\(s)\" is in scientific notation (= \(plain(d)))"))
            }
            value = d
        case .number(let n):
            guard let d = DecimalText.double(n) else { return }
            guard inRange(d) else {
                out.issues.append(outOfRange(shown(raw), path: makePath()))
                return
            }
            if JSONNumberText.isScientific(n) { flags.insert(.scientific) }
            value = d
        default:
            out.issues.append(OCPPIssue(.warning, .notANumber, path: makePath() + ".value", "value is a \(raw.kindName)"))
            return
        }

        var unit: MeterUnit
        if let u = sv.unit?.stringValue ?? sv.unitOfMeasure?["unit"]?.stringValue {
            let (n, factor) = MeterUnit.normalise(u)
            unit = n
            if factor != 1 { value *= factor; flags.insert(.converted) }
        } else {
            unit = MeterUnit.implied(by: measurand)
            flags.insert(.impliedUnit)
        }
        if let multiplier = sv.unitOfMeasure?["multiplier"] {
            guard let m = multiplier.intValue, Self.multipliers.contains(m) else {
                out.issues.append(OCPPIssue(.warning, .outOfRange, path: makePath() + ".unitOfMeasure.multiplier",
                    "multiplier \(multiplier.plainText) is out of range (\(Self.multipliers.lowerBound)…\(Self.multipliers.upperBound)); value \(shown(raw)) not used"))
                return
            }
            if m != 0 {
                value *= pow10(m)
                flags.insert(.converted)
            }
        }
        // Unit scaling can carry a finite value out of range (`1.7e308` kWh → Wh is infinite).
        guard inRange(value) else {
            out.issues.append(outOfRange(shown(raw), path: makePath(), scaled: true))
            return
        }
        out.samples.append(MeterSample(time: time, value: value, measurand: measurand, phase: phase, unit: unit,
                                       context: context, location: location, flags: flags))
    }

    /// The value as written: a string quoted, a number as is.
    static func shown(_ raw: JSONValue) -> String {
        if case .string(let s) = raw { return "\"\(s)\"" }
        return raw.plainText
    }

    static func pow10(_ n: Int) -> Double { CheckedNumber.powerOfTen(n) }

    /// The largest magnitude a reading may have, in base units after scaling (10^15 Wh is a
    /// petawatt-hour; beyond 2^53 ≈ 9·10^15 a Double no longer holds every whole number).
    static let limit = 1e15
    /// `unitOfMeasure.multiplier` values used (OCPP 2.0.1 sends small powers of ten, usually 0 or 3).
    static let multipliers = -18...18

    static func inRange(_ d: Double) -> Bool { d.isFinite && abs(d) <= limit }

    static func outOfRange(_ raw: String, path: String, scaled: Bool = false) -> OCPPIssue {
        OCPPIssue(.warning, .outOfRange, path: path + ".value",
                  "value \(raw) is out of range\(scaled ? " after unit scaling" : "") (beyond ±10^15 or not finite); not used")
    }

    /// `3.48e-05` → `0.0000348`.
    static func plain(_ d: Double) -> String {
        guard d.isFinite, abs(d) < limit else { return "\(d)" }
        if d == d.rounded() { return String(Int64(d)) }
        var s = ""
        var digits = 0
        var v = abs(d)
        // Enough decimals to show the first significant digits.
        while v < 1 && digits < 12 { v *= 10; digits += 1 }
        let decimals = min(15, digits + 4)
        var scaled = (abs(d) * pow10(decimals)).rounded()
        var frac: [Character] = []
        for _ in 0..<decimals {
            let r = scaled.truncatingRemainder(dividingBy: 10)
            frac.insert(Character(String(Int(r))), at: 0)
            scaled = (scaled - r) / 10
        }
        s = String(Int64(scaled)) + "." + String(frac)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return (d < 0 ? "-" : "") + s
    }
}
