import ChargeLogCore
import Foundation

/// The charger's KPIs (`K`, `:kpis`): per connector how the log's span split into available, in use
/// (charging), faulted/unavailable, offline and unknown, the availability share; session success and
/// first-attempt success; plug-in to energy; then one line per session with its outcome. The same
/// figures as `chargelog summary` (README.md, "Charger KPIs", defines them).
enum KPIOverlay {
    static func draw(_ m: ViewerModel, scroll: Int, into g: inout CellGrid, rect: Rect) {
        let body = Overlays.frame("Charger KPIs", into: &g, rect: rect)
        guard let k = m.insights?.kpis else { return }
        var wrapped: [(String, CellStyle)] = []
        for (t, s) in lines(k) {
            for p in VisibleText.wrap(t, width: max(1, body.width)) { wrapped.append((p, s)) }
        }
        Overlays.lines(wrapped, scroll: min(scroll, max(0, wrapped.count - body.height)), into: &g, rect: body)
    }

    static func lines(_ k: ChargerKPIs) -> [(String, CellStyle)] {
        let head = CellStyle(fg: .accent, bold: true), plain = CellStyle(), dim = CellStyle(fg: .dim)
        var out: [(String, CellStyle)] = [("Availability per connector: (available + in use) / time whose state is known", head)]
        if k.connectors.isEmpty { out.append(("  no connector status in the log", dim)) }
        let connWidth = max(9, k.connectors.map(\.label.count).max() ?? 0)
        func row(_ conn: String, _ cells: [String]) -> String {
            "  " + pad(conn, connWidth) + zip(cells, [7, 10, 8, 9, 8, 8, 8]).map { " " + right($0, $1) }.joined()
        }
        if !k.connectors.isEmpty {
            out.append((row("connector", ["avail.", "available", "in use", "charging", "faulted", "offline", "unknown"]), dim))
        }
        for a in k.connectors {
            out.append((row(a.label, [percent(a.availability), span(a.availableMs), span(a.inUseMs), span(a.chargingMs),
                                      span(a.inoperativeMs), span(a.offlineMs), span(a.unknownMs)]), plain))
        }
        if !k.connectors.isEmpty {
            out.append(("  charging is part of in use; faulted: Faulted or Unavailable (the connector's or the charge "
                        + "point's); offline: connection lost or silent over twice the heartbeat interval", dim))
        }
        out.append(("", plain))
        out.append(("Sessions", head))
        out.append(("  successful     \(k.successful) of \(k.judged) (\(percent(k.successRate)))", plain))
        out.append(("  first attempt  \(k.firstAttemptSuccesses) of \(k.firstAttempts) (\(percent(k.firstAttemptRate)))", plain))
        let timed = k.sessions.compactMap(\.plugInToEnergyMs).count
        out.append(("  plug-in → energy  " + (k.medianPlugInToEnergyMs.map { "median \(span($0)) over \(timed) session(s)" } ?? "not seen"), plain))
        let open = k.sessions.count - k.judged
        if open > 0 { out.append(("  \(open) not judged (open, or begun before the log)", dim)) }
        if !k.sessions.isEmpty {
            out.append(("", plain))
            let idWidth = min(14, max(11, k.sessions.map(\.transactionId.count).max() ?? 0))
            let connWidth = max(9, k.sessions.map(\.connector.count).max() ?? 0)
            func row(_ id: String, _ conn: String, _ first: String, _ plug: String, _ outcome: String) -> String {
                "  " + pad(TransactionsPane.fitId(id, width: idWidth), idWidth) + " " + pad(conn, connWidth) + " "
                    + pad(first, 5) + " " + pad(plug, 16) + " " + outcome
            }
            out.append((row("transaction", "connector", "first", "plug-in → energy", "outcome"), dim))
            for s in k.sessions {
                let outcome = switch s.success {
                case true?: "succeeded"
                case false?: "failed: " + (s.failure ?? "?")
                case nil: "not judged"
                }
                out.append((row(s.transactionId, s.connector, s.firstAttempt ? "yes" : "no",
                                s.plugInToEnergyMs.map(span) ?? "-", outcome),
                            s.success == false ? CellStyle(fg: .levelWarn) : plain))
            }
        }
        out.append(("", plain))
        out.append(("Definitions: README.md, \"Charger KPIs\" · j/k scroll · q, K or Esc closes", dim))
        return out
    }

    static func pad(_ s: String, _ n: Int) -> String { VisibleText.fit(s, width: n) }

    static func right(_ s: String, _ n: Int) -> String {
        let w = DisplayWidth.of(s)
        return w >= n ? s : String(repeating: " ", count: n - w) + s
    }

    static func percent(_ share: Double?) -> String { NumberText.percent(share) }

    /// `0`, `850 ms`, `10 s`, `29m00s`, `3h05m`, `2d04h`: compact, whole seconds from a minute on.
    static func span(_ ms: Int64) -> String {
        if ms == 0 { return "0" }
        if ms < 1000 { return "\(ms) ms" }
        let s = ms / 1000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60)m\(two(s % 60))s" }
        if s < 86_400 { return "\(s / 3600)h\(two(s % 3600 / 60))m" }
        return "\(s / 86_400)d\(two(s % 86_400 / 3600))h"
    }
}
