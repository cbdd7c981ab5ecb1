"""The browser chat as people use it, in a real browser (Debian's chromium through Playwright).

The app runs as a real subprocess (`python -m notesqa.cli serve --model hash-256 ...`, the
tiny deterministic fake embedder, so this stays fast) on a copy of tests/fixtures_browser/notes,
indexed when the page first loads. Each test starts from a freshly loaded page (an empty chat,
no filters); a test that changes the notes, or needs none, runs its own app.

Screenshots go to $NOTESQA_SCREENSHOTS if set (`NOTESQA_SCREENSHOTS=docs/screenshots
pytest -m browser` refreshes the ones in the docs), else to pytest's temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import notesqa

CHROMIUM = "/usr/bin/chromium"
FIXTURE = Path(__file__).parent / "fixtures_browser" / "notes"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

if sync_playwright is None:
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)
# expect() waits 5 s by default; a busy 2-core machine (the model answering, a build beside
# it) can take longer to update the page, and a slow page is not a wrong one
expect.set_options(timeout=20_000)
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Until url answers 200 and the server has said where it listens (it says so just after)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200 and "notesqa: answering from" in log.read_text(errors="replace"):
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server did not answer within {timeout}s:\n{log.read_text(errors='replace')}")


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on port (Linux /proc/net/tcp{,6})."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            addr, p = parts[1].rsplit(":", 1)
            if int(p, 16) == port and parts[3] == "0A":  # 0A = LISTEN
                found.add(addr)
    return found


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("NOTESQA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@contextlib.contextmanager
def running_app(base: Path, *extra: str):
    """`python -m notesqa.cli serve` on base/notes and base/index, on a free port, as a real subprocess."""
    notes, index, log = base / "notes", base / "index", base / "server.log"
    notes.mkdir(exist_ok=True)
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # the server runs the notesqa these tests import (a relative PYTHONPATH would not hold in base)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(notesqa.__file__).resolve().parents[1]),
                                                    env.get("PYTHONPATH")) if p)
    env.pop("GRADIO_ANALYTICS_ENABLED", None)  # the app must turn analytics off by itself
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "notesqa.cli", "serve", "--model", "hash-256", "--notes", str(notes),
             "--index", str(index), "--port", str(port), *extra],
            cwd=base, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url, proc, log)
        yield {"url": url, "port": port, "notes": notes, "index": index, "log": log, "proc": proc}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a copy of the fixture notes, shared by the tests that do not change them."""
    base = tmp_path_factory.mktemp("app")
    shutil.copytree(FIXTURE, base / "notes")
    with running_app(base) as app:
        yield app


@pytest.fixture(scope="module")
def browser_page():
    """One chromium page for the module; each test loads the app it needs into it."""
    profile = tempfile.mkdtemp(prefix="nq-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 950})
        pg = ctx.pages[0] if ctx.pages else ctx.new_page()
        pg.set_default_timeout(20_000)
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
        pg.page_errors = errors
        try:
            yield pg
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)


def open_app(pg, url: str, notes: int | None = 5):
    """The page loaded anew from url (a new session: empty chat, no filters), its errors forgotten;
    with notes, once the status shows that many indexed."""
    pg.page_errors.clear()
    pg.goto(url)
    if notes is not None:
        expect(pg.locator("#nq-status")).to_contain_text(f"Notes: {notes}", timeout=30_000)
    return pg


@pytest.fixture
def page(browser_page, server):
    """The shared app's page, freshly loaded."""
    return open_app(browser_page, server["url"])


def ask(pg, question: str) -> None:
    """Type a question, press Enter, wait for its answer; the newest answer is then .last."""
    answers = pg.locator("#nq-chat [class*=bot-row]")
    before = answers.count()
    pg.locator("#nq-question textarea").fill(question)
    pg.locator("#nq-question textarea").press("Enter")
    expect(answers).to_have_count(before + 1)
    expect(pg.locator("#nq-question textarea")).to_have_value("")


def new_conversation(pg) -> None:
    pg.locator("#nq-clear").click()
    expect(pg.locator("#nq-chat [class*=bot-row]")).to_have_count(0)


def last_answer(pg):
    return pg.locator("#nq-chat [class*=bot-row]").last


