import ChargeLogCore
import Foundation

/// Everything the generator planted in a bundle, written next to it as `manifest.json`.
///
/// Times are ISO-8601 UTC with milliseconds (`2024-05-01T14:42:14.595Z`), exactly as the indexer
/// gives the record that carries them: proxy lines to the millisecond, MainProcess lines to the
/// second (their stamps have no milliseconds). The field names of `Transaction` and `Exchange`
/// are those of `chargelog transactions --format json` and `chargelog exchanges --format ndjson`.
public struct GeneratedManifest: Codable, Sendable, Equatable {
    public static let formatVersion = 1

    public struct File: Codable, Sendable, Equatable {
        /// Path inside the bundle folder (`bundleFolder`): `2168Vqt/A23C2706768VMainProcess.log`
        /// (in a zipped bundle, the entry `A23C2706768VMainProcess.log` of `2168Vqt.zip`).
        public var path: String
        /// The chargelog stream name: mainprocess, ocpp, ccu, fault, update.
        public var stream: String
        public var bytes: UInt64
        public var lines: Int
        /// Time of the first and last record.
        public var first: String
        public var last: String
        /// The modification time the generator gave the file (and its zip entry).
        public var modificationTime: String
    }

    /// One charging transaction as `chargelog transactions` should rebuild it.
    public struct Transaction: Codable, Sendable, Equatable {
        public var transactionId: Int
        public var connector: Int
        public var idTag: String
        /// `RFID` or `Remote`.
        public var auth: String
        /// The StartTransaction / StopTransaction payload `timestamp` (whole seconds).
        public var start: String
        public var stop: String?
        public var meterStart: Int
        public var meterStop: Int?
        /// meterStop - meterStart.
        public var energyWh: Int?
        public var reason: String?
        /// `Accepted`, or `CALLERROR:<code>`; nil while never stopped.
        public var stopStatus: String?
        /// Number of MeterValues messages the charger sent for it.
        public var meterValues: Int
        /// The charger's own transaction uuid (`lem start transaction ... transactionId: "<uuid>"`).
        public var internalId: String
        /// How it ended: card, vehicle, fullSoC, remote, or nil (never stopped).
        public var stopKind: String?
    }

    /// One OCPP request/answer on one hop. Every message crosses two hops, so appears twice: on the
    /// `pipe` (charger <-> proxy, the charger's ids; `1` for StatusNotification) and on the
    /// `websocket` (proxy <-> CPO, UUIDs). CPO-initiated calls keep the WebSocket id on both hops.
    public struct Exchange: Codable, Sendable, Equatable {
        public var uniqueId: String
        public var action: String
        /// `cp->cs` or `cs->cp`.
        public var direction: String
        public var requestTime: String
        public var responseTime: String?
        public var latencyMs: Int?
        /// `CALLRESULT`, `CALLERROR` or `none`.
        public var result: String
        public var errorCode: String?
        /// `pipe` or `websocket`.
        public var connection: String
    }

    /// A planted situation of the seed catalogue, or a problem found in the planted data.
    public struct Event: Codable, Sendable, Equatable {
        public var kind: String
        /// The record that starts it (see each kind's description in `ScenarioKind` / `ProblemKind`).
        public var time: String
        /// Where it ends, for kinds with a duration.
        public var endTime: String?
        /// Duration, latency or clock offset in ms, depending on the kind.
        public var valueMs: Int64?
        public var connector: Int?
        public var transactionId: Int?
        public var uniqueId: String?
        public var connection: String?
        public var detail: String
    }

    public var formatVersion: Int
    public var options: GeneratorOptions
    /// The bundle folder next to the manifest: `A23C2706768`.
    public var bundleFolder: String
    public var serial: String
    public var vendor: String
    public var model: String
    /// Firmware before and after the planted update.
    public var firmware: [String]
    public var heartbeatIntervalSeconds: Int
    /// First and last record of the whole bundle.
    public var start: String
    public var end: String
    public var files: [File]
    public var transactions: [Transaction]
    public var scenarios: [Event]
    public var problems: [Event]
    /// In generation order (close to request-time order).
    public var exchanges: [Exchange]

