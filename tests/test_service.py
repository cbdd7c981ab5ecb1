"""service.py: the operations the MCP server and the HTTP API share, and their argument checks."""

from __future__ import annotations

import os
import re

import pytest

from conftest import link_out, write
from notesqa import ArgumentError, BuildLockedError, IndexNotFoundError, NoteNotFoundError, NotesQAError, QueryError
from notesqa.service import NotesService, validate


@pytest.fixture
def svc(built, embedder):
    notes, index, _ = built
    return NotesService(notes, index, embedder=embedder)


# --------------------------------------------------------------------------- arguments


def test_validate_accepts_and_normalises():
    assert validate("search", {"question": "cells", "k": 3, "tags": "aws", "after": "2024-01-01"}) == {
        "question": "cells", "k": 3, "tags": ["aws"], "after": "2024-01-01"}
    assert validate("read_note", {"path": "a.md", "line": 4.0}) == {"path": "a.md", "line": 4}
    assert validate("status", {}) == {} and validate("refresh", None) == {}


@pytest.mark.parametrize("op, args, message", [
    ("search", {"question": "x", "kk": 1}, "Unknown argument 'kk': it takes after, before, explain, k, paths, question, tags"),
    ("search", {"query": "x"}, "Unknown argument 'query'"),
    ("search", {"k": 3}, "Missing argument 'question'"),
    ("search", {"question": "x", "k": 0}, "k must be from 1 to 50, got 0"),
    ("search", {"question": "x", "k": 51}, "k must be from 1 to 50, got 51"),
    ("search", {"question": "x", "k": "five"}, "k must be a whole number from 1 to 50, got 'five'"),
    ("search", {"question": "x", "k": "5"}, "k must be a whole number"),  # JSON wants a number, not text
    ("search", {"question": "x", "k": True}, "k must be a whole number"),
    ("search", {"question": "x", "k": 2.5}, "k must be a whole number"),
    ("search", {"question": 5}, "question must be text"),
    ("search", {"question": "x", "tags": 5}, "tags must be a list of text values"),
    ("search", {"question": "x", "after": "2024-13-01"}, "after: there is no day 2024-13-01"),
    ("search", {"question": "x", "before": "yesterday"}, "before: wants a date as YYYY-MM-DD"),
    ("read_note", {"path": "a.md", "line": 0}, "line must be from 1"),
    ("read_note", {"path": "a.md", "context": 500}, "context must be from 0 to 200"),
    ("status", {"verbose": True}, "Unknown argument 'verbose': it takes no arguments"),
    ("refresh", {"rebuild": True}, "Unknown argument 'rebuild': it takes no arguments"),
])
def test_validate_refuses_bad_arguments_naming_what_to_do(op, args, message):
    with pytest.raises(QueryError) as exc:  # ArgumentError, or a date's QueryError
        validate(op, args)
    assert message in str(exc.value)


def test_validate_with_front_end_names_and_text_values():
    names = {"q": "question", "tag": "tags", "path": "paths"}
    assert validate("search", {"q": "cells", "k": "7", "tag": ["aws", "work"]}, names=names, from_text=True) == {
        "question": "cells", "k": 7, "tags": ["aws", "work"]}
    with pytest.raises(ArgumentError, match="Unknown argument 'question': it takes after, before, explain, k, path, q, tag"):
        validate("search", {"question": "cells"}, names=names, from_text=True)
    with pytest.raises(ArgumentError, match="k must be a whole number"):
        validate("search", {"q": "cells", "k": "ten"}, names=names, from_text=True)
    with pytest.raises(ArgumentError, match="k was given 2 times"):
        validate("search", {"q": "cells", "k": ["1", "2"]}, names=names, from_text=True)
    with pytest.raises(ArgumentError, match="Missing argument 'q'"):
        validate("search", {}, names=names, from_text=True)


# --------------------------------------------------------------------------- search


