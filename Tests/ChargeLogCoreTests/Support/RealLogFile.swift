import Foundation
import TestSupport
@testable import ChargeLogCore

/// A real field log (`RealLogs`) indexed and analysed by the real pipeline.
enum RealLogFile {
    static func path(_ name: String) throws -> String { try RealLogs.url(name).path }

    static func index(_ name: String) throws -> LogIndex {
        Indexer.build(try BundleLoader.load(paths: [try path(name)]), options: IndexOptions())
    }

    static func analysis(_ name: String) throws -> OCPPAnalysis { OCPPAnalysis.build(try index(name)) }
}
