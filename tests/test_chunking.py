"""Units -> chunks (chunking.py): sentence windows, token windows, embedding input, sections, code."""

import dataclasses

import pytest

from notesqa.chunking import Chunk, chunk_note, context_line, make_token_splitter, sections, sentence_windows
from notesqa.parsing import parse_note

from conftest import SAMPLE_NOTES


def _days_of(text: str, rel: str) -> dict[str, str | None]:
    """Each chunk's text -> its day, of the note text at rel."""
    return {c.text: c.date for c in chunk_note(parse_note(text, rel))}


def test_long_paragraph_becomes_sentence_windows_with_lines():
    raw = "First sentence is here.\nSecond one follows on the next line. " + " ".join(
        f"Sentence number {i} adds words." for i in range(30))
    wins = sentence_windows(raw, 10, limit=120)
    assert len(wins) > 3
    assert wins[0][0] == 10 and wins[1][0] >= 10
    assert all(len(t) <= 120 for _, t in wins)
    assert " ".join(t for _, t in wins) == " ".join(raw.split())


def test_a_long_paragraph_cut_after_a_quote_keeps_its_closing_marks():
    # trial s37: a novel's "That's what the Archive would say." He wrote ... had lost its closing quote, narration
    # reading as dialogue; so a bracket after a sentence's end, and curly quotes
    raw = ('"That\'s what the Archive would say." He wrote it down anyway. "Tell me, Keeper. If I bound a memory, '
           'would we each get half?" (She did not answer.) He said \u201cstop.\u201d Then he left: Nobody followed.')
    wins = sentence_windows(raw, 1, limit=20)  # a sentence a window
    assert " ".join(t for _, t in wins) == raw  # not a mark lost
    assert wins[0][1] == '"That\'s what the Archive would say."' and "(She did not answer.)" in [t for _, t in wins]
    assert "He said \u201cstop.\u201d" in [t for _, t in wins]


def test_embedding_input_carries_context_and_shown_text_does_not(embedder):
    note = parse_note((SAMPLE_NOTES / "aws-reinvent-2024.md").read_text(), "aws-reinvent-2024.md")
    chunks = chunk_note(note, make_token_splitter(embedder.count_tokens, embedder.max_tokens))
    c = next(c for c in chunks if c.text == "Shuffle sharding to map customers to cells")
    assert c.embed.startswith("AWS re:Invent 2024 > Keynotes > CTO Werner Vogels > Lessons in Simplexity > "
                              "Organize into cells: ")
    assert c.embed.endswith(c.text)
    assert len(c.hash) == 64


def test_the_model_reads_struck_out_text_without_its_marks(embedder):
    note = parse_note("# Plot\n\n- The ~~old~~ new plan, `a~~b`\n", "p.md")
    chunk = chunk_note(note, make_token_splitter(embedder.count_tokens, embedder.max_tokens))[0]
    assert chunk.text == "The ~~old~~ new plan, `a~~b`"
    assert chunk.embed.endswith("The old new plan, a~~b")


def test_a_passage_dated_only_by_its_notes_front_matter_is_marked_so():
    # trial s81 Q: "date: 2027-08-10" of "Bank holiday weekend plan" is the day it was written, not each line's
    plan = parse_note("---\ndate: 2027-08-10\n---\n# Plan\n\n- picnic at the lake\n  - take the blue rug\n"
                      "- Tue 10 Aug: booked the lake car park\n", "Bank holiday weekend plan.md")
    assert [(c.text, c.date, c.note_day) for c in chunk_note(plan)] == [
        ("picnic at the lake", "2027-08-10", True), ("take the blue rug", "2027-08-10", True),
        ("Tue 10 Aug: booked the lake car park", "2027-08-10", False)]
    # ... not a day's note nor one its name dates, whatever its front matter says
    for name in ("Daily/2027-08-10.md", "2027-08-10 meeting with Karen.md"):
        note = parse_note("---\ndate: 2027-08-10\n---\n- picnic at the lake\n", name)
        assert [(c.date, c.note_day) for c in chunk_note(note)] == [("2027-08-10", False)]
    assert "note_day" not in chunk_note(parse_note("- picnic\n", "a.md"))[0].to_json()  # (a rare field)


def test_a_line_of_a_note_its_front_matter_alone_dates_is_of_the_one_day_it_writes():
    # trial s82 K: "Amir, Tue 9 Nov, £185" of a mould note begun 11 October (front matter) had been of 11 October
    note = parse_note("---\ndate: 2027-10-11\n---\n# Mould\n\n- Amir, Tue 9 Nov, £185\n- Checked at the inspection 18 Nov"
                      "\n- treat with spray\n- 3 Nov and 9 Nov visits\n", "flat 2 mould.md")
    assert [(c.date, c.note_day) for c in chunk_note(note)] == [
        ("2027-11-09", False), ("2027-11-18", False), ("2027-10-11", True), ("2027-10-11", True)]
    nested = parse_note("---\ndate: 2027-10-11\n---\n- Quotes\n  - Amir, Tue 9 Nov, £185\n", "flat 2 mould.md")
    assert [c.date for c in chunk_note(nested)] == ["2027-10-11", "2027-11-09"]  # (the review: under a line of no day)
    # ... not one of a day's note, nor of a note its name dates (their lines are of their day, as written then)
    for name in ("Daily/2027-10-11.md", "2027-10-11 mould visit.md"):
        assert [c.date for c in chunk_note(parse_note("- Amir, Tue 9 Nov, £185\n", name))] == ["2027-10-11"]


def test_a_heading_closed_by_a_day_on_its_weekday_of_no_year_is_of_the_year_near_today_it_holds_in(monkeypatch):
    # trial s86 N: "# Burns Night – Thu 25 Jan" had been of no day, its "Taxi back – Cotswold Cars booked for 11.30pm"
    # 6th for "what time is my cab home tonight"; of the one of last, this and next year it is a Thursday in
    from notesqa.metadata import headings_day

    monkeypatch.setenv("NOTESQA_TODAY", "2029-01-25")
    assert [headings_day([h]) for h in ("Burns Night – Thu 25 Jan", "Burns Night – Tue 25 Jan", "Burns Night – Sat 25 Jan",
                                        "call sheet, week of Mon 23 Nov")] == ["2029-01-25", "2028-01-25", None, None]
    # ... not a name read as a weekday, nor a day far ahead (an old note's), and a year that leads it its own (the
    # review: "Dinner with friends 25 Jan" had been a Friday's, 2030's; "Parents evening – Thu 7 Mar" 2030's)
    assert [headings_day([h]) for h in ("Dinner with friends 25 Jan", "Coffee with Monty 14 Feb",
                                        "Parents evening – Thu 7 Mar", "2024 — at ours, Thu 25 Jan")] == [
        None, None, None, "2024-01-25"]
    note = parse_note("# Burns Night – Thu 25 Jan\n\n- Taxi back booked for 11.30pm\n", "burns night.md")
    assert [c.date for c in chunk_note(note)] == ["2029-01-25"]


def test_a_year_heading_in_a_note_named_by_a_holiday_is_of_that_holiday_that_year():
    # trial s86 Q: "Burns Night" > "## 2028" > "Dad did the Address to the Haggis" had been of no day, out of ten for
    # "what happened at burns night last year"; not a note of another name, nor a heading of a year and a number
    page = "- every 25 Jan\n\n## 2029 - tonight (Thu)\n- Doors 7pm\n\n## 2028\n- Dad did the Address\n"
    assert [c.date for c in chunk_note(parse_note(page, "Burns Night.md"))] == [None, "2029-01-25", "2028-01-25"]
    assert {c.date for c in chunk_note(parse_note(page, "Ceilidh.md"))} == {None}
    assert [c.date for c in chunk_note(parse_note("# Christmas\n\n## 2027/28 budget\n- £400\n", "Christmas.md"))] == [None]
    # ... and a year alone in brackets, in a note named with the holiday's year too (trial s86 X: "Burns Night 2029" >
    # "## Last year (2028)" > "We hosted" had been of the note's day, 25 January 2029)
    page = "---\ndate: 2029-01-25\n---\n- bring cranachan\n\n## Last year (2028)\n- We hosted\n"
    assert [c.date for c in chunk_note(parse_note(page, "Burns Night 2029.md"))] == ["2029-01-25", "2028-01-25"]
    # ... its name the holiday's alone, not an event of its season (the rescore: "Christmas maths quiz" > "## 2027 plan"
    # had been of Christmas Day)
    quiz = parse_note("# Christmas maths quiz\n\n## 2027 plan\n- prizes\n", "Christmas maths quiz.md")
    assert [c.date for c in chunk_note(quiz)] != ["2027-12-25"]


def test_a_heading_of_a_month_and_a_word_or_two_dates_its_lines_to_that_month():
    # trial s82 H: "## November spending" > "November total: £522.44" had been of no day, 15th for "what did the dept
    # spend in november" (every passage of November lifted over it)
    budget = parse_note("# Budget 2027-28\n\n## November spending\n- November total: £522.44\n\n## Spending in January"
                        "\n- books\n\n## May spending\n- pens\n", "Budget 2027-28.md")
    assert [c.date for c in chunk_note(budget)] == ["2027-11-01", "2028-01-01", None]  # (May: of either year)
    # ... its year after it (trial s85 D: "## September 2028 actuals" > "Rent £150, van £312 ... = £668" of no day, 7th
    # for "what did the bills come to in september"); not a thing's month ("## Fitted in March 2019")
    bills = parse_note("# Monthly bills\n\n## September 2028 actuals\n- Rent £150 = £668\n\n## Fitted in March 2019\n"
                       "- boiler\n", "Monthly bills.md")
    assert [c.date for c in chunk_note(bills)] == ["2028-09-01", None]
    # ... and a month and its year that open a heading, then a caption of a few words (trials s86 A, F: "## December
    # 2028 one-offs" > "Octopus bill for December usage: £214.36" of no day, 5th for "what did the energy cost us in
    # december")
    bills = parse_note("# Bills\n\n## December 2028 one-offs\n- Octopus £214.36\n\n## December 2028 — what actually "
                       "went out\n- TV licence\n\n## December 2028 bills (actual)\n- gas\n", "Bills.md")
    assert [c.date for c in chunk_note(bills)] == ["2028-12-01", "2028-12-01", "2028-12-01"]
    import time

    from notesqa.chunking import _MONTH_YEAR_CAPTION

    started = time.perf_counter()  # (a long word that fails it fails fast: it had taken a second a line, the review)
    assert _MONTH_YEAR_CAPTION.fullmatch("December 2028 " + "joint-account-reconciliation-against-" * 3 + "x 1/2") is None
    assert time.perf_counter() - started < 0.5
    spent = parse_note("---\ndate: 2027-11-30\n---\n# November 2027 — where it went\n\n- checked the account\n", "n.md")
    assert [c.date for c in chunk_note(spent)] == ["2027-11-30"]  # (its note's own day of that month: the review)
    # ... and so a table's month alone (trial s82 I: "| Nov | £5,310 |" of "Budget 2027-28", of no day, second for "what
    # did we spend on dressings in november" under a 1:1's line of 16 November)
    rows = parse_note("# Budget 2027-28\n\n| Month | Spend |\n|---|---|\n| Nov | £3,412 |\n| Jan | £2 |\n| May | £3 |\n",
                      "Budget 2027-28.md")
    assert [c.date for c in chunk_note(rows)] == ["2027-11-01", "2028-01-01", None]
    # ... and a day of a month, of the span's year its month or its weekday says (trial s85 L: "| Sun 5 Nov |" of
    # "Festivals Calendar 2028-29" had been of no day, "when is the next festival" 10 Dec's; "Sun 22 Apr" is 2029's)
    rows = parse_note("# Festivals Calendar 2028-29\n\n| Date | Festival |\n|---|---|\n| Sun 5 Nov | Hartley |\n"
                      "| Sun 22 Apr | Kingsmead |\n| Mon 22 Apr | no such |\n| 4 Feb | Chosen Hill |\n| 12 May | May |\n",
                      "Festivals Calendar 2028-29.md")
    assert [c.date for c in chunk_note(rows)] == ["2028-11-05", "2029-04-22", None, "2029-02-04", None]
    plans = parse_note("---\ndate: 2027-11-30\n---\n## January plans\n- a\n\n## Due November\n- b\n\n"
                       "## May be useful\n- c\n\n## Maya born in May\n- d\n", "Plans.md")
    assert [(c.date, c.note_day) for c in chunk_note(plans)] == [
        ("2028-01-01", False), ("2027-11-30", True), ("2027-11-30", True), ("2027-11-30", True)]
    # (a verb or a name, not a month: the blog's "# State Updates May be Asynchronous" had been of May 2025; the review's
    # "## April Jones", "## Questions for June")
    words = parse_note("# State Updates May be Asynchronous\n\n- a\n\n## Call with June\n- b\n\n## April Jones\n- c\n\n"
                       "## Questions for June\n- d\n", "2025-06-16-react.md")
    assert [c.date for c in chunk_note(words)] == ["2025-06-16"] * 4


def test_a_table_row_of_a_note_named_by_a_holiday_and_its_year_is_of_its_own_day():
    # trial s82 D: "On-call Rota Christmas 2027" > "Rota v3 (6 Dec)" > "| Sat 18 Dec | Marek |" had been of 6 December
    # (its block's), the 2026 page first for "christmas on call rota"
    note = parse_note("- **Rota v3** (6 Dec)\n\n  | Day | Primary |\n  | --- | --- |\n  | Sat 18 Dec | Marek |\n"
                      "  | Sat 1 Jan | Ellie |\n", "On-call Rota Christmas 2027.md")
    assert [c.date for c in chunk_note(note) if c.kind == "table_row"] == ["2027-12-18", "2028-01-01"]


def test_a_table_row_whose_first_cell_is_a_day_is_of_that_day():
    # trial U: "who is on call this week?" is answered by the rota's row of this week
    note = parse_note("---\ndate: 2026-01-05\n---\n# On-call\n\n| Week of | Primary |\n|---|---|\n"
                      "| 2026-11-30 | Marcus Chen |\n| Dec 7, 2026 | Olivia |\n| 42 | Tom |\n", "On-call.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [
        ("Week of: 2026-11-30 | Primary: Marcus Chen", "2026-11-30"), ("Week of: Dec 7, 2026 | Primary: Olivia", "2026-12-07"),
        ("Week of: 42 | Primary: Tom", "2026-01-05")]
    # a month's row is of the month's first day, as a monthly note is (trial s36: "how much did RDS cost in
    # February 2024?" had a February journal's line before the bill's Feb 2024 row)
    bill = parse_note("# AWS bill\n\n| Month | RDS |\n|---|---|\n| Feb 2024 | $18,420 |\n| 2024-03 | $14,100 |\n"
                      "| Mayday 2024 | $1 |\n| Sept. 2024 | $2 |\n| Marc 2024 | $3 |\n", "AWS bill.md")
    assert [c.date for c in chunk_note(bill)] == ["2024-02-01", "2024-03-01", None, "2024-09-01", None]
    # else the one later cell that is a day (trial s46: a reading log's "Finished" column), not one of two
    log = parse_note("# Reading log\n\n| Title | Finished |\n|---|---|\n| Dune | 2024-02-25 |\n| Range | Jan 2022 |\n\n"
                     "| Title | Date started | Date finished |\n|---|---|---|\n| Educated | 2024-01-02 | 2024-01-20 |\n\n"
                     "| Title | Date published |\n|---|---|\n| Hail Mary | 2021-05-04 |\n", "log.md")
    assert [c.date for c in chunk_note(log)] == ["2024-02-25", "2022-01-01", None, None]  # (a book's own day: none)
    # ... after a tick (trial s85 H: a builder's "Paid: ✅ 22/09/2028" of no day, not found for "what did we pay gary in
    # september")
    stages = parse_note("# Loft\n\n| Stage | Amount | Paid |\n|---|---|---|\n| 2 | £9,700 | ✅ 22/09/2028 |\n"
                        "| 4 | £9,700 | due on inspection |\n", "Loft.md")
    assert [c.date for c in chunk_note(stages)] == ["2028-09-22", None]
    # a day in numbers, in the order the note writes its days (trial s52: a car's service history's "14/10/2026" rows
    # had been of no day, "the last car service" answered by the year before's); one that may be either, in none
    service = parse_note("# Service history\n\n| Date | Mileage |\n|---|---|\n| 14/10/2026 | 58,412 |\n"
                         "| 02/10/2025 | 50,105 |\n", "Car/Service history.md")
    assert [c.date for c in chunk_note(service)] == ["2026-10-14", "2025-10-02"]
    meters = parse_note("# Meters\n\n| Date | kWh |\n|---|---|\n| 01/12/2026 | 48213 |\n| 01/11/2026 | 47902 |\n",
                        "Meters.md")
    assert [c.date for c in chunk_note(meters)] == [None, None]
    # a first cell's day without its year is of the year its note's title says (trial s58 OC: "CPD log 2025"'s "3rd
    # March" row had been of no day, "what CPD did I do in march 2025" had not found it); of none, no day
    cpd = parse_note("# CPD log 2025\n\n| date | what |\n|---|---|\n| 3rd March | contract law course |\n"
                     "| 9 May | ITI conference day 1 |\n| Sept 17 | memoQ webinar |\n| June | self-study |\n", "cpd.md")
    # (a month alone, its first day, as a monthly row is: trial s59 SC-038, "Downloads 2026"'s "| Mar | 14,380 |")
    assert [c.date for c in chunk_note(cpd)] == ["2025-03-03", "2025-05-09", "2025-09-17", "2025-06-01"]
    undated = parse_note("# CPD log\n\n| date | what |\n|---|---|\n| 3rd March | contract law course |\n", "cpd.md")
    assert [c.date for c in chunk_note(undated)] == [None]
    # ... a month and the year's last two digits, that month (trial s61 YD: "Purchases 2025"'s "| Aug 25 |" had been
    # of 25 August)
    bought = parse_note("# Purchases 2025\n\n| date | what |\n|---|---|\n| Aug 25 | RO unit |\n| Aug 24 | food |\n",
                        "Purchases 2025.md")
    assert [c.date for c in chunk_note(bought)] == ["2025-08-01", "2025-08-24"]
    # a Readwise sync's heading dates the highlights under it
    synced = parse_note("# Dune\n\n## New highlights added July 7, 2024 at 9:41 AM\n\n- Fear is the mind-killer.\n",
                        "Books/Dune.md")
    assert [c.date for c in chunk_note(synced)] == ["2024-07-07"]


