/// An OCMF signature algorithm (`SA`): ECDSA over a curve with a hash, `ECDSA-secp256r1-SHA256`
/// when the document names none. Spellings differ between the spec table and meters
/// (`ECDSA-brainpool256r1-SHA256`, `ECDSA-brainpoolP256r1-SHA256`); both are read.
public struct OCMFAlgorithm: Sendable, Equatable {
    public enum Hash: String, Sendable, CaseIterable { case sha256 = "SHA-256", sha384 = "SHA-384", sha512 = "SHA-512" }

    public var curve: OCMFCurve
    public var hash: Hash

    public static let defaultName = "ECDSA-secp256r1-SHA256"

    public init(curve: OCMFCurve, hash: Hash) {
        self.curve = curve
        self.hash = hash
    }

    /// `ECDSA-<curve>-<hash>`; the hash may be left out (SHA-256, the only hash of the spec table).
    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0].uppercased() == "ECDSA" else { return nil }
        var rest = Array(parts.dropFirst())
        var hash = Hash.sha256
        if let last = rest.last, rest.count >= 2, let h = Self.hash(last) {
            hash = h
            rest.removeLast()
        } else if rest.count >= 3, let h = Self.hash(rest[rest.count - 2] + rest[rest.count - 1]) {
            // `SHA-256` written with its dash.
            hash = h
            rest.removeLast(2)
        }
        guard let curve = OCMFCurve(token: rest.joined()) else { return nil }
        self.init(curve: curve, hash: hash)
    }

    static func hash(_ token: String) -> Hash? {
        switch token.uppercased() {
        case "SHA256": .sha256
        case "SHA384": .sha384
        case "SHA512": .sha512
        default: nil
        }
    }

    /// `ECDSA-brainpoolP256r1-SHA256`, in the spelling OpenSSL and most meters use.
    public var name: String { "ECDSA-\(curve.rawValue)-\(hash.rawValue.replacingOccurrences(of: "-", with: ""))" }
}
