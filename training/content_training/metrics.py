"""Ranking and operating-point metrics. The gateway blocks at low false-positive rates, so TPR at
FPR 0.1% and 1% matter more than accuracy."""
import numpy as np
from sklearn.metrics import confusion_matrix, roc_auc_score, roc_curve


def tpr_at_fpr(labels: np.ndarray, scores: np.ndarray, target: float) -> float:
    """Best TPR reachable with FPR <= target, choosing the threshold on these very rows (optimistic)."""
    fpr, tpr, _ = roc_curve(labels, scores)
    return float(tpr[fpr <= target].max())


def threshold_for_fpr(labels: np.ndarray, scores: np.ndarray, target: float) -> float:
    """Lowest threshold t such that 'attack if score >= t' flags at most target of the normal rows."""
    negatives = np.sort(scores[labels == 0])[::-1]
    allowed = int(np.floor(target * len(negatives)))
    if allowed >= len(negatives):
        return 0.0
    # Just above the first normal score that would exceed the allowance.
    return float(np.nextafter(negatives[allowed], np.float64(np.inf)))


def at_threshold(labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict:
    predicted = (scores >= threshold).astype(np.uint8)
    tn, fp, fn, tp = confusion_matrix(labels, predicted, labels=[0, 1]).ravel()
    return {
        "threshold": threshold,
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
        "fpr": fp / max(fp + tn, 1),
        "tpr": tp / max(tp + fn, 1),
        "precision": tp / max(tp + fp, 1),
    }


def ranking(labels: np.ndarray, scores: np.ndarray) -> dict:
    return {
        "roc_auc": float(roc_auc_score(labels, scores)),
        # McClish-standardised partial AUC over FPR in [0, 1%]: 0.5 = chance, 1 = perfect.
        "partial_auc_fpr_1pct": float(roc_auc_score(labels, scores, max_fpr=0.01)),
        "tpr_at_fpr_0.1pct": tpr_at_fpr(labels, scores, 0.001),
        "tpr_at_fpr_1pct": tpr_at_fpr(labels, scores, 0.01),
    }
