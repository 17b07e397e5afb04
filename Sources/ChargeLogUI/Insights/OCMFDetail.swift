import ChargeLogCore

/// The detail pane's OCMF section: every signed meter value in a message (plain, Base64 or hex),
/// with its meter, the verdict of the analysis (not checked before it or without a key), each
/// reading's register, status and error flags, and why it cannot be billed.
enum OCMFDetail {
    static func lines(_ payload: ChargeLogCore.JSONValue, analysis: OCPPAnalysis?) -> [DetailLine] {
        var out: [DetailLine] = []
        func walk(_ v: ChargeLogCore.JSONValue, context: ReadingContext?) {
            if let s = v.stringValue {
                guard s.count >= 8, let (text, encoding) = OCMFText.unwrap(s) else { return }
                let value: SignedMeterValue
                switch OCMFDocument.parse(text) {
                case .success(let d):
                    value = analysis?.signedValue(carrying: d)
                        ?? SignedMeterValue(time: 0, context: context ?? .defaultValue, document: d, encoding: encoding)
                case .failure(let e):
                    value = SignedMeterValue(time: 0, context: context ?? .defaultValue, encoding: encoding, parseError: e.description)
                }
                for l in OCMFLines.describe(value) { out.append(line(l)) }
            } else if let a = v.arrayValue {
                for item in a { walk(item, context: context) }
            } else if let o = v.objectValue {
                let own = o.first { $0.key == "context" }?.value.stringValue.flatMap(ReadingContext.init(rawValue:))
                for (key, item) in o where key != "context" { walk(item, context: own ?? context) }
            }
        }
        walk(payload, context: nil)
        return out
    }

    static func line(_ l: OCMFLines.Line) -> DetailLine {
        switch l.kind {
        case .heading: DetailLine(l.text, annotation: l.annotation, kind: .heading)
        case .plain: DetailLine(l.text, annotation: l.annotation)
        case .problem: DetailLine(l.text, annotation: l.annotation, kind: .error)
        }
    }
}
