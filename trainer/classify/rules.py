"""The reply classifier: is this reply asking or telling?

Labels follow ``shared/coding-manual.md``. A reply is cleaned and split into sentences
(``text.py``), each sentence into clauses where a new question or instruction starts, and each
clause is read in stages: takeover; the named clause rules (``_NAMED_CLAUSE_RULES``: offers to take
over, suggestions and information asked as questions, rhetorical rebukes, agenda and housekeeping);
then its form (wh-question, yes/no question, request, instruction, statement said with or without a
question mark), statements first through the named statement rules (``_NAMED_STATEMENT_RULES``) and
then cue phrases and fallbacks. Every reading carries the id of the rule that made it
(``stage.label`` or the named rule's id), its cue (the words of the reply that decided it), the
cue's span in the reply, and a confidence. With the salesperson's line, a sentence that says it back
is a reflection. The reply's primary label is the first of its sentence labels in the manual's order.

Everything here is pure and deterministic: compiled patterns at import, no state, safe to call
from any thread. It handles replies as typed or as transcribed from speech (no capitals, no
punctuation, fillers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..labels import Label, primary_of
from . import words as wordlists
from .text import MAX_CLASSIFIED_CHARS, Mapped, split_mapped, split_sentences
from ..wordmodel import word_model

__all__ = ["Classification", "SentenceResult", "classify_form", "split_sentences", "MAX_CLASSIFIED_CHARS",
           "NOT_SURE_BELOW"]

#: A label read with less confidence than this is shown as "not sure" and never triggers a hard
#: reaction from the salesperson.
NOT_SURE_BELOW = 0.5



#: How sure a reading is, by what decided it: a named rule that saw a clear form or cue phrase; a
#: fallback rule that only saw the sentence's shape; the word model (its guesses on real spoken
#: turns are rarely right, so they are shown as "not sure").
CONFIDENCE_RULE = 0.9
CONFIDENCE_FALLBACK = 0.45
CONFIDENCE_WORD_MODEL = 0.3
#: The word model reads a sentence only when it knows most of its content words; talk unlike its
#: corpus (another domain, another register) is left to the fallback rules.
WORD_MODEL_MIN_KNOWN = 0.6


@dataclass(frozen=True)
class SentenceResult:
    """One sentence's label and cue; the rule that decided it; where the cue is in the reply."""

    text: str
    label: str
    cue: str
    rule: str = ""
    span: tuple[int, int] = (0, 0)  # the cue's [begin, end) in the reply as given
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return {"text": self.text, "label": self.label, "cue": self.cue, "rule": self.rule,
                "span": list(self.span), "confidence": round(self.confidence, 2)}


@dataclass(frozen=True)
class Classification:
    """A reply's primary label, the cue that decided it, and the per-sentence results; where it
    points (``focus``) and whether it sides with the salesperson's blame, each with its cue; and
    how sure the reading is."""

    label: str
    cue: str
    sentences: tuple[SentenceResult, ...] = ()
    focus: str = "none"
    focus_cue: str = ""
    sides_with_blame: bool = False
    siding_cue: str = ""
    confidence: float = 1.0
    rule: str = ""  # the id of the rule that decided the label
    span: tuple[int, int] = (0, 0)  # the cue's [begin, end) in the reply as given

    @property
    def not_sure(self) -> bool:
        return self.confidence < NOT_SURE_BELOW

    def to_dict(self) -> dict:
        return {"label": self.label, "cue": self.cue, "confidence": round(self.confidence, 2),
                "not_sure": self.not_sure, "rule": self.rule, "span": list(self.span), "focus": self.focus, "focus_cue": self.focus_cue,
                "sides_with_blame": self.sides_with_blame, "siding_cue": self.siding_cue,
                "sentences": [s.to_dict() for s in self.sentences]}


def _rx(pattern: str) -> re.Pattern[str]:
    # Text is lower-cased once before matching: case-sensitive patterns search much faster.
    return re.compile(pattern)


def _alt(words: str) -> str:
    """'a|b c|d' from a whitespace-and-pipe list, longest first so alternatives don't shadow."""
    items = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(items) + ")"


@dataclass(frozen=True)
class _Found:
    text: str
    begin: int
    finish: int

    def group(self, _index: int = 0) -> str:
        return self.text

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class _Lexicon:
    """Fast whole-word search for a list of words and phrases ('frustrat\\w*' is a prefix).

    A regex alternation of hundreds of words is slow to search; a dictionary of tokens is not.
    """

    _TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*", re.IGNORECASE)

    def __init__(self, words: str):
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        self.prefixes: list[str] = []
        for entry in {w.strip().lower() for w in words.split("|") if w.strip()}:
            if entry.endswith("\\w*") and " " not in entry:
                self.prefixes.append(entry[:-3])
                continue
            parts = tuple(entry.replace("\\", "").split())
            self.phrases.setdefault(parts[0], []).append(parts)
        for options in self.phrases.values():
            options.sort(key=len, reverse=True)
        self.prefixes = tuple(sorted(self.prefixes, key=len, reverse=True))

    def search(self, text: str) -> _Found | None:
        tokens, words = _lexicon_tokens(text)
        for index, (word, begin, _end) in enumerate(tokens):
            for parts in self.phrases.get(word, ()):
                if words[index:index + len(parts)] == parts:
                    finish = tokens[index + len(parts) - 1][2]
                    return _Found(text[begin:finish], begin, finish)
            if self.prefixes and word.startswith(self.prefixes):
                return _Found(text[begin:tokens[index][2]], begin, tokens[index][2])
        return None


@functools.lru_cache(maxsize=1024)
def _lexicon_tokens(text: str) -> tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]:
    """The words of ``text`` with their spans, read once for all the lexicons that search it."""
    tokens = tuple((m.group(0).lower().replace("’", "'"), m.start(), m.end()) for m in _Lexicon._TOKEN.finditer(text))
    return tokens, tuple(t[0] for t in tokens)


# --- vocabulary ---------------------------------------------------------------------------------

APOS = "['’]"
YOU = r"(?:you|u|ya|yous)"
FILLER = _alt(wordlists.FILLER)
_LEADING_FILLER = _rx(rf"^\s*{FILLER}\b[\s,.;:!-]*")
_ALL_FILLER = _rx(rf"^(?:\s*{FILLER}\b[\s,.;:!?-]*)+$")
# words we never strip as fillers when they begin a meaningful phrase
_KEEP_AFTER_STRIP = _rx(r"^(?:i see (?:on|in|from|that|you)\b|so\s+(?:you|it|that)|right\s+now|just\s+\w+|well\s+done|good\s+(?:job|work|effort|call|stuff|thinking|question|point|on you|for you)|great\s+(?:job|work|effort|question|point|stuff|thinking)|thanks\s+for|thank\s+you\s+for|brilliant\s+(?:work|job|effort)|like\s+you)", )

WH_OPEN_START = _alt(wordlists.WH_OPEN_START)
AUX = _alt(wordlists.AUX)
SUBJECT = _alt(wordlists.SUBJECT)
REQUEST_VERB = _alt(wordlists.REQUEST_VERB)
REQUEST_MODAL = rf"(?:can|could|would|will|won't|d'you|do)\s+{YOU}\s+(?:(?:please|maybe|perhaps|possibly|just|quickly|briefly|mind|like to|want to|wanna)\s+)*"

# Instruction verbs that start an imperative clause (the manager telling them what to do).
IMPERATIVE_VERB = _alt(wordlists.IMPERATIVE_VERB)
_IMPERATIVE_EXCEPTIONS = _rx(
    # a noun that could be a verb, as the subject: "price seems to be ...", "pitch was fine", "demo's booked"
    r"^[a-z]+(?:'s)? (?:seems|seemed|is|was|keeps|kept|has|had|looks|looked|sounds|sounded|went|feels|felt)\b|"
    r"^(?:tell me|tell us|take me|take us|give me (?:a sense|an idea|a picture|a feel|the background|"
    r"the story|some background|your take|your view|your thoughts|a minute|a sec|a second|two minutes|"
    r"a moment)|go on|keep going|take a seat|take your time|have a seat|grab a (?:seat|chair|coffee)|"
    r"come in|come on in|sit down|hang on|hold on|give me a (?:sec|second|minute|moment)|bear with|"
    r"excuse|pardon|take your time|let me (?:grab|find|get|check|pull|open|see|look|just|think|make a note|write|dig out|dig up|look up|"
    r"jot|ask|start|share my|load|bring up)|let's (?:start|begin|get started|kick off|dive in|"
    r"crack on|get going|talk|chat|look|think|unpack|explore|dig|go through|take|see|review|recap|"
    r"catch up|have a look|pick up|park|leave|wrap|finish|stop|pause|meet|grab|do this)|"
    r"go back to the (?:moment|point|start|beginning|bit|part|call|meeting)|think back|cast your mind|take me back|"
    r"remind me|just checking|just wondering|just want to|just to check|just so|just a|"
    r"look,|listen,|thanks|thank|sorry|welcome|morning|afternoon|evening|good (?:morning|"
    r"afternoon|evening)|congratulations|congrats|cheers|enjoy|have a good|have a great|"
    r"have a nice|take care|see you|speak soon|talk soon|catch you|mind the|come back to|"
    r"help me understand|help me see|walk me|talk me|run me|fill me|paint me|describe|explain|"
    r"unpack|expand|elaborate|share (?:with me|more|a bit|a little|what|how|why|your thinking)|"
    r"say more|say a bit|say a little|talk to me about|continue|carry on|picture|imagine)\b"
)

FEELING_WORDS = wordlists.FEELING_WORDS
FEELING = _alt(FEELING_WORDS)

# --- takeover ------------------------------------------------------------------------------------

