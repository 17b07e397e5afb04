/// OCPP 1.6 (edition 2) payloads of every profile plus the 1.6 security extension, after the
/// official JSON schemas: field names, types, required fields (`!`) and enumerations.
enum OCPP16Schema {
    static let actions: [OCPPActionSpec] = [
        // Core
        .init("Authorize", .core, .chargerToCentral, req: "idTag:string20!", conf: "idTagInfo:IdTagInfo!"),
        .init("BootNotification", .core, .chargerToCentral,
              req: "chargePointVendor:string20! chargePointModel:string20! chargePointSerialNumber:string25 chargeBoxSerialNumber:string25 firmwareVersion:string50 iccid:string20 imsi:string20 meterType:string25 meterSerialNumber:string25",
              conf: "status:RegistrationStatus! currentTime:datetime! interval:int!"),
        .init("ChangeAvailability", .core, .centralToCharger, req: "connectorId:int! type:AvailabilityType!", conf: "status:AvailabilityStatus!"),
        .init("ChangeConfiguration", .core, .centralToCharger, req: "key:string50! value:string500!", conf: "status:ConfigurationStatus!"),
        .init("ClearCache", .core, .centralToCharger, req: "", conf: "status:ClearCacheStatus!"),
        .init("DataTransfer", .core, .both, req: "vendorId:string255! messageId:string50 data:string", conf: "status:DataTransferStatus! data:string"),
        .init("GetConfiguration", .core, .centralToCharger, req: "key:[string50]", conf: "configurationKey:[KeyValue] unknownKey:[string50]"),
        .init("Heartbeat", .core, .chargerToCentral, req: "", conf: "currentTime:datetime!"),
        .init("MeterValues", .core, .chargerToCentral, req: "connectorId:int! transactionId:int meterValue:[MeterValue]!", conf: ""),
        .init("RemoteStartTransaction", .core, .centralToCharger, req: "connectorId:int idTag:string20! chargingProfile:ChargingProfile", conf: "status:RemoteStartStopStatus!"),
        .init("RemoteStopTransaction", .core, .centralToCharger, req: "transactionId:int!", conf: "status:RemoteStartStopStatus!"),
        .init("Reset", .core, .centralToCharger, req: "type:ResetType!", conf: "status:ResetStatus!"),
        .init("StartTransaction", .core, .chargerToCentral, req: "connectorId:int! idTag:string20! meterStart:int! reservationId:int timestamp:datetime!", conf: "idTagInfo:IdTagInfo! transactionId:int!"),
        .init("StatusNotification", .core, .chargerToCentral,
              req: "connectorId:int! errorCode:ChargePointErrorCode! info:string50 status:ChargePointStatus! timestamp:datetime vendorId:string255 vendorErrorCode:string50",
              conf: ""),
        .init("StopTransaction", .core, .chargerToCentral, req: "idTag:string20 meterStop:int! timestamp:datetime! transactionId:int! reason:Reason transactionData:[MeterValue]", conf: "idTagInfo:IdTagInfo"),
        .init("UnlockConnector", .core, .centralToCharger, req: "connectorId:int!", conf: "status:UnlockStatus!"),
        // Firmware management
        .init("DiagnosticsStatusNotification", .firmware, .chargerToCentral, req: "status:DiagnosticsStatus!", conf: ""),
        .init("FirmwareStatusNotification", .firmware, .chargerToCentral, req: "status:FirmwareStatus!", conf: ""),
        .init("GetDiagnostics", .firmware, .centralToCharger, req: "location:uri! retries:int retryInterval:int startTime:datetime stopTime:datetime", conf: "fileName:string255"),
        .init("UpdateFirmware", .firmware, .centralToCharger, req: "location:uri! retries:int retrieveDate:datetime! retryInterval:int", conf: ""),
        // Local authorization list management
        .init("GetLocalListVersion", .localAuthList, .centralToCharger, req: "", conf: "listVersion:int!"),
        .init("SendLocalList", .localAuthList, .centralToCharger, req: "listVersion:int! localAuthorizationList:[AuthorizationData] updateType:UpdateType!", conf: "status:UpdateStatus!"),
        // Reservation
        .init("CancelReservation", .reservation, .centralToCharger, req: "reservationId:int!", conf: "status:CancelReservationStatus!"),
        .init("ReserveNow", .reservation, .centralToCharger, req: "connectorId:int! expiryDate:datetime! idTag:string20! parentIdTag:string20 reservationId:int!", conf: "status:ReservationStatus!"),
        // Smart charging
        .init("ClearChargingProfile", .smartCharging, .centralToCharger, req: "id:int connectorId:int chargingProfilePurpose:ChargingProfilePurposeType stackLevel:int", conf: "status:ClearChargingProfileStatus!"),
        .init("GetCompositeSchedule", .smartCharging, .centralToCharger, req: "connectorId:int! duration:int! chargingRateUnit:ChargingRateUnitType", conf: "status:GetCompositeScheduleStatus! connectorId:int scheduleStart:datetime chargingSchedule:ChargingSchedule"),
        .init("SetChargingProfile", .smartCharging, .centralToCharger, req: "connectorId:int! csChargingProfiles:ChargingProfile!", conf: "status:ChargingProfileStatus!"),
        // Remote trigger
        .init("TriggerMessage", .remoteTrigger, .centralToCharger, req: "requestedMessage:MessageTrigger! connectorId:int", conf: "status:TriggerMessageStatus!"),
        // Security extension (OCPP 1.6 Security Whitepaper, edition 2)
        .init("CertificateSigned", .security, .centralToCharger, req: "certificateChain:string10000!", conf: "status:CertificateSignedStatus!"),
        .init("DeleteCertificate", .security, .centralToCharger, req: "certificateHashData:CertificateHashData!", conf: "status:DeleteCertificateStatus!"),
        .init("ExtendedTriggerMessage", .security, .centralToCharger, req: "requestedMessage:MessageTriggerExt! connectorId:int", conf: "status:TriggerMessageStatus!"),
        .init("GetInstalledCertificateIds", .security, .centralToCharger, req: "certificateType:CertificateUse!", conf: "status:GetInstalledCertificateStatus! certificateHashData:[CertificateHashData]"),
        .init("GetLog", .security, .centralToCharger, req: "logType:LogType! requestId:int! retries:int retryInterval:int log:LogParameters!", conf: "status:LogStatus! filename:string255"),
        .init("InstallCertificate", .security, .centralToCharger, req: "certificateType:CertificateUse! certificate:string5500!", conf: "status:InstallCertificateStatus!"),
        .init("LogStatusNotification", .security, .chargerToCentral, req: "status:UploadLogStatus! requestId:int", conf: ""),
        .init("SecurityEventNotification", .security, .chargerToCentral, req: "type:string50! timestamp:datetime! techInfo:string255", conf: ""),
        .init("SignCertificate", .security, .chargerToCentral, req: "csr:string5500!", conf: "status:GenericStatus!"),
        .init("SignedFirmwareStatusNotification", .security, .chargerToCentral, req: "status:FirmwareStatusExt! requestId:int", conf: ""),
        .init("SignedUpdateFirmware", .security, .centralToCharger, req: "retries:int retryInterval:int requestId:int! firmware:Firmware!", conf: "status:UpdateFirmwareStatus!"),
    ]

