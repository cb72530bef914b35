"""Load the knowledge base from `knowledge/*.yaml`; validate every entry, reporting all problems."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from service.errors import NotFoundError

# libyaml's safe loader when PyYAML has it (about 20 times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TOPICS = ("dl-basics", "vae", "gan", "rnn", "attention")
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MIN_ALTERNATES = 3
MIN_SEED_ALTERNATES = 6
CALCULATOR_ENDPOINTS = ("/calc/conv", "/calc/params", "/calc/eigen", "/calc/attention",
                        "/calc/sequence-attention", "/calc/metrics")


def unbalanced_math(text: str) -> str | None:
    """Return why the `$...$` math in `text` is unbalanced, or None when it is fine.

    Escaped dollars (`\\$`) are literal; `$$` opens and closes display math.
    """
    unescaped = text.replace("\\$", "")
    if unescaped.count("$$") % 2:
        return "has an unclosed $$ display formula"
    if unescaped.replace("$$", "").count("$") % 2:
        return "has an odd number of $ signs (an unclosed $...$ formula)"
    return None


def _balanced_math(value: str) -> None:
    problem = unbalanced_math(value)
    if problem:
        raise ValidationError(f"Math {problem}.")


Text = fields.String
NonEmpty = validate.Length(min=1)


def _math_text(**kwargs) -> fields.String:
    return fields.String(validate=[NonEmpty, _balanced_math], **kwargs)


class CalculationSchema(Schema):
    """A calculator request that reproduces the entry's numbers, and what it must return."""

    class Meta:
        unknown = RAISE

    endpoint = fields.String(required=True, validate=validate.OneOf(CALCULATOR_ENDPOINTS))
    request = fields.Dict(keys=fields.String(), required=True)
    expect = fields.Dict(keys=fields.String(), required=True, validate=NonEmpty)


class GraphNodeSchema(Schema):
    class Meta:
        unknown = RAISE

    name = fields.String(required=True, validate=NonEmpty)
    observed = fields.Boolean(required=True)


class GraphEdgeSchema(Schema):
    class Meta:
        unknown = RAISE

    from_ = fields.String(required=True, data_key="from", validate=NonEmpty)
    to = fields.String(required=True, validate=NonEmpty)
    distribution = fields.String(required=True, validate=NonEmpty)
    style = fields.String(required=True, validate=validate.OneOf(["solid", "dashed"]))


class GraphSchema(Schema):
    class Meta:
        unknown = RAISE

    nodes = fields.List(fields.Nested(GraphNodeSchema), required=True, validate=NonEmpty)
    edges = fields.List(fields.Nested(GraphEdgeSchema), required=True)

    @validates_schema
    def edges_join_known_nodes(self, data, **kwargs):
        names = {node["name"] for node in data.get("nodes", [])}
        for edge in data.get("edges", []):
            for end in (edge["from_"], edge["to"]):
                if end not in names:
                    raise ValidationError(f"Edge end {end!r} is not a node.", "edges")


def _check_choices(data: dict) -> None:
    """`choices`, `correct` and `choice_reasons` hang together (an exam item or a quiz item).

    Raises ValidationError naming the field at fault.
    """
    choices, correct = data.get("choices"), data.get("correct")
    reasons = data.get("choice_reasons")
    if choices is None:
        for name in ("correct", "choice_reasons"):
            if data.get(name) is not None:
                raise ValidationError("Only allowed together with choices.", name)
        return
    if correct is None:
        raise ValidationError("Required when choices are given.", "correct")
    outside = [n for n in correct if not 1 <= n <= len(choices)]
    if outside:
        raise ValidationError(
            f"Choice numbers {outside} are outside choices 1..{len(choices)}.", "correct")
    if len(set(correct)) != len(correct):
        raise ValidationError("Lists a choice twice.", "correct")
    if reasons is None or len(reasons) != len(choices):
        raise ValidationError(
            f"Needs one reason per choice ({len(choices)}).", "choice_reasons")


class QuizItemSchema(Schema):
    """A multiple-choice practice question that belongs to an entry but is not its question."""

    class Meta:
        unknown = RAISE

    question = _math_text(required=True)
    choices = fields.List(_math_text(), required=True, validate=validate.Length(min=2))
    correct = fields.List(fields.Integer(strict=True), required=True, validate=NonEmpty)
    choice_reasons = fields.List(_math_text(), required=True)

    @validates_schema
    def choices_hang_together(self, data, **kwargs):
        _check_choices(data)


