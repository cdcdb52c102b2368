"""Storage on real databases: SQLite always, PostgreSQL when TRAINER_TEST_POSTGRES_URL is set.

No mocks: every test opens a real database, and the crash, concurrency and refusal tests run the
real command line in separate processes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import skip_unless_ci
from sqlalchemy import MetaData, create_engine, event, text

from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.scenario import Library, content_hash, load_library
from ask_dont_tell.trainer.storage import SessionStore, StorageError, open_database, resolve_url
from ask_dont_tell.trainer.storage.database import BUSY_TIMEOUT_MS, alembic_config, known_revisions

ROOT = Path(__file__).resolve().parent.parent
MAIN = str(ROOT / "main.py")
POSTGRES_URL = os.environ.get("TRAINER_TEST_POSTGRES_URL", "").strip()
SCENARIO = "just-tell-me"
#: Open questions: the salesperson keeps talking, so two or three of them never end the scenario.
OPEN_REPLIES = ["What have you tried so far?", "What else could you do?", "What would you try next?"]
#: Three pieces of advice end the scenario (rule: told >= 3).
ADVICE_REPLIES = ["You should just call them again.", "You need to ring Karen today.", "Just send them a new offer."]


# --- fixtures -----------------------------------------------------------------------------------


def reset_postgres(url: str) -> None:
    """Drop every table (the app's and alembic_version) so each test starts from an empty database."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            metadata.drop_all(connection)
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, monkeypatch):
    """A fresh database URL: a new SQLite file, or the emptied PostgreSQL test database."""
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "unused-data-dir"))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'trainer.db'}"
        return
    if not POSTGRES_URL:
        skip_unless_ci("PostgreSQL not tested: set TRAINER_TEST_POSTGRES_URL to a server's empty test database "
                    "(.ci/run starts one; see docs/storage.md)")
    reset_postgres(POSTGRES_URL)
    yield POSTGRES_URL
    reset_postgres(POSTGRES_URL)


@pytest.fixture
def store(database_url):
    database = open_database(database_url)
    yield SessionStore(database)
    database.close()


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def scenario(library):
    return library.get(SCENARIO)


def play(store: SessionStore, scenario, replies, trainee="Ana", seed=0, finish=True):
    """Play and record a session the way the app does; return (session id, engine session)."""
    session = Session(scenario, seed)
    session_id = store.start_session(trainee, scenario, seed)
    for reply in replies:
        store.record_turn(session_id, session.reply(reply), think_ms=1500.0)
        if session.finished:
            break
    if finish:
        store.finish_session(session_id, session.result())
    return session_id, session


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "TRAINER_DATABASE_URL"}
    env["TRAINER_DATA_DIR"] = str(tmp_path / "cli-data")
    return env


def run_cli(tmp_path: Path, *args: str, input: str = "", timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, MAIN, *args], input=input, capture_output=True, text=True,
                          cwd=ROOT, env=cli_env(tmp_path), timeout=timeout)


def history_json(tmp_path: Path, url: str, *extra: str) -> list[dict]:
    result = run_cli(tmp_path, "history", "--json", "--database", url, *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """What must not change when a database is refused: content, mtime and the files beside it."""
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns,
            sorted(p.name for p in path.parent.iterdir()))


class Watchdog:
    """Kill a child process that hangs, so a broken feature fails the test instead of stalling it."""

    def __init__(self, process: subprocess.Popen, seconds: float = 60):
        self.timer = threading.Timer(seconds, process.kill)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        self.timer.join()


def read_until(process: subprocess.Popen, predicate, seen: list[str]) -> str:
    """Read stdout lines until one satisfies ``predicate``; fail (showing stderr) if the output ends first."""
    while True:
        line = process.stdout.readline()
        if not line:
            process.wait()
            pytest.fail(f"output ended before the expected line (exit status {process.returncode}); "
                        f"stdout: {seen}; stderr: {process.stderr.read()}")
        seen.append(line.rstrip("\n"))
        if predicate(line):
            return line


# --- schema and migrations ------------------------------------------------------------------------


def test_open_migrates_to_the_newest_revision_and_matches_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ask_dont_tell.trainer.storage.models import Base

    _, head = known_revisions()
    with store.database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "compare_server_default": True})
        assert set(context.get_current_heads()) == {head}
        assert compare_metadata(context, Base.metadata) == []


