"""Questions as written (query.py): filters in the text, dates, paths, years, and questions for a note."""

import dataclasses
import datetime as dt
from datetime import date
from functools import partial

import pytest

from notesqa import QueryError
from notesqa.chunking import Chunk
from notesqa.query import (
    FILTER,
    TOP_LEVEL,
    Filters,
    as_words_said,
    asks_for_tasks,
    asks_only_the_day,
    task_state_words,
    asks_latest,
    asks_overdue,
    days,
    filter_mask,
    mention_subject,
    merge_filters,
    parse_date,
    parse_query,
    seeks_mentions,
    seeks_note,
    shift_day,
    shift_period,
    unmatched,
    with_noted_year,
    relative_days,
    without_relative_days,
    day_phrases,
    without_days,
    years,
)


def test_bad_filters_are_errors():
    with pytest.raises(QueryError, match="after"):
        parse_query("cells after:2024-13-45")
    with pytest.raises(QueryError, match="Unknown filter"):
        parse_query("cells tags:aws")
    with pytest.raises(QueryError, match="Unknown filter afer"):
        parse_query("cells afer:2024-01-01")
    # an Evernote notebook is a folder once exported: said so (trial EV: "notebook:Travel" was searched as words)
    with pytest.raises(QueryError, match="a folder .an exported notebook. is path:Travel"):
        parse_query("notebook:Travel ramen")
    text, f = parse_query("see https://example.com and 10:30 at re:Invent tag:aws")
    assert text == "see https://example.com and 10:30 at re:Invent" and f.tags == ("aws",)
    # a capitalised typo is caught too (a question often starts with one); Re:Invent stays words
    with pytest.raises(QueryError, match="Unknown filter tags"):
        parse_query("Tags:aws deploy")
    assert parse_query("Re:Invent keynotes TAG:aws") == ("Re:Invent keynotes", parse_query("x tag:aws")[1])
    # a Logseq block pasted in as the question: its "name:: value" properties are words, not filters
    text, f = parse_query("type:: meeting\ndate:: 2026-09-02\ntags:: roadmap\n- discussed the roadmap")
    assert text == "type:: meeting date:: 2026-09-02 tags:: roadmap - discussed the roadmap" and not f


def test_another_tools_filter_says_what_to_write_and_a_file_outside_the_notes_is_words():
    # trial s39: date:, title:, file: had named no way to say it
    with pytest.raises(QueryError, match="a day is after:2025-01-14 before:2025-01-14[.] Filters are tag:"):
        parse_query("date:2025-01-14 dentist")
    with pytest.raises(QueryError, match=r'a note by its name is path:"\*Dentist\*" \(in any folder'):
        parse_query("title:Dentist")
    assert parse_query('path:"*Dentist*" x')[1].paths == ("*Dentist*",)  # the filter it suggests reads
    with pytest.raises(QueryError, match="a tag is tag:work[.]"):
        parse_query("tags:work vpn")
    with pytest.raises(QueryError, match="Unknown filter is: in the question; filters are"):
        parse_query("is:open tasks")
    # a day in a filter as a question may write it, one order only
    assert parse_query("after:22/03/2025 x")[1].after == "2025-03-22"
    assert parse_query("before:3/22/2025 x")[1].before == "2025-03-22"
    with pytest.raises(QueryError, match="may be either order of day and month"):
        parse_query("after:03/04/2025 x")
    # a pasted log line's file outside any notes folder is words; a folder or note path stays a filter
    assert parse_query("Path:/etc/wireguard/wg0.conf not found") == ("Path:/etc/wireguard/wg0.conf not found",
                                                                       parse_query("x")[1])
    assert parse_query("path:/Work x")[1].paths == ("/Work",)
    assert parse_query("path:Work/notes.md x")[1].paths == ("Work/notes.md",)


def test_a_tag_no_note_has_is_words_of_the_question_when_asked_so():
    # docker's image:tag in a question (the index tells which tags no note has: NotesIndex.parsed)
    q = "what does tag:latest mean for docker images"
    assert parse_query(q)[1].tags == ("latest",)
    text, f = parse_query(q, tags_as_words=("latest",))
    assert text == q and f == Filters(as_words=("tag:latest",)) and not f  # words, no filter
    # the others stay filters; a quoted value is its words, not a phrase to say in order
    text, f = parse_query('tag:"Latest Tag" tag:aws docker', tags_as_words=("#latest tag",))
    assert (text, f.tags, f.as_words, f.phrases) == ("tag:Latest Tag docker", ("aws",), ("tag:Latest Tag",), ())
    assert merge_filters(f, tags="x").as_words == ("tag:Latest Tag",)
    assert as_words_said(Filters(as_words=("tag:latest",)), {"aws"}) == (
        "No note is tagged “latest”; searched “tag:latest” as words.")
    # a tag like one the notes have is said too: a typo of it is seen
    assert as_words_said(Filters(as_words=("Tag:#conference",)), {"aws", "conferences"}) == (
        "No note is tagged “conference” (tags like it: conferences); searched “Tag:#conference” as words.")
    assert as_words_said(Filters(tags=("latest",)), {"aws"}) is None


def test_a_filter_whose_value_is_cut_off_by_a_space_is_an_error_not_words():
    # "tag: maths" would otherwise search all notes for "tag maths ..." without a word of warning
    with pytest.raises(QueryError, match=r"^tag: needs its value right after the colon, as tag:maths \(no space\)\.$"):
        parse_query("tag: maths what is a group")
    with pytest.raises(QueryError, match="as after:2024-01-01"):
        parse_query("keynotes After: 2024-01-01")
    with pytest.raises(QueryError, match='as tag:"machine learning"'):
        parse_query('tag: "machine learning" basics')
    # a filter's name alone asks for nothing yet (trial s33: "tag:" had searched for the word "tag")
    for name in ("tag", "path", "after", "Before"):
        with pytest.raises(QueryError, match=f"^{name.lower()}: needs a value right after the colon, as {name.lower()}:"):
            parse_query(f" {name}: ")
    for q in ("after:2024-01-01 tag:", "slugs tag:", "slugs after:", "tag:garden slugs before: "):
        with pytest.raises(QueryError, match="needs a value right after the colon"):
            parse_query(q)
    # elsewhere, or before what is not a date, such a word is part of the question
    for q in ("what is the critical path: the longest chain", "what is a critical path:",
              "Before: I used vim. After: emacs. Why did I switch?", "Note: keynotes"):
        assert parse_query(q) == (q, Filters()), q


