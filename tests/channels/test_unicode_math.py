"""The Slack channel without Flask: signatures, LaTeX to Unicode, Block Kit, dedupe, posting."""

from __future__ import annotations

import json
import multiprocessing
import re
import threading
import time
import unicodedata
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from service.channels.slack.blocks import render_reply
from service.channels.slack.channel import SlackChannel
from service.channels.slack.mrkdwn import message_text, to_mrkdwn
from service.channels.slack.posting import Background, Poster
from service.channels.slack.seen import MemorySeenStore, RedisSeenStore, SqliteSeenStore
from service.channels.slack.verification import RequestVerifier, SlackSignatureError
from service.channels.unicode_math import SUBSCRIPTS, SUPERSCRIPTS, latex_to_unicode
from service.core.dialogue import Reply
from service.core.matcher import Match
from service.core.sessions import redis_client
from tests.channels.slack.helpers import (
    SECRET,
    TOKEN,
    SlackStandIn,
    buttons,
    command_body,
    race_for_key,
    signed_headers,
    strings,
)
from tests.core.test_sessions import own_redis_place

MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)
BACKSLASH_COMMAND = re.compile(r"\\[A-Za-z]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")


def entry_texts(entry) -> list[str]:
    return [entry.question, entry.answer, entry.explanation, *entry.misconceptions,
            *(entry.choices or ()), *(entry.choice_reasons or ())]


# --- signatures --------------------------------------------------------------------------------


class FakeClock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


BODY = b'{"type": "event_callback"}'
NOW = 1_700_000_000


def test_a_request_signed_by_slack_passes():
    RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, signed_headers(BODY, NOW))


def test_header_names_are_case_insensitive_as_in_http():
    headers = {k.lower(): v for k, v in signed_headers(BODY, NOW).items()}
    RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, CaseInsensitive(headers))


class CaseInsensitive(dict):
    """What werkzeug's headers do: look names up regardless of case."""

    def get(self, key, default=None):
        return super().get(key.lower(), default)


@pytest.mark.parametrize(("headers", "field"), [
    ({}, "X-Slack-Signature"),
    ({"X-Slack-Request-Timestamp": str(NOW)}, "X-Slack-Signature"),
    ({"X-Slack-Signature": "v0=abc"}, "X-Slack-Request-Timestamp"),
    ({"X-Slack-Signature": "v0=abc", "X-Slack-Request-Timestamp": "yesterday"},
     "X-Slack-Request-Timestamp"),
    ({"X-Slack-Signature": "v0=abc", "X-Slack-Request-Timestamp": str(NOW)},
     "X-Slack-Signature"),
])
def test_unsigned_or_garbled_requests_are_refused_naming_the_header(headers, field):
    with pytest.raises(SlackSignatureError) as caught:
        RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, headers)
    assert caught.value.status == 401
    assert field in caught.value.fields


def test_a_signature_made_with_another_secret_is_refused():
    with pytest.raises(SlackSignatureError):
        RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(
            BODY, signed_headers(BODY, NOW, secret="not-the-secret"))


@pytest.mark.parametrize(("age", "accepted"), [
    (0, True), (299, True), (300, True), (301, False), (3600, False),
    (-300, True), (-301, False),  # from the future: a clock skewed too far is refused too
])
def test_the_window_is_five_minutes_either_way(age, accepted):
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW + age))
    headers = signed_headers(BODY, NOW)
    if accepted:
        verifier.verify(BODY, headers)
    else:
        with pytest.raises(SlackSignatureError) as caught:
            verifier.verify(BODY, headers)
        assert "X-Slack-Request-Timestamp" in caught.value.fields


def test_a_replayed_signature_is_refused_when_asked_to_be_used_once():
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW), seen=MemorySeenStore())
    headers = signed_headers(BODY, NOW)
    verifier.verify(BODY, headers, once=True)
    with pytest.raises(SlackSignatureError) as caught:
        verifier.verify(BODY, headers, once=True)
    assert caught.value.fields == {"X-Slack-Signature": ["Already used."]}


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300), position=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_change_to_the_body_breaks_the_signature(body, position, flip):
    text = body.decode("latin-1").encode()  # a UTF-8 body, as Slack's always are
    assume(text)
    index = position % len(text)
    tampered = bytearray(text)
    tampered[index] ^= flip
    assume(bytes(tampered) != text)
    try:
        bytes(tampered).decode("utf-8")
    except UnicodeDecodeError:
        assume(False)
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW))
    verifier.verify(text, signed_headers(text, NOW))
    with pytest.raises(SlackSignatureError):
        verifier.verify(bytes(tampered), signed_headers(text, NOW))