def test_token_window_split_measured_in_tokens(embedder):
    long = " ".join(f"word{i}" for i in range(700))
    note = parse_note(f"# H\n\n* {long}\n", "n.md")
    chunks = chunk_note(note, make_token_splitter(embedder.count_tokens, 100))
    assert len(chunks) >= 7
    assert all(embedder.count_tokens(c.embed) <= 100 for c in chunks)
    assert all(c.line == 3 for c in chunks)


def test_sections_group_chunks_by_note_and_heading_path():
    note = parse_note("# Bread\n\n## Starter\n\n* Feed it twice a day\n* Keep it warm\n\n## Bake\n\nHot oven.\n",
                      "bread.md")
    chunks = chunk_note(note) + chunk_note(parse_note("## Starter\n\n* Feed it\n", "other.md"))
    ids, texts = sections(chunks)
    assert ids == [0, 0, 1, 2]  # same heading in another note is another section
    assert texts[0] == "Bread Bread Starter Feed it twice a day Keep it warm"  # title, then the heading path
    assert texts[1] == "Bread Bread Bake Hot oven."


def test_code_shows_more_than_it_embeds_and_keyword_indexes_what_it_shows():
    from notesqa.chunking import MAX_CODE_EMBEDDED, MAX_CODE_SHOWN

    lines = [f"step_{i:02d} = run('task {i}')" for i in range(30)]
    full = "\n".join(lines)
    note = parse_note("# Build\n\nThe script that builds it:\n\n```python\n" + full + "\n```\n", "b.md")
    pieces = [c for c in chunk_note(note) if c.kind == "code"]
    code = pieces[0]
    shown = full[:full[:MAX_CODE_SHOWN].rfind("\n")]  # to the end of a line, not in a token
    assert code.text == "The script that builds it:\n" + shown + "\n…" and shown.endswith("')")
    assert code.embed.endswith(": The script that builds it:\n" + full[:MAX_CODE_EMBEDDED].rstrip())
    # a line shown but past what is embedded is still found by its words
    later = next(ln for ln in lines if full.index(ln) > MAX_CODE_EMBEDDED + 10)
    assert later in code.text and later not in code.embed and later in code.keywords
    # the rest is shown and found as pieces of whole lines, each at its own line, "…" where it goes on
    assert len(pieces) == 3 and pieces[1].text.startswith("The script that builds it:\n…\nstep_")
    assert "\n".join(p.text.split("\n", 1)[1].removeprefix("…\n").removesuffix("\n…") for p in pieces) == full
    last = pieces[-1]
    assert not last.text.endswith("…") and lines[-1] in last.keywords
    assert last.line == 5 + 1 + lines.index(last.text.split("\n")[2])  # the fence, then the code's lines
    assert pieces[0].end_line == pieces[1].line - 1 and last.end_line == 36  # each piece ends where the next begins


def test_a_pasted_log_is_indexed_by_its_start_and_its_end():
    from notesqa.chunking import MAX_CODE_PIECES, TAIL_PIECES

    lines = [f"24/03/19 02:{i // 60:02d}:{i % 60:02d} WARN S3 retry {i} of the upload" for i in range(400)]
    lines[-1] = "ERROR Job aborted due to stage failure: SlowDown"
    note = parse_note("# Incident\n\nThe log:\n\n```\n" + "\n".join(lines) + "\n```\n", "i.md")
    pieces = [c for c in chunk_note(note) if c.kind == "code"]
    assert len(pieces) == MAX_CODE_PIECES
    head, tail = pieces[:MAX_CODE_PIECES - TAIL_PIECES], pieces[MAX_CODE_PIECES - TAIL_PIECES:]
    assert "retry 0 of" in head[0].text and "Job aborted" in tail[-1].keywords  # the error at the end is found
    assert not tail[-1].text.endswith("…") and tail[0].text.startswith("The log:\n…\n")
    # each piece at its own lines; the tail's lines follow on from one another, after a gap
    assert all(a.end_line < b.line for a, b in zip(pieces, pieces[1:]))
    assert tail[-1].end_line == 6 + len(lines) and head[-1].end_line + 1 < tail[0].line  # with the closing fence
    assert [c.end_line + 1 for c in tail[:-1]] == [c.line for c in tail[1:]]
    assert lines[tail[0].line - 6] in tail[0].text  # the line it says it starts at
    from notesqa.chunking import truncated

    assert truncated(note) == ["1 code block longer than 20 pieces of 300 characters indexed by its start and end "
                               "(line 5)"]


def test_a_code_line_longer_than_a_piece_is_cut_between_words():
    from notesqa.chunking import code_pieces

    line = ("24/03/12 02:41:17 ERROR YarnScheduler: Lost executor 7: Container killed by YARN for exceeding memory "
            "limits. 10.4 GB of 10 GB physical memory used. Consider boosting spark.executor.memoryOverhead or "
            "disabling yarn.nodemanager.vmem-check-enabled because of YARN-4714. Then more words follow here to "
            "make it long enough for two pieces of one line.")
    pieces = code_pieces(line + "\n24/03/12 02:41:18 WARN next line")
    assert " ".join(p for _, p in pieces[:2]).startswith(line)  # no token cut in two ("YARN-47" / "14.")
    assert pieces[0][1][-1] != " " and pieces[1][1][0] != " "  # cut at a space, which neither keeps
    assert [b for b, _ in pieces] == [0, 0]


def test_a_code_block_is_cut_before_a_record_not_inside_one():
    # trial s85 N: a salon's colour formulas, each client's line with its toner indented under it, had been cut between
    # "Laura Fenwick   - foils: Blondor 6% + Olaplex" and "toner: CT 9/16 + drop of 9/3" ("laura fenwick 9/3 toner": out
    # of ten); a record longer than half a piece is cut at its last line as before
    from notesqa.chunking import code_pieces

    records = "".join(f"Client {n:02d} name    - foils: Blondor 6% + Olaplex, 40 mins\n"
                      f"                  toner: CT 9/16 + drop of 9/{n}\n" for n in range(8))
    for _, piece in code_pieces(records):
        assert piece.lstrip().startswith("Client") and piece.rstrip().split("\n")[-1].lstrip().startswith("toner")
    deep = "top line\n" + "".join(f"    nested line {n} with a few more words here\n" for n in range(12))
    assert len(code_pieces(deep)) == 2


def test_units_without_a_word_make_no_chunk():
    text = "---\ntitle: Pics\n---\n\nMe at the beach.\n\n.\n\n* —\n  * the child of a dash\n\n* 🎉\n"
    chunks = chunk_note(parse_note(text, "pics.md"))
    assert [c.text for c in chunks] == ["Me at the beach.", "the child of a dash"]
    assert chunks[1].parent is None and chunks[1].parents == ["—"]


def test_a_notes_authors_venue_and_year_are_words_it_is_found_by():
    note = parse_note("---\ntitle: ColBERT\nauthors: [Omar Khattab, Matei Zaharia]\nvenue: SIGIR\nyear: 2020\n"
                      "type: paper\n---\n\n* Late interaction over BERT\n", "papers/colbert.md")
    fields, chunk = chunk_note(note)
    # the front matter shown as the app shows it above the note: a thin passage of its own
    assert fields.text == "authors: Omar Khattab, Matei Zaharia\nvenue: SIGIR\nyear: 2020" and fields.thin
    for word in ("Khattab", "Zaharia", "SIGIR", "2020"):
        assert word in chunk.keywords and word not in chunk.text and word not in chunk.embed, word
    assert "paper" not in chunk.keywords.split()  # other fields are not words of it


def test_a_notes_tags_are_words_it_is_found_by():
    # trial s68 A ULT-015: "where did i write up the dolomites race" had found nothing that says "dolomites", the tag
    # of the race's note
    note = parse_note("---\ntags: [race-report, dolomites]\n---\n# Lavaredo 120\n\n- Start Cortina 23:00 #night\n",
                      "Races/Lavaredo.md")
    (chunk,) = [c for c in chunk_note(note) if "Cortina" in c.text]
    assert {"dolomites", "race-report", "night"} <= set(chunk.keywords.split())
    assert "dolomites" not in chunk.text and "dolomites" not in chunk.embed
    assert chunk.keywords.split().count("night") == 1  # (an inline tag is the note's too: said once)


def test_a_long_paragraph_cut_to_the_models_window_keeps_each_parts_line():
    from notesqa.chunking import make_token_splitter

    # a log pasted without a fence: one paragraph of thousands of lines and no sentence
    lines = [f"2024-05-01 12:00:{i % 60:02d} INFO batch {i} processed ok" for i in range(600)]
    lines[400] = "2024-05-01 12:07:00 ERROR OutOfMemoryError in the invoice reconciliation job"
    note = parse_note("# Log\n\n" + "\n".join(lines) + "\n", "log.md")
    chunks = chunk_note(note, make_token_splitter(lambda s: 2 * len(s.split()), 256))
    assert len(chunks) > 10 and chunks[0].line == 3
    hit = next(c for c in chunks if "OutOfMemoryError" in c.text)
    assert hit.line <= 403 <= hit.end_line and hit.end_line - hit.line < 40  # not line 3, not the whole log
    assert all(a.end_line < b.line + 1 for a, b in zip(chunks, chunks[1:]))


def test_a_colon_ends_a_sentence_only_before_a_capital_and_a_label_heads_what_follows():
    from notesqa.chunking import sentence_windows

    raw = ("The strike ended in April. Henri Vandamme called\nit the speed-up: by 1960 one weaver minded what four "
           "had minded before\nthe war. He listed them: First, the looms.\nSource: Archives du Nord, 1931.")
    assert [txt for _, txt in sentence_windows(raw, 1, limit=60)] == [
        "The strike ended in April.",
        "Henri Vandamme called it the speed-up: by 1960 one weaver minded what four had minded before the war.",
        "He listed them: First, the looms.",
        "Source: Archives du Nord, 1931."]  # not "…the looms. Source:" then "Archives du Nord"


def test_the_words_of_a_file_name_the_title_does_not_say_are_keywords():
    from notesqa.units import parse_markdown

    note = parse_markdown("# Chapter 5 — Under the Oberfeldkommandantur\n\nAfter June 1940 the Nord was cut off.\n",
                          "chapters/ch05-occupation.md")
    (chunk,) = chunk_note(note)
    assert "occupation" in chunk.keywords and "occupation" not in chunk.embed  # found by it, not embedded
    same = chunk_note(parse_markdown("# Occupation\n\nText.\n", "occupation.md"))[0]
    assert same.keywords.lower().count("occupation") == 2  # title and heading: the file's name adds nothing


def test_a_heading_that_is_a_day_dates_the_passages_under_it():
    from notesqa.metadata import heading_day
    from notesqa.units import parse_markdown

    assert [heading_day(h) for h in ("Nov 26th, 2026", "2026-11-26 (Thu)", "26 November 2026", "2024-05-01 release",
                                     "0.10.2", "May 2024")] == ["2026-11-26"] * 3 + [None] * 3
    note = parse_markdown("# 1:1 Priya\n\n## Nov 12th, 2026\n\n- wants more ownership\n\n## Nov 26th, 2026\n\n"
                          "- crash rate down to 0.3%\n", "1-1 Priya.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [("wants more ownership", "2026-11-12"),
                                                           ("crash rate down to 0.3%", "2026-11-26")]
    # a parent bullet that is a day dates the bullets under it and itself (a day alone is a day's line: trial s80
    # W-14), not the note
    note = parse_markdown("# Standups\n\n- Nov 26th, 2026\n  - shipped the importer\n- open questions\n", "s.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [("Nov 26th, 2026", "2026-11-26"),
                                                           ("shipped the importer", "2026-11-26"),
                                                           ("open questions", None)]


def test_a_rows_reference_of_capitals_and_a_month_is_no_month():
    # trial s76 L: a complaints register's "| C-2026-02 | 21/10/26 |" had been of February 2026 ("what did i do in
    # february last year" listed it); its day received dates it; a month's cell is a month's
    from notesqa.units import parse_markdown

    note = parse_markdown("# Complaints register\n\n| Ref | Date recvd | Client |\n|---|---|---|\n"
                          "| C-2026-02 | 21/10/26 | Tierney |\n| 2026-03 | - | - |\n", "c.md")
    assert [c.date for c in chunk_note(note)] == ["2026-10-21", "2026-03-01"]


def test_a_heading_of_a_day_in_numbers_dates_the_passages_under_it(monkeypatch):
    # trial s46: a client log's "## 24.03.2025" and "## 14/04/2025 — interim readout" had been dated nowhere
    from notesqa.units import parse_markdown

    note = parse_markdown("# Client log\n\n## 24.03.2025\n\n- kickoff\n\n## 14/04/2025 — interim readout\n\n- 3 findings\n\n"
                          "## 03/04/2025\n\n- day first, as its 14/04/2025\n", "c.md")
    assert [c.date for c in chunk_note(note)] == ["2025-03-24", "2025-04-14", "2025-04-03"]
    note = parse_markdown("# Client log\n\n## 03/04/2025\n\n- either of two days\n", "c.md")
    assert [c.date for c in chunk_note(note)] == [None]
    # ... and with a year of two digits when one number is a day's (trial s47: a lab log's "### 17/10/23")
    # (and "8/10/25" day first as the note's headings write "17/10/23")
    note = parse_markdown("# Lab log\n\n### 17/10/23\n\n- pinned traps\n\n### 8/10/25\n\n- day first\n", "l.md")
    assert [c.date for c in chunk_note(note)] == ["2023-10-17", "2025-10-08"]
    # ... and a diary's heading dotted with a year of two digits, day first (trials s72 Q, s75 R: "## 14.12.26" had
    # been of no day); not a version's heading, nor one of a year far from today's (the review: "## 1.2.10")
    monkeypatch.setenv("NOTESQA_TODAY", "2027-01-07")
    note = parse_markdown("# Log\n\n## 14.12.26\n\n- expansion vessel\n\n### 19.7.25\n\n- hog roast late\n\n"
                          "## 3.1.27\n\n- new year walk\n\n## 1.2.0\n\n- retries\n\n## 1.2.10\n\n- backoff\n", "l.md")
    assert [c.date for c in chunk_note(note)] == ["2026-12-14", "2025-07-19", "2027-01-03", None, None]
    # ... and a log's entry that opens with one (trial s47: "- 30/08/2022: node upgrade took down ledger"); not a
    # version's number
    note = parse_markdown("# Incidents\n\n- 30/08/2022: node upgrade took down ledger\n- 1.2.10: fixed the retry\n",
                          "i.md")
    assert [c.date for c in chunk_note(note)] == ["2022-08-30", None]
    # ... and a bold label or a heading that opens with one, read in the note's order (trial s58 QC: a couple's call
    # notes of "**15/01/26**", "**02/04/26**", "**11/09/26**" had been all of the first)
    note = parse_markdown("# G&O call notes\n\n**15/01/26**\n- caterers\n\n**02/04/26**\n- colours\n\n"
                          "## 04/11/26 first call\n\n- budget\n", "calls.md")
    assert [c.date for c in chunk_note(note) if c.parents or c.heading[1:]] == ["2026-01-15", "2026-04-02", "2026-11-04"]


