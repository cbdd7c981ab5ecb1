"""Names, embeds and cross-note text of a notes folder (vault.py), and how builds and hits use them."""

import os
import time

import pytest

from notesqa import build_index
from notesqa.embedding.hashing import HashEmbedder
from notesqa.markup import Inline
from notesqa.parsing import parse_note
from notesqa.search import NotesIndex
from notesqa.vault import Vault

from conftest import write

EMB = HashEmbedder(64)


def fresh():
    return HashEmbedder(256)


def _copies(index, path):
    return [c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks(path) if c.origin]


def _obsidian(tmp_path):
    notes = tmp_path / "vault"
    write(notes / "general" / "Hypervisor.md",
          "---\naliases: [VMM]\n---\n# Hypervisor\n\n>[!tldr] Hypervisor\n> Software that runs virtual machines "
          "on one host.\n\n## Kinds\n\n- Type 1 runs on bare metal ^kinds\n- Type 2 runs on a host OS\n")
    write(notes / "OMSCS" / "Week 3.md",
          "# Week 3 - Virtualization\n\nToday we met the hypervisor.\n\n![[Hypervisor]]\n\n![[Hypervisor#Kinds]]\n\n"
          "![[Hypervisor#^kinds]]\n\n![[diagram.png]]\n\n![[Never written]]\n")
    write(notes / "a" / "Index.md", "* notes of course a\n")
    write(notes / "b" / "Index.md", "* notes of course b\n")
    return notes


def test_names_resolve_as_obsidian_does(tmp_path):
    vault = Vault(tmp_path, ["general/Hypervisor.md", "a/Index.md", "b/Index.md", "Index.md"])
    assert vault.resolve("hypervisor") == "general/Hypervisor.md"
    assert vault.resolve("Index", "b/Other.md") == "b/Index.md"  # same folder first
    assert vault.resolve("Index", "c/Other.md") == "Index.md"  # else the shortest path
    assert vault.resolve("a/Index") == "a/Index.md" and vault.resolve("Nope") is None
    # Bear's link to a heading: the note before the "/", when no note has the whole name
    assert vault.resolve("Hypervisor/Kinds") == "general/Hypervisor.md" and vault.resolve("Nope/Kinds") is None
    ids = Vault(tmp_path, ["zettel/202103151022 Spacing effect.md"])
    assert ids.resolve("202103151022") == "zettel/202103151022 Spacing effect.md"  # a link by its zettel ID


def test_embeds_show_the_embedded_text_with_where_it_comes_from(tmp_path):
    notes = _obsidian(tmp_path)
    vault = Vault(notes, ["general/Hypervisor.md", "OMSCS/Week 3.md", "a/Index.md", "b/Index.md"])
    note = vault.parse("OMSCS/Week 3.md", (notes / "OMSCS" / "Week 3.md").read_text())
    copies = [u for u in note.units if u.origin]
    whole = [u.text for u in copies if u.parents[:1] == ("Hypervisor",)]
    assert whole[0] == "Software that runs virtual machines on one host."
    section = [u for u in copies if "Hypervisor > Kinds" in u.parents]
    assert [u.text for u in section] == ["Type 1 runs on bare metal", "Type 2 runs on a host OS"]
    block = copies[-1]
    assert block.text == "Type 1 runs on bare metal" and block.origin == ("general/Hypervisor.md", 11)
    assert block.line == 9  # where the embed is in the lecture; the origin says where the text is
    shown = " ".join(u.text for u in note.units)
    assert "![[" not in shown and "diagram.png" not in shown  # a picture drops out
    assert "Never written" in shown  # a note never written reads as its name ...
    assert any("Never written" in reason for reason in note.lost)  # ... and is reported
    assert vault.deps["OMSCS/Week 3.md"] == {"general/Hypervisor.md", "?never written"}


def test_the_source_note_keeps_its_hit_and_same_names_show_their_folder(tmp_path):
    notes = _obsidian(tmp_path)
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    idx = NotesIndex.open(index, embedder=fresh())
    hits = idx.search("type 1 bare metal hypervisor", k=5)
    paths = [(h.path, h.line) for h in hits]
    assert paths[0] == ("general/Hypervisor.md", 11)  # not the lecture's copy of it
    assert len(paths) == len(set(paths))
    a = idx.search("notes of course a", k=1)[0]
    assert a.breadcrumb[:2] == ["a", "Index"]  # two notes called Index: the folder tells them apart
    assert idx.search("software virtual machines", k=1)[0].breadcrumb[0] == "Hypervisor"


def test_a_note_is_read_again_when_a_note_it_embeds_changes(tmp_path):
    notes = _obsidian(tmp_path)
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    write(notes / "general" / "Hypervisor.md", "# Hypervisor\n\nA thin layer under guest kernels.\n")
    report = build_index(notes, index, embedder=fresh())
    assert report.updated == 2 and report.unchanged == 2  # the lecture is read again: what it shows changed
    idx = NotesIndex.open(index, embedder=fresh())
    lecture = [c for c in idx.note_chunks("OMSCS/Week 3.md") if c.origin]
    assert [c.text for c in lecture][0] == "A thin layer under guest kernels."


def test_an_embed_whose_note_is_written_later_is_read_again(tmp_path):
    notes = _obsidian(tmp_path)
    index = tmp_path / "index"
    build_index(notes, index, embedder=fresh())
    write(notes / "general" / "Never written.md", "# Never written\n\nNow it is: written at last.\n")
    build_index(notes, index, embedder=fresh())
    idx = NotesIndex.open(index, embedder=fresh())
    lecture = [c.text for c in idx.note_chunks("OMSCS/Week 3.md") if c.origin]
    assert "Now it is: written at last." in lecture
    entry = idx.manifest.notes["OMSCS/Week 3.md"]
    assert not any("Never written" in reason for reason in entry.lost)


