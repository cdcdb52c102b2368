"""Property-based tests: arbitrary unicode never crashes the classifier, the engine, the scenario
reader or the importers; a rejected import writes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ask_dont_tell.trainer.classify import classify
from ask_dont_tell.trainer.engine import ReplyRefused, Session
from ask_dont_tell.trainer.labels import ALL_LABELS
from ask_dont_tell.trainer.scenario import load_library

LIBRARY = load_library()
SCENARIO = LIBRARY.get("blaming-the-leader")
replies = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)


@given(replies)
@example("8\u00bc1/1")  # read by the word counts alone: the sentence carries the words' label too
@settings(max_examples=400, deadline=None)
def test_classifier_always_answers_with_a_label(reply):
    result = classify(reply)
    assert result.label in ALL_LABELS
    assert all(sentence.label in ALL_LABELS for sentence in result.sentences)
    if result.sentences:
        assert result.label in {s.label for s in result.sentences}
    assert classify(reply) == result  # deterministic


@given(st.sampled_from(sorted(LIBRARY.scenarios)), st.lists(replies, max_size=15),
       st.integers(min_value=0, max_value=2**31))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_engine_takes_any_replies_and_stays_consistent(scenario_id, texts, seed):
    session = Session(LIBRARY.get(scenario_id), seed)
    taken = 0
    for text in texts:
        if session.finished:
            break
        try:
            turn = session.reply(text)
        except ReplyRefused:
            assert not text.strip()
            continue
        taken += 1
        assert turn.label in ALL_LABELS
        assert turn.response
    result = session.result()
    assert len(result.turns) == taken
    assert 0 <= result.score.total <= 100
    assert sum(line.points for line in result.score.lines) == result.score.total


yaml_like = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=600),
    st.lists(st.sampled_from(["id: x", "title: T", "nodes:", "  a:", "    lines: [hi, ho]", "- [", "{", "&a", "*a",
                              "endings: {}", "start: a", "difficulty: 9", ": :", "\t", "'", '"']),
             max_size=20).map("\n".join),
)


@given(yaml_like)
@settings(max_examples=300, deadline=None)
def test_the_scenario_reader_explains_or_accepts_anything(text):
    from ask_dont_tell.trainer.scenario import ScenarioError, parse_scenario_text

    try:
        scenario = parse_scenario_text(text, "any.yaml")
    except ScenarioError as error:
        assert error.problems and all(str(problem).startswith("any.yaml") for problem in error.problems)
    else:
        assert scenario.id


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)


def _export_like(data: dict) -> dict:
    base = {"format": "ask-dont-tell/sessions", "format_version": 1, "app_version": "0.1.0", "trainee": "Ana",
            "sessions": [], "checksum": "0" * 64}
    base.update(data)
    return base


@given(st.one_of(st.binary(max_size=400),
                 json_values.map(lambda value: __import__("json").dumps(value).encode()),
                 st.dictionaries(st.sampled_from(["format", "format_version", "trainee", "sessions", "checksum",
                                                  "app_version", "extra"]), json_values, max_size=6)
                 .map(lambda data: __import__("json").dumps(_export_like(data)).encode())))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_an_import_of_junk_is_rejected_and_writes_nothing(content):
    import tempfile
    from pathlib import Path

    from ask_dont_tell.trainer.exchange import ExchangeError, import_files
    from ask_dont_tell.trainer.storage import SessionStore, open_database

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.json"
        path.write_bytes(content)
        database = open_database(f"sqlite:///{Path(folder) / 'trainer.db'}")
        try:
            store = SessionStore(database)
            try:
                import_files(store, [path], "May")
            except ExchangeError as error:
                assert error.problems and "file.json" in error.problems[0]
            assert store.history(with_turns=False) == [] and store.cohorts() == []
        finally:
            database.close()


entry_names = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40),
    st.sampled_from(["ok.yaml", "drills/d.yaml", "../up.yaml", "/abs.yaml", "a/b/c.yaml", "C:x.yaml",
                     "x.yml", "drills/../../x.yaml", "x.txt"]),
)


@given(st.lists(st.tuples(entry_names, st.binary(max_size=300)), min_size=1, max_size=6))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_pack_of_anything_writes_only_inside_its_folder_or_nothing(entries):
    import tempfile
    import warnings
    import zipfile
    from pathlib import Path

    from ask_dont_tell.trainer.packs import PackError, import_pack

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        pack, target = root / "pack.zip", root / "target"
        target.mkdir()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are part of what is thrown at it
            with zipfile.ZipFile(pack, "w") as archive:
                for name, data in entries:
                    archive.writestr(name, data)
        try:
            written = import_pack(pack, target, LIBRARY)
        except PackError as error:
            assert error.problems
            assert not any(target.rglob("*"))
        else:
            assert all(path.resolve().is_relative_to(target.resolve()) for path in written)
        outside = {p.name for p in root.iterdir()} - {"pack.zip", "target"}
        assert not outside