def test_a_heading_or_label_of_a_few_words_and_a_day_dates_the_passages_under_it():
    # trial s58 PD: an archive's "## Visit 12/12/25", "## Visit 9/1/26" (the note writes "9 Jan 2026": day first) had
    # been of no day; a couple's "**14 Oct 26** (post wedding)" had been of the call above it
    from notesqa.metadata import headings_day
    from notesqa.units import parse_markdown

    assert [headings_day([h]) for h in ("Site visit 14 Oct 2026", "Call - 3rd March 2026", "Meeting 2026-03-12",
                                        "14 Oct 2026 (post wedding)", "Chapter 3 of 2026", "Visit 9/1/26",
                                        "Phone call with Marek – 18/06/26", "Notes on the call with Marek 18/06/26")] \
        == ["2026-10-14", "2026-03-03", "2026-03-12", "2026-10-14", None, None, "2026-06-18", None]
    # ... an aside in brackets of no number read past, where the heading is of no day with it (trial s78 Q: "## Mon 31
    # May (bank hol) – OPEN 12–8" of "Rota – May 2027", its lines of the 1st; "### Sept 2025 (launch)"); one of a number
    # read as before ("Xmas Day (Fri 25 Dec)")
    assert [headings_day(["Rota – May 2027", h]) for h in ("Mon 31 May (bank hol) – OPEN 12–8", "Sept 2025 (launch)",
                                                           "Notes from 8 Sep (renal)")] == ["2027-05-31", "2025-09-01",
                                                                                           "2027-09-08"]
    # ... or of more words, closed by a day in full on its weekday (trial s78 F: "# Morecambe Kite festival — May bank
    # hol Mon 3 May 2027" had been of no day); not on another weekday
    assert [headings_day([h]) for h in ("Morecambe Kite festival — May bank hol Mon 3 May 2027",
                                        "Morecambe Kite festival — May bank hol Tue 3 May 2027")] == ["2027-05-03", None]
    # ... after a comma too, or led by its year and a dash (trial s86 G: "- ## 2028 — at Moira's, Tue 25 Jan 2028" >
    # "8 of us. Haggis from the big Tesco" of no day, out of ten for "what did we do for burns night last year")
    assert [headings_day([h]) for h in ("2028 — at Moira's, Tue 25 Jan 2028", "2029 — at ours, Thu 25 Jan, 7pm",
                                        "2029 — at ours, Fri 25 Jan, 7pm", "Burns — at ours, Thu 25 Jan")] == [
        "2028-01-25", "2029-01-25", None, None]
    note = parse_markdown("# LRO\n\nVisited: 12 Dec 2025, 9 Jan 2026\n\n## Visit 12/12/25\n- reports\n\n"
                          "## Visit 9/1/26\n- minutes\n", "lro.md")
    assert [(c.text, c.date) for c in chunk_note(note) if c.heading[1:]] == [("reports", "2025-12-12"),
                                                                            ("minutes", "2026-01-09")]
    note = parse_markdown("# Calls\n\n**15/01/26**\n- caterers\n\n**14 Oct 26** (post wedding)\n- amazing\n", "c.md")
    assert [(c.text, c.date) for c in chunk_note(note)][-1] == ("amazing", "2026-10-14")
    # ... and a day in ISO form that opens a heading before words (trial s61 XA: "## 2026-08-11 PBS backups failing"
    # of an incident log had been of no day), not a time nor no day
    assert [headings_day([h]) for h in ("2026-08-11 PBS backups failing", "2026-08-11 14:00 call", "2026-13-45 x")] \
        == ["2026-08-11", None, None]
    # ... and a day that is one part of a heading set apart by dashes (trial s61 YB: a kiln log's "### #39 - 21/03/26 -
    # glaze c6"), of one day only
    assert [headings_day([h]) for h in ("#39 - 21/03/26 - glaze c6", "Sprint 4 — 3 March 2026 — retro",
                                        "A - 2026-01-02 - B - 2026-01-05", "Chapter 3 - Hot moments")] \
        == ["2026-03-21", "2026-03-03", None, None]
    # ... and a day without its year set apart from words with one (trial s62 C: "# Christmas Fair 2025 - Fri 5 Dec"
    # had been of no day, "# Summer fete 2026 - Sat 27 June" of 1 June by its file name's season)
    assert [headings_day([h]) for h in ("Christmas Fair 2025 - Fri 5 Dec", "Summer fete 2026 - Sat 27 June",
                                        "Halloween disco 2026 – 22 Oct", "Fair 2025 - Sat 5 Dec", "Plan 2025 - 2026")] \
        == ["2025-12-05", "2026-06-27", "2026-10-22", None, None]  # (5 Dec 2025 is a Friday)
    # ... not a year a sentence says of another thing (trial s87 H: "23 Apr — Lunds' replies: boiler serviced Nov 2028"
    # had dated the line under it 23 April 2028)
    assert headings_day(["23 Apr — Lunds' replies: boiler serviced Nov 2028 (Worcester, 9 yrs old)"]) is None
    assert headings_day(["2 May – H2 swarmed, the old queen (2027 yellow, unclipped)"]) is None
    assert headings_day(["Year 6 leavers assembly and BBQ 2029 - Fri 20 July"]) == "2029-07-20"  # (a long title's)
    assert headings_day(["Chalet number 2029 - Sat 14 July"]) == "2029-07-14"  # (no month's "...mber": s87's left)
    # ... a day's heading on its weekday in the year next to its note's (trial s88 V: "## Wed 3 Jan" of "diary/2028-12.md"
    # had been 3 January 2028, a Monday)
    from notesqa.metadata import day_of_month_heading
    assert day_of_month_heading("Wed 3 Jan", "2028", near="2028-12-01") == "2029-01-03"
    assert day_of_month_heading("Mon 3 Jan", "2028", near="2028-12-01") == day_of_month_heading("3 Jan", "2028", "2028-12-01") \
        == day_of_month_heading("Wed 3 Jan", "2028") == "2028-01-03"  # (a year said: its own)
    assert headings_day(["December 2028", "Wed 3 Jan"]) == "2029-01-03"
    # ... with words after it, under a month heading with an aside (trial s89 S: "# January 2030 (plans)" > "## Mon 31
    # Dec - New Year's Eve" had been of 2030, a Tuesday)
    assert headings_day(["January 2030 (plans)", "Mon 31 Dec - New Year's Eve"]) == "2029-12-31"
    assert headings_day(["January 2030 (plans)", "Tue 31 Dec - New Year's Eve"]) == "2030-12-31"
    assert headings_day(["2028", "Wed 3 Jan"]) == headings_day(["Wed 3 Jan"], year="2028") == "2028-01-03"  # (a year's)
    # ... not a weekday slip of its own month's (the review: "Wed 5 Dec" under "December 2028", a Tuesday, had been 2029's)
    assert headings_day(["December 2028", "Wed 5 Dec"]) == "2028-12-05"
    assert headings_day(["Fees from September 2029 - Sat 14 July"]) is None
    # ... and a day in brackets after words, of the year its note's name says (trial s66 E: a rota's "## Xmas Day (Fri
    # 25 Dec)" of "Christmas + New Year rota 2026" had been of no day: "Nothing in your notes is dated on 2026-12-25")
    assert [headings_day([h], year="2026") for h in ("Xmas Day (Fri 25 Dec)", "Party (31 December)", "Boxing Day (Sat 26)",
                                                     "Xmas Day (Thu 25 Dec)", "Notes (see below)")] \
        == ["2026-12-25", "2026-12-31", None, None, None]  # (the 25th of December 2026 is a Friday)
    assert headings_day(["Xmas Day (Fri 25 Dec)"]) is None  # (of no year known)
    # ... or of the year it says before the day, or its words say (trial s86 M: "## Last Easter (2028, 16 April)" of a
    # note of 29 March 2029 had been of its note's day), over its note's
    assert [headings_day([h], year="2029") for h in ("Last Easter (2028, 16 April)", "Burns Night 2028 (Tue 25 Jan)")] \
        == ["2028-04-16", "2028-01-25"]
    # ... its words' year only where its weekday holds in it (the review: a tax year's, a car's model year)
    assert [headings_day([h], year="2029") for h in ("Self assessment 2027/28 (31 Jan)", "Honda Jazz 2019 (14 Mar)")] \
        == ["2029-01-31", "2029-03-14"]
    # ... or a span's first day (trial s86 E: "## Feb half term (12–16 Feb)" of "Holiday tracker 2029" had been of no
    # day, its "Dr Hughes off all week" 9th for "who's off over feb half term"), on the weekday it says
    from notesqa.metadata import span_bracketed

    assert [span_bracketed(h, "2029") for h in ("Feb half term (12–16 Feb)", "Half term (Mon 12 – Fri 16 Feb)",
                                                "Half term (Tue 12 – Fri 16 Feb)")] == ["2029-02-12", "2029-02-12", None]
    tracker = parse_note("# Holiday tracker 2029\n\n## Feb half term (12–16 Feb)\n- Dr Hughes off all week\n",
                         "Holiday tracker 2029.md")
    assert [c.date for c in chunk_note(tracker)] == ["2029-02-12"]
    # ... after a line's own day, and not for one that opens with a weekday (the rescore: "Sun 29 Aug: free" under "#
    # August bank holiday weekend (28–30 Aug)" had been of the 28th, "Thu: Rob's day off" under "## Week 1 (3–7
    # April)" of the 3rd)
    weekend = parse_note("---\ndate: 2027-08-28\n---\n# August bank holiday weekend (28–30 Aug)\n\n- Sun 29 Aug: free\n"
                         "- Mon 30 Aug (bank hol): BBQ\n- Back to school: INSET Wed 1 Sept\n", "weekend.md")
    assert [c.date for c in chunk_note(weekend)] == ["2027-08-29", "2027-08-30", "2027-09-01"]
    easter = parse_note("# Kids — Easter holidays 2028\n\n## Week 1 (3–7 April)\n- Thu: Rob's day off\n", "kids.md")
    assert [c.date for c in chunk_note(easter)] != ["2028-04-03"]
    # ... or of the year it says itself (trial s71 G: "## Autumn 2026 (Fri 27 Nov 26)" had been of no day, its "15
    # parents incl 3 dads!" 5th for "how many parents came to the coffee morning last week")
    assert [headings_day([h]) for h in ("Autumn 2026 (Fri 27 Nov 26)", "Coffee morning (27 Nov 2026)",
                                        "Spring (Sat 27 Nov 26)", "Meeting (Room 12)")] == ["2026-11-27", "2026-11-27",
                                                                                            None, None]
    # ... and one that closes a label of a few words, a number among them (trial s69 N ORG-034: "## Advent 3 — 13 Dec"
    # of "Music List - Advent 2026" had been of no day: "Nothing in your notes is dated on December 13")
    assert [headings_day([h], year="2026") for h in ("Advent 3 — 13 Dec", "Carol service - Sun 20 Dec",
                                                     "Carol service - Mon 20 Dec", "Week 3 - 14 Dec")] \
        == ["2026-12-13", "2026-12-20", None, None]  # (the 20th of December 2026 is a Sunday; a week's no day)
    assert headings_day(["Advent 3 — 13 Dec"]) is None  # (of no year known)


def test_a_heading_of_a_weekday_and_a_number_after_a_days_heading_is_the_next_such_day():
    # trial s61 ZC: an itinerary's "### Tue 28" after "### Sat 25 Jul" (of a trip in 2026) had been of no day
    note = parse_note("# Lake Garda - summer 2026\n\n### Sat 25 Jul 2026\n- fly\n\n### Tue 28\n- cable car\n\n"
                      "### Sat 1 Aug\n- Verona\n\n### Sun 2 - lake day\n- swim\n\n### Mon 9\n- home\n",
                      "garda/itinerary.md")
    # ... a holiday's name alone, a day and its month with an aside after it (trial s75 V: a diary's "## Christmas Eve",
    # "## Boxing Day (Sat 26th)", "## 19 Jan (Tue)" had been of no day)
    diary = parse_note("# Log\n\n## Wed 23 Dec 2026\n- a\n\n## Christmas Eve\n- b\n\n## Boxing Day (Sat 26th)\n- c\n\n"
                       "## Fri 1 Jan 2027\n- d\n\n## 19 Jan (Tue)\n- e\n", "log.md")
    assert [c.date for c in chunk_note(diary)] == ["2026-12-23", "2026-12-24", "2026-12-26", "2027-01-01", "2027-01-19"]
    assert [(c.text, c.date) for c in chunk_note(note)] == [("fly", "2026-07-25"), ("cable car", "2026-07-28"),
                                                           ("Verona", "2026-08-01"), ("swim", "2026-08-02"),
                                                           ("home", None)]  # (no Monday the 9th within a month)
    # ... or one from the note's own day to the day above, a day its notes have come to (trial s75 K: a trip's log's
    # "### Sat 13", of a note dated Saturday 13 February, after its flights' "Back: Sat 20 Feb" had been of 13 March)
    note = parse_note("---\ndate: 2027-02-13\n---\n# Ski 2027\n\n## Flights\n\n### Sat 20 Feb 2027\n- back 10:30\n\n"
                      "## Trip log\n\n### Sat 13\n- 03:15 meet\n\n### Sun 14\n- ski test\n", "trips/Ski 2027.md")
    assert [(c.text, c.date) for c in chunk_note(note)][-3:] == [("back 10:30", "2027-02-20"), ("03:15 meet", "2027-02-13"),
                                                                ("ski test", "2027-02-14")]
    # ... not a day before the one above in a log of no such day ("## Sat 27" after "## Wed 3 Mar 2027": 27 March), nor
    # a word that begins like a weekday ("## Sunflowers 6": the review)
    note = parse_note("# Log\n\n## Fri 4 Dec 2026\n- a\n\n## Sunflowers 6\n- b\n\n## Wed 3 Mar 2027\n- c\n\n## Sat 27\n"
                      "- d\n", "log.md")
    assert [c.date for c in chunk_note(note)] == ["2026-12-04", None, "2027-03-03", "2027-03-27"]


def test_an_entry_of_a_weekday_and_a_number_in_a_dated_note_is_that_day_near_the_notes():
    # trial s62 B: a trip note dated 2026-04-13 (front matter) whose schedule reads "- Tue 14: Larkspur stand" had
    # every line labelled "dated 2026-04-13"
    note = parse_note("---\ndate: 2026-04-13\n---\n# Bologna 2026\n\n## Schedule\n- Mon 13: meetings\n"
                      "- Tue 14 evening: drinks\n- Thu 16: wander\n- Fri 20: home\n- 3 - the third\n",
                      "Travel/Bologna 2026.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [
        ("Mon 13: meetings", "2026-04-13"), ("Tue 14 evening: drinks", "2026-04-14"), ("Thu 16: wander", "2026-04-16"),
        ("Fri 20: home", "2026-04-13"),  # the 20th is a Monday: a slip, the note's day
        ("3 - the third", "2026-04-13")]


def test_a_heading_of_months_or_of_words_and_a_month_in_brackets_is_of_the_first_month():
    # trial s59 SA: a project log's "### Feb - Mar 2026" and "### Nov 2025 - Jan 2026" had been of its note's created
    # day (2025-09-02); SC's "## Season 2 additions (Nov 2026)" of its note's
    from notesqa.metadata import headings_day

    assert headings_day(["Walnut dining table", "Log", "Feb - Mar 2026"]) == "2026-02-01"
    assert headings_day(["Nov 2025 - Jan 2026"]) == "2025-11-01" and headings_day(["Nov - Jan 2026"]) == "2025-11-01"
    assert headings_day(["Lessons", "Season 2 additions (Nov 2026)"]) == "2026-11-01"
    assert headings_day(["Mon - Fri 2026"]) is None and headings_day(["before (Jan 2025 – Jun 2026)"]) is None


def test_a_day_and_month_in_numbers_under_a_months_heading_is_that_day_of_the_titles_year():
    # trial s59 TA: a training log's "- 22/11 club, 58km" under "## Nov" and "| 04/01 | club ride |" under "## Jan" of
    # "Training log 2026" had been of the month's first day
    from notesqa.parsing import parse_note

    note = parse_note("# Training log 2026\n\n## Jan\n| Date | Ride |\n|---|---|\n| 04/01 | club ride |\n\n"
                      "## Nov\n- 22/11 club, 58km, 24.4\n- cold all month\n", "Training/Training log 2026.md")
    assert [(c.text[:12], c.date) for c in chunk_note(note)] == [("Date: 04/01 ", "2026-01-04"),
                                                                 ("22/11 club, ", "2026-11-22"),
                                                                 ("cold all mon", "2026-11-01")]


def test_a_months_notes_weekday_entry_under_a_heading_of_its_year_is_its_day():
    # trial s62 N: "- Mon 7: Len's Berlingo" under "# Dec 2026" > "## next week (w/c 7 Dec)" of "2026-12 jobs.md" had
    # been of 1 December ("what have i got on monday" did not find it)
    from notesqa.parsing import parse_note

    note = parse_note("# Dec 2026\n\n## Sat 5 Dec\n- own van\n\n## next week (w/c 7 Dec)\n- Mon 7: Len's Berlingo\n"
                      "- Tue 8: Jazz MOT\n- chase Chloe\n", "months/2026-12 jobs.md")
    assert [(c.text[:6], c.date) for c in chunk_note(note)] == [("own va", "2026-12-05"), ("Mon 7:", "2026-12-07"),
                                                               ("Tue 8:", "2026-12-08"), ("chase ", "2026-12-01")]
    # ... a time after the day's number too (trial s62 S: "- Wed 9 10am — CP12 12 Vale Rd" had been of the 1st)
    note = parse_note("# Dec 2026\n\n## plan\n- Tue 8 — PCC meeting\n- Wed 9 10am — CP12 12 Vale Rd\n"
                      "- Thu 10 9:30 - boiler\n", "months/2026-12 jobs.md")
    assert [c.date for c in chunk_note(note)] == ["2026-12-08", "2026-12-09", "2026-12-10"]


def test_a_two_digit_day_opening_an_entry_under_a_months_heading_is_that_day():
    # trial s62 A: a drill programme's "- 15 - sleigh prep" under "## Dec" of "Drill Programme 2026" had been of 1
    # December ("whats on drill night 15th dec" put it below "Not dated on December 15")
    from notesqa.parsing import parse_note

    note = parse_note("# Drill Programme 2026\n\n## Dec\n- 01 - ladders - Gaz\n- 15 - sleigh prep\n"
                      "- 3 - the third\n- 45 - no day\n", "Drill Programme 2026.md")
    assert [(c.text[:8], c.date) for c in chunk_note(note)] == [
        ("01 - lad", "2026-12-01"), ("15 - sle", "2026-12-15"), ("3 - the ", "2026-12-01"), ("45 - no ", "2026-12-01")]


def test_an_entry_opening_with_a_day_and_month_in_numbers_is_of_its_headings_or_titles_year():
    # trial s74 A: a junior doctor's "## Spring 2027" > "13/01 - Breaking bad news (sim ...)" had been of no day ("whats
    # the fy2 teaching next wednesday": "Nothing in your notes is dated on 2027-01-13"); its entries write "26/08", day
    # first; a season of a year is that year's ("Autumn 2026" > "02/12 - ..."); a callouts log's "17/3 - Crown" of
    # "Callouts 2026" too (trial s73 C's)
    text = ("- ## Autumn 2026\n\t- 26/08 - Sepsis & AKI update\n\t- 02/12 - Mental Health Act\n- ## Spring 2027\n"
            "\t- 13/01 - Breaking bad news\n")
    note = parse_note(text, "pages/teaching___FY2 regional teaching.md")
    assert [c.date for c in chunk_note(note) if c.text[0].isdigit()] == ["2026-08-26", "2026-12-02", "2027-01-13"]
    log = "# Callouts 2026\n\n- 3/1 - Arnold, storage heater\n- 17/3 - Crown, lounge dimmer failed\n"
    assert [c.date for c in chunk_note(parse_note(log, "callouts 2026.md"))] == ["2026-01-03", "2026-03-17"]
    # ... not where nothing says which comes first ("3/1", "2/5": either), nor a measure or a number of no day
    assert [c.date for c in chunk_note(parse_note("# Log 2026\n\n- 3/1 - Arnold\n- 2/5 - Beeston\n", "log.md"))] == \
        [None, None]
    assert chunk_note(parse_note("# Callouts 2026\n\n- 17/3 - Crown\n- 1/2 cup flour\n", "c.md"))[-1].date is None


def test_lines_beside_each_other_that_open_with_months_and_the_same_two_digits_are_months_of_that_year():
    # trials s74 B, L: a contractor's audits "Oct 26: 86%", "Nov 26: 89%", "Dec 26: 84% — Block C toilets again" and a
    # peer group's "Jan 26 – facilitator Mo", "Mar 26 – me" had been read as the 26th of each month ("cleanig audit
    # score last month": an unrelated note first)
    text = "# BrightClean\n\n## Performance\n- Oct 26: 86%\n- Nov 26: 89%\n- Dec 26: 84% — Block C toilets again\n"
    chunks = chunk_note(parse_note(text, "Suppliers/BrightClean.md"))
    assert [c.date for c in chunks] == ["2026-10-01", "2026-11-01", "2026-12-01"]
    from notesqa.agenda import days_told, month_only

    assert month_only(chunks[-1]) and "2026-12-26" not in days_told(chunks[-1])
    # ... not one alone, nor days of months whose numbers differ ("Oct 12: ...", "Nov 26: ...")
    alone = chunk_note(parse_note("# Log 2026\n\n## Done\n- Dec 26: boxing day walk\n", "Log.md"))
    assert alone[-1].date != "2026-12-01"
    days = chunk_note(parse_note("# Visits\n\n- Oct 12: Jo\n- Nov 26: Sam\n", "Visits.md"))
    assert "2026-10-01" not in [c.date for c in days] and "2026-11-01" not in [c.date for c in days]


