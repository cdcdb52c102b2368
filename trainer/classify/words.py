"""The English word lists the rules read: data, one list a constant, entries separated by "|".

A multi-word entry is a phrase; ``\\w*`` at the end of an entry is any ending ("frustrat\\w*"). The
rules in ``rules.py`` build their patterns from these lists; adding a word is an edit here.
"""

from __future__ import annotations

import re

FILLER = (
    'so|um|umm|uh|uhh|er|erm|ah|hmm|hm|mm|well|okay|ok|okey|right|alright|all right|look|listen|you know|'
    'i mean|like|yeah|yep|yes|and|but|now|oh|anyway|basically|just|honestly speaking|sure|hey|hi|hiya|'
    "hello|g'day|good morning|good afternoon|good evening|morning|afternoon|aye|achha|acha|grand|"
    'yeah nah|nah|right enough|k|kk|okie|oki|roughly|ballpark|you know what|i was just thinking|'
    'i was thinking|just thinking|fair enough|got it|i see|gotcha|mate|then|ok then|okay then|honestly|'
    'frankly|to be honest|tbh|to be fair|in fairness|true|mm-hm|uh huh|uh-huh|mmm|ha|haha|ugh|urgh|'
    'right then|mm-hmm|mhm|uh-huh|thanks|thank you|cheers|sorry|and so|so yeah|'
    'lol|lmao|haha ok'
)

WH_OPEN_START = (
    "what|what's|whats|what're|what've|what'd|how|how's|hows|how'd|how've|why|why's|whys|where|wheres|"
    "where's|when|whens|when's|who|who's|whos|whom|whose|which|in what way|to what extent|how come"
)

AUX = (
    "do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should|shall|may|might|must|don't|"
    "doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|hadn't|can't|couldn't|won't|wouldn't|"
    "shouldn't|dont|didnt|isnt|arent|wasnt|havent|cant|couldnt|wont|wouldnt|shouldnt|d'you|dyou|ya|u|"
    "doesnt|hasnt|hadnt|werent|aint|ain't"
)

SUBJECT = (
    'you|u|ya|they|he|she|it|we|i|that|this|there|the|your|their|his|her|our|my|its|those|these|anyone|'
    'anybody|anything|everyone|everything|someone|somebody|something|a|an|any|all|both|either|marketing|'
    'legal|finance|procurement|leadership|management|mark|priya|dave|sam|jess|everybody|nobody|what|'
    'which|some|enough|much|many|more|most|last|next|tomorrow|today|friday|monday|tuesday|wednesday|'
    'thursday'
)

REQUEST_VERB = (
    'tell me|tell us|walk me|walk us|talk me|talk us|take me|take us|run me|run us|fill me in|'
    'help me understand|help me see|help me get|help me picture|describe|explain|say more|paint me|'
    'paint a picture|give me a sense|give me an idea|give me a picture|give me a feel|'
    'give me the background|give me the story|give me some background|share|expand|elaborate|unpack|'
    'go on|keep going|continue|break it down for me|break that down for me|help me make sense|'
    'remind me how|remind me what|remind me why|bring me up to speed|catch me up|let me hear|'
    "i'd like to hear|i'd love to hear|i want to hear|i wanna hear|i'm curious|im curious|i am curious|"
    "i wonder what|i wonder how|i wonder why|i wonder where|i wonder which|i wonder who|i wonder whether|"
    "i wonder if|i wonder about what|i wonder about how|i wonder about why|i wonder about where|"
    "i wonder about which|i wonder about who|i'm wondering what|i'm wondering how|i'm wondering why|"
    "i'm wondering where|i'm wondering which|i'm wondering who|i'm wondering whether|i'm wondering if|"
    "i'm wondering about what|i'm wondering about how|i'm wondering about why|i'm wondering about where|"
    "i'm wondering about which|i'm wondering about who|im wondering what|im wondering how|im wondering why|"
    "im wondering where|im wondering which|im wondering who|im wondering whether|im wondering if|"
    "im wondering about what|im wondering about how|im wondering about why|im wondering about where|"
    "im wondering about which|im wondering about who|"
    "i was wondering what|i was wondering how|i'd like to understand|"
    "i'd love to understand|i want to understand|i'd like to know|i'd love to know|i'm interested in|"
    "curious what|curious how|curious why|curious where|curious about|curious to hear|curious to know|interested to hear|"
    "interested to know|interested in hearing|keen to hear|keen to know|keen to understand|would love to hear|love to hear|"
    "i'm interested to|i'd be interested|help me get my head around|help me out here with|"
    'talk to me about|talk about|say a bit more|say a little more|tell me a bit|tell me a little|'
    "give me your take|give me your view|give me your thoughts|your thoughts|thoughts\\b|let's hear|"
    'lay it out|lay out|give me the backstory|give me the lowdown|give me the rundown|'
    "give me the full picture|spill|i would welcome|i'd welcome|id welcome|id love to hear|"
    "id like to hear|id love to know|humour me|humor me|i'd be curious|id be curious"
)

