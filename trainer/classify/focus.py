"""The second axis of the coding manual: where a reply points, and whether it sides with the blame.

``focus`` is one of ``own_part``, ``others``, ``outcome``, ``experience``, ``none``;
``sides_with_blame`` is true when the reply endorses the salesperson's blame or excuse. Both are
read per sentence by named rules (the rule tables below are data: an id, a pattern, a focus), from
general English and, when a scenario is played, from the scenario's own blame targets, things in
the salesperson's control and outcomes (``FocusTerms``). The salesperson's preceding line, when
given, tells a question that follows up their story from small talk.

Pure and deterministic, safe from any thread.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..labels import FOCI
from .rules import _FEELING, _NEGATIVE, _POSITIVE, _lower, split_anchored
from .words import ING_NOUNS, content_stems

__all__ = ["FOCI", "FocusReading", "FocusTerms", "read_focus", "phrase_pattern", "content_words"]

def _rx(pattern: str) -> re.Pattern[str]:
    # Sentences are lower-cased once before matching (keeping their length, so a match's span is
    # the original's): case-sensitive patterns search much faster.
    return re.compile(pattern)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern matching any of ``phrases`` as whole words, with simple English endings
    (``follow up`` also matches ``followed up``, ``following up``; ``lead`` matches ``leads``)."""
    parts = []
    for phrase in sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True):
        words = [re.escape(w) for w in re.findall(r"[\w'’-]+", phrase)]
        if not words:
            continue
        words = [w + r"(?:s|es|ed|d|ing|'s)?" if len(w) > 2 else w for w in words]
        parts.append(r"[\s-]+".join(words))
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class FocusTerms:
    """A scenario's own words for what the salesperson blames, controls, and cannot control."""

    blames: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    _patterns: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def pattern(self, kind: str) -> re.Pattern[str] | None:
        if kind not in self._patterns:
            self._patterns[kind] = phrase_pattern(getattr(self, kind))
        return self._patterns[kind]

    def mentions(self, text: str) -> bool:
        """Whether ``text`` names one of the scenario's own terms (blamed, controlled or an outcome)."""
        low = text.lower()
        return any((pattern := self.pattern(kind)) is not None and pattern.search(low)
                   for kind in ("blames", "controls", "outcomes"))


@dataclass(frozen=True)
class FocusReading:
    focus: str
    focus_cue: str
    sides_with_blame: bool
    siding_cue: str


YOU = r"(?:you|u|ya|you've|youve|you'd|youd|you'll|youll|you're|youre|yourself)"
# Verbs of a salesperson's own doing, with their endings; "feel", "think", "see" are not among them.
_ACTION_STEMS = (
    "do|did|done|doing|try|tried|call|ring|rang|rung|phone|email|mail|send|sent|book|plan|prepare|prep|prepp|"
    "follow|chase|ask|handle|deal|dealt|approach|pitch|present|demo|qualif|prospect|reach|"
    "contact|visit|meet|met|pick|choose|chose|chosen|decide|commit|start|stop|stopp|keep|kept|drop|dropp|skip|"
    "skipp|miss|forget|forgot|spend|spent|use|make|made|put|set|build|built|change|improve|practi[sc]e|learn|"
    "work|focus|push|offer|negotiat|find|found|write|wrote|written|draft|respond|reply|repli|own|manage|run|ran|"
    "lead|led|structure|price|quote|discount|escalate|involve|bring|brought|check|review|track|priorit[iy]|"
    "schedule|block|test|wait|leave|left|let|give|gave|given|take|took|taken|go|went|gone|sell|sold|answer|frame|"
    "position|listen|notice|raise|recover|rebuild|rescue|save|walk|cover|share|update|log|record|research|map|"
    "coach|open|pursue|control|get better|sign up|agree|arrange|organi[sz]e|tackle|fix|sort|handle|get hold|"
    "get back|get in|line up|pull|cut|add|shorten|lengthen|rehears|role-?play|shadow|delegate|hand|pass|cold call|"
    "knock|nudge|remind|invite|tailor|personali[sz]e|segment|rank|target|aim|hustl|graft|stick|stuck with|"
    "stay|stayed|move|switch|swap|trial|pilot|propose|suggest|recommend|explain|clarif|confirm|reschedul|postpon|"
    "cancel|accept|declin|push back|lean|turn|spot|catch|caught|pick up|slip|slipp|let slide|keep up|speed|slow|"
    "warm up|rework|redo|loop|speak|spoke|spoken|talk to|talked to|figure out|show|shown|showed|demo'd|brief|train|"
    "qualify|requalif|nurture|revive|reactivat|re-?engage|cold-?call|door-?knock|prep for|prepare for|touch|dig|introduc|grab|look at|looked at")
_ACTION_STEMS += "|" + "|".join(stem[:-1] for stem in _ACTION_STEMS.split("|") if stem.endswith("e") and " " not in stem)
# "dealing with that" names what they are going through, not what they do about it
ACTION = (rf"(?:{_ACTION_STEMS})(?:s|es|ed|d|ing|ped|ping|ied|ies)?"
          r"(?! out for| of (?:it|that|this|them)| with (?:that|this|it|all (?:that|this))\b)")