    /// `Name { fields }` objects and `Name ( values )` enumerations.
    static let types = """
    IdTagInfo { expiryDate:datetime parentIdTag:string20 status:AuthorizationStatus! }
    AuthorizationStatus ( Accepted Blocked Expired Invalid ConcurrentTx )
    RegistrationStatus ( Accepted Pending Rejected )
    AvailabilityType ( Inoperative Operative )
    AvailabilityStatus ( Accepted Rejected Scheduled )
    ConfigurationStatus ( Accepted Rejected RebootRequired NotSupported )
    ClearCacheStatus ( Accepted Rejected )
    DataTransferStatus ( Accepted Rejected UnknownMessageId UnknownVendorId )
    KeyValue { key:string50! readonly:bool! value:string500 }
    MeterValue { timestamp:datetime! sampledValue:[SampledValue]! }
    SampledValue { value:string! context:ReadingContext format:ValueFormat measurand:Measurand phase:Phase location:Location unit:UnitOfMeasure }
    ReadingContext ( Interruption.Begin Interruption.End Sample.Clock Sample.Periodic Transaction.Begin Transaction.End Trigger Other )
    ValueFormat ( Raw SignedData )
    Measurand ( Energy.Active.Export.Register Energy.Active.Import.Register Energy.Reactive.Export.Register Energy.Reactive.Import.Register Energy.Active.Export.Interval Energy.Active.Import.Interval Energy.Reactive.Export.Interval Energy.Reactive.Import.Interval Power.Active.Export Power.Active.Import Power.Offered Power.Reactive.Export Power.Reactive.Import Power.Factor Current.Import Current.Export Current.Offered Voltage Frequency Temperature SoC RPM )
    Phase ( L1 L2 L3 N L1-N L2-N L3-N L1-L2 L2-L3 L3-L1 )
    Location ( Cable EV Inlet Outlet Body )
    UnitOfMeasure ( Wh kWh varh kvarh W kW VA kVA var kvar A V Celsius Celcius Fahrenheit K Percent )
    RemoteStartStopStatus ( Accepted Rejected )
    ResetType ( Hard Soft )
    ResetStatus ( Accepted Rejected )
    ChargePointErrorCode ( ConnectorLockFailure EVCommunicationError GroundFailure HighTemperature InternalError LocalListConflict NoError OtherError OverCurrentFailure PowerMeterFailure PowerSwitchFailure ReaderFailure ResetFailure UnderVoltage OverVoltage WeakSignal )
    ChargePointStatus ( Available Preparing Charging SuspendedEVSE SuspendedEV Finishing Reserved Unavailable Faulted )
    Reason ( EmergencyStop EVDisconnected HardReset Local Other PowerLoss Reboot Remote SoftReset UnlockCommand DeAuthorized )
    UnlockStatus ( Unlocked UnlockFailed NotSupported )
    DiagnosticsStatus ( Idle Uploaded UploadFailed Uploading )
    FirmwareStatus ( Downloaded DownloadFailed Downloading Idle InstallationFailed Installing Installed )
    AuthorizationData { idTag:string20! idTagInfo:IdTagInfo }
    UpdateType ( Differential Full )
    UpdateStatus ( Accepted Failed NotSupported VersionMismatch )
    CancelReservationStatus ( Accepted Rejected )
    ReservationStatus ( Accepted Faulted Occupied Rejected Unavailable )
    ChargingProfilePurposeType ( ChargePointMaxProfile TxDefaultProfile TxProfile )
    ChargingProfileKindType ( Absolute Recurring Relative )
    RecurrencyKindType ( Daily Weekly )
    ChargingRateUnitType ( A W )
    ClearChargingProfileStatus ( Accepted Unknown )
    GetCompositeScheduleStatus ( Accepted Rejected )
    ChargingProfileStatus ( Accepted Rejected NotSupported )
    ChargingProfile { chargingProfileId:int! transactionId:int stackLevel:int! chargingProfilePurpose:ChargingProfilePurposeType! chargingProfileKind:ChargingProfileKindType! recurrencyKind:RecurrencyKindType validFrom:datetime validTo:datetime chargingSchedule:ChargingSchedule! }
    ChargingSchedule { duration:int startSchedule:datetime chargingRateUnit:ChargingRateUnitType! chargingSchedulePeriod:[ChargingSchedulePeriod]! minChargingRate:decimal }
    ChargingSchedulePeriod { startPeriod:int! limit:decimal! numberPhases:int }
    MessageTrigger ( BootNotification DiagnosticsStatusNotification FirmwareStatusNotification Heartbeat MeterValues StatusNotification )
    TriggerMessageStatus ( Accepted Rejected NotImplemented )
    CertificateSignedStatus ( Accepted Rejected )
    CertificateHashData { hashAlgorithm:HashAlgorithm! issuerNameHash:string128! issuerKeyHash:string128! serialNumber:string40! }
    HashAlgorithm ( SHA256 SHA384 SHA512 )
    DeleteCertificateStatus ( Accepted Failed NotFound )
    MessageTriggerExt ( BootNotification LogStatusNotification FirmwareStatusNotification Heartbeat MeterValues SignChargePointCertificate StatusNotification )
    CertificateUse ( CentralSystemRootCertificate ManufacturerRootCertificate )
    GetInstalledCertificateStatus ( Accepted NotFound )
    LogType ( DiagnosticsLog SecurityLog )
    LogParameters { remoteLocation:string512! oldestTimestamp:datetime latestTimestamp:datetime }
    LogStatus ( Accepted Rejected AcceptedCanceled )
    InstallCertificateStatus ( Accepted Failed Rejected )
    UploadLogStatus ( BadMessage Idle NotSupportedOperation PermissionDenied Uploaded UploadFailure Uploading )
    GenericStatus ( Accepted Rejected )
    FirmwareStatusExt ( Downloaded DownloadFailed Downloading DownloadScheduled DownloadPaused Idle InstallationFailed Installing Installed InstallRebooting InstallScheduled InstallVerificationFailed InvalidSignature SignatureVerified )
    Firmware { location:string512! retrieveDateTime:datetime! installDateTime:datetime signingCertificate:string5500! signature:string800! }
    UpdateFirmwareStatus ( Accepted Rejected AcceptedCanceled InvalidCertificate RevokedCertificate )
    """
}
