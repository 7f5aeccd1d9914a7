"""``make bench``: run every benchmark in turn.

The search benchmark indexes ``BENCH_SEARCH_POSTS`` posts here, 20,000 unless set: its
full 100,000 (the figures in docs/benchmarks.md) take about 20 minutes on two cores. Run
``BENCH_SEARCH_POSTS=100000 make bench``, or ``python -m benchmarks.search``, for those.
"""

import os
from functools import partial

from benchmarks import listen, moderation, pages, relevance, search, sweep

SEARCH_POSTS = os.environ.get("BENCH_SEARCH_POSTS", "20000")

BENCHMARKS = [partial(pages.main, []), moderation.main, partial(listen.main, []),
              partial(sweep.main, []), partial(relevance.main, []),
              partial(search.main, ["--posts", SEARCH_POSTS])]

for benchmark in BENCHMARKS:
    benchmark()
