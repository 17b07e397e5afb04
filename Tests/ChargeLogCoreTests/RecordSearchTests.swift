import Foundation
import Testing
@testable import ChargeLogCore
import ChargeLogGenerator
import TestSupport

/// The byte-level search (`RecordSearch`) against the plain one: the regex on every record's text.
@Suite struct RecordSearchTests {
    /// The plain path: every record's text through the regex.
    static func plain(_ ix: LogIndex, _ p: TextPattern) -> [[Int]] {
        ix.files.map { f in (0..<f.recordCount).filter { p.matches(f.text($0)) } }
    }

    @Test func requiredLiteralsOfCommonPatterns() {
        func lit(_ s: String, _ ci: Bool = false) -> [String]? {
            RequiredLiterals.of(s, caseInsensitive: ci)?.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(lit("Faulted") == ["Faulted"])
        #expect(lit("Status.*Faulted") == ["Faulted"])
        #expect(lit("OCPP_Connection_Fail|OCPP_Connection_Restore") == ["OCPP_Connection_Fail", "OCPP_Connection_Restore"])
        #expect(lit("x\\.y+z") == ["x.y"])
        #expect(lit("[abc]+def") == ["def"])
        #expect(lit("(Heart|Boot)beat") == ["beat"])
        #expect(lit("a{0,2}bc") == ["bc"])
        #expect(lit("ab{2}c") == ["ab"])
        #expect(lit("Fault", true) == ["fault"])
        // Near misses: a quantifier makes the character before it optional.
        #expect(lit("colou?r") == ["colo"])
        #expect(lit("Faulted?") == ["Faulte"])
        // None is certain: a branch without a run, inline flags, character escapes, back references.
        #expect(lit("Faulted|.*") == nil)
        #expect(lit("(?i)Faulted") == ["faulted"])
        #expect(lit("a(?i)b") == nil)
        #expect(lit("\\x46aulted") == nil)
        #expect(lit("(a)\\1") == nil)
        #expect(lit("\\Qa.b\\E") == nil)
    }

    @Test func literalScanFindsFoldedAndExactAcrossWordEdges() {
        let text = Array("xxxxxxxFaULTEDyy faulted Faulted".utf8)
        text.withUnsafeBytes { buf in
            let folded = LiteralScan(Array("faulted".utf8), folded: true)
            #expect(folded.find(in: buf, from: 0) == 7)
            #expect(folded.find(in: buf, from: 8) == 17)
            let exact = LiteralScan(Array("Faulted".utf8), folded: false)
            #expect(exact.find(in: buf, from: 0) == 25)
            #expect(exact.find(in: buf, from: 26) == nil)
            // `@` (0x40) is `` ` `` (0x60) with the letter bit: not folded, as it is no letter.
            #expect(LiteralScan(Array("@".utf8), folded: true).find(in: buf, from: 0) == nil)
        }
        let special = Array("abcdefghijklmnop\u{1B}[0m".utf8)
        special.withUnsafeBytes { #expect(SpecialBytes.find(in: $0, from: 0) == 16) }
        Array("ascii only, thirty-two bytes....".utf8).withUnsafeBytes { #expect(SpecialBytes.find(in: $0, from: 0) == nil) }
    }

    /// Lines whose text is not their bytes: colour codes, invalid UTF-8, a Kelvin sign (folds to k),
    /// a multi-line frame, a CRLF line. Expected rows read from the lines written here.
    @Test func recordsWhoseTextIsNotTheirBytes() throws {
        var proxy = Data()
        proxy.append(Data("2024-05-01 10:00:00.000 +0000 INFO PipeSession - status Faulted on 1\n".utf8))
        proxy.append(Data("2024-05-01 10:00:01.000 +0000 INFO PipeSession - \u{1B}[31mFau\u{1B}[0mlted split by colour\n".utf8))
        proxy.append(Data("2024-05-01 10:00:02.000 +0000 INFO PipeSession - bad byte ".utf8) + Data([0xFF]) + Data(" here\n".utf8))
        proxy.append(Data("2024-05-01 10:00:03.000 +0000 INFO PipeSession - 7 \u{212A}W peak\r\n".utf8))
        proxy.append(Data("2024-05-01 10:00:04.000 +0000 INFO PipeSession - nothing\n".utf8))
        let frames = """
        [2021-11-09 16:20:35:000] start
        [2,"1","StatusNotification",{"connectorId":1,
        "status":"Faulted"}]
        """
        let bundle = try TempBundle([:])
        defer { bundle.remove() }
        try bundle.write("proxy.log", proxy)
        try bundle.write("frames.log", Data(frames.utf8))
        let ix = try bundle.index()
        let proxyFile = try #require(ix.file(named: "proxy.log"))
        let framesFile = try #require(ix.file(named: "frames.log"))
        func found(_ p: String, smart: Bool = false) throws -> [String: [Int]] {
            let pattern = try TextPattern(p, smartCase: smart)
            let fast = RecordSearch.matchingRecords(ix, pattern, threads: 2)
            #expect(fast == Self.plain(ix, pattern), "pattern \(p)")
            // The literal looked for before the index, in blocks smaller than a line.
            for block in [40, 1 << 20] {
                let prescan = LiteralPrescan.start(ix.files.map(\.source.diskPath), pattern: pattern, blockBytes: block)
                // It read every file whole, so the search below takes its offsets, not the plain path.
                if let prescan { #expect(ix.files.allSatisfy { prescan.covered($0.source.diskPath) == $0.index.endOffset }) }
                #expect((prescan == nil) == (RequiredLiterals.of(pattern.source, caseInsensitive: pattern.caseInsensitive) == nil))
                #expect(RecordSearch.matchingRecords(ix, pattern, threads: 2, prescan: prescan) == fast, "pattern \(p) prescan \(block)")
            }
            return ["proxy": fast[proxyFile.id], "frames": fast[framesFile.id]]
        }
        // Record 0 holds Faulted in its bytes, 1 only once the colour codes are left out; the frame
        // record (1 of frames.log) spans two lines.
        #expect(try found("Faulted") == ["proxy": [0, 1], "frames": [1]])
        // `\xFF` is what the text shows for the invalid byte.
        #expect(try found("xFF") == ["proxy": [2], "frames": []])
        // Smart case: the Kelvin sign is a capital K for the regex, which ASCII folding does not see.
        #expect(try found("kw peak", smart: true) == ["proxy": [3], "frames": []])
        #expect(try found("peak$") == ["proxy": [3], "frames": []])
        #expect(try found("connectorId\":1,\\n\"status") == ["proxy": [], "frames": [1]])
    }

    /// A prescan that read less than the index holds (the file grew after it) is not trusted: the
    /// grown file is searched as without one.
    @Test func aPrescanOfAShorterFileIsNotUsed() throws {
        let bundle = try TempBundle(["proxy.log": "2024-05-01 10:00:00.000 +0000 INFO PipeSession - start\n"])
        defer { bundle.remove() }
        let pattern = try TextPattern("Faulted")
        let path = bundle.dir.appendingPathComponent("proxy.log").path
        let prescan = try #require(LiteralPrescan.start([path], pattern: pattern))
        _ = prescan.wait()
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data("2024-05-01 10:00:01.000 +0000 INFO PipeSession - status Faulted on 1\n".utf8))
        h.closeFile()
        let ix = try bundle.index()
        #expect(RecordSearch.matchingRecords(ix, pattern, prescan: prescan) == [[1]])
    }

    @Test(arguments: ["Faulted", "faulted", "Heartbeat", "StatusNotification.*Available", "Fail|Restore",
                      "(?i)metervalues", "\\d{3}ms", "transactionId\":\\s*\\d+", "zzzz-not-there", "Conn?ector"])
    func sameMatchesAsThePlainPathOnAGeneratedBundle(_ source: String) throws {
        let directory = NSTemporaryDirectory() + "chargelog-search-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try BundleGenerator.generate(into: directory, options: GeneratorOptions(targetBytes: 1_500_000, seed: 11))
        let ix = Indexer.build(try BundleLoader.load(paths: [BundleGenerator.bundlePath(in: directory)]), options: IndexOptions())
        for smart in [false, true] {
            let pattern = try TextPattern(source, smartCase: smart)
            let expected = Self.plain(ix, pattern)
            // Small blocks: many jobs, record lookups at block edges.
            #expect(RecordSearch.matchingRecords(ix, pattern, threads: 2, blockBytes: 64 << 10) == expected, "\(source) smart \(smart)")
            #expect(RecordSearch.matchingRecords(ix, pattern, threads: 1) == expected, "\(source) smart \(smart)")
            // The literal looked for in the raw bytes first (as `timeline --grep` does while indexing).
            for block in [4096, LiteralPrescan.blockBytes] {
                let prescan = LiteralPrescan.start(ix.files.map(\.source.diskPath), pattern: pattern, blockBytes: block)
                if let prescan { #expect(ix.files.allSatisfy { prescan.covered($0.source.diskPath) == $0.index.endOffset }) }
                #expect(RecordSearch.matchingRecords(ix, pattern, threads: 2, prescan: prescan) == expected, "\(source) smart \(smart) prescan \(block)")
            }
            let positions = expected.enumerated().flatMap { f, rs in rs.map { ix.position(of: RecordRef(file: f, record: $0)) } }.sorted()
            #expect(RecordSearch.matchingPositions(ix, pattern) == positions)
        }
    }
}
