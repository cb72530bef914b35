"""`/admin`, the instructors' dashboard page: off without a token, a sign-in form with a signed
HttpOnly SameSite=Strict cookie, CSRF-checked forms, and the page itself."""

from __future__ import annotations

import re
import shutil
import time

import pytest
import yaml

from service import create_app
from service.knowledge.loading import validate_directory

TOKEN = "dashboard-s3cret"
SEEDED = ["what is a capsule network?", "what is a capsule network",
          "how do I bake <script>alert(1)</script> sourdough bread?"]


@pytest.fixture
def site(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "sessions.sqlite3"),
                      "ADMIN_TOKEN": TOKEN, "RATE_LIMITS": "", "DAILY_FLUSH_SECONDS": 0})
    yield app
    app.extensions["records"].dispose()


@pytest.fixture
def browser(site):
    return site.test_client()


def seed(client) -> str:
    for message in SEEDED:
        assert client.post("/chat", json={"message": message}).json["kind"] == "fallback"
    answer = client.post("/chat", json={"message": "why would you use max pooling in a cnn?"})
    assert answer.json["kind"] == "answer"
    client.post("/chat", json={"message": "output size of a 28x28 input with a 5x5 kernel"})
    client.post("/chat", json={"message": "hi"})  # small talk: never a fallback
    assert client.post("/feedback", json={
        "session_id": answer.json["session_id"], "entry_id": answer.json["entry_id"],
        "message": "why would you use max pooling in a cnn?", "rating": "down",
        "comment": "It never says <b>why</b> the maximum."}).status_code == 201
    return answer.json["entry_id"]


def csrf(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)


def sign_in(client, token=TOKEN):
    form = client.get("/admin")
    return client.post("/admin/sign-in", data={"token": token, "csrf_token": csrf(form)})


def cookie_header(response) -> str:
    [header] = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("tutor_admin=")]
    return header


@pytest.mark.parametrize(("method", "path"), [("get", "/admin"), ("post", "/admin/sign-in"),
                                              ("post", "/admin/sign-out"),
                                              ("get", "/admin/drafts/1.yaml")])
def test_without_a_configured_token_the_dashboard_does_not_exist(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_signed_out_there_is_a_form_and_no_data(browser):
    seed(browser)
    page = browser.get("/admin")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert 'for="token">Admin token</label>' in page.text
    assert ">Sign in</button>" in page.text
    assert "<svg" not in page.text.split("</header>")[1]  # the brand icon only
    assert "capsule" not in page.text and "max-pooling" not in page.text
    assert browser.get("/admin/drafts/1.yaml").status_code == 401
    header = cookie_header(page)  # the CSRF token's session, before signing in
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/admin" in header


def test_the_page_is_locked_down(browser):
    page = browser.get("/admin")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["X-Frame-Options"] == "DENY"


def test_a_wrong_token_is_refused_and_shows_no_data(browser):
    seed(browser)
    for token in ["wrong", "", TOKEN + "x", TOKEN.upper()]:
        response = sign_in(browser, token)
        assert response.status_code == 401
        assert "not the admin token" in response.text and 'role="alert"' in response.text
        assert "capsule" not in response.text
        assert browser.get("/admin").text.count("capsule") == 0


@pytest.mark.parametrize("form", [{"token": TOKEN}, {"token": TOKEN, "csrf_token": "forged"},
                                  {"token": TOKEN, "csrf_token": ""}])
def test_a_sign_in_without_the_forms_csrf_token_is_refused(browser, form):
    browser.get("/admin")
    response = browser.post("/admin/sign-in", data=form)
    assert response.status_code == 400 and "expired" in response.text
    assert 'for="token"' in browser.get("/admin").text  # still signed out


def test_a_cross_site_post_without_the_cookie_is_refused(site):
    """SameSite=Strict keeps the cookie off another site's form; the token is then unknown."""
    stranger = site.test_client()
    response = stranger.post("/admin/sign-in", data={"token": TOKEN, "csrf_token": "guess"},
                             headers={"Origin": "https://evil.example"})
    assert response.status_code == 400


def test_signing_in_sets_an_expiring_session_and_shows_the_dashboard(browser, site):
    entry_id = seed(browser)
    response = sign_in(browser)
    assert response.status_code == 303 and response.headers["Location"] == "/admin"
    header = cookie_header(response)
    assert all(part in header for part in ("HttpOnly", "SameSite=Strict", "Path=/admin",
                                           "Expires="))
    assert TOKEN not in header  # a fingerprint, not the token
    page = browser.get("/admin")
    assert page.status_code == 200
    text = page.text
    for chart in ("kinds", "fallback-rate", "hits", "dislikes"):
        assert f'class="pygal-chart chart-{chart}"' in text
    assert text.count('role="img"') == 4
    assert "Answers, " in text and "Fallbacks, " in text
    assert "what is a capsule network" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert" not in text
    assert entry_id in text and "It never says &lt;b&gt;why&lt;/b&gt; the maximum." in text
    nonce = re.search(r"'nonce-([^']+)'", page.headers["Content-Security-Policy"]).group(1)
    assert f'<style type="text/css" nonce="{nonce}">' in text
    assert ">Sign out</button>" in text


def test_the_session_expires_and_a_new_token_signs_everybody_out(browser, site, monkeypatch):
    sign_in(browser)
    assert "What students asked" in browser.get("/admin").text
    site.config["ADMIN_TOKEN"] = "rotated"
    assert 'for="token"' in browser.get("/admin").text
    site.config["ADMIN_TOKEN"] = TOKEN
    assert "What students asked" in browser.get("/admin").text
    import itsdangerous.timed

    later = time.time() + site.permanent_session_lifetime.total_seconds() + 5
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp",
                        lambda self: int(later))
    assert 'for="token"' in browser.get("/admin").text


