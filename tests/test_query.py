"""Questions as written (query.py): filters in the text, their errors and hints, quoted phrases, paths."""

import dataclasses
import datetime as dt
from datetime import date

import pytest

from notesqa import QueryError
from notesqa.chunking import Chunk
from notesqa.grammar import FILTER
from notesqa.periods import with_noted_year, relative_days
from notesqa.query import (TOP_LEVEL, Filters, as_words_said, filter_mask, merge_filters, parse_date, parse_query,
                           unmatched)


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
    assert parse_query("after:01.01.2026 x")[1].after == "2026-01-01"  # dotted: day first (trial s47 had been refused)
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



def test_a_filter_argument_of_none_or_empty_is_an_argument_error():
    # the error-path audit (s43): tags=[None] had raised AttributeError, --path "" said "No note is in the notes
    # folder itself"
    from notesqa.errors import ArgumentError

    f = Filters()
    for kwargs, says in (({"tags": [None]}, "got None in it"), ({"paths": [None]}, "got None in it"),
                         ({"paths": [""]}, "paths has an empty value"), ({"tags": " "}, "tags has an empty value"),
                         ({"tags": ["aws", ""]}, "give a tag"), ({"tags": "#"}, "tags has an empty value")):
        with pytest.raises(ArgumentError, match=says):
            merge_filters(f, **kwargs)


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
    # a note's file name alone is that note in any folder (trial s58 OB: a Logseq page, "Arsenic and Old Lace.md", had
    # been "No note is in Arsenic and Old Lace.md": its pages/ folder is no folder the app shows)
    assert filter_mask(chunks, Filters(paths=("c.md",))).tolist() == [False, False, True, False]
    assert filter_mask(chunks, Filters(paths=("?.md",))).tolist() == [True, True, True, True]
    assert filter_mask(chunks, Filters(paths=("deep/c.md",))).tolist() == [False, False, False, False]  # (from the top)
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


def test_dates_the_wrong_way_round_are_said_to_be():
    with pytest.raises(QueryError, match="after: 2025-01-01 is later than before: 2024-01-01"):
        merge_filters(parse_query("after:2025-01-01 before:2024-01-01 cells")[1])
    assert merge_filters(parse_query("after:2024-01-01 cells")[1], before="2024-01-01").after == "2024-01-01"


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
    # ... and the one a question says it is not, last ("..., not the modern one": trial s62 K, the modern trench's row
    # had come first)
    text, f = parse_query("sbc trench that was totally blank, not the modern one")
    assert f.excluded == ("modern",) and text.split() == ["sbc", "trench", "that", "was", "totally", "blank"]
    assert parse_query("which fridge, but not the samsung one?")[1].excluded == ("samsung",)
    for kept in ("why is the trench not the one we dug", "not the one", "is it not the best one?"):
        assert parse_query(kept)[1].excluded == (), kept
    from notesqa.hits import with_spelling
    assert with_spelling((), ("modern",), None, not_the=("modern",)) == \
        "Left out what says “modern”, as the question says it is not that one."


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
    from notesqa.periods import asked_years
    from notesqa.query import check_question, listing_period

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