def test_search_returns_ask_json_hits_and_what_was_searched(svc):
    out = svc.search("tag:aws shuffle sharding customers cells", k=2, paths=["."], before="2030-01-01")
    assert out["searched"] == {"text": "shuffle sharding customers cells", "k": 2, "tags": ["aws"], "paths": ["."],
                               "after": None, "before": "2030-01-01", "phrases": [],
                               "excluded": [], "not_tags": [], "not_paths": []}
    assert {h["path"] for h in out["hits"]} == {"2023-12-11-aws-2023.md"}  # aws-2024.md has no date
    assert svc.search("cells", after="2031-01-01")["message"] == (
        "No note is dated on or after 2031-01-01: the nearest day with notes is 2024-02-01 (1 of 3 notes has no date: "
        "a date filter leaves it out).")
    out = svc.search('"sharding cells"')  # words in quotes must be said so: none says them in that order
    assert out["hits"] == [] and out["searched"]["phrases"] == ["sharding cells"]
    assert out["message"].startswith("No note says “sharding cells” word for word")
    out = svc.search("tag:aws shuffle sharding customers cells", k=2, paths=["."])
    top = out["hits"][0]
    assert top["path"] == "aws-2024.md" and top["line"] == 13 and top["source"] == "aws-2024.md:13"
    assert top["text"].startswith("Shuffle sharding to map customers to cells")
    assert top["breadcrumb"][0] == "AWS re:Invent 2024" and isinstance(top["score"], float)
    assert len(out["hits"]) <= 2 and "explain" not in top  # as `ask --json` gives it, without --explain
    assert "dense_rank" in svc.search("cells", explain=True)["hits"][0]["explain"]


def test_search_says_a_misspelt_word_was_searched_as_the_notes_write_it(svc):
    out = svc.search("shufle sharding of customers", k=2)
    assert out["searched"]["text"] == "shuffle sharding of customers"
    assert out["searched"]["spelled"] == [{"typed": "shufle", "searched": "shuffle"}]
    assert out["message"].startswith("No note says “shufle”; searched for “shuffle” instead.")
    assert out["hits"][0]["text"].startswith("Shuffle sharding")
    assert "spelled" not in svc.search("shuffle sharding", k=2)["searched"]  # said only when a word was mended
    # ... and what a dash leaves out (the review: the API had not said it)
    assert svc.search("cells -bread", k=2)["message"].startswith("Left out what says “bread” (a word after a dash)")


def test_search_says_a_tag_no_note_has_was_searched_as_words(svc):
    # docker's "tag:latest" in a question: words of it, said (ask --json, the HTTP API and MCP give this)
    out = svc.search("what does tag:latest say about cells", k=2)
    assert out["hits"] and out["searched"]["tags"] == [] and out["searched"]["text"] == (
        "what does tag:latest say about cells")
    assert out["message"].startswith("No note is tagged “latest”; searched “tag:latest” as words.")
    assert out["searched"]["as_words"] == ["tag:latest"] and out["searched"]["tags"] == []
    assert svc.search("tag:latest", k=2)["message"] == "No note is tagged latest."


def test_search_says_from_which_hit_they_are_not_of_the_day_asked(tmp_path, embedder):
    notes = tmp_path / "notes"
    write(notes / "tasks.md", "- [ ] Send the board deck 📅 2026-12-07\n")
    write(notes / "deck.md", "# Board deck\n\nThe board deck shows revenue by quarter.\n")
    out = NotesService(notes, tmp_path / "ix", embedder=embedder).search("what is due on 2026-12-07 for the board deck?")
    assert out["hits"][0]["path"] == "tasks.md"
    assert out["others_from"] == {"hit": 2, "message": "Not due on 2026-12-07, but near the question:"}


