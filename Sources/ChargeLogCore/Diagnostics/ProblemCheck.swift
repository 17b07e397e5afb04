/// Finds one kind of problem without a scenario: CALLERRORs, unanswered or slow calls, gaps,
/// meter registers that go backwards, ...
public protocol ProblemCheck: Sendable {
    var kind: FindingKind { get }
    func findings(in context: DiagnosticContext) -> [Finding]
}
