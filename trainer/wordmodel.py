"""A word model for the sentences the classifier's rules cannot read.

Most sentences show their label by their form (a question word, an inverted question, an
instruction) or by a cue phrase; those are read by the rules in ``trainer.classify``. A sentence
that shows neither ("your discovery's been half-hearted for months", "you set yourself a plan and
stuck to it") used to get a guess from its shape alone. This model reads such a sentence by its
words instead: a multinomial naive Bayes over words and word pairs, counted from the development
parts of the project's own corpus (never the held-out parts).

Counting is exact and done once, on first use, from the shipped CSV files, so the model is
deterministic, needs no training step or weight file, and cannot drift from its corpus. The cue it
gives is the word or word pair of the sentence that most favours the label it chose.
"""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass

from .corpus import DEVELOPMENT_PARTS, HELD_OUT_PARTS, load_corpus
from .labels import ALL_LABELS, QUESTIONS, Label

__all__ = ["WordModel", "training_examples", "word_model"]

#: Additive smoothing: small, because a word seen once under a label is real evidence here.
SMOOTHING = 0.1

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*", re.IGNORECASE)
_START = "<start>"
_FUNCTION_WORDS = frozenset(
    "<start> a an the and or but so of to in on at for with from by as about it its this that these those "
    "i im ive id ill me my we weve our you youre youve youd youll your yours he she they them their "
    "is are was were be been being am do does did have has had will would can could should just".split())


@dataclass(frozen=True)
class _Feature:
    key: str
    begin: int  # span in the sentence, for the cue
    finish: int


def _features(text: str) -> list[_Feature]:
    """Words, adjacent word pairs and the first word; apostrophes dropped ("you're" = "youre")."""
    tokens = [(m.group(0).lower().replace("'", "").replace("’", ""), m.start(), m.end())
              for m in _TOKEN.finditer(text)]
    found = {token: _Feature(token, begin, finish) for token, begin, finish in tokens}
    for (first, begin, _), (second, _, finish) in zip(tokens, tokens[1:]):
        found.setdefault(f"{first} {second}", _Feature(f"{first} {second}", begin, finish))
    if tokens:
        token, begin, finish = tokens[0]
        found.setdefault(f"{_START} {token}", _Feature(f"{_START} {token}", begin, finish))
    return list(found.values())


class WordModel:
    """Naive Bayes over the presence of words and word pairs, one class per label."""

    def __init__(self, examples: list[tuple[str, str]]):
        documents = Counter(label for label, _ in examples)
        counts = {label: Counter() for label in ALL_LABELS}
        for label, text in examples:
            counts[label].update(feature.key for feature in _features(text))
        vocabulary = set().union(*counts.values())
        total_documents = sum(documents.values())
        self._prior: dict[str, float] = {}
        self._unseen: dict[str, float] = {}
        self._log_likelihood: dict[str, dict[str, float]] = {}
        for label in ALL_LABELS:
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

    def known_share(self, sentence: str, features: list[_Feature] | None = None) -> float:
        """The share of the sentence's content words (not function words) this model has seen."""
        words = [f.key for f in (features or _features(sentence)) if " " not in f.key and f.key not in _FUNCTION_WORDS]
        return sum(word in self._vocabulary for word in words) / len(words) if words else 0.0

    def read(self, sentence: str, min_known: float = 0.0) -> tuple[Label, str] | None:
        """The most likely label of ``sentence`` and its cue, or None if it has no known word (or
        fewer than ``min_known`` of its content words are known: talk unlike the corpus it counted)."""
        every = _features(sentence)
        features = [f for f in every if f.key in self._vocabulary]
        if not features or (min_known and self.known_share(sentence, every) < min_known):
            return None
        vectors = [self._vector(f.key) for f in features]
        scores = [prior + sum(vector[i] for vector in vectors) for i, prior in enumerate(self._prior_vector)]
        # ties go to the label earlier in the manual's order
        best_index = max(range(len(scores)), key=lambda i: (scores[i], -ALL_LABELS.index(self._labels[i])))
        rivals = [i for i in range(len(scores)) if i != best_index]

        def evidence(index: int) -> float:
            # how much more this word says "best" than the label that likes it most after best
            vector = vectors[index]
            return vector[best_index] - max(vector[i] for i in rivals)

        # the cue is the telling word (or pair) that most favours the label; bare function words
        # ("your", "the") are shown only when nothing else was known
        telling = [i for i, f in enumerate(features) if not set(f.key.split()) <= _FUNCTION_WORDS] or list(range(len(features)))
        cue = features[max(telling, key=lambda i: (evidence(i), -features[i].begin))]
        return Label(self._labels[best_index]), sentence[cue.begin:cue.finish]


_lock = threading.Lock()


def training_examples() -> list[tuple[str, str]]:
    """(label, text) of the development parts' one-sentence replies that are not questions.

    One sentence, because a longer reply's label is only its primary one, not each sentence's. Not
    questions, because a question shows itself by its form or its mark, which the rules read: the
    sentences left to this model are statements.
    """
    from .classify import split_sentences  # classify uses this module

    questions = {label.value for label in QUESTIONS}
    # a reply written the same way in a held-out part ("I hear you.") is left out, so the held-out
    # parts stay unseen
    held_out = {e.reply for part in HELD_OUT_PARTS for e in load_corpus(part)}
    return [(e.label, e.reply) for part in DEVELOPMENT_PARTS for e in load_corpus(part)
            if e.label not in questions and e.reply not in held_out and len(split_sentences(e.reply)) == 1]


@functools.cache
def _built() -> WordModel:
    return WordModel(training_examples())


def word_model() -> WordModel:
    """The model counted from the development corpus (built once, on first use; thread-safe)."""
    with _lock:
        return _built()
