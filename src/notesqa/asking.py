"""What a question asks for besides its words: tasks by their state ("what's overdue?", "my open todos"), the
latest of something dated ("our last 1:1"), the note about a topic, the notes that mention or link to one, how or
in what steps to do a thing; and the codes and versions it names ("INC-2291", "0.10.2").
"""

from __future__ import annotations

import re

from .keywords import ONE_ON_ONE
from .periods import COMING_UP, DEADLINE, DUE, HOLIDAY_WORDS, days, says_a_fall, without_days


# a version: 0.10.2, v1.2.3 (three or more dotted parts, not part of a longer number or word)
_VERSION = re.compile(r"(?<![\w.])(v?)(\d+\.\d+(?:\.\d+)+)(?!\w|\.\d)")
# a code: pieces joined by "-" or "_", letters and digits among them ("vit-s-024", "INC-2291", "COVID-19"; not a date)
_CODE = re.compile(r"(?<![\w.-])(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_]+(?:[-_][^\W_]+)+(?![\w-])")
# ... or three pieces or more by "/" ("TEN/27/0418": trial s81 E, a licence's reference out of ten; not "12/08/2027",
# "w/c", "and/or", "1st/2nd", "5k/10k", nor two codes side by side, "LD-2291/LD-2292": the review)
_SLASHED_CODE = re.compile(r"(?<![\w./-])(?=[\w/]*\d)(?=[\w/]*[^\W\d_])[^\W_]+(?:/[^\W_]+){2,}(?![\w/-])")


# a question's first word typed fast, as a chat's ("wen is the fire extinguisher service due", "whens the cs241 final":
# trial s51, read as no "when" question, the one's "due" as a call for tasks)
# (not "whats", which the rules read as typed)
# (not "hw", homework, nor "Wen Li": "wen" and "wat" only before a verb, the review)
_TYPED_OPENER = re.compile(r"^(\s*)(?:(wen|wat|wht)(?=\s+(?:is|was|are|were|did|do|does|will|should|can|has|have)\b)|"
                           r"(whens|whos|wheres|hows)\b(?!['’]))", re.IGNORECASE)
_OPENER_MEANT = {"wen": "when", "wat": "what", "wht": "what", "whens": "when's", "whos": "who's",
                 "wheres": "where's", "hows": "how's"}


def as_meant(question: str) -> str:
    """The question with its first word as meant when typed fast ("wen" -> "when", "whens" -> "when's"), for the
    rules that read what it asks."""
    return _TYPED_OPENER.sub(lambda m: m.group(1) + _OPENER_MEANT[(m.group(2) or m.group(3)).lower()], question,
                             count=1)


def codes(text: str) -> set[str]:
    """The codes text names, in lower case: a run's, a ticket's, a part's ID ("vit-s-024", "INC-2291"), or letters
    then three digits or more ("P0401", "A100": trial s73 M, "p0401 which van" had had the fault code's row 20th; not a
    measure, "500ml"), or capitals then two digits or more ("FORGE01"), or seven digits or more (_DIGITS_CODE:
    "20293847")."""
    found = {m.group(0).lower() for m in _CODE.finditer(text)} if "-" in text or "_" in text else set()
    found |= {m.group(0).lower() for m in _SLASHED_CODE.finditer(text)} if "/" in text else set()
    if not any(ch.isdigit() for ch in text):
        return found
    return found | {m.group(0).lower() for m in _LETTERS_DIGITS.finditer(text)} | set(_DIGITS_CODE.findall(text)) \
        | {m.group(0).lower() for m in _CAPITALS_DIGITS.finditer(text)}


def asks_code_alone(text: str) -> bool:
    """Is the question a code and nothing else a passage could say ("Q-2027-031", "ref TEN/27/0418": trials s81 C,
    E, its passages out of ten under diary lines the model found near it)?"""
    found = codes(text)
    if not found:
        return False
    rest = re.findall(r"[^\W_]+", " ".join(w for w in text.lower().split() if w.strip("?.!,:;'\"()") not in found))
    return all(w in _CODE_FRAME for w in rest)


_CODE_FRAME = frozenset("what whats is the a ref reference code number no num for which where find show me s".split())


LETTERS_DIGITS = r"(?<![\w.-])[^\W\d_]{1,4}\d{3,}[^\W_]*(?![\w-])"  # "P0401", "Ei3016": a code (ranking's references too)
_LETTERS_DIGITS = re.compile(LETTERS_DIGITS)
# ... or capitals then two digits or more, as typed ("FORGE01": trial s86 D, "FORGE01 account" had had the supplier's
# row 13th, under the accountant's lines the model found near "account"); not a word in lower case ("covid19")
_CAPITALS_DIGITS = re.compile(r"(?<![\w.-])[A-Z]{2,8}\d{2,}(?![\w-])")
# ... or seven digits or more alone: a grant's, an account's, a policy's number ("grant 20293847": trial s83 J, the
# tracker's rows of none of it had come first); not a sum, "1,250,000", nor a decimal
_DIGITS_CODE = re.compile(r"(?<![\w.,/£$€-])\d{7,}(?![\w.,/-]\d|[\w-])")


def versions(text: str) -> set[str]:
    """The versions text names ("0.10.2" in "what changed in 0.10.2?"; "3.5" is no version; 127.0.0.1
    is an address, v1.2.3.4 a version)."""
    return {number for v, number in _VERSION.findall(text) if v or not _address(number)}


def _address(number: str) -> bool:
    parts = number.split(".")
    return len(parts) == 4 and all(int(p) <= 255 for p in parts)


# open tasks past their day: "what's overdue?", "which tasks are past due?", "what deadlines did I miss?"
_OVERDUE = re.compile(r"\b(overdue|past[- ]due|past (?:its|their|the) (?:deadlines?|due dates?)|late tasks?|"
                      r"missed (?:the |my |a )?deadlines?|deadlines? (?:I|we) (?:missed|have missed)|"
                      r"deadlines? did (?:I|we) miss|(?:am I|are we) (?:late|behind) (?:on|with))\b", re.IGNORECASE)
# the words of a question for tasks of a time or state that say how it asks, not what about
_TASK_LIST_WORDS = frozenset("""what whats s is are was were which do does did i we my our me have has got there any
    all show list tell give the a an and for on in by at of from to between this that these next coming upcoming up
    until before today tomorrow week month due overdue past deadline deadlines miss task tasks todo todos to-do to-dos item items
    action open still left pending outstanding remaining scheduled late missed behind need needs to anything else
    soon doing end""".split())  # ("what's due by the end of the month": trial s79 X, its dues had come by their words)


# ... and of what is on then: "what have i got on next week", "anything happening this weekend", "my plans for friday"
_PLAN_WORDS = _TASK_LIST_WORDS | frozenset("""happening happen planned plan plans doing going go events event on diary
    calendar schedule booked bookings appointments appointment else weekend""".split())


def lists_only_plans(text: str) -> bool:
    """Does a question for what is on, planned or due some days say nothing else ("what have i got on next week?",
    "anything happening this weekend")?"""
    return _says_only(text, _PLAN_WORDS)


def lists_only_tasks(text: str) -> bool:
    """Does a question for what is due or overdue say nothing else ("what's due this week?", "what's
    overdue?"), as against "what's due this week for the SSO project?"?"""
    return _says_only(text, _TASK_LIST_WORDS)


def tasks_of(text: str) -> str:
    """What a question for what is due or overdue says besides asking for them: "the accountant" of "whats due next
    week for the accountant" (words apart from _TASK_LIST_WORDS and the days it names)."""
    return " ".join(_said_besides(text, _TASK_LIST_WORDS))


def _says_only(text: str, words: frozenset[str]) -> bool:
    """Does text say, besides the days it names, only words ("what's" as "what")?"""
    return not _said_besides(text, words)


def _said_besides(text: str, words: frozenset[str]) -> list[str]:
    """The words text says besides the days it names and words ("what's" as "what")."""
    said = re.findall(r"[\w'’-]+", without_days(text).lower().replace("’", "'"))
    return [w for w in said if not (w in words or w.split("'")[0] in words)]