# The salesperson as the one who acts: "what have you done", "you never followed up", "your calls".
_OWN_PART_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("own.could_do", _rx(rf"\b(?:(?:could|can|would|will|might|should|shall)\s+{YOU}|{YOU}\s+(?:could|can|would|will|might|should|shall|are gonna|are going to|want to|plan to|intend to|are ready to|are willing to|'d like to))\s+(?:\w+\s+)?(?:do|try|change|commit|start|stop|ask|call|ring|book|plan|prepare|follow|reach|approach|handle|tackle|work|build|improve|practi[sc]e|test|focus|put|set|block|schedule|take|make|use|own|pick|choose|offer|contact|email|visit|learn|get better)\b")),
    ("own.you_acted", _rx(rf"\b(?:{YOU}\s+(?:have\s+|had\s+|did\s+|didn't\s+|never\s+|don't\s+|haven't\s+|hadn't\s+|already\s+|just\s+|then\s+|also\s+|actually\s+|really\s+|still\s+)*|(?:did|didn't|have|haven't|had|hadn't|do|don't|were|weren't)\s+{YOU}\s+(?:\w+\s+)?)(?:plan|call|ring|follow|prepare|prospect|ask|book|chase|done|did|tried|try|called|rang|phoned|emailed|booked|followed|chased|prepared|planned|asked|reached|contacted|pitched|visited|worked|built|changed|handled|tested|practi[sc]ed|sent|made|spent|put|set|kept|picked|chose|decided|committed|started|stopped|dropped|skipped|missed|forgot|let)\b")),
    ("own.you_do_habit", _rx(rf"\b{YOU}\s+(?:usually|normally|always|typically|tend to|often|sometimes|ever)\s+\w+")),
    ("own.skills_asked", _rx(rf"\b(?:which|what) (?:skills?|habits?|bits?|parts?|approach(?:es)?|techniques?)\b[\w' ]{{0,25}}?\b{YOU}\b|"
                             rf"\bwhat(?:'s| has) worked for {YOU}\b|\bhow (?:have|are|were) {YOU} (?:been )?(?:adapting|handling|approaching|changing|working|running|using)\b|"
                             rf"\b(?:trips?|tripping) {YOU} up\b|\b(?:draft|write|do|try) (?:it|this|that) yourself\b")),
    ("own.their_wish", _rx(rf"\b{YOU}(?:'d| would)(?: really)? (?:like|love|want|prefer|rather) to (?:get|have|do|try|call|ring|send|book|fix|sort|start|stop|go back|follow up|change|talk|speak|sit down|set|put|push|ask)\b")),
    ("own.your_part", _rx(r"\b(?:your (?:own )?(?:part|side|role|share|bit|end|contribution|control|influence|choice|choices|call|activity|activities|calls|meetings|follow[- ]?ups?|prep|preparation|plan|process|pipeline|prospecting|approach|habits?|routine|week|diary|calendar|time|effort|next (?:step|move|call)|discovery|outreach|skills?|options)|in your (?:control|hands|power|gift)|within your (?:control|reach)|up to you|on your side)\b")),
    ("own.next_step", _rx(r"\b(?:next steps?|first step|what (?:now|next)|from here|going forward|commit to|plan for|what will|what would you like to do|what do you want to do|what's the plan|options? (?:do you have|are there)|what else could|differently|do differently|change next time|learn(?:ed|t)? from|take away)\b")),
    ("own.you_could", _rx(rf"\b{YOU}\s+(?:could|can|might|will|would|want to|need to|have to|wanna)\b(?!\s+(?:feel|think|say|see|blame|expect|imagine))")),
    # the salesperson as the one doing something: "did you say", "how did u handle", "are you
    # gonna spend", "for you to book", "stopping you from calling", "you kept pushing"
    ("own.you_said_to", _rx(rf"\b(?:did|do|would|will|could|can) {YOU} say (?:to|when|after|before|back|next|in)\b")),
    ("own.you_do", _rx(rf"\b(?:(?:do|did|does|have|had|will|would|could|can|might|should|are|were|was)\s+{YOU}|for\s+{YOU}\s+to|{YOU}\s+(?:from|into)|{YOU}(?:\s+(?:just|never|also|then|already|still|really|even|ever|actually|always|kept|keep|haven't|didn't|don't|have|had|'ve|ve|'d|d|'re|re|are|were|been|be))*)\s+(?:(?:gonna|going to|planning to|plan to|trying to|try to|able to|ready to|about to|want to|wanna|like to|have to|need to|got to)\s+)?(?:{ACTION})\b")),
)
# Others as the cause: people and circumstances outside their control.
_OTHERS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("others.leadership", _rx(r"\b(?:leadership|management|senior (?:team|people|leaders?)|head office|hq|the company|the business|the board|the bosses?|upstairs|the powers that be|higher[- ]ups?|the director|the vp|exec(?:utive)?s?)\b")),
    ("others.functions", _rx(r"\b(?:marketing|the leads?|lead quality|bad leads|weak leads|hr|finance|legal|procurement|ops|operations|product team|engineering|support team|it team|the system|the crm|the tools?)\b")),
    ("others.people", _rx(r"\b(?:(?:the|that|other|another|their) (?:team|side|vendor|supplier|buyer|committee)\b|(?:your|the|that) (?:colleague|teammate|team ?mate|partner|peer|new hire|new guy|new girl|rep|boss|leader|manager|buyer|client|customer|competitor|competition)s?|he|she|they|them|him|her|his|their|nobody|no one)\b")),
    ("others.groups", _rx(r"\b(?:(?:some|certain|those|these|other|most) (?:people|ppl|companies|buyers|customers|clients|cfos|gatekeepers|reps|teams)|"
                          r"(?:buyers|customers|clients|gatekeepers|prospects|cfos|procurement teams?) like (?:that|them|those)|"
                          r"(?:the )?people (?:upstairs|at the top|in charge|above)|whoever (?:set|made|decided|picked|chose|signed off)|"
                          r"enablement|the (?:tech|it|support|solutions|delivery|implementation|product) (?:team|people|guys)|"
                          r"a system (?:that|so|this)|(?:that|this|the) (?:gatekeeper|incumbent|vendor|show|trade show|event|launch|campaign))\b")),
    ("others.circumstance", _rx(r"\b(?:(?:the|that|this|their|our) (?:new |old |whole |current )?(?:market|economy|territory|split|patch|decision|reorg|restructure|budget|budgets|process|product|system|tools?|crm)\b|the market|the economy|the territory|the split|the patch|the decision|the price|pricing|budget cuts?|timing|the season|competition|competitors?|bad luck|circumstances|the climate|the restructure|the reorg)\b")),
)
_OUTCOME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("outcome.number", _rx(r"\b(?:(?:hit|make|miss|reach|beat)(?:s|ing)? (?:the|your|my|our|their|this month's|the month's) (?:number|numbers|target|quota|goal)|odds|chances?|likely|value|deals? (?:closed|signed|won|lost|landed|close|sign|land)|numbers?|quota|target|forecast|revenue|commission|bonus|close rate|win rate|conversion|attainment|the gap|short(?:fall)?|how much (?:is|was|will|did)|worth|in the bank|signed?|close (?:it|the deal|this month|by)|hit (?:it|the|your)|make (?:it|the number)|land (?:it|the deal)|the deal (?:close|sign|land)|results?|month[- ]end|quarter[- ]end|end of (?:the )?(?:month|quarter)|percentage|per ?cent|%)\b")),
)
_EXPERIENCE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("experience.feeling", _rx(r"\b(?:feel|feels|feeling|felt|sound(?:s|ing)?|seem(?:s|ed)?|frustrat\w*|angry|annoyed|upset|fed up|disappointed|worried|anxious|stressed|nervous|hurt|tired|exhausted|discouraged|embarrass\w*|proud|excited|unfair to you|let down|overwhelm\w*|stuck|scared|afraid|confus\w*|gutted|sick of|tough|hard|rough|difficult|hardest|toughest|pressure|a lot)\b")),
    ("experience.feeling_words", _FEELING),
    ("experience.story", _rx(r"\b(?:been like|like for you|going through your (?:head|mind)|in all (?:of )?this|not sure|what happened|what's happening|what is happening|what went on|what's going on|what is going on|what's been going on|how did (?:it|that|the|things) go|how's it going|how is it going|how are things|what was (?:it|that) like|tell me (?:more|about)|walk me through|talk me through|say more|go on|help me understand|what do you mean|in what way|how so|what's on your mind|what's up|what's that like|how come|what makes you|what do you make of|how do you see|what's your (?:view|take|sense|read)|your view|what do you think|what matters|important to you|what would you (?:like|want)|what do you want)\b")),
    ("experience.you_said", _rx(rf"\b(?:so {YOU}\b|{YOU} (?:said|mentioned|told|think|thought|believe|reckon|wish|want|wanted|hoped|expected|see it|mean)|it sounds like|sounds like|it seems|i hear|i'm hearing|what i'm hearing|if i've got (?:this|that|it) right|let me see if|on the one hand)\b")),
)
_SMALL_TALK = _rx(r"\b(?:brother|sister|in-law|mum|dad|golf|golfer|lovely bloke|weekend|holiday|vacation|family|kids|children|wife|husband|partner at home|dog|cat|weather|rain|sun|football|match|game last night|the game|telly|tv|netflix|film|movie|gym|golf|lunch|coffee|tea|traffic|commute|birthday|wedding|hobby|hobbies|garden|pub|drinks|party|restaurant|recipe|music|concert|book you're reading|how are you|how're you|how you doing|how are you doing|how's it hanging|hello|hi there|good morning|good afternoon|morning|sit down|take a seat|grab a seat)\b")
# Words of a salesperson's working life: a question about them is about the situation.
_SITUATION = _rx(r"\b(?:accounts?|clients?|customers?|deals?|calls?|meetings?|demos?|pipeline|prospects?|territory|patch|leads?|buyers?|proposals?|pitch(?:es)?|quotes?|contracts?|renewals?|orders?|sales?|selling|quarters?|months?|weeks?|plans?|targets?|numbers|team|colleagues?|manager|job|role|work|trial|pilot|campaign|email|follow[- ]?ups?|opportunit(?:y|ies)|negotiation|objections?|discovery|closing|close)\b")
_LOGISTICS = _rx(r"\b(?:close the door|shut the door|car ?park|parking|badge|reception|facilities|canteen|cafe|glass room|"
                r"meeting room|all-?hands|kick-?off|offsite|town ?hall|start in (?:five|ten|\d+)|(?:finish|finishing) (?:an|this|my) email|"
                r"(?:mute|muting) (?:slack|teams|my phone)|schedule change|coming in early|pick (?:this|it) up (?:after|later|tomorrow)|"
                r"wrap (?:it |this |things )?up|same time|same slot|see you|catch up (?:next|on|again)|hang on|one sec|one moment|let me find|where was i|can you hear me|is this room|running late|five minutes|the agenda|the time|my laptop|my phone|the file|the meeting room)\b")

