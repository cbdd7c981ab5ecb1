"""A note's metadata: front matter, tags, dates, titles (metadata.py)."""

import datetime

from notesqa.metadata import as_list, as_tags, fields_on_top, front_matter, note_date, title_from_filename
from notesqa.parsing import parse_note


def test_broken_front_matter_is_repaired_not_fatal():
    note = parse_note("---\ntitle: [oops\ntags: a\n---\n\n* still here\n", "bad.md")
    assert note.problem is not None and note.problem.action == "repaired"
    assert "front matter" in note.problem.reason
    assert [u.text for u in note.units] == ["still here"]
    assert note.title == "Bad"


def test_front_matter_values_that_are_not_a_mapping_or_impossible_are_repaired():
    assert front_matter("title: T\ntags: [a, b]\n", "n.md") == ({"title": "T", "tags": ["a", "b"]}, None)
    # a Dataview field typed into the front matter ("status:: planning") is the field "status" (trial s58 PA: shown
    # "status:: planning")
    assert front_matter("unit: Spring 1\nstatus:: planning\n", "n.md") == ({"unit": "Spring 1", "status": "planning"}, None)
    meta, problem = front_matter("- just\n- a list\n", "n.md")
    assert meta == {} and problem.action == "repaired" and "not a mapping" in problem.reason
    meta, problem = front_matter("date: 2024-02-30\n", "n.md")
    assert meta == {} and "impossible value" in problem.reason


def test_a_templates_placeholders_are_not_broken_front_matter_nor_values():
    # Obsidian's core Templates plugin: "date: {{date}}" in a template is the template's, not a broken note
    meta, problem = front_matter("date: {{date}}\ntitle: {{title}}\ncreated: {{date:YYYY-MM-DD}}\ntags: [daily]\n",
                                 "Templates/Daily.md")
    assert problem is None and meta == {"tags": ["daily"]}
    note = parse_note("---\ntitle: {{title}}\n---\n# Daily\n\n- plan the day\n", "Templates/Daily.md")
    assert note.title == "Daily" and note.problem is None


def test_broken_front_matter_keeps_the_fields_that_read_on_their_own():
    # a broken line breaks the YAML, not the tags and date
    raw = ("title: Architecture review\ndate: 2025-03-11\ntags: [meeting, work/architecture]\n"
           "attendees: Priya: lead\naliases:\n  - arch review\n")
    meta, problem = front_matter(raw, "m.md")
    assert meta == {"title": "Architecture review", "date": datetime.date(2025, 3, 11),
                    "tags": ["meeting", "work/architecture"], "aliases": ["arch review"]}
    assert problem.reason == "broken YAML front matter at line 5; kept its other fields, not attendees"
    # a bracket never closed: the field read as if closed, told at its own line with what to add (trial s51: the tags
    # had been lost, the next line named)
    meta, problem = front_matter("title: Nectar and soil moisture\ntags: [lit, nutrition\nyear: 2023\n", "n.md")
    assert meta == {"title": "Nectar and soil moisture", "tags": ["lit", "nutrition"], "year": 2023}
    assert problem.reason == ("broken YAML front matter at line 3; read tags as if closed (add the missing ]); kept its "
                              "other fields")
    # ... a quote too, whose brackets are its text, and a title's quote, never a title made a list (session 52)
    meta, problem = front_matter('title: "Rain [draft\ntags: [\'a b\', don\'t, x\nsub: [a, {b: "c\n', "q.md")
    assert meta == {"title": "Rain [draft", "tags": ["a b", "don't", "x"], "sub": ["a", {"b": "c"}]}
    assert problem.reason.endswith("read title, tags, sub as if closed (add the missing \" ] }); kept its other fields")
    meta, _ = front_matter("title: [draft\ntags: x\n", "q.md")
    assert meta == {"tags": "x"}
    # ... and a field broken otherwise at its own line, not the front matter's first (the review)
    _, problem = front_matter('title: X\ntags: a\ndate: 2024-01-01\nsummary: "a" b\nyear: 1\n', "n.md")
    assert problem.reason.startswith("broken YAML front matter at line 5;")
    # Obsidian users write links unquoted in front matter: read as the quoted form, nothing to repair (trial A)
    meta, problem = front_matter("attendees: [[Priya Raman]], [[Tom|Tom B]]\nrelated: [[ADR-002]]\ntags: [x]\n", "a.md")
    assert problem is None and meta == {"attendees": ["[[Priya Raman]]", "[[Tom|Tom B]]"], "related": ["[[ADR-002]]"],
                                        "tags": ["x"]}
    # ... and a plain name among them (trial s46: "me" after the links had lost the whole field)
    meta, problem = front_matter("attendees: [[Marcus Fenwick]], [[Priya Nair]], me\n", "d.md")
    assert problem is None and meta == {"attendees": ["[[Marcus Fenwick]]", "[[Priya Nair]]", "me"]}
    # ... read in linear time when it is not that (the review: a line of 21 names and an apostrophe took 4 s)
    import time

    names = ", ".join(f"Name{i} Person" for i in range(40))
    started = time.perf_counter()
    _, problem = front_matter(f"summary: [[Acme kickoff]], {names}, and we'll follow up\n", "s.md")
    assert problem is not None and time.perf_counter() - started < 1.0
    meta, problem = front_matter("date: 2024-02-30\ntags: [x]\n", "n.md")
    assert meta == {"tags": ["x"]} and problem.reason.endswith("kept its other fields, not date")
    # a comment is no field; a key read once already is not lost
    _, problem = front_matter("# the meeting\ntags: [a]\ntags: [b\n", "c.md")
    assert problem.reason.endswith("kept its other fields")
    note = parse_note(f"---\n{raw}---\n\n* we chose Kafka\n", "m.md")
    assert note.title == "Architecture review" and note.date == "2025-03-11" and "meeting" in note.tags