# --- LaTeX to Unicode --------------------------------------------------------------------------


@pytest.mark.parametrize(("latex", "unicode"), [
    (r"\lfloor M/2 \rfloor + 1", "⌊M/2⌋ + 1"),
    ("W_h", "Wₕ"),
    (r"\mathcal{O}", "O"),
    (r"\mathcal{O}(n^2 d)", "O(n² d)"),
    (r"\frac{n + 2p - k}{s}", "(n + 2p - k)/s"),
    (r"\frac{a}{b}", "a/b"),
    (r"\tfrac12", "1/2"),
    (r"h_{t-1}", "hₜ₋₁"),
    (r"W_h^\top", "Wₕᵀ"),
    (r"p_{data}", "p_data"),
    (r"\sigma_1^2", "σ₁²"),
    (r"\|W_h\|_2 \le 1", "‖Wₕ‖₂ ≤ 1"),
    (r"\sqrt{d_k}", "√dₖ"),
    (r"\sqrt{\sigma^2 + \epsilon}", "√(σ² + ϵ)"),
    (r"2\,\mathrm{JS}(p\|q) - \log 4", "2 JS(p‖q) - log 4"),
    (r"\mathbb{E}_{x \sim p}[\log D(x)]", "𝔼_(x ∼ p)[log D(x)]"),
    (r"\text{out} = \left\lceil \frac{n}{s} \right\rceil", "out = ⌈n/s⌉"),
    (r"a \quad b", "a   b"),
    (r"q^*", "q∗"),
    (r"\$5", "$5"),
])
def test_latex_reads_as_unicode(latex, unicode):
    assert latex_to_unicode(latex) == unicode


def test_every_math_span_in_the_knowledge_base_converts_without_commands(knowledge_base):
    spans = [match.group(1) or match.group(2)
             for entry in knowledge_base.entries.values() for text in entry_texts(entry)
             for match in MATH_SPAN.finditer(text)]
    assert len(spans) > 500  # the real knowledge base, not an empty one
    for span in spans:
        text = latex_to_unicode(span)
        assert "\\" not in text, (span, text)
        assert not PRIVATE_USE.search(text), (span, text)
        assert text.strip() or not span.strip(), span


def test_every_knowledge_base_text_becomes_mrkdwn_without_commands(knowledge_base):
    for entry in knowledge_base.entries.values():
        for text in entry_texts(entry):
            mrkdwn = to_mrkdwn(text)
            assert not BACKSLASH_COMMAND.search(mrkdwn), (entry.id, mrkdwn)
            assert "$" not in mrkdwn.replace("\\$", ""), (entry.id, mrkdwn)


# Unicode has no superscript Greek α, ε, ι, φ: its modifier letters for them fold to the Latin
# letters drawn the same way.
LOOKALIKES = str.maketrans({"ɑ": "α", "ɛ": "ε", "ɩ": "ι", "ɸ": "φ", "ϵ": "ε", "ϕ": "φ",
                            "−": "-"})  # and the scripts' minus sign folds to U+2212


def fold(text: str) -> str:
    """Compatibility-fold sub- and superscripts back to the letters they raise or lower."""
    return unicodedata.normalize("NFKC", text).translate(LOOKALIKES)


def test_the_script_tables_are_unicodes_own_sub_and_superscripts():
    """NFKC folds a sub- or superscript letter back to its letter: an independent check."""
    for table, kind in ((SUBSCRIPTS, "<sub>"), (SUPERSCRIPTS, "<super>")):
        for plain, script in table.items():
            if plain == "⊤":
                continue  # the transpose sign is written as a superscript T
            assert fold(script) == fold(plain), (plain, script)
            assert unicodedata.decomposition(script).startswith(kind), (plain, script)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from("xWhσ"), script=st.text(alphabet="0123456789+-=aehijklmnoprstuvx",
                                                    min_size=1, max_size=6),
       mark=st.sampled_from("_^"))
