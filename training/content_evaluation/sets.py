"""The evaluation sets, each as unique requests (one per group and label, with its row count).

* CSIC 2010 test split: the same salted group split the training run uses, so no test group was
  trained on; CSIC repeats requests with only the cookie changed and mirrors GET queries in POST
  bodies, and a group is one feature vector, so those never straddle the split.
* Synthetic EVAL: the training generator's held-out half (disjoint word, template and payload lists).
* Beyond CSIC: an independent set written separately from the training generator
  (training/eval/beyond_csic/README.md); never trained on, never used to choose anything.
* The regression table of hand-written generic-app requests.
Validation (CSIC and synthetic validation groups) is where thresholds are chosen; it is never reported
as a result.
"""
from dataclasses import dataclass, field

import numpy as np

from content_training import split

SEED = 2010  # the training run's split seed


@dataclass
class EvalSet:
    name: str
    title: str
    scores: np.ndarray  # per unique request
    labels: np.ndarray
    weights: np.ndarray  # rows behind each unique request
    rows: np.ndarray  # index of one exported row per unique request
    family: np.ndarray = field(default=None)  # attack family (or benign kind) per unique request, when known
    technique: np.ndarray = field(default=None)
    note: str = ""


def unique_requests(mask: np.ndarray, groups: np.ndarray, labels: np.ndarray):
    """One row per (group, label) among the masked rows, and how many rows each stands for."""
    index = np.flatnonzero(mask)
    keys = np.stack([groups[index], labels[index].astype(np.int64)], axis=1)
    _, first, counts = np.unique(keys, axis=0, return_index=True, return_counts=True)
    return index[first], counts.astype(np.float64)


def build(scored, sources_by_name: dict, side: dict) -> dict:
    """sources_by_name: exporter source file name -> role ('csic', 'synthetic', 'synthetic-eval',
    'beyond', 'guard'). side: role -> {line: JSON object} for the JSONL roles (family, technique)."""
    meta, groups, labels, scores = scored.meta, scored.groups, scored.labels, scored.scores
    role = np.array([sources_by_name.get(row["source"], "other") for row in meta])
    masks = split.assign(groups, SEED)
    trained_groups = set(groups[(np.isin(role, ("csic", "synthetic"))) & masks["train"]].tolist())
    seen = np.isin(groups, np.array(sorted(trained_groups), dtype=groups.dtype))
    sets = {}

    def make(name, title, mask, note="", with_side=None):
        rows, weights = unique_requests(mask, groups, labels)
        family = technique = None
        if with_side is not None:
            info = [side[with_side].get(meta[r]["line"], {}) for r in rows]
            family = np.array([i.get("family") or ("benign" if labels[r] == 0 else "attack") for i, r in zip(info, rows)])
            technique = np.array([i.get("technique") or i.get("kind") or "" for i in info])
        sets[name] = EvalSet(name, title, scores[rows], labels[rows], weights, rows, family, technique, note)

    make("validation", "Validation (CSIC and synthetic validation groups; thresholds are chosen here)",
         np.isin(role, ("csic", "synthetic")) & masks["validation"])
    make("csic_test", "CSIC 2010 test split (leak-free: whole groups)", (role == "csic") & masks["test"])
    dropped = int(((role == "synthetic-eval") & seen).sum())
    make("synthetic_eval", "Synthetic EVAL (training generator's held-out lists)",
         (role == "synthetic-eval") & ~seen, f"{dropped} rows identical to a training request dropped", "synthetic-eval")
    if "beyond" in set(role.tolist()):
        overlap = int(((role == "beyond") & seen).sum())
        make("beyond_csic", "Beyond CSIC (independent set, never trained on)", role == "beyond",
             f"{overlap} rows identical to a training request (kept)", "beyond")
    make("regression", "Regression table (hand-written generic-app requests)", role == "guard")
    # Validation needs CSIC and synthetic weighted equally, as in training.
    v = sets["validation"]
    v_role = role[v.rows]
    csic, synthetic = v_role == "csic", v_role == "synthetic"
    if csic.any() and synthetic.any():
        v.weights = v.weights.copy()
        v.weights[synthetic] *= v.weights[csic].sum() / v.weights[synthetic].sum()
    return sets
