"""Units, what a person wrote as one thing, and the markdown walker that finds them in a note.

A unit is what the person wrote as one thing: a list item (at any depth), a
paragraph, a table row (with its header), or a code block with the sentence that
introduces it. Each unit knows its line, its heading path and its parent bullets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Protocol, Sequence

from .textchars import note_text_chars, visible_chars
from .flashcards import Cards, as_records, deck_note, read_cards
from .htmlblocks import BREAK_TAG as _BREAK_TAG, as_markdown, block_parts, image_alt, is_html as _is_html
from .liquid import strip_non_content
from .markup import (CODE_SPAN, FIELD_KEY, INLINE_QUERY, LINK_NAME, LINK_TAGS, QUERY_LANGUAGES, SPACED_LINK_TARGET, TASK_BOX,
                     TASK_BOXES, VIEW_HIGHLIGHT, WIKILINK, Inline, attachments, code_fence_after, field_tags,
                     foam_references, kanban_board, names_its_file, only_tags, outside_code, roam_macros,
                     without_emphasis, without_navigation)
from .metadata import (CREDIT_FIELDS, RECORD_KEYS, as_list, as_tags, citation_names, coded_names, created_value,
                       credits, date_line, document_id, fields_on_top, front_matter, inline_fields, leading_fields,
                       leading_field_names, leading_fields_lines, name_letters, note_date, note_names, opens_with_day, opens_with_weekday,
                       properties, shown_fields, title_from_filename, unclosed_front_matter, unreadable_day, zettel_id,
                       ordered_front_matter_day, slashed_order, span_start, headings_day)
from . import dendron
from .config import MAX_NESTING
from .docsites import site_markup, toml_front_matter
from .evernote import en_todos, yarle_metadata
from .nesting import parse_nested
from .notefiles import Problem
from .notion import Properties, counted_text, page_properties, without_relations

UNIT_KINDS = ("bullet", "paragraph", "quote", "table_row", "code")
_NO_VALUE = frozenset({"", "-", "–", "—", "?", "tbc", "TBC", "n/a"})  # a cell that says nothing yet
# a first cell of a series a row is kept for: a month ("Sep", "Oct 2029"), a number or a day in numbers ("4", "12/10"),
# a weekday and its day ("Thu 20 Sep"); not a thing, "Passport", "Can we have a cat?" (the review)
_SERIES_CELL = re.compile(r"\s*(?:(?P<month>[A-Za-z]{3,9})\.?(?:\s+(?:19|20)?\d\d)?|\d{1,4}(?:[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?|"
                          r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Za-z]{3,9})?)\s*")


def _kept_for(cell: str) -> bool:
    """Is a table row's first cell one of a series a row is kept for (_SERIES_CELL)?"""
    from .metadata import month_number

    m = _SERIES_CELL.fullmatch(cell)
    return m is not None and (m["month"] is None or month_number(m["month"].lower()) is not None)


@dataclass(frozen=True)
class Unit:
    kind: str
    text: str  # plain text as shown: links reduced to their text, no markup
    line: int  # 1-based line in the file
    end_line: int
    heading: tuple[str, ...]
    parents: tuple[str, ...]  # texts of the bullets above, outermost first
    depth: int = 0  # list nesting depth (0 = not in a list)
    parent: int | None = None  # index of the parent bullet unit in the note
    intro: str = ""  # for code blocks: the sentence that introduces them
    marker: str = ""  # an ordered list item's number as written ("3." or "3)"); "" for a bullet
    keep_lines: bool = False  # shown with its line breaks (a callout, a Logseq note block)
    origin: tuple[str, int] | None = None  # an embedded copy: the note and line it comes from
    thin: bool = False  # only a link or a picture ("Wikipedia", a caption): little to say about itself
    tags: tuple[str, ...] = ()  # a Logseq block's #tags and its parent blocks' (a tag tags its block)
    after_rule: bool = False  # a thematic break (---) is right above it: a record of its own starts
    lang: str = ""  # a fenced code block's language as its fence names it ("python"); "" when it names none
    template: bool = False  # under a Logseq template block (template:: name): a template's, after the notes' own


@dataclass(frozen=True)
class ParsedNote:
    path: str  # relative to the notes folder, forward slashes
    title: str
    tags: tuple[str, ...]
    date: str | None  # ISO YYYY-MM-DD
    units: list[Unit] = field(default_factory=list)
    problem: Problem | None = None
    aliases: tuple[str, ...] = ()  # other names of the note (front matter aliases, Logseq alias::)
    cited_as: tuple[str, ...] = ()  # names it is cited or numbered by: a zettel ID, "ADR-007", a citation key,
    # "Bjork 1994" (found and named by them as by an alias; not embedded, as its aliases are: see chunking)
    credits: tuple[str, ...] = ()  # who or where it is from (front matter authors, venue, year): keywords
    properties: tuple[str, ...] = ()  # its other short fields, "status: Done" (metadata.properties)
    block_ids: dict[str, int] = field(default_factory=dict)  # ^block-id or Logseq id:: -> unit index
    # a ^block-id on a line of its own after a list, table or callout (Obsidian's form for them) -> the end
    # (exclusive) of the units it names, from its block_ids unit on
    block_ends: dict[str, int] = field(default_factory=dict)
    id_titles: dict[str, str] = field(default_factory=dict)  # id:: of a heading block -> its title
    lost: tuple[str, ...] = ()  # parts of the text that could not be read as notes text, and why
    text_chars: int = 0  # characters of notes text in the file (front matter and properties left out)
    heading_chars: int = 0  # of those, in headings and callout titles (indexed as context, not as units)
    page_tags: tuple[str, ...] | None = None  # a Logseq page's own tags (tags::): its blocks are tagged by
    # these and their own #tags (Unit.tags), not by every #tag on the page (a journal's day of blocks)
    hierarchy: str = ""  # in a Dendron vault, the hierarchy the note is in (dendron.hierarchy)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the note is found by besides its title: its aliases, then the names it is cited as."""
        return self.aliases + self.cited_as


_MD = None


def md_parser():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        from mdit_py_plugins.dollarmath import dollarmath_plugin
        from mdit_py_plugins.footnote import footnote_plugin

        # $maths$ is read as written (no markdown escapes inside it); pandoc's rules, so "$5 or $15"
        # stays text
        # maxNesting: commonmark's 20 reads a list 9 levels deep; outlines go deeper (trial s38: 30 levels, 30% read)
        _MD = (MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
               .use(front_matter_plugin)
               .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
               .use(footnote_plugin, inline=False, move_to_end=False))  # a [^1] is not text; its definition is a paragraph
        # a link's label is its text whatever it points to ("[attachment](<file:///...pdf>)", ZotLit's): nothing is
        # rendered from this parse, so markdown-it's refusal of file: and other addresses guards nothing here
        _MD.validateLink = lambda url: True
    return _MD


_GENERIC = re.compile(r"</?[A-Z][\w.]*>")  # "<String>" right after a word: a type's parameter
# what a browser (and Obsidian) renders as HTML; any other <name> is a placeholder someone wrote,
# "kubectl logs <pod-name>", and is text
def _literal_emphasis(children) -> set[int]:
    """Emphasis marks inside a word that are its characters: __init__.py, 8*6*30 (markdown renders
    them as bold "init" and italic "6", which loses what was written). The indexes of both marks. Stars
    around a word's first or last letters are emphasis, as the app shows them: a mnemonic's "**C**onfusion"."""
    literal: set[int] = set()
    opened: list[int] = []
    for i, child in enumerate(children):
        if child.type in ("em_open", "strong_open"):
            opened.append(i)
        elif child.type in ("em_close", "strong_close") and opened:
            start = opened.pop()
            before = children[start - 1].content[-1:] if start and children[start - 1].type == "text" else ""
            after = children[i + 1].content[:2] if i + 1 < len(children) and children[i + 1].type == "text" else ""
            word_before = before.isascii() and before.isalnum() or before == "_"  # (not CJK: no spaces between words)
            extension = after[:1] == "." and after[1:2].isalnum()  # file_*name*.txt
            letters = any(ch.isalpha() for c in children[start + 1:i] if c.type == "text" for ch in c.content)
            inside = word_before or after[:1].isalnum() or extension
            # (stars around a word's last letters, the word ending there, are emphasis too: a correction's "me
            # gust**an**", trial s60 UD; not "a*b*c", letters on both sides)
            ending = word_before and not after[:1].isalnum() and all(
                ch.isalpha() for c in children[start + 1:i] if c.type == "text" for ch in c.content)
            if inside and (children[start].markup.startswith("_") or not letters or word_before and not ending
                           or extension):
                literal.update((start, i))  # (a*b*c, O(n*m*k): marks with the word on both sides)
    return literal


def _misread_bold(children) -> tuple[set[int], set[int]]:
    """A bold run with a star inside it that markdown reads as two italics ("**A*, A, B**" of a grade: italic "A" inside
    italic "A, A, B", then a star: trial s79 AF, "Molly: A, A, B*"): (the inner italic's close, a star of the text as
    written; the text after the outer close, whose first star closes the bold)."""
    stars, trimmed = set(), set()
    for a in range(len(children) - 1):
        if not (children[a].type == children[a + 1].type == "em_open" and children[a].markup == "*"
                and children[a + 1].markup == "*"):
            continue
        depth, closes = 0, []
        for j in range(a, len(children)):
            depth += {"em_open": 1, "em_close": -1}.get(children[j].type, 0)
            if children[j].type == "em_close":
                closes.append(j)
            if depth == 0:
                break
        if len(closes) == 2 and closes[1] > closes[0] + 1 and closes[1] + 1 < len(children) \
                and children[closes[1] + 1].type == "text" and children[closes[1] + 1].content.startswith("*"):
            stars.add(closes[0])
            trimmed.add(closes[1] + 1)
    return stars, trimmed


def inline_text(token, render: Callable[[str], str] | None = None) -> str:
    """Plain text of an inline token: link and emphasis markup dropped, HTML dropped.

    render (markup.Inline.render) turns Obsidian and Logseq syntax in the text into what a
    reader sees; code spans are never passed to it. Adjacent text pieces are rendered
    together, so a [[link]] the parser cut in two is still read as one."""
    out: list[str] = []
    prose: list[str] = []
    children = token.children or []
    literal = _literal_emphasis(children)
    stars, trimmed = _misread_bold(children) if "**" in (token.content or "") else (set(), set())

    def flush() -> None:
        if prose:
            joined = "".join(prose)
            out.append(render(joined) if render is not None else joined)
            prose.clear()

    for i, child in enumerate(children):
        t = child.type
        if t == "text":
            prose.append(child.content[1:] if i in trimmed else child.content)
        elif i in stars:
            prose.append("*")
        elif i in literal:
            prose.append(child.markup)
        elif t == "code_inline" and INLINE_QUERY.match(child.content):
            continue  # a Dataview query's code: the app shows what it computes, not it
        elif t == "code_inline":
            flush()
            out.append(code_span(child.content))
        elif t in ("math_inline", "math_inline_double"):
            flush()
            mark = "$$" if t == "math_inline_double" else "$"
            out.append(f"{mark}{child.content}{mark}")
        elif t in ("softbreak", "hardbreak"):
            prose.append("\n")
        elif t in ("s_open", "s_close"):
            prose.append("~~")  # struck out: shown so, not as what the note now says ("~~1910~~ 1911")
        elif t == "image" and not names_its_file(child.content or "", child.attrGet("src") or ""):
            prose.append(child.content or "")  # its alt text, unless that is only its file name
        elif t == "html_inline" and _BREAK_TAG.fullmatch(child.content):
            prose.append("\n")  # "Monday.<br>The grout": two lines, as a browser shows them
        elif t == "html_inline" and _SUP_OPEN.fullmatch(child.content):
            # "advice<sup>1</sup>", "x<sup>2</sup>": raised, not "advice1" (trial s36b); an ordinal's letters
            # ("3<sup>rd</sup>", "21<sup>st</sup>") stay with their number, as read: a day stays a day
            raised = children[i + 1].content if i + 1 < len(children) and children[i + 1].type == "text" else ""
            if not raised.isalpha():
                prose.append("^")
        elif t == "html_inline" and (alt := image_alt(child.content)):
            prose.append(alt)  # <img alt="the tiled wall">: what the picture shows, as a markdown picture's alt
        elif t == "html_inline" and (not _is_html(child.content) or _GENERIC.fullmatch(child.content) and prose
                                     and prose[-1][-1:].isalnum()):
            prose.append(child.content)  # List<String>, <pod-name>: text written in prose, not an HTML tag
    flush()
    return "".join(out)


