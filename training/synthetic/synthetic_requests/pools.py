"""Splits every word list in two disjoint halves, one for the TRAIN file and one for the EVAL file.

Each list is shuffled by its own seeded generator (seeded by the run seed and the list's name), so a
list's split does not change when another list is edited, and the first half always goes to TRAIN.
Lists that are too short to split, or whose items are grammar rather than content (HTTP methods,
content types), are shared on purpose: the caller says so with `shared`.
"""
import hashlib
import random

TRAIN, EVAL = "train", "eval"


def _generator(seed: int, name: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{name}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "little"))


class Pools:
    """Gives the TRAIN or the EVAL half of each named list."""

    def __init__(self, seed: int, part: str):
        if part not in (TRAIN, EVAL):
            raise ValueError(f"part must be {TRAIN!r} or {EVAL!r}, not {part!r}")
        self.seed = seed
        self.part = part
        self.sizes = {}

    def half(self, name: str, items) -> list:
        items = list(dict.fromkeys(items))  # de-duplicated, order kept
        if len(items) < 4:
            raise ValueError(f"list {name!r} has {len(items)} items; too short to split, use shared()")
        shuffled = items[:]
        _generator(self.seed, name).shuffle(shuffled)
        middle = len(shuffled) // 2
        chosen = shuffled[:middle] if self.part == TRAIN else shuffled[middle:]
        self.sizes[name] = (len(chosen), len(items))
        return chosen

    @staticmethod
    def shared(items) -> list:
        return list(items)


def generator(seed: int, part: str) -> random.Random:
    """The generator that draws the requests of one file."""
    return _generator(seed, "requests:" + part)