IMPERATIVE_VERB = (
    "send|call|ring|phone|email|e-mail|text|message|try|make sure|make certain|ensure|don't|do not|dont|"
    "counter with|brief your|brief them|break it into|break it down|bundle|anchor on|reuse|group your|lock in|"
    'never|always|stop|quit|go|get|book|ask them|ask him|ask her|ask for|ask the|focus|start|keep|'
    'be more|be less|be firm|be clear|be honest with them|put|use|bring|check|follow up|follow-up|chase|'
    'push|offer|qualify|prepare|prep|write|set|tell them|tell him|tell her|tell the|remember|think about|'
    'consider|pick up|reach out|drop|ditch|cut|lead with|block|ask your|ask whether|ask if|ask about|'
    'ask what|ask when|ask who|run|run it|run the|do the|do your|do a|do an|do some|do more|do less|'
    'do it|do that|do this|quote|price|schedule|plan|prioritise|prioritize|escalate|loop in|cc|copy in|'
    'add|update|log|record|practise|practice|rehearse|role-play|roleplay|shadow|listen to|read|watch|'
    'study|learn|spend|find|pull|build|map|list|note|jot|draft|rewrite|redo|fix|change|switch|move|slow|'
    'speed|shorten|lengthen|trim|open with|close with|close|negotiate|discount|hold|stick|stay|avoid|'
    'skip|forget|ignore|accept|admit|apologise|apologize|own|take|give them|give him|be honest|'
    'be upfront|be open|be direct|be careful|be specific|be patient|be confident|be bold|be brave|'
    'be prepared|be ready|be straight|be firm|be clear|be more|be less|give her|show them|show him|'
    'show her|mention|raise|flag|talk to|speak to|speak with|have a word|have a chat|sit down with|meet|'
    'arrange|organise|organize|sort|handle|deal with|double-check|triple-check|aim|target|go back|'
    'get back|circle back|touch base|nudge|remind them|invite|involve|include|bring in|work on|work out|'
    'figure out|look at|look into|look for|research|dig into|google|test|pilot|experiment|trust|believe|'
    'relax|calm|chill|breathe|man up|toughen|grow|step up|pull your|lift your|sharpen|tighten|clean up|'
    'tidy|reset|restart|rethink|reconsider|re-engage|engage|leverage|use the|pitch|present|demo|record|'
    'prospect|cold call|cold-call|knock|visit|drop by|pop|swing by|wait|give it|let them|let it|let him|'
    'let her|make|hit|bump|pester|badger|loop|forward|resend|re-send|attach|include|share the|share your|'
    'post|publish|join|sign up|enrol|enroll|register|buddy up|pair up|team up|partner|delegate|outsource|'
    "hand|pass|cc'd|bcc|chuck|bin|scrap|kill|walk away|move on|let go|stop worrying|quit worrying|lower|"
    'raise your|increase|decrease|double|halve|reduce|boost|grow your|fill|clear|empty|count|track|'
    'measure|review|re-read|proofread|sense-check|gut-check|go through'
)

