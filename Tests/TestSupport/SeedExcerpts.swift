// Lines copied from the seeds (seed 000: Sungrow IDC180E bundle notebook; seed 004: TONLY frames),
// unchanged, as test input: the one copy every test target reads (core, UI, end to end). Taken
// from /work/shared/seeds; do not edit by hand.

public enum SeedExcerpts {
    /// MainProcess: OCPP connection lost (seed 000 "Lost").
    public static let connectionMain: [String] = [
        #"Apr/30 20:02:13 UTC --  this ocppin is about =  "HeartbeatResponse""#,
        #"Apr/30 20:02:13 UTC --  Recv BootNotification: QJsonObject({"currentTime":"2024-04-30T20:02:08Z"})"#,
        #"Apr/30 20:02:13 UTC --  Date time from OCPP is invalid! QDateTime( Qt::TimeSpec(LocalTime)) Try to change format without ms"#,
        #"Apr/30 20:02:13 UTC --  Time difference origin: QDateTime(2024-04-30 20:02:13.658 UTC Qt::TimeSpec(UTC)) good, no need to sync from OCPP: QDateTime(2024-04-30 20:02:08.000 UTC Qt::TimeSpec(LocalTime))"#,
        #"Apr/30 20:02:18 UTC --  OCPP_Connection_Restore"#,
        #"Apr/30 20:02:18 UTC --  Factory mode recevie network change: 2"#,
        #"Apr/30 20:02:18 UTC --  Network state good, stop the reconnect check timer"#,
        #"Apr/30 20:03:18 UTC --  OCPP_Connection_Fail"#,
    ]

    /// MainProcess: successful authorisation via RFID card.
    public static let rfidMain: [String] = [
        #"May/01 14:41:17 UTC --  Card NoEnable"#,
        #"May/01 14:41:18 UTC --  SetPara_Confirm, dequeue resend queue"#,
        #"May/01 14:41:18 UTC --  Front connector choose authorize: "Rfid_Authorize""#,
        #"May/01 14:41:19 UTC --  1  JSONs OCPP were found"#,
        #"May/01 14:41:19 UTC --  this ocppin is about =  "AuthorizeResponse""#,
        #"May/01 14:41:19 UTC --  Authorize request accepted!!"#,
    ]

    /// Proxy: the StartTransaction after the RFID authorisation (transaction 667, connector 1).
    public static let rfidOCPP: [String] = [
        #"2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 060349123358459bad89d758458796ef=StartTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7854588,    "timestamp": "2024-05-01T14:42:14Z"}"#,
        #"2024-05-01 14:42:14.611 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89"#,
        #"2024-05-01 14:42:14.635 +0000 INFO WebSocketTransmitter - Sending: [2,"db8df750-e2e2-409d-90f6-c746feacae89","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}]"#,
        #"2024-05-01 14:42:15.764 +0000 INFO WebSocketTransmitter - Received: [3,"db8df750-e2e2-409d-90f6-c746feacae89",{"transactionId":667,"idTagInfo":{"status":"Accepted"}}]"#,
        #"2024-05-01 14:42:15.770 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.192 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89, Request process time: 1153 ms"#,
        #"2024-05-01 14:42:15.801 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-05-01 14:42:15.835 +0000 INFO PipeSession - [To charging station]: 060349123358459bad89d758458796ef=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":667,"connectorId":1}"#,
    ]

    /// MainProcess: successful authorisation via QR code (remote start, connector 2).
    public static let qrMain: [String] = [
        #"Apr/28 14:16:06 UTC --  1  JSONs OCPP were found"#,
        #"Apr/28 14:16:06 UTC --  this ocppin is about =  "RemoteStartTransaction""#,
        #"Apr/28 14:16:06 UTC --  StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer""#,
        #"Apr/28 14:16:06 UTC --  "State_PayNotChosen_Plug" parent back to start state "State_PayNotChosen_Plug""#,
        #"Apr/28 14:16:06 UTC --  "State_Energy_Transfer" return start "State_Energy_Transfer_Preparing_Wait_Stop""#,
        #"Apr/28 14:16:06 UTC --  Connector: 2 enter energy transfer, trigger other connectors' not chosen"#,
        #"Apr/28 14:16:06 UTC --  ChargingStartFunction"#,
        #"Apr/28 14:16:06 UTC --  InterLayer_Start_Charging index: 2"#,
        #"Apr/28 14:16:06 UTC --  setting power 150"#,
        #"Apr/28 14:16:06 UTC --  Clean resend enum: 5"#,
        #"Apr/28 14:16:06 UTC --  Change LED status 1"#,
        #"Apr/28 14:16:06 UTC --  lem config ocmf, index: 2"#,
        #"Apr/28 14:16:06 UTC --  DC_Meter_OCMF_Init_Pre"#,
        #"Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: 2 transactionId: "a0fa3892688940f1a33558ab7628b23a""#,
        #"Apr/28 14:16:06 UTC --  dc meter Prepare_Read_OCMF index: 2"#,
        #"Apr/28 14:16:06 UTC --  Start a new Transaction"#,
        #"Apr/28 14:16:06 UTC --  dc meter Prepare_Start_Trans index: 2"#,
        #"Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter for connector 2 11026.4"#,
        #"Apr/28 14:16:06 UTC --  Accept remote start transaction: 2 "12345""#,
        #"Apr/28 14:16:06 UTC --  void TaskCompability::SetIDTagCache(ushort, const QString&)  Id tag of  2  is  "AT-EST-CDPATEVN1-X""#,
        #"Apr/28 14:16:06 UTC --  void TaskCompability::SetPendingIdTagCache(ushort, const QString&) SET PENDING ID TAG for connector  2  TO:  "AT-EST-CDPATEVN1-X""#,
        #"Apr/28 14:16:06 UTC --  Set CCU2 current limit to 250.000000"#,
        #"Apr/28 14:16:06 UTC --  Start_Transaction"#,
    ]

