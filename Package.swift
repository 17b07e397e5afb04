// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chargelog",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chargelog", targets: ["chargelog"]),
        .library(name: "ChargeLogCore", targets: ["ChargeLogCore"]),
        .library(name: "ChargeLogUI", targets: ["ChargeLogUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // C shims only.
        // No pkgConfig here: ncursesw.pc carries -D flags SwiftPM refuses (and warns about);
        // shim.h sets the wide-character switch and the module map links ncursesw itself.
        .systemLibrary(name: "CNcursesw"),
        .systemLibrary(name: "CLibz", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // libcrypto for OCMF signatures on every curve meters use (brainpool and secp*k1 included).
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]),
        // Ingest, formats, time, merged index, OCPP engine, diagnostics. No terminal code.
        .target(name: "ChargeLogCore", dependencies: [
            "CLibz", "COpenSSL",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // The wording the viewer and the CLI share (a timeline line, its marker): Core returns data.
        .target(name: "ChargeLogText", dependencies: ["ChargeLogCore"]),
        // Screen model: panes, layout, keys, themes, charts, rendered into a cell grid. No curses.
        .target(name: "ChargeLogUI", dependencies: ["ChargeLogCore", "ChargeLogText"]),
        // Thin curses backend: draws the cell grid, reads keys.
        .target(name: "ChargeLogTerminal", dependencies: ["ChargeLogUI", "CNcursesw"]),
        // Synthetic bundles with known content, for tests and the benchmark.
        .target(name: "ChargeLogGenerator", dependencies: [
            "ChargeLogCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        .executableTarget(name: "chargelog", dependencies: [
            "ChargeLogCore", "ChargeLogText", "ChargeLogUI", "ChargeLogTerminal", "ChargeLogGenerator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fixtures every test target shares (seed excerpts, real logs, temporary bundles), one copy.
        .target(name: "TestSupport", dependencies: ["ChargeLogCore", "ChargeLogGenerator"], path: "Tests/TestSupport"),
        .testTarget(name: "ChargeLogCoreTests", dependencies: ["ChargeLogCore", "ChargeLogText", "ChargeLogGenerator", "TestSupport"],
                    exclude: ["OpenOCPPTrace"]),
        .testTarget(name: "ChargeLogUITests", dependencies: ["ChargeLogUI", "ChargeLogCore", "TestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["chargelog", "ChargeLogGenerator", "ChargeLogCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
