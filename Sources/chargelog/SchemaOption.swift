import ArgumentParser
import ChargeLogCore

/// `--schemas DIR`: OCPP JSON schemas loaded at run time (OCPP 2.1, vendor extensions), checked
/// next to the built-in 1.6 and 2.0.1 tables.
struct SchemaOption: ParsableArguments {
    @Option(name: .customLong("schemas"),
            help: "A folder of OCPP JSON schemas (<Action>Request.json / <Action>Response.json) to check messages against, e.g. OCPP 2.1 or a vendor's extensions.")
    var directory: String?

    @Option(name: .customLong("ocpp-version"), help: ArgumentHelp(
        "The OCPP version of every log's connections, or FILE=VERSION for one (1.6, 2.0.1, 2.1; repeatable), instead of the one inferred from the WebSocket subprotocol or the messages.",
        valueName: "version"))
    var ocppVersion: [String] = []

    func versions() throws -> [OCPPVersionOverride] {
        do { return try ocppVersion.map(OCPPVersionOverride.init(parsing:)) } catch { throw CLIError(error.message) }
    }

    func load() throws -> OCPPSchemaSet? {
        guard let d = directory else { return nil }
        do { return try OCPPSchemaSet.load(directory: d) } catch { throw CLIError(error.message) }
    }
}
