/// What the text around a frame says about its way.
public enum CarrierHint: UInt8, Sendable, Codable {
    case none
    /// `Sending:`, `>> message sent:`, `send ...`: the logging side sent it.
    case sent
    /// `Received:`, `<< message received:`, `receive data:`: the logging side received it.
    case received
    /// Proxy pipe `[From charging station]`.
    case fromStation
    /// Proxy pipe `[To charging station]`.
    case toStation

    /// Direction of the message itself when the log's side is the charger (or its proxy).
    var direction: OCPPDirection {
        switch self {
        case .sent, .fromStation: .chargerToCentral
        case .received, .toStation: .centralToCharger
        case .none: .unknown
        }
    }

    /// Guesses the hint from the words before a frame (`receive data: ?`, `Sending:`, `>>`).
    static func guess(_ prefix: UnsafeBufferPointer<UInt8>) -> CarrierHint {
        // Look at the last 48 bytes only: labels sit right before the frame.
        let from = max(0, prefix.count - 48)
        // A leading space, so that a word at the very start of the record reads as a word.
        var lower: [UInt8] = from == 0 ? [0x20] : []
        lower.reserveCapacity(prefix.count - from + 1)
        for i in from..<prefix.count {
            let b = prefix[i]
            lower.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        var best: (at: Int, hint: CarrierHint)? = nil
        func consider(_ word: StaticString, _ h: CarrierHint) {
            guard let at = lastIndex(of: word, in: lower) else { return }
            if best == nil || at > best!.at { best = (at, h) }
        }
        consider("receiv", .received)
        consider("recv", .received)
        consider("<<", .received)
        consider("incoming", .received)
        consider("send", .sent)
        consider("sent", .sent)
        consider(">>", .sent)
        consider("outgoing", .sent)
        consider("transmit", .sent)
        // `TX [2,…]` / `RX: [3,…]` as a word of its own.
        consider(" rx", .received)
        consider(" tx", .sent)
        return best?.hint ?? .none
    }

    static func lastIndex(of word: StaticString, in s: [UInt8]) -> Int? {
        let n = word.utf8CodeUnitCount
        guard s.count >= n else { return nil }
        var i = s.count - n
        while i >= 0 {
            var ok = true
            for k in 0..<n where s[i + k] != word.utf8Start[k] { ok = false; break }
            if ok { return i }
            i -= 1
        }
        return nil
    }
}
