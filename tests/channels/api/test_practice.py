"""`/practice/*` through HTTP, and practice inside `POST /chat`."""

from __future__ import annotations

import pytest

from service import create_app
from service.core.practice import Practice
from tests.channels.api.test_errors import assert_error_shape
from tests.core.practice.test_signing import Clock


def test_next_gives_a_question_without_its_answer(client):
    body = client.get("/practice/next?seed=7").json
    assert {"id", "kind", "topic", "prompt", "answer_format", "seed"} <= set(body)
    assert body["kind"] in ("choice", "numeric")
    assert ("choices" in body) == (body["kind"] == "choice")
    assert not {"expected", "correct", "solution", "answer"} & set(body)


def test_a_seed_reproduces_the_question(client):
    first = client.get("/practice/next?seed=42&kind=numeric").json
    again = client.get("/practice/next?seed=42&kind=numeric").json
    first.pop("id"), again.pop("id")
    assert first == again and first["seed"] == 42


@pytest.mark.parametrize(("query", "kind", "topic"), [
    ("kind=choice&topic=gan", "choice", "gan"), ("kind=numeric&topic=rnn", "numeric", "rnn"),
    ("topic=attention&kind=numeric", "numeric", "attention"),
    ("topic=dl-basics&kind=numeric", "numeric", "dl-basics"),
    ("topic=vae", "choice", "vae"),
])
def test_filters_pick_the_kind_and_topic(client, query, kind, topic):
    for seed in range(10):
        body = client.get(f"/practice/next?{query}&seed={seed}").json
        assert (body["kind"], body["topic"]) == (kind, topic)


def test_a_choice_question_is_graded_statement_by_statement(client):
    question = next(q for q in (client.get(f"/practice/next?kind=choice&topic=gan&seed={s}").json
                                for s in range(40)) if "Mode collapse" in q["choices"][4])
    assert len(question["choices"]) == 5  # the seed's Q8
    right = client.post("/practice/answer", json={"id": question["id"], "answer": [2, 3, 5]})
    assert right.status_code == 200 and right.json["correct"] is True
    partial = client.post("/practice/answer",
                          json={"id": question["id"], "answer": "2 and 4"}).json
    assert partial["correct"] is False
    assert partial["expected"] == [2, 3, 5] and partial["score"] == {"right": 2, "of": 5}
    assert [s["right"] for s in partial["statements"]] == [True, True, False, False, False]
    assert partial["statements"][3]["reason"].startswith("False")
    assert partial["entry_id"] == "gan-true-statements" and partial["explanation"]
    again = client.post("/practice/answer", json={"id": question["id"],
                                                   "answer": partial["expected"]}).json
    assert again["correct"] is True


def test_a_numeric_question_is_graded_against_the_calculator(client):
    for seed in range(25):
        question = client.get(f"/practice/next?kind=numeric&seed={seed}").json
        body = client.post("/practice/answer", json={"id": question["id"], "answer": "7"}).json \
            if "explode" not in question["answer_format"] else client.post(
                "/practice/answer", json={"id": question["id"], "answer": "explode"}).json
        assert body["solution"] and body["explanation"] and "calculation" in body
        assert "tolerance" in body
        expected = client.post("/practice/answer", json={"id": question["id"],
                                                          "answer": body["expected"]}).json
        assert expected["correct"] is True, (question, body["expected"])


@pytest.mark.parametrize(("answer", "problem"), [
    ([9], "There is no statement 9"), ("perhaps", "statement number"), (True, "string"),
    ({"a": 1}, "string"), (None, "Field may not be null"), ("", "blank"), ("x" * 501, "Longer"),
    ([1] * 51, "At most"), ([1, "2"], "number"),
])
def test_a_wrong_answer_shape_is_a_422_naming_answer(client, answer, problem):
    question = client.get("/practice/next?kind=choice&seed=1").json
    error = assert_error_shape(
        client.post("/practice/answer", json={"id": question["id"], "answer": answer}), 422,
        "validation_error")
    assert list(error["fields"]) == ["answer"] and problem in str(error["fields"])


def test_nan_is_not_an_answer(client):
    question = client.get("/practice/next?kind=numeric&seed=1").json
    response = client.post("/practice/answer", data=f'{{"id": "{question["id"]}", '
                           '"answer": NaN}', content_type="application/json")
    assert response.status_code in (400, 422)
    assert_error_shape(response, response.status_code)


@pytest.mark.parametrize("body", [
    {"answer": "1"}, {"id": "", "answer": "1"}, {"id": 5, "answer": "1"},
    {"id": "x", "answer": "1", "extra": True}])
def test_a_malformed_request_is_a_422(client, body):
    assert_error_shape(client.post("/practice/answer", json=body), 422, "validation_error")