# Endorsing the blame: agreeing someone else is at fault, or that it was out of their hands.
_EXCULPATE = _rx(
    r"\b(?:(?:did|done|doing) nothing wrong|not (?:really )?your fault|none of (?:this|it|that) (?:is|was|'s) (?:on you|your fault|your doing)|(?:aren't|isn't|weren't|wasn't|are not|is not) meant to (?:be|close|sign|happen|land)|coin (?:flip|toss)|(?:just|always) churn|(?:exactly )?what i(?:'d| would)(?:'ve| have)? (?:done|have done)|i(?:'d| would)(?:'ve| have)? (?:played|done|handled|run|worked) (?:it|that|them|this|[\w-]+) (?:exactly )?(?:the same(?: way)?|the way you did|like you did|just like you)|(?:you(?:'ve| have)?|u) done (?:your|ur) (?:bit|part|job)|(?:you|u) did (?:everything|all (?:you|u) could|all the right things)|(?:couldn't|could not) have (?:worked|done|pushed|tried|chased) (?:[\w-]+ ){0,3}?(?:any )?(?:harder|more)\b|(?:was|were) (?:lost|dead|gone|doomed) (?:long )?before (?:you|u)\b|who (?:wouldn't|would not|could blame you)(?: be| feel)?(?: \w+)? (?:with|after|given|when)\b|not (?:on|down to) you|out of your hands|beyond your control|nothing you could(?:'ve| have)? (?:do|done)|what (?:else )?(?:could|can) (?:you|anyone) (?:have|'ve) done(?=\s*(?:[?!.]|$|about it|really|though))|(?:just )?(?:bad|rotten|tough|terrible|sheer|pure|dumb|plain) luck|unlucky|no one could(?:'ve| have)?|nobody could(?:'ve| have)?|anyone would(?:'ve| have)?|(?:i )?(?:can't|cannot|couldn't|wouldn't) blame you|who (?:could|would|can) blame you|no wonder|of course (?:your|the) (?:numbers|results)|set you up to fail|never stood a chance|didn't stand a chance|no chance|hands were tied|how (?:could|can|were|are|was) you (?:supposed|meant|expected) to|how (?:is|was) anyone (?:supposed|meant)|how (?:could|can) anyone|impossible (?:job|situation|territory|ask)|i'd be (?:angry|annoyed|furious|livid) too|i would be too|i'd feel the same|(?<!for )(?<!to )(?<!with )me too|same here|out of (?:your|ur|anyone's) (?:control|hands)|not a reflection on (?:you|u)|it's not just (?:you|u)\b|not much anyone (?:on our side |here )?can do|(?:we|you) can't compete with (?:that|them|those)|it's not like (?:you|u) can|"
    r"if (?!(?:you|u)\b)[\w' ]{1,30}? (?:had|'d) [\w' ]{1,40}? (?:you|u)(?:'d| would) have|(?:problem|fault|issue|call|mess),? not yours|unfair on (?:you|u)|short-?changed|there's no getting around it|(?:it's|that's) just the market|"
    r"you(?:'d| would) have (?:won|closed|landed|kept) (?:it|that|them)|(?:hit|hurt|hitting) every(?:one|body)|frozen everywhere|everywhere (?:right now|this year)|all the time|a lost cause|"
    r"(?:isn't|wasn't|is not|was not) (?:on|down to) (?:you|u)\b|(?:never|not|wasn't|isn't) (?:going to be |gonna be )?about (?:you|u)\b|never winnable|write it off|no way it was (?:closing|going to|gonna)|(?:deals|renewals|numbers|things) (?:just )?(?:go|fall) (?:however|the way) they (?:go|fall)|go up and down|how (?:is|was|are) any(?:one|body) (?:supposed|meant)|only so much (?:you|anyone|a rep|we|checking|one person) can do|nothing (?:a rep|anyone|you|we|a salesperson) (?:can|could) do|(?:you'd|you would|anyone would|anyone'd) have lost (?:it|that|them)|either way|anyone's numbers would|not fair on (?:you|u)|(?<!coffee)(?<!lunch)(?<!round)(?<!drinks)(?<!beer)(?<!dinner)(?:is|was|'s|are) on me\b|(?:you|u) (?:can't|cannot|couldn't) (?:compete|win|sell|fill|plan|close|fight|beat|do much)(?: [\w'-]+){0,2} (?:with|against|when|what|those|that|if|around|on)\b|(?:you|u) (?:can't|cannot) control (?:that|it|this|them|the)|(?:you|u) (?:did|sold|played|handled|ran) (?:it|that|everything|your part) right|(?:^|, ?)(?:nobody|no one|no-one)(?:'s| is)? (?:\w+ing|can|could|gets|wants|watches|buys|will|hits|is hitting)\b(?! (?:say otherwise|deny|fault|argue|doubt|question))|everyone(?:'s| is) (?:cutting|struggling|missing|losing|down|behind)|not (?:in|within) your control|(?:was|is|were|are)(?: \w+)? never (?:up to|down to|on) (?:you|u)\b|never (?:up to|on) (?:you|u)\b|nothing (?:you|u|anyone|any of us) (?:can|could|would)(?:'ve| have)? (?:do|done|have done)|not something (?:you|u) can (?:learn|control|change|fix|do)|(?:that's|thats|it's|its) (?:just (?:the job|the game)|(?:just )?(?:life|sales|how it goes|the way it goes|how sales works|part of the job))\b|(?:born|wired) (?:closers?|sellers?|for it|that way|with it)|(?:some|certain) (?:people|ppl|reps|folks) (?:are|just are|r) (?:just )?(?:born|wired|naturals?|better at)|i(?:'d| would) (?:feel|be|have felt|have been) (?:exactly |just )?the same|i(?:'d| would)(?: have)? (?:be|been|feel|felt) (?:furious|angry|livid|fuming|gutted|annoyed|frustrated|fed up|cross|upset|mad|sick)(?: too| as well)|i hate (?:it|that|them|him|her|that thing|that system) too|i'll give you that|(?:you've|you have|you'd) (?:got )?every (?:reason|right)|and,? (?:(?:honestly|frankly|to be fair|yes|yeah|rightly so|let's be honest),? )?(?:you|u) (?:were|are|have been|did)(?=[.!]*$)|(?:was|were|is) never (?:going to|gonna) (?:close|sign|happen|work|land|come in)|(?:would|could|will) (?:slow|frustrate|annoy|beat|break) anyone|anyone would(?:'ve| have)? (?:struggled|failed|found)|set (?:you )?up to fail|(?:will|would) sign when they sign|don't beat yourself up|"
    r"(?:none|nothing|not much|little) of (?:it|this|that) (?:was |is )?(?:down to|on|because of) (?:you|u)|hardly your fault|"
    r"whatever (?:you|u) (?:did|'d done|had done|tried)|no matter what (?:you|u|anyone) (?:did|tried|had done)|"
    r"(?:you|u) couldn't have done (?:a thing|anything|much|more|any more)|(?:number|target|quota|goal|figure|uplift)(?: \w+)?(?:'s| was| is) (?:a |just |pure )?(?:fantasy|fiction|pie in the sky)\b|"
    r"(?:nobody|no one|no-one) (?:on|in) (?:this|the|our|your) [\w ]{1,20}? could|dealt (?:a )?(?:bad|rough|rotten|terrible) hand|short end of|"
    r"i (?:wouldn't|would not|couldn't|could not) (?:find|have|manage|do) (?:the time|it|that|any better)(?: either)?|"
    r"(?:would|'d)(?:'ve| have) been the same for (?:anyone|anybody|everyone|everybody)|everyone (?:has|had|gets|got) (?:a |the )?(?:bad|rough|tough|slow)|"
    r"(?:thin|slow|quiet|tough|hard|dead|dry) for (?:all|everyone|everybody|all the)\b|what (?:anyone|everyone|anybody) (?:gets|would get|got)|"
    r"i(?:'d| would) (?:feel|be) (?:\w+ ){0,2}?(?:fuming|furious|angry|annoyed|livid|robbed|gutted|drowning|cross|mad|upset|frustrated|fed up|sick|cheated)"
    r"(?: (?:with|at) [\w']+)? (?:too|as well)|(?:sounds|is|was) cursed|(?:was|is) toast|"
    r"if (?!(?:you|u)\b)[\w'-]+(?: [\w'-]+)? (?:did|had done|'d done|do) (?:their|his|her) (?:job|bit|part)|it's not (?:you|u)\b(?!r)|"
    r"(?:cursed|tough|hard|brutal|slow|dead|quiet|rough) for (?:the whole team|everyone|everybody|all of us|the team)|(?:that's|it's|that is|it is) on (?:us|me|them)(?:,? not (?:you|u))?|"
    r"not much (?:you|u|anyone) could(?:'ve| have)? (?:do|done|have done)|(?:just )?(?:have|has|got|'s got) (?:a gift|it)\b(?=[^.?!]*\b(?:some|certain) (?:people|ppl|folks))|"
    r"(?:some|certain) (?:people|ppl|folks) (?:just )?(?:have|'ve got|got) it|(?:you|u) can't teach (?:that|it|this)|not for everyone|"
    r"(?:tougher|harder|tough|hard) out there|(?:from|by) (?:him|her|them) would(?:'ve| have) (?:saved|helped|avoided|changed)|owes (?:you|u) (?:an apology|a proper|an explanation|one)|"
    r"(?:their|his|her) (?:mess|problem|issue|fault|job) to (?:sort|fix|clean up|solve|deal with)|"
    # the result settled before they could act, or whatever they did
    r"(?:decided|settled|done|lost|over|gone|dead|baked in) (?:long )?before (?:you|u) (?:even )?(?:walked in|got there|started|arrived|picked it up|got involved|had a chance)|"
    r"baked in (?:before|from)|(?:thrown|dropped) (?:in|into) the deep end|set up to fail|"
    r"hung out to dry|thrown to the wolves|(?:pulled|plucked) out of thin air|(?:brutal|rotten|rough|cruel|terrible|awful|horrible|sheer|pure|dumb) luck|"
    r"(?:worse|tougher|harder) in (?:this|a) market|"
    # the manager taking the blame they were given: "I dropped the ball", "that was on my end"
    r"i (?:really |totally |properly |did )?(?:dropped the ball|drop the ball|let you down|messed (?:that|it) up|screwed (?:that|it) up)|(?:that's|that was|it's|it was) "
    r"(?:a mess |my fault |my mistake |my bad |a miss )?on (?:my end|my side|me(?! to))|my (?:fault|mistake|bad),? not yours)\b")
_AGREE = _rx(
    r"\b(?:i(?:'ve| have)? (?:noticed|seen) (?:that|it) too|so i get it|i get it,|you're (?:right|not wrong|spot on)|youre (?:right|not wrong)|you are right|i agree|agreed|(?<!\w )exactly(?! (?:the|what|how|like|why|when|where|who|that|this|it|my|your)\b)|absolutely|totally|fair point|true enough|i know,? right|tell me about it|100 ?%|hundred per ?cent|couldn't agree more|i don't blame you|you've got a point|good point)\b")
