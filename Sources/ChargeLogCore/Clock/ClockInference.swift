/// Decides a file's clock from its line stamps and the UTC payload times of the frames on those lines.
///
/// A line is written when its message is sent or received, so stamp − payload time is the latency (ms to
/// seconds) plus the log's offset from UTC. Each difference is rounded to a whole quarter hour (time zones
/// are); one within `tolerance` of that is a vote for it. The offset most votes agree on (at least
/// `minimumVotes`, and `minimumShare` of them) is the log's: 0 confirms UTC, anything else means local
/// time. Two offsets an hour apart, each holding one stretch of the file, are a daylight-saving change.
/// The central system's `currentTime` is preferred as evidence: a charger's own clock can be wrong, and
/// when its times disagree with the corrected log clock the skew is reported, never hidden.
public enum ClockInference {
    static let quarterHour: Int64 = 15 * 60_000
    static let tolerance: Int64 = 2 * 60_000
    static let minimumVotes = 3
    static let minimumShare = 0.6
    /// A charger clock off by more than this is reported.
    public static let skewThreshold: Int64 = 2 * 60_000
    /// Zones run from UTC-12:00 to UTC+14:00.
    static let zoneRange: ClosedRange<Int64> = -12 * 3_600_000 ... 14 * 3_600_000

    /// `dateless`: the stamps carry only a time of day (placed on 1970-01-01): the payload times give the
    /// date too, as a whole number of days moved before the zone is looked for.
    public static func decide(_ samples: [ClockSample], untimedOnly: Bool, dateless: Bool = false) -> ClockDecision {
        if untimedOnly { return fromPayloads(samples) }
        if dateless {
            let days = median(samples.compactMap(\.difference)).map { (Double($0) / Double(CivilTime.msPerDay)).rounded() } ?? 0
            guard days != 0, abs(days) < 1e6 else { return decide(samples, untimedOnly: false) }
            let shift = Int64(days) * CivilTime.msPerDay
            let moved = samples.map { s in
                var c = s
                c.lineTime = s.lineTime.map { $0 - shift }
                return c
            }
            var d = decide(moved, untimedOnly: false)
            guard d.basis == .confirmedUTC || d.basis == .inferredLocal else { return d }
            if d.shifts.isEmpty { d.shifts = [ClockDecision.Shift(fromRecord: 0, offset: 0)] }
            for k in d.shifts.indices { d.shifts[k].offset += shift }
            d.basis = .inferredLocal
            d.datedFromPayloads = shift
            return d
        }
        let stamped = samples.filter { $0.lineTime != nil }.sorted { $0.record < $1.record }
        let central = stamped.filter { $0.payload.clock == .central }
        let charger = stamped.filter { $0.payload.clock == .charger }
        let primary = central.count >= minimumVotes ? central : (charger.count >= minimumVotes ? charger : stamped)
        guard primary.count >= minimumVotes else { return .asWritten }
        guard let shifts = offsets(primary) else {
            let d = median(primary.compactMap(\.difference)) ?? 0
            return ClockDecision(basis: .asWritten, evidence: primary.count,
                                 note: "stamps and payload times differ by varying amounts (median \(ClockDecision.durationText(d))); not shifted")
        }
        var decision = ClockDecision(basis: shifts.allSatisfy { $0.offset == 0 } ? .confirmedUTC : .inferredLocal,
                                     shifts: shifts, evidence: primary.count)
        // The charger's clock against the corrected log clock (or, with the central system's times as
        // evidence, against the central system).
        let chargerDifferences = charger.compactMap { s in s.difference.map { -($0 - offset(at: s.record, shifts)) } }
        if chargerDifferences.count >= minimumVotes, let skew = median(chargerDifferences), abs(skew) > skewThreshold {
            decision.chargerSkew = skew
        }
        if decision.basis == .confirmedUTC { decision.shifts = [] }
        return decision
    }

    /// The offset in force at `record`.
    static func offset(at record: Int, _ shifts: [ClockDecision.Shift]) -> Int64 {
        var o: Int64 = 0
        for s in shifts where s.fromRecord <= record { o = s.offset }
        return o
    }

