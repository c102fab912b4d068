"""Per-sentence and per-document quality scores."""