_SUP_OPEN = re.compile(r"<sup\b[^>]*>", re.IGNORECASE)
_FENCE_LANGUAGE = re.compile(r"\{?\s*\.?([A-Za-z0-9_+#-]+)")  # "python", "{r setup}", "{.python .numberLines}"


def fence_language(info: str | None) -> str:
    """The language a code fence's info string names ("python {.line-numbers}", "{r setup, include=FALSE}",
    "js:title=a.js"): its first word of a language's letters, else ""."""
    m = _FENCE_LANGUAGE.match((info or "").strip())
    return m.group(1) if m else ""


def code_span(code: str) -> str:
    """Inline code as written, between backticks (more of them when it holds one): where a command or an
    error message starts and ends is part of what the note says."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


_SPACES = re.compile(r"\s+")


def unticked(text: str) -> str:
    """text with its code spans' backticks and its strikethrough marks taken away and its spaces folded: as
    the model reads it (the ticks say where code starts and ends to a reader, the tildes what is struck
    out; to the model they are noise)."""
    if "`" not in text and "~~" not in text:
        return text
    parts, at = [], 0
    for m in CODE_SPAN.finditer(text):
        parts += [text[at:m.start()].replace("~~", ""), m.group(2).strip()]
        at = m.end()
    parts.append(text[at:].replace("~~", ""))
    return " ".join("".join(parts).split())


def clean(text: str) -> str:
    """Fold whitespace for display, outside code spans (`FATAL:  sorry` keeps its two spaces)."""
    if "`" not in text:
        return " ".join(text.split())
    parts, at = [], 0
    for m in CODE_SPAN.finditer(text):
        parts += [_SPACES.sub(" ", text[at:m.start()]), m.group(0).replace("\n", " ")]
        at = m.end()
    parts.append(_SPACES.sub(" ", text[at:]))
    return "".join(parts).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def last_sentence(text: str) -> str:
    parts = [p for p in _SENTENCE_END.split(clean(text)) if p.strip()]
    return parts[-1] if parts else ""


LABEL_CHARS = 80
# a sentence's end; an exclamation inside before anything but a word going on ("accepted! 🎉 (oral)"; not "Jeopardy!
# categories"), unless the line ends with a colon ("Important! Bring these:")
_LABEL_END = re.compile(r"[.!]['\")\]]*$|!\s+(?![a-z])(?!.*:\s*$)")


_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # one pair of brackets around it all (not "(Optional) Tools (if any)")


RECORDS = object()  # the inline token of a paragraph of records, one a line (record_lines): it names no list


def _is_label(unit: Unit | None, inline, apart: bool = False, table: bool = False) -> bool:
    """A short one-line paragraph that is not a sentence, right before a list, names that list
    ("Pros", "How DynamoDB uses DNS", "Why?"): its bullets mean what they mean under it, as
    under a parent bullet or a heading. A line that is only a link ("[YouTube](...)") or points to links ("back to
    [[Alfie Brennan]]") is not, nor two sentences a blank line sets apart from the list (apart); of a table (table), a
    field of a count is its caption ("Total dives pre-PhD: 87" over the dive log)."""
    if unit is None or unit.kind != "paragraph" or unit.depth or inline is RECORDS:
        return False
    text = clean(unit.text)
    if not (0 < len(text) <= LABEL_CHARS and "\n" not in unit.text.strip() and not _LABEL_END.search(text)):
        return False
    if _ASIDE.fullmatch(text):
        return False  # an aside ("(S29 skipped - only Jo and Dev could make it)": trial s47), no list's name
    if apart and _valued_field(text, table):  # a field's list of values, apart, says something of its own: "present:
        return False  # Raj, Aisha, Tom" names no list of the agenda after it (trial s49: it had headed the budget's)
    if apart and _two_sentences(text, lower=True) and not text.endswith(":"):  # two sentences say something, apart they
        return False  # name nothing ("Priya announced mat leave - Sept 2027. Cover = supply?", then a blank line: trial
        # s46 had it the parent of the day's tasks); right above the list they may ("... The bagging is the process")
    if apart and not text.endswith(":") and _states_something(text):
        return False  # (trials s57: "bought 12/08/26, £2,599 inc VAT ..." over the tools installed, "Temp 6°C, no wind,
        # bit of dew" over a night's targets)
    if apart and _POINTS_ON.search(getattr(inline, "content", "") or ""):
        return False  # a line that points on to a note, set apart: "New rota started today → [[Staff Rota Autumn
        # 2027]]" names no list of the day's notes after it (trial s79 N: it had been every bullet's parent)
    if apart and _QUOTATION.fullmatch(text):
        return False  # a quotation, set apart: an epigraph ("“All rook endings are drawn” — Tartakower", trial s60 VD)
    if _DATAVIEW_VALUE.match(getattr(inline, "content", "") or ""):
        return False  # a Dataview field is the note's: "time_spent:: 1h40" names no list (trial s60 VD: a to-do's parent)
    # (trial s66 J: a session log's rows had been under its "back to [[Alfie Brennan]]")
    return not _only_link(inline, pointer=True) and not only_tags(text)


_POINTS_ON = re.compile(r"(?:→|->|=>|⇒)\s*(?:\[\[|\[[^\]\n]+\]\()")  # an arrow to a link
_QUOTATION = re.compile(r"\s*[\"“‘'][^\"”’]{3,}[\"”’]\s*(?:[—–-]+\s*\S.*)?")  # quoted words, their author after
_DATAVIEW_VALUE = re.compile(r"\s*" + FIELD_KEY + r"::[ \t]*\S")  # "time_spent:: 1h40"


LABEL_WORDS = 10  # a line of this many words or more, a blank line above a list, says something: no label of it


def _states_something(text: str) -> bool:
    """Does a line say something rather than name what follows: a sum of money, a share ("score **84%**" over a visit's
    notes, trial s68 I: "score 84%" had headed them in the breadcrumb), three things or more (two commas), LABEL_WORDS
    words or more, or a phone number or an email address?"""
    from .asking import states_amount

    return text.count(",") >= 2 or len(text.split()) >= LABEL_WORDS or states_amount(text) \
        or _A_SHARE.search(text) is not None or states_contact(text)


_A_SHARE = re.compile(r"\d\s*%")


def states_contact(text: str) -> bool:
    """Does text hold a phone number or an email address ("07700 900934", "tom@x.com")?"""
    return ("@" in text or _NINE_DIGITS.search(text) is not None) and _CONTACT.search(text) is not None


_NINE_DIGITS = re.compile(r"\d[\d ]{8}")  # (a passage with neither: no contact regex to run, asked at every search)


LONG_NUMBER = r"\d[\d ]{8,}\d"  # ten digits or more, spaces between: a phone's, an account's
_CONTACT = re.compile(rf"(?<![\w/.-])\+?{LONG_NUMBER}(?![\w/-]|\.\w)|[\w.+-]+@[\w-]+\.\w")  # "07700 900934", "tom@x.com"
# (a sentence's full stop after one too: "Mon & Fri only. 07713 550 208.", trial s73 F; not "12345 67890.5")


def _valued_field(text: str, table: bool = False) -> bool:
    """Is a line a field with a value of its own: a list of three or more; over a list (not table), of two when its key
    has no number ("Coaches: Sophie Grant, Hannah Lee"; not "Day 1: Rome, Vatican", a day's label), or a count
    ("Present: all 7"; not a day, "Day 2: 15 May"; trial s67 C), or who came ("Present: all except Maureen")?"""
    if _VALUED_FIELD.match(text):
        return True
    if table:
        return False
    m = _FIELD_VALUE.fullmatch(text)
    if m is None or any(ch.isdigit() for ch in m[1]):
        return False
    from .periods import ANY_WEEKDAY, WRITTEN_DAY

    value = m[2]
    if m[1].strip().casefold() in _WHO_CAME:
        return True  # who came, whoever: "Present: all except Maureen" (trial s68 M) heads no minutes
    return "," in value or any(ch.isdigit() for ch in value) and not WRITTEN_DAY.search(value) \
        and re.search(rf"\b(?:{ANY_WEEKDAY})\b", value, re.IGNORECASE) is None


_WHO_CAME = frozenset("present apologies attendees attending attended absent".split())
# a field whose value lists three things or more: "present: Raj, Gareth, Aisha", "INSET: 1 Sept, 2 Sept, 5 Jan"; not
# "Shopping:", nor a label of a value of its own, "Day 1: Rome", "Phase 2: Migration, cutover" (the review)
_VALUED_FIELD = re.compile(r"[^:\s][^:]{0,30}:\s+[^,]+,[^,]+,.*(?<!:)$")
_FIELD_VALUE = re.compile(r"([^:\s][^:]{0,30}):\s+([^:]*[^:\s])")


def _counted(text: str) -> bool:
    """Is a line a field whose value is a number ("Running total: 21.5 hrs", "Total dives pre-PhD: 87")?"""
    m = _FIELD_VALUE.fullmatch(text.strip())
    return m is not None and re.match(r"[~£$€]?\d", m[2].lstrip()) is not None

_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Z]")
_LOWER_SENTENCE_INSIDE = re.compile(r"[.!?]\s+[A-Za-z]")  # ... as written in lower case too ("... at the bottom. don't")
# the words a period ends without ending a sentence, as written: "Mr. Smith", "e.g. a cat", "Fig. 3" (chunking's
# windows do not end after them)
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Jr", "Sr", "vs", "cf", "e.g", "i.e", "approx", "Fig",
                 "fig", "Vol", "vol", "pp", "Ph.D")
# ... and a label's, in any case, and a month's or a weekday's too ("Mrs. Patel", "Sept. trip", "approx. Serves 4": the
# review)
_ABBREVIATED = frozenset({a.lower() for a in ABBREVIATIONS} | set(
    "eg ie no nos etc ca jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun".split()))


def _two_sentences(text: str, lower: bool = False) -> bool:
    """Does text say a sentence of three words or more, then another ("Priya announced mat leave - Jan to Sept 2027.
    Cover = supply?"; not "Step 1. Install the tools", "Mrs. Patel's reading list")? lower: the other may open in
    lower case, as notes are typed ("one-liners. newest at the bottom. don't reorganise this": trial s48)."""
    for m in (_LOWER_SENTENCE_INSIDE if lower else _SENTENCE_INSIDE).finditer(text):
        words = text[:m.start()].split()
        last = words[-1] if words else ""
        # (nor an initial or a dotted abbreviation: "J. R. R. Tolkien", "the U.S. Constitution", "9 a.m. Tuesday")
        if len(words) >= 3 and len(last) > 1 and "." not in last and last.lower() not in _ABBREVIATED:
            return True
    return False


# A line that is a record of its own, not part of a wrapped sentence: a flashcard ("Koplik spots::Measles",
# Obsidian's Spaced Repetition plugin), a field or a labelled line ("Dose: 4 g a day", "Q: ..."), or a log's entry
# that opens with its day (metadata.opens_with_day: "**14 May** People directory live") or its weekday ("Mon - veggie
# chilli", a week's plan: trial s49's had read as one sentence). A paragraph whose every line is one is read line by
# line: Obsidian shows each of its lines on a line of its own.
_RECORD = re.compile(r"^[^:\s`][^:`]{0,80}?(?<=\S)(?::{2,3}(?=\S)|:[ \t]+\S)")
_ANSWER_LABEL = r"(?:A|Ans|Answer)\s*:"
_ANSWER = re.compile("^" + _ANSWER_LABEL, re.IGNORECASE)  # the answer of the Q: line before it
# a question-and-answer card in one paragraph: "Q: ... A: ..." (its answer on the same line or the next)
QA_CARD = re.compile(r"(?:Q|Question)\s*:.*\s" + _ANSWER_LABEL, re.IGNORECASE | re.DOTALL)
# an interviewer's question: the next line (the speaker's answer, "MARIA: ...") is its answer
_ASKED = re.compile(r"^(?:Q|Question|Interviewer|INT)\s*:", re.IGNORECASE)
_CARD = re.compile(r"^([^:`]{1,200})(?<=\S)(:{2,3})(?=\S)")  # a card's front :: its back


# a turn of a transcript: "MARIA:", "Q:", "DR. HALL:" (a name in capitals, or Q/A), its words after it
_TURN = re.compile(r"^(?:[A-Z][A-Z .'’-]{0,30}[A-Z.]|[QA])\s*:\s+\S")


def starts_record(line: str) -> bool:
    """Does the line start a record or a turn of a transcript (not go on with the one before it)?"""
    return bool(_TURN.match(line.strip()) or _RECORD.match(line.strip()))


def _turns(lines: list[str]) -> list[tuple[int, str]] | None:
    """A transcript's lines as turns ((first line, text)), a turn's wrapped lines joined to it: when its
    first line and another start a turn (_TURN); None for any other paragraph."""
    if not _TURN.match(lines[0].strip()) or sum(bool(_TURN.match(ln.strip())) for ln in lines) < 2:
        return None
    turns: list[tuple[int, str]] = []
    for i, ln in enumerate(lines):
        if _TURN.match(ln.strip()):
            turns.append((i, ln.strip()))
        else:
            turns[-1] = (turns[-1][0], f"{turns[-1][1]} {ln.strip()}")
    return turns


def record_lines(raw: str, deck: bool = False) -> list[tuple[int, str]] | None:
    """For a paragraph of two or more records (_RECORD), each record as (its first line's offset in the
    paragraph, its text): an answer line stays with its question (the line after a "Q:" line, whoever
    answers: an interview's "MARIA: ..."), a card reads "front → back"
    ("front ↔ back" for a two-way card); None for any other paragraph."""
    lines = raw.split("\n")
    if len(lines) < 2:
        return None
    # (a week's plan's free day among its days, "Wed 22 - ", one of them: trial s79 C, a plain note's "Mon 20 - ...",
    # "Wed 22 - ", "Fri 24 - ..." had been one paragraph of no day)
    planned = any(opens_with_weekday(ln) for ln in lines)
    starts = _turns(lines) or ([(i, ln) for i, ln in enumerate(lines)]
                               if all(_RECORD.match(ln.strip()) or opens_with_day(ln) or opens_with_weekday(ln, planned)
                                      for ln in lines) else None)
    if starts is None:
        return None
    records: list[tuple[int, str]] = []
    for i, ln in starts:
        text = card(clean(ln), deck)
        if records and (_ANSWER.match(text) or _ASKED.match(records[-1][1]) and "\n" not in records[-1][1]):
            records[-1] = (records[-1][0], f"{records[-1][1]}\n{text}")
        else:
            records.append((i, text))
    return records if len(records) > 1 else None


# a line of prose wrapped where the editor's width ran out: long, and not at a sentence's or a clause's end
_WRAPPED_AT = 60
_WRAPPED_SHORT = 40
_WRAPPED_MOST = 80  # an editor wraps at 80 columns or fewer (Vim 79, Emacs 70, Prettier 80): a longer line is one as written
_WRAPPED_BAND = 16  # the lines of prose wrapped at a width end within a long word of it
_LINE_ENDS = (".", "!", "?", ":", ";", ")", "…")
_LABEL_FIRST = re.compile(r"[A-Z][\w()/-]*(?: [\w()/-]+){0,3}:\s+\S")  # a line that a field's label opens: "Deposit ID: ..."


def set_lines(raw: str) -> bool:
    """Are a paragraph's line breaks the writer's own, as Obsidian and a plain editor show them (trial s51: a leek
    note's "Musselburgh - hardy, ... harvest Nov-Mar" then "Bandit - blue-green, ..." had been run into one line),
    not prose wrapped at a width (a line of 60 characters or more that stops mid-sentence, as a wrapped one does)?"""
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    if len(lines) < 2 or _wrapped_wide(lines):
        return False
    return not any(_wrapped(ln, nxt) for ln, nxt in zip(lines, lines[1:]))


def _wrapped_wide(lines: list[str]) -> bool:
    """Is a paragraph prose wrapped at a width of its own, wider than editors' 80 (an editor set to 100 or 120: the
    review's "... decided on" then "Python 3: it has")? Three lines or more, every one but the last within
    _WRAPPED_BAND characters of the longest, and one going on mid-sentence in lower case; a log of lines of like
    length, each opening with a capital or a date, ends each line, and so does a journal written all in lower case
    ("woke at 6 and ran the canal loop ... 52 min", then "work was slow ...": the review), prose opening with a
    capital."""
    widths = [len(ln) for ln in lines[:-1]]
    return (len(lines) >= 3 and not lines[0][:1].islower()
            and min(widths) >= max(widths) - _WRAPPED_BAND and max(widths) > _WRAPPED_MOST
            and len(lines[-1]) <= max(widths)
            and any(not ln.endswith(_LINE_ENDS) and nxt[:1].islower() for ln, nxt in zip(lines, lines[1:])))


def _wrapped(line: str, after: str) -> bool:
    """Is line prose the editor wrapped: long and stopping mid-sentence, or shorter (wrapped at 40-60 columns: the
    review) and the next line going on in lower case? A list of short lines ("eggs", "milk") is no prose."""
    if line.endswith(_LINE_ENDS) or len(line) > _WRAPPED_MOST or _LABEL_FIRST.match(after):
        return False  # (longer than editors wrap at: trial s52's "... light coming through the torii = magic" of 87
        # characters had run into "reached the summit at 8:20"; nor is a line a label opens, "Deposit ID: MD-...")
    return len(line) >= _WRAPPED_AT or len(line) >= _WRAPPED_SHORT and after[:1].islower()


def definition(raw: str) -> str | None:
    """A definition list's entry (Pandoc, PHP Markdown Extra, MkDocs' def_list: a term, then its meanings each on
    a line starting ": ") as a glossary entry reads, "term — meaning" ("; " between meanings); None for any other
    paragraph."""
    term, _, rest = raw.partition("\n")
    lines = rest.split("\n") if rest else []
    if not lines or not term.strip() or term.lstrip().startswith(":") or len(term) > 100 \
            or not all(_MEANING.match(ln) for ln in lines):
        return None
    meanings = [_MEANING.sub("", ln).strip() for ln in lines]
    joined = meanings[0]
    for m in meanings[1:]:  # "traffic. Also: ...", not "traffic.; Also: ..."
        joined += (" " if joined[-1:] in ".!?;" else "; ") + m
    return f"{term.strip()} — {joined}"


# a meaning's line: ": " then words, two or more ("Save and quit" then ": wq" is a command, ": )" a smiley)
_MEANING = re.compile(r"^ {0,3}:[ \t]+(?=[\w*_`(\[\"']\S*\s+\S)")


def card(text: str, deck: bool = False) -> str:
    """A flashcard line as read in a note of cards (deck: flashcards.deck_note), as the Spaced Repetition plugin
    reads one: "Koplik spots::Measles" -> "Koplik spots → Measles" (":::" is a card both ways: ↔); elsewhere
    "ActiveRecord::Base" is what it says."""
    m = _CARD.match(text) if deck and "::" in text else None  # most lines: no card, no regex run over them
    if m is None or not any(ch.isalpha() for ch in m.group(1)):
        return text
    return f"{m.group(1)} {'↔' if len(m.group(2)) == 3 else '→'} {text[m.end():]}"


# what a web page says around its article, kept by a clipper: weak evidence, after the page's own passages
_BOILERPLATE = re.compile(
    r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\))?\s*\d{4}\b).*|.*\ball rights reserved\.?$|^skip to (?:main )?content\b.*|"
    r".*\b(?:sign up|subscribe) (?:for|to) (?:our|the|my) (?:free )?newsletter\b.*|"
    r"^(?:share|tweet) (?:this (?:article|post|page|story|recipe)|on (?:twitter|facebook|linkedin|x|email|pinterest))\b.*|"
    r"^(?:(?:accept|manage|reject) )?(?:all )?cookies?(?: policy| settings| preferences)?\W*$|"
    r"^(?:read more|continue reading|subscribe|shop now|buy now|add to (?:cart|basket))\W*$|^advertisement$|"
    r"^we use cookies\b.*|.*\b(?:accept|agree to) (?:our|the) cookie policy\b.*|^shop the look\b.*|"
    r"^(?:you (?:may|might) also like|related (?:posts|articles|products)|follow us(?: on \w+)?)\W*$|"
    # (trial s46's clippings: "Subscribe to the Review — ...", "Log in to comment | 12 comments", "Related Articles:
    # ...", "Donate | Newsletter sign-up", "Find more content like this on ...", a site's "Home » Blog » ...")
    # (narrowly: "Subscribe to the Economist – £99 a year", "Fix the broken newsletter signup", "Related reading:
    # ...", "Home › Settings › Privacy, then ..." are a person's own lines: the review)
    r"^subscribe to (?:(?:the|our|my) )?[\w'’]+(?: [\w'’]+){0,2}\s*[—–:|-].*\b(?:inbox|newsletter|get the best|"
    r"unlimited access|subscribe now)\b.*|"
    r"^(?:log|sign) in to (?:comment|reply)\b.*|^related (?:posts|articles|content)\s*:.*|"
    r".*\|\s*newsletter sign-?up\W*$|"
    r"^find more content like this\b.*|^home\s*[»›]\s*(?:blog|news|articles?|insights|resources|posts?|stories|docs|"
    r"guides?|help)\b.*|"
    # a template's placeholder left unfilled ("Definition here" in 61 notes of the shared Obsidian vault: trial s38)
    r"^(?:(?:add|write|put|insert|your)\s+)*(?:(?:the|a|an|your)\s+)?(?:definition|description|notes?|summary|content|"
    r"text|details|example|answer|explanation)s?\s+(?:goes\s+|go\s+)?here\W*$|^lorem ipsum\b.*", re.IGNORECASE)


def boilerplate(text: str) -> bool:
    """Is a short passage a web page's furniture ("© 2021 Example Media. All rights reserved.", "Skip to
    content", "Sign up for our newsletter"), as a clipped article keeps it, or a template's unfilled placeholder
    ("Definition here")?"""
    return len(text) <= 160 and "\n" not in text and _BOILERPLATE.match(text.strip()) is not None


def _without_tag_lines(raw: str, dotted: bool, over: bool = False) -> tuple[str, int]:
    """A paragraph's text without its lines after its first that are only tags (over: its first lines too), and
    how many of its first lines those were: Bear and Obsidian users tag a note on its last line, which markdown
    joins to the paragraph or item above it, and a deck of flashcards on the line above its first card
    ("#flashcards/renal"). A paragraph of only tags is kept (the note's tags)."""
    lines = raw.split("\n")
    lead = next((i for i, ln in enumerate(lines) if not only_tags(ln, dotted)), None) if over else 0
    if lead is None:
        return raw, 0
    kept = lines[lead:lead + 1] + [ln for ln in lines[lead + 1:] if not only_tags(ln, dotted)]
    return ("\n".join(kept), lead) if len(kept) < len(lines) else (raw, 0)


def _only_link(inline, pointer: bool = False) -> bool:
    """Is the line only links (and what joins them)? pointer: or links after a word that points to them
    ("Next: [[Lecture 12]]", "see also [[CAP]]": trial E's navigation lines came first for what they name)."""
    depth, outside, labels = 0, "", ""
    for child in getattr(inline, "children", None) or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and child.type in ("text", "code_inline"):
            outside += child.content
        elif child.type == "text":
            labels += " " + child.content
    # [[wikilinks]] too, and what joins links: a daily note's "<< [[2026-11-11]] | [[2026-11-13]] >>"
    rest = WIKILINK.sub("", outside).strip(" \t:-–—|<>·•,/←→«»")
    labels += " ".join(m.group(2) for m in WIKILINK.finditer(outside))
    if not rest:
        return True
    linked = pointer and bool(labels.strip())
    # (... what joins two links: "See also [[A]] and [[B]]", trial s91 L, its line first for "what do i need to take to
    # the planning course", the course's note out of ten)
    if linked:
        rest = _JOINS.sub(" ", rest).strip()
    # (another time's note, only a dated one: "last year: [[Summer Fete 2029]]", not "This year: [[Mrs Khan]]", a fact:
    # the review)
    if pointer and _TIME_POINTER.fullmatch(rest):
        return _A_YEAR_WRITTEN.search(labels) is not None
    return pointer and (_POINTER.fullmatch(rest) is not None or _names_its_links(rest, labels))


_JOINS = re.compile(r"(?<=\s)(?:and|or|&)(?=\s|$)", re.IGNORECASE)


def _names_its_links(rest: str, labels: str) -> bool:
    """Is the text beside a line's links only a few words of their names ("clubs → [[Clubs#Sam]]", "sizes → [[Sizes]]":
    trial s52, whose pointer had come first for "what clubs does sam do", above the list it points to)?"""
    words = set(_LINK_WORD.findall(rest.lower()))
    return 0 < len(words) <= 3 and words <= set(_LINK_WORD.findall(labels.lower()))


_LINK_WORD = re.compile(r"[^\W_]+")


# a word that points to the links after it: a lecture's "Next:", a "See also" line
# ... or back to it, or links ("Back to [[Psychiatry]]", "Linked: [[Gentamicin]]": trial s65 J, first for the Mental
# Health Act question)
# ... or to another time's note of the same thing ("Compare: [[Fred Whitton 2029]]", "last year: [[Summer Fete 2029]]",
# trials s91 I and L, each first over the note it names; not a field's label, "Owner: [[Jo Hussain]]", a fact)
POINTER_WORDS = (r"(?:next|prev(?:ious)?|up|back(?: to)?|return to|parent|related|links?|linked(?: to)?|"
                 r"see(?: also)?|also|cf\.?|compare(?:\s+(?:with|to))?|"
                 r"(?:last|this|next|previous|prev)\s+(?:year|time|one|version|season|term)(?:['’]s)?)"
                 r"(?:\s*(?:lecture|note|page|chapter|topic)s?)?")
_POINTER = re.compile(POINTER_WORDS, re.IGNORECASE)
_TIME_POINTER = re.compile(r"(?:last|this|next|previous|prev)\s+(?:year|time|one|version|season|term)(?:['’]s)?"
                           r"(?:\s*(?:lecture|note|page|chapter|topic)s?)?", re.IGNORECASE)
_A_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _label_text(text: str) -> str:
    """A label as a parent: "Cons:" reads "Cons" in a breadcrumb."""
    return clean(text).rstrip(" :")


# where a reading tool's export says a highlight is from: Kindle's "— location: 560", Readwise's "(Location 1230)",
# Zotero's "(p. 966)", "(View Highlight)", Omnivore's ⤴️ link
HIGHLIGHT_MARK = re.compile(r"— location: \d+|\((?:Location|Page|p\.|pp\.) ?\d[\d–-]*\)|\(View Highlight\)|⤴️")
# ... and the link it goes with (a note's own "(p. 12)" is a citation, not an export's highlight: trial Y)
EXPORT_LINK = re.compile(r"\]\(<?(?:zotero|kindle)://|\]\(<?https?://(?:read\.)?readwise\.io/|\]\(<?https?://omnivore\.app/"
                         r"|\]\(<?https?://hyp\.is/|\]\(<?https?://(?:www\.)?instapaper\.com/")
LONG_INDENTED = 300  # an indented code block this long is likely prose indented by mistake: say so
CALLOUT = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*")
# a callout's metadata, "> [!quote|#ffd400] Highlight" (Zotero Integration's colour): how it looks, not text
_CALLOUT_METADATA = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?(?:>[ \t]*)+\[![\w-]+)\|[^\]\n]*\]", re.M)


def callout_metadata(text: str) -> str:
    """text with its callouts' metadata left out: "[!quote|#ffd400]" read as "[!quote]"."""
    return _CALLOUT_METADATA.sub(r"\1]", text) if "[!" in text else text
# a paragraph that is only an embed: ![[note]] (Obsidian) or {{embed ...}} (Logseq)
EMBED_LINE = re.compile(r"^[ \t]*(?:!\[\[([^\[\]\n]+)\]\]|\{\{\{?\s*embed\s+(.+?)\s*\}\}\}?)[ \t]*$")
# a line whose words end with an embed ("flying weight is: {{embed ((uuid))}}")
TRAILING_EMBED = re.compile(r"\S[ \t]*(!\[\[([^\[\]\n]+)\]\]|\{\{\{?\s*embed\s+([^{}\n]+?)\s*\}\}\}?)[ \t]*$")


class EmbedSource(Protocol):  # noqa: D101 - what the walker asks of the vault for an embed
    def embed(self, spec: str, from_path: str) -> "Embedded | None": ...


@dataclass(frozen=True)
class Embedded:
    """The units an embed shows, relative to themselves (depth from 0, parents inside the copy)."""

    label: str  # where they come from: "Note", "Note > Heading"
    units: tuple[Unit, ...]  # empty for a picture or attachment: nothing to read


_TASK = re.compile(rf"^{TASK_BOX}[ \t]+")  # a task item, "- [ ] call the plumber": shown as its app shows it


def _says_something(title: str) -> bool:
    """Does a callout's title say something (six words or more, a number among them: "MOT due 16 March 2027 – booked
    at Kwik Fit"), not label its body ("Parking", "Things to raise at the review (Feb)", "This is only an upper bound"
    over its reasons, a question its body answers: the rescore)? A title that says something is a passage of its own as
    well as the heading of its body."""
    words = _LINK_WORD.findall(title)  # (a word's letters and digits)
    return len(words) >= 6 and any(w.isdigit() for w in words) and not title.rstrip().endswith(("?", ":"))


class Walker:
    """markdown-it tokens -> units, appended to one note's list.

    Plain markdown feeds it one whole note. A Logseq page feeds it one block at a time,
    with the block's ancestors already open as list items (see logseq.py), so a block is
    a bullet whatever its indentation, and markdown inside a block reads as it does anywhere.
    """

    def __init__(self, path: str, inline: Inline, vault: EmbedSource | None = None, outline: bool = False,
                 cards: Cards | None = None, deck: bool = False):
        """outline: a Logseq page, walked block by block (walk_block); cards: where the note's flashcards are
        (flashcards.read_cards); deck: a note of flashcards (flashcards.deck_note), whose "front::back" lines
        are cards."""
        self.path = path
        self.inline = inline
        self.vault = vault
        self.cards = cards if cards is not None else Cards("")
        self.deck = deck
        self.units: list[Unit] = []
        self.block_ids: dict[str, int] = {}
        self.block_ends: dict[str, int] = {}
        self.block_starts: list[int] = []  # where each top-level block's units begin (a ^id line names the one before)
        self.id_titles: dict[str, str] = {}
        self.headings: list[tuple[int, str]] = []
        self.outline = outline  # Logseq: the page's outline decides which headings are open
        self.keep_lines = outline  # Logseq: a block shows its line breaks
        self.items: list[dict] = []  # open list items, innermost last
        self.containers: list[str] = []  # "li" / "blockquote", innermost last
        self.callouts: list[tuple[int, str, int]] = []  # (quote level, title, bullets above it)
        self.rule = False  # a thematic break since the last unit
        self.exported: set[int] = set()  # the units that are a reading tool's highlights (HIGHLIGHT_MARK, EXPORT_LINK)
        self.after_rule: set[int] = set()  # the units right after one
        self.first_h1: str | None = None
        self.last_para: Unit | None = None  # the paragraph right before the current block, for code intros
        self.closed_item: Unit | None = None  # the list item just closed, if its text came last in it
        self.last_inline = None  # the inline token of last_para, to tell a link-only line from a label
        self.label: int | None = None  # a short line that names the list under it, e.g. "Pros"
        self.lists: list[list[int]] = []  # open lists, innermost last: [next number] if ordered, [] if not
        self.table: dict | None = None
        self.line_offset = 0  # a Logseq block is parsed alone: its first line in the file
        self.quote_start = False  # the next paragraph is the first of a blockquote (a callout's marker)
        self.lost: list[str] = []  # text the parser could not read as notes text
        self.heading_chars = 0
        self.h1_count = 0
        self.footnote: str | None = None  # the label of the footnote whose definition is being read
        self._tags_taken = 0  # of inline.tags, how many a unit has taken (_new_tags)
        self.heading_tags: dict[tuple[str, ...], tuple[str, ...]] = {}  # an outline's heading path -> its blocks' tags
        self.referred: dict[str, tuple[str, ...]] = {}  # footnote label -> the headings where it is first referred to
        self.properties: Properties | None = None  # a Notion page's property block (notion.py)

    # -- where the current block sits

    def heading_path(self) -> tuple[str, ...]:
        """The headings the current block is under; a footnote's definition is under the headings where
        it is referred to and "Footnote 2", not under the last heading of the note, where it is written."""
        if self.footnote is not None:
            return (*self.referred.get(self.footnote, ()), f"Footnote {self.footnote}")
        return tuple(h for _, h in self.headings)

    def enclosing(self) -> tuple[int | None, tuple[str, ...]]:
        """The innermost bullet (or list label) around the current block, and the chain of parents
        (a list item whose unit is not made yet is not among them; a callout's title is)."""
        above = [it["unit"] for it in self.items if it["unit"] is not None]
        chain = [self.units[u].text for u in above]
        for _, title, n_above in reversed(self.callouts):
            chain.insert(min(n_above, len(chain)), title)
        if self.label is not None:
            chain.insert(0, _label_text(self.units[self.label].text))
        return (above[-1] if above else self.label), tuple(chain)

    def _new_tags(self) -> list[str]:
        """The #tags met since the last unit took its own (Logseq: a tag tags its block)."""
        new = self.inline.tags[self._tags_taken:]
        self._tags_taken = len(self.inline.tags)
        return new

    def _line(self, tok) -> tuple[int, int]:
        line = (tok.map[0] + 1 if tok.map else 1) + self.line_offset
        return line, (tok.map[1] + self.line_offset if tok.map else line)

    def _text(self, inline, line: int = 0) -> str:
        self.inline.line = line
        for child in getattr(inline, "children", None) or ():
            if child.type == "footnote_ref":  # where a footnote is referred to: the section it belongs to
                self.referred.setdefault(str((child.meta or {}).get("label", "")), self.heading_path())
        return inline_text(inline, self.inline.render)

    def _add(self, unit: Unit) -> int:
        if self.rule:  # (a "---" between two highlights of an export: the hit of one ends there); marked once
            self.after_rule.add(len(self.units))  # the walk is done: callers hold on to the unit they added
            self.rule = False
        if self.outline:  # a Logseq block is tagged by its #tags and its parent blocks' (or heading block's)
            above = self.units[unit.parent].tags if unit.parent is not None else \
                self.heading_tags.get(self.heading_path(), ())
            unit = replace(unit, tags=tuple(dict.fromkeys([*above, *self._new_tags()])))
        self.units.append(unit)
        idx = len(self.units) - 1
        for block_id in self.inline.take_ids():
            self.block_ids.setdefault(block_id, idx)
        return idx

    # -- tokens

    def walk_block(self, body: str, items: list[dict], headings: list[tuple[int, str]], heads_children: bool,
                   line_offset: int) -> None:
        """Walk one block of an outline (a Logseq page): its markdown, as the list item items[-1]
        inside the items before it, under the headings open there. A heading block heads the
        blocks under it: its own text is then a paragraph of its section, not their parent."""
        self.headings = headings
        if heads_children:
            self.items, self.containers = items[:-1], ["li"] * (len(items) - 1) + ["section"]
        else:
            self.items, self.containers = list(items), ["li"] * len(items)
        self.callouts, self.lists, self.label, self.last_para, self.closed_item = [], [], None, None, None
        self.line_offset = line_offset
        self.walk(md_parser().parse(greater_than(body, _BLOCK_GT)))

    def walk(self, tokens) -> None:
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i].level == 0 and tokens[i].nesting >= 0:
                self.block_starts.append(len(self.units))
            i = self._step(tokens, i)
        for idx in self.after_rule:
            self.units[idx] = replace(self.units[idx], after_rule=True)
        self.after_rule.clear()

    def _step(self, tokens, i: int) -> int:
        tok = tokens[i]
        t = tok.type
        if t not in ("paragraph_open", "blockquote_open"):
            self.quote_start = False  # a callout's marker is its quote's first line
        if t == "heading_open":
            self._heading(tok, tokens[i + 1] if i + 1 < len(tokens) else None)
            return i + 3
        if t == "paragraph_open" and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            # (more in its quote after it: a callout's title on a line of its own heads what follows)
            self._paragraph(tok, tokens[i + 1], more=i + 3 < len(tokens) and tokens[i + 3].type != "blockquote_close")
            return i + 3
        handler = self._HANDLERS.get(t)
        if handler is not None:
            handler(self, tok)
        elif self.table is not None and t in self._TABLE:
            self._TABLE[t](self, tok)
        return i + 1

    def _heading(self, tok, inline) -> None:
        level = int(tok.tag[1:])
        txt = clean(self._text(inline, self._line(tok)[0])) if inline is not None else ""
        if txt and self._in_item() and (not self.outline or self.items[-1]["unit"] is not None):
            # "- ## All Atlas tasks" (Roam, Obsidian): a list item in a heading's type, the parent of the items
            # nested in it, not a section over every block after it; a heading on a later line of an item (or of a
            # Logseq block) is a line of its text
            self._bullet_text(txt, self._line(tok)[1])
            self.last_para = None
            return
        self.inline.take_ids()
        if level == 1:
            if self.first_h1 is None and not self.units:
                self.first_h1 = txt  # a title only if the note opens with it ...
            self.h1_count += 1  # ... and has no other: several are sections ("# Statement", "# Theory")
        if not self.outline:
            while self.headings and self.headings[-1][0] >= level:
                self.headings.pop()
        if txt:
            self.headings.append((level, txt))
            self.heading_chars += visible_chars(txt)
            if self.outline:  # a heading block's #tags tag every block under it (trial s48: its first child only)
                path = self.heading_path()
                self.heading_tags[path] = tuple(dict.fromkeys([*self.heading_tags.get(path[:-1], ()),
                                                               *self._new_tags()]))
        self.last_para = None

    def _labelled(self, tok) -> bool:
        """A short line right before a top-level list or table (opened by tok) names it ("Pros", a table's caption): it
        is then the label of what follows (self.label) until that closes. True if there is one."""
        apart = self.last_para is not None and self._line(tok)[0] > self.last_para.end_line + 1
        if not self.items and _is_label(self.last_para, self.last_inline, apart, tok.type == "table_open"):
            # the unit itself, not one equal to it (a unit may be replaced by a changed copy since: trial Y)
            self.label = next((i for i in range(len(self.units) - 1, -1, -1) if self.units[i] is self.last_para), None)
            return self.label is not None
        return False

    def _unlabelled(self) -> None:
        """A top-level list or table closed: its label names nothing after it."""
        if not self.items:
            self.label = None

    def _list_open(self, tok) -> None:
        self._labelled(tok)
        if self.items and self.items[-1]["unit"] is None:
            self.quoted_item(self.items[-1], self.items[-1].get("first", len(self.units)))
        # numbered as the list renders: "1. 1. 1." reads 1, 2, 3; a list may start at 7
        ordered = tok.type == "ordered_list_open"
        start = tok.attrGet("start") if ordered else None
        self.lists.append([int(start) if str(start or "").isdigit() else 1] if ordered else [])
        self.last_para = None

    def _list_close(self, tok) -> None:
        self.lists.pop() if self.lists else None
        self._unlabelled()
        # a list whose last item says "run this:" introduces the code right after the list
        if self.closed_item is not None and self.closed_item.text.rstrip().endswith(":"):
            self.last_para = self.closed_item

    def _item_open(self, tok) -> None:
        self.containers.append("li")
        marker = ""
        if self.lists and self.lists[-1]:
            marker = f"{self.lists[-1][0]}{tok.markup}"
            self.lists[-1][0] += 1
        line, end = self._line(tok)
        self.items.append({"line": line, "end": end, "unit": None, "marker": marker, "first": len(self.units)})

    def quoted_item(self, item: dict, first: int) -> None:
        """A list item (a Logseq block) of no text of its own that opens with a quote or a callout (its first
        unit, at index first): what is nested under it is under that quote, as the app shows it, not under
        the item's parent."""
        if first < len(self.units) and self.units[first].kind == "quote" and self.units[first].depth == len(self.items):
            item["unit"] = first

    def _item_close(self, tok) -> None:
        self.containers.pop() if self.containers else None
        self.items.pop() if self.items else None
        self.closed_item, self.last_para = self.last_para, None

    def _quote_open(self, tok) -> None:
        self.containers.append("blockquote")
        self.quote_start = True

    def _quote_close(self, tok) -> None:
        level = self.containers.count("blockquote")
        self.callouts = [c for c in self.callouts if c[0] < level]
        self.containers.pop() if self.containers else None
        self.quote_start = False

    def _paragraph(self, tok, inline, more: bool = False) -> None:
        callout_start, self.quote_start = self.quote_start, False
        if self._embed(inline, self._line(tok)):
            return
        line, end = self._line(tok)
        written, below = self._trailing_embed(inline)
        self.inline.shown_below = written  # (left out of the text: shown under it)
        try:
            raw = self._text(inline, line)
        finally:
            self.inline.shown_below = None
        if self.properties is not None and line == self.properties.first + 1:
            self._properties(raw, line, end)
            return
        embeds, first = self._line_embeds(inline), line
        if embeds and len(raw.split("\n")) == len(inline.content.split("\n")):
            lead = self._leading_embeds(embeds, line)
            raw = "\n".join(ln for i, ln in enumerate(raw.split("\n")) if i not in embeds and i >= lead)
            line += lead
        else:
            embeds.pop(0, None)  # its lines not told apart: the first reads as the note's name, as before
        is_card = self.cards.holds(line, end)
        if "#" in raw and "\n" in raw and self.inline.tags_in_text:  # "☐ Reply to Ana" then "#journal": the note's tags
            # (and over a card its deck's, "#flashcards/renal": over a paragraph, "#kubernetes" labels what it says)
            raw, lead = _without_tag_lines(raw, self.inline.dendron, over=is_card)
            line += lead
        keep_lines = False
        if callout_start:
            raw, line, keep_lines = self._callout(raw, line, more)
        keep_lines = keep_lines or self.keep_lines
        if not keep_lines and "\n:" in raw:  # "**Alias**" then ": Another name for a note": a glossary's entry
            raw = definition(raw) or raw
        records = None if keep_lines or self._in_item() or embeds else record_lines(raw, self.deck)
        keep_lines = keep_lines or records is None and not embeds and not is_card and set_lines(raw)
        raw = "\n".join(card(ln, self.deck) for ln in raw.split("\n"))
        txt = "\n".join(clean(ln) for ln in raw.splitlines() if ln.strip()) if keep_lines else clean(raw)
        viewed = "View Highlight" in txt and EXPORT_LINK.search(inline.content) is not None
        if viewed:  # Readwise's "([View Highlight](https://read.readwise.io/...))": where it was, not what it says
            raw, txt = VIEW_HIGHLIGHT.sub("", raw), VIEW_HIGHLIGHT.sub("", txt)
        tags_only = self.inline.tags_in_text and (only_tags(txt, self.inline.dendron) or self._link_tags(inline))
        # "#pharm/drug-card", a Readwise highlight's "- Tags: #favorite": the note's tags, no passage (a Logseq
        # block of only tags is a block: its children are under it)
        if not txt or (tags_only and not (self._in_item() and self.outline)):
            self.inline.tags.extend(field_tags(txt) if tags_only else ())
            parent = self.enclosing()[0] if tags_only and self._in_item() else None
            if parent is not None:  # the item it is under is tagged so: found by the tag's words
                self.units[parent] = replace(self.units[parent], tags=(*self.units[parent].tags, *self._new_tags()))
            self._ids_of_block_above(tok)
            return
        thin = _only_link(inline, pointer=True) or tags_only or boilerplate(txt)
        if records:
            self._records(records, line, end)
            self.last_inline = RECORDS  # (fields one a line name no list after them: "lease_end:: 2029-05-31" had
            # been the parent of a lease's bullets, the token of the paragraph before read for it, trial s73 E)
        elif self._in_item() and self._after_its_code():
            parent_idx, chain = self.enclosing()  # under the item, after its code, as the note reads
            self.last_para = self.units[self._add(Unit("paragraph", txt, line, end, self.heading_path(), chain,
                                                       depth=len(self.items), parent=parent_idx, thin=thin))]
            self.last_inline = inline
        elif self._in_item():
            self._bullet_text(txt, end, keep_lines, thin)
        else:
            u = self._comment(self._prose(raw.strip(), line, end, keep_lines=keep_lines, thin=thin), viewed)
            # a highlight that links back to the book or paper it is from, and says where (its mark, or the
            # "(View Highlight)" link taken out)
            if EXPORT_LINK.search(inline.content) and (viewed or HIGHLIGHT_MARK.search(u.text)):
                self.exported.add(len(self.units))
            self._add(u)
            self.last_para, self.last_inline = u, inline
        # under the text they follow, as Obsidian shows them: a list item's, one level deeper
        for i, got in embeds.items():
            self._insert(got, (first + i, first + i), *self.enclosing(), deeper=int(self._in_item()))
        if below is not None:
            at = first + inline.content.count("\n")
            self._insert(below, (at, at), *self.enclosing(), deeper=int(self._in_item()))

    def _ids_of_block_above(self, tok) -> None:
        """A paragraph of only a ^block-id, on a line of its own after a table, list or callout: Obsidian's form for
        naming that whole block ("![[Src#^prices]]" shows the table; it had read as the note's name, said missing)."""
        ids = self.inline.take_ids()
        if not ids or self.outline or tok.level != 0 or len(self.block_starts) < 2:
            return
        start, end = self.block_starts[-2], self.block_starts[-1]
        if start < end:
            for block_id in ids:
                self.block_ids.setdefault(block_id, start)
                self.block_ends.setdefault(block_id, end)

    def _link_tags(self, inline) -> bool:
        """A line of a "Tags:" label and only [[links]] (Readwise's older "Tags: [[learning]] [[favorite]]", its
        "Document Tags: [[career]]"): those are tags, taken as the #tags of a tag line are."""
        m = LINK_TAGS.match(inline.content)
        if m is None:
            return False
        self.inline.tags.extend(name.strip() for name in LINK_NAME.findall(m[1]))
        return True

    def _comment(self, u: Unit, viewed: bool = False) -> Unit:
        """u under the highlight right above it, when that is a reading tool's highlight (its location or page,
        "— location: 560", "(p. 966)", Omnivore's ⤴️, a Zotero "Highlight" callout) and u is not one: the
        reader's comment on it (trial X: shown with the next highlight, or alone)."""
        if not self.units or self.rule or u.parent is not None or viewed or HIGHLIGHT_MARK.search(u.text):
            return u
        above = self.units[-1]
        exported = len(self.units) - 1 in self.exported
        if above.heading != u.heading or above.origin or not (exported or above.parents[-1:] == ("Highlight",)):
            return u
        return replace(u, parent=len(self.units) - 1, parents=(*above.parents, above.text, *u.parents),
                       depth=above.depth + 1)

    def _prose(self, text: str, line: int, end: int, **fields) -> Unit:
        """A paragraph of text at lines line..end where the walk is (a quote inside a quote or a callout), under
        its headings and enclosing items."""
        parent_idx, chain = self.enclosing()
        kind = "quote" if "blockquote" in self.containers else "paragraph"
        return Unit(kind, text, line, end, self.heading_path(), chain, depth=len(self.items), parent=parent_idx,
                    **fields)

    def _properties(self, raw: str, line: int, end: int) -> None:
        """A Notion page's properties, but its day (metadata), as one passage a line each,
        thin (as a Logseq page's properties: they say what the page is, not an answer), a relation as the
        title of the page it links to."""
        meta = self.properties.meta_offsets()
        shown = [clean(without_relations(ln)) for i, ln in enumerate(raw.split("\n")) if i not in meta]
        shown = [ln for ln in shown if ln]
        if shown:
            self._add(Unit("paragraph", "\n".join(shown), line, end, self.heading_path(), (), keep_lines=True,
                           thin=True))
        self.inline.take_ids()
        self.last_para = None

    def _records(self, records: list[tuple[int, str]], line: int, end: int) -> None:
        """A paragraph of records, one a line (flashcards, fields, Q: and A:): each a unit at its own line,
        as Obsidian shows each line of a paragraph on a line of its own."""
        for (first, text), nxt in zip(records, [r[0] for r in records[1:]] + [None]):
            last = line + nxt - 1 if nxt is not None else end
            u = self._prose(text, line + first, last, keep_lines="\n" in text)  # a question, then its answer
            self._add(u)
        self.last_para = u

    def _bullet_text(self, txt: str, end: int, keep_lines: bool = False, thin: bool = False) -> None:
        item = self.items[-1]
        if item["unit"] is None:
            txt = _TASK.sub(lambda m: TASK_BOXES[m.group(1)] + " ", txt, count=1)
            parent_idx, chain = self.enclosing()
            item["unit"] = self._add(Unit("bullet", txt, item["line"], end, self.heading_path(), chain,
                                          depth=len(self.items), parent=parent_idx, marker=item["marker"],
                                          keep_lines=keep_lines, thin=thin))
        else:
            u = self.units[item["unit"]]
            self.units[item["unit"]] = replace(u, thin=u.thin and thin, text=f"{u.text}\n{txt}", end_line=end,
                                               tags=tuple(dict.fromkeys([*u.tags, *self._new_tags()])))
            for block_id in self.inline.take_ids():
                self.block_ids.setdefault(block_id, item["unit"])
        self.last_para = self.units[item["unit"]]

    def _callout(self, raw: str, line: int, more: bool = False) -> tuple[str, int, bool]:
        """An Obsidian callout's first paragraph: "[!type] Title" then its body. The marker is not
        text; the title heads the callout's body (as a parent does), the body keeps its lines. more: the
        callout goes on after this paragraph (ZotLit's "[!note] Page 370", a ">" line, then the text)."""
        first, _, body = raw.partition("\n")
        m = CALLOUT.match(first)
        if m is None:
            return raw, line, False
        written = clean(first[m.end():])
        title = written or m.group(1).capitalize()
        if not body.strip() and written and not more:
            return title, line, True  # a callout of one line: its title is all it says
        n_above = sum(1 for it in self.items if it["unit"] is not None)
        if _says_something(written):  # ("MOT due 16 March 2027 – booked at Kwik Fit": a hit too, trial s75 L)
            self._add(self._prose(written, line, line))
        else:
            self.heading_chars += visible_chars(written)
        self.callouts.append((self.containers.count("blockquote"), title, n_above))
        return body, line + 1, True  # (a bare [!quote] marker: no text, its kind heads what follows)

    def _embed(self, inline, where: tuple[int, int]) -> bool:
        """A paragraph that is only an embed shows what it embeds, at the embed's line, each unit
        marked with the note and line it comes from."""
        m = EMBED_LINE.match(inline.content)
        if m is None or self.vault is None:
            return False
        got = self.vault.embed(m.group(1) or m.group(2), self.path)
        if got is None:
            return False  # read as a link to it (rendering it says it was not found)
        # a later paragraph of a list item (after a blank line) is under the item; its first one is the item
        under_item = self._in_item() and self.items[-1]["unit"] is not None
        self._insert(got, where, *self.enclosing(), deeper=int(under_item))
        self.last_para = None
        return True

    def _trailing_embed(self, inline) -> tuple[str | None, "Embedded | None"]:
        """(the embed as written, what it embeds) of an embed that ends a paragraph's words ("Juno a bit heavy -
        flying weight is: {{embed ((uuid))}}"), when it shows text: the app shows it under those words, its children
        too (trial s72 D: the block's first line alone had been run into the sentence, the weights under it lost);
        else (None, None)."""
        m = TRAILING_EMBED.search(inline.content) if self.vault is not None else None
        if m is None or "\n" in m.group(0):
            return None, None
        got = self.vault.embed(m.group(2) or m.group(3), self.path)
        if got is None or not got.units:
            return None, None  # (not found, or a picture: read in the text as before)
        return m.group(1), got

    def _leading_embeds(self, embeds: dict[int, "Embedded"], line: int) -> int:
        """The run of embeds a paragraph opens with (embeds one a line, which markdown joins into one
        paragraph), taken out of embeds and each shown at its line as an embed alone is (_embed): how many."""
        lead = 0
        while lead in embeds:
            under_item = self._in_item() and self.items[-1]["unit"] is not None
            self._insert(embeds.pop(lead), (line + lead, line + lead), *self.enclosing(), deeper=int(under_item))
            lead += 1
        if lead:
            self.last_para = None
        return lead

    def _after_its_code(self) -> bool:
        """Does the current list item's text go on after a code block of its own ("3. Force failover ... **or**:", its
        code, then "Takes 60-120s.")? That text follows the code, as the note has it, not the item's first line
        (trial s47: "... or: Takes 60-120s." had read as if waiting were the other way)."""
        unit = self.items[-1]["unit"]
        return unit is not None and self.units[-1].kind == "code" and self.units[-1].parent == unit

    def _in_item(self) -> bool:
        """Is the current block a list item's own (not a quote or a list inside it)?"""
        return bool(self.containers and self.containers[-1] == "li" and self.items)

    def _line_embeds(self, inline) -> dict[int, "Embedded"]:
        """The lines of a paragraph or list item of several lines that are only an embed ("- Learned today:"
        then "  ![[Spaced Repetition#^rule]]"; a hub note's embeds one a line), by line, each with what it embeds."""
        lines = inline.content.split("\n")
        if self.vault is None or len(lines) < 2:
            return {}
        out = {}
        for i, text in enumerate(lines):
            m = EMBED_LINE.match(text)
            got = self.vault.embed(m.group(1) or m.group(2), self.path) if m else None
            if got is not None:
                out[i] = got
        return out

    def _insert(self, got: "Embedded", where: tuple[int, int], parent_idx: int | None, chain: tuple,
                deeper: int = 0) -> None:
        """What an embed shows, as units at the embed's lines (deeper levels under the current list's),
        each marked with where it comes from."""
        depth = len(self.items) + deeper
        if (label := self._label_before(parent_idx, depth)) is not None:  # "- gate codes for new starters:" over it
            parent_idx, chain, depth = label, (*self.units[label].parents, self.units[label].text), depth + 1
        chain = (*chain, got.label)
        base = len(self.units)
        for u in got.units:
            parent = base + u.parent if u.parent is not None else parent_idx
            self.units.append(Unit(u.kind, u.text, where[0], where[1], self.heading_path(), (*chain, *u.parents),
                                   depth=depth + u.depth, parent=parent, intro=u.intro, marker=u.marker,
                                   keep_lines=u.keep_lines, origin=u.origin, thin=u.thin, lang=u.lang))

    def _label_before(self, parent_idx: int | None, depth: int) -> int | None:
        """The unit right before an embed that labels it ("gate codes etc for new starters:", then the embed on the
        next line of the list, trial s66 F: the label had been the hit, the codes not under it): a line of the
        notes' own on the embed's level, under the same parent, that ends with a colon; else None."""
        if not self.units:
            return None
        u = self.units[-1]
        return len(self.units) - 1 if u.origin is None and u.kind in ("bullet", "paragraph") and u.depth == depth \
            and u.parent == parent_idx and u.text.rstrip().endswith(":") and "\n" not in u.text.strip() else None

    def _code(self, tok) -> None:
        code = tok.content.rstrip("\n")
        if code.strip():
            line, end = self._line(tok)
            if tok.type == "code_block" and len(code) > LONG_INDENTED and not self.outline:
                self.lost.append(f"an indented block of {len(code)} characters at line {line} is read as code "
                                 "(not as notes text; indent it less to make it text)")
            intro = last_sentence(self.last_para.text) if self.last_para is not None else ""
            parent_idx, chain = self.enclosing()
            lang = fence_language(tok.info) if tok.type == "fence" else ""  # "```dataview", "``` "
            if lang.lower() not in QUERY_LANGUAGES:
                self.units.append(Unit("code", code, line, end, self.heading_path(), chain, depth=len(self.items),
                                       parent=parent_idx, intro=intro, lang=lang))
        self.last_para = None

    def _table_open(self, tok) -> None:
        self.table = {"header": [], "row": [], "in_head": False, "line": 1, "bold": [], "rows": 0}
        # a caption line right above a table names it as a label names a list: "MS MARCO passage ranking (dev):"
        # heads its rows; alone it says which table, not what is in it (thin); but a field of a number says one of its
        # own ("Running total: 21.5 hrs" over a CPD log, trial s76 H: never a hit, only its rows' breadcrumb)
        if self._labelled(tok) and not _counted(self.units[self.label].text):
            self.units[self.label] = replace(self.units[self.label], thin=True)

    def _table_close(self, tok) -> None:
        self.table = None
        self.last_para = None
        self._unlabelled()

    def _reset_para(self, tok) -> None:
        self.last_para = None

    def _rule(self, tok) -> None:
        self.last_para, self.rule = None, True

    def _math(self, tok) -> None:
        """A $$ maths block: part of the prose around it, as written."""
        maths = tok.content.strip()
        if not maths:
            return
        self.last_para = self.units[self._add(self._prose(f"$${maths}$$", *self._line(tok)))]

    def _html(self, tok) -> None:
        """An HTML block (a <div>, a <table>, a <p>): its text, as a paragraph (a line each of the lines it
        shows), and a table's rows as a markdown table's are (its first row the header when all its cells are
        <th> or bold); tags, scripts and comments are not text."""
        self.last_para = None
        for kind, part in block_parts(tok.content):
            if kind == "table":
                head = [c for c, _ in part[0][1]] if len(part) > 1 and all(h for c, h in part[0][1] if c) else []
                for at, row in part[1:] if head else part:
                    self._table_row([clean(self.inline.render(c)) for c, _ in row], head, self._line(tok)[0] + at)
                continue
            lines = [ln for ln in (clean(self.inline.render(ln)) for ln in part) if ln]
            if lines:
                text = "\n".join(lines)
                self._add(self._prose(text, *self._line(tok), keep_lines=len(lines) > 1, thin=boilerplate(text)))

    def _thead(self, tok) -> None:
        self.table["in_head"] = tok.type == "thead_open"

    def _tr_open(self, tok) -> None:
        self.table["row"] = []
        self.table["line"] = self._line(tok)[0]

    def _cell(self, tok) -> None:
        self.table["row"].append(clean(self._text(tok, self.table["line"])))
        self.table["bold"].append(bool(_BOLD_CELL.fullmatch(tok.content.strip())) or not tok.content.strip())

    def _tr_close(self, tok) -> None:
        table = self.table
        if table["in_head"]:
            table["header"] = table["row"]
        elif not any(table["header"]) and not table["rows"] and any(table["row"]) and all(table["bold"]):
            table["header"] = table["row"]  # Evernote's tables: an empty header, the column names bold in the first row
        elif any(table["row"]):
            self._table_row(table["row"], table["header"], table["line"])
        table["rows"] += 0 if table["in_head"] else 1
        table["bold"] = []

    def _table_row(self, row: list[str], header: list[str], line: int) -> None:
        """A table row as a unit: each cell under its column's name ("Flight: BA 500")."""
        if not any(row):
            return
        cells = [f"{header[j]}: {c}" if j < len(header) and header[j] else c for j, c in enumerate(row) if c]
        _, chain = self.enclosing()
        # (a row of a month, a number or a day in its first cell and nothing, or dashes, in the others of a table of
        # three columns or more is a place kept for it, thin: "| Sep | | | |" of a statements table, "Month: Sep", had come first for "letting
        # agent details", trial s88 R; not a row whose first cell is what it says, "Can we have a cat?": the review)
        blank = len(row) >= 3 and _kept_for(row[0]) and all(c.strip() in _NO_VALUE for c in row[1:])
        self._add(Unit("table_row", " | ".join(cells), line, line, self.heading_path(), chain, depth=len(self.items),
                       thin=blank))

    def _footnote_open(self, tok) -> None:
        self.footnote = str((tok.meta or {}).get("label", "")) or "?"
        self.label = self.last_para = None

    def _footnote_close(self, tok) -> None:
        self.footnote = None
        self.last_para = None

    _HANDLERS = {
        "footnote_reference_open": _footnote_open, "footnote_reference_close": _footnote_close,
        "bullet_list_open": _list_open, "ordered_list_open": _list_open,
        "bullet_list_close": _list_close, "ordered_list_close": _list_close,
        "list_item_open": _item_open, "list_item_close": _item_close,
        "blockquote_open": _quote_open, "blockquote_close": _quote_close,
        "fence": _code, "code_block": _code, "table_open": _table_open, "table_close": _table_close,
        "hr": _rule, "html_block": _html, "math_block": _math, "math_block_label": _math,
    }
    _TABLE = {"thead_open": _thead, "thead_close": _thead, "tr_open": _tr_open, "inline": _cell,
              "tr_close": _tr_close}


_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)


def _escape_table_links(text: str) -> str:
    """[[note|alias]] in a table row written as Obsidian allows, without escaping its | (the
    markdown table would split the link into two cells)."""
    if "[[" not in text or "|" not in text:
        return text

    def row(m: re.Match) -> str:
        return WIKILINK.sub(lambda w: w.group(0).replace("\\|", "|").replace("|", "\\|"), m.group(0))

    return outside_code(text, lambda part: _TABLE_LINE.sub(row, part))


_LIST_LINE = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_NUMBERED_ON = re.compile(r"[ \t]*(?!0*1[.)])\d{1,9}[.)][ \t]")  # an ordered item not numbered 1 ("01." is 1)
_BOLD_LABEL = re.compile(r"(?:\*\*[^*\n]+\*\*|__[^_\n]+__):?[ \t]*")  # "**My topics**", "__Action items__:"


_TABLE_ROW_LINE = re.compile(r"[ \t]*\|.*\|[ \t]*")  # "| Tier | % p.a. |"
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*")  # "|---|:--:|"


def _labels_after_lists(text: str) -> tuple[str, list[int]]:
    """A bold label on the line right after a list ("- frustrated ...", then "**My topics**") on a paragraph of its
    own, as its writer means it: the next list's label, not a line of the item above (CommonMark's lazy line: trial
    s47, a 1:1 template's "**My topics**" had been read as the end of the bullet before it, every later item under
    "Their topics"); and so a table right under a list's last line, its header and delimiter rows (trial s64 N: "-
    details: [[...]]" then "| Tier | % p.a. |" had shown the table's pipes as the item's lines). Returns the text
    with a blank line before each such label or table, and those lines (0-based, in it), for _unshifted to take out
    of the tokens' lines."""
    if "**" not in text and "__" not in text and "|" not in text:
        return text, []
    added: list[int] = []
    out: list[str] = []
    fence: str | None = None
    in_list = False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        before, fence = fence, code_fence_after(line, fence)
        if before is None and fence is None:
            # (not before an item numbered on: "2." opens no list after a paragraph, the list would end: the review)
            after = lines[i + 1] if i + 1 < len(lines) else ""
            if in_list and (_BOLD_LABEL.fullmatch(line) and not _NUMBERED_ON.match(after)
                            or _TABLE_ROW_LINE.fullmatch(line) and _DELIMITER_ROW.fullmatch(after)):
                added.append(len(out))
                out.append("")
                in_list = False
            else:
                in_list = bool(_LIST_LINE.match(line)) or in_list and bool(line.strip())
        out.append(line)
    return ("\n".join(out), added) if added else (text, [])


def _parse_labelled(text: str) -> list:
    """text's tokens, its bold labels after lists read as labels (_labels_after_lists), with its own lines (the nesting
    repair's report too counts them: the review)."""
    labelled, added = _labels_after_lists(text)
    return _unshifted(md_parser().parse(labelled), added)


def _unshifted(tokens: list, added: list[int]) -> list:
    """tokens with their lines as the note has them, without the lines added (0-based, ascending) before parsing."""
    if added:
        for tok in tokens:
            if tok.map:
                tok.map = [n - bisect.bisect_left(added, n) for n in tok.map]
    return tokens


_SPACED_TARGET = re.compile(r"(\]\()(" + SPACED_LINK_TARGET + r")\)", re.I)


def _spaced_targets(text: str) -> str:
    """![pic](../images/IO device.png): a link target with spaces, as Obsidian writes them, read as
    <...> (CommonMark otherwise shows the whole link as text)."""
    if "](" not in text:
        return text
    return outside_code(text, lambda part: _SPACED_TARGET.sub(r"\1<\2>)", part))


_QUOTED_ITEM = re.compile(r"^([ \t]*>) ?(\t*)(?=(?:[-*+]|\d{1,9}[.)])[ \t])")  # a quoted list item, its tabs


# "- > 5.5 mmol/L: none": a list item (or a Logseq block) that starts with ">" and a number means "more than",
# not a quote of "5.5 mmol/L" (a dose by level would lose its sense), as the note's author sees it in the editor
_GT_NUMBER = r">(?=[ \t]*=?[ \t]*\d)"
_ITEM_GT = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)" + _GT_NUMBER, re.MULTILINE)
_BLOCK_GT = re.compile(r"^()" + _GT_NUMBER)
_ANY_GT = re.compile(_GT_NUMBER)


