"""HTML blocks in a markdown note, read as the app that wrote them shows them.

Notion's export writes a callout as `<aside>` (an emoji, then markdown) `</aside>`, and a toggle as
`<details><summary>Title</summary>` ... `</details>`. markdown would read their tags as an HTML
block and lose the text around them, and a source view with raw HTML off would show the tags.
`as_markdown` rewrites them, line for line (every line keeps its place): a callout is a quote, its
icon kept as Notion shows it; a toggle is a bullet, its summary, with its content under it (as
Notion shows a toggle, and exports one when it is a toggle list). Any other HTML block's text is
`block_text`: its tags stripped, its entities decoded.
"""

from __future__ import annotations

import html
import re

from .markup import code_fence_after, outside_code

_OPEN = re.compile(r"^([ \t]*)<(aside|details)(?:\s[^>]*)?>[ \t]*(.*)$", re.I)
_CLOSE = re.compile(r"^(.*?)</(aside|details)>[ \t]*$", re.I)
_SUMMARY = re.compile(r"^[ \t]*<summary(?:\s[^>]*)?>(.*?)</summary>[ \t]*(.*)$", re.I)
_ICON = re.compile(r"^[^\w\s`*_\[\]<>#(]{1,8}$")  # a line that is only an emoji (a callout's icon on a line of its own)


def as_markdown(text: str) -> str:
    """text with Notion's callouts and toggles as markdown, line for line; an `<aside>` or `<details>`
    with no closing tag is left as written."""
    if "<aside" not in text and "<details" not in text and "<ASIDE" not in text and "<DETAILS" not in text:
        return text
    lines = text.split("\n")
    pairs = _paired(lines)
    if not pairs:
        return text
    out: list[str] = []
    open_: list[tuple[str, str]] = []  # (kind, indent) of the containers the line is in, outermost first
    summary_line = None  # the line a toggle's summary was read into, the last one
    fence = None  # the code fence open in a toggle (its lines are code, as written)
    for i, line in enumerate(lines):
        in_code, fence = fence is not None, code_fence_after(line, fence) if open_ else None
        if i in pairs:  # an opening tag
            kind, indent, rest = pairs[i]
            rest, closes = _closing(rest, kind)
            own = _own_line(kind, indent, rest)
            out.append(_inside(own, open_))
            summary_line = out[-1] if kind == "details" and own else None
            if not closes:
                open_.append((kind, indent))
            continue
        m = _CLOSE.match(line) if open_ else None
        if m is not None and m.group(2).lower() == open_[-1][0]:
            closed = open_.pop()
            out.append(_inside(m.group(1), open_ + [closed]) if m.group(1).strip() else "")
            continue
        summary = _SUMMARY.match(line) if open_ and open_[-1][0] == "details" else None
        if summary is not None:
            kind, indent = open_.pop()
            out.append(_inside(f"{indent}- {_tagless(summary.group(1))} {summary.group(2)}".rstrip(), open_))
            summary_line = out[-1]
            open_.append((kind, indent))
            continue
        if open_ and open_[-1][0] == "aside" and _ICON.match(line.strip()):
            line = ""  # the callout's icon alone: Notion shows it beside the text, not as a line of it
        if open_ and open_[-1][0] == "details" and not in_code and fence is None and out \
                and (not out[-1].strip() or out[-1] == summary_line) and _PLAIN_START.match(line):
            line = "- " + line.lstrip()  # a paragraph under a toggle's summary: its own item, not the summary's text
        out.append(_inside(line, open_))
    return "\n".join(out)


# a line that starts a paragraph: not a list item, a quote, a table, a heading, a fence, maths, a tag or indented code
_PLAIN_START = re.compile(r"^ {0,3}(?![-*+][ \t]|\d+[.)][ \t]|[>|#<]|```|~~~|\$\$)\S")


