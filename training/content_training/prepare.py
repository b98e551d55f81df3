"""The training set as the model sees it: one row per group and label, split by group, weighted so that
CSIC and the synthetic traffic count the same in total.
"""
from dataclasses import dataclass

import numpy as np

from . import sources, split

TRAINED_ORIGINS = ("csic", "synthetic", "extra")


@dataclass
class Prepared:
    origin: np.ndarray  # per row
    trainable: np.ndarray  # per row: CSIC, synthetic TRAIN or extra files (never EVAL or the regression table)
    unique: np.ndarray  # row index of each (group, label) among trainable rows
    row_to_unique: np.ndarray  # per trainable row
    repeats: np.ndarray  # rows per unique request
    origin_u: np.ndarray
    row_masks: dict  # train/validation/test per row (trainable rows only)
    masks: dict  # the same per unique request
    weights: np.ndarray  # per unique request
    synthetic_factor: float
    leak: dict


def prepare(data, seed: int) -> Prepared:
    origin = sources.origins(data.meta)
    labels, groups = data.labels, data.groups
    trainable = np.isin(origin, TRAINED_ORIGINS)
    keys = np.stack([groups, labels.astype(np.int64)], axis=1)
    _, unique, row_to_unique, repeats = np.unique(
        keys[trainable], axis=0, return_index=True, return_inverse=True, return_counts=True)
    unique = np.flatnonzero(trainable)[unique]
    repeats = repeats.astype(np.float64)
    origin_u = origin[unique]
    row_masks = {name: mask & trainable for name, mask in split.assign(groups, seed).items()}
    methods = np.array([row["method"] for row in data.meta])
    leak = split.check_leak_free(groups[trainable], labels[trainable], methods[trainable],
                                 {name: mask[trainable] for name, mask in row_masks.items()})
    masks = {name: mask[unique] for name, mask in row_masks.items()}
    weights = repeats.copy()
    train = masks["train"]
    synthetic = origin_u == "synthetic"
    factor = 1.0
    if (train & synthetic).any():
        factor = float(weights[train & (origin_u == "csic")].sum() / weights[train & synthetic].sum())
        weights[synthetic] *= factor
    return Prepared(origin, trainable, unique, row_to_unique.ravel(), repeats, origin_u, row_masks, masks, weights,
                    factor, leak)
