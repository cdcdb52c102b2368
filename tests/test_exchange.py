"""Export files, importing a room's files, and the cohort report, on real SQLite files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ask_dont_tell.trainer.engine import Session
from ask_dont_tell.trainer.exchange import (
    FORMAT_VERSION, MAX_EXPORT_BYTES, ExchangeError, cohort_report, export_sessions, import_files,
    write_report_csv, write_report_pdf,
)
from ask_dont_tell.trainer.scenario import load_library
from ask_dont_tell.trainer.storage import SessionStore, open_database

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "blaming-the-leader"
ASKING = ["What have you tried so far?", "What would a good outcome look like for you?",
          "What options do you see?", "Which of those will you do first, and by when?"]
TELLING = ["You should call them tomorrow.", "That was a bad call.", "I'll handle the client myself.",
           "Just send the proposal today."]


@pytest.fixture(scope="module")
def scenario():
    return load_library().get(SCENARIO)


def open_store(path: Path) -> SessionStore:
    return SessionStore(open_database(f"sqlite:///{path}"))


@pytest.fixture
def participant(tmp_path):
    store = open_store(tmp_path / "participant.db")
    yield store
    store.database.close()


@pytest.fixture
def trainer_store(tmp_path):
    store = open_store(tmp_path / "trainer.db")
    yield store
    store.database.close()


def play(store: SessionStore, scenario, replies, trainee: str, finish: bool = True) -> int:
    session = Session(scenario, 0)
    session_id = store.start_session(trainee, scenario, 0)
    for reply in replies:
        store.record_turn(session_id, session.reply(reply), think_ms=900.0)
        if session.finished:
            break
    if finish:
        store.finish_session(session_id, session.result())
    return session_id


def session_count(store: SessionStore) -> int:
    return len(store.history(with_turns=False))


def test_export_then_import_keeps_every_session_and_turn(participant, trainer_store, scenario, tmp_path):
    first = play(participant, scenario, ASKING, "Ana")
    play(participant, scenario, TELLING, "Ana")
    play(participant, scenario, ASKING[:1], "Ana", finish=False)  # interrupted: stays behind
    play(participant, scenario, TELLING, "Ben")  # someone else on the same machine
    out = tmp_path / "ana.json"
    assert export_sessions(participant, "Ana", out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format_version"] == FORMAT_VERSION and data["trainee"] == "Ana"
    assert data["checksum"].startswith("sha256:")

    summary = import_files(trainer_store, [out], "Spring workshop")
    assert (summary.added, summary.already_present) == (2, 0)
    assert "imported 2 new sessions" in summary.describe()
    original = participant.session_detail(first)
    copy = next(item for item in trainer_store.history(trainee="Ana") if item["uuid"] == original["uuid"])
    copied = trainer_store.session_detail(copy["id"])
    assert copied["cohort"] == "Spring workshop"
    for key in ("score", "outcome", "measures", "breakdown", "started", "scenario_version", "status"):
        assert copied[key] == original[key], key
    assert [(t["reply"], t["label"], t["cue"], t["sentences"], t["state"]) for t in copied["turns"]] == [
        (t["reply"], t["label"], t["cue"], t["sentences"], t["state"]) for t in original["turns"]]


def test_importing_the_same_file_twice_adds_nothing_new(participant, trainer_store, scenario, tmp_path):
    play(participant, scenario, ASKING, "Ana")
    out = tmp_path / "ana.json"
    export_sessions(participant, "Ana", out)
    import_files(trainer_store, [out], "Workshop")
    again = import_files(trainer_store, [out, out], "Workshop")
    assert (again.added, again.already_present) == (0, 2)
    assert session_count(trainer_store) == 1


def test_a_file_changed_after_export_is_rejected_and_nothing_is_written(participant, trainer_store, scenario,
                                                                         tmp_path):
    play(participant, scenario, TELLING, "Ana")
    play(participant, scenario, ASKING, "Cleo")
    good, tampered = tmp_path / "cleo.json", tmp_path / "ana.json"
    export_sessions(participant, "Cleo", good)
    export_sessions(participant, "Ana", tampered)
    data = json.loads(tampered.read_text(encoding="utf-8"))
    data["sessions"][0]["score"] = 100
    tampered.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        import_files(trainer_store, [good, tampered], "Workshop")
    assert str(tampered) in str(caught.value) and "changed after it was exported" in str(caught.value)
    assert session_count(trainer_store) == 0
    assert trainer_store.cohorts() == []


@pytest.mark.parametrize("content, expected", [
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not JSON"),
    (b'{"hello": "world"}', "not an export"),
    (b"[1, 2, 3]", "not an export"),
])
def test_junk_files_are_rejected_with_their_name(trainer_store, tmp_path, content, expected):
    junk = tmp_path / "junk.json"
    junk.write_bytes(content)
    with pytest.raises(ExchangeError) as caught:
        import_files(trainer_store, [junk], "Workshop")
    assert f"{junk}: " in str(caught.value) and expected in str(caught.value)
    assert session_count(trainer_store) == 0


def test_a_too_large_file_is_rejected_before_it_is_read(trainer_store, tmp_path):
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_EXPORT_BYTES + 1)
    with pytest.raises(ExchangeError, match="too large"):
        import_files(trainer_store, [big], "Workshop")


def test_a_newer_format_version_is_rejected(participant, trainer_store, scenario, tmp_path):
    play(participant, scenario, ASKING, "Ana")
    out = tmp_path / "ana.json"
    export_sessions(participant, "Ana", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["format_version"] = FORMAT_VERSION + 1
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError, match=f"format version {FORMAT_VERSION + 1}"):
        import_files(trainer_store, [out], "Workshop")


def test_a_file_with_a_valid_checksum_but_bad_content_is_rejected(participant, trainer_store, scenario, tmp_path):
    """Re-signing does not get nonsense in: every field is checked against the schema too."""
    from ask_dont_tell.trainer.exchange import _checksum

    play(participant, scenario, ASKING, "Ana")
    out = tmp_path / "ana.json"
    export_sessions(participant, "Ana", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["sessions"][0]["turns"][0]["label"] = "brilliant"
    del data["checksum"]
    data["checksum"] = _checksum(data)
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"sessions\[0\]\.turns\[0\]\.label"):
        import_files(trainer_store, [out], "Workshop")
    assert session_count(trainer_store) == 0


def test_cohort_report_rows_csv_and_pdf(participant, trainer_store, scenario, tmp_path):
    play(participant, scenario, ASKING, "Ana")
    play(participant, scenario, TELLING, "Ben")
    files = []
    for name in ("Ana", "Ben"):
        files.append(tmp_path / f"{name}.json")
        export_sessions(participant, name, files[-1])
    import_files(trainer_store, files, "May", cohort_date=__import__("datetime").date(2026, 5, 4))
    play(trainer_store, scenario, TELLING, "Zoe")  # not in the cohort
    rows = cohort_report(trainer_store, "May")
    assert [row.participant for row in rows] == ["Ana", "Ben"]
    ana, ben = rows
    assert ana.sessions == 1 and ana.open_question_share > ben.open_question_share
    assert ana.average_score > ben.average_score
    assert ben.tell > 0 and ben.most_common_trap in {"advice", "takeover", "judgment", "leading_question"}
    assert trainer_store.cohorts() == [{"name": "May", "date": "2026-05-04", "sessions": 2}]

    csv_path = write_report_csv(rows, tmp_path / "may.csv")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [line["participant"] for line in table] == ["Ana", "Ben"]
    assert table[1]["most_common_trap"] == ben.most_common_trap
    assert float(table[0]["average_score"]) == pytest.approx(ana.average_score, abs=0.05)

    pdf_path = write_report_pdf(rows, "May", tmp_path / "may.pdf", "2026-05-04")
    assert pdf_path.read_bytes().startswith(b"%PDF")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_the_commands_export_import_and_report(participant, scenario, tmp_path):
    play(participant, scenario, ASKING, "Ana")
    participant.database.close()
    source, target = f"sqlite:///{tmp_path / 'participant.db'}", f"sqlite:///{tmp_path / 'trainer.db'}"
    out = tmp_path / "ana.json"
    done = run_cli("export", "--out", str(out), "--trainee", "Ana", "--database", source)
    assert done.returncode == 0, done.stderr
    assert "1 finished session of Ana" in done.stdout

    done = run_cli("import", str(out), "--cohort", "May", "--date", "2026-05-04", "--database", target)
    assert done.returncode == 0, done.stderr
    assert "imported 1 new session" in done.stdout

    junk = tmp_path / "notes.txt"
    junk.write_text("hello", encoding="utf-8")
    done = run_cli("import", str(out), str(junk), "--cohort", "May", "--database", target)
    assert done.returncode != 0 and str(junk) in done.stderr and "nothing was imported" in done.stderr

    report = tmp_path / "may.csv"
    done = run_cli("report", "--cohort", "May", "--out", str(report), "--database", target)
    assert done.returncode == 0, done.stderr
    assert report.read_text(encoding="utf-8").splitlines()[1].startswith("Ana,1,")
    done = run_cli("report", "--cohort", "Nobody", "--out", str(tmp_path / "x.pdf"), "--database", target)
    assert done.returncode != 0 and "Nobody" in done.stderr


# --- scenario packs -------------------------------------------------------------------------------


def bundled_file(name: str) -> str:
    return (ROOT / "scenarios" / name).read_text(encoding="utf-8")


def make_pack_folder(folder: Path) -> Path:
    """A trainer's folder: one scenario (a renamed copy of a bundled one) and one drill using it."""
    folder.mkdir()
    text = bundled_file("blaming-the-leader.yaml").replace("id: blaming-the-leader", "id: our-harlow", 1)
    (folder / "our-harlow.yaml").write_text(text, encoding="utf-8")
    (folder / "drills").mkdir()
    drill = "id: ours\ntitle: Ours\ndescription: d\nprompts:\n  - {scenario: our-harlow, node: opening}\n"
    (folder / "drills" / "ours.yaml").write_text(drill, encoding="utf-8")
    return folder


