"""A Joplin sync folder read the way Joplin shows it (joplin.py, and where it is applied: parsing.py, vault.py,
indexing.py, status.py, the CLI's paths)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from click.testing import CliRunner

from notesqa import build_index
from notesqa.cli import main
from notesqa.joplin import item_of, local_day, metadata_block, read_sync_folder, sync_folders
from notesqa.parsing import parse_note
from notesqa.search import NotesIndex
from notesqa.service import NotesService
from notesqa.status import changes_since_build, read_status
from notesqa.vault import Vault, app_of

from conftest import CountingEmbedder

EMB = CountingEmbedder(256)
WORK, PROJECTS, HOME = "a1" * 16, "a2" * 16, "a3" * 16  # notebooks: Work, Work/Projects, Home
LAUNCH, BOILER, MILK, SECRET, CLASH = "b1" * 16, "b2" * 16, "b3" * 16, "b4" * 16, "b5" * 16  # notes
URGENT, PLUMBING = "c1" * 16, "c2" * 16  # tags
PHOTO, SCAN = "d1" * 16, "d2" * 16  # resources
RECEIPT = "b6" * 16  # a note of only a scanned receipt


def item(id_: str, type_: int, title: str | None = None, body: str = "", **fields) -> str:
    """An item as Joplin's BaseItem.serialize writes it: title, body and the block, "\\n\\n" between them."""
    props = {"id": id_, **fields, "created_time": fields.get("created_time", "2022-11-06T15:20:11.000Z"),
             "updated_time": "2022-11-07T09:02:45.000Z", "encryption_cipher_text": fields.get("cipher", ""),
             "encryption_applied": fields.get("encryption_applied", 0), "is_shared": 0, "type_": type_}
    props.pop("cipher", None)
    parts = [title] if title is not None else []
    parts += [body] if body else []
    return "\n\n".join(parts + ["\n".join(f"{k}: {v}" for k, v in props.items())])


def note(id_: str, title: str, body: str, parent: str, created: str = "2022-12-03T19:44:00.000Z", **fields) -> str:
    return item(id_, 1, title, body, parent_id=parent, is_conflict=fields.pop("is_conflict", 0),
                author=fields.pop("author", ""), source_url="", is_todo=fields.pop("is_todo", 0), todo_due=0,
                todo_completed=fields.pop("todo_completed", 0), user_created_time=created,
                user_updated_time=created, markup_language=1, **fields)


def sync_folder(d: Path) -> Path:
    """A small sync folder: notebooks Work > Projects and Home, four notes (one a to-do, one a conflict copy), one
    encrypted, two tags, a picture, Joplin's own files."""
    files = {
        WORK: item(WORK, 2, "Work", parent_id=""),
        PROJECTS: item(PROJECTS, 2, "Projects", parent_id=WORK),
        HOME: item(HOME, 2, "Home", parent_id=""),
        LAUNCH: note(LAUNCH, "Launch plan", "The beta opens to 40 pilot customers on 14 March.\n\n"
                     f"- Slides: [the deck](:/{BOILER})\n- ![launch.png](:/{PHOTO})\n", PROJECTS),
        BOILER: note(BOILER, "Boiler service", "The Vaillant boiler is serviced every October by Hendrik.\n\n"
                     "Reset code: press and hold the flame button for 5 seconds.", HOME,
                     created="2021-10-12T08:00:00.000Z"),
        MILK: note(MILK, "Buy oat milk", "", HOME, is_todo=1),
        CLASH: note(CLASH, "Boiler service", "The boiler is serviced every September (an older edit).", HOME,
                    is_conflict=1),
        SECRET: note(SECRET, "", "", HOME, cipher="JED01000022" + "ab" * 40, encryption_applied=1),
        URGENT: item(URGENT, 5, "urgent"),
        PLUMBING: item(PLUMBING, 5, "home repairs"),
        "e1" * 16: item("e1" * 16, 6, None, note_id=BOILER, tag_id=PLUMBING),
        "e2" * 16: item("e2" * 16, 6, None, note_id=LAUNCH, tag_id=URGENT),
        PHOTO: item(PHOTO, 4, "launch.png", mime="image/png", filename="", file_extension="png"),
        RECEIPT: note(RECEIPT, "Dishwasher receipt", f"![](:/{SCAN})", HOME),
        SCAN: item(SCAN, 4, "Scan 2023-04-01", mime="image/jpeg", filename="", file_extension="jpg"),
    }
    d.mkdir(parents=True, exist_ok=True)
    for id_, text in files.items():
        (d / f"{id_}.md").write_text(text, encoding="utf-8")
    (d / "info.json").write_text('{"version":3,"e2ee":{"value":false,"updatedTime":0},"masterKeys":[]}')
    (d / ".resource").mkdir()
    (d / ".resource" / PHOTO).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    for sub in (".sync", ".lock", "locks", "temp"):
        (d / sub).mkdir()
    (d / ".sync" / "version.txt").write_text("3")
    return d


