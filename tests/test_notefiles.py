"""Finding and reading note files (notefiles.py)."""

import os

import pytest

from notesqa.notefiles import decode_note, discover_notes, inside_notes, read_note

from conftest import write


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "notes"
    write(d / "good.md", "* Shuffle sharding maps customers to cells\n")
    return d


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


def test_decode_note_statements():
    assert decode_note("plain ✓".encode()) == ("plain ✓", None)
    text, why = decode_note(b"r\xe9sum\xe9")
    assert text == "résumé" and why == "not valid UTF-8 (first bad byte at offset 1), decoded as cp1252"
    assert decode_note("\ufeff".encode("utf-16")) == (None, "empty file")
    assert decode_note(b"\x00\x00") == (None, "binary file (contains NUL bytes)")
    # a picture renamed ".md" with no NUL byte near its start (trial s50: "ÿØÿà..." had been a note, its hit)
    assert decode_note(b"\xff\xd8\xff\xe0\xa2\x90\xc1 scan of the lease") == (None, "binary file (a JPEG picture, not text)")
    assert decode_note(b"%PDF-1.7\n%\xe2\xe3") == (None, "binary file (a PDF, not text)")
    assert decode_note(b"PDF notes: the lease") == ("PDF notes: the lease", None)  # (words, not a signature)


def test_decode_note_bytes_of_no_text_without_control_characters_are_binary():
    # trial s53: random bytes with no NUL or control byte had been read as Latin-1 and indexed as mojibake
    noise = bytes((i * 97 + 131) % 128 + 128 for i in range(3000))
    assert decode_note(noise) == (None, "binary file (not text in UTF-8, Windows-1252 or Latin-1)")
    printable_noise = bytes((i * 89 + 7) % 224 + 32 for i in range(3000))
    assert decode_note(printable_noise)[0] is None
    # a legacy note stays one: mostly ASCII, its accents decoded
    legacy = "Réunion du comité, café à 10h. Prévoir le budget.\n".encode("cp1252") * 40
    assert decode_note(legacy)[0].startswith("Réunion du comité")
    # ... with a stray byte Windows-1252 has no character for, read as Latin-1, or in Mac Roman (the review)
    stray = "“Quoted” café notes, the budget for next year.\n".encode("cp1252") * 40 + b"\x81"
    assert decode_note(stray)[0].startswith("“Quoted” café")  # (its quotes as Windows-1252 has them: the review)
    assert decode_note("Réunion du comité, ça va. Prévoir le budget.\n".encode("mac_roman") * 40)[0] is not None


def test_read_note_never_raises(tmp_path):
    assert read_note(tmp_path / "missing.md", "missing.md")[1].reason == "file disappeared while reading"
    (tmp_path / "folder.md").mkdir()
    text, problem = read_note(tmp_path / "folder.md", "folder.md")
    assert text is None and problem.action == "skipped"


def test_discovery_does_not_walk_out_through_links_to_ancestors_and_visits_a_folder_once(folder, tmp_path):
    write(tmp_path / "outside.md", "* not a note of this folder\n")
    write(tmp_path / "shared/x.md", "* linked in twice\n")
    os.symlink("..", folder / "parent-loop")
    os.symlink(tmp_path / "shared", folder / "a-link")
    os.symlink(tmp_path / "shared", folder / "b-link")
    files, probs = discover_notes(folder)
    assert [f.relative_to(folder).as_posix() for f in files] == ["a-link/x.md", "good.md"]
    assert [(p.path, p.reason) for p in probs] == [
        ("parent-loop", "symlink loop (links to a folder above it)"),
        ("b-link", "symlink loop or second link to a folder (already visited)")]


def test_a_link_to_a_folder_of_the_notes_leaves_it_at_its_own_path(folder):
    # trial s38: "Side projects/snippets-link" sorted first, and Work/snippets was skipped as its "second link"
    write(folder / "Work" / "snippets" / "sql.md", "* window functions\n")
    (folder / "Side projects").mkdir()
    os.symlink(folder / "Work" / "snippets", folder / "Side projects" / "snippets-link")
    write(folder / ".hidden" / "kept.md", "* read through its link only\n")
    os.symlink(folder / ".hidden", folder / "visible")
    files, probs = discover_notes(folder)
    assert [f.relative_to(folder).as_posix() for f in files] == ["Work/snippets/sql.md", "good.md", "visible/kept.md"]
    assert [(p.path, p.action, p.reason) for p in probs] == [  # excluded, not skipped: nothing is lost (the review)
        ("Side projects/snippets-link", "excluded", "a link to the folder Work/snippets/ of the notes, read at its own path")]