def test_migration_from_the_first_revision_keeps_every_row(database_url):
    from alembic import command

    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    measures = {"open_question_share": 0.5, "ask_tell_ratio": 1.0, "talk_ratio": 0.3, "counts": {"advice": 1}}
    breakdown = [{"text": "1 of 2 replies were open questions", "points": 20}]
    sentences = [{"text": "What happened?", "label": "open_question", "cue": "What happened"}]
    with engine.begin() as connection:
        run = lambda sql, **values: connection.execute(text(sql), values)  # noqa: E731
        run("INSERT INTO trainees (id, name, created) VALUES (1, 'Ana', '2024-01-02 03:04:05')")
        run("INSERT INTO cohorts (id, name) VALUES (1, 'January intake')")
        run("INSERT INTO scenario_versions (id, scenario_id, content_hash, title) "
            "VALUES (1, 'just-tell-me', 'abc123', 'Just tell me')")
        run("INSERT INTO practice_sessions (id, uuid, trainee_id, scenario_version_id, cohort_id, seed, started, "
            "ended, status, outcome, score, ending, measures, breakdown) VALUES (1, 'uuid-1', 1, 1, 1, 7, "
            "'2024-01-02 03:04:05', '2024-01-02 03:10:00', 'finished', 'partial', 55, 'half_way', :m, :b)",
            m=json.dumps(measures), b=json.dumps(breakdown))
        run("INSERT INTO practice_sessions (id, uuid, trainee_id, scenario_version_id, seed, started, status) "
            "VALUES (2, 'uuid-2', 1, 1, 0, '2024-01-03 09:00:00', 'active')")
        for index, session_id in [(0, 1), (1, 1), (0, 2)]:
            run("INSERT INTO turns (session_id, turn_index, node, salesperson, reply, label, cue, sentences, "
                "try_instead, response, state, created, think_ms) VALUES (:s, :i, 'opening', :sp, :r, "
                "'open_question', 'What happened', :sen, NULL, :resp, :st, '2024-01-02 03:05:00', 2500.5)",
                s=session_id, i=index, sp=f"line {index}", r=f"What happened {session_id}.{index}?",
                sen=json.dumps(sentences), resp=f"answer {index}", st=json.dumps({"openness": index}))
    engine.dispose()

    database = open_database(database_url)  # migrates to the newest revision on open
    try:
        store = SessionStore(database)
        _, head = known_revisions()
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
            counts = {table: connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
                      for table in ["trainees", "cohorts", "scenario_versions", "practice_sessions", "turns"]}
        assert counts == {"trainees": 1, "cohorts": 1, "scenario_versions": 1, "practice_sessions": 2, "turns": 3}
        newest, oldest = store.history()
        assert (newest["id"], newest["status"], newest["uuid"]) == (2, "interrupted", "uuid-2")
        assert oldest["started"] == "2024-01-02T03:04:05+00:00"
        assert (oldest["trainee"], oldest["scenario"], oldest["scenario_version"]) == ("Ana", SCENARIO, "abc123")
        assert (oldest["outcome"], oldest["score"], oldest["seed"], oldest["mode"]) == ("partial", 55, 7, "practice")
        assert [t["reply"] for t in oldest["turns"]] == ["What happened 1.0?", "What happened 1.1?"]
        assert oldest["turns"][1]["think_ms"] == 2500.5
        detail = store.session_detail(1)
        assert detail["measures"] == measures and detail["breakdown"] == breakdown
        assert detail["cohort"] == "January intake" and detail["ending"] == "half_way"
        assert detail["turns"][1]["sentences"] == sentences and detail["turns"][1]["state"] == {"openness": 1}
        assert store.trends("Ana")[0]["open_question_share"] == 0.5
        assert [item["id"] for item in store.interrupted_sessions("Ana")] == [2]
    finally:
        database.close()


# --- recording, history, trends ---------------------------------------------------------------------


