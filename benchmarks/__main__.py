"""``make bench``: run every benchmark in turn."""

from benchmarks import pages

BENCHMARKS = [pages]

for benchmark in BENCHMARKS:
    benchmark.main()
