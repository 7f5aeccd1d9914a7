"""Writing a staged Stack Exchange dump into the forum.

- **Where.** One category per site (slug from the site: ``coffee``, ``bicycles-meta``);
  a category an admin made beforehand with that slug is used as it is.
- **Who.** Every imported post belongs to one local account, ``stackexchange-import``,
  which cannot sign in (inactive, no usable password) and is nobody's: helpful votes on
  imported answers must not raise a real member's reputation. The people to credit are
  kept on each post (``original_author``) and shown in its place.
- **Whole threads.** A thread is written with its question and answers in one
  transaction, 200 threads per commit; a failure loses at most the batch in flight,
  never part of a thread.
- **Searchable after.** The committed threads are indexed once the writing is over (also
  when it stopped on an error): by ``search.update`` in chunks, or, when the import at
  least doubles the forum, by one rebuild: on the six sample dumps it was three times
  faster than ``search.update`` after each commit (see ``index_threads``).
- **Once.** Every thread and post keeps its id at the source (``external_id``): a second
  run skips what is there and adds only new answers (and an acceptance or a closing that
  came with them), so running twice imports nothing new.
- **Counters** are those the forum keeps for its own threads: replies, the category's
  thread count, ``answered_at`` (the first answer by someone other than the asker, as on
  the site), ``solved_at`` (when the accepted answer was posted: the dumps do not say
  when it was accepted) and the last poster: the local account when the asker spoke last
  (the thread waits on the community, as "needs attention" expects), else nobody local;
  an answer a later run brings changes it only if it is newer than every post there.
- **Quiet.** No events are sent: ten-year-old posts must not notify, remind or go
  through moderation as if they were new. Imported threads never get accept reminders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from sqlalchemy import delete, func, or_, select, update

from app import search
from app.accounts.models import User
from app.extensions import db
from app.text import slugify
from community import rules
from community.importers import site_links
from community.importers import stackexchange as se
from community.importers.bodies import imported_body
from community.importers.gate import ImportGate
from community.importers.stackexchange import Dump, DumpPost
from community.importers.staging import Group, Staging
from community.models import (
    Category,
    Post,
    Source,
    Tag,
    Thread,
    ThreadKind,
    ThreadLink,
    ThreadStatus,
    Visibility,
)
from community.tags import MAX_TAGS, tag_name

BATCH = 200
INDEX_CHUNK = 1000
CHUNK = 500
IMPORTER_USERNAME = "stackexchange-import"
# The .invalid domain can never be registered by a person (nor receive mail).
IMPORTER_EMAIL = "stackexchange-import@peerdesk.invalid"
SITE_NAME = "Stack Exchange"  # "asked by jdoe on Stack Exchange" in lists
UNUSABLE_PASSWORD = "!"  # noqa: S105 - not a hash: no password ever matches it


@dataclass
class Summary:
    categories: int = 0
    threads: int = 0
    answers: int = 0
    accepted: int = 0
    tags: int = 0
    links: int = 0
    skipped: int = 0  # posts that are neither questions nor answers
    orphans: int = 0  # answers whose question is neither in the dump nor imported before
    present: int = 0  # posts imported by an earlier run
    held: int = 0  # posts the screening gate held for a moderator
    written: list[int] = field(default_factory=list)  # threads written, to index

    @property
    def posts(self) -> int:
        return self.threads + self.answers


@dataclass(frozen=True)
class Target:
    dump: Dump
    account_id: int
    category_id: int
    language: str
    gate: ImportGate


def import_staged(staging: Staging, summary: Summary, *, language: str = "en",
                  limit: int | None = None,
                  progress: Callable[[int], None] = lambda _n: None) -> None:
    """Write one staged dump: threads in batches (in ``language``), then links between
    them, then tags, then the links in bodies that now have a local target. The ids of the
    threads written are added to ``summary.written`` as each batch commits."""
    account = importer_account().id
    target = Target(staging.dump, account, _category_for(staging.dump, summary), language,
                    ImportGate(account))
    summary.skipped += staging.skipped
    written = []
    for batch in _chunks(staging.groups(limit), BATCH):
        ids = _write_batch(target, batch, summary)
        summary.written += ids
        written += ids
        progress(len(batch))
    summary.held += target.gate.held
    _write_links(staging.dump, staging.links(), summary)
    _write_tags(staging.tag_names(), summary)
    site_links.resolve(staging.dump.site, written)


def thread_total() -> int:
    return db.session.scalar(select(func.count()).select_from(Thread)) or 0


def rebuild_is_cheaper(written: int, threads_before: int) -> bool:
    """Rebuilding costs the whole forum, updating about twice per written thread: when
    the import at least doubled the forum, one rebuild is cheaper."""
    return written >= threads_before


def index_threads(ids: list[int], threads_before: int,
                  progress: Callable[[int], None] = lambda _n: None) -> int:
    """Make written threads searchable: one rebuild (beside the live index, then swapped
    in) or the new threads' documents only. Returns how many documents were written."""
    if not ids:
        return 0
    if rebuild_is_cheaper(len(ids), threads_before):
        return search.rebuild(progress)
    for chunk in _chunks(ids, INDEX_CHUNK):
        search.update("thread", chunk)
        progress(len(chunk))
    return len(ids)


