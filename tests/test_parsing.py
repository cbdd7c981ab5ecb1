"""Notes -> units (parsing.py, units.py): headings, parents, lines, labels, numbers, tables and code."""

from notesqa.chunking import chunk_note
from notesqa.parsing import parse_note
from notesqa.textchars import visible_chars

from conftest import SAMPLE_NOTES


def test_units_know_heading_path_parents_and_line():
    text = (SAMPLE_NOTES / "aws-reinvent-2024.md").read_text()
    note = parse_note(text, "aws-reinvent-2024.md")
    assert note.title == "AWS re:Invent 2024"
    assert note.tags == ("aws",)
    unit = next(u for u in note.units if u.text == "Shuffle sharding to map customers to cells")
    assert unit.kind == "bullet"
    assert unit.heading == ("Keynotes", "CTO Werner Vogels")
    assert unit.parents == ("Lessons in Simplexity", "Organize into cells")
    assert text.splitlines()[unit.line - 1].strip() == "* Shuffle sharding to map customers to cells"
    assert note.units[unit.parent].text == "Organize into cells"


def test_a_short_line_before_a_list_names_it_like_a_parent_bullet():
    text = (
        "# Talk\n\nHow DynamoDB uses DNS\n* Enactor updates Route 53\n* Use presence of TXT record as lock\n"
        "  * Delete and recreate in one transaction\n\nAfter the list, prose again.\n\n"
        "This is a whole sentence.\n* not named by it\n\nThe consensus seems to be\n\n1. first point\n\n"
        "A line that is much too long to be a label of the list below it, whatever it happens to say\n* plain\n\n"
        "Workshop paper accepted! 🎉 (oral, not poster)\n\n- Next steps\n\n"  # (trial s36: an exclamation inside)
        "Important! Bring these:\n\n- Passport\n\nJeopardy! categories\n\n- Potent potables\n"  # (the review)
    )
    note = parse_note(text, "n.md")
    by_text = {u.text: u for u in note.units}
    label = note.units.index(by_text["How DynamoDB uses DNS"])
    lock = by_text["Use presence of TXT record as lock"]
    assert lock.parents == ("How DynamoDB uses DNS",) and lock.parent == label and lock.depth == 1
    deep = by_text["Delete and recreate in one transaction"]
    assert deep.parents == ("How DynamoDB uses DNS", "Use presence of TXT record as lock")
    assert by_text["After the list, prose again."].parents == ()  # the label names its list only
    assert by_text["not named by it"].parents == ()  # a sentence is not a label
    assert by_text["first point"].parents == ("The consensus seems to be",)  # a blank line between is fine
    assert by_text["plain"].parents == () and by_text["Next steps"].parents == ()
    assert by_text["Passport"].parents == ("Important! Bring these",)
    assert by_text["Potent potables"].parents == ("Jeopardy! categories",)
    # the label is embedded as the bullets' context, as a parent bullet would be
    chunk = next(c for c in chunk_note(note) if c.text == "Use presence of TXT record as lock")
    assert chunk.embed == "Talk > How DynamoDB uses DNS: Use presence of TXT record as lock"  # title once


