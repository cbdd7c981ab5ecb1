"""Evidence about whole notes: which note a question names, and where each note begins.

A question that names a note ("what is strict consistency?", "my notes on pre-commit
hooks") is most likely answered by that note, and first by its opening (a definition, a
summary), more than by a passing line in a hub note that mentions the name. Names are a
note's title, its aliases and its file name, matched word by word after the keyword
index's own tokenizing (stemmed, stopwords dropped): the share of a name's words the
question holds, a name's rarer words counting more.
"""

from __future__ import annotations

import math
import re
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from .chunking import Chunk, field_lead, has_words, names_someone
from .keywords import YEAR_WORD, code_forms, name_token, tokenize
from .manifest import NoteEntry
from .notefiles import readable_path, template_note
from .asking import ASKS_WHO, DEFINING, mid_sentence, seeks_note

# a question, not a name: a question mark, or a question word first (so a note titled "How to cook"
# is not opened by its name alone; words inside a name, "reading list", do not count)
_ASKING = re.compile(r"\?|^\s*(?:what|how|why|when|where|which|who|whom|whose|is|are|was|were|do|does|did|can|"
                     r"could|should|would|explain|describe|tell)\b", re.IGNORECASE)
# ... except a question for what a name means ("what is a hypervisor?", "define bagging", "who was
# Dijkstra"): the rest of it, if it is a note's name, asks for that note's opening as the name alone does
_DEFINING = DEFINING
# ... or asks to open it ("open the Decision Log", "show me my reading list page")
_OPENING = re.compile(r"\s*(?:open|show(?: me)?|go to|take me to)\s+(?:the\s+|my\s+)?(.+?)(?:\s+(?:page|note))?[\s.!]*",
                      re.IGNORECASE)
_ASKS_MEMBERS = re.compile(r"\s*who(?:['’]s|\s+(?:is|are|was|were))\s+(?:in|on|part\s+of|the\s+members\s+of)\b",
                           re.IGNORECASE)  # not "who is Olu?": who a person is, their note's text (the review)
_KIND_OF_NOTE = r"(?:paper|article|book|study|page|post|talk|lecture)"
# ... or names it with the kind of note it is: "the eclip paper", "my notes on eCLIP", "the Kleppmann book" (trial s49:
# the alias alone opened the note, "the eclip paper" had put a meeting's line first), "my notes on the kleijn paper"
# (trial s51)
_CALLED = re.compile(r"\s*(?:(?:the|my|our)\s+)?(?:notes?\s+(?:on|about)\s+(?:the\s+)?(.+?)(?:\s+" + _KIND_OF_NOTE + r")?|"
                     r"(.+?)\s+(?:" + _KIND_OF_NOTE + r"|notes?))[\s.!?]*", re.IGNORECASE)
# what qualifies the thing a "what is X ...?" question asks about: "as a consistency model" (not "of", "in": "the
# history of Rome" asks about Rome too, the review)
_QUALIFIED = re.compile(r"\s+as\s+(?:a|an|the)\b", re.IGNORECASE)
# the tags, folders and types of a person's page: "tags:: person", People/, "type: contact"
_PEOPLE = frozenset(tokenize("person people contact contacts colleague colleagues friend friends family team "
                             "coworker coworkers character characters"))  # (a novel's or a game's: trial s59 TB)
# ... and of a job's people ("Volunteers/Margaret Oates", "Tenants/Ellie Foster": trials s88 W, R, "margaret" had found
# her page 10th), whose folders hold other pages too: their first word one the notes never write in lower case ("Staff/
# Sick Leave Policy" is no Sick's: the review)
_JOB_PEOPLE = frozenset(tokenize("volunteer volunteers staff student students pupil pupils tenant tenants client clients "
                                 "patient patients customer customers member members player players"))
# ... and what a title says after a course's or a series' code and number: "AnII L09 - Contraction mapping theorem",
# "Prob L13 - CLT" are also that theorem's note (trial s47: the note had been named 0.68, and its hub's line to it
# came first)
# (its own: not one a series of notes shares, "2026.11.25 - Helen", "Sprint 14 - Retro": the second review)
_CODED = re.compile(r"\s*(?=[^-–—:]*\d)[\w.]+(?:\s+[\w.]+){0,2}(?:\s+[-–—]|\s*:)\s+(.*[^\W\d_].*)")