def asks_overdue(text: str) -> bool:
    """Does the question ask for open tasks past the day they were set for ("what's overdue?")? Not when
    it is about something else that is overdue ("how do we handle overdue invoices?", "which invoices are
    overdue after day 14?": trial F's billing team)."""
    m = _OVERDUE.search(text)
    if m is None:
        return False
    if _TASK_WORD.search(text):  # "overdue high priority tasks", "which bills are overdue tasks"
        return True
    after = _NEXT_WORD.match(text, m.end())
    before = _OVERDUE_SUBJECT.search(text[:m.start()])
    return not (after and after.group(1).lower() not in _NOT_A_THING) and \
        not (before and before.group(1).lower() not in _NOT_A_THING)


_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)", re.IGNORECASE)  # the word right after "overdue": "invoices"
_OVERDUE_SUBJECT = re.compile(r"\b([a-z][\w-]*)\s+(?:are|is|were|was|get|gets|got|go|goes|went|become|became)\s+$",
                              re.IGNORECASE)  # "invoices are overdue"
# ... what may stand there when the question asks for overdue tasks: "overdue tasks", "what's overdue this week",
# "which tasks are overdue", "anything overdue?"
_NOT_A_THING = frozenset("task tasks todo todos to-do to-dos item items action chores chore thing things work stuff "
                         "deadline deadlines what which anything something everything nothing this today now "
                         "for in on at since from by and or right yet still already here there me i we".split())
# tasks asked for by state: "which tasks are still open?", "my todos", "what did I finish last week?",
# "my high priority tasks"
_TASK = r"(?:tasks?|to-?dos?|action items?|chores?)"  # not "to do": "what do I need to do to open ..."
_TASK_WORD = re.compile(rf"\b{_TASK}\b", re.IGNORECASE)  # "overdue billing tasks" asks for tasks (asks_overdue)
_STATE_GAP = r"\b.{0,25}?\b"  # "tasks are still open", "which tasks did I finish"; not across a sentence
# Logseq's LATER: "show my LATER tasks", "what later items do i have" (trial s53), "my later list"
_LATER_TASKS = re.compile(rf"\blater\s+(?:{_TASK}|items?|list)\b", re.IGNORECASE)
# "which things to buy are still unchecked?": a checkbox's state, whatever the list is of (not "unchecked
# exceptions")
_UNTICKED = (r"(?:are|is) (?:still |yet )?(?:unchecked|unticked|not (?:yet )?(?:checked|ticked)(?: off)?)"
             r"(?= *(?:[?.!,;]|$| (?:yet|in|on|from|of|at)\b))|"
             r"(?:unchecked|unticked) (?:items?|boxes|checkboxes|things|ones)")
_OPEN_TASKS = re.compile(rf"\b(?:(?:open|pending|outstanding|unfinished|incomplete|remaining|undone|todo|waiting)"
                         rf"\s+{_TASK}|"
                         rf"{_TASK}{_STATE_GAP}(?:open|pending|outstanding|unfinished|incomplete|remaining|left|"
                         rf"not (?:yet )?done)|to-?dos|(?:my|the) to[- ]?do list|left to do|still (?:have|need) to do|"
                         # "wassail jobs still to do" (trial s69 H: a DONE job had come, the open ones not in ten),
                         # "outstanding jobs for the fair"; not "jobs to do with the boiler"
                         r"still\s+to\s+do(?=\s*[?.!]*$|\s+(?:for|on|before)\b)|(?:jobs?|things|bits)\s+(?:left\s+)?to\s+do"
                         r"(?=\s*[?.!]*$|\s+(?:for|on|before)\b)|(?:outstanding|remaining|open)\s+jobs\b|"
                         rf"(?:what|which) {_TASK} (?:do I have|have I got|are there)|on my plate|"
                         rf"(?:upcoming|coming) (?:deadlines?|{_TASK})|(?:deadlines?|{_TASK}) (?:are |is )?coming up|"
                         + COMING_UP + "|"
                         # "what's still left to fix from the inspection?", "what is still open", "what's outstanding
                         # on the bathroom?", "what haven't I done yet?" (trial s45); not "what's open on Sunday?"
                         # (nor "what's outstanding about the Bauhaus?", "what's still open in Lisbon?": the review)
                         r"(?:what|which)(?:['’]s|\s+is|\s+are)?\s+(?:still\s+(?:left\s+to\s+\w+|to\s+do|not\s+done|"
                         r"(?:open|outstanding|pending)(?=\s*[?.!]*$|\s+(?:from|for|on|with|after)\b))|"
                         r"(?:left|remaining)\s+to\s+(?:do|fix|finish|buy|pack|sort)|"
                         r"outstanding(?=\s*[?.!]*$|\s+(?:from|for|on|with|after)\b))|"
                         r"(?:haven['’]?t|have\s+not)\s+(?:i|we)\s+(?:done|finished)|"
                         # "what skills do i still need signing off", "what still needs doing" (trial s52: a done
                         # task had come first, the open one 8th)
                         # (after "what": "does the car still need servicing" asks of the car, the review)
                         r"(?:what|which)\s+(?:\w+\s+){0,2}?(?:(?:do|does)\s+(?:i|we|he|she|they)\s+still\s+(?:need|have)|"
                         r"still\s+needs?)\s+(?:to\s+(?:be\s+)?\w+|\w+ing)|"
                         # "which plot threads are still open" (trial s53: the closed list had come 3rd), of things a
                         # list of to-dos holds, not "which shops are still open"
                         r"(?:what|which)\s+(?:\w+\s+)?(?:threads|questions|issues|items|bugs|tickets|loops|points)\s+"
                         r"(?:are|is)\s+(?:still\s+)?(?:open|unresolved|unanswered|outstanding|pending)(?=\s*[?.!]*$)|"
                         rf"{_UNTICKED})\b", re.IGNORECASE)
_DONE_TASKS = re.compile(rf"\b(?:(?:done|finished|completed|closed)\s+{_TASK}|{_TASK}{_STATE_GAP}(?:done|finished|"
                         rf"completed|closed|ticked off|checked off)|(?:are|is|have been) (?:already )?(?:ticked|checked) off|"
                         rf"(?:what (?:{_TASK} )?|which {_TASK} )(?:did|have) I (?:finish|complete|"
                         r"close|get done|got done|tick(?:ed)? off|check(?:ed)? off|cross(?:ed)? off)\w*)\b", re.IGNORECASE)
# "which tasks did I cancel?", "my cancelled todos", "tasks I dropped" (trial s36: a day's TODO came first); with
# the word for tasks only ("what did I drop off at the dry cleaner?" asks no such thing: the review)
_CANCELLED_TASKS = re.compile(rf"\b(?:(?:cancell?ed|dropped|abandoned)\s+{_TASK}|{_TASK}{_STATE_GAP}(?:cancell?ed|"
                              rf"dropped|abandoned)|{_TASK}{_STATE_GAP}(?:did|have) I (?:cancel|drop|abandon)\w*)\b",
                              re.IGNORECASE)
# "what's done?", "and what's still open?" as whole questions (not "what is done by the garbage collector?")
_STATE_ALONE = re.compile(r"^\s*(?:and\s+)?what(?:'s|’s| is) (?:already |still )?(done|open)\W*$", re.IGNORECASE)
_DOING_TASKS = re.compile(rf"\b(?:(?:am I|are we|I'm|we're|I am|we are) (?:currently |now )?working on|"
                          rf"(?:what(?:'s|’s| is| are)|which {_TASK} (?:is|are)) (?:currently |now )?(?:in progress|"
                          rf"under ?way)|{_TASK} (?:in progress|under ?way)|doing (?:right )?now|"
                          rf"(?:now|doing) {_TASK})\b",
                          re.IGNORECASE)
_HIGH_TASKS = re.compile(rf"\b(?:high[- ]priority|urgent|important|top[- ]priority)\s+(?:open\s+)?{_TASK}\b|"
                         rf"\b{_TASK}\s+(?:with|of|at|marked)\s+(?:high|top)\s+priority\b|"
                         rf"\b{_TASK}\s+(?:that\s+)?(?:are|is)\s+(?:urgent|high[- ]priority|important)\b|"
                         rf"^\s*(?:and\s+)?what(?:'s|’s| is) urgent\W*$|(?-i:\bpriority A\b)", re.IGNORECASE)
_HOW_OR_WHY = re.compile(r"\s*(how|why)\b", re.IGNORECASE)
# "when is the promo packet due?": the day of one thing, found by its words; not the open tasks
_WHEN_OF_A_THING = re.compile(rf"\s*(?:and\s+)?when(?:'s|’s)?\b(?!.*\b{_TASK}\b)", re.IGNORECASE)


