"""Thresholds chosen by explicit cost.

Each request ends in one of three outcomes: passed, challenged (proof-of-work page; 429 for
scripts) or blocked. A policy prices every outcome for benign and attack requests and says how
many of the route's requests are attacks; the pair of thresholds (challenge at t_c, block at t_b,
t_c <= t_b) that minimises the expected cost per request on the VALIDATION split is the policy's.
Passing a benign request and blocking an attack cost nothing.
"""
from dataclasses import dataclass

import numpy as np

OUTCOME_KEYS = ("benign_challenged", "benign_blocked", "attack_passed", "attack_challenged")


@dataclass(frozen=True)
class Policy:
    name: str
    attack_share: float
    benign_challenged: float
    benign_blocked: float
    attack_passed: float
    attack_challenged: float


def load(raw: dict) -> list:
    policies = []
    for name, values in raw.items():
        if name.startswith("_"):
            continue
        missing = [key for key in ("attack_share",) + OUTCOME_KEYS if key not in values]
        if missing:
            raise ValueError(f"policy {name}: missing {', '.join(missing)}")
        if not 0 < values["attack_share"] < 1:
            raise ValueError(f"policy {name}: attack_share must be in (0, 1)")
        policies.append(Policy(name, *(float(values[key]) for key in ("attack_share",) + OUTCOME_KEYS)))
    return policies


def outcome_shares(scores: np.ndarray, weights: np.ndarray, challenge: float, block: float) -> tuple:
    """Weighted shares (passed, challenged, blocked) of these requests at the thresholds."""
    total = weights.sum()
    blocked = weights[scores >= block].sum() / total
    challenged = weights[(scores >= challenge) & (scores < block)].sum() / total
    return 1 - challenged - blocked, challenged, blocked


def expected_cost(policy: Policy, benign: tuple, attack: tuple) -> float:
    _, b_challenged, b_blocked = benign
    a_passed, a_challenged, _ = attack
    return ((1 - policy.attack_share) * (policy.benign_challenged * b_challenged + policy.benign_blocked * b_blocked)
            + policy.attack_share * (policy.attack_passed * a_passed + policy.attack_challenged * a_challenged))


def choose(policy: Policy, scores: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> dict:
    """Grid search over t_c <= t_b among 0.01 .. 0.99 and the score quantiles (where the curve moves)."""
    grid = np.unique(np.concatenate([np.linspace(0.01, 0.99, 99),
                                     np.quantile(scores, np.linspace(0, 1, 201)).clip(0.001, 0.999)]))
    benign, attack = labels == 0, labels == 1
    sb, wb, sa, wa = scores[benign], weights[benign], scores[attack], weights[attack]
    # Per threshold: weighted share of benign / attack requests at or above it.
    above_b = np.array([wb[sb >= t].sum() for t in grid]) / wb.sum()
    above_a = np.array([wa[sa >= t].sum() for t in grid]) / wa.sum()
    best = None
    for i, t_c in enumerate(grid):
        for j in range(i, len(grid)):
            benign_shares = (1 - above_b[i], above_b[i] - above_b[j], above_b[j])
            attack_shares = (1 - above_a[i], above_a[i] - above_a[j], above_a[j])
            cost = expected_cost(policy, benign_shares, attack_shares)
            if best is None or cost < best[0] - 1e-12:
                best = (cost, float(t_c), float(grid[j]))
    cost, t_c, t_b = best
    return {"challenge": round(t_c, 3), "block": round(t_b, 3), "validation_cost": cost}
