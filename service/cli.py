"""The `tutor` command: serve, check the knowledge base, try questions, evaluate the matcher."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from pathlib import Path

import click

from service import config as default_config

WIDTH = 88  # columns when the terminal does not say (a pipe, a test); at most 100 otherwise
# Markdown's own punctuation, escaped in maths read as Unicode so that "x_data" stays literal
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]<>#|~!]")
_ANSI_STYLE = re.compile(r"(\x1b\[[0-9;]*m)")
# Spaces to the end of a line. Only ever matched where no space precedes (after a formula, or
# after a newline): the look-behind keeps a search from restarting inside a run of spaces.
_LINE_END = re.compile(r"(?<![ \t])[ \t]*+(?:\n|$)")
_BLANK_BEFORE = re.compile(r"(?:^|\n[ \t]*\n)[ \t]*$")
_INDENT = "\ue007\ue007"  # a displayed formula's indent: Markdown would strip spaces there
_VERDICT = re.compile(r"(?i)^(?:true|false)\s*+[:.]\s*+")


def _knowledge_dir(directory: str | None) -> str:
    return directory or os.environ.get("TUTOR_KNOWLEDGE_DIR") or default_config.KNOWLEDGE_DIR


def _tutor(directory: str | None = None):
    """A Tutor over the knowledge base, configured as the app is, keeping sessions in memory."""
    from service import create_app

    overrides = {"SESSION_DB": ":memory:"}
    if directory:
        overrides["KNOWLEDGE_DIR"] = directory
    tutor = create_app(overrides).extensions["tutor"]
    tutor.recorder = None  # trying questions out is not a student asking: record nothing
    return tutor


@click.group()
def main() -> None:
    """The DL Tutor: an LLM-free tutor for the deep-learning course."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=None, type=int, help="gunicorn workers (default: config)")
def serve(host: str, port: int, workers: int | None) -> None:
    """Serve the tutor with gunicorn on HOST:PORT."""
    args = ["gunicorn", "--config", "python:service.gunicorn_conf", "--bind", f"{host}:{port}"]
    if workers:
        args += ["--workers", str(workers)]
    args.append("service:create_app()")
    url = browser_url(host, port)
    click.echo(f"Serving the DL Tutor on {host}:{port}. Open:\n"
               f"  {url}/       the front door: what the tutor is, where to go next\n"
               f"  {url}/demo   a course page with the tutor in it, to try it\n"
               f"  {url}/docs   the API documentation", err=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    os.execv(str(gunicorn), args)


def browser_url(host: str, port: int) -> str:
    """The address a browser on this machine opens for a server bound to `host`:`port`."""
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1", "[::]": "::1"}.get(host, host)
    if ":" in host and not host.startswith("["):  # an IPv6 address goes in brackets
        host = f"[{host}]"
    return f"http://{host}:{port}"


@main.group()
def kb() -> None:
    """Work with the knowledge base."""


@kb.command("validate")
@click.argument("directory", required=False)
def kb_validate(directory: str | None) -> None:
    """Check every file in DIRECTORY (default: the configured one); list every problem."""
    from service.knowledge.loading import read_directory

    directory = _knowledge_dir(directory)
    entries, outside, problems, version = read_directory(directory)
    if problems:
        click.echo(f"{directory}: {len(problems)} problem(s)", err=True)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)
        sys.exit(1)
    click.echo(f"{directory}: {len(entries)} entries and {len(outside)} topics not covered, "
               f"all valid (version {version})")


@kb.command("list")
@click.option("--topic", type=click.Choice(("dl-basics", "vae", "gan", "rnn", "attention")),
              default=None, help="Only this topic's entries.")
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def kb_list(topic: str | None, directory: str | None) -> None:
    """List the entries (id and question), by topic."""
    from service.knowledge.loading import load_knowledge_base

    entries = load_knowledge_base(_knowledge_dir(directory)).by_topic(topic)
    click.echo(render_list(entries, _width()), nl=False)


def render_list(entries, width: int = WIDTH) -> str:
    """Entries as terminal text: a heading per topic, then one line per entry (id, question)."""
    from service.channels.unicode_math import plain_label

    by_topic: dict[str, list] = {}
    for entry in entries:
        by_topic.setdefault(entry.topic, []).append(entry)
    column = min(max((len(e.id) for e in entries), default=0), 36) + 2
    out = []
    for topic, listed in by_topic.items():
        out.append(click.style(f"{topic} ({len(listed)})", bold=True))
        for entry in listed:
            room = max(width - column - 2, 20)
            out.append(f"  {entry.id:<{column}}{plain_label(entry.question, room)}")
        out.append("")
    return "\n".join(out) if out else "No entries.\n"


@kb.command("show")
@click.argument("entry_id")
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def kb_show(entry_id: str, directory: str | None) -> None:
    """Print one entry readably: Markdown rendered, maths in Unicode."""
    from service.errors import NotFoundError
    from service.knowledge.loading import load_knowledge_base

    knowledge_base = load_knowledge_base(_knowledge_dir(directory))
    try:
        entry = knowledge_base.get(entry_id)
    except NotFoundError as error:
        raise click.ClickException(error.message) from None
    click.echo(render_entry(entry, _width()), nl=False)


