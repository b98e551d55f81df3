#!/usr/bin/python3
"""Trains the request-content model on CSIC 2010 plus synthetic traffic of many kinds of apps, and writes:

  src/Gateway/assets/model/content-model.onnx   the model (ONNX, written by hand; sparse input layout)
  tests/fixtures/model/content-model-dense.onnx the same weights with the dense input layout
  src/Gateway/assets/model/metrics.json         held-out metrics, beyond-CSIC figures and thresholds
  docs/model-v11.md, docs/model-v11-roc.png       model card
  tests/fixtures/model/reference.jsonl          held-out requests with numpy's probabilities

Run from anywhere with /usr/bin/python3 (sklearn, numpy, onnx); see training/README.md.
"""
import argparse
import filecmp
import sys
from pathlib import Path

import numpy as np
import onnx

from content_training import (dataset, generalization, metrics, model, onnx_model, prepare, provenance, reference,
                              report, sources, split)

REPO = Path(__file__).resolve().parents[1]
SEED = 2010
GRAPH_TOLERANCE = 1e-4
FPR_TARGETS = {"fpr_0.1pct": 0.001, "fpr_1pct": 0.01}
OUTPUTS = {
    "model": "src/Gateway/assets/model/content-model.onnx",
    "dense_model": "tests/fixtures/model/content-model-dense.onnx",
    "metrics": "src/Gateway/assets/model/metrics.json",
    "card": "docs/model-v11.md",
    "roc": "docs/model-v11-roc.png",
    "reference": "tests/fixtures/model/reference.jsonl",
}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csic-dir", type=Path, default=REPO.parent / "shared" / "data" / "csic2010")
    parser.add_argument("--jsonl", type=Path, action="append", default=[],
                        help="extra labelled requests (JSONL) to train on; changes the model, so documents must say so")
    parser.add_argument("--export-dir", type=Path, default=REPO / "training" / "out" / "export")
    parser.add_argument("--synthetic-dir", type=Path, default=REPO / "training" / "out" / "synthetic")
    parser.add_argument("--reuse-export", action="store_true", help="skip the C# export, use --export-dir as is")
    parser.add_argument("--output-root", type=Path, default=REPO, help="where the output tree is written")
    parser.add_argument("--verify", action="store_true",
                        help="train into training/out/verify and compare byte for byte with the committed outputs")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    output_root = REPO / "training" / "out" / "verify" if args.verify else args.output_root
    synthetic_train, synthetic_eval = sources.generate_synthetic(REPO, args.synthetic_dir)
    guard_path = REPO / sources.GUARD_PATH
    jsonl = [synthetic_train, synthetic_eval, guard_path] + list(args.jsonl)
    if not args.reuse_export:
        dataset.run_export(REPO, args.csic_dir, jsonl, args.export_dir)
    data = dataset.load(args.export_dir)
    schema, feature_count = data.summary["feature_schema"], data.summary["feature_count"]
    labels, groups = data.labels, data.groups
    prepared = prepare.prepare(data, SEED)
    origin, trainable, unique = prepared.origin, prepared.trainable, prepared.unique
    row_to_unique, repeats, origin_u = prepared.row_to_unique, prepared.repeats, prepared.origin_u
    row_masks, masks, weights = prepared.row_masks, prepared.masks, prepared.weights
    synthetic_factor, leak = prepared.synthetic_factor, prepared.leak
    print(f"loaded {data.features.shape[0]} rows x {feature_count} features ({schema}); rows per origin: "
          + ", ".join(f"{name} {int((origin == name).sum())}" for name in np.unique(origin)), flush=True)
    independence = check_guard_independent(synthetic_train, guard_path)
    features_u, labels_u = data.features[unique], labels[unique]
    # Evidence may only raise the risk (see content_training/model.py); n-gram weights are free.
    non_negative = np.arange(feature_count) >= data.summary["layout"]["handcrafted"][0]
    train = masks["train"]
    split_counts = {
        f"{source}/{name}": {
            "unique_requests": int((masks[name] & (origin_u == source)).sum()),
            "unique_attacks": int(labels_u[masks[name] & (origin_u == source)].sum()),
            "rows": int((row_masks[name] & (origin == source)).sum()),
            "attack_rows": int(labels[row_masks[name] & (origin == source)].sum()),
        }
        for source in ("csic", "synthetic", "extra") for name in ("train", "validation", "test")
        if (row_masks[name] & (origin == source)).any()
    }
    print(f"split: {split_counts}; synthetic weight factor {synthetic_factor:.4f}", flush=True)

    validation = masks["validation"]
    validation_sets = {source: validation & (origin_u == source) for source in ("csic", "synthetic")}
    print("selecting C on validation groups:", flush=True)
    chosen, c, selection = model.select(features_u, labels_u, weights, train, validation_sets, non_negative)
    w, b = model.weights(chosen)
    probabilities = model.probability(data.features, w, b)
    probabilities_u = probabilities[unique]

    thresholds = {name: metrics.threshold_for_fpr(labels_u[validation], probabilities_u[validation], target)
                  for name, target in FPR_TARGETS.items()}
    results = {}
    for source in ("csic", "synthetic"):
        test_u = masks["test"] & (origin_u == source)
        test_rows = row_masks["test"] & (origin == source)
        results[source] = {
            "train": metrics.ranking(labels_u[train & (origin_u == source)], probabilities_u[train & (origin_u == source)]),
            "validation": metrics.ranking(labels_u[validation_sets[source]], probabilities_u[validation_sets[source]]),
            "test": metrics.ranking(labels_u[test_u], probabilities_u[test_u]),
            "test_at_validation_thresholds": {
                name: metrics.at_threshold(labels_u[test_u], probabilities_u[test_u], t) for name, t in thresholds.items()},
            "test_at_gateway_thresholds": generalization.at_gateway_thresholds(labels_u[test_u], probabilities_u[test_u]),
            "test_rows": metrics.ranking(labels[test_rows], probabilities[test_rows]),
            "test_rows_at_validation_thresholds": {
                name: metrics.at_threshold(labels[test_rows], probabilities[test_rows], t) for name, t in thresholds.items()},
            "test_rows_at_gateway_thresholds": generalization.at_gateway_thresholds(labels[test_rows], probabilities[test_rows]),
        }
        print(f"{source} test (unique requests): {results[source]['test']}", flush=True)

    print(f"cross-validating C={c:g} over {split.CROSS_VALIDATION_FOLDS} folds of groups:", flush=True)
    folds_u = split.folds(groups, SEED)[unique]
    out_of_fold = model.cross_validated(features_u, labels_u, weights, folds_u, c, non_negative)
    results["cross_validation"] = {"folds": split.CROSS_VALIDATION_FOLDS}
    for source in ("csic", "synthetic"):
        mine = origin_u == source
        per_fold = [metrics.ranking(labels_u[mine & (folds_u == k)], out_of_fold[mine & (folds_u == k)])
                    for k in np.unique(folds_u)]
        results["cross_validation"][source] = {
            "unique_requests": metrics.ranking(labels_u[mine], out_of_fold[mine]),
            "unique_requests_per_fold": {
                key: {"mean": float(np.mean([f[key] for f in per_fold])), "std": float(np.std([f[key] for f in per_fold]))}
                for key in per_fold[0]},
        }
    csic_rows = origin[trainable] == "csic"
    results["cross_validation"]["csic"]["rows"] = metrics.ranking(
        labels[trainable][csic_rows], out_of_fold[row_to_unique][csic_rows])

    beyond = evaluate_beyond_csic(data, origin, groups, labels, probabilities, trainable, synthetic_eval, guard_path)
    eval_curve = beyond.pop("_curve")
    eval_points = beyond["synthetic_eval"]["at_gateway_thresholds"]
    print(f"synthetic EVAL ({beyond['synthetic_eval']['unique_requests']} unique requests): "
          f"{beyond['synthetic_eval']['ranking']}; benign flagged at 0.5: {eval_points['challenge_0.5']['fpr']:.4%}, "
          f"at 0.85: {eval_points['block_0.85']['fpr']:.4%}; attacks caught at 0.85: {eval_points['block_0.85']['tpr']:.4f}", flush=True)
    for family, entry in beyond["synthetic_eval"]["per_family"].items():
        print(f"  {family:10s} n={entry['count']:5d} AUC={entry['roc_auc_vs_benign']:.4f} "
              f"caught@0.5={entry['detected_at_challenge_0.5']:.4f} caught@0.85={entry['detected_at_block_0.85']:.4f}", flush=True)
    failed_guard = [row for row in beyond["guard"] if not row["ok"]]
    for row in failed_guard:
        print(f"  regression table: {'benign' if row['label'] == 0 else 'attack'} at {row['probability']:.4f}: {row['request']}",
              flush=True)

    commit = provenance.commit(REPO)
    data_files = {name: provenance.sha256(args.csic_dir / name) for name in dataset.CSIC_FILES}
    data_files.update({path.name: provenance.sha256(path) for path in jsonl})
    metadata = {
        "feature_schema": schema,
        "feature_count": feature_count,
        "feature_input": onnx_model.SPARSE_LAYOUT,
        "model_name": f"{schema}-logistic-regression",
        "training_date": commit["date"],
        "git_commit": commit["commit"] + ("-dirty" if commit["dirty"] else ""),
        "training_data": "; ".join(f"{name} sha256={digest}" for name, digest in data_files.items()
                                   if name not in (sources.SYNTHETIC_EVAL, sources.GUARD)),
        "training_split": f"groups by salted sha256 (seed {SEED}): test {split.TEST_PERMILLE / 10:g}%, "
                          f"validation {split.VALIDATION_PERMILLE / 10:g}%, train the rest; "
                          f"synthetic rows weighted x{synthetic_factor:.4f} to match CSIC's total",
        "regularization_C": f"{c:g}",
        "evidence_regularization_factor": f"{model.EVIDENCE_C_FACTOR:g}",
        "threshold_fpr_0.1pct": f"{thresholds['fpr_0.1pct']:.9g}",
        "threshold_fpr_1pct": f"{thresholds['fpr_1pct']:.9g}",
        "test_roc_auc": f"{results['csic']['test']['roc_auc']:.6f}",
        "synthetic_eval_roc_auc": f"{beyond['synthetic_eval']['ranking']['roc_auc']:.6f}",
        "synthetic_eval_benign_flagged_at_0.5": f"{eval_points['challenge_0.5']['fpr']:.6f}",
    }
    doc = ("Probability that an HTTP request's method-independent content (path, query, body) is an attack. "
           f"Input: the {schema} feature vector from Gateway.Scoring.Content.ContentFeatureExtractor, ")
    onnx_proto = onnx_model.build(
        w, b, metadata, doc + "as its non-zero entries (feature_index, feature_value), padded with index feature_count and value 0.")
    dense_proto = onnx_model.build_dense(w, b, metadata, doc + "dense.")
    self_check_rows = np.flatnonzero(row_masks["test"])[:4096]
    self_check = data.features[self_check_rows]
    index, value = onnx_model.sparse_inputs(self_check, feature_count)
    from_graph = onnx_model.evaluate(
        onnx_proto, {onnx_model.SPARSE_INDEX: index, onnx_model.SPARSE_VALUE: value})
    from_dense_graph = onnx_model.evaluate(dense_proto, {onnx_model.DENSE_INPUT: self_check.toarray()})
    graph_error = float(max(np.max(np.abs(from_graph - probabilities[self_check_rows])),
                            np.max(np.abs(from_dense_graph - probabilities[self_check_rows]))))
    # float32 accumulation over a few hundred non-zero terms against numpy's float64 reference.
    if graph_error > GRAPH_TOLERANCE:
        raise AssertionError(f"an ONNX graph disagrees with numpy by {graph_error}")

    paths = {key: output_root / relative for key, relative in OUTPUTS.items()}
    paths["model"].parent.mkdir(parents=True, exist_ok=True)
    model_bytes = onnx_proto.SerializeToString()
    paths["model"].write_bytes(model_bytes)
    onnx.checker.check_model(str(paths["model"]), full_check=True)
    paths["dense_model"].parent.mkdir(parents=True, exist_ok=True)
    paths["dense_model"].write_bytes(dense_proto.SerializeToString())
    onnx.checker.check_model(str(paths["dense_model"]), full_check=True)

    reference_rows = reference.pick(
        data, [(row_masks["test"] & (origin == "csic"), 60), ((origin == "synthetic-eval") & ~np.isin(groups, groups[trainable]), 60)],
        probabilities, SEED)
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
        "synthetic_weight_factor": synthetic_factor,
        "leak": leak,
        "selection": selection,
        "C": c,
        "thresholds": thresholds,
        "results": results,
        "beyond_csic": beyond,
        "guard_independent_of_training": independence,
        "graph_self_check_max_abs_error": graph_error,
        "metadata": metadata,
        "model_bytes": len(model_bytes),
        "model_sha256": provenance.sha256(paths["model"]),
        "reference_rows": len(reference_rows),
        "data_files": data_files,
        "top_handcrafted": report.top_handcrafted(w, data.summary),
        "test_examples": report.examples(data, unique, repeats, masks["test"] & (origin_u == "csic"), probabilities_u,
                                         generalization.GATEWAY_THRESHOLDS["challenge_0.5"]),
        "ablation": report.load_ablation(REPO),
        "outputs": OUTPUTS,
    }
    report.write_metrics(paths["metrics"], facts)
    csic_test = masks["test"] & (origin_u == "csic")
    report.write_roc(paths["roc"], {
        "CSIC test (unique requests)": (labels_u[csic_test], probabilities_u[csic_test]),
        "synthetic EVAL (held-out vocabularies and payloads)": eval_curve,
    })
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


