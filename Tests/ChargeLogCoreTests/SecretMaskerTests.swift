import Testing
@testable import ChargeLogCore

/// Secrets from seed 004 never survive masking; look-alikes are left alone.
@Suite struct SecretMaskerTests {
    @Test func seedSecretsAreMasked() {
        let cases: [(String, String)] = [
            ("Authorization: Basic MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA==", "MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA=="),
            ("[2,\"202111101637486717\",\"GetDiagnostics\",{\"location\":\"ftp://test:root_123@120.79.1.235:21/diagnosticFiles\"}]", "root_123"),
            ("[2,\"20211191553208096\",\"UpdateFirmware\",{\"location\":\"120.79.1.235:21:test:root_123:/test/AC48k01_update.bin\"}]", "root_123"),
            ("{\"key\":\"Wifi_Password\",\"value\":\"12345678\",\"readonly\":false}", "12345678"),
            ("{\"key\":\"WIFI_PassWordKey\",\"value\":\"hunter2\"}", "hunter2"),
            ("AuthorizationKey=abc123secret", "abc123secret"),
        ]
        for (line, secret) in cases {
            let masked = SecretMasker.mask(line)
            #expect(!masked.contains(secret), "\(masked)")
            #expect(masked.contains(SecretMasker.mask))
        }
    }

    @Test("2.0.1 idToken names the card like 1.6 idTag: not masked; a field named token is")
    func idTokenIsNoSecret() {
        // client_ocpp_sim_201.log line 97: RequestStartTransaction with "idToken":{"idToken":"1","type":"ISO14443"}.
        let line = #"[2,"6f1e5227","RequestStartTransaction",{"evseId":1,"idToken":{"idToken":"1","type":"ISO14443"},"groupIdToken":{"idToken":"G7","type":"Central"},"remoteStartId":1}]"#
        #expect(SecretMasker.mask(line) == line)
        #expect(!SecretMasker.isSecretKey("idToken") && !SecretMasker.isSecretKey("groupIdToken"))
        #expect(SecretMasker.isSecretKey("token") && SecretMasker.isSecretKey("accessToken") && SecretMasker.isSecretKey("idTokenSecret"))
        #expect(!SecretMasker.mask(#"{"accessToken":"abc"}"#).contains("abc"))
    }

    /// Seed 004's ChangeConfiguration carries its entries as JSON inside a string (quotes written
    /// `\"`); with the Wifi password of the same seed's GetConfiguration answer in it, the raw line
    /// must not show the password, and the entry beside it (a price) stays as it is.
    @Test("secrets in escaped JSON inside a string are masked; their neighbours are not")
    func escapedJSONSecretsAreMasked() {
        let line = #"[2,"20211191617369433","ChangeConfiguration",{"key":"config","value":"[{\"key\":\"Wifi_Password\",\"value\":\"12345678\"},{\"key\":\"Rate_Price1\",\"value\":\"0.50\"}]"}]"#
        let masked = SecretMasker.mask(line)
        #expect(masked == #"[2,"20211191617369433","ChangeConfiguration",{"key":"config","value":"[{\"key\":\"Wifi_Password\",\"value\":\"***\"},{\"key\":\"Rate_Price1\",\"value\":\"0.50\"}]"}]"#)
        // A field named for a secret, escaped: `{\"password\":\"hunter2\"}`.
        #expect(SecretMasker.mask(#"{"data":"{\"user\":\"ops\",\"password\":\"hunter2\"}"}"#) == #"{"data":"{\"user\":\"ops\",\"password\":\"***\"}"}"#)
        // Near miss: escaped configuration entries without a secret name are left alone.
        let prices = #"[2,"1","ChangeConfiguration",{"key":"config","value":"[{\"key\":\"Rate_Price1\",\"value\":\"0.50\"}]"}]"#
        #expect(SecretMasker.mask(prices) == prices)
    }

    @Test("a configuration entry with fields between key and value, and a 2.0.1 secret variable, are masked")
    func entriesWithFieldsBetweenAndDeviceModelVariables() {
        // GetConfiguration.conf answer (OCPP 1.6 §6.23: key, readonly, value).
        #expect(SecretMasker.mask(#"{"configurationKey":[{"key":"WifiPassword","readonly":false,"value":"hunter2"},{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}"#)
                == #"{"configurationKey":[{"key":"WifiPassword","readonly":false,"value":"***"},{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}"#)
        #expect(SecretMasker.mask(#"{"value":"hunter2","readonly":false,"key":"AuthorizationKey"}"#)
                == #"{"value":"***","readonly":false,"key":"AuthorizationKey"}"#)
        // SetVariables.req (OCPP 2.0.1 §2.46; SecurityCtrlr.BasicAuthPassword), both field orders.
        #expect(SecretMasker.mask(#"{"setVariableData":[{"attributeValue":"hunter2","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}"#)
                == #"{"setVariableData":[{"attributeValue":"***","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}"#)
        #expect(SecretMasker.mask(#"{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"},"attributeValue":"hunter2"}"#)
                == #"{"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"},"attributeValue":"***"}"#)
        // Near misses: an ordinary variable keeps its value, and so does the entry after a secret one.
        let ordinary = #"{"setVariableData":[{"attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}"#
        #expect(SecretMasker.mask(ordinary) == ordinary)
        let decoded = JSONParser.parse(#"{"attributeValue":"hunter2","variable":{"name":"BasicAuthPassword"}}"#)
        if case .success(let v) = decoded {
            #expect(PayloadMasker.clean(v, mask: true)["attributeValue"]?.stringValue == "***")
        } else { Issue.record("the test payload does not parse") }
    }

    @Test func ordinaryLinesAreUntouched() {
        let lines = [
            "[April/28 08:48:46.384 UTC][D00 23:20:20.544] Connector_Power_Info_Changed! V:395, C:0",
            "2024-05-01 14:42:14.635 +0000 INFO WebSocketTransmitter - Sending: [2,\"db8df750\",\"Authorize\",{\"idTag\":\"201ACCBF\"}]",
            "{\"key\":\"HeartbeatInterval\",\"value\":\"60\",\"readonly\":false}",
            "Apr/12 09:56:33 UTC --  Loader --> startNewDownload url: https://example.com/charger/version.json",
        ]
        for l in lines { #expect(SecretMasker.mask(l) == l) }
    }
}
