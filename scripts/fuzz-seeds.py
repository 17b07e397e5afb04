#!/usr/bin/env python3
"""Writes seed corpora for scripts/fuzz.sh: small pieces of SampleLogs, ../shared/seeds and
../shared/real-logs, shaped for each target (text chunks, JSON payloads, OCMF strings, CSV rows,
gzip and zip files). Usage: fuzz-seeds.py OUT_DIR TARGET..."""
import gzip, io, os, re, struct, sys, zipfile, zlib

out, targets = sys.argv[1], sys.argv[2:]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sources = [os.path.join(root, "SampleLogs"), os.path.join(root, "..", "shared", "seeds"),
           os.path.join(root, "..", "shared", "real-logs")]

def texts():
    """(name, bytes) of every log text: plain files, and the entries of zips."""
    for base in sources:
        for d, _, files in os.walk(base):
            for f in sorted(files):
                p = os.path.join(d, f)
                if f.endswith(".py") or f == "README.md":
                    continue
                if f.endswith(".zip"):
                    try:
                        with zipfile.ZipFile(p) as z:
                            for i in z.infolist():
                                if not i.is_dir():
                                    yield i.filename, z.read(i)
                    except zipfile.BadZipFile:
                        pass
                else:
                    with open(p, "rb") as h:
                        yield f, h.read()

def chunks(data, size=2048, most=40):
    lines, cur, n = data.split(b"\n"), [], 0
    for l in lines:
        cur.append(l)
        if sum(len(x) + 1 for x in cur) >= size:
            yield b"\n".join(cur) + b"\n"
            cur, n = [], n + 1
            if n >= most:
                return
    if cur:
        yield b"\n".join(cur)

def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in entries:
            z.writestr(name, data)
    return b.getvalue()

all_texts = list(texts())
pieces = [c for _, t in all_texts for c in chunks(t)]
frames = sorted({m.group(0) for _, t in all_texts for m in re.finditer(rb"\[[2-4],\s*\"[^\n]{0,3000}", t)})[:400]
# OCMF texts sit JSON-escaped inside frames: up to the closing unescaped quote.
ocmf = sorted({m.group(0) for _, t in all_texts for m in re.finditer(rb'OCMF\|(?:\\.|[^"\\\n]){0,3000}', t)})[:100]
csv = [t for n, t in all_texts if n.endswith(".csv")]

def write(target, items):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    for i, data in enumerate(items):
        with open(os.path.join(d, "seed-%04d" % i), "wb") as h:
            h.write(data)
    return len(items)

for t in targets:
    if t.startswith("format-") or t in ("detector", "frames", "stamps", "pipeline"):
        items = pieces + frames[:100]
        if t == "pipeline":
            items = [bytes([k % 256]) + p for k, p in enumerate(pieces)]
    elif t == "json":
        items = [f[f.find(b"{"):] for f in frames if b"{" in f] + frames[:50]
    elif t == "ocmf":
        items = [o.replace(b"\\\\", b"\\").replace(b'\\"', b'"') for o in ocmf] or [b"OCMF|{}|{}"]
    elif t == "chargepilot-row":
        items = [c for t2 in csv for c in chunks(t2, 1500, 20)]
    elif t == "index-entry":
        items = [bytes([0, 0, k % 4, (k * 37) % 256]) + p for k, p in enumerate(pieces[:200])]
    elif t == "year-resolver":
        items = [bytes([0, 0, k % 8, 62, 0, 0, 0, 0]) + p for k, p in enumerate(pieces[:200])]
    elif t == "gzip":
        items = [gzip.compress(p) for p in pieces[:60]] + [gzip.compress(pieces[0]) + gzip.compress(pieces[1])]
    elif t in ("zip", "zip-salvage"):
        items = [zip_bytes([("a.log", p)]) for p in pieces[:30]]
        items += [zip_bytes([("a.log", p), ("b/c.log", q)], zipfile.ZIP_STORED) for p, q in zip(pieces[30:40], pieces[40:50])]
        items += [z[: len(z) // 2] for z in items[:10]]  # cut short: salvage
    else:
        items = pieces
    print("%-18s %5d seeds" % (t, write(t, items)))
