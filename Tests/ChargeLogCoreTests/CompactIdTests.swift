import Testing
@testable import ChargeLogCore

/// Unique ids packed inline: UUIDs (dashed or not, one case) and short ASCII ids come back as written;
/// anything else is left to the pool.
@Suite struct CompactIdTests {
    @Test("UUIDs in either case, dashed or not, and short ids come back exactly as written")
    func roundTrips() {
        for s in ["0d1b5aa3-c8bd-43d8-ad62-278db411dbee",        // the proxy's WebSocket ids (seed 000)
                  "0D1B5AA3-C8BD-43D8-AD62-278DB411DBEE",
                  "d98e1b74ccd4591612a4de9ba84bdfdd",            // the proxy's pipe ids
                  "D98E1B74CCD4591612A4DE9BA84BDFDD",
                  "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                  "1", "a1", "1234567890abcdef"] {
            let id = CompactId.pack(s)
            #expect(id != nil && id?.kind != CompactId.pooled)
            #expect(id?.string(pool: []) == s)
        }
        #expect(CompactId.pack("0d1b5aa3-c8bd-43d8-ad62-278db411dbee")?.kind == 1)
        #expect(CompactId.pack("D98E1B74CCD4591612A4DE9BA84BDFDD")?.kind == 4)
    }

    @Test("near misses are pooled: mixed case, a non-hex digit, a dash out of place, 17 plain bytes")
    func nearMisses() {
        for s in ["0d1b5aa3-C8BD-43d8-ad62-278db411dbee",        // mixed case would not come back as written
                  "0d1b5aa3-c8bd-43d8-ad62-278db411dbeg",        // g
                  "0d1b5aa3c-8bd-43d8-ad62-278db411dbee",        // dash moved
                  "d98e1b74ccd4591612a4de9ba84bdfd ",            // a space for the last digit
                  "12345678901234567"] {
            #expect(CompactId.pack(s) == nil, "\(s)")
        }
        // Distinct UUIDs stay distinct.
        #expect(CompactId.pack("0d1b5aa3-c8bd-43d8-ad62-278db411dbee") != CompactId.pack("0d1b5aa3-c8bd-43d8-ad62-278db411dbef"))
    }
}
