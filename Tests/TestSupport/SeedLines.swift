/// Lines copied from the seeds (seed 000: Sungrow proxy and MainProcess; seed 004: TONLY frames).
/// (Multi-line texts, as the OCPP tests feed them; the same seed lines as `SeedExcerpts`.)
public enum SeedLines {
    // Transaction 667, RFID, connector 1 (seed 000 "Successful authorization via RFID card").
    public static let rfidMain = """
    May/01 14:41:17 UTC --  Card NoEnable
    May/01 14:41:18 UTC --  SetPara_Confirm, dequeue resend queue
    May/01 14:41:18 UTC --  Front connector choose authorize: "Rfid_Authorize"
    May/01 14:41:19 UTC --  1  JSONs OCPP were found
    May/01 14:41:19 UTC --  this ocppin is about =  "AuthorizeResponse"
    May/01 14:41:19 UTC --  Authorize request accepted!!
    """

    public static let start667 = #"""
    2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 060349123358459bad89d758458796ef=StartTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7854588,    "timestamp": "2024-05-01T14:42:14Z"}
    2024-05-01 14:42:14.611 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
    2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89
    2024-05-01 14:42:14.635 +0000 INFO WebSocketTransmitter - Sending: [2,"db8df750-e2e2-409d-90f6-c746feacae89","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}]
    2024-05-01 14:42:15.764 +0000 INFO WebSocketTransmitter - Received: [3,"db8df750-e2e2-409d-90f6-c746feacae89",{"transactionId":667,"idTagInfo":{"status":"Accepted"}}]
    2024-05-01 14:42:15.770 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.192 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89, Request process time: 1153 ms
    2024-05-01 14:42:15.801 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
    2024-05-01 14:42:15.835 +0000 INFO PipeSession - [To charging station]: 060349123358459bad89d758458796ef=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":667,"connectorId":1}
    """#

    // QR / remote start on connector 2 (seed 000 "Successful authorization via QR code").
    public static let remoteStartMain = """
    Apr/28 14:16:06 UTC --  1  JSONs OCPP were found
    Apr/28 14:16:06 UTC --  this ocppin is about =  "RemoteStartTransaction"
    Apr/28 14:16:06 UTC --  StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer"
    Apr/28 14:16:06 UTC --  Connector: 2 enter energy transfer, trigger other connectors' not chosen
    Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: 2 transactionId: "a0fa3892688940f1a33558ab7628b23a"
    Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter for connector 2 11026.4
    Apr/28 14:16:06 UTC --  Accept remote start transaction: 2 "12345"
    Apr/28 14:16:06 UTC --  Set CCU2 current limit to 250.000000
    Apr/28 14:16:06 UTC --  Start_Transaction
    """

    public static let remoteStart = #"""
    2024-04-28 14:16:06.457 +0000 INFO WebSocketTransmitter - Received: [2,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d","RemoteStartTransaction",{"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}]
    2024-04-28 14:16:06.480 +0000 INFO PipeSession - [To charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransaction={"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}
    2024-04-28 14:16:06.773 +0000 INFO PipeSession - [From charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransactionResponse={    "status": "Accepted"}
    2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe Ready
    2024-04-28 14:16:06.807 +0000 INFO WebSocketTransmitter - Sending: [3,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d",{"status":"Accepted"}]
    2024-04-28 14:16:27.759 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 2,    "errorCode": "NoError",    "status": "Charging",    "vendorErrorCode": "",    "vendorId": "Sungrow"}
    """#

    public static let status = #"""
    2024-04-27 12:41:12.903 +0000 INFO PipeSession - Pipe Ready
    2024-04-27 12:41:46.898 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 2,    "errorCode": "EVCommunicationError",    "status": "Finishing",    "vendorErrorCode": "",    "vendorId": "Sungrow"}
    2024-04-27 12:41:46.913 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
    2024-04-27 12:41:46.917 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.633 ms, UUID: 869d6a39-ac0a-4352-836f-a33da25f94a8
    2024-04-27 12:41:46.941 +0000 INFO WebSocketTransmitter - Sending: [2,"869d6a39-ac0a-4352-836f-a33da25f94a8","StatusNotification",{"connectorId":2,"errorCode":"EVCommunicationError","status":"Finishing","vendorId":"Sungrow","vendorErrorCode":""}]
    2024-04-27 12:41:47.227 +0000 INFO WebSocketTransmitter - Received: [3,"869d6a39-ac0a-4352-836f-a33da25f94a8",{}]
    """#

    public static let connectionMain = """
    Apr/30 20:02:13 UTC --  this ocppin is about =  "HeartbeatResponse"
    Apr/30 20:02:18 UTC --  OCPP_Connection_Restore
    Apr/30 20:02:18 UTC --  Factory mode recevie network change: 2
    Apr/30 20:03:18 UTC --  OCPP_Connection_Fail
    """

    /// The OCMF blobs of transaction 670's StopTransaction (seed 000, JSON-escaped as in the log).
    public static let ocmfBegin670 = #"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T653\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"f9970c5668dd443fa21fe395ba46f0cf\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"B\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T18:27:41,000+0200 R\",\"TX\":\"C\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02201DD2761EA632AF0D1507015B8EC0690ED10686730ED6F87387BAC393EF588ED1\"}"#
    public static let ocmfEnd670 = #"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581252\",\"GV\":\"v1\",\"PG\":\"T652\",\"MV\":\"LEM\",\"MS\":\"1232581252\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"0758a576ef0647abab353264e050092e\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-05-01T17:03:34,000+0200 R\",\"TX\":\"B\",\"RV\":11691.421,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-05-01T17:27:20,000+0200 R\",\"TX\":\"E\",\"RV\":11727.040,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.988,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"304402206B15091EA0BD29FCFF8EE172B34212F232F6930D86ECAA344B5AE0CA76DF508B02205FB229A6CDAD436C3CD61AE608EDE19304B38FBCB2206894B4703D85FDCE9A98\"}"#

    /// Transaction 670's stop (seed 000 "Stop charging via RFID card"), pipe and websocket copies and answers.
    public static var stop670: String {
        let pipeValues = #"[        {            "sampledValue": [                {                    "format": "Raw",                    "measurand": "Energy.Active.Import.Register",                    "unit": "kWh",                    "value": "11730.1"                },                {                    "format": "Raw",                    "measurand": "Power.Active.Import",                    "unit": "kW",                    "value": "0.00107"                },                {                    "format": "Raw",                    "measurand": "SoC",                    "unit": "Percent",                    "value": "43"                },                {                    "format": "Raw",                    "measurand": "Temperature",                    "unit": "Celsius",                    "value": "34"                },                {                    "format": "Raw",                    "measurand": "Current.Import",                    "unit": "A",                    "value": "0"                },                {                    "format": "Raw",                    "measurand": "RPM",                    "value": "3630"                },                {                    "format": "Raw",                    "measurand": "Voltage",                    "unit": "V",                    "value": "106.6"                },                {                    "format": "Raw",                    "measurand": "Current.Offered",                    "unit": "A",                    "value": "250"                },                {                    "format": "Raw",                    "measurand": "Power.Offered",                    "unit": "kW",                    "value": "150"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "11730.1"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "Raw",                    "location": "Outlet",                    "measurand": "Energy.Active.Import.Register",                    "unit": "Wh",                    "value": "11730.1"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.Begin",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "\#(ocmfBegin670)"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        },        {            "sampledValue": [                {                    "context": "Transaction.End",                    "format": "SignedData",                    "measurand": "Energy.Active.Import.Register",                    "value": "\#(ocmfEnd670)"                }            ],            "timestamp": "2024-05-01T16:30:11Z"        }    ]"#
        let wsValues = #"[{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"0.00107","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"43","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"34","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"3630","format":"Raw","measurand":"RPM"},{"value":"106.6","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"250","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"150","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"11730.1","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"\#(ocmfBegin670)","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-05-01T16:30:11Z","sampledValue":[{"value":"\#(ocmfEnd670)","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]"#
        return """
        2024-05-01 16:30:13.378 +0000 INFO PipeSession - [From charging station]: b37accc8ec484bcc86be48fd4014d7e4=StopTransaction={    "connectorId": 2,    "idTag": "AT-EST-CDPATEVN1-X",    "meterStop": 11730144,    "reason": "Remote",    "timestamp": "2024-05-01T16:30:11Z",    "transactionData": \(pipeValues),    "transactionId": 670}
        2024-05-01 16:30:13.535 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
        2024-05-01 16:30:13.538 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.219 ms, UUID: 90261d45-72e1-455c-bc55-6a4037f1b0e3
        2024-05-01 16:30:13.664 +0000 INFO WebSocketTransmitter - Sending: [2,"90261d45-72e1-455c-bc55-6a4037f1b0e3","StopTransaction",{"idTag":"AT-EST-CDPATEVN1-X","meterStop":11730144,"timestamp":"2024-05-01T16:30:11Z","transactionId":670,"reason":"Remote","transactionData":\(wsValues)}]
        2024-05-01 16:30:14.947 +0000 INFO WebSocketTransmitter - Received: [3,"90261d45-72e1-455c-bc55-6a4037f1b0e3",{"idTagInfo":{"status":"Accepted"}}]
        2024-05-01 16:30:14.951 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.189 ms, UUID: 90261d45-72e1-455c-bc55-6a4037f1b0e3, Request process time: 1412 ms
        2024-05-01 16:30:14.978 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
        2024-05-01 16:30:14.989 +0000 INFO PipeSession - [To charging station]: b37accc8ec484bcc86be48fd4014d7e4=StopTransactionResponse={"idTagInfo":{"status":"Accepted"},"connectorId":2}
        """
    }

    /// The StopTransaction the CPO answered with InternalError (seed 000 "Sending StopTransaction with
    /// value of charging power expressed in scientific notification"), in the seed's shape, signed values left out.
    public static let rejectedStop544 = #"""
    2024-04-24 00:03:43.924 +0000 INFO WebSocketTransmitter - Sending: [2,"9c5b687a-19a0-4880-926a-549bf7f337eb","StopTransaction",{"idTag":"0482466A9E6F80","meterStop":6851429,"timestamp":"2024-04-24T00:03:42Z","transactionId":544,"reason":"Local","transactionData":[{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"3.48e-05","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"82","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"12","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0.001","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"0","format":"Raw","measurand":"RPM"},{"value":"34.8","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"0","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"0","format":"Raw","measurand":"Power.Offered","unit":"kW"}]}]}]
    2024-04-24 00:03:44.476 +0000 INFO WebSocketTransmitter - Received: [4,"9c5b687a-19a0-4880-926a-549bf7f337eb","InternalError","An internal error occured while stopping a charging session for the transaction.",{"exception":"Stopping a charging session using the CPO Backend failed due to an internal error."}]
    2024-04-24 00:03:44.495 +0000 WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException
    """#

    /// Seed 004: the TONLY remote session of transaction 701, verbatim (frames wrapped over lines):
    /// the whole TONLY excerpt from the remote start to the StopTransaction's answer.
    public static var tonlySession: String {
        let t = SeedExcerpts.tonly
        let from = t.range(of: "//远程启动")!.lowerBound
        let to = t.range(of: "\n\n//数据传输")!.lowerBound
        return String(t[from..<to])
    }

    /// Seed 004: the start of the log (handshake with a Basic credential, boot, statuses, a stray byte).
    public static let tonlyBoot = #"""
    //登陆
    [2021-11-09 15:54:38:613] Socket Connect Server Successful
    Send Handshake:GET /2103252121090001 HTTP/1.1
    Host:120.79.1.235:9004
    Authorization: Basic MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA==
    Sec-WebSocket-Protocol: ocpp1.6

    WebSocket Send Handshake
    receive data: HTTP/1.1 101 Web Socket Protocol Handshake
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
    //心跳
    [2,"104","Heartbeat",{}] (47 bytes) 
    [3,"104",{"currentTime":"2021-11-09T15:55:20.215"}]
    """#
}
