import Foundation
import ChargeLogCore

/// Decides record by record, in timeline order, whether a record passes a `ViewFilter`. It remembers
/// the action of each request it has seen, so a bare answer (`[3,"id",{}]`) is judged by its request.
final class FilterEvaluator {
    let filter: ViewFilter
    let index: LogIndex
    let insights: InsightSource
    private var callActions: [String: String] = [:]

    static let ocppStreams: Set<StreamKind> = [.ocpp, .frames, .module, .generic, .csv, .text]

    init(filter: ViewFilter, index: LogIndex, insights: InsightSource) {
        self.filter = filter
        self.index = index
        self.insights = insights
    }

    func accepts(position p: Int) -> Bool {
        let info = index.info(at: p)
        if let s = filter.streams, !s.contains(info.stream) { return false }
        if let s = filter.since, info.time < s { return false }
        if let u = filter.until, info.time >= u { return false }
        guard filter.needsText else { return true }
        let onlyOCPP = filter.action != nil || filter.connector != nil
        guard Self.ocppStreams.contains(info.stream) else { return !onlyOCPP }
        let bytes = index.rawBytes(at: p)
        guard Self.mayHoldMessage(bytes) else { return !onlyOCPP }
        let text = LosslessText.decode(bytes)
        guard let m = OCPPMessageText.parse(text) else { return !onlyOCPP }
        var action = m.action
        if m.kind == .call, let a = m.action {
            if callActions.count > 200_000 { callActions.removeAll(keepingCapacity: true) }
            callActions[m.uniqueId] = a
        } else if action == nil {
            action = callActions[m.uniqueId]
        }
        if action == nil, m.kind != .error { action = insights.summary(of: info.ref, text: text)?.action }
        if filter.hideHeartbeats && action == "Heartbeat" { return false }
        if m.kind != .error && !filter.verbosity.keeps(action: action) { return false }
        if let a = filter.action, a.caseInsensitiveCompare(action ?? "") != .orderedSame { return false }
        if let c = filter.connector {
            let conn = (m.payload?["connectorId"] ?? m.payload?["evseId"])?.intValue
            if let conn { if conn != c { return false } } else if m.kind == .call { return false }
        }
        return true
    }

    /// Cheap byte check before decoding: a frame start or a proxy pipe marker.
    static func mayHoldMessage(_ b: [UInt8]) -> Bool {
        if Bytes.findFrameStart(b) != nil { return true }
        return Bytes.find(b, "charging station]:") != nil
    }
}