def snap(pg, path: Path) -> None:
    """A screenshot once the page has settled (the chat scrolls to the newest question after an answer)."""
    pg.wait_for_timeout(400)
    pg.screenshot(path=path)


def page_text_without_tracebacks(pg) -> None:
    body = pg.locator("body").inner_text()
    assert "Traceback" not in body and 'File "' not in body, body[-2000:]


# --------------------------------------------------------------------------- the flow


def test_empty_notes_folder_then_refresh(browser_page, tmp_path, shots):
    """First start on an empty notes folder: clear messages; then notes arrive and Refresh builds them."""
    with running_app(tmp_path) as app:
        assert listening_addresses(app["port"]) <= {"0100007F", "0000000000000000FFFF00000100007F"}, \
            "the server must bind 127.0.0.1 only"
        page = open_app(browser_page, app["url"], notes=None)
        status = page.locator("#nq-status")
        expect(status).to_contain_text("Notes: none yet", timeout=30_000)
        expect(page.locator("#nq-build-msg")).to_contain_text("has no markdown notes")
        ask(page, "what is shuffle sharding?")
        expect(last_answer(page)).to_contain_text("no notes in the index")
        snap(page, shots / "empty-state.png")

        shutil.copytree(FIXTURE, app["notes"], dirs_exist_ok=True)
        page.locator("#nq-refresh").click()
        expect(page.locator("#nq-build-msg")).to_contain_text("Index ready: 5 notes", timeout=30_000)
        expect(status).to_contain_text("Notes: 5")
        expect(status).to_contain_text("hash-256")
        expect(status).to_contain_text("Changed since: none")
        # example questions are drawn from the notes themselves; clicking one asks it
        new_conversation(page)
        example = page.locator("#nq-chat .examples button", has_text="frugal architect")
        expect(example).to_be_visible()
        snap(page, shots / "first-start.png")
        example.click()
        expect(last_answer(page).locator(".nq-hit").first).to_contain_text("The frugal architect")
        page_text_without_tracebacks(page)


def test_answer_with_breadcrumb_highlight_and_more_context(page, shots):
    ask(page, "how does shuffle sharding map customers to cells?")
    answer = last_answer(page)
    first = answer.locator(".nq-hit").first
    expect(first.locator(".nq-text")).to_contain_text("Shuffle sharding to map customers to cells")
    expect(first.locator(".nq-crumb")).to_have_text(
        "AWS re:Invent 2024 › Keynotes › CTO Werner Vogels › Lessons in Simplexity › Organize into cells")
    expect(first.locator("a.nq-src")).to_have_text("conferences/reinvent-2024.md:14")
    expect(first.locator(".nq-rel")).to_contain_text("relevance")
    # the words of the question are marked
    expect(first.locator(".nq-text mark").first).to_have_text("Shuffle")
    assert {"Shuffle", "sharding", "customers", "cells"} <= set(first.locator(".nq-text mark").all_inner_texts())
    # more context: the parent and siblings of the hit unfold in place
    ctx = first.locator("details.nq-more")
    expect(ctx.locator(".nq-ctx")).to_be_hidden()
    ctx.locator("summary").click()
    expect(ctx.locator(".nq-ctx")).to_be_visible()
    expect(ctx.locator(".nq-ctx")).to_contain_text("Organize into cells")
    expect(ctx.locator(".nq-ctx")).to_contain_text("Cell based architecture")
    expect(ctx.locator(".nq-ctx .nq-ctx-hit")).to_contain_text("Shuffle sharding")
    snap(page, shots / "answer.png")


def test_follow_up_uses_the_conversation(page, shots):
    ask(page, "how does shuffle sharding map customers to cells?")
    ask(page, "what did Werner say at re:Invent 2024?")
    expect(last_answer(page).locator(".nq-hit").first.locator("a.nq-src")).to_contain_text("reinvent-2024.md")
    ask(page, "and in 2023?")
    answer = last_answer(page)
    expect(answer.locator(".nq-followup")).to_contain_text("what did Werner say at re:Invent in 2023")
    expect(answer.locator(".nq-hit").first.locator("a.nq-src")).to_contain_text("conferences/reinvent-2023.md")
    # the history stays: every question and answer is still on the page
    expect(page.locator("#nq-chat [class*=user-row]")).to_have_count(3)
    expect(page.locator("#nq-chat [class*=user-row]").first).to_contain_text(
        "how does shuffle sharding map customers to cells?")
    snap(page, shots / "follow-up.png")
    # "what else" skips what was already shown
    shown = set(answer.locator("a.nq-src").all_inner_texts())
    ask(page, "what else about cells?")
    expect(last_answer(page).locator(".nq-followup")).to_contain_text("already shown")
    assert shown and not shown & set(last_answer(page).locator("a.nq-src").all_inner_texts())


