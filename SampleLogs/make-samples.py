#!/usr/bin/env python3
"""Builds SampleLogs/ from the shapes of the seed excerpts (python3, standard library only).

Run from anywhere: `python3 SampleLogs/make-samples.py`. The output is deterministic (fixed
random seed, fixed zip entry dates) and is committed; re-running it must not change a byte
(apart from file modification times, which git does not keep anyway).

What it writes, and the story each sample tells, is described in SampleLogs/README.md.
Every idTag, URL credential and Basic header here is invented.
"""
import datetime as dt
import json
import os
import random
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SERIAL = "A23C2706768"
CHARGEPOINT = "com.Sungrow.ocpp.ChargePoint@16da883"
rng = random.Random(20240501)

# ---------------------------------------------------------------------------------------------
# Time helpers (all UTC, milliseconds since the epoch)

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def ms(text):
    """'2024-05-01 14:42:14.595' -> epoch ms."""
    fmt = "%Y-%m-%d %H:%M:%S.%f" if "." in text else "%Y-%m-%d %H:%M:%S"
    d = dt.datetime.strptime(text, fmt).replace(tzinfo=dt.timezone.utc)
    return int((d - EPOCH).total_seconds() * 1000 + 0.5)


def civil(t):
    return EPOCH + dt.timedelta(milliseconds=t)


def iso_z(t):
    """OCPP payload time: 2024-05-01T14:42:14Z (whole seconds, as the charger sends it)."""
    return civil(t).strftime("%Y-%m-%dT%H:%M:%SZ")


