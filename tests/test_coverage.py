"""How much of each note's text is indexed (coverage.py), as the build and status report it."""

import json

from notesqa import build_index
from notesqa.coverage import coverage
from notesqa.embedding.hashing import HashEmbedder
from notesqa.manifest import NoteEntry

from conftest import write


def fresh():
    return HashEmbedder(256)


def test_coverage_is_reported_by_the_build_and_status(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "plain.md", "# Plain\n\nAll of this is text.\n")
    # a step's number is its list marker, not text the index lost (trial s35: 99.2% with nothing lost)
    write(notes / "steps.md", "# Bake\n\n1. Mix flour\n2. Knead it\n10) Bake at 220 °C\n\n> 3. Rest\n")
    write(notes / "code.md", "# Code\n\nIntro.\n\n" + "    indented prose that markdown reads as code\n" * 12)
    write(notes / "log.md", "# Log\n\n```\n" + "12:00:01 INFO step done\n" * 400 + "```\n")
    report = build_index(notes, tmp_path / "index", embedder=fresh())
    cov = report.coverage
    assert 0 < cov.indexed < cov.chars  # the middle of a very long code block (by design, but named)
    flagged = {n.path: n for n in cov.flagged}
    assert list(flagged) == ["log.md", "code.md"] and "indented block" in flagged["code.md"].reasons[0]
    assert flagged["log.md"].reasons == ("1 code block longer than 20 pieces of 300 characters indexed by its start "
                                         "and end (line 3)",)
    assert "text indexed" in report.summary()
    each = cov.to_dict()["notes"]  # how much of each note's text is indexed
    assert set(each) == {"plain.md", "steps.md", "code.md", "log.md"} and each["plain.md"]["share"] == 1.0
    assert each["steps.md"]["share"] == 1.0 and each["steps.md"]["chars"] == each["steps.md"]["indexed"]
    assert each["code.md"]["share"] == 1.0  # flagged by its reason: indexed, but as code, not as text
    assert each["log.md"]["share"] < 0.75
    assert json.loads(json.dumps(report.to_dict()))["coverage"]["flagged"][1]["path"] == "code.md"
    from notesqa.status import read_status

    assert read_status(notes, tmp_path / "index").coverage == cov


def _entry(chars, indexed, lost=(), cut=()):
    return NoteEntry(None, None, None, "t", 1, chars, indexed, tuple(lost), tuple(cut))


def test_a_links_target_with_spaces_is_no_text_the_index_lost(tmp_path):
    # trial s63 F: a home note of "[reorder list](stock/reorder list.md)" links had been flagged "only 65% of its text
    # is indexed", no reason given: the targets, read as links, had been counted as text
    notes = tmp_path / "notes"
    links = "".join(f"- [page {i}](stock/page number {i}.md), [other](pics/a photo {i}.png)\n" for i in range(20))
    write(notes / "index.md", "# Home\n\n" + links)
    cov = build_index(notes, tmp_path / "index", embedder=fresh()).coverage
    assert cov.flagged == () and cov.share > 0.95


def test_a_plus_list_marker_in_an_items_line_is_no_text_the_index_lost(tmp_path):
    # trials s65 A, B, K, T: "- + sundries at cost" (a list inside the item, as markdown reads it) had made the build
    # say "text indexed 99.9%", one character short, no note flagged
    notes = tmp_path / "notes"
    write(notes / "Pricing.md", "# Pricing\n\n- stems x 2.5\n- + sundries at cost\n+ labour £15\n- 2 + 2 = 4\n")
    write(notes / "pages" / "Order.md", "- bacon 12 rashers\n- + GF sausages if GF guest booked\n")
    write(notes / "journals" / "2026_12_01.md", "- x\n")
    cov = build_index(notes, tmp_path / "index", embedder=fresh()).coverage
    assert cov.indexed == cov.chars and cov.chars > 0


def test_a_callouts_type_marker_is_no_text_the_index_lost(tmp_path):
    # trial s66 E: "> [!tip] Agency basics", "> [!note] Don't" had made the build say "text indexed 99.9%" (the "!tip"
    # and "!note" of their markers counted as text), no note flagged
    notes = tmp_path / "notes"
    write(notes / "Home.md", "# Home\n\n> [!tip] Agency basics\n> Kingdom Home Support, Unit 4.\n\n"
          "> [!warning]- Folded\n> - don't investigate yourself\n\n> [!note]\n> body only\n\n"
          "- > [!info|wide] In a list\n  > its text\n")
    cov = build_index(notes, tmp_path / "index", embedder=fresh()).coverage
    assert cov.indexed == cov.chars and cov.chars > 0


def test_a_dataview_fields_double_colon_is_no_text_the_index_lost(tmp_path):
    # trial s66 Q: "- progress:: 4/10" under a list item, shown "progress: 4/10", had made the build say "text indexed
    # 99.9%", a colon short for each field, no note flagged
    notes = tmp_path / "notes"
    write(notes / "PDP.md", "# PDP\n\n1. **Joint injections** – 10 supervised\n   - progress:: 4/10\n"
          "   - by 📅 2027-03-31\n2. Opioid review\n   - progress:: 19 reviewed\n")
    cov = build_index(notes, tmp_path / "index", embedder=fresh()).coverage
    assert cov.indexed == cov.chars and cov.chars > 0


def test_notes_are_flagged_for_a_reason_or_a_low_share_worst_first():
    cov = coverage({"full.md": _entry(1000, 990), "low.md": _entry(1000, 500), "short.md": _entry(100, 10),
                    "lost.md": _entry(1000, 900, lost=["an HTML block (line 3)", "an HTML block (line 3)"]),
                    "code.md": _entry(1000, 400, cut=["the end of a long code block (line 9)"]),
                    "old.md": _entry(None, None)})
    assert [n.path for n in cov.flagged] == ["code.md", "low.md", "lost.md"]  # worst first
    assert cov.flagged[0].reasons == ("the end of a long code block (line 9)",)  # by design, but said
    assert cov.flagged[1].reasons == ("only 50% of its text is indexed",)
    assert cov.flagged[2].reasons == ("an HTML block (line 3)",)  # once each
    assert (cov.chars, cov.indexed) == (4100, 2800)  # a note built before coverage was kept counts nothing
    assert [n.path for n in cov.notes] == ["code.md", "full.md", "lost.md", "low.md", "short.md"]


def test_a_note_never_counts_more_indexed_than_it_holds(tmp_path):
    # each table row is embedded with its header, so the chunks repeat the header's text
    notes = tmp_path / "notes"
    write(notes / "table.md", "# Prices\n\n| item | price |\n|---|---|\n" + "".join(f"| thing {i} | {i} pounds |\n"
                                                                         for i in range(20)))
    cov = build_index(notes, tmp_path / "index", embedder=fresh()).coverage
    each = cov.to_dict()["notes"]["table.md"]
    assert each["indexed"] == each["chars"] and each["share"] == 1.0
    assert cov.indexed == cov.chars and not cov.flagged


def test_text_not_all_indexed_never_reads_as_all_of_it():
    # trial s37: "text indexed 100.0% ...; 1 note with text not indexed"
    from notesqa.coverage import Coverage

    assert Coverage(10_000, 9_996, ()).percent == "99.9%" and Coverage(10, 10, ()).percent == "100.0%"
    assert Coverage(10_000, 9_996, ()).summary().startswith("text indexed 99.9% (9,996 of 10,000 characters)")