def greater_than(text: str, where: re.Pattern = _ITEM_GT) -> str:
    """text with a ">" that starts a list item before a number escaped, so it reads as text."""
    return where.sub(r"\1\\>", text) if _ANY_GT.search(text) else text


_EMPTY_ITEM = re.compile(r"^[ \t]*[-*+][ \t]*$")
_ITEM_OR_INDENTED = re.compile(r"^(?:[ \t]*[-*+][ \t]+\S|[ \t]{2,}\S)")


def empty_items(text: str) -> str:
    """text with its empty list items ("- ", as Roam and other outliners export a block not yet typed in)
    blank, line for line: under an item, markdown would read the lone "-" as a setext underline, and the
    item above as a heading over every block after it (trial R). A "-" under a paragraph stays one."""
    if "-" not in text and "*" not in text and "+" not in text:
        return text
    lines = text.split("\n")
    fence: str | None = None
    previous = ""
    for i, line in enumerate(lines):
        inside, fence = fence is not None, code_fence_after(line, fence)
        if inside or fence is not None:
            continue
        if _EMPTY_ITEM.match(line) and _ITEM_OR_INDENTED.match(previous):
            lines[i] = ""
            continue
        if line.strip():
            previous = line
    return "\n".join(lines)


def quoted_list_tabs(text: str) -> str:
    """A list nested by tabs in a callout (">\t1. item" under ">1. item") read a level a tab, as
    Obsidian shows it: markdown counts the tab after ">" as two columns, too few to nest, and
    would number all the items as one list. A list's first item sets the margin; line for line,
    so lines still point at passages."""
    if ">\t" not in text:
        return text
    lines = text.split("\n")
    margin: int | None = None  # tabs before the first item of the quoted list we are in
    fence: str | None = None  # code is left as written
    for i, line in enumerate(lines):
        inside, fence = fence is not None, code_fence_after(line, fence)
        m = None if inside or fence is not None else _QUOTED_ITEM.match(line)
        if m is None:
            if not line.strip() or not line.lstrip().startswith(">"):
                margin = None  # a blank line or a line outside the quote ends the list
            continue
        tabs = len(m.group(2))
        if margin is None or tabs < margin:
            margin = tabs
        if tabs:
            lines[i] = f"{m.group(1)} {'    ' * (tabs - margin)}{line[m.end():]}"
    return "\n".join(lines)


