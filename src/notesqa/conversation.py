"""Follow-up questions: turn a short follow-up into a standalone question.

The rule (documented in the README):

* A question is a follow-up when there is an earlier question in the conversation and
  it starts with a connective ("and", "also", "or", "plus", "but", "then", "what about",
  "how about", "what else", "anything else", "more on", "more about", "show me more", "same for"), or is
  at most three words (filters not counted) that lean on the previous question: a
  preposition or pronoun first ("in 2023?", "for Lambda?", "the oven?", "that one?"),
  only years, or only filters ("tag:work": the same question, other filters); or asks in six words or fewer
  about "it" or "them", unless it says "they" or "them" and names a note of its own ("when did they last meet
  Vexa?").
* Any other question of at most three words ("postgres vacuum", "cells?") may be
  either: the page searches both ways and keeps the one that matches better
  (`followup_kind` says "maybe"); a note's name ("Ideas") opens that note.
* A follow-up is searched as the previous standalone question plus the follow-up's
  words (without the connective, and without words the previous question already
  has), with two refinements: a year in the follow-up replaces the years of the
  previous question ("and in 2023?" after "Werner's keynote at re:Invent 2024" asks
  about 2023, not both), and filters (tag:, path:, after:, before:) carry over unless
  the follow-up sets its own of the same name.
* A follow-up asking for more ("what else about cells?", "anything else?", "more on
  cells") also skips the hits the previous answer already showed (`asks_for_more`).
* "and the day before?" ("the next day", "the day after"; "the week before", "the month after")
  after a question about one day (week, month) asks the previous question about the day (week,
  month) before or after; said as a whole question ("what did we decide the week before?") too.
* A follow-up that is a preposition and a phrase ("and on NQ?", "in Python?") takes the place of
  the phrase after the same preposition in the previous question ("what did ColBERT score on MS
  MARCO?" -> "what did ColBERT score on NQ"), its last one that is not a year or a day.
* With the index's note names (the chat passes them): a follow-up that is a note's name ("and what
  about Tom?") takes the place of the note the previous question named ("what did Maria and I
  talk about?" -> "what did Tom and I talk about?").
* Anything else is a new question and starts a new thread, as does any question after
  one that found nothing close (the chat's rule: it passes no previous question). "New
  conversation" in the page forgets the thread.

Examples (previous standalone question -> follow-up -> what is searched):

    "what did Werner say about cells in 2024"  "and in 2023?"
        -> "what did Werner say about cells in 2023"
    "what did Werner say about cells"  "what else about cells?"
        -> "what did Werner say about cells"   (and the hits already shown are skipped)
    "sourdough tag:cooking"  "and the oven?"
        -> "sourdough the oven tag:cooking"
"""

from __future__ import annotations

import re

from typing import Callable

from .asking import asks_for_tasks, asks_overdue, negated, turned_words
from .grammar import FILTER
from .periods import (MONTH_NAME, WEEK_BY_NUMBER, YEAR, YEAR_FROM_TODAY, day_phrases, days, on_the_calendar,
                      shift_day, shift_period, without_days)

# a follow-up that is a month's name alone ("June"; "May" and "March" written as names, not the words)
_BARE_MONTH = re.compile(MONTH_NAME, re.IGNORECASE)
_CONNECTIVES = re.compile(
    r"^\s*(and what about|and how about|what about|how about|what else|anything else|more on|more about|"
    r"show me more|show more|give me more|more results|more please|more(?=\W*$)|"
    r"same for|(?:only|just)\s+(?:the\s+)?(?:ones|notes|those)(?:\s+that\s+are)?|and|also|or|plus|but|then)\b[\s,]*",
    re.I)  # ("only the ones tagged health": the ones the question before found, narrowed; the chat trial, s42)
_MORE = re.compile(r"^\s*(and\s+)?(what else|anything else|more on|more about|more|else|tell me more|show me more|"
                   r"show more|give me more|next(?=\W*$))\b", re.I)  # "next" alone; not "and next week?"
