"""Runs the C# feature exporter and loads what it wrote.

The features come from the same C# extractor the gateway runs, so training and serving cannot
drift apart; Python never re-implements the feature code.
"""
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

CSIC_FILES = (
    "normalTrafficTraining.txt.gz",
    "normalTrafficTest.txt.gz",
    "anomalousTrafficTest.txt.gz",
)


@dataclass
class Dataset:
    features: sp.csr_matrix  # float32 [rows, F]
    labels: np.ndarray  # uint8 [rows], 1 = attack
    groups: np.ndarray  # int64 [rows]
    meta: list  # one dict per row (source, line, method, target, body, ...)
    summary: dict  # the exporter's summary.json


def run_export(repo: Path, csic_dir: Path, jsonl_files, out_dir: Path) -> None:
    command = [
        "dotnet", "run", "--project", str(repo / "tools" / "Gateway.FeatureExport"), "-c", "Release", "--",
        "--out", str(out_dir),
        # Timing is measured separately (--measure-rounds N by hand): a wall-clock figure in the outputs
        # would make two runs of the same commit differ.
        "--measure-rounds", "0",
    ]
    for name in CSIC_FILES:
        command += ["--csic", str(csic_dir / name)]
    for path in jsonl_files:
        command += ["--jsonl", str(path)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=repo, check=True)


def load(out_dir: Path, chunk_rows: int = 8192) -> Dataset:
    dense = np.load(out_dir / "features.npy", mmap_mode="r")
    labels = np.load(out_dir / "labels.npy")
    groups = np.load(out_dir / "groups.npy")
    summary = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    if dense.dtype != np.float32 or dense.ndim != 2 or dense.shape[1] != summary["feature_count"]:
        raise ValueError(f"features.npy is {dense.dtype} {dense.shape}, summary says F={summary['feature_count']}")
    if not (len(labels) == len(groups) == dense.shape[0]):
        raise ValueError("features, labels and groups disagree on the number of rows")
    # The rows are sparse (about 150 non-zeros of ~3,100); CSR keeps training fast and small.
    chunks = [sp.csr_matrix(np.asarray(dense[i:i + chunk_rows])) for i in range(0, dense.shape[0], chunk_rows)]
    features = sp.vstack(chunks, format="csr", dtype=np.float32)
    if not np.isfinite(features.data).all():
        raise ValueError("features.npy holds NaN or infinite values")
    with open(out_dir / "meta.jsonl", encoding="utf-8") as handle:
        meta = [json.loads(line) for line in handle]
    if len(meta) != len(labels):
        raise ValueError("meta.jsonl and labels.npy disagree on the number of rows")
    return Dataset(features, labels, groups, meta, summary)
