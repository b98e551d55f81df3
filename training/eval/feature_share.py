#!/usr/bin/python3
"""One hand-made feature in the bundled model and in the training export: its weight, and on how many
rows of each source and label it is set. Run after training/train.sh (which writes the export):

    /usr/bin/python3 training/eval/feature_share.py escaped_unreserved
"""
import json
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

REPO = Path(__file__).resolve().parents[2]
EXPORT = REPO / "training" / "out" / "export"
MODEL = REPO / "src" / "Gateway" / "assets" / "model" / "content-model.onnx"


def main(name: str) -> int:
    summary = json.loads((EXPORT / "summary.json").read_text())
    offset = summary["layout"]["handcrafted"][0]
    column = offset + summary["handcrafted_names"].index(name)
    weights = {i.name: numpy_helper.to_array(i) for i in onnx.load(str(MODEL)).graph.initializer}["weights"].ravel()
    print(f"{name}: feature {column}, weight {weights[column]:.2f}")
    values = np.asarray(np.load(EXPORT / "features.npy", mmap_mode="r")[:, column])
    labels = np.load(EXPORT / "labels.npy")
    sources = np.array([json.loads(line)["source"] for line in (EXPORT / "meta.jsonl").open()])
    for source in sorted(set(sources)):
        for label, kind in ((0, "benign"), (1, "attack")):
            rows = (sources == source) & (labels == label)
            if rows.any():
                print(f"  {source} {kind}: set on {int((values[rows] != 0).sum()):,} of {int(rows.sum()):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