def task_state_words(text: str) -> set[str]:
    """The words (lower case) with which a question that asks for tasks says which ("still unchecked",
    "overdue", "ticked off"): how it asks, not what about; none if it asks for no tasks."""
    if asks_for_tasks(text) is None:
        return set()
    rules = (_OPEN_TASKS, _DONE_TASKS, _DOING_TASKS, _HIGH_TASKS, _LATER_TASKS, _CANCELLED_TASKS, _OVERDUE)
    return {w.lower() for rule in rules for m in rule.finditer(text) for w in re.findall(r"\w+", m.group(0))}


def asks_for_tasks(text: str) -> str | None:
    """The tasks a question asks for: "high" (open and high priority), "doing" (under way), "later" (Logseq's
    LATER), "open", "done", "cancelled", or None (also for "how do I mark a task as done?" and "how does the scheduler
    stop a high priority task ...": they ask how or why, not for tasks; and for "when is the promo packet
    due?", which asks the day of one thing, not what is due)."""
    if asks_how(text) or _HOW_OR_WHY.match(text) or _WHEN_OF_A_THING.match(text) or _WAS_ON_A_LIST.search(text) \
            or (_DUE_DATE_OF.search(text) or _A_THING_DUE.match(text)) and not days(text):
        return None  # ("what was on my to-do list last Monday?": the day's list as it was, its ticked items too; "car
        # mot due date" asks the day of one thing, trial s76 I: "☐ book MOT before Pembrokeshire" had come first)
    if _HIGH_TASKS.search(text) and not _DONE_TASKS.search(text):
        return "high"
    if _DOING_TASKS.search(text):
        return "doing"
    if _LATER_TASKS.search(text):
        return "later"
    if DUE.search(text) or asks_overdue(text) or DEADLINE.search(text) and days(text) or asks_to_do(text):  # "what is due this week?": open tasks
        return "open"  # first, those set for that week most
    if _CANCELLED_TASKS.search(text):
        return "cancelled"
    alone = _STATE_ALONE.match(text)
    if _DONE_TASKS.search(text) or alone and alone.group(1).lower() == "done":
        return "done"
    return "open" if _OPEN_TASKS.search(text) or alone else None


# ... "cp12 due", "car tax due?": a thing's day, as "when is the cp12 due" (trial s77 R: every open task had come first);
# not "bills due", "anything due", "whats due"
# (none of its words a list's or a question's: "is anything due", "show me what's due", "are any invoices due", the
# review)
_NOT_ONE_THING = (r"(?!(?:what\S*|whats|anything|everything|all|any|stuff|things?|tasks?|jobs?|bills?|invoices?|payments?|"
                  r"renewals?|deadlines?|work|homework|me|i|we|is|are|was|were|show|tell|list|have|has|got|there|"
                  r"something|nothing|owt|ought|which|whose|who)\b)")
# (... "whose dbs checks are due", "which car's mot is due": trial s90 L, every open task had filled the hits after the two
# that answer; not "which assignments are due", a list of them, the review)
_A_THING_DUE = re.compile(r"\W*(?:whose\s+|which\s+(?=[\w-]+['’]s\s))?" + _NOT_ONE_THING + r"[\w'’/-]+(?:\s+" + _NOT_ONE_THING
                          + r"[\w'’/-]+){0,3}\s+(?:(?:is|are)\s+)?due\s*[?.!]*\s*$", re.IGNORECASE)
_DUE_DATE_OF = re.compile(r"\bdue\s+date\b(?!.*\b(?:tasks?|to-?dos?)\b)", re.IGNORECASE)  # (not "list all due dates": the review)
# "what have i got to do next week", "what do i need to do today", "what needs doing this week": the open tasks of a
# time, or of any (not "what do I need to do to renew ...", "... for the MOT", "... on the boat": how, or for a thing)
# (... "to get done", "to sort": trial s74 AC, "what have i got to get done by friday" had missed the task due then)
# (... "what needs paying for the holiday before end of the month", trial s78 W: a thing's words before its time; its
# "balance £2,160 due 26 May 2027" had not been due); not "what needs renewing": what renews then, not the tasks due
# (the s78 rescore, s73 C-40)
_TO_DO_THEN = re.compile(r"\b(?:(?:what|anything)\s+(?:(?:have|do)\s+(?:i|we)\s+(?:got|have|need)|(?:i|we)['’]?ve\s+got|"
                         r"(?:i|we)\s+(?:need|have))\s+to\s+(?:do|get\s+done|sort(?:\s+out)?|pay)|"
                         r"what\s+needs\s+(?:doing|paying|sorting|booking|ordering|sending|chasing))"
                         r"(?=\s*[?.!]*$|\s+(?:for\s+(?:the\s+|my\s+|our\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
                         r"(?:today|tomorrow|tonight|this|next|on|by|over|before)\b)", re.IGNORECASE)


def asks_to_do(text: str) -> bool:
    """Does the question ask what there is to do, then (a time it names) or at all?"""
    m = _TO_DO_THEN.search(text)
    return bool(m) and (not text[m.end():].strip(" ?.!") or bool(days(text)))


_WAS_ON_A_LIST = re.compile(r"\b(?:was|were)\s+on\s+(?:my|the|our)\s+(?:to-?\s?do|task)s?(?:\s+list)?\b", re.IGNORECASE)


# the words "last" and "next" stand before as a period or a place in a sequence, not a thing ("last week", "the next
# step", "last few days", "next Monday"): what both rules below leave alone
_SPANS_AND_PLACES = (r"day|hour|minute|week|month|year|night|weekend|quarter|semester|term|season|time|step|part|"
                     r"chapter|page|item|line|section|question|one|two|three|spring|summer|autumn|fall|winter")
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# the latest of something dated: "our last 1:1", "the most recent standup", "my latest review"
# "last" before a thing, not before a period ("last week", "last March", "last few days") nor a name's part
_NEWEST = (r"(?:last|latest|most\s+recent|newest)(?!\s+(?:(?:" + _SPANS_AND_PLACES + r"|decade|name|four|five|six|"
           r"seven|eight|nine|ten)s?|few|couple|several|\d|christmas|easter|" + _WEEKDAYS + r"|jan|january|feb|"
           r"february|mar|march|apr|april|may|june?|july?|aug|august|sept?|september|oct|october|nov|november|dec|"
           r"december)\b)\s+\w")
# (a word or two may name which: "the last steering meeting", "our latest board call", trial s48; not "the last
# few meetings", "last two calls", "last week's meeting")
_MEETING = (r"\b(?:(?:my|our|the)\s+)?(?:last|latest|most recent|newest)\s+"
            r"(?:(?!(?:few|couple|several|handful|dozen|two|three|four|five|six|seven|eight|nine|ten|\d+|at|in|on|of|to|"
            r"the|a|an|for|with|from|(?:" + _SPANS_AND_PLACES + r")s?)\b)[\w-]+\s+){0,2}?"
            r"(?P<meeting>1on1|" + ONE_ON_ONE + r"|meeting|mtg|call|"  # a 1:1 written any way (s49)
            r"sync|standup|check-in|session|review|retro|visit|appointment|catch[- ]?up|conversation|chat|talk|interview|"
            r"demo|gig|lesson|rehearsal|class)s?\b")  # (a gig, a lesson: trial s50)
_LAST_MEETING = re.compile(_MEETING, re.IGNORECASE)  # "our last 1:1": of the person the question names, if any
# "what did David say last time we met", "when we last spoke" (trial s55): the last meeting, by its verb; not "the
# last time we talked about money", the latest of a topic
_LAST_MET = re.compile(r"\b(?:(?:the\s+)?last\s+time\s+(?:I|we)|(?:I|we)\s+last)\s+(?:met|meet|spoke|speak|talked|talk|caught\s+up|catch\s+up)\b(?!\s+(?:about|on|of|re)\b)",
                       re.IGNORECASE)
