"""Finding and reading note files (notefiles.py)."""

from notesqa.notefiles import decode_note, discover_notes

from conftest import write


def test_decode_fallbacks():
    assert decode_note(b"") == (None, "empty file")
    assert decode_note(b"\x89PNG\r\n\x00\x00")[0] is None
    text, why = decode_note("caf\xe9 notes".encode("cp1252"))
    assert text == "café notes" and "cp1252" in why
    assert decode_note("\ufeffhello".encode("utf-8")) == ("hello", None)


def test_discovery_skips_hidden_and_index(tmp_path, notes):
    index = notes / "index"
    index.mkdir()
    (index / "x.md").write_text("* not a note")
    files, problems = discover_notes(notes, exclude=[index])
    rels = [f.relative_to(notes).as_posix() for f in files]
    assert rels == sorted(rels)
    assert "cooking/2024-02-01-bread.md" in rels
    assert not any(r.startswith((".obsidian", "index/")) for r in rels)


def test_logseq_backups_are_not_notes(tmp_path):
    write(tmp_path / "pages" / "p.md", "- current text\n")
    write(tmp_path / "journals" / "2024_01_02.md", "- a day\n")
    write(tmp_path / "logseq" / "config.edn", "{}\n")
    write(tmp_path / "logseq" / "bak" / "pages" / "p" / "2024.md", "- OLD backup text\n")
    files, _ = discover_notes(tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files) == ["journals/2024_01_02.md", "pages/p.md"]