def test_search_says_when_notes_changed_since_the_build(tmp_path, embedder, monkeypatch):
    monkeypatch.setattr("notesqa.service.STALE_EVERY", 0.0)  # checked at each search, not at most every 2 s
    notes = tmp_path / "notes"
    write(notes / "atlas.md", "# Atlas\n\n- We chose Postgres over CockroachDB for its tooling\n")
    write(notes / "marco.md", "# Marco\n\n- Marco lives in Milan\n")
    svc = NotesService(notes, tmp_path / "ix", embedder=embedder)
    assert "stale" not in svc.search("why Postgres over CockroachDB?")
    write(notes / "atlas.md", "# Atlas\n\n- The quokka cluster answers on port 7777\n\n"
                              "- We chose Postgres over CockroachDB for its tooling\n")
    (notes / "marco.md").unlink()
    out = svc.search("why Postgres over CockroachDB?")
    assert out["stale"]["changed"] == 1 and out["stale"]["deleted"] == 1 and "out of date" in out["stale"]["message"]
    assert {h["path"]: h.get("stale", False) for h in out["hits"]} == {"atlas.md": True, "marco.md": True}
    # a folder too big to scan at each question: its hits' notes are checked (trial A)
    monkeypatch.setattr("notesqa.status.STALE_CHECK_MAX", 1)
    write(notes / "new.md", "- not a hit of this question\n")
    out = svc.search("why Postgres over CockroachDB?")
    assert out["stale"]["changed"] == 1 and out["stale"]["new"] == 0 and out["stale"]["message"].startswith(
        "2 of these hits' notes changed or deleted since the index was built")
    assert {h["path"]: h.get("stale", False) for h in out["hits"]} == {"atlas.md": True, "marco.md": True}


def test_a_hit_of_a_note_saved_a_moment_ago_is_marked_at_once(tmp_path, embedder, monkeypatch):
    # trial s39: for 2-3 s after a save, the API's hits had been unmarked (the folder's scan is kept 2 s)
    monkeypatch.setattr("notesqa.service.STALE_EVERY", 3600.0)
    notes = tmp_path / "notes"
    write(notes / "birds.md", "# Birds\n\n- The curlew count is 14\n")
    svc = NotesService(notes, tmp_path / "ix", embedder=embedder)
    assert "stale" not in svc.search("curlew count")
    write(notes / "birds.md", "# Birds\n\n- The curlew count is 15\n")
    out = svc.search("curlew count")
    assert out["hits"][0]["stale"] is True and out["stale"]["changed"] == 1


@pytest.mark.parametrize("question", ["", "   ", "\n"])
def test_an_empty_question_is_refused(svc, question):
    with pytest.raises(QueryError, match="The question is empty"):
        svc.search(question)


def test_a_misspelt_filter_in_the_question_is_refused(svc):
    with pytest.raises(QueryError, match="Unknown filter tags:"):
        svc.search("tags:aws cells")


def test_no_index_yet_builds_it_first_or_says_what_to_do(notes, tmp_path, embedder):
    svc = NotesService(notes, tmp_path / "fresh-index", embedder=embedder)
    assert svc.search("shuffle sharding")["hits"][0]["path"] == "aws-2024.md"  # built first, as ask does
    gone = NotesService(tmp_path / "no-notes", tmp_path / "other-index", embedder=embedder)
    with pytest.raises(IndexNotFoundError, match="notesqa index"):
        gone.search("shuffle sharding")
    with pytest.raises(IndexNotFoundError, match="notesqa index"):
        gone.status()


def test_a_damaged_index_is_a_clear_error(built, embedder):
    notes, index, _ = built
    gen = index / (index / "CURRENT").read_text().strip()
    (gen / "chunks.jsonl").unlink()
    svc = NotesService(notes, index, embedder=embedder)
    with pytest.raises(NotesQAError, match="notesqa index --rebuild|rebuild"):
        svc.search("shuffle sharding")


# --------------------------------------------------------------------------- read_note


def test_read_note_around_a_line_and_whole(svc, built):
    out = svc.read_note("aws-2024.md", line=13, context=1)
    assert (out["start_line"], out["end_line"], out["line"]) == (12, 14, 13)
    assert out["text"].split("\n")[1].strip() == "* Shuffle sharding to map customers to cells"
    assert out["title"] == "AWS re:Invent 2024" and out["whole"] is False
    whole = svc.read_note("cooking/2024-02-01-bread.md")
    notes = built[0]
    assert whole["whole"] is True and whole["text"] == (notes / "cooking/2024-02-01-bread.md").read_text().rstrip("\n")
    with pytest.raises(ArgumentError, match="past the end"):
        svc.read_note("aws-2024.md", line=999)
    assert svc.read_note("./cooking/2024-02-01-bread.md")["path"] == "cooking/2024-02-01-bread.md"
    assert svc.read_note("cooking/2024-02-01-bread")["path"] == "cooking/2024-02-01-bread.md"  # its name: Dendron's
    (notes / "cooking/2024-02-01-bread.md").unlink()  # deleted since the build: not found, and what to do
    with pytest.raises(NoteNotFoundError, match="was deleted or moved since the index was built: refresh"):
        svc.read_note("cooking/2024-02-01-bread.md")