_LATEST = re.compile(_MEETING + r"|\b(?:(?:my|our|the)\s+)?(?:last|latest|most recent|newest)\s+(?:entry|journal|note|"
                     r"update|trip|post)s?\b|\b(?:last|latest|most recent|newest)\s+"
                     r"entries\b"
                     # "when did I last do a parkrun?", "the last time I saw the dentist" (trial s37)
                     # ... "when did they last meet Vexa?" (trial s50: a game master's "they", the party)
                     r"|\bwhen\s+(?:did|was|were|have|had)\s+(?:I|we|they|you|he|she)\s+last\b"
                     r"|\b(?:the\s+)?last\s+time\s+(?:I|we|they|you|he|she)\b"
                     r"|\bwhen\s+(?:did|was|have)\s+(?:I|we)\s+(?:\w+\s+)?most\s+recently\b"
                     # "when was the van's last oil change?", "my last dentist visit", "when was the last backup?"
                     # (trial s45), not "last week", "the last step", nor "my last name"
                     # (a possessive, not "what's", "it's"; a bounded run: a pasted 100,000 characters, the review)
                     r"|\b(?:my|our|his|her|their|(?!(?:what|it|that|there|who|where|here|how|let|he|she)['’]s\b)\w+['’]s)"
                     r"\s+" + _NEWEST
                     # (not "when is the last payment of the loan?": the final one, the review)
                     + r"|\bwhen\s+(?:was|were|did)\b[^?.!\n]{0,80}?\b" + _NEWEST
                     # "when was the last time the boiler was serviced?" (the review)
                     + r"|\bwhen\s+was\s+the\s+last\s+time\b"
                     # "when did bramble come in season this time" (trial s62 M)
                     + r"|\bwhen\s+(?:did|was|were)\b[^?.!\n]{0,80}?\bthis\s+time\b"
                     # "kierans arrears how much now", "what's the rent now?" (trial s58 PC-036: the oldest figure had
                     # come first); not "what do I do now", "what now"
                     + r"|\b(?:how\s+much|how\s+many|what(?:['’]s|\s+is|\s+are))\b(?![^?.!\n]{0,60}?\bdue\b)"
                       r"[^?.!\n]{1,60}?\bnow\s*[?.!]*\s*$"
                     # ... "large deshed price now" (trial s73 P: last year's list first)
                     + r"|\b(?:price|cost|rate|fee|charge|premium|rent|wage|salary)s?\s+now\s*[?.!]*\s*$"
                     # ... "when am i baking the fenwick fruit cake now" (trial s73 K: the plan it was, not today's
                     # "baking tomorrow (Thu 10th) instead of Sat")
                     + r"|\bwhen\s+(?:am|are|is|will|do|does)\b[^?.!\n]{1,60}?\bnow\s*[?.!]*\s*$"
                     # ... "what does hiscox cost me now", "what do we pay for the van now" (trial s63 LND-029)
                     + r"|\bwhat\s+(?:does|do)\b[^?.!\n]{1,40}?\b(?:cost|costs|pay|charge|charges|earn|get)\b"
                       r"[^?.!\n]{0,30}?\bnow\s*[?.!]*\s*$"
                     # "the mileage at the last car service", "the last meter reading" (trial s52: the year before's
                     # service had come first, the last one's row not in the top 30); not "the last payment of the
                     # loan", the final one (the review)
                     + r"|\b(?:my|our|the)\s+last\s+(?:[\w-]+\s+){0,2}?(?:service|servicing|inspection|check-?up|mot|"
                       r"reading|repair|order|delivery|load|batch|shipment|haircut|payment|invoice|bill|"
                       # ("stock value at the last stocktake": trial s77 Q, 2024's first)
                       r"stock[\s-]?take|stock[\s-]?check|audit|survey|valuation)s?\b(?!\s+of\b)"
                       # (nor one still due, the final one: "when's the last ski payment due", trial s74 B)
                       r"(?![^?.!\n]{0,30}?\bdue\b)"
                     # "latest on the walk-in", "any news on the oven?", "what's new with the boiler" (trial s47); not
                     # "update on windows fails", "what's new about transformers" (the second review)
                     + r"|^\W*(?:so\W+)?(?:(?:what['’]?s|what\s+is)\s+)?(?:the\s+)?latest\s+(?:on|about|with)\b"
                     + r"|^\W*(?:so\W+)?any\s+(?:news|updates?)\s+(?:on|about|with)\b"
                     # "latest infection control audit score", "the most recent audit score" (trial s78 V: Oct 2026's 94%
                     # had come before April 2027's 96%); not "latest a kid can arrive", "the latest possible time", nor
                     # the newest of things a note lists ("the latest version of Python I noted")
                     + r"|(?:^\W*(?:(?:what['’]?s|what\s+(?:is|was|were|are))\s+)?|\b(?:the|my|our)\s+)"
                       r"(?:latest|newest|most\s+recent)\s+(?!(?:a|an|the|i|we|you|he|she|they|it|that|this|time|possible|"
                       r"on|about|with|of|one|versions?|releases?|papers?|models?|articles?|books?|editions?|"
                       # (... nor the latest time a thing may be: "latest date for applications", "latest checkout time",
                       # "the latest train home", the review)
                       r"(?:\w+\s+)?(?:date|deadline|time|train|bus|tram|flight|entry|arrival|posting|cut[\s-]?off|"
                       r"checkout|check[\s-]?in|start|finish)s?)\b)[a-z]"
                     + r"|\bwhat['’]?s\s+new\s+(?:on|with)\b"
                     # "grace scoliosis pain level latest": said last, after what it is of (trial s62 L); not "what is
                     # the latest"
                     + r"|\b(?!(?:the|is|s|a|my|our)\b)\w+\s+(?:latest|most\s+recent|newest)\s*[?.!]*\s*$",
                     re.IGNORECASE)  # ("when is the last time to submit?": a deadline)


def asks_last_meeting(text: str) -> bool:
    """Does the question ask for the latest meeting ("what did Grace say in our last 1:1?"): of the person it names?"""
    return _LAST_MEETING.search(text) is not None or _LAST_MET.search(text) is not None


def last_meeting_word(text: str) -> str | None:
    """The word for the meeting a question asks the latest of ("1:1" of "what did we say in my last 1:1?",
    "standup" of "our last standup"); None when it asks for none."""
    m = _LAST_MEETING.search(text)
    return m["meeting"] if m else "meeting" if _LAST_MET.search(text) else None


# "what did we take at tredegar the first year", "how much was a load of muck the first year" (trials s74 N, s75 R,
# s76 T: the newest year's had come first); not "first year labs", "the first year students"
# ... "who won fancy dress at the first halloween", "where did we do the very first wreath workshops" (trials s77 B, G:
# last Halloween's, the newest)
_FIRST_YEAR = re.compile(r"\b(?:the|our|my|that)\s+(?:very\s+)?first\s+(?:year|time|season)\b"
                         r"(?=\s*[?.!]*\s*$|\s+(?:we|i|they|he|she|you|it|at|in|on|of|there|here)\b)"
                         r"|\b(?:the|our|my)\s+(?:very\s+first\b|first\s+(?=" + HOLIDAY_WORDS + r"))", re.IGNORECASE)


def asks_earliest(text: str) -> bool:
    """Does the question ask of the first year of something ("what went wrong at tetbury the first year")?"""
    return _FIRST_YEAR.search(text) is not None


def asks_latest(text: str) -> bool:
    """Does the question ask for the latest of something dated ("what did we say in our last 1:1?")?"""
    # (... "when did mum last fall": a fall's, no season's, trial s89 U)
    return _LATEST.search(text) is not None or _LAST_MET.search(text) is not None or says_a_fall(text)


# "when is the next steering committee?", "when's my next dentist appointment", "when's our next 1:1": the soonest
# of the days the notes say it is on from today (trial s46: the first steerco of the year had come first); not "next
# week", "the next step", "next to", "what's next"
_NEXT = (r"(?:next|nxt)(?!\s+(?:(?:" + _SPANS_AND_PLACES + r"|few|couple|several|thing|" + _WEEKDAYS + r")s?|to|door)\b|\s+\d+\s)"
         r"\s+\w")