def test_clicking_a_source_shows_the_note_with_the_bullet_highlighted(page, shots):
    ask(page, "how does shuffle sharding map customers to cells?")
    ask(page, "what did Werner say at re:Invent 2024?")
    first_answer = page.locator("#nq-chat [class*=bot-row]").first
    first_answer.locator(".nq-hit").first.locator("a.nq-src").click()
    target = page.locator("#nq-note .nq-target")
    expect(target).to_have_text("Shuffle sharding to map customers to cells")
    expect(page.locator("#nq-note .nq-note-head")).to_contain_text("conferences/reinvent-2024.md")
    expect(target).to_be_in_viewport()
    assert page.url.rstrip("/") == page.url.split("#")[0].rstrip("/"), "the link must not navigate"
    snap(page, shots / "source.png")


def test_a_keyboard_opens_a_source_reads_it_and_closes_it(page):
    # trial s38: focus stayed on the link, the note took 12 Tabs to reach, and nothing closed it
    ask(page, "how does shuffle sharding map customers to cells?")
    link = last_answer(page).locator(".nq-hit").first.locator("a.nq-src")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#nq-note .nq-target")).to_be_focused()
    assert page.locator("#nq-note-body").get_attribute("aria-label").startswith("Note: ")
    page.keyboard.press("Escape")
    expect(page.locator("#nq-note .nq-note-empty")).to_be_visible()
    expect(link).to_be_focused()
    link.click()  # and the note's own button closes it too
    page.locator("#nq-note .nq-note-close").click()
    expect(page.locator("#nq-note .nq-note-empty")).to_be_visible()


def test_a_link_followed_inside_the_note_keeps_the_keyboard_there(browser_page, tmp_path):
    # the review: after a link inside the shown note, the keyboard had dropped to the page and Escape did nothing
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "alpha.md").write_text("# Alpha\n\n- shuffle sharding maps customers to cells, see [[Beta]]\n")
    (notes / "beta.md").write_text("# Beta\n\n- beta explains cell routing in detail\n")
    with running_app(tmp_path) as app:
        pg = open_app(browser_page, app["url"], notes=2)
        ask(pg, "shuffle sharding customers cells")
        link = last_answer(pg).locator(".nq-hit a.nq-src", has_text="alpha.md")
        link.focus()
        pg.keyboard.press("Enter")
        expect(pg.locator("#nq-note .nq-target")).to_be_focused()
        pg.locator("#nq-note-body a", has_text="Beta").focus()
        pg.keyboard.press("Enter")
        expect(pg.locator("#nq-note .nq-note-where")).to_contain_text("beta.md")
        expect(pg.locator("#nq-note .nq-target")).to_be_focused()
        pg.keyboard.press("Escape")
        expect(pg.locator("#nq-note .nq-note-empty")).to_be_visible()
        expect(link).to_be_focused()


def test_a_screen_reader_hears_how_many_hits_and_each_hits_note_first(page):
    # trial s38; in the page itself, as the chat's sanitizer strips aria-label (the review)
    ask(page, "how does shuffle sharding map customers to cells?")
    answer = last_answer(page)
    expect(answer.locator(".nq-sr").first).to_have_text(re.compile(r"^\d+ passages? from \d+ notes?\.$"))
    hit = answer.locator(".nq-hit").first
    assert hit.get_attribute("role") == "article"
    expect(hit.locator(".nq-sr")).to_have_text(re.compile(r"^Hit 1, from .+: $"))
    assert hit.locator(".nq-sr").evaluate("e => e.getBoundingClientRect().width") <= 1  # heard, not seen


