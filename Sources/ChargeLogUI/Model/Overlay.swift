/// A full-screen dialog over the panes.
enum Overlay: Equatable {
    case help(scroll: Int)
    /// The filter dialog, editing a draft that applies when it closes.
    case filters(selected: Int)
    case files(scroll: Int)
    /// Scenarios and problems found by the diagnostics; Enter jumps to the selected one's first record.
    case problems(selected: Int)
    /// The charger's KPIs (README: Charger KPIs), as `summary` gives them.
    case kpis(scroll: Int)
}
