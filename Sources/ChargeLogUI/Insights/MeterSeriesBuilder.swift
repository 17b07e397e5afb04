import ChargeLogCore

/// Turns a transaction's normalised meter samples into chart series: power (kW), energy (kWh),
/// current and voltage (per phase when phases are sent), SoC (%).
enum MeterSeriesBuilder {
    static func series(_ samples: [MeterSample]) -> [MeterSeries] {
        var groups: [String: (MeterSeries.Quantity, String, String, [MeterSeries.Point])] = [:]
        var order: [String] = []
        for s in samples {
            guard let (q, unit, scale) = quantity(s) else { continue }
            let name = s.phase.map { "\(q.rawValue) \($0.rawValue)" } ?? q.rawValue
            if groups[name] == nil { groups[name] = (q, name, unit, []); order.append(name) }
            groups[name]!.3.append(.init(s.time, s.value / scale))
        }
        return order.compactMap { key in
            guard var g = groups[key] else { return nil }
            g.3.sort { $0.time < $1.time }
            if g.0 == .energy { g.3 = dropMislabelledRegisters(g.3) }
            return MeterSeries(quantity: g.0, name: g.1, unit: g.2, points: g.3)
        }.sorted { a, b in
            let qa = MeterSeries.Quantity.allCases.firstIndex(of: a.quantity)!, qb = MeterSeries.Quantity.allCases.firstIndex(of: b.quantity)!
            return qa != qb ? qa < qb : a.name < b.name
        }
    }

    static func quantity(_ s: MeterSample) -> (MeterSeries.Quantity, String, Double)? {
        switch s.measurand {
        case .powerActiveImport: (.power, "kW", 1000)
        case .energyActiveImportRegister: (.energy, "kWh", 1000)
        case .currentImport: (.current, "A", 1)
        case .voltage: (.voltage, "V", 1)
        case .soc: (.soc, "%", 1)
        default: nil
        }
    }

    /// Sungrow's Transaction.Begin/End register samples carry kWh values labelled Wh; a point a
    /// thousand times below its neighbours is such a value and would flatten the curve.
    static func dropMislabelledRegisters(_ points: [MeterSeries.Point]) -> [MeterSeries.Point] {
        guard let maxValue = points.map(\.value).max(), maxValue > 0 else { return points }
        return points.filter { $0.value >= maxValue / 500 }
    }
}