    /// Proxy: RemoteStartTransaction and the Charging status after it.
    public static let qrOCPP: [String] = [
        #"2024-04-28 14:16:06.457 +0000 INFO WebSocketTransmitter - Received: [2,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d","RemoteStartTransaction",{"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}]"#,
        #"2024-04-28 14:16:06.480 +0000 INFO PipeSession - [To charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransaction={"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}"#,
        #"2024-04-28 14:16:06.773 +0000 INFO PipeSession - [From charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransactionResponse={    "status": "Accepted"}"#,
        #"2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe Ready"#,
        #"2024-04-28 14:16:06.807 +0000 INFO WebSocketTransmitter - Sending: [3,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d",{"status":"Accepted"}]"#,
        #"2024-04-28 14:16:27.759 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 2,    "errorCode": "NoError",    "status": "Charging",    "vendorErrorCode": "",    "vendorId": "Sungrow"}"#,
    ]

    /// Proxy: StopTransaction of transaction 670, reason Remote (the notebook files it under "via RFID card").
    public static let stopRemoteOCPP: [String] = [
        #"2024-05-01 16:30:13.378 +0000 INFO PipeSession - [From charging station]: b37accc8ec484bcc86be48fd4014d7e4=StopTransaction={    "connectorId": 2,    "idTag": "AT-EST-CDPATEVN1-X",    "meterStop": 11730144,    "reason": "Remote",    "timestamp": "2024-05-01T16:30:11Z",    "transactionData": [        {            "sampledValue": [                {                    "format": "Raw",                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "11730.1"                },                {                    "format": "Raw",                    "measurand": "Power.Active.Import",                    "unit": "kW",                    "value": "0.00107"                },                {                    "format": "Raw",                    "measurand": "SoC",                    "unit": "Percent",                    "value": "43"                },                {                    "format": "Raw",                    "measurand": "Temperature",                    "unit": "Celsius",                    "value": "34"                },                {                    "format": "Raw",                    "measurand": "Current.Import",                    "unit": "A",                    "value": "0"                },                {                    "format": "Raw",                    "measurand": "RPM",                    "value": "3630"                },                {                    "format": "Raw",                    "measurand": "Voltage",                    "unit": "V",                    "value": "106.6"                },                {                    "format": "Raw",                    "measurand": "Current.Offered",                    "unit": "A",                    "value": "250"                },                {                    "format": "Raw",                    "measurand": "Power.Offered",                    "unit": "kW",                    "value": "150"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "11730.1"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "11730.1"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T653\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"f9970c5668dd443fa21fe395ba46f0cf\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"B\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"C\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02201DD2761EA632AF0D1507015B8EC0690ED10686730ED6F87387BAC393EF588ED1\"}"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T652\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"0758a576ef0647abab353264e050092e\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T17:03:34,000+0200 R\",\"TX\":\"B\",\"RV\":11691.421,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T17:27:20,000+0200 R\",\"TX\":\"E\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02205FB229A6CDAD436C3CD61AE608EDE19304B38FBCB2206894B4703D85FDCE9A98\"}"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        }    ],    "transactionId": 670}"#,
        #"2024-05-01 16:30:13.535 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-05-01 16:30:13.538 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.219 ms, UUID: 90261d45-72e1-455c-bc55-6a4037f1b0e3"#,
        #"2024-05-01 16:30:13.664 +0000 INFO WebSocketTransmitter - Sending: [2,"90261d45-72e1-455c-bc55-6a4037f1b0e3","StopTransaction",{"idTag":"AT-EST-CDPATEVN1-X","meterStop":11730144,"timestamp":"2024-05-01T16:30:11Z","transactionId":670,"reason":"Remote","transactionData":[{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"0.00107","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"43","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"34","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"3630","format":"Raw","measurand":"RPM"},{"value":"106.6","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"250","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"150","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T653\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"f9970c5668dd443fa21fe395ba46f0cf\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"B\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"C\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02201DD2761EA632AF0D1507015B8EC0690ED10686730ED6F87387BAC393EF588ED1\"}","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T652\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"0758a576ef0647abab353264e050092e\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T17:03:34,000+0200 R\",\"TX\":\"B\",\"RV\":11691.421,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T17:27:20,000+0200 R\",\"TX\":\"E\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02205FB229A6CDAD436C3CD61AE608EDE19304B38FBCB2206894B4703D85FDCE9A98\"}","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]"#,
        #"2024-05-01 16:30:14.947 +0000 INFO WebSocketTransmitter - Received: [3,"90261d45-72e1-455c-bc55-6a4037f1b0e3",{"idTagInfo":{"status":"Accepted"}}]"#,
        #"2024-05-01 16:30:14.951 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.189 ms, UUID: 90261d45-72e1-455c-bc55-6a4037f1b0e3, Request process time: 1412 ms"#,
        #"2024-05-01 16:30:14.978 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-05-01 16:30:14.989 +0000 INFO PipeSession - [To charging station]: b37accc8ec484bcc86be48fd4014d7e4=StopTransactionResponse={"idTagInfo":{"status":"Accepted"},"connectorId":2}"#,
    ]

