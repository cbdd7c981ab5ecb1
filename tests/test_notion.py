"""A Notion page's properties (notesqa.notion and the parser): its metadata, its header passage, its
relations; and notes that only look a little like one left as they were."""

from __future__ import annotations

from conftest import DANA, STUDY, write, write_notion_export
from notesqa.backlinks import linking_lines
from notesqa.notion import page_properties
from notesqa.parsing import parse_note
from notesqa.textchars import visible_chars

PAGE = """# Interview with Dana

Date: September 20, 2022
Participants: Dana Kim, Sam Lee
Study: Acme study (../Studies%20abc/Acme%20study%2080e13003a9d17c63be830c62f49e6d46.md)
Status: Synthesized
Tags: onboarding, mobile, user research

## Key moments

- Took 3 photos
"""


def test_a_notion_pages_properties_are_its_metadata_and_one_header_passage():
    note = parse_note(PAGE, DANA)
    assert (note.title, note.tags, note.date) == ("Interview with Dana", ("onboarding", "mobile", "user research"),
                                                  "2022-09-20")
    assert note.credits == ("Dana Kim", "Sam Lee")  # participants: words it is found by
    header = note.units[0]
    assert (header.kind, header.line, header.end_line, header.thin, header.keep_lines) == ("paragraph", 3, 7, True, True)
    # its tags shown as Notion shows them, so their words find it (trial s38: "interviews")
    assert header.text == ("Participants: Dana Kim, Sam Lee\nStudy: Acme study\nStatus: Synthesized\n"
                           "Tags: onboarding, mobile, user research")
    assert header.heading == ("Interview with Dana",)
    assert [u.text for u in note.units[1:]] == ["Took 3 photos"]


def test_a_hash_word_in_a_notion_page_is_text_not_a_tag():
    # trial s38: "Add the new hire to the #welcome channel" had tagged the onboarding page "welcome"
    note = parse_note(PAGE + "- Add the new hire to the #welcome channel\n", DANA)
    assert note.tags == ("onboarding", "mobile", "user research")
    assert note.units[-1].text == "Add the new hire to the #welcome channel"
    assert parse_note("# Onboarding\n\n- Post in #welcome\n", "Onboarding.md").tags == ("welcome",)  # elsewhere a tag
    # ... and a line of only #words is text too, not lost as the note's tags (the review)
    for more in ("\nChannels to join:\n#general #random\n", "\n#general #random\n", "\n- #general\n"):
        note = parse_note(PAGE + more, DANA)
        assert any("#general" in u.text for u in note.units), more
        assert note.tags == ("onboarding", "mobile", "user research"), more
        # ... and counted as text, so the coverage is whole
        assert note.text_chars - parse_note(PAGE, DANA).text_chars == visible_chars(more.replace("- ", "")), more


def test_the_day_of_a_page_is_its_date_created_or_the_start_of_its_dates():
    for line, day in (("Dates: March 4, 2024 → April 2, 2024", "2024-03-04"), ("Created: Sep 3, 2023 10:15 AM",
                                                                             "2023-09-03"), ("Date: 2024-05-06", "2024-05-06"),
                      ("Date: someday", None)):
        note = parse_note(f"# Page\n\n{line}\nStatus: Done\n", "Page 80e13003a9d17c63be830c62f49e6d46.md")
        assert note.date == day, line
        assert note.units[0].text == ("Status: Done" if day else f"{line}\nStatus: Done")  # no day: what it says


def test_only_a_block_that_is_surely_properties_is_read_so():
    notion = "Page 80e13003a9d17c63be830c62f49e6d46.md"
    plain = "# Standup\n\nNote: the build is red.\nOwner: Sam\n\nMore text.\n"
    # an ordinary note that opens "Note: ...": prose, as before
    assert page_properties(plain, "standup.md") is None
    assert [u.text for u in parse_note(plain, "standup.md").units] == ["Note: the build is red.", "Owner: Sam",
                                                                      "More text."]
    assert page_properties("# Page\n\nStatus: Done\n", notion) is None  # one line is no block
    assert page_properties("# Page\n\nStatus: Done\nand a sentence that goes on\n", notion) is None
    assert page_properties("Intro.\n\n# Page\n\nStatus: Done\nOwner: Sam\n", notion) is None  # not under the title
    assert page_properties("# Page\n\nA very long key that is surely a sentence: x\nOwner: Sam\n", notion) is None
    # outside a Notion export, a relation only Notion writes says it is one
    assert page_properties(PAGE, "dana.md") is not None
    assert page_properties(PAGE.replace(" (../Studies%20abc/Acme%20study%2080e13003a9d17c63be830c62f49e6d46.md)", ""),
                           "dana.md") is None


def test_a_relation_is_a_link_for_backlinks(tmp_path):
    notes = write_notion_export(tmp_path / "notes")
    assert linking_lines(notes, [DANA, STUDY], frozenset({STUDY})) == {DANA: 5}
    write(notes / "prose.md", "# Prose\n\nSee the study (x.md) and the plan.\nOwner: Sam\n")
    assert linking_lines(notes, ["prose.md"], frozenset({"x.md"})) == {}  # no properties: no relation


def test_a_property_that_reads_as_no_day_or_tags_stays_text():
    page = PAGE.replace("Date: September 20, 2022", "Date: sometime in May, not booked yet").replace(
        "Tags: onboarding, mobile, user research", "Tags: I still need to tag this page properly")
    note = parse_note(page, DANA)
    assert note.date is None and note.tags == ()  # not a day, not a tag
    assert note.units[0].text.split("\n")[0] == "Date: sometime in May, not booked yet"  # shown and found
    assert "Tags: I still need to tag this page properly" in note.units[0].text
