"""Leak-free split: whole groups go to one side.

A group is one request as the model sees it (path plus query or body; method and cookie ignored),
so the cookie-only repeats and the GET/POST mirrors of CSIC never straddle train and test. A group
lands in a split by a salted hash of its id, which does not depend on row order and keeps every
group where it was when data is added.
"""
import hashlib

import numpy as np

TEST_PERMILLE = 200
VALIDATION_PERMILLE = 100


CROSS_VALIDATION_FOLDS = 5


def buckets(groups: np.ndarray, seed: int) -> np.ndarray:
    """0..999 per row, from a salted hash of its group id."""
    unique, inverse = np.unique(groups, return_inverse=True)
    return np.array(
        [int.from_bytes(hashlib.sha256(f"{seed}:{int(g) & 0xFFFFFFFFFFFFFFFF:016x}".encode()).digest()[:8], "little") % 1000
         for g in unique],
        dtype=np.int64,
    )[inverse]


def folds(groups: np.ndarray, seed: int) -> np.ndarray:
    """Cross-validation fold per row (whole groups per fold), independent of the test split."""
    return buckets(groups, seed + 1) % CROSS_VALIDATION_FOLDS


def assign(groups: np.ndarray, seed: int) -> dict:
    """Returns boolean row masks 'train', 'validation', 'test'."""
    bucket = buckets(groups, seed)
    test = bucket < TEST_PERMILLE
    validation = (bucket >= TEST_PERMILLE) & (bucket < TEST_PERMILLE + VALIDATION_PERMILLE)
    train = ~(test | validation)
    return {"train": train, "validation": validation, "test": test}


def check_leak_free(groups: np.ndarray, labels: np.ndarray, methods: np.ndarray, masks: dict) -> dict:
    """Fails if a group is on two sides; reports groups that hold both labels and their methods.

    In CSIC these are PUT requests of the anomalous file whose body is exactly the query of a normal
    request: identical content, only the method differs, so no content model can tell them apart.
    """
    sides = [set(np.unique(groups[mask]).tolist()) for mask in masks.values()]
    for i in range(len(sides)):
        for j in range(i + 1, len(sides)):
            if sides[i] & sides[j]:
                raise AssertionError("a group appears in two splits")
    normal_groups = set(np.unique(groups[labels == 0]).tolist())
    attack_groups = set(np.unique(groups[labels == 1]).tolist())
    mixed = np.isin(groups, np.array(sorted(normal_groups & attack_groups), dtype=groups.dtype))
    return {
        "mixed_label_groups": len(normal_groups & attack_groups),
        "mixed_label_methods": {
            "normal": sorted(set(methods[mixed & (labels == 0)].tolist())),
            "attack": sorted(set(methods[mixed & (labels == 1)].tolist())),
        },
    }