    /// Proxy: StopTransaction of transaction 601 by the vehicle (reason Local, SoC 49).
    public static let stopVehicleOCPP: [String] = [
        #"2024-04-27 12:38:32.979 +0000 INFO PipeSession - [From charging station]: bd07abd930404d638fbe95574308a464=StopTransaction={    "connectorId": 2,    "idTag": "046679FA246C80",    "meterStop": 10747765,    "reason": "Local",    "timestamp": "2024-04-27T12:38:32Z",    "transactionData": [        {            "sampledValue": [                {                    "format": "Raw",                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "10747.8"                },                {                    "format": "Raw",                    "measurand": "Power.Active.Import",                    "unit": "kW",                    "value": "0.000507"                },                {                    "format": "Raw",                    "measurand": "SoC",                    "unit": "Percent",                    "value": "49"                },                {                    "format": "Raw",                    "measurand": "Temperature",                    "unit": "Celsius",                    "value": "34"                },                {                    "format": "Raw",                    "measurand": "Current.Import",                    "unit": "A",                    "value": "0"                },                {                    "format": "Raw",                    "measurand": "RPM",                    "value": "3270"                },                {                    "format": "Raw",                    "measurand": "Voltage",                    "unit": "V",                    "value": "39.0"                },                {                    "format": "Raw",                    "measurand": "Current.Offered",                    "unit": "A",                    "value": "250"                },                {                    "format": "Raw",                    "measurand": "Power.Offered",                    "unit": "kW",                    "value": "150"                }            ],            "timestamp": "2024-04-27T12:38:32Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "10747.8"                }            ],            "timestamp": "2024-04-27T12:38:32Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "10747.8"                }            ],            "timestamp": "2024-04-27T12:38:32Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T608\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"5d64443de68c49dca0db0772aa59b312\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"B\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"C\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304502206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B022100BD2FC3D03A3E8EC70440C171D9E5EF6E6F9C49D9E769F19F2AB7132FC5CD4E2A\"}"                }            ],            "timestamp": "2024-04-27T12:38:32Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T608\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"5d64443de68c49dca0db0772aa59b312\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"B\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:38:30,000+0200 R\",\"TX\":\"E\",\"RV\":10747.765,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304502206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B022100A766F6EAED4D0D8604421A5C4BD345F146A3515A61011543FB00A864BC164A58\"}"                }            ],            "timestamp": "2024-04-27T12:38:32Z"        }    ],    "transactionId": 601}"#,
        #"2024-04-27 12:38:33.124 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-04-27 12:38:33.138 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.001 ms, UUID: 8b351ba1-3e3d-4d45-97e7-34671d93040f"#,
        #"2024-04-27 12:38:33.254 +0000 INFO WebSocketTransmitter - Sending: [2,"8b351ba1-3e3d-4d45-97e7-34671d93040f","StopTransaction",{"idTag":"046679FA246C80","meterStop":10747765,"timestamp":"2024-04-27T12:38:32Z","transactionId":601,"reason":"Local","transactionData":[{"timestamp":"2024-04-27T12:38:32Z","sampledValue":[{"value":"10747.8","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"0.000507","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"49","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"34","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"3270","format":"Raw","measurand":"RPM"},{"value":"39.0","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"250","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"150","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-04-27T12:38:32Z","sampledValue":[{"value":"10747.8","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-27T12:38:32Z","sampledValue":[{"value":"10747.8","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-27T12:38:32Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T608\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"5d64443de68c49dca0db0772aa59b312\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"B\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"C\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304502206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B022100BD2FC3D03A3E8EC70440C171D9E5EF6E6F9C49D9E769F19F2AB7132FC5CD4E2A\"}","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-04-27T12:38:32Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T608\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"5d64443de68c49dca0db0772aa59b312\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:37:08,000+0200 R\",\"TX\":\"B\",\"RV\":10747.296,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:38:30,000+0200 R\",\"TX\":\"E\",\"RV\":10747.765,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304502206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B022100A766F6EAED4D0D8604421A5C4BD345F146A3515A61011543FB00A864BC164A58\"}","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]"#,
        #"2024-04-27 12:38:33.865 +0000 INFO WebSocketTransmitter - Received: [3,"8b351ba1-3e3d-4d45-97e7-34671d93040f",{"idTagInfo":{"status":"Accepted"}}]"#,
        #"2024-04-27 12:38:33.876 +0000 INFO RequestQueue - Queue size: 0, Store time: 2.732 ms, UUID: 8b351ba1-3e3d-4d45-97e7-34671d93040f, Request process time: 736 ms"#,
        #"2024-04-27 12:38:33.908 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
    ]

