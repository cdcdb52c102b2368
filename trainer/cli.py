"""The commands behind ``python main.py COMMAND``.

Imports are made inside each command so that ``classify`` starts fast and the others only load
what they use.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import sys
from pathlib import Path
from typing import Sequence, TextIO

from .safeio import INT32_MAX, INT32_MIN, for_terminal, json_for_terminal
from .corpus import ALL_PARTS, DEVELOPMENT_PARTS, FOCUS_PARTS, HELD_OUT_PARTS

#: The salesperson's pronouns a prep card can use (trainer.prep.PRONOUNS; kept here so --help is fast).
PRONOUN_CHOICES = ("she", "he", "they")


def build_parser(prog: str = "main.py") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Ask, Don't Tell: a practice trainer for sales managers' coaching one-on-ones. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--verbose", action="store_true",
                        help="desktop app: also show Qt Multimedia's and ffmpeg's own messages in the terminal")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database", metavar="URL", default=None,
        help="the database to use, e.g. sqlite:///path/trainer.db or postgresql+psycopg://user:pw@host/db "
        "(default: $TRAINER_DATABASE_URL, else trainer.db in $TRAINER_DATA_DIR or the user's data folder)",
    )
    add_command = functools.partial(commands.add_parser, parents=[common])

    classify = add_command("classify", help="label replies read from standard input, one JSON line each")
    classify.add_argument("--context", default=None, help="the salesperson line the replies answer")
    classify.add_argument("--jsonl", action="store_true",
                          help='read one JSON object a line, {"text": ..., "context": ...} (context optional)')

    disputes = add_command("disputes", help='replies whose label the trainee disputed ("I meant this as ...")')
    disputes.add_argument("--json", action="store_true", help="one JSON object a line, ready to become corpus entries")

    evaluate = add_command("evaluate", help="precision, recall, F1 and confusion matrix on the labelled corpus")
    evaluate.add_argument("--part", choices=ALL_PARTS + FOCUS_PARTS + ("counselling-dev",), default="test",
                          help=f"corpus part: held out ({', '.join(HELD_OUT_PARTS)}; test is the default) or "
                               f"development ({', '.join(DEVELOPMENT_PARTS)}); focus and siding ({', '.join(FOCUS_PARTS)}); "
                               "or counselling-dev, the real counselling conversations in ../shared/corpora/")
    evaluate.add_argument("--errors", action="store_true", help="also list the replies labelled wrongly")

    listing = add_command("scenarios", help="list the scenarios")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _scenario_dirs(listing)

    validate = add_command("validate", help="check scenario files; non-zero exit if any is invalid")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")

    rehearse = add_command("rehearse", help="play a scenario in the terminal; the session is recorded")
    rehearse.add_argument("scenario_id", metavar="ID")
    rehearse.add_argument("--answers", type=Path, metavar="FILE", help="read replies from FILE, one per line")
    rehearse.add_argument("--json", action="store_true", help="print the result as one JSON object")
    rehearse.add_argument("--trainee", default="", metavar="NAME",
                          help="who practises (default: the app's current profile)")
    rehearse.add_argument("--seed", type=_seed, default=0, metavar="N",
                          help=f"fixes the choice of line variants ({INT32_MIN:,} to {INT32_MAX:,})")
    rehearse.add_argument("--cohort", default=None, metavar="NAME",
                          help="record the session under a workshop's cohort (with a shared database, the "
                               "trainer's report reads it straight away)")
    interrupted = rehearse.add_mutually_exclusive_group()
    interrupted.add_argument("--resume", nargs="?", const="newest", default=None, metavar="SESSION",
                             help="continue your newest interrupted session of this scenario, or the one "
                                  "with this id (as listed by history)")
    interrupted.add_argument("--discard-interrupted", action="store_true",
                             help="discard your interrupted sessions of this scenario, then start afresh")
    _scenario_dirs(rehearse)

    history = add_command("history", help="list recorded sessions, newest first")
    history.add_argument("--json", action="store_true",
                         help="print a JSON array, one object per session with its turns")
    history.add_argument("--trainee", default=None, metavar="NAME", help="only this trainee's sessions")
    history.add_argument("--scenario", default=None, metavar="ID", help="only sessions of this scenario")
    history.add_argument("--limit", type=_limit, default=None, metavar="N",
                         help=f"at most N sessions (1 to {MAX_LIMIT:,})")

    prep = add_command("prep", help="write a one-page prep card (PDF) for a real one-on-one like a scenario")
    prep.add_argument("scenario_id", metavar="ID")
    prep.add_argument("--out", type=Path, required=True, metavar="FILE", help="the PDF to write")
    prep.add_argument("--trainee", default="", metavar="NAME",
                      help="whose attempts to use (default: the app's current profile)")
    prep.add_argument("--paper", choices=["a4", "letter"], default=None,
                      help="paper size (default: from the locale, LC_PAPER or LANG: Letter for en_US, en_CA, es_MX...)")
    prep.add_argument("--with", dest="salesperson", default="", metavar="NAME", help="the salesperson you will meet")
    prep.add_argument("--topic", default="", metavar="TEXT", help="what the conversation is about")
    prep.add_argument("--pronouns", choices=PRONOUN_CHOICES, default="they",
                      help="the salesperson's pronouns on the card (default: they)")
    _scenario_dirs(prep)

    export = add_command("export", help="write your finished sessions to a portable JSON file for a trainer")
    export.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="the JSON file to write (with several profiles, one file each: FILE-NAME.json)")
    export.add_argument("--trainee", default="", metavar="NAME",
                        help="whose sessions (default: every profile on this machine)")

    importing = add_command("import", help="merge participants' export files into this database, under a cohort")
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE", help="export files")
    importing.add_argument("--cohort", required=True, metavar="NAME", help="the workshop the sessions belong to")
    importing.add_argument("--date", type=_iso_date, default=None, metavar="YYYY-MM-DD", help="the workshop's date")

    report = add_command("report", help="one row per participant of a cohort, as .csv or .pdf")
    report.add_argument("--cohort", required=True, metavar="NAME")
    report.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.csv or FILE.pdf")

    listen = add_command("listen", help="transcribe spoken replies (WAV files) offline and label them")
    listen.add_argument("files", nargs="+", type=Path, metavar="FILE.wav", help="sound files, one reply each")
    listen.add_argument("--json", action="store_true", help="print one JSON object per line, one per file")
    listen.add_argument("--context", default=None, help="the salesperson line the replies answer")
    return parser


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-05-04: {text!r}") from None


#: The most sessions ``history --limit`` lists.
MAX_LIMIT = 1_000_000


def _bounded_int(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high`` (checked by length before it is
    converted, so a number of thousands of digits is one short message too)."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+-")
        if not digits.isdigit() or not digits.isascii():
            raise argparse.ArgumentTypeError(f"not a whole number: {text[:30]!r}")
        value = int(text) if len(digits) <= 20 else (high + 1 if not text.strip().startswith("-") else low - 1)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}")
        return value

    return parse


_seed = _bounded_int(INT32_MIN, INT32_MAX)
_limit = _bounded_int(1, MAX_LIMIT)


def _scenario_dirs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenarios", action="append", default=[], type=Path, metavar="DIR",
                        help="also load scenario files from DIR (repeatable)")


def run(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run one command; a storage problem is one clear line on stderr and exit status 2."""
    from .storage.errors import StorageError  # light: does not import SQLAlchemy

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for stream in (stdout, sys.stderr):  # a file name that is not valid UTF-8 is shown escaped, never a crash
        if callable(getattr(stream, "reconfigure", None)):
            stream.reconfigure(errors="backslashreplace")
    handler = {
        "classify": cmd_classify,
        "disputes": cmd_disputes,
        "evaluate": cmd_evaluate,
        "scenarios": cmd_scenarios,
        "validate": cmd_validate,
        "rehearse": cmd_rehearse,
        "history": cmd_history,
        "prep": cmd_prep,
        "export": cmd_export,
        "import": cmd_import,
        "report": cmd_report,
        "listen": cmd_listen,
    }[args.command]
    try:
        return handler(args, stdin, stdout)
    except StorageError as error:
        stdout.flush()
        sys.stderr.write(f"error: {for_terminal(error, keep_newlines=True)}\n")
        return 2
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as command-line tools do
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        if os.environ.get(DEBUG_ENV):
            raise
        stdout.flush()
        sys.stderr.write(f"error: {for_terminal(error, keep_newlines=True)} ({type(error).__name__}; this is a "
                         f"fault in the app: please report it, with the command; {DEBUG_ENV}=1 shows where)\n")
        return 70