# Any 19xx/20xx word, "since 2023" too: here a year is a part of the question to carry over or
# replace, not (as in periods.years, for ranking) only a year the question asks about.
_YEAR = re.compile(rf"(?<![\w-]){YEAR}(?![\w-])")  # not the year of a day written 2025-03-14 (the review)
_ISO_DAY = re.compile(rf"(?<![\w-])({YEAR})(-[01]\d-[0-3]\d)(?![\w-])")
_WORD = re.compile(r"\w+")
_COMPOUND = re.compile(r"\w+(?:-\w+)*")  # a word and the words a hyphen joins to it ("fix-it")
_IN_YEAR = re.compile(rf"\b(?:(?:in|during|of|from)\s+)?(?<![\w-]){YEAR}(?![\w-])", re.I)


# (not "to do list", "to-read list": a note's or list's name, trial s48's false follow-up notice)
_LEANS = re.compile(r"^\s*(in|for|at|on|during|from|since|until|with|without|by|to(?![\s-]+\w+[\s-]+lists?\b)|of|"
                    r"the|it|its|that|this|those|these|they|them|their|there|then)\b", re.I)


# a short question about "it" or "them" asks about the previous question's subject
_QUOTED_ONLY = re.compile(r'(?:\s*["“][^"“”]+["”])+\s*')
# a time from today and then a thing ("this week rota", "next month bookings", "this years budget")
_TIME_AND_THING = re.compile(r"\s*(?:this|next|last)\s+(?:week|month|year|term|season|quarter|weekend|morning|"
                             r"afternoon|evening)(?:['’]?s)?\s+[a-z]", re.I)
_PRONOUNS = frozenset({"it", "its", "them", "they", "their"})
_PRONOUN_WORDS = 6
_PEOPLE_PRONOUNS = frozenset({"they", "them", "their"})  # who may be the people a vault is about, not the last answer
_DEFINITE = re.compile(r"\b(?:the|that|this|those|these)\s+[a-z]\w*\W*$", re.I)  # ends on "the fix", "the train"
_DEFINITE_WORDS = 5
_ONES = frozenset("one ones other others".split())  # "the other one?", "the second one"
# "the next step?" ("the first amendment" is a thing of its own: the second review)
_BEFORE_A_THING = frozenset("next previous same other former latter".split())


# a thing named before the question's own question word: "epimax how do we use it", "the boiler, how do I reset it",
# "docker, how do I restart it?"; not a word that joins it to the question before ("so how do we use it?", "ok where
# is it?", "thanks, how do I install it?", "cool, where is it?": the reviews), a question word or a request
_FRONTED = re.compile(r"^\s*([\w'’-]+)(?:[\s,]+[\w'’-]+){0,3}[\s,:-]+(?:what|how|when|where|why|who|which)\b", re.I)
_JOINING = frozenset(
    "so and but or ok okay then also well now right plus yes no hmm um oh what which who how when where why tell show "
    "explain remind give please i thanks thank thx ty cool great nice sure alright yeah yep nope wait any hey hi hello "
    "sorry actually anyway ah aha fine perfect awesome lol".split())


def _fronted(question: str) -> bool:
    """Does the question name its thing before its question word ("epimax how do we use it")?"""
    m = _FRONTED.match(question)
    return m is not None and m[1].lower() not in _JOINING | _PRONOUNS and m[1].lower() not in _AUXILIARY


# "it" typed in lower case for IT before what of IT it is: "the borealis it call", "our it team" (trial s53)
_IT_NOUNS = frozenset("call calls team support guy guys dept department desk person people ticket tickets admin admins "
                      "lead director manager security review contact approval signoff sign-off folks contract budget "
                      "project".split())


def _it_team(words: list[str], i: int) -> bool:
    """Is words[i] "it" naming IT, before a noun of IT's ("the borealis it call"), not the pronoun: not after a verb
    that asks of it ("does it support markdown?", "is it security related", "did it review well": the review)?"""
    return words[i] == "it" and i + 1 < len(words) and words[i + 1].lower() in _IT_NOUNS \
        and (i == 0 or words[i - 1].lower() not in _AUXILIARY)  # ("number for it support?" is IT's: the review)


# people the question names before "they", "them" or "their", whom it points to ("how do folk pay their subs", trial s64
# V: it had been said to be searched without the question before it)
# (one of them too, of the singular "their": "customer lost their repair slip", trial s70 Q)
_PEOPLE = frozenset("folk folks people members parents kids children students pupils staff volunteers players singers "
                    "customers clients guests everyone everybody users tenants residents patients families "
                    "adopters donors customer client guest member parent kid child student pupil volunteer player "
                    "user tenant resident patient donor someone somebody anyone anybody person".split())


