import Testing
@testable import ChargeLogCore
import TestSupport

/// Firmware updates: UpdateFirmware, FirmwareStatusNotification steps, update log phases, reboot.
@Suite struct ScenarioFirmwareTests {
    static let ocpp = [
        proxyLine("2024-04-12 09:56:31.870", #"WebSocketTransmitter - Received: [2,"e1c7f0a2-33b4-4d8e-9f61-0a2b3c4d5e6f","UpdateFirmware",{"location":"https://eco-eu-prod-file.oss-eu-central-1.aliyuncs.com/charger/IDC180E-1000/2024041114172100KeYa/version.json","retrieveDate":"2024-04-12T09:56:31Z"}]"#),
        proxyLine("2024-04-12 09:56:32.105", #"WebSocketTransmitter - Sending: [3,"e1c7f0a2-33b4-4d8e-9f61-0a2b3c4d5e6f",{}]"#),
        proxyLine("2024-04-12 09:56:40.311", #"WebSocketTransmitter - Sending: [2,"0b9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","FirmwareStatusNotification",{"status":"Downloading"}]"#),
        proxyLine("2024-04-12 10:02:13.540", #"WebSocketTransmitter - Sending: [2,"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","FirmwareStatusNotification",{"status":"Downloaded"}]"#),
        proxyLine("2024-04-12 10:02:20.002", #"WebSocketTransmitter - Sending: [2,"2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a","FirmwareStatusNotification",{"status":"Installing"}]"#),
        proxyLine("2024-04-12 10:09:55.918", #"WebSocketTransmitter - Sending: [2,"3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b","BootNotification",{"chargePointVendor":"Sungrow","chargePointModel":"IDC180E","chargePointSerialNumber":"A23C2706768","firmwareVersion":"V1.2.8"}]"#),
        proxyLine("2024-04-12 10:10:01.247", #"WebSocketTransmitter - Sending: [2,"4f5a6b7c-8d9e-4f0a-1b2c-3d4e5f6a7b8c","FirmwareStatusNotification",{"status":"Installed"}]"#),
    ]

    @Test func updateWithStepsPhasesAndReboot() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: Self.ocpp, DiagnosedBundle.updateLog: SeedExcerpts.update])
        defer { b.remove() }
        let found = b.of(.firmwareUpdate)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(CivilTime.iso8601(f.time) == "2024-04-12T09:56:31.870Z")
        #expect(f.explanation.contains("(installed)"))
        #expect(f.explanation.contains("Downloading → Downloaded → Installing → Installed"))
        #expect(f.explanation.contains("update phases 5"))
        #expect(f.explanation.contains("rebooted at 10:09:55 (firmware V1.2.8)"))
        let texts = b.texts(f)
        #expect(texts[0].contains(#""UpdateFirmware""#))
        #expect(texts.contains { $0.contains("Type_Update_Firmware_Request") })
        #expect(texts.contains { $0.contains("Update Phase:5") })
    }

    @Test func tonlyUpdateMasksTheLocationPassword() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: [SeedExcerpts.tonly]], year: nil)
        defer { b.remove() }
        let f = try #require(b.of(.firmwareUpdate).first)
        #expect(f.explanation.contains("Downloaded → Installed"))
        #expect(!f.explanation.contains("root_123"))
    }

    @Test func idleStatusAndDiagnosticsAreNoUpdate() throws {
        let lines = [
            proxyLine("2024-04-12 11:00:00.000", #"WebSocketTransmitter - Sending: [2,"5a6b7c8d-9e0f-4a1b-2c3d-4e5f6a7b8c9d","FirmwareStatusNotification",{"status":"Idle"}]"#),
            proxyLine("2024-04-12 11:00:05.000", #"WebSocketTransmitter - Sending: [2,"6b7c8d9e-0f1a-4b2c-3d4e-5f6a7b8c9d0e","DiagnosticsStatusNotification",{"status":"Uploading"}]"#),
            proxyLine("2024-04-12 11:00:09.000", #"WebSocketTransmitter - Sending: [2,"7c8d9e0f-1a2b-4c3d-4e5f-6a7b8c9d0e1f","BootNotification",{"chargePointVendor":"Sungrow","chargePointModel":"IDC180E"}]"#),
        ]
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(b.of(.firmwareUpdate).isEmpty)
    }
}
