/// A transaction stopped remotely: reason Remote or a RemoteStopTransaction (see `StopCause`).
struct StopRemoteRule: StopRule {
    var kind: FindingKind { .stopRemote }
}