def test_a_utf8_note_with_a_bad_byte_stays_utf8():
    # a character cut off by a copy (as in a real Obsidian vault): the rest of the note is still UTF-8,
    # and read as cp1252 every curly quote and accent in it would turn into "â€œ"
    data = "Seiri (think “sort”) isn’t naïve".encode() + b" \xe2\x80 cut\n"
    text, why = decode_note(data)
    assert text == "Seiri (think “sort”) isn’t naïve \ufffd cut\n"
    assert why == "not valid UTF-8 (first bad byte at offset 40): 1 broken character shown as \ufffd"
    text, why = decode_note("😀 done, a note on the week ahead ".encode() + b"\xe2\x80 x")  # one good, one broken
    assert text == "😀 done, a note on the week ahead \ufffd x" and why.endswith("1 broken character shown as \ufffd")
    # a legacy note with no UTF-8 in it is still read in its own encoding
    assert decode_note("“Café” crème".encode("cp1252"))[0] == "“Café” crème"
    assert decode_note(b"Ni\xf1o \x81")[1].endswith("decoded as latin-1")  # 0x81 is not in cp1252


def test_a_file_link_out_of_the_notes_folder_is_reported_not_read(folder, tmp_path):
    # a shared vault holding "notes.md -> ~/.ssh/id_rsa" must not put the key into hits
    write(tmp_path / "secret.txt", "a private key\n")
    write(tmp_path / "shared" / "x.md", "* a linked-in folder's note\n")
    write(tmp_path / "shared" / "sub" / "y.md", "* deeper\n")
    os.symlink(tmp_path / "secret.txt", folder / "notes.md")
    os.symlink(tmp_path / "shared", folder / "linked")
    os.symlink("../x.md", tmp_path / "shared" / "sub" / "alias.md")  # a link inside the linked folder
    os.symlink("good.md", folder / "same.md")
    files, probs = discover_notes(folder)
    assert [f.relative_to(folder).as_posix() for f in files] == ["good.md", "linked/sub/y.md", "linked/x.md"]
    assert [(p.path, p.reason) for p in probs] == [
        ("notes.md", "links to a file outside the notes folder"),
        ("linked/sub/alias.md", "same file as linked/x.md"), ("same.md", "same file as good.md")]
    assert inside_notes(folder, "linked/sub/alias.md") and not inside_notes(folder, "notes.md")


def test_an_obsidian_vaults_excluded_files_and_templates_are_left_out_and_said(tmp_path):
    import json

    vault = tmp_path / "vault"
    for rel in ("Daily/2026-11-12.md", "Templates/Daily.md", "Meta/Templater/Meeting.md", "Archive/old.md",
                "Archived.md", "Notes/keep.md"):
        write(vault / rel, "# x\n\ntext\n")
    (vault / ".obsidian" / "plugins" / "templater-obsidian").mkdir(parents=True)
    (vault / ".obsidian" / "templates.json").write_text(json.dumps({"folder": "Templates"}))
    (vault / ".obsidian" / "plugins" / "templater-obsidian" / "data.json").write_text(
        json.dumps({"templates_folder": "Meta/Templater"}))
    (vault / ".obsidian" / "app.json").write_text(json.dumps({"userIgnoreFilters": ["Archive", "/^x.*/"]}))
    files, problems = discover_notes(vault)
    assert sorted(p.relative_to(vault).as_posix() for p in files) == ["Archived.md", "Daily/2026-11-12.md",
                                                                      "Notes/keep.md"]
    assert {p.path: p.reason for p in problems} == {
        "Archive": "excluded in Obsidian's settings (Excluded files): 1 note not indexed",
        "Templates/": "Obsidian's templates folder (templates, not notes): 1 note not indexed",
        "Meta/Templater/": "Obsidian's templates folder (templates, not notes): 1 note not indexed"}
    # settings that cannot be read leave everything in
    (vault / ".obsidian" / "app.json").write_text("{not json")
    (vault / ".obsidian" / "templates.json").write_text("[]")
    assert len(discover_notes(vault)[0]) == 5  # (Templater's folder is still left out)