def _paired(lines: list[str]) -> dict[int, tuple[str, str, str]]:
    """The lines (outside code) that open an aside or a details block closed later: line -> (kind,
    indent, what follows the tag)."""
    pairs: dict[int, tuple[str, str, str]] = {}
    stack: list[tuple[int, str, str, str]] = []
    fence = None
    for i, line in enumerate(lines):
        inside, fence = fence is not None, code_fence_after(line, fence)
        if inside or fence is not None:
            continue
        m = _OPEN.match(line)
        if m is not None:
            kind = m.group(2).lower()
            if _closing(m.group(3), kind)[1]:
                pairs[i] = (kind, m.group(1), m.group(3))
            else:
                stack.append((i, kind, m.group(1), m.group(3)))
            continue
        c = _CLOSE.match(line)
        if c is not None and stack and stack[-1][1] == c.group(2).lower():
            j, kind, indent, rest = stack.pop()
            pairs[j] = (kind, indent, rest)
    return pairs


def _closing(rest: str, kind: str) -> tuple[str, bool]:
    """What follows an opening tag, without its closing tag if it closes on the same line."""
    m = _CLOSE.match(rest)
    if m is not None and m.group(2).lower() == kind:
        return m.group(1), True
    return rest, False


def _own_line(kind: str, indent: str, rest: str) -> str:
    """An opening tag's line: blank, or what is written after the tag (a toggle's summary on it)."""
    if kind == "details":
        m = _SUMMARY.match(rest)
        return f"{indent}- {_tagless(m.group(1))} {m.group(2)}".rstrip() if m else ""
    rest = rest.strip()
    return f"{indent}> {rest}" if rest and not _ICON.match(rest) else ""


def _inside(line: str, open_: list[tuple[str, str]]) -> str:
    """A line inside containers: each, innermost first, a quote ("> ") or a toggle's content (indented
    under its bullet)."""
    for kind, indent in reversed(open_):
        body = line[len(indent):] if line.startswith(indent) else line.lstrip()
        if kind == "aside":
            line = f"{indent}> {body}".rstrip() if body.strip() else f"{indent}>"
        else:
            line = f"{indent}    {body}" if body.strip() else ""
    return line


_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)[^>]*>|<!--.*?-->", re.S)
_NOT_TEXT = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BREAKS = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "table", "ul", "ol",
           "blockquote", "pre", "section", "article", "aside", "details", "dt", "dd", "figcaption", "hr"}


_HTML_TAG = re.compile(r"</?([A-Za-z][\w-]*)")
HTML_ELEMENTS = frozenset(
    "a abbr address article aside audio b bdi bdo big blockquote body br button canvas caption center cite code col "
    "colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 "
    "h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta meter nav nobr "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section "
    "select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th "
    "thead time title tr track tt u ul var video wbr math path g circle rect line polyline polygon text".split())


def is_html(tag: str) -> bool:
    """Is a tag an HTML element's (or a comment), not text that looks like one (`<pod-name>`, List<String>)?"""
    m = _HTML_TAG.match(tag)
    return m is None or m.group(1).lower() in HTML_ELEMENTS  # a comment, <!DOCTYPE>, or a real element


# a tag written whole, its name then attributes after a space ("$a<b$ and $c>d$" in maths is no tag)
_WHOLE_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>", re.S)


def without_tags(text: str, picture=lambda alt: alt) -> str:
    """text with its HTML elements' tags as a reader sees them: a picture as picture(its alt text), a <br> and
    other tags and comments as a space (what coverage counts as text; `<pod-name>` stays). Line for line."""
    if "<" not in text:
        return text
    text = _NOT_TEXT.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # a script or a style: nothing shown

    def shown(m: re.Match) -> str:
        if not is_html(m.group(0)):
            return m.group(0)
        alt = image_alt(m.group(0))
        return f" {picture(alt)} " if alt else " " * (m.group(0).count("\n") == 0) + "\n" * m.group(0).count("\n")

    return _WHOLE_TAG.sub(shown, text)


