"""Obsidian canvases read as notes (canvas.py): their text cards found under their groups, at the line of
the card in the file; file cards as links; a broken canvas skipped and said; the note view readable."""

from __future__ import annotations

import json

from conftest import write
from notesqa import build_index
from notesqa.backlinks import linking_lines
from notesqa.canvas import cards, readable, reading_order
from notesqa.search import NotesIndex
from notesqa.service import NotesService
from notesqa.ui.chat import ChatService
from notesqa.vault import Vault


def _node(id_, kind, x, y, w=300, h=100, **value):
    return {"id": id_, "type": kind, "x": x, "y": y, "width": w, "height": h, **value}


PLAN = {
    "nodes": [
        # out of reading order in the file, as Obsidian writes cards in the order they were made
        _node("t9", "text", 0, 900, text="Capacity: 6.5 engineers in Q1"),
        _node("g1", "group", -50, -50, 1400, 600, label="Q1 2027 bets"),
        _node("t2", "text", 400, 0, text="## Bet 2: Beacon\n- burn-rate alerts"),
        _node("t1", "text", 0, 0, text="## Bet 1: Atlas cutover\nShip on 2027-01-19."),
        _node("t3", "text", 0, 300, text="Goal: cut time-to-first-API-call from 3 days to 30 minutes."),
        _node("f1", "file", 400, 300, file="Projects/Overview.md"),
        _node("l1", "link", 800, 300, url="https://example.com/okr"),
    ],
    "edges": [{"id": "e1", "fromNode": "t1", "toNode": "t2", "label": "frees capacity"}],
}


def _vault(tmp_path, canvas=PLAN):
    notes = tmp_path / "notes"
    write(notes / "Canvas" / "Q1 Planning.canvas", json.dumps(canvas, indent="\t"))
    write(notes / "Projects" / "Overview.md", "# Overview\n\nThe Atlas project.\n")
    write(notes / "Onboarding.md", "See the planning canvas: [[Q1 Planning.canvas]]\n")
    return notes


def _line_of(notes, text: str) -> int:
    lines = (notes / "Canvas" / "Q1 Planning.canvas").read_text().split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_cards_are_read_group_first_then_top_to_bottom_then_left_to_right():
    order = [(tuple(g.text for g in groups), c.text[:12]) for groups, c in reading_order(cards(json.dumps(PLAN)))]
    assert order == [(("Q1 2027 bets",), "## Bet 1: At"), (("Q1 2027 bets",), "## Bet 2: Be"),
                     (("Q1 2027 bets",), "Goal: cut ti"), (("Q1 2027 bets",), "Projects/Ove"),
                     (("Q1 2027 bets",), "https://exam"), ((), "Capacity: 6.")]


def test_a_text_card_is_found_under_its_group_at_its_line(tmp_path, embedder):
    notes = _vault(tmp_path)
    note = Vault(notes, ["Canvas/Q1 Planning.canvas"]).parsed("Canvas/Q1 Planning.canvas")
    assert note.title == "Q1 Planning"
    assert [(u.text, u.heading) for u in note.units] == [
        ("Ship on 2027-01-19.", ("Q1 2027 bets", "Bet 1: Atlas cutover")),
        ("burn-rate alerts", ("Q1 2027 bets", "Bet 2: Beacon")),
        ("Goal: cut time-to-first-API-call from 3 days to 30 minutes.", ("Q1 2027 bets",)),
        ("Capacity: 6.5 engineers in Q1", ())]
    assert note.units[2].line == _line_of(notes, '"text": "Goal: cut')
    report = build_index(notes, tmp_path / "index", embedder=embedder)
    assert report.notes == 3 and not report.problems
    hit = NotesIndex.open(tmp_path / "index", embedder=embedder).search('"time-to-first-API-call"', k=1)[0]
    assert (hit.path, hit.line) == ("Canvas/Q1 Planning.canvas", _line_of(notes, '"text": "Goal: cut'))
    assert hit.breadcrumb == ["Q1 Planning", "Q1 2027 bets"]
    listed = NotesIndex.open(tmp_path / "index", embedder=embedder).search("path:Canvas", k=5)
    assert {h.path for h in listed} == {"Canvas/Q1 Planning.canvas"}
    share = report.coverage.to_dict()["notes"]["Canvas/Q1 Planning.canvas"]
    assert share["chars"] > 100 and share["share"] > 0.9  # its cards' text, not its JSON


