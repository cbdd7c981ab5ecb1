"""Obsidian and Logseq inline syntax, read the way the apps show it.

The markdown parser sees `[[links]]`, `![[embeds]]`, `((block refs))`, `{{macros}}`,
`^block-ids` and `#tags` as plain text. `Inline.render` turns such text into what a
reader of the note sees: a link reads as its alias or its name, a block reference as
the referenced block's text, a macro or block-id marker is not text, an image embed
drops out. It is applied to text outside code only (code spans and blocks are shown
as written), and it collects what it met (tags, block ids, what it could not resolve)
so the parser can put each where it belongs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable, Protocol
from urllib.parse import unquote

from . import dendron as dendron_rules
from .config import LINKED_SUFFIXES
from .notefiles import in_notion_export

# [[target]], [[target|alias]], [[target#heading]], [[target#^id]]; ![[...]] is an embed
WIKILINK = re.compile(r"(!?)\[\[(?!\s*\]\])([^\[\]\n]+?)\]\]")  # (not "[[ ]]": no name, shown as written, trial s55)
# a Logseq block reference ((uuid))
# a block reference: Logseq's ((uuid)), Roam's ((9-character uid)) (an export cannot resolve it: said, not shown)
BLOCK_REF = re.compile(r"\(\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{9})\)\)")
# a Logseq link with a label of its own: [label]([[page]]), [label](((uuid))); it reads as its label
LABELLED = re.compile(r"\[([^\[\]\n]+)\]\((\[\[[^\[\]\n]+\]\]|\(\([0-9a-f-]{36}\)\))\)")
# a Logseq macro {{name args}} (also written {{{name args}}})
MACRO = re.compile(r"\{\{\{?\s*([\w-]+)?([^{}]*?(?:\{[^{}]*\}[^{}]*?)*)\}\}\}?")
# an Obsidian block id at the end of a line: "text ^my-id" or a line of its own
BLOCK_ID = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$", re.M)
# #tag, #nested/tag, Logseq #[[multi word tag]]; not C#, not url#anchor, not a number like #1
_TAG_START = r"(?<![\w/#&;:=\[\]\)])#"  # not after these: C#, url#anchor, &#38;
# (a template's "#inc-<date>-<slug>" or "#{{tag}}" is no tag: trial F's tag list had held "inc-")
TAG = re.compile(_TAG_START + r"(\[\[([^\[\]\n]+)\]\]|[^\W\d][\w/-]*(?![\w/<{-])|\d+[^\W\d][\w/-]*(?![\w/<{-]))")
# ... and in a Dendron vault a dot inside a tag is part of it: #spark.tuning (not a sentence's last dot)
DOTTED_TAG = re.compile(_TAG_START + r"(\[\[([^\[\]\n]+)\]\]|(?:[^\W\d]|\d+[^\W\d])[\w/-]*(?:\.[\w/-]+)*)")
# ==highlight== (Obsidian) and ^^highlight^^ (Logseq): the marks are not text
HIGHLIGHT = re.compile(r"(==|\^\^|(?<![\w:])::(?!:))(?=\S)(.+?)(?<=\S)\1(?!\w|(?<=::):)")  # Bear's ::marks:: too
# (a colon after a highlight: "this one is ==urgent==: same day to ENT", trial s73 E, had been shown with its marks)
STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S)  # struck-out words as units.inline_text writes them
# Bear's (and GitHub's) one-tilde strikethrough "~Courgettes~", read as markdown's "~~Courgettes~~"; not
# "~5 min to ~10 min" nor "~/notes/~old": the tildes must hug the words they strike; nor "~15k ... (~£8k)": a tilde
# before a number or a sum is "about", one after an opening bracket closes nothing (trial s57 NC)
ONE_TILDE_STRIKE = re.compile(r"(?<![~\w/])~(?=[^\s~/\d£$€¥])([^~\n]*?[^\s~(\[{])~(?![~\w/])")
# a template's command left in a note made from it without the plugin running ("<% tp.file.title %>", Templater's): no
# text, as the note was meant to read (trial s47: a heading "1:1 — <% tp.file.title %>" in every breadcrumb)
# (its code, "<%* ... %>" over lines too, a few hundred characters at most, or one line that calls it, tp, tR or
# moment: "must stay <% 1 of requests" over two lines is no template's, the reviews), or a Logseq template's day or
# page ("<% today %>")
TEMPLATER = re.compile(r"<%[*_-][^%]{0,600}?%>|<%[^\n%]*?\b(?:tp|tR|moment)\b[^\n%]*?[-_]?%>"
                       r"|<%\s*(?:today|yesterday|tomorrow|time|current page)\s*%>", re.IGNORECASE)
# a line that asks the app for a table of contents ("[TOC]", GitLab's "[[_TOC_]]", kramdown's "{:toc}"): no text
# (trial s47: "[TOC]" had been a passage)
TOC_MARKER = re.compile(r"^[ \t]*(?:\[TOC\]|\[\[_?TOC_?\]\]|\{:toc\})[ \t]*$", re.IGNORECASE | re.MULTILINE)
# an inline Dataview query ("`= this.file.name`", "`$= dv.pages().length`"): its reading view shows what it computes,
# not the query, which is no text (trial s47: "notes in vault: `$= dv.pages().length`" had been a hit); not an
# Excel formula written without a space ("`=SUM(A1:A3)`")
INLINE_QUERY = re.compile(r"\$=|=\s|=(?:this|dv)\.")  # (and "`=this.file.name`": the review)
# code that asks the notes a question (Dataview, the Tasks plugin, Obsidian's search): the app shows what it
# finds, which is elsewhere in the notes, never its text: no passage (trial U: "TABLE status FROM #adr" had
# answered "list all ADRs by status", and a tasks query's "due before 2026-10-26" questions about days)
QUERY_LANGUAGES = frozenset({"dataview", "dataviewjs", "tasks", "query"})
# a link's target with spaces, as Obsidian writes one to a note or a picture ("(stock/reorder list.md)",
# "(../images/IO device.png)"), which CommonMark reads as no link: read as one (units), its target no text (textchars)
SPACED_LINK_TARGET = r"[^()<>\n]*\s[^()<>\n]*\.(?:png|jpe?g|gif|svg|webp|bmp|pdf|md|markdown)"
# a Kanban card's date and time, "@{2026-12-04}" and "@@{14:30}": a day it is due, as the Tasks plugin's 📅
_KANBAN_DATE = re.compile(r"(?<!@)@\{(\d{4}-\d{2}-\d{2})\}|@@\{(\d{1,2}:\d{2})\}")


def kanban_dates(text: str) -> str:
    """A Kanban card's "@{2026-12-04}" as the due date it is ("📅 2026-12-04"), "@@{14:30}" as its time."""
    return _KANBAN_DATE.sub(lambda m: f"\U0001f4c5 {m.group(1)}" if m.group(1) else m.group(2), text)