    /// Proxy: StopTransaction of transaction 602 (the notebook's "100% SOC" excerpt; its SoC reads 58).
    public static let stopLocalSoC58OCPP: [String] = [
        #"2024-04-27 12:58:58.166 +0000 INFO PipeSession - [From charging station]: 205ab13185c14c708bf0edf7447010b7=StopTransaction={    "connectorId": 1,    "idTag": "043916AAEC7181",    "meterStop": 7360653,    "reason": "Local",    "timestamp": "2024-04-27T12:58:57Z",    "transactionData": [        {            "sampledValue": [                {                    "format": "Raw",                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "7360.65"                },                {                    "format": "Raw",                    "measurand": "Power.Active.Import",                    "unit": "kW",                    "value": "0.00025"                },                {                    "format": "Raw",                    "measurand": "SoC",                    "unit": "Percent",                    "value": "58"                },                {                    "format": "Raw",                    "measurand": "Temperature",                    "unit": "Celsius",                    "value": "35"                },                {                    "format": "Raw",                    "measurand": "Current.Import",                    "unit": "A",                    "value": "0"                },                {                    "format": "Raw",                    "measurand": "RPM",                    "value": "0"                },                {                    "format": "Raw",                    "measurand": "Voltage",                    "unit": "V",                    "value": "50.0"                },                {                    "format": "Raw",                    "measurand": "Current.Offered",                    "unit": "A",                    "value": "250"                },                {                    "format": "Raw",                    "measurand": "Power.Offered",                    "unit": "kW",                    "value": "150"                }            ],            "timestamp": "2024-04-27T12:58:57Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "7360.65"                }            ],            "timestamp": "2024-04-27T12:58:57Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "7360.65"                }            ],            "timestamp": "2024-04-27T12:58:57Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T368\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"6099bb2b905e4e2ebe066ab3e1ac1cc9\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:39:12,000+0200 R\",\"TX\":\"B\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:39:12,000+0200 R\",\"TX\":\"C\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30460221009013EE56B063A10DB5251D929C6C7F7D96D0EB921D3D70EB698E26325433E69B022100CB3040032721AA2F80DEACF7700E0A9D52AC596751ABB835D962B08FC1DECC42\"}"                }            ],            "timestamp": "2024-04-27T12:58:57Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T367\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"6d485a15ac7740bb9af50576ea4857c5\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T12:39:31,000+0200 R\",\"TX\":\"B\",\"RV\":7302.707,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T13:29:05,000+0200 R\",\"TX\":\"E\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30460221009013EE56B063A10DB5251D929C6C7F7D96D0EB921D3D70EB698E26325433E69B0221008A752448EE8E864B73E1A5DA86A0FF450FB7699C35019AAD60F22FD538653E14\"}"                }            ],            "timestamp": "2024-04-27T12:58:57Z"        }    ],    "transactionId": 602}"#,
        #"2024-04-27 12:58:58.321 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-04-27 12:58:58.325 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.540 ms, UUID: 8adc9fea-9802-4279-b09f-adc8ecb0557e"#,
        #"2024-04-27 12:58:58.464 +0000 INFO WebSocketTransmitter - Sending: [2,"8adc9fea-9802-4279-b09f-adc8ecb0557e","StopTransaction",{"idTag":"043916AAEC7181","meterStop":7360653,"timestamp":"2024-04-27T12:58:57Z","transactionId":602,"reason":"Local","transactionData":[{"timestamp":"2024-04-27T12:58:57Z","sampledValue":[{"value":"7360.65","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"0.00025","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"58","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"35","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"0","format":"Raw","measurand":"RPM"},{"value":"50.0","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"250","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"150","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-04-27T12:58:57Z","sampledValue":[{"value":"7360.65","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-27T12:58:57Z","sampledValue":[{"value":"7360.65","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-27T12:58:57Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T368\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"6099bb2b905e4e2ebe066ab3e1ac1cc9\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T14:39:12,000+0200 R\",\"TX\":\"B\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T14:39:12,000+0200 R\",\"TX\":\"C\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30460221009013EE56B063A10DB5251D929C6C7F7D96D0EB921D3D70EB698E26325433E69B022100CB3040032721AA2F80DEACF7700E0A9D52AC596751ABB835D962B08FC1DECC42\"}","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-04-27T12:58:57Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T367\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"6d485a15ac7740bb9af50576ea4857c5\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-27T12:39:31,000+0200 R\",\"TX\":\"B\",\"RV\":7302.707,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-27T13:29:05,000+0200 R\",\"TX\":\"E\",\"RV\":7331.641,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30460221009013EE56B063A10DB5251D929C6C7F7D96D0EB921D3D70EB698E26325433E69B0221008A752448EE8E864B73E1A5DA86A0FF450FB7699C35019AAD60F22FD538653E14\"}","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]"#,
        #"2024-04-27 12:58:59.083 +0000 INFO WebSocketTransmitter - Received: [3,"8adc9fea-9802-4279-b09f-adc8ecb0557e",{"idTagInfo":{"status":"Accepted"}}]"#,
        #"2024-04-27 12:58:59.094 +0000 INFO RequestQueue - Queue size: 0, Store time: 998.3 ?s, UUID: 8adc9fea-9802-4279-b09f-adc8ecb0557e, Request process time: 768 ms"#,
        #"2024-04-27 12:58:59.105 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
    ]