def test_the_question_box_is_named_and_shows_its_focus(page):
    box = page.locator("#nq-question textarea")
    expect(box).to_have_accessible_name("Ask your notes")  # not "Textbox" (trial s38)
    box.focus()
    assert box.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


def test_a_narrow_window_starts_with_the_sidebar_closed_and_out_of_the_keyboards_way(browser_page, server):
    # trial s38: at 768 px the open sidebar covered the chat; closed, its nine controls were still Tab stops
    browser_page.set_viewport_size({"width": 768, "height": 1024})
    try:
        pg = open_app(browser_page, server["url"])
        side = pg.locator("#nq-sidebar")
        expect(side).not_to_have_class(re.compile(r"\bopen\b"))
        expect(side.locator(".toggle-button")).to_have_attribute("aria-expanded", "false")
        assert side.locator(".sidebar-content").evaluate("e => e.inert") is True
        side.locator(".toggle-button").click()
        expect(side.locator(".toggle-button")).to_have_attribute("aria-expanded", "true")
        assert side.locator(".sidebar-content").evaluate("e => e.inert") is False
        # ... and, open over the whole page, what is under it is out of the keyboard's way (the retest)
        assert pg.locator("#nq-question textarea").evaluate("e => e.closest('[inert]') !== null") is True
        side.locator(".toggle-button").click()
        expect(side.locator(".toggle-button")).to_have_attribute("aria-expanded", "false")
        assert pg.locator("#nq-question textarea").evaluate("e => e.closest('[inert]') === null") is True
    finally:
        browser_page.set_viewport_size({"width": 1400, "height": 950})


def test_dark_mode_keeps_the_hits_and_the_note_readable(browser_page, server, shots):
    # trial s38: the note view's text was white on white (1.1:1), the marked words 1.1:1
    pg = open_app(browser_page, server["url"] + "?__theme=dark")
    ask(pg, "how does shuffle sharding map customers to cells?")
    last_answer(pg).locator(".nq-hit").first.locator("a.nq-src").click()
    expect(pg.locator("#nq-note .nq-target")).to_be_visible()
    contrast = """(sel) => {
      const lum = (c) => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => x / 255)
        .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
      const e = document.querySelector(sel);
      let b = e, bg = 'rgba(0, 0, 0, 0)';
      // (a tint such as a hit's 5% blue is no background of its own)
      while (b && /rgba\\(.*, 0?\\.?\\d*\\)$/.test(bg = getComputedStyle(b).backgroundColor)
             && Number(bg.match(/[\\d.]+/g)[3]) < 0.5) b = b.parentElement;
      const [l1, l2] = [lum(getComputedStyle(e).color), lum(bg)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    }"""
    for sel in ("#nq-note-body li", "#nq-note .nq-target", "#nq-chat mark", "#nq-chat .nq-crumb", "#nq-chat .nq-meta"):
        assert pg.evaluate(contrast, sel) >= 4.5, sel
    snap(pg, shots / "dark.png")


def test_the_question_box_has_focus_and_inline_code_and_tables_read_whole(page):
    # focused on load: typing asks, with no tabbing past the sidebar first
    assert page.evaluate("document.activeElement.closest('#nq-question') !== null")
    ask(page, "smart oven steam mode bake")
    hit = last_answer(page).locator(".nq-hit").first
    code = hit.locator("code.nq-inline").first
    expect(code).to_contain_text("--steam on")
    # inline, within the hit: not Gradio's inline-flex, which stood each marked word in a column of its own
    assert code.evaluate("e => getComputedStyle(e).display") == "inline"
    box, card = code.bounding_box(), hit.bounding_box()
    assert box["x"] + box["width"] <= card["x"] + card["width"] + 1
    hit.locator("a.nq-src").click()
    cell = page.locator("#nq-note td", has_text="Bulk fermentation")
    expect(cell).to_be_visible()
    assert cell.evaluate("e => getComputedStyle(e).wordBreak") == "normal"  # words whole, the table scrolls


def test_asking_to_open_a_note_shows_it_in_the_note_view(page):
    ask(page, "open the Sourdough bread note")
    expect(page.locator("#nq-note .nq-note-head")).to_contain_text("cooking/sourdough.md")
    expect(page.locator("#nq-note .nq-target")).to_be_visible()