def test_unmatched_names_the_filter_no_note_passes():
    def chunk(path, tags, date):
        return Chunk(path=path, line=1, end_line=1, kind="bullet", text="x", title="t", heading=[], parents=[],
                     tags=tags, date=date, seq=0)

    chunks = [chunk("work/a.md", ["networks"], "2024-03-01"), chunk("b.md", ["maths"], None)]
    assert unmatched(chunks, Filters(tags=("#networking",))) == "No note is tagged networking (tags like it: networks)."
    assert unmatched(chunks, Filters(tags=("zzz", "Maths"))) is None  # one of the tags is there
    assert unmatched(chunks, Filters(tags=("zzz", "yyy"))) == "No note is tagged zzz or yyy."
    # a nested tag that ends with it (trial A: tag:acme for notes tagged client/acme)
    nested = chunks + [chunk("c.md", ["client/acme", "client"], None), chunk("d.md", ["acne"], None)]
    assert unmatched(nested, Filters(tags=("acme",))) == "No note is tagged acme (tags like it: client/acme)."
    # ... then the tags it begins (trial F: tag:inc had suggested "finance" for "incident")
    begun = chunks + [chunk("e.md", ["incident"], None), chunk("f.md", ["finance"], None)]
    assert unmatched(begun, Filters(tags=("inc",))) == "No note is tagged inc (tags like it: incident)."
    assert unmatched(chunks, Filters(paths=("home",))) == "No note is in home."
    deep = [chunk("Clients/Acme/Meetings/k.md", [], None), chunk("Archive/Globex/g.md", [], None)]
    assert unmatched(deep, Filters(paths=("Meetings",))) == "No note is in Meetings (folders like it: Clients/Acme/Meetings)."
    assert unmatched(deep, Filters(paths=("Archiv/Globex",))) == (
        "No note is in Archiv/Globex (folders like it: Archive/Globex).")
    assert unmatched(deep, Filters(paths=("archive/globex",))) is None  # a folder's name in another case is that folder
    # a top-level folder and a deeper one of the same name are both offered, the top one first (trial G)
    books = [chunk("Book 1/Ch 01.md", [], None), chunk("Drafts/Book 1/Ch 01 draft.md", [], None)]
    assert unmatched(books, Filters(paths=("Book1",))) == "No note is in Book1 (folders like it: Book 1, Drafts/Book 1)."
    # a Logseq namespace is a folder too, found by its end nearly spelt (trial s37: "path:course/stats" had no suggestion)
    graph = [dataclasses.replace(chunk("pages/course___statistics___distributions.md", [], None),
                                 hierarchy="course/statistics")]
    assert unmatched(graph, Filters(paths=("course/stats",))) == (
        "No note is in course/stats (folders like it: pages/course/statistics).")
    # a Notion export's folders by the names Notion shows (trial s38: "path:Meeting" had no suggestion)
    notion = [chunk("Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11/Wiki fc003ff787655397edc3045ee4993e3d/"
                    "Meetings ab0268fb8036a892dc341945cb7ae3be/Standup 05ae2ce79225553ee39ada506b8d5c6d.md", [], None)]
    assert unmatched(notion, Filters(paths=("Meeting",))) == "No note is in Meeting (folders like it: Wiki/Meetings)."
    assert unmatched(notion, Filters(paths=("Wiki/Meetings",))) is None
    for top in (".", "./", "/"):
        assert unmatched(chunks[:1], Filters(paths=(top,))) == "No note is in the notes folder itself (path:.)."
    assert unmatched(chunks, Filters(after="2024-04-01", before="2024-05-01")) == (
        "No note is dated on or after 2024-04-01 and on or before 2024-05-01: the nearest day with notes is 2024-03-01 (1 "
        "of 2 notes has no date: a date filter leaves it out).")
    # a range between the notes' days: the nearest on each side (the notes' first and last would be asked again)
    spread = [chunk("a.md", [], "2021-05-01"), chunk("b.md", [], "2024-09-21"), chunk("c.md", [], "2019-01-01")]
    assert unmatched(spread, Filters(after="2023-03-01", before="2023-03-31")) == (
        "No note is dated on or after 2023-03-01 and on or before 2023-03-31: the nearest days with notes are "
        "2021-05-01 and 2024-09-21.")
    # ... among the notes the other filters let through (recheck: days of notes without the tag asked had been named)
    spread.append(chunk("garden/d.md", ["garden"], "2024-06-21"))
    assert unmatched(spread, Filters(tags=("garden",), after="2023-03-01", before="2023-03-31")) == (
        "No note is dated on or after 2023-03-01 and on or before 2023-03-31: the nearest day with notes is "
        "2024-06-21.")
    # ... and not among those -path: or -tag: leaves out (the second review)
    assert unmatched(spread, Filters(not_paths=("garden",), after="2023-03-01", before="2023-03-31")) == (
        "No note is dated on or after 2023-03-01 and on or before 2023-03-31: the nearest days with notes are "
        "2021-05-01 and 2024-09-21.")
    assert unmatched(chunks, Filters(tags=("maths",), paths=("work",))) == (
        "No note passes these filters together (each alone matches some notes): try fewer of them.")
    assert unmatched(chunks, Filters(tags=("maths",), paths=("b.md",))) is None  # a note passes them


def test_filters_parse_into_their_fields():
    text, f = parse_query('tag:aws path:"work/2024 plans" after:2024-01-01 before:2024-12-31 what did we decide')
    assert text == "what did we decide"
    assert f == Filters(tags=("aws",), paths=("work/2024 plans",), after="2024-01-01", before="2024-12-31")
    merged = merge_filters(f, tags="cooking", paths=["home"], after=dt.date(2024, 6, 1))
    assert merged.tags == ("aws", "cooking") and merged.paths == ("work/2024 plans", "home")
    assert merged.after == "2024-06-01" and merged.before == "2024-12-31"
    assert not Filters() and Filters(after="2024-01-01")


def test_the_filter_grammar_finds_what_the_question_parser_takes():
    """The chat's follow-ups read filters with FILTER: the same names and values parse_query takes."""
    q = 'Tag:aws PATH:"my notes" after:2024-01-01 tags:x re:Invent 10:30 before:2025-01-01 cells'
    assert [(m.group(1), m.group(2)) for m in FILTER.finditer(q)] == [
        ("Tag", "aws"), ("PATH", '"my notes"'), ("after", "2024-01-01"), ("before", "2025-01-01")]
    text, f = parse_query(FILTER.sub(" ", q).replace("tags:x", ""))
    assert text == "re:Invent 10:30 cells" and not f


def test_parse_date_takes_text_dates_and_nothing():
    assert parse_date("2024-02-01", "after") == "2024-02-01"
    assert parse_date(dt.datetime(2024, 2, 1, 13, 5), "after") == "2024-02-01"
    assert parse_date(None, "after") is None and parse_date("", "after") is None
    assert parse_date(" 2024-2-1 ", "after") == "2024-02-01"  # read as front matter dates are read
    for bad in ("Feb 1", "2024-02-01T10:00", 20240201):
        with pytest.raises(QueryError, match="before: wants a date"):
            parse_date(bad, "before")
    with pytest.raises(QueryError, match="before: there is no day 2024-02-30"):  # the shape, not a day
        parse_date("2024-02-30", "before")


