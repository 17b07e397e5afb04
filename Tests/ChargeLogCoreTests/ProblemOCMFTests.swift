import Foundation
import Testing
@testable import ChargeLogCore

/// The `ocmfNotBillable` problem: OCMF readings the meter marks unbillable, or whose signature does
/// not hold; readings without a key are not a problem.
@Suite("Problem: OCMF reading not billable")
struct ProblemOCMFTests {
    static func safe(_ file: String, _ i: Int) -> SAFEVectors.Vector {
        SAFEVectors.all.first { $0.file.hasPrefix(file) && $0.index == i }!
    }

    /// SAFE 20211007-device-with-evt-ocmf-sss-ses.xml: the BAUER meter's begin and end documents
    /// say `"EF":"Et","ST":"E"` (signatures valid, 0 Wh in the transaction register).
    static let bauer = OCMFTwoMeterTests.transaction(
        id: 5, connector: 1, meterStart: 0, meterStop: 0,
        begin: safe("20211007-device-with-evt", 0).signedData, end: safe("20211007-device-with-evt", 1).signedData,
        start: "2021-10-07T13:29:50", stop: "2021-10-07T13:38:10")

    @Test("meter status E and error flags E, t: the reading is not billable")
    func errorStatus() throws {
        let key = try OCMFPublicKey(parsing: Self.safe("20211007-device-with-evt", 0).publicKey)
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.bauer.split(separator: "\n").map(String.init)],
                                    year: nil, ocmfKeys: OCMFKeyring(key))
        defer { b.remove() }
        let f = try #require(b.of(.ocmfNotBillable).first)
        #expect(b.of(.ocmfNotBillable).count == 1)
        #expect(f.transactionId == "5")
        #expect(f.severity == .error)
        #expect(f.explanation == "OCMF reading not billable in transaction 5, connector 1: "
            + "Transaction.Begin reading T2 of meter 001BZR1521070006: meter status E, other error, error flag E: energy not usable for billing, error flag t: time not usable for billing; "
            + "Transaction.End reading T3 of meter 001BZR1521070006: meter status E, other error, error flag E: energy not usable for billing, error flag t: time not usable for billing")
        #expect(b.texts(f)[0].contains(#""StopTransaction""#))
        #expect(FindingKind.ocmfNotBillable.label == "reading not billable")
        let t = try #require(b.analysis.transaction(id: "5"))
        #expect(t.signedValues.map(\.verification) == [.valid, .valid])
        #expect(t.issues.filter { $0.kind == .readingNotBillable }.count == 6)
    }

    @Test("manipulated: status M of a reading (Chargy testdata with ST changed) and an INVALID signature")
    func manipulated() throws {
        let manipulated = ChargyVectors.testdata01.replacingOccurrences(of: #""ST":"G""#, with: #""ST":"M""#)
        let log = OCMFTwoMeterTests.transaction(id: 6, connector: 2, meterStart: 268978, meterStop: 268978,
                                                begin: manipulated, end: nil, start: "2019-06-26T08:57:40", stop: "2019-06-26T09:10:00")
        let b = try DiagnosedBundle([DiagnosedBundle.frames: log.split(separator: "\n").map(String.init)], year: nil,
                                    ocmfKeys: OCMFKeyring(try OCMFPublicKey(parsing: ChargyVectors.testdata01Key)))
        defer { b.remove() }
        let f = try #require(b.of(.ocmfNotBillable).first)
        // Changing the status broke the signature too: both are said.
        #expect(f.explanation == "OCMF reading not billable in transaction 6, connector 2: Transaction.Begin reading T9289 of meter ******240084S: signature INVALID, meter status M, manipulated")
    }

    @Test("near miss: good readings with a valid signature, and readings without a key, are no problem")
    func goodReadings() throws {
        let nzr = OCMFTwoMeterTests.transaction(
            id: 2, connector: 2, meterStart: 1833, meterStop: 1833,
            begin: Self.safe("brainpoolP256r1.xml", 0).signedData, end: Self.safe("brainpoolP256r1.xml", 1).signedData,
            start: "2021-10-26T11:15:08", stop: "2021-10-26T11:15:13")
        let lines = nzr.split(separator: "\n").map(String.init)
        let key = try OCMFPublicKey(parsing: Self.safe("brainpoolP256r1.xml", 0).publicKey)
        let checked = try DiagnosedBundle([DiagnosedBundle.frames: lines], year: nil, ocmfKeys: OCMFKeyring(key))
        defer { checked.remove() }
        #expect(checked.analysis.transaction(id: "2")?.signedValues.map(\.verification) == [.valid, .valid])
        #expect(checked.of(.ocmfNotBillable).isEmpty)
        let unchecked = try DiagnosedBundle([DiagnosedBundle.frames: lines], year: nil)
        defer { unchecked.remove() }
        #expect(unchecked.of(.ocmfNotBillable).isEmpty)
    }
}
