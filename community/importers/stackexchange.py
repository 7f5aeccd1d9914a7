"""Reading a Stack Exchange data dump: one folder per site, ``Posts.xml`` with optional
``PostLinks.xml`` and ``Tags.xml``, in the schema of the official dump.

This module only reads (no app, no database): rows are parsed one at a time with
``iterparse`` and cleared at once, so a dump of any size reads in flat memory. It also
holds the rules that come from the source rather than from Peerdesk:

- **Which site.** The dumps name no site inside, so the folder name does: the official
  archives are called after the host (``coffee.stackexchange.com``); a short name means a
  Stack Exchange site (``coffee``, ``bicycles.meta``); ``--site HOST`` overrides both.
  Links in the bodies are no guide: a meta site's posts mostly link to its main site.
- **Which licence.** CC BY-SA in the version in force when the post was made (2.5 before
  2011-04-08, 3.0 until 2018-05-02, 4.0 after), unless the row says (``ContentLicense``,
  which also reflects later edits, so it wins).
- **Whom to credit.** The dumps here have no ``Users.xml``: the display name when the row
  carries one, else "user <id>" (whose page is https://<site>/users/<id>).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

QUESTION, ANSWER = 1, 2
DUPLICATE, RELATED = "duplicate", "related"
LINK_KINDS = {"3": DUPLICATE, "1": RELATED}
LICENCE_CHANGES = ((datetime(2011, 4, 8), "CC BY-SA 2.5"), (datetime(2018, 5, 3), "CC BY-SA 3.0"))
LATEST_LICENCE = "CC BY-SA 4.0"
COMMUNITY_USER = "-1"  # Stack Exchange's own bot account
HOST = re.compile(r"^(?=.{4,90}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
TOP_LEVEL_HOSTS = (".com", ".net", ".org")
AUTHOR_MAX = 120


class DumpError(ValueError):
    """A dump that cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class Dump:
    folder: Path
    site: str

    @property
    def posts(self) -> Path:
        return self.folder / "Posts.xml"

    @property
    def links(self) -> Path:
        return self.folder / "PostLinks.xml"

    @property
    def tags(self) -> Path:
        return self.folder / "Tags.xml"

    def key(self, post_id: int) -> str:
        """The ``external_id`` of a post (and of the thread its question opens)."""
        return key(self.site, post_id)

    def question_url(self, post_id: int) -> str:
        return f"https://{self.site}/q/{post_id}"


@dataclass(frozen=True)
class DumpPost:
    id: int
    type: int
    parent_id: int | None
    accepted_id: int | None
    created: datetime
    last_activity: datetime | None
    closed: datetime | None
    title: str
    tags: tuple[str, ...]
    body: str  # HTML, unsanitized
    author: str  # the credit: a display name, or "user <id>"
    author_key: str  # who wrote it, to tell the asker's own follow-ups from answers
    licence: str


def key(site: str, post_id: int | str) -> str:
    return f"stackexchange:{site}:{post_id}"


def open_dump(folder: str | Path, site: str | None = None) -> Dump:
    """Check the folder before anything is read: it exists, has Posts.xml, and names a site."""
    path = Path(folder)
    if not path.is_dir():
        raise DumpError(f"{folder}: no such folder.")
    if not (path / "Posts.xml").is_file():
        raise DumpError(f"{folder}: no Posts.xml here. Point at the folder of one site's dump "
                        "(Posts.xml, optional PostLinks.xml and Tags.xml).")
    host = (site or site_for_folder(path.resolve().name)).strip().lower()
    if not HOST.match(host):
        raise DumpError(f"{folder}: cannot tell which site this dump comes from ({host!r} is "
                        "not a host name). Pass --site HOST, e.g. --site coffee.stackexchange.com.")
    return Dump(path, host)


def site_for_folder(name: str) -> str:
    """``coffee`` -> coffee.stackexchange.com; ``superuser.com`` stays as it is."""
    name = name.strip().lower()
    if name.endswith(TOP_LEVEL_HOSTS):
        return name
    return f"{name}.stackexchange.com"