TAKEOVER_VERB = _alt(wordlists.TAKEOVER_VERB)
_TAKEOVER = [
    (_rx(r"\b(?:leave|leaving)\s+(?:[\w'-]+\s+){1,4}?(?:to|with)\s+me\b"), "leave it to me"),
    (_rx(r"\b(?:hand|give|pass|send|forward|bring|bounce|flick)\s+(?:[\w'-]+\s+){1,3}?(?:over\s+|across\s+)?to\s+me\b"), "hand it over to me"),
    (_rx(r"\b(?:i'll|i will|ill|let me|i'm going to|im going to)\s+(?:just\s+)?go (?:back |over |up |straight )?(?:to|and) (?!you\b)(?:leadership|management|the|them|him|her|their|[a-z]+)\b"), "I'll go to them"),
    (_rx(rf"\bi(?:'m| am|m) (?:now |just |officially )?\w+ing\b[^.,;?!]{{0,50}}?\b(?:myself|personally|on your behalf)\b"), "I'm doing it myself"),
    (_rx(r"\b(?:i'll|i will|ill|let me) (?:just )?(?:sit|jump|hop|come) (?:in )?on (?:the|that|this|your|their) (?:call|meeting|demo|pitch)\b[^.?!]{0,30}?\b(?:do|run|lead|handle|take)\b"), "I'll sit on the call and do it"),
    (_rx(r"\b(?:it's|it is|it'd be|it would be|that's)? ?(?:easier|better|quicker|simpler|faster) (?:if i (?:just )?(?:handle|do|take|sort|deal with|run|call|ring)|(?:it )?(?:comes|coming) from me|for me to (?:handle|do|take|sort|deal with|call|ring))\b|"
         r"\bbetter it comes from me\b"), "better coming from me"),
    (_rx(r"\bso (?:that )?(?:you|u) don't (?:have to|need to)\b|\b(?:that's|that is|it's) my (?:job|problem|call|headache) now\b|"
         r"\b(?:that's|that is|it's) my (?:problem|job|headache) to (?:solve|sort|fix|handle)\b"), "so you don't have to"),
    (_rx(r"\b(?:is|'s) (?:not|no longer) (?:your|yours) (?:worry|problem|concern|headache)(?: (?:now|any ?more|from here))?\b"), "not your worry now"),
    (_rx(r"\b(?:i'll|i will|let me) (?:look into|raise|escalate|take up|chase up|sort out) (?:the|their|your|it with|this with|that with)\b|"
         r"\b(?:i'd|i would) (?:rather|prefer to) (?:handle|take|do|deal with|run|call|ring) [\w' ]{1,30}? myself\b|\b(?:part|bit|piece|side) is mine\b"), "I'll look into it"),
    (_rx(r"\b(?:put|get|bring|loop|add|cc|copy) me (?:on|in|into|onto) (?:the|that|this|your|their)(?: next)? (?:call|meeting|thread|email|chain|demo|visit)\b|"
         r"\bon your behalf\b|\b(?:would it help|how about|what if) (?:if )?i (?:just )?(?:rang|called|phoned|emailed|spoke|talked|had a word|went|took|handled|stepped in|jumped in|got involved)\b|"
         r"\b(?:want|like) me to (?:just )?(?:give (?:them|him|her) a (?:call|ring|bell)|call|ring|email|speak to|talk to|have a word)\b[^.?!]{0,40}?\bmyself\b"), "let me step in"),
    (_rx(r"\bi(?:'m| am) (?:now |just |officially )?(?:taking over|taking charge of|taking control of|taking back|handling|owning) (?:the|your|this|that|it|these|those|all)\b"), "I'm taking over"),
    (_rx(r"\b(?:i(?:'ll| will| shall)? be (?:taking over|handling|running|leading|owning|covering|doing) (?:the|your|this|that|it)|(?:assume|take) (?:ownership|charge|control) of (?:the|your|this|that)|i(?:'ll| will) take it from here)\b"), "I'll be taking over"),
    (_rx(r"\b(?<!did you )(?<!did u )(?<!have you )(?<!had you )(?<!when you )(?<!you already )(?:(?:hand|give|pass|forward|send|flick|get)\s+me|gimme)\s+(?:the|that|this|those|their|his|her|all the|your|[a-z]+'s)\s+(?:[\w-]+\s+)?(?:contract|list|account|accounts|deal|email|emails|chain|thread|file|proposal|deck|details|numbers|number|contact|contacts|client|lead|leads|territory|forecast|pricing|quote|spec|brief|paperwork|renewal|objection|problem|issue|login|password|pipeline|opportunities|calendar|diary)s?\b"), "give me the ..."),
    (_rx(r"\b(?:tell|ask|get|have)\s+(?:them|him|her|[a-z]\w+|the \w+)\s+(?:to\s+)?(?:call|ring|phone|email|contact|come to|speak to|talk to|deal with|go through|send it to|escalate to|report to)\s+me\b"), "tell them to call me"),
    (_rx(rf"\b(?:leave|leaving)\s+(?:it|this|that|them|him|her|the \w+|all that|all of that|it all)\s+(?:with|to)\s+me\b"), "leave it with me"),
    (_rx(rf"\b(?:give|hand|pass|send|forward|flick|bring|transfer|bounce|punt|toss|throw|shoot|email|fling|get)\s+(?:it|this|that|them|him|her|the [\w-]+(?: [\w-]+)?|me the [\w'-]+(?: [\w-]+)?|their [\w-]+|his [\w-]+|her [\w-]+|over)\s*(?:over\s*)?(?:to|across to)\s+me\b(?!\s+(?:by|before|first|once|when|for (?:review|a look|a check|sign-off|approval))\b)"), "hand it to me"),
    (_rx(rf"\bgive me\s+(?:the|their|his|her|that|this|your)\s+(?:[\w-]+\s+)?(?:account|accounts|number|numbers|contact|contacts|details|deal|file|email|client|lead|leads|proposal|deck|phone|name|names|case|customer|territory|list|problem|issue|one|prospect)s?\b"), "give me the account"),
    (_rx(rf"\b(?:i{APOS}ll|i will|i\s?ll|ill|i{APOS}m going to|i am going to|i{APOS}m gonna|im gonna|i am gonna|i{APOS}m about to|i can|i could|i{APOS}d be happy to|i{APOS}m happy to|i{APOS}ll happily|happy to|let me|lemme|allow me to|i{APOS}ll just|i{APOS}ll go and|i{APOS}ll personally|i{APOS}ll get on and|i shall|i{APOS}ll quickly|i{APOS}ll have to|i{APOS}ll need to|i need to|i{APOS}d better|i better|i{APOS}ll make sure i|me and \w+ will|i{APOS}ll take it upon myself to|i{APOS}m taking|i{APOS}m stepping|i{APOS}ll step|i{APOS}m jumping|i will personally)\s+(?:just\s+|personally\s+|go and\s+|quickly\s+|myself\s+|then\s+|also\s+|definitely\s+|get on and\s+|ring round and\s+)?{TAKEOVER_VERB}\b"), "I'll handle it"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill|let me|lemme|i{APOS}m going to|im going to|i am going to|i{APOS}m gonna)\b[^.,;?!]{{0,60}}?\b(?:myself|for you|on your behalf|personally)\b"), "I'll do it myself"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill|let me|i{APOS}m going to|im going to)\s+(?:just\s+)?(?:put|pull|get|throw|knock)\s+(?:[\w'-]+\s+){{0,3}}together\b"), "I'll put it together"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill|let me|i{APOS}m going to|im going to)\s+(?:just\s+)?(?:tell|ask|get|have|make)\s+(?!you\b|u\b)[\w'-]+\s+(?:to\b|that\b|he\b|she\b|they\b|hes\b|shes\b|he's\b|she's\b|it's\b)"), "I'll get them to"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill|let me|i{APOS}m going to|im going to)\s+(?:just\s+)?(?:come on|come along to|come along on|sit in on|join) (?:all |the |your |that |this |those |a )?(?:next |first |big )?(?:calls?|meetings?|demos?|visits?|pitch)\b|(?<!let them )(?<!let him )(?<!let her )\bdo the talking\b"), "I'll come on the call"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill|let me|i{APOS}m going to|im going to|i can)\s+(?:just\s+)?(?:pass|give|hand|send|lend|throw) you (?:[\w'-]+ ){{0,3}}(?:of my|my|some of my|a few of my)\b"), "I'll pass you my leads"),
    (_rx(rf"\b(?:i{APOS}ve|i have|i{APOS}d|i already|i just)\s+(?:already\s+|just\s+)?(?:called|rung|phoned|emailed|spoken to|talked to|had a word|sorted|handled|fixed|escalated|booked|sent|rewritten|written|taken care|asked (?!you)|told (?!you)|arranged|organised|organized|set up|raised it|flagged it|reassigned|moved)\b"), "I've already done it"),
    (_rx(rf"\b(?:i{APOS}ll|i will|ill)\s+(?:take|handle|sort|deal with|run|own|cover|manage)\s+(?:it|this|that|them|the \w+|from here|over|care of)"), "I'll take it"),
    (_rx(r"\b(?:leave|let)\s+(?:that|it|this)\s+to\s+me\b|\bthat's\s+(?:on|for)\s+me\s+(?:to sort|now)\b|\bconsider it (?:done|sorted|handled)\b|(?<!check )(?<!sure )(?<!if )\bi've got (?:this|it)\b(?! right| wrong| straight| here)|\bi've got you covered\b|\bi got (?:this|it)\b(?! right| wrong| straight)|\bi'm (?:all over|on) (?:it|this|that)\b|\bi'm on the case\b|\b(?:off|out of) your (?:hands|plate|desk)\b|\bi(?:'ll| will) be on (?:the|that|your|this) (?:call|meeting|demo)\b|\bi'm (?:jumping|hopping|getting) on (?:the|that|your|this|their)\b|\bi'm (?:joining|taking|running|handling|leading|calling|ringing|emailing) (?:the|that|your|this|their)\b|\b(?:find|get|line up|set up) you (?:a|an|some|the) (?:new |couple of |few )?(?:champion|contact|lead|leads|intro|introduction|meeting|deal|client|customer|account|quick wins?)\b|\b(?:pass|hand|give|send) (?:them|it|those|these) (?:to|over to) you\b|\bmy problem now\b|\bnot your problem (?:any ?more|now)\b|\bleave the \w+ to me\b|\b(?:i'll|let me) be the one to\b|\bi'll take the lead\b|\bi'll take (?:the|that|this) (?:meeting|call|account|deal|client|lead)\b"), "I've got this"),
    (_rx(r"\b(?:take|taking)\s+(?:it|that|this|the \w+)\s+off\s+your\s+(?:plate|hands|desk|list)\b|\btake\s+(?:that|it|this)\s+(?:on|over)\s+for\s+you\b|\bdo\s+it\s+for\s+you\b|\bwrite\s+it\s+for\s+you\b|\bfor you\s*[,.]?\s*(?:no problem|don't worry)"), "take it off your plate"),
]
_GENERIC_TAKEOVER = _rx(
    rf"\b(?:i{APOS}ll|i will|i shall|ill|i{APOS}m going to|im going to|i am going to|i{APOS}m gonna|im gonna|let me|lemme)\s+"
    r"(?:just\s+|go and\s+|personally\s+|quickly\s+|also\s+|then\s+|myself\s+|happily\s+|gladly\s+)?([a-z]+)\b"
)
_GENERIC_NOT_TAKEOVER = _rx(
    r"^(?:be|think|see|know|let|try|check|catch|follow|start|stop|pause|come|support|help|back|listen|repeat|"
    r"rephrase|note|jot|grab|open|look|leave|wrap|finish|admit|say|explain|keep|shut|need|want|wait|hold|go|sign|approve|"
    r"understand|hear|guess|bet|park|circle|remember|forget|miss|owe|stay|sit|digest|mull|sleep|promise|trust|"
    r"believe|assume|clarify|confirm|play|recap|summari[sz]e|reflect|buy|treat|book|schedule|organise|"
    r"organize|arrange|cancel|postpone|shift|swap|pop|read|watch|share|find|level|double|ping|put|do|get|make|"
    r"give|tell|ask|send|email|call|ring|text|message|set|pull|write|review|pass|bring|push)$"
)
# verbs that only take over when their object is someone else's work, not "you"
_OBJECT_TAKEOVER = _rx(
    r"\b(?:i'll|i will|ill|i shall|let me|lemme|i'm going to|im going to|i am going to|i'm gonna|im gonna)\s+(?:just\s+|personally\s+|then\s+)?"
    r"(?:make|get|give|tell|ask|send|email|call|ring|text|message|set up|write|review|pass|bring|push|put|do|have|pull|assign|go through|answer)\s+"
    r"(?!you\b|u\b|ya\b|us\b|a (?:think|look|minute|moment|second|sec|go|word with you|chat with you)\b|my best\b|that again\b|it again\b|some thinking\b|time\b|a note\b|some notes\b|notes\b)"
    r"(?:the|your|all|their|his|her|them|him|it|this|that|those|these|every|a|an|some|[a-z]+'s|[a-z]+)\b"
)
_NOT_TAKEOVER = _rx(
    r"\b(?:let me|i'll|i will|i can|i could)\s+(?:just\s+)?(?:know|ask(?= you| a | some| what| how| why| if| whether| about)|check in|check back|listen|dig out|dig up|look up|"
    r"think|see|look|find(?! out)|grab|get (?:a|us|some|the (?:file|notes|numbers|figures|report|deck up))|"
    r"pull up|open|make a note|note|jot|write (?:that|this|it) down|be honest|be clear|be blunt|"
    r"be straight|put it another way|rephrase|understand|recap|summari[sz]e|check (?:i|that i|my)|"
    r"follow up with you|catch up with you|send you|email you|text you|call you|ring you|book (?:us|a|in|time)|"
    r"set up (?:a|some|time|our|another|the next)|share (?:my|a|what)|play back|reflect|"
    r"start|stop|pause|come back|get back to you|support you|help you (?:think|figure|work)|"
    r"be there|back you|have your back|be around|make time|find time|push back|try to understand|stay out of|keep out of|move our|move the (?:sync|meeting|one-to-one|1:1|call)|have a look|take a look)\b"
)

# --- advice --------------------------------------------------------------------------------------

_MODAL_ADVICE = _rx(
    rf"\b(?:{YOU}|ya)(?:\s+|(?=['’]))(?:really\s+|just\s+|definitely\s+|honestly\s+|seriously\s+|absolutely\s+|probably\s+|certainly\s+|also\s+|still\s+|simply\s+|then\s+)*"
    rf"(?:should|shoulda|should've|shouldn't|shouldnt|need to|needa|needs to|have to|gotta|got to|'ve got to|ve got to|'ve gotta|have got to|must|mustn't|ought to|oughta|'d better|d better|had better|better|'d be better|would be better|might want to|may want to|might wanna|want to make sure|wanna make sure|could try|could always|could just|could start|could call|could send|could ask|could use|could look|could put|could give|could offer|could bring|could book|could maybe|could perhaps|could possibly|want to be \w+ing|wanna be \w+ing|can (?:always |also |just )?(?:work on|talk to|call|ask|speak to|try|use|go to|contact|check out|join|ring|email|book|pick up|start|bring)|could probably|could also|might possibly|might also|might just|might try|might consider|can try|can always|can just|can't keep|cannot keep|can't just|can't afford|can't let|will need to|'ll need to|ll need to|'ll want to|ll want to|'ll have to|ll have to|will have to|are going to have to|'re going to have to|re going to have to|'re gonna have to|re gonna have to|gonna have to|need more|need less|need a|need an|need some|needn't|don't need to|do not need to|don't have to|do not have to|shall)\b"
)
_MODAL_ADVICE_EXCEPTIONS = _rx(
    rf"\b{YOU} can always (?:come to|talk to|call|ring|message|grab) me\b|\b{YOU} (?:shouldn't|should not) (?:need|have) (?:me )?to (?:be told|tell|remind|ask)|\b{YOU} (?:don't|do not) need to (?:apologi[sz]e|be sorry|worry)|\b{YOU} should be,|\b{YOU}\s+(?:should|must|need to|ought to)\s+(?:be (?:really |very |so |rightly |justly )?(?:proud|pleased|chuffed|happy)|"
    r"have (?:seen|heard)|know (?:that|i|we)|feel (?:proud|good)|give yourself)"
    # a feeling guessed ("you must be exhausted") names their experience; it tells them nothing
    rf"|\b{YOU}\s+must\s+(?:be|have been|feel|have felt|be feeling)\s+(?:so |really |very |pretty |quite |absolutely |completely |totally |a bit |a little )?(?:{FEELING}|exhausted|gutted|tired|shattered|knackered|fed up|sick of|livid|fuming|hurting|drained|worn out|sick to death)\b"
)
_ADVICE_PHRASES = [
    (_rx(rf"\b(?:i{APOS}d|i would|i{APOS}d probably|i would probably|i{APOS}d definitely|i{APOS}d just|i{APOS}d honestly|id)\s+(?:just\s+|probably\s+|definitely\s+|honestly\s+|personally\s+|actually\s+|really\s+|strongly\s+|seriously\s+|genuinely\s+|also\s+)*(?:suggest|recommend|advise|encourage|urge|invite you to|try|go|call|ring|phone|email|send|ask|book|focus|start|push|offer|stop|use|bring|put|get|drop|cut|lead|take|be (?:careful|wary|firm|more|less|straight|clear|direct|honest with them|upfront)|do|make|pick|set|tell|give|keep|wait|move|write|skip|chase|go back|look|think about|consider|prioriti[sz]e|say|follow|spend|reach|schedule|block|plan|change|switch|escalate|walk|hold|stick|leave|let|lower|raise|frame|position|reframe|reposition|open|close|lean|swap|invest|practise|practice|have)\b"), "I'd ..."),
    (_rx(r"\bi (?:want|need|'d like|would like|expect) (?:you|u) (?:to|on) (?!(?:tell|walk|talk|take|run|think|reflect|describe|explain|share|help|say|imagine|picture|consider|have a think|answer|be honest with me)\b)"), "I want you to"),
    (_rx(r"\bif i (?:were|was) (?:you|u|in your (?:shoes|position|place))\b|\bin your (?:shoes|position|place),? i\b|\bif it were me\b|\bif it was me\b|\bwere i you\b"), "if I were you"),
    (_rx(r"\bmy (?:advice|suggestion|recommendation|tip|two cents|2 cents|view|take|rule|approach|feeling) (?:is|would be|here|for you|'d be|:)|\bmy (?:advice|tip|suggestion|recommendation)\b|\b(?:a|one|quick|top|pro|little|good) tip\b|\bword of advice\b|\bpiece of advice\b|\ba bit of advice\b|\bhere's (?:what|the thing|a thought|an idea|my|a tip|how|the deal|the plan|the trick)\b|\bhere is (?:what|the thing|a thought|an idea|my|a tip)\b"), "my advice"),
    (_rx(r"\bi (?:suggest|recommend|advise|propose|encourage you|urge you|(?:would |'d )?(?:really |strongly )?(?:encourage|urge) you|would suggest|would recommend|would advise|'d suggest|'d recommend|strongly suggest|strongly recommend|really think you|honestly think you|think you should|think you need|think you'd be better|think you ought|reckon you should|reckon you need|believe you should|feel you should|'m asking you to|am asking you to|'m telling you|am telling you|want to see you|'d love you to|'d love to see you|'d rather you|would rather you|insist|wanna see you|want ya to|need ya to)\b"), "I suggest"),
    (_rx(r"\blet(?:'|’)?s\s+(?:have you|get you|make sure|try|call|ring|phone|email|send|book|set|put|offer|push|use|bring|go with|change|switch|drop|cut|focus|plan|schedule|block|start you|aim|target|move|give|write|draft|fix|prepare|prep|practise|practice|role-?play|rehearse|escalate|chase|lower|raise|double|add|loop|bring in|not)\b"), "let's ..."),
    (_rx(r"\b(?:the|your|our|their|biggest|real|main|core|underlying|actual|only|big|quickest|easiest|simplest|best|fastest|obvious)\s+(?:problem|issue|trouble|mistake|reason|cause|weakness|gap|flaw|error|thing|fix|answer|solution|key|trick|secret|lesson|point|takeaway|priority|move|play|way forward|best move|next step|priority)\s+(?:here\s+|there\s+|really\s+|honestly\s+|though\s+|with that\s+|with this\s+)?(?:is|was|'s|are|were|has been|seems to be|sounds like)\b"), "the problem is ..."),
    (_rx(r"\b(?:the|one) (?:key|trick|secret|answer|solution|fix|thing to do) (?:with|for|in|to) [\w' ]{1,30}? (?:is|'s|would be)\b"), "the trick with them is"),
    (_rx(r"\b(?:the|a|one)\s+(?:key|trick|secret|answer|solution|fix|best (?:way|thing|approach|bet|move|option|plan)|smart (?:move|play)|right (?:move|call|approach|thing)|way to (?:do|handle|fix|crack|get|win|close|deal with) (?:it|this|that|them))\s+(?:here\s+|is|'s|would be|will be)\b|\bwhat (?:works|worked|you need|you want|would help|will help|helps|i(?:'d| would) do|i do|i did|i used to do) (?:is|was|here is|best is|for me)\b"), "the key is ..."),
    (_rx(rf"\b(?:that|it|this){APOS}?s?\s*(?:is|was|'s)?\s*(?:probably\s+|clearly\s+|obviously\s+|just\s+|simply\s+|all\s+)?because\s+(?:{YOU}|nobody|no one|they|we|he|she)\b|\b(?:that|this|it)(?:{APOS}s| is| was) (?:why|where|how) {YOU}\b|\b(?:you|u) (?:didn(?:'|’)?t|did not|never|don(?:'|’)?t|do not|failed to|forgot to|haven(?:'|’)?t|have not) (?:\w+ ){{0,3}}(?:so|which is why|that's why|and that's why|hence)\b"), "that's because you ..."),
    (_rx(r"\bin my (?:experience|day|time|days|last job|old job|old team|view|opinion|book)\b|\bwhen i (?:was|started|used to|did|had|sold|ran|worked|first)\b[^.?!]{0,40}?\bi(?:'d| would| always| used to| just)\b|\bthe way i (?:got better|learned|learnt|cracked|did|handled|fixed|sorted)\b|\bback (?:in my|in the) day\b|\bi (?:always|used to|would always|never|once|would(?! (?:like|love|want|be happy|be glad) to)) (?:\w+ ){0,3}(?:call|ring|phone|email|send|ask|book|follow|push|close|sell|chase|offer|go|do|make|have|get|take|bring|tell|start)\b|\bwhat i (?:did|do|used to do|would do|found)\b|\bi(?:'ve| have) (?:always )?found (?:that|it)\b|\bi learned (?:that|the hard way)\b"), "in my experience"),
    # the same happened to the manager, and what they did about it: "I had the same, so I just ..."
    # (without what they did, it is their own story: "ha, I had the same leads last year")
    (_rx(r"\b(?:i had (?:a|the) (?:same|similar)|same thing happened to me|(?:when )?that happened to me|happened to me (?:once|too|as well|years ago))\b"
         r"(?=[^?]*\b(?:what (?:i|worked|helped)|i (?:just|always|then|ended up|started|tried|called|rang|went|did|used to|would|'d|fixed|sorted|learned|learnt)|helped|worked for me|the trick|so i)\b)"), "in my experience"),
    (_rx(r"^(?:(?:oh|and|also|btw),? )?(?:(?:just )?a heads[- ]up|heads[- ]up|for what it's worth|bear in mind|worth knowing)\b|"
         r"\b(?:research|studies|data|the numbers|stats|statistics|evidence|surveys?)\s+(?:shows?|says?|suggests?|tells? us|proves?|is clear)\b|\b(?:buyers|customers|clients|prospects|people|most reps|good reps|top reps|the best reps|successful reps|reps|salespeople|managers|procurement|decision makers|most people|most buyers|most clients|most customers|everyone|nobody|no one)\s+(?:usually|always|typically|tend to|often|generally|rarely|never|normally|don't|won't|will|want|need|expect|hate|love|respond|buy|go quiet|ghost)\b|\b(?:it's|it is|that's|that is)\s+(?:normal|common|typical|standard|natural|usual|perfectly normal|very common)\s+(?:for|to|in|when)\b|\b(?:generally|typically|statistically|on average|as a rule|the rule of thumb|rule of thumb|as a general rule)\b|\bthe (?:new|latest|updated) (?:pricing|policy|process|rule|target|comp|commission|plan|product|price list|system|crm)\b|\bthere(?:'s| is| are) (?:a|an|some) (?:training|course|workshop|module|template|playbook|guide|webinar|session|tool|script|checklist)\b|\bthat(?:'s| is) (?:just )?(?:how|what) (?:it works|you do it|good reps|top reps|the best|we do it|sales works)\b|\bit(?:'s| is| would be| might be| could be| may be) (?:worth|a good idea|best|better|wise|smart|sensible|important|essential|vital|key|crucial|time) (?:to(?! you\b)|if|that|for you)\b|\b(?:worth a (?:try|shot|go|look)|worth trying|worth a punt)\b|\bthe sooner you\b|\bthe more you\b|\bno point (?:in )?(?:calling|chasing|waiting|worrying|sending|trying)\b|\bthere's no (?:point|need|use|sense) (?:in )?\w+ing\b|\bonly (?:way|option|thing)\b|\bthe (?:best|fastest|quickest|easiest|right|smart) (?:way|thing|approach|bet) (?:is|would be|to)\b|\bthe answer(?:'?s| is) (?:simple|easy|obvious|clear)\b|\b(?:youd|you'd) better\b|\b(?:youve|you've) got to\b|\byou gotta\b|\b(?:it )?(?:may|might|would|could) be (?:prudent|wise|sensible|smart|advisable|a good idea|an idea|a thought|best|better) to\b|^the thing (?:about|with) [\w' ]{1,40}? is\b|^the (?:way|trick|key) to [\w' ]{1,40}? is (?:to|by)\b|(?<!for what )\bit(?:'s| is| would be| might be| could be| may be| will be) (?:well |definitely |probably |really )?worth\b(?! a lot| something| so much| more| every| the effort| it\b)|\byour (?:[\w-]+ ){1,3}?needs? (?:to|more|work|attention|a)\b|\bthe reason (?:it|they|you|this|that|he|she|we) \w+ (?:is|was)\b|^(?:[\w-]+ ){0,3}(?!(?:was|is|has|does|this|his|its|yes|us|thus|as)\b)[\w-]+s (?:basically |pretty much |almost |nearly )?(?:always|never|usually|typically|tend to|rarely|generally)\b|\b(?:it's|it is|it was) (?:recommended|advisable|best practice|policy|standard practice|company policy)\b|\b(?:guidelines|best practice|the policy|the rule|the rules) (?:say|says|is|are|state)\b|\b(?:works?|worked|work) (?:best|better)\b|\b(?:best|better) if you\b|^(?:one|another|the other|a (?:good|great|common|useful)) (?:option|idea|approach|way|thing|choice|alternative|possibility|route) (?:is|would be|could be|might be)\b|\b(?:some|many|most|a lot of|lots of) (?:people|reps|salespeople|managers|clients|customers|buyers|folks)(?: here)? (?:find|say|try|like|prefer|use|do|have found|swear by)\b|\byour (?:[\w'-]+ ){1,3}?(?:has to|have to|should|must|ought to|needs to) be\b|^your (?:[\w-]+ ){0,2}(?:is|are|was|were|looks|look|seems|seem)(?: \w+)? (?:too |very |really |quite |a bit |a little |way )?(?:high|low|thin|weak|short|long|light|heavy|off|behind|empty|slow|late|overdue|unrealistic|inflated|padded)\b|^i(?:'m| am) (?:a bit |really |quite |very |a little |slightly |genuinely )?(?:concerned|worried) (?:about|that|by)\b"), "information"),
    (_rx(r"\b(?:might|could|would|will) (?:\w+ )?(?:get|work|go down|land|go|move) (?:[\w'-]+ ){0,5}?(?:better|easier|faster|quicker|smoother)\b|"
         r"\b(?:faster|quicker|easier|better|smoother) (?:if|when|once) (?:you|u)\b|\bso (?:you(?:'ve| have)|youve) got (?:a |the )?(?:good |natural |perfect |real |great )?(?:reason|excuse|opening|chance) to\b|"
         r"\bthat(?:'s| is) (?:probably |likely |almost certainly |most likely )?(?:what's|what is) (?:happening|going on)\b|"
         r"\bone (?:thing|idea|option|trick) (?:that )?(?:people|reps|others|clients|some people|many people|most people) (?:find|have found|say) (?:useful|helpful|works|work)\b|"
         r"^[\w' ]{1,20}? can wait\b|\b(?:is|'s) what matters (?:right )?now\b|\bworth (?!it\b|something|nothing|anything|everything)\w+ing\b|^(?:it )?sounds like (?:you|u) need (?:a|an|to|some|more)\b"), "information"),
    (_rx(r"^(?:and |but |so )?if (?:you|u) (?:\w+[ ,]+){1,10}?(?:you(?:'ll| will| would|'d| might| could| can|'re going to| are going to|'re gonna)|they(?:'ll| will|'d| would| might)|it(?:'ll| will|'d| would| might)|then|that(?:'ll| will| would))\b"), "if you ..., you'll ..."),
    (_rx(rf"\b(?:why not|just)\s+(?:call|ring|phone|email|send|ask|book|try|offer|push|go|get|tell|give|set|use|drop|bring|put|chase|follow)\b"), "just ..."),
    (_rx(rf"\b(?:don{APOS}?t|do not|never)\s+(?:worry|stress|panic|beat yourself|take it personally|overthink|sweat|fret|be so hard|be too hard|give up|lose heart|let it|let them)\b"), "don't worry"),
    (_rx(rf"\b{YOU}{APOS}?(?:ll| will) (?:be fine|get there|be ok|be okay|be alright|crack it|nail it|figure it out|sort it|be grand|smash it)\b|\bit(?:'ll| will) (?:be fine|work out|come|get easier|click|come good|sort itself)\b|\beveryone (?:goes through|struggles|feels|has)\b|\bit(?:'s| is) (?:just )?(?:a numbers game|a phase|part of the job|normal|natural|fine)\b"), "reassurance"),
]

# --- judgment ------------------------------------------------------------------------------------

NEGATIVE_EVAL = _alt(wordlists.NEGATIVE_EVAL)
_JUDGMENT = [
    (_rx(r"^who (?:walks|goes|turns up|shows up|sends|forgets|does that|in their right mind|on earth)\b|\b(?:well done|nice one|great job|good job|congratulations|congrats|bravo|genius|brilliant) (?:for|on) (?:losing|missing|failing|forgetting|dropping|blowing|wasting|ignoring|skipping|leaving)\b"), "well done for losing"),
    (_rx(rf"^(?:and\s+|so\s+|but\s+)?why\s+(?:on earth|the hell|the heck|in god's name|in the world|would (?:you|u|anyone)\b|wouldn't|didn't|didnt|wouldnt|couldnt|havent|hadnt|wasnt|werent|did not|haven't|have not|hadn't|wasn't|weren't|isn't|aren't|couldn't|can't|won't|don't you ever|do you always|do you keep|are you always|is it always|do you never|did you not|did you even|didn't you|on god's earth|ever would|the devil)\b"), "why didn't you ..."),
    (_rx(r"\bwhat (?:were|was) you (?:thinking|playing at|doing there|on about)\b|\bwhat (?:the hell|the heck|on earth|in god's name) (?:were|was|is|are|did|happened|have|has|do|does)\b|^(?:again|typical|seriously|really|honestly)[.?!]*$|\bwhat(?:'s| is) wrong with you\b|\bare you (?:serious|kidding|joking|for real|mad|crazy|insane)\b|\bseriously(?:,? (?:mate|man|dude|pal|guys?|\w+))?\s*\?|\byou can(?:'t|not) be serious\b|\bhow (?:could|can) you (?:not|possibly|even|let|have|be so|miss|forget|think)\b|\bhow (?:do|did|does) (?:you|u) (?:not|possibly) (?!feel\b)\w+|\bhow (?:hard|difficult) (?:is|can) it be\b|\bhow many times (?:do|have|must|did|am|will) (?:i|we)\b|\bhow many times (?:is|are) (?:this|that|it) (?:going|gonna)\b|\bdo you (?:even|ever|actually) (?:care|listen|prepare|plan|try|check|read|think)\b|\bdid you (?:even|actually|really) (?:bother|try|think|check|read|prepare|listen|care)\b|\bwhy bother\b|\bwho does that\b|\bwhat did you expect\b|\b(?:what|how|why|where) (?:are|were|was|is|do|did|does) (?:you|u) even\b"), "what were you thinking"),
    (_rx(rf"\b(?:that|this|it|which|that's|it's|this is|that is|it is|that was|this was|it was|you were|you're|you are|you've been|you were being|that sounds|that seems|frankly|honestly|quite|pretty|really|very|bit|little|rather|a bit|so|too|just|plain|totally|completely|utterly|absolutely)\s+(?:\w+\s+)?{NEGATIVE_EVAL}\b"), "negative verdict"),
    (_rx(rf"\b{YOU}\s+(?:always|never|constantly|keep|continually|forever)\s+(?:\w+\s+){{0,2}}?(?:do|does|did|make|made|miss|missed|forget|forgot|leave|left|blame|moan|complain|whinge|whine|drop|dropped|skip|skipped|rush|rushed|fail|failed|mess|messed|screw|screwed|ignore|ignored|wing|winging|cut|come|turn|talk|get|go|find|have|play|make excuses|say|act|let|do this|do that)\b"), "you always ..."),
    (_rx(rf"^(?:and\s+|but\s+|honestly,?\s+|frankly,?\s+|look,?\s+)?{YOU}\s+(?:always|never|constantly|keep|continually|forever)\s+(?!gave up|give up|stop|quit|let (?:it|that|them) (?:stop|beat)|fail to (?:impress|surprise)|miss a beat|(?:coming|going) back to|mentioning|bringing up|returning to)(?:\w+)"), "you never ..."),
    (_rx(r"\b(?:the|a) (?:second|third|fourth|fifth|sixth|umpteenth|nth|hundredth) time\b|^what (?:kind|sort) of (?:a )?(?:salesperson|rep|person|manager|professional|seller|sales leader|leader)\b|^who (?:walks|goes|turns up|shows up|sends|forgets|does that|in their right mind)\b"), "the third time"),
    (_rx(r"\bif (?:you|u)(?:'d| had| would have|'d have) (?:just |only |actually |bothered to )?(?:mapped|held|done|listened|prepared|followed|called|checked|bothered|asked|qualified|planned|read|worked|tried|picked up|kept|stuck|focused|been)\b"), "if you'd done your job"),
    (_rx(rf"\b{YOU}(?:{APOS}re| are| were|'ve been| have been)\s+(?:being\s+)?(?:so\s+|too\s+|really\s+|just\s+|very\s+|a bit\s+|quite\s+|being\s+)?(?:lazy|sloppy|careless|defensive|dramatic|paranoid|naive|negative|difficult|precious|sensitive|unprofessional|disorganised|disorganized|arrogant|overconfident|complacent|entitled|stubborn|a (?:bit of a )?(?:problem|liability|drama queen|moaner|whinger)|making excuses|passing the buck|blaming|overreacting|over-reacting|whining|whinging|moaning|complaining|wrong|kidding yourself|deluding yourself|in denial|fooling yourself|off the mark)\b"), "you're being ..."),
    (_rx(rf"\b(?:you{APOS}re|you are|yeah|yes|true|totally|absolutely|exactly|agreed|fair point|quite right|you{APOS}ve got a point|i agree|i know|no doubt|to be fair|spot on|dead right|too right)[,.]?\s+(?:\w+\s+){{0,3}}?(?:marketing|the leads|leads|he|she|they|them|dave|sam|procurement|ops|operations|finance|legal|the team|that team|your colleague|the engineer|leadership|management|head office|hq|the company|the system|the crm|your leader|your boss|the product|the pricing|that client|the client|the buyer|the customer|the market|the territory)\s+(?:\w+\s+){{0,2}}(?:is|are|was|were|'s|have been|has been|never|don't|doesn't|didn't|can't|won't|always|really)\s+(?:\w+\s+){{0,2}}?(?:{NEGATIVE_EVAL}|a nightmare|impossible|the worst|to blame|at fault|the problem|a pain|dreadful|dire|clueless|letting you down|let you down|failed you|pull(?:ing)? (?:his|her|their) weight|deliver|useless|hopeless|crap|garbage|trash|junk|awful|terrible|pants|shocking|bad|incompetent|lazy)"), "siding with their blame"),
    (_rx(rf"\b(?:not|isn{APOS}?t|wasn{APOS}?t|it{APOS}s not|it is not|that{APOS}s not|hardly)\s+(?:really\s+|at all\s+|entirely\s+|even\s+)?(?:your fault|on you|your responsibility|down to you|your problem|your doing)\b|\b(?:none|nothing|little) of (?:it|this|that)(?: is| was|{APOS}s)? (?:really\s+)?(?:your fault|on you|your doing|down to you|because of you)\b|\b(?:it{APOS}s|it is|that{APOS}s|that is)\s+(?:totally |all |entirely |completely |clearly |obviously )?(?:their|his|her|marketing{APOS}s|leadership{APOS}s|management{APOS}s|the client{APOS}s|the buyer{APOS}s|dave{APOS}s|sam{APOS}s|my|our) (?:fault|problem|doing|mess|responsibility)\b|\bblame (?:them|marketing|him|her|leadership|the leads|me)\b|\b(?:they|he|she|marketing|leadership|management)\s+(?:really\s+)?(?:dropped the ball|let you down|screwed you|stitched you up|hung you out|threw you under|failed you|messed up|screwed up|are useless|is useless|are hopeless|is hopeless|are rubbish|is rubbish|are a joke|is a joke|are the problem|is the problem|are to blame|is to blame)\b|\byou(?:'re| are) (?:right|dead right|spot on|so right|quite right)\b(?=.*\b(?:they|he|she|marketing|leads|leadership|management|team|colleague|engineer|client|buyer|company|territory)\b)"), "siding with their blame"),
    (_rx(r"\b(?:oh )?(?:great|brilliant|fantastic|wonderful|perfect|lovely|nice|marvellous|super),?\s+(?:another|so now|just what|that's all we|exactly what)\b|\bwell done(?:,)? (?:you|genius|einstein)?\s*(?:…|\.\.\.)?\s*(?:now|another|again)\b|\bthanks? for nothing\b|\bwhat a (?:surprise|shock|mess|disaster|joke|shambles)\b|\bhere we go again\b|\bnot again\b|\bsame old\b|\bas usual\b|\btypical\b|\bthat(?:'s| is) on you\b|\bthat(?:'s| is) your (?:fault|problem|mistake|doing)\b|\bit(?:'s| is) your (?:fault|problem|mistake|doing)\b|\byour fault\b|\bi(?:'m| am) (?:disappointed|not impressed|unimpressed|frustrated) (?:in|with|by) you\b|\bi expected (?:better|more)\b|\bi expect better\b|\bi(?:'m| am|m) (?:disappointed|not impressed|unimpressed)\b|\bnot good enough\b|\bno excuses?\b|\bexcuses,? excuses\b|\bstop (?:making excuses|whining|whinging|moaning|complaining|blaming)\b|\bquit (?:whining|moaning|complaining|blaming)\b|\bgrow up\b|\bget a grip\b|\bpull your (?:finger|socks) (?:out|up)\b|\bman up\b|\btoughen up\b"), "verdict"),
]

# --- affirmation -----------------------------------------------------------------------------------

POSITIVE_EVAL = _alt(wordlists.POSITIVE_EVAL)
AFFIRM_NOUN = _alt(wordlists.AFFIRM_NOUN)
_AFFIRMATION = [
    (_rx(r"\bi (?:really |genuinely |truly |do |honestly )?(?:appreciate|admire|respect)\b|\b(?:love|loved|great|good|brilliant|nice|glad|pleased) (?:that|how|the way) you\b|\bi can (?:tell|see) (?:you(?:'ve| have) (?:been|put|worked|done|thought)|how (?:much|hard))|\b(?:real|proper|serious|great|good|solid|impressive|honest) (?:graft|effort|hustle|commitment|progress|discipline|persistence|grit|going|work ethic)\b|\bit shows\b|\b(?:and )?that matters\b|\bstraight with (?:the|them|him|her|me|your)\b|\bpick(?:ed)? (?:things|it|stuff) up (?:fast|quickly|so fast)\b|\b(?:quick|fast) learner\b|\bi can (?:tell|see) (?:that )?you (?:really |genuinely )?(?:want|care|mean|love|value|take)\b|\bit(?:'s| is) (?:clear|obvious|evident) (?:that )?you (?:take|want|care|value|mean|invested|put|worked)\b|\bpride in\b|\bmost (?:people|reps|salespeople|managers|folk|sellers) would(?:'ve| have| of)\b|\b(?:open|honest|upfront) (?:about|with) (?:where|what|how|me|it|that|the)\b|\bchipping away\b|\bthat's the (?:way|spirit)\b|\bput (?:the )?(?:customers?|clients?|patients?|candidates?) first\b|\b(?:spot on|on point|top notch|top-notch|nailed it|smashed it)\b"), "I appreciate"),
    (_rx(rf"\b(?:well done|good job|nice job|great job|nice work|good work|great work|nice one|good on (?:you|ya)|good for you|fair play|hats off|kudos|props|bravo|credit to you|credit where it's due|respect|nicely done|way to go|you nailed it|you smashed it|you killed it|you crushed it|you rock|legend|top job|good shout|great shout|good stuff|great stuff|brilliant stuff|proud of you|so proud|really proud|i(?:'m| am) (?:really |so |very )?proud|you should be (?:really |very |so )?proud|be proud|you must be proud)\b"), "well done"),
    (_rx(rf"\b(?:i|really|truly|genuinely|so|do|i do|i really|i genuinely|i truly)\s+(?:really\s+|genuinely\s+|truly\s+|do\s+)?(?:appreciate|value|admire|respect|love|like) (?:that|the way|how|your|you(?:r)? (?:being|telling|sharing|saying|coming|bringing|raising|owning|taking|trying|putting)|it when you|you for|what you|this|the)\b"), "I appreciate"),
    (_rx(rf"\b(?:thanks|thank you|thank u|cheers|ta)\s+(?:so much\s+|very much\s+|a lot\s+|again\s+)?(?:for|4)\s+(?!your time\b)(?:being|sharing|telling|owning|your|coming to me|coming straight to me|raising|bringing|flagging|opening up|trusting|putting|trying|taking|the honesty|that honesty|speaking|saying|admitting|the candour|the candor|the effort|all the|all your|the work|the hard|going|stepping|pushing|sticking|the (?:thought|insight|reflection|detail|prep|preparation)|that|this)\b"), "thanks for ..."),
    (_rx(rf"\b(?:(?:that|this|it|which|that's|it's|this is|that was|it was|what a|such a|a|really|very|so|pretty|quite|seriously|genuinely)\s+)?(?:really\s+|very\s+|so\s+|genuinely\s+|seriously\s+)?(?:{POSITIVE_EVAL})\s+(?:{AFFIRM_NOUN})\b"), "great effort"),
    (_rx(rf"\b(?:that|this|it)\s*(?:{APOS}s|is|was|took|takes|shows|showed|says)\s+(?:a lot of\s+|real\s+|some\s+|serious\s+|proper\s+|genuine\s+|so much\s+|a\s+|an\s+|really\s+|very\s+|so\s+|pretty\s+|quite\s+)*(?:guts|courage|nerve|bottle|balls|grit|character|honesty|maturity|integrity|self-awareness|initiative|commitment|dedication|brave|bold|gutsy|courageous|impressive|admirable|commendable|really impressive|no small thing|not easy to admit|not easy to say|hard to admit|hard to say|a big step|a real strength|a strength|a good sign|growth|progress|real progress|huge|massive|big)\b"), "that took guts"),
    (_rx(rf"\b{YOU}(?:\s+|(?=['’]))(?:really\s+|clearly\s+|obviously\s+|genuinely\s+|definitely\s+|certainly\s+|always\s+|honestly\s+|absolutely\s+|have\s+|'ve\s+|did\s+|do\s+)*(?:stuck with|kept going|kept at|kept pushing|persevered|persisted|stayed|didn't give up|never gave up|worked (?:really )?hard|put (?:in|a lot|real|so much)|handled|showed|shown|show|bounced back|took (?:the )?initiative|took ownership|took responsibility|owned|owning|stepped up|went (?:the extra|above)|care(?:d)? (?:a lot|about|deeply)|clearly care|are (?:clearly )?(?:committed|dedicated|determined|resilient|resourceful|creative|brave|persistent|tenacious|thoughtful|honest|good at|great at|strong at|a natural at)|'re (?:clearly )?(?:committed|dedicated|determined|resilient|resourceful|creative|brave|persistent|tenacious|thoughtful|honest|good at|great at|strong at|getting better|improving|growing|learning|making progress)|have (?:a real|a great|a good|a natural|real|great) (?:gift|talent|knack|eye|ear|way|instinct|feel|strength)|'ve (?:grown|improved|come a long way|made (?:real |great |good |huge )?progress|learned|learnt|done (?:the|a lot|well|great|brilliant)|prepared|thought (?:this|it|that) through)|did (?:well|great|brilliantly|a great|a good|the right|your homework)|prepared|thought (?:this|it|that) through|(?:really )?thought (?:hard|carefully|a lot|long and hard|deeply) about|done your homework|tried something|took a risk|took a chance|were brave|were honest|were right to|made (?:real |good |great )?progress|learn(?:ed|t) (?:a lot|fast|quickly)|asked for help|came to me|raised it|flagged it)\b"), "you stuck with it"),
    (_rx(r"\b(?:your|the)\s+(?:effort|persistence|tenacity|honesty|candour|candor|commitment|dedication|preparation|prep|creativity|courage|resilience|initiative|energy|drive|hustle|work ethic|attitude|curiosity|self-awareness|ownership|instincts?|care|integrity|discipline|follow-through)\s+(?:really\s+|clearly\s+|has\s+|have\s+|is\s+|are\s+|was\s+|shows?|showed|shines?|comes? through|stands? out|paid off|pays off|counts|matters|is impressive|is obvious|is clear|is great|is a strength|has been|has really|is noticed|hasn't gone unnoticed|did not go unnoticed|didn't go unnoticed)"), "your effort shows"),
    (_rx(r"\b(?:good|great|excellent|brilliant|fair|interesting|important|smart|clever|thoughtful|useful) (?:question|point|spot|catch|observation|insight|thinking|shout|call|idea)\b|\bthat(?:'s| is) (?:a )?(?:real )?(?:strength|gift|talent|skill)\b|\bi(?:'m| am) (?:impressed|glad you|pleased you|really glad you|so glad you|happy you|grateful)\b|\bi(?:'m| am) (?:proud|chuffed) (?:of you|that you)\b|\bi can see (?:how much|the effort|you(?:'ve| have) (?:worked|put|tried|been working))\b|\bi(?:'ve| have) noticed (?:how|that you|your)\b|\bit(?:'s| is) (?:clear|obvious|evident) (?:that )?you(?:'ve| have| care| really| put|'re| are)\b|\bi (?:can )?tell you (?:care|really care|worked|put|tried)\b"), "good question"),
]

# --- reflection ----------------------------------------------------------------------------------

_REFLECTION = [
    (_rx(r"\b(?:it|that|this)?\s*(?:sounds|seems|looks|feels)\s+(?:to (?:you|me|them)\s+)?(?:like|as if|as though|as tho|to me like|to me as if|pretty|really|quite|very|a bit|rather|so|frustrating|tough|hard|difficult|exhausting|painful|like a lot)\b"), "sounds like"),
    (_rx(rf"\b{YOU}\s+(?:sound|seem|look|feel|felt|appear|sounded|seemed|looked|appeared|must feel|must have felt|might feel|may feel|probably feel|kind of feel|sort of feel|kinda feel|almost feel)\b"), "you feel"),
    (_rx(r"\b(?:what i(?:'m| am) hearing|i(?:'m| am) hearing|what i hear|i hear (?:that|you saying|you're|you are|a lot)|if i(?:'ve| have) got (?:this|that|it|you) right|if i understand (?:you|correctly|right)|let me (?:see if i(?:'ve| have)? got|check i(?:'ve| have)? got|make sure i(?:'ve| have)? got|play (?:that|it|this) back|reflect (?:that|this) back|sum(?:marise|marize|) (?:that|this|up)|recap)|to (?:sum up|summari[sz]e|recap)|in other words|so (?:basically|in short|overall|to sum up)|part of you|on (?:the )?one hand|on the other hand|a part of you|some of you|you(?:'re| are) (?:saying|telling me|describing)|what you(?:'re| are) (?:saying|describing|telling me)|you said|you mentioned|you told me|you've said|you've told me|so far you've|putting (?:that|it) together|from what you(?:'re| are)? (?:say|said|saying|describe|describing))\b"), "what I'm hearing"),
    (_rx(rf"^(?:so|and so|so basically|so really|so what you're saying|so yeah|right so|okay so|ok so|so then)\s*,?\s+(?:{YOU}|the|it|that|this|they|he|she|there|your|nobody|no one|everyone|all|none|part|both|a lot|most|even|despite|after|when|since|because|for|with|without|not|no)\b"), "so ..."),
    (_rx(rf"^(?:it )?makes (?:total |complete |perfect )?sense (?:that|you|why|given)\b|^(?:that's|it's|that is|it is) (?:completely |totally |perfectly )?understandable\b|\b(?:no wonder|small wonder|of course) (?:{YOU}|it|that|this)\b|\b(?:that|this|it)(?:{APOS}s| is| was| must be| must have been| can be| would be| sounds| seems)\s+(?:\w+\s+)?(?:{FEELING})\b|\b(?:must be|must have been|can't be|cannot be|can't have been|can be) (?:\w+\s+)?(?:{FEELING}|hard|tough|a lot|draining|difficult|rough|easy)\b"), "that must be hard"),
    (_rx(rf"\b{YOU}(?:{APOS}re| are| were|{APOS}ve been| have been| had been|{APOS}d been|{APOS}re feeling| are feeling| were feeling| get| got| getting| feel| felt)\s+(?:\w+\s+){{0,3}}?(?:{FEELING})"), "you're frustrated"),
    (_rx(rf"\b(?:{YOU}|it's|it is)\s+(?:\w+\s+){{0,2}}?(?:important|matters|mean[st]? a lot|care(?:s)? about|value|values|want|wanted|wish|hope|hoped|need(?:ed)? (?:to feel|to know|to be|some|more|a bit of|time|space|support|backup|help|clarity|certainty)|believe|believed|think|thought|reckon|figure|know|knew|realise|realize|see|saw|noticed|worry|wonder|wondering|weren't sure|aren't sure|not sure|don't know|didn't know|can't see|cannot see|haven't decided|are torn|are weighing|are considering|are thinking|'re thinking|'re considering|'re weighing|'re wondering|'re not sure|'re unsure|are unsure|'ve decided|have decided|decided|chose|tried|'ve tried|have tried|did|'ve done|have done|'ve been|have been|'re|are|were|had|'d|got|get|went|ended|ended up|put|spent|lost|won|made|said)\b"), "you ..."),
]

# --- questions -----------------------------------------------------------------------------------

_LEADING_WH = _rx(
    rf"^(?:how would it be if (?:you|we)|how's about|what (?:happens|would happen|'d happen|will happen) if (?:you|we) (?:just |simply |actually )?(?!(?:don't|do not|didn't|can't|lose|miss)\b)\w+|what(?:'s| is) to stop you|what(?:'s| is) stopping you from \w+ing|what stops you from \w+ing|how bout|how 'bout|what bout|what about|how about|what if|why not|why don't|why dont|why do not|why wouldn't|why won't|why can't|why couldn't you just|wouldn't it|couldn't you|shouldn't you|could you not|can you not|what would happen if you|what (?:would|will|do) (?:happen|you think would happen|they say|it look like) if (?:you|we) (?:just\s+)?(?:call|ring|phone|email|send|ask|offer|try|book|push|go|gave|give|tried|called|sent|offered|asked|booked|pushed|went|dropped|drop|cut|lowered|lower|brought|bring|used|use|put|set|started|start|stopped|stop|made|make))\b"
)
_REQUEST_MODAL_START = re.compile(rf"^(?:{REQUEST_MODAL})", re.IGNORECASE)
_WHAT_ABOUT_YOU = _rx(r"^(?:what|how) about (?:you|yourself|your (?:side|part|end|role|own)|for you|them|it|that|now|this|the rest|next|everything else|the other \w+)\s*\??$|^(?:what|how) about (?:you|yourself)\s*(?:[,?]|$)")
_LEADING_YN = _rx(
    rf"^(?:(?:have|had|did|do|has|d|'d|ve|'ve)?\s*(?:{YOU}|ya)\s+|(?:you )?ever\s+)(?:ever\s+|even\s+|maybe\s+|actually\s+|at all\s+|already\s+|perhaps\s+|possibly\s+)?(?:th[a-z]{{3,6}}t (?:maybe |perhaps |at all |even |much )?(?:about|of)|had a (?:go|look|crack|try|play) (?:with|at)|given (?:it|that|them|the \w+|\w+) a (?:go|try|shot|whirl)|played with|looked into|considered|consider|tried|try|looked at|look at|think about|thought to|considered|explored|asked (?:them|him|her|for|the|about|if|your|their|what|whether)|called|rung|rang|phoned|emailed|sent|offered|pushed|gone back|went back|checked with|spoken to|spoke to|talked to|reached out|followed up|booked|scheduled|used|put|brought|involved|escalated|looped|cc'd|mentioned|asked yourself|pulled|dropped|cut|lowered|raised|reframed|played|leveraged|leaned on|pitched|shown|showed)\b"
)
_LEADING_YN_OPEN_TAIL = _rx(rf"^(?:have|did|do)\s+{YOU}\s+(?:ever\s+)?(?:thought (?:about|of)|considered|think about|look(?:ed)? at|explored)\s+(?:what|how|why|where|who|which)\b")
ACTION_VERB = _alt(wordlists.ACTION_VERB)
_LEADING_MODAL = _rx(
    rf"^(?:(?:would|wouldn't|could|couldn't|might|will|won't|is|isn't|was|wasn't|does|doesn't|can|can't)\s+"
    rf"(?:it|that|this|there|a|an|the|some|one|more|less|fewer|\w+ing)\s+(?:[\w'-]+\s+){{0,7}}?"
    rf"(?:help|be (?:better|worth|smarter|easier|quicker|faster|good|best|wise|useful|an idea|a good idea|"
    rf"the move|the way|the answer|more effective|stronger|simpler|enough)|make (?:sense|more sense|"
    rf"things easier|a difference|it easier)|work better|land better|go down better|do the trick|unstick (?:it|this|things)|unblock (?:it|this|things)|"
    rf"get (?:it|things|this) moving|move (?:it|things|this) (?:on|along|forward)|speed (?:it|things|this) up|"
    rf"be worth (?:a|it|trying)|be time|speed|have (?:helped|changed|worked|made (?:a|the) difference|saved (?:it|the deal)|landed it|"
    rf"gone (?:better|differently|smoother|more smoothly)|been (?:better|different|easier|smoother)|worked out)|"
    rf"change (?:the|things|anything|that)|be as (?:simple|easy) as|be (?:just )?a (?:matter|case) of)\b"
    rf"|(?:could|couldn't|can|can't|should|shouldn't|would|wouldn't|will|won't|might|may|shall|must)\s+"
    rf"(?:{YOU}|we|ya)\s+(?:not\s+|maybe\s+|perhaps\s+|just\s+|possibly\s+|also\s+|instead\s+|"
    rf"try and\s+|try to\s+|at least\s+|still\s+|rather\s+|like\s+|kind of\s+|sort of\s+)*(?:{ACTION_VERB})\b"
    # one course of action offered as a preference ("would you rather wait for the board"); with "or" it is a choice
    rf"|would (?:{YOU}) (?:not )?rather (?![^?]*\bor\b)(?!(?:think|decide|talk|figure|work|sleep|keep|leave|do|have|go|not|be|stay|chat|discuss|come back)\b)\w+)"
)
_LEADING_TAG = _rx(r"^(?:or )?could (?:the|a|an|your|some|those|these) [\w' ]{1,40}? (?:be used|wait)\b|^(?:or )?could it be (?:the|your|their|a|an)\b|"
    r"^(?:or )?would (?:a|an|the|some) [\w' ,-]{1,40}? do the (?:same )?(?:job|trick)\b|^(?:could|can|would|might) (?!(?:i|we|you|u|me)\b)(?:(?:your|ur|the|their|a|an) )?(?:[\w'-]+ ){0,2}?(?:introduce (?:you|u)|intro (?:you|u)|help (?:you|u)|put (?:you|u) in touch|make an intro|connect (?:you|u))\b|^is there (?:a|any) way to\b|^might it be (?:appropriate|worth|wise|better|an idea|useful) to\b|"
    r"^would (?:\w+ing) [\w' ]{1,40}? (?:work|help|be better|make sense)\b|^(?:\w+[,.] )?worth (?:\w+ing)\b|"
    r"^what do (?:you|u) think would happen if (?:you|u) (?:just )?\w+|^(?:so )?what would it look like to \w+|"
    r"\b(?:you|u) (?:could|can|might)\b[^?]*\b(?:couldn't|can't|mightn't|could not) (?:you|u)\s*\?*$|^(?:or|and) why not\b|^why (?:you|u) (?:don't|dont|do not|not) \w+|^(?:you |u )?(?:not|don't) think (?:is|it's|it is|it would be) (?:better|best|good|worth)\b|^(?:so |and )?(?:you |u )?(?:don't|do not|dont) think (?:a|an|the|some|maybe|that) [\w' ,-]{1,50}?(?:might|would|could|will|'d) (?:help|work|get|move|speed|land|do it|make)\b|(?:reckon|think) it(?:'d| would| might| will) help\b|"
    r"^(?:could|might|can) (?:a|an|the|some|one) [\w' ,-]{1,50}? (?:do the (?:job|trick)|help|work|get (?:you|them|it)|land|make the difference)\b|"
    r"\bisn't (?:that|this|it) (?:an|a|the) (?:invitation|sign|cue|chance|opening|signal|excuse)\b|"
    r"^(?:do|d'|did) (?:you|u) (?:reckon|think|suppose) (?:a|an|the|some|that|maybe|perhaps|if|one|another) [\w' ,-]{1,60}?(?:might|would|could|will|may) (?:help|work|get|land|do the trick|make|be (?:better|worth|easier|enough))|^is (?:a|an|the|some|one) [\w' ,-]{1,50}? (?:maybe |perhaps |possibly )?(?:the (?:way|answer|move|key|trick|fix|thing)|worth|better|enough)\b|^is it (?:maybe |perhaps |possibly |just )?(?:worth|possible|time|an option|better|smarter|wiser)\b|^is there (?:a|any) (?:reason|chance) (?:you|not to|why you|we)\b|^any (?:chance|reason|point|harm|merit) (?:a|an|the|you|not|in|we)\b|^would (?:a|an|the|some|one) [\w' ,-]{1,50}? (?:have )?(?:helped|help|worked|work|made a difference|make a difference|landed|land)\b|^what (?:would|will|might|could) stop (?:you|u) (?:from )?(?:just )?\w+ing\b|^what(?:'s| is) stopping (?:you|u) from (?:just )?\w+ing\b|^(?:could|might|can|would) it (?:just )?be (?:that|because)\b|^(?:could|might|can) it be (?:the|your|their|a|an)\b|^is it possible (?:that|the|they|you|it)\b|^(?:is there|could there be) a chance (?:that|they|you|the)\b|^(?:do|d'|did) (?:you|u) think (?:maybe|perhaps|possibly|it(?:'d| would| might) be worth)\b|^how would it (?:land|go|be|feel|look) if (?:you|we)\b|\bwould you be up for\b|\b(?:would you be (?:open|willing|up for|keen) to|are you open to|would you consider|^(?:you )?don't (?:you )?think|^should (?!i\b)|any (?:mileage|point|harm|merit|value|sense) in|fancy (?:trying|giving|doing|a (?!(?:coffee|tea|cuppa|brew|drink|bite|biscuit|sandwich)\b))|did it (?:occur to|cross your mind)|(?:reckon|think) it(?:'s| is| would be| might be)? worth|worth a (?:shot|try|go|punt|look)|don't you think|dont you think|wouldn't you say|wouldn't you agree|don't you agree|isn't it time|isn't that (?:the|a|what|why)|surely|right\?$|no\?$|yeah\?$|eh\?$|innit|wouldn't that|won't that|couldn't that|would(?:n't)? it be (?:better|worth|smart|wise|easier|best|good|an idea)|is(?:n't)? it worth(?!\s*(?:it)?\s*[?.!]*$)|might it be worth|could it be worth|would it help|would it make sense|would it not|does it make sense to|do you think (?:you|we|it) (?:should|could|might|need|ought|would be)|don't you want to|do you not think|do you want to (?:try|call|ring|email|send|offer|book|bring|ask|consider|think about|look at|go|start|use|get|lead|open|push|run|build|write|set up|share|bring in|involve|pitch|pair)|any reason (?:you|not to|why you can't|we can't|you couldn't|you wouldn't)|any chance you (?:could|can|might)|is there any reason (?:you|not)|what's stopping you from (?:just\s+)?(?:calling|ringing|sending|offering|asking|booking|pushing|trying|emailing|going|using|bringing))\b")

ONE_FACT = _rx(
    rf"^(?:what time'?s?\b|whos\b|what(?:'s|s| is| was) (?:the|their|his|her|your) (?:[\w-]+ ){{0,2}}(?:number|figure|total|price|date|value|worth|budget|deadline|close date|renewal date|name|status|size|amount|revenue|margin|quota|target|acv|arr|term|length|discount|volume|headcount|stage|probability|percentage|timeline|timescale|order value|email|title|role|phone|turnaround|lead time|notice period|cycle time|sla)\b|which (?!one of (?:those|these|them) (?:feels|matters)|of (?:those|these|them) (?:feels|matters))[\w-]+(?=[\s?.!]*$)|(?:who|whom) (?:to|with|for|from|by|else)(?=[\s?.!]*$)|who (?:would|might|could|will|does|did) know\b|how (?:many|much|long|often|old|big|far|soon|late|early|short|behind|close)|since when\b|what(?: was| is|'s) the (?:gap|difference|delta|shortfall)\b|what (?:time|date|day|stage|percentage|percent|per ?cent|number|amount|price|figure|size|version|value|quarter|month|week|year|discount|budget|headcount|rate|was the (?:number|figure|total|price|date|value|score|result|outcome)|is the (?:number|figure|total|price|date|value|budget|deadline|close date|renewal date)|(?:'s|s| is| was) the (?:[\w-]+ )?(?:number|figure|total|price|date|value|budget|deadline|close date|renewal date|name|status|size|amount|revenue|margin|quota|target|acv|arr|term|length|discount|volume|headcount|stage|probability|percentage|timeline|timescale|order value)|s the (?:number|figure|total|price|date|value|budget|deadline|name|status)|are the (?:numbers|figures|dates)|was the name|is (?:their|his|her|the client's|the buyer's) name|'s (?:their|his|her) name|s (?:their|his|her) name|company|account|product|tier|plan|size|kind of discount)|when(?:'s|s\b| is| was| did| does| do| will| are| were| can| should| would| shall| could|'d|'ll)|when in the \w+ (?:did|was|were|is|does|do)\b|who (?:\w+ed|said|told|sent|made|gave|took|wrote|rang|won|lost|sold|brought|bought|led|ran|set|put|paid|chose|picked|met|saw|knew|got)\b|what did (?:you|u|they|we) (?:close|sell|book|bill|sign|win|lose|land|quote|offer)\b|who else\b(?! (?:could|might|would|can|should|do you|needs|would you))|who(?: would|'d| 'd) (?:you|u) (?:want|ask|pick|choose|go to|call|trust|practi[sc]e with)\b|what(?:'s| is| was| were) (?:the|your|their|his|her|the team's|our) (?:[\w-]+ ){{0,2}}(?:rate|share|term|attainment|average|median|split|percentage|conversion|due|worth)\b|what (?:was|is) (?:it|that|the deal) worth\b|what(?:'s| is) due\b|what (?:share|percentage|proportion|fraction) of\b|how (?:quickly|fast|soon) do (?:you|u) (?:usually |normally )?get\b|(?:on )?a scale of\b|how (?:likely|sure|confident|certain) [\w' ,]{{0,40}}?out of (?:ten|10|five|5)\b|who(?:'s\b| is| was| are| were| did| does| do| will| owns| signs| signed| runs| made| sent| called| has| had| else (?:was|is|were|came|joined|attended)| approved| decides)|whose|which|where(?:'s| is| was| are| were| did)|what's (?:their|his|her) (?:name|title|role|number|email)|what (?:was|is) (?:their|his|her) (?:name|title|role|number|email)|what did (?:they|he|she|the (?:client|buyer|customer|prospect)) (?:say|reply|come back with|decide|choose|pick|sign|order|buy|offer)\s*\??$)\b"
)
_OPEN_DESPITE_WH_FACT = _rx(r"^(?:which (?:(?:one|ones|things?|bits?|of (?:them|those|these))\b[^?]*\b|(?=feels?\b|matters?\b))(?:feels?|right to you|matters?|in your hands|(?:you|u) (?:want|think|feel|reckon)|would (?:you|u)|do (?:you|u) (?:think|want|feel))|where(?:'s| is) (?:that|it|this|the [\w' ]{1,25}?) at\b|where (?:did|does|do|would) (?:that|this|the|your) (?:idea|feeling|belief|thought|view|worry|fear|sense|pressure|doubt)s? (?:\w+ )?come from|[\w']+ (?:[\w']+ )?(?:do|did|would) you (?:think|reckon|feel|see|believe|imagine|suppose)|who else (?:could|might|would|can|should|do you|needs)|which (?:part|bit|parts|bits|of those|one of those matters|options|ideas|approach|way)\b|where (?:do|would|could|can|does|did) (?:you|we|this|that|it) (?:go|want|start|begin|see|stand|leave|land|fit|take)|when (?:you say|you think|you imagine|you picture|you look back|you're at your best|it goes well|it works|things go)|how (?:much|far) (?:do|does|did|would|could|are|is) (?:you|it|that|this) (?:think|feel|want|matter|care|believe|worry|bother|affect)|how (?:long|often) (?:have you (?:felt|been feeling|been thinking)|do you (?:feel|think))|how much (?:of that|of this|of it) (?:is|was|do|did|would|could|can)|how much (?:control|influence|say|ownership|of a say))")

_WH_START = _rx(rf"^(?:{WH_OPEN_START})\b")
_YN_START = _rx(rf"^(?:{AUX})\s+(?:{SUBJECT})\b")
_YN_SHORT = _rx(r"^(?:(?:anyone|anybody) (?:else\b|from\b|on\b|in\b|at\b|who\b|here\b|there\b)|any (?:luck|news|word|joy|update|updates|reply|replies|response|movement|progress|feedback|questions|thoughts|ideas)|anything (?:else|new|from|on|back)|make sense|sound good|sounds good to you|yes or no|with me so far|still with me|still there|still on for)\b")
_YN_SHORT_MARKED = _rx(r"^(?:ready|happy|ok|okay|alright|all good|all set|sorted|done|good|fair|right|true|correct|clear|got it|really|seriously|yeah|no|yes|sure|agreed|deal)\b(?<!right)(?! now| then| here| there| away)|^right\b(?! now| then| here| there| away| so)|^(?:and|so)(?=[\s?]*$)")
_REQUEST = _rx(rf"^(?:{REQUEST_MODAL})?(?:please\s+)?(?:{REQUEST_VERB})\b(?! \w+ing\b)")
_REQUEST_ANYWHERE = _rx(rf"\b(?:lay it (?:all )?out for me|give me the (?:backstory|lowdown|rundown|full picture)|i(?:'d| would)? (?:love|like|welcome) (?:to hear|your (?:own )?(?:view|take|assessment|thoughts))|id (?:love|like) to hear|tell me (?:more|about|what|how|why|where|when|who|which|a bit|a little|everything|the story|your)|walk me (?:through|thru)|talk me (?:through|thru)|take me (?:through|thru)|run me (?:through|thru)|help me understand|fill me in|say (?:a bit |a little )?more about|i(?:'d| would) (?:love|like) to (?:hear|know|understand)|i(?:'m| am) curious (?:about|what|how|why|to)|i wonder (?:what|how|why|where|which)|paint me a picture|describe (?:what|how|the|your|it|that|them|him|her))\b")
_QUESTION_TAIL = _rx(r"(?:\?|\bor not|\bor what|\bright\s*\?|\bcorrect\s*\?|\bagreed\s*\?|\byeah\s*\?|\bno\s*\?|\bok(?:ay)?\s*\?)\s*$")
_OTHER_PATTERNS = _rx(
    r"^(?:hi|hey|hello|hiya|howdy|morning|good (?:morning|afternoon|evening)|afternoon|evening|"
    r"welcome|come in|come on in|take a seat|have a seat|grab a (?:seat|chair|coffee)|sit down|"
    r"thanks|thank you|ta|cheers|okay|ok|right|sure|yeah|yep|yes|no|nope|mm+|mm-?hmm+|mhm+|uh-?huh|"
    r"hmm+|ah|oh|i see|got it|gotcha|understood|noted|fair enough|fine|cool|great|good|lovely|"
    r"perfect|brilliant|nice|sorry|pardon|excuse me|hang on|hold on|one sec|one second|one moment|"
    r"just a (?:sec|second|moment|minute)|bear with me|give me a (?:sec|second|moment|minute)|"
    r"let me (?:grab|find|get|check|pull up|open|see|look|just|make a note|write|jot|load|bring up)|"
    r"see you|speak soon|talk soon|catch you|bye|goodbye|take care|have a good|enjoy|"
    r"we(?:'ve| have) got|we have|we've only got|we only have|i've got|i have (?:a|another|to)|"
    r"shall we|let's (?:start|begin|get started|kick off|crack on|get going|wrap|leave it|stop|pause|"
    r"meet|pick this up|pick it up|catch up|grab|do this)|sorry,? (?:i|the|my|we)|the (?:wifi|wi-fi|"
    r"connection|line|call|screen|video|audio|room|meeting)|my (?:next|last|other) (?:meeting|call)|"
    r"i(?:'m| am) (?:back|here|listening|with you|all ears)|go ahead|carry on|continue|"
    r"anyway|moving on|next|so|well|alright|all right|absolutely|definitely|exactly|indeed|true|"
    r"of course|certainly|no problem|no worries|sounds good|makes sense|that makes sense|"
    r"i understand|i get it|i hear you|interesting|wow|really|right then|ok then|okay then)\b"
)

_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_BREAK = _rx(
    rf",\s*(?:and\s+|but\s+|so\s+|then\s+|or\s+)?(?=(?:{WH_OPEN_START}|{REQUEST_VERB}|(?:can|could|would|do|did|does|is|are|have|has|will|was|were|should|shall)\s+(?:you|u|they|he|she|it|we|that|there|the)|you should|you need|you have to|you must|you could|you ought|i(?:'d| would) (?:suggest|recommend|try|go|call)|i(?:'ll| will) (?!be\b|see\b|let\b|leave\b|check\b|catch\b)\w+|let me (?:handle|sort|take|deal|call|ring|fix)|leave it with me|why don't|how about|what about|what if)\b)"
)
# Unpunctuated speech: an acknowledgement or affirmation run straight into a question.
_SPOKEN_BREAK = _rx(
    rf"^((?:(?:well done|good job|nice work|great work|good effort|great effort|nice one|thanks(?: for [\w\s']{{1,40}}?)?|thank you(?: for [\w\s']{{1,40}}?)?|that's (?:fair|helpful|useful|interesting|great|good|tough|hard|rough)|that makes sense|i see|i hear you|i get (?:it|that)|i understand|got it|fair enough|makes sense|ok(?:ay)?|right|sure|yeah|mm+|hmm+|cool|great|good|brilliant|lovely|perfect|interesting)\s+)+)(?!what you mean|what you're saying|what you are saying|how (?:the|your|all|every|it's|its|they|he|she)\b)(?=(?:{WH_OPEN_START}|tell me|walk me|talk me|help me|can you|could you|do you|did you|have you|are you|is it|is there|was it|were you)\b)"
)


_SO_RESTATES = re.compile(
    rf"^(?:and\s+)?so,?\s+(?!(?:{WH_OPEN_START}|{AUX}|{FILLER}|tell|walk|talk|help|let's|lets|let me|i|i'm|i'll|i've|i'd|im|ill|we|we'll|roughly|approximately|ballpark|about|around|um|uh|er|erm|next time|this time|in future|going forward)\b)"
)


def _strip_fillers(clause: str) -> str:
    stripped = clause
    for _ in range(6):
        match = _LEADING_FILLER.match(stripped)
        if not match or match.end() == 0:
            break
        candidate = stripped[match.end():]
        if not _WORD.search(candidate) or _KEEP_AFTER_STRIP.match(stripped):
            break
        # keep "so" when it introduces a restatement ("so you ...", "so the demo ..."): it marks a reflection
        if _SO_RESTATES.match(stripped):
            break
        stripped = candidate
    know_what = _KNOW_WHAT.match(stripped)
    if know_what:
        stripped = stripped[know_what.end():]  # "do you know what, it sounds like ...": a lead-in, not a question
    approximately = _APPROXIMATELY_WH.match(stripped) or _TIME_LEAD_IN.match(stripped)
    if approximately:
        # "about how many a day": the question is how many; "next time why not ...": the question is why not
        stripped = stripped[approximately.end():]
    return stripped.strip(" ,.;:-")


_KNOW_WHAT = re.compile(r"^(?:(?:do|d')\s?(?:you|u)|you) know what\s*[,!.]+\s*(?=\w)", re.IGNORECASE)
_TIME_LEAD_IN = re.compile(r"^(?:next|this|last) time,?\s+(?=(?:why|what|how|when|who|which|where)\b)", re.IGNORECASE)
_APPROXIMATELY_WH = re.compile(r"^(?:about|around|roughly|approximately|like),? (?=(?:how|what|when|which)\b)", re.IGNORECASE)


def _first(patterns: list[tuple[re.Pattern[str], str]], text: str) -> str | None:
    for pattern, _name in patterns:
        match = pattern.search(text)
        if match:
            return match.group(0).strip(" ,.")
    return None


_WHEN_THEN_DO = _rx(
    r"^(?:when|whenever|once|if|before|after) (?:you|they|the|it|he|she)\b[^,?]*?\b(?:ask|call|send|tell|say|offer|push|book|try|stop|get|go|make sure|don't|dont|always|never) "
    r"(?:them|him|her|the|for|about|what|how|it|a|an|your)\b")
# "What tends to work is ...", "what the buyer wants is ...": a pseudo-cleft statement gives the answer.
_PSEUDO_CLEFT = _rx(
    r"^what (?:[\w']+ ){0,3}?(?:works|worked|helps|helped|matters|counts|sells|tends to \w+|usually \w+|"
    r"wants|wanted|needs|needed|expects|cares about|"
    r"(?:i|you|we|they|people|reps|buyers|clients|customers|he|she)(?:'d|d| would| will| should)? (?:do|did|does|try|say)) "
    r"(?:is|was) (?!(?:it|that|this|with|for|about|on|in|at|to|like|going|gonna|supposed|happening|here|there|now|"
    r"then|exactly|really|actually|so|wrong|up|left|next|missing)\b)[\w']+ [\w']+")
# Asking leave to tell ("can I share something that's worked for others?") announces advice.
_OFFER_TO_TELL = _rx(
    r"\b(?:(?:can|could|may|might|shall) i (?:just )?(?:tell you|share|suggest|offer|give you (?:a|an|some|my)|mention|"
    r"make a suggestion|throw (?:something|an idea|a thought) (?:in|out|at you))|"
    r"(?:would|will|is) it be (?:ok|okay|alright|all right|helpful|useful) if i (?:shared|share|told|tell|suggested|suggest|"
    r"offered|offer|gave|give|mentioned|mention)|"
    r"(?:(?:do|would) you )?mind if i (?:share|shared|suggest|suggested|tell|told|offer|offered|mention|mentioned)|"
    r"i wonder if i (?:could|can|might) (?:tell|share|suggest|offer|give|mention)|"
    r"i(?:'d| would) like to (?:tell you|share|suggest|offer|give you (?:a|an|some|my)))\b")
_WHAT_YOU_NEED = _rx(r"^what (?:you|u|ya) (?:really |probably |actually )?(?:want|wanna|need|gotta|should|could|have|ought|might want|must)\b[^?]*\b(?:is|'s|was)\b")
_PAST_REBUKE = _rx(
    r"\b(?:you|u) (?:just |simply |really )?(?:don't|dont|can't|cant|never|won't|wont) (?:plan|listen|prepare|prep|follow through|think ahead|check|learn|bother)\b|"
    r"\b(?:you|u) (?:really |honestly |definitely |obviously |clearly )?(?:should(?:'ve| have|a| of)|shouldn't have|shouldnt have|ought to have|could(?:'ve| have) at least|must have known|knew better)\b|"
    r"\bshould(?:'ve| have) known better\b|\bknow better than that\b|"
    r"\b(?:you|u) (?:clearly |obviously |just |really |simply |never even |didn't even |did not even )?(?:didn't|did not|didnt|haven't|havent|never) (?:bother|prepare|prep|check|listen|read|plan|qualify|think|do your homework|do the work|follow through|try)\b"
)
_NEGATIVE_AUX_LEADING = _rx(
    r"^(?:isn't|isnt|wouldn't|wouldnt|shouldn't|shouldnt|couldn't|couldnt|mightn't)\b"
    r"|^(?:haven't|havent|can't|cant|won't|wont|aren't|arent|don't|dont|doesn't|doesnt|wasn't|wasnt)\s+(?:you|u|we|it|that|this|there)\b"
    r"|^(?:so |but |and )(?:isn't|isnt|wouldn't|wouldnt|shouldn't|shouldnt|couldn't|couldnt)\b"
)
_LEADING_BENEFIT = _rx(
    r"\b(?:help|helps|be (?:better|worth|smarter|easier|quicker|faster|wiser|good|nice|great|best|useful|safer|simpler|stronger)|"
    r"work better|make (?:sense|more sense|it easier|things easier|a difference)|clear (?:this|it|that|things) up|"
    r"sort (?:it|this|that) out|do the trick|be the answer|solve|fix (?:it|this|that)|be better off|be prudent|"
    r"be wise|be sensible|be an idea|be a good idea|be worth (?:it|a|trying)|be more use|be more useful|"
    r"worth a (?:shot|try|go|punt|look))\b"
)
_BENEFIT_STARTS = _rx(r"^(?:would|wouldn't|wouldnt|could|couldn't|might|will|won't|is|isn't|isnt|does|doesn't|doesnt)\b")
_LOGISTIC_CHECK = _rx(r"^(?:does|did|do|would|will|is) (?:that|this|it|tuesday|thursday|friday|monday|wednesday|the time|now|\w+day) (?:make sense|work|suit|still work|sound (?:ok|okay|good|right)|ok|okay)\b")
_YN_ANY_WORD = _rx(rf"^(?:{AUX})\s+[\w'-]+")
_STRONG_IMPERATIVE = _alt(wordlists.STRONG_IMPERATIVE)
_CLAUSE_IMPERATIVE = _rx(
    rf"(?:[,;:]|\bso\b|\bthen\b|\band\b|\binstead\b|\bnow\b|\bbut\b|\bplease\b|\bnext time\b)\s+(?:just\s+|please\s+|then\s+)?(?:{_STRONG_IMPERATIVE})"
    r"\s+(?:the|a|an|your|them|him|her|it|that|this|those|these|every|each|one|two|three|four|five|some|more|less|"
    r"out|up|through|off|on|back|to|with|about|for|in|any|all|what|how|their|his|yourself|first|tomorrow|today|"
    r"straight|direct|round|again|before|after|when|now|it's|'em|em|and|sure|\w+ing)\b"
)
_NEXT_TIME = _rx(rf"\b(?:next time|going forward|from now on|in future),?\s+(?:(?:just|please|make sure you|try to|you|you'd|youd|you'll|youll|always|\w+ly)\s+)?(?:{IMPERATIVE_VERB}|should|need|must|could|want|have to|ought)\b")
# "... it came good, so do that": the manager's story ending in the instruction
_SO_DO_THAT = _rx(r"\b(?:so|then|and) (?:just )?(?:do|try) (?:that|the same|likewise|this|it that way)(?: (?:too|then|yourself))?[\s.!]*$")
# the words a spoken check may open with: "so", "and", "okay", "right"
_CHECK_OPENING = r"^(?:(?:so|and|ok|okay|right)\s+)*"
# a time proposed or checked: "friday at 2 then", "still ok for thurs at 10"
_DAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)(?:day)?|tues|wed|thu|thur|tomorrow|today|next week)"
        r"(?: (?:at )?\d{1,2}(?:[:.]\d{2})?(?: ?[ap]m)?| morning| afternoon| first thing| lunchtime)?")
