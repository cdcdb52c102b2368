"""The second axis: where a reply points (focus) and whether it sides with the salesperson's blame."""

from __future__ import annotations

import pytest

from ask_dont_tell.trainer.classify import FocusTerms, classify
from ask_dont_tell.trainer.corpus import load_focus_corpus
from ask_dont_tell.trainer.evaluate import evaluate_focus

FOCUS = {
    "own_part": ["What have you done with the new accounts since January?", "what could you try before friday",
                 "So you never followed those two up.", "how did u handle the pricing objection",
                 "What are you gonna do about the ones in the second tier?", "Try ringing them on Tuesday morning.",
                 "You're a strong closer, I've seen it.", "That was sloppy prep.",
                 "What would it take for you to book three more meetings?"],
    "others": ["What else did leadership get wrong?", "Why is marketing sending such weak leads?",
               "Leon should have delivered.", "Who decided the split?", "What's the competition doing on price?",
               "Why would finance block the discount, do you think?"],
    "outcome": ["Will you hit the number this month?", "How much is the deal worth?",
                "Where are you against quota?", "What are the odds they sign, honestly?"],
    "experience": ["How did that call feel?", "What happened after the demo?", "You sound fed up.",
                   "What's that been like for you?", "Tell me what happened with the Harper account.",
                   "That must have been disappointing."],
    "none": ["How was your weekend?", "Coffee?", "did you catch the match last night",
             "Let's wrap up there, same time next week?", "Hang on, let me find the file."],
}


@pytest.mark.parametrize(("focus", "reply"), [(f, r) for f, replies in FOCUS.items() for r in replies])
def test_focus(focus, reply):
    result = classify(reply)
    assert result.focus == focus, (reply, result.focus, result.focus_cue)
    assert result.focus == "none" or result.focus_cue


SIDING = [
    ("Yeah, leadership really messed that up.", None),
    ("That's just bad luck.", None),
    ("How did leadership think that split was going to work for you?", None),
    ("that's on Leon, not you", "Leon missed the deadline again."),
    ("honestly marketing's leads have been rubbish for ages, not your fault", None),
    ("Exactly, the territory they gave you is impossible.", "The territory is impossible."),
    ("What else has Leon dropped on you this month?", None),
    ("Don't beat yourself up, the market's just dead right now.", "I can't sell anything."),
    ("You're right, it was a stupid decision.", "I think the split was a stupid decision."),
    # a verdict on someone else, with them as the subject
    ("Tomasz has been coasting for months, everyone sees it.", "Tomasz never sends the specs on time."),
    ("Honestly the events team are a shambles this year.", "The events team booked the wrong venue."),
    # the excuse accepted
    ("With the freeze on, I wouldn't find the time either.", "I just don't have time for prospecting."),
    # questions that presume the blame
    ("Does procurement even read these before they reject them?", "Procurement rejected the proposal again."),
    ("Who signed off on that without asking a single rep?", "They changed the commission plan overnight."),
    ("What on earth is finance doing with those approvals?", "Finance sat on my approval for a week."),
    ("If ops did their job it would have shipped on time.", "Ops lost the order again."),
    ("That's head office for you.", "Head office moved the goalposts."),
    ("Honestly, that's their mess to sort.", "Legal lost the contract."),
    ("Once a buyer goes quiet like that, not much you could have done.", "They just stopped answering."),
    # someone else's failing said as a habit or a verdict
    ("Procurement never reads past page one, honestly.", "Procurement rejected the proposal again."),
    ("whoever set that target didnt look at the territory once", "My target is impossible."),
]
NOT_SIDING = [
    ("You're angry about the split.", "They split my territory without asking."),
    ("So you feel nobody has your back.", None),
    ("What could you do to get hold of the buyer directly?", "Procurement won't let me near him."),
    ("What's the story with the reorg?", None),
    ("That's ridiculous, nobody needs that many meetings.", None),
    ("What were you thinking, sending pricing out without checking?", None),
    # their own doing, their excuse or their event, judged, is no siding
    ("Blaming procurement is just an easy way out.", "Procurement rejected it."),
    ("Your forecast is fantasy, frankly.", "I've got it at ninety percent."),
    ("whatever you do, don't lead with the discount", "They said we're too expensive."),
    ("Honestly that roadshow was a waste of budget.", "I ran a roadshow for prospects and two came."),
    ("Friday's packed for me too, but Monday works.", "Can we move it?"),
    ("ok ten it is, coffee's on me", "Ten minutes?"),
    ("so they never replied, what did you try next?", "They never replied to the proposal."),  # what happened, said back
    ("Head down, twenty dials before lunch. That's the job this week.", "I've got nothing booked."),
    ("Cutting them a discount before they asked was a poor decision.", "I gave them 15% off to get it over the line."),
    ("sending it to the whole committee was a bad move tbh", "I emailed everyone and now the champion's annoyed."),
]


