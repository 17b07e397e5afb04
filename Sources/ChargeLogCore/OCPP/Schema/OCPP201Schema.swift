/// The OCPP 2.0.1 essentials: TransactionEvent, StatusNotification (connectorStatus/evseId) and
/// RequestStart/StopTransaction. Type names end in `V2` to keep them apart from 1.6 types.
enum OCPP201Schema {
    static let actions: [OCPPActionSpec] = [
        .init("TransactionEvent", .v201, .chargerToCentral,
              req: "eventType:TransactionEventEnumV2! timestamp:datetime! triggerReason:TriggerReasonEnumV2! seqNo:int! offline:bool numberOfPhasesUsed:int cableMaxCurrent:int reservationId:int transactionInfo:TransactionV2! idToken:IdTokenV2 evse:EVSEV2 meterValue:[MeterValueV2]",
              conf: "totalCost:decimal chargingPriority:int idTokenInfo:IdTokenInfoV2 updatedPersonalMessage:any"),
        .init("StatusNotification", .v201, .chargerToCentral,
              req: "timestamp:datetime! connectorStatus:ConnectorStatusEnumV2! evseId:int! connectorId:int!", conf: ""),
        .init("RequestStartTransaction", .v201, .centralToCharger,
              req: "evseId:int remoteStartId:int! idToken:IdTokenV2! chargingProfile:any groupIdToken:IdTokenV2",
              conf: "status:RequestStartStopStatusEnumV2! statusInfo:StatusInfoV2 transactionId:string36"),
        .init("RequestStopTransaction", .v201, .centralToCharger,
              req: "transactionId:string36!", conf: "status:RequestStartStopStatusEnumV2! statusInfo:StatusInfoV2"),
    ]

    static let types = """
    TransactionEventEnumV2 ( Ended Started Updated )
    TriggerReasonEnumV2 ( Authorized CablePluggedIn ChargingRateChanged ChargingStateChanged Deauthorized EnergyLimitReached EVCommunicationLost EVConnectTimeout MeterValueClock MeterValuePeriodic TimeLimitReached Trigger UnlockCommand StopAuthorized EVDeparted EVDetected RemoteStop RemoteStart AbnormalCondition SignedDataReceived ResetCommand )
    TransactionV2 { transactionId:string36! chargingState:ChargingStateEnumV2 timeSpentCharging:int stoppedReason:ReasonEnumV2 remoteStartId:int }
    ChargingStateEnumV2 ( Charging EVConnected SuspendedEV SuspendedEVSE Idle )
    ReasonEnumV2 ( DeAuthorized EmergencyStop EnergyLimitReached EVDisconnected GroundFault ImmediateReset Local LocalOutOfCredit MasterPass Other OvercurrentFault PowerLoss PowerQuality Reboot Remote SOCLimitReached StoppedByEV TimeLimitReached Timeout )
    IdTokenV2 { idToken:string36! type:IdTokenEnumV2! additionalInfo:[AdditionalInfoV2] }
    IdTokenEnumV2 ( Central eMAID ISO14443 ISO15693 KeyCode Local MacAddress NoAuthorization )
    AdditionalInfoV2 { additionalIdToken:string36! type:string50! }
    EVSEV2 { id:int! connectorId:int }
    MeterValueV2 { timestamp:datetime! sampledValue:[SampledValueV2]! }
    SampledValueV2 { value:decimal! context:ReadingContextEnumV2 measurand:MeasurandEnumV2 phase:PhaseEnumV2 location:LocationEnumV2 signedMeterValue:SignedMeterValueV2 unitOfMeasure:UnitOfMeasureV2 }
    ReadingContextEnumV2 ( Interruption.Begin Interruption.End Other Sample.Clock Sample.Periodic Transaction.Begin Transaction.End Trigger )
    MeasurandEnumV2 ( Current.Export Current.Import Current.Offered Energy.Active.Export.Register Energy.Active.Import.Register Energy.Reactive.Export.Register Energy.Reactive.Import.Register Energy.Active.Export.Interval Energy.Active.Import.Interval Energy.Active.Net Energy.Reactive.Export.Interval Energy.Reactive.Import.Interval Energy.Reactive.Net Energy.Apparent.Net Energy.Apparent.Import Energy.Apparent.Export Frequency Power.Active.Export Power.Active.Import Power.Factor Power.Offered Power.Reactive.Export Power.Reactive.Import SoC Voltage )
    PhaseEnumV2 ( L1 L2 L3 N L1-N L2-N L3-N L1-L2 L2-L3 L3-L1 )
    LocationEnumV2 ( Body Cable EV Inlet Outlet )
    SignedMeterValueV2 { signedMeterData:string2500! signingMethod:string50! encodingMethod:string50! publicKey:string2500! }
    UnitOfMeasureV2 { unit:string20 multiplier:int }
    IdTokenInfoV2 { status:AuthorizationStatusEnumV2! cacheExpiryDateTime:datetime chargingPriority:int language1:string8 evseId:[int] groupIdToken:IdTokenV2 language2:string8 personalMessage:any }
    AuthorizationStatusEnumV2 ( Accepted Blocked ConcurrentTx Expired Invalid NoCredit NotAllowedTypeEVSE NotAtThisLocation NotAtThisTime Unknown )
    ConnectorStatusEnumV2 ( Available Occupied Reserved Unavailable Faulted )
    RequestStartStopStatusEnumV2 ( Accepted Rejected )
    StatusInfoV2 { reasonCode:string20! additionalInfo:string512 }
    """
}