def test_read_note_around_a_line_shows_the_passage_that_starts_there_whole(tmp_path, embedder):
    # trial s34: a Logseq card's properties filled the window around its line, its answer (line 9) left out
    from notesqa import build_index

    graph = tmp_path / "graph"
    props = "".join(f"  card-{k}:: 1\n" for k in ("last-interval", "repeats", "ease-factor", "next-schedule", "score"))
    write(graph / "pages" / "Surgery.md", "- intro\n- What is Rovsing's sign? #card\n" + props +
          "  id:: 6560f1a2-0000-4000-8000-000000000001\n\t- pain in the RIF on pressing the LIF\n- next card\n")
    (graph / "logseq").mkdir()
    build_index(graph, tmp_path / "index", embedder=embedder)
    svc = NotesService(graph, tmp_path / "index", embedder=embedder)
    out = svc.read_note("pages/Surgery.md", line=2, context=1)
    assert (out["start_line"], out["end_line"]) == (1, 10) and "pain in the RIF" in out["text"]
    assert svc.read_note("pages/Surgery.md", line=1, context=1)["end_line"] == 2  # a line no passage starts at
    # a paragraph and the list after it: the list is not under it (the review: 35 lines for context=2)
    notes = tmp_path / "notes"
    write(notes / "Steps.md", "# Deploy\n\n## Steps\n\nDo these in order.\n\n" + "".join(f"- step {i}\n" for i in range(30)))
    build_index(notes, tmp_path / "index2", embedder=embedder)
    out = NotesService(notes, tmp_path / "index2", embedder=embedder).read_note("Steps.md", line=5, context=2)
    assert (out["start_line"], out["end_line"]) == (3, 7)
    # a long code block's first piece: the block to its end (the recheck: it had stopped at the first piece)
    write(notes / "Big.md", "# Big\n\nThe script:\n\n```python\n" + "".join(f"x{i} = {i} * 2  # step {i}\n" for i in range(80))
          + "```\n")
    svc = NotesService(notes, tmp_path / "index2", embedder=embedder)
    svc.refresh()
    first = min(c.line for c in svc.index().note_chunks("Big.md") if c.kind == "code")
    assert svc.read_note("Big.md", line=first, context=1)["end_line"] >= first + 59


def test_read_note_returns_the_start_of_a_long_note(built, embedder):
    notes, index, _ = built
    write(notes / "long.md", "".join(f"* bullet number {i} about zebras\n" for i in range(400)))
    svc = NotesService(notes, index, embedder=embedder)
    svc.refresh()
    out = svc.read_note("long.md")
    assert out["total_lines"] == 400 and out["end_line"] == 300 and not out["whole"] and "Pass line" in out["message"]


@pytest.mark.parametrize("path", [
    "../../etc/passwd", "/etc/passwd", "cooking/../../x.md", "..\\..\\x.md", "C:/Windows/win.ini",
    "not-indexed.md", ".obsidian/workspace.md", "", "a\x00b.md",
])
def test_read_note_refuses_anything_but_indexed_notes(svc, path):
    with pytest.raises(NoteNotFoundError):
        svc.read_note(path)


def test_read_note_of_a_path_not_indexed_says_why(tmp_path, notes, embedder):
    import json

    from notesqa import build_index

    write(notes / "empty.md", "")
    write(notes / "Templates" / "Daily.md", "* {{date}}\n")
    write(notes / ".obsidian" / "app.json", json.dumps({"userIgnoreFilters": ["Templates/"]}))
    build_index(notes, tmp_path / "index", embedder=embedder)
    write(notes / "later.md", "* written after the build\n")
    (notes / "diagram.png").write_bytes(b"\x89PNG")
    write(notes / ".trash" / "old.md", "* deleted in Obsidian\n")
    write(notes / "logseq" / "config.edn", "{}\n")
    write(notes / "logseq" / "bak" / "pages" / "Old.md", "- a backup Logseq keeps\n")
    svc = NotesService(notes, tmp_path / "index", embedder=embedder)
    for path, says in (("empty.md", "empty.md was skipped at the last build: empty file."),
                       ("Templates/Daily.md", "Templates/Daily.md is not indexed: excluded in Obsidian's settings"),
                       ("later.md", "later.md is not in the index yet: refresh the index to include it."),
                       ("nothing.md", "nothing.md is not a note in the index: use a path from a search result."),
                       ("diagram.png", "diagram.png is not a note: only markdown (.md, .markdown, .mdown, ...), plain-text .txt and .canvas"),
                       (".trash/old.md", ".trash/old.md is not indexed: it is in a hidden folder (.trash/)"),
                       ("logseq/bak/pages/Old.md", "is not indexed: it is in a Logseq graph's settings and backups")):
        with pytest.raises(NoteNotFoundError, match=re.escape(says)):
            svc.read_note(path)


