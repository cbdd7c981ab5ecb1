"""What counts as a character of notes text: the one rule both sides of coverage use.

The parsers count a note's text with it, the chunker what its chunks hold; coverage.py
compares the two. Markup (footnote marks too), white space, a picture's file name, embedded
text (another note's), HTML tags (a picture's alt text is text) and link reference definitions
(`[ref]: https://...`) are not counted.
"""

from __future__ import annotations

import re

from .flashcards import deck_note
from .htmlblocks import without_tags
from .liquid import strip_non_content
from .markup import (FOOTNOTE_MARK, LINK_TAGS, QUERY_LANGUAGES, REFERENCE_DEFINITION, SPACED_LINK_TARGET,
                     VIEW_HIGHLIGHT_LINK, Inline, names_its_file, only_tags, outside_code)
from .metadata import FRONT_MATTER_BLOCK

_SYNTAX_CHARS = re.compile(r"[\s#*_`>|\[\]=~-]+")
# (<file:///a b.pdf>) too, and a target with spaces as the parser reads it ("(stock/reorder list.md)", trial s63 F)
_LINK_URL = re.compile(r"\]\((?:<[^>\n]*>|[^)\s]*|" + SPACED_LINK_TARGET + r")\)", re.IGNORECASE)


def visible_chars(text: str) -> int:
    """Characters that are text, not markup or space: what coverage counts on both sides."""
    return len(_SYNTAX_CHARS.sub("", _LINK_URL.sub("]", text)))


_FILE_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:<([^>]*)>|([^)]*?))(?:\s+\"[^\"]*\")?\)")  # ![alt](src "title")


def _no_file_images(text: str) -> str:
    return _FILE_IMAGE.sub(lambda m: "" if names_its_file(m.group(1), m.group(2) or m.group(3)) else m.group(1),
                           text)


_EMBED_LINES = re.compile(r"^[ \t>*+-]*(?:!\[\[[^\[\]\n]+\]\]|\{\{\{?\s*embed\s[^\n]*\}\}\}?)[ \t]*$", re.M)
def _tag_lines_out(text: str) -> str:
    """text without its lines of only tags ("#journal", "- #book notes# #reading"): the note's tags, not text."""
    return "\n".join("" if only_tags(ln.lstrip(" \t>*+-")) or LINK_TAGS.match(ln) else ln for ln in text.split("\n"))


# a query's code (markup.QUERY_LANGUAGES): what the app shows is what it finds elsewhere, not its text
_QUERY_FENCE = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?)(`{3,}|~{3,})[ \t]*(?:"
                          + "|".join(sorted(QUERY_LANGUAGES, key=len, reverse=True)) + r")\b.*?\n"
                          r"[ \t]*\2[ \t]*$", re.M | re.S | re.I)


_ORDERED_MARK = re.compile(r"^([ \t>]*)\d{1,9}[.)](?=[ \t]|$)", re.M)  # "1. Mix", "  10) Bake", "> 2. Knead"
# a "+" list marker, a list's own or one nested in an item's line ("- + sundries at cost": a list in the item, as
# markdown and the apps read it; trials s65 A, B, K, T: "text indexed 99.9%", no note flagged, one "+" short)
_PLUS_MARK = re.compile(r"^([ \t>]*(?:[-*][ \t]+)*)\+(?=[ \t])", re.M)


# a callout's type marker, "> [!tip]", "> [!warning]-", "> [!info|wide]": the app shows its title, not it (trial s66 E:
# "text indexed 99.9%", no note flagged, "!tip" and "!note" short)
_CALLOUT_MARK = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?(?:>[ \t]*)+)\[![\w-]+(?:\|[^\]\n]*)?\][+-]?", re.M)


# a Dataview or Logseq field's "::", shown "key: value" (trial s66 Q: "progress:: 4/10" in a list, a colon short a field;
# evaluation's span warnings read it too)
FIELD_COLONS = re.compile(r"(?<=\w)::(?=[ \t])")


def text_chars(body: str, rel: str = "") -> int:
    """Characters of notes text in markdown as a reader sees it: markup, a picture's file name,
    embeds (another note's text), queries' code and white space not counted (what coverage compares the
    chunks' characters with). rel: the note's path (a Notion page's #words are text, not tags)."""
    tags = Inline(path=rel).tags_in_text
    body = _QUERY_FENCE.sub("", body) if "```" in body or "~~~" in body else body

    def reader(part: str) -> str:
        part = _ORDERED_MARK.sub(r"\1", part)  # a step's number is its list marker (Unit.marker), not its text
        part = _PLUS_MARK.sub(r"\1", part) if "+" in part else part
        part = _CALLOUT_MARK.sub(r"\1", part) if "[!" in part else part
        part = FIELD_COLONS.sub(":", part) if "::" in part else part
        part = REFERENCE_DEFINITION.sub("", part) if "]:" in part else part
        part = _tag_lines_out(part) if ("#" in part or "ags:" in part) and tags else part
        part = VIEW_HIGHLIGHT_LINK.sub("", part) if "View Highlight" in part else part
        return Inline(path=rel).render(_no_file_images(FOOTNOTE_MARK.sub("", without_tags(_EMBED_LINES.sub("", part)))))

    return visible_chars(outside_code(body, reader))


def note_text_chars(text: str, rel: str = "") -> int:
    """Characters of notes text in a markdown note (its front matter left out); rel: its path."""
    return text_chars(strip_non_content(FRONT_MATTER_BLOCK.sub("", text, count=1), clozes=deck_note(text)), rel)
