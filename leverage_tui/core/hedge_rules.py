"""The default hedges, as regular expressions: what `hedges.find_hedges` looks for.

Each rule is (kind, name, pattern). The name is what `not_hedges` in the config removes
("hope" removes hope, hoping and hopefully). Patterns are written for lower-case text
with plain quotes, and each starts with a letter (no leading group or look-behind):
`hedges` expands and buckets them by first letter, which keeps a scan fast.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["condition", "put-off", "maybe", "vague-time", "effort", "listed"]
"""What kind of hedge a hit is: see the `hedges` module."""

WORD = r"\w+(?:['/&-]\w+)*"  # a word: "sign-off" and "we'll" are one, a quote around is not
SUBJECT = r"(?:i|we|you|they|he|she|it|then)(?:'ll|'d|'re|'m|'s|'ve)?\b"
TAIL = rf"(?:\s+{WORD})(?:\s+(?!{SUBJECT}){WORD}){{0,5}}"  # the condition itself, <= 6 words
DATE_WORDS = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july"
    r"|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?"
    r"|oct|nov|dec)\.?(?=\s+\d)|\d{1,2}(?:st|nd|rd|th)|\d{1,2}\s+may|may\s+\d{1,2}"
    r"|(?:in|on|from|by|until|since|early|mid|late|end of|the|your|this|next|last)\s+may"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|q[1-4]|today|tonight|tomorrow"
    r"|yesterday|last night|this (?:morning|afternoon|evening|week|month)"
    r"|(?:next|last) (?:week|month|sprint|quarter|year|payroll)|(?:end|close) of (?:the )?"
    r"(?:day|week|month|quarter|year)|eod|eow|noon|midnight|immediately"
    r"|in (?:\d+|one|two|three|four|five|six|a) (?:days?|weeks?|months?)(?! or)"
    r"|(?:first|next) (?:day|week|month)|payroll|payslip"
)
ANSWER_DATED = rf"(?!\s+(?:(?:by|on|before|until|at)\s+)?(?:the\s+)?(?:{DATE_WORDS})\b)"
NOT = r"(?:not|isn't|aren't|hasn't been|haven't been)"
DONE = r"final|approved|signed|confirmed|official|decided|agreed|finali[sz]ed"
TIMED = frozenset({"once", "when", "as soon as", "until", "after the"})

# (kind, name, pattern): name is what `not_hedges` removes. Order matters where two
# patterns start at the same word: the first listed wins.
RULES: tuple[tuple[Kind, str, str], ...] = (
    ("vague-time", "as soon as possible", r"as soon as (?:possible|(?:i|we) can)|asap"),
    ("condition", "as soon as", r"as soon as" + TAIL),
    ("condition", "once", r"once(?<!at once)(?! (?:a|an|per|more|again|or|in)\b)" + TAIL),
    ("condition", "assuming", r"assuming" + TAIL),
    ("condition", "pending", r"pending" + TAIL),
    ("condition", "subject to", r"subject to" + TAIL),
    ("condition", "provided", r"(?:provided|providing|as long as|so long as)" + TAIL),
    ("condition", "unless", r"unless" + TAIL),
    ("condition", "until", r"until" + TAIL),
    ("condition", "depends on", r"(?:it )?depend(?:s|ing)? (?:on|upon)" + TAIL),
    ("condition", "contingent on", r"(?:contingent|conditional|dependent) (?:on|upon)" + TAIL),
    (
        "condition",
        "permitting",
        r"(?:budget|time|schedule|funding|headcount|finances?|money|resources|circumstances"
        r"|workload|weather) permitting|all being well|all going well",
    ),
    ("effort", "see what I can do", r"see (?:what (?:i|we) can do|(?:if|whether) (?:i|we) can)"),
    ("condition", "if", r"if(?<!as if)(?<!even if)(?<!know if)(?<!ask if)(?<!wonder if)" + TAIL),
    (
        "condition",
        "when",
        r"when(?<!know when)(?<!say when)(?<!since when)(?:ever)?"
        r"(?! (?:will|would|do|does|did|can|is it|the time is right)\b)" + TAIL,
    ),
    (
        "condition",
        "after the",
        r"after (?:the|this|our) (?:re-?org|restructur\w*|merger|acquisition|launch|funding"
        r"|round|freeze|offsite|transition|migration|audit|dust settles)\w*",
    ),
    ("condition", "let's see how", r"(?:let's|let us|we'll|we will) see how" + TAIL),
    ("condition", "get through", rf"get (?:through|past)(?:\s+{WORD}){{1,4}}\s+first"),
    (
        "condition",
        "keep up the good work",
        r"keep (?:up the good work|doing what you're doing|it up|at it)|(?:just |only )?a"
        r" (?:matter|question) of (?:time|sign-?off|approval|budget|timing|getting)|(?:just |only"
        r" )?a formality|needs? (?:to )?(?:approve|sign off on|sign|agree|review|okay|ok|bless)"
        r"|needs? (?:\w+ )?(?:approval|sign-?off|blessing|go-ahead|green light)",
    ),
    ("put-off", "we'll see", r"we(?:'ll| will| shall) see(?! you\b)"),
    (
        "put-off",
        "let me talk to",
        r"let me (?:first )?(?:(?:talk|speak|check|chat|consult|sync|confer)(?: (?:to|with)"
        r" (?:the |my |our )?\w+)?|ask|run (?:it|this|that) (?:by|past)|sound (?:out|\w+ out)"
        r"|check in|think|look|see|find out|dig"
        r"|discuss|sleep on|mull|get back|follow up|take (?:it|this) (?:up|back|away))",
    ),
    (
        "put-off",
        "check with",
        r"(?:i'll|i will|i need to|i have to|i'd need to|i'd have to|we'll|we will|we need to"
        r"|need to|have to|i must) (?:first )?(?:check|talk|speak|confer|consult|sync up"
        r"|chat|clear (?:it|this|that)) (?:with|to)(?: (?:the |my |our )?\w+)?",
    ),
    (
        "put-off",
        "on my radar",
        r"on (?:my|our|the) (?:radar|list|to-?do list|wish ?list)|in the (?:pipeline|works)"
        r"|on the roadmap|under (?:review|consideration|discussion)|being (?:reviewed"
        r"|discussed|considered|looked at)|(?:is|are) (?:reviewing|considering|discussing)"
        r"|with (?:hr|the comp(?:ensation)? team|finance|legal|leadership) now",
    ),
    (
        "put-off",
        "circle back",
        r"circl(?:e|ing) back|revisit(?:ing)?|come back to (?:it|this|that)",
    ),
    (
        "put-off",
        "park it",
        r"park(?:ing)? (?:it|this|that|(?:the|your) (?:\w+ ){0,2}(?:question|conversation"
        r"|discussion|topic|idea|request|raise|title|promotion))|table (?:it|this|that)"
        r"|on hold|on the back burner|hold off|put (?:it|this|that) on ice",
    ),
    (
        "put-off",
        "let's talk",
        r"let's (?:talk|discuss|chat|revisit|wait|pick (?:it|this|that) up|reconnect|regroup"
        r"|touch base|catch up|sync|keep (?:talking|discussing|it in mind)|see|think|aim"
        r"|plan|hold|take (?:it|this|stock)|(?:re)?visit)|(?:i|we|you) can"
        r" (?:talk|discuss|look at|revisit|consider|explore|think about)|(?:talk|speak|chat)"
        r" (?:about (?:it|this|that) )?(?:again|later)|pick (?:it|this) up (?:again|later)"
        r"|keep talking|give me (?:a few|a couple of|some) (?:days|weeks|months|time)"
        r"|put (?:it|this|that|you) on the agenda",
    ),
    (
        "put-off",
        "get back to you",
        r"(?:(?:get|come) back to you|let you know|keep you (?:posted|updated|in the loop)"
        r"|be in touch)" + ANSWER_DATED,
    ),
    (
        "put-off",
        "look into",
        r"look(?:ing)? into|think(?:ing)? about it|figur(?:e|ing) (?:\w+ )?out"
        rf"|sort(?:ing)? (?:{WORD} ){{0,3}}out|work(?:ing)? (?:it|this|that) out"
        r"|explor(?:e|ing) (?:it|this|that|options)|still (?:working|looking|deciding|discussing"
        r"|waiting|figuring|thinking)|work(?:ing)? out the|look(?:ing)? at (?:options|ways"
        r"|whether|how|it|what)|see (?:if|whether) (?:there|it|they|we|that)",
    ),
    (
        "put-off",
        "raise it with",
        r"(?:raise|bring up|flag|mention|float|escalate|pass|bring) (?:it|this|that|the idea)"
        r"(?: on| up)?(?: (?:with|to))?|float(?:ing)? (?:the idea|it)",
    ),
    (
        "put-off",
        "leave it with me",
        r"leave (?:it|this|that) with me|not (?:my|our) (?:call|decision)|not up to me"
        r"|above my (?:pay ?grade|head)|out of my hands|not the one who decides|(?:something"
        r"|a conversation|a question|one) for (?:the )?(?:next|another|later) (?:cycle|year"
        r"|review|round|quarter|time|budget)",
    ),
    (
        "put-off",
        "not there yet",
        r"not (?:quite )?there yet|not the right time|timing (?:isn't|is not|isn't quite)"
        r" right|(?:bad|tricky|difficult|tough) timing|(?:budget|money|things) (?:is|are)"
        r" (?:tight|frozen)",
    ),
    (
        "effort",
        "try",
        r"(?:(?:i|we|they|he|she|hr)(?:'ll| will| shall|'d| would| can| could| might| must)?"
        r"|will|going to|let's|let us) try(?! (?:out|on|it|the|this)\b)"
        r"|(?:i'm|we're|i am|we are|been|keep) trying|trying (?:to|and|our|my)"
        r"|try (?:my|our) (?:best|hardest)",
    ),
    (
        "effort",
        "do my best",
        r"do (?:my|our) (?:best|utmost)|(?:my|our) best to|(?:best|every) effort"
        r"|do (?:what|all|everything|whatever) (?:i|we) can",
    ),
    (
        "effort",
        "push for",
        r"push(?:ing)? for|fight(?:ing)? for|advocat(?:e|ing)(?: for)?|lobby(?:ing)?(?: for)?"
        r"|champion(?:ing)? (?:it|you|this)|make (?:the|a) case|put in a (?:good )?word"
        r"|put (?:your name|you) (?:forward|up)|go to bat for|working on (?:it|this|that|getting)",
    ),
    (
        "maybe",
        "hope",
        r"hop(?:e|es|ing|efully|eful)(?! (?:you (?:enjoy|like|had|have a|are well|feel|settle)"
        r"|you're (?:well|settling|enjoying)))",
    ),
    ("maybe", "possible", r"possib(?:le|ly|ility)|feasible|doable|achievable|workable"),
    ("maybe", "probably", r"probabl[ey]|(?:most |very |quite )?likely|in all likelihood"),
    ("maybe", "maybe", r"maybe|perhaps|potentially|presumably|conceivably"),
    ("maybe", "chances are", r"(?:chances|odds) are|(?:a|good|fair|decent|real|every) chance"),
    (
        "maybe",
        "might",
        r"might|(?:we|you|it|that|this|there|they|i|which) may(?! \d)|may (?:be|have|well)\b"
        r"|could(?! you\b)|should (?:be|have|get|come|go|happen|work|land|arrive|hear|know)",
    ),
    (
        "maybe",
        "I think",
        r"i (?:think|believe|guess|imagine|suppose|reckon|expect)|(?:i'd|i would|we'd|we would)"
        r" (?:say|expect|hope|like to|love to)|(?:is|are) expected to|optimistic|in theory"
        r"|in principle|ideally|on paper|in (?:a|an) (?:perfect|ideal) world",
    ),
    (
        "maybe",
        "no promises",
        r"no promises|(?:can't|cannot|can not|won't) (?:promise|guarantee|commit)|no guarantees?"
        r"|set in stone|not off the table|still on the table|(?:a|an) (?:real |good )?option"
        r"|(?:don't|do not) see why not|fingers crossed|touch wood|nothing(?:'s| is) (?:final"
        rf"|decided|official)|{NOT} yet (?:{DONE})|{NOT} (?:quite )?(?:{DONE}) yet"
        r"|(?:something|it|that) can be (?:arranged|done|worked out|sorted)"
        r"|i'm (?:pretty |fairly |quite )?(?:sure|confident) (?:we|it|something|they|that)"
        r"|aim(?:ing)? to|the (?:plan|idea|goal|hope|intention|aim) is|(?:every|full) intention"
        r"|intend(?:ing)? to|nothing(?:'s| has)? been (?:decided|agreed|signed|finali[sz]ed)"
        r"|no decision yet|(?:hasn't|has not|haven't|have not) been decided|to be (?:decided"
        r"|confirmed)|tbc|tbd|in the (?:running|mix|frame|conversation)|on the shortlist",
    ),
    (
        "vague-time",
        "soon",
        r"soon(?<!as soon)(?:ish)?(?! as\b)|shortly|before long|sooner or later|in due course"
        r"|in (?:good )?time",
    ),
    (
        "vague-time",
        "down the road",
        r"down the (?:road|line|track)|further (?:down the line|out)|at some (?:point|stage)"
        r"|eventually|in the (?:near |not too distant )?future|one day|some ?day|longer[- ]term"
        r"|in the long (?:run|term)|at a later (?:date|stage|point)|over time"
        r"|later(?<!days later)(?<!weeks later)(?<!months later)(?<!years later)(?: on)?"
        r"(?! (?:than|today|this|tonight)\b)"
        r"|(?:in|over|within) (?:a few|the next few|the coming|a couple of|the next couple of"
        r"|some) (?:days|weeks|months|years|cycles|rounds|quarters)",
    ),
    (
        "vague-time",
        "any time but right now",
        r"any ?time but(?: right)? now|not (?:right )?now|for now|(?:your|the) time will come"
        r"|give it (?:some )?time|when the time is right|(?:it'll|it will|that'll) happen",
    ),
)
