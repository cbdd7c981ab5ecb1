"""The chat's HTML: hits, their context, notes rendered for the source view, and escaping.

Note text is untrusted: everything taken from a note is HTML-escaped before it is placed
in the page, notes are rendered with raw HTML disabled, unsafe links are dropped and
remote images are not loaded, so a note holding <script>, an onerror= attribute or a
javascript: link shows as text and runs nothing.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import urllib.parse
from functools import lru_cache

from .. import joplin
from ..config import MAX_NESTING, NOTE_SUFFIXES
from ..hits import NAMED_NOTE, matched_day, unsaid_day, weekly_label
from ..keywords import STOPWORDS, tokenize
from ..markup import CODE_SPAN as _CODE_SPAN, ONE_TILDE_STRIKE, STRUCK, kanban_dates
from ..maths import MATHS
from ..notefiles import readable_path
from ..wording import counted

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# the blocks a line of a note can be marked in: the innermost one that holds it
_MARKABLE = ("list_item_open", "paragraph_open", "tr_open", "heading_open", "blockquote_open", "table_open")


# what the chat typesets (app.py): $$display$$, and inline maths (maths.MATHS: "$5 or $15" is none) as \(...\),
# which no price can be mistaken for; a mark inside maths would stop it rendering, so it is left unmarked
LATEX_DELIMITERS = [{"left": "$$", "right": "$$", "display": True}, {"left": "\\(", "right": "\\)", "display": False}]


def highlight(text: str, question: str, related: tuple[str, ...] = ()) -> str:
    """HTML-escaped text with the words that match the question marked (not inside $$ maths $$): words of
    two characters or more (127.0.0.1 in a question does not mark every 0 and 1 of a hit); and the notes' words
    related to the question's (vocabulary.py: "Oscar" for "Academy Award") marked as such."""
    # each word to mark, with its mark's class ("": the question's own)
    unmarked = {t for w in (*_its_stopwords(question), *_PRONOUNS) for t in tokenize(w)}
    wanted = {t: "nq-related" for w in related for t in tokenize(w)} | \
        {t: "" for t in tokenize(question) if len(t) > 1 and t not in unmarked}
    out = []
    for i, piece in enumerate(_CODE_SPAN.split(text)):
        if i % 3 == 2:  # a `code span`'s code (its backticks are group 1): as code, words marked in it too
            out.append(f'<code class="nq-inline">{_marked(piece, wanted)}</code>')
        elif i % 3 == 0:
            out += [_maths(part) if j % 2 else _struck(part, wanted) for j, part in enumerate(MATHS.split(piece))]
    return "".join(out)


# pronouns, found but not marked: "her" of "what did Priya say about her promotion?" in every hit (trial s37)
_PRONOUNS = ("he", "she", "him", "her", "his", "hers", "us", "our", "ours", "they", "them", "their", "myself")
# the languages whose little words are not marked in a question in that language (bm25s's lists; the keyword
# index keeps them, as its English-only stopwords do not name them, and ranks them low by their frequency)
_LANGUAGES = ("SPANISH", "FRENCH", "GERMAN", "ITALIAN", "PORTUGUESE", "DUTCH", "SWEDISH", "DANISH", "NORWEGIAN",
              "TURKISH", "RUSSIAN")


@lru_cache(maxsize=1)
def _stopword_lists() -> tuple[frozenset[str], ...]:
    from bm25s import stopwords

    return tuple(frozenset(getattr(stopwords, f"STOPWORDS_{name}")) for name in _LANGUAGES)


def _its_stopwords(question: str) -> frozenset[str]:
    """The little words of a question in another language than English ("de", "la", "para" of "¿cuál es la
    receta de la abuela para el flan?"), not to be marked in every hit (trial s35: a Spanish question marked
    them all): a language's words count when the question has two of them or more, and more than of
    English's ("is it a van?" is not Dutch), two of them not English's too."""
    words = set(re.findall(r"\w+", question.lower()))
    english = len(words & STOPWORDS)
    out: set[str] = set()
    for little in _stopword_lists():
        said = words & little
        # two of its own at least, not English's too ("in non-valvular" is no Italian, the review)
        if len(said - STOPWORDS) >= 2 and len(said) > english:
            out |= said
    return frozenset(out)


