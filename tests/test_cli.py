"""The command line as a user runs it: real processes, real pipes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: bytes | str | None = None, env: dict | None = None, timeout: float = 60):
    data = input.encode("utf-8") if isinstance(input, str) else input
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=data, capture_output=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, **(env or {})})


def test_help_lists_every_command():
    out = run("--help").stdout.decode()
    for command in ["classify", "evaluate", "scenarios", "validate", "rehearse"]:
        assert command in out


def test_classify_writes_one_json_object_per_line_in_order():
    lines = [
        "What got in the way this week?",
        "",
        "x" * 120_000,
        "ok\x07\x1b[2J then what",
        "🙂🔥 what happened 🙂",
        "¿Qué pasó con el cliente?",
        "You should call them today.",
        "   ",
    ]
    result = run("classify", input="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(outputs) == len(lines)
    for output in outputs:
        assert {"label", "cue", "sentences"} <= set(output)
    assert outputs[0]["label"] == "open_question"
    assert outputs[1]["label"] == "other" and outputs[7]["label"] == "other"
    assert outputs[6]["label"] == "advice" and outputs[6]["cue"]


def test_a_large_batch_is_labelled_on_every_core_in_the_same_order_as_one_by_one():
    from ask_dont_tell.trainer.classify import classify
    from ask_dont_tell.trainer.cli import _PARALLEL_FROM
    from ask_dont_tell.trainer.corpus import load_corpus

    examples = [e for part in ("test", "counsel") for e in load_corpus(part)]
    items = [{"text": e.reply, "context": e.context} for e in examples] * (_PARALLEL_FROM // len(examples) + 2)
    lines = [json.dumps(item) for item in items]
    lines[7] = "not json"  # an unreadable line keeps its place among the results
    result = run("classify", "--jsonl", input="\n".join(lines) + "\n", timeout=180)
    assert result.returncode == 1 and b"line 8:" in result.stderr
    outputs = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(outputs) == len(lines) >= _PARALLEL_FROM
    assert outputs[7] == {"error": "unreadable line", "line": 8}
    expected = [classify(item["text"], item["context"] or None).to_dict() for item in items]
    assert [o for i, o in enumerate(outputs) if i != 7] == [e for i, e in enumerate(expected) if i != 7]


def test_classify_survives_invalid_utf8():
    result = run("classify", input=b"what \xff\xfe happened\n\xc3\n")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2


def test_evaluate_prints_metrics_and_confusion_matrix():
    result = run("evaluate")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    assert "macro-F1" in out and "Confusion matrix" in out
    for label in ["open_question", "takeover", "judgment", "other"]:
        assert label in out


def test_scenarios_json():
    result = run("scenarios", "--json")
    items = json.loads(result.stdout)
    assert len(items) >= 10
    for item in items:
        assert {"id", "title", "tags", "difficulty"} <= set(item)


def test_validate_reports_file_and_place_and_exit_status(tmp_path):
    good = ROOT / "scenarios" / "just-tell-me.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("difficulty: ", "colour: red\ndifficulty: ", 1))
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01")
    ok = run("validate", str(good))
    assert ok.returncode == 0 and b"ok" in ok.stdout
    result = run("validate", str(good), str(bad), str(empty), str(binary))
    out = result.stdout.decode()
    assert result.returncode != 0
    assert f"{bad}:" in out and "unknown field 'colour'" in out
    assert f"{empty}: the file is empty" in out
    assert f"{binary}: this is a binary file" in out
    assert "Traceback" not in result.stderr.decode()


def test_rehearse_through_a_pipe_handles_each_reply_as_it_arrives():
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "rehearse", "just-tell-me"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, text=True)
    try:
        lines = []
        while not lines or not lines[-1].startswith("Tom Reilly:"):
            lines.append(process.stdout.readline().rstrip("\n"))
        process.stdin.write("What have you tried so far?\n")
        process.stdin.flush()
        feedback = process.stdout.readline()
        assert "[open_question" in feedback  # answered before any more input arrives
        assert process.stdout.readline().startswith("Tom Reilly:")
        process.stdin.close()
        rest = process.stdout.read()
        assert "Outcome: unfinished" in rest
    finally:
        process.kill()
        process.wait()


def test_rehearse_json_with_answers_file(tmp_path):
    answers = tmp_path / "answers.txt"
    answers.write_text("You should just call them again.\nLeave it with me, I'll ring them myself.\n" * 5)
    result = run("rehearse", "just-tell-me", "--answers", str(answers), "--json", "--trainee", "Ana", "--seed", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["outcome"] == "failure"
    assert data["trainee"] == "Ana"
    assert 0 <= data["score"] <= 30
    assert {"open_question_share", "talk_ratio", "responsibility_kept"} <= set(data["measures"])
    first = data["turns"][0]
    assert {"salesperson", "reply", "label", "cue"} <= set(first)
    assert first["label"] == "advice" and first["try_instead"]


def test_rehearse_unknown_id_is_a_clear_error():
    result = run("rehearse", "no-such-scenario")
    assert result.returncode == 2
    assert b"no scenario with id 'no-such-scenario'" in result.stderr


def test_rehearse_loads_a_trainers_folder_and_skips_bad_files(tmp_path):
    source = (ROOT / "scenarios" / "just-tell-me.yaml").read_text()
    (tmp_path / "mine.yaml").write_text(source.replace("id: just-tell-me", "id: my-own"))
    (tmp_path / "broken.yaml").write_text("id: [")
    result = run("scenarios", "--json", "--scenarios", str(tmp_path))
    ids = [item["id"] for item in json.loads(result.stdout)]
    assert "my-own" in ids
    assert "broken.yaml" in result.stderr.decode()
