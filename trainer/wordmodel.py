"""A word model for the sentences the classifier's rules cannot read.

Most sentences show their label by their form (a question word, an inverted question, an
instruction) or by a cue phrase; those are read by the rules in ``trainer.classify``. A sentence
that shows neither ("your discovery's been half-hearted for months", "you set yourself a plan and
stuck to it") used to get a guess from its shape alone. This model reads such a sentence by its
words instead: a multinomial naive Bayes over words and word pairs, counted from the development
parts of the project's own corpus (never the held-out parts).

Counting is exact and done from the shipped CSV files, so the model is deterministic and needs no
training step; the counts are kept in a file with a fingerprint of what they were counted from, used
only while it matches, so the model cannot drift from its corpus. The cue it
gives is the word or word pair of the sentence that most favours the label it chose.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from .corpus import CORPUS_DIR, DEVELOPMENT_PARTS, FOCUS_HELD_OUT_PARTS, FOCUS_PARTS, HELD_OUT_PARTS, load_corpus, load_focus_corpus
from .labels import ALL_LABELS, FOCI, QUESTIONS, Label

__all__ = ["WordModel", "count_examples", "count_all", "counts_fingerprint", "COUNTS_FILE", "training_examples", "word_model", "reply_examples", "reply_model", "focus_examples", "siding_examples", "SIDES", "DOES_NOT_SIDE", "second_axis_model", "SecondAxisModel", "ReplyWords"]

#: Additive smoothing: small, because a word seen once under a label is real evidence here.
SMOOTHING = 0.1

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*", re.IGNORECASE)
_START = "<start>"
_FUNCTION_WORDS = frozenset(
    "<start> a an the and or but so of to in on at for with from by as about it its this that these those "
    "i im ive id ill me my we weve our you youre youve youd youll your yours he she they them their "
    "is are was were be been being am do does did have has had will would can could should just".split())


class _Feature(NamedTuple):  # a tuple: made for every word of every reply, so made cheaply
    key: str
    begin: int  # span in the sentence, for the cue
    finish: int


def _features(text: str) -> list[_Feature]:
    """Words, adjacent word pairs and the first word; apostrophes dropped ("you're" = "youre")."""
    tokens = [(m.group(0).lower().replace("'", "").replace("’", ""), m.start(), m.end())
              for m in _TOKEN.finditer(text)]
    found = {token: _Feature(token, begin, finish) for token, begin, finish in tokens}
    for (first, begin, _), (second, _, finish) in zip(tokens, tokens[1:]):
        pair = first + " " + second
        if pair not in found:
            found[pair] = _Feature(pair, begin, finish)
    if tokens:
        token, begin, finish = tokens[0]
        start = _START + " " + token
        if start not in found:
            found[start] = _Feature(start, begin, finish)
    return list(found.values())


_PLAIN_WORD = re.compile(r"[a-z0-9]+")


def _plain_words(text: str) -> list[str]:
    """The words of ``text`` as the models count them: lower case, apostrophes dropped ("youre")."""
    return _PLAIN_WORD.findall(text.lower().replace("'", "").replace("’", ""))


def _context_keys(context: str | None) -> list[str]:
    """The words of the salesperson's line, marked as theirs ("ctx:leads")."""
    return list(dict.fromkeys("ctx:" + word for word in _plain_words(context))) if context else []


def _keys(text: str) -> list[str]:
    """The keys of ``_features(text)`` alone, read faster (no spans: those are found only for a cue)."""
    words = _plain_words(text)
    keys = dict.fromkeys(words)
    keys.update(dict.fromkeys(first + " " + second for first, second in zip(words, words[1:])))
    if words:
        keys[_START + " " + words[0]] = None
    return list(keys)


@dataclass(frozen=True)
class ReplyWords:
    """A reply's words and word pairs, and the words of the line it answers, read once."""

    keys: tuple[str, ...]
    context_keys: tuple[str, ...]

    @classmethod
    def of(cls, text: str, context: str | None) -> "ReplyWords":
        return cls(tuple(_keys(text)), tuple(_context_keys(context)))


_QUESTION_WORDS = frozenset("how what why when where who which whose would could should will shall may might must".split())


def _says_something(cue: str) -> bool:
    """Whether a cue has a word of content (not only "how would", "the", "you're")."""
    return any(word not in _FUNCTION_WORDS and word not in _QUESTION_WORDS for word in _plain_words(cue))


