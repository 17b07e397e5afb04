/// A transaction's energy import register readings in order: meterStart, the sampled values
/// (MeterValues and the stop's transactionData, phase-less, not at the EV), meterStop. Readings whose
/// unit is off by a factor of 1000 against the OCPP meterStart/meterStop (a kWh figure labelled `Wh`,
/// as the Sungrow stop's Transaction.Begin/End values are) are set apart as `mislabelled`.
struct RegisterSeries {
    struct Point {
        var value: Double
        /// Nil for meterStart / meterStop.
        var sample: MeterSample?
        var name: String
        /// The step of the value's last written digit, in Wh (kWh values with one decimal: 100 Wh).
        var resolution: Double
    }

    var points: [Point] = []
    var mislabelled: [MeterSample] = []

    init(_ t: OCPPTransaction) {
        // In the readings' own time order: a stop's transactionData repeats the Transaction.Begin
        // reading after the last MeterValues (the Gresgying charger does), which is no step back.
        let samples = TransactionBuilder.stableByTime(t.samples.filter {
            $0.measurand == .energyActiveImportRegister && $0.phase == nil && $0.location != .ev
        })
        let reference = t.meterStop ?? t.meterStart ?? Self.median(samples.map(\.value))
        if let ms = t.meterStart { points.append(Point(value: ms, sample: nil, name: "meterStart", resolution: 1)) }
        for s in samples {
            if let ref = reference, ref > 1000, s.value > 0 {
                let ratio = ref / s.value
                if (ratio > 900 && ratio < 1100) || (ratio > 1 / 1100.0 && ratio < 1 / 900.0) {
                    mislabelled.append(s)
                    continue
                }
            }
            points.append(Point(value: s.value, sample: s, name: "\(s.context.rawValue) sample", resolution: Self.resolution(s)))
        }
        if let ms = t.meterStop { points.append(Point(value: ms, sample: nil, name: "meterStop", resolution: 1)) }
        // A value printed with its trailing zeros dropped (`10547` for 10547.0 kWh) looks coarser than
        // it is: no reading is taken as coarser than the resolution most readings of the series show.
        let shown = points.filter { $0.sample != nil }.map(\.resolution)
        if let typical = Self.mode(shown) {
            for k in points.indices where points[k].sample != nil { points[k].resolution = min(points[k].resolution, typical) }
        }
    }

    static func mode(_ v: [Double]) -> Double? {
        var n: [Double: Int] = [:]
        for x in v { n[x, default: 0] += 1 }
        return n.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }

    /// The difference two readings may show from rounding alone.
    static func tolerance(_ a: Point, _ b: Point) -> Double { max(a.resolution, b.resolution) + 1 }

    /// The step of the value's last written digit: a kWh value `10747.8` converted to Wh has 100 Wh.
    static func resolution(_ s: MeterSample) -> Double {
        let scale = s.flags.contains(.converted) ? 1000.0 : 1.0
        let shown = s.value / scale
        for d in 0...3 {
            let p = pow10(d)
            if abs(shown * p - (shown * p).rounded()) < 1e-6 { return scale / p }
        }
        return scale / 1000
    }

    static func pow10(_ d: Int) -> Double { [1, 10, 100, 1000][d] }

    static func median(_ v: [Double]) -> Double? {
        guard !v.isEmpty else { return nil }
        let s = v.sorted()
        return s[s.count / 2]
    }
}

extension DiagnosticContext {
    /// The record of the message that carried a sampled value of a transaction (found by decoding the
    /// transaction's meter messages again; only called for the few samples a finding names).
    func record(of sample: MeterSample, in t: OCPPTransaction) -> RecordRef? {
        guard let k = analysis.transactionById[t.transactionId] else { return nil }
        for i in analysis.transactionMessages[k] {
            let m = analysis.makeMessage(Int(i))
            guard let a = m.action, ["MeterValues", "StopTransaction", "TransactionEvent"].contains(a) else { continue }
            let p = m.payload
            let key = a == "StopTransaction" ? "transactionData" : "meterValue"
            let read = MeterValueReader.read(p[key], path: key, fallbackTime: m.time)
            if read.samples.contains(sample) { return m.ref }
        }
        return nil
    }
}
