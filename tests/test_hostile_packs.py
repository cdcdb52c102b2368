"""Hostile scenario packs: a damaged, encrypted or oddly compressed zip is a message naming the zip
and the entry, and an import that cannot finish (a file where a folder should be, a full disk)
leaves the folder exactly as it was: all or nothing."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ask_dont_tell.trainer import safeio
from ask_dont_tell.trainer.packs import PackError, import_pack
from ask_dont_tell.trainer.scenario import bundled_scenarios_dir, load_library

LIBRARY = load_library()
BASE_ID = "blaming-the-leader"
SCENARIO = (bundled_scenarios_dir() / f"{BASE_ID}.yaml").read_text(encoding="utf-8")


def scenario_text(scenario_id: str) -> str:
    return SCENARIO.replace(f"id: {BASE_ID}", f"id: {scenario_id}", 1)


def drill_text(scenario_id: str) -> str:
    return f"id: d-{scenario_id}\ntitle: D\ndescription: d\nprompts:\n  - {{scenario: {scenario_id}, node: opening}}\n"


def make_zip(path: Path, entries: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def good_entries() -> dict[str, str]:
    return {"ours.yaml": scenario_text("ours"), "drills/d.yaml": drill_text("ours")}


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path below ``folder`` with its bytes (None for a folder)."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


def test_a_good_pack_installs_every_file(tmp_path):
    target = tmp_path / "target"
    written = import_pack(make_zip(tmp_path / "p.zip", good_entries()), target, LIBRARY)
    assert sorted(p.relative_to(target).as_posix() for p in written) == ["drills/d.yaml", "ours.yaml"]


def corrupt_crc(path: Path) -> None:
    data = bytearray(path.read_bytes())
    payload = data.index(b"id: ours")  # stored, so the text is in the file as it is
    data[payload + 4] ^= 0x20
    path.write_bytes(bytes(data))


def encrypted_flag(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.index(signature)
        data[start + offset] |= 0x1
    path.write_bytes(bytes(data))


def unknown_compression(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.index(signature)
        data[start + offset:start + offset + 2] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))


def truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-30])


@pytest.mark.parametrize("damage,expected", [
    (corrupt_crc, "cannot be read"), (encrypted_flag, "encrypted"), (unknown_compression, "compressed"),
    (truncated, "not a zip file"),
])
def test_a_damaged_zip_is_a_message_naming_the_zip_and_the_entry(tmp_path, damage, expected):
    pack = make_zip(tmp_path / "pack.zip", {"ours.yaml": scenario_text("ours")}, zipfile.ZIP_STORED)
    damage(pack)
    target = tmp_path / "target"
    with pytest.raises(PackError) as caught:
        import_pack(pack, target, LIBRARY)
    message = str(caught.value)
    assert str(pack) in message and expected in message
    if damage is not truncated:
        assert "'ours.yaml'" in message
    assert not target.exists()


def test_an_existing_file_that_is_not_utf8_is_named_and_kept(tmp_path):
    target = tmp_path / "target"
    target.mkdir()
    (target / "ours.yaml").write_bytes(b"\xff\xfe not utf-8 \x80")
    before = snapshot(target)
    with pytest.raises(PackError, match=r"pack\.zip: ours\.yaml would replace a different file"):
        import_pack(make_zip(tmp_path / "pack.zip", good_entries()), target, LIBRARY)
    assert snapshot(target) == before


def test_a_file_where_a_folder_should_be_refuses_the_pack_whole(tmp_path):
    target = tmp_path / "target"
    target.mkdir()
    (target / "drills").write_text("a file, not a folder", encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(PackError, match="is a file where a folder should be"):
        import_pack(make_zip(tmp_path / "pack.zip", good_entries()), target, LIBRARY)
    assert snapshot(target) == before


def test_a_target_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "target"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(PackError, match="not a folder"):
        import_pack(make_zip(tmp_path / "pack.zip", good_entries()), target, LIBRARY)
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("fail_at", [1, 2])
def test_a_full_disk_halfway_leaves_the_folder_as_it_was(tmp_path, monkeypatch, fail_at):
    target = tmp_path / "target"
    target.mkdir()
    (target / "mine.yaml").write_text("kept", encoding="utf-8")
    before = snapshot(target)
    calls = []
    real_fsync = os.fsync

    def fsync(descriptor):
        calls.append(descriptor)
        if len(calls) == fail_at:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(descriptor)

    monkeypatch.setattr(safeio.os, "fsync", fsync)
    with pytest.raises(PackError) as caught:
        import_pack(make_zip(tmp_path / "pack.zip", good_entries()), target, LIBRARY)
    assert "nothing was installed" in str(caught.value) and "No space left" in str(caught.value)
    assert snapshot(target) == before  # no file, no folder, no temporary file left


def test_a_failure_while_moving_into_place_undoes_the_files_already_moved(tmp_path, monkeypatch):
    target = tmp_path / "target"
    before = snapshot(target)
    moved = []
    real_replace = os.replace

    def replace(source, destination):
        if moved:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        moved.append(destination)
        real_replace(source, destination)

    monkeypatch.setattr(safeio.os, "replace", replace)
    with pytest.raises(PackError, match="nothing was installed"):
        import_pack(make_zip(tmp_path / "pack.zip", good_entries()), target, LIBRARY)
    assert moved and snapshot(target) == before and not target.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_pipe_named_like_a_pack_is_refused_at_once(tmp_path):
    pipe = tmp_path / "pack.zip"
    os.mkfifo(pipe)
    with pytest.raises(PackError, match="not a regular file"):
        import_pack(pipe, tmp_path / "target", LIBRARY)


def test_the_same_name_twice_in_any_case_is_refused(tmp_path):
    import warnings

    pack = tmp_path / "pack.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(pack, "w") as archive:
            archive.writestr("ours.yaml", scenario_text("ours"))
            archive.writestr("OURS.yaml", scenario_text("ours2"))
    with pytest.raises(PackError, match="in the pack twice"):
        import_pack(pack, tmp_path / "target", LIBRARY)
    assert not (tmp_path / "target").exists()


DAMAGES = [None, corrupt_crc, encrypted_flag, unknown_compression, truncated]


@given(st.lists(st.sampled_from(["ours", "drill", "bad", "binary", "latin1", "huge-number", "date", "outside"]),
                min_size=1, max_size=5, unique=True),
       st.sampled_from(DAMAGES), st.sampled_from([None, 1, 2, 3]), st.booleans())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
def test_any_pack_is_installed_whole_or_not_at_all(tmp_path, kinds, damage, fail_at, drills_is_a_file):
    import tempfile

    contents = {
        "ours": ("ours.yaml", scenario_text("ours")), "drill": ("drills/d.yaml", drill_text("ours")),
        "bad": ("bad.yaml", "id: bad\ntitle: !!int abc\n"), "binary": ("bin.yaml", b"\x00\x01\x02"),
        "latin1": ("latin.yaml", "title: caf\xe9".encode("latin-1")),
        "huge-number": ("huge.yaml", scenario_text("huge").replace("difficulty: 2", "difficulty: " + "9" * 5000)),
        "date": ("date.yaml", scenario_text("date").replace("difficulty: 2", "difficulty: 2001-02-30")),
        "outside": ("../outside.yaml", scenario_text("outside")),
    }
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        root = Path(folder)
        target = root / "target"
        target.mkdir()
        if drills_is_a_file:
            (target / "drills").write_text("x", encoding="utf-8")
        entries = dict(contents[kind] for kind in kinds)
        pack = make_zip(root / "pack.zip", entries, zipfile.ZIP_STORED)
        if damage is not None and b"id: ours" in pack.read_bytes():
            damage(pack)
        before = snapshot(target)
        calls = []
        real_fsync = os.fsync

        def fsync(descriptor):
            calls.append(descriptor)
            if fail_at is not None and len(calls) == fail_at:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(descriptor)

        safeio.os.fsync = fsync
        try:
            written = import_pack(pack, target, LIBRARY)
        except PackError as error:
            assert error.problems and all(str(pack) in problem for problem in error.problems)
            assert snapshot(target) == before
        else:
            assert written and all(path.resolve().is_relative_to(target.resolve()) for path in written)
            assert all(path.read_bytes() for path in written)
        finally:
            safeio.os.fsync = real_fsync
        assert {p.name for p in root.iterdir()} == {"pack.zip", "target"}


@pytest.mark.parametrize("name", ["a\x1b[2J.yaml", "new\nline.yaml", "bidi\u202eLMY.yaml", "x" * 300 + ".yaml"])
def test_an_entry_name_no_folder_could_hold_refuses_the_pack(tmp_path, name):
    target = tmp_path / "target"
    target.mkdir()
    pack = make_zip(tmp_path / "pack.zip", {name: scenario_text("ours")})
    with pytest.raises(PackError) as caught:
        import_pack(pack, target, LIBRARY)
    assert str(pack) in str(caught.value)
    assert snapshot(target) == {}