_TIME_CHECK = _rx(rf"{_CHECK_OPENING}(?:(?:are|is) (?:we|it|that|you) )?(?:still )?(?:ok|okay|good|fine|on|alright|all right|free) for {_DAY}[\s.!?]*$|"
                  rf"{_CHECK_OPENING}{_DAY} (?:then|yeah|ok|okay|still)[\s.!?]*$")
# a fact of theirs checked: "u called them already", "you sent it yet"
_DONE_ALREADY = _rx(_CHECK_OPENING + r"(?:you|u)(?:'ve| have)? (?:\w+ed|sent|spoke|spoken|rang|rung|met|told|got|put|made|did|done|wrote|written)\b"
                    r"[^.?!,]{0,50}?\b(?:already|yet)[\s.!]*$")
# "friday morning or afternoon", "email or phone?": two options named, one to pick (no verb, no person)
_CHOICE_FRAGMENT = _rx(_CHECK_OPENING + r"(?:is it\s+)?(?!.*\b(?:you|u|i|we|they|it|more|less|later|sooner|never|else|whatever|"
                       r"not|nothing|something|anything|better|worse|die|bust|lose|leave)\b)(?:[a-z0-9'-]+ ){0,2}[a-z0-9'-]+ or (?:[a-z0-9'-]+ ){0,2}[a-z0-9'-]+[\s?.]*$")
