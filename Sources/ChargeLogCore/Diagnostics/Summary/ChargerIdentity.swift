/// Who the charger is: vendor, model, serial and firmware from its last BootNotification (1.6
/// `chargePointVendor` …, 2.0.1 `chargingStation`); what is missing there taken from the Sungrow file
/// names (`A23C2706768VMainProcess.log`) or the StatusNotification `vendorId`.
public struct ChargerIdentity: Sendable, Equatable {
    public var vendor: String?
    public var model: String?
    public var serial: String?
    public var firmware: String?
    /// Where it came from: `BootNotification 2024-05-01 14:42:14`, `file names`, ...
    public var sources: [String]
    /// The BootNotification it was read from.
    public var ref: RecordRef?

    public static func of(_ c: DiagnosticContext) -> ChargerIdentity {
        var id = ChargerIdentity(vendor: nil, model: nil, serial: nil, firmware: nil, sources: [], ref: nil)
        if let boot = c.calls("BootNotification").last(where: { !$0.isBroken }) {
            let p = boot.payload
            let cs = p["chargingStation"]
            id.vendor = p["chargePointVendor"]?.stringValue ?? cs?["vendorName"]?.stringValue
            id.model = p["chargePointModel"]?.stringValue ?? cs?["model"]?.stringValue
            id.serial = (p["chargePointSerialNumber"] ?? p["chargeBoxSerialNumber"] ?? cs?["serialNumber"])?.stringValue
            id.firmware = p["firmwareVersion"]?.stringValue ?? cs?["firmwareVersion"]?.stringValue
            id.sources.append("BootNotification \(FindingText.time(boot.time))")
            id.ref = boot.ref
        }
        if id.serial == nil, let s = fileNameSerial(c.index) {
            id.serial = s
            id.sources.append("file names")
        }
        if id.vendor == nil, let v = c.analysis.connectorStates.lazy.flatMap(\.entries).compactMap(\.vendorId).first(where: { !$0.isEmpty }) {
            id.vendor = v
            id.sources.append("StatusNotification vendorId")
        }
        return id
    }

    /// `A23C2706768` from `2168Vqt.zip/A23C2706768VMainProcess.log` (Sungrow names each log after the serial).
    static func fileNameSerial(_ index: LogIndex) -> String? {
        for f in index.files {
            let name = f.displayPath.split(separator: "/").last.map(String.init) ?? f.displayPath
            if let s = FindingText.capture(#"^([A-Z0-9]{6,})V(?:MainProcess|ocpp|ccu|fault|update)"#, in: name) { return s }
        }
        return nil
    }
}