class EntrySchema(Schema):
    """One question / answer / explanation entry, as an instructor writes it in YAML."""

    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Regexp(
        ID_PATTERN, error="Must be kebab-case: lowercase letters and digits joined by '-'."))
    topic = fields.String(required=True, validate=validate.OneOf(
        TOPICS, error="Unknown topic; must be one of: " + ", ".join(TOPICS) + "."))
    question = _math_text(required=True)
    alternates = fields.List(fields.String(validate=NonEmpty), required=True)
    keywords = fields.List(fields.String(validate=NonEmpty), load_default=list)
    answer = _math_text(required=True)
    explanation = _math_text(required=True)
    misconceptions = fields.List(_math_text(), required=True, validate=NonEmpty)
    related = fields.List(fields.String(validate=NonEmpty), load_default=list)
    seed = fields.String(validate=validate.Regexp(r"^Q\d+$", error="Must look like Q1."))
    choices = fields.List(_math_text(), validate=validate.Length(min=2))
    correct = fields.List(fields.Integer(strict=True), validate=NonEmpty)
    choice_reasons = fields.List(_math_text())
    calculation = fields.Nested(CalculationSchema)
    graph = fields.Nested(GraphSchema)
    quiz = fields.List(fields.Nested(QuizItemSchema), validate=NonEmpty)

    @validates_schema
    def enough_alternates(self, data, **kwargs):
        wanted = MIN_SEED_ALTERNATES if data.get("seed") else MIN_ALTERNATES
        if len(data.get("alternates", [])) < wanted:
            kind = "a seed question" if data.get("seed") else "an entry"
            raise ValidationError(f"Needs at least {wanted} alternates for {kind}.", "alternates")

    @validates_schema
    def choices_hang_together(self, data, **kwargs):
        _check_choices(data)


@dataclass(frozen=True)
class Entry:
    """A validated knowledge-base entry; `source` is the file it came from."""

    id: str
    topic: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    explanation: str
    misconceptions: tuple[str, ...]
    source: str
    keywords: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    seed: str | None = None
    choices: tuple[str, ...] | None = None
    correct: tuple[int, ...] | None = None
    choice_reasons: tuple[str, ...] | None = None
    calculation: dict[str, Any] | None = None
    graph: dict[str, Any] | None = None
    quiz: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the entry as JSON-ready data, in the field names instructors write."""
        data: dict[str, Any] = {
            "id": self.id, "topic": self.topic, "question": self.question,
            "alternates": list(self.alternates), "keywords": list(self.keywords),
            "answer": self.answer, "explanation": self.explanation,
            "misconceptions": list(self.misconceptions), "related": list(self.related),
        }
        for name in ("seed", "choices", "correct", "choice_reasons", "calculation", "graph"):
            value = getattr(self, name)
            if value is not None:
                data[name] = list(value) if isinstance(value, tuple) else value
        if self.quiz:
            data["quiz"] = [dict(item) for item in self.quiz]
        return data


class OutsideTopicSchema(Schema):
    """A topic near the course that it does not cover, as an instructor writes it in YAML."""

    class Meta:
        unknown = RAISE

    id = fields.String(required=True, validate=validate.Regexp(
        ID_PATTERN, error="Must be kebab-case: lowercase letters and digits joined by '-'."))
    name = fields.String(required=True, validate=NonEmpty)
    phrasings = fields.List(fields.String(validate=NonEmpty), required=True,
                            validate=validate.Length(min=MIN_ALTERNATES, error=(
                                f"Needs at least {MIN_ALTERNATES} phrasings.")))


@dataclass(frozen=True)
class OutsideTopic:
    """A topic the course does not cover ("the Linux kernel", "reinforcement learning"): the
    matcher ranks it beside the entries, so that a question about it is told so instead of
    being answered with the entry that shares its words. Never an answer or a suggestion."""

    id: str
    name: str
    phrasings: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base, located by file, entry id and field."""

    file: str
    entry_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry_id:
            where += f": entry {self.entry_id!r}"
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base does not validate; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The knowledge base has {len(problems)} problem(s):\n{listing}")


@dataclass
class KnowledgeBase:
    """All entries by id, in file order, with a version that changes whenever a file does."""

    entries: dict[str, Entry]
    version: str
    directory: str
    files: tuple[str, ...] = field(default_factory=tuple)
    outside: dict[str, OutsideTopic] = field(default_factory=dict)

    def get(self, entry_id: str) -> Entry:
        """Return the entry with this id; raises NotFoundError for an unknown id."""
        try:
            return self.entries[entry_id]
        except KeyError:
            raise NotFoundError(f"There is no knowledge-base entry with id {entry_id!r}.") from None

    def by_topic(self, topic: str | None = None) -> list[Entry]:
        """Return the entries of one topic (all when topic is None), in file order."""
        return [e for e in self.entries.values() if topic is None or e.topic == topic]

    def __len__(self) -> int:
        return len(self.entries)


def _problems_from_messages(file: str, entry_id: str | None, messages, prefix="") -> list[Problem]:
    """Turn marshmallow's nested messages into Problems, one per field path and message."""
    problems = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            name = prefix if key == "_schema" else (f"{prefix}.{key}" if prefix else str(key))
            problems += _problems_from_messages(file, entry_id, value, name)
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        problems += [Problem(file, entry_id, prefix or None, m) for m in messages]
    else:
        problems.append(Problem(file, entry_id, prefix or None, str(messages)))
    return problems


