"""The Gradio page around a ChatService, the watcher that refreshes the index, and `launch`.

This module imports Gradio, so nothing imports it until the app is made (`notesqa serve`).
`launch` starts the page with safe defaults: 127.0.0.1, analytics off, no share link
unless asked, optional login; the JSON API (http_api.py) is served by the same app.
"""

from __future__ import annotations

import html
import logging
import math
import os
import sys
import threading
from types import SimpleNamespace

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402 - after the analytics default

from ..address import check_address, port_in_use  # noqa: E402
from ..errors import NotesQAError, ServeError  # noqa: E402
from .assets import CHAT_SCROLL_JS, CSS, JS_HEAD, NOTE_PLACEHOLDER, SCROLL_JS  # noqa: E402
from .chat import ChatService  # noqa: E402
from .render import LATEX_DELIMITERS, clip  # noqa: E402

log = logging.getLogger("notesqa.watch")


def create_app(service: ChatService):
    page = _Page(service)
    first_examples = page.examples()
    with gr.Blocks(title="notesqa", analytics_enabled=False) as demo:
        turns = gr.State([])
        side = _sidebar(service)
        gr.Markdown("# notesqa — ask your notes\nAnswers are bullets and sentences from your own notes, "
                    "with where each one lives. Everything stays on this machine.", elem_id="nq-title")
        main = _chat_and_note(first_examples)
        _wire(demo, page, SimpleNamespace(**vars(side), **vars(main), turns=turns))
    return demo


def _sidebar(service: ChatService) -> SimpleNamespace:
    """The options: number of results, filters, index status with refresh and rebuild."""
    c = SimpleNamespace()
    with gr.Sidebar(label="Options", open=True, width=300, elem_id="nq-sidebar") as c.sidebar:
        gr.Markdown("### Results")
        c.k = gr.Slider(1, RESULTS_MAX, value=RESULTS, step=1, label="Number of results", elem_id="nq-k")
        gr.Markdown("### Filters")
        # allow_custom_value: a chosen folder or tag that a rebuild removed must not make
        # every later question fail in Gradio's own check (the lists are pruned on the next tick)
        c.tags = gr.Dropdown(label="Tags", multiselect=True, choices=[], elem_id="nq-tags",
                             info="From the notes' front matter, #tags and Logseq tags::", allow_custom_value=True)
        c.folders = gr.Dropdown(label="Folders", multiselect=True, choices=[], elem_id="nq-folders",
                                allow_custom_value=True)
        c.after = gr.Textbox(label="Dated from", placeholder="YYYY-MM-DD", elem_id="nq-after", max_lines=1)
        c.before = gr.Textbox(label="Dated until", placeholder="YYYY-MM-DD", elem_id="nq-before", max_lines=1)
        gr.Markdown("### Index status")
        c.status = gr.Markdown(service.status_markdown(), elem_id="nq-status", min_height=110)
        with gr.Row():
            c.refresh = gr.Button("Refresh index", size="sm", variant="secondary", elem_id="nq-refresh")
            c.rebuild = gr.Button("Rebuild all", size="sm", variant="stop", elem_id="nq-rebuild")
        # a rebuild reads and embeds every note again (minutes for thousands of notes): asked once more, in the page
        with gr.Column(visible=False, elem_id="nq-rebuild-ask") as c.rebuild_ask:
            gr.Markdown(REBUILD_ASK, elem_id="nq-rebuild-text")
            with gr.Row():
                c.rebuild_yes = gr.Button("Rebuild", size="sm", variant="stop", elem_id="nq-rebuild-yes")
                c.rebuild_no = gr.Button("Cancel", size="sm", variant="secondary", elem_id="nq-rebuild-no")
        c.build_msg = gr.Markdown(elem_id="nq-build-msg")
    return c


