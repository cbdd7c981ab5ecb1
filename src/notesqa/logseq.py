"""Logseq pages: outlines of `- ` blocks, read block by block.

A Logseq page is an outline: every block starts with `- ` at some indentation (tabs,
or spaces), and continues on lines indented under it. Each block is a unit at its
outline depth whatever its indentation, with its parent blocks as parents; a heading
block (`- ## Setup`) heads the blocks nested under it. `key:: value` lines are
properties, never text: the page's first block of them is the note's metadata (title,
alias, tags, date), a block's `id::` is what `((refs))` point to, the rest is dropped. Org-style `#+BEGIN_NOTE ... #+END_NOTE` blocks read as
callouts, `#+BEGIN_SRC` / `#+BEGIN_QUERY` / `#+BEGIN_EXAMPLE` as code.

The markdown inside each block is parsed by the same walker as any note (units.py).
"""

from __future__ import annotations

import datetime as _dt
import re
import urllib.parse
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Iterable

from .markup import BLOCK_REF, Inline, code_fence_after, strip_comments
from .metadata import (JOURNAL_DAY, NOTE_KINDS, as_date, as_tags, calendar_day, coded_names, credits, front_matter,
                       note_date, note_names, properties, property_list, span_start)
from .notefiles import Problem, nfc
from .textchars import text_chars as _count_chars
from .textchars import visible_chars
from .units import ParsedNote, Unit, Walker, clean, inline_text, md_parser

PROPERTY = re.compile(r"^[ \t]*([A-Za-z][\w.\-/?]*)::(?:[ \t]+(.*?))?[ \t]*$")
# "status: reading": a property typed with one colon; a value of a property's length, not a sentence ("Note: we meet
# monthly, at the library." is the page's first paragraph), nor five words or more in lower case that link nothing and
# list nothing ("Note: we meet on the first Tuesday", the review; "title: The Left Hand of Darkness" is a title)
# (its words each one or more characters, so that no run of spaces splits two ways: 22 sentences had taken 38 s, the
# review)
_ONE_COLON = re.compile(r"^[ \t]*([A-Za-z][\w.\-/?]*):[ \t]+(?![a-z][^\s\[,]*[ \t]+(?:[^\s\[,]+[ \t]+){3,}[^\s\[,]+[ \t]*$)"
                        r"(\S.{0,79}?)(?<![.!?])[ \t]*$")
BULLET = re.compile(r"^([ \t]*)-(?:[ \t]+(.*)|[ \t]*)$")
# (a block may open with one: `- #+BEGIN_NOTE`, as the source view sees the page)
ORG_BEGIN = re.compile(r"^(?P<indent>[ \t]*)(?P<item>- )?#\+BEGIN_(?P<kind>\w+)(?P<rest>.*)$", re.I)
ORG_END = re.compile(r"^(?P<indent>[ \t]*)#\+END_(?P<kind>\w+)[ \t]*$", re.I)
HICCUP = re.compile(r"^[ \t]*\[:[\w.#-]+.*\][ \t]*$")
HICCUP_CODE = re.compile(r'\[:code "([^"`]*)"\]')
NUMBERED = re.compile(r"^(\d{1,9}[.)])[ \t]+(\S.*)$")
HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
# block kinds shown as a callout (their text with its lines), and those shown as code
ORG_CALLOUTS = {"NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING", "PINNED", "QUOTE", "CENTER", "VERSE"}
ORG_CODE = {"SRC": "", "QUERY": "query", "EXAMPLE": "", "EXPORT": "", "COMMENT": None}
# page properties whose value is prose the page shows, indexed as its first paragraph
PROSE_PROPERTIES = ("description",)
# properties the app does not show: by name, or by the start of it for a name ending in "-" or "." (card-*, logseq.*)
HIDDEN_PROPERTIES = ("id", "collapsed", "heading", "card-", "logseq.")
# page properties that are the note's metadata (title, names, tags, date), or settings of the page, or
# hidden; any other ("author:: Donella Meadows", "role:: Engineering manager") is text
# properties the app keeps out of sight, a page's and a block's (its property.cljs: ids, times, queries' options, a
# PDF highlight's)
APP_HIDDEN = (*HIDDEN_PROPERTIES, "created-at", "created_at", "updated-at", "updated_at", "last-modified-at",
              "last_modified_at", "query-", "ls-type", "hl-", "background-")
# (and when the page was written or updated, its own days, as a front matter's are: trial s64 G's "updated::
# 2026-12-01" had been a hit alone)
PAGE_DAYS = ("created", "updated", "modified", "last-modified", "last-updated", "date-created", "date-modified")
META_PROPERTIES = ("title", "alias", "aliases", "tags", "date", "icon", "public", "filters", "template",
                   "template-including-parent", "exclude-from-graph-view", *APP_HIDDEN, *PROSE_PROPERTIES, *PAGE_DAYS)
