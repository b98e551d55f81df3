#!/usr/bin/python3
"""Evaluates a content model and writes the report under docs/evaluation/:

  report.md     summary, targets, thresholds by cost per policy, confusion matrices, per family, examples
  roc.png       ROC curves (log false-positive axis), one per set
  pr.png        precision-recall curves
  metrics.json  every figure

Every request is scored through the gateway's own extractor, scorer and ONNX Runtime
(tools/Gateway.FeatureExport --score), so the report says what the gateway would answer.
Run with /usr/bin/python3 (numpy, scikit-learn, matplotlib); see training/README.md.
"""
import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_evaluation import costs, figures, markdown, plots, scored, sets  # noqa: E402
from content_training import sources  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BEYOND_GENERATOR = REPO / "training" / "eval" / "beyond_csic" / "generate.py"
BEYOND_NAME = "beyond-csic.jsonl"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=REPO / "src" / "Gateway" / "assets" / "model" / "content-model.onnx")
    parser.add_argument("--csic-dir", type=Path, default=REPO.parent / "shared" / "data" / "csic2010")
    parser.add_argument("--work-dir", type=Path, default=REPO / "training" / "out" / "evaluation")
    parser.add_argument("--out-dir", type=Path, default=REPO / "docs" / "evaluation")
    parser.add_argument("--policies", type=Path, default=REPO / "training" / "eval" / "policies.json")
    parser.add_argument("--reuse-scores", action="store_true", help="skip generation and scoring, reuse --work-dir")
    return parser.parse_args()


def generate_beyond(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(BEYOND_GENERATOR), "--out", str(out_dir / BEYOND_NAME)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, cwd=REPO, check=True)
    return out_dir / BEYOND_NAME


def main() -> int:
    args = parse_arguments()
    policies = costs.load(json.loads(args.policies.read_text(encoding="utf-8")))
    synthetic_dir = args.work_dir / "synthetic"
    export_dir = args.work_dir / "scored"
    beyond_path = args.work_dir / "beyond" / BEYOND_NAME
    synthetic_train = synthetic_dir / sources.SYNTHETIC_TRAIN
    synthetic_eval = synthetic_dir / sources.SYNTHETIC_EVAL
    guard = REPO / sources.GUARD_PATH
    if not args.reuse_scores:
        synthetic_train, synthetic_eval = sources.generate_synthetic(REPO, synthetic_dir)
        beyond_path = generate_beyond(beyond_path.parent) if BEYOND_GENERATOR.exists() else None
        extra = [beyond_path] if beyond_path else []
        scored.run(REPO, args.model.resolve(), args.csic_dir, [synthetic_train, synthetic_eval, *extra, guard], export_dir)
    data = scored.load(export_dir)
    roles = {name: "csic" for name in ("normalTrafficTraining.txt.gz", "normalTrafficTest.txt.gz", "anomalousTrafficTest.txt.gz")}
    roles.update({sources.SYNTHETIC_TRAIN: "synthetic", sources.SYNTHETIC_EVAL: "synthetic-eval", BEYOND_NAME: "beyond",
                  sources.GUARD: "guard"})
    side = {"synthetic-eval": sources.side_info(synthetic_eval)}
    if beyond_path and beyond_path.exists():
        side["beyond"] = sources.side_info(beyond_path)
    eval_sets = sets.build(data, roles, side)

    validation = eval_sets["validation"]
    policy_thresholds = {p.name: costs.choose(p, validation.scores, validation.labels, validation.weights) for p in policies}
    fpr_thresholds = figures.fpr_thresholds(validation)
    results = {name: figures.evaluate(s, policy_thresholds, fpr_thresholds) for name, s in eval_sets.items()}

    args.out_dir.mkdir(parents=True, exist_ok=True)
    shown = [s for name, s in eval_sets.items() if name not in ("validation", "regression")]
    plots.roc(shown, args.out_dir / "roc.png")
    plots.precision_recall(shown, args.out_dir / "pr.png")
    context = {
        "model_path": str(args.model.resolve().relative_to(REPO)) if args.model.resolve().is_relative_to(REPO) else str(args.model),
        "model_sha256": hashlib.sha256(args.model.read_bytes()).hexdigest(),
        "schema": data.summary["feature_schema"],
        "commit": subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip(),
        "results": results, "sets": eval_sets, "policies": policies, "policy_thresholds": policy_thresholds,
        "examples": worst_examples(eval_sets, data, policy_thresholds["default"]),
    }
    (args.out_dir / "report.md").write_text(markdown.render(context), encoding="utf-8")
    (args.out_dir / "metrics.json").write_text(json.dumps(
        {"model_sha256": context["model_sha256"], "policy_thresholds": policy_thresholds,
         "validation_fpr_thresholds": fpr_thresholds, "results": results}, indent=1, sort_keys=True, default=float) + "\n",
        encoding="utf-8")
    for name, r in results.items():
        print(f"{name:15s} unique={r['unique_requests']:6d} attacks={r['attacks']:6d} "
              f"auc={r['ranking_unique'].get('roc_auc', float('nan')):.4f}")
    print(f"policy thresholds: {policy_thresholds}")
    print(f"wrote {args.out_dir / 'report.md'}")
    return 0


def worst_examples(eval_sets: dict, data, default_policy: dict, count: int = 6) -> dict:
    out = {}
    for name in ("csic_test", "beyond_csic", "synthetic_eval"):
        if name not in eval_sets:
            continue
        s = eval_sets[name]
        items = []
        benign = np.flatnonzero(s.labels == 0)
        attacks = np.flatnonzero(s.labels == 1)
        for kind, chosen in (("benign", benign[np.argsort(-s.scores[benign], kind="stable")][:count]),
                             ("attack", attacks[np.argsort(s.scores[attacks], kind="stable")][:count])):
            for i in chosen:
                row = data.meta[s.rows[i]]
                text = row["method"] + " " + row["target"] + (" body: " + row["body"] if row["body"] else "")
                family = s.family[i] if s.family is not None else ""
                items.append((kind, text, family, float(s.scores[i])))
        out[name] = items
    return out


if __name__ == "__main__":
    sys.exit(main())