def importer_account() -> User:
    """The local author of imported posts, created on first use."""
    return inactive_account(IMPORTER_USERNAME, IMPORTER_EMAIL)


def inactive_account(base_username: str, email: str) -> User:
    """An account that owns imported posts and can never sign in (inactive, no usable
    password), found by its e-mail and created on first use."""
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is None:
        username, number = base_username, 1
        while db.session.scalar(select(User.id).where(func.lower(User.username) == username)):
            number += 1
            username = f"{base_username}-{number}"
        user = User(username=username, email=email, password_hash=UNUSABLE_PASSWORD,
                    is_active=False)
        db.session.add(user)
        db.session.flush()
    return user


def category_slug(site: str) -> str:
    return slugify(_site_label(site))


def _site_label(site: str) -> str:
    label = site.removesuffix(".stackexchange.com")
    return label if label != site else site.rsplit(".", 1)[0]


def _category_for(dump: Dump, summary: Summary) -> int:
    slug = category_slug(dump.site)
    category = db.session.scalar(select(Category).where(Category.slug == slug))
    if category is None:
        name = " ".join(word.capitalize() for word in _site_label(dump.site).split("."))
        position = db.session.scalar(select(func.max(Category.position))) or 0
        category = Category(slug=slug, name=name[:80], position=position + 1,
                            description=f"Questions imported from {dump.site} (CC BY-SA)."[:300])
        db.session.add(category)
        db.session.flush()
        summary.categories += 1
    return category.id


# --- threads ------------------------------------------------------------------------------


def _write_batch(target: Target, groups: list[Group], summary: Summary) -> list[int]:
    """Write and commit these threads whole; returns the ids of the threads written."""
    dump = target.dump
    present = _present_posts([dump.key(post.id) for group in groups
                              for post in _posts_of(group)])
    threads = {thread.external_id: thread for thread in db.session.scalars(
        select(Thread).where(Thread.external_id.in_([dump.key(g.question_id) for g in groups])))}
    tags = _TagCache(summary, [name for group in groups if group.question
                               for name in _tag_names(group.question)])
    touched, new_threads = [], 0
    for group in groups:
        thread = threads.get(dump.key(group.question_id))
        if thread is None and group.question is None:
            summary.orphans += len(group.answers)
        elif thread is None:
            touched.append(thread := _new_thread(target, group, tags, summary))
            new_threads += thread.posts[0].visibility == Visibility.VISIBLE
        else:
            summary.present += len(_posts_of(group))
            answers = [answer for answer in group.answers if dump.key(answer.id) not in present]
            summary.present -= len(answers)
            if _update_thread(target, thread, group, answers, present, summary):
                touched.append(thread)
    if new_threads:
        db.session.execute(update(Category).where(Category.id == target.category_id)
                           .values(thread_count=Category.thread_count + new_threads))
    db.session.flush()
    target.gate.keep_all()
    ids = [thread.id for thread in touched]
    db.session.commit()
    db.session.expunge_all()  # flat memory however large the dump
    return ids


def _posts_of(group: Group) -> list[DumpPost]:
    return ([group.question] if group.question else []) + group.answers


