"""The chat widget in a real browser: a course page on another origin, the service under gunicorn.

Debian's Chromium, headless, driven through Playwright (which cannot download a browser of its
own here). The course pages are served by a tiny http.server on other loopback ports, so the
widget's calls to the service are cross-origin exactly as on a real course site: one origin is
in TUTOR_ALLOWED_ORIGINS, the other is not.
"""

from __future__ import annotations

import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from service.operations.feedback import SqliteFeedbackStore
from tests import browser as browser_support
from tests.browser import Service, free_port, require_browser, start_service, stop

pytestmark = pytest.mark.slow


SEED_QUESTION = ("A single-channel image of size M x N is convolved with an m x n filter, where "
                 "M, N, m and n are all odd. What is the output image size if the stride is 2 "
                 "and zero padding is used?")
SEED_ENTRY = "conv-output-size-stride2"
CALCULATION = "output size of a 28x28 input with a 5x5 kernel, stride 2, same padding"
THEME = "#0b6e4f"  # rgb(11, 110, 79)
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
WIDE_ENTRY = "elbo"  # its displayed ELBO is wider than a phone, even cut after its relations
PUNCTUATED_ENTRY = "activation-functions"  # a dozen "$...$," and "$...$." in its answer


# --- the servers ----------------------------------------------------------------------------

class CoursePage(BaseHTTPRequestHandler):
    """A course site: one page that embeds the widget with the one script tag."""

    page = b""

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path.split("?")[0] != "/":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


def course_page(service_url: str) -> bytes:
    """A page whose own CSS would wreck an unprotected widget (the shadow root stops it)."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Deep Learning, week 3</title>
<style>
  body {{ font: 20px/2 "DejaVu Serif", serif; color: #a00; margin: 0; padding: 20px; }}
  button {{ background: rgb(230, 57, 70); color: yellow; font-size: 30px; padding: 25px; }}
  div {{ border: 3px dashed orange; }} p {{ text-transform: uppercase; }}
</style></head>
<body>
  <h1>Week 3: Convolutional networks</h1>
  <p>A convolutional layer slides a kernel over its input.</p>
  <div class="bubble" id="host-bubble">The course site's own element called "bubble".</div>
  <button type="button" id="host-button">The site's button</button>
  <script src="{service_url}/widget.js" defer data-title="DL Tutor"
          data-greeting="Hi! Ask me about this week's convolutions."
          data-position="right" data-color="{THEME}"></script>
</body></html>""".encode()


