"""`/admin/*`: off without a token (404), 401 with a wrong one, the report and the reload."""

from __future__ import annotations

import csv
import io

import pytest

from service import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def admin_app(tmp_path, tiny_knowledge):
    return create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "sessions.sqlite3"),
                       "KNOWLEDGE_DIR": str(tiny_knowledge), "ADMIN_TOKEN": TOKEN,
                       "RATE_LIMITS": ""})


@pytest.fixture
def admin(admin_app):
    return admin_app.test_client()


@pytest.mark.parametrize("method, path", [("get", "/admin/unanswered"),
                                          ("post", "/admin/reload")])
def test_without_a_configured_token_the_admin_routes_do_not_exist(client, method, path):
    response = getattr(client, method)(path, headers=AUTH)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}])
@pytest.mark.parametrize("method, path", [("get", "/admin/unanswered"),
                                          ("post", "/admin/reload")])
def test_a_missing_or_wrong_token_is_401(admin, headers, method, path):
    response = getattr(admin, method)(path, headers=headers)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "unauthorized"
    assert "Authorization" in response.json["error"]["fields"]


def test_the_right_token_lists_unanswered_questions_grouped(admin):
    for message in ["what is a capsule network?", "what is a capsule network",
                    "how do I bake sourdough bread?"]:
        assert admin.post("/chat", json={"message": message}).json["kind"] == "fallback"
    admin.post("/chat", json={"message": "why max pooling"})  # answered: not listed
    response = admin.get("/admin/unanswered", headers=AUTH)
    assert response.status_code == 200
    groups = response.json["groups"]
    assert [g["count"] for g in groups] == [1, 2]
    assert groups[0]["examples"] == ["how do I bake sourdough bread?"]
    assert set(groups[0]) == {"id", "count", "examples", "newest", "nearest_entry_id",
                              "nearest_score"}
    assert groups[1]["id"] == 2 and groups[0]["id"] == 3  # the newest question's record id
    assert admin.get("/admin/unanswered?limit=1", headers=AUTH).json["groups"] == groups[:1]
    assert admin.get("/admin/unanswered?since=2999-01-01",
                     headers=AUTH).json == {"groups": []}
    assert len(admin.get("/admin/unanswered?since=2000-01-01T00:00:00%2B02:00",
                         headers=AUTH).json["groups"]) == 2


def test_csv_and_markdown(admin):
    admin.post("/chat", json={"message": "how do I bake sourdough bread?"})
    response = admin.get("/admin/unanswered?format=csv", headers=AUTH)
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"  # one charset, not two
    [row] = list(csv.DictReader(io.StringIO(response.text)))
    assert row["count"] == "1" and row["examples"] == "how do I bake sourdough bread?"
    response = admin.get("/admin/unanswered?format=markdown", headers=AUTH)
    assert response.content_type == "text/markdown; charset=utf-8"
    assert "sourdough" in response.text.splitlines()[2]


@pytest.mark.parametrize("query, field", [("format=xml", "format"), ("limit=0", "limit"),
                                          ("limit=abc", "limit"), ("since=yesterday", "since"),
                                          ("limit=100000", "limit")])
def test_bad_query_is_a_422_naming_the_field(admin, query, field):
    response = admin.get(f"/admin/unanswered?{query}", headers=AUTH)
    assert response.status_code == 422
    assert field in response.json["error"]["fields"]


def test_reload_picks_up_a_new_entry(admin_app, admin, tiny_knowledge):
    before = admin.get("/healthz").json
    path = tiny_knowledge / "dl-basics.yaml"
    path.write_text(path.read_text().replace("What does the stride of a convolution do?",
                                             "What does the stride of a convolution change?"))
    response = admin.post("/admin/reload", headers=AUTH)
    assert response.status_code == 200
    after = admin.get("/healthz").json
    assert response.json == {"status": "reloaded", "entries": after["entries"],
                             "knowledge_version": after["knowledge_version"]}
    assert after["knowledge_version"] != before["knowledge_version"]
    assert admin.get("/kb/entries/stride").json["question"].endswith("change?")
    # the new tutor still records
    admin.post("/chat", json={"message": "how do I bake sourdough bread?"})
    assert len(admin.get("/admin/unanswered", headers=AUTH).json["groups"]) == 1


def test_a_broken_file_is_422_listing_the_problems_and_the_old_one_keeps_serving(
        admin_app, admin, tiny_knowledge):
    before = admin.get("/healthz").json
    path = tiny_knowledge / "dl-basics.yaml"
    path.write_text(path.read_text().replace("    topic: dl-basics\n", "    topic: cooking\n", 1))
    response = admin.post("/admin/reload", headers=AUTH)
    assert response.status_code == 422
    error = response.json["error"]
    assert error["code"] == "invalid_knowledge_base"
    assert any(k.startswith("dl-basics.yaml:stride:topic") for k in error["fields"]), error
    assert admin.get("/healthz").json == before
    assert admin.post("/chat", json={"message": "what is stride in a cnn"}).json["entry_id"] \
        == "stride"