_NEGATIVE_ABOUT = _rx(
    r"\b(?:weak link|(?:hasn't|haven't|didn't|has not|have not|did not|don't|doesn't) (?:done|do) (?:us|you|u|anyone) (?:any|many) favou?rs|"
    r"drag(?:s|ging|ged)? (?:their|his|her) feet|(?:not (?:ok|okay|on|acceptable|fair)|out of order|poor form|bad form) (?:from|of|by) (?!you\b|u\b)\w+|left (?:you|u) (?:with )?(?:a |an )?(?:graveyard|mess|shambles|wreck|disaster|nothing|junk|rubbish|car crash)|"
    r"(?:delay|decision|reorg|freeze|change|cut|move|split) (?:really |basically )?(?:killed|wrecked|ruined|sank|tanked) (?:your|ur)|"
    r"(?<!you're )(?<!you are )(?:hurting|killing|crippling|strangling|hammering) (?:you|u)\b(?! (?:to|up|with|off))|messed (?:it |that |this |things )?up|screwed (?:it |that |you |this )?(?:up|over)|dropped the ball|dropped (?:it |this |that )?on you|let you down|failed you|hung you out|threw you under|under the bus|left you (?:alone|to it|high and dry|hanging|in the lurch)|dumped (?:it |this |that )?on you|without (?:asking|telling|consulting) you|behind your back|unfair|not fair|stupid|ridiculous|terrible|awful|useless|lousy|rubbish|garbage|crap|a joke|incompetent|clueless|pathetic|hopeless|a mess|shambles|badly (?:handled|done|managed)|poor(?:ly)? (?:decision|call|handled|managed|planned)|bad (?:decision|call|move|leads|territory)|wrong (?:call|decision)|got (?:it |that |this )?wrong|get (?:it |that |this )?wrong|so (?:weak|poor|bad)|weak leads|no support|zero support|never (?:support|help|back)|(?:should|shouldn't|should not|ought to) have|should've|shouldn't've|didn't (?:support|help|back|deliver)|doesn't (?:support|help|deliver|pull)|never delivers?|not pulling (?:his|her|their) weight|letting you down|keeps? letting you down|dropping the ball|to blame|their fault|his fault|her fault|leadership's fault|management's fault|marketing's fault|junk|brutal|a nightmare|broken|badly (?:\w+ed|done|picked|run)|(?:pretty |really |very )?poor|(?:don't|doesn't|do not|never) (?:have|had) a clue|no clue|clueless|strung (?:you )?along|undercut|stitched (?:you )?up|hung you out|(?:doesn't|don't|never|won't) back (?:you|u)|not the most (?:supportive|helpful|reliable)|drop+ing the ball|dropped the ball|can't be trusted|lied|lying|flip-flop\w*|closed off|impossible|never looked at|out of touch|a joke|rubbish|garbage|shambolic|dire|hopeless|unreasonable|unrealistic|a fantasy|not reachable|never reachable|wasn't reachable|(?:made|had) (?:their|his|her) minds? up|(?:their|his|her) minds? (?:was |were )?(?:already )?made up|handled (?:really |so |very )?badly|messed \w+(?: \w+)? up|killed it|torpedoed|the bottleneck|costing us|let (?:the field|us|the team|a deal) (?:down|slide)|carry the can|bury(?:ing)? you in|paying for it|holds all the cards|won't budge|savage|a stitch-?up|(?:messed|mucked|jerked|pushed|strung) (?:you|u) (?:around|about|along)|dumped (?:everything|it all|all (?:of )?(?:this|that|it)|the lot) on (?:you|u)|(?:rubbish|crap|raw|lousy|rough|rotten) hand|flaky|coasting|"
    r"never (?:driven|sat|sold|been) |terrible call|dismissive|weak patch|there's a reason nobody|same mess|given how (?:slow|bad|late|useless|unhelpful)|(?<!else's )(?<!one's )(?<!body's )\b(?!somebody|someone|anyone|everyone|nobody)[a-z]+'s fault|didn't think (?:that|it|this) through|didn't see (?:this|that|it) coming|(?:don't|doesn't) know what it's like|"
    r"playing favourites|unprofessional of (?:him|her|them)|(?:is|are|was|were) the worst|ruined|(?:a |the )?rotten call by|(?:a |the )?(?:bad|terrible|poor|awful|stupid) (?:call|decision|move) (?:by|from)|painfully slow|held up|falls over|wreck\w*|taking forever|drowning in|(?:is|are|'s|'re) (?:probably )?dead (?:too|until)|"
    r"did what it says on the tin|without (?:ever )?(?:talking|asking|consulting)|been a pain|a pain since|no business \w+ing|do nothing for|ashamed|embarrassing|never much of a|been dead|a lottery|race to the bottom|black holes?|obsessed|letting (?:everyone|you|us) down|dropping balls|years behind|behind the times|can't plan around|doesn't know|no idea|wonders why|keeps cutting|useless|a shambles|in that state|cost you|cutting back|that's on (?:them|him|her))\b")
# Their feeling named as theirs ("you feel nobody backs you"): a reflection, not an endorsement.
_FEELING_FRAME = _rx(rf"\b(?:(?:embarrassing|hard|awkward|frustrating|humiliating|tough|rough|stressful|galling|gutting) for (?:you|u)\b|{YOU}(?:'re| are) (?:sure|convinced|certain|adamant)|{YOU} (?:feel|felt|sound|seem|think|believe|reckon|see it)|(?:it |that )?(?:sounds|seems|feels) (?:like|as if|as though|to you)|(?:feels|felt|seems|seemed) (?:\w+ )?\w+ to you|to you it|from where you sit|from your (?:side|point of view|perspective|end|seat)|(?:as|the way) (?:you|u) see it|in your (?:view|mind)|in your eyes|you're (?:angry|annoyed|upset|frustrated|fed up|hurt|disappointed)|it (?:really |still |kind of )?(?:bugs|annoys|frustrates|irritates|bothers|upsets|gets to|eats at|rankles) (?:you|u))\b")
# Questions that presume the blame: "what else did they get wrong", "how did they think that would work".
_PRESUME = _rx(
    r"\b(?:how (?:did|do|does|could) (?!you\b|u\b)[\w' ]{1,30}? manage to (?:lose|miss|mess|screw|drop|break|ruin|botch|bungle)|what on earth (?:is|are|was|were|did|does|do) (?!you\b|u\b)|when would (?:you|u) have\b|how (?:did|do|does|could|would) (?!you\b|u\b)[\w' ]{1,40}? (?:think|expect|imagine|suppose) (?:you|u|anyone|we)\b|(?:does|do|did) (?!you\b|u\b)[\w' ]{1,25}? even (?:look|read|check|care|know|bother|listen|ask|think|try)\b|who on earth\b|who (?:signed|signs) off on (?:it|that|this|the)\b[^?]{0,40}?\bwithout\b|what (?:else )?(?:did|has|have) (?!you\b|u\b)[\w' ]{1,25}? (?:botched|messed up|screwed up|got wrong)|what (?:other|else) [\w ]{1,20}? (?:has|have|did) [\w ]{1,25}? (?:botched|messed|screwed|got wrong)|what (?:was|were) (?!you\b|u\b)\w+ thinking|what else (?:did|has|have|do|does|will|is|are) [\w' ]{1,30}?(?:getting wrong|get wrong|got wrong|mess|screw|drop|dump|forget|break|fail|throw)|what were (?:they|you all|(?!you\b)\w+) thinking|what did (?!you\b|u\b)[\w' ]{1,25}? expect|how (?:did|do|does|could|would) (?!you\b|u\b)[\w' ]{1,40}?(?:think|expect|imagine|suppose) [\w' ]{0,50}?(?:work|help|happen|go)|what did (?!you\b|u\b)[\w' ]{1,20}? (?:mess up|get wrong|break|forget|drop|screw up)|how did (?!you\b|u\b)[\w' ]{1,20}? let\b|who decided to [\w' ]{1,60}? anyway|why (?:would|do|does|did|is|are) [\w' ]{1,30}?(?:keep|always|never|so|even bother)|how (?:dare|could) (?:they|he|she)|get(?:s|ting)? away with|why (?:would|did|does|do) [\w' ]{1,25}? do (?:that|this) to (?:you|u)|how (?:frustrating|annoying|demoralising|demoralizing|infuriating|maddening|galling|unfair) (?:must|is|was|has) (?:it|that)|(?:working|dealing) (?:for|with|under) (?:a|an|someone|people|that|the|your) [\w ]{0,20}?(?:who|that) (?:doesn't|don't|never|won't|can't))\b")
# A person named by their name ("Leon never delivers"): a capitalised word that is not the first
# word of the sentence, or is and goes on like a subject.
_NAMED_PERSON = re.compile(r"(?:(?<=[a-z,] )(?!I\b|I'|OK\b)([A-Z][a-z]{2,})\b|^(?!I\b|What\b|Who\b|How\b|Why\b|When\b|Where\b|Which\b|That\b|This\b|There\b|It\b|He\b|She\b|They\b|Nobody\b|Everyone\b|Somebody\b)([A-Z][a-z]{2,})(?='s\b|\s+(?:should|has|hasn't|had|never|didn't|doesn't|isn't|wasn't|won't|keeps|always|just|dropped|messed|failed|let)\b))")
_ABOUT_SALESPERSON_FAULT = _rx(rf"\b{YOU}\s+(?:really\s+|just\s+|totally\s+|completely\s+)?(?:should|shouldn't|messed|screwed|dropped|failed|got it wrong|let)\b|\byour (?:fault|mess|mistake)\b|\b(?:that's|it's|that is|it is) yours\b|(?:somebody|someone) else's fault")


def _first_rule(rules: Sequence[tuple[str, re.Pattern[str]]], low: str, text: str) -> tuple[str, str] | None:
    for rule_id, pattern in rules:
        match = pattern.search(low)
        if match:
            return rule_id, text[match.start():match.end()]
    return None


