/// A transaction stopped for another reason: PowerLoss, EmergencyStop, Reboot, ... (see `StopCause`).
struct StopOtherRule: StopRule {
    var kind: FindingKind { .stopOther }
}
