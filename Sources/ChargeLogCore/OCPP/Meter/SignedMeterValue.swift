/// A signed meter value found in a meter value (`format: SignedData` in 1.6, `signedMeterValue` in
/// 2.0.1): the OCMF document, or why it could not be read.
public struct SignedMeterValue: Sendable {
    /// The meter value's timestamp, epoch ms.
    public var time: Int64
    public var context: ReadingContext
    /// The record that carried it.
    public var ref: RecordRef?
    public var document: OCMFDocument?
    /// How the OCMF text was wrapped in the message (plain, Base64, hex).
    public var encoding: OCMFText.Encoding?
    /// Set when the value is not readable OCMF.
    public var parseError: String?
    /// The signature check (not checked when no key fits the meter).
    public var verification: OCMFVerifier.Outcome?
    /// Which key checked it: `meter 1DZG0033016911`, `connector 2`, `--ocmf-key`.
    public var keySource: String?

    public init(time: Int64, context: ReadingContext, ref: RecordRef? = nil, document: OCMFDocument? = nil,
                encoding: OCMFText.Encoding? = nil, parseError: String? = nil,
                verification: OCMFVerifier.Outcome? = nil, keySource: String? = nil) {
        self.time = time
        self.context = context
        self.ref = ref
        self.document = document
        self.encoding = encoding
        self.parseError = parseError
        self.verification = verification
        self.keySource = keySource
    }

    /// A signed value read from the message text `value`.
    static func read(_ value: String, time: Int64, context: ReadingContext) -> SignedMeterValue {
        guard let (text, encoding) = OCMFText.unwrap(value) else {
            let start = value.trimmingSpaces().prefix(24)
            return SignedMeterValue(time: time, context: context,
                                    parseError: "neither OCMF text nor Base64 or hex of it (starts \"\(start)\")")
        }
        switch OCMFDocument.parse(text) {
        case .success(let doc):
            return SignedMeterValue(time: time, context: context, document: doc, encoding: encoding)
        case .failure(let e):
            return SignedMeterValue(time: time, context: context, encoding: encoding, parseError: e.description)
        }
    }

    /// Why the readings cannot be billed: the meter's status and error flags per reading, an
    /// exception reading, or a signature that does not hold. Empty when nothing speaks against it.
    public var unbillableReasons: [String] {
        var out: [String] = []
        if let v = verification, v.verdict == .invalid || v.verdict == .error { out.append(v.description) }
        for r in document?.readings ?? [] {
            for reason in r.unbillableReasons where !out.contains(reason) { out.append(reason) }
        }
        return out
    }
}
