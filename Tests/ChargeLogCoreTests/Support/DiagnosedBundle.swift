import Foundation
@testable import ChargeLogCore
import TestSupport

/// Log files written to a temp folder, indexed, analysed and diagnosed through the real pipeline.
struct DiagnosedBundle {
    static let mainProcess = "2168Vqt/A23C2706768VMainProcess.log"
    static let proxy = "2168Vocpp/A23C2706768Vocpp.log"
    static let faultLog = "2168Vfault/A23C2706768Vfault.log"
    static let updateLog = "2168Vupdate/A23C2706768Vupdate.log"
    static let frames = "tonly/charger.log"

    let bundle: TempBundle
    let index: LogIndex
    let analysis: OCPPAnalysis
    let context: DiagnosticContext
    let findings: [Finding]

    /// `files`: path → lines. `year` for the year-less Sungrow stamps; `ocmfKeys` check OCMF signatures.
    init(_ files: [String: [String]], year: Int? = 2024, ocmfKeys: OCMFKeyring = OCMFKeyring()) throws {
        bundle = try TempBundle(files.mapValues { $0.joined(separator: "\n") + "\n" })
        index = try bundle.index(year: year)
        analysis = OCPPAnalysis.build(index, ocmfKeys: ocmfKeys, threads: 1)
        context = DiagnosticContext(analysis)
        findings = FindingRules.findings(in: context)
    }

    func of(_ kind: FindingKind) -> [Finding] { findings.filter { $0.kind == kind } }

    /// The text of each key record of a finding.
    func texts(_ f: Finding) -> [String] { f.records.map { index.text(of: $0) } }

    func remove() { bundle.remove() }
}

/// `2024-05-01 14:42:14.635 +0000 INFO <rest>`: a Sungrow proxy line.
func proxyLine(_ time: String, _ rest: String) -> String { "\(time) +0000 INFO \(rest)" }

/// `Apr/30 20:03:18 UTC --  <message>`: a Sungrow MainProcess line.
func mainLine(_ time: String, _ message: String) -> String { "\(time) UTC --  \(message)" }

extension Array where Element == String {
    /// The lines with every occurrence of `a` replaced by `b` (fails the test when `a` is absent).
    func replacing(_ a: String, with b: String) -> [String] {
        precondition(contains { $0.contains(a) }, "\(a) not in the lines")
        return map { $0.replacingOccurrences(of: a, with: b) }
    }
}