def test_logseq_pages_resolve_by_title_and_alias(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    write(tmp_path / "pages" / "how-to-notes.md", "title:: How to Take Notes\nalias:: Note taking\n\n- a block\n")
    vault = Vault(tmp_path, ["pages/how-to-notes.md"])
    assert vault.resolve("How to take notes") == vault.resolve("note taking") == "pages/how-to-notes.md"
    # aliases:: as the page's own names read it too (logseq.py)
    write(tmp_path / "pages" / "Kubernetes.md", "aliases:: k8s, [[kube]]\n\n- a block\n")
    vault = Vault(tmp_path, ["pages/how-to-notes.md", "pages/Kubernetes.md"])
    assert vault.resolve("k8s") == vault.resolve("kube") == "pages/Kubernetes.md"


def test_filters_apply_to_the_note_a_hit_is_given_to(tmp_path):
    notes = _obsidian(tmp_path)
    write(notes / "OMSCS" / "Week 3.md", "---\ntags: [omscs]\n---\n" + (notes / "OMSCS" / "Week 3.md").read_text())
    build_index(notes, tmp_path / "index", embedder=fresh())
    idx = NotesIndex.open(tmp_path / "index", embedder=fresh())
    hits = idx.search("type 1 bare metal", k=3, tags=["omscs"])
    assert hits and all(h.path == "OMSCS/Week 3.md" for h in hits)  # the copy, not the untagged source
    assert hits[0].origin.startswith("general/Hypervisor.md:")  # ... saying where its text comes from
    assert idx.search("type 1 bare metal", k=1)[0].path == "general/Hypervisor.md"


def test_titles_as_obsidian_and_markdown_give_them(tmp_path):
    assert parse_note("# Statement\n\nText.\n", "general/Halting problem.md").title == "Halting problem"
    assert parse_note("# Bread\n\nText.\n", "bread.md").title == "Bread"  # a slug: its H1 names it
    assert parse_note("# A\n\nx\n\n# B\n\ny\n", "two-parts.md").title == "Two parts"  # H1s are sections
    assert parse_note("Intro.\n\n# Later\n", "late-h1.md").title == "Late h1"
    # a daily note is named by its day, its one H1 a heading of what the day says (trial s45: the breadcrumb of
    # "# PASSED QUALS!!!" had lost the day)
    daily = parse_note("# PASSED QUALS!!!\n\nWent to the pub with the lab.\n", "Daily/2024-02-27.md")
    assert daily.title == "2024-02-27" and list(daily.units[0].heading) == ["PASSED QUALS!!!"]
    assert parse_note("# PASSED QUALS!!!\n\nx\n", "Daily/2024_02_27.md").title == "2024-02-27"


def test_an_obsidian_note_is_named_by_its_file_and_its_title_property_names_it_too(tmp_path):
    # trial s45: a literature note "Harms 2008" had been shown under its paper's title, a name its owner never uses
    text = "---\ntitle: \"Influence of the hydrologic regime on resource availability\"\n---\n## Methods\n- Sampled\n"
    write(tmp_path / "Literature" / "Harms 2008.md", text)
    (tmp_path / ".obsidian").mkdir()
    vault = Vault(tmp_path, ["Literature/Harms 2008.md"])
    note = vault.parse("Literature/Harms 2008.md", text)
    assert note.title == "Harms 2008" and "Influence of the hydrologic regime on resource availability" in note.aliases
    # ... a blog's or a docs site's front matter title is its title
    assert parse_note(text, "_posts/2008-01-01-harms.md").title.startswith("Influence of the hydrologic regime")


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


def test_an_embed_of_a_note_with_a_dot_in_its_name(tmp_path):
    write(tmp_path / "v1.2 release.md", "Shipped the faster parser.\n")
    write(tmp_path / "Notes.md", "![[v1.2 release]]\n\n![[pic.png]]\n")
    vault = Vault(tmp_path, ["v1.2 release.md", "Notes.md"])
    note = vault.parse("Notes.md", (tmp_path / "Notes.md").read_text())
    assert [u.text for u in note.units] == ["Shipped the faster parser."] and not note.lost


def test_an_embed_on_its_own_line_inside_a_list_item_or_paragraph_shows_under_it(tmp_path):
    write(tmp_path / "SR.md", "# SR\n\nReview a card just before you would forget it. ^sr-rule\n")
    write(tmp_path / "Daily.md", "- Learned today, from my rule:\n  ![[SR#^sr-rule]]\n- Next\n\n"
                                 "A paragraph, then\n![[SR#^sr-rule]]\n\nInline ![[SR#^sr-rule]] stays a name.\n")
    vault = Vault(tmp_path, ["SR.md", "Daily.md"])
    note = vault.parse("Daily.md", (tmp_path / "Daily.md").read_text())
    shown = [(u.text, u.line, u.origin, u.parent) for u in note.units]
    assert shown[:3] == [("Learned today, from my rule:", 1, None, None),
                         ("Review a card just before you would forget it.", 2, ("SR.md", 3), 0), ("Next", 3, None, None)]
    assert shown[3][:2] == ("A paragraph, then", 5) and shown[4][:3] == (
        "Review a card just before you would forget it.", 6, ("SR.md", 3))
    assert shown[5][0] == "Inline SR stays a name."
    assert note.units[1].depth == note.units[0].depth + 1  # under the item, so its hit shows it
    build_index(tmp_path, tmp_path / ".index", embedder=fresh())
    # (not "learned today ...": "today" asks for today's passages first, as the notes' files are of today here)
    hit = NotesIndex.open(tmp_path / ".index", embedder=fresh()).search("learned from my rule", k=1)[0]
    assert hit.path == "Daily.md" and "Review a card just before you would forget it." in hit.text
    # after a blank line too (a later paragraph of the item); an item that is only an embed is that text
    write(tmp_path / "Log.md", "- From the book:\n\n  ![[SR#^sr-rule]]\n- ![[SR#^sr-rule]]\n")
    units = Vault(tmp_path, ["SR.md", "Log.md"]).parse("Log.md", (tmp_path / "Log.md").read_text()).units
    assert [(u.text[:12], u.depth) for u in units] == [("From the boo", 1), ("Review a car", 2), ("Review a car", 1)]


def test_an_embed_that_ends_a_blocks_words_shows_under_them_with_its_children(tmp_path):
    # trial s72 D: "flying weight is: {{embed ((uuid))}}" had read "flying weight is: Flying weight", the weights
    # under the embedded block lost
    graph = tmp_path / "graph"
    write(graph / "logseq" / "config.edn", "{}\n")
    write(graph / "pages" / "Juno.md", "- ## Weights\n\t- Flying weight\n\t  id:: 67530b44-91e2-4b7a-8c55-0f3d2e6a1b87\n"
                                      "\t\t- 1,010-1,030 g, best at 1,020 g\n")
    write(graph / "journals" / "2026_12_01.md",
          "- Weights\n\t- Juno a bit heavy - flying weight is: {{embed ((67530b44-91e2-4b7a-8c55-0f3d2e6a1b87))}}\n"
          "- see ((67530b44-91e2-4b7a-8c55-0f3d2e6a1b87)) too\n")
    vault = Vault(graph, ["pages/Juno.md", "journals/2026_12_01.md"])
    units = vault.parse("journals/2026_12_01.md", (graph / "journals" / "2026_12_01.md").read_text()).units
    shown = [(u.text, u.line, u.depth, u.origin is not None) for u in units]
    assert shown[1:4] == [("Juno a bit heavy - flying weight is:", 2, 2, False), ("Flying weight", 2, 3, True),
                          ("1,010-1,030 g, best at 1,020 g", 2, 4, True)]
    assert units[2].parent == 1 and units[3].parent == 2
    assert shown[4][0] == "see “Flying weight” too"  # a reference in a sentence: its text, as before
    # Obsidian's the same; a picture that ends a line is not shown under it (nothing to read)
    write(tmp_path / "WB.md", "# WB\n\n- cast porous, recast free ^cast\n")
    write(tmp_path / "Job.md", "- lost 3 days ![[WB#^cast]]\n- photo ![[ring.jpg]]\n")
    units = Vault(tmp_path, ["WB.md", "Job.md"]).parse("Job.md", (tmp_path / "Job.md").read_text()).units
    assert [(u.text, u.depth) for u in units] == [("lost 3 days", 1), ("cast porous, recast free", 2), ("photo", 1)]


def test_embeds_on_consecutive_lines_each_show_their_block(tmp_path):
    # markdown joins them into one paragraph: the first must not read as its note's name (trial U)
    write(tmp_path / "A multi.md", "# A\n\nWe use Temporal for payment workflows,\nself-hosted on EKS. ^decision\n")
    write(tmp_path / "C single.md", "# C\n\nKubernetes limits per pod. ^lim\n")
    write(tmp_path / "Hub2.md", "# Hub2\n\n## Embedded\n![[A multi#^decision]]\n![[C single#^lim]]\n\n"
                                "![[C single#^lim]]\n![[A multi#^decision]]\nthen my own words\n\n"
                                "- ![[A multi#^decision]]\n  ![[C single#^lim]]\n")
    vault = Vault(tmp_path, ["A multi.md", "C single.md", "Hub2.md"])
    note = vault.parse("Hub2.md", (tmp_path / "Hub2.md").read_text())
    shown = [(u.line, u.text[:12], u.origin, u.heading) for u in note.units]
    assert shown == [(4, "We use Tempo", ("A multi.md", 3), ("Hub2", "Embedded")),
                     (5, "Kubernetes l", ("C single.md", 3), ("Hub2", "Embedded")),
                     (7, "Kubernetes l", ("C single.md", 3), ("Hub2", "Embedded")),
                     (8, "We use Tempo", ("A multi.md", 3), ("Hub2", "Embedded")),
                     (9, "then my own ", None, ("Hub2", "Embedded")),
                     (11, "We use Tempo", ("A multi.md", 3), ("Hub2", "Embedded")),
                     (12, "Kubernetes l", ("C single.md", 3), ("Hub2", "Embedded"))]
    assert not note.lost


def test_logseq_with_windows_line_endings(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "S.md").write_bytes(b"- the source block\r\n  id:: 60af0000-0000-4000-8000-0000000000cc\r\n")
    (tmp_path / "pages" / "U.md").write_bytes(b"- see ((60af0000-0000-4000-8000-0000000000cc))\r\n")
    vault = Vault(tmp_path, ["pages/S.md", "pages/U.md"])
    note = vault.parse("pages/U.md", (tmp_path / "pages" / "U.md").read_text())
    assert note.units[0].text == "see “the source block”"


def _graph_page(tmp_path, pages: dict[str, str], read: str):
    """A Logseq graph of pages (path -> text) in tmp_path, and the note at read as its vault parses it."""
    for d in ("pages", "journals"):
        (tmp_path / d).mkdir(exist_ok=True)
    for rel, text in pages.items():
        (tmp_path / rel).write_text(text)
    return Vault(tmp_path, list(pages)).parse(read, pages[read])


def test_an_id_on_a_block_of_only_code_can_be_embedded(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "S.md").write_text(
        "- ```\n  make build\n  ```\n  id:: 60af0000-0000-4000-8000-0000000000dd\n")
    (tmp_path / "pages" / "U.md").write_text("- {{embed ((60af0000-0000-4000-8000-0000000000dd))}}\n")
    vault = Vault(tmp_path, ["pages/S.md", "pages/U.md"])
    note = vault.parse("pages/U.md", (tmp_path / "pages" / "U.md").read_text())
    assert [u.text for u in note.units] == ["make build"] and not note.lost


def test_an_embed_of_a_block_of_only_code_shows_the_blocks_under_it(tmp_path):
    pages = {"pages/S.md": "- ```sh\n  make deploy\n  ```\n  id:: 60af0000-0000-4000-8000-0000000000ee\n"
                           "\t- run it from the bastion host\n\t\t- as root\n- next block\n",
             "pages/U.md": "- {{embed ((60af0000-0000-4000-8000-0000000000ee))}}\n"}
    note = _graph_page(tmp_path, pages, "pages/U.md")
    assert [u.text for u in note.units] == ["make deploy", "run it from the bastion host", "as root"]


def test_an_embed_of_a_block_shows_the_table_it_holds(tmp_path):
    # trial s60 WB: "{{embed ((uuid))}}" of a block holding a table had shown its first line alone, none of the rows
    pages = {"pages/Runs.md": "- ## Results\n\t- main table\n\t  id:: 7f3b9a10-2c4e-4d8f-a1b6-55e0c9d2f3a4\n"
                              "\t  | run | OP |\n\t  |---|---|\n\t  | tr-1 | 38.1 |\n\t  | tr-2 | 49.3 |\n"
                              "\t- base model: 35.0\n",
             "pages/SPARC.md": "- ## Results\n\t- {{embed ((7f3b9a10-2c4e-4d8f-a1b6-55e0c9d2f3a4))}}\n"}
    note = _graph_page(tmp_path, pages, "pages/SPARC.md")
    assert [u.text for u in note.units] == ["main table", "run: tr-1 | OP: 38.1", "run: tr-2 | OP: 49.3"]


def test_an_embed_of_a_heading_block_shows_its_section(tmp_path):
    # trial s60 VB: "{{embed ((uuid))}}" of "- ### Clutch - Algarve, Nov 2025" had shown its title alone, none of the
    # blocks under it nor where it comes from
    pages = {"pages/Breakdowns.md": "- ## 2025\n\t- ### Clutch - Algarve, Nov 2025\n\t  id:: 6711c0de-1a2b-4c3d-8e9f-"
                                    "a0b1c2d3e4f5\n\t\t- clutch pedal went to the floor near Lagos\n\t\t- towed 11km"
                                    "\n\t- ### Flat tyre - Picos\n\t\t- nail in the rear tyre\n",
             "journals/2025_11_18.md": "- clutch done! €1,180\n- {{embed ((6711c0de-1a2b-4c3d-8e9f-a0b1c2d3e4f5))}}\n"}
    note = _graph_page(tmp_path, pages, "journals/2025_11_18.md")
    assert [(u.text, u.origin is not None) for u in note.units] == [
        ("clutch done! €1,180", False), ("clutch pedal went to the floor near Lagos", True), ("towed 11km", True)]


@pytest.mark.parametrize("block, shown", [
    # a block of code as code (its key:: and {{ lines had read as the referencing block's markup)
    ("- ```yaml\n  retries:: 3\n  url: {{ base }}/api\n  ```\nID", "`retries:: 3 url: {{ base }}/api`"),
    # the whole block, not its children (its NOTE had been left out)
    ("- Rule for deploys\n  #+BEGIN_NOTE\n  Never on Fridays after 3pm.\n  #+END_NOTE\nID",
     "Rule for deploys Never on Fridays after 3pm."),
    # ... not a child block of only code (the review)
    ("- Deploy rule\nID\t- ```sh\n\t  make deploy\n\t  ```\n", "Deploy rule"),
])
def test_a_reference_shows_the_block_it_names_as_logseq_shows_it(tmp_path, block, shown):
    pages = {"pages/S.md": block.replace("ID", "  id:: 6500a1b2-0000-4000-8000-0000000000aa\n") + "\t- a child block\n",
             "pages/U.md": "- As agreed: ((6500a1b2-0000-4000-8000-0000000000aa))\n"}
    note = _graph_page(tmp_path, pages, "pages/U.md")
    said = shown if shown.startswith("`") else f"“{shown}”"  # (set apart from the words beside it, code as code)
    assert [u.text for u in note.units] == [f"As agreed: {said}"]


def test_a_block_of_only_a_reference_is_a_copy_of_the_block_it_shows(tmp_path):
    # its hit is the referenced block's, as an embed's is (trial s41: the journal's copy had outranked its source)
    ref = "((65d80000-0000-4000-8000-000000000001))"
    pages = {"pages/Exp16.md": "- Electroporation mix: 1.5 ug/uL plasmid with Fast Green\n"
                               "  id:: 65d80000-0000-4000-8000-000000000001\n",
             "journals/2024_05_03.md": f"- {ref}\n\t- Used this mix again today\n- See {ref}\n"}
    note = _graph_page(tmp_path, pages, "journals/2024_05_03.md")
    assert [(u.text, u.origin) for u in note.units] == [
        ("Electroporation mix: 1.5 ug/uL plasmid with Fast Green", ("pages/Exp16.md", 1)),
        ("Used this mix again today", None),
        ("See “Electroporation mix: 1.5 ug/uL plasmid with Fast Green”", None)]  # (a sentence that refers: its own)


def test_a_heading_link_is_no_tag_and_a_capital_block_id_is_found(tmp_path):
    inline = Inline()
    assert inline.render("See [[#Setup steps]] and [[Note#A#B]]") == "See Setup steps and Note > A > B"
    assert inline.tags == []
    write(tmp_path / "N.md", "The definition. ^Def1\n")
    write(tmp_path / "U.md", "![[N#^Def1]]\n")
    vault = Vault(tmp_path, ["N.md", "U.md"])
    assert [u.text for u in vault.parse("U.md", (tmp_path / "U.md").read_text()).units] == ["The definition."]


def test_an_id_on_a_line_of_its_own_names_the_whole_table_list_or_callout_above_it(tmp_path):
    # Obsidian's form for a complex block: the id after it, a blank line before and after; the embed had read as
    # the note's name, said missing
    write(tmp_path / "Src.md", "# Src\n\nIntro.\n\n| fruit | price |\n|---|---|\n| apple | 3 pounds |\n| pear | 2 |\n\n"
                               "^prices\n\n- first item\n- second item\n\n^items\n\n"
                               "> [!note] Careful\n> hot plates\n\n^warn\n")
    write(tmp_path / "Use.md", "![[Src#^prices]]\n\n![[Src#^items]]\n\n![[Src#^warn]]\n")
    vault = Vault(tmp_path, ["Src.md", "Use.md"])
    note = vault.parse("Use.md", (tmp_path / "Use.md").read_text())
    assert [u.text for u in note.units] == ["fruit: apple | price: 3 pounds", "fruit: pear | price: 2",
                                            "first item", "second item", "hot plates"]
    assert not note.lost


def test_an_embedding_note_is_updated_only_when_what_it_shows_changed_and_a_missing_embed_is_named(tmp_path):
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "Intro of A.\n\n![[Missing]]\n")
    write(notes / "B.md", "B text.\n")
    build_index(notes, index, embedder=EMB)
    write(notes / "B.md", "B text, edited.\n")
    report = build_index(notes, index, embedder=EMB)
    assert (report.updated, report.unchanged) == (1, 1)
    reasons = [n.reasons for n in report.coverage.flagged if n.path == "A.md"][0]
    assert reasons == ("the embed ![[Missing]] at line 3 was not found",)  # once, with its line


