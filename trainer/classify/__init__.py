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
from .focus import FOCI, FocusTerms, read_focus
from .rules import MAX_CLASSIFIED_CHARS, NOT_SURE_BELOW, Classification, SentenceResult, classify_form, split_sentences

__all__ = ["Classification", "SentenceResult", "classify", "split_sentences", "MAX_CLASSIFIED_CHARS",
           "NOT_SURE_BELOW", "FOCI", "FocusTerms"]


_MOCKS_THE_BLAME = frozenset({"judgment.sarcasm"})
_SIDING_MISREAD = {Label.JUDGMENT.value, Label.ADVICE.value}
_AIMED_AT_YOU = re.compile(r"\b(?:you should|you need|you must|you have to|you ought|you could(?!'ve| have)|try|why don't you|you messed|you never|you always|"
                           r"(?<!not )your fault|your [\w-]+ (?:is|are|was|were) too|that's the problem|because you|you(?:'ll|'d| will| would)? (?:want|need) to|otherwise|(?:that's|it's|that is|it is) on you)\b", re.IGNORECASE)


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
    return dataclasses.replace(form, label=label, cue=cue, rule=rule, span=span, focus=reading.focus,
                               focus_cue=reading.focus_cue, sides_with_blame=reading.sides_with_blame,
                               siding_cue=reading.siding_cue)