_EXCALIDRAW = re.compile(r"\A---[ \t]*\n(?:(?!---).*\n)*?excalidraw-plugin:")
# the plugin's own sections (level 1 or 2, by its version); a "# Title" written in the drawing is none
_DRAWING_SECTION = re.compile(r"^#{1,2} (Text Elements|Element Links|Embedded Files|Drawing|Excalidraw Data)[ \t]*$")


def drawing_text(text: str) -> str:
    """An Excalidraw drawing (the Obsidian plugin's note, front matter `excalidraw-plugin:`): its front
    matter and the words written in the drawing ("## Text Elements"), every other line blank (the
    plugin's banner, its file list and the drawing's data are not the person's text)."""
    lines = text.split("\n")
    end = next((i for i, line in enumerate(lines) if i and line.strip() == "---"), 0)
    keep, out = False, []
    for i, line in enumerate(lines):
        section = _DRAWING_SECTION.match(line) if i > end else None
        if section is not None or i > end and line.strip() == "%%":
            keep = section is not None and section.group(1) == "Text Elements"
            out.append("")
            continue
        out.append(line if i <= end or keep else "")
    return "\n".join(out)


def parse_markdown(text: str, rel: str, vault: "EmbedSource | None" = None) -> ParsedNote:
    problem = None
    deck = deck_note(text)  # (before its review comments are taken out)
    if _EXCALIDRAW.match(text):
        text = drawing_text(text)
    text, yarle = yarle_metadata(en_todos(text))  # Evernote's metadata and tags as Yarle writes them: fields
    text = site_markup(text, rel)  # a docs site's markup as the site shows it
    toml, text, toml_lines = *toml_front_matter(text), _toml_lines(text)
    if not toml_lines:  # YAML front matter never closed: its fields, as Hugo's TOML's are read (lines left blank)
        opened, text, toml_lines, problem = unclosed_front_matter(text, rel)
        toml = opened or toml
    toml = {**yarle, **toml} if yarle else toml
    # Dataview's and Roam's fields on top: metadata too (a deck's "Furosemide::blocks NKCC2" on top: a card)
    # (after a daily note's navigation line too: "<< [[2024-03-14]] | [[2024-03-16]] >>", then "weight:: 78.1")
    text = without_navigation(text) if "::" in text else text
    fields = leading_fields(text) if "::" in text and not deck else {}
    fields_at = leading_fields_lines(text) if fields else None
    names = leading_field_names(text) if fields else {}  # (each key as written, to show it so)
    cards = read_cards(roam_macros(foam_references(fields_on_top(kanban_board(callout_metadata(text))))), deck)
    text = cards.text
    text = greater_than(quoted_list_tabs(empty_items(as_markdown(strip_non_content(text, clozes=deck)))))
    tokens, deep, too_deep = parse_nested(_parse_labelled, _spaced_targets(_escape_table_links(text)))
    meta: dict = {}
    top = None
    if tokens and tokens[0].type == "front_matter":
        meta, problem = front_matter(tokens[0].content, rel)
        top, tokens = tokens[0], tokens[1:]
    # its front matter's own (YAML or Hugo's TOML), or the Dataview fields it opens with ("reviewer:: Dana
    # Whitfield", as front matter would show it), not fields read from the rest of the text
    # (under front matter too: "owner:: Dana" below it had been in no passage, trial s41; both values of a key, as
    # Dataview keeps both)
    written = shown_fields(meta) if top is not None else shown_fields(toml) if toml_lines else ()
    # (a Dataview field's value is markdown: its bold is not shown, as YAML's is)
    opening = {names.get(str(k), k): without_emphasis(v) for k, v in fields.items()}
    shown = (*written, *(line for line in shown_fields(opening) if line not in written))
    where = _fields_lines(top.map if top is not None else None, toml_lines, bool(written), fields_at)
    if top is not None and written and (first := _field_line(top.content, written[0])) is not None:
        where = (where[0] + 1 + first, where[1])  # (its first field shown's line, not the opening "---")
    meta = {**fields, **toml, **meta} if fields or toml else meta
    inline = Inline(rel, vault)
    walker = Walker(rel, inline, vault, cards=cards, deck=deck)
    props = page_properties(text, rel) if not meta else None
    walker.properties = props
    walker.walk(tokens)
    inline.lost.extend(walker.lost + [too_deep] * bool(too_deep))
    units, block_ids, block_ends = as_records(walker.units, cards) or _attached(text, walker), walker.block_ids, \
        walker.block_ends
    units, exported = _export_metadata(units)
    # (its author credits the note; its other fields, a book's own date or tags written as text, are not the note's)
    meta = {**{k: v for k, v in exported.items() if k in ("author", "authors")}, **meta} if exported else meta
    text_chars = note_text_chars(counted_text(text, props) if props else text, rel)
    desc = description(meta, top) if inline.dendron else None
    if desc is not None:  # Dendron's desc: what the note is, shown in lookup and on hover: its first line
        units, block_ids, block_ends = _put_first(desc, units, block_ids, block_ends)
        text_chars += visible_chars(desc.text)
    if shown:  # the front matter's fields a reader looks up, as the app shows them above the note
        units, block_ids, block_ends = _put_first(_fields_passage(shown, where), units, block_ids, block_ends)
        text_chars += visible_chars(units[0].text)
    # paragraphs kept their soft line breaks until here so callers can map sentences to lines
    title, written_title = _title(meta, walker, rel, getattr(vault, "obsidian", False))
    title = _as_written(title, rel, text) if written_title is None else title
    own_fields = {**inline_fields(text), **_both_values(meta, fields)} if "::" in text or fields else meta
    fields_of = properties(own_fields)
    if props is not None:  # a Notion page's properties are its metadata, as front matter is
        meta = {**props.fields(), "tags": props.tags(), "date": props.date()}
        fields_of = properties(meta)
        meta = {k: v for k, v in meta.items() if k in ("tags", "date", *CREDIT_FIELDS)}
    day = created_value(meta)
    date = note_date(day, rel) if day is not None else \
        date_line(text) or span_start(meta) or _title_day(walker.first_h1 or title, note_date(None, rel))
    if unread := unreadable_day(day):  # said, not dropped without a word
        ordered = None if date else ordered_front_matter_day(day, slashed_order(u.text for u in units))
        date = date or ordered
        unread += f"; dated {date} by its file name" if date and not ordered else \
            f"; read as {date}, the order of the note's other days" if ordered else ""
        problem = Problem(rel, "repaired", f"{problem.reason}; {unread}" if problem else unread)
    if deep:
        problem = Problem(rel, "repaired", f"{problem.reason}; {deep}" if problem else deep)
    # a zettel ID, a citation key and "Author Year" are names of the note, as an alias is: "202103151022" and
    # "Bjork 1994" find it and name it
    aliases = note_names(as_list(meta.get("aliases", meta.get("alias"))))
    full_title = exported.get("full title")
    if full_title and full_title not in aliases and full_title != written_title:  # Readwise's whole title, a name
        aliases = (*aliases, full_title)
    if written_title and written_title not in aliases:  # a title: in an Obsidian note's properties names it too
        aliases = (*aliases, written_title)
    cited_as = tuple(n for n in (zettel_id(rel), document_id(rel), *citation_names(meta), *coded_names(own_fields))
                     if n and n != title)
    return ParsedNote(rel, title, as_tags(meta, (*inline.tags, *cards.tags)), date, units,
                      problem, aliases=aliases, cited_as=cited_as, credits=credits(meta), properties=fields_of,
                      block_ids=block_ids, block_ends=block_ends, lost=tuple(inline.lost), text_chars=text_chars,
                      heading_chars=walker.heading_chars, hierarchy=dendron.hierarchy(rel) if inline.dendron else "")


