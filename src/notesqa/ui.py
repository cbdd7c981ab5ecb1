"""The browser chat (Gradio). `ChatService` holds the logic and is tested without a browser;
`create_app` wires it into Gradio components; `launch` starts it with safe defaults
(127.0.0.1, analytics off, no share link unless asked).

Note text is untrusted: everything taken from a note is HTML-escaped before it is
placed in the page, and notes are rendered with raw HTML disabled, so a note holding
<script> or a javascript: link shows as text and runs nothing.
"""

from __future__ import annotations

import html
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .conversation import standalone
from .errors import IndexNotFoundError, NotesQAError
from .keywords import tokenize

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

CSS = """
.nq-hit{border-left:3px solid #6366f1;padding:6px 10px;margin:8px 0;background:rgba(99,102,241,.05);border-radius:4px}
.nq-text{white-space:pre-wrap;font-size:0.97em}
.nq-crumb{color:#4b5563;font-size:.85em;margin-top:4px}
.nq-src{font-size:.82em;color:#047857;margin-top:2px}
.nq-src a{color:#047857;text-decoration:underline;cursor:pointer}
.nq-bar{display:inline-block;height:7px;background:#6366f1;border-radius:3px;vertical-align:middle;margin-left:6px}
.nq-note{max-height:520px;overflow:auto;padding:8px 14px;border:1px solid #e5e7eb;border-radius:6px}
.nq-target{background:#fef08a;outline:2px solid #eab308;border-radius:3px}
.nq-ctx-hit{background:#fef08a}
mark{background:#fde68a;padding:0 1px;border-radius:2px}
"""

# Clicking a source link in an answer opens that note in the viewer: the link's target is
# copied into a hidden textbox and a hidden button is pressed (both Gradio components).
JS_HEAD = """
<script>
document.addEventListener('click', function (ev) {
  const a = ev.target.closest && ev.target.closest('a[href^="#nq-src="]');
  if (!a) return;
  ev.preventDefault();
  const target = decodeURIComponent(a.getAttribute('href').slice('#nq-src='.length));
  const box = document.querySelector('#nq-src-box textarea, #nq-src-box input');
  const btn = document.querySelector('#nq-src-btn');
  if (!box || !btn) return;
  box.value = target;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => btn.click(), 50);
}, true);
</script>
"""

SCROLL_JS = "() => { setTimeout(() => { const t = document.querySelector('.nq-target'); if (t) t.scrollIntoView({block: 'center'}); }, 100); }"


@dataclass
class Turn:
    question: str
    standalone: str
    hits: list = field(default_factory=list)


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


def _relevance_bar(score: float) -> str:
    pct = max(4, min(100, int(round(score * 100))))
    return f'<span class="nq-bar" style="width:{pct // 2}px" title="relevance {score:.2f}"></span> {score:.2f}'