def _maths(part: str) -> str:
    """A maths span as the chat typesets it (LATEX_DELIMITERS): $$...$$ as written, $...$ as \\(...\\)."""
    return html.escape(part if part.startswith("$$") else f"\\({part[1:-1]}\\)")


def _struck(text: str, wanted: dict[str, str]) -> str:
    """_marked, with what the note strikes out (~~1910~~) struck out."""
    return "".join(f"<s>{_marked(part, wanted)}</s>" if j % 2 else _marked(part, wanted)
                   for j, part in enumerate(STRUCK.split(text)))


def _marked(text: str, wanted: dict[str, str]) -> str:
    """HTML-escaped text with the words in wanted (tokenized) marked, each with its class ("nq-related": a word
    related to the question's, titled so)."""
    if not wanted:
        return html.escape(text)
    out = []
    for part in re.split(r"(\w+)", text):
        hit = [t for t in tokenize(part) if t in wanted] if part and re.fullmatch(r"\w+", part) else []
        if not hit:
            out.append(html.escape(part))
        elif wanted[hit[0]]:
            out.append(f'<mark class="{wanted[hit[0]]}" title="related to a word of your question">{html.escape(part)}</mark>')
        else:
            out.append(f"<mark>{html.escape(part)}</mark>")
    return "".join(out)


def md_escape(text: str) -> str:
    """Text safe to put into Gradio Markdown: no HTML, no markdown syntax that changes it."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~>])", r"\\\1", text)


def state_html(message: str, error: bool = False) -> str:
    """A one-line answer that is not hits: an empty state, no match, an error."""
    return f'<div class="nq-state{" nq-error" if error else ""}">{message}</div>'


# --------------------------------------------------------------------------- hits


def source_href(target: str, match: str | None = None) -> str:
    """The link of a source: "#nq-src=" + the url-quoted "path:line", and "@" + a digest of the
    matched text, so the note view finds that text again if the note was edited since."""
    if match:
        target = f"{target}@{passage_digest(match)}"
    return "#nq-src=" + urllib.parse.quote(target, safe="/:@")


def passage_digest(text: str) -> str:
    """A short digest of a passage's words (white space does not count)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def hit_html(i: int, hit, query: str, context: str = "", stale: str = "", asked: frozenset[str] = frozenset()) -> str:
    """Hit number i: its text (query words marked), breadcrumb, source link, relevance, and its
    context (HTML from context_html) folded under "more context"; stale: what became of its note since the
    build ("changed", "deleted or moved"), said beside its source; asked: the days the question asks about
    (hits.matched_day)."""
    crumb = " › ".join(html.escape(c) for c in hit.breadcrumb)  # the one rule, hits.py
    # the line of the match, so the note view marks that copy of it (a line said twice), not the one nearest `line`
    href = html.escape(source_href(f"{hit.path}:{hit.match_line or hit.line}", hit.match), quote=True)
    more = (f'<details class="nq-more"><summary>more context</summary><div class="nq-ctx">{context}</div></details>'
            if context else "")
    # an article a screen reader can move between, its number and note said first (trial s38: five hits read as one);
    # in words only a screen reader gets, as the chat's sanitizer keeps no aria-label (the review)
    said = html.escape(f"Hit {i}, from {hit.title or readable_path(hit.path)}: ")
    return (f'<div class="nq-hit" role="article"><span class="nq-sr">{said}</span><div class="nq-text">'
            f'<span class="nq-n" title="hit {i}">{i}</span>'
            f'{_text_html(hit, query)}</div>'
            f'<div class="nq-crumb">{crumb}</div>'
            f'<div class="nq-meta"><a class="nq-src" href="{href}" title="show this note">'
            f'{html.escape(_shown_source(hit))}</a>{_day_html(hit)} · {_relevance(hit, asked)}'
            f'{_stale_html(stale)}</div>{more}'
            '</div>')


def _day_html(hit) -> str:
    """" · dated 2026-08-28": the day a hit is of when nothing shown with it says it (hits.unsaid_day), not beside
    the day that put it there (hits.matched_day)."""
    if hit.explain is not None and hit.explain.day_match:
        return ""
    day = unsaid_day(hit)
    return f' · <span class="nq-day" title="the day this note is of">dated {day}</span>' if day else ""


