"""The reply classifier: is this reply asking or telling, where does it point, does it side?

Labels follow ``shared/coding-manual.md``. ``rules`` reads the first axis (the nine labels, per
sentence, with cues); ``focus`` reads the second (``focus`` and ``sides_with_blame``), from the
reply's words, the salesperson's line it answers and, in a scenario, that scenario's own terms.

    classify(reply, context=None, terms=None) -> Classification
    warm_up()  # count the word models ahead of the first reply

Pure and deterministic; safe to call from any thread.
"""

from __future__ import annotations

import dataclasses
import re

from ..labels import QUESTIONS, Label
from ..wordmodel import DOES_NOT_SIDE, SIDES, ReplyWords, reply_model, second_axis_model, word_model
from .focus import FOCI, FocusReading, FocusTerms, content_words, excuses_the_result, read_focus
from .text import split_mapped
from .rules import CONFIDENCE_WORD_MODEL, MAX_CLASSIFIED_CHARS, NOT_SURE_BELOW, Classification, SentenceResult, classify_form, split_sentences

__all__ = ["Classification", "SentenceResult", "classify", "warm_up", "split_sentences", "MAX_CLASSIFIED_CHARS",
           "NOT_SURE_BELOW", "FOCI", "FocusTerms"]


_MOCKS_THE_BLAME = frozenset({"judgment.sarcasm"})
_NEVER_SIDES_BY_WORDS = frozenset({Label.JUDGMENT.value})
#: Rules whose reading denies the blame ("maybe it's not really about the leads"): never siding by words.
_DENIES_THE_BLAME = frozenset({"advice.reframe"})
#: Their feeling named as theirs ("it bugs you that ...", "you feel ..."): a reflection, which the words
#: alone never make siding (agreeing with its cause, in words of the manager's own, is the rules' to see).
_FEELING_NAMED = re.compile(r"^(?:so,? )?(?:you|u)(?:'re| are)? (?:feel|felt)\b|^(?:so,? )?it (?:really |still )?(?:bugs|annoys|frustrates|"
                            r"irritates|bothers|upsets|gets to|eats at|rankles) (?:you|u)\b", re.IGNORECASE)
#: Siding points at a cause outside them or excuses the result: the words alone make a reply siding
#: only when it points there.
_CAUSES = frozenset({"others", "outcome"})
#: How much the rules' reading of focus and siding counts against the word models, in log-odds: a
#: model, counted from the focus development parts, decides only when its words clearly disagree.
FOCUS_RULES_WEIGHT = 2.0
#: How much the rules' label of a statement counts against the words of the whole reply, in log-odds.
REPLY_RULES_WEIGHT = 8.0
#: The words decide between statement acts only in replies this short, most of whose words are known.
WORDS_DECIDE_UP_TO = 30
WORDS_DECIDE_KNOWN_SHARE = 0.8
_STATEMENTS = frozenset(label.value for label in Label if label not in QUESTIONS)
#: The rules' general readings of a statement, which the words may overrule (named rules, frames,
#: restatements and siding stand).
_GENERIC_READINGS = ("statement.judgment", "statement.advice", "statement.affirmation", "statement.reflection",
                     "statement.other", "statement.fallback.", "wordmodel.")
_SIDING_MISREAD = {Label.JUDGMENT.value, Label.ADVICE.value}
#: Agreement read as praise ("spot on, marketing can't..."): with siding, it agrees with their blame.
_AGREEING_CUE = re.compile(r"^(?:fair play|spot on|exactly|too right|fair enough|true|so true)$", re.IGNORECASE)
#: Their blame said back as the manager's own verdict ("yeah leadership really messed that up") agrees
#: with it; a reflection would name it as theirs.
_SAID_BACK_AS_ONES_OWN = frozenset({"context.restates", "context.echoes"})
_AIMED_AT_YOU = re.compile(r"\b(?:what (?:were|was) (?:you|u) (?:thinking|playing at|doing)|how (?:could|can|do|did) (?:you|u)(?! feel| think)|you should|you need|you must(?! be| have been| feel)|you have to|you ought|you could(?!'ve| have)|try|why don't you|you messed|you never|you always|"
                           r"(?<!not )your fault|your [\w-]+ (?:is|are|was|were) too|that's the problem|because you|you(?:'ll|'d| will| would)? (?:want|need) to|otherwise|(?:that's|it's|that is|it is) on you)\b", re.IGNORECASE)


def _weighed(reading: FocusReading, words: ReplyWords, reply: str, label: str,
             terms: FocusTerms | None, rule: str = "", cue: str = "") -> FocusReading:
    """The rules' reading of focus and siding, weighed against the word models counted from the focus
    development parts: where the words of the whole reply, and of the line it answers, clearly
    disagree, they decide (with the word that most says so as the cue). Some readings stand as the
    rules made them: a focus the scenario's own terms decided, small talk the rules recognised (the
    weekend, lunch), and a judgment, which the words alone never turn into siding (a verdict on them
    is not agreement); nor do they make siding of a reply that points at their own part or feeling, or
    of a bare "yeah" or "ok" (no word of its own, only the line it answers)."""
    weighed = second_axis_model().weigh(words, reply, reading.focus, SIDES if reading.sides_with_blame else DOES_NOT_SIDE,
                                        FOCUS_RULES_WEIGHT)
    if weighed is None:
        return reading
    (focus, focus_cue), (siding, siding_cue) = weighed
    sides = siding == SIDES
    if focus != reading.focus and not (terms and terms.mentions(reading.focus_cue)) and not (
            reading.focus == "none" and reading.focus_cue):
        reading = dataclasses.replace(reading, focus=focus, focus_cue=focus_cue)
    if sides != reading.sides_with_blame and not (sides and (label in _NEVER_SIDES_BY_WORDS or rule in _DENIES_THE_BLAME or (rule == "frame.reflection" and _FEELING_NAMED.match(cue))
                                                              or reading.focus not in _CAUSES
                                                              or not content_words(reply))) \
            and not (reading.sides_with_blame and excuses_the_result(reading.siding_cue)):
        reading = dataclasses.replace(reading, sides_with_blame=sides, siding_cue=siding_cue if sides else "")
    return reading


