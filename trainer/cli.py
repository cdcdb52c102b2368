"""The commands behind ``python main.py COMMAND``.

Imports are made inside each command so that ``classify`` starts fast and the others only load
what they use.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence, TextIO


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Ask, Don't Tell: a practice trainer for sales managers' coaching one-on-ones. "
        "Without a command, the desktop app starts.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    classify = commands.add_parser("classify", help="label replies read from standard input, one JSON line each")
    classify.add_argument("--context", default=None, help="the salesperson line the replies answer")

    evaluate = commands.add_parser("evaluate", help="precision, recall, F1 and confusion matrix on the labelled corpus")
    evaluate.add_argument("--part", choices=["test", "dev"], default="test",
                          help="corpus part: test (held out, the default) or dev")
    evaluate.add_argument("--errors", action="store_true", help="also list the replies labelled wrongly")

    listing = commands.add_parser("scenarios", help="list the scenarios")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _scenario_dirs(listing)

    validate = commands.add_parser("validate", help="check scenario files; non-zero exit if any is invalid")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")

    rehearse = commands.add_parser("rehearse", help="play a scenario in the terminal")
    rehearse.add_argument("scenario_id", metavar="ID")
    rehearse.add_argument("--answers", type=Path, metavar="FILE", help="read replies from FILE, one per line")
    rehearse.add_argument("--json", action="store_true", help="print the result as one JSON object")
    rehearse.add_argument("--trainee", default="", metavar="NAME", help="who practised")
    rehearse.add_argument("--seed", type=int, default=0, metavar="N", help="fixes the choice of line variants")
    _scenario_dirs(rehearse)
    return parser


def _scenario_dirs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenarios", action="append", default=[], type=Path, metavar="DIR",
                        help="also load scenario files from DIR (repeatable)")


def run(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    handler = {
        "classify": cmd_classify,
        "evaluate": cmd_evaluate,
        "scenarios": cmd_scenarios,
        "validate": cmd_validate,
        "rehearse": cmd_rehearse,
    }[args.command]
    return handler(args, stdin, stdout)


def _lines(stream: TextIO):
    """Lines as they arrive (works through a pipe), newline removed, undecodable bytes replaced."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        for raw in iter(buffer.readline, b""):
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
    else:
        for line in iter(stream.readline, ""):
            yield line.rstrip("\r\n")


def cmd_classify(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .classify import classify

    interactive = stdin.isatty()
    for line in _lines(stdin):
        result = classify(line, args.context)
        stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        if interactive:
            stdout.flush()
    stdout.flush()
    return 0


def cmd_evaluate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .evaluate import evaluate, format_report, load_corpus

    report = evaluate(load_corpus(args.part), args.part)
    stdout.write(format_report(report) + "\n")
    if args.errors:
        stdout.write(f"\n{len(report.errors)} replies labelled wrongly (gold -> predicted):\n")
        for gold, predicted, reply in report.errors:
            stdout.write(f"  {gold} -> {predicted}: {reply}\n")
    return 0


def _library(args: argparse.Namespace, stderr: TextIO = sys.stderr):
    from .scenario import load_library

    library = load_library(args.scenarios)
    for problem in library.problems:
        stderr.write(f"skipped: {problem}\n")
    return library


def cmd_scenarios(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    library = _library(args)
    items = [
        {"id": s.id, "title": s.title, "tags": s.tags, "difficulty": s.difficulty,
         "persona": s.persona.name, "situation": s.situation.strip(), "source": str(library.sources[s.id])}
        for s in library.sorted()
    ]
    if args.json:
        stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        for item in items:
            stdout.write(f"{item['id']:28} {'*' * item['difficulty']:4} {item['title']}  [{', '.join(item['tags'])}]\n")
    return 0


def cmd_validate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .scenario import ScenarioError, load_scenario, scenario_files

    files: list[Path] = []
    missing = []
    for path in args.paths:
        path = Path(path)
        if path.is_dir():
            files.extend(scenario_files(path))
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    bad = len(missing)
    for path in missing:
        stdout.write(f"{path}: no such file or folder\n")
    for path in files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            bad += 1
            for problem in error.problems:
                stdout.write(f"{problem}\n")
            continue
        stdout.write(f"{path}: ok ({scenario.id}, {len(scenario.nodes)} nodes, {len(scenario.endings)} endings)\n")
    if not files and not missing:
        stdout.write("no scenario files found\n")
        return 1
    stdout.write(f"{len(files) + len(missing) - bad} valid, {bad} invalid\n")
    return 1 if bad else 0


def cmd_rehearse(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .engine import MAX_REPLY_CHARS, Session

    library = _library(args)
    try:
        scenario = library.get(args.scenario_id)
    except KeyError as error:
        sys.stderr.write(f"{error.args[0]}\n")
        return 2
    if args.answers:
        try:
            source = args.answers.open(encoding="utf-8", errors="replace")
        except OSError as error:
            sys.stderr.write(f"cannot read {args.answers}: {error.strerror}\n")
            return 2
    else:
        source = stdin
    session = Session(scenario, seed=args.seed)
    talk = (lambda text: None) if args.json else (lambda text: (stdout.write(text + "\n"), stdout.flush()))
    persona = scenario.persona.name
    talk(f"{scenario.title}\n{scenario.situation.strip()}\nGoal: {scenario.goal.strip()}\n")
    talk(f"{persona}: {session.current_line}")
    with source:
        for reply in _lines(source):
            if not reply.strip():
                continue
            if len(reply) > MAX_REPLY_CHARS:
                talk(f"(reply not used: {len(reply):,} characters is over the {MAX_REPLY_CHARS:,} limit)")
                continue
            turn = session.reply(reply)
            note = f"  [{turn.label}: {turn.cue}]"
            if turn.try_instead:
                note += f"  try instead: {turn.try_instead}"
            talk(note)
            talk(f"{persona}: {turn.response}")
            if session.finished:
                break
    result = session.result()
    if args.json:
        data = result.to_dict()
        data["trainee"] = args.trainee
        data["seed"] = args.seed
        stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        talk(f"\nOutcome: {result.outcome}   Score: {result.score.total}/100")
        for line in result.score.lines:
            talk(f"  {line.points:+4d}  {line.text}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run(args)