    /// Reads a `manifest.json`.
    public static func load(path: String) throws(ChargeLogError) -> GeneratedManifest {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(GeneratedManifest.self, from: data) } catch {
            throw .unreadable(path: path, reason: "not a generator manifest: \(error)")
        }
    }
}

/// Situations of the seed notebook's catalogue, each planted at least once.
public enum ScenarioKind: String, CaseIterable, Sendable {
    /// `Front connector choose authorize: "Rfid_Authorize"` + Authorize accepted; time: the Authorize pipe request.
    case rfidAuthorization
    /// RemoteStartTransaction from the CPO; time: its WebSocket `Received: [2,...`.
    case remoteStart
    /// Authorize answered `Invalid`; time: the Authorize pipe request.
    case authorizationRejected
    /// StartTransaction accepted; time: its pipe request.
    case chargingStarted
    /// StopTransaction after the card was presented again (reason Local); time: the StopTransaction pipe request.
    case stopByCard
    /// The vehicle ended the session (reason Local, `Vehicle_Stop`); time: the StopTransaction pipe request.
    case stopByVehicle
    /// SoC reached 100 % (SuspendedEV, reason Local, `SOC_Full`); time: the StopTransaction pipe request.
    case stopAtFullSoC
    /// RemoteStopTransaction then StopTransaction reason Remote; time: the StopTransaction pipe request.
    case stopRemote
    /// The CPO answered StopTransaction with a CALLERROR (InternalError; a `3.48e-05` value in it);
    /// time: the WebSocket `Received: [4,...`.
    case stopRejectedByCPO
    /// `OCPP_Connection_Fail` .. `OCPP_Connection_Restore` (MainProcess); valueMs: the duration.
    case connectionLost
    /// `NTP Sync success` (MainProcess); detail: the offset ntpdate applied.
    case clockSyncNTP
    /// `Time difference origin ... too large, sync from OCPP` after a BootNotification; valueMs: the offset.
    case clockSyncOCPP
    /// `Time difference origin ... good, no need to sync from OCPP`: the charger compared its clock with
    /// the OCPP time and kept it. One per bundle, at the first such line: the summary reports all the
    /// comparisons within tolerance as one finding.
    case clockCheckedOCPP
    /// UpdateFirmware (WebSocket `Received`) .. FirmwareStatusNotification Installed (pipe request).
    case firmwareUpdate
    /// First fault-log line of the block .. its `_Recover` line; with a Faulted StatusNotification.
    case fault
}

/// Problems present in the planted data (derived from what was written, so nothing is listed
/// that the logs do not show).
public enum ProblemKind: String, CaseIterable, Sendable {
    /// A CALLERROR answer; time: the `Received: [4,...` line; per hop.
    case callError
    /// A call that never got an answer; time: the request; per hop.
    case unansweredCall
    /// An answer later than 5 s; time: the request; valueMs: the latency; per hop.
    case slowAnswer
    /// No Heartbeat for more than twice the interval; time: the last one before, endTime: the next.
    case heartbeatGap
    /// A MeterValues register lower than the one before it in the same transaction; time: that MeterValues.
    case meterBackwards
    /// meterStop disagrees with the register at the stop (transactionData, OCMF end) by more than 1 kWh;
    /// time: the StopTransaction pipe request.
    case energyMismatch
    /// A transaction without StopTransaction; time: its StartTransaction pipe request.
    case neverStopped
    /// The charger clock jumped forward (set from OCPP); time: the sync line, valueMs: the jump.
    case clockJump
    /// StopTransaction.transactionData's Outlet register is labelled `Wh` while it prints kWh, as the
    /// seed charger does. One per bundle, at the first StopTransaction pipe request: the summary
    /// reports all such readings as one finding.
    case meterUnitMismatch
}
