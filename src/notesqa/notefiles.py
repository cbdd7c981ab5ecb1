"""Note files: find the markdown files of a notes folder and read each one defensively.

Nothing here raises for a bad file: a file that cannot be used is a Problem (skipped or
repaired, and why), which builds count and report.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable
from pathlib import Path

from .config import CANVAS_SUFFIX, MAX_NOTE_BYTES, NOTE_SUFFIXES, TEXT_NOTE_SUFFIX
from .wording import counted

# --------------------------------------------------------------------------- names


def nfc(text: str) -> str:
    """Text as one form of Unicode: macOS writes "é" in file names (and some editors in text) as "e"
    and a combining accent (NFD), what people type is one character (NFC); names, tags and paths
    compare equal only in one form."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Notion's export names a page "Title <32 hex digits>" (its file and its sub-pages' folder) and puts the whole
# export in "Export-<uuid>": a reader knows the page as "Title", and the export's folder by no name at all
_NOTION_ID = re.compile(r"[ _]+[0-9a-f]{32}$")
_NOTION_EXPORT = re.compile(r"^Export-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$", re.IGNORECASE)


def readable_name(name: str) -> str:
    """A file's or folder's name as a person reads it: Notion's id after a page's title left out
    ("Interviews 023c87b8295f4780ce47de47b22ae1e7" -> "Interviews"); "" for Notion's "Export-<uuid>"."""
    if _NOTION_EXPORT.match(name):
        return ""
    return _NOTION_ID.sub("", name) or name


def readable_path(path: str) -> str:
    """A relative path as a person reads it: each part by readable_name, an extension kept, Notion's
    export folder left out ("Export-<uuid>/Hub <id>/Journal <id>" -> "Hub/Journal"). The path itself
    (a hit's, a link's) stays the file's."""
    if "-" not in path and not re.search(r"[0-9a-f]{32}", path):
        return path  # most notes: nothing to read otherwise
    parts = []
    for part in path.split("/"):
        stem, dot, ext = part.rpartition(".") if part.lower().endswith(NOTE_SUFFIXES) else (part, "", "")
        name = readable_name(stem)
        if name:
            parts.append(name + dot + ext)
    return "/".join(parts)


def in_notion_export(rel: str) -> bool:
    """Is the note a page of a Notion export (its file or a folder named with Notion's id)?"""
    return readable_path(rel) != rel


# a folder of notes no longer in use: "archive/", "Archives/", PARA's "4 Archive/" or "99 - Archive/", "_old/";
# a Docusaurus site's older versions, "versioned_docs/version-2.2/" (its docs/ are the current ones)
_ARCHIVED = re.compile(r"(?:^|/)(?:(?:\d+[ ._-]*)?_?(?:archived?|archives|old|attic|trash|deprecated)|versioned_docs)/",
                       re.IGNORECASE)


def archived(path: str, question: str = "", template: bool = False) -> bool:
    """Is the note in an archive folder, or an older version's docs the question does not name ("in 2.2")?
    Its old drafts repeat the notes in use, which come first. A template (in a folder named for templates, or named
    so itself, or a Logseq template block's content: template) is too, unless the question asks for a template: its
    empty "Contact:" is no answer (trial s55), but "my template for new clients" is (trial s56: left out, it had been
    found nowhere)."""
    if template or template_note(path):
        return _ASKS_TEMPLATE.search(question) is None
    if not _in_archive(path):
        return False
    version = _DOCS_VERSION.search(path)
    return version is None or re.search(rf"(?<![\w.])v?{re.escape(version.group(1))}(?!\w|\.\d)", question,
                                           re.IGNORECASE) is None


# ... or named as an old version itself: "Pricing (old 2026)", "Rota [superseded]", "Price list - outdated", "Menu OLD"
# (trial s82 E: last year's price list, "status: superseded", had come first for "what do i charge for a simple sa
# return"; not "Old Trafford", "How old is the boiler")
_OLD_NAME = re.compile(r"[(\[]\s*(?:(?:superseded|archived?|outdated|obsolete|deprecated)\b[^)\]]*|old(?:\s+(?:version|"
                       r"copy|draft|list|prices?))?(?:\s*[-–—,]?\s*(?:19|20)\d\d(?:[-/–]\d\d)?)?)\s*[)\]]"
                       r"|\s[-–—_]+\s*(?:old|superseded|archived|outdated|obsolete|deprecated)\s*$", re.IGNORECASE)
