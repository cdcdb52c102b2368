"""Hostile export files and outputs: an import with a valid checksum but hostile values is refused
whole, naming the file and the place; outputs are written atomically, never over the database;
names from other people are neutralised for the terminal, CSV and PDF."""

from __future__ import annotations

import copy
import csv
import errno
import json
import os
import subprocess
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ask_dont_tell.trainer import safeio
from ask_dont_tell.trainer.exchange import (
    MAX_EXPORT_BYTES, MAX_IMPORT_BYTES, ExchangeError, ParticipantRow, _checksum, export_sessions, import_files,
    write_report_csv, write_report_pdf,
)
from ask_dont_tell.trainer.storage import SessionStore, open_database

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "blaming-the-leader"
REPLIES = ["What happened with the territory?", "You should call them.", "What did you try?"]


def main_py(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def open_store(path: Path) -> SessionStore:
    return SessionStore(open_database(f"sqlite:///{path}"))


def play(store: SessionStore, trainee: str = "Ana", sessions: int = 1) -> None:
    from ask_dont_tell.trainer.engine import Session
    from ask_dont_tell.trainer.scenario import load_library

    scenario = load_library().get(SCENARIO)
    for _ in range(sessions):
        session = Session(scenario, 0)
        session_id = store.start_session(trainee, scenario, 0)
        for reply in REPLIES:
            store.record_turn(session_id, session.reply(reply), think_ms=800.0)
        store.finish_session(session_id, session.result())


@pytest.fixture(scope="module")
def export_data(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("participant")
    store = open_store(folder / "participant.db")
    try:
        play(store)
        export_sessions(store, "Ana", folder / "ana.json")
    finally:
        store.database.close()
    return json.loads((folder / "ana.json").read_text(encoding="utf-8"))


@pytest.fixture
def trainer_store(tmp_path):
    store = open_store(tmp_path / "trainer.db")
    yield store
    store.database.close()


def resealed(data: dict) -> str:
    """The file as JSON text with a checksum that matches its (edited) content."""
    content = {key: value for key, value in data.items() if key != "checksum"}
    return json.dumps({**content, "checksum": _checksum(content)}, ensure_ascii=False)


def nothing_imported(store: SessionStore) -> bool:
    return store.history(with_turns=False) == [] and store.cohorts() == []


def set_path(data: dict, path: tuple, value) -> dict:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


HOSTILE = [
    (("sessions", 0, "measures", "open_question_share"), "lots", "measures"),
    (("sessions", 0, "started"), "9999-12-31T23:59:59+00:00", "started"),
    (("sessions", 0, "started"), "0001-01-01T00:00:00+00:00", "started"),
    (("sessions", 0, "turns", 0, "created"), "9999-12-31T23:59:59+00:00", "created"),
    (("sessions", 0, "seed"), 2**70, "seed"),
    (("sessions", 0, "turns", 0, "index"), 2**70, "index"),
    (("sessions", 0, "turns", 0, "index"), -1, "index"),
    (("sessions", 0, "score"), 101, "score"),
    (("sessions", 0, "turns", 0, "think_ms"), 1e300, "think_ms"),
    (("sessions", 0, "turns", 0, "reply"), "x" * 200_001, "reply"),
    (("sessions", 0, "turns", 0, "reply"), "nul\x00here", "reply"),
    (("sessions", 0, "turns", 0, "state"), {"openness": "high"}, "state"),
    (("sessions", 0, "turns", 0, "sentences"), [{"text": 1, "label": "advice", "cue": ""}], "sentences"),
    (("sessions", 0, "turns", 0, "sentences"), [{"text": "x", "label": "brilliant", "cue": ""}], "sentences"),
    (("sessions", 0, "turns", 0, "reading"), {"focus": [[[[[[[["deep"]]]]]]]]}, "reading"),
    (("sessions", 0, "breakdown"), [{"text": "x", "points": "many"}], "breakdown"),
    (("sessions", 0, "measures"), {"counts": {"advice": -5}}, "measures"),
    (("sessions", 0, "mode"), "practice\x1b[2J", "mode"),
    (("sessions", 0, "scenario"), "../../etc", "scenario"),
    (("trainee",), "\x1b[31mAna\x1b[0m", "trainee"),
    (("trainee",), "Ana\u202egnp.exe", "trainee"),
    (("trainee",), "A" * 201, "trainee"),
    (("exported",), "yesterday", "exported"),
]


@pytest.mark.parametrize("path,value,place", HOSTILE, ids=[f"{p[-1]}-{i}" for i, (p, _, _) in enumerate(HOSTILE)])
def test_a_checksummed_file_with_a_hostile_value_is_refused_whole(export_data, trainer_store, tmp_path,
                                                                  path, value, place):
    good = tmp_path / "good.json"
    good.write_text(resealed(export_data), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(resealed(set_path(export_data, path, value)), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        import_files(trainer_store, [good, bad], "May")
    problems = [p for p in caught.value.problems if p != "nothing was imported"]
    assert problems and all(p.startswith(f"{bad}") for p in problems)
    assert any(place in p for p in problems), problems
    assert nothing_imported(trainer_store)


@pytest.mark.parametrize("text,expected", [
    ('{"format": "ask-dont-tell/sessions", "x": Infinity}', "Infinity"),
    ('{"format": "ask-dont-tell/sessions", "x": NaN}', "NaN"),
    ('{"format": "ask-dont-tell/sessions", "x": -Infinity}', "Infinity"),
    ('{"format": "ask-dont-tell/sessions", "x": ' + "9" * 5000 + "}", "digits"),
    ('{"format": "ask-dont-tell/sessions", "x": 1e999}', "too large"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": "ask-dont-tell/sessions", "x": "\\ud800"}', "U+D800"),
])
def test_numbers_json_cannot_hold_and_other_oddities_are_refused(export_data, trainer_store, tmp_path, text,
                                                                 expected):
    path = tmp_path / "odd.json"
    if "U+D800" in expected:  # a lone surrogate in a file whose checksum matches
        text = json.dumps(set_path(export_data, ("sessions", 0, "turns", 0, "reply"), "\ud800"))  # as an escape
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.raises(ExchangeError) as caught:
        import_files(trainer_store, [path], "May")
    assert str(path) in str(caught.value) and expected in str(caught.value)
    assert nothing_imported(trainer_store)


def test_imports_are_bounded_in_size_and_memory(trainer_store, tmp_path):
    many = tmp_path / "many.json"
    many.write_bytes(b'{"format": "ask-dont-tell/sessions", "x": [' + b"{}," * 5_000_000 + b"{}]}")
    assert many.stat().st_size < MAX_EXPORT_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(ExchangeError, match="too many values"):
            import_files(trainer_store, [many], "May")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * many.stat().st_size  # refused before it is parsed into millions of objects
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_EXPORT_BYTES // 2) + b"{}")
    files = [big] * (MAX_IMPORT_BYTES // (MAX_EXPORT_BYTES // 2) + 1)
    with pytest.raises(ExchangeError, match="smaller groups"):
        import_files(trainer_store, files, "May")
    assert nothing_imported(trainer_store)


def test_an_export_over_the_database_is_refused_and_the_database_kept(tmp_path):
    path = tmp_path / "trainer.db"
    store = open_store(path)
    play(store)
    store.database.close()
    for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), tmp_path / "link.db"):
        if target.name == "link.db":
            target.symlink_to(path)
        before = path.read_bytes()
        result = main_py("export", "--out", str(target), "--trainee", "Ana", "--database", f"sqlite:///{path}")
        assert result.returncode == 1 and "database" in result.stderr and "Traceback" not in result.stderr
        assert path.read_bytes() == before
    assert main_py("history", "--database", f"sqlite:///{path}").returncode == 0


def full_disk(monkeypatch) -> None:
    """Writing fails the way a full disk makes it fail: when the data is forced to disk."""
    def no_space(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safeio.os, "fsync", no_space)


def test_a_failed_write_keeps_the_earlier_file_and_leaves_nothing_behind(tmp_path, monkeypatch):
    from ask_dont_tell.trainer.prep import gather_prep_card, write_prep_card
    from ask_dont_tell.trainer.scenario import load_library

    store = open_store(tmp_path / "trainer.db")
    try:
        play(store)
        rows = [ParticipantRow("Ana", 1, 50.0, 0.5, 2, 1, "advice")]
        card = gather_prep_card(load_library().get(SCENARIO), [], "Ana", "Dana", "territory")
        writers = {
            "export.json": lambda out: export_sessions(store, "Ana", out),
            "report.csv": lambda out: write_report_csv(rows, out),
            "report.pdf": lambda out: write_report_pdf(rows, "May", out),
            "card.pdf": lambda out: write_prep_card(card, out),
        }
        for name, write in writers.items():
            out = tmp_path / name
            write(out)  # a good earlier file
            before = out.read_bytes()
            with monkeypatch.context() as patch:
                full_disk(patch)
                with pytest.raises(OSError):
                    write(out)
            assert out.read_bytes() == before, name
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    finally:
        store.database.close()


def test_the_cli_reports_a_failed_write_in_one_line(tmp_path):
    path = tmp_path / "trainer.db"
    store = open_store(path)
    play(store)
    store.database.close()
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for out in (folder, tmp_path / "missing" / "x.json"):
        result = main_py("export", "--out", str(out), "--trainee", "Ana", "--database", f"sqlite:///{path}")
        assert result.returncode == 1 and result.stderr.startswith("error: cannot write")
        assert "Traceback" not in result.stderr
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.csv"
        os.mkfifo(pipe)
        main_py("import", str(tmp_path / "none.json"), "--cohort", "May", "--database", f"sqlite:///{path}")
        result = main_py("report", "--cohort", "May", "--out", str(pipe), "--database", f"sqlite:///{path}",
                         timeout=30)
        assert "Traceback" not in result.stderr


FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", " =spaced",
            "\uff1dfullwidth"]


def test_a_csv_cell_never_starts_a_formula(tmp_path):
    rows = [ParticipantRow(name, 1, 50.0, 0.5, 2, 1, "advice") for name in FORMULAS + ["Ana", "O'Neil"]]
    out = write_report_csv(rows, tmp_path / "report.csv")
    with out.open(newline="", encoding="utf-8") as handle:
        cells = [row[0] for row in csv.reader(handle)][1:]
    for cell, name in zip(cells, FORMULAS):
        assert cell == "'" + name
    assert cells[-2:] == ["Ana", "O'Neil"]


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_name_becomes_a_safe_cell_and_terminal_text(name):
    cell = safeio.csv_cell(name)
    assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d",
                                            "\uff20"))
    shown = safeio.for_terminal(name)
    assert not any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for char in shown)


