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
            ]
        case .repetition:
            return [
                "(second|third|fourth|fifth|2nd|3rd|4th|5th) time", "again", "(yet|once) again",
                "already (told|said|explained|gave|sent|called|emailed|contacted|asked)", "(keep|kept) (asking|telling|getting|being)",
                "every (single)? time", "(weeks|days|months|hours) (ago|now|later)", "over and over", "how many times",
                "(called|emailed|written|contacted|chased|messaged) (you)? (three|four|five|several|multiple|many|3|4|5) times",
                "still (waiting|nothing|not)", "(no one|nobody) (has)? (got|gotten|come) back",
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
            ]
        case .sarcasm:
            return [
                "oh (great|wonderful|brilliant|perfect|fantastic|lovely|marvellous|super)", "thanks for nothing", "(im|i am) sure (they|you|it) (will|ll)",
                "yeah right", "what a surprise", "as usual", "typical", "how (lovely|nice|convenient)", "(big|massive) surprise", "cheers for nothing",
                "(well|oh) done", "(great|excellent|fantastic) (service|job|work) (guys|there|again)",
            ]
        case .bluntNo:
            return ["(no|nope|nah)"]
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
        case .bluntNo: return -0.5  // only when it opens the message
        case .demand: return -0.5
        case .dismissal: return -0.6
        case .slang: return -0.15
        case .anger, .repetition, .distress, .threat, .escalationRequest, .positive, .sarcasm: return 0
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
        case .apology, .please, .greeting, .softener, .modal, .hedge, .regard, .empathy, .ownership, .imperative,
            .demand, .slang, .bluntNo:
            return 0
        }
    }
}
