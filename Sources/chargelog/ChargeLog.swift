import ArgumentParser
import ChargeLogCore

@main
struct ChargeLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargelog",
        abstract: "Terminal viewer for EV-charger log bundles: one timeline, OCPP decoded, transactions rebuilt.",
        discussion: """
        With no subcommand, opens the viewer on the given paths (folders, .zip, .gz or plain logs).
        The subcommands serve scripts: they print the same data the viewer shows.
        """,
        subcommands: [
            View.self, Timeline.self, Stats.self,
            Transactions.self,
            Exchanges.self,
            Show.self,
            Generate.self,
            Summary.self,
            Export.self,
            Cache.self,
            BenchFollow.self,
            BenchModel.self,
        ],
        defaultSubcommand: View.self
    )
}
