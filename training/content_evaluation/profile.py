"""CSIC with an application profile: how a site that profiles its own traffic fares.

The profile (tools/Gateway.FeatureExport --learn-profile) is learned from the normal requests of CSIC's
training split, then every row is checked against it (--profile), which gives per row the profile's
risk and the log-odds the gateway takes off the content probability where the profile vouches for the
request (AppProfileOptions.ConformingContentDiscount). They are combined as the gateway's risk combiner
does: the content probability, discounted, and the profile's risk in a noisy-OR.
"""
from collections import Counter

import numpy as np

from . import costs, figures

# The default policy's risk thresholds (PolicyOptions: ChallengeThreshold, BlockThreshold).
RISK_CHALLENGE, RISK_BLOCK = 0.5, 0.85

# Discounts (log-odds) compared on the CSIC validation split; the gateway's default is one of them.
DISCOUNTS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0)


def learning_rows(meta, mask) -> list:
    """The normal requests to learn from, each as many times as it was sent, not once per copy.

    CSIC sends every request twice, once as a GET query and once as the same POST body, and then
    repeats whole sessions. A learner that counts both copies of a one-off registration sees every
    password twice and takes the field for a closed set of values. A learner that keeps one copy of
    each distinct request sees the login error page (sent 2,000 times with the one value
    "Credenciales incorrectas") once, too rarely to trust. So: a request counts as often as its most
    frequent method sent it.
    """
    sent = Counter()
    first = {}
    for i in np.flatnonzero(mask):
        path, _, query = meta[i]["target"].partition("?")
        request = (path, query or meta[i]["body"])
        sent[(meta[i]["method"], request)] += 1
        first.setdefault(request, i)
    times = Counter()
    for (method, request), count in sent.items():
        times[request] = max(times[request], count)
    rows = []
    for request, i in first.items():
        rows += [meta[i]] * times[request]
    return rows


def discounted(probability: np.ndarray, log_odds: np.ndarray) -> np.ndarray:
    """sigma(logit(p) - d), as Decision/ContentRisk.Discounted computes it; d = 0 leaves p as it is."""
    p = np.clip(probability.astype(np.float64), 1e-12, 1 - 1e-12)
    shifted = 1 / (1 + np.exp(-(np.log(p / (1 - p)) - log_odds)))
    return np.where(log_odds > 0, shifted, probability.astype(np.float64))


def largest_discount_keeping(verdict: float, block: float, most: int = 10) -> int:
    """The largest whole discount (0..most) under which a content verdict still reaches the block point."""
    kept = [d for d in range(most + 1) if discounted(np.array([verdict]), np.array([float(d)]))[0] >= block]
    return max(kept, default=0)


def combine(content: np.ndarray, risk: np.ndarray, discount: np.ndarray) -> np.ndarray:
    return 1 - (1 - discounted(content, discount)) * (1 - risk.astype(np.float64))


def discount_table(content, risk, vouched, sets_by_name: dict) -> list:
    """Markdown rows: for each discount, ROC AUC and TPR at FPR 0.1% / 1% on each named set of unique rows.

    sets_by_name: title -> (rows, labels). The discount is chosen on validation; the others are shown only
    so that a reader sees the choice did not depend on them."""
    titles = list(sets_by_name)
    out = ["| log-odds off a vouched request | " + " | ".join(f"{t}: ROC AUC / TPR @ FPR 0.1% / 1% (oracle)" for t in titles) + " |",
           "| ---: | " + " | ".join("---:" for _ in titles) + " |"]
    for d in DISCOUNTS:
        combined = combine(content, risk, np.where(vouched, d, 0.0))
        cells = []
        for rows, labels in sets_by_name.values():
            r = figures.ranking(labels, combined[rows])
            cells.append(f"{r['roc_auc']:.4f} / {100 * r['tpr_at_fpr_0.1%_oracle']:.1f}% / {100 * r['tpr_at_fpr_1%_oracle']:.1f}%")
        out.append(f"| {d:g} | " + " | ".join(cells) + " |")
    return out


def content_contribution(p: np.ndarray, challenge_at: float, block_at: float) -> np.ndarray:
    """Decision/ContentRisk.Contribution: 0 -> 0, challenge_at -> RISK_CHALLENGE, block_at -> RISK_BLOCK, 1 -> 1."""
    return np.interp(np.clip(p, 0, 1), [0.0, challenge_at, block_at, 1.0], [0.0, RISK_CHALLENGE, RISK_BLOCK, 1.0])


def gateway_policies(content, risk, discount, labels, weights, policy_thresholds: dict) -> dict:
    """Per policy, what the gateway does (RiskCombiner): the discounted content probability placed on the risk
    scale by the policy's content thresholds, the profile's risk beside it in a noisy-OR, and the default risk
    thresholds. Same structure as figures.evaluate's policy entries."""
    out = {}
    for name, chosen in policy_thresholds.items():
        contribution = content_contribution(discounted(content, discount), chosen["challenge"], chosen["block"])
        gateway_risk = 1 - (1 - contribution) * (1 - risk.astype(np.float64))
        entry = {"challenge_threshold": RISK_CHALLENGE, "block_threshold": RISK_BLOCK,
                 "challenge": figures.confusion(labels, gateway_risk, RISK_CHALLENGE),
                 "block": figures.confusion(labels, gateway_risk, RISK_BLOCK)}
        for label, kind in ((0, "benign"), (1, "attack")):
            mask = labels == label
            if mask.any():
                passed, challenged, blocked = costs.outcome_shares(gateway_risk[mask], weights[mask], RISK_CHALLENGE, RISK_BLOCK)
                entry[kind] = {"passed": passed, "challenged": challenged, "blocked": blocked}
        out[name] = entry
    return out
