#!/usr/bin/python3
"""Which feature groups carry over to other applications? Trains the same model with groups of
columns left out and reports CSIC's test split, the synthetic EVAL file and the regression table.

Run it on an export whose layout still has the groups to compare (content-v2 during development had
path n-grams, argument-name n-grams and request-shape features besides the value n-grams):

    /usr/bin/python3 training/ablate_regions.py --export-dir DIR --out training/ablation/NAME.json [--c 3] [--note TEXT]

The result that decided content-v2's layout is committed in training/ablation/ and quoted in the model card.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_training import dataset, generalization, metrics, model, prepare, sources  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED = 2010
# Request-shape features: sizes and character-class ratios describe an application's URL and form
# design more than any payload.
SHAPE = ("path_length_log", "arguments_length_log", "argument_count_log", "max_value_length_log", "path_depth_log",
         "non_ascii_ratio", "digit_ratio", "letter_ratio", "special_ratio")
VARIANTS = {
    "everything": (),
    "without path n-grams": ("path_ngrams",),
    "without path and name n-grams": ("path_ngrams", "name_ngrams"),
    "without path n-grams and shape": ("path_ngrams", "shape"),
    "without path and name n-grams and shape": ("path_ngrams", "name_ngrams", "shape"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export-dir", type=Path, default=REPO / "training" / "out" / "export")
    parser.add_argument("--synthetic-dir", type=Path, default=REPO / "training" / "out" / "synthetic")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--note", default="", help="where the export came from, recorded in the output")
    parser.add_argument("--c", type=float, default=None,
                        help="fit every variant with this C instead of choosing C on validation (much faster)")
    args = parser.parse_args()
    data = dataset.load(args.export_dir)
    prepared = prepare.prepare(data, SEED)
    layout, names = data.summary["layout"], data.summary["handcrafted_names"]
    handcrafted_offset = layout["handcrafted"][0]
    eval_side = sources.side_info(args.synthetic_dir / sources.SYNTHETIC_EVAL)
    guard_side = sources.side_info(REPO / sources.GUARD_PATH)
    results = {"note": args.note, "schema": data.summary["feature_schema"], "layout": layout, "seed": SEED,
               "c": args.c if args.c is not None else f"chosen on validation from {list(model.C_GRID)}",
               "evidence_c_factor": model.EVIDENCE_C_FACTOR,
               "synthetic_weight_factor": prepared.synthetic_factor, "variants": {}}
    for title, dropped in VARIANTS.items():
        keep = np.ones(data.summary["feature_count"], dtype=bool)
        for group in dropped:
            if group == "shape":
                keep[[handcrafted_offset + names.index(name) for name in SHAPE]] = False
            else:
                offset, size = layout[group]
                keep[offset:offset + size] = False
        columns = np.flatnonzero(keep)
        print(f"{title}: {len(columns)} features", flush=True)
        results["variants"][title] = evaluate(data, prepared, columns, columns >= handcrafted_offset, eval_side, guard_side,
                                              args.c)
        results["variants"][title]["dropped"] = list(dropped)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def evaluate(data, prepared, columns, non_negative, eval_side, guard_side, fixed_c) -> dict:
    features = data.features[:, columns].tocsr()
    features_u = features[prepared.unique]
    labels_u = data.labels[prepared.unique]
    validation = prepared.masks["validation"]
    validation_sets = {source: validation & (prepared.origin_u == source) for source in ("csic", "synthetic")}
    train = prepared.masks["train"]
    if fixed_c is None:
        fitted, c, _ = model.select(features_u, labels_u, prepared.weights, train, validation_sets, non_negative)
    else:
        c = fixed_c
        fitted = model.fit(features_u[train], labels_u[train], prepared.weights[train], c, non_negative)
    probabilities = fitted.probability(features)
    probabilities_u = probabilities[prepared.unique]
    csic_test = prepared.masks["test"] & (prepared.origin_u == "csic")
    evaluation = np.flatnonzero(prepared.origin == "synthetic-eval")
    labels_e, scores_e = data.labels[evaluation], probabilities[evaluation]
    families = np.array([eval_side[data.meta[i]["line"]]["family"] for i in evaluation])
    techniques = np.array([eval_side[data.meta[i]["line"]]["technique"] for i in evaluation])
    guard = np.flatnonzero(prepared.origin == "guard")
    table = generalization.guard_table(
        [{"text": data.meta[i]["target"], "note": guard_side[data.meta[i]["line"]]["note"], "label": int(data.labels[i])}
         for i in guard], probabilities[guard])
    return {
        "features": int(len(columns)),
        "C": c,
        "csic_test": metrics.ranking(labels_u[csic_test], probabilities_u[csic_test]),
        "csic_test_at_gateway_thresholds": _points(labels_u[csic_test], probabilities_u[csic_test]),
        "synthetic_eval": metrics.ranking(labels_e, scores_e),
        "synthetic_eval_at_gateway_thresholds": _points(labels_e, scores_e),
        "synthetic_eval_detected_at_0.85": {
            family: round(entry["detected_at_block_0.85"], 4)
            for family, entry in generalization.per_family(labels_e, scores_e, families, techniques).items()},
        "regression_table_failures": [f"{row['note']} ({row['probability']:.3f})" for row in table if not row["ok"]],
    }


def _points(labels, scores) -> dict:
    return {name: {"fpr": round(point["fpr"], 5), "tpr": round(point["tpr"], 5)}
            for name, point in generalization.at_gateway_thresholds(labels, scores).items()}


if __name__ == "__main__":
    sys.exit(main())
