"""Benchmarks of spkg against the fastest peers: `python -m bench` (see bench/runner.py)."""