def test_source_view_scrolls_to_a_bullet_deep_in_a_long_note(page):
    ask(page, "idempotent consumers at-least-once delivery")
    src = "reading/designing-data-intensive-applications.md:68"
    last_answer(page).locator("a.nq-src", has_text=src).first.click()
    target = page.locator("#nq-note .nq-target")
    expect(target).to_have_text("Idempotent consumers make at-least-once delivery safe")
    expect(page.locator("#nq-note .nq-note-head")).to_contain_text("line 68")
    expect(target).to_be_in_viewport()
    page.wait_for_function("document.querySelector('#nq-note-body').scrollTop > 0")


def test_filters(page, shots):
    tags = page.locator("#nq-tags input")
    tags.click()
    tags.fill("cooking")
    page.get_by_role("option", name="cooking").click()
    page.keyboard.press("Escape")
    ask(page, "how long to bulk ferment?")
    hit = last_answer(page).locator(".nq-hit").first
    expect(hit.locator("a.nq-src")).to_contain_text("cooking/sourdough.md")
    expect(last_answer(page).locator("a.nq-src", has_text="conferences/")).to_have_count(0)
    snap(page, shots / "filters-status.png")
    # a date range nothing is in: says so
    before = page.locator("#nq-before input, #nq-before textarea")
    before.fill("2000-01-01")
    ask(page, "sourdough bread")
    expect(last_answer(page)).to_contain_text("No note is dated on or before 2000-01-01")
    # a bad date is a message, not a traceback
    before.fill("last tuesday")
    ask(page, "bread")
    expect(last_answer(page)).to_contain_text("YYYY-MM-DD")
    before.fill("")
    page.locator("#nq-tags").get_by_role("button", name=re.compile("remove|clear|×", re.I)).first.click()
    expect(page.locator("#nq-tags")).not_to_contain_text("cooking")
    # the notes folder itself is a folder choice too
    folders = page.locator("#nq-folders input")
    folders.click()
    page.get_by_role("option", name="(top level)").click()
    page.keyboard.press("Escape")
    ask(page, "payload zebra cells sourdough")
    expect(last_answer(page).locator("a.nq-src").first).to_contain_text("untrusted-clipping.md")
    expect(last_answer(page).locator("a.nq-src", has_text="/")).to_have_count(0)
    page.locator("#nq-folders").get_by_role("button", name=re.compile("remove|clear|×", re.I)).first.click()
    expect(page.locator("#nq-folders")).not_to_contain_text("top level")
    page_text_without_tracebacks(page)


def test_rebuild_all_and_a_new_tag_without_a_reload(browser_page, tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "notes")
    with running_app(tmp_path) as app:
        page = open_app(browser_page, app["url"])
        # a note changes; "Rebuild all" re-embeds everything
        note = app["notes"] / "cooking" / "sourdough.md"
        note.write_text(note.read_text(encoding="utf-8") + "* Cool for an hour before slicing\n", encoding="utf-8")
        # asked once more first: Cancel does nothing, the keyboard back on the button
        page.locator("#nq-rebuild").click()
        expect(page.locator("#nq-rebuild-ask")).to_contain_text("Rebuild the whole index?")
        expect(page.locator("#nq-rebuild-no")).to_be_focused()
        page.locator("#nq-rebuild-no").click()
        expect(page.locator("#nq-rebuild-ask")).to_be_hidden()
        expect(page.locator("#nq-rebuild")).to_be_focused()
        page.wait_for_timeout(1_000)
        expect(page.locator("#nq-build-msg")).not_to_contain_text("Full rebuild")
        page.locator("#nq-rebuild").click()
        page.locator("#nq-rebuild-yes").click()
        expect(page.locator("#nq-rebuild-ask")).to_be_hidden()
        expect(page.locator("#nq-build-msg")).to_contain_text("Full rebuild", timeout=30_000)
        expect(page.locator("#nq-status")).to_contain_text("Changed since: none")
        # a note with a new tag, picked up by the watcher: the tag list offers it without a reload
        (app["notes"] / "trips").mkdir()
        (app["notes"] / "trips" / "lisbon.md").write_text("---\ntags: [travel]\n---\n\n* Tram 28 at dawn\n",
                                                         encoding="utf-8")
        page.wait_for_timeout(22_000)  # the watcher scans every 5 s; the page checks for a new index every 15 s
        page.locator("#nq-tags input").click()
        expect(page.get_by_role("option", name="travel")).to_be_visible(timeout=15_000)
        page.keyboard.press("Escape")
        page_text_without_tracebacks(page)