def proxy_stamp(t):
    d = civil(t)
    return d.strftime("%Y-%m-%d %H:%M:%S") + ".%03d +0000" % (d.microsecond // 1000)


def main_stamp(t):
    return civil(t).strftime("%b/%d %H:%M:%S UTC")


def bracket_stamp(t):
    d = civil(t)
    return "[%s/%02d %s.%03d UTC]" % (d.strftime("%B"), d.day, d.strftime("%H:%M:%S"), d.microsecond // 1000)


def qdatetime(t, spec="UTC"):
    d = civil(t)
    return "QDateTime(%s.%03d UTC Qt::TimeSpec(%s))" % (d.strftime("%Y-%m-%d %H:%M:%S"), d.microsecond // 1000, spec)


def ocmf_local(t):
    """OCMF reading time in the meter's local zone (CEST in spring): 2024-05-01T18:27:41,000+0200 R."""
    d = civil(t + 2 * 3600 * 1000)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ",000+0200 R"


# ---------------------------------------------------------------------------------------------
# Streams: lines collected with their times, sorted (stably) when written.

class Stream:
    def __init__(self):
        self.items = []

    def add(self, t, text):
        self.items.append((t, len(self.items), text))

    def lines(self):
        return [text for _, _, text in sorted(self.items)]


ocpp = Stream()      # 2168Vocpp/A23C2706768Vocpp.log
main = Stream()      # 2168Vqt/A23C2706768VMainProcess(_0).log
ccu = Stream()       # 2168Vccu/A23C2706768Vccu.log
fault = Stream()     # 2168Vfault/A23C2706768Vfault.log
update = Stream()    # 2168Vupdate/A23C2706768Vupdate.log


def P(t, text, level="INFO"):
    ocpp.add(t, "%s %s %s" % (proxy_stamp(t), level, text))


def M(t, text):
    main.add(t, "%s --  %s" % (main_stamp(t), text))


def event_block(stream, t, bodies):
    """Fault/update block: stamped lines, an empty-body line, then a blank separator line."""
    for i, b in enumerate(bodies):
        stream.add(t + i, bracket_stamp(t) + b)
    stream.add(t + len(bodies), bracket_stamp(t))
    stream.add(t + len(bodies) + 1, "")


def session_header(t):
    """Both event logs start each TCU process run with a header stating the year."""
    for s in (fault, update):
        d = civil(t - 1)
        s.add(t, "%s%d/%s/%02d %s.%03d" % (bracket_stamp(t), d.year, d.strftime("%B"), d.day,
                                           d.strftime("%H:%M:%S"), d.microsecond // 1000))
        s.add(t + 1, bracket_stamp(t))
        s.add(t + 2, bracket_stamp(t))
        s.add(t + 3, "")


CCU_BOOT = ms("2024-04-29 09:28:26.000")


def C(t, text, uptime_shift=0):
    up = t - CCU_BOOT - uptime_shift
    days, rem = divmod(up, 86400000)
    inner = "[D%02d %02d:%02d:%02d.%03d]" % (days, rem // 3600000, rem // 60000 % 60, rem // 1000 % 60, rem % 1000)
    ccu.add(t, bracket_stamp(t) + inner + " " + text)


def C_split(t, text):
    """A CCU record the logger cut in two (seed 000): `...[D00 23:` then `[... UTC]20:20.624] text`."""
    up = t - CCU_BOOT - 40
    days, rem = divmod(up, 86400000)
    head = "[D%02d %02d:" % (days, rem // 3600000)
    tail = "%02d:%02d.%03d] %s" % (rem // 60000 % 60, rem // 1000 % 60, rem % 1000, text)
    ccu.add(t, bracket_stamp(t) + head)
    ccu.add(t + 1, bracket_stamp(t + 1) + tail)


# ---------------------------------------------------------------------------------------------
# OCPP through the proxy: every message appears as the pipe line and the WebSocket line.

def qt_json(obj):
    """The charger's pipe JSON: Qt's indented output (sorted keys) with its newlines removed."""
    return json.dumps(obj, indent=4, sort_keys=True, separators=(",", ": ")).replace("\n", "")


def java_json(obj):
    return json.dumps(obj, separators=(",", ":"))


def hex_id(n=32):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    h = hex_id(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def store_time():
    if rng.random() < 0.08:
        return "%.1f ?s" % rng.uniform(900, 999)   # the mangled micro sign, as in seed 000
    return "%.3f ms" % rng.uniform(1.0, 2.8)


def works_well(t):
    P(t, "ChargePoint - The chargePoint (%s) works well." % CHARGEPOINT)


def cp_call(t, action, ws_payload, answer, latency=None, pipe_id=None, pipe_answer=None,
            callerror=None, unanswered=False):
    """A charger-initiated call: pipe request, queue, WebSocket request and answer, pipe answer.
    Returns the time the charger gets the answer (None when it gets none)."""
    pipe_id = pipe_id or hex_id()
    ws_id = uuid4()
    pipe_payload = dict(ws_payload)
    P(t, "PipeSession - [From charging station]: %s=%s=%s" % (pipe_id, action, qt_json(pipe_payload)))
    works_well(t + 14)
    P(t + 19, "RequestQueue - SendRequest Queue size: 1, Store time: %s, UUID: %s" % (store_time(), ws_id))
    send = t + 40 + rng.randint(0, 100)
    P(send, "WebSocketTransmitter - Sending: %s" % java_json([2, ws_id, action, ws_payload]))
    if unanswered:
        return None
    latency = latency if latency is not None else rng.randint(180, 1200)
    got = send + latency
    if callerror:
        code, desc, details = callerror
        P(got, "WebSocketTransmitter - Received: %s" % java_json([4, ws_id, code, desc, details]))
        P(got + 19, "PipeEventHandlerImpl - Handle%s ExecutionException" % action, level="WARN")
        return None
    P(got, "WebSocketTransmitter - Received: %s" % java_json([3, ws_id, answer]))
    P(got + 6, "RequestQueue - Queue size: 0, Store time: %s, UUID: %s, Request process time: %d ms"
      % (store_time(), ws_id, got + 6 - (t + 19)))
    works_well(got + 37)
    back = got + 71
    P(back, "PipeSession - [To charging station]: %s=%sResponse=%s"
      % (pipe_id, action, java_json(pipe_answer if pipe_answer is not None else answer)))
    M(back + 300, "1  JSONs OCPP were found")
    M(back + 301, 'this ocppin is about =  "%sResponse"' % action)
    return back + 301


def cs_call(t, action, payload, pipe_answer, ws_answer):
    """A CPO-initiated call: WebSocket id on both sides. Returns when the charger handled it."""
    ws_id = uuid4()
    P(t, "WebSocketTransmitter - Received: %s" % java_json([2, ws_id, action, payload]))
    P(t + 23, "PipeSession - [To charging station]: %s=%s=%s" % (ws_id, action, java_json(payload)))
    M(t + 120, "1  JSONs OCPP were found")
    M(t + 121, 'this ocppin is about =  "%s"' % action)
    P(t + 316, "PipeSession - [From charging station]: %s=%sResponse=%s" % (ws_id, action, qt_json(pipe_answer)))
    P(t + 341, "PipeSession - Pipe Ready")
    P(t + 350, "WebSocketTransmitter - Sending: %s" % java_json([3, ws_id, ws_answer]))
    return t + 350


STATUS_SLOTS = []


def status(t, connector, state, error="NoError", vendor_error="", info=None):
    # Every StatusNotification has the pipe id `1`: never two in flight at once.
    while any(a <= t < b or a < t + 1800 <= b for a, b in STATUS_SLOTS):
        t = max(b for a, b in STATUS_SLOTS if a <= t + 1800 and t < b) + 25
    STATUS_SLOTS.append((t, t + 1800))
    M(t - 40, "InterLayer_Status_Notification: Communicator as: CCU_Index:%dCommunicationType:0SourceType:7"
      % max(connector, 1))
    payload = {"connectorId": connector, "errorCode": error, "status": state,
               "vendorId": "Sungrow", "vendorErrorCode": vendor_error}
    if info:
        payload["info"] = info
    return cp_call(t, "StatusNotification", payload, {}, pipe_id="1", pipe_answer={"connectorId": connector})


def heartbeat(t, latency=None, unanswered=False):
    return cp_call(t, "Heartbeat", {}, {"currentTime": iso_z(t + 300)}, latency=latency, unanswered=unanswered)


def boot_notification(t, firmware, cs_offset=0):
    payload = {"chargePointVendor": "Sungrow", "chargePointModel": "IDC180E",
               "chargePointSerialNumber": SERIAL, "firmwareVersion": firmware}
    answer = {"currentTime": iso_z(t + 500 + cs_offset), "interval": 300, "status": "Accepted"}
    got = cp_call(t, "BootNotification", payload, answer)
    M(got + 1, 'Recv BootNotification: QJsonObject({"currentTime":"%s"})' % answer["currentTime"])
    M(got + 2, "Date time from OCPP is invalid! QDateTime( Qt::TimeSpec(LocalTime)) Try to change format without ms")
    return got + 2, (t + 500 + cs_offset) // 1000 * 1000


# ---------------------------------------------------------------------------------------------
# Meter values and charging sessions

def g6(v):
    """%g with 6 significant digits, as the charger formats kWh and kW (`11730.1`, `3.48e-05`)."""
    return "%.6g" % v


def sampled(reg_kwh, power_kw, soc, temp, current, rpm, volt, offered_a=250, offered_kw=150):
    return [
        {"value": g6(reg_kwh), "format": "Raw", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
        {"value": power_kw if isinstance(power_kw, str) else g6(power_kw), "format": "Raw",
         "measurand": "Power.Active.Import", "unit": "kW"},
        {"value": str(soc), "format": "Raw", "measurand": "SoC", "unit": "Percent"},
        {"value": str(temp), "format": "Raw", "measurand": "Temperature", "unit": "Celsius"},
        {"value": current if isinstance(current, str) else g6(current), "format": "Raw",
         "measurand": "Current.Import", "unit": "A"},
        {"value": str(rpm), "format": "Raw", "measurand": "RPM"},
        {"value": "%.1f" % volt, "format": "Raw", "measurand": "Voltage", "unit": "V"},
        {"value": str(offered_a), "format": "Raw", "measurand": "Current.Offered", "unit": "A"},
        {"value": str(offered_kw), "format": "Raw", "measurand": "Power.Offered", "unit": "kW"},
    ]


METER_SERIAL = {1: "1232581409", 2: "1232581252"}


def ocmf(connector, internal_id, page, readings):
    rd = []
    for i, (t, tx, rv) in enumerate(readings):
        first = {"TM": ocmf_local(t), "TX": tx, "RV": "@%.3f@" % rv, "RI": "1-0:1.8.0", "RU": "kWh"}
        if i == 0:
            first.update({"RT": "DC", "EF": "", "ST": "G", "UC": {"UN": "2mR_Comp", "UI": 0, "UR": 2}})
        else:
            first["ST"] = "G"
        rd.append(first)
        rd.append({"RV": "@4.988@", "RI": "1-0:2.8.0", "RU": "kWh", "ST": "G"})
    payload = {"FV": "1.0", "GI": "LEM DCBM", "GS": METER_SERIAL[connector], "GV": "v1", "PG": "T%d" % page,
               "MV": "LEM", "MS": METER_SERIAL[connector], "MF": "MU-2.3.0.1_SU-0.0.8.0", "IS": False, "IL": "-",
               "IF": ["RFID_NONE", "OCPP_NONE", "ISO15118_NONE", "PLMN_NONE"], "IT": "NONE", "ID": internal_id,
               "CT": "EVSEID", "CI": SERIAL, "RD": rd}
    text = java_json(payload).replace('"@', "").replace('@"', "")
    # Invented signature bytes in the DER shape of the seed (not verifiable).
    sd = "30440220" + hex_id(64).upper() + "0220" + hex_id(64).upper()
    return "OCMF|%s|%s" % (text, java_json({"SA": "ECDSA-secp256r1-SHA256", "SD": sd}))


class Session:
    """One charging session; writes MainProcess, proxy and CCU lines as it goes."""

    def __init__(self, tx, connector, id_tag, meter_start_wh, soc, page):
        self.tx, self.connector, self.id_tag = tx, connector, id_tag
        self.reg = meter_start_wh / 1000.0
        self.meter_start = meter_start_wh
        self.soc = soc
        self.page = page
        self.internal = hex_id()
        self.start_time = None

    # -- start ----------------------------------------------------------------------------
    def rfid_authorize(self, t):
        M(t, "Card NoEnable")
        M(t + 1000, "SetPara_Confirm, dequeue resend queue")
        M(t + 1001, 'Front connector choose authorize: "Rfid_Authorize"')
        got = cp_call(t + 1300, "Authorize", {"idTag": self.id_tag}, {"idTagInfo": {"status": "Accepted"}})
        M(got + 1, "Authorize request accepted!!")
        return got

    def start(self, t, remote=False, plug_state="State_Payment_Ready"):
        c = self.connector
        other = 2 if c == 1 else 1
        M(t, "Front select connector index: %d" % c)
        M(t + 1, 'StateSwicthed:from "%s" to: "State_Energy_Transfer"' % plug_state)
        M(t + 2, '"%s" parent back to start state "%s"' % (plug_state, plug_state))
        M(t + 3, '"State_Energy_Transfer" return start "State_Energy_Transfer_Preparing_Wait_Stop"')
        if not remote:
            M(t + 4, 'Assign id tag: "%s" for connector: %d' % (self.id_tag, c))
        M(t + 5, "Connector: %d enter energy transfer, trigger other connectors' not chosen" % c)
        M(t + 6, "Connector id: %d Connector not chosen, trigger flag true" % other)
        M(t + 7, "ChargingStartFunction")
        M(t + 8, "InterLayer_Start_Charging index: %d" % c)
        M(t + 9, "setting power 150")
        M(t + 10, "Clean resend enum: 5")
        M(t + 11, "Change LED status 1")
        M(t + 12, "lem config ocmf, index: %d" % c)
        M(t + 13, "DC_Meter_OCMF_Init_Pre")
        M(t + 14, 'void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem start '
                  'transaction, index: %d transactionId: "%s"' % (c, self.internal))
        M(t + 15, "dc meter Prepare_Read_OCMF index: %d" % c)
        M(t + 16, "Start a new Transaction")
        M(t + 17, "dc meter Prepare_Start_Trans index: %d" % c)
        M(t + 18, "void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : Read start meter "
                  "for connector %d %s" % (c, g6(self.reg)))
        if remote:
            M(t + 19, 'Accept remote start transaction: %d "12345"' % c)
        M(t + 20, 'void TaskCompability::SetIDTagCache(ushort, const QString&)  Id tag of  %d  is  "%s"'
          % (c, self.id_tag))
        M(t + 21, 'void TaskCompability::SetPendingIdTagCache(ushort, const QString&) SET PENDING ID TAG for '
                  'connector  %d  TO:  "%s"' % (c, self.id_tag))
        M(t + 22, "Set CCU%d current limit to 250.000000" % c)
        M(t + 23, "Start_Transaction")
        # CCU: cable check, SLAC, contactors closed.
        C(t + 200, "SessionStartTrigger -- Connector %d" % c)
        C(t + 230, "SLAC INDICATOR PARALLEL -- ISR:%d match" % (c - 1))
        C(t + 260, "Insulation check passed, R:%d kOhm" % rng.randint(900, 2400))
        C(t + 290, "DC_CONTACTOR:%d, set:1" % (c * 2))
        C(t + 291, "DC_CONTACTOR:%d, set:1" % (c * 2 - 1))
        self.start_time = t + 1000 - (t % 1000)   # the payload's whole second
        got = cp_call(self.start_time + rng.randint(200, 900), "StartTransaction",
                      {"connectorId": c, "idTag": self.id_tag, "meterStart": self.meter_start,
                       "timestamp": iso_z(self.start_time)},
                      {"transactionId": self.tx, "idTagInfo": {"status": "Accepted"}},
                      pipe_answer={"idTagInfo": {"status": "Accepted"}, "transactionId": self.tx, "connectorId": c})
        status(got + 20000, c, "Charging")
        return got

    # -- charging ---------------------------------------------------------------------------
    def charge(self, t_from, minutes, target_kwh, peak_kw=120.0, soc_to=None):
        """MeterValues every minute until the register reaches `target_kwh`; returns the last sample time."""
        t = t_from
        cap = 77.0
        shape = [min(peak_kw, 40 + 12 * k) * rng.uniform(0.96, 1.0) for k in range(minutes)]
        scale = (target_kwh - self.reg) * 60.0 / sum(shape)
        for k in range(minutes):
            t += 60000
            kw = shape[k] * scale
            self.reg = target_kwh if k == minutes - 1 else self.reg + kw / 60.0
            self.soc = min(100.0, self.soc + kw / 60.0 / cap * 100)
            if soc_to is not None:
                self.soc = min(self.soc, soc_to)
            volt = 360 + self.soc * 0.6 + rng.uniform(-2, 2)
            amps = kw * 1000 / volt
            values = sampled(self.reg, kw, int(self.soc), rng.randint(28, 36), amps, rng.randint(2800, 3900), volt)
            payload = {"connectorId": self.connector, "transactionId": self.tx,
                       "meterValue": [{"timestamp": iso_z(t), "sampledValue": values}]}
            cp_call(t + rng.randint(100, 700), "MeterValues", payload, {})
            C(t - 3000, "Connector_Power_Info_Changed! V:%d, C:%d" % (volt, amps))
            C(t - 2999, "State update context to P_%d, V_%d, C_%d" % (kw, volt, amps))
        return t

    # -- stop -------------------------------------------------------------------------------
    def stop(self, t, reason, stop_tag=None, cause_lines=(), power="0.00107", temp=34, callerror=None,
             final_soc=None):
        c = self.connector
        for i, line in enumerate(cause_lines):
            M(t + i, line)
        M(t + 10, 'StateSwicthed:from "State_Energy_Transfer" to: "State_Finishing_Payment_Not_Ready"')
        M(t + 11, "InterLayer_Stop_Charging index: %d" % c)
        M(t + 12, 'void TaskImplementation::handle_Request_Communicator(Layer_Communicator&) : lem stop '
                  'transaction, index: %d transactionId: "%s"' % (c, self.internal))
        M(t + 13, "dc meter Prepare_Stop_Trans index: %d" % c)
        M(t + 14, "Stop_Transaction")
        # CCU: the seed's stop sequence, including the record split over two lines.
        C(t + 100, "Pcu state changes event:1, not self:1, not self id:0", uptime_shift=140)
        C(t + 100, "Secondary CCU asks for power modules stopping", uptime_shift=140)
        C(t + 100, "Connector_Power_Info_Changed! V:395, C:0", uptime_shift=140)
        C(t + 100, "SessionStopTrigger -- Init", uptime_shift=61)
        C(t + 100, "State update context to P_0, V_0, C_0", uptime_shift=60)
        C(t + 100, "DC_CONTACTOR:%d, set:0" % (c * 2), uptime_shift=60)
        C(t + 100, "DC_CONTACTOR:%d, set:0" % (c * 2 - 1), uptime_shift=60)
        C(t + 100, "Init_ev_buffer_array", uptime_shift=60)
        C_split(t + 100, "SLAC INDICATOR PARALLEL -- ISR:0 init")
        stop_time = t + 1000 - (t % 1000)
        meter_stop = int(round(self.reg * 1000))
        stamp = iso_z(stop_time)
        soc = final_soc if final_soc is not None else int(self.soc)
        volt = 106.6 if reason == "Remote" else 39.0
        first = {"timestamp": stamp, "sampledValue": sampled(self.reg, power, soc, temp, "0", rng.randint(0, 3900),
                                                             volt)}
        reg = g6(self.reg)
        begin_raw = {"timestamp": stamp, "sampledValue": [
            {"value": reg, "context": "Transaction.Begin", "format": "Raw",
             "measurand": "Energy.Active.Import.Register", "location": "Outlet", "unit": "Wh"}]}
        end_raw = {"timestamp": stamp, "sampledValue": [
            {"value": reg, "context": "Transaction.End", "format": "Raw",
             "measurand": "Energy.Active.Import.Register", "location": "Outlet", "unit": "Wh"}]}
        b = ocmf(c, self.internal, self.page, [(self.start_time, "B", self.meter_start / 1000.0),
                                               (self.start_time, "C", self.meter_start / 1000.0)])
        e = ocmf(c, self.internal, self.page, [(self.start_time, "B", self.meter_start / 1000.0),
                                               (stop_time - 2000, "E", meter_stop / 1000.0)])
        begin_signed = {"timestamp": stamp, "sampledValue": [
            {"value": b, "context": "Transaction.Begin", "format": "SignedData",
             "measurand": "Energy.Active.Import.Register"}]}
        end_signed = {"timestamp": stamp, "sampledValue": [
            {"value": e, "context": "Transaction.End", "format": "SignedData",
             "measurand": "Energy.Active.Import.Register"}]}
        payload = {"idTag": stop_tag or self.id_tag, "meterStop": meter_stop, "timestamp": stamp,
                   "transactionId": self.tx, "reason": reason,
                   "transactionData": [first, begin_raw, end_raw, begin_signed, end_signed]}
        # The pipe copy puts connectorId first (sorted keys) and carries it; the WebSocket copy does not.
        pipe_id = hex_id()
        pipe_payload = dict(payload)
        pipe_payload["connectorId"] = c
        t_call = stop_time + rng.randint(1200, 2200)
        P(t_call, "PipeSession - [From charging station]: %s=StopTransaction=%s" % (pipe_id, qt_json(pipe_payload)))
        works_well(t_call + 157)
        ws_id = uuid4()
        P(t_call + 160, "RequestQueue - SendRequest Queue size: 1, Store time: %s, UUID: %s" % (store_time(), ws_id))
        send = t_call + 286
        P(send, "WebSocketTransmitter - Sending: %s" % java_json([2, ws_id, "StopTransaction", payload]))
        if callerror:
            got = send + 552
            P(got, "WebSocketTransmitter - Received: %s" % java_json(
                [4, ws_id, "InternalError",
                 "An internal error occured while stopping a charging session for the transaction.",
                 {"exception": "Stopping a charging session using the CPO Backend failed due to an internal error."}]))
            P(got + 19, "PipeEventHandlerImpl - HandleStopTransaction ExecutionException", level="WARN")
            done = got + 19
        else:
            got = send + rng.randint(600, 1300)
            P(got, "WebSocketTransmitter - Received: %s" % java_json([3, ws_id, {"idTagInfo": {"status": "Accepted"}}]))
            P(got + 4, "RequestQueue - Queue size: 0, Store time: %s, UUID: %s, Request process time: %d ms"
              % (store_time(), ws_id, got + 4 - (t_call + 160)))
            works_well(got + 31)
            P(got + 42, "PipeSession - [To charging station]: %s=StopTransactionResponse=%s"
              % (pipe_id, java_json({"idTagInfo": {"status": "Accepted"}, "connectorId": c})))
            M(got + 300, "1  JSONs OCPP were found")
            M(got + 301, 'this ocppin is about =  "StopTransactionResponse"')
            M(got + 302, 'StateSwicthed:from "State_Finishing_Payment_Not_Ready" to: "State_Authurize"')
            done = got + 302
        status(t + 2500, c, "Finishing")
        return done, meter_stop


# ---------------------------------------------------------------------------------------------
# The Sungrow IDC180E bundle: 2024-04-30 02:51 .. 2024-05-01 17:10 UTC

def build_sungrow():
    outages = []

    def boot(t, firmware, cs_offset=0, reason_lines=()):
        """TCU process start: event-log headers, MainProcess start lines, BootNotification, statuses."""
        session_header(t)
        M(t + 100, "Bootup info type id 1, reason 0")
        for i, line in enumerate(reason_lines):
            M(t + 101 + i, line)
        M(t + 900, "Factory mode recevie network change: 2")
        M(t + 901, "Network state good, stop the reconnect check timer")
        P(t + 4000, "PipeSession - Pipe Ready")
        return boot_notification(t + 4500, firmware, cs_offset)

    # -- boot 1 and the firmware update (update log from seed 000) ---------------------------
    t = ms("2024-04-30 02:51:36.489")
    got, cs_time = boot(t, "IDC180E-1000_V1.5.2")
    M(got + 1, "Time difference origin: %s good, no need to sync from OCPP: %s"
      % (qdatetime(got + 1), qdatetime(cs_time, "LocalTime")))
    for c in (0, 1, 2):
        status(got + 2000 + 500 * c, c, "Available")

    t = ms("2024-04-30 02:56:32.960")
    url = ("https://eco-eu-prod-file.oss-eu-central-1.aliyuncs.com/charger/IDC180E-1000/"
           "2024041114172100KeYa/version.json")
    cs_call(t, "UpdateFirmware", {"location": url, "retries": 1, "retrieveDate": iso_z(t - 60000),
                                  "retryInterval": 1}, {}, {})
    u = t + 31
    event_block(update, u, [
        "Loader --> File_Loader receive Type_Update_Firmware_Request from OCPP",
        "Loader --> FirmwareUpdate_Data Retry:1URI:%sRetry interval:1" % url,
        "Loader --> Process... Start Http download version.json",
        "Loader --> Cleaned /home/root/Sungrow_TCU/Download/",
        "Loader --> clean all",
        "Loader --> startNewDownload url: %s" % url,
        "Loader --> Ready write to file/home/root/Sungrow_TCU/Download/version.json",
        "Loader --> Update Phase:5",
    ])
    cp_call(u + 2000, "FirmwareStatusNotification", {"status": "Downloading"}, {})
    u = ms("2024-04-30 03:01:10.118")
    event_block(update, u, [
        "Loader --> Download finished /home/root/Sungrow_TCU/Download/IDC180E-1000_V1.5.3.tar.gz",
        "Loader --> Check md5 ok",
        "Loader --> Update Phase:6",
    ])
    cp_call(u + 500, "FirmwareStatusNotification", {"status": "Downloaded"}, {})
    event_block(update, u + 5000, ["Loader --> Install package, reboot required", "Loader --> Update Phase:7"])
    cp_call(u + 5400, "FirmwareStatusNotification", {"status": "Installing"}, {})
    M(u + 9000, "Firmware install finished, reboot system")

    # -- boot 2: the clock came back 95 s behind; the BootNotification answer syncs it (jump) --
    t = ms("2024-04-30 03:02:50.207")       # charger clock; real time is 95 s later
    got, cs_time = boot(t, "IDC180E-1000_V1.5.3", cs_offset=95000, reason_lines=["Reboot reason: firmware update"])
    M(got + 1, "Time difference origin: %s too large, sync from OCPP: %s"
      % (qdatetime(got + 1), qdatetime(cs_time, "LocalTime")))
    jump = got + 95000                     # every stream continues 95 s later
    M(jump + 10, "System time set from OCPP, offset 95 s")
    heartbeat(jump + 8000)
    event_block(update, jump + 400, ["Loader --> Update Phase:8", "Loader --> Firmware IDC180E-1000_V1.5.3 active"])
    cp_call(jump + 1200, "FirmwareStatusNotification", {"status": "Installed"}, {})
    for c in (0, 1, 2):
        status(jump + 3000 + 500 * c, c, "Available")

    # -- tx 662: RFID, connector 2, stopped by the vehicle -----------------------------------
    s = Session(662, 2, "04A1B2C3D4E580", 11602310, soc=31, page=601)
    t = ms("2024-04-30 07:12:03.118")
    status(t - 30000, 2, "Preparing")
    got = s.rfid_authorize(t)
    got = s.start(got + 2000)
    end = s.charge(got, 24, 11631.877, peak_kw=90, soc_to=49)
    s.stop(end + 25000, "Local", cause_lines=["CCU2 report: EV stop charging request (vehicle)",
                                              "Connector 2 stop reason: Vehicle_Stop"],
           power="0.000507", final_soc=49)
    status(end + 60000, 2, "Available")

    # -- NTP-less clock check through OCPP (seed 000, "Syn_OCPP") ------------------------------
    t = ms("2024-04-30 09:38:44.000")
    for line in [
        "Time_always_sync_ntp_enabled, Direct sync NTP",
        "void TaskImplementation::NtpPartialTimeSyncResultCallback(bool) : Sync DC meter with system time in "
        "MID/NTP Not enabled mode",
        "void DC_Meter_Manage::receive_Communicator_From_Implementation(Layer_Communicator&) Recv NTP sync time "
        "request",
        "dc meter Prepare_Set_Time index: 1",
        "dc meter Prepare_Set_Time index: 2",
    ]:
        M(t, line)
        t += 1
    for _ in range(2):
        M(t, 'DC Meter set time buf: "{\\"time\\":{\\"tz\\":\\"+02:00\\",\\"utc\\":\\"2024-04-30T09:38:44Z\\",'
             '\\"dst\\":{\\"activated\\":false,\\"offset\\":60,\\"start\\":{\\"order\\":\\"last\\",\\"day\\":'
             '\\"sunday\\",\\"month\\":\\"march\\",\\"hour\\":\\"T01:00Z\\"},\\"end\\":{\\"order\\":\\"last\\",'
             '\\"day\\":\\"sunday\\",\\"month\\":\\"october\\",\\"hour\\":\\"T01:00Z\\"}}}}"')
        t += 1
    M(ms("2024-04-30 09:38:45.100"), 'DC Meter IP "192.168.1.2" Set time completed')
    M(ms("2024-04-30 09:38:45.200"), 'DC Meter IP "192.168.10.2" Set time completed')

    # -- tx 663: RFID, connector 1, stopped at 100 % SoC ---------------------------------------
    s = Session(663, 1, "04C3D2E1F0A980", 7812000, soc=84, page=345)
    t = ms("2024-04-30 11:05:12.530")
    status(t - 40000, 1, "Preparing")
    got = s.rfid_authorize(t)
    got = s.start(got + 2000)
    end = s.charge(got, 34, 7841.905, peak_kw=110)
    s.soc = 100
    status(end + 10000, 1, "SuspendedEV")
    s.stop(end + 30000, "Local", cause_lines=["CCU1 report: SOC 100, full charged",
                                              "Connector 1 stop reason: SOC_Full"], power="0.00025", temp=35,
           final_soc=100)
    status(end + 90000, 1, "Available")
    conn1_register = s.reg

    # -- authorisation rejected by the CPO -----------------------------------------------------
    t = ms("2024-04-30 13:20:41.004")
    status(t - 20000, 1, "Preparing")
    M(t, "Card NoEnable")
    M(t + 1000, 'Front connector choose authorize: "Rfid_Authorize"')
    got = cp_call(t + 1300, "Authorize", {"idTag": "0400000000DEAD"}, {"idTagInfo": {"status": "Invalid"}})
    M(got + 1, "Authorize request rejected!! status: Invalid")
    M(got + 2, "Change LED status 3")
    status(got + 60000, 1, "Available")

    # -- tx 664: QR / remote start on connector 2, stopped remotely ----------------------------
    s = Session(664, 2, "XX-TST-QRCODE01-X", 11631877, soc=22, page=602)
    t = ms("2024-04-30 15:30:06.457")
    status(t - 50000, 2, "Preparing")
    cs_call(t, "RemoteStartTransaction", {"connectorId": 2, "idTag": s.id_tag},
            {"status": "Accepted"}, {"status": "Accepted"})
    M(t + 400, 'StateSwicthed:from "State_PayNotChosen_Plug" to: "State_Energy_Transfer"')
    got = s.start(t + 500, remote=True, plug_state="State_PayNotChosen_Plug")
    end = s.charge(got, 30, 11668.040, peak_kw=140)
    r = end + 20000
    cs_call(r, "RemoteStopTransaction", {"transactionId": 664}, {"status": "Accepted"}, {"status": "Accepted"})
    s.stop(r + 600, "Remote", cause_lines=["Accept remote stop transaction: 664"])
    status(r + 70000, 2, "Available")

    # -- OCPP connection lost 19:40:05 .. restored 20:02:18 (seed 000) ------------------------
    heartbeat(ms("2024-04-30 19:39:58.120"), unanswered=True)
    M(ms("2024-04-30 19:40:05.000"), "OCPP_Connection_Fail")
    M(ms("2024-04-30 19:40:05.001"), "Factory mode recevie network change: 0")
    M(ms("2024-04-30 19:40:05.002"), "Network state bad, start the reconnect check timer")
    outages.append((ms("2024-04-30 19:39:58.000"), ms("2024-04-30 20:02:08.000")))
    t = ms("2024-04-30 20:02:08.003")
    P(t - 500, "PipeSession - Pipe Ready")
    answer = {"currentTime": "2024-04-30T20:02:08Z", "interval": 300, "status": "Accepted"}
    cp_call(t, "BootNotification", {"chargePointVendor": "Sungrow", "chargePointModel": "IDC180E",
                                    "chargePointSerialNumber": SERIAL, "firmwareVersion": "IDC180E-1000_V1.5.3"},
            answer, latency=3400)
    M(ms("2024-04-30 20:02:13.100"), 'Recv BootNotification: QJsonObject({"currentTime":"2024-04-30T20:02:08Z"})')
    M(ms("2024-04-30 20:02:13.200"), "Date time from OCPP is invalid! QDateTime( Qt::TimeSpec(LocalTime)) Try to "
                                     "change format without ms")
    M(ms("2024-04-30 20:02:13.300"), "Time difference origin: QDateTime(2024-04-30 20:02:13.658 UTC "
                                     "Qt::TimeSpec(UTC)) good, no need to sync from OCPP: QDateTime(2024-04-30 "
                                     "20:02:08.000 UTC Qt::TimeSpec(LocalTime))")
    M(ms("2024-04-30 20:02:18.000"), "OCPP_Connection_Restore")
    M(ms("2024-04-30 20:02:18.001"), "Factory mode recevie network change: 2")
    M(ms("2024-04-30 20:02:18.002"), "Network state good, stop the reconnect check timer")
    for c in (0, 1, 2):
        status(ms("2024-04-30 20:02:19.500") + 500 * c, c, "Available")

    # -- NTP sync every 6 hours (seed 000) -----------------------------------------------------
    def ntp(t, offset, server="46.102.157.67", pid=10163):
        d = civil(t + 7000)
        M(t, '6 hours interval ntpdate request--> "ntpdate pool.ntp.org"')
        M(t + 7000, 'NTP Time sync finished, output: "%d %s %s ntpdate[%d]: adjust time server %s offset %s sec\\n"'
          % (d.day, d.strftime("%b"), d.strftime("%H:%M:%S"), pid, server, offset))
        M(t + 7001, "Restart the sync timeout timer")
        M(t + 7002, "NTP Sync success, current time UTC: %s" % qdatetime(t + 7313, "LocalTime"))
        M(t + 7003, "void DC_Meter_Manage::receive_Communicator_From_Implementation(Layer_Communicator&) Recv NTP "
                    "sync time request")
        M(t + 7004, "dc meter Prepare_Set_Time index: 1")
        M(t + 7005, "dc meter Prepare_Set_Time index: 2")
        for _ in range(2):
            M(t + 7006, 'DC Meter set time buf: "{\\"time\\":{\\"tz\\":\\"+02:00\\",\\"utc\\":\\"%s\\",\\"dst\\":'
                        '{\\"activated\\":false,\\"offset\\":60,\\"start\\":{\\"order\\":\\"last\\",\\"day\\":'
                        '\\"sunday\\",\\"month\\":\\"march\\",\\"hour\\":\\"T01:00Z\\"},\\"end\\":{\\"order\\":'
                        '\\"last\\",\\"day\\":\\"sunday\\",\\"month\\":\\"october\\",\\"hour\\":\\"T01:00Z\\"}}}}"'
              % iso_z(t + 7000))
        M(t + 7300, 'DC Meter IP "192.168.10.2" Set time completed')
        M(t + 7301, 'DC Meter IP "192.168.1.2" Set time completed')

    ntp(ms("2024-04-30 22:46:00.000"), "-0.337614")
    ntp(ms("2024-05-01 04:46:00.000"), "0.012047", server="162.159.200.1", pid=12877)
    ntp(ms("2024-05-01 10:46:00.000"), "-0.004410", pid=15520)
    ntp(ms("2024-05-01 16:46:00.000"), "0.002931", server="162.159.200.1", pid=18211)

    # -- tx 665: RFID, connector 1, StopTransaction rejected by the CPO (3.48e-05 kW) ---------
    s = Session(665, 1, "0482466A9E6F80", 7841905, soc=66, page=346)
    t = ms("2024-04-30 23:45:31.200")
    status(t - 30000, 1, "Preparing")
    got = s.rfid_authorize(t)
    got = s.start(got + 2000)
    end = s.charge(got, 15, 7854.588, peak_kw=60)
    s.stop(end + 17000, "Local", cause_lines=["Connector 1 stop reason: Card_Stop"], power="3.48e-05", temp=12,
           callerror=True)
    status(end + 75000, 1, "Available")

    # -- a fault block on connector 1 (fault log from seed 000) --------------------------------
    t = ms("2024-05-01 06:21:06.873")
    event_block(fault, t, ["CCU1->Err_Connector1_Cp_StateE_Alarm", "CCU1->Err_Connector1_TCU_Config_Fault"])
    status(t + 900, 1, "Faulted", error="OtherError", vendor_error="Err_Connector1_Cp_StateE_Alarm")
    M(t + 300, 'StateSwicthed:from "State_Idle" to: "State_Fault"')
    t2 = ms("2024-05-01 06:23:24.362")
    event_block(fault, t2, ["CCU1->Err_Connector1_Cp_StateE_Alarm"])
    t3 = ms("2024-05-01 06:25:40.018")
    event_block(fault, t3, ["CCU1->Err_Connector1_Cp_StateE_Alarm_Recover"])
    M(t3 + 200, 'StateSwicthed:from "State_Fault" to: "State_Idle"')
    status(t3 + 1000, 1, "Available")

    # -- tx 668: RFID, connector 2, stopped with the card ---------------------------------------
    s = Session(668, 2, "04E5F6A7B8C980", 11668040, soc=40, page=603)
    t = ms("2024-05-01 09:10:44.610")
    status(t - 25000, 2, "Preparing")
    got = s.rfid_authorize(t)
    got = s.start(got + 2000)
    end = s.charge(got, 18, 11691.421, peak_kw=120)
    M(end + 14000, "Card NoEnable")
    M(end + 14500, 'Front connector choose authorize: "Rfid_Authorize"')
    M(end + 14501, "Stop charging by card, id tag matches")
    s.stop(end + 15000, "Local", cause_lines=["Connector 2 stop reason: Card_Stop"])
    status(end + 80000, 2, "Available")

    # -- a slow answer: a Heartbeat the CPO answers after 6.4 s --------------------------------
    slow_heartbeat = ms("2024-05-01 12:00:40.002")

    # -- tx 667: RFID card on connector 1 (seed 000, session 00202405018414) -------------------
    s667 = Session(667, 1, "04B7C8D9E0F180", 7854588, soc=35, page=347)
    t = ms("2024-05-01 14:41:17.000")
    status(t - 35000, 1, "Preparing")
    got = s667.rfid_authorize(t)
    got = s667.start(ms("2024-05-01 14:42:11.100"))
    end667 = s667.charge(got, 37, 7901.311, peak_kw=150)

    # -- tx 670: QR / remote start on connector 2, stopped remotely with OCMF ------------------
    s670 = Session(670, 2, "XX-TST-QRCODE02-X", 11691421, soc=18, page=653)
    t = ms("2024-05-01 15:03:33.457")
    status(t - 60000, 2, "Preparing")
    cs_call(t, "RemoteStartTransaction", {"connectorId": 2, "idTag": s670.id_tag},
            {"status": "Accepted"}, {"status": "Accepted"})
    got = s670.start(t + 400, remote=True, plug_state="State_PayNotChosen_Plug")
    end670 = s670.charge(got, 84, 11730.144, peak_kw=45)

    # 667 stops with the card while 670 is still charging.
    M(end667 + 14000, "Card NoEnable")
    M(end667 + 14500, 'Front connector choose authorize: "Rfid_Authorize"')
    M(end667 + 14501, "Stop charging by card, id tag matches")
    s667.stop(end667 + 15000, "Local", cause_lines=["Connector 1 stop reason: Card_Stop"])
    status(end667 + 85000, 1, "Available")

    r = ms("2024-05-01 16:30:09.870")
    cs_call(r, "RemoteStopTransaction", {"transactionId": 670}, {"status": "Accepted"}, {"status": "Accepted"})
    s670.stop(r + 600, "Remote", cause_lines=["Accept remote stop transaction: 670"])
    status(r + 75000, 2, "Available")

    # -- heartbeats every 300 s while connected; CCU idle chatter every 10 minutes -------------
    t = ms("2024-04-30 02:56:40.000")
    end_all = ms("2024-05-01 17:10:00.000")
    while t < end_all:
        down = any(a <= t <= b for a, b in outages) or ms("2024-04-30 03:01:00") <= t <= ms("2024-04-30 03:08:00")
        if not down:
            if abs(t - slow_heartbeat) < 150000:
                heartbeat(slow_heartbeat, latency=6400)
            else:
                heartbeat(t + rng.randint(0, 40))
            M(t + 2, "InterLayer_Heartbeat: Communicator as: CCU_Index:1CommunicationType:0SourceType:3")
        t += 300000
    t = ms("2024-04-30 03:00:00.000")
    while t < end_all:
        C(t + rng.randint(0, 900), "Pcu state changes event:0, not self:0, not self id:0")
        C(t + 1000 + rng.randint(0, 900), "Connector_Power_Info_Changed! V:%d, C:0" % rng.randint(0, 3))
        t += 600000
    M(end_all, "Upload log request, pack logs")


# ---------------------------------------------------------------------------------------------
# Writing the Sungrow bundle: one zip per stream folder, as the portal downloads them.

ENTRY_DATE = (2024, 5, 2, 0, 11, 2)          # the download (seed 000: newest 2168Vqt zip 2024-05-02 00:11:03)
STALE_ENTRY_DATE = (2024, 5, 1, 12, 5, 40)   # the earlier download, `2168Vqt (1).zip`


def text_of(lines):
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_zip(path, entries, date, mtime):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    os.utime(path, (mtime, mtime))


def stamp_seconds(text):
    d = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
    return (d - EPOCH).total_seconds()


def write_sungrow():
    build_sungrow()
    out = os.path.join(HERE, "IDC180E-A23C2706768")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith(".zip"):
            os.remove(os.path.join(out, name))
    main_lines = main.lines()
    # The rotated, older half: MainProcess_0.log; the newer half: MainProcess.log (split by size).
    half, size = 0, 0
    total = sum(len(l) + 1 for l in main_lines)
    while size < total // 2:
        size += len(main_lines[half]) + 1
        half += 1
    older, newer = main_lines[:half], main_lines[half:]
    fresh = stamp_seconds("2024-05-02 00:11:03")
    stale = stamp_seconds("2024-05-01 12:05:41")
    write_zip(os.path.join(out, "2168Vqt.zip"), [(SERIAL + "VMainProcess_0.log", text_of(older)),
                                                 (SERIAL + "VMainProcess.log", text_of(newer))], ENTRY_DATE, fresh)
    write_zip(os.path.join(out, "2168Vocpp.zip"), [(SERIAL + "Vocpp.log", text_of(ocpp.lines()))], ENTRY_DATE, fresh)
    write_zip(os.path.join(out, "2168Vccu.zip"), [(SERIAL + "Vccu.log", text_of(ccu.lines()))], ENTRY_DATE, fresh)
    write_zip(os.path.join(out, "2168Vfault.zip"), [(SERIAL + "Vfault.log", text_of(fault.lines()))],
              ENTRY_DATE, fresh)
    write_zip(os.path.join(out, "2168Vupdate.zip"), [(SERIAL + "Vupdate.log", text_of(update.lines()))],
              ENTRY_DATE, fresh)
    # The stale duplicate: the same download taken at 12:05 on May 1, so a strict prefix of the newer
    # half (the older half is identical). Whichever copy a loader keeps, no line appears twice.
    cut = "May/01 12:05:40"
    stale_newer = [l for l in newer if l[:15] <= cut]
    write_zip(os.path.join(out, "2168Vqt (1).zip"), [(SERIAL + "VMainProcess_0.log", text_of(older)),
                                                     (SERIAL + "VMainProcess.log", text_of(stale_newer))],
              STALE_ENTRY_DATE, stale)


# ---------------------------------------------------------------------------------------------
# TONLY AC48A: seed 004 with the credentials replaced by obviously fake ones.

TONLY_REPLACEMENTS = [
    ("MjEwMzI1MjEyMTA5MDAwMToxMjM0NTY3OA==", "dGVzdDp0ZXN0"),        # Basic base64("test:test")
    ("test:root_123@", "test:example@"),                              # ftp user:password in a URL
    ("test:root_123:", "test:example:"),                              # the same pair in UpdateFirmware
    ("120.79.1.235", "192.0.2.10"),                                   # a documentation address
    ('"key":"Wifi_Password","value":"12345678"', '"key":"Wifi_Password","value":"example-wifi"'),
]


def write_tonly_from_seed(seed_text):
    text = seed_text
    for old, new in TONLY_REPLACEMENTS:
        assert old in text, old
        text = text.replace(old, new)
    if not text.endswith("\n"):
        text += "\n"
    out = os.path.join(HERE, "TONLY-AC48A")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "tonly.log"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------------------------------------
# Aurora 1042 (module-tagged, seed 002): the OCR'd excerpt as it is, then clean lines after it.

def write_aurora(seed_text):
    lines = seed_text.splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("704 "))
    stop = next(i for i, l in enumerate(lines) if l.startswith("732 "))
    excerpt = lines[start:stop + 1]
    t = ms("2023-11-30 00:00:52.000")
    n = 733
    body = []

    def L(dt_ms, module, text):
        nonlocal n
        body.append("%d %s [%s] %s" % (n, civil(dt_ms).strftime("%Y-%m-%dT%H:%M:%S+0000"), module, text))
        n += 1

    L(t, "comproc", "icomCode = 4, index=3")
    L(t, "comproc", "pwrCom error Code :4,8,9")
    L(t, "comproc", "ocpp error Code :14,2097672")
    L(t, "ocpp", "<=Dbus:FF 6A A6 61 D9 00 0F [00 01] 00 01 01 08 0E 20 02 08 00 00 00 0B AE")
    L(t + 1000, "ocpp", "cpid = 10427240,evseNum = 1")
    L(t + 1000, "ocpp", "NumberOfConnectors = 1")
    L(t + 1000, "ocpp", "StatusNotification connectorId=1 status=Faulted errorCode=UnderVoltage "
                        "vendorErrorCode=0x200208")
    L(t + 1000, "ocpp", "=>Dbus:FF 6A A6 00 54 00 06 [00 2D] 02 00 A7 4C")
    L(t + 4000, "comproc", "<=pwrboard:BB DD DD 32 06 59 2A 59 E8 59 AD EB BC")
    L(t + 9000, "comproc", "<=pwrboard:BB 61 D9 01 0B 01 08 0E 00 00 00")
    L(t + 9000, "comproc", "icomCode = 4, index=3")
    L(t + 9000, "comproc", "ocpp error Code :14,2097672")
    L(t + 70000, "comproc", "<=pwrboard:BB 61 D9 01 0B 01 01 07 00 00 00")
    L(t + 70000, "comproc", "ocpp error Code :7,0")
    L(t + 70000, "ocpp", "StatusNotification connectorId=1 status=Available errorCode=NoError vendorErrorCode=0x0")
    L(t + 70000, "ocpp", "availabilitySrc = 0x01,0x01")
    L(t + 128000, "ocpp", "Heartbeat send")
    L(t + 128000, "ocpp", "=>Dbus:FF 6A A6 FF FF 00 05 [00 21] 00 5C 18")
    L(t + 300000, "comproc", "<=pwrboard:BB 61 D9 01 0B 01 08 0E 00 00 00")
    L(t + 300000, "comproc", "ocpp error Code :14,2097672")
    L(t + 300000, "ocpp", "StatusNotification connectorId=1 status=Faulted errorCode=UnderVoltage "
                          "vendorErrorCode=0x200208")
    L(t + 302000, "comproc", "pwrCom error Code :4,8,9")
    out = os.path.join(HERE, "Aurora-1042")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "charger.log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(excerpt + [""] + body) + "\n")


# ---------------------------------------------------------------------------------------------
# ChargePilot OCPP-log export (seed 003 columns, in order)

CP_COLUMNS = ["Datetime", "Action", "Charger ID", "Connector ID", "Request Vendor Error Code", "Request Timestamp",
              "Request Status", "Request Error Code", "Request Info", "Request Vendor ID", "Request ID Tag",
              "Request Meter Stop", "Request Transaction ID", "Request Reason", "Response ID Tag Info Status",
              "L1 Voltage", "L2 Voltage", "L3 Voltage", "Voltage", "L1 Current.Import", "L2 Current.Import",
              "L3 Current.Import", "Current.Import", "L1 Power", "L2 Power", "L3 Power", "Power"]


def csv_field(v):
    v = "" if v is None else str(v)
    if any(ch in v for ch in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write_chargepilot():
    rows = []

    def row(when, action, charger="Charger 5", connector="", **kw):
        r = {c: "" for c in CP_COLUMNS}
        r.update({"Datetime": when, "Action": action, "Charger ID": charger, "Connector ID": connector})
        for k, v in kw.items():
            column = k.replace("_", " ").replace("Current Import", "Current.Import")
            assert column in r, column
            r[column] = v
        rows.append(r)

    row("2024-11-26T06:58:12Z", "BootNotification", connector="0")
    row("2024-11-26T06:58:14Z", "StatusNotification", connector="0", Request_Timestamp="2024-11-26T06:58:13Z",
        Request_Status="Available", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    row("2024-11-26T06:58:14Z", "StatusNotification", connector="1", Request_Timestamp="2024-11-26T06:58:13Z",
        Request_Status="Available", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    row("2024-11-26T06:58:15Z", "StatusNotification", connector="2", Request_Timestamp="2024-11-26T06:58:13Z",
        Request_Status="Available", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    row("2024-11-26T07:00:00Z", "UpdateFirmware", connector="")
    row("2024-11-26T07:00:41Z", "FirmwareStatusNotification", Request_Status="Downloading")
    row("2024-11-26T07:03:02Z", "FirmwareStatusNotification", Request_Status="Downloaded")
    row("2024-11-26T07:03:20Z", "FirmwareStatusNotification", Request_Status="Installing")
    row("2024-11-26T07:05:51Z", "BootNotification", connector="0")
    row("2024-11-26T07:05:58Z", "FirmwareStatusNotification", Request_Status="Installed")
    # A session on connector 1 with meter values (three-phase AC).
    row("2024-11-26T09:58:40Z", "StatusNotification", connector="1", Request_Timestamp="2024-11-26T09:58:39Z",
        Request_Status="Preparing", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    row("2024-11-26T09:58:52Z", "Authorize", connector="", Request_ID_Tag="43434", Response_ID_Tag_Info_Status="Accepted")
    row("2024-11-26T09:58:55Z", "StartTransaction", connector="1", Request_Timestamp="2024-11-26T09:58:54Z",
        Request_ID_Tag="43434", Request_Transaction_ID="4356987", Response_ID_Tag_Info_Status="Accepted")
    row("2024-11-26T09:59:02Z", "StatusNotification", connector="1", Request_Timestamp="2024-11-26T09:59:01Z",
        Request_Status="Charging", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    for k in range(6):
        t = "2024-11-26T10:%02d:49Z" % (k * 5)
        amps = [15.9 - 0.1 * k, 16.0 - 0.1 * k, 15.8 - 0.1 * k]
        volts = [231.2 + 0.1 * k, 230.4, 229.9 - 0.1 * k]
        watts = [round(a * v) for a, v in zip(amps, volts)]
        row(t, "MeterValues", connector="1", Request_Transaction_ID="4356987",
            L1_Voltage="%.1f" % volts[0], L2_Voltage="%.1f" % volts[1], L3_Voltage="%.1f" % volts[2],
            L1_Current_Import="%.1f" % amps[0], L2_Current_Import="%.1f" % amps[1],
            L3_Current_Import="%.1f" % amps[2], Current_Import="%.1f" % sum(amps),
            L1_Power=watts[0], L2_Power=watts[1], L3_Power=watts[2], Power=sum(watts))
    row("2024-11-26T10:03:49Z", "Heartbeat")
    row("2024-11-26T10:27:13Z", "StopTransaction", connector="1", Request_Timestamp="2024-11-26T10:27:12Z",
        Request_ID_Tag="43434", Request_Meter_Stop="1387299", Request_Transaction_ID="4356987",
        Request_Reason="Local", Response_ID_Tag_Info_Status="Accepted")
    row("2024-11-26T10:27:15Z", "StatusNotification", connector="1", Request_Timestamp="2024-11-26T10:27:14Z",
        Request_Status="Finishing", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    # A fault with a vendor code and an info text that needs quoting (comma, quotes, a line break).
    row("2024-11-26T11:14:02Z", "StatusNotification", connector="2", Request_Timestamp="2024-11-26T11:14:01Z",
        Request_Status="Faulted", Request_Error_Code="OtherError", Request_Vendor_Error_Code="CHARGER_DOOR_OPEN",
        Request_Info='Door sensor "S2" open,\nservice door left ajar', Request_Vendor_ID="HLX")
    row("2024-11-26T11:20:37Z", "StatusNotification", connector="2", Request_Timestamp="2024-11-26T11:20:36Z",
        Request_Status="Available", Request_Error_Code="NoError", Request_Info="State transition",
        Request_Vendor_ID="HLX")
    # A remote start that ends with a power loss.
    row("2024-11-26T12:02:10Z", "RemoteStartTransaction", connector="2", Request_ID_Tag="43435")
    row("2024-11-26T12:02:14Z", "StartTransaction", connector="2", Request_Timestamp="2024-11-26T12:02:13Z",
        Request_ID_Tag="43435", Request_Transaction_ID="4356988", Response_ID_Tag_Info_Status="Accepted")
    row("2024-11-26T12:07:14Z", "MeterValues", connector="2", Request_Transaction_ID="4356988",
        Voltage="101", Current_Import="15", Power="12")
    row("2024-11-26T12:41:55Z", "StopTransaction", connector="2", Request_Timestamp="2024-11-26T12:41:50Z",
        Request_Meter_Stop="1401877", Request_Transaction_ID="4356988", Request_Reason="PowerLoss",
        Response_ID_Tag_Info_Status="Accepted")
    row("2024-11-26T12:42:30Z", "BootNotification", connector="0")
    row("2024-11-26T12:42:33Z", "StatusNotification", connector="2", Request_Timestamp="2024-11-26T12:42:32Z",
        Request_Status="Available", Request_Error_Code="NoError", Request_Vendor_ID="HLX")
    out = os.path.join(HERE, "ChargePilot")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "ocpp-log.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(CP_COLUMNS) + "\r\n")
        for r in sorted(rows, key=lambda r: r["Datetime"]):
            f.write(",".join(csv_field(r[c]) for c in CP_COLUMNS) + "\r\n")


# ---------------------------------------------------------------------------------------------

def seed_text(prefix):
    seeds = os.environ.get("CHARGELOG_SEEDS", os.path.join(HERE, "..", "..", "shared", "seeds"))
    if not os.path.isdir(seeds):
        raise SystemExit("seeds folder %s not found (set CHARGELOG_SEEDS)" % seeds)
    for name in sorted(os.listdir(seeds)):
        if name.startswith(prefix):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                return f.read()
    raise SystemExit("seed %s not found in %s (set CHARGELOG_SEEDS)" % (prefix, seeds))


if __name__ == "__main__":
    write_sungrow()
    write_chargepilot()
    try:
        tonly, aurora = seed_text("004_"), seed_text("002_")
    except SystemExit as e:
        print("%s; TONLY-AC48A/tonly.log and Aurora-1042/charger.log left as they are" % e)
    else:
        write_tonly_from_seed(tonly)
        write_aurora(aurora)
