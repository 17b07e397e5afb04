import ChargeLogGenerator
import Foundation
import Testing
import TestSupport

/// The on-disk index as a user meets it, on the binaries that ship: a second `stats` reads every large
/// file from it and says so, the results are those of `--no-cache`, and `cache info` / `cache clear`.
@Suite(.serialized) struct CacheCLITests {
    final class Fixture {
        let root = NSTemporaryDirectory() + "chargelog-cache-cli-\(UUID().uuidString)"
        var bundle: String { BundleGenerator.bundlePath(in: root + "/gen") }
        var environment: [String: String] {
            var e = ProcessInfo.processInfo.environment
            e["XDG_CACHE_HOME"] = root + "/xdg"
            return e
        }
        var cacheDir: String { root + "/xdg/chargelog/index" }
        init() throws {
            // Large enough that the biggest log passes the 1 MiB an entry is kept from; the others stay below it.
            _ = try BundleGenerator.generate(into: root + "/gen", options: GeneratorOptions(targetBytes: 6_000_000, seed: 3))
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(_ args: [String], binary: String) throws -> String {
            let r = try E2EBundle.executeCapturingErrors(args, binary: binary, errorsTo: nil, environment: environment)
            #expect(r.status == 0, "\(args)")
            return r.out
        }

        var largeFiles: Int {
            (FileManager.default.enumerator(atPath: bundle)?.allObjects as? [String] ?? []).filter { name in
                let size = (try? FileManager.default.attributesOfItem(atPath: bundle + "/" + name)[.size] as? Int) ?? 0
                return name.hasSuffix(".log") && size >= 1 << 20
            }.count
        }
    }

    /// The stats text without its timing and cache lines.
    static func withoutTimings(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("indexed in") && !$0.hasPrefix("on-disk index") }
    }

    @Test(arguments: E2EBundle.shippedBinaries)
    func aSecondOpenReadsTheIndexFromDiskAndGivesTheSameAnswers(binary: String) throws {
        let fx = try Fixture()
        let large = fx.largeFiles
        #expect(large >= 1)
        let first = try fx.run(["stats", fx.bundle], binary: binary)
        #expect(first.contains("on-disk index (\(fx.cacheDir)): \(large) scanned and written"), "\(first)")
        let second = try fx.run(["stats", fx.bundle], binary: binary)
        #expect(second.contains("on-disk index (\(fx.cacheDir)): \(large) file(s) read from it"), "\(second)")
        let plain = try fx.run(["stats", fx.bundle, "--no-cache"], binary: binary)
        #expect(!plain.contains("on-disk index"))
        #expect(Self.withoutTimings(second) == Self.withoutTimings(plain))
        #expect(try fx.run(["transactions", fx.bundle, "--format", "json"], binary: binary)
            == (try fx.run(["transactions", fx.bundle, "--format", "json", "--no-cache"], binary: binary)))
    }

    @Test(arguments: E2EBundle.shippedBinaries)
    func cacheInfoAndClear(binary: String) throws {
        let fx = try Fixture()
        _ = try fx.run(["stats", fx.bundle], binary: binary)
        let n = fx.largeFiles
        let info = try fx.run(["cache", "info"], binary: binary)
        #expect(info.contains("on-disk index: \(fx.cacheDir)"))
        let entries = n == 1 ? "1 entry" : "\(n) entries"
        #expect(info.contains(entries + ", "))
        let cleared = try fx.run(["cache", "clear"], binary: binary)
        #expect(cleared.hasPrefix("removed \(entries) ("))
        #expect(try fx.run(["cache", "info"], binary: binary).contains("0 entries"))
        _ = try fx.run(["stats", fx.bundle, "--no-cache"], binary: binary)
        #expect(try fx.run(["cache", "info"], binary: binary).contains("0 entries"))
    }
}