def _chunk(path, tags=(), date=None):
    return Chunk(path=path, line=1, end_line=1, kind="bullet", text="x", title="t", heading=[], parents=[],
                 tags=list(tags), date=date, seq=0)


def test_filter_mask():
    chunks = [_chunk("a.md", ["aws"], "2024-03-01"), _chunk("work/b.md", [], "2023-05-01"),
              _chunk("work/deep/c.md", ["aws"]), _chunk("workshop/d.md")]
    assert filter_mask(chunks, Filters()) is None
    assert filter_mask(chunks, Filters(tags=("#AWS",))).tolist() == [True, False, True, False]
    assert filter_mask(chunks, Filters(paths=("work",))).tolist() == [False, True, True, False]
    assert filter_mask(chunks, Filters(paths=("work/*.md",))).tolist() == [False, True, True, False]
    assert filter_mask(chunks, Filters(paths=(TOP_LEVEL,))).tolist() == [True, False, False, False]
    assert filter_mask(chunks, Filters(paths=("../work",))).tolist() == [False] * 4
    # a note without a date is never inside a date range
    assert filter_mask(chunks, Filters(after="2024-01-01")).tolist() == [True, False, False, False]
    assert filter_mask(chunks, Filters(before="2023-12-31")).tolist() == [False, True, False, False]


def test_a_notion_folder_is_found_by_its_name_without_its_id():
    from conftest import DANA, HUB

    chunks = [_chunk(DANA), _chunk(f"{HUB}/Journal 4e06dc12826bedc85f2f50d0b3c31a26/March 4, 2024 "
                                   "a08d741ebf0ee7618c223cf99e69e850.md"), _chunk("Clients/Interviews/a.md")]
    for folder in ("Interviews", "interviews/", "Research Hub/Interviews", "Research Hub/Interviews/*"):
        assert filter_mask(chunks, Filters(paths=(folder,))).tolist() == [True, False, False], folder
    assert filter_mask(chunks, Filters(paths=("Journal",))).tolist() == [False, True, False]
    assert filter_mask(chunks, Filters(paths=("Interviews 023c87b8295f4780ce47de47b22ae1e7",))).tolist() == \
        [False, False, False]  # as written it is under Research Hub: the path, as before
    assert filter_mask(chunks, Filters(paths=(HUB,))).tolist() == [True, True, False]  # the real path still


def test_days_are_the_days_a_question_names():
    assert days("what did I write on 2025-03-14?") == days("2025_03_14") == {"2025-03-14"}
    assert days("what did I do on 12 March?") == {"03-12"}
    assert days("the March 3rd, 2024 meeting and the 21st of Sept") == {"2024-03-03", "09-21"}
    assert days("may I ask 5 things on 2025-13-40 or 31 Feb 12345") == set()  # no such days
    # not the end of a time or a number
    assert days("standup at 10:30 March 3rd") == {"03-03"} and days("call at 9:15 Jan 4") == {"01-04"}
    assert days("0.3 march 2025") == set()


def _span(question: str, today: date) -> tuple[str, str] | None:
    """The first and last day a question names, asked on today."""
    found = sorted(days(question, today))
    return (found[0], found[-1]) if found else None


def test_a_week_named_by_its_number_and_year_is_its_days():
    # trial s36b: "what did I fix in week 37 of 2024?" read only the year
    from datetime import date

    week = {f"2024-09-{d:02d}" for d in range(9, 16)}
    for q in ("what did I fix in week 37 of 2024?", "week 37, 2024", "what's in 2024-W37?"):
        assert days(q, date(2026, 11, 30)) == week, q
    for q in ("in week 3 of the course", "I run a week 3 times", "week 54 of 2024"):
        assert days(q, date(2026, 11, 30)) == set(), q
    # ... a day phrase as any other is (the second review): a question for its notes alone, and a follow-up's week
    assert asks_only_the_day("what did I do in week 37 of 2024?")
    from notesqa.conversation import standalone

    assert standalone("and 2024-W38?", "what did I do in 2024-W37?") == "what did I do in 2024-W38"


def test_a_holiday_after_for_is_what_a_thing_is_for_not_a_day():
    # trial s36b: "when does school break up for Christmas?" said nothing was dated on last Christmas
    from datetime import date

    assert days("when does school break up for Christmas?", date(2026, 11, 30)) == set()
    # ... not with its year, a "last" or "next", or in a question about what was (the second review)
    assert days("what did I buy for Christmas?", date(2026, 11, 30)) == {"2025-12-25"}
    assert days("where did we go for Halloween 2024?", date(2026, 11, 30)) == {"2024-10-31"}
    assert days("what do we do for last Christmas?", date(2026, 11, 30)) == {"2025-12-25"}
    assert days("what is due for Christmas?", date(2026, 11, 30)) == {"2026-12-25"}  # a day a task is set for
    assert days("what did we do last Christmas?", date(2026, 11, 30)) == {"2025-12-25"}


def test_a_month_named_is_its_days_the_last_one_or_the_coming_one():
    span = partial(_span, today=date(2026, 11, 30))
    assert span("what did I do in October?") == ("2026-10-01", "2026-10-31")
    assert span("what did I do in December?") == ("2025-12-01", "2025-12-31")  # the last one
    assert span("what is due in December?") == span("deadlines in Dec") == ("2026-12-01", "2026-12-31")
    assert span("what did I note during November?") == ("2026-11-01", "2026-11-30")  # this one counts
    assert span("in december 2024") == ("2024-12-01", "2024-12-31") and span("next March") == ("2027-03-01", "2027-03-31")
    assert span("trips last February") == ("2026-02-01", "2026-02-28")
    # "may" and "march" are words too; a month not after a preposition names no days
    assert span("what did I do in may") is None and span("what did I do in May") == ("2026-05-01", "2026-05-31")
    assert span("I will march in line") is None and span("the October outage") is None
    # a name, a range from a month: not the month's days
    for q in ("what feedback did I give for Jan?", "notes for June's birthday party", "what have I done since October?"):
        assert span(q) is None, q
    # ... but "for" a month in a question for what is due or scheduled is that month (trial F); not a name
    assert span("what is scheduled for January?") == ("2027-01-01", "2027-01-31")
    for q in ("what gift should I buy for June?", "what should I get for April?", "what is due for March Madness?"):
        assert span(q) is None, q
    # last/next November asked in November: a year away; this December asked in January: this year's
    assert span("what did I do last November?") == ("2025-11-01", "2025-11-30")
    assert span("what's planned for next November?") == ("2027-11-01", "2027-11-30")
    assert sorted(days("this December", date(2027, 1, 5)))[0] == "2027-12-01"
    # a month with its year needs no preposition (trial D: "what about May 2024?" had named no days); a day's
    # month and year stay that day, and "may" before a year is still a word
    assert span("what about May 2024?") == ("2024-05-01", "2024-05-31")
    assert span("notes, March 2023") == ("2023-03-01", "2023-03-31")
    assert span("what did I do on 14 March 2025?") == span("the 14th March 2025 entry") == ("2025-03-14", "2025-03-14")
    assert span("so it may 2024 be") is None


