"""`POST /chat` with `"html": true`: the same reply, plus HTML with the formulas as MathML."""

from __future__ import annotations

import pytest

SEED = ("A single-channel image of size M x N is convolved with an m x n filter, where M, N, m "
        "and n are all odd. What is the output image size if the stride is 2 and zero padding "
        "is used?")
Q5 = "how do I draw the graphical model in q5"


def test_html_adds_reply_html_and_question_html(client):
    plain = client.post("/chat", json={"message": SEED}).json
    rendered = client.post("/chat", json={"message": SEED, "html": True}).json
    assert rendered["entry_id"] == plain["entry_id"] == "conv-output-size-stride2"
    assert rendered["reply"] == plain["reply"]
    assert "\\lfloor" in rendered["reply"]  # the Markdown keeps its LaTeX ...
    assert "<math" in rendered["reply_html"] and "&#x0230A;" not in rendered["reply_html"]
    assert "\u230a" in rendered["reply_html"]  # ... the HTML has the floor sign itself
    assert "$" not in rendered["reply_html"]
    assert rendered["suggestions"]
    for suggestion in rendered["suggestions"]:
        assert set(suggestion) == {"entry_id", "question", "score", "question_html"}


def test_without_html_the_reply_is_as_the_contract_has_it(client):
    body = client.post("/chat", json={"message": SEED}).json
    assert "reply_html" not in body
    assert all("question_html" not in s for s in body["suggestions"])


def test_html_false_is_the_default(client):
    body = client.post("/chat", json={"message": SEED, "html": False}).json
    assert "reply_html" not in body


def test_every_kind_of_reply_can_be_html(client):
    for message in (SEED, "output size of a 28x28 input with a 5x5 kernel, stride 2",
                    "params of a 3x3 conv", "what is the capital of france"):
        body = client.post("/chat", json={"message": message, "html": True}).json
        assert body["reply_html"].strip(), body


@pytest.mark.parametrize("value", ["maybe", 2, [], {}, None])
def test_html_must_be_a_boolean(client, value):
    response = client.post("/chat", json={"message": SEED, "html": value})
    assert response.status_code == 422
    assert "html" in response.json["error"]["fields"]


def test_an_answer_with_a_drawing_says_where_to_load_it(client, knowledge_base):
    body = client.post("/chat", json={"message": Q5, "html": True}).json
    assert (body["kind"], body["entry_id"]) == ("answer", "vae-graphical-model")
    graph = knowledge_base.get("vae-graphical-model").graph
    assert body["graph"]["nodes"] == graph["nodes"]
    assert body["graph"]["edges"] == graph["edges"]
    drawing = client.get(body["graph"]["svg_url"])
    assert drawing.status_code == 200 and drawing.mimetype == "image/svg+xml"
    assert "graph" not in client.post("/chat", json={"message": Q5}).json


def test_answers_about_entries_without_a_drawing_carry_none(client):
    for message in (SEED, "output size of a 28x28 input with a 5x5 kernel, stride 2"):
        assert "graph" not in client.post("/chat", json={"message": message, "html": True}).json


def test_a_multiple_choice_question_has_each_statement_as_html(client):
    body = client.post("/chat", json={"message": "quiz me on VAEs", "html": True}).json
    practice = body["practice"]
    assert practice["kind"] == "choice"
    assert len(practice["choices_html"]) == len(practice["choices"]) >= 2
    for text, markup in zip(practice["choices"], practice["choices_html"], strict=True):
        assert "$" not in markup and "<p>" not in markup  # inline, formulas as MathML
        assert ("<math" in markup) == ("$" in text), (text, markup)
    plain = client.post("/chat", json={"message": "quiz me on VAEs"}).json
    assert "choices_html" not in plain["practice"]


def test_a_numeric_question_has_no_statements(client):
    body = client.post("/chat", json={"message": "give me a conv question", "html": True}).json
    assert body["practice"]["kind"] == "numeric"
    assert "choices_html" not in body["practice"]


def test_the_openapi_description_documents_the_flag_and_the_fields(client):
    schemas = client.get("/openapi.json").json["components"]["schemas"]
    assert "html" in schemas["ChatRequest"]["properties"]
    assert {"reply_html", "graph"} <= set(schemas["ChatResponse"]["properties"])
    assert "question_html" in schemas["Suggestion"]["properties"]
    assert "choices_html" in schemas["ChatPractice"]["properties"]
    assert "svg_url" in schemas["EntryGraph"]["properties"]
