import Foundation
import Testing
import TestSupport

/// A secret placed anywhere a frame carries one never leaves chargelog: random secrets in every
/// shape the masker names (configuration values by key, escaped JSON in a DataTransfer, Basic
/// headers, URL credentials, a 2.0.1 BasicAuthPassword variable), in random positions among
/// ordinary frames, checked in every text and export format of the CLI.
@Suite struct SecretPropertyTests {
    static func secret(_ rng: inout some RandomNumberGenerator) -> String {
        let letters = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "Zx" + String((0..<14).map { _ in letters.randomElement(using: &rng)! })
    }

    /// One frame line holding `s`, in shape `k`.
    static func frame(_ k: Int, _ s: String, id: Int, time: String) -> String {
        let body: String
        switch k % 8 {
        case 0: body = #"[2,"\#(id)","ChangeConfiguration",{"key":"Wifi_Password","value":"\#(s)"}]"#
        case 1: body = #"[2,"\#(id)","ChangeConfiguration",{"key":"AuthorizationKey","value":"\#(s)"}]"#
        case 2: body = #"[3,"\#(id)",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"WifiPassword","readonly":false,"value":"\#(s)"}]}]"#
        case 3: body = #"[2,"\#(id)","DataTransfer",{"vendorId":"com.example","data":"{\"password\":\"\#(s)\",\"ssid\":\"depot\"}"}]"#
        case 4: body = #"[2,"\#(id)","UpdateFirmware",{"location":"ftp://fwuser:\#(s)@192.0.2.10/fw.bin","retrieveDate":"2024-01-15T10:00:00Z"}]"#
        case 5: body = #"[2,"\#(id)","DataTransfer",{"vendorId":"com.example","data":"Authorization: Basic \#(s)"}]"#
        case 6: body = #"[2,"\#(id)","SetVariables",{"setVariableData":[{"attributeValue":"\#(s)","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}]"#
        default: body = #"[2,"\#(id)","DataTransfer",{"vendorId":"com.example","data":"{\"key\":\"Wifi_Password\",\"value\":\"\#(s)\"}"}]"#
        }
        return "\(time) INFO OCPP - Sending: \(body)"
    }

    @Test func noSecretReachesAnyOutput() throws {
        var rng = SystemRandomNumberGenerator()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chargelog-secrets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var secrets: [String] = []
        var lines: [String] = []
        var id = 100
        for shape in 0..<16 {
            // Ordinary frames around each secret, a random number of them.
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                id += 1
                lines.append("2024-01-15T10:\(String(format: "%02d", lines.count % 60)):00.000Z INFO OCPP - Sending: [2,\"\(id)\",\"Heartbeat\",{}]")
            }
            let s = Self.secret(&rng)
            secrets.append(s)
            id += 1
            lines.append(Self.frame(shape, s, id: id, time: "2024-01-15T10:\(String(format: "%02d", lines.count % 60)):00.000Z"))
        }
        lines.shuffle(using: &rng)
        let log = root.appendingPathComponent("charger.log")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
        let runs: [[String]] = [
            ["timeline", log.path], ["timeline", log.path, "--format", "ndjson"], ["timeline", log.path, "--format", "csv"],
            ["export", log.path, "--format", "chargepilot-csv"], ["export", log.path, "--format", "ndjson"],
            ["export", log.path, "--format", "ocpp-trace"], ["exchanges", log.path, "--format", "ndjson"],
            ["exchanges", log.path], ["summary", log.path, "--format", "json"],
        ]
        for args in runs {
            let (out, status) = try E2EBundle.execute(args, binary: E2EBundle.binary)
            #expect(status == 0, "\(args)")
            #expect(!out.isEmpty, "\(args)")
            for (k, s) in secrets.enumerated() {
                #expect(!out.contains(s), "\(args): the secret of shape \(k % 8) is in the output")
            }
        }
        // The secrets really are in the input (the test could not pass on an empty log).
        let input = try String(contentsOf: log, encoding: .utf8)
        #expect(secrets.allSatisfy(input.contains))
    }
}