def _read_file(path: Path) -> tuple[list[Any], list[Any], list[Problem]]:
    """Return the raw entries and outside topics of one YAML file, or the problem that stops
    it being read."""
    name = path.name
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        return [], [], [Problem(name, None, None, f"is not valid YAML{where}: {error}")]
    except (OSError, UnicodeDecodeError) as error:
        return [], [], [Problem(name, None, None, f"cannot be read: {error}")]
    if not isinstance(document, dict) or not document or \
            not set(document) <= {"entries", "outside"}:
        return [], [], [Problem(name, None, None, "must be a mapping with the key 'entries' "
                                                  "(and/or 'outside', topics not covered).")]
    for key, items in document.items():
        if not isinstance(items, list):
            kind = "entries" if key == "entries" else "topics"
            return [], [], [Problem(name, None, key, f"must be a list of {kind}.")]
    return document.get("entries", []), document.get("outside", []), []


def validate_directory(directory: str | Path) -> tuple[dict[str, Entry], list[Problem], str]:
    """Read and validate every `*.yaml` in `directory`.

    Returns the valid entries by id, every problem found (not only the first), and a version
    hash of the files' contents.
    """
    entries, _, problems, version = read_directory(directory)
    return entries, problems, version


def read_directory(directory: str | Path) -> tuple[
        dict[str, Entry], dict[str, OutsideTopic], list[Problem], str]:
    """`validate_directory`, and the valid topics the course does not cover, by id."""
    root = Path(directory)
    entry_schema, topic_schema = EntrySchema(), OutsideTopicSchema()
    problems: list[Problem] = []
    entries: dict[str, Entry] = {}
    outside: dict[str, OutsideTopic] = {}
    digest = hashlib.sha256()
    paths = sorted(root.glob("*.yaml")) if root.is_dir() else []
    if not paths:
        return {}, {}, [Problem(str(root), None, None, "holds no *.yaml knowledge files.")], ""
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
        raw_entries, raw_outside, file_problems = _read_file(path)
        problems += file_problems
        problems += _load_items(raw_entries, entry_schema, path.name, entries, _entry_from)
        problems += _load_items(raw_outside, topic_schema, path.name, outside,
                                _outside_topic_from)
    for entry in entries.values():
        for related_id in entry.related:
            if related_id not in entries:
                problems.append(Problem(entry.source, entry.id, "related",
                                        f"links to {related_id!r}, which is not an entry."))
    for topic in outside.values():
        if topic.id in entries:
            problems.append(Problem(topic.source, topic.id, "id",
                                    f"is also an entry's id (in {entries[topic.id].source})."))
    return entries, outside, problems, digest.hexdigest()[:12]


def _load_items(raw_items: list[Any], schema: Schema, source: str, found: dict[str, Any],
                build) -> list[Problem]:
    """Validate one file's entries (or topics not covered) with `schema` into `found` by id, each
    made by `build(data, source)`; return the problems, named by file, id and field."""
    problems = []
    for position, raw in enumerate(raw_items, start=1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        item_id = raw_id if isinstance(raw_id, str) else f"#{position}"
        try:
            data = schema.load(raw)
        except ValidationError as error:
            problems += _problems_from_messages(source, item_id, error.messages)
            continue
        if data["id"] in found:
            first = found[data["id"]].source
            problems.append(Problem(source, data["id"], "id",
                                    f"duplicate id; already defined in {first}."))
            continue
        found[data["id"]] = build(data, source)
    return problems


def _outside_topic_from(data: dict[str, Any], source: str) -> OutsideTopic:
    return OutsideTopic(data["id"], data["name"].strip(), tuple(data["phrasings"]), source)


def _entry_from(data: dict[str, Any], source: str) -> Entry:
    as_tuple = {k: tuple(v) for k, v in data.items() if isinstance(v, list) and k != "quiz"}
    if "quiz" in data:
        as_tuple["quiz"] = tuple({"question": item["question"], "choices": list(item["choices"]),
                                  "correct": list(item["correct"]),
                                  "choice_reasons": list(item["choice_reasons"])}
                                 for item in data["quiz"])
    rest = {k: v for k, v in data.items() if not isinstance(v, list)}
    if "graph" in rest:
        graph = rest["graph"]
        rest["graph"] = {"nodes": graph["nodes"], "edges": [
            {"from": e["from_"], "to": e["to"], "distribution": e["distribution"],
             "style": e["style"]} for e in graph["edges"]]}
    return Entry(source=source, **as_tuple, **rest)


def load_knowledge_base(directory: str | Path) -> KnowledgeBase:
    """Return the validated knowledge base; raises KnowledgeBaseError listing every problem."""
    entries, outside, problems, version = read_directory(directory)
    if problems:
        raise KnowledgeBaseError(problems)
    return KnowledgeBase(entries=entries, version=version, directory=str(directory),
                         files=tuple(sorted({e.source for e in entries.values()}
                                            | {t.source for t in outside.values()})),
                         outside=outside)