    /// One offset for the whole file, or two an hour apart split at a daylight-saving change; nil when
    /// the votes agree on nothing.
    static func offsets(_ samples: [ClockSample]) -> [ClockDecision.Shift]? {
        let votes: [Int64?] = samples.map { s in
            guard let d = s.difference else { return nil }
            let q = (Double(d) / Double(quarterHour)).rounded() * Double(quarterHour)
            guard abs(q) <= 1e15 else { return nil }
            let quarter = Int64(q)
            guard zoneRange.contains(quarter), abs(d - quarter) <= tolerance else { return nil }
            return quarter
        }
        var counts: [Int64: Int] = [:]
        for case let v? in votes { counts[v, default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : abs($0.key) < abs($1.key) }
        guard let best = ranked.first, best.value >= minimumVotes else { return nil }
        let n = votes.count
        if Double(best.value) >= 0.9 * Double(n) { return [ClockDecision.Shift(fromRecord: 0, offset: best.key)] }
        // A daylight-saving change: the offset an hour away, holding its own stretch.
        for other in ranked.dropFirst() where abs(other.key - best.key) == 3_600_000 && other.value >= minimumVotes {
            for (first, second) in [(best.key, other.key), (other.key, best.key)] {
                // Agreement with "first before k, second from k", best k.
                var after = votes.filter { $0 == second }.count, before = 0
                var bestScore = after, bestK = 0
                for k in 0..<n {
                    if votes[k] == first { before += 1 }
                    if votes[k] == second { after -= 1 }
                    if before + after > bestScore { bestScore = before + after; bestK = k + 1 }
                }
                if bestK > 0, bestK < n, Double(bestScore) >= 0.9 * Double(n), bestScore > best.value {
                    return [ClockDecision.Shift(fromRecord: 0, offset: first),
                            ClockDecision.Shift(fromRecord: samples[bestK].record, offset: second)]
                }
            }
        }
        guard Double(best.value) >= minimumShare * Double(n) else { return nil }
        return [ClockDecision.Shift(fromRecord: 0, offset: best.key)]
    }

    /// A file without line stamps: its framed lines take their payload times (the central system's when
    /// it stated enough of them, a charger's clock can be off), kept only where they run forward.
    static func fromPayloads(_ samples: [ClockSample]) -> ClockDecision {
        guard !samples.isEmpty else { return .asWritten }
        let central = samples.filter { $0.payload.clock == .central }
        var skew: Int64?
        var all = samples
        if central.count >= 2 {
            // The charger's payload times against the central system's clock, interpolated at each line;
            // a charger clock that is off is reported, and its times are put on the central clock first.
            let centralAnchors = anchorsRunningForward(central)
            let diffs = samples.filter { $0.payload.clock == .charger }.map { $0.payload.time - PayloadAnchors.time(at: $0.record, centralAnchors) }
            if diffs.count >= minimumVotes, let m = median(diffs), abs(m) > skewThreshold {
                skew = m
                all = samples.map { s in
                    var c = s
                    if c.payload.clock == .charger { c.payload.time -= m }
                    return c
                }
            }
        }
        let anchors = anchorsRunningForward(all)
        var d = ClockDecision(basis: .fromPayloads, evidence: anchors.count, chargerSkew: skew)
        d.anchors = anchors
        return d
    }

    /// The longest run of samples (in record order) whose times never go backwards: a queued message's
    /// old time, or one from a charger whose clock jumped, does not pull its neighbours with it.
    static func anchorsRunningForward(_ samples: [ClockSample]) -> [ClockSample] {
        let s = samples.sorted { $0.record != $1.record ? $0.record < $1.record : $0.payload.time < $1.payload.time }
        // Longest non-decreasing subsequence by time, O(n log n).
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: s.count)
        for i in s.indices {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if s[tails[mid]].payload.time <= s[i].payload.time { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[i] = tails[lo - 1] }
            if lo == tails.count { tails.append(i) } else { tails[lo] = i }
        }
        var out: [ClockSample] = []
        var k = tails.last ?? -1
        while k >= 0 { out.append(s[k]); k = previous[k] }
        return out.reversed()
    }

    static func median(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s[s.count / 2]
    }
}

/// Times for the lines of a file without stamps, from the framed lines' payload times around them.
enum PayloadAnchors {
    /// Record `r`'s time: an anchor's own; between two anchors, interpolated by line position; before the
    /// first and after the last, the nearest anchor's.
    static func time(at r: Int, _ anchors: [ClockSample]) -> Int64 {
        guard let first = anchors.first, let last = anchors.last else { return 0 }
        if r <= first.record { return first.payload.time }
        if r >= last.record { return last.payload.time }
        var lo = 0, hi = anchors.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if anchors[mid].record <= r { lo = mid } else { hi = mid }
        }
        let a = anchors[lo], b = anchors[hi]
        if a.record == r || b.record == a.record { return a.payload.time }
        let span = Double(b.payload.time - a.payload.time)
        return a.payload.time + Int64(span * Double(r - a.record) / Double(b.record - a.record))
    }
}
