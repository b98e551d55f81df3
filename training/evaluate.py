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

from content_evaluation import costs, figures, markdown, plots, profile, scored, sets  # noqa: E402
from content_training import sources, split  # noqa: E402

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
        beyond_path = generate_beyond(beyond_path.parent)
        scored.run(REPO, args.model.resolve(), args.csic_dir, [synthetic_train, synthetic_eval, beyond_path, guard], export_dir)
    data = scored.load(export_dir)
    roles = {name: "csic" for name in ("normalTrafficTraining.txt.gz", "normalTrafficTest.txt.gz", "anomalousTrafficTest.txt.gz")}
    roles.update({sources.SYNTHETIC_TRAIN: "synthetic", sources.SYNTHETIC_EVAL: "synthetic-eval", BEYOND_NAME: "beyond",
                  sources.GUARD: "guard"})
    side = {"synthetic-eval": sources.side_info(synthetic_eval), "beyond": sources.side_info(beyond_path)}
    eval_sets = sets.build(data, roles, side)

    validation = eval_sets["validation"]
    policy_thresholds = {p.name: costs.choose(p, validation.scores, validation.labels, validation.weights) for p in policies}
    fpr_thresholds = figures.fpr_thresholds(validation)
    results = {name: figures.evaluate(s, policy_thresholds, fpr_thresholds) for name, s in eval_sets.items()}
    profile_note = add_profile_sets(args, data, eval_sets, roles, results, policy_thresholds)

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
        "profile_note": profile_note,
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


def add_profile_sets(args, data, eval_sets, roles, results, policy_thresholds) -> str:
    """CSIC with an application profile learned from the normal requests of CSIC's training split
    (training/content_evaluation/profile.py says how it is learned and combined)."""
    role = np.array([roles.get(row["source"], "other") for row in data.meta])
    masks = split.assign(data.groups, sets.SEED)
    learn_rows = profile.learning_rows(data.meta, (role == "csic") & masks["train"] & (data.labels == 0))
    profile_dir = args.work_dir / "profile"
    profile_dir.mkdir(parents=True, exist_ok=True)
    learn_file, profile_file = profile_dir / "csic-train-normal.jsonl", profile_dir / "csic-shop.profile.json"
    checked_dir = profile_dir / "checked"
    if not args.reuse_scores:
        scored.write_jsonl(learn_rows, learn_file)
        scored.run_plain(REPO, None, [learn_file], ["--learn-profile", profile_file, "--profile-name", "csic-shop"])
        inputs = [args.work_dir / "synthetic" / sources.SYNTHETIC_TRAIN, args.work_dir / "synthetic" / sources.SYNTHETIC_EVAL,
                  args.work_dir / "beyond" / BEYOND_NAME, REPO / sources.GUARD_PATH]
        scored.run_plain(REPO, args.csic_dir, inputs, ["--out", checked_dir, "--measure-rounds", "0", "--skip-matrix",
                                                       "--profile", profile_file])
    risk = np.load(checked_dir / "profile_risk.npy")
    discount = np.load(checked_dir / "profile_content_discount.npy").astype(np.float64)
    if len(risk) != len(data.scores) or len(discount) != len(data.scores):
        raise ValueError("the profile's files and scores.npy disagree on the number of rows")
    combined = profile.combine(data.scores, risk, discount)
    test = eval_sets["csic_test"]
    title = "CSIC 2010 test split, content model + CSIC application profile (learned from the training split's normal requests)"
    eval_sets["csic_test_profile"] = sets.EvalSet("csic_test_profile", title, combined[test.rows], test.labels, test.weights, test.rows)
    v_rows, v_weights = sets.unique_requests((role == "csic") & masks["validation"], data.groups, data.labels)
    v = sets.EvalSet("v", "", combined[v_rows], data.labels[v_rows], v_weights, v_rows)
    results["csic_test_profile"] = figures.evaluate(eval_sets["csic_test_profile"], policy_thresholds, figures.fpr_thresholds(v))
    results["csic_test_profile"]["policies"] = profile.gateway_policies(
        data.scores[test.rows], risk[test.rows], discount[test.rows], test.labels, test.weights, policy_thresholds)
    results["csic_test_profile"]["note"] = (
        "thresholds for the FPR columns chosen on CSIC validation groups scored the same way. Its policy rows are "
        "the gateway's decisions: content placed on the risk scale by the policy's content thresholds, the "
        "profile's finding beside it, and the default risk thresholds 0.5 / 0.85 (a finding of 0.6 or more alone "
        "challenges)")
    vouched = discount > 0
    default_discount = float(discount[vouched].max()) if vouched.any() else 0.0
    table = profile.discount_table(data.scores, risk, vouched, {
        "CSIC validation (chooses)": (v_rows, data.labels[v_rows]),
        "CSIC test": (test.rows, test.labels)})
    csic = role == "csic"
    elsewhere = ~csic & ((risk > 0) | vouched)
    return "\n".join([
        f"The CSIC profile was learned from {len(learn_rows):,} normal requests of CSIC's training split "
        f"({len({(r['target'], r['body']) for r in learn_rows}):,} distinct; each counted as often as it was sent, "
        f"not once per GET/POST copy). It vouched for {int((vouched & csic).sum()):,} of CSIC's {int(csic.sum()):,} requests "
        f"(every field known and inside its learned shapes); on the {int((~csic).sum()):,} requests of other applications "
        f"it said something about {int(elsewhere.sum())} (it speaks only for its own path prefixes).",
        "",
        f"Where the profile vouches for a request the gateway takes log-odds off the content probability "
        f"(`Protection:Profiles:NAME:ConformingContentDiscount`, default {default_discount:g}). Validation's ranking "
        "improves with the discount, steeply up to 2 and only marginally beyond (table below). "
        f"With the default policy's block threshold at {policy_thresholds['default']['block']:g}, a content verdict of 0.9999 "
        f"still reaches it under any whole discount up to {profile.largest_discount_keeping(0.9999, policy_thresholds['default']['block'])}; "
        "the default stays at 2 because a larger one buys CSIC little and weakens the content model on every field a "
        "profile accepts broadly (free text), which CSIC does not test.",
        "", *table])


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