def _known_vectors(words: ReplyWords, known: frozenset[str], cached: dict[str, tuple[float, ...]],
                   vector: Callable[[str], tuple[float, ...]]) -> list[tuple[float, ...]]:
    """The weights of a reply's known words, its own first (empty when it has none), then those of
    the line it answers."""
    vectors = [cached.get(key) or vector(key) for key in words.keys if key in known]
    if vectors:
        vectors += [cached.get(key) or vector(key) for key in words.context_keys if key in known]
    return vectors


def count_examples(examples: list[tuple[str, str]] | list[tuple[str, str, str]], classes: tuple[str, ...]
                   ) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """How many examples each class has, and in how many of them each word (or pair) appears."""
    documents = Counter(example[0] for example in examples)
    counts: dict[str, Counter] = {label: Counter() for label in classes}
    for label, text, *context in examples:
        counts[label].update(_keys(text) + _context_keys(context[0] if context else None))
    return dict(documents), {label: dict(counter) for label, counter in counts.items()}


class WordModel:
    """Naive Bayes over the presence of words and word pairs, one class per label (or per ``classes``:
    the focus model counts the five foci, with the words of the salesperson's line as well)."""

    def __init__(self, examples: list[tuple[str, str]] | list[tuple[str, str, str]],
                 classes: tuple[str, ...] = ALL_LABELS):
        self._fit(*count_examples(examples, classes), classes)

    @classmethod
    def from_counts(cls, documents: dict[str, int], counts: dict[str, dict[str, int]],
                    classes: tuple[str, ...]) -> "WordModel":
        """The model of examples already counted (see ``count_examples``)."""
        model = cls.__new__(cls)
        model._fit(documents, counts, classes)
        return model

    def _fit(self, documents: dict[str, int], counts: dict[str, dict[str, int]], classes: tuple[str, ...]) -> None:
        documents = {label: documents.get(label, 0) for label in classes}
        vocabulary = set().union(*counts.values())
        total_documents = sum(documents.values())
        self._prior: dict[str, float] = {}
        self._unseen: dict[str, float] = {}
        self._log_likelihood: dict[str, dict[str, float]] = {}
        for label in classes:
            if not documents[label]:
                continue
            denominator = sum(counts[label].values()) + SMOOTHING * len(vocabulary)
            self._prior[label] = math.log(documents[label] / total_documents)
            self._unseen[label] = math.log(SMOOTHING / denominator)
            self._log_likelihood[label] = {key: math.log((count + SMOOTHING) / denominator)
                                           for key, count in counts[label].items()}
        self._vocabulary = frozenset(vocabulary)
        # The same weights as one tuple per word, in label order, so a sentence is scored in one pass.
        self._labels: tuple[str, ...] = tuple(self._prior)
        self._prior_vector = tuple(self._prior[label] for label in self._labels)
        self._unseen_vector = tuple(self._unseen[label] for label in self._labels)
        self._vectors: dict[str, tuple[float, ...]] = {}  # filled as words are met, so building stays quick

    def _vector(self, key: str) -> tuple[float, ...]:
        vector = self._vectors.get(key)
        if vector is None:
            vector = self._vectors[key] = tuple(self._log_likelihood[label].get(key, self._unseen_vector[i])
                                                for i, label in enumerate(self._labels))
        return vector

    def known_share(self, sentence: str, features: "list[_Feature] | None" = None, keys: "Sequence[str] | None" = None) -> float:
        """The share of the sentence's content words (not function words) this model has seen."""
        keys = keys if keys is not None else [f.key for f in (features or _features(sentence))]
        words = [key for key in keys if " " not in key and key not in _FUNCTION_WORDS]
        return sum(word in self._vocabulary for word in words) / len(words) if words else 0.0

    def read(self, sentence: str, min_known: float = 0.0) -> tuple[Label, str] | None:
        """The most likely label of ``sentence`` and its cue, or None if it has no known word (or
        fewer than ``min_known`` of its content words are known: talk unlike the corpus it counted)."""
        every = _features(sentence)
        features = [f for f in every if f.key in self._vocabulary]
        if not features or (min_known and self.known_share(sentence, every) < min_known):
            return None
        vectors = [self._vector(f.key) for f in features]
        scores = [sum(column) for column in zip(self._prior_vector, *vectors)]
        # ties go to the label earlier in the manual's order
        best_index = max(range(len(scores)), key=lambda i: (scores[i], -ALL_LABELS.index(self._labels[i])))
        return Label(self._labels[best_index]), self._cue(sentence, features, vectors, best_index)

    def weigh(self, text: str, context: str | None, favoured: str, bonus: float,
              words: "ReplyWords | None" = None) -> tuple[str, str] | None:
        """The most likely class of ``text`` said after ``context``, with ``bonus`` (log-odds) added to
        ``favoured``; and, when that is not ``favoured``, the cue from ``text``. None if none of its
        words is known. ``words`` may carry the reply's words already read, to share between models."""
        vectors = _known_vectors(words or ReplyWords.of(text, context), self._vocabulary, self._vectors, self._vector)
        if not vectors:
            return None
        return self._choose([sum(column) for column in zip(self._prior_vector, *vectors)], favoured, bonus, text)

    def _choose(self, scores: list[float], favoured: str, bonus: float, text: str) -> tuple[str, str]:
        """The best class by ``scores`` with ``bonus`` added to ``favoured`` (which also wins ties),
        and the cue from ``text`` when it is not ``favoured``."""
        favoured_index = self._labels.index(favoured)
        scores[favoured_index] += bonus
        best_index = max(range(len(scores)), key=lambda i: (scores[i], i == favoured_index, -i))
        cue = "" if best_index == favoured_index else self._cue_in(text, best_index)
        if not _says_something(cue):
            return favoured, ""  # no word that means anything says otherwise ("how would"): the rules stand
        return self._labels[best_index], cue

    def _cue_in(self, text: str, best_index: int) -> str:
        """The cue for ``best_index`` among the known words of ``text`` (their spans found now)."""
        features = [f for f in _features(text) if f.key in self._vocabulary]
        return self._cue(text, features, [self._vector(f.key) for f in features], best_index)

    def _cue(self, sentence: str, features: list[_Feature], vectors: list[tuple[float, ...]], best_index: int) -> str:
        def evidence(index: int) -> float:
            # how much more this word says "best" than the label that likes it most after best
            vector = vectors[index]
            return vector[best_index] - max(vector[:best_index] + vector[best_index + 1:])

        # the cue is the telling word (or pair) that most favours the label; bare function words
        # ("your", "the") are shown only when nothing else was known
        telling = [i for i, f in enumerate(features) if not set(f.key.split()) <= _FUNCTION_WORDS] or list(range(len(features)))
        cue = features[max(telling, key=lambda i: (evidence(i), -features[i].begin))]
        return sentence[cue.begin:cue.finish]