def test_a_note_embedding_a_missing_note_is_read_again_only_once_that_note_is_there(tmp_path, monkeypatch):
    """Once a note of that name is there (added, renamed, a Logseq alias:: written, in a folder the vault's settings
    exclude), as the vault resolves names; not at every edit (a 1,000-note vault had read 15 such notes at each)."""
    import json

    import notesqa.indexing as indexing

    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "Intro of A.\n\n![[Missing]]\n\n![[Secret]]\n")
    write(notes / "B.md", "B text.\n")
    (notes / ".obsidian").mkdir()
    (notes / ".obsidian" / "app.json").write_text(json.dumps({"userIgnoreFilters": ["archive/"]}))
    past = time.time() - 100  # (not written just now: a note of a racy mtime is read again anyway)
    os.utime(notes / "A.md", (past, past))
    build_index(notes, index, embedder=EMB)
    reads = []
    real = indexing.read_note
    monkeypatch.setattr(indexing, "read_note", lambda path, rel: reads.append(rel) or real(path, rel))
    write(notes / "B.md", "B text: the missing page is still missing.\n")
    write(notes / "C.md", "A new note of another name.\n")
    build_index(notes, index, embedder=EMB)
    assert "A.md" not in reads
    write(notes / "Missing.md", "Here at last.\n")
    build_index(notes, index, embedder=EMB)
    assert "A.md" in reads
    reads.clear()
    write(notes / "archive" / "Secret.md", "Kept out of the index, shown where embedded.\n")
    build_index(notes, index, embedder=EMB)
    assert "A.md" in reads
    shown = [c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks("A.md")]
    assert "Here at last." in shown and "Kept out of the index, shown where embedded." in shown