def test_the_template_daily_notes_are_made_from_is_left_out_and_its_templates_folder(tmp_path):
    # trial s55: a vault with no templates.json, its Daily notes settings naming "Templates/Daily": the template
    # "Templates/Client.md" had answered "client template" with its empty "Contact:"
    import json

    vault = tmp_path / "vault"
    for rel in ("Daily/2026-11-12.md", "Templates/Daily.md", "Templates/Client.md", "Notes/keep.md", "Meta/Day.md"):
        write(vault / rel, "# x\n\ntext\n")
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "daily-notes.json").write_text(json.dumps({"folder": "Daily", "template": "Templates/Daily"}))
    files, problems = discover_notes(vault)
    assert sorted(p.relative_to(vault).as_posix() for p in files) == ["Daily/2026-11-12.md", "Meta/Day.md",
                                                                      "Notes/keep.md"]
    assert {p.path for p in problems} == {"Templates/"}
    # ... a template in a folder of other notes: that file alone (Periodic Notes' weekly one too)
    (vault / ".obsidian" / "daily-notes.json").write_text(json.dumps({"template": "Meta/Day"}))
    (vault / ".obsidian" / "plugins" / "periodic-notes").mkdir(parents=True)
    (vault / ".obsidian" / "plugins" / "periodic-notes" / "data.json").write_text(
        json.dumps({"weekly": {"enabled": True, "template": "Notes/keep.md"}}))
    files, _ = discover_notes(vault)
    assert sorted(p.relative_to(vault).as_posix() for p in files) == ["Daily/2026-11-12.md", "Templates/Client.md",
                                                                      "Templates/Daily.md"]


def test_a_logseq_graphs_hidden_paths_are_left_out_and_said(tmp_path):
    # trial F: a page under a folder config.edn hides had come first
    graph = tmp_path / "graph"
    for rel in ("pages/keep.md", "archive/old.md", "pages/draft.md", "journals/2026_11_30.md"):
        write(graph / rel, "- text\n")
    write(graph / "logseq" / "config.edn", '{:meta/version 1\n ;; :hidden ["/journals"] was tried once\n'
                                           ' :hidden ["/archive" "pages/draft.md"]\n :favorites []}\n')
    files, problems = discover_notes(graph)
    assert sorted(p.relative_to(graph).as_posix() for p in files) == ["journals/2026_11_30.md", "pages/keep.md"]
    assert {p.path: p.reason for p in problems} == {
        "archive": "hidden in Logseq's config.edn (:hidden): 1 note not indexed",
        "pages/draft.md": "hidden in Logseq's config.edn (:hidden): 1 note not indexed"}


def test_text_is_read_in_one_unicode_form():
    # macOS (and some editors) write "é" as "e" and a combining accent: read as the one character typed
    nfd = "# Re\u0301union\n\n- #de\u0301gustation\n"
    text, why = decode_note(nfd.encode())
    assert text == "# Réunion\n\n- #dégustation\n" and why is None


def test_archive_folders_are_known_by_their_names():
    from notesqa.notefiles import archived

    for path in ("archive/a.md", "Archives/2022/a.md", "4 Archive/a.md", "99 - Archive/x/a.md", "_old/a.md",
                 "notes/Attic/a.md", "Archived/a.md", "site/versioned_docs/version-2.2/webhooks.md"):
        assert archived(path), path
    # an older version's docs are not old to a question that names that version
    old_docs = "site/versioned_docs/version-2.2/webhooks.md"
    assert not archived(old_docs, "how did webhooks work in v2.2?") and not archived(old_docs, "in version 2.2")
    assert archived(old_docs, "what changed in 2.2.1?") and archived(old_docs, "and in 12.2?")
    for path in ("archive.md", "archives-of-the-nord.md", "research/archival-sources.md", "gold/a.md", "bold.md",
                 "site/docs/webhooks.md"):
        assert not archived(path), path
    # ... and a note named as an old version (trial s82 E: "Pricing (old 2026)", status superseded, had come first
    # for "what do i charge for a simple sa return", above "Pricing 2027-28")
    for path in ("Admin/Pricing (old 2026).md", "Rota [superseded].md", "Price list - outdated.md", "Menu OLD.md"):
        assert archived(path), path
    for path in ("Old Trafford.md", "How old is the boiler.md", "old-school.md", "Golden oldies.md", "Pricing 2027-28.md",
                 "Bold (new).md", "Soups (old favourites).md", "Volvo (old car).md", "Games (old school).md",
                 "Football - OLD TRAFFORD trip.md", "HOW OLD IS THE HOUSE.md"):  # (the review)
        assert not archived(path), path
    assert archived("Pricing (old version).md") and archived("Fees (old 2026-27).md") and archived("OLD - rota.md")


def test_a_note_its_properties_or_its_heading_mark_as_no_longer_in_use_is_retired():
    # trial s83 E: "Price list 2027.md", "status: superseded" and "# Hut price list 2027 (OLD)", had come first for
    # "price of growmore", above this year's list
    from notesqa.notefiles import retired

    assert retired([("valid-from", "2027 03 01"), ("status", "superseded")])
    assert retired([("archived", "true")]) and retired([("state", "obsolete")])
    assert retired([], "Hut price list 2027 (OLD)") and retired([], "Menu OLD")
    assert not retired([("status", "done")]) and not retired([("status", "draft")], "Hut price list 2028")
    assert not retired([("archived", "false")], "Old Trafford") and not retired([], "Soups (old favourites)")


