"""L2-regularised logistic regression, its strength chosen on the validation groups."""
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from . import metrics

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
MAX_ITERATIONS = 5000


def fit(features, labels, weights, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=MAX_ITERATIONS, tol=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model.fit(features, labels, sample_weight=weights)
    return model


def select(features, labels, weights, masks) -> tuple:
    """Fits one model per C on 'train'; keeps the best partial AUC (FPR <= 1%) on 'validation'."""
    train, validation = masks["train"], masks["validation"]
    table = []
    best = None
    for c in C_GRID:
        model = fit(features[train], labels[train], weights[train], c)
        scores = model.predict_proba(features[validation])[:, 1]
        row = {"C": c, **metrics.ranking(labels[validation], scores)}
        table.append(row)
        print(f"  C={c:<6g} validation AUC={row['roc_auc']:.5f} pAUC@1%={row['partial_auc_fpr_1pct']:.5f} "
              f"TPR@0.1%={row['tpr_at_fpr_0.1pct']:.4f} TPR@1%={row['tpr_at_fpr_1pct']:.4f}", flush=True)
        # Ties go to the stronger regularisation (smaller C), which comes first.
        if best is None or row["partial_auc_fpr_1pct"] > best[1]["partial_auc_fpr_1pct"]:
            best = (model, row)
    return best[0], best[1]["C"], table


def cross_validated(features, labels, weights, folds: np.ndarray, c: float) -> np.ndarray:
    """Out-of-fold probabilities: each row scored by the model that did not see its group."""
    scores = np.zeros(len(labels))
    for fold in np.unique(folds):
        held_out = folds == fold
        model = fit(features[~held_out], labels[~held_out], weights[~held_out], c)
        scores[held_out] = model.predict_proba(features[held_out])[:, 1]
    return scores


def weights(model: LogisticRegression) -> tuple:
    return model.coef_[0].astype(np.float32), np.float32(model.intercept_[0])


def probability(features, w: np.ndarray, b: np.float32) -> np.ndarray:
    """The model as the ONNX graph computes it, in float64 from the exported float32 weights."""
    logits = features.astype(np.float64) @ w.astype(np.float64) + np.float64(b)
    return 1.0 / (1.0 + np.exp(-logits))