def _title_day(title: str, named: str | None) -> str | None:
    """The note's day by its file name (named), or the day its title says where the name says none or only the first
    day of a month or season of that year ("# Summer fete 2026 - Sat 27 June" of "summer fete 2026.md", trial s62 C)."""
    said = headings_day([title])
    if said is None or len(said) != 10 or named is not None and not (named[8:] == "01" and named[:4] == said[:4]):
        return named
    return said


def _both_values(meta: dict, fields: dict) -> dict:
    """meta with a value of the Dataview fields a note opens with beside front matter's of the same key, where they
    differ, as Dataview keeps both (trial s61 XD: "status:: waiting on cover" under front matter's "status: waiting"
    had been in no property nor passage)."""
    out = dict(meta)
    for key, value in fields.items():
        if key in out and isinstance(value, str) and isinstance(out[key], (str, list)) \
                and value not in as_list(out[key]):
            out[key] = [*as_list(out[key]), value]
    return out


_BOLD_CELL = re.compile(r"\*\*[^*]+\*\*|__[^_]+__")  # a table cell written all bold


ATTACHED = "Attached: "  # what a note of only embedded files says (ranking: it is not a passage of a few words)


def _attached(text: str, walker: Walker) -> list[Unit]:
    """A note of nothing but embedded files (a scanned PDF, a photo): a passage naming them, at the first one's
    line (its note's title is what finds it: "where is the boiler manual?"); none for a note of none."""
    files = attachments(text)
    if not files:
        return []
    names = ", ".join(dict.fromkeys(name for _, name in files))
    return [Unit("paragraph", f"{ATTACHED}{names}", files[0][0], files[-1][0], walker.heading_path(), ())]


