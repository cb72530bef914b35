"""Every operation in /openapi.json, fuzzed by schemathesis: no 5xx, and every answer matches
what the document declares (status code, media type, headers, body schema).

In process over WSGI, with a bounded, derandomized number of examples per operation so that a
failure reproduces and the module stays well under a minute (about 20 s on 2 cores). The admin
token is sent on every request, so that `/admin/*` is fuzzed past its 401; schemathesis's own
generated requests still cover valid and invalid bodies and query strings (positive and
negative data). Slack routes are not in the document and need a signing secret, which this app
does not have.

Checks not run, on purpose: `positive_data_acceptance` (the document cannot express every rule,
e.g. a kernel larger than the padded input is schema-valid JSON but a 422) and
`negative_data_rejection` (marshmallow accepts `"true"` for a boolean, lenient by design).
"""

from __future__ import annotations

import json
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service import create_app

TOKEN = "schemathesis-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def strict_json(ctx, response, case):
    """A JSON body is RFC 8259 JSON: no bare NaN, Infinity or -Infinity (Python's json module
    writes and reads them unless told not to; browsers' JSON.parse refuses them)."""
    if "json" not in response.headers.get("Content-Type", [""])[0]:
        return None

    def refuse(constant):
        raise AssertionError(f"the body holds {constant}, which is not JSON")
    json.loads(response.content, parse_constant=refuse)
    return None


CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance,
          content_type_conformance, response_headers_conformance, strict_json]


@pytest.fixture(scope="module")
def tutor_app(tmp_path_factory):
    """An app over the real knowledge base, with an admin token and no rate limits."""
    with pytest.MonkeyPatch.context() as patch:
        # module-scoped, so conftest's per-test clean-up has not run yet: do it here
        for name in list(os.environ):
            if name.startswith(("TUTOR_", "SLACK_")):
                patch.delenv(name)
        app = create_app({
            "TESTING": True,
            "RATE_LIMITS": "",  # hundreds of requests a minute are the point here
            "SESSION_DB": str(tmp_path_factory.mktemp("schemathesis") / "sessions.sqlite3"),
            "ADMIN_TOKEN": TOKEN,
            "JSON_LOGS": False,
        })
    # POST /admin/reload must reload in this process, never SIGHUP pytest's parent
    assert not app.config["RELOAD_SIGNALS_MASTER"]
    return app


@pytest.fixture(scope="module")
def api_schema(tutor_app):
    """The app's own /openapi.json, loaded in process."""
    return schemathesis.openapi.from_wsgi("/openapi.json", tutor_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.data_too_large])
def test_every_operation_answers_as_documented(case):
    # buffered: schemathesis's WSGI transport reads but never closes the response, and an
    # unclosed send_file (/demo, /widget.js) would otherwise leak its file (ResourceWarning)
    response = case.call_and_validate(headers=AUTH, checks=CHECKS, buffered=True)
    assert response.status_code != 401, "the admin token is sent; /admin/* must get past it"


def call(api_schema, path: str, method: str, **parts):
    """One hand-made request through schemathesis, checked like the generated ones."""
    case = api_schema[path][method].Case(**parts)
    return case.call_and_validate(headers=AUTH, checks=CHECKS, buffered=True)


# Random data rarely names a real entry, a signed practice id or a well-formed factorisation;
# these requests reach the success responses of those operations with the real data.

def test_every_entry_and_its_drawing_answer_as_documented(api_schema, tutor_app):
    entries = tutor_app.extensions["knowledge_base"].entries.values()
    for entry in entries:
        response = call(api_schema, "/kb/entries/{entry_id}", "GET",
                        path_parameters={"entry_id": entry.id})
        assert response.status_code == 200
        if entry.graph:
            response = call(api_schema, "/kb/entries/{entry_id}/graph.svg", "GET",
                            path_parameters={"entry_id": entry.id})
            assert response.status_code == 200
    assert any(entry.graph for entry in entries)


def test_practice_questions_and_their_grades_answer_as_documented(api_schema):
    for query, answer in [({"kind": "choice", "topic": "gan", "seed": 1}, [2, 3, 5]),
                          *(({"kind": "numeric", "seed": seed}, "7") for seed in range(5))]:
        question = call(api_schema, "/practice/next", "GET", query=query)
        assert question.status_code == 200
        graded = call(api_schema, "/practice/answer", "POST", media_type="application/json",
                      body={"id": question.json()["id"], "answer": answer})
        assert graded.status_code in (200, 422)  # "7" is not an answer to explode/vanish