_KANBAN_BOARD = re.compile(r"\A---[ \t]*\n(?:.*\n)*?kanban-plugin:", re.M)
_KANBAN_COMPLETE = re.compile(r"^\*\*Complete\*\*[ \t]*$", re.M)


def kanban_board(text: str) -> str:
    """A Kanban board as the plugin shows it: a lane's "**Complete**" marker (its cards are done) is not
    text, nor a label over the cards."""
    return _KANBAN_COMPLETE.sub("", text) if "**Complete**" in text and _KANBAN_BOARD.match(text) else text


# Bear's multi-word tag, closed by a hash: "#book notes#", "#school/parents evening#"
BEAR_TAG = re.compile(_TAG_START + r"([^\W\d][\w/-]*(?:[ \t]+[\w/-]+)+)#(?![\w#])")
# {:height 120, :width 300} after a Logseq image: its size, not text
ATTRIBUTES = re.compile(r"\{:[\w-]+[^{}\n]*\}")
# Dataview's inline fields as its reading view shows them: "Author:: Kleppmann" on a line and
# "[mood:: good]" read "Author: Kleppmann", "mood: good"; "(hidden:: value)" shows its value only.
# Not "std::vector": a field's "::" is followed by a space or the line's end.
# (a key's words may have an apostrophe: "buyer's premium:: 24% + VAT", trial s75 D, had been shown raw)
FIELD_KEY = r"(?:[^\W\d]|\d+[^\W\d])[\w \-/.()'’]{0,40}?"
FIELD_LINE = re.compile(r"^([ \t]*)(" + FIELD_KEY + r")[ \t]*::(?=[ \t]|$)", re.M)  # "Energy (1-5)::
# 2" too; "48h match rate :: ..." of a glossary too, shown "48h match rate: ..." (trial s59 RB)
# (a space after "::", or a link: "(performance::r2)" in a sentence is R's, a namespace's call, trial s59 SB; "std::vector")
FIELD_BRACKETED = re.compile(r"\[([^\W\d][\w \-/.'’]{0,40}?)::(?:[ \t]+|(?=\[\[|\]))((?:\[\[[^\[\]\n]*\]\]|[^\[\]\n])*?)\]"
                             r"|\(([^\W\d][\w \-/.'’]{0,40}?)::(?:[ \t]+|(?=\[\[|\)))((?:\[\[[^\[\]\n]*\]\]|[^()\n])*?)\)")
# ... and one written after a sentence on the same line ("Checked by Pete, Oct 2026. Kit officer:: Pete Lovell": trial s69
# E, shown raw; "Tom happy. takings:: £980", trial s77 B), its key words: not "std::vector", nor "performance::r2" (no
# space after)
FIELD_AFTER_SENTENCE = re.compile(r"(?<=[.;!?] )([^\W\d_][\w\-/]*(?: [\w\-/]+){0,3}?)[ \t]*::(?=[ \t])")
# ... or a key of one word after other words ("☐ Bounce About £95 (cash on the day) due:: 2027-08-21": trial s81 H,
# B; Dataview and the Tasks plugin read such a field only in brackets and show it raw, but "due:" reads as the person
# meant it, and a task's due day is read from it, chunking.task_days)
FIELD_AFTER_WORDS = re.compile(r"(?<=\S )(?!(?i:tags)::)([^\W\d_][\w\-]*)::(?=[ \t]+\S)")  # (tags: _TAGS_FIELD)
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]:?")  # a footnote's [^1] (its reference, or its definition's label)
OBSIDIAN_COMMENT = re.compile(r"%%.*?%%", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

# what an embed of these points to is a file shown as a picture, a player or a download: not text
ATTACHMENT_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif", ".ico", ".tif",
                       ".tiff", ".heic", ".excalidraw", ".pdf", ".mp3", ".wav", ".m4a", ".ogg", ".flac",
                       ".webm", ".mp4", ".mov", ".mkv", ".ogv", ".3gp", ".canvas", ".base", ".csv", ".zip",
                       ".excalidraw.md")
# ... of these a picture: it drops out of the text; any other file embedded in a sentence reads as its name
# ("Washing machine receipt: washing-machine-receipt.pdf": trial s36b's answer had been a label and nothing)
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".svg", ".webp", ".avif", ".ico", ".tif", ".tiff",
                    ".heic", ".excalidraw", ".excalidraw.md")
_EMBED = re.compile(r"!\[\[[^\[\]\n]+\]\]")  # ![[anything]]: a line of only these embeds no words of its own
# an embed of a file: ![[scan.pdf]], ![[./_resources/x.resources/manual.pdf|300]], ![alt](files/photo%201.jpg)
_FILE_EMBED = re.compile(r"!\[\[([^\[\]|#]+?)(?:[|#][^\[\]]*)?\]\]|!\[[^\]]*\]\(<?([^)>\s]+)>?(?:\s+\"[^\"]*\")?\)")