_DAY_STEM = re.compile(r"[\d._ -]+")  # a daily note's file name: "2024-02-27", "2024_02_27", "20240227", "27.02.2024"


# a reading tool's metadata list under its own heading (Readwise's "## Metadata": "- Author: [[Cal Newport]]",
# "- Full Title: ...", "- Category: #books"): what the note is, read as its front matter is, not an answer (trial s46:
# "Full Title: Sapiens ..." had come first for "what did I rate Sapiens"); its author credits the note
_METADATA_HEADINGS = frozenset({"metadata", "document metadata", "book metadata"})
_EXPORTER_KEYS = frozenset({"full title", "category", "document tags", "asin"})  # what a reading tool writes there
_RECORD_FIELD = re.compile(r"^([A-Za-z][\w ]{0,30}):[ \t]+(\S.*)$")


def _export_metadata(units: list[Unit]) -> tuple[list[Unit], dict[str, str]]:
    """units with the fields of an exporter's metadata list thin (a list item under a "Metadata" heading that is one
    field of RECORD_KEYS), and those fields by key in lower case."""
    fields: dict[str, str] = {}
    at: set[int] = set()
    for i, u in enumerate(units):
        m = _RECORD_FIELD.match(u.text) if u.kind == "bullet" and u.heading and u.depth == 1 else None
        if m and u.heading[-1].strip().lower() in _METADATA_HEADINGS and m[1].lower() in RECORD_KEYS:
            fields.setdefault(m[1].lower(), m[2].strip())
            at.add(i)
    if not fields.keys() & _EXPORTER_KEYS:  # a dataset's "## Metadata" ("Source: NOAA buoy 44013"): what it says
        return units, {}
    return [replace(u, thin=True) if i in at else u for i, u in enumerate(units)], fields


