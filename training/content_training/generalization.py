"""How the model does beyond CSIC: the synthetic EVAL file and the regression table, at the gateway's
default operating points (the policy challenges at risk >= 0.5 and blocks at >= 0.85; with the other
signals quiet the content probability is the risk).
"""
import numpy as np
from sklearn.metrics import roc_auc_score

from . import metrics

GATEWAY_THRESHOLDS = {"challenge_0.5": 0.5, "block_0.85": 0.85}


def at_gateway_thresholds(labels: np.ndarray, scores: np.ndarray) -> dict:
    return {name: metrics.at_threshold(labels, scores, t) for name, t in GATEWAY_THRESHOLDS.items()}


def per_family(labels, scores, families, techniques) -> dict:
    """Per attack family: how many are caught at each threshold, and ranking against all benign rows."""
    benign = labels == 0
    table = {}
    for family in sorted(set(families[labels == 1].tolist())):
        mask = (labels == 1) & (families == family)
        ranked = np.concatenate([scores[benign], scores[mask]])
        truth = np.concatenate([np.zeros(benign.sum()), np.ones(mask.sum())])
        entry = {"count": int(mask.sum()), "roc_auc_vs_benign": float(roc_auc_score(truth, ranked))}
        entry.update({f"detected_at_{name}": float(np.mean(scores[mask] >= t)) for name, t in GATEWAY_THRESHOLDS.items()})
        entry["techniques"] = {
            technique: {"count": int(m.sum()),
                        **{f"detected_at_{name}": float(np.mean(scores[m] >= t)) for name, t in GATEWAY_THRESHOLDS.items()}}
            for technique in sorted(set(techniques[mask].tolist()))
            for m in [mask & (techniques == technique)]
        }
        table[family] = entry
    return table


def benign_kinds(labels, scores, kinds) -> dict:
    table = {}
    for kind in sorted(set(kinds[labels == 0].tolist())):
        mask = (labels == 0) & (kinds == kind)
        table[kind] = {"count": int(mask.sum()),
                       **{f"flagged_at_{name}": float(np.mean(scores[mask] >= t)) for name, t in GATEWAY_THRESHOLDS.items()}}
    return table


def examples(texts, labels, scores, count: int = 8) -> dict:
    """Highest-scoring benign requests and lowest-scoring attacks: what the figures hide."""
    benign = np.flatnonzero(labels == 0)
    attacks = np.flatnonzero(labels == 1)
    worst_benign = benign[np.argsort(-scores[benign], kind="stable")][:count]
    worst_attacks = attacks[np.argsort(scores[attacks], kind="stable")][:count]
    describe = lambda i: {"request": _short(texts[i]), "probability": float(scores[i])}
    return {"benign_highest": [describe(i) for i in worst_benign], "attacks_lowest": [describe(i) for i in worst_attacks]}


def guard_table(rows: list, scores: np.ndarray) -> list:
    """The regression table the C# test replays: benign must stay below 0.5, attacks reach 0.85."""
    result = []
    for row, score in zip(rows, scores):
        ok = score < GATEWAY_THRESHOLDS["challenge_0.5"] if row["label"] == 0 else score >= GATEWAY_THRESHOLDS["block_0.85"]
        result.append({"request": _short(row["text"]), "note": row["note"], "label": row["label"],
                       "probability": float(score), "ok": bool(ok)})
    return result


def _short(text: str, limit: int = 110) -> str:
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= limit else text[:limit - 3] + "..."
