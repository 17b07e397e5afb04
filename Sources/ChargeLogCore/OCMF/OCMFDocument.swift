/// A parsed OCMF signed meter value: `OCMF|{payload}|{signature}` (SAFE e.V. OCMF).
/// The payload's exact bytes are kept: a signature covers them, not a re-serialisation.
public struct OCMFDocument: Sendable {
    /// The bytes between the first and the second `|`.
    public var payloadBytes: [UInt8]
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

    /// SA, default `ECDSA-secp256r1-SHA256`.
    public var signatureAlgorithm: String { signature?["SA"]?.stringValue ?? "ECDSA-secp256r1-SHA256" }
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

    public static func parse(_ text: String) -> Result<OCMFDocument, ParseError> {
        let bytes = Array(text.utf8)
        guard bytes.count > 5, Array(bytes[0..<5]) == Array("OCMF|".utf8) else { return .failure(.notOCMF) }
        return bytes.withUnsafeBufferPointer { buf -> Result<OCMFDocument, ParseError> in
            let payload: JSONValue
            let end: Int
            switch JSONParser.parsePrefix(buf, from: 5) {
            case .failure(let e): return .failure(.payload(e.description))
            case .success(let r): (payload, end) = r
            }
            let payloadBytes = Array(buf[5..<end])
            var i = end
            while i < buf.count, buf[i] == 0x20 { i += 1 }
            guard i < buf.count, buf[i] == UInt8(ascii: "|") else { return .failure(.missingSeparator) }
            var signature: JSONValue? = nil
            if i + 1 < buf.count {
                switch JSONParser.parsePrefix(buf, from: i + 1) {
                case .failure(let e): return .failure(.signature(e.description))
                case .success(let r): signature = r.value
                }
            }
            return .success(OCMFDocument(payloadBytes: payloadBytes, payload: payload, signature: signature))
        }
    }

    init(payloadBytes: [UInt8], payload: JSONValue, signature: JSONValue?) {
        self.payloadBytes = payloadBytes
        self.payload = payload
        self.signature = signature
        self.readings = Self.readings(payload["RD"])
    }

    static func readings(_ rd: JSONValue?) -> [OCMFReading] {
        guard let items = rd?.arrayValue else { return [] }
        var out: [OCMFReading] = []
        var last = OCMFReading()
        for item in items {
            var r = OCMFReading()
            if let tm = item["TM"]?.stringValue {
                r.timeText = tm
                let parts = tm.split(separator: " ")
                r.time = parts.first.flatMap { ISOStamp.parse(Array($0.utf8)[...])?.ms }
                r.timeSync = parts.count > 1 ? parts[1].first : nil
            } else {
                r.timeText = last.timeText
                r.time = last.time
                r.timeSync = last.timeSync
            }
            r.kind = item["TX"]?.stringValue?.first ?? last.kind
            if let rv = item["RV"] {
                r.valueText = rv.plainText
                r.value = rv.doubleValue
            }
            r.obis = item["RI"]?.stringValue ?? last.obis
            r.unit = item["RU"]?.stringValue ?? last.unit
            r.currentType = item["RT"]?.stringValue ?? last.currentType
            r.errorFlags = item["EF"]?.stringValue ?? last.errorFlags
            r.status = item["ST"]?.stringValue?.first ?? last.status
            out.append(r)
            last = r
        }
        return out
    }

    /// The first import reading marked begin (TX B).
    public var beginReading: OCMFReading? { readings.first { $0.kind == "B" && $0.isImportRegister } }
    /// The last import reading marking an end (TX E, L, R, A, P).
    public var endReading: OCMFReading? { readings.last { $0.isEnd && $0.isImportRegister } }
}