def test_signing_out_needs_the_csrf_token_and_forgets_the_session(browser):
    sign_in(browser)
    page = browser.get("/admin")
    assert browser.post("/admin/sign-out", data={}).status_code == 400
    assert "What students asked" in browser.get("/admin").text
    response = browser.post("/admin/sign-out", data={"csrf_token": csrf(page)})
    assert response.status_code == 303
    assert 'for="token"' in browser.get("/admin").text


def test_the_date_filter_and_the_order(browser, site):
    records = site.extensions["records"]
    records.clock = lambda: time.time() - 40 * 86400
    browser.post("/chat", json={"message": "what is a quantum convolution kernel exactly"})
    records.clock = time.time
    sign_in(browser)
    assert "No unanswered questions in this period." in browser.get("/admin").text  # 30 days
    since = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 45 * 86400))
    assert "quantum convolution" in browser.get(f"/admin?since={since}").text
    seed(browser)
    assert "quantum convolution" not in browser.get("/admin").text
    newest = browser.get("/admin?since=&sort=newest").text
    largest = browser.get("/admin?sort=largest").text
    assert newest.index("sourdough") < newest.index("capsule network")
    assert largest.index("capsule network") < largest.index("sourdough")
    for query in ["since=yesterday", "sort=oldest", "colour=red"]:
        response = browser.get(f"/admin?{query}")
        assert response.status_code == 422, query
        assert response.json["error"]["code"] == "validation_error"


def test_a_draft_downloads_and_validates_once_answered(browser, site, tmp_path):
    seed(browser)
    sign_in(browser)
    page = browser.get("/admin").text
    group = re.search(r'id="group-(\d+)"[^>]*>\s*<div class="group-head">\s*<span class="count"'
                      r'[^>]*>2<', page).group(1)
    link = re.search(rf'href="(/admin/drafts/{group}\.yaml\?since=[0-9-]+)"', page).group(1)
    response = browser.get(link)
    assert response.status_code == 200
    assert response.content_type == "application/yaml; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.yaml"',
                        response.headers["Content-Disposition"])
    assert response.text in page.replace("&#34;", '"').replace("&#39;", "'")  # as shown
    document = yaml.safe_load(response.text)
    [entry] = document["entries"]
    assert entry["answer"] == "" and entry["explanation"] == ""
    assert entry["question"] in ("What is a capsule network?", "What is a capsule network")
    assert entry["alternates"][0].lower().startswith("what is a capsule network")
    assert len(entry["alternates"]) >= 3
    knowledge = shutil.copytree(site.config["KNOWLEDGE_DIR"], tmp_path / "knowledge-copy")
    (knowledge / "draft.yaml").write_text(response.text.replace(  # as downloaded, filled in
        'answer: ""', 'answer: "A capsule is a group of neurons."').replace(
        'explanation: ""', 'explanation: "Because."'))
    entries, problems, _ = validate_directory(knowledge)
    assert problems == [] and entry["id"] in entries
    assert browser.get("/admin/drafts/999999.yaml").status_code == 404


def test_a_rating_may_carry_a_comment(browser):
    base = {"session_id": "abc", "entry_id": "stride", "message": "what is stride",
            "rating": "down"}
    assert "comment" not in browser.post("/feedback", json=base).json
    stored = browser.post("/feedback", json={**base, "comment": "Too short."}).json
    assert stored["comment"] == "Too short."
    assert "comment" not in browser.post("/feedback", json={**base, "comment": None}).json
    assert "comment" not in browser.post("/feedback", json={**base, "comment": "  "}).json
    for bad in ["x" * 1001, 42, ["a"], "bad \ud800"]:
        response = browser.post("/feedback", json={**base, "comment": bad})
        assert response.status_code == 422, bad
        assert "comment" in response.json["error"]["fields"]
