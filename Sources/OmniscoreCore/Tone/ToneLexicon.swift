/// The built-in English lexicons of the tone model, compiled into the same matcher as the rubric's phrases.
///
/// The politeness categories follow the strategies of Danescu-Niculescu-Mizil et al., "A computational approach
/// to politeness" (ACL 2013): gratitude, apology, "please", greetings, counterfactual modals ("could you"),
/// hedges and deference raise perceived politeness; direct commands, second-person openings and confrontation
/// lower it. The frustration categories are the markers support teams watch for: anger words, repetition
/// ("third time", "still"), distress, profanity, threats. A rubric's voice guide adds the company's own terms.
enum ToneLexicon {
    enum Category: Int, CaseIterable, Sendable {
        case gratitude
        case apology
        case please
        case greeting
        case softener
        case modal
        case hedge
        case regard
        case empathy
        case ownership
        case condescension
        case profanity
        case insult
        case imperative
        case demand
        case dismissal
        case slang
        case anger
        case repetition
        case distress
        case threat
        case escalationRequest
        case positive
        case sarcasm
        /// "No." opening a reply.
        case bluntNo
        /// Irony and sarcasm aimed at the customer ("sure, because the e-mail was so hard to find").
        case irony
        /// Praise that is sarcastic only in a negative context ("Oh great, another delay" but not "Oh lovely.
        /// Will they need a signature?").
        case ironicPraise
        /// Blaming or lecturing the customer ("if you'd read the terms", "that one's on you"), however politely put.
        case blame
        /// Pushing the blame onto a third party or "the system" ("that's the courier's fault").
        case deflection
        /// Owning the company's mistake ("that's our mistake", "we got this wrong").
        case admission
        /// Reassuring an anxious customer ("your money is safe", "don't worry, I'll make sure").
        case reassurance
        /// A customer pressing for speed ("asap", "I need it fixed immediately").
        case impatience
        /// The company cannot or will not do what was asked ("unfortunately", "fully booked").
        case refusal
        /// The request is done or settled ("you're all set", "has been booked").
        case resolution
        /// Automated acknowledgements ("this is an automated reply", "we aim to respond within 24 hours").
        case autoReply
        /// A time commitment ("within 3 working days", "by Friday", "tomorrow morning").
        case timeWindow
        /// A bot failing to understand or steering back to its menu ("Sorry, I didn't get that").
        case botFallback
        /// Asking for a person instead of a bot ("I'd rather talk to a real human being", "is there a living soul").
        case humanRequest
    }

