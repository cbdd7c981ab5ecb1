"""Logseq pages read as outlines (logseq.py)."""

from notesqa.chunking import chunk_note
from notesqa.logseq import journal_title, looks_like_outline, page_name, property_date, property_list, split_blocks
from notesqa.parsing import parse_note
from notesqa.vault import Vault

PAGE = """title:: Query guide
alias:: Queries, Simple queries
tags:: [[docs]], howto
description:: How to ask your graph questions

- ## Setup
	- Enable queries in settings
	  collapsed:: true
		- Restart the app after enabling
	- Second step with a reference
- ## Operators
  id:: 60af0000-0000-4000-8000-000000000001
	- **and** combines filters
	  #+BEGIN_NOTE
	  Only on desktop.
	  Needs a restart.
	  #+END_NOTE
	  #+BEGIN_SRC clojure
	  (and [[a]] [[b]])
	  #+END_SRC
- A top block with {{video https://example.com/v}} a macro and a tag #later
"""


def test_page_properties_are_metadata_not_text():
    note = parse_note(PAGE, "pages/Query guide.md", Vault(".", [], logseq=True))
    assert note.title == "Query guide"
    assert note.aliases == ("Queries", "Simple queries")
    assert {"docs", "howto", "later"} <= set(note.tags)
    shown = [u.text for u in note.units]
    assert not any("::" in t for t in shown)
    assert shown[0] == "How to ask your graph questions"  # a description is the page's prose


def test_a_page_property_typed_with_one_colon_is_read_as_one_and_said():
    # trial s51: "service: [[services/auth]" among a page's properties had made them a block's: its tags:: were lost,
    # nothing said
    text = "type:: runbook\nservice: [[services/auth]]\ntags:: runbook, oncall\nowner::\n\n- rotate the keys\n"
    note = parse_note(text, "pages/runbooks___key rotation.md", Vault(".", [], logseq=True))
    assert note.tags == ("runbook", "oncall") and "service: services/auth" in note.properties
    assert [u.text for u in note.units] == ["type: runbook\nservice: services/auth", "rotate the keys"]
    assert note.problem.reason == ('read line 2 "service: [[services/auth]]" as a page property (a property has two '
                                   'colons: service:: [[services/auth]])')
    # ... before the others too, and a page's first paragraph after its properties is still a paragraph
    note = parse_note("status: reading\nauthor:: Ursula K. Le Guin\n\n- chapter 3\n", "pages/Book club.md",
                      Vault(".", [], logseq=True))
    assert note.credits == ("Ursula K. Le Guin",) and note.problem is not None
    note = parse_note("alias:: BC\nNote: we meet monthly, at the library.\n- chapter 3\n", "pages/Book club.md",
                      Vault(".", [], logseq=True))
    assert note.aliases == ("BC",) and note.problem is None and note.units[0].text.startswith("Note: we meet")
    # ... nor a sentence without its period (the review), while a title of as many words is one
    note = parse_note("alias:: BC\nNote: we meet on the first Tuesday\n- chapter 3\n", "pages/Book club.md",
                      Vault(".", [], logseq=True))
    assert note.problem is None and note.units[0].text.startswith("Note: we meet on the first Tuesday")
    note = parse_note("alias:: BC\ntitle: The Left Hand of Darkness\n- chapter 3\n", "pages/Book club.md",
                      Vault(".", [], logseq=True))
    assert note.problem is not None and note.title == "The Left Hand of Darkness"


def test_a_long_first_block_of_sentences_with_double_spaces_reads_in_linear_time():
    # the review: a run of two spaces could split two ways in _ONE_COLON's words, 22 sentences had taken 38 s
    import time

    text = "summary: " + "  ".join(["we met the team at ten."] * 200) + "  then home, done\n- next block\n"
    start = time.perf_counter()
    note = parse_note(text, "pages/Day.md", Vault(".", [], logseq=True))
    assert time.perf_counter() - start < 2.0 and note.units[0].text.startswith("summary: we met the team")


def test_who_or_where_a_page_is_from_is_its_credits():
    note = parse_note("author:: [[Ann Lee]], [[Bo Chan]]\nvenue:: SIGIR 2021\ntype:: book\n\n- stocks and flows\n",
                      "pages/Systems.md", Vault(".", [], logseq=True))
    assert note.credits == ("Ann Lee", "Bo Chan", "SIGIR 2021")
    # ... and who made a piece of music, a film or a picture (trial s57 LB: "who can get down to the lowest notes in the
    # Rachmaninoff?" had not found the basses' block of the piece's page, "composer:: Rachmaninoff" its only mention)
    piece = parse_note("type:: piece\ncomposer:: Rachmaninoff\narranger:: [[Jo Kim]]\n\n- basses: Tom, Raj have the low Bb\n",
                       "pages/Bogoroditse Devo.md", Vault(".", [], logseq=True))
    assert piece.credits == ("Rachmaninoff", "Jo Kim")