def test_a_template_no_setting_names_comes_after_the_notes_unless_a_template_is_asked_for():
    # trial s55: with no Obsidian setting naming it, "Templates/Client.md" had answered with its empty "Contact:";
    # trial s56: left out, "my template for new clients" had found nothing: it is kept, after the notes in use
    from notesqa.notefiles import archived

    for path in ("Templates/Client.md", "_templates/Meeting.md", "99 - Templates/x.md", "Daily template.md",
                 "meta/note-templates/Book.md"):
        assert archived(path, "who is the contact?"), path
        assert not archived(path, "my template for new clients"), path
        assert not archived(path, "which templates do I have?"), path
    for path in ("Templates of letters.md", "templated/a.md", "Clients/Template Ltd.md", "pages/templates.md"):
        assert not archived(path, "who is the contact?"), path


def test_a_notion_page_is_read_by_its_name_without_its_id():
    from conftest import DANA
    from notesqa.notefiles import readable_name, readable_path

    assert readable_name("Interviews 023c87b8295f4780ce47de47b22ae1e7") == "Interviews"
    assert readable_name("Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11") == ""
    assert readable_path(DANA) == "Research Hub/Interviews/Interview with Dana.md"
    # a name that only looks like one is kept
    for name in ("2024-01-05-my-trip.md", "notes/sha 1234abcd.md", "work/Export-plan.md"):
        assert readable_path(name) == name


def test_csv_tables_are_counted_once_not_read(tmp_path):
    from notesqa.notefiles import NOT_READ, NOTES_READ, Problem

    for name in ("db 1.csv", "db 1_all.csv", "sub/other.csv"):
        write(tmp_path / name, "Name,Status\nA,Done\n")
    write(tmp_path / "page.md", "# Page\n")
    write(tmp_path / "picture.png", "x")
    found, problems = discover_notes(tmp_path)
    assert [p.name for p in found] == ["page.md"]
    assert problems == [Problem("3 .csv files", NOT_READ, NOTES_READ)]


def test_other_markdown_names_and_plain_text_notes_are_read_and_other_text_is_counted(tmp_path):
    from notesqa.notefiles import NOT_NOTES, NOT_READ, NOTES_READ, Problem

    tmp_path = tmp_path / "media"  # a notes folder inside a folder named as attachments' is no attachment

    # trial V: an iA Writer and phone-app folder, with .mdown and .txt notes; a project's own .txt files are no notes
    for name in ("a.md", "Range.mdown", "b.mkd", "phone note.txt", "old/x.txt", "agenda.org", "picture.png",
                 "tool/requirements-dev.txt", "tool/LICENSE.txt", "site/robots.txt", "assets/server-log.txt"):
        write(tmp_path / name, "- a note\n")
    found, problems = discover_notes(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "Range.mdown", "a.md", "b.mkd", "old/x.txt", "phone note.txt"]
    hint = NOTES_READ + " (rename a note to .md to index it)"
    assert problems == [Problem("1 .org file", NOT_READ, hint),
                        Problem("4 .txt files (assets/server-log.txt, site/robots.txt, tool/LICENSE.txt, ...)", NOT_READ,
                                NOT_NOTES)]
    # a note named like a project's file in other capitals is a note (trial C: a driving licence, an alarm code)
    write(tmp_path / "Licence.txt", "- renew by 2031\n")
    write(tmp_path / "Security.txt", "- alarm code 4711\n")
    assert {"Licence.txt", "Security.txt"} <= {p.name for p in discover_notes(tmp_path)[0]}