def test_a_week_or_month_moves_as_the_question_reads_it():
    monday = date(2026, 11, 30)
    assert shift_period("what did we decide last week?", "week", -1, monday) == \
        "what did we decide the week of 2026-11-16?"
    assert shift_period("what happened the week of 2027-01-01?", "week", -1, date(2027, 1, 5)) == \
        "what happened the week of 2026-12-21?"  # across the year's end
    # trial B: "at the week of 2026-11-16's pricing council" had been the follow-up's wording
    moved = shift_period("What was decided at last week's pricing council?", "week", -1, monday)
    assert moved == "What was decided at the pricing council in the week of 2026-11-16?"
    assert days(moved, monday) == {f"2026-11-{d}" for d in range(16, 23)}
    assert shift_period("what is due in October?", "month", -1, monday) == "what is due in September 2027?"
    assert shift_period("what did I do in January?", "month", -1, monday) == "what did I do in December 2025?"
    assert shift_period("the week of 2026-02-30", "week", -1, monday) is None  # no such day: no week
    assert days("what did we do the week of 2026-02-30?", monday) == set()  # and no error
    assert days("29 February") == {"02-29"} and days("30 February") == set()
    assert shift_period("what did I do the past week?", "week", -1, monday) == "what did I do the week of 2026-11-16?"
    # a weekend looked back on is the one just gone; the next two weeks for what is coming up
    assert days("what happened this weekend?", monday) == {"2026-11-28", "2026-11-29"}
    assert len(days("which deadlines are coming up?", monday)) == 14
    assert days("delays due to the upcoming migration", monday) == set()


def test_overdue_is_asked_in_a_few_ways():
    for q in ("what's overdue?", "which tasks are past due", "anything past its deadline?", "deadlines I missed"):
        assert asks_overdue(q), q
    for q in ("what is due on Friday?", "I was late to the standup", "the deadline is Friday"):
        assert not asks_overdue(q), q
    # something else that is overdue (trial F: "overdue invoices" had listed the overdue tasks)
    for q in ("how do we handle overdue invoices?", "which invoices are overdue after day 14?",
              "what does the dunning workflow do for an overdue invoice?"):
        assert not asks_overdue(q), q
    for q in ("which tasks are overdue?", "overdue tasks", "what's overdue this week?", "anything overdue?",
              "what is overdue for the launch?", "overdue high priority tasks", "overdue billing tasks"):
        assert asks_overdue(q), q
    from notesqa.query import asks_for_tasks

    assert asks_for_tasks("which invoices are overdue after day 14?") is None  # (no task is lifted either)


def test_a_day_named_from_today_is_no_words_to_find():
    assert without_relative_days("what is due on Friday?").split() == ["what", "is", "due", "?"]
    assert without_relative_days("what did I do last week").split() == ["what", "did", "I", "do"]
    assert without_relative_days("what did I do in October").split() == ["what", "did", "I", "do"]
    for q in ("yesterday", "Monday Night Live", "what happened on 14 March"):  # nothing else left; a name; a date
        assert without_relative_days(q) == q


def test_the_latest_is_asked_for():
    for q in ("what did we say in our last 1:1?", "the latest update on Alpha", "most recent standup"):
        assert asks_latest(q), q
    assert asks_latest("my last entries")
    for q in ("when did I last do a parkrun?", "When was I last at the dentist", "the last time I saw Grace",
              "when did we most recently meet?"):
        assert asks_latest(q), q  # trial s37: the parkrun of December had come 7th
    for q in ("What is the last variable in the built-in calculator?", "what did I do last week?", "last Tuesday",
              "What's the latest version of Python I noted?", "the most recent paper on RLHF",
              "when did I first do a parkrun?", "what did I do last time?"):
        assert not asks_latest(q), q


def test_tasks_are_asked_for_by_state():
    for q, state in (("which tasks are still open?", "open"), ("my todos", "open"), ("what is left to do?", "open"),
                     ("what tasks do I have?", "open"), ("what did I finish last week?", "done"),
                     ("completed tasks in October", "done"), ("what are my open high priority tasks?", "high"),
                     ("urgent tasks", "high"), ("what am I working on right now?", "doing"),
                     ("what's in progress?", "doing"), ("what is due this week?", "open"), ("what's overdue?", "open"),
                     ("what is due today?", "open"), ("tasks due tomorrow", "open"), ("which tasks are urgent?", "high"),
                     ("which tasks are high priority?", "high"), ("show me my priority A tasks", "high"),
                     ("what's urgent?", "high"), ("what's done?", "done"), ("and what's still open?", "open"),
                     ("what tasks did I complete last week?", "done"), ("which deadlines did I miss?", "open"),
                     ("what's on my plate?", "open"), ("which deadlines are coming up?", "open"),
                     ("show my LATER tasks", "later"), ("my NOW tasks", "doing"),  # Logseq's other workflow
                     ("which things to buy are still unchecked?", "open"), ("unchecked items on the packing list", "open"),
                     ("which groceries are ticked off?", "done"),  # a checkbox's state, whatever the list is of
                     ("which tasks did I finish in November?", "done"),  # trial s36b
                     ("which tasks did I cancel?", "cancelled"), ("my cancelled todos", "cancelled"),  # trial s36
                     ("tasks I dropped last month", "cancelled"), ("which todos have I abandoned?", "cancelled")):
        assert asks_for_tasks(q) == state, q
    for q in ("how do I mark a task as done?", "How does the scheduler stop a medium priority task from blocking a "
              "high priority one?", "open the graph view", "what is a todo list", "why are tasks useful?",
              "What failed due to the DNS change?", "What's the due diligence checklist?",
              "What do I need to do to open a bank account?", "What is the most important NLP task?",
              "What am I doing wrong with my sourdough?", "what do we know about work in progress limits?",
              "What did I want to do after the conference finished?", "Werner on deadlines in distributed systems?",
              "What is urgent care?", "what is urgent about the CVE?", "What priority a ticket gets in triage?",
              "what is done by the garbage collector during a minor GC?",
              "which questions are still open from the lecture?", "when is the promo packet due?",
              "When's the tax return due?", "and when was the essay due?", "what are unchecked exceptions in Java?",
              "Is the input unchecked by the parser?", "which flights were cancelled?", "why was the meetup canceled?",
              "what did I drop off at the dry cleaner?", "which did I finish first, the book or the course?", "what have I dropped the ball on?", "what did I cancel?"):
        assert asks_for_tasks(q) is None, q
    assert asks_for_tasks("when are my tasks due?") == "open"  # the day of each task: the tasks
    assert asks_for_tasks("deadlines in December") == "open"  # a deadline with a day