# "sorry which product was it": an apology run into a question, which decides
_SORRY_THEN_ASKS = _rx(rf"^(?:oh |ah )?sorry,?\s+(?=(?:{WH_OPEN_START}|which|who|when|where|what|how)\b|(?:{AUX})\s+(?:you|u|they|he|she|it|the|we)\b)")
_OTHER_START = _rx(
    r"^(?:sorry|apologies|excuse me|please note|congrats|congratulations|brb|can you hear me|hear me (?:ok|okay|now)|"
    r"you(?:'ve| have) (?:gone|frozen|froze)|you froze|you're on mute|you are on mute|(?:can you )?say that (?:last bit )?again|"
    r"(?:can you )?repeat that|how ya going|how you going|how are ya|how was the (?:weekend|holiday|trip|break)|"
    r"(?:we(?:'ll| will)|let's|lets) pick (?:it|this|that) up|that's (?:us out of )?time|that's us|out of time|same (?:slot|time) next|"
    r"you (?:cut out|froze|dropped(?! the| it| that| this| them| him| her| a\b| your)|broke up|went quiet)|can't hear myself|quick one|before we (?:get|move|dig|go|jump|crack)|"
    r"give me (?:one|a|two|a couple of|a few) (?:sec|secs|second|seconds|minute|minutes|mins|moment|moments)|"
    r"how(?:'s|s| is| was) (?:the|your) (?:weekend|holiday|trip|break|morning|commute|journey)(?: been)?|lemme (?:just )?(?:find|grab|get|check|pull|open)|"
    r"i (?:know|get it|get that|hear you|hear that|understand|see)[,.]?$|pick (?:it|this|that) up (?:next|tomorrow|later|another|on)|before we (?:start|begin|get going|kick off|dive in)|hold that thought|"
    r"see you|lovely to see|good to see|nice to see|great to see|welcome back|welcome|enjoy|have a (?:good|great|nice|lovely)|"
    r"happy (?:friday|monday|birthday|new year)|ha|haha|blimey|gosh|wow|oops|whoops|bless you|cheers|"
    r"quick one|one sec|give me (?:one|a) (?:sec|second|minute|moment)|i got your (?:message|email|text|note)|"
    r"(?:i'll|i will|ill) send (?:the|a|you the|you a) (?:calendar |diary |meeting )?(?:invite|link|notes|agenda|summary)|"
    r"are we recording|(?:we(?:'ve| have)|weve|we) got (?:the room|until|about|twenty|thirty|half an hour|ten minutes|\d+)|"
    r"where was i|here we go|there we go|right then|ok then|okay then|that's me|no worries|no problem|"
    r"how are you(?: doing| today| keeping)?\s*\??$|how's it going\s*\??$|how was your (?:weekend|holiday|trip|break)|you alright\s*\??$|alright\s*\??$|hang on|hold on|"
    r"bear with me|one moment|just a (?:sec|second|moment|minute)|let me (?:find|grab|get|check|pull up|open|look|just)|"
    r"i(?:'ve| have) got (?:a(?! (?:\w+ )?(?:brochure|leaflet|handout|template|checklist|guide|sheet|worksheet|script|playbook|case study)\b)|another|to (?:leave|dash|run|go|jump))|hard stop|i need to (?:leave|dash|run|go|jump)|"
    r"catch you|come in|come on in|take a seat|have a seat|sit (?:wherever|anywhere|down)|hold that thought|"
    r"where was i|where were we|shall we (?:start|begin|get going|crack on|kick off|get started|make a start)|"
    r"thanks for coming(?: in| along| over)?(?: today| this morning)?[.!]*$|thank you for coming(?: in| along| over)?(?: today| this morning)?[.!]*$|"
    r"same time|same slot|let's leave it|leave it there|(?:we'll need to )?wrap (?:it )?up|grab a (?:seat|chair|pew)|"
    r"sit wherever|sit anywhere|i'll be with you|you're fine|thanks for your time|thank you for your time|"
    r"sorry (?:i'm|for being|we're) late|is it (?:just )?me or|(?:oh,? )?look at the time|that's the (?:sheet|file|doc|one) i|"
    r"good weekend|nice weekend|ah,? the \w+ one|that's us|"
    r"i (?:see|know|get|understand) what you mean|i hear what you(?:'re| are) saying|i follow)(?:\b|$)"
)
_ACK_THEN_OTHER = _rx(r"^(?:great|good|cool|lovely|perfect|brilliant|nice|super|excellent|fab|ok|okay|right|sure|well|ah|oh|yep|yes)[,.!]?\s+(?:well[,.]?\s+)?(?=see you|speak soon|talk soon|catch you|have a good|enjoy|thanks for coming|bye|same time|same slot|let's leave|let's wrap|that's us|that's time|look at the time)")
_SMALL_TALK = _rx(
    r"\b(?:coffee|tea|parking|permit|permits|room|wifi|wi-fi|traffic|weather|cold in here|hot in here|raining|lunch|"
    r"weekend|holiday|kids|school run|fire alarm|drilling|noise|laptop|invite|recording|pen|projector|"
    r"door|car park|train|commute|biscuits?|the heating|aircon|my phone|my screen|my notes|the agenda|calendar|"
    r"teams link|zoom link|the link|the call dropped|you froze|froze|on mute|can you hear me|hear me ok|"
    r"bathroom|toilet|canteen|kitchen|sandwich|cake|birthday|the lift|badge|reception|freezing|boiling|roasting|chilly|"
    r"sunny|snow|the line's|the line is|line's terrible|in here|jacket|sleepy|screen share|screen sharing|"
    r"isn't working|isnt working|meeting ran over|ran over)\b"
)
_SIDING = _rx(
    r"\b(?:you(?:'re| are) (?:completely |totally |absolutely |dead |so |quite |100% |a hundred percent |entirely )?right"
    r"|too right|dead right|i(?:'m| am) with you on (?:that|this|it)|i(?:'m| am) on your side|i agree|i totally agree|couldn't agree more|"
    r"you did nothing wrong|nothing you could(?:'ve| have) done|not your fault|not on you|not down to you|nothing to do with you|no fault of yours|they(?:'re| are) to blame|"
    r"should be ashamed|it's a stitch-up|what a stitch-up|a total stitch-up|on your side here)\b"
)
NEGATIVE_WORDS = wordlists.NEGATIVE_WORDS
_NEGATIVE = _Lexicon(NEGATIVE_WORDS)
_FEELING = _Lexicon(FEELING_WORDS)
# what they want, hope or fear, said to them: "you kind of wanna have both", "you don't want to be
# the one who drops it" (not "you want to call them first", the manager's instruction, nor "you
# want to get better", their intent recognised)
_INSTRUCTED = (r"(?:make sure|be sure|be careful|avoid|watch|think|consider|start|stop|focus|try|call|ring|phone|e-?mail|send|book|"
               r"ask|follow|chase|pick up|set up|reach out|go back|get (?:back|in|on|ahead|the|a|an|it|that|them|him|her|your)|put|write|"
               r"prep|prepare|check|talk to|speak to|push|offer|share|loop|escalate|schedule|plan|review|look at|go through|run|draft|update)\b")
_THEIR_WISH = (rf"^(?:so |and |but )?{YOU} (?:(?:really|kind of|sort of|kinda|probably|still|just) )?"
               r"(?:want|wanna|wanted|wish|wished|hope|hoped|fear|worry|would like|'d like|don't want|didn't want|do not want)\b"
               rf"(?!(?: to)? {_INSTRUCTED})(?! to (?:do right|do well|do the right|get better|improve|help|learn|grow)\b| your team\b)")
_REFLECTIVE_FRAME = _rx(
    rf"^(?:so )?{YOU}(?:'re| are) (?:(?:still|kind of|sort of|kinda|a bit|a little|really|quite|just|so|very|pretty|feeling) )*(?:not sure|unsure|torn|wondering|worried|afraid|concerned|frustrated|angry|annoyed|upset|"
    r"disappointed|fed up|nervous|anxious|stressed|tired|exhausted|confused|stuck|proud|pleased|chuffed|relieved|excited|gutted|hurt)\b|"
    rf"^(?:[\w'-]+ ){{0,3}}?(?:sounds|seems|feels|feel|looks) (?:to you )?(?:like|as if|as though)\b|^(?:so )?{YOU} (?:(?:probably|might|may|must|still|really|kind of|sort of|kinda|almost) )?(?:feel|felt|think|thought|reckon|believe|sound|seem|said|mean)\b|{_THEIR_WISH}|^(?:so )?{YOU}(?:'re| are) (?:saying|telling me)\b|"
    r"^(?:so )?(?:what )?i(?:'m| am) hearing\b|^(?:it's|it is) like\b|^(?:so )?from where you(?:'re| are)? (?:sitting|sit|stand)|^(?:so )?(?:as|the way) you see it|"
    r"^i(?:'m| am) (?:sensing|picking up|getting the sense)|^i (?:can )?(?:hear|see|sense|tell) (?:that )?(?:you|it|this|that)(?:'re| are| feel| felt|'ve| have| were| really| kind| sort)\b|"
    r"^i (?:get|have|got) (?:the |a )?(?:impression|feeling|sense)\b|^(?:(?:it )?(?:kind of |sort of |kinda )?(?:feels|sounds|seems) (?:like|as if|as though))\b|\bfel(?:t|ls?) \w+ to you\b|^i (?:sense|get the sense|get the feeling)|^(?:so )?from your (?:side|point of view|perspective)|^(?:so )?for you\b|"
    r"^(?:so,? )?in your (?:view|eyes|mind)|^(?:so,? )?(?:part of you|on one hand|on the one hand)|^it (?:stings|hurts|smarts|grates)\b|,? (?:the way|as) (?:you|u) see it[.!]*$|,? (?:in your (?:view|eyes|mind)|from where (?:you|u) (?:sit|stand))[.!]*$|\b(?:you|u) keep (?:coming back to|going back to|mentioning|bringing up|returning to)\b|^(?:so |and )?it (?:really |still |kind of |clearly )?(?:bugs|annoys|frustrates|irritates|bothers|upsets|gets to|eats at|niggles|rankles|worries) (?:you|u)\b"
)
POSITIVE_WORDS = wordlists.POSITIVE_WORDS
_POSITIVE = _Lexicon(POSITIVE_WORDS)
# A hurt named, which makes effort said back a reflection of how it feels rather than praise
_PAINFUL_FEELING = _rx(r"\b(?:doesn't feel (?:great|good|right)|deflating|demoralising|demoralizing|disheartening|soul[- ]destroying|sidelined|embarrass\w*|stings?|hurts?|gutted|frustrat\w*|upset|annoyed|angry(?! (?:customer|client|buyer|caller|email|prospect))|disappointed|ashamed|"
                       r"anxious|worried|nervous|scared|fed up|took it out of you|out of patience|kicking yourself|beating yourself up)\b")
# Credit given for the feeling itself: "it says a lot about you that you're worried about them"
_CREDIT_FOR_IT = _rx(r"\b(?:says a lot about you|shows (?:how much )?you care|tells me (?:how much|you care)|(?:is|that's) a (?:good|great) (?:sign|thing))\b")
_NEGATIVE_FEELING = _rx(
    r"\b(?:gutting|gutted|frustrat\w*|annoy\w*|upset|fed up|stressed|worried|anxious|nervous|scared|afraid|"
    r"disappoint\w*|embarrass\w*|overwhelm\w*|exhaust\w*|tired|drained|stuck|alone|unfair|hurt|sad|"
    r"discourag\w*|demotivat\w*|deflat\w*|lost|tough|hard|difficult|rough|painful|nothing came|didn't work|"
    r"didnt work|didn't land|didnt land|nobody|no one|still bugging|bugging|sting\w*|blow|knock)\b"
)


# Verbs that are commands when they open a clause and take an object ("split your patch", "reply
# within the hour"); many are nouns too, so the object is required.
_OBJECT_IMPERATIVE = _rx(
    r"^(?:please\s+|just\s+|first\s+|now\s+|then\s+)*(?:split|reply|respond|commit|segment|divide|rank|sequence|cap|"
    r"limit|separate|group|bundle|batch|summarise|summarize|recap|document|capture|agree|align|request|insist|"
    r"tailor|personalise|personalize|customise|customize|simplify|clarify|quantify|anchor|frame|position|"
    r"address|tackle|treat|replace|remove|delete|archive|confirm|protect|reserve|allocate|assign|earmark|"
    r"hand over|hand off|push back|hold off|hold back|lock in|pin down|nail down|line up|set aside|carve out|"
    r"time-block|timebox|cold-email|warm up|qualify out|walk them|take them|get them|get him|get her)"
    r"\s+(?:your|the|a|an|them|him|her|it|this|that|these|those|every|each|all|some|only|their|his|what|who|"
    r"within|before|by|to|on|back|up|out|off|down|first|any|one|two|three|with)\b")


# An instruction: optional softeners, then an instruction verb and a few words after it.
_IMPERATIVE_START = re.compile(
    rf"^(?:please\s+|kindly\s+|whatever (?:you|u) do,?\s+|if nothing else,?\s+|at the very least,?\s+|at minimum,?\s+|obviously,?\s+|of course,?\s+|ideally,?\s+|just\s+|maybe\s+|definitely\s+|really\s+|honestly\s+|now\s+|then\s+|first\s+|only\s+|also\s+|instead\s+|next time,?\s+|next time\s+|today\s+|tomorrow\s+|this week\s+|for now,?\s+|from now on,?\s+|going forward,?\s+)*(?:{IMPERATIVE_VERB}|have a (?:look|go|think|word|chat|crack|listen|read|play|try)|have another|give (?:[\w'-]+ ){{1,2}}a (?:shout|ring|call|bell|buzz|nudge|try|go|chance)|step (?:back|aside|up)|back off|ease off|lean in)\b(?:\s+[\w'-]+){{0,3}}", re.IGNORECASE)
_NOT_AN_INSTRUCTION = re.compile(r"^(?:try me|call it|get it\??$|take care|go on|keep going|hold on|hang on|stop there|look,|listen,|mind you|always the same)", re.IGNORECASE)


def _is_imperative(clause: str) -> str | None:
    if _IMPERATIVE_EXCEPTIONS.match(clause):
        return None
    commanded = _OBJECT_IMPERATIVE.match(clause)
    if commanded:
        return commanded.group(0)
    match = _IMPERATIVE_START.match(clause)
    if not match:
        return None
    verb_phrase = match.group(0)
    # "call it a day?" / "try me" are not instructions about the work
    if _NOT_AN_INSTRUCTION.match(verb_phrase):
        return None
    return verb_phrase


def _yes_no(body: str, question_marked: bool) -> re.Match[str] | None:
    return (_YN_START.match(body) or _YN_SHORT.match(body) or _YN_START_NAMED.match(body)
            or (question_marked and (_YN_ANY_WORD.match(body) or _YN_SHORT_MARKED.match(body))))


# "is leon back from leave", "did harlow sign": an auxiliary, a name or a noun, and more words
_YN_START_NAMED = _rx(r"^(?:is|are|was|were|did|does|has|isn't|wasn't|didn't|doesn't|hasn't|won't|will|can|could|would|should)\s+"
                      r"(?!(?:do|be|have|go|get|make|take|give|try|it|there|this|that)\b)[a-z][a-z'-]+\s+\w+\s+\w+"
                      # a negative opening a question names its subject ("wouldn't the team be ...", "shouldn't
                      # some calls go ..."); typed with the subject dropped it is a statement ("wouldn't know")
                      r"|^(?:wouldn't|shouldn't|couldn't|aren't|weren't)\s+(?:(?:the|a|an|your|their|his|her|those|these|some|any|all|most|at least)\b"
                      r"|[a-z]+'s\b|[a-z]+ing\b|\d+\b|[a-z]+ (?:be|have|get|want|mind|care|rather|prefer|need|expect|notice|go|come)\b)")
_HOUSEKEEPING = _rx(r"\b(?:on the call|door|window|laptop|coffee|tea|room \d|meeting room|the room|calendar invite|team calendar|calendar|diary|the link|teams link|zoom link|my notes|agenda|recording|blinds|heating|aircon|screen|mic|camera|lights|my email|this message|my inbox|my messages|this email|spreadsheet|my phone)\b")
_DOING_IT_MYSELF = _rx(r"\b(?:i'll|i will|i shall|ill|i'm|im|i am|let me|want me to|shall i|should i)\b[^.,;?!]{0,90}?\b(?:myself|on your behalf|personally|for you)\b(?! to\b)")


# The word model may guess a takeover only where the manager says they will act: "I'll", "let me"
# (not "let me know"), "leave it with me", "give me".
_TAKEOVER_GUESS_HINT = _rx(r"\b(?:i'll\b(?!\s+(?:keep you|let you|see you|send you|call you|ring you|be|stay|keep out|leave (?:you|it to you)|think)\b)|ill|i will|i shall|i'm going to|i'm gonna|let me (?!know\b)|leave (?:it|that|this|them) (?:with|to) me|give me|hand (?:it|them|that) over)")


# "let me step back", "let me start again": the manager taking back their own words, not the work
_TAKING_IT_BACK = _rx(r"(?:let me|lemme|i'll|i will)\s+(?:just\s+)?(?:step back|back up|start (?:again|over)|try (?:that )?again|put (?:it|that) (?:differently|another way))\b")
_AGREEING_TO_HELP = _rx(r"^(?:(?:yes|yeah|sure|ok|okay|fine),? )?i can do that[.!]*$")


def _housekeeping_near(body: str, start: int, width: int = 30) -> bool:
    """A housekeeping word within ``width`` characters after ``start`` (whole words only)."""
    found = _HOUSEKEEPING.search(body, start)
    return bool(found) and found.start() < start + width


_LOGISTICS_SEND = _rx(r"^(?:i'll|i will|ill) (?:send|forward|share) (?:the|a|an|you the|you a|you an|over the) (?:calendar |diary |meeting |teams |zoom )?(?:invite|link|notes|agenda|summary|minutes|slides)\b")


# Every takeover names the manager or hands the work over: a reply with none of these words is not
# one (nor is the word model's guess of one: "Karen stitched you up").
_TAKEOVER_HINT = _rx(r"\b(?:i|me|my|myself|mine|lemme|gimme|ill|im|ive|id|i'll|i'm|i've|i'd)\b|off your|for you|"
                     r"consider it|leave (?:it|that|this|the|them|all)|not your (?:problem|worry)|on the case")


# "let me make sure I understand", "I'm going to get on your case", "I'll plan to see you in two
# weeks", "happy to talk with both of you": about the conversation, not the work
_CHECKING_UNDERSTANDING = _rx(r"\bmake sure (?:that )?i(?:'ve)? (?:understand|get|have|got|heard|follow)\b|\bsee if i(?:'ve)? (?:got|get|understand|have|heard|follow)\b|\b(?:get|be) on your case\b|"
                              r"\b(?:plan to|be happy to|be glad to|happy to|glad to|i'll|i will|we'll|look forward to|looking forward to) "
                              r"(?:meet|see|talk|speak|catch up) (?:again )?(?:with |to )?(?:you|both of you|you both|the two of you)\b"
                              r"(?!['’]| about (?:the|their|his|her))")


def _takeover(body: str) -> str | None:
    if _AGREEING_TO_HELP.match(body):
        return None  # "I can do that": yes to what they asked, not their work taken
    # "let me step back", "let me put that differently": blanked (same length, so cues keep their place)
    body = _TAKING_IT_BACK.sub(lambda found: " " * len(found.group(0)), body)
    if _LOGISTICS_SEND.match(body) or not _TAKEOVER_HINT.search(body) or _CHECKING_UNDERSTANDING.search(body):
        return None
    cue = _first(_TAKEOVER, body)
    if not cue:
        # "I'll + a verb of doing their work" (reply, map out, reallocate, coach, host ...) takes it over
        for generic in _GENERIC_TAKEOVER.finditer(body):
            if not _GENERIC_NOT_TAKEOVER.match(generic.group(1)) and not _housekeeping_near(body, generic.end()):
                return generic.group(0)
        owned = _OBJECT_TAKEOVER.search(body)
        if owned and not _housekeeping_near(body, owned.start(), owned.end() - owned.start() + 30) and not _NOT_TAKEOVER.search(owned.group(0)):
            return owned.group(0)
        return None
    if _NOT_TAKEOVER.search(cue) and _DOING_IT_MYSELF.search(body):
        return _DOING_IT_MYSELF.search(body).group(0)  # "I'll get a fresh list pulled for you myself"
    if _HOUSEKEEPING.search(body[:80]) and re.search(r"\b(?:let me|lemme|i'll|ill) (?:just )?(?:close|open|finish|grab|find|check|send|shut|turn|mute|unmute|share)\b", body):
        return None
    return None if _NOT_TAKEOVER.search(cue) else cue