@pytest.mark.parametrize(("reply", "context"), SIDING)
def test_siding_as_statement_or_question(reply, context):
    result = classify(reply, context)
    assert result.sides_with_blame, (reply, result)
    assert result.focus == "others" and result.siding_cue
    assert result.label != "judgment"  # siding is not judgment: they feel agreed with, not accused


# Siding said in passing, each with the words that side
SIDES_IN_PASSING = [
    # their conduct endorsed, so the result was out of their hands
    ("Two chasers and a call to their boss, that's exactly what I'd have done.", "They still haven't signed."),
    ("you couldn't have pushed that account any harder, honestly", "Harlow went with the incumbent."),
    ("That renewal was dead before you ever picked it up.", "We lost the Dunmore renewal."),
    ("That was decided before you walked in.", "The client picked the vendor their CEO golfs with."),
    ("Gerry never trained anyone. You were kind of thrown in the deep end.", "My old manager never trained me."),
    ("the miss was baked in before the quarter even started", "We were always going to miss this quarter."),
    ("honestly those targets were pulled out of thin air", "Management set my quota without looking at the patch."),
    # the blame they gave the manager, taken
    ("ok, fair, I did drop the ball on a couple of those", "When you don't show up, the buyers think we're not serious."),
    ("Harmon was a mess on my end, I'm sorry about that.", "The Harmon call mattered and you bailed an hour before."),
    # someone else's failing named in passing, or presumed in a question
    ("marketing haven't done you any favours with those leads", "The leads are rubbish."),
    ("yeah, head office didn't do you many favours with that split", "They split my territory."),
    ("Third time? That's not okay from Leon.", "This is the third time he's missed the sandbox date."),
    ("thats brutal luck, losing your champion right before signature", "Our champion left three weeks ago."),
    ("those procurement kids are all the same, spreadsheet and nothing else", "Their new buyer only cares about price."),
    ("How did pricing manage to lose you both of those?", "Both went with cheaper crews."),
]


@pytest.mark.parametrize(("reply", "context"), SIDES_IN_PASSING)
def test_siding_in_passing_sides(reply, context):
    result = classify(reply, context)
    assert result.sides_with_blame and result.siding_cue, result


@pytest.mark.parametrize(("reply", "context"), NOT_SIDING)
def test_not_siding(reply, context):
    assert not classify(reply, context).sides_with_blame


@pytest.mark.parametrize("reply", ["good luck with the pitch", "good luck at eleven", "That's embarrassing for you with the client."])
def test_a_wish_of_luck_or_their_embarrassment_named_does_not_side(reply):
    assert not classify(reply, "He was meant to have the sandbox ready on Monday.").sides_with_blame


@pytest.mark.parametrize("reply", ["maybe it's not really about the leads", "perhaps it isn't about marketing at all",
                                   "it's not about the territory, it's about what you do with it"])
def test_a_reframe_away_from_their_blame_does_not_side(reply):
    result = classify(reply, "It's the leads. Marketing keeps sending rubbish and the territory is dead.")
    assert result.label == "advice" and not result.sides_with_blame, result


# Their feeling named, then its cause agreed with in a clause of the manager's own
FEELING_THEN_CAUSE_AGREED = [
    ("Naturally you're cross, procurement have been a nightmare all year.", "Procurement bounced my order again."),
    ("You're knackered, and who wouldn't be after the way they dumped everything on you?", "I'm covering two patches now."),
    ("of course ur gutted they strung u along for months", "They said no after six months."),
    ("you must be so fed up, the leads have been rubbish since spring", "I'm sick of these leads."),
    ("Sounds exhausting, and none of it was your doing.", "Ops missed the delivery date twice."),
    ("You feel cheated, and honestly, you were.", "They strung me along for three months."),
    # sharing their anger agrees with its cause (where it points, the feeling or the one blamed, is the words' call)
    ("I'd be fuming with Ravi too, taking your account like that.", "Ravi took the Brennan account."),
    ("you feel let down and to be fair you were", "Ops promised the kit for Monday and it never came."),
]
FEELING_ONLY = [
    ("It sounds like you're frustrated, and you feel marketing let you down.", "Marketing sent nothing."),
    ("You sound angry that the split was so unfair.", "They split my patch."),
    ("you must be exhausted", "I've been on the road all week."),
    ("it bugs you that dev doesnt seem to care", "Dev just doesn't seem bothered about the handovers."),
    ("From your side, it looks like Priya's taking leads that should be yours.", "Priya picked off three of my leads."),
]