def test_the_words_that_ask_for_tasks_by_state_are_known():
    assert task_state_words("which things to buy are still unchecked?") >= {"unchecked", "still"}
    assert "overdue" in task_state_words("what's overdue?")
    assert task_state_words("what are unchecked exceptions in Java?") == set()  # asks for no tasks


def test_days_named_from_today_are_counted_back_from_it():
    monday = date(2026, 11, 30)
    assert days("what did I do yesterday?", monday) == {"2026-11-29"}
    assert days("today's standup", monday) == days("tonight", monday) == {"2026-11-30"}
    assert days("the day before yesterday", monday) == days("2 days ago", monday) == days("two days ago", monday) \
        == {"2026-11-28"}
    assert days("what did I buy last Tuesday?", monday) == days("on tuesday", monday) == {"2026-11-24"}
    assert days("on Monday", monday) == {"2026-11-23"}  # the last one before today
    assert days("last week", monday) == {f"2026-11-{d}" for d in range(23, 30)}  # its Monday to Sunday
    assert days("this week", monday) == {"2026-11-30", *(f"2026-12-0{d}" for d in range(1, 7))}  # all of it
    assert days("next week", monday) == {f"2026-12-{d:02d}" for d in range(7, 14)}
    assert days("this weekend", monday) == {"2026-12-05", "2026-12-06"}
    assert days("tomorrow", monday) == days("in 1 days", monday) == {"2026-12-01"}
    assert days("the day after tomorrow", monday) == {"2026-12-02"}
    assert days("next Friday", monday) == days("what is due on Friday?", monday) == {"2026-12-04"}
    assert days("what did I do on Friday?", monday) == {"2026-11-27"} and days("this Friday", monday) == {"2026-12-04"}
    assert len(days("next month", monday)) == 31 and min(days("next month", monday)) == "2026-12-01"
    assert len(days("the past month", monday)) == 30 and max(days("the past month", monday)) == "2026-11-30"
    assert days("the past week", monday) == {f"2026-11-{d}" for d in range(24, 31)}
    assert days("last weekend", monday) == days("past weekend", monday) == {"2026-11-28", "2026-11-29"}
    assert len(days("last month", monday)) == 31 and min(days("last month", monday)) == "2026-10-01"
    assert days("the last 3 days", monday) == {"2026-11-28", "2026-11-29", "2026-11-30"}
    assert days("on 12 March and yesterday", monday) == {"03-12", "2026-11-29"}
    # a weekday alone or in a name is no day
    assert days("2023 Monday Night Live: what did Peter say?", monday) == set()
    assert days("what happened on Monday Night Live?", monday) == set()
    assert days("what did I do on Friday Harbor?", monday) == set()
    # ... but a name after the day that says something is no part of it (s42's left-overs: the day had been lost)
    assert days("On Monday Priya said what?", monday) == days("on Monday Priya's notes", monday) == {"2026-11-23"}
    assert days("what did I buy last Tuesday at the market?", monday) == {"2026-11-24"}
    assert days("the last two days of the conference", monday) == set()
    assert days("Black Friday deals", monday) == days("a monday.com board", monday) == set()


def test_years_are_the_years_a_question_asks_about():
    assert years("what did Werner say at re:Invent 2023 and 2024?") == {"2023", "2024"}
    # a starting point, a version number or another number is not the year asked about
    assert years("what changed since 2022, after 2021, pre-2020") == set()
    assert years("release v2.2019 on port 20230") == set()
    assert years("nDCG@10 on Touché-2020 and CoNLL-2003") == set()  # a year joined to a name is the name's
    assert years("Before 1999 and In 1850") == {"1850"}


def test_which_questions_ask_for_a_note():
    for q in ("Which note covers TCP fairness?", "which page lists the built-in properties",
              "Where are my notes on logging?", "Where did I weigh up a startup?", "what post explains X",
              "which notes cover reinforcement learning", "Which pages mention flashcards?",
              "which posts are about home batteries", "where is my reading list page?",
              "which chapter outline has the audience with the Queen?", "which draft is the harbour fire in?",  # (trial G: a novelist's chapters, outlines and drafts)
              "Which page are my eigenvalue lecture notes on?", "Where is my upper/lower gym split written down?"):
        # (trial s37)
        assert seeks_note(q), q
    for q in ("Where do I click to rebuild the index?", "what is strict consistency?",
              "which language did I pick?", "notes on TCP", "what is a page table?", "what is a page reference?",
              "which page table format does x86 use?", "which notes app do I use?",
              "what documents are needed for the visa application", "which notes are in a C major chord",
              "what notes are played in a G7 chord", "where is the office moving?",
              "where is the decision about memoQ?", "which file has the VPN settings?",
              "which file does nginx read its config from?", "where is the key kept in winter?", "where do I keep the spare key?",
              "where is the greenhouse sensor data recorded?",
              "which pages are the slowest to load?"):  # a file of the notes' subject, not a note
        assert not seeks_note(q), q


def test_which_questions_ask_for_steps():
    from notesqa.query import asks_steps

    for q in ("how do I restart nginx?", "I deleted a note, how do I get it back?", "what are the steps to restore it?",
              "walk me through setting up sync", "instructions for the espresso machine"):
        assert asks_steps(q), q
    for q in ("what's the plumber's number?", "what did I say about Heat?", "who owns the docs?"):
        assert not asks_steps(q), q


def test_the_word_that_asks_for_a_note_is_not_a_word_to_find():
    from notesqa.query import without_asked_noun

    assert without_asked_noun("which note has my parents' address?") == "which  has my parents' address?"
    assert without_asked_noun("Where are my notes on the protocol?") == "Where are my  on the protocol?"
    # only the noun that asks: the question's own "notes" stays, and a question for no note is as written
    assert without_asked_noun("Which pages mention notes?") == "Which  mention notes?"
    assert without_asked_noun("what is a page table?") == "what is a page table?"


def test_which_questions_ask_where_notes_mention_a_thing():
    for q, subject in (("which notes mention Priya?", "Priya"), ("which notes talk about Priya?", "Priya"),
                       ("where do I mention Redpanda?", "Redpanda"), ("Which pages refer to the offsite?", "the offsite")):
        assert seeks_mentions(q) and mention_subject(q) == subject, q
    for q in ("which page is about Priya?", "Where do I click to rebuild the index?", "what did Priya mention?"):
        assert not seeks_mentions(q), q


