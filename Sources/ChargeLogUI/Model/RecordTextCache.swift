import ChargeLogCore

/// Texts of recently shown records, so moving the cursor does not re-read every visible row.
final class RecordTextCache {
    private var texts: [RecordRef: String] = [:]
    let capacity: Int

    init(capacity: Int = 1024) { self.capacity = capacity }

    func clear() { texts.removeAll(keepingCapacity: true) }

    func text(_ ref: RecordRef, read: (RecordRef) -> String) -> String {
        if let t = texts[ref] { return t }
        let t = read(ref)
        if texts.count >= capacity { texts.removeAll(keepingCapacity: true) }
        texts[ref] = t
        return t
    }
}