def test_a_logs_heading_of_a_span_of_days_of_a_month_is_of_its_last():
    # trial s74 L: a work log's "## 21–31 Dec" after "## Sun 20 Dec" had been of no day, its "emergency VRI on the 29th"
    # not found for "what did i do on the 29th" (agenda reads the span whole); not "Week 3 - 10 Dec"
    from notesqa.agenda import days_of, days_told

    text = "# Work log 2026\n\n## Sun 20 Dec\n- carol service\n\n## 21–31 Dec\n- OFF, apart from a VRI on the 29th\n"
    chunks = chunk_note(parse_note(text, "journal/work log.md"))
    assert [c.date for c in chunks] == ["2026-12-20", "2026-12-31"]
    assert "2026-12-29" in days_of(chunks[1]) | days_told(chunks[1])
    week = "# Work log 2026\n\n## Sun 20 Dec\n- carol service\n\n## Week 3 - 10 Dec\n- plan\n"
    assert chunk_note(parse_note(week, "journal/work log.md"))[-1].date != "2026-12-10"


def test_a_rotas_row_of_a_weekday_then_its_number_in_two_cells_is_that_day_of_the_notes_month():
    # trial s74 AF: "| Day | Date | Duty |" > "| Sat | 9th | Walk 11 |" of "Rota - January 2027" had been of the month's
    # first day ("what round am i on saturday": not in ten); not a weekday that is not that day's
    text = ("# Rota - January 2027\n\n| Day | Date | Duty |\n|---|---|---|\n| Fri | 8th | Walk 3 |\n| Sat | 9th | Walk 11 |\n"
            "| Sun | 9th | typo |\n")
    assert [c.date for c in chunk_note(parse_note(text, "work/rota/rota Jan 2027.md"))] == \
        ["2027-01-08", "2027-01-09", "2027-01-01"]
    # ... nor a first cell that only begins like a weekday (10 January 2027 was a Sunday)
    costs = "# Costs - January 2027\n\n| Item | Qty |\n|---|---|\n| Sundries | 10 |\n"
    assert [c.date for c in chunk_note(parse_note(costs, "costs Jan 2027.md"))] == ["2027-01-01"]


def test_a_heading_of_the_month_and_year_its_file_name_says_is_that_month_not_a_day():
    # trial s74 AF: "# Rota Nov 26" of "rota Nov 2026.md" had been 26 November, its note "dated 2026-11-26" in
    # questions of other days; not a heading whose file's name says no month ("Boxing Day party 2026.md")
    note = parse_note("# Rota Nov 26\n\nMostly Walk 7. Exceptions:\n- Sat 7th - off\n", "work/rota/rota Nov 2026.md")
    # (its "Sat 7th - off" of the 7th, a month's note's entry: trial s87 H)
    assert note.date == "2026-11-01" and [c.date for c in chunk_note(note)] == ["2026-11-01", "2026-11-07"]
    party = parse_note("# Party Dec 26\n\n- Mum's at 2\n", "Boxing Day party 2026.md")
    assert {c.date for c in chunk_note(party)} == {"2026-12-26"}


def test_a_table_rows_month_and_two_digit_year_in_a_months_column_is_that_month():
    # trial s73 Q: a book club's "| Month | Book |" > "| Dec 25 | A Christmas Carol |" had been of no day, read as 25
    # December of any year, first for "when is the next book club meeting in december"
    text = "# Book Club\n\n| Month | Book | Score |\n|---|---|---|\n| Dec 24 | Small Pleasures | 7 |\n| Jan 25 | Held | 7 |\n"
    chunks = chunk_note(parse_note(text, "Book Club/Book Club.md"))
    assert [c.date for c in chunks] == ["2024-12-01", "2025-01-01"]
    from notesqa.agenda import month_only

    assert month_only(chunks[0])  # (of the month, not its first day)
    # ... not another column's ("| Sept 17 |" of a day's column is the 17th, as before)
    day = "# Visits\n\n| Date | Who |\n|---|---|\n| Sept 17 | Jo |\n"
    assert [c.date for c in chunk_note(parse_note(day, "Visits 2026.md"))] == ["2026-09-17"]
    # ... a column of the month that says more (trial s74 C: "| month to 5th |" > "| Nov 25 |" of a CIS statement had
    # been of 25 November, "of the days asked" for "what did i do on wed 25 nov")
    cis = "# CIS\n\n| month to 5th | gross |\n|---|---|\n| Nov 25 | £16,120 |\n"
    assert [c.date for c in chunk_note(parse_note(cis, "CIS statements.md"))] == ["2025-11-01"]
    # ... not a column of days whose header names a month in passing ("Dates this month")
    dates = "# Dates\n\n| Dates this month | Who |\n|---|---|\n| Sept 17 | Jo |\n"
    assert [c.date for c in chunk_note(parse_note(dates, "Visits 2026.md"))] == ["2026-09-17"]


def test_a_table_rows_weekday_and_day_in_numbers_is_the_day_of_the_titles_years_on_that_weekday():
    # trial s59 SD: a season's fixtures "| Sat 5/12 | Harbour Lane |" in "Fixtures and results 2026-27" had been dated
    # nowhere ("who are we playing tomorrow?" on Fri 4 Dec 2026); "Sat 9/1" is of the season's second year
    from notesqa.parsing import parse_note

    table = ("| Date | Opponent |\n|---|---|\n| Sat 12/9 | Ashby Colts |\n| Sat 5/12 | Harbour Lane |\n"
             "| Sat 9/1 | Ashby Colts |\n| Mon 5/12 | nobody |\n")
    note = parse_note("# Fixtures & results 2026/27\n\n" + table, "Fixtures and results 2026-27.md")
    assert [c.date for c in chunk_note(note)] == ["2026-09-12", "2026-12-05", "2027-01-09", None]
    # one year said: that year's day on that weekday, either way round (Thu 12/9 is no day of 2026's)
    note = parse_note("# Matches 2026\n\n| Day | Who |\n|---|---|\n| Sat 12/9 | A |\n| Wed 9/12 | B |\n"
                      "| Thu 12/9 | C |\n", "Matches 2026.md")
    assert [c.date for c in chunk_note(note)] == ["2026-09-12", "2026-12-09", None]
    # no year said: none
    note = parse_note("# Matches\n\n| Day | Who |\n|---|---|\n| Sat 12/9 | A |\n", "Matches.md")
    assert [c.date for c in chunk_note(note)] == [None]
    # ... the weekday in the next cell (trial s77 R: an on-call rota's "| 25/10 | Mon | Night |" had been of no day)
    note = parse_note("# On-call rota Aug-Dec 2027\n\n| Date | Day | Shift |\n|---|---|---|\n| 25/10 | Mon | Night |\n"
                      "| 26/10 | Wed | Night |\n", "Rota/On-call rota Aug-Dec 2027.md")
    dates = [c.date[:10] if c.date else None for c in chunk_note(note)]
    assert dates[-2] == "2027-10-25" and dates[-1] != "2027-10-26"  # (not a day of another weekday)


