"""Benchmarks of matrix: seeded plans (:mod:`bench.gen`) and ``make bench`` (:mod:`bench.__main__`)."""
