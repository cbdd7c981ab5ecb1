"""The source view (notesqa.ui.sources): notes shown at a passage, found again after edits, and
nothing but indexed notes inside the notes folder."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from conftest import embeds_graph, link_out, no_active_html, write
from notesqa import NotesQAError
from notesqa.ui.chat import ChatService
from notesqa.ui.render import source_href
from notesqa.ui.sources import readable_source, split_target


def linked(src: str, text: str) -> str:
    """The target a source link carries to the view: "path:line@digest"."""
    return urllib.parse.unquote(source_href(src, text)[len("#nq-src="):])


def test_split_target():
    assert split_target("a/b.md:12") == ("a/b.md", 12, None)
    assert split_target(" a:b.md:3@0123456789ab ") == ("a:b.md", 3, "0123456789ab")
    assert split_target("note@home.md:4") == ("note@home.md", 4, None)
    for bad in ("", "a.md", "a.md:x", "a.md:1234567890", ":3"):
        with pytest.raises(NotesQAError, match="Pick a source"):
            split_target(bad)


def test_render_source_highlights_the_bullet(service):
    out = service.sources.render("aws-2024.md:13")
    assert re.search(r'<li class="nq-target" id="nq-target">Shuffle sharding to map customers to cells', out)
    assert out.count("nq-target") == 2  # the class and the id, on one element
    assert "title: AWS re:Invent 2024" not in out  # front matter is not shown
    assert "AWS re:Invent 2024" in out.split('<div class="nq-note"')[0]


def test_a_very_long_note_is_shown_around_the_passage(service, built, monkeypatch):
    from notesqa.ui import sources

    monkeypatch.setattr(sources, "LONG_NOTE_CHARS", 2_000)
    notes = built[0]
    lines = [f"* entry {i} of the log" for i in range(3000)]
    lines[2500] = "* the OutOfMemoryError of the reconciliation job"
    (notes / "log.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    service.refresh()
    out = service.sources.render("log.md:2501")
    assert "Lines 2,481-3,000 of 3,000" in out and "<li>entry 10 of" not in out  # kilobytes, not the whole note
    assert re.search(r'<li class="nq-target" id="nq-target">the OutOfMemoryError', out)


def test_a_source_link_finds_its_passage_after_the_note_is_edited(service, built):
    notes = built[0]
    _, turn = service.answer("shuffle sharding customers cells", [])
    hit = next(h for h in turn.hits if h.match == "Shuffle sharding to map customers to cells")
    target = linked(hit.source, hit.match)
    assert target.startswith(f"{hit.source}@")
    marked = r'<li class="nq-target" id="nq-target">Shuffle sharding to map customers to cells'
    assert re.search(marked, service.sources.render(target))
    note = notes / hit.path
    original = note.read_text(encoding="utf-8")
    # three lines added above it, index not rebuilt yet: found in the file
    note.write_text(original.replace("# Keynotes", "# Keynotes\n\nA new paragraph.\n\nAnd another one.", 1),
                    encoding="utf-8")
    out = service.sources.render(target)
    assert re.search(marked, out) and f"line {hit.line + 4}" in out and "changed since" not in out
    # ... and after the rebuild: found in the index
    service.build()
    out = service.sources.render(target)
    assert re.search(marked, out) and f"line {hit.line + 4}" in out
    # the passage is gone: the note is shown, and says it changed
    note.write_text(original.replace("* Shuffle sharding to map customers to cells\n", ""), encoding="utf-8")
    service.build()
    out = service.sources.render(target)
    assert "changed since this answer" in out and "Shuffle sharding" not in out
    # a plain "path:line" (links inside notes, older pages) still works
    assert "nq-note-head" in service.sources.render(hit.source)


def test_source_links_to_any_kind_of_passage_survive_edits(tmp_path, embedder):
    notes = tmp_path / "n"
    write(notes / "mixed.md", """
        # Mixed

        - **Kleppmann** explains _leader election_ in chapter nine
        - [Jepsen](https://jepsen.io) reports show lost writes under partitions
        - Set the log level to debug in staging
        - Set the log level to warn in production

        | Flour | Protein |
        |---|---|
        | Bread flour | 12.7% |

        To see bloat run this query:

        ```sql
        select * from pg_stat_user_tables;
        ```
        """)
    service = ChatService(notes, tmp_path / "ix", embedder=embedder)
    service.build()
    chunks = service.index().note_chunks("mixed.md")
    targets = {c.text.split("\n")[0][:20]: (f"mixed.md:{c.line}", c.text) for c in chunks}
    for key, (src, text) in targets.items():
        out = service.sources.render(linked(src, text))
        assert "changed since" not in out, key  # emphasis, links, tables and code are found as they are
        assert f"line {src.split(':')[1]}" in out and "nq-target" in out
    # two lines above everything, not indexed yet: each passage is found at its new line, the right twin too
    note = notes / "mixed.md"
    note.write_text(note.read_text().replace("# Mixed\n", "# Mixed\n\nNew line one.\n\nNew line two.\n"))
    for key, (src, text) in targets.items():
        out = service.sources.render(linked(src, text))
        assert "changed since" not in out and f"line {int(src.split(':')[1]) + 4}" in out, key
    src, text = next((f"mixed.md:{c.line}", c.text) for c in chunks if c.text.endswith("production"))
    out = service.sources.render(linked(src, text))
    assert re.search(r'class="nq-target"[^>]*>Set the log level to warn', out)
    # the passage reworded: said, and nothing highlighted
    note.write_text(note.read_text().replace("warn in production", "error in production"))
    out = service.sources.render(linked(src, text))
    assert "changed since this answer" in out and "nq-target" not in out


@pytest.mark.parametrize("target", [
    "../../etc/passwd:1", "/etc/passwd:1", "cooking/../../x.md:1", "..\\..\\x.md:1", "C:/Windows/win.ini:1",
    "not-indexed.md:1", ".obsidian/workspace.md:1", "aws-2024.md", "aws-2024.md:abc", "", "a\x00b.md:1",
])
def test_render_source_refuses_anything_but_indexed_notes(service, target):
    with pytest.raises(NotesQAError):
        service.sources.render(target)
    out = service.sources.show(target)
    assert "nq-error" in out and "root:" not in out


def test_render_source_refuses_a_note_that_resolves_outside_the_folder(tmp_path, built, embedder):
    notes, index, _ = built
    swap = link_out(notes, tmp_path)
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    with pytest.raises(NotesQAError, match="not a note in the index"):  # the build skipped it
        svc.sources.render("link.md:1")
    swap("cooking/2024-02-01-bread.md")  # an indexed note swapped for such a link
    with pytest.raises(NotesQAError, match="outside the notes folder"):
        svc.sources.render("cooking/2024-02-01-bread.md:1")


def test_hostile_note_renders_inert(hostile):
    out = hostile.sources.render("inbox/clip.md:8")
    no_active_html(out)
    assert "__pwned = 1" not in out and "&lt;script" not in out  # a script is no text, as a browser shows none
    assert "[click](javascript:window.__pwned=3)" in out  # the javascript: link stays text
    assert "[image: tracker]" in out and "pixel.png" not in out  # nothing remote is loaded
    assert '<a href="https://example.com/" target="_blank" rel="noopener noreferrer nofollow">web</a>' in out
    assert '<li class="nq-target" id="nq-target">Zebra one' in out


def test_context_shows_parent_and_siblings(service):
    ctx = service.sources.context("aws-2024.md:13", "sharding")
    assert "Organize into cells" in ctx and "Partitioning strategy" in ctx
    assert '<span class="nq-ctx-hit">• Shuffle <mark>sharding</mark>' in ctx
    with pytest.raises(NotesQAError):
        service.sources.context("../x.md:1")


def test_source_view_shows_what_an_embed_shows_on_its_line(built, embedder):
    # a hit may quote embedded text; the note it opens must show that text where the embed is
    notes, index, _ = built
    write(notes / "vault/Garden Plan.md", "# Garden Plan\n\n- Carrot fly: cover with fine mesh ^carrotfly\n"
          "- Slugs: copper tape\n- Seed list: `[login](https://phish.example)` and \\*not em\\* ^seeds\n")
    write(notes / "vault/2024-05-02.md", "# Diary\n\nChecked the beds.\n![[Garden Plan#^carrotfly]]\n"
          "Then lunch.\n![[nowhere]]\n")
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    out = svc.sources.render("vault/2024-05-02.md:4")
    # on the embed's own line: the lines after it keep their places (each shown on its own, as Obsidian does)
    assert ('<p class="nq-target" id="nq-target">Checked the beds.<br />\n<a href="#nq-src=vault/Garden%20Plan.md:1">'
            'Garden Plan</a>: Carrot fly: cover with fine mesh<br />\nThen lunch.<br />\nnowhere</p>') in out
    assert "Slugs" not in out and "^carrotfly" not in out  # the block embedded, not its note
    # the embedded text is shown as text: markdown that was inert in its note stays inert
    write(notes / "vault/2024-05-03.md", "# Diary\n\n![[Garden Plan#^seeds]]\n")
    svc.build()
    out = svc.sources.render("vault/2024-05-03.md:3")
    assert "phish.example</a>" not in out and "<em>" not in out and "[login](https://phish.example)" in out


def test_source_view_of_a_logseq_page_shows_its_embeds(tmp_path, embedder):
    # {{embed ...}} is a Logseq macro, not Jekyll's {{ ... }}: kept, and shown with the text it embeds
    graph = embeds_graph(tmp_path)
    svc = ChatService(graph, tmp_path / "ix", embedder=embedder)
    svc.build()
    out = svc.sources.render("pages/Rules.md:1")
    assert '<li class="nq-target" id="nq-target">Freeze deploys on Fridays after 2pm' in out
    assert "<li>Chain: clean and lube every 300 km</li>" in out
    # (the page's heading block over its blocks, as the app shows it: this session's embed rule)
    assert re.search(r">Bicycle</a>: Maintenance · Chain: clean and lube every 300 km · Tyre pressure 80 psi front</li>",
                     out)


def test_source_view_opens_wikilinks_and_shows_a_callout_title(built, embedder):
    notes, index, _ = built
    write(notes / "vault/Graph.md", "# Graph\n\n* vertices joined by edges\n")
    write(notes / "vault/Directed graph.md", ">[!tldr] Directed graph\n> Edges have a direction, unlike a "
          "[[Graph|graph]]; see [[Missing note]].\n")
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    out = svc.sources.render("vault/Directed graph.md:2")
    assert f'href="{source_href("vault/Graph.md:1")}">graph</a>' in out  # opens that note in the viewer
    assert "Missing note" in out and "[[" not in out
    assert "<strong>Directed graph</strong><br />" in out and "[!tldr]" not in out  # the title over its body


def test_readable_source_for_the_source_view_keeps_every_line():

    obsidian = ">[!tldr] Directed graph\n> A pair (V, E).\n"
    # its lines a line each, as Obsidian shows them (a hard break), where markdown would join them
    assert readable_source(obsidian) == ">**Directed graph**  \n> A pair (V, E).\n"
    assert readable_source("> [!note]\n> one\n> two\n\n> a quote\n> joined\n") == (
        "> **Note**  \n> one  \n> two\n\n> a quote\n> joined\n")
    # a note indexed as markdown (an Obsidian note written like an outline): its fields as Dataview shows
    # them, none hidden as a Logseq page's would be
    outline_like = "status:: active\n- item one\n  id:: 650f-11\n"
    assert readable_source(outline_like) == "status: active\n- item one\n  id: 650f-11\n"
    # a list nested by tabs in a callout keeps its levels, as the index reads it; code is left alone
    nested = ">[!tldr] T\n>1. x\n>\t1. y\n```\n>\t1. z\n```\n"
    assert readable_source(nested) == ">**T**\n>1. x\n>     1. y\n```\n>\t1. z\n```\n"
    page = "type:: [[Feature]]\n\n- #+BEGIN_NOTE\n  In beta.\n  #+END_NOTE\n- text\n  id:: 60af0000-0000-4000-8000-000000000001\n"
    out = readable_source(page, logseq=True)
    assert out.count("\n") == page.count("\n")  # a line still points at its passage
    assert "::" not in out and "#+" not in out and "- > **Note**  \n  > In beta." in out


def test_source_view_of_a_logseq_page_with_a_bare_heading_and_macros():

    page = "## Background\n\t- a block under it\n- {{embed [[Basic settings]] }}\n- {{video https://x}} watch\n"
    out = readable_source(page, logseq=True)
    assert out.split("\n")[:4] == ["- ## Background", "\t- a block under it", "- ![[Basic settings]]",
                                   "- https://x watch"]


def test_source_view_shows_block_properties_as_the_app_does_and_leaves_a_blocks_code_alone():
    page = ("- These commands:\n\t- type:: [[Command]]\n\t  name:: Embed video\n\t  id:: 645d0145-0000\n"
            "\t- ```\n\t  - {{video https://x}}\n\t  key:: value\n\t  ```\n")
    assert readable_source(page, logseq=True).split("\n") == [
        "- These commands:", "\t- **type:** [[Command]]  ", "\t  **name:** Embed video  ", "",
        "\t- ```", "\t  - {{video https://x}}", "\t  key:: value", "\t  ```", ""]


def test_source_view_hides_what_the_app_hides_of_a_pdf_highlight_not_the_pages_own_properties():
    # trial s37: every highlight of a PDF page showed ls-type, hl-page, hl-color and hl-stamp
    page = ("title:: Vaswani 2017\ntags:: paper\n\n- Attention is all you need\n  ls-type:: annotation\n"
            "  hl-page:: 4\n  hl-color:: yellow\n  hl-stamp:: 1700000456789\n  rating:: 5\n- [:span]\n  hl-type:: area\n"
            "  tags:: diagram\n")
    assert readable_source(page, logseq=True).split("\n") == [
        "**title:** Vaswani 2017  ", "**tags:** paper  ", "", "- Attention is all you need", "", "", "", "",
        "  **rating:** 5  ", "- *(area highlight)*", "", "  **tags:** diagram  ", ""]  # a block's tags shown, as the app


def test_the_source_view_leaves_code_alone():
    page = "- config\n  ```yaml\n  retries:: 3\n  #+BEGIN_QUOTE\n  ```\n- after\n  collapsed:: true\n"
    out = readable_source(page, logseq=True)
    assert "retries:: 3" in out and "#+BEGIN_QUOTE" in out and "collapsed" not in out


def test_an_edited_logseq_page_finds_its_passages_again_as_the_build_read_them(tmp_path, embedder):
    # found again by the text a hit showed: a block reference resolved, and a long block's later run of
    # sentences, both need the page chunked again as the build chunks it (the vault, the model's window)
    notes = tmp_path / "graph"
    (notes / "journals").mkdir(parents=True)
    write(notes / "pages" / "Source.md", "- The cache is flushed every night\n  id:: 6500aaaa-0000-4000-8000-000000000001\n")
    long = " ".join(f"Sentence {i} says the queue drains in order number {i}." for i in range(60))
    write(notes / "pages" / "Ops.md", "- As noted, ((6500aaaa-0000-4000-8000-000000000001)) before backups\n"
          f"- {long}\n")
    service = ChatService(notes, tmp_path / "ix", embedder=embedder)
    service.build()
    chunks = service.index().note_chunks("pages/Ops.md")
    ref = next(c for c in chunks if "flushed" in c.text)
    later = [c for c in chunks if c.group is not None and c.seq != c.group]
    assert "((" not in ref.text and later  # the reference resolved, the block cut into runs
    page = notes / "pages" / "Ops.md"
    page.write_text("- A new first block\n- And a second\n" + page.read_text(), encoding="utf-8")
    for c in (ref, later[-1]):
        out = service.sources.render(linked(f"pages/Ops.md:{c.line}", c.text))
        assert "changed since" not in out and f"line {c.line + 2}" in out


def test_the_source_view_shows_a_logseq_task_as_the_app_does():
    page = ("- TODO Plant the garlic\n\tSCHEDULED: <2026-11-20 Fri>\n\t:LOGBOOK:\n\tCLOCK: [2026-11-07 Sat 10:02]\n"
            "\t:END:\n- Open tasks\n\t- {{query (task TODO)}}\n- > a quote\n  > goes on\n")
    out = readable_source(page, logseq=True).split("\n")
    assert out[:5] == ["- TODO Plant the garlic  ", "\tSCHEDULED: <2026-11-20 Fri>", "", "", ""]  # a line each
    assert out[6] == "\t- *query:* `(task TODO)`"
    assert out[7:9] == ["- > a quote", "  > goes on"]
    # a drawer not closed in its block hides nothing of the next blocks
    out = readable_source("- A\n\t:LOGBOOK:\n- B shown\n- C\n\t:END:\n", logseq=True).split("\n")
    assert out[:3] == ["- A  ", "\t:LOGBOOK:", "- B shown"]


def test_the_source_view_shows_an_obsidian_note_as_its_reading_view_does():
    note = "- [ ] Renew passport\n- [x] Pay tax ^tax1\n\nA ==key== point. ^p1\nEnergy (1-5):: 2\n\n```\nx == y ^z\n```\n"
    assert readable_source(note).split("\n") == ["- \u2610 Renew passport", "- \u2611 Pay tax", "", "A key point.",
                                                 "Energy (1-5): 2", "", "```", "x == y ^z", "```", ""]


def test_a_note_moved_since_the_build_says_to_ask_again_not_that_it_disappeared(service, built):
    (built[0] / "aws-2024.md").rename(built[0] / "aws-2024-renamed.md")
    with pytest.raises(NotesQAError) as err:
        service.sources.render("aws-2024.md:13")
    assert "moved, renamed or deleted since the index was built: ask again" in str(err.value)


def test_an_interview_reads_a_turn_a_line_in_the_note_view():
    from notesqa.ui.sources import readable_source

    text = "Q: What was the foreman like?\nMARIA: Monsieur Lefebvre. He fined\nthe girls for singing.\nQ: And?\nMARIA: No.\n"
    assert readable_source(text).split("\n") == [
        "Q: What was the foreman like?  ", "MARIA: Monsieur Lefebvre. He fined", "the girls for singing.  ",
        "Q: And?  ", "MARIA: No.", ""]  # a break before each turn, none inside one
    prose = "A wrapped sentence says this: one thing\nand goes on here.\n"
    assert readable_source(prose) == prose


def test_a_card_of_a_deck_is_marked_alone_in_the_note_view(service, built):
    deck = "# Micro\n\nRice water stools::Vibrio cholerae\nSlapped cheek::Parvovirus B19\nKoplik spots::Measles\n"
    (built[0] / "micro.md").write_text(deck, encoding="utf-8")
    service.refresh()
    _, turn = service.answer("slapped cheek parvovirus", [])
    hit = next(h for h in turn.hits if h.path == "micro.md")
    out = service.sources.render(linked(hit.source, hit.match))
    assert re.search(r'<span class="nq-target" id="nq-target">Slapped cheek::Parvovirus B19</span>', out)
    assert "<p class=\"nq-target\"" not in out  # not the whole deck


def test_the_source_view_shows_html_in_a_note_as_a_browser_would_not_as_tags():
    text = ('Castle day.<br>We walked.<br/>\n\n<img src="../_resources/f07683ac.png" alt="castle"/>\n\n'
            "Use <kbd>Ctrl</kbd> and <pod-name>.\n\n```\n<br> in code\n```\n")
    shown = readable_source(text)
    assert shown.count("\n") == text.count("\n")  # line for line
    assert "<br>" not in shown.split("```")[0] and "\\[image: castle\\]" in shown and "<pod-name>" in shown
    assert "<br> in code" in shown  # code as written


def test_source_view_shows_a_paragraphs_lines_as_the_app_does(tmp_path, embedder):
    # trial B: "**Role:** VP Sales" and "**Team:** Sales" ran into one line; Obsidian shows two (unless its
    # "Strict line breaks" is on); a plain markdown folder follows markdown
    notes = tmp_path / "vault"
    write(notes / "People/Tom.md", "# Tom\n\n**Role:** VP Sales\n**Team:** Sales\n")
    svc = ChatService(notes, tmp_path / "ix", embedder=embedder)
    svc.build()
    assert "<strong>Role:</strong> VP Sales\n<strong>Team:</strong>" in svc.sources.render("People/Tom.md:3")
    (notes / ".obsidian").mkdir()
    assert "<strong>Role:</strong> VP Sales<br />" in svc.sources.render("People/Tom.md:3")
    write(notes / ".obsidian" / "app.json", '{"strictLineBreaks": true}')
    assert "<br />" not in svc.sources.render("People/Tom.md:3")


def test_the_note_view_reads_furigana_and_a_card_notes_clozes_as_the_hits_do(service, built):
    # the review: the note view's tags had been taken out before furigana was read ("食 た べる")
    (built[0] / "vocab.md").write_text("# Vocab\n\n- <ruby>食<rt>た</rt></ruby>べる – to eat\n", encoding="utf-8")
    (built[0] / "caps.md").write_text("---\ntags: [flashcards]\n---\n# Caps\n\nThe capital of Peru is {{Lima}}.\n",
                                      encoding="utf-8")
    service.refresh()
    assert "食べる（たべる） – to eat" in service.sources.render("vocab.md:3")
    assert "The capital of Peru is Lima." in service.sources.render("caps.md:6")


def test_a_source_link_names_the_line_that_matched():
    # the review: the link named the parent's line, and the note view marked the copy of the match nearest it
    from notesqa.hits import Hit
    from notesqa.ui.render import hit_html

    hit = Hit("Agenda\n- Sofi proposed a survival model", "sync.md", 5, (), 0.5, match="Sofi proposed a survival model",
              match_line=9)
    assert urllib.parse.quote("sync.md:9@", safe="/:@") in hit_html(1, hit, "survival")