def test_a_date_property_as_logseq_writes_it():
    for value in ("2026-09-02", "[[2026-09-02]]", "[[Sep 2nd, 2026]]", "Sep 2nd, 2026", "[[September 2, 2026]]",
                  "[[2026_09_02]]"):  # (the last: a journal's link by its file's name, trial s71 Q)
        assert property_date(value) == "2026-09-02", value
    assert property_date("[[Sep 31st, 2026]]") is None and property_date("soon") is None
    note = parse_note("date:: [[Sep 3rd, 2026]]\n\n- decided to ship\n", "pages/ADR-007.md", Vault(".", [], logseq=True))
    assert note.date == "2026-09-03"
    # ... and a page of a span of days, of its first (trial s55: "what did we do in august" had not shown the holiday's
    # page of "dates:: 1-8 Aug 2026")
    for value in ("1-8 Aug 2026", "[[Aug 1st, 2026]] - [[Aug 8th, 2026]]", "2026-08-01 to 2026-08-08", "Aug 1-8, 2026"):
        note = parse_note(f"tags:: holidays\ndates:: {value}\n\n- cottage in St Agnes\n", "pages/Cornwall 2026.md",
                          Vault(".", [], logseq=True))
        assert note.date == "2026-08-01", value
    assert parse_note("dates:: soon\n\n- x\n", "pages/T.md", Vault(".", [], logseq=True)).date is None
    # ... before a day its name says (trial s70 O: "Winter closure 2027" had been of December 2027, the name's winter,
    # not of its "dates:: 2027-01-05 to 2027-01-28", and "dates we're shut in january" had found it "Not dated")
    winter = "tags:: planning\ndates:: 2027-01-05 to 2027-01-28\n\n- closed to guests\n"
    assert parse_note(winter, "pages/Winter closure 2027.md", Vault(".", [], logseq=True)).date == "2027-01-05"
    assert parse_note("- closed\n", "pages/Winter closure 2027.md", Vault(".", [], logseq=True)).date == "2027-12-01"
    assert parse_note("---\ndates: 5-28 Jan 2027\n---\n# Winter closure 2027\n\n- closed\n",
                      "Winter closure 2027.md").date == "2027-01-05"  # (front matter's too)
    # ... a "date::" of a span of weekdays and days, of its first, and shown, as it is no one day (trial s72 L: "Trunk
    # show 2027"'s "date:: Fri 5 – Sat 6 March 2027" had been nowhere, "when is next years trunk show" out of ten)
    show = parse_note("type:: event\ndate:: Fri 5 – Sat 6 March 2027\n\n- Lou bringing ~30 samples\n",
                      "pages/Trunk show 2027.md", Vault(".", [], logseq=True))
    assert show.date == "2027-03-05" and show.units[0].text == "type: event\ndate: Fri 5 – Sat 6 March 2027"
    assert parse_note("type:: event\ndate:: [[Sep 3rd, 2026]]\n\n- x\n", "pages/A.md",
                      Vault(".", [], logseq=True)).units[0].text == "x"  # (one day: the page's, not its text)


def test_drawers_are_not_text_and_a_task_keeps_its_dates():
    page = ("- DONE Pay the council tax\n\tDEADLINE: <2026-11-25 Wed .+1w>\n\t:LOGBOOK:\n"
            "\tCLOCK: [2026-11-24 Tue 10:00]--[2026-11-24 Tue 10:30] =>  00:30:00\n\t:END:\n"
            "- A block that says :LOGBOOK: and\n\t:PROPERTIES:\n\tnever ends\n"
            "- ```\n\t:LOGBOOK:\n\tin code\n\t:END:\n\t```\n")
    note = parse_note(page, "journals/2026_11_24.md", Vault(".", [], logseq=True))
    shown = [u.text for u in note.units]
    # as Logseq shows it: the drawer's clocked total beside the task, not its lines
    assert shown[0] == "DONE Pay the council tax (clocked 30m)\nDEADLINE: <2026-11-25 Wed .+1w>"
    assert "never ends" in shown[1] and ":PROPERTIES:" in shown[1]  # no :END:, no drawer
    assert shown[2] == ":LOGBOOK:\nin code\n:END:"  # code as written


def test_every_block_is_a_unit_at_its_depth_and_headings_head_their_blocks():
    note = parse_note(PAGE, "pages/Query guide.md", Vault(".", [], logseq=True))
    by_text = {u.text: u for u in note.units}
    restart = by_text["Restart the app after enabling"]
    assert restart.heading == ("Setup",) and restart.parents == ("Enable queries in settings",)
    assert restart.depth == 3 and note.units[restart.parent].text == "Enable queries in settings"
    assert by_text["and combines filters"].heading == ("Operators",)
    callout = next(u for u in note.units if u.kind == "quote")
    assert callout.text == "Only on desktop.\nNeeds a restart." and callout.keep_lines
    code = next(u for u in note.units if u.kind == "code")
    assert code.text == "(and [[a]] [[b]])"  # code is shown as written
    # a heading block heads the blocks nested in it, not the blocks after it (as Logseq shows it)
    top = by_text["A top block with a macro and a tag #later"]
    assert top.heading == () and top.depth == 1 and top.parents == ()


def test_a_heading_block_heads_the_lower_heading_blocks_after_it_on_its_level():
    # trial s59 RB: a PRD page's "- # Approvals v2 PRD" over "- ## Why", "- ## Success metrics" had been nowhere (no
    # hit, no breadcrumb): the page reads as its title over its sections; a plain block after them is under neither
    page = ("type:: feature\n\n- # Approvals v2 PRD\n- ## Why\n\t- lost 3 deals\n- ## Success metrics\n"
            "\t- median time to approve\n- a plain block\n- ## Next\n\t- later\n")
    note = parse_note(page, "pages/Approvals v2.md", Vault(".", [], logseq=True))
    by_text = {u.text: u for u in note.units}
    assert by_text["lost 3 deals"].heading == ("Approvals v2 PRD", "Why")
    assert by_text["median time to approve"].heading == ("Approvals v2 PRD", "Success metrics")
    assert by_text["a plain block"].heading == () and by_text["later"].heading == ("Next",)