def test_dates_the_wrong_way_round_are_said_to_be():
    with pytest.raises(QueryError, match="after: 2025-01-01 is later than before: 2024-01-01"):
        merge_filters(parse_query("after:2025-01-01 before:2024-01-01 cells")[1])
    assert merge_filters(parse_query("after:2024-01-01 cells")[1], before="2024-01-01").after == "2024-01-01"


def test_a_day_named_in_a_question_moves_by_whole_days():
    monday = date(2026, 11, 30)
    assert shift_day("what did I do on 14 November?", -1, monday) == "what did I do on 13 November?"
    assert shift_day("the March 1st, 2024 meeting", -1, monday) == "the 29 February 2024 meeting"  # a leap year
    assert shift_day("what did I do yesterday?", -1, monday) == "what did I do on 2026-11-28?"
    assert shift_day("what did I do last week?", 1, monday) is None  # not one day
    assert shift_day("cells", 1, monday) is None
    assert shift_day("what did I do on 3 March and 5 March?", -1, monday) is None  # two days
    assert shift_day("after:2025-01-01 what did I do on 14 March?", -1, monday) == \
        "after:2025-01-01 what did I do on 13 March?"  # a filter's date stays
    assert days("was it last Friday I paid the plumber?", monday) == {"2026-11-27"}  # "I" is no name
    assert days("what was due on Friday?", monday) == {"2026-11-27"}  # looks back



def test_a_question_asks_how_to_do_something():
    from notesqa.query import asks_how

    for q in ("how do I restart the billing api?", "How to rotate certs", "what's the command for lag?",
              "which command lists topics?"):
        assert asks_how(q), q
    for q in ("how does sharding work?", "why did it fail?", "what is the plan"):
        assert not asks_how(q), q


def test_an_address_is_not_a_version():
    from notesqa.query import versions

    assert versions("what fixed ECONNREFUSED 127.0.0.1:5432 on 10.0.0.5?") == set()
    assert versions("upgrade to v1.2.3.4, not 2.0.1") == {"1.2.3.4", "2.0.1"}


def test_a_question_for_the_notes_of_a_time_is_a_listing_of_them():
    from notesqa.query import listing_period

    today = date(2026, 11, 30)
    assert listing_period("notes created in 2023", today) == ("2023-01-01", "2023-12-31")
    assert listing_period("what did I add last November?", today) == ("2025-11-01", "2025-11-30")
    assert listing_period("show my notes from 2024 and 2025", today) == ("2024-01-01", "2025-12-31")
    assert listing_period("notes from last week", today) == ("2026-11-23", "2026-11-29")
    # something asked of them, or one day (its passages: the day's evidence in ranking), is no listing
    for question in ("notes about spacing from 2023", "what did Werner say in 2023?", "what did I write yesterday?",
                     "what did I write on 2025-11-14?", "in 2023"):
        assert listing_period(question, today) is None, question


def test_quoted_words_are_a_phrase_to_say_and_stay_words_of_the_question():
    text, f = parse_query('what is "shuffle sharding" for?')
    assert text == "what is shuffle sharding for?" and f.phrases == ("shuffle sharding",)
    assert f and not f.of_notes and filter_mask([], f) is None  # a passage's words: not a filter of notes
    # curly quotes as a Mac or phone types them, German and French ones; each phrase once, spaces tidied
    text, f = parse_query('“cell  based” „Zelle“ «cellule» "cell  based"')
    assert f.phrases == ("cell based", "Zelle", "cellule") and text == "cell based Zelle cellule cell based"


def test_a_quoted_filter_value_empty_quotes_and_a_lone_quote_are_no_phrase():
    text, f = parse_query('tag:"my tag" what is it')
    assert f.tags == ("my tag",) and f.phrases == () and text == "what is it"
    assert parse_query('"" "?!" cells')[1].phrases == ()
    assert parse_query('the 5" screen')[1].phrases == ()
    # a filter keeps the question's phrases when filters are added as options
    assert merge_filters(parse_query('"cells" x')[1], tags="aws").phrases == ("cells",)


def test_a_word_after_a_dash_is_left_out_unless_quoted_a_flag_or_all_there_is():
    assert parse_query("COPD exacerbation -antibiotics -asthma")[1].excluded == ("antibiotics", "asthma")
    assert parse_query("COPD exacerbation -antibiotics")[0] == "COPD exacerbation"
    for kept in ("rm -rf", "git push --force-with-lease", "x-ray findings", "temperature -5 degrees",
                 '"exact -words" here', "-antibiotics"):  # short flags, compounds, numbers, quotes, all there is
        assert parse_query(kept)[1].excluded == (), kept
    assert parse_query("what does find -name do", flags=("name",)) == ("what does find -name do", Filters())
    assert parse_query('"shuffle sharding" -customers')[1].excluded == ("customers",)  # the phrase is words


def test_for_or_by_a_weekday_is_the_next_one():
    today = date(2026, 11, 30)  # a Monday
    assert days("what's scheduled for Wednesday?", today) == {"2026-12-02"}
    assert days("what is due by Friday?", today) == days("what's due by friday", today) == {"2026-12-04"}
    assert days("what is due by Monday?", today) == {"2026-11-30"}  # today is that day
    assert days("what did I do on Wednesday?", today) == {"2026-11-25"}  # "on": the last one, as before


def test_what_asks_what_is_due():
    from notesqa.query import asks_due

    assert asks_due("what's due this week?") and asks_due("deadlines on Friday") and asks_due("scheduled for Monday")
    assert not asks_due("what did I do this week?")


def test_a_question_for_what_is_due_that_says_nothing_else_lists_them():
    from notesqa.query import lists_only_tasks

    for q in ("what's due this week?", "what is due on December 4?", "what's overdue?", "anything due tomorrow?",
              "which deadlines did I miss?", "What tasks are due next week?"):
        assert lists_only_tasks(q), q
    for q in ("what's due this week for the SSO launch?", "what is overdue in the garden?"):
        assert not lists_only_tasks(q), q


