/// The fields of one sampled value the meter reader uses, found in one pass over its keys (the first
/// of a duplicated key, as `JSONValue`'s subscript finds it). Looking each up by name walked the
/// object nine times per sample. Where each field sits is kept, not a copy of its value.
struct SampledValueFields {
    private var fields: [(key: String, value: JSONValue)] = []
    private var measurandAt: Int32 = -1, contextAt: Int32 = -1, locationAt: Int32 = -1
    private var phaseAt: Int32 = -1, formatAt: Int32 = -1, valueAt: Int32 = -1
    private var signedMeterValueAt: Int32 = -1, unitAt: Int32 = -1, unitOfMeasureAt: Int32 = -1

    /// All nil for a value that is not an object.
    init(_ sv: JSONValue) {
        guard case .object(let fields) = sv else { return }
        self.fields = fields
        for i in fields.indices {
            let k = Int32(i)
            // The length first: most keys are told apart without comparing their text.
            switch fields[i].key.utf8.count {
            case 5:
                if fields[i].key == "value" { if valueAt < 0 { valueAt = k } }
                else if fields[i].key == "phase", phaseAt < 0 { phaseAt = k }
            case 9: if measurandAt < 0, fields[i].key == "measurand" { measurandAt = k }
            case 7: if contextAt < 0, fields[i].key == "context" { contextAt = k }
            case 8: if locationAt < 0, fields[i].key == "location" { locationAt = k }
            case 4: if unitAt < 0, fields[i].key == "unit" { unitAt = k }
            case 13: if unitOfMeasureAt < 0, fields[i].key == "unitOfMeasure" { unitOfMeasureAt = k }
            case 6: if formatAt < 0, fields[i].key == "format" { formatAt = k }
            case 16: if signedMeterValueAt < 0, fields[i].key == "signedMeterValue" { signedMeterValueAt = k }
            default: break
            }
        }
    }

    private func field(_ i: Int32) -> JSONValue? { i < 0 ? nil : fields[Int(i)].value }

    var measurand: JSONValue? { field(measurandAt) }
    var context: JSONValue? { field(contextAt) }
    var location: JSONValue? { field(locationAt) }
    var phase: JSONValue? { field(phaseAt) }
    var format: JSONValue? { field(formatAt) }
    var value: JSONValue? { field(valueAt) }
    var signedMeterValue: JSONValue? { field(signedMeterValueAt) }
    var unit: JSONValue? { field(unitAt) }
    var unitOfMeasure: JSONValue? { field(unitOfMeasureAt) }
}
