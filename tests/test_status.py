"""The index's status (notesqa.status), as `notesqa status` prints it and the service returns it."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from click.testing import CliRunner

from conftest import write
from notesqa import store
from notesqa.cli import main
from notesqa.service import NotesService
from notesqa.indexing import build_index
from notesqa.status import Changes, changes_since_build, needs_build, read_status


def cli_status(notes, index, *extra) -> str:
    res = CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index), *extra])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_status_of_a_fresh_index(built):
    notes, index, report = built
    st = read_status(notes, index)
    assert (st.notes, st.chunks, st.skipped, st.model, st.precision) == (3, report.chunks, 0, "hash-256", None)
    assert st.index == str(index) and st.notes_dir == str(notes) and st.generation.startswith("gen-")
    assert st.changes == Changes((), (), ()) and not st.changes
    assert st.skipped_files == () and st.coverage == report.coverage


def test_json_is_the_status_as_a_dict_in_a_fixed_order(built):
    notes, index, _ = built
    out = json.loads(cli_status(notes, index, "--json"))
    assert list(out) == ["index", "generation", "built_at", "model", "precision", "format_version", "notes",
                         "chunks", "skipped", "skipped_files", "repaired_files", "coverage", "notes_dir", "changes",
                         "excluded", "not_read", "read_by_older", "no_text", "read_as", "related_words",
                         "related_words_damage"]
    assert (out["excluded"], out["not_read"], out["read_by_older"], out["no_text"]) == ({}, {}, False, [])  # (trial s37)
    assert out == json.loads(json.dumps(read_status(notes, index).to_dict()))
    assert out["changes"] == {"new": [], "changed": [], "deleted": []}


def test_status_says_a_logseq_graph_is_read_as_one(tmp_path, embedder):
    # trial F: status never said it had read the folder as a Logseq graph
    from notesqa import build_index

    graph = tmp_path / "graph"
    write(graph / "pages" / "Kafka.md", "- brokers\n\t- three of them\n")
    write(graph / "journals" / "2026_11_30.md", "- rotated the certs\n")
    build_index(graph, tmp_path / "ix", embedder=embedder)
    assert read_status(graph, tmp_path / "ix").read_as == "a Logseq graph"
    assert f"Notes:   {graph}/ (read as a Logseq graph) unchanged since the build" in cli_status(graph, tmp_path / "ix")
    assert json.loads(cli_status(graph, tmp_path / "ix", "--json"))["read_as"] == "a Logseq graph"
    # ... and a plain folder as one (trial s36b: status said nothing of it)
    plain = tmp_path / "plain"
    write(plain / "Trip.md", "# Trip\n\n- Lisbon\n")
    build_index(plain, tmp_path / "ix2", embedder=embedder)
    assert read_status(plain, tmp_path / "ix2").read_as == "a folder of markdown notes"
    from notesqa.vault import app_of  # ... and a Dendron vault as one (the second review)

    write(tmp_path / "dendron" / "dendron.yml", "version: 5\n")
    assert app_of(tmp_path / "dendron") == "a Dendron vault"


def test_changes_skipped_files_and_coverage_are_reported(built):
    notes, index, _ = built
    # (an HTML block's text is read: an indented block read as code is what loses text here)
    write(notes / "html.md", "# Html\n\nA line.\n\n" + "    indented text read as code " * 12 + "\n")
    write(notes / "empty.md", "")
    write(notes / "meeting.md", "---\ntags: [work]\nattendees: Priya: lead\n---\n\n* we chose Kafka\n")
    from notesqa import build_index
    from notesqa.embedding.hashing import HashEmbedder

    build_index(notes, index, embedder=HashEmbedder(256))
    write(notes / "new.md", "* brand new\n")
    (notes / "aws-2024.md").write_text("* rewritten\n", encoding="utf-8")
    (notes / "cooking/2024-02-01-bread.md").unlink()
    st = read_status(notes, index)
    assert st.changes == Changes(("new.md",), ("aws-2024.md",), ("cooking/2024-02-01-bread.md",))
    assert st.changes.counts() == {"new": 1, "changed": 1, "deleted": 1}
    assert st.skipped == 1 and st.skipped_files == (("empty.md", "empty file"),)
    assert [n.path for n in st.coverage.flagged] == ["html.md"]
    text = cli_status(notes, index).splitlines()
    assert text[0] == f"Index:   {index}/ (format {st.format_version}, {st.generation})"
    assert text[1] == f"Built:   {st.built_at} with hash-256"
    reason = "broken YAML front matter at line 3; kept its other fields, not attendees"
    assert st.repaired_files == (("meeting.md", reason),)
    assert text[2:5] == [f"Holds:   5 notes, {st.chunks} chunks (1 file skipped, 1 repaired)",
                         "  skipped: empty.md: empty file", f"  repaired: meeting.md: {reason}"]
    cov = st.coverage
    assert text[5] == (f"Words:   {st.related_words} words of the notes kept, to find a question's words said in "
                       "other words or misspelt")
    assert text[6] == (f"Text:    {100 * cov.share:.1f}% indexed ({cov.indexed:,} of {cov.chars:,} characters of "
                       "notes text, not counting markup or front matter); 1 note with text not indexed")
    assert text[7].startswith("  html.md") and "an indented block of 368 characters at line 5 is read as code" in text[7]
    assert text[8:] == [f"Notes:   1 new, 1 changed, 1 deleted since the build; run `notesqa index --notes {notes} "
                        f"--index {index}` to refresh",
                        "  new: new.md", "  changed: aws-2024.md", "  deleted: cooking/2024-02-01-bread.md"]


def test_a_missing_notes_folder_has_no_changes(built, tmp_path):
    _, index, _ = built
    gone = tmp_path / "gone"
    st = read_status(gone, index)
    assert st.changes is None and "changes" not in st.to_dict()
    assert cli_status(gone, index).splitlines()[-1] == f"Notes:   {gone}/ not found"


def test_unchanged_notes_say_so(built):
    notes, index, _ = built
    text = cli_status(notes, index).splitlines()
    assert text[-1] == f"Notes:   {notes}/ (read as an Obsidian vault) unchanged since the build"
    # no note flagged: said as such, not "0 notes with text not indexed" under a share below 100%
    # ... nor a claim a short note's share belies (trial s55: a template of 64% under "each has 75% or more")
    assert text[-2].endswith("; no note flagged (each of 200 characters or more has 75% or more of its text indexed, "
                             "and nothing unreadable)")


def test_a_note_under_the_share_by_a_long_code_block_is_named_with_why(tmp_path):
    from notesqa.embedding.hashing import HashEmbedder

    notes = tmp_path / "notes"
    write(notes / "deploy.md", "# Deploy log\n\n```\n" + "12:00:01 INFO step done\n" * 400 + "```\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(64))
    text = cli_status(notes, tmp_path / "index").splitlines()
    line = next(ln for ln in text if ln.startswith("Text:"))
    assert line.endswith("; 1 note with text not indexed")
    assert any("deploy.md" in ln and "1 code block longer than 20 pieces of 300 characters indexed by its start and "
               "end (line 3)" in ln for ln in text)


def test_the_service_adds_what_the_server_knows(built, embedder):
    from notesqa import build_index
    from notesqa.embedding.hashing import HashEmbedder

    notes, index, _ = built
    svc = NotesService(notes, index, embedder=embedder)
    info = svc.status()
    assert info == {**read_status(notes, index).to_dict(), "building": False}
    svc.search("shuffle sharding")
    build_index(notes, index, embedder=HashEmbedder(64))  # a newer index the loaded one cannot take
    svc.search("shuffle sharding")
    info = svc.status()
    assert info["stale_reason"].startswith(f"The index in {index}/ was built with model 'hash-64', not 'hash-256'")
    assert list(info)[-2:] == ["building", "stale_reason"]


def test_status_shows_the_index_precision(built, monkeypatch):
    notes, index, _ = built
    real = store.read_manifest

    def with_precision(d, name=None):
        gen, manifest = real(d, name)
        return gen, replace(manifest, fingerprint={**manifest.fingerprint, "precision": "int8"})

    monkeypatch.setattr(store, "read_manifest", with_precision)
    assert json.loads(cli_status(notes, index, "--json"))["precision"] == "int8"
    assert "(int8)" in cli_status(notes, index)


def test_status_lists_new_changed_and_deleted_notes(built, embedder):
    notes, index, _ = built
    assert json.loads(cli_status(notes, index, "--json"))["changes"] == {"new": [], "changed": [], "deleted": []}
    write(notes / "new.md", "* fresh\n")
    with open(notes / "aws-2024.md", "a") as f:
        f.write("* edited\n")
    (notes / "cooking/2024-02-01-bread.md").unlink()
    assert json.loads(cli_status(notes, index, "--json"))["changes"] == {
        "new": ["new.md"], "changed": ["aws-2024.md"], "deleted": ["cooking/2024-02-01-bread.md"]}
    assert needs_build(notes, index)
    out = cli_status(notes, index)
    assert "1 new, 1 changed, 1 deleted" in out and "notesqa index" in out
    for i in range(12):  # a folder moved in: the first of many named, and how many more
        write(notes / "moved" / f"n{i:02d}.md", f"* note {i}\n")
    out = cli_status(notes, index)
    assert "  new: moved/n09.md" in out and "moved/n10.md" not in out
    assert "  ... and 3 more new (`notesqa status --json` lists all)" in out
    assert len(json.loads(cli_status(notes, index, "--json"))["changes"]["new"]) == 13
    build_index(notes, index, embedder=embedder)
    assert not changes_since_build(notes, store.read_manifest(index)[1], index) and not needs_build(notes, index)


def test_a_note_touched_but_not_edited_is_unchanged(built):
    # a sync or a checkout gives notes new mtimes: the same text is the same note; an edit of the same size is not
    notes, index, _ = built
    note = notes / "aws-2024.md"
    later = note.stat().st_mtime_ns + 5_000_000_000
    os.utime(note, ns=(later, later))
    assert json.loads(cli_status(notes, index, "--json"))["changes"]["changed"] == []
    assert not needs_build(notes, index)
    # checked again (a server's watcher does every few seconds), it is not read again
    from notesqa import status

    def no_read(*args):
        raise AssertionError("read again")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(status, "read_note", no_read)
        assert not needs_build(notes, index)
    text = note.read_text()
    note.write_text(text.replace("a", "b", 1))
    os.utime(note, ns=(later + 10**9, later + 10**9))
    assert json.loads(cli_status(notes, index, "--json"))["changes"]["changed"] == ["aws-2024.md"]


def test_skipped_files_are_not_reported_new_until_they_change(built, embedder):
    notes, index, _ = built
    (notes / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR")
    (notes / "empty.md").write_bytes(b"")
    r = build_index(notes, index, embedder=embedder)
    assert r.skipped == 2
    gen, manifest = store.read_manifest(index)
    assert set(manifest.skipped) == {"photo.md", "empty.md"}
    assert not changes_since_build(notes, manifest, index) and not needs_build(notes, index)
    for name in ("photo.md", "empty.md"):  # touched (a sync): still no note, so no change
        later = (notes / name).stat().st_mtime_ns + 5_000_000_000
        os.utime(notes / name, ns=(later, later))
    assert not changes_since_build(notes, manifest, index) and not needs_build(notes, index)
    (notes / "empty.md").write_text("* now it has a bullet\n")
    assert changes_since_build(notes, manifest, index).new == ("empty.md",)
    # and a server's watcher builds again for it (an editor's new file, empty at first, then written in)
    assert needs_build(notes, index)


def test_a_sync_conflict_copy_made_since_the_build_is_a_change_for_the_build_to_name(built, embedder):
    notes, index, _ = built
    build_index(notes, index, embedder=embedder)
    (notes / "aws-2024 (conflicted copy 2026-11-30).md").write_text((notes / "aws-2024.md").read_text())
    _, manifest = store.read_manifest(index)
    # trial W: with the server running, the copy had not been named until some other change
    assert changes_since_build(notes, manifest, index).new == ("aws-2024 (conflicted copy 2026-11-30).md",)
    assert needs_build(notes, index)
    r = build_index(notes, index, embedder=embedder)
    assert any(p.path == "aws-2024 (conflicted copy 2026-11-30).md" for p in r.problems)
    _, manifest = store.read_manifest(index)
    assert not changes_since_build(notes, manifest, index) and not needs_build(notes, index)


def test_note_kept_after_becoming_unreadable_is_reported_only_when_it_changes(built, embedder):
    notes, index, _ = built
    path = notes / "aws-2024.md"
    path.write_bytes(b"\x00\x01\x02 binary now")
    r = build_index(notes, index, embedder=embedder)
    assert r.kept == 1
    _, manifest = store.read_manifest(index)
    assert not changes_since_build(notes, manifest, index)
    path.write_text("* readable again\n")
    assert changes_since_build(notes, manifest, index).changed == ("aws-2024.md",)


# --------------------------------------------------------------------------- over a damaged previous index


def test_status_names_every_skipped_thing_and_the_folders_the_vault_leaves_out(tmp_path, embedder):
    notes = tmp_path / "notes"
    write(notes / "a.md", "* hi\n")
    write(notes / "Private" / "diary.md", "* secret\n")
    write(notes / ".obsidian" / "app.json", json.dumps({"userIgnoreFilters": ["Private/"]}))
    (notes / "Loop").mkdir()
    (notes / "Loop" / "again").symlink_to("..")
    build_index(notes, tmp_path / "index", embedder=embedder)
    out = cli_status(notes, tmp_path / "index")
    assert "(1 file skipped)" in out and "  skipped: Loop/again: symlink loop" in out  # the count and the list agree
    assert "  excluded: Private/: excluded in Obsidian's settings" in out
    assert "Private/" in json.loads(cli_status(notes, tmp_path / "index", "--json"))["excluded"]


def test_an_index_a_notesqa_that_read_notes_otherwise_built_is_to_be_built_again(built, monkeypatch):
    from notesqa import chunking
    from notesqa.status import needs_build, read_status

    notes, index, _ = built
    assert not needs_build(notes, index) and not read_status(notes, index).read_by_older
    monkeypatch.setattr(chunking, "CHUNKER_VERSION", chunking.CHUNKER_VERSION + "-next")  # notesqa updated
    assert needs_build(notes, index)  # a server's watcher reads the notes anew
    st = read_status(notes, index)
    assert st.read_by_older and st.to_dict()["read_by_older"] is True
    # ... and `ask` says so after its hits, as status does (trial s64 U: a week's note named in words had stayed of no
    # day until `notesqa index` ran, `ask` saying nothing)
    said = "this notesqa reads notes differently from the one that built the index: run `notesqa index"
    assert said in cli_status(notes, index)
    res = CliRunner().invoke(main, ["ask", "anything", "--notes", str(notes), "--index", str(index), "--model",
                                    "hash-256"])
    assert res.exit_code == 0 and said in res.stderr, res.output


def test_csv_tables_are_said_once_by_the_build_and_status(tmp_path):
    from conftest import write_notion_export
    from notesqa import build_index
    from notesqa.embedding.hashing import HashEmbedder

    notes = write_notion_export(tmp_path / "notes")
    report = build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    assert report.skipped == 0 and [(p.path, p.action) for p in report.problems] == [("2 .csv files", "not read")]
    st = read_status(notes, tmp_path / "index")
    assert st.not_read == (("2 .csv files", "only markdown (.md, .markdown, .mdown, ...), plain-text .txt and .canvas notes are read"),)
    text = cli_status(notes, tmp_path / "index").splitlines()
    assert text[2:4] == [f"Holds:   3 notes, {st.chunks} chunks (0 files skipped)",
                         "  2 .csv files not read: only markdown (.md, .markdown, .mdown, ...), plain-text .txt and .canvas notes are read"]
    assert st.to_dict()["not_read"] == {"2 .csv files": "only markdown (.md, .markdown, .mdown, ...), plain-text .txt and .canvas notes are read"}


def test_status_names_the_first_repaired_notes_and_counts_the_rest(tmp_path, embedder):
    # trial A: 843 repaired notes listed one a line had pushed "Notes: ... since the build" off the screen
    notes = tmp_path / "notes"
    for i in range(13):
        write(notes / f"m{i:02d}.md", f"---\ntags: [work]\nowner: Priya: lead\n---\n\n* note {i}\n")
    build_index(notes, tmp_path / "index", embedder=embedder)
    out = cli_status(notes, tmp_path / "index").splitlines()
    assert sum(line.startswith("  repaired: ") for line in out) == 10
    assert "  ... and 3 more repaired (`notesqa status --json` lists all)" in out
    assert out[-1].startswith("Notes:") and "unchanged since the build" in out[-1]
    assert len(json.loads(cli_status(notes, tmp_path / "index", "--json"))["repaired_files"]) == 13


def test_a_damaged_index_is_said_damaged_by_status_without_loading_it(built, embedder):
    # trial s37: a truncated dense.faiss had read as a healthy index in status, MCP's index_status and /api/status
    notes, index, _ = built
    gen, manifest = store.read_manifest(index)
    assert "chunks.jsonl" in manifest.files and "manifest.json" not in manifest.files  # written before it
    assert read_status(notes, index).notes == 3
    name = next(n for n in manifest.files if n.startswith("dense"))
    with open(gen / name, "r+b") as f:
        f.truncate(100)
    with pytest.raises(store.IndexCorruptError, match=rf"damaged \({gen.name}/{name} is 100 bytes, [\d,]+ when it was "
                                                      r"written\); .*notesqa index"):
        read_status(notes, index)
    result = CliRunner().invoke(main, ["status", "--json", "--notes", str(notes), "--index", str(index)])
    assert result.exit_code == 1 and "is damaged" in result.output
    with pytest.raises(store.IndexCorruptError, match="is damaged"):
        NotesService(notes, index, embedder=embedder).status()


def test_status_during_a_build_that_switches_generations_is_no_damage(built, embedder, monkeypatch):
    # the review: a generation removed by a build between reading CURRENT and checking its files read as damaged
    import shutil

    notes, index, _ = built
    first = store.read_manifest(index)
    write(notes / "new.md", "* a new note\n")
    build_index(notes, index, embedder=embedder)
    shutil.rmtree(first[0], ignore_errors=True)
    real, calls = store.read_manifest, []

    def stale_then_live(ix, name=None):
        calls.append(1)
        return first if len(calls) == 1 else real(ix, name)

    monkeypatch.setattr(store, "read_manifest", stale_then_live)
    assert read_status(notes, index).notes == 4 and len(calls) == 2


def test_status_names_the_notes_with_nothing_to_search(tmp_path, embedder):
    # trial s37: a dashboard note of only a Dataview query was in no answer, and nothing said why
    notes = tmp_path / "vault"
    write(notes / "Meta" / "Dashboard.md", "```dataview\nTABLE status FROM #project\n```\n")
    write(notes / "a.md", "* a note with words\n")
    build_index(notes, tmp_path / "index", embedder=embedder)
    assert read_status(notes, tmp_path / "index").no_text == ("Meta/Dashboard.md",)
    out = cli_status(notes, tmp_path / "index")
    assert "nothing to search: Meta/Dashboard.md (only a title, front matter, a query or files)" in out


def test_status_of_an_index_of_another_notes_folder_says_so_not_its_changes(built, tmp_path):
    # trial s37: "51 new, 0 changed, 71 deleted since the build; run `notesqa index ...`", a command that is refused
    notes, index, _ = built
    other = tmp_path / "other"
    write(other / "x.md", "* another vault\n")
    st = read_status(other, index)
    assert st.of_notes == str(notes.resolve()) and st.changes is None
    out = cli_status(other, index)
    assert f"Notes:   The index in {index}/ is of the notes in {notes.resolve()}/, not {other}/: pass --notes {notes.resolve()}" in out
    assert "since the build" not in out
    assert json.loads(cli_status(other, index, "--json"))["of_notes"] == str(notes.resolve())


def test_a_note_the_vaults_settings_now_exclude_is_said_excluded_not_deleted(built):
    # trial s39: Obsidian's Excluded files, set after the build, had its notes said "deleted"
    notes, index, _ = built
    (notes / ".obsidian").mkdir(exist_ok=True)
    (notes / ".obsidian" / "app.json").write_text('{"userIgnoreFilters": ["cooking/"]}', encoding="utf-8")
    changes = read_status(notes, index).changes
    assert changes.excluded == ("cooking/2024-02-01-bread.md",) and changes.deleted == ()
    assert changes.summary() == "0 new, 0 changed, 0 deleted, 1 excluded in the vault's settings"
    assert changes.became("cooking/2024-02-01-bread.md") == "excluded in the vault's settings"
    assert needs_build(notes, index)