def test_a_finished_session_is_kept_with_every_turn_and_its_score(store, scenario):
    session_id, session = play(store, scenario, OPEN_REPLIES + ADVICE_REPLIES)
    result = session.result()
    [item] = store.history()
    assert item["id"] == session_id and item["status"] == "finished"
    assert (item["trainee"], item["scenario"], item["scenario_version"]) == ("Ana", SCENARIO, content_hash(scenario))
    assert (item["outcome"], item["score"]) == (result.outcome, result.score.total)
    assert [(t["salesperson"], t["reply"], t["label"], t["cue"], t["response"], t["try_instead"])
            for t in item["turns"]] == [(t.salesperson, t.reply, t.label, t.cue, t.response, t.try_instead)
                                        for t in result.turns]
    assert all(t["think_ms"] == 1500.0 for t in item["turns"])
    detail = store.session_detail(session_id)
    assert detail["measures"] == json.loads(json.dumps(result.measures.to_dict()))
    assert sum(line["points"] for line in detail["breakdown"]) == result.score.total
    assert detail["turns"][0]["state"] == result.turns[0].state
    [point] = store.trends("Ana")
    assert point["score"] == result.score.total
    assert point["open_question_share"] == pytest.approx(result.measures.open_question_share)
    assert point["talk_ratio"] == pytest.approx(result.measures.talk_ratio)
    assert store.trainees() == ["Ana"]


def test_history_is_newest_first_filters_and_hides_discarded(store, library, scenario):
    other = next(s for s in library.sorted() if s.id != SCENARIO)
    first, _ = play(store, scenario, OPEN_REPLIES[:1], trainee="Ana")
    second, _ = play(store, other, OPEN_REPLIES[:2], trainee="Ben")
    third, _ = play(store, scenario, OPEN_REPLIES[:2], trainee="Ben", finish=False)
    dropped, _ = play(store, scenario, OPEN_REPLIES[:1], trainee="Ana", finish=False)
    store.discard_session(dropped)
    items = store.history()
    assert [item["id"] for item in items] == [third, second, first]
    assert [item["status"] for item in items] == ["interrupted", "finished", "finished"]
    assert items == sorted(items, key=lambda item: item["started"], reverse=True)
    assert [item["id"] for item in store.history(trainee="Ben")] == [third, second]
    assert [item["id"] for item in store.history(scenario=SCENARIO)] == [third, first]
    assert [item["id"] for item in store.history(limit=2)] == [third, second]
    counts = [(item["id"], item["turn_count"]) for item in store.history(with_turns=False)]
    assert counts == [(third, 2), (second, 2), (first, 1)]
    assert [item["id"] for item in store.interrupted_sessions("Ben", SCENARIO)] == [third]
    assert store.interrupted_sessions("Ana") == []
    assert [point["id"] for point in store.trends()] == [first, second]
    with pytest.raises(StorageError, match="already discarded"):
        store.record_turn(dropped, Session(scenario).reply("What happened?"))