def test_sync_conflict_copies_and_copies_of_a_note_are_skipped_and_said(tmp_path):
    # trial V: Dropbox, Syncthing and iCloud copies had shown a note's old text as an equal answer
    note = "# Pricing\n\n- Day rate floor is 1,600 EUR\n- Discovery is sold separately\n- Travel at cost\n"
    write(tmp_path / "Pricing.md", note)
    write(tmp_path / "Pricing (Jane's conflicted copy).md", note.replace("1,600", "1,400"))
    write(tmp_path / "Pricing (conflicted copy 2023-04-02).md", note)
    write(tmp_path / "Pricing.sync-conflict-20230402-101112-ABCDEFG.md", note)
    write(tmp_path / "Pricing_LOCAL_4242.md", note)  # git mergetool's (trial s39)
    write(tmp_path / "Pricing_BACKUP_4242.md", note)
    write(tmp_path / "Pricing 2.md", note)
    write(tmp_path / "Pricing 3.md", note.replace("Travel at cost", "Travel at cost, capped"))  # edited since
    write(tmp_path / "Chapter.md", "# Chapter\n\nThe first draft.\n")
    write(tmp_path / "Chapter 2.md", "# Chapter 2\n\nAnother chapter altogether, about the harbour.\n")
    write(tmp_path / "Gone (conflicted copy 2023-01-01).md", "- the only version left\n")  # its note deleted
    # trial W: notes of one template are no copies of each other, nor is an empty note; a copy beside an
    # empty note is what is left of it
    sync = "# Weekly sync\n\n## Agenda\n- roadmap\n- hiring\n\n## Decisions\n- ship in March\n- hire two\n- freeze Dec\n"
    write(tmp_path / "Weekly sync.md", sync)
    write(tmp_path / "Weekly sync 2.md", sync.replace("ship in March", "ship in May").replace("hire two", "hire one")
          .replace("freeze Dec", "no freeze"))
    write(tmp_path / "Untitled.md", "")
    write(tmp_path / "Untitled 3.md", "")
    write(tmp_path / "Plan.md", "")
    write(tmp_path / "Plan (conflicted copy 2024-02-02).md", "- the plan's text\n")
    found, problems = discover_notes(tmp_path)
    assert [p.name for p in found] == ["Chapter 2.md", "Chapter.md", "Gone (conflicted copy 2023-01-01).md",
                                       "Plan (conflicted copy 2024-02-02).md", "Plan.md", "Pricing.md", "Untitled 3.md",
                                       "Untitled.md", "Weekly sync 2.md", "Weekly sync.md"]
    said = {p.path: p.reason for p in problems}
    assert set(said) == {"Pricing (Jane's conflicted copy).md", "Pricing (conflicted copy 2023-04-02).md",
                         "Pricing.sync-conflict-20230402-101112-ABCDEFG.md", "Pricing 2.md", "Pricing 3.md",
                         "Pricing_LOCAL_4242.md", "Pricing_BACKUP_4242.md"}
    assert said["Pricing.sync-conflict-20230402-101112-ABCDEFG.md"].startswith("a conflict copy of Pricing.md")
    assert said["Pricing_LOCAL_4242.md"].startswith("a conflict copy of Pricing.md (a sync service's or a merge tool's)")
    assert said["Pricing 2.md"] == "a copy of Pricing.md with the same text"
    assert said["Pricing 3.md"].startswith("a copy of Pricing.md with nearly the same text")
    assert all(p.action == "skipped" for p in problems)


def test_a_merge_conflict_in_a_note_is_read_as_both_sides_and_said(tmp_path):
    # trial s39: "=======" had made a heading of the line above it, "<<<<<<< HEAD" a part of the breadcrumb
    from notesqa.notefiles import read_note
    from notesqa.parsing import parse_note

    path = write(tmp_path / "Hash table.md", "# Hash table\n\n- buckets\n<<<<<<< HEAD\n- load factor: 0.9\n=======\n"
                                             "- load factor: 0.75\n>>>>>>> lf-a\n- chaining\n")
    text, problem = read_note(path, "Hash table.md")
    assert problem.action == "repaired" and problem.reason == (
        "an unresolved merge conflict at line 4: both sides indexed, its markers left out; resolve it")
    assert text.split("\n")[3] == "" and "load factor: 0.75" in text  # each line where it was
    note = parse_note(text, "Hash table.md")
    assert [u.text for u in note.units] == ["buckets", "load factor: 0.9", "load factor: 0.75", "chaining"]
    assert all(u.heading == ("Hash table",) for u in note.units)
    # ... also with Windows line ends; not a conflict shown in a code block, an example (the review)
    crlf = write(tmp_path / "W.md", "")
    crlf.write_bytes(b"# W\r\n\r\n<<<<<<< HEAD\r\n- a: 0.9\r\n=======\r\n- a: 0.75\r\n>>>>>>> lf\r\n")
    text, problem = read_note(crlf, "W.md")
    assert problem is not None and "<<<<<<<" not in text and "- a: 0.75" in text
    example = "# Git\n\n```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> feature\n```\n"
    assert read_note(write(tmp_path / "Git.md", example), "Git.md") == (example, None)
    # "=======" alone is a heading's underline, as markdown has it
    assert read_note(write(tmp_path / "H.md", "Title\n=======\n\ntext\n"), "H.md") == ("Title\n=======\n\ntext\n", None)