    /// Proxy: StopTransaction 544 with "3.48e-05", answered with a CALLERROR InternalError.
    public static let scientificStopOCPP: [String] = [
        #"2024-04-24 00:03:43.924 +0000 INFO WebSocketTransmitter - Sending: [2,"9c5b687a-19a0-4880-926a-549bf7f337eb","StopTransaction",{"idTag":"0482466A9E6F80","meterStop":6851429,"timestamp":"2024-04-24T00:03:42Z","transactionId":544,"reason":"Local","transactionData":[{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"3.48e-05","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"82","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"12","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0.001","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"0","format":"Raw","measurand":"RPM"},{"value":"34.8","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"0","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"0","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T346\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"ea84f9995415400fa5d6722b2f8a33a3\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"B\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"C\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022032DDD4D8DE6B276F08424D30F728AD079803F6E4678929EF84241B7600D3FC610221008025B5C9746EB1CEA70F04AB7E4D0EAEFA7ED6E3178FAD20FC6E51024E5A472D\"}","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T346\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"ea84f9995415400fa5d6722b2f8a33a3\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"B\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-24T02:03:41,000+0200 R\",\"TX\":\"E\",\"RV\":6851.429,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022032DDD4D8DE6B276F08424D30F728AD079803F6E4678929EF84241B7600D3FC61022100DF9CE591C353D4EB03021DC2FC27277E9C9921ECA0662A17BFAFD1F44A223F3E\"}","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]"#,
        #"2024-04-24 00:03:44.476 +0000 INFO WebSocketTransmitter - Received: [4,"9c5b687a-19a0-4880-926a-549bf7f337eb","InternalError","An internal error occured while stopping a charging session for the transaction.",{"exception":"Stopping a charging session using the CPO Backend failed due to an internal error."}]"#,
        #"2024-04-24 00:03:44.495 +0000 WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException"#,
    ]

    /// MainProcess: synchronisation via NTP.
    public static let ntpMain: [String] = [
        #"Apr/21 22:46:00 UTC --  6 hours interval ntpdate request--> "ntpdate pool.ntp.org""#,
        #"Apr/21 22:46:07 UTC --  NTP Time sync finished, output: "21 Apr 22:46:07 ntpdate[10163]: adjust time server 46.102.157.67 offset -0.337614 sec\n""#,
        #"Apr/21 22:46:07 UTC --  Restart the sync timeout timer"#,
        #"Apr/21 22:46:07 UTC --  NTP Sync success, current time UTC: QDateTime(2024-04-21 22:46:07.313 UTC Qt::TimeSpec(LocalTime))"#,
        #"Apr/21 22:46:07 UTC --  void DC_Meter_Manage::receive_Communicator_From_Implementation(Layer_Communicator&) Recv NTP sync time request"#,
        #"Apr/21 22:46:07 UTC --  dc meter Prepare_Set_Time index: 1"#,
        #"Apr/21 22:46:07 UTC --  dc meter Prepare_Set_Time index: 2"#,
        #"Apr/21 22:46:07 UTC --  DC Meter set time buf: "{\"time\":{\"tz\":\"+02:00\",\"utc\":\"2024-04-21T22:46:07Z\",\"dst\":{\"activated\":false,\"offset\":60,\"start\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"march\",\"hour\":\"T01:00Z\"},\"end\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"october\",\"hour\":\"T01:00Z\"}}}}""#,
        #"Apr/21 22:46:07 UTC --  DC Meter set time buf: "{\"time\":{\"tz\":\"+02:00\",\"utc\":\"2024-04-21T22:46:07Z\",\"dst\":{\"activated\":false,\"offset\":60,\"start\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"march\",\"hour\":\"T01:00Z\"},\"end\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"october\",\"hour\":\"T01:00Z\"}}}}""#,
        #"Apr/21 22:46:07 UTC --  DC Meter IP "192.168.10.2" Set time completed"#,
        #"Apr/21 22:46:07 UTC --  DC Meter IP "192.168.1.2" Set time completed"#,
    ]

    /// MainProcess: DC meter time set ("Synchronization locally via OCPP").
    public static let meterTimeSyncMain: [String] = [
        #"Apr/30 09:38:44 UTC --  Time_always_sync_ntp_enabled, Direct sync NTP"#,
        #"Apr/30 09:38:44 UTC --  void TaskImplementation::NtpPartialTimeSyncResultCallback(bool) : Sync DC meter with system time in MID/NTP Not enabled mode"#,
        #"Apr/30 09:38:44 UTC --  void DC_Meter_Manage::receive_Communicator_From_Implementation(Layer_Communicator&) Recv NTP sync time request"#,
        #"Apr/30 09:38:44 UTC --  dc meter Prepare_Set_Time index: 1"#,
        #"Apr/30 09:38:44 UTC --  dc meter Prepare_Set_Time index: 2"#,
        #"Apr/30 09:38:44 UTC --  DC Meter set time buf: "{\"time\":{\"tz\":\"+02:00\",\"utc\":\"2024-04-30T09:38:44Z\",\"dst\":{\"activated\":false,\"offset\":60,\"start\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"march\",\"hour\":\"T01:00Z\"},\"end\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"october\",\"hour\":\"T01:00Z\"}}}}""#,
        #"Apr/30 09:38:44 UTC --  DC Meter set time buf: "{\"time\":{\"tz\":\"+02:00\",\"utc\":\"2024-04-30T09:38:44Z\",\"dst\":{\"activated\":false,\"offset\":60,\"start\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"march\",\"hour\":\"T01:00Z\"},\"end\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"october\",\"hour\":\"T01:00Z\"}}}}""#,
        #"Apr/30 09:38:45 UTC --  DC Meter IP "192.168.1.2" Set time completed"#,
        #"Apr/30 09:38:45 UTC --  DC Meter IP "192.168.10.2" Set time completed"#,
    ]