def aged(folder: Path) -> None:
    t = time.time() - 100
    for p in folder.rglob("*"):
        os.utime(p, (t, t))


# --------------------------------------------------------------------------- items


def test_an_item_is_its_title_and_its_block_after_the_last_blank_line():
    text = note(BOILER, "Boiler service", "Line one.\n\nkey: value written in the body", HOME)
    item = item_of(text, f"{BOILER}.md")
    assert (item.id, item.type, item.title, item.fields["parent_id"]) == (BOILER, 1, "Boiler service", HOME)
    values, start = metadata_block(text.split("\n"))
    assert text.split("\n")[start] == f"id: {BOILER}" and "key" not in values
    assert item_of(text, "Boiler service.md") is None  # not named as an item
    assert item_of(text, f"{LAUNCH}.md") is None  # its block names another id
    assert item_of("A note\n\nwith: fields\ntype_: 1\n", f"{BOILER}.md") is None  # no id


def test_a_folder_of_items_is_a_sync_folder_and_its_notebooks_and_tags_are_read(tmp_path):
    d = sync_folder(tmp_path / "notes" / "joplin")
    (tmp_path / "notes" / "Plain.md").write_text("# Plain\n\nA plain note.\n")
    rels = ["Plain.md"] + [f"joplin/{p.name}" for p in d.glob("*.md")]
    assert sync_folders(tmp_path / "notes", rels) == {"joplin"}
    folder = read_sync_folder(tmp_path / "notes", "joplin")
    assert folder.notebook(PROJECTS) == "Work/Projects"
    assert folder.place(folder.items[BOILER]).tags == ("home repairs",)
    assert folder.place(folder.items[CLASH]).notebook == "Conflicts"
    assert app_of(tmp_path / "notes", rels) == "a folder of markdown notes, with a Joplin sync folder in joplin/"
    assert app_of(d, [p.name for p in d.glob("*.md")]) == "a Joplin sync folder"
    # one file named like an item among notes is no sync folder
    (tmp_path / "notes" / f"{LAUNCH}.md").write_text(note(LAUNCH, "Launch plan", "Text.", ""))
    assert sync_folders(tmp_path / "notes", ["Plain.md", f"{LAUNCH}.md"]) == set()


def test_a_note_is_its_title_body_date_tags_and_notebook_without_its_block(tmp_path):
    d = sync_folder(tmp_path / "notes")
    rels = [p.name for p in d.glob("*.md")]
    vault = Vault(d, rels)
    parsed = parse_note((d / f"{BOILER}.md").read_text(), f"{BOILER}.md", vault)
    assert parsed.title == "Boiler service" and parsed.date == "2021-10-12"
    assert parsed.tags == ("home repairs",) and parsed.hierarchy == "Home"
    texts = [u.text for u in parsed.units]
    assert texts == ["The Vaillant boiler is serviced every October by Hendrik.",
                     "Reset code: press and hold the flame button for 5 seconds."]
    assert parsed.units[0].line == 3 and parsed.units[0].heading == ("Boiler service",)
    assert not any("type_" in t or BOILER in t for t in texts)
    launch = parse_note((d / f"{LAUNCH}.md").read_text(), f"{LAUNCH}.md", vault)
    assert launch.hierarchy == "Work/Projects" and launch.tags == ("urgent",)
    assert [u.text for u in launch.units][1:] == ["Slides: the deck"]  # the picture is an attachment: no text
    milk = parse_note((d / f"{MILK}.md").read_text(), f"{MILK}.md", vault)
    assert milk.title == "Buy oat milk" and [u.text for u in milk.units] == ["☐ Buy oat milk"]
    assert "to-do: open" in milk.properties
    done = parse_note(note(MILK, "Buy oat milk", "From the Co-op.", HOME, is_todo=1, todo_completed=1670000000000),
                      f"{MILK}.md")
    assert [u.text for u in done.units] == ["☑ Buy oat milk", "From the Co-op."] and "to-do: done" in done.properties
    receipt = parse_note((d / f"{RECEIPT}.md").read_text(), f"{RECEIPT}.md", vault)
    assert [u.text for u in receipt.units] == ["Attached: Scan 2023-04-01.jpg"]  # the file, by its name
    clash = parse_note((d / f"{CLASH}.md").read_text(), f"{CLASH}.md", vault)
    assert clash.title == "Boiler service (conflict)" and clash.hierarchy == "Conflicts"
    alone = parse_note((d / f"{BOILER}.md").read_text(), f"{BOILER}.md")  # without a vault: no notebook, no tags
    assert alone.title == "Boiler service" and alone.tags == () and [u.text for u in alone.units] == texts


