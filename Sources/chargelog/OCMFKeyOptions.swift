import ArgumentParser
import ChargeLogCore
import Foundation

/// The meter keys that check OCMF signatures (`transactions`, `summary`, `show`, the viewer).
struct OCMFKeyOptions: ParsableArguments {
    @Option(name: .customLong("ocmf-key"),
            help: "Meter public key to verify OCMF signatures of every meter the key file does not name: PEM, DER hex/base64 or raw point hex (any OCMF curve), or a file holding one.")
    var ocmfKey: String?

    @Option(name: .customLong("ocmf-keys"),
            help: "Key file mapping meter serials (OCMF MS) or connectors to public keys, one `meter SERIAL KEY` or `connector N KEY` a line (see the README). Readings of meters without a key are reported as not checked.")
    var ocmfKeys: String?

    /// The keys given, empty when none.
    func keyring() throws -> OCMFKeyring {
        var ring = OCMFKeyring()
        do {
            if let path = ocmfKeys { ring = try OCMFKeyFile.load(path: path) }
            if let k = ocmfKey {
                var key: OCMFPublicKey
                if FileManager.default.fileExists(atPath: k), let data = FileManager.default.contents(atPath: k) {
                    if let s = String(data: data, encoding: .utf8), !s.contains("\0") {
                        key = try OCMFPublicKey(parsing: s)
                    } else {
                        key = try OCMFPublicKey(spki: Array(data))
                    }
                } else {
                    key = try OCMFPublicKey(parsing: k)
                }
                ring.fallback = key
            }
        } catch {
            throw CLIError(error.message)
        }
        return ring
    }
}