@pytest.mark.parametrize(("reply", "context"), FEELING_THEN_CAUSE_AGREED)
def test_a_feeling_named_then_its_cause_agreed_with_sides(reply, context):
    result = classify(reply, context)
    assert result.sides_with_blame and result.siding_cue, (reply, result)
    assert result.label not in ("judgment", "advice"), result


@pytest.mark.parametrize(("reply", "context"), FEELING_ONLY)
def test_a_feeling_named_with_the_cause_as_theirs_does_not_side(reply, context):
    result = classify(reply, context)
    assert not result.sides_with_blame, result
    assert result.label == "reflection", result


@pytest.mark.parametrize(("reply", "context"), [
    ("yeah marketing really dropped the ball on that", "Marketing dropped the ball on the launch and I'm the one paying for it."),
    ("honestly the approvals team are a nightmare", "The approvals team are a nightmare, they sat on it for a week."),
])
def test_their_blame_said_back_as_the_managers_own_verdict_sides_and_is_no_reflection(reply, context):
    result = classify(reply, context)
    assert result.sides_with_blame and result.label == "other", result


@pytest.mark.parametrize(("reply", "context"), [
    ("Want me to ring their procurement lead? I've met her before.", "Procurement won't return my calls."),
])
def test_an_offer_to_act_on_what_they_said_is_a_takeover_not_a_reflection(reply, context):
    assert classify(reply, context).label == "takeover"


@pytest.mark.parametrize("reply", ["Spot on, the leads from that campaign were junk.", "Too right, legal have been hopeless on this.",
                                   "no wonder you're behind, finance sat on the approval for a fortnight"])
def test_agreement_with_their_blame_is_other_not_praise_or_judgment(reply):
    result = classify(reply)
    assert result.sides_with_blame and result.label == "other", result


# The salesperson's own names, typed without capitals, are still people (or companies) they blame.
SIDING_WITH_CONTEXT_NAMES = [
    ("why does leon get away with that, seriously", "Leon still hasn't sent the pricing."),
    ("yeah priya's been dropping the ball for everyone lately", "Priya missed the legal review again."),
    ("marcus clearly had his mind made up before you walked in", "Marcus gave the account to Ana."),
]


@pytest.mark.parametrize(("reply", "context"), SIDING_WITH_CONTEXT_NAMES)
def test_siding_with_a_name_from_the_salespersons_line(reply, context):
    assert classify(reply, context).sides_with_blame, reply


# A name that is not blamed ("what happened with Kestrel") does not make the reply about others.
NAMED_NOT_BLAMED = [
    ("What happened with Kestrel in the end?", "experience"),
    ("When did you loop Priya in on it?", "own_part"),
    ("Tell me what happened on the last Harlow call.", "experience"),
    ("Did Pinewood sign in the end?", "outcome"),
    ("How much was Brenner worth?", "outcome"),
    ("how many deals do u need to close to make quota", "outcome"),
    ("You've been waiting a long time and it's wearing you down.", "experience"),
    ("So you feel you did your part and it still didn't land.", "experience"),
    ("Can you close the door?", "none"),
    ("The car park's closed next week, by the way.", "none"),
]


@pytest.mark.parametrize(("reply", "focus"), NAMED_NOT_BLAMED)
def test_names_results_and_feelings_point_where_they_point(reply, focus):
    result = classify(reply)
    assert result.focus == focus, (reply, result.focus, result.focus_cue)


# Where a reply points, read from its own words: the result, a feeling, their doing, nothing.
MORE_FOCUS = [
    ("how big is the renewal", "outcome"), ("Is the 70 solid?", "outcome"), ("what's still open that could land before the 30th", "outcome"),
    ("Where does that leave you for the quarter if it slips?", "outcome"),
    ("That sounds stressful, being caught out in front of the buyer.", "experience"),
    ("So you're feeling out of your depth on the pricing.", "experience"), ("How did that land with you?", "experience"),
    ("Which accounts have you looked at so far?", "own_part"), ("who could introduce you", "own_part"),
    ("what got in the way of calling the new ones", "own_part"), ("What gets in the way of following up?", "own_part"),
    ("What have you already said to him about it?", "own_part"),
    ("Sorry, I've got a hard stop at ten, let's wrap.", "none"), ("Oh, the team lunch got moved to Wednesday.", "none"),
]


