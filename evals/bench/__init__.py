"""Benchmarks: every figure is measured against a baseline taken in the same run, on this machine."""
