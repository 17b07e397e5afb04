import ChargeLogCore
import Foundation
import Testing
@testable import ChargeLogUI

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func builtinThemeIsTheFileInThemes(name: String) throws {
        let file = try String(contentsOf: Self.themesDir.appendingPathComponent(name + ".json"), encoding: .utf8)
        #expect(BuiltinThemes.json[name].map { $0 + "\n" } == file, "run scripts/gen-builtin-themes.sh")
        let theme = try ThemeLoader.builtin(name)
        #expect(theme.name == name)
        if name == "monochrome" {
            #expect(theme.monochrome && theme.colors.isEmpty)
        } else {
            // Every role has a colour.
            #expect(ColorRole.allCases.allSatisfy { theme.colors[$0] != nil })
        }
    }

    @Test func colourNamesNumbersAndHex() {
        #expect(ThemeColor.parse("default") == .terminalDefault)
        #expect(ThemeColor.parse("red") == .indexed(1))
        #expect(ThemeColor.parse("brightcyan") == .indexed(14))
        #expect(ThemeColor.parse(81) == .indexed(81))
        #expect(ThemeColor.parse("#ff0000") == .indexed(196))
        #expect(ThemeColor.parse(300) == nil)
        #expect(ThemeColor.parse("mauve") == nil)
    }

    @Test func fallsBackTo16And8Colours() {
        // 81 is a sky blue (95, 215, 255) in the 256 cube: nearest to cyan (0, 205, 205) of the 16.
        #expect(ThemeColor.indexed(81).index(forColors: 256) == 81)
        #expect(ThemeColor.indexed(81).index(forColors: 16) == 6)
        #expect(ThemeColor.indexed(231).index(forColors: 16) == 15)
        #expect(ThemeColor.indexed(81).index(forColors: 8) == 6)
        #expect(ThemeColor.indexed(203).index(forColors: 8) == 1)
        #expect(ThemeColor.indexed(9).index(forColors: 8) == 1)
        #expect(ThemeColor.indexed(81).index(forColors: 2) == nil)
        #expect(ThemeColor.terminalDefault.index(forColors: 256) == nil)
    }

    @Test func noColorSelectsMonochromeUnlessAThemeIsGiven() throws {
        #expect(try ThemeLoader.load(nil, environment: ["NO_COLOR": "1"]).monochrome)
        #expect(try ThemeLoader.load(nil, environment: [:]).name == "dark")
        #expect(try ThemeLoader.load("light", environment: ["NO_COLOR": "1"]).name == "light")
    }

    @Test func userThemeFromConfigDirectoryOverlaysDark() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dir = home.appendingPathComponent("chargelog/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try ##"{"name": "mine", "colors": {"streamOCPP": "brightred", "cursorBackground": "#000087"}}"##
            .write(to: dir.appendingPathComponent("mine.json"), atomically: true, encoding: .utf8)
        let t = try ThemeLoader.load("mine", environment: ["XDG_CONFIG_HOME": home.path])
        #expect(t.color(.streamOCPP) == .indexed(9))
        #expect(t.color(.cursorBackground) == .indexed(18))
        #expect(t.color(.streamMain) == (try ThemeLoader.builtin("dark")).color(.streamMain))
        // The same file by path.
        let byPath = try ThemeLoader.load(dir.appendingPathComponent("mine.json").path, environment: [:])
        #expect(byPath == t)
    }

    @Test func badThemesSayWhy() {
        #expect(throws: ChargeLogError.self) { try ThemeLoader.load("nosuchtheme", environment: ["HOME": "/nonexistent"]) }
        do {
            _ = try Theme.parse(Data(#"{"colors": {"streamOCCP": 1}}"#.utf8), name: "typo")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("unknown colour role 'streamOCCP'"))
        }
        do {
            _ = try Theme.parse(Data("{not json".utf8), name: "broken")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("theme 'broken' cannot be used: not valid JSON"))
        }
    }
}

@Suite struct TerminalStyleTests {
    @Test func colourTerminalsGetPaletteIndexes() throws {
        let dark = try ThemeLoader.builtin("dark")
        let cursor = CellStyle(fg: .cursorText, bg: .cursorBackground, bold: true)
        #expect(dark.terminalStyle(cursor, colors: 256) == TerminalStyle(fg: 231, bg: 25, bold: true))
        #expect(dark.terminalStyle(cursor, colors: 16) == TerminalStyle(fg: 15, bg: 12, bold: true))
        #expect(dark.terminalStyle(cursor, colors: 8) == TerminalStyle(fg: 7, bg: 4, bold: true))
        #expect(dark.terminalStyle(CellStyle(), colors: 256) == TerminalStyle())
    }

    @Test func withoutColourBackgroundsBecomeReverseVideo() throws {
        let dark = try ThemeLoader.builtin("dark")
        let mono = try ThemeLoader.builtin("monochrome")
        let cursor = CellStyle(fg: .cursorText, bg: .cursorBackground, bold: true)
        for (theme, colors) in [(dark, 0), (dark, 2), (mono, 256)] {
            #expect(theme.terminalStyle(cursor, colors: colors) == TerminalStyle(bold: true, reverse: true))
            #expect(theme.terminalStyle(CellStyle(fg: .streamOCPP), colors: colors) == TerminalStyle())
            #expect(theme.terminalStyle(CellStyle(fg: .dim), colors: colors).dim)
            // A reversed cell on a painted background shows normal again (the states strip's cursor).
            #expect(!theme.terminalStyle(CellStyle(bg: .titleBackground, reverse: true), colors: colors).reverse)
        }
    }
}

@Suite struct GridDiffTests {
    @Test func onlyChangedCellsAreRedrawn() {
        var a = CellGrid(rows: 2, cols: 10)
        a.write("hello", row: 0, col: 0)
        #expect(GridDiff.changes(from: nil, to: a).count == 20)
        var b = a
        b.write("j", row: 0, col: 0)
        b.restyle(row: 1, col: 3, width: 1) { $0.bold = true }
        #expect(GridDiff.changes(from: a, to: b).map { [$0.row, $0.col] } == [[0, 0], [1, 3]])
        #expect(GridDiff.changes(from: b, to: b).isEmpty)
        // A wide glyph is one draw at its left cell.
        var c = b
        c.write("登", row: 1, col: 5)
        #expect(GridDiff.changes(from: b, to: c).map { [$0.row, $0.col] } == [[1, 5]])
        // A new size redraws everything.
        #expect(GridDiff.changes(from: a, to: CellGrid(rows: 3, cols: 10)).count == 30)
    }
}
