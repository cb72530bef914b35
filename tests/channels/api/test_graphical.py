"""`POST /calc/graphical-model` and `GET /kb/entries/<id>/graph.svg` through HTTP."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.channels.api.test_errors import assert_error_shape

Q5 = ["p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)", "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2)"]


def test_q5_is_drawn_with_nodes_edges_dot_and_svg(client):
    response = client.post("/calc/graphical-model", json={"factorisations": Q5})
    assert response.status_code == 200, response.json
    body = response.json
    assert {n["name"]: n["observed"] for n in body["nodes"]} == {
        "z1": False, "z2": False, "x1": True, "x2": True}
    assert {(e["from"], e["to"], e["distribution"], e["style"]) for e in body["edges"]} == {
        ("z1", "x1", "p", "solid"), ("z2", "x1", "p", "solid"), ("z2", "x2", "p", "solid"),
        ("x1", "z1", "q", "dashed"), ("x2", "z1", "q", "dashed"), ("x2", "z2", "q", "dashed")}
    assert body["dot"].startswith("digraph")
    ET.fromstring(body["svg"])


@pytest.mark.parametrize(("body", "field"), [
    ({"factorisations": ["p(x,z = p(z)p(x|z)"]}, "factorisations.0"),
    ({"factorisations": [Q5[0], "q(z1|z1) = q(z1|z1)"]}, "factorisations.1"),
    ({"factorisations": ["p(a,b) = p(a|b)p(b|a)"]}, "factorisations.0"),
    ({"factorisations": ["p(x,z) = p(z)p(x|y)"]}, "factorisations.0"),
    ({"factorisations": []}, "factorisations"),
    ({"factorisations": ["p(x) = p(x)"] * 21}, "factorisations"),
    ({"factorisations": ["p(x) = p(x)" + " " * 2000]}, "factorisations.0"),
    ({"factorisations": ["p(x) = p(x)", " " * 1995]}, "factorisations"),
    ({"factorisations": "p(x) = p(x)"}, "factorisations"),
    ({"factorisations": [3]}, "factorisations.0"),
    ({"factorisations": [None]}, "factorisations.0"),
    ({}, "factorisations"),
    ({"factorisations": ["p(x) = p(x)"], "extra": 1}, "extra"),
])
def test_malformed_input_is_a_422_naming_the_field(client, body, field):
    error = assert_error_shape(client.post("/calc/graphical-model", json=body), 422,
                               "validation_error")
    assert field in error["fields"], error


def test_the_q5_entry_serves_its_drawing(client, knowledge_base):
    response = client.get("/kb/entries/vae-graphical-model/graph.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    root = ET.fromstring(response.get_data(as_text=True))
    paths = [p for p in root.iter("{http://www.w3.org/2000/svg}path")
             if (p.get("class") or "").startswith("edge")]
    graph = knowledge_base.get("vae-graphical-model").graph
    assert len(paths) == len(graph["edges"]) == 6
    # the same picture as drawing the seed's factorisations
    drawn = client.post("/calc/graphical-model", json={"factorisations": Q5}).json["svg"]
    assert response.get_data(as_text=True) == drawn


def test_an_entry_without_a_graph_or_an_unknown_entry_is_404(client):
    assert_error_shape(client.get("/kb/entries/conv-filter-parameter-count/graph.svg"), 404,
                       "not_found")
    assert_error_shape(client.get("/kb/entries/no-such-entry/graph.svg"), 404, "not_found")


def test_the_entry_itself_is_unchanged(client):
    entry = client.get("/kb/entries/vae-graphical-model").json
    assert set(entry["graph"]) == {"nodes", "edges"}


def test_openapi_describes_both_routes(client):
    paths = client.get("/openapi.json").json["paths"]
    assert "/calc/graphical-model" in paths
    assert "image/svg+xml" in str(paths["/kb/entries/{entry_id}/graph.svg"])