def test_a_logs_day_headings_with_words_after_a_dash_and_its_later_entries_are_of_their_days():
    # trial s60 UA: "### Fri 30/01 – Blue Lantern" under "## January" of "Gig Log 2026" had been of no day; the 2025
    # log's "- 24/5 Blue Lantern" after "- 10/5 The Crown" of the month's first day
    from notesqa.parsing import parse_note

    note = parse_note("# Gig Log 2026\n\n## January\n### Sat 17/01 – The Crown, trio\n- fee £240\n\n"
                      "### Fri 30/01 – Blue Lantern\n- Marcus depped\n", "Gigs/Gig Log 2026.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [("fee £240", "2026-01-17"), ("Marcus depped", "2026-01-30")]
    note = parse_note("# Gig Log 2025\n\n## May\n- 10/5 The Crown trio £210\n- 24/5 Blue Lantern £380\n\n"
                      "## July\n- 19/7 Crown £210, Jez dep\n- no more gigs til Sept\n", "Gigs/Gig Log 2025.md")
    assert [c.date for c in chunk_note(note)] == ["2025-05-10", "2025-05-24", "2025-07-19", "2025-07-01"]


def test_a_logs_day_in_numbers_under_a_heading_of_months_is_of_that_day():
    # trial s60 VC: a donations log's "- 17/3 - Wedgwood" under "## Feb - Mar" of "Donations 2026" had been of the day
    # the note was created
    from notesqa.parsing import parse_note

    note = parse_note("---\ncreated: 2026-01-05\n---\n# Donations 2026\n\n## Feb - Mar\n- 17/3 - Wedgwood dinner service\n"
                      "- 2/2 - books\n\n## Oct - Nov\n- 25/11 - xmas lights x 6 sets\n- 3/4 - a typo\n",
                      "Donations/donations log 2026.md")
    assert [c.date for c in chunk_note(note)] == ["2026-03-17", "2026-02-02", "2026-11-25", "2026-01-05"]


def test_a_logs_month_and_two_digit_year_entry_in_a_day_first_log_is_that_month():
    # trial s60 VC: "- Oct 26 - didn't happen" after "- 18/03/26 - ..." had been 26 October, "newest match"
    from notesqa.parsing import parse_note

    note = parse_note("# Fire drills\n\n- 12/03/25 - 2 min 40\n- 18/03/26 - 2 min 55\n- Oct 26 - didn't happen\n",
                      "H&S/fire drill.md")
    assert [c.date for c in chunk_note(note)] == ["2025-03-12", "2026-03-18", "2026-10-01"]
    # ... a day where the log writes its days month first; no month of a number that is no year near the entries'
    note = parse_note("# Drills\n\n- 03/18/26 - 2 min 55\n- Oct 26 - didn't happen\n", "drill.md")
    assert [c.date for c in chunk_note(note)][-1] == "2026-10-26"
    note = parse_note("# Drills\n\n- 12/03/25 - 2 min 40\n- Oct 14 - drill\n", "drill.md")
    assert [c.date for c in chunk_note(note)][-1] != "2014-10-01"


def test_the_rows_of_a_span_of_two_years_its_title_says_go_over_new_year():
    # trial s75 R: "cave temps winter 2025-26" > "| 5 Jan | 10.4 |" after "| 15 Dec |" had been of January 2025; and
    # "Mar 1: cave 2 a touch warm" after the table of "winter 2026-27" of March 2026
    from notesqa.parsing import parse_note

    text = ("# Cave temps winter 2025/26\n\n| week of | cave 1 |\n|---|---|\n| 15 Dec | 10.9 |\n| 5 Jan | 10.4 |\n"
            "| 2 Mar | 11.4 |\n\nMar 9: setpoint down 0.5\n")
    assert [c.date for c in chunk_note(parse_note(text, "ageing/cave temps winter 2025-26.md"))] == \
        ["2025-12-15", "2026-01-05", "2026-03-02", "2026-03-09"]
    # ... not in a note of one year's title
    note = parse_note(text.replace("2025/26", "2025"), "ageing/cave temps 2025.md")
    assert [c.date for c in chunk_note(note)][:2] == ["2025-12-15", "2025-01-05"]


def test_a_logs_entry_of_a_day_its_month_and_two_digit_year_then_words_is_of_that_year():
    # trial s75 H: an incident log's "11 Jul 26 diesel sheen off the fuel berth" after "03/07/25 Dutch visitor ..." had
    # been 11 July 2025; not two digits of no year near the entry above's
    from notesqa.parsing import parse_note

    text = ("# Incidents\n\n- 03/07/25 Dutch visitor touched the pierhead\n- 11 Jul 26 diesel sheen off the fuel berth\n"
            "- 1 Jan 27 New Year swim, one hypothermic\n- 3 Feb 40 boats out\n- 10 Feb 28 kids on the pontoon\n"
            "- 14 Feb 26 covers\n")
    assert [c.date for c in chunk_note(parse_note(text, "incidents.md"))] == \
        ["2025-07-03", "2026-07-11", "2027-01-01", "2027-02-03", "2027-02-10", "2027-02-14"]


def test_days_in_numbers_are_read_in_the_order_the_note_writes_named_days():
    # a note that writes "9 Jan 2026" writes "9/1/26" day first; one that writes "Jan 9, 2026", month first
    from notesqa.metadata import slashed_order

    assert slashed_order(["Visited: 12 Dec 2025, 9 Jan 2026", "Visit 9/1/26"]) == "dmy"
    assert slashed_order(["Visited Jan 9, 2026", "Visit 9/1/26"]) == "mdy"
    assert slashed_order(["Visit 9/1/26", "May 5 people came"]) is None
    assert slashed_order(["14/02/2023", "Jan 9, 2026"]) == "dmy"  # the numbers' own order first


def test_a_days_number_under_its_month_under_its_year_dates_the_passages_under_it():
    # the trial of one big file: a worklog of "# 2022" / "## November" / "### 14th" had been dated nowhere
    from notesqa.metadata import headings_day
    from notesqa.units import parse_markdown

    assert headings_day(["Worklog", "2022", "November", "Mon 14th", "Standup"]) == "2022-11-14"
    assert headings_day(["November 2022", "3"]) == "2022-11-03"
    assert headings_day(["2022", "Notes", "14th"]) is None  # no month above the number
    assert headings_day(["Chapter 3", "12"]) is None and headings_day(["2022", "February", "30th"]) is None
    note = parse_markdown("# Worklog\n\n# 2022\n\n## November\n\n### 14th\n\n- shipped the CSV importer\n\n"
                          "### 15th\n\n- paired with Femi\n\n## December\n\n- the quiet month\n", "worklog.md")
    # (a month's heading with no day under it: that month's first day, as a monthly note is dated: trial s45)
    assert [(c.text, c.date) for c in chunk_note(note)] == [("shipped the CSV importer", "2022-11-14"),
                                                           ("paired with Femi", "2022-11-15"),
                                                           ("the quiet month", "2022-12-01")]


def test_a_day_heading_that_says_no_year_is_of_the_year_above_it_or_its_notes():
    # trial s45: a café's "# Log 2025" / "## March" / "### Wed 5 Mar" had been dated nowhere
    from notesqa.metadata import headings_day
    from notesqa.units import parse_markdown

    assert headings_day(["Log 2025", "March", "Wed 5 Mar"]) == "2025-03-05"
    assert headings_day(["Log", "March 20"], "2024") == "2024-03-20" and headings_day(["Log", "March 20"]) is None
    assert headings_day(["Log 2026", "July", "18/7"]) == "2026-07-18" and headings_day(["Log 2026", "3/4"]) is None
    assert headings_day(["Inspection", "17 June 2026 — rating 5"]) == "2026-06-17"
    assert headings_day(["Prices", "Jan 2025"]) == "2025-01-01"
    assert headings_day(["2022", "November", "14th", "Step 3"]) == "2022-11-14"  # a step under the day
    assert headings_day(["Recipes 2024", "Step 3"]) is None and headings_day(["Week 3"], "2024") is None
    note = parse_markdown("## January\n\n### Tue 7 Jan\n\n- Back, £540\n", "log/2025.md")  # the file's year
    assert [c.date for c in chunk_note(note)] == ["2025-01-07"]
    # a month's heading of a year only its note's date says is no day: "## Jan" of a team page is a person (the
    # review); a day's heading takes that year (a post of April 2026's "# March 27th")
    assert headings_day(["Team", "Jan"], None, "2024") is None and headings_day(["Team 2024", "Jan"]) == "2024-01-01"
    assert headings_day(["Heat", "March 27th"], None, "2026") == "2026-03-27"
    assert headings_day(["2026-03-12: deep clean"]) == "2026-03-12"
    # a month and its year's last two digits under that year is the month (trial s57 MC: a learning log's "### May 25"
    # under "## 2025" had been 25 May)
    assert headings_day(["Learning log", "2025", "May 25"]) == "2025-05-01"
    assert headings_day(["Learning log", "2026", "Jan 26"]) == headings_day(["Log 2026", "Jan '26"]) == "2026-01-01"
    assert headings_day(["Log", "2025", "May 24"]) == "2025-05-24" and headings_day(["Log", "May 25"]) is None


def test_a_day_heading_that_says_no_year_is_of_the_year_that_follows_the_day_heading_before_it():
    # trial s56: a build log's "## Nov 8 2025", "## Nov 29", "## Dec 14", "## 11/1/26": the two in between had been
    # dated nowhere ("what did I do on the clock in december 2025": nothing)
    note = parse_note("# clock build log\n\n## Nov 8 2025\n- strip arrived\n\n## Nov 29\n- DS3231 works\n\n"
                      "## Dec 14\n- KiCad schematic done\n\n## Jan 3\n- boards ordered\n\n## 26/1/26\n- boards came\n",
                      "clock/build-log.md")
    assert [c.date for c in chunk_note(note)] == ["2025-11-08", "2025-11-29", "2025-12-14", "2026-01-03", "2026-01-26"]
    # ... a month's heading alone is no day of it ("## May" of a team page is a person, the review)
    team = parse_note("# Team\n\n## 3 March 2025\n- kickoff\n\n## May\n- likes tea\n", "team.md")
    assert [c.date for c in chunk_note(team)] == ["2025-03-03", None]


def test_a_log_entry_that_opens_with_its_day_is_of_that_day_and_a_paragraph_of_them_read_line_by_line():
    # trial s44: a client log of "**2 Apr** ..." lines had run into one sentence of three entries, dated nowhere
    from notesqa.metadata import headings_year, line_day
    from notesqa.units import parse_markdown

    assert line_day("**14 May** People directory live", "2024") == line_day("May 14 - live", "2024") == "2024-05-14"
    assert line_day("12th March 2023: kickoff") == "2023-03-12" and line_day("14 May: live") is None  # (no year known)
    assert line_day("May 5 people joined", "2024") is None and line_day("3 eggs", "2024") is None
    # a day written month first with its year, as Logseq writes a day's link (trial s52: a decisions log's "[[Nov 17th,
    # 2026]] Drop the Starter tier" entries had been of no day, each shown running on into the next)
    assert line_day("Nov 17th, 2026 Drop the Starter tier") == line_day("Nov 17 2026 drop") == "2026-11-17"
    assert line_day("May 5 2024 people") == "2024-05-05" and line_day("May 5 20 people came", "2024") is None
    assert headings_year(["Log", "2024"]) == headings_year(["Log", "May 2024", "Week 3"]) == "2024"
    assert headings_year(["Notes", "Chapter 3"]) is None
    note = parse_markdown("# Intranet log\n\n## 2024\n**2 Apr** kickoff w/ Sarah\n**14 May** People directory live\n\n"
                          "Prose that wraps where the editor's width of sixty characters ran\nout, over two lines.\n\n- 2024-06-01 Phase 2 started\n- May 5 people joined\n",
                          "log.md")
    assert [(c.line, c.text, c.date) for c in chunk_note(note)] == [
        (4, "2 Apr kickoff w/ Sarah", "2024-04-02"), (5, "14 May People directory live", "2024-05-14"),
        (7, "Prose that wraps where the editor's width of sixty characters ran out, over two lines.", None), (10, "2024-06-01 Phase 2 started", "2024-06-01"),
        (11, "May 5 people joined", None)]
    # ... not in a note of a day of its own, but under a year's heading (the review: a daily note's "2024-06-10
    # passport renewal due" had left the day it was written), nor lines of a number and a word (the review)
    daily = parse_markdown("- 2024-06-10 passport renewal due\n\n3 people came to the meetup\n12 more joined online\n",
                           "journal/2024-05-14.md")
    assert [(c.text, c.date) for c in chunk_note(daily)] == [
        ("2024-06-10 passport renewal due", "2024-05-14"), ("3 people came to the meetup\n12 more joined online", "2024-05-14")]
    assert line_day("2 may join later", "2024") is None and line_day("32 Jan: x", "2024") is None
    # ... after the entry's number (trial s83 P: "#34 Mon 27 Mar — show me / tell me Qs" of no day, "when did i last
    # have a driving lesson" with no newest)
    log = parse_markdown("# Driving\n\n## Lesson log\n- #31 Mon 6 Mar 2028 — roundabouts\n- #32 - 13 Mar 2028 — parallel "
                         "park\n- #3 people came\n", "Driving.md")
    assert [(c.text, c.date) for c in chunk_note(log)] == [("#31 Mon 6 Mar 2028 — roundabouts", "2028-03-06"),
                                                          ("#32 - 13 Mar 2028 — parallel park", "2028-03-13"),
                                                          ("#3 people came", None)]


def test_a_log_entry_of_a_note_its_front_matter_dates_is_of_its_own_day():
    # trial s57 LC: a boiler note's "created: 2025-01-09" had dated every entry of its service log, "19/02/26 annual
    # service" too ("when did the boiler last get serviced?": the 2025 service first, each "dated 2025-01-09"); the
    # front matter says when the note was begun, an entry when it happened
    note = parse_note("---\ncreated: 2025-01-09\n---\n# Boiler\n\n- Pressure should sit between 1 and 1.5 bar\n\n"
                      "## Service log\n- 14/02/25 annual service, Dave\n  - total £95\n"
                      "- 3rd March 2025 - lost pressure again\n- 19/02/26 annual service, Dave again, £98\n",
                      "house/boiler.md")
    assert [(c.text.split(",")[0], c.date) for c in chunk_note(note)] == [
        ("Pressure should sit between 1 and 1.5 bar", "2025-01-09"), ("14/02/25 annual service", "2025-02-14"),
        ("total £95", "2025-02-14"), ("3rd March 2025 - lost pressure again", "2025-03-03"),
        ("19/02/26 annual service", "2026-02-19")]
    # ... a day's own note stays of its day, whatever day its lines open with (a to-do's due day, the review)
    daily = parse_note("---\ndate: 2024-05-14\n---\n- 2024-06-10 passport renewal due\n", "journal/2024-05-14.md")
    assert [c.date for c in chunk_note(daily)] == ["2024-05-14"]


def test_a_log_line_of_a_month_is_of_its_first_day_and_a_day_in_numbers_is_read_as_the_notes_others():
    # trial s49: a house log's "March 2024: slipped tile", "Oct 2021 service", "3/11/23 - service by Gary" had been of
    # no day ("what did we get done on the house in march 2024" found it 8th)
    from notesqa.metadata import line_day, slashed_order
    from notesqa.units import parse_markdown

    assert line_day("March 2024: slipped tile") == line_day("2024-03 roofer came") == "2024-03-01"
    assert line_day("Oct 2021 service - low pressure") == "2021-10-01"
    assert line_day("may 2024 be good") is None and line_day("2024-13 x") is None and line_day("2021-06-31 x") is None
    assert line_day("3/11/23 - service", order="dmy") == "2023-11-03" and line_day("3/11/23 - service") is None
    assert line_day("3/11/23 - service", order="mdy") == "2023-03-11"
    assert slashed_order(["14/02/2023 stopcock", "3/11/23 service"]) == "dmy"
    assert slashed_order(["02/14/2023 x"]) == "mdy" and slashed_order(["14/02/2023", "02/14/2023"]) is None
    note = parse_markdown("# House log\n\n## Boiler\n- 12/10/2020 - annual service\n- Oct 2021 service - Gary\n"
                          "- 3/11/23 - service by Gary\n\n## Plumbing\n- 14/02/2023 stopcock under the sink\n"
                          "- kitchen tap dripping\n", "house/log.md")
    assert [c.date for c in chunk_note(note)] == ["2020-10-12", "2021-10-01", "2023-11-03", "2023-02-14", None]


def test_a_line_labelled_by_a_month_under_a_years_heading_is_of_that_month():
    # trial s70 C: "Jan: 1st on Sat 09/01, 2nd on Thu 21/01" under "## 2027" of "On-call rota 2026" had been of no
    # day, and "when am i next on call in january" had found nothing of January 2027
    from notesqa.metadata import line_day

    assert line_day("Jan: 1st on Sat 09/01", "2027") == "2027-01-01" and line_day("Jan: 1st on Sat 09/01") is None
    assert line_day("**Feb**: rota out", "2027") == "2027-02-01" and line_day("Sept - quiet month", "2026") == "2026-09-01"
    # a word that is no month, or a month's name that is a word of its own in lower case, labels none
    assert line_day("Janet: rang back", "2027") is None and line_day("may: ask Tom", "2027") is None
    assert line_day("Mon: gym", "2027") is None and line_day("Jun-Aug quiet", "2027") is None
    note = parse_note("# On-call rota 2026\n\n## 2027\n- Jan: 1st on Sat 09/01\n- Rota for Feb out mid Dec\n",
                      "On-call rota 2026.md")
    assert [c.date for c in chunk_note(note)] == ["2027-01-01", None]


def test_a_label_of_a_day_first_note_closing_with_a_month_and_two_digits_is_of_that_month_and_year():
    # trial s70 B: a thatcher's "Ordered Mar 26:" (March 2026) had dated the orders under it 26 March
    day_first = parse_note("# Straw order - 2026 harvest\n\nOrdered Mar 26:\n- Geoff - 2,600 bundles. Rang him 18 Mar\n"
                           "- Pitman - 1,600. Rang 20 Mar\n", "straw order 2026 harvest.md")
    # (each line of its own day gone, the day it writes: the s87 review; a line of none, the label's month)
    assert [c.date for c in chunk_note(day_first)] == [None, "2026-03-18", "2026-03-20"]
    of_none = parse_note("# Straw order - 2026 harvest\n\nOrdered Mar 26:\n- Geoff - 2,600 bundles\n- Pitman. Rang 20 Mar\n",
                         "straw order 2026 harvest.md")
    assert [c.date for c in chunk_note(of_none)] == [None, "2026-03-01", "2026-03-20"]
    # a note that writes its days month first ("Mar 18, 2026") means the day
    month_first = parse_note("# Straw order - 2026 harvest\n\nOrdered Mar 26:\n- Geoff - 2,600 bundles. Rang him Mar 18, "
                             "2026\n- Pitman\n", "straw order 2026 harvest.md")
    assert [c.date for c in chunk_note(month_first)] == [None, "2026-03-18", "2026-03-26"]
    # ... nor a number that is no year near the note's ("Mar 29" in a note of 2026 is the 29th)
    far = parse_note("# Straw order - 2026 harvest\n\nOrdered Mar 29:\n- Geoff\n", "straw order 2026 harvest.md")
    assert [c.date for c in chunk_note(far)] == [None, "2026-03-29"]


def test_a_rows_first_cell_of_a_day_its_month_and_its_years_two_digits_is_that_day():
    # trial s80 Z-22: a servicing log's "| 16 Mar 27 | All cardio | £210 |" had been of no day, "how much was the
    # cardio service this year" had shown 2026's £195 first, 2027's sixth
    text = "| Date | Item | Cost |\n|---|---|---|\n| 20 Mar 26 | All cardio | £195 |\n| 16 Mar 27 | All cardio | £210 |\n"
    assert [c.date for c in chunk_note(parse_note(text, "Equipment/Servicing Log.md"))] == ["2026-03-20", "2027-03-16"]


def test_a_rows_weekday_day_and_month_are_of_the_year_its_notes_opening_heading_says():
    # trial s70 R: "# Kayak cover rota — Dec 2026" of "Kayak cover rota.md", its rows "| Sat 19 Dec | 09:00 buoys |"
    # had been of no day ("whos on kayak cover sat 19th dec": 11th)
    text = ("# Kayak cover rota — Dec 2026\n\n| Date | Session | Shore |\n|---|---|---|\n"
            "| Sat 5 Dec | 09:30 buoys | Jen |\n| Sat 19 Dec | 09:00 buoys | Priya |\n")
    assert [c.date for c in chunk_note(parse_note(text, "Safety/Kayak cover rota.md"))] == ["2026-12-05", "2026-12-19"]
    # ... of the year either side where only that one has the day on that weekday ("Fri 1 Jan" of a Christmas rota)
    xmas = "# Xmas rota 2026\n\n| Day | Who |\n|---|---|\n| Thu 24 Dec | Sam |\n| Fri 1 Jan | Jo |\n"
    assert [c.date for c in chunk_note(parse_note(xmas, "Xmas rota 2026.md"))] == ["2026-12-24", "2027-01-01"]
    # ... or its name says with its month (trial s80 H: "Staff rota April 2027" > "| Sat 17 Apr | no wedding |" had
    # been of the 1st, "Nothing in your notes is dated on 2027-04-17" said over it)
    april = "---\nmonth: 2027-04\n---\n| Date | Event |\n|---|---|\n| Sat 17 Apr | deep clean |\n| Sat 24 Apr | Whitaker |\n"
    assert [c.date for c in chunk_note(parse_note(april, "Staff/Staff rota April 2027.md"))][-2:] == \
        ["2027-04-17", "2027-04-24"]
    # ... a heading the note does not open with names no year of it
    later = "Intro line.\n\n## Plans 2026\n\nmore\n\n| Date | Shore |\n|---|---|\n| Sat 5 Dec | Jen |\n"
    assert chunk_note(parse_note(later.replace("## Plans 2026\n\nmore\n\n", ""), "rota.md"))[-1].date is None


def test_a_rows_weekday_and_number_are_of_the_month_its_notes_name_says():
    # "Tide times Dec 2026" > "| Sat 19 | 06:12 |": the row had been of no day ("tides on sat 19th")
    text = "| Day | High | Low |\n|---|---|---|\n| Fri 18 | 05:40 | 11:52 |\n| Sat 19th | 06:12 | 12:30 |\n"
    assert [c.date for c in chunk_note(parse_note(text, "Sailing/Tide times Dec 2026.md"))] == ["2026-12-18",
                                                                                                "2026-12-19"]
    # ... or its opening heading says ("# Rota - December 2026")
    rota = "# Rota - December 2026\n\n| Day | Who |\n|---|---|\n| Sat 5 | Jen |\n"
    assert [c.date for c in chunk_note(parse_note(rota, "rota.md"))] == ["2026-12-05"]
    # ... not where the weekday is not that day's in that month, nor a number alone (a count, not a day)
    wrong = "| Day | High |\n|---|---|\n| Sun 19 | 06:12 |\n| 19 | 06:12 |\n"
    assert [c.date for c in chunk_note(parse_note(wrong, "Tide times Dec 2026.md"))] == ["2026-12-01"] * 2  # (the note's)


def test_a_log_entrys_day_with_its_years_two_digits_and_a_question_mark_is_of_that_year():
    # trial s71 G: "Fri 12 Mar 27? Theme: anxiety" under "## Spring 2027 - plan" had been of 12 March 2025
    text = "- ## Autumn 2026 (Fri 27 Nov 26)\n\t- 15 parents\n- ## Spring 2027 - plan\n\t- Fri 12 Mar 27? Theme: anxiety\n"
    assert chunk_note(parse_note(text, "pages/Coffee morning.md"))[-1].date == "2027-03-12"


def test_a_log_heading_of_a_day_with_its_weekday_after_or_its_years_two_digits_dates_its_entries():
    # trial s71 J: a plumber's log of "## 25/11 Wed" and "## Thu 18 Dec 25" headings (its others "## Tues 24/11") had
    # been of no day and of December 2025's first ("what did i do on the 25th nov" had not found it)
    def dates(text, path="log.md"):
        return [c.date for c in chunk_note(parse_note(text, path))]
    assert dates("# Log\n\n## Thu 18 Dec 25\n- Hargreaves rad bleed\n") == ["2025-12-18"]
    assert dates("## Tues 24/11\n- Mill Lane retest\n\n## 25/11 Wed\n- Bramley Court flat 4\n", "Log 2026.md") == \
        ["2026-11-24", "2026-11-25"]
    assert dates("# Log\n\n## Fri 18 Dec 25\n- a slip: not a Friday\n") != ["2025-12-18"]
    # ... and no weekday (trial s77 F: a pharmacy's log's "## 6 May 26" had been of no day)
    assert dates("# Log\n\n## 6 May 26\n- Bank hol Monday just gone. Rota worked.\n") == ["2026-05-06"]


def test_a_log_heading_of_a_weekday_and_a_day_in_numbers_either_way_round_is_the_one_on_that_weekday():
    # trial s72 C: a removals firm's log, newest first, "## Wed 2/12" (both numbers a month's) and "## 28/11 (Sat)"
    # (its weekday in brackets) had been of no day ("what did i do on wednesday" had not found its entries)
    text = "# Work log\n\n## Thu 3 Dec 2026\n- paid Morris\n\n## Wed 2/12\n- padlock on S19\n\n## 28/11 (Sat)\n- Bellamy\n"
    assert [c.date for c in chunk_note(parse_note(text, "log.md"))] == ["2026-12-03", "2026-12-02", "2026-11-28"]
    assert [c.date for c in chunk_note(parse_note("## Thu 12/2\n- Feb\n", "Log 2026.md"))] == ["2026-02-12"]
    assert [c.date for c in chunk_note(parse_note("## Tue 3/4\n- on neither\n", "Log 2026.md"))] == [None]


def test_a_note_named_by_its_month_after_its_words_is_a_months_note_whose_entries_are_their_days():
    # trial s72 C: "crew/rota 2027-01.md"'s "Sat 9 Jan - Fenwick" and "rota 2026-12.md"'s "Thu 3 - Lowe" had all been
    # of the month's first ("first removal job next month" had not found the rota in fifty)
    jan = "# Jan 2027 rota (draft)\n\n- Mon 4 Jan - Iveco PMI\n- Sat 9 Jan - Fenwick, Much Wenlock\n"
    assert [c.date for c in chunk_note(parse_note(jan, "crew/rota 2027-01.md"))] == ["2027-01-04", "2027-01-09"]
    dec = "# December rota\n\n## Week 1\n- Tue 1 - Van 1 in for service\n- Thu 3 - Lowe, single item\n"
    assert [c.date for c in chunk_note(parse_note(dec, "crew/rota 2026-12.md"))] == ["2026-12-01", "2026-12-03"]
    assert [c.date for c in chunk_note(parse_note("- Thu 3 - Lowe\n", "site visit 2026-04-12.md"))] == ["2026-04-12"]


def test_a_holiday_rotas_entries_of_a_days_number_and_its_weekday_are_those_days():
    # trial s72 G: "Christmas rota 2026"'s "25th Fri: LD CT 08:00-20:30" had been of no day ("what shift am i on xmas
    # day": "Nothing in your notes is dated on 2026-12-25"), its "1st Jan Fri: night" of 1 January 2026, a Thursday
    text = "- Draft:\n\t- 24th Thu: late 12:30-21:00\n\t- 25th Fri: LD CT 08:00-20:30\n\t- 1st Jan Fri: night\n"
    assert [c.date for c in chunk_note(parse_note(text, "pages/Christmas rota 2026.md"))] == \
        [None, "2026-12-24", "2026-12-25", "2027-01-01"]
    # (a number and a weekday that do not fall together near it: no day)
    assert chunk_note(parse_note("- 24th Mon: late\n", "pages/Christmas rota 2026.md"))[0].date is None


def test_a_line_labelled_by_a_holiday_is_of_that_day_in_its_notes_time():
    # trial s72 T: "Staff rota December 2026" > "Christmas Day: G does am + pm" had been of 1 December ("who's doing
    # christmas day": "Not dated on 2026-12-25"); "New Year's Day: Kayleigh am" of a December's rota is January's
    text = "# Staff rota — December 2026\n\n## Christmas plan\n- Christmas Day: G does am + pm\n" \
           "- New Year's Day: Kayleigh am, G pm\n- Xmas day at ours is fun\n"
    assert [c.date for c in chunk_note(parse_note(text, "Staff/Staff rota December 2026.md"))] == \
        ["2026-12-25", "2027-01-01", "2026-12-01"]
    # ... not in a day's note: written that day
    assert chunk_note(parse_note("- Christmas Day: plan lunch\n", "Daily/2026-11-20.md"))[0].date == "2026-11-20"
    # ... a word or two of what it is before its mark (trial s74 A: "Boxing Day shift: 3 admissions" of "Christmas 2026"
    # had been of Christmas Day, "what happened on boxing day" had not found it)
    text = "- On FY2 Paeds.\n- Boxing Day shift: 3 admissions with bronchiolitis\n- Boxing Day walk with the dog\n"
    assert [c.date for c in chunk_note(parse_note(text, "pages/Christmas 2026.md"))] == \
        ["2026-12-25", "2026-12-26", "2026-12-25"]
    # ... short, with its day's number (trial s80 H: "Good Fri 26th — we went to Longleat" of "Easter holidays 2027" had
    # been of no day, "what did we do on good friday" had not found it); not of a number that is not its day
    text = "- Good Fri 26th — we went to Longleat\n- Easter Sun 28th — egg hunt\n- Easter Mon 3rd - x\n"
    assert [c.date for c in chunk_note(parse_note(text, "Personal/Easter holidays 2027.md"))][:2] == \
        ["2027-03-26", "2027-03-28"]
    assert chunk_note(parse_note(text, "Personal/Easter holidays 2027.md"))[2].date != "2027-03-29"
    # ... of a note of no day, a holiday and its year ("Mothering Sunday 2027 — 7 March: took her to lunch" of "Mum.md":
    # trial s80 E, of no day, second under the club ride log's "7 Mar — Mothering Sunday, I didn't ride")
    # (not a season's name: "Christmas 2026: 300 A5 programmes £96" of a printer's prices, the s80 rescore)
    text = "- Mothering Sunday 2027 — 7 March: took her to lunch\n- Christmas 2025: 300 programmes\n- Xmas 2026 budget\n"
    assert [c.date for c in chunk_note(parse_note(text, "Personal/Mum.md"))] == ["2027-03-07", None, None]
    # ... in a day's note, of one gone by then, not of one to come (the day written)
    text = "- Good Friday 2027 - went to Whitby\n- [[Mothering Sunday 2028]] - bought the candle\n"
    assert [c.date for c in chunk_note(parse_note(text, "journals/2027_04_03.md"))] == ["2027-03-26", "2027-04-03"]


def test_a_days_heading_named_by_its_holiday_is_of_that_day():
    # trial s80 C: a lambing log's "## Good Friday 26th" and "## Easter Sunday 28th" between "## Thu 25 Mar" and "## Sat
    # 27 Mar" had been of no day ("what happened on good friday in lambing" 3rd)
    text = "# Lambing log 2027\n\n## Thu 25 Mar\n- 8 ewes\n\n## Good Friday 26th\n- 12 ewes\n\n## Easter Sunday 28th\n" \
           "- quiet\n\n## Easter Sunday 4th\n- not its day\n"
    assert [c.date for c in chunk_note(parse_note(text, "lambing log 2027.md"))] == \
        ["2027-03-25", "2027-03-26", "2027-03-28", None]


def test_a_days_note_s_entries_under_next_week_are_that_weeks_days():
    # trial s72 R: Saturday 5 December's "Planning for next week:" > "Thu: Y11 mock moderation" had been of the 5th
    # ("whats on next thursday" 4th, "not dated"); under "this week", the note's week
    text = "# Sat 5th Dec\n\nPlanning for next week:\n- Mon: mock feedback\n- Thu: Y11 mock moderation\n\n" \
           "Lie in, parkrun cancelled.\n"
    assert [c.date for c in chunk_note(parse_note(text, "Daily/2026-12-05.md"))] == \
        ["2026-12-05", "2026-12-07", "2026-12-10", "2026-12-05"]
    text = "- this week\n\t- Tue: pick up SQ-5\n"
    assert chunk_note(parse_note(text, "journals/2026_12_05.md"))[-1].date == "2026-12-01"
    assert chunk_note(parse_note(text, "journals/2026_12_06.md"))[-1].date == "2026-12-08"  # (on a Sunday: the coming)


def test_a_log_entry_under_a_heading_that_says_its_year_is_of_that_year_after_another_sections_days():
    # trial s72 V: "## Done (2026)" > "6 Oct - flu jab at Boots" after "## Coming up"'s "Feb 2027 - eye test" had been
    # of 2027 ("when did i have the flu jab": 6 October 2027), "1 Dec (Tue) - physio 3" of 2028
    text = ("# Appointments\n\n## Coming up\n- Thu 7 Jan 2027 - GP review\n- Feb 2027 - eye test due\n\n"
            "## Done (2026)\n- 15 Jan - nurse, BP check\n- 6 Oct - flu jab at Boots\n- 1 Dec (Tue) - physio 3\n")
    assert [c.date for c in chunk_note(parse_note(text, "health/appointments.md"))][2:] == \
        ["2026-01-15", "2026-10-06", "2026-12-01"]


def test_a_log_entry_under_a_bullet_of_its_year_is_of_that_year():
    # trial s73 A: a Logseq page's "history" > "2026" > "15 Jan - full set" had been of no day, and so first for
    # "what's on in january" (of 2027) by its month's name alone
    text = ("type:: horse\n\n- Shoes 3F 3H\n- history\n\t- 2025\n\t\t- 01 Dec - reset\n\t- 2026\n"
            "\t\t- 15 Jan - full set, road nails\n\t\t- 4 Dec - reset\n")
    assert [c.date for c in chunk_note(parse_note(text, "pages/horses___Ned.md")) if c.date] == \
        ["2025-12-01", "2026-01-15", "2026-12-04"]


def test_a_log_of_a_years_title_runs_into_the_next_year_only_over_new_year():
    # trial s71 S: "Sickness / absence 2026", each person's days one list after another: Gemma's "9–23 Mar" after Tom's
    # "20–21 Oct" had been of March 2027, Priya's "2–6 Nov" of November 2027
    text = ("# Sickness / absence 2026\n\n- Tom\n  - 20–21 Oct: chest infection\n- Gemma\n  - 9–23 Mar: surgery\n"
            "- Priya\n  - 2–6 Nov: covid\n")
    assert [c.date for c in chunk_note(parse_note(text, "Team/Sickness 2026.md")) if c.date] == \
        ["2026-10-20", "2026-03-09", "2026-11-02"]
    # ... a log that goes on past its year's end is of the next year still ("5 Jan" after "20 Dec" of "Jobs 2025")
    jobs = "# Jobs 2025\n\n- 20 Dec: boiler at the Old Mill\n- 5 Jan: Mrs Pike's leak\n"
    assert [c.date for c in chunk_note(parse_note(jobs, "Jobs 2025.md"))] == ["2025-12-20", "2026-01-05"]


def test_a_days_number_under_a_months_bullet_is_of_that_month_of_its_folders_year(monkeypatch):
    # trial s71 V: "rotas/2026/coffee rota.md" > "**Dec**" > "6th: Jean & Pam" had been of no day ("who's on coffee
    # tomorrow": 5th, "Nothing dated on 2026-12-06 matches")
    text = "# Coffee rota\n\n- **Dec**\n  - 6th: Jean & Pam\n  - 13th: Derek & Sue H\n- **Jan 2027**\n  - 3rd: Ruth\n"
    assert [c.date for c in chunk_note(parse_note(text, "rotas/2026/coffee rota.md"))] == \
        [None, "2026-12-06", "2026-12-13", None, "2027-01-03"]
    assert [c.date for c in chunk_note(parse_note(text, "rotas/coffee rota.md"))][:3] == [None, None, None]  # (no year)
    # ... a folder whose name ends with its year after a word (trial s85 C: "display-2028/run-of-show.md" opening "# Run
    # of show – Saturday 4 Nov" had been of no day, not found for "what's on saturday 4 nov"); not a span's second
    monkeypatch.setenv("NOTESQA_TODAY", "2028-10-24")
    show = "# Run of show – Saturday 4 Nov\n\n- 08:00 Site opens\n"
    assert [c.date for c in chunk_note(parse_note(show, "display-2028/run-of-show.md"))] == ["2028-11-04"]
    assert [c.date for c in chunk_note(parse_note(show, "Trips 2028/run-of-show.md"))] == ["2028-11-04"]
    monkeypatch.setenv("NOTESQA_TODAY", "2031-06-01")  # (a day no year near which is a Saturday: below)
    assert [c.date for c in chunk_note(parse_note(show, "display-2028/run-of-show.md"))] == ["2028-11-04"]
    for folder in ("v2028", "season 2027-2028", "display", "Vision 2034"):  # (nor a plan's year to come: the review)
        assert [c.date for c in chunk_note(parse_note(show, f"{folder}/run-of-show.md"))] == [None], folder


def test_a_log_entrys_weekday_and_day_in_numbers_under_a_heading_of_months_is_that_day():
    # trial s71 X: "Tue 1/12 - 2x country loaf" under "## Oct-Dec" of "bake log 2026" had been of no day ("what did i
    # bake last tuesday": 5th, "Not dated on December 1"), "14/11 - seeded rye" above it of its day
    text = "# Bake log 2026\n\n## Oct-Dec\n- 14/11 - seeded rye v3\n- Tue 1/12 - 2x country loaf\n- Wed 1/12 - a slip\n"
    assert [c.date for c in chunk_note(parse_note(text, "sourdough/bake log 2026.md"))] == ["2026-11-14", "2026-12-01",
                                                                                            None]


def test_a_window_does_not_end_after_an_abbreviation():
    # trial EV: a long one-line note had been cut at "No." of "No. 12 (Gill Road)"
    raw = "Call Mr. Smith about the boiler. It is unit No. 12 (Gill Road). He said no. Then e.g. the valve."
    assert [t for _, t in sentence_windows(raw, 1, limit=20)] == [
        "Call Mr. Smith about the boiler.", "It is unit No. 12 (Gill Road).", "He said no.", "Then e.g. the valve."]


def test_a_notes_aliases_are_embedded_beside_its_title_before_every_passage():
    note = parse_note("---\naliases: [Canvas, Whiteboard, corkboards, Boards, Pinboard, '202103151022']\n---\n"
                      "# Corkboard\n\nA corkboard is an infinite space.\n\n## Create one\n\n- Run New corkboard\n",
                      "Corkboard.md")
    first, item = chunk_note(note)
    # the title once (the first heading repeats it), at most 3 names, none the title says, no ID without letters
    assert first.embed == "Corkboard (Canvas, Whiteboard, Boards): A corkboard is an infinite space."
    assert item.embed.startswith("Corkboard (Canvas, Whiteboard, Boards) > Create one")
    assert item.text == "Run New corkboard" and item.title == "Corkboard"  # shown as before
    # a template's alias not filled in is no name; a tag's "#" is not part of one; "Carbon" is not a form of "Car"
    odd = parse_note("---\naliases: ['<% tp.file.title %>', '{{title}}', '#weekly', Carbon]\n---\nText.\n",
                     "Car notes.md")
    assert chunk_note(odd)[0].embed == "Car notes (weekly, Carbon): Text." and odd.aliases == ("weekly", "Carbon")
    plain = chunk_note(parse_note("# Corkboard\n\nA corkboard is an infinite space.\n", "Corkboard.md"))[0]
    assert plain.embed == "Corkboard: A corkboard is an infinite space."


def test_a_logseq_pages_alias_is_embedded_beside_its_title():
    note = parse_note("alias:: SSO, Okta login\n\n- Team members sign in with the company's identity provider\n",
                      "pages/Single sign-on.md")
    (chunk,) = [c for c in chunk_note(note) if "identity" in c.text]
    assert chunk.embed.startswith("Single sign-on (SSO, Okta login): ")


def test_a_long_callouts_windows_keep_its_line_breaks():
    # trial s37: a callout's error line and the sentence under it had been run together in one line
    raw = "`Error: UPGRADE FAILED: another operation is in progress`\nHappens when a run was killed. " + \
        " ".join(f"Sentence {i} says more." for i in range(40))
    first = sentence_windows(raw, 18, keep_lines=True)[0][1]
    assert first.startswith("`Error: UPGRADE FAILED: another operation is in progress`\nHappens when a run was killed.")
    assert "\n" not in sentence_windows(raw, 18)[0][1]  # a paragraph's soft breaks are no line breaks


def test_an_outline_30_levels_deep_is_read_to_its_last_level_and_named_by_its_nearest_parents():
    # trial s38: markdown-it's default nesting read 9 levels (30% of the note); 29 parents would fill the model's window
    from notesqa.breadcrumbs import MAX_PARENTS
    from notesqa.hits import Hit

    text = "# Outline\n\n" + "".join("  " * i + f"- level {i}\n" for i in range(30))
    chunks = chunk_note(parse_note(text, "deep.md"))
    assert [c.text for c in chunks][-1] == "level 29" and len(chunks) == 30
    deepest = chunks[-1]
    assert context_line(deepest.title, deepest.heading, deepest.parents) == \
        "Outline > level 0 > level 1 > … > level 24 > level 25 > level 26 > level 27 > level 28"
    assert context_line("T", [], ["a", "b"]) == "T > a > b"  # a shallow outline's as before
    crumb = Hit("level 29", "deep.md", 30, (), 0.5, title="Outline", parents=tuple(deepest.parents)).breadcrumb
    assert crumb[:4] == ["Outline", "level 0", "level 1", "…"] and len(crumb) == MAX_PARENTS + 1


def test_a_chunk_read_back_from_the_index_is_the_chunk_written():
    chunk = Chunk("a.md", 3, 4, "code", "print(1)", "A", ["H"], ["p"], ["t"], "2024-01-02", 5, lang="python")
    assert Chunk.from_json(chunk.to_json()) == chunk
    plain = dataclasses.replace(chunk, lang="")
    assert "lang" not in plain.to_json() and Chunk.from_json(plain.to_json()) == plain  # a rare field: its default
    assert Chunk.from_json({**chunk.to_json(), "later_field": 1}) == chunk  # a field it does not know: left out
    with pytest.raises(dataclasses.FrozenInstanceError):
        Chunk.from_json(chunk.to_json()).text = "changed"
    with pytest.raises(TypeError):
        Chunk.from_json({k: v for k, v in chunk.to_json().items() if k != "text"})


def test_a_code_block_is_found_by_its_language():
    # (trial s41: "how is the index computed in Python?" had said "No note mentions “Python”" above the python code)
    note = parse_note("# OSI\n\n```python\ndef osi(r, a):\n    return 0\n```\n", "OSI.md")
    code = next(c for c in chunk_note(note) if c.kind == "code")
    assert code.lang == "python" and "python" in code.keywords.split()


def test_a_questions_language_is_not_said_missing_above_its_code(tmp_path):
    from notesqa import build_index
    from notesqa.embedding.hashing import HashEmbedder
    from notesqa.search import NotesIndex

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "OSI.md").write_text("# Orientation selectivity\n\nThe index:\n\n```python\ndef osi(r, a):\n"
                                               "    return (r - a) / (r + a)\n```\n")
    build_index(tmp_path / "notes", tmp_path / "index", embedder=HashEmbedder(64))
    assert "Python" not in NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(64)).unmentioned(
        "How is the orientation selectivity index computed in Python?")


