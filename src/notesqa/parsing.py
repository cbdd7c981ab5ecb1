"""Notes in: find markdown files, read them defensively, and parse them into units.

A unit is what the person wrote as one thing: a list item (at any depth), a
paragraph, a table row (with its header), or a code block with the sentence that
introduces it. Each unit knows its line, its heading path and its parent bullets.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING, Callable, Protocol

from .config import MARKDOWN_SUFFIXES, MAX_NOTE_BYTES
from .markup import ATTACHMENT_SUFFIXES, WIKILINK, Inline, outside_code, strip_comments

if TYPE_CHECKING:
    from .vault import Vault

# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """A file that was skipped or repaired, and why. Builds count and report these."""

    path: str
    action: str  # "skipped" or "repaired"
    reason: str

    def __str__(self) -> str:
        return f"{self.action} {self.path}: {self.reason}"


# --------------------------------------------------------------------------- discovery


def _printable_name(name: str) -> str:
    """A file name that was not valid UTF-8 (kept by Python as surrogate escapes), made printable."""
    return os.fsencode(name).decode("utf-8", "replace")


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def discover_notes(notes_dir: Path, exclude: list[Path] | tuple = ()) -> tuple[list[Path], list[Problem]]:
    """Markdown files under notes_dir, sorted; hidden folders and excluded folders skipped.

    Symlinked folders are followed once: a link back to an ancestor (or a second link to a
    folder already visited) is reported, not looped. A file or folder whose name is not
    valid UTF-8 is reported and skipped (its path could not be stored in the index).
    Files are only listed here; reading them is read_note's job.
    """
    notes_dir = Path(notes_dir)
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[str] = set()

    def onerror(err: OSError) -> None:
        problems.append(Problem(_printable_name(_rel(Path(err.filename or "?"), notes_dir)), "skipped",
                                f"cannot list folder ({err.strerror or err})"))

    for root, dirs, files in os.walk(notes_dir, followlinks=True, onerror=onerror):
        real = os.path.realpath(root)
        if real in seen_dirs:
            problems.append(Problem(_rel(Path(root), notes_dir), "skipped", "symlink loop or second link to a folder (already visited)"))
            dirs[:] = []
            continue
        seen_dirs.add(real)
        keep = []
        for d in sorted(dirs):
            full = os.path.join(root, d)
            real_d = os.path.realpath(full)
            if d.startswith(".") or real_d in excluded:
                continue
            if d == "logseq" and os.path.isfile(os.path.join(full, "config.edn")):
                continue  # a Logseq graph's settings and backups (logseq/bak/): not notes
            if real == real_d or real.startswith(real_d.rstrip(os.sep) + os.sep):
                # a link to this folder or one above it: following it would walk (at least) everything again
                problems.append(Problem(_rel(Path(full), notes_dir), "skipped",
                                        "symlink loop (links to a folder above it)"))
                continue
            if not _utf8_name(d):
                problems.append(Problem(_printable_name(_rel(Path(full), notes_dir)), "skipped",
                                        "folder name is not valid UTF-8: rename it to index its notes"))
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(MARKDOWN_SUFFIXES):
                continue
            if not _utf8_name(name):
                problems.append(Problem(_printable_name(_rel(Path(root) / name, notes_dir)), "skipped",
                                        "file name is not valid UTF-8: rename it to index it"))
                continue
            found.append(Path(root) / name)
    found.sort(key=lambda p: _rel(p, notes_dir))
    # A note reached through a file symlink and at its own path is one note: keep the path
    # that is not a link (else the first), so no answer is shown twice.
    by_real: dict[str, Path] = {}
    for path in found:
        real = os.path.realpath(path)
        kept = by_real.get(real)
        if kept is None or (os.path.islink(kept) and not os.path.islink(path)):
            by_real[real] = path
    if len(by_real) < len(found):
        keep = set(by_real.values())
        problems += [Problem(_rel(p, notes_dir), "skipped",
                             f"same file as {_rel(by_real[os.path.realpath(p)], notes_dir)}")
                     for p in found if p not in keep]
        found = [p for p in found if p in keep]
    return found, problems


def _rel(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:
        return Path(path).as_posix()


# --------------------------------------------------------------------------- reading

# Text decodings tried after UTF-8, in order. Windows-1252 is the usual origin of
# non-UTF-8 notes; Latin-1 decodes any byte sequence, so it is the stated last resort.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def _mostly_controls(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return controls > len(sample) * 0.05


def decode_note(data: bytes) -> tuple[str | None, str | None]:
    """(text, note) for raw bytes; text is None when the file is not a text note.

    UTF-8 (with or without BOM) first; UTF-16 when it starts with a UTF-16 byte-order
    mark; otherwise Windows-1252, and Latin-1 as the fallback that always decodes. The
    note says which fallback was used (None for plain UTF-8). A file that is mostly
    control characters is binary, whatever its name.
    """
    if not data.strip():
        return None, "empty file"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, "binary file (starts like UTF-16 but does not decode)"
        text = text.lstrip("\ufeff")
        if not text.strip():
            return None, "empty file"
        if _mostly_controls(text):
            return None, "binary file (not text)"
        return text, "UTF-16 text, decoded as UTF-16"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
        note = None
    except UnicodeDecodeError as exc:
        where = f" (first bad byte at offset {exc.start})"
        for enc in FALLBACK_ENCODINGS:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            note = f"not valid UTF-8{where}, decoded as {enc}"
            break
    if _mostly_controls(text):
        return None, "binary file (not text)"
    return text, note


def read_note(path: Path, rel: str) -> tuple[str | None, Problem | None]:
    """Read one note; never raises for a bad file, returns a Problem instead.

    (text, None) for a good note, (text, repaired-Problem) for one decoded with a
    fallback, (None, skipped-Problem) for a file that cannot be used as a note.
    """
    try:
        size = path.stat().st_size
        if size > MAX_NOTE_BYTES:
            return None, Problem(rel, "skipped", f"too large ({size / 1e6:.1f} MB > {MAX_NOTE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        if os.path.lexists(path):
            return None, Problem(rel, "skipped", "broken symlink (its target does not exist)")
        return None, Problem(rel, "skipped", "file disappeared while reading")
    except PermissionError:
        return None, Problem(rel, "skipped", "permission denied")
    except IsADirectoryError:
        return None, Problem(rel, "skipped", "is a folder, not a file")
    except OSError as exc:
        return None, Problem(rel, "skipped", f"cannot read ({exc.strerror or exc})")
    if len(data) > MAX_NOTE_BYTES:  # grew between stat and read
        return None, Problem(rel, "skipped", f"too large ({len(data) / 1e6:.1f} MB > {MAX_NOTE_BYTES / 1e6:.0f} MB)")
    text, note = decode_note(data)
    if text is None:
        return None, Problem(rel, "skipped", note or "unreadable")
    if not text.strip():
        return None, Problem(rel, "skipped", "empty note")
    return text, Problem(rel, "repaired", note) if note else None


# --------------------------------------------------------------------------- parsing

UNIT_KINDS = ("bullet", "paragraph", "quote", "table_row", "code")


@dataclass
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


@dataclass
class ParsedNote:
    path: str  # relative to the notes folder, forward slashes
    title: str
    tags: tuple[str, ...]
    date: str | None  # ISO YYYY-MM-DD
    units: list[Unit] = field(default_factory=list)
    problem: Problem | None = None
    aliases: tuple[str, ...] = ()  # other names of the note (front matter aliases, Logseq alias::)
    block_ids: dict[str, int] = field(default_factory=dict)  # ^block-id or Logseq id:: -> unit index
    id_titles: dict[str, str] = field(default_factory=dict)  # id:: of a heading block -> its title
    lost: tuple[str, ...] = ()  # parts of the text that could not be read as notes text, and why
    text_chars: int = 0  # characters of notes text in the file (front matter and properties left out)
    heading_chars: int = 0  # of those, in headings and callout titles (indexed as context, not as units)


_LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_LIQUID_OUT = re.compile(r"\{\{.*?\}\}", re.S)
_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
_SPACE = re.compile(r"[ \t]+")


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


def _strip_liquid_all(text: str) -> str:
    text = _LIQUID_CAPTURE.sub(_capture, text)
    text = _LIQUID_TAG.sub(_liquid, text)
    return _LIQUID_OUT.sub(_blank_keep_lines, text)


def strip_non_content(text: str) -> str:
    """Remove Liquid tags and HTML comments, keeping every line where it was.

    Inside {% raw %} ... {% endraw %} Liquid is shown as written (it is the content). Comments
    (HTML and Obsidian %% ones) and {{...}} inside code spans are code, and stay."""
    text = strip_comments(text)
    out, pos = [], 0
    for m in _LIQUID_RAW.finditer(text):
        out.append(_strip_liquid(text[pos:m.start()]))
        out.append(m.group(1))
        pos = m.end()
    out.append(_strip_liquid(text[pos:]))
    return "".join(out)


def _strip_liquid(text: str) -> str:
    """Liquid dropped. A page with Liquid tags ({% ... %}) is a Jekyll page: Liquid runs everywhere
    in it, code included, as Jekyll runs it. Elsewhere a {{...}} is only dropped outside code
    (in code it is what the note shows: a template placeholder, a Logseq macro's syntax)."""
    if "{%" in text:
        return _strip_liquid_all(text)
    return outside_code(text, _strip_liquid_all) if "{{" in text else text


_MD = None


def _markdown():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        from mdit_py_plugins.dollarmath import dollarmath_plugin

        # $maths$ is read as written (no markdown escapes inside it); pandoc's rules, so "$5 or $15"
        # stays text
        _MD = (MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(front_matter_plugin)
               .use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True))
    return _MD