def _cut(text: str, match: re.Match[str] | None) -> str:
    """The original words of a match found in the lower-cased text."""
    return text[match.start():match.end()] if match else ""


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry content (lower case, short function words left out)."""
    return content_stems(text)


_CAPITALISED = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{2,})\b")


def context_names(context: str | None) -> frozenset[str]:
    """Names the salesperson used ("Leon still hasn't sent it"), in lower case, so a reply typed
    without capitals ("why does leon get away with that") still names them."""
    if not context:
        return frozenset()
    names = {m.group(1).lower() for m in _CAPITALISED.finditer(context)}
    first = re.match(r"\s*([A-Z][a-z]{2,})(?='s\b|\s+(?:is|was|has|had|hasn't|never|keeps|always|still|just|says|said|didn't|doesn't|won't|gave|took|blew|missed|dropped|messed|cost|blocks|blocked)\b)", context)
    if first:
        names.add(first.group(1).lower())
    return frozenset(n for n in names if not _CALENDAR.fullmatch(n))


@functools.lru_cache(maxsize=2048)
def _others_in(text: str, terms: FocusTerms | None, names: frozenset[str] = frozenset()) -> str:
    """The words naming someone or something outside their control as a cause, or ''."""
    low = _lower(text)
    blame = terms.pattern("blames") if terms else None
    if blame is not None and (match := blame.search(low)):
        return _cut(text, match)
    pronoun = ""
    for _rule_id, pattern in _OTHERS_RULES:
        for match in pattern.finditer(low):
            if not _PRONOUN.fullmatch(match.group(0)):
                return _cut(text, match)
            pronoun = pronoun or _cut(text, match)
    for named in _NAMED_PERSON.finditer(text):
        name = named.group(1) or named.group(2)
        if _VOCATIVE.match(text, named.end()) and text[:named.start()].rstrip().endswith(","):
            continue  # "That's poor, Priya.": the salesperson, addressed
        if not _NAMED_THING.match(low, named.end()) and not _CALENDAR.fullmatch(name.lower()):
            return name
    for word in re.finditer(r"[a-z]{3,}", low) if names else ():
        if word.group(0) in names and not _NAMED_THING.match(low, word.end()):
            return _cut(text, word)
    return pronoun


_VOCATIVE = re.compile(r"\s*(?:[.!?]|$)")
_NOBODY = _rx(r"(?:nobody|no one|no-one)")
_CALENDAR = _rx(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
               r"july|august|september|october|november|december|christmas|easter|honestly|seriously|really|right|okay|"
               r"yeah|well|sorry|thanks|great|good|fine|sure|cool|mate)")
# "the Harper account", "Daniels deal": a name that names a piece of their work, not a person
_NAMED_THING = _rx(r"(?:'s)?\s+(?:account|deal|opportunity|renewal|contract|proposal|pitch|project|file|case|bid|tender|order|call|meeting|demo|"
                  r"signature|forecast|legal|cfo|ceo|buyer|procurement|board|budget|trial|pilot|quote|rollout|visit|launch)s?\b")


def _sentence_focus(text: str, terms: FocusTerms | None, context_words: set[str],
                    label: str | None = None, names: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(focus, cue) of one sentence; ``label`` is its label on the first axis, when known."""
    low = _lower(text)
    control = terms.pattern("controls") if terms else None
    outcome = terms.pattern("outcomes") if terms else None
    own = _first_rule(_OWN_PART_RULES, low, text)
    if control is not None and (match := control.search(low)) and own is None:
        # the scenario's own activities, asked or said of them
        if _SECOND_PERSON.search(low):
            own = ("own.scenario_control", _cut(text, match))
    if own and own[0] in _GENERIC_OWN and not _SITUATION.search(low) and (small := _SMALL_TALK.search(low)) and (
            not _GREETING.fullmatch(small.group(0))):
        return "none", _cut(text, small)  # "did you catch the match", "are you going to get a puppy"
    planning = _PLANNING.search(low)
    chat = _CHAT.search(low)
    if chat and not planning:
        return "none", _cut(text, chat)  # "tea's in the pot", "let's pick this up Tuesday", "how is Declan anyway"
    strong_outcome = _STRONG_OUTCOME.search(low) or _OUTCOME_ASKED.search(low)
    if strong_outcome and (own is None or (own[0] in _GENERIC_OWN and not planning)) and not _ACTIVITY_COUNT.search(low):
        return "outcome", _cut(text, strong_outcome)  # "how many deals do you need to close to make quota"
    felt, story = _FELT_START.search(low), _STORY.search(low)
    if own and own[0] in _GENERIC_OWN and (felt or story) and not planning:
        return "experience", _cut(text, felt or story)  # "you've been waiting ages and it's wearing you down"
    if own is None and (acted := _OWN_QUESTIONED.search(low)):
        own = ("own.questioned", _cut(text, acted))  # "what did you tell Castlegate", "what's stopping you"
    if own:
        return "own_part", own[1]
    asked_view = _ASKED_VIEW.search(low)
    if felt and not asked_view:
        return "experience", _cut(text, felt)  # "so you feel let down by the split", "you look shattered"
    blamed = terms.pattern("blames") if terms else None
    if blamed is not None and (match := blamed.search(low)):
        return "others", _cut(text, match)  # the scenario's own blame target, asked about
    if story and not asked_view:
        return "experience", _cut(text, story)  # "how did the call with their buyer go"
    third = _THIRD_PARTY_ASKED.search(low)
    if third:
        return "others", _cut(text, third)  # "who made the call to move it", "what's on Chloe's desk"
    addressed = _SECOND_PERSON.search(_ASKED_VIEW.sub(lambda m: " " * len(m.group(0)), low))
    if label == "affirmation" and (felt := _FEELING.search(text)):
        return "experience", felt.group(0)  # "you've had a lot on", "you care about this client"
    named = _others_in(text, terms, names)
    scenario_blame = terms.pattern("blames") if terms else None
    if named and _is_name(named) and not (scenario_blame and scenario_blame.search(low)) and not _as_cause(
            low, low.find(named.lower())):
        named = ""  # "what happened with Kestrel", "when did you loop Priya in": named, not blamed
    if label in _TOLD_OR_ABOUT_THEM and (addressed or (label in _TELLING and _TOLD_TO_ACT.match(low)) or (
            (label == "judgment" or (label == "affirmation" and _POSITIVE.search(low))) and (
                not named or _PRONOUN.fullmatch(named.lower())))):
        # telling them what to do points at their actions; praise or blame of them ("that's a solid
        # plan"), at their part
        if not addressed and label == "affirmation":
            return "own_part", text.strip(" .!?")  # the praise itself is what points at them
        return "own_part", _cut(text, addressed or _FIRST_WORD.search(low))
    feeling = _FEELING_FRAME.search(low)
    if feeling and not _ASKED_VIEW.search(low):
        return "experience", _cut(text, feeling)
    if named and not _PRONOUN.fullmatch(named.lower()):
        return "others", named
    if outcome is not None and (match := outcome.search(low)):
        return "outcome", _cut(text, match)
    found = _first_rule(_OUTCOME_RULES, low, text)
    if found:
        return "outcome", found[1]
    found = _first_rule(_EXPERIENCE_RULES, low, text)
    small = _SMALL_TALK.search(low) or _LOGISTICS.search(low)
    if small and not found and not (context_words & content_words(text)):
        return "none", _cut(text, small)
    if found:
        return "experience", found[1]
    if named:  # a bare pronoun ("what did they say?") points at others only when nothing else does
        return "others", named
    if small:
        return "none", _cut(text, small)
    shared = sorted(context_words & content_words(text))
    if shared:
        return "experience", shared[0]
    situation = _SITUATION.search(low)
    if situation:
        return "experience", _cut(text, situation)
    return "none", ""


# The result itself: the number, whether and when it signs, what it is worth.
_STRONG_OUTCOME = _rx(
    r"\b(?:quota|target|(?:the|your|ur|my|our|this month's|the month's|team) numbers?|numbers? (?:is|are|was|were|'s|look)|forecast|margin|"
    r"revenue|commission|bonus|close rate|win rate|conversion rate|attainment|(?:deal |annual |contract )?worth|deal value|"
    r"how many deals|how much (?:is|was|will|would|did)|in total|signature|(?:will|did|does|would|is|was) [\w']+ (?:still )?(?:sign|close)|"
    r"(?:still )?(?:a )?(?:realistic|likely) close|chances? (?:of|that|is|are)|odds|\d+ ?(?:%|percent|per cent)|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|fifteen|five)(?:[- ]\w+)? ?(?:%|percent|per cent))\b")
# Their plan or doing, which keeps a question about the number on their part: "what could you try to hit it"
_PLANNING = _rx(rf"\b(?:(?:could|can|will|would|might|should) {YOU} (?:\w+ )?(?:do|try|change|plan|prepare|commit|focus|work on|prioriti[sz]e)|"
                r"what (?:will|would|could|can) you (?:do|try|change)|plan|next step|activit(?:y|ies)|pipeline|differently)\b")
# Their feeling named in a reflection: "you've been waiting ages and it's wearing you down"
_FELT_START = _rx(rf"\b(?:(?:so |and )?{YOU}(?: really| kind of| sort of)? (?:feel|felt|sound|seem)|{YOU}(?:'re| are) feeling|"
                  rf"{YOU}(?:'re| are) (?:really |so |quite |pretty |a bit |still |clearly |obviously )?(?:angry|annoyed|upset|frustrated|fed up|hurt|gutted|disappointed|worried|stressed|anxious|nervous|embarrassed|drained|exhausted|shattered)\b|"
                  r"(?:what a|such a) (?:rotten|horrible|rough|awful|tough|terrible|brutal|miserable|grim) (?:week|month|day|time|quarter|few weeks|three weeks|run|start)|"
                  r"^(?:\W*(?:ugh|oof|god|honestly|oh)\W+)?rough (?:month|week|day|quarter|run)\b|no wonder (?:you|u) (?:feel|are|'re)|(?:totally|completely) understandable|a lot to carry|"
                  r"must be (?:galling|hard|tough|awful|horrible|frustrating|gutting|exhausting)|"
                  r"(?:sounds|seems|feels) (?:really |so |pretty |quite |a bit |kind of )?(?:stressful|frustrating|hard|tough|rough|awful|horrible|exhausting|demoralising|demoralizing|lonely|unfair|scary|painful|embarrassing|heavy|grim|miserable)|"
                  r"mortified|out of your depth|grinds? you down|wears? you down|(?:it |that )?(?:sounds|seems|feels) (?:like|as if|as though|heavy|hard|tough|rough|exhausting)|"
                  r"wearing (?:you|u) down|getting (?:to you|old)|(?:starting|beginning) to (?:doubt|wonder|worry|lose))\b")
