import Foundation
@testable import ChargeLogCore
import TestSupport

extension TempBundle {
    func analysis(ocmfKeys: OCMFKeyring = OCMFKeyring()) throws -> OCPPAnalysis {
        OCPPAnalysis.build(try index(), ocmfKeys: ocmfKeys)
    }
}

/// The Sungrow seed lines as a bundle folder: proxy log and MainProcess log.
func sungrowSeedBundle() throws -> TempBundle {
    let ocpp = [SeedLines.rejectedStop544, SeedLines.status, SeedLines.remoteStart, SeedLines.start667, SeedLines.stop670]
        .joined(separator: "\n") + "\n"
    let main = [SeedLines.remoteStartMain, SeedLines.connectionMain, SeedLines.rfidMain].joined(separator: "\n") + "\n"
    return try TempBundle([
        "2168Vocpp/A23C2706768Vocpp.log": ocpp,
        "2168Vqt/A23C2706768VMainProcess.log": main,
    ])
}

extension OCPPAnalysis {
    /// Messages whose record text contains `marker`.
    func messages(containing marker: String) -> [OCPPMessage] {
        messages.filter { index.text(of: $0.ref).contains(marker) }
    }
}