FEELING_WORDS = (
    'running out of patience|out of patience|bothering you|took it out of you|weighing up|'
    'kicking yourself|beating yourself up|'
    'gutting|worries|scary|frighten\\w*|terrif\\w*|feel good|feel bad|feels good|feels bad|feel better|'
    'feel worse|devastating|heartbreaking|soul-destroying|crushing|galling|out of reach|horrible|exhausting|'
    'demoralising|demoralizing|trips you up|wearing you down|wear you down|wears you down|grinding|'
    'frustrat\\w*|annoy\\w*|angry|upset|fed up|gutted|stressed|stress|worried|worry|anxious|nervous|scared|'
    'afraid|fear\\w*|disappoint\\w*|embarrass\\w*|overwhelm\\w*|exhaust\\w*|tired|drained|burn\\w* out|stuck|'
    'lost|alone|unsupported|let down|unfair|unappreciated|undervalued|sad|hurt|discourag\\w*|demotivat\\w*|'
    'deflat\\w*|confus\\w*|unsure|uncertain|torn|conflicted|ambivalent|excit\\w*|proud|pleased|happy|'
    'relieved|confident|hopeful|keen|eager|motivat\\w*|under pressure|pressure|a lot on|a lot going on|'
    "a lot to deal with|a lot to take in|a lot to carry|a lot for you|been a lot|it's a lot|that's a lot|tough|hard|difficult|"
    'rough|painful|grind|mess|uphill|hopeless|helpless|powerless|out of your control|out of your hands|'
    'left out|blamed|singled out|picked on|judged|criticised|criticized|defensive|sick of|tired of|'
    'done with|had enough|over it|cheesed off|hacked off|brassed off|knackered|shattered|miffed|peeved|'
    'pissed off|wound up|on edge|rattled|shaken|knocked|bruised|sting\\w*|awkward|uncomfortable|resent\\w*|'
    'bitter|jaded|cynical|skeptical|sceptical|doubt\\w*|insecure|like a fraud|imposter|impostor|'
    "not a natural|not cut out|not good enough|isn't fair|not fair|matters to you|important to you|care about|"
    'cares about|value|values|means a lot|struggl\\w*|juggl\\w*|stretched|swamped|slammed|snowed under|'
    'drowning|buried|on your plate|weigh\\w* on you|bothering you|bugging you|eating at you|'
    'getting to you|wearing you|sting|knock to|blow to|ouch|oof'
)

TAKEOVER_VERB = (
    'call|ring|phone|email|e-mail|text|message|talk to|talk with|speak to|speak with|have a word|give them a ring|give them a call|give him a ring|give him a call|give her a ring|give her a call|'
    'give their [\\w-]+ a call|give their [\\w-]+ a ring|give the [\\w-]+ a call|give the [\\w-]+ a ring|'
    'have a quiet word|have words|chat with|sort|sort out|sort it|sort this|sort that|handle|deal with|'
    'fix|take|take over|take care|take it|take this|take that|take the|chase|chase up|escalate|write|'
    'draft|rewrite|redo|raise it|raise this|raise that|raise the|set up|book|reach out|contact|get on to|'
    'get onto|get hold of|get in touch|get on the phone|jump on|hop on|step in|own|cover|run the|run it|'
    'lead the|lead it|go to|go over|go and see|pop over|go direct|loop in|bring in|bring it up|'
    'bring this up|bring that up|pick up|pick it up|pick this up|pick that up|look after|take charge|'
    'manage it|manage the|manage that|manage this|smooth|fight|push back on|challenge|tackle|confront|'
    'negotiate|close it|close the|close that|finish|put together|pull together|send|forward|present|'
    'pitch|do the|do it|do that|do this|make the call|make that call|make the calls|get it|get that|'
    'get this|get them|get him|get her|fire|replace|reassign|move|give it|give the|hand it|pass it|'
    'put in a word|put a word in|put a call in|put in a call|ping|nudge|lean on|speak up|stand up|sit in|'
    'come to|join the|join you on|join that|join the call|join the meeting|front|carry|clean up|'
    'straighten|grab the|grab it|grab that|prepare|prep|build|rework|restructure|redesign|reprice|'
    'approve|sign off|authorise|authorize|override|overrule|intervene|step up|get involved|weigh in|'
    'try them|try him|try her|find out|look into it|look into that|do discovery|do the discovery|do your discovery|do the demo|'
    'do your demo|do the pitch|do the pricing|do the negotiation|do the close|do the closing|do the follow-up|do the follow up'
)