_UPCOMING = re.compile(r"\b(?:when(?:['’]?s|\s+(?:is|are|will|do|does))|what\s+(?:day|date|time)\s+(?:is|are))\b"
                       r"[^?.!\n]{0,80}?\b" + _NEXT  # (not "what do I want from my next job?")
                       # ... "next 2k erg test date", "date of the next steerco", "next steerco when?" (trials s63
                       # ROW-014, HSP-019)
                       + r"|^\W*(?:the\s+|my\s+|our\s+)?" + _NEXT + r"[^?.!\n]{0,60}?\b(?:date|day|when)\b"
                       # ... "whats the next band on", "who's the next speaker" (trial s71 L: the bands table first)
                       + r"|^\W*(?:what|who|which)(?:['’]?s|\s+is|\s+are)\s+(?:the\s+|my\s+|our\s+)" + _NEXT
                       + r"|\b(?:date|day)\s+of\s+(?:the\s+|my\s+|our\s+)?" + _NEXT
                       # ... or only "next candle class?", "next market in bridgnorth?" (trial s72 J: the first class,
                       # in May, had come first)
                       + r"|^\W*(?:the\s+|my\s+|our\s+)?" + _NEXT + r"[^?.!\n]{0,40}?\s*\?*\s*$"
                       # ... "when am i next on call", "when do we next see anna" (trial s74 M: the rota's March row first)
                       + r"|\bwhen(?:['’]?s|\s+(?:am|is|are|will|do|does))\s+(?:[\w'’-]+\s+){1,3}?next\b(?!\s+(?:week|month|year)\b)",
                       re.IGNORECASE)


def asks_next(text: str) -> bool:
    """Does the question ask for the soonest coming day of something ("when is the next steerco?")?"""
    return _UPCOMING.search(text) is not None


def asks_coming(text: str) -> bool:
    """Does the question ask when a thing is, not was ("when is packing day?"): of a thing that comes round, its
    coming day, not last year's? Not for its latest ("when is the last time I did a backup": the review)."""
    return _WHEN_IS.match(text) is not None and not asks_latest(text) and _EVERY_TIME.search(text) is None \
        and not asks_in_which_case(text)


# a time that comes round, asked of: "what time is my bereavement client on thursdays" (trial s75 S: a deadline of the
# coming Thursday had been lifted as a day to come), "every week", "weekly"
_EVERY_TIME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b|\b(?:every|each)\s+(?:\w+\s+)?"
                         r"(?:day|week|weekend|fortnight|month|year|morning|evening|night|mon|tue|wed|thu|fri|sat|sun)"
                         r"|\b(?:weekly|fortnightly|monthly|daily)\b", re.IGNORECASE)


# (trial s53: "when is packing day" had been answered by last year's event page, "packing day Sat 20 Dec 2025")
# ... "when do i have to pay the tax bill", "when does the van need testing" (trial s71 B: last January's payment)
_WHEN_IS = re.compile(r"\s*(?:and\s+)?(?:when(?:['’]?s\b|\s+(?:is|are|will)\b)|what\s+(?:day|date|time)\s+(?:is|are|will)\b|"
                      r"when\s+(?:do|does)\s+(?:[\w'’-]+\s+){1,3}?(?:have\s+to|has\s+to|needs?\s+(?:to\s+\w+|\w+ing)\b|"
                      # ... "when does spring term start", "when do i start back after christmas" (trial s73 D, I: last
                      # January's journal had come first)
                      r"(?:start|begin|open|reopen|finish|end|break\s+up|(?:start|go|come|get)\s+back|return)\b))",
                      re.IGNORECASE)


_NEWEST_WORD = re.compile(r"\b(?:last|latest|most\s+recent(?:ly)?|newest)\b", re.IGNORECASE)


def without_newest(text: str) -> str:
    """A question for the latest of something without the word that asks for it: "when did we last change the
    furnace filter?" looks for the filter's changes, not for passages that say "last" ("didn't get them last time",
    trial s45); another question as it is."""
    return _NEWEST_WORD.sub(" ", text) if asks_latest(text) else text


# "how many", "how much": what the question asks for, no words to find ("how many plants of courgette in 2024" had
# found the 2022 row's "way too many" first, trial s48)
_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\b", re.IGNORECASE)


def without_how_many(text: str) -> str:
    """text without the "many" or "much" of "how many", "how much" (its "how" kept, a stopword)."""
    return _HOW_MANY.sub("how", text)


# "which note covers ...", "which page lists ...", "where are my notes on ...", "where did I write ...":
# the question asks for a note, not for a passage ("where do I click ..." asks how, not where a note is;
# "where is the office moving?" asks for a place, not for a note)
# "where did I get the old floorboards?", "where did I park": a place, where things are got, put, gone to, not a note
# (trial s55: every hit had been a note from its opening, the line that says where not among them)
_WHERE_THINGS = (r"(?:get|got|gotten|buy|bought|put|leave|left|park|parked|find|found|go|gone|went|stay|stayed|eat|ate|"
                 r"source|sourced|order|ordered|pick|picked|hide|hid|store|stored|keep|kept|lose|lost|hang|hung|send|sent|"
                 r"take|took|meet|met|move|moved|fit|fitted|hire|hired|rent|rented|book|booked|buy\w*)\b")
_NOTE_NOUN = r"(?:notes?|pages?|posts?|articles?|entry|entries|docs?|documents?|outlines?|drafts?|chapters?)"
_SEEKS_NOTE = re.compile(
    r"^\s*(?:(?:which\s+(?:\w+\s+){0,2}|what\s+)" + _NOTE_NOUN +
    # ... then what the note does: "which note covers", "which page is about", "which post did I ...",
    # and for several notes "which notes cover", "which pages mention", "which posts are about"
    r"\s+(?:\w+s|is|was|did|do|has|have|had|about|on|for|that|where|with|i|my|(?:are|were)\s+(?:about|on|my)|"
    r"cover|mention|talk|discuss|describe|explain|list|contain|include|deal|touch|refer|reference)\b"
    r"|where(?:\s+(?:are|is)|'s|’s)\s+(?:my|the)\s+(?:\w+\s+){0,2}" + _NOTE_NOUN + r"\b|where\s+(?:did|have)\s+i\b(?!\s+" + _WHERE_THINGS + r")|where\s+do\s+i\s+(?:mention|refer|talk)"
    # "where is my upper/lower gym split written down?" (trial s37)
    # (my: "where is the sensor data recorded?" asks where in the world, the review)
    r"|where\s+(?:are|is)\s+my\s+[^?]{1,60}?\s+(?:written(?:\s+down)?|noted(?:\s+down)?|recorded|documented)\b"
    r"|(?:find|show)\s+(?:me\s+)?(?:my|the)\s+(?:notes?|pages?)\s+(?:on|about)\b"
    # ... or asked in a few words: "my digoxin notes", "zucchini note", "notes on digoxin", "the page on the cardio
    # module" (trials s48: the note's page had come first, shown from a line that says "page" or "notes"); not a
    # question of its own ("how do I take notes")
    r"|^\s*(?!(?:how|what|when|where|why|who|which|whose|do|did|does|is|are|was|were|can|could|should|would|will|"
    r"i|we|take|taking|write|writing|make|making|summari[sz]e|show|list|find|read|review|open)\b"
    r"|(?:my|the|our)\s+(?:notes?|page)\W*$)(?:(?:my|the|our)\s+)?"
    # (a few words naming a thing: not "steps for the landing page", "digoxin dose in my notes": the review)
    r"(?:(?!(?:for|in|of|on|to|with|from|at|by|about|into|and|or|my|the|our)\b)[^\s?]+\s+){1,3}?(?:notes?|page)\s*[?.!]*\s*$"
    # ("the note where I weighed up the DipTrans", "the page with all my queens", "my notes from visiting Mel": trial
    # s58's note questions had been read as questions for a passage)
    # ("my character page for Danny", "the recipe note for ...": a kind of note before it, trial s59 TB-026)
    r"|^\s*(?:(?:my|the|our)\s+(?:[^\W\d_]+\s+){0,2}?)?(?:notes?|page)\s+(?:on|about|for|of|where|with|from|when|that)\s+(?=\S))",
    re.IGNORECASE)
# a question for what a thing is: "what is a hypervisor?", "what's SRD?", "define bagging", "who was Dijkstra"
_IS = r"(?:\s+(?:is|are|was|were)|'s|’s)"
DEFINING = re.compile(rf"^\s*(?:(?:what|who){_IS}|define|meaning\s+of)\b", re.IGNORECASE)
ASKS_WHO = re.compile(rf"^\s*who{_IS}\b", re.IGNORECASE)  # ... who someone is: "who is Olu?"