# ... or one it picks out: "which owner hasnt paid their extras", "who hasnt paid their subs" (trial s66 LIV)
_PICKS = frozenset("which who whoever each every any whichever".split())


def _people_before(words: list[str], i: int) -> bool:
    """Is words[i] "they", "them" or "their" after people the question names (_PEOPLE) or picks out (_PICKS)?"""
    return words[i].lower() in _PEOPLE_PRONOUNS and any(
        w.lower() in _PEOPLE or w.lower() in _PICKS and words[k + 1].lower() not in ("of", words[i].lower())
        for k, w in enumerate(words[:i]))  # (not "which of them": the answer's)


def _worth_it(words: list[str], i: int) -> bool:
    """Is words[i] the "it" of "worth it", which points back to nothing ("jr pass worth it??", trial s60 UD), or of
    "talk yourself into it", "get myself out of it" (trial s70 M: "golden rule talk yourself into it"), or "make it" (to
    come: "when can't baloo make it", trial s83 L), or the "it" of the weather or the time after "if", "when"
    ("tuesday track if its pouring", trial s83 F) or before a weather's verb ("when did it last snow")?"""
    low = [w.lower() for w in words[max(0, i - 3):i + 2]]
    at = min(i, 3)  # the word's place in low
    after = low[at + 1] if at + 1 < len(low) else ""
    # (the weather's only, after "if" or "when": "tuesday track if its pouring"; not "what if it breaks", the review)
    weather = low[at - 1:at] and low[at - 1] in _CONDITION and (after in _WEATHER or low[at] in ("its", "it's", "it’s")
                                                                and after in _WEATHER | _WEATHER_ING)
    if weather:
        return True
    # (... or before a weather's verb, whatever comes before it: "when did it last snow", "did it rain on sunday", trial
    # s86 V, had been said to be a follow-up)
    verb = [w for w in (w.lower() for w in words[i + 1:i + 3]) if w not in _BESIDE_VERB][:1]
    if low[at] == "it" and verb and verb[0] in _WEATHER_VERB:
        return True
    # ("make it" closing the question: to come; not "can i make it without eggs", the review)
    return low[at] == "it" and (low[at - 1:at] == ["worth"] or bool(_SELF_INTO.fullmatch(" ".join(low[:at])))
                                or bool(low[at - 1:at]) and low[at - 1] in _MAKE and i == len(words) - 1)


_CONDITION = frozenset("if when whether unless once till until".split())
_WEATHER = frozenset("rains rained snows snowed pours poured freezes".split())
_WEATHER_ING = frozenset("raining pouring snowing freezing wet cold hot windy icy frosty sunny dark dry".split())
_MAKE = frozenset("make makes made making".split())
_WEATHER_VERB = frozenset("snow snows snowed snowing rain rains rained raining freeze froze freezes hail hailed sleet "
                          "sleeted pour poured drizzle drizzled thunder thundered flood flooded".split())
_BESIDE_VERB = frozenset("last ever next really actually".split())


_SELF_INTO = re.compile(r"(?:.* )?(?:myself|yourself|ourselves|yourselves|themselves|himself|herself) (?:into|out of)")


def _points_back(words: list[str]) -> bool:
    """Do the words after "the" point back to what the previous answer showed?"""
    return words[-1].lower() in _ONES or words[1].lower() in _BEFORE_A_THING


def followup_kind(question: str) -> str | None:
    """"sure" if the question reads as a follow-up, "maybe" for a short question that may be
    one or a new search, None for a question that stands on its own. (It only is a
    follow-up if there was an earlier question.)"""
    return "sure" if _shifts(question) else _kind(question)


def _shifts(question: str) -> bool:
    """Does the question end on "the week before" ("what did we decide the week before?"), without a day
    of its own? It then moves the previous question's day, week or month, if that names one."""
    q = FILTER.sub(" ", question).strip(" ?.!")
    # ("what expires next year": a year from today's, as asked_years reads it, no shift; trial s56; nor a rule asked of
    # "what if": "what if somebody cancels the day before", trial s63 U)
    return bool(_SHIFT.search(q)) and not days(q) and not YEAR_FROM_TODAY.search(q) and not _WHAT_IF.search(q)