def test_the_store_can_be_used_from_worker_threads(store, scenario):
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            play(store, scenario, OPEN_REPLIES, trainee=name)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(f"T{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    items = store.history()
    assert sorted(item["trainee"] for item in items) == ["T0", "T1", "T2", "T3"]
    assert all(item["turn_count"] == len(OPEN_REPLIES) for item in items)


def test_deleting_a_session_deletes_its_turns(store, scenario):
    session_id, _ = play(store, scenario, OPEN_REPLIES)
    with store.database.engine.begin() as connection:
        connection.execute(text("DELETE FROM practice_sessions WHERE id = :id"), {"id": session_id})
        assert connection.execute(text("SELECT COUNT(*) FROM turns")).scalar() == 0


# --- resuming -------------------------------------------------------------------------------------------


def test_resume_rebuilds_the_session_where_it_stopped(store, library, scenario):
    session_id, original = play(store, scenario, OPEN_REPLIES[:2], seed=5, finish=False)
    resumed = store.resume(session_id, library)
    assert resumed.session_id == session_id and resumed.notice is None
    assert resumed.session.current_line == original.current_line
    assert resumed.session.state == original.state and resumed.session.seed == 5
    assert [t.to_dict() for t in resumed.session.turns] == [t.to_dict() for t in original.turns]
    store.record_turn(session_id, resumed.session.reply(OPEN_REPLIES[2]))
    store.finish_session(session_id, resumed.session.result())
    [item] = store.history()
    assert item["status"] == "finished" and [t["reply"] for t in item["turns"]] == OPEN_REPLIES


def test_resume_finishes_a_session_killed_after_its_last_reply(store, library, scenario):
    session_id, original = play(store, scenario, ADVICE_REPLIES, finish=False)
    assert original.finished
    resumed = store.resume(session_id, library)
    assert resumed.session.finished and "finished" in resumed.notice
    [item] = store.history()
    assert item["status"] == "finished" and item["outcome"] == original.outcome


def test_resume_after_the_scenario_was_edited(store, scenario):
    session_id, original = play(store, scenario, OPEN_REPLIES[:2], finish=False)
    retitled = scenario.model_copy(update={"title": scenario.title + " (edited)"})
    resumed = store.resume(session_id, Library(scenarios={SCENARIO: retitled}))
    assert "was edited" in resumed.notice and resumed.session.current_line == original.current_line
    assert store.history()[0]["scenario_version"] == content_hash(retitled)

    other_id, _ = play(store, scenario, OPEN_REPLIES[:2], finish=False)
    stages = dict(scenario.stages)
    stages["opening"] = stages["opening"].model_copy(
        update={"lines": [line + " Anyway." for line in stages["opening"].lines]})
    rewritten = scenario.model_copy(update={"stages": stages})
    with pytest.raises(StorageError, match="was edited.*cannot be resumed"):
        store.resume(other_id, Library(scenarios={SCENARIO: rewritten}))
    assert store.history()[0]["scenario_version"] == content_hash(scenario)  # untouched


# --- the command line: crash, concurrency, history ---------------------------------------------------


def test_a_killed_rehearsal_keeps_every_reply_and_can_be_resumed(database_url, tmp_path, scenario):
    persona = scenario.persona.name
    process = subprocess.Popen(
        [sys.executable, MAIN, "rehearse", SCENARIO, "--trainee", "Kim", "--database", database_url],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env=cli_env(tmp_path),
    )
    seen: list[str] = []
    try:
        with Watchdog(process):
            read_until(process, lambda line: line.startswith(f"{persona}:"), seen)
            for reply in OPEN_REPLIES[:2]:
                process.stdin.write(reply + "\n")
                process.stdin.flush()
                read_until(process, lambda line: line.startswith("  ["), seen)  # its feedback
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
    finally:
        process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            stream.close()
    assert process.returncode == -signal.SIGKILL

    [item] = history_json(tmp_path, database_url)
    assert item["status"] == "interrupted" and item["trainee"] == "Kim" and item["outcome"] is None
    assert [t["reply"] for t in item["turns"]] == OPEN_REPLIES[:2]

    resumed = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Kim", "--resume", "--database", database_url,
                      input=OPEN_REPLIES[2] + "\n")
    assert resumed.returncode == 0, resumed.stderr
    assert f"You: {OPEN_REPLIES[0]}" in resumed.stdout and f"You: {OPEN_REPLIES[1]}" in resumed.stdout
    assert resumed.stdout.count("  [open_question") == 3  # two replayed, one new
    [again] = history_json(tmp_path, database_url)
    assert again["id"] == item["id"] and [t["reply"] for t in again["turns"]] == OPEN_REPLIES


def test_an_interrupted_session_is_offered_not_lost(database_url, tmp_path):
    first = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Lee", "--database", database_url,
                    input=OPEN_REPLIES[0] + "\n")
    assert first.returncode == 0 and "Outcome: unfinished" in first.stdout and "--resume" in first.stdout
    # Not a terminal: a one-line notice, and a new session; the old one is kept.
    second = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Lee", "--json", "--database", database_url,
                     input=OPEN_REPLIES[1] + "\n")
    assert second.returncode == 0, second.stderr
    assert "interrupted session" in second.stderr and "--resume" in second.stderr
    assert json.loads(second.stdout)["outcome"] == "unfinished"
    items = history_json(tmp_path, database_url, "--trainee", "Lee")
    assert [item["status"] for item in items] == ["interrupted", "interrupted"]
    discarded = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Lee", "--discard-interrupted", "--json",
                        "--answers", os.devnull, "--database", database_url)
    assert discarded.returncode == 0, discarded.stderr
    assert "discarded 2" in discarded.stderr
    [remaining] = history_json(tmp_path, database_url, "--trainee", "Lee")
    assert remaining["id"] == json.loads(discarded.stdout)["session_id"] and remaining["turns"] == []


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_rehearse_asks_whether_to_resume(database_url, tmp_path):
    run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Max", "--database", database_url,
            input=OPEN_REPLIES[0] + "\n")
    master, slave = os.openpty()
    process = subprocess.Popen(
        [sys.executable, MAIN, "rehearse", SCENARIO, "--trainee", "Max", "--database", database_url],
        stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=cli_env(tmp_path),
    )
    os.close(slave)
    prompt = b""
    try:
        with Watchdog(process):
            while b"Resume (r), discard (d) or start fresh keeping it (n)?" not in prompt:
                chunk = os.read(process.stderr.fileno(), 4096)
                assert chunk, f"no prompt; stderr was {prompt!r}"
                prompt += chunk
            os.write(master, b"r\n" + OPEN_REPLIES[1].encode() + b"\n\x04")  # answer, one reply, end of input
            out, _ = process.communicate()
    finally:
        process.kill()
        process.wait()
        os.close(master)
    assert f"You: {OPEN_REPLIES[0]}".encode() in out
    [item] = history_json(tmp_path, database_url, "--trainee", "Max")
    assert [t["reply"] for t in item["turns"]] == OPEN_REPLIES[:2]