# ... in Japanese: "〜わけのノート", "N2の勉強計画のページ" (the note on ...; trial s48)
# (not "どの", "この": "カレーのレシピはどのノート？" asks which, the review; but "みそのメモ", "ねこのノート": the second)
_SEEKS_NOTE_JA = re.compile(r"^\s*(\S.*?)(?<!^[こそあど])(?<![はがをもに、\s][こそあど])の(?:ノート|ページ|メモ)\s*[?？。]?\s*$")


SEEKS_NOTE_WORDS = 30  # words a question for a note has at most: a pasted passage that opens "Notes from the keynote."
# asks for the passages like it, not for a note


def seeks_note(question: str) -> bool:
    """Does the question ask which note holds something, rather than for the passage itself?"""
    if len(question.split()) > SEEKS_NOTE_WORDS:
        return False
    return _SEEKS_NOTE.search(question) is not None or _SEEKS_NOTE_JA.match(question) is not None


_NOTE_NOUN_WORD = re.compile(r"\b" + _NOTE_NOUN + r"\b", re.IGNORECASE)


def without_asked_noun(question: str) -> str:
    """A question for a note without the word that asks for one: "which note has my parents' address?" looks for
    the address, not for passages that say "note" (a note called "First note")."""
    if ja := _SEEKS_NOTE_JA.match(question):
        return ja.group(1)
    m = _SEEKS_NOTE.search(question)
    if m is None:
        return question
    asked = _NOTE_NOUN_WORD.sub("", m.group(0), count=1)
    return question[:m.start()] + asked + question[m.end():]


# ... for notes that mention or refer to a thing: each note shown where it does, not from its opening
_SEEKS_MENTION = re.compile(r"\b(?:mention(?:s|ed|ing)?|refer(?:s|red)?\s+to|references?|cites?|"
                            r"talk(?:s|ed)?\s+about)\b", re.IGNORECASE)


def seeks_mentions(question: str) -> bool:
    """Does a question for notes ask which notes mention something ("which notes mention Avalara?")?"""
    return seeks_note(question) and _SEEKS_MENTION.search(question) is not None


# "when did I first mention Tom?", "the last time I wrote about the allotment", "earliest mention of Biscuit"
_MENTION_ORDER = re.compile(
    r"\b(?:when\s+did\s+(?:i|we)\s+(first|last)\s+|(?:the\s+)?(first|last)\s+time\s+(?:i|we)\s+)"
    r"(?:mention(?:ed)?|wr(?:i|o)te\s+about|talk(?:ed)?\s+about|note(?:d)?|hear(?:d)?\s+(?:about|of))"
    r"\s+(.+?)\s*[?.!]*$|\b(first|last|earliest|latest)\s+mention\s+of\s+(.+?)\s*[?.!]*$", re.IGNORECASE)


def mention_order(question: str) -> tuple[str, str] | None:
    """("first" or "last", what) for a question for when the notes first or last say something ("when did I
    first mention Tom?": the dated passages that say "Tom", oldest first); None for another question."""
    m = _MENTION_ORDER.search(question)
    if m is None:
        return None
    which = (m.group(1) or m.group(2) or m.group(4)).lower()
    return ("first" if which in ("first", "earliest") else "last"), (m.group(3) or m.group(5)).strip()


def mention_subject(question: str) -> str:
    """What a "which notes mention X" question asks about: the words after "mention", "refer to", ..."""
    m = _SEEKS_MENTION.search(question) if seeks_mentions(question) else None
    return question[m.end():].strip(" ?.!") if m else ""


# "which notes link to the spacing effect note?", "what links to 202103151022?", "backlinks of Interleaving"
_SEEKS_LINKS = re.compile(r"^\s*(?:(?:which|what)\s+(?:notes?|pages?|entries)\s+(?:\w+\s+)?(?:links?|linked|point(?:s|ed)?)"
                          r"\s+to|what\s+(?:links|points)\s+to|"
                          r"(?:show\s+(?:me\s+)?)?(?:the\s+)?backlinks?\s+(?:of|to|for))\s+(.+?)\s*[?.!]*\s*$",
                          re.IGNORECASE)


def links_subject(question: str) -> str | None:
    """The note a question asks the backlinks of ("the spacing effect note" of "which notes link to the
    spacing effect note?"), or None."""
    m = _SEEKS_LINKS.match(question)
    if m is None:
        return None
    subject = re.sub(r"^(?:the|my|our)\s+|\s+(?:note|page)$", "", m.group(1).strip(), flags=re.IGNORECASE)
    return subject.strip("\"'“”[] ") or None


_ASKS_HOW = re.compile(r"^\s*(?:how\s+(?:do|can|should|would)\s+(?:i|you|we)|how\s+to|(?:what'?s|what\s+is|which|what)"
                       r"\s+(?:the\s+)?command)\b", re.IGNORECASE)


def asks_how(question: str) -> bool:
    """Does the question ask how to do something ("how do I restart ...?", "what's the command for ...")?"""
    return _ASKS_HOW.search(question) is not None


# a question for an amount of money: "how much did I bill Northwind in 2023?", "what's my day rate for agencies?",
# "what did the monitor cost?" (trial s44: a line that talks of the client had come before the one that says the sum);
# not "how much heat was it losing?", "how much effort did we spend?", "what's the learning rate?" (the review)
_MONEY_WORDS = (r"pay|paid|pays|paying|cost|costs|costing|charge|charged|charging|bill|billed|billing|spend|spent|earn|"
                r"earned|owe|owed|invoice|invoiced|price|priced|prices|fee|fees|salary|rent|budget|money|"
                r"revenue|income|tax|refund|deposit|worth|quote|quoted|quotes|estimate|estimates|allowance|wage|wages|"
                r"tuition|premium|copay|mortgage")  # (trial s45: "how much was the roofer's quote?")
# a rate of money: "day rate", "hourly rate", "my rates", "the rate for agencies"; not "error rate", "frame rate"
_MONEY_RATE = (r"(?:(?:day|daily|hourly|hour|weekly|monthly|yearly|annual|nightly|flat|going|agency|standard|my|our|"
               r"your|his|her|their)\s+rates?|rates?(?=\s+(?:for|per)\b))")
# (a quote or an estimate someone gave, "the roofer's quote", or a quote for something, "the quote for the roof": not
# "my favourite quote", "the estimate for the API migration", a time's: the reviews)
_AMOUNT_NOUN = (r"(?:costs?|prices?|fees?|salary|rent|budget|bill|spend|revenue|income|allowance|wages?|tuition|"
                r"(?<=['’]s\s)(?:quote|estimate)|quote(?=\s+for\b)|" + _MONEY_RATE + r")\b")
# what is measured, not bought: "how much was the delay", "how much is the memory limit" (the review)
_MEASURED = (r"(?:delay|limit|left|loss|time|memory|space|storage|battery|weight|distance|traffic|usage|rain|rainfall|"
             r"snow|load|capacity|latency|overhead|difference|change|damage|pain|sleep|progress|speed|size|volume|"
             r"dose|temperature|temp|pressure)\b")