class ChatService:
    """Everything the page does, without Gradio: ask, show a source, status, build."""

    def __init__(self, notes_dir, index_dir, model: str | None = None, embedder=None):
        self.notes_dir = Path(notes_dir)
        self.index_dir = Path(index_dir)
        self.model = model
        self._embedder = embedder
        self._index = None
        self._lock = threading.Lock()
        self.build_error: str | None = None
        self.building = False

    # -- index

    def index(self):
        from .search import NotesIndex

        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = NotesIndex.open(self.index_dir, model=self.model, embedder=self._embedder)
                    if self._embedder is None:
                        self._embedder = self._index.embedder
        return self._index

    def has_index(self) -> bool:
        from .store import read_current

        try:
            return read_current(self.index_dir) is not None
        except NotesQAError:
            return False

    def build(self, progress=None, rebuild: bool = False):
        """Build or refresh the index; progress(fraction, message)."""
        from .indexing import build_index

        def report(stage, done, total):
            if progress is None:
                return
            frac = {"scan": 0.0, "parse": 0.1 * done / max(total, 1), "embed": 0.1 + 0.85 * done / max(total, 1),
                    "write": 0.95 + 0.05 * done / max(total, 1)}.get(stage, 0.0)
            label = {"parse": "Reading notes", "embed": f"Embedding {done}/{total} chunks",
                     "write": "Writing index"}.get(stage, "Scanning notes")
            progress(frac, label)

        self.building = True
        try:
            rep = build_index(self.notes_dir, self.index_dir, self.model, embedder=self._embedder, rebuild=rebuild,
                              wait=True, progress=report)
            self.build_error = None
            if self._index is not None:
                self._index.refresh()
            return rep
        except NotesQAError as exc:
            self.build_error = str(exc)
            raise
        finally:
            self.building = False

    # -- asking

    def answer(self, question: str, history: list[Turn], k: int = 5, tags=None, folders=None, after=None,
               before=None) -> tuple[str, Turn]:
        """(HTML answer, turn) for a question in a conversation."""
        previous = history[-1].standalone if history else None
        query = standalone(question, previous)
        turn = Turn(question, query)
        if not self.has_index():
            return self._empty_state(), turn
        idx = self.index()
        hits = idx.search(query, k=int(k), tags=tags or None, paths=folders or None, after=after or None,
                          before=before or None)
        turn.hits = hits
        if not hits:
            return ("No matching notes for that question. Try other words, fewer filters, "
                    "or check the index status on the right."), turn
        parts = []
        if query != " ".join(question.split()):
            parts.append(f'<div class="nq-crumb">Searched as a follow-up: <em>{html.escape(query)}</em></div>')
        for i, h in enumerate(hits, 1):
            crumb = " › ".join(html.escape(c) for c in h.breadcrumb)
            target = html.escape(f"{h.path}:{h.line}", quote=True)
            parts.append(
                f'<div class="nq-hit"><div class="nq-text"><b>{i}.</b> {highlight(h.text, query)}</div>'
                f'<div class="nq-crumb">{crumb}</div>'
                f'<div class="nq-src"><a href="#nq-src={target}">{html.escape(h.title)} — {target}</a>'
                f' · relevance {_relevance_bar(h.score)}</div></div>'
            )
        return "".join(parts), turn

    def _empty_state(self) -> str:
        if not self.notes_dir.is_dir():
            return (f"The notes folder <code>{html.escape(str(self.notes_dir))}</code> does not exist. "
                    "Create it, add some .md notes, and press <b>Refresh index</b>.")
        return "There is no index yet. Press <b>Refresh index</b> to build it from your notes."

    # -- sources

    def _resolve_note(self, path: str) -> Path:
        """The note file for an indexed path; nothing outside the notes folder, nothing not indexed."""
        idx = self.index()
        if not idx.note_chunks(path):
            raise NotesQAError(f"{path} is not a note in the index.")
        root = self.notes_dir.resolve()
        full = (root / path).resolve()
        if root != full and root not in full.parents:
            raise NotesQAError(f"{path} is outside the notes folder.")
        return full

    def render_source(self, target: str) -> str:
        """The note holding target ("path:line") rendered as safe HTML, the line highlighted."""
        path, line = _split_target(target)
        full = self._resolve_note(path)
        from .parsing import read_note, strip_non_content

        text, problem = read_note(full, path)
        if text is None:
            raise NotesQAError(f"{path} cannot be shown: {problem.reason if problem else 'unreadable'}.")
        body = render_markdown(strip_non_content(text.replace("\r\n", "\n")), line)
        return (f'<div class="nq-crumb"><b>{html.escape(path)}</b>, line {line}</div>'
                f'<div class="nq-note">{body}</div>')

    def context(self, target: str) -> str:
        """The bullets around a hit: its parent and siblings, the hit marked."""
        path, line = _split_target(target)
        self._resolve_note(path)
        chunks = self.index().context_around(path, line)
        if not chunks:
            return "No context found."
        rows = []
        base = min(c.depth for c in chunks)
        for c in chunks:
            cls = ' class="nq-ctx-hit"' if c.line == line else ""
            pad = 16 * max(0, c.depth - base)
            rows.append(f'<div{cls} style="margin-left:{pad}px">• {html.escape(c.text)} '
                        f'<span class="nq-src">:{c.line}</span></div>')
        crumb = " › ".join(html.escape(x) for x in [chunks[0].title, *chunks[0].heading])
        return f'<div class="nq-crumb">{crumb}</div>' + "".join(rows)

    # -- status and examples

    def status_markdown(self) -> str:
        from .cli import status_info

        if self.building:
            return "**Index:** building…"
        if self.build_error:
            return f"**Index error:** {self.build_error}"
        try:
            info = status_info(self.notes_dir, self.index_dir)
        except IndexNotFoundError:
            return "**Index:** none yet. Press *Refresh index* to build it."
        except NotesQAError as exc:
            return f"**Index problem:** {exc}"
        ch = info.get("changes") or {}
        changed = sum(len(v) for v in ch.values())
        lines = [f"**Notes:** {info['notes']} · **chunks:** {info['chunks']}",
                 f"**Built:** {info['built_at']}", f"**Model:** {info['model']}",
                 f"**Changed since:** {changed} note(s)" if changed else "**Changed since:** none"]
        if info["notes"] == 0:
            lines.append(f"Your notes folder `{self.notes_dir}` has no markdown notes yet.")
        return "  \n".join(lines)

    def examples(self, n: int = 4) -> list[str]:
        """Example questions drawn from the user's own notes: one topic from each of a few notes."""
        if not self.has_index():
            return []
        try:
            chunks = self.index().chunks
        except NotesQAError:
            return []
        by_note: dict[str, list] = {}
        for c in chunks:
            by_note.setdefault(c.path, []).append(c)
        out = []
        for path, cs in by_note.items():
            topic = None
            parents = {c.parent for c in cs if c.parent is not None}
            for c in cs:
                if c.seq in parents and 8 <= len(c.text) <= 48:
                    topic = c.text
                    break
            if topic is None:
                heads = [h for c in cs for h in c.heading if 4 <= len(h) <= 48]
                topic = heads[-1] if heads else None
            if topic:
                out.append(f"What do my notes say about {topic.rstrip('.:')}?")
            if len(out) >= n:
                break
        return out