def test_hostile_note_runs_nothing(page, shots):
    ask(page, "payload zebra")
    answer = last_answer(page)
    expect(answer).to_contain_text("Payload zebra one")
    link = answer.locator("a.nq-src", has_text="untrusted-clipping.md").first
    link.click()
    note = page.locator("#nq-note .nq-note")
    # HTML reads as a browser shows it: a script and a picture without alt text are nothing to read
    expect(note).to_contain_text("Payload zebra two")
    expect(note).not_to_contain_text("<script>")
    expect(note).not_to_contain_text("window.__pwned = 1")
    expect(note).not_to_contain_text("onerror")
    expect(note).to_contain_text("[click me](javascript:window.__pwned=3)")
    expect(note).to_contain_text("${window.__pwned = 5}")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "notesqa"
    assert page.locator("#nq-note img, #nq-chat img[src='x'], a[href^='javascript:']").count() == 0
    assert not page.page_errors, page.page_errors
    snap(page, shots / "hostile-note.png")


def test_only_indexed_notes_inside_the_folder_can_be_shown(page, server):
    # through the page: put a hostile target in the (hidden) source box and press the (hidden) button
    for target in ("../../../../etc/passwd:1", "/etc/passwd:1", "conferences/../../index/CURRENT:1",
                   "conferences/%2e%2e/x.md:1"):
        new_conversation(page)  # the note view back to its placeholder, so each refusal shows anew
        expect(page.locator("#nq-note")).to_contain_text("Click a source")
        page.evaluate("""(t) => {
            const box = document.querySelector('#nq-src-box textarea, #nq-src-box input');
            box.value = t; box.dispatchEvent(new Event('input', {bubbles: true}));
        }""", target)
        page.wait_for_timeout(150)
        page.evaluate("document.querySelector('#nq-src-btn').click()")
        expect(page.locator("#nq-note")).to_contain_text("not a note in the index")
        assert "root:" not in page.locator("#nq-note").inner_text()
    # and through Gradio's own file route: neither notes nor system files are served
    note = server["notes"] / "conferences" / "reinvent-2024.md"
    for path in ("/etc/passwd", str(note), str(server["index"] / "CURRENT")):
        url = server["url"] + "gradio_api/file=" + urllib.parse.quote(path)
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                body = r.read(200)
                assert r.status != 200 or (b"root:" not in body and b"Simplexity" not in body), url
        except urllib.error.HTTPError as exc:
            assert exc.code in (403, 404), (url, exc.code)


def test_server_binds_locally_without_share_link_or_tracebacks(server):
    log = server["log"].read_text(errors="replace")
    assert "on http://127.0.0.1:" in log and "this computer only" in log
    assert "gradio.live" not in log and "share=True" not in log
    assert "Traceback" not in log, log


def test_auth_asks_for_a_login_first(browser_page, tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "notes")
    with running_app(tmp_path, "--auth", "reader:s3cret word") as app:
        page = browser_page
        for path in ("config", "gradio_api/info", "gradio_api/file=" + urllib.parse.quote(str(app["notes"]))):
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(app["url"] + path, timeout=5)
            assert err.value.code in (401, 403)
        page.goto(app["url"])
        page.get_by_label(re.compile("username", re.I)).fill("reader")
        page.get_by_label(re.compile("password", re.I)).fill("wrong")
        page.get_by_role("button", name=re.compile("login", re.I)).click()
        expect(page.get_by_text(re.compile("incorrect", re.I))).to_be_visible()
        page.get_by_label(re.compile("username", re.I)).fill("reader")
        page.get_by_label(re.compile("password", re.I)).fill("s3cret word")
        page.get_by_role("button", name=re.compile("login", re.I)).click()
        expect(page.locator("#nq-question textarea")).to_be_visible(timeout=30_000)
        expect(page.locator("#nq-status")).to_contain_text("Notes: 5", timeout=30_000)