_COMFORT = _rx(
    r"^(?:(?:i'm sure|i reckon|i think|trust me|honestly|look|oh|ugh|oof|ah|aw|bless),? )*(?:"
    r"(?:that's|that is|that was|it's|what) (?:a |such a )?(?:really |so |just |pretty )?(?:rough|tough|rubbish|gutting|grim|horrible|pants|"
    r"a pain|unlucky|a bummer|a blow|rotten|crap|cruel)(?: one| break| luck| week| day| month)?(?: mate| man)?[.!]*$|"
    r"tough (?:break|luck|one|week|day)|you(?:'re| are) (?:not|never) (?:alone|the only one|the first)(?: (?:in|with|on) (?:this|that|it)(?: one)?)?(?:,? and you won't be the last)?|it is what it is|"
    r"we(?:'ll| will) (?:figure|work|sort) (?:it|this|that) out|we all have (?:those|these|them|weeks|days|months)|"
    r"(?:stuff|things|that|it) like that (?:just )?happens?|(?:it's|that's) not the (?:worst|end)|"
    r"these things (?:tend to |usually |always )?(?:work|sort|blow) (?:themselves |itself )?(?:out|over)|take your time|no rush|"
    r"(?:it|this|that|these things|this stuff|stuff like this|all this|it all|learning this|getting good) (?:just |all )?(?:takes?|needs?) (?:a bit of |a little |some )?time\b|"
    r"there's no rush|i(?:'m| am) (?:knackered|shattered|exhausted|tired|fried|wiped) (?:too|as well|myself)|"
    r"it(?:'ll| will) work out,? (?:these things|they|it) (?:usually|always|normally) (?:do|does)|it's not just you|(?:it's|that's) brutal for everyone|"
    r"(?:i )?hope you (?:feel|get) better(?: soon)?|feel better soon|get well soon|(?:that's|this is) what (?:these sessions are|i'm here|we're here) for|"
    r"(?:it is|it's|it was) my pleasure|don't get me started(?: on [\w' ]{1,30})?[.!]*$|"
    r"it(?:'ll| will) come(?: good| right| back)?(?:,|\.|$)|(?:you|they|we) always do[.!]*$|(?:it )?always does[.!]*$|(?:they|he|she)(?:'ll| will) come back\b|sending (?:my|our) (?:best|love|thoughts)|thinking of (?:you|her|him|them)|don't remind me|tell me about it(?=,)|"
    r"(?:you're|you are) (?:going to|gonna) be (?:brilliant|great|fine|ok|okay|amazing|grand|alright|all right|a natural)\b|good luck\b(?: (?:with|at|on|for|in) [\w' ]{1,30}?)?(?=\s*[.!,;]|\s*$)|"
    r"(?:don't|dont|do not) (?:worry|stress|panic|fret|beat yourself up|be (?:so |too )?hard on yourself|sweat it|"
    r"take it (?:personally|to heart))(?: about (?:it|that|this))?(?: too much)?|no worries|never mind|"
    r"(?:you'll|youll|you will) (?:get there|be (?:fine|ok|okay|alright|all right|grand)|figure it out|bounce back|"
    r"crack it|get it next time)(?: in the end| eventually| soon)?|you(?:'ve| have)? got this|hang in there|(?:keep your )?chin up|"
    r"it(?:'ll| will)(?: all)? (?:be (?:fine|ok|okay|alright|all right)|work out|come good|come right|get easier|get better|"
    r"pass|sort itself out)|(?:it|that|these things|this stuff|stuff like that|things like that) happens?"
    r"(?: to (?:all of us|everyone|everybody|the best of us|us all|all of us at some point))?|"
    r"we(?:'ve| have) all been there|happens to the best of us|it's not the end of the world|tomorrow's another day|"
    r"(?:i'm |i am |so )?sorry(?: to hear (?:that|it|about that)| that happened| you had to deal with that)?|"
    r"that's (?:a )?(?:shame|pity|bad luck)|what a (?:shame|pity)|oh no|oh dear|poor you|bless you|you poor thing|"
    r"i'm (?:here|always here) (?:for you|if you need)|my door is (?:always )?open|i've got your back|i'm in your corner)\b")
# Asking leave to say something, without saying it yet ("can I share an idea?")
_PERMISSION = _rx(
    r"^(?:(?:can|could|may|might|shall) i|(?:is|would) it be (?:ok|okay|alright|all right|useful|helpful) if i|"
    r"is it (?:ok|okay|alright|all right) if i|(?:do you )?mind if i|would you mind if i|would you like me to|"
    r"are you (?:ok|okay|happy|open) (?:with me|for me|if i) (?:to )?|how would you feel if i)\s+(?:just\s+|maybe\s+)?"
    r"(?:share|shared|offer|offered|suggest|suggested|mention|mentioned|add|added|throw in|threw in|throw out|throw|threw|give you|gave you|tell you|told you|"
    r"make|made|run|ran|put)\s+(?:(?:an?|one|some|my|a (?:quick|small|little)|a couple of|a few)\s+)?"
    r"(?:idea|ideas|thought|thoughts|suggestion|suggestions|observation|observations|information|info|view|take|"
    r"two cents|something|something out there|one thing|a thing|one observation|something in|an idea in|ask (?:a few|some|a couple of) (?:more |quick )?questions|take (?:some )?notes|jot (?:a few |some )?(?:things|notes) down|"
    r"what i (?:think|noticed|see|know|look at(?: first)?|do|did|'d do|would do|use)|what other (?:people|reps|teams) (?:do|have done|tried)|"
    r"an? (?:idea|thought|suggestion|observation))(?:\s+(?:with you|here|by you|past you|about (?:it|that|this)|"
    r"on (?:it|that|this)|i had|i've had|that might help|that could help|that (?:helped|worked for) me(?: when [\w' ]{1,40}?)?|"
    r"from (?:my own experience|when i (?:was|started)[\w' ]{0,30}?)))*(?=\s*[?.!]*\s*$)")


_OPENING = r"^(?:(?:so|and|but|well|okay|ok|right|look|then|now|just|honestly|maybe|hmm)[,]?\s+)*"
_GERUND = r"(?!(?:thing|everything|something|anything|nothing|morning|evening|meeting|feeling|pricing|timing|wording|ending|beginning|building|setting|being|going on)\b)\w{2,}ing\b"
# Named rules for forms that decide a clause before its question or statement shape is read:
# (id, label, pattern), tried in order.
_NAMED_CLAUSE_RULES: tuple[tuple[str, Label, re.Pattern[str]], ...] = (
    # a line to say, quoted: "try 'does it make sense to start the paperwork today?'" tells them what to say
    ("advice.line_to_say", Label.ADVICE, _rx(
        _OPENING + r"(?:(?:sure|yeah|maybe|then)[,.!]*\s+)*(?:try|say|ask (?:them|him|her)|tell (?:them|him|her)|go with|open with|lead with|"
        r"something like)\b(?=[,:]?\s*[\"“‘'])")),
    # "sure, why not", "don't be daft", "forget I said it": going along, reassuring or taking back, not telling
    ("other.going_along", Label.OTHER, _rx(
        _OPENING + r"(?:(?:sure|yeah|yes|fine|alright|go on|of course)[,.!]*\s+why not\b[.!]*$|(?:oh,? )?don't be (?:daft|silly|soft|ridiculous|so hard on yourself)\b|"
        r"(?:fair enough[,.!]*\s+)?forget (?:i said (?:it|that|anything)|(?:it|that)[.!]*$)|forget i (?:said|mentioned) (?:it|that|anything)\b)")),
    # the manager offering, as a question, to do it for them
    ("offer.takeover", Label.TAKEOVER, _rx(
        _OPENING + rf"(?:(?:shall|should|can|could|may) i|(?:do you want|would you like|d'you want|(?<!you )(?<!u )want|(?:you|u) want(?= me to[^?]*\?)|need|do you need|would you like|like) me to|"
        rf"(?:how about|what if|why don't|why dont) i)\s+(?:just\s+|maybe\s+|quickly\s+|personally\s+|go and\s+)?"
        rf"(?!take a (?:look|note|moment|minute|second|break)\b){TAKEOVER_VERB}\b(?!\s+(?:you|u|with you)\b)|"
        + _OPENING + r"(?:do you )?(?:want|need) me to\s*\??$|" + _OPENING + r"(?:do you )?(?:want|need) me to (?:just )?put (?:it|that|them|this)\b|"
        + _OPENING + r"(?:it'd be |it would be |it's )?(?:easier|quicker|simpler|faster|better) if i (?:just )?(?!(?:knew|understood|heard|saw|asked|listened)\b)\w+|"
        + _OPENING + r"from now on,? i(?:'ll| will)? (?:do|run|handle|take|lead|own|write|send)\b|"
        + _OPENING + r"would it help if i (?:just )?(?:reached|called|rang|spoke|talked|emailed|wrote|sent|had a word|took|joined|got|went)\b|"
        + r"^(?:i'm |im )?on it\b(?! (?:too|as well|now,? (?:are|is)))|"
        + _OPENING + r"i (?:just )?(?:call|ring|phone|email|write|send|handle|take|chase|talk to|speak to|visit) (?:him|her|them|it|the \w+) (?:myself|personally)\b|"
        # "just forward me the four lost ones, I'll see what can be saved": the work handed over to the manager
        r"\b(?:forward|send|pass|hand|give|flick) (?:me|(?:it|them|those|these) (?:over )?to me)\b[^.?!]{0,40}?\b(?:i'll|ill|i will) "
        r"(?:see|take|handle|sort|deal|look|chase|try|get|work)\b|"
        # "how about I make the call and you listen in": the manager doing the work
        + _OPENING + r"(?:how about|what about|what if|why don't|why dont) i (?!(?:ask|tell|share|suggest|explain|give you|show you|help you think|"
        r"just listen|listen|shut up|stop|step back|leave (?:it|you))\b)(?:just )?\w+")),
    # a rebuke opened by "seriously", "come on": "seriously why would you send that"
    ("judgment.contrast_verdict", Label.JUDGMENT, _rx(
        r"^(?:oh,? )?come on[.!]*$|\bthat's (?:not (?:a|an) [\w-]+, that's (?:a|an) [\w-]+|[\w-]+, not [\w-]+)[.!]*$|"
        r"\bthat's the (?:word|attitude|thinking|mindset|tone) (?:that worries me|i mean|i'm talking about)|"
        r"\b(?:you said that|(?:is )?what you said about [\w' ]{1,20}?)(?: last \w+|,? too|,? again| before)[.!]*$|"
        r"\band you know it[.!]*$|\bright now you're not a good\b|\bwhose fault is (?:that|it)\b|\bcan't help yourself\b|\bthat's backwards\b|\bthe easy way out\b|"
        r"\bshould(?:'ve| have) been (?:\w+ing|on (?:it|this)) (?:already|by now|weeks ago)\b|^always (?:you|u) \w+|\bwithout ever (?:meeting|talking to|speaking to|checking|asking)\b")),
    ("judgment.seriously_you", Label.JUDGMENT, _rx(
        r"^(?:seriously|really|honestly|come on)[,!?.]*\s+(?:you|u) (?:didn't|did not|don't|haven't|never|couldn't|forgot)\b|"
        r"\bthat's the (?:bit|part|thing) that (?:annoys|bothers|frustrates|gets|worries) me\b")),
    ("judgment.rebuke_opened", Label.JUDGMENT, _rx(
        r"^(?:oh |but )?(?:seriously|come on|honestly|really|i mean)[,!?.]*\s+(?:why|what|how|who)\b(?: on earth| the hell)?\s+"
        r"(?:would|did|do|were|was|are|is|could|can)\s+(?:you|u|anyone)\b")),
    # rhetorical questions that rebuke: "are you even trying?", "what kind of proposal is this?"
    ("judgment.rhetorical", Label.JUDGMENT, _rx(
        _OPENING + r"(?:(?:are|were|did|do|have|had|is|was) (?:you|u) even (?:trying|listening|bothered|bothering|there|"
        r"reading|checking|thinking|awake|serious|paying attention|read|check|think|try|listen|care|bother)|"
        r"what (?:kind|sort) of (?:an? )?[\w-]+(?: [\w-]+)? (?:is|was) (?:this|that)\b|do you (?:ever|even) listen|"
        r"(?:it|that|this) never (?:is|does|works|happens), (?:is|does) it|when have you ever\b|how did [\w' ]{1,25}? work out for you|"
        r"(?:so )?i(?:'m| am) supposed to [\w' ]{1,40}?, am i|how (?:do|did|can|could) you [\w' ]{1,30}? after (?:six|five|four|three|two|\d+|all|a) [\w ]{0,12}?(?:months|years|weeks) here|"
        r"anything else (?:you want to|you wanna|to) blame|do (?:you|u) (?:really|honestly|seriously) (?:think|expect|believe) (?:that's|that is|this is|it's) "
        r"(?:ok|okay|acceptable|good enough|fine|professional)|what possessed (?:you|u)|"
        r"(?:blaming|complaining about|moaning about|whining about|making excuses|passing the buck)\b(?:[^.?!]{0,40}?\bagain\b)?)")),
    # information asked as a question: "did you know that a glass of juice has ...?"
    ("information.did_you_know", Label.LEADING_QUESTION, _rx(
        _OPENING + r"(?:did|do) (?:you|u) (?:know|realise|realize|hear) (?!that (?:before|already|at the time|then)\b)(?:that )?(?!(?:what|how|why|where|when|who|which|if|whether|about)\b)"
        r"(?:a|an|the|most|many|some|it|there|their|they|he|she|this|that|every|only|[\w-]+s)\b(?:\s+[\w'-]+){2,}")),
    # a suggestion asked as a question: "what do you think about calling them", "did you think of
    # offering a trial", "is it maybe time to walk away", "I wonder if you could try ..."
    ("suggest.think_about", Label.LEADING_QUESTION, _rx(
        _OPENING + rf"(?:what|how) (?:do|would|did|d') ?(?:you|u|ya) (?:think|reckon|feel|say) (?:about|of|to)\s+"
        rf"(?:(?:maybe|perhaps|just|actually|possibly|even)\s+)?(?:{_GERUND}|if (?:you|we|u)\b|an? (?!bit\b|lot\b)\w+|the idea)")),
    ("suggest.thought_of", Label.LEADING_QUESTION, _rx(
        _OPENING + r"(?:have|did) (?:you|u|ya) (?:ever |maybe |thought to |tried )?(?:ask|asked|asking) (?!(?:them|him|her|why|what|how|when|who|whether|if)\b)[\w' ]{2,30}? for\b|"
        + _OPENING + rf"(?:did|have|had|do|would) (?:you|u|ya) (?:ever |maybe |perhaps |at all )?(?:think|thought|consider|considered)"
        rf"(?: (?:of|about))? (?:(?:maybe|perhaps|just) )?{_GERUND}")),
    ("suggest.any_reason", Label.LEADING_QUESTION, _rx(
        _OPENING + r"(?:is there )?any (?:good )?reason (?:not to|(?:you|u|we) (?:can't|cant|couldn't|couldnt|wouldn't|wouldnt|shouldn't|shouldnt|"
        r"don't|dont) )\w+")),
    ("suggest.is_it_time", Label.LEADING_QUESTION, _rx(
        _OPENING + r"(?:is|isn't|would|wouldn't) it (?:be )?(?:maybe |perhaps |possibly |not |about |high |now )?"
        r"(?:time|worth|an idea|a good idea|better|wiser|smarter|best) (?:to|you|we|for you)\b")),
    ("advice.wonder_if_it_helps", Label.ADVICE, _rx(
        _OPENING + r"i(?:'m| am)? (?:just |was |kind of )?wonder(?:ing|ed)? (?:if|whether) it(?:'d| would| might| could) "
        r"(?:help|be (?:worth|good|useful|better|easier|an idea|a good idea))\b(?![^?]*\?)|"
        r"\bwhat i(?:'d| would| am|'m)? (?:be )?wonder(?:ing)? (?:about )?is (?:whether|if)\b[^?]{0,80}?\b(?:we|you) (?:need to|should|could|might|ought to)\b")),
    ("suggest.wonder_if", Label.LEADING_QUESTION, _rx(
        _OPENING + r"i(?:'m| am)? (?:just |was |kind of )?wonder(?:ing|ed)? (?:if|whether) (?:(?:you|we|u) (?:could|might|can|should|would)"
        r"(?! (?:feel|be feeling|think|say|tell|describe|share|walk|talk|explain|help)\b)|(?:an?|some|it(?:'d| would| might| could)|maybe|perhaps) |"
        rf"{_GERUND})")),
    ("suggest.wonder_what_if", Label.LEADING_QUESTION, _rx(
        _OPENING + r"i(?:'m| am)? (?:just |was )?wonder(?:ing)? (?:what|how) (?:it(?:'d| would| might)|would happen|things would \w+)(?: be like| look)? if (?:you|we|u)\b")),
    ("suggest.perhaps_if_you", Label.ADVICE, _rx(
        _OPENING + r"(?:perhaps|maybe|possibly) if (?:you|u) (?:could|can|were to|just|also|tried|try)\b")),
    ("wonder.reflection", Label.REFLECTION, _rx(
        _OPENING + r"i(?:'m| am)? (?:just |kind of )?wonder(?:ing)? (?:if|whether) (?:you|u)(?:'re| are| were| feel| felt| might be| may be| sort of| kind of)")),
    ("wonder.closed", Label.CLOSED_QUESTION, _rx(
        _OPENING + r"i(?:'m| am)? (?:just |kind of )?wonder(?:ing)? (?:if|whether)\b(?! i (?:could|can|might|may)\b)")),
    ("agenda.questions_announced", Label.OTHER, _rx(
        _OPENING + r"(?:however,? )?(?:i'd|i would|i|i'm going to|i'm gonna) (?:just |also )?(?:like|love|want|wanna|need|going|have)? ?(?:to )?ask "
        r"(?:you )?(?:a few|some|a couple of|a couple|a quick|one or two|several|a bunch of) (?:more |quick |other )?questions?\b")),
    ("agenda.check_understanding", Label.OTHER, _rx(
        _OPENING + r"(?:let me|lemme|i'm (?:going to|gonna)|i (?:just )?(?:want|wanna|need) to|i'd like to|can i|could i) (?:just )?"
        r"(?:make sure|check|see if|double-check) (?:that )?i(?:'ve)? (?:understand|get|got|have|heard|follow|understood)\b")),
    ("reflection.summary_announced", Label.REFLECTION, _rx(
        _OPENING + r"(?:let me|lemme|i'm (?:going to|gonna)|i (?:just )?(?:want|wanna) to|i'd like to|can i|could i) (?:just |quickly )?"
        r"(?:summari[sz]e|recap|sum up|play back|reflect back)\b")),
    # keep talking, carry on, off you go: acknowledgements, not questions or instructions
    ("open.and_if", Label.OPEN_QUESTION, _rx(
        r"^(?:(?:and|but|so|ok|okay|right)[,]?\s+)*if (?!it were me|i were you|i was you)(?![^?]*\b(?:isn't|wouldn't|shouldn't|doesn't|won't|aren't|couldn't) (?:that|it|this|you|there)\b)(?!(?:you|u|we) (?:just |maybe |instead )?(?:call|ring|ask|try|send|offer|book|went|called|asked|tried|sent|offered|emailed|email|phone|phoned|push|pushed)\b)[^?]{3,80}\?\s*$")),
    # non-native advice without a modal: "then maybe you ask the front desk manager"
    ("advice.maybe_you_do", Label.ADVICE, _rx(
        r"^(?:(?:then|so|and|ok|okay)[,]?\s+)?(?:maybe|perhaps) (?:you|u) (?:ask|call|ring|try|send|talk|speak|go|book|write|email|offer|show|bring|check|start|use|tell|prepare|visit)\b")),
    ("open.how_tail", Label.OPEN_QUESTION, _rx(r"^[\w' -]{1,30}? how\s*\?+$")),
    ("other.one_word", Label.OTHER, _rx(
        r"^(?:(?:yeah|yes|ok|okay|hmm|mm|oh|ha),?\s+)?(?:maybe|probably|possibly|perhaps|any ?time|no problem|of course|fair|fair enough|true|"
        r"indeed|absolutely|definitely|not really|not yet|kind of|sort of|no worries|sure thing|will do|noted|got it|go on then|rant away|later(?:,? \w+)?|"
        r"i heard|i remember|i know|your call|(?:that's|it's) your (?:decision|call)(?:,? honestly)?|classic|(?:ugh,? )?not again|weren't we all|aren't we all|"
        r"forget i said that|i did,? actually|look after yourself|take care of yourself|i can do that|don't be|don't apologi[sz]e|no need to apologi[sz]e|"
        r"never|always|sometimes|(?:oof|ouch|ah|ha|hm+),? (?:okay|ok|right|sure|yeah)|"
        r"stop it,? you'll make me blush|(?:yeah|yep|sure|ok|okay|alright)?,? ?(?:alright,? )?(?:have a go|put it in|send (?:them|it) over))[.!]*$")),
    ("other.reporting_back", Label.OTHER, _rx(
        r"^(?:(?:good|ok|okay|great|right|fine|sure|deal|cool|perfect)[,.!]*\s+)*(?:update me|let me know|text me|ping me|message me|"
        r"drop me a (?:line|note|message)|send me a (?:note|message|text|quick note)|tell me how (?:it|that|they) (?:goes|go|went)|"
        r"(?:stick|put|pop|book) (?:\w+ ){0,3}(?:in|into) my (?:diary|calendar))\b|^(?:it's |its )?(?:up to (?:you|u)|your call)[.!]*$|"
        r"^go[.!]*$|^(?:back|sorry,? back)[.!]*\s*where were we\b|"
        r"^(?:(?:great|good|ok|okay|right|cool|perfect)[,.!]*\s+)*(?:that |this )?sounds like a (?:plan|deal|good plan|good idea|result)\b(?!\s+(?:you|that you|which you|for you)\b)")),
    ("other.continuer", Label.OTHER, _rx(
        r"^(?:(?:yeah|yep|yes|ok|okay|alright|right|sure|mm+|sit down|of course|fine)[,.!]?\s+)*(?:go on|go ahead|go for it|carry on|"
        r"(?:let's|lets) do (?:it|that)|off you go|keep me posted|keep me in the loop|go get (?:'em|them|em|him|her)|crack on)(?:[,.!]+\s*(?:i'm listening|i'm all ears|take it|take your time|i'll wait|i'm here))?[.!]*$")),
    # the manager on themselves: sorry, their diary, their own part
    ("other.about_me", Label.OTHER, _rx(
        r"^(?![^.?!]*\b(?:try (?:that|it|this)|(?:you|u) should|(?:you|u) could|(?:you|u) might want)\b)(?:(?:so|and|but|well|okay|ok|right|look|then|now|just|honestly|maybe|hmm|fair|yeah|yes|sorry|oh|ugh|ah|ha|mm)[,.!]*\s+)*"
        r"(?:(?:that's|that is|it's) (?:partly |all |entirely |probably |a bit )?on me\b|that came out (?:harsh|wrong|badly)|"
        r"i(?:'m| am) not making (?:it|this|things) easy|that's what i(?:'m| am) here for|i(?:'m| am) (?:so |really )?"
        r"(?:gutted|sorry|devastated|pleased|thrilled|delighted) for you|i had a (?:terrible|rough|awful|hard|tough|bad|horrible|shocking|nightmare) \w+|"
        r"i (?:remember|recall) (?:my|when i|the first)|(?:that was|i was|i am being|i'm being) [\w ]{0,12}?(?:of me|below the belt|a cheap shot|out of line|uncalled for)|"
        r"i(?:'m| am) (?:rubbish|useless|terrible|bad|not great|no good) at (?:this|that)|i had a (?:shocker|nightmare|stinker)|my first (?:year|month|quarter|six months|week)|"
        r"i(?:'m| am) (?:taking it out|having a go) on you|i(?:'m| am) not trying to (?:have a go|be |criticise|criticize|catch you)|i was bottom of|"
        r"i(?:'m| am) (?:wound up|stressed|under pressure|frazzled)|i remember being in that seat|i(?:'m| am) (?:getting carried away|jumping in|rambling|going on)|i keep (?:jumping in|interrupting|butting in|going on)|(?:that|this) (?:was|is) (?:out of order|unnecessary|uncalled for)|(?:that|the) (?:second|last|first) (?:bit|part) was (?:unnecessary|harsh|unfair|out of order|too much)|i(?:'ve| have) been (?:a bit of |a |such a )?(?:jerk|pain|idiot|nightmare)|i probably did say that|i (?:was|used to be) (?:\w+ ){0,2}?(?:terrible|awful|rubbish|hopeless|useless|bad|clueless|a mess|a nightmare|exactly the same|the same|no better|worse)\b|(?:me neither|neither (?:do|did|am|was|can|could|have) i|same here|story of my life)\b|failed \w+ (?:twice|once|three times)|(?:not yet,? )?(?:no,? )?i(?:'ve| have) been (?:in|on|stuck in) (?:\w+ ){0,2}(?:meetings?|calls?)\b|i(?:'ve| have) had (?:\w+ ){0,3}(?:meetings|calls|forecast calls|reviews) (?:since|this|all)\b|[\w' ,]{0,40}?and that's coming out|i lost (?:that one|one like that|a few of those)|"
        r"(?:sorry[,.!]?\s+)?that was unfair(?: of me)?|i(?:'ve| have) never been a (?:fan|lover)|i (?:worked|used to work) with (?:their|his|her|them|him)|"
        r"i(?:'m| am) (?:knackered|tired|shattered|exhausted|fried|wiped)|(?:that's|that is|it's) (?:a lot|quite a lot|a bit much) to (?:hear|take in|process)|"
        r"(?:it's|that's|what) (?:a )?(?:rubbish|horrible|awful|terrible|rotten|crap|cruel|brutal) way to (?:find out|hear|learn)|(?:i'm )?looking forward to it|i(?:'ve| have) got (?:a|another) "
        r"(?:hard stop|call|meeting)|shout if you need|i (?:need|have) to (?:grab|get|run|dash|jump)|i(?:'m| am) sorry[.!]? (?:it's|that's) "
        r"(?:a )?(?:rubbish|horrible|awful|terrible|rotten))")),
    # where the manager will be: "just so you know, I'm out on Friday"
    ("other.my_whereabouts", Label.OTHER, _rx(
        r"\bi(?:'m| am|'ll be| will be) (?:out|off|away|on leave|on holiday|travelling|traveling|in the office|remote|wfh)(?: of the office)? "
        r"(?:on|from|next|this|tomorrow|all|until|till|for)\b")),
    # normalising: "everyone does at first", "happens to everyone"
    ("other.normalising", Label.OTHER, _rx(
        r"^(?:(?:honestly|look|oh|and|but),? )*(?:(?:it |that )?happens to (?:everyone|everybody|all of us|the best of us|us all)|"
        r"(?:everyone|everybody|we all|all of us) (?:does|do|did|gets?|got|has|have|had|feels?|felt|struggles?|goes through|went through)"
        r"(?: (?:that|this|it|stuck|nervous|wobbles?|them|those|one))?)(?: (?:on|with) [\w' ]{1,25}?)?(?: at (?:first|some point|the start)| sometimes| early on| now and then)?[.!]*$")),
    ("other.small_talk_by_the_way", Label.OTHER, _rx(
        r"^(?:(?:oh|so|and|hey),? )*how (?:was|is|'s|were) (?:the|your) [\w' -]{1,25}? (?:btw|by the way)\b|"
        r"^(?:(?:okay|ok|so|right|um|uh),?\s+)*(?:shall|should|can|could) we,? (?:maybe,? |just,? )?(?:catch up|meet|reconvene|pick (?:this|it) up|touch base|regroup|"
        r"come back to (?:that|this|it|[\w' ]{1,25}? (?:after|later|at the end|next time|in a bit|once|when))|park (?:that|this|it)|leave (?:that|this|it) (?:for|till|until|to)|do (?:that|this|it) (?:later|after|next|at the end))\b")),
    ("other.who_could_blame_you", Label.OTHER, _rx(r"\bwho (?:could|can|would) (?:blame|fault) (?:you|u)\b")),
    ("other.asking_leave_to_speak", Label.OTHER, _rx(
        _OPENING + r"(?:(?:can|could|may) i|(?:do you )?mind if i|is it (?:alright|all right|ok|okay) if i)\s+(?:just\s+)?(?:ask you (?:a few|some|a couple of|one|a) (?:more |quick )?questions?|"
        r"say something|push back(?: on (?:that|this|it))?|share (?:a thought|something|my screen|an idea)|be honest|jump in|add something|"
        r"(?:throw|run|bounce|float) (?:an idea|a thought|something) (?:at|by|off|past) (?:you|u)|"
        r"tell you what i know|ask (?:a couple|a few|some) (?:more )?questions)\b[\w' ,]{0,30}?[?.!]*$")),
    ("other.asking_leave", Label.OTHER, _rx(
        _OPENING + r"(?:(?:do|would) you )?mind if i (?:just |quickly )?(?:take|jot|make|grab|ask|write|record|note|jump in)\b|"
        + _OPENING + r"(?:would|will|is) it be (?:ok|okay|alright|all right|fine) if i (?:asked|ask) (?:you )?(?:a few|some|a couple of) (?:more )?questions\b|"
        + _OPENING + r"(?:would|will|could|is) it (?:be )?(?:ok|okay|alright|all right|fine) (?:with you )?if (?:i|we) (?:just )?(?:took|take|jot|jotted|made|make|came|come|"
        r"left|leave|park|parked|recorded|record|started|start|kept|keep|moved|move|went|go)\b|"
        + _OPENING + r"can i offer (?:a|an|my) (?:suggestion|idea|thought|observation),? or\b|"
        + _OPENING + r"(?:can|could|may) i (?:be|get) (?:honest|straight|frank|blunt|real)(?: with you)?(?: (?:about|for) (?:something|a (?:sec|second|minute|moment)))?\s*[?.!]*$")),
    ("other.housekeeping", Label.OTHER, _rx(
        _OPENING + r"(?:(?:yes|yeah|okay|ok|by all means|please sit|sit),?\s+)*(?:(?:just )?give me (?:two|a few|five|ten|one|a couple of|\d+) (?:minutes|mins|secs|seconds|moments)|"
        r"wait (?:one|a) (?:moment|minute|second|sec)|allow me a moment|bear with me|(?:can i |let me )?(?:just )?grab my (?:laptop|notebook|notes|coffee|pen)|"
        r"i (?:get|grab|fetch) my (?:notebook|notes|laptop)|welcome back|good to have you (?:back|in)|thank you for making the time|thanks for making the time|"
        r"it was my pleasure|(?:i )?look forward to our next|i(?:'ll| will) send you (?:an|the|a) (?:invite|invitation|link|calendar))")),
    ("other.seat_and_door", Label.OTHER, _rx(
        r"\b(?:take|grab|have) a seat\b|\bpull up a chair\b|\bdoor(?:'s| is) (?:shut|closed|always open)\b|^(?:\w+[,.]?\s+){0,2}bring (?:a )?(?:coffee|biscuits|cake|your laptop|your notes|a pen)[.!]*$|"
        r"^(?:(?:good|great|ok|okay|fine|sure)[,.!]*\s+)?(?:ring|call|text|message|ping) me (?:after|later|tomorrow|when|if|on|once|any ?time|before)\b|"
        r"^(?:(?:next week|thursday|friday|monday|tuesday|wednesday)[,.!]*\s+)?i hope (?:your|you|she|he|they)(?:'re|'s| are| is| feel| get)\b|"
        r"^(?:(?:oh|ugh|oof|god|gosh|aw)[,.!]*\s+)?(?:that's|that is) (?:awful|horrible|terrible|so sad|rotten)[,.!]*\s*(?:i'm|im|i am) (?:so |really )?sorry\b|"
        r"^(?:ugh|oof|argh|oh no|god)[,.!]*\s+(?:that's|thats|that is|it's) (?:so |really |just |such a )?(?:annoying|unfair|frustrating|a pain|a nightmare|rubbish)\b|"
        r"^(?:don't i know it|tell me about it|join the club|you and me both)[.!]*|^(?:hmm[.,]?\s+)?wait[.!]*$|^make it quick\b|"
        r"^do you want (?:the|my) (?:honest|short|long|blunt|quick|real) (?:version|answer|take|view)\b|"
        r"^i didn't mean (?:it|that) (?:like that|that way|badly)\b")),
    ("other.hospitality", Label.OTHER, _rx(
        _OPENING + r"(?:(?:fancy|want|need|grab) (?:a |some )?(?:coffee|tea|cuppa|brew|water|drink|biscuit|sandwich)|(?:coffee|tea|cuppa|brew)(?: first| anyone| before we start)?\s*\?*$|"
        r"(?:pull|grab|take|have) (?:up )?a (?:chair|pew|seat)|(?:the )?kettle(?:'s| has| is) (?:just )?(?:boiled|on))")),
    ("agenda.logistics", Label.OTHER, _rx(
        _OPENING + r"(?:(?:can|could|may) i (?:just |quickly )?(?:check|grab|get|find|open|take|have) (?:the time|my (?:notes|diary|calendar|phone|email)|"
        r"a (?:note|sec|second|minute|moment|drink)|some water)\b|(?:shall we|should we|can we|could we|do you want to|d'you want to|want to|fancy|wanna) (?:just |quickly )?"
        r"(?:grab|get|have|find|book|take) (?:a |some |another |the )?(?:quick )?(?:coffee|tea|drink|seat|room|bite|lunch|break|"
        r"breather|minute|moment)\b)")),
    # looking at their work together is the meeting's agenda, not a verdict or a takeover
    ("agenda.meet_to_talk", Label.OTHER, _rx(
        _OPENING + r"(?:let's|lets|shall we|we could|we can) (?:grab|get|have|book|find) (?:a |some )?(?:coffee|chat|call|half an hour|time|slot|minute)\b"
        r"[\w' ]{0,25}?\b(?:and|to) (?:go through|talk|look|chat|dig|run)\b")),
    ("agenda.together", Label.OTHER, _rx(
        _OPENING + r"(?:let's|lets|let us|shall we|can we|could we|we could|we can|should we)\s+(?:just\s+)?(?:have a (?:quick )?look|"
        r"take a (?:quick )?look|look|go|run|walk|work|dig) (?:at|through|over|into) (?:your|the|our|this|that|these)\b[^.?!]{0,40}?"
        r"\btogether\b|" + _OPENING + r"(?:let's|lets|shall we) (?:just )?(?:go through|look at|have a look at|take a look at|review|"
        r"walk through) (?:your|the|this|our) (?:pipeline|forecast|accounts?|numbers|figures|plan|diary|calendar|list|notes|"
        r"agenda|deals?|week|quarter|month)\s*(?:together)?\s*(?:then|now|first)?\s*[,.?!]*\s*(?:shall we|yeah|ok|okay)?\s*\??$")),
    # sarcasm and rebukes said in passing: "funny how the wins are always yours", "a bit rich",
    # "so self pity is the strategy now", "where was that energy in January?", "classic you"
    ("judgment.sarcasm", Label.JUDGMENT, _rx(
        r"^(?:(?:oh|yeah|so|and|wow|well)[,.!]*\s+)*(?:funny|convenient|interesting|amazing|strange|odd|curious),? (?:isn't it,? |innit,? )?how\b|"
        r"\b(?:a )?bit rich\b|\bdon't talk to me about\b|\b(?:classic|typical) (?:you|u)\b(?!r)|"
        r"\b(?:is|'s) the (?:strategy|plan|approach|tactic|game plan) now\b|"
        r"\bwhere (?:was|were|is) (?:that|this|the|all that|all this|your) (?:energy|effort|urgency|attitude|passion|drive|hustle|fight|enthusiasm|focus) (?:in|last|on|when|back|a)\b|"
        r"\bwhat did (?:you|u) (?:expect|think (?:would|was going to|was gonna|'d) happen)\b|"
        r"\bnot exactly (?:urgent|professional|proactive|a priority|rocket science|hard|difficult|taxing|the extra mile|helpful|ideal|a plan|effort|a masterpiece)\b|"
        r"\b(?:you|u)(?:'re| are| r)? (?:just )?(?:avoiding|dodging|ducking|hiding from) (?:it|this|that|the|them|him|her|calls?)\b|"
        r"\b(?:you|u)(?:'ve| have)? (?:gotten|got|become|grown|gone) (?:too |a bit |very |so |really |far too |quite )?(?:comfortable|complacent|lazy|sloppy|soft|careless)\b|"
        r"\b(?:you|u) (?:shouldn't|should not) (?:need|have) (?:me )?to (?:spell|spoon|hold your hand|explain (?:this|that|it)|tell you (?:this|that)|remind you|chase you)|"
        r"\b(?:you|u) let (?:a|the|that|this|your|an) [\w' ]{1,30}? (?:drift|slip|slide|die|go cold|fall through|lapse|rot)\b|"
        r"^\w+ing (?:isn't|is not|wasn't|was not) the same as\b|"
        r"\b(?:you|u)(?:'re| are| r)? (?:sounding|sound) like a (?:broken record|victim|child|kid|rookie|junior|graduate|teenager)\b|"
        r"\bwho (?:signs off|sends|books|runs|plans|approves|launches|spends|pitches|prices) [\w' ]{1,40}? (?:with no|without (?:a|an|any|checking|asking))\b|"
        r"\b(?:you|u)(?:'ve| have)? (?:said|promised) (?:that|this|the same)(?: thing)? (?:every|since|last|before|again|too|twice|three times|for)\b|"
        r"\b(?:that's|that is|it's) not (?:a|an) [\w-]+, (?:that's|it's|it is|that is) (?:an? )?[\w-]+[.!]*$|"
        r"\bhow (?:are|r|were) (?:you|u) still (?!(?:feeling|doing|holding|getting on|coping|managing|finding|thinking|with)\b)\w+ing\b|"
        r"\b(?:your|ur) promises (?:don't|do not|dont) mean\b|\b(?:it's|its|it is) never (?:your|ur) fault\b|\balways (?:someone|somebody) else(?:'s|s) fault\b|"
        r"\bwhy (?:can't|cant|don't|dont|do|did|won't|wont) (?:you|u) (?:ever|never|always)\b|\bwhose (?:job|responsibility|call) (?:was|is) (?:it|that) to\b|"
        r"\bthought not\b|\bpity party\b|\bkidding yourself\b|\b(?:did|do|have|were) (?:you|u) (?:seriously|honestly|really|actually|even) (?:send|sent|think|expect|believe|qualify|check|ask|read|try)\b|"
        r"\b(?:this|that|it)(?:'s| is| was) (?:not|n't) (?:very )?(?:professional|acceptable|good enough)\b|\b(?:pity|shame) (?:it|that) took (?:you|u)\b|"
        r"\b(?:so )?(?:that's|thats|it's|its) on (?:you|u)\b(?! to\b)")),
    # what the manager proposes to do with them, asked: "could we do it in the pipeline review?",
    # "want to role-play a couple of objections this week?", "any chance of another budget line?"
    ("suggest.proposal_asked", Label.LEADING_QUESTION, _rx(
        _OPENING + r"(?:could|can|should|shall) we (?:maybe |just |perhaps |instead )?(?:do|try|use|run|practise|practice|role-?play|rehearse|spend|take|set up|book in|build|draft|write|work on)\b|"
        + _OPENING + r"(?:do you )?(?:want|wanna|fancy) to (?:role-?play|practise|practice|rehearse|run through|do a dry run|try|test)\b|"
        + _OPENING + r"any chance (?:of|you could|you can|we could|(?:the|your|their|a|an|someone|somebody|anyone) [\w' ]{1,30}? (?:could|can|might|would))\b|"
        + _OPENING + r"(?:could|can|couldn't|cant|can't) (?:you|u) not \w+|"
        + _OPENING + r"(?:is|isn't|isnt) (?:it )?not (?:better|best|smarter|wiser|easier|quicker) to\b|"
        + _OPENING + r"(?:is|are) there (?:someone|anyone|somebody|anybody)\b[^?]{0,60}?\b(?:you|u) (?:could|can|might)\b|"
        + _OPENING + r"(?:is|was|isn't) (?:\w+ing|that|this|it) (?:really |honestly |actually )?(?:your|the) (?:best|smartest|right|only) (?:move|option|bet|approach|play|way)\b|"
        + _OPENING + r"(?:would|wouldn't) \w+ing(?: [\w']+){0,5}? (?:be|sound) (?:a |such a |so )?(?:crazy|bad|silly|terrible|mad|daft|stupid|good|great|smart|better)\b|"
        + _OPENING + r"would it (?:hurt|kill anyone|do any harm) to\b|"
        + _OPENING + r"(?:could|might|would) (?:the|your|a|an|that|this) [\w' ]{1,30}? (?:have been|be) the (?:real )?(?:problem|issue|reason|cause|culprit)\b|"
        + _OPENING + r"(?:maybe |perhaps )?(?:is|it's|its) (?:a )?good idea to\b(?=[^.!]*\?)|"
        + _OPENING + r"(?:can|could|may) i suggest\b(?=[^.!]*\?)|"
        + _OPENING + r"(?:could|can|would) (?:you|u) (?:maybe |perhaps |just )?[\w' ]{2,40}? instead(?: of)?\b")),
    # their experience exclaimed: "how draining", "that really bothers you"
    ("reflection.exclaimed", Label.REFLECTION, _rx(
        r"^(?:(?:oh|god|gosh|ugh|oof|wow)[,.!]*\s+)?how (?:exhausting|maddening|frustrating|annoying|infuriating|galling|awful|horrible|gutting|"
        r"rough|tough|hard|disappointing|demoralising|demoralizing|stressful|draining|deflating|embarrassing|lonely|miserable)\b(?! (?:must|is|was|are|were|does|did|do|would|could|has|have)\b)|"
        r"^(?:and |so )?(?:that|it|this) (?:really |kind of |sort of )?(?:annoys|bothers|frustrates|upsets|worries|stings|hurts|gets to|irritates|rattles) (?:you|u)\b")),
    # their state or thought, read back: "how it sounds to me is you're worried ...", "that's kind of
    # what's eating at you"
    ("reflection.read_back", Label.REFLECTION, _rx(
        r"^(?:(?:so|and|okay|ok)[,]?\s+)*how it (?:sounds|feels|seems|looks) (?:to me|from here|to you)\b|"
        r"\b(?:that's|thats|that is|which is) (?:kind of |sort of |really |probably |maybe )?(?:what's|whats|what is) (?:eating|bothering|getting to|bugging|hurting|driving|weighing on|nagging)\b|"
        r"\b(?:is )?how it feels to (?:you|u)\b")),
)