def test_sub_and_superscripts_fold_back_to_what_was_written(base, script, mark):
    assume(mark == "_" or all(c in SUPERSCRIPTS for c in script))
    text = latex_to_unicode(f"{base}{mark}{{{script}}}")
    assert fold(text) == fold(base + script)
    assert text.startswith(base) and "_" not in text and "^" not in text


def _expression():
    """(LaTeX, exact value) of random arithmetic with \\frac, \\cdot, + and -."""
    leaf = st.integers(1, 9).map(lambda n: (str(n), Fraction(n)))

    def grow(children):
        def combine(args):
            op, (a, x), (b, y) = args
            if op == "frac":
                assume(y != 0)
                return rf"\frac{{{a}}}{{{b}}}", x / y
            if op == "paren":
                return rf"\left({a}\right)", x
            symbol, value = {"+": ("+", x + y), "-": ("-", x - y), "cdot": (r"\cdot", x * y)}[op]
            wrap = op == "cdot" or op == "-"  # keep LaTeX's own precedence out of the question
            left = rf"\left({a}\right)" if wrap else a
            right = rf"\left({b}\right)" if wrap else b
            return f"{left} {symbol} {right}", value
        return st.tuples(st.sampled_from(["frac", "+", "-", "cdot", "paren"]), children,
                         children).map(combine)

    return st.recursive(leaf, grow, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(_expression())
def test_fractions_keep_their_meaning(expression):
    """Python evaluates the Unicode reading to the same number the LaTeX denotes."""
    latex, value = expression
    text = latex_to_unicode(latex).replace("·", "*")
    python = re.sub(r"\d+", lambda m: f"Fraction({m.group()})", text)
    assert eval(python, {"Fraction": Fraction}) == value, (latex, text)  # noqa: S307


LATEXISH = st.lists(st.sampled_from([
    r"\frac", r"\sqrt", "{", "}", "_", "^", r"\left", r"\right", r"\|", r"\text", r"\mathcal",
    r"\begin{pmatrix}", r"\end{pmatrix}", r"\\", "&", "$", "$$", r"\log", r"\foo", "\\", "x",
    "1", " ", "(", ")", r"\alpha", r"\,", r"\quad", r"\hat", r"\underbrace", r"\operatorname",
    "*", "**", "`", "<", "%", "~", "\n", r"\$", r"\sum", r"\int", r"\lVert", r"\tfrac",
]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(LATEXISH)
def test_any_latex_converts_without_raising_or_leaving_commands(latex):
    text = latex_to_unicode(latex)
    assert "\\" not in text and not PRIVATE_USE.search(text)
    mrkdwn = to_mrkdwn(f"before ${latex}$ between $${latex}$$ after {latex}")
    outside_code = re.sub(r"```.*?```|`[^`\n]+`", "", mrkdwn, flags=re.S)
    assert not BACKSLASH_COMMAND.search(outside_code) and not PRIVATE_USE.search(mrkdwn)


# --- Markdown to mrkdwn ------------------------------------------------------------------------


@pytest.mark.parametrize(("markdown", "mrkdwn"), [
    ("**Verdict: explode.** With", "*Verdict: explode.* With"),
    ("an *equivariant* map", "an _equivariant_ map"),
    ("_Ask *why?* for the explanation, *show the formula*._",
     "_Ask “why?” for the explanation, “show the formula”._"),
    ("- one\n- two", "• one\n• two"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ("the `padding=\"same\"` argument", "the `padding=\"same\"` argument"),
    ("costs \\$5, not $x_1$", "costs $5, not x₁"),
    ("if $\\rho < 1$ then", "if ρ &lt; 1 then"),
    ("see [the notes](https://example.edu/notes)", "see <https://example.edu/notes|the notes>"),
    ("snake_case_name stays", "snake_case_name stays"),
])
def test_markdown_becomes_slack_mrkdwn(markdown, mrkdwn):
    assert to_mrkdwn(markdown) == mrkdwn


def test_display_math_becomes_a_preformatted_line():
    text = to_mrkdwn("the length is\n$$\\text{out} = \\frac{n}{s},$$\nso")
    assert "```out = n/s,```" in text.splitlines()


# --- reading Slack's text ----------------------------------------------------------------------


@pytest.mark.parametrize(("slack", "plain"), [
    ("<@U0TUTORBOT> what is max pooling?", "what is max pooling?"),
    ("<@U0TUTORBOT|tutor>   why?", "why?"),
    ("is 3 &lt; 5 &amp;&amp; 5 &gt; 2", "is 3 < 5 && 5 > 2"),
    ("see <https://example.edu|the notes> in <#C123|general>", "see the notes in general"),
    ("<!here> anyone?", "anyone?"),
    ("", ""),
])
def test_slack_text_is_read_as_plain_text(slack, plain):
    assert message_text(slack) == plain


# --- Block Kit ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tutor(app):
    """The app's tutor (real knowledge base); each test uses its own session ids."""
    return app.extensions["tutor"]


def test_an_answer_has_explain_related_and_suggestion_buttons(tutor, knowledge_base):
    reply = tutor.respond("what does the stride of a convolution do", "slack:T1:C1:1.1",
                          channel="slack")
    assert reply.kind == "answer" and reply.suggestions
    message = render_reply(reply)
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert sections[0].startswith("*What does the stride")
    assert "```out = ⌊(n + 2p - k)/s⌋ + 1,```" in sections[0]
    labels = buttons(message)
    assert {"Explain more", "Related"} <= set(labels)
    assert json.loads(labels["Explain more"]["value"]) == {"s": "slack:T1:C1:1.1",
                                                           "m": "explain more"}
    suggested = [b for b in labels.values() if b["action_id"].startswith("tutor_suggestion")]
    assert [json.loads(b["value"])["e"] for b in suggested] == \
        [s.entry_id for s in reply.suggestions[:3]]
    for button in suggested:
        question = knowledge_base.get(json.loads(button["value"])["e"]).question
        assert len(button["text"]["text"]) <= 75
        assert button["text"]["text"].rstrip("…")[:40] in " ".join(
            latex_to_unicode(question).split()) or "$" in question


def test_a_calculation_shows_its_worked_steps_as_a_code_block(tutor):
    reply = tutor.respond("params of a 3x3 conv from 64 to 128 channels", "slack:T1:C1:1.2")
    message = render_reply(reply)
    text = message["blocks"][0]["text"]["text"]
    code = re.search(r"```(.*?)```", text, re.S).group(1).splitlines()
    assert len(code) == len(reply.calculation["result"]["steps"])
    assert code[-1] == f"total = {3 * 3 * 64 * 128} + 128 = {3 * 3 * 64 * 128 + 128}"
    assert list(buttons(message)) == ["Explain more"]  # "related" means nothing for numbers


def test_a_fallback_offers_its_closest_entries_as_buttons(tutor):
    reply = tutor.respond("recipe for banana bread", "slack:T1:C1:1.3")
    message = render_reply(reply)
    assert reply.kind == "fallback"
    assert message["text"].startswith("I don't know that one")
    assert {b["action_id"] for b in buttons(message).values()} == {
        f"tutor_suggestion_{n}" for n in range(1, len(reply.suggestions[:3]) + 1)}


def test_practice_choices_become_buttons_that_answer_with_their_number():
    reply = Reply("clarify", "Which is true?", "slack:T1:C1:1.4", confidence=1.0, practice={
        "id": "p1", "kind": "choice", "prompt": "Which is true?",
        "choices": ["$\\rho < 1$ vanishes", "it explodes"]})
    practice = [b for b in buttons(render_reply(reply)).values()
                if b["action_id"].startswith("tutor_practice")]
    assert [b["text"]["text"] for b in practice] == ["1. ρ < 1 vanishes", "2. it explodes"]
    assert [json.loads(b["value"])["m"] for b in practice] == ["1", "2"]
    reply.practice["result"] = {"correct": True}  # once graded, nothing left to click
    assert not any(b["action_id"].startswith("tutor_practice")
                   for b in buttons(render_reply(reply)).values())


def test_a_practice_question_clicked_is_graded_in_the_same_conversation(tutor):
    session = "slack:T1:D1"
    question = tutor.respond("quiz me on rnn multiple choice", session)
    assert question.practice["kind"] == "choice"
    (first,) = [b for b in buttons(render_reply(question)).values()
                if b["action_id"] == "tutor_practice_1"]
    value = json.loads(first["value"])
    graded = tutor.respond(value["m"], value["s"])
    assert graded.practice["result"]["your_answer"] == [1]


def test_a_long_answer_is_split_into_sections_slack_accepts():
    paragraphs = "\n\n".join(f"Paragraph {n}: " + "word " * 150 for n in range(80))
    message = render_reply(Reply("answer", paragraphs, "s", entry_id="x", confidence=1.0,
                                 suggestions=[Match("a", "A?", 0.5)]))
    assert len(message["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in message["blocks"]
               if b["type"] == "section")
    assert message["blocks"][-1]["block_id"] == "tutor_suggestions"  # buttons survive
    assert len(message["text"]) <= 3000


def test_no_reply_about_any_entry_leaves_a_command_or_dollar(tutor, knowledge_base):
    """Every entry, with every follow-up a student can click or type, rendered for Slack."""
    rendered = 0
    for number, entry in enumerate(knowledge_base.entries.values()):
        session = f"slack:T1:C2:{number}.1"
        replies = [tutor.respond(entry.question, session)]
        replies.append(tutor.respond(f"tell me about {entry.id.replace('-', ' ')}", session))
        for follow_up in ("why?", "explain more", "show the formula", "related"):
            replies.append(tutor.respond(follow_up, session))
        for reply in replies:
            message = render_reply(reply, note="<@U1> asked: Explain more")
            for text in strings(message):
                assert "\\" not in text, (entry.id, reply.kind, text)
                assert not PRIVATE_USE.search(text), (entry.id, text)
                assert not re.search(r"(?<![`\w])\$(?!\d)", text), (entry.id, text)
            rendered += 1
    assert rendered == 6 * len(knowledge_base.entries)


# --- seen store --------------------------------------------------------------------------------


@pytest.fixture
def redis_place():
    with own_redis_place() as place:
        yield place


def open_seen_store(kind: str, where, ttl_seconds: float = 3600):
    """A new seen store on `where` (a SQLite path, or Redis's (url, prefix)): another worker's."""
    if kind == "sqlite":
        return SqliteSeenStore(where, ttl_seconds=ttl_seconds)
    url, prefix = where
    return RedisSeenStore(redis_client(url), ttl_seconds=ttl_seconds, prefix=prefix)


@pytest.fixture(params=["sqlite", "redis"])
def seen_place(request, tmp_path):
    """(kind, where) of an empty seen store shared by every store opened on it."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "sessions.sqlite3")
    return "redis", request.getfixturevalue("redis_place")


def test_the_store_is_shared_by_every_worker(seen_place):
    worker_a, worker_b = open_seen_store(*seen_place), open_seen_store(*seen_place)
    assert worker_a.first_time("event:Ev1")
    assert not worker_b.first_time("event:Ev1")
    assert not worker_a.first_time("event:Ev1")
    assert worker_b.first_time("event:Ev2")


@pytest.mark.parametrize("store_class", [MemorySeenStore, SqliteSeenStore])
def test_a_key_is_forgotten_after_the_ttl(tmp_path, store_class):
    clock = FakeClock(NOW)
    args = (tmp_path / "s.sqlite3",) if store_class is SqliteSeenStore else ()
    store = store_class(*args, ttl_seconds=60, clock=clock)
    assert store.first_time("k")
    clock.now += 60
    assert not store.first_time("k")
    clock.now += 61
    assert store.first_time("k")


def test_redis_forgets_a_key_after_the_ttl(redis_place):
    store = open_seen_store("redis", redis_place, ttl_seconds=0.5)
    assert store.first_time("event:EvTtl")
    assert not store.first_time("event:EvTtl")
    assert 0 < store.client.pttl(redis_place[1] + "seen:event:EvTtl") <= 500
    time.sleep(0.7)
    assert store.first_time("event:EvTtl")


def _race_for_redis_key(place, key: str, start_at: float) -> bool:
    store = open_seen_store("redis", place)
    time.sleep(max(0.0, start_at - time.time()))
    return store.first_time(key)


def test_exactly_one_process_claims_an_event(seen_place):
    kind, where = seen_place
    open_seen_store(kind, where)  # the SQLite table exists before the race
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 3  # after every process has started
    race = race_for_key if kind == "sqlite" else _race_for_redis_key
    with context.Pool(4) as pool:
        results = pool.starmap(race, [(where, "event:EvRace", start_at)] * 4)
    assert sorted(results) == [False, False, False, True]


def test_exactly_one_thread_claims_an_event(seen_place):
    store = open_seen_store(*seen_place)
    barrier = threading.Barrier(8)
    results = []

    def claim():
        barrier.wait()
        results.append(store.first_time("event:EvThreads"))

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_with_redis_configured_the_channel_remembers_events_in_redis(tmp_path, redis_place):
    from service import create_app

    url, prefix = redis_place
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "RATE_LIMITS": "", "SLACK_SIGNING_SECRET": SECRET, "REDIS_URL": url,
                      "REDIS_KEY_PREFIX": prefix})
    seen = app.extensions["slack"].seen
    assert isinstance(seen, RedisSeenStore) and seen.first_time("event:EvApp")
    assert app.extensions["slack"].verifier.seen is seen
    assert redis_client(url).exists(prefix + "seen:event:EvApp")


# --- background work and posting ---------------------------------------------------------------


def test_background_wait_joins_jobs_and_their_follow_ups():
    background = Background(workers=2)
    done = []
    background.submit(lambda: (time.sleep(0.05), background.submit(done.append, "second")))
    background.submit(done.append, "first")
    assert background.wait(timeout=5)
    assert sorted(done) == ["first", "second"]
    background.shutdown()


def test_a_failing_job_is_logged_not_raised(caplog):
    background = Background(workers=1)

    def broken():
        raise RuntimeError("boom")

    future = background.submit(broken)
    assert background.wait(timeout=5)
    assert future.result() is None
    assert "failed" in caplog.text
    background.shutdown()


@pytest.fixture
def slack_api():
    stand_in = SlackStandIn().start()
    yield stand_in
    stand_in.stop()


def test_the_poster_calls_chat_post_message_with_the_bot_token(slack_api):
    poster = Poster(TOKEN, slack_api.url + "/api/")
    assert poster.post_message("C1", {"text": "hi", "blocks": []}, thread_ts="1.2")
    (path, headers, body), = slack_api.calls
    assert path == "/api/chat.postMessage"
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert body == {"channel": "C1", "text": "hi", "blocks": [], "thread_ts": "1.2"}


def test_the_poster_reports_slack_errors_and_unreachable_hosts(slack_api, caplog):
    slack_api.fail = "channel_not_found"
    assert not Poster(TOKEN, slack_api.url + "/api/").post_message("C1", {"text": "hi"})
    assert "channel_not_found" in caplog.text
    assert not Poster(TOKEN, "http://127.0.0.1:9/api/", timeout=2).post_message(
        "C1", {"text": "hi"})
    assert not Poster(None).post_message("C1", {"text": "hi"})  # no token: nothing to post with


def test_the_poster_answers_a_response_url_ephemerally(slack_api):
    assert Poster(None).respond(slack_api.url + "/hooks/abc", {"text": "hi"})
    assert slack_api.hooks("abc") == [{"text": "hi", "response_type": "ephemeral",
                                       "replace_original": False}]


class SlowTutor:
    """A tutor that thinks longer than Slack waits."""

    def __init__(self, tutor, delay):
        self.tutor, self.delay = tutor, delay

    def respond(self, message, session_id, channel="web"):
        time.sleep(self.delay)
        return self.tutor.respond(message, session_id, channel)


def test_a_slow_answer_is_acked_at_once_and_sent_to_the_response_url(
        tutor, knowledge_base, slack_api):
    seen = MemorySeenStore()
    channel = SlackChannel(SlowTutor(tutor, 1.5), knowledge_base,
                           RequestVerifier(SECRET, seen=seen), seen, Poster(None),
                           ack_seconds=0.1)
    body = command_body("params of a 3x3 conv from 64 to 128 channels",
                        response_url=slack_api.url + "/hooks/slow").encode()
    started = time.monotonic()
    ack = channel.handle_command(body, signed_headers(body))
    assert time.monotonic() - started < 1.0  # not the 1.5 s the tutor takes
    assert ack == {"response_type": "ephemeral", "text": "Working on it…"}
    assert channel.background.wait(timeout=10)
    (late,) = slack_api.hooks("slow")
    assert late["response_type"] == "ephemeral" and "73856" in late["text"]
    channel.background.shutdown()