# Furigana: <ruby>朝<rt>あさ</rt></ruby>ご<ruby>飯<rt>はん</rt></ruby>, a word's reading over its kanji. Read as the
# word, then its reading as Japanese writes it without ruby, "朝ご飯（あさごはん）": the word whole for search (it had
# read "朝あさご飯はん", and "食べる" had not found "<ruby>食<rt>た</rt></ruby>べる"; trial s35), its reading kept.
_JAPANESE = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
_RUBY_ELEMENT = r"<ruby\b[^>\n]*>[^\n]*?</ruby>"
# ... with a polite prefix before it (お茶), the few kana between two (朝ご飯) and a short okurigana after it (食べる):
# not a sentence's kana around it ("わたしはまいにちこうえんで散歩をします": its reading, not the whole sentence's)
_RUBY_RUN = re.compile(rf"(?:[おご](?={_RUBY_ELEMENT}))?{_RUBY_ELEMENT}(?:[{_KANA}]{{0,3}}{_RUBY_ELEMENT})*"
                       rf"(?:[{_KANA}]{{1,3}}(?![{_KANA}]))?", re.I)
_RUBY = re.compile(f"({_RUBY_ELEMENT})", re.I)
_RT = re.compile(r"<rt\b[^>]*>(.*?)(?:</rt>|(?=<rt\b|</ruby>))", re.I)
_RP = re.compile(r"<rp\b[^>]*>.*?</rp>", re.I)


# ... and the notes apps' furigana markup, read as <ruby> is: Obsidian's Markdown Furigana "{承る|うけたまわる}" (a
# reading a character too, "{漢字|かん|じ}"), "[曖昧]{あいまい}", Aozora Bunko's "｜承《うけたまわ》る" and "漢字《かんじ》"
# (trial s48: shown raw, and "承る" had not found "｜承《うけたまわ》る")
# (a base of a few characters with a kanji in it, a reading of kana: not "行き{ます|ません}" (two endings), "{x: 1, y:
# 漢字|かな}", nor Chinese's book titles "《三体》", "鲁迅《狂人日记》": the review)
_KANJI = "\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUBY_BASE = rf"[^{{}}\[\]|｜《》\s:]{{0,8}}[{_KANJI}][^{{}}\[\]|｜《》\s:]{{0,8}}"
_BRACED_RUBY = re.compile(rf"(?<!\{{)\{{({_RUBY_BASE})\|([{_KANA}]+(?:\|[{_KANA}]+)*)\}}(?!\}})")
_BRACKETED_RUBY = re.compile(rf"\[({_RUBY_BASE})\]\{{([{_KANA}]+)\}}")
_AOZORA_RUBY = re.compile(rf"(?:｜({_RUBY_BASE})|([{_KANJI}]{{1,8}}))《([{_KANA}]+)》")


_JAPANESE_CHAR = re.compile(f"[{_JAPANESE}]")


def _as_ruby(text: str) -> str:
    """text with the notes apps' furigana markup written as <ruby> elements."""
    if "{" in text:
        text = _BRACED_RUBY.sub(lambda m: f"<ruby>{m[1]}<rt>{m[2].replace('|', '')}</rt></ruby>", text)
        text = _BRACKETED_RUBY.sub(r"<ruby>\1<rt>\2</rt></ruby>", text)
    if "《" in text:
        text = _AOZORA_RUBY.sub(lambda m: f"<ruby>{m[1] or m[2]}<rt>{m[3]}</rt></ruby>", text)
    return text


def furigana(text: str) -> str:
    """text with each run of words over which <ruby> (or an app's furigana markup: _as_ruby) sets readings read as
    the words, then the readings in brackets: "朝ご飯（あさごはん）" (Latin words: "cat (neko)"); line for line, code
    as written."""
    if "<ruby" not in text.lower() and not (("{" in text or "《" in text) and _JAPANESE_CHAR.search(text)):
        return text
    return outside_code(text, lambda part: _RUBY_RUN.sub(_read_ruby, _as_ruby(part)))


