"""Presenters of a run's results; each consumes `Run` and writes a string, nothing else."""
