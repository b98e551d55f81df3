"""Runs the exporter in scoring mode and loads what it wrote: one probability per request, computed
by the gateway's own extractor, scorer and ONNX Runtime."""
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from content_training import dataset


@dataclass
class Scored:
    scores: np.ndarray  # float32 [rows]
    labels: np.ndarray  # uint8 [rows]
    groups: np.ndarray  # int64 [rows]: one feature vector = one group
    meta: list  # per row: source, line, method, target, body, ...
    summary: dict


def run(repo: Path, model: Path, csic_dir: Path, jsonl_files, out_dir: Path) -> None:
    command = [
        "dotnet", "run", "--project", str(repo / "tools" / "Gateway.FeatureExport"), "-c", "Release", "--",
        "--out", str(out_dir), "--measure-rounds", "0", "--skip-matrix", "--score", str(model),
    ]
    for name in dataset.CSIC_FILES:
        command += ["--csic", str(csic_dir / name)]
    for path in jsonl_files:
        command += ["--jsonl", str(path)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=repo, check=True)


def run_plain(repo: Path, csic_dir: Path, jsonl_files, extra_args) -> None:
    """The exporter with other options (learning a profile, checking rows against one)."""
    command = ["dotnet", "run", "--project", str(repo / "tools" / "Gateway.FeatureExport"), "-c", "Release", "--"]
    command += [str(a) for a in extra_args]
    if csic_dir is not None:
        for name in dataset.CSIC_FILES:
            command += ["--csic", str(csic_dir / name)]
    for path in jsonl_files:
        command += ["--jsonl", str(path)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=repo, check=True)


def write_jsonl(meta_rows, path: Path) -> None:
    """Exported rows back as JSONL requests (method, path, query, Content-Type, body, label)."""
    with open(path, "w", encoding="utf-8") as handle:
        for row in meta_rows:
            target = row["target"]
            path_part, _, query = target.partition("?")
            headers = {"Content-Type": row["content_type"]} if row.get("content_type") else {}
            handle.write(json.dumps({"method": row["method"], "path": path_part, "query": query, "headers": headers,
                                     "body": row["body"], "label": row["label"]}, ensure_ascii=False) + "\n")


def load(out_dir: Path) -> Scored:
    scores = np.load(out_dir / "scores.npy")
    labels = np.load(out_dir / "labels.npy")
    groups = np.load(out_dir / "groups.npy")
    summary = json.loads((out_dir / "summary.json").read_text(encoding="utf-8"))
    with open(out_dir / "meta.jsonl", encoding="utf-8") as handle:
        meta = [json.loads(line) for line in handle]
    if not (len(scores) == len(labels) == len(groups) == len(meta)):
        raise ValueError(f"{out_dir}: scores, labels, groups and meta disagree on the number of rows")
    if not np.isfinite(scores).all() or scores.min() < 0 or scores.max() > 1:
        raise ValueError(f"{out_dir}: scores outside [0, 1]")
    return Scored(scores, labels, groups, meta, summary)
