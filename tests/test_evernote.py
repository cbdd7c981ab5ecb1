"""Evernote notes moved to markdown by Yarle (evernote.py): its metadata and tags are fields, not text."""

from notesqa.evernote import yarle_metadata
from notesqa.metadata import created_value
from notesqa.parsing import parse_note

YARLE = """# Osaka food list

---
Tag(s): #japan #food #travel

---

From Kenji's recommendations

* Menya Joroku - near Namba station

    Created at: 2017-03-28T22:14:02+01:00
    Updated at: 2017-03-29T08:00:00+01:00
    Source URL: https://tabelog.com/osaka
    Notebook: Travel
"""


def test_yarles_metadata_and_tags_are_the_notes_fields_and_no_text():
    text, fields = yarle_metadata(YARLE)
    assert fields == {"tags": ["japan", "food", "travel"], "created": "2017-03-28T22:14:02+01:00",
                      "updated": "2017-03-29T08:00:00+01:00", "source url": "https://tabelog.com/osaka",
                      "notebook": "Travel"}
    # blank lines where they were: every other line keeps its number
    assert len(text.split("\n")) == len(YARLE.split("\n")) and "Created at" not in text and "Tag(s)" not in text
    assert "---" not in text  # the rules around the tags are Yarle's furniture too
    note = parse_note(YARLE, "Evernote/Travel/Osaka food list.md")
    assert (note.date, note.tags, note.properties) == ("2017-03-28", ("japan", "food", "travel"), ("notebook: Travel",))
    assert [(u.text, u.line) for u in note.units] == [("From Kenji's recommendations", 8),
                                                      ("Menya Joroku - near Namba station", 10)]


def test_only_yarles_own_block_is_read_as_its_metadata():
    # an indented code block of "Notebook: x" lines that says no creation day is the note's own text
    code = "# Setup\n\n    Notebook: Work\n    Source: wiki\n"
    assert yarle_metadata(code) == (code, {})
    ticket = "# Server setup\n\n    Author: Sam\n    Created at: 2023-05-01\n"  # a pasted ticket (the recheck)
    assert yarle_metadata(ticket) == (ticket, {})
    # a "Tag(s):" line not between two rules is text
    tags = "# Tags\n\nTag(s): #a #b are what Yarle writes\n"
    assert yarle_metadata(tags) == (tags, {})


def test_a_notes_day_is_read_from_the_keys_exporters_write():
    assert created_value({"Created at": "2019-09-10T19:00:00+00:00", "tags": ["travel"]}) == "2019-09-10T19:00:00+00:00"
    assert created_value({"date": "2024-01-02", "created": "2023-01-01"}) == "2024-01-02"
    assert created_value({"date": None, "Creation Date": "2020-05-06"}) == "2020-05-06"
    assert created_value({"title": "x"}) is None
    front = "---\nCreated at: 2019-09-10T19:00:00+00:00\nLast updated at: 2019-09-10T19:00:00+00:00\n---\n\n# NY\n\nHotel\n"
    assert parse_note(front, "Evernote/Travel/NY.md").date == "2019-09-10"


def test_evernotes_checkboxes_are_task_items():
    from notesqa.evernote import en_todos

    text = '<en-todo checked="false"/>set up the Chrome clipper\n\n  <en-todo checked="true"/>install it\n'
    assert en_todos(text) == "- [ ] set up the Chrome clipper\n\n  - [x] install it\n"
    assert [u.text for u in parse_note(text, "First note.md").units] == ["☐ set up the Chrome clipper", "☑ install it"]
    assert en_todos("<en-todo> in prose") == "<en-todo> in prose"


def test_a_file_named_after_its_heading_with_underscores_is_titled_by_the_heading():
    # Yarle writes "?" and "|" of an Evernote title as "_" in the file name; the heading has the title as written
    note = parse_note("# When to visit Iceland? | Guide to Iceland\n\nIn summer.\n",
                      "Evernote/Web Clips/When to visit Iceland_ _ Guide to Iceland.md")
    assert note.title == "When to visit Iceland? | Guide to Iceland"
    assert parse_note("# Bayes' Theorem\n\nP(A|B)\n", "Bayes Theorem.md").title == "Bayes Theorem"  # named by hand


