"""Whoosh searchers kept open between queries: opening the index and its segments costs
more than a short query. A small pool hands each searcher to one thread at a time and
renews it once the index has changed: a write commits a new table of contents (its
generation goes up), a rebuild swaps in a directory with a new random build id.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import scoring
from whoosh.searching import Searcher

IDLE_SEARCHERS = 4
TOC = re.compile(r"_MAIN_(\d+)\.toc")  # Whoosh's table of contents, one per commit
BUILD_ID = "BUILD"  # the file holding a rebuilt index's random id


class SearcherPool:
    def __init__(self, path: Path, open_index: Callable) -> None:
        self.path = path
        self._open_index = open_index  # the index, or None (missing, or from an older version)
        self._idle: list[tuple[tuple[str, int], Searcher]] = []
        self._lock = threading.Lock()

    @contextmanager
    def searcher(self) -> Iterator[Searcher | None]:
        """An open searcher on the index as it is now (None when there is no index)."""
        try:
            version = _version(self.path)
        except FileNotFoundError:
            yield None
            return
        searcher = self._take(version)
        if searcher is None:
            ix = self._open_index()
            if ix is None:
                yield None
                return
            searcher = ix.searcher(weighting=scoring.BM25F())
        try:
            yield searcher
        except BaseException:
            searcher.close()  # never pooled in an unknown state
            raise
        self._give_back(version, searcher)

    def _take(self, version: tuple[str, int]) -> Searcher | None:
        with self._lock:
            stale = [s for v, s in self._idle if v != version]
            fresh = [(v, s) for v, s in self._idle if v == version]
            self._idle = fresh[:-1]
        for searcher in stale:
            searcher.close()
        return fresh[-1][1] if fresh else None

    def _give_back(self, version: tuple[str, int], searcher: Searcher) -> None:
        with self._lock:
            if len(self._idle) < IDLE_SEARCHERS:
                self._idle.append((version, searcher))
                return
        searcher.close()


def _version(path: Path) -> tuple[str, int]:
    """What changes when the index does: the build (each rebuild leaves a new random id
    in its directory) and the generation of its table of contents (one per commit)."""
    with os.scandir(path) as entries:
        generations = [int(match.group(1)) for entry in entries
                       if (match := TOC.fullmatch(entry.name))]
    try:
        build = (path / BUILD_ID).read_text()
    except FileNotFoundError:
        build = ""  # built by writes alone, never rebuilt
    return build, max(generations, default=-1)
