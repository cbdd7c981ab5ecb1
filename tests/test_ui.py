"""The browser chat's logic without a browser: ChatService, rendering, follow-ups, safe defaults."""

from __future__ import annotations

import os
import re
import urllib.parse

import pytest
from click.testing import CliRunner

from conftest import write
from notesqa import NotesQAError
from notesqa.conversation import asks_for_more, followup_kind, is_followup, standalone
from notesqa.ui import ChatService, NotesWatcher, highlight, launch_options, render_markdown, source_href

HOSTILE = """
    ---
    title: Clipped <b>page</b>
    tags: [inbox]
    ---

    # Pasted <img src=x onerror="window.__pwned=1">

    * Zebra one <script>window.__pwned = 1</script>
    * Zebra two <img src=x onerror="window.__pwned=2">
    * Zebra three [click](javascript:window.__pwned=3) and <a href="javascript:alert(1)">x</a>
    * Zebra four ![tracker](https://example.com/pixel.png) and [web](https://example.com/)
    """


@pytest.fixture
def service(built, embedder):
    notes, index, _ = built
    return ChatService(notes, index, embedder=embedder)


@pytest.fixture
def hostile(built, embedder):
    notes, index, _ = built
    write(notes / "inbox/clip.md", HOSTILE)
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    return svc


def no_active_html(text: str) -> None:
    """No element or attribute that can run script, and no remote loads (escaped text is fine)."""
    for tag in re.findall(r"<[^>]+>", text):
        assert not re.match(r"<\s*(script|img|iframe|object|embed|svg|style|link|meta)\b", tag, re.I), tag
        assert not re.search(r"\son\w+\s*=", tag, re.I), tag
        assert not re.search(r"(href|src|action)\s*=\s*[\"']?\s*(javascript|data|vbscript):", tag, re.I), tag


# --------------------------------------------------------------------------- answers


def test_answer_shows_bullet_breadcrumb_source_relevance_and_marks(service):
    html, turn = service.answer("shuffle sharding customers cells", [])
    assert turn.hits and turn.hits[0].source == "aws-2024.md:13"
    first = html.split('<div class="nq-hit">')[1]
    assert "<mark>Shuffle</mark> <mark>sharding</mark>" in first
    assert ("AWS re:Invent 2024 › Keynotes › CTO Werner Vogels › Lessons in Simplexity › Organize into cells"
            in first)
    assert 'href="#nq-src=aws-2024.md:13@' in first and ">aws-2024.md:13</a>" in first
    assert "relevance" in first and 'class="nq-bar"' in first
    # more context, in place: the parent and the siblings of the hit
    ctx = first.split('<div class="nq-ctx">')[1]
    plain = re.sub(r"</?mark>", "", ctx)
    assert "Organize into cells" in plain and "Cell based architecture" in plain
    assert '<span class="nq-ctx-hit">' in ctx


def test_answer_escapes_hostile_note_text(hostile):
    html, turn = hostile.answer("zebra", [])
    assert any(h.path == "inbox/clip.md" for h in turn.hits)
    no_active_html(html)
    assert "<b>page</b>" not in html


def test_breadcrumb_shows_a_heading_that_repeats_the_title_once():
    from types import SimpleNamespace

    from notesqa.ui import breadcrumb

    hit = SimpleNamespace(breadcrumb=["Designing Data-Intensive Applications (Kleppmann)",
                                      "Designing Data-Intensive Applications", "Ch 5", "Replication"])
    assert breadcrumb(hit) == ["Designing Data-Intensive Applications (Kleppmann)", "Ch 5", "Replication"]
    assert breadcrumb(SimpleNamespace(breadcrumb=["Bread", "bread", "Method"])) == ["Bread", "Method"]
    assert breadcrumb(SimpleNamespace(breadcrumb=["Cells", "Cell based"])) == ["Cells", "Cell based"]


def test_highlight_escapes_and_marks_stems():
    out = highlight("Cells <script>x</script> & cell", "cells")
    assert out == "<mark>Cells</mark> &lt;script&gt;x&lt;/script&gt; &amp; <mark>cell</mark>"
    assert highlight("a < b", "") == "a &lt; b"