def attachments(text: str) -> list[tuple[int, str]]:
    """The files a note embeds (pictures, PDFs, recordings: ATTACHMENT_SUFFIXES), (line from 1, file name) each:
    what a note of nothing else holds (an Evernote scan, a phone's photo note)."""
    from urllib.parse import unquote

    out = []
    for m in _FILE_EMBED.finditer(text):
        target = unquote((m.group(1) or m.group(2) or "").strip())
        if target.lower().endswith(ATTACHMENT_SUFFIXES):
            out.append((text.count("\n", 0, m.start()) + 1, target.replace("\\", "/").rsplit("/", 1)[-1]))
    return out


# an Anki cloze ({{c1::answer}}, {{c2::answer::hint}}), as Obsidian_to_Anki and other card plugins write it: the answer
_ANKI_CLOZE = re.compile(r"\{\{c\d+::((?:(?!::|\{\{|\}\}).)+)(?:::(?:(?!\{\{|\}\}).)*)?\}\}")


def anki_clozes(text: str) -> str:
    """text with each Anki cloze read as its answer, the inner first where one holds another
    ("{{c1::Warfarin inhibits {{c2::VKOR}}}}": "Warfarin inhibits VKOR")."""
    while "{{c" in text:
        read = _ANKI_CLOZE.sub(r"\1", text)
        if read == text:
            break
        text = read
    return text


# Logseq macros whose argument is text the reader sees; every other macro is a widget
TEXT_MACROS = {"cloze": 0}
# ... the apps' widgets and the values their templates fill in ("{{date}}", "{{title}}": dropped, as before)
_WIDGETS = frozenset("embed query cards toc namespace renderer function video youtube youtube-timestamp vimeo bilibili "
                     "tweet twitter pdf zotero".split())
_FILLED_IN = frozenset(("date", "time", "title"))
_FILLED_IN_BRACKETS = re.compile(r"\s*\(\{\{(?:" + "|".join(sorted(_FILLED_IN)) + r")\}\}\)",
                                 re.IGNORECASE)  # "today ({{date}})": no "()"
# a template's placeholder: one name in curly brackets, no spaces ("{{cub_name}}", "{{team}}"): in a plain page shown
# "[cub_name]" (liquid.py), in a Logseq page too where it is no widget (Inline._macro)
PLACEHOLDER = re.compile(r"(?<![{#])\{\{([A-Za-z][A-Za-z0-9_]{0,40})\}\}(?!\})")
TASK_OPEN, TASK_DONE = "\u2610", "\u2611"  # ☐ and ☑, what a task item's box shows
# ... and the boxes of the Tasks plugin's and themes' other states: "- [-]" cancelled (☒), "- [/]" under way (◐)
TASK_CANCELLED, TASK_DOING = "\u2612", "\u25d0"
TASK_BOXES = {" ": TASK_OPEN, "x": TASK_DONE, "X": TASK_DONE, "-": TASK_CANCELLED, "/": TASK_DOING}
TASK_BOX = r"\[([" + re.escape("".join(TASK_BOXES)) + r"])\]"  # a task item's "[ ]", "[x]", ...: its state group 1
TASK_MACROS = {"todo": TASK_OPEN, "done": TASK_DONE}  # Roam's {{[[TODO]]}} and {{[[DONE]]}}: its task boxes
_ROAM_NAME = re.compile(r"\[\[([\w/ -]+)\]\]:?\s*")  # {{[[embed]]: ((uid))}}, {{[[TODO]]}}: Roam's names


_TAGS_LABEL = re.compile(r"^\s*(?:\*\*)?(?:tags|tagged)(?:\*\*)?:(?:\*\*)?[ \t]+", re.IGNORECASE)  # Readwise's "Tags:"
# ... and a Dataview-like tags field after a note's tags on their line ("#endo tags:: condition")
_TAGS_FIELD = re.compile(r"(?:^|(?<=\s))tags::[ \t]*([\w/-]+(?:[ \t]*,?[ \t]*[\w/-]+)*)[ \t]*$", re.IGNORECASE)


def field_tags(text: str) -> list[str]:
    """The tags a tags field on a line of tags gives ("#endo tags:: condition, thyroid": "condition", "thyroid")."""
    m = _TAGS_FIELD.search(text) if "::" in text else None
    return [t for t in re.split(r"[\s,]+", m[1]) if t] if m else []


# a tag line written with links, Readwise's older form ("- Tags: [[learning]] [[favorite]]", "Document Tags: [[x]]")
LINK_TAGS = re.compile(r"^\s*(?:[-*+][ \t]+)?(?:\*\*)?(?:document\s+)?tags(?:\*\*)?:(?:\*\*)?[ \t]+"
                       r"((?:\[\[[^\[\]|#\n]+\]\][ \t,]*)+)$", re.IGNORECASE)