def _coded_names(titles: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """path -> what its title says after a code and number (_CODED), when no other note's title says the same."""
    found = {p: m.group(1).strip() for p, t in titles.items() if (m := _CODED.match(t))}
    shared = Counter(name.casefold() for name in found.values())
    return {p: (name,) for p, name in found.items() if shared[name.casefold()] == 1}


_NAME_SPAN = 200  # characters a note's name at the start of a question may take
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")  # the word right before a name ("shadow" of "shadow page table")
MIN_NAME_SHARE = 0.6  # a name less than this much named by the question is not named by it
_ASKING_FOR_A_NOTE = frozenset(t for w in ("note", "notes", "page", "pages") for t in tokenize(w))
# A word in more than this share of all passages (and in at least COMMON_ROWS of them: in a small
# vault every word is in a good share), not counting those of the notes it names, is too common to name a note: "features" in a question does
# not name the note "Feature" in a vault where one passage in thirteen says "feature".
COMMON_SHARE = 0.05
COMMON_ROWS = 50


# "papers by Zaharia", "meetings with Maria last week", "notes from SIGIR 2021", "published in Nature", "Kleppmann's
# books": the name runs to a word that starts what else the question says, or to its end
# "from" after a verb of getting is where a thing came from, not who a note is by: "what bonus did I end up getting from
# Notion?" (trial s44: the person pages of company:: Notion had come first, out of score order)
_GOT_FROM = "".join(f"(?<!{w} )" for w in ("get", "gets", "getting", "got", "gotten", "receive", "received",
                                          "receiving", "hear", "heard", "learn", "learned", "learnt", "buy", "bought",
                                          "offer", "offers", "offered", "take", "took", "away"))
_CREDITED = re.compile(r"\b(?:by|with|" + _GOT_FROM + r"from|featuring|(?:published|appeared)\s+in)\s+"
                       # (not a clause's end, "who do i check the fireworks time with at abbeywood": no one "at
                       # abbeywood", the weddings there had come before the venue's own note, trial s73 V)
                       r"(?!(?:about|on|in|at|for|during|to|from|of)\b)"
                       r"((?:(?!\s(?:about|on|in|at|for|during|when|where|that|which|who|"
                       r"last|this|next|before|after|since|and\s+(?:what|how|why|when|where|which|who))\b)[^?.!;,])+)"
                       r"|(?<![\w.-])([\w.-]+(?:\s+[\w.-]+)?)['’]s\s+(?:papers?|books?|articles?|posts?|talks?|work|writings?)\b"
                       # "which meetings did Aiko Tanaka attend?": a name (capitalised words) before attend, join ...
                       r"|\b(?:did|does|do|has|have|had|will)\s+((?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))\s+"
                       r"(?:attend|join|go\s+to|present\s+at|speak\s+at)\b"
                       # "the tadey paper", "the Kleppmann et al. book": a paper called by its author (trial s47)
                       r"|\bthe\s+([\w.-]+)(?:\s+et\s+al\.?)?\s+(?:paper|article|study|book)\b",
                       re.IGNORECASE)
_TEMPLATE_KIND = frozenset(tokenize("template templates"))
_AND = re.compile(r"\s*(?:,|&|\band\b|\bor\b)\s*", re.IGNORECASE)
# the words of a question for notes by who or where they are from that ask for no more than those notes
_LISTING_WORDS = frozenset(tokenize(
    "paper meeting note talk book article post work writing session call sync one-on-one attend join publish "
    "appear present speak wrote written last this next week month year today yesterday day recent latest all"))

# "which studies are done?", "what projects are still active?", "which books have I read?", "list my
# to-read books": notes asked for by the value of a property (status: Done) and by their kind (a Studies
# folder, type: book, a tag); not "which ... are not done" (a negation lists the rest of a database)
_ASKS_BY = r"^\s*(?:and\s+)?(?:which|what|list|show(?:\s+me)?|find)\s+(?:all\s+)?(?:of\s+)?(?:(?:my|the|our)\s+)?"
_DESCRIBED = re.compile(
    _ASKS_BY + r"(?P<kind>[^\W\d][\w-]*)\s+(?:(?:are|is|were|was)\s+(?:still\s+|currently\s+|now\s+|already\s+|"
    r"marked\s+(?:as\s+)?|set\s+to\s+)?(?!not\b)(?P<value>[^\W\d][\w -]{0,30}?)"
    r"|(?:have|did|do)\s+(?:I|we)\s+(?:already\s+|not\s+yet\s+)?(?P<verb>[^\W\d]\w*)"
    r"|(?:that\s+|which\s+)?(?:am\s+I|are\s+we|I(?:'m|’m|\s+am)|we(?:'re|’re|\s+are))\s+(?:currently\s+|still\s+|now\s+)?"
    r"(?P<doing>[^\W\d]\w*ing))\s*[?.!]*\s*$", re.IGNORECASE)
_VALUE_FIRST = re.compile(_ASKS_BY + r"(?!(?:is|are|was|were|do|does|did|has|have|can|should)\b)"
                          r"(?P<value>[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*)?)\s+(?P<kind>[^\W\d][\w-]*)\s*[?.!]*\s*$",
                          re.IGNORECASE)
# "which papers have a rating of 5?", "papers with priority high", "which books have status: reading": by a
# property named with its value (trial s36: a Dataview field's "Rating:: 5" in 7 notes, one found)
_KEY_VALUE = re.compile(_ASKS_BY + r"(?P<kind>[^\W\d][\w-]*)\s+(?:(?:have|has|had)\s+|with\s+)(?:an?\s+|the\s+)?"
                        r"(?P<key>[^\W\d][\w -]{0,30}?)\s*(?:\s+of|:|=)\s*(?P<value>[\w.-]{1,30})\s*[?.!]*\s*$",
                        re.IGNORECASE)
# kinds that are any note: "which notes are drafts?"
_ANY_KIND = frozenset({"note", "page", "file", "thing", "item", "entri", "one", "document", "doc", "card"})
# properties that say what kind of thing a note is (as its folder and tags do)
_KIND_KEYS = frozenset({"type", "types", "kind", "category", "categories", "class", "subtype", "is"})


def _credit_words(names: Mapping[str, object], notes: Mapping[str, NoteEntry]) -> dict[str, tuple[frozenset[str], ...]]:
    """path -> the word set of each of its credits (not a year alone: a year is not a name)."""
    out = {}
    for path in names:
        entry = notes.get(path)
        parts = (frozenset(tokenize(part)) for c in (entry.credits if entry else ()) for part in _AND.split(c))
        sets = tuple(ws for ws in parts if not all(w.isdigit() for w in ws))
        if sets:
            out[path] = sets
    return out


def _properties(notes: Mapping[str, NoteEntry]) -> dict[str, tuple[tuple[str, str], ...]]:
    """path -> its properties ("status: Done") as (key, value) in lower case, the value's words joined by spaces."""
    out = {}
    for path, entry in notes.items():
        pairs = tuple((key.strip().lower(), words) for key, _, value in (p.partition(":") for p in entry.properties)
                      if (words := " ".join(re.findall(r"\w+", value.lower()))))
        if pairs:
            out[path] = pairs
    return out


_NAME_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")  # a word of a name or a question, as synonyms matches them


def _other_names(spelled: Mapping[str, tuple[str, ...]], aliases: Mapping[str, tuple]) -> dict[str, tuple[str, ...]]:
    """A name of a note with aliases (of up to three words, folded) -> the note's other names of one word ("western" ->
    ("WB",) of "Western blot", aliases WB and western), none a word of the name itself; for NoteNames.synonyms."""
    out: dict[str, set[str]] = {}
    for path, written in spelled.items():
        if not aliases.get(path):
            continue
        for name in written:
            folded = " ".join(_NAME_WORD.findall(name.casefold()))
            own = set(tokenize(name))
            if not folded or len(folded.split()) > 3 or not own:
                continue
            for other in written:
                token = name_token(other)
                if token is not None and token not in own:
                    out.setdefault(folded, set()).add(other)
    return {name: tuple(sorted(others)) for name, others in out.items()}


def _first_names(spelled: Mapping[str, tuple[str, ...]], kinds: Mapping[str, frozenset[str]],
                 by_word: Mapping[str, frozenset[str]], common: frozenset[str],
                 chunks: Sequence[Chunk] = ()) -> dict[str, tuple[str, ...]]:
    """path -> the first names a person's page (a People folder, a person tag; of a job's people, _JOB_PEOPLE, one
    the notes' text never writes in lower case) is called by: the first word of a name of two or three capitalised
    words ("Grace" of "Grace Liu"), when no other note's names hold it (the review: "Docker Compose" is no person's)."""
    out = _people_firsts(spelled, kinds, by_word, common, _PEOPLE)
    job = _people_firsts(spelled, kinds, by_word, common, _JOB_PEOPLE)
    if job:
        words = {f.casefold() for firsts in job.values() for f in firsts}
        lower = _written_lower(chunks, words)
        out.update({p: firsts for p, firsts in job.items() if p not in out
                    and not any(f.casefold() in lower for f in firsts)})
    return out


def _written_lower(chunks: Sequence[Chunk], words: set[str]) -> set[str]:
    """Those of words (folded) that the passages' text writes in lower case somewhere ("off sick today")."""
    if not words:
        return set()
    pattern = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")(?![\w'’])")
    return {m[1] for c in chunks for m in pattern.finditer(c.text)}


