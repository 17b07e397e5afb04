/// A transaction stopped by the vehicle: reason Local / EVDisconnected / StoppedByEV below full SoC, no card (see `StopCause`).
struct StopByVehicleRule: StopRule {
    var kind: FindingKind { .stopByVehicle }
}