    /// Phrases per category, in `PhraseSyntax`.
    static func phrases(_ category: Category) -> [String] {
        switch category {
        case .gratitude:
            return [
                "thank*", "thanks", "thx", "ty", "appreciate*", "grateful", "cheers", "much obliged",
            ]
        case .apology:
            return [
                "sorry", "apologi*", "apologis*", "my apologies", "(i|we) regret", "forgive (me|us)", "pardon",
                "excuse me", "my bad", "my mistake", "our mistake", "(that|this) (is|was) (on us|our fault)",
            ]
        case .please:
            return ["please", "pls", "plz", "kindly"]
        case .greeting:
            return [
                "hi", "hello", "hey", "hiya", "good (morning|afternoon|evening|day)", "dear", "welcome",
                "greetings", "howdy",
            ]
        case .softener:
            return [
                "(could|would) you", "would you mind", "if you (could|would|can)", "would it be possible",
                "if possible", "when you (get|have) a (chance|moment)", "do you mind", "if you dont mind",
                "if thats (ok|okay|alright)", "(may|might) i (ask|suggest)", "would you like", "(may|can) i ask",
            ]
        case .modal:
            return ["(can|will) you"]
        case .hedge:
            return [
                "perhaps", "maybe", "possibly", "might", "i think", "i believe", "it (seems|appears|looks like)",
                "(i|id) (suggest|recommend)", "i would (suggest|recommend)", "probably", "a (bit|little)",
                "slightly", "somewhat", "i (wonder|was wondering)", "hopefully", "just to (check|confirm)",
            ]
        case .regard:
            return [
                "great question", "good question", "(youre|you are) (right|correct)", "absolutely", "of course",
                "certainly", "(happy|glad|pleased|delighted) to (help|assist)", "my pleasure", "no problem",
                "(id|i would|ill|i will) be (happy|glad|delighted)", "no worries", "(great|good|lovely) to hear",
                "fair (point|enough)", "thats (great|wonderful|good news)", "youre welcome", "you are welcome",
                "rest assured",
            ]
        case .empathy:
            return [
                "i (completely|totally|fully)? understand", "i can (understand|imagine|see)",
                "(i|we) understand (how|why|that|your)", "i can see (why|how)", "(that|this) must (be|have been)",
                "i hear you", "sorry to hear", "(sorry|apologies) (for|about) (the|this|that|any) (trouble|inconvenience|frustration|delay|wait|hassle|confusion|experience)",
                "i know how", "(thank you|thanks) for (your|bearing|being) (patience|patient|with)",
                "i appreciate (your|the) (patience|frustration)", "(completely|totally) understandable",
                "understandably", "frustrating for you", "i (really )?feel for you", "(you have|youve) every right",
                "i (would|d) feel the same", "im so sorry", "i am so sorry", "sorry for your loss",
                "that sounds (really|very)? (difficult|hard|frustrating|stressful|upsetting|awful)",
                "i can only imagine", "take your time", "(here|there) for you",
            ]
        case .ownership:
            return [
                "let me", "(ill|i will) (sort|take care|look|check|make sure|get|personally|arrange|fix|follow)",
                "ive (gone ahead|arranged|processed|sorted|issued|escalated|raised)", "ill get (this|that|it)",
                "leave it with me",
            ]
        case .condescension:
            return [
                "calm down", "(as|like) i (already)? (said|told you|explained|mentioned)",
                "i (already|just) (said|told you|explained)", "(you should|you shouldve|you should have) (read|checked|known|looked)",
                "obviously", "clearly you", "(thats|that is|its|it is) not my (problem|fault|job|department)",
                "not my (problem|fault|job)", "(not|isnt) our (problem|fault)", "whatever",
                "read the (faq|terms|website|policy|manual|instructions)", "did you (even|not) (read|check|look|try)",
                "you need to understand", "i dont know what (else)? you want", "(theres|there is) nothing (more|else)? i can do",
                "deal with it", "(thats|that is|its|it is|its all) (your|ur) (own)? (fault|problem)", "your own (fault|problem)", "you people", "if you had (read|checked|listened)",
                "you (failed|forgot) to", "you didnt (read|check|follow)", "(thats|that is) (just)? how it is",
                "take it or leave it", "as (stated|explained|mentioned) (before|previously|above)", "for the (last|third|second) time",
                "not sure what (you expect|you want)", "do you understand", "listen to me", "stop (shouting|yelling)",
                "its (really)? not (that)? (hard|difficult)", "(simple|basic) (stuff|thing)",
            ]
        case .profanity:
            return [
                "fuck*", "shit*", "bullshit", "crap", "crappy", "damn*", "bloody", "bollocks",
                "ass", "asshole", "arse*", "bastard*", "bitch*", "wtf", "stfu", "piss*", "screw (you|this|that)",
                "goddamn*", "dick*", "prick", "wanker*", "hell no", "what the hell", "bs",
            ]
        case .insult:
            return [
                "idiot*", "stupid", "moron*", "dumb", "incompetent", "clown*", "useless (people|lot|company|idiots)",
                "pathetic", "clueless", "muppet*", "imbecile*", "numpty", "thick",
                "(you|youre|you are|your) (an|a)? (idiot|moron|joke|clown|fool|muppet|useless|incompetent|stupid|dumb|pathetic)", "(dumb|stupid|useless) (bot|machine|computer|robot|system|app|website|service)",
            ]
        case .imperative:
            return [
                "send", "give", "provide", "wait", "check", "read", "call", "fill", "stop", "listen", "look",
                "calm", "go", "try", "tell", "follow", "contact", "submit", "enter", "click", "resend", "reply",
                "answer", "confirm", "hold", "return", "email", "log", "restart",
            ]
        case .demand:
            return [
                "you (need|have|must|will need|will have) to", "you (must|should) (not)?", "youll (need|have) to",
                "it is (mandatory|required) (that|to)", "you are required to", "i need you to",
            ]
        case .dismissal:
            return [
                "nothing (more|else)? (i|we) can do", "cant help (you|with that)", "(we|i) (dont|do not|cant|cannot) (do|call|chase|offer|accept) (that|those|couriers|refunds|exchanges)", "(not|no) possible", "no can do", "nope",
                "not (our|my) department", "thats all", "(its|it is) (company)? policy", "rules are rules",
                "(there is|theres) no way", "we (dont|do not|cannot|cant) do that", "i (cant|cannot) do anything",
            ]
        case .slang:
            return [
                "u", "ur", "pls", "plz", "thx", "gonna", "wanna", "gotta", "yeah", "yep", "yup", "nope", "lol",
                "np", "btw", "omg", "dunno", "k", "kk", "cuz", "coz", "ya", "tho", "imo", "tbh", "lmk", "idk", "rn",
                "bc", "aight", "sup", "ttyl", "brb", "lemme", "gimme", "gotcha", "ain*",
            ]
        case .anger:
            return [
                "ridiculous", "unacceptable", "fed up", "sick (of|and tired)", "waste of (my)? time", "useless",
                "(a|an absolute|a complete|a total) joke", "disgrace*", "disgusting", "appalling", "(the)? worst",
                "never again", "how hard can it be", "(are you|you are|youre) (kidding|joking|serious)",
                "unbelievable", "incompetent", "pathetic", "terrible", "horrible", "awful", "furious", "angry",
                "annoyed", "annoying", "frustrat*", "upset", "livid", "(not|never) (happy|good enough|acceptable)",
                "outrageous", "shocking", "shambles", "nonsense", "seriously", "absurd", "beyond a joke",
                "lost (my)? patience", "had enough", "fuming", "(what a|this is a) (mess|farce|nightmare)", "rubbish",
                "(no|zero) (help|use)", "nobody (cares|helps|answers)", "not (very|at all|remotely|particularly)? helpful",
                "(im|i am) not (happy|impressed|satisfied|accepting|paying|having)", "not accepting", "(no|not a|not one) (word|email|reply|call|response|apology|update)",
                "(still|yet)? (no|nothing) (refund|reply|response|answer|update|news|word)", "(beyond|so|really|very|extremely|incredibly) (frustrated|annoyed|angry|disappointed)",
                "(i have|ive) had (enough|it)", "(its|it is|it has been|its been) (weeks|days|ages|forever|months)", "for (weeks|days|ages|months)",
                "(how|why) (does|is|has) (it|this) (take|taking|taken) so long", "waste of", "(this|that) is a joke", "disappoint*", "let down",
                "(fed|sick) up", "again and again", "is that it", "(are|is) you (serious|joking)", "(im|i am) (done|finished) with", "ignored",
                "scam", "robbery", "daylight robbery", "rip off", "ripped off", "cowboys", "laughable",
                "hopeless", "fiasco", "clown show", "pointless", "(still|yet) (nothing|no reply|no response|no refund|no answer)",
                "(dont|do not) bother", "forget it", "never mind",
                "suit yourself", "(right|fine|ok|okay) whatever", "whatever",
                "(so|and) (we|i) (just|have to|are supposed to|re supposed to|should|will just) (hang around|wait around|sit around|wander around|sit here|stand here|wait here|sit in|sit on)", "(nowhere|no where) to (go|sit|wait|stay)", "(at least|not even) (a|an|one)",
                "not even this time",
                "(cant|can not|cannot|why cant|why can not|why wont|why will not|why dont|why do not) you (just|even|simply)?", "(its|it is|thats|that is|isnt that|isnt it) your job", "(do|doing) your job",
                "you must be (joking|kidding|stupid|mad|new)", "get lost", "(oh)? my god",
                "for (gods|heavens|petes|christs|goodness) sake", "(are you|you) (stupid|deaf|blind|useless|listening|even listening)", "(i|i d|id) (guess|suppose) not",
                "what else (can|could|do|am|is)", "(what|why) (the heck|on earth|in the world)", "(seriously|honestly) (though|now)?",
                "(that|this) (makes|make) no sense", "(not|hardly) (fair|right|ok|okay)", "what (kind|sort) of (service|company|place|help|answer|hotel|bank|airline)",
                "(useless|pointless|worthless|ridiculous|unbelievable)", "(i give up|give up)", "(so|really|very|extremely) (annoying|irritating|frustrating|disappointing|inconvenient)",
                "(very|so|really|totally|completely|most|extremely)? unhelpful", "(this|that|it|you|the (bot|app|system|thing)) (is|are|s)? (busted|broken|rubbish|garbage|trash)", "(thats|that is|this is|that was|you are|youre|youve been) (not|no) (help|helpful|use)",
                "(that|it|this) (doesnt|does not|didnt|did not) help", "not what i (asked|wanted|said|meant|ordered|requested)", "(i|we) (did|had|have) (ask|asked|say|said|request|requested) (for)?",
                "you gave me (the|a)? (wrong|incorrect|different)", "(wrong|incorrect) (answer|information|info|day|date|time|details|address|place)", "(thanks|thank you) (anyway|for trying|for nothing|i guess)",
                "(oh well|never mind|nevermind|forget about it|dont worry about it)", "(ill|i will|i ll|have to|going to|gonna|may as well|might as well) (look|go|shop|try|book|take it) elsewhere", "(im|i am|were|we are) (too old|getting too old|not doing this|done with this)",
                "(why|how come) (do|did|does|is|are|cant|can not|cannot|wont|would|should|didnt|did not|havent|hasnt|isnt|arent|not|is it|do you|did you|would you)", "(what|why) (now|again)", "(seriously|really)",
                "(it|you|they|this|that) (had|d) better", "(taken|taking|took|booked|lost) * (days|day|time|shifts|shift|holiday) off",
            ]
        case .repetition:
            return [
                "(second|third|fourth|fifth|2nd|3rd|4th|5th) time", "again", "(yet|once) again",
                "already (told|said|explained|gave|sent|called|emailed|contacted|asked)", "(keep|kept) (asking|telling|getting|being)",
                "every (single)? time", "(weeks|days|months|hours) (ago|now|later)", "over and over", "how many times",
                "(called|emailed|written|contacted|chased|messaged) (you)? (three|four|five|several|multiple|many|3|4|5) times",
                "still (waiting|nothing|not)", "(no one|nobody) (has)? (got|gotten|come) back",
                "chasing", "(thats|that is|its|it is) (exactly)? what (i was|you|they|someone|your colleague) (told|said|promised) (me)? (last|on|yesterday|before|already|previously|the last time)?", "(i was|ive been|i have been|we were|weve been) (told|promised) (that|this|the same)? (before|last|already|twice|three times|yesterday|previously)",
                                "(as|like) i (said|told you|mentioned|explained|wrote)", "i (already|just) (said|told you|mentioned|explained|gave you|asked)", "i said",
                "(check|look|try) again", "(how many|how many more) times", "(for|said it) (the|a) (second|third|last|2nd|3rd) time",
                "(didnt|did not|dont|do not) you (hear|read|see|listen|get) (me|that|what)",
                "(the|a|my) (3rd|third|second|2nd|fourth|4th) (different|time|attempt|try|call|email|message)", "(still|yet again) (wrong|not|nothing|no)",
                "(second|third|fourth|fifth|2nd|3rd|4th|5th) (date|day|slot|delivery|attempt|appointment|email|call|message|different|engineer|visit)",
            ]
        case .distress:
            return [
                "worr*", "stress*", "anxi*", "panic*", "scare*", "terrif*", "upset*", "desperat*", "overwhelm*", "frighten*",
                "(havent|have not|cant|cannot|couldnt) (slept|sleep|sleeping)", "in a (bit of a)? state", "(dont|do not) know what (to do|im doing)",
                "(cant|cannot|can not) lose", "a lot of money", "(help|helping) me", "(i|im|i am) (so|really)? (lost|confused|struggling)",
                "(i|im|i am) (so|really|very)? (worried|scared|stressed|desperate|anxious|panicking|in tears)",
                "(cant|can not|cannot) cope", "at my wits end", "(crying|in tears)", "(i|we) (have|ve) no money",
                "(cant|cannot|can not) afford", "(please|pls) help", "desperate*", "struggling", "heartbroken",
                "(my|our) (husband|wife|partner|mother|mum|mom|father|dad|son|daughter) (passed away|died)",
                "(passed away|bereave*|funeral)", "(lost|losing) (my)? (job|home|house)", "(im|i am) (ill|sick|unwell|disabled)",
                "(mental health|depress*|suicid*|self harm)", "(domestic)? abuse", "(no|nothing) to eat", "overwhelmed",
                "(dont|do not|honestly dont) know how (im|i am|i m|i will|ill|we will|were|we are) (going to)? (pay|afford|manage|cope|get|find)", "(have|did|has) (i|we) (done|do) (something|anything) wrong", "(how|what) (am i|are we) (going to|supposed to|meant to) (do|pay|manage|cope|afford|live)",
            ]
        case .threat:
            return [
                "(my)? (lawyer|solicitor|attorney)", "(legal|court) action", "(take|taking) (you|this) to court",
                "sue", "sueing", "suing", "small claims", "ombudsman", "trading standards", "regulator",
                "(report|reporting) (you|this) to", "chargeback", "(close|closing|cancel|cancelling) my account",
                "(take|taking) my business elsewhere", "(leave|leaving) a (review|bad review)", "(post|posting) (this|it) (online|on)",
                "(go|going) to the (press|media|papers)", "(watchdog|bbb|better business bureau|fca|cfpb|consumer rights)",
            ]
        case .escalationRequest:
            return [
                "(speak|talk) (to|with) (a|your|the|someone|somebody)? (manager|supervisor|boss|senior|superior|team leader|human|person|real person)",
                "(get|put|transfer|escalate) (me)? (to)? (a|your|the)? (manager|supervisor|boss|someone senior|human|real person)",
                "(manager|supervisor) please", "(want|need|demand|insist on) (a|your|the|to speak to a) (manager|supervisor)",
                "escalate (this|it|my)", "someone (more)? senior", "(a|an actual|a real) (human|person)", "higher up",
                "(your|the) (manager|supervisor|superior|boss)",
                "(who|whos|who is) (in charge|responsible|running (this|the) (show|place|department))", "(who|whos|who is) (above|over) you",
                "(someone|somebody|anyone|anybody|a person) (who|that) (can|could|is able to|actually|knows|has the authority|is allowed|has authority|does)",
                "(someone|somebody|anyone|anybody) (with|who has) (more)? (authority|the power|power|clout|say)", "(someone|somebody|anyone|anybody) (else|higher|above you|more senior|in charge|competent)",
                "(pass|put|transfer|escalate|send|bump|kick|refer) (me|this|it|my (case|complaint|issue|query)) (up|through|on|higher|upstairs|to (someone|somebody|a) (senior|higher|else))",
                "(higher|further) up", "(up the|further up the) (chain|ladder|food chain)", "(above|over) your head", "(line manager|team lead|team leader|head of)",
                "(can|could|may) (you|i) (get|have|speak to|talk to|see) (your|a|the) (manager|supervisor|boss|senior|superior|team lead|team leader)",
                "(decision maker|someone who can decide|someone who can actually)", "(get|put) me (through)? to (someone|somebody)",
            ]
        case .sarcasm:
            return [
                "thanks for nothing", "cheers for nothing", "(im|i am) sure (they|you|it) (will|ll)", "yeah right", "what a (surprise|shock|shocker)", "as usual", "typical",
                "(big|massive|shock) surprise", "surprise surprise", "(oh|just|well) (great|wonderful|brilliant|perfect|fantastic|lovely|marvellous|super) * (another|again|more)",
                "(great|brilliant|wonderful|perfect|fantastic) (another|more) (delay|excuse|wait|problem|issue|email|form|bot|call)", "(love|loving) how (you|your|this|it)",
                "(thanks|thank you) (so much|a lot)? for (wasting|ruining|ignoring)", "(good|great) (to know|job) (that)? (nobody|no one|you (cant|dont|didnt))",
            ]
        case .bluntNo:
            return ["(no|nope|nah)"]
        case .irony:
            return [
                "(well|wow|oh) (thats|that is|thatd be) a first", "(thats|that is) a first", "(sure|right|yeah|oh yes|oh yeah) because",
                "because (that|it|this|the (email|e mail|link|button|page|form|website|app|label|number|tracking)) (is|was|are|were) (so|really|terribly|incredibly) (hard|difficult|complicated|tricky|well hidden|impossible)",
                "(so|really|terribly|incredibly) (hard|difficult|tricky) to (find|read|see|follow|understand|click|check|spot|miss|notice|locate)",
                "(im|i am) (sure|certain) (you|it) (did|have|were|do|would|had|was)", "of course you (did|have|were|do|had|would|didnt)",
                "what a (surprise|shock|shocker|coincidence)", "(big|huge|massive|shock) surprise", "surprise surprise", "(who|whod|who would) (have|ve) (thought|guessed)",
                "imagine that", "shocking i know", "(color|colour) me (surprised|shocked|amazed)", "funny (that|how) (you|it|this|everyone)",
                "(amazing|incredible|remarkable) how (you|some people|people|everyone)", "good luck with that", "nice try", "must be nice",
                "(not|hardly|never) (exactly)? rocket science", "(as if|yeah right|like that ever)", "what did you expect", "(here we go|there we go) again",
                "(bless|bless your) (you|heart)", "(slow|deep|big) breaths", "(thanks|thank you) (so much)? for (your|the) (amazing|detailed|helpful|brilliant|valuable) (insight|analysis|input|advice|feedback)",
                "(well|oh) (done|congratulations) (on|for) (finding|reading|noticing|working|figuring)", "(you|youve|you have) (finally|eventually) (found|read|noticed|managed|figured)",
                "(glad|nice|good) (to see|that) you (finally|eventually)", "(finally|eventually) (you|someone) (read|noticed|checked|found)", "(riveting|fascinating) (stuff|story)",
                "(thanks|thank you) for (enlightening|educating|teaching) (me|us)", "(i|we) (had|have) no idea", "(wow|gosh|goodness) (really|just wow)",
                "(clearly|obviously|evidently) (you|someone|somebody) (didnt|did not|havent|has not|hasnt|doesnt|does not|cant|cannot|never)",
                "(wow|oh|well|ah) * (great|brilliant|genius|smart|clever|nice|fantastic|excellent) (plan|idea|move|thinking|choice|decision|work)", "(shockingly|astonishingly|amazingly|believe it or not|would you believe|funnily enough|surprisingly enough) (yes|no|we|it|you|that)", "(becoming|turning into|getting to be|making (this|it)) a (lovely|nice|proper|regular|little|fine|real)? (little)? (tradition|habit|routine|ritual|regular thing|pattern)",
                "(yes|yep|yeah) we (still|really|actually) (fly|do|exist|sell|have|deliver|open)", "(in case you|if you) (were wondering|hadnt noticed|didnt know|missed it)", "(thanks|thank you) for (your|the) (patience|understanding) (with|while) (yourself|your own)",
                "(not|hardly) (the)? (sharpest|brightest)",
                "(who|whod) (could|would) (possibly|ever)? (have)? (seen|guessed|predicted|imagined|known|thought) (that|this|it)? (coming)?", "(never|didnt|did not) see that coming", "(cant|can not|cannot) say i blame (it|them|him|her|you)",
            ]
        case .ironicPraise:
            return [
                "(oh|just|well) (great|wonderful|brilliant|perfect|fantastic|lovely|marvellous|marvelous|super|terrific|splendid|fabulous|excellent)",
                "how (lovely|nice|wonderful|convenient|helpful|kind|thoughtful)", "(well|oh) done", "(great|excellent|fantastic|brilliant) (service|job|work) (guys|there|again)?",
                "(just)? what i (needed|wanted)", "(thanks|thank you) (so much|a lot|a bunch|loads)",
                "(great|brilliant|perfect|wonderful|fantastic|lovely|marvellous|marvelous|super|terrific|splendid|fabulous|excellent|amazing|awesome)",
            ]
        case .blame:
            return [
                "if you (had|d|would have|would've) (read|checked|looked|listened|followed|paid attention|bothered|kept|noticed|ordered|entered|filled)",
                "had you (read|checked|looked|listened|followed|paid attention|noticed|ordered)", "(you|youd|you would) (have|ve) (known|seen|noticed|found) (that|this|it)? if",
                "(thats|that is|this is|that one is|thats one) (on you|your (own)? (responsibility|fault|mistake|error|problem|doing))", "(its|it is|it was|it s) (on you|your (own)? (responsibility|fault|mistake|error|job|problem))",
                "your (own)? (mistake|error|fault|oversight|responsibility)", "(the)? (responsibility|onus) (is|was|lies|rests|falls) (on|with) (you|the customer|the account holder|the cardholder)",
                "(most|many|other|all our other) (people|customers|users|clients|members|guests|passengers) (manage|seem to manage|have no (trouble|problem|issue)|figure|find|understand|get it|dont have)",
                "(everyone|everybody) else (manages|seems|gets|understands|finds|can)", "(you|youve|you have|you had|you were) (failed|forgot|neglected|omitted) to",
                "(you|customer) (didnt|did not|never) (read|check|follow|look|bother|notice|see|fill|enter|select|tick|keep|provide|update|include|attach)",
                "you (should|shouldve|should have|ought to|were supposed to|were meant to|needed to|were required to|were asked to) (have|ve)? (read|check|checked|know|known|look|looked|follow|followed|kept|keep|noticed|notice|made sure|ensure|ensured|double checked|double check|confirmed|entered|provided|updated|contacted|called|told|informed)",
                "(as|which is) (clearly|plainly|explicitly|very clearly) (stated|explained|written|shown|set out|outlined|marked|mentioned|displayed|indicated)",
                "(clearly|plainly|explicitly) (stated|explained|written|shown|set out|outlined|marked|displayed|indicated) (in|on|at)",
                "(the|our) (terms|conditions|policy|t and cs|ts and cs|instructions|faq|website|page|email|e mail|confirmation|checkout) (you|which you|that you) (agreed|accepted|signed|read|received|were sent|confirmed)",
                "(which|that) you (agreed to|accepted|signed up to|consented to|acknowledged)", "you (agreed|accepted|consented|signed up) to (the|our|these) (terms|conditions|policy)",
                "(you were|you have been|youve been|you had been) (told|informed|advised|warned|notified|reminded|sent)", "(it|this|that) (was|is) (in|on) the (email|e mail|terms|confirmation|website|page|faq|letter|contract)",
                "(in|for) (future|the future|next time|future reference) (please)? (make sure|ensure|be sure|remember|read|check|double check|try|take care|pay attention|be more careful)",
                "next time (please)? (make sure|ensure|be sure|remember|read|check|double check|try to|take care|pay attention|be more careful|just)", "for future reference",
                "(i|we) (would|must|have to|need to|should)? (kindly|gently|politely)? (remind|point out to|draw your attention to) you", "(please|kindly) note that (you|the terms|our policy|it was|this was|as)",
                "(please|kindly) (take care|be careful|pay attention|be more careful) (to|when|next time|in future)", "(user|customer|operator) error",
                "(this|that|it) (could|would|might) have been avoided (if|had)", "(not|nothing) (that|so|very) (hard|difficult|complicated) (to|really)",
                "(its|it is|it s) (quite|really|very|pretty|so)? (simple|easy|straightforward|obvious) (really|if you|to (find|do|see|follow|understand|use|spot|read|fix|sort))", "(as|like) (i|we) (said|told you|explained|mentioned|pointed out|stated) (before|earlier|already|previously|twice|several times)",
                "(ive|i have|weve|we have) (already)? (explained|told you|said) (this|that|it)? (several|many|multiple|a few|three|two)? (times|twice|already|before)",
                "(i|we) (cant|cannot|can not) (explain|make) (it|this) (any)? (clearer|simpler|more clearly)", "(let me|ill|i will) (explain|say|spell) (it|this)? (again|slowly|one more time|more simply|once more)",
                "(to|again to) reiterate", "(once|yet) again (as|i|we|please)", "(per|as per) my (last|previous|earlier) (message|email|e mail|reply)",
                "(there is|theres) (really)? no (excuse|reason) (for|not)", "you (really)? (should|ought to) (know|have known|be aware)", "(everyone|everybody) knows",
                "(its|it is|thats|that is) common (sense|knowledge)", "(did|do) you (not|even) (read|check|look|see|try|notice|bother)",
                "(most|many|other|all our other|nearly all|the majority of|all other|plenty of) (people|customers|users|clients|members|guests|passengers|patients|drivers|account holders) (double check|check|read|remember|know|manage|seem|have no|figure|find|understand|get|dont|do not|are able|can|tend to|would|usually|normally|never)", "(its|it is|it s|its really|it really is|that is|thats) (really|entirely|ultimately|always|all|simply)? (up to|down to|on) (you|each|every|the) (patient|customer|member|user|cardholder|guest|passenger|account holder|person|driver)? (to)? (keep|check|make sure|remember|read|ensure|track|double check)", "(your|the customers|the patients|each patients|each customers|the account holders|the cardholders|the drivers) responsibility (to|is to)",
                "(thats|that is|thats exactly|that is exactly|thats precisely) what (the|our|a) * (there for|is for|are for|exists for|was for)", "(you|youd|you would) (need|have) to (be more careful|pay (more)? attention|read (more)? carefully|check (more)? carefully)", "(to be|to be perfectly) (honest|fair) (you|most people|it was|that was)",
                "(we|i) (did|do) (send|sent|email|emailed|text|texted|warn|warned|remind|reminded|tell|told) (you|a reminder|reminders)",
                "(people|customers|you|everyone|folks|members|patients|guests) (really)? (do)? (need|have|ought|should|must) to (read|check|know|understand|look at|pay attention|keep|remember)", "(which|that) (was|were|is|are) (sent|given|emailed|explained|provided|shown) to you", "to be fair (the|it|you|we|that|this)",
            ]
        case .deflection:
            return [
                "(thats|that is|its|it is|this is|it was|that was|this was) (the|a|an)? (courier|couriers|delivery company|delivery companys|carrier|carriers|bank|banks|manufacturer|manufacturers|supplier|suppliers|warehouse|warehouses|system|systems|other team|other department|third party|post office|airline|airlines|driver|drivers|network|provider|providers|partner|partners|merchant|merchants|royal mail|fedex|ups|dhl|dpd|usps|hermes|evri) (fault|problem|issue|responsibility|doing|mistake|error|side)",
                "(blame|fault of|down to|caused by) (the|your|our)? (courier|carrier|bank|system|warehouse|manufacturer|supplier|airline|post office|weather|driver|network|provider|third party|partner)",
                "(not|nothing) to do with us", "(not|isnt|wasnt) (our|my) (fault|problem|responsibility|doing|mistake|issue|department)", "(out of|beyond|outside) (our|my) (hands|control|remit)",
                "(we|i) (have|had|ve) no (control|say|influence) over", "(we are|were|we re|i am|im) not (responsible|liable|accountable) for",
                "(take|raise|take it up|sort it out|deal with it) (it|this|that)? (up)? (directly)? with (the|your) (courier|bank|manufacturer|carrier|supplier|airline|provider|card issuer|post office)",
                "(you will|youll|you would|you|youd) (need|have) to (contact|speak to|call|raise it with|take it up with|complain to|chase) (the|your) (courier|bank|manufacturer|carrier|supplier|airline|provider|card issuer|post office)",
                "(the|your) (courier|system|warehouse|bank|carrier|supplier|manufacturer|driver|post office|airline|provider) (must have|probably|clearly|obviously|messed|made a mistake|got it wrong|lost|is to blame|dropped the ball|screwed up)",
                "(must|might|may|could) have been (the|your) (courier|bank|system|post office|driver|carrier|warehouse|network)",
                "(you|you must|you may|you might|you probably|maybe you) (have)? (ordered|entered|typed|selected|picked|chosen|clicked|booked|put) (the|in the|a)? wrong",
                "(its|it is|it was|that was|thats) (a|an|just a)? (system|technical|computer|it) (error|glitch|issue|problem|thing)", "(the)? (system|computer) (did|does|decided|generated|flagged) (that|this|it)",
                "(these|such) things happen", "(it|this|that) (just)? happens (sometimes|occasionally|from time to time)?", "nothing (we|i) could (have)? (do|done)",
                "(we|i) (cant|cannot|can not) (control|be held responsible for)", "(we|i) (just|only) (pass|forward|follow)", "(im|i am|were|we are) (just|only) (the messenger|following (the)? (policy|process|rules))",
                "(our|the) (fulfilment|fulfillment|delivery|logistics|shipping|payment|payments|courier|warehouse|packing|booking|billing|third party|external|outsourced) (partner|partners|provider|providers|company|team|centre|center|contractor|contractors|processor|system|platform)s? (picked|packed|sent|made|got|charged|processed|messed|lost|did|caused|handles|handle|do|does|is responsible|are responsible)", "(they|the partner|the courier|the provider|the contractor) (do|does|handle|handles|manage|manages|run|runs) (all)? (the|our)? (packing|delivery|deliveries|payments|shipping|fulfilment|fulfillment|billing) (for us)?", "(your|the) (card provider|card issuer|bank|provider|network|carrier|payment provider) (processed|charged|took|sent|made|caused|duplicated|declined|blocked|debited|applied)",
                "(from|on) the (banks|bank|card providers|card issuers|providers|couriers|carriers|suppliers|partners|airlines) (side|end)", "rather than (ours|us|our side|our end|from us)", "(triggered|generated|done|caused|applied|made|sent|added|calculated|raised) (automatically)? by (the|our)? (system|computer|software|machine|algorithm)",
                "(wasnt|was not|isnt|is not) (anyone|anybody|someone|us|a person|a human) (here|in the team|on our side|at our end|who did)", "(nobody|no one) here (did|made|caused)",
                "(from|on|at) your (side|end)", "(you|your (bank|card|browser|phone|device|app)) (must|may|might) have (pressed|clicked|submitted|paid|entered|tapped|sent|done|typed)", "(submitted|sent|pressed|clicked|paid|entered|tapped) twice",
                "(the|our) (depot|hub|warehouse|lab|kitchen|restaurant|partner|store|branch|head office|supplier|courier) (handles|deals with|looks after|does|is responsible for|manages) (that|this|those|it)",
            ]
        case .admission:
            return [
                "(our|my) (mistake|error|fault|bad|oversight|mix up|mixup|screw up|slip up|blunder)", "(that|this|it) (is|was|s) (entirely|completely|totally|all|absolutely|definitely|fully)? (on us|on me|our fault|my fault|our mistake|my mistake|our error|down to us|our responsibility)",
                "(we|i) (got|have got|ve got|had) (this|that|it|your order|the order|your booking) (completely|totally)? wrong", "(we|i) (messed|mucked|slipped|screwed) up",
                "(we|i) (made|have made|ve made) (a|an) (mistake|error|blunder|mess)", "(we|i) (should|shouldve|should have|ought to have) (caught|checked|told|warned|sent|done|noticed|flagged|called)",
                "(that|this|it) (should|shouldnt|should not|never should) (have|ve)? (happened|been the case)", "(we|i) (let|have let|ve let) you down", "dropped the ball",
                "(we|i) (take|accept) (full|complete)? (responsibility|ownership|the blame)", "(we|i) (sent|charged|billed|shipped|delivered|gave|booked|cancelled|posted|quoted|applied|debited) (you)? (the|a)? (wrong|incorrect|twice|double)",
                "(we|i) (double|over) (charged|billed)", "(our|the) (system|team|warehouse|packing team|driver|engineer|website|app|staff|colleague|store|branch) (made|got|sent|charged|missed|failed|messed|caused|forgot|should)",
                "(fault|error|mistake|issue|problem) (is|was|lies) (ours|on our (side|end)|at our end|with us)", "on our (side|end)", "(not|wasnt|was not|isnt) (your|the customers) fault",
                "(you|youre|you are) (right|correct) (to|that) (complain|be (annoyed|upset|frustrated|angry)|we)", "(this|that) is (not|nt) (the standard|acceptable|good enough|okay|ok|what you should expect)",
                "(i|we) (completely|fully|totally)? (own|acknowledge) (this|that|the mistake|our mistake|the error)", "(our|the) apologies for (our|the) (error|mistake|mix up|oversight)",
                "(this|that) one (is|was|s) (on us|on me|our fault|my fault|our mistake|my mistake|our error|down to us)", "(we|i) (charged|billed|sent|shipped|debited|cancelled|booked|posted) (you)? (it|this|that)? (in error|by mistake|wrongly|incorrectly|by accident|twice)", "(you|youre|you are) (right|correct|quite right|absolutely right) (the|it|we|that|this)",
                "(that|this) ones on (us|me)", "(thats|that is|its|it is) (all)? on us",
            ]
        case .reassurance:
            return [
                "(dont|do not|no need to|theres no need to|there is no need to|try not to) (worry|panic|stress|fret|be (worried|concerned|alarmed|anxious))", "nothing to (worry|be worried) about",
                "(rest|be) assured", "(you are|youre|it is|its|everything is|everythings|all is|we are|were) in (good|safe|capable) hands",
                "your (money|account|card|funds|savings|data|details|booking|order|flight|seat|reservation|policy|payment|deposit|refund|appointment|place|cover|insurance|device|service|information) (is|are|will be|remains|remain|stays|stay) (completely|totally|perfectly|100 percent|fully)? (safe|secure|protected|fine|ok|okay|covered|unaffected|not affected|still valid|still there|intact|guaranteed|held|on hold)",
                "(you|youre|you are|youll be|you will be) (fully|completely|still)? (covered|protected|not liable|not responsible|not out of pocket|entitled|eligible|fine|okay|ok)",
                "(you will|youll|you wont|you will not) (not)? (lose|be charged|be out of pocket|miss out|be penalised|be penalized|be left|pay)",
                "(we|i) (will|ll|are going to|am going to|re going to) (make sure|ensure|see to it|take care of|look after|sort this|get this sorted|fix this|stay with you|keep you updated|keep an eye)",
                "(well|we will|ill|i will|lets) get (this|it|you|that|everything) (sorted|fixed|resolved|back on track|sorted out|taken care of)", "(ill|i will|well|we will) (personally)? (stay|be) with you",
                "(its|it is|everything is|everythings|this is|that is|thats|you are|youre|youll be|you will be) (going to be)? (fine|ok|okay|all right|alright|sorted|under control|taken care of|safe|in hand)",
                "(im|i am|were|we are) (here|right here) (to help|for you|with you)", "(i|we) (understand|know|can see|appreciate|realise|realize) (how|that|this|its|it is|it must be|why) (worrying|stressful|scary|frightening|upsetting|a worry|concerning|nerve wracking|urgent|important|a lot)",
                "(that|this|it) (must be|sounds|is) (really|so|very)? (worrying|stressful|scary|frightening|a worry|nerve wracking|unsettling|alarming)", "(good|great) news",
                "(completely|totally|perfectly|very) (normal|understandable|common|natural)", "(you did|youve done|you have done) (exactly)? the right thing", "(one|another) less thing to worry about",
                "(to|let me|i can|i want to|just to) reassure", "peace of mind", "(take|have) (a|your|all the) (moment|breath|time you need)",
                "(we ve|weve|we have|ive|i have) (already)? (frozen|blocked|secured|protected|locked|stopped|cancelled|put a hold on) (your|the) (account|card|payment|transaction)",
                "(you|we) (have|ve|still have) (plenty of|enough|lots of) time", "(wont|will not|shouldnt|should not) (affect|impact|change|harm) (your|the)", "no (harm|damage) (done|will)",
                "(i|we) (promise|guarantee)", "(im|i am|were|we are) (on it|on the case|looking after this)", "(first|top) priority",
                "(you|you ve|youve|you have) (not|havent|have not|didnt|did not) (done|do) anything wrong", "(nothing|none of this|this isnt|this is not|its not|it is not|it isnt) (is)? your fault", "(no need|theres no need|there is no need|dont need) to (worry|panic|apologise|apologize|pay (it|that|this) (now|all|today)|feel bad)",
                "(we can|ill|i will|well|we will|happy to) (split|spread|break|pause|freeze|defer|hold) (it|that|this|the (bill|payment|balance|amount))", "(happy|glad) to (help|sort|look into) (this|that|it)", "(it|thats|that is|this is) (easily|quickly|simple to|straightforward to)? (fixed|sorted|solved|resolved|put right)",
            ]
        case .impatience:
            return [
                "asap", "as soon as (possible|you can)", "(right|straight) (now|away)", "immediately", "urgent*", "hurry (up)?", "(how|exactly how) (much)? long (will|does|is|do|am|are|should|has|have)",
                "(any|some) time (soon|today|this (week|year|century))", "(i|we) (need|needed|want|must have) (it|this|them|that|one) (now|today|fixed|sorted|done|back)",
                "(come|cmon|c mon) on", "(why|how) is (it|this|that|everything) taking", "(been|am|im|was) waiting (for)? (ages|hours|days|weeks|forever|so long|too long|all day)",
                "(no|running out of|lost (my)?) (time|patience)", "(im|i am) (in a)? (rush|hurry)", "(just)? get on with it", "(what is|whats) taking so long", "(quicker|faster) (please)?",
                "(cant|can not|cannot) wait (any longer|all day|forever)", "(today|now) (please|pls|plz)", "(dying|freezing|starving|melting) (here|over here)",
                "waiting (for)? (over|nearly|almost|more than)? * (days|weeks|months|hours|minutes)", "(two|three|four|five|six|several|2|3|4|5|6) (weeks|days|months|hours) (now|already|for this)",
                "(quickly|quick|fast|faster|speed (this|it) up|chop chop)", "(hurry|rush) (it|this|up|please)?", "(now|today) (please|pls|plz|thanks)",
                "(im|i am|were|we are) (late|running late|in a rush|short on time)",
                "finally", "(at|about) (last|time)", "took (you)? (long enough|forever|ages)",
            ]
        case .refusal:
            return [
                "unfortunately", "(im|i am|were|we are) (afraid|sorry) (but)? (we|i|that|there|it|this) (cant|cannot|can not|dont|do not|wont|will not|is no|are no|isnt|arent|wasnt|couldnt|could not)",
                "(is|are|was|were) (not|no longer|currently not) (available|possible|in stock|covered|eligible|refundable|supported|an option)", "(no|not any) (rooms|availability|slots|seats|tables|appointments|spaces|places|stock|options|way)",
                "(fully|completely) booked", "sold out", "(could|can|cannot|cant|was|were) (not|unable to)? (be)? (processed|completed|approved|found|booked|done|accepted)",
                "(we|i) (cant|cannot|can not|dont|do not|wont|will not|are unable to|am unable to|re unable to) (do|offer|accept|refund|change|help|book|provide|process|issue|make|find|give|arrange|cancel)",
                "(not|nothing) (something|anything)? (we|i) can (do|offer|help with)", "(there is|theres|there are) no (record|trace|way|option|availability|refund)", "(no|not) (possible|allowed|permitted)",
                "(outside|beyond|past) (the|our)? (return|refund|cancellation|warranty|cooling off)? (window|period|policy|limit|deadline)", "(request|application|claim) (has been|was|is) (declined|denied|rejected|refused)",
            ]
        case .resolution:
            return [
                "(youre|you are|youll be|you will be|were|we are) (all)? (set|sorted|good to go|booked in|confirmed)", "all (set|sorted|done|booked|confirmed|fixed|resolved)",
                "(that|this|it|everything|your (order|booking|refund|request|appointment|reservation|account|payment|ticket|claim|change|issue))s? (is|has|have|are|was|were)? (now|all|already)? (been)? (done|sorted|fixed|resolved|booked|confirmed|processed|submitted|approved|issued|refunded|cancelled|canceled|scheduled|updated|reserved|arranged|dispatched|credited|reset|unlocked|unblocked|restored|reactivated|replaced|completed)",
                "(ive|i have|weve|we have|i ve|we ve) (now|just|already)? (booked|confirmed|processed|submitted|approved|issued|refunded|cancelled|scheduled|updated|reserved|arranged|dispatched|credited|reset|unlocked|unblocked|restored|reactivated|replaced|fixed|sorted|resolved|completed|sent|added|changed|removed|applied|waived)",
                "successfully", "(is|are) (now)? (on (its|their) way|out for delivery|ready (for collection|to collect|for pickup)?)", "(good|great) news", "(here is|heres|here are) (your|the)",
                "(the|your) (problem|issue|fault) (is|has been|should be) (now)? (fixed|resolved|sorted|cleared)", "(it|that|this) (should|will) (now)? (work|be working|be fixed|be sorted|be resolved)",
            ]
        case .autoReply:
            return [
                "(this is an|this is a|this is our|an|a)? (automated|automatic|auto generated|computer generated) (message|response|reply|email|e mail|acknowledgement|acknowledgment|notification)", "auto (reply|response|responder)",
                "(do not|dont|please do not|please dont) reply to this (message|email|e mail)", "(we have|weve|we ve|this is to confirm we have|this is to confirm that we have) received your (message|email|e mail|request|enquiry|inquiry|query|ticket|submission|application)",
                "(we|our team) (aim|endeavour|endeavor|try) to (respond|reply|get back to you|answer) (to all)? (messages|emails|enquiries|queries)? (within|in)",
                "a member of (our|the) team will (respond|reply|get back to you|be in touch|contact you)", "your (ticket|case|request) (number|id|reference) (is|will be)",
                "out of (the)? office", "(our|the) (team|agents|advisors|advisers|lines) (is|are) (currently)? (busy|unavailable|closed|experiencing)",
                "(higher|high|unusually high) (than (usual|normal))? (volume|volumes|demand)", "(you are|youre) (number|no) * in the queue",
            ]
        case .timeWindow:
            return [
                "(within|in|in the next|over the next|in about|in around|in under|no later than) * (minute|minutes|mins|hour|hours|hrs|day|days|week|weeks|working day|working days|business day|business days|wd)",
                "(by|before|on|until|this|next|no later than|first thing|end of) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|tomorrow|tonight|today|noon|midday|midnight|end of (the)? (day|week|month)|close of business|cob|eod|eow|the end of the (day|week|month))",
                "(today|tomorrow|tonight|this (morning|afternoon|evening|week)) (morning|afternoon|evening|before|by|between|at)?", "(next|this coming) (week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|month)",
                "(between|from) * (and|to|until) * (am|pm|oclock|o clock)", "(at|by|before|around|after|from) * (am|pm|oclock|o clock|noon)",
                "(on|by|before) (the)? * (january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)",
                "(within|in) (an|a|one|two|three|four|five|six|seven|ten|24|48|72) (hour|hours|day|days|week|weeks)", "(24|48|72) (hours|hrs|hour)",
                "(same|next) (day|working day|business day)", "(turnaround|response) time",
            ]
        case .botFallback:
            return [
                "(sorry|apologies|oops|hmm)? (i|we) (didnt|did not|dont|do not|couldnt|could not|cant|cannot) (quite)? (understand|get|catch|follow|recognise|recognize|find an answer|help with that)",
                "(please|could you|can you|try to|try) (rephrase|reword|say that again|try again|choose|select|pick|type) (that|your question|one of|an option|from)?",
                "(im|i am) (not sure|still learning|unable to (understand|help with that))", "(i can|i can only|i am only able to) help with (the following|these|things like|questions about)",
                "(please|kindly)? (choose|select|pick|type|reply with|press) (one of|an option|a number|from the (options|menu|list)|1|2|3)", "did you mean",
                "(im|i am) sorry i (didnt|did not) (get|catch|understand) that", "(main|the) menu", "(here are|these are) (some|the) (options|things i can help with)",
                "(that|this) (isnt|is not) (something|an option) i (can|understand)", "(lets|let us|let me) try (that)? again", "i (didnt|did not) recognise",
            ]
        case .humanRequest:
            return [
                "(id|i would|i d) (rather|prefer to) (speak|talk|chat|deal) (to|with)", "(real|actual|live|proper|living) (person|human|human being|agent|people|someone|soul|body)",
                "(a|an) (human|operator|representative|rep|live agent|advisor|adviser|person) (please|pls|now|instead)?", "(not|stop|no more|enough of|sick of|fed up with) (a|the|this|your)? (bot|robot|machine|chatbot|automated|menu|computer)",
                "(are you|is this|am i talking to|am i speaking to|is that) (a|an)? (bot|robot|machine|real person|human|automated|computer|recording)", "(talk|speak|chat) to (a|an)? (human|person|operator|agent|representative|advisor|adviser)",
                "(operator|representative|agent|human|advisor|adviser|person) (please|pls|now)", "(speak|talk|chat) (to|with) (someone|somebody|anyone|anybody)",
                "(is there|isnt there|theres got to be|there must be|can i get|can i have|get me|let me talk to|put me through to) (anyone|anybody|someone|somebody|a person|a human|a (real|living|live) (soul|person|human))",
                "(transfer|connect|put|pass) me (through)? (to)? (a|an)? (person|human|agent|advisor|adviser|operator|someone|somebody)", "(human|person|agent|operator) (please|pls)",
                "(i|i just|i really) (want|need) (a|an|to speak to a|to talk to a) (person|human|agent|advisor|adviser|operator)",
            ]
        case .positive:
            return [
                "great", "perfect", "brilliant", "awesome", "lovely", "excellent", "fantastic", "wonderful",
                "amazing", "superb", "(that|this) (helps|helped|works|worked)", "sorted", "all good", "much better",
                "legend", "spot on", "appreciated", "(thank you|thanks) (so|very) much", "happy now",
            ]
        }
    }

