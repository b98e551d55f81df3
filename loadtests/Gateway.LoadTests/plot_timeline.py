#!/usr/bin/env python3
"""Plots latency over time from a load-test timeline.csv (written by Gateway.LoadTests).

usage: plot_timeline.py TIMELINE_CSV OUTPUT_PNG [TITLE]

Top: p50 (solid) and p99 (dashed) latency per second of planned send time, one colour per target,
log scale, and the gateway's own decision-time p99 (dotted, from Server-Timing) where the targets
sent it. Middle: responses per second. Bottom (when any target failed open, or its feature store
left its normal state): fail-open responses per second, with the seconds in which a gateway's
/readyz said its store was not in its normal state (e.g. on the in-process fallback during a
Redis outage) shaded. Exit code 3 means matplotlib is missing (the caller then skips the
picture); 2 means bad arguments or input.
"""
import csv
import sys
from collections import OrderedDict

NORMAL_STORE_STATES = ("", "redis", "in-process")


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
                points = series.setdefault(row["target"], {
                    "second": [], "p50": [], "p99": [], "requests": [], "decision": [], "fail_open": [], "store": []})
                points["second"].append(int(row["second"]))
                points["p50"].append(float(row["p50_ms"]))
                points["p99"].append(float(row["p99_ms"]))
                points["requests"].append(int(row["requests"]))
                points["decision"].append(float(row.get("decision_p99_ms") or 0))
                points["fail_open"].append(int(row.get("fail_open") or 0))
                points["store"].append(row.get("store_state") or "")
    except (OSError, KeyError, ValueError) as error:
        print(f"{source}: cannot read the timeline: {error}", file=sys.stderr)
        return 2
    if not series:
        print(f"{source}: the timeline is empty", file=sys.stderr)
        return 2

    degraded = any(any(p["fail_open"]) or any(s not in NORMAL_STORE_STATES for s in p["store"]) for p in series.values())
    rows = 3 if degraded else 2
    ratios = [3, 1, 1] if degraded else [3, 1]
    figure, axes = plt.subplots(rows, 1, figsize=(10, 8 if degraded else 7), sharex=True, gridspec_kw={"height_ratios": ratios})
    latency, throughput = axes[0], axes[1]
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for index, (target, points) in enumerate(series.items()):
        colour = colours[index % len(colours)]
        latency.plot(points["second"], points["p50"], color=colour, linestyle="-", label=f"{target} p50")
        latency.plot(points["second"], points["p99"], color=colour, linestyle="--", label=f"{target} p99")
        if any(points["decision"]):
            seconds = [s for s, d in zip(points["second"], points["decision"]) if d > 0]
            values = [d for d in points["decision"] if d > 0]
            latency.plot(seconds, values, color=colour, linestyle=":", label=f"{target} decision p99")
        throughput.plot(points["second"], points["requests"], color=colour, label=target)
    latency.set_yscale("log")
    latency.set_ylabel("latency (ms, log scale)")
    latency.grid(True, which="both", alpha=0.3)
    latency.legend(fontsize="small", ncol=2)
    latency.set_title(title)
    throughput.set_ylabel("responses / s")
    throughput.grid(True, alpha=0.3)
    bottom = throughput
    if degraded:
        failing = axes[2]
        for index, (target, points) in enumerate(series.items()):
            colour = colours[index % len(colours)]
            failing.plot(points["second"], points["fail_open"], color=colour, label=f"{target} fail-open / s")
            for second, state in zip(points["second"], points["store"]):
                if state not in NORMAL_STORE_STATES:
                    for axis in axes:
                        axis.axvspan(second - 0.5, second + 0.5, color=colour, alpha=0.12, linewidth=0)
        failing.set_ylabel("fail-open / s")
        failing.grid(True, alpha=0.3)
        failing.legend(fontsize="small", title="shaded: store not in its normal state (/readyz)", title_fontsize="small")
        bottom = failing
    bottom.set_xlabel("second of the measured run (planned send time)")
    figure.tight_layout()
    figure.savefig(output, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