def check_guard_independent(synthetic_train: Path, guard_path: Path) -> dict:
    """The regression table must not be a copy of training rows, or it would guard nothing."""
    trained = {sources.request_text(row) for row in sources.side_info(synthetic_train).values()}
    guard = [sources.request_text(row) for row in sources.side_info(guard_path).values()]
    copies = [" ".join(request[:2]) for request in guard if request in trained]
    if copies:
        raise AssertionError(f"{guard_path.name} repeats synthetic training requests: {copies}")
    return {"guard_requests": len(guard), "identical_to_a_training_request": 0}


def evaluate_beyond_csic(data, origin, groups, labels, probabilities, trainable, synthetic_eval: Path, guard_path: Path) -> dict:
    # Only requests the model never saw: EVAL groups that also occur in training (a bare "GET /") are dropped.
    seen = np.isin(groups, np.unique(groups[trainable]))
    eval_rows = np.flatnonzero((origin == "synthetic-eval") & ~seen)
    _, first = np.unique(np.stack([groups[eval_rows], labels[eval_rows].astype(np.int64)], axis=1), axis=0, return_index=True)
    eval_rows = np.sort(eval_rows[first])
    side = sources.side_info(synthetic_eval)
    info = [side[data.meta[i]["line"]] for i in eval_rows]
    families = np.array([row["family"] for row in info])
    techniques = np.array([row["technique"] for row in info])
    y, p = labels[eval_rows], probabilities[eval_rows]
    texts = [_text(data.meta[i]) for i in eval_rows]
    guard_rows = np.flatnonzero(origin == "guard")
    guard_side = sources.side_info(guard_path)
    guard = generalization.guard_table(
        [{"text": _text(data.meta[i]), "note": guard_side[data.meta[i]["line"]]["note"], "label": int(labels[i])}
         for i in guard_rows], probabilities[guard_rows])
    return {
        "synthetic_eval": {
            "rows": int((origin == "synthetic-eval").sum()),
            "dropped_as_seen_in_training": int(((origin == "synthetic-eval") & seen).sum()),
            "unique_requests": int(len(eval_rows)),
            "unique_attacks": int(y.sum()),
            "ranking": metrics.ranking(y, p),
            "at_gateway_thresholds": generalization.at_gateway_thresholds(y, p),
            "per_family": generalization.per_family(y, p, families, techniques),
            "benign_kinds": generalization.benign_kinds(y, p, techniques),
            "examples": generalization.examples(texts, y, p),
        },
        "guard": guard,
        "_curve": (y, p),
    }


def _text(meta: dict) -> str:
    return meta["method"] + " " + meta["target"] + (" body: " + meta["body"] if meta["body"] else "")


if __name__ == "__main__":
    sys.exit(main())
