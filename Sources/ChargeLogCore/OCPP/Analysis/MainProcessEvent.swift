/// A MainProcess (Sungrow TCU) line that matters to transactions and states.
public struct MainProcessEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `StateSwicthed:from "A" to: "B"` (sic).
        case stateSwitch(from: String, to: String)
        /// `lem start transaction, index: 2 transactionId: "a0fa…"`: the charger's own transaction uuid.
        case internalTransaction(connector: Int, uuid: String)
        /// `Read start meter for connector 2 11026.4`
        case startMeter(connector: Int, value: String)
        /// `Assign id tag: "04922FCA1D6680" for connector: 2`
        case idTag(connector: Int, idTag: String)
        /// `Accept remote start transaction: 2 "12345"`
        case remoteStartAccepted(connector: Int)
        /// `Front connector choose authorize: "Rfid_Authorize"`
        case authorizeMethod(String)
        /// `Connector 1 stop reason: Card_Stop` (also `Vehicle_Stop`, `SOC_Full`, ...): the charger's own
        /// account of why a session ended.
        case stopReason(connector: Int, reason: String)
        case connectionFail
        case connectionRestore
    }

    public var ref: RecordRef
    public var time: Int64
    public var kind: Kind

    public var connector: Int? {
        switch kind {
        case .internalTransaction(let c, _), .startMeter(let c, _), .idTag(let c, _), .remoteStartAccepted(let c),
             .stopReason(let c, _): c
        default: nil
        }
    }

    /// A short role name for correlated-record lists.
    public var role: String {
        switch kind {
        case .stateSwitch: "state switch"
        case .internalTransaction: "internal transaction id"
        case .startMeter: "start meter"
        case .idTag: "id tag"
        case .remoteStartAccepted: "remote start accepted"
        case .authorizeMethod: "authorize"
        case .stopReason: "stop reason"
        case .connectionFail: "connection lost"
        case .connectionRestore: "connection restored"
        }
    }
}

extension MainProcessEvent {
    /// The events with `lo <= time <= hi` of a time-sorted array (binary search).
    static func within(_ sorted: [MainProcessEvent], _ lo: Int64, _ hi: Int64) -> ArraySlice<MainProcessEvent> {
        sorted[SortedByTime.range(sorted, from: lo, to: hi) { $0.time }]
    }
}

/// Recognises `MainProcessEvent`s in a line's bytes. Each pattern is checked by a fixed marker first,
/// found from its least common letter (`Bytes.find(_:_:anchor:)`: every line is asked for each).
enum MainProcessEventParser {
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> MainProcessEvent.Kind? {
        if let at = Bytes.find(b, "StateSwicthed:from ", anchor: UInt8(ascii: "w")) ?? Bytes.find(b, "StateSwitched:from ", anchor: UInt8(ascii: "w")) {
            var i = at + 19
            guard let from = quoted(b, &i), let toAt = Bytes.find(b[i...], "to:") else { return nil }
            i = toAt + 3
            guard let to = quoted(b, &i) else { return nil }
            return .stateSwitch(from: from, to: to)
        }
        if let at = Bytes.find(b, "lem start transaction, index: ", anchor: UInt8(ascii: "x")) {
            var i = at + 30
            guard let n = int(b, &i), let t = Bytes.find(b[i...], "transactionId:") else { return nil }
            i = t + 14
            guard let uuid = quoted(b, &i) else { return nil }
            return .internalTransaction(connector: n, uuid: uuid)
        }
        if let at = Bytes.find(b, "Read start meter for connector ", anchor: UInt8(ascii: "f")) {
            var i = at + 31
            guard let n = int(b, &i) else { return nil }
            i = Bytes.skipSpaces(b, i)
            var j = i
            while j < b.count, !Bytes.isSpace(b[j]), b[j] != 0x0A, b[j] != 0x0D { j += 1 }
            return .startMeter(connector: n, value: LosslessText.decode(UnsafeBufferPointer(rebasing: b[i..<j])))
        }
        if let at = Bytes.find(b, "Assign id tag: ", anchor: UInt8(ascii: "g")) {
            var i = at + 15
            guard let tag = quoted(b, &i), let c = Bytes.find(b[i...], "connector:") else { return nil }
            i = c + 10
            guard let n = int(b, &i) else { return nil }
            return .idTag(connector: n, idTag: tag)
        }
        if let at = Bytes.find(b, "Accept remote start transaction: ", anchor: UInt8(ascii: "p")) {
            var i = at + 33
            guard let n = int(b, &i) else { return nil }
            return .remoteStartAccepted(connector: n)
        }
        if let at = Bytes.find(b, "choose authorize: ", anchor: UInt8(ascii: "z")) {
            var i = at + 18
            guard let m = quoted(b, &i) else { return nil }
            return .authorizeMethod(m)
        }
        if let at = Bytes.find(b, " stop reason: ", anchor: UInt8(ascii: "p")), let c = Bytes.find(b, "Connector "), c < at {
            var i = c + 10
            guard let n = int(b, &i), Bytes.skipSpaces(b, i) == at + 1 else { return nil }
            i = at + 14
            var j = i
            while j < b.count, !Bytes.isSpace(b[j]), b[j] != 0x0A, b[j] != 0x0D { j += 1 }
            guard j > i else { return nil }
            return .stopReason(connector: n, reason: LosslessText.decode(UnsafeBufferPointer(rebasing: b[i..<j])))
        }
        if Bytes.find(b, "OCPP_Connection_Fail", anchor: UInt8(ascii: "F")) != nil { return .connectionFail }
        if Bytes.find(b, "OCPP_Connection_Restore", anchor: UInt8(ascii: "R")) != nil { return .connectionRestore }
        return nil
    }

    /// `"text"` after optional spaces; advances `i` past the closing quote.
    static func quoted(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        var k = Bytes.skipSpaces(b, i)
        guard k < b.count, b[k] == UInt8(ascii: "\"") else { return nil }
        k += 1
        let start = k
        while k < b.count, b[k] != UInt8(ascii: "\"") { k += 1 }
        guard k < b.count else { return nil }
        i = k + 1
        return LosslessText.decode(UnsafeBufferPointer(rebasing: b[start..<k]))
    }

    static func int(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        var k = Bytes.skipSpaces(b, i)
        var v = 0, digits = 0
        while k < b.count, b[k] &- 48 < 10, digits < 9 { v = v * 10 + Int(b[k] - 48); k += 1; digits += 1 }
        guard digits > 0 else { return nil }
        i = k
        return v
    }
}