def test_read_note_refuses_a_symlink_out_of_the_folder_without_reading_it(tmp_path, built, embedder):
    notes, index, _ = built
    swap = link_out(notes, tmp_path)
    svc = NotesService(notes, index, embedder=embedder)
    report = svc.refresh()
    assert "link.md" not in svc.index().manifest.notes  # never indexed, so never shown in a hit
    assert report["problems"] == [{"path": "link.md", "action": "skipped",
                                   "reason": "links to a file outside the notes folder"}]
    with pytest.raises(NoteNotFoundError):
        svc.read_note("link.md")
    # an indexed note swapped for such a link after the build is refused before it is read
    swap("cooking/2024-02-01-bread.md")
    with pytest.raises(NoteNotFoundError, match="outside the notes folder"):
        svc.read_note("cooking/2024-02-01-bread.md")
    with pytest.raises(NoteNotFoundError):
        svc.note_text("cooking/2024-02-01-bread.md")


def test_a_note_in_a_folder_linked_into_the_notes_folder_is_inside_it(tmp_path, built, embedder):
    notes, index, _ = built
    write(tmp_path / "elsewhere" / "garden.md", "* tomatoes need a stake\n")
    os.symlink(tmp_path / "elsewhere", notes / "linked")
    svc = NotesService(notes, index, embedder=embedder)
    svc.refresh()
    assert "tomatoes need a stake" in svc.read_note("linked/garden.md")["text"]


def test_a_note_of_only_front_matter_is_listed_and_read(built, embedder):
    notes, index, _ = built
    write(notes / "stub.md", "---\ntitle: Median\ntags: [maths]\n---\n")
    svc = NotesService(notes, index, embedder=embedder)
    svc.refresh()
    assert not svc.index().note_chunks("stub.md")  # no passage to find, but a note of the folder
    assert {"path": "stub.md", "title": "Median"} in svc.notes()
    note = svc.read_note("stub.md")
    assert "title: Median" in note["text"] and note["title"] == "Median"


# --------------------------------------------------------------------------- status, refresh


def test_status_counts_and_changes_since(svc, built):
    notes = built[0]
    write(notes / "fresh.md", "* a fresh bullet\n")
    info = svc.status()
    assert info["notes"] == 3 and info["changes"]["new"] == ["fresh.md"] and info["building"] is False
    rep = svc.refresh()
    assert rep["new"] == 1 and rep["unchanged"] == 3 and "4 notes" in rep["summary"]
    assert svc.status()["changes"] == {"new": [], "changed": [], "deleted": []}
    assert any(n["path"] == "fresh.md" for n in svc.notes())


def test_refresh_is_refused_while_another_build_runs(svc, built):
    from notesqa.store import BuildLock

    with BuildLock(built[1]):  # another process's build, as far as this one can tell
        with pytest.raises(BuildLockedError, match="Another build is running"):
            svc.refresh()
    with svc._build_lock:  # a build in this server
        with pytest.raises(BuildLockedError, match="already running in this server"):
            svc.refresh()
    assert svc.refresh()["notes"] == 3
    # a build that waits for another process's says so on its progress (trial s39: "Looking for notes", 0%)
    import threading

    said = []
    lock = BuildLock(built[1])
    lock.__enter__()
    threading.Timer(0.3, lock.__exit__).start()
    svc.build(progress=lambda part, label: said.append(label), wait=True)
    assert said[0] == "Waiting for another build of this index (from another process) to finish"


