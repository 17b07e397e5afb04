/// Repeated findings of one kind and cause folded into one (`×735 CALLERROR Handler not implemented
/// answering MeterValues`, first and last time): the first finding of the group stands for it, with
/// `count`, `lastTime` and the last one's first key record added to its records. Findings without a
/// cause stay as they are. Order: by the first finding's place.
public enum FindingGroups {
    public static func fold(_ findings: [Finding]) -> [Finding] {
        var out: [Finding] = []
        var groupOf: [String: Int] = [:]
        for f in findings {
            guard let cause = f.cause else { out.append(f); continue }
            let key = f.kind.rawValue + "\u{1F}" + cause
            if let g = groupOf[key] {
                out[g].count += 1
                out[g].lastTime = max(out[g].lastTime ?? out[g].time, f.time)
                out[g].severity = max(out[g].severity, f.severity)
                if out[g].connector != f.connector { out[g].connector = nil }
                if out[g].transactionId != f.transactionId { out[g].transactionId = nil }
                if let r = f.records.first {
                    // Keep the first finding's records and the latest repeat's first record.
                    if out[g].count > 2 { out[g].records.removeLast() }
                    out[g].records.append(r)
                }
            } else {
                groupOf[key] = out.count
                out.append(f)
            }
        }
        return out
    }

    /// `×735 CALLERROR Handler not implemented answering MeterValues (first 2025-10-03 11:19:11, last …)`
    /// for a group, the explanation for a single finding.
    public static func headline(_ f: Finding) -> String {
        guard f.count > 1, let cause = f.cause else { return f.explanation }
        var s = "×\(f.count) \(cause)"
        if let last = f.lastTime { s += " (first \(FindingText.time(f.time)), last \(FindingText.time(last)))" }
        return s
    }
}
