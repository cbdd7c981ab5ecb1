"""The source view: a note shown next to the chat, scrolled to a passage, and the context of a hit.

A source link's target ("path:line", or "path:line@digest") comes from the page and is
untrusted: every path goes through NotesService.resolve_note, which admits only notes of
the loaded index inside the notes folder, before anything is read. The digest names the
passage the link quoted, so it is found again in a note edited since the answer.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re

from .. import joplin
from ..canvas import is_canvas, readable
from ..errors import NotesQAError, NoteUnreadableError
from ..htmlblocks import as_markdown, without_tags
from ..logseq import APP_HIDDEN, HIDDEN_PROPERTIES, drawer_lines, is_named, org_blocks
from ..units import empty_items, quoted_list_tabs, record_lines, starts_record
from ..markup import (BLOCK_ID, HIGHLIGHT, MACRO, TASK_BOX, TASK_BOXES, TASK_MACROS, code_fence_after, dataview_fields,
                      macro_parts, outside_code, roam_macros)
from .render import clip, context_html, note_html, passage_digest, render_markdown

EMBED_SHOWN = 300  # characters of an embed's text shown beside it in the source view
# a note longer than this (a pasted log of megabytes) is shown in part: SHOWN_LINES lines from a few
# before the passage, so the page gets kilobytes, not megabytes, and lands on the passage
LONG_NOTE_CHARS = 300_000
SHOWN_LINES, LINES_BEFORE = 600, 20
EMBEDS_EXPANDED = 20  # embeds of one note shown with their text (each may read and parse another note)
_MARKDOWN_CHARS = re.compile(r"([\\`*_\[\]()<>!|#&~$])")

log = logging.getLogger("notesqa.ui")


def split_target(target: str) -> tuple[str, int, str | None]:
    """"path:line" or "path:line@digest" -> (path, line, digest or None). Raises NotesQAError."""
    target = (target or "").strip()
    digest = None
    head, at, tail = target.rpartition("@")
    if at and re.fullmatch(r"[0-9a-f]{12}", tail) and re.search(r":\d+$", head):
        target, digest = head, tail
    path, _, line = target.rpartition(":")
    if not path or not line.isdigit() or len(line) > 9:
        raise NotesQAError("Pick a source from an answer first.")
    return path, int(line), digest


def _part_around(text: str, line: int) -> tuple[str, int, str]:
    """(what of the note to show, the line it starts at, a line saying so when it is a part): a note
    longer than LONG_NOTE_CHARS is shown from LINES_BEFORE lines before line, SHOWN_LINES lines of it."""
    if len(text) <= LONG_NOTE_CHARS:
        return text, 1, ""
    lines = text.rstrip("\n").split("\n")
    first = max(1, line - LINES_BEFORE)
    last = min(len(lines), first + SHOWN_LINES - 1)
    part = (f'<div class="nq-weak">Lines {first:,}-{last:,} of {len(lines):,}: the note is long, so the part '
            "around the passage is shown.</div>")
    return "\n".join(lines[first - 1:last]), first, part


class SourceView:
    """Notes of one NotesService shown as safe HTML, their links resolved by the service's vault."""

    def __init__(self, service):
        self.service = service

    def render(self, target: str) -> str:
        """The note holding target rendered as safe HTML, the passage's line highlighted."""
        from ..flashcards import deck_note
        from ..htmlblocks import furigana
        from ..liquid import strip_non_content
        from ..parsing import is_outline
        from ..notefiles import GONE, read_note, shows_line_breaks

        path, line, digest = split_target(target)
        full = self.service.resolve_note(path)
        text, problem = read_note(full, path)
        if text is None and problem is not None and problem.kind == GONE:  # renamed, moved or deleted just now
            raise NoteUnreadableError(f"{path} was moved, renamed or deleted since the index was built: ask again "
                                      "in a few seconds, once the index has caught up, for where it is now.")
        if text is None:
            raise NoteUnreadableError(f"{path} cannot be shown: {problem.reason if problem else 'unreadable'}.")
        title = self.service.note_title(path)
        line, end_line, found = self._find_again(text, path, line, digest)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = joplin.without_block(text, path)  # a Joplin note's metadata block is not shown (its lines are the last)
        file_line = line  # what the head says: a line of the file
        if is_canvas(path):  # its cards' markdown, not its JSON; the passage's line is its card's there
            text, cards_at = readable(text)
            line, end_line = cards_at.get(line, (1, None))
        outline = not is_canvas(path) and is_outline(text, self.service.vault(), path)
        text, first, part = _part_around(text, line)
        # Jekyll's {{ ... }} is not text in markdown; in a Logseq page {{embed ...}} is an embed
        text = text if outline else strip_non_content(text, clozes=deck_note(text))
        text = furigana(text)  # as the hits read it
        text = self._links_resolved(text, path, outline)
        # nothing is highlighted when the passage is gone: the old line now holds something else
        body = render_markdown(text, line - first + 1 if found else None, path,
                               None if end_line is None else end_line - first + 1,
                               breaks=shows_line_breaks(self.service.notes_dir, path))
        return note_html(title, path, file_line, found, part + body)

    def show(self, target: str) -> str:
        """render(), but never raises."""
        try:
            return self.render(target)
        except NotesQAError as exc:
            return f'<div class="nq-note-empty nq-error">{html.escape(str(exc))}</div>'
        except Exception as exc:  # noqa: BLE001
            log.exception("showing %r failed", target)
            return ('<div class="nq-note-empty nq-error">Could not show the note '
                    f"({html.escape(type(exc).__name__)}).</div>")

    def context(self, target: str, query: str = "") -> str:
        """The bullets around a hit: its parent and siblings, the hit marked ("" if it has none)."""
        path, line, _ = split_target(target)
        self.service.resolve_note(path)
        chunks = self.service.index().context_around(path, line)
        return context_html(chunks, line, query) if len(chunks) > 1 else ""

    def _find_again(self, text: str, path: str, line: int, digest: str | None) -> tuple[int, int | None, bool]:
        """The lines where the passage a link quoted is now (its last one None when the link names no
        passage), and whether it is still there.

        The same text gives the same digest whatever its markdown looks like, so the note's chunks
        as it is now (the index's, or the edited note chunked again) say where it went."""
        if digest is None:
            return line, None, True
        try:
            chunks = self.service.current_chunks(path, text)
        except Exception:  # noqa: BLE001 - the note is still shown, without a highlight
            chunks = []
        same = [c for c in chunks if passage_digest(c.text) == digest]
        if not same:
            return line, None, False
        chunk = min(same, key=lambda c: abs(c.line - line))
        return chunk.line, chunk.end_line, True

    def _links_resolved(self, text: str, path: str, outline: bool) -> str:
        """[[links]] as links that open the note they name in this view (as Obsidian and Logseq
        resolve names), ((block refs)) as the text they show."""
        from ..markup import Inline, links_as_markdown

        vault = self.service.vault()
        text = readable_source(text, logseq=outline)
        if "[[" not in text and "((" not in text:
            return text
        here = posixpath.dirname(path) or "."

        def target_of(link) -> str | None:
            rel = vault.resolve(link.target, path)
            return posixpath.relpath(rel, here) if rel else None

        expanded = [0]

        def embedded(spec: str) -> str | None:
            """What an embed shows, on its one line (so every line keeps its place), cut short, as plain
            text (markdown inert in its own note stays inert here); the first EMBEDS_EXPANDED only."""
            if expanded[0] >= EMBEDS_EXPANDED:
                return None
            expanded[0] += 1
            found = vault.embed(spec, path)
            words = " · ".join(" ".join(u.text.split()) for u in found.units if u.text.strip()) if found else ""
            return _MARKDOWN_CHARS.sub(r"\\\1", clip(words, EMBED_SHOWN)) if words else None

        return links_as_markdown(text, target_of, lambda uuid: vault.block_text(uuid, path), embedded,
                                 Inline(path, vault))


