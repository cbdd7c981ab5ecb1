"""Odd and hostile vault input found by review: each was a wrong result before its fix (vault.py,
logseq.py, markup.py, indexing.py)."""

from notesqa import build_index
from notesqa.embedding.hashing import HashEmbedder
from notesqa.markup import Inline, readable_source
from notesqa.notefiles import discover_notes
from notesqa.parsing import parse_note
from notesqa.search import NotesIndex
from notesqa.vault import Vault

from conftest import write

EMB = HashEmbedder(64)


def _copies(index, path):
    return [c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks(path) if c.origin]


def test_a_change_reaches_through_a_chain_of_embeds(tmp_path):
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "# A\n\nIntro of A.\n\n![[B]]\n")
    write(notes / "B.md", "# B\n\nB text here.\n\n![[C]]\n")
    write(notes / "C.md", "# C\n\nOld content of C.\n")
    build_index(notes, index, embedder=EMB)
    write(notes / "C.md", "# C\n\nNew content of C, longer.\n")
    build_index(notes, index, embedder=EMB)
    assert "New content of C, longer." in _copies(index, "A.md")


def test_an_embed_loop_gives_the_same_notes_whichever_is_read_first(tmp_path):
    write(tmp_path / "A.md", "Text of A.\n\n![[B]]\n")
    write(tmp_path / "B.md", "Text of B.\n\n![[A]]\n")
    results = []
    for order in (["A.md", "B.md"], ["B.md", "A.md"]):
        vault = Vault(tmp_path, ["A.md", "B.md"])
        notes = {rel: vault.parse(rel, (tmp_path / rel).read_text()) for rel in order}
        results.append({rel: [u.text for u in n.units] for rel, n in notes.items()})
    assert results[0] == results[1]
    assert "Text of A." in results[0]["B.md"]


def test_a_stray_backtick_does_not_hide_a_comment_or_a_link():
    note = parse_note("Press ` to open the console.\n\n%% private: my password is hunter2 %%\n\n"
                      "See [[Other note]] then run `ls`.\n", "n.md")
    shown = " ".join(u.text for u in note.units)
    assert "hunter2" not in shown and "[[" not in shown


def test_dataview_fields_do_not_make_a_markdown_note_an_outline():
    text = "status:: active\nowner:: me\n\n# Project X\n\n## Tasks\n\n- write the plan\n- ship it\n"
    note = parse_note(text, "Project X.md")
    assert [u.text for u in note.units] == ["write the plan", "ship it"]  # the fields are metadata
    assert note.units[0].heading == ("Project X", "Tasks")


def test_an_embed_of_a_note_with_a_dot_in_its_name(tmp_path):
    write(tmp_path / "v1.2 release.md", "Shipped the faster parser.\n")
    write(tmp_path / "Notes.md", "![[v1.2 release]]\n\n![[pic.png]]\n")
    vault = Vault(tmp_path, ["v1.2 release.md", "Notes.md"])
    note = vault.parse("Notes.md", (tmp_path / "Notes.md").read_text())
    assert [u.text for u in note.units] == ["Shipped the faster parser."] and not note.lost


def test_logseq_backups_are_not_notes(tmp_path):
    write(tmp_path / "pages" / "p.md", "- current text\n")
    write(tmp_path / "journals" / "2024_01_02.md", "- a day\n")
    write(tmp_path / "logseq" / "config.edn", "{}\n")
    write(tmp_path / "logseq" / "bak" / "pages" / "p" / "2024.md", "- OLD backup text\n")
    files, _ = discover_notes(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files) == ["journals/2024_01_02.md", "pages/p.md"]


def test_logseq_with_windows_line_endings(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "S.md").write_bytes(b"- the source block\r\n  id:: 60af0000-0000-4000-8000-0000000000cc\r\n")
    (tmp_path / "pages" / "U.md").write_bytes(b"- see ((60af0000-0000-4000-8000-0000000000cc))\r\n")
    vault = Vault(tmp_path, ["pages/S.md", "pages/U.md"])
    note = vault.parse("pages/U.md", (tmp_path / "pages" / "U.md").read_text())
    assert note.units[0].text == "see the source block"


