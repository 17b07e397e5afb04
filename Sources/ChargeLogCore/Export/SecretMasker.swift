/// Masks secrets in text before it leaves the tool (exports, copy): `Authorization: Basic …`
/// headers, `user:password@` in URLs, and values of configuration keys that name a password or key.
public enum SecretMasker {
    public static let mask = "***"

    public static func mask(_ text: String) -> String {
        guard mayHoldSecret(text) else { return text }
        var s = text
        s = maskAuthorization(s)
        s = maskURLCredentials(s)
        s = maskKeyValues(s)
        return s
    }

    /// Cheap test before any regex: every masked shape contains one of these words or marks.
    static func mayHoldSecret(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            var sawColon = false
            var colons = 0
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                if b == UInt8(ascii: ":") {
                    sawColon = true
                    colons += 1
                    // host:port:user:password:/path (TONLY UpdateFirmware locations)
                    if colons >= 4, i + 1 < n, u[i + 1] == UInt8(ascii: "/") { return true }
                }
                if b == UInt8(ascii: "@") && sawColon { return true }
                let c = b | 0x20
                // First letters of: pass, auth, secret, token, key, psk.
                if c == UInt8(ascii: "p") || c == UInt8(ascii: "a") || c == UInt8(ascii: "s") || c == UInt8(ascii: "t")
                    || c == UInt8(ascii: "k") {
                    for w in secretWords where i + w.count <= n {
                        var k = 0
                        while k < w.count && (u[i + k] | 0x20) == w[k] { k += 1 }
                        if k == w.count { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    static let secretWords: [[UInt8]] = ["pass", "auth", "secret", "token", "key", "psk"].map { Array($0.utf8) }

    /// `Authorization: Basic abc==` → `Authorization: Basic ***`
    static func maskAuthorization(_ s: String) -> String {
        replace(s, pattern: #"(?i)(authorization\s*:\s*(?:basic|bearer|digest)?\s*)[^\s"]+"#, template: "$1" + mask)
    }

    /// `ftp://test:root_123@host` → `ftp://test:***@host`; also TONLY's `host:21:user:password:/path`.
    static func maskURLCredentials(_ s: String) -> String {
        let a = replace(s, pattern: #"([a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@"]+:)[^@\s/"]+@"#, template: "$1" + mask + "@")
        return replace(a, pattern: #"(\b\d{1,3}(?:\.\d{1,3}){3}:\d+:[^:\s"]+:)[^:\s"]+(:/)"#, template: "$1" + mask + "$2")
    }

    /// `{"key":"Wifi_Password","value":"12345678"}` and `password=...` forms.
    /// Key names that hold a secret: `Wifi_Password`, `AuthorizationKey`, `api_key`, `token`, ...
    /// OCPP 2.0.1 `idToken`, `groupIdToken`, `additionalIdToken` name the card or account (as 1.6
    /// `idTag` does), not a secret: they are left alone.
    static let keyWords = #"(?!(?:id|groupId|additionalId)Token(?![A-Za-z0-9_.\-]))[A-Za-z0-9_.\-]*(?:pass(?:word|wd)?|secret|token|psk|(?:authori[sz]ation|auth|api|private|access|shared)_?key)[A-Za-z0-9_.\-]*"#

    /// Whether a configuration key or JSON field name names a secret (`Wifi_Password`, `AuthorizationKey`).
    public static func isSecretKey(_ name: String) -> Bool {
        guard let r = RegexCache.shared.regex("(?i)^" + keyWords + "$") else { return false }
        return r.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    static func maskKeyValues(_ s: String) -> String {
        // A configuration entry, other fields (`readonly`) allowed between key and value, either order.
        var r = replace(s, pattern: #"(?i)(\"key\"\s*:\s*\"\#(keyWords)\"[^{}]*?\"value\"\s*:\s*\")[^\"]*(\")"#, template: "$1" + mask + "$2")
        r = replace(r, pattern: #"(?i)(\"value\"\s*:\s*\")(?!\*\*\*\")[^\"]*(\"[^{}]*?\"key\"\s*:\s*\"\#(keyWords)\")"#, template: "$1" + mask + "$2")
        // OCPP 2.0.1 device model: the attributeValue of a variable whose name is a secret
        // (`{"attributeValue":"…","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}`).
        r = replace(r, pattern: #"(?i)(\"attributeValue\"\s*:\s*\")[^\"]*(\"(?:[^{}]|\{[^{}]*\})*?\"variable\"\s*:\s*\{[^{}]*\"name\"\s*:\s*\"\#(keyWords)\")"#, template: "$1" + mask + "$2")
        r = replace(r, pattern: #"(?i)(\"variable\"\s*:\s*\{[^{}]*\"name\"\s*:\s*\"\#(keyWords)\"[^{}]*\}(?:[^{}]|\{[^{}]*\})*?\"attributeValue\"\s*:\s*\")[^\"]*(\")"#, template: "$1" + mask + "$2")
        r = replace(r, pattern: #"(?i)(\"\#(keyWords)\"\s*:\s*\")[^\"]*(\")"#, template: "$1" + mask + "$2")
        // The same inside a JSON string (a raw line's escaped JSON: TONLY's ChangeConfiguration
        // `"value":"[{\"key\":\"Wifi_Password\",\"value\":\"12345678\"}]"`): quotes written `\"`.
        r = replace(r, pattern: #"(?i)(\\"key\\"\s*:\s*\\"\#(keyWords)\\"\s*,\s*\\"value\\"\s*:\s*\\")[^"\\]*(\\")"#, template: "$1" + mask + "$2")
        r = replace(r, pattern: #"(?i)(\\"\#(keyWords)\\"\s*:\s*\\")[^"\\]*(\\")"#, template: "$1" + mask + "$2")
        r = replace(r, pattern: #"(?i)(\b\#(keyWords)\s*[=:]\s*)(?!\*\*\*)[^\s,;&"]+"#, template: "$1" + mask)
        return r
    }

    static func replace(_ s: String, pattern: String, template: String) -> String {
        RegexCache.shared.regex(pattern).map {
            $0.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        } ?? s
    }
}

import Foundation

final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var cache: [String: NSRegularExpression] = [:]
    func regex(_ p: String) -> NSRegularExpression? {
        lock.lock(); defer { lock.unlock() }
        if let r = cache[p] { return r }
        let r = try? NSRegularExpression(pattern: p)
        cache[p] = r
        return r
    }
}
