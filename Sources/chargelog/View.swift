import ArgumentParser
import ChargeLogCore

/// The default command: open the viewer.
struct View: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the terminal viewer (default).")
    @OptionGroup var bundle: BundleOptions

    func run() throws {
        throw CLIError("the viewer is not built yet")
    }
}
