"""The knowledge base: the real one is complete and true to the seed; broken ones are refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from service import create_app
from service.knowledge.loading import KnowledgeBaseError, load_knowledge_base, validate_directory
from tests.paths import SHARED

SHARED_COVERAGE = SHARED / "KB_COVERAGE.md"

SEED_IDS = {
    "conv-output-size-stride2": "Q1", "conv-filter-parameter-count": "Q2",
    "max-pooling-reasons": "Q3", "accuracy-vs-precision": "Q4", "vae-graphical-model": "Q5",
    "vae-true-statements": "Q6", "conditional-gan-discriminator": "Q7",
    "gan-true-statements": "Q8", "rnn-gradient-explosion-eigenvalue": "Q9",
    "rnn-gradient-remedies": "Q10", "image-patch-attention-complexity": "Q11",
    "attention-true-statements": "Q12",
}
CONCEPT_IDS = {
    "dl-basics": "convolution-operation padding-modes stride dilation receptive-field pooling "
                 "parameter-sharing one-by-one-convolution batch-normalization dropout "
                 "activation-functions softmax-cross-entropy backpropagation sgd-and-adam "
                 "overfitting-regularization confusion-matrix recall-and-f1",
    "vae": "elbo kl-divergence reparameterization-trick amortized-inference posterior-collapse "
           "score-function-gradient discrete-latents graphical-models evaluating-generative-models",
    "gan": "gan-objective optimal-discriminator js-divergence non-saturating-loss mode-collapse "
           "wasserstein-gan gradient-penalty conditional-gan",
    "rnn": "simple-rnn bptt truncated-bptt vanishing-exploding-gradients gradient-clipping lstm "
           "gru spectral-radius",
    "attention": "self-attention attention-scaling multi-head-attention positional-encoding "
                 "permutation-equivariance attention-complexity vision-transformer "
                 "soft-vs-hard-attention causal-masking",
}
REQUIRED_IDS = set(SEED_IDS) | {i for ids in CONCEPT_IDS.values() for i in ids.split()}


def math_spans(text: str) -> list[str]:
    """The contents of every $...$ and $$...$$ span."""
    return re.findall(r"\$\$(.+?)\$\$|\$(.+?)\$", text.replace("\\$", ""), flags=re.S)


# --- the real knowledge base ------------------------------------------------------------------

def test_every_required_id_is_present(knowledge_base):
    assert REQUIRED_IDS <= set(knowledge_base.entries)


@pytest.mark.skipif(not SHARED_COVERAGE.exists(), reason="shared/KB_COVERAGE.md not beside repo")
def test_the_required_ids_match_the_coverage_document():
    text = SHARED_COVERAGE.read_text()
    seed_rows = set(re.findall(r"^\| ([a-z0-9-]+) \| Q\d+ \|", text, flags=re.M))
    concepts_part = text.split("## Concepts the course covers", 1)[1]
    bodies = re.sub(r"\([^)]*\)", "", re.sub(r"^###.*$", "", concepts_part, flags=re.M))
    concepts = {item.strip() for item in re.split(r"[,\n]", bodies) if item.strip()}
    assert seed_rows == set(SEED_IDS)
    assert concepts == REQUIRED_IDS - set(SEED_IDS)


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_IDS))
def test_required_entry_is_complete(knowledge_base, entry_id):
    entry = knowledge_base.get(entry_id)
    assert entry.question.strip() and entry.answer.strip() and entry.explanation.strip()
    assert entry.misconceptions
    assert entry.related, "every entry links to related entries"
    if entry_id in SEED_IDS:
        assert entry.seed == SEED_IDS[entry_id]
        assert len(entry.alternates) >= 6
    else:
        assert len(entry.alternates) >= 3
        assert len(re.sub(r"\$.*?\$", "x", entry.answer.replace("$$", "$")).split()) <= 110, \
            "concept answers are short, exam-style"


@pytest.mark.parametrize("entry_id", sorted(REQUIRED_IDS))
def test_entry_topic_matches_its_section(knowledge_base, entry_id):
    entry = knowledge_base.get(entry_id)
    if entry_id in CONCEPT_IDS.get(entry.topic, "").split():
        return
    assert entry_id in SEED_IDS


def test_latex_braces_balance_in_every_formula(knowledge_base):
    problems = []
    for entry in knowledge_base.entries.values():
        texts = [entry.question, entry.answer, entry.explanation, *entry.misconceptions,
                 *(entry.choices or ()), *(entry.choice_reasons or ())]
        for text in texts:
            for display, inline in math_spans(text):
                formula = (display or inline).replace("\\{", "").replace("\\}", "")
                if formula.count("{") != formula.count("}"):
                    problems.append((entry.id, formula))
                if len(re.findall(r"\\left\b", formula)) != len(re.findall(r"\\right\b", formula)):
                    problems.append((entry.id, formula))
    assert not problems


SEED_FACTS = [
    ("conv-output-size-stride2", "answer",
     [r"\lfloor M/2 \rfloor + 1", r"\lfloor N/2 \rfloor + 1"]),
    ("conv-filter-parameter-count", "answer", ["289", "288"]),
    ("rnn-gradient-explosion-eigenvalue", "answer", ["1.15", "explod"]),
]


@pytest.mark.parametrize(("entry_id", "field", "needles"), SEED_FACTS)
def test_seed_answers_state_the_seed_numbers(knowledge_base, entry_id, field, needles):
    text = getattr(knowledge_base.get(entry_id), field)
    for needle in needles:
        assert needle in text


def test_q11_complexity_matches_the_seed(knowledge_base):
    answer = re.sub(r"\s+", "", knowledge_base.get("image-patch-attention-complexity").answer)
    assert "(H-h+1)^2(W-w+1)^2" in answer
    assert re.search(r"hwC|whC", answer)


def test_q4_uses_tn_not_the_seed_typo(knowledge_base):
    entry = knowledge_base.get("accuracy-vs-precision")
    assert r"\frac{TP + TN}{TP + TN + FP + FN}" in entry.answer.replace("\\text", "") or \
        "TN" in entry.answer
    assert "(TF)" not in entry.answer


@pytest.mark.parametrize(("entry_id", "correct", "count"), [
    ("vae-true-statements", [5], 5),
    ("gan-true-statements", [2, 3, 5], 5),
    ("rnn-gradient-remedies", [1, 3], 5),
    ("attention-true-statements", [2, 3], 5),
])
def test_multiple_choice_seed_answers(knowledge_base, entry_id, correct, count):
    entry = knowledge_base.get(entry_id)
    assert list(entry.correct) == correct
    assert len(entry.choices) == count
    assert len(entry.choice_reasons) == count


def test_q5_graph_has_exactly_the_six_edges(knowledge_base):
    graph = knowledge_base.get("vae-graphical-model").graph
    edges = {(e["from"], e["to"], e["distribution"], e["style"]) for e in graph["edges"]}
    assert edges == {
        ("z1", "x1", "p", "solid"), ("z2", "x1", "p", "solid"), ("z2", "x2", "p", "solid"),
        ("x1", "z1", "q", "dashed"), ("x2", "z1", "q", "dashed"), ("x2", "z2", "q", "dashed"),
    }
    observed = {n["name"]: n["observed"] for n in graph["nodes"]}
    assert observed == {"x1": True, "x2": True, "z1": False, "z2": False}


def test_calculable_seed_entries_say_how_to_reproduce_them(knowledge_base):
    for entry_id in ("conv-output-size-stride2", "conv-filter-parameter-count",
                     "rnn-gradient-explosion-eigenvalue", "image-patch-attention-complexity"):
        assert knowledge_base.get(entry_id).calculation


@pytest.mark.parametrize("entry_id", [
    "conv-output-size-stride2", "conv-filter-parameter-count",
    "rnn-gradient-explosion-eigenvalue", "image-patch-attention-complexity"])
def test_calculator_reproduces_the_entry(client, knowledge_base, entry_id):
    calculation = knowledge_base.get(entry_id).calculation
    response = client.post(calculation["endpoint"], json=calculation["request"])
    assert response.status_code == 200, response.json
    for name, expected in calculation["expect"].items():
        got = response.json[name]
        if isinstance(expected, float):
            assert got == pytest.approx(expected, abs=0.005), name
        else:
            assert got == expected, name


# --- validation of broken knowledge bases -----------------------------------------------------

def _edit(directory: Path, filename: str, change) -> None:
    path = directory / filename
    document = yaml.safe_load(path.read_text())
    change(document["entries"])
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


def _problems(directory: Path) -> list[str]:
    return [str(p) for p in validate_directory(directory)[1]]


def test_tiny_knowledge_base_is_valid(tiny_knowledge):
    assert _problems(tiny_knowledge) == []


BROKEN = [
    ("unknown field", "dl-basics.yaml", lambda e: e[0].update(colour="red"),
     ["dl-basics.yaml", "'stride'", "'colour'", "Unknown field"]),
    ("missing field", "dl-basics.yaml", lambda e: e[0].pop("answer"),
     ["dl-basics.yaml", "'stride'", "'answer'", "Missing data"]),
    ("duplicate id", "rnn.yaml", lambda e: e[0].update(id="stride"),
     ["rnn.yaml", "'stride'", "'id'", "duplicate id; already defined in dl-basics.yaml"]),
    ("unknown related id", "dl-basics.yaml", lambda e: e[0].update(related=["nope"]),
     ["dl-basics.yaml", "'stride'", "'related'", "'nope'"]),
    ("correct outside choices", "rnn.yaml", lambda e: e[0].update(correct=[3]),
     ["rnn.yaml", "'max-pooling-reasons'", "'correct'", "outside choices 1..2"]),
    ("unknown topic", "dl-basics.yaml", lambda e: e[0].update(topic="cooking"),
     ["dl-basics.yaml", "'stride'", "'topic'", "Unknown topic"]),
    ("unbalanced math", "dl-basics.yaml", lambda e: e[0].update(answer="It is $s + 1."),
     ["dl-basics.yaml", "'stride'", "'answer'", "odd number of $"]),
    ("unclosed display math", "dl-basics.yaml",
     lambda e: e[0].update(explanation="$$x$$ and $$y"),
     ["dl-basics.yaml", "'stride'", "'explanation'", "unclosed $$"]),
    ("too few alternates", "rnn.yaml", lambda e: e[0].update(alternates=["a", "b", "c"]),
     ["rnn.yaml", "'max-pooling-reasons'", "'alternates'", "at least 6"]),
    ("reason per choice", "rnn.yaml", lambda e: e[0].update(choice_reasons=["only one"]),
     ["rnn.yaml", "'max-pooling-reasons'", "'choice_reasons'", "one reason per choice"]),
    ("bad id", "dl-basics.yaml", lambda e: e[0].update(id="Stride Thing"),
     ["dl-basics.yaml", "'Stride Thing'", "'id'", "kebab-case"]),
]


@pytest.mark.parametrize(("rule", "filename", "change", "needles"), BROKEN,
                         ids=[b[0] for b in BROKEN])
def test_each_rule_names_file_entry_and_field(tiny_knowledge, rule, filename, change, needles):
    _edit(tiny_knowledge, filename, change)
    problems = _problems(tiny_knowledge)
    assert any(all(n in p for n in needles) for p in problems), problems


def test_every_problem_is_reported_at_once(tiny_knowledge):
    _edit(tiny_knowledge, "dl-basics.yaml", lambda e: e[0].update(topic="cooking", colour=1))
    _edit(tiny_knowledge, "rnn.yaml", lambda e: e[0].update(correct=[9]))
    problems = _problems(tiny_knowledge)
    assert len(problems) >= 3
    assert any("'topic'" in p for p in problems)
    assert any("'colour'" in p for p in problems)
    assert any("'correct'" in p for p in problems)


def test_invalid_yaml_names_the_file_and_line(tiny_knowledge):
    (tiny_knowledge / "gan.yaml").write_text("entries:\n  - id: [unclosed\n")
    problems = _problems(tiny_knowledge)
    assert any("gan.yaml" in p and "not valid YAML" in p and "line" in p for p in problems)


def test_file_without_entries_key_is_a_problem(tiny_knowledge):
    (tiny_knowledge / "gan.yaml").write_text("- id: x\n")
    assert any("gan.yaml" in p and "'entries'" in p for p in _problems(tiny_knowledge))


OUTSIDE_TOPIC = {"id": "linux-kernel", "name": "the Linux kernel",
                 "phrasings": ["what is the linux kernel", "kernel panic on boot",
                               "update my ubuntu kernel"]}


def test_topics_not_covered_load_beside_the_entries(tiny_knowledge):
    (tiny_knowledge / "outside.yaml").write_text(yaml.safe_dump({"outside": [OUTSIDE_TOPIC]}))
    knowledge_base = load_knowledge_base(tiny_knowledge)
    topic = knowledge_base.outside["linux-kernel"]
    assert (topic.name, len(topic.phrasings), topic.source) == (
        "the Linux kernel", 3, "outside.yaml")
    assert "linux-kernel" not in knowledge_base.entries


@pytest.mark.parametrize(("change", "needles"), [
    (lambda t: t.update(phrasings=["one", "two"]), ["'phrasings'", "at least 3"]),
    (lambda t: t.pop("name"), ["'name'", "Missing data"]),
    (lambda t: t.update(id="stride"), ["'stride'", "'id'", "also an entry's id"]),
    (lambda t: t.update(answer="no"), ["'answer'", "Unknown field"]),
], ids=["too few phrasings", "no name", "an entry's id", "unknown field"])
def test_a_broken_topic_not_covered_is_named_like_a_broken_entry(tiny_knowledge, change,
                                                                  needles):
    topic = dict(OUTSIDE_TOPIC)
    change(topic)
    (tiny_knowledge / "outside.yaml").write_text(yaml.safe_dump({"outside": [topic]}))
    problems = _problems(tiny_knowledge)
    assert any("outside.yaml" in p and all(n in p for n in needles) for p in problems), problems


def test_a_file_with_another_key_is_a_problem(tiny_knowledge):
    (tiny_knowledge / "gan.yaml").write_text("entries: []\nnotes: []\n")
    assert any("gan.yaml" in p and "'outside'" in p for p in _problems(tiny_knowledge))


def test_empty_directory_is_a_problem(tmp_path):
    assert any("no *.yaml" in p for p in _problems(tmp_path))


def test_service_refuses_to_start_on_a_broken_knowledge_base(tiny_knowledge, tmp_path):
    _edit(tiny_knowledge, "dl-basics.yaml", lambda e: e[0].update(topic="cooking"))
    with pytest.raises(KnowledgeBaseError) as caught:
        create_app({"KNOWLEDGE_DIR": str(tiny_knowledge),
                    "SESSION_DB": str(tmp_path / "s.sqlite3")})
    assert "dl-basics.yaml: entry 'stride', field 'topic'" in str(caught.value)


def test_loaded_entries_keep_file_order_and_source(tiny_knowledge):
    knowledge_base = load_knowledge_base(tiny_knowledge)
    assert list(knowledge_base.entries) == ["stride", "max-pooling-reasons"]
    assert knowledge_base.get("stride").source == "dl-basics.yaml"
    assert knowledge_base.by_topic("dl-basics")[0].id == "stride"


def test_version_changes_when_a_file_changes(tiny_knowledge):
    before = load_knowledge_base(tiny_knowledge).version
    _edit(tiny_knowledge, "dl-basics.yaml", lambda e: e[0].update(answer="Changed."))
    assert load_knowledge_base(tiny_knowledge).version != before