# (anywhere: "what do i charge if someone cancels the day before", trial s76 N)
_WHAT_IF = re.compile(r"\bif\b", re.IGNORECASE)


def _kind(question: str) -> str | None:
    """followup_kind without the shift rule: by a connective, by few words that lean on the previous."""
    q = FILTER.sub(" ", question).strip(" ?.!")
    if not q:
        return "sure" if only_filters(question) else None
    if _CONNECTIVES.match(q):
        return "sure"
    if _QUOTED_ONLY.fullmatch(q):
        return None  # '"shuffle sharding"': words to find as written, a search of its own (trial s38)
    words = _WORD.findall(q)
    if asks_for_tasks(q) or asks_overdue(q):  # "what's overdue?" asks its own question
        return None
    # (written in lower case: "IT support", "Make It Stick" are no pronouns: the review; nor one after a thing named
    # before the question word, "epimax how do we use it": trial s47)
    # (nor one inside a compound: "keiths fix-it sessions page", trial s65 P, had been said to be a follow-up)
    whole = _COMPOUND.findall(q)
    if len(words) <= _PRONOUN_WORDS and any(w in _PRONOUNS and not _it_team(whole, i) and not _worth_it(whole, i)
                                            and not _people_before(whole, i) for i, w in enumerate(whole)) \
            and not _fronted(q):
        return "sure"  # "how do I prevent it?" after "what is a deadlock?" (trial s38: DDoS mitigation came back)
    if len(words) > 3:
        # "who owns the fix?", "how much was the train?" right after an answer: the thing it names may be the
        # previous question's (trial s39: both had been searched alone), or a new search: "maybe", both tried
        return "maybe" if len(words) <= _DEFINITE_WORDS and _DEFINITE.search(q) else None
    if _TIME_AND_THING.match(q):
        return "maybe"  # ("this week rota": a time of its own and what is asked of then, trials s67 Q, S)
    if (m := _LEANS.match(q)) and not (m[1].lower() == "the" and len(words) >= 3 and not _points_back(words)) \
            or all(_YEAR.fullmatch(w) for w in words):
        return "sure"  # ("the oven?"; "the retry flag", "the outbox ADR" name a thing of their own too: trial s46; "the
        # other one?", "the next step?" point back: the review)
    return "maybe"


def opens_on(question: str) -> bool:
    """Does the question go on from one before by its first words ("and in 2023?", "what about staging?"), move its
    period ("the week before?") or ask of someone or something it does not name ("when did they last meet?"), not a
    saying or a phrase of its own that a pronoun or a word leaning on it made a follow-up ("if in doubt leave it out",
    "from the feedback": trials s89 I, W)?"""
    text = FILTER.sub(" ", question)
    return _shifts(question) or bool(_CONNECTIVES.match(text) or _ASKING.match(text))


_ASKING = re.compile(r"\s*(?:who|what|when|where|which|why|how|whats|whens|wheres|whos|hows|did|does|do|is|are|was|were|"
                     r"can|could|should|will|would|has|have|had|tell|show|give|their|his|her|its|they|he|she|it|them|"
                     r"those|these)\b", re.IGNORECASE)  # (asks, or opens on someone it does not name: "their email")


def is_followup(question: str) -> bool:
    """True if the question may be a follow-up (see followup_kind)."""
    return followup_kind(question) is not None


_PREPS = r"(?:in|on|for|with|without|at|from|about|by|under|into|to|of|via|using|during)"
# "and the worker?", "what about staging?": the follow-up adds a thing to the previous question. Two in a
# row are siblings: the second adds to what the first added to ("restart the api in prod" + "staging"),
# not to both ("... prod worker staging"). "and on Linux?" takes a phrase's place instead (_phrase_replaced)
_ADDS = re.compile(rf"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?!it\b|that\b|this\b)|"
                   rf"^\s*and\s+(?!(?:what|how|when|where|why|who|which|{_PREPS})\b)", re.I)


def followup_body(question: str) -> str:
    """A follow-up's own words: without its filters and the connective it starts with ("and Kafka?": "Kafka")."""
    return _CONNECTIVES.sub("", FILTER.sub(" ", question)).strip(" ?.!")