    /// Weight of each category in the agent politeness model (log-odds per occurrence).
    static func politenessWeight(_ category: Category) -> Double {
        switch category {
        case .gratitude: return 0.9
        case .apology: return 0.6
        case .please: return 0.45
        case .greeting: return 0.35
        case .softener: return 0.6
        case .modal: return 0.15
        case .hedge: return 0.25
        case .regard: return 0.6
        case .empathy: return 0.8
        case .ownership: return 0.3
        case .condescension: return -1.8
        case .profanity: return -2.5
        case .insult: return -2.2
        case .imperative: return -0.7  // only when it opens the message
        case .bluntNo: return -0.5  // only when it opens the message
        case .demand: return -0.5
        case .dismissal: return -0.6
        case .slang: return -0.15
        case .irony: return -2.0
        case .blame: return -1.6
        case .deflection: return -0.7
        case .admission: return 0.6
        case .reassurance: return 0.5
        case .anger, .repetition, .distress, .threat, .escalationRequest, .positive, .sarcasm, .ironicPraise, .impatience, .refusal,
            .resolution, .autoReply, .timeWindow, .botFallback, .humanRequest:
            return 0
        }
    }

    /// The words of an exchange of nothing but pleasantries ("thanks", "you're welcome, have a great day", "ok
    /// bye"): a conversation made only of these shows no agent behaviour. Checked word by word on short
    /// conversations only, so they cost the phrase matcher nothing.
    static let pleasantryWords: Set<String> = [
        "thanks", "thank", "you", "thx", "ty", "cheers", "ta", "many", "a", "lot", "so", "much", "appreciated", "ok", "okay",
        "k", "kk", "alright", "all", "right", "great", "perfect", "cool", "lovely", "brilliant", "awesome", "nice", "good",
        "fine", "sure", "noted", "got", "it", "understood", "bye", "goodbye", "see", "take", "care", "have", "day", "one",
        "evening", "weekend", "too", "same", "to", "youre", "are", "very", "most", "welcome", "no", "problem", "worries",
        "my", "pleasure", "anytime", "not", "at", "hi", "hello", "hey", "hiya", "morning", "afternoon", "yes", "yeah",
        "yep", "nope", "again", "and", "the", "soon", "now", "then", "x", "xx",
    ]