# (each [^?.!] run bounded: a pasted question of 100,000 characters had taken minutes here, the review)
_ASKS_AMOUNT = re.compile(r"\bhow\s+much\b(?!\s+(?:of|more|longer|time|effort|energy|work|memory|space|data)\b)"
                          r"[^?.!]{0,120}\b(?:" + _MONEY_WORDS + r")\b|"
                          r"\bwhat(?:'s|’s|s)?\s+(?:is\s+|was\s+|are\s+|were\s+|did\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
                          r"(?:(?!of\b)[\w'’]+\s+){0,3}?" + _AMOUNT_NOUN  # the thing asked: what follows says whose
                          + r"(?=\s*[?.!]*\s*$|\s+(?:for|from|in|per|at|on|to|with|when|last|this|of\s+(?:the|my|a|an)\b))|"
                          r"\bwhat\b[^?.!]{0,120}\b(?:paying|charging|charges|earning|billed|cost\s+me|pay\s+for|paid\s+for)\b|"
                          # "what do we pay Hannah per hour?" (trial s45), not "what did I pay attention to?"
                          r"\bwhat\s+(?:do|does|did)\s+(?:i|we|you|they|he|she)\s+(?:pay(?!\s+attention)|charge|earn|owe)\b|"
                          # "how much do i make at the helpdesk" (trial s51), not "how much bread do we make"
                          r"\bhow\s+much\s+(?:do|does|did|will|would)\s+(?:i|we|you|they|he|she)\s+make\b|"
                          # typed as into a search box: "coworking cost", "day rate 2022"
                          r"^\W*(?:[\w-]+\s+){0,3}?" + _AMOUNT_NOUN + r"(?:\s+\d{4})?\W*$|"
                          # what a thing was, as a whole or a period (trial s50: "how much was the wedding gig", "how
                          # much is adobe a month"); not "how much is left", "how much was the heat loss per day"
                          r"\bhow\s+much\s+(?:is|was|are|were)\s+(?:(?:the|my|our|a|an|that|this)\s+(?:(?!(?:per|a|each)\s)[\w'’-]+\s+){0,3}"
                          r"(?!" + _MEASURED + r")[\w'’-]+\s*[?.!]*\s*$|(?!left\b)[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+(?:a|per|each)\s+"
                          r"(?:month|year|week|night|lesson|session|head|person|seat|user)\b)"
                          # a thing's price asked without "the" (trial s55: "how much r brake bleeds", "how much for a
                          # brake bleed", "price of a bleed" had asked for no sum, the price list's row 6th)
                          r"|\bhow\s+much\s+(?:are|r|is)\s+(?!(?:the|my|our|a|an|that|this|it|left|there)\b)(?!"
                          + _MEASURED + r")[\w'’-]+(?:\s+(?!" + _MEASURED + r")[\w'’-]+){0,3}\s*[?.!]*\s*$"
                          r"|\bhow\s+much\s+for\s+(?:a|an|the|one|my)\b"
                          # a person's price for a job: "how much was pete for the fret dress" (trial s60 UA-039)
                          r"|\bhow\s+much\s+(?:is|was)\s+(?!(?:left|there|it)\b)[\w'’-]+\s+for\s+(?:a|an|the|my|our)\b"
                          r"|^\W*(?:what(?:['’]s|\s+is)\s+)?(?:the\s+)?(?:price|cost)\s+(?:of|for)\s+(?:a|an|the|one)?\s*\w",
                          re.IGNORECASE)


_ASKS_RATE = re.compile(r"\b(?:rates?|percent(?:age)?s?|per\s+cent|%)(?!\w)", re.IGNORECASE)


def asks_rate(question: str) -> bool:
    """Does the question ask for a rate or a share ("what are the CIS deduction rates?", "what percentage ...")?"""
    return _ASKS_RATE.search(question) is not None


def asks_amount(question: str) -> bool:
    """Does the question ask for an amount of money ("how much did I pay for the macbook?", "what's my day rate?")?"""
    return _ASKS_AMOUNT.search(question) is not None


# a sum of money as notes write one: "£17,160", "$1.2k", "€ 450", "325 EUR", "1,500 euros", "£420/day"; not a
# shell's "$1" (a "$" and one digit alone) nor what a code span says (the review: "awk '{print $2}'")
_MONEY = re.compile(r"\b(?:amt|amount|price|cost|fee|paid|rent|salary)\s*::?\s*(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d{1,2})?"
                    # (a sum alone, or "a month", "/hr" after it: not "17 Sep", "250ml", "4 stars", a year: the review)
                    r"(?=[ \t]*(?:$|\n|[|,;)(\]]|\.(?:\s|$)|(?:a|an|per|each|every)\s|/\s*[a-z]))|"
                    r"[£€¥₹]\s?\d|\$\s?\d(?:[\d,.]*\d)?(?:\s?(?:k|m|bn)\b)?(?<!\$\d)(?![\w}])|\$\s?\d{2,}|"
                    r"\b\d[\d,.]*\s?(?:k|m|bn)?\s?(?:EUR|USD|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|INR|euros?|dollars?"
                    r"|bucks|quid)\b|"
                    # pence, of a price per unit or each ("24.6p/kWh", "31p on variable": trial s57 MA); not "1080p"
                    r"(?<![\w.])\d{1,2}(?:\.\d{1,2})?p(?=/|\s+(?:on|per|each|a|an|off)\b)", re.IGNORECASE)  # (not
# "pounds": of flour too)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def states_amount(text: str) -> bool:
    """Does text say a sum of money (_MONEY), outside its code spans?"""
    return _MONEY.search(_CODE_SPAN.sub(" ", text) if "`" in text else text) is not None


# "how much baking powder ...?", "how many eggs in the pancakes": a measure of a thing; a line that says one ("1 tsp
# baking powder", "200g SR flour", "2 eggs") answers it, however few its words (trial s49: an ingredient list had
# come after its recipe's other passages, as a few words)
_ASKS_MEASURE = re.compile(r"\bhow\s+(?:much|many)\b", re.IGNORECASE)
# a line that opens with an amount: "1 tsp", "200g", "2 eggs", "½ onion", "1.5 l"; not a day or a time ("2024-05-01
# paid", "10:30 standup": the review)
_MEASURE = re.compile(r"\s*(?:\d+/\d+(?!/)|\d+(?:[.,]\d+)?|[½¼¾⅓])(?![\d:/-]|\.\d)")


# a question for all the items of a list ("what are the thesis chapters?", "which varieties are blight resistant",
# "which of the apple trees are cookers": trial s58 OA-033,
# "all the drugs that put the INR up", "what courgette varieties have i tried", "list my allergies"): its answer is a
# short list or table whole, not its items one a hit (trial s49: the chapters had come a row a hit)
# (of several: "which restaurant did we go to", "what time did we leave" ask for one, the review)
_ASKS_LIST = re.compile(r"^\s*(?:(?:what|who)\s+(?:are|were)\s+(?:all\s+)?(?:the|my|our)\s"
                        # ... of two things too ("which cups and trophies do we give out", trial s65 C: shown an
                        # item a hit)
                        r"|which\s+(?:of\s+(?:the|my|our)\s+(?:\w+\s+)?)?(?:\w+\s+)?\w+[^\Wsu]s\s+"
                        r"(?:(?:and|&|or)\s+(?:\w+\s+)?\w+[^\Wsu]s\s+)?(?:still\s+)?"
                        r"(?:(?:are|were|do|did|have|has|had)(?:n[’']t)?|got|get|need|went|came|am\s+i)\s"
                        r"|(?:list|name)\s+(?:all\s+)?(?:the|my|our)\s|all\s+(?:the|my|our)\s"
                        r"|what\s+(?:\w+\s+)?\w+[^\Wsu]s\s+(?:have|did)\s+(?:i|we)\s"
                        r"|what\s+(?:\w+\s+)?\w+[^\Wsu]s\s+(?:are|were)\s+there\b"
                        # ... or who is on a body of people ("who's on the committee", trial s65 V: the line above the
                        # committee's table first, none of its rows)
                        r"|who(?:'s|’s|s|\s+is|\s+are)\s+on\s+(?:the|our)\s+(?!call\b)\w+"
                        # ... what to pack, bring, take or buy: a checklist ("things to pack for bologna", trial s62 B)
                        # ... or do, check, prepare (trial s64 IFA-037: "things to do before an annual review" had shown
                        # a checklist's tasks one a hit)
                        r"|(?:things|stuff|items|what)\s+(?:(?:do\s+)?(?:i|we)\s+(?:need\s+|have\s+)?)?to\s+"
                        r"(?:pack|bring|take|buy|get)\b"
                        r"|(?:things|stuff|items|jobs)\s+(?:(?:i|we)\s+(?:need\s+|have\s+)?)?to\s+"
                        r"(?:do|check|prepare|sort(?:\s+out)?)\s+(?:before|for|after|at|on|when|by)\b"
                        # ... or what is still to do for a thing, a checklist's open items (trial s65 J: "what do i
                        # still need to do for fy2 arcp" had come an item a hit, out of the list's order)
                        r"|what\s+(?:do|have)\s+(?:i|we)\s+(?:still\s+)?(?:got\s+|need\s+|have\s+)to\s+do\s+(?:for|before)\b"
                        r"|what(?:'s|’s|s|\s+is)\s+(?:still\s+)?left\s+to\s+do\b"
                        # ... or a checklist, a list of them ("checklist for packing the van", trial s62 P)
                        r"|(?:(?:the|my|our)\s+)?(?:(?:check\s*list|(?:packing|shopping|kit)\s+list)\b|list\s+of\s))",
                        re.IGNORECASE)


