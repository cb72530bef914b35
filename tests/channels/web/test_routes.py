"""The widget's files, the front door, the demo page, and who may call /chat and /feedback."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from service import create_app

COURSE = "https://course.example.edu"
OTHER = "https://elsewhere.example.org"
OWN = "http://localhost"  # the test client's host
CHAT = {"message": "why would you use max pooling in a cnn?"}
FEEDBACK = {"session_id": "s1", "entry_id": None, "message": "q", "rating": "up"}


@pytest.fixture(scope="module")
def course_app(tmp_path_factory):
    """The service as a course site would deploy it: one origin allowed."""
    sessions = tmp_path_factory.mktemp("widget") / "sessions.sqlite3"
    return create_app({"TESTING": True, "SESSION_DB": str(sessions), "ALLOWED_ORIGINS": COURSE})


@pytest.fixture
def course_client(course_app):
    return course_app.test_client()


def fetch(client, path: str):
    """GET a file; the response is closed (a served file is streamed from disk)."""
    with client.get(path) as response:
        return response, response.get_data(as_text=True)


def preflight(client, path: str, origin: str):
    return client.options(path, headers={"Origin": origin,
                                         "Access-Control-Request-Method": "POST",
                                         "Access-Control-Request-Headers": "content-type"})


# --- the files ------------------------------------------------------------------------------

def test_the_widget_script_is_served(client):
    response, script = fetch(client, "/widget.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=300" in response.headers["Cache-Control"]
    assert "attachShadow" in script


def test_the_widget_loads_nothing_from_anywhere_else(client):
    script = fetch(client, "/widget.js")[1]
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", script))
    namespaces = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML",
                  "http://www.w3.org/2000/svg"}
    assert addresses - namespaces == {"https://TUTOR_HOST/widget.js"}  # the usage comment
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "eval(" not in script and "document.write" not in script


def test_the_demo_page_embeds_the_widget_as_a_course_site_would(client):
    response, page = fetch(client, "/demo")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    tags = re.findall(r"<script\b[^>]*>", page)
    assert len(tags) == 1
    assert 'src="/widget.js"' in tags[0] and " defer" in tags[0]
    assert re.search(r'data-title="[^"]+"', tags[0])
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), "the page reaches elsewhere"


def test_the_widget_routes_are_in_the_openapi_description(client):
    paths = client.get("/openapi.json").json["paths"]
    assert {"/", "/widget.js", "/demo", "/feedback"} <= set(paths)


# --- the front door -------------------------------------------------------------------------

class Outline(HTMLParser):
    """A page's elements, headings and links, as a browser (or a screen reader) lists them."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self._open: list[list] = []  # [tag, href, text] of an open heading or link
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in {"h1", "h2", "h3", "a"}:
            self._open.append([tag, dict(attrs).get("href"), ""])

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            name, href, text = self._open.pop()
            text = " ".join(text.split())
            (self.links.append((href, text)) if name == "a"
             else self.headings.append((name, text)))
            if self._open:
                self._open[-1][2] += text

    def handle_data(self, data):
        if self._open:
            self._open[-1][2] += data


def test_the_front_door_says_what_the_tutor_is_and_where_to_go(client, knowledge_base):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    outline = Outline(page)
    tags = [tag for tag, _ in outline.tags]
    assert {"header", "nav", "main", "footer"} <= set(tags)
    assert all(attrs.get("aria-label") for tag, attrs in outline.tags if tag == "nav")
    assert [text for level, text in outline.headings if level == "h1"] == [
        "A tutor for the deep-learning course"]
    assert outline.headings[0][0] == "h1" and {level for level, _ in outline.headings} == {
        "h1", "h2", "h3"}
    links = dict(outline.links)
    assert links["/demo"] == "Demo course page"
    assert links["/docs"] == "API documentation"
    assert links["/healthz"] == "Service health"
    assert links["/openapi.json"] == "openapi.json"
    assert "Skip to the content" in {text for _, text in outline.links}
    assert f"{len(knowledge_base)} knowledge-base entries" in page
    # the snippet for a course site names this service's own address
    assert '&lt;script src="http://localhost/widget.js" defer' in page


def test_the_front_door_embeds_the_widget_and_loads_nothing_from_elsewhere(client):
    outline = Outline(client.get("/").get_data(as_text=True))
    scripts = [attrs for tag, attrs in outline.tags if tag == "script"]
    assert len(scripts) == 1
    assert scripts[0]["src"] == "/widget.js" and "defer" in scripts[0]
    assert scripts[0]["data-title"]
    addresses = [value for _, attrs in outline.tags for name, value in attrs.items()
                 if name in {"src", "href"}]
    assert addresses and not [a for a in addresses if re.match(r"(?:[a-z]+:)?//", a or "")]


