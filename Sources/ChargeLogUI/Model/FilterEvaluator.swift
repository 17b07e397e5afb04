import Foundation
import ChargeLogCore

/// Decides record by record, in timeline order, whether a record passes a `ViewFilter`. It remembers
/// the action of each request it has seen, so a bare answer (`[3,"id",{}]`) is judged by its request.
final class FilterEvaluator {
    let filter: ViewFilter
    let index: LogIndex
    let insights: InsightSource
    /// Requests seen so far, paired with their answers by the engine's rule (`ExchangePairing`, per
    /// connection: log and carrier): their action and whether they passed, so answers follow them.
    private var calls = ExchangePairing<OCPPConnection, String, JudgedCall>()
    private var logs: [Int: String] = [:]

    struct JudgedCall {
        var action: String?
        var accepted: Bool
    }

    /// The compiled `textIn` / `textOut` patterns (an invalid one is refused before it gets here).
    private let textIn: [TextPattern]
    private let textOut: [TextPattern]

    init(filter: ViewFilter, index: LogIndex, insights: InsightSource) {
        self.filter = filter
        self.index = index
        self.insights = insights
        textIn = filter.textIn.compactMap { try? TextPattern($0, smartCase: true) }
        textOut = filter.textOut.compactMap { try? TextPattern($0, smartCase: true) }
    }

    func accepts(position p: Int) -> Bool {
        guard acceptsByFields(position: p) else { return false }
        guard filter.hasTextPatterns else { return true }
        let ref = index.ref(at: p)
        let raw = index.text(of: ref)
        let shown = ShownText.line(insights: insights, ref: ref, text: raw)
        func matches(_ t: TextPattern) -> Bool { t.matches(raw) || t.matches(shown) }
        // As lnav: a row passes when any filter-in matches it and no filter-out does.
        return (textIn.isEmpty || textIn.contains(where: matches)) && !textOut.contains(where: matches)
    }

    private lazy var reader = BlockReader(index: index)

    func acceptsByFields(position p: Int) -> Bool {
        let ref = index.ref(at: p)
        let file = index.files[ref.file]
        let stream = file.stream
        let time = file.index.time(ref.record)
        if let s = filter.streams, !s.contains(stream) { return false }
        if let s = filter.since, time < s { return false }
        if let u = filter.until, time >= u { return false }
        guard filter.needsFrames else { return true }
        if filter.hideHousekeeping, HousekeepingLine.matches(reader.bytes(of: ref)) { return false }
        let onlyOCPP = filter.action != nil || filter.connector != nil
        // A line that is not an OCPP message stays under a connector filter when it names the connector.
        let plainLine = { () -> Bool in
            guard self.filter.action == nil, let c = self.filter.connector else { return !onlyOCPP }
            return ConnectorMention.mentions(c, in: LosslessText.decode(self.reader.bytes(of: ref)))
        }
        guard FrameExtractor.canHoldFrames(stream) else { return plainLine() }
        let bytes = reader.bytes(of: ref)
        guard bytes.withUnsafeBufferPointer({ FrameExtractor.mayHoldFrame($0, stream: stream) }),
              let m = OCPPMessageText.parse(bytes: bytes, stream: stream, writer: file.role) else { return plainLine() }
        let connector = m.connector
        let log = logs[ref.file] ?? {
            let l = OCPPConnection.family(of: file.displayPath)
            logs[ref.file] = l
            return l
        }()
        let connection = OCPPConnection(channel: m.channel, log: log)
        if filter.foldExchanges, ExchangeFold(index: index, insights: insights).isFolded(ref, position: p, kind: m.kind) { return false }
        if m.kind == .call {
            let ok = judge(action: m.action, connector: connector, kind: .call)
            if m.type.pairingRole == .opens {
                calls.open(JudgedCall(action: m.action, accepted: ok), id: m.uniqueId, on: connection)
            }
            return ok
        }
        // An answer goes with its request (a second answer with it too); a CALLERROR shows unless the
        // view is narrowed to an action or connector.
        let answered: JudgedCall? = m.type.pairingRole != .answers ? nil : {
            switch calls.answer(id: m.uniqueId, on: connection) {
            case .call(let c), .again(let c): return c
            case .none: return nil
            }
        }()
        if let call = answered, m.action == nil || m.action == call.action {
            return call.accepted || (m.kind == .error && !onlyOCPP)
        }
        let action = m.action ?? insights.summary(of: ref, text: LosslessText.decode(bytes))?.action
        return judge(action: action, connector: connector, kind: m.kind)
    }

    func judge(action: String?, connector: Int?, kind: RowSummary.MessageKind) -> Bool {
        if (filter.hideHeartbeats || filter.hideHousekeeping) && action == "Heartbeat" { return false }
        if kind != .error && !filter.verbosity.keeps(action: action) { return false }
        if let a = filter.action, a.caseInsensitiveCompare(action ?? "") != .orderedSame { return false }
        if let c = filter.connector, connector != c { return false }
        return true
    }
}
