/// A transaction stopped with a card presented (see `StopCause`).
struct StopByCardRule: StopRule {
    var kind: FindingKind { .stopByCard }
}