_lock = threading.Lock()


def training_examples() -> list[tuple[str, str]]:
    """(label, text) of the development parts' one-sentence replies that are not questions.

    One sentence, because a longer reply's label is only its primary one, not each sentence's. Not
    questions, because a question shows itself by its form or its mark, which the rules read: the
    sentences left to this model are statements.
    """
    from .classify import split_sentences  # classify uses this module

    questions = {label.value for label in QUESTIONS}
    return [(e.label, e.reply) for e in _development() if e.label not in questions and len(split_sentences(e.reply)) == 1]


def _development() -> list:
    """The development parts' replies; one written the same way in a held-out part ("I hear you.")
    is left out, so the held-out parts stay unseen."""
    held_out = {e.reply for part in HELD_OUT_PARTS for e in load_corpus(part)}
    return [e for part in DEVELOPMENT_PARTS for e in load_corpus(part) if e.reply not in held_out]


@functools.cache
def _built() -> WordModel:
    return _model("word", training_examples, ALL_LABELS)


def reply_examples() -> list[tuple[str, str]]:
    """(label, reply) of every reply of the development parts, whole (a reply also written in a
    held-out part is left out)."""
    return [(e.label, e.reply) for e in _development()]


@functools.cache
def _built_reply() -> WordModel:
    return _model("reply", reply_examples, ALL_LABELS)


def reply_model() -> WordModel:
    """The nine labels of whole replies by their words, counted from the development parts (built
    once, on first use; thread-safe)."""
    with _lock:
        return _built_reply()


def word_model() -> WordModel:
    """The model counted from the development corpus (built once, on first use; thread-safe)."""
    with _lock:
        return _built()


#: The two classes of the siding model.
SIDES, DOES_NOT_SIDE = "sides", "does_not_side"


def focus_examples() -> list[tuple[str, str, str]]:
    """(focus, reply, salesperson's line) of the focus development parts (a reply also written in a
    held-out focus part is left out)."""
    return [(e.focus, e.reply, e.context) for e in _focus_development()]