NEGATIVE_EVAL = (
    'sloppy|lazy|careless|unacceptable|not good enough|not acceptable|not on|poor|rubbish|useless|'
    'pathetic|hopeless|terrible|awful|shocking|appalling|disgraceful|embarrassing|amateur|amateurish|'
    'naive|stupid|silly|daft|dumb|ridiculous|lame|weak|sub-par|subpar|substandard|shoddy|sloppily|'
    'half-hearted|half-arsed|half-assed|lacklustre|lackluster|a mess|a joke|a shambles|a disaster|'
    'excuses|an excuse|just excuses|no excuse|a cop-out|a copout|whining|whinging|moaning|complaining|'
    'a cop out|careless|reckless|irresponsible|unprofessional|negligent|clueless|incompetent|'
    'disorganised|disorganized|lazy|a waste|wasteful|wrong|below par|below standard|below what i expect|'
    'not up to scratch|not up to standard|beneath you|sub standard|bad form|poor form|not great|'
    'not ideal|not your best|nowhere near|way off'
)

POSITIVE_EVAL = (
    'great|good|brilliant|excellent|fantastic|terrific|superb|outstanding|impressive|smart|clever|sharp|'
    'thoughtful|solid|strong|creative|bold|brave|courageous|gutsy|honest|candid|mature|professional|'
    'thorough|diligent|resourceful|inventive|innovative|insightful|wise|sensible|promising|encouraging|'
    'inspiring|admirable|commendable|valuable|useful|helpful|a great|a good|a brilliant|a smart|a clever|'
    'a strong|a solid|a bold|a brave|really good|really great|spot on|top notch|top-notch|first class|'
    'first-class|awesome|amazing|stellar|killer|ace|cracking|class|quality|nice|lovely|wonderful|'
    'marvellous|fab|fabulous|neat|genius|legend'
)

AFFIRM_NOUN = (
    'effort|work|job|thinking|insight|idea|point|question|instinct|instincts|move|call|start|attitude|'
    'initiative|persistence|tenacity|honesty|candour|candor|commitment|dedication|preparation|prep|'
    'creativity|courage|resilience|grit|hustle|drive|energy|focus|discipline|progress|improvement|growth|'
    'ownership|self-awareness|reflection|analysis|plan|planning|approach|try|attempt|experiment|stuff|'
    'catch|spot|observation|question to ask|instinct there|result|results|win|wins|numbers|week|month|'
    'quarter|going|follow-through|follow through|listening|research|homework|notes|pitch|demo|'
    'presentation|proposal|effort there|work there|thing to do|thing to try|thing to say|thing to admit|'
    'step|decision|choice|risk|idea to try|experiment to run|shot'
)

ACTION_VERB = (
    'call|ring|phone|email|e-mail|text|send|offer|push|book|bring|ask|use|try|go|consider|think about|'
    'look at|drop|cut|lower|raise|follow up|chase|escalate|involve|loop|pick up|reach out|suggest|'
    'recommend|start|stop|focus|prioritise|prioritize|set up|get|give|put|move|schedule|arrange|invite|'
    'share|include|add|change|switch|reframe|propose|pitch|present|show|demo|run|lead with|open with|'
    'close with|shorten|simplify|tweak|rework|rewrite|redo|revisit|resend|spend|block|aim|target|batch|'
    'practise|practice|rehearse|role-play|ask for|go back|get back|circle back|touch base|nudge|remind|'
    'bump|discount|sweeten|bundle|extend|pilot|test|split|automate|delegate|pair|shadow|sit in|join|skip|'
    'ditch|swap|offer them|make|build|map|prepare|prep|draft|take|have|forward|cc|copy|loop|roleplay|save|park|'
    'record|film|script|qualify|rethink|reorder|ask about'
)

STRONG_IMPERATIVE = (
    'send|call|ring|phone|email|book|ask|go|get|put|pick|try|stop|start|forget|drop|build|use|bring|'
    'offer|push|focus|block|follow up|chase|write|make sure|take|tell them|tell him|tell her|give them|'
    'check|set|quote|price|pitch|demo|close|text|message|confirm|revert|double|triple|pop|stick|bung|'
    "chuck|step back|spend|lead with|keep|trade|never|don't|dont|always|do not|prioritise|prioritize|"
    'book in|pick up|reach out|practise|practice|run it|run the|sit down|talk to|speak to|loop in|cut|'
    'ditch|walk away|move on|log|update|qualify|prepare|prep|schedule|plan|list|note|map|review|test|aim|'
    'target|double down|slow down'
)

