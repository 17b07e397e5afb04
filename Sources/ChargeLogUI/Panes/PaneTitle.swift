/// The title row of a pane: its name, then details; the focused pane's title stands out.
enum PaneTitle {
    static func draw(_ title: String, detail: String = "", focused: Bool, into g: inout CellGrid, rect: Rect) {
        let base = CellStyle(fg: focused ? .paneTitleFocused : .paneTitle, bg: .paneTitleBackground, bold: focused)
        g.fill(row: rect.row, col: rect.col, width: rect.width, style: base)
        var x = g.write(focused ? "▸ " : "  ", row: rect.row, col: rect.col, limit: rect.right, style: base)
        x = g.write(title, row: rect.row, col: x, limit: rect.right, style: base.bolded)
        if !detail.isEmpty {
            g.write("  " + detail, row: rect.row, col: x, limit: rect.right, style: base.with(fg: focused ? .paneTitleFocused : .paneTitle))
        }
    }
}
