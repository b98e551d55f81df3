#!/usr/bin/python3
"""Generates labelled HTTP requests (benign traffic of many kinds of apps, and attacks in the same
shapes) as JSONL for tools/Gateway.FeatureExport: a TRAIN file and a held-out EVAL file built from
disjoint halves of every word, path-template and payload list. See training/synthetic/README.md.

    /usr/bin/python3 training/synthetic/generate_requests.py --out-dir training/out/synthetic

Deterministic: the same seed and code give the same bytes. No network, standard library only.
"""
import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_requests import encoding  # noqa: E402
from synthetic_requests.attacks import FAMILIES, Attacks  # noqa: E402
from synthetic_requests.benign import Benign  # noqa: E402
from synthetic_requests.pools import EVAL, TRAIN, Pools, generator  # noqa: E402
from synthetic_requests.vocabulary import Values, Vocabulary  # noqa: E402

SEED = 20240917
COUNTS = {TRAIN: (26000, 30000), EVAL: (8000, 10000)}  # (benign, attack)
FIELDS = ("method", "path", "query", "headers", "body", "label", "family", "technique", "location", "encoding")


def generate(seed: int, part: str, benign_count: int, attack_count: int) -> tuple:
    pools = Pools(seed, part)
    vocabulary = Vocabulary(pools)
    benign = Benign(pools, vocabulary)
    attacks = Attacks(pools, benign, vocabulary)
    rng = generator(seed, part)
    values = Values(vocabulary, rng)
    rows = []
    for _ in range(benign_count):
        kind, draft = benign.build(values)
        style = rng.choice(encoding.BENIGN_STYLES)
        rows.append(draft.render(style, rng, 0, family="benign", technique=kind, location="", encoding=style))
    for i in range(attack_count):
        rows.append(attacks.build(values, FAMILIES[i % len(FAMILIES)]))
    rng.shuffle(rows)
    return [{key: row[key] for key in FIELDS} for row in rows], pools.sizes


def request_key(row: dict) -> tuple:
    return row["method"], row["path"], row["query"], row["body"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out-dir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    summary = {"seed": args.seed, "files": {}}
    keys = {}
    for part, (benign_count, attack_count) in COUNTS.items():
        rows, sizes = generate(args.seed, part, benign_count, attack_count)
        path = args.out_dir / f"synthetic-{part}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        keys[part] = {request_key(row) for row in rows}
        counts = collections.Counter((row["family"], row["technique"]) for row in rows)
        summary["files"][path.name] = {
            "rows": len(rows), "unique_requests": len(keys[part]),
            "per_family": dict(sorted(collections.Counter(row["family"] for row in rows).items())),
            "per_technique": {f"{family}/{technique}": n for (family, technique), n in sorted(counts.items())},
            "list_sizes": {name: list(size) for name, size in sorted(sizes.items())},
        }
        print(f"wrote {path}: {len(rows)} rows ({benign_count} benign, {attack_count} attacks)")
    overlap = keys[TRAIN] & keys[EVAL]
    summary["identical_requests_in_both_files"] = len(overlap)
    summary["identical_examples"] = sorted(" ".join(k[:3]) for k in overlap)[:20]
    (args.out_dir / "synthetic-summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"{len(overlap)} requests are identical in both files (e.g. 'GET /'); evaluation drops them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