def test_a_pack_folder_is_checked_per_file_and_place(tmp_path):
    from ask_dont_tell.trainer.packs import check_folder

    folder = make_pack_folder(tmp_path / "pack")
    (folder / "broken.yaml").write_text("id: broken\ntitle: Broken\n", encoding="utf-8")
    result = check_folder(folder)
    assert result.scenarios == ["our-harlow"] and result.drills == ["ours"]
    assert result.problems and all(str(p).startswith(f"{folder / 'broken.yaml'}:") for p in result.problems)
    assert any("missing field 'situation'" in str(p) for p in result.problems)


def test_a_pack_exports_and_imports_as_a_zip(tmp_path):
    from ask_dont_tell.trainer.packs import export_pack, import_pack

    folder = make_pack_folder(tmp_path / "pack")
    assert export_pack(folder, tmp_path / "pack.zip") == 2
    target = tmp_path / "installed"
    written = import_pack(tmp_path / "pack.zip", target)
    assert sorted(p.relative_to(target).as_posix() for p in written) == ["drills/ours.yaml", "our-harlow.yaml"]
    assert load_library([target]).get("our-harlow").title == load_library().get("blaming-the-leader").title
    assert import_pack(tmp_path / "pack.zip", target)  # the same files again: nothing conflicts


@pytest.mark.parametrize("entry", ["../escape.yaml", "/etc/escape.yaml", "sub/dir/deep.yaml", "C:/x.yaml",
                                   "notes.txt", "drills/../../escape.yaml"])
