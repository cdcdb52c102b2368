"""The reply classifier: is this reply asking or telling, where does it point, does it side?

Labels follow ``shared/coding-manual.md``. ``rules`` reads the first axis (the nine labels, per
sentence, with cues); ``focus`` reads the second (``focus`` and ``sides_with_blame``), from the
reply's words, the salesperson's line it answers and, in a scenario, that scenario's own terms.

    classify(reply, context=None, terms=None) -> Classification

Pure and deterministic; safe to call from any thread.
"""

from __future__ import annotations

import dataclasses
import re

from ..labels import Label
from ..wordmodel import ReplyWords, second_axis_model
from .focus import FOCI, FocusReading, FocusTerms, read_focus
from .rules import MAX_CLASSIFIED_CHARS, NOT_SURE_BELOW, Classification, SentenceResult, classify_form, split_sentences

__all__ = ["Classification", "SentenceResult", "classify", "split_sentences", "MAX_CLASSIFIED_CHARS",
           "NOT_SURE_BELOW", "FOCI", "FocusTerms"]


_MOCKS_THE_BLAME = frozenset({"judgment.sarcasm"})
_NEVER_SIDES_BY_WORDS = frozenset({Label.JUDGMENT.value})
#: How much the rules' reading of focus and siding counts against the word models, in log-odds: a
#: model, counted from the focus development parts, decides only when its words clearly disagree.
FOCUS_RULES_WEIGHT = 2.0
_SIDING_MISREAD = {Label.JUDGMENT.value, Label.ADVICE.value}
_AIMED_AT_YOU = re.compile(r"\b(?:you should|you need|you must|you have to|you ought|you could(?!'ve| have)|try|why don't you|you messed|you never|you always|"
                           r"(?<!not )your fault|your [\w-]+ (?:is|are|was|were) too|that's the problem|because you|you(?:'ll|'d| will| would)? (?:want|need) to|otherwise|(?:that's|it's|that is|it is) on you)\b", re.IGNORECASE)


def _weighed(reading: FocusReading, reply: str, context: str | None, label: str,
             terms: FocusTerms | None) -> FocusReading:
    """The rules' reading of focus and siding, weighed against the word models counted from the focus
    development parts: where the words of the whole reply, and of the line it answers, clearly
    disagree, they decide (with the word that most says so as the cue). Some readings stand as the
    rules made them: a focus the scenario's own terms decided, small talk the rules recognised (the
    weekend, lunch), and a judgment, which the words alone never turn into siding (a verdict on them
    is not agreement)."""
    weighed = second_axis_model().weigh(ReplyWords.of(reply, context), reply, reading.focus, reading.sides_with_blame,
                                        FOCUS_RULES_WEIGHT)
    if weighed is None:
        return reading
    (focus, focus_cue), (sides, siding_cue) = weighed
    if focus != reading.focus and not (terms and _is_term(terms, reading.focus_cue)) and not (
            reading.focus == "none" and reading.focus_cue):
        reading = dataclasses.replace(reading, focus=focus, focus_cue=focus_cue)
    if sides != reading.sides_with_blame and not (sides and label in _NEVER_SIDES_BY_WORDS):
        reading = dataclasses.replace(reading, sides_with_blame=sides, siding_cue=siding_cue if sides else "")
    return reading


def _is_term(terms: FocusTerms, cue: str) -> bool:
    low = cue.lower()
    return any((pattern := terms.pattern(kind)) is not None and pattern.search(low)
               for kind in ("blames", "controls", "outcomes"))


def classify(reply: str, context: str | None = None, terms: FocusTerms | None = None) -> Classification:
    """Label a manager's reply and read its focus and siding.

    ``context`` is the salesperson's line the reply answers; ``terms`` the scenario's blame
    targets, controllables and outcomes.
    """
    form = classify_form(reply, context)
    texts = [s.text for s in form.sentences]
    deciding = next((i for i, s in enumerate(form.sentences) if s.label == form.label), None)
    reading = read_focus(texts, deciding, context, terms, [s.label for s in form.sentences])
    label, cue, rule, span = form.label, form.cue, form.rule, form.span
    if reading.sides_with_blame and rule in _MOCKS_THE_BLAME:
        # "funny how the leads are only useless in the months you miss": their blame, mocked
        reading = dataclasses.replace(reading, sides_with_blame=False, siding_cue="")
    if reading.sides_with_blame and label in _SIDING_MISREAD and not _AIMED_AT_YOU.search(reply):
        # Siding is not judgment or advice: the salesperson feels agreed with, not accused or told.
        label, cue, rule = Label.OTHER.value, reading.siding_cue, "siding.other"
        begin = reply.lower().find(cue.lower())
        span = (begin, begin + len(cue)) if begin >= 0 else (0, 0)
    if texts and rule not in _MOCKS_THE_BLAME:
        # the label stays with the rules' reading; focus and siding are weighed against the words
        reading = _weighed(reading, reply, context, label, terms)
    return dataclasses.replace(form, label=label, cue=cue, rule=rule, span=span, focus=reading.focus,
                               focus_cue=reading.focus_cue, sides_with_blame=reading.sides_with_blame,
                               siding_cue=reading.siding_cue)