# ... and those that are settings or the page's names, not text of the block: not indexed, though shown
BLOCK_HIDDEN = (*APP_HIDDEN, "template", "template-including-parent", "public", "icon", "exclude-from-graph-view",
                "filters", "custom-id", "title", "alias", "tags")
_TIMESTAMP = re.compile(r"^\d{13}$")  # epoch milliseconds: an old task's time stamps ("done:: 1612237041727") ...


def _is_timestamp(value: str) -> bool:
    """... of the years 2000-2099 (an ISBN-13, 978..., is 13 digits too: a book page's "isbn::" is text)."""
    return _TIMESTAMP.match(value) is not None and 946_684_800_000 <= int(value) < 4_102_444_800_000


def is_named(key: str, names: tuple[str, ...]) -> bool:
    """Is a property key one of names, or of a family of them (a name ending in "-" or ".": card-*, logseq.*)? Not
    a key that only starts with a name ("idea::" is no "id::", the review)."""
    key = key.lower()
    return any(key == n or n[-1] in "-." and key.startswith(n) for n in names)


def looks_like_outline(text: str) -> bool:
    """A note outside a Logseq graph written as a Logseq page: its first lines are `key:: value`
    properties (of the page, or of its first block) and it is an outline of `- ` blocks."""
    lines = [ln for ln in text.lstrip("\ufeff").splitlines() if ln.strip()]
    if not lines or not any(PROPERTY.match(ln) for ln in lines[:4]):
        return False
    body = [ln for ln in lines if not PROPERTY.match(ln)]
    if not body or not BULLET.match(body[0]):
        return False  # Dataview fields (status:: active) above a markdown note
    # an outline: nearly every line a block or a block's indented continuation
    return sum(1 for ln in body if BULLET.match(ln) or ln[:1] in " \t") >= 0.8 * len(body)


@dataclass
class Block:
    line: int  # 1-based line of the `- ` (or the page's first line for text before any bullet)
    depth: int  # 1 = top level
    lines: list[str] = field(default_factory=list)  # content, un-indented; line i is file line `line + i`


def _width(ws: str) -> int:
    return len(ws.expandtabs(4))


def split_blocks(lines: list[str], first_line: int) -> list[Block]:
    """The outline's blocks in order, each with its depth and its own lines.

    Depth comes from indentation compared with the blocks above (tabs or any number of
    spaces). A line that is not a `- ` continues the block above, inside a code fence too,
    except at the margin: there a heading, or text after a `- ` block or after the page's
    properties, starts a top-level block (Logseq writes a page's first block, and headings
    it was given as plain markdown, without the `- `).
    """
    blocks: list[Block] = []
    stack: list[int] = []  # indentation of the open blocks, outermost first
    fence: str | None = None  # an open code fence, or "#+X" for an open #+BEGIN_X block
    bare = props_only = False  # the last block had no `- ` / holds only properties so far
    for i, line in enumerate(lines):
        m = BULLET.match(line)
        if m is not None and fence is not None:
            # inside a fence only a `- ` at or left of its block's indent is a block: the fence was not closed
            m = m if stack and _width(m.group(1)) <= stack[-1] else None
        if m is None:
            at_margin = fence is None and line[:1] not in ("", " ", "\t")
            if at_margin and (not blocks or HEADING.match(line) or not bare
                              or (props_only and not PROPERTY.match(line) and not _typed(line, blocks[-1]))):
                blocks.append(Block(first_line + i, 1))
                stack[:] = [0]  # `- ` blocks at the margin are its siblings, indented ones its children
                bare, props_only = True, True
            elif not blocks:
                continue  # blank lines before the first block
            content = _dedent(line, stack[-1] + 2) if not bare else line
            blocks[-1].lines.append(content)
            props_only = props_only and (not content.strip() or PROPERTY.match(content) is not None
                                         or _typed(content, blocks[-1]))
            fence = _fence_state(content, fence)
            continue
        indent = _width(m.group(1))
        while stack and indent <= stack[-1]:
            stack.pop()
        blocks.append(Block(first_line + i, len(stack) + 1, [m.group(2) or ""]))
        stack.append(indent)
        bare = props_only = False
        fence = _fence_state(blocks[-1].lines[0], None)
    return blocks


def _typed(line: str, block: Block) -> bool:
    """Is line a property typed with one colon ("status: reading") among a block's properties?"""
    return _ONE_COLON.match(line) is not None and any(PROPERTY.match(text) for text in block.lines)


