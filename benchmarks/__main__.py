"""``make bench``: run every benchmark in turn."""

from benchmarks import pages, thread_page

BENCHMARKS = [pages, thread_page]

for benchmark in BENCHMARKS:
    benchmark.main()