# --------------------------------------------------------------------------- builds


def test_a_build_indexes_the_notes_only_and_says_what_else_it_found(tmp_path):
    notes, index = tmp_path / "notes", tmp_path / "index"
    sync_folder(notes / "joplin")
    (notes / "Plain.md").write_text("# Plain\n\nA plain note about gardening.\n")
    r = build_index(notes, index, embedder=EMB)
    idx = NotesIndex.open(index, embedder=EMB)
    assert sorted(e.title for e in idx.manifest.notes.values()) == [
        "Boiler service", "Boiler service (conflict)", "Buy oat milk", "Dishwasher receipt", "Launch plan", "Plain"]
    assert r.notes == 6 and r.skipped == 1
    secret = next(p for p in r.problems if p.path == f"joplin/{SECRET}.md")
    assert secret.action == "skipped" and "decrypt it in Joplin" in secret.reason
    said = [str(p) for p in r.problems if p.action == "not read"]
    assert said == ["not read 9 Joplin items in joplin/: not notes (3 notebooks, 2 attachments, 2 tags, "
                    "2 tag links): read for the notes' notebooks and tags"]
    assert idx.manifest.read_as == "a folder of markdown notes, with a Joplin sync folder in joplin/"
    hits = idx.search("when is the boiler serviced", k=3, paths=["Home"])
    assert hits and all(h.path.startswith("joplin/") for h in hits)
    assert {h.path for h in idx.search("boiler", k=5, paths=["Work"])} <= {f"joplin/{LAUNCH}.md"}
    assert [h.title for h in idx.search("pilot customers", k=1, tags=["urgent"])] == ["Launch plan"]
    assert not idx.search("vaillant boiler", k=5, before="2020-12-31")
    assert [h.title for h in idx.search("vaillant boiler", k=1, after="2021-01-01")] == ["Boiler service"]
    held = [c.text for c in idx._live.gen.chunks]  # (the review: a search's assertion could pass with no hit)
    assert not any(word in text for text in held for word in ("type_", "encryption_applied", "parent_id", "a1" * 16))
    status = read_status(notes, index)
    assert not changes_since_build(notes, idx.manifest, index) and not status.changes
    assert status.read_as == idx.manifest.read_as and status.skipped == 1


def test_a_refresh_after_a_tag_is_given_or_a_notebook_renamed_equals_a_build_from_nothing(tmp_path):
    notes, index = tmp_path / "notes", tmp_path / "index"
    d = sync_folder(notes)
    aged(notes)
    build_index(notes, index, embedder=EMB)
    (d / f"{'e3' * 16}.md").write_text(item("e3" * 16, 6, None, note_id=BOILER, tag_id=URGENT))
    (d / f"{HOME}.md").write_text(item(HOME, 2, "House", parent_id=""))
    idx = NotesIndex.open(index, embedder=EMB)
    (d / f"{SCAN}.md").write_text(item(SCAN, 4, "Dishwasher receipt.jpg", file_extension="jpg"))
    idx = NotesIndex.open(index, embedder=EMB)
    assert set(changes_since_build(notes, idx.manifest, index).changed) == {f"{BOILER}.md", f"{MILK}.md",
                                                                             f"{RECEIPT}.md"}
    r = build_index(notes, index, embedder=EMB)
    assert r.updated == 3 and r.unchanged == 2  # (the conflict copy is in Conflicts, wherever its note is)
    build_index(notes, tmp_path / "fresh", embedder=EMB)
    refreshed, fresh = (NotesIndex.open(i, embedder=EMB) for i in (index, tmp_path / "fresh"))
    for rel in refreshed.manifest.notes:
        assert ([(c.text, c.tags, c.hierarchy) for c in refreshed.note_chunks(rel)]
                == [(c.text, c.tags, c.hierarchy) for c in fresh.note_chunks(rel)])
    assert [h.title for h in refreshed.search("vaillant", k=1, tags=["urgent"], paths=["House"])] == ["Boiler service"]
    (d / f"{'e3' * 16}.md").unlink()  # the tag taken away again
    r = build_index(notes, index, embedder=EMB)
    urgent = NotesIndex.open(index, embedder=EMB).search("vaillant", k=5, tags=["urgent"])
    assert r.updated == 1 and [h.title for h in urgent] == ["Launch plan"]


