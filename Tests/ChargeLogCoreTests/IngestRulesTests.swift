import Testing
@testable import ChargeLogCore

@Suite("Ingest: naming rules")
struct IngestRulesTests {
    @Test("copy numbers of repeated downloads are recognised before the extension")
    func copyNames() {
        let cases: [(String, String, Int)] = [
            ("2168Vqt.zip", "2168Vqt.zip", 0),
            ("2168Vqt (1).zip", "2168Vqt.zip", 1),
            ("2168Vqt(2).zip", "2168Vqt.zip", 2),
            ("A23C2706768VMainProcess (3).log.gz", "A23C2706768VMainProcess.log.gz", 3),
            ("ocpp (12)", "ocpp", 12),
            ("(1).zip", "(1).zip", 0),
            ("log (copy).txt", "log (copy).txt", 0),
            ("x (1) y.zip", "x (1) y.zip", 0),
        ]
        for (name, original, number) in cases {
            let c = DuplicateDownloads.parse(name)
            #expect(c.original == original, "\(name)")
            #expect(c.number == number, "\(name)")
        }
    }

    @Test("duplicates are compared within one folder only; equal times keep the later download")
    func duplicateScopes() {
        let d = DuplicateDownloads.decide([
            ("a/2168Vqt.zip", 100), ("b/2168Vqt (1).zip", 50),      // different folders: both kept
            ("c/2168Vccu.zip", 70), ("c/2168Vccu (1).zip", 70),     // tie: the (1) copy wins
            ("d/2168Vfault (1).zip", nil),                          // alone: kept
        ])
        #expect(d == [.keep, .keep, .skip(keptIndex: 3), .keep, .keep])
    }

    @Test("rotation order: _0 before the live file, .N from highest, dated names by name")
    func rotationOrder() {
        let paths = ["ocpp.log", "ocpp.log.10", "ocpp.log.2", "ocpp.log.1.gz", "qt/A_0.log", "qt/A.log",
                     "module_2.log", "ocpp-2024-05-02.log", "ocpp-2024-05-01.log", "v1.2", "B_1.log.gz", "B.log"]
        let ordered = RotationOrder.order(paths).map { paths[$0] }
        #expect(ordered == ["B_1.log.gz", "B.log", "module_2.log", "ocpp-2024-05-01.log", "ocpp-2024-05-02.log",
                            "ocpp.log.10", "ocpp.log.2", "ocpp.log.1.gz", "ocpp.log", "qt/A_0.log", "qt/A.log", "v1.2"])
    }

    @Test("labels: one folder has none, same-named inputs get parent folders")
    func labels() {
        #expect(InputLabels.labels(for: ["/x/bundle"], isFolder: [true]) == [""])
        #expect(InputLabels.labels(for: ["/x/2168Vqt.zip"], isFolder: [false]) == ["2168Vqt.zip"])
        #expect(InputLabels.labels(for: ["/s/a/logs", "/s/b/logs", "/t/ocpp.log"], isFolder: [true, true, false])
                == ["a/logs", "b/logs", "ocpp.log"])
    }
}

/// After a fresh clone every file has the checkout time: the dates inside the copies decide.
@Suite struct DuplicateDownloadTieTests {
    @Test func equalFileTimesFallBackToContentDates() {
        let items: [(path: String, modificationTime: Int64?)] = [("d/2168Vqt (1).zip", 1_000), ("d/2168Vqt.zip", 1_500)]
        // The copy-numbered one holds the newer entries: it wins although its file time is older.
        let decisions = DuplicateDownloads.decide(items) { $0 == 0 ? 9_000 : 5_000 }
        #expect(decisions == [.keep, .skip(keptIndex: 0)])
        // Far-apart file times still decide on their own.
        let far: [(path: String, modificationTime: Int64?)] = [("d/2168Vqt (1).zip", 1_000), ("d/2168Vqt.zip", 900_000)]
        #expect(DuplicateDownloads.decide(far) { $0 == 0 ? 9_000 : 5_000 } == [.skip(keptIndex: 1), .keep])
    }
}