def test_tags_from_every_front_matter_key_and_nested_inline_tags():
    meta = {"tags": "Work, #ideas", "category": ["Reading"], "tag": None}
    assert as_tags(meta, ["projects/alpha/beta"]) == ("work", "ideas", "reading", "projects/alpha/beta", "projects",
                                                      "projects/alpha")
    # a nested tag in front matter is its parent tag too, as an inline one is (tag:home finds home/outdoor)
    assert as_tags({"tags": ["gardening", "home/outdoor/beds"]}) == ("gardening", "home/outdoor/beds", "home",
                                                                     "home/outdoor")
    assert as_tags({"tags": ["[[Projects/Alpha]]", "#home/ ", "/x", '"q"']}) == ("projects/alpha", "projects", "home",
                                                                                "x", "q")
    assert as_list('"[[Other name]]", Second') == ("Other name", "Second")
    assert as_list(None) == () and as_list(3) == ("3",)
    # a number's thousands are no list (trial s51: "takings:: £1,862.30" had been shown "£1, 862.30")
    assert as_list("£1,862.30") == ("£1,862.30",) and as_list("12,500,000 units, 3 boxes") == ("12,500,000 units", "3 boxes")
    # ... nor a link's name that has a comma (trial s77 E: "buying: [[Flat 3, 22 Warwick Road]]" had been shown raw)
    assert as_list("[[Flat 3, 22 Warwick Road]], [[Bo]]") == ("Flat 3, 22 Warwick Road", "Bo")
    from notesqa.metadata import shown_fields

    assert shown_fields({"buying": "[[Flat 3, 22 Warwick Road]]"}) == ("buying: Flat 3, 22 Warwick Road",)
    # ... nor one with words after it, written unquoted, or two among words (trial s77 J: "flat: [[14 Albert Road]] Flat
    # 1" had been shown raw)
    meta, problem = front_matter('flat: [[14 Albert Road]] Flat 1\nwho: "[[A]] and [[B|Bee]]"\n', "t.md")
    assert problem is None and shown_fields(meta) == ("flat: 14 Albert Road Flat 1", "who: A and Bee")
    assert as_list("1, 2, 3") == ("1", "2", "3") and as_list("2021,2022") == ("2021", "2022")
    note = parse_note("# Thu 26 Nov\n\ntakings:: £1,862.30\ncovers:: 212\n\n- busy day\n", "Daily/2026-11-26.md")
    assert note.units[0].text == "takings: £1,862.30\ncovers: 212"
    # ... their markdown's bold not shown, as a line's is not (trial s77 B: "... – **14 Nov**" shown raw); YAML's is
    note = parse_note("---\nnote: a **b**\n---\nfee:: £180 – **14 Nov**, ==paid==\nkey:: code 4719 ^keycode\n\n- x\n",
                      "P.md")  # (... nor a block id: trial s77 AF)
    assert note.units[0].text == "note: a **b**\nfee: £180 – 14 Nov, paid\nkey: code 4719"


def test_a_note_date_from_front_matter_then_file_name_then_daily_note_name():
    assert note_date(datetime.date(2023, 5, 1), "x.md") == "2023-05-01"
    assert note_date("2023-5-7 10:00", "x.md") == "2023-05-07"
    assert note_date(None, "_posts/2022-09-05-what-is-candid.md") == "2022-09-05"
    assert note_date(None, "journals/2024_01_02.md") == "2024-01-02"
    assert note_date("someday", "x.md") is None and note_date(None, "2024-02-30.md") is None
    assert note_date(None, "meetings/2025-11-16 Lab meeting.md") == "2025-11-16"  # a space after the day
    assert note_date(None, "202103151022 Spaced repetition.md") == "2021-03-15"  # a timestamp zettel ID
    assert note_date(None, "202104021405.md") == "2021-04-02" and note_date(None, "1a2b Difficulties.md") is None
    # a Logseq namespace page's last part (trial s87 D: "Match reports/2029-05-12 v Steeple Ashton" had been of no day)
    assert note_date(None, "pages/Match reports___2029-05-12 v Steeple Ashton.md") == "2029-05-12"
    assert note_date(None, "pages/Reports%2F2029-05-12 v Urchfont.md") == "2029-05-12"
    assert note_date(None, "pages/Rota___December 2027.md") == "2027-12-01"  # (its whole name first: the rescore)
    # a name that ends with a month and its year is of that month, as a monthly note is (trial s58 PA: "Parents evening
    # Mar 2026" had been of no day, "what did Kai's mum say at parents evening in march" had found it under "Not dated")
    assert note_date(None, "School/Parents evening Mar 2026.md") == "2026-03-01"
    assert note_date(None, "Volunteer rota December 2026.md") == "2026-12-01"
    # ... or its year and month in numbers ("stock count 2026-04", trial s71 E: listed as "Not dated" for "how many towels
    # did i have in april"), not a version's
    assert note_date(None, "stock/stock count 2026-04.md") == "2026-04-01"
    assert note_date(None, "v2026-04.md") is None and note_date(None, "notes 2026-13.md") is None
    # ... and one named by a holiday and its year is of that day (trial s71 P: "Christmas 2025" had been found third for
    # "what did i get dad last christmas", under "nothing dated on 2025-12-25")
    assert note_date(None, "Personal/Christmas 2025.md") == "2025-12-25"
    assert note_date(None, "Easter 2026.md") == "2026-04-05" and note_date(None, "Father Christmas 2025.md") is None
    for name in ("Budget 2026.md", "Spring 2026 data.md", "Trip Mayday 2024.md"):
        assert note_date(None, name) is None, name
    # ... and one that ends with its year and names a season, of the season's first month (trial s59 RD-030: a café's
    # "Autumn specials 2026" had been found under "Not dated" for "this autumn's seasonal menu"); spring and fall only
    # just before the year ("Spring Boot notes 2024" is none)
    assert note_date(None, "Menu/Autumn specials 2026.md") == "2026-09-01"
    assert note_date(None, "Winter menu 2025.md") == "2025-12-01" and note_date(None, "Fall 2025.md") == "2025-09-01"
    assert note_date(None, "Spring Boot notes 2024.md") is None and note_date(None, "Fall protection 2026.md") is None


def test_title_from_file_name_reads_slugs_and_keeps_names_written_by_hand():
    assert title_from_filename("_posts/2024-01-05-my-trip.md") == "My trip"
    assert title_from_filename("Week 1 - Intro.md") == "Week 1 - Intro"
    assert title_from_filename("daily/2024-06-01.md") == "2024-06-01"  # a daily note, not "2024 06 01"
    assert title_from_filename("journal/2024_06_01.md") == "2024-06-01"
    assert title_from_filename("general/Minimax-Q.md") == "Minimax-Q"
    assert parse_note("Text.\n", "general/Minimax-Q.md").title == "Minimax-Q"  # no heading: the file's name
    assert title_from_filename("2025-11-16 Lab meeting.md") == "2025-11-16 Lab meeting"  # named as written


