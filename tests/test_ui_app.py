"""The Gradio page (notesqa.ui.app): its parts, safe launch defaults, `notesqa serve`, the watcher."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import write
from notesqa.ui.app import NotesWatcher, create_app, launch_options, still_there
from notesqa.ui.chat import ChatService


def test_create_app_builds(service):
    demo = create_app(service)
    ids = {getattr(b, "elem_id", None) for b in demo.blocks.values()}
    assert {"nq-chat", "nq-question", "nq-note", "nq-src-box", "nq-src-btn", "nq-status", "nq-refresh",
            "nq-rebuild", "nq-tags", "nq-folders", "nq-after", "nq-before", "nq-k"} <= ids
    assert demo.analytics_enabled is False


def test_a_chosen_filter_that_a_rebuild_removed_does_not_break_questions(service):
    assert still_there([".", "home", "cooking"], [("(top level)", "."), "cooking"]) == [".", "cooking"]
    assert still_there(None, ["a"]) == []
    demo = create_app(service)
    drops = {b.elem_id: b for b in demo.blocks.values() if getattr(b, "elem_id", None) in ("nq-tags", "nq-folders")}
    assert set(drops) == {"nq-tags", "nq-folders"}
    for d in drops.values():  # Gradio's own check would fail every question on a stale value
        assert d.allow_custom_value and d.preprocess(["gone-folder"]) == ["gone-folder"]
    # the service answers such a filter with a plain "no match", not an error
    html, _ = service.answer("bread", [], folders=["gone-folder"])
    assert '<div class="nq-state">No note is in gone-folder.</div>' in html


def test_launch_options_are_safe_by_default():
    opts = launch_options()
    assert opts["server_name"] == "127.0.0.1" and opts["share"] is False and opts["auth"] is None
    assert opts["show_error"] is False and opts["footer_links"] == [] and opts["mcp_server"] is False
    assert os.environ.get("GRADIO_ANALYTICS_ENABLED") == "False"


def test_gradio_loads_only_when_the_app_is_made():
    code = ("import sys, notesqa, notesqa.cli, notesqa.ui.chat, notesqa.status; "
            "print(sorted(m for m in sys.modules if m == 'gradio' or m == 'notesqa.ui.app'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_command_passes_options(monkeypatch, tmp_path):
    import notesqa.ui.app as app
    from notesqa.cli import main

    calls = []
    monkeypatch.setattr(app, "launch", lambda *a, **k: calls.append((a, k)))
    r = CliRunner().invoke(main, ["serve", "--notes", str(tmp_path), "--index", str(tmp_path / "i")])
    assert r.exit_code == 0, r.output
    a, k = calls[-1]
    assert k["host"] == "127.0.0.1" and k["port"] == 7860 and k["share"] is False and k["auth"] is None
    # (an index of its own: ./index may be the sample notes' after ./run.sh, refused for other notes)
    r = CliRunner().invoke(main, ["serve", "--notes", str(tmp_path), "--index", str(tmp_path / "i"), "--share",
                                  "--auth", "me:pa:ss", "--host", "0.0.0.0", "--port", "9000"])
    assert r.exit_code == 0, r.output
    a, k = calls[-1]
    assert k["share"] is True and k["auth"] == ("me", "pa:ss") and k["host"] == "0.0.0.0" and k["port"] == 9000
    r = CliRunner().invoke(main, ["serve", "--auth", "nocolon"])
    assert r.exit_code != 0 and "USER:PASSWORD" in r.output


def test_a_port_in_use_is_a_clear_error_and_starts_nothing(built, embedder, monkeypatch):
    import socket
    import threading

    import notesqa.ui.app as app
    from notesqa.address import check_address
    from notesqa.errors import ServeError

    started = []
    monkeypatch.setattr(app.NotesWatcher, "start", lambda self: started.append(self))
    before = threading.active_count()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        try:
            app.launch(built[0], built[1], port=port, embedder=embedder, block=False)
            raise AssertionError("launched on a port in use")
        except ServeError as exc:
            assert f"Port {port} on 127.0.0.1 is in use" in str(exc) and "--port" in str(exc)
    assert started == [] and threading.active_count() <= before + 1  # no watcher left running
    r = CliRunner().invoke(__import__("notesqa.cli", fromlist=["main"]).main, ["serve", "--port", "99999"])
    assert r.exit_code == 2 and "65535" in r.output
    # an address that is not this machine's, a name that is no address: said as such
    for host, says in (("10.255.255.1", "an address of this machine"), ("not-a-host.invalid", "no host name"),
                       ("::1", "IPv6 addresses are not supported")):
        try:
            check_address(host, 7860)
            raise AssertionError(f"{host} accepted")
        except ServeError as exc:
            assert says in str(exc) and "--host" in str(exc), str(exc)


def test_watcher_notices_changes(built, embedder):
    notes, index, _ = built
    svc = ChatService(notes, index, embedder=embedder)
    w = NotesWatcher(svc, interval=0.05)
    assert not w.changed()
    write(notes / "fresh.md", "* fresh bullet about zebras\n")
    assert w.changed()


def _wait_for(w, refreshes: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while w.refreshes < refreshes and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("events", [True, False])
def test_the_watcher_refreshes_the_index_and_logs_what_it_did(built, embedder, caplog, events):
    import logging

    notes, index, _ = built
    # events: told by the file system (watchfiles); else a scan every interval
    w = NotesWatcher(ChatService(notes, index, embedder=embedder), interval=0.05, events=events)
    write(notes / "fresh.md", "* fresh bullet about zebras\n")  # before it starts: found when it does
    with caplog.at_level(logging.INFO, logger="notesqa.watch"):
        w.start()
        _wait_for(w, 1)
        write(notes / "later.md", "* a later bullet about okapis\n")
        write(notes / ".obsidian" / "workspace.json", "{}")  # the app's own files are no change
        _wait_for(w, 2)
        time.sleep(0.3 if not events else 2.5)
        w.stopped.set()
        w.join(5)
    assert w.refreshes == 2 and not w.changed() and not w.is_alive()
    assert not any("Cannot watch" in r.getMessage() for r in caplog.records)  # told by events, not scanning
    # trial V: the server's log had said nothing of 50 refreshes
    assert any("Notes changed: refreshed the index" in r.getMessage() and "new 1" in r.getMessage()
               for r in caplog.records)


def test_the_watcher_leaves_out_the_index_and_hidden_folders(tmp_path):
    from notesqa.ui.app import _notes_path

    notes, index = str(tmp_path / ".dropbox" / "notes"), str(tmp_path / ".dropbox" / "notes" / "index")
    assert _notes_path(notes + "/work/a.md", notes, index)  # a notes folder inside a hidden one still counts
    assert not _notes_path(notes + "/.obsidian/workspace.json", notes, index)
    # ... but Obsidian's Excluded files (trial s39: applied only at the minute's scan)
    assert _notes_path(notes + "/.obsidian/app.json", notes, index)
    assert not _notes_path(index + "/CURRENT", notes, index) and _notes_path(notes + "/index-notes.md", notes, index)


def test_the_servers_console_shows_what_it_does_on_its_own(capsys):
    import logging

    from notesqa.ui.app import log_to_console

    log_to_console()
    log_to_console()  # once, however often the server starts
    logging.getLogger("notesqa.watch").info("Notes changed: refreshed the index (1 note).")
    err = capsys.readouterr().err
    # trial W: `serve` had set up no logging, so the watcher's lines went nowhere
    assert err.count("Notes changed: refreshed the index (1 note).") == 1 and err.startswith("notesqa ")


def test_the_page_handlers_answer_and_build(service):
    from notesqa.ui.app import _Page

    page = _Page(service)
    box, chat, turns = page.on_ask("  shuffle sharding  ", None, None, 5, [], [], " ", "")
    assert box == "" and len(turns) == 1 and [m["role"] for m in chat] == ["user", "assistant"]
    assert chat[0]["content"] == "shuffle sharding" and 'class="nq-hit"' in chat[1]["content"]
    assert page.on_ask("   ", chat, turns, 5, [], [], "", "") == ("", chat, turns)
    _, chat, turns = page.on_ask("shuffle sharding " * 300, chat, turns, 5, [], [], "", "")
    assert len(chat[-2]["content"]) < 420 and chat[-2]["content"].endswith("…")  # a pasted wall is echoed short
    msg, status, tags, folders, examples = page.on_refresh(progress=lambda f, desc: None)
    assert msg.startswith("**Index ready:**") and "**Notes:** 3" in status
    assert ("(top level)", ".") in folders["choices"] and examples["examples"][0]["text"].startswith("What do")


def test_the_number_of_results_is_a_whole_number_from_1_to_20():
    from notesqa.ui.app import results

    # trial s38: the box beside the slider took 2.5 (2 hits under a slider at 3), a blank or "abc" gave 1
    assert [results(k) for k in (5, 2.5, 2.4, 0, -3, 50, "7", "", None, "abc", float("nan"))] == \
        [5, 3, 2, 1, 1, 20, 7, 5, 5, 5, 5]


def test_a_refresh_asked_for_during_a_rebuild_says_so_and_closing_the_note_shows_the_hint(service):
    from notesqa.ui.app import _Page
    from notesqa.ui.assets import NOTE_PLACEHOLDER

    page = _Page(service)
    service.rebuilding = True  # a full rebuild running: a refresh is not queued behind it
    assert page.on_refresh(progress=lambda f, desc: None)[0].startswith("**A full rebuild is running:**")
    service.rebuilding = False
    assert page.on_refresh(progress=lambda f, desc: None)[0].startswith("**Index ready:**")
    seen = []
    service.build_message(progress=lambda f, m: seen.append(service.rebuilding), rebuild=True)
    assert seen and all(seen) and not service.rebuilding  # said while the rebuild runs, and only then
    assert page.show_source("") == NOTE_PLACEHOLDER


def test_an_idle_server_does_not_look_for_work_a_thousand_times_a_second(service):
    # trial s39: Gradio's queue polled every millisecond, 3% of a core with nothing to do (1% after: measured)
    from notesqa.ui.app import IDLE_POLL, PROGRESS_POLL, create_app, quiet_when_idle

    demo = create_app(service).queue()
    quiet_when_idle(demo)
    assert demo._queue.sleep_when_free == IDLE_POLL and demo._queue.progress_update_sleep_when_free == PROGRESS_POLL
    quiet_when_idle(object())  # a Gradio without that queue: nothing to do