_SUBJECT_WORD = (r"(?:i|i'd|i'm|you|you'd|you're|your|they|they're|their|we|we're|it|it's|he|she|his|her|people|someone|"
                 r"somebody|anyone|everyone|most|some|many|the|a|an|this|that|these|those|there|"
                 r"buyers|customers|clients|prospects|reps|champions|deals|accounts|managers|salespeople)")
# a clause that begins like a question but is a statement: "what they suggest is", "when you blew the 2.8"
_UNMARKED_CLEFT = _rx(rf"^what\s+(?:{_SUBJECT_WORD}\b|(?:matters|counts|bothers|worries|frustrates|annoys|hurts|stings|"
                      rf"helps|works)\b)(?:\s+[\w'-]+){{0,6}}?\s+(?:is|are|was|were)\b")
_CLEFT_THEIRS = _rx(r"^what (?:you(?:'re| are)? (?:saying|said|say|mean|want|need|wanted|described|told me|feel|felt|value|care about)|"
                    r"i(?:'m| am)? hear(?:ing)?|i(?:'m| am)? (?:getting|picking up|taking away)(?: from (?:you|that|this))?|i get from|(?:matters|counts|bothers|worries|frustrates|annoys|hurts|stings)(?: most| more)?(?: to| for)? you)\b")
# "what's clear is ...", "what's impressive is ...": a verdict given, not a question
_ADJECTIVE_CLEFT = _rx(r"^what(?:'s| is| was) (?:really |most |more |also |actually )?(?:clear|interesting|obvious|odd|strange|funny|hard|tricky|"
                       r"true|striking|telling|sad|frustrating|annoying|encouraging|impressive|good|great|bad|worse|better)"
                       r"(?: here| to me| for me)?,? (?:is|are|was)\b")
# the manager's diagnosis: "what's worrying is the pipeline", "what's missing is a next step"
_DIAGNOSIS_CLEFT = _rx(r"^what(?:'s| is| was) (?:really |most |more |also |actually )?(?:risky|important|key|crucial|missing|needed|wrong|worrying|"
                       r"dangerous|costly|concerning|the problem|the issue)(?: here| to me| for me)?,? (?:is|are|was)\b")
_UNMARKED_WHEN = _rx(rf"^(?:when|whenever|once|while|where|wherever)\s+{_SUBJECT_WORD}\b(?!\s+(?:is|are|was|were|do|does|did)\s+(?:you|u)\b)")
# "which is why it's so important", "which builds people up": a relative clause broken off as a sentence
_UNMARKED_WHICH = _rx(r"^which (?:is|was|means|meant|makes|made|can|will|would|could|helps?|builds?|has|have|gives?|leads?|causes?|says|said|shows|showed|tells|told|counts|i (?:respect|admire|appreciate|value|rate|love|like))\b")
_LATER_QUESTION = _rx(
    rf"(?:[,;]|\b(?:so|then|and))\s+(?:(?:{WH_OPEN_START})\s+(?:{AUX}|'s)\b|(?:{AUX})\s+(?:you|u|they|we|it|he|she)\b|"
    r"tell me|walk me|talk me)")


# A prompt to go on: "and then?", "what next?"
_GO_ON = _rx(r"^\W*(?:(?:and|so|ok|okay|right|mm)[,]?\s+)*(?:then|and after that|(?:what|how) (?:then|next)|meaning(?: what)?|such as|"
             r"in what (?:way|sense))\s*\?+\s*$")


def _classify_clause(clause: str, question_marked: bool) -> tuple[Label, str]:
    """Label one clause; returns (label, cue)."""
    if (go_on := _GO_ON.match(clause)):
        return _hit("go_on", Label.OPEN_QUESTION, go_on.group(0).strip(" ?"))  # before "then" is dropped as a filler
    body = _strip_fillers(clause)
    if not body or _ALL_FILLER.match(body):
        return _hit("clause", Label.OTHER, (body or clause).strip(" ,."))
    comfort = _COMFORT.match(body) or _PERMISSION.match(body)
    if comfort:
        # sympathy, reassurance or asking leave to speak: neither names their experience nor tells
        rest = _strip_fillers(body[comfort.end():].strip(" ,.;:!?-"))
        if not rest or _ALL_FILLER.match(rest) or _COMFORT.match(rest):
            return _hit("clause", Label.OTHER, comfort.group(0))
        if _PERMISSION.match(body) is None:
            body = rest  # "don't worry, just call them": what follows decides

    taken = _takeover(body)
    if taken:
        return _hit("clause", Label.TAKEOVER, taken)
    named = _named(_NAMED_CLAUSE_RULES, body)
    if named and not (named[0] is Label.TAKEOVER and _NOT_TAKEOVER.search(named[1])):
        return named
    offer = _OFFER_TO_TELL.search(body)
    if offer:
        return _hit("clause", Label.ADVICE, offer.group(0))
    if (choice := _CHOICE_FRAGMENT.match(body)):
        return _hit("choice", Label.CLOSED_QUESTION, choice.group(0).strip(" ?."))
    if (checked := _TIME_CHECK.match(body) or _DONE_ALREADY.match(body)):
        return _hit("check", Label.CLOSED_QUESTION, checked.group(0).strip(" ?.!"))
    sorry = _SORRY_THEN_ASKS.match(body) or _SORRY_THEN_ASKS.match(clause.strip())
    if sorry and body.startswith(sorry.group(0)) and body[sorry.end():].strip():
        body = body[sorry.end():]
    if _OTHER_START.match(body) or (not sorry and _OTHER_START.match(clause.strip())) or _ACK_THEN_OTHER.match(body):
        return _hit("clause", Label.OTHER, _first_words(body, 5))

    wh = _WH_START.match(body)
    if wh and not question_marked and re.match(r"^what an?\b", body, re.I):
        wh = None  # an exclamation: "what a mess", "what a result"
    if not question_marked:
        # Statements that merely begin like questions or requests: "what works is ...", "when I was selling ..."
        if wh:
            told = _first(_ADVICE_PHRASES, body) or next(
                (found.group(0) for pattern in (_WHAT_YOU_NEED, _WHEN_THEN_DO, _PSEUDO_CLEFT)
                 if (found := pattern.match(body))), None)
            if told and re.match(r"^(?:what|when|where|how)\b(?! (?:do|did|does|would|could|can|will|are|is|was|were|have|has|had|should|might|about|if|else)\b)", body, re.I):
                return _hit("clause", Label.ADVICE, told)
            heard = _REFLECTION[2][0].match(body)
            if heard:
                return _hit("clause", Label.REFLECTION, heard.group(0))
            cleft = _UNMARKED_CLEFT.match(body)
            if cleft and not _LATER_QUESTION.search(body, cleft.end()):
                # "what they suggest is ...", "what you're saying is ...": a statement
                label = Label.REFLECTION if _CLEFT_THEIRS.match(body) else Label.ADVICE
                cue = _Cue(cleft.group(0))
                cue.rule = "cleft." + label.value
                return label, cue
            if (diagnosis := _DIAGNOSIS_CLEFT.match(body)) and not _LATER_QUESTION.search(body, 4):
                return _hit("cleft", Label.ADVICE, diagnosis.group(0))  # "what's worrying is the pipeline": the manager's diagnosis
            if (_UNMARKED_WHEN.match(body) or _UNMARKED_WHICH.match(body) or _ADJECTIVE_CLEFT.match(body)) and not _LATER_QUESTION.search(body, 4):
                return _classify_statement(body)  # "when people forget where they are, that's a sign ..."
        imperative = None if _YN_START.match(body) and re.match(r"^\w+(?:'t|nt)? (?:you|u|we|they|it)\b", body) else _is_imperative(body)
        if imperative:
            return _hit("clause", Label.ADVICE, imperative)

    request = _REQUEST.match(body)
    if request and not wh:
        return _hit("clause", Label.OPEN_QUESTION, request.group(0))
    if wh:
        return _classify_wh(body, wh)
    yes_no = _yes_no(body, question_marked)
    if yes_no:
        return _classify_yes_no(body, yes_no)
    if question_marked:
        return _classify_marked_statement(body)
    if (_SPOKEN_TAG.search(body) and _SAID_OF_SOMEONE.match(body)) or (_CHOICE_TAIL.search(body) and _AUX_START.match(body)) or (
            _STRICT_SPOKEN_TAG.search(body) and _FACT_SAID_BACK.match(body)):
        return _classify_marked_statement(body)  # "you rang them back yeah", "is it annual or monthly"
    return _classify_statement(body)


_SAID_OF_SOMEONE = _rx(rf"^(?:so |and )?(?:{YOU}|you've|youve|you're|youre|they|theyre|they're|he|she|it)\b")
# A fact said back with a spoken tag: "so the budget got approved yeah", "halvorsen they're still on the
# trial yeah", "the pilot finished on the tenth or was it later"
_FACT_SAID_BACK = _rx(_CHECK_OPENING + r"(?:the|that's|thats|those|these|(?!i\b)[a-z]+ (?:they're|theyre|he's|she's|are|is|was|were|has|have|had|did|signed|said|went|got))\b")
_STRICT_SPOKEN_TAG = _rx(r"\b(?:yeah|correct|or not(?: yet)?|(?<!it )(?<!that )(?<!this )(?<!things )(?<!get )(?<!got )(?<!exactly )(?<!just )(?<!all )(?<!quite )right"
                         r"|or (?:was|is|were|are|did|does|has|had) (?:it|they|he|she|that)(?: \w+){0,2})$")
_AUX_START = _rx(rf"^(?:so |and )?(?:{AUX})\b")
_SUGGESTION_STATEMENT = _rx(r"^(?:you |ya )?(?:ever )?(?:tried|thought (?:about|of)|considered)\b")
_SPOKEN_TAG = _rx(r"\b(?:yeah|then|or|(?<!exactly )(?<!just )(?<!all )(?<!quite )right|correct|or not(?: yet)?|innit|eh|yes or no"
                  r"|or (?:was|is|were|are|did|does|has|had) (?:it|they|he|she|that)(?: \w+){0,2})$")
_CHOICE_TAIL = _rx(r"\bor (?:\w+ ){0,3}\w+$|\bor$")


# "which makes most sense and why", "who is still buying and what's different about them"
_LATER_OPEN = _rx(r"\b(?:and|or) (?:why|how|what(?:'s| is| was| did| do| does| has| have| would| could| else| changed| made| happened)?)\b(?!\s*(?:time|date|day|number)\b)")


# Questions about life outside the deal: "how was the wedding?", "are you coming to the barbecue?"
_SMALL_TALK_ASKED = _rx(rf"\b(?:{_alt(wordlists.SMALL_TALK_TOPICS)}|(?:how was|how's|good|nice) (?:the |your )?(?:long |bank holiday )?(?:weekend|holiday)|"
                        r"(?:how was|how's|good|nice) (?:the |your )?(?:conference|journey|flight|drive in|drive|train|trip|break|time off|lunch))\b")


def _classify_wh(body: str, wh: re.Match[str]) -> tuple[Label, str]:
    if _WHAT_ABOUT_YOU.match(body):
        return _hit("wh", Label.OPEN_QUESTION, body[: wh.end() + 6].strip())
    if (chat := _SMALL_TALK_ASKED.search(body)):
        return _hit("wh", Label.OTHER, chat.group(0))
    leading = _LEADING_WH.match(body)
    if leading:
        return _hit("wh", Label.LEADING_QUESTION, leading.group(0))
    judged = _first(_JUDGMENT[:3], body)
    if judged:
        return _hit("wh", Label.JUDGMENT, judged)
    rhetorical = _NEGATIVE.search(body)
    if rhetorical and re.match(r"^(?:who|what kind of|what sort of|how (?:hard|difficult|many times|on earth|come you never|could you))\b", body, re.I):
        return _hit("wh", Label.JUDGMENT, rhetorical.group(0))
    tag = _LEADING_TAG.search(body)
    if tag and not tag.group(0).lower().startswith(("do you think", "don't you want", "do you want")):
        return _hit("wh", Label.LEADING_QUESTION, tag.group(0))
    fact = ONE_FACT.match(body)
    if fact and not _OPEN_DESPITE_WH_FACT.match(body) and not _LATER_OPEN.search(body, fact.end()):
        return _hit("wh", Label.CLOSED_QUESTION, fact.group(0))
    return _hit("wh", Label.OPEN_QUESTION, wh.group(0) + _next_words(body, wh.end(), 3))


# "have you looked at the list yet?": whether it is done, a fact, not an idea of the manager's
_STILL_TO_DO = _rx(r"\b(?:yet|before|already|at all|so far|ever|in the past)\s*\??$|^(?:did|do) (?:you|u) (?:use|used) to\b")


# The manager's own diagnosis, asked: "did you maybe lead with price too early?", "was it perhaps the subject line?"
_HYPOTHESIS_ASKED = _rx(r"^(?:did|was|were|is|are|have|has) (?:you|u|it|that|they|he|she|the [\w-]+)\b[^?]{0,20}?\b(?:maybe|perhaps|possibly)\b")


def _classify_yes_no(body: str, yes_no: re.Match[str]) -> tuple[Label, str]:
    if (chat := _SMALL_TALK_ASKED.search(body)):
        return _hit("yes_no", Label.OTHER, chat.group(0))
    if (guess := _HYPOTHESIS_ASKED.match(body)):
        return _hit("yes_no", Label.LEADING_QUESTION, guess.group(0))
    leading = _LEADING_YN.match(body)
    if leading and not _LEADING_YN_OPEN_TAIL.match(body) and not _STILL_TO_DO.search(body):
        return _hit("yes_no", Label.LEADING_QUESTION, leading.group(0))
    for pattern in (_LEADING_MODAL, _NEGATIVE_AUX_LEADING):
        match = pattern.match(body)
        if match:
            return _hit("yes_no", Label.LEADING_QUESTION, match.group(0))
    if _BENEFIT_STARTS.match(body) and not _LOGISTIC_CHECK.match(body):
        benefit = _LEADING_BENEFIT.search(body)
        if benefit:
            return _hit("yes_no", Label.LEADING_QUESTION, body[: benefit.end()])
    tag = _LEADING_TAG.search(body)
    if tag:
        return _hit("yes_no", Label.LEADING_QUESTION, tag.group(0))
    judged = _first(_JUDGMENT[:3], body)
    if judged:
        return _hit("yes_no", Label.JUDGMENT, judged)
    request_inside = _REQUEST_ANYWHERE.search(body)
    if request_inside and _REQUEST_MODAL_START.match(body):
        return _hit("yes_no", Label.OPEN_QUESTION, body[: request_inside.end()])
    asked = _ASK_LEAVE_TO_ASK.match(body)
    if asked and not ONE_FACT.match(body[asked.end() - len(asked.group(1)):]):
        return _hit("yes_no", Label.OPEN_QUESTION, asked.group(0))
    return _hit("yes_no", Label.CLOSED_QUESTION, yes_no.group(0))


