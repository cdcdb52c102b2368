"""Hostile databases and runs: another program's SQLite file (even one with its own
alembic_version table) is refused untouched, a pipe is refused at once, a damaged stored value is
a message, a clock set back does not change which session is resumed, and a closed pipe ends a
command quietly."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ask_dont_tell.trainer.storage import RefusedDatabase, SessionStore, StorageError, open_database
from ask_dont_tell.trainer.storage.database import expected_schema, known_revisions

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "blaming-the-leader"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def main_py(*args: str, input: str | None = None, timeout: float = 60, env: dict | None = None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, input=input, env={**os.environ, **(env or {})})


def foreign_database(path: Path, revision: str, tables: dict[str, str]) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        for name, columns in tables.items():
            connection.execute(f"CREATE TABLE {name} ({columns})")
            connection.execute(f"INSERT INTO {name} DEFAULT VALUES")
    connection.close()


def head() -> str:
    return known_revisions()[1]


@pytest.mark.parametrize("revision,tables", [
    ("head", {"invoices": "id INTEGER PRIMARY KEY, total INTEGER DEFAULT 7"}),
    ("head", {"trainees": "id INTEGER PRIMARY KEY, name TEXT DEFAULT 'x'"}),  # one of our names, not our schema
    ("0001", {"counters": "id INTEGER PRIMARY KEY, value INTEGER DEFAULT 1"}),
    ("ae1027a6acf", {"users": "id INTEGER PRIMARY KEY"}),  # another program's own revision id
    ("head", {}),  # our version number and none of our tables
])
def test_another_programs_database_with_an_alembic_version_table_is_refused_untouched(tmp_path, revision, tables):
    path = tmp_path / "other.db"
    foreign_database(path, head() if revision == "head" else revision, tables)
    before, files = digest(path), beside(path)
    with pytest.raises(RefusedDatabase, match="another program") as refused:
        open_database(f"sqlite:///{path}")
    assert refused.value.path == path
    assert digest(path) == before and beside(path) == files  # not switched to WAL, no -wal or -shm

    result = main_py("history", "--database", f"sqlite:///{path}")
    assert result.returncode == 2 and "another program" in result.stderr and "Traceback" not in result.stderr
    assert digest(path) == before and beside(path) == files


def test_our_own_database_at_every_known_revision_is_still_opened(tmp_path):
    path = tmp_path / "ours.db"
    open_database(f"sqlite:///{path}").close()
    database = open_database(f"sqlite:///{path}")  # reopened: its schema is this app's
    database.close()
    for revision in sorted(known_revisions()[0]):
        assert "alembic_version" in expected_schema(revision) and "trainees" in expected_schema(revision)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("which", ["", "-wal", "-journal"])
def test_a_database_that_is_a_pipe_is_refused_at_once(tmp_path, which):
    path = tmp_path / "trainer.db"
    if which:
        open_database(f"sqlite:///{path}").close()
    os.mkfifo(f"{path}{which}")
    result = main_py("history", "--database", f"sqlite:///{path}", timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def store_with_sessions(path: Path, count: int = 1, finish: bool = True) -> tuple[SessionStore, list[int]]:
    from ask_dont_tell.trainer.engine import Session
    from ask_dont_tell.trainer.scenario import load_library

    scenario = load_library().get(SCENARIO)
    store = SessionStore(open_database(f"sqlite:///{path}"))
    ids = []
    for _ in range(count):
        session = Session(scenario, 0)
        session_id = store.start_session("Ana", scenario, 0)
        for reply in ("What happened with the territory?", "What did you try?"):
            store.record_turn(session_id, session.reply(reply))
        if finish:
            store.finish_session(session_id, session.result())
        ids.append(session_id)
    return store, ids


def test_a_flipped_byte_in_a_stored_json_value_is_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "trainer.db"
    store, _ = store_with_sessions(path)
    store.database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE turns SET sentences = substr(sentences, 1, length(sentences) - 1)")  # ] lost
    connection.close()
    out = tmp_path / "ana.json"
    result = main_py("export", "--out", str(out), "--trainee", "Ana", "--database", f"sqlite:///{path}")
    assert result.returncode == 2 and "damaged" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    store = SessionStore(open_database(f"sqlite:///{path}"))
    try:
        with pytest.raises(StorageError, match="damaged"):
            store.session_detail(1)
    finally:
        store.database.close()


def test_resume_follows_the_order_replies_were_written_not_the_clock(tmp_path, monkeypatch):
    from ask_dont_tell.trainer.engine import Session
    from ask_dont_tell.trainer.scenario import load_library
    from ask_dont_tell.trainer.storage import repository
    from ask_dont_tell.trainer.storage import models

    scenario = load_library().get(SCENARIO)
    store = SessionStore(open_database(f"sqlite:///{tmp_path / 'trainer.db'}"))
    try:
        first = store.start_session("Ana", scenario, 0)
        store.record_turn(first, Session(scenario, 0).reply("What happened?"))
        set_back = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)
        monkeypatch.setattr(repository, "utcnow", lambda: set_back)  # the clock goes back a month
        monkeypatch.setattr(models, "utcnow", lambda: set_back)
        second = store.start_session("Ana", scenario, 0)
        store.record_turn(second, Session(scenario, 0).reply("What did you try?"))
        assert [item["id"] for item in store.interrupted_sessions("Ana", SCENARIO)] == [second, first]
        monkeypatch.undo()
        session = Session(scenario, 0)
        session.reply("What happened?")
        store.record_turn(first, session.reply("And then?"))  # the older one is played again, last
        assert [item["id"] for item in store.interrupted_sessions("Ana", SCENARIO)] == [first, second]
    finally:
        store.database.close()


def test_a_closed_pipe_ends_a_command_quietly():
    replies = "".join(f"What happened next, {n}?\n" for n in range(20_000))
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "classify"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    process.stdin.write(b"What happened?\n")
    process.stdin.flush()
    assert process.stdout.readline()  # like `| head -1`: one line, then the reader goes away
    process.stdout.close()
    try:
        process.stdin.write(replies.encode())
        process.stdin.close()
    except BrokenPipeError:
        pass
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_history_into_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "trainer.db"
    store, _ = store_with_sessions(path, count=40)
    store.database.close()
    command = (f"{sys.executable} {ROOT / 'main.py'} history --json --database sqlite:///{path} | head -c 10")
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr


@pytest.mark.parametrize("args", [
    ["rehearse", SCENARIO, "--seed", "1" * 30], ["rehearse", SCENARIO, "--seed", "-" + "1" * 5000],
    ["history", "--limit", "9" * 20], ["history", "--limit", "0"], ["history", "--limit", "1" * 5000],
    ["history", "--limit", "١٢"],
])
def test_numbers_beyond_range_on_the_command_line_are_a_usage_message(args):
    result = main_py(*args, input="")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "must be from" in result.stderr or "not a whole number" in result.stderr


def test_the_widest_seed_and_limit_work(tmp_path):
    database = f"sqlite:///{tmp_path / 'trainer.db'}"
    result = main_py("rehearse", SCENARIO, "--seed", str(2**31 - 1), "--database", database, "--json",
                     input="What happened?\n")
    assert result.returncode == 0, result.stderr
    listed = main_py("history", "--limit", "1000000", "--database", database)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr


def test_an_unforeseen_error_is_one_line_not_a_traceback(monkeypatch, capsys):
    from ask_dont_tell.trainer import cli

    def broken(args, stdin, stdout):
        raise ZeroDivisionError("something nobody foresaw")

    monkeypatch.setattr(cli, "cmd_history", broken)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert cli.main(["history"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("error: something nobody foresaw (ZeroDivisionError;") and "Traceback" not in err
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["history"])