def test_a_holiday_or_a_season_names_its_days():
    # trial D's diarist: "what did I write on New Year's Eve 2023?", "what did I do last summer?"
    span = partial(_span, today=date(2026, 12, 1))
    assert span("what did I write on New Year's Eve 2023?") == ("2023-12-31", "2023-12-31")
    assert span("what did we do last Christmas?") == span("Christmas Day") == ("2025-12-25", "2025-12-25")
    assert span("what is planned for Christmas?") == ("2026-12-25", "2026-12-25")  # it looks ahead
    assert span("new years eve") == ("2025-12-31", "2025-12-31") and span("Hallowe'en") == ("2026-10-31", "2026-10-31")
    assert span("what did I do last summer?") == span("in summer 2026") == ("2026-06-01", "2026-08-31")
    assert span("last winter") == ("2025-12-01", "2026-02-28") and span("winter 2023") == ("2023-12-01", "2024-02-29")
    assert span("in the fall") == ("2026-09-01", "2026-11-30") and span("next spring") == ("2027-03-01", "2027-05-31")
    # a season as a word of a name is no time (the recheck: "in Spring Boot" had been read as this spring)
    for q in ("my summer reading list", "the fall of Rome", "how do I configure logging in Spring Boot?",
              "what happened in the fall of Rome?", "what's in the summer reading list?", "in the summer release",
              "in the winter olympics", "in the summer of 69"):
        assert span(q) is None, q
    assert span("what did I do in the summer when Tom left?") == span("in the summer?") == ("2026-06-01", "2026-08-31")
    assert span("in the autumn of 2023") == ("2023-09-01", "2023-11-30")
    assert span("what did I do in the summer holidays?") == span("in the summer months") == ("2026-06-01", "2026-08-31")
    assert span("the Christmas card list") is None and span("Christmas tree lights") is None
    assert span("what's in the Christmas presents list for 2024?") is None  # a list, no day (trial EV)
    # plans look ahead, to this year's Christmas
    assert span("Christmas Eve plans") == ("2026-12-24", "2026-12-24")
    from notesqa.query import asks_only_the_day

    assert asks_only_the_day("what did I do last summer?")


def test_a_month_without_a_year_takes_the_year_of_the_last_such_month_the_notes_have():
    noted = lambda: frozenset({"2024-06", "2023-06", "2025-01"})  # noqa: E731
    today = date(2026, 12, 1)
    assert with_noted_year("what did I do in June?", noted, today) == "what did I do in June 2024?"
    assert with_noted_year("in April and during January?", noted, today) == "in April and during January 2025?"
    for q in ("what did I do in June 2025?", "what did I do last June?", "what is due in June?", "in December"):
        assert with_noted_year(q, noted, today) == q  # a year, a step, looking ahead, nothing to go back to
    for q in ('which song says "in June"?', "what did I learn in June Carter's class?"):
        assert with_noted_year(q, noted, today) == q  # a quoted phrase's words, a name (the review)
    assert with_noted_year("what did I do in June?", lambda: frozenset({"2026-06", "2024-06"}), today) == \
        "what did I do in June?"  # this year's June has notes


def test_a_week_by_its_number_alone_takes_the_year_of_the_last_weekly_note_of_that_number():
    # trial s41: weekly reviews "2024-W38.md", asked "what went well in week 38?", had matched the words "week 38" only
    weeks = lambda: frozenset({"2024-W38", "2023-W38", "2025-W02"})  # noqa: E731
    never = lambda: frozenset()  # noqa: E731
    today = date(2026, 12, 1)
    assert with_noted_year("what went well in week 38?", never, today, weeks) == "what went well in week 38 of 2024?"
    assert with_noted_year("week 2's review", never, today, weeks) == "week 2 of 2025's review"
    assert days(with_noted_year("week 38", never, today, weeks)) == {f"2024-09-{d}" for d in range(16, 23)}
    for q in ("what did we cover in week 3 of the course?", "week 38 of 2023", "week 38, 2023", "week 3 in CS 6200",
              "weeks 38", "week 38-39", 'which note says "week 38"?', "what went well in week 12?"):
        assert with_noted_year(q, never, today, weeks) == q  # of something, a year, a span, quoted, no such note
    assert with_noted_year("what went well in week 38?", never, today) == "what went well in week 38?"  # no weeks
    # the review: a year the question says elsewhere is the year; a quoted or filtered "week 38", and "week 38 2024",
    # "week 9.5" stay as written
    assert with_noted_year("what went well in 2023 week 38?", never, today, weeks) == \
        "what went well in 2023 week 38 of 2023?"
    assert with_noted_year("in 2022, what went well in week 38?", never, today, weeks) == \
        "in 2022, what went well in week 38?"  # no weekly note of that week that year
    for q in ("what does “week 38” say", 'tag:"week 38" review', "what went well in week 38 2024", "week 9.5"):
        assert with_noted_year(q, never, today, weeks) == q
    future = lambda: frozenset({"2024-W50", "2026-W50", "2027-W50"})  # noqa: E731
    assert with_noted_year("plans for week 50", never, today, future) == "plans for week 50 of 2024"  # begun by today
    assert with_noted_year("plans for week 50", never, date(2026, 12, 7), future) == "plans for week 50 of 2026"
    assert with_noted_year("plans for week 50", never, date(2024, 1, 5), future) == "plans for week 50 of 2027"  # none


def test_a_day_said_with_of_and_the_week_of_a_day_said_in_words():
    # trial s42: "the 6th of February 2025" had been read as the month, "the week of 10 February 2025" as the day
    assert days("anything notable on the 6th of February 2025?") == {"2025-02-06"}
    assert days("what did I submit the week of 10 February 2025?") == {f"2025-02-{d}" for d in range(10, 17)}
    assert days("the week of February 12th, 2025") == {f"2025-02-{d}" for d in range(10, 17)}  # its Monday to Sunday
    assert days("the week of 31 February 2025") == set()  # no such day


def test_next_week_beside_a_period_named_by_its_year_is_words_not_the_coming_week():
    # trial s42: "what was the plan for next week in my week 16 review" (the review's "## Next week") had been read
    # as the coming week, and said "Nothing in your notes is dated from 2026-12-07 to 2026-12-13"
    today = date(2026, 12, 2)
    week16 = {f"2025-04-{d}" for d in range(14, 21)}
    assert relative_days("what was the plan for next week in my week 16 of 2025 review", today) == week16
    assert relative_days("the plan for next week in 2025-W16", today) == week16
    assert without_relative_days("the plan for next week in 2025-W16") == "the plan for next week in 2025-W16"
    assert relative_days("what is planned for next week?", today) == {f"2026-12-{d:02d}" for d in range(7, 14)}
    # ... but a day beside it does not make it words (the review: "last week" had been dropped)
    assert len(relative_days("what did I do last week and on 2025-03-14?", today)) == 7
    assert without_relative_days("what did I plan last week?") == "what did I plan  ?"


def test_a_month_and_a_days_number_is_that_day_not_the_month():
    # trial s37: "what is scheduled for December 3?" had asked for all of December ("due from December 3 to ...")
    today = dt.date(2026, 12, 1)
    for q in ("what is scheduled for December 3?", "what happened in December 3rd?"):
        assert days(q, today) == {"12-03"}, q
    assert len(days("what is due in December?", today)) == 31
    assert len(days("what is scheduled for December 2026?", today)) == 31  # a year, not a day


