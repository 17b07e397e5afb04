// swift-tools-version:6.0
// libFuzzer targets for chargelog's parsers. Not part of the normal build: `scripts/fuzz.sh` builds
// this package with `-sanitize=fuzzer,address` into its own scratch path (.build-fuzz).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name (`main`, a worktree's name, ...).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let identity = root.lastPathComponent.lowercased()

let package = Package(
    name: "chargelog-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "chargelog-fuzz", dependencies: [
            .product(name: "ChargeLogCore", package: identity),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
