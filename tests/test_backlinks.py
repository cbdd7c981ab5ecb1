"""Backlinks (backlinks.py): the notes that link to a note, and how a search for them shows them."""

from notesqa import NotesIndex, build_index
from notesqa.backlinks import linking_lines
from notesqa.asking import links_subject

from conftest import write


def _vault(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "zettel" / "202103151022 Spacing effect.md", "# Spacing effect\n\n- spread study over days\n")
    write(notes / "MOC.md", "# Memory\n\n- intro line\n- [[202103151022|spacing]]: the core note\n")
    write(notes / "essay.md", "---\ndate: 2025-01-02\n---\n# Essay\n\nAs [the note](zettel/202103151022%20Spacing%20effect.md) "
          "says, spacing works.\n")
    write(notes / "code.md", "# Code\n\n- written as code: `[[Spacing effect]]`\n\n```\n[[Spacing effect]]\n```\n")
    write(notes / "other.md", "# Other\n\n- nothing links here\n")
    return notes


def test_the_notes_that_link_to_a_note_by_wikilink_id_or_markdown_link(tmp_path):
    notes = _vault(tmp_path)
    rels = [p.relative_to(notes).as_posix() for p in notes.rglob("*.md")]
    found = linking_lines(notes, rels, frozenset({"zettel/202103151022 Spacing effect.md"}))
    assert found == {"MOC.md": 4, "essay.md": 6}  # a link written as code is none


def test_a_question_for_backlinks_lists_the_linking_notes_where_they_link(tmp_path, embedder):
    notes = _vault(tmp_path)
    build_index(notes, tmp_path / "index", embedder=embedder)
    idx = NotesIndex.open(tmp_path / "index", embedder=embedder)
    hits = idx.search("which notes link to the Spacing effect note?", k=5)
    assert [h.path for h in hits] == ["essay.md", "MOC.md"]  # dated first, then by path
    assert hits[1].text.startswith("spacing: the core note") and hits[0].explain.links
    assert [h.path for h in idx.search("backlinks of 202103151022", k=5)] == ["essay.md", "MOC.md"]
    assert idx.search("which notes link to Other?", k=5) == []
    assert idx.why_nothing("which notes link to Other?") == "No note links to Other."


def test_a_note_whose_name_is_of_words_many_names_share_is_linked_to_by_its_whole_name(tmp_path, embedder):
    # trial s54: "which notes link to Hive 5" had searched as words, six pages named "Hive N" (common words)
    notes = tmp_path / "notes"
    for n in range(1, 7):
        write(notes / "pages" / f"Hive {n}.md", f"queen:: 2025 marked\n\n- hive {n} notes\n")
    write(notes / "journals" / "2026_11_26.md", "- [[Hive 5]] light at the back again, fondant on\n- [[Hive 2]] ok\n")
    write(notes / "pages" / "Suppliers.md", "- fondant for [[Hive 5]] from Thornes\n")
    for day in range(1, 21):  # (every hive inspected, 5 frames each: "hive" and "5" common words of the notes)
        write(notes / "journals" / f"2026_09_{day:02}.md",
              "".join(f"- hive {n} inspected, 5 frames of brood\n" for n in (1, 2, 3)))
    build_index(notes, tmp_path / "index", embedder=embedder)
    idx = NotesIndex.open(tmp_path / "index", embedder=embedder)
    hits = idx.search("which notes link to Hive 5", k=5)
    assert {h.path for h in hits} == {"journals/2026_11_26.md", "pages/Suppliers.md"} and hits[0].explain.links


def test_a_literature_note_is_linked_by_a_citation_of_its_citekey(tmp_path, embedder):
    # trial X: "which notes link to Cepeda et al. 2006?" had said none, though three notes cite it
    notes = tmp_path / "notes"
    write(notes / "Zotero/@cepeda2006distributed.md", "---\ncitekey: cepeda2006distributed\nauthors: [Cepeda, N.]\n"
          "year: 2006\n---\n# Distributed practice in verbal recall tasks\n\nSpacing helps.\n")
    write(notes / "draft.md", "# Draft\n\nIntro.\n\nThe gap grows with the interval [see @cepeda2006distributed, p. 370].\n")
    write(notes / "other.md", "# Other\n\nMail me @cepeda2006distributed or see `[@cepeda2006distributed]`.\n")
    build_index(notes, tmp_path / "index", embedder=embedder)
    idx = NotesIndex.open(tmp_path / "index", embedder=embedder)
    hits = idx.search("which notes link to Cepeda 2006?", k=5)
    assert [(h.path, h.line) for h in hits] == [("draft.md", 5)]  # not a bare @ outside brackets, nor code


def test_what_asks_for_backlinks():
    assert links_subject("which notes link to the spacing effect note?") == "spacing effect"
    assert links_subject("what links to [[Interleaving]]?") == "Interleaving"
    assert links_subject("which pages point to my Reading list page?") == "Reading list"
    for q in ("what is the link to the docs?", "which notes mention interleaving?", "link to spacing"):
        assert links_subject(q) is None, q