NEGATIVE_WORDS = (
    'sloppy|lazy|careless|unacceptable|rubbish|useless|pathetic|hopeless|terrible|awful|shocking|'
    'appalling|disgraceful|embarrassing|amateur|amateurish|naive|stupid|silly|daft|dumb|ridiculous|lame|'
    'weak|shoddy|half-hearted|half-arsed|half-assed|lacklustre|lackluster|mess|joke|shambles|disaster|'
    'excuses|excuse|whining|whinging|moaning|cop-out|copout|reckless|irresponsible|unprofessional|'
    'clueless|incompetent|disorganised|disorganized|arrogant|childish|rookie|liability|fiction|feeble|'
    'the worst rep|unimpressive|not impressive|attitude problem|broken record|walk all over|'
    'never going to work|spoon-feed|spoon feed|junk|garbage|crap|pants|dire|woeful|abysmal|lousy|sub-par|'
    'subpar|substandard|poor|not good enough|not on|unprepared|winged|winging it|cowboy|lucky|luck|fluke|'
    'kidding yourself|in denial|deluded|delusional|precious|sulking|sulk|drama|dramatic|pointless|'
    'a waste|wasted|blew it|blown it|dropped the ball|screwed up|messed up|cocked up|botched|fumbled|'
    'flop|fail|failed|failure|let me down|let us down|let the team down|stitch-up|ashamed|unreasonable|'
    "weak sauce|sorry excuse|not cutting it|isn't cutting it|not pulling your weight|your fault|"
    'your own fault|your problem|head in the sand|naivety|ignorant|laughable|nonsense|bs|bull|lies|'
    'fantasy|wishful thinking|dead weight|oversensitive|over-sensitive|coasting|hiding|rot|rotting|'
    "never listen|still can't|still cant|still don't|still dont|still haven't|still havent|still won't|"
    'never pulls|pulls her weight|pulls his weight|pull his weight|pull her weight|pulling his weight|'
    'pulling her weight|pulling their weight|your own worst enemy|worst enemy|always behind|'
    'falling behind|slacking|slacker|skiving|sloppiness|diva|classic you|typical|shocker|'
    'forget your head|one job|order-taker|order taker|not the standard|could of|a kid could|'
    'what an attitude|becoming a habit|making a habit|a habit with you|not your finest|not your best|'
    "eejits|eejit|idiots|idiot|muppets|muppet|shower of|whose fault|one's on you|that's on you|is on you|"
    'was on you|to save their lives|to save his life|to save her life|if their lives depended|'
    "hands down the worst|worst i've seen|the worst of them|gave up|given up|far too soft|way too soft|"
    'too soft|far too slow|way too slow|too passive|far too passive|got lazy|gone lazy|again and again|'
    'every single time|every time you|same old|same mistake|same excuse|no surprise|dropping the ball|'
    'drop the ball|pulled his weight|pulled her weight|pulled their weight|never pulled|kidding me|'
    "you're kidding|is nothing|are nothing|dodging|ducking it|bit rich|a bit rich|waste of|a scandal|"
    'scandalous|let you down badly|has let you down|have let you down|junior mistake|rookie mistake|'
    "schoolboy error|basic mistake|beginner's mistake|not working it|not putting the work in|"
    "not a great look|"
    "isn't a great look|not a good look|you're the reason|you are the reason|you just forgot|"
    "you forgot again|genius move|total muppet|an excuse|just an excuse|isn't good enough|"
    "isnt good enough|wasn't good enough|aren't good enough|everybody's fault|everyone's fault|"
    "except yours|passenger|piss-up|couldn't organise|couldnt organise|no favours|not exactly trying|"
    "sandbagging|isn't great|wasn't great|you'll struggle|you'd know if you|don't like it when it's you|late with your|seem to be new to you|"
    "no business agreeing|no business touching|no business doing|no business taking|forget a lot|way out of line|out of line|a monologue|knew were a stretch|finest hour|how do you not|timid|loser|again, i see|isn't your call|never a result|a disgrace|"
    "hilarious|really professional|great timing|there goes the|very proactive|always have a reason|"
    "with you, isn't it|could've fooled me|could have fooled me|half-heartedly|ducking|gone to pot|costing us|that's not okay|that is not okay|that's not ok|not enough work|double standard|copy-paste|copy and paste|"
    "time to moan|course you didn't|shouldn't need me to tell you|with you, isn't it|again with the|isn't handling it|didn't flag|"
    "unbelievable|new low|out of the air|mediocre|at best|is generous|lowest on the team|bottom of the board|bottom of the table|lapse|"
    "rather disappointing|find this disappointing|you beat yourself before|someone else to blame|shame you|poor judgement|poor judgment|"
    'not taking it seriously|not taking the deadline seriously|seriously enough|not persistent enough|on a plate|all your eggs|close themselves|a bit embarrassing|not how a senior|'
    "should be behaving|if you'd asked|says otherwise|say otherwise|could've told you|could have told you|"
    "entitled|lost your edge|outsold|outplayed|outmanoeuvred|outmaneuvered|rings round|rings around|"
    "like a victim|playing the victim|caved|you cave|you fold|you folded|vanity project|underprepared|under-prepared|"
    "defensive|complacent|slapdash|badly executed|badly done|got played|handed it to|talk too much|talked too much|"
    "possessed you|never you is it|never your fault|nobody forced you|no one forced you|and it showed|it showed|"
    "simple as that|plain and simple|not a good look|isn't a good look|bad look|gone cold on you|let it go cold|"
    "let them go cold|went cold on your watch|on your watch|asleep|sloppy|the worst thing you|"
    "complacency|complacent|basic error|poor account management|doesn't wash|does not wash|fell for|not good enough|"
    "that is not good|that's not good|too trusting|always rushing|never bothered|trained badly|caused a problem|"
    "got flustered|not taking it seriously|first sensible thing|hard to believe|blame me for|oldest line|"
    "that's not raising it|great strategy|painful to hear|leaning on|bad call|bad move|bad idea|bad decision|"
    "arrogance|rudeness|laziness|carelessness|"
    "not how a professional|not how professionals|not very professional|not what a professional|you did nothing|"
    "you've done nothing|you have done nothing|did nothing with it"
)

