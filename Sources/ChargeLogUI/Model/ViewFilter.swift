import ChargeLogCore

/// What the timeline shows. Stream and time checks need only the index; the OCPP checks read the
/// text of OCPP-carrying records.
public struct ViewFilter: Sendable, Equatable {
    /// nil: all streams.
    public var streams: Set<StreamKind>?
    public var verbosity: OCPPVerbosity = .debug
    /// Only OCPP messages of this action (other records hidden).
    public var action: String?
    /// Only OCPP messages about this connector (other records hidden).
    public var connector: Int?
    public var hideHeartbeats = false
    /// One row per OCPP exchange (`x`): the request's first copy; its answer and the other proxy hop's
    /// copies are folded into it (the detail pane shows them). CALLERRORs stay as rows.
    public var foldExchanges = false
    /// Hide housekeeping (`H`): queue bookkeeping, «works well», «Pipe Ready», heartbeats.
    public var hideHousekeeping = false
    public var since: Int64?
    public var until: Int64?
    /// Regexes (smart case) a row must match (`:filter-in`, `&`): its raw text or what it shows.
    public var textIn: [String] = []
    /// Regexes a row must not match (`:filter-out`, `&!`).
    public var textOut: [String] = []

    public init() {}

    public var isEmpty: Bool { self == ViewFilter() }

    /// Whether a record's text must be read to decide.
    public var needsText: Bool { needsFrames || hasTextPatterns }

    /// Whether OCPP-carrying records must be parsed to decide.
    var needsFrames: Bool { verbosity != .debug || action != nil || connector != nil || hideHeartbeats || foldExchanges || hideHousekeeping }

    public var hasTextPatterns: Bool { !textIn.isEmpty || !textOut.isEmpty }

    /// Short description for the title bar: `streams OCPP,MAIN · Info · no heartbeats`.
    public func label(_ zone: DisplayZone = .utc) -> String {
        var parts: [String] = []
        if let s = streams { parts.append("streams " + s.map(\.tag).sorted().joined(separator: ",")) }
        if verbosity != .debug { parts.append("OCPP " + verbosity.label) }
        if let a = action { parts.append("action " + a) }
        if let c = connector { parts.append("conn \(c)") }
        if hideHeartbeats { parts.append("no heartbeats") }
        if foldExchanges { parts.append("one row per exchange") }
        if hideHousekeeping { parts.append("no housekeeping") }
        if let s = since { parts.append("since " + zone.display(s, millis: false)) }
        if let u = until { parts.append("until " + zone.display(u, millis: false)) }
        for p in textIn { parts.append("in /\(p)/") }
        for p in textOut { parts.append("out /\(p)/") }
        return parts.joined(separator: " · ")
    }
}