# ... or in capitals at its start or end, the rest not ("Menu OLD", "OLD - rota"; not "HOW OLD IS THE HOUSE", "Football -
# OLD TRAFFORD trip")
_OLD_CAPS = re.compile(r"^(?:OLD|SUPERSEDED|OUTDATED)[\s_-]+(?=.*[a-z])|(?<=[a-z])(?:[^A-Za-z]*)[\s_-](?:OLD|SUPERSEDED|OUTDATED)$")


# a note its front matter marks as no longer in use: "status: superseded", "archived: true"
_RETIRED_STATUS = frozenset({"superseded", "archived", "archive", "outdated", "obsolete", "deprecated", "retired",
                             "replaced", "old"})
_RETIRED_FLAGS = frozenset({"archived", "deprecated", "superseded", "obsolete", "outdated"})


def retired(properties: Iterable[tuple[str, str]], heading: str = "") -> bool:
    """Is a note marked as no longer in use by its properties ((key, value) in lower case: "status: superseded",
    "archived: true") or by the heading over all its text, named as an old version as a file name is ("# Hut price list
    2027 (OLD)": _OLD_NAME, _OLD_CAPS)? (trial s83 E: last year's price list, marked so both ways, had come first for
    "price of growmore", its file named "Price list 2027".)"""
    for key, value in properties:
        if key in ("status", "state") and value in _RETIRED_STATUS or key in _RETIRED_FLAGS and value in ("true", "yes"):
            return True
    return bool(heading) and (_OLD_NAME.search(heading) is not None or _OLD_CAPS.search(heading) is not None)


