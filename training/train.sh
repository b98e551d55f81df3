#!/usr/bin/env bash
# Trains the content model end to end; see training/README.md. Arguments go to train_content_model.py
# (e.g. --verify, --reuse-export, --jsonl extra.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
# The system Python carries scikit-learn, numpy, scipy, onnx and matplotlib; a pyenv "python3" may not.
exec /usr/bin/python3 training/train_content_model.py "$@"