def test_several_processes_writing_at_once_all_keep_their_sessions(database_url, tmp_path):
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(OPEN_REPLIES * 4) + "\n")
    processes = [
        subprocess.Popen([sys.executable, MAIN, "rehearse", SCENARIO, "--answers", str(answers), "--json",
                          "--trainee", f"P{n}", "--seed", str(n), "--database", database_url],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=cli_env(tmp_path))
        for n in range(3)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, results):
        assert process.returncode == 0, err
    played = {data["session_id"]: data for data in (json.loads(out) for out, _ in results)}
    items = history_json(tmp_path, database_url)
    assert sorted(item["id"] for item in items) == sorted(played)
    for item in items:
        data = played[item["id"]]
        assert item["trainee"] == data["trainee"]
        assert [t["reply"] for t in item["turns"]] == [t["reply"] for t in data["turns"]]
        assert item["status"] == ("interrupted" if data["outcome"] == "unfinished" else "finished")


def test_history_json_fields_and_order(database_url, tmp_path):
    answers = tmp_path / "advice.txt"
    answers.write_text("\n".join(ADVICE_REPLIES) + "\n")
    finished = run_cli(tmp_path, "rehearse", SCENARIO, "--answers", str(answers), "--json", "--trainee", "Ana",
                       "--database", database_url)
    assert finished.returncode == 0, finished.stderr
    unfinished = run_cli(tmp_path, "rehearse", SCENARIO, "--json", "--trainee", "Bo", "--database", database_url,
                         input=OPEN_REPLIES[0] + "\n")
    assert unfinished.returncode == 0, unfinished.stderr
    items = history_json(tmp_path, database_url)
    assert [item["trainee"] for item in items] == ["Bo", "Ana"]  # newest first
    for item in items:
        assert {"id", "trainee", "scenario", "started", "status", "outcome", "score", "turns"} <= set(item)
        assert item["scenario"] == SCENARIO
        assert item["started"].endswith("+00:00") and "T" in item["started"]  # ISO 8601, UTC
        for turn in item["turns"]:
            assert {"salesperson", "reply", "label", "cue"} <= set(turn)
    bo, ana = items
    played = json.loads(finished.stdout)
    assert (ana["status"], ana["outcome"], ana["score"]) == ("finished", played["outcome"], played["score"])
    assert [t["reply"] for t in ana["turns"]] == ADVICE_REPLIES and ana["turns"][0]["label"] == "advice"
    assert (bo["status"], bo["outcome"], bo["score"]) == ("interrupted", None, None)
    assert [item["trainee"] for item in history_json(tmp_path, database_url, "--limit", "1")] == ["Bo"]
    assert history_json(tmp_path, database_url, "--trainee", "Nobody") == []
    table = run_cli(tmp_path, "history", "--database", database_url)
    assert table.returncode == 0 and table.stdout.index("Bo") < table.stdout.index("Ana")


def test_every_command_accepts_the_database_option():
    from ask_dont_tell.trainer.cli import build_parser

    parser = build_parser()
    for argv in (["classify"], ["evaluate"], ["scenarios"], ["validate", "x.yaml"], ["rehearse", SCENARIO],
                 ["history"]):
        assert parser.parse_args([*argv, "--database", "sqlite:///x.db"]).database == "sqlite:///x.db"


# --- where the data lives ----------------------------------------------------------------------------


def test_where_the_database_lives(tmp_path, monkeypatch):
    from platformdirs import user_data_dir

    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRAINER_DATA_DIR", raising=False)
    assert resolve_url() == "sqlite:///" + str(Path(user_data_dir("ask-dont-tell", appauthor=False)) / "trainer.db")
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path / "data"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'trainer.db'}"
    monkeypatch.setenv("TRAINER_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert resolve_url() == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite:///other.db") == "sqlite:///other.db"

    monkeypatch.delenv("TRAINER_DATABASE_URL")
    database = open_database()  # creates the data folder
    try:
        assert (tmp_path / "data" / "trainer.db").is_file()
        with database.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    finally:
        database.close()