def only_filters(question: str) -> bool:
    """Is the question only filters ("tag:fiction", "after:2024-01-01 path:work")?"""
    return bool(FILTER.search(question)) and not FILTER.sub(" ", question).strip(" ?.!")


def only_left_out(question: str) -> bool:
    """Is the question only filters that leave notes out ("-path:Daily -tag:course")? They narrow what came before."""
    return only_filters(question) and all(m.group(0).startswith("-") for m in FILTER.finditer(question))


def adds_a_thing(question: str) -> bool:
    """Does a follow-up add a thing to the previous question ("and the worker?", "what about staging?"),
    rather than ask for more, move its day or take the place of a phrase ("and on Linux?")?"""
    q = FILTER.sub(" ", question)
    return bool(_ADDS.match(q)) and not asks_for_more(question) and not days(q) and not _YEAR.search(q) \
        and not _SHIFT.search(q)  # "and the week after?" moves the week (the chat trial, s42: searched as its words)


def asks_for_more(question: str) -> bool:
    """True for follow-ups that ask for other hits than the ones already shown ("what else ...")."""
    return is_followup(question) and bool(_MORE.match(FILTER.sub(" ", question)))


# "and the day before?" after a question about a day: the same question about the day before (and so
# for a week or a month: "and the week before?" after "what did we decide last week?")
# at the end: not "the day before the exam"; nor after "by", "until", "within", "for", "before": "going stale by the
# next day" (trial s45), "how long does the dough keep for the next day?" (the second review)
_NOT_AFTER = "".join(rf"(?<!\b{w} )(?<!\b{w} the )" for w in ("by", "until", "till", "within", "into", "for", "before"))
# (not before a question of its own: "client pulls out the day before, what do i charge" names its own day before,
# trial s65 Y; "and the day after, at work?" moves the day)
_SHIFT = re.compile(_NOT_AFTER + r"\b(?:the )?(?:(day|week|month|year) (before|after)|(previous|next|following) "
                    r"(day|week|month|year))\b(?=\s*(?:[?.!]|,(?!\s*(?:what|how|when|who|where|which|why|do|does|did|"
                    r"can|should|is|are)\b)|$))", re.I)


Names = Callable[[str], list[tuple[int, int, str]]]


def standalone(question: str, previous: str | None, names_in: Names | None = None) -> str:
    """The question to search for, given the previous standalone question (or None). names_in(text): where
    text names notes, (start, end, path) each (NotesIndex.note_names_in), for a follow-up that names
    another note ("and Tom?" after a question about Maria): it takes that name's place."""
    question = " ".join(question.split())
    if not previous or not is_followup(question) or names_in is not None and (
            only_a_name(question, names_in) or names_its_subject(question, names_in)):
        return question  # a note's name ("the Ashborn", an alias) opens that note, whatever came before; a question
        # of "they" that names a note is of that note
    moved = _moved(question, previous)
    if moved is not None:  # the day, week or month moved; the rest of the follow-up added as any follow-up's is
        previous, question = moved
    elif _kind(question) is None:  # "what did the doctor say the week after?" after a question of no week
        return question
    swapped = _swapped(question, previous, names_in) if names_in is not None else None
    if swapped is not None:
        return swapped
    prev_filters, follow_filters = _filters(question, previous)
    prev = FILTER.sub(" ", previous).strip(" ?.!")
    body = followup_body(question)
    if asks_for_tasks(body) and asks_for_tasks(prev):  # "and what's done?" after "what's in progress?"
        return " ".join([body, *prev_filters, *follow_filters])
    if _BARE_MONTH.fullmatch(body):  # "and June?" after "... in May 2024?": that month, as "and in June?" reads
        body = f"in {body}"
    replaced = _phrase_replaced(prev, body)
    if replaced is not None:  # "and on NQ?" after "what did ColBERT score on MS MARCO?"
        return " ".join([replaced, *prev_filters, *follow_filters])
    week = _WEEK_ONLY.fullmatch(body.strip(" ?.!"))
    if week is not None and len(WEEK_BY_NUMBER.findall(prev)) == 1:  # "and week 4?" after "... week 3 of CS 6200?"
        return " ".join([WEEK_BY_NUMBER.sub(f"week {week.group(1)}", prev), *prev_filters, *follow_filters])
    anew = _asked_anew(prev, body) or _turned_alone(prev, body)
    if anew is not None:  # "and what did not go well?" after "what went well in week 38?"
        return " ".join([anew, *prev_filters, *follow_filters])
    prev, body, said_days = _days_replaced(prev, body)
    body_years = " ".join(m.group(0) for m in (*_YEAR.finditer(body), *YEAR_FROM_TODAY.finditer(body)))
    if body_years:
        phrases = day_phrases(prev)
        if phrases and not said_days and not any(on_the_calendar(p) for p in phrases):
            # "and in 2022?" after "what is due next week?": 2022, not next week of 2022 (trial s38); after "...
            # in March?", March 2022
            prev = without_days(prev)
        # "and in 2026?" after "... last year?": 2026 in its place (the s42 chat trial had searched both)
        prev = YEAR_FROM_TODAY.sub(" ", _IN_YEAR.sub(" ", prev))
        body = YEAR_FROM_TODAY.sub(" ", _YEAR.sub(" ", body))
        if _ISO_DAY.search(prev) and len(body_years.split()) == 1:  # "on 2025-03-14" -> "on 2022-03-14": that day then
            prev, body_years = _ISO_DAY.sub(rf"{body_years}\2", prev), ""
            body = re.sub(r"\b(?:in|during|of|from)\W*$", " ", body, flags=re.I)  # ("and in 2022?": its "in" too)
    known = {w.casefold() for w in _WORD.findall(prev)}
    body = " ".join(w for w in body.split() if not all(x.casefold() in known for x in _WORD.findall(w)))
    parts = [prev, body, said_days, body_years, *prev_filters, *follow_filters]
    return " ".join(" ".join(p for p in parts if p.strip()).split())