# Nothing of the situation: hospitality, the diary, small talk about other lives.
_CHAT = _rx(r"\b(?:tea(?:'s| is) (?:in the pot|on|brewing)|grab a seat|take a seat|pull up a chair|coffee\s*\?|^(?:and |oh |well )?good luck\b|"
            r"pick (?:this|it) up (?:on |next |after |later|tomorrow|monday|tuesday|wednesday|thursday|friday)|leave it there|same time next week|"
            r"back to it|(?:in|at) (?:five|ten|\d+) minutes|(?:meeting|call) in (?:five|ten|\d+)|jump on (?:the|a|my) [\w-]+ call|"
            r"blocked out the (?:hour|afternoon|morning)|open up the front|customers (?:at|in) \w+|said hi|how(?:'s| is) [\w']+ anyway|"
            r"the new job|christmas (?:quiz|party|do)|all-?hands|kick-?off in|good weekend|nice weekend|your holiday|the match|milk|no sugar|room \d+|offsite|"
            r"the heating|breaking up|your video|teams link|send (?:the|teh) link|(?:new |a )?slot|quarter to|half past|\d+ ?(?:am|pm)\b|same as always|recorded|welcome back|happy monday|"
            r"fourth floor|office move|take this call|what a (?:finish|game|match|goal)|hard stop|let's wrap|(?:jump|run|dash) (?:to|on) (?:another|the \w+) call|got to (?:jump|run|dash)|"
            r"by the way|run to the (?:\w+ )?(?:review|call|meeting)|let you go|enjoy the|send me a photo|chaos on a|seasick|aircon|team lunch|cold in here|"
            r"flat white|the cafe|flights|pastries|o'clock|half (?:six|seven|eight|nine|ten|eleven|twelve|one|two|three|four|five)|\d{1,2}:\d\d|in (?:the )?calendar|"
            r"(?:do|have|got|spare) (?:twenty|ten|fifteen|thirty|five|\d+) minutes|booked (?:for|a table)|the machine on|came out wrong|long week for me|did i ever tell you|"
            r"my first (?:march|year|month|quarter|job|boss)|save the shouting|"
            r"phone(?:'s)? buzzing|my phone|one sec|two secs|speak up|builders|waving at me|pull up the crm|have you eaten|grab something (?:to eat|first)|"
            r"happy birthday|a wedding|you're early|(?:monday|tuesday|wednesday|thursday|friday) at (?:nine|ten|eleven|noon|two|three|four|\d+)|"
            r"(?:coffee|lunch|drinks)(?:'s| is| are) on me|grab a (?:coffee|tea|drink)|kitchen|at school|^(?:uh huh|mm+|ok|okay|sure)?\W*go on\W*$|"
            r"no rush|charger|my laptop|see you (?:monday|tuesday|wednesday|thursday|friday|tomorrow|later|next week|then)|(?:team )?lunch got moved|cover the [\w ]{1,20} stand|you'll love it)\b")
# The result asked about: how big, whether it signs, where it leaves the year.
_OUTCOME_ASKED = _rx(
    r"\b(?:close (?:that|the) gap|for your (?:quarter|year|month|number)\b(?!\s+(?:plan|review))|what chance|(?:could|would|will|when could) (?:they|it) sign|"
    r"(?:did|does|will) any (?:pipeline|business|revenue|deals?) come|how big (?:could|would|will|is) (?:that|it|this)|lands? this (?:quarter|month|year)|closeable|close-?able|"
    r"get (?:it )?to \d+|how(?:'s| is) (?:january|february|march|april|may|june|july|august|september|october|november|december|the month|the quarter|your pipeline|next month|next quarter)(?: for next \w+)? looking|"
    r"(?:think|reckon) (?:it'll|it will|they'll|they will) (?:close|sign|land|come in)|worth,? if|made your (?:quarter|year|month|number)|signing this (?:quarter|month)|"
    r"want to be by (?:the end|december|january|march|june|september|q\d|year end)|a lot of money|still alive|on track (?:for|to hit)|make (?:your|the) (?:year|quarter|month|number)|(?:get|got|had) (?:a|any) (?:reply|replies|response)|"
    r"(?:pipeline|revenue|business|deals) came from|where they decide|slip(?:ped|s)? (?:to|into) (?:next|january|february|march|april|may|june|july|august|september|october|november|december|q\d)|"
    r"one quarter,? or|how (?:big|large) is (?:it|the deal|the account|this one)|how much (?:are we talking|volume|revenue|spend|business|is it worth)|"
    r"what(?:'s| is| was) the (?:fee|arr|acv|value|volume|deal size|contract value|spend|margin|total)|"
    r"(?:is|are|will) [\w' &]{1,30}? (?:going to |likely to |still |actually going to )?(?:sign|book|buy|renew|move|go ahead|approve|proceed|commit)\b|"
    r"still a chance|completely dead|going ahead|wobbling|approved yet|signed yet|hole (?:does|in|that)|(?:still )?(?:signing|converting|renewing) (?:before|by|this|next|in)|"
    r"how (?:big|small|much) (?:is|are)\b|how small|is the \w+ solid|what's committed|committed\?|in the pipeline|could land|if it lands|leave you for the (?:quarter|month|year)|"
    r"where are we (?:on|for|with) the (?:month|quarter|number)|in this month|slipped into|out of the month|dent in the|weeks to go|for one quarter|make the (?:quarter|month) work|"
    r"team average|close to signing|misses the (?:quarter|month|number|target)|going to close|how big was it|make up the gap|turn into (?:a )?real (?:opportunit\w+|deal)|"
    r"do for your (?:quarter|month|year|number)|what stage|close date|slipping into|still honest|closes? to cover|gets? you near|signs? by|add(?:s)? up to|renewal rate|"
    r"back near|put your (?:\w+ )?(?:rate|number)|how many [\w]+ did (?:we|you) sell|deal size|run-?rate|finish the (?:year|quarter|month)|puts you at|convert(?:s)? to a|"
    r"where does (?:that|this|losing it|it) leave (?:your|the) (?:year|quarter|number|month|half|target)|"
    r"what does (?:your|the) (?:half|year|quarter|month|number|pipeline total) look like|riding on|end the (?:month|quarter|year) on|a big jump)")
# Counting their own activity is about their part, not the result: "how many days were you on site"
_ACTIVITY_COUNT = _rx(r"\bhow (?:many|much) (?:days|calls|meetings|visits|demos|emails|hours|dials|follow-?ups|appointments|conversations|touches|time)\b")
# What happened and how it felt, asked or said: "how did the call go", "how did you find out"
_STORY = _rx(rf"\b(?:worn out|come across|came across|feels? wasted|on the back foot|weighing on (?:you|u)|how are you taking it|starting over|out of nowhere|(?:first )?c[oa]me up\b|(?:land|landed|lands|sit|sits|sat) with (?:you|u)|how did (?:they|he|she|it|the \w+) (?:react|respond|take it)|what(?:'s| has) (?:happened|been happening)|how did (?:{YOU}) (?:hear|find out|learn|take it|feel)|how are you (?:doing|feeling|holding up)(?: after| since| now)?|going on for you|must (?:have been|be) \w+|"
             r"(?:really |still )?(?:stung|stings|hurts|hurt)\b|(?:still )?sitting with you|(?:really )?invested in|feels? [\w' ]{0,30}? to you|you don't sound|for you\s*\?$|how did (?:that|the|this|it|your) [\w' ]{{0,40}}?go\b|"
             r"what happened|what happens (?:after|next|then)|^\W*(?:and|so) then\W*$|(?:talk|walk) me through (?:your|the) (?:week|day|month|morning|call|meeting)|tell me how [\w' ]{1,30}? went|how(?:'ve| have) you been feeling|what was (?:that|it|the \w+)(?: \w+)? like|you look (?:shattered|tired|exhausted|fed up|worried|stressed|knackered|done in)|"
             r"keeping you up|running out of steam|it hurts|that hurts|embarrass\w*|gutted|how are you (?:doing )?in yourself)\b")