def _people_firsts(spelled: Mapping[str, tuple[str, ...]], kinds: Mapping[str, frozenset[str]],
                   by_word: Mapping[str, frozenset[str]], common: frozenset[str],
                   people: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """path -> the first names of each page whose kind is of people (_first_names)."""
    out = {}
    for path, kind in kinds.items():
        if not kind & people:
            continue
        firsts = []
        for name in spelled.get(path, ()):
            parts = name.split()
            if not 2 <= len(parts) <= 3 or not all(re.fullmatch(r"[A-Z][\w'’.-]*", p) for p in parts):
                continue
            first = tokenize(parts[0])
            if len(first) == 1 and first[0] not in common and by_word.get(first[0]) == {path}:
                firsts.append(parts[0])
        if firsts:
            out[path] = tuple(firsts)
    return out


def _kinds(chunks: list[Chunk], props: Mapping[str, tuple[tuple[str, str], ...]]) -> dict[str, frozenset[str]]:
    """path -> the stems of what says what kind of note it is: its folders' names, its tags, its type."""
    words: dict[str, set[str]] = {}
    for c in chunks:  # every note's (a person's page is known by its folder or tag: NoteNames._first_name)
        if c.path not in words:
            folders = readable_path(posixpath.dirname(c.path)).replace("/", " ")
            types = " ".join(v for k, v in props.get(c.path, ()) if k in _KIND_KEYS)
            words[c.path] = set(tokenize(f"{folders} {c.hierarchy.replace('.', ' ')} {types}"))
        if c.tags:
            words[c.path].update(w for t in c.tags for w in tokenize(t.replace("/", " ")))
    return {p: frozenset(w) for p, w in words.items()}


# the values that say a thing is done with: "which books have I read?" finds status: finished
_DONE_VALUES = frozenset({"done", "finished", "complete", "completed", "read", "watched", "closed"})


def _says(value: str, key: str, prop: str) -> bool:
    """Does a property (key: prop) have the value a question asks for: the same words ("in progress"), the
    past of a verb asked ("finish": "finished"), one that says it is done as the question does ("read":
    "finished"), or a yes of its own name ("drafts": draft: true)?"""
    return (prop in (value, value + "ed", value + "d") or value in _DONE_VALUES and prop in _DONE_VALUES
            or prop in ("true", "yes") and tokenize(value) == tokenize(key))


def _same_value(prop: str, value: str) -> bool:
    """Is a property's value the one asked for, as written or as a number ("5.0" is 5)?"""
    if prop == value:
        return True
    try:
        return float(prop) == float(value)
    except ValueError:
        return False


def _of_title(alias: frozenset[str], own: list[frozenset[str]]) -> bool:
    """Is an alias the note's title, a part of it ("CNF" of "Conjunctive normal form (CNF)") or a form of
    one of its words ("matrices" of "Matrix")?"""
    return any(alias <= o for o in own) or len(alias) == 1 and any(
        min(len(a), len(w)) >= 5 and a[:5] == w[:5] for a in alias for o in own for w in o)


# a title's numbered part before the rest of its name: "Chapter 3 - Hot moments", "Lecture 12 — Caches" is named by
# "chapter 3" too (trial s45: "what's my hypothesis for chapter 3?" had named no note); not a week, a day, a month
# nor a date ("week 3" is a week of the calendar too, periods.py, and a course's "Week 3 - Scheduling" one of many;
# "March 3 - dentist", "Lab meeting 2025-11-16", "Meeting 10:30 - client", "Chapter 3-4 outline": the review)
_CALENDAR_NAMES = ("week day month year quarter jan january feb february mar march apr april may jun june jul july aug "
                   "august sep sept september oct october nov november dec december monday tuesday wednesday thursday "
                   "friday saturday sunday").split()
_SUBTITLED = re.compile(r"[^\W\d_].{1,60}?\s[-–—]\s+((?:[^\W\d_][\w'’&+.]*\s+){1,4}[^\W\d_][\w'’&+.]*)\s*")
_NUMBERED_PART = re.compile(r"^\s*(?!(?:" + "|".join(_CALENDAR_NAMES) + r")s?\b)((?:[^\W\d_]+\s+){1,2}\d{1,3}[a-z]?)"
                            # (a dash or colon then the rest of the name, "- 2PC and Paxos" too; not "3-4", "10:30")
                            r"(?:\s*[–—]\s*\S|\s*:(?:\s+\S|(?!\d)\S)|\s+-\s+\S|-(?!\d)\S)", re.UNICODE | re.IGNORECASE)




CREDIT_MORE = 3  # words a credit may say beyond a name asked for by and still be of it ("SIGIR 2021", "Matei Zaharia")


def _initials(title: str) -> str | None:
    """The initials a title of three to five words is called by, when they are no English word ("stp" of "Sticky Toffee
    Pudding", "agm" of "Annual General Meeting": trial s61 XB's chef wrote "stp sauce recipie"); None for a title of
    fewer or more words, of numbers or a path."""
    from .spelling import english

    if any(ch.isdigit() or ch == "/" for ch in title):
        return None
    words = [w for w in _NAME_WORD.findall(title) if tokenize(w)]  # (its little words aside: "Paint and chrome")
    initials = "".join(w[0] for w in words).lower()
    return initials if 3 <= len(words) <= 5 and initials.isalpha() and initials not in english() else None


def _name_words(name: str) -> frozenset[str]:
    """A name's words (tokenize's), a number once: "ADR-0007" is {"adr", "7"}, as "adr 7" names it (trial s48), not
    also "0007", which "ADR 7" does not say."""
    words = frozenset(tokenize(name))
    return frozenset(w for w in words if not (w[:1] == "0" and w.lstrip("0") in words))


@dataclass(frozen=True)
class NoteNames:
    """Every note's names as word sets, an inverted index over them, and each note's lead row."""

    names: dict[str, tuple[frozenset[str], ...]]  # path -> word set of each of its names
    by_word: dict[str, frozenset[str]]  # word -> paths with a name holding it
    idf: dict[str, float]  # word -> how rare it is among all names
    leads: dict[str, int]  # path -> row of its first chunk of text (not code, an embedded copy or thin)
    common: frozenset[str] = frozenset()  # name words too common in the notes to name a note alone
    aliases: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # path -> its aliases' words, not its title's
    spelled: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # path -> its title and aliases as written
    credits: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # path -> word set of each credit
    properties: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # path -> (key, value) in lower case
    kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)  # path -> stems of its folders, tags and type
    first_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # person's page -> its first names
    others: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # a name, folded -> its note's other one-word names

    @classmethod
    def build(cls, chunks: list[Chunk], notes: Mapping[str, NoteEntry],
              rows_with: Callable[[str], int] | None = None) -> "NoteNames":
        """rows_with(word): how many passages hold a word (KeywordIndex.rows_with), for `common`."""
        names: dict[str, list[frozenset[str]]] = {}
        alias_words: dict[str, tuple[frozenset[str], ...]] = {}
        spelled: dict[str, tuple[str, ...]] = {}
        leads: dict[str, int] = {}
        coded = _coded_names({c.path: c.title for c in chunks})
        for i, c in enumerate(chunks):
            if c.path not in names:
                stem = posixpath.splitext(posixpath.basename(c.path))[0]
                aliases = notes[c.path].aliases if c.path in notes else ()
                # a namespaced page ("recipes/Dal Makhani") is named by its last part too, as Logseq's search finds it
                namespaced = "___" in stem or "%2f" in stem.lower()  # Logseq's file name of "recipes/Dal Makhani"
                short = (c.title.rsplit("/", 1)[1],) if namespaced and "/" in c.title.strip("/") else ()
                short += tuple(m.group(1) for m in [_NUMBERED_PART.match(c.title)] if m)  # "Chapter 3 - Hot moments"
                short += coded.get(c.path, ())  # "AnII L09 - Contraction mapping theorem"
                # ... and what a title says after a topic and a dash ("disappearing cross" of "Rates of reaction -
                # disappearing cross", trial s49: "my disappearing cross lesson plan" had named no note)
                short += tuple(m.group(1) for m in [_SUBTITLED.fullmatch(c.title)] if m)
                initials = _initials(c.title)
                names[c.path] = [_name_words(n) for n in dict.fromkeys((c.title, stem, *short, *aliases))] + \
                    ([frozenset({initials})] if initials else [])
                own = names[c.path][:len(dict.fromkeys((c.title, stem, *short)))]
                spelled[c.path] = tuple(n for n in dict.fromkeys((c.title, *short, *aliases)) if n.strip())
                alias_words[c.path] = tuple(w for w in names[c.path][len(own):] if w and not _of_title(w, own))
                if namespaced and "/" in c.title.strip("/") and not _name_words(short[0]):
                    # (not by its namespace's words alone, where its own part is little words: "Clients/Which" is no
                    # note "client" names, trial s84 O: first for "who can help when a client won't pay me")
                    space = _name_words(c.title.rsplit("/", 1)[0])
                    names[c.path] = [n for n in names[c.path] if not n <= space]
            # not a line of fields (trial X: a Readwise note's Metadata), but a table's row is its first row
            if c.path not in leads and c.kind != "code" and not c.origin and not c.thin and has_words(c.text) \
                    and (c.kind == "table_row" or not field_lead(chunks, i)):
                leads[c.path] = i
        by_word: dict[str, set[str]] = {}
        for path, sets in names.items():
            for words in sets:
                for w in words:
                    by_word.setdefault(w, set()).add(path)
        n = max(1, len(names))
        idf = {w: math.log(1 + n / len(paths)) for w, paths in by_word.items()}
        floor = max(COMMON_ROWS, COMMON_SHARE * len(chunks))
        # a note's names and credits are in each of its own passages' keywords: count the passages of the
        # notes neither names nor credits ("Tom" is in every passage of the meetings he attends)
        size: dict[str, int] = {}
        for c in chunks:
            size[c.path] = size.get(c.path, 0) + 1
        credits = _credit_words(names, notes)
        credited: dict[str, set[str]] = {}
        for path, sets in credits.items():
            for w in {w for ws in sets for w in ws}:
                credited.setdefault(w, set()).add(path)
        common = frozenset(w for w, paths in by_word.items() if rows_with is not None
                           and rows_with(w) - sum(size.get(p, 0) for p in paths | credited.get(w, set())) > floor)
        props = _properties(notes)
        kinds = _kinds(chunks, props)
        paths_by_word = {w: frozenset(p) for w, p in by_word.items()}
        return cls({p: tuple(s for s in sets if s) for p, sets in names.items()}, paths_by_word, idf, leads, common,
                   {p: a for p, a in alias_words.items() if a}, spelled, credits, props, kinds,
                   _first_names(spelled, kinds, paths_by_word, common, chunks),
                   _other_names(spelled, {p: notes[p].aliases for p in spelled if p in notes}))

    def synonyms(self, question: str) -> list[tuple[str, str]]:
        """(what the question says, another name of the same note) for each name of a note with aliases the question
        says, whole words, and each other one-word name of that note: "western" of the note "Western blot" (aliases
        WB, western) brings "WB", as the person writes it in the notes (trial s49: the answer said "WB")."""
        if not self.others:
            return []
        words = _NAME_WORD.findall(question.casefold())
        grams = {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}
        return [(g, other) for g in sorted(grams) for other in self.others.get(g, ())]

    def described(self, question: str) -> dict[str, str]:
        """The notes a question asks for by a property's value and their kind ("which studies are done?": the
        notes with a property "Done" in a Studies folder, of type study or tagged so; "which notes are
        drafts?": draft: true), each with that property ("status: done"); none if no note has both."""
        for rule in (_DESCRIBED, _VALUE_FIRST):
            m = rule.match(question)
            if m is None:
                continue
            groups = m.groupdict()
            asked = groups.get("value") or groups.get("verb") or groups.get("doing") or ""
            value = " ".join(re.findall(r"\w+", asked.lower()))
            kind = tokenize(m.group("kind"))
            if not value or not kind:
                continue
            found = {}
            for path, props in self._properties_of(kind):
                said = next((f"{k}: {v}" for k, v in props if _says(value, k, v)), None)
                if said is not None and (kind[-1] in _ANY_KIND or kind[-1] in self.kinds.get(path, ())):
                    found[path] = said
            if found:
                return found
        return self._by_key_value(question)

    def _by_key_value(self, question: str) -> dict[str, str]:
        """The notes a question asks for by a property it names with its value ("which papers have a rating of
        5?"), of the kind it asks for, each with that property."""
        m = _KEY_VALUE.match(question)
        if m is None:
            return {}
        key, value, kind = tokenize(m["key"]), m["value"].lower(), tokenize(m["kind"])
        found = {}
        for path, props in self._properties_of(kind):
            said = next((f"{k}: {v}" for k, v in props if _same_value(v, value) and tokenize(k) == key), None)
            if said is not None and kind and (kind[-1] in _ANY_KIND or kind[-1] in self.kinds.get(path, ())):
                found[path] = said
        return found

    def _properties_of(self, kind: list[str]):
        """(path, properties) of the notes a question for notes of kind may list: not a template's placeholders, unless
        it asks for templates (trial s60 WD: "which NPCs are still alive" had listed the NPC template's "status:
        alive" first)."""
        templates = bool(kind) and kind[-1] in _TEMPLATE_KIND
        return [(p, props) for p, props in self.properties.items() if templates or not template_note(p)]

    def credited(self, question: str) -> frozenset[str]:
        """The notes a question asks for by who or where they are from ("papers by Zaharia", "meetings with
        Maria", "talks from SIGIR 2021", "Kleppmann's books"): those with a credit (front matter authors,
        attendees, venue, ...) that is the name after "by", "with" or "from", or before "'s", or holds it
        (a surname). A year alone is left to the year rule; words everywhere in the notes name no one."""
        out: set[str] = set()
        for m in _CREDITED.finditer(question):
            if m.group(4):  # "the tadey paper": a person's name of a few words the surname is of
                out.update(self._by_surname(m.group(4)))
                continue
            for part in _AND.split(next(g for g in m.groups() if g)):
                words = frozenset(tokenize(part))
                if all(w.isdigit() for w in words) or words <= self.common:
                    continue
                # (a credit of a few words more than those asked at most: a venue that is a sentence, "same route as
                # 2025, plus new 3k lantern loop for families", names nothing "from families": trial s63 I)
                # (... and a credit of one word names no note inside a longer name: "notes from s4 parents evening"
                # is no pupil's page of "year:: S4", trial s63 MUS-036)
                out.update(p for p, sets in self.credits.items()
                           if any(words <= c and len(c - words) <= CREDIT_MORE
                                  or c <= words and (len(c) > 1 or len(words) <= 2) for c in sets))
                if m.group(0)[:4].casefold() == "with":
                    out.update(self._persons_page(part))
        return frozenset(out)

    def _persons_page(self, name: str) -> frozenset[str]:
        """The person's page (_first_names) called name, by its title or its first name: what was said "with" them is
        on it too, a 1:1's notes (trial s60 UB: "what did we agree on with tomas" had shown 33 passages of the board
        meetings he attended before his page's "agreed he takes a full week off in aug")."""
        folded = name.strip().casefold()
        return frozenset(p for p, firsts in self.first_names.items()
                         if folded in (n.casefold() for n in (*firsts, *self.spelled.get(p, ()))))

    def _by_surname(self, name: str) -> frozenset[str]:
        """The notes credited to a person name is the surname of: written with its capital, or no English word ("the
        white paper", "the review paper" name no one, nor a venue's "Harvard Business Review"; "the Dean paper" does:
        the reviews), not a number ("the 2021 paper" is left to the year rule), a credit of two to four words."""
        from .spelling import english

        words = tokenize(name)
        if len(words) != 1 or any(ch.isdigit() for ch in name) or words[0] in self.common \
                or not name[:1].isupper() and name.casefold() in english():
            return frozenset()
        return frozenset(p for p, sets in self.credits.items() if any(words[0] in c and 2 <= len(c) <= 4 for c in sets))

    @staticmethod
    def asks_about(question: str) -> bool:
        """Does a question for notes by who or where they are from ask about what they say ("what did we decide
        in last week's 1:1 with Priya?": their passages that answer it), not only for them ("papers by
        Zaharia", "which meetings did Maria attend?": each note from its opening)?"""
        who = {w for m in _CREDITED.finditer(question) for w in tokenize(m.group(0))}
        return any(w not in who and w not in _LISTING_WORDS and not w[0].isdigit() for w in tokenize(question))

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Where text says the name (title or alias) of a note, word for word, or a person's first name (_first_names):
        (start, end, path) each, longest names first, none overlapping ("Maria" in "what did Maria and I talk
        about?"). A name of words common in the notes ("Tom", an attendee of many meetings) names its note only
        when written with its capitals."""
        words = set(tokenize(text))
        found = []
        rare = {p for w in words - self.common for p in self.by_word.get(w, ())}
        for path in {p for w in words for p in self.by_word.get(w, ())}:
            for name in self.spelled.get(path, ()):
                flags = re.IGNORECASE if path in rare else 0
                if not flags and not name[:1].isupper():
                    continue
                found.extend((m.start(), m.end(), path)
                             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags))
            # a person by the first name, with its capital ("and Samuel?" for Samuel Achebe: trial s37)
            found.extend((m.start(), m.end(), path) for first in self.first_names.get(path, ())
                         for m in re.finditer(rf"(?<!\w){re.escape(first)}(?!\w)", text))
        out: list[tuple[int, int, str]] = []
        for span in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
            if all(span[1] <= s or span[0] >= e for s, e, _ in out):
                out.append(span)
        return sorted(out)

    def opening(self, path: str, question: str, note: list[Chunk], first_row: int) -> int | None:
        """Where to open a note the question names (named_exactly): where the note first says the alias the
        question is, when that is not its title or a part of it ("poison reverse", an alias of "Count to
        infinity problem", is what its Avoidance section explains; "iBGP" of "Border gateway protocol (BGP)"
        is said in one bullet), else its lead: "who is Olu?" asks who the whole note is about (a person's other
        name, not a part of them). note: its chunks, from first_row."""
        opening = _OPENING.fullmatch(question)  # "open the poison reverse page"
        words = _name_words(opening.group(1) if opening else _DEFINING.sub("", question, count=1))
        if words in self.aliases.get(path, ()) and not ASKS_WHO.match(question):
            for i, c in enumerate(note):  # (its words in the line or the headings over it: "Exemptions:" under "##
                # MIAM" for "MIAM exemptions", trial s57, had opened below that list, at a line that says both)
                if c.kind == "code" or c.origin or c.thin:
                    continue
                own = set(tokenize(c.text))
                if words & own and words <= own | set(tokenize(" ".join(c.heading))):
                    return first_row + i
        # "who is in my study group?": the people its fields name, above its text as the app shows them (trial s51: a
        # page's members:: had been left out, shown from its first block)
        if _ASKS_MEMBERS.match(question) and note and note[0].thin and names_someone(note[0]):
            return first_row
        return self.leads.get(path)

    def named_exactly(self, question: str) -> frozenset[str]:
        """The notes the question is just the name of ("Veg Patch", an alias; "master theorem"), or asks
        the meaning of ("what is a hypervisor?"): it asks for that note, as a quick switcher would open it."""
        # "how does a hypervisor trap calls?" asks about it, not for the note; "define goals" may be a name
        found = self.to_open(question)  # "Veg Patch", "open the Decision Log", "show me my Alpha page"
        defining = _DEFINING.match(question)
        if not found and defining is None and len(question.split()) == 1:
            return self._called_by_first_name(question)  # ("margaret" alone: her page, trial s88 W)
        if found or defining is None:
            return found
        rest = question[defining.end():]
        return self._named_by(rest) or self._called_by_first_name(rest)

    def _called_by_first_name(self, text: str) -> frozenset[str]:
        """The person's page text is the first name of ("Priyanka" of the page "Priyanka Desai": "who is Priyanka?"
        asks for her page's opening, trial s47, whose "kids: ..." line had come first); typed in lower case too, the
        question's whole subject: no other note's names hold it (_first_names)."""
        name = text.strip(" ?.!").casefold()
        return frozenset(p for p, firsts in self.first_names.items() if name in (f.casefold() for f in firsts))

    def to_open(self, question: str) -> frozenset[str]:
        """The notes the question is just the name of ("Decision Log") or asks to open ("open the Decision
        Log"), as a quick switcher opens them; not a question for what a name means ("what is a hypervisor?")."""
        found = frozenset() if _ASKING.search(question) else self._named_by(question)
        opening = _OPENING.fullmatch(question)
        # (its spaces folded: a run of thousands, pasted, had taken seconds to try every way to share it: the review)
        called = _CALLED.fullmatch(" ".join(question.split())) if not found and not opening else None
        return found or (self._named_by(opening.group(1)) if opening else frozenset()) \
            or (self._named_by(called[1] or called[2]) if called else frozenset())

    def _named_by(self, text: str) -> frozenset[str]:
        """The notes one of whose names text is, word for word; else the one note whose name it is but for the name's
        year ("hokkaido plan" of "Hokkaido 2025 plan", trial s48; not of two, nor when text says a year)."""
        words = _name_words(text)
        if not words:
            return frozenset()
        notes = self.by_word.get(next(iter(words)), ())
        exact = frozenset(p for p in notes if words in self.names.get(p, ()))
        # (a name of common words is still its note's, said whole: "Hive 5" of six hive pages, trial s54's "which notes
        # link to Hive 5")
        if exact or words <= self.common or any(YEAR_WORD.fullmatch(w) for w in words):
            return exact
        yearless = frozenset(p for p in notes for name in self.names.get(p, ())
                             if name != words and frozenset(w for w in name if not YEAR_WORD.fullmatch(w)) == words)
        # (nor when another note's name says the words and more: "japan trip" of "Japan trip ideas", the review)
        holders = {p for p in notes for name in self.names.get(p, ()) if words <= name}
        return yearless if len(yearless) == 1 and holders == yearless else frozenset()

    def named(self, question: str) -> dict[str, float]:
        """Notes the question names, each with how fully (MIN_NAME_SHARE..1) its best name is named."""
        tokens = tokenize(question)
        words = set(tokens) | set(code_forms(question, tokens, joined_only=True))  # "cs 6210" names "CS6210 notes"
        if seeks_note(question):  # "which note was about the offsite?" names no note "First note" by its "note"
            words -= _ASKING_FOR_A_NOTE
        out: dict[str, float] = {}
        yearless: list[str] = []
        for path in {p for w in words for p in self.by_word.get(w, ())}:
            if {w for name in self.names.get(path, ()) for w in name & words} <= self.common:
                continue  # named only by words that are everywhere in the notes
            best = max((self._share(name, words) for name in self.names.get(path, ())), default=0.0)
            if best < 1.0 and any(self._share(n, words, yearless=True) >= 1.0 for n in self.names.get(path, ())):
                yearless.append(path)
            if best < 1.0 and self._shared(path, words):
                best = 0.0  # a word of its name that another note's name has too does not pick it
            if best >= MIN_NAME_SHARE or self._first_name(question, path):
                out[path] = max(best, MIN_NAME_SHARE)
        # a question that says no year names the one note whose name it says but for its year, when it names no note
        # in full ("the kleijn paper" of "Kleijn 2015": trial s51, as _named_by's "hokkaido plan" of "Hokkaido 2025
        # plan"; not "my goals" of "Goals 2024" beside "Goals", nor a day's notes of every year: the review)
        if len(yearless) == 1 and not any(v >= 1.0 for v in out.values()) \
                and not any(YEAR_WORD.fullmatch(w) for w in words):
            out[yearless[0]] = 1.0
        return self._subject_only(question, out) if len(out) > 1 else out

    def _shared(self, path: str, words: set[str]) -> bool:
        """Are the question's words that a note's names say all in another note's name too ("restaurant" of "food /
        restaurant picks" and of "restaurant phrases": trial s52, the first named by it and its passages lifted over
        the answer in the second)? Then a part of its name picks no one note."""
        said = {w for name in self.names.get(path, ()) for w in name & words}
        others = set.intersection(*(set(self.by_word.get(w, ())) for w in said)) if said else set()
        return bool(others - {path})

    def _share(self, name: frozenset[str], words: set[str], yearless: bool = False) -> float:
        """How much of a name (by rarity) words say; yearless: of its words but its years."""
        if yearless and len(name) > 1:
            name = frozenset(w for w in name if not YEAR_WORD.fullmatch(w)) or name
        total = sum(self.idf.get(w, 0.0) for w in name)
        return sum(self.idf.get(w, 0.0) for w in name if w in words) / total if total else 0.0

    def within_longer_names(self, question: str, named: dict[str, float], says: Callable[[str], bool]) -> dict[str, float]:
        """named, with a note named in full only inside a longer name the notes say named as much as its words are of
        that name: "whats a shadow page table" names the note Page table 2/3, as the notes say "shadow page table", a
        thing of its own (trial s39: Page table had come first, the Shadow page table's definition not in the top 5);
        "explain page table" names it in full. says(phrase): does a passage say phrase."""
        full = [p for p, share in named.items() if share >= 1.0]
        if not full:
            return named
        spans = self.names_in(question)
        out = dict(named)
        for path in full:
            its = [(s, e) for s, e, p in spans if p == path]
            if its and all(self._modified(question, s, e, says) for s, e in its):
                n = len(tokenize(question[its[0][0]:its[0][1]]))
                out[path] = named[path] * n / (n + 1)
        return out

    @staticmethod
    def _modified(question: str, start: int, end: int, says: Callable[[str], bool]) -> bool:
        """Is the name at question[start:end] the end of a longer name the notes say, a word before it ("shadow")?"""
        before = _WORD_BEFORE.search(question, 0, start)
        return before is not None and bool(tokenize(before.group(1))) and says(f"{before.group(1)} {question[start:end]}")

    def _subject_only(self, question: str, named: dict[str, float]) -> dict[str, float]:
        """Of the notes a "what is X ..." question names, those named by X when X is a note's name: "what is
        strict consistency as a consistency model?" asks about Strict consistency; Consistency model, named by
        what qualifies it, is no more named than the other models it lists."""
        defining = _DEFINING.match(question)
        if defining is None:
            return named
        rest = question[defining.end():]
        start = len(rest) - len(re.sub(r"^\s*(?:(?:a|an|the)\s+)?", "", rest, flags=re.IGNORECASE))
        # "X as a Y": what follows qualifies X ("what is X and how does Y ...?" asks of Y too, "the history of Rome"
        # of Rome); a name at the start is short: not every name sought through a pasted passage (the review)
        head = rest[:start + _NAME_SPAN]
        subject = {path for s, e, path in self.names_in(head)
                   if s == start and path in named and _QUALIFIED.match(head, e)}
        return {p: v for p, v in named.items() if p in subject} if subject else named

    def _first_name(self, question: str, path: str) -> bool:
        """Does the question call a person's note by their first name, written with its capital ("what did Grace
        say in our last 1:1?" and the page "Grace Liu"), a name no other note's names hold? (Trial s36: people's
        pages are named in full, and the question's one word of two fell short of MIN_NAME_SHARE.)"""
        # written with its capital inside the question, not as its first word ("Mark the PR as ready")
        return any(mid_sentence(question, m.start())
                   for first in self.first_names.get(path, ())
                   for m in re.finditer(rf"(?<!\w){re.escape(first)}(?!\w)", question))

