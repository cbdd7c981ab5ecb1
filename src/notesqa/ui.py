"""The browser chat (Gradio). `ChatService` holds the logic and is tested without a browser;
`create_app` wires it into Gradio components; `launch` starts it with safe defaults
(127.0.0.1, analytics off, no share link unless asked, optional login).

What the page does:

* Chat: each question adds to the conversation (the history stays). An answer lists the
  top hits: the bullet (question words marked), its breadcrumb (note title > headings >
  parent bullets), its source (file:line, a link) and a relevance bar. "More context"
  under a hit unfolds its parent and siblings in place.
* Sources: clicking a source link shows the note rendered next to the chat, scrolled to
  and highlighting the bullet. Only notes that are in the index and inside the notes
  folder can be shown; any other path in a request is refused.
* Follow-ups ("and in 2023?", "what else about cells?") are searched together with the
  previous question, see `conversation.py`; the answer says what was searched.
* Controls: number of results, filters (tags, folders, date range), an index status
  panel, refresh/rebuild with a progress bar, example questions drawn from the notes.

Note text is untrusted: everything taken from a note is HTML-escaped before it is placed
in the page, notes are rendered with raw HTML disabled, unsafe links are dropped and
remote images are not loaded, so a note holding <script>, an onerror= attribute or a
javascript: link shows as text and runs nothing. No handler lets a traceback reach the
page: errors become one readable line.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import posixpath
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from .conversation import asks_for_more, followup_kind, standalone
from .errors import IndexNotFoundError, NotesQAError
from .hits import WEAK_SCORE
from .keywords import tokenize
from .query import TOP_LEVEL, TOP_LEVEL_NAME, parse_date
from .service import NotesService, status_info

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

log = logging.getLogger("notesqa.ui")

CSS = """
.nq-answer{font-size:0.97em}
.nq-hit{border-left:3px solid #6366f1;padding:6px 10px;margin:8px 0;background:rgba(99,102,241,.05);border-radius:4px}
.nq-text{white-space:pre-wrap}
.nq-n{display:inline-block;min-width:1.3em;padding:0 .25em;margin-right:.4em;border-radius:.65em;
  background:#e0e7ff;color:#3730a3;font-size:.8em;font-weight:600;text-align:center}
.nq-crumb{color:#4b5563;font-size:.85em;margin-top:4px}
.nq-meta{font-size:.82em;color:#374151;margin-top:3px}
.nq-meta a.nq-src{color:#047857;text-decoration:underline;cursor:pointer;font-weight:600}
.nq-bar{display:inline-block;width:60px;height:7px;background:#e5e7eb;border-radius:3px;vertical-align:middle;margin:0 4px}
.nq-bar>span{display:block;height:7px;background:#6366f1;border-radius:3px}
.nq-more{margin-top:4px;font-size:.88em}
.nq-more summary{cursor:pointer;color:#4f46e5}
.nq-ctx{margin:4px 0 2px 4px;padding:4px 8px;border-left:2px dashed #c7d2fe}
.nq-ctx div{white-space:pre-wrap}
.nq-ctx-hit{background:#fef08a;border-radius:2px}
.nq-ctx-line{color:#6b7280;font-size:.85em}
.nq-weak{color:#92400e;font-size:.9em;margin-bottom:6px}
.nq-followup{color:#4b5563;font-size:.85em;margin-bottom:4px}
.nq-state{padding:4px 0}
.nq-error{color:#b91c1c}
.nq-note-head{font-size:.9em;color:#374151;margin-bottom:6px}
.nq-note{max-height:640px;overflow:auto;overflow-wrap:anywhere;padding:8px 14px;border:1px solid #e5e7eb;border-radius:6px;background:#fff}
.nq-note li,.nq-note p{font-size:15px !important;line-height:1.5 !important;margin:2px 0 !important}
.nq-note h1{font-size:1.5em !important}.nq-note h2{font-size:1.25em !important}.nq-note h3{font-size:1.1em !important}
.nq-note .nq-target{background:#fef08a;outline:2px solid #eab308;border-radius:3px}
.nq-note-empty{color:#6b7280;font-size:.92em;padding:8px 2px}
.nq-img{color:#6b7280;font-style:italic}
#nq-status .nq-warn, .nq-warn{color:#b45309}
#nq-status [data-testid="status-tracker"]:not(.hide){background:var(--body-background-fill,#fff) !important;opacity:1 !important}
#nq-chat .placeholder{text-align:center;color:#374151}
#nq-chat button[aria-label="Clear"]{display:none}
mark{background:#fde68a;padding:0 1px;border-radius:2px;color:inherit}
"""

# Clicking a source link in an answer (or a link to another note inside a shown note) opens
# that note in the viewer: the link's target goes into a hidden textbox and a hidden button
# is pressed (both ordinary Gradio components, so the request goes through the normal queue
# and the server decides what may be shown).
JS_HEAD = """
<script>
(function () {
  function openSource(target) {
    const box = document.querySelector('#nq-src-box textarea, #nq-src-box input');
    const btn = document.querySelector('#nq-src-btn');
    if (!box || !btn) return;
    box.value = target;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(function () { btn.click(); }, 60);
  }
  document.addEventListener('click', function (ev) {
    const a = ev.target && ev.target.closest && ev.target.closest('a[href^="#nq-src="]');
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    let target = a.getAttribute('href').slice('#nq-src='.length);
    try { target = decodeURIComponent(target); } catch (e) { return; }
    openSource(target);
  }, true);
})();
</script>
"""

# After a note is shown: bring the highlighted bullet into view (inside the note box and the page).
SCROLL_JS = """() => {
  let tries = 0;
  const go = () => {
    const t = document.querySelector('#nq-note .nq-target');
    if (t) { t.scrollIntoView({block: 'center', behavior: 'instant'}); return; }
    if (++tries < 20) setTimeout(go, 50);
  };
  setTimeout(go, 50);
}"""

# After an answer: show the newest question at the top of the chat box, its answer below it.
CHAT_SCROLL_JS = """() => {
  setTimeout(() => {
    const rows = document.querySelectorAll('#nq-chat .user-row');
    const row = rows[rows.length - 1];
    if (!row) return;
    let box = row.parentElement;
    while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
    if (box) box.scrollTop += row.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }, 150);
}"""

NOTE_PLACEHOLDER = ('<div class="nq-note-empty">Click a source under an answer to read the note here, '
                    'scrolled to the bullet.</div>')


FIRST_BUILD_WAIT = 600  # seconds a question waits for the first index build


@dataclass
class Turn:
    question: str
    standalone: str
    hits: list = field(default_factory=list)
    skipped: set = field(default_factory=set)  # sources shown earlier in a "what else ..." chain


def _clip(text: str, limit: int = 160) -> str:
    """A long question echoed back: its start and an ellipsis, not a wall of text."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def highlight(text: str, question: str) -> str:
    """HTML-escaped text with the words that match the question marked."""
    wanted = set(tokenize(question))
    if not wanted:
        return html.escape(text)
    out = []
    for part in re.split(r"(\w+)", text):
        if part and re.fullmatch(r"\w+", part) and set(tokenize(part)) & wanted:
            out.append(f"<mark>{html.escape(part)}</mark>")
        else:
            out.append(html.escape(part))
    return "".join(out)


def _relevance(score: float) -> str:
    score = max(0.0, score)  # a fused score can dip below 0 for a far-off passage: shown as 0
    pct = max(3, min(100, int(round(score * 100))))
    return (f'<span class="nq-rel" title="relevance score {score:.2f} (higher is closer)">relevance'
            f'<span class="nq-bar"><span style="width:{pct}%"></span></span>{score:.2f}</span>')


def source_href(target: str, match: str | None = None) -> str:
    """The link of a source: "#nq-src=" + the url-quoted "path:line", and "@" + a digest of the
    matched text, so the note view finds that text again if the note was edited since."""
    if match:
        target = f"{target}@{_digest(match)}"
    return "#nq-src=" + urllib.parse.quote(target, safe="/:@")


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def _state(message: str, error: bool = False) -> str:
    return f'<div class="nq-state{" nq-error" if error else ""}">{message}</div>'


class ChatService(NotesService):
    """Everything the page does, without Gradio: ask, show a source, status, build.

    The index, the build and the note path checks come from NotesService (service.py), which
    the HTTP API in the same server shares: one loaded index for the chat and /api/*."""

    def build_message(self, progress=None, rebuild: bool = False) -> str:
        """Build, and say what happened in one Markdown paragraph. Never raises."""
        try:
            rep = self.build(progress=progress, rebuild=rebuild)
        except NotesQAError as exc:
            return f"**Index build failed:** {_md_escape(str(exc))}"
        except Exception as exc:  # noqa: BLE001
            log.exception("index build failed")
            return f"**Index build failed:** {_md_escape(type(exc).__name__)}"
        if rep.notes == 0:
            return f"**Index built**, but the notes folder {_md_escape(str(self.notes_dir))} has no markdown notes."
        msg = (f"**Index ready:** {rep.notes} notes, {rep.chunks} chunks ({rep.embedded} embedded, "
               f"{rep.reused} reused, {rep.seconds:.1f}s).")
        if rep.full_rebuild_reason:
            msg += f" Full rebuild: {_md_escape(rep.full_rebuild_reason)}."
        if rep.problems:
            msg += " Skipped or repaired: " + "; ".join(_md_escape(str(p)) for p in rep.problems[:5])
            if len(rep.problems) > 5:
                msg += f" (and {len(rep.problems) - 5} more)"
        return msg

    # -- asking

    def answer(self, question: str, history: list[Turn], k: int = 5, tags=None, folders=None, after=None,
               before=None) -> tuple[str, Turn]:
        """(HTML answer, turn) for a question in a conversation. Raises NotesQAError for bad filters etc."""
        previous = history[-1].standalone if history else None
        query = standalone(question, previous)
        turn = Turn(question, query)
        if not self.has_index() and self.building:
            # The first build is running (the page starts it on load): answer when it is done
            # rather than make the person ask again.
            if self._build_lock.acquire(timeout=FIRST_BUILD_WAIT):
                self._build_lock.release()
        if not self.has_index():
            return self._empty_state(), turn
        idx = self.index()
        if history and asks_for_more(question):
            turn.skipped = set(history[-1].skipped) | {h.source for h in history[-1].hits}

        # checked here to name the sidebar's fields in an error, not the in-question after:
        after, before = parse_date(after, "Dated from"), parse_date(before, "Dated until")

        def search(q: str) -> list:
            found = idx.search(q, k=int(k) + len(turn.skipped), tags=tags or None, paths=folders or None,
                               after=after or None, before=before or None)
            return [h for h in found if h.source not in turn.skipped][:int(k)]

        hits = search(query)
        plain = " ".join(question.split())
        if previous and query != plain and followup_kind(question) == "maybe":
            # "postgres vacuum" after a sourdough question is a new search, "cells?" after one
            # about Werner's keynote a follow-up: keep whichever reading matches better.
            alone = search(plain)
            if alone and (not hits or alone[0].score > hits[0].score):
                hits, query = alone, plain
                turn.standalone = plain
        turn.hits = hits
        head = ""
        if query != plain or turn.skipped:
            head = f'<div class="nq-followup">Searched as a follow-up: <em>{html.escape(_clip(query))}</em>'
            if turn.skipped:
                head += f" (without the {len(turn.skipped)} hit{'s' if len(turn.skipped) != 1 else ''} already shown)"
            head += "</div>"
        if not hits:
            if not idx.chunks:
                return head + _state(
                    f"Your notes folder <code>{html.escape(str(self.notes_dir))}</code> has no notes in the index "
                    "yet. Add some .md notes and press <b>Refresh index</b>."), turn
            filtered = bool(tags or folders or after or before or re.search(r"(?<!\S)(tag|path|after|before):",
                                                                            query))
            return head + _state("No matching notes for that question. Try other words"
                                 + (", or fewer filters" if filtered else "") + "."), turn
        parts = [head]
        if hits[0].score < WEAK_SCORE:
            parts.append('<div class="nq-weak">Nothing in your notes matches this closely; '
                         'the nearest passages:</div>')
        for i, h in enumerate(hits, 1):
            parts.append(self._hit_html(i, h, query))
        return '<div class="nq-answer">' + "".join(parts) + "</div>", turn

    def ask(self, question: str, history: list[Turn], **kw) -> tuple[str, Turn | None]:
        """answer(), but never raises: an error becomes a readable message (no traceback)."""
        try:
            return self.answer(question, history, **kw)
        except NotesQAError as exc:
            return _state(html.escape(str(exc)), error=True), None
        except Exception as exc:  # noqa: BLE001 - the page gets a message, never a traceback
            log.exception("answering %r failed", question)
            return _state(f"Something went wrong while searching ({html.escape(type(exc).__name__)}). "
                          "The server log has the details.", error=True), None

    def _hit_html(self, i: int, h, query: str) -> str:
        crumb = " › ".join(html.escape(c) for c in breadcrumb(h))
        target = h.source
        href = html.escape(source_href(target, h.match), quote=True)
        try:
            ctx = self.context(target, query)
        except Exception:  # noqa: BLE001 - context is a bonus; the hit still shows
            ctx = ""
        more = (f'<details class="nq-more"><summary>more context</summary><div class="nq-ctx">{ctx}</div></details>'
                if ctx else "")
        return (f'<div class="nq-hit"><div class="nq-text"><span class="nq-n" title="hit {i}">{i}</span>'
                f'{highlight(h.text, query)}</div>'
                f'<div class="nq-crumb">{crumb}</div>'
                f'<div class="nq-meta"><a class="nq-src" href="{href}" title="show this note">'
                f'{html.escape(target)}</a> · {_relevance(h.score)}</div>{more}</div>')

    def _empty_state(self) -> str:
        if not self.notes_dir.is_dir():
            return _state(f"The notes folder <code>{html.escape(str(self.notes_dir))}</code> does not exist. "
                          "Create it, add some .md notes, and press <b>Refresh index</b>.")
        if self.building:
            return _state("The index is being built; ask again in a moment.")
        return _state("There is no index yet. Press <b>Refresh index</b> to build it from your notes.")

    # -- sources

    def render_source(self, target: str) -> str:
        """The note holding target ("path:line") rendered as safe HTML, the line highlighted."""
        path, line, digest = _split_target(target, with_digest=True)
        full = self.resolve_note(path)
        from .liquid import strip_non_content
        from .notefiles import read_note

        text, problem = read_note(full, path)
        if text is None:
            raise NotesQAError(f"{path} cannot be shown: {problem.reason if problem else 'unreadable'}.")
        idx = self.index()
        chunks = idx.note_chunks(path)
        title = chunks[0].title if chunks else path
        line, found = _find_again(text, path, idx, line, digest)
        moved = "" if found else (' <span class="nq-weak">(the note changed since this answer: the '
                                  'passage is no longer there as it was)</span>')
        text = self._links_resolved(strip_non_content(text.replace("\r\n", "\n").replace("\r", "\n")), path, idx)
        # nothing is highlighted when the passage is gone: the old line now holds something else
        body = render_markdown(text, line if found else None, path)
        return (f'<div class="nq-note-head"><b>{html.escape(title)}</b> — <code>{html.escape(path)}</code>, '
                f'line {line}{moved}</div><div class="nq-note" id="nq-note-body">{body}</div>')

    def _links_resolved(self, text: str, path: str, idx) -> str:
        """[[links]] as links that open the note they name in this view (as Obsidian and Logseq
        resolve names), ((block refs)) as the text they show."""
        import posixpath

        from .markup import links_as_markdown, readable_source
        from .vault import Vault

        key = idx.manifest.built_at, len(idx.manifest.notes)
        cached = getattr(self, "_vault", None)
        if cached is None or cached[0] != key:  # one per index build: its name and id lookups are kept
            cached = self._vault = (key, Vault(self.notes_dir, idx.manifest.notes.keys()))
        vault = cached[1]
        text = readable_source(text, logseq=vault.logseq)
        if "[[" not in text and "((" not in text:
            return text
        here = posixpath.dirname(path) or "."

        def target_of(link) -> str | None:
            rel = vault.resolve(link.target, path)
            return posixpath.relpath(rel, here) if rel else None

        return links_as_markdown(text, target_of, lambda uuid: vault.block_text(uuid, path))

    def show_source(self, target: str) -> str:
        """render_source(), but never raises."""
        try:
            return self.render_source(target)
        except NotesQAError as exc:
            return f'<div class="nq-note-empty nq-error">{html.escape(str(exc))}</div>'
        except Exception as exc:  # noqa: BLE001
            log.exception("showing %r failed", target)
            return ('<div class="nq-note-empty nq-error">Could not show the note '
                    f"({html.escape(type(exc).__name__)}).</div>")

    def context(self, target: str, query: str = "") -> str:
        """The bullets around a hit: its parent and siblings, the hit marked."""
        path, line = _split_target(target)
        self.resolve_note(path)
        chunks = self.index().context_around(path, line)
        if len(chunks) <= 1:
            return ""
        rows = []
        base = min(c.depth for c in chunks)
        for c in chunks:
            cls = ' class="nq-ctx-hit"' if c.line == line else ""
            pad = 16 * max(0, c.depth - base)
            bullet = (f"{html.escape(c.marker)} " if c.marker else "• ") if c.kind == "bullet" else ""
            rows.append(f'<div style="margin-left:{pad}px"><span{cls}>{bullet}{highlight(c.text, query)}</span> '
                        f'<span class="nq-ctx-line">:{c.line}</span></div>')
        return "".join(rows)

    # -- status and examples

    def status_info(self) -> dict | None:
        try:
            return status_info(self.notes_dir, self.index_dir)
        except IndexNotFoundError:
            return None

    def status_markdown(self) -> str:
        if self.building:
            return "**Index:** building… (answers use the previous index until it is done)"
        lines = []
        if self.build_error:
            lines.append(f"**Last build failed:** {_md_escape(self.build_error)}")
        if not self.notes_dir.is_dir():
            lines.append(f"**No notes folder:** {_md_escape(str(self.notes_dir))} does not exist.")
        try:
            info = self.status_info()
        except NotesQAError as exc:
            return "  \n".join(lines + [f"**Index problem:** {_md_escape(str(exc))}"])
        except Exception as exc:  # noqa: BLE001
            log.exception("status failed")
            return "  \n".join(lines + [f"**Index problem:** {_md_escape(type(exc).__name__)}"])
        if info is None:
            return "  \n".join(lines + ["**Index:** none yet. Press **Refresh index** to build it."])
        if not info["notes"]:
            return "  \n".join(lines + ["**Notes:** none yet. Add .md files to the notes folder, then press "
                                         "**Refresh index**."])
        ch = info.get("changes") or {}
        changed = {k: len(v) for k, v in ch.items() if v}
        lines += [f"**Notes:** {info['notes']} · **Chunks:** {info['chunks']}",
                  f"**Built:** {_when(info['built_at'])}",
                  f"**Model:** {_md_escape(str(info['model']))}",
                  "**Changed since:** " + (", ".join(f"{n} {k}" for k, n in changed.items()) if changed else "none")]
        stale = getattr(self._index, "stale_reason", None) if self._index is not None else None
        if stale:
            lines.append(f"**Answering from the previous index:** {_md_escape(stale)}")
        return "  \n".join(lines)

    def examples(self, n: int = 4) -> list[str]:
        """Example questions drawn from the user's own notes: one topic from each of a few notes."""
        if not self.has_index():
            return []
        try:
            chunks = self.index().chunks
        except Exception:  # noqa: BLE001 - examples are a nicety
            return []
        by_note: dict[str, list] = {}
        for c in chunks:
            by_note.setdefault(c.path, []).append(c)
        out = []
        for path, cs in by_note.items():
            topic = None
            parents = {c.parent for c in cs if c.parent is not None}
            for c in cs:
                if c.seq in parents and 8 <= len(c.text) <= 48 and "\n" not in c.text:
                    topic = c.text
                    break
            if topic is None:
                heads = [h for c in cs for h in c.heading if 4 <= len(h) <= 48]
                topic = heads[-1] if heads else None
            if topic:
                topic = re.sub(r"^(?:(?:ch(?:apter)?|part|section)\.?\s*\d+|\d+(?:\.\d+)*)[:.)\-\s]+", "", topic,
                               flags=re.I).rstrip(".:?! ")
                if topic[:1].isupper() and topic[1:2].islower():
                    topic = topic[0].lower() + topic[1:]
                q = f"What do my notes say about {topic}?"
                if q not in out:
                    out.append(q)
            if len(out) >= n:
                break
        return out

    def filter_choices(self) -> tuple[list[str], list[str]]:
        """(tags, folders) found in the index, for the filter controls."""
        try:
            if not self.has_index():
                return [], []
            idx = self.index()
            idx.refresh()
            # the notes folder itself reads as a name, not "."
            folders = [(TOP_LEVEL_NAME, f) if f == TOP_LEVEL else f for f in idx.folders()]
            return idx.tags(), folders
        except Exception:  # noqa: BLE001
            return [], []


def still_there(chosen, choices) -> list:
    """The chosen values that are still among choices (plain values or (label, value) pairs)."""
    values = {c[1] if isinstance(c, tuple) else c for c in choices}
    return [v for v in (chosen or []) if v in values]


def breadcrumb(hit) -> list[str]:
    """The hit's breadcrumb for display: a part that repeats the one before it (a first heading that is the
    title, or the title's start: "Designing Data-Intensive Applications (Kleppmann)" > "Designing
    Data-Intensive Applications") is shown once."""
    out: list[str] = []
    for part in hit.breadcrumb:
        prev = out[-1].strip().casefold() if out else None
        cur = part.strip().casefold()
        if prev is None or not (cur.startswith(prev) or prev.startswith(cur)):
            out.append(part)
    return out


def _when(iso: str | None) -> str:
    if not iso:
        return "unknown"
    import datetime as _dt

    try:
        t = _dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if t.tzinfo is not None:
        t = t.astimezone()
    return t.strftime("%Y-%m-%d %H:%M")


def _md_escape(text: str) -> str:
    """Text safe to put into Gradio Markdown: no HTML, no markdown syntax that changes it."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|~>])", r"\\\1", text)


def _split_target(target: str, with_digest: bool = False):
    """"path:line" (or "path:line@digest") -> (path, line) (or (path, line, digest or None))."""
    target = (target or "").strip()
    digest = None
    head, at, tail = target.rpartition("@")
    if at and re.fullmatch(r"[0-9a-f]{12}", tail) and re.search(r":\d+$", head):
        target, digest = head, tail
    path, _, line = target.rpartition(":")
    if not path or not line.isdigit() or len(line) > 9:
        raise NotesQAError("Pick a source from an answer first.")
    return (path, int(line), digest) if with_digest else (path, int(line))


def _find_again(raw: str, path: str, index, line: int, digest: str | None) -> tuple[int, bool]:
    """The line where the passage a link quoted is now, and whether it is still there.

    The link carries a digest of the passage's text. If the note is as it was indexed, the
    index's chunks say where that text is; if it was edited since, the note is chunked again
    the same way (the same text gives the same digest, whatever its markdown looks like)."""
    if digest is None:
        return line, True
    from .chunking import chunk_note
    from .indexing import _file_sha
    from .parsing import parse_note

    entry = index.manifest.notes.get(path)
    if entry is not None and entry.sha256 == _file_sha(raw):
        chunks = index.note_chunks(path)
    else:
        try:
            chunks = chunk_note(parse_note(raw, path))
        except Exception:  # noqa: BLE001 - the note is still shown, without a highlight
            chunks = []
    same = [c for c in chunks if _digest(c.text) == digest]
    if not same:
        return line, False
    return min(same, key=lambda c: abs(c.line - line)).line, True


_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def render_markdown(text: str, line: int | None = None, path: str | None = None) -> str:
    """A note as HTML: raw HTML escaped (html=False), unsafe links dropped (markdown-it refuses
    javascript:, vbscript:, file: and data: links), images shown as their alt text (nothing remote is
    loaded), web links opened in a new tab without referrer, links to other notes opened in the
    viewer, and the innermost visible block at `line` marked with class nq-target."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)
    tokens = md.parse(text)
    if line is not None:
        best = None
        for t in tokens:
            if t.nesting == 1 and t.map and not t.hidden and t.map[0] <= line - 1 < t.map[1] and t.type in (
                    "list_item_open", "paragraph_open", "tr_open", "heading_open", "blockquote_open", "table_open"):
                best = t  # innermost visible block that contains the line
            elif t.type in ("fence", "code_block") and t.map and t.map[0] <= line - 1 < t.map[1]:
                best = t
        if best is not None:
            best.attrJoin("class", "nq-target")
            best.attrSet("id", "nq-target")
    for t in tokens:
        for child in t.children or []:
            if child.type == "link_open":
                href = child.attrGet("href") or ""
                if href.lower().startswith(_SAFE_SCHEMES):
                    child.attrSet("target", "_blank")
                    child.attrSet("rel", "noopener noreferrer nofollow")
                elif path is not None and _note_link(href, path):
                    child.attrSet("href", source_href(_note_link(href, path) + ":1"))
                else:
                    child.attrs.pop("href", None)
                    child.attrSet("title", href)
    tokens = [t for t in tokens if t.type != "front_matter"]

    def image(renderer, tokens_, idx, options, env):
        alt = tokens_[idx].content or tokens_[idx].attrGet("src") or "image"
        return f'<span class="nq-img">[image: {html.escape(alt)}]</span>'

    md.add_render_rule("image", image)
    return md.renderer.render(tokens, md.options, {})


def _note_link(href: str, path: str) -> str | None:
    """The note path a relative link inside note `path` points to, or None."""
    if not href or ":" in href.split("/", 1)[0] or href.startswith(("/", "#", "?")):
        return None
    target = urllib.parse.unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not target.lower().endswith((".md", ".markdown")):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


# --------------------------------------------------------------------------- Gradio


def create_app(service: ChatService):
    import gradio as gr

    def on_ask(question, chat, turns, k, tags, folders, after, before):
        chat = list(chat or [])
        turns = list(turns or [])
        question = (question or "").strip()
        if not question:
            return "", chat, turns
        answer, turn = service.ask(question, turns, k=k, tags=tags, folders=folders, after=(after or "").strip(),
                                   before=(before or "").strip())
        if turn is not None:
            turns.append(turn)
        chat += [{"role": "user", "content": html.escape(question)}, {"role": "assistant", "content": answer}]
        return "", chat, turns

    def filter_updates():
        tags, folders = service.filter_choices()
        examples = _examples()
        return (gr.update(choices=tags), gr.update(choices=folders),
                gr.update(examples=examples, placeholder=_placeholder(bool(examples))))

    def on_build(rebuild, progress):
        msg = service.build_message(progress=lambda f, m: progress(f, desc=m), rebuild=rebuild)
        return msg, service.status_markdown(), *filter_updates()

    def on_refresh(progress=gr.Progress()):
        return on_build(False, progress)

    def on_rebuild(progress=gr.Progress()):
        return on_build(True, progress)

    def on_load(progress=gr.Progress()):
        if service.has_index() or not service.notes_dir.is_dir():
            return "", service.status_markdown(), *filter_updates()
        return on_build(False, progress)

    def _placeholder(with_examples: bool) -> str:
        return ("<b>Ask a question about your notes</b>" + (", or try one of these questions drawn from them."
                                                           if with_examples else ".")
                + "<br>Follow-ups like <em>and in 2023?</em> continue the conversation.")

    def _examples():
        return [{"text": q} for q in service.examples()] or None

    def on_example(chat, turns, k, tags, folders, after, before, evt: gr.SelectData):
        text = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value or "")
        return on_ask(text, chat, turns, k, tags, folders, after, before)

    on_example.__annotations__["evt"] = gr.SelectData  # a real class: this module uses string annotations

    first_examples = _examples()
    with gr.Blocks(title="notesqa", analytics_enabled=False) as demo:
        turns = gr.State([])
        with gr.Sidebar(label="Options", open=True, width=300, elem_id="nq-sidebar") as sidebar:
            gr.Markdown("### Results")
            k = gr.Slider(1, 20, value=5, step=1, label="Number of results", elem_id="nq-k")
            gr.Markdown("### Filters")
            # allow_custom_value: a chosen folder or tag that a rebuild removed must not make
            # every later question fail in Gradio's own check (the lists are pruned on the next tick)
            tag_sel = gr.Dropdown(label="Tags", multiselect=True, choices=[], elem_id="nq-tags",
                                  info="From the notes' front matter", allow_custom_value=True)
            folder_sel = gr.Dropdown(label="Folders", multiselect=True, choices=[], elem_id="nq-folders",
                                     allow_custom_value=True)
            after = gr.Textbox(label="Dated from", placeholder="YYYY-MM-DD", elem_id="nq-after", max_lines=1)
            before = gr.Textbox(label="Dated until", placeholder="YYYY-MM-DD", elem_id="nq-before", max_lines=1)
            gr.Markdown("### Index status")
            status = gr.Markdown(service.status_markdown(), elem_id="nq-status", min_height=110)
            with gr.Row():
                refresh_btn = gr.Button("Refresh index", size="sm", variant="secondary", elem_id="nq-refresh")
                rebuild_btn = gr.Button("Rebuild all", size="sm", variant="stop", elem_id="nq-rebuild")
            build_msg = gr.Markdown(elem_id="nq-build-msg")
        gr.Markdown("## notesqa — ask your notes\nAnswers are bullets and sentences from your own notes, "
                    "with where each one lives. Everything stays on this machine.", elem_id="nq-title")
        with gr.Row(equal_height=False):
            with gr.Column(scale=5):
                chat = gr.Chatbot(label="Chat", show_label=False, height=560, elem_id="nq-chat", sanitize_html=True,
                                  render_markdown=False, buttons=[], feedback_options=None, layout="bubble",
                                  autoscroll=False,
                                  examples=first_examples, placeholder=_placeholder(bool(first_examples)))
                with gr.Row():
                    box = gr.Textbox(placeholder="Ask your notes… (filters also work: tag:aws path:work "
                                                 "after:2024-01-01)",
                                     show_label=False, scale=5, elem_id="nq-question", submit_btn=False, lines=1,
                                     max_lines=4)
                    ask_btn = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="nq-ask")
                clear_btn = gr.Button("New conversation", size="sm", elem_id="nq-clear")
            with gr.Column(scale=4):
                note_view = gr.HTML(NOTE_PLACEHOLDER, label="Note", show_label=False, elem_id="nq-note",
                                    js_on_load=None, container=True, padding=True)
        src_box = gr.Textbox(visible="hidden", elem_id="nq-src-box")
        src_btn = gr.Button(visible="hidden", elem_id="nq-src-btn")

        inputs = [box, chat, turns, k, tag_sel, folder_sel, after, before]
        outputs = [box, chat, turns]
        # Every event is private: the page calls it, the Gradio API/clients cannot (less surface).
        ev = dict(api_visibility="private")
        box.submit(on_ask, inputs, outputs, show_progress="minimal", **ev).then(None, None, None, js=CHAT_SCROLL_JS)
        ask_btn.click(on_ask, inputs, outputs, show_progress="minimal", **ev).then(None, None, None,
                                                                                  js=CHAT_SCROLL_JS)
        chat.example_select(on_example, inputs[1:], outputs, show_progress="minimal", **ev).then(
            None, None, None, js=CHAT_SCROLL_JS)
        src_btn.click(service.show_source, src_box, note_view, show_progress="hidden", **ev).then(
            None, None, None, js=SCROLL_JS)
        build_outputs = [build_msg, status, tag_sel, folder_sel, chat]
        refresh_btn.click(on_refresh, None, build_outputs, concurrency_id="build", concurrency_limit=1,
                          show_progress_on=status, **ev)
        rebuild_btn.click(on_rebuild, None, build_outputs, concurrency_id="build", concurrency_limit=1,
                          show_progress_on=status, **ev)
        clear_btn.click(lambda: ([], [], NOTE_PLACEHOLDER, ""), None, [chat, turns, note_view, box],
                        show_progress="hidden", **ev)
        chat.clear(lambda: [], None, turns, **ev)
        demo.load(on_load, None, build_outputs, show_progress_on=status, **ev)
        # On a phone the open sidebar covers the whole chat: start it closed there.
        narrow = gr.Checkbox(False, visible="hidden", elem_id="nq-narrow")
        demo.load(None, None, narrow, js="() => window.innerWidth < 700", **ev).then(
            lambda n: gr.Sidebar(open=not n), narrow, sidebar, show_progress="hidden", **ev)
        timer = gr.Timer(15)
        seen_gen = gr.State(None)  # the index generation this page's filter lists come from

        def on_tick(seen, chosen_tags, chosen_folders):
            """The status, and the tag / folder lists again when the watcher made a new generation
            (a chosen tag or folder that is gone is unchosen)."""
            from .store import read_current

            try:
                gen = read_current(service.index_dir)
            except NotesQAError:
                gen = seen
            if gen == seen:
                return service.status_markdown(), gr.update(), gr.update(), seen
            tags, folders = service.filter_choices()
            return (service.status_markdown(), gr.update(choices=tags, value=still_there(chosen_tags, tags)),
                    gr.update(choices=folders, value=still_there(chosen_folders, folders)), gen)

        timer.tick(on_tick, [seen_gen, tag_sel, folder_sel], [status, tag_sel, folder_sel, seen_gen],
                   show_progress="hidden", **ev)
    return demo


class NotesWatcher(threading.Thread):
    """Refreshes the index when notes change: a cheap size/mtime scan every few seconds."""

    def __init__(self, service: ChatService, interval: float = 5.0):
        super().__init__(daemon=True, name="notesqa-watch")
        self.service = service
        self.interval = interval
        self.stopped = threading.Event()
        self.refreshes = 0

    def changed(self) -> bool:
        from .indexing import changes_since_build
        from .store import read_manifest

        if not self.service.notes_dir.is_dir():
            return False
        try:
            _, manifest = read_manifest(self.service.index_dir)
        except NotesQAError:
            return False
        ch = changes_since_build(self.service.notes_dir, manifest, self.service.index_dir)
        known_bad = {p.path for p in manifest.problems}
        return bool(ch["changed"] or ch["deleted"] or [p for p in ch["new"] if p not in known_bad])

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                if not self.service.building and self.changed():
                    self.service.build()
                    self.refreshes += 1
            except Exception:  # noqa: BLE001 - the watcher must never take the server down
                time.sleep(self.interval)


def launch_options(host="127.0.0.1", port=7860, share=False, auth=None) -> dict:
    """The keyword arguments given to Blocks.launch: safe defaults, no share link unless asked."""
    return dict(server_name=host, server_port=port, share=bool(share), auth=auth, inbrowser=False, show_error=False,
                quiet=True, footer_links=[], ssr_mode=False, mcp_server=False, pwa=False, enable_monitoring=False)


def launch(notes_dir, index_dir, model=None, host="127.0.0.1", port=7860, share=False, auth=None, watch=True,
           embedder=None, block=True):
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # no usage reports, no version check
    import gradio as gr

    service = ChatService(notes_dir, index_dir, model=model, embedder=embedder)
    demo = create_app(service)
    watcher = None
    if watch:
        watcher = NotesWatcher(service)
        watcher.start()
    demo.queue(default_concurrency_limit=4)
    from .http_api import api_routes

    # the JSON API (/api/search, /api/note, /api/status, /api/refresh) on the same app and
    # service: one loaded index; with auth, the same login
    demo.launch(**launch_options(host, port, share, auth), css=CSS, head=JS_HEAD,
                theme=gr.themes.Soft(), prevent_thread_lock=True,
                app_kwargs={"routes": api_routes(service, tuple(auth) if auth else None)})
    # Gradio's own banner (quiet above) suggests share=True; say what this server is instead.
    local = host in ("127.0.0.1", "localhost", "::1")
    where = "this computer only" if local else f"anyone who can reach {host}"
    print(f"notesqa: answering from {notes_dir}/ on {demo.local_url} ({where}; Ctrl+C to stop)", flush=True)
    if share and getattr(demo, "share_url", None):
        print(f"notesqa: public share link (anyone with it can ask): {demo.share_url}", flush=True)
    if block:
        demo.block_thread()
    return demo, service, watcher