def _title(meta: dict, walker: Walker, rel: str, obsidian: bool) -> tuple[str, str | None]:
    """(a note's title, the front matter's title: when it is not the title). Its front matter's title: (a blog
    post's, a docs page's), but not in an Obsidian vault of a file named by hand (with spaces, as Obsidian names
    notes), where the note is named by its file and a title: is one of its properties ("Harms 2008", not the paper's
    title: trial s45); else the one H1 it opens with, when its file is not named by hand nor by its day (a daily
    note's "# PASSED QUALS!!!" is what the day says, under "2024-02-27"); else its file name."""
    written = meta.get("title")
    written = clean(str(written)) if written not in (None, "") else None
    stem = Path(rel).stem.strip()
    if written and not (obsidian and " " in stem):
        return written, None
    # (eight digits: a day; a zettel ID's twelve, "202104021405", are a note's name, titled by its H1)
    day = _DAY_STEM.fullmatch(stem) is not None and sum(ch.isdigit() for ch in stem) == 8 and \
        note_date(None, rel) is not None
    if walker.first_h1 and walker.h1_count == 1 and not day and (" " not in stem or _named_after(stem, walker.first_h1)
                                                                  or _lower_case_of(stem, walker.first_h1)):
        title = walker.first_h1
    else:
        title = title_from_filename(rel)
    return title, written if written != title else None


