import ChargeLogCore
import Foundation

extension ViewerModel {
    func handlePrompt(_ key: Key) -> [ViewerEffect] {
        guard var p = prompt else { return [] }
        switch key {
        case .escape:
            prompt = nil
        case .enter:
            prompt = nil
            return submit(p)
        case .backspace, .delete:
            if p.text.isEmpty { prompt = nil } else { p.text.removeLast(); prompt = p }
        case .ctrl("u"):
            p.text = ""
            prompt = p
        case .char(let c):
            p.text.append(c)
            prompt = p
        default:
            break
        }
        return []
    }

    func submit(_ p: Prompt) -> [ViewerEffect] {
        message = nil
        switch p.purpose {
        case .search: startSearch(p.text)
        case .transaction: goToTransaction(id: p.text)
        case .idTag: findIdTag(p.text)
        case .command: return runCommand(p.text)
        case .textFilter:
            // As less: each & replaces the last; `&!` keeps the rows that do not match.
            let t = p.text.trimmingCharacters(in: .whitespaces)
            let out = t.hasPrefix("!")
            let source = out ? String(t.dropFirst()) : t
            if !source.isEmpty { do { _ = try TextPattern(source, smartCase: true) } catch { say(error.message, error: true); return [] } }
            guard let index else { return [] }
            var f = filter
            f.textIn = out || source.isEmpty ? [] : [source]
            f.textOut = out && !source.isEmpty ? [source] : []
            if f != filter { applyFilter(f, index: index) }
            say(source.isEmpty ? "text filter cleared" : "only rows \(out ? "not " : "")matching /\(source)/ (& and Enter clears)")
        case .filterValue(let item):
            setFilterValue(item, p.text)
            overlay = overlay ?? .filters(selected: 0)
        }
        return []
    }

    /// `:goto 2024-05-01 14:42`, `:tx 667`, `:stream ocpp,main`, `:q` ...
    func runCommand(_ line: String) -> [ViewerEffect] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let name = trimmed.prefix { $0 != " " }.lowercased()
        let arg = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard let index else { return [] }
        var f = filter
        switch name {
        case "q", "quit", "exit":
            return [.quit]
        case "goto", "go", "g", "time":
            guard let t = userTime(arg) else {
                say(ChargeLogError.invalidArgument(name: ":goto", value: arg, expected: Self.timeExpected).message, error: true)
                return []
            }
            moveCursor(toPosition: index.firstPosition(atOrAfter: t))
            say("at \(displayZone.display(t, millis: false)) \(displayZone.label(at: t))")
        case "tx", "transaction", "t":
            goToTransaction(id: arg)
        case "idtag", "i":
            findIdTag(arg)
        case "search", "/":
            startSearch(arg)
        case "stream", "streams":
            if arg.isEmpty || arg == "-" || arg == "all" {
                f.streams = nil
            } else {
                var set = Set<StreamKind>()
                for n in arg.split(whereSeparator: { $0 == "," || $0 == " " }) {
                    let word = n.lowercased()
                    guard let k = StreamKind(rawValue: word) ?? StreamKind.allCases.first(where: { $0.tag.lowercased() == word }) else {
                        say(ChargeLogError.invalidArgument(name: ":stream", value: String(n),
                            expected: StreamKind.allCases.map(\.rawValue).joined(separator: ", ")).message, error: true)
                        return []
                    }
                    set.insert(k)
                }
                f.streams = set
            }
        case "since", "until":
            var t: Int64?
            if !(arg.isEmpty || arg == "-") {
                guard let v = userTime(arg) else {
                    say(ChargeLogError.invalidArgument(name: ":" + name, value: arg, expected: Self.timeExpected).message, error: true)
                    return []
                }
                t = v
            }
            if name == "since" { f.since = t } else { f.until = t }
        case "filter-in", "filter-out":
            // `-` clears; each REGEX adds to the list (lnav).
            let source = arg
            var list = name == "filter-in" ? f.textIn : f.textOut
            if source.isEmpty || source == "-" {
                list = []
            } else {
                do { _ = try TextPattern(source, smartCase: true) } catch {
                    say(error.message, error: true)
                    return []
                }
                list.append(source)
            }
            if name == "filter-in" { f.textIn = list } else { f.textOut = list }
        case "tz", "zone", "display-tz":
            setDisplayZone(arg)
            return []
        case "around":
            guard let n = Int(arg), n > 0 else {
                say(ChargeLogError.invalidArgument(name: ":around", value: arg, expected: "a number of minutes").message, error: true)
                return []
            }
            narrowAround(minutes: n)
            return []
        case "action":
            f.action = arg.isEmpty || arg == "-" ? nil : arg
        case "connector", "conn":
            if arg.isEmpty || arg == "-" { f.connector = nil } else {
                guard let c = ConnectorLabel.parse(arg) else {
                    say(ChargeLogError.invalidArgument(name: ":connector", value: arg, expected: "a connector number (2.0.1: EVSE or EVSE/connector)").message, error: true)
                    return []
                }
                f.connector = c.key
            }
        case "verbosity", "level":
            guard let v = OCPPVerbosity(rawValue: arg.lowercased()) else {
                say(ChargeLogError.invalidArgument(name: ":verbosity", value: arg, expected: "minimal, info or debug").message, error: true)
                return []
            }
            f.verbosity = v
        case "heartbeats":
            f.hideHeartbeats = ["hide", "off", "no"].contains(arg.lowercased())
        case "filter":
            if arg == "clear" || arg == "-" { f = ViewFilter() } else { draftFilter = filter; overlay = .filters(selected: 0); return [] }
        case "write", "w", "save":
            writeRows(to: arg)
            return []
        case "wrap": wrap.toggle()
        case "raw": raw.toggle()
        case "files": overlay = .files(scroll: 0)
        case "kpis", "kpi": openKPIs()
        case "help", "h": overlay = .help(scroll: 0)
        default:
            if let n = Int(trimmed) {
                moveCursor(to: n - 1)
                return []
            }
            say("unknown command :\(name) (? lists the commands)", error: true)
            return []
        }
        if f != filter {
            applyFilter(f, index: index)
            say(f.isEmpty ? "filter cleared" : "filter: " + f.label(displayZone))
        }
        return []
    }
}