def summary_html(hits) -> str:
    """What an answer holds, said first to a screen reader and not shown ("5 passages from 3 notes.")."""
    notes = len({h.path for h in hits})
    return f'<div class="nq-sr">{counted(len(hits), "passage")} from {counted(notes, "note")}.</div>'


def _stale_html(stale: str) -> str:
    from ..status import KEPT, stale_said

    if not stale:
        return ""
    tip = "" if stale == KEPT else ' title="refreshed in a few seconds"'
    return f' · <span class="nq-stale"{tip}>{html.escape(stale_said(stale))}</span>'


def _shown_source(hit) -> str:
    """A hit's path:line as a reader reads the path (a Notion page without its id: "Journal/March 4, 2024.md:3");
    the link still opens the file's own path."""
    place = joplin.shown_path(hit.path, hit.folder, hit.title)  # a Joplin note: its notebook and title, not its id
    if place:
        return f"{place}:{hit.line}"
    readable = readable_path(hit.path)
    return hit.source if readable == hit.path else f"{readable}:{hit.line}"


def _text_html(hit, query: str) -> str:
    """A hit's text, query words marked, the bullets under its first line shown as bullets (as "more context"
    shows them); each code block it shows as code, with what follows it (a later step) after it."""
    related = hit.explain.related if hit.explain is not None else ()
    out = []
    for kind, text, _, row in hit.pieces():
        if kind == "code":
            out.append(f'<pre class="nq-code">{html.escape(text)}</pre>')
        else:  # (the text's first line is the hit's own; after code, every item is one of a later step)
            out.append(_matched_marked(hit, _bulleted(text) if row == 0 else _ITEM_DASH.sub(r"\1• ", text), query,
                                       related, row))
    return "".join(out)


def _matched_marked(hit, text: str, query: str, related: tuple[str, ...], skip: int = 0) -> str:
    """highlight(text), the lines of the unit that matched marked when the hit shows it after others (a list
    from its lead-in, a parent bullet over it: trial s34b, the answer had been a list's fourth item, unmarked); text
    is the hit's text from its line skip on (after the code it shows: the review)."""
    row, lines = hit.match_row, text.split("\n")
    row = None if row is None or row < skip else row - skip
    if row is None or row >= len(lines):
        return highlight(text, query, related)
    end = min(len(lines), row + len(hit.match.strip().splitlines()))
    before, matched, after = ("\n".join(part) for part in (lines[:row], lines[row:end], lines[end:]))
    return ((highlight(before, query, related) + "\n" if row else "")
            + f'<span class="nq-matched" title="what matched your question">{highlight(matched, query, related)}</span>'
            + ("\n" + highlight(after, query, related) if end < len(lines) else ""))


def _bulleted(text: str) -> str:
    """The "- " of the items under a hit's first line as "• " (trial B: a literal dash had read as a typo)."""
    first, newline, rest = text.partition("\n")
    return first + newline + _ITEM_DASH.sub(r"\1• ", rest) if rest else text


_ITEM_DASH = re.compile(r"^([ \t]*)- (?=\S)", re.M)