def test_a_note_added_beside_a_namesake_is_what_a_link_names_after_a_refresh_too(tmp_path):
    """A root X.md added beside general/X.md is what ![[X]] names now (the shorter path); a Logseq page given
    alias:: Target beside the page Target: a refresh reads the embedding notes again as a build from nothing would
    read them (the fuzz test: they had kept the old note's text)."""
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "general" / "X.md", "# X\n\nthe general note\n")
    write(notes / "B.md", "# B\n\nintro\n\n![[X]]\n")
    past = time.time() - 100
    for p in notes.rglob("*.md"):
        os.utime(p, (past, past))
    build_index(notes, index, embedder=EMB)
    write(notes / "X.md", "# X\n\nthe root note\n")
    build_index(notes, index, embedder=EMB)
    build_index(notes, tmp_path / "fresh", embedder=EMB)
    refreshed, fresh = ([c.text for c in NotesIndex.open(i, embedder=EMB).note_chunks("B.md")]
                        for i in (index, tmp_path / "fresh"))
    assert refreshed == fresh and "the root note" in refreshed
    graph = tmp_path / "graph"
    write(graph / "logseq" / "config.edn", "{}\n")
    write(graph / "pages" / "Target.md", "- the target page's text\n")
    write(graph / "pages" / "User.md", "- {{embed [[Target]]}}\n")
    write(graph / "pages" / "Other.md", "- other page text\n")
    for p in graph.rglob("*.md"):
        os.utime(p, (past, past))
    build_index(graph, tmp_path / "gi", embedder=EMB)
    write(graph / "pages" / "Other.md", "alias:: Target\n\n- other page text\n")
    build_index(graph, tmp_path / "gi", embedder=EMB)
    build_index(graph, tmp_path / "gfresh", embedder=EMB)
    assert ([c.text for c in NotesIndex.open(tmp_path / "gi", embedder=EMB).note_chunks("pages/User.md")] ==
            [c.text for c in NotesIndex.open(tmp_path / "gfresh", embedder=EMB).note_chunks("pages/User.md")])


