/// A titled block of the detail pane: decoded JSON with annotations, the answer, the hop, the raw text.
public struct DetailSection: Sendable, Equatable {
    public var title: String
    public var lines: [DetailLine]

    public init(title: String, lines: [DetailLine]) {
        self.title = title
        self.lines = lines
    }
}

/// One line of a detail section: text, how to colour it, and an optional annotation shown after it
/// (`= 7854.588 kWh`, `UnderVoltage`, `14:37:08 begin 10747.296 kWh`).
public struct DetailLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case plain, json, heading, error, dim }
    public var text: String
    public var annotation: String?
    public var kind: Kind

    public init(_ text: String, annotation: String? = nil, kind: Kind = .plain) {
        self.text = text
        self.annotation = annotation
        self.kind = kind
    }
}
