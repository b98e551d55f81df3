"""Training pipeline for the request-content model (see training/README.md)."""