    /// MainProcess: state switch and id tag assignment.
    public static let collectMain: [String] = [
        #"Apr/28 22:03:36 UTC --  this ocppin is about =  "StatusNotificationResponse""#,
        #"Apr/28 22:03:37 UTC --  Front select connector index: 2"#,
        #"Apr/28 22:03:37 UTC --  StateSwicthed:from "State_Payment_Ready" to: "State_Energy_Transfer""#,
        #"Apr/28 22:03:37 UTC --  "State_Payment_Ready" parent back to start state "State_Payment_Ready""#,
        #"Apr/28 22:03:37 UTC --  "State_Energy_Transfer" return start "State_Energy_Transfer_Preparing_Wait_Stop""#,
        #"Apr/28 22:03:37 UTC --  Assign id tag: "04922FCA1D6680" for connector: 2"#,
        #"Apr/28 22:03:37 UTC --  Connector: 2 enter energy transfer, trigger other connectors' not chosen"#,
        #"Apr/28 22:03:37 UTC --  Connector id: 1 Connector not chosen, trigger flag true"#,
    ]

    /// Proxy: StatusNotification Finishing with EVCommunicationError.
    public static let collectOCPP: [String] = [
        #"2024-04-27 12:41:12.903 +0000 INFO PipeSession - Pipe Ready"#,
        #"2024-04-27 12:41:46.898 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 2,    "errorCode": "EVCommunicationError",    "status": "Finishing",    "vendorErrorCode": "",    "vendorId": "Sungrow"}"#,
        #"2024-04-27 12:41:46.913 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well."#,
        #"2024-04-27 12:41:46.917 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.633 ms, UUID: 869d6a39-ac0a-4352-836f-a33da25f94a8"#,
        #"2024-04-27 12:41:46.941 +0000 INFO WebSocketTransmitter - Sending: [2,"869d6a39-ac0a-4352-836f-a33da25f94a8","StatusNotification",{"connectorId":2,"errorCode":"EVCommunicationError","status":"Finishing","vendorId":"Sungrow","vendorErrorCode":""}]"#,
        #"2024-04-27 12:41:47.227 +0000 INFO WebSocketTransmitter - Received: [3,"869d6a39-ac0a-4352-836f-a33da25f94a8",{}]"#,
    ]

    /// Fault log with its session header.
    public static let fault: [String] = [
        #"[January/10 06:20:31.486 UTC]2024/January/10 06:20:31.485"#,
        #"[January/10 06:20:31.486 UTC]"#,
        #"[January/10 06:20:31.486 UTC]"#,
        #""#,
        #"[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm"#,
        #"[January/10 06:21:06.873 UTC]CCU1->Err_Connector1_TCU_Config_Fault"#,
        #"[January/10 06:21:06.873 UTC]"#,
        #""#,
        #"[January/10 06:23:24.362 UTC]CCU1->Err_Connector1_Cp_StateE_Alarm"#,
        #"[January/10 06:23:24.362 UTC]"#,
    ]

    /// CCU log, with a record split over two lines.
    public static let ccu: [String] = [
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.544] Pcu state changes event:1, not self:1, not self id:0"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.544] Secondary CCU asks for power modules stopping"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.544] Connector_Power_Info_Changed! V:395, C:0"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.623] SessionStopTrigger -- Init"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.624] State update context to P_0, V_0, C_0"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.624] DC_CONTACTOR:4, set:0"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.624] DC_CONTACTOR:3, set:0"#,
        #"[April/28 08:48:46.384 UTC][D00 23:20:20.624] Init_ev_buffer_array"#,
        #"[April/28 08:48:46.384 UTC][D00 23:"#,
        #"[April/28 08:48:46.385 UTC]20:20.624] SLAC INDICATOR PARALLEL -- ISR:0 init"#,
    ]

    /// Update log with its session header.
    public static let update: [String] = [
        #"[April/12 09:51:36.489 UTC]2024/April/12 09:51:36.489"#,
        #"[April/12 09:51:36.489 UTC]"#,
        #"[April/12 09:51:36.489 UTC]"#,
        #""#,
        #"[April/12 09:56:32.991 UTC]Loader --> File_Loader receive Type_Update_Firmware_Request from OCPP"#,
        #"[April/12 09:56:32.992 UTC]Loader --> FirmwareUpdate_Data Retry:1URI:https://eco-eu-prod-file.oss-eu-central-1.aliyuncs.com/charger/IDC180E-1000/2024041114172100KeYa/version.jsonRetry interval:1"#,
        #"[April/12 09:56:32.994 UTC]Loader --> Process... Start Http download version.json"#,
        #"[April/12 09:56:33.006 UTC]Loader --> Cleaned /home/root/Sungrow_TCU/Download/"#,
        #"[April/12 09:56:33.006 UTC]Loader --> clean all"#,
        #"[April/12 09:56:33.007 UTC]Loader --> startNewDownload url: https://eco-eu-prod-file.oss-eu-central-1.aliyuncs.com/charger/IDC180E-1000/2024041114172100KeYa/version.json"#,
        #"[April/12 09:56:33.008 UTC]Loader --> Ready write to file/home/root/Sungrow_TCU/Download/version.json"#,
        #"[April/12 09:56:33.012 UTC]Loader --> Update Phase:5"#,
    ]

    /// Seed 004: a TONLY charger's bare OCPP-J log, whole (handshake with Basic credentials, URLs with
    /// user:password, a Wifi password in a GetConfiguration answer).
    public static let tonly = ###"""
