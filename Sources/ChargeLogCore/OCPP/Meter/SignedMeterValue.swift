/// A signed meter value found in a meter value (`format: SignedData` in 1.6, `signedMeterValue` in
/// 2.0.1): the OCMF document, or why it could not be read.
public struct SignedMeterValue: Sendable {
    /// The meter value's timestamp, epoch ms.
    public var time: Int64
    public var context: ReadingContext
    /// The record that carried it.
    public var ref: RecordRef?
    public var document: OCMFDocument?
    /// Set when the value is not readable OCMF.
    public var parseError: String?
    /// The signature check, when a key was given.
    public var verification: OCMFVerifier.Outcome?
}
