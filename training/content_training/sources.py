"""Where each exported row came from, and what the synthetic files say about it beyond the label.

CSIC 2010 and the synthetic TRAIN file are trained on (after the grouped split); the synthetic EVAL
file (disjoint vocabularies and payloads) and the hand-written regression table of generic-app
requests are only ever scored.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from . import dataset

SYNTHETIC_TRAIN = "synthetic-train.jsonl"
SYNTHETIC_EVAL = "synthetic-eval.jsonl"
GUARD = "generic-app-requests.jsonl"
GUARD_PATH = Path("tests/fixtures/model") / GUARD
GENERATOR = Path("training/synthetic/generate_requests.py")


def generate_synthetic(repo: Path, out_dir: Path) -> tuple:
    command = [sys.executable, str(repo / GENERATOR), "--out-dir", str(out_dir)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=repo, check=True)
    return out_dir / SYNTHETIC_TRAIN, out_dir / SYNTHETIC_EVAL


def origins(meta: list) -> np.ndarray:
    """'csic', 'synthetic', 'synthetic-eval', 'guard' or 'extra' (another --jsonl file) per row."""
    names = {name: "csic" for name in dataset.CSIC_FILES}
    names.update({SYNTHETIC_TRAIN: "synthetic", SYNTHETIC_EVAL: "synthetic-eval", GUARD: "guard"})
    return np.array([names.get(row["source"], "extra") for row in meta])


def side_info(path: Path) -> dict:
    """Line number (1-based, as the exporter counts) -> the JSON object, for the fields the exporter drops."""
    with open(path, encoding="utf-8") as handle:
        return {number: json.loads(line) for number, line in enumerate(handle, start=1) if line.strip()}


def request_text(row: dict) -> tuple:
    """A JSONL request as (method, target, body): what makes two requests the same request."""
    target = row["path"] + ("?" + row["query"].lstrip("?") if row.get("query") else "")
    return row.get("method") or "GET", target, row.get("body") or ""
