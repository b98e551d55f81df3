"""metrics.json, the ROC plot and the model card."""
import json
from pathlib import Path

import numpy as np

from . import card


def top_handcrafted(w: np.ndarray, summary: dict, count: int = 8) -> dict:
    offset, size = summary["layout"]["handcrafted"]
    names = summary["handcrafted_names"]
    weights = w[offset:offset + size]
    order = np.argsort(weights, kind="stable")
    return {
        "toward_attack": [(names[i], round(float(weights[i]), 3)) for i in order[::-1][:count]],
        "toward_normal": [(names[i], round(float(weights[i]), 3)) for i in order[:count]],
    }


def examples(data, unique: np.ndarray, repeats: np.ndarray, test: np.ndarray, scores: np.ndarray,
             threshold: float, count: int = 6) -> dict:
    """The test requests that decide the figures: normal ones flagged (most repeated first), attacks missed."""
    def describe(i):
        row = data.meta[unique[i]]
        text = row["method"] + " " + row["target"] + (" body: " + row["body"] if row["body"] else "")
        return {"request": text if len(text) <= 110 else text[:107] + "...", "rows": int(repeats[i]),
                "probability": float(scores[i])}

    labels = data.labels[unique]
    flagged = np.flatnonzero(test & (labels == 0) & (scores >= threshold))
    flagged = flagged[np.lexsort((-scores[flagged], -repeats[flagged]))][:count]
    missed = np.flatnonzero(test & (labels == 1) & (scores < threshold))
    missed = missed[np.argsort(scores[missed], kind="stable")][:count]
    return {"false_positives": [describe(i) for i in flagged], "missed_attacks": [describe(i) for i in missed]}


ABLATION = Path("training/ablation/content-v2-development.json")


def load_ablation(repo: Path):
    """The committed comparison of feature groups that decided content-v2's layout (None if absent)."""
    path = repo / ABLATION
    if not path.exists():
        return None
    document = json.loads(path.read_text(encoding="utf-8"))
    document["path"] = str(ABLATION)
    return document


def write_metrics(path: Path, facts: dict) -> None:
    keys = ("schema", "feature_count", "metadata", "seed", "split", "synthetic_weight_factor", "leak", "C",
            "selection", "thresholds", "results", "beyond_csic", "guard_independent_of_training", "extraction",
            "model_bytes", "model_sha256", "graph_self_check_max_abs_error", "reference_rows", "data_files",
            "top_handcrafted", "test_examples")
    document = {key: facts[key] for key in keys}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_rounded(document), indent=2) + "\n", encoding="utf-8")


def write_roc(path: Path, curves: dict) -> None:
    """One ROC curve per evaluation set (name -> (labels, scores)), the gateway's thresholds marked."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import roc_curve

    from .generalization import GATEWAY_THRESHOLDS

    figure, axis = plt.subplots(figsize=(6.4, 4.4), dpi=100)
    for (name, (labels, scores)), color in zip(curves.items(), ("tab:blue", "tab:orange", "tab:green")):
        fpr, tpr, _ = roc_curve(labels, scores)
        axis.plot(np.maximum(fpr, 1e-5), tpr, color=color, label=name)
        for (point_name, threshold), marker in zip(GATEWAY_THRESHOLDS.items(), ("o", "s")):
            flagged = scores >= threshold
            point_fpr = max(float(np.mean(flagged[labels == 0])), 1e-5)
            axis.plot(point_fpr, float(np.mean(flagged[labels == 1])), marker, color=color,
                      label=f"{name}: {point_name.replace('_', ' at ')}")
    axis.set_xscale("log")
    axis.set_xlim(1e-5, 1)
    axis.set_ylim(0, 1.01)
    axis.set_xlabel("false-positive rate (log; 0 drawn at 1e-5)")
    axis.set_ylabel("true-positive rate")
    axis.set_title("content-v11 logistic regression")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(loc="lower right", fontsize=7)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})
    plt.close(figure)


def write_card(path: Path, facts: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(card.render(facts), encoding="utf-8")


def _rounded(value):
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(item) for item in value]
    return value
