"""Held-out rows with the probability numpy computes from the exported weights.

The C# side replays these through the extractor and ONNX Runtime and must agree; the numbers here
come from numpy, never from a runtime, so the check is independent of the code it checks.
"""
import json
from pathlib import Path

import numpy as np

from . import model as model_module


def pick(dataset, candidate_sets: list, probabilities: np.ndarray, seed: int) -> list:
    """From each (mask, count): one row per group, the hardest cases on both sides, requests with a
    body, then random ones, so that the C# replay covers query, form, JSON and XML paths alike."""
    _, first = np.unique(dataset.groups, return_index=True)
    rng = np.random.default_rng(seed)
    chosen = []
    for mask, count in candidate_sets:
        candidates = np.sort(first[mask[first]])
        labels = dataset.labels[candidates]
        normal, attack = candidates[labels == 0], candidates[labels == 1]
        picked = []

        def take(rows, limit=count):
            for row in rows:
                if int(row) not in chosen and int(row) not in picked and len(picked) < limit:
                    picked.append(int(row))

        take(normal[np.argsort(-probabilities[normal], kind="stable")][:count // 10])
        take(attack[np.argsort(probabilities[attack], kind="stable")][:count // 10])
        take([r for r in normal if dataset.meta[r]["body"]][:count // 20], len(picked) + count // 20)
        take([r for r in attack if dataset.meta[r]["body"]][:count // 20], len(picked) + count // 20)
        take(rng.permutation(normal)[:(count - len(picked)) // 2], len(picked) + (count - len(picked)) // 2)
        take(rng.permutation(attack))
        chosen.extend(picked)
    return sorted(chosen)


def write(path: Path, dataset, rows: list, w: np.ndarray, b: np.float32, schema: str) -> None:
    features = dataset.features[rows]
    features.sort_indices()
    logits = features.astype(np.float64) @ w.astype(np.float64) + np.float64(b)
    probabilities = model_module.probability(features, w, b)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for i, row in enumerate(rows):
            meta = dataset.meta[row]
            entry = {
                "feature_schema": schema,
                "source": meta["source"],
                "line": meta["line"],
                "method": meta["method"],
                "target": meta["target"],
                "content_type": meta["content_type"],
                "body": meta["body"],
                "label": int(dataset.labels[row]),
                # The exporter's feature vector, sparse: lets the C# side check the extractor on its own.
                "feature_indices": [int(i) for i in features[i].indices],
                "feature_values": [float(f"{v:.9g}") for v in features[i].data],
                "logit": float(logits[i]),
                "probability": float(probabilities[i]),
            }
            if meta.get("body_latin1"):
                entry["body_latin1"] = True
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
