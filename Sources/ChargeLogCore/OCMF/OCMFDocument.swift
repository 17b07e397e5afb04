/// A parsed OCMF signed meter value: `OCMF|{payload}|{signature}` (SAFE e.V. OCMF), whitespace and
/// newlines around the separators allowed. The payload's exact bytes are kept: a signature covers
/// them, not a re-serialisation.
public struct OCMFDocument: Sendable {
    /// The bytes between the first and the second `|`, exactly as sent (the signed data).
    public var payloadBytes: [UInt8]
    /// The payload JSON's own bytes, without whitespace around it (differs from `payloadBytes`
    /// only when a line break or spaces stand next to the separators).
    public var payloadJSONBytes: [UInt8]
    public var payload: JSONValue
    public var signature: JSONValue?

    public var formatVersion: String? { payload["FV"]?.stringValue }
    public var gatewayId: String? { payload["GI"]?.stringValue }
    public var gatewaySerial: String? { payload["GS"]?.stringValue }
    public var gatewayVersion: String? { payload["GV"]?.stringValue }
    /// PG: `T12` transaction pagination, `F3` fiscal.
    public var pagination: String? { payload["PG"]?.stringValue }
    public var meterVendor: String? { payload["MV"]?.stringValue }
    public var meterModel: String? { payload["MM"]?.stringValue }
    public var meterSerial: String? { payload["MS"]?.stringValue }
    public var meterFirmware: String? { payload["MF"]?.stringValue }
    public var identificationStatus: Bool? { payload["IS"]?.boolValue }
    public var identificationLevel: String? { payload["IL"]?.stringValue }
    public var identificationFlags: [String] { payload["IF"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public var identificationType: String? { payload["IT"]?.stringValue }
    public var identificationData: String? { payload["ID"]?.stringValue }
    public var chargePointIdType: String? { payload["CT"]?.stringValue }
    public var chargePointId: String? { payload["CI"]?.stringValue }

    /// SA as written, default `ECDSA-secp256r1-SHA256`.
    public var signatureAlgorithm: String { signature?["SA"]?.stringValue ?? OCMFAlgorithm.defaultName }
    /// SA read: curve and hash; nil for an algorithm chargelog does not know.
    public var algorithm: OCMFAlgorithm? { OCMFAlgorithm(signatureAlgorithm) }
    /// SE, default `hex`.
    public var signatureEncoding: String { signature?["SE"]?.stringValue ?? "hex" }
    /// SD: the signature (DER r,s), encoded per SE.
    public var signatureData: String? { signature?["SD"]?.stringValue }

    /// The readings, omitted fields carried over from the previous reading.
    public let readings: [OCMFReading]

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case notOCMF
        case payload(String)
        case missingSeparator
        case signature(String)
        public var description: String {
            switch self {
            case .notOCMF: "does not start with OCMF|"
            case .payload(let r): "payload is not valid JSON: \(r)"
            case .missingSeparator: "no | between payload and signature"
            case .signature(let r): "signature is not valid JSON: \(r)"
            }
        }
    }

    /// Parses an OCMF text; whitespace around the whole text and around the separators is allowed.
    public static func parse(_ text: String) -> Result<OCMFDocument, ParseError> {
        let bytes = Array(text.utf8)
        var i = 0
        func skipSpace() { while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 } }
        skipSpace()
        guard bytes.count >= i + 4, Array(bytes[i..<i + 4]) == Array("OCMF".utf8) else { return .failure(.notOCMF) }
        i += 4
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "|") else { return .failure(.notOCMF) }
        let payloadStart = i + 1
        return bytes.withUnsafeBufferPointer { buf -> Result<OCMFDocument, ParseError> in
            let payload: JSONValue
            var end: Int
            switch JSONParser.parsePrefix(buf, from: payloadStart) {
            case .failure(let e): return .failure(.payload(e.description))
            case .success(let r): (payload, end) = r
            }
            var jsonStart = payloadStart
            while jsonStart < end, Self.isSpace(buf[jsonStart]) { jsonStart += 1 }
            let json = Array(buf[jsonStart..<end])
            i = end
            skipSpace()
            guard i < buf.count, buf[i] == UInt8(ascii: "|") else { return .failure(.missingSeparator) }
            let between = Array(buf[payloadStart..<i])
            var signature: JSONValue? = nil
            i += 1
            skipSpace()
            if i < buf.count {
                switch JSONParser.parsePrefix(buf, from: i) {
                case .failure(let e): return .failure(.signature(e.description))
                case .success(let r): signature = r.value
                }
            }
            return .success(OCMFDocument(payloadBytes: between, payloadJSONBytes: json, payload: payload, signature: signature))
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    init(payloadBytes: [UInt8], payloadJSONBytes: [UInt8], payload: JSONValue, signature: JSONValue?) {
        self.payloadBytes = payloadBytes
        self.payloadJSONBytes = payloadJSONBytes
        self.payload = payload
        self.signature = signature
        self.readings = OCMFReading.list(payload["RD"])
    }

    /// The bytes a signature may cover: those between the separators, and the JSON's own bytes
    /// when whitespace stands around it there.
    var signedByteCandidates: [[UInt8]] {
        payloadBytes == payloadJSONBytes ? [payloadBytes] : [payloadBytes, payloadJSONBytes]
    }

    /// The first import reading marked begin (TX B).
    public var beginReading: OCMFReading? { readings.first { $0.kind == "B" && $0.isImportRegister } }
    /// The last import reading marking an end (TX E, L, R, A, P).
    public var endReading: OCMFReading? { readings.last { $0.isEnd && $0.isImportRegister } }
}
