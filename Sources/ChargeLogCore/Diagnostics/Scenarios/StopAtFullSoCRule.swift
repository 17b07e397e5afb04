/// A transaction stopped at full SoC: SoC ≥ 99 % or SOCLimitReached (see `StopCause`).
struct StopAtFullSoCRule: StopRule {
    var kind: FindingKind { .stopAtFullSoC }
}