def licence_for(created: datetime, stated: str | None = None) -> str:
    if stated:
        return stated.strip()[:32]
    for until, licence in LICENCE_CHANGES:
        if created < until:
            return licence
    return LATEST_LICENCE


def credit(name: str | None, user_id: str | None) -> str:
    if name and name.strip():
        return name.strip()[:AUTHOR_MAX]
    if user_id == COMMUNITY_USER:
        return "Community"
    if user_id:
        return f"user {user_id}"
    return "anonymous"


def tag_list(text: str | None) -> tuple[str, ...]:
    """``<a><b>`` (the classic format) or ``|a|b|`` (newer dumps)."""
    if not text:
        return ()
    parts = re.split(r"><|\|", text.strip().strip("<>|"))
    return tuple(part for part in parts if part)


# --- reading --------------------------------------------------------------------------


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The attributes of each ``<row>``, in flat memory; malformed XML is a DumpError."""
    try:
        # Expat (2.4+) caps entity expansion, and ElementTree fetches no external entity.
        context = iterparse(path, events=("start", "end"))  # noqa: S314
        _event, root = next(context)
        for event, element in context:
            if event == "end" and element.tag == "row":
                yield dict(element.attrib)
                root.clear()
    except ParseError as error:
        raise DumpError(f"{path}: not well-formed XML ({error}). "
                        "Nothing was imported from this dump.") from error
    except StopIteration as error:
        raise DumpError(f"{path}: the file is empty.") from error


def post_from(row: dict[str, str], path: Path) -> DumpPost | None:
    """A question or an answer; ``None`` for other post types (tag wikis and the like)."""
    ident, kind = _integer(row, "Id", path), _integer(row, "PostTypeId", path)
    if kind not in (QUESTION, ANSWER):
        return None
    created = _date(row, "CreationDate", path, required=True)
    if kind == QUESTION and not (row.get("Title") or "").strip():
        raise DumpError(f"{path}: question {ident} has no Title.")
    parent = _integer(row, "ParentId", path, required=kind == ANSWER)
    owner = row.get("OwnerUserId")
    return DumpPost(
        id=ident, type=kind, parent_id=parent,
        accepted_id=_integer(row, "AcceptedAnswerId", path, required=False),
        created=created, last_activity=_date(row, "LastActivityDate", path),
        closed=_date(row, "ClosedDate", path),
        title=" ".join((row.get("Title") or "").split()),
        tags=tag_list(row.get("Tags")), body=row.get("Body") or "",
        author=credit(row.get("OwnerDisplayName"), owner),
        author_key=f"id:{owner}" if owner else f"name:{row.get('OwnerDisplayName') or ''}",
        licence=licence_for(created, row.get("ContentLicense")),
    )


def links(dump: Dump) -> Iterator[tuple[int, int, str]]:
    """(post, related post, kind) for duplicate and related links; other kinds are skipped.
    For a duplicate, the first post is the duplicate and the second the original."""
    if not dump.links.is_file():
        return
    for row in rows(dump.links):
        kind = LINK_KINDS.get(row.get("LinkTypeId", ""))
        if kind is not None:
            yield (_integer(row, "PostId", dump.links), _integer(row, "RelatedPostId", dump.links),
                   kind)


def tag_names(dump: Dump) -> Iterator[str]:
    """The site's tags in use (``Count`` above zero) from Tags.xml, when the dump has one."""
    if not dump.tags.is_file():
        return
    for row in rows(dump.tags):
        if row.get("TagName") and row.get("Count", "1") != "0":
            yield row["TagName"]


def _integer(row: dict[str, str], name: str, path: Path, required: bool = True) -> int | None:
    value = row.get(name)
    if value is None and not required:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise DumpError(f"{path}: a row (Id {row.get('Id', '?')}) has no valid {name} "
                        f"({value!r}).") from None


def _date(row: dict[str, str], name: str, path: Path, required: bool = False) -> datetime | None:
    value = row.get(name)
    if value is None and not required:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise DumpError(f"{path}: post {row.get('Id', '?')} has no valid {name} "
                        f"({value!r}).") from None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