def test_no_match_and_bad_filter_are_messages(service):
    html, turn = service.answer("shuffle sharding", [], folders=["nowhere"])
    assert "No matching notes" in html and "fewer filters" in html and turn.hits == []
    html, turn = service.ask("bread", [], after="last tuesday")
    assert turn is None and "YYYY-MM-DD" in html and "Traceback" not in html
    assert "Dated from" in html  # the sidebar field's name, not the in-question after: syntax


def test_unexpected_error_never_shows_a_traceback(service, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("secret internals /home/me/.ssh")

    monkeypatch.setattr(service.index(), "search", boom)
    html, turn = service.ask("cells", [])
    assert turn is None
    assert "Something went wrong" in html and "RuntimeError" in html
    assert "secret internals" not in html and "Traceback" not in html


def test_no_index_yet_and_no_notes_folder(tmp_path, embedder):
    notes = tmp_path / "notes"
    notes.mkdir()
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    html, turn = svc.answer("anything", [])
    assert "no index yet" in html.lower() and turn.hits == []
    assert "none yet" in svc.status_markdown()
    assert svc.examples() == []
    gone = ChatService(tmp_path / "missing", tmp_path / "index2", embedder=embedder)
    assert "does not exist" in gone.answer("anything", [])[0]
    assert "does not exist" in gone.status_markdown()
    msg = gone.build_message()
    assert msg.startswith("**Index build failed:**") and "does not exist" in msg


def test_empty_notes_folder(tmp_path, embedder):
    notes = tmp_path / "notes"
    notes.mkdir()
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    assert "has no markdown notes" in svc.build_message()
    assert "none yet" in svc.status_markdown()
    html, _ = svc.answer("anything", [])
    assert "no notes in the index" in html


def test_error_while_building_is_one_line_and_shows_in_status(tmp_path, embedder):
    from notesqa.embedding.hashing import HashEmbedder

    class Broken(HashEmbedder):
        def encode(self, texts, progress=None):
            raise RuntimeError("model exploded")

    notes = tmp_path / "notes"
    write(notes / "a.md", "* a bullet\n")
    svc = ChatService(notes, tmp_path / "index", embedder=Broken(256))
    msg = svc.build_message()
    assert msg.startswith("**Index build failed:**") and "RuntimeError" in msg and "Traceback" not in msg
    assert "\n" not in msg
    assert "Last build failed" in svc.status_markdown()
    assert not svc.building


def test_build_reports_progress_and_status(tmp_path, notes, embedder):
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    seen = []
    msg = svc.build_message(progress=lambda f, m: seen.append((f, m)))
    assert msg.startswith("**Index ready:** 3 notes")
    assert seen and all(0.0 <= f <= 1.0 for f, _ in seen)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    assert any("Embedding" in m for _, m in seen)
    status = svc.status_markdown()
    for part in ("**Notes:** 3", "**Chunks:**", "**Built:**", "**Model:** hash-256", "**Changed since:** none"):
        assert part in status
    write(notes / "new.md", "* brand new\n")
    assert "**Changed since:** 1 new" in svc.status_markdown()


def test_examples_are_drawn_from_the_notes(service):
    ex = service.examples()
    assert 1 <= len(ex) <= 4
    assert all(q.startswith("What do my notes say about ") and q.endswith("?") for q in ex)
    assert any("organize into cells" in q.lower() or "lessons in simplexity" in q.lower() for q in ex)


def test_a_chosen_filter_that_a_rebuild_removed_does_not_break_questions(service):
    from notesqa.ui import create_app, still_there

    assert still_there([".", "home", "cooking"], [("(top level)", "."), "cooking"]) == [".", "cooking"]
    assert still_there(None, ["a"]) == []
    demo = create_app(service)
    drops = {b.elem_id: b for b in demo.blocks.values() if getattr(b, "elem_id", None) in ("nq-tags", "nq-folders")}
    assert set(drops) == {"nq-tags", "nq-folders"}
    for d in drops.values():  # Gradio's own check would fail every question on a stale value
        assert d.allow_custom_value and d.preprocess(["gone-folder"]) == ["gone-folder"]
    # the service answers such a filter with a plain "no match", not an error
    html, _ = service.answer("bread", [], folders=["gone-folder"])
    assert "No matching notes" in html and "fewer filters" in html


def test_filter_choices(service):
    tags, folders = service.filter_choices()
    assert {"aws", "cooking"} <= set(tags)
    assert folders == [("(top level)", "."), "cooking"]
    # the top level is a folder like the others: its notes only
    html, turn = service.answer("bread", [], folders=["."])
    assert turn.hits and all("/" not in h.path for h in turn.hits)
    _, turn = service.answer("bread", [], folders=["cooking"])
    assert turn.hits and all(h.path.startswith("cooking/") for h in turn.hits)


# --------------------------------------------------------------------------- sources


def test_render_source_highlights_the_bullet(service):
    out = service.render_source("aws-2024.md:13")
    assert re.search(r'<li class="nq-target" id="nq-target">Shuffle sharding to map customers to cells', out)
    assert out.count("nq-target") == 2  # the class and the id, on one element
    assert "title: AWS re:Invent 2024" not in out  # front matter is not shown
    assert "AWS re:Invent 2024" in out.split('<div class="nq-note"')[0]


def test_a_source_link_finds_its_passage_after_the_note_is_edited(service, built):
    notes = built[0]
    _, turn = service.answer("shuffle sharding customers cells", [])
    hit = next(h for h in turn.hits if h.match == "Shuffle sharding to map customers to cells")
    target = urllib.parse.unquote(source_href(hit.source, hit.match)[len("#nq-src="):])
    assert target.startswith(f"{hit.source}@")
    marked = r'<li class="nq-target" id="nq-target">Shuffle sharding to map customers to cells'
    assert re.search(marked, service.render_source(target))
    note = notes / hit.path
    original = note.read_text(encoding="utf-8")
    # three lines added above it, index not rebuilt yet: found in the file
    note.write_text(original.replace("# Keynotes", "# Keynotes\n\nA new paragraph.\n\nAnd another one.", 1),
                    encoding="utf-8")
    out = service.render_source(target)
    assert re.search(marked, out) and f"line {hit.line + 4}" in out and "changed since" not in out
    # ... and after the rebuild: found in the index
    service.build()
    out = service.render_source(target)
    assert re.search(marked, out) and f"line {hit.line + 4}" in out
    # the passage is gone: the note is shown, and says it changed
    note.write_text(original.replace("* Shuffle sharding to map customers to cells\n", ""), encoding="utf-8")
    service.build()
    out = service.render_source(target)
    assert "changed since this answer" in out and "Shuffle sharding" not in out
    # a plain "path:line" (links inside notes, older pages) still works
    assert "nq-note-head" in service.render_source(hit.source)


def test_source_links_to_any_kind_of_passage_survive_edits(tmp_path, embedder):
    notes = tmp_path / "n"
    write(notes / "mixed.md", """
        # Mixed

        - **Kleppmann** explains _leader election_ in chapter nine
        - [Jepsen](https://jepsen.io) reports show lost writes under partitions
        - Set the log level to debug in staging
        - Set the log level to warn in production

        | Flour | Protein |
        |---|---|
        | Bread flour | 12.7% |

        To see bloat run this query:

        ```sql
        select * from pg_stat_user_tables;
        ```
        """)
    service = ChatService(notes, tmp_path / "ix", embedder=embedder)
    service.build()
    chunks = service.index().note_chunks("mixed.md")
    targets = {c.text.split("\n")[0][:20]: (f"mixed.md:{c.line}", c.text) for c in chunks}
    unchanged = {}
    for key, (src, text) in targets.items():
        out = service.render_source(urllib.parse.unquote(source_href(src, text)[len("#nq-src="):]))
        assert "changed since" not in out, key  # emphasis, links, tables and code are found as they are
        assert f"line {src.split(':')[1]}" in out and "nq-target" in out
        unchanged[key] = out
    # two lines above everything, not indexed yet: each passage is found at its new line, the right twin too
    note = notes / "mixed.md"
    note.write_text(note.read_text().replace("# Mixed\n", "# Mixed\n\nNew line one.\n\nNew line two.\n"))
    for key, (src, text) in targets.items():
        out = service.render_source(urllib.parse.unquote(source_href(src, text)[len("#nq-src="):]))
        assert "changed since" not in out and f"line {int(src.split(':')[1]) + 4}" in out, key
    warn = targets["Set the log level to"]  # the last of the two bullets that start alike
    src, text = next((f"mixed.md:{c.line}", c.text) for c in chunks if c.text.endswith("production"))
    out = service.render_source(urllib.parse.unquote(source_href(src, text)[len("#nq-src="):]))
    assert re.search(r'class="nq-target"[^>]*>Set the log level to warn', out), warn
    # the passage reworded: said, and nothing highlighted
    note.write_text(note.read_text().replace("warn in production", "error in production"))
    out = service.render_source(urllib.parse.unquote(source_href(src, text)[len("#nq-src="):]))
    assert "changed since this answer" in out and "nq-target" not in out


@pytest.mark.parametrize("target", [
    "../../etc/passwd:1", "/etc/passwd:1", "cooking/../../x.md:1", "..\\..\\x.md:1", "C:/Windows/win.ini:1",
    "not-indexed.md:1", ".obsidian/workspace.md:1", "aws-2024.md", "aws-2024.md:abc", "", "a\x00b.md:1",
])
def test_render_source_refuses_anything_but_indexed_notes(service, target):
    with pytest.raises(NotesQAError):
        service.render_source(target)
    out = service.show_source(target)
    assert "nq-error" in out and "root:" not in out


def test_render_source_refuses_a_note_that_resolves_outside_the_folder(tmp_path, built, embedder):
    notes, index, _ = built
    outside = tmp_path / "outside.md"
    outside.write_text("* secret outside the notes\n", encoding="utf-8")
    os.symlink(outside, notes / "link.md")
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    with pytest.raises(NotesQAError, match="outside the notes folder"):
        svc.render_source("link.md:1")


def test_hostile_note_renders_inert(hostile):
    out = hostile.render_source("inbox/clip.md:8")
    no_active_html(out)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in out
    assert "[click](javascript:window.__pwned=3)" in out  # the javascript: link stays text
    assert "[image: tracker]" in out and "pixel.png" not in out  # nothing remote is loaded
    assert '<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">web</a>' in out
    assert '<li class="nq-target" id="nq-target">Zebra one' in out


def test_render_markdown_links_between_notes_stay_in_the_app():
    out = render_markdown("* see [other](other%20note.md#x) and [up](../../etc/passwd.md) and [rel](file.txt)\n",
                          1, "dir/note.md")
    assert 'href="#nq-src=dir/other%20note.md:1"' in out
    assert 'href="../' not in out and 'href="file.txt"' not in out and "#nq-src=../" not in out


def test_render_markdown_marks_a_paragraph_line_and_a_table_row():
    text = "# T\n\nfirst para\n\nsecond para\nstill second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert '<p class="nq-target" id="nq-target">second para' in render_markdown(text, 6)
    assert '<tr class="nq-target" id="nq-target">' in render_markdown(text, 10)


def test_source_href_round_trips_odd_paths():
    for target in ("a b/c#d%e.md:12", "ünï/çode.md:3", 'q"uote<.md:1'):
        href = source_href(target)
        assert href.startswith("#nq-src=") and '"' not in href and "<" not in href and " " not in href
        assert urllib.parse.unquote(href[len("#nq-src="):]) == target


def test_context_shows_parent_and_siblings(service):
    ctx = service.context("aws-2024.md:13", "sharding")
    assert "Organize into cells" in ctx and "Partitioning strategy" in ctx
    assert '<span class="nq-ctx-hit">• Shuffle <mark>sharding</mark>' in ctx
    with pytest.raises(NotesQAError):
        service.context("../x.md:1")


# --------------------------------------------------------------------------- follow-ups


@pytest.mark.parametrize("previous, question, expected", [
    ("what did Werner say about cells in 2024", "and in 2023?", "what did Werner say about cells in 2023"),
    ("Werner keynote 2024", "and in 2023?", "Werner keynote in 2023"),
    ("what did Werner say about cells", "what else about cells?", "what did Werner say about cells"),
    ("sourdough tag:cooking", "and the oven?", "sourdough the oven tag:cooking"),
    ("sourdough tag:cooking", "and tag:baking", "sourdough tag:baking"),
    ("shuffle sharding", "how do I bake sourdough bread at home?", "how do I bake sourdough bread at home?"),
    (None, "and in 2023?", "and in 2023?"),
])
def test_standalone(previous, question, expected):
    assert standalone(question, previous) == expected


def test_followup_detection():
    assert is_followup("and in 2023?") and is_followup("what about cells") and is_followup("cells?")
    assert [followup_kind(q) for q in ("and in 2023?", "in 2023?", "2023", "the oven?", "tag:work",
                                       "cells?", "postgres vacuum", "after:2024-01-01 replication",
                                       "what is the capital of France?")] == \
        ["sure", "sure", "sure", "sure", "sure", "maybe", "maybe", "maybe", None]
    assert not is_followup("how do I bake sourdough bread at home?")
    assert asks_for_more("what else about cells?") and asks_for_more("anything else?")
    assert not asks_for_more("more efficient ways to bake sourdough bread at home")


def test_answer_uses_the_conversation(service):
    _, t1 = service.answer("what did Werner say at re:Invent 2024?", [])
    html, t2 = service.answer("and in 2023?", [t1])
    assert t2.standalone == "what did Werner say at re:Invent in 2023"
    assert "Searched as a follow-up" in html
    assert t2.hits[0].path == "2023-12-11-aws-2023.md"
    # "what else" skips what the previous answer showed, and says so
    html, t3 = service.answer("what else?", [t1, t2])
    assert "already shown" in html
    assert not {h.source for h in t3.hits} & {h.source for h in t2.hits}
    # a long new question starts a new thread
    _, t4 = service.answer("how long does the bread ferment in bulk?", [t1, t2, t3])
    assert t4.standalone == "how long does the bread ferment in bulk?"
    # a follow-up to a very long question echoes its start, not all of it
    long_q = "what did Werner say at re:Invent 2024 about " + " and ".join(f"topic{i}" for i in range(60))
    _, t5 = service.answer(long_q, [])
    html, _ = service.answer("and in 2023?", [t5])
    echoed = html.split("Searched as a follow-up: <em>")[1].split("</em>")[0]
    assert echoed.startswith("what did Werner say") and echoed.endswith(" …") and len(echoed) <= 162


def test_a_short_new_search_is_not_glued_to_the_previous_question(service):
    _, t1 = service.answer("tag:aws what did Werner say about cells?", [])
    # a few words on another subject: searched alone, without the previous question's filters
    html, t2 = service.answer("sourdough starter feeding", [t1])
    assert t2.standalone == "sourdough starter feeding"
    assert "Searched as a follow-up" not in html
    assert t2.hits[0].path == "cooking/2024-02-01-bread.md"
    # a short question that does continue the thread still does
    _, t3 = service.answer("in 2023?", [t1])
    assert t3.standalone == "what did Werner say about cells in 2023 tag:aws"
    # filters alone: the same question with other filters
    _, t4 = service.answer("tag:conferences", [t1])
    assert t4.standalone == "what did Werner say about cells tag:conferences"
    assert {h.path for h in t4.hits} == {"2023-12-11-aws-2023.md"}


def test_a_question_during_the_first_build_is_answered_when_it_is_done(notes, tmp_path, embedder):
    import threading
    import time

    from notesqa.embedding.hashing import HashEmbedder

    class Slow(HashEmbedder):
        def encode(self, texts, progress=None):
            if len(texts) > 1:  # the build, not the question
                time.sleep(1.0)
            return super().encode(texts, progress)

    svc = ChatService(notes, tmp_path / "fresh-index", embedder=Slow(256))
    builder = threading.Thread(target=svc.build)
    builder.start()
    while not svc.building:
        time.sleep(0.01)
    html, turn = svc.answer("shuffle sharding", [])
    builder.join()
    assert "being built" not in html
    assert turn.hits and turn.hits[0].path == "aws-2024.md"


def test_a_weak_best_match_is_said_to_be_weak(service, monkeypatch):
    from notesqa import ui

    monkeypatch.setattr(ui, "WEAK_SCORE", -1.0)
    html, _ = service.answer("shuffle sharding", [])
    assert "matches this closely" not in html
    monkeypatch.setattr(ui, "WEAK_SCORE", 10.0)
    html, turn = service.answer("shuffle sharding", [])
    assert "Nothing in your notes matches this closely" in html and turn.hits


# --------------------------------------------------------------------------- safe defaults


def test_launch_options_are_safe_by_default():
    opts = launch_options()
    assert opts["server_name"] == "127.0.0.1" and opts["share"] is False and opts["auth"] is None
    assert opts["show_error"] is False and opts["footer_links"] == [] and opts["mcp_server"] is False
    assert os.environ.get("GRADIO_ANALYTICS_ENABLED") == "False"


def test_serve_command_passes_options(monkeypatch, tmp_path):
    import notesqa.ui as ui
    from notesqa.cli import main

    calls = []
    monkeypatch.setattr(ui, "launch", lambda *a, **k: calls.append((a, k)))
    r = CliRunner().invoke(main, ["serve", "--notes", str(tmp_path), "--index", str(tmp_path / "i")])
    assert r.exit_code == 0, r.output
    a, k = calls[-1]
    assert k["host"] == "127.0.0.1" and k["port"] == 7860 and k["share"] is False and k["auth"] is None
    r = CliRunner().invoke(main, ["serve", "--notes", str(tmp_path), "--share", "--auth", "me:pa:ss",
                                  "--host", "0.0.0.0", "--port", "9000"])
    assert r.exit_code == 0, r.output
    a, k = calls[-1]
    assert k["share"] is True and k["auth"] == ("me", "pa:ss") and k["host"] == "0.0.0.0" and k["port"] == 9000
    r = CliRunner().invoke(main, ["serve", "--auth", "nocolon"])
    assert r.exit_code != 0 and "USER:PASSWORD" in r.output


def test_create_app_builds(service):
    pytest.importorskip("gradio")
    from notesqa.ui import create_app

    demo = create_app(service)
    ids = {getattr(b, "elem_id", None) for b in demo.blocks.values()}
    assert {"nq-chat", "nq-question", "nq-note", "nq-src-box", "nq-src-btn", "nq-status", "nq-refresh",
            "nq-rebuild", "nq-tags", "nq-folders", "nq-after", "nq-before", "nq-k"} <= ids
    assert demo.analytics_enabled is False


def test_watcher_notices_changes(built, embedder):
    notes, index, _ = built
    svc = ChatService(notes, index, embedder=embedder)
    w = NotesWatcher(svc, interval=0.05)
    assert not w.changed()
    write(notes / "fresh.md", "* fresh bullet about zebras\n")
    assert w.changed()


def test_status_says_when_a_newer_index_cannot_be_used(built, embedder):
    from notesqa import build_index
    from notesqa.embedding.hashing import HashEmbedder
    from notesqa.ui import ChatService

    notes, index, _ = built
    service = ChatService(notes, index, embedder=embedder)
    service.answer("shuffle sharding", [])
    build_index(notes, index, embedder=HashEmbedder(64))
    service.answer("shuffle sharding", [])
    assert "Answering from the previous index" in service.status_markdown()


def test_source_view_opens_wikilinks_and_shows_a_callout_title(built, embedder):
    notes, index, _ = built
    write(notes / "vault/Graph.md", "# Graph\n\n* vertices joined by edges\n")
    write(notes / "vault/Directed graph.md", ">[!tldr] Directed graph\n> Edges have a direction, unlike a "
          "[[Graph|graph]]; see [[Missing note]].\n")
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    out = svc.render_source("vault/Directed graph.md:2")
    assert f'href="{source_href("vault/Graph.md:1")}">graph</a>' in out  # opens that note in the viewer
    assert "Missing note" in out and "[[" not in out
    assert "<strong>Directed graph</strong>" in out and "[!tldr]" not in out