def _dedent(line: str, width: int) -> str:
    """line without up to `width` columns of leading white space."""
    col, i = 0, 0
    while i < len(line) and line[i] in " \t" and col < width:
        col = _width(line[: i + 1])
        i += 1
    return line[i:]


def _fence_state(line: str, fence: str | None, kinds: Iterable[str] | None = None) -> str | None:
    """The open fence after line: a code fence, or an org #+BEGIN_X block ("#+X"; of kinds only, when given), whose
    lines belong to the block they are in even when they start with `- `."""
    if fence is None or fence.startswith("#+"):
        org = (ORG_BEGIN if fence is None else ORG_END).match(line)
        if org is not None and fence is None and (kinds is None or org.group("kind").upper() in kinds):
            return "#+" + org.group("kind").upper()
        if fence is not None:
            return None if org is not None and org.group("kind").upper() == fence[2:] else fence
    return code_fence_after(line, fence)


# --------------------------------------------------------------------------- properties


DRAWER = re.compile(r"^\s*:(LOGBOOK|PROPERTIES):\s*$", re.IGNORECASE)
DRAWER_END = re.compile(r"^\s*:END:\s*$", re.IGNORECASE)


def drawer_lines(lines: list[str]) -> set[int]:
    """The lines of drawers (`:LOGBOOK:` ... `:END:`, outside code; one not closed within its block is none)."""
    out: set[int] = set()
    fence: str | None = None
    opened: int | None = None
    for i, line in enumerate(lines):
        if opened is not None and BULLET.match(line):
            opened = None  # the next block: that drawer was never closed
        if opened is not None:
            if DRAWER_END.match(line):
                out.update(range(opened, i + 1))
                opened = None
        elif fence is None and DRAWER.match(line):
            opened = i
        else:
            fence = _fence_state(line, fence)
    return out


_CLOCK = re.compile(r"^\s*CLOCK:.*=>\s*(\d+):(\d\d)(?::(\d\d))?\s*$")  # CLOCK: [...]--[...] =>  01:15:00


def _with_clocked(body: list[str], lines: list[str]) -> list[str]:
    """A task's lines with the time its :LOGBOOK: clocked after its first line, "(clocked 1h 15m)", as the app shows
    the total beside a task (trial s36: "how long did I spend on the invoice fix?" had no answer); the lines as
    they are for a block without one."""
    if not any("CLOCK:" in line for line in lines):  # most blocks: their drawers not read a second time
        return body
    drawer = drawer_lines(lines)
    seconds = sum(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3] or 0)
                  for i, line in enumerate(lines) if i in drawer and (m := _CLOCK.match(line)))
    at = next((i for i, line in enumerate(body) if line.strip()), None)
    hours, minutes = divmod(round(seconds / 60), 60)
    # (not on a block that opens with code or is a heading: a fence's info string, a heading path, would take it)
    if not (hours or minutes) or at is None or _FENCE_OR_HEADING.match(body[at]):
        return body
    said = " ".join(part for part in (f"{hours}h" if hours else "", f"{minutes}m" if minutes else "") if part)
    return [*body[:at], f"{body[at].rstrip()} (clocked {said})", *body[at + 1:]]


_FENCE_OR_HEADING = re.compile(r"^\s*(?:```|~~~|#{1,6}\s)")


