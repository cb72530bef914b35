"""The `tutor` command: serve, check the knowledge base, try questions, evaluate the matcher."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import click

from service import config as default_config


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
    click.echo(f"Serving the DL Tutor on http://{host}:{port} (docs at /docs)", err=True)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    os.execv(str(gunicorn), args)


@main.group()
def kb() -> None:
    """Work with the knowledge base."""


@kb.command("validate")
@click.argument("directory", required=False)
def kb_validate(directory: str | None) -> None:
    """Check every file in DIRECTORY (default: the configured one); list every problem."""
    from service.knowledge import validate_directory

    directory = _knowledge_dir(directory)
    entries, problems, version = validate_directory(directory)
    if problems:
        click.echo(f"{directory}: {len(problems)} problem(s)", err=True)
        for problem in problems:
            click.echo(f"  - {problem}", err=True)
        sys.exit(1)
    click.echo(f"{directory}: {len(entries)} entries, all valid (version {version})")


@kb.command("show")
@click.argument("entry_id")
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def kb_show(entry_id: str, directory: str | None) -> None:
    """Print one entry readably."""
    from service.errors import NotFoundError
    from service.knowledge import load_knowledge_base

    knowledge_base = load_knowledge_base(_knowledge_dir(directory))
    try:
        entry = knowledge_base.get(entry_id)
    except NotFoundError as error:
        raise click.ClickException(error.message) from None
    click.echo(render_entry(entry))


def render_entry(entry) -> str:
    """An entry as terminal text: headed sections, wrapped paragraphs, numbered choices."""
    width = 88
    title = f"{entry.id}  [{entry.topic}{', seed ' + entry.seed if entry.seed else ''}]"
    out = [click.style(title, bold=True), "", _wrap(entry.question, width), ""]

    def section(name: str, body: str) -> None:
        out.extend([click.style(name, underline=True), body, ""])

    if entry.choices:
        lines = []
        for number, (choice, reason) in enumerate(
                zip(entry.choices, entry.choice_reasons or (), strict=False), start=1):
            mark = "TRUE " if number in (entry.correct or ()) else "false"
            lines.append(_wrap(f"{number}. [{mark}] {choice.strip()}", width, "   "))
            lines.append(_wrap(reason.strip(), width, "      ", "      "))
        section("Choices", "\n".join(lines))
    section("Answer", _wrap(entry.answer, width))
    section("Explanation", _wrap(entry.explanation, width))
    section("Misconceptions", "\n".join(_wrap(m, width, "  ", "- ")
                                        for m in entry.misconceptions))
    section("Alternates", "\n".join(f"- {a}" for a in entry.alternates))
    if entry.related:
        section("Related", ", ".join(entry.related))
    if entry.calculation:
        section("Reproduced by", f"POST {entry.calculation['endpoint']} "
                                 f"{entry.calculation['request']}")
    if entry.graph:
        section("Graph", "\n".join(
            f"- {e['from']} -> {e['to']} ({e['distribution']}, {e['style']})"
            for e in entry.graph["edges"]))
    return "\n".join(out).rstrip() + "\n"


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> str:
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    return "\n\n".join(textwrap.fill(p, width, initial_indent=first if first is not None
                                     else indent, subsequent_indent=indent)
                       for p in paragraphs)


@main.command()
@click.argument("message")
@click.option("--dir", "directory", default=None, help="Knowledge directory.")
def ask(message: str, directory: str | None) -> None:
    """Ask one question and print the reply."""
    reply = _tutor(directory).respond(message, channel="cli")
    click.echo(_render_reply(reply))


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
        click.echo(_render_reply(reply))


def _render_reply(reply) -> str:
    head = f"[{reply.kind}"
    if reply.entry_id:
        head += f" {reply.entry_id}"
    head += f" {reply.confidence:.2f}]"
    lines = [click.style(head, dim=True), reply.reply]
    if reply.suggestions and reply.kind != "clarify":
        lines.append(click.style("see also: " + "; ".join(
            f"{s.entry_id} ({s.score:.2f})" for s in reply.suggestions[:3]), dim=True))
    return "\n".join(lines) + "\n"


@main.command()
@click.option("--format", "format_", type=click.Choice(["markdown", "csv", "json"]),
              default="markdown", show_default=True)
@click.option("--since", default=None, help="Only questions from this ISO date or time on.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000),
              help="Most groups listed.")
def report(format_: str, since: str | None, limit: int) -> None:
    """List unanswered questions grouped by similarity, newest first: what to add next.

    Reads the records the server keeps (TUTOR_DATABASE_URL, or the SQLite file beside the
    session database), grouped against the configured knowledge base.
    """
    import json

    from service import create_app
    from service import report as reporting
    from service.schemas.admin import UnansweredQuerySchema

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
    groups = reporting.group_questions(questions, app.extensions["tutor"].matcher)[:limit]
    rendered = reporting.render(groups, format_)
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

    from service.evaluation import evaluate_cases, format_report, load_cases

    report = evaluate_cases(_tutor(directory), load_cases(cases_file))
    click.echo(json.dumps(report.figures(), indent=2) if as_json else format_report(report))


if __name__ == "__main__":  # pragma: no cover
    main()