LINK_NAME = re.compile(r"\[\[([^\[\]|#\n]+)\]\]")
# bold, italics and highlights of a text not read as markdown (a Dataview field a note opens with: "due each year on
# the anniversary – **14 Nov**", trial s77 B, shown raw)
_EMPHASIS = re.compile(r"(\*\*|__|==|(?<![\w*])\*(?!\s))(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def without_emphasis(value):
    """A field's value (a text or a list of them) without its bold, italics and highlight marks, nor a block id at its
    end ("code 4719 (changes each term!) ^keycode": trial s77 AF, shown raw)."""
    if isinstance(value, str):
        value = BLOCK_ID.sub("", value) if "^" in value else value
        return _EMPHASIS.sub(r"\2", value) if any(m in value for m in "*_=") else value
    return [without_emphasis(v) for v in value] if isinstance(value, list) else value


# Readwise's link back to a highlight, "([View Highlight](https://read.readwise.io/...))": where it was, not text
VIEW_HIGHLIGHT = re.compile(r"[ \t]*\(View Highlight\)")
VIEW_HIGHLIGHT_LINK = re.compile(r"[ \t]*\(\[View Highlight\]\([^)\n]*\)\)")


def only_tags(text: str, dotted: bool = False) -> bool:
    """A line of only #tags ("#travel #笔记", Bear's "#book notes#", Readwise's "Tags: #favorite"), as Obsidian
    and Bear users tag a note: the note's tags, not something it says (dotted: a Dendron vault's tags,
    #spark.tuning)."""
    tag = DOTTED_TAG if dotted else TAG
    text = _TAGS_LABEL.sub("", text, count=1) if "ags" in text[:12] else text
    text = _TAGS_FIELD.sub("", text) if "::" in text else text  # ("#endo tags:: condition": trial s61 YA)
    text = BEAR_TAG.sub("", text) if text.count("#") > 1 else text
    return bool(tag.search(text)) and not tag.sub("", text).strip(" \t,;·|")


_ROAM_TASK = re.compile(r"(^[ \t]*(?:[-*+][ \t]+)?)?\{\{\s*(?:\[\[)?(TODO|DONE)(?:\]\])?\s*\}\}[ \t]*", re.M)
# {{embed: [[Page]]}}, {{[[embed]]: ((uid))}}: Roam's embeds, as an Obsidian embed or a block reference
_ROAM_EMBED = re.compile(r"\{\{\s*(?:\[\[embed\]\]|embed)\s*:\s*(\[\[[^\[\]\n]+\]\]|\(\([\w-]+\)\))\s*\}\}")


def roam_macros(text: str) -> str:
    """Roam's task and embed macros as markdown reads them, outside code: `- {{[[TODO]]}} call Ana` is
    `- [ ] call Ana` (a task item, shown ☐ as its app shows a box), DONE `[x]`, one inside a line its box;
    `{{embed: [[Page]]}}` is `![[Page]]`, an embed of that page, and `{{[[embed]]: ((uid))}}` its reference."""
    if "{{" not in text:
        return text

    def task(m: re.Match) -> str:
        if m.group(1) is not None:
            return f"{m.group(1)}[{'x' if m.group(2) == 'DONE' else ' '}] "
        return TASK_MACROS[m.group(2).lower()] + " "

    def embed(m: re.Match) -> str:
        return "!" + m.group(1) if m.group(1).startswith("[[") else m.group(1)

    def part(s: str) -> str:
        return _ROAM_EMBED.sub(embed, _ROAM_TASK.sub(task, s)) if "{{" in s else s

    return outside_code(text, part)


_DANGLING_END = re.compile(r"\s+[—–|-]\s*$")
_DANGLING_START = re.compile(r"^\s*[—–|-]\s+")


def _without_dangling_marks(before: str, after: str) -> str:
    """after (before with its macros read), without the dash or bar a macro that ended or began it left dangling: a
    template's "# Attendance note — {{title}}" is "Attendance note", not "Attendance note —" (trial s57); not a
    colon ("Tasks: {{query todo}}" labels what follows)."""
    if before.rstrip().endswith("}}") and after.strip():
        after = _DANGLING_END.sub("", after)
    if before.lstrip().startswith("{{") and after.strip():
        after = _DANGLING_START.sub("", after)
    return after


def macro_parts(m: re.Match) -> tuple[str, str]:
    """A MACRO's name (lower case) and argument, in Logseq's form ({{embed [[page]]}}) or Roam's
    ({{embed: [[page]]}}, {{[[embed]]: ((uid))}}, {{[[TODO]]}})."""
    name, arg = (m.group(1) or "").lower(), (m.group(2) or "").strip()
    if not name and (roam := _ROAM_NAME.match(arg)) is not None:
        name, arg = roam.group(1).lower(), arg[roam.end():].strip()
    return name, arg.removeprefix(":").strip()
_CLOZE_HINT = re.compile(r"\s\\{1,2}\s")  # "\\" before the hint, "\" once markdown has read its escape


@dataclass(frozen=True)
class Link:
    """A [[link]] as written: the note it names, and a heading or block id in it."""

    target: str  # note name or path, without .md
    heading: str = ""
    block: str = ""  # an Obsidian ^id or a Logseq uuid
    alias: str = ""
    heading_end: str = ""  # a Dendron range of headings, #heading:#heading_end

    @property
    def display(self) -> str:
        """What Obsidian shows for the link: its alias, or its name (with the heading)."""
        if self.alias:
            return self.alias
        heading = self.heading.replace("#", " > ")  # [[Note#A#B]]: a heading under a heading
        if heading:
            return f"{self.target} > {heading}" if self.target else heading
        return self.target

    @property
    def is_attachment(self) -> bool:
        return self.target.lower().endswith(ATTACHMENT_SUFFIXES)


def parse_link(inner: str, dendron: bool = False) -> Link:
    """The parts of what stands between [[ and ]]; dendron: as Dendron writes them, the label first
    ([[Label|target]]), another vault's note (dendron://vault/note) and a range of headings (#a:#b)."""
    inner = inner.replace("\\|", "|")
    if dendron and "|" in inner:
        alias, _, target = inner.partition("|")
    else:
        target, _, alias = inner.partition("|")
    target, _, sub = target.partition("#")
    heading = block = heading_end = ""
    if sub.startswith("^"):
        block = sub[1:].strip()
    elif dendron:
        heading, heading_end = dendron_rules.heading_range(sub)
    else:
        heading = sub.strip()
    target = dendron_rules.CROSS_VAULT.sub("", target.strip()) if dendron else target.strip()
    if target.lower().endswith(LINKED_SUFFIXES):
        target = target.rsplit(".", 1)[0]
    return Link(target, heading, block, alias.strip(), heading_end)


class Resolver(Protocol):
    """What rendering needs from the rest of the vault (see vault.Vault)."""

    def block_text(self, uuid: str, from_path: str) -> str | None: ...

    def resolve(self, target: str, from_path: str = "") -> str | None: ...

    def missing(self, from_path: str, target: str) -> None: ...

    def uses(self, from_path: str, rel: str) -> None: ...  # from_path shows something of rel

    def embed(self, spec: str, from_path: str): ...

    def title(self, target: str, from_path: str = "") -> str | None: ...  # the front-matter title of a note

    def in_dendron(self, rel: str) -> bool: ...  # is the note in a Dendron vault


_DROPPED = "\x00"  # where a picture embedded in a sentence was (Inline._wikilink), until render tidies round it
_DROPPED_BEFORE_BRACKET = re.compile(r"[ \t]*\x00(?=[)\]])")


def _labels(m: re.Match) -> bool:
    """Does the line before an embed (m) end with a label's colon ("Sheet PDF: ![[sheet.png]]"), or the line above it
    when it has none ("Photo of the line-up:" over the picture)?"""
    lines = m.string[:m.start()].split("\n")
    before = lines[-1].rstrip() or (lines[-2].rstrip() if len(lines) > 1 else "")
    return before.endswith(":") and any(ch.isalpha() for ch in before)


def dataview_fields(text: str) -> str:
    """Dataview's inline fields as its reading view shows them (FIELD_LINE, FIELD_BRACKETED); a field of
    several links (Roam's "Team:: [[Maya Chen]] [[Sam Ortiz]]", one pill each) with a comma between them."""
    text = FIELD_LINE.sub(r"\1\2:", FIELD_BRACKETED.sub(_field, text))
    text = FIELD_AFTER_SENTENCE.sub(r"\1:", text) if "::" in text else text
    text = FIELD_AFTER_WORDS.sub(r"\1:", text) if "::" in text else text
    return _LINKS_VALUE.sub(_listed, text) if "]] [[" in text else text


# "key: [[A]] [[B]]" (after FIELD_LINE): a value of only links, each a page of its own
_LINKS_VALUE = re.compile(r"^([ \t]*[^\W\d][\w \-/.()]{0,40}?:[ \t]+)((?:\[\[[^\[\]\n]+\]\][ \t]*){2,})$", re.M)


def _listed(m: re.Match) -> str:
    return m.group(1) + ", ".join(re.findall(r"\[\[[^\[\]\n]+\]\]", m.group(2)))


# the Tasks plugin's days in its Dataview format, (due:: 2025-03-02) as [due:: 2025-03-02], their key kept: due,
# scheduled, start and completion read as the days they set (chunking.task_days), created said as what it is (the
# review: a parenthesised due date had been a bare day, never overdue)
_TASK_DAY_KEYS = frozenset({"due", "scheduled", "start", "completion", "created"})


def _field(m: re.Match) -> str:
    """A bracketed Dataview field as its reading view shows it: [key:: value] "key: value", (key:: value) "value"
    (but a task's day, "due: value")."""
    if m.group(1) is not None:
        return f"{m.group(1)}: {m.group(2)}"
    return f"{m.group(3)}: {m.group(4)}" if m.group(3).strip().lower() in _TASK_DAY_KEYS else m.group(4)


@dataclass
class Inline:
    """Renders the text of one note, remembering what it met on the way."""

    path: str = ""
    resolver: Resolver | None = None
    tags: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # ^block-ids met since the caller last took them
    lost: list[str] = field(default_factory=list)  # what could not be shown as text
    line: int = 0  # the line being rendered, for what lost says (set by the parser)
    shown_below: str | None = None  # an embed, as written, that ends a block's text and is shown under it instead

    @property
    def dendron(self) -> bool:
        """Is the note in a Dendron vault (its links, anchors and tags read as Dendron writes them)?"""
        return self.resolver is not None and self.resolver.in_dendron(self.path)

    @property
    def tags_in_text(self) -> bool:
        """Does a #word in the note's text tag it? Not in a Notion page: Notion has no tags in text, and its
        "#welcome" is a Slack channel's name (trial s38)."""
        return not in_notion_export(self.path)

    def link(self, inner: str) -> Link:
        """What stands between [[ and ]], read in the note's dialect."""
        return parse_link(inner, self.dendron)

    def shown(self, link: Link, embedded=None) -> str:
        """What the app shows for a link: its label, else (Dendron, which shows a note's title for a link)
        the title of the note it names, or what an embed of it is labelled (embedded: its Embedded)."""
        if link.alias or not self.dendron or self.resolver is None or not link.target:
            return link.display
        if embedded is not None and embedded.label:
            return embedded.label
        title = self.resolver.title(link.target, self.path)
        heading = link.heading.replace("#", " > ")
        return (f"{title} > {heading}" if heading else title) if title else link.display

    def render(self, text: str) -> str:
        """Text outside code as a reader sees it."""
        if not any(m in text for m in ("[[", "((", "{{", "^", "#", "==", "{:", "::", "~", "@{", "<%", "OC]", "oc]")):
            return text  # plain markdown: nothing to do (and no cost)
        if "<%" in text:
            text = TEMPLATER.sub("", text)
        if "OC]" in text or "oc]" in text or "{:toc}" in text:
            text = TOC_MARKER.sub("", text)
        if "@{" in text:
            text = kanban_dates(text)
        # an Anki cloze in a Logseq page (a markdown note's are read before it is parsed, liquid.py), before the
        # fields and ::marks:: its "::" would read as
        text = anki_clozes(text)
        if "~" in text:
            text = ONE_TILDE_STRIKE.sub(r"~~\1~~", text)
        if "::" in text:
            text = dataview_fields(text)
        if "](" in text:
            text = LABELLED.sub(r"\1", text)
        if "{:" in text:
            text = ATTRIBUTES.sub("", text)
        if "==" in text or "^^" in text or "::" in text:
            text = HIGHLIGHT.sub(r"\2", text)
        if "{{" in text:
            text = _without_dangling_marks(text, MACRO.sub(self._macro, _FILLED_IN_BRACKETS.sub("", text)))
        if "((" in text:
            text = BLOCK_REF.sub(self._referenced, text)
        if "#" in text:
            text = self._tags(text)
        if "[[" in text:
            if "]] [[" in text or "]]\t[[" in text:  # links side by side, each a name: apart, as the app styles them
                text = _SIDE_BY_SIDE.sub(r"\1,", text)  # ("see Trainer meeting - ESR prep, ARCP 2026": trial s61 YA)
            text = WIKILINK.sub(self._wikilink, text)
            if _DROPPED in text:  # (no space left before a bracket it closed: "(photo ![[x.jpg]])" reads "(photo)")
                text = _DROPPED_BEFORE_BRACKET.sub("", text).replace(_DROPPED, "")
        if "^" in text:
            text = BLOCK_ID.sub(self._block_id, text)
        return text

    def _macro(self, m: re.Match) -> str:
        name, arg = macro_parts(m)
        if name in TASK_MACROS:
            return TASK_MACROS[name]
        if name in TEXT_MACROS:
            return _CLOZE_HINT.split(arg, 1)[0].strip()  # {{cloze answer \\ hint}}: the answer
        if name == "embed":
            if m.group(0) == self.shown_below:
                return ""
            link = WIKILINK.search(arg)
            if link:
                self._check_embed(self.link(link.group(2)), m.group(0), link.group(2))
                return self.link(link.group(2)).display
            ref = BLOCK_REF.search(arg)
            if ref:
                return self._block_ref(ref)
        # a name of the writer's own to fill in, as a letter template writes one ("{{team}} v {{opponent}} is OFF
        # today": trial s86 L, it had read " v  is OFF today"): "[team]"; not a widget's nor a value the app fills in
        if PLACEHOLDER.fullmatch(m.group(0)) and name not in _WIDGETS and name not in _FILLED_IN:
            return f"[{m.group(1)}]"
        return ""

    def _referenced(self, m: re.Match) -> str:
        """A block reference's text, in quotes where other words are beside it, as Logseq sets it apart in a box (trial
        s57 LB: "everyone listens to Olu's track pronunciation track recorded by Olu" had read as one sentence)."""
        said = self._block_ref(m)
        alone = not (m.string[:m.start()].strip() or m.string[m.end():].strip())
        return said if alone or not said.strip() or said.lstrip()[:1] in "“\"'‘`" else f"“{said}”"  # (code: as code)

    def _block_ref(self, m: re.Match) -> str:
        text = self.resolver.block_text(m.group(1), self.path) if self.resolver is not None else None
        if text is None:
            self.lost.append(f"block reference (({m.group(1)})){self._at()} not found")
            if self.resolver is not None:
                self.resolver.missing(self.path, m.group(1))  # found again once a note gets that id
            return ""
        return text

    def _tags(self, text: str) -> str:
        """text's tags taken (as its app reads them), each shown as written: Bear's "#book notes#" whole, then
        the others (a Dendron vault's with their dots)."""
        if not self.tags_in_text:
            return text
        tag = DOTTED_TAG if self.dendron else TAG
        out, at = [], 0
        for m in BEAR_TAG.finditer(text) if text.count("#") > 1 else ():
            name = " ".join(m.group(1).split())
            self.tags.append(name)
            out += [tag.sub(self._tag, text[at:m.start()]), m.group(0)]  # shown as written, "#book notes#"
            at = m.end()
        return "".join(out) + tag.sub(self._tag, text[at:])

    def _tag(self, m: re.Match) -> str:
        name = m.group(2) if m.group(2) is not None else m.group(1)
        self.tags.append(name)
        return f"#{name}"

    def _wikilink(self, m: re.Match) -> str:
        link = self.link(m.group(2))
        embedded = None
        if m.group(0) == self.shown_below:
            return ""
        if m.group(1):  # an embed inside a sentence: a picture drops out, a note reads as its name
            if link.is_attachment:
                name = link.target.replace("\\", "/").rsplit("/", 1)[-1]
                alone = not _EMBED.sub("", m.string).strip()  # (a note of only files says "Attached: ...": units)
                # (a picture a label names, nothing after it, is named: "Cabinet layout photo: cd-cabinet-layout.png",
                # trials s68 W, s69 J, the label alone had been a hit that said nothing)
                labelled = _labels(m) and not _EMBED.sub("", m.string[m.end():].split("\n", 1)[0]).strip()
                return _DROPPED if alone or name.lower().endswith(PICTURE_SUFFIXES) and not labelled else name
            embedded = self._check_embed(link, m.group(0), m.group(2))
        elif link.block and not link.target and not link.alias and self.path:
            # a link to a block of its own note ("see [[#^boiler1]]") reads as that note's name, as [[Note#^id]] does
            # (not nothing: "see for the model", trial s75)
            return PurePosixPath(self.path).stem
        return self.shown(link, embedded)

    def _at(self) -> str:
        return f" at line {self.line}" if self.line else ""

    def _check_embed(self, link: Link, written: str, spec: str):
        """An embed (written, its link spec between [[ ]]) read as its name because its note, or the heading
        or block it names, is not in the folder: said, and (a note) remembered. What it embeds, if read."""
        if self.resolver is None or not link.target:
            return None
        rel = self.resolver.resolve(link.target, self.path)
        if rel is None:
            self.lost.append(f"the embed {written}{self._at()} was not found")
            self.resolver.missing(self.path, link.target)
            return None
        self.resolver.uses(self.path, rel)  # (renamed or deleted, it is missing: said then, as from nothing)
        if link.heading or link.block:
            got = self.resolver.embed(spec, self.path)
            if got is None:
                part = f'heading "{link.heading}"' if link.heading else f"block ^{link.block}"
                self.lost.append(f"the embed {written}{self._at()}: its note has no {part}")
            return got
        return None

    def _block_id(self, m: re.Match) -> str:
        self.ids.append(m.group(1))
        return ""

    def take_ids(self) -> list[str]:
        ids, self.ids = self.ids, []
        return ids


# --------------------------------------------------------------------------- whole text, code kept

CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)  # `code`, ``a ` b``: its code group 2
_FENCE = re.compile(r"^[ \t>]*(?:[-*+][ \t]+)?(`{3,}|~{3,})")  # also a list item's (a Logseq block's): "- ```"
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)*?(?<!`)\1(?!`)", re.S)  # not across paragraphs


