"""Reply text as the rules read it: cleaned, with spoken disfluencies taken out, split into sentences.

Every character of the cleaned text keeps the position it came from in the reply, so a cue found
in a cleaned sentence is a span of the reply as typed or transcribed (the chip highlights that
span; nothing is searched for twice).

What is taken out, because it changes nothing of what the reply does:
- non-speech marks of a transcript: "[laughs]", "[inaudible 00:05:59]";
- stutters and restarts: "I-I think", "we-we", "a-and", "so-so maybe", "if you- if you wanted";
- a word broken off and not picked up again: "have-- last time we";
- fillers inside a sentence: "um", "uh", "er", and "you know," / "I mean," / "like," between commas;
- words said twice: "so what what happened".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Sequence

__all__ = ["Mapped", "clean", "split_sentences", "MAX_CLASSIFIED_CHARS"]

#: Text past this length is not read (a reply is never that long; the cost stays bounded).
MAX_CLASSIFIED_CHARS = 20_000

_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"'}


@dataclass(frozen=True)
class Mapped:
    """Cleaned text and, for each of its characters, the index in the original it came from."""

    text: str
    origin: Sequence[int]

    def span(self, begin: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned ``text[begin:end]``."""
        if not self.origin or end <= begin:
            return (0, 0)
        return (self.origin[begin], self.origin[end - 1] + 1)

    def slice(self, begin: int, end: int) -> "Mapped":
        return Mapped(self.text[begin:end], self.origin[begin:end])


def _substitute(pattern: re.Pattern[str], mapped: Mapped, keep_group: int | None = None,
                by: str | Callable[[re.Match[str]], str] = "") -> Mapped:
    """Replace each match by its group ``keep_group`` (its own characters) or by ``by`` (a text, or
    a function of the match); replaced text maps onto the span it replaced."""
    pieces, origin, last = [], [], 0
    text, source = mapped.text, mapped.origin
    for match in pattern.finditer(text):
        pieces.append(text[last:match.start()])
        origin.extend(source[last:match.start()])
        if keep_group is not None and match.group(keep_group) is not None:
            begin, end = match.span(keep_group)
            pieces.append(text[begin:end])
            origin.extend(source[begin:end])
        elif by:
            text_by = by(match) if callable(by) else by
            pieces.append(text_by)
            first = source[match.start()] if match.start() < len(source) else 0
            last = source[match.end() - 1] if match.end() > match.start() else first
            origin.extend([first] * (len(text_by) - 1) + [last])  # the whole replaced span, end to end
        last = match.end()
    if last == 0 and not pieces:
        return mapped
    pieces.append(text[last:])
    origin.extend(source[last:])
    return Mapped("".join(pieces), origin)


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NON_SPEECH = re.compile(r"\s*\[[^\]\n]{0,60}\]")
# "I-I", "we-we", "you-you're", "a-and", "th-the", "so-so maybe": the first try is dropped
_STUTTER_PART = re.compile(r"\b(\w{1,12})-{1,2}\s?(?=\1)", re.IGNORECASE)
# "if you- if you wanted", "that's-- that's": a phrase of up to three words said again after a break
_RESTART = re.compile(r"\b(\w+(?:'\w+)?(?: \w+(?:'\w+)?){0,2})-{1,2}\s+(?=\1\b)", re.IGNORECASE)
# "have-- last time we": a word broken off and left
_BROKEN_OFF = re.compile(r"\b\w+(?:'\w+)?(?:--|-)(?=\s)|(?:^|(?<=\s))-+(?=\w)")
_FILLER_INSIDE = re.compile(r"(?:(?<=\s)|^)(?:um+|uh+|erm+|er|hmm+|mm+)\b[,.]?\s*", re.IGNORECASE)
# "so you know how did it go", "and I mean what happened": a filler before a question
_FILLER_BEFORE_QUESTION = re.compile(
    r"\b(?:you know|i mean|like)\b,?\s+(?=(?:what|how|why|when|where|who)\s+(?:did|do|does|is|was|are|were|would|could|can|has|have|'s)\b)",
    re.IGNORECASE)
_FILLER_BETWEEN_COMMAS = re.compile(r",\s*(?:you know|i mean|like|sort of|kind of|kinda|basically)\s*,", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")
# Typed shorthand, written out so the rules read it as the words it stands for.
_SHORTHAND = {
    "u": "you", "ya": "you", "r": "are", "wat": "what", "wot": "what", "wht": "what", "hw": "how", "abt": "about",
    "shud": "should", "shld": "should", "cud": "could", "wud": "would", "b4": "before", "tmrw": "tomorrow",
    "tmr": "tomorrow", "wk": "week", "mtg": "meeting", "mtgs": "meetings", "acct": "account", "accts": "accounts",
    "prob": "problem", "thx": "thanks", "pls": "please", "plz": "please", "gd": "good", "w": "with",
    "dont": "don't", "didnt": "didn't", "cant": "can't", "isnt": "isn't", "wasnt": "wasn't", "doesnt": "doesn't",
    "shouldnt": "shouldn't", "wouldnt": "wouldn't", "couldnt": "couldn't", "havent": "haven't", "arent": "aren't",
    "thats": "that's", "whats": "what's", "hows": "how's", "youre": "you're", "youve": "you've",
    "theyre": "they're", "ive": "i've", "im": "i'm", "diff": "different",
    "howd": "how'd", "whatd": "what'd", "whyd": "why'd", "whod": "who'd", "whered": "where'd", "wheres": "where's",
    "whos": "who's", "youll": "you'll", "youd": "you'd", "theyve": "they've", "weve": "we've", "hasnt": "hasn't",
    "hadnt": "hadn't", "werent": "weren't", "wont": "won't", "lets": "let's", "hes": "he's", "theyll": "they'll",
    "itd": "it'd", "itll": "it'll", "uve": "you've", "cld": "could", "wd": "would", "shd": "should", "thru": "through", "urself": "yourself", "ull": "you'll", "shes": "she's",
    "yr": "year", "yrs": "years", "msg": "message", "btw": "by the way", "rn": "right now", "ppl": "people", "bc": "because", "cuz": "because", "coz": "because",
}
_SHORTHAND_WORD = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True))
                             + r")(?![\w'’-])", re.IGNORECASE)