def test_a_heading_block_inside_a_plain_block_keeps_the_outlines_order():
    page = ("- 1:1 template\n\t- ### Action items\n\t\t- TODO follow up\n- ## Top\n\t- under top\n"
            "\t\t- ### Deep\n\t\t\t- under deep\n")
    by_text = {u.text: u for u in parse_note(page, "pages/Templates.md", Vault(".", [], logseq=True)).units}
    # template > Action items, as the app shows it, not the headings-first "Action items > template"
    assert (by_text["TODO follow up"].heading, by_text["TODO follow up"].parents) == ((), ("1:1 template",
                                                                                          "Action items"))
    assert by_text["Action items"].parents == ("1:1 template",)
    # a heading block under headings only still heads its blocks
    assert (by_text["under deep"].heading, by_text["under deep"].parents) == (("Top",), ("under top", "Deep"))
    assert by_text["under top"].heading == ("Top",)


def test_a_templates_blocks_are_read_and_marked_a_templates_its_name_and_what_follows_not():
    # trial s64 O: a site RA template held the only copy of the nearest A&E, found nowhere while a template's blocks
    # were left out; marked, they rank after the notes' own (trial s46: a handover template's "silenced alerts" had
    # come before the handover that says which alert)
    page = ("- handover template\n  template:: handover\n\t- #handover\n\t\t- open issues\n\t\t- silenced alerts\n"
            "- after the template\n\t- its child\n- empty one\n  template:: nothing-under\n- last\n")
    note = parse_note(page, "pages/templates.md", Vault(".", [], logseq=True))
    assert [(u.text, u.template) for u in note.units] == [
        ("handover template", False), ("#handover", True), ("open issues", True), ("silenced alerts", True),
        ("after the template", False), ("its child", False), ("empty one", False), ("last", False)]
    assert note.lost == ()  # indexed now: no part of the page goes unread
    assert [c.text for c in chunk_note(note) if c.template] == ["#handover", "open issues", "silenced alerts"]


def test_heading_text_after_properties_does_not_swallow_the_section():
    # the bug this fixes: a `## Heading` followed by tab-indented bullets read as one code block
    text = "type:: [[Feature]]\n\n## Background\n\t- " + "A long first block. " * 30 + "\n## Usage\n\t- 1. Step one\n"
    note = parse_note(text, "pages/Server.md", Vault(".", [], logseq=True))
    assert [u.kind for u in note.units] == ["bullet", "bullet"]  # its blocks (its type is what kind of page it is)
    assert note.units[0].heading == ("Background",) and note.units[0].text.count("A long first block.") == 30
    assert note.units[1].heading == ("Usage",) and (note.units[1].text, note.units[1].marker) == ("Step one", "1.")


def test_blocks_indented_with_spaces():
    blocks = split_blocks(["- a", "  - b", "    - c", "    continued", "  - d", "- e"], 1)
    assert [(b.depth, b.lines) for b in blocks] == [(1, ["a"]), (2, ["b"]), (3, ["c", "continued"]), (2, ["d"]),
                                                    (1, ["e"])]


def test_block_references_and_embeds_resolve_across_pages(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "Source.md").write_text(
        "- Cells limit the blast radius\n  id:: 60af0000-0000-4000-8000-0000000000aa\n\t- child of the cell block\n")
    (tmp_path / "pages" / "User.md").write_text(
        "- As said: ((60af0000-0000-4000-8000-0000000000aa))\n- {{embed ((60af0000-0000-4000-8000-0000000000aa))}}\n"
        "- {{embed [[Source]]}}\n- gone: ((60af0000-0000-4000-8000-0000000000ff))\n")
    vault = Vault(tmp_path, ["pages/Source.md", "pages/User.md"])
    assert vault.logseq
    note = vault.parse("pages/User.md", (tmp_path / "pages" / "User.md").read_text())
    texts = [u.text for u in note.units]
    assert texts[0] == "As said: “Cells limit the blast radius”"  # (set apart, as Logseq boxes it: s57)
    embedded = [u for u in note.units if u.origin is not None]
    assert [u.text for u in embedded][:2] == ["Cells limit the blast radius", "child of the cell block"]
    assert embedded[0].origin == ("pages/Source.md", 1) and "Source" in embedded[0].parents
    assert any("not found" in reason for reason in note.lost)  # the missing reference is reported
    assert vault.deps["pages/User.md"] == {"pages/Source.md", "?60af0000-0000-4000-8000-0000000000ff",
                                           "((60af0000-0000-4000-8000-0000000000aa))"}  # (the id, wherever it is)
    chunks = chunk_note(note)
    assert chunks[1].origin == "pages/Source.md:1"


def test_a_block_reference_shows_a_tasks_words_not_its_days_lines(tmp_path):
    # trial s69 H: "council report reminder - ((uuid))" had read "... “Town council end of grant report DEADLINE:
    # <2026-12-19 Sat>”"
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "Grants.md").write_text(
        "- TODO Town council end of grant report\n  DEADLINE: <2026-12-19 Sat>\n"
        "  id:: 60af0000-0000-4000-8000-0000000000bb\n")
    (tmp_path / "pages" / "Committee.md").write_text("- council report reminder - ((60af0000-0000-4000-8000-0000000000bb))\n")
    vault = Vault(tmp_path, ["pages/Grants.md", "pages/Committee.md"])
    vault.parse("pages/Grants.md", (tmp_path / "pages" / "Grants.md").read_text())
    note = vault.parse("pages/Committee.md", (tmp_path / "pages" / "Committee.md").read_text())
    assert note.units[0].text == "council report reminder - “TODO Town council end of grant report”"


