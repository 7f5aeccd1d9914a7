"""A dump spooled into a temporary SQLite file before anything is written to Peerdesk.

Why spool: in ``Posts.xml`` an answer can come years (and gigabytes) after its question,
yet a thread must be written whole, question and answers in one transaction. Holding the
dump in memory would not scale, so each row goes to a private SQLite file as it is read,
and threads are then read back one at a time, grouped by question. Spooling also reads
every file of the dump to the end first, so a malformed file stops the import before a
single row is written.

Links are merged here too: one row per pair of questions, a duplicate winning over a
plain "related" link (the page lists each linked question once).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path

from community.importers import stackexchange as se
from community.importers.stackexchange import Dump, DumpError, DumpPost

CHUNK = 1000
SCHEMA = """
CREATE TABLE posts (id INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL, type INTEGER NOT NULL,
                    data TEXT NOT NULL);
CREATE INDEX posts_by_thread ON posts (thread_id, type, id);
CREATE TABLE links (post_id INTEGER, related_id INTEGER, low INTEGER, high INTEGER,
                    duplicate INTEGER);
CREATE TABLE tags (name TEXT PRIMARY KEY);
"""


@dataclass
class Group:
    """A question with its answers, or answers whose question is not in this dump."""

    question_id: int
    question: DumpPost | None
    answers: list[DumpPost] = field(default_factory=list)


class Staging:
    def __init__(self, dump: Dump, directory: Path) -> None:
        self.dump = dump
        self.skipped = 0  # posts that are neither questions nor answers
        self._db = sqlite3.connect(directory / f"{dump.site}-{id(self)}.sqlite")
        self._db.executescript(SCHEMA)

    def load(self) -> Staging:
        self._load_posts()
        self._insert("INSERT INTO links VALUES (?, ?, ?, ?, ?)",
                     ((post, related, min(post, related), max(post, related),
                       int(kind == se.DUPLICATE))
                      for post, related, kind in se.links(self.dump) if post != related))
        self._insert("INSERT OR IGNORE INTO tags VALUES (?)",
                     ((name,) for name in se.tag_names(self.dump)))
        self._db.commit()
        return self

    def close(self) -> None:
        self._db.close()

    def _load_posts(self) -> None:
        def staged() -> Iterator[tuple]:
            for row in se.rows(self.dump.posts):
                post = se.post_from(row, self.dump.posts)
                if post is None:
                    self.skipped += 1
                    continue
                thread_id = post.id if post.type == se.QUESTION else post.parent_id
                yield post.id, thread_id, post.type, _encode(post)

        try:
            self._insert("INSERT INTO posts VALUES (?, ?, ?, ?)", staged())
        except sqlite3.IntegrityError as error:
            raise DumpError(f"{self.dump.posts}: a post Id appears twice ({error}).") from error

    def _insert(self, statement: str, values: Iterator[tuple]) -> None:
        batch = []
        for value in values:
            batch.append(value)
            if len(batch) >= CHUNK:
                self._db.executemany(statement, batch)
                batch = []
        if batch:
            self._db.executemany(statement, batch)

    # --- reading back -------------------------------------------------------------------

    def thread_count(self, limit: int | None = None) -> int:
        if limit is not None:
            questions = self._db.execute("SELECT count(*) FROM posts WHERE type = ?",
                                         (se.QUESTION,)).fetchone()[0]
            return min(limit, questions)
        return self._db.execute("SELECT count(DISTINCT thread_id) FROM posts").fetchone()[0]

    def groups(self, limit: int | None = None) -> Iterator[Group]:
        """Threads in question order. With ``limit``, only the first questions and their
        answers; without, also answers whose question is not in the dump."""
        if limit is None:
            cursor = self._db.execute("SELECT thread_id, data FROM posts "
                                      "ORDER BY thread_id, type, id")
        else:
            cursor = self._db.execute(
                "SELECT thread_id, data FROM posts WHERE thread_id IN "
                "(SELECT id FROM posts WHERE type = ? ORDER BY id LIMIT ?) "
                "ORDER BY thread_id, type, id", (se.QUESTION, limit))
        for thread_id, rows in groupby(cursor, key=lambda row: row[0]):
            posts = [_decode(data) for _thread_id, data in rows]
            question = posts[0] if posts[0].type == se.QUESTION else None
            yield Group(thread_id, question, posts[1:] if question else posts)

    def links(self) -> Iterator[tuple[int, int, str]]:
        """One link per pair of posts: a duplicate (the duplicate first, the original
        second) wins over a related link, whose direction does not matter."""
        cursor = self._db.execute(
            "SELECT post_id, related_id, max(duplicate) FROM links GROUP BY low, high "
            "ORDER BY low, high")
        for post_id, related_id, duplicate in cursor:
            yield post_id, related_id, se.DUPLICATE if duplicate else se.RELATED

    def tag_names(self) -> list[str]:
        return [name for (name,) in self._db.execute("SELECT name FROM tags ORDER BY name")]


def _encode(post: DumpPost) -> str:
    return json.dumps(asdict(post), default=lambda value: value.isoformat())


def _decode(data: str) -> DumpPost:
    values = json.loads(data)
    for name in ("created", "last_activity", "closed"):
        if values[name] is not None:
            values[name] = datetime.fromisoformat(values[name])
    values["tags"] = tuple(values["tags"])
    return DumpPost(**values)