@lru_cache(maxsize=1 << 16)
def _in_archive(path: str) -> bool:
    """Is the note in an archive folder (_ARCHIVED), or named an old version (_OLD_NAME)? Read once a note:
    ranking.fuse asks archived() of a question's 160 candidates or so, most of them of a few notes."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return _ARCHIVED.search(path) is not None or _OLD_NAME.search(stem) is not None or _OLD_CAPS.search(stem) is not None


# a folder named for templates: "Templates/", "_templates/", "99 - Templates/"; a file named a template of a kind,
# "Daily template.md" (not Logseq's docs page "templates.md", about them)
_TEMPLATE_NAME = re.compile(r"(?:^|[\s_.-])templates?$", re.IGNORECASE)
_TEMPLATE_FILE = re.compile(r"\w[\s_.-]+template$", re.IGNORECASE)
_ASKS_TEMPLATE = re.compile(r"\btemplates?\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def template_note(path: str) -> bool:
    """Is the note a template (in a folder named for templates, or named so itself)?"""
    folder, _, name = path.rpartition("/")
    return any(_TEMPLATE_NAME.search(part) for part in folder.split("/") if part) or \
        _TEMPLATE_FILE.search(name.rsplit(".", 1)[0]) is not None


_DOCS_VERSION = re.compile(r"(?:^|/)versioned_docs/version-v?([\w.]+)/", re.IGNORECASE)


# --------------------------------------------------------------------------- problems


FOLDER, GONE, EMPTY = "folder", "gone", "empty"  # Problem.kind
EXCLUDED = "excluded"  # Problem.action for notes a vault's settings leave out (not "skipped": nothing is wrong)
NOT_READ = "not read"  # Problem.action for files of a kind notesqa does not read, counted in one Problem
TABLE_SUFFIX = ".csv"  # a database's table (Notion's export writes one beside its pages): said once, not read
# files of text that may be notes but are not read (plain text, org-mode, ...): counted by kind and said, so
# that years of .txt notes from a phone app are not missing without a word (trial V)
TEXT_SUFFIXES = (".org", ".rst", ".adoc", ".textile", ".rtf")
NOTES_READ = "only markdown (.md, .markdown, .mdown, ...), plain-text .txt and .canvas notes are read"
# .txt files that are a project's or a program's, not notes: counted and said, not read
# (a project's own by name: "requirements-dev.txt", "robots.txt"; or by the capitals projects write them in:
# "LICENSE.txt", "NOTICE.txt", where "Licence.txt" may be a note of one's driving licence, trial C)
_NOT_NOTES_TXT = re.compile(r"(?:(?i:requirements|constraints|robots|humans|cmakelists|llms)(?:[-_.][\w.-]*)?|"
                            r"(?:LICENSE|LICENCE|COPYING|NOTICE|AUTHORS|CONTRIBUTORS|THIRD[-_]PARTY[-_]NOTICES|SECURITY)"
                            r"(?:[-_.][\w.-]*)?)\.(?i:txt)$")
NOT_NOTES = ("not notes: a project's or program's file (requirements.txt, LICENSE.txt, robots.txt, ...), or an "
             "attachment (in assets/, attachments/, ...)")
# folders of a vault's attachments (Logseq's and Obsidian's assets/, Joplin's _resources/): a .txt there is one
_ATTACHMENT_FOLDERS = {"assets", "attachments", "attachment", "_resources", "resources", "media", "files"}


def _not_a_text_note(folder: str, name: str) -> bool:
    """Is a .txt file no note: a project's own (requirements.txt) or an attachment (assets/log.txt; folder: its
    folder in the notes folder)?"""
    if not name.lower().endswith(TEXT_NOTE_SUFFIX):
        return False
    return _NOT_NOTES_TXT.match(name) is not None or any(
        part.casefold() in _ATTACHMENT_FOLDERS for part in Path(folder).parts)


@dataclass(frozen=True)
class Problem:
    """A file that was skipped or repaired, and why. Builds count and report these."""

    path: str
    action: str  # "skipped", "repaired" or EXCLUDED
    reason: str
    # FOLDER: a folder that could not be listed; GONE: a file deleted while it was read; EMPTY. Not written to the
    # manifest, so not compared: a build that skips the same empty note again changes nothing (trial V)
    kind: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.action} {self.path}: {self.reason}"

    def to_dict(self) -> dict:
        """As reports and the manifest write it (its kind is the build's own business)."""
        return {"path": self.path, "action": self.action, "reason": self.reason}


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


def discover_notes(notes_dir: Path, exclude: list[Path] | tuple = (),
                   app_settings: bool = True) -> tuple[list[Path], list[Problem]]:
    """Note files (markdown, Obsidian canvases) under notes_dir, sorted; hidden folders and excluded folders skipped, and (with
    app_settings) the notes the app's settings leave out: an Obsidian vault's excluded files and templates, a
    Logseq graph's hidden paths (without_app_exclusions).

    Symlinked folders are followed once: a link back to an ancestor (or a second link to a
    folder already visited) is reported, not looped. A file link out of the notes folder (and
    of any folder linked into it) is reported and skipped: only notes inside it are read. A
    file or folder whose name is not valid UTF-8 is reported and skipped (its path could not
    be stored in the index). The .csv files (a database's tables, as Notion exports them) and files of text
    of other kinds (TEXT_SUFFIXES) are counted in one Problem (NOT_READ) of each suffix.
    Files are only listed here; reading them is read_note's job.
    """
    notes_dir = Path(notes_dir)
    excluded = {os.path.realpath(p) for p in exclude}
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[str] = set()

    def onerror(err: OSError) -> None:
        problems.append(Problem(_printable_name(_rel(Path(err.filename or "?"), notes_dir)), "skipped",
                                f"cannot list folder ({err.strerror or err})", FOLDER))

    not_read: dict[str, int] = {}  # suffix -> files of it not read
    not_notes: list[str] = []  # the .txt files that are no notes, named (one may be a note the rule misreads)
    for root, dirs, files in os.walk(notes_dir, followlinks=True, onerror=onerror):
        real = os.path.realpath(root)
        if real in seen_dirs:
            problems.append(Problem(_rel(Path(root), notes_dir), "skipped", "symlink loop or second link to a folder (already visited)"))
            dirs[:] = []
            continue
        seen_dirs.add(real)
        dirs[:] = _folders_to_walk(notes_dir, root, real, dirs, excluded, problems)
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(NOTE_SUFFIXES) or _not_a_text_note(os.path.relpath(root, notes_dir), name):
                suffix = os.path.splitext(name)[1].lower()
                if not name.startswith(".") and suffix in (TABLE_SUFFIX, TEXT_NOTE_SUFFIX, *TEXT_SUFFIXES):
                    not_read[suffix] = not_read.get(suffix, 0) + 1
                    if suffix == TEXT_NOTE_SUFFIX:
                        not_notes.append(_rel(Path(root) / name, notes_dir))
                continue
            if not _utf8_name(name):
                problems.append(Problem(_printable_name(_rel(Path(root) / name, notes_dir)), "skipped",
                                        "file name is not valid UTF-8: rename it to index it"))
                continue
            path = Path(root) / name
            if os.path.islink(path) and os.path.exists(path) and not inside_notes(notes_dir, _rel(path, notes_dir)):
                problems.append(Problem(_rel(path, notes_dir), "skipped", "links to a file outside the notes folder"))
                continue
            found.append(path)
    for suffix, n in sorted(not_read.items()):  # a table is no note: said once, for what its rows say is in its pages
        hint = "" if suffix == TABLE_SUFFIX else " (rename a note to .md to index it)"
        why = NOT_NOTES if suffix == TEXT_NOTE_SUFFIX else NOTES_READ + hint
        named = f" ({', '.join(sorted(not_notes)[:3])}{', ...' if n > 3 else ''})" if suffix == TEXT_NOTE_SUFFIX else ""
        problems.append(Problem(counted(n, suffix + " file") + named, NOT_READ, why))
    found.sort(key=lambda p: _rel(p, notes_dir))
    found = _without_sync_copies(notes_dir, _one_path_per_file(notes_dir, found, problems), problems)
    if app_settings:
        found, _ = without_app_exclusions(notes_dir, found, problems)
    return found, problems


# the files of an app's settings app_exclusions reads: a change of them changes which notes are read
SETTINGS_FILES = (".obsidian/app.json", ".obsidian/templates.json", ".obsidian/plugins/templater-obsidian/data.json",
                  ".obsidian/daily-notes.json", ".obsidian/plugins/periodic-notes/data.json", "logseq/config.edn")


def app_exclusions(notes_dir: Path) -> dict[str, str]:
    """What the app's settings leave out of its search, path prefix -> why: an Obsidian vault's "Excluded
    files" (app.json's userIgnoreFilters; a /regex/ one is not read) and its templates folders (the core
    Templates plugin's, Templater's): a template's {{title}} and <% code %> are not notes; a Logseq graph's
    hidden folders and files (config.edn's :hidden)."""
    conf = Path(notes_dir) / ".obsidian"
    out: dict[str, str] = _logseq_hidden(notes_dir)
    for f in _json_object(conf / "app.json").get("userIgnoreFilters") or []:
        if isinstance(f, str) and f.strip(" /") and not (len(f) > 1 and f.startswith("/") and f.endswith("/")):
            out[f.strip().lstrip("/")] = "excluded in Obsidian's settings (Excluded files)"
    for path, key in ((conf / "templates.json", "folder"),
                      (conf / "plugins" / "templater-obsidian" / "data.json", "templates_folder")):
        folder = _json_object(path).get(key)
        if isinstance(folder, str) and folder.strip(" /"):
            out.setdefault(folder.strip(" /") + "/", "Obsidian's templates folder (templates, not notes)")
    for template in _note_templates(conf):
        out.setdefault(template, "the folder of the template Obsidian's daily or periodic notes are made from "
                                 "(templates, not notes)" if template.endswith("/") else
                       "the template Obsidian's daily or periodic notes are made from (not a note)")
    return out


def _note_templates(conf: Path) -> list[str]:
    """The templates the Daily notes and Periodic Notes settings name ("template": "Templates/Daily"), each as the
    folder it is in when that folder is named for templates ("Templates/"), else as its file (trial s55: with no
    templates.json, "Templates/Client.md" had answered with its empty "Contact:")."""
    named = [_json_object(conf / "daily-notes.json").get("template")]
    periodic = _json_object(conf / "plugins" / "periodic-notes" / "data.json")
    named += [v.get("template") for v in periodic.values() if isinstance(v, dict)]
    out = []
    for t in named:
        if not isinstance(t, str) or not t.strip(" /"):
            continue
        t = t.strip(" /")
        folder = t.rpartition("/")[0]
        out.append(folder + "/" if re.search(r"templates?\b", folder.rpartition("/")[2], re.IGNORECASE) else
                   t if t.lower().endswith(".md") else t + ".md")
    return out


def _logseq_hidden(notes_dir: Path) -> dict[str, str]:
    """A Logseq graph's :hidden paths (logseq/config.edn: `:hidden ["/archive" "/drafts/old.md"]`), which
    Logseq leaves out of the graph (trial F: a hidden folder's page had come first)."""
    try:
        edn = (Path(notes_dir) / "logseq" / "config.edn").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    edn = re.sub(r'^([^";]*(?:"[^"]*"[^";]*)*);.*$', r"\1", edn, flags=re.M)  # a comment's text is no setting
    m = re.search(r":hidden\s*\[([^\]]*)\]", edn)
    paths = re.findall(r'"([^"]+)"', m.group(1)) if m else []
    return {p.strip().strip("/"): "hidden in Logseq's config.edn (:hidden)" for p in paths if p.strip(" /")}


def shows_line_breaks(notes_dir: Path, rel: str) -> bool:
    """Does the app a note is written in show each of a paragraph's lines on its own line? Obsidian does
    unless its "Strict line breaks" setting is on; a plain-text note's app (nvALT, a phone's) does."""
    if rel.lower().endswith(TEXT_NOTE_SUFFIX):
        return True
    conf = Path(notes_dir) / ".obsidian"
    return conf.is_dir() and not _json_object(conf / "app.json").get("strictLineBreaks", False)


def _json_object(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def without_app_exclusions(notes_dir: Path, found: list[Path],
                                problems: list[Problem]) -> tuple[list[Path], list[Path]]:
    """(found without the notes the vault's settings exclude, those notes) (app_exclusions); said
    in problems, one line a setting ("excluded"). They are not indexed, but what embeds them still
    shows them, as in Obsidian."""
    exclusions = app_exclusions(notes_dir)
    if not exclusions:
        return found, []
    kept, excluded, left_out = [], [], {prefix: 0 for prefix in exclusions}
    for path in found:
        rel = _rel(path, notes_dir)
        prefix = next((p for p in exclusions if rel == p or rel.startswith(p if p.endswith("/") else p + "/")), None)
        if prefix is None:
            kept.append(path)
        else:
            excluded.append(path)
            left_out[prefix] += 1
    problems.extend(Problem(prefix, EXCLUDED, f"{why}: {counted(left_out[prefix], 'note')} not indexed")
                    for prefix, why in exclusions.items() if left_out[prefix])
    return kept, excluded


def inside_notes(notes_dir: Path, rel: str) -> bool:
    """Is the file at rel (a path under notes_dir) inside the notes folder once links are followed?
    A folder linked into the notes folder is part of it (discovery walks it), so a note in it is
    inside; a file link to elsewhere (notes/x.md -> ~/.ssh/key) is not."""
    root = Path(notes_dir)
    bases = [root.resolve()]
    here = root
    for part in Path(rel).parts[:-1]:
        here = here / part
        if here.is_symlink():
            bases.append(here.resolve())
    full = (root / rel).resolve()
    return any(base == full or base in full.parents for base in bases)


def logseq_settings(folder: Path) -> bool:
    """Is folder a Logseq graph's settings and backups folder (logseq/, its config.edn in it)? Never notes."""
    return folder.name == "logseq" and (folder / "config.edn").is_file()


def _folders_to_walk(notes_dir: Path, root: str, real: str, dirs: list[str], excluded: set[str],
                     problems: list[Problem]) -> list[str]:
    """The subfolders of root to walk into: not hidden, not excluded, not a Logseq settings folder,
    not a link back up, with a UTF-8 name (the rest reported)."""
    keep = []
    for d in sorted(dirs):
        full = os.path.join(root, d)
        real_d = os.path.realpath(full)
        if d.startswith(".") or real_d in excluded:
            continue
        if logseq_settings(Path(full)):
            continue  # a Logseq graph's settings and backups (logseq/bak/): not notes
        if real == real_d or real.startswith(real_d.rstrip(os.sep) + os.sep):
            # a link to this folder or one above it: following it would walk (at least) everything again
            problems.append(Problem(_rel(Path(full), notes_dir), "skipped", "symlink loop (links to a folder above it)"))
            continue
        if not _utf8_name(d):
            problems.append(Problem(_printable_name(_rel(Path(full), notes_dir)), "skipped",
                                    "folder name is not valid UTF-8: rename it to index its notes"))
            continue
        own = _own_path(notes_dir, full, real_d, excluded)
        if own is not None:  # its notes are read at their own path, not under the link (trial s38: whichever sorted
            problems.append(Problem(_rel(Path(full), notes_dir), EXCLUDED,  # first had hidden the other); nothing lost
                                    f"a link to the folder {own}/ of the notes, read at its own path"))
            continue
        keep.append(d)
    return keep


def _own_path(notes_dir: Path, full: str, real: str, excluded: set[str]) -> str | None:
    """The path in the notes folder of the folder a linked folder (full) points to, when the walk reads it there:
    inside the notes folder, in no hidden or excluded folder; else None (and the link is walked)."""
    if not os.path.islink(full):
        return None
    top = os.path.realpath(notes_dir)
    parts = os.path.relpath(real, top).split(os.sep)
    if any(p.startswith(".") for p in parts):  # (the notes folder itself ".", outside it "..", or a hidden folder)
        return None
    if any(os.path.join(top, *parts[:i]) in excluded for i in range(1, len(parts) + 1)):
        return None
    return "/".join(parts)


def _one_path_per_file(notes_dir: Path, found: list[Path], problems: list[Problem]) -> list[Path]:
    """A note reached through a file symlink and at its own path is one note: keep the path that
    is not a link (else the first), so no answer is shown twice; the others are reported."""
    by_real: dict[str, Path] = {}
    for path in found:
        real = os.path.realpath(path)
        kept = by_real.get(real)
        if kept is None or (os.path.islink(kept) and not os.path.islink(path)):
            by_real[real] = path
    if len(by_real) == len(found):
        return found
    keep = set(by_real.values())
    problems += [Problem(_rel(p, notes_dir), "skipped", f"same file as {_rel(by_real[os.path.realpath(p)], notes_dir)}")
                 for p in found if p not in keep]
    return [p for p in found if p in keep]


# the copies a sync service leaves beside a note when two devices changed it: Dropbox's (and Nextcloud's)
# "Note (conflicted copy 2023-04-02).md", "Note (Jane's conflicted copy).md", "Note (Case Conflict).md";
# Syncthing's "Note.sync-conflict-20230402-101112-ABCDEFG.md"; ownCloud's "Note_conflict-20230402-101112.md"
# ... and git mergetool's copies of a note being merged: "Note_LOCAL_4242.md", _REMOTE_, _BASE_, _BACKUP_ (trial s39)
_CONFLICT_COPY = re.compile(r"^(.+?)(?: \((?:[^()]*'s )?conflicted copy[^()]*\)| \((?:[^()]* )?case conflict[^()]*\)"
                            r"|\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?|_conflict-\d{8}-\d{6}"
                            r"|_(?-i:LOCAL|REMOTE|BASE|BACKUP)_\d+)(\.[^.]+)$", re.IGNORECASE)
# ... and the copy iCloud or the Finder makes of a note: "Note 2.md", the same text as "Note.md"
_NUMBERED_COPY = re.compile(r"^(.+) [2-9](\.[^.]+)$")


def _without_sync_copies(notes_dir: Path, found: list[Path], problems: list[Problem]) -> list[Path]:
    """The notes without the conflict copies sync services leave beside a note that is there (and the
    numbered copies with its very text), each reported as skipped: they would show a note's old text as
    an equal answer, or its text twice (trial V). A copy whose note is gone is the note: kept."""
    names = {p.as_posix().casefold() for p in found}
    out = []
    for path in found:
        conflict = _CONFLICT_COPY.match(path.name)
        numbered = None if conflict else _NUMBERED_COPY.match(path.name)
        m = conflict or numbered
        original = path.with_name(m.group(1) + m.group(2)) if m else None
        if original is None or original.as_posix().casefold() not in names or _empty(original):
            out.append(path)  # (a copy beside an empty note is what is left of it: trial W)
        elif conflict is not None:
            problems.append(Problem(_rel(path, notes_dir), "skipped", f"a conflict copy of {_rel(original, notes_dir)} "
                                    "(a sync service's or a merge tool's): keep one version and delete the copy to "
                                    "index it"))
        elif (same := _sameness(path, original)) is not None:
            problems.append(Problem(_rel(path, notes_dir), "skipped", f"a copy of {_rel(original, notes_dir)} with "
                                    f"{same} text" + ("" if same == "the same" else ": keep one version to index it")))
        else:
            out.append(path)  # "Chapter 2.md" beside "Chapter.md": another note
    return out


COPY_LIKENESS = 0.8  # a numbered copy whose lines are this much its note's is a copy (one of them edited since)
COPY_EDITS = 2  # ... with at most this many lines changed: notes of one template differ in more (trial W)


def _sameness(copy: Path, original: Path) -> str | None:
    """"the same" when copy's bytes are original's, "nearly the same" when all but a line or two are (one of
    the two edited since it was copied); None when it is another note (or either cannot be read or is empty)."""
    import difflib

    try:
        a, b = copy.read_bytes(), original.read_bytes()
    except OSError:
        return None
    if not a.strip():
        return None  # an empty note is no copy of anything ("Untitled 3.md"): skipped as empty
    if a == b:
        return "the same"
    if min(len(a), len(b)) < COPY_LIKENESS * max(len(a), len(b)):
        return None
    lines = difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False)
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in lines.get_opcodes() if op != "equal")
    return "nearly the same" if lines.ratio() >= COPY_LIKENESS and edits <= COPY_EDITS else None


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0 or not path.read_bytes().strip()
    except OSError:
        return False


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


