"""What a page's text is before it is parsed: Jekyll's Liquid templating and comments removed.

Every line stays where it was, so units keep their line numbers.
"""

from __future__ import annotations

import re

from .markup import PLACEHOLDER, anki_clozes, indented_code, outside_code, strip_comments, without_navigation
from .metadata import FRONT_MATTER_BLOCK

_LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_LIQUID_OUT = re.compile(r"\{\{.*?\}\}", re.S)


def _blank_keep_lines(m: re.Match) -> str:
    return "\n" * m.group(0).count("\n")


def _liquid(m: re.Match) -> str:
    # {% link path %} and {% post_url name %} stand for a URL: keep the target so the
    # surrounding markdown link still parses; every other tag is not content.
    name, arg = m.group(1), m.group(2).strip()
    if name in ("link", "post_url") and arg:
        return arg.split()[0]
    return "\n" * m.group(0).count("\n")


_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)(?:\{%-?\s*endraw\s*-?%\}|\Z)", re.S)
_LIQUID_CAPTURE = re.compile(r"\{%-?\s*capture\b.*?%\}(.*?)\{%-?\s*endcapture\s*-?%\}", re.S)


def _capture(m: re.Match) -> str:
    # {% capture url %}{% link ... %}{% endcapture %} sets a variable to a URL, used in a
    # link elsewhere: not text. A capture of prose (a callout shown later) stays.
    body = _LIQUID_OUT.sub(" ", _LIQUID_TAG.sub(_liquid, m.group(1))).split()
    return _blank_keep_lines(m) if len(body) <= 1 else m.group(0)


# {{Paris}} in a note of the Spaced Repetition plugin's cards (flashcards.deck_note): a curly-bracket cloze, its
# answer text (trial s34: "The capital of France is {{Paris}}" had lost "Paris", coverage saying 100%): any words
# ("{{Node.js}}", "{{BRCA1}}/{{BRCA2}}", "{{ Paris }}"), but not Hugo's "{{< shortcode >}}", Handlebars' "{{#each}}",
# a Liquid filter "{{x | upcase}}", nor a macro of a link ("{{video https://...}}", "{{embed [[X]]}}").
_CURLY_CLOZE = re.compile(r"(?<![#{])\{\{(?![<>%#/^!&{])[ \t]*((?:(?!\}\}|\{\{|::|://|\[\[|\(\()[^|\n]){1,120}?)[ \t]*\}\}"
                          r"(?!\})")


def _strip_liquid_all(text: str, clozes: bool = False) -> str:
    text = anki_clozes(text)  # an Anki cloze is no Liquid: its answer is text
    if clozes:
        text = _CURLY_CLOZE.sub(r"\1", text)
    text = _LIQUID_CAPTURE.sub(_capture, text)
    text = _LIQUID_TAG.sub(_liquid, text)
    return _LIQUID_OUT.sub(_blank_keep_lines, text)


# a template's placeholder: one name in curly brackets, no spaces ("{{cub_name}}", "{{date}}"), in a page that is no
# Jekyll page (no Liquid tag): shown "[cub_name]", as a letter template writes one to fill in (trial s69 C:
# "{{cub_name}} will learn the Cub Promise" had been shown "will learn the Cub Promise"); not Liquid's spaced "{{ content
# }}", "{{ site.url }}", a filter's "{{x | upcase}}", nor Obsidian's "{{date:YYYY-MM-DD}}" (dropped, as before):
# markup.PLACEHOLDER


def _placeholders(text: str) -> str:
    """text with each template placeholder (PLACEHOLDER) as "[name]"; its front matter and its headings as they were
    (a field's own; a heading's dropped, as a title: "# {{title}}" is the file's name, "# Attendance note — {{title}}"
    "Attendance note", trial s57)."""
    head = m.group(0) if (m := FRONT_MATTER_BLOCK.match(text)) else ""
    lines = text[len(head):].split("\n")
    return head + "\n".join(line if _HEADING.match(line) else PLACEHOLDER.sub(r"[\1]", line) for line in lines)


_HEADING = re.compile(r" {0,3}#")


def strip_non_content(text: str, clozes: bool = False) -> str:
    """Remove Liquid tags, HTML comments and a daily note's navigation line, keeping every line where it was.

    Inside {% raw %} ... {% endraw %} Liquid is shown as written (it is the content). Comments
    (HTML and Obsidian %% ones) and {{...}} inside code spans are code, and stay. clozes: a note of the Spaced
    Repetition plugin's cards (flashcards.deck_note), its {{curly}} clozes read as their answers."""
    text = without_navigation(strip_comments(text))
    out, pos = [], 0
    for m in _LIQUID_RAW.finditer(text):
        out.append(_strip_liquid(text[pos:m.start()], clozes))
        out.append(m.group(1))
        pos = m.end()
    out.append(_strip_liquid(text[pos:], clozes))
    return "".join(out)


def _strip_liquid(text: str, clozes: bool) -> str:
    """Liquid dropped. A page with Liquid tags ({% ... %}) is a Jekyll page: Liquid runs everywhere
    in it, code included, as Jekyll runs it. Elsewhere a {{...}} is only dropped outside code
    (in code it is what the note shows: a template placeholder, a Logseq macro's syntax)."""
    if "{%" in text:
        return _strip_liquid_all(text)
    if "{{" not in text:
        return text
    if not clozes:  # (a deck's "{{Paris}}" is a card's answer)
        text = outside_code(text, _placeholders, code=indented_code(text))
    return outside_code(text, lambda part: _strip_liquid_all(part, clozes), code=indented_code(text))
