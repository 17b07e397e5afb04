/// Recognises one scenario of the seed notebook's catalogue (RFID authorisation, remote start, a
/// stop at full SoC, ...) and returns a finding per occurrence, with the records that show it.
public protocol ScenarioRule: Sendable {
    /// The kind of finding this rule returns.
    var kind: FindingKind { get }
    func findings(in context: DiagnosticContext) -> [Finding]
}