def render_entry(entry, width: int = WIDTH) -> str:
    """An entry as terminal text: its question, then headed sections, Markdown rendered."""
    title = " · ".join(filter(None, (entry.id, entry.topic,
                                     f"seed {entry.seed}" if entry.seed else None)))
    out = [click.style(title, bold=True), "", terminal_text(entry.question, width)]

    def section(name: str, markdown: str) -> None:
        out.extend([click.style(name, bold=True, underline=True),
                    terminal_text(markdown, width)])

    if entry.choices:
        reasons = list(entry.choice_reasons or ())
        section("Choices", "\n".join(
            f"{n}. **{'True' if n in (entry.correct or ()) else 'False'}.** {choice.strip()}"
            + (f" *{_VERDICT.sub('', reasons[n - 1].strip())}*" if n <= len(reasons) else "")
            for n, choice in enumerate(entry.choices, start=1)))
    section("Answer", entry.answer)
    section("Explanation", entry.explanation)
    section("Common mistakes", "\n".join(f"- {m.strip()}" for m in entry.misconceptions))
    section("How students ask it", "\n".join(f"- {_literal(a)}" for a in entry.alternates))
    if entry.keywords:
        section("Keywords", ", ".join(_literal(k) for k in entry.keywords))
    if entry.related:
        section("Related", ", ".join(f"`{r}`" for r in entry.related))
    if entry.calculation:
        section("Reproduced by", f"`POST {entry.calculation['endpoint']}` "
                                 f"`{entry.calculation['request']}`")
    if entry.graph:
        section("Graph", "\n".join(
            f"- {e['from']} → {e['to']} ({_literal(e['distribution'])}, {e['style']})"
            for e in entry.graph["edges"]))
    return "\n".join(out).rstrip() + "\n"


def _literal(text: str) -> str:
    """Plain text as Markdown that shows it as it is (students' phrasings, keywords)."""
    return _MARKDOWN_PUNCTUATION.sub(lambda m: "\\" + m.group(), text)


def _width() -> int:
    return min(shutil.get_terminal_size((WIDTH, 24)).columns, 100)


def terminal_text(markdown: str, width: int = WIDTH) -> str:
    """The tutor's Markdown with `$...$` LaTeX as terminal text, ending in a newline.

    Maths is read as Unicode by `service.channels.unicode_math`, as in Slack (`⌊M/2⌋ + 1`,
    `Wₕ`), and escaped, then rich renders the Markdown: bold, italics, lists, code, wrapped to
    `width`. A displayed formula gets a line of its own. The ANSI styling is dropped by
    click.echo when the output is not a terminal.
    """
    from rich.console import Console
    from rich.markdown import Markdown

    from service.channels.unicode_math import MATH_SPAN, latex_to_unicode

    def reading(match: re.Match) -> str:
        displayed = match.group(1) is not None
        text = _literal(latex_to_unicode(match.group(1) if displayed else match.group(2)))
        if not displayed:
            return text
        # a line of its own, indented: hard breaks (a backslash before a newline) around it,
        # where a paragraph's edge does not already give it one
        before = "" if _BLANK_BEFORE.search(match.string, 0, match.start()) else "\\\n"
        end = _LINE_END.match(match.string, match.end())
        if end is None:  # the paragraph goes on on the same line
            after = "\\\n"
        else:  # the newline there becomes a hard break, unless a blank line follows
            after = "" if _LINE_END.match(match.string, end.end()) else "\\"
        return f"{before}{_INDENT}{text}{after}"

    console = Console(file=io.StringIO(), width=width, force_terminal=True,
                      color_system="standard", highlight=False, emoji=False)
    console.print(Markdown(MATH_SPAN.sub(reading, markdown.strip()), hyperlinks=False))
    text = console.file.getvalue().replace(_INDENT, "  ")
    return "\n".join(_without_padding(line) for line in text.split("\n"))


def _without_padding(line: str) -> str:
    """rich pads every line with spaces to the full width: drop them, keeping the style codes
    that sit among them (in one pass from the end, not a pattern that backtracks)."""
    pieces = _ANSI_STYLE.split(line)  # text, code, text, ..., code, text
    codes = []
    while pieces:
        last = pieces.pop()
        if len(pieces) % 2:  # an odd index: a style code
            codes.append(last)
        elif stripped := last.rstrip(" \t"):
            pieces.append(stripped)
            break
    return "".join(pieces) + "".join(reversed(codes))


@main.command()
@click.argument("message")
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def ask(message: str, directory: str | None) -> None:
    """Ask one question and print the reply."""
    reply = _tutor(directory).respond(message, channel="cli")
    click.echo(_render_reply(reply, _width()), nl=False)