# Their own doing, asked: "what did you tell them", "what could you have said", "what's stopping you"
_OWN_QUESTIONED = _rx(rf"\b(?:(?:what|which|how) [\w' ]{{0,20}}?(?:have|did) {YOU} (?:already )?(?:looked at|touched|tried|said|told|dug|talked about)|"
                      r"what(?:'s| is| has| was)? (?:got|gets|getting|been getting|kept|keeps) in (?:the|your) way|what stopped (?:you|u)\b|"
                      r"what did (?:you|u) (?:know|tell)|when did (?:you|u) (?:first )?(?:bring up|raise|mention|tell)|have you been (?:talking|speaking) to|"
                      r"your first (?:touch|call|email|contact|meeting)|when can (?:you|u) get to|how would (?:you|u) get|what would it take to|"
                      r"could (?:you|u) (?:run|do|try|send|use|book|set up)\b|could (?:you|u) get through|get from (?:you|u) that|had (?:you|u) had|"
                      r"(?:only|one) (?:relationship|contact) (?:you|u) had|(?:got|gets|get|getting) in the way of (?:\w+ing|(?:you|u) \w+ing)|"
                      r"(?:have|did) {YOU} (?:touched|looked at|chased|followed up)|(?:could|would) be yours|your only (?:line|contact|way) in|(?:got|get) in front of [\w ]{1,20} yourself|"
                      r"who could introduce you|(?:when|how) could {YOU} (?:grab|get|reach|catch)|single.threaded|gets? in the way of [\w -]{1,20}? for you|no chase|"
                      r"what would a [\w -]{1,20}? (?:chase|call|email|follow-?up) look like|a creative thing to try|(?:did|do) {YOU} (?:want to )?(?:say|tell)|(?:did|could|would|will|can|should|do|have) {YOU} (?:have )?(?:say|said|tell|told|mention|mentioned|suggest|suggested|offer|offered)|your (?:backup|own way|plan b|fallback)|you'd be willing to|"
                      r"when did you (?:last )?(?:speak|talk|see|meet|hear from|call)|stopping you|stops you|holding you back|in your way|"
                      r"what are (?:the|your) options|options (?:as you see|you've got|you have)|what would (?:going|doing|trying|calling|asking) [\w' ]{1,30}? look like)\b")
# Someone else's doing asked about: "who decides", "what's on Chloe's desk", "when are the new segments supposed to ship"
_THIRD_PARTY_ASKED = _rx(
    r"\b(?:what(?:'s| is) [a-z]+ working on|[a-z]+'s budget|how [a-z]+ (?:is|are) pitching|what are you hearing about|who (?:decides|decided|made the call|makes the call|is booking|'s booking|books|approved|approves|signs off|signed off|chose|picked|set|owns)|"
    r"what(?:'s| is) (?:on|going on (?:in|with|at|for)) (?!your\b|you\b)[\w' ]{2,30}|[a-z]+'s (?:desk|workload|plate|diary|team|side of things)|"
    r"(?:when|why) (?:are|is|did|does|do|will|has|have) (?:the|their|our|product|marketing|legal|finance|underwriting|procurement|ops|it) [\w' ]{1,30}?(?:supposed to|going to|meant to|ship|deliver|decide))")
_TELLING = frozenset({"advice", "leading_question"})
_GREETING = _rx(r"how (?:are|'re) you(?: doing)?|how you doing|how're you|hello|hi there|good (?:morning|afternoon)|morning")
_GENERIC_OWN = frozenset({"own.you_do", "own.you_could", "own.could_do", "own.you_acted"})
_TOLD_OR_ABOUT_THEM = _TELLING | {"affirmation", "judgment"}
_SECOND_PERSON = _rx(rf"\b(?:{YOU}|your)\b")
_FIRST_WORD = _rx(r"\w+")
# an instruction or the manager's "I'd ..." without naming them
_TOLD_TO_ACT = _rx(rf"^\W*(?:(?:just|maybe|honestly|so|and|then|um|uh|well|okay|ok|right|next time|this time|tomorrow|first)\W+)*(?:{ACTION}\b|i'd|i would|id|if i were|why not|what about|how about|what if)")
_PRONOUN = _rx(r"(?:he|she|they|them|him|her|his|their)")
# "do you think", "would you say": asking their view of a cause, not naming their feeling
_ASKED_VIEW = _rx(rf"\b(?:do|did|would|don't|wouldn't) {YOU} (?:think|reckon|believe|say|feel)\b(?!\s+(?:about|like|that you))|,\s*(?:do )?{YOU} (?:think|reckon)\b")


def _sentence_sides(text: str, terms: FocusTerms | None, names: frozenset[str] = frozenset(),
                    context_words: set[str] | frozenset[str] = frozenset(), theirs: frozenset[str] = frozenset()) -> str:
    """The words that endorse the blame, or ''. ``context_words`` are the content words of the
    salesperson's line: what they blame, when the reply names it again."""
    low = _lower(text)
    exculpate = _EXCULPATE.search(low)
    if exculpate:
        return _cut(text, exculpate)
    presume, typical = _PRESUME.search(low), _TYPICAL_OF_THEM.search(low)
    shifted, negative = _BLAME_SHIFTED.search(low), _NEGATIVE_ABOUT.search(low) or _THEY_NEVER.search(low)
    if not (presume or typical or shifted or negative) and not _ASKED.match(low) and "?" not in low:
        # a verdict on someone else who is the sentence's subject: "Marco's been coasting for months"
        verdict = _NEGATIVE.search(low)
        if verdict and not _NOT_THEIR_VERDICT.search(low) and _third_party_subject(
                text, low, terms, names, verdict.start(), theirs):
            negative = verdict
    if not (presume or typical or shifted or negative) or _ABOUT_SALESPERSON_FAULT.search(low):
        return ""  # nothing that endorses a blame, or a fault of theirs
    if (negative and not (presume or typical or shifted) and _DOING_AS_SUBJECT.match(low) and not _DONE_BY.search(low)
            and not _CLAUSE_JOIN.search(low, 0, negative.start())):
        return ""  # "giving them fifteen percent was a bad call": a verdict on their own doing
    target = _others_in(text, terms, names).lower()
    asked = bool(_ASKED.match(low) or low.rstrip().endswith("?"))
    if _NOBODY.fullmatch(target):
        target = ""  # "nobody needs that" blames no one
    if presume and (target or _PRESUMES_ON_ITS_OWN.match(presume.group(0))):
        return _cut(text, presume)
    if target and typical:
        return _cut(text, typical)  # "typical of them", "that's them all over"
    if target and shifted and not _PRONOUN.fullmatch(target):
        return _cut(text, shifted)  # "that's on Leon, not you", "classic leadership", "the leads are the real problem"
    if not negative:
        return ""
    if not target and not asked:
        # what they blamed, named again as the subject of a statement ("once it's with the lender it's
        # a lottery"), not a word after the verdict ("that was a stupid thing to say to a CFO")
        before = {word for word in content_words(low[:negative.start()]) if len(word) >= 4 and not word.isdigit()}
        target = next(iter(sorted((context_words & before) - _THEIR_OWN_WORK - _QUANTITIES)), "")
    agree = _AGREE.search(low)
    if _SMALL_TALK.search(low) and not agree:
        return ""  # "the wifi on the fourth floor is useless"
    if not target and not agree:
        return ""  # "that's pathetic": a fault with no one else named is a verdict on them, not siding
    frame = _FEELING_FRAME.search(low)
    if frame and not agree and not _verdict_of_its_own(low, frame.end(), negative.start()):
        return ""  # their view named as theirs
    return _cut(text, negative)


_CLAUSE_JOIN = _rx(r"[,;:]|\s[-–—]\s|\b(?:and|but|because|cos|cause|since)\b")


def _verdict_of_its_own(low: str, frame_end: int, verdict_start: int) -> bool:
    """Whether a verdict after a named feeling stands in a clause of its own, said by the manager
    ("you're fed up, and the leads have been a joke"), not inside the feeling they named."""
    if verdict_start < frame_end:
        return False
    joins = list(_CLAUSE_JOIN.finditer(low, frame_end, verdict_start))
    return bool(joins) and not _FEELING_FRAME.search(low, joins[-1].end(), verdict_start)


# presumptions that need no one named: "who on earth signed that off", "does anyone even read these"
_PRESUMES_ON_ITS_OWN = _rx(r"^(?:who on earth|who (?:signed|signs) off|(?:does|do|did) [\w' ]{1,25}? even)\b")
_SECOND_PERSON_WORD = _rx(rf"\b(?:{YOU}|your|ur|you're|youre|yourself)\b")


# verdicts on their reasoning or their luck, not on anyone else: "that's an excuse", "it was luck"
_NOT_THEIR_VERDICT = _rx(r"\b(?:excuses?|luck|lucky|cop-?out|generous|simple as that)\b")
# what the salesperson says is theirs: "I ran a breakfast event", "my proposal"
_THEIR_THING = _rx(r"\b(?:my|our|i (?:ran|did|sent|tried|built|made|wrote|organised|organized|set up|planned|booked|hosted|launched|started|filmed|recorded|put together|pitched|chose|picked))\s+(?:(?:a|an|the|this|that|some)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)\b(?=\s+(?:for|to|with|on|at|in|and|but|last|this|which|that)\b|[,.;!?]|$)")


def their_things(context: str | None) -> frozenset[str]:
    """The things the salesperson's line names as their own doing ("I ran a breakfast event")."""
    return frozenset(m.group(1) for m in _THEIR_THING.finditer(_lower(context))) if context else frozenset()


# Someone else's failing said as a habit or a verdict: "Ops never times these things", "whoever built it
# didn't check a thing" (a bare "they never ..." may only restate what happened)
_THEY_NEVER = _rx(r"\b(?:whoever|(?:the )?people who)(?:'ve| have)?\b[^.?!]{0,40}?\b(?:never|didn't|didnt|don't|dont|doesn't|doesnt|can't|cant|couldn't)\b|"
                  r"\b(?!(?:you|u|i|we|they|he|she|it|that|this|there|nobody|one|who)\b)[a-z]{2,} never (?!mind\b|stops?\b)[a-z]+s\b")
_DONE_BY = _rx(r"\b(?:(?:by|from) (?!(?:you|u)\b)\w+|on (?:her|his|their|[\w-]+'s) part)")
# the subject is their own doing ("Blaming legal is lazy", "Copying her boss in was a daft move"), not
# what befell them ("losing the champion") nor a team ("marketing")
_DOING_AS_SUBJECT = _rx(r"^\W*(?:(?:so|and|but|honestly|look|well|yeah|mate)\W+)*"
                        rf"(?!(?:losing|being|getting|having|hearing|finding|seeing|watching|{ING_NOUNS})\b)\w+ing\b")