_ARTICLE = re.compile(r"\b(?:the|a|an|my|our)\b", re.I)


def names_its_subject(question: str, names_in: Names) -> bool:
    """Does a question that leans on the previous one only by a pronoun name a note of its own ("when did they last
    meet Vexa?": "they", the party, and Vexa's note; trial s50, a game master's every question of "they" had been read
    with the one before it)? Not one that opens with a connective ("and their price?")."""
    q = FILTER.sub(" ", question).strip(" ?.!")
    if not q or _CONNECTIVES.match(q) or _shifts(question):
        return False
    words = _WORD.findall(q)
    # ("it" is the thing asked before: "can I run it in docker?" after a restic question, the review)
    return len(words) > 3 and any(w.lower() in _PEOPLE_PRONOUNS for w in words) and bool(names_in(q))


def only_a_name(question: str, names_in: Names) -> bool:
    """Is the question only a note's name (its title or alias, "the" before it or not: "the Ashborn"), no
    connective before it ("and Tom?" asks the previous question about Tom)?"""
    q = FILTER.sub(" ", question).strip(" ?.!")
    if not q or _CONNECTIVES.match(q):
        return False
    spans = names_in(q)
    rest = "".join(ch for i, ch in enumerate(q) if not any(s <= i < e for s, e, _ in spans))
    return bool(spans) and not _WORD.search(_ARTICLE.sub(" ", rest))


# A follow-up that is a preposition and what follows ("and on Linux?", "for the bread?") takes the place of
# what the same preposition says in the previous question, up to its next preposition or the end.
_PREP_FOLLOWUP = re.compile(rf"^({_PREPS})\s+(\S.*)$", re.I)


def _phrase_replaced(prev: str, body: str) -> str | None:
    """"how do I install it on Linux" for "on Linux?" after "how do I install it on Windows?": the
    previous question with the follow-up's phrase in place of its own after the same preposition (its last
    one that is not a year or a day: "in London?" after "who did I meet in Paris in 2024?"); None when the
    follow-up is not such a phrase, names a year or a day, or the previous question has no such place."""
    m = _PREP_FOLLOWUP.match(body)
    if m is None or len(_WORD.findall(body)) > 5 or _YEAR.search(body) or day_phrases(body):
        return None
    places = [p for p in re.finditer(rf"\b{m.group(1)}\s+(.+?)(?=\s+{_PREPS}\b|\s*[,;:]|$)", prev, re.I)
              if not _YEAR.search(p.group(1)) and not day_phrases(p.group(1))]
    if not places or places[-1].group(1).casefold() == m.group(2).casefold():
        return None
    place = places[-1]
    return prev[:place.start(1)] + m.group(2) + prev[place.end(1):]


