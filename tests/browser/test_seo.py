"""In Chromium: a thread page's structured data is there, parses as JSON, and the
Content-Security-Policy (no inline script) neither blocks nor reports it."""

# Collects CSP violation reports from the first moment of the page's life.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


def test_a_thread_page_carries_json_ld_that_parses_under_the_csp(app, make, page):
    asker, helper = make.user("asker"), make.user("helper")
    thread = make.thread(asker, title="Case </script> light stays red, buds will not charge")
    answer = make.reply(helper, thread, "Hold the case button for 15 seconds to reset it.")
    make.act("accept", asker, answer)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH_CSP)

    page.goto(f"/t/{thread.id}/{thread.slug}")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")

    assert data["@type"] == "QAPage"
    assert data["mainEntity"]["name"] == "Case </script> light stays red, buds will not charge"
    assert data["mainEntity"]["acceptedAnswer"]["text"] == (
        "Hold the case button for 15 seconds to reset it.")
    assert page.evaluate("window.cspViolations") == []
    assert [text for text in console if "Content Security Policy" in text] == []