def test_an_embed_in_a_sentence_is_said_missing_once_its_note_is_renamed(tmp_path):
    """An embed read as its note's name ("- ![[A]] When") depends on that note too: renamed, the refresh says the
    embed is missing, as a build from nothing does (the fuzz test)."""
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "# Seg\n\nsegmentation text here\n")
    write(notes / "B.md", "# B\n\nsome text\n\n- ![[A]] When\n")
    past = time.time() - 100
    for p in notes.rglob("*.md"):
        os.utime(p, (past, past))
    build_index(notes, index, embedder=EMB)
    (notes / "A.md").rename(notes / "Renamed.md")
    build_index(notes, index, embedder=EMB)
    entry = NotesIndex.open(index, embedder=EMB).manifest.notes["B.md"]
    assert entry.lost == ("the embed ![[A]] at line 5 was not found",) and entry.deps == ("?a",)


def test_an_excluded_note_deleted_is_said_missing_where_it_was_embedded(tmp_path):
    """A note the vault's settings exclude has no state in the index: deleted, the notes showing it are read again
    all the same (the fuzz test)."""
    import json

    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "archive" / "Kept.md", "Kept out of the index, shown where embedded.\n")
    write(notes / "Hub.md", "# Hub\n\n![[Kept]]\n")
    (notes / ".obsidian").mkdir()
    (notes / ".obsidian" / "app.json").write_text(json.dumps({"userIgnoreFilters": ["archive/"]}))
    past = time.time() - 100
    for p in notes.rglob("*.md"):
        os.utime(p, (past, past))
    build_index(notes, index, embedder=EMB)
    (notes / "archive" / "Kept.md").unlink()
    build_index(notes, index, embedder=EMB)
    idx = NotesIndex.open(index, embedder=EMB)
    assert "Kept out of the index, shown where embedded." not in [c.text for c in idx.note_chunks("Hub.md")]
    assert idx.manifest.notes["Hub.md"].deps == ("?kept",)