def test_a_pack_entry_outside_the_target_folder_refuses_the_whole_pack(tmp_path, entry):
    import zipfile

    from ask_dont_tell.trainer.packs import PackError, import_pack

    pack = tmp_path / "evil.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("good.yaml", bundled_file("blaming-the-leader.yaml"))
        archive.writestr(entry, "id: x\n")
    target = tmp_path / "target" / "inside"
    target.mkdir(parents=True)
    with pytest.raises(PackError) as caught:
        import_pack(pack, target)
    assert str(pack) in str(caught.value) and repr(entry) in str(caught.value)
    assert list(target.iterdir()) == [] and not (tmp_path / "target" / "escape.yaml").exists()


def test_a_pack_with_an_invalid_scenario_or_too_much_data_writes_nothing(tmp_path):
    import zipfile

    from ask_dont_tell.trainer.packs import MAX_PACK_UNPACKED_BYTES, PackError, import_pack

    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("good.yaml", bundled_file("blaming-the-leader.yaml").replace("id: blaming-the-leader", "id: good", 1))
        archive.writestr("bad.yaml", "id: bad\ntitle: Bad\n")
    target = tmp_path / "target"
    with pytest.raises(PackError, match=r"broken\.zip:bad\.yaml"):
        import_pack(broken, target)
    assert not target.exists()

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index in range(3):
            archive.writestr(f"big{index}.yaml", " " * (MAX_PACK_UNPACKED_BYTES // 2))
    with pytest.raises(PackError, match="unpacks to"):
        import_pack(bomb, target)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(PackError, match="not a zip file"):
        import_pack(junk, target)
    assert not target.exists()


def test_importing_a_session_already_here_without_a_cohort_adds_it_to_the_cohort(participant, scenario, tmp_path):
    """A participant who practised straight into the trainer's database, then handed in their file."""
    play(participant, scenario, ASKING, "Ana")
    out = tmp_path / "ana.json"
    export_sessions(participant, "Ana", out)
    added_first = import_files(participant, [out], "May")
    assert (added_first.added, added_first.already_present) == (0, 1)
    assert [row.participant for row in cohort_report(participant, "May")] == ["Ana"]
    import_files(participant, [out], "June")  # already in a cohort: it stays where it is
    assert cohort_report(participant, "June") == [] and len(cohort_report(participant, "May")) == 1


def test_rehearse_with_a_cohort_lands_in_the_cohort_report(tmp_path):
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    answers = tmp_path / "answers.txt"
    open_questions = ASKING + ["What else could you try?", "How would you know it worked?",
                               "What is in your control here?", "What would you do differently next time?",
                               "Who could help you with that?", "What will you do this week?",
                               "How will you start?", "What might get in the way?"]
    answers.write_text("\n".join(open_questions) + "\n", encoding="utf-8")
    for trainee in ("Ana", "Ben"):
        done = run_cli("rehearse", "blaming-the-leader", "--answers", str(answers), "--trainee", trainee,
                       "--cohort", "Spring", "--database", database)
        assert done.returncode == 0, done.stderr
    report = tmp_path / "spring.csv"
    done = run_cli("report", "--cohort", "Spring", "--out", str(report), "--database", database)
    assert done.returncode == 0, done.stderr
    assert "2 participants" in done.stdout
    assert [line.split(",")[0] for line in report.read_text(encoding="utf-8").splitlines()[1:]] == ["Ana", "Ben"]
