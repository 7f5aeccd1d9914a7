"""The writer a Whoosh reindex uses: on two processes for a large index.

Analysis is most of a reindex's time, and Whoosh's ``MpWriter`` runs it in child
processes, each writing a segment of its own (``multisegment``: no final merge). As
shipped it hangs instead of failing: ``cancel()`` leaves its children waiting for work,
and a child that died leaves the parent blocked on a full job queue. Here the children
are daemons, stopped on cancel, and the parent checks them while it waits, so a reindex
that goes wrong stops with an error and leaves the live index as it was.
"""

from __future__ import annotations

import os
import pickle
import queue

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

# A reindex of this many documents or more writes on two processes; below, starting
# them costs more than it saves.
PARALLEL_FROM = 5_000
WRITER_MB = 256
WAIT_S = 1.0


def rebuild_writer(ix, expected: int):
    processes = min(2, os.cpu_count() or 1) if expected >= PARALLEL_FROM else 1
    if processes > 1:
        return ParallelWriter(ix, procs=processes, multisegment=True, limitmb=WRITER_MB)
    return ix.writer(limitmb=WRITER_MB)


class ParallelWriter(MpWriter):
    def _new_task(self):
        task = SubWriterTask(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                             self.subargs, self.multisegment)
        task.daemon = True  # never outlives the reindex
        self.tasks.append(task)
        task.start()
        return task

    def _enqueue(self):
        """Hand the buffered documents to a child, as MpWriter does, but never wait for
        a child that is gone."""
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as file:
            for item in self.docbuffer:
                pickle.dump(item, file, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        job = (filename, len(self.docbuffer))
        while True:
            self._check_children()
            try:
                self.jobqueue.put(job, timeout=WAIT_S)
                break
            except queue.Full:
                continue
        self.docbuffer = []

    def _check_children(self) -> None:
        stopped = [task.exitcode for task in self.tasks if not task.is_alive()]
        if stopped:
            raise RuntimeError(f"A process writing the search index stopped (exit code "
                               f"{stopped[0]}); the reindex is abandoned.")

    def cancel(self):
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join(timeout=10)
        SegmentWriter.cancel(self)