//登陆
[2021-11-09 15:54:38:613] Socket Connect Server Successful
Send Handshake:GET /2103252121090001 HTTP/1.1
Host:120.79.1.235:9004
Origin: http://2103252121090001
Authorization: Basic MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA==
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: UWR0SXNETGFNRjM0dVJMNg==
Sec-WebSocket-Protocol: ocpp1.6
Sec-WebSocket-Version: 13


WebSocket Send Handshake
receive data: HTTP/1.1 101 Web Socket Protocol Handshake
Connection: Upgrade
Date: Tue, 09 Nov 2021 07:54:39 GMT
Sec-WebSocket-Accept: G1E6fpVvRQdSnjV5XTRQU97GYTY=
Sec-WebSocket-Protocol: ocpp1.6
Server: TooTallNate Java-WebSocket
Upgrade: websocket
//启动通知  
[2,"100","BootNotification",{"chargePointVendor":"TONLY","chargePointModel":"TonlyCharger_48A","chargePointSerialNumber":"2103252121090001","firmwareVersion":"AC48A_1PV100"}]
[3,"100",{"currentTime":"2021-11-09T15:54:39.397","interval":60,"status":"Accepted"}]
//状态通知  空闲
[2,"101","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]
receive data: ?[3,"101",{}]
//状态通知 就绪
[2,"105","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Preparing"}]
[2021-11-09 15:58:40:440] receive data: ?[3,"105",{}]
//状态通知 故障
[2,"103","StatusNotification",{"connectorId":1,"errorCode":"ReaderFailure","status":"Faulted"}]
[2021-11-09 16:15:30:087] receive data: ?[3,"102",{}]
//状态通知 充电中
[2,"113","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]
receive data: ?[3,"113",{}]
//状态通知 充电完成
[2,"135","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Finishing"}]
receive data: ?[3,"135",{}]
//状态通知 预约功能
[2,"253","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Reserved"}]
[2021-11-10 09:40:51:322] receive data: ?[3,"253",{}]

//心跳
[2,"104","Heartbeat",{}] (47 bytes) 
[3,"104",{"currentTime":"2021-11-09T15:55:20.215"}]
//获取配置
[2,"2021119161654531","GetConfiguration",{"key":["WIFI_SSID_Key","WIFI_PassWordKey"]}]
ResetData GetConfiguration = [3,"2021119161654531",{"configurationKey":[{"key":"GetConfigurationMaxKeys","value":"25","readonly":true},{"key":"Pilot_Number","value":"2103252121090001","readonly":true},{"key":"CurrentPrice","value":"0.60","readonly":false},
{"key":"Language","value":"English","readonly":false},{"key":"MaxCurrent","value":"48.00","readonly":false},{"key":"ChargerMode","value":"1","readonly":false},{"key":"Local_Ip","value":"192.168.1.8","readonly":false},
{"key":"HeartbeatInterval","value":"60","readonly":false},{"key":"MeterValueInterval","value":"60","readonly":false},{"key":"Over_Temper","value":"80","readonly":false},{"key":"RemoteStartAuthorize","value":"0","readonly":true},
{"key":"LocalAuthorize","value":"0","readonly":true},{"key":"LocalPreAuthorize","value":"0","readonly":true},{"key":"ConnectNumber","value":"1","readonly":true},{"key":"Wifi_Name","value":"WIFI_Default","readonly":false},
{"key":"Wifi_Password","value":"12345678","readonly":false},{"key":"Rate_Price1","value":"0.50","readonly":false},{"key":"Rate_Time1","value":"00:00-07:00","readonly":false},{"key":"Rate_Price2","value":"1.00","readonly":false},
{"key":"Rate_Time2","value":"07:00-12:00","readonly":false},{"key":"Rate_Price3","value":"0.60","readonly":false},{"key":"Rate_Time3","value":"12:00-18:00","readonly":false},{"key":"Rate_Price4","value":"1.50","readonly":false},
{"key":"Rate_Time4","value":"18:00-00:00","readonly":false},{"key":"J_RateCurrency","value":"0-00:00","readonly":false}]}]
//更改配置
[2,"20211191617369433","ChangeConfiguration",{"key":"config","value":"[{\"key\":\"Rate_Price1\",\"value\":\"0.50\"},{\"key\":\"Rate_Time1\",\"value\":\"00:00-07:00\"},{\"key\":\"Rate_Price2\",\"value\":\"1.00\"},{\"key\":\"Rate_Time2\",\"value\":\"07:00-12:00\"},{\"key\":\"Rate_Price3\",\"value\":\"0.60\"},{\"key\":\"Rate_Time3\",\"value\":\"12:00-18:00\"},{\"key\":\"Rate_Price4\",\"value\":\"1.50\"},{\"key\":\"Rate_Time4\",\"value\":\"18:00-00:00\"}]"}]
[3,"20211191617369433",{"status":"Accepted"}]