# --------------------------------------------------------------------------- a note's source, readable

_CALLOUT_LINE = re.compile(r"^([ \t]*(?:- )?>[ \t]*)\[!([\w-]+)(?:\|[^\]\n]*)?\][+-]?[ \t]*(.*)$", re.M)


def readable_source(text: str, logseq: bool = False) -> str:
    """A note's source as the source view shows it, line for line (so a line still points at
    its passage): Notion's <aside> callouts and <details> toggles as htmlblocks.as_markdown reads them, a
    callout's [!type] marker becomes its bold title and a list in it nested by tabs
    keeps its levels (units.quoted_list_tabs, as the index reads it); in a Logseq page (logseq: as
    parsing.is_outline reads it, the one rule) property lines are hidden and #+BEGIN_X blocks read
    as callouts or code."""
    if logseq:
        lines = org_blocks(_properties_shown(text.split("\n")))
        # a heading written at the margin heads the tab-indented blocks after it (as a block
        # would), where markdown would read them as one code block
        text = "\n".join(f"- {line}" if _BARE_HEADING.match(line) else line for line in lines)
        text = outside_code(text, _logseq_prose)
    else:
        text = outside_code(quoted_list_tabs(empty_items(as_markdown(roam_macros(text)))),
                            lambda part: _obsidian_prose(_record_breaks(without_tags(part, _picture))))
    if "[!" not in text:
        return text

    def title(m: re.Match) -> str:
        heading = (m.group(3) or m.group(2).capitalize()).rstrip()
        return f"{m.group(1)}**{heading}**" + ("  " if m.group(0).endswith("  ") else "")

    return outside_code(_callout_breaks(text), lambda part: _CALLOUT_LINE.sub(title, part))


def _callout_breaks(text: str) -> str:
    """A callout's lines shown a line each, its title over its body, as Obsidian shows them (the index
    keeps them too): a hard break (two spaces) after each of its lines that more of its text follows
    in the same paragraph; markdown would run them into one."""
    lines = text.split("\n")
    inside, fence = False, None
    for i, line in enumerate(lines[:-1]):
        quoted = _QUOTED.match(line)
        inside = quoted is not None and (inside or _CALLOUT_LINE.match(line) is not None)
        fence = code_fence_after(quoted.group(2), fence) if inside else None
        nxt = _QUOTED.match(lines[i + 1])
        if (inside and fence is None and _LINE_OF_TEXT.match(quoted.group(2)) and nxt
                and _LINE_OF_TEXT.match(nxt.group(2)) and not line.endswith("  ")):
            lines[i] = line + "  "
    return "\n".join(lines)


