/// Decides one indexed file's clock and writer, and moves its line times onto UTC.
enum ClockResolver {
    struct Result: Sendable {
        var decision: ClockDecision
        var role: WriterRole?
        /// For a named `--tz` zone, which has no fixed shifts.
        var zone: ZoneOverride?
    }

    static func resolve(index: FileIndex, reader: FileReader, stream: StreamKind, untimedOnly: Bool, dateless: Bool = false,
                        displayPath: String, options: ClockOptions) -> Result {
        let userRole = RoleOverride.forFile(displayPath, in: options.roles)
        let zone = ZoneOverride.forFile(displayPath, in: options.zones)
        let wantsEvidence = !ClockEvidence.statesZone(stream) && (options.inference || userRole == nil)
        let evidence = wantsEvidence
            ? ClockEvidence.collect(index: index, reader: reader, stream: stream, untimedOnly: untimedOnly) : ClockEvidence()
        let role = userRole ?? WriterRole.infer(evidence.votes)
        if let z = zone, !untimedOnly {
            var d = ClockDecision(basis: .userZone(z.text))
            if case .fixed(let ms) = z.zone { d.shifts = [ClockDecision.Shift(fromRecord: 0, offset: ms)] }
            return Result(decision: d, role: role, zone: z)
        }
        guard options.inference, !ClockEvidence.statesZone(stream) else { return Result(decision: .asWritten, role: role) }
        return Result(decision: ClockInference.decide(evidence.samples, untimedOnly: untimedOnly, dateless: dateless), role: role)
    }

    /// Moves records `from...` of `index` onto UTC as decided (all of them the first time; only new ones
    /// while following, except for payload-timed files, which are re-timed whole).
    static func apply(_ r: Result, to index: inout FileIndex, from: Int) {
        let d = r.decision
        switch d.basis {
        case .fromPayloads:
            guard !d.anchors.isEmpty else { return }
            index.times = index.times.mapped { i, _ in PayloadAnchors.time(at: i, d.anchors) }
        case .userZone where r.zone.map({ if case .named = $0.zone { true } else { false } }) ?? false:
            let z = r.zone!
            index.times = index.times.mapped { i, t in i >= from ? t - z.offset(atLocal: t) : t }
        default:
            guard d.shifts.contains(where: { $0.offset != 0 }) else { return }
            index.times = index.times.mapped { i, t in i >= from ? t - ClockInference.offset(at: i, d.shifts) : t }
        }
    }
}
