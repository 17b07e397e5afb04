extension OCPPAnalysis {
    /// The checked signed value of a transaction that carries `doc` (same signed bytes), e.g. to show
    /// the verdict next to a message on either proxy hop.
    public func signedValue(carrying doc: OCMFDocument) -> SignedMeterValue? {
        for t in transactions {
            for s in t.signedValues {
                if let d = s.document, d.payloadBytes.count == doc.payloadBytes.count, d.payloadBytes == doc.payloadBytes,
                   d.signatureData == doc.signatureData {
                    return s
                }
            }
        }
        return nil
    }
}