def _present_posts(keys: list[str]) -> dict[str, int]:
    found = {}
    for chunk in _chunks(keys, CHUNK):
        found.update(db.session.execute(
            select(Post.external_id, Post.id).where(Post.external_id.in_(chunk))).all())
    return found


def _new_thread(target: Target, group: Group, tags: _TagCache, summary: Summary) -> Thread:
    question, dump = group.question, target.dump
    title = question.title if len(question.title) <= rules.TITLE_MAX else (
        question.title[: rules.TITLE_MAX - 1] + "…")
    thread = Thread(
        kind=ThreadKind.QUESTION, title=title, slug=slugify(question.title),
        category_id=target.category_id, author_id=target.account_id, language=target.language,
        source=Source.IMPORT, status=ThreadStatus.CLOSED if question.closed else ThreadStatus.OPEN,
        created_at=question.created, last_activity_at=question.last_activity or question.created,
        last_poster_id=target.account_id, reply_count=0, version=0,
        reminders_sent=len(rules.REMINDER_AFTER),  # the asker is not here to be reminded
        external_id=dump.key(question.id), source_url=dump.question_url(question.id),
        licence=question.licence, original_author=(question.author or "anonymous")[:120],
        original_site=SITE_NAME, tags=[tags.get(name) for name in _tag_names(question)],
    )
    db.session.add(thread)
    db.session.add(_post(target, question, thread, opening=True))
    summary.threads += 1
    _add_answers(target, thread, group, group.answers, {}, summary, newest=question.created)
    return thread


def _update_thread(target: Target, thread: Thread, group: Group, answers: list[DumpPost],
                   present: dict[str, int], summary: Summary) -> bool:
    """New answers, an acceptance or a closing on a thread imported before."""
    newest = db.session.scalar(select(func.max(Post.created_at))
                               .where(Post.thread_id == thread.id)) if answers else None
    changed = _add_answers(target, thread, group, answers, present, summary, newest)
    question = group.question
    if question and question.closed and thread.status in (ThreadStatus.OPEN,
                                                          ThreadStatus.SOLVED):
        thread.status = ThreadStatus.CLOSED
        changed = True
    if changed:
        thread.version = Thread.version + 1
    return changed


def _add_answers(target: Target, thread: Thread, group: Group, answers: list[DumpPost],
                 present: dict[str, int], summary: Summary, newest: datetime | None) -> bool:
    posts, shown = {}, 0
    for answer in sorted(answers, key=lambda item: (item.created, item.id)):
        posts[answer.id] = post = _post(target, answer, thread)
        db.session.add(post)
        if post.visibility == Visibility.VISIBLE:  # held answers count once published
            newest = _note_activity(target, thread, group.question, answer, newest)
            shown += 1
    if answers:
        thread.reply_count = shown if thread.id is None else Thread.reply_count + shown
        summary.answers += len(answers)
    accepted = _accept(target.dump, thread, group, posts, present)
    summary.accepted += accepted
    return bool(answers) or accepted


def _note_activity(target: Target, thread: Thread, question: DumpPost | None,
                   answer: DumpPost, newest: datetime | None) -> datetime | None:
    """Counters for one new answer; returns when the thread's latest post now is. The
    last poster changes only for an answer newer than every post there (a later run can
    bring an answer older than a reply written here since)."""
    by_asker = question is not None and answer.author_key == question.author_key
    if thread.answered_at is None and not by_asker:
        thread.answered_at = answer.created
    if thread.last_activity_at is None or answer.created >= thread.last_activity_at:
        thread.last_activity_at = answer.created
    if newest is None or answer.created >= newest:
        thread.last_poster_id = target.account_id if by_asker else None
        newest = answer.created
    return newest


def _accept(dump: Dump, thread: Thread, group: Group, new_posts: dict[int, Post],
            present: dict[str, int]) -> bool:
    accepted_id = group.question.accepted_id if group.question else None
    if accepted_id is None or thread.accepted_post_id is not None:
        return False
    if accepted_id in new_posts:
        thread.accepted_post = new_posts[accepted_id]
    elif dump.key(accepted_id) in present:
        thread.accepted_post_id = present[dump.key(accepted_id)]
    else:
        return False  # the accepted answer is not in the dump
    answer = next((item for item in group.answers if item.id == accepted_id), None)
    thread.solved_at = answer.created if answer else group.question.created
    if thread.status not in rules.READ_ONLY:
        thread.status = ThreadStatus.SOLVED
    return True


