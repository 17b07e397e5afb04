/// A diagnostics upload, firmware update or log upload the charger reports as failed: the status of a
/// DiagnosticsStatusNotification, (Signed)FirmwareStatusNotification or LogStatusNotification that is
/// one of the specification's failure values, or any value naming a failure (`DiagnosisFailed`).
struct ManagementFailureCheck: ProblemCheck {
    var kind: FindingKind { .managementFailure }

    static let actions = ["DiagnosticsStatusNotification", "FirmwareStatusNotification", "SignedFirmwareStatusNotification",
                          "LogStatusNotification"]
    /// 1.6, the 1.6 security extension and 2.0.1 failure values.
    static let failures: Set<String> = ["UploadFailed", "DownloadFailed", "InstallationFailed", "InstallVerificationFailed",
                                        "InvalidSignature", "UploadFailure", "BadMessage", "PermissionDenied",
                                        "NotSupportedOperation", "InvalidCertificate", "RevokedCertificate"]

    static func isFailure(_ status: String) -> Bool {
        failures.contains(status) || status.lowercased().contains("fail")
    }

    func findings(in c: DiagnosticContext) -> [Finding] {
        var out: [Finding] = []
        for action in Self.actions {
            for m in c.calls(action) {
                guard let status = m.payload["status"]?.stringValue, Self.isFailure(status) else { continue }
                let what = action.hasPrefix("Diagnostics") ? "Diagnostics upload" : action.hasPrefix("Log") ? "Log upload"
                    : "Firmware update"
                var text = "\(what) failed: \(action) status \(status)"
                if let id = m.payload["requestId"]?.intValue { text += " (requestId \(id))" }
                if !Self.failures.contains(status) { text += " (not a value of the specification)" }
                out.append(Finding(kind, time: m.time, explanation: text, records: [m.ref], cause: "\(action) \(status)"))
            }
        }
        return out
    }
}
