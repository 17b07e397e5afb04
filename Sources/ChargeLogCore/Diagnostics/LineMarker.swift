/// Plain-text log lines the scenario rules look for (outside the OCPP frames), each found by a fixed
/// byte marker in the streams that print it. Quoted from seed 000 (Sungrow TCU bundle).
public enum LineMarker: CaseIterable, Sendable, Hashable {
    /// MainProcess `Authorize request accepted!!`
    case authorizeAccepted
    /// MainProcess `6 hours interval ntpdate request--> "ntpdate pool.ntp.org"`
    case ntpRequest
    /// MainProcess `NTP Time sync finished, output: "... adjust time server ... offset -0.337614 sec\n"`
    case ntpFinished
    /// MainProcess `NTP Sync success, current time UTC: QDateTime(...)`
    case ntpSuccess
    /// MainProcess `DC Meter IP "192.168.10.2" Set time completed`
    case meterTimeSet
    /// MainProcess `Time difference origin: QDateTime(...) good, no need to sync from OCPP: QDateTime(...)`
    case timeDifference
    /// MainProcess `Recv BootNotification: QJsonObject({"currentTime":"2024-04-30T20:02:08Z"})`
    case recvCurrentTime
    /// MainProcess `Bootup info type id ...` (the notebook's boot keyword)
    case bootup
    /// MainProcess `InterLayer_Start_Charging index: 2`
    case startCharging
    /// Proxy `RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-...`
    case queuedRequest
    /// Proxy `WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException`
    case stopExecutionException
    /// Update log `Loader --> File_Loader receive Type_Update_Firmware_Request from OCPP`
    case updateRequest
    /// Update log `Loader --> Update Phase:5`
    case updatePhase

    var pattern: StaticString {
        switch self {
        case .authorizeAccepted: "Authorize request accepted"
        case .ntpRequest: "ntpdate request"
        case .ntpFinished: "NTP Time sync finished"
        case .ntpSuccess: "NTP Sync success"
        case .meterTimeSet: "Set time completed"
        case .timeDifference: "Time difference origin:"
        case .recvCurrentTime: "\"currentTime\""
        case .bootup: "Bootup info type id"
        case .startCharging: "InterLayer_Start_Charging index:"
        case .queuedRequest: "SendRequest Queue size:"
        case .stopExecutionException: "HandleStopTransaction ExecutionException"
        case .updateRequest: "Update_Firmware_Request"
        case .updatePhase: "Update Phase:"
        }
    }

    var stream: StreamKind {
        switch self {
        case .queuedRequest, .stopExecutionException: .ocpp
        case .updateRequest, .updatePhase: .update
        default: .mainprocess
        }
    }
}

/// A line found by a `LineMarker`. Its text is read back on demand.
public struct MarkedLine: Sendable, Hashable {
    public var marker: LineMarker
    public var ref: RecordRef
    public var time: Int64
}

/// Finds every marked line of a bundle in one pass over the MainProcess, proxy and update logs.
enum MarkedLineScan {
    /// The files are read in parallel; each file's lines are found in record order and the lists are
    /// joined in file order, then sorted by time.
    static func scan(_ index: LogIndex) -> [LineMarker: [MarkedLine]] {
        let byStream = Dictionary(grouping: LineMarker.allCases, by: \.stream)
        let files = index.files
        let perFile = ParallelMap.map(files.count) { f -> [MarkedLine] in
            guard let markers = byStream[files[f].stream] else { return [] }
            let times = files[f].index.times
            var found: [MarkedLine] = []
            RecordCursor(file: files[f]).forEach { r, bytes in
                for m in markers where Bytes.find(bytes, m.pattern) != nil {
                    found.append(MarkedLine(marker: m, ref: RecordRef(file: f, record: r), time: times[r]))
                }
            }
            return found
        }
        var out: [LineMarker: [MarkedLine]] = [:]
        for line in perFile.joined() { out[line.marker, default: []].append(line) }
        for k in out.keys { out[k]!.sort { ($0.time, $0.ref) < ($1.time, $1.ref) } }
        return out
    }
}
