import ChargeLogCore
import Testing
@testable import ChargeLogUI
import TestSupport

/// `/` over what rows show, wrapping round; `:filter-in`, `:filter-out` and `&`. On the seeds'
/// Sungrow bundle (`SeedBundles.sungrowBundle`): its proxy log answers StopTransaction 544 with
/// `[4,"9c5b687a…","InternalError",…]` and the row shows it as `← CALLERROR InternalError`.
@Suite struct SearchFilterTests {
    @Test func searchFindsTheSummaryTextARowShows() throws {
        let f = try Fixture()
        defer { f.remove() }
        // The raw line says `[4,` and `InternalError`; only the row's summary says CALLERROR.
        #expect(f.position(containing: "CALLERROR") == nil)
        f.press(.char("/")); f.type("CALLERROR"); f.press(.enter)
        #expect(f.cursorText.contains("Received: [4,\"9c5b687a"))
        #expect(f.model.statusMessage == nil)
    }

    @Test func searchFindsAFindingsLabel() throws {
        let f = try Fixture(insights: { OCPPInsights(analysis: OCPPAnalysis.build($0)) })
        defer { f.remove() }
        // The StopTransaction the CPO refused carries «… stop rejected by CPO» (ProblemsOverlayTests).
        f.press(.char("/")); f.type("stop rejected"); f.press(.enter)
        #expect(f.cursorText.contains("\"StopTransaction\"") || f.cursorText.contains("=StopTransaction="))
    }

    @Test func searchWrapsRoundWithANotice() throws {
        let f = try Fixture()
        defer { f.remove() }
        let stop = try #require(f.position(containing: "Sending: [2,\"9c5b687a"))
        f.press(.char("G"))
        f.press(.char("/")); f.type("Sending: \\[2,\"9c5b687a"); f.press(.enter)
        #expect(f.model.cursorPosition == stop)
        #expect(f.model.statusMessage == "search hit BOTTOM, continued at TOP")
        Snapshot.assert(f.model.render(), "search-wrapped-80x24")
        // The only match, searched again from itself: found again after wrapping, not "not found".
        f.press(.char("n"))
        #expect(f.model.cursorPosition == stop)
        f.press(.char("N"))
        #expect(f.model.cursorPosition == stop && f.model.statusMessage == "search hit TOP, continued at BOTTOM")
        // A pattern that is nowhere.
        f.press(.char("/")); f.type("NoSuchTextAnywhere"); f.press(.enter)
        #expect(f.model.statusMessage == "/NoSuchTextAnywhere/ not found")
    }

    @Test func filterInAndOutMatchRawAndShownText() throws {
        let f = try Fixture()
        defer { f.remove() }
        let all = f.model.rowCount
        f.press(.char(":")); f.type("filter-in CALLERROR|StopTransaction"); f.press(.enter)
        let kept = (0..<f.model.rowCount).map { f.index.text(at: f.model.timeline!.position(ofRow: $0)) }
        // Every StopTransaction line of the bundle, and the CALLERROR answer (matched by its summary).
        let expected = (0..<f.index.count).map { f.index.text(at: $0) }.filter { $0.contains("StopTransaction") || $0.contains("Received: [4,") }
        #expect(kept == expected && kept.count < all)
        #expect(f.model.render().text().contains("in /CALLERROR|StopTransaction/"))
        f.press(.char(":")); f.type("filter-out ExecutionException"); f.press(.enter)
        #expect(f.model.rowCount == expected.filter { !$0.contains("ExecutionException") }.count)
        f.press(.char(":")); f.type("filter-in -"); f.press(.enter)
        f.press(.char(":")); f.type("filter-out -"); f.press(.enter)
        #expect(f.model.rowCount == all)
        // A broken regex is refused with a message.
        f.press(.char(":")); f.type("filter-in ([a"); f.press(.enter)
        #expect(f.model.statusMessage?.hasPrefix("invalid value '([a'") == true && f.model.rowCount == all)
    }

    @Test func ampersandFiltersAsInLess() throws {
        let f = try Fixture()
        defer { f.remove() }
        let all = f.model.rowCount
        // The proxy's `ChargePoint - The chargePoint (…) works well.` lines.
        let wellCount = (0..<f.index.count).filter { f.index.text(at: $0).contains("works well") }.count
        f.press(.char("&")); f.type("works well"); f.press(.enter)
        #expect(wellCount > 0 && f.model.rowCount == wellCount)
        Snapshot.assert(f.model.render(), "filter-ampersand-80x24")
        // &! replaces it: the other rows.
        f.press(.char("&")); f.type("!works well"); f.press(.enter)
        #expect(f.model.rowCount == all - wellCount)
        f.press(.char("&")); f.press(.enter)
        #expect(f.model.rowCount == all && f.model.statusMessage == "text filter cleared")
    }
}
