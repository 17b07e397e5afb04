import ChargeLogCore

extension ViewerModel {
    func handleOverlay(_ o: Overlay, _ key: Key) -> [ViewerEffect] {
        switch o {
        case .help(let s):
            switch key {
            case .up, .char("k"): overlay = .help(scroll: max(0, s - 1))
            case .down, .char("j"): overlay = .help(scroll: s + 1)
            case .pageDown, .char(" "): overlay = .help(scroll: s + max(1, rows - 4))
            case .pageUp: overlay = .help(scroll: max(0, s - max(1, rows - 4)))
            case .char("q"), .char("?"), .escape, .enter: overlay = nil
            default: break
            }
        case .kpis(let s):
            switch key {
            case .up, .char("k"): overlay = .kpis(scroll: max(0, s - 1))
            case .down, .char("j"): overlay = .kpis(scroll: s + 1)
            case .pageDown, .char(" "): overlay = .kpis(scroll: s + max(1, rows - 4))
            case .pageUp: overlay = .kpis(scroll: max(0, s - max(1, rows - 4)))
            case .char("q"), .char("K"), .escape, .enter: overlay = nil
            default: break
            }
        case .files(let s):
            switch key {
            case .up, .char("k"): overlay = .files(scroll: max(0, s - 1))
            case .down, .char("j"): overlay = .files(scroll: s + 1)
            case .pageDown, .char(" "): overlay = .files(scroll: s + max(1, rows - 4))
            case .pageUp: overlay = .files(scroll: max(0, s - max(1, rows - 4)))
            case .char("q"), .char("!"), .escape, .enter: overlay = nil
            default: break
            }
        case .problems(let sel):
            let all = insights?.groupedFindings ?? []
            let last = max(0, all.count - 1)
            let page = max(1, rows - 10)
            switch key {
            case .up, .char("k"): overlay = .problems(selected: max(0, sel - 1))
            case .down, .char("j"): overlay = .problems(selected: min(last, sel + 1))
            case .pageUp: overlay = .problems(selected: max(0, sel - page))
            case .pageDown, .char(" "): overlay = .problems(selected: min(last, sel + page))
            case .home, .char("g"): overlay = .problems(selected: 0)
            case .end, .char("G"): overlay = .problems(selected: last)
            case .enter:
                overlay = nil
                guard sel < all.count else { break }
                let f = all[sel]
                if let first = f.records.first { jump(to: first, what: f.kind.label) } else {
                    say("\(f.kind.label): no record to show")
                }
            case .char("q"), .char("p"), .escape: overlay = nil
            default: break
            }
        case .filters(let sel):
            let items = filterItems
            switch key {
            case .up, .char("k"): overlay = .filters(selected: max(0, sel - 1))
            case .down, .char("j"): overlay = .filters(selected: min(items.count - 1, sel + 1))
            case .char(" "), .enter, .right, .char("l"): changeFilterItem(items[sel], forward: true)
            case .left, .char("h"): changeFilterItem(items[sel], forward: false)
            case .char("x"): draftFilter = ViewFilter()
            case .escape, .char("q"), .char("f"):
                overlay = nil
                if draftFilter != filter, let index {
                    applyFilter(draftFilter, index: index)
                    say(draftFilter.isEmpty ? "filter cleared" : "filter: " + draftFilter.label(displayZone))
                }
            default: break
            }
        }
        return []
    }

    /// Opens the problems list on the first finding at or after the cursor's time.
    func openProblems() {
        guard let insights else { return }
        guard insights.hasAnalysis else {
            say("scenarios and problems come from the OCPP analysis, not available yet")
            return
        }
        let all = insights.groupedFindings
        let now = cursorPosition.flatMap { p in index.map { $0.time(at: p) } } ?? Int64.min
        overlay = .problems(selected: all.firstIndex { $0.time >= now } ?? max(0, all.count - 1))
    }

    /// Opens the KPI dialog (once the analysis has computed them).
    func openKPIs() {
        guard insights?.kpis != nil else {
            say("KPIs come from the OCPP analysis, not available yet")
            return
        }
        overlay = .kpis(scroll: 0)
    }

    /// The filter dialog's lines: one per stream present in the bundle, then the OCPP and time items.
    var filterItems: [FilterItem] {
        let present = Set(index?.files.map(\.stream) ?? [])
        let streams = StreamKind.allCases.filter(present.contains).map(FilterItem.stream)
        return streams + [.verbosity, .action, .connector, .heartbeats, .since, .until, .clearAll]
    }

    func changeFilterItem(_ item: FilterItem, forward: Bool) {
        switch item {
        case .stream(let s):
            let present = Set(index?.files.map(\.stream) ?? [])
            var set = draftFilter.streams ?? present
            if set.contains(s) { set.remove(s) } else { set.insert(s) }
            draftFilter.streams = set == present ? nil : set
        case .verbosity:
            let all = OCPPVerbosity.allCases
            let i = all.firstIndex(of: draftFilter.verbosity)!
            draftFilter.verbosity = all[(i + (forward ? 1 : all.count - 1)) % all.count]
        case .heartbeats:
            draftFilter.hideHeartbeats.toggle()
        case .action, .connector, .since, .until:
            prompt = Prompt(purpose: .filterValue(item))
        case .clearAll:
            draftFilter = ViewFilter()
        }
    }

    func setFilterValue(_ item: FilterItem, _ raw: String) {
        let v = raw.trimmingCharacters(in: .whitespaces)
        switch item {
        case .action: draftFilter.action = v.isEmpty ? nil : v
        case .connector:
            if v.isEmpty { draftFilter.connector = nil } else if let c = ConnectorLabel.parse(v) { draftFilter.connector = c.key } else {
                say(ChargeLogError.invalidArgument(name: "connector", value: v, expected: "a connector number (2.0.1: EVSE or EVSE/connector)").message, error: true)
            }
        case .since, .until:
            var t: Int64?
            if !v.isEmpty {
                guard let p = userTime(v) else {
                    say(ChargeLogError.invalidArgument(name: item == .since ? "since" : "until", value: v,
                                                       expected: Self.timeExpected).message, error: true)
                    return
                }
                t = p
            }
            if item == .since { draftFilter.since = t } else { draftFilter.until = t }
        default: break
        }
    }
}