def test_refresh_does_not_re_embed_every_note_with_another_model_than_the_index(built, embedder):
    # trial s37: an assistant's refresh_index on a server started with --model had replaced a whole index's vectors
    from notesqa import ModelMismatchError

    notes, index, _ = built
    before = (index / "CURRENT").read_text()
    svc = NotesService(notes, index, model="all-MiniLM-L6-v2")  # the index is the fake embedder's, hash-256
    with pytest.raises(ModelMismatchError, match="built with model 'hash-256'.*notesqa index --notes .* --model "
                                                 "all-MiniLM-L6-v2"):
        svc.refresh()
    with pytest.raises(ModelMismatchError):  # ... nor the chat's watcher or Refresh button, which build (the review)
        svc.build()
    assert (index / "CURRENT").read_text() == before  # untouched
    assert NotesService(notes, index, embedder=embedder).refresh()["notes"] == 3  # the index's own model: refreshed


def test_a_weak_best_hit_comes_with_the_message_every_front_end_gives(svc, monkeypatch):
    from notesqa import hits

    monkeypatch.setattr(hits, "WEAK_SCORE", 2.0)  # every score is below it
    out = svc.search("shuffle sharding customers cells", k=2)
    assert out["hits"] and out["message"] == hits.WEAK_MATCH


def test_an_indexed_note_that_cannot_be_read_now_is_said_so(tmp_path, built, embedder):
    from notesqa import NoteUnreadableError
    from notesqa.http_api import status_code

    notes, index, _ = built
    (notes / "cooking" / "2024-02-01-bread.md").write_bytes(b"\x00\x01 not text any more")
    svc = NotesService(notes, index, embedder=embedder)
    svc.refresh()  # its previous version stays in the index
    with pytest.raises(NoteUnreadableError, match="cannot be read now: binary file"):
        svc.read_note("cooking/2024-02-01-bread.md")
    assert status_code(NoteUnreadableError("x")) == 422



