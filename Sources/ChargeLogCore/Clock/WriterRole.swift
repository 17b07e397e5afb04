/// Which side wrote a log: a charger (or its proxy), whose `send` is a message to the central system, or a
/// central system (back end, Home Assistant, a CSMS), whose `receive` is a message from the charger.
public enum WriterRole: String, Sendable, Equatable, CaseIterable {
    case charger
    case central

    /// Decides from what the log says it sent and received: calls only a charger sends (BootNotification,
    /// StatusNotification, Heartbeat, MeterValues…) logged as sent, or calls only a central system sends
    /// (RemoteStartTransaction, GetConfiguration…) logged as received, mean a charger wrote it. Nil when the
    /// log says nothing either way (then a logged `send` is read as the charger's).
    static func infer(_ votes: RoleVotes) -> WriterRole? {
        if votes.charger > votes.central { return .charger }
        if votes.central > votes.charger { return .central }
        return nil
    }
}

/// Calls counted for and against each role.
public struct RoleVotes: Sendable, Equatable {
    /// Frames that show the writer is a charger.
    public var charger = 0
    /// Frames that show the writer is a central system.
    public var central = 0

    public init(charger: Int = 0, central: Int = 0) {
        self.charger = charger
        self.central = central
    }

    /// Counts one frame: a call with an action of one side only, logged with a sent/received label.
    mutating func count(_ frame: OCPPFrame) {
        guard frame.type == .call || frame.type == .send, let action = frame.action,
              let sender = OCPPSchema.direction(of: action)?.callDirection, sender != .unknown else { return }
        let sent: Bool
        switch frame.hint {
        case .sent: sent = true
        case .received: sent = false
        default: return
        }
        if sent == (sender == .chargerToCentral) { charger += 1 } else { central += 1 }
    }
}

extension CarrierHint {
    /// The hint in absolute terms for a log written by `role`: a central system's `sent` is a message to
    /// the charger, its `received` one from the charger.
    public func seen(by role: WriterRole) -> CarrierHint {
        guard role == .central else { return self }
        switch self {
        case .sent: return .toStation
        case .received: return .fromStation
        default: return self
        }
    }
}