class Properties(dict):
    """A block's properties by their keys in lower case, as Logseq reads them ("Alias::" is "alias::"), and each
    key as its line writes it, which shown text keeps (trial s41: "KCl:: 10 mM" had been shown "kcl: 10 mM")."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, str] = {}

    def shown(self, key: str, text: str) -> str:
        """The "key: value" line the app shows for a property, its key as written."""
        return f"{self.written.get(key, key)}: {text}"


def take_properties(lines: list[str]) -> tuple[Properties, list[str]]:
    """(properties, lines) of a block: `key:: value` lines outside code are properties; they
    become blank lines, so every other line keeps its place. So do drawers (`:LOGBOOK:` ...
    `:END:`, the clock times Logseq keeps out of sight)."""
    props = Properties()
    out: list[str] = []
    fence: str | None = None
    hidden = drawer_lines(lines)
    for i, line in enumerate(lines):
        if i in hidden:
            out.append("")
            continue
        m = PROPERTY.match(line) if fence is None else None
        if m is not None:
            key = m.group(1).lower()
            if key not in props:
                props[key] = (m.group(2) or "").strip()
                props.written[key] = m.group(1)
            out.append("")
            continue
        fence = _fence_state(line, fence)
        out.append(line)
    return props, out


# --------------------------------------------------------------------------- org blocks


def org_blocks(lines: list[str]) -> list[str]:
    """`#+BEGIN_X ... #+END_X` as markdown, line for line: a note, tip or quote becomes a callout
    (`> [!note]`), source, query and example blocks become fenced code, a comment is hidden.
    Markdown code is left as written; hiccup ([:div ...]) outside it is not text."""
    out: list[str] = []
    kind: str | None = None
    inner = ""  # the indentation of the block's lines (under its `- `, if it opens a block)
    fence: str | None = None
    for line in lines:
        after = code_fence_after(line, fence) if kind is None else None
        if kind is None and (fence is not None or after is not None):
            fence = after  # markdown code: as written
            out.append(line)
            continue
        if kind is None and HICCUP.match(line):
            out.append("")  # [:div ...] is Logseq's inline HTML: markup, not text
            continue
        if kind is None and "[:code" in line:
            line = HICCUP_CODE.sub(lambda m: f"`{m.group(1)}`", line)
        m = ORG_BEGIN.match(line) if kind is None else None
        if m is not None:
            kind, lead = m.group("kind").upper(), m.group("indent") + (m.group("item") or "")
            inner = m.group("indent") + ("  " if m.group("item") else "")  # as the list item it belongs to
            out.append(_org_open(kind, lead, m.group("rest")))
            continue
        end = ORG_END.match(line) if kind is not None else None
        if end is not None and end.group("kind").upper() == kind:  # a block nested in it is its content
            out.append("" if kind in ORG_CALLOUTS or ORG_CODE.get(kind, "") is None else f"{inner}```")
            kind = None
            continue
        if kind in ORG_CALLOUTS:
            out.append(f"{inner}> {line[len(inner):] if line.startswith(inner) else line.lstrip()}")
        elif kind is not None and ORG_CODE.get(kind, "") is None:
            out.append("")
        else:
            out.append(line)
    if kind is not None and kind not in ORG_CALLOUTS and ORG_CODE.get(kind, "") is not None:
        out.append("```")  # an unclosed block: close it, as Logseq shows it
    return out


def _org_open(kind: str, lead: str, rest: str) -> str:
    """The markdown line that opens a #+BEGIN_X block."""
    if kind in ORG_CALLOUTS:
        return f"{lead}> [!{kind.lower()}]"
    if ORG_CODE.get(kind, "") is None:
        return ""
    lang = rest.strip().split(" ")[0] if kind == "SRC" else ORG_CODE.get(kind, "")
    return f"{lead}```{lang}"


# --------------------------------------------------------------------------- page names


def page_name(rel: str) -> str:
    """The page name Logseq gives a file: `a___b.md` is page `a/b`, `%3F` is `?` (its
    triple-lowbar file name format), a journal `2021_07_19.md` is `Jul 19th, 2021`."""
    path = PurePosixPath(rel)
    date = journal_date(rel)
    if date is not None:
        return journal_title(date)
    stem = path.stem.replace("___", "/")
    return nfc(urllib.parse.unquote(stem))


def journal_date(rel: str) -> str | None:
    m = re.fullmatch(r"(\d{4})_(\d{2})_(\d{2})", PurePosixPath(rel).stem)
    if m is None:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


_JOURNAL_NAME = re.compile(JOURNAL_DAY)
_JOURNAL_FILE_DAY = re.compile(r"\d{4}_\d\d_\d\d")


def property_date(value: str) -> str | None:
    """A date property as Logseq writes it: 2026-09-02, [[2026-09-02]], or a journal's name from the date
    picker, [[Sep 3rd, 2026]]; None if it is none of these."""
    for item in (*property_list(value), value.strip("[] ")):
        # (a journal's link as its file is named, "[[2026_11_28]]": trial s71 Q's "date::" had been of no day)
        iso = as_date(item.strip().replace("_", "-") if _JOURNAL_FILE_DAY.fullmatch(item.strip()) else item)
        if iso is None and (m := _JOURNAL_NAME.fullmatch(item.strip())):
            iso = calendar_day(m[1], m[2], m[3])
        if iso is not None:
            return iso
    return None


def journal_title(iso: str) -> str:
    d = _dt.date.fromisoformat(iso)
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{d.strftime('%b')} {d.day}{suffix}, {d.year}"


# --------------------------------------------------------------------------- the page


