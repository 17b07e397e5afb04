import Foundation

/// A compiled regular expression for `--grep` and the viewer's `/` search.
/// Smart case: a pattern without capitals matches case-insensitively (as in less and vim's smartcase).
public struct TextPattern: @unchecked Sendable {
    public let source: String
    private let regex: NSRegularExpression
    /// Whether it matches regardless of case (smart case on a pattern without capitals).
    public let caseInsensitive: Bool

    public init(_ pattern: String, smartCase: Bool = false) throws(ChargeLogError) {
        source = pattern
        var options: NSRegularExpression.Options = []
        if smartCase && pattern == pattern.lowercased() { options.insert(.caseInsensitive) }
        caseInsensitive = options.contains(.caseInsensitive)
        do { regex = try NSRegularExpression(pattern: pattern, options: options) } catch {
            throw .invalidArgument(name: "pattern", value: pattern, expected: "a regular expression")
        }
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Character ranges of all matches (for highlighting).
    public func ranges(in text: String) -> [Range<String.Index>] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }
}