def code_fence_after(line: str, fence: str | None) -> str | None:
    """The code fence open after line ("```", "~~~~"), given the one open before it (None: none).
    A fence closes on a line of at least as many of its marks and nothing else (in a quote too)."""
    m = _FENCE.match(line)
    if m is None:
        return fence
    mark = m.group(1)
    if fence is None:
        return mark[0] * len(mark)
    closes = mark.startswith(fence) and not line.strip().lstrip(">").strip()[len(mark):].strip()
    return None if closes else fence


FenceAfter = Callable[[str, str | None], str | None]  # code_fence_after's shape: the fence open after a line


# a link (no embed) right before another, only spaces between: "[[A]] [[B]]" reads "A, B"
_SIDE_BY_SIDE = re.compile(r"(?<![!#\w])(\[\[[^\[\]\n]+\]\])(?=[ \t]+\[\[)")


def outside_code(text: str, fn: Callable[[str], str], fence_after: FenceAfter = code_fence_after,
                 code: frozenset[int] = frozenset()) -> str:
    """fn applied to the parts of text that are not fenced code or code spans (fence_after: which lines open and
    close a fence, Logseq's org blocks too), nor the lines of code (0-based: indented_code's)."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for i, line in enumerate(_LINES.findall(text)):  # lines as markdown counts them (not at U+2028: code's numbers)
        after = fence_after(line, fence)
        if fence is None and after is None and i not in code:
            prose.append(line)
        else:
            if prose:  # code begins: the prose before it is done
                out.append(_spans_outside("".join(prose), fn))
                prose = []
            out.append(line)
        fence = after
    out.append(_spans_outside("".join(prose), fn))
    return "".join(out)


_LINES = re.compile(r"[^\n]*\n|[^\n]+")
# an indented line with a mark that is markup outside code: maybe in markdown's indented code, which a parse tells
_INDENTED_MARK = re.compile(r"^(?: {4}|\t).*(?:%%|<!--|\{\{)", re.M)


def indented_code(text: str) -> frozenset[int]:
    """The lines (0-based) of text's indented code blocks, as markdown reads them ("    %% Load data", a MATLAB
    cell, is code, not a comment): a parse, for a text with an indented line holding such a mark."""
    if not _INDENTED_MARK.search(text):
        return frozenset()
    from .units import md_parser  # (units reads markup: imported when needed)

    return frozenset(i for tok in md_parser().parse(text) if tok.type == "code_block" and tok.map
                     for i in range(*tok.map))


def _spans_outside(text: str, fn: Callable[[str], str]) -> str:
    if "`" not in text:
        return fn(text)
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(fn(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)


def _blank_keep_lines(m: re.Match) -> str:
    return "\n" * m.group(0).count("\n")


_NOT_NAME = re.compile(r"[\W_]+")


# an alt text that is a label an exporter writes on every picture ("rw-book-cover", Readwise's), not a caption
_ALT_LABEL = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def names_its_file(alt: str, src: str) -> bool:
    """Is a picture's alt text only its file name ("vmm.png", or "Vmm" for ../images/vmm.png, as a
    vault's importer writes them), or an exporter's label ("rw-book-cover")? Then it says nothing, and next
    to a sentence reads as part of it."""
    alt = alt.strip().lower()
    if not alt or alt.endswith(ATTACHMENT_SUFFIXES) or _ALT_LABEL.fullmatch(alt):
        return True
    stem = PurePosixPath(unquote(src.rsplit("/", 1)[-1])).stem.lower()
    return _NOT_NAME.sub("", alt) == _NOT_NAME.sub("", stem)


def without_tags(text: str, tags) -> str:
    """Text as Inline.render shows it, without the #tags named in tags (a Logseq #[[big project]]
    shows as "#big project": only the names say where such a tag ends). A tag that is a word of the
    sentence ("options for #Atlas", "#handover to Kemal") stays as that word."""
    names = sorted({t for t in tags if t}, key=len, reverse=True)
    if "#" not in text or not names:
        return text
    tag = "#(" + "|".join(map(re.escape, names)) + r")(?![\w/-])"
    # a tag alone in brackets goes with them: "Budget (#finance)"
    found = re.compile(rf"\(\s*{tag}\s*\)|\[\s*{tag}\s*\]|{_TAG_START[:-1]}{tag}", re.IGNORECASE)

    def drop(m: re.Match) -> str:
        before, after = text[:m.start()].split(), text[m.end():].split()
        # ... and one that opens a phrase going on with such a word ("#handover to Kemal": trial s46 had "to Kemal")
        word = before[-1] if before else after[0] if after else ""
        return m.group(3) if m.group(3) and word.lower() in _LEADS_TO_A_WORD else ""

    return found.sub(drop, text)


# a tag after these is a word of the sentence, not a label on it: "options for #Atlas"
_LEADS_TO_A_WORD = frozenset("a an the for on of in to with about at by from into and or per via".split())


# a link reference definition on a line of its own, "[ideas]: ideas.md 'Ideas'": where a [text][ideas] link
# goes, not text (not a footnote's definition, "[^1]: text")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)([^\[\]\n]+)\]:[ \t]+\S[^\n]*$", re.M)
_FOAM_MARKS = ("//begin", "//end")  # [//begin]: # "Autogenerated link references ..."


def foam_references(text: str) -> str:
    """Foam's link reference definitions (`[ideas]: ideas.md "Ideas"`, one for each [[ideas]] in the note,
    so that other markdown tools see links) blank, every line kept: no reader sees them, and markdown
    would read the [[ideas]] they define as a reference link inside brackets ("[ideas]")."""
    if "]:" not in text or "[[" not in text:
        return text
    linked = {name.strip().casefold() for m in WIKILINK.finditer(text)
              for name in (m.group(2), parse_link(m.group(2)).target)}

    def blank(m: re.Match) -> str:
        label = m.group(1).strip()
        return "" if label in _FOAM_MARKS or label.casefold() in linked else m.group(0)

    return outside_code(text, lambda part: REFERENCE_DEFINITION.sub(blank, part) if "]:" in part else part)


# a daily note's navigation, "<< [[2026-11-11]] | [[2026-W46]] | [[2026-11-13]] >>" (Periodic Notes and
# Calendar templates): links to the days around it, not what the day says
_NAV_LINE = re.compile(r"^[ \t]*(?:<<|«|←)[ \t]*(?:(?:\[\[[^\[\]\n]+\]\]|\[[^\]\n]*\]\([^)\n]*\))[ \t]*(?:[|·•,-][ \t]*)?)+"
                       r"(?:>>|»|→)[ \t]*$", re.M)


def without_navigation(text: str) -> str:
    """text with its lines of only links to the notes before and after ("<< [[a]] | [[b]] >>") blank."""
    return _NAV_LINE.sub("", text) if "<<" in text or "«" in text or "←" in text else text


def strip_comments(text: str, fence_after: FenceAfter = code_fence_after, code: frozenset[int] | None = None) -> str:
    """HTML comments and Obsidian %% comments removed outside code, every line kept where it was. fence_after:
    which lines open and close a fence (Logseq's org blocks too); code: the lines of other code (by default
    markdown's indented code blocks)."""
    if "<!--" not in text and "%%" not in text:
        return text
    code = indented_code(text) if code is None else code

    def strip(part: str) -> str:
        part = HTML_COMMENT.sub(_blank_keep_lines, part)
        return OBSIDIAN_COMMENT.sub(_blank_keep_lines, part) if "%%" in part else part

    return outside_code(_comment_blocks(text, fence_after, code) if "%%" in text else text, strip, fence_after, code)


def _comment_blocks(text: str, fence_after: FenceAfter = code_fence_after, code: frozenset[int] = frozenset()) -> str:
    """A %% comment that opens a line and is not closed on it hides all up to its closing %%, code blocks too, as
    Obsidian does (an Excalidraw drawing's compressed data): those lines blank. The marks are taken in
    order, an inline "%% ... %%" pair included (a %% inside one is not a block's); a block never closed
    hides nothing. A %% inside code (fence_after's fences, the lines of code) opens nothing."""
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    inline_open = False  # an inline %% comment runs on past its line (strip_comments' regex hides it)
    block_at: int | None = None  # the line a block comment opened on
    for i, line in enumerate(lines):
        if block_at is not None:
            if line.count("%%"):  # its closing mark: what follows it on the line stays
                block_at = None
                out.append(line[line.index("%%") + 2:])
            else:
                out.append("")
            continue
        if i in code and not inline_open:
            out.append(line)
            continue
        # "%%" alone, or "%% kanban:settings" (the Kanban plugin's settings, a JSON fence after it): a block
        if fence is None and not inline_open and line.lstrip().startswith("%%") and line.count("%%") == 1:
            block_at = i
            out.append("")
            continue
        if fence is None and _CODE_SPAN.sub("", line).count("%%") % 2:  # (not a %% in `code`)
            inline_open = not inline_open
        if not inline_open:
            fence = fence_after(line, fence)
        out.append(line)
    if block_at is not None:  # never closed: shown as written
        out[block_at:] = lines[block_at:]
    return "\n".join(out)


def links_as_markdown(text: str, target_of: Callable[[Link], str | None],
                      block_text: Callable[[str], str | None] | None = None,
                      embed_text: Callable[[str], str | None] | None = None, reader: Inline | None = None) -> str:
    """A note's source with its [[links]] as markdown links (to the note each names, where
    target_of finds it, else as their display text), picture embeds dropped, a note's embed
    followed by the text it shows (embed_text, on the same line) and ((refs)) as the referenced
    text: what the chat's source view renders. Code is left as written. reader reads a link and
    what it shows in the note's dialect (Inline.link, Inline.shown)."""
    reader = reader or Inline()

    def link(m: re.Match) -> str:
        parsed = reader.link(m.group(2))
        if m.group(1) and parsed.is_attachment:
            return ""
        label = reader.shown(parsed).replace("[", "(").replace("]", ")")
        href = target_of(parsed) if parsed.target else None
        shown = f"[{label}](<{href}>)" if href else label
        embedded = embed_text(m.group(2)) if m.group(1) and embed_text is not None else None
        return f"{shown}: {embedded}" if embedded else shown

    def ref(m: re.Match) -> str:
        found = block_text(m.group(1)) if block_text is not None else None
        return found if found is not None else m.group(0)

    def labelled(m: re.Match) -> str:
        page = WIKILINK.fullmatch(m.group(2))
        href = target_of(reader.link(page.group(2))) if page else None
        return f"[{m.group(1)}](<{href}>)" if href else m.group(1)

    def part(s: str) -> str:
        s = LABELLED.sub(labelled, s) if "](" in s else s
        s = WIKILINK.sub(link, s) if "[[" in s else s
        return BLOCK_REF.sub(ref, s) if "((" in s else s

    return outside_code(text, part)