def parse_page(text: str, rel: str, vault=None):
    """A Logseq page as a ParsedNote: one unit per block (see the module's docstring)."""

    # (a "%% Load data" in an org block of code is code; an outline's indented lines are its blocks, not code)
    text = strip_comments(text, lambda line, fence: _fence_state(line, fence, ORG_CODE), frozenset())
    lines = text.split("\n")
    meta, problem, start = _page_front_matter(lines, rel, front_matter)
    blocks = split_blocks(lines[start:], start + 1)
    inline = Inline(rel, vault)
    walker = Walker(rel, inline, vault, outline=True)
    page_props = Properties()
    stack: list[tuple[int, int, str]] = []  # open headings: (depth, level, text)
    numbers: dict[int, int] = {}  # depth -> last number of a numbered list (logseq.order-list-type)
    items: list[dict] = []  # the open blocks' list items, one per depth
    text_chars = 0
    template: int | None = None  # the depth of the template block whose content the walk is in
    for n, block in enumerate(blocks):
        props, body = take_properties(block.lines)
        in_template = template is not None and block.depth > template
        if not in_template:
            template = None
        if n == 0 and props and (typed := _typed_with_one_colon(body, block.line)):
            problem = _also(problem, _read_as_properties(typed, props, rel))
            body = [""] * len(body)
        if n == 0 and props and not "".join(body).strip():
            page_props = props  # the page's properties: metadata, not a block
            last = max((i for i, text in enumerate(block.lines) if text.strip()), default=0)
            text_chars += _prose_properties(walker, props, block.line, inline, block.line + last)
            continue
        body = _with_clocked(org_blocks(_highlight(body, props)), block.lines)
        text_chars += _count_chars("\n".join(body))
        del items[block.depth - 1:]
        marker = _numbered(body) or _list_number(numbers, block.depth, props)
        item = {"line": block.line, "end": block.line + len(block.lines) - 1, "unit": None, "marker": marker}
        items.extend({"line": block.line, "end": block.line, "unit": None, "marker": ""}
                     for _ in range(block.depth - 1 - len(items)))
        items.append(item)
        _open_headings(stack, block, _heading_level(body))
        first_unit = len(walker.units)
        children = n + 1 < len(blocks) and blocks[n + 1].depth > block.depth
        alone = _begins_section(blocks, n, body, children) and _depths(stack, block.depth) == block.depth - 1
        heads = _heads_children(body, stack, block.depth, section=not alone)
        walker.walk_block("\n".join(body), items, [(level, txt) for _, level, txt in stack],
                          heads_children=heads, line_offset=block.line - 1)
        _set_apart(walker, first_unit, alone)
        _refers_only(walker, item["unit"], body, rel, vault)
        heading = walker.headings[-1][1] if len(walker.headings) > len(stack) else None
        if item["unit"] is None and heading is None:
            walker.quoted_item(item, first_unit)  # a block that is a quote: its child blocks are under it
        if heading is not None:
            stack.append((block.depth, walker.headings[-1][0], heading))
        above = next((it["unit"] for it in reversed(items[:-1]) if it["unit"] is not None), None)
        text_chars += _block_properties(walker, props, block, item["unit"], inline, heading is not None,
                                        first_unit if len(walker.units) > first_unit else None, above)
        if props.get("id") and (item["unit"] is not None or len(walker.units) > first_unit):
            # a block of text, or of only code, a quote or a table: its first unit
            walker.block_ids.setdefault(props["id"].lower(), item["unit"] if item["unit"] is not None else first_unit)
        elif props.get("id") and heading is not None:
            walker.id_titles.setdefault(props["id"].lower(), heading)  # a heading block: its title
        if in_template:
            _mark_template(walker, first_unit)
        else:
            template = _template(props, block, children)
    return _page_note(rel, meta, page_props, walker, inline, problem, text_chars)


def _template(props: Properties, block: Block, children: bool) -> int | None:
    """The depth of a template block (template:: name) with blocks under it: their units are a template's
    (_mark_template), ranked after the notes' own, as an Obsidian template's are. The slots a journal fills ("silenced
    alerts" of a handover template) are no answer (trial s46: they had come before the handover itself), but a
    template may hold the only copy of a standing fact (trial s64 O: a tree surgeon's site RA template had the
    nearest A&E, found nowhere while the template's blocks were left out)."""
    return block.depth if props.get("template") and children else None


def _mark_template(walker, first: int) -> None:
    """The units a block under a template block added, from first on, marked as a template's."""
    walker.units[first:] = [replace(unit, template=True) for unit in walker.units[first:]]


def _highlight(body: list[str], props: dict[str, str]) -> list[str]:
    """A PDF highlight's block (ls-type:: annotation) as Logseq shows it: its page after its text, "(p. 4)"; an
    area highlight's "[:span]" (a picture of part of the page) as "(area highlight, p. 4)", so the comments under
    it stay under it (trial s37: the page had been dropped, and an area's comment read as the highlight's before)."""
    at = next((i for i, line in enumerate(body) if line.strip()), None)
    if props.get("ls-type") != "annotation" or at is None:
        return body
    page = props.get("hl-page", "").strip()
    page = page if 0 < len(page) <= 8 else ""  # a number, or a front matter's roman one ("iv")
    first = body[at]
    if first.strip() == "[:span]":
        first = first.replace("[:span]", f"(area highlight, p. {page})" if page else "(area highlight)")
    elif page:
        first = f"{first.rstrip()} (p. {page})"
    return [*body[:at], first, *body[at + 1:]]