# --- refusing what is not ours ---------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path):
    (tmp_path / "db").mkdir()
    path = tmp_path / "db" / "notes.db"  # a folder of its own: the CLI's data folder is elsewhere
    path.write_bytes(b"These are my meeting notes, not a database.\n" * 50)
    before = fingerprint(path)
    with pytest.raises(StorageError, match="is not a SQLite database") as error:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(error.value)
    result = run_cli(tmp_path, "rehearse", SCENARIO, "--database", f"sqlite:///{path}", input=OPEN_REPLIES[0] + "\n")
    assert result.returncode == 2 and str(path) in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(path) == before


def test_a_database_with_a_damaged_page_is_refused_and_untouched(tmp_path, scenario):
    (tmp_path / "db").mkdir()
    path = tmp_path / "db" / "trainer.db"
    database = open_database(f"sqlite:///{path}")
    store = SessionStore(database)
    for index in range(30):
        play(store, scenario, OPEN_REPLIES, trainee=f"Trainee {index}")
    database.close()
    page = 4096
    size = path.stat().st_size
    with path.open("r+b") as file:  # the header and schema stay intact: only a data page is hit
        file.seek(size - page)
        file.write(bytes([0xAB]) * page)
    before = fingerprint(path)
    with pytest.raises(StorageError, match="is damaged") as error:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(error.value)
    result = run_cli(tmp_path, "rehearse", SCENARIO, "--database", f"sqlite:///{path}", input=OPEN_REPLIES[0] + "\n")
    assert result.returncode == 2 and "is damaged" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(path) == before


def test_a_database_of_another_program_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    before = fingerprint(path)
    with pytest.raises(StorageError, match="another program") as error:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(error.value)
    assert fingerprint(path) == before


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path, scenario):
    path = tmp_path / "trainer.db"
    database = open_database(f"sqlite:///{path}")
    play(SessionStore(database), scenario, OPEN_REPLIES)
    database.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    assert not path.with_name("trainer.db-wal").exists()
    before = fingerprint(path)
    with pytest.raises(StorageError, match="newer version") as error:
        open_database(f"sqlite:///{path}")
    assert str(path) in str(error.value) and "9999_from_the_future" in str(error.value)
    result = run_cli(tmp_path, "history", "--json", "--database", f"sqlite:///{path}")
    assert result.returncode == 2 and str(path) in result.stderr and "newer version" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert fingerprint(path) == before  # same bytes, same mtime, no -wal or -shm beside it


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_postgres_database_from_a_newer_version_is_refused_and_untouched(database_url):
    open_database(database_url).close()
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        with pytest.raises(StorageError, match="newer version.*9999_from_the_future"):
            open_database(database_url)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
    finally:
        engine.dispose()


# --- read-only and full -------------------------------------------------------------------------------