def inline_text(token, render: Callable[[str], str] | None = None) -> str:
    """Plain text of an inline token: link and emphasis markup dropped, HTML dropped.

    render (markup.Inline.render) turns Obsidian and Logseq syntax in the text into what a
    reader sees; code spans are never passed to it. Adjacent text pieces are rendered
    together, so a [[link]] the parser cut in two is still read as one."""
    out: list[str] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            joined = "".join(prose)
            out.append(render(joined) if render is not None else joined)
            prose.clear()

    for child in token.children or []:
        t = child.type
        if t == "text":
            prose.append(child.content)
        elif t == "code_inline":
            flush()
            out.append(child.content)
        elif t in ("math_inline", "math_inline_double"):
            flush()
            mark = "$$" if t == "math_inline_double" else "$"
            out.append(f"{mark}{child.content}{mark}")
        elif t in ("softbreak", "hardbreak"):
            prose.append("\n")
        elif t == "image" and not (child.content or "").lower().endswith(ATTACHMENT_SUFFIXES):
            prose.append(child.content or "")  # its alt text, unless that is only its file name
    flush()
    return "".join(out)


def clean(text: str) -> str:
    """Fold whitespace for display."""
    return " ".join(text.split())


def _front_matter(raw: str, rel: str) -> tuple[dict, Problem | None]:
    import yaml

    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        return {}, Problem(rel, "repaired", f"broken YAML front matter{where}; indexed the body without it")
    except ValueError as exc:  # a value YAML reads but cannot make, such as date: 2024-02-30
        return {}, Problem(rel, "repaired", f"front matter has an impossible value ({exc}); indexed the body "
                                            "without it")
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return {}, Problem(rel, "repaired", "front matter is not a mapping; indexed the body without it")
    return data, None