def _chat_and_note(examples) -> SimpleNamespace:
    """The chat with its question box, the note view beside it, and the hidden source box and button."""
    c = SimpleNamespace()
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):  # the answers get the room; a note is read beside them
            # the answers take the window's height (less the title and the question box), not a fixed box
            c.chat = gr.Chatbot(label="Chat", show_label=False, height="calc(100vh - 300px)", min_height=260,
                                elem_id="nq-chat", sanitize_html=True, latex_delimiters=LATEX_DELIMITERS,
                                render_markdown=False, buttons=[], feedback_options=None, layout="bubble",
                                autoscroll=False, examples=examples, placeholder=_placeholder(bool(examples)))
            with gr.Row():
                # focused on load: a question is one keystroke away, not 17 tabs past the sidebar
                c.box = gr.Textbox(placeholder='Ask your notes… (tag:x path:folder "exact words")',
                                   label="Ask your notes", show_label=False, scale=5, elem_id="nq-question",
                                   submit_btn=False, lines=1, max_lines=4, autofocus=True)
                c.ask = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="nq-ask")
            c.clear = gr.Button("New conversation", size="sm", elem_id="nq-clear")
        with gr.Column(scale=2):
            c.note = gr.HTML(NOTE_PLACEHOLDER, label="Note", show_label=False, elem_id="nq-note",
                             js_on_load=None, container=True, padding=True)
    # Clicking a source link puts its target here and presses the button (assets.JS_HEAD): an
    # ordinary event through the normal queue, and the server decides what may be shown.
    c.src_box = gr.Textbox(visible="hidden", elem_id="nq-src-box")
    c.src_btn = gr.Button(visible="hidden", elem_id="nq-src-btn")
    return c


def _wire(demo, page: _Page, c: SimpleNamespace) -> None:
    """The events. Every event is private: the page calls it, the Gradio API/clients cannot (less surface)."""
    inputs = [c.box, c.chat, c.turns, c.k, c.tags, c.folders, c.after, c.before]
    outputs = [c.box, c.chat, c.turns]
    ev = dict(api_visibility="private")
    c.box.submit(page.on_ask, inputs, outputs, show_progress="minimal", **ev).then(None, None, None, js=CHAT_SCROLL_JS)
    c.ask.click(page.on_ask, inputs, outputs, show_progress="minimal", **ev).then(None, None, None, js=CHAT_SCROLL_JS)
    c.chat.example_select(page.on_example, inputs[1:], outputs, show_progress="minimal", **ev).then(
        None, None, None, js=CHAT_SCROLL_JS)
    c.src_btn.click(page.show_source, c.src_box, c.note, show_progress="hidden", **ev).then(
        None, None, None, js=SCROLL_JS)
    build_outputs = [c.build_msg, c.status, c.tags, c.folders, c.chat]
    # not queued behind each other: a refresh clicked during a rebuild says one is running (ChatService.build_message),
    # and the rebuild's report stays the last word (trial s38: the queued refresh's "0 embedded" had replaced it)
    # (the last build's report cleared first: trial s39 had "Index ready: ..." under a rebuild's progress bar)
    c.refresh.click(lambda: "", None, c.build_msg, show_progress="hidden", queue=False, **ev).then(
        page.on_refresh, None, build_outputs, concurrency_id="refresh", concurrency_limit=1,
        show_progress_on=c.status, **ev)
    asking = dict(show_progress="hidden", queue=False, **ev)
    c.rebuild.click(lambda: gr.Column(visible=True), None, c.rebuild_ask, **asking).then(
        None, None, None, js="() => document.querySelector('#nq-rebuild-no')?.focus()")
    c.rebuild_no.click(lambda: gr.Column(visible=False), None, c.rebuild_ask, **asking).then(
        None, None, None, js="() => document.querySelector('#nq-rebuild')?.focus()")
    c.rebuild_yes.click(lambda: (gr.Column(visible=False), ""), None, [c.rebuild_ask, c.build_msg], **asking).then(
        page.on_rebuild, None, build_outputs, concurrency_id="rebuild", concurrency_limit=1,
        show_progress_on=c.status, **ev)
    c.clear.click(lambda: ([], [], NOTE_PLACEHOLDER, ""), None, [c.chat, c.turns, c.note, c.box],
                  show_progress="hidden", **ev)
    c.chat.clear(lambda: [], None, c.turns, **ev)
    demo.load(page.on_load, None, build_outputs, show_progress_on=c.status, **ev)
    # Where Gradio shows the open sidebar over the whole chat (a phone, a tablet upright): start it closed there.
    narrow = gr.Checkbox(False, visible="hidden", elem_id="nq-narrow")
    demo.load(None, None, narrow, js="() => window.innerWidth <= 768", **ev).then(
        lambda n: gr.Sidebar(open=not n), narrow, c.sidebar, show_progress="hidden", **ev)
    timer = gr.Timer(15)
    seen_gen = gr.State(None)  # the index generation this page's filter lists come from
    timer.tick(page.on_tick, [seen_gen, c.tags, c.folders], [c.status, c.tags, c.folders, seen_gen],
               show_progress="hidden", **ev)