def test_a_literature_note_is_named_by_its_citation_key_and_author_year():
    from notesqa.metadata import citation_names

    assert citation_names({"author": "Robert A. Bjork", "year": 1994, "citekey": "@bjork1994"}) == (
        "bjork1994", "Bjork 1994")
    assert citation_names({"author": ["Henry L. Roediger III", "Jeffrey D. Karpicke"], "year": "2006"}) == (
        "Roediger 2006",)  # the first author's surname, not "III"
    assert citation_names({"author": "Bjork, Robert A.", "year": "1994"}) == ("Bjork 1994",)
    assert citation_names({"author": "Anon", "year": "n.d."}) == () and citation_names({}) == ()
    note = parse_note("---\ntitle: Memory and metamemory\nauthor: Robert A. Bjork\nyear: 1994\n---\nText.\n", "b.md")
    assert note.names == ("Bjork 1994",) and note.aliases == ()  # found by it; not one of its own names


def test_a_zettel_id_before_a_notes_name_is_a_name_of_it_not_its_title():
    from notesqa.metadata import zettel_id

    note = parse_note("# Testing effect\n\nTaking a test beats restudying.\n", "z/202105101200 Testing effect.md")
    assert (note.title, note.names, note.date) == ("Testing effect", ("202105101200",), "2021-05-10")
    assert title_from_filename("1a2b Desirable difficulties.md") == "Desirable difficulties"  # Luhmann's IDs
    assert title_from_filename("3d printing.md") == "3d printing" and zettel_id("2fa setup.md") is None
    only = parse_note("# Hypercorrection\n\nConfident errors get fixed.\n", "202104021405.md")
    assert (only.title, only.names) == ("Hypercorrection", ("202104021405",))  # an ID alone: its heading


def test_dataview_fields_on_top_are_blanked_with_their_lines_kept():
    assert fields_on_top("status:: active\nowner:: me\n\n# Project X\n") == "\n\n\n# Project X\n"
    assert fields_on_top("---\ntitle: T\n---\nk:: v\nText\n") == "---\ntitle: T\n---\n\nText\n"
    # ... under a title heading too (trial s48: "# Kanji I always forget" then "status:: active" had been text), not
    # under a section's heading nor after text
    assert fields_on_top("# Project X\nstatus:: active\n") == "# Project X\n\n"
    assert fields_on_top("## Tasks\nstatus:: active\n") == "## Tasks\nstatus:: active\n"
    assert fields_on_top("# X\nText\nstatus:: active\n") == "# X\nText\nstatus:: active\n"
    # one rule for the title line both read (the review: "#\tKanji" had blanked the fields, and read none of them)
    # (a status beside other fields shown: what state the thing is in, session 52)
    note = parse_note("#\tKanji\nstatus:: active\nsource:: Anki\n\nText.\n", "Kanji.md")
    assert [(u.text, u.thin) for u in note.units] == [("status: active\nsource: Anki", True), ("Text.", False)]
    note = parse_note("# Kanji\n\nstatus:: active\nsource:: Anki\n\nUsing furigana.\n", "Kanji.md")
    assert [(u.text, u.thin) for u in note.units] == [("status: active\nsource: Anki", True), ("Using furigana.", False)]
    assert note.properties == ("status: active",)
    note = parse_note("# Kanji\n\nstatus:: active\n\nUsing furigana.\n", "Kanji.md")  # alone: none
    assert [u.text for u in note.units] == ["Using furigana."]


def test_dataview_fields_do_not_make_a_markdown_note_an_outline():
    text = "status:: active\nowner:: me\n\n# Project X\n\n## Tasks\n\n- write the plan\n- ship it\n"
    note = parse_note(text, "Project X.md")
    # the fields are metadata, and the ones a reader looks up one thin passage, as front matter's (a status beside
    # others too)
    assert [(u.text, u.thin) for u in note.units] == [("status: active\nowner: me", True), ("write the plan", False),
                                                      ("ship it", False)]
    assert note.units[1].heading == ("Project X", "Tasks")


def test_a_file_name_that_ends_with_a_date_dates_the_note():
    from notesqa.metadata import note_date

    assert note_date(None, "pages/Pricing Review 2026-11-17.md") == "2026-11-17"
    assert note_date(None, "meeting (2026-11-18).md") == "2026-11-18"
    assert note_date("2025-01-02", "pages/Pricing Review 2026-11-17.md") == "2025-01-02"  # front matter first
    assert note_date(None, "v2026-11-18.md") is None and note_date(None, "x 2026-13-40.md") is None
    # a phone's note names the time after the day (trial C: "Note 2020-11-03 18.22.txt" was not dated)
    assert note_date(None, "Note 2020-11-03 18.22.txt") == note_date(None, "Call 2020-11-03 09:05.md") == "2020-11-03"
    assert note_date(None, "Note 2020-11-03 18.22.31.txt") == note_date(None, "log_2020-11-03T18h22.md") == "2020-11-03"
    assert note_date(None, "Note 2020-11-03 99.99.txt") is None


def test_a_file_name_is_read_for_its_day_and_words_by_one_rule():
    from notesqa.metadata import dated_name, note_date

    assert dated_name("2026-11-25 Helen") == ("2026-11-25", "Helen")
    assert dated_name("2024-01-05-my-trip") == ("2024-01-05", "my-trip")  # a Jekyll post
    assert dated_name("Standup 2024-03-05") == ("2024-03-05", "Standup")
    assert dated_name("Note 2020-11-03 18.22") == ("2020-11-03", "Note")  # the time after the day is no word
    assert dated_name("2024-03-05") is None and dated_name("v2026-11-18") is None
    # dotted or with underscores, one mark throughout (trial s48: "Lesson 2023.04.18.md" had been undated)
    assert dated_name("Lesson 2023.04.18") == ("2023-04-18", "Lesson") == dated_name("2023_04_18 Lesson")
    assert dated_name("Lesson 2023.04-18") is None
    # the day before an underscore dates its note too (it had been read by the series rule only: the review, s47)
    assert note_date(None, "standups/2024-03-05_standup.md") == "2024-03-05"
    # ... and between its words, dashed (trial s57 MC: "incident 2025-06-21 postgres failover.md" had been of no day)
    assert dated_name("incident 2025-06-21 postgres failover") == ("2025-06-21", "incident postgres failover")
    assert dated_name("release v2026-11-18 notes") is None and dated_name("a 2025-13-40 b") is None


