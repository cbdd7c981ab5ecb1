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

from .config import MARKDOWN_SUFFIXES, MAX_NOTE_BYTES

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


@dataclass
class ParsedNote:
    path: str  # relative to the notes folder, forward slashes
    title: str
    tags: tuple[str, ...]
    date: str | None  # ISO YYYY-MM-DD
    units: list[Unit] = field(default_factory=list)
    problem: Problem | None = None


_LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_LIQUID_OUT = re.compile(r"\{\{.*?\}\}", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
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


def _strip_liquid(text: str) -> str:
    text = _LIQUID_CAPTURE.sub(_capture, text)
    text = _LIQUID_TAG.sub(_liquid, text)
    return _LIQUID_OUT.sub(_blank_keep_lines, text)


def strip_non_content(text: str) -> str:
    """Remove Liquid tags and HTML comments, keeping every line where it was.

    Inside {% raw %} ... {% endraw %} Liquid is shown as written (it is the content)."""
    text = _HTML_COMMENT.sub(_blank_keep_lines, text)
    out, pos = [], 0
    for m in _LIQUID_RAW.finditer(text):
        out.append(_strip_liquid(text[pos:m.start()]))
        out.append(m.group(1))
        pos = m.end()
    out.append(_strip_liquid(text[pos:]))
    return "".join(out)


_MD = None


def _markdown():
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        _MD = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    return _MD


def inline_text(token) -> str:
    """Plain text of an inline token: link and emphasis markup dropped, HTML dropped."""
    out: list[str] = []
    for child in token.children or []:
        t = child.type
        if t in ("text", "code_inline"):
            out.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t == "image":
            out.append(child.content or "")
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


def _as_tags(meta: dict) -> tuple[str, ...]:
    tags: list[str] = []
    for key in ("tags", "tag", "categories", "category"):
        value = meta.get(key)
        if isinstance(value, str):
            tags += re.split(r"[,\s]+", value)
        elif isinstance(value, (list, tuple)):
            tags += [str(v) for v in value if v is not None]
    seen: dict[str, None] = {}
    for t in tags:
        t = t.strip().lstrip("#").casefold()
        if t:
            seen.setdefault(t, None)
    return tuple(seen)


def _title_from_filename(rel: str) -> str:
    stem = _DATE_PREFIX.sub("", Path(rel).stem)
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


def parse_note(text: str, rel: str) -> ParsedNote:
    """Parse markdown text into a ParsedNote. Never raises on odd markdown."""
    problem = None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    tokens = _markdown().parse(strip_non_content(text))

    meta: dict = {}
    if tokens and tokens[0].type == "front_matter":
        meta, problem = _front_matter(tokens[0].content, rel)
        tokens = tokens[1:]

    units: list[Unit] = []
    headings: list[tuple[int, str]] = []
    items: list[dict] = []  # open list items, innermost last
    containers: list[str] = []  # "li" / "blockquote", innermost last
    first_h1 = None
    last_para: Unit | None = None  # the paragraph right before the current block, for code intros
    table: dict | None = None
    i = 0
    n = len(tokens)

    def heading_path() -> tuple[str, ...]:
        return tuple(h for _, h in headings)

    label: int | None = None  # a short line that names the list under it, e.g. "Pros" or "How X uses DNS"
    last_inline = None  # the inline token of last_para, to tell a link-only line from a label
    lists: list[list[int]] = []  # open lists, innermost last: [next number] if ordered, [] if not

    def enclosing() -> tuple[int | None, tuple[str, ...]]:
        """The innermost bullet (or list label) around the current block, and the chain of parents
        (a list item whose unit is not made yet is not among them)."""
        above = [it["unit"] for it in items if it["unit"] is not None]
        chain = tuple(units[u].text for u in above)
        if label is not None:
            chain = (_label_text(units[label].text), *chain)
        return (above[-1] if above else label), chain

    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            level = int(tok.tag[1:])
            txt = clean(inline_text(tokens[i + 1])) if i + 1 < n else ""
            if level == 1 and first_h1 is None:
                first_h1 = txt
            while headings and headings[-1][0] >= level:
                headings.pop()
            if txt:
                headings.append((level, txt))
            last_para = None
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            if not items and _is_label(last_para, last_inline):
                label = units.index(last_para)
            # numbered as the list renders: "1. 1. 1." reads 1, 2, 3; a list may start at 7
            start = tok.attrGet("start") if t == "ordered_list_open" else None
            lists.append([int(start) if str(start or "").isdigit() else 1] if t == "ordered_list_open" else [])
            last_para = None
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop() if lists else None
            if not items:
                label = None
        elif t == "list_item_open":
            containers.append("li")
            marker = ""
            if lists and lists[-1]:
                marker = f"{lists[-1][0]}{tok.markup}"
                lists[-1][0] += 1
            items.append({"line": tok.map[0] + 1 if tok.map else 1, "end": tok.map[1] if tok.map else 1, "unit": None,
                          "marker": marker})
        elif t == "list_item_close":
            containers.pop() if containers else None
            items.pop() if items else None
            last_para = None
        elif t == "blockquote_open":
            containers.append("blockquote")
        elif t == "blockquote_close":
            containers.pop() if containers else None
        elif t == "paragraph_open" and i + 1 < n and tokens[i + 1].type == "inline":
            inline = tokens[i + 1]
            raw = inline_text(inline)
            txt = clean(raw)
            line = (tok.map[0] + 1) if tok.map else 1
            end = tok.map[1] if tok.map else line
            if txt:
                if containers and containers[-1] == "li" and items:
                    item = items[-1]
                    if item["unit"] is None:
                        parent_idx, chain = enclosing()
                        units.append(Unit("bullet", txt, item["line"], end, heading_path(), chain,
                                          depth=len(items), parent=parent_idx, marker=item["marker"]))
                        item["unit"] = len(units) - 1
                    else:
                        u = units[item["unit"]]
                        u.text = f"{u.text}\n{txt}"
                        u.end_line = end
                    last_para = units[item["unit"]]
                else:
                    kind = "quote" if "blockquote" in containers else "paragraph"
                    parent_idx, chain = enclosing()
                    u = Unit(kind, raw.strip(), line, end, heading_path(), chain, depth=len(items), parent=parent_idx)
                    units.append(u)
                    last_para, last_inline = u, inline
            i += 3
            continue
        elif t in ("fence", "code_block"):
            code = tok.content.rstrip("\n")
            if code.strip():
                line = (tok.map[0] + 1) if tok.map else 1
                end = tok.map[1] if tok.map else line
                intro = last_sentence(last_para.text) if last_para is not None else ""
                parent_idx, chain = enclosing()
                units.append(Unit("code", code, line, end, heading_path(), chain, depth=len(items),
                                  parent=parent_idx, intro=intro))
            last_para = None
        elif t == "table_open":
            table = {"header": [], "row": [], "in_head": False, "line": 1}
        elif t == "thead_open" and table is not None:
            table["in_head"] = True
        elif t == "thead_close" and table is not None:
            table["in_head"] = False
        elif t == "tr_open" and table is not None:
            table["row"] = []
            table["line"] = (tok.map[0] + 1) if tok.map else 1
        elif t == "inline" and table is not None:
            table["row"].append(clean(inline_text(tok)))
        elif t == "tr_close" and table is not None:
            if table["in_head"]:
                table["header"] = table["row"]
            elif any(table["row"]):
                hdr = table["header"]
                cells = [f"{hdr[j]}: {c}" if j < len(hdr) and hdr[j] else c for j, c in enumerate(table["row"]) if c]
                _, chain = enclosing()
                units.append(Unit("table_row", " | ".join(cells), table["line"], table["line"], heading_path(), chain,
                                  depth=len(items)))
        elif t == "table_close":
            table = None
            last_para = None
        elif t in ("hr", "html_block"):
            last_para = None
        i += 1

    # paragraphs kept their soft line breaks until here so callers can map sentences to lines
    title = meta.get("title")
    title = clean(str(title)) if title not in (None, "") else (first_h1 or _title_from_filename(rel))
    m = _DATE_PREFIX.match(Path(rel).name)
    date = _as_date(meta.get("date")) if meta.get("date") is not None else None
    if date is None and m:
        date = _as_date(f"{m[1]}-{m[2]}-{m[3]}")
    return ParsedNote(rel, title, _as_tags(meta), date, units, problem)