_QUOTED = re.compile(r"^([ \t]*(?:- )?(?:>[ \t]?)+)(.*)$")
# a line of a paragraph: not blank, not a list item, heading, fence or table row, which start blocks of their own
_LINE_OF_TEXT = re.compile(r"^(?![ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|#{1,6}[ \t]|```|~~~|\||$))")


_BARE_HEADING = re.compile(r"^#{1,6}[ \t]+\S")
_PROPERTY_LINE = re.compile(r"^([ \t]*(?:- )?)([A-Za-z][\w.\-/?]*)::(?:[ \t]+(.*?))?[ \t]*$")


def _picture(alt: str) -> str:
    """An HTML picture in the source view: its alt text, as a markdown picture is shown (nothing is loaded)."""
    return "\\[image: " + _MARKDOWN_CHARS.sub(r"\\\1", alt) + "\\]"


def _properties_shown(lines: list[str]) -> list[str]:
    """Property lines outside code as the app shows them, "**type:** [[Command]]"; the ones it
    hides (id, collapsed, card-*, ...) and drawers (:LOGBOOK: ... :END:) blank, so every other line
    keeps its place."""
    out, fence = [], None
    hidden = drawer_lines(lines)
    page = True  # the page's own properties, above its first block (a block's the app hides more of: hl-page)
    for i, line in enumerate(lines):
        if i in hidden:
            out.append("")
            continue
        m = _PROPERTY_LINE.match(line) if fence is None else None
        fence = code_fence_after(line, fence)
        page = page and (m is not None and not m.group(1) or not line.strip())
        if m is None:
            out.append(line)
        elif is_named(m.group(2), HIDDEN_PROPERTIES if page else APP_HIDDEN):  # (a block's tags:: are shown)
            out.append("")
        else:
            # a markdown line break after each: the block's properties read one a line, as in the app
            out.append(f"{m.group(1)}**{m.group(2)}:** {m.group(3) or ''}".rstrip() + "  ")
    return out


# a block's line followed by more of the same block (indented, not a child block "- ", not a quote ">"):
# Logseq shows each on a line of its own ("TODO Plant the garlic" then "SCHEDULED: <...>"), markdown
# would join them
_CONTINUED = re.compile(r"^([ \t]*\S.*?)(?<!  )\n(?=[ \t]+(?![->])\S)", re.M)


def _logseq_prose(part: str) -> str:
    """A Logseq page's text outside code, macros as _macro_source says, a block's lines kept apart, a PDF's area
    highlight ("[:span]", a picture of part of its page) said so, as the index reads it."""
    part = MACRO.sub(_macro_source, part) if "{{" in part else part
    part = _AREA.sub(r"\1*(area highlight)*", part) if "[:span]" in part else part
    return _CONTINUED.sub(r"\1  \n", part)


_AREA = re.compile(r"^([ \t]*- )\[:span\][ \t]*$", re.M)
_TASK_BOX = re.compile(rf"^([ \t>]*[-*+] ){TASK_BOX}(?=[ \t])", re.M)


def _record_breaks(part: str) -> str:
    """A paragraph of records (units.record_lines: flashcards, fields, an interview's turns) shown a record
    a line, as Obsidian shows a paragraph's lines: a hard break (two spaces) before each record or turn
    after its first, so every line keeps its place."""
    lines = part.split("\n")
    start = 0
    for end in [i for i, ln in enumerate(lines) if not ln.strip()] + [len(lines)]:
        if end - start > 1 and record_lines("\n".join(lines[start:end])):
            for i in range(start + 1, end):
                if starts_record(lines[i]):
                    lines[i - 1] += "  "
        start = end + 1
    return "\n".join(lines)


def _obsidian_prose(part: str) -> str:
    """An Obsidian note's text outside code as its reading view shows it: no ^block-id markers or
    ==highlight== marks, Dataview fields as "key: value", task boxes as ☐ / ☑ (as hits show them)."""
    if "^" in part:
        part = BLOCK_ID.sub("", part)
    if "==" in part:
        part = HIGHLIGHT.sub(r"\2", part)
    if "::" in part:
        part = dataview_fields(part)
    return _TASK_BOX.sub(lambda m: m.group(1) + TASK_BOXES[m.group(2)], part)


def _macro_source(m: re.Match) -> str:
    """A macro in the source view: an embed as the embed (a page: ![[page]], shown with its text) or
    reference (a block: its text) it is, a video as its address, others not shown."""
    name, arg = macro_parts(m)
    if name in TASK_MACROS:
        return TASK_MACROS[name]
    if name == "embed" and arg.startswith("[["):
        return "!" + arg
    if name == "query" and arg:  # the app shows what it finds; here, what it asks
        return f"*query:* `{arg.replace('`', '')}`"
    return arg if name in ("embed", "video", "youtube") else ""
