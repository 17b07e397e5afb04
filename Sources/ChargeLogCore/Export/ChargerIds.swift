/// The charger id of each OCPP log in an export: the serial its BootNotification names; for a log
/// without one, the bundle's serial when the bundle names one charger only (its BootNotifications
/// agree, else its file names), else the log's own file name: a folder of several chargers does
/// not lend one charger's serial to another's log.
struct ChargerIds {
    private var byLog: [String: String] = [:]
    /// Empty when the bundle names several chargers or none.
    private var fallback: String

    init(_ analysis: OCPPAnalysis) {
        let store = analysis.store
        var serials: [String] = []
        for i in 0..<store.count where store.action(i) == "BootNotification" && store.entries[i].messageType == .call {
            let log = store.connections[Int(store.entries[i].connection)].log
            guard byLog[log] == nil else { continue }
            let p = analysis.makeMessage(i).payload
            if let s = (p["chargePointSerialNumber"] ?? p["chargeBoxSerialNumber"] ?? p["chargingStation"]?["serialNumber"])?.stringValue {
                byLog[log] = s
                if !serials.contains(s) { serials.append(s) }
            }
        }
        switch serials.count {
        case 0: fallback = ChargerIdentity.fileNameSerial(analysis.index) ?? ""
        case 1: fallback = serials[0]
        default: fallback = ""
        }
    }

    func id(of m: OCPPMessage) -> String { byLog[m.connection.log] ?? fallbackId(m.connection.log) }

    /// The bundle's serial, else the log's file name without its extension.
    private func fallbackId(_ log: String) -> String {
        if !fallback.isEmpty { return fallback }
        let name = log.split(separator: "/").last.map(String.init) ?? log
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
