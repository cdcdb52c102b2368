"""One identity for the app and the command line: the CLI defaults to the app's current profile,
export without --trainee exports every profile, a command that would write an empty export or
finds no attempts says so and exits non-zero, and cohorts are found in any case."""

from __future__ import annotations

import json
import re
import zlib

import pytest

from ask_dont_tell.trainer.cli import main
from ask_dont_tell.trainer.exchange import export_sessions
from ask_dont_tell.trainer.profiles import Profiles
from ask_dont_tell.trainer.storage import SessionStore, open_database

OPEN = "What have you tried so far?"
SCENARIO = "just-tell-me"


def pdf_text(path) -> str:
    """The text drawn in a PDF, its streams inflated."""
    raw = path.read_bytes()
    parts = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", raw, re.S):
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            parts.append(stream.decode("latin-1"))
    return "".join(parts)


def rehearse(tmp_path, *extra: str) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join([OPEN] * 30) + "\n")
    assert main(["rehearse", SCENARIO, "--answers", str(answers), "--json", *extra]) == 0


def stored_trainees() -> list[str]:
    store = SessionStore(open_database())
    try:
        return [item["trainee"] for item in store.history()]
    finally:
        store.database.close()


def test_the_cli_practises_as_the_app_s_current_profile(data_dir, tmp_path, capsys):
    Profiles().with_current("Sam Rivera").save(data_dir)
    rehearse(tmp_path)
    assert stored_trainees() == ["Sam Rivera"]
    rehearse(tmp_path, "--trainee", "Ana")  # --trainee overrides
    assert sorted(stored_trainees()) == ["Ana", "Sam Rivera"]


def test_before_any_profile_the_cli_makes_one_the_app_then_uses(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("ask_dont_tell.trainer.profiles.system_full_name", lambda: "Robin Example")
    rehearse(tmp_path)
    assert "practising as Robin Example" in capsys.readouterr().err
    assert Profiles.load(data_dir).current == "Robin Example" and stored_trainees() == ["Robin Example"]


def test_export_without_trainee_exports_every_profile(data_dir, tmp_path, capsys):
    Profiles(("Sam Rivera", "Ana"), "Sam Rivera").save(data_dir)
    rehearse(tmp_path)
    rehearse(tmp_path, "--trainee", "Ana")
    capsys.readouterr()
    out = tmp_path / "export.json"
    assert main(["export", "--out", str(out)]) == 0
    written = {json.loads(path.read_text())["trainee"]: path.name for path in tmp_path.glob("export-*.json")}
    assert written == {"Sam Rivera": "export-sam-rivera.json", "Ana": "export-ana.json"}
    assert not out.exists()
    assert all(len(json.loads((tmp_path / name).read_text())["sessions"]) == 1 for name in written.values())


def test_one_profile_exports_to_the_file_named(data_dir, tmp_path, capsys):
    Profiles().with_current("Sam Rivera").save(data_dir)
    rehearse(tmp_path)
    out = tmp_path / "mine.json"
    assert main(["export", "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["trainee"] == "Sam Rivera" and len(data["sessions"]) == 1
    assert "1 finished session of Sam Rivera" in capsys.readouterr().out


def test_an_empty_export_is_not_written_and_exits_non_zero(data_dir, tmp_path, capsys):
    out = tmp_path / "nothing.json"
    assert main(["export", "--out", str(out)]) == 1  # no profile at all
    assert "no profile on this machine" in capsys.readouterr().err and not out.exists()

    Profiles().with_current("Sam Rivera").save(data_dir)
    assert main(["export", "--out", str(out)]) == 1  # a profile with nothing finished
    err = capsys.readouterr().err
    assert "no finished sessions of Sam Rivera" in err and "profiles on this machine: Sam Rivera" in err
    assert not out.exists()
    assert main(["export", "--out", str(out), "--trainee", "root"]) == 1
    assert not out.exists()


def test_prep_finds_the_profile_s_attempts_and_says_when_there_are_none(data_dir, tmp_path, capsys):
    Profiles(("Sam Rivera", "Ana"), "Sam Rivera").save(data_dir)
    rehearse(tmp_path)
    capsys.readouterr()
    card = tmp_path / "card.pdf"
    assert main(["prep", SCENARIO, "--out", str(card)]) == 0
    assert "1 recorded attempt of Sam Rivera" in capsys.readouterr().out

    other = tmp_path / "other.pdf"
    assert main(["prep", "blaming-the-leader", "--out", str(other), "--with", "Marco",
                 "--topic", "Q3 territory split", "--pronouns", "he"]) == 1
    err = capsys.readouterr().err
    assert "Sam Rivera has no finished attempt at blaming-the-leader" in err and "Ana" in err
    text = pdf_text(other)  # the card is still written, about Marco
    assert other.read_bytes().startswith(b"%PDF")
    assert "One-on-one with Marco: Q3 territory split" in text
    assert "Help Marco find what was and is within his control" in text and "Dana" not in text


def make_cohort(name: str, tmp_path) -> None:
    rehearse(tmp_path, "--trainee", "Ana")
    store = SessionStore(open_database())
    try:
        export_sessions(store, "Ana", tmp_path / "ana.json")
    finally:
        store.database.close()
    # a fresh database for the trainer, importing the participant's file
    (tmp_path / "trainer").mkdir()
    assert main(["import", str(tmp_path / "ana.json"), "--cohort", name, "--date", "2026-05-04",
                 "--database", f"sqlite:///{tmp_path / 'trainer' / 'trainer.db'}"]) == 0


def test_cohort_names_match_in_any_case_and_an_unknown_one_lists_the_known(data_dir, tmp_path, capsys):
    make_cohort("Spring", tmp_path)
    database = f"sqlite:///{tmp_path / 'trainer' / 'trainer.db'}"
    out = tmp_path / "spring.pdf"
    assert main(["report", "--cohort", "spring", "--out", str(out), "--database", database]) == 0
    text = pdf_text(out)
    assert "Cohort report: Spring" in text and "Workshop 2026-05-04; report made" in text
    assert "Per scenario" in text and "just-tell-me" in text and "Ready in" in text
    assert "Average score" in text and " re" in text  # the score chart's bars are drawn
    assert main(["report", "--cohort", "autumn", "--out", str(tmp_path / "a.csv"), "--database", database]) == 1
    assert "no cohort 'autumn' in this database; the cohorts here are: Spring" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "ana.json"), "--cohort", "SPRING", "--database", database]) == 0
    store = SessionStore(open_database(database))
    try:
        assert [item["name"] for item in store.cohorts()] == ["Spring"]  # the same cohort, not a second one
    finally:
        store.database.close()


def test_imported_participants_are_not_profiles(data_dir, tmp_path):
    Profiles().with_current("Trainer Tess").save(data_dir)
    make_cohort("May", tmp_path)
    assert Profiles.load(data_dir).names == ("Trainer Tess",)


@pytest.mark.parametrize("command", ["export", "prep", "rehearse"])
def test_help_names_the_app_s_profile_as_the_default(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "profile" in capsys.readouterr().out
