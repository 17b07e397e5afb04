import ChargeLogCore
import Testing
@testable import ChargeLogUI

/// `i` on the IDC180E sample. Its RFID cards (`SampleLogs/README.md`): 662 `04A1B2C3D4E580`,
/// 663 `04C3D2E1F0A980`, 665 `0482466A9E6F80`, 668 `04E5F6A7B8C980`, 667 `04B7C8D9E0F180`; the QR
/// starts 664 and 670; `0400000000DEAD` was refused (Invalid) and started nothing.
@Suite struct IdTagTests {
    @Test func aPrefixFindsTheOneKnownTag() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char("i")); f.type("04B7"); f.press(.enter)
        #expect(f.model.selectedTransactionRow?.id == "667")
        #expect(f.model.statusMessage == "idTag 04B7 → 04B7C8D9E0F180: transaction 1 of 1 (667)")
    }

    @Test func aSuffixListsTheCandidatesAndISteps() throws {
        let f = try SampleLogsFixture(cols: 200)
        defer { f.remove() }
        f.press(.char("i")); f.type("80"); f.press(.enter)
        #expect(f.model.statusMessage == "idTag 80 matches 5 idTags (04A1B2C3D4E580, 04C3D2E1F0A980, 0482466A9E6F80, 04E5F6A7B8C980, 04B7C8D9E0F180): transaction 1 of 5 (662, 663, 665, 668, 667); i again for the next")
        #expect(f.model.selectedTransactionRow?.id == "662")
        f.press(.char("i")); f.type("80"); f.press(.enter)
        #expect(f.model.selectedTransactionRow?.id == "663")
    }

    @Test func aTagNoTransactionHasIsATextSearchAndSaysSo() throws {
        let f = try SampleLogsFixture()
        defer { f.remove() }
        f.press(.char("i")); f.type("DEAD"); f.press(.enter)
        // 04-30 13:20:41: the refused Authorize, the first record naming 0400000000DEAD.
        #expect(f.cursorText.contains("0400000000DEAD"))
        #expect(f.model.statusMessage == "no transaction's idTag is, starts or ends with DEAD: text search, found DEAD in this record (i again for the next)")
        Snapshot.assert(f.model.render(), "idtag-text-search-80x24")
    }
}