def test_a_block_id_written_in_a_second_page_is_found_as_a_build_from_nothing_finds_it(tmp_path):
    """The same id:: in a page sorted before its holder (a block copied in a text editor): a refresh reads the
    referencing page again, as a build from nothing reads it (the fuzz test)."""
    uid = "6650a1b2-0000-4000-8000-000000000001"
    graph, index = tmp_path / "graph", tmp_path / "index"
    write(graph / "logseq" / "config.edn", "{}\n")
    write(graph / "pages" / "Holder.md", f"- the holder block\n  id:: {uid}\n")
    write(graph / "pages" / "User.md", f"- uses (({uid}))\n")
    write(graph / "pages" / "Another.md", "- another block\n")
    past = time.time() - 100
    for p in graph.rglob("*.md"):
        os.utime(p, (past, past))
    build_index(graph, index, embedder=EMB)
    assert f"(({uid}))" in NotesIndex.open(index, embedder=EMB).manifest.notes["pages/User.md"].deps
    write(graph / "pages" / "Another.md", f"- another block\n  id:: {uid}\n")
    build_index(graph, index, embedder=EMB)
    build_index(graph, tmp_path / "fresh", embedder=EMB)
    assert ([c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks("pages/User.md")] ==
            [c.text for c in NotesIndex.open(tmp_path / "fresh", embedder=EMB).note_chunks("pages/User.md")])


def test_a_logseq_page_embedding_a_missing_page_finds_it_by_a_new_alias(tmp_path):
    notes, index = tmp_path / "graph", tmp_path / "index"
    write(notes / "logseq" / "config.edn", "{}\n")
    write(notes / "pages" / "Plan.md", "- The plan\n  - {{embed [[Kettles]]}}\n")
    write(notes / "pages" / "Facts.md", "- Kettles boil at 100 degrees\n")
    build_index(notes, index, embedder=EMB)
    write(notes / "pages" / "Facts.md", "alias:: Kettles\n\n- Kettles boil at 100 degrees\n")
    build_index(notes, index, embedder=EMB)
    plan = [c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks("pages/Plan.md")]
    assert any("Kettles boil at 100 degrees" in t for t in plan), plan


def test_a_missing_block_reference_is_found_once_a_block_gets_its_id(tmp_path):
    from notesqa.search import NotesIndex

    notes, index = tmp_path / "graph", tmp_path / "index"
    uuid = "64a1f0c2-1111-4222-8333-944445555666"
    write(notes / "logseq" / "config.edn", "{}\n")
    write(notes / "pages" / "Plan.md", f"- The plan says (({uuid}))\n")
    write(notes / "pages" / "Facts.md", "- Kettles boil at 100 degrees\n")
    build_index(notes, index, embedder=EMB)
    write(notes / "pages" / "Facts.md", f"- Kettles boil at 100 degrees\n  id:: {uuid}\n")
    build_index(notes, index, embedder=EMB)
    plan = [c.text for c in NotesIndex.open(index, embedder=EMB).note_chunks("pages/Plan.md")]
    assert any("Kettles boil at 100 degrees" in t for t in plan), plan


def test_the_cli_says_where_embedded_text_comes_from(tmp_path):
    from click.testing import CliRunner

    from notesqa.cli import main

    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / "A.md", "Intro of A.\n\n![[B]]\n")
    write(notes / "B.md", "B text, edited.\n")
    build_index(notes, index, embedder=EMB)
    out = CliRunner().invoke(main, ["ask", "--index", str(index), "--notes", str(notes), "--model", "hash-64",
                                    "--path", "A.md", "B text edited"]).output
    assert "embedded from B.md:1" in out