def test_a_drawn_model_and_a_rating_answer_as_documented(api_schema):
    drawn = call(api_schema, "/calc/graphical-model", "POST", media_type="application/json",
                 body={"factorisations": ["p(x,z) = p(z)p(x|z)"]})
    assert drawn.status_code == 200
    message = "what is a generative adversarial network"
    reply = call(api_schema, "/chat", "POST", media_type="application/json",
                 body={"message": message}).json()
    rated = call(api_schema, "/feedback", "POST", media_type="application/json",
                 body={"session_id": reply["session_id"], "entry_id": reply["entry_id"],
                       "message": message, "rating": "up"})
    assert rated.status_code == 201


def test_the_document_declares_the_contract_error_shape(api_schema):
    """Errors are documented as {"error": {"code", "message", "fields"}}, what we send."""
    document = api_schema.raw_schema
    default = document["components"]["responses"]["DEFAULT_ERROR"]
    reference = default["content"]["application/json"]["schema"]["$ref"]
    error = document["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert error["required"] == ["error"]
    detail_ref = error["properties"]["error"]["$ref"]
    detail = document["components"]["schemas"][detail_ref.rsplit("/", 1)[1]]
    assert set(detail["properties"]) == {"code", "message", "fields"}
    assert set(detail["required"]) == {"code", "message"}


def test_every_error_response_says_what_its_body_is(api_schema):
    """An error response documented with a description only would let any body through."""
    undeclared = [
        (method.upper(), path, status)
        for path, operations in api_schema.raw_schema["paths"].items()
        for method, operation in operations.items() if method != "parameters"
        for status, response in operation["responses"].items()
        if not status.startswith("2") and "$ref" not in response and not response.get("content")
    ]
    assert undeclared == []


# Hostile values schemathesis does not generate from the document (its strings are valid UTF-8
# and its integers fit the declared ranges): each operation gets them in every field it reads.
HOSTILE = ["\ud800", "a\x00b", 10**400, -(10**400), 1e308]


def _hostile_bodies(body: dict):
    for field in body:
        for value in HOSTILE:
            yield {**body, field: value}
            yield {**body, field: [value]}


@pytest.mark.parametrize(("path", "body"), [
    ("/chat", {"message": "what is dropout", "session_id": "abc", "html": True}),
    ("/calc/conv", {"input": 28, "kernel": 3, "stride": 2, "padding": "same"}),
    ("/calc/params", {"kernel": 3, "in_channels": 64, "out_channels": 128}),
    ("/calc/eigen", {"matrix": [[0.5, 0.2], [0.1, 1.3]], "activation": "tanh"}),
    ("/calc/attention", {"input": [8, 8, 3], "patch": 3, "stride": 1}),
    ("/calc/sequence-attention", {"tokens": 512, "dim": 64, "heads": 8}),
    ("/calc/graphical-model", {"factorisations": ["p(x,z) = p(z)p(x|z)"]}),
    ("/feedback", {"session_id": "abc", "entry_id": None, "message": "m", "rating": "up"}),
    ("/practice/answer", {"id": "abc", "answer": "16x16"}),
])
def test_hostile_values_in_every_field_are_refused_as_documented(api_schema, path, body):
    for hostile in _hostile_bodies(body):
        response = call(api_schema, path, "POST", media_type="application/json", body=hostile)
        assert 400 <= response.status_code < 500 or response.status_code == 200, hostile


def test_every_request_body_has_an_example_that_the_operation_accepts(api_schema):
    """Swagger's "Try it out" sends the example: it must be one the operation answers 2xx to
    (the practice answer's needs a fresh id, so it is only present, not sent)."""
    for path, operations in api_schema.raw_schema["paths"].items():
        body = operations.get("post", {}).get("requestBody")
        if not body or not path.startswith(("/calc", "/chat", "/practice", "/feedback")):
            continue
        example = body["content"]["application/json"].get("example")
        assert example, path
        if path not in ("/practice/answer", "/feedback"):
            response = call(api_schema, path, "POST", media_type="application/json",
                            body=example)
            assert response.status_code == 200, (path, response.text[:200])