def _as_date(value) -> str | None:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
    return None


def _as_list(value) -> tuple[str, ...]:
    """A front-matter value that may be one string, a comma list or a YAML list, as strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, (list, tuple, set)):
        parts = [str(v) for v in value if v is not None]
    else:
        parts = [str(value)]
    return _unique(parts)


def _unique(names, fold: bool = False) -> tuple[str, ...]:
    """Names without quotes, [[ ]] or (fold) a leading # and case, once each, in order."""
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip().strip('"').strip()
        if fold:
            name = name.lstrip("#").casefold()
        if name.startswith("[[") and name.endswith("]]"):
            name = name[2:-2]
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def _as_tags(meta: dict, inline_tags=()) -> tuple[str, ...]:
    """Front-matter tags (tags, tag, categories, category), then the #tags in the text. A nested
    #a/b tag is also tag a, as Obsidian's tag search has it."""
    tags: list[str] = []
    for key in ("tags", "tag", "categories", "category"):
        value = meta.get(key)
        if isinstance(value, str):
            tags += re.split(r"[,\s]+", value)
        elif isinstance(value, (list, tuple)):
            tags += [str(v) for v in value if v is not None]
    for t in inline_tags:
        tags.append(t)
        tags += ["/".join(t.split("/")[:i]) for i in range(1, t.count("/") + 1)]
    return _unique(tags, fold=True)


