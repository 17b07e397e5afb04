import Testing
@testable import ChargeLogCore
import TestSupport

/// Clock synchronisation by NTP and by the OCPP time.
@Suite struct ScenarioClockTests {
    @Test func ntpSync() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.ntpMain])
        defer { b.remove() }
        let found = b.of(.clockSyncNTP)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-04-21T22:46:07.000Z")
        #expect(f.explanation.contains("offset -0.338 s"))
        #expect(f.explanation.contains("46.102.157.67"))
        #expect(f.explanation.contains("2 DC meter clocks set"))
        let texts = b.texts(f)
        #expect(texts[0].contains("NTP Time sync finished"))
        #expect(texts.contains { $0.contains("ntpdate request") })
        #expect(texts.filter { $0.contains("Set time completed") }.count == 2)
        #expect(b.of(.clockJump).isEmpty, "a third of a second is no jump")
    }

    @Test func failedNTPRunIsNoSync() throws {
        let lines = SeedExcerpts.ntpMain.replacing("adjust time server 46.102.157.67 offset -0.337614 sec",
                                                with: "no server suitable for synchronization found")
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.clockSyncNTP).isEmpty)
    }

    @Test func largeNTPOffsetIsAClockJump() throws {
        let lines = SeedExcerpts.ntpMain.replacing("offset -0.337614 sec", with: "offset 3600.337614 sec")
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.clockSyncNTP).count == 1)
        #expect(b.of(.clockJump).first?.explanation.contains("+3600.338 s") == true)
    }

    @Test func ocppTimeCheckWithoutSync() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: SeedExcerpts.connectionMain])
        defer { b.remove() }
        let found = b.of(.clockSyncOCPP)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.explanation.contains("offset -5.658 s"))
        #expect(f.explanation.contains("not synced"))
        #expect(b.texts(f).contains { $0.contains("Time difference origin") })
        #expect(b.texts(f).first?.contains(#"Recv BootNotification: QJsonObject({"currentTime":"2024-04-30T20:02:08Z"})"#) == true)
    }

    @Test func ocppTimeApplied() throws {
        let lines = SeedExcerpts.connectionMain.replacing("good, no need to sync from OCPP", with: "bad, sync from OCPP")
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        let f = try #require(b.of(.clockSyncOCPP).first)
        #expect(f.explanation.contains("offset -5.658 s applied"))
        #expect(b.of(.clockJump).count == 1, "5.7 s is more than the 2 s a clock may move unnoticed")
    }

    @Test func invalidOCPPDateAloneIsNoCheck() throws {
        let lines = SeedExcerpts.connectionMain.filter { !$0.contains("Time difference origin") }
        #expect(lines.contains { $0.contains("Date time from OCPP is invalid!") })
        let b = try DiagnosedBundle([DiagnosedBundle.mainProcess: lines])
        defer { b.remove() }
        #expect(b.of(.clockSyncOCPP).isEmpty)
    }
}
