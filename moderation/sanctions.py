"""Sanctions: silence (read-only), suspend (no sign-in for a while), ban (no sign-in).

Always an explicit choice of a moderator, never a side effect of deciding on a post, and
never against staff. The member reads the reason: by e-mail at once, on every page while
silenced, at sign-in while suspended or banned. Suspensions follow a ladder (24 h, 72 h,
7 days, 30 days; ``MODERATION_SUSPENSION_LADDER_HOURS``) that the moderator may change.

Effects live on the account, where every request already looks: a silence sets
``User.read_only_until`` (the permission check refuses every contribution); a suspension
or ban makes the account inactive and renews its session nonce, so every session, every
remember-me cookie and every API token stops working with the next request. The
``sanction-expiry`` job lifts what has run out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from app import events, mail
from app.accounts.models import User, new_session_nonce
from app.clock import utcnow
from app.extensions import db
from app.jobs import items
from app.permissions import can, is_staff
from moderation import audit, rules
from moderation.errors import ModerationError
from moderation.models import ReviewItem, Sanction, SanctionKind
from moderation.settings import setting


def active(user_id: int, now: datetime | None = None) -> list[Sanction]:
    now = now or utcnow()
    return list(db.session.scalars(select(Sanction).where(
        Sanction.user_id == user_id, Sanction.lifted_at.is_(None),
        or_(Sanction.ends_at.is_(None), Sanction.ends_at > now))
        .order_by(Sanction.starts_at.desc())))


def proposed_hours(user_id: int) -> int:
    """The next step of the suspension ladder for this member."""
    earlier = db.session.scalar(select(func.count()).select_from(Sanction).where(
        Sanction.user_id == user_id, Sanction.kind == SanctionKind.SUSPEND)) or 0
    return rules.suspension_hours(earlier, setting("SUSPENSION_LADDER_HOURS"))


def impose(moderator: User, member: User, kind: SanctionKind, reason: str, *,
           hours: int | None = None, item_id: int | None = None) -> Sanction:
    _check(moderator, member, reason, hours, kind, item_id)
    now = utcnow()
    if kind == SanctionKind.SUSPEND and hours is None:
        hours = proposed_hours(member.id)
    if kind == SanctionKind.SILENCE and hours is None:
        hours = setting("SILENCE_HOURS")
    ends = None if kind == SanctionKind.BAN else now + timedelta(hours=hours)
    sanction = Sanction(user_id=member.id, kind=kind, reason=reason.strip()[:500], starts_at=now,
                        ends_at=ends, created_by_id=moderator.id, item_id=item_id)
    db.session.add(sanction)
    _apply(member, now, sanction)
    audit.record(moderator, f"sanction.{kind.value}", "user", member.id,
                 f"{member.username}: {kind.value}"
                 + (f" for {hours} h" if ends else "") + f" — {sanction.reason}",
                 after={"kind": kind.value, "ends_at": ends, "reason": sanction.reason})
    db.session.commit()
    _email(member, sanction)
    events.notify(events.user_sanctioned, member, sanction=sanction, lifted=False)
    return sanction


def _check(moderator: User, member: User, reason: str, hours: int | None,
           kind: SanctionKind, item_id: int | None = None) -> None:
    if not can(moderator, "moderation.sanction", member):
        raise ModerationError(_("You are not allowed to do this."), 403)
    if is_staff(member) or member.id == moderator.id:
        raise ModerationError(_("Staff are not sanctioned here: an admin changes their role "
                                "first."), 403)
    if not reason.strip():
        raise ModerationError(_("Give the reason: the member will read it."), field="reason")
    if kind != SanctionKind.BAN and hours is not None and not 1 <= hours <= 24 * 365:
        raise ModerationError(_("Choose between 1 hour and a year."), field="hours")
    if item_id is not None and db.session.get(ReviewItem, item_id) is None:
        raise ModerationError(_("There is no such queue item."), 404)


def lift(moderator: User | None, sanction: Sanction, reason: str = "") -> Sanction:
    """End a sanction early (a moderator), or when it ran out (the job, ``moderator`` None)."""
    if moderator is not None and not can(moderator, "moderation.sanction", sanction.user):
        raise ModerationError(_("You are not allowed to do this."), 403)
    if sanction.lifted_at is not None:
        return sanction
    now = utcnow()
    sanction.lifted_at, sanction.lift_reason = now, reason.strip()[:300]
    sanction.lifted_by_id = moderator.id if moderator else None
    member = sanction.user
    db.session.flush()
    _apply(member, now, sanction)
    audit.record(moderator, "sanction.lift", "user", member.id,
                 f"{member.username}: {sanction.kind.value} lifted"
                 + (f" — {sanction.lift_reason}" if sanction.lift_reason else ""),
                 before={"kind": sanction.kind.value, "ends_at": sanction.ends_at})
    db.session.commit()
    events.notify(events.user_sanctioned, member, sanction=sanction, lifted=True)
    return sanction


def _apply(member: User, now: datetime, changed: Sanction) -> None:
    """The account as its active sanctions say: inactive while suspended or banned (signed
    out everywhere when that begins), read-only while silenced. Lifting a silence never
    touches whether the account may sign in (an account closed for another reason stays
    closed)."""
    current = active(member.id, now)
    locked_out = any(s.kind in LOCKING for s in current)
    if locked_out and member.is_active:
        member.session_nonce = new_session_nonce()
        member.is_active = False
    elif not locked_out and changed.kind in LOCKING:
        member.is_active = True
    silences = [s.ends_at for s in current if s.kind == SanctionKind.SILENCE]
    member.read_only_until = max(silences) if silences else None


LOCKING = (SanctionKind.SUSPEND, SanctionKind.BAN)


def expire(now: datetime | None = None) -> int:
    """Lift every sanction that has run out (the ``sanction-expiry`` job)."""
    now = now or utcnow()
    due = list(db.session.scalars(select(Sanction).where(
        Sanction.lifted_at.is_(None), Sanction.ends_at.is_not(None), Sanction.ends_at <= now)))
    return items.each(due, lambda sanction: lift(None, sanction, "expired"),
                      job="sanction-expiry", key=lambda s: f"sanction:{s.id}").done


def explain(user: User) -> str | None:
    """What a sanctioned member reads: at sign-in (suspended, banned), or when refused a
    contribution (silenced)."""
    current = active(user.id)
    found = next((s for s in current if s.kind != SanctionKind.SILENCE), None)
    if found is None:
        silence = next((s for s in current if s.kind == SanctionKind.SILENCE), None)
        return None if silence is None else _(
            "You can read the community but not post until %(until)s UTC. Reason: %(reason)s",
            until=silence.ends_at.strftime("%Y-%m-%d %H:%M"), reason=silence.reason)
    if found.ends_at is None:
        return _("This account is banned. Reason: %(reason)s", reason=found.reason)
    return _("This account is suspended until %(until)s UTC. Reason: %(reason)s",
             until=found.ends_at.strftime("%Y-%m-%d %H:%M"), reason=found.reason)


def _email(member: User, sanction: Sanction) -> None:
    with force_locale(member.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("About your %(site)s account", site=current_app.config["SITE_NAME"])
        text = render_template("moderation/email/sanction.txt", member=member,
                               sanction=sanction)
    try:
        mail.send(to=member.email, subject=subject, text=text)
    except mail.MailError:
        current_app.logger.exception("sanction e-mail to user %s not sent", member.id)
