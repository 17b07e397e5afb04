import Foundation

/// Folders found from the package directory (this file is `Tests/TestSupport/PackagePaths.swift`).
public enum PackagePaths {
    /// The package (repository) folder.
    public static var package: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // TestSupport
            .deletingLastPathComponent()                               // Tests
            .deletingLastPathComponent()
    }

    /// The repository's `SampleLogs` folder.
    public static var sampleLogs: URL { package.appendingPathComponent("SampleLogs") }
}
