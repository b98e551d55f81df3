"""Percentiles of the measured window: the end snapshot of the per-µs histograms minus the warm-up's."""
import sys

import numpy as np


def lines(path):
    return [line.split(",") for line in open(path, encoding="utf-8").read().split("\n") if line]


start, end = lines(sys.argv[1]), lines(sys.argv[2])
for name, i in (("extraction", 0), ("model call", 1), ("both", 2)):
    counts = np.array(end[i], dtype=np.int64) - np.array(start[i], dtype=np.int64)
    total = counts.sum()
    cumulative = np.cumsum(counts)
    p = [int(np.searchsorted(cumulative, q * total)) for q in (0.5, 0.9, 0.99, 0.999)]
    print(f"{name:10s} n={total} p50={p[0]} p90={p[1]} p99={p[2]} p99.9={p[3]} µs")
print("queued (not timed):", int(end[3][0]) - int(start[3][0]))
