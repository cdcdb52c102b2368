"""Faults a user can meet: a damaged or foreign database is refused untouched, and the app
offers to set it aside and start afresh without losing the old file."""

from __future__ import annotations

import hashlib

import pytest

from ask_dont_tell.trainer.storage import RefusedDatabase, StorageError, move_aside, open_database

JUNK = b"these are not the bytes of a database\n" * 50


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_junk_database_is_refused_and_can_be_set_aside(tmp_path):
    path = tmp_path / "trainer.db"
    path.write_bytes(JUNK)
    before = digest(path)
    with pytest.raises(RefusedDatabase) as refused:
        open_database(f"sqlite:///{path}")
    assert refused.value.path == path and str(path) in str(refused.value)
    assert digest(path) == before
    moved = move_aside(path)
    assert not path.exists() and moved.parent == path.parent
    assert moved.read_bytes() == JUNK  # kept, byte for byte
    open_database(f"sqlite:///{path}")  # a fresh database starts in its place
    assert path.exists()


def test_moving_aside_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="could not move"):
        move_aside(tmp_path / "nothing.db")


def test_app_offers_to_set_a_refused_database_aside(qtbot, data_dir, monkeypatch):
    from PySide6.QtCore import Qt

    from tests.test_ui_flow import close_window
    from ask_dont_tell.trainer.speech import SPEECH_ENV
    from ask_dont_tell.ui.app import create_application, create_main_window

    monkeypatch.setenv(SPEECH_ENV, "off")
    refused = data_dir / "trainer.db"
    refused.write_bytes(JUNK)
    create_application()
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    notice = window.notice
    qtbot.waitUntil(lambda: window.context.storage_problem != "", timeout=20_000)
    assert notice.isVisible() and notice.action.isVisible(), notice.text.text()
    assert "trainer.db" in notice.text.text() and "not a SQLite database" in notice.text.text()
    assert window.context.store is None
    assert refused.read_bytes() == JUNK  # untouched until the user chooses
    qtbot.mouseClick(notice.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.context.store is not None, timeout=20_000)
    kept = [p for p in data_dir.iterdir() if p.name.startswith("trainer.db.set-aside-")]
    assert len(kept) == 1 and kept[0].read_bytes() == JUNK
    assert "kept as" in notice.text.text()
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=20_000)
    close_window(window)


def test_a_huge_reply_is_stored_whole_and_shown_shortened(qtbot, data_dir, monkeypatch):
    from PySide6.QtCore import Qt

    from tests.test_ui_flow import close_window, open_window
    from ask_dont_tell.trainer.engine import MAX_REPLY_CHARS
    from ask_dont_tell.trainer.speech import SPEECH_ENV
    from ask_dont_tell.ui.widgets import SHOWN_CHARS, ChatBubble

    monkeypatch.setenv(SPEECH_ENV, "off")
    window = open_window(qtbot)
    window.start_practice("just-tell-me", True)
    practice = window.practice
    huge = ("What happened next with Harlow? " * 4000)[:MAX_REPLY_CHARS]
    practice.reply_box.setPlainText(huge)
    qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(practice.chips) == 1, timeout=20_000)
    mine = [b for b in practice.findChildren(ChatBubble) if b.text.text().startswith("What happened next")]
    assert mine and len(mine[0].text.text()) < SHOWN_CHARS + 100 and "characters in all" in mine[0].text.text()
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=20_000)
    store = window.context.store
    session = store.history(limit=1)[0]
    assert session["turns"][0]["reply"] == huge  # stored whole
    too_long = "x" * (MAX_REPLY_CHARS + 1)
    practice.reply_box.setPlainText(too_long)
    qtbot.keyClick(practice.reply_box, Qt.Key.Key_Return)
    assert "limit" in window.notice.text.text() and len(practice.chips) == 1  # refused, with a reason
    assert practice.reply_box.toPlainText() == too_long  # and nothing typed is lost
    close_window(window)


def test_settings_from_a_foreign_or_odd_file_give_the_defaults_and_saving_is_atomic(tmp_path, monkeypatch):
    import errno
    import json
    import os

    from ask_dont_tell.trainer import safeio
    from ask_dont_tell.ui.preferences import MAX_SETTINGS_BYTES, Preferences

    path = tmp_path / "settings.json"
    for content in (b"\xff\xfe", b"[1, 2]", b"{" * 100_000, b" " * (MAX_SETTINGS_BYTES + 1),
                    json.dumps({"speech_rate": float("inf"), "voice_on": "yes", "persona_voices": {"a": 1},
                                "trainee": 5}).encode()):
        path.write_bytes(content)
        prefs = Preferences.load(path)
        assert prefs.speech_rate == 1.0 and prefs.voice_on is True and prefs.persona_voices == {}
    if hasattr(os, "mkfifo"):
        path.unlink()
        os.mkfifo(path)
        assert Preferences.load(path) == Preferences()  # not waited on
        path.unlink()
    Preferences(trainee="Ana").save(path)
    before = path.read_bytes()

    def no_space(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safeio.os, "fsync", no_space)
    with pytest.raises(OSError):
        Preferences(trainee="Ben").save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before and Preferences.load(path).trainee == "Ana"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_pack_export_is_atomic_and_never_over_the_database(tmp_path):
    import zipfile

    from ask_dont_tell.trainer.packs import export_pack
    from ask_dont_tell.trainer.scenario import bundled_scenarios_dir

    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "one.yaml").write_text((bundled_scenarios_dir() / "blaming-the-leader.yaml").read_text("utf-8"), "utf-8")
    database = tmp_path / "trainer.db"
    open_database(f"sqlite:///{database}").close()
    before = digest(database)
    with pytest.raises(OSError, match="database"):
        export_pack(folder, database)
    assert digest(database) == before
    out = tmp_path / "pack.zip"
    assert export_pack(folder, out) == 1 and zipfile.ZipFile(out).namelist() == ["one.yaml"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