def _read_ruby(m: re.Match) -> str:
    base, reading = [], []
    for i, part in enumerate(_RUBY.split(m.group(0))):
        if i % 2:  # a <ruby> element: its text without its readings, and its readings
            inner = _RP.sub("", part[part.index(">") + 1:part.rindex("<")])
            words = _WHOLE_TAG.sub("", _RT.sub("", inner))
            base.append(words)
            reading.append("".join(_WHOLE_TAG.sub("", r) for r in _RT.findall(inner)) or words)
        else:  # kana between them (okurigana) read as written
            base.append(part)
            reading.append(part)
    words, said = "".join(base), "".join(reading)
    if said == words or not said.strip():
        return words
    return f"{words}（{said}）" if re.search(f"[{_JAPANESE}]", words) else f"{words} ({said})"


BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def image_alt(tag: str) -> str:
    """An <img> tag's alt text (what the picture shows, as a markdown picture's is read); "" for any other
    tag, or a picture without one."""
    if not _IMG.fullmatch(tag.strip()):
        return ""
    m = _ALT.search(tag)
    return html.unescape(next((g for g in m.groups() if g is not None), "")).strip() if m else ""


def _tagless(text: str) -> str:
    return " ".join(html.unescape(_unescaped(_TAG.sub(" ", text))).split())


_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.S | re.I)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)</t[dh]\s*>", re.S | re.I)
_BOLD = re.compile(r"^\s*(?:<(?:b|strong)\b[^>]*>|<span[^>]*font-weight:\s*(?:bold|[6-9]00)[^>]*>)", re.I)


def block_parts(content: str) -> list[tuple[str, list]]:
    """An HTML block as what a reader sees, in order: ("lines", its lines of text, as block_text) and, for each
    table in it, ("table", its rows, each (its line in content from 0, its cells: (cell text, is a header cell)
    each)): a cell is one value, whatever divs are inside it (Evernote writes each cell's text in a <div>); a
    header cell is a <th>, or a cell whose text is all bold."""
    parts: list[tuple[str, list]] = []
    at = 0
    for m in _TABLE.finditer(content):
        lines = block_text(content[at:m.start()])
        if lines:
            parts.append(("lines", lines))
        rows = [(content.count("\n", 0, m.start() + r.start()),
                 [(_tagless(c.group(2)), c.group(1).lower() == "h" or bool(_BOLD.match(_inner(c.group(2)))))
                  for c in _CELL.finditer(r.group(0))]) for r in _ROW.finditer(m.group(0))]
        parts.append(("table", [r for r in rows if any(text for text, _ in r[1])]))
        at = m.end()
    lines = block_text(content[at:])
    if lines:
        parts.append(("lines", lines))
    return parts


_WRAPPERS = re.compile(r"^(?:\s*<(?:div|p)\b[^>]*>)+", re.I)


def _inner(cell: str) -> str:
    """A cell's content without the divs and paragraphs around its text (`<div><span style="font-weight:
    bold;">Mortgage</span></div>`: its span)."""
    return _WRAPPERS.sub("", cell)


def block_text(content: str) -> list[str]:
    """An HTML block's text as a reader sees it, a line for each line the browser shows: tags not
    (is_html tells an element from a placeholder someone wrote, `<pod-name>`, which is text), a
    table's cells apart (" | "), entities decoded; scripts, styles and comments are no text."""
    def tag(m: re.Match) -> str:
        if m.group(2) is None:
            return ""
        if not is_html(m.group(0)):
            return m.group(0)
        name = m.group(2).lower()
        if name == "img":
            return f" {image_alt(m.group(0))} "
        if name in ("td", "th") and m.group(1):
            return " | "
        return "\n" if name in _BREAKS else " "

    text = _TAG.sub(tag, _NOT_TEXT.sub(" ", content))
    lines = (" ".join(html.unescape(_unescaped(ln)).split()).strip(" |") for ln in text.split("\n"))
    return [ln for ln in lines if ln]


# a markdown escape ("\.", "\-"), which converters (Yarle's turndown) write inside HTML too, where markdown
# does not read it: shown as the character, as the app that wrote it means
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text