# a follow-up of only a week's number ("and week 4?") takes the place of the previous question's week ("week 3 of CS
# 6200", a course's; "week 38", a weekly note's): the s42 review, "what went well in week 38 39"
_WEEK_ONLY = re.compile(r"(?:in\s+|for\s+)?week\s+(\d{1,2})", re.IGNORECASE)


def _days_replaced(prev: str, body: str) -> tuple[str, str, str]:
    """(prev, body without its day phrases, those phrases whole): the follow-up's days take the place of the
    previous question's ("and next week?" after "what is due this week?"), keeping its year when the
    follow-up names none ("and in April?" after "... in March 2024?"); a day phrase is not cut by the
    words the previous question already has ("and in March?" after "... in 2025?")."""
    said = day_phrases(body)
    if not said:
        return prev, body, ""
    phrases = day_phrases(prev)
    year = next((m.group(0) for p in phrases or [prev] for m in _YEAR.finditer(p)), None)
    prev = without_days(prev) if phrases or days(prev) else prev
    if year and not _YEAR.search(" ".join(said)) and on_the_calendar(said[-1]):  # not "next week"
        said[-1] = f"{said[-1]} {year}"
        prev = " ".join(_IN_YEAR.sub(" ", prev).split()) if not phrases else prev  # "in 2025": now "in March 2025"
    return prev, without_days(body), " ".join(said)


# "and what did not go well?" after "what went well with the launch in week 38?": the previous question with its
# opening turned, "what did not go well with the launch in week 38"; its words had been added to the previous
# question's (the s42 chat trial: "what went well in week 38 did not go")
_WH = re.compile(r"^(?:what|which|how|who|where|when|why)\b", re.I)


def _asked_anew(prev: str, body: str) -> str | None:
    """The previous question with the follow-up in place of its opening, when the follow-up says the same thing with
    its "not" turned (asking.turned_words: "what did not work?" after "what worked in the sprint?"); else None."""
    own = turned_words(body)
    if not _WH.match(body) or not _WH.match(prev) or negated(body) == negated(prev) or not own:
        return None
    seen: set[str] = set()
    for m in _WORD.finditer(prev):  # the opening: up to the word where prev has said all of the follow-up's words
        seen |= turned_words(m.group(0)) & own
        if seen == own:
            return " ".join(f"{body}{prev[m.end():]}".split())
    return None


_AUXILIARY = ("did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "can", "could", "will", "would",
              "should")
# a follow-up that is only its "not": "and what didn't?", "what did not?", "and who wasn't?"
_NOT_ALONE = re.compile(r"(what|which|who)\s+(?:(?:" + "|".join(_AUXILIARY) + r")(?:n[’']?t|\s+not)|(?:won|can)[’']?t|"
                        r"cannot)\s*[?.!]*", re.I)
# who does it, after an auxiliary: "we", "the team", "my manager", "Tom" (a name: a capital)
_SUBJECT = re.compile(r"((?:we|I|you|they|he|she|the \w+|my \w+|our \w+|(?-i:[A-Z])\w+)\s+)(.*)", re.I)
# verbs a past question opens with ("what went well?"), each with the form "did not" takes; of a verb not here, the
# follow-up is searched as words, as before
_PAST = {"went": "go", "came": "come", "got": "get", "felt": "feel", "made": "make", "took": "take", "ran": "run",
         "broke": "break", "fell": "fall", "held": "hold", "kept": "keep", "stood": "stand", "grew": "grow",
         "began": "begin", "brought": "bring", "paid": "pay", "sold": "sell", "won": "win", "lost": "lose",
         "stuck": "stick", "sank": "sink", "slipped": "slip", "stopped": "stop", "shipped": "ship", "tried": "try",
         "worked": "work", "helped": "help", "happened": "happen", "liked": "like", "loved": "love", "used": "use",
         "changed": "change", "improved": "improve", "failed": "fail", "landed": "land", "launched": "launch",
         "finished": "finish", "started": "start", "delivered": "deliver", "moved": "move", "mattered": "matter",
         "passed": "pass", "succeeded": "succeed", "scaled": "scale", "converted": "convert",
         "performed": "perform", "agreed": "agree", "approved": "approve", "enjoyed": "enjoy", "planned": "plan"}