def asks_list(question: str) -> bool:
    """Does the question ask for all the items of a list (_ASKS_LIST)?"""
    return _ASKS_LIST.search(question) is not None


def asks_measure(question: str) -> bool:
    """Does the question ask how much or how many of a thing ("how much baking powder in the pancakes?")?"""
    return _ASKS_MEASURE.search(question) is not None


def states_measure(text: str) -> bool:
    """Does a line open with a measure of a thing ("1 tsp baking powder", "200g SR flour", "2 eggs", "½ onion"), or
    close with a count of it, as a stock list writes one ("B32 (6)", "smoke alarm (2 each)", "10mm drill bits x3")?"""
    return _MEASURE.match(text) is not None or _COUNT_AFTER.search(text) is not None


# (trial s73 C: a van's stock list "RCBOs - Hager Type A" > "B32 (6)" had been a few words, 13th for "how many b32
# rcbos should i carry in the van"; not a year, "Budget (2025)", nor a rating, "cooker (32A)")
_COUNT_AFTER = re.compile(r"\S\s*(?:\(\s*[x×]?\s*(?!(?:19|20)\d\d\s*\))\d{1,4}(?:\s+(?:each|left|spare|pcs?|pairs?|boxes|"
                          r"packs?|rolls?))?\s*\)|\s[x×]\s*\d{1,4})\s*$", re.IGNORECASE)


# ... anywhere in it, or for the steps ("I deleted a note, how do I get it back?", "what are the steps to ...")
_ASKS_STEPS = re.compile(r"\b(?:how\s+(?:do|can|should|would|did)\s+(?:i|you|we)|how\s+to|steps?|instructions|procedure|"
                         r"walk\s+me\s+through)\b", re.IGNORECASE)


def asks_steps(question: str) -> bool:
    """Does the question ask for the steps of doing something, wherever it says so? (A question that asks how
    gets numbered steps shown from the first: snippets.)"""
    return asks_how(question) or _ASKS_STEPS.search(question) is not None


def mid_sentence(text: str, at: int) -> bool:
    """Is the word at text[at] written inside a sentence, not first nor after a sentence's end, an opening quote
    or bracket? A capital there is a name's ("what did Grace say?"; not "Mark the PR as ready")."""
    before = _char_before(text, at)
    return bool(before) and before not in ".!?:;\"'“‘("


def _char_before(text: str, at: int) -> str:
    """The last character before text[at] that is not white space ("" at the start): looked up, not by
    copying all the text before each word (a pasted passage of 100k characters had taken a gigabyte)."""
    at -= 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


# a question's own words: at its start (a wh-word or an auxiliary, "is uv faster than poetry"), or a wh-word anywhere
# ("proxmox vs esxi why", "dhcp what info do you get")
_ASKING = re.compile(r"^\s*(?:what|how|why|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|should"
                     r"|would|will|has|have|had)\b", re.I)
_WH = re.compile(r"\b(?:what|how|why|which|when|where|who)\b", re.I)


def as_asked(text: str) -> str:
    """A question as the model reads questions, with its question mark: "how does shuffle sharding work" as "...
    work?" (a user trial: questions typed without it, as most are, had found less: the Obsidian vault's typed
    questions hit@1 0.583, 0.667 with it); not words that ask nothing ("shuffle sharding"), nor a question that ends
    on other punctuation."""
    t = text.rstrip()
    return t + "?" if t and t[-1].isalnum() and (_ASKING.match(t) or _WH.search(t)) else text


# a "not" in a question or a heading: "what didn't go well?", "What did not work", "Things we can't change"
_NEGATION = re.compile(r"\b(?:not|never|no|cannot)\b|n['’]t\b", re.IGNORECASE)
# the words of a question or heading besides its "not", the verbs that carry it and the asking ("what didn't go
# well?" and "What went well" both say "well"): as the keyword side stems them
_TURN_FRAME = frozenset("not no never nor cannot didn don doesn isn wasn weren aren hasn haven hadn couldn wouldn "
                        "shouldn t go goe goes went gone going do doe does did done be is are was were been get got "
                        "what which how who where when why".split())


def negated(text: str) -> bool:
    """Does text say "not" ("what didn't go well?", "## Things that did not work")?"""
    return _NEGATION.search(text) is not None


def turned_words(text: str) -> frozenset[str]:
    """What text says besides its "not" and the verbs that carry it, as stems ("what didn't go well?" and "What went
    well" both {"well"}; "What worked", "what did not work" {"work"}): the same thing, said or turned."""
    from .keywords import tokenize

    return frozenset(tokenize(text)) - _TURN_FRAME


# a question about when, or how often: a line said day after day is each day's answer to it
_WHEN = re.compile(r"\s*(?:and\s+)?(?:when|what (?:day|date)s?|which (?:day|date)s?|on (?:which|what) (?:day|date)s?|"
                   r"how often|how many times)\b|\bhow many (?:times|days)\b", re.IGNORECASE)


# a question for the day or time of one thing: "when is the Y10 mock?", "when did Sian pass her ECT?", "what date is
# the steerco?"; not a clause that sets a case ("When resampling the training set, ...", "When I reorder results ...")
# (an adverb after "when": "When exactly is my appointment in December?", trial s56)
_ASKS_TIME = re.compile(r"\s*(?:and\s+)?(?:when(?:\s+(?:exactly|precisely|roughly|approximately))?"
                        r"(?:'s|’s|\s+(?:is|was|were|are|did|will|has|have|had)\b|"
                        # ("when do I rebase?" asks in which case: the review)
                        r"\s+(?:do|does)\s+(?!(?:i|we|you|one)\b))|"
                        r"what\s+(?:day|date|time)\s+(?:is|was|did|does|do|will)\b|on\s+what\s+(?:day|date)\b"
                        # ... "dates for tenby this summer", "what dates are we at tenby" (trial s76 Z)
                        r"|(?:what\s+)?dates\s+(?:for|are|is)\b)", re.IGNORECASE)


def asks_time(text: str) -> bool:
    """Does the question ask for the day or the time of one thing (_ASKS_TIME)?"""
    return _ASKS_TIME.match(text) is not None and not asks_in_which_case(text)


def asks_in_which_case(text: str) -> bool:
    """Does a question of "when" ask in which case, not on which day ("when is it too icy to go out teaching", "when's
    it safe to ...": trials s86 K, P, a day to come had been lifted, the summer holiday's note first)?"""
    return _IN_WHICH_CASE.match(text) is not None


_IN_WHICH_CASE = re.compile(r"\s*(?:and\s+)?when(?:['’]?s|\s+is)\s+it\s+(?:too\s+(?!late|early|soon)|ok\b|okay|safe|unsafe|"
                            r"fine|alright|sensible|wise|dangerous)\b", re.IGNORECASE)  # (not "too late to cancel",
# "best", "allowed": a day or a time of year asked, the review)


def asks_clock(text: str) -> bool:
    """Does the question ask for a time of day ("what time do i need to ring the butcher by", "physio appt next week
    what time")? Its answer says a time (says_clock), not a day."""
    return _ASKS_CLOCK.search(text) is not None


def says_clock(text: str) -> bool:
    """Does a passage say a time of day ("6.30pm", "17:30", "noon", "around 10.40", "9.00-3.30")?"""
    return _CLOCK.search(text) is not None


_ASKS_CLOCK = re.compile(r"\bwhat\s+times?\b|\bat\s+what\s+time\b", re.IGNORECASE)
# (not a sum or a measure: "£1.50", "2.31m", "4.7/5"; a dotted time only beside am/pm, a word that sets a time, or as
# a span "9.00-3.30")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
                    r"|\b(?:noon|midday|midnight)\b|\b\d{1,2}\s*o['’]clock\b"
                    r"|\b(?:at|around|about|by|from|til|till|until|before|after|approx|c\.)\s+\d{1,2}\.[0-5]\d\b(?![.\d%])"
                    r"|\b\d{1,2}\.[0-5]\d\s*[-–]\s*\d{1,2}[.:][0-5]\d\b", re.IGNORECASE)


def asks_when(text: str) -> bool:
    """Does the question ask when, on which days or how often ("when did I last run?", "how many times did I go
    climbing?")?"""
    if "how many" in text.lower():
        return _WHEN.search(text) is not None
    return _WHEN.match(text) is not None and not asks_in_which_case(text)