#: Set to show a traceback for an unexpected error instead of the one-line message.
DEBUG_ENV = "TRAINER_DEBUG"


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _lines(stream: TextIO):
    """Lines as they arrive (works through a pipe), newline removed, undecodable bytes replaced."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        for raw in iter(buffer.readline, b""):
            yield raw.decode("utf-8", errors="replace").rstrip("\r\n")
    else:
        for line in iter(stream.readline, ""):
            yield line.rstrip("\r\n")


def _arrived_lines(stream: TextIO, limit: int):
    """Lines as ``_lines`` gives them, with a None whenever no more input has arrived yet (so a
    caller batching lines answers those first and a pipe fed one line at a time is never kept
    waiting). Input that is all there (a file, a string) is read without Nones; a terminal gives a
    None after every line."""
    try:
        import select

        fd = stream.fileno()
        select.select([fd], [], [], 0)  # pipes and files can be watched here (not on Windows)
    except (AttributeError, OSError, ValueError, ImportError, io.UnsupportedOperation):
        fd = None
    if fd is None or stream.isatty():
        for count, line in enumerate(_lines(stream), 1):
            yield line
            if fd is not None or count % limit == 0:
                yield None
        return
    pending = b""
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for raw in complete:
            yield raw.decode("utf-8", errors="replace").rstrip("\r")
        if not select.select([fd], [], [], 0)[0]:
            yield None
    if pending:
        yield pending.decode("utf-8", errors="replace").rstrip("\r")


def cmd_classify(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    interactive = stdin.isatty()
    status = 0
    batch: list[tuple[int, str, str | None] | tuple[int, None, None]] = []
    workers = _ClassifyWorkers() if not interactive else None
    number = 0

    def flush() -> None:
        texts = [(text, context) for _, text, context in batch if text is not None]
        results = iter(workers.classify_all(texts) if workers else [_classified_line(t, c) for t, c in texts])
        for number, text, _context in batch:
            if text is None:
                stdout.write(json.dumps({"error": "unreadable line", "line": number}) + "\n")
            else:
                stdout.write(next(results) + "\n")
        batch.clear()
        if interactive:
            stdout.flush()

    for line in _arrived_lines(stdin, _CLASSIFY_BATCH):
        if line is None:  # nothing more has arrived yet: answer what has, so a pipe never waits on us
            flush()
            continue
        number += 1
        text, context = line, args.context
        if args.jsonl:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text, context = item["text"], item.get("context") or args.context
                if not isinstance(text, str) or not (context is None or isinstance(context, str)):
                    raise TypeError
            except (ValueError, KeyError, TypeError, AttributeError):
                sys.stderr.write(f"line {number}: not a JSON object with a text string (and an optional context)\n")
                text = context = None
                status = 1
        batch.append((number, text, context))
        if len(batch) >= _CLASSIFY_BATCH:
            flush()
    flush()
    if workers:
        workers.close()
    stdout.flush()
    return status


#: Replies read before they are classified together (and written out, in order).
_CLASSIFY_BATCH = 2000
#: Below this many replies one process is quicker than starting a second.
_PARALLEL_FROM = 800


class _ClassifyWorkers:
    """Classify a large batch on every core: the rules are pure, so a forked copy of this process
    (the word model already built) labels its share, and the results come back in order."""

    def __init__(self) -> None:
        self._pool = None

    def classify_all(self, items: list[tuple[str, str | None]]) -> list:
        import multiprocessing
        import os

        cores = os.cpu_count() or 1
        if len(items) < _PARALLEL_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [_classified_line(text, context) for text, context in items]
        if self._pool is None:
            from .classify import warm_up

            warm_up()  # count the word models once, before the copies are made
            self._pool = multiprocessing.get_context("fork").Pool(min(cores, 4))
        return self._pool.starmap(_classified_line, items, chunksize=max(50, len(items) // (4 * cores)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()


def _classified_line(text: str, context: str | None) -> str:
    """One reply's classification as its JSON line (made where it is classified, so a worker
    sends back a string, not the result's objects)."""
    from .classify import classify

    return json.dumps(classify(text, context).to_dict(), ensure_ascii=False)