def test_a_note_the_vaults_settings_exclude_is_not_indexed_but_shows_where_embedded(tmp_path):
    import json

    notes = tmp_path / "vault"
    write(notes / "Archive" / "Policy.md", "# Policy\n\nRefunds within 30 days of purchase. ^refund\n")
    write(notes / "FAQ.md", "# FAQ\n\nOur refund rule:\n\n![[Policy#^refund]]\n")
    (notes / ".obsidian").mkdir()
    (notes / ".obsidian" / "app.json").write_text(json.dumps({"userIgnoreFilters": ["Archive/"]}))
    report = build_index(notes, tmp_path / "index", embedder=fresh())
    assert report.skipped == 0 and [(p.path, p.action) for p in report.problems] == [("Archive/", "excluded")]
    assert report.coverage.flagged == ()  # the embed was found
    idx = NotesIndex.open(tmp_path / "index", embedder=fresh())
    assert {c.path for c in idx.chunks} == {"FAQ.md"}
    assert any(c.text == "Refunds within 30 days of purchase." and c.origin for c in idx.chunks)
    # an edit of the excluded note is a change of the note that shows it, for status and the next build
    import os
    import time

    from notesqa.status import changes_since_build
    from notesqa.store import read_manifest

    write(notes / "Archive" / "Policy.md", "# Policy\n\nRefunds within 60 days of purchase. ^refund\n")
    later = read_manifest(tmp_path / "index")[1].scanned_at_ns + 10**6  # edited a moment after the build
    os.utime(notes / "Archive" / "Policy.md", ns=(later, later))
    assert changes_since_build(notes, read_manifest(tmp_path / "index")[1], tmp_path / "index").changed == ("FAQ.md",)
    time.sleep(0.01)
    build_index(notes, tmp_path / "index", embedder=fresh())
    idx = NotesIndex.open(tmp_path / "index", embedder=fresh())
    assert any(c.text == "Refunds within 60 days of purchase." for c in idx.chunks)
    assert changes_since_build(notes, read_manifest(tmp_path / "index")[1], tmp_path / "index").changed == ()


def test_names_written_by_macos_match_the_names_people_type(tmp_path, embedder):
    # macOS writes "é" in a file name as "e" + a combining accent (NFD); people type one character (NFC)
    import unicodedata

    from notesqa.service import NotesService

    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    notes, index = tmp_path / "notes", tmp_path / "index"
    write(notes / nfd("Réunions") / nfd("Café.md"), nfd("---\ntags: [réunion]\n---\n# Café\n\n- Tasting: "
                                                          "Yirgacheffe tastes of bergamot. #dégustation\n"))
    write(notes / "Index.md", "# Index\n\n![[Café]]\n")
    build_index(notes, index, embedder=embedder)
    ix = NotesIndex.open(index, embedder=embedder)
    for question in ("tag:réunion bergamot", "tag:dégustation bergamot", "path:Réunions bergamot",
                     "path:Réunions/Café.md bergamot"):
        assert [h.path for h in ix.search(question, k=3)] == [nfd("Réunions/Café.md")], question
    assert ix.note_chunks("Index.md")[0].text.startswith("Tasting: Yirgacheffe")  # the embed found its note
    note = NotesService(notes, index, embedder=embedder).read_note("Réunions/Café.md")
    assert note["path"] == nfd("Réunions/Café.md") and note["title"] == "Café" and "# Café" in note["text"]


def test_an_embed_of_a_heading_or_block_its_note_lacks_is_reported(tmp_path):
    notes = _obsidian(tmp_path)
    write(notes / "Hub.md", "# Hub\n\nSee ![[Hypervisor#Nope]] and ![[Hypervisor#^gone]] and ![[Hypervisor#Kinds]].\n")
    vault = Vault(notes, ["general/Hypervisor.md", "Hub.md"])
    note = vault.parse("Hub.md", (notes / "Hub.md").read_text())
    assert note.lost == ('the embed ![[Hypervisor#Nope]] at line 3: its note has no heading "Nope"',
                         "the embed ![[Hypervisor#^gone]] at line 3: its note has no block ^gone")


def test_an_embed_of_a_heading_whose_section_is_only_a_picture_is_not_reported(tmp_path):
    # trial s66 O: "![[Careers Fair 2026#Floor plan]]" had been said to name no heading on every build, "## Floor plan"
    # holding only "![[fair-floorplan-2026.png]]" (no text: no passage under it)
    notes = tmp_path / "vault"
    write(notes / "Fair 2026.md", "# Fair 2026\n\n## Floor plan\n![[plan.png]]\n\n## Feedback\n- good\n\n"
                                  "```\n## Not a heading\n```\n")
    write(notes / "Fair 2027.md", "- reuse: ![[Fair 2026#Floor plan]]\n- and ![[Fair 2026#Not a heading]]\n\n"
                                  "![[Fair 2026#floor PLAN]]\n")
    vault = Vault(notes, ["Fair 2026.md", "Fair 2027.md"])
    note = vault.parse("Fair 2027.md", (notes / "Fair 2027.md").read_text())
    assert note.lost == ('the embed ![[Fair 2026#Not a heading]] at line 2: its note has no heading "Not a heading"',)
    assert [u.text for u in note.units] == ["reuse: Fair 2026 > Floor plan", "and Fair 2026 > Not a heading"]


def test_a_logseq_embed_of_a_heading_in_a_sentence_is_checked_by_its_link(tmp_path):
    # {{embed [[page#heading]]}}: the link between [[ ]] is what is looked up, not the macro's text
    graph = tmp_path / "graph"
    write(graph / "logseq" / "config.edn", "{}\n")
    write(graph / "pages" / "A.md", "- ## Kinds\n\t- type one\n")
    write(graph / "pages" / "B.md", "- see {{embed [[A#Kinds]]}} here, and {{embed [[A#Nope]]}}\n")
    vault = Vault(graph, ["pages/A.md", "pages/B.md"])
    note = vault.parse("pages/B.md", (graph / "pages" / "B.md").read_text())
    assert note.lost == ('the embed {{embed [[A#Nope]]}} at line 1: its note has no heading "Nope"',)


def test_a_hit_on_a_references_copy_of_a_block_of_several_lines_is_its_sources(tmp_path):
    # (the review: the copy's lines are joined on one, so it had not been paired with its source by text, and stayed a
    # second hit of the same words)
    notes = tmp_path / "notes"
    for d in ("pages", "journals", "logseq"):
        (notes / d).mkdir(parents=True)
    (notes / "pages" / "Exp16.md").write_text("- Electroporation mix: 1.5 ug/uL plasmid\n  with Fast Green dye added last\n"
                                              "  id:: 65d80000-0000-4000-8000-000000000002\n")
    (notes / "journals" / "2024_05_03.md").write_text("- ((65d80000-0000-4000-8000-000000000002))\n"
                                                       "- gardening: the tomatoes need staking\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(64))
    hits = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(64)).search("electroporation mix Fast Green", k=3)
    assert [h.path for h in hits if "Electroporation" in h.match] == ["pages/Exp16.md"]  # (the journal: its own line)


