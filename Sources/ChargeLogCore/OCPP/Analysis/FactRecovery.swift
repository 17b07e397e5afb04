/// Reads a message's facts again from its record: the scan keeps no facts of proxy pipe copies,
/// which are counted only when their websocket copy is missing.
enum FactRecovery {
    static func facts(of i: Int, store: MessageStore, index: LogIndex) -> MessageFacts? {
        let e = store.entries[i]
        let file = index.files[Int(e.file)]
        let frames = FrameExtractor.frames(of: file, record: Int(e.record))
        guard Int(e.ordinal) < frames.count, let p = frames[Int(e.ordinal)].payload else { return nil }
        switch e.messageType {
        case .call?, .send?:
            guard let action = store.action(i) else { return nil }
            var ignored: [OCPPIssue] = []
            return FactsExtractor.request(action: action, payload: p, time: e.time, issues: &ignored)
        case .callResult?:
            guard store.action(i).map(FactsExtractor.answerMatters) ?? true else { return nil }
            return FactsExtractor.answer(p)
        default:
            return nil
        }
    }

    /// Facts of the pipe messages that have no websocket copy (and so are counted).
    static func unpairedPipeFacts(_ store: MessageStore, index: LogIndex) -> [(Int32, MessageFacts)] {
        var out: [(Int32, MessageFacts)] = []
        for i in 0..<store.count {
            let e = store.entries[i]
            guard e.channel == .pipe, e.flags.contains(.primary), !e.flags.contains(.broken) else { continue }
            if let f = facts(of: i, store: store, index: index) { out.append((Int32(i), f)) }
        }
        return out
    }
}