class _Page:
    """The page's event handlers over one ChatService: Gradio values in, Gradio updates out (their
    names are the events' names in Gradio's config)."""

    def __init__(self, service: ChatService):
        self.service = service

    def on_ask(self, question, chat, turns, k, tags, folders, after, before):
        chat = list(chat or [])
        turns = list(turns or [])
        question = (question or "").strip()
        if not question:
            return "", chat, turns
        answer, turn = self.service.ask(question, turns, k=results(k), tags=tags, folders=folders,
                                        after=(after or "").strip(), before=(before or "").strip())
        if turn is not None:
            turns.append(turn)
        chat += [{"role": "user", "content": html.escape(clip(question, 400))},
                 {"role": "assistant", "content": answer}]
        return "", chat, turns

    def on_example(self, chat, turns, k, tags, folders, after, before, evt: gr.SelectData):
        text = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value or "")
        return self.on_ask(text, chat, turns, k, tags, folders, after, before)

    def show_source(self, target):
        return self.service.sources.show(target) if target else NOTE_PLACEHOLDER  # "": the note closed

    def on_refresh(self, progress=gr.Progress()):
        return self._build(False, progress)

    def on_rebuild(self, progress=gr.Progress()):
        return self._build(True, progress)

    def on_load(self, progress=gr.Progress()):
        if self.service.has_index() or not self.service.notes_dir.is_dir():
            return "", self.service.status_markdown(), *self._filter_updates()
        return self._build(False, progress)

    def on_tick(self, seen, chosen_tags, chosen_folders):
        """The status, and the tag / folder lists again when the watcher made a new generation
        (a chosen tag or folder that is gone is unchosen)."""
        from ..store import read_current

        try:
            gen = read_current(self.service.index_dir)
        except NotesQAError:
            gen = seen
        if gen == seen:
            return self.service.status_markdown(), gr.update(), gr.update(), seen
        tags, folders = self.service.filter_choices()
        return (self.service.status_markdown(), gr.update(choices=tags, value=still_there(chosen_tags, tags)),
                gr.update(choices=folders, value=still_there(chosen_folders, folders)), gen)

    def examples(self):
        return [{"text": q} for q in self.service.examples()] or None

    def _build(self, rebuild, progress):
        msg = self.service.build_message(progress=lambda f, m: progress(f, desc=m), rebuild=rebuild)
        return msg, self.service.status_markdown(), *self._filter_updates()

    def _filter_updates(self):
        tags, folders = self.service.filter_choices()
        examples = self.examples()
        return (gr.update(choices=tags), gr.update(choices=folders),
                gr.update(examples=examples, placeholder=_placeholder(bool(examples))))


def _placeholder(with_examples: bool) -> str:
    return ("<b>Ask a question about your notes</b>" + (", or try one of these questions drawn from them."
                                                       if with_examples else ".")
            + "<br>Follow-ups like <em>and in 2023?</em> continue the conversation.")


REBUILD_ASK = ("**Rebuild the whole index?** Every note is read and embedded again: minutes for thousands of notes. "
               "*Refresh index* reads only the notes that changed.")