def test_a_journal_is_of_its_day_and_created_in_epoch_time_dates_a_note():
    noon = 1709726400000  # 2024-03-06 12:00 UTC in epoch milliseconds: that day in any time zone within 11 hours
    assert note_date(None, "daily.journal.2024.03.04.md") == "2024-03-04"
    assert note_date(1709200000000, "daily.journal.2024.03.04.md") == "2024-03-04"  # its name before created:
    assert note_date(noon, "dev.python.asyncio.md") == "2024-03-06"  # Dendron's created:, milliseconds
    assert note_date(noon // 1000, "n.md") == "2024-03-06" and note_date(str(noon), "n.md") == "2024-03-06"
    local = datetime.datetime.fromtimestamp(1709200000).date().isoformat()
    assert note_date(None, "n.md") is None and note_date(1709200000000, "n.md") == local
    # no epoch time: a year, a 12-digit timestamp zettel ID, a day number
    assert note_date(2024, "n.md") is None and note_date(202103151022, "n.md") is None
    assert note_date(True, "n.md") is None and note_date(20240306, "n.md") is None
    note = parse_note("---\ntitle: T\ndate: 1709726400000\n---\n\n- a line\n", "t.md")
    assert note.date == "2024-03-06"


def test_a_notes_event_day_in_its_front_matter_is_its_day_before_the_day_it_was_written():
    # trials s75 Y, O: a wedding's booking note's "wedding_date: 2027-03-20" had left it of no day ("when is the next
    # wedding" finding none), a party's "event_date: 2026-06-20" of its title's June
    wedding = parse_note("---\nwedding_date: 2027-03-20\nvenue: Barn\n---\n# Hannah & Sam\n\n- shot list\n", "Clients/H.md")
    party = parse_note("---\ncreated: 2026-01-02\nevent date: 2026-06-20\n---\n# Party (June 2026)\n\n- bar\n", "P.md")
    assert wedding.date == "2027-03-20" and party.date == "2026-06-20"


def test_a_notion_page_is_titled_without_its_id():
    assert title_from_filename("Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11/Hub d5d3349606dfa61c2301dc38a80b1bf3/"
                               "Interview with Dana a09ede4ee6ca445799f1c3ad5e2269b2.md") == "Interview with Dana"
    assert title_from_filename("Untitled 04cb542c651b56e895a4c7c47b78d2d2.md") == "Untitled"


def test_the_fields_a_note_opens_with_are_its_metadata():
    from notesqa.metadata import leading_fields

    note = parse_note("date:: 2024-03-04\ntags:: teaching, year-9\n\nSome prose.\n", "lesson.md")
    assert (note.date, note.tags) == ("2024-03-04", ("teaching", "year-9"))  # Dataview's, on top
    roam = parse_note("- Date:: [[October 6th, 2026]]\n- Author:: [[Cal Newport]]\n- Notes\n    - x\n", "Dana.md")
    assert (roam.date, roam.credits) == ("2026-10-06", ("Cal Newport",))  # Roam's attribute blocks
    assert "Author: Cal Newport" in [u.text for u in roam.units]  # ... still shown, as Roam shows them
    assert parse_note("---\ndate: 2020-01-01\n---\ndate:: 2024-03-04\n\nx\n", "x.md").date == "2020-01-01"
    assert roam.properties == () and parse_note("- Status:: #done\n- x\n", "b.md").properties == ("status: done",)
    assert leading_fields("Some prose.\ndate:: 2024-03-04\n") == {}  # only on top
    # ... after a title and a line of tags too (trial s57 MA: a meeting's "date:: 2025-09-05" had dated nothing)
    meeting = parse_note("# Bean There catch up\n#meeting #customer\ndate:: 2025-09-05\n\nquick chat w/ Marco\n", "m.md")
    assert meeting.date == "2025-09-05" and [u.text for u in meeting.units] == ["quick chat w/ Marco"]
    spaced = parse_note("# Bean There\n\n#meeting\ndate:: 2025-09-05\n\nquick chat\n", "m.md")
    assert spaced.date == "2025-09-05" and [u.text for u in spaced.units] == ["quick chat"]
    # ... a day's field that says more than the day is its day and shown (trial s78 Z: "date:: Tue 15 June 2027, 5.30pm,
    # library" had been lost, time and place; not indexed, and no word of it said so)
    more = parse_note("date:: Tue 15 June 2027, 5.30pm, library\nroom:: booked\n\nagenda\n", "m.md")
    assert more.date == "2027-06-15" and more.units[0].text.startswith("Date: Tue 15 June 2027, 5.30pm, library")
    assert leading_fields("date:: sometime after the AGM\n") == {"Date": "sometime after the AGM"}
    assert leading_fields("date:: 15 June 2027 at 5.30pm\n")["date"] == "2027-06-15"  # (no comma: the review)


def test_a_periodic_note_is_dated_by_the_first_day_of_its_week_month_or_quarter():
    from notesqa.metadata import note_date

    # trial U: Periodic Notes' weekly and monthly notes had no date, so "last week's wins" missed them
    assert note_date(None, "Journal/Weekly/2026-W48.md") == "2026-11-23"  # its Monday
    assert note_date(None, "Journal/Monthly/2026-10.md") == "2026-10-01"
    assert note_date(None, "2026-Q4.md") == "2026-10-01"
    # trial D: a monthly review named "2023-03 review" had no date, so "how was March 2023?" missed it
    assert note_date(None, "Reviews/2023-03 review.md") == "2023-03-01"
    assert note_date(None, "2026-W48 Weekly review.md") == "2026-11-23"
    for name in ("2026-10 12.md", "2026-W48x.md"):
        assert note_date(None, name) is None, name
    for name in ("2026.md", "2026-13.md", "2026-W54.md"):
        assert note_date(None, name) is None, name
    assert note_date(None, "Notes 2026-10.md") == "2026-10-01"  # (words, then the month: of it too, since s71)
    assert note_date("2026-11-30", "2026-W48.md") == "2026-11-30"  # front matter first
    # ... a week named in words (trial s64 U: "2026 week 50 plan.md", its "Thu 10: Brudenell Mt CP12", of no day)
    assert note_date(None, "diary/2026 week 50 plan.md") == note_date(None, "2026_wk_50.md") == "2026-12-07"
    assert note_date(None, "2026 weekly plans.md") is None and note_date(None, "2026 week 54.md") is None


def test_a_daily_note_named_without_dashes_or_day_first_is_dated():
    from notesqa.metadata import note_date

    # trial V: years of daily notes named as several apps name them
    assert note_date(None, "20190305.md") == "2019-03-05" and note_date(None, "20190306 Pitch.md") == "2019-03-06"
    assert note_date(None, "07.03.2019.md") == "2019-03-07" and note_date(None, "4.3.2017.md") == "2017-03-04"
    for name in ("31.02.2019.md", "12345678.md", "20191305.md", "v1.2.2019.md", "201903051234567.md"):
        assert note_date(None, name) is None, name


def test_a_notes_other_short_fields_are_its_properties():
    from notesqa.metadata import properties

    meta = {"status": "Done", "type": "[[Book]]", "draft": True, "rating": 4, "genre": ["sci-fi", "#classic"],
            "tags": ["x"], "created": "2024-01-01", "author": "Ann Lee", "summary": "a sentence far too long to be "
            "what a note is, said in many words", "nested": {"a": 1}, "empty": None}
    assert properties(meta) == ("status: Done", "type: Book", "draft: true", "rating: 4", "genre: sci-fi",
                                "genre: classic")  # tags, days, credits and sentences are read otherwise
    assert parse_note("---\nstatus: in progress\n---\n# A\n\nx\n", "a.md").properties == ("status: in progress",)
    assert parse_note("status:: done\ntype:: [[book]]\n\n- x\n", "pages/a.md").properties == ("status: done",
                                                                                                "type: book")  # Logseq
    # a Dataview field the note opens with beside front matter's of the same key: both (trial s61 XD: "status::
    # waiting on cover" under "status: waiting" had been lost)
    # ... keys of a few words among them (trial s61 ZA: "planning ref::" had ended the fields, "stage:: 2 → 3" and
    # "status:: active" each a passage after)
    plot = parse_note("# Quarry Lane\n\nclient:: Dev\nplanning ref:: UTT/26/2231\nstatus:: active\n\nNew house.\n",
                      "Projects/Quarry Lane.md")
    assert [u.text for u in plot.units] == ["client: Dev\nplanning ref: UTT/26/2231\nstatus: active", "New house."]
    assert plot.properties == ("client: Dev", "planning ref: UTT/26/2231", "status: active")
    seat = "---\nstatus: waiting\n---\n# XS650 seat\n\nstatus:: waiting on cover\n\n- foam crumbling\n"
    assert parse_note(seat, "Projects/XS650 seat.md").properties == ("status: waiting", "status: waiting on cover")



def test_a_documents_number_before_its_name_is_a_name_of_the_note():
    from notesqa.metadata import document_id

    # trial U: "which notes link to ADR-007?" had named no note
    assert document_id("ADRs/ADR-007 Use Temporal for payment workflows.md") == "ADR-007"
    assert document_id("RFC-12 Retries.md") == "RFC-12" and document_id("INC-2041_Checkout outage.md") == "INC-2041"
    for name in ("ADR-007.md", "Covid-19 notes.md", "a-1 note.md", "2024-05 review.md"):
        assert document_id(name) is None, name
    note = parse_note("# Decision\n\nWe use Temporal.\n", "ADR-007 Use Temporal for payment workflows.md")
    assert note.title == "ADR-007 Use Temporal for payment workflows" and "ADR-007" in note.names


def test_a_field_that_gives_the_notes_own_number_names_it():
    # trial s49: "inc-342 root cause" had found another incident's root cause, the page's "incident:: INC-342" unread
    from notesqa.metadata import coded_names
    from notesqa.vault import Vault

    assert coded_names({"incident": "INC-342", "ticket": "OPS-1182", "severity": "SEV1"}) == ("INC-342", "OPS-1182")
    assert coded_names({"related": "INC-100", "parent": "EPIC-7", "id": "60af1c2e-0000", "incident": "342"}) == ()
    # a link to another's number, a reference, a code of something else: no name (the review)
    assert coded_names({"ticket": "[[OPS-1182]]", "ref": "INC-100", "code": "SHA-256"}) == ()
    page = "incident:: INC-342\nseverity:: SEV1\n\n- ## Root cause\n\t- the ClusterIssuer was renamed\n"
    note = parse_note(page, "pages/incidents___cert expiry.md", Vault(".", [], logseq=True))
    assert "INC-342" in note.names
    note = parse_note("---\nticket: OPS-1182\nrelated: OPS-99\n---\n# Rotate creds\n\nDone.\n", "Rotate creds.md")
    assert "OPS-1182" in note.names and "OPS-99" not in note.names


def test_the_front_matter_fields_a_reader_looks_up_are_a_thin_passage_at_its_lines():
    # trial s35: "how many servings does the chilli make?" had found nothing: front matter was neither shown nor searched
    from notesqa.parsing import parse_note

    text = ("---\ntitle: Chilli\nservings: 4\nprep_time: 20 min\nsource: https://example.org/chilli\nrating: 5\n"
            "tags: [dinner]\ncssclasses: [recipe]\ndraft: false\nimage: chilli.jpg\nup: /recipes/\n"
            "exam-date: 2025-05-16\ningredients: [\"[[Mince]]\", beans]\nkanban-plugin: basic\n---\n# Chilli\n\n- Brown it.\n")
    fields, step = parse_note(text, "Chilli.md").units
    assert fields.text == ("servings: 4\nprep_time: 20 min\nsource: https://example.org/chilli\nrating: 5\n"
                           "exam-date: 2025-05-16\ningredients: Mince, beans")
    # (at the line of its first field shown, not the opening "---": trials s59 RD, TA had been sent to line 1)
    assert (fields.line, fields.end_line, fields.thin, fields.kind) == (3, 15, True, "paragraph")
    assert step.text == "Brown it." and step.line == 18
    # a list of records is no line to read, a docs site's menu settings are no answer (the review)
    from notesqa.metadata import shown_fields

    assert shown_fields({"ingredients": [{"name": "mince", "qty": "500 g"}], "weight": 5, "nav_order": 2,
                         "sidebar_position": 3, "notes": "a\nb", "servings": 4}) == ("notes: a b", "servings: 4")
    assert shown_fields({"tip": "word " * 80})[0].endswith(" …")
    # ... but a weight in a note of no site's settings is what someone weighed (trial s46: a runner's were all lost)
    assert shown_fields({"tags": ["daily"], "weight": 78.4, "mood": 7}) == ("weight: 78.4", "mood: 7")
    # ... and a parent's name in a note of a pupil (trial s74 I: "parent: Harjit Sandhu" had been neither shown nor
    # searched); a site's page's parent is where it sits in its menu
    assert shown_fields({"pupil": "Priya", "parent": "Harjit Sandhu"}) == ("pupil: Priya", "parent: Harjit Sandhu")
    assert shown_fields({"title": "Install", "parent": "Guides", "nav_order": 3}) == ()
    assert shown_fields({"title": "Install", "weight": 20, "slug": "install"}) == ()  # a docs page's place in its menu
    assert shown_fields({"related": "[[Health]]", "weight": 78.4}) == ("weight: 78.4",)  # a key of both (the review)
    assert shown_fields({"publishDate": "2024-01-01", "linkTitle": "Chilli", "servings": 4}) == ("servings: 4",)
    # what kind of note it is is no passage, unless its value says more than a kind (trial s47: a character's
    # "class: Druid (Circle of Wildfire) 8" had been hidden, "what level is wren" unanswered)
    assert shown_fields({"type": "definition", "status": "in progress", "category": "books"}) == ()
    # ... but a status beside other fields is what state the thing is in (trial s52: a job's "status: in progress" had
    # been left out beside its client and deadline)
    assert shown_fields({"client": "Siemens", "deadline": "2026-12-11", "status": "in progress", "type": "job"}) == (
        "client: Siemens", "deadline: 2026-12-11", "status: in progress")
    # ... not beside only fields never shown, a checkbox, a plugin's setting (the review)
    assert shown_fields({"status": "draft", "done": False, "board-plugin": "basic"}) == ()
    assert shown_fields({"status": True, "client": "Siemens"}) == ("client: Siemens",)
    assert shown_fields({"class": "Druid (Circle of Wildfire) 8", "status": "rescued (S9)"}) == (
        "class: Druid (Circle of Wildfire) 8", "status: rescued (S9)")
    # a link with an alias reads as its alias, as the app shows it (the review: "Jane Doe|Jane")
    assert shown_fields({"author": "[[Jane Doe|Jane]]", "attendees": ["[[Ana]]", "[[Bo Li|Bo]]"]}) == (
        "author: Jane", "attendees: Ana, Bo")
    from notesqa.metadata import credits  # ... only there: "papers by Doe" still finds the note (the review)

    assert "Doe" in " ".join(credits({"author": "[[Jane Doe|Jane]]"}))
    # a note whose front matter holds only its name, tags, days, settings and kind has none
    assert [u.text for u in parse_note("---\ntitle: T\ntags: [a]\ndate: 2024-01-02\nlayout: post\ntype: definition\n"
                                       "status: done\n---\nHi.\n", "t.md").units] == ["Hi."]
    # Hugo's TOML front matter too (the review: it had none), at its lines
    fields, body = parse_note('+++\ntitle = "Chilli"\nservings = 6\ndraft = false\n+++\n\nBrown it.\n', "c.md").units
    assert (fields.text, fields.line, fields.end_line, body.text) == ("servings: 6", 1, 5, "Brown it.")
    unread = parse_note('+++\ntitle = "unclosed\n+++\nBrown it.\n', "c.md").units  # TOML that does not read: text
    assert len(unread) == 1 and unread[0].text.endswith("Brown it.")


def test_front_matter_values_are_read_as_the_notes_app_reads_them_not_as_yaml_1_1():
    # session 52: "price: 4.80" had been shown "4.8", "start: 10:30" as 630 (YAML 1.1's base 60), "zip: 0700" as 448
    # (octal) and "vegetarian: yes" hidden as a checkbox; Obsidian and Logseq read YAML 1.2, where they are as written
    meta, problem = front_matter("price: 4.80\nstart: 10:30\nzip: 0700\nvegetarian: yes\nsize: 1_000\n"
                                 "servings: 4\nlow: -2\ndraft: false\nDone: TRUE\nwhen: 2024-01-05\n", "r.md")
    assert problem is None
    assert meta == {"price": "4.80", "start": "10:30", "zip": "0700", "vegetarian": "yes", "size": "1_000",
                    "servings": 4, "low": -2, "draft": False, "Done": True, "when": datetime.date(2024, 1, 5)}
    fields = parse_note("---\nprice: 4.80\nstart: 10:30\nvegetarian: yes\n---\nBake.\n", "r.md").units[0]
    assert fields.text == "price: 4.80\nstart: 10:30\nvegetarian: yes"
    # ... and so are the fields of broken front matter, each read alone
    kept, problem = front_matter("start: 9:45\ntags: [a\nbad: [x\n  - y\n", "b.md")
    assert kept["start"] == "9:45" and problem is not None


def test_a_front_matter_day_in_the_forms_people_write_and_one_that_cannot_be_read_is_said():
    # trial s36b: "date: 3 Dec 2024" and "created: 12/03/2024" gave no date, and nothing said so
    from notesqa.metadata import front_matter_day
    from notesqa.parsing import parse_note

    for value, day in (("3 Dec 2024", "2024-12-03"), ("December 3, 2024", "2024-12-03"), ("2024/12/03", "2024-12-03"),
                       ("03.12.2024", "2024-12-03"), ("25/03/2024", "2024-03-25"), ("03/25/2024", "2024-03-25"),
                       ("12/03/2024", None), ("soon", None),
                       # with a time, a daily note's link, Yarle's forms (the second review: flagged, not read)
                       ("28.03.2017 22:14", "2017-03-28"), ("March 28, 2017 10:14 PM", "2017-03-28"),
                       ("20170328T221402Z", "2017-03-28"), ("[[2024-03-05]]", "2024-03-05"),
                       (["[[2024-03-05]]"], "2024-03-05")):
        assert front_matter_day(value) == day, value
    from notesqa.metadata import unreadable_day

    assert [unreadable_day(v) for v in ("soon", 2019, "2024-03", "13/13/2024", "3 Dec 2024")] == [None] * 5
    note = parse_note("---\ncreated: 12/03/2024\n---\n# Garage\n\nThe MOT is in June.\n", "Garage.md")
    assert note.date is None and note.problem.action == "repaired"
    assert "'12/03/2024'" in note.problem.reason and "12 March or 3 December" in note.problem.reason
    assert parse_note("---\ndate: 3 Dec 2024\n---\nHi.\n", "a.md").problem is None
    # ... read in the order of the note's other days in numbers, and said so (trial s54: a club's "date: 03/12/2026"
    # beside its fixtures table's "14/11/2026" had been of no day)
    table = "| Date | Opponent |\n|---|---|\n| 14/11/2026 | Rovers |\n| 03/12/2026 | Athletic |\n"
    note = parse_note("---\ndate: 03/12/2026\n---\n# Fixtures\n\n" + table, "Fixtures.md")
    assert note.date == "2026-12-03" and "read as 2026-12-03" in note.problem.reason
    note = parse_note("---\ndate: 03/12/2026\n---\n# Fixtures\n\n" + table.replace("14/11", "11/14"), "F.md")
    assert note.date == "2026-03-12"
    assert parse_note('---\ndate: "{{date}}"\n---\nHi.\n', "t.md").problem is None  # a template's placeholder
    # ... said beside another repair of its front matter, not lost behind it (Garage.md of trial s36b)
    reason = parse_note("---\ntags: [a\ncreated: 12/03/2024\n---\nHi.\n", "Garage.md").problem.reason
    assert reason.startswith("broken YAML front matter") and "'12/03/2024'" in reason


def test_dataview_fields_after_front_matter_are_shown_as_its_fields_are():
    # (trial s41: "owner:: Dana" under a runbook's front matter had been in no passage, not even found as written)
    text = "---\ntags: [runbook]\nowner: Ops\n---\nowner:: Dana\nlast-tested:: 2024-09-12\n\n# Failover\n\nPromote it.\n"
    note = parse_note(text, "Failover.md")
    assert [(u.text, u.thin, u.line, u.end_line) for u in note.units] == [
        ("owner: Ops\nowner: Dana\nlast-tested: 2024-09-12", True, 3, 6),  # (both values, as Dataview keeps them)
        ("Promote it.", False, 10, 10)]
    # ... a link by its alias, as the app shows it (trial s52: "contact: Sarah O'Neill|Sarah (PM)" had been shown)
    note = parse_note("# TransPerfect\n\nrate:: 0.095 EUR/word\ncontact:: [[Sarah O'Neill|Sarah]] (PM)\n"
                      "date:: [[2024-03-04|Monday]]\n\n- biggest client\n", "Clients/TransPerfect.md")
    assert note.units[0].text == "rate: 0.095 EUR/word\ncontact: Sarah (PM)" and note.date == "2024-03-04"
    # ... each key as written, as Dataview shows it (trials s49, s50: "AC:: 20" had been shown "ac: 20")
    note = parse_note("---\ntags: [pc]\n---\n# Bram\n\nAC:: 20\nHP:: 76\n\n## Who he is\n\nA dwarf.\n", "Bram.md")
    assert note.units[0].text == "AC: 20\nHP: 76"
    # ... a credit's too (trial s69 S: "Year:: 11" had been shown "year: 11" among "Level: ...", "Target: ...")
    note = parse_note("# Amelia\n\nLevel:: GCSE Maths\nYear:: 11 (Kings)\nTarget:: 8\n\n- notes\n", "Amelia.md")
    assert note.units[0].text == "Level: GCSE Maths\nYear: 11 (Kings)\nTarget: 8"


def test_a_date_line_under_the_title_dates_the_note():
    # trial s47: an adr-tools ADR ("# 7. Use X", "Date: 2024-03-05") had been undated, found by no "when" question
    from notesqa.metadata import date_line
    from notesqa.units import parse_markdown

    adr = "# 7. Use Postgres logical replication\n\nDate: 2024-03-05\n\n## Status\n\nAccepted\n"
    assert parse_markdown(adr, "adr/0007-use-postgres-logical-replication.md").date == "2024-03-05"
    assert date_line("---\ntags: [x]\n---\n# T\n**Created:** 3 Dec 2024\n") == "2024-12-03"
    # not a day said later in the text, nor a line that names no day; front matter's day first
    assert date_line("# T\n\nWe met.\nDate: 2024-03-05\n") is None and date_line("# T\n\nDate: soon\n") is None
    assert parse_markdown("---\ndate: 2023-01-02\n---\n# T\n\nDate: 2024-03-05\n", "t.md").date == "2023-01-02"


def test_a_day_its_title_says_dates_the_note_where_its_file_name_says_none_or_a_season():
    # trial s62 C: "# Christmas Fair 2025 - Fri 5 Dec" had been of no day ("last years christmas fair write up" found
    # this year's), "# Summer fete 2026 - Sat 27 June" of 1 June by "summer fete 2026.md"
    from notesqa.units import parse_markdown

    fair = parse_markdown("# Christmas Fair 2025 - Fri 5 Dec\n\nLead: Priya\n", "events/xmas fair.md")
    assert fair.date == "2025-12-05"
    assert parse_markdown("# Summer fete 2026 - Sat 27 June\n\n12-3pm\n", "summer fete 2026.md").date == "2026-06-27"
    # a daily note's name says its day, whatever its title
    assert parse_markdown("# Plans - Fri 11 Dec 2026\n\nx\n", "2026-12-05.md").date == "2026-12-05"


def test_a_number_after_a_hash_in_a_field_is_no_tag():
    # trial s62 O: "type:: routine on-site (IMV #3)" had been shown "type: routine on-site (IMV 3)"; a tag of digits
    # only is none in Obsidian
    from notesqa.units import parse_markdown

    note = parse_markdown("# T\n\ntype:: routine on-site (IMV #3)\n\nbody line\n", "a.md")
    assert note.units[0].text == "type: routine on-site (IMV #3)"


def test_an_adr_tools_record_is_named_by_its_number():
    # trial s48: "adr/0007-use-postgres-logical-replication.md" (adr-tools', MADR's names) had not been "ADR-0007"
    from notesqa.metadata import document_id

    assert document_id("doc/adr/0007-use-postgres-logical-replication.md") == "ADR-0007"
    assert document_id("docs/decisions/0012-use-markdown.md") == "ADR-0012"
    assert document_id("notes/0007-use-postgres.md") is None and document_id("adr/2024-03-05-x.md") is None
    assert document_id("ADR-007 Use Temporal.md") == "ADR-007"


def test_days_written_as_japanese_and_chinese_write_them():
    # trial s48: a Japanese diary's "## 6月24日（月）" and its "1月26日" lines had been of no day
    from notesqa.metadata import heading_day, headings_day, headings_year, line_day, opens_with_day

    assert heading_day("2024年6月24日") == heading_day("2024年6月24日（月）") == "2024-06-24"
    assert heading_day("6月24日（月）") is None and heading_day("2024年2月30日") is None  # no year; no such day
    assert headings_day(["6月の日記", "6月24日（月）"], year="2024") == "2024-06-24"  # the year its note's name says
    assert headings_day(["2024年", "6月24号 星期一"]) == "2024-06-24"
    assert headings_year(["2025年1月"]) == "2025" and line_day("1月26日 ラーメンを作った", "2025") == "2025-01-26"
    assert opens_with_day("1月26日\nラーメン") and not opens_with_day("3月は忙しい")


def test_a_file_named_by_a_european_day_and_words_is_of_that_day():
    # trial s49: a zettelkasten's "Standup 14.01.2025.md", "fleeting 12.01.25.md", "15.01.25.md" had been of no day
    from notesqa.metadata import dated_name, note_date

    assert note_date(None, "inbox/Standup 14.01.2025.md") == note_date(None, "14.01.2025 Standup.md") == "2025-01-14"
    assert note_date(None, "15.01.25.md") == "2025-01-15" and note_date(None, "7.3.2019 Pitch.md") == "2019-03-07"
    assert dated_name("Standup 14.01.2025") == ("2025-01-14", "Standup") and dated_name("7.3.2019 Pitch")[0] == "2019-03-07"
    for name in ("notes 1.2.10.md", "release 32.01.2025.md", "v 3.1.25.md", "Router firmware 21.03.01.md",
                 "Release 10.12.13.md"):  # a version's numbers, no day (the review)
        assert note_date(None, name) is None, name


def test_front_matter_never_closed_is_two_fields_or_more_and_a_list_only_under_a_key_without_a_value():
    # the s50 review: "---", "Status: draft" then a to-do list had lost the list to the fields; a rule, then "Note:
    # the server moved ...", had been reported as front matter repaired
    from notesqa.metadata import unclosed_front_matter

    assert unclosed_front_matter("---\nStatus: draft\n- buy milk\n- call mom\n", "a.md")[2] == 0
    assert unclosed_front_matter("---\nNote: the server moved to rack 3\n", "a.md")[2] == 0
    meta, text, lines, problem = unclosed_front_matter("---\ntitle: NAS\nstatus: draft\n- buy milk\n", "a.md")
    assert (meta, lines, text.split("\n")[3], problem.action) == ({"title": "NAS", "status": "draft"}, 3, "- buy milk",
                                                                  "repaired")
    meta, _, lines, _ = unclosed_front_matter("---\ntitle: NAS\ntags:\n  - nas\n  - zfs\n# NAS\n", "a.md")
    assert (meta, lines) == ({"title": "NAS", "tags": ["nas", "zfs"]}, 5)
    assert unclosed_front_matter("---\ntitle: NAS\n---\nbody\n", "a.md")[2] == 0  # closed: markdown's own


def test_dataview_fields_under_a_title_are_at_their_own_lines():
    # trial s53: "cost:: £385" on line 8, under the title, had been shown at line 1 (the front matter's, none shown)
    note = ("---\ntags: [trip]\ncreated: 2026-09-10\n---\n# Ypres & Somme trip 2027\n\nstatus:: booking\n"
            "cost:: £385\ndates:: 14-16 May 2027\nOperator: Leger\n")
    fields = parse_note(note, "Ypres trip 2027.md").units[0]
    assert "cost: £385" in fields.text and (fields.line, fields.end_line) == (7, 9)
    # with front matter it shows, from the front matter on; without a title, from line 1
    shown = parse_note("---\nvenue: Hall 2\n---\nowner:: Dana\n\nText.\n", "p.md").units[0]
    assert shown.text == "venue: Hall 2\nowner: Dana" and (shown.line, shown.end_line) == (2, 4)  # (its first field's)
    bare = parse_note("owner:: Dana\nphase:: two\n\nText.\n", "p.md").units[0]
    assert (bare.line, bare.end_line) == (1, 2)


def test_a_notes_span_of_days_dates_it_by_its_first():
    # trial s55: a trip's page of "dates: 1-8 Aug 2026" had been of no day; a day field comes first, then a file name's
    from notesqa.metadata import span_start
    from notesqa.parsing import parse_note

    for value, day in (("1-8 Aug 2026", "2026-08-01"), ("1st - 8th August 2026", "2026-08-01"),
                       ("1 Aug - 8 Aug 2026", "2026-08-01"), ("Aug 1-8, 2026", "2026-08-01"), ("9-5", None),
                       ("Wednesdays 18:00", None)):
        assert span_start({"Dates": value}) == day, value
    assert parse_note("---\ndates: 1-8 Aug 2026\n---\n# Trip\n\n- cottage\n", "Trip.md").date == "2026-08-01"
    assert parse_note("---\ndate: 2026-07-30\ndates: 1-8 Aug 2026\n---\n# Trip\n", "Trip.md").date == "2026-07-30"
    # ... across the new year, the start of the year before the end's (the review); a long value is none, quickly
    assert span_start({"dates": "28 Dec - 3 Jan 2027"}) == "2026-12-28"
    import time
    start = time.perf_counter()
    assert span_start({"dates": "1" + " " * 100_000 + "-"}) is None
    from notesqa.metadata import date_line
    assert date_line("# x\n\nMon 4 Jan 2027," + " " * 30_000 + "x\n") is None
    assert time.perf_counter() - start < 1.0
    # a first line listing several days dates no note (the review)
    assert date_line("# School\n\nMon 4 Jan 2027, Mon 22 Feb 2027 and Fri 2 Apr 2027 are INSET days.\n") is None



def test_a_fields_values_are_shown_as_written_each_as_often_as_it_comes():
    # trial s68 W: "headcount:: 30, 30, 27" had been shown "headcount: 30, 27", three tours' guests two
    from notesqa.parsing import parse_note

    note = parse_note("# Tours\n\nheadcount:: 30, 30, 27\n\n- Shambles route\n", "Tours.md")
    assert note.units[0].text == "headcount: 30, 30, 27"
    front = parse_note("---\ntags: [a, a]\nguests: [Bob, \"Bob\", \"[[Amy]]\"]\n---\n# T\n\n- one\n", "t.md")
    assert front.units[0].text == "guests: Bob, Bob, Amy" and front.tags == ("a",)  # (tags: each once)