def test_a_weekly_notes_entries_are_of_the_weekdays_they_open_with():
    # trial s48: an on-call handover "oncall/2024-W17.md" had been of its Monday only: "what happened on 24 april
    # 2024" found nothing dated then
    text = ("# handover 2024-W17\n\n## happened\n- Mon 22: pgbouncer restart\n- Wed 24, 16:40 UTC: 5xx spike\n"
            "- Wed 25: a day's number not Wednesday's\n- Monday night we rolled back\n- Tue-Thu: on call\n"
            "- Tue - Monitoring alerts fixed\n- Thur: kafka lag\n- Fri-Sat: freeze\n\n"
            "## Thursday\n- loki timeouts\n")
    days = {c.text: c.date for c in chunk_note(parse_note(text, "oncall/2024-W17.md"))}
    assert days["Mon 22: pgbouncer restart"] == "2024-04-22" and days["Wed 24, 16:40 UTC: 5xx spike"] == "2024-04-24"
    assert days["loki timeouts"] == "2024-04-25"  # under a heading of its weekday
    assert days["Wed 25: a day's number not Wednesday's"] == days["Monday night we rolled back"] == "2024-04-22"
    assert days["Tue-Thu: on call"] == "2024-04-22"  # a span of days: the note's (the review)
    assert days["Tue - Monitoring alerts fixed"] == "2024-04-23"  # (no span: "Mon" of a word, the second review)
    assert days["Thur: kafka lag"] == "2024-04-25" and days["Fri-Sat: freeze"] == "2024-04-22"  # one weekday rule
    # ... and a plan's table rows of a weekday alone (trial s69 G CHA-012: "| Wed | baking | PAT dog |" of "week
    # 2026-11-30.md" had been of its Monday, "what was on last wednesday afternoon" finding it 9th)
    plan = "# Week of 30 Nov 2026\n\n| | AM | PM |\n|---|---|---|\n| Mon | chair exercise | cards |\n" \
           "| Wed | baking | PAT dog |\n| Wed 3 | not Wednesday's number | x |\n"
    assert [c.date for c in chunk_note(parse_note(plan, "activities/week 2026-11-30.md"))] == [
        "2026-11-30", "2026-12-02", "2026-11-30"]
    # ... and so are a week's under a heading that names it by its first day (trial s69 L LIF-036: a rota's "| Mon 7 |
    # Kacper | Tom, Aisha |" under "## w/c 7 Dec 2026" had been of no day)
    rota = "# Staff rota\n\n## w/c 7 Dec 2026\n\n| Day | Early | Late |\n|---|---|---|\n| Mon 7 | Kacper | Tom |\n" \
           "| Wed 9 | Jordan | Luke |\n\n## Rules\n\n| Day | Who |\n|---|---|\n| Mon | me |\n"
    assert [c.date for c in chunk_note(parse_note(rota, "Staff rota.md"))] == ["2026-12-07", "2026-12-09", None]
    # ... and a line under it that opens with a weekday and a number of the week before (trial s75 V: "Sat 6th was the
    # race" under "## Week of 8 Feb 2027" had been of no day, then read as the coming 6 March)
    log = "# Training log\n\n## Week of 8 Feb 2027\n- Tue: intervals 5x5\n- Sat 6th was the race (rd 9) so a light week\n"
    assert [c.date for c in chunk_note(parse_note(log, "racing/training log.md"))] == ["2027-02-09", "2027-02-06"]
    # ... in brackets after words, its tasks too (trial s72 X: "## This week (w/c 7 Dec)" > "- [ ] Fri 11: Harwoods
    # delivery 12.30" of no day, "whats on next friday" out of ten)
    todo = "# To do\n\n## This week (w/c 7 Dec)\n- [ ] Mon 7: Shipton order by 12\n- [ ] Fri 11: Harwoods delivery\n"
    assert [c.date for c in chunk_note(parse_note(todo, "journal/todo 2026.md"))] == ["2026-12-07", "2026-12-11"]
    # ... of the year a heading above it says (trial s80 X: "## June 2025" > "### w/c 23 June" > "- Mon: Y10 work
    # experience week" of none); its lines of no day none's (not its Monday's: the s80 rescore, "☐ Food for pressing
    # day" under "## Next week (w/c 13 Sept)" had come first for "when's the next pressing day", the 18th's out of ten)
    log = "# Work log\n\n## June 2025\n\n### w/c 23 June\n- Mon: Y10 work experience week\n- visited 14 placements\n"
    assert [c.date for c in chunk_note(parse_note(log, "log.md"))] == ["2025-06-23", None]
    # ... its weekday before it too (trial s72 O: "## w/c Mon 7 Dec" > "Thu 10 – Lowe: Gaz 2nd fix" of no day)
    plan = "# This week / next week\n\n## w/c Mon 7 Dec\n- Mon 7 – Lowe: sink\n- Thu 10 – Lowe: Gaz 2nd fix\n"
    assert [c.date for c in chunk_note(parse_note(plan, "log/week plan 2026.md"))][-2:] == ["2026-12-07", "2026-12-10"]


