/// The meters' public keys for a bundle: one per meter serial (OCMF `MS`, or the signing gateway's
/// `GS` for meters that name none) and per connector, from `--ocmf-keys`, and one for every other
/// meter from `--ocmf-key`. A document whose meter has no key is not checked, never INVALID.
public struct OCMFKeyring: Sendable, Equatable {
    public var byMeter: [String: OCMFPublicKey]
    public var byConnector: [Int: OCMFPublicKey]
    /// The key for meters the others do not name (`--ocmf-key`).
    public var fallback: OCMFPublicKey?

    public init(byMeter: [String: OCMFPublicKey] = [:], byConnector: [Int: OCMFPublicKey] = [:],
                fallback: OCMFPublicKey? = nil) {
        self.byMeter = byMeter
        self.byConnector = byConnector
        self.fallback = fallback
    }

    /// One key for every meter.
    public init(_ key: OCMFPublicKey) { self.init(fallback: key) }

    public var isEmpty: Bool { byMeter.isEmpty && byConnector.isEmpty && fallback == nil }

    /// The key for `doc` read on `connector`, and where it came from (`meter 1DZG0033016911`,
    /// `connector 2`, `--ocmf-key`): the meter serial first, then the gateway serial, the connector,
    /// the fallback.
    public func key(for doc: OCMFDocument, connector: Int?) -> (key: OCMFPublicKey, source: String)? {
        for serial in [doc.meterSerial, doc.gatewaySerial].compactMap({ $0?.trimmingSpaces() }) where !serial.isEmpty {
            if let k = byMeter[serial] { return (k, "meter \(serial)") }
        }
        if let c = connector, let k = byConnector[c] { return (k, "connector \(c)") }
        if let k = fallback { return (k, "--ocmf-key") }
        return nil
    }

    /// What `verify` says when no key fits.
    public func missingKeyReason(for doc: OCMFDocument) -> String {
        if isEmpty { return "no key given (--ocmf-key or --ocmf-keys)" }
        let meter = doc.meterSerial ?? doc.gatewaySerial
        return "no key for meter \(meter.map { $0.isEmpty ? "(empty serial)" : $0 } ?? "(no serial in the document)")"
    }
}
