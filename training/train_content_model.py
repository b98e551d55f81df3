#!/usr/bin/python3
"""Trains the request-content model (schema content-v1) on CSIC 2010 and writes:

  src/Gateway/assets/model/content-model.onnx   the model (ONNX, written by hand)
  src/Gateway/assets/model/metrics.json         held-out metrics and thresholds
  docs/model-v1.md, docs/model-v1-roc.png       model card
  tests/fixtures/model/reference.jsonl          held-out requests with numpy's probabilities

Run from anywhere with /usr/bin/python3 (sklearn, numpy, onnx); see training/README.md.
"""
import argparse
import filecmp
import sys
from pathlib import Path

import numpy as np
import onnx

from content_training import dataset, metrics, model, onnx_model, provenance, reference, report, split

REPO = Path(__file__).resolve().parents[1]
SEED = 2010
GRAPH_TOLERANCE = 1e-4
FPR_TARGETS = {"fpr_0.1pct": 0.001, "fpr_1pct": 0.01}
OUTPUTS = {
    "model": "src/Gateway/assets/model/content-model.onnx",
    "metrics": "src/Gateway/assets/model/metrics.json",
    "card": "docs/model-v1.md",
    "roc": "docs/model-v1-roc.png",
    "reference": "tests/fixtures/model/reference.jsonl",
}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csic-dir", type=Path, default=REPO.parent / "shared" / "data" / "csic2010")
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help="extra labelled requests (JSONL); changes the model, so documents must say so")
    parser.add_argument("--export-dir", type=Path, default=REPO / "training" / "out" / "export")
    parser.add_argument("--reuse-export", action="store_true", help="skip the C# export, use --export-dir as is")
    parser.add_argument("--output-root", type=Path, default=REPO, help="where the output tree is written")
    parser.add_argument("--verify", action="store_true",
                        help="train into training/out/verify and compare byte for byte with the committed outputs")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    output_root = REPO / "training" / "out" / "verify" if args.verify else args.output_root
    if not args.reuse_export:
        dataset.run_export(REPO, args.csic_dir, args.jsonl, args.export_dir)
    data = dataset.load(args.export_dir)
    schema, feature_count = data.summary["feature_schema"], data.summary["feature_count"]
    labels, groups = data.labels, data.groups
    print(f"loaded {data.features.shape[0]} rows x {feature_count} features ({schema}), "
          f"{len(np.unique(groups))} groups", flush=True)

    # Every row of a group has the same features, so the model trains on one row per group and label
    # (a few CSIC groups hold both, see split.check_leak_free) weighted by its row count: the same
    # objective as training on all rows, five times faster.
    # CSIC repeats about 20 static pages thousands of times each (over half of the normal rows), so
    # thresholds are chosen on unique requests, where those few cannot decide everything alone, and
    # the test set is reported both per unique request and per row (traffic-weighted).
    _, unique, row_to_unique, repeats = np.unique(
        np.stack([groups, labels.astype(np.int64)], axis=1), axis=0,
        return_index=True, return_inverse=True, return_counts=True)
    row_to_unique = row_to_unique.ravel()
    repeats = repeats.astype(np.float64)
    row_masks = split.assign(groups, SEED)
    methods = np.array([row["method"] for row in data.meta])
    leak = split.check_leak_free(groups, labels, methods, row_masks)
    masks = {name: mask[unique] for name, mask in row_masks.items()}
    features_u, labels_u = data.features[unique], labels[unique]
    split_counts = {
        name: {
            "unique_requests": int(masks[name].sum()),
            "unique_attacks": int(labels_u[masks[name]].sum()),
            "rows": int(mask.sum()),
            "attack_rows": int(labels[mask].sum()),
        }
        for name, mask in row_masks.items()
    }
    print(f"split: {split_counts}", flush=True)

    print("selecting C on validation groups:", flush=True)
    chosen, c, selection = model.select(features_u, labels_u, repeats, masks)
    w, b = model.weights(chosen)
    probabilities = model.probability(data.features, w, b)
    probabilities_u = probabilities[unique]

    validation, test, train = masks["validation"], masks["test"], masks["train"]
    thresholds = {name: metrics.threshold_for_fpr(labels_u[validation], probabilities_u[validation], target)
                  for name, target in FPR_TARGETS.items()}
    test_rows = row_masks["test"]
    results = {
        "train": metrics.ranking(labels_u[train], probabilities_u[train]),
        "validation": metrics.ranking(labels_u[validation], probabilities_u[validation]),
        "test": metrics.ranking(labels_u[test], probabilities_u[test]),
        "test_at_validation_thresholds": {
            name: metrics.at_threshold(labels_u[test], probabilities_u[test], t) for name, t in thresholds.items()},
        "test_rows": metrics.ranking(labels[test_rows], probabilities[test_rows]),
        "test_rows_at_validation_thresholds": {
            name: metrics.at_threshold(labels[test_rows], probabilities[test_rows], t)
            for name, t in thresholds.items()},
    }
    print(f"cross-validating C={c:g} over {split.CROSS_VALIDATION_FOLDS} folds of groups:", flush=True)
    folds_u = split.folds(groups, SEED)[unique]
    out_of_fold = model.cross_validated(features_u, labels_u, repeats, folds_u, c)
    per_fold = [metrics.ranking(labels_u[folds_u == k], out_of_fold[folds_u == k]) for k in np.unique(folds_u)]
    results["cross_validation"] = {
        "folds": split.CROSS_VALIDATION_FOLDS,
        "unique_requests": metrics.ranking(labels_u, out_of_fold),
        "rows": metrics.ranking(labels, out_of_fold[row_to_unique]),
        "unique_requests_per_fold": {
            key: {"mean": float(np.mean([f[key] for f in per_fold])), "std": float(np.std([f[key] for f in per_fold]))}
            for key in per_fold[0]},
    }
    print(f"cross-validation (unique requests): {results['cross_validation']['unique_requests']}", flush=True)
    print(f"test (unique requests): {results['test']}", flush=True)
    print(f"test (rows): {results['test_rows']}", flush=True)
    for name, entry in results["test_at_validation_thresholds"].items():
        print(f"test at validation threshold {name} ({entry['threshold']:.6f}): {entry['confusion']} "
              f"FPR={entry['fpr']:.5f} TPR={entry['tpr']:.4f}", flush=True)

    origin = provenance.commit(REPO)
    data_files = {name: provenance.sha256(args.csic_dir / name) for name in dataset.CSIC_FILES}
    data_files.update({str(path): provenance.sha256(path) for path in args.jsonl})
    metadata = {
        "feature_schema": schema,
        "feature_count": feature_count,
        "model_name": "content-v1-logistic-regression",
        "training_date": origin["date"],
        "git_commit": origin["commit"] + ("-dirty" if origin["dirty"] else ""),
        "training_data": "; ".join(f"{name} sha256={digest}" for name, digest in data_files.items()),
        "training_split": f"groups by salted sha256 (seed {SEED}): test {split.TEST_PERMILLE / 10:g}%, "
                          f"validation {split.VALIDATION_PERMILLE / 10:g}%, train the rest",
        "regularization_C": f"{c:g}",
        "threshold_fpr_0.1pct": f"{thresholds['fpr_0.1pct']:.9g}",
        "threshold_fpr_1pct": f"{thresholds['fpr_1pct']:.9g}",
        "test_roc_auc": f"{results['test']['roc_auc']:.6f}",
    }
    doc = ("Probability that an HTTP request's method-independent content (path, query, body) is an attack. "
           "Input: the content-v1 feature vector from Gateway.Scoring.Content.ContentFeatureExtractor.")
    onnx_proto = onnx_model.build(w, b, metadata, doc)
    self_check_rows = np.flatnonzero(test_rows)[:4096]
    from_graph = onnx_model.evaluate(onnx_proto, data.features[self_check_rows].toarray())
    graph_error = float(np.max(np.abs(from_graph - probabilities[self_check_rows])))
    # float32 accumulation over ~150 non-zero terms against numpy's float64 reference.
    if graph_error > GRAPH_TOLERANCE:
        raise AssertionError(f"the ONNX graph disagrees with numpy by {graph_error}")

    paths = {key: output_root / relative for key, relative in OUTPUTS.items()}
    paths["model"].parent.mkdir(parents=True, exist_ok=True)
    model_bytes = onnx_proto.SerializeToString()
    paths["model"].write_bytes(model_bytes)
    onnx.checker.check_model(str(paths["model"]), full_check=True)

    reference_rows = reference.pick(data, test_rows, probabilities, SEED)
    reference.write(paths["reference"], data, reference_rows, w, b, schema)

    facts = {
        "schema": schema,
        "feature_count": feature_count,
        "layout": data.summary["layout"],
        "handcrafted_names": data.summary["handcrafted_names"],
        "extraction": data.summary.get("extraction"),
        "sources": data.summary["sources"],
        "seed": SEED,
        "split": split_counts,
        "leak": leak,
        "selection": selection,
        "C": c,
        "thresholds": thresholds,
        "results": results,
        "graph_self_check_max_abs_error": graph_error,
        "metadata": metadata,
        "model_bytes": len(model_bytes),
        "model_sha256": provenance.sha256(paths["model"]),
        "reference_rows": len(reference_rows),
        "data_files": data_files,
        "top_handcrafted": report.top_handcrafted(w, data.summary),
        "test_examples": report.examples(data, unique, repeats, test, probabilities_u, thresholds["fpr_1pct"]),
        "outputs": OUTPUTS,
    }
    report.write_metrics(paths["metrics"], facts)
    report.write_roc(paths["roc"], labels_u[test], probabilities_u[test], results["test_at_validation_thresholds"])
    report.write_card(paths["card"], facts)
    print(f"wrote {paths['model']} ({len(model_bytes)} bytes), metrics, model card and "
          f"{len(reference_rows)} reference rows", flush=True)

    if args.verify:
        differing = [relative for key, relative in OUTPUTS.items()
                     if not filecmp.cmp(paths[key], REPO / relative, shallow=False)]
        if differing:
            print("verify: differs from the committed files: " + ", ".join(differing), file=sys.stderr)
            return 1
        print("verify: every output is byte-identical to the committed files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
