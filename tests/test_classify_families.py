"""The families of misreadings seen on real replies, each in several phrasings, and real talk.

Each family is a general rule of the coding manual; the phrasings are written for the project (a
few are the examples the families were first seen in).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ask_dont_tell.trainer.classify import NOT_SURE_BELOW, classify
from ask_dont_tell.trainer.classify.text import clean, split_sentences

ROOT = Path(__file__).resolve().parent.parent

FAMILIES = {
    # information, options and what must happen are telling, however softly said
    "an option or resource offered is advice": ("advice", [
        "There might be other ways to look at the renewal.", "that might be something we can look at together next week",
        "Losing them might have been a good thing in the long run.", "I've got a checklist here from the last launch.",
        "so that's something you can work on with finance"]),
    "what must happen is advice": ("advice", [
        "They need to stop discounting before the second call.", "The deck has to be shorter, honestly.",
        "that needs to change before Friday", "the proposal needs to be sent today"]),
    "a suggestion asked as a yes/no question is leading": ("leading_question", [
        "Do you reckon a quick call to the buyer might help?", "Is it maybe worth a shorter deck?",
        "Could a case study from a similar firm do the job?", "would a one-page summary have helped, do you think",
        "Any reason not to ring them today?", "you could build it for them next week, couldn't you?"]),
    "a rebuke asked as a question is judgment": ("judgment", [
        "Seriously, you didn't check the price list?", "Do you really think that's acceptable?",
        "Anything else you want to blame me for?", "how did winging it work out for you",
        "When have you ever hit a deadline without chasing?"]),
    "a word and 'how?' is an open question": ("open_question", ["Cagey how?", "garbage how?", "Stuck how?"]),
    "the manager taking back their own words is no takeover": ("open_question", [
        "sorry, let me step back. what have you done with the new accounts so far?",
        "Let me start again: what happened after the demo?", "ok let me put that differently, what got in the way?"]),
    "a figure asked for is a closed question": ("closed_question", [
        "What's your win rate over the last four quarters?", "what was it worth, roughly?",
        "How confident are you, out of ten?", "What share of your week goes on admin?",
        "Have you called them yet?"]),
    "life outside the deal, asked about, is small talk": ("other", [
        "hey, how was the wedding?", "are you coming to the barbecue on saturday?", "Did you see the new coffee machine?",
        "How was the weekend?"]),
    # sympathy, normalising and the manager on themselves neither name their experience nor tell
    "bare sympathy is other": ("other", [
        "that's rough", "Oof, that's a tough one.", "tough break mate", "You're not alone in this.",
        "it is what it is", "honestly we all have those weeks", "Happens to everyone at some point.",
        "Everybody struggles at first.", "I'm gutted for you, honestly."]),
    "asking leave or offering a drink is other": ("other", [
        "Could I throw something out there?", "mind if i jot a few notes", "Can I be straight with you?",
        "Would it be ok if I threw an idea in?", "coffee first?", "fancy a cuppa before we start?",
        "grab a seat", "the kettle's on if you want one"]),
    "a continuer is other": ("other", [
        "Yeah, go on.", "ok go ahead", "sure, carry on", "Right, off you go.", "keep me posted"]),
    "the manager on themselves is other": ("other", [
        "That's partly on me, to be fair.", "Sorry, that came out harsh.", "I'm not making this easy, am I?",
        "Looking forward to it.", "I've got a hard stop at four, just so you know."]),
    "a verdict in plain words is judgment": ("judgment", [
        "You got complacent once you were shortlisted.", "That's slapdash, frankly.",
        "you talk a good game but the calls aren't happening", "you let them go cold, plain and simple",
        "Nobody forced you to put everything on one contact.", "That's a basic error."]),
    "taking over in the manager's own words is takeover": ("takeover", [
        "I'm escalating it to their MD myself.", "Forward me the emails, I'll answer them from now on.",
        "i'll pull the lists and send them over tonight", "Right, I'm taking over the renewal.",
        "I'll sit on the call and do the closing bit.", "Honestly, it's easier if I just handle it.",
        "No, it's better coming from me.", "The client is not your worry now."]),
    "who did it, what was closed: one fact": ("closed_question", [
        "Who said that?", "who booked the meeting", "Who told you Q1?", "What did you close in May?",
        "when in the process did they hear about the price"]),
    # a single word must not decide a hard label
    "a strength named is affirmation": ("affirmation", [
        "You're a strong closer, I've seen it.", "you're a natural with new clients, honestly",
        "You're a really reliable closer when it counts.", "you've always been a grafter"]),
    "looking at their work together is agenda": ("other", [
        "Let's look at your pipeline together.", "let's go through your accounts together",
        "shall we have a look at the forecast together", "Let's take a look at the numbers together, shall we?"]),
    "the manager's own I'd is advice": ("advice", [
        "Honestly I'd just sit down with him.", "I'd probably just sit down with her and talk it through",
        "personally I'd walk away from that one", "I would just pick up the phone to them first thing."]),
    # suggestions asked as questions
    "a suggestion asked as a question is leading": ("leading_question", [
        "What do you think about calling the two accounts this week?", "did you think of offering a trial",
        "is it maybe time to walk away", "what would you think about offering them a pilot",
        "what do you reckon about sending the case study", "is it time to escalate maybe",
        "I wonder if you could try calling earlier", "I'm wondering whether a shorter deck might work better",
        "have you ever thought about bringing your manager along?", "Would it be worth ringing them again tomorrow?"]),
    # reflections read by their opening words
    "a summary or restatement is a reflection": ("reflection", [
        "what I'm hearing is you feel let down", "So what I'm hearing is the territory change hit you hard.",
        "so the main issue is the handover", "so the sticking point for you is the price",
        "So basically the buyer went quiet after the demo.", "what you're saying is nobody told you",
        "You'd like to get back to those two accounts first.", "So you feel like you're doing all of this alone?"]),
    # judgment: idioms, rebukes asked as questions, praise then criticism
    "judgment in idioms, rebukes and praise-then-criticism": ("judgment", [
        "You dropped the ball on that one.", "you've been asleep at the wheel", "honestly you were winging it",
        "Seriously, why would you send that without checking?", "what were you thinking sending that",
        "who sends a proposal without checking the price?", "how many times do I have to tell you",
        "Good effort, but the deck was a mess.", "Great energy, shame about the follow-up.",
        "Nice try but honestly that call was amateur hour"]),
    # sympathy and reassurance are other
    "sympathy, reassurance and asking leave are other": ("other", [
        "Don't worry, it happens to all of us.", "You'll get there.", "hang in there mate", "youll get there, you always do",
        "They'll come back, they always do.",
        "you'll be fine, honestly", "it happens to the best of us", "I'm so sorry to hear that.",
        "Can I share an idea?", "would it be ok if I offered a thought"]),
    # offers to take over, asked as questions
    "an offer to take over asked as a question is takeover": ("takeover", [
        "shall I just call them myself?", "should I ring the buyer for you?", "do you want me to handle the CFO?",
        "want me to just take it over?", "how about I call them myself", "why don't I talk to procurement for you"]),
    # information given is telling
    "information given is advice": ("advice", [
        "Buyers usually go quiet in the last week of the quarter.", "The new pricing starts in January.",
        "so the way it works is finance signs off anything over ten grand",
        "what most reps do is book the next call before they hang up",
        "Research shows a follow-up within a day doubles the replies.",
        "I see on your forecast that the two renewals slipped to next quarter.",
        "The CRM says there hasn't been a call logged since Monday.", "I want to share something with you.",
        "Reps who call within the hour are far more likely to get the meeting."]),
    "information asked as a question is telling": ("leading_question", [
        "Did you know the price goes up next month?", "did you know that most buyers decide before the demo",
        "Do you realise their contract ends in June?"]),
    "rhetorical rebukes are judgment": ("judgment", [
        "Are you even trying?", "What kind of proposal is this?", "Blaming the leads again?",
        "were you even listening to them", "You're making this harder than it needs to be."]),
    "checking understanding and housekeeping are other": ("other", [
        "Let me make sure I understand.", "I'm gonna make sure I've got this right, hang on",
        "Can I just check the time?", "Shall we grab a coffee first?", "Lovely, thanks for that."]),
    "a feeling or wish of theirs said with a question mark is a reflection": ("reflection", [
        "That worries you?", "So, you'd like to stop discounting?", "And it doesn't feel good?",
        "You're not sure the new territory is worth the effort."]),
    "what they want, hope or fear, said to them, is a reflection": ("reflection", [
        "You kind of wanna have it both ways.", "you really want this one to land", "so you just want the leads to be decent",
        "You don't want to be the one who lets the team down.", "you hope they come back before the quarter ends",
        "You probably think I'm going to tell you off.", "you might think this whole exercise is a waste of time"]),
    "their own verdict on others, said back, is a reflection": ("reflection", [
        "you think marketing let you down", "so you feel the leads are rubbish", "You reckon the split was unfair.",
        "So you're still kind of unsure the territory is worth it, because the leads are weak."]),
    "a question asked on a scale is closed": ("closed_question", [
        "On a scale of one to ten, how confident are you about Friday?", "from 0 to 10 how ready do you feel?",
        "How would you rate the call out of ten?", "out of ten, how likely is it they sign?"]),
    "sarcasm and rebukes said in passing are judgment": ("judgment", [
        "Interesting how the deals you lose are always somebody else's fault.", "bit rich coming from you, honestly",
        "So sulking is the plan now?", "Where was this urgency back in March?", "you sent it at midnight, what did you expect",
        "how are you still discounting on the first call", "You've got far too comfortable in that patch.",
        "That's not a forecast, it's a wish list.", "you let the renewal slip because you didn't chase"]),
    "what the manager proposes to do together, asked, is leading": ("leading_question", [
        "could you not reuse last year's deck?", "Is not better to call the two warm ones first?",
        "is there anyone in finance you could ask about the budget?", "any chance their IT lead could vouch for us?",
        "cld u send it a day early?",
        "Could we do the prep together on Thursday?", "shall we role-play the pricing call now",
        "fancy a dry run before the demo?", "any chance you could get the CFO on the next call?",
        "Is emailing really your best option with this buyer?", "Would ringing them today be such a bad idea?",
        "would it hurt to send the case study first", "Could the pricing have been the real problem here?"]),
    "their state read back is a reflection": ("reflection", [
        "How it sounds to me is you're dreading the call.", "and that's kind of what's bothering you",
        "nobody asked you first, which is what's eating at you"]),
    "what would happen, asked with 'and if', is an open question": ("open_question", [
        "And if the buyer says no?", "ok, and if legal still hasn't signed by Friday?", "If the next quarter went your way, what would it look like?",
        "which of those feels most doable to you?", "So where's the Harlow deal at?"]),
    "small talk asked is other, whatever its form": ("other", [
        "hi, come in, how was the conference?", "How was the drive in?", "good trip?", "how was your time off"]),
    "reporting back and the meeting's own business are other": ("other", [
        "Great. Update me on Friday.", "good, let me know how it goes", "Stick half an hour in my diary next week.",
        "up to you", "go go go", "Go get her."]),
    "'maybe you ask ...' without a modal is advice": ("advice", [
        "Then maybe you ask the office manager first.", "perhaps you call him before the meeting"]),
    "their plan praised is affirmation": ("affirmation", [
        "That sounds like a solid plan.", "good, that looks like a sensible next step", "sounds like a real plan to me"]),
    "the manager's own story and apology are other": ("other", [
        "I was hopeless at cold calls when I started.", "Me neither, to be honest.", "story of my life this week",
        "Not yet, I've been stuck in budget meetings since nine."]),
    "an offer to do it for them is takeover": ("takeover", [
        "Need me to call their procurement lead?", "would you like me to handle the contract?",
        "It'd be quicker if I just rewrote the proposal.", "From now on I'll run the Fenwick demos myself.",
        "Do you want me to?", "why dont I chase legal for you", "Would it help if I rang their MD myself?", "on it"]),
    "a fact asked inside a statement, or whether it was ever done, is closed": ("closed_question", [
        "you've been on the account, what, two years now?", "so you're at how many calls a day, twenty?",
        "have you met their CFO before?", "did you pitch to them at all", "Did you use to run these demos yourself?"]),
    "a question after a spoken preface, without punctuation, is still the question": ("open_question", [
        "ok quick one then whats the plan for the renewal", "if you were starting over how would you open the call",
        "looking back where could you have pushed harder", "right so before they went quiet what was the last thing you agreed",
        "curious what you've tried with the buyer so far", "interested to hear how you'd run it next time"]),
    "'I wonder if it'd help to ...' said, not asked, is advice": ("advice", [
        "I wonder if it would help to send the agenda first.", "i wonder if itd be worth ringing the CFO",
        "Maybe, I wonder whether it'd help to try a shorter demo.",
        "What I'd be wondering is whether we need to change how you open the call."]),
    "exclamations and 'that annoys you' name their experience": ("reflection", [
        "How draining, all that chasing for nothing.", "oof, how deflating after such a good demo", "that really bothers you",
        "and it stings you"]),
    "a rebuke asked with 'even'": ("judgment", [
        "what are you even doing with your afternoons", "why did you even agree to that date",
        "how do u even lose a signed renewal", "where were you even when they called"]),
    "their choice called a bad call or unprofessional": ("judgment", [
        "honestly that was a bad move", "giving them fifteen percent off was a bad call", "that's not how a professional handles a buyer"]),
    "more rebukes: whose job, 'never your fault', 'did you even'": ("judgment", [
        "So whose job was it to check the contract?", "It's never your fault, is it?", "always somebody else's fault with you",
        "why can't you ever plan ahead", "did you even read their brief?", "you sent it unchecked? thought not",
        "This is not professional."]),
    # speech runs a remark straight into a question; the question decides
    "a spoken remark run into a question asks it": ("closed_question", [
        "that sounds rough after all that prep anyway was the buyer even in the room",
        "right okay that's a long wait quick question though did they give you a reason",
        "fair that's a big ask so how many meetings have you booked for next week",
        "ugh that's annoying honestly is it the same contact as last time"]),
    "a spoken remark run into an open question asks it": ("open_question", [
        "yeah that's a lot on your plate so looking back which part of it was yours to change",
        "mm I hear you the quarter's been long anyway what's been working for you lately",
        "okay twenty years is a good run um what would you like to get better at"]),
    "life outside work, asked about, is small talk": ("other", [
        "did you catch the United game last night?", "so did the builders ever finish the conservatory",
        "how was the match", "you did the half marathon in the end?", "how was the ski trip"]),
    # hedged advice is still advice
    "advice wrapped in hedges is advice": ("advice", [
        "Maybe, I don't know, you could possibly try ringing them earlier?",
        "I'm not saying you have to, but it might be worth calling them",
        "one option might be to call the CFO", "you might want to think about a trial",
        "perhaps if you could send the case study before Friday"]),
    # spoken and typed fact checks, choices and apologies before a question
    "a fact said back with a spoken tag is a closed question": ("closed_question", [
        "so the budget got approved yeah", "so thats three slipped this month right",
        "and the pilot finished on the tenth or was it later", "okay and halvorsen theyre still on the trial yeah",
        "so you called them already or not yet", "the contract went to legal on monday correct"]),
    "two options named to pick from is a closed question": ("closed_question", [
        "friday morning or afternoon", "email or phone?", "tuesday or wednesday", "Forty closed or forty committed?",
        "the blue pack or the grey one"]),
    "an apology run into a question: the question decides": ("closed_question", [
        "sorry which product was it the ledger loop or fleet track", "sorry what was the figure again",
        "oh sorry did you say tuesday"]),
    "a negative question about someone else carries the manager's view": ("leading_question", [
        "wouldnt merriton be a bit annoyed getting chased early", "shouldnt at least a couple of tomorrows calls go on new pipeline",
        "wouldn't the team be better off with one owner", "wouldnt blocking mornings for calls fix most of this",
        "couldn't some of those leads go to the new starters"]),
    "'would you rather' one course of action is leading": ("leading_question", [
        "would u rather give fenwick one more go before going over his head", "would you rather wait until the board has met",
        "would you rather send the proposal after the demo"]),
    "a suggestion asked with a spoken filler inside is still leading": ("leading_question", [
        "could you maybe like sit in on one of rosas calls", "could u like shadow dev for a day",
        "can you kind of map out who signs before thursday"]),
    "someone else's help proposed as a question is leading": ("leading_question", [
        "could ur pilot contact intro u to the cfo", "could your champion introduce you to finance",
        "might their ops lead put you in touch with procurement"]),
    "a different past proposed as a question is leading": ("leading_question", [
        "would it have gone better if u'd invited the buyers personally do u think",
        "would it have been easier with a mutual plan", "would the call have gone smoother with the agenda sent first"]),
    "'how do you not...' rebukes": ("judgment", [
        "how do u not have a plan the day before a meeting", "how did you not see that coming",
        "How do you not notice something like that?", "how do you possibly miss a renewal date"]),
    "how long things take, told, is information": ("advice", [
        "It takes about three touches before most people reply. what have you tried so far",
        "it usually takes 6 to 8 weeks with councils so dont panic", "it normally takes two or three calls to get past the gatekeeper",
        "Most of our reps find the second call is where it gets won. So what's your plan for the second call?"]),
    "a story ending in 'so do that' is advice": ("advice", [
        "when i had a patch like yours i worked the dormant accounts and it came good so do that",
        "i tried that once and it worked, so try that", "what worked for me was a short agenda up front, so do the same"]),
    "an instruction after 'next time' or 'going forward', with an adverb, is advice": ("advice", [
        "next time personally invite the decision makers, not just the practice managers",
        "going forward always copy finance on the quote", "from now on just book the follow-up before you hang up"]),
    "reassurance that things take time is other": ("other", [
        "these things take time", "it takes time, you'll get there", "it all takes a bit of time, dont worry",
        "honestly this stuff just takes time"]),
    "their feeling named is a reflection, good or bad": ("reflection", [
        "youre proud of how you handled pellworth", "it bugs you that dev doesnt seem to care",
        "you're relieved it's finally signed", "it really gets to you when the forecast changes"]),
    "the cause reframed by the manager is advice": ("advice", [
        "It wasn't perhaps about the price. What do you think they really wanted?",
        "maybe it's not really about the leads", "maybe it's less about the deck and more about who was in the room",
        "it's not about working harder, it's about working the right accounts",
        "When a buyer goes quiet after a proposal, it's often because it landed with the wrong person. How does that fit?",
        "i dont think its really about the discount tbh"]),
    "how things go for anyone, explained, is information": ("advice", [
        "When a buyer goes quiet after a demo, their budget has usually moved.",
        "when a champion leaves, the deal usually stalls for a month", "when people feel cornered they'll stop talking to you",
        "when customers ask for a discount this early, it's often a sign they're shopping around"]),
    "their view of the cause said back stays a reflection": ("reflection", [
        "so it wasn't really about the demo for you", "So it's less about price and more about whether they trust us."]),
    "a name or a pick asked in a word or two is a closed question": ("closed_question", [
        "which partner?", "Who to?", "Who would know?", "What's their usual turnaround?", "which region"]),
    "asking leave to share what helped the manager is other": ("other", [
        "Can I share something that helped me when I was starting out?",
        "could i share something that worked for me", "Can I offer a thought from my own experience?"]),
    "a wish of luck before a question: the question decides": ("closed_question", [
        "same slot works. good luck at eleven, is it the harlow group?", "good luck with it, is tuesday still the date?"]),
    "a time proposed or a fact of theirs checked, typed as a statement, is closed": ("closed_question", [
        "friday at 2 then", "still ok for thurs at 10", "so tuesday then", "u called them already", "you sent the proposal already"]),
    "'any reason you can't ...' carries the idea": ("leading_question", [
        "any reason u cant book the next step before the demo ends", "is there any reason not to send it today",
        "any good reason we dont loop in their cfo"]),
    "a suggestion asked with a verb of practice or planning is leading": ("leading_question", [
        "could u roleplay the price objection w jen a few times this week", "could u maybe save the growth question for later",
        "would a call w their head of ops unstick it", "wouldnt 20 sec videos land better than 2 min ones"]),
    "the work handed to the manager is a takeover": ("takeover", [
        "just forward me the 4 lost ones, ill see what can be saved", "how abt i make the pell call and u listen in",
        "send them over to me and I'll chase procurement", "u want me to jump on the kessler call friday and close it out?"]),
    "their wish or view said back is a reflection": ("reflection", [
        "u want me to step in w the onboarding team", "ur track record speaks for itself, the way u see it",
        "price seems to be the one thing u keep coming back to", "you keep going back to the territory split"]),
    "what worked for the manager, offered as the way, is advice": ("advice", [
        "in my first yr i hated cold calls too. i just did 20 before 9am every day untill it stopped being scary",
        "honestly that worked for me", "i kept calling every morning until it felt normal"]),
    "information noted in passing is advice": ("advice", [
        "the comp plan still pays on small accounts btw, its in section 3 of the doc", "it's all in the playbook",
        "the discount cap changed in april btw"]),
    "praise of their doing, or 'that's no accident', is affirmation": ("affirmation", [
        "eleven yrs and still top 3 in the region, thats no accident", "asking him twice politely was the right instinct",
        "Keeping that renewal alive without a champion is a real achievement."]),
}


@pytest.mark.parametrize(("family", "reply"), [(family, reply) for family, (_, replies) in FAMILIES.items()
                                               for reply in replies])
def test_family(family, reply):
    expected = FAMILIES[family][0]
    result = classify(reply)
    assert result.label == expected, (reply, result.label, result.cue, result.rule)


@pytest.mark.parametrize(("reply", "label"), [
    ("So-so, um, have-- last time we talked you said the demo went well", "reflection"),
    ("I-- I think you should, you know, call them today", "advice"),
    ("so um what what got in the way", "open_question"),
    ("so you know how did it go", "open_question"),
    ("uh-- tell me a bit about the, um, the demo", "open_question"),
    ("you should call them what do you think", "advice"),
    ("you rang them back yeah", "closed_question"),
    ("so you rang them and then nothing happened", "reflection"),
    ("when you called them, what did they say?", "open_question"),
    ("When a buyer goes quiet, that usually means the budget moved.", "advice"),
    ("leadership didnt miss four of your calls tho did they", "judgment"),
    ("what's the game plan for the renewal", "open_question"),
    ("when shall we look at it again", "closed_question"),  # a time
    ("ok what about the contract, has it been signed off", "closed_question"),
    ("was it perhaps the pricing page that put them off", "leading_question"),  # the manager's diagnosis, asked
    ("did you maybe go in a bit hard on the discount, do you reckon?", "leading_question"),
    ("so next time why not send the agenda first?", "leading_question"),
    ("next time, what would you do differently?", "open_question"),
    ("shall I give the buyer a ring tomorrow?", "takeover"),
    ("so then?", "open_question"),  # a prompt to go on
    ("rough luck on that one. send their new buyer a welcome note this week", "advice"),  # sides, then advises
    ("meaning?", "open_question"),
    ("in what way?", "open_question"),
    ("would a three-way call with their IT lead and our engineer help?", "leading_question"),
    ("could it be as simple as asking for the meeting?", "leading_question"),
    ("is it ok with you if I jot a few things down?", "other"),  # asking leave
    ("would it be alright if we left the forecast till the end", "other"),
    ("fyi the new price list goes out monday", "advice"),  # information given
    ("just so you know, procurement wants three quotes now", "advice"),
    ("just so you know, I'm out on Friday", "other"),
    ("heads up, I'll be away from Monday for a week", "other"),
    ("could I run an idea past you", "other"),  # asking leave
    ("right, sounds like a plan. let me know how it goes", "other"),  # closing, not a reflection
    ("sounds like a plan you can own", "reflection"),
    ("ok so ask them 'what would need to be true for you to sign this month?'", "advice"),  # a line to say, quoted
    ("just say \"who else should be in that conversation?\"", "advice"),
    ("how far behind are we, roughly", "closed_question"),  # one figure
    ("so what's the difference between their quote and ours", "closed_question"),
    ("would fewer slides in the deck have helped, you reckon", "leading_question"),
    ("you don't think a shorter proposal would help?", "leading_question"),
    ("can we come back to pipeline after the forecast", "other"),
    ("we've only got half an hour today just so you know", "other"),
    ("how about I do the discovery on the Harlow call", "takeover"),
    ("that's exactly the kind of arrogance that loses you renewals", "judgment"),
    ("that's the sort of carelessness that costs deals", "judgment"),
    ("honestly that was a daft thing to promise them", "judgment"),  # a verdict on their act
    ("it's a rookie mistake, sending pricing before discovery", "judgment"),
    ("it might be an idea to call them before the board meets", "advice"),
    ("let me be the one to talk to their CFO", "takeover"),
    ("you had a whole month and you did nothing with it", "judgment"),
    ("seriously, guys?", "judgment"),
    ("ok and after that?", "open_question"),
    ("don't be silly, see you Thursday", "other"),  # reassurance, not an instruction
    ("oh forget I said anything", "other"),
    ("would moving the demo to the morning have helped, do you think?", "leading_question"),
    ("could calling the CFO first change the conversation?", "leading_question"),
    ("want me to give their finance director a call", "takeover"),
    ("how would you even start with a buyer like that?", "open_question"),  # asked, not a rebuke  # a topic named, then asked about
    ("how about Dana's renewal, is it still on for March?", "closed_question"),
    ("what about a pilot, would that get them moving?", "leading_question"),  # an idea of the manager's
    ("what about ringing the CFO, would that help", "leading_question"),
    ("when could you fit the call in?", "closed_question"),
    ("who'd you want to role-play it with", "closed_question"),  # a name
    ("which matters most to you?", "open_question"),
    ("which feels more like you, the call or the email?", "open_question"),
    ("what's worrying is the pipeline for next month", "advice"),  # a verdict given, not asked
    ("what's impressive is you kept calling after the second no", "affirmation"),  # a tag, not a new question
    ("you know what ill just sit in on the next three calls and do the talking", "takeover"),
    ("you stuck at it after the first no though which most people wouldn't", "affirmation"),
])
def test_real_talk(reply, label):
    assert classify(reply).label == label, classify(reply)


@pytest.mark.parametrize(("reply", "label"), [
    ("wat got in the way this wk", "open_question"),
    ("hw did the call go w the cfo", "open_question"),
    ("r u in tmrw", "closed_question"),
    ("u shud call them today", "advice"),
    ("u need 2 qualify harder", "advice"),
    ("ur a strong closer ive seen it", "affirmation"),
    ("ur discovery is too short thats the prob", "advice"),
    ("what abt offering a trial", "leading_question"),
])
def test_typed_shorthand_is_read_as_the_words_it_stands_for(reply, label):
    result = classify(reply)
    assert result.label == label, result
    begin, end = result.span
    assert reply[begin:end] and end <= len(reply)  # the cue is still a span of what was typed


def test_disfluencies_are_taken_out_and_every_character_maps_back():
    reply = "So-so, um, I-- I think [laughs] you-you're right"
    mapped = clean(reply)
    assert mapped.text == "so, I think you're right"
    for index, character in enumerate(mapped.text):
        assert reply[mapped.origin[index]].lower() == character.lower()
    assert split_sentences("Okay. So-so, what happened?") == ["Okay.", "so, what happened?"]


def test_a_title_or_abbreviation_does_not_end_a_sentence():
    assert split_sentences("Did Dr. Patel sign? Ok.") == ["Did Dr. Patel sign?", "Ok."]
    assert split_sentences("Ask Mrs. Lee, e.g. at the review. Then call Mr. Cho.") == [
        "Ask Mrs. Lee, e.g. at the review.", "Then call Mr. Cho."]


def test_each_sentence_names_its_rule_and_the_span_of_its_cue():
    reply = "Um, good effort. I-- I think you should call them. What do you think?"
    result = classify(reply)
    assert result.label == "advice" and result.rule
    begin, end = result.span
    assert reply[begin:end] == result.cue == "I think you should"
    for sentence in result.sentences:
        assert sentence.rule and "." in sentence.rule
        if sentence.cue and sentence.span != (0, 0):
            assert reply[sentence.span[0]:sentence.span[1]].lower() == sentence.cue.lower()


def test_a_reading_no_rule_supports_is_not_sure():
    clear = classify("What got in the way this week?")
    assert clear.confidence >= NOT_SURE_BELOW and not clear.not_sure
    guessed = classify("the quarterly thing with the blue folders")
    assert guessed.not_sure and guessed.rule.startswith(("wordmodel.", "statement.fallback", "clause.fallback"))
    assert guessed.label  # a best guess is still given


def test_context_makes_a_restatement_a_reflection():
    line = "I sent the revised proposal to procurement on Monday and nobody has replied."
    echoed = classify("sent it to procurement on Monday and nobody replied?", line)
    assert echoed.label == "reflection" and echoed.rule == "context.restates"
    assert classify("did you send it to procurement?", line).label == "closed_question"
    echoed_verdict = classify("You feel useless at cold calling.", "Honestly I'm useless at cold calling.")
    assert echoed_verdict.label == "reflection"
    assert classify("Your cold calling is useless.", "I made forty calls this week.").label == "judgment"


def test_classify_jsonl_reads_text_and_context_and_reports_bad_lines():
    lines = [json.dumps({"text": "So you feel let down by the split.", "context": "They split my territory."}),
             json.dumps({"text": "Why not call them?"}), "", "not json", json.dumps({"context": "no text"})]
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "classify", "--jsonl"],
                            input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("label") for o in out] == ["reflection", "leading_question", None, None]
    first = out[0]
    assert {"label", "cue", "confidence", "focus", "sides_with_blame", "sentences", "rule", "span"} <= set(first)
    assert first["focus"] == "experience" and first["sides_with_blame"] is False
    assert out[2] == {"error": "unreadable line", "line": 4} and "line 5" in result.stderr


def test_the_words_of_a_short_reply_may_overrule_a_general_reading_as_not_sure():
    # the rules' general readings ("good that you tried" as praise, a restated fact) give way to the
    # words of the whole reply, counted from the development parts; the result is "not sure"
    for reply in ("good that you tried it but honestly you gave up far too quickly like always",
                  "that's what you told me last month. and the month before"):
        result = classify(reply)
        assert result.label == "judgment" and result.rule == "words.judgment" and result.not_sure, (reply, result)
        assert result.cue and reply[result.span[0]:result.span[1]] == result.cue


def test_the_words_never_overrule_a_named_rule_a_frame_or_a_question():
    assert classify("Mind if I share what worked for me last year?").label == "advice"
    assert classify("You probably think I'm going to tell you off.").label == "reflection"
    assert classify("So sulking is the plan now?").label == "judgment"
    assert classify("how did the call go").label == "open_question"


def test_wondering_about_a_thing_is_no_open_question_but_wondering_what_is():
    assert classify("I'm wondering about the renewal price.").label != "open_question"
    assert classify("I'm wondering how the call went.").label == "open_question"
    assert classify("i wonder what you make of that").label == "open_question"
