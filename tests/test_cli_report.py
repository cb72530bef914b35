"""`tutor report`: the instructors' listing from the command line, over the server's records."""

from __future__ import annotations

import csv
import io
import json
import shutil

from click.testing import CliRunner

from service import config
from service.cli import main
from service.core.reply import Reply
from service.operations.records import Records, sqlite_url


def _seed(tmp_path):
    store = Records(sqlite_url(tmp_path / "feedback.sqlite3"))
    for message in ["what is a capsule network?", "what is a capsule network",
                    "how do I bake sourdough bread?"]:
        store(message, Reply("fallback", "I don't know.", "s1"), "s1")
    store.dispose()
    return {"TUTOR_SESSION_DB": str(tmp_path / "sessions.sqlite3")}


def test_report_lists_groups_in_every_format(tmp_path):
    env = _seed(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["report", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)["groups"]
    assert [g["count"] for g in groups] == [1, 2]
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(main, ["report", "--format", "csv"], env=env).output)))
    assert [r["count"] for r in rows] == ["1", "2"]
    markdown = runner.invoke(main, ["report"], env=env).output
    assert markdown.startswith("| Count |") and "capsule" in markdown
    later = runner.invoke(main, ["report", "--format", "json", "--since", "2999-01-01"], env=env)
    assert json.loads(later.output) == {"groups": []}


def test_a_bad_since_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["report", "--since", "yesterday"], env=_seed(tmp_path))
    assert result.exit_code == 2 and "since" in result.output


def test_trying_questions_out_records_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ask", "how do I bake sourdough bread?"])
    assert result.exit_code == 0
    from service import cli

    assert cli._tutor().recorder is None


def test_prune_keeps_the_retention_period_and_says_what_it_deleted(tmp_path):
    env = _seed(tmp_path)
    runner = CliRunner()
    kept = runner.invoke(main, ["prune"], env=env)  # a year by default: nothing is that old
    assert kept.exit_code == 0, kept.output
    assert kept.output.startswith("Deleted 0 unanswered questions and 0 ratings older than 365")
    gone = runner.invoke(main, ["prune", "--days", "0.000001"], env=env)
    assert "Deleted 3 unanswered questions" in gone.output
    assert json.loads(runner.invoke(main, ["report", "--format", "json"], env=env).output) == \
        {"groups": []}
    assert runner.invoke(main, ["prune", "--days", "0"], env=env).exit_code == 2


def test_report_draft_prints_an_entry_that_validates_once_answered(tmp_path):
    env = _seed(tmp_path)
    runner = CliRunner()
    groups = json.loads(runner.invoke(main, ["report", "--format", "json"], env=env).output)
    capsules = next(g for g in groups["groups"] if g["count"] == 2)
    result = runner.invoke(main, ["report", "--draft", str(capsules["id"])], env=env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Draft entry from 2 unanswered question(s)")
    knowledge = shutil.copytree(config.KNOWLEDGE_DIR, tmp_path / "knowledge")
    (knowledge / "capsules.yaml").write_text(result.output.replace(
        'answer: ""', "answer: A network of capsules.").replace(
        'explanation: ""', "explanation: |\n      Capsules are groups of neurons."))
    validated = runner.invoke(main, ["kb", "validate", str(knowledge)])
    assert validated.exit_code == 0, validated.output
    # any question of the group names it: the older capsule question too
    older = runner.invoke(main, ["report", "--draft", str(capsules["id"] - 1)], env=env)
    assert older.output == result.output


def test_report_draft_of_an_unknown_group_fails_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["report", "--draft", "999"], env=_seed(tmp_path))
    assert result.exit_code == 1 and "No unanswered group holds question 999" in result.output
    assert CliRunner().invoke(main, ["report", "--draft", "0"],
                              env=_seed(tmp_path)).exit_code == 2
