import Foundation

/// Every key the viewer knows, grouped for the `?` help screen. The screen model dispatches the same
/// keys; a test checks that each key listed here does something.
public enum KeyHelp {
    public struct Entry: Sendable, Equatable {
        public var keys: String
        public var action: String
    }

    public struct Group: Sendable, Equatable {
        public var title: String
        public var entries: [Entry]
    }

    public static let groups: [Group] = [
        Group(title: "Move", entries: [
            Entry(keys: "↑ ↓  j k", action: "previous / next row (in other panes: scroll or select)"),
            Entry(keys: "PgUp PgDn  Ctrl-U Ctrl-D", action: "page / half page up and down"),
            Entry(keys: "g G  Home End", action: "first / last row (or the focused pane's top / end)"),
            Entry(keys: "← →  h l", action: "scroll the timeline text left / right"),
            Entry(keys: "0", action: "scroll back to the start of the text"),
            Entry(keys: "Tab  Shift-Tab", action: "next / previous pane"),
            Entry(keys: "z", action: "maximise the focused pane (again: restore)"),
        ]),
        Group(title: "Search and jump", entries: [
            Entry(keys: "/", action: "search (regex, smart case) text and what rows show"),
            Entry(keys: "", action: "  (summaries, «labels»); wraps round; empty repeats"),
            Entry(keys: "n N", action: "next / previous match"),
            Entry(keys: "t", action: "go to a transaction by id: cursor on its first record"),
            Entry(keys: "i", action: "find transactions by idTag"),
            Entry(keys: "Enter", action: "OCPP row: jump to its answer / request (transactions pane: open)"),
            Entry(keys: "o", action: "OCPP row: jump to its copy on the other proxy hop (pipe ↔ WebSocket)"),
            Entry(keys: "] [", action: "next / previous record of the current transaction, any stream"),
            Entry(keys: "{ }", action: "the current transaction's Start / StopTransaction"),
            Entry(keys: "e E", action: "next / previous error: CALLERROR, refused, Invalid,"),
            Entry(keys: "", action: "  Faulted, fault alarm, ERROR line, unanswered call"),
            Entry(keys: "w W", action: "next / previous warning: WARN line, slow answer,"),
            Entry(keys: "", action: "  heartbeat gap, connection lost, clock jump…"),
            Entry(keys: "m  M", action: "mark / unmark the row; go to the next mark"),
            Entry(keys: "p", action: "scenarios and problems found (CALLERRORs, gaps, stops, faults…); Enter jumps to the record"),
        ]),
        Group(title: "View", entries: [
            Entry(keys: "r", action: "raw text instead of OCPP summaries"),
            Entry(keys: "Ctrl-W", action: "wrap long lines (also :wrap)"),
            Entry(keys: "+ -", action: "states pane: zoom the time window in / out"),
            Entry(keys: "v", action: "transactions pane: next chart"),
            Entry(keys: "!", action: "files: formats, records, and what could not be read and why"),
            Entry(keys: "K", action: "charger KPIs: availability per connector, session and first-attempt"),
            Entry(keys: "", action: "  success, plug-in to energy (also :kpis)"),
            Entry(keys: "F", action: "follow the files as they grow, like tail -f (again: stop)"),
        ]),
        Group(title: "Filter and commands", entries: [
            Entry(keys: "f", action: "filters: streams, OCPP verbosity, action, connector, heartbeats, time"),
            Entry(keys: "s", action: "show only the stream of the current row (again: all streams)"),
            Entry(keys: "x", action: "one row per OCPP exchange: answer and proxy hop copies folded"),
            Entry(keys: "", action: "  into the request, shown in the detail pane (again: all)"),
            Entry(keys: "H", action: "hide housekeeping: queue bookkeeping, «works well», heartbeats"),
            Entry(keys: "~", action: "only ±10 min around the cursor (again: all times)"),
            Entry(keys: "&", action: "only rows matching a regex, as in less (&!RE: not"),
            Entry(keys: "", action: "  matching; & alone clears)"),
            Entry(keys: ":", action: "command: goto TIME, tx ID, idtag TAG, stream LIST,"),
            Entry(keys: "", action: "  since/until TIME (07:30: cursor's day), around N,"),
            Entry(keys: "", action: "  action NAME, connector N, verbosity minimal|info|debug, heartbeats hide|show,"),
            Entry(keys: "", action: "  filter-in RE, filter-out RE (lnav), write PATH,"),
            Entry(keys: "", action: "  tz local|ZONE|utc (times shown in a zone; tz alone: UTC),"),
            Entry(keys: "", action: "  filter clear, wrap, raw, files, kpis, help, quit; '-' clears a value"),
            Entry(keys: "c", action: "copy the marked rows (or the current row) via OSC 52, secrets masked"),
            Entry(keys: ":write PATH", action: "save the marked (or filtered) rows: .csv as the"),
            Entry(keys: "", action: "  ChargePilot download, .ndjson as the export, other"),
            Entry(keys: "", action: "  names raw lines; secrets masked"),
            Entry(keys: "?", action: "this help"),
            Entry(keys: "q  Ctrl-C", action: "quit (closes a dialog first)"),
        ]),
    ]

    /// The help screen as lines of text.
    public static func lines() -> [String] {
        var out: [String] = []
        for g in groups {
            out.append(g.title)
            for e in g.entries {
                out.append("  " + e.keys.padding(toLength: 26, withPad: " ", startingAt: 0) + e.action)
            }
            out.append("")
        }
        return out
    }
}
