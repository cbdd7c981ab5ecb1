"""What counts as a character of notes text: the one rule both sides of coverage use.

The parsers count a note's text with it, the chunker what its chunks hold; coverage.py
compares the two. Markup (footnote marks too), white space, a picture's file name, embedded
text (another note's), HTML tags (a picture's alt text is text) and link reference definitions
(`[ref]: https://...`) are not counted.
"""

from __future__ import annotations

import re

from .htmlblocks import without_tags
from .liquid import strip_non_content
from .markup import BEAR_TAG, FOOTNOTE_MARK, TAG, Inline, names_its_file, outside_code

_SYNTAX_CHARS = re.compile(r"[\s#*_`>|\[\]=~-]+")
_LINK_URL = re.compile(r"\]\([^)\s]*\)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def visible_chars(text: str) -> int:
    """Characters that are text, not markup or space: what coverage counts on both sides."""
    return len(_SYNTAX_CHARS.sub("", _LINK_URL.sub("]", text)))


_FILE_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:<([^>]*)>|([^)]*?))(?:\s+\"[^\"]*\")?\)")  # ![alt](src "title")


def _no_file_images(text: str) -> str:
    return _FILE_IMAGE.sub(lambda m: "" if names_its_file(m.group(1), m.group(2) or m.group(3)) else m.group(1),
                           text)


_EMBED_LINES = re.compile(r"^[ \t>*+-]*(?:!\[\[[^\[\]\n]+\]\]|\{\{\{?\s*embed\s[^\n]*\}\}\}?)[ \t]*$", re.M)
# a link reference definition, "[ref]: https://example.com 'Title'": where a [text][ref] link goes, not text
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\[\]\n]+\]:[ \t]+\S[^\n]*$", re.M)  # not a footnote: [^1]: text


def _tag_lines_out(text: str) -> str:
    """text without its lines of only tags ("#journal", "#book notes# #reading"): the note's tags, not text."""
    def only_tags(line: str) -> bool:
        rest = BEAR_TAG.sub("", line) if line.count("#") > 1 else line
        return TAG.search(rest) is not None and not TAG.sub("", rest).strip(" \t,;·|>*+-")

    return "\n".join("" if only_tags(ln) else ln for ln in text.split("\n"))


def text_chars(body: str) -> int:
    """Characters of notes text in markdown as a reader sees it: markup, a picture's file name,
    embeds (another note's text) and white space not counted (what coverage compares the
    chunks' characters with)."""
    def reader(part: str) -> str:
        part = _REFERENCE_DEFINITION.sub("", part) if "]:" in part else part
        part = _tag_lines_out(part) if "#" in part else part
        return Inline().render(_no_file_images(FOOTNOTE_MARK.sub("", without_tags(_EMBED_LINES.sub("", part)))))

    return visible_chars(outside_code(body, reader))


def note_text_chars(text: str) -> int:
    """Characters of notes text in a markdown note (its front matter left out)."""
    return text_chars(strip_non_content(_FRONT_MATTER.sub("", text, count=1)))
