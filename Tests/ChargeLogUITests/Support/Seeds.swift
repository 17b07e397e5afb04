/// Log lines copied verbatim from the seeds (`/work/shared/seeds`), for bundles built in tests.
enum Seeds {
    /// Seed 000, A23C2706768Vocpp.log: transaction 667 starts (pipe request, WebSocket request and
    /// answer, pipe answer).
    static let proxyTx667 = #"""
2024-05-01 14:42:14.595 +0000 INFO PipeSession - [From charging station]: 060349123358459bad89d758458796ef=StartTransaction={    "connectorId": 1,    "idTag": "201ACCBF",    "meterStart": 7854588,    "timestamp": "2024-05-01T14:42:14Z"}
2024-05-01 14:42:14.611 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
2024-05-01 14:42:14.616 +0000 INFO RequestQueue - SendRequest Queue size: 1, Store time: 1.361 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89
2024-05-01 14:42:14.635 +0000 INFO WebSocketTransmitter - Sending: [2,"db8df750-e2e2-409d-90f6-c746feacae89","StartTransaction",{"connectorId":1,"idTag":"201ACCBF","meterStart":7854588,"timestamp":"2024-05-01T14:42:14Z"}]
2024-05-01 14:42:15.764 +0000 INFO WebSocketTransmitter - Received: [3,"db8df750-e2e2-409d-90f6-c746feacae89",{"transactionId":667,"idTagInfo":{"status":"Accepted"}}]
2024-05-01 14:42:15.770 +0000 INFO RequestQueue - Queue size: 0, Store time: 1.192 ms, UUID: db8df750-e2e2-409d-90f6-c746feacae89, Request process time: 1153 ms
2024-05-01 14:42:15.801 +0000 INFO ChargePoint - The chargePoint (com.Sungrow.ocpp.ChargePoint@16da883) works well.
2024-05-01 14:42:15.835 +0000 INFO PipeSession - [To charging station]: 060349123358459bad89d758458796ef=StartTransactionResponse={"idTagInfo":{"status":"Accepted"},"transactionId":667,"connectorId":1}
"""#

    /// Seed 000: a RemoteStartTransaction from the CPO (WebSocket id kept on the pipe), then a status.
    static let proxyRemoteStart = #"""
2024-04-28 14:16:06.457 +0000 INFO WebSocketTransmitter - Received: [2,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d","RemoteStartTransaction",{"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}]
2024-04-28 14:16:06.480 +0000 INFO PipeSession - [To charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransaction={"connectorId":2,"idTag":"AT-EST-CDPATEVN1-X"}
2024-04-28 14:16:06.773 +0000 INFO PipeSession - [From charging station]: b68ba114-9957-4cd5-bcac-bbcfeaf9671d=RemoteStartTransactionResponse={    "status": "Accepted"}
2024-04-28 14:16:06.798 +0000 INFO PipeSession - Pipe Ready
2024-04-28 14:16:06.807 +0000 INFO WebSocketTransmitter - Sending: [3,"b68ba114-9957-4cd5-bcac-bbcfeaf9671d",{"status":"Accepted"}]
2024-04-28 14:16:27.759 +0000 INFO PipeSession - [From charging station]: 1=StatusNotification={    "connectorId": 2,    "errorCode": "NoError",    "status": "Charging",    "vendorErrorCode": "",    "vendorId": "Sungrow"}
"""#

    /// Seed 000: a StopTransaction the CPO answers with a CALLERROR (the lines are cut in the seed).
    static let proxyCallError = #"""
2024-04-24 00:03:43.924 +0000 INFO WebSocketTransmitter - Sending: [2,"9c5b687a-19a0-4880-926a-549bf7f337eb","StopTransaction",{"idTag":"0482466A9E6F80","meterStop":6851429,"timestamp":"2024-04-24T00:03:42Z","transactionId":544,"reason":"Local","transactionData":[{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"kWh"},{"value":"3.48e-05","format":"Raw","measurand":"Power.Active.Import","unit":"kW"},{"value":"82","format":"Raw","measurand":"SoC","unit":"Percent"},{"value":"12","format":"Raw","measurand":"Temperature","unit":"Celsius"},{"value":"0.001","format":"Raw","measurand":"Current.Import","unit":"A"},{"value":"0","format":"Raw","measurand":"RPM"},{"value":"34.8","format":"Raw","measurand":"Voltage","unit":"V"},{"value":"0","format":"Raw","measurand":"Current.Offered","unit":"A"},{"value":"0","format":"Raw","measurand":"Power.Offered","unit":"kW"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","context":"Transaction.Begin","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"6851.43","context":"Transaction.End","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T346\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"ea84f9995415400fa5d6722b2f8a33a3\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"B\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"C\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022032DDD4D8DE6B276F08424D30F728AD079803F6E4678929EF84241B7600D3FC610221008025B5C9746EB1CEA70F04AB7E4D0EAEFA7ED6E3178FAD20FC6E51024E5A472D\"}","context":"Transaction.Begin","format":"SignedData","measurand":"Energy.Active.Import.Register"}]},{"timestamp":"2024-04-24T04:38:24Z","sampledValue":[{"value":"OCMF|{\"FV\":\"1.0\",\"GI\":\"LEM DCBM\",\"GS\":\"1232581409\",\"GV\":\"v1\",\"PG\":\"T346\",\"MV\":\"LEM\",\"MS\":\"1232581409\",\"MF\":\"MU-2.3.0.1_SU-0.0.8.0\",\"IS\":false,\"IL\":\"-\",\"IF\":[\"RFID_NONE\",\"OCPP_NONE\",\"ISO15118_NONE\",\"PLMN_NONE\"],\"IT\":\"NONE\",\"ID\":\"ea84f9995415400fa5d6722b2f8a33a3\",\"CT\":\"EVSEID\",\"CI\":\"A23C2706768\",\"RD\":[{\"TM\":\"2024-04-24T01:46:57,000+0200 R\",\"TX\":\"B\",\"RV\":6838.746,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"RT\":\"DC\",\"EF\":\"\",\"ST\":\"G\",\"UC\":{\"UN\":\"2mR_Comp\",\"UI\":0,\"UR\":2}},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"TM\":\"2024-04-24T02:03:41,000+0200 R\",\"TX\":\"E\",\"RV\":6851.429,\"RI\":\"1-0:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"},{\"RV\":4.909,\"RI\":\"1-0:2.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022032DDD4D8DE6B276F08424D30F728AD079803F6E4678929EF84241B7600D3FC61022100DF9CE591C353D4EB03021DC2FC27277E9C9921ECA0662A17BFAFD1F44A223F3E\"}","context":"Transaction.End","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}]
2024-04-24 00:03:44.476 +0000 INFO WebSocketTransmitter - Received: [4,"9c5b687a-19a0-4880-926a-549bf7f337eb","InternalError","An internal error occured while stopping a charging session for the transaction.",{"exception":"Stopping a charging session using the CPO Backend failed due to an internal error."}]
2024-04-24 00:03:44.495 +0000 WARN PipeEventHandlerImpl - HandleStopTransaction ExecutionException
"""#

    /// Seed 000, A23C2706768VMainProcess.log (no year in the stamps): a remote start, then an RFID authorisation.
    static let mainProcess = #"""
Apr/28 14:16:06 UTC --  1  JSONs OCPP were found
Apr/28 14:16:06 UTC --  this ocppin is about =  "RemoteStartTransaction"
Apr/28 14:16:06 UTC --  StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer"
Apr/28 14:16:06 UTC --  "State_PayNotChosen_Plug" parent back to start state "State_PayNotChosen_Plug"
Apr/28 14:16:06 UTC --  "State_Energy_Transfer" return start "State_Energy_Transfer_Preparing_Wait_Stop"
Apr/28 14:16:06 UTC --  Connector: 2 enter energy transfer, trigger other connectors' not chosen
Apr/28 14:16:06 UTC --  ChargingStartFunction
Apr/28 14:16:06 UTC --  InterLayer_Start_Charging index: 2
Apr/28 14:16:06 UTC --  setting power 150
Apr/28 14:16:06 UTC --  Clean resend enum: 5
Apr/28 14:16:06 UTC --  Change LED status 1
Apr/28 14:16:06 UTC --  lem config ocmf, index: 2
Apr/28 14:16:06 UTC --  DC_Meter_OCMF_Init_Pre
Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start transaction, index: 2 transactionId: "a0fa3892688940f1a33558ab7628b23a"
Apr/28 14:16:06 UTC --  dc meter Prepare_Read_OCMF index: 2
Apr/28 14:16:06 UTC --  Start a new Transaction
Apr/28 14:16:06 UTC --  dc meter Prepare_Start_Trans index: 2
Apr/28 14:16:06 UTC --  void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter for connector 2 11026.4
Apr/28 14:16:06 UTC --  Accept remote start transaction: 2 "12345"
Apr/28 14:16:06 UTC --  void TaskCompability::SetIDTagCache(ushort, const QString&)  Id tag of  2  is  "AT-EST-CDPATEVN1-X"
Apr/28 14:16:06 UTC --  void TaskCompability::SetPendingIdTagCache(ushort, const QString&) SET PENDING ID TAG for connector  2  TO:  "AT-EST-CDPATEVN1-X"
Apr/28 14:16:06 UTC --  Set CCU2 current limit to 250.000000
Apr/28 14:16:06 UTC --  Start_Transaction
May/01 14:41:17 UTC --  Card NoEnable
May/01 14:41:18 UTC --  SetPara_Confirm, dequeue resend queue
May/01 14:41:18 UTC --  Front connector choose authorize: "Rfid_Authorize"
May/01 14:41:19 UTC --  1  JSONs OCPP were found
May/01 14:41:19 UTC --  this ocppin is about =  "AuthorizeResponse"
May/01 14:41:19 UTC --  Authorize request accepted!!
"""#

    /// Seed 004: the start of the TONLY frame log, with Chinese comments and the WebSocket handshake.
    static let tonly = #"""
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
"""#

    /// A proxy log: the CALLERROR stop, the remote start, then transaction 667, in time order.
    static var proxyLog: String { [proxyCallError, proxyRemoteStart, proxyTx667].joined(separator: "\n") + "\n" }

    static var sungrowBundle: [String: String] {
        ["2168Vocpp/A23C2706768Vocpp.log": proxyLog, "2168Vqt/A23C2706768VMainProcess.log": mainProcess + "\n"]
    }
}
