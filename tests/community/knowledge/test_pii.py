"""Personal data taken out of an answer before it becomes a public article."""

from community.knowledge.pii import strip_personal_data


def kinds(text: str) -> list[str]:
    return [removed.kind for removed in strip_personal_data(text)[1]]


def test_an_email_address_is_removed_and_reported():
    clean, removed = strip_personal_data("Mail me at john.doe+lumio@example.co.uk please.")
    assert clean == "Mail me at [email removed] please."
    assert [(r.kind, r.text) for r in removed] == [("email", "john.doe+lumio@example.co.uk")]


def test_phone_numbers_in_common_shapes_are_removed():
    text = "Call +39 333 123 4567, (555) 123-4567 or 0039 02 1234 5678."
    clean, removed = strip_personal_data(text)
    assert [r.kind for r in removed] == ["phone", "phone", "phone"]
    assert "333" not in clean and "555" not in clean and "1234" not in clean


def test_handles_are_removed_but_not_the_at_in_an_email():
    clean, removed = strip_personal_data("Ask @lumio_help or me@mail.example")
    assert sorted(r.kind for r in removed) == ["email", "handle"]
    assert "@" not in clean


def test_order_like_numbers_are_removed_in_english_and_italian():
    clean, _ = strip_personal_data("My order #48213377 and ordine n. 98765432, ticket: A1234-99")
    assert "48213377" not in clean and "98765432" not in clean and "A1234-99" not in clean
    assert clean.startswith("My order #[number removed]")


def test_versions_dates_prices_and_short_numbers_are_kept():
    text = ("Firmware 2.4.1 from 2026-11-23 fixed it; hold for 15 seconds. Model BX-200 costs "
            "129.99 EUR, see https://lumio.example/@support.")
    assert strip_personal_data(text) == (text, [])


def test_a_long_hash_number_counts_as_an_order_number():
    assert kinds("It is case #1234567 in your system") == ["order"]


def test_placeholders_can_be_translated():
    clean, _ = strip_personal_data("a@b.example", {"email": "[e-mail rimossa]"})
    assert clean == "[e-mail rimossa]"


def test_order_numbers_after_filler_words_are_removed():
    clean, _ = strip_personal_data("my order is 48213377 and the ticket was 55123")
    assert "48213377" not in clean and "55123" not in clean


def test_serial_imei_and_iban_are_removed():
    text = "SN: R58N12ABCDE, IMEI 356938035643809, IBAN IT60X0542811101000000123456"
    assert kinds(text) == ["order", "order", "order"]


def test_any_long_standalone_number_is_removed():
    assert kinds("The courier says 48213377 is on its way") == ["order"]


def test_a_year_after_the_word_case_is_kept():
    text = "In this case the 2024 model works"
    assert strip_personal_data(text) == (text, [])
