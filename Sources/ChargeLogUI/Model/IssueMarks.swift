import ChargeLogCore

/// The records the analysis calls an error or a warning, by merged position: every key record of a
/// finding that is an error (CALLERROR, refused authorisation or stop, fault, unanswered call) or a
/// warning (the other problems, connection loss, clock jumps). `e`/`w` step through them together
/// with the records whose own level or OCPP answer says so.
struct IssueMarks {
    enum Level: Sendable { case error, warning }

    private(set) var errors: [Int: Finding] = [:]
    private(set) var warnings: [Int: Finding] = [:]

    static let errorKinds: Set<FindingKind> = [.callError, .authorizationRejected, .stopRejected, .fault, .unansweredCall]
    static let warningKinds: Set<FindingKind> = [.connectionLost, .clockJump]

    static func level(of f: Finding) -> Level? {
        if f.severity == .error || errorKinds.contains(f.kind) { return .error }
        if f.category == .problem || warningKinds.contains(f.kind) { return .warning }
        return nil
    }

    init() {}

    init(findings: [Finding], index: LogIndex) {
        for f in findings {
            guard let level = Self.level(of: f) else { continue }
            for r in f.records where r.file < index.files.count && r.record < index.files[r.file].recordCount {
                let p = index.position(of: r)
                if level == .error { errors[p] = errors[p] ?? f } else if errors[p] == nil { warnings[p] = warnings[p] ?? f }
            }
        }
    }

    func finding(at p: Int, _ level: Level) -> Finding? { level == .error ? errors[p] : warnings[p] }
}