def test_what_is_a_label_and_how_it_reads():
    text = ("# T\n\n[YouTube](https://youtu.be/x)\n* linked talk notes\n\nWhy?\n* because it scales\n\n"
            "Cons:\n* slow scans\n\n## Pros\n\nPros\n* fast\n")
    note = parse_note(text, "n.md")
    by_text = {u.text: u for u in note.units}
    assert by_text["linked talk notes"].parents == ()  # a line that is only a link names nothing
    assert by_text["because it scales"].parents == ("Why?",)  # a short question before a list does
    assert by_text["slow scans"].parents == ("Cons",)  # read without its colon
    fast = next(c for c in chunk_note(note) if c.text == "fast")
    assert fast.embed == "T > Pros: fast"  # a label repeating its heading reads once
    # two sentences say something and name nothing (trial s46: the day's tasks had been under "Priya announced ...")
    note = parse_note("# D\n\nPriya announced mat leave - Sept 2027. Cover = supply?\n\n- [ ] photocopy mocks\n\n"
                      "Q3 vs. Q4\n- up\n\nSuppose we model it. Bagging is the process\n1. choose\n", "d.md")
    # (right above its list, they may: "... Bagging is the process", the shared Obsidian vault's)
    assert [u.parents for u in note.units] == [(), (), (), ("Q3 vs. Q4",), (), ("Suppose we model it. Bagging is the "
                                                                               "process",)]
    # ... in lower case too, as typed (trial s48: every hit of a TIL list had read "TIL > one-liners. newest at the
    # bottom. don't reorganise this, just append")
    note = parse_note("# TIL\n\none-liners. newest at the bottom. don't reorganise this\n\n- jq -r drops quotes\n", "t.md")
    assert note.units[-1].parents == ()
    # an abbreviation or a step's number ends no sentence (the review: these had lost their lists)
    for label in ("Step 1. Install the tools", "Mrs. Patel's reading list", "Packing list for Sept. Trip",
                  "Books by J. R. R. Tolkien", "Notes on the U.S. Constitution", "Standup at 9 a.m. Tuesday agenda"):
        note = parse_note(f"# D\n\n{label}\n\n- one\n", "d.md")
        assert note.units[-1].parents == (label,), label
    # an aside in brackets names nothing (trial s47: "(S29 skipped - only Jo and Dev could make it)" had been the
    # breadcrumb of the next session's list)
    note = parse_note("# S30\n\n(S29 skipped - only Jo and Dev could make it)\n\n- fought the warden\n", "s.md")
    assert note.units[-1].parents == ()
    note = parse_note("# T\n\n(Optional) Tools (if any)\n\n- a saw\n", "t.md")  # not one aside (the second review)
    assert note.units[-1].parents == ("(Optional) Tools (if any)",)
    # a quotation set apart says something of its own, no list's name (trial s60 VD: "“All rook endings are drawn” —
    # Tartakower" had been the parent of every rule)
    note = parse_note('# Rook endgames\n"All rook endings are drawn" — Tartakower (sort of)\n\n- Rooks belong behind\n',
                      "r.md")
    assert note.units[-1].parents == ()
    note = parse_note('# Q\n"Why?"\n- because\n', "q.md")  # (right above its list, a quoted question names it)
    assert note.units[-1].parents == ('"Why?"',)
    # a Dataview field is the note's, no list's name (trial s60 VD: "time_spent: 1h40" had been a to-do's parent)
    note = parse_note("# Tue 24 Nov\n\n## Game analysis\n- finished the analysis\n\ntime_spent:: 1h40\n"
                      "- [ ] redo the missed puzzles\n", "Daily/2026-11-24.md")
    assert note.units[-1].parents == ()
    # ... nor the last of a paragraph of them, one a line (trial s73 E: "lease_end:: 2029-05-31" had been the parent
    # of the lease's bullets, a paragraph above them read for it)
    note = parse_note("# Clinic lease\n\n14 Wyle Cop, Shrewsbury.\n\nrent:: £1,150 / month\nlease_end:: 2029-05-31\n\n"
                      "- Boiler: landlord's, it died Jan 26\n", "Admin/Clinic lease.md")
    assert note.units[-1].parents == ()
    # a line that states something, a blank line above its list, names no list: a sum, three things or more, ten words
    # or more (trials s57 LC, LD, MA, MC: "laptop setup > bought 12/08/26, £2,599 inc VAT ..." over every tool installed,
    # "2025-10-18 > Temp 6°C, no wind, bit of dew" over the night's targets)
    for line in ("bought 12/08/26, £2,599 inc VAT through the Ltd", "Temp 6°C, no wind, bit of dew",
                 "happened at Northwind when a CI job got killed mid-apply (11/07/25)", "Market: £880 best May so far",
                 # ... or a way to reach someone (trial s58 PA: "Mum: Kate H - 07700 900934" had been the parent of
                 # every bullet of a pupil's note)
                 "Mum: Kate H - 07700 900934", "Dad: tom.h@example.com",
                 # ... or a share (trial s68 I: "score **84%**" had headed an area manager's visit notes)
                 "score **84%**"):
        note = parse_note(f"# D\n\n{line}\n\n- one\n", "d.md")
        assert note.units[-1].parents == (), line
    note = parse_note("# D\n\nTemp 6°C, no wind, bit of dew\n- one\n", "d.md")  # (right above it, as before)
    assert note.units[-1].parents == ("Temp 6°C, no wind, bit of dew",)
    for label in ("From 1 April 2026 (after the Price rise 2026)", "Things to pack, check and label:"):
        note = parse_note(f"# D\n\n{label}\n\n- one\n", "d.md")
        assert note.units[-1].parents == (label.removesuffix(":"),), label
    # a field with its value, a blank line above the list, says something and names nothing (trial s49: "present:
    # Raj, Gareth, Aisha" had headed a meeting's agenda); right above it, or a label ending with a colon, names it
    note = parse_note("# Dept\n\npresent: Raj, Gareth, Aisha\n\n1. Mocks\n\nShopping:\n\n- milk\n\n"
                      "Kit per group: (one tray)\n- beaker\n\nDay 1: Rome\n\n- the Forum\n", "d.md")
    assert [u.parents for u in note.units] == [(), (), (), ("Shopping",), (), ("Kit per group: (one tray)",), (),
                                               ("Day 1: Rome",)]  # (a label of a value of its own: the review)
    # ... nor one of a count or of two names (trial s67 C: "Present: all 7" had headed a meeting's minutes, "Coaches:
    # Sophie Grant, Hannah Lee" a team's kit list); a day's ("Day 2: 15 May") still names its list
    # (... or of who came, whoever: "Present: all except Maureen", trial s68 M)
    for line in ("Present: all 7", "Coaches: Sophie Grant, Hannah Lee", "Apologies: 2", "Present: all except Maureen"):
        assert parse_note(f"# D\n\n{line}\n\n- one\n", "d.md").units[-1].parents == (), line
    for line in ("Day 2: 15 May", "Day 3: Sat 16th", "Day 1: Rome, Vatican"):
        assert parse_note(f"# D\n\n{line}\n\n- one\n", "d.md").units[-1].parents == (line,), line
    table = parse_note("# Dives\n\nTotal dives pre-PhD: 87\n\n| # | Depth |\n|---|---|\n| 1 | 4.2 |\n", "d.md")
    assert table.units[-1].parents == ("Total dives pre-PhD: 87",)  # (over a table, its caption, as before)
    # ... a passage of its own, not thin: it says a number (trial s76 H: "Running total: 21.5 hrs" over a CPD log had
    # never been a hit); a caption that names the table is thin
    assert not table.units[0].thin
    named = parse_note("# Runs\n\nMS MARCO passage ranking (dev):\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "r.md")
    assert named.units[0].thin


def test_a_line_of_only_tags_tags_the_note_and_names_nothing():
    note = parse_note("# Trip\n\n#travel #笔记\n* Train leaves at 9.\n\nMuseum first.\n\n#todo\n", "n.md")
    by_text = {u.text: u for u in note.units}
    assert by_text["Train leaves at 9."].parents == ()  # not a label of the list below it
    # no passage of its own: a hit of only "#todo" answers nothing (trial M: "#pharm/drug-card" as a hit)
    assert set(by_text) == {"Train leaves at 9.", "Museum first."} and not by_text["Museum first."].thin
    assert set(note.tags) >= {"travel", "笔记", "todo"}


def test_ordered_list_items_keep_their_numbers_for_display():
    note = parse_note("# Bread\n\n3. Mix the flour\n4. Knead it\n   * gently\n\n1) Bake\n\n"
                      "## Lazy\n\n1. feed\n1. wait\n1. test\n", "n.md")
    assert [(u.text, u.marker) for u in note.units] == [
        ("Mix the flour", "3."), ("Knead it", "4."), ("gently", ""), ("Bake", "1)"),
        ("feed", "1."), ("wait", "2."), ("test", "3.")]  # numbered as the list renders
    chunks = chunk_note(note)
    assert [c.marker for c in chunks] == ["3.", "4.", "", "1)", "1.", "2.", "3."]
    assert chunks[0].embed.endswith("Bread: Mix the flour")  # the number is shown, not embedded


def test_table_rows_code_with_intro_and_numbered_items(notes):
    note = parse_note((notes / "cooking/2024-02-01-bread.md").read_text(), "cooking/2024-02-01-bread.md")
    rows = [u.text for u in note.units if u.kind == "table_row"]
    assert rows == ["ingredient: flour | weight: 500 g", "ingredient: salt | weight: 10 g"]
    code = next(u for u in note.units if u.kind == "code")
    assert code.intro == "To bake, preheat the oven like this:"
    assert "oven --temp 250" in code.text
    folds = next(u for u in note.units if u.text == "Four sets of stretch and folds")
    assert folds.parents == ("Bulk ferment for five hours",)
    assert note.date == "2024-02-01"  # from the Jekyll file-name prefix


def test_a_caption_line_above_a_table_heads_its_rows():
    text = ("# ColBERT\n\n## Results\n\nMS MARCO passage ranking (dev):\n\n| Method | MRR@10 |\n|---|---|\n"
            "| BM25 | 18.7 |\n| ColBERT | 36.0 |\n\nAfter the table, prose.\n\nThis is a whole sentence.\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n")
    note = parse_note(text, "n.md")
    by_text = {u.text: u for u in note.units}
    caption = by_text["MS MARCO passage ranking (dev):"]
    assert caption.thin  # alone it says which table, not what is in it
    assert by_text["Method: ColBERT | MRR@10: 36.0"].parents == ("MS MARCO passage ranking (dev)",)
    assert by_text["After the table, prose."].parents == ()  # the caption names its table only
    assert by_text["a: 1 | b: 2"].parents == () and not by_text["This is a whole sentence."].thin
    chunk = next(c for c in chunk_note(note) if c.text == "Method: ColBERT | MRR@10: 36.0")
    assert chunk.embed == "ColBERT > Results > MS MARCO passage ranking (dev): Method: ColBERT | MRR@10: 36.0"


def test_a_table_row_of_its_first_cell_alone_is_thin():
    # trial s88 R: "| Sep | | | |" of an agent's statements, "Month: Sep", had come first for "letting agent details"
    text = "| Month | Rent | Fees | Paid |\n|---|---|---|---|\n| Aug | 1,050 | 138 | 779 |\n| Sep | | | |\n\n" \
           "| Name | Phone |\n|---|---|\n| Gemma | |\n"
    by_text = {u.text: u for u in parse_note(text, "n.md").units}
    assert by_text["Month: Sep"].thin and not by_text["Month: Aug | Rent: 1,050 | Fees: 138 | Paid: 779"].thin
    assert not by_text["Name: Gemma"].thin  # (a table of two columns: a name alone is its row)
    # ... nor a row whose first cell is what it says; a row of dashes is one kept for later too (the review)
    text = "| Question | Answer | By |\n|---|---|---|\n| Can we have a cat? | | |\n| Oct | - | – |\n| Passport | | |\n"
    by_text = {u.text: u for u in parse_note(text, "n.md").units}
    assert not by_text["Question: Can we have a cat?"].thin and by_text["Question: Oct | Answer: - | By: –"].thin
    assert not by_text["Question: Passport"].thin


def test_a_list_item_of_two_paragraphs_is_one_unit_with_both():
    note = parse_note("- First line of the item.\n\n  Its second paragraph.\n- Next item\n", "n.md")
    first = note.units[0]
    assert (first.text, first.line, first.end_line) == ("First line of the item.\nIts second paragraph.", 1, 3)
    assert [u.text for u in note.units][1:] == ["Next item"]


def test_a_bare_callout_marker_makes_no_unit():
    assert [u.text for u in parse_note("> [!quote]\n>\n> Said well.\n", "q.md").units] == ["Said well."]


def test_a_callout_title_that_says_something_is_a_passage_too():
    # trial s75 L: "> [!warning] MOT due 16 March 2027 – booked at Kwik Fit" had been only its body's breadcrumb, never
    # a hit; a title that labels its body ("Parking", a question its body answers) heads it alone
    note = parse_note("> [!warning] MOT due 16 March 2027 – booked at Kwik Fit\n> - ring Dave for a lift\n\n"
                      "> [!info] Parking\n> Park by the barn.\n\n> [!faq] What happens for multiple writes now?\n"
                      "> Last one wins.\n\n> [!note] Things to raise at the review (Feb)\n> - her glasses\n", "v.md")
    assert [(u.text, u.parents) for u in note.units] == [
        ("MOT due 16 March 2027 – booked at Kwik Fit", ()),
        ("ring Dave for a lift", ("MOT due 16 March 2027 – booked at Kwik Fit",)),
        ("Park by the barn.", ("Parking",)), ("Last one wins.", ("What happens for multiple writes now?",)),
        ("her glasses", ("Things to raise at the review (Feb)",))]  # (no number: a label, the s74 B rescore)


def test_a_list_nested_by_tabs_in_a_callout_keeps_its_levels():
    text = (">[!tldr] BGP Hijacking\n>This falls into 2 categories:\n>1. **By prefix**: what is announced.\n"
            ">\t1. [[Exact prefix hijacking]]\n>\t2. Sub-prefix hijacking\n>2. **By path**: the AS path.\n"
            ">\t1. Type-0 hijacking\n>\tnot an item\n")
    note = parse_note(text, "general/BGP Hijacking.md")
    items = [(u.depth, u.marker, u.text, u.line) for u in note.units if u.kind == "bullet"]
    assert items == [(1, "1.", "By prefix: what is announced.", 3), (2, "1.", "Exact prefix hijacking", 4),
                     (2, "2.", "Sub-prefix hijacking", 5), (1, "2.", "By path: the AS path.", 6),
                     (2, "1.", "Type-0 hijacking\nnot an item", 7)]
    # a tab before text that is not an item is left as markdown reads it (the item's next line, not code)
    assert not any(u.kind == "code" for u in note.units)
    # a list whose first item is tab-indented sets its own margin; a blank line ends a list
    steps = [(u.depth, u.text, u.parents[0]) for u in parse_note("> [!note] Steps\n>\t- a\n>\t\t- b\n>\t\t- c\n",
                                                                  "s.md").units]
    assert steps == [(1, "a", "Steps"), (2, "b", "Steps"), (2, "c", "Steps")]  # the callout's title heads them
    assert [(u.kind, u.text) for u in parse_note("> - a\n\n>\t- b\n", "t.md").units] == [("bullet", "a"),
                                                                                            ("bullet", "b")]


def test_what_is_nested_under_a_quoted_list_item_is_under_the_quote():
    # "- > a quote" then "  - my take": the take comments on the quote, as the app shows it nested there
    note = parse_note("- > Simplicity is prerequisite for reliability.\n  - my take: fewer moving parts\n- next\n",
                      "r.md")
    assert [(u.kind, u.text, u.parent, u.parents) for u in note.units] == [
        ("quote", "Simplicity is prerequisite for reliability.", None, ()),
        ("bullet", "my take: fewer moving parts", 0, ("Simplicity is prerequisite for reliability.",)),
        ("bullet", "next", None, ())]
    # a Logseq block that is a callout or a #+BEGIN_QUOTE: its child blocks are under it
    page = parse_note("title:: X\n\n- > [!tip] Shortcut\n  > press ctrl k\n\t- works in every editor\n"
                      "- #+BEGIN_QUOTE\n  Another quote.\n  #+END_QUOTE\n\t- comment two\n", "pages/X.md")
    assert [(u.text, u.parents) for u in page.units] == [
        ("press ctrl k", ("Shortcut",)), ("works in every editor", ("press ctrl k",)),
        ("Another quote.", ("Quote",)), ("comment two", ("Another quote.",))]
    # two callouts in one block are both the block's: the second is not under the first
    two = parse_note("title:: X\n\n- Update\n\t- #+BEGIN_WARNING\n\t  Back up first\n\t  #+END_WARNING\n"
                     "\t  #+BEGIN_IMPORTANT\n\t  No return\n\t  #+END_IMPORTANT\n", "pages/X.md")
    assert [(u.text, u.parents) for u in two.units] == [
        ("Update", ()), ("Back up first", ("Update", "Warning")), ("No return", ("Update", "Important"))]


def test_a_pictures_alt_text_that_only_names_its_file_is_not_text():
    text = ("1. *safety*: the VMM is in control of the system resources.\n![Vmm](../images/vmm.png)\n\n"
            "See ![Process Vs Thread](../images/process_vs_thread.png) and ![a monitor between two VMs](vmm%202.png)\n")
    texts = [" ".join(u.text.split()) for u in parse_note(text, "general/VMM.md").units]
    assert texts == ["safety: the VMM is in control of the system resources.", "See and a monitor between two VMs"]


def test_code_after_a_list_whose_last_item_introduces_it_is_shown_with_that_item():
    text = ("# Runbook\n\n1. Freeze deploys.\n2. Take a snapshot of MySQL: run this:\n\n```bash\nmysqldump billing\n"
            "```\n\n- Done.\n\n```\nno intro\n```\n")
    units = parse_note(text, "r.md").units
    code = [u for u in units if u.kind == "code"]
    assert code[0].intro == "Take a snapshot of MySQL: run this:" and code[1].intro == ""


def test_task_items_read_as_their_checkboxes_and_are_found_as_tasks():
    note = parse_note("- [ ] Call the plumber\n- [x] Pay council tax\n- [y] not a task\n", "list.md")
    assert [u.text for u in note.units] == ["☐ Call the plumber", "☑ Pay council tax", "[y] not a task"]
    chunks = chunk_note(note)
    assert "task todo open" in chunks[0].keywords and "task done" in chunks[1].keywords
    assert "task todo" not in chunks[2].keywords and "task done" not in chunks[2].keywords
    # the Tasks plugin's priorities
    urgent, low = chunk_note(parse_note("- [ ] Renew passport \u23eb\n- [ ] Sort shed \U0001f53d\n", "t.md"))
    assert "priority high" in urgent.keywords and "priority low" in low.keywords
    # code a task item introduces is code, not a task
    code = chunk_note(parse_note("- [ ] run this:\n\n  ```\n  make deploy\n  ```\n", "t.md"))[-1]
    assert code.kind == "code" and "task" not in code.keywords


def test_footnotes_are_not_text_where_they_are_referenced_and_are_paragraphs_where_defined():
    text = ("## Why We Sleep[^walker]\n\nThe homelab costs 115 EUR a year.[^power]\n\n"
            "[^power]: Measured with a plug meter.\n[^walker]: Matthew Walker, 2017.\n")
    note = parse_note(text, "sleep.md")
    assert [u.text for u in note.units] == ["The homelab costs 115 EUR a year.", "Measured with a plug meter.",
                                            "Matthew Walker, 2017."]  # each where it is written
    assert note.units[0].heading == ("Why We Sleep",)
    assert {u.text: u.line for u in note.units}["Measured with a plug meter."] == 5
    assert note.text_chars == sum(visible_chars(u.text) for u in note.units) + len("WhyWeSleep")
    # under its own heading; one nothing refers to is kept; ^[...] is no footnote (a regex in prose)
    units = parse_note("# A\n\ntext[^n]\n\n[^n]: under A\n\n# B\n\nmore\n", "n.md").units
    assert [(u.text, u.heading) for u in units] == [("text", ("A",)), ("under A", ("A", "Footnote n")),
                                                    ("more", ("B",))]
    assert [u.text for u in parse_note("[^1]: Kleppmann, DDIA ch. 5.\n", "n.md").units] == ["Kleppmann, DDIA ch. 5."]
    assert [u.text for u in parse_note("Use the regex ^[a-z]+$ to match\n", "n.md").units] == [
        "Use the regex ^[a-z]+$ to match"]


def test_a_line_of_only_wikilinks_is_thin():
    note = parse_note("<< [[2026-11-11]] | [[2026-11-13]] >>\n\n- [[Recipes]]\n- [[Recipes]] I cooked twice\n",
                      "Daily/2026-11-12.md")
    assert [(u.text, u.thin) for u in note.units] == [("Recipes", True), ("Recipes I cooked twice", False)]
    note = parse_note("[[2026-11-11]] · [[2026-11-13]]\n", "Daily/2026-11-12.md")  # (the << >> line is no passage)
    assert [(u.text, u.thin) for u in note.units] == [("2026-11-11 · 2026-11-13", True)]
    # trial E: a lecture's "Next: [[...]]" line came first for the topic it names; a sentence with a link stays
    note = parse_note("Next: [[Lecture 12 - Stationary Distributions]]\n\n- see also [[CAP theorem]]\n"
                      "- Prev lecture: [[Lecture 10]]\n- Kleppmann argues against [[CAP theorem]]\n", "Lecture 11.md")
    assert [u.thin for u in note.units] == [True, True, True, False]
    # ... "Back to", "Linked:" (trial s65 J: "Back to [[Psychiatry]]" had come first for the Mental Health Act)
    note = parse_note("Back to [[Psychiatry]]\n\n- Linked: [[Gentamicin]]\n- Links: [[Ottawa rules]], [[A&E]]\n"
                      "- back pain: [[Low back pain]] red flags\n", "MHA.md")
    assert [u.thin for u in note.units] == [True, True, True, False]
    # ... "Compare:", "last year:", links joined by "and" after "see also" (trials s91 I, L: each had come first over the
    # note it names); not a field's label ("Owner: [[Jo Hussain]]", a fact), nor links a sentence joins
    note = parse_note("- Compare: [[Fred Whitton 2029]]\n- last year: [[Summer Fete 2029]]\n- Owner: [[Jo Hussain]]\n"
                      "- See also [[How to/Respond]] and [[Planning Committee]]\n- call [[Bob]] and [[Sue]]\n"
                      "- This year: [[Mrs Khan]]\n", "F.md")  # (another year's teacher, a fact: the review)
    assert [u.thin for u in note.units] == [True, True, False, True, False, False]
    # ... and a few words of the links' own names before them (trial s52: "clubs → [[Clubs#Sam]]" had come first for
    # "what clubs does sam do", above the list it points to); other words beside a link stay a passage
    note = parse_note("- sizes → [[Sizes]]\n- clubs → [[Clubs#Sam]]\n- Clubs: [Clubs](clubs.md)\n"
                      "- swimming → [[Clubs#Ella|her clubs]]\n- clubs are fun [[Clubs]]\n", "Kids/Sam.md")
    assert [u.thin for u in note.units] == [True, True, True, False, False]
    # ... and names no table or list under it (trial s66 J: every row of a session log's table had been under "back to
    # Alfie Brennan" in its breadcrumb)
    note = parse_note("# Alfie - session log\nback to [[Alfie Brennan]]\n\n| Date | Focus |\n|---|---|\n"
                      "| 04/02/26 | k isolation |\n\nSee also [[Speech sounds]]\n- minimal pairs\n", "Alfie log.md")
    assert [(u.text, u.parents) for u in note.units if not u.thin] == [("Date: 04/02/26 | Focus: k isolation", ()),
                                                                      ("minimal pairs", ())]
    # ... nor a line that says something and points on to a note, set apart (trial s79 N: "New rota started today →
    # [[Staff Rota Autumn 2027]]" had been the parent of every bullet of the day's note); right above, a label still
    note = parse_note("# Mon 6 Sept\n\nNew rota started today → [[Staff Rota]]\n\n- complaint logged\n\n"
                      "Rota -> [the rota](rota.md)\n\n- swapped Mon 13th\n\nThings to chase:\n\n- script\n", "Daily/d.md")
    assert [u.parents for u in note.units if u.kind == "bullet"] == [(), (), ("Things to chase",)]


def test_a_query_block_is_no_passage_other_code_is():
    text = ("Open tasks:\n\n```dataview\nTASK FROM \"Daily\"\n```\n\n```python\nprint(1)\n```\n\n``` \nplain\n```\n\n"
            "- due soon\n  ```tasks\n  not done\n  due before 2026-10-26\n  ```\n")
    note = parse_note(text, "Home.md")
    # the app shows what a query finds, never its text (trial U: "due before 2026-10-26" had answered day questions)
    assert [u.text for u in note.units if u.kind == "code"] == ["print(1)", "plain"]
    without = "Open tasks:\n\n```python\nprint(1)\n```\n\n``` \nplain\n```\n\n- due soon\n"
    assert note.text_chars == parse_note(without, "h.md").text_chars  # nor notes text not indexed


def test_an_excalidraw_drawing_is_the_words_written_in_it():
    text = ("---\n\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n\n---\n==⚠  Switch to EXCALIDRAW VIEW ⚠== You can "
            "decompress Drawing data\n\n\n# Excalidraw Data\n\n## Text Elements\nOPNsense firewall ^Rt9kL0mN\n\n"
            "VLAN 20 IoT ^Vl5tU6vW\n\n## Embedded Files\nab12: [[router-photo.png]]\n\n%%\n## Drawing\n"
            "```compressed-json\nN4KAkARALgngDg\n```\n%%\n")
    note = parse_note(text, "Excalidraw/Network Diagram.excalidraw.md")
    assert note.title == "Network Diagram" and note.tags == ("excalidraw",)
    assert [u.text for u in note.units] == ["OPNsense firewall", "VLAN 20 IoT"]
    assert note.units[1].line == 15  # lines stay where they were
    # an older plugin's "# Text Elements"; a tag or a "# Title" written in the drawing is its text
    old = ("---\nexcalidraw-plugin: parsed\n---\n# Text Elements\n#idea Solar roof ^a1\n\n# Big plan ^a2\n\n"
           "Battery in the garage ^a3\n\n# Drawing\n```json\n{}\n```\n")
    units = parse_note(old, "Plan.excalidraw.md").units
    assert [(u.text, u.heading) for u in units] == [("#idea Solar roof", ()), ("Battery in the garage", ("Big plan",))]
    # a note that only mentions the plugin is a note
    assert [u.text for u in parse_note("---\ntags: [x]\n---\nexcalidraw-plugin: is great\n", "n.md").units] == \
        ["excalidraw-plugin: is great"]


def test_a_generic_type_written_in_prose_is_text_not_html():
    text = "A List<String> and a List<Integer> are one class at run time. A <b>bold</b> word.\n"
    assert parse_note(text, "til.md").units[0].text == \
        "A List<String> and a List<Integer> are one class at run time. A bold word."


def test_what_was_written_inside_a_word_or_between_angle_brackets_is_kept():
    # markdown would render these as bold "init", italic "6" and an unknown HTML tag, losing what was written
    text = ("* kubectl logs <pod-name> -n prod --previous\n* needs __init__.py in src/app/\n"
            "* quick math: 8*6*30 = 1440\n* **Fix**: it. And **bold**. <b>html</b>, <br> <!-- hidden -->\n")
    assert [u.text for u in parse_note(text, "n.md").units] == [
        "kubectl logs <pod-name> -n prod --previous", "needs __init__.py in src/app/", "quick math: 8*6*30 = 1440",
        "Fix: it. And bold. html,"]


def test_stars_around_letters_in_a_word_are_emphasis():
    # a mnemonic's bold first letters, as the app shows them (found by "confusion"); underscores and digits stay
    text = ("* **C**onfusion (AMT ≤ 8)\n* **O**sler's nodes are **O**uch\n* my_var, 2*3*4, a*b*c, O(n*m*k), "
            "file_*name*.txt, **kwargs\n* これは**重要**です\n"
            '* my mistake: "me gusta las tapas" → me gust**an** (plural!)\n')
    assert [u.text for u in parse_note(text, "n.md").units] == [
        "Confusion (AMT ≤ 8)", "Osler's nodes are Ouch", "my_var, 2*3*4, a*b*c, O(n*m*k), file_*name*.txt, **kwargs",
        "これは重要です",  # (words without spaces between them: bold, as the app shows it)
        'my mistake: "me gusta las tapas" → me gustan (plural!)']  # ... and a word's last letters (trial s60 UD)


def test_a_bold_run_with_a_star_inside_keeps_its_star():
    # trial s79 AF: "Molly: **A*, A, B**" (A-level grades) had read "Molly: A, A, B*", markdown's two italics
    text = "* Molly: **A*, A, B** (Bio A*)\n* got **A*** in maths\n* *it* and ***both***\n"
    assert [u.text for u in parse_note(text, "n.md").units] == ["Molly: A*, A, B (Bio A*)", "got A* in maths",
                                                                "it and both"]


def test_a_code_fences_language_is_its_first_word_of_a_languages_letters():
    from notesqa.units import fence_language

    # the review: "{r setup}" had been kept as "{r", which fenced the code unbalanced
    assert [fence_language(i) for i in ("python", "python {.line-numbers}", "{r setup, include=FALSE}", "{r}",
                                        "{.python .numberLines}", "js:title=a.js", "`weird`", "", None)] == [
        "python", "python", "r", "r", "python", "js", "", "", ""]
    note = parse_note("Run:\n\n```{r setup}\nlibrary(x)\n```\n", "r.md")
    assert [u.lang for u in note.units if u.kind == "code"] == ["r"]


def test_inline_code_is_shown_as_code_with_its_spaces():
    # where a command or an error starts and ends is part of what the note says
    note = parse_note("* saw `FATAL:  sorry, too many clients` in logs\n* switch: `kubectx prod` or `kubectl config`\n"
                      "* a tick: `` `x` ``\n", "n.md")
    assert [u.text for u in note.units] == ["saw `FATAL:  sorry, too many clients` in logs",
                                            "switch: `kubectx prod` or `kubectl config`", "a tick: `` `x` ``"]
    # the model reads it without the ticks (they are for the reader), code blocks as written
    chunks = chunk_note(parse_note("# T\n\nRun `npm audit`:\n\n```\n% npm audit `x`\n```\n", "n.md"))
    assert chunks[0].text == "Run `npm audit`:" and chunks[0].embed == "T: Run npm audit:"
    assert chunks[1].embed == "T: Run npm audit:\n% npm audit `x`"


def test_a_paragraph_of_records_is_read_line_by_line_as_obsidian_shows_it():
    from notesqa.units import parse_markdown

    note = parse_markdown("# Deck #flashcards\n\nKoplik spots::Measles\nSlapped cheek::Parvovirus B19\nCapital of France?:::Paris\n\n"
                          "Q: Antidote for heparin?\nA: Protamine\nQ: Antidote for digoxin?\nA: DigiFab\n\n"
                          "Systolic: ASMR\nDiastolic: ARMS\n\n"
                          "A wrapped sentence says this: one thing\nand goes on here.\n", "deck.md")
    got = [(u.line, u.end_line, u.text) for u in note.units]
    assert got[:7] == [(3, 3, "Koplik spots → Measles"), (4, 4, "Slapped cheek → Parvovirus B19"),
                       (5, 5, "Capital of France? ↔ Paris"),  # a card both ways
                       (7, 8, "Q: Antidote for heparin?\nA: Protamine"), (9, 10, "Q: Antidote for digoxin?\nA: DigiFab"),
                       (12, 12, "Systolic: ASMR"), (13, 13, "Diastolic: ARMS")]
    assert [u.text for u in note.units[7:]] == ["A wrapped sentence says this: one thing\nand goes on here."]
    deck = "#flashcards\n\n- Koplik spots::Measles\n- `a::b` stays\n"
    assert [u.text for u in parse_markdown(deck, "d.md").units][-2:] == [
        "Koplik spots → Measles", "`a::b` stays"]  # a card in a list too
    # a card is read as the plugin reads one: in a note of cards, not "ActiveRecord::Base" in prose (the review)
    assert [u.text for u in parse_markdown("# Rails\n\nIn Rails we call ActiveRecord::Base here.\n\n"
                                           "std::vector is a container\n", "r.md").units] == [
        "In Rails we call ActiveRecord::Base here.", "std::vector is a container"]


def test_a_paragraph_of_a_weeks_lines_is_read_line_by_line():
    # trial s49: a meal plan's "Mon - veggie chilli" ... "Sun - roast beef" had read as one sentence
    from notesqa.units import parse_markdown

    note = parse_markdown("Meal plan\n\nMon - veggie chilli (Quorn)\nTue: fish pie\nWednesday - leftovers\n\n"
                          "Monday night we went out\nand had curry.\n", "plan.md")
    assert [(u.line, u.text) for u in note.units][1:] == [
        (3, "Mon - veggie chilli (Quorn)"), (4, "Tue: fish pie"), (5, "Wednesday - leftovers"),
        (7, "Monday night we went out\nand had curry.")]


def test_a_definition_lists_entry_reads_as_a_glossarys_term_and_meaning():
    from notesqa.units import parse_markdown

    # Pandoc's, PHP Markdown Extra's and MkDocs' def_list syntax (trial HV's Glossary: shown as "Alias : Another ...")
    note = parse_markdown("# Glossary\n\n**Alias**\n: Another name for a note.\n\nApple\n: a fruit\n:   a company\n\n"
                          "A sentence wraps\nwith no meaning line.\n\nRatio\n:3 is a smiley, not a meaning\n", "g.md")
    assert [(u.line, u.end_line, u.text) for u in note.units] == [
        (3, 4, "Alias — Another name for a note."), (6, 8, "Apple — a fruit; a company"),
        (10, 11, "A sentence wraps\nwith no meaning line."), (13, 14, "Ratio\n:3 is a smiley, not a meaning")]
    # not a command or a smiley after a line (the recheck: "Save and quit" then ": wq" read "Save and quit — wq")
    for text in ("Save and quit\n: wq\n", "Nice\n: )\n"):
        assert parse_markdown(text, "v.md").units[0].text == text.strip()
    # meanings that end a sentence run on as sentences
    assert parse_markdown("Toil\n: Manual work that scales with traffic.\n: Also: repetitive work.\n", "t.md").units[0].text \
        == "Toil — Manual work that scales with traffic. Also: repetitive work."


def test_a_list_item_that_starts_with_a_greater_than_sign_and_a_number_says_more_than():
    from notesqa.units import parse_markdown

    note = parse_markdown("- K+ by level:\n    - > 5.5 mmol/L: none\n    - >= 6.5: stop\n- > a quote\n\n> 5 quoted\n", "d.md")
    assert [(u.kind, u.text) for u in note.units] == [("bullet", "K+ by level:"), ("bullet", "> 5.5 mmol/L: none"),
                                                     ("bullet", ">= 6.5: stop"), ("quote", "a quote"),
                                                     ("quote", "5 quoted")]  # a quote stays one


def test_an_interview_reads_turn_by_turn_each_question_with_its_answer():
    from notesqa.units import parse_markdown

    note = parse_markdown("# Interview\n\nQ: What was the foreman like?\nMARIA: Monsieur Lefebvre. He fined\nthe girls "
                          "for singing.\nQ: And the strike?\nMARIA: My mother was out\nfor seventy-two days.\n", "i.md")
    assert [(u.line, u.end_line, u.text) for u in note.units] == [
        (3, 5, "Q: What was the foreman like?\nMARIA: Monsieur Lefebvre. He fined the girls for singing."),
        (6, 8, "Q: And the strike?\nMARIA: My mother was out for seventy-two days.")]
    assert chunk_note(note)[0].text.split("\n")[1].startswith("MARIA:")  # shown: the answer on a line of its own


def test_a_footnote_definition_is_under_its_footnote_not_the_last_heading():
    from notesqa.units import parse_markdown

    note = parse_markdown("# Strike\n\nThe award was signed.[^1]\n\n## Ending\n\nBack to work.[^src]\n\n"
                          "[^1]: ADN 1 J 1021, minutes of 6 February.\n[^src]: Quoted in Le Journal.\n", "s.md")
    assert [(u.heading, u.text) for u in note.units][2:] == [  # under the section that refers to it
        (("Strike", "Footnote 1"), "ADN 1 J 1021, minutes of 6 February."),
        (("Strike", "Ending", "Footnote src"), "Quoted in Le Journal.")]


def test_a_roam_export_reads_as_roam_shows_it():
    from notesqa.chunking import task_state
    from notesqa.ui.sources import readable_source

    page = ("- Monday planning\n    - \n- {{[[TODO]]}} Book the usability lab\n- {{[[DONE]]}} Send notes to Lena\n"
            "    - {{TODO}} a nested one\n- Evidence: ((zA3hq9fv2))\n- \n- Standup: the OAuth fix ships Thursday\n"
            "\n```\n{{[[TODO]]}} in code stays\n```\n")
    note = parse_note(page, "November 30th, 2026.md")
    units = {u.text: u for u in note.units}
    # an empty block ("- ") is no setext underline: the block above it is no heading, the next one is read
    assert units["Monday planning"].heading == () and "Standup: the OAuth fix ships Thursday" in units
    assert [task_state(t) for t in ("☐ Book the usability lab", "☑ Send notes to Lena", "☐ a nested one")] == [
        "open", "done", "open"] and {"☐ Book the usability lab", "☑ Send notes to Lena", "☐ a nested one"} <= set(units)
    assert "Evidence:" in units and any("((zA3hq9fv2))" in lost for lost in note.lost)  # said, not shown
    assert units["{{[[TODO]]}} in code stays"].kind == "code"
    assert note.date == "2026-11-30"  # a daily page named by its day
    assert parse_note("# Notes\n\nTitle para\n-\n", "t.md").units == []  # a "-" under a paragraph: still a heading
    shown = readable_source(page)
    assert "- ☐ Book the usability lab" in shown and "{{[[DONE]]}}" not in shown  # as the index reads it
    assert shown.split("\n")[1] == ""  # the empty block blank, every line in its place


def test_a_roam_embed_shows_the_page_it_embeds(tmp_path):
    from notesqa.vault import Vault

    (tmp_path / "Project.md").write_text("- Atlas\n    - {{embed: [[Metrics]]}}\n- {{[[embed]]: ((zA3hq9fv2))}}\n")
    (tmp_path / "Metrics.md").write_text("- Guardrail metric: support tickets per 100 admins\n")
    vault = Vault(tmp_path, ["Project.md", "Metrics.md"])
    note = parse_note((tmp_path / "Project.md").read_text(), "Project.md", vault)
    embedded = next(u for u in note.units if u.origin)
    assert embedded.text.startswith("Guardrail metric") and embedded.parents == ("Atlas", "Metrics")
    assert any("((zA3hq9fv2))" in lost for lost in note.lost)  # a block the export cannot resolve: said


def test_a_title_from_a_file_name_reads_its_escaped_slash():
    from notesqa.metadata import title_from_filename

    assert title_from_filename("Critique%2FCheckout flow v3.md") == "Critique/Checkout flow v3"
    assert title_from_filename("100% done.md") == "100% done"


def test_a_heading_in_a_list_item_is_that_items_text_not_a_section():
    text = ("# Project Atlas\n\n- ## All Atlas tasks\n    - Book the lab\n- Notes on tone: warm but brief\n\n"
            "## Real section\n\n- under the real one\n")
    units = {u.text: u for u in parse_note(text, "Project Atlas.md").units}
    assert units["Book the lab"].parents == ("All Atlas tasks",)  # the item heads its children ...
    assert "All Atlas tasks" not in units["Notes on tone: warm but brief"].heading  # ... not the blocks after it
    assert units["under the real one"].heading[-1] == "Real section"


def test_a_tag_line_under_a_paragraph_or_item_is_the_notes_tags_not_its_text():
    from notesqa.textchars import note_text_chars

    text = "# Journal\n\n- [ ] Reply to Ana about the summer\n#journal\n\nA paragraph.\n#book notes# #reading\n"
    note = parse_note(text, "Journal 2024-01-01.md")
    assert [u.text for u in note.units] == ["☐ Reply to Ana about the summer", "A paragraph."]
    assert {"journal", "book notes", "reading"} <= set(note.tags)
    assert note_text_chars(text) == note_text_chars("# Journal\n\n- [ ] Reply to Ana about the summer\n\nA paragraph.\n")


def test_a_tag_line_over_a_paragraph_is_the_notes_tags_and_the_paragraph_starts_below_it():
    # a deck of flashcards tagged on the line above its first card (Obsidian's Spaced Repetition plugin)
    text = "# Renal\n\n#flashcards/renal\nFirst drug in hyperkalaemia with ECG changes::calcium gluconate\n\n#only #tags\n"
    note = parse_note(text, "Renal.md")
    (card,) = note.units
    assert card.text == "First drug in hyperkalaemia with ECG changes → calcium gluconate" and card.line == 4
    assert {"flashcards/renal", "only", "tags"} <= set(note.tags)
    # over a paragraph that is no card, a tag line labels it: its text (found by "kubernetes", the recheck)
    log = parse_note("# Ops log\n\n#kubernetes\nRolled back the payments release.\n", "Ops log.md")
    assert [(u.line, " ".join(u.text.split())) for u in log.units] == [(3, "#kubernetes Rolled back the payments release.")]


def test_a_web_pages_furniture_in_a_clipped_article_is_thin():
    from notesqa.units import boilerplate

    note = parse_note("# Sourdough guide\n\nSkip to content | Home | Recipes\n\nFeed the starter twice a day.\n\n"
                      "© 2021 Example Media. All rights reserved.\n", "clip.md")
    assert [(u.text, u.thin) for u in note.units] == [("Skip to content | Home | Recipes", True),
                                                      ("Feed the starter twice a day.", False),
                                                      ("© 2021 Example Media. All rights reserved.", True)]
    for own in ("Copyright law protects original works.", "Cookies are best baked at 180C.",
                "Share this doc with the team", "Subscribe to the magazine", "We use cookie cutters for the biscuits"):
        assert not boilerplate(own), own
    # trial EV's clip: a shop's and a cookie banner's lines, an HTML block of them too
    for page in ("We use cookies to give you the best experience.", "Subscribe", "Shop the look: Ceramic pot – £24.99",
                 "By continuing to browse you agree to our cookie policy.",
                 # trial s46's clippings
                 "Subscribe to the Review — Get the best of First Round Review in your inbox",
                 "Log in to comment | 12 comments", "Related Articles: Why pricing fails / Free Newsletter",
                 "The King's Fund is an independent charity. Donate | Newsletter sign-up",
                 "Find more content like this on the McKinsey Insights App", "Home » Blog » Onboarding"):
        assert boilerplate(page), page
    # a person's own lines (the review)
    for own in ("Subscribe to the idea that less is more", "home > office move", "Fix the broken newsletter signup",
                "Related reading: Kahneman, Thinking Fast and Slow ch. 3", "Home › Settings › Privacy, then turn it off",
                "Subscribe to the Economist – £99 a year, cancel before March", "12 comments"):
        assert not boilerplate(own), own
    html = parse_note('<div><b>Shop the look:</b>&nbsp;<a href="https://x.co/p">Ceramic pot 25cm</a></div>\n', "c.md")
    assert [(u.text, u.thin) for u in html.units] == [("Shop the look: Ceramic pot 25cm", True)]


def test_a_templates_unfilled_placeholder_is_thin():
    # trial s38: "Definition here", in 61 notes of the shared Obsidian vault, had come first for "bias variance tradeoff"
    from notesqa.units import boilerplate

    note = parse_note("# Law of large numbers\n\n>Definition here\n\n- the sample mean converges to the mean\n", "l.md")
    assert [(u.text, u.thin) for u in note.units] == [("Definition here", True),
                                                      ("the sample mean converges to the mean", False)]
    for own in ("The definition here is the textbook's", "Notes here and there about cats", "Here is the summary"):
        assert not boilerplate(own), own
    for placeholder in ("Add notes here.", "Your notes go here", "Description here:", "Lorem ipsum dolor sit amet"):
        assert boilerplate(placeholder), placeholder


def test_a_plain_text_notes_first_line_is_its_title_only_when_it_is_its_name():
    named = parse_note("Packing list\n\npassport, charger\n", "Packing list.txt")
    assert [u.text for u in named.units] == ["passport, charger"] and named.units[0].line == 3
    unnamed = parse_note("passport, charger\n", "Packing list.txt")
    assert [u.text for u in unnamed.units] == ["passport, charger"]
    # ... in markdown too: Apple Notes and Simplenote exports write a note as its name, then its lines (trial EV: an
    # address had run into one passage with the name glued on); a line per thing, as the app shows them
    exported = parse_note("Crème brûlée\n500ml double cream\nBain-marie 150°C for 35 min\n", "Recipes/Crème brûlée.md")
    assert [(u.kind, u.text, u.line) for u in exported.units] == [("bullet", "500ml double cream", 2),
                                                                  ("bullet", "Bain-marie 150°C for 35 min", 3)]
    assert exported.units[0].heading == ("Crème brûlée",)
    assert [u.text for u in parse_note("Packing list\n\npassport\n", "Packing list.md").units] == ["passport"]
    # a note with code is markdown: its indented block stays one block (the recheck)
    deploy = parse_note("Deploy notes\nSet these first:\n\n    DB_HOST: db\n    DB_PORT: 5432\n", "Deploy notes.md")
    assert [u.kind for u in deploy.units][-1] == "code" and "DB_PORT: 5432" in deploy.units[-1].text
    assert parse_note("# Plan\nPlan the week\n", "Plan.md").units[0].text == "Plan the week"  # a heading: as written
    # ... and so is a note whose headings are underlined, its first its name (trial s47: read as plain text, the
    # "=====" and "-----" lines had been passages and "Results" no heading)
    setext = parse_note("Invoice PDF service\n===================\n\nIntro.\n\nResults\n-------\n\n"
                        "- p95 render went from 3.9s to 0.41s\n", "invoice-pdf-service.md")
    assert [(u.text, u.heading) for u in setext.units] == [
        ("Intro.", ("Invoice PDF service",)), ("p95 render went from 3.9s to 0.41s", ("Invoice PDF service", "Results"))]
    # ... not a plain note's lines set apart by "---" (the review: "Groceries milk eggs" had become a heading)
    plain = parse_note("Groceries\nmilk\neggs\n---\nHardware store\nscrews\n", "Groceries.md")
    assert [u.text for u in plain.units][:2] == ["milk", "eggs"]
    # ... and with "-" alone (the second review: "Results" over "-------" had been text again)
    dashed = parse_note("Invoice PDF service\n\nIntro.\n\nResults\n-------\n\n- p95 down\n", "invoice-pdf-service.md")
    assert dashed.units[-1].heading == ("Results",)


def test_a_plain_text_notes_lines_are_read_as_its_app_shows_them():
    # trial C: a line-per-item list ran into one passage; hard-wrapped prose must stay one paragraph
    note = parse_note("Birthdays\nMum - 12 April\nJonas - 3 November\n\n"
                      "The quarterly budget review found that the marketing spend rose by\n"
                      "+ 19% VAT on imported goods, which we had not planned for in March and\n"
                      "that is why we asked for a review of the suppliers next quarter.\n", "Family.txt")
    texts = [u.text for u in note.units]
    assert "Mum - 12 April" in texts and "Jonas - 3 November" in texts
    mum = next(u for u in note.units if u.text == "Mum - 12 April")
    assert mum.line == 2 and "Birthdays" in mum.parents
    prose = next(t for t in texts if t.startswith("The quarterly"))
    assert "by + 19% VAT on imported goods" in " ".join(prose.split())  # one paragraph, no "- 19% VAT" item
    # The Archive's title line after the note's ID is its title; markdown in a .txt note is read as markdown
    archive = parse_note("Forgetting curve\n\nMemory decays fast after learning.\n", "202104021530 Forgetting curve.txt")
    assert [u.text for u in archive.units] == ["Memory decays fast after learning."]
    md = parse_note("# Plan\n- one\n- two\n", "Plan.txt")
    assert [u.text for u in md.units] == ["one", "two"]
    # a list whose first line is an item, not a label
    books = parse_note("The Dispossessed - Le Guin\nPiranesi\nA Pattern Language (recommended by Tom)\n", "Books.txt")
    assert [u.text for u in books.units] == ["The Dispossessed - Le Guin", "Piranesi",
                                             "A Pattern Language (recommended by Tom)"]
    # a dump of many short lines (a phone's notes.txt) stays paragraphs: its lines would crowd out other notes
    dump = parse_note("\n\n".join(f"Errands {i}\ncall the bank\nbuy milk" for i in range(20)), "notes.txt")
    assert len(dump.units) == 20 and not any(u.kind == "bullet" for u in dump.units)


def test_a_heading_with_nothing_under_it_is_no_passage():
    # a weekly review's empty "## What went well" (a template's slot) had been a passage of each week's note, and
    # three of them answered "what went well in week 40?" before the week that says it (trial s41)
    text = "# 2024-W39\n\n## What went well\n\n## What did not\n\n- the deploy slipped\n"
    assert [(u.text, u.heading) for u in parse_note(text, "2024-W39.md").units] == [
        ("the deploy slipped", ("2024-W39", "What did not"))]


def test_a_heading_on_a_later_line_of_a_list_item_is_a_line_of_its_text_not_a_section_after_it():
    text = ("# Sprint 14\n\n- Retro with the platform team\n  ## Decided to freeze the billing schema\n"
            "  Ana owns the migration plan\n- Lunch order for Friday\n")
    note = parse_note(text, "Sprint.md")
    assert [(u.text, u.heading) for u in note.units] == [
        ("Retro with the platform team\nDecided to freeze the billing schema\nAna owns the migration plan",
         ("Sprint 14",)),
        ("Lunch order for Friday", ("Sprint 14",))]  # (it had been under "Decided to freeze ...")


def test_a_table_right_under_a_list_is_a_table_not_lines_of_the_item_above():
    # trial s64 N: "- details: [[Ongoing service proposition]]" then "| Tier | % p.a. | ..." with no blank line had
    # shown the table's pipes and "|---|---|" as the item's lines; its rows keep the note's lines
    text = ("## Ongoing service\n- details: [[Ongoing service proposition]]\n| Tier | % p.a. |\n|---|---|\n"
            "| Tier 1 | 0.5% |\n| Tier 2 | 0.75% |\n\n- Paid monthly\n")
    note = parse_note(text, "Fee schedule.md")
    assert [(u.kind, u.text, u.line) for u in note.units] == [
        ("bullet", "details: Ongoing service proposition", 2), ("table_row", "Tier: Tier 1 | % p.a.: 0.5%", 5),
        ("table_row", "Tier: Tier 2 | % p.a.: 0.75%", 6), ("bullet", "Paid monthly", 8)]
    # ... not a line with pipes that starts no table (no delimiter row under it)
    assert [u.text for u in parse_note("- a\n| b | c |\n", "t.md").units] == ["a\n| b | c |"]


def test_a_bold_label_right_after_a_list_labels_the_next_list_not_the_item_above():
    # trial s47: a 1:1 template's "**My topics**" right under the last of "Their topics" had been read as that item's
    # end (CommonMark's lazy line), and every later item as under "Their topics"; the lines stay the note's
    text = ("# 1:1\n\n**Their topics**\n- frustrated w/ design bandwidth\n**My topics**\n- calibration is Dec 14\n"
            "**Action items**\n- send doc\n\nlast para\n")
    note = parse_note(text, "a.md")
    assert [(u.text, u.line, u.parents) for u in note.units] == [
        ("Their topics", 3, ()), ("frustrated w/ design bandwidth", 4, ("Their topics",)), ("My topics", 5, ()),
        ("calibration is Dec 14", 6, ("My topics",)), ("Action items", 7, ()), ("send doc", 8, ("Action items",)),
        ("last para", 10, ())]
    # ... not one inside code, nor a line of the item indented under it
    code = parse_note("```\n- x\n**y**\n```\n\n- a\n  **still a**\n", "b.md")
    assert [u.text for u in code.units] == ["- x\n**y**", "a\nstill a"]
    # ... nor one before an item numbered on, which could not open a list after it (the review: "2." and "3." had
    # been joined to it); a list numbered from 1 after it is its list
    steps = parse_note("1. Stop the service\n**Important**\n2. Drain the queue\n3. Restart\n", "s.md")
    assert [u.text for u in steps.units][1:] == ["Drain the queue", "Restart"]
    labelled = parse_note("- a\n**Then**\n1. one\n2. two\n", "t.md")
    assert [(u.text, u.parents) for u in labelled.units][2:] == [("one", ("Then",)), ("two", ("Then",))]


def test_a_list_items_text_after_its_code_follows_the_code_not_its_first_line():
    # trial s47: "3. Force failover from the console **or**:", its code, then "Takes 60-120s." had been read as
    # "... or: Takes 60-120s." over the code, as if waiting were the other way
    note = parse_note("## Steps\n\n1. Check the primary first.\n2. Force failover from the console **or**:\n"
                      "   ```sh\n   aws rds reboot-db-instance --force-failover\n   ```\n"
                      "   Takes 60-120s. The DNS name stays the same.\n3. Check apps.\n", "r.md")
    assert [(u.kind, u.text, u.line, u.parent) for u in note.units] == [
        ("bullet", "Check the primary first.", 3, None), ("bullet", "Force failover from the console or:", 4, None),
        ("code", "aws rds reboot-db-instance --force-failover", 5, 1),
        ("paragraph", "Takes 60-120s. The DNS name stays the same.", 8, 1), ("bullet", "Check apps.", 9, None)]
    # ... a later paragraph of an item with no code before it is still the item's
    plain = parse_note("- Force failover\n\n  Takes 60-120s.\n", "p.md")
    assert [u.text for u in plain.units] == ["Force failover\nTakes 60-120s."]


def test_a_paragraphs_own_line_breaks_are_kept_and_prose_wrapped_at_a_width_is_one_line():
    # trial s51: a leek note's two varieties, a line each, had been run into one line ("... harvest Nov-Mar Bandit -
    # blue-green ..."), as Obsidian and a plain editor do not show them
    from notesqa.units import set_lines

    note = parse_note("Leeks\n\nMusselburgh - hardy, stands all winter, harvest Nov-Mar\nBandit - blue-green, very "
                      "hardy, 2026 trial\n\nA long line of prose that the editor wrapped at its width, as writers\n"
                      "of plain text do, runs on.\n", "leeks.md")
    from notesqa.chunking import chunk_note
    assert [c.text for c in chunk_note(note)] == [  # (its first line its title)
        "Musselburgh - hardy, stands all winter, harvest Nov-Mar\nBandit - blue-green, very hardy, 2026 trial",
        "A long line of prose that the editor wrapped at its width, as writers of plain text do, runs on."]
    assert set_lines("Remote objects are like local ones, in the sense that you pass references to them.\nHowever")
    assert not set_lines("one line") and not set_lines("a line of prose that stops where the width of the editor ran out, sixty\n"
                                                        "characters or more")
    import textwrap  # ... or at 50 (the review)
    assert not set_lines(textwrap.fill("We should review the budget for next year. After that, the team decides "
                                       "what to keep and what to drop from the plan.", 50))
    assert set_lines("eggs\nmilk\nbread") and set_lines("3 people came to the meetup\n12 more joined online")
    # ... nor one a label opens after it (trial s52: "... under my name" had run into "Deposit ID: MD-2025-338190")
    assert set_lines("Scheme: mydeposits (insured scheme) - landlord account under my name\nDeposit ID: MD-2025-338190")
    # a line longer than editors wrap at is one as written (trial s52: a journal's two lines had run together)
    assert set_lines("up at 5:45, at the gates by 6:40, nearly empty!! light coming through the torii = magic\n"
                     "reached the summit at 8:20, legs dead. way down was full of tour groups already")
    assert not set_lines(textwrap.fill("We should review the budget for next year. After that, the team decides "
                                       "what to keep and what to drop from the plan, and when.", 79))
    # ... and prose wrapped wider than editors' 80, at 100 or 120 (the review: "... decided on" then "Python 3: it has")
    prose = ("We looked at Go, Rust and Python for the new ingest service and after two weeks of spikes we decided on "
             "Python 3: it has the libraries we need, the team knows it, and the latency budget is generous enough "
             "that the interpreter does not matter. Rust was faster but nobody could review it.")
    assert not set_lines(textwrap.fill(prose, 100)) and not set_lines(textwrap.fill(prose, 120))
    assert set_lines("2026-03-01 deployed v2.3 to staging, ran the migrations, smoke tests green, waiting on QA now\n"
                     "2026-03-02 QA signed off after lunch, rolled out to prod at 16:00 with no alerts in the hour\n"
                     "2026-03-03 one customer saw slow exports, traced to the missing index on orders.created_at")
    # ... as does a journal written all in lower case, its lines of like width (the review: they had run into one)
    assert set_lines("woke at 6 and ran the canal loop, cold but clear, legs heavy after tuesday, 8.2 km in 52 min\n"
                     "work was slow, mostly the quarterly report and two long calls with the vendor about renewal\n"
                     "evening: cooked the lentil thing from the blue book, too much cumin, halve it next time amount\n"
                     "bed by 11")


def test_a_note_named_by_a_lower_case_slug_is_titled_as_its_text_writes_those_words():
    # trial s56: "lm7805.md" ("LM7805 - 5V linear reg") had been titled "Lm7805", "lcsc.md" "Lcsc"
    assert parse_note("LM7805 - 5V linear reg, TO-220\n", "datasheets/lm7805.md").title == "LM7805"
    assert parse_note("- min track 0.127mm on KiCad tips page\n\nmore KiCad Tips\n", "kicad/kicad-tips.md").title \
        == "KiCad tips"
    # ... not a word of a sentence ("brightness issue"), nor a name written by hand, nor a day
    assert parse_note("brightness issue at night\n", "clock/brightness.md").title == "Brightness"
    assert parse_note("about LCSC orders\n", "suppliers/Lcsc.md").title == "Lcsc"
    assert parse_note("Sam said yes\n", "people/sam.md").title == "Sam"
    # ... and one named by hand in lower case, by its one H1 when that says its words (trial s59 RC: "loose ends dec
    # 26" had been shown for "# Loose ends – Dec 26"); not one that says other words, nor a name written with capitals
    assert parse_note("# Loose ends – Dec 26\n\n- fix the door\n", "snagging/loose ends dec 26.md").title \
        == "Loose ends – Dec 26"
    assert parse_note("# JT Renovations – site visit 26 Feb\n\n- x\n", "visits/jt renovations visit.md").title \
        == "jt renovations visit"
    assert parse_note("# Loose Ends\n\n- x\n", "Loose ends.md").title == "Loose ends"