def test_evernotes_tables_read_with_their_column_names():
    # a markdown table of an empty header row, the column names bold in its first row (as Evernote's export has it)
    md = "| | |\n| --- | --- |\n| **Leg** | **Flight** |\n| Out | BA 500 |\n| Back | TP 1350 |\n"
    assert [u.text for u in parse_note(md, "Lisbon flights.md").units] == ["Leg: Out | Flight: BA 500",
                                                                            "Leg: Back | Flight: TP 1350"]
    plain = "| | |\n| --- | --- |\n| Out | BA 500 |\n| Back | TP 1350 |\n"  # no bold row: no column names
    assert [u.text for u in parse_note(plain, "f.md").units] == ["Out | BA 500", "Back | TP 1350"]
    # an HTML table: a row a unit, its first row the header when it is all <th> or bold; a bold first column
    # is the rows' names
    html = ("<table><tr><th>Date</th><th>Gas</th></tr><tr><td>1 Dec 2023</td><td>18840</td></tr></table>\n\n"
            "<table><tr><td><b>Water</b></td><td>£41.20</td></tr><tr><td><b>Broadband</b></td><td>£32</td></tr>"
            "</table>\n")
    note = parse_note(html, "Meters.md")
    assert [(u.kind, u.text) for u in note.units] == [("table_row", "Date: 1 Dec 2023 | Gas: 18840"),
                                                      ("table_row", "Water | £41.20"),
                                                      ("table_row", "Broadband | £32")]


def test_a_note_of_only_an_attached_file_is_found_by_its_title_and_names_the_file():
    # trial EV: a scanned manual's note had been found only by its metadata, which is no text now
    note = parse_note("# Boiler manual\n\n---\nTag(s): #manuals\n\n---\n\n![[./_resources/x.resources/ecoTEC manual.pdf]]\n\n"
                      "    Created at: 2018-07-22T11:11:11+01:00\n    Updated at: 2018-07-22T11:11:11+01:00\n",
                      "Evernote/Home/Boiler manual.md")
    assert [(u.text, u.line, u.thin, u.heading) for u in note.units] == [
        ("Attached: ecoTEC manual.pdf", 8, False, ("Boiler manual",))]
    # a note with text of its own: its pictures drop out as before
    assert [u.text for u in parse_note("Our kitchen.\n\n![](photo%201.jpg)\n", "k.md").units] == ["Our kitchen."]


YARLE_TOP = """# Sourdough starter

    Created at: 2019-02-11T09:30:00+00:00
    Updated at: 2019-02-12T10:00:00+00:00
    Source: https://bakery.example/starter
    Tag(s): #baking #recipes

Feed it every day with equal weights of flour and water.
"""


def test_a_metadata_block_under_the_title_is_read_as_the_one_at_the_end():
    # templates that put Yarle's block first write it under the title, the tags in it (trial EV: 13 of 20 web clips)
    text, fields = yarle_metadata(YARLE_TOP)
    assert fields == {"created": "2019-02-11T09:30:00+00:00", "updated": "2019-02-12T10:00:00+00:00",
                      "source url": "https://bakery.example/starter", "tags": ["baking", "recipes"]}
    assert len(text.split("\n")) == len(YARLE_TOP.split("\n")) and "Created at" not in text and "Tag(s)" not in text
    note = parse_note(YARLE_TOP, "Evernote/Food/Sourdough starter.md")
    assert (note.date, note.tags) == ("2019-02-11", ("baking", "recipes"))
    assert [(u.text, u.line) for u in note.units] == [("Feed it every day with equal weights of flour and water.", 8)]
    # tags written without hashes, as Yarle does when told not to add them


def test_a_block_under_the_title_whose_times_are_no_times_is_text():
    # the recheck: a pasted helpdesk ticket, a schema note
    ticket = ("# Ticket 4411\n\n    Created at: 2023-05-02 10:14 by Priya (helpdesk)\n    Updated at: 2023-05-03 by Tom\n\n"
              "Printer on floor 2.\n")
    assert yarle_metadata(ticket) == (ticket, {})
    schema = "# Audit\n\n    Created at: set by the database default now()\n    Updated at: set by a trigger\n"
    assert yarle_metadata(schema) == (schema, {})
    # Yarle's own times, in its other formats (its date format is the user's to set)
    for at in ("2017-03-28 22:14", "20170328T221402Z", "28.03.2017 22:14", "March 28, 2017 10:14 PM"):
        assert yarle_metadata(YARLE_TOP.replace("2019-02-11T09:30:00+00:00", at))[1]["created"] == at
    # tags without hashes: by commas when there are commas (a tag of two words), else by spaces
    assert yarle_metadata(YARLE_TOP.replace("#baking #recipes", "japan, food, road trip"))[1]["tags"] == [
        "japan", "food", "road trip"]
    assert yarle_metadata(YARLE_TOP.replace("#baking #recipes", "japan food"))[1]["tags"] == ["japan", "food"]


def test_a_block_under_the_title_without_yarles_keys_is_text():
    code = "# Deploy\n\n    Created at: 2023-05-01\n    Author: Sam\n\nRun it twice.\n"
    assert yarle_metadata(code) == (code, {})
    later = "# Deploy\n\nSteps first.\n\n    Created at: 2023-05-01\n    Updated at: 2023-05-02\n\nMore text.\n"
    assert yarle_metadata(later) == (later, {})  # neither under the title nor at the end
