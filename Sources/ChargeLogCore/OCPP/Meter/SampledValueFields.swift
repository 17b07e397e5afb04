/// The fields of one sampled value the meter reader uses, found in one pass over its keys (the first
/// of a duplicated key, as `JSONValue`'s subscript finds it). Looking each up by name walked the
/// object nine times per sample.
struct SampledValueFields {
    var measurand: JSONValue? = nil
    var context: JSONValue? = nil
    var location: JSONValue? = nil
    var phase: JSONValue? = nil
    var format: JSONValue? = nil
    var value: JSONValue? = nil
    var signedMeterValue: JSONValue? = nil
    var unit: JSONValue? = nil
    var unitOfMeasure: JSONValue? = nil

    /// All nil for a value that is not an object.
    init(_ sv: JSONValue) {
        guard case .object(let fields) = sv else { return }
        for (key, v) in fields {
            // The length first: most keys are told apart without comparing their text.
            switch key.utf8.count {
            case 5:
                if key == "value" { if value == nil { value = v } } else if key == "phase", phase == nil { phase = v }
            case 9: if key == "measurand", measurand == nil { measurand = v }
            case 7: if key == "context", context == nil { context = v }
            case 8: if key == "location", location == nil { location = v }
            case 4: if key == "unit", unit == nil { unit = v }
            case 13: if key == "unitOfMeasure", unitOfMeasure == nil { unitOfMeasure = v }
            case 6: if key == "format", format == nil { format = v }
            case 16: if key == "signedMeterValue", signedMeterValue == nil { signedMeterValue = v }
            default: break
            }
        }
    }
}