def test_a_table_rows_first_cell_of_a_span_of_days_is_of_its_first_day():
    # trial s79 U: an on-call rota's "| Sat 11 – Sun 12 Sep | Gareth | me |" under "## Jul – Dec 2027" had been of 1 July,
    # "when's my next on call weekend" finding rows of no weekend
    rota = ("# On-call rota 2027\n\n## Jul – Dec 2027\n| Weekend | Pharmacist |\n|---|---|\n"
            "| Sat 31 Jul – Sun 1 Aug | Gareth |\n| Sat 11 – Sun 12 Sep | me |\n| Sat 28 Aug – Mon 30 Aug (BH) | Priti |\n"
            "| 8-22 Aug 2026 | Cornwall |\n| 12 - 13 | no month |\n| Fri 31 Dec – Sun 2 Jan 2028 | new year |\n")
    assert [c.date for c in chunk_note(parse_note(rota, "Rota/On-call rota 2027.md"))] == [
        "2027-07-31", "2027-09-11", "2027-08-28", "2026-08-08", "2027-07-01", "2027-12-31"]  # (over new year: the review)


def test_a_plain_notes_week_named_by_its_monday_dates_its_weekday_lines_a_free_day_among_them():
    # trial s79 C: "bookings/2027/w-c 20 Sept.md", its first line "w/c 20 Sept 2027", its lines "Mon 20 - Thornley",
    # "Wed 22 - " (free), "Fri 24 - Grainger ..." had been one paragraph of no day ("what's on friday 24th" missed it)
    text = ("w/c 20 Sept 2027\n\nMon 20 - Thornley (Dot) 10am\nWed 22 - \nFri 24 - Grainger strip?? (Scout) - ring\n"
            "Sun 26 - harvest festival, take tins\n")
    chunks = chunk_note(parse_note(text, "bookings/2027/w-c 20 Sept.md"))
    assert [(c.line, c.text, c.date) for c in chunks[1:]] == [
        (3, "Mon 20 - Thornley (Dot) 10am", "2027-09-20"), (4, "Wed 22 -", "2027-09-22"),
        (5, "Fri 24 - Grainger strip?? (Scout) - ring", "2027-09-24"), (6, "Sun 26 - harvest festival, take tins",
                                                                         "2027-09-26")]
    # ... by its name alone too, its year its folder's
    named = chunk_note(parse_note("Mon 20 - Thornley\nTue 21 - Danvers\n", "bookings/2027/wc 20 Sept.md"))
    assert [c.date for c in named] == ["2027-09-20", "2027-09-21"]
    # (two bare weekdays are no plan: one line of words)
    assert [c.text for c in chunk_note(parse_note("Mon\nTue\n", "days.md"))] == ["Mon\nTue"]


def test_a_tables_rows_of_no_year_run_on_from_the_dated_row_above(monkeypatch):
    # trial s91 C: a callouts log's "| 4 Jan 2030 | Mrs Reeve |" then "| 19 Jan | Sam's Café |" ... "| 18 May | Hartley |"
    # had been of no day after the first, "when did i last get called out" out of ten for 18 May; not a calendar of a
    # span of years ("Festivals Calendar 2028-29": its rows of its title's span), nor a row of other words
    monkeypatch.setenv("NOTESQA_TODAY", "2030-05-28")
    note = parse_note("# Emergency callouts\n\n| Date | Who |\n|---|---|\n| 4 Jan 2030 | Mrs Reeve |\n| 19 Jan | Sam |\n"
                      "| 21 Apr (Easter Sun) | Holmes |\n| 2 Feb | Timms |\n| total | 4 |\n", "jobs/callouts log.md")
    assert [c.date for c in chunk_note(note)] == ["2030-01-04", "2030-01-19", "2030-04-21", "2030-02-02", None]
    # ... a table kept newest first, not into the months to come (the review: "19 Jan" after "18 May 2030" had been
    # January 2031's); nor a score ("| 7/10 |", the review)
    newest = parse_note("# Callouts\n\n| Date | Who |\n|---|---|\n| 18 May 2030 | Patel |\n| 19 Jan | Sam |\n"
                        "| 2 Dec | Reeve |\n| 7/10 | a score |\n", "Callouts.md")
    assert [c.date for c in chunk_note(newest)] == ["2030-05-18", "2030-01-19", "2029-12-02", None]
    # ... nor the lines after the table (the s91 chunk-date check: a rent table's "| 24 Dec |" then "## Totals" >
    # "Sept: £660" had been next September's)
    after = parse_note("# Rent\n\n| Week | Paid |\n|---|---|\n| 3 Sep 2029 | £165 |\n| 24 Dec | £82 |\n\n## Totals\n"
                       "- Sept: £660 (4 wks)\n", "rent log.md")
    assert [c.date for c in chunk_note(after)] == ["2029-09-03", "2029-12-24", None]
    # ... and a table running forward, each nearest the row above (the second review: "14 Sep" after "20 Jul 2030" had
    # been September 2029's)
    ahead = parse_note("# Bookings\n\n| Date | Who |\n|---|---|\n| 18 May 2030 | A |\n| 20 Jul | B |\n| 14 Sep | C |\n"
                       "| 2 Nov | D |\n", "Bookings.md")
    assert [c.date for c in chunk_note(ahead)] == ["2030-05-18", "2030-07-20", "2030-09-14", "2030-11-02"]
    # ... only from a first cell that writes its year (the chunk-date check: an enquiries table's "| 9 Aug | ... | 2029! |"
    # after "| 3 Aug | ... | 10 Jun 2028 |" had been August 2028's, its first cells of no year)
    asked = parse_note("# Enquiries\n\n| Got it | Names | Date wanted |\n|---|---|---|\n| 3 Aug | Leah | 10 Jun 2028 |\n"
                       "| 9 Aug | Kim | 2029! |\n", "Enquiries.md")
    assert chunk_note(asked)[1].date != "2028-08-09"


def test_a_namespace_pages_week_dates_its_days_headings_with_their_month(monkeypatch):
    # trial s91 T: "Invigilator Rota/w-c 10 Jun" > "## Wed 12 Jun" > "AM Film: Pam" had been of no day, "who is
    # invigilating on wednesday 12 june" out of ten; not a heading of another month
    monkeypatch.setenv("NOTESQA_TODAY", "2030-05-28")
    rota = chunk_note(parse_note("title:: Invigilator Rota/w-c 10 Jun\n\n- ## Mon 10 Jun\n\t- AM Maths: Geoff\n"
                                 "- ## Wed 12 Jun\n\t- AM Film: Pam\n- ## Mon 10 July\n\t- resits\n",
                                 "pages/Invigilator Rota___w-c 10 Jun.md"))
    assert [(c.text, c.date) for c in rota] == [("AM Maths: Geoff", "2030-06-10"), ("AM Film: Pam", "2030-06-12"),
                                                ("resits", None)]


def test_an_entry_of_a_span_of_days_is_of_its_first_day():
    # trial s62 G: "27–29 Nov – Christmas tree festival" under "## Nov" of "Hall bookings 2026" had been of 1 November
    from notesqa.metadata import line_day
    from notesqa.parsing import parse_note

    assert line_day("27–29 Nov – Christmas tree festival", "2026") == line_day("27-29th Nov: x", "2026") == "2026-11-27"
    assert line_day("10-4 open", "2026") is None and line_day("5 - 6 people came", "2026") is None
    # ... a weekday before each day (session 79's last read: "Sat 11 – Sun 12 Sep: camping" had been of no day)
    assert line_day("Sat 11 – Sun 12 Sep: camping", "2027") == line_day("Sat 11th - Sunday 12th Sep - x", "2027") == "2027-09-11"
    note = parse_note("# Hall bookings 2026\n\n## Nov\n- Sat 21 Nov – anniversary\n- 27–29 Nov – tree festival\n",
                      "Hall/Hall bookings 2026.md")
    assert [c.date for c in chunk_note(note)] == ["2026-11-21", "2026-11-27"]


def test_a_list_of_days_alone_under_a_heading_of_their_year_is_of_those_days():
    # trial s80 W-14: a market's page "## 2027 dates" > "- Fri 7 May", "- **Fri 2 Jul**" had been of no day ("when's the
    # next shrewsbury market" had put July and August's line first, May's second)
    from notesqa.metadata import headings_year, line_day
    from notesqa.parsing import parse_note

    assert line_day("Fri 7 May", "2027") == line_day("**Fri 7 May**", "2027") == "2027-05-07"
    assert headings_year(["Shrewsbury Farmers Market", "2027 dates"]) == headings_year(["Dates for 2027"]) == "2027"
    note = parse_note("# Shrewsbury Farmers Market\n\nFirst Friday.\n\n## 2027 dates\n- Fri 5 Mar ✔\n- **Fri 7 May**\n"
                      "- Fri 2 Jul\n", "Markets/Shrewsbury Farmers Market.md")
    assert [c.date for c in chunk_note(note)] == [None, "2027-03-05", "2027-05-07", "2027-07-02"]
    # ... not a month and a number alone ("May 5"), nor a heading of a year among other words
    assert line_day("May 5", "2027") is None and headings_year(["Sales 2027 by region"]) is None
    # ... and a day alone heads the lines after it, as a label does: no line of a log, no day's opening (the s80
    # rescore: s77 L-13's "Mon 25 - Fri 29 Oct 2027" had been shown without its "Tues: boiler service 8-12")
    from notesqa.metadata import opens_dated, opens_with_day

    assert not opens_dated("Mon 25 - Fri 29 Oct 2027") and not opens_with_day("**Fri 7 May**")
    assert opens_dated("Mon 25 Oct 2027: dentist") and opens_with_day("Fri 7 May - market")


def test_a_fixtures_day_in_numbers_before_v_opens_its_entry():
    # trial s80 M: "17/4 v King Cross Colts (A)" of a fixture list had been of no day where its year was known ("v" had
    # been read as volts after a day in numbers)
    text = "# Fixtures\n\n## 2027\n- 28/3 – no game\n- 17/4 v King Cross (A) 9:30 KO!\n- 24/4 @ Stainland\n"
    assert [c.date for c in chunk_note(parse_note(text, "pages/Fixtures.md"))] == ["2027-03-28", "2027-04-17",
                                                                                  "2027-04-24"]
    # (a season's title alone, "Fixtures 2026-27", gives its lines no year: which of its two is theirs depends on the
    # season's start, the review)
    text = "# Ella Year 10 2026-27\n\n- 12 Jan: mocks start\n"
    assert [c.date for c in chunk_note(parse_note(text, "School/Ella Year 10 2026-27.md"))] == [None]


def test_a_job_logs_entries_are_of_their_days_as_a_tradesman_writes_them():
    # trial s55: a carpenter's plain notes: "2nd Feb" after "15 Jan 26", "Thurs 19th Nov 2026, phone call", a week's
    # note named by its Monday, "11th -" and "16.6.25" in a month's note had been of no day or of the wrong one
    from notesqa.metadata import line_day

    assert line_day("Thurs 19th Nov 2026, phone call") == "2026-11-19" and line_day("Mon 6th Oct - x", "2025") == "2025-10-06"
    assert line_day("12 Jan 26 - measured up") == line_day("Fri 12th Jan 26: x") == "2026-01-12"
    # ... a measure after the dash (trial s72 B: "10 Jan 26 — 318g sterling filings → £221.43" had been of 2025)
    assert line_day("10 Jan 26 — 318g sterling filings", "2025") == "2026-01-10"
    assert line_day("3 Mar 26 - 12 people", "2025") == "2025-03-03"  # (not a span of numbers)
    assert line_day("3 May 20 people came") is None and line_day("Mon 5 minutes late", "2026") is None
    # ... a day of no year whose weekday is the year either side's only (trial s64 M: "Sat 24 Apr — jumble" under "##
    # Bookings already in for 2027" of December 2026's notes had been dated 2026-04-24, a Friday)
    assert line_day("Sat 24 Apr — jumble (ours)", "2026") == "2027-04-24"
    assert line_day("Fri 24 Apr — jumble", "2026") == line_day("24 Apr — jumble", "2026") == "2026-04-24"
    assert line_day("Tue 24 Apr — jumble", "2026") == "2026-04-24"  # (a weekday of neither: the note's year, as before)
    # ... nor where the line writes its year, the weekday a slip (trial s91 H: "Sat 10 Aug → Sat 17 Aug 2029" of
    # "Cornwall 2029" had been 2030's, last summer's week "Dated from 2030-08-01"); a sum is no year
    assert line_day("Sat 10 Aug → Sat 17 Aug 2029. Cottage", "2029") == "2029-08-10"
    assert line_day("Sat 24 Apr — jumble, £2026 raised", "2026") == "2027-04-24"
    assert line_day("Sat 24 Apr — jumble sale, deposit paid Dec 2026", "2026") == "2027-04-24"  # (another thing's year)
    assert line_day("Saturday 10 August – Saturday 17 August 2029: cottage", "2029") == "2029-08-10"  # (the second review)
    assert line_day("Sat 10 Aug – Sat 17 Aug (St Ives) 2029", "2029") == "2029-08-10"
    assert line_day("Sat 10 – Sat 17 August 2029. The cottage", "2029") == "2029-08-10"  # (its year right after the span)
    log = ("# Brennan - new staircase\n\nClient: Declan\n\n## Log\n- 20 Dec 25 - measured up\n- 5 Jan - drawings back\n"
           "- 2nd Feb - stair delivered\n- 4 Feb - new stair in\n    - wedges glued\n\n## Lessons\n- measure the door\n")
    days = {c.text: c.date for c in chunk_note(parse_note(log, "jobs/brennan-staircase.md"))}
    assert days["20 Dec 25 - measured up"] == "2025-12-20" and days["5 Jan - drawings back"] == "2026-01-05"
    assert days["2nd Feb - stair delivered"] == "2026-02-02" and days["wedges glued"] == "2026-02-04"  # under its entry
    assert days["Client: Declan"] is None and days["measure the door"] is None
    # ... and a day and month in numbers after a dated entry, in the note's order (trial s91 Q: a newsletter's "14/3 —
    # preorder is live!" after "Fri 26 Apr — ARC call-out" had been of no day)
    sends = ("# Newsletter\n\n## Sends\n- Fri 17 May 2030 — four weeks to go\n- Fri 26 Apr — ARC call-out\n"
             "- 5/4 — Easter story\n- 14/3 — preorder is live!\n- 21/2 — cover reveal\n")
    assert [c.date for c in chunk_note(parse_note(sends, "Newsletter.md"))][2:] == ["2030-04-05", "2030-03-14",
                                                                                   "2030-02-21"]
    # ... not a score ("7/10 - the Crianza", the review: it had been of October, the log's next entry of 2031)
    wine = "# Wine\n\n## Tastings\n- Sat 4 May 2030 — Rioja evening\n- 7/10 - the Crianza\n- 25/5 — Malbec night\n"
    assert [c.date for c in chunk_note(parse_note(wine, "Wine.md"))] == ["2030-05-04", None, "2030-05-25"]
    # ... newest first, the year nearest the entry above
    days = _days_of("## Log\n- 5 Jan 2026: paid\n- 20 Dec: fitted\n", "j.md")
    assert days["20 Dec: fitted"] == "2025-12-20"
    # a dateline opening a note dates it; a log's first entry does not
    note = parse_note("# Helen - accountant\n\nThurs 19th Nov 2026, phone call\n\n- turnover ~ £84k\n", "m/helen.md")
    assert note.date == "2026-11-19"
    assert parse_note("# Log\n\n12 Jan 2026 - measured up\n\n13 Jan 2026 - cut\n", "log.md").date is None
    # a week's note named by its Monday, in a folder of weeks or headed as a week
    week = "# week of 23/11/26\n\nmon: Marsh peelaway\nwed: Marsh wax\n\n- Tues 1 Dec: Patel seal\n"
    for path in ("weeks/2026-11-23.md", "log/2026-11-23.md"):
        days = {c.text: c.date for c in chunk_note(parse_note(week, path))}
        assert days["wed: Marsh wax"] == "2026-11-25" and days["Tues 1 Dec: Patel seal"] == "2026-12-01", path
    # ... or named as a week by its Monday (trial s60 UC: "journal/week-2026-11-23.md"'s "## tue 24" had been the 23rd's)
    week = "# week of 23 Nov 2026\n\n## mon 23\n- wrote 600 words\n\n## tue 24\n- Cllr Moran interview\n"
    # ... or by its Monday and then "week" (trial s63 F: "log/2026-11-23 week.md"'s "## Tue 24" had been the 23rd's)
    for path in ("journal/week-2026-11-23.md", "log/2026-11-23 week.md", "log/2026-11-23-weekly.md"):
        days = {c.text: c.date for c in chunk_note(parse_note(week, path))}
        assert days == {"wrote 600 words": "2026-11-23", "Cllr Moran interview": "2026-11-24"}, path
    days = _days_of("# Thursday\n\n- wed: Marsh wax\n", "daily/2026-11-23.md")
    assert days["wed: Marsh wax"] == "2026-11-23"  # a day's note as before
    # a month's note: a day by its number alone or dotted, not before the month
    month = "# Fairweather deck\n\n## Log\n- 16.6.25 dig out\n- 18.6 frame\n- 11th - boards\n- 2.1 release notes\n"
    days = {c.text: c.date for c in chunk_note(parse_note(month, "jobs/2025-06-fairweather-deck.md"))}
    assert days["16.6.25 dig out"] == "2025-06-16" and days["18.6 frame"] == "2025-06-18"
    assert days["11th - boards"] == "2025-06-11" and days["2.1 release notes"] == "2025-06-01"
    # ... after its weekday, or day and month with a slash as the month says (trial s55: a bike shop's repairs/2026-11.md
    # "Wed 25th - Dave M", "02/11 - Colin B" had been of the month's first day); not a weekday the day is not
    month = "# Repairs November 2026\n\n- 02/11 - Colin B - Orbea\n- Wed 25th - Dave M - Trek\n- Wed 26 - a slip\n- 3/4 - x\n"
    days = {c.text: c.date for c in chunk_note(parse_note(month, "repairs/2026-11.md"))}
    assert days["02/11 - Colin B - Orbea"] == "2026-11-02" and days["Wed 25th - Dave M - Trek"] == "2026-11-25"
    assert days["Wed 26 - a slip"] == days["3/4 - x"] == "2026-11-01"
    # a note of no day: its first entry without a year of the year its title says (trial s55: "Xmas & new year hours
    # 2026" > "Thu 24 Dec - 9-1" had been of no day, "what hours are we open on christmas eve" answered by 2025's)
    hours = "# Xmas & new year hours 2026\n\n- Thu 24 Dec - 9-1\n- Fri 1 Jan - closed\n"
    days = {c.text: c.date for c in chunk_note(parse_note(hours, "shop/xmas-hours-2026.md"))}
    assert days["Thu 24 Dec - 9-1"] == "2026-12-24" and days["Fri 1 Jan - closed"] == "2027-01-01"
    # ... under a month's heading, its day in numbers without a year (trial s55: a research log's "2/11" under "##
    # November 2024" had been of its first day)
    log = "# Research log 2024\n\n## November 2024\n- 2/11 — 1921 census\n- 16/11 — DNA kit\n## September 2024\n- 14.9.24 — OPC\n"
    days = {c.text: c.date for c in chunk_note(parse_note(log, "Research log 2024.md"))}
    assert days["2/11 — 1921 census"] == "2024-11-02" and days["16/11 — DNA kit"] == "2024-11-16"
    assert days["14.9.24 — OPC"] == "2024-09-14"
    # the review: hours are no year ("Sat 26 Dec 10 - 4"), a measure no day ("2.5 hrs"), a week's note's days before
    # its Monday this year's, a log's later entry forward of the one above
    from notesqa.metadata import line_day
    assert line_day("Sat 26 Dec 10 - 4", "2026") == "2026-12-26" and line_day("14 Feb 19 - 21 dinner", "2026") == "2026-02-14"
    days = {c.text: c.date for c in chunk_note(parse_note("# week of 23/11/26\n\n- Fri 20 Nov: invoiced Marsh\n",
                                                          "weeks/2026-11-23.md"))}
    assert days["Fri 20 Nov: invoiced Marsh"] == "2026-11-20"
    month = "# Repairs Jan\n\n- 2.5 hrs - Colin rebuild\n- Wed 6th - Dave M\n"
    days = {c.text: c.date for c in chunk_note(parse_note(month, "repairs/2027-01.md"))}
    assert days == {"2.5 hrs - Colin rebuild": "2027-01-01", "Wed 6th - Dave M": "2027-01-06"}
    log = "# Job\n\n## Log\n- 10 Mar 2026 - job finished\n- 2 Nov - came back to fix the tread\n"
    assert chunk_note(parse_note(log, "jobs/x.md"))[-1].date == "2026-11-02"