_AGREEING_WITH_YOU = _rx(rf"\b(?:i'm with you|i am with you|{YOU}(?:'re| are) (?:not wrong|right|spot on)|i'll give you that|to be fair to you)\b")


def _third_party_subject(text: str, low: str, terms: FocusTerms | None, names: frozenset[str], position: int,
                         theirs: frozenset[str] = frozenset()) -> bool:
    """Whether the verdict at ``position`` is on someone or something outside their control: named
    before it, the sentence not about them (an agreeing "you're not wrong" aside) and not opening with
    their own doing; a bare "he" or "they" only when the salesperson named someone."""
    if _DOING_AS_SUBJECT.match(low) or _SECOND_PERSON_WORD.search(_AGREEING_WITH_YOU.sub(" ", low)):
        return False
    found = _others_in(text, terms, names)
    target = found.lower()
    if not target or _NOBODY.fullmatch(target) or (_PRONOUN.fullmatch(target) and not names):
        return False
    if target.split()[-1] in theirs or (text.lstrip().startswith(found) and found[:1].isupper() and target not in names
                                        and _is_name(found)):
        return False  # their own event, or a capitalised first word no one named ("Jealousy isn't a good look")
    start = low.find(target)
    return 0 <= start < position


# Their own work: a fault found with these is a verdict on them, not an endorsement of their blame.
_THEIR_OWN_WORK = frozenset(content_words(
    "deck demo proposal pitch email emails call calls prep preparation plan forecast pipeline notes follow discovery quote "
    "numbers number work effort approach presentation meeting meetings month quarter week day time"))
_QUANTITIES = frozenset(content_words(
    "three four five seven eight nine eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million half dozen couple"))
_ASKED = _rx(r"^\W*(?:(?:so|and|but|ok|okay|um|uh)\W+)*(?:what|how|why|when|where|who|which|do|does|did|is|are|was|were|have|has|can|could|would|will)\b")
# Before a named person, the words that make them the one who acted: the start of the sentence, a
# question about what they did ("why does Leon", "what did Priya say"), or a verdict on them.
_CAUSE_BEFORE = _rx(r"(?:(?:^|[,;:.]\s*)\W*(?:(?:so|and|but|yeah|well|honestly|look|i mean|ok|okay|um|uh|tbh)\W+)*|"
                    r"\b(?:what|why|how|when|where|who) (?:\w+ )?(?:did|does|do|has|have|is|was|would|will|can|could|should)\s+|"
                    r"^\W*(?:did|does|has|is|was|would|will|can|could|should|have)\s+|"
                    r"\b(?:because|cause|cos|since|if|when|after|that) )$")
_BLAME_WORDS = _rx(r"\b(?:fault|blame|because of|thanks to|cost|let (?:you|u) down|never|didn't|doesn't|won't|hasn't|keeps?|always)\b")


def _is_name(named: str) -> bool:
    """A person's or company's name, not a role or circumstance the rules know ("marketing")."""
    low = named.lower()
    return not _PRONOUN.fullmatch(low) and not any(pattern.search(low) for _rule, pattern in _OTHERS_RULES)


def _as_cause(low: str, position: int) -> bool:
    """Whether a name at ``position`` is the one who acted (the subject) or is blamed."""
    if position < 0:
        return True
    return bool(_CAUSE_BEFORE.search(low[:position])) or bool(_BLAME_WORDS.search(low)) or bool(_NEGATIVE_ABOUT.search(low))


_TYPICAL_OF_THEM = _rx(r"\b(?:(?:are|'re) all (?:the same|alike)|(?:that's|thats) (?!(?:a|an|the|what|how|why|great|good|brilliant|fair|all|it|enough|tough|rough)\b)[\w' ]{2,25}? for (?:you|u)(?=[.!]*$)|serves (?:him|her|them|\w+) right|(?:has|'s|is) always been like that|(?:are|is) just like that|(?:has|have) a reputation|(?:so |just |how )?typical of (?:them|him|her|that lot|leadership|marketing|\w+)|"
                      r"(?:that's|thats) (?:them|him|her) all over|so like (?:them|him|her))\b")
# With someone else named: the fault moved off them, or the cause confirmed as the real one.
_BLAME_SHIFTED = _rx(
    r"\b(?:(?:that one|this one|that|it)(?:'s| is) on (?:him|her|them)\b|not (?:on )?(?:you|yours)\b|rather than you|instead of you|don't (?:beat|blame) yourself|"
    r"the (?:real|actual|main|whole) (?:problem|issue|reason|cause)|(?:classic|typical) \w+|as (?:usual|ever|always)\b|"
    r"no (?:idea|clue) (?:what|how|about)|has no (?:idea|clue)|have no (?:idea|clue)|(?:is|are|was|were|'s|'re) "
    r"(?:just )?(?:impossible|unrealistic|dead|a nightmare|hopeless|a disaster)|(?:it's|that's|it is|that is) (?:all )?(?:on|down to) (?!you)\w+)")


# The result itself, named in an excuse for it
_RESULT_WORDS = _rx(r"\b(?:number|numbers|quota|target|forecast|quarter|month|year|revenue|deal|deals|renewal|renew|close rate|dip|result|results|growth|accelerator)\b")


def excuses_the_result(cue: str) -> bool:
    """Whether the words that sided say it was out of their hands ("nothing you could have done",
    "not your fault"): an excuse in so many words, which the word counts never undo."""
    found = _EXCULPATE.search(_lower(cue)) if cue else None
    # two-word asides ("same here", "either way") may be small talk or a figure of speech
    return bool(found) and (len(found.group(0).split()) >= 3 or "luck" in found.group(0))


def _names_a_cause(words: str) -> bool:
    """Whether ``words`` name someone or something (not a bare pronoun, not "nobody")."""
    return bool(words) and not _PRONOUN.fullmatch(words.lower()) and not _NOBODY.fullmatch(words.lower())


_PRIORITY = {"own_part": 0, "others": 1, "outcome": 2, "experience": 3, "none": 4}


def read_focus(sentences: Sequence[str], deciding: int | None = None, context: str | None = None,
               terms: FocusTerms | None = None, labels: Sequence[str] | None = None) -> FocusReading:
    """Read the focus and siding of a reply made of ``sentences``.

    ``deciding`` is the index of the sentence that decided the reply's label: its focus is the
    reply's, unless it points at nothing (then the strongest focus of the other sentences).
    """
    context_words = content_words(context or "")
    theirs = their_things(context)
    names = context_names(context)
    labels = list(labels) if labels is not None and len(labels) == len(sentences) else [None] * len(sentences)
    if not sentences:
        return FocusReading("none", "", False, "")
    read: dict[int, tuple[str, str]] = {}

    def reading(index: int) -> tuple[str, str]:
        # each sentence is read once, and only when needed: the deciding one usually settles it
        if index not in read:
            read[index] = _sentence_focus(sentences[index], terms, context_words, labels[index], names)
        return read[index]

    def every_reading() -> list[tuple[str, str]]:
        return [reading(index) for index in range(len(sentences))]

    siding = next((found for s in sentences if (found := _sentence_sides(s, terms, names, context_words, theirs))), "")
    if not siding:
        # "You're right. Leadership messed it up." and "Exactly, they never support you."
        agree = next((_cut(s, m) for s in sentences if (m := _AGREE.search(_lower(s)))), "")
        if agree and context_words and any(f == "others" for f, _ in every_reading()):
            siding = agree
    if deciding is not None and 0 <= deciding < len(sentences) and reading(deciding)[0] != "none":
        focus, cue = reading(deciding)
    else:
        focus, cue = min(every_reading(), key=lambda r: _PRIORITY[r[0]])
    if siding and _EXCULPATE.search(_lower(siding)) and not any(
            _names_a_cause(_others_in(s, terms, names)) for s in sentences):
        result = next((found for s in sentences if (found := _RESULT_WORDS.search(_lower(s)))), None)
        if result:
            # an excuse for the result, with no one else named: "nobody could have hit that number"
            return FocusReading("outcome", siding, True, siding)
    if siding and focus != "others":
        keeps = (focus == "outcome" and _EXCULPATE.search(_lower(siding))) or (
            focus == "experience" and any(_FELT_START.search(_lower(s)) for s in sentences))
        names_cause = any(f == "others" for f, _ in every_reading()) or any(
            _names_a_cause(_others_in(s, terms, names)) for s in sentences)
        if not keeps or names_cause:
            # endorsing the blame points at the cause they blame, unless the reply is about the result
            # ("missing the number was out of your hands") or their feeling ("you feel cheated, and you were")
            focus, cue = "others", siding
    return FocusReading(focus, cue, bool(siding), siding)


# "^" branches tried once at the start, not at every position (see ``rules.split_anchored``)
for _name, _value in list(globals().items()):
    if isinstance(_value, re.Pattern) and _name.startswith("_"):
        globals()[_name] = split_anchored(_value)
_OWN_PART_RULES = tuple((rule_id, split_anchored(pattern)) for rule_id, pattern in _OWN_PART_RULES)
_OTHERS_RULES = tuple((rule_id, split_anchored(pattern)) for rule_id, pattern in _OTHERS_RULES)
_EXPERIENCE_RULES = tuple((rule_id, split_anchored(pattern)) for rule_id, pattern in _EXPERIENCE_RULES)