//远程启动
[2,"2021119162036620","RemoteStartTransaction",{"connectorId":1,"idTag":"13714319313","chargingProfile":{"chargingProfileId":1,
"transactionId":701,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Recurring","chargingSchedule":
{"duration":0,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":1,"limit":32.0,"numberPhases":3}]}}}]
[3,"2021119162036620",{"status":"Accepted"}]

//授权
[2,"111","Authorize",{"idTag":"13714319313"}]
[3,"111",{"idTagInfo":{"expiryDate":"2021-11-09T16:20:36.224","status":"Accepted"}}]

//开始传输
[2,"112","StartTransaction",{"connectorId":1,"idTag":"13714319313","meterStart":0,"reservationId":0,"timestamp":"2021-11-09T16:20:35"}]
 [3,"112",{"idTagInfo":{"expiryDate":"2021-11-09T16:20:36.297","parentIdTag":"13714319313","status":"Accepted"},"transactionId":701}]

//获取电表值
[2,"114","MeterValues",{"connectorId":1,"transactionId":701,"meterValue":[{"timestamp":"2021-11-09T16:20:35","sampledValue":
[{"value":"0.00","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},
{"value":"0.00","context":"Sample.Periodic","format":"Raw","measurand":"Current.Export","phase":"L1","unit":"A"},
{"value":"0.00","context":"Sample.Periodic","format":"Raw","measurand":"Current.Export","phase":"L2","unit":"A"},
{"value":"0.00","context":"Sample.Periodic","format":"Raw","measurand":"Current.Export","phase":"L3","unit":"A"},
{"value":"230.8","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L1","unit":"V"},
{"value":"230.1","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L2","unit":"V"},
{"value":"230.6","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L3","unit":"V"},
{"value":"33","context":"Sample.Periodic","format":"Raw","measurand":"Temperature","unit":"Celcius"}]}]}]
receive data: ?[3,"114",{}]

//远程停止
[2,"20211191627106370","RemoteStopTransaction",{"transactionId":701}]
RemoteStopTransactionData Response = [3,"20211191627106370",{"status":"Accepted"}]

//停止传输
[2,"134","StopTransaction",{"meterStop":0,"timestamp":"2021-11-09T16:27:09","transactionId":701}]
receive data: [3,"134",{}]

//数据传输
[2,"136","DataTransfer",{"vendorId":"TONLY","messageId":"currentrecord","data":{"id":1,"connectorId":1,"chargemode":1,"startengry":0.00,
"endengry":0.00,"starttime":"2021-11-09 16:26:38","endtime":"2021-11-09 16:27:08","costenergy":0.00,"costmoney":0.00,"transactionId":701,
"stopReason":"Stop 3"}}]
receive data: [3,"136",{"status":"Accepted"}]
//预约状态
[2,"20211110940511291","ReserveNow",{"connectorId":1,"expiryDate":"2021-11-10T09:55:50.877","idTag":"13714319313","reservationId":1}]
[3,"20211110940511291",{"status":"Accepted"}]
//取消预约
[2,"20211110118248789","CancelReservation",{"reservationId":5}]
 CancelReservation Response = [3,"20211110118248789",{"status":"Accepted"}]
//触发功能 获取诊断状态
[2,"20211110159454930","TriggerMessage",{"connectorId":1,"requestedMessage":"DiagnosticsStatusNotification"}]
[3,"20211110159454930",{"status":"Accepted"}]
//触发功能 获取启动通知
[2,"202111101634533576","TriggerMessage",{"connectorId":1,"requestedMessage":"BootNotification"}]
[3,"202111101634533576",{"status":"Accepted"}]
//触发功能 获取升级状态
[2,"20211110163601519","TriggerMessage",{"connectorId":1,"requestedMessage":"FirmwareStatusNotification"}]
[3,"100",{"currentTime":"2021-11-10T16:33:49.888","interval":60,"status":"Accepted"}]
//触发功能 获取电表值
[2,"202111101641279662","TriggerMessage",{"connectorId":1,"requestedMessage":"MeterValues"}]
//设备处于空闲所以拒绝
TriggerMessageData Response = [3,"202111101641279662",{"status":"Rejected"}]
//触发功能 获取诊断
[2,"202111101637486717","GetDiagnostics",{"location":"ftp://test:root_123@120.79.1.235:21/diagnosticFiles"}]
[3,"202111101637486717",{"fileName":"2103252121090001-2021-11-10.txt"}]
[2,"106","DiagnosticsStatusNotification",{"status":"Uploading"}]
//FTP 上传文件  Update File data successful!提示上传成功后发送上传完成
[2,"107","DiagnosticsStatusNotification",{"status":"Uploaded"}]
//触发功能 获取状态通知
[2,"202111101642296937","TriggerMessage",{"connectorId":1,"requestedMessage":"StatusNotification"}]
[3,"202111101634533576",{"status":"Accepted"}]
//更改有效性  可用
[2,"20211110168141165","ChangeAvailability",{"connectorId":1,"type":"Operative"}]
ChangeAvailabilityData Response = [3,"20211110168141165",{"status":"Accepted"}]
//更改有效性  禁用
[2,"202111101622478979","ChangeAvailability",{"connectorId":1,"type":"Inoperative"}]
 ChangeAvailabilityData Response = [3,"202111101622478979",{"status":"Accepted"}]

//升级
[2,"20211191553208096","UpdateFirmware",{"location":"120.79.1.235:21:test:root_123:/test/AC48k01_update.bin","retrieveDate":"2021-11-09T15:53:20.247"}]7"}]
[3,"20211191553208096",{}]
[2,"102","FirmwareStatusNotification",{"status":"Downloaded"}]

[2,"103","FirmwareStatusNotification",{"status":"Downloaded"}]
[2,"102","FirmwareStatusNotification",{"status":"Installed"}]

[2,"103","FirmwareStatusNotification",{"status":"Installed"}]
"""###
}