def test_an_embed_shows_the_headings_below_what_it_embeds_as_lines_over_their_sections(tmp_path):
    # trials s64 T, s65 A: an embedded checklist's "## 8 weeks before" had gone (its timings with it), and a plan's
    # "Table centres" items had read as under "Stock"
    page = "- How to run it\n- ## 8 weeks before\n\t- book the hall\n\t\t- w/ Brian\n- ## On the night\n\t- sign-in\n"
    note = _graph_page(tmp_path, {"pages/AGM checklist.md": page,
                                  "journals/2026_08_20.md": "- AGM prep:\n\t- {{embed [[AGM checklist]]}}\n"},
                       "journals/2026_08_20.md")
    got = [(u.text, u.depth, note.units[u.parent].text if u.parent is not None else None, u.thin)
           for u in note.units]
    assert got == [("AGM prep:", 1, None, False), ("How to run it", 2, "AGM prep:", False),
                   ("8 weeks before", 2, "AGM prep:", True), ("book the hall", 3, "8 weeks before", False),
                   ("w/ Brian", 4, "book the hall", False), ("On the night", 2, "AGM prep:", True),
                   ("sign-in", 3, "On the night", False)]
    assert note.units[3].parents == ("AGM prep:", "AGM checklist", "8 weeks before")


def test_an_embed_right_after_a_label_of_its_own_level_is_under_the_label(tmp_path):
    # trial s66 F: "- gate codes etc for new starters:" then "- {{embed [[Gate codes and wifi]]}}" had been the first
    # hit for "new starter gate codes", shown alone, the codes after it not under it
    page = "- pontoon gates: 4719#\n- wifi: MenaiBerthGuest\n"
    note = _graph_page(tmp_path, {"pages/Gate codes and wifi.md": page,
                                  "pages/Yard staff.md": "- Sion Parry - yard hand\n- gate codes etc for new starters:\n"
                                                         "- {{embed [[Gate codes and wifi]]}}\n- ## Pay\n\t- 4% rise\n"},
                       "pages/Yard staff.md")
    got = [(u.text, u.depth, note.units[u.parent].text if u.parent is not None else None) for u in note.units]
    assert got[:4] == [("Sion Parry - yard hand", 1, None), ("gate codes etc for new starters:", 1, None),
                       ("pontoon gates: 4719#", 2, "gate codes etc for new starters:"),
                       ("wifi: MenaiBerthGuest", 2, "gate codes etc for new starters:")]
    assert note.units[2].parents == ("gate codes etc for new starters:", "Gate codes and wifi")
    # ... not after a line that is no label, nor one with its own blocks under it
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    plain = _graph_page(tmp_path / "b", {"pages/Gate codes and wifi.md": page,
                                         "pages/Yard staff.md": "- Sion Parry - yard hand\n"
                                                                "- {{embed [[Gate codes and wifi]]}}\n"},
                        "pages/Yard staff.md")
    assert [u.parent for u in plain.units] == [None, None, None]
    own = _graph_page(tmp_path / "c", {"pages/Gate codes and wifi.md": page,
                                       "pages/Yard staff.md": "- codes:\n\t- bike shed 1234\n"
                                                              "- {{embed [[Gate codes and wifi]]}}\n"},
                      "pages/Yard staff.md")
    assert [u.parent for u in own.units] == [None, 0, None, None]


def test_an_embed_of_a_markdown_note_shows_its_headings_not_its_title_nor_a_blocks_headings(tmp_path):
    notes = _obsidian(tmp_path)
    vault = Vault(notes, ["general/Hypervisor.md", "OMSCS/Week 3.md", "a/Index.md", "b/Index.md"])
    note = vault.parse("OMSCS/Week 3.md", (notes / "OMSCS" / "Week 3.md").read_text())
    shown = {line: [(u.text, u.depth, u.thin) for u in note.units if u.origin and u.line == line] for line in (5, 7, 9)}
    # the whole note: the title's H1 is the embed's label, no line; "## Kinds" a line, its list a level under it
    assert shown[5] == [("Software that runs virtual machines on one host.", 0, False), ("Kinds", 0, True),
                        ("Type 1 runs on bare metal", 1, False), ("Type 2 runs on a host OS", 1, False)]
    # the section "Kinds" (its label says it) and the block ^kinds under it: no heading line
    assert shown[7] == [("Type 1 runs on bare metal", 0, False), ("Type 2 runs on a host OS", 0, False)]
    assert shown[9] == [("Type 1 runs on bare metal", 0, False)]


def test_a_whole_notes_embed_keeps_every_headings_section_when_it_opens_under_a_heading(tmp_path):
    # the shared Obsidian vault's "Context content conclusion (CCC)": "# Advantages", "# Disadvantages" after an opening
    # under a first H1 had lost their headings in the copy (read as a block's embed, under its first unit's heading)
    notes = tmp_path / "vault"
    write(notes / "CCC.md", "# Model\n\nA model to structure writing.\n\n# Disadvantages\n\nAssumes a patient reader.\n")
    write(notes / "Week 1.md", "# Week 1\n\n![[CCC]]\n")
    vault = Vault(notes, ["CCC.md", "Week 1.md"])
    note = vault.parse("Week 1.md", (notes / "Week 1.md").read_text())
    copied = [(u.text, u.parents) for u in note.units if u.origin]
    assert copied == [("Model", ("CCC",)), ("A model to structure writing.", ("CCC", "Model")),
                      ("Disadvantages", ("CCC",)), ("Assumes a patient reader.", ("CCC", "Disadvantages"))]
