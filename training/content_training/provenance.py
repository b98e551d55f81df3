"""Where a model came from: code commit, data hashes and a reproducible date."""
import datetime
import hashlib
import subprocess
from pathlib import Path

# What decides the model: the feature code, the exporter and the training code. The model names the
# last commit that touched these, not HEAD, so that committing the model itself (or editing docs, or
# the evaluation, which only reads the model) does not change what a re-run writes.
TRAINING_INPUTS = (
    "src/Gateway.Scoring/Content",
    "tools/Gateway.FeatureExport",
    "training",
    ":(exclude)training/*.md",
    ":(exclude)tools/Gateway.FeatureExport/ProfileCommands.cs",
    ":(exclude)training/evaluate.py",
    ":(exclude)training/evaluate.sh",
    ":(exclude)training/content_evaluation",
    ":(exclude)training/eval",
    ":(exclude)training/experiments",
)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path) -> dict:
    last = git(repo, "log", "-1", "--format=%H %cI", "--", *TRAINING_INPUTS).split()
    dirty = git(repo, "status", "--porcelain", "--untracked-files=all", "--", *TRAINING_INPUTS) != ""
    return {
        "commit": last[0],
        "dirty": dirty,
        # The commit's date, not the wall clock: the same code then gives the same file, byte for byte.
        "date": datetime.datetime.fromisoformat(last[1])
        .astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