def _post(target: Target, item: DumpPost, thread: Thread, opening: bool = False) -> Post:
    body = imported_body(item.body, target.dump.site)
    submission, verdict = target.gate.screen(
        kind="question" if opening else "reply", body=body,
        title=thread.title if opening else "", category_id=target.category_id,
        language=target.language)
    owner = {"thread": thread} if thread.id is None else {"thread_id": thread.id}
    post = Post(**owner, author_id=target.account_id, is_opening=opening, body_source=body,
                body_html=body, created_at=item.created, external_id=target.dump.key(item.id),
                original_author=item.author, licence=item.licence)
    return target.gate.written(post, submission, verdict)


def _tag_names(question: DumpPost) -> list[str]:
    names = dict.fromkeys(name for name in map(tag_name, question.tags) if name)
    return list(names)[:MAX_TAGS]


class _TagCache:
    """The tags one batch uses: those that exist, read in one query; the others created
    (and counted) on first use."""

    def __init__(self, summary: Summary, names: list[str]) -> None:
        self.summary = summary
        wanted = sorted(set(names))
        self.tags = {tag.name: tag for tag in db.session.scalars(
            select(Tag).where(Tag.name.in_(wanted)))} if wanted else {}

    def get(self, name: str) -> Tag:
        tag = self.tags.get(name)
        if tag is None:
            tag = self.tags[name] = Tag(name=name)
            self.summary.tags += 1
        return tag


# --- links and tags -----------------------------------------------------------------------


def _write_links(dump: Dump, links: Iterator[tuple[int, int, str]], summary: Summary) -> None:
    """Link questions that are both imported; a page lists each linked question once."""
    for chunk in _chunks(links, CHUNK):
        keys = {dump.key(post_id) for link in chunk for post_id in link[:2]}
        ids = dict(db.session.execute(select(Thread.external_id, Thread.id)
                                      .where(Thread.external_id.in_(keys))).all())
        pairs = [(ids[dump.key(first)], ids[dump.key(second)], kind)
                 for first, second, kind in chunk
                 if dump.key(first) in ids and dump.key(second) in ids]
        existing = _existing_links({thread_id for pair in pairs for thread_id in pair[:2]})
        changed = set()
        for first, second, kind in pairs:
            known = existing.get(frozenset((first, second)))
            if known == se.DUPLICATE or known == kind:
                continue
            if known is not None:  # a related link that became a duplicate
                db.session.execute(delete(ThreadLink).where(
                    or_((ThreadLink.thread_id == first) & (ThreadLink.linked_thread_id == second),
                        (ThreadLink.thread_id == second) & (ThreadLink.linked_thread_id == first))))
            db.session.add(ThreadLink(thread_id=first, linked_thread_id=second, kind=kind))
            existing[frozenset((first, second))] = kind
            changed.update((first, second))
            summary.links += 1
        if changed:  # the page shows the links: cached copies are stale
            db.session.execute(update(Thread).where(Thread.id.in_(changed))
                               .values(version=Thread.version + 1))
        db.session.commit()


def _existing_links(thread_ids: set[int]) -> dict[frozenset, str]:
    if not thread_ids:
        return {}
    rows = db.session.execute(select(ThreadLink).where(or_(
        ThreadLink.thread_id.in_(thread_ids), ThreadLink.linked_thread_id.in_(thread_ids))))
    return {frozenset((link.thread_id, link.linked_thread_id)): link.kind
            for link in rows.scalars()}


def _write_tags(names: Iterable[str], summary: Summary) -> None:
    """Tags.xml: the site's vocabulary, so its tags exist even before a thread uses them."""
    wanted = sorted({name for name in map(tag_name, names) if name})
    for chunk in _chunks(wanted, CHUNK):
        known = set(db.session.scalars(select(Tag.name).where(Tag.name.in_(chunk))))
        for name in chunk:
            if name not in known:
                db.session.add(Tag(name=name))
                summary.tags += 1
    db.session.commit()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
