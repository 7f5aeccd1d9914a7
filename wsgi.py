"""The WSGI entry point: ``gunicorn wsgi:app`` and ``flask --app wsgi ...``.

A web server never migrates, so only the ``flask`` command loads Alembic (10 MB a
process): ``flask --app wsgi db upgrade`` works, a gunicorn worker stays smaller.

Before anything is allocated, glibc's malloc gets fixed thresholds. By default it raises
its mmap threshold each time a large block is freed, so later large blocks (a search's
word lists and arrays, a rendered page) come from the heap and stay in the worker's
resident memory after they are freed: about 20 MB a worker after the first searches.
"""

import ctypes
import os

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
FIXED_THRESHOLD = 128 * 1024  # glibc's own starting value


def _return_freed_memory() -> None:
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to tune
        return
    mallopt(M_MMAP_THRESHOLD, FIXED_THRESHOLD)
    mallopt(M_TRIM_THRESHOLD, FIXED_THRESHOLD)


_return_freed_memory()

from app import create_app  # noqa: E402 - after the allocator is tuned

app = create_app({"MIGRATIONS": os.environ.get("FLASK_RUN_FROM_CLI") == "true"})