@pytest.mark.parametrize(("reply", "focus"), MORE_FOCUS)
def test_results_feelings_doing_and_chat(reply, focus):
    result = classify(reply)
    assert result.focus == focus, (reply, result.focus, result.focus_cue)


# An excuse for the result, with no one else named, points at the result and sides.
@pytest.mark.parametrize("reply", ["Honestly, nobody could have hit that number.", "missing the month was out of your hands",
                                   "A twelve percent dip isn't on you, numbers go up and down."])
def test_an_excuse_for_the_result_points_at_the_outcome(reply):
    result = classify(reply, "I missed my number again this quarter.")
    assert result.sides_with_blame and result.focus == "outcome", (reply, result.focus, result.siding_cue)


def test_a_verdict_on_them_is_not_siding():
    for reply in ("that's pathetic tbh", "That was a stupid thing to say to a CFO.", "Mate, that's a shambles."):
        result = classify(reply, "I told the CFO our price was basically negotiable.")
        assert not result.sides_with_blame and result.label == "judgment", (reply, result)


def test_a_scenarios_own_terms_decide_focus():
    terms = FocusTerms(blames=("the Hendry rollout",), controls=("discovery notes",), outcomes=("renewal",))
    assert classify("What happened with the Hendry rollout?", terms=terms).focus == "others"
    assert classify("How are your discovery notes looking?", terms=terms).focus == "own_part"
    assert classify("Is the renewal safe?", terms=terms).focus == "outcome"
    sided = classify("Yeah, the Hendry rollout was a mess, not on you.", terms=terms)
    assert sided.sides_with_blame and sided.focus == "others"


def test_held_out_focus_part_meets_its_floor():
    report = evaluate_focus(load_focus_corpus("focus_test"), "focus_test")
    assert report.size >= 70
    assert report.focus_macro_f1 >= 0.80
    assert report.siding["f1"] >= 0.85


# Where the rules only guess, the words of the whole reply (counted from the focus development parts)
# decide, and say which word decided.
def test_what_got_in_their_way_points_at_their_part():
    for reply in ("what got in the way there", "What's been getting in your way this week?", "what stopped you calling them"):
        assert classify(reply).focus == "own_part", reply


WEIGHED_BY_WORDS = [
    ("How's the pipeline for next quarter shaping up?", "outcome"),
    ("Are you going to make it this month?", "outcome"),
]


@pytest.mark.parametrize(("reply", "focus"), WEIGHED_BY_WORDS)
def test_the_words_decide_where_the_rules_only_guessed(reply, focus):
    result = classify(reply)
    assert result.focus == focus and result.focus_cue and result.focus_cue in reply, result


def test_the_words_never_override_small_talk_a_scenarios_terms_or_turn_a_verdict_into_siding():
    for chat in ("What are you having for lunch?", "Where are you off to on holiday this year?"):
        assert classify(chat, "I just can't seem to close.").focus == "none", chat
    terms = FocusTerms(blames=("the pricing desk",), controls=(), outcomes=())
    assert classify("How's the pricing desk been this month?", terms=terms).focus == "others"
    verdict = classify("What were you thinking, sending the pricing out without checking?", "The pricing desk was slow.")
    assert verdict.label == "judgment" and not verdict.sides_with_blame


def test_the_focus_and_siding_models_are_counted_from_development_parts_only():
    from ask_dont_tell.trainer.corpus import FOCUS_HELD_OUT_PARTS, FOCUS_PARTS
    from ask_dont_tell.trainer.wordmodel import focus_examples, siding_examples

    held_out = {e.reply for part in FOCUS_HELD_OUT_PARTS for e in load_focus_corpus(part)}
    development = {e.reply for part in FOCUS_PARTS if part not in FOCUS_HELD_OUT_PARTS for e in load_focus_corpus(part)}
    for examples in (focus_examples(), siding_examples()):
        assert len(examples) >= 1500
        assert all(reply in development and reply not in held_out for _, reply, _ in examples)


def test_praise_of_their_plan_points_at_their_part():
    for reply in ("nice, that's a solid plan", "Good plan. Let me know how it goes.", "that's a smart next step"):
        result = classify(reply, "I'll call the three warm ones on Monday.")
        assert result.focus == "own_part", (reply, result.focus, result.focus_cue)