@main.command()
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def chat(directory: str | None) -> None:
    """An interactive chat in the terminal (Ctrl-D or 'quit' to leave)."""
    tutor = _tutor(directory)
    session_id = None
    click.echo("DL Tutor. Ask a question; 'quit' to leave.")
    while True:
        try:
            message = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if message.lower() in {"quit", "exit", ":q"}:
            return
        if not message:
            continue
        reply = tutor.respond(message, session_id, channel="cli")
        session_id = reply.session_id
        click.echo(_render_reply(reply, _width()))


def reply_label(reply) -> str:
    """What a reply is, in words: "Answer", "Did you mean…?", "Not in the knowledge base"."""
    practice = getattr(reply, "practice", None) or {}
    if getattr(reply, "small_talk", False):
        return "Tutor"
    if "result" in practice:
        return "Practice, graded"
    if reply.kind == "clarify":
        if practice:
            return "Practice question"
        return "Did you mean…?" if reply.suggestions else "Question back"
    return {"answer": "Answer", "calculation": "Calculation",
            "fallback": "Not in the knowledge base"}.get(reply.kind, reply.kind)


def _render_reply(reply, width: int = WIDTH) -> str:
    from service.channels.unicode_math import plain_label

    head = [reply_label(reply)]
    if reply.entry_id:
        head.append(f"entry {reply.entry_id}")
    calculator = (reply.calculation or {}).get("calculator")
    if calculator:
        head.append(f"calculator {calculator}")
    if reply.kind in ("answer", "clarify") and not getattr(reply, "small_talk", False):
        head.append(f"confidence {reply.confidence:.2f}")
    lines = [click.style(" · ".join(head), dim=True), terminal_text(reply.reply, width)]
    if reply.suggestions and reply.kind != "clarify":
        lines.append(click.style("You could also ask:\n" + "\n".join(
            f"  • {plain_label(s.question, width - 4)}" for s in reply.suggestions[:3]),
            dim=True) + "\n")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@main.command()
@click.option("--format", "format_", type=click.Choice(["markdown", "csv", "json"]),
              default="markdown", show_default=True)
@click.option("--since", default=None, help="Only questions from this ISO date or time on.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000),
              help="Most groups listed.")
@click.option("--draft", "draft", default=None, type=click.IntRange(min=1), metavar="GROUP",
              help="Print a draft knowledge-base entry (YAML) for group GROUP instead.")
def report(format_: str, since: str | None, limit: int, draft: int | None) -> None:
    """List unanswered questions grouped by similarity, newest first: what to add next.

    Reads the records the server keeps (TUTOR_DATABASE_URL, or the SQLite file beside the
    session database), grouped against the configured knowledge base. `--draft GROUP` (the
    group's number in the listing, the id of its newest question) prints a draft entry for
    it instead: fill in `answer` and `explanation`, and `tutor kb validate` accepts it.
    """
    import json

    from service import create_app
    from service.channels.api.schemas.admin import UnansweredQuerySchema
    from service.operations import report as reporting

    query = {"format": format_, "limit": limit, **({"since": since} if since else {})}
    errors = UnansweredQuerySchema().validate(query)
    if errors:
        raise click.BadParameter("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
    query = UnansweredQuerySchema().load(query)
    app = create_app()
    try:
        questions = app.extensions["records"].questions(since=query.get("since"))
    finally:
        app.extensions["records"].dispose()
    groups = reporting.group_questions(questions, app.extensions["tutor"].matcher)
    if draft is not None:
        group = reporting.find_group(groups, draft)
        if group is None:
            raise click.ClickException(f"No unanswered group holds question {draft}; "
                                       "`tutor report` lists the groups.")
        click.echo(reporting.draft_entry(group, app.extensions["knowledge_base"]), nl=False)
        return
    rendered = reporting.render(groups[:limit], format_)
    click.echo(json.dumps(rendered, indent=2) if isinstance(rendered, dict) else rendered,
               nl=isinstance(rendered, dict))


@main.command()
@click.option("--days", default=None, type=click.FloatRange(min=0, min_open=True),
              help="Keep this many days (default: RECORDS_RETENTION_DAYS, a teaching year).")
def prune(days: float | None) -> None:
    """Delete unanswered questions and ratings older than the retention period.

    Reads the same records as `tutor report` (TUTOR_DATABASE_URL, or the SQLite file beside the
    session database). Safe to run at any time, from cron or a scheduled job.
    """
    from service import create_app

    app = create_app()
    keep = days if days is not None else float(app.config["RECORDS_RETENTION_DAYS"])
    try:
        removed = app.extensions["records"].prune(keep)
    finally:
        app.extensions["records"].dispose()
    click.echo(f"Deleted {removed['questions']} unanswered questions and {removed['ratings']} "
               f"ratings older than {keep:g} days.")


@main.command("eval")
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(cases_file: str, directory: str | None, as_json: bool) -> None:
    """Score the tutor on CASES_FILE (the format of shared/eval/dev.yaml)."""
    import json

    from service.core.evaluation import evaluate_cases, format_report, load_cases

    report = evaluate_cases(_tutor(directory), load_cases(cases_file))
    click.echo(json.dumps(report.figures(), indent=2) if as_json else format_report(report))


if __name__ == "__main__":  # pragma: no cover
    main()