def test_a_data_folder_that_cannot_be_created_is_a_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file where the data folder's parent should be")
    before = fingerprint(blocker)
    monkeypatch.setenv("TRAINER_DATA_DIR", str(blocker / "data"))
    monkeypatch.delenv("TRAINER_DATABASE_URL", raising=False)
    with pytest.raises(StorageError, match="cannot create the data folder") as error:
        open_database()
    assert str(blocker / "data") in str(error.value)
    env = {**cli_env(tmp_path), "TRAINER_DATA_DIR": str(blocker / "data")}
    result = subprocess.run([sys.executable, MAIN, "rehearse", SCENARIO], input=OPEN_REPLIES[0] + "\n",
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 2 and str(blocker / "data") in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(blocker) == before


def _without_root_rights() -> list[str]:
    """A command prefix that runs a child bound by file permissions, even when we are root.

    Root ignores chmod through its capabilities; dropping them from the child's bounding set (not
    changing user: this Python may live in root's home) makes a read-only folder read-only to it.
    """
    if os.geteuid() != 0:
        return []
    import shutil

    setpriv = shutil.which("setpriv")  # util-linux, on every Debian
    assert setpriv, "running as root needs setpriv (util-linux) to drop the rights that ignore chmod"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable", "--"]


def test_a_read_only_data_folder_is_a_clear_error_and_nothing_changes(scenario):
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="trainer-readonly-"))  # outside root's private pytest folder
    try:
        database = open_database(f"sqlite:///{folder / 'trainer.db'}")
        play(SessionStore(database), scenario, OPEN_REPLIES)
        database.close()
        os.chmod(folder / "trainer.db", 0o444)
        os.chmod(folder, 0o555)
        before = fingerprint(folder / "trainer.db")
        env = {key: value for key, value in os.environ.items() if key != "TRAINER_DATABASE_URL"}
        env.update(TRAINER_DATA_DIR=str(folder), HOME=str(folder))
        result = subprocess.run([*_without_root_rights(), sys.executable, MAIN, "rehearse", SCENARIO],
                                input=OPEN_REPLIES[0] + "\n", capture_output=True, text=True, cwd=ROOT, env=env,
                                timeout=120)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "read-only" in result.stderr and str(folder) in result.stderr and "Traceback" not in result.stderr
        assert fingerprint(folder / "trainer.db") == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_a_full_disk_is_a_clear_error_and_keeps_earlier_replies(tmp_path, scenario):
    path = tmp_path / "trainer.db"
    database = open_database(f"sqlite:///{path}")
    try:
        store = SessionStore(database)
        session = Session(scenario)
        session_id = store.start_session("Ana", scenario, 0)
        store.record_turn(session_id, session.reply(OPEN_REPLIES[0]))
        second = session.reply(OPEN_REPLIES[1])

        def cap_size(dbapi_connection, _record):  # SQLite's own limit: writes past it fail with SQLITE_FULL
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        event.listen(database.engine, "connect", cap_size)
        database.engine.dispose()
        with pytest.raises(StorageError, match="full") as error:
            store.record_turn(session_id, dataclasses.replace(second, reply=second.reply + " " + "x" * 200_000))
        assert str(path) in str(error.value)
        event.remove(database.engine, "connect", cap_size)
        database.engine.dispose()
        [item] = store.history()
        assert item["status"] == "interrupted" and [t["reply"] for t in item["turns"]] == OPEN_REPLIES[:1]
        store.record_turn(session_id, second)  # space again: recording goes on
        assert store.history()[0]["turn_count"] == 2
    finally:
        database.close()


def test_a_read_only_database_is_a_clear_error_and_keeps_earlier_replies(tmp_path, scenario):
    """SQLite's query_only mode refuses writes even to root, as a read-only file does to a user."""
    path = tmp_path / "trainer.db"
    database = open_database(f"sqlite:///{path}")
    try:
        store = SessionStore(database)
        session = Session(scenario)
        session_id = store.start_session("Ana", scenario, 0)
        store.record_turn(session_id, session.reply(OPEN_REPLIES[0]))

        def read_only(dbapi_connection, _record):
            dbapi_connection.execute("PRAGMA query_only = ON")

        event.listen(database.engine, "connect", read_only)
        database.engine.dispose()
        with pytest.raises(StorageError, match="read-only") as error:
            store.record_turn(session_id, session.reply(OPEN_REPLIES[1]))
        assert str(path) in str(error.value)
        [item] = store.history()  # reading still works, and the first reply is there
        assert [t["reply"] for t in item["turns"]] == OPEN_REPLIES[:1]
    finally:
        database.close()


def test_participants_practising_into_one_shared_database_make_one_cohort_report(store, scenario):
    """Participants on a shared server (PostgreSQL in CI) with a cohort set: the report reads them at once."""
    from ask_dont_tell.trainer.exchange import cohort_report

    for trainee, replies in (("Ana", OPEN_REPLIES), ("Ben", OPEN_REPLIES[:2])):
        session = Session(scenario)
        session_id = store.start_session(trainee, scenario, 0, cohort="Shared")
        for reply in replies:
            store.record_turn(session_id, session.reply(reply))
            if session.finished:
                break
        store.finish_session(session_id, session.result())
    play(store, scenario, OPEN_REPLIES, trainee="Cy")  # practising alone: not in the cohort
    rows = cohort_report(store, "Shared")
    assert sorted(row.participant for row in rows) == ["Ana", "Ben"]
    assert all(row.sessions == 1 for row in rows)


def test_an_io_error_on_a_disk_with_no_room_left_is_called_a_full_disk(tmp_path, monkeypatch):
    """SQLite says only 'disk I/O error' when the disk fills while it creates its journal."""
    import collections
    import shutil

    database = open_database(f"sqlite:///{tmp_path / 'trainer.db'}")
    try:
        error = sqlite3.OperationalError("disk I/O error")
        assert "is full" not in str(database.storage_error(error, "open"))
        usage = collections.namedtuple("usage", "total used free")
        monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(10**9, 10**9, 4096))
        message = str(database.storage_error(error, "open"))
        assert f"the disk holding {database.where} is full" in message
    finally:
        database.close()