def _not_utf8(data: bytes, first_bad: int) -> tuple[str, str]:
    """(text, note) for bytes that are not valid UTF-8. A UTF-8 note with a few bad bytes (a
    character cut off by a copy or a sync) stays UTF-8, each bad byte shown as U+FFFD: read as
    cp1252, every accent and curly quote of the note would turn into mojibake ("â€œ"). A note
    with no UTF-8 sequence at all is in a legacy encoding: Windows-1252, else Latin-1."""
    where = f" (first bad byte at offset {first_bad})"
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if wide and wide >= bad:
        return text, f"not valid UTF-8{where}: {counted(bad, 'broken character')} shown as \ufffd"
    *others, last = FALLBACK_ENCODINGS
    for enc in others:
        try:
            return data.decode(enc), f"not valid UTF-8{where}, decoded as {enc}"
        except UnicodeDecodeError:
            continue
    # Latin-1 decodes any bytes; its C1 controls (0x80-0x9f) are no text's, so the ones Windows-1252 has a character
    # for read as that ("“Quoted” ... 5 €" with one stray 0x81 byte: the review, they had turned invisible)
    return data.decode(last).translate(_CP1252_C1), f"not valid UTF-8{where}, decoded as {last}"


_CP1252_C1 = {b: ch for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))}