def test_a_day_written_in_numbers_is_read_when_only_one_order_makes_a_day():
    from notesqa.query import days, shift_day

    # trial s39: a British vault's "what happened on 22/03/2025" had found 3 March
    assert days("what happened on 22/03/2025?") == days("on 22.03.2025") == {"2025-03-22"}
    assert days("on 14/1/2025") == {"2025-01-14"} and days("on 3/22/2025") == {"2025-03-22"}
    assert shift_day("what happened on 22/03/2025?", -1) == "what happened on 21 March 2025?"
    # the 3rd of April or the 4th of March? words, as before; and a month first is written with slashes only
    assert days("on 03/04/2025") == set() and days("version 1.22.2025") == set()
    assert days("ratio 22/03/20255") == set()
    assert days("on 22/03.2025") == set()  # one separator, as dates are written (the review)


def test_a_question_typed_without_its_mark_is_read_with_it():
    from notesqa.query import as_asked

    assert as_asked("how does shuffle sharding work") == "how does shuffle sharding work?"
    assert as_asked("is uv faster than poetry ") == "is uv faster than poetry?"
    assert as_asked("proxmox vs esxi why") == "proxmox vs esxi why?"
    assert as_asked("what is a hypervisor?") == "what is a hypervisor?"
    # words that ask nothing, and a question that ends otherwise, as typed
    for text in ("shuffle sharding", "terraform 1.5.7", "what did I write (in 2024)", "whatever works", ""):
        assert as_asked(text) == text


def test_a_path_or_day_filter_ends_before_the_questions_mark():
    # the question fuzz (s42): "what did I do path:journal?" had said "No note is in journal?."; "after:2024-01-01?"
    # had been refused as no day
    assert parse_query("what did I do path:journal?") == ("what did I do", Filters(paths=("journal",)))
    assert parse_query("billing after:2024-01-01?")[1].after == "2024-01-01"
    assert parse_query('x path:"my folder?"')[1].paths == ("my folder?",)  # a quoted value as written


def test_a_filters_value_in_curly_quotes_as_a_mac_or_phone_types_them():
    # the question fuzz (s42): tag:“my tag” had said "No note is tagged ““my”"
    assert parse_query("bread tag:“my tag”") == ("bread", Filters(tags=("my tag",)))
    assert parse_query("x path:“Work notes/2024”?")[1].paths == ("Work notes/2024",)


def test_weeks_from_today_last_year_and_a_month_as_a_names_first_word():
    # the question fuzz (s42): "two weeks ago", "in 3 weeks" and "last year" had been read as no time; "in June
    # Carter's class" as June
    from notesqa.query import asked_years, years

    today = date(2026, 12, 2)
    assert relative_days("what did I do two weeks ago?", today) == {f"2026-11-{d}" for d in range(16, 23)}
    assert relative_days("what is due in 3 weeks?", today) == {f"2026-12-{d}" for d in range(21, 28)}
    assert relative_days("a week ago", today) == {f"2026-11-{d}" for d in range(23, 30)}
    assert without_relative_days("what did I do two weeks ago?").split() == ["what", "did", "I", "do", "?"]
    assert relative_days("what did I learn in June Carter's class?", today) == set()
    assert len(relative_days("in December I went skiing", today)) == 31  # "I" is no name
    assert asked_years("what did I fix last year?", today) == {"2025"} and asked_years("this year", today) == {"2026"}
    assert years("Compared to last year, sales doubled") == set()  # a note's "last year" is of its own day


def test_empty_or_twice_given_filters_and_invisible_characters_are_said_or_dropped():
    # the question fuzz (s42): tag:"" had said "No note is tagged  ", a second after: dropped the first without a word,
    # a zero-width space pasted after a tag made it no tag, and a terminal's escape went into the notices
    with pytest.raises(QueryError, match='tag: needs a value between the quotes'):
        parse_query('bread tag:""')
    with pytest.raises(QueryError, match="after: is given twice, 2024-01-01 and 2024-09-01"):
        parse_query("billing after:2024-01-01 after:2024-09-01")
    assert parse_query("billing after:2024-01-01 after:2024-01-01")[1].after == "2024-01-01"  # the same twice
    assert parse_query("tag:aws\u200b billing") == ("billing", Filters(tags=("aws",)))
    assert "\x1b" not in parse_query("why \x1b[2J\x1b[31mRED")[0]


def test_the_second_reviews_readings():
    # a long question of weeks or months is read in time in proportion to its length (had taken a minute)
    import time

    start = time.perf_counter()
    with_noted_year(("week 1 " * 8000)[:50000], lambda: frozenset(), weeks=lambda: frozenset({"2024-W01"}))
    with_noted_year("in June " * 6000, lambda: frozenset({"2024-06"}))
    assert time.perf_counter() - start < 3
    # a value with no closing quote loses its opening one only (tag:"aws had been "aw")
    assert parse_query('x tag:"aws')[1].tags == ("aws",) and parse_query("x path:“Work")[1].paths == ("Work",)
    with pytest.raises(QueryError, match='-tag: needs a value'):
        parse_query('cells -tag:""')
    # "in 3 weeks" as how long is no week; "since last year", "over the last year" no calendar year
    from notesqa.query import asked_years, check_question, listing_period

    assert relative_days("how much weight did I lose in 3 weeks?", date(2026, 12, 2)) == set()
    assert asked_years("what changed since last year?") == set() == asked_years("my runs over the last year")
    assert listing_period("notes created last year", date(2026, 12, 2)) == ("2025-01-01", "2025-12-31")
    # ZWNJ spells Persian words: kept; an invisible question is empty
    assert parse_query("می\u200cخواهم")[0] == "می\u200cخواهم"
    with pytest.raises(QueryError, match="The question is empty"):
        check_question("\u200b\ufeff")


def test_a_dashed_date_filter_is_refused_saying_what_to_write():
    # the question fuzz (s42): "kettle -after:2024-01-01" had been a question about that day
    with pytest.raises(QueryError, match=r"-after: is no filter; .* before:YYYY-MM-DD"):
        parse_query("kettle -after:2024-01-01")


def test_words_in_quotes_name_no_day():
    # '"Yesterday"' is the song's name, words to find as written (s42's left-overs: read as the day before today)
    today = date(2026, 12, 2)
    assert days('notes on the song "Yesterday"', today) == set()
    assert day_phrases("what did I write about “last week”") == []
    assert without_days("what did I write about “last week” yesterday") == "what did I write about “last week”"
    assert days("what did I write about “last week” yesterday", today) == {"2026-12-01"}