def test_every_link_on_the_front_door_leads_somewhere(client):
    for href, _ in Outline(client.get("/").get_data(as_text=True)).links:
        if href.startswith("#"):
            continue
        with client.get(href) as response:
            assert response.status_code == 200, href


def test_head_of_the_front_door_is_answered_too(client):
    response = client.head("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.get_data() == b""
    assert int(response.headers["Content-Length"]) == len(client.get("/").get_data())


# --- cross-origin rules ---------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/chat", "/feedback"])
def test_an_allowed_page_passes_the_preflight(course_client, path):
    response = preflight(course_client, path, COURSE)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == COURSE
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()


@pytest.mark.parametrize("path", ["/chat", "/feedback"])
def test_another_page_gets_no_cors_headers_in_the_preflight(course_client, path):
    response = preflight(course_client, path, OTHER)
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(("path", "body", "status"), [
    ("/chat", CHAT, 200), ("/feedback", FEEDBACK, 201)])
def test_an_allowed_page_gets_answers(course_client, path, body, status):
    response = course_client.post(path, json=body, headers={"Origin": COURSE})
    assert response.status_code == status
    assert response.headers["Access-Control-Allow-Origin"] == COURSE


def test_an_allowed_page_can_read_errors_too(course_client):
    response = course_client.post("/chat", json={"message": ""}, headers={"Origin": COURSE})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == COURSE


@pytest.mark.parametrize(("path", "body"), [("/chat", CHAT), ("/feedback", FEEDBACK)])
@pytest.mark.parametrize("origin", [OTHER, "null", "http://course.example.edu", "not an origin"])
def test_another_page_is_refused_with_403(course_app, course_client, path, body, origin):
    before = len(course_app.extensions["feedback"].list(limit=10_000))
    response = course_client.post(path, json=body, headers={"Origin": origin})
    assert response.status_code == 403
    assert response.json == {"error": {
        "code": "origin_not_allowed",
        "message": f"Pages on {origin} may not use this tutor; the service's ALLOWED_ORIGINS "
                   "setting lists the sites that may."}}
    assert "Access-Control-Allow-Origin" not in response.headers
    assert len(course_app.extensions["feedback"].list(limit=10_000)) == before


def test_the_services_own_pages_may_call_it(course_client):
    response = course_client.post("/chat", json=CHAT, headers={"Origin": OWN})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers  # same origin needs none


def test_requests_without_an_origin_are_not_affected(course_client):
    response = course_client.post("/chat", json=CHAT)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_other_endpoints_are_not_affected(course_client):
    response = course_client.post("/calc/conv", json={"input": 32, "kernel": 3},
                                  headers={"Origin": OTHER})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize("origin", [COURSE, OTHER, None])
def test_any_page_may_show_a_drawing(course_client, origin):
    """The Q5 drawing is public course material, fetched without cookies: the widget's <img>
    loads it on any site, also one that isolates itself (CORP) or asks with CORS."""
    headers = {"Origin": origin} if origin else {}
    response = course_client.get("/kb/entries/vae-graphical-model/graph.svg", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response.headers
    assert response.get_data(as_text=True).startswith("<svg")


def test_the_widget_shows_service_svg_only_as_an_image(client):
    script = fetch(client, "/widget.js")[1]
    assert "data:image/svg+xml;base64," in script
    assert script.count("parseFromString(") == 1  # reply HTML only, never an SVG document
    dropped = re.search(r"DROPPED_TAGS = setOf\(([^)]*)\)", script).group(1)
    assert "svg" in re.findall(r"[\w-]+", dropped)  # svg in reply HTML is dropped, not drawn


def test_by_default_no_other_origin_is_allowed(client):
    assert client.post("/chat", json=CHAT, headers={"Origin": COURSE}).status_code == 403
    assert "Access-Control-Allow-Origin" not in preflight(client, "/chat", COURSE).headers


def test_a_star_allows_every_origin(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "ALLOWED_ORIGINS": "*"})
    response = app.test_client().post("/chat", json=CHAT, headers={"Origin": OTHER})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == OTHER


@pytest.mark.parametrize("value", ["https://a.edu, https://course.example.edu",
                                   '["https://a.edu", "https://course.example.edu"]'])
def test_the_environment_variable_is_a_comma_separated_or_json_list(monkeypatch, tmp_path,
                                                                     value):
    monkeypatch.setenv("TUTOR_ALLOWED_ORIGINS", value)
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3")})
    assert app.extensions["allowed_origins"] == ("https://a.edu", COURSE)
    response = app.test_client().post("/chat", json=CHAT, headers={"Origin": COURSE})
    assert response.status_code == 200


def test_a_bad_origin_in_the_setting_stops_start_up(tmp_path):
    with pytest.raises(ValueError, match="ALLOWED_ORIGINS.*course.example.edu/week3"):
        create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                    "ALLOWED_ORIGINS": "https://course.example.edu/week3"})