_DATE_STEM = re.compile(r"^(\d{4})[-_](\d{2})[-_](\d{2})$")  # a daily note: 2024-05-01.md, 2024_05_01.md


def note_date(value, rel: str) -> str | None:
    """The note's date: front matter's, else a YYYY-MM-DD- file-name prefix, else a daily note's name."""
    date = _as_date(value) if value is not None else None
    if date is None:
        name = Path(rel).name
        m = _DATE_PREFIX.match(name) or _DATE_STEM.match(Path(rel).stem)
        if m:
            date = _as_date(f"{m[1]}-{m[2]}-{m[3]}")
    return date


_SYNTAX_CHARS = re.compile(r"[\s#*_`>|\[\]=~-]+")
_LINK_URL = re.compile(r"\]\([^)\s]*\)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def visible_chars(text: str) -> int:
    """Characters that are text, not markup or space: what coverage counts on both sides."""
    return len(_SYNTAX_CHARS.sub("", _LINK_URL.sub("]", text)))


_FILE_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")


def _no_file_images(text: str) -> str:
    return _FILE_IMAGE.sub(lambda m: "" if m.group(1).lower().endswith(ATTACHMENT_SUFFIXES) else m.group(1), text)


_EMBED_LINES = re.compile(r"^[ \t>*+-]*(?:!\[\[[^\[\]\n]+\]\]|\{\{\{?\s*embed\s[^\n]*\}\}\}?)[ \t]*$", re.M)


def text_chars(body: str) -> int:
    """Characters of notes text in markdown as a reader sees it: markup, a picture's file name,
    embeds (another note's text) and white space not counted (what coverage compares the
    chunks' characters with)."""
    def reader(part: str) -> str:
        return Inline().render(_no_file_images(_EMBED_LINES.sub("", part)))

    return visible_chars(outside_code(body, reader))


def _text_chars(text: str) -> int:
    """Characters of notes text in a markdown note (its front matter left out)."""
    return text_chars(strip_non_content(_FRONT_MATTER.sub("", text, count=1)))


def _title_from_filename(rel: str) -> str:
    """A note's name from its file: `2024-01-05-my-trip.md` reads "My trip" (a slug), a name
    written with spaces (`Week 1 - Intro.md`, as Obsidian names notes) reads as written."""
    stem = _DATE_PREFIX.sub("", Path(rel).stem)
    if " " in stem.strip() or stem != stem.lower():
        return stem.strip()  # named by hand (Minimax-Q, NP-Complete), not a slug
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else rel


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def last_sentence(text: str) -> str:
    parts = [p for p in _SENTENCE_END.split(clean(text)) if p.strip()]
    return parts[-1] if parts else ""


LABEL_CHARS = 80
_LABEL_END = re.compile(r"[.!]['\")\]]*$")


def _is_label(unit: Unit | None, inline) -> bool:
    """A short one-line paragraph that is not a sentence, right before a list, names that list
    ("Pros", "How DynamoDB uses DNS", "Why?"): its bullets mean what they mean under it, as
    under a parent bullet or a heading. A line that is only a link ("[YouTube](...)") is not."""
    if unit is None or unit.kind != "paragraph" or unit.depth:
        return False
    text = clean(unit.text)
    if not (0 < len(text) <= LABEL_CHARS and "\n" not in unit.text.strip() and not _LABEL_END.search(text)):
        return False
    return not _only_link(inline)


def _only_link(inline) -> bool:
    depth, outside = 0, ""
    for child in getattr(inline, "children", None) or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif depth == 0 and child.type in ("text", "code_inline"):
            outside += child.content
    return not outside.strip(" \t:-–—|")


def _label_text(text: str) -> str:
    """A label as a parent: "Cons:" reads "Cons" in a breadcrumb."""
    return clean(text).rstrip(" :")


LONG_INDENTED = 300  # an indented code block this long is likely prose indented by mistake: say so
CALLOUT = re.compile(r"^\[!([\w-]+)\]([+-]?)[ \t]*")
# a paragraph that is only an embed: ![[note]] (Obsidian) or {{embed ...}} (Logseq)
EMBED_LINE = re.compile(r"^[ \t]*(?:!\[\[([^\[\]\n]+)\]\]|\{\{\{?\s*embed\s+(.+?)\s*\}\}\}?)[ \t]*$")


class EmbedSource(Protocol):  # noqa: D101 - what the walker asks of the vault for an embed
    def embed(self, spec: str, from_path: str) -> "Embedded | None": ...


@dataclass(frozen=True)
class Embedded:
    """The units an embed shows, relative to themselves (depth from 0, parents inside the copy)."""

    label: str  # where they come from: "Note", "Note > Heading"
    units: tuple[Unit, ...]  # empty for a picture or attachment: nothing to read


class _Walker:
    """markdown-it tokens -> units, appended to one note's list.

    Plain markdown feeds it one whole note. A Logseq page feeds it one block at a time,
    with the block's ancestors already open as list items (see logseq.py), so a block is
    a bullet whatever its indentation, and markdown inside a block reads as it does anywhere.
    """

    def __init__(self, path: str, inline: Inline, vault: EmbedSource | None = None):
        self.path = path
        self.inline = inline
        self.vault = vault
        self.units: list[Unit] = []
        self.block_ids: dict[str, int] = {}
        self.id_titles: dict[str, str] = {}
        self.headings: list[tuple[int, str]] = []
        self.outline = False  # Logseq: the page's outline decides which headings are open
        self.keep_lines = False  # Logseq: a block shows its line breaks
        self.items: list[dict] = []  # open list items, innermost last
        self.containers: list[str] = []  # "li" / "blockquote", innermost last
        self.callouts: list[tuple[int, str, int]] = []  # (quote level, title, bullets above it)
        self.first_h1: str | None = None
        self.last_para: Unit | None = None  # the paragraph right before the current block, for code intros
        self.last_inline = None  # the inline token of last_para, to tell a link-only line from a label
        self.label: int | None = None  # a short line that names the list under it, e.g. "Pros"
        self.lists: list[list[int]] = []  # open lists, innermost last: [next number] if ordered, [] if not
        self.table: dict | None = None
        self.line_offset = 0  # a Logseq block is parsed alone: its first line in the file
        self.quote_start = False  # the next paragraph is the first of a blockquote (a callout's marker)
        self.lost: list[str] = []  # text the parser could not read as notes text
        self.heading_chars = 0
        self.h1_count = 0

    # -- where the current block sits

    def heading_path(self) -> tuple[str, ...]:
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

    def _line(self, tok) -> tuple[int, int]:
        line = (tok.map[0] + 1 if tok.map else 1) + self.line_offset
        return line, (tok.map[1] + self.line_offset if tok.map else line)

    def _text(self, inline, line: int = 0) -> str:
        self.inline.line = line
        return inline_text(inline, self.inline.render)

    def _add(self, unit: Unit) -> int:
        self.units.append(unit)
        idx = len(self.units) - 1
        for block_id in self.inline.take_ids():
            self.block_ids.setdefault(block_id, idx)
        return idx

    # -- tokens

    def walk(self, tokens) -> None:
        i, n = 0, len(tokens)
        while i < n:
            i = self._step(tokens, i)

    def _step(self, tokens, i: int) -> int:
        tok = tokens[i]
        t = tok.type
        if t not in ("paragraph_open", "blockquote_open"):
            self.quote_start = False  # a callout's marker is its quote's first line
        if t == "heading_open":
            self._heading(tok, tokens[i + 1] if i + 1 < len(tokens) else None)
            return i + 3
        if t == "paragraph_open" and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            self._paragraph(tok, tokens[i + 1])
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
        self.last_para = None

    def _list_open(self, tok) -> None:
        if not self.items and _is_label(self.last_para, self.last_inline):
            self.label = self.units.index(self.last_para)
        # numbered as the list renders: "1. 1. 1." reads 1, 2, 3; a list may start at 7
        ordered = tok.type == "ordered_list_open"
        start = tok.attrGet("start") if ordered else None
        self.lists.append([int(start) if str(start or "").isdigit() else 1] if ordered else [])
        self.last_para = None

    def _list_close(self, tok) -> None:
        self.lists.pop() if self.lists else None
        if not self.items:
            self.label = None

    def _item_open(self, tok) -> None:
        self.containers.append("li")
        marker = ""
        if self.lists and self.lists[-1]:
            marker = f"{self.lists[-1][0]}{tok.markup}"
            self.lists[-1][0] += 1
        line, end = self._line(tok)
        self.items.append({"line": line, "end": end, "unit": None, "marker": marker})

    def _item_close(self, tok) -> None:
        self.containers.pop() if self.containers else None
        self.items.pop() if self.items else None
        self.last_para = None

    def _quote_open(self, tok) -> None:
        self.containers.append("blockquote")
        self.quote_start = True

    def _quote_close(self, tok) -> None:
        level = self.containers.count("blockquote")
        self.callouts = [c for c in self.callouts if c[0] < level]
        self.containers.pop() if self.containers else None
        self.quote_start = False

    def _paragraph(self, tok, inline) -> None:
        callout_start, self.quote_start = self.quote_start, False
        if self._embed(inline, self._line(tok)):
            return
        line, end = self._line(tok)
        raw = self._text(inline, line)
        keep_lines = False
        if callout_start:
            raw, line, keep_lines = self._callout(raw, line)
        keep_lines = keep_lines or self.keep_lines
        txt = "\n".join(clean(ln) for ln in raw.splitlines() if ln.strip()) if keep_lines else clean(raw)
        if not txt:
            self.inline.take_ids()
            return
        thin = _only_link(inline)
        if self.containers and self.containers[-1] == "li" and self.items:
            self._bullet_text(txt, end, keep_lines, thin)
            return
        kind = "quote" if "blockquote" in self.containers else "paragraph"
        parent_idx, chain = self.enclosing()
        u = Unit(kind, raw.strip(), line, end, self.heading_path(), chain, depth=len(self.items), parent=parent_idx,
                 keep_lines=keep_lines, thin=thin)
        self._add(u)
        self.last_para, self.last_inline = u, inline

    def _bullet_text(self, txt: str, end: int, keep_lines: bool = False, thin: bool = False) -> None:
        item = self.items[-1]
        if item["unit"] is None:
            parent_idx, chain = self.enclosing()
            item["unit"] = self._add(Unit("bullet", txt, item["line"], end, self.heading_path(), chain,
                                          depth=len(self.items), parent=parent_idx, marker=item["marker"],
                                          keep_lines=keep_lines, thin=thin))
        else:
            u = self.units[item["unit"]]
            u.thin = u.thin and thin
            u.text = f"{u.text}\n{txt}"
            u.end_line = end
            for block_id in self.inline.take_ids():
                self.block_ids.setdefault(block_id, item["unit"])
        self.last_para = self.units[item["unit"]]

    def _callout(self, raw: str, line: int) -> tuple[str, int, bool]:
        """An Obsidian callout's first paragraph: "[!type] Title" then its body. The marker is not
        text; the title heads the callout's body (as a parent does), the body keeps its lines."""
        first, _, body = raw.partition("\n")
        m = CALLOUT.match(first)
        if m is None:
            return raw, line, False
        written = clean(first[m.end():])
        title = written or m.group(1).capitalize()
        if not body.strip() and written:
            return title, line, True  # a callout of one line: its title is all it says
        n_above = sum(1 for it in self.items if it["unit"] is not None)
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
        parent_idx, chain = self.enclosing()
        chain = (*chain, got.label)
        base, depth = len(self.units), len(self.items)
        for u in got.units:
            parent = base + u.parent if u.parent is not None else parent_idx
            self.units.append(Unit(u.kind, u.text, where[0], where[1], self.heading_path(), (*chain, *u.parents),
                                   depth=depth + u.depth, parent=parent, intro=u.intro, marker=u.marker,
                                   keep_lines=u.keep_lines, origin=u.origin, thin=u.thin))
        self.last_para = None
        return True

    def _code(self, tok) -> None:
        code = tok.content.rstrip("\n")
        if code.strip():
            line, end = self._line(tok)
            if tok.type == "code_block" and len(code) > LONG_INDENTED and not self.outline:
                self.lost.append(f"an indented block of {len(code)} characters at line {line} is read as code "
                                 "(only its start is indexed; indent it less to make it text)")
            intro = last_sentence(self.last_para.text) if self.last_para is not None else ""
            parent_idx, chain = self.enclosing()
            self.units.append(Unit("code", code, line, end, self.heading_path(), chain, depth=len(self.items),
                                   parent=parent_idx, intro=intro))
        self.last_para = None

    def _table_open(self, tok) -> None:
        self.table = {"header": [], "row": [], "in_head": False, "line": 1}

    def _table_close(self, tok) -> None:
        self.table = None
        self.last_para = None

    def _reset_para(self, tok) -> None:
        self.last_para = None

    def _math(self, tok) -> None:
        """A $$ maths block: part of the prose around it, as written."""
        maths = tok.content.strip()
        if not maths:
            return
        line, end = self._line(tok)
        parent_idx, chain = self.enclosing()
        kind = "quote" if "blockquote" in self.containers else "paragraph"
        self.last_para = self.units[self._add(Unit(kind, f"$${maths}$$", line, end, self.heading_path(), chain,
                                                   depth=len(self.items), parent=parent_idx))]

    def _html(self, tok) -> None:
        self.last_para = None
        words = re.sub(r"<[^>]*>", " ", tok.content)
        if len(clean(words)) > LONG_INDENTED // 4:
            self.lost.append(f"an HTML block at line {self._line(tok)[0]} is not indexed")

    def _thead(self, tok) -> None:
        self.table["in_head"] = tok.type == "thead_open"

    def _tr_open(self, tok) -> None:
        self.table["row"] = []
        self.table["line"] = self._line(tok)[0]

    def _cell(self, tok) -> None:
        self.table["row"].append(clean(self._text(tok, self.table["line"])))

    def _tr_close(self, tok) -> None:
        table = self.table
        if table["in_head"]:
            table["header"] = table["row"]
        elif any(table["row"]):
            hdr = table["header"]
            cells = [f"{hdr[j]}: {c}" if j < len(hdr) and hdr[j] else c for j, c in enumerate(table["row"]) if c]
            _, chain = self.enclosing()
            self._add(Unit("table_row", " | ".join(cells), table["line"], table["line"], self.heading_path(), chain,
                           depth=len(self.items)))

    _HANDLERS = {
        "bullet_list_open": _list_open, "ordered_list_open": _list_open,
        "bullet_list_close": _list_close, "ordered_list_close": _list_close,
        "list_item_open": _item_open, "list_item_close": _item_close,
        "blockquote_open": _quote_open, "blockquote_close": _quote_close,
        "fence": _code, "code_block": _code, "table_open": _table_open, "table_close": _table_close,
        "hr": _reset_para, "html_block": _html, "math_block": _math, "math_block_label": _math,
    }
    _TABLE = {"thead_open": _thead, "thead_close": _thead, "tr_open": _tr_open, "inline": _cell,
              "tr_close": _tr_close}


def parse_note(text: str, rel: str, vault: "Vault | None" = None) -> ParsedNote:
    """Parse a note into a ParsedNote. Never raises on odd markdown.

    A Logseq page (in a Logseq graph, or a note written as one) is read as an outline;
    anything else as markdown, with Obsidian's syntax read the way Obsidian shows it.
    vault resolves links, block references and embeds to other notes (without it they
    read as their names, and references to blocks elsewhere are not found).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    from . import logseq

    if vault is not None and (vault.logseq or vault.obsidian):
        outline = vault.logseq
    else:
        outline = logseq.looks_like_outline(text)
    if outline:
        return logseq.parse_page(text, rel, vault)
    return _parse_markdown(text, rel, vault)


_TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)


def _escape_table_links(text: str) -> str:
    """[[note|alias]] in a table row written as Obsidian allows, without escaping its | (the
    markdown table would split the link into two cells)."""
    if "[[" not in text or "|" not in text:
        return text

    def row(m: re.Match) -> str:
        return WIKILINK.sub(lambda w: w.group(0).replace("\\|", "|").replace("|", "\\|"), m.group(0))

    return outside_code(text, lambda part: _TABLE_LINE.sub(row, part))


_SPACED_TARGET = re.compile(r"(\]\()([^()<>\n]*\s[^()<>\n]*\.(?:png|jpe?g|gif|svg|webp|bmp|pdf|md|markdown))\)", re.I)


def _spaced_targets(text: str) -> str:
    """![pic](../images/IO device.png): a link target with spaces, as Obsidian writes them, read as
    <...> (CommonMark otherwise shows the whole link as text)."""
    if "](" not in text:
        return text
    return outside_code(text, lambda part: _SPACED_TARGET.sub(r"\1<\2>)", part))


_FIELDS_ON_TOP = re.compile(r"\A(?:(?:---\n.*?\n---[ \t]*\n)?)((?:[ \t]*[A-Za-z][\w.\-/?]*::[^\n]*\n|[ \t]*\n)+)",
                            re.S)


def _fields_on_top(text: str) -> str:
    """`status:: active` lines (Dataview fields) at the top of a note are metadata, not text: blanked,
    every line kept where it was."""
    m = _FIELDS_ON_TOP.match(text) if "::" in text else None
    if m is None or not m.group(1).strip():
        return text
    return text[:m.start(1)] + "\n" * m.group(1).count("\n") + text[m.end(1):]


def _parse_markdown(text: str, rel: str, vault) -> ParsedNote:
    problem = None
    text = _fields_on_top(text)
    tokens = _markdown().parse(_spaced_targets(_escape_table_links(strip_non_content(text))))
    meta: dict = {}
    if tokens and tokens[0].type == "front_matter":
        meta, problem = _front_matter(tokens[0].content, rel)
        tokens = tokens[1:]
    inline = Inline(rel, vault)
    walker = _Walker(rel, inline, vault)
    walker.walk(tokens)
    inline.lost.extend(walker.lost)
    # paragraphs kept their soft line breaks until here so callers can map sentences to lines
    title = meta.get("title")
    if title not in (None, ""):
        title = clean(str(title))
    elif walker.first_h1 and walker.h1_count == 1 and " " not in Path(rel).stem.strip():
        title = walker.first_h1  # a file named with spaces is named by hand, as Obsidian names notes
    else:
        title = _title_from_filename(rel)
    date = note_date(meta.get("date") if meta.get("date") is not None else meta.get("created"), rel)
    return ParsedNote(rel, title, _as_tags(meta, inline.tags), date, walker.units,
                      problem, aliases=_as_list(meta.get("aliases", meta.get("alias"))), block_ids=walker.block_ids,
                      lost=tuple(inline.lost), text_chars=_text_chars(text), heading_chars=walker.heading_chars)
