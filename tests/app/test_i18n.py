"""English and Italian: chosen from the profile, the footer switch, or the browser."""

from tests.factories import PASSWORD


def test_browser_language_picks_italian(client):
    html = client.get("/", headers={"Accept-Language": "it-IT,it;q=0.9"}).get_data(as_text=True)
    assert 'lang="it"' in html
    assert "Come possiamo aiutarti?" in html


def test_unsupported_browser_language_falls_back_to_english(client):
    html = client.get("/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert 'lang="en"' in html and "How can we help?" in html


def test_footer_link_switches_the_language_and_returns_to_the_page(client):
    response = client.get("/language/it?next=/sign-in")
    assert response.headers["Location"] == "/sign-in"
    assert "Come possiamo aiutarti?" in client.get("/").get_data(as_text=True)


def test_footer_choice_wins_over_the_profile_for_this_session(make, client, post_form):
    make.user("grace", locale="it")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    client.get("/language/en")
    assert "How can we help?" in client.get("/").get_data(as_text=True)


def test_unknown_language_link_is_404(client):
    assert client.get("/language/xx").status_code == 404


def test_profile_language_wins_over_the_browser(make, client, post_form):
    make.user("grace", locale="it")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    html = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Come possiamo aiutarti?" in html


def test_forms_are_translated(client):
    response = client.get("/register", headers={"Accept-Language": "it"})
    assert "Crea il mio account" in response.get_data(as_text=True)


def test_every_message_in_the_code_has_an_italian_translation():
    """Extracted as ``make extract-messages`` does, with babel.cfg: without its Jinja
    extensions a template using ``{% do %}`` was skipped without a word."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2]
    with open(root / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    method_map = [("**/.venv/**", "ignore"), ("tests/**", "ignore"), *method_map]
    found = {  # (context, message): "Solved" the badge and "Solved" the list differ
        (message[4], message[2] if isinstance(message[2], str) else message[2][0])
        for message in extract_from_dir(
            str(root), method_map, options_map,
            keywords={"_": None, "gettext": None, "_l": None, "lazy_gettext": None,
                      "ngettext": (1, 2), "pgettext": ((1, "c"), 2)},
        )
    }
    assert (None, "{count} of {max} characters") in found  # _forms.html, which uses do
    assert ("threads", "Solved") in found
    with open(root / "app/translations/it/LC_MESSAGES/messages.po", "rb") as handle:
        catalog = read_po(handle, locale="it")
    translated = {(message.context, message.id if isinstance(message.id, str)
                   else message.id[0])
                  for message in catalog if message.id and all(
                      message.string if isinstance(message.string, tuple)
                      else [message.string])}
    assert found - translated == set()


def test_the_chosen_language_survives_signing_in(make, client, post_form):
    make.user("grace")
    client.get("/language/it")
    post_form("/sign-in", {"login": "grace", "password": PASSWORD})
    assert "Come possiamo aiutarti?" in client.get("/").get_data(as_text=True)


def test_registering_in_italian_keeps_italian_for_e_mails(app, client, post_form):
    from sqlalchemy import select

    from app.accounts.models import User
    from app.extensions import db

    client.get("/language/it")
    post_form("/register", {"username": "mario", "email": "mario@example.com",
                            "password": "una frase lunga e sicura",
                            "confirm": "una frase lunga e sicura"})
    with app.app_context():
        assert db.session.scalar(select(User.locale).where(User.username == "mario")) == "it"


def test_a_template_rendered_in_another_language_mid_request_is_in_that_language(app):
    """An e-mail to an Italian member, sent while an English page is served, is Italian;
    the page around it stays English (templates keep catalogues per locale)."""
    from flask import render_template_string
    from flask_babel import force_locale

    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert render_template_string("{{ _('Search') }}") == "Search"
        with force_locale("it"):
            assert render_template_string("{{ _('Search') }}") == "Cerca"
        assert render_template_string("{{ _('Search') }}") == "Search"


def test_a_translated_string_escapes_what_is_put_into_it(app):
    from flask import render_template_string

    with app.test_request_context("/"):
        html = render_template_string("{{ _('Member since %(date)s', date='<b>x</b>') }}")
    assert html == "Member since &lt;b&gt;x&lt;/b&gt;"


def test_a_plural_is_chosen_by_the_number_in_either_language(app):
    from flask import render_template_string

    template = "{{ ngettext('%(num)d reply', '%(num)d replies', n) }}"
    with app.test_request_context("/", headers={"Accept-Language": "it"}):
        assert [render_template_string(template, n=n) for n in (1, 3)] == [
            "1 risposta", "3 risposte"]


def test_a_template_may_name_a_placeholder_like_the_functions_own_arguments(app):
    """Jinja lets a template say ``_('%(string)s', string=...)``: not a 500."""
    from flask import render_template_string

    with app.test_request_context("/"):
        html = render_template_string(
            "{{ _('%(string)s', string='a') }} {{ ngettext('%(num)d', '%(num)d', 2, num=5) }} "
            "{{ pgettext('c', '%(context)s', context='b') }}")
    assert html == "a 5 b"