def _statement_by_words(words: ReplyWords, reply: str, label: str, rule: str) -> tuple[str, str] | None:
    """Another statement act (advice, takeover, reflection, affirmation, judgment, other) than
    ``label`` when the words of the whole reply clearly say so, with its cue; else None. Only for
    statements the rules read as statements (whether it asks is the rules' to say) by a general
    reading (a praising or faulting word, the shape of a statement, a guess), never over a named rule
    or a reflection's frame; only for replies
    of up to ``WORDS_DECIDE_UP_TO`` words most of whose words the model knows (talk unlike the corpus
    it was counted from is left to the rules)."""
    if label not in _STATEMENTS or len(reply.split()) > WORDS_DECIDE_UP_TO or not rule.startswith(_GENERIC_READINGS):
        return None
    model = reply_model()
    if model.known_share(reply, keys=words.keys) < WORDS_DECIDE_KNOWN_SHARE:
        return None
    weighed = model.weigh(reply, None, label, REPLY_RULES_WEIGHT, words)
    if weighed is None or weighed[0] == label or weighed[0] not in _STATEMENTS:
        return None
    return weighed


def _in_one_sentence(reply: str, span: tuple[int, int], cue: str) -> bool:
    """Whether the words that decided the label and the words that side are in the same sentence:
    "happens all the time. Find the replacement on LinkedIn" sides and then advises, and the advice
    stands as advice. The sentences are taken where they stand in the reply as typed ("thats not on
    from jess. might be worth ..."), not as cleaned."""
    siding_at = reply.lower().find(cue.lower()) if cue else -1
    if siding_at < 0 or span == (0, 0):
        return True
    bounds = [sentence.span(0, len(sentence.text)) for sentence in split_mapped(reply)]
    if len(bounds) < 2:
        return True
    return next((i for i, (b, e) in enumerate(bounds) if b <= span[0] < e), -1) == next(
        (i for i, (b, e) in enumerate(bounds) if b <= siding_at < e), -2)


def warm_up() -> None:
    """Count the word models now (they are otherwise counted at the first reply that needs them)."""
    word_model()
    reply_model()
    second_axis_model()


def classify(reply: str, context: str | None = None, terms: FocusTerms | None = None) -> Classification:
    """Label a manager's reply and read its focus and siding.

    ``context`` is the salesperson's line the reply answers; ``terms`` the scenario's blame
    targets, controllables and outcomes.
    """
    form = classify_form(reply, context)
    texts = [s.text for s in form.sentences]
    deciding = next((i for i, s in enumerate(form.sentences) if s.label == form.label), None)
    reading = read_focus(texts, deciding, context, terms, [s.label for s in form.sentences])
    label, cue, rule, span, confidence = form.label, form.cue, form.rule, form.span, form.confidence
    if reading.sides_with_blame and rule in _MOCKS_THE_BLAME:
        # "funny how the leads are only useless in the months you miss": their blame, mocked
        reading = dataclasses.replace(reading, sides_with_blame=False, siding_cue="")
    # Siding is not judgment or advice: the salesperson feels agreed with, not accused or told. Such a
    # reading becomes "other" once the words have had their say on the siding itself.
    read_as_verdict = reading.sides_with_blame and (
        label in _SIDING_MISREAD or _AGREEING_CUE.match(cue) or rule in _SAID_BACK_AS_ONES_OWN) and not _AIMED_AT_YOU.search(reply) \
        and (label != Label.ADVICE.value or _in_one_sentence(reply, span, reading.siding_cue))
    words = ReplyWords.of(reply, context) if texts else None  # read once, for every word model
    by_words = _statement_by_words(words, reply, label, rule) if words and not read_as_verdict else None
    if by_words and by_words[0] == Label.JUDGMENT.value and reading.sides_with_blame:
        by_words = None  # agreeing with their blame is no verdict on them, whatever its words
    if by_words:
        # the words of the whole reply say another act than the rules read: a reading no rule
        # supports, so it is "not sure" (no hard reaction, a mild penalty at most)
        label, cue = by_words
        rule, confidence = f"words.{label}", CONFIDENCE_WORD_MODEL
        begin = reply.find(cue)
        span = (begin, begin + len(cue)) if begin >= 0 else (0, 0)
        if deciding is not None:
            # the sentence that decided says so too, so the reply's label is always one of its sentences'
            sentences = list(form.sentences)
            sentences[deciding] = SentenceResult(sentences[deciding].text, label, cue, rule, span, confidence)
            form = dataclasses.replace(form, sentences=tuple(sentences))
    if words and rule not in _MOCKS_THE_BLAME:
        # the label stays with the rules' reading; focus and siding are weighed against the words
        reading = _weighed(reading, words, reply, label, terms, rule, cue)
    if read_as_verdict and reading.sides_with_blame:
        label, cue, rule = Label.OTHER.value, reading.siding_cue, "siding.other"
        begin = reply.lower().find(cue.lower())
        span = (begin, begin + len(cue)) if begin >= 0 else (0, 0)
    return dataclasses.replace(form, label=label, cue=cue, rule=rule, span=span, confidence=confidence, focus=reading.focus,
                               focus_cue=reading.focus_cue, sides_with_blame=reading.sides_with_blame,
                               siding_cue=reading.siding_cue)
