/// The records of all streams that belong to one transaction, computed on request.
extension OCPPAnalysis {
    /// Margin before the first and after the last message of a transaction for other streams' lines.
    public static let correlationMargin: Int64 = 30_000

    /// Every record correlated with a transaction, in timeline order, each with its role:
    /// - its OCPP messages with their answers and proxy hop copies (role: the action, `… answer`,
    ///   `… error`), and its connector's StatusNotifications in its span;
    /// - MainProcess lines in its span that are state switches or name its connector (`lem start
    ///   transaction`, `Read start meter`, `Assign id tag`, `Accept remote start`, `Set CCU2 …`);
    /// - CCU and fault lines in its span that name its connector; lines naming no connector are
    ///   included only while no other connector has a transaction running (they cannot be attributed);
    /// - vendor code lines (`ocpp error Code :…`) in its span.
    public func correlatedRecords(transactionId: String) -> [(RecordRef, role: String)] {
        guard let t = transactionById[transactionId] else { return [] }
        let tx = transactions[t]
        var roles: [RecordRef: String] = [:]
        func put(_ ref: RecordRef, _ role: String) { if roles[ref] == nil { roles[ref] = role } }

        func putMessage(_ i: Int) {
            let role = Self.role(store, i)
            put(store.entries[i].ref, role)
            let h = Int(store.hop[i])
            if h >= 0 { put(store.entries[h].ref, role) }
        }
        for m in transactionMessages[t] {
            let i = Int(m)
            putMessage(i)
            let a = Int(store.counterpart[i])
            if a >= 0 { putMessage(a) }
        }

        // A MainProcess authorisation line that decided `auth`.
        if let a = tx.authorizeRef, index.files[a.file].stream == .mainprocess { put(a, "authorize") }

        let lo = tx.firstLogTime - Self.correlationMargin
        let hi = tx.lastLogTime + Self.correlationMargin
        let connector = tx.connector

        // StatusNotifications of the connector (entries are in time order).
        if let c = connector, let history = connectorStates.first(where: { $0.connector == c }) {
            for k in SortedByTime.range(history.entries, from: lo, to: hi, time: { $0.time }) {
                let i = history.entries[k].messageNumber
                putMessage(i)
                let a = Int(store.counterpart[i])
                if a >= 0 { putMessage(a) }
            }
        }

        // Other connectors busy in the span make unattributed lines ambiguous.
        let othersBusy = transactionSpans.enumerated().contains { k, o in
            k != t && o.connector >= 0 && o.connector != (connector ?? -1) && o.first <= hi && o.last >= lo
        }
        let eventNumber = mainEventByRef.get {
            Dictionary(mainEvents.enumerated().map { ($1.ref, $0) }, uniquingKeysWith: { a, _ in a })
        }
        for (f, file) in index.files.enumerated() {
            switch file.stream {
            case .mainprocess, .ccu, .fault, .module:
                break
            default:
                continue
            }
            let range = Self.records(of: file, from: lo, to: hi)
            guard !range.isEmpty else { continue }
            RecordCursor(file: file).forEach(range) { r, bytes in
                let ref = RecordRef(file: f, record: r)
                let text = LosslessText.decode(bytes)
                let named = ConnectorMention.numbers(in: text)
                switch file.stream {
                case .mainprocess:
                    if let n = eventNumber[ref] {
                        let e = mainEvents[n]
                        if case .stateSwitch = e.kind { put(ref, e.role); return }
                        if let c = e.connector, c != connector { return }
                        if e.connector != nil || !named.contains(where: { $0 != connector }) { put(ref, e.role) }
                    } else if let c = connector, named.contains(c), named.count == 1 {
                        put(ref, "connector")
                    }
                case .ccu, .fault:
                    let role = file.stream == .ccu ? "ccu" : "fault"
                    if let c = connector, named.contains(c) { put(ref, role) }
                    else if named.isEmpty && !othersBusy && !Bytes.isBlank(bytes) && Self.hasBody(text, stream: file.stream) {
                        put(ref, role)
                    }
                default:
                    if AuroraErrorLine.parse(text) != nil { put(ref, "vendor code") }
                }
            }
        }
        return roles.map { (position: index.position(of: $0.key), ref: $0.key, role: $0.value) }
            .sorted { $0.position < $1.position }
            .map { ($0.ref, role: $0.role) }
    }

    /// The transaction a record is correlated with (the first one listing it), or nil.
    /// The map of all transactions' records is built on first use.
    public func transactionId(of ref: RecordRef) -> String? {
        transactionOfRecord.get {
            var map: [RecordRef: String] = [:]
            for t in transactions {
                for (r, _) in correlatedRecords(transactionId: t.transactionId) where map[r] == nil { map[r] = t.transactionId }
            }
            return map
        }[ref]
    }

    /// `StartTransaction`, `StartTransaction answer`, `StopTransaction error`.
    static func role(_ store: MessageStore, _ i: Int) -> String {
        let action = store.action(i) ?? "OCPP"
        switch store.entries[i].messageType {
        case .callResult?: return action + " answer"
        case .callError?, .callResultError?: return action + " error"
        default: return action
        }
    }

    /// A fault/update line with text after its stamp (empty-body separator lines are skipped).
    static func hasBody(_ text: String, stream: StreamKind) -> Bool {
        guard stream == .fault, let close = text.firstIndex(of: "]") else { return true }
        return !text[text.index(after: close)...].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Records of a file whose time lies in `lo...hi` (the file's times are ascending apart from rare
    /// out-of-order stamps).
    static func records(of file: IndexedFile, from lo: Int64, to hi: Int64) -> Range<Int> {
        let times = file.index.times
        return SortedByTime.range(0..<times.count, from: lo, to: hi) { times[$0] }
    }
}