def _numbered(body: list[str]) -> str:
    """A block written `- 1. Step` is a numbered step: its number (kept for display), and its
    first line without it, so the step is the block's own text, not a list inside it."""
    m = NUMBERED.match(body[0]) if body else None
    if m is None:
        return ""
    body[0] = m.group(2)
    return m.group(1)


def _list_number(numbers: dict[int, int], depth: int, props: dict[str, str]) -> str:
    """Logseq's own numbered lists: siblings with `logseq.order-list-type:: number` count 1, 2, 3;
    any other block on that level, or above it, starts the count again."""
    for d in [d for d in numbers if d > depth]:
        del numbers[d]
    if props.get("logseq.order-list-type") != "number":
        numbers.pop(depth, None)
        return ""
    numbers[depth] = numbers.get(depth, 0) + 1
    return f"{numbers[depth]}."


def _typed_with_one_colon(body: list[str], first_line: int) -> list[tuple[int, str, str, str]]:
    """The lines of a page's first block, among its properties, that are properties typed with one colon ("status:
    reading" between "alias:: Book club" and "author:: Le Guin"): (line, key, value, as written) each; none unless
    every other line of the block is one (trial s51: the page's tags:: after such a line had been lost, nothing said)."""
    typed = [(first_line + i, m.group(1), m.group(2), line.strip())
             for i, line in enumerate(body) if (m := _ONE_COLON.match(line))]
    return typed if len(typed) == sum(1 for line in body if line.strip()) else []


def _read_as_properties(typed: list[tuple[int, str, str, str]], props: Properties, rel: str) -> Problem:
    """Each line typed with one colon read as the page property it was meant to be, said with what to add."""
    for _, key, value, _ in typed:
        if key.lower() not in props:
            props[key.lower()] = value
            props.written[key.lower()] = key
    where = ", ".join(f'line {line} "{written}"' for line, _, _, written in typed)
    said = "a page property" if len(typed) == 1 else "page properties"
    return Problem(rel, "repaired", f"read {where} as {said} (a property has two colons: "
                                    f"{typed[0][1]}:: {typed[0][2]})")


def _also(problem: Problem | None, more: Problem) -> Problem:
    """One problem of a note that has two."""
    return more if problem is None else Problem(problem.path, problem.action, f"{problem.reason}; {more.reason}")


def _page_front_matter(lines: list[str], rel: str, read) -> tuple[dict, object, int]:
    """(front matter, problem, first body line index) of a page; journals often have a title: there."""
    if not lines or lines[0].strip() != "---":
        return {}, None, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            meta, problem = read("\n".join(lines[1:i]), rel)
            return meta, problem, i + 1
    return {}, None, 0


def _refers_only(walker, unit: int | None, body: list[str], rel: str, vault) -> None:
    """A block that is only a reference to another ("- ((uuid))") shows that block: its unit is a copy of it, its
    hit the referenced block's (vault.block_origin)."""
    ref = BLOCK_REF.fullmatch("".join(body).strip()) if unit is not None and vault is not None else None
    origin = vault.block_origin(ref.group(1), rel) if ref is not None else None
    if origin is not None and origin[0] != rel:
        walker.units[unit] = replace(walker.units[unit], origin=origin)


def _begins_section(blocks: list[Block], n: int, body: list[str], children: bool) -> bool:
    """Is block n a heading block with no block under it that begins a section: blocks after it on its level, before
    the next heading block, as the app shows them under it? One followed by another heading block or by nothing on
    its level is an empty section, no passage (a template's "- ## What went well" left empty in every journal would
    answer "what went well?"), as an empty markdown heading is, unless it says its content after a label."""
    if children or not _is_heading(body):
        return False
    after = blocks[n + 1] if n + 1 < len(blocks) else None
    if after is None or after.depth != blocks[n].depth or _is_heading(after.lines[:1]):
        return _LABELLED.search(body[0]) is not None  # "- ## Conclusion: anaesthesia broadens tuning by 7 degrees"
    return True


# a heading that says its content after a label: a one-line section, no template's slot (trial s41's "what was the
# conclusion of the V1 imaging experiment?")
_LABELLED = re.compile(r"^\s*#+\s+[^:]{2,40}:\s+\S+(?:\s+\S+){2,}")


def _is_heading(body: list[str]) -> bool:
    at = next((ln for ln in body if ln.strip()), None)
    return at is not None and HEADING.match(at) is not None