    /// Weight of each category in the customer annoyance model: frustration with the company, not distress.
    static func annoyanceWeight(_ category: Category) -> Double {
        switch category {
        case .anger: return 0.9
        case .insult: return 1.1
        case .profanity: return 0.8
        case .threat: return 0.9
        case .sarcasm, .irony: return 0.9
        case .repetition: return 0.6
        case .impatience: return 0.7
        case .escalationRequest: return 0.5
        case .humanRequest: return 0.4
        case .condescension: return 0.4
        case .blame: return 0.5
        case .dismissal: return 0.1
        case .gratitude: return -0.7
        case .positive: return -0.5
        default: return 0
        }
    }

    /// Weight of each category in the customer frustration model (log-odds per occurrence).
    static func frustrationWeight(_ category: Category) -> Double {
        switch category {
        case .anger: return 0.9
        case .repetition: return 0.45
        case .distress: return 0.7
        case .profanity: return 1.3
        case .insult: return 1.1
        case .condescension: return 0.4
        case .threat: return 0.9
        case .escalationRequest: return 0.5
        case .dismissal: return 0.1
        case .sarcasm: return 0.9
        case .gratitude: return -0.7
        case .positive: return -0.5
        case .irony: return 0.9
        case .blame: return 0.4
        case .impatience: return 0.6
        case .apology, .please, .greeting, .softener, .modal, .hedge, .regard, .empathy, .ownership, .imperative,
            .demand, .slang, .bluntNo, .ironicPraise, .deflection, .admission, .reassurance, .refusal, .resolution, .autoReply,
            .timeWindow, .botFallback, .humanRequest:
            return 0
        }
    }
}

/// The built-in English lexicons by name, for rubric phrase lists that start from one
/// (`<phrases id="agent-sarcasm" include="irony">`), so a rubric uses them without copying them.
public enum BuiltinLexicon {
    /// Every lexicon name: `gratitude`, `irony`, `time-window`, ...
    public static var names: [String] { ToneLexicon.Category.allCases.map(\.featureName) }

    /// The phrases of lexicon `name`, in phrase syntax; `nil` for an unknown name.
    public static func phrases(named name: String) -> [String]? {
        ToneLexicon.Category.allCases.first { $0.featureName == name }.map(ToneLexicon.phrases)
    }
}
