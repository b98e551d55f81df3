"""Evaluation of a content model through the gateway's own scorer; see training/evaluate.py."""