def _as_written(title: str, rel: str, text: str) -> str:
    """A title read from a lower-case slug of a file name ("lm7805.md", "kicad-tips.md") as the note's text writes its
    words when it writes them with capitals inside ("LM7805 - 5V linear reg", "KiCad tips"; trial s56 had shown
    "Lm7805"); else as it was ("Brightness")."""
    stem = Path(rel).stem
    if stem != stem.lower() or " " in stem or title.lower() != re.sub(r"[-_]+", " ", stem).strip():
        return title
    words = r"[\s_-]+".join(re.escape(w) for w in title.split())
    m = re.search(rf"(?<!\w){words}(?!\w)", text[:3000], re.IGNORECASE) if words else None
    return m.group(0) if m and m.group(0)[1:] != m.group(0)[1:].lower() and "\n" not in m.group(0) else title


def _lower_case_of(stem: str, heading: str) -> bool:
    """Is a file named by hand in lower case with the words its H1 writes ("loose ends dec 26" of "# Loose ends – Dec
    26": trial s59 RC's breadcrumbs had shown the file's name for the title written)?"""
    return stem == stem.lower() and re.findall(r"\w+", stem) == re.findall(r"\w+", heading.lower())


def _named_after(stem: str, heading: str) -> bool:
    """Is a file named after its first heading, the characters a file name cannot hold written "_" (an exporter's
    "When is the best time to visit Iceland_ _ Guide to Iceland" for "... Iceland? | Guide to Iceland")?"""
    return "_" in stem and any(ch in heading for ch in '?|:/\\*"<>') and name_letters(stem) == name_letters(heading)


_DESC_LINE = re.compile(r"^desc:", re.M)


def description(meta: dict, top) -> Unit | None:
    """A Dendron note's desc: front matter as the paragraph it opens with (at its line), as a Logseq
    page's description:: is; None when it has none (Dendron writes desc: '')."""
    desc = meta.get("desc")
    if not isinstance(desc, str) or not clean(desc):
        return None
    at = _DESC_LINE.search(top.content) if top is not None else None
    line = top.content.count("\n", 0, at.start()) + 2 if at else 1  # after the opening "---"
    return Unit("paragraph", clean(desc), line, line, (), ())


def _fields_passage(shown: tuple[str, ...], lines: tuple[int, int]) -> Unit:
    """A note's front-matter fields (metadata.shown_fields) as one passage a line each, at the front matter's
    lines (first, last); thin, as a Logseq page's properties are: they say what the note is, not an answer."""
    return Unit("paragraph", "\n".join(shown), *lines, (), (), keep_lines=True, thin=True)


def _fields_lines(front: Sequence[int] | None, toml_lines: int, front_shown: bool, fields_at: tuple[int, int] | None
                 ) -> tuple[int, int]:
    """The first and last line of a note's fields passage: its front matter's (markdown-it's map of it, or its
    TOML's lines) to its Dataview fields' last; the fields' own lines where its front matter shows none (trial s53:
    "cost:: £385" on line 8, under "# Ypres & Somme trip 2027", had been at line 1)."""
    start, end = (front[0] + 1, front[1]) if front else (1, toml_lines or 1)
    if fields_at is None:
        return start, end
    return (start if front_shown else fields_at[0]), fields_at[1]


def _field_line(content: str, shown: str) -> int | None:
    """The index among front matter's lines (content) of the line of a field shown as "key: value", None if no line
    opens with its key."""
    key = shown.partition(":")[0].strip().casefold()
    return next((i for i, line in enumerate(content.split("\n")) if line.partition(":")[0].strip().casefold() == key
                 and ":" in line), None)


def _toml_lines(text: str) -> int:
    """The lines of the +++ TOML front matter text starts with (its closing +++ the last), 0 without one."""
    if not text.startswith("+++"):
        return 0
    return next((at for at, line in enumerate(text.split("\n")[1:], 2) if line.strip() == "+++"), 0)


def _put_first(unit: Unit, units: list[Unit], block_ids: dict[str, int], block_ends: dict[str, int]
               ) -> tuple[list[Unit], dict[str, int], dict[str, int]]:
    """(units with unit before them, block_ids, block_ends): every parent index and block id's unit one on."""
    moved = [replace(u, parent=u.parent + 1) if u.parent is not None else u for u in units]
    return [unit, *moved], {key: i + 1 for key, i in block_ids.items()}, {key: i + 1 for key, i in block_ends.items()}