POSITIVE_WORDS = (
    "some of the best|the best on the team|better than most|a lot of people wouldn't|that's a good thing|i value that|real strength|which is very you|rave about you|that's not nothing|all yours|grown-up way|"
    "dedication|love the commitment|reliable as always|what the best people do|takes nerve|took nerve|earned that|that matters to me|love that|maturity|investing in yourself|real achievement|"
    "than anyone|haven't lost your touch|not lost your touch|"
    "proper plan|realistic plan|solid plan|good plan|that's commitment|real work|i respect that|leader's instinct|i saw that|would kill for|"
    "not everyone is|not everyone does|not everyone would|that's rare|than most|not afraid to|kept showing up|keep showing up|"
    'serious hours|track record|one of the best|really shows|calmly|worked that one hard|worked it hard|'
    "plenty would've given up|plenty would have given up|on the chin|best on the team|best in the team|"
    'good|great|impressive|rare|professional|honest|honesty|candid|brave|courage|courageous|consistent|'
    'cleanest|spotless|immaculate|sharpest|clear-eyed|clear eyed|useful distinction|came prepared|proper work|right instinct|'
    'most people don\'t bother|most people dont bother|most people wouldn\'t bother|'
    'persistent|persistence|discipline|disciplined|loyal|grown|grew|improved|improving|learned|learnt|'
    "care|cares|cared|caring|counts for a lot|come on a lot|came on a lot|everything you said you'd|"
    'everything you said youd|thought it through|done some homework|done your homework|hold yourself to|'
    "high standard|wasn't easy to say|wasnt easy to say|turned up with a plan|numbers ready|it shows you|"
    'committed|commitment|effort|graft|hard yards|paid off|refreshing|says a lot|more than most|head up|'
    "didn't give up|didnt give up|never gave up|didn't let|didnt let|went for it|protected|built|"
    'reputation|patient|patience|well-planned|well planned|prepared|perpared|strength|strengths|'
    'seriously|properly|skill|skilled|talent|talented|instinct|instincts|curiosity|curious|initiative|'
    'creative|creativity|resourceful|resilient|resilience|determined|dedicated|dedication|thorough|'
    'focused|organised|organized|reliable|trusted|respected|valued|exactly the kind|inside out|'
    'takes the craft|right by|never once|kept going|kept at|stuck at it|stuck at|kept your|stuck with|stayed|pushed hard|'
    'worked hard|work hard|put in the work|put in the hours|in no time|fast learner|natural|gift|knack|'
    'credit|hustle|grit|guts|nerve|bold|smart|sharp|impressive|thoughtful|mature|insightful|wise|'
    'brilliant|excellent|fantastic|superb|outstanding|admirable|respect|integrity|self-aware|self aware|'
    'self-awareness|owning|ownership|took responsibility|stepped up|generous|helpful|supportive|solid|'
    'rigour|rigor|careful|diligent|diligence|meticulous|tenacious|tenacity|energy|passion|passionate|'
    'enthusiasm|enthusiastic|driven|ambitious|ambition|expertise|know your stuff|knows your stuff|'
    'know their stuff|done the work|did the work|doing the work|did your homework|done your homework|'
    'the right thing|right call|great call|good call|right instinct|good instinct|great instinct|sound instinct|no accident|'
    'courage|willing|willingness|open to|open-minded|'
    'open minded|humble|humility|progress|growth|growing|better and better|came a long way|'
    'come a long way|nailed|smashed|crushed|killed it|by accident|no mean feat|no small feat|'
    "no small thing|isn't wasted|not wasted|means a lot|grafting|grafter|top effort|miles ahead|"
    'ahead of most|the kind of rep who|the kind of person who|owns the outcome|giving this everything|'
    'put the hours in|takes courage|took some nerve|took nerve|fair dos|i value|value that you|'
    "the fact you're asking|discipline shows|exactly what i want to see|you care about|calculated risk|"
    'learned something|learnt something|still got it over the line|over the line|could have gone quiet|'
    "could've gone quiet|and you didn't|but you didn't"
)