WRITER = r"""
import sys
from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.storage import SessionStore, open_database

url, name, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = SessionStore(open_database(url))
scenario = load_library().get("just-tell-me")
print("ready", flush=True)
sys.stdin.readline()  # start together, so the writes really interleave
for number in range(sessions):
    session = Session(scenario, number)
    session_id = store.start_session(name, scenario, number)
    for reply in ("What have you tried so far?", "What else could you do?", "What would you try next?"):
        store.record_turn(session_id, session.reply(reply))
    store.finish_session(session_id, session.result())
print(name, "done")
"""


def test_three_processes_writing_at_the_same_moment_keep_every_session(database_url, tmp_path):
    per_process = 40
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, database_url, f"W{n}", str(per_process)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env=cli_env(tmp_path)) for n in range(3)]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=180)
        assert writer.returncode == 0, err
    database = open_database(database_url)
    try:
        store = SessionStore(database)
        items = store.history(with_turns=True)
    finally:
        database.close()
    by_writer: dict[str, list[dict]] = {}
    for item in items:
        by_writer.setdefault(item["trainee"], []).append(item)
    assert sorted(by_writer) == ["W0", "W1", "W2"]
    assert all(len(sessions) == per_process for sessions in by_writer.values())
    assert all(len(item["turns"]) == 3 and item["status"] == "finished" for item in items)
    # No check that the writes interleaved: SQLite's lock is not fair, so one writer may run its
    # sessions in one stretch while the others wait on the busy timeout, and that is correct too.


CONNECTOR = r"""
import sys
from pathlib import Path
from sqlalchemy import create_engine
from ask_dont_tell.trainer.storage.database import _install_sqlite_settings

folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
for number in range(rounds):
    sys.stdin.readline()  # every process connects to the same brand-new file at the same moment
    engine = create_engine(f"sqlite:///{folder / f'fresh{number}.db'}")
    _install_sqlite_settings(engine)
    try:
        with engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        print(mode, flush=True)
    except Exception as error:
        print("failed:", error, flush=True)
    engine.dispose()
"""


def test_processes_connecting_to_one_brand_new_file_at_once_all_get_wal(tmp_path):
    # Converting a fresh file to WAL from two connections at once makes SQLite answer "locked"
    # without waiting; each connection must still come up.
    rounds = 40
    connectors = [subprocess.Popen([sys.executable, "-c", CONNECTOR, str(tmp_path), str(rounds)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
                  for _ in range(4)]
    try:
        for connector in connectors:
            assert connector.stdout.readline().strip() == "ready"
        answers = []
        for _ in range(rounds):
            for connector in connectors:
                connector.stdin.write("go\n")
                connector.stdin.flush()
            answers += [connector.stdout.readline().strip() for connector in connectors]
        assert answers == ["wal"] * (rounds * len(connectors))
    finally:
        for connector in connectors:
            connector.kill()
            connector.wait()


def test_rehearse_can_resume_an_older_interrupted_session_by_its_id(tmp_path):
    url = f"sqlite:///{tmp_path / 'trainer.db'}"
    for reply in OPEN_REPLIES[:2]:  # two rehearsals cut off after one reply each
        result = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Max", "--database", url, input=reply + "\n")
        assert result.returncode == 0, result.stderr
    newer, older = history_json(tmp_path, url, "--trainee", "Max")
    assert older["status"] == newer["status"] == "interrupted"
    result = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Max", "--database", url,
                     "--resume", "999999", input=OPEN_REPLIES[2] + "\n")
    assert result.returncode == 2 and f"{older['id']}" in result.stderr and "Traceback" not in result.stderr
    result = run_cli(tmp_path, "rehearse", SCENARIO, "--trainee", "Max", "--database", url,
                     "--resume", str(older["id"]), input=OPEN_REPLIES[2] + "\n")
    assert result.returncode == 0, result.stderr
    by_id = {item["id"]: item for item in history_json(tmp_path, url, "--trainee", "Max")}
    assert [t["reply"] for t in by_id[older["id"]]["turns"]] == [OPEN_REPLIES[0], OPEN_REPLIES[2]]
    assert [t["reply"] for t in by_id[newer["id"]]["turns"]] == [OPEN_REPLIES[1]]