def siding_examples() -> list[tuple[str, str, str]]:
    """(SIDES or DOES_NOT_SIDE, reply, salesperson's line) of the focus development parts."""
    return [(SIDES if e.sides_with_blame else DOES_NOT_SIDE, e.reply, e.context) for e in _focus_development()]


def _focus_development() -> list:
    held_out = {e.reply for part in FOCUS_HELD_OUT_PARTS for e in load_focus_corpus(part)}
    return [e for part in FOCUS_PARTS if part not in FOCUS_HELD_OUT_PARTS for e in load_focus_corpus(part)
            if e.reply not in held_out]


@functools.cache
def _built_focus() -> WordModel:
    return _model("focus", focus_examples, FOCI)


@functools.cache
def _built_siding() -> WordModel:
    return _model("siding", siding_examples, (SIDES, DOES_NOT_SIDE))


# --- counts kept between runs ---------------------------------------------------------------------
# Counting means reading every development reply and splitting it into sentences: about a second at
# start-up. The counts are therefore also kept in a file beside the corpus, with a fingerprint of
# everything they were counted from (the corpus files and the code that reads them). They are used
# only while that fingerprint still matches, so they cannot drift from the corpus: after any change
# the models are counted afresh, and ``python tools/count_words.py`` writes the file again.

#: The file of counts; ``MODELS`` names each model with its examples and classes.
COUNTS_FILE = CORPUS_DIR / "word_counts.json"
MODELS: dict[str, tuple[Callable[[], list], tuple[str, ...]]] = {
    "word": (training_examples, ALL_LABELS), "reply": (reply_examples, ALL_LABELS),
    "focus": (focus_examples, FOCI), "siding": (siding_examples, (SIDES, DOES_NOT_SIDE))}


def counts_fingerprint() -> str:
    """A digest of what the counts depend on: every corpus file, the part lists, the code that reads
    and splits the replies, and this module."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in [*sorted(CORPUS_DIR.glob("*.csv")), CORPUS_DIR / "__init__.py", here / "classify" / "text.py", Path(__file__)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def count_all() -> dict:
    """Every model's counts, with their fingerprint: what ``COUNTS_FILE`` holds."""
    return {"fingerprint": counts_fingerprint(),
            "models": {name: dict(zip(("documents", "counts"), count_examples(examples(), classes)))
                       for name, (examples, classes) in MODELS.items()}}


@functools.cache
def _stored_counts() -> dict | None:
    """The kept counts, if the file is there, readable and counted from what is here now."""
    try:
        stored = json.loads(COUNTS_FILE.read_text(encoding="utf-8"))
        if stored.get("fingerprint") == counts_fingerprint():
            return stored["models"]
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    return None


def _model(name: str, examples: Callable[[], list], classes: tuple[str, ...]) -> WordModel:
    stored = (_stored_counts() or {}).get(name)
    if stored:
        return WordModel.from_counts(stored["documents"], stored["counts"], classes)
    return WordModel(examples(), classes)


class SecondAxisModel:
    """The focus and the siding models read together: both are counted from the same replies, so a
    word's weights for both are looked up once."""

    def __init__(self, focus: WordModel, siding: WordModel):
        self.focus, self.siding = focus, siding
        self._split = len(focus._labels)
        self._vectors: dict[str, tuple[float, ...]] = {}

    def _vector(self, key: str) -> tuple[float, ...]:
        vector = self._vectors.get(key)
        if vector is None:
            vector = self._vectors[key] = self.focus._vector(key) + self.siding._vector(key)
        return vector

    def weigh(self, words: ReplyWords, text: str, focus: str, siding: str, bonus: float
              ) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """(focus, cue) and (SIDES or DOES_NOT_SIDE, cue) of a reply, each model's most likely class
        with ``bonus`` (log-odds) added to the rules' reading (``focus``, ``siding``); a cue only where
        the model disagrees. None when no word of the reply is known."""
        vectors = _known_vectors(words, self.focus._vocabulary, self._vectors, self._vector)
        if not vectors:
            return None
        scores = [sum(column) for column in zip(self.focus._prior_vector + self.siding._prior_vector, *vectors)]
        return (self.focus._choose(scores[:self._split], focus, bonus, text),
                self.siding._choose(scores[self._split:], siding, bonus, text))


@functools.cache
def _built_second_axis() -> SecondAxisModel:
    return SecondAxisModel(_built_focus(), _built_siding())


def second_axis_model() -> SecondAxisModel:
    """The focus and siding models together (built once; thread-safe)."""
    with _lock:
        return _built_second_axis()