def serve_course_page(service_url: str) -> ThreadingHTTPServer:
    handler = type("Page", (CoursePage,), {"page": course_page(service_url)})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The service under gunicorn, a course page it allows and one on an origin it does not."""
    require_browser("widget's browser test")
    work = tmp_path_factory.mktemp("widget-e2e")
    service_url = f"http://127.0.0.1:{free_port()}"  # the course pages name it before it runs
    allowed = serve_course_page(service_url)
    other = serve_course_page(service_url)
    allowed_url = f"http://127.0.0.1:{allowed.server_address[1]}"
    other_url = f"http://127.0.0.1:{other.server_address[1]}"
    service = None
    try:
        service = start_service(work, service_url, TUTOR_ALLOWED_ORIGINS=allowed_url)
        yield {"service": service, "allowed": allowed_url, "other": other_url}
    finally:
        if service is not None:
            stop(service.process)
        for server in (allowed, other):
            server.shutdown()
            server.server_close()


class Watched:
    """A page with its console errors and uncaught exceptions collected."""

    def __init__(self, context):
        self.page = context.new_page()
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error"
                     and self.console_errors.append(message.text))
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))


def widget(page):
    """The widget's parts (Playwright's locators pierce the open shadow root)."""
    return {
        "launcher": page.get_by_role("button", name=re.compile("tutor", re.IGNORECASE)),
        "textbox": page.get_by_role("textbox", name="Message to the tutor"),
        "panel": page.locator("dl-tutor-widget .panel"),
        "answers": page.locator("dl-tutor-widget .msg--tutor:not(.msg--greeting)"),
        "questions": page.locator("dl-tutor-widget .msg--user"),
        "errors": page.locator("dl-tutor-widget .msg--error"),
    }


def ask(page, parts, text: str, answers_before: int) -> None:
    parts["textbox"].fill(text)
    parts["textbox"].press("Enter")
    parts["answers"].nth(answers_before).wait_for(timeout=10_000)


def watch_typing_indicator(page) -> None:
    """Record in the page whether the typing indicator was ever shown (it is brief)."""
    page.evaluate("""() => {
        const typing = document.querySelector('dl-tutor-widget').shadowRoot
            .querySelector('.typing');
        window.typingSeen = false;
        new MutationObserver(() => { if (!typing.hidden) window.typingSeen = true; })
            .observe(typing, {attributes: true, attributeFilter: ['hidden']});
    }""")


def visible_math_problems(bubble) -> list[str]:
    """What a reader would see of unrendered LaTeX in a message: `$` signs, `\\commands`."""
    text = bubble.inner_text()
    return [text[max(0, m.start() - 20):m.end() + 20]
            for m in re.finditer(r"\$|\\[A-Za-z]+", text)]


# --- the tests ------------------------------------------------------------------------------

def test_a_student_asks_rates_and_comes_back(sites, browser, screenshots):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)

    # The launcher is a button named for the tutor; opening it puts the cursor in the textbox.
    expect(parts["launcher"]).to_have_attribute("aria-expanded", "false")
    parts["launcher"].click()
    expect(parts["panel"]).to_be_visible()
    expect(parts["textbox"]).to_be_focused()
    watch_typing_indicator(page)

    # A seed question, sent with Enter: the answer's formulas are MathML, not LaTeX source.
    ask(page, parts, SEED_QUESTION, 0)
    answer = parts["answers"].nth(0)
    expect(answer).to_have_class(re.compile("msg--answer"))
    bubble = answer.locator(".bubble")
    assert visible_math_problems(bubble) == []
    formulas = bubble.locator("math")
    assert formulas.count() >= 5
    box = formulas.first.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 8, box
    assert bubble.locator("mfrac").count() >= 1  # \frac became a real fraction
    assert page.evaluate("window.typingSeen") is True
    expect(page.locator("dl-tutor-widget .typing")).to_be_hidden()
    expect(page.locator("dl-tutor-widget .log")).to_have_attribute("aria-live", "polite")
    page.screenshot(path=str(screenshots / "widget-desktop.png"))

    # A suggestion chip sends its question; the tutor answers that entry.
    chip = answer.locator(".chip").first
    chip_text = chip.inner_text()
    chip.click()
    parts["answers"].nth(1).wait_for(timeout=10_000)
    expect(parts["questions"].nth(1).locator(".bubble")).to_have_text(chip_text)
    expect(parts["answers"].nth(1)).to_have_class(re.compile("msg--answer"))

    # Thumbs down on the first answer reaches the service's feedback store.
    answer.get_by_role("button", name="Not helpful").click()
    expect(answer.get_by_role("status")).to_have_text("Thanks for the feedback.")
    session_id = page.evaluate("""() => JSON.parse(localStorage.getItem(
        Object.keys(localStorage).find(k => k.startsWith('dl-tutor:v1:')))).sessionId""")
    record = wait_for_feedback(sites["service"].feedback_db)
    assert (record.session_id, record.entry_id, record.message, record.rating) == (
        session_id, SEED_ENTRY, SEED_QUESTION, "down")

    # After a reload the conversation is still there, open, with its math and its rating...
    page.reload()
    parts = widget(page)
    expect(parts["panel"]).to_be_visible()
    expect(parts["questions"]).to_have_count(2)
    expect(parts["answers"]).to_have_count(2)
    assert visible_math_problems(parts["answers"].nth(0).locator(".bubble")) == []
    expect(parts["answers"].nth(0).get_by_role("button", name="Not helpful")).to_have_attribute(
        "aria-pressed", "true")
    # ... and it is the same session: "why?" follows up on the last answer.
    ask(page, parts, "why?", 2)
    expect(parts["answers"].nth(2)).to_have_class(re.compile("msg--answer"))

    # Keyboard: the hint says how, Escape closes and gives the focus back to the launcher.
    expect(page.get_by_text("Escape closes")).to_be_visible()
    expect(parts["textbox"]).to_have_attribute("aria-describedby", "dlt-hint")
    parts["textbox"].focus()
    page.keyboard.press("Escape")
    expect(parts["panel"]).to_be_hidden()
    expect(parts["launcher"]).to_be_focused()
    expect(parts["launcher"]).to_have_attribute("aria-expanded", "false")

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


def test_it_fits_a_phone_and_keeps_the_pages_styles_apart(sites, browser, screenshots):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)

    # The site's `button {background: ...}` does not reach the launcher: it has the theme colour.
    assert style_of(parts["launcher"], "backgroundColor") == "rgb(11, 110, 79)"
    assert style_of(page.locator("#host-button"), "backgroundColor") == "rgb(230, 57, 70)"
    parts["launcher"].click()
    ask(page, parts, CALCULATION, 0)
    answer = parts["answers"].nth(0)
    expect(answer).to_have_class(re.compile("msg--calculation"))
    expect(answer).to_contain_text("14")  # ceil(28 / 2) with TensorFlow's "same"
    assert visible_math_problems(answer.locator(".bubble")) == []

    # The panel fills the phone's screen and nothing in it scrolls sideways.
    box = parts["panel"].bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    overflow = page.evaluate("""() => {
        const scroller = document.querySelector('dl-tutor-widget').shadowRoot
            .querySelector('.scroller');
        return scroller.scrollWidth - scroller.clientWidth;
    }""")
    assert overflow <= 0
    # A touch screen has no Escape or Shift key: no keyboard hints, shown or read out.
    expect(page.get_by_text("Escape closes")).to_be_hidden()
    expect(parts["textbox"]).not_to_have_attribute("aria-describedby", re.compile("."))
    # The widget's `.bubble` and `div` styles do not reach the page's own elements.
    assert style_of(page.locator("#host-bubble"), "borderTopStyle") == "dashed"
    assert style_of(page.locator("#host-bubble"), "backgroundColor") == "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(screenshots / "widget-phone.png"))

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


def test_a_page_from_an_origin_not_allowed_gets_no_answer(sites, browser):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watched = Watched(context)
    page = watched.page
    page.goto(sites["other"])
    parts = widget(page)
    parts["launcher"].click()
    log_start = sites["service"].stdout.stat().st_size
    parts["textbox"].fill(SEED_QUESTION)
    parts["textbox"].press("Enter")

    expect(parts["errors"]).to_have_count(1, timeout=10_000)
    expect(parts["errors"].first).to_contain_text("could not be reached")
    expect(parts["answers"]).to_have_count(0)
    # The browser asked first (a preflight), got no CORS headers, and never sent the question.
    log = wait_for_access_line(sites["service"], '"OPTIONS /chat HTTP/1.1"', log_start)
    assert '"POST /chat' not in log, log
    assert watched.page_errors == []
    # The widget still works as a widget: it can be closed and reopened.
    page.keyboard.press("Escape")
    expect(parts["panel"]).to_be_hidden()
    context.close()


def test_a_student_practises_and_sees_drawings(sites, browser, screenshots, knowledge_base):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 860})
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)
    parts["launcher"].click()

    # "quiz me on GANs": the statements are checkboxes (shown once, not also as a list) ...
    ask(page, parts, "quiz me on GANs", 0)
    question = parts["answers"].nth(0)
    expect(question).to_have_class(re.compile("msg--clarify"))
    boxes = question.get_by_role("checkbox")
    shown = [label.inner_text() for label in question.locator("label.choice").all()]
    from service.core.practice import choice_items, choice_stem

    def letters(text):  # compared as letters only, up to any maths (it renders differently)
        return re.sub(r"[^a-z]", "", text.split("$")[0].lower())

    prompt = letters(question.inner_text())
    [entry] = [item for item in choice_items(knowledge_base)  # an exam item or a quiz item
               if letters(choice_stem(item)) in prompt and len(item.choices) == len(shown)]
    assert entry.topic == "gan"
    assert question.locator(".bubble ol").count() == 0
    expect(question.get_by_role("group", name=re.compile("true statements"))).to_be_visible()
    expect(parts["textbox"]).to_have_attribute("placeholder", re.compile("2, 3 and 5"))
    # ... ticked by mouse or keyboard; "Check answer" sends the numbers as the next message.
    correct = sorted(entry.correct)
    boxes.nth(correct[0] - 1).focus()
    page.keyboard.press("Space")
    for number in correct[1:]:
        boxes.nth(number - 1).click()
    for number in range(1, len(entry.choices) + 1):
        (expect(boxes.nth(number - 1)).to_be_checked if number in correct
         else expect(boxes.nth(number - 1)).not_to_be_checked)()
    question.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "widget-quiz.png"))
    question.get_by_role("button", name="Check answer").click()
    parts["answers"].nth(1).wait_for(timeout=10_000)
    phrase = ", ".join(map(str, correct[:-1])) + " and " + str(correct[-1])
    expect(parts["questions"].nth(1).locator(".bubble")).to_have_text(phrase)
    graded = parts["answers"].nth(1)
    expect(graded).to_have_class(re.compile("msg--answer"))
    expect(graded).to_contain_text("Right!")
    expect(boxes.first).to_be_disabled()  # the answered question is closed
    expect(parts["textbox"]).to_have_attribute("placeholder", "Ask a question…")
    expect(parts["textbox"]).to_be_focused()
    page.screenshot(path=str(screenshots / "widget-quiz-graded.png"))

    # A numeric practice question says how to answer in the textbox's placeholder.
    ask(page, parts, "give me a conv question", 2)
    expect(parts["answers"].nth(2).get_by_role("checkbox")).to_have_count(0)
    expect(parts["textbox"]).to_have_attribute("placeholder", re.compile("^Your answer"))
    ask(page, parts, "stop", 3)

    # The seed's Q5 answer comes with its drawing, loaded from the service across origins.
    ask(page, parts, "how do I draw the graphical model in q5", 4)
    q5 = parts["answers"].nth(4)
    expect(q5).to_have_class(re.compile("msg--answer"))
    drawing = q5.locator(".drawing img")
    assert drawing.get_attribute("src") == (sites["service"].url +
                                            "/kb/entries/vae-graphical-model/graph.svg")
    alt = drawing.get_attribute("alt")
    edges = knowledge_base.get("vae-graphical-model").graph["edges"]
    assert all(f"{e['from']} to {e['to']}" in alt for e in edges), alt
    assert alt.count(" to ") == len(edges) == 6
    assert natural_width(page, drawing) > 0
    drawing.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "widget-q5-graph.png"))

    # A pasted factorisation is drawn from the SVG in the reply, as an image, never as markup.
    ask(page, parts, "p(x,z) = p(z)p(x|z)", 5)
    drawn = parts["answers"].nth(5)
    expect(drawn).to_have_class(re.compile("msg--calculation"))
    image = drawn.locator(".drawing img")
    assert image.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert "z to x" in image.get_attribute("alt")
    assert natural_width(page, image) > 0
    assert drawn.locator(".bubble svg").count() == 0
    image.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "widget-factorisation.png"))

    # After a reload the drawings and the answered question are still there.
    page.reload()
    parts = widget(page)
    expect(parts["answers"]).to_have_count(6)
    assert natural_width(page, parts["answers"].nth(4).locator(".drawing img")) > 0
    expect(parts["answers"].nth(0).get_by_role("checkbox").nth(correct[0] - 1)).to_be_checked()
    expect(parts["answers"].nth(0).get_by_role("checkbox").first).to_be_disabled()

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_wide_formulas_wrap_or_scroll_with_a_cue_and_answers_use_the_width(
        sites, browser, screenshots, knowledge_base, device):
    from playwright.sync_api import expect

    context = browser.new_context(**(PHONE if device == "phone" else DESKTOP))
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)
    parts["launcher"].click()
    ask(page, parts, knowledge_base.get(WIDE_ENTRY).question, 0)
    answer = parts["answers"].nth(0)
    expect(answer).to_have_class(re.compile("msg--answer"))

    # Nothing is cut off: whatever is wider than the answer scrolls, and says so.
    assert settled_layout_problems(answer) == []
    # The ELBO is cut after its relations: one displayed formula, several pieces.
    box = answer.locator(".wide:has(> .wide-scroll > .math-display)").first
    assert box.locator("math").count() >= 3
    answer.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / f"widget-wide-formula-{device}.png"))
    if device == "phone":  # its middle piece is still wider than a phone's answer
        expect(box).to_have_class(re.compile("more-right"))
        region = box.get_by_role("region", name="Formula, scrolls sideways")
        expect(region).to_have_attribute("tabindex", "0")
        region.focus()
        page.keyboard.press("ArrowRight")
        expect(box).to_have_class(re.compile("more-left"))  # scrolled: the start is hidden now
        region.evaluate("scroll => { scroll.scrollLeft = scroll.scrollWidth; }")
        expect(box).not_to_have_class(re.compile("more-right"))  # at the end: no cue there
        region.evaluate("scroll => { scroll.scrollLeft = 0; }")
        expect(box).to_have_class(re.compile("more-right"))

    # The answer takes the panel's width (less the log's padding), not 88 % of it.
    widths = page.evaluate("""() => {
        const root = document.querySelector('dl-tutor-widget').shadowRoot;
        const scroller = root.querySelector('.scroller');
        const style = getComputedStyle(scroller);
        const room = scroller.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight);
        const bubble = root.querySelector('.msg--answer .bubble').getBoundingClientRect();
        return {room, bubble: bubble.width};
    }""")
    assert widths["bubble"] >= 0.97 * widths["room"], widths

    # Operator names are set apart as TeX sets them: "log p", not "logp".
    gaps = answer.locator("math").evaluate_all("""maths => maths.flatMap(math =>
        [...math.querySelectorAll('mi, mo')]
            .filter(name => /^[A-Za-z]{2,}$/.test(name.textContent.trim()))
            .map(name => {
                let next = name.nextElementSibling;
                while (next && next.localName === 'mspace') next = next.nextElementSibling;
                if (!next || next.localName !== 'msub' && next.localName !== 'mi') return null;
                return next.getBoundingClientRect().left - name.getBoundingClientRect().right;
            })
            .filter(gap => gap !== null))""")
    assert gaps and min(gaps) >= 1.5, gaps  # a thin space is 1/6 em, about 3 px here

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


def test_punctuation_after_inline_math_stays_on_its_line(sites, browser, knowledge_base):
    from playwright.sync_api import expect

    context = browser.new_context(**PHONE)
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)
    parts["launcher"].click()
    ask(page, parts, knowledge_base.get(PUNCTUATED_ENTRY).question, 0)
    answer = parts["answers"].nth(0)
    expect(answer).to_have_class(re.compile("msg--answer"))
    # Every width from a small phone to a large one puts line ends somewhere else.
    for width in range(300, 432, 4):
        page.set_viewport_size({"width": width, "height": 740})
        checked = answer.evaluate(r"""answer => {
            const apart = [];
            let checked = 0;
            for (const math of answer.querySelectorAll('.bubble math')) {
                const next = math.nextSibling;
                if (!next || next.nodeType !== Node.TEXT_NODE || !/^[,.;:)]/.test(next.data)) {
                    continue;
                }
                checked += 1;
                const range = document.createRange();
                range.setStart(next, 0);
                range.setEnd(next, 1);
                const mark = range.getBoundingClientRect();
                const formula = math.getBoundingClientRect();
                if (!(mark.top < formula.bottom && mark.bottom > formula.top
                      && mark.left >= formula.right - 1)) {
                    apart.push(math.textContent + next.data.slice(0, 3));
                }
            }
            return {checked, apart};
        }""")
        assert checked["checked"] >= 10 and checked["apart"] == [], (width, checked)

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


def test_on_a_network_error_the_question_stays_and_can_be_retried(sites, browser,
                                                                   screenshots):
    from playwright.sync_api import expect

    context = browser.new_context(**DESKTOP)
    watched = Watched(context)
    page = watched.page
    page.goto(sites["allowed"])
    parts = widget(page)
    parts["launcher"].click()

    chat = sites["service"].url + "/chat"
    page.route(chat, lambda route: route.abort("internetdisconnected"))
    parts["textbox"].fill(SEED_QUESTION)
    parts["textbox"].press("Enter")
    expect(parts["errors"]).to_have_count(1, timeout=10_000)
    expect(parts["errors"].first).to_contain_text("could not be reached")
    # The question was not sent: it is back in the textbox, not in the conversation.
    expect(parts["textbox"]).to_have_value(SEED_QUESTION)
    expect(parts["questions"]).to_have_count(0)
    retry = parts["errors"].first.get_by_role("button", name="Retry")
    expect(retry).to_be_enabled()
    page.screenshot(path=str(screenshots / "widget-retry.png"))

    # Still offline: retrying fails the same way, and the question is still kept.
    retry.click()
    expect(parts["errors"]).to_have_count(1, timeout=10_000)
    expect(parts["textbox"]).to_have_value(SEED_QUESTION)
    expect(parts["questions"]).to_have_count(0)

    # Back online: Retry sends it; the answer comes, the error and the textbox text go.
    page.unroute(chat)
    parts["errors"].first.get_by_role("button", name="Retry").click()
    parts["answers"].nth(0).wait_for(timeout=10_000)
    expect(parts["answers"].nth(0)).to_have_class(re.compile("msg--answer"))
    expect(parts["errors"]).to_have_count(0)
    expect(parts["questions"]).to_have_count(1)
    expect(parts["questions"].first.locator(".bubble")).to_have_text(SEED_QUESTION)
    expect(parts["textbox"]).to_have_value("")
    expect(parts["textbox"]).to_be_focused()

    # Sending the kept text again with Enter is a retry too: the notice goes with it.
    page.route(chat, lambda route: route.abort("internetdisconnected"))
    ask_offline = "why?"
    parts["textbox"].fill(ask_offline)
    parts["textbox"].press("Enter")
    expect(parts["errors"]).to_have_count(1, timeout=10_000)
    expect(parts["textbox"]).to_have_value(ask_offline)
    page.unroute(chat)
    parts["textbox"].press("Enter")
    parts["answers"].nth(1).wait_for(timeout=10_000)
    expect(parts["errors"]).to_have_count(0)
    expect(parts["questions"]).to_have_count(2)

    # A failed request is the only thing the browser complained about.
    assert all("net::ERR_INTERNET_DISCONNECTED" in error for error in watched.console_errors), (
        watched.console_errors)
    assert watched.page_errors == []
    context.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_front_door_says_what_the_tutor_is_and_embeds_it(sites, browser, screenshots,
                                                             device):
    from playwright.sync_api import expect

    context = browser.new_context(**(PHONE if device == "phone" else DESKTOP))
    watched = Watched(context)
    page = watched.page
    response = page.goto(sites["service"].url + "/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A tutor for the deep-learning course")
    navigation = page.get_by_role("navigation", name="The tutor's pages")
    for name, path in (("Demo course page", "/demo"), ("API documentation", "/docs"),
                       ("Service health", "/healthz")):
        expect(navigation.get_by_role("link", name=name)).to_have_attribute("href", path)
    expect(page.get_by_role("main")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= (
        360 if device == "phone" else 1280)  # nothing sideways
    page.screenshot(path=str(screenshots / f"front-door-{device}.png"), full_page=True)

    # The widget is on the page itself (same origin): a visitor can try it right there.
    parts = widget(page)
    parts["launcher"].click()
    ask(page, parts, CALCULATION, 0)
    expect(parts["answers"].nth(0)).to_contain_text("14")

    assert watched.console_errors == []
    assert watched.page_errors == []
    context.close()


def settled_layout_problems(answer, timeout: float = 5.0) -> list[str]:
    """What in `answer` overflows sideways without a scroll cue, once the layout has settled.

    A scroll box finds out that it overflows (and shows its cue) a frame after layout, and the
    cue fades in: ask again until nothing is wrong or the time is up.
    """
    deadline = time.monotonic() + timeout
    while True:
        problems = answer.evaluate(r"""answer => {
            const problems = [];
            const edge = answer.getBoundingClientRect();
            const name = e => e.localName + (e.className && e.className.baseVal === undefined
                ? '.' + String(e.className).split(' ').join('.') : '');
            for (const element of answer.querySelectorAll('*')) {
                const style = getComputedStyle(element);
                const hidden = element.scrollWidth - element.clientWidth;
                if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && hidden > 1) {
                    const box = element.parentElement;
                    const cue = element.classList.contains('wide-scroll') && (
                        box.classList.contains('more-right')
                            && getComputedStyle(box, '::after').opacity === '1'
                        || box.classList.contains('more-left')
                            && getComputedStyle(box, '::before').opacity === '1');
                    if (!cue) {
                        problems.push(`${name(element)} hides ${hidden}px with no cue`);
                    }
                }
                const rect = element.getBoundingClientRect();
                const scrolled = element.parentElement.closest('.wide-scroll');
                if (!scrolled && rect.width
                        && (rect.right > edge.right + 1 || rect.left < edge.left - 1)) {
                    problems.push(`${name(element)} sticks out of the answer`);
                }
            }
            return problems;
        }""")
        if not problems or time.monotonic() > deadline:
            return problems
        time.sleep(0.1)


def natural_width(page, image) -> int:
    """The width of the image as loaded (0 until it has loaded, and if it never does)."""
    handle = image.element_handle()
    page.wait_for_function("img => img.complete", arg=handle, timeout=5_000)
    return handle.evaluate("img => img.naturalWidth")


def style_of(locator, prop: str) -> str:
    return locator.evaluate(f"element => getComputedStyle(element).{prop}")


def wait_for_feedback(path: Path, timeout: float = 5.0):
    store = SqliteFeedbackStore(path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and (records := store.list()):
            return records[0]
        time.sleep(0.05)
    pytest.fail("the service recorded no feedback")


def wait_for_access_line(service: Service, text: str, start: int, timeout: float = 5.0) -> str:
    """The access log written since byte `start`, once it contains `text` (a worker logs after
    it has replied)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with service.stdout.open("rb") as log:
            log.seek(start)
            new = log.read().decode(errors="replace")
        if text in new:
            return new
        time.sleep(0.05)
    pytest.fail(f"no access-log line with {text!r}:\n{new}")


@pytest.mark.parametrize(("in_ci", "outcome"), [(True, pytest.fail.Exception),
                                                (False, pytest.skip.Exception)])
def test_without_a_browser_it_skips_saying_what_to_install_but_fails_in_ci(monkeypatch, in_ci,
                                                                          outcome):
    monkeypatch.setattr(browser_support, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(browser_support, "IN_CI", in_ci)
    with pytest.raises(outcome, match=re.escape("apt-get install -y chromium")):
        browser_support.require_browser("widget's browser test")
