/// Meter payloads in the shapes of seed 000: the nine Raw sampled values the IDC180E sends, the
/// StopTransaction transactionData (Raw values, Outlet begin/end, two OCMF SignedData readings).
enum MeterReadings {
    static func value(_ v: String, _ measurand: String, unit: String?, context: String? = nil,
                      format: String = "Raw", location: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("value", .string(v))]
        if let c = context { fields.append(("context", .string(c))) }
        fields.append(("format", .string(format)))
        fields.append(("measurand", .string(measurand)))
        if let l = location { fields.append(("location", .string(l))) }
        if let u = unit { fields.append(("unit", .string(u))) }
        return .object(fields)
    }

    /// The periodic sample: register (kWh), power (kW), SoC, temperature, current, fan RPM, voltage,
    /// offered current and power.
    static func sampled(register: String, powerKW: String, soc: Int, temperature: Int, current: String, rpm: Int,
                        voltage: String) -> [JSONValue] {
        [
            value(register, "Energy.Active.Import.Register", unit: "kWh"),
            value(powerKW, "Power.Active.Import", unit: "kW"),
            value(String(soc), "SoC", unit: "Percent"),
            value(String(temperature), "Temperature", unit: "Celsius"),
            value(current, "Current.Import", unit: "A"),
            value(String(rpm), "RPM", unit: nil),
            value(voltage, "Voltage", unit: "V"),
            value("250", "Current.Offered", unit: "A"),
            value("150", "Power.Offered", unit: "kW"),
        ]
    }

    /// StopTransaction.transactionData; note the charger labels the Outlet register `Wh` while
    /// printing kWh, as in the seed.
    static func transactionData(stamp: String, register: String, powerKW: String, soc: Int, temperature: Int,
                                rpm: Int, voltage: String, begin: String, end: String) -> JSONValue {
        func entry(_ values: [JSONValue]) -> JSONValue {
            .obj(("timestamp", .string(stamp)), ("sampledValue", .array(values)))
        }
        var first = sampled(register: register, powerKW: powerKW, soc: soc, temperature: temperature, current: "0",
                            rpm: rpm, voltage: voltage)
        first[4] = value("0", "Current.Import", unit: "A")
        return .array([
            entry(first),
            entry([value(register, "Energy.Active.Import.Register", unit: "Wh", context: "Transaction.Begin",
                         location: "Outlet")]),
            entry([value(register, "Energy.Active.Import.Register", unit: "Wh", context: "Transaction.End",
                         location: "Outlet")]),
            entry([value(begin, "Energy.Active.Import.Register", unit: nil, context: "Transaction.Begin",
                         format: "SignedData")]),
            entry([value(end, "Energy.Active.Import.Register", unit: nil, context: "Transaction.End",
                         format: "SignedData")]),
        ])
    }

    /// An OCMF string from the LEM DC meter: readings (time, TX, register Wh), each followed by the
    /// export register. The signature is random bytes in the DER shape: it does not verify.
    static func ocmf(meterSerial: String, page: Int, internalId: String, readings: [(Int64, String, Int)],
                     rng: inout SeededRandom) -> String {
        var rd: [JSONValue] = []
        for (i, (t, tx, wh)) in readings.enumerated() {
            var fields: [(String, JSONValue)] = [("TM", .string(StampText.ocmf(t))), ("TX", .string(tx)),
                                                 ("RV", .number(ChargerNumbers.fixed(Double(wh) / 1000, 3))),
                                                 ("RI", .string("1-0:1.8.0")), ("RU", .string("kWh"))]
            if i == 0 {
                fields += [("RT", .string("DC")), ("EF", .string("")), ("ST", .string("G")),
                           ("UC", .obj(("UN", .string("2mR_Comp")), ("UI", .int(0)), ("UR", .int(2))))]
            } else {
                fields.append(("ST", .string("G")))
            }
            rd.append(.object(fields))
            rd.append(.obj(("RV", .number("4.988")), ("RI", .string("1-0:2.8.0")), ("RU", .string("kWh")),
                           ("ST", .string("G"))))
        }
        let payload = JSONValue.obj(
            ("FV", .string("1.0")), ("GI", .string("LEM DCBM")), ("GS", .string(meterSerial)), ("GV", .string("v1")),
            ("PG", .string("T\(page)")), ("MV", .string("LEM")), ("MS", .string(meterSerial)),
            ("MF", .string("MU-2.3.0.1_SU-0.0.8.0")), ("IS", .bool(false)), ("IL", .string("-")),
            ("IF", .array([.string("RFID_NONE"), .string("OCPP_NONE"), .string("ISO15118_NONE"), .string("PLMN_NONE")])),
            ("IT", .string("NONE")), ("ID", .string(internalId)), ("CT", .string("EVSEID")),
            ("CI", .string(ChargerSimulation.serial)), ("RD", .array(rd)))
        let signature = "30440220" + rng.hex(64).uppercased() + "0220" + rng.hex(64).uppercased()
        let sig = JSONValue.obj(("SA", .string("ECDSA-secp256r1-SHA256")), ("SD", .string(signature)))
        return "OCMF|" + payload.compact + "|" + sig.compact
    }
}
