#!/usr/bin/env python3
"""Plots latency over time from a load-test timeline.csv (written by Gateway.LoadTests).

usage: plot_timeline.py TIMELINE_CSV OUTPUT_PNG [TITLE]

Top: p50 (solid) and p99 (dashed) latency per second of planned send time, one colour per target,
log scale. Bottom: responses per second. Exit code 3 means matplotlib is missing (the caller then
skips the picture); 2 means bad arguments or input.
"""
import csv
import sys
from collections import OrderedDict


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    source, output = argv[1], argv[2]
    title = argv[3] if len(argv) == 4 else "Latency over time"
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as error:
        print(f"matplotlib is not available: {error}", file=sys.stderr)
        return 3

    series = OrderedDict()
    try:
        with open(source, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                points = series.setdefault(row["target"], {"second": [], "p50": [], "p99": [], "requests": []})
                points["second"].append(int(row["second"]))
                points["p50"].append(float(row["p50_ms"]))
                points["p99"].append(float(row["p99_ms"]))
                points["requests"].append(int(row["requests"]))
    except (OSError, KeyError, ValueError) as error:
        print(f"{source}: cannot read the timeline: {error}", file=sys.stderr)
        return 2
    if not series:
        print(f"{source}: the timeline is empty", file=sys.stderr)
        return 2

    figure, (latency, throughput) = plt.subplots(
        2, 1, figsize=(10, 7), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for index, (target, points) in enumerate(series.items()):
        colour = colours[index % len(colours)]
        latency.plot(points["second"], points["p50"], color=colour, linestyle="-", label=f"{target} p50")
        latency.plot(points["second"], points["p99"], color=colour, linestyle="--", label=f"{target} p99")
        throughput.plot(points["second"], points["requests"], color=colour, label=target)
    latency.set_yscale("log")
    latency.set_ylabel("latency (ms, log scale)")
    latency.grid(True, which="both", alpha=0.3)
    latency.legend(fontsize="small", ncol=2)
    latency.set_title(title)
    throughput.set_xlabel("second of the measured run (planned send time)")
    throughput.set_ylabel("responses / s")
    throughput.grid(True, alpha=0.3)
    figure.tight_layout()
    figure.savefig(output, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
