import Testing
@testable import ChargeLogUI

@Suite struct CellGridTests {
    @Test func doubleWidthTextTakesTwoCells() {
        var g = CellGrid(rows: 1, cols: 10)
        let end = g.write("//登陆", row: 0, col: 0)
        #expect(end == 6)
        #expect(g[0, 2].glyph == "登" && g[0, 2].width == 2)
        #expect(g[0, 3].isContinuation)
        #expect(g[0, 4].glyph == "陆")
        #expect(g.rowText(0) == "//登陆")
    }

    @Test func wideGlyphThatDoesNotFitIsBlanked() {
        var g = CellGrid(rows: 1, cols: 5)
        g.write("abcd登", row: 0, col: 0)
        #expect(g.rowText(0) == "abcd")
        #expect(g[0, 4].glyph == " " && g[0, 4].width == 1)
    }

    @Test func overwritingHalfOfAWideGlyphBlanksTheOtherHalf() {
        var g = CellGrid(rows: 1, cols: 6)
        g.write("登陆", row: 0, col: 0)
        g.write("x", row: 0, col: 1)
        #expect(g.rowText(0) == " x陆")
        #expect(!g[0, 1].isContinuation)
        g.write("y", row: 0, col: 2)
        #expect(g.rowText(0) == " xy")
    }

    @Test func horizontalScrollCutsAWideGlyphToASpace() {
        var g = CellGrid(rows: 1, cols: 8)
        g.write("a登陆b", row: 0, col: 0, skip: 2)
        // 'a' and the left half of 登 are scrolled off; its right half shows as a space.
        #expect(g.rowText(0) == " 陆b")
    }

    @Test func writeStopsAtTheLimitAndControlCharactersNeverReachTheScreen() {
        var g = CellGrid(rows: 1, cols: 10)
        g.write("abc\u{1B}[31mdef", row: 0, col: 0, limit: 6)
        #expect(g.rowText(0) == "abc?[3")
    }

    @Test func restyleChangesStyleOnly() {
        var g = CellGrid(rows: 1, cols: 4)
        g.write("abcd", row: 0, col: 0)
        g.restyle(row: 0, col: 1, width: 2) { $0.underline = true }
        #expect(g.rowText(0) == "abcd")
        #expect(g[0, 1].style.underline && g[0, 2].style.underline && !g[0, 3].style.underline)
        g.restyle(row: 0, col: 3, width: -5) { $0.bold = true }
        #expect(!g[0, 3].style.bold)
    }
}

@Suite struct VisibleTextTests {
    @Test func widths() {
        #expect(DisplayWidth.of("状态通知 空闲") == 13)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("⚡") == 2)
        #expect(DisplayWidth.of("µs") == 2)
        #expect(DisplayWidth.of("⣿│─") == 3)
    }

    @Test func controlCharactersBecomeCaretNotation() {
        #expect(VisibleText.make("a\u{0}b\u{1B}c\u{7F}") == "a^@b^[c^?")
        #expect(VisibleText.make("x\ty") == "x   y")
        #expect(VisibleText.make("line1\nline2") == "line1 ⏎ line2")
        #expect(VisibleText.make("\u{9B}") == "<9B>")
    }

    @Test func makeStopsAtTheLimit() {
        let huge = String(repeating: "x", count: 5_000_000)
        #expect(VisibleText.make(huge, limit: 10).count == 10)
    }

    @Test func wrapCountsDoubleWidth() {
        let lines = VisibleText.wrap("启动通知启动通知启动", width: 6)
        #expect(lines == ["启动通", "知启动", "通知启", "动"])
        #expect(VisibleText.wrap("aaaa bbbb cccc", width: 9) == ["aaaa bbbb", "cccc"])
    }

    @Test func wrapKeepsTheSpaceAfterAWordMovedToTheNextLine() {
        // The line overflows at the space after "the": "the" moves down and keeps its space.
        #expect(VisibleText.wrap("accepted by the charger", width: 15) == ["accepted by", "the charger"])
    }

    @Test func fitPadsOrCuts() {
        #expect(VisibleText.fit("abc", width: 5) == "abc  ")
        #expect(VisibleText.fit("abcdef", width: 4) == "abc…")
        #expect(VisibleText.fit("登陆登陆", width: 4) == "登… ")
    }
}
