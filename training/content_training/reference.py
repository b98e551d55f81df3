"""Held-out rows with the probability numpy computes from the exported weights.

The C# side replays these through the extractor and ONNX Runtime and must agree; the numbers here
come from numpy, never from a runtime, so the check is independent of the code it checks.
"""
import json
from pathlib import Path

import numpy as np

from . import model as model_module


def pick(dataset, test_mask: np.ndarray, probabilities: np.ndarray, seed: int, count: int = 100) -> list:
    """One row per group: hardest cases on both sides, odd shapes (PUT, malformed URIs), then random."""
    _, first = np.unique(dataset.groups, return_index=True)
    candidates = np.sort(first[test_mask[first]])
    labels = dataset.labels[candidates]
    normal, attack = candidates[labels == 0], candidates[labels == 1]
    chosen = []

    def take(rows):
        for row in rows:
            if int(row) not in chosen and len(chosen) < count:
                chosen.append(int(row))

    take(normal[np.argsort(-probabilities[normal], kind="stable")][:10])
    take(attack[np.argsort(probabilities[attack], kind="stable")][:10])
    take([r for r in attack if dataset.meta[r]["method"] == "PUT"][:3])
    take([r for r in attack if not dataset.meta[r]["uri"].startswith("http://localhost:8080/")][:3])
    take([r for r in normal if dataset.meta[r]["method"] == "POST"][:3])
    rng = np.random.default_rng(seed)
    half = (count - len(chosen)) // 2
    take(rng.permutation(normal)[:half])
    take(rng.permutation(attack)[: count - len(chosen)])
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