# what a file of another format opens with, whatever its name: a picture, a PDF, an archive renamed ".md" reads as a
# page of Latin-1 (trial s50: a JPEG without NUL bytes in its first 8 KB had been a note "ÿØÿà...")
_SIGNATURES = ((b"\xff\xd8\xff", "a JPEG picture"), (b"\x89PNG\r\n\x1a\n", "a PNG picture"), (b"GIF87a", "a GIF picture"),
               (b"GIF89a", "a GIF picture"), (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive or Office document"),
               (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"OggS", "an Ogg file"), (b"ID3", "an MP3 file"))


def decode_note(data: bytes) -> tuple[str | None, str | None]:
    """(text, note) for raw bytes; text is None when the file is not a text note.

    UTF-8 (with or without BOM) first, a few bad bytes in it replaced; UTF-16 when it starts
    with a UTF-16 byte-order mark; otherwise Windows-1252, and Latin-1 as the fallback that
    always decodes. The note says what was repaired (None for plain UTF-8). A file that is mostly
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
        return nfc(text), "UTF-16 text, decoded as UTF-16"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)"
    if kind := next((what for start, what in _SIGNATURES if data.startswith(start)), None):
        return None, f"binary file ({kind}, not text)"
    try:
        text = data.decode("utf-8-sig")
        note = None
    except UnicodeDecodeError as exc:
        text, note = _not_utf8(data, exc.start)
    if _mostly_controls(text):
        return None, "binary file (not text)"
    if note and note.endswith(FALLBACK_ENCODINGS) and _not_a_legacy_text(text):
        return None, "binary file (not text in UTF-8, Windows-1252 or Latin-1)"
    return nfc(text), note


def _not_a_legacy_text(text: str) -> bool:
    """Is a text decoded as Windows-1252 or Latin-1 no note of those? Such a note is mostly ASCII, accents and curly
    quotes here and there (a Mac Roman note's too, misread: its words still found); bytes of no text read as a page of
    accents and Latin-1's invisible controls (trial s53: random bytes renamed ".md" had been indexed as mojibake, its
    "words" in the spelling list)."""
    sample = text[:4096]
    plain = sum(1 for ch in sample if " " <= ch <= "~" or ch in "\n\r\t")
    return len(sample) >= 200 and plain < len(sample) * 0.6  # (a few words may be all accents)


def read_note(path: Path, rel: str) -> tuple[str | None, Problem | None]:
    """Read one note; never raises for a bad file, returns a Problem instead.

    (text, None) for a good note, (text, repaired-Problem) for one decoded with a
    fallback, (None, skipped-Problem) for a file that cannot be used as a note (a canvas whose
    JSON is broken too).
    """
    try:
        size = path.stat().st_size
        if size > MAX_NOTE_BYTES:
            return None, Problem(rel, "skipped", f"too large ({size / 1e6:.1f} MB > {MAX_NOTE_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        if os.path.lexists(path):
            return None, Problem(rel, "skipped", "broken symlink (its target does not exist)")
        return None, Problem(rel, "skipped", "file disappeared while reading", GONE)
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
        return None, Problem(rel, "skipped", note or "unreadable", EMPTY if note == "empty file" else "")
    if not text.strip():
        return None, Problem(rel, "skipped", "empty note", EMPTY)
    if rel.lower().endswith(CANVAS_SUFFIX):
        from .canvas import unreadable  # a canvas is JSON: one that is not cannot be read at all

        why = unreadable(text)
        if why is not None:
            return None, Problem(rel, "skipped", why)
    text, conflict = without_conflict_markers(text)
    note = "; ".join(n for n in (note, conflict) if n)
    return text, Problem(rel, "repaired", note) if note else None


# git's markers around the two sides of a merge it could not make ("<<<<<<< HEAD", "=======", ">>>>>>> branch";
# "||||||| base" in diff3 style)
_CONFLICT = re.compile(r"^<{7}(?: .*)?\n(?:.*\n)*?(?:\|{7}(?: .*)?\n(?:.*\n)*?)?={7}\r?\n(?:.*\n)*?>{7}(?: [^\r\n]*)?\r?$",
                       re.MULTILINE)
_MARKER = re.compile(r"^(?:<{7}|\|{7}|>{7})(?: .*)?\r?$|^={7}\r?$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)  # a code fence's line: a conflict shown in one is an example


def _in_fence(text: str, at: int) -> bool:
    """Is text[at] inside a fenced code block (an odd number of fences before it: the review's note that shows a
    conflict as an example)?"""
    return len(_FENCE.findall(text, 0, at)) % 2 == 1


def without_conflict_markers(text: str) -> tuple[str, str | None]:
    """(text with a merge conflict's marker lines blank, both sides kept; what to say of it, or None): "=======" had
    made the line above it a heading, "<<<<<<< HEAD" a part of the breadcrumb (trial s39)."""
    if "<<<<<<<" not in text:
        return text, None
    found = [m for m in _CONFLICT.finditer(text) if not _in_fence(text, m.start())]
    if not found:
        return text, None
    for m in reversed(found):
        block = "\n".join(("\r" if line.endswith("\r") else "") if _MARKER.match(line) else line
                          for line in m.group(0).split("\n"))
        text = text[:m.start()] + block + text[m.end():]
    line = text.count("\n", 0, found[0].start()) + 1
    return text, (f"an unresolved merge conflict at line {line}" + (f" and {len(found) - 1} more" if len(found) > 1 else "")
                  + ": both sides indexed, its markers left out; resolve it")


def file_sha(text: str) -> str:
    """A note's text's fingerprint, as the manifest keeps it: equal text, equal note."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folder_prefix(folder: str) -> str:
    """A folder's notes' paths begin with this: "sub/" for sub, "" for the notes folder itself (".")."""
    folder = folder.strip("/")
    return "" if folder in ("", ".") else folder + "/"