def _set_apart(walker, first: int, alone: bool) -> None:
    """A heading block with no block under it (a journal's "- ## Shipped v2.1 today", "- ## Conclusion: ...") begins a
    section, as the app shows it: a hit on the block before it ends before it (trial s41: a conclusion had been shown
    with the empty "## Open questions" after it); the blocks after it on its level read as its section, and a hit on
    it goes on into them ("- # Tokenizer ablation", then what was found). Of a word or two it is weak evidence (a
    template's "- ## Open questions")."""
    if alone and len(walker.units) > first:
        unit = walker.units[first]
        walker.units[first] = replace(unit, after_rule=True, thin=unit.thin or len(unit.text.split()) < 3)


def _heads_children(body: list[str], stack: list[tuple[int, int, str]], depth: int, section: bool) -> bool:
    """Whether the block is a heading that heads the blocks under it. A heading block inside a plain block (a
    template's "- 1:1 template" > "- ### Action items") is read as a plain block, its marks dropped: the breadcrumb
    then keeps the outline's order (template > Action items), which the headings-before-parents rule would reverse;
    and so is one that begins a section on its level with no block under it (section False: _begins_section)."""
    at = next((i for i, ln in enumerate(body) if ln.strip()), None)
    if at is None or (m := HEADING.match(body[at])) is None:
        return False
    if section and _depths(stack, depth) == depth - 1:  # every block above it is a heading: a heading of the page's outline
        return True
    body[at] = body[at][m.end(1):].lstrip()
    return False


def _open_headings(stack: list[tuple[int, int, str]], block: Block, level: int | None = None) -> None:
    """Close the headings this block is not under: a heading block heads the blocks nested in
    it, as Logseq shows it, not the blocks after it on its own level; but a heading of a higher level heads the
    heading blocks of lower levels after it on its level (level: this block's, if a heading), as the page reads ("- #
    Approvals v2 PRD", then "- ## Why", "- ## Success metrics": trial s59 RB's page title had been nowhere)."""
    while stack and stack[-1][0] >= block.depth:
        if level is not None and stack[-1][0] == block.depth and stack[-1][1] < level:
            break
        stack.pop()


def _heading_level(body: list[str]) -> int | None:
    """The level of the heading a block is ("## Why": 2), None for a block of another kind."""
    at = next((ln for ln in body if ln.strip()), None)
    m = HEADING.match(at) if at is not None else None
    return len(m.group(1).strip()) if m is not None else None


def _depths(stack: list[tuple[int, int, str]], below: int) -> int:
    """How many outline depths above below the open headings are at (headings of two levels may be at one)."""
    return len({depth for depth, _, _ in stack if depth < below})


def _prose_properties(walker, props: Properties, line: int, inline: Inline, end: int) -> int:
    """Page properties that are prose (a description) are the page's first paragraph; the others
    that are not its metadata the lines after it, to the properties' last line, end (trial s44: a hit of them had
    said it ends at their first line, so an editor marked one line of nine)."""

    count = 0
    for key in PROSE_PROPERTIES:
        value = props.get(key)
        if value:
            txt = _as_text(value, inline)
            if txt:
                walker.units.append(Unit("paragraph", txt, line, line, (), (), depth=0))
                count += visible_chars(txt)
    # the page's other properties, one "key: value" line each, as the app shows them above the page;
    # thin, as a link is: they say what the page is, not an answer, and do not open it for a reader
    # (a date that is no one day, "date:: Fri 5 – Sat 6 March 2027", is shown too: it is read as its first day, and
    # was the page's only word of when, trial s72 L)
    shown = {key: props.shown(key, txt) for key, value in props.items()
             if (not is_named(key, META_PROPERTIES) or key.lower() == "date" and property_date(value) is None)
             and not _is_timestamp(value) and (txt := _as_text(value, inline))}
    # ... unless they only say what kind of page it is ("type: recipe", found by "which pages are recipes?"): alone, a
    # hit of no answer (trial s45: one in the top five of a banana bread question, by its page's title)
    shown = [] if {k.lower() for k in shown} <= NOTE_KINDS else list(shown.values())
    if shown:
        walker.units.append(Unit("paragraph", "\n".join(shown), line, end, (), (), depth=0, keep_lines=True,
                                 thin=True))
        count += visible_chars("\n".join(shown))
    return count