def _split_target(target: str) -> tuple[str, int]:
    path, _, line = (target or "").strip().rpartition(":")
    if not path or not line.isdigit():
        raise NotesQAError("Pick a source from an answer first.")
    return path, int(line)


def render_markdown(text: str, line: int | None = None) -> str:
    """A note as HTML with raw HTML disabled (escaped), unsafe links dropped, the block at line marked."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)
    tokens = md.parse(text)
    if line is not None:
        best = None
        for t in tokens:
            if t.nesting == 1 and t.map and t.type in ("list_item_open", "paragraph_open", "tr_open", "heading_open") \
                    and t.map[0] <= line - 1 < t.map[1]:
                best = t  # innermost block that starts at or contains the line
        if best is not None:
            best.attrJoin("class", "nq-target")
            best.attrSet("id", "nq-target")
    tokens = [t for t in tokens if t.type != "front_matter"]
    return md.renderer.render(tokens, md.options, {})


# --------------------------------------------------------------------------- Gradio


def create_app(service: ChatService):
    import gradio as gr

    def on_ask(question, chat, turns, k, tags, folders, after, before):
        chat = list(chat or [])
        turns = list(turns or [])
        question = (question or "").strip()
        if not question:
            return "", chat, turns, gr.update()
        try:
            answer, turn = service.answer(question, turns, k=k, tags=tags, folders=folders, after=after,
                                          before=before)
            turns.append(turn)
        except NotesQAError as exc:
            answer, turn = f"⚠️ {html.escape(str(exc))}", None
        except Exception as exc:  # noqa: BLE001 - the page gets a message, never a traceback
            answer, turn = f"⚠️ Something went wrong: {html.escape(type(exc).__name__)}: {html.escape(str(exc))}", None
        chat += [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        choices = [f"{h.path}:{h.line}" for h in (turn.hits if turn else [])]
        return "", chat, turns, gr.update(choices=choices, value=choices[0] if choices else None)

    def on_source(target):
        try:
            return service.render_source(target)
        except NotesQAError as exc:
            return f"<p>{html.escape(str(exc))}</p>"
        except Exception as exc:  # noqa: BLE001
            return f"<p>Could not show the note: {html.escape(type(exc).__name__)}</p>"

    def on_context(target):
        try:
            return service.context(target)
        except NotesQAError as exc:
            return f"<p>{html.escape(str(exc))}</p>"
        except Exception as exc:  # noqa: BLE001
            return f"<p>Could not show context: {html.escape(type(exc).__name__)}</p>"

    def on_build(rebuild, progress=gr.Progress()):
        try:
            if not service.notes_dir.is_dir():
                raise NotesQAError(f"The notes folder {service.notes_dir} does not exist: create it and add notes.")
            rep = service.build(progress=lambda f, m: progress(f, desc=m), rebuild=rebuild)
            msg = f"Index ready: {rep.summary()}."
            if rep.notes == 0:
                msg = f"The notes folder {service.notes_dir} has no markdown notes yet: add .md files and refresh."
            if rep.problems:
                msg += " Skipped or repaired: " + "; ".join(str(p) for p in rep.problems[:5])
        except NotesQAError as exc:
            msg = f"Index build failed: {exc}"
        except Exception as exc:  # noqa: BLE001
            service.build_error = f"{type(exc).__name__}: {exc}"
            msg = f"Index build failed: {type(exc).__name__}: {exc}"
        return msg, service.status_markdown(), *_filter_updates()

    def _filter_updates():
        try:
            idx = service.index() if service.has_index() else None
        except NotesQAError:
            idx = None
        tags = idx.tags() if idx else []
        folders = idx.folders() if idx else []
        return (gr.update(choices=tags), gr.update(choices=folders),
                gr.update(samples=[[q] for q in service.examples()] or [["(no notes yet)"]]))

    def on_load(progress=gr.Progress()):
        if service.has_index():
            return "", service.status_markdown(), *_filter_updates()
        return on_build(False, progress)

    with gr.Blocks(title="notesqa", analytics_enabled=False) as demo:
        gr.Markdown("## notesqa — ask your notes\nAnswers are bullets and sentences from your own notes, "
                    "with where each one lives. Everything stays on this machine.")
        turns = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Chat", height=480, elem_id="nq-chat", sanitize_html=True,
                                  render_markdown=True, buttons=["copy"], feedback_options=None,
                                  placeholder="Ask a question about your notes.")
                with gr.Row():
                    box = gr.Textbox(placeholder="Ask your notes… (filters: tag:aws path:work/* after:2024-01-01)",
                                     show_label=False, scale=5, elem_id="nq-question", submit_btn=False)
                    ask_btn = gr.Button("Ask", variant="primary", scale=1, elem_id="nq-ask")
                examples = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[[q] for q in service.examples()]
                                      or [["(no notes yet)"]], label="Try asking", elem_id="nq-examples")
                with gr.Row():
                    source = gr.Dropdown(label="Sources of the last answer", choices=[], elem_id="nq-sources",
                                         scale=3, allow_custom_value=False)
                    show_btn = gr.Button("Show note", scale=1, elem_id="nq-show")
                    ctx_btn = gr.Button("More context", scale=1, elem_id="nq-more")
                context_view = gr.HTML(elem_id="nq-context")
                note_view = gr.HTML(elem_id="nq-note")
                src_box = gr.Textbox(visible="hidden", elem_id="nq-src-box")
                src_btn = gr.Button(visible="hidden", elem_id="nq-src-btn")
            with gr.Column(scale=1):
                k = gr.Slider(1, 20, value=5, step=1, label="Results")
                tag_sel = gr.Dropdown(label="Tags", multiselect=True, choices=[], elem_id="nq-tags")
                folder_sel = gr.Dropdown(label="Folders", multiselect=True, choices=[], elem_id="nq-folders")
                after = gr.Textbox(label="After (YYYY-MM-DD)", elem_id="nq-after")
                before = gr.Textbox(label="Before (YYYY-MM-DD)", elem_id="nq-before")
                status = gr.Markdown(service.status_markdown(), elem_id="nq-status")
                refresh_btn = gr.Button("Refresh index", elem_id="nq-refresh")
                rebuild_btn = gr.Button("Rebuild all", size="sm", elem_id="nq-rebuild")
                build_msg = gr.Markdown(elem_id="nq-build-msg")
                clear_btn = gr.Button("New conversation", size="sm", elem_id="nq-clear")

        inputs = [box, chat, turns, k, tag_sel, folder_sel, after, before]
        outputs = [box, chat, turns, source]
        box.submit(on_ask, inputs, outputs)
        ask_btn.click(on_ask, inputs, outputs)
        examples.click(lambda s: s[0] if s and s[0] != "(no notes yet)" else "", examples, box)
        show_btn.click(on_source, source, note_view).then(None, None, None, js=SCROLL_JS)
        ctx_btn.click(on_context, source, context_view)
        src_btn.click(on_source, src_box, note_view).then(None, None, None, js=SCROLL_JS)
        build_outputs = [build_msg, status, tag_sel, folder_sel, examples]
        refresh_btn.click(lambda p=gr.Progress(): on_build(False, p), None, build_outputs)
        rebuild_btn.click(lambda p=gr.Progress(): on_build(True, p), None, build_outputs)
        clear_btn.click(lambda: ([], [], gr.update(choices=[], value=None), "", ""), None,
                        [chat, turns, source, note_view, context_view])
        demo.load(on_load, None, build_outputs)
        timer = gr.Timer(15)
        timer.tick(service.status_markdown, None, status)
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

        try:
            _, manifest = read_manifest(self.service.index_dir)
        except NotesQAError:
            return False
        ch = changes_since_build(self.service.notes_dir, manifest, self.service.index_dir)
        known_bad = {p["path"] for p in manifest.get("problems", [])}
        return bool(ch["changed"] or ch["deleted"] or [p for p in ch["new"] if p not in known_bad])

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                if not self.service.building and self.changed():
                    self.service.build()
                    self.refreshes += 1
            except Exception:  # noqa: BLE001 - the watcher must never take the server down
                time.sleep(self.interval)


def launch(notes_dir, index_dir, model=None, host="127.0.0.1", port=7860, share=False, auth=None, watch=True,
           embedder=None, block=True):
    import gradio as gr

    service = ChatService(notes_dir, index_dir, model=model, embedder=embedder)
    demo = create_app(service)
    watcher = None
    if watch:
        watcher = NotesWatcher(service)
        watcher.start()
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, share=share, auth=auth, inbrowser=False, show_error=False,
                quiet=False, css=CSS, head=JS_HEAD, theme=gr.themes.Soft(), footer_links=[],
                prevent_thread_lock=not block, ssr_mode=False, mcp_server=False)
    return demo, service, watcher