_PRESENT = {"works": "work", "helps": "help", "goes": "go", "matters": "matter", "fits": "fit", "scales": "scale",
            "sells": "sell", "runs": "run", "fails": "fail", "needs": "need", "makes": "make"}


def _turned_alone(prev: str, body: str) -> str | None:
    """For a follow-up that is only its "not" ("and what didn't?" after "what went well in the sprint?"): the previous
    question turned ("what did not go well in the sprint"), or None when it cannot be turned (s43's left-overs: it had
    searched "what went well in the sprint didn't")."""
    m = _NOT_ALONE.fullmatch(body.strip())
    opening = re.match(r"(what|which|who)\s+(\w+)\s+(.*)", prev, re.I)
    if m is None or opening is None or negated(prev) or m.group(1).lower() != opening.group(1).lower():
        return None  # ("and who didn't?" after "what went well?" asks another thing: the review)
    wh, verb, rest = opening.group(1), opening.group(2), opening.group(3)
    low = verb.lower()
    if low in _AUXILIARY:  # "what was good?" -> "what was not good"; "what can we cut?" -> "what can we not cut"
        subject = _SUBJECT.match(rest)
        return f"{wh} {verb} {subject.group(1)}not {subject.group(2)}" if subject else f"{wh} {verb} not {rest}"
    if low in _PAST:
        return f"{wh} did not {_PAST[low]} {rest}"
    if low in _PRESENT:
        return f"{wh} does not {_PRESENT[low]} {rest}"
    return None


def _moved(question: str, previous: str) -> tuple[str, str] | None:
    """For "and the day (week, month) before/after?": (the previous question with its day moved, the rest
    of the follow-up), or None. "the day before yesterday" is a day of its own."""
    shift = _SHIFT.search(question)
    # "the next week" is the coming week on its own, the week after the one asked before it ("what about the next
    # week?" after "... in week 38?", the second review)
    if shift is None or days(question) and not (shift.group(0).lower().startswith("the ")
                                                and (day_phrases(previous) or WEEK_BY_NUMBER.search(previous))):
        return None
    unit = (shift.group(1) or shift.group(4)).lower()
    by = -1 if (shift.group(2) or "").lower() == "before" or (shift.group(3) or "").lower() == "previous" else 1
    moved = shift_day(previous, by) if unit == "day" else shift_period(previous, unit, by)
    if moved is None:
        return None
    # the rest is added as any follow-up's words are: "what did we decide the week before?" adds none
    return moved, (question[:shift.start()] + question[shift.end():]).strip()


def _filters(question: str, previous: str) -> tuple[list[str], list[str]]:
    """(the previous question's filters the follow-up does not set anew, the follow-up's filters)."""
    follow = [m.group(0) for m in FILTER.finditer(question)]
    names = {f.split(":", 1)[0].lower() for f in follow}  # ("-tag" apart from "tag": the second review)
    return [m.group(0) for m in FILTER.finditer(previous) if m.group(0).split(":", 1)[0].lower() not in names], follow


def _swapped(question: str, previous: str, names_in: Names) -> str | None:
    """"and Tom?" after "what did Maria and I talk about?": the previous question with the note the
    follow-up names in place of the one note it named (not the same one); else None."""
    body = followup_body(question)
    if not body or len(_WORD.findall(body)) > 4 or _YEAR.search(body):
        return None
    new = names_in(body)
    prev = FILTER.sub(" ", previous).strip(" ?.!")
    old = names_in(prev)
    if len(new) != 1 or new[0][:2] != (0, len(body)) or len({path for *_, path in old}) != 1 \
            or old[0][2] == new[0][2]:
        return None
    for start, end, _ in sorted(old, reverse=True):  # every place it is named, from the end: the spans stay put
        prev = prev[:start] + body + prev[end:]
    prev_filters, follow_filters = _filters(question, previous)
    return " ".join(" ".join([prev, *prev_filters, *follow_filters]).split())
