#!/usr/bin/env bash
# Evaluates the content model and writes docs/evaluation/ (report.md, roc.png, pr.png, metrics.json).
# Arguments go to training/evaluate.py (e.g. --model other.onnx, --reuse-scores).
set -euo pipefail
cd "$(dirname "$0")/.."
# The system Python carries scikit-learn, numpy and matplotlib; a pyenv "python3" may not.
exec /usr/bin/python3 training/evaluate.py "$@"