def test_an_unknown_or_tampered_id_is_a_404_naming_id(client):
    question = client.get("/practice/next?seed=5").json
    for bad in ("nonsense", question["id"][:-2] + "xx", question["id"].replace(".", "A", 1)):
        error = assert_error_shape(client.post("/practice/answer",
                                               json={"id": bad, "answer": "1"}), 404, "not_found")
        assert "id" in error["fields"]


def test_an_expired_id_is_a_410_naming_id(tmp_path):
    app = create_app({"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3"),
                      "PRACTICE_TTL_SECONDS": 60})
    clock = Clock()
    tutor = app.extensions["tutor"]
    tutor.practice = Practice(tutor.knowledge_base, app.config["SECRET_KEY"], 60, clock)
    client = app.test_client()
    question = client.get("/practice/next?kind=choice&seed=3").json
    answer = {"id": question["id"], "answer": "1"}
    assert client.post("/practice/answer", json=answer).status_code == 200
    clock.now += 61
    error = assert_error_shape(client.post("/practice/answer",
                                           json={"id": question["id"], "answer": "1"}), 410,
                               "expired")
    assert "id" in error["fields"]


@pytest.mark.parametrize(("query", "field"), [
    ("topic=cooking", "topic"), ("kind=essay", "kind"), ("seed=-1", "seed"),
    ("seed=abc", "seed"), (f"seed={2**64}", "seed"), ("seed=1.5", "seed"),
])
def test_bad_query_parameters_are_a_422_naming_them(client, query, field):
    error = assert_error_shape(client.get(f"/practice/next?{query}"), 422, "validation_error")
    assert field in error["fields"]


def test_no_question_of_that_kind_is_a_404_naming_kind(client):
    error = assert_error_shape(client.get("/practice/next?topic=vae&kind=numeric"), 404,
                               "not_found")
    assert "kind" in error["fields"]


def test_an_id_from_one_app_is_accepted_by_another_sharing_the_key_file(tmp_path):
    """What two gunicorn workers do: each builds its own app over the same session folder."""
    config = {"TESTING": True, "SESSION_DB": str(tmp_path / "s.sqlite3")}
    first, second = create_app(config).test_client(), create_app(config).test_client()
    question = first.get("/practice/next?kind=choice&seed=1").json
    answer = {"id": question["id"], "answer": "1"}
    assert second.post("/practice/answer", json=answer).status_code == 200


# --- in chat ----------------------------------------------------------------------------------

def chat(client, *messages):
    replies, session_id = [], None
    for message in messages:
        body = {"message": message} | ({"session_id": session_id} if session_id else {})
        response = client.post("/chat", json=body)
        assert response.status_code == 200, response.json
        replies.append(response.json)
        session_id = response.json["session_id"]
    return replies


def test_chat_practice_follows_the_contract(client):
    [asked] = chat(client, "quiz me on GANs")
    for _ in range(12):  # skip to the seed's Q8 (the GAN quiz items come round too)
        if "Mode collapse" in asked["practice"]["choices"][4]:
            break
        asked = client.post("/chat", json={"message": "next",
                                           "session_id": asked["session_id"]}).json
    graded = client.post("/chat", json={"message": "2, 3 and 5",
                                        "session_id": asked["session_id"]}).json
    assert asked["kind"] == "clarify" and asked["entry_id"] is None
    assert set(asked["practice"]) >= {"id", "kind", "prompt", "choices"}
    assert "result" not in asked["practice"]
    assert graded["kind"] == "answer" and graded["entry_id"] == "gan-true-statements"
    assert graded["practice"]["result"]["correct"] is True
    # the id from chat works over HTTP too, e.g. for the widget's buttons
    again = client.post("/practice/answer", json={"id": asked["practice"]["id"],
                                                   "answer": [2, 3]}).json
    assert again["correct"] is False


def test_chat_numeric_grade_is_a_calculation(client):
    asked, graded = chat(client, "give me a conv question", "3x3")
    assert asked["practice"]["kind"] == "numeric"
    assert graded["kind"] == "calculation" and graded["entry_id"] is None
    assert graded["calculation"]["calculator"] in ("conv", "params")
    assert "correct" in graded["practice"]["result"]


def test_a_pasted_factorisation_is_drawn_in_chat(client):
    [reply] = chat(client, "can you draw p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2) and "
                           "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2)?")
    assert reply["kind"] == "calculation"
    result = reply["calculation"]["result"]
    assert reply["calculation"]["calculator"] == "graphical-model"
    assert result["svg"].startswith("<svg") and len(result["edges"]) == 6
    assert "x_{1} \\to z_{1}" in reply["reply"]