def test_page_names_and_journals():
    assert page_name("pages/Whiteboard___Tool___Portal.md") == "Whiteboard/Tool/Portal"
    assert page_name("pages/New to Logseq%3F.md") == "New to Logseq?"
    assert journal_title("2021-07-19") == "Jul 19th, 2021"
    note = parse_note("- went for a walk\n", "journals/2021_07_19.md", Vault(".", [], logseq=True))
    assert (note.title, note.date) == ("Jul 19th, 2021", "2021-07-19")
    assert property_list("[[a]], [[b c]], #d, e") == ("a", "b c", "d", "e")


def test_a_logseq_page_outside_a_graph_is_recognised_by_its_properties():
    assert looks_like_outline("type:: [[Feature]]\n\n- a block\n")
    assert not looks_like_outline("# Plain note\n\n- a bullet\n")
    note = parse_note("type:: [[Feature]]\nplatforms:: Desktop\n\n- a block\n\t- a child\n", "loose.md")
    assert [u.text for u in note.units] == ["type: Feature\nplatforms: Desktop", "a block", "a child"]


def test_a_reference_to_a_heading_block_reads_as_its_title_and_nested_org_blocks_stay_code(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "Tasks.md").write_text(
        "- ### Time tracker\n  id:: 60af74c1-62f8-434a-827c-abc6d2a71734\n\t- toggle it in settings\n"
        "- #+BEGIN_SRC clojure\n  #+BEGIN_QUERY\n  {:title \"q\"}\n  #+END_QUERY\n  #+END_SRC\n- after the code\n")
    (tmp_path / "pages" / "Setting.md").write_text(
        "- Logseq has a built in ((60af74c1-62f8-434a-827c-abc6d2a71734)) on by default\n")
    vault = Vault(tmp_path, ["pages/Setting.md", "pages/Tasks.md"])
    note = vault.parse("pages/Setting.md", (tmp_path / "pages" / "Setting.md").read_text())
    assert note.units[0].text == "Logseq has a built in “Time tracker” on by default"
    tasks = vault.parsed("pages/Tasks.md")
    code = next(u for u in tasks.units if u.kind == "code")
    assert code.text == "#+BEGIN_QUERY\n{:title \"q\"}\n#+END_QUERY"  # the inner block is the code's content
    assert tasks.units[-1].text == "after the code"


def test_a_live_query_is_no_passage_nor_notes_text(tmp_path):
    # Logseq shows what a query finds, never its text (the same rule as a dataview block)
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "Q.md").write_text("- Slipping\n  #+BEGIN_QUERY\n  {:title \"SLIPPING\" :inputs [:-7d]}\n"
                                           "  #+END_QUERY\n- after\n")
    (tmp_path / "pages" / "P.md").write_text("- Slipping\n- after\n")
    vault = Vault(tmp_path, ["pages/P.md", "pages/Q.md"])
    with_query, plain = vault.parsed("pages/Q.md"), vault.parsed("pages/P.md")
    assert [u.text for u in with_query.units] == ["Slipping", "after"]
    assert with_query.text_chars == plain.text_chars