def _relevance(hit, asked: frozenset[str] = frozenset()) -> str:
    if hit.explain is not None and hit.explain.listed:  # "tag:work" alone: a note the filters let through
        return '<span class="nq-rel" title="no words to match: the notes the filters let through">listed</span>'
    if hit.explain is not None and hit.explain.links:  # "which notes link to X": where each links, unscored
        return '<span class="nq-rel" title="a note that links to the note asked about">links to it</span>'
    if hit.explain is not None and hit.explain.mention:  # "when did I first mention X": in the order of days
        order = "oldest" if hit.explain.mention == "first" else "newest"
        return f'<span class="nq-rel" title="says what is asked about; {order} first">mentions it</span>'
    if hit.explain is not None and hit.explain.opened:  # "the Ashborn", an alias: that note, whatever its score
        return f'<span class="nq-rel" title="its best match {hit.score:.2f}">{NAMED_NOTE}</span>'
    if hit.explain is not None and hit.explain.day_match:  # its day, not its words, put it here (trial B: every
        # hit of "what was decided at last week's council?" had shown a full bar, an unrelated one too)
        return (f'<span class="nq-rel" title="of the days the question names (match {hit.explain.fused_score:.2f}, '
                f'ranked {hit.score:.2f})">{matched_day(hit, asked)}</span>')
    if hit.explain is not None and hit.explain.weekly:  # "Sat 09:15, small pool" (trial s74 M)
        return (f'<span class="nq-rel" title="of no day: every such weekday as the one asked (match '
                f'{hit.explain.fused_score:.2f}, ranked {hit.score:.2f})">{weekly_label(asked)}</span>')
    if hit.explain is not None and hit.explain.recent:  # "our last 1:1": the newest's, in the order written (trial s47)
        return (f'<span class="nq-rel" title="of the newest of what the question asks for (match '
                f'{hit.explain.fused_score:.2f}, ranked {hit.score:.2f})">newest match</span>')
    # a fused score can dip below 0 for a far-off passage (shown as 0), and a name's bonus
    # lift it over 1 (shown as 1: a bar is full; the exact score is in its title)
    score = hit.score
    shown = min(1.0, max(0.0, score))
    pct = max(3, int(round(shown * 100)))
    return (f'<span class="nq-rel" title="relevance score {score:.2f} (higher is closer)">relevance'
            f'<span class="nq-bar"><span style="width:{pct}%"></span></span>{shown:.2f}</span>')


def context_html(chunks, line: int, query: str) -> str:
    """The chunks around a hit (its parent and siblings) as indented rows, the one at line marked."""
    from ..snippets import code_after, code_piece_after

    rows = []
    base = min(c.depth for c in chunks)
    code = None  # [padding, marked, text, first line] of the code block being shown
    for n, c in enumerate(chunks):
        cls = ' class="nq-ctx-hit"' if c.line == line else ""
        pad = 16 * max(0, c.depth - base)
        if c.kind == "code":  # as code, without the sentence before it that introduces it (trial s37: as prose)
            piece = code_piece_after(chunks[n - 1], c) if n and code is not None else None
            if piece is not None:  # a long block's next piece: one block, not its intro and "…" again (the review)
                code[1], code[2] = code[1] or bool(cls), code[2].removesuffix("\n…") + "\n" + piece
                rows[-1] = _code_row(*code)
                continue
            code = [pad, bool(cls), (code_after(chunks[n - 1], c) if n else None) or c.text, c.line]
            rows.append(_code_row(*code))
            continue
        code = None
        bullet = (f"{html.escape(c.marker)} " if c.marker else "• ") if c.kind == "bullet" else ""
        rows.append(f'<div style="margin-left:{pad}px"><span{cls}>{bullet}{highlight(c.text, query)}</span> '
                    f'<span class="nq-ctx-line">:{c.line}</span></div>')
    return "".join(rows)


def _code_row(pad: int, marked: bool, code: str, line: int) -> str:
    """A row of context that is code: the code as code, at its first line."""
    return (f'<div style="margin-left:{pad}px"><pre class="nq-code{" nq-ctx-hit" if marked else ""}">'
            f'{html.escape(code)}</pre><span class="nq-ctx-line">:{line}</span></div>')


def followup_html(query: str, skipped: int) -> str:
    """What a follow-up was searched as, and how many hits shown before it leaves out."""
    head = f'<div class="nq-followup">Searched as a follow-up: <em>{html.escape(clip(query))}</em>'
    if skipped:
        head += f" (without the {counted(skipped, 'hit')} already shown)"
    return head + "</div>"


def filters_html(tags, folders, after: str | None, before: str | None) -> str:
    """The sidebar's filters an answer was searched with ("" for none)."""
    said = []
    if tags:
        said.append("tagged " + " or ".join(html.escape(t) for t in tags))
    if folders:
        said.append("in " + " or ".join(html.escape(f) for f in folders))
    if after and before:
        said.append(f"dated {html.escape(after)} to {html.escape(before)}")
    elif after or before:
        said.append(f"dated from {html.escape(after)}" if after else f"dated until {html.escape(before)}")
    return f'<div class="nq-followup">Searched notes {", ".join(said)} (the filters on the left)</div>' if said else ""


