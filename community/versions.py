"""``categories.version``: what the pages that list threads and articles are tagged with.

The home page, a product area's lists, the knowledge-base index and an article's
"related" list show many threads and articles at once, so their ETag and page-cache key
(:mod:`community.page_cache`) are the versions of all categories. A category's version
goes up, and its ``changed_at`` moves, whenever one of its threads is created, deleted,
moved or changes ``version`` (which every visible change bumps), and whenever one of its
articles changes anything but its view count. Database triggers keep it, not the
services, because threads change version in a dozen places, some of them bulk
``UPDATE`` statements (archiving, imports, claims) that no ORM hook sees; a trigger cannot
be forgotten by the next writer. Counting views never fires them (the columns named in
``UPDATE OF`` leave ``view_count`` out), so reading a page never empties a cache.

The same statements are in migration 0014; tests create tables with ``create_all``, which
runs them through :func:`keep_category_version`.
"""

from __future__ import annotations

from sqlalchemy import DDL, Table, event

SQLITE_BUMP = ("UPDATE categories SET version = version + 1, changed_at = CURRENT_TIMESTAMP"
               " WHERE id IN ({ids});")
SQLITE_TRIGGERS = (
    ("inserted", "INSERT", "NEW.category_id"),
    ("updated", "UPDATE OF {columns}", "NEW.category_id, OLD.category_id"),
    ("deleted", "DELETE", "OLD.category_id"),
)

POSTGRESQL_FUNCTION = """
CREATE OR REPLACE FUNCTION bump_category_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE categories SET version = version + 1, changed_at = now() AT TIME ZONE 'utc'
    WHERE id = OLD.category_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.category_id <> OLD.category_id) THEN
    UPDATE categories SET version = version + 1, changed_at = now() AT TIME ZONE 'utc'
    WHERE id = NEW.category_id;
  END IF;
  RETURN NULL;
END $$;
"""

POSTGRESQL_TRIGGER = """
CREATE TRIGGER {table}_category_version
AFTER INSERT OR DELETE OR UPDATE OF {columns} ON {table}
FOR EACH ROW EXECUTE FUNCTION bump_category_version();
"""

THREAD_COLUMNS = ("version", "category_id")
ARTICLE_COLUMNS = ("status", "current_revision_id", "category_id", "slug", "language",
                   "helpful_yes", "helpful_no", "updated_at", "published_at")


def statements(dialect: str, table: str, columns: tuple[str, ...]) -> list[str]:
    """The SQL that keeps ``categories.version`` for ``table``, one statement each."""
    names = ", ".join(columns)
    if dialect == "postgresql":
        return [POSTGRESQL_FUNCTION, POSTGRESQL_TRIGGER.format(table=table, columns=names)]
    return [f"CREATE TRIGGER {table}_version_{name} AFTER {when.format(columns=names)}"
            f" ON {table} BEGIN {SQLITE_BUMP.format(ids=ids)} END"
            for name, when, ids in SQLITE_TRIGGERS]


def keep_category_version(table: Table, columns: tuple[str, ...]) -> None:
    """Create the triggers with ``table`` (``create_all``), on SQLite or PostgreSQL."""
    for dialect in ("sqlite", "postgresql"):
        for statement in statements(dialect, table.name, columns):
            event.listen(table, "after_create", DDL(statement).execute_if(dialect=dialect))