#: Words too common to tell two lines apart, left out when replies, lines and facts are compared.
# Life outside work, asked about: small talk, whatever the question's form.
SMALL_TALK_TOPICS = (
    'wedding|barbecue|bbq|birthday|ceilidh|half term|coffee machine|living now|moved in|moved house|moved out|'
    'see the (?:\\w+ )?game|watch the (?:\\w+ )?game|catch the (?:\\w+ )?game|see the (?:\\w+ )?match|watch the (?:\\w+ )?match|'
    'catch the (?:\\w+ )?match|the (?:\\w+ )?game last night|the (?:\\w+ )?match last night|the (?:\\w+ )?game at the weekend|'
    'the (?:\\w+ )?match at the weekend|the match|the game(?! plan)|the rugby|the football|the cricket|the tennis|the golf|'
    'round of golf|commute|the gym|the trip|new house|new flat|new place|new car|new puppy|new dog|'
    'conservatory|the builders|half marathon|your holiday|your vacation|ski trip'
)

# Words ending in -ing that name a thing or a team, not a doing ("marketing dropped the ball").
ING_NOUNS = (
    'marketing|pricing|training|engineering|accounting|purchasing|invoicing|onboarding|licensing|billing|shipping|'
    'recruiting|funding|something|anything|nothing|everything|morning|evening|meeting|timing|ordering|building|'
    'housing|catering|banking|consulting'
)

NOT_CONTENT = frozenset(
    "the and but for with from that this these those what when where which who whom whose how why was were are "
    "have has had been being will would could should can may might just really very about into onto over your "
    "you you're you've yours they them their there then than some any all one not don't didn't doesn't dont "
    "didnt it's its that's i'm i've i'll yeah okay well like know think get got going want thing things lot bit "
    "kind sort mean said say also too even still much many more most did does doing done here our tell".split())
_CONTENT_WORD = re.compile(r"[a-z][a-z'’]{2,}")


def content_stems(text: str) -> set[str]:
    """The content words of ``text``, lower case, with common endings cut ("calls", "called",
    "calling" -> "call"): how a reply is compared with the line it answers or a fact's words."""
    found = set()
    for word in _CONTENT_WORD.findall(text.lower().replace("’", "'")):
        if word in NOT_CONTENT:
            continue
        for ending in ("ing", "ed", "es", "s", "ly"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        found.add(word)
    return found