def _block_properties(walker, props: Properties, block: Block, parent: int | None, inline: Inline,
                      heading: bool = False, first: int | None = None, above: int | None = None) -> int:
    """A block's own properties that the app shows under its text ("freeze-end:: 2023-11-28"; not its id, the
    app's settings or times): one passage under the block (parent: its unit), "key: value" a line each (trial s36:
    the dates of a deploy freeze were nowhere, and coverage had not counted them); a heading block's, a paragraph of
    its section; a block of only code or an embed (first: its first unit), beside it; a block of only properties,
    under the block above it (above), as Logseq shows them. Their characters."""
    shown = {key: props.shown(key, txt) for key, value in props.items() if not is_named(key, BLOCK_HIDDEN)
             and not _is_timestamp(value) and (txt := _as_text(value, inline))}
    if not shown:
        return 0
    at, fence = [], None
    for i, line in enumerate(block.lines):  # (a "key::" line in the block's code is code: take_properties)
        if fence is None and (m := PROPERTY.match(line)) is not None and m.group(1).lower() in shown:
            at.append(block.line + i)
        fence = _fence_state(line, fence)
    text = "\n".join(shown.values())
    if parent is None and not heading and first is not None:  # beside its code or embedded text (code is no
        beside = walker.units[first]  # breadcrumb)
        unit = Unit("paragraph", text, at[0], at[-1], beside.heading, beside.parents, depth=beside.depth,
                    parent=beside.parent, keep_lines=True, tags=beside.tags)
    elif parent is None and (heading or above is None):  # a paragraph of its section (a block of only properties:
        # set apart, not shown as part of the block before it, trial s41)
        unit = Unit("paragraph", text, at[0], at[-1], walker.heading_path(), (), keep_lines=True,
                    after_rule=not heading)
    else:
        owner_at = parent if parent is not None else above
        owner = walker.units[owner_at]
        unit = Unit("paragraph", text, at[0], at[-1], owner.heading, (*owner.parents, owner.text),
                    depth=owner.depth + 1, parent=owner_at, keep_lines=True, tags=owner.tags)
    walker.units.append(unit)
    return visible_chars(text)


def _as_text(value: str, inline: Inline) -> str:
    """A property's value as text, read as markdown (a code span in it is shown as written)."""
    return clean("".join(inline_text(tok, inline.render) for tok in md_parser().parseInline(value)))


def _plain_value(value) -> str:
    """A property's value as text without its links' brackets ("[[Aug 1st, 2026]] - [[Aug 8th, 2026]]")."""
    return re.sub(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]", r"\1", value) if isinstance(value, str) else ""


def _page_note(rel, meta, props, walker, inline, problem, text_chars):

    title = props.get("title") or meta.get("title")
    title = clean(inline.render(str(title))) if title not in (None, "") else _highlights_title(rel) or page_name(rel)
    aliases = note_names(property_list(props.get("alias", "")) + property_list(props.get("aliases", "")))
    own = {"tags": list(property_list(props.get("tags", "")))} if props.get("tags") else meta
    tags = as_tags(own, inline.tags)
    # (the span of days its properties say before a day its name says: "dates:: 2027-01-05 to 2027-01-28" of "Winter
    # closure 2027", trial s70 O, had been of December 2027, the name's winter, and not of "in january")
    said = property_date(props["date"]) if props.get("date") else meta.get("date")
    date = (note_date(said, rel) if said else None) or journal_date(rel) \
        or span_start({k: _plain_value(v) for k, v in props.items()}) or note_date(None, rel)  # (trial s55)
    # who or where the page is from: "author:: [[Ann Lee]]", as front matter's (metadata.CREDIT_FIELDS)
    credited = credits(meta) + credits(props, property_list)
    cited_as = tuple(n for n in coded_names({**meta, **props}) if n != title)  # "incident:: INC-342" names it
    return ParsedNote(rel, title, tags, date, walker.units, problem, aliases=aliases, cited_as=cited_as,
                      credits=credited,
                      properties=properties(meta) + properties(props, property_list),
                      page_tags=as_tags(own), block_ids=walker.block_ids, id_titles=walker.id_titles,
                      lost=tuple(inline.lost + walker.lost), text_chars=text_chars, heading_chars=walker.heading_chars,
                      hierarchy=namespace(page_name(rel)))


def _highlights_title(rel: str) -> str | None:
    """The title of the page of a PDF's highlights, hls__<pdf name>_<time>_<n>.md: "<pdf name> (highlights)",
    not the file name with its time stamp (trial s37); None for another page."""
    stem = PurePosixPath(rel).stem
    if not stem.startswith("hls__"):
        return None
    name = re.sub(r"_\d{10,}_\d+$", "", stem[5:]).replace("_", " ").strip()
    return f"{nfc(urllib.parse.unquote(name))} (highlights)" if name else None


def namespace(name: str) -> str:
    """The namespace a page is in, as Logseq's tree of pages shows it: "runbooks" of "runbooks/rotate kafka
    certs" (its file pages/runbooks___rotate kafka certs.md); "" for a page in none. path:runbooks finds its
    pages as a folder's (trial F)."""
    return name.rsplit("/", 1)[0].strip() if "/" in name.strip("/") else ""
