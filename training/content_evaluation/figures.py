"""Figures of one evaluation set: ranking, operating points, per family."""
import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

from content_training import metrics
from . import costs

FPR_TARGETS = {"0.1%": 0.001, "0.5%": 0.005, "1%": 0.01}


def confusion(labels, scores, threshold) -> dict:
    flagged = scores >= threshold
    tp = int((flagged & (labels == 1)).sum())
    fp = int((flagged & (labels == 0)).sum())
    fn = int((~flagged & (labels == 1)).sum())
    tn = int((~flagged & (labels == 0)).sum())
    return {"threshold": float(threshold), "tn": tn, "fp": fp, "fn": fn, "tp": tp,
            "fpr": fp / max(fp + tn, 1), "tpr": tp / max(tp + fn, 1)}


def ranking(labels, scores) -> dict:
    if labels.min() == labels.max():
        return {}
    fpr, tpr, _ = roc_curve(labels, scores)
    return {
        "roc_auc": float(roc_auc_score(labels, scores)),
        "average_precision": float(average_precision_score(labels, scores)),
        # Threshold picked on this very set: the best this ranking allows, an upper bound.
        **{f"tpr_at_fpr_{name}_oracle": float(tpr[fpr <= target].max()) for name, target in FPR_TARGETS.items()},
    }


def fpr_thresholds(validation) -> dict:
    """Thresholds for each FPR target chosen on validation benign requests (used on the test sets)."""
    return {name: metrics.threshold_for_fpr(validation.labels, validation.scores, target)
            for name, target in FPR_TARGETS.items()}


def evaluate(eval_set, policy_thresholds: dict, validation_fpr_thresholds: dict) -> dict:
    labels, scores = eval_set.labels, eval_set.scores
    result = {
        "unique_requests": int(len(labels)),
        "attacks": int(labels.sum()),
        "rows": int(eval_set.weights.sum()),
        "note": eval_set.note,
        "ranking_unique": ranking(labels, scores),
    }
    if eval_set.weights.max() > 1:
        result["roc_auc_per_request"] = float(roc_auc_score(labels, scores, sample_weight=eval_set.weights)) \
            if labels.min() != labels.max() else None
    result["at_validation_fpr_thresholds"] = {
        name: confusion(labels, scores, t) for name, t in validation_fpr_thresholds.items()}
    result["policies"] = {}
    for name, chosen in policy_thresholds.items():
        t_c, t_b = chosen["challenge"], chosen["block"]
        ones = np.ones_like(scores, dtype=np.float64)
        entry = {"challenge_threshold": t_c, "block_threshold": t_b,
                 "challenge": confusion(labels, scores, t_c), "block": confusion(labels, scores, t_b)}
        for label, kind in ((0, "benign"), (1, "attack")):
            mask = labels == label
            if mask.any():
                passed, challenged, blocked = costs.outcome_shares(scores[mask], ones[mask], t_c, t_b)
                entry[kind] = {"passed": passed, "challenged": challenged, "blocked": blocked}
        result["policies"][name] = entry
    if eval_set.family is not None and labels.min() != labels.max():
        result["per_family"] = per_family(eval_set, policy_thresholds.get("default"), validation_fpr_thresholds)
    return result


def per_family(eval_set, default_policy, validation_fpr_thresholds) -> dict:
    labels, scores, family = eval_set.labels, eval_set.scores, eval_set.family
    benign = labels == 0
    # The per-class target: detection at a benign false-positive rate of 0.5% on THIS set's benign
    # requests (an oracle threshold, stated as such), and at the validation-chosen 0.5% threshold.
    oracle = metrics.threshold_for_fpr(labels, scores, 0.005)
    chosen = validation_fpr_thresholds["0.5%"]
    out = {"_thresholds": {"fpr_0.5pct_on_this_set": oracle, "fpr_0.5pct_on_validation": chosen,
                           "benign_flagged_at_validation_0.5pct": float((scores[benign] >= chosen).mean())}}
    for name in sorted(set(family[labels == 1].tolist())):
        mask = (family == name) & (labels == 1)
        both = mask | benign
        entry = {
            "requests": int(mask.sum()),
            "roc_auc_vs_benign": float(roc_auc_score(labels[both], scores[both])),
            "detected_at_fpr_0.5pct_oracle": float((scores[mask] >= oracle).mean()),
            "detected_at_fpr_0.5pct_validation": float((scores[mask] >= chosen).mean()),
        }
        if default_policy:
            entry["stopped_default_policy"] = float((scores[mask] >= default_policy["challenge"]).mean())
            entry["blocked_default_policy"] = float((scores[mask] >= default_policy["block"]).mean())
        out[name] = entry
    kinds = {}
    # Benign rows are grouped by kind: their technique when the set names one (beyond CSIC), else their family.
    kind = family
    if eval_set.technique is not None and (eval_set.technique[benign] != "").all():
        kind = np.where(benign, eval_set.technique, family)
    for name in sorted(set(kind[benign].tolist())):
        mask = (kind == name) & benign
        kinds[name] = {"requests": int(mask.sum()),
                       "flagged_at_validation_0.5pct": float((scores[mask] >= chosen).mean())}
    if eval_set.technique is not None:
        ambiguous = benign & (eval_set.technique == "ambiguous")
        if ambiguous.any():
            kinds["(ambiguous benign, included above)"] = {
                "requests": int(ambiguous.sum()), "flagged_at_validation_0.5pct": float((scores[ambiguous] >= chosen).mean())}
    out["_benign_kinds"] = kinds
    if eval_set.technique is not None:
        out["_without_ambiguous"] = without_ambiguous(eval_set)
    return out


def without_ambiguous(eval_set) -> dict:
    """Per class, detection at 0.5% FP of the benign requests that are not "ambiguous" (benign text quoting a real
    payload, such as a developer asking about `' OR 1=1 --`, which content alone cannot tell from the attack).
    Reported beside the full figure, never instead of it."""
    labels, scores, family = eval_set.labels, eval_set.scores, eval_set.family
    keep = ~((labels == 0) & (eval_set.technique == "ambiguous"))
    oracle = metrics.threshold_for_fpr(labels[keep], scores[keep], 0.005)
    out = {"_threshold": oracle, "_benign": int(((labels == 0) & keep).sum())}
    for name in sorted(set(family[labels == 1].tolist())):
        mask = (family == name) & (labels == 1)
        out[name] = float((scores[mask] >= oracle).mean())
    return out