def test_names_from_others_are_neutralised_in_history_and_import_output(tmp_path):
    path = tmp_path / "trainer.db"
    store = open_store(path)
    play(store, trainee="\x1b]0;owned\x07Ana\x1b[2J\u202e")
    store.database.close()
    for args in (["history"], ["history", "--json"]):
        result = main_py(*args, "--database", f"sqlite:///{path}")
        assert result.returncode == 0
        assert not any(char in result.stdout for char in "\x1b\x07\u202e"), result.stdout
    listed = json.loads(main_py("history", "--json", "--database", f"sqlite:///{path}").stdout)
    assert listed[0]["trainee"] == "\x1b]0;owned\x07Ana\x1b[2J\u202e"  # the JSON keeps the name exactly
    weird = tmp_path / "\x1b[31mred.json"
    weird.write_text("{}", encoding="utf-8")
    result = main_py("import", str(weird), "--cohort", "May\x1b[2J", "--database", f"sqlite:///{path}")
    assert result.returncode == 1 and "\x1b" not in result.stderr + result.stdout


def test_long_names_fit_their_cell_in_the_pdf(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for name in ("W" * 500, "Ana " * 200, "\u5f20\u4f1f" * 100, "x\n\ty\x1b"):
        fitted = safeio.fit_width(pdf, name, 76)
        assert pdf.get_string_width(fitted) <= 76
        assert fitted.isprintable()
    rows = [ParticipantRow("W" * 500, 1, 50.0, 0.5, 2, 1, "advice")]
    out = write_report_pdf(rows, "A cohort with a very long name " * 20, tmp_path / "report.pdf")
    assert out.read_bytes().startswith(b"%PDF")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
PLACES = [("sessions", 0, key) for key in ("seed", "score", "started", "ended", "measures", "breakdown", "outcome",
                                          "mode", "ending", "notes", "self_rating", "scenario_version")] + [
    ("sessions", 0, "turns", 0, key) for key in ("index", "reply", "label", "sentences", "state", "created",
                                                 "think_ms", "reading", "disputed_label", "speech_seconds")] + [
    ("trainee",), ("exported",), ("app_version",)]


@given(st.sampled_from(PLACES), json_values)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
def test_any_value_anywhere_is_imported_safely_or_refused(export_data, tmp_path, place, value):
    import tempfile

    from ask_dont_tell.trainer.cli import main
    from ask_dont_tell.trainer.exchange import cohort_report
    from ask_dont_tell.trainer.prep import recorded_attempts

    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        path = Path(folder) / "file.json"
        path.write_text(resealed(set_path(export_data, place, value)), encoding="utf-8", errors="surrogatepass")
        store = open_store(Path(folder) / "trainer.db")
        try:
            try:
                import_files(store, [path], "May")
            except ExchangeError as error:
                assert error.problems and all(str(path) in p for p in error.problems[:-1])
                assert nothing_imported(store)
                return
            items = store.history()  # what was accepted reads back, prints as JSON and reports
            json.loads(safeio.json_for_terminal(items))
            cohort_report(store, "May")
            recorded_attempts(store, SCENARIO, items[0]["trainee"])
            for item in items:
                store.session_detail(item["id"])
        finally:
            store.database.close()
        assert main(["history", "--database", f"sqlite:///{Path(folder) / 'trainer.db'}"]) == 0