RESULTS, RESULTS_MAX = 5, 20  # the number of results the chat shows at first, and the most it offers


def results(k) -> int:
    """The number of results asked for, as the slider shows it: a whole number from 1 to RESULTS_MAX (the box beside
    it takes 2.5 or a blank: trial s38 had seen 2 hits under a slider at 3); RESULTS when it is no number."""
    try:
        return min(RESULTS_MAX, max(1, math.floor(float(k) + 0.5)))  # 2.5 is 3, as the slider rounds it
    except (TypeError, ValueError, OverflowError):
        return RESULTS


def still_there(chosen, choices) -> list:
    """The chosen values that are still among choices (plain values or (label, value) pairs)."""
    values = {c[1] if isinstance(c, tuple) else c for c in choices}
    return [v for v in (chosen or []) if v in values]


class NotesWatcher(threading.Thread):
    """Refreshes the index when notes change. The file system says when something in the notes folder
    changed (watchfiles: inotify, FSEvents, ...), so an idle server costs nothing (trial A: a scan every 5 s
    had taken 13% of a core at 10,000 notes); a change is then checked with the build's own cheap
    size/mtime scan, and the folder is scanned every SAFETY_SCAN seconds anyway (an event can be missed: a
    network drive, too many folders to watch). Without events, a scan every `interval` seconds."""

    SAFETY_SCAN = 60.0

    def __init__(self, service: ChatService, interval: float = 5.0, events: bool = True):
        super().__init__(daemon=True, name="notesqa-watch")
        self.service = service
        self.interval = interval
        self.events = events
        self.stopped = threading.Event()
        self.refreshes = 0

    def changed(self) -> bool:
        from ..status import needs_build

        return needs_build(self.service.notes_dir, self.service.index_dir)

    def run(self) -> None:
        if self.events:
            try:
                self._on_events()
                return
            except Exception as exc:  # noqa: BLE001 - no events here (no watchfiles, a watch limit): scan instead
                log.warning("Cannot watch %s for changes (%s): scanning it every %g s instead.",
                            self.service.notes_dir, exc, self.interval)
        while not self.stopped.wait(self.interval):
            self._refresh_if_changed()

    def _on_events(self) -> None:
        from watchfiles import watch

        notes, index = os.path.realpath(self.service.notes_dir), os.path.realpath(self.service.index_dir)
        self._refresh_if_changed()  # what changed before the watch began
        for _ in watch(notes, watch_filter=lambda _change, path: _notes_path(path, notes, index),
                       stop_event=self.stopped, rust_timeout=int(self.SAFETY_SCAN * 1000), yield_on_timeout=True,
                       debounce=1600, raise_interrupt=False):
            self._refresh_if_changed()

    def _refresh_if_changed(self) -> None:
        try:
            if not self.service.building and self.changed():
                rep = self.service.build()
                self.refreshes += 1
                # what was refreshed, and when: the server's log is its only record (trial V: 50 silent rebuilds)
                log.info("Notes changed: refreshed the index (%s).", rep.summary() if rep is not None else "")
        except NotesQAError as exc:
            log.warning("Notes changed, but the index could not be refreshed: %s", exc)
            self.stopped.wait(self.interval)
        except Exception:  # noqa: BLE001 - the watcher must never take the server down
            log.exception("Notes changed, but refreshing the index failed")
            self.stopped.wait(self.interval)


def _notes_path(path: str, notes: str, index: str) -> bool:
    """Is a changed path one a build may read: not in the index folder, nor in a hidden folder of the notes
    folder (.git, .obsidian's workspace, which Obsidian writes all the time), but for the app's settings of which
    notes to read (trial s39: Obsidian's Excluded files had waited for the minute's scan)?"""
    from ..notefiles import SETTINGS_FILES

    if path == index or path.startswith(index + os.sep):
        return False
    rel = os.path.relpath(path, notes)
    return rel.replace(os.sep, "/") in SETTINGS_FILES or not any(part.startswith(".") for part in rel.split(os.sep))


