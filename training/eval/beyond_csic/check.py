#!/usr/bin/python3
"""Self-check of the beyond-CSIC evaluation set.

    /usr/bin/python3 training/eval/beyond_csic/check.py [--file PATH]

Generates the set twice in memory and twice in subprocesses with different PYTHONHASHSEED values and
asserts all runs are byte-identical, then (re)writes it
(or checks --file against it) and asserts: every line parses, the schema and labels are valid,
no request appears twice, every attack class has >= 300 rows, there are >= 4,000 benign rows.
Prints counts per family and per technique.
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate as G  # noqa: E402

KEYS = ["method", "path", "query", "headers", "body", "label", "family", "technique", "app", "note"]
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


def serialise(rows):
    return "".join(G.dumps_line(d) for d in rows).encode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default=G.DEFAULT_OUT, help="JSONL to check (written first if missing)")
    a = ap.parse_args()

    one, two = serialise(G.generate()), serialise(G.generate())
    assert one == two, "two runs with the same seed differ"
    with tempfile.TemporaryDirectory() as tmp:  # and independent of the interpreter's hash seed
        for hs in ("0", "4242"):
            out = os.path.join(tmp, f"h{hs}.jsonl")
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--out", out], check=True,
                           env=dict(os.environ, PYTHONHASHSEED=hs), stderr=subprocess.DEVNULL)
            with open(out, "rb") as f:
                assert f.read() == one, f"output differs under PYTHONHASHSEED={hs}"
    digest = hashlib.sha256(one).hexdigest()
    if not os.path.exists(a.file):
        G.write(G.generate(), a.file)
    with open(a.file, "rb") as f:
        data = f.read()
    assert data == one, f"{a.file} differs from a fresh generation (regenerate with generate.py)"

    rows = []
    for i, line in enumerate(data.decode("utf-8").splitlines(), 1):
        d = json.loads(line)  # every line parses
        assert list(d) == KEYS, f"line {i}: keys {list(d)}"
        assert d["label"] in (0, 1), f"line {i}: label {d['label']!r}"
        assert (d["label"] == 0) == (d["family"] == "benign"), f"line {i}: label/family mismatch"
        assert d["method"] in METHODS, f"line {i}: method"
        assert d["path"].startswith("/"), f"line {i}: path"
        assert all(isinstance(d[k], str) for k in ("path", "query", "body", "family", "technique", "app", "note")), f"line {i}: types"
        assert isinstance(d["headers"], dict), f"line {i}: headers"
        assert not d["query"].startswith("?"), f"line {i}: query starts with '?'"
        assert (d["body"] == "") or "Content-Type" in d["headers"], f"line {i}: body without Content-Type"
        assert not any(c in d["path"] + d["query"] for c in " \r\n\t"), f"line {i}: raw whitespace in path/query"
        rows.append(d)

    keys = collections.Counter((d["method"], d["path"], d["query"], d["body"]) for d in rows)
    dups = [k for k, n in keys.items() if n > 1]
    assert not dups, f"{len(dups)} duplicate requests, e.g. {dups[0]}"

    fam = collections.Counter(d["family"] for d in rows)
    for f in G.QUOTA:
        assert fam[f] >= 300, f"class {f} has only {fam[f]} rows"
    assert fam["benign"] >= 4000, f"only {fam['benign']} benign rows"

    tech = collections.Counter((d["family"], d["technique"]) for d in rows)
    print(f"{len(rows)} rows, {sum(d['label'] for d in rows)} attacks, {fam['benign']} benign; sha256 {digest}")
    print(f"{'family':<22}{'rows':>6}  techniques")
    for f, n in sorted(fam.items(), key=lambda kv: (kv[0] == "benign", kv[0])):
        ts = sorted(((t, c) for (ff, t), c in tech.items() if ff == f), key=lambda x: -x[1])
        print(f"{f:<22}{n:>6}  " + ", ".join(f"{t} {c}" for t, c in ts))
    apps = collections.Counter(d["app"] for d in rows)
    print("apps: " + ", ".join(f"{a} {n}" for a, n in apps.most_common()))
    locs = collections.Counter(d["note"].split(";")[0].split(":")[0] for d in rows if d["note"].startswith("loc="))
    print("attack/benign locations: " + ", ".join(f"{a[4:]} {n}" for a, n in locs.most_common()))
    print("OK")


if __name__ == "__main__":
    main()
