/// Where each pane goes for a screen size. Row 0 is the title bar, the last row the status line.
/// 80×24 and larger: the timeline on top, detail bottom-left, states and transactions bottom-right.
/// Smaller than 60×14, or with a pane maximised: the focused pane alone (Tab still cycles).
public struct Layout: Equatable, Sendable {
    public var panes: [PaneID: Rect]
    public var single: Bool

    public static let minSplitCols = 60
    public static let minSplitRows = 14

    public static func compute(rows: Int, cols: Int, focus: PaneID, maximized: Bool) -> Layout {
        let area = Rect(row: 1, col: 0, width: cols, height: max(0, rows - 2))
        if maximized || cols < minSplitCols || rows < minSplitRows {
            return Layout(panes: [focus: area], single: true)
        }
        let top = max(5, area.height * 11 / 20)
        let bottom = area.height - top
        let leftWidth = cols >= 120 ? cols * 45 / 100 : cols / 2
        let rightWidth = cols - leftWidth - 1
        let statesHeight = min(max(4, bottom * 2 / 5), bottom - 3)
        return Layout(panes: [
            .timeline: Rect(row: area.row, col: 0, width: cols, height: top),
            .detail: Rect(row: area.row + top, col: 0, width: leftWidth, height: bottom),
            .states: Rect(row: area.row + top, col: leftWidth + 1, width: rightWidth, height: statesHeight),
            .transactions: Rect(row: area.row + top + statesHeight, col: leftWidth + 1, width: rightWidth,
                                height: bottom - statesHeight),
        ], single: false)
    }

    /// The column between the detail pane and the right column (drawn as a rule).
    public func separator() -> Rect? {
        guard !single, let d = panes[.detail] else { return nil }
        return Rect(row: d.row, col: d.right, width: 1, height: d.height)
    }
}
