import Testing
@testable import ChargeLogCore

/// The JSON writers every export uses: quoting (plain strings copied, escapes where JSON needs
/// them) and ISO 8601 times (four-digit years written directly, others in the expanded form).
@Suite struct JSONTextTests {
    @Test func plainStringsAreQuotedAsTheyAre() {
        #expect(JSONText.quote("") == #""""#)
        #expect(JSONText.quote("BootNotification") == #""BootNotification""#)
        #expect(JSONText.quote("Wärme ⚡ 7 kW") == "\"Wärme ⚡ 7 kW\"")
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(JSONText.quote(#"a"b"#) == #""a\"b""#)
        #expect(JSONText.quote(#"C:\x"#) == #""C:\\x""#)
        #expect(JSONText.quote("l1\nl2\r\t") == #""l1\nl2\r\t""#)
        #expect(JSONText.quote("\u{1B}[0m\u{7F}") == #""\u001b[0m\u007f""#)
    }

    @Test func isoTimesAtTheEdgesOfFourDigitYears() {
        #expect(CivilTime.iso8601(0) == "1970-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(1_714_574_534_595) == "2024-05-01T14:42:14.595Z")
        #expect(CivilTime.iso8601(-1) == "1969-12-31T23:59:59.999Z")
        #expect(CivilTime.iso8601(-62_167_219_200_000) == "0000-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
        // Past 9999 and before year 0: the expanded form with a sign.
        #expect(CivilTime.iso8601(253_402_300_800_000) == "+10000-01-01T00:00:00.000Z")
        #expect(CivilTime.iso8601(-62_167_219_200_001) == "-0001-12-31T23:59:59.999Z")
    }
}