_ASK_LEAVE_TO_ASK = _rx(r"^(?:can|could|may|might) i (?:just )?ask (?:you )?((?:what|how|why)(?: \w+){0,2})")


_NUMBER_OR_TIME = _rx(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|"
                     r"monday|tuesday|wednesday|thursday|friday|weekend|week|weeks|month|months|year|years|today|"
                     r"yesterday|tomorrow|morning|afternoon|june|july|january|quarter)\b")


_THEIRS = _rx(r"\b(?:you|your|you're|you've|yourself)\b|^(?:and |but |so,? )?(?:it|that|this)(?:'s| (?:does|doesn't|is|isn't|was|wasn't|feels?|worries|bothers|scares|hurts|stings))\b")


def _is_fact_check(body: str) -> bool:
    """"you called them?", "so it's signed?": a short check of a fact, not a reflection of a feeling."""
    return (len(_WORD.findall(body)) <= 10 or bool(_NUMBER_OR_TIME.search(body))) and not _FEELING.search(body) and not _REFLECTIVE_FRAME.search(body)


def _classify_marked_statement(body: str) -> tuple[Label, str]:
    """A statement said with a question mark: its content decides, a closed question by default."""
    tag = _LEADING_TAG.search(body) or _SUGGESTION_STATEMENT.match(body)
    if tag:
        return _hit("marked", Label.LEADING_QUESTION, tag.group(0))
    label, cue = _classify_statement(body)
    if label is Label.ADVICE and isinstance(cue, _WeakCue):
        label, cue = Label.CLOSED_QUESTION, _WeakCue(cue)  # "Eleven existing customers?": only its shape said advice
    if label is Label.ADVICE and not (_is_imperative(body) or _MODAL_ADVICE.search(body)):
        return _hit("marked", Label.LEADING_QUESTION, cue)  # "reckon a discount would get it over the line?"
    if label in (Label.ADVICE, Label.JUDGMENT, Label.OPEN_QUESTION):
        return label, cue
    felt = _FEELING.search(body) if _THEIRS.search(body) else None
    if felt and label is not Label.AFFIRMATION:
        return _hit("marked", Label.REFLECTION, felt.group(0))  # "that worries you?", "it doesn't feel good?"
    if label is Label.REFLECTION and (getattr(cue, "rule", "") == "reflection.their_wish" or (
            not isinstance(cue, _WeakCue) and not _is_fact_check(body))):
        # "so you feel you're doing this alone?", "sounds like it changes how you think?": a
        # reflection said with a rising voice, not a yes/no question
        return _hit("marked", Label.REFLECTION, cue)
    tag = _LEADING_TAG.search(body)
    if tag:
        return _hit("marked", Label.LEADING_QUESTION, tag.group(0))
    if (chat := _SMALL_TALK_ASKED.search(body)):
        return _hit("marked", Label.OTHER, chat.group(0))  # "you did the half marathon in the end?"
    return _hit("marked", Label.CLOSED_QUESTION, _first_words(body, 6) + "?")


def _next_words(text: str, start: int, count: int) -> str:
    words = _WORD.findall(text[start:])[:count]
    return (" " + " ".join(words)) if words else ""


_NEGATIVE_AFTER_PRAISE = (
    r"(?:mess|messy|sloppy|weak|poor|lazy|amateur\w*|rushed|careless|shambles|disaster|rubbish|awful|terrible|dreadful|"
    r"got played|played|badly|lets you down|let you down|isn't there|isnt there|wasn't|wasnt|just isn't|lacking|non-existent|nonexistent|not (?:great|good|good enough|"
    r"there|enough|up to|what i|the standard|your best|ready|acceptable|professional)|wasn't (?:great|good|enough|there|ready)|"
    r"fell (?:short|flat|apart)|let (?:it|you|us) down|missed|lacked|lacking|no (?:follow|plan|prep)|could(?:'ve| have) been (?:a lot |much |far )?better|"
    r"dropped|forgot|ignored|all over the place|nowhere near|too (?:long|short|slow|late|soft|vague|pushy))")
# Named rules for statements, read before the general statement rules: (id, label, pattern).
_NAMED_STATEMENT_RULES: tuple[tuple[str, Label, re.Pattern[str]], ...] = (
    # a verdict on what they did, in so many words: "that was a stupid thing to say to a CFO"
    ("judgment.verdict_on_their_act", Label.JUDGMENT, _rx(
        r"^(?:(?:honestly|frankly|look|mate|well|and|but|so)[,]?\s+)*(?:that|it|this)(?:'s| is| was) (?:a |such a |a really |a bit of a |a pretty |quite a )?"
        r"(?:stupid|daft|silly|dumb|naive|careless|sloppy|lazy|reckless|ridiculous|amateur|amateurish|clumsy|rookie|poor) "
        r"(?:thing|move|mistake|idea|call|decision|way|error|thing to (?:say|do|send|promise))\b(?![^.?!]*\b(?:by|from|of) (?!you\b)\w+)")),
    # closing, courtesy: "I'll see you in a month", "I look forward to talking next time", "not at all"
    ("other.courtesy", Label.OTHER, _rx(
        r"^(?:[\w']+,? ){0,3}?(?:(?:i'll|i will|we'll|we will) see you(?: again)? (?:in|next|then|on|soon|later|tomorrow|at|after|"
        r"the same|same)\b|(?:i )?(?:look|am looking|i'm looking) forward to (?:talking|seeing|hearing|catching up|our next|next)\b|"
        r"see you (?:then|soon|next|later|tomorrow|on)\b|not at all[.!]*$|no problem at all[.!]*$|(?:you're|you are) (?:very |so |most )?welcome\b|"
        r"(?:it's|it was) (?:very |really |so )?(?:nice|good|lovely|great) to (?:meet|see) you\b)")),
    # their plan praised: "that sounds like a real plan", "looks like a solid next step"
    ("affirmation.good_plan", Label.AFFIRMATION, _rx(
        r"^(?:[\w']+,? ){0,2}?(?:that|it|this)?(?:'s| is)? ?(?:sounds|seems|looks) like (?:a |an )?(?:real|good|great|solid|proper|clear|"
        r"sensible|decent|strong|realistic|smart|excellent) (?:plan|start|idea|step|next step|approach|way forward)\b")),
    # agreeing to a plan: "that sounds good", "sounds like a plan"
    ("other.sounds_good", Label.OTHER, _rx(
        r"^(?:[\w']+,? ){0,2}?(?:that|it|this)?(?:'s| is)? ?(?:sounds|seems|looks) (?:really |very )?(?:good|great|fine|ok|okay|"
        r"lovely|grand|perfect|like a (?:plan|good plan|deal))(?: to me)?[.!, ]*$")),
    # thanks for the moment, not for who they are: "lovely, thanks for that"
    ("other.thanks", Label.OTHER, _rx(
        r"^(?:[\w']+,? ){0,2}?(?:thanks|thank you|cheers|ta)(?: (?:so|very) much)?(?: for (?:that|this|it|coming|coming in|"
        r"your time|the update|letting me know|the heads up|making the time))?[.!, ]*$")),
    # praise then criticism is judgment: "good effort, but the deck was a mess"
    ("judgment.praise_then_criticism", Label.JUDGMENT, _rx(
        r"^(?:\w+ ){0,3}?(?:good|great|nice|decent|fair|brilliant|lovely|solid|ok|okay|well done|i appreciate|appreciate)\b[^.?!]{0,40}?"
        rf"(?:\b(?:but|though|although|however|except|only|it's just|its just)\b[^.?!]{{0,60}}?\b{_NEGATIVE_AFTER_PRAISE}\b|"
        r"\b(?:shame|pity) about\b)")),
    ("judgment.backhanded", Label.JUDGMENT, _rx(
        rf"\b(?:decent|good|great|fine|solid) [\w-]+ when {YOU}(?:'re| are) not\b|\bat least {YOU}(?:'re| are) (?:admitting|owning|honest about) [\w' -]{{1,30}}? this time\b")),
    ("judgment.talks_a_good_game", Label.JUDGMENT, _rx(
        rf"\b{YOU} (?:talk|talked|talks) a good game\b|\bwhat (?:possessed|made) you (?:think|to) (?:\w+ )?(?:that|it) was (?:ok|okay|fine|a good idea)|"
        r"\bwhat possessed you\b|\b(?:you )?can(?:'t|not) (?:seriously|honestly|really) (?:be|think|expect)\b|"
        r"\bdo you (?:really|honestly|seriously) (?:think|expect|believe) (?:that's|that is|it's|this is) (?:ok|okay|acceptable|good enough|fine)\b")),
    # idioms that fault the salesperson
    ("judgment.idiom", Label.JUDGMENT, _rx(
        rf"\b{YOU}(?:'ve|'re| have| are| were| was| just| really| totally| completely| kind of| sort of| a bit)*\s*(?:been\s+)?"
        r"(?:dropped the ball|drop(?:ping)? the ball|asleep at the wheel|took your eye off the ball|taken your eye off|"
        r"taking your eye off|out of your depth|phon(?:ed|ing) it in|going through the motions|on autopilot|coasting|"
        r"winging it|winged it|cut(?:ting)? corners|shot yourself in the foot|made a (?:hash|mess|meal|pig's ear) of|"
        r"not (?:pulling your weight|up to (?:it|scratch|the job))|fell short|falling short|all talk|behind the curve|"
        r"missing in action|off the pace|slack(?:ing|ed)? off|let (?:it|things) slide|let (?:the team|us|me) down|"
        r"bottled it|bottling it|chickened out|dropped a clanger|fumbled (?:it|that|the)|"
        r"making (?:this|it|things|life|everything) (?:so much |a lot |much )?(?:harder|more difficult|more complicated|worse))")),
    # their strength named: "you're a strong closer", "you're a natural with buyers"
    ("affirmation.strength", Label.AFFIRMATION, _rx(
        rf"\b(?:you're|youre|you are|you've always been|you've been|you were always|you're always) (?:a |an |such a |one of (?:the|our) )?"
        r"(?:really |very |genuinely |seriously |properly |incredibly )?(?:strong|good|great|natural|excellent|solid|brilliant|"
        r"gifted|talented|born|top|first-class|fantastic|reliable|safe|sharp|smart|skilled|tenacious|persistent|resilient)"
        r"(?! (?:at (?:making excuses|blaming)|excuse))\b")),
    # their wish, plan or what they have not done, said back: "you'd like to get back to them first"
    ("reflection.their_wish", Label.REFLECTION, _rx(
        rf"^(?:(?:and|so|okay|ok|right),? )?(?:{YOU})(?:'d| would) (?:really )?(?:like|love|rather|prefer) (?:to|(?:me|us|someone|somebody) to|something|some|more|a)\b|"
        rf"^(?:(?:and|so|okay|ok|right),? )?(?:you're|you are|youre) (?:thinking|hoping|planning|keen|wanting|looking|willing|ready|"
        rf"prepared|determined) (?:of|to|about|for)\b")),
    ("reflection.not_done", Label.REFLECTION, _rx(
        r"^(?:and |so |okay |ok |right )?(?:you|u) (?:haven't|hadn't|didn't|have not|did not|havent|didnt) "
        r"(?!even\b|once\b|bother|think to|thought to|give up|quit|stop|let|back down|panic|flinch|fold|crack|lose|budge|"
        r"waver|blink|cave)(?:really |yet |quite |actually )?\w+")),
    # a summary opened by "so": "so the main issue is the handover" restates, it does not diagnose
    ("reflection.so_summary", Label.REFLECTION, _rx(
        r"^(?:and |okay |ok |right )?so,? (?:basically |really |essentially |for you,? )?the (?:main |real |big |biggest |whole |key |underlying )?"
        r"(?:issue|problem|worry|concern|sticking point|thing|frustration|challenge|struggle|question)(?: for you| here| now)? (?:is|was|'s)\b"
        rf"(?![^.?!]*\b(?:{YOU} (?:should|need|must|have to)|your (?:\w+ )?(?:is|was|are) (?:way |far |much |a bit |a little |just |really |probably )?(?:too|not)))")),
    # the cause reframed by the manager: "it wasn't really about the price", "less about the deck and more
    # about who was in the room" (not "for you": their view)
    ("advice.reframe", Label.ADVICE, _rx(
        r"^(?:(?:so|but|and|well|look|honestly)\W+)*(?:(?:maybe|perhaps|i (?:don't|dont|do not) think|i'm not sure|i wonder if)\W+)+"
        r"(?:it|this|that)(?:'s| is| was|s)?\s*(?:n't|not)\s+(?:perhaps |maybe |really |necessarily |just |so much |only |actually )*about\b"
        r"(?![^.?!]*\b(?:for|to) (?:you|u)\b)|"
        r"^(?:(?:so|but|and|well|look|honestly)\W+)*(?:it|this|that)(?:'s| is| was|s)?\s*(?:n't|not)\s+(?:perhaps |maybe |really |necessarily |so much |actually )+about\b"
        r"(?![^.?!]*\b(?:for|to) (?:you|u)\b)|"
        r"\bnot (?:really |just )?about [\w' ]{1,40}?[,;]? (?:it's|it is|it was|but|more) (?:really |more |all |actually )?about\b|"
        r"^(?:(?:so|but|and|well|look|honestly)\W+)*i (?:don't|dont|do not) (?:think|reckon) (?:it|this|that)(?:'s| is| was|s)? (?:really |actually |just |all )?about\b"
        r"(?![^.?!]*\b(?:for|to) (?:you|u)\b)|"
        r"^(?!(?:and |okay |ok |right )?so\b).*?\b(?:less|not so much) about [\w' ]{1,40}? (?:and |but |,\s*)?(?:more|rather|really) about\b")),
    # how things go for anyone, explained: "when a buyer goes quiet, their budget has usually moved", "it's
    # often because the proposal went to the wrong person"
    ("advice.how_things_go", Label.ADVICE, _rx(
        r"(?:^(?:(?:but|and|so|well)\W+)*|,\s*)(?:it|that)(?:'s| is) (?:often|usually|normally|typically|generally|mostly|almost always|nearly always) "
        r"(?:because|a sign|down to|the case)\b|"
        r"^(?:(?:okay|ok|so|and|well|look)\W+)*when (?:somebody|someone|anybody|anyone|people|a person|an? (?:buyer|customer|client|prospect|rep|champion|deal|account)|"
        r"(?:buyers|customers|clients|prospects|reps|champions|deals|accounts)) [\w' -]{2,50}?,\s*(?:their|they|it|that|the|there|you(?:'ll| will| tend| usually))\b"
        r"(?![^.?!]*\?)")),
    # information given: how things work, what guidelines or evidence say
    ("advice.information", Label.ADVICE, _rx(
        r"\b(?:i (?:just )?(?:want|wanna|wanted|would like|'d like|'d love|need|have|'ve got|got|thought i'd|thought i would) to "
        r"(?:share|tell you|let you know|mention|point out|explain|give you)\b|"
        r"^(?:(?:oh|and|also|btw|ok|okay|right|so)\W+)*just so you(?:'re| are)? (?:know|aware)(?!,? (?:i|i'm|im|i'll|ill|i've|how i|that i|what i|we'll|we're)\b)|"
        r"\bfyi\b|for your information|[,\s](?:btw|by the way)[.!]*$|"
        r"\b(?:it's|it is|its|that's|thats) (?:all )?(?:in|on) (?:section|page|chapter|slide|the (?:doc|handbook|playbook|wiki|crm|shared drive|intranet|policy|guide|deck))\b|"
        r"^(?:and |but |so )?(?:you're|you are|you aren't|you're not|you are not) (?:not )?(?:allowed|required|expected|supposed|meant|entitled|obliged) to\b|"
        r"^(?:and |but |so |well,? |okay,? |all right,? )?(?:you're|you are) going to (?:take|need|have to|want to|call|send|book|start|stop|use|"
        r"bring|do|get|go|make|put|set|try)\b|"
        r"\b(?:you )?(?:might|may) not (?:be aware|know|realise|realize|have heard)\b|"
        r"\b(?:has|have) been (?:found|shown|proven) to\b|\bis known to\b|"
        r"\b(?:is|are) (?:really |very |so |actually )?(?:healthy|good for you|bad for you|great exercise|worthwhile|effective|"
        r"dangerous|risky|addictive|proven)\b(?! (?:to you|for you to hear))|"
        r"^(?:and |but |so )?(?:it|this|that|these|they) (?:does|do) (?:really |actually |definitely )?(?:work|help)\b|"
        r"\bone of the (?:great|good|best|nice|important|key|big|main) things about [\w' ]{1,30}? is\b|"
        r"(?:it's|it is|it's really|that's) (?:really |very |so |absolutely |just )?(?:important|essential|crucial|vital) "
        r"(?:that (?:you|we)|for you to)\b|"
        r"i (?:can )?(?:see|saw|noticed|notice|read) (?:on|from|in) (?:the|your|this|their) [\w-]+(?: [\w-]+)? (?:that|you|your)\b|"
        r"(?:i|we) (?:noticed|saw|see|notice) (?:some of |from |in |on )?(?:your|the) (?:records?|notes|file|chart|crm|forecast|numbers|figures|pipeline|report)\b|"
        r"(?:there's|there is|there has been|there have been|there's been) (?:a lot of |some |plenty of |lots of |good |new )?"
        r"(?:research|studies|evidence|data)\b|(?:on|in) (?:this|the|your) (?:form|questionnaire|chart|records?|file) (?:here )?"
        r"(?:that |it says |you |says )|"
        r"(?:the|your|this|their) (?:report|records?|chart|form|questionnaire|results?|data|crm|dashboard|figures|stats) "
        r"(?:says?|shows?|states?|suggests?|indicates?)\b|"
        r"(?:people|those|anyone|someone|reps|buyers|customers|clients|folks|patients) (?:who|that) [\w' ]{2,40}? "
        r"(?:are|is|tend|get|find|have) (?:more |less |much more |far more )?(?:likely|often|usually|at risk)\b|"
        r"i(?:'m| am) (?:a little |a bit |a little bit |quite |really |very |slightly |somewhat )*(?:concerned|worried) "
        r"(?:about|that|by|looking|when)|^(?:this|that|it|these|those|the \w+)(?: \w+)? (?:will|can|would|could) (?:really |also |actually )?"
        r"(?:help (?:you |to )?\w+|make (?:it|you|things)|lower|raise|reduce|increase|improve|cause|lead to)|the way it works is|"
        r"\bit (?:usually |normally |typically |often |generally |tends to |can )?takes? (?:about |around |roughly |at least |up to |on average |anything from )?"
        r"(?:a few|a couple of|several|many|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:to \w+ )?(?:\w+ )?(?:touches|weeks|days|months|calls|emails|"
        r"attempts|tries|goes|meetings|conversations|follow-ups|quarters)\b|how it works is|the (?:rule|policy|process|procedure|deal|guideline|guidelines|law|limit|"
        r"recommendation|evidence|research|data) (?:is|are|says?|shows?|suggests?|recommends?)|(?:research|studies|evidence|the data|"
        r"guidelines|statistics|stats) (?:shows?|says?|suggests?|recommends?|tells? us)|(?:it's|it is|it has been|it's been) (?:been )?"
        r"(?:shown|proven|known|recommended)|(?:is|are) (?:associated|linked|correlated) with|what (?:they|we|experts|doctors|people) "
        r"(?:call|recommend|suggest|say) is|what (?:it|the \w+) says is|what we call|(?:is|are) (?:a|the) (?:sign|symptom|risk factor) of|"
        r"(?:most|many|some) (?:of (?:our|the|my|your|these|those) )?(?:people|reps|buyers|customers|clients|folks|firms|companies|businesses|teams|accounts) (?:\w+ ){0,3}?(?:find|do|tend|say|need|are moving|are switching|have moved|are going|expect|want)|is better (?:you|to|if)\b|what tends to (?:help|work)|"
        r"what (?:some|most|many|other) (?:people|reps|folks|managers|buyers)(?: \w+){0,3} (?:do|find|try) is|"
        r"(?:there's|there is|there are) (?:also |basically |actually |really )?(?:a lot of |lots of |plenty of |many |some |a few |a couple of |other |a |an |good |great |free |new |local |three |two |four )*(?:[\w'-]+ ){0,2}?(?:course|programme|program|group|service|tool|"
        r"template|option|options|resource|resources|class|classes|groups|services|programmes|programs|leaflet|brochure|training|workshop|playbook|guide)\b)")),
    # what must happen, said of something other than the manager: "they need to stop", "that has to change"
    ("advice.must_happen", Label.ADVICE, _rx(
        r"^(?!.*\b(?:feel|feels|felt|think|thinks|said|says|told|saying|sounds|seems)\b.*\b(?:need|needs|has|have|must)\b)"
        r".*?\b(?:they|it|that|this|these|those|the [\w-]+|your [\w-]+(?: [\w-]+)?|we)(?:'ve| have)? (?:really |just |definitely |absolutely )?"
        r"(?:needs? to|has to|have to|must|got to|gotta) (?:stop|start|change|happen|be (?:shorter|longer|sharper|clearer|done|fixed|sorted|addressed|"
        r"dealt with|in|out|sent|signed|better|the priority|first)|go|come (?:first|out|down|off)|get (?:done|sorted|fixed|sent|signed|closed|better))\b")),
    # what will follow if they act: "getting it down is going to keep you from ..."
    ("advice.prediction", Label.ADVICE, _rx(
        r"^(?!.*\b(?:worried|worry|worries|afraid|scared|fear|fears|feel|feels|felt|think|thinks|sounds|seems|concerned|nervous|anxious)\b)"
        r".*?\b(?:is|are|'s|'re) (?:going to|gonna) (?:keep you from|help you|stop you|protect you|make (?:it|things|you|a)|cause|reduce|lower|raise|increase|cut|save you)\b|"
        r"\bif i (?:was|were) (?:gonna|going to|to) (?:work on|pick|choose|focus on|start with|do|change|tackle)\b")),
    # an option or a new way of seeing it, offered: "there might be other ways to look at it", "that might
    # be something we can look at", "losing it might have been a good thing", "the latest research"
    ("advice.option_offered", Label.ADVICE, _rx(
        r"\bthere (?:might|may|could) (?:also )?be (?:some )?(?:other |different |better )?(?:ways|options|things|approaches|routes|angles)\b|"
        r"\b(?:that|this|it) (?:might|may|could) (?:also )?be something (?:that )?(?:we|you) (?:can|could|might) (?:look at|try|explore|work on|think about)\b|"
        r"\b(?:might|may|could) (?:actually |even |really )?(?:be|have been) a (?:good|positive|helpful|useful|blessing|lucky) (?:thing|break)\b|"
        r"\b(?:the )?latest (?:research|evidence|information|guidance|data|figures)\b|\bthis is (?:the )?information (?:that|i)\b")),
    # an option or a resource named for them: "so that's something you can work on with finance",
    # "so you can carry on with that", "I've got a checklist here", "I want to reassure you that ..."
    ("advice.option_so", Label.ADVICE, _rx(
        r"^(?:(?:okay|ok|well|yeah|and|um|uh|right|so),?\s+)*(?:(?:that's|that is|it's|this is) something (?:that )?(?:you|we)(?:'d)? "
        r"(?:can|could|might|kinda like to|would like to|should|may want to|absolutely)\b|(?:you|we) can (?:continue|carry on|look into|keep going|go ahead)\b)|"
        r"\bi(?:'ve| have) got (?:a|an|some) (?:\w+ )?(?:brochure|leaflet|handout|template|checklist|guide|sheet|worksheet|script|playbook|example|case study)\b|"
        r"\bi (?:do )?(?:want to|wanna|would like to|'d like to) reassure you (?:that|about)\b|"
        r"^(?:(?:and|so|but),?\s+)*(?:this|that|it|these|those|the [\w-]+)(?: [\w-]+)? (?:can|will|would|could) (?:really |also |actually |definitely )?"
        r"(?:help|prevent|stop|reduce|lower|improve|protect|speed up|shorten|fix)\b")),
    # an option offered on a condition: "if you're willing, we could set up another meeting"
    ("advice.option_if_willing", Label.ADVICE, _rx(
        r"\bif (?:you're|you are|you'd be|you were|you feel) (?:willing|open|ready|interested|up for it|happy)\b[^.?!]{0,30}?"
        r"\b(?:we|i) (?:could|can|might|would)\b|\bif (?:you're|you are) willing to (?:do|try) (?:that|this|it),? (?:that|it) "
        r"(?:would|will|could|certainly would)\b")),
    # the manager's own "I'd ..." is what they would do in the salesperson's place
    # what worked for the manager, offered as the way: "I just did twenty before nine every day until it
    # stopped being scary", "that's what worked for me"
    ("advice.what_worked_for_me", Label.ADVICE, _rx(
        r"\bi (?:just |simply )?(?:did|made|kept|forced myself to|used to|started|booked|blocked|called|wrote|practised|practiced)\b"
        r"[^.?!]{0,60}?\b(?:until|till|untill|til) (?:it|they|i|that)\b|\b(?:that's|thats|which is|that is) (?:what|how) (?:worked|got me through|i got over)\b|"
        r"\b(?:it|that|this) (?:worked|works) (?:wonders |a treat |every time )?for me\b")),
    ("advice.i_would", Label.ADVICE, _rx(
        r"^(?:(?:honestly|personally|frankly|so|well|look|yeah|and|but|me|myself|i mean|if it were me|in your shoes|in your place),?\s+)*"
        r"(?:i'd|i would|id)\s+(?:(?:just|probably|definitely|honestly|personally|actually|really|maybe|perhaps|also|then|first)\s+)*"
        r"(?!(?:back you|like|love|be|been|have|had|say|said|think|thought|guess|imagine|hope|rather|want|need|appreciate|prefer|feel|"
        r"agree|bet|know|expect|never|already|only|forgotten|heard|seen|welcome|argue|add|point out|wonder|ask you|"
        r"encourage you to (?:tell|talk|share|walk|think))\b)[a-z]{2,}\b")),
)


# "so you ...", "so the demo ...": a summary; but not "so if you ...", "so one of the things we have",
# "so there's research on ...", "so we can ...", which go on to give an option or information
_SO_SUMMARY = _rx(r"^(?:and |but |right,? |okay,? |ok,? )?so\b,?\s+(?!um\b|uh\b|er\b|if\b|maybe\b|perhaps\b|first\b|"
                  r"one of\b|there(?:'s| is| are| has| have)\b|we\b|we'll\b|we're\b|let's\b|let me\b|i\b|i'm\b|i'd\b|i'll\b|"
                  r"in terms\b|that's why\b|that would\b|what we\b|the (?:idea|plan|way|rule|thing to do)\b)\w+")


_INSERTED_QUESTION = _rx(r"^(?:so |and )?(?:you|u)(?:'ve|'re|'d| have| are| had)? [\w' ,]{2,40}? (?:how (?:long|many|much|often)|what),?(?: now| again| exactly| is it| was it)?(?:[,?]\s*|\s+)(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a|about|roughly|nearly|almost)\b")


