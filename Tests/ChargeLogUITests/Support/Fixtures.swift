import ChargeLogCore
import ChargeLogUI
import TestSupport

/// A viewer model on an indexed bundle, with the seeds' Sungrow bundle by default.
struct Fixture {
    let bundle: TempBundle
    let index: LogIndex
    let model: ViewerModel

    init(files: [String: String] = SeedBundles.sungrowBundle, rows: Int = 24, cols: Int = 80,
         insights: ((LogIndex) -> InsightSource)? = nil) throws {
        bundle = try TempBundle(files, prefix: "chargelog-ui")
        index = try bundle.index()
        model = ViewerModel(rows: rows, cols: cols, bundleName: "bundle")
        model.attach(index: index, insights: insights?(index) ?? PlainInsights(index: index))
        model.finishPendingWork()
    }

    /// Sends keys, finishing any scan they start.
    @discardableResult
    func press(_ keys: Key...) -> [ViewerEffect] { press(keys) }

    @discardableResult
    func press(_ keys: [Key]) -> [ViewerEffect] {
        var effects: [ViewerEffect] = []
        for k in keys {
            effects += model.handle(k)
            model.finishPendingWork()
        }
        return effects
    }

    func type(_ text: String) { press(Key.typing(text)) }

    /// The text of the record under the cursor.
    var cursorText: String { model.cursorPosition.map { index.text(at: $0) } ?? "" }

    /// The position of the first record whose text contains `s`.
    func position(containing s: String) -> Int? { (0..<index.count).first { index.text(at: $0).contains(s) } }

    func ref(containing s: String) -> RecordRef? { position(containing: s).map { index.ref(at: $0) } }

    func remove() { bundle.remove() }
}

/// Transactions 544 and 667 as the seed lines of `SeedBundles.sungrowBundle` give them (and as the OCPP
/// engine reports them: `FakeInsightsAgreementTests`), with meter curves for pane tests.
/// - 544: only its StopTransaction is in the seeds (2024-04-24 00:03:42, reason Local, idTag
///   0482466A9E6F80, no connector in a 1.6 stop), answered CALLERROR InternalError (verdict
///   `CALLERROR:InternalError`); its start is
///   before the log, so no energy and auth Unknown.
/// - 667: StartTransaction 2024-05-01 14:42:14 on connector 1, idTag 201ACCBF, 56 s after MainProcess's
///   `Rfid_Authorize` (auth RFID); no StopTransaction in the seeds, so it is open.
enum SampleTransactions {
    static let start = CivilTime.parseUserTime("2024-05-01T14:42:14Z")!

    static func rows(firstRecord: RecordRef?) -> [TransactionRow] {
        [
            TransactionRow(id: "544", connector: nil, idTag: "0482466A9E6F80", auth: "Unknown",
                           start: nil, stop: CivilTime.parseUserTime("2024-04-24T00:03:42Z"),
                           energyWh: nil, reason: "Local", verdict: "CALLERROR:InternalError"),
            TransactionRow(id: "667", connector: 1, idTag: "201ACCBF", auth: "RFID", start: start, stop: nil,
                           energyWh: nil, reason: nil, verdict: "open", firstRecord: firstRecord),
        ]
    }

    /// A charge that ramps to 142 kW, holds, and tapers; energy and SoC rise.
    static func series() -> [MeterSeries] {
        let minutes = stride(from: 0, through: 105, by: 5).map { Int64($0) }
        let power: [Double] = [0, 60, 120, 142, 142, 141, 140, 138, 130, 118, 105, 90, 76, 62, 50, 40, 31, 24, 18, 12, 6, 1]
        var energy = 0.0
        var points: [(Int64, Double, Double, Double, Double)] = []
        for (i, m) in minutes.enumerated() {
            let p = power[min(i, power.count - 1)]
            energy += p * 5 / 60
            points.append((start + m * 60_000, p, energy, p * 1000 / 400, 20 + Double(i) * 3.5))
        }
        return [
            MeterSeries(quantity: .power, name: "Power.Active.Import", unit: "kW", points: points.map { .init($0.0, $0.1) }),
            MeterSeries(quantity: .energy, name: "Energy.Active.Import.Register", unit: "kWh", points: points.map { .init($0.0, $0.2) }),
            MeterSeries(quantity: .current, name: "Current.Import", unit: "A", points: points.map { .init($0.0, $0.3) }),
            MeterSeries(quantity: .voltage, name: "Voltage", unit: "V", points: points.map { .init($0.0, 400 + Double(Int($0.1) % 7)) }),
            MeterSeries(quantity: .soc, name: "SoC", unit: "%", points: points.map { .init($0.0, $0.4) }),
        ]
    }

    static func states() -> [StateChange] {
        func t(_ s: String) -> Int64 { CivilTime.parseUserTime(s)! }
        return [
            StateChange(connector: 1, time: t("2024-05-01T14:10:00Z"), state: "Available"),
            StateChange(connector: 2, time: t("2024-05-01T14:10:00Z"), state: "Available"),
            StateChange(connector: 1, time: t("2024-05-01T14:41:18Z"), state: "Preparing"),
            StateChange(connector: nil, time: t("2024-05-01T14:41:18Z"), state: "State_Authurize"),
            StateChange(connector: 1, time: t("2024-05-01T14:42:27Z"), state: "Charging"),
            StateChange(connector: nil, time: t("2024-05-01T14:42:20Z"), state: "State_Energy_Transfer"),
            StateChange(connector: 2, time: t("2024-05-01T14:50:00Z"), state: "Faulted", errorCode: "EVCommunicationError"),
            StateChange(connector: 2, time: t("2024-05-01T15:05:00Z"), state: "Available"),
        ].sorted { $0.time < $1.time }
    }

    static func online() -> [OnlinePeriod] {
        func t(_ s: String) -> Int64 { CivilTime.parseUserTime(s)! }
        return [
            OnlinePeriod(start: t("2024-05-01T13:00:00Z"), end: t("2024-05-01T14:20:00Z"), online: true),
            OnlinePeriod(start: t("2024-05-01T14:20:00Z"), end: t("2024-05-01T14:35:00Z"), online: false),
            OnlinePeriod(start: t("2024-05-01T14:35:00Z"), end: t("2024-05-01T17:00:00Z"), online: true),
        ]
    }
}
