import ArgumentParser
import ChargeLogCore
import ChargeLogTerminal
import ChargeLogUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default command: open the viewer.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the terminal viewer (default).",
        discussion: """
        Keys: ? lists them all. Themes: dark (default), light, high-contrast, monochrome, a JSON file,
        or NAME.json in ~/.config/chargelog/themes. NO_COLOR selects monochrome unless --theme is given.
        """)
    @OptionGroup var bundle: BundleOptions
    @Option(help: "Colour theme: a built-in name, a user theme name, or a path to a JSON theme file.")
    var theme: String?
    @Flag(help: "Use the mouse: wheel scrolls, click selects (takes over the terminal's own text selection).")
    var mouse = false
    @Flag(help: "Follow the files as they grow, like tail -f (rotation and truncation included); F toggles it in the viewer.")
    var follow = false
    @OptionGroup var ocmf: OCMFKeyOptions
    @OptionGroup var schemas: SchemaOption

    func run() throws {
        try bundle.validatePaths()
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw CLIError("the viewer needs a terminal (stdin and stdout are not both one); for text output use `chargelog timeline`")
        }
        for p in bundle.paths where access(p, F_OK) != 0 {
            throw CLIError(ChargeLogError.pathNotFound(p).message)
        }
        let extra = try schemas.load()
        let versions = try schemas.versions()
        let chosen: Theme
        do { chosen = try ThemeLoader.load(theme) } catch { throw CLIError(error.message) }
        let indexOptions = try bundle.indexOptions()
        let keyring = try ocmf.keyring()
        let zone = try bundle.displayZone()
        // Following, each analysis re-scans only the ranges that changed since the last one (with `F`
        // pressed later, from the second analysis of the grown bundle on).
        let memo = ScanMemo(fromFirst: follow)
        var viewerOptions = TerminalViewer.Options(paths: bundle.paths, index: indexOptions,
                                                   theme: chosen, mouse: mouse, follow: follow,
                                                   analyse: { index in
                                                       let analysis = OCPPAnalysis.build(index, ocmfKeys: keyring, schemas: extra, versions: versions, memo: memo)
                                                       return OCPPInsights.diagnosed(analysis, versionOverrides: versions)
                                                   })
        viewerOptions.displayZone = zone
        let outcome: TerminalViewer.Outcome
        do {
            outcome = try TerminalViewer.run(viewerOptions)
        } catch {
            throw CLIError(error.message)
        }
        switch outcome {
        case .quit: break
        case .signal(let s): throw ExitCode(128 + s)
        case .terminalLost: throw ExitCode(128 + SIGHUP)
        }
    }
}
