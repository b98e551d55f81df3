"""L2-regularised logistic regression whose evidence features may only raise the risk, its strength
chosen on the validation groups.

The hand-written features count injection evidence (quotes, keywords in position, decoding tricks).
Their weights are bounded below by zero: more evidence must never make a request look safer, or an
attacker could buy a lower score by adding some. Unconstrained, a linear model happily gives one of
two correlated signals a negative weight, and a payload that shows only that one then scores low.
scikit-learn's LogisticRegression has no bounds, so the same objective is minimised here with
scipy's L-BFGS-B: sum_i s_i * log(1 + exp(-y_i (x_i.w + b))) + ||w||^2 / (2C), intercept unpenalised.
"""
from dataclasses import dataclass

import numpy as np
import scipy.optimize
from scipy.special import expit

from . import metrics

C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
# The evidence features are penalised this many times more weakly than the n-gram weights: given the
# choice, the model should explain an attack by hand-written evidence, which means the same on any
# site, rather than by hashed character n-grams of the training sites' values.
EVIDENCE_C_FACTOR = 100.0
MAX_ITERATIONS = 20000
GRADIENT_TOLERANCE = 1e-5


@dataclass
class Fitted:
    coef: np.ndarray  # float64 [F]
    intercept: float
    iterations: int

    def probability(self, features) -> np.ndarray:
        return expit(features.astype(np.float64) @ self.coef + self.intercept)


def fit(features, labels, weights, c: float, non_negative: np.ndarray, evidence_c_factor: float = EVIDENCE_C_FACTOR) -> Fitted:
    x = features.astype(np.float64).tocsr()
    xt = x.T.tocsr()
    sign = labels.astype(np.float64) * 2 - 1
    sample = np.asarray(weights, dtype=np.float64)
    feature_count = x.shape[1]
    # Per-feature penalty: the evidence features (non_negative) may be regularised more weakly.
    penalty = np.where(non_negative, 1.0 / (c * evidence_c_factor), 1.0 / c)

    def objective(theta):
        w, b = theta[:-1], theta[-1]
        margin = sign * (x @ w + b)
        loss = np.sum(sample * np.logaddexp(0.0, -margin)) + np.sum(penalty * w * w) / 2
        slope = -sample * sign * expit(-margin)
        gradient = np.empty_like(theta)
        gradient[:-1] = xt @ slope + penalty * w
        gradient[-1] = np.sum(slope)
        return loss, gradient

    bounds = [(0.0, None) if bounded else (None, None) for bounded in non_negative] + [(None, None)]
    result = scipy.optimize.minimize(
        objective, np.zeros(feature_count + 1), jac=True, method="L-BFGS-B", bounds=bounds,
        options={"maxiter": MAX_ITERATIONS, "maxfun": 2 * MAX_ITERATIONS, "maxls": 50,
                 "gtol": GRADIENT_TOLERANCE, "ftol": 64 * np.finfo(float).eps})
    if not result.success:
        raise RuntimeError(f"logistic regression (C={c:g}) did not converge: {result.message}")
    return Fitted(result.x[:-1].copy(), float(result.x[-1]), int(result.nit))


def select(features, labels, weights, train, validation_sets: dict, non_negative: np.ndarray) -> tuple:
    """Fits one model per C on `train`; keeps the best mean partial AUC (FPR <= 1%) over the validation
    sets (one per data source), so that neither source decides alone."""
    table = []
    best = None
    for c in C_GRID:
        model = fit(features[train], labels[train], weights[train], c, non_negative)
        row = {"C": c, "iterations": model.iterations}
        for name, mask in validation_sets.items():
            row[name] = metrics.ranking(labels[mask], model.probability(features[mask]))
        row["criterion"] = float(np.mean([row[name]["partial_auc_fpr_1pct"] for name in validation_sets]))
        table.append(row)
        print(f"  C={c:<6g} " + " ".join(
            f"{name}: AUC={row[name]['roc_auc']:.5f} pAUC@1%={row[name]['partial_auc_fpr_1pct']:.5f} "
            f"TPR@1%={row[name]['tpr_at_fpr_1pct']:.4f};" for name in validation_sets)
            + f" criterion={row['criterion']:.5f}", flush=True)
        # Ties go to the stronger regularisation (smaller C), which comes first.
        if best is None or row["criterion"] > best[1]["criterion"]:
            best = (model, row)
    return best[0], best[1]["C"], table


def cross_validated(features, labels, weights, folds: np.ndarray, c: float, non_negative: np.ndarray) -> np.ndarray:
    """Out-of-fold probabilities: each row scored by the model that did not see its group."""
    scores = np.zeros(len(labels))
    for fold in np.unique(folds):
        held_out = folds == fold
        model = fit(features[~held_out], labels[~held_out], weights[~held_out], c, non_negative)
        scores[held_out] = model.probability(features[held_out])
    return scores


def weights(model: Fitted) -> tuple:
    return model.coef.astype(np.float32), np.float32(model.intercept)


def probability(features, w: np.ndarray, b: np.float32) -> np.ndarray:
    """The model as the ONNX graph computes it, in float64 from the exported float32 weights."""
    logits = features.astype(np.float64) @ w.astype(np.float64) + np.float64(b)
    return 1.0 / (1.0 + np.exp(-logits))