def test_a_compact_canvas_points_at_line_one(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Map.canvas", json.dumps({"nodes": [_node("a", "text", 0, 0, text="fraud-scorer, owned by Risk")]}))
    note = Vault(notes, ["Map.canvas"]).parsed("Map.canvas")
    assert [(u.text, u.line) for u in note.units] == [("fraud-scorer, owned by Risk", 1)]


def test_a_file_card_links_its_note_and_a_canvas_is_linked_with_its_suffix(tmp_path):
    notes = _vault(tmp_path)
    rels = ["Canvas/Q1 Planning.canvas", "Onboarding.md", "Projects/Overview.md"]
    assert linking_lines(notes, rels, frozenset({"Projects/Overview.md"})) == {
        "Canvas/Q1 Planning.canvas": _line_of(notes, '"file": "Projects/Overview.md"')}
    assert linking_lines(notes, rels, frozenset({"Canvas/Q1 Planning.canvas"})) == {"Onboarding.md": 1}
    vault = Vault(notes, rels)
    assert vault.resolve("Q1 Planning.canvas") == "Canvas/Q1 Planning.canvas"
    assert vault.resolve("Q1 Planning") is None  # as in Obsidian: [[Q1 Planning]] is a note Q1 Planning.md
    note = vault.parsed("Canvas/Q1 Planning.canvas")
    assert not any("Projects/Overview" in u.text or "example.com" in u.text for u in note.units)  # links, not text


def test_a_broken_canvas_is_skipped_and_said(tmp_path, embedder):
    notes = _vault(tmp_path)
    write(notes / "Broken.canvas", '{"nodes": [{"id": "a",, }')
    write(notes / "List.canvas", "[1, 2]")
    report = build_index(notes, tmp_path / "index", embedder=embedder)
    assert report.notes == 3 and report.skipped == 2
    said = {p.path: p.reason for p in report.problems}
    assert said["Broken.canvas"].startswith("not a readable canvas: its JSON is broken at line 1")
    assert "open it in Obsidian or fix it" in said["List.canvas"]


def test_the_note_view_and_read_note_show_the_cards_not_the_json(tmp_path, embedder):
    notes = _vault(tmp_path)
    chat = ChatService(notes, tmp_path / "index", embedder=embedder)
    chat.build()
    at = _line_of(notes, '"text": "Goal: cut')
    shown = chat.sources.render(f"Canvas/Q1 Planning.canvas:{at}")
    assert "<h1>Q1 2027 bets</h1>" in shown and "<h2>Bet 1: Atlas cutover</h2>" in shown
    assert '"nodes"' not in shown and '"width"' not in shown
    assert f"line {at}</span>" in shown  # the file's line, as the hit says
    assert 'class="nq-target" id="nq-target">Goal: cut time-to-first-API-call' in shown
    assert shown.index("Bet 1") < shown.index("Bet 2") < shown.index("Goal: cut") < shown.index("Capacity")
    svc = NotesService(notes, tmp_path / "index", embedder=embedder)
    whole = svc.read_note("Canvas/Q1 Planning.canvas")
    assert whole["whole"] and whole["text"].startswith("# Q1 2027 bets\n\n## Bet 1: Atlas cutover\nShip on")
    around = svc.read_note("Canvas/Q1 Planning.canvas", line=at, context=2)
    assert "Goal: cut" in around["text"] and "Bet 1" not in around["text"]
    assert "[[Projects/Overview.md]]" in readable(json.dumps(PLAN))[0]