def clip(text: str, limit: int = 160) -> str:
    """A long question echoed back: its start and an ellipsis, not a wall of text."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# --------------------------------------------------------------------------- notes


def note_html(title: str, path: str, line: int, found: bool, body: str) -> str:
    """The source view: the note's title, path and line over its rendered body."""
    moved = "" if found else (' <span class="nq-weak">(the note changed since this answer: the '
                              'passage is no longer there as it was)</span>')
    shown = readable_path(path)  # a Notion page's path without its ids; the file's own in the tooltip
    # a labelled region a keyboard can be put in (assets.SCROLL_JS), with a button (and Escape) back to the answer
    return (f'<div class="nq-note-head"><span class="nq-note-where"><b>{html.escape(title)}</b> — <code title="'
            f'{html.escape(path, quote=True)}">{html.escape(shown)}</code>, line {line}{moved}</span>'
            '<button type="button" class="nq-note-close" aria-label="Close the note and go back to the answer">'
            'Close</button></div>'
            f'<div class="nq-note" id="nq-note-body" role="region" aria-label="Note: {html.escape(title, quote=True)}" '
            f'tabindex="-1">{body}</div>')


def render_markdown(text: str, line: int | None = None, path: str | None = None,
                    end_line: int | None = None, breaks: bool = False) -> str:
    """A note as HTML: raw HTML escaped (html=False), unsafe links dropped (markdown-it refuses
    javascript:, vbscript:, file: and data: links), images shown as their alt text (nothing remote is
    loaded), web links opened in a new tab without referrer, links to other notes opened in the
    viewer, and the innermost visible block at `line` marked with class nq-target (only lines
    line..end_line of it when it is a paragraph holding more: a flashcard of a deck, a turn of an
    interview, a window of a long hard-wrapped paragraph). breaks: a paragraph's lines shown each on its
    own line, as Obsidian shows them (notefiles.shows_line_breaks)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # maths ($...$, $$...$$) as written: markdown's escapes would eat its \{ \} \, ("$5 and $10" is no maths)
    md = MarkdownIt("commonmark", {"html": False, "breaks": breaks, "maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"]).use(front_matter_plugin).use(dollarmath_plugin, allow_space=False,
                                                                 allow_digits=False, double_inline=True)
    tokens = md.parse(text)
    _read_as_the_index(tokens)
    if line is not None:
        _mark_line(tokens, line, end_line)
    _make_links_safe(tokens, path)
    tokens = [t for t in tokens if t.type != "front_matter"]

    def image(renderer, tokens_, idx, options, env):
        alt = tokens_[idx].content or tokens_[idx].attrGet("src") or "image"
        return f'<span class="nq-img">[image: {html.escape(alt)}]</span>'

    def maths(renderer, tokens_, idx, options, env):
        t = tokens_[idx]
        fence = "$$" if t.type.startswith("math_block") or t.markup == "$$" else "$"
        shown = html.escape(f"{fence}{t.content.strip()}{fence}")
        if not t.block:
            return f'<span class="nq-math">{shown}</span>'
        target = ' id="nq-target"' if t.attrGet("id") else ""  # the line the source was opened at (_mark_line)
        return f'<div class="nq-math{" nq-target" if target else ""}"{target}>{shown}</div>'

    md.add_render_rule("image", image)
    for kind in ("math_inline", "math_inline_double", "math_block", "math_block_label"):
        md.add_render_rule(kind, maths)
    return md.renderer.render(tokens, md.options, {})


def _read_as_the_index(tokens) -> None:
    """The note's marks the index reads and markdown-it does not: Bear's "~Courgettes~" struck out, as the index reads it (markup.ONE_TILDE_STRIKE); markdown-it
    strikes only "~~Courgettes~~". A Kanban card's "@{2026-12-04}" reads "📅 2026-12-04" (trial W). A footnote's
    "[^1]" (and its definition's "[^1]:") reads as a raised 1, as Obsidian shows it, in its place (trial s36)."""
    marks = ("~", "@{", "[^")
    for inline in (t for t in tokens if t.type == "inline" and any(m in t.content for m in marks)):
        children = []
        for child in inline.children or []:
            if child.type == "text" and "@{" in child.content:  # a Kanban card's date, as the index reads it
                child.content = kanban_dates(child.content)
            for piece in _wrapped(child, "[^", _FOOTNOTE, "sup"):
                children += _wrapped(piece, "~", ONE_TILDE_STRIKE, "s", "~")
        inline.children = children


# a footnote's reference right after a word ("seeds.[^1]", "[^note]") or a number after a space ("a claim [^2]"), or
# its definition's label at a line's start ("[^1]:"); not a regex's class in prose ("consonant with [^aeiou]")
_FOOTNOTE = re.compile(r"(?<=\S)\[\^([^\]\s]+)\]|(?<!\S)\[\^(\d[^\]\s]*)\](?!:)|^\[\^([^\]\s]+)\]:")


def _wrapped(token, mark: str, pattern: re.Pattern, tag: str, markup: str = "") -> list:
    """A text token saying mark as tokens with each match of pattern's words (its group that matched) between
    <tag> and </tag>: "~x~" struck out (markup.ONE_TILDE_STRIKE), a footnote's "[^1]" raised; any other token as
    it is."""
    from markdown_it.token import Token

    if token.type != "text" or mark not in token.content:
        return [token]
    out, at, text = [], 0, token.content
    for m in pattern.finditer(text):
        if m.start() > at:
            out.append(Token("text", "", 0, content=text[at:m.start()]))
        words = next(g for g in m.groups() if g is not None)
        out += [Token(f"{tag}_open", tag, 1, markup=markup), Token("text", "", 0, content=words),
                Token(f"{tag}_close", tag, -1, markup=markup)]
        at = m.end()
    if at < len(text):
        out.append(Token("text", "", 0, content=text[at:]))
    return out


def _mark_line(tokens, line: int, end_line: int | None = None) -> None:
    """Mark the innermost visible block (or code block) that holds line with class and id nq-target."""
    best = None
    for i, t in enumerate(tokens):
        if t.nesting == 1 and t.map and not t.hidden and t.map[0] <= line - 1 < t.map[1] and t.type in _MARKABLE:
            best = i  # innermost visible block that contains the line
        elif t.type in ("fence", "code_block", "math_block") and t.map and t.map[0] <= line - 1 < t.map[1]:
            best = i
    if best is None:
        return
    block = tokens[best]
    if (end_line is not None and block.type == "paragraph_open" and best + 1 < len(tokens)
            and (block.map[0] < line - 1 or end_line < block.map[1])
            and _mark_lines_inside(tokens[best + 1], line - 1 - block.map[0], end_line - 1 - block.map[0])):
        return
    block.attrJoin("class", "nq-target")
    block.attrSet("id", "nq-target")


def _mark_lines_inside(inline, first: int, last: int) -> bool:
    """Wrap the paragraph's lines first..last (counted from its own first line, 0-based) in a marked span;
    False when the paragraph has no such lines to mark apart."""
    from markdown_it.token import Token

    children = inline.children or []
    row, start, end = 0, None, None
    for i, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            row += 1
            continue
        if first <= row <= last:
            start = i if start is None else start
            end = i
    if start is None or (start == 0 and end == len(children) - 1):
        return False
    opening = Token("html_inline", "", 0, content='<span class="nq-target" id="nq-target">')
    closing = Token("html_inline", "", 0, content="</span>")
    inline.children = children[:start] + [opening] + children[start:end + 1] + [closing] + children[end + 1:]
    return True


def _make_links_safe(tokens, path: str | None) -> None:
    """Web links open in a new tab without referrer, links to notes open in the viewer, others
    lose their href (kept as a title)."""
    for t in tokens:
        for child in t.children or []:
            if child.type != "link_open":
                continue
            href = child.attrGet("href") or ""
            if href.lower().startswith(_SAFE_SCHEMES):
                child.attrSet("target", "_blank")
                child.attrSet("rel", "noopener noreferrer nofollow")
            elif path is not None and _note_link(href, path):
                child.attrSet("href", source_href(_note_link(href, path) + ":1"))
            else:
                child.attrs.pop("href", None)
                child.attrSet("title", href)


def _note_link(href: str, path: str) -> str | None:
    """The note path a relative link inside note `path` points to, or None."""
    if not href or ":" in href.split("/", 1)[0] or href.startswith(("/", "#", "?")):
        return None
    target = urllib.parse.unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not target.lower().endswith(NOTE_SUFFIXES):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined
