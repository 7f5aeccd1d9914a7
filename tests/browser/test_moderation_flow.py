"""In Chromium: a newcomer's first post waits and a moderator approves it; a member flags a
rude reply, which hides when the flags weigh enough; the moderator rejects it with a reason
and, separately, silences its author; the author reads why; the audit log lists it all;
undo puts the post back as it was."""

from playwright.sync_api import expect

from app.accounts.models import Role
from app.extensions import db
from community.models import Post
from moderation import flags
from moderation.models import FlagKind

RUDE = "If you cannot pair earbuds you should not own a laptop. Read the manual, genius."


def flag_as(app, user, post_id):
    with app.app_context():
        flags.raise_flag(db.session.get(type(user), user.id), db.session.get(Post, post_id),
                         FlagKind.RUDE, "Talking down to the asker.")


def test_hold_approve_flag_reject_silence_audit_undo(app, make, browser_for):
    earbuds = make.category("Earbuds")
    make.newcomer("nadia")
    make.user("maren")
    make.user("mod", role=Role.MODERATOR)
    asker, troll, regular = make.user("asker"), make.user("troll"), make.user("kestrel",
                                                                             trust_level=3)
    thread = make.thread(asker, earbuds, title="Buds Pro will not pair with my laptop")
    rude = make.reply(troll, thread, RUDE)
    flag_as(app, regular, rude.id)

    newcomer = browser_for("nadia")
    newcomer.goto("/ask")
    newcomer.get_by_label("Title").fill("Buds Lite right earbud much quieter than the left")
    newcomer.get_by_label("Product area").select_option(label="Earbuds")
    newcomer.get_by_label("Details").fill("Even after cleaning the mesh the right one is quiet.")
    newcomer.get_by_role("button", name="Post your question").click()
    expect(newcomer.get_by_role("status")).to_contain_text("waiting for a moderator")
    expect(newcomer.locator(".pending-label")).to_contain_text("first posts are checked")

    moderator = browser_for("mod")
    moderator.goto("/moderation/")
    held = moderator.locator("li.queue-item", has_text="right earbud much quieter")
    expect(held).to_contain_text("New member\N{RIGHT SINGLE QUOTATION MARK}s first post")
    held.get_by_role("button", name="Approve").click()
    expect(moderator.get_by_role("status")).to_contain_text("Approved")
    moderator.goto("/search?q=earbud+quieter+left")
    expect(moderator.locator("main")).to_contain_text("right earbud much quieter")

    member = browser_for("maren")
    member.goto(f"/t/{thread.id}/{thread.slug}")
    member.locator(f"#post-{rude.id}").get_by_role("link", name="Flag").click()
    member.get_by_label("Rude or abusive").check()
    member.get_by_role("button", name="Flag").click()
    expect(member.get_by_role("status")).to_contain_text("hidden until then")
    expect(member.locator("main")).not_to_contain_text("Read the manual, genius")

    moderator.goto("/moderation/?reason=flag")
    moderator.locator("li.queue-item", has_text="Read the manual").get_by_role(
        "link", name="Reject with a reason…").click()
    moderator.get_by_label("Reason the author will read").fill(
        "Please be kind: everyone starts somewhere.")
    moderator.get_by_role("button", name="Reject with this reason").click()
    expect(moderator.get_by_role("status")).to_contain_text("Rejected")
    moderator.goto(f"/moderation/posts/{rude.id}")
    sanction = moderator.get_by_role("region", name="Sanction troll")
    sanction.get_by_label("Sanction").select_option("silence")
    sanction.get_by_label("For how many hours").fill("24")
    sanction.get_by_label("Reason the member will read").fill("Repeated insults.")
    sanction.get_by_role("button", name="Apply the sanction").click()
    expect(moderator.get_by_role("status")).to_contain_text("troll is sanctioned")

    author = browser_for("troll")
    author.goto(f"/t/{thread.id}/{thread.slug}")
    expect(author.locator(".notice")).to_contain_text("Repeated insults.")
    expect(author.locator(f"#post-{rude.id}")).to_contain_text(
        "Please be kind: everyone starts somewhere.")
    author.goto("/notifications")
    expect(author.locator("main")).to_contain_text("A moderator removed your post")

    moderator.goto("/moderation/audit")
    log = moderator.locator("table")
    for action in ("item.approve", "item.reject", "sanction.silence"):
        expect(log).to_contain_text(action)

    moderator.goto(f"/moderation/posts/{rude.id}")
    moderator.get_by_role("button", name="Undo").click()
    expect(moderator.get_by_role("status")).to_contain_text("Undone")
    expect(moderator.get_by_role("heading", level=1)).to_contain_text("Waiting")
    author.goto("/notifications")
    expect(author.locator("main")).not_to_contain_text("A moderator removed your post")