def test_a_reference_to_a_block_of_the_same_page(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    page = tmp_path / "pages" / "Same.md"
    page.write_text("- ## Keep backups\n  id:: 60af0000-0000-4000-8000-0000000000bb\n"
                    "- As said in ((60af0000-0000-4000-8000-0000000000bb)), twice a week\n")
    vault = Vault(tmp_path, ["pages/Same.md"])
    note = vault.parse("pages/Same.md", page.read_text())
    assert note.units[-1].text == "As said in “Keep backups”, twice a week" and not note.lost


def test_logseq_numbered_lists_keep_their_numbers():
    text = ("- Ways to export:\n\t- Export a graph\n\t  logseq.order-list-type:: number\n"
            "\t- Export a page\n\t  logseq.order-list-type:: number\n\t- a plain block\n"
            "\t- Export again\n\t  logseq.order-list-type:: number\n")
    note = parse_note(text, "pages/Export.md", Vault(".", [], logseq=True))
    assert [(u.marker, u.text) for u in note.units[1:]] == [
        ("1.", "Export a graph"), ("2.", "Export a page"), ("", "a plain block"), ("1.", "Export again")]


def test_an_embed_of_a_block_of_the_same_page_shows_its_text_rendered(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    page = tmp_path / "pages" / "Same.md"
    page.write_text("- {{embed ((60af0000-0000-4000-8000-0000000000ee))}}\n"
                    "- How to **migrate** to the [new syntax](https://example.com)?\n"
                    "  id:: 60af0000-0000-4000-8000-0000000000ee\n")
    vault = Vault(tmp_path, ["pages/Same.md"])
    note = vault.parse("pages/Same.md", page.read_text())
    assert note.units[0].text == "How to migrate to the new syntax?" and note.units[0].origin == ("pages/Same.md", 2)
    assert not note.lost


def test_an_unclosed_fence_does_not_swallow_the_rest_of_a_page():
    text = "- a block with code\n  ```\n  x = 1\n- the next block\n\t- its child\n"
    note = parse_note(text, "pages/p.md", Vault(".", [], logseq=True))
    assert [u.text for u in note.units if u.kind == "bullet"][-2:] == ["the next block", "its child"]


def test_clojure_in_code_is_shown_as_written():
    text = "- example\n  ```clojure\n  [:div.big \"hello\"]\n  [:code \"y\"]\n  ```\n"
    note = parse_note(text, "pages/p.md", Vault(".", [], logseq=True))
    code = next(u for u in note.units if u.kind == "code")
    assert code.text == '[:div.big "hello"]\n[:code "y"]'


def test_a_comment_mark_in_a_source_block_is_code_not_a_comment():
    # a MATLAB cell "%% Load data" in #+BEGIN_SRC had hidden the blocks up to the next one's "%% Plot"
    text = ("- Matlab script for the fit\n  #+BEGIN_SRC matlab\n  %% Load data\n  x = load('a.mat');\n  #+END_SRC\n"
            "- The fit converged after ten steps\n- Plot script\n  #+BEGIN_SRC matlab\n  %% Plot\n  <!-- axes -->\n"
            "  #+END_SRC\n")
    note = parse_note(text, "pages/Fit.md", Vault(".", [], logseq=True))
    assert [u.text for u in note.units if u.kind == "code"] == ["%% Load data\nx = load('a.mat');",
                                                                "%% Plot\n<!-- axes -->"]
    assert "The fit converged after ten steps" in [u.text for u in note.units]


def test_a_heading_block_with_no_block_under_it_begins_a_section_or_is_an_empty_one():
    # a journal's "- ## Shipped billing v2.1 today" with entries after it had headed nothing and been in no passage:
    # it begins a section (a hit on the block before ends before it, one on it goes on into its section); of a word
    # or two, weak; one followed by another heading block is an empty section, no passage, as an empty markdown
    # heading is (a template's "- ## What went well" left empty would answer "what went well?"); inside a plain block
    # it is a plain block (the review)
    text = ("- Standup\n- ## Shipped billing v2.1 today\n- lunch with Ana\n- ## What went well\n"
            "- ## Conclusion: anaesthesia broadens tuning by 7 degrees\n- ## Lunch\n"
            "\t- with Ana\n- ## Open questions\n- Analysis script\n- Meeting about Hermes\n\t- ## Moved launch to May\n"
            "\t- budget stays\n")
    note = parse_note(text, "journals/2024_05_02.md", Vault(".", [], logseq=True))
    assert [(u.text, u.heading, u.after_rule, u.thin) for u in note.units] == [
        ("Standup", (), False, False), ("Shipped billing v2.1 today", (), True, False),
        ("lunch with Ana", (), False, False),
        ("Conclusion: anaesthesia broadens tuning by 7 degrees", (), True, False),  # (its content after a label)
        ("with Ana", ("Lunch",), False, False),
        ("Open questions", (), True, True), ("Analysis script", (), False, False),
        ("Meeting about Hermes", (), False, False), ("Moved launch to May", (), False, False),
        ("budget stays", (), False, False)]


def test_page_properties_other_than_metadata_are_the_pages_text():
    # "who wrote Thinking in Systems?": the author is a page property, shown above the page in the app
    text = ("title:: Thinking in Systems\nauthor:: [[Donella Meadows]]\ntags:: book\n"
            "id:: 6500aaaa-0000-4000-8000-000000000001\ncollapsed:: true\n\n"
            "- A stock is the memory of the history of changing flows\n")
    note = parse_note(text, "pages/Thinking in Systems.md", Vault(".", [], logseq=True))
    assert (note.title, note.tags) == ("Thinking in Systems", ("book",))
    assert [(u.kind, u.text, u.parent, u.thin) for u in note.units] == [
        ("paragraph", "author: Donella Meadows", None, True),  # what the page is, not an answer: weak
        ("bullet", "A stock is the memory of the history of changing flows", None, False)]
    # ... at the properties' lines, first to last (trial s44: a hit of them had said it ends at the first)
    assert [(u.line, u.end_line) for u in note.units] == [(1, 5), (7, 7)]


def test_a_pages_properties_that_only_say_what_kind_of_page_it_is_are_no_passage():
    # trial s45: "type: recipe" alone had been a hit in the top five of "what can I bake with overripe bananas?"
    note = parse_note("type:: recipe\ntags:: baking\n\n- 3 very ripe bananas\n", "pages/recipes___banana bread.md",
                      Vault(".", [], logseq=True))
    assert [u.text for u in note.units] == ["3 very ripe bananas"] and note.properties
    note = parse_note("type:: person\nbirthday:: [[Apr 12th, 2018]]\n\n- Born at St. Luke's\n", "pages/Maya.md",
                      Vault(".", [], logseq=True))
    assert [u.text for u in note.units] == ["type: person\nbirthday: Apr 12th, 2018", "Born at St. Luke's"]
    # ... nor those of when the page was written or updated, its own days (trial s64 G: "updated: 2026-12-01" alone
    # had been a hit of "first aiders + when their quals run out")
    note = parse_note("tags:: people, safety\nupdated:: 2026-12-01\ncreated:: [[Mar 3rd, 2025]]\n\n- Need 1 first "
                      "aider on site\n", "pages/First Aiders.md", Vault(".", [], logseq=True))
    assert [u.text for u in note.units] == ["Need 1 first aider on site"]


def test_a_pages_properties_the_app_hides_are_not_its_text():
    text = ("created-at:: 1700000000000\nupdated-at:: 1700000500000\nquery-table:: false\nbackground-color:: red\n"
            "reviewed:: 1612237041727\ntype:: meeting\nisbn:: 9780131103627\n\n- Talked about the Q3 roadmap\n")
    note = parse_note(text, "pages/Q3.md", Vault(".", [], logseq=True))
    # (an ISBN-13 is no time stamp: the review)
    assert [u.text for u in note.units] == ["type: meeting\nisbn: 9780131103627", "Talked about the Q3 roadmap"]


def test_the_properties_of_a_block_of_only_code_are_shown_beside_it():
    # they had been dropped, and not counted as text either
    text = "- Deploys\n\t- ```sh\n\t  systemctl restart worker\n\t  ```\n\t  reviewed:: 2024-05-02 by Tom\n"
    note = parse_note(text, "pages/Ops.md", Vault(".", [], logseq=True))
    assert [(u.kind, u.text, u.parents) for u in note.units] == [
        ("bullet", "Deploys", ()), ("code", "systemctl restart worker", ("Deploys",)),
        ("paragraph", "reviewed: 2024-05-02 by Tom", ("Deploys",))]


def test_a_block_of_only_properties_and_a_heading_on_a_blocks_later_line_are_text():
    text = ("- Vendor call about the renewal\n\t- \n\t  vendor:: Acme Logistics\n"
            "- Retro\n  ## Decided to freeze billing\n"
            "\t- a child\n")
    note = parse_note(text, "pages/Vendors.md", Vault(".", [], logseq=True))
    assert [(u.text, u.parents, u.heading) for u in note.units] == [
        ("Vendor call about the renewal", (), ()),
        ("vendor: Acme Logistics", ("Vendor call about the renewal",), ()),
        ("Retro\nDecided to freeze billing", (), ()),
        ("a child", ("Retro\nDecided to freeze billing",), ())]


def test_property_keys_are_shown_as_written_and_read_in_any_case():
    # trial s41: "KCl:: 10 mM" had been shown "kcl: 10 mM", losing what the capitals say in chemistry
    text = "Owner:: Dana\nAlias:: Ringer\n\n- Internal solution\n  KCl:: 10 mM\n  HEPES:: 10 mM\n  ID:: 6500aaaa-0000-4000-8000-000000000009\n"
    vault = Vault(".", [], logseq=True)
    note = parse_note(text, "pages/patch.md", vault)
    assert [u.text for u in note.units] == ["Owner: Dana", "Internal solution", "KCl: 10 mM\nHEPES: 10 mM"]
    assert note.aliases == ("Ringer",)  # "Alias::" is alias::, and "ID::" no text


def test_a_blocks_own_properties_are_shown_under_it_not_its_id_or_the_apps_settings():
    # trial s36: "when does the Black Friday deploy freeze end?" found nothing: freeze-end:: was dropped
    text = ("tags:: process\n\n- Deploy freeze for Black Friday\n  id:: 6500aaaa-0000-4000-8000-000000000002\n"
            "  collapsed:: true\n  freeze-start:: 2023-11-20\n  freeze-end:: [[Nov 28th, 2023]]\n"
            "  created-at:: 1609233078964\n  logseq.order-list-type:: number\n\t- Canary first\n"
            "- Old task\n  done:: 1612237041727\n")
    note = parse_note(text, "pages/release process.md", Vault(".", [], logseq=True))
    assert [(u.text, u.line, u.end_line, u.parent, u.parents) for u in note.units] == [
        ("Deploy freeze for Black Friday", 3, 3, None, ()),
        ("freeze-start: 2023-11-20\nfreeze-end: Nov 28th, 2023", 6, 7, 0, ("Deploy freeze for Black Friday",)),
        ("Canary first", 10, 10, 0, ("Deploy freeze for Black Friday",)),  # the block's text its breadcrumb
        ("Old task", 11, 11, None, ())]
    assert note.units[1].keep_lines and not note.units[1].thin
    # by name: "idea::" is no "id::", "publication::" no "public::" (the review); a "key::" line in code is code
    text = "- Paper reading\n  idea:: a bloom filter\n  publication:: NeurIPS 2023\n  ```clojure\n  lang:: clojure\n  ```\n"
    props = parse_note(text, "pages/p.md", Vault(".", [], logseq=True)).units[-1]
    assert (props.text, props.line, props.end_line) == ("idea: a bloom filter\npublication: NeurIPS 2023", 2, 3)
    page = parse_note("idea:: a bloom filter\n\n- a block\n", "pages/q.md", Vault(".", [], logseq=True))
    assert page.units[0].text == "idea: a bloom filter"  # a page's property too
    # a heading block's: a paragraph of its section (the review: dropped)
    units = parse_note("- ## Freeze\n  freeze-end:: 2023-11-28\n\t- Canary first\n", "pages/r.md",
                       Vault(".", [], logseq=True)).units
    assert [(u.text, u.heading, u.line) for u in units] == [("freeze-end: 2023-11-28", ("Freeze",), 2),
                                                            ("Canary first", ("Freeze",), 3)]


def test_logseq_tasks_are_found_as_open_or_done_tasks():
    from notesqa.chunking import chunk_note

    text = "- TODO Call the plumber\n- DONE Fix the rounding bug\n- LATER Read chapter 5\n- Today was calm\n"
    chunks = chunk_note(parse_note(text, "journals/2025_03_14.md", Vault(".", [], logseq=True)))
    words = [c.keywords.rsplit(c.text, 1)[1].strip() for c in chunks]
    assert words == ["task todo open", "task done", "task todo open", ""]
    assert [c.text for c in chunks][:2] == ["TODO Call the plumber", "DONE Fix the rounding bug"]  # shown as written

    # what is under way, and a priority, are found too ("what am I doing now", "my high priority tasks")
    text = "- NOW [#A] Renew the passport\n- DOING Draft the plan\n- TODO [#C] Sort the shed\n- DONE [#A] Pay tax\n"
    chunks = chunk_note(parse_note(text, "journals/2025_03_14.md", Vault(".", [], logseq=True)))
    words = [c.keywords.rsplit(c.text, 1)[1].strip() for c in chunks]
    assert words == ["task todo open doing now priority high important urgent", "task todo open doing now",
                     "task todo open priority low", "task done"]


def test_a_block_that_starts_with_a_greater_than_sign_and_a_number_says_more_than():
    note = parse_note("- K+ by level\n\t- > 5.5 mmol/L: none\n\t- > a quote\n", "pages/DKA.md", Vault(".", [], logseq=True))
    assert [u.text for u in note.units] == ["K+ by level", "> 5.5 mmol/L: none", "a quote"]


def test_a_block_is_tagged_by_its_page_and_its_own_tags_not_every_tag_of_the_day():
    note = parse_note("tags:: work\n\n- standup notes\n\t- talked about #hermes launch\n\t\t- a child of it\n"
                      "- TODO book the room\n", "journals/2026_11_30.md", Vault(".", [], logseq=True))
    assert set(note.tags) == {"work", "hermes"}  # the page, for listing and the tag list
    assert [(c.text, set(c.tags)) for c in chunk_note(note)] == [
        ("standup notes", {"work"}), ("talked about #hermes launch", {"work", "hermes"}),
        ("a child of it", {"work", "hermes"}), ("TODO book the room", {"work"})]


def test_a_heading_blocks_tag_tags_every_block_under_it():
    # trial s48: "- ## Building meeting #[[Heat Campaign]]" had tagged its first child only
    note = parse_note("- ## Building meeting #[[Heat Campaign]]\n\t- attendees: Rosa\n\t- buy thermometers\n"
                      "\t- temperature logs\n- ## Other\n\t- not tagged\n", "journals/2026_11_04.md",
                      Vault(".", [], logseq=True))
    assert [(c.text, c.tags) for c in chunk_note(note)] == [
        ("attendees: Rosa", ["heat campaign"]), ("buy thermometers", ["heat campaign"]),
        ("temperature logs", ["heat campaign"]), ("not tagged", [])]


def test_a_tag_alone_lists_a_journal_from_its_tagged_block(tmp_path, embedder):
    from notesqa import NotesIndex, build_index

    graph = tmp_path / "graph"
    (graph / "logseq").mkdir(parents=True)
    (graph / "journals").mkdir()
    (graph / "journals" / "2026_11_30.md").write_text("- standup notes\n- talked about the #hermes launch\n",
                                                      encoding="utf-8")
    build_index(graph, tmp_path / "index", embedder=embedder)
    hits = NotesIndex.open(tmp_path / "index", embedder=embedder).search("tag:hermes", k=5)
    assert [h.text for h in hits] == ["talked about the #hermes launch"]


def test_a_namespace_is_a_folder_to_path_filters(tmp_path, embedder):
    # trial F: "path:runbooks rotate certs" said "No note is in runbooks." of pages/runbooks___*.md
    from notesqa import NotesIndex, build_index

    graph = tmp_path / "graph"
    (graph / "logseq").mkdir(parents=True)
    for rel, text in (("pages/runbooks___rotate kafka certs.md", "- rotate the certs with the renew job\n"),
                      ("pages/runbooks___kafka___upgrade.md", "- upgrade the brokers, certs first\n"),
                      ("pages/services___kafka.md", "- the certs expire yearly\n")):
        (graph / rel).parent.mkdir(parents=True, exist_ok=True)
        (graph / rel).write_text(text, encoding="utf-8")
    build_index(graph, tmp_path / "index", embedder=embedder)
    idx = NotesIndex.open(tmp_path / "index", embedder=embedder)
    assert {h.path for h in idx.search("path:runbooks certs", k=5)} == {
        "pages/runbooks___rotate kafka certs.md", "pages/runbooks___kafka___upgrade.md"}
    assert [h.path for h in idx.search("path:runbooks/kafka certs", k=5)] == ["pages/runbooks___kafka___upgrade.md"]
    assert {h.path for h in idx.search("path:runbooks/* certs", k=5)} == {  # as Logseq names them (the recheck)
        "pages/runbooks___rotate kafka certs.md", "pages/runbooks___kafka___upgrade.md"}
    assert [h.path for h in idx.search("certs", k=5, paths=["pages/services"])] == ["pages/services___kafka.md"]
    assert {"pages", "pages/runbooks", "pages/runbooks/kafka", "pages/services"} <= set(idx.folders())


def test_a_tasks_clocked_time_is_said_after_its_first_line():
    # trial s36: "how long did I spend on the invoice PDF fix?" had no answer: the CLOCK: lines were all hidden
    text = ("- DOING Fix invoice PDF #billing\n  :LOGBOOK:\n  CLOCK: [2024-03-14 Thu 10:02]--[2024-03-14 Thu 12:47] =>  02:45:29\n"
            "  CLOCK: [2024-03-15 Fri 09:00]--[2024-03-15 Fri 09:20] =>  00:20:00\n  :END:\n\t- hard-coded €\n"
            "- TODO no clock\n")
    units = parse_note(text, "journals/2024_03_14.md", Vault(".", [], logseq=True)).units
    assert [u.text for u in units] == ["DOING Fix invoice PDF #billing (clocked 3h 5m)", "hard-coded €", "TODO no clock"]
    # not on a block that opens with code, nor a heading's; less than a minute says nothing (the second review)
    text = ("- ```python\n  x = 1\n  ```\n  :LOGBOOK:\n  CLOCK: [a]--[b] =>  01:00:00\n  :END:\n"
            "- TODO short\n  :LOGBOOK:\n  CLOCK: [a]--[b] =>  00:00:20\n  :END:\n")
    units = parse_note(text, "journals/2024_03_14.md", Vault(".", [], logseq=True)).units
    assert [u.text for u in units] == ["x = 1", "TODO short"]


def test_a_pdf_highlight_says_its_page_and_an_area_highlight_heads_its_comments():
    # trial s37: a highlight's page (hl-page) was nowhere, an area highlight's "[:span]" was dropped and the comment
    # under it read as the highlight's before it, and the page was titled hls__Vaswani2017_..._1700000000000_0
    page = ("file:: [Vaswani2017.pdf](../assets/Vaswani2017.pdf)\n\n"
            "- Positional encoding, since there's no recurrence\n  ls-type:: annotation\n  hl-page:: 6\n"
            "  hl-color:: yellow\n- [:span]\n  ls-type:: annotation\n  hl-page:: 4\n  hl-type:: area\n"
            "\t- ^ the scaled dot-product attention diagram\n")
    note = parse_note(page, "pages/hls__Vaswani2017_attention_is_all_you_need_1700000000000_0.md")
    assert note.title == "Vaswani2017 attention is all you need (highlights)"
    units = {u.text: u for u in note.units}
    assert "Positional encoding, since there's no recurrence (p. 6)" in units
    assert units["^ the scaled dot-product attention diagram"].parents == ("(area highlight, p. 4)",)


def test_a_highlight_on_a_page_numbered_otherwise_says_it():
    page = "- The preface says why\n  ls-type:: annotation\n  hl-page:: iv\n"
    assert parse_note(page, "pages/hls__Book_1700000000000_0.md").units[0].text == "The preface says why (p. iv)"


def test_a_top_level_block_of_only_properties_is_set_apart_from_the_block_before():
    text = "- Vendor call about the renewal\n- \n  vendor:: Acme Logistics\n  contract-end:: 2025-03-31\n- Next step\n"
    note = parse_note(text, "pages/Vendors.md", Vault(".", [], logseq=True))
    assert [(u.text, u.after_rule) for u in note.units] == [
        ("Vendor call about the renewal", False), ("vendor: Acme Logistics\ncontract-end: 2025-03-31", True),
        ("Next step", False)]


def test_a_logseq_graph_opened_in_obsidian_reads_its_other_folders_as_markdown(tmp_path):
    # the smoke test (s42): weekly reviews in Weekly/ beside pages/ and journals/ and .obsidian/ had been read as
    # outlines, their "## What went well" and "## What did not" one passage
    for folder in ("pages", "journals", ".obsidian"):
        (tmp_path / folder).mkdir()
    vault = Vault(tmp_path, [])
    review = "# Week 11 review\n\n## What went well\n\n- Shipped the cache\n\n## What did not\n\n- Skipped the gym\n"
    note = parse_note(review, "Weekly/2025-W11.md", vault)
    assert note.title == "Week 11 review"
    assert [(u.text, u.heading[-1]) for u in note.units] == [("Shipped the cache", "What went well"),
                                                            ("Skipped the gym", "What did not")]
    page = parse_note("- Homelab\n\t- Proxmox on the NUC\n", "pages/Homelab.md", vault)
    assert [u.text for u in page.units] == ["Homelab", "Proxmox on the NUC"]  # a page is an outline still


def test_a_block_reference_beside_other_words_is_set_apart_in_quotes(tmp_path):
    # trial s57 LB: "everyone listens to Olu's track ((ref))" had read "... Olu's track pronunciation track recorded by
    # Olu, it's on the shared drive", one sentence; a block of only a reference is that block's words as they are
    (tmp_path / "pages").mkdir()
    (tmp_path / "journals").mkdir()
    (tmp_path / "pages" / "Latin.md").write_text("- pronunciation track recorded by Olu\n"
                                                 "  id:: 60af0000-0000-4000-8000-0000000000cc\n")
    (tmp_path / "journals" / "2025_10_09.md").write_text(
        "- everyone listens to Olu's track ((60af0000-0000-4000-8000-0000000000cc))\n"
        "- ((60af0000-0000-4000-8000-0000000000cc))\n")
    vault = Vault(tmp_path, ["pages/Latin.md", "journals/2025_10_09.md"])
    note = vault.parse("journals/2025_10_09.md", (tmp_path / "journals" / "2025_10_09.md").read_text())
    assert [u.text for u in note.units][0] == "everyone listens to Olu's track “pronunciation track recorded by Olu”"
    assert "“" not in note.units[-1].text and "pronunciation track" in note.units[-1].text