def test_an_unclosed_fence_does_not_swallow_the_rest_of_a_page():
    text = "- a block with code\n  ```\n  x = 1\n- the next block\n\t- its child\n"
    note = parse_note(text, "pages/p.md", Vault(".", [], logseq=True))
    assert [u.text for u in note.units if u.kind == "bullet"][-2:] == ["the next block", "its child"]


def test_clojure_in_code_is_shown_as_written():
    text = "- example\n  ```clojure\n  [:div.big \"hello\"]\n  [:code \"y\"]\n  ```\n"
    note = parse_note(text, "pages/p.md", Vault(".", [], logseq=True))
    code = next(u for u in note.units if u.kind == "code")
    assert code.text == '[:div.big "hello"]\n[:code "y"]'


def test_the_source_view_leaves_code_alone():
    page = "- config\n  ```yaml\n  retries:: 3\n  #+BEGIN_QUOTE\n  ```\n- after\n  collapsed:: true\n"
    out = readable_source(page, logseq=True)
    assert "retries:: 3" in out and "#+BEGIN_QUOTE" in out and "collapsed" not in out


def test_an_id_on_a_block_of_only_code_can_be_embedded(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "S.md").write_text(
        "- ```\n  make build\n  ```\n  id:: 60af0000-0000-4000-8000-0000000000dd\n")
    (tmp_path / "pages" / "U.md").write_text("- {{embed ((60af0000-0000-4000-8000-0000000000dd))}}\n")
    vault = Vault(tmp_path, ["pages/S.md", "pages/U.md"])
    note = vault.parse("pages/U.md", (tmp_path / "pages" / "U.md").read_text())
    assert [u.text for u in note.units] == ["make build"] and not note.lost


def test_a_heading_link_is_no_tag_and_a_capital_block_id_is_found(tmp_path):
    inline = Inline()
    assert inline.render("See [[#Setup steps]] and [[Note#A#B]]") == "See Setup steps and Note > A > B"
    assert inline.tags == []
    write(tmp_path / "N.md", "The definition. ^Def1\n")
    write(tmp_path / "U.md", "![[N#^Def1]]\n")
    vault = Vault(tmp_path, ["N.md", "U.md"])
    assert [u.text for u in vault.parse("U.md", (tmp_path / "U.md").read_text()).units] == ["The definition."]


def test_more_review_findings(tmp_path):
    from click.testing import CliRunner

    from notesqa.cli import main

    # a file named by hand keeps its name as the title; a bare [!quote] marker makes no unit
    assert parse_note("Text.\n", "general/Minimax-Q.md").title == "Minimax-Q"
    assert [u.text for u in parse_note("> [!quote]\n>\n> Said well.\n", "q.md").units] == ["Said well."]
    # a note that shows another note's text is counted as updated only when what it shows changed
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "Intro of A.\n\n![[Missing]]\n")
    write(notes / "B.md", "B text.\n")
    build_index(notes, index, embedder=EMB)
    write(notes / "B.md", "B text, edited.\n")
    report = build_index(notes, index, embedder=EMB)
    assert (report.updated, report.unchanged) == (1, 1)
    # the missing embed is named once, with its line
    reasons = [n.reasons for n in report.coverage.flagged if n.path == "A.md"][0]
    assert reasons == ("the embed ![[Missing]] at line 3 was not found",)
    # the CLI says where embedded text comes from
    write(notes / "A.md", "Intro of A.\n\n![[B]]\n")
    build_index(notes, index, embedder=EMB)
    out = CliRunner().invoke(main, ["ask", "--index", str(index), "--notes", str(notes), "--model", "hash-64",
                                    "--path", "A.md", "B text edited"]).output
    assert "embedded from B.md:1" in out