IDLE_POLL = 0.02  # seconds Gradio's queue sleeps between looks for an event when it has none
PROGRESS_POLL = 0.1  # ... and for a progress update to send (as it does on Windows)


def quiet_when_idle(demo) -> None:
    """Gradio's queue looks for a new event every millisecond when it has none, and for progress to send every 10:
    3% of a core with nothing to do (trial s39: "an idle server does no work" had not held). Every IDLE_POLL and
    PROGRESS_POLL seconds instead: an answer waits 20 ms more at most, a build's progress bar 0.1 s. (Private
    attributes: left as they are by a Gradio without them.)"""
    queue = getattr(demo, "_queue", None)
    for name, least in (("sleep_when_free", IDLE_POLL), ("progress_update_sleep_when_free", PROGRESS_POLL)):
        if isinstance(getattr(queue, name, None), (int, float)):
            setattr(queue, name, max(getattr(queue, name), least))


def launch_options(host="127.0.0.1", port=7860, share=False, auth=None) -> dict:
    """The keyword arguments given to Blocks.launch: safe defaults, no share link unless asked."""
    return dict(server_name=host, server_port=port, share=bool(share), auth=auth, inbrowser=False, show_error=False,
                quiet=True, footer_links=[], ssr_mode=False, mcp_server=False, pwa=False, enable_monitoring=False)


def log_to_console() -> None:
    """What the server does on its own (the watcher's refreshes, a failed build) printed with the time, on
    stderr: its console is its only record (trial W: a refresh's log line had gone nowhere)."""
    logger = logging.getLogger("notesqa")
    if any(isinstance(h, _Console) for h in logger.handlers):
        return
    handler = _Console()
    handler.setFormatter(logging.Formatter("notesqa %(asctime)s: %(message)s", "%H:%M:%S"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


class _Console(logging.StreamHandler):
    """A handler writing to whatever sys.stderr is when it writes."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def launch(notes_dir, index_dir, model=None, host="127.0.0.1", port=7860, share=False, auth=None, watch=True,
           embedder=None, block=True):
    from starlette.middleware import Middleware

    from ..http_api import LOCAL_NAMES, ApiOwnOrigin, LocalHostOnly, api_routes

    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # no usage reports, no version check
    log_to_console()
    service = ChatService(notes_dir, index_dir, model=model, embedder=embedder)
    demo = create_app(service)
    demo.queue(default_concurrency_limit=4)
    quiet_when_idle(demo)
    # the JSON API (/api/search, /api/note, /api/status, /api/refresh) on the same app and
    # service: one loaded index; with auth, the same login
    check_address(host, port)
    app_kwargs: dict = {"routes": api_routes(service, tuple(auth) if auth else None),
                        "middleware": [Middleware(ApiOwnOrigin)]}  # no other page reads the notes through the API
    if host in LOCAL_NAMES and not share:  # this computer only: refuse a page that rebinds its name to it
        app_kwargs["middleware"].append(Middleware(LocalHostOnly))
    try:
        demo.launch(**launch_options(host, port, share, auth), css=CSS, head=JS_HEAD,
                    theme=gr.themes.Soft(), prevent_thread_lock=True, app_kwargs=app_kwargs)
    except OSError as exc:  # taken between the check and the launch, or another trouble starting
        raise ServeError(f"Could not serve on {host}:{port} ({exc}). {port_in_use(host, port)}") from None
    watcher = None
    if watch:  # only once serving: a failed start leaves nothing running
        watcher = NotesWatcher(service)
        watcher.start()
    # Gradio's own banner (quiet above) suggests share=True; say what this server is instead.
    local = host in LOCAL_NAMES
    where = "this computer only" if local else f"anyone who can reach {host}"
    print(f"notesqa: answering from {notes_dir}/ on {demo.local_url} ({where}; Ctrl+C to stop)", flush=True)
    if share and getattr(demo, "share_url", None):
        print(f"notesqa: public share link (anyone with it can ask): {demo.share_url}", flush=True)
    if block:
        demo.block_thread()
    return demo, service, watcher
