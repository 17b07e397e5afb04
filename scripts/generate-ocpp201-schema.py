#!/usr/bin/env python3
"""Generates Sources/ChargeLogCore/OCPP/Schema/OCPP201Schema.swift — the compact OCPP 2.0.1 schema table
(every action of Part 3: request and response fields, types, required fields, enumerations, string
lengths, date-times, array item counts and number bounds) — from the official OCPP 2.0.1 JSON schemas (`<Action>Request.json`,
`<Action>Response.json`). The schemas are not part of this repository; they are published with the
specification and in public repositories, e.g. mobilityhouse/ocpp, folder ocpp/v201/schemas:

    python3 scripts/generate-ocpp201-schema.py path/to/v201/schemas > Sources/ChargeLogCore/OCPP/Schema/OCPP201Schema.swift

Array item counts (minItems/maxItems) and number bounds (minimum/maximum) follow the type as `MIN..MAX`
(`[SampledValueType]1..`, `decimal0..100`). Not carried into the table: defaults, `customData` (any content).
Type names are the schemas' own; one that is also an OCPP 1.6 type name of OCPP16Schema.swift gets
`201` appended."""
import json
import os
import re
import sys

# Actions the charging station sends (OCPP 2.0.1 Part 2); all others are sent by the CSMS, DataTransfer by both.
FROM_STATION = {
    "Authorize", "BootNotification", "ClearedChargingLimit", "FirmwareStatusNotification", "Get15118EVCertificate",
    "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues", "NotifyChargingLimit",
    "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds", "NotifyEVChargingSchedule",
    "NotifyEvent", "NotifyMonitoringReport", "NotifyReport", "PublishFirmwareStatusNotification",
    "ReportChargingProfiles", "ReservationStatusUpdate", "SecurityEventNotification", "SignCertificate",
    "StatusNotification", "TransactionEvent",
}
BOTH = {"DataTransfer"}


def v16_type_names(repo_root):
    text = open(os.path.join(repo_root, "Sources/ChargeLogCore/OCPP/Schema/OCPP16Schema.swift"), encoding="utf-8").read()
    return set(re.findall(r"^\s*([A-Za-z0-9]+) [({]", text, re.M))


def number(v):
    """`0.0` → `0`, `2.5` → `2.5`, None → empty."""
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


class Generator:
    def __init__(self, taken):
        self.taken = taken        # 1.6 type names
        self.types = {}           # name -> text line
        self.order = []

    def name(self, raw):
        return raw + "201" if raw in self.taken else raw

    def add_type(self, name, line, where):
        if name in self.types:
            if self.types[name] != line:
                sys.exit(f"type {name} differs between schemas ({where})")
            return
        self.types[name] = line
        self.order.append(name)

    def type_of(self, prop, defs, where, hint):
        t = self.unbounded(prop, defs, where, hint)
        lo, hi = ("minItems", "maxItems") if prop.get("type") == "array" else ("minimum", "maximum")
        if prop.get("type") in ("array", "integer", "number") and (lo in prop or hi in prop):
            t += f"{number(prop.get(lo))}..{number(prop.get(hi))}"
        return t

    def unbounded(self, prop, defs, where, hint):
        if "$ref" in prop:
            ref = prop["$ref"].split("/")[-1]
            self.define(ref, defs[ref], defs, where)
            return self.name(ref)
        t = prop.get("type")
        if t == "string":
            if "enum" in prop:
                name = self.name(hint)
                self.add_type(name, f"{name} ( {' '.join(prop['enum'])} )", where)
                return name
            if prop.get("format") == "date-time":
                return "datetime"
            return f"string{prop['maxLength']}" if "maxLength" in prop else "string"
        if t == "integer":
            return "int"
        if t == "number":
            return "decimal"
        if t == "boolean":
            return "bool"
        if t == "array":
            return "[" + self.type_of(prop["items"], defs, where, hint) + "]"
        if t == "object":
            name = self.name(hint)
            self.add_type(name, f"{name} {{ {self.fields(prop, defs, where)} }}", where)
            return name
        return "any"

    def define(self, raw, d, defs, where):
        name = self.name(raw)
        if name in self.types:
            return
        if d.get("type") == "string" and "enum" in d:
            self.add_type(name, f"{name} ( {' '.join(d['enum'])} )", where)
        elif d.get("type") == "object":
            self.types[name] = None   # recursion guard
            line = f"{name} {{ {self.fields(d, defs, where)} }}"
            del self.types[name]
            self.add_type(name, line, where)
        else:
            sys.exit(f"definition {raw} of {where} is neither an enumeration nor an object")

    def fields(self, obj, defs, where):
        required = set(obj.get("required", []))
        out = []
        for key, prop in obj.get("properties", {}).items():
            if key == "customData":
                continue    # vendor extension point: any content (the validator never flags it)
            t = self.type_of(prop, defs, where, key[0].upper() + key[1:] + "Type")
            out.append(f"{key}:{t}{'!' if key in required else ''}")
        return " ".join(out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    repo_root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    gen = Generator(v16_type_names(repo_root))
    actions = sorted(f[: -len("Request.json")] for f in os.listdir(folder) if f.endswith("Request.json"))
    rows = []
    for a in actions:
        parts = []
        for kind in ("Request", "Response"):
            path = os.path.join(folder, f"{a}{kind}.json")
            schema = json.load(open(path, encoding="utf-8-sig"))
            parts.append(gen.fields(schema, schema.get("definitions", {}), os.path.basename(path)))
        direction = ".both" if a in BOTH else ".chargerToCentral" if a in FROM_STATION else ".centralToCharger"
        rows.append((a, direction, parts[0], parts[1]))
    out = []
    out.append("// Generated by scripts/generate-ocpp201-schema.py from the OCPP 2.0.1 JSON schemas; do not edit by hand.")
    out.append("")
    out.append("/// OCPP 2.0.1 payloads of every action of Part 3, after the official JSON schemas: field names,")
    out.append("/// types, required fields (`!`), enumerations, string lengths, date-times, array item counts and")
    out.append("/// number bounds (`MIN..MAX`). Type names are the schemas' own; one that is also a 1.6 type name")
    out.append("/// has `201` appended.")
    out.append("enum OCPP201Schema {")
    out.append("    static let actions: [OCPPActionSpec] = [")
    for a, d, req, conf in rows:
        out.append(f'        .init("{a}", .v201, {d},')
        out.append(f'              req: "{req}",')
        out.append(f'              conf: "{conf}"),')
    out.append("    ]")
    out.append("")
    out.append('    static let types = """')
    for name in gen.order:
        out.append("    " + gen.types[name])
    out.append('    """')
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