def test_a_steps_code_block_is_of_that_step():
    # trial s48: a runbook step's code matched a how-to question, but was no step (ranking's Explanation.step)
    from notesqa.chunking import step_of

    chunks = chunk_note(parse_note("# Failover\n\n## Steps\n1. Confirm it:\n   ```sh\n   patronictl list\n   ```\n"
                                   "2. Promote it:\n   ```sh\n   patronictl failover\n   ```\n\n## After\n\n```sh\nls\n```\n",
                                   "failover.md"))
    kinds = [(c.kind, c.text.split("\n")[-1]) for c in chunks]
    assert kinds[:4] == [("bullet", "Confirm it:"), ("code", "patronictl list"), ("bullet", "Promote it:"),
                         ("code", "patronictl failover")]
    assert [step_of(chunks, i) for i in range(len(chunks))] == [0, 0, 2, 2] + [None] * (len(chunks) - 4)


def test_a_tables_rows_are_its_rows_only():
    # (the s48 caption rule: a caption on the line right above a row had been read as one of the table's rows)
    from notesqa.chunking import table_rows

    def chunk(seq, kind):
        return Chunk(path="v.md", line=seq + 1, end_line=seq + 1, kind=kind, text=f"t{seq}", title="v", heading=[],
                     parents=[], tags=[], date=None, seq=seq)
    chunks = [chunk(0, "paragraph"), chunk(1, "table_row"), chunk(2, "table_row"), chunk(3, "paragraph")]
    assert table_rows(chunks, 1) == table_rows(chunks, 2) == range(1, 3)


def test_a_periodic_notes_log_lines_are_of_the_days_they_open_with():
    # trial s48: "- 8 Feb: sent 4 queries" in "2024-02 Kessler KX-500.md" had been of the month's first day
    text = "# Kessler\n\n- 8 Feb: sent 4 queries\n- 14 Mar: delivered\n- 3 Jan: invoice paid\n- kickoff call\n"
    days = {c.text: c.date for c in chunk_note(parse_note(text, "projects/2024-02 Kessler KX-500.md"))}
    assert days["8 Feb: sent 4 queries"] == "2024-02-08" and days["14 Mar: delivered"] == "2024-03-14"
    assert days["3 Jan: invoice paid"] == "2025-01-03" and days["kickoff call"] == "2024-02-01"  # (the next year's)


def test_a_table_under_a_heading_of_a_season_and_its_year_among_words_is_of_that_year():
    # trial s85 A: "- ## Rota autumn 2028" > "| Sat 28 Oct | me |" had been of no day ("when's the next market" marked
    # December's row); not a thing's own season ("## Planted in autumn 2019")
    rota = parse_note("# Farmers market\n\n## Rota autumn 2028\n\n| Date | Who |\n|---|---|\n| Sat 28 Oct | me |\n\n"
                      "## Planted in autumn 2019\n\n| Date | What |\n|---|---|\n| Sat 28 Oct | apples |\n",
                      "Farmers market.md")
    assert [c.date for c in chunk_note(rota)] == ["2028-10-28", None]
    from notesqa.metadata import headings_year

    assert headings_year(["Prep for spring 2029"]) is None  # (its "14 Nov: order bulbs" of the autumn before: the review)


def test_a_season_named_notes_log_lines_are_of_the_days_they_open_with():
    # trial s85 D: "Bookings___Autumn 2028" > "10 Oct: Hargreaves" had been of 1 September, as every line of it, first
    # for "what did the bills come to in september"; a winter's "5 Jan" of the year after
    text = "- ## Done\n\t- 19 Sep: Bromfield Arms x3\n\t- 10 Oct: Hargreaves\n- Diary is in Google Cal too\n"
    days = {c.text: c.date for c in chunk_note(parse_note(text, "pages/Bookings___Autumn 2028.md"))}
    assert days["19 Sep: Bromfield Arms x3"] == "2028-09-19" and days["10 Oct: Hargreaves"] == "2028-10-10"
    assert days["Diary is in Google Cal too"] == "2028-09-01"  # (of no day of its own: the season's first, as before)
    days = _days_of("- 5 Jan: gritting\n- 8 Dec: lights\n", "Winter jobs 2028.md")
    assert days == {"5 Jan: gritting": "2029-01-05", "8 Dec: lights": "2028-12-08"}
    # ... of the year nearest its season's first day, not rolled on into the next (the review: "Summer 2028" > "12 Mar:
    # booked flights" had been of 2029, "Winter 2028" > "20 Nov: order grit" of 2029)
    days = _days_of("- 12 Mar: booked flights\n", "Summer 2028.md")
    assert days == {"12 Mar: booked flights": "2028-03-12"}
    days = _days_of("- 20 Nov: order grit\n", "Winter 2028.md")
    assert days == {"20 Nov: order grit": "2028-11-20"}


def test_a_line_of_a_day_under_a_heading_of_its_month_and_year_among_words_is_of_that_day():
    # trials s81 W, B: "## July 2027 paid" > "- 1 Jul rent £2,150" had been of July of any year (2028 for "in july" of
    # today's), "## One-offs July 2027" > "- 28 Jul: boiler service £96" of no day
    note = parse_note("# Bills\n\n## July 2027 paid\n- 1 Jul rent £2,150\n\n## One-offs July 2027\n"
                      "- 28 Jul: boiler service £96\n", "Bills.md")
    assert [(c.text, c.date) for c in chunk_note(note)] == [
        ("1 Jul rent £2,150", "2027-07-01"), ("28 Jul: boiler service £96", "2027-07-28")]
    # ... not a thing's own day (the review: "## Worcester combi fitted Jun 2019" > "3 Feb: pressure topped up" had been
    # of 2019), nor over its title's year ("Bills 2026" > "## Next review due Jan 2028")
    from notesqa.metadata import headings_year

    for heading in ("Worcester combi fitted Jun 2019", "Maya born May 2015", "Next review due Jan 2028",
                    "Honda Jazz bought Mar 2019"):
        assert headings_year([heading]) is None, heading


def test_a_line_writing_its_own_day_under_a_plan_of_another_is_not_of_the_parents_day(monkeypatch):
    # trial s87 B: "May pay – Fri 25 May" > "timesheets to Priya by Thu 17 May" had been of the 25th, its parent's,
    # listed so for "what's due this month"; a line of no day under it stays of the parent's, and one under a logged
    # day's entry of that day
    monkeypatch.setenv("NOTESQA_TODAY", "2029-05-16")
    note = parse_note("# Payroll\n\n## Dates 2029\n- May pay – Fri 25 May\n  - timesheets to Priya by Thu 17 May\n"
                      "  - do it early\n", "Payroll.md")
    days = {c.text: c.date for c in chunk_note(note)}
    assert days["timesheets to Priya by Thu 17 May"] is None and days["do it early"] == "2029-05-25"
    monkeypatch.setenv("NOTESQA_TODAY", "2029-05-18")  # (once its day is gone, of it, not the parent's: the review)
    assert {c.text: c.date for c in chunk_note(note)}["timesheets to Priya by Thu 17 May"] == "2029-05-17"
    monkeypatch.setenv("NOTESQA_TODAY", "2029-05-16")
    log = parse_note("# Log\n\n- Mon 7 May 2029\n  - ordered the cable, due Fri 11 May\n", "Log.md")
    assert [c.date for c in chunk_note(log)] == ["2029-05-07", "2029-05-07"]
    # ... nor under a month's label alone (the s87 chunk-date check: "Mar 2028" > "new battery 9 Mar" had lost its day)
    month = parse_note("# Van\n\n- Jun 2029\n  - new battery 9 Jun, £142\n", "Van.md")
    assert [c.date for c in chunk_note(month)][-1] == "2029-06-01"


def test_a_line_under_a_logged_entry_is_of_its_entrys_year_not_one_the_entry_mentions():
    # trial s87 E: "## 2029" > "**2 May** – H2 swarmed, the old queen (2027 yellow, unclipped)" > "shook into a nuc
    # box" had been of 2 May 2027, the queen's year, its parent of 2029's
    note = parse_note("# Swarm Log\n\n## 2029\n- **2 May** – H2 swarmed, the old queen (2027 yellow, unclipped)\n"
                      "\t- shook into a nuc box\n", "Swarms/Swarm Log.md")
    assert [c.date for c in chunk_note(note)] == ["2029-05-02", "2029-05-02"]


def test_a_table_rows_month_cell_with_an_aside_in_brackets_is_of_that_month():
    # trial s87 A: "| Apr 2029 (training only) | 24 | £314.40 |" had been of no day, out of ten for "what did
    # invigilation cost in april"; a cell of no month with an aside stays of none
    note = parse_note("# Pay\n\n| Month | Hours | Total |\n|---|---|---|\n| Apr 2029 (training only) | 24 | £314.40 |\n"
                      "| May 2029 (est.) | 410 | £5,371.00 |\n| Kit (est.) | 4 | £10 |\n", "Pay.md")
    assert [c.date for c in chunk_note(note)] == ["2029-04-01", "2029-05-01", None]
    # ... and a day of no year with one, of its note's year (the s87 rescore: "Rota/December 2027" > "| Sat 25 Dec
    # (Christmas Day) |" had been of the 1st)
    rota = parse_note("# Rota 2027\n\n| Day | Early |\n|---|---|\n| Sat 25 Dec (Christmas Day) | Priya |\n", "Rota 2027.md")
    assert [c.date for c in chunk_note(rota)] == ["2027-12-25"]


def test_a_note_named_by_a_month_and_year_dates_its_entries_by_their_own_days():
    # trial s87 H: "SATs week May 2029" (front matter "date: 2029-05-14") > "| Tue 15 May |" and "Friday 18 May: Y6
    # treat" had been of the 14th (of the 1st without its front matter); an entry of another month of the year nearest
    # the name's, not the next year's as a periodic note's running on
    text = "---\ndate: 2029-05-14\n---\n# SATs\n\n| Day | Paper |\n|---|---|\n| Tue 15 May | reading |\n\n## After\n" \
           "- Friday 18 May: Y6 treat\n- 12 Apr: booked\n- early nights\n"
    days = {c.text: c.date for c in chunk_note(parse_note(text, "School/SATs week May 2029.md"))}
    assert days == {"Day: Tue 15 May | Paper: reading": "2029-05-15", "Friday 18 May: Y6 treat": "2029-05-18",
                    "12 Apr: booked": "2029-04-12", "early nights": "2029-05-14"}
    # ... of its name's year, unless most of a year from the month (the review: "15 Jan: deposit paid" of "Cornwall Aug
    # 2029" had been of 2030)
    assert _days_of("- 15 Jan: deposit paid\n", "Cornwall Aug 2029.md") == {"15 Jan: deposit paid": "2029-01-15"}
    assert _days_of("- 20 Dec: booked\n", "Trip Jan 2029.md") == {"20 Dec: booked": "2028-12-20"}


def test_a_log_under_a_heading_of_what_it_lists_and_its_year_is_of_that_year():
    # trial s87 I: "## Payments log 2029" > "17/04 - Hamlet Mutual insurance £229" had been of no day, out of ten for
    # "what did we pay out in april"; not a thing's year ("## Boiler fitted 2019")
    note = parse_note("# Bank\n\n## Payments log 2029\n- 12/03 - Vale Marquee deposit £150\n- 17/04 - Hamlet insurance"
                      " £229\n\n## Boiler fitted 2019\n- 12/03 - serviced\n", "Bank.md")
    assert [c.date for c in chunk_note(note)] == ["2029-03-12", "2029-04-17", None]
    # ... a log of a thing named before it, its year in brackets, its table's rows too (trial s88 E: "## Lesson log
    # (2029)" > "| Thu 30 Aug | 1h |" had been of no day, an older lesson the newest for "when did i last have a lesson")
    lessons = parse_note("# Driving\n\n## Lesson log (2029)\n| Date | Length |\n|---|---|\n| Thu 26 Jul | 1h |\n"
                         "| Thu 30 Aug | 1h |\n\n## Garage 2029\n| Date | Job |\n|---|---|\n| Thu 9 Aug | tyres |\n",
                         "Driving.md")
    assert [c.date for c in chunk_note(lessons)] == ["2029-07-26", "2029-08-30", None]


def test_a_log_of_no_year_known_is_of_the_year_near_today_its_first_entrys_weekday_holds(monkeypatch):
    # trial s87 J: an undated note's "## Order log" > "Tue 24 Apr: Nexgard Spectra restock, £2,106.00" had been of no
    # day, 10th for "covetrus orders in april" ("Not dated in April"); not a day whose weekday no near year holds
    monkeypatch.setenv("NOTESQA_TODAY", "2029-05-16")
    note = parse_note("# Stock\n\n## Order log\n- Tue 10 Apr: fluids x 4\n- Thu 3 May: tape\n", "Stock.md")
    assert [c.date for c in chunk_note(note)] == ["2029-04-10", "2029-05-03"]
    wrong = parse_note("# Stock\n\n## Order log\n- Wed 10 Apr: fluids x 4\n", "Stock.md")  # (no Wednesday near)
    assert [c.date for c in chunk_note(wrong)] == [None]
    # ... a log's only, not the sections after it run on from it (the review: a birthday list after a vet log)
    dog = parse_note("# Dog\n\n## Order log\n- Tue 10 Apr: jabs\n\n## Birthdays\n- 3 Jun: Mum\n\n## Vet visits\n"
                     "- Tue 10 Apr: jabs\n", "Dog.md")
    assert [c.date for c in chunk_note(dog)] == ["2029-04-10", None, None]


def test_a_log_of_days_gone_of_no_year_known_is_of_the_last_year_each_was_on(monkeypatch):
    # trial s87 X: an undated note's "## Payments log" > "30/4 – St Anne's, April hall hire £315" had been of no day,
    # "Not dated in April" for "what did we pay in april"; not under another heading ("## Ideas" > "2/3 - a plan")
    monkeypatch.setenv("NOTESQA_TODAY", "2029-05-16")
    note = parse_note("# Budget\n\n## Payments log\n- 2/3 – hall hire £126\n- 30/4 – hall hire £315\n- 14/5 – deposit\n"
                      "- 20/5 – ticket printing\n\n## Ideas\n- 3/4 - a plan\n", "Budget.md")
    # (an entry to come after one of this year in order, a log run on: of this year, trial s91 D below)
    assert [c.date for c in chunk_note(note)] == ["2029-03-02", "2029-04-30", "2029-05-14", "2029-05-20", None]
    # ... of last year where it comes first, or after a later one, or more than two months ahead (trial s91 D: a
    # tutoring log's "13 Jun — last session" after "23 May" on 28 May had been of last June)
    newest_first = parse_note("# Budget\n\n## Payments log\n- 20/5 – ticket printing\n- 14/5 – deposit\n- 2/3 – hall hire"
                              "\n- 30/7 – marquee\n", "Budget.md")
    assert [c.date for c in chunk_note(newest_first)] == ["2028-05-20", "2029-05-14", "2029-03-02", "2028-07-30"]
    # ... of its year where its heading says one, an aside after it (the s87 chunk-date check: "## 2028 log (short -
    # detail in the daily notes)" > "3 Jan - cancelled (bank hol)" had been of the last 3 January)
    log = parse_note("# Meetings\n\n## 2028 log (short - detail in the daily notes)\n- 3 Jan - cancelled\n", "M.md")
    assert [c.date for c in chunk_note(log)] == ["2028-01-03"]
    # ... nor under a heading of payments alone, a plan's perhaps (the review)
    plan = parse_note("# Wedding\n\n## Payments\n- 30/6 – venue balance £4,000\n", "Wedding.md")
    assert [c.date for c in chunk_note(plan)] == [None]
    # ... nor a month's entry (the s87 rescore: "## Takings log" > "Oct: £341" had been of 1 October, its month's
    # question's answer out of ten)
    takings = parse_note("# Market\n\n## Takings log\n- Sep: £286\n- Oct: £341\n", "Market.md")
    assert [c.date for c in chunk_note(takings)] == [None, None]