# "ur" is "you're" before a description ("ur a strong closer"), else "your"; "2" is "to" after a verb
_UR = re.compile(r"(?<![\w'’-])ur(?![\w'’-])(?=\s+(a|an|so|not|right|doing|going|being|too|very|really|such|always|never|still|just)\b)?",
                 re.IGNORECASE)
_TWO_AS_TO = re.compile(r"(?<= )2(?= [a-z])", re.IGNORECASE)
_VERB_BEFORE_TO = re.compile(r"\b(?:need|needs|want|wants|have|has|going|got|better|able|try|time|like|love|ought) $", re.IGNORECASE)


def _written_out(match: re.Match[str]) -> str:
    word = match.group(0)
    full = _SHORTHAND[word.lower()]
    return full.capitalize() if word[0].isupper() and word.lower() not in ("u", "r") else full
# transcribed speech repeats itself: "so what what happened", "have you have you tried"
_REPEAT = re.compile(r"\b(\w+(?:'\w+)?(?: \w+(?:'\w+)?)?)(?: \1\b)+", re.IGNORECASE)


_WORDS = re.compile(r"[a-z0-9]+")
_INNER_FILLER_WORDS = frozenset("um umm ummm uh uhh uhhh erm er hmm hmmm mm mmm know mean like sort kind kinda basically".split())
_SHORTHAND_KEYS = frozenset(_SHORTHAND) | {"ur"}


def _said_twice(lowered: str) -> bool:
    """Whether a word, or a pair of words, comes twice in a row."""
    tokens = lowered.split()
    return any(tokens[i] == tokens[i + 1] for i in range(len(tokens) - 1)) or any(
        tokens[i:i + 2] == tokens[i + 2:i + 4] for i in range(len(tokens) - 3))


def clean(text: str) -> Mapped:
    """Normalise unicode, drop control characters, take out disfluencies, fold whitespace."""
    text = text[:MAX_CLASSIFIED_CHARS]
    if text.isascii():  # the usual case: nothing to normalise, every character stays where it is
        mapped = Mapped(_ASCII_CONTROL.sub(" ", text), range(len(text)))
    else:
        chars, origin = [], []
        for index, ch in enumerate(text):
            for out in unicodedata.normalize("NFKC", ch):
                if unicodedata.category(out)[0] == "C" and out not in "\n\t":
                    out = " "
                chars.append(_QUOTES.get(out, out))
                origin.append(index)
        mapped = Mapped("".join(chars), origin)
    # Each pass runs only when a cheap look at the words says it may find something.
    words = set(_WORDS.findall(mapped.text.lower()))
    if "[" in mapped.text:
        mapped = _substitute(_NON_SPEECH, mapped)
    if "-" in mapped.text:
        mapped = _substitute(_RESTART, mapped)
        mapped = _substitute(_STUTTER_PART, mapped)
        mapped = _substitute(_BROKEN_OFF, mapped)
    if words & _INNER_FILLER_WORDS:
        mapped = _substitute(_FILLER_BETWEEN_COMMAS, mapped, by=",")
        mapped = _substitute(_FILLER_BEFORE_QUESTION, mapped)
        mapped = _substitute(_FILLER_INSIDE, mapped)
    if "  " in mapped.text or "\t" in mapped.text:
        mapped = _substitute(_SPACES, mapped, by=" ")
    if words & _SHORTHAND_KEYS:
        mapped = _substitute(_SHORTHAND_WORD, mapped, by=_written_out)
        mapped = _substitute(_UR, mapped, by=lambda m: "you're" if m.group(1) else "your")
    if "2" in words:
        mapped = _substitute(_TWO_AS_TO, mapped, by=lambda m: "to" if _VERB_BEFORE_TO.search(m.string, 0, m.start()) else "2")
    if _said_twice(mapped.text.lower()):
        mapped = _substitute(_REPEAT, mapped, keep_group=1)
    return _strip(mapped, " \t")


def _strip(mapped: Mapped, chars: str) -> Mapped:
    text = mapped.text
    begin, end = 0, len(text)
    while begin < end and text[begin] in chars:
        begin += 1
    while end > begin and text[end - 1] in chars:
        end -= 1
    return mapped.slice(begin, end)


# "Dr. Brown", "e.g. the renewal": a title or an abbreviation does not end the sentence
# (the end mark is looked for first: most places have none, so the titles are rarely checked)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])(?<!\b[MD]r\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)[\"'”’)\]]*\s+|\n+|(?<=\?)(?=\S)|\s*;\s*|\s+[-–—]{1,2}\s+|(?<=[a-z]):\s+")
_WORD = re.compile(r"[A-Za-z0-9']+")


def split_mapped(text: str) -> list[Mapped]:
    """The reply's sentences (by punctuation and line breaks), each with its original positions."""
    mapped = clean(text)
    sentences, last = [], 0
    for match in [*_SENTENCE_BREAK.finditer(mapped.text), None]:
        end = match.start() if match else len(mapped.text)
        part = _strip(mapped.slice(last, end), " \"'")
        if part.text and _WORD.search(part.text):
            sentences.append(part)
        if match:
            last = match.end()
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split a reply into sentences (by punctuation and line breaks)."""
    return [sentence.text for sentence in split_mapped(text)]