def cmd_disputes(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Replies the trainees disputed, newest first: what they said, what it answered, the label
    the classifier gave and the one they meant, for trainers to turn into corpus entries."""
    store = _open_store(args)
    rows = store.disputed_turns()
    for row in rows:
        if args.json:
            stdout.write(json.dumps({"label": row["disputed_label"], "reply": row["reply"],
                                     "context": row["salesperson"], "classified_as": row["label"],
                                     "cue": row["cue"], "scenario": row["scenario_id"], "trainee": row["trainee"],
                                     "session": row["session_id"], "turn": row["index"]}, ensure_ascii=False) + "\n")
        else:
            stdout.write(f"{row['trainee']} · {row['scenario_id']} · session {row['session_id']} turn {row['index'] + 1}\n"
                         f"  they said: {row['salesperson']}\n  reply: {row['reply']}\n"
                         f"  classified as {row['label']} (cue “{row['cue']}”), meant as {row['disputed_label']}\n")
    if not args.json:
        stdout.write(f"{len(rows)} disputed {'reply' if len(rows) == 1 else 'replies'}\n")
    return 0


def cmd_evaluate(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from . import evaluate as measure
    from .corpus import load_corpus, load_focus_corpus

    if args.part in FOCUS_PARTS:
        report = measure.evaluate_focus(load_focus_corpus(args.part), args.part)
        stdout.write(measure.format_focus_report(report) + "\n")
    elif args.part == measure.COUNSELLING_PART:
        try:
            items = measure.load_counselling()
        except measure.CorpusMissing as missing:
            sys.stderr.write(f"error: {missing}\n")
            return 1
        report = measure.evaluate_groups(items)
        stdout.write(measure.format_group_report(report) + "\n")
    else:
        report = measure.evaluate(load_corpus(args.part), args.part)
        stdout.write(measure.format_report(report) + "\n")
    if args.errors:
        stdout.write(f"\n{len(report.errors)} replies labelled wrongly (gold -> predicted):\n")
        for gold, predicted, reply in report.errors:
            stdout.write(f"  {gold} -> {predicted}: {reply}\n")
    return 0


def _library(args: argparse.Namespace, stderr: TextIO = sys.stderr):
    from .scenario import load_library

    library = load_library(args.scenarios)
    for problem in library.problems:
        stderr.write(f"skipped: {for_terminal(problem, keep_newlines=True)}\n")
    return library


def cmd_scenarios(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    library = _library(args)
    items = [
        {"id": s.id, "title": s.title, "tags": s.tags, "difficulty": s.difficulty,
         "persona": s.persona.name, "situation": s.situation.strip(), "source": str(library.sources[s.id])}
        for s in library.sorted()
    ]
    if args.json:
        stdout.write(json_for_terminal(items, indent=2) + "\n")
    else:
        for item in items:
            stdout.write(for_terminal(f"{item['id']:28} {'*' * item['difficulty']:4} {item['title']}  "
                                      f"[{', '.join(item['tags'])}]") + "\n")
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
        stdout.write(f"{for_terminal(path)}: no such file or folder\n")
    for path in files:
        try:
            scenario = load_scenario(path, deep=True)
        except ScenarioError as error:
            bad += 1
            for problem in error.problems:
                stdout.write(f"{for_terminal(problem, keep_newlines=True)}\n")
            continue
        stdout.write(f"{for_terminal(path)}: ok ({scenario.id}, {len(scenario.facts)} facts, every fact and ending reachable)\n")
    if not files and not missing:
        stdout.write("no scenario files found\n")
        return 1
    stdout.write(f"{len(files) + len(missing) - bad} valid, {bad} invalid\n")
    return 1 if bad else 0


def _default_trainee() -> str:
    """The app's current profile; before there is one, the system's full name (or login name)
    becomes it, so the app and the command line practise as the same person."""
    from .profiles import Profiles, system_full_name, system_user_name
    from .storage import default_data_dir

    folder = default_data_dir()
    profiles = Profiles.load(folder)
    if profiles.current:
        return profiles.current
    name = system_full_name() or system_user_name() or "Me"
    try:
        profiles.with_current(name).save(folder)
        sys.stderr.write(f"note: practising as {for_terminal(name)} (this machine's profile from now on; "
                         "the app can rename or add profiles)\n")
    except OSError:
        pass
    return name


def _profiles() -> tuple[str, ...]:
    """The profiles practising on this machine, as the app keeps them."""
    from .profiles import Profiles
    from .storage import default_data_dir

    return Profiles.load(default_data_dir()).names


def _open_store(args: argparse.Namespace):
    from .storage import SessionStore, open_database

    return SessionStore(open_database(args.database))


def _local_time(iso: str) -> str:
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):  # a date at the edge of the calendar: shown as stored
        return for_terminal(str(iso)[:16])


def _read_answer(stream: TextIO) -> str | None:
    """One line from the terminal, read the same way as the replies (no read-ahead)."""
    buffer = getattr(stream, "buffer", None)
    raw = buffer.readline().decode("utf-8", errors="replace") if buffer is not None else stream.readline()
    return raw.strip().lower() if raw else None


def _interrupted_choice(args: argparse.Namespace, stdin: TextIO, interrupted: list[dict], title: str) -> str:
    """What to do with the trainee's interrupted sessions of this scenario: resume, discard or fresh."""
    if args.resume:
        return "resume"
    if args.discard_interrupted:
        return "discard"
    newest = interrupted[0]
    older = f" (and {len(interrupted) - 1} older)" if len(interrupted) > 1 else ""
    replies = f"{newest['turn_count']} {'reply' if newest['turn_count'] == 1 else 'replies'}"
    described = f"an interrupted session of {title} from {_local_time(newest['started'])} ({replies}){older}"
    if not stdin.isatty():
        sys.stderr.write(f"note: {newest['trainee']} has {described}; starting a new session and keeping it. "
                         f"Continue it with: rehearse {args.scenario_id} --resume "
                         f"(or drop it with --discard-interrupted)\n")
        return "fresh"
    sys.stderr.write(f"You have {described}.\n")
    while True:
        sys.stderr.write("Resume (r), discard (d) or start fresh keeping it (n)? ")
        sys.stderr.flush()
        answer = _read_answer(stdin)
        if answer is None:
            return "fresh"
        if answer[:1] in ("r", "d", "n"):
            return {"r": "resume", "d": "discard", "n": "fresh"}[answer[0]]


def _turn_note(turn) -> str:
    note = f"  [{turn.label}: {turn.cue}"
    note += f"; points at {turn.focus.replace('_', ' ')}" if turn.focus != "none" else ""
    note += "; sides with the blame" if turn.sides_with_blame else ""
    note += "; not sure" if turn.not_sure else ""
    note += "]"
    if turn.try_instead:
        note += f"  try instead: {turn.try_instead}"
    return note


def cmd_rehearse(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Play a scenario reply by reply, recording each reply the moment it is made."""
    import time

    from .practice import MAX_REPLY_CHARS, PracticeRun

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
    trainee = args.trainee.strip() or _default_trainee()
    talk = (lambda text: None) if args.json else (lambda text: (stdout.write(text + "\n"), stdout.flush()))
    persona = scenario.persona.name
    with source:
        store = _open_store(args)
        try:
            interrupted = store.interrupted_sessions(trainee, scenario.id)
            choice = _interrupted_choice(args, stdin, interrupted, scenario.title) if interrupted else "fresh"
            if args.resume and not interrupted:
                sys.stderr.write(f"note: {trainee} has no interrupted session of {scenario.id}; starting a new one\n")
            if choice == "discard":
                for item in interrupted:
                    store.discard_session(item["id"])
                sys.stderr.write(f"discarded {len(interrupted)} interrupted session(s) of {scenario.id}\n")

            talk(f"{scenario.title}\n{scenario.situation.strip()}\nGoal: {scenario.goal.strip()}\n")
            if choice == "resume":
                chosen = interrupted[0]
                if args.resume not in (None, "newest"):
                    chosen = next((item for item in interrupted if str(item["id"]) == args.resume), None)
                    if chosen is None:
                        ids = ", ".join(str(item["id"]) for item in interrupted)
                        sys.stderr.write(f"error: {trainee} has no interrupted session {args.resume} of "
                                         f"{scenario.id}; the interrupted ones are: {ids}\n")
                        return 2
                run = PracticeRun.resume(store, chosen["id"], library, trainee)
                session = run.session
                if run.notice:
                    sys.stderr.write(f"note: {run.notice}\n")
                replies = len(session.turns)
                talk(f"(resuming your session from {_local_time(run.started)}, "
                     f"{replies} {'reply' if replies == 1 else 'replies'} so far)")
                talk(f"{persona}: {session.turns[0].salesperson if session.turns else session.current_line}")
                for turn in session.turns:
                    talk(f"You: {turn.reply}")
                    talk(_turn_note(turn))
                    talk(f"{persona}: {turn.response}")
            else:
                run = PracticeRun.new(scenario, store, trainee, args.seed, cohort=args.cohort)
                session = run.session
                talk(f"{persona}: {session.current_line}")

            timed = source.isatty()  # think time means something only when a person is typing
            shown_at = time.monotonic()
            try:
                for reply in ([] if session.finished else _lines(source)):
                    if not reply.strip():
                        continue
                    if len(reply) > MAX_REPLY_CHARS:
                        talk(f"(reply not used: {len(reply):,} characters is over the {MAX_REPLY_CHARS:,} limit)")
                        continue
                    think_ms = (time.monotonic() - shown_at) * 1000 if timed else None
                    turn = run.take(reply, think_ms=think_ms)  # durable before the feedback shows
                    talk(_turn_note(turn))
                    talk(f"{persona}: {turn.response}")
                    shown_at = time.monotonic()
                    if session.finished:
                        break
            except KeyboardInterrupt:
                sys.stderr.write(f"\nstopped: the session is kept as interrupted; continue it with "
                                 f"rehearse {scenario.id} --resume\n")
                return 130
            session_id = run.session_id
            if session.finished:
                result = run.end().result
            else:
                result = run.result()  # an unfinished session stays interrupted, to resume later
        finally:
            store.database.close()
    if args.json:
        data = result.to_dict()
        data["trainee"] = trainee
        data["seed"] = session.seed
        data["session_id"] = session_id
        stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        talk(f"\nOutcome: {result.outcome}" + (f" ({result.ending.replace('_', ' ')})" if result.ending else "") +
             f"   Score: {result.score.total}/100")
        for line in result.score.lines:
            talk(f"  {line.points:+4d}  {line.text}")
        if not session.finished:
            talk(f"\n(The session is kept as interrupted. Continue it with: "
                 f"python main.py rehearse {scenario.id} --resume)")
    return 0


def cmd_history(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Recorded sessions, newest first: a table, or JSON with every turn."""
    store = _open_store(args)
    try:
        items = store.history(args.trainee, args.scenario, args.limit, with_turns=args.json)
        where = store.database.where
    finally:
        store.database.close()
    if args.json:
        stdout.write(json_for_terminal(items, indent=2) + "\n")
        return 0
    if not items:
        stdout.write(f"no sessions recorded yet in {for_terminal(where)}\n")
        return 0
    for item in items:
        score = "-" if item["score"] is None else str(item["score"])
        stdout.write(f"{item['id']:>6}  {_local_time(item['started'])}  {for_terminal(item['trainee'][:18]):18} "
                     f"{for_terminal(item['scenario'][:28]):28} {item['status']:11} "
                     f"{for_terminal(item['outcome'] or '-'):10} "
                     f"{score:>3}  {item['turn_count']} {'reply' if item['turn_count'] == 1 else 'replies'}\n")
    return 0


def cmd_prep(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """A one-page prep card from the scenario and the trainee's recorded attempts at it."""
    from .prep import gather_prep_card, recorded_attempts, write_prep_card

    library = _library(args)
    if args.scenario_id not in library.scenarios:
        sys.stderr.write(f"error: no scenario {args.scenario_id!r} (see: python main.py scenarios)\n")
        return 1
    scenario = library.get(args.scenario_id)
    trainee = args.trainee.strip() or _default_trainee()
    store = _open_store(args)
    try:
        sessions = recorded_attempts(store, scenario.id, trainee)
    finally:
        store.database.close()
    card = gather_prep_card(scenario, sessions, trainee, args.salesperson.strip(), args.topic.strip(),
                            args.pronouns)
    try:
        out = write_prep_card(card, args.out, args.paper)
    except OSError as error:
        return _write_failed(args.out, error)
    stdout.write(f"wrote {for_terminal(out)} ({len(sessions)} recorded attempt{'' if len(sessions) == 1 else 's'} "
                 f"of {for_terminal(trainee)})\n")
    if not sessions:
        others = ", ".join(for_terminal(name) for name in _profiles() if name != trainee)
        sys.stderr.write(f"note: {for_terminal(trainee)} has no finished attempt at {scenario.id}, so the card has "
                         "no measures or traps of yours: rehearse it first"
                         + (f" (other profiles here: {others}; choose one with --trainee)" if others else "") + "\n")
        return 1
    return 0


def _write_failed(path: Path, error: OSError) -> int:
    """One line for an output that could not be written (any earlier file there is unchanged)."""
    reason = error.strerror or error
    sys.stderr.write(f"error: cannot write {for_terminal(path)}: {for_terminal(reason)}\n")
    return 1


def _export_path(out: Path, trainee: str, several: bool) -> Path:
    """FILE itself for one profile; FILE-name.json beside it for each of several."""
    if not several:
        return out
    slug = "-".join("".join(char.lower() if char.isalnum() else " " for char in trainee).split()) or "profile"
    return out.with_name(f"{out.stem}-{slug}{out.suffix or '.json'}")


def cmd_export(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Finished sessions to a file per trainee: the one named, or every profile on this machine.
    A profile with nothing finished writes no file; with nothing to write at all, exit 1."""
    from .exchange import ExchangeError, export_sessions

    trainees = [args.trainee.strip()] if args.trainee.strip() else list(_profiles())
    if not trainees:
        sys.stderr.write("error: no profile on this machine yet (start the app, or rehearse, first; or name "
                         "one with --trainee); nothing was written\n")
        return 1
    written, empty = 0, []
    store = _open_store(args)
    try:
        for trainee in trainees:
            out = _export_path(args.out, trainee, len(trainees) > 1)
            shown = for_terminal(trainee)
            if not any(item["status"] == "finished" for item in store.history(trainee)):
                empty.append(shown)
                continue
            try:
                count = export_sessions(store, trainee, out)
            except OSError as error:
                return _write_failed(out, error)
            except ExchangeError as error:
                for problem in error.problems:
                    sys.stderr.write(f"error: {for_terminal(problem)}\n")
                sys.stderr.write(f"error: nothing was written to {for_terminal(out)}\n")
                return 1
            written += 1
            stdout.write(f"wrote {for_terminal(out)}: {count} finished session{'' if count == 1 else 's'} of {shown}\n")
    finally:
        store.database.close()
    if empty:
        profiles = ", ".join(for_terminal(name) for name in _profiles())
        sys.stderr.write(f"{'error' if not written else 'note'}: no finished sessions of {', '.join(empty)} here, "
                         f"so no file was written for {'them' if len(empty) > 1 else 'that name'}"
                         + (f" (profiles on this machine: {profiles})" if profiles else "") + "\n")
    return 0 if written else 1


def cmd_import(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .exchange import ExchangeError, import_files

    store = _open_store(args)
    try:
        summary = import_files(store, args.files, args.cohort, args.date)
    except ExchangeError as error:
        for problem in error.problems:
            sys.stderr.write(f"error: {for_terminal(problem)}\n")
        return 1
    finally:
        store.database.close()
    stdout.write(f"cohort {for_terminal(args.cohort.strip())}:\n{for_terminal(summary.describe(), keep_newlines=True)}\n")
    return 0


def cmd_report(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .exchange import cohort_report, find_cohort, scenario_results, write_report_csv, write_report_pdf

    suffix = args.out.suffix.lower()
    if suffix not in {".csv", ".pdf"}:
        sys.stderr.write(f"error: {for_terminal(args.out)}: the report is written as .csv or .pdf, "
                         f"not {for_terminal(suffix) or 'no extension'}\n")
        return 1
    store = _open_store(args)
    try:
        cohorts = store.cohorts()
        cohort = find_cohort(cohorts, args.cohort)
        rows = cohort_report(store, cohort["name"]) if cohort else []
        results = scenario_results(store, cohort["name"]) if cohort and suffix == ".pdf" else []
    finally:
        store.database.close()
    if cohort is None:
        known = ", ".join(for_terminal(item["name"]) for item in cohorts)
        sys.stderr.write(f"error: no cohort {for_terminal(repr(args.cohort))} in this database; "
                         + (f"the cohorts here are: {known}\n" if known else "there are no cohorts yet "
                            "(import participants' files first)\n"))
        return 1
    try:
        if suffix == ".csv":
            write_report_csv(rows, args.out)
        else:
            write_report_pdf(rows, cohort["name"], args.out, cohort["date"], results)
    except OSError as error:
        return _write_failed(args.out, error)
    stdout.write(f"wrote {for_terminal(args.out)}: {len(rows)} participant{'' if len(rows) == 1 else 's'}\n")
    return 0


def cmd_listen(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    """Transcribe each file offline, then label it like a typed reply; a bad file is named and skipped."""
    from .classify import classify
    from .listen import AudioUnreadable, ListenUnavailable, read_audio, shared_recogniser

    recogniser = shared_recogniser()
    try:
        recogniser.load()
    except ListenUnavailable as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    failed = 0
    for path in args.files:
        try:
            transcript = recogniser.transcribe(read_audio(path))
        except AudioUnreadable as error:
            failed += 1
            stdout.flush()
            sys.stderr.write(f"error: {error}\n")
            continue
        result = classify(transcript.text, args.context) if transcript.text else None
        row = {"file": str(path), "transcript": transcript.text,
               "label": result.label if result else None, "cue": result.cue if result else "",
               "focus": result.focus if result else None, "speech_seconds": transcript.speech_seconds,
               "words_per_minute": transcript.words_per_minute}
        if args.json:
            stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            pace = f"{row['words_per_minute']:.0f} words a minute" if row["words_per_minute"] else "no pace"
            stdout.write(f"{path}: {transcript.text or '(no speech)'}\n"
                         f"  {row['label'] or '-'} (cue: {row['cue'] or '-'}; focus: {row['focus'] or '-'}); "
                         f"{transcript.speech_seconds:.1f} s of speech, {pace}\n")
        stdout.flush()
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return run(args)
