/// The OCMF checks of a rebuilt transaction: each signed value's signature with its meter's key
/// (not checked when the keyring has none for it), the readings the meter itself marks unbillable,
/// and the begin / end readings against meterStart / meterStop.
enum OCMFTransactionCheck {
    static func run(_ tx: inout OCPPTransaction, keys: OCMFKeyring) {
        for k in tx.signedValues.indices {
            guard let doc = tx.signedValues[k].document else { continue }
            let label = "OCMF \(doc.pagination ?? "") (\(tx.signedValues[k].context.rawValue))"
            let outcome: OCMFVerifier.Outcome
            if let (key, source) = keys.key(for: doc, connector: tx.connector) {
                outcome = OCMFVerifier.verify(doc, key: key)
                tx.signedValues[k].keySource = source
            } else {
                outcome = .notChecked(keys.missingKeyReason(for: doc))
            }
            tx.signedValues[k].verification = outcome
            if outcome.verdict == .invalid || outcome.verdict == .error {
                let source = tx.signedValues[k].keySource.map { " (key: \($0))" } ?? ""
                tx.issues.append(OCPPIssue(.error, .signatureInvalid, "\(label): \(outcome)\(source)"))
            }
            var reasons: [String] = []
            for r in doc.readings { for reason in r.unbillableReasons where !reasons.contains(reason) { reasons.append(reason) } }
            for reason in reasons {
                tx.issues.append(OCPPIssue(.warning, .readingNotBillable, "\(label): reading not billable: \(reason)"))
            }
        }
        for c in tx.ocmfChecks where !c.agrees {
            tx.issues.append(OCPPIssue(.warning, .meterMismatch,
                "OCMF \(c.which.rawValue) reading \(JSONText.value(c.ocmfWh)) Wh differs from meter\(c.which == .begin ? "Start" : "Stop") \(JSONText.value(c.ocppWh)) Wh by \(JSONText.value(c.differenceWh)) Wh"))
        }
    }
}