def _classify_statement(body: str) -> tuple[Label, str]:
    named = _named(_NAMED_STATEMENT_RULES, body)
    if named and named[0] is Label.JUDGMENT and (view := _THEIR_VIEW_START.match(body)):
        return _hit("statement", Label.REFLECTION, view.group(0))  # "you feel like you're not pulling your weight"
    if named:
        return named
    imperative = _is_imperative(body)
    if imperative:
        return _hit("statement", Label.ADVICE, imperative)
    rebuke = _PAST_REBUKE.search(body)
    modal = _MODAL_ADVICE.search(body)
    if modal and not rebuke and not _MODAL_ADVICE_EXCEPTIONS.search(body) and not _is_embedded(body, modal.start()):
        return _hit("statement", Label.ADVICE, modal.group(0))
    framed = _REFLECTIVE_FRAME.search(body)
    advice = _first(_ADVICE_PHRASES, body)
    if advice and not (framed and body.find(advice) >= framed.end()):
        return _hit("statement", Label.ADVICE, advice)
    if rebuke:
        return _hit("statement", Label.JUDGMENT, rebuke.group(0))
    for pattern in (_CLAUSE_IMPERATIVE, _NEXT_TIME, _SO_DO_THAT):
        match = pattern.search(body)
        if match and not (framed and match.start() >= framed.end()):
            return _hit("statement", Label.ADVICE, match.group(0).lstrip(",;: "))
    sided = _SIDING.search(body)
    judged = _first(_JUDGMENT, body) or (sided and sided.group(0))
    chatting = bool(_SMALL_TALK.search(body)) and not _SECOND_PERSON_EARLY.match(body)  # "the coffee was awful"
    # "you think marketing let you down": their verdict, said back (unless the manager turns on it)
    their_verdict = framed and body.find(judged or "") >= framed.end() and not _TURN.search(body, framed.end())
    if judged and not chatting and not their_verdict:
        return _hit("statement", Label.JUDGMENT, judged)
    request = _REQUEST_ANYWHERE.search(body)
    if request:
        return _hit("statement", Label.OPEN_QUESTION, request.group(0))
    thanked = _first(_AFFIRMATION[:4], body)
    if thanked:
        return _hit("statement", Label.AFFIRMATION, thanked)
    if framed:
        after = body[framed.end():]
        insult = _NEGATIVE.search(after)
        if insult and _SOUNDS_FRAME.match(framed.group(0).strip()) and insult.start() <= 12:
            return _hit("statement", Label.JUDGMENT, insult.group(0))  # "you sound entitled", "you sound like a victim"
        turn = _TURN.search(after)
        if insult and turn and insult.start() > turn.start():
            return _hit("statement", Label.JUDGMENT, insult.group(0))  # "I hear you're busy, but that's a feeble excuse"
        if insult and not _COMPLEMENT.match(after) and re.match(r"^\s*(?:(?:an?|your|the|that|this|marketing|leadership|[a-z]+'s|[a-z]+ (?:is|are|was|were))\s+)", after) and not re.search(r"\b(?:think|thinks|feel|feels|felt|believe|reckon|see|say|said|told)\b", body[:framed.end()] + after) and not _SECOND_PERSON_EARLY.match(framed.group(0)):
            return _hit("statement", Label.JUDGMENT, insult.group(0))
        return _hit("frame", Label.REFLECTION, framed.group(0))  # "so you feel ...", "sounds like ..."
    negative = None if chatting else _NEGATIVE.search(body)
    if negative and not re.search(r"\b(?:not|n't|nt|never|no)\s+(?:\w+\s+)?$", body[: negative.start()], re.I):
        return _hit("statement", Label.JUDGMENT, negative.group(0))
    affirmed = _first(_AFFIRMATION[4:], body)
    if affirmed and (felt := _PAINFUL_FEELING.search(body)) and not _CREDIT_FOR_IT.search(body):
        return _hit("statement", Label.REFLECTION, felt.group(0))  # "you took a risk, it didn't land, and now you're embarrassed"
    if affirmed:
        return _hit("statement", Label.AFFIRMATION, affirmed)
    words = _WORD.findall(body)
    if _SO_SUMMARY.match(body) and len(words) >= 3:
        return _hit("statement", Label.REFLECTION, _first_words(body, 4))
    about_them = _SECOND_PERSON_EARLY.match(body)
    positive = _POSITIVE.search(body)
    if positive and re.search(r"\b(?:not|n't|nt|never|no|hardly)\s+(?:\w+\s+)?$", body[: positive.start()], re.I):
        positive = None  # "not impressive", "you're not confident"
    if positive and _PAINFUL_FEELING.search(body) and _ANY_YOU.search(body) and not _CREDIT_FOR_IT.search(body):
        return _hit("statement", Label.REFLECTION, _PAINFUL_FEELING.search(body).group(0))  # "you're willing, you're just angry about how it happened"
    # praise of them, of "that", or of their doing as the subject ("asking him twice was the right instinct")
    if positive and (_ANY_YOU.search(body) or re.search(r"(?:^|,\s*)(?:that|this|it)(?:'s| is| was|s)\b", body, re.I)
                     or re.match(r"^(?!(?:nothing|something|anything|everything|morning|evening|pricing|timing)\b)\w+ing\b", body, re.I)) and (
            " " in positive.group(0) or not _NEGATIVE_FEELING.search(body)):
        return _hit("statement", Label.AFFIRMATION, positive.group(0))
    reflected = _first(_REFLECTION[:6], body)
    if reflected:
        return _hit("statement", Label.REFLECTION, reflected)
    if _OTHER_START.match(body) or (_SMALL_TALK.search(body) and not about_them):
        return _hit("statement", Label.OTHER, _first_words(body, 5))
    if _OTHER_PATTERNS.match(body) and len(words) <= 4:
        return _hit("statement", Label.OTHER, body)
    if about_them and len(words) >= 3:
        return _hit("statement", Label.REFLECTION, _WeakCue(_first_words(body, 4)))
    feeling = _FEELING.search(body)
    if feeling and len(words) >= 2:
        return _hit("statement", Label.REFLECTION, feeling.group(0))
    if len(words) <= 2 or re.match(r"^(?:let(?:'|’)?s|i|i'm|im|i've|ive|i'd|me|we|we're|we've|we'll)\b", body, re.I):
        return _hit("statement", Label.OTHER, _WeakCue(_first_words(body, 4)))
    if _PAST_TENSE.search(body):
        return _hit("statement", Label.REFLECTION, _WeakCue(_first_words(body, 4)))  # restating what happened
    # A statement about how things work in general (not about them): information, which is telling.
    if re.search(r"\b(?:works?|tends?|helps?|means?|pays?|increases?|reduces?|raises?|lowers?|causes?|leads? to|"
                 r"results? in|can|could|should|must|will|won't|always|never|usually|often|generally|"
                 r"typically|most|every|anyone|everyone|people|buyers|customers|clients)\b", body) or re.match(
        r"^(?:there(?:'s| is| are) (?!no\b|nothing\b|not\b)\w+|(?!(?:it|that|this|he|she|they|which|what)\b)[a-z]+ (?:is|are) (?:a|an|the)\b)", body):
        return _hit("statement", Label.ADVICE, _WeakCue(_first_words(body, 5)))
    return _hit("statement", Label.REFLECTION if len(words) >= 3 else Label.OTHER, _WeakCue(_first_words(body, 4)))


_TURN = _rx(r"\b(?:but|though|however|yet)\b")
_COMPLEMENT = _rx(r"^\s*(?:that|about|because|when|how)\b")
_SOUNDS_FRAME = _rx(rf"^(?:so )?{YOU} (?:sound|seem|look|come across)(?: like)?$")
_THEIR_VIEW_START = _rx(rf"^(?:(?:so|and|okay|ok)\s+)?(?:part of (?:you|u) (?:thinks|feels|worries|wonders)(?: that)?|{YOU} (?:feel|felt|think|worry|fear|reckon)(?: like| that)?|it (?:feels|sounds) like|sounds like|you(?:'re| are) (?:worried|afraid|scared) (?:that )?)")
_ANY_YOU = re.compile(rf"\b(?:{YOU}|your|you're|youre|you've|youve)\b", re.IGNORECASE)
_SECOND_PERSON_EARLY = _rx(rf"^(?:and |but |so |yet |now |also |still |plus )?(?:[\w'-]+ ){{0,2}}?(?:{YOU}|you're|youre|you've|youve|you'd|youd|you'll|your|yourself)\b")
_PAST_TENSE = _rx(r"\b(?:went|was|were|did|had|said|got|came|took|made|gave|told|felt|thought|knew|saw|left|lost|won|sent|spent|fell|ran|been|\w{3,}ed)\b")


def _is_embedded(body: str, position: int) -> bool:
    """True when a 'you should' sits inside a question such as 'what do you think you should do', or
    inside their own view said back: 'you feel like you need a break', 'you've been told you have to'."""
    before = body[:position].lower()
    return bool(_ASKED_OR_WONDERED_BEFORE.search(before) or _THEIR_VIEW_BEFORE.search(before))


_ASKED_OR_WONDERED_BEFORE = _rx(rf"\b(?:{WH_OPEN_START}|whether|if|wonder|think|decide|decided|deciding|know|sure)\b[^,.;]*$")


_THEIR_VIEW_BEFORE = _rx(r"\b(?:feel|feels|feeling|felt|told|noticed|reali[sz]e|reali[sz]ed|saying|said|sounds like|"
                         r"seems like|things|stuff)\b(?: (?:like|that))?\s*$")


def _first_words(text: str, count: int) -> str:
    return " ".join(_WORD.findall(text)[:count])


class _Cue(str):
    """The words that decided a label, and the id of the rule that read them ("stage.label")."""

    rule = ""


class _WeakCue(_Cue):
    """A cue from a fallback rule: the sentence gave no clear sign, so it does not outrank others."""


def _named(rules: tuple[tuple[str, Label, re.Pattern[str]], ...], body: str) -> tuple[Label, str] | None:
    """The first of ``rules`` that matches, with its cue named by the rule's id."""
    for rule_id, label, pattern in rules:
        found = pattern.search(body)
        if found:
            cue = _Cue(found.group(0).strip(" ,."))
            cue.rule = rule_id
            return label, cue
    return None


def _hit(stage: str, label: Label, cue: str) -> tuple[Label, str]:
    """A rule's reading; a cue already named by an inner stage keeps its name."""
    if isinstance(cue, _Cue) and cue.rule:
        return label, cue
    named = (_WeakCue if isinstance(cue, _WeakCue) else _Cue)(cue)
    named.rule = f"{stage}.{'fallback.' if isinstance(cue, _WeakCue) else ''}{label.value}"
    return label, named


_MID_BREAK = _rx(
    r"(?<=\w)\s+(?:(?:yeah|okay|ok|right|alright|so|and|but|anyway)\s+)?(?=(?:what about|how about|what if (?:you|we)|why don't you|why not|what happened|what could|what would|what else|what might|how could|how might|what do you|what did you|what would you|how do you|how did you|how would you|tell me|walk me|talk me)\b)"
)


def _clauses(sentence: str) -> list[str]:
    spoken = _SPOKEN_BREAK.match(sentence)
    if spoken and len(_WORD.findall(sentence[spoken.end():])) >= 2:
        head, sentence = sentence[: spoken.end()].strip(), sentence[spoken.end():]
        return [head, *_clauses(sentence)]
    pieces = [p for p in _CLAUSE_BREAK.split(sentence) if p and p.strip(" ,")]
    if not re.search(r"[,.;:!?]", sentence) and len(pieces) == 1:
        parts = _MID_BREAK.split(sentence)
        if len(parts) == 1:
            parts = _split_before_question(sentence)
        if len(parts) > 1 and all(len(_WORD.findall(part)) >= 2 for part in parts):
            pieces = parts
    return pieces or [sentence]


# "ok quick then what's the one thing on your mind", "sure and this year where are you against target":
# an asking word with the question's own order, not the object of a verb ("I know what you did")
_INVERTED_QUESTION = _rx(r"(?<=\w)\s+(?=(?:what's|where's|how's|(?:what|where|how|which|why|when) (?:is|was|are|were|do|does|did|would|could|can|will|should|might|have|has|had)\b))")
_TAKES_A_QUESTION = frozenset(
    "know knew tell told ask asked wonder wondering see saw understand remember decide decided sure idea clue about explain figure "
    "matter matters care show hear imagine guess think thought is was that's thats of on at exactly just from out say said mean "
    "how what why where when who which discuss discussing check checking learn find found work worked and or than "
    "probably really actually definitely maybe certainly clearly obviously".split())


# Speech run on: "that's awful timing um was it the sandbox again", "you got it submitted so looking back
# which bits were in your hands": a spoken marker, then a question's own order.
#: Words and phrases that, in speech, lead from a remark into a question.
_HESITATION = frozenset("um umm uh uhh er erm".split())
_NOT_BEFORE_QUESTION = _HESITATION | frozenset("so though tho anyway anyhow okay ok right and but then honestly actually also btw".split())
_QUESTION_MARKERS = "|".join(sorted(_NOT_BEFORE_QUESTION) + [
    "quick one", "quick question", "looking back", "tell me", "by the way", "out of interest", "i mean"])
_MARKED_QUESTION = _rx(
    rf"(?<=\w)\s+(?:(?:{_QUESTION_MARKERS})\s+)+"
    r"(?=(?:(?:is|was|were|are)\s+(?:you|u|he|she|it|they|we|there|that|this|the|your|their|his|her)|"
    r"(?:did|do|does|have|has|had|can|could|will|would)\s+(?:you|u|he|she|they|we)|"
    r"(?:what|how|where|when|who|why)(?:'s|\s+(?:is|was|are|were|do|does|did|would|could|can|will|should|might|have|has|had|"
    r"many|much|long|often|else|exactly|happened|made|went|changed|stopped))|"
    r"which\s+(?:bits?|parts?|ones?|of|option|options|account|accounts|deal|deals|step|steps)|"
    r"which\s+\w+\s+(?:is|was|are|were|do|did|would|could|should|will))\b)")
_ASKED_ALREADY = _rx(r"^\W*(?:\w+\s+){0,2}?(?:what's|whats|hows|how's|how|what|where|when|who|why|which|is|are|was|were|did|do|does|have|has|can|could|will|would)\b")


def _split_before_question(sentence: str) -> list[str]:
    for found in _INVERTED_QUESTION.finditer(sentence):
        before = sentence[:found.start()].split()
        if before and before[-1] not in _TAKES_A_QUESTION and len(before) >= 2:
            return [sentence[:found.start()], sentence[found.end():]]
    for found in _MARKED_QUESTION.finditer(sentence):
        # a statement, then a question of three words or more ("... tho did they" is a tag)
        before = [word for word in sentence[:found.start()].split() if word not in _NOT_BEFORE_QUESTION]
        # after a real marker ("a big ask so how many ..."), the last word is not what asks the question
        only_hesitation = set(sentence[found.start():found.end()].split()) <= _HESITATION
        if (len(before) >= 2 and (before[-1] not in _TAKES_A_QUESTION or not only_hesitation)
                and len(sentence[found.end():].split()) >= 3
                and not _ASKED_ALREADY.match(sentence)):
            return [sentence[:found.end()], sentence[found.end():]]  # the markers stay with the statement
    return [sentence]


def _lower(text: str) -> str:
    """Lower-case without changing the length, so spans map back onto the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def _classify_sentence(original: str) -> tuple[Label, str, bool, int, str, float]:
    """(label, cue in the original's own letters, whether only a fallback rule decided it, the
    cue's position in the sentence or -1, the deciding rule's id, confidence)."""
    sentence = _lower(original)
    label, cue = _classify_lowered(sentence)
    weak = isinstance(cue, _WeakCue)
    rule = getattr(cue, "rule", "") or f"clause.{label.value}"
    confidence = CONFIDENCE_FALLBACK if weak else CONFIDENCE_RULE
    if weak and not sentence.rstrip().endswith("?"):
        # No form or cue phrase decided it: its words do (still without outranking clear sentences);
        # a question mark already said what it is.
        read = word_model().read(sentence, WORD_MODEL_MIN_KNOWN)
        if read and (read[0] is not Label.TAKEOVER or (_TAKEOVER_GUESS_HINT.search(sentence) and "?" not in sentence)):
            label, cue = read
            rule, confidence = f"wordmodel.{label.value}", CONFIDENCE_WORD_MODEL
    position = sentence.find(cue) if cue else -1
    cue_text = original[position:position + len(cue)] if position >= 0 else str(cue)
    return label, cue_text, weak, position, rule, confidence


_TAG_ONLY = _rx(r"^[\s,]*(?:shall we|should we|yeah|yes|no|right|ok|okay|eh|innit|ya know|you know|or what)[\s?.!]*$")


def _classify_lowered(sentence: str) -> tuple[Label, str]:
    question_marked = sentence.rstrip().endswith("?")
    if (asked := _INSERTED_QUESTION.match(_strip_fillers(sentence))):
        return _hit("inserted", Label.CLOSED_QUESTION, asked.group(0))  # "you've been here, what, eight months?"
    results = []
    clauses = _clauses(sentence)
    for position, clause in enumerate(clauses):
        last = position == len(clauses) - 1
        # "Would booking it earlier help, do you think?": the mark covers an earlier clause too
        marked = question_marked and (last or bool(_YN_ANY_WORD.match(_strip_fillers(clause)) or _WH_START.match(_strip_fillers(clause))))
        if position and _TAG_ONLY.match(clause):
            results.append(_hit("clause", Label.OTHER, _WeakCue(clause.strip(" ,?"))))  # "..., shall we?"
            continue
        if not last and (topic := _TOPIC_NAMED.match(_strip_fillers(clause))) and _ASKS.match(_strip_fillers(clauses[position + 1])):
            results.append(_hit("topic", Label.OTHER, _WeakCue(topic.group(0))))  # "what about the redlines, have they..."
            continue
        results.append(_classify_clause(clause, marked))
    strong = [result for result in results if not isinstance(result[1], _WeakCue)] or results
    label = primary_of([label for label, _ in strong])
    cue = next(cue for result_label, cue in strong if result_label is label)
    if label is Label.OPEN_QUESTION and (scale := _ASKED_ON_A_SCALE.search(sentence)):
        return _hit("scale", Label.CLOSED_QUESTION, scale.group(0))  # the answer is one number
    return label, cue


# A thing already there named as the next topic, then asked about: "what about the budget, is it approved?"
# (a new idea, "what about a pilot?", "what about calling them?", is the manager's own: leading)
_TOPIC_NAMED = _rx(r"^(?:and |so |ok |okay )?(?:what|how) about (?:the|your|their|his|her|that|those|this|these|[\w-]+'s|[\w-]+s) "
                   r"(?!\w+ing\b)[\w'-]+(?: (?!\w+ing\b)[\w'-]+){0,2}[\s,?]*$")
_ASKS = _rx(r"^(?:(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could)\s+(?:they|it|he|she|that|this|those|the|we|you|u)\b|"
            r"still\b|any\b|(?:what|when|where|who|how|which)\b)")

# "on a scale of one to ten, how ready are you?", "out of ten, how confident do you feel?"
_ASKED_ON_A_SCALE = _rx(r"\bon a scale (?:of|from)\b|\bout of (?:ten|10|five|5|a hundred|100)\b(?=[^.?!]*\bhow\b)|"
                        r"\bfrom (?:zero|one|0|1) to (?:ten|10|five|5|a hundred|100)\b(?=[^.?!]*\bhow\b)|\bhow [\w' ]{2,30}? out of (?:ten|10|five|5)\b")


#: Readings that give way to a restatement of the salesperson's line: a statement said with a
#: question mark ("so you cut down by two?") that says back what they said is a reflection.
_RESTATE_OVERRIDES = frozenset({"marked.closed_question"})
#: Readings from a praising or faulting word that give way when the word is the salesperson's own.
_ECHO_OVERRIDES = frozenset({"statement.affirmation", "statement.judgment"})
_stems = wordlists.content_stems
_CONTENT = re.compile(r"[a-z][a-z']{2,}")


def _restated(result: SentenceResult, sentence: Mapped, context: str, alone: bool = False) -> SentenceResult | None:
    """A sentence that says back what the salesperson just said is a reflection."""
    if result.label in (Label.OPEN_QUESTION.value, Label.LEADING_QUESTION.value, Label.REFLECTION.value):
        return None
    if result.label == Label.TAKEOVER.value:
        return None  # an offer to act on what they said ("want me to give their CFO a call?") takes it over
    if (result.rule in _RESTATE_OVERRIDES or sentence.text.rstrip().endswith("?")) and len(_WORD.findall(sentence.text)) <= 4:
        return None  # "Furious with us?", "Too harsh?": a short check, asked
    own, theirs = _stems(sentence.text) - _NOT_RESTATING, _stems(context) - _NOT_RESTATING
    shared = own & theirs
    # a reply of a word or two said back ("Discouraged." "Your mom.")
    echo = alone and len(own) <= 2 and len(shared) >= 1 and len(_WORD.findall(sentence.text)) <= 4
    if not echo and (len(shared) < 2 or len(shared) < len(own) / 3):
        return None
    lowered = sentence.text.lower()
    first = min((m for m in _CONTENT.finditer(lowered) if any(m.group(0).startswith(w) for w in shared)),
                key=lambda m: m.start())
    return SentenceResult(sentence.text, Label.REFLECTION.value, sentence.text[first.start():first.end()],
                          "context.restates", sentence.span(first.start(), first.end()), CONFIDENCE_RULE - 0.2)


#: Days and times said back are a meeting being fixed, not their story ("Thursday, then.").
_NOT_RESTATING = frozenset(_stems(
    "monday tuesday wednesday thursday friday saturday sunday minutes minute hours hour week weeks month months "
    "today tomorrow morning afternoon mate maybe probably"))


_CONTRAST = re.compile(r"\b(?:but|though|however)\b", re.IGNORECASE)


def _says_back(sentence: str, context: str) -> bool:
    """Most of the sentence is the salesperson's own words: praise of a word they used ("stuck with")
    is their line said back, but "that care for your clients is why they trust you" is the manager's."""
    own = _stems(sentence)
    return bool(own) and len(own & _stems(context)) * 2 >= len(own)


def classify_form(reply: str, context: str | None = None) -> Classification:
    """Label a manager's reply by its form and cue phrases (the first axis only)."""
    if not isinstance(reply, str):
        raise TypeError("reply must be a string")
    sentences = split_mapped(reply)
    if not sentences:
        return Classification(Label.OTHER.value, "", (), confidence=CONFIDENCE_RULE, rule="empty.other")
    results, weak = [], []
    for sentence in sentences[:200]:
        label, cue, fallback, position, rule, confidence = _classify_sentence(sentence.text)
        span = sentence.span(position, position + len(cue)) if position >= 0 and cue else (0, 0)
        result = SentenceResult(sentence.text, label.value, cue, rule, span, confidence)
        if context and (result.confidence < CONFIDENCE_RULE or result.rule in _RESTATE_OVERRIDES):
            result = _restated(result, sentence, context, alone=len(sentences) == 1) or result
        elif context and result.rule in _ECHO_OVERRIDES and _stems(result.cue) and _stems(result.cue) <= _stems(context) and (
                result.rule == "statement.judgment" or _says_back(sentence.text, context)) and not _CONTRAST.search(sentence.text):
            # their own word said back ("I'm useless at this" -> "you feel useless at it") is not a
            # verdict or praise of the manager's
            result = SentenceResult(result.text, Label.REFLECTION.value, result.cue, "context.echoes", result.span,
                                    CONFIDENCE_RULE - 0.2)
        results.append(result)
        weak.append(fallback and result.rule != "context.restates")
    results = _mark_sarcasm(results)
    # The manual's order decides among sentences with clear signs; a sentence only a fallback
    # rule could label decides only when no sentence has a clear sign.
    deciding = [r for r, fallback in zip(results, weak) if not fallback and r.label != Label.OTHER.value] or results
    if any(r.label in _VERDICTS and r.rule not in _SAID_BACK for r in deciding):
        # "Seven calls to get in. You didn't let go of that one." / "Two weeks with no visits? That's
        # not okay.": the fact they said is the ground for the manager's verdict, which is the reply
        deciding = [r for r in deciding if r.rule not in _SAID_BACK]
    primary = primary_of([Label(r.label) for r in deciding])
    decider = next(r for r in deciding if r.label == primary.value)
    return Classification(primary.value, decider.cue, tuple(results), confidence=decider.confidence,
                          rule=decider.rule, span=decider.span)


_VERDICTS = frozenset({Label.AFFIRMATION.value, Label.JUDGMENT.value})
_SAID_BACK = frozenset({"context.restates", "context.echoes"})

_BARE_PRAISE = re.compile(
    r"^(?:oh,? )?(?:great|brilliant|genius|fantastic|perfect|lovely|marvellous|wonderful|super|superb|excellent|"
    r"nice one|nice work|fantastic work|great work|good job|great job|well done|nice|smashing|outstanding|terrific)"
    r"(?: work| stuff| job| effort)?[.!]*$", re.IGNORECASE)
_EMPHASIS = re.compile(r"^(?:really|honestly|seriously|truly|genuinely|no question|no doubt|i mean it|i mean that|100%)[.!]*$", re.IGNORECASE)
_MISHAP = re.compile(
    r"\b(?:lost|lose|losing|waited|forgot|forgotten|ignored|missed|skipped|dropped|blew|blown|nobody|no one|"
    r"never|failed|wasted|strangers|gone|late|again|didn't|didnt)\b", re.IGNORECASE)


def _mark_sarcasm(results: list[SentenceResult]) -> list[SentenceResult]:
    """Bare praise right after a mishap ("So you waited a fortnight. Brilliant.") is sarcasm; a bare
    "Really." after praise stresses it."""
    marked = list(results)
    for index in range(1, len(marked)):
        sentence = marked[index]
        if _EMPHASIS.match(sentence.text.strip()) and marked[index - 1].label == Label.AFFIRMATION.value:
            marked[index] = SentenceResult(sentence.text, Label.OTHER.value, sentence.text.strip(" .!"),
                                           "emphasis.other", sentence.span, CONFIDENCE_RULE)
            continue
        if _BARE_PRAISE.match(sentence.text.strip()) and _MISHAP.search(marked[index - 1].text):
            marked[index] = SentenceResult(sentence.text, Label.JUDGMENT.value, sentence.text.strip(" .!"),
                                           "sarcasm.judgment", sentence.span, CONFIDENCE_RULE)
    return marked




# --- speed -----------------------------------------------------------------------------------------
# In one alternation, a branch anchored with "^" is still tried, and fails, at every position of the
# text. ``split_anchored`` keeps the anchored branches in a pattern tried once, at the start, and the
# others in a pattern searched as usual; the match found is the one the whole pattern would find.

def _top_level(source: str) -> list[str]:
    """``source`` split at each ``|`` outside groups and character classes."""
    parts, depth, current, index, in_class = [], 0, [], 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            current.append(source[index:index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current, index = [], index + 1
            continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


class AnchoredSplit:
    """A pattern whose "^" branches are tried once at the start and whose other branches are searched."""

    def __init__(self, pattern: re.Pattern[str], anchored: list[str], floating: list[str]):
        self.pattern = pattern.pattern
        self._whole = pattern
        self._anchored = re.compile("|".join(anchored), pattern.flags)
        self._floating = re.compile("|".join(floating), pattern.flags) if floating else None

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if pos == 0 and self._anchored.match(text):
            return self._whole.match(text)  # something matches at the start: the whole pattern's choice there
        return self._floating.search(text, pos) if self._floating is not None else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._whole.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._whole.fullmatch(text)

    def finditer(self, text: str):
        return self._whole.finditer(text)

    def split(self, text: str) -> list[str]:
        return self._whole.split(text)

    def sub(self, replacement, text: str) -> str:
        return self._whole.sub(replacement, text)


def split_anchored(pattern: "re.Pattern[str] | AnchoredSplit") -> "re.Pattern[str] | AnchoredSplit":
    """``pattern`` as an ``AnchoredSplit`` when it has several "^" branches; else unchanged."""
    if not isinstance(pattern, re.Pattern) or pattern.groups:
        return pattern  # a branch's own match would number the groups differently
    branches = _top_level(pattern.pattern)
    anchored = [branch for branch in branches if branch.startswith("^")]
    if len(anchored) < 2 or len(branches) < 3:
        return pattern
    return AnchoredSplit(pattern, anchored, [branch for branch in branches if not branch.startswith("^")])


_TAKEOVER = [(split_anchored(pattern), name) for pattern, name in _TAKEOVER]
_ADVICE_PHRASES = [(split_anchored(pattern), name) for pattern, name in _ADVICE_PHRASES]
_JUDGMENT = [(split_anchored(pattern), name) for pattern, name in _JUDGMENT]
_AFFIRMATION = [(split_anchored(pattern), name) for pattern, name in _AFFIRMATION]
_REFLECTION = [(split_anchored(pattern), name) for pattern, name in _REFLECTION]
_NAMED_STATEMENT_RULES = tuple((rule_id, label, split_anchored(pattern)) for rule_id, label, pattern in _NAMED_STATEMENT_RULES)
_NAMED_CLAUSE_RULES = tuple((rule_id, label, split_anchored(pattern)) for rule_id, label, pattern in _NAMED_CLAUSE_RULES)

for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern) and _name.startswith("_"):
        globals()[_name] = split_anchored(_value)