def test_a_rare_word_no_note_says_is_named_before_the_nearest_hits(svc, monkeypatch):
    from notesqa.embedding.hashing import HashEmbedder

    monkeypatch.setattr(HashEmbedder, "count_tokens", lambda self, text: sum(1 + len(w) // 4 for w in text.split()))
    out = svc.search("cells of tacrolimus")
    assert out["hits"] and out["message"] == "No note mentions “tacrolimus”; the nearest passages:"


def test_a_notion_page_is_read_by_the_path_the_chat_shows(tmp_path, embedder):
    from conftest import DANA, write_notion_export
    from notesqa import build_index
    from notesqa.service import NotesService

    notes = write_notion_export(tmp_path / "notes")
    build_index(notes, tmp_path / "index", embedder=embedder)
    svc = NotesService(notes, tmp_path / "index", embedder=embedder)
    shown = "Research Hub/Interviews/Interview with Dana.md"  # the chat's label for it, without the ids
    assert svc.read_note(shown)["path"] == DANA and svc.read_note(shown[:-3])["path"] == DANA


def test_read_note_gives_what_its_embeds_and_block_references_show(tmp_path, embedder):
    # trial s35: an assistant reading "![[Pizza dough#Method]]" saw only the syntax, not the steps it shows
    from notesqa import build_index

    notes = tmp_path / "notes"
    (notes / ".obsidian").mkdir(parents=True)
    write(notes / "Pizza dough.md", "# Pizza dough\n\n## Method\n\n1. Mix 500 g flour with 325 g water.\n"
          "2. Rest 24 hours in the fridge.\n\n## Notes\n\nUse 00 flour.\n")
    write(notes / "Friday pizza.md", "# Friday pizza\n\nThe dough:\n\n![[Pizza dough#Method]]\n\n![[oven.png]]\n\n"
          "`![[Pizza dough]]` is how to embed it.\n\n```\n![[Pizza dough]]\n```\n\n![[No such note]]\n")
    build_index(notes, tmp_path / "index", embedder=embedder)
    svc = NotesService(notes, tmp_path / "index", embedder=embedder)
    refs = svc.read_note("Friday pizza.md")["references"]
    # one: the picture has nothing to read, code is code, a note not found reads as nothing
    assert [(r["line"], r["written"], r["source"]) for r in refs] == [(5, "![[Pizza dough#Method]]",
                                                                       "Pizza dough > Method")]
    assert refs[0]["text"].startswith("Mix 500 g flour") and "Rest 24 hours" in refs[0]["text"]
    assert "00 flour" not in refs[0]["text"]
    assert "references" not in svc.read_note("Friday pizza.md", line=7, context=0)  # none on the lines shown
    assert "references" not in svc.read_note("Pizza dough.md")
    # an embed of a heading of its own note (the review: never resolved)
    write(notes / "Menu.md", "# Menu\n\n## Starter\n\nSoup of the day.\n\n## Summary\n\n![[#Starter]]\n")
    svc.refresh()
    refs = svc.read_note("Menu.md")["references"]
    assert [(r["line"], r["source"], r["text"]) for r in refs] == [(9, "Menu > Starter", "Soup of the day.")]
    # an embed in a comment that closes past the lines read shows nothing (the second review)
    write(notes / "Comment.md", "# C\n\n%% old\n![[Pizza dough#Method]]\nmore\n%%\nText.\n")
    svc.refresh()
    assert "references" not in svc.read_note("Comment.md", line=4, context=0)

    graph = tmp_path / "graph"
    (graph / "logseq").mkdir(parents=True)
    write(graph / "pages" / "Runbook.md", "- Restart the worker with `systemctl restart billing`\n"
          "  id:: 6560f1a2-0000-4000-8000-00000000000a\n\t- then check the queue depth\n")
    write(graph / "pages" / "Incident.md", "- We did ((6560f1a2-0000-4000-8000-00000000000a)) twice\n"
          "- {{embed ((6560f1a2-0000-4000-8000-00000000000a))}}\n")
    build_index(graph, tmp_path / "index2", embedder=embedder)
    refs = NotesService(graph, tmp_path / "index2", embedder=embedder).read_note("pages/Incident.md")["references"]
    assert [(r["line"], r["source"]) for r in refs] == [(1, "Runbook"), (2, "Runbook")]
    assert refs[0]["text"] == "Restart the worker with `systemctl restart billing`"
    assert refs[1]["text"].splitlines() == [refs[0]["text"], "  then check the queue depth"]
    # code keeps its lines (two commands are not one), a heading block's embed shows its section as the heading's
    # embed does (trial s60 VB; it had read as its title alone), an embed in a comment shows nothing (the review)
    write(graph / "pages" / "Ops.md", "- ## Restart\n  id:: 6560f1a2-0000-4000-8000-00000000000b\n"
          "\t- Steps:\n\t  ```bash\n\t  systemctl stop billing\n\t  systemctl start billing\n\t  ```\n")
    write(graph / "pages" / "Log.md", "- ![[Ops#Restart]]\n- {{embed ((6560f1a2-0000-4000-8000-00000000000b))}}\n"
          "- %% ![[Runbook]] %%\n")
    svc = NotesService(graph, tmp_path / "index2", embedder=embedder)
    svc.refresh()
    refs = svc.read_note("pages/Log.md")["references"]
    assert [r["line"] for r in refs] == [1, 2]
    assert "systemctl stop billing\n" in refs[0]["text"] and refs[1]["text"] == refs[0]["text"]


def test_a_build_loads_what_it_makes_and_a_question_meanwhile_does_not(built, embedder):
    """A question between the build's switch and its end answers from the loaded generation: the build's thread loads
    the new one (a question had loaded it itself, 2.7 s on 67,000 passages)."""
    notes, index, _ = built
    svc = NotesService(notes, index, embedder=embedder)
    svc.search("cells", k=1)  # (the index loaded)
    before = svc._index._live.gen.path.name
    (notes / "new.md").write_text("* Kombucha needs a scoby and two weeks\n")
    during = []

    def progress(fraction, label):
        if label.endswith("writing the index") and fraction == 1.0:  # (after the switch: the new one is live)
            svc.search("kombucha scoby", k=1)
            during.append(svc._index._live.gen.path.name)

    svc.build(progress=progress)
    assert during == [before] and svc._index._live.gen.path.name != before
    assert svc.search("kombucha scoby", k=1)["hits"][0]["path"] == "new.md"