def test_ask_shows_a_note_in_its_notebook_under_its_title(tmp_path):
    notes, index = tmp_path / "notes", tmp_path / "index"
    sync_folder(notes / "joplin")
    out = CliRunner().invoke(main, ["ask", "--notes", str(notes), "--index", str(index), "--model", "hash-256",
                                    "when is the Vaillant boiler serviced"])
    assert out.exit_code == 0, out.output
    assert "joplin/Home/Boiler service:3" in out.output
    assert BOILER not in out.output


def test_an_assistant_reads_a_note_without_its_block(tmp_path):
    notes = tmp_path / "notes"
    sync_folder(notes)
    build_index(notes, tmp_path / "index", embedder=EMB)
    out = NotesService(notes, tmp_path / "index", embedder=EMB).read_note(f"{BOILER}.md")
    assert out["title"] == "Boiler service" and out["whole"] and out["total_lines"] == 5
    assert out["text"].splitlines()[2] == "The Vaillant boiler is serviced every October by Hendrik."
    assert "type_" not in out["text"] and "parent_id" not in out["text"]


def test_the_chat_shows_a_note_without_its_block(tmp_path):
    from notesqa.ui.chat import ChatService

    notes = tmp_path / "notes"
    sync_folder(notes)
    build_index(notes, tmp_path / "index", embedder=EMB)
    out = ChatService(notes, tmp_path / "index", embedder=EMB).sources.render(f"{BOILER}.md:3")
    assert "serviced every October" in out and "parent_id" not in out and "type_" not in out


def test_the_chats_hit_says_the_notes_notebook_and_title_not_its_id(tmp_path):
    from notesqa.ui.chat import ChatService

    notes = tmp_path / "notes"
    sync_folder(notes / "joplin")
    build_index(notes, tmp_path / "index", embedder=EMB)
    chat = ChatService(notes, tmp_path / "index", embedder=EMB)
    hit = chat.index().search("when is the Vaillant boiler serviced", k=1)[0]
    assert (hit.folder, hit.title) == ("Home", "Boiler service")
    assert hit.breadcrumb[:2] == ["Home", "Boiler service"]
    page = chat.answer("when is the Vaillant boiler serviced", [])[0]
    assert "joplin/Home/Boiler service:3" in page and f"{BOILER}.md:3<" not in page


def test_a_folder_whose_first_item_is_a_large_encrypted_note_is_a_sync_folder(tmp_path):
    # (the review: the first item's id line is before a cipher longer than the tail read, so the folder had been
    # read as plain notes, its notebooks and tags among them)
    d = tmp_path / "notes"
    d.mkdir()
    first = "00" * 16
    (d / f"{first}.md").write_text(note(first, "", "", HOME, cipher="JED01" + "ab" * 20000, encryption_applied=1))
    (d / f"{HOME}.md").write_text(item(HOME, 2, "Home", parent_id=""))
    (d / f"{BOILER}.md").write_text(note(BOILER, "Boiler service", "Serviced every October.", HOME))
    assert sync_folders(d, [f"{first}.md", f"{HOME}.md", f"{BOILER}.md"]) == frozenset({""})


def test_two_notes_of_one_title_are_told_apart_by_their_notebooks(tmp_path):
    # (the review: the sync folder's place had been said twice, "joplin/joplin/Work/Meeting notes")
    d = tmp_path / "notes" / "joplin"
    d.mkdir(parents=True)
    one, two = "11" * 16, "22" * 16
    (d / f"{HOME}.md").write_text(item(HOME, 2, "Home", parent_id=""))
    (d / f"{WORK}.md").write_text(item(WORK, 2, "Work", parent_id=""))
    (d / f"{one}.md").write_text(note(one, "Meeting notes", "The plumber quoted 450 euros for the boiler.", HOME))
    (d / f"{two}.md").write_text(note(two, "Meeting notes", "The vendor quoted 900 euros for the audit.", WORK))
    out = CliRunner().invoke(main, ["ask", "--notes", str(tmp_path / "notes"), "--index", str(tmp_path / "index"),
                                    "--model", "hash-256", "how much was the boiler quote"])
    assert "joplin/Home/Meeting notes:3" in out.output and "joplin/joplin" not in out.output


def test_a_note_is_of_the_day_it_was_written_where_it_is_read(monkeypatch):
    # Joplin shows its UTC times in the reader's zone: an evening's note in New York is of that evening's day
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert local_day("2022-12-04T01:30:00.000Z") == "2022-12-03"
    finally:
        monkeypatch.undo()  # (the zone this process had)
        time.tzset()
    assert local_day("not a time") is None
