"""An index's passages by day and its tasks by state (agenda.py)."""

import dataclasses

import numpy as np

from notesqa.agenda import Agenda
from notesqa.chunking import Chunk


class Untouchable(list):
    def __iter__(self):
        raise AssertionError("the chunks were read")


def bullet(text, seq=0):
    return Chunk(path="2026-11-24.md", line=seq + 1, end_line=seq + 1, kind="bullet", text=text, title="2026-11-24",
                 heading=[], parents=[], tags=[], date="2026-11-24", seq=seq)


def bullet_of_today(text, seq=0):
    """A bullet of a note written today (a test's days from today read as written near them)."""
    from datetime import date

    return dataclasses.replace(bullet(text, seq), date=date.today().isoformat())


def test_the_chunks_are_read_for_the_first_question_that_needs_them_only():
    assert len(Agenda(Untouchable([bullet("x")])).of_days(set())) == 0  # no day asked: nothing read
    agenda = Agenda([bullet("TODO call the plumber"), bullet("DONE pay rent", 1)])
    assert list(agenda.of_days({"2026-11-24"})) == [0, 1] and list(agenda.tasks("open")) == [0]
    assert list(agenda.tasks("done")) == [1]


def test_the_tasks_due_on_the_days_asked_not_the_days_other_tasks_are_written_on():
    agenda = Agenda([bullet("TODO book the room"),  # written in the 24th's journal, due no day
                     bullet("TODO announce pricing\nDEADLINE: <2026-11-27 Fri>", 1),
                     bullet("DONE pay rent\nSCHEDULED: <2026-11-26 Thu>", 2)])  # done: due no more
    assert list(agenda.due_on({"2026-11-24", "2026-11-27"})) == [1]
    assert list(agenda.of_days({"2026-11-24"})) == [0, 1, 2]
    assert len(agenda.due_on(set())) == 0


def test_a_logseq_block_scheduled_for_a_day_is_due_then_though_it_is_no_task():
    # trial s63 A: "whats due next week" had listed three TODOs, not the "First Response course" block "SCHEDULED:
    # <2026-12-12 Sat>" (Logseq lists it under its day's "Scheduled and deadline")
    agenda = Agenda([bullet("TODO announce pricing\nDEADLINE: <2026-11-27 Fri>"),
                     bullet("First Response course, Roundhay\nSCHEDULED: <2026-11-28 Sat>", 1),
                     bullet("the fair 📅 2026-11-28", 2)])  # (the Tasks plugin's day is a task's only)
    assert list(agenda.due_on({"2026-11-27", "2026-11-28"})) == [0, 1]
    assert list(agenda.tasks("open")) == [0]  # (no task of it)


def test_a_task_that_says_a_weekday_and_a_days_number_is_due_that_day():
    # trial s63 PUB-020: the week note of Monday 30 November's "☐ line clean Tue 8th - Tom", "☐ order in by Fri 11th"
    # had been listed as "Not due from 2026-12-07 to 2026-12-13"
    def task(text, seq):
        return dataclasses.replace(bullet(text, seq), path="log/2026-11-30 week.md", date="2026-11-30")
    agenda = Agenda([task("☐ line clean Tue 8th - Tom", 0), task("☐ Black Sheep order in by Fri 11th", 1),
                     task("☐ ring the brewery Wed 8th", 2), task("☐ sweep the yard", 3)])  # (the 8th is no Wednesday)
    assert list(agenda.due_on({"2026-12-08", "2026-12-11"})) == [0, 1]
    from notesqa.agenda import days_said
    assert days_said("quiz Sat 12th, 8pm", "2026-11-30") == {"2026-11-30", "2026-12-12"}
    assert days_said("order in by Fri 11th", "2026-11-30") == {"2026-11-30", "2026-12-11"}  # (not the coming Friday)
    # ... "Weds" too (trial s66 K: "☐ put up fairy lights (Weds 9th)" had been of no day but its note's)
    assert days_said("☐ put up fairy lights (Weds 9th)", "2026-12-11") == {"2026-12-11", "2026-12-09"}


def test_an_open_task_to_be_done_before_a_day_is_due_then():
    # trial s81 S: "☐ clean out & lime calving boxes before 20 Aug" had been missing from "what jobs are due next week"
    # ("by Fri 20 Aug" was due); not a line of no task ("we met before 20 Aug")
    from datetime import date, timedelta
    ahead = date.today() + timedelta(days=10)

    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="todo.md", date=None)
    agenda = Agenda([line(f"☐ clean out & lime calving boxes before {ahead.day} {ahead:%b}", 0),
                     line(f"we met the vet before {ahead.day} {ahead:%b}", 1),
                     line(f"☐ Before {ahead.day} {ahead:%b}: worm the heifers", 2)])  # (a capital: the review)
    assert agenda.due_on({ahead.isoformat()}).tolist() == [0, 2]
    from notesqa.agenda import open_task_due
    assert open_task_due("☐ sand down before 2nd coat", ahead.isoformat()) is None  # (a thing's number: the review)
    # ... nor the day it runs from (trial s85 K: "short £80 from Fri 20th, said he'll pay Wed 25 Oct" had been due the 20th)
    assert open_task_due("☐ chase Marek for rent – short £80 from Fri 20th, said he'll pay Wed 25 Oct",
                         "2028-10-24") == "2028-10-25"
    assert open_task_due("☐ short £80 From Friday the 20th, pays Wed 25 Oct", "2028-10-24") == "2028-10-25"
    assert open_task_due("☐ pick up the new glasses from Fri 27 Oct", "2028-10-24") == "2028-10-27"  # (its one day)


def test_a_task_that_says_a_weekday_a_day_and_a_month_is_due_that_day():
    # trial s66 CAR-033: a to-do's "☐ gas checks statics Wed 9 Dec - Rob 9am" under "## This month (Dec 2026)" had
    # been listed as "Not due from 2026-12-07 to 2026-12-13", while "chase if not by Fri 11th" was due
    def task(text, seq):
        return dataclasses.replace(bullet(text, seq), path="todo.md", date="2026-12-01")
    agenda = Agenda([task("☐ gas checks statics Wed 9 Dec - Rob 9am", 0), task("☐ vet visit Friday 11th December", 1),
                     task("☐ fire drill Thu 9 Dec", 2),  # (the 9th of December 2026 is a Wednesday: no day of it)
                     task("☐ showers - Steve w/c 11 Jan", 3),  # (no weekday: a week, not a day)
                     task("☐ potholes by 9 Dec", 4)])  # (a day to finish by: due then, trial s69 K)
    assert list(agenda.due_on({"2026-12-09", "2026-12-11"})) == [0, 1, 4]
    from notesqa.agenda import weekday_dated
    assert weekday_dated("Wed 9 Dec", "2026-12-01") == {"2026-12-09"}
    assert weekday_dated("Sat, 12th December 2026 - quiz", "2026-01-01") == {"2026-12-12"}
    assert weekday_dated("Wed 9 Dec", "2027-11-20") == set()  # (Thursday then, in the year nearest)
    assert weekday_dated("Tue Dec 8", "2026-12-01") == {"2026-12-08"}


def test_a_line_that_opens_with_its_day_and_says_due_is_due_that_day():
    # trial s66 N: a week plan's "- Fri 11 - Ahmed completion payment due" (no task) had been listed "Not due from
    # 2026-12-07 to 2026-12-13" for "whats due next week"
    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="diary/2026-12-04.md", date="2026-12-04")
    agenda = Agenda([line("Fri 11 - Ahmed completion payment due", 0), line("Thu 10 - Ahmed final BC", 1),
                     line("invoice due, chase Fri 11", 2), line("Mon 14th: VAT return due", 3),
                     line("Note Fri 11 - rent due", 4),  # (not opening with it)
                     line("Mon 7 — post Kane 458 for cal (due 9th)", 5)])  # (due another day: s62 PL-023, the rescore)
    assert list(agenda.due_on({"2026-12-11", "2026-12-10", "2026-12-14", "2026-12-07"})) == [0, 3]
    assert len(agenda.tasks("open")) == 0  # (no task of them)
    # ... or "deadline", its month after its day (trial s76 S: "Wed 7 Jul: VAT stagger 3 deadline" had been due no day)
    agenda = Agenda([line("Wed 9 Dec: VAT stagger 3 deadline (Lowther, Brook)", 0)])
    assert list(agenda.due_on({"2026-12-09"})) == [0]


def test_a_line_of_a_note_of_deadlines_is_due_the_day_it_opens_with():
    # trial s76 S: "deadlines 2027" > "## July" > "- 7 Jul: VAT stagger 3" had been due no day ("whats due next
    # wednesday" had shown only the to-dos); not a day gone, nor a line of another note
    from datetime import date, timedelta
    soon = date.today() + timedelta(days=12)

    def line(text, seq, title):
        return dataclasses.replace(bullet(text, seq), path=f"{title}.md", title=title, date=None)
    day = f"{soon.day} {soon:%b}"
    agenda = Agenda([line(f"- {day}: VAT stagger 3", 0, f"deadlines {soon.year}"),
                     line(f"{day}: Ella's school trip", 1, f"family {soon.year}")])
    assert list(agenda.due_on({soon.isoformat()})) == [0]
    # ... not a row of a due column, which says its day (the review: "Set: ... | Due: ..." had been due the day it was set)
    row = dataclasses.replace(line(f"Set: {day} | Task: essay | Due: 15 Jan", 0, f"Coursework deadlines {soon.year}"),
                              kind="table_row")
    assert list(Agenda([row]).due_on({soon.isoformat()})) == []


def test_a_line_that_opens_with_a_day_as_its_label_before_deadline_is_due_that_day():
    # trial s75 AB: "JCQ key dates 2027" > "**21 March** — deadline to apply for access arrangements online" had been due
    # no day, "what's the AA deadline this month" not finding it in ten
    from datetime import date, timedelta
    soon = date.today() + timedelta(days=12)

    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="Exams/key dates.md", title=f"key dates {soon.year}",
                                   date=None)
    agenda = Agenda([line(f"**{soon.day} {soon:%B}** — deadline to apply for access arrangements online", 0),
                     line(f"{soon.day} {soon:%B} — results day", 1)])
    assert list(agenda.due_on({soon.isoformat()})) == [0]


def test_a_line_that_says_it_is_due_a_day_of_no_year_is_of_its_notes_day_or_year():
    # the s78 rescore (s76 AA-27): "balance due 2 July!!" of "personal/2027/summer holiday cornwall.md" had not been due
    # for "what do i need to pay tomorrow", a task due then first; of its journal's day too; not a day every year
    from datetime import date

    year = date.today().year + 1

    def line(text, seq, path=f"personal/{year}/summer holiday.md", day=None):
        return dataclasses.replace(bullet(text, seq), path=path, title=path.rsplit("/", 1)[-1][:-3], date=day)
    agenda = Agenda([line("Cost: £1,680 (deposit £420 paid Jan, balance due 2 July!!)", 0),
                     line("MOT due 2 July each year", 1),
                     line("invoice due 2 July", 2, f"journals/{year}_05_10.md", f"{year}-05-10"),
                     line("trip money due Sat 2 July", 3)])  # (a weekday said: on that weekday only)
    due = set(agenda.due_on({f"{year}-07-02"}).tolist())
    assert {0, 2} <= due and 1 not in due
    # ... not a reason ("closed due to flooding until 2 July": the review), nor a day struck out
    agenda = Agenda([line("Pool closed due to flooding until 2 July", 0, f"journals/{year}_05_10.md", f"{year}-05-10"),
                     line("invoice due ~~2 July~~ 9 July", 1, f"journals/{year}_05_10.md", f"{year}-05-10")])
    assert agenda.due_on({f"{year}-07-02"}).tolist() == [] and agenda.due_on({f"{year}-07-09"}).tolist() == [1]
    # ... nor a day it was due (trial s81 Q: "(was due the 28th)" in the note of 30 July had been due 28 August)
    agenda = Agenda([line("☐ chase the pool man (was due the 28th)", 0, f"Daily/{year}-05-10.md", f"{year}-05-10"),
                     line("☐ chase the pool man, due the 28th", 1, f"Daily/{year}-05-10.md", f"{year}-05-10"),
                     line("☐ pay Holt: was due last Fri, now due the 28th", 2, f"Daily/{year}-05-10.md",
                          f"{year}-05-10")])  # (a day it is due after one it was: the review)
    assert agenda.due_on({f"{year}-05-28"}).tolist() == [1, 2]


def test_a_line_that_says_it_is_to_be_done_by_a_day_to_come_is_due_that_day():
    # trial s79 I: "TW to email HoDs re late fee policy - by Fri 10 Sept" (a meeting's action, no task) had been "Nothing
    # ... is due" for "anything due by tomorrow"; trial s79 C: "... college charges £380/yr, pay by 30 Sept"
    from datetime import date, timedelta
    ahead, gone = date.today() + timedelta(days=20), date.today() - timedelta(days=20)
    bullet = bullet_of_today  # (its days of no year read near today's, whenever this runs)
    agenda = Agenda([bullet(f"TW to email HoDs re late fee policy - by {ahead:%a} {ahead.day} {ahead:%b}"),
                     bullet(f"bus pass - college charges £380/yr, pay by {ahead.day} {ahead:%b}", 1),
                     bullet(f"paid by {gone.day} {gone:%b} {gone.year}", 2),  # (a day gone: none)
                     bullet("stand by 3 people", 3),  # (no day)
                     dataclasses.replace(bullet("invoicing: monthly, on their portal by the 5th", 4), date=None),
                     bullet(f"21 paid by {ahead.day} {ahead:%b}, 6 of them the annual £140", 5),  # (done by then)
                     bullet(f"Forms to be signed by {ahead.day} {ahead:%b}", 6),  # (a deadline: the review)
                     bullet(f"Kit needed by {ahead.day} {ahead:%b}", 7),
                     # (... "sold out" too: trial s90 W, "sold out by 10 March" of last year's batch; not "sent off by",
                     # a deadline still, the review)
                     bullet(f"only 10 hl, sold out by {ahead.day} {ahead:%b}", 8),
                     bullet(f"Get the passport form sent off by {ahead.day} {ahead:%b}", 9)])
    # (every month's: the rescore)
    fifth = (date.today().replace(day=1) + timedelta(days=31 if date.today().day > 5 else 0)).replace(day=5)
    assert sorted(agenda.due_on({ahead.isoformat(), gone.isoformat(), fifth.isoformat()}).tolist()) == [0, 1, 6, 7, 9]


def test_a_task_due_a_day_in_numbers_of_no_year_is_due_then():
    # trial s81 C: "- [ ] send Okafor balance invoice - due 14/8 (2 wks before the party)" of an undated to-do list had
    # been "Not due" for "what's due this month"; read day first where the vault writes so, or the numbers say it
    from datetime import date, timedelta
    ahead = date.today() + timedelta(days=10)

    def task(text, seq):
        return dataclasses.replace(bullet(text, seq), path="to do.md", title="to do", date=None)
    late = ahead + timedelta(days=max(0, 13 - ahead.day))  # (a day over 12: "14/8" either way)
    agenda = Agenda([task(f"☐ send balance invoice - due {late.day}/{late.month} (2 wks before)", 0),
                     task(f"☐ book the van - due {late.day}/{late.month}/{late.year - 1}", 1)])  # (its year's)
    assert agenda.due_on({late.isoformat()}).tolist() == [0]
    # ... a day of 12 or less, in the order the vault's other days are written in
    agenda = Agenda([task(f"☐ ring the venue - due {ahead.day}/{ahead.month}", 0), task("☐ paid 25/12/2026", 1)])
    assert agenda.due_on({ahead.isoformat()}).tolist() == [0]


def test_a_line_to_be_done_by_a_day_of_no_year_is_of_the_year_its_note_says():
    # trial s81 A: "Harvest 2026 summary: ... everything in by 21 August." of a page of last year had been due next week
    from datetime import date, timedelta
    ahead = date.today() + timedelta(days=5)

    def line(text, seq, year):
        return dataclasses.replace(bullet(text, seq), path=f"pages/Harvest {year}.md", title=f"Harvest {year}", date=None)
    agenda = Agenda([line(f"summary: a dry harvest, everything in by {ahead.day} {ahead:%B}.", 0, ahead.year - 1),
                     line(f"plan: everything in by {ahead.day} {ahead:%B}.", 1, ahead.year)])
    assert agenda.due_on({ahead.isoformat()}).tolist() == [1]
    # ... one year alone: not a winter's nor a span of two, which run into the next (the review: "Winter 2026" >
    # "everything to the accountant by 20 January" had dropped out of January 2027's dues)
    for title in (f"Winter {ahead.year - 1}", f"School year {ahead.year - 1}/{ahead.year % 100:02d}"):
        agenda = Agenda([dataclasses.replace(line(f"plan: everything in by {ahead.day} {ahead:%B}.", 0, 0), title=title)])
        assert agenda.due_on({ahead.isoformat()}).tolist() == [0], title
    # ... and a dated note's of its own day's, whatever its title (a standup of a year ago: gone)
    old = ahead - timedelta(days=365)
    standup = dataclasses.replace(line(f"pay by {ahead.day} {ahead:%B}.", 0, 0), title="Standup", date=old.isoformat())
    assert Agenda([standup]).due_on({ahead.isoformat()}).tolist() == []


def test_a_line_that_says_it_is_due_a_day_to_come_of_a_year_it_writes_is_due_that_day():
    # trial s68 C LCK-032: "Payment on account due 31 Jan 2027 - approx £4,600" (no task) had been listed "Not due from
    # 2027-01-01 to 2027-01-31" for "tax payment due in january how much", an insurance task due first
    from datetime import date, timedelta
    ahead, gone = date.today() + timedelta(days=40), date.today() - timedelta(days=40)
    bullet = bullet_of_today  # (its days of no year read near today's, whenever this runs)

    def written(day):  # ("31 Jan 2027")
        return f"{day.day} {day:%b %Y}"
    agenda = Agenda([bullet(f"Payment on account due {written(ahead)} - approx £4,600"),
                     bullet(f"VAT return due {written(gone)}", 1),  # (a day gone: due then, never overdue)
                     bullet(f"MOT due {ahead.day} {ahead:%b} each year", 2),  # (no year written)
                     bullet(f"due {written(ahead)} or {written(ahead + timedelta(days=1))}", 3),  # (two days)
                     bullet(f"started {written(ahead)}, due soon", 4)])  # (the day is not after "due")
    assert list(agenda.due_on({ahead.isoformat(), gone.isoformat()})) == [0, 1]
    assert len(agenda.overdue(ahead + timedelta(days=1))) == 0  # (said due, no task: never overdue)
    # (asked what was due a day gone, the line due then: trial s88 H, "Nothing in your notes is due on August 29" over
    # "due:: 2029-08-29 pay Premier football club")
    assert list(agenda.due_on({gone.isoformat()})) == [1]
    # ... but a day to come is not due where the line says it is done (trial s89 A: "Strategy statement published on the
    # website by 31 Dec (done - see 2029_12_13)" had been first for "whats due next week"); a day gone is, done or not
    agenda = Agenda([bullet(f"Strategy statement published on the website by {ahead.day} {ahead:%b} (done - see notes)"),
                     bullet(f"Payment on account due {written(ahead)} - done", 1),
                     bullet(f"VAT return due {written(gone)} - done", 2),
                     bullet(f"Payment on account due {written(ahead)} - get it done early", 3),
                     # (not a done word of something else: the review)
                     bullet(f"✅ booked: party {written(ahead)}, sorted childcare", 4),
                     bullet(f"Boiler service - done. Next service due {written(ahead)}", 5)])
    assert list(agenda.due_on({ahead.isoformat(), gone.isoformat()})) == [2, 3, 5]
    # ... or a deadline a few words and a mark before it (trial s80 AA-20: "Sign-up deadline for the ICB LES pack: **30
    # April 2027**" had not been due, "what paperwork is due end of this month" out of ten); not one of no mark
    agenda = Agenda([bullet(f"Sign-up deadline for the ICB LES pack: **{written(ahead)}**. Dr Raman to sign."),
                     bullet(f"the deadline {written(ahead)} was tight", 1),
                     bullet(f"Deadline extended — was {written(ahead)}, now later", 2)])  # (a day it was: the review)
    assert list(agenda.due_on({ahead.isoformat()})) == [0]
    # ... written in numbers, a label's colon after it (trial s70 F PO-022: "Tax+NI due 31/01/2027: £3,180.44" had
    # been "Not due" for "when's the tax bill due in jan")
    late = ahead + timedelta(days=max(0, 13 - ahead.day))  # (a day over 12: "31/01", either way)
    agenda = Agenda([bullet(f"Tax+NI due {late:%d/%m/%Y}: £3,180.44 balancing"),
                     bullet(f"Tax+NI due {late:%d/%m/%Y}:{late.day}", 1)])  # (no label's colon: no day)
    assert list(agenda.due_on({late.isoformat()})) == [0]
    # ... or with its weekday, of the year nearest today in which that day is that weekday (trial s77 C: "school photo
    # money due Fri 22 Oct (£12)" had not been due that week); not of a weekday it is not
    wrong = (ahead.weekday() + 1) % 7
    agenda = Agenda([bullet(f"school photo money due {ahead:%a} {ahead.day} {ahead:%b} (£12)"),
                     bullet(f"trip money due {date(2024, 1, wrong + 1):%a} {ahead.day} {ahead:%b}", 1)])
    assert list(agenda.due_on({ahead.isoformat()})) == [0]
    # ... of its note's day's year, not today's: a journal of 6 years ago (a year of the same calendar or not) is no due
    # of this year's (the review)
    old = dataclasses.replace(bullet(f"school photo money due {ahead:%a} {ahead.day} {ahead:%b}"),
                              date=f"{ahead.year - 6}-{ahead:%m}-01")
    assert len(Agenda([old]).due_on({ahead.isoformat()})) == 0
    # ... after a task due that day, as a list of what is due reads
    agenda = Agenda([bullet(f"VAT return due {written(ahead)}!!"), bullet(f"☐ VAT return 📅 {ahead.isoformat()}", 1)])
    assert agenda.in_order(np.arange(2)) == [1, 0]


def test_a_table_row_whose_due_column_says_a_day_to_come_is_due_that_day():
    # trial s69 B PFR-021: an order book's rows "due: 11 Dec", "due: 12 Dec" (its title "order book 2026 Q4") had been
    # listed "Not due from 2026-12-07 to 2026-12-13" for "what orders are due next week"
    from datetime import date, timedelta
    ahead, gone = date.today() + timedelta(days=6), date.today() - timedelta(days=20)

    def row(text, seq):
        return Chunk(path="orders/order book.md", line=seq + 3, end_line=seq + 3, kind="table_row", text=text,
                     title=f"order book {date.today().year} Q4", heading=[], parents=[], tags=[], date=None, seq=seq)

    def written(day):  # ("11 Dec": no year)
        return f"{day.day} {day:%b}"
    agenda = Agenda([row(f"no: 26-334 | customer: Dan Ruiz | due: {written(ahead)} | status: cut, waiting glass", 0),
                     row(f"no: 26-301 | customer: Okafor | due: {written(ahead)} | status: DONE - not collected", 1),
                     row(f"no: 26-305 | customer: Harrington | due: {written(gone)} | status: waiting", 2),
                     row(f"no: 26-309 | customer: Wye Valley | date: {written(ahead)} | status: waiting", 3),
                     row(f"no: 26-310 | customer: Beaumont | due date: {ahead.isoformat()} | status: pinned", 4)])
    assert list(agenda.due_on({ahead.isoformat(), gone.isoformat()})) == [0, 4]
    assert len(agenda.overdue(ahead + timedelta(days=1))) == 0  # (a row is no task: never overdue)
    # ... a day in numbers that may be either of two read as the vault writes its days (trial s71 J: "Due: 08/12/2026" of
    # a CP12 list whose other rows say "14/01/2027" had been due no day)
    later = date(date.today().year + 1, 3, 8)
    agenda = Agenda([row(f"Property: Bramley Ct | Last done: 14/01/{later.year - 1} | Due: 14/01/{later.year}", 0),
                     row(f"Property: 18 Lodge St | Last done: 08/03/{later.year - 1} | Due: 08/03/{later.year}", 1)])
    assert list(agenda.due_on({later.isoformat()})) == [1]
    # ... and one without its year in the order its table's other cells write them (trial s75 J: an invoice list's
    # "| 10/02 | ... | 10/03 |", beside "| 29/01 |", had been due no day)
    soon = date.today() + timedelta(days=9)
    agenda = Agenda([row("no: 2027-003 | date: 29/01 | amount: £290 | due: 28/02 | paid: 24/02", 0),
                     row(f"no: 2027-006 | date: 10/02 | amount: £2,337 | due: {soon.day:02d}/{soon.month:02d} | paid: ", 1)])
    assert list(agenda.due_on({soon.isoformat()})) == [1]


def test_the_tasks_plugins_dataview_format_sets_the_days_too():
    # trial s45: "- [ ] Send chapter 1 draft [due:: 2025-03-01]", read "due: 2025-03-01", had been due no day
    agenda = Agenda([bullet("☐ Send chapter 1 draft to the committee due: 2025-03-01"),
                     bullet("☐ Book the truck scheduled: 2026-11-27", 1),
                     bullet("☑ Order core tubes completion: 2026-11-27", 2),
                     bullet("☐ Clean the freezer overdue: 2026-11-27", 3)])
    assert list(agenda.due_on({"2025-03-01", "2026-11-27"})) == [0, 1]
    assert list(agenda.of_days({"2026-11-27"})) == [1, 2]
    from datetime import date
    assert sorted(agenda.overdue_order(date(2026, 11, 30))) == [0, 1]


def test_an_open_task_that_closes_with_a_day_after_a_dash_is_due_then():
    # trial s91 F: "☐ balance payments - 28 June" of a to-do list had been due no day, "Not due on June 28" for "whats
    # due on 28 june"; its weekday before it too; not another ending after a dash, nor a day said before more words
    agenda = Agenda([bullet("☐ balance payments - 28 June"), bullet("☐ First Response course – Mon 28 Dec!", 1),
                     bullet("☐ book the hall - 3 quotes", 2), bullet("☐ camp - 28 June kit list to print", 3),
                     bullet("☐ renew the lease - June 28th", 4), bullet("☐ pay the balance - 28 June.", 5)])
    assert set(agenda.due_on({"2027-06-28", "2026-12-28", "2026-06-28"}).tolist()) == {0, 1, 4, 5}  # (its full stop: the review)


def test_a_line_under_a_days_heading_that_says_a_deadline_is_due_that_day():
    # trial s91 F: a diary's "## Fri 31 May" > "camp deposits deadline - chase Max T" had not been in twenty for "what's
    # due this week"; not a line that writes a number or says it is done, nor one under a heading of no day
    def line(text, seq, heading="Fri 31 May", day="2030-05-31"):
        return dataclasses.replace(bullet(text, seq), path="diary/2030-05.md", title="diary/2030-05", date=day,
                                   heading=[heading])

    agenda = Agenda([line("camp deposits deadline - chase Max T", 0), line("camp balance due", 1, "Fri 28 Jun", "2030-06-28"),
                     line("balance due in 30 days", 2), line("deadline met, all in (done)", 3),
                     line("late due to the rain", 4), line("the grant deadline", 5, "Notes", "2030-05-01"),
                     # (a sentence about one, not a thing due: the review)
                     line("Stressed about the thesis deadline, talked to Mum", 6),
                     line("Sophie's baby is due any day now!", 7),
                     # (... but a thing's words, as people write them: the second review)
                     line("The camp balance is due", 8), line("Deadline: passport photos to school", 9)])
    assert sorted(agenda.due_on({"2030-05-31", "2030-06-28", "2030-05-01"}).tolist()) == [0, 1, 8, 9]


def test_an_open_task_to_be_done_by_a_weekday_alone_is_due_that_day_of_its_week(monkeypatch):
    # trial s91 S: "## This week (w/c 27 May)" > "☐ pick up Welloxon before Thursday", "☐ send the May invoice – do it
    # Wednesday" had been due no day, below a task due in July for "what's due this week"; of no week heading, the first
    # such day from today; not a weekday with a day's number (_by_day's), nor one in other words ("sunday roast prep")
    monkeypatch.setenv("NOTESQA_TODAY", "2030-05-28")
    def line(text, seq, heading="This week (w/c 27 May)"):
        return dataclasses.replace(bullet(text, seq), path="to-do.md", title="To do", date=None, heading=[heading])

    agenda = Agenda([line("☐ pick up Welloxon before Thursday", 0), line("☐ send the May invoice – do it Wednesday", 1),
                     line("☐ pay the window cleaner by Friday 5pm", 2, "Jobs"), line("☐ sunday roast prep", 3),
                     # (not a word that opens like a weekday, a habit, a day gone: the review)
                     line("☐ submit expenses by month end", 4, "Jobs"), line("☐ washing in before sunset", 5, "Jobs"),
                     line("☐ bins out by Tuesdays", 6, "Jobs"), line("☐ claim the taxi I paid for on Monday", 7, "Jobs"),
                     # (the week of another heading's form, "Next week (w-c 3 Jun)": the review)
                     line("☐ forms in before Thursday", 8, "Next week (w-c 3 Jun)")])
    assert agenda.due_on({"2030-05-30"}).tolist() == [0] and agenda.due_on({"2030-05-29"}).tolist() == [1]
    assert agenda.due_on({"2030-05-31"}).tolist() == [2] and agenda.due_on({"2030-06-06"}).tolist() == [8]
    assert agenda.due_on({f"2030-06-0{d}" for d in range(1, 6)} | {"2030-05-28"}).tolist() == []
    # ... a weekday's own thing too ("by Monday's meeting"), and a week heading of the year nearest today ("w/c 6 Jan" on
    # 28 December is next January's): the second review
    assert Agenda([line("☐ slides by Monday's meeting", 0, "Jobs")]).due_on({"2030-06-03"}).tolist() == [0]
    assert Agenda([line("☐ revision guides before SATs", 0, "Jobs"), line("☐ find it by sat nav", 1, "Jobs")]).due_on(
        {"2030-06-01"}).tolist() == []
    monkeypatch.setenv("NOTESQA_TODAY", "2030-12-28")
    assert Agenda([line("☐ return the marquee before Thursday", 0, "Next week (w/c 6 Jan)")]).due_on(
        {"2031-01-09"}).tolist() == [0]


def test_an_open_task_is_due_the_day_its_words_say():
    # trial s58 PD-011: "☐ Ch5 detailed plan (due to HM 11 Dec)" had been "not due" on 11 December 2026
    agenda = Agenda([bullet("☐ Ch5 detailed plan (due to HM 11 Dec)"), bullet("☐ ring the council, due soon", 1),
                     bullet("☑ essay due 11 Dec", 2), bullet("☐ due 3 Dec or 11 Dec, ask Tom", 3)])
    assert list(agenda.due_on({"2026-12-11"})) == [0]  # (not done, nor of two days)
    # ... as does "by" and its day (trial s69 K: "☐ Holt – final letter (owed £780) by 12 Dec" had been "Not due" in
    # the week of the 12th); not a number alone after it
    agenda = Agenda([bullet("☐ Holt – final letter (owed £780) by 12 Dec"), bullet("☐ send figures by Fri 18th Dec", 1),
                     bullet("☐ fix the coupling by bay 12", 2), bullet("☐ lower path by 12", 3)])
    assert list(agenda.due_on({"2026-12-12", "2026-12-18"})) == [0, 1]
    # ... or a day's number alone with its ending, the next such day from its note's (trial s69 M: "by 12th")
    agenda = Agenda([bullet("☐ Holt letter by 12th"), bullet("☐ invoices by the 3rd", 1)])  # (of 24 November)
    assert list(agenda.due_on({"2026-12-12"})) == [0] and list(agenda.due_on({"2026-12-03"})) == [1]
    assert len(agenda.due_on({"2026-11-12", "2026-11-03"})) == 0  # (the next such day, not one gone)
    # ... or a weekday and a day's number after "by", where another day follows (trial s86 V: "payroll by Sat 27th for
    # Wed 31st payday" had been due no day, "Nothing ... is due on 2029-01-27" over it first for "what's due on saturday")
    agenda = Agenda([dataclasses.replace(bullet("☐ payroll by Sat 27th for Wed 31st payday"), date="2029-01-22")])
    assert list(agenda.due_on({"2029-01-27"})) == [0] and len(agenda.due_on({"2029-01-31"})) == 0
    from notesqa.agenda import open_task_due

    assert open_task_due("☐ send the report to Jo by Monday 10:00", "2029-09-01") != "2029-09-10"  # (a time: the review)
    # ... or a part of a month after "by" (trial s90 S: "☐ write to the Pughs about the veranda - by end of March" had
    # been due no day, missing from "what's due by end of march"); not "by end of the week"
    assert open_task_due("☐ write to the Pughs about the veranda - by end of March", "2030-02-19") == "2030-03-31"
    assert open_task_due("☐ book the marquee by mid April", "2030-02-19") == "2030-04-15"
    assert open_task_due("☐ order the sign by the end of the week", "2030-02-19") is None
    # ... of the year written after the month (the review: "by end of March 2031" had been due 2030-03-31, and "due end
    # of March 2031" too)
    assert open_task_due("☐ renew Sam's passport by end of March 2031", "2030-02-19") == "2031-03-31"
    assert open_task_due("☐ renew the passport - due end of March 2031", "2030-02-19") == "2031-03-31"
    # ... or a part of a month after "due" (trial s76 C: "due mid Aug, I'm away 31 Jul-7 Aug!" had been due 31 July)
    agenda = Agenda([bullet("☐ ring Tom re HMO - due mid Dec, I'm away 30 Nov-7 Dec!"), bullet("☐ VAT due end of Dec", 1)])
    assert list(agenda.due_on({"2026-12-15"})) == [0] and list(agenda.due_on({"2026-12-31"})) == [1]
    from notesqa.agenda import due_in_words

    assert due_in_words("☐ VAT due end of Jan", "2027-07-10") == "2027-01-31"  # (the year of its day: the review)
    # ... and so "due" (trial s75 D: "☐ van MOT before?? (due 19th - do it the week before)" had been due no day); not
    # a number alone after it
    agenda = Agenda([bullet("☐ van MOT before?? (due 19th - do it the week before)"), bullet("☐ bins due 12", 1),
                     bullet("☐ due 2nd instalment", 2), bullet("☐ due 3rd week of March", 3)])  # (the review)
    assert list(agenda.due_on({"2026-12-19"})) == [0] and len(agenda.due_on({"2026-12-12", "2026-12-02", "2026-12-03"})) == 0


def test_logseq_later_tasks_are_their_own_list_and_open_too():
    agenda = Agenda([bullet("LATER tidy the decision log"), bullet("TODO book the room", 1)])
    assert list(agenda.tasks("later")) == [0] and list(agenda.tasks("open")) == [0, 1]


def test_overdue_tasks_are_ordered_high_priority_and_oldest_first():
    from datetime import date

    agenda = Agenda([bullet("TODO reply to Dana\nDEADLINE: <2026-11-27 Fri>"),
                     bullet("TODO send the summary\nDEADLINE: <2026-10-15 Thu>", 1),
                     bullet("TODO [#A] finalize the FAQ\nDEADLINE: <2026-11-25 Wed>", 2),
                     bullet("TODO later\nDEADLINE: <2026-12-25 Fri>", 3)])  # not due yet
    order = agenda.overdue_order(date(2026, 11, 30))
    assert sorted(order, key=order.get, reverse=True) == [2, 1, 0]
    assert order[2] - max(order[0], order[1]) >= 1  # high priority first whatever the words (trial U)
    # then medium (the Tasks plugin's 🔼, Logseq's [#B]) before none, and low last (trial s36b: 🔼 was as none)
    agenda = Agenda([bullet("☐ top up screenwash 📅 2026-11-20"), bullet("☐ check tyre tread 📅 2026-11-28 🔼", 1),
                     bullet("☐ sort the loft 📅 2026-11-01 🔽", 2), bullet("☐ renew insurance 📅 2026-11-29 ⏫", 3),
                     bullet("TODO [#B] call the bank\nDEADLINE: <2026-11-29 Sun>", 4)])
    order = agenda.overdue_order(date(2026, 11, 30))
    assert sorted(order, key=order.get, reverse=True) == [3, 1, 4, 0, 2]
    assert agenda.in_order(np.arange(5)) == [3, 1, 4, 0, 2]
    # the Tasks plugin's highest (🔺) before high, its lowest (⏬) after low (the second review)
    agenda = Agenda([bullet("☐ a 📅 2026-11-20 ⏫"), bullet("☐ b 📅 2026-11-28 🔺", 1), bullet("☐ c 📅 2026-11-01 ⏬", 2),
                     bullet("☐ d 📅 2026-11-02 🔽", 3)])
    assert agenda.in_order(np.arange(4)) == [1, 0, 3, 2] and agenda.tasks("high").tolist() == [0, 1]


def test_a_done_task_is_of_the_day_it_was_done():
    # trial s36b: "which tasks did I finish in November?" had missed every task ticked ✅ 2026-11-18 and so on
    agenda = Agenda([bullet("☑ Get Mia's photo code ✅ 2026-11-18"), bullet("☑ Paid the piano fee ✅ 2025-03-03", 1)])
    assert agenda.of_days({"2026-11-18"}).tolist() == [0] and agenda.tasks("done").tolist() == [0, 1]


def test_the_tasks_plugins_cancelled_and_under_way_boxes_are_task_states():
    # trial s36b: "- [-] Order swag" (cancelled) read as text "[-] Order swag", no task at all
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    note = parse_note("# T\n\n- [-] Order swag\n- [/] Painting the hall\n- [ ] Buy milk\n", "t.md")
    chunks = chunk_note(note)
    assert [c.text for c in chunks] == ["☒ Order swag", "◐ Painting the hall", "☐ Buy milk"]
    agenda = Agenda(chunks)
    assert agenda.tasks("cancelled").tolist() == [0] and agenda.tasks("doing").tolist() == [1]
    assert agenda.tasks("open").tolist() == [1, 2]  # under way is open too


def test_the_weeks_of_weekly_notes_by_their_names_not_the_days_of_other_notes():
    def note(path, title="t"):
        return Chunk(path=path, line=1, end_line=1, kind="bullet", text="x", title=title, heading=[], parents=[],
                     tags=[], date="2024-09-16", seq=0)
    agenda = Agenda([note("Reviews/2024-W38.md"), note("Daily/2024-09-16.md"), note("2024-w07 plan.md"),
                     note("Course/Week 3.md"), note("2024-W54.md")])
    assert agenda.weeks() == frozenset({"2024-W38", "2024-W07"})  # (2024 has no week 54)
    # a course's notes titled "Week N", by folder (a weekly note titled "Week 38" is none of them)
    titled = Agenda([note("Course/Week 3.md", "Week 3"), note("Course/W12.md", "Week 12 - Datacenters"),
                     note("Reviews/2024-W38.md", "Week 38")])
    assert titled.week_titled("Course") == frozenset({3, 12}) and titled.week_titled("Reviews") == frozenset()


def test_a_line_that_says_it_is_done_tells_no_day_to_come():
    # trial s89 T: "Safeguarding refresher online by 31 Dec — DONE 12 Nov" had come first for "what's on next week"
    from datetime import date, timedelta

    ahead, gone = date.today() + timedelta(days=4), date.today() - timedelta(days=40)
    lines = [dataclasses.replace(bullet(f"Safeguarding refresher online by {ahead.day} {ahead:%b %Y} — DONE "
                                        f"{gone.day} {gone:%b %Y}"), date=None),
             dataclasses.replace(bullet(f"Safeguarding refresher online by {ahead.day} {ahead:%b %Y}", 1), date=None)]
    agenda = Agenda(lines)
    assert list(agenda.telling({ahead.isoformat()})) == [1]
    assert list(agenda.telling({gone.isoformat()})) == [0]  # (the day it was done, gone: as said)


def test_the_passages_that_say_a_day_they_are_not_of():
    # trial s53: "anything planned for december 14th" had been told nothing was set for then, though a contact's page
    # said "agreed to attend POC readout [[Dec 14th, 2026]]" and the journal of 1 December "readout on Dec 14"
    agenda = Agenda([dataclasses.replace(bullet("agreed to attend POC readout Dec 14th, 2026"), date=None),
                     dataclasses.replace(bullet("WALT CONFIRMED for readout on Dec 14", 1), date="2026-12-01"),
                     dataclasses.replace(bullet("next steerco: 14 Jan", 2), date="2026-12-01"),
                     dataclasses.replace(bullet("a day of no year: Dec 14", 3), date=None, path="school.md"),
                     dataclasses.replace(bullet("2026-12-14 10:00:01 ERROR consumer lag", 4), kind="code"),
                     dataclasses.replace(bullet("the readout on Dec 14", 5), date="2026-12-14")])
    assert list(agenda.telling({"2026-12-14"}, "2025-01-10")) == [0, 1]  # (not the day's own note: of it)
    assert list(agenda.telling({"2027-01-14"})) == [2]  # the first 14 January after its day
    assert list(agenda.telling({"12-14"})) == [0, 1, 3]  # "on Dec 14", of any year: a day of no year in a note of none
    # too (trial s55: "what's happening on 11 dec" had found nothing, the school page's "Xmas fair Fri 11 Dec" 5th), but
    # not for a day of a year asked
    # ... and for a day of the half year either side of today, asked with its year ("next tuesday" of "booked for
    # next tuesday (8 dec)", trial s55), not of another year
    assert 3 in agenda.telling({"2026-12-14"}, "2026-12-04") and 3 not in agenda.telling({"2025-12-14"}, "2026-12-04")
    assert list(agenda.of_days({"2026-12-14"})) == [5] and len(agenda.telling(set())) == 0


def test_a_day_inside_a_span_of_more_than_a_week_is_told_for_a_longer_period_only():
    # trial s79 AA: "Kit order - going with Stride Kit again. Window 1-17 Sep." had said 11 September, first for "where
    # do we meet on sat" over the long run's "Sat 11th: ... meet 8am"
    agenda = Agenda([dataclasses.replace(bullet("Kit order - going with Stride Kit again. Window 1-17 Sep 2027."),
                                         date="2027-08-26"),
                     dataclasses.replace(bullet("Sat 11th: long run, meet 8am", 1), date="2027-09-06"),
                     dataclasses.replace(bullet("On leave 9-12 Sep 2027", 2), date="2027-08-26")])
    assert agenda.telling({"2027-09-11"}, "2027-09-09").tolist() == [1, 2]  # (a span of a week or less: each day)
    assert 0 in agenda.telling({f"2027-09-{d:02d}" for d in range(1, 31)}, "2027-09-09")  # (this month: of it)
    assert 0 in agenda.telling({"2027-09-17"}, "2027-09-09")  # (its last day, written)
    # ... a day it writes on its own too, and a week's days of no year for a day asked still (the review)
    agenda = Agenda([dataclasses.replace(bullet("Kit order window 1-17 Sep 2027; fitting Sat 11 Sep 2027"), date=None),
                     dataclasses.replace(bullet("Rota w/c 26 July | Sun: Karen", 1), date=None)])
    assert agenda.telling({"2027-09-11"}, "2027-09-09").tolist() == [0]
    assert agenda.telling({"2027-08-01"}, "2027-07-20").tolist() == [1]


def test_a_day_said_without_its_year_is_of_the_nearest_year_to_its_passages_day():
    from notesqa.agenda import days_said

    # trial s54: "overdue since 18 Nov" in the journal of 25 November had been read as 2027-11-18
    assert "2026-11-18" in days_said("overdue since 18 Nov", "2026-11-25")
    assert "2027-01-14" in days_said("Next steerco: 14 Jan", "2026-12-01")  # (half a year back: the next year's)
    assert "2026-12-28" in days_said("the party on 28 Dec was fun", "2027-01-05")  # (300 days on: the last year's)
    assert "2026-10-20" in days_said("holiday booked for 20 Oct", "2026-03-01")
    # "may" the verb after a number is no day (the review: "room 4 may be free" had been of 4 May)
    assert days_said("meeting room 4 may be free after the refit", "2026-11-01") == {"2026-11-01"}
    assert "2026-05-04" in days_said("board meeting 4 may, room 2", "2026-11-01")
    assert {"2026-05-14", "2026-05-15"} <= days_said("party on 14 may or 15 may", "2026-11-01")  # (second review)


def test_a_passage_that_writes_one_year_before_a_day_of_none_is_of_that_year():
    # trial s78 W: last year's term dates' "... Wed 22 Jul 2026. Half term 25–29 May" had been the coming half term;
    # not a day every year, nor one written before the year's ("MOT due: 14 Dec every year. Last MOT 9 Dec 2026", the
    # rescore: s77 AC-14 1st -> 2nd)
    from notesqa.agenda import day_written_before, days_written

    term = "Summer: Mon 13 Apr – Wed 22 Jul 2026. Half term 25–29 May"
    assert day_written_before(term) == "2026-07-22" and "2026-05-29" in days_written(term, "2026-07-22")
    for text in ("MOT due: 14 Dec every year. Last MOT 9 Dec 2026", "MOT due 14 Dec. Last MOT 9 Dec 2026",
                 "Autumn 3 Sep 2025 - Spring 5 Jan 2026. Half term 16 Feb"):
        assert day_written_before(text) is None, text
    # ... a day of no year nearest the one before it (the review: "Last service 14 Nov 2026. Next service 14 May" had
    # been May 2026's, gone)
    service = "Last service 14 Nov 2026. Next service 14 May"
    assert "2027-05-14" in days_written(service, day_written_before(service))


def test_a_day_a_dated_note_names_from_its_own_is_one_it_says():
    # trial s59 RA-021: the daily note of 3 December's "next Tues: Hollis chase + dentist 11:30" for "what have I got on
    # next Tuesday?": the 8th, as the note's writer meant it; "on Friday" the coming one, as a note plans
    from notesqa.agenda import days_said

    assert days_said("next Tues: Hollis chase + dentist 11:30", "2026-12-03") == {"2026-12-03", "2026-12-08"}
    assert days_said("dentist on Friday", "2026-12-03") == {"2026-12-03", "2026-12-04"}
    assert days_said("tomorrow: the dentist", "2026-12-03") == {"2026-12-03", "2026-12-04"}
    assert days_said("next week: the dentist", "2026-12-03") == {"2026-12-03"}  # a week names no one day
    assert days_said("next Tues: dentist", "") == frozenset()  # a passage of no day names none from it
    # ... "a week on Saturday", the one after the coming one (trial s79 AJ: "a week on Saturday (18th)" of the 9th's
    # journal had said the 11th)
    assert days_said("Sam leaves for Sheffield a week on Saturday", "2027-09-09") == {"2027-09-09", "2027-09-18"}
    # ... not how long a thing took ("sold 26 in 4 days": trial s63 F, "says 2026-12-08" beside "what's due next week")
    assert days_said("Cremant down to 5?? sold 26 in 4 days. reorder", "2026-12-04") == {"2026-12-04"}
    assert days_said("delivery in 4 days", "2026-12-04") == {"2026-12-04", "2026-12-08"}
    # ... nor a day struck out (trial s78 AE: "Kev coming back ~~Fri 14th~~ Mon 17th" had been of the 14th too)
    assert days_said("Kev coming back ~~Fri 14th~~ Mon 17th", "2027-05-10") == {"2027-05-10", "2027-05-17"}
    # ... nor what it quotes (trial s78 L: 'Priya wants more "what's on this weekend" lists' had said the weekend)
    assert days_said('Priya wants more "what\'s on this weekend" lists', "2027-05-10") == {"2027-05-10"}
    assert days_said("ring him this weekend", "2027-05-10") == {"2027-05-10", "2027-05-15", "2027-05-16"}


def test_a_passage_under_a_heading_of_a_span_of_days_says_each_of_them():
    # trial s74 C: a plasterer's log "### Tue 24 - Fri 27 Nov" > "Hallam Keynsham plot 14 + 15 snagging, 3 days" had been
    # of the 27th alone (its heading's last day): "what did i do on wed 25 nov" had not found it
    from notesqa.agenda import days_of, days_told
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = "# Work log\n\n### Mon 23 Nov\n- quote for Marsh\n\n### Tue 24 - Fri 27 Nov\n- Hallam snagging, 3 days\n"
    first, spanned = chunk_note(parse_note(text, "log 2026.md"))
    assert days_of(first) | days_told(first) == {"2026-11-23"}
    assert days_of(spanned) | days_told(spanned) == {"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"}
    # ... and a Logseq parent's
    logseq = "- Tue 24 - Fri 27 Nov\n\t- Hallam snagging\n"
    assert "2026-11-25" in days_told(chunk_note(parse_note(logseq, "pages/Log 2026.md"))[-1])
    # ... not a thing's number before a day (the s72 rescore: "## Day 2 — Sat 19 Dec" of a market had said the 2nd to
    # the 19th, its "Kasia + Dan on stall" first for "whats on next friday", the 11th)
    market = "# Frome Christmas market 2026\n\n## Day 2 — Sat 19 Dec\n- Kasia + Dan on stall\n"
    stall = chunk_note(parse_note(market, "events/christmas market 2026.md"))[-1]
    assert days_of(stall) | days_told(stall) == {"2026-12-19"}
    # ... nor of a passage that writes its own day: a week plan's row "Fri 2" (trial s76 C: every row of "# Week of 28
    # June - 4 July" had been of "this saturday", its own row 9th)
    week = "# Week of 28 June - 4 July 2027\n\n| day | am |\n|---|---|\n| Fri 2 | Chalford |\n| Sat 3 | Horsley tip |\n"
    friday, saturday = chunk_note(parse_note(week, "weekly plan 2027-06-28.md"))
    # ... nor of a week's first day's heading over each day's label (trial s76 V: "# w/c Mon 5 July 27" > "**Thu 8th**"
    # > "11:35 TEST" had been of every day of the week)
    plan = "# w/c Mon 5 July 2027\n\n**Mon 5th**\n- 9:00 Zain\n\n**Thu 8th**\n- 11:35 TEST Bredbury\n"
    test = chunk_note(parse_note(plan, "diary/2027-07-05 week.md"))[-1]
    assert days_of(test) | days_told(test) == {"2027-07-08"}
    assert days_of(friday) | days_told(friday) == {"2027-07-02"} and days_of(saturday) | days_told(saturday) == \
        {"2027-07-03"}


def test_a_weekday_and_a_day_and_month_in_numbers_say_that_day_in_the_vaults_order():
    # trial s74 E: a dressmaker's undated "Fittings calendar" > "Tue 12/1 6pm - Priya - reception gown" had been of no
    # day ("who's coming in next tuesday evening": 7th, "score"); its lines write "Sat 27/3", day first
    from notesqa.agenda import Agenda, days_told, weekday_slashed
    from notesqa.metadata import entries_order

    assert weekday_slashed("Tue 12/1 6pm - Priya", "dmy") == {"01-12"} and weekday_slashed("Tue 1/12 6pm", "mdy") == \
        {"01-12"}
    assert weekday_slashed("Tue 12/1 6pm", None) == frozenset() and weekday_slashed("half 1/2 cup", "dmy") == frozenset()
    assert weekday_slashed("Wedding 12/6 - final fitting", "dmy") == frozenset()  # (a word that begins like one)
    assert entries_order(["Tue 12/1 6pm - Priya", "Sat 27/3 - Hannah final"]) == "dmy"
    assert entries_order(["Tue 12/1 6pm - Priya", "1/2 cup flour"]) is None  # (nothing says which comes first)
    assert entries_order(["Sunflowers 27/3 - planted out"]) is None  # (a line that opens with no weekday nor day)
    rows = [bullet("Tue 12/1 6pm - Priya - reception gown", 0), bullet("Sat 27/3 - Hannah final", 1)]
    assert Agenda(rows).telling(frozenset({"2027-01-12"})).tolist() == [0]
    # ... of a dated passage, the nearest such day to its own
    plan = dataclasses.replace(bullet("Tue 12/1 6pm - Priya"), date="2027-01-07")
    assert "2027-01-12" in days_told(plan, order="dmy")


def test_a_day_and_month_in_numbers_after_a_word_of_when_or_in_a_list_say_that_day():
    # trials s91 I, L, O: "approved by 11/6 (Tue)", "measured on 24/5", "fortnightly: 9/4, 23/4, 7/5, 21/5" had been of no
    # day; not a share ("by 3/4 of people"), a score ("7/10 on the climb") or a list of scores out of order
    from notesqa.agenda import Agenda, weekday_slashed

    assert weekday_slashed("costing approved by 11/6 (Tue), i.e.", "dmy") == {"06-11"}
    assert weekday_slashed("invoice NOT SENT YET, due 14/8", "dmy") == frozenset()  # (due then: _DUE_SLASHED's)
    assert weekday_slashed("Chain measured on 24/5, plenty left", "dmy") == {"05-24"}
    assert weekday_slashed("fortnightly from 9 April: 9/4, 23/4, 7/5, 21/5", "dmy") == {"04-09", "04-23", "05-07", "05-21"}
    assert weekday_slashed("costing sign-off 11/6 (Tue)", "dmy") == {"06-11"}
    assert weekday_slashed("rated 4/5 by 3/4 of people", "dmy") == weekday_slashed("pain 7/10 on the climb", "dmy") == \
        weekday_slashed("scored 3/5, 4/5, 2/5", "dmy") == frozenset()
    # (... nor a share after a word of when, a measure after it, nor scores out of one number in order: the reviews)
    assert weekday_slashed("simmer until reduced by 1/2.", "dmy") == weekday_slashed("on 1/4 tsp salt", "mdy") == \
        weekday_slashed("scores: 6/10, 7/10, 9/10", "dmy") == weekday_slashed("after 1/2 hour", "dmy") == frozenset()
    assert weekday_slashed("Tue 1/2 6pm", "dmy") == {"02-01"}  # (after its weekday, a day whatever its numbers)
    # ... but a day's all the same where its numbers might be a share ("Car MOT on 5/10", "dentist on 6/16" month
    # first, "swimming 3/6, 5/6, 10/6, 12/6": the second review)
    assert weekday_slashed("Car MOT on 5/10", "dmy") == {"10-05"} and weekday_slashed("dentist on 6/16", "mdy") == {"06-16"}
    assert weekday_slashed("swimming 3/6, 5/6, 10/6, 12/6", "dmy") == {"06-03", "06-05", "06-10", "06-12"}
    # ... read in the order the notes write days with a month's name, where none in numbers says it (O's graph wrote
    # "16 May", "10 June - 14 June", no day in numbers with its year)
    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="ECA.md", title="ECA", date=None)

    rows = [line("Worktribe needs the costing approved by 11/6 (Tue)", 0), line("panel 16 May", 1),
            line("away 10 June - 14 June", 2), line("draft by 3 June", 3)]
    assert 0 in Agenda(rows).telling(frozenset({"2027-06-11"}), today="2027-05-28").tolist()
    assert 0 not in Agenda(rows[:1]).telling(frozenset({"2027-06-11"}), today="2027-05-28").tolist()  # (no order)


def test_a_weekday_and_a_days_number_of_a_line_that_names_a_month_are_of_that_month(monkeypatch):
    # trial s91 G: an undated leave table's "| 15–18 Apr | 4 | Easter hols with Felix (Good Fri 19th) |" had been of the
    # next Friday 19th, in July, on for "anything on in july"; of no month named, the nearest such day still
    monkeypatch.setenv("NOTESQA_TODAY", "2030-05-28")
    from notesqa.agenda import Agenda

    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="Annual leave.md", title="Annual leave", date=None)

    agenda = Agenda([line("Dates: 15–18 Apr | Days: 4 | What: Easter hols with Felix (Good Fri 19th)", 0),
                     line("ring Mick Fri 19th", 1)])
    assert agenda.telling({"2030-04-19"}, today="2030-05-28").tolist() == [0]
    assert agenda.telling({"2030-07-19"}, today="2030-05-28").tolist() == [1]


def test_a_day_of_no_year_in_an_undated_note_is_of_the_year_the_note_writes_it_with():
    # trials s74 H and I: "Balancing payment + 1st POA for 26-27 due 31 Jan" of "Self assessment 2025-26", whose
    # "Deadline 31 January 2027" says which, had been "of the days asked" for "what did i pay hmrc last january"
    from notesqa.agenda import Agenda

    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), path="money/tax return 2025-26.md",
                                   title="Self assessment 2025-26", date=None)
    rows = [line("Deadline 31 January 2027 - online", 0), line("1st POA for 26-27 due 31 Jan - keep in pot", 1)]
    agenda = Agenda(rows)
    assert agenda.telling(frozenset({"2027-01-31"})).tolist() == [0, 1]
    assert agenda.telling(frozenset({"2026-01-31"})).tolist() == []
    assert agenda.year_written("money/tax return 2025-26.md", "01-31") == "2027"
    # ... not of two years it writes it with, nor of another note's
    both = rows + [line("paid 31 January 2026", 2)]
    assert Agenda(both).year_written("money/tax return 2025-26.md", "01-31") is None
    assert agenda.year_written("other.md", "01-31") is None


def test_a_task_of_a_months_note_is_of_the_day_it_is_due():
    # trial s74 H: "- [ ] Book Kev for chimney wall 📅 2027-01-08" of "2027-01 Hussain kitchen.md" (of January by its
    # name) had been of no day asked for "what have i got to do by friday", 14th; the month's own line is of the month
    from notesqa.agenda import Agenda
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = "# Hussain kitchen\n\n- [ ] Book Kev for chimney wall 📅 2027-01-08\n- strip out week 1\n"
    chunks = chunk_note(parse_note(text, "Jobs/2027-01 Hussain kitchen.md"))
    assert [c.date for c in chunks] == ["2027-01-01", "2027-01-01"]
    agenda = Agenda(chunks)
    assert agenda.of_days({"2027-01-07", "2027-01-08"}).tolist() == [0]
    assert agenda.of_days({"2027-01-01"}).tolist() == []  # (of the month, not its first day)


def test_an_open_task_listed_under_its_month_is_due_by_its_end():
    # trial s74 O: a church warden's "## January 2027" > "- [ ] Chase DAC about the accessible toilet faculty" had not
    # been due this month ("what's due this month" had found one of seven, the one that wrote "by 12th")
    from datetime import date

    from notesqa.agenda import Agenda
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = "# To do\n\n## January 2027\n- [ ] Chase DAC about the faculty\n- [ ] PCC items to Sue by 12th\n" \
           "- [x] Lag the condensate pipe\n\n## Later\n- [ ] Replace the hall fridge\n"
    agenda = Agenda(chunk_note(parse_note(text, "todo.md")))
    january = {f"2027-01-{d:02d}" for d in range(1, 32)}
    assert agenda.due_on(january).tolist() == [0, 1]
    # ... in the month, not on its last day: no answer to what is due on new year's eve (the s72 rescore)
    assert agenda.due_on({"2027-01-31"}).tolist() == [] and agenda.due_on({"2027-01-12"}).tolist() == [1]
    # ... listed under the month, not in a note named by it (the s72 rescore: "AB14 re-tender Jan 2027"'s tasks had
    # filled "which car is due its plate test next month")
    tender = chunk_note(parse_note("# AB14 re-tender\n\n- [ ] download tender pack\n", "AB14 re-tender Jan 2027.md"))
    assert Agenda(tender).due_on(january).tolist() == []
    assert agenda.overdue(date(2027, 2, 3)).tolist() == [0, 1]  # (not done by then: late)


def test_a_month_written_in_numbers_with_its_year_is_named_by_a_passage_of_no_day():
    # trial s74 O: a DBS renewals table's "| Jenny Okafor | Sunday club | 03/2024 | 03/2027 |" had been of no month
    # ("whose dbs runs out in march": not in ten); not a day's "3/12/2026", nor a score "3/10"
    from notesqa.agenda import Agenda, months_in_numbers

    assert months_in_numbers("Renewal due: 03/2027, issued 3/2024") == {"2027-03", "2024-03"}
    assert months_in_numbers("on 3/12/2026, scored 3/10, 13/2027") == frozenset()
    rows = [dataclasses.replace(bullet("Name: Jenny Okafor | Renewal due: 03/2027"), date=None, kind="table_row")]
    assert Agenda(rows).naming_month("2027-03").tolist() == [0] and Agenda(rows).naming_month("2026-03").tolist() == []


def test_a_line_of_no_day_that_opens_with_a_weekday_is_of_every_such_weekday():
    # trial s74 M: "Sat 09:15, small pool, teacher Josh" of a swimming note had come 3rd for "what time is alfie's
    # swimming on saturday", after the coming Saturday's other passages
    from notesqa.agenda import Agenda, weekday_opening

    assert [weekday_opening(t) for t in ("Sat **09:15**, small pool", "Saturdays: swimming", "Tue: bins",
                                         "Thurs 6.30 - 5-a-side")] == [5, 5, 1, 3]
    # ... not a day's number after it, nor a word that begins as one does
    for text in ("Sat 12 Dec - party", "Sat 12th: party", "SATs (Y2 KS1)", "Sat nav broken", "Sun cream", "Monday 3rd"):
        assert weekday_opening(text) is None, text
    rows = [dataclasses.replace(bullet("Sat 09:15, small pool", 0), date=None),
            dataclasses.replace(bullet("Sat 12 Dec - party", 1), date=None), bullet("Sat: market", 2)]
    assert Agenda(rows).of_weekday(5).tolist() == [0]  # (of no day only)
    # ... and a weekday's short name before a word among lines of other weekdays, a rota's (trial s76 I: "Mon break –
    # Y9 yard" had come 10th for "where am i on duty monday"); alone, a word ("Sat nav broken")
    rota = [dataclasses.replace(bullet(text, n), date=None, path=path) for n, (text, path) in
            enumerate((("Mon break – Y9 yard", "Duty rota.md"), ("Wed lunch – canteen", "Duty rota.md"),
                       ("Fri after school – bus bay", "Duty rota.md"), ("Sat nav broken", "Car.md")))]
    assert Agenda(rota).of_weekday(0).tolist() == [0] and Agenda(rota).of_weekday(5).tolist() == []
    # ... of three weekdays at least: a packing list's "Sun cream", "Sat nav charger" are none (the review)
    packing = [dataclasses.replace(bullet(text, n), date=None, path="Packing.md")
               for n, text in enumerate(("Sun cream", "Sat nav charger"))]
    assert Agenda(packing).of_weekday(6).tolist() == [] and Agenda(packing).of_weekday(5).tolist() == []


def test_a_passage_that_says_its_own_days_is_not_of_the_months_its_heading_names():
    # trial s74 L: "Holiday blocked out: 15–19 Feb" under "Upcoming bookings – Jan to Mar 2027" had been shown for
    # "church rota who's on in march"; a line of no day under it is of those months, as before
    from notesqa.agenda import Agenda

    def under(text, seq):
        return dataclasses.replace(bullet(text, seq), date=None, heading=["Upcoming bookings – Jan to Mar 2027"],
                                   path="bookings/upcoming.md", title="upcoming")
    agenda = Agenda([under("Holiday blocked out: 15–19 Feb (half term)", 0), under("Church rota: ask Sinead", 1)])
    assert agenda.naming_month("2027-03").tolist() == [1]


def test_a_line_that_opens_with_two_months_names_both():
    # trial s75 AA: a standing order's "Jan/Feb: drop to 5kg" had named February only ("how much coffee do we get in
    # jan and feb": not in ten)
    agenda = Agenda([dataclasses.replace(bullet("Jan/Feb: drop to 5kg (quiet)"), date=None, title="standing orders")])
    assert agenda.naming_month("2027-01").tolist() == agenda.naming_month("2027-02").tolist() == [0]


def test_a_line_that_opens_with_a_month_and_its_year_as_its_label_names_that_month():
    # trial s75 P: a Christmas rota's "Takings Dec 2026: £12,655", after its "Back Tue 5 Jan 2027" (of that day), had come
    # 8th for "december 2026 takings total", after December's journals; not a month said in passing
    rows = [dataclasses.replace(bullet("Takings Dec 2026: £12,655"), date="2027-01-05"),
            dataclasses.replace(bullet("Dec 2025 takings total £11,940 - best month ever", 1), date=None),
            dataclasses.replace(bullet("sold 3 in Dec 2026 for £20", 2), date="2027-01-05"),
            dataclasses.replace(bullet("sold in Dec 2026 for £20", 3), date="2027-01-05"),  # (prose: the review)
            dataclasses.replace(bullet("Mar 2026 – Feb 2027 budget", 4), date="2027-01-05")]
    agenda = Agenda(rows)
    assert agenda.naming_month("2026-12").tolist() == [0] and agenda.naming_month("2025-12").tolist() == [1]


def test_a_rotas_row_of_a_week_by_its_weekdays_columns_is_of_each_day_of_that_week():
    # trial s74 X: "| Week of | Mon | ... | Sat | Sun |" > "| 4 Jan | E | T | E | L | OFF | M | OFF |" of "Rota
    # 2027-01" had been of January only ("what shift am i on saturday": not in ten); not a row of no weekdays' columns
    from notesqa.agenda import Agenda
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = ("# Rota – January 2027\n\n| Week of | Mon | Tue | Wed | Thu | Fri | Sat | Sun |\n|---|---|---|---|---|---|---|---|\n"
            "| 4 Jan | E | T | E | L | OFF | M | OFF |\n| 11 Jan | L | T | E | E | OFF | M | OFF |\n")
    rows = [c for c in chunk_note(parse_note(text, "Work/Rota/Rota 2027-01.md")) if c.kind == "table_row"]
    agenda = Agenda(rows)
    assert agenda.of_days({"2027-01-09"}).tolist() == [0] and agenda.of_days({"2027-01-16"}).tolist() == [1]
    plain = "# Leave 2027\n\n| Week of | Who |\n|---|---|\n| 4 Jan | Kofi |\n"
    assert Agenda(chunk_note(parse_note(plain, "Leave 2027.md"))).of_days({"2027-01-09"}).tolist() == []
    # ... nor of columns whose names only begin like weekdays
    costs = "# Costs 2027\n\n| Week of | Sundries | Monthly | Satnav |\n|---|---|---|---|\n| 4 Jan | £12 | £80 | £5 |\n"
    assert Agenda(chunk_note(parse_note(costs, "Costs 2027.md"))).of_days({"2027-01-09"}).tolist() == []


def test_a_row_of_the_first_of_the_month_is_of_that_day():
    # trial s74 AD: a month's weights table's "| Fri 1st | 1006 |" had been of January only, "brambles weight on new
    # years day" finding no passage of the 1st; its "| Sat 2nd |" was of the 2nd
    from notesqa.agenda import Agenda
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = "# Weights – January 2027\n\n| Date | Bramble |\n|---|---|\n| Fri 1st | 1006 |\n| Sat 2nd | 1001 |\n" \
           "\n- 1 new bird on order\n"
    chunks = chunk_note(parse_note(text, "Weights/Weight log 2027-01.md"))
    assert Agenda(chunks).of_days({"2027-01-01"}).tolist() == [0]  # (not the count "1 new bird", of the month)


def test_a_months_column_row_says_no_day_by_its_month():
    # trial s74 D: "| Month | Income |" > "| Dec 26 | £3,180 |" of a childminder's accounts had been the one passage that
    # "says 2026-12-26" for "what did we do boxing day"; it is December 2026's; its other cells still say their days
    from notesqa.agenda import days_told
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    text = "- | Month | Income | Note |\n  |---|---|---|\n  | Dec 26 | £3,180 | paid 3 Jan 27 |\n"
    row = chunk_note(parse_note(text, "pages/Accounts 2026-27.md"))[-1]
    assert row.date == "2026-12-01" and days_told(row) == {"2026-12-01", "2027-01-03"}
    # ... a table of that column alone too (the s73 rescore: "| Month |" > "| Dec 25 |" had raised IndexError)
    alone = chunk_note(parse_note("- | Month |\n  |---|\n  | Dec 26 |\n", "pages/Accounts 2026-27.md"))[-1]
    assert days_told(alone) == {"2026-12-01"}


def test_a_weekdays_line_under_a_heading_of_next_week_says_that_day_and_no_other():
    # trial s63 VET-017: the daily note of Saturday 5 December's "## Next week" > "Tue: Pickle recheck" had been of no
    # day of "what have i got on next week"; the chunker dates it, and the week is not moved on again from that day
    # (it had also said Tuesday the 15th)
    from notesqa.agenda import days_of, days_told
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    def days(heading, text, day="2026-12-05"):
        chunk = chunk_note(parse_note(f"## {heading}\n- {text}\n", f"Daily/{day}.md"))[-1]
        return days_of(chunk) | days_told(chunk)
    assert days("Next week", "Tue: Pickle recheck") == {"2026-12-08"}
    assert days("next wk", "Sat 12: Rob's mum's 70th") == {"2026-12-12"}
    assert days("This week", "Wed - PAT test", "2026-12-01") == {"2026-12-02"}
    # another heading, a line of no weekday, a day's number not that weekday's: its note's day alone
    assert days("Ideas", "Tue: Pickle recheck") == {"2026-12-05"}
    assert days("Next week", "book PAT test") == {"2026-12-05"}
    assert days("Next week", "Sat 13: party") == {"2026-12-05"}


def test_a_span_of_days_a_passage_writes_says_every_day_of_it():
    # trial s63 V: "am i on over xmas" had said "Nothing in your notes is dated on 2026-12-25", the rota's "23 Dec - 6
    # Jan: Christmas + New Year onboard" in the notes
    from notesqa.agenda import days_said

    said = days_said("23 Dec - 6 Jan: Christmas + New Year onboard", "2026-11-20")
    assert "2026-12-25" in said and "2026-12-23" in said and "2027-01-06" in said and len(said) == 16
    assert days_said("Jake - wants 4-15 Jan 2027", "2026-11-20") >= {"2027-01-04", "2027-01-10", "2027-01-15"}
    # ... its first day of no year, of its last's, in a passage of no day (trial s76 U: "on leave 26 Jul – 13 Aug 2027"
    # had said the 13th alone)
    assert days_said("Priya on leave 26 Jul – 13 Aug 2027", "") >= {"2027-07-26", "2027-08-01", "2027-08-13"}
    # ... its last day's weekday between (trial s78 T: "Thu 2 Apr - Tue 7 Apr 2026" had said the 7th alone)
    assert days_said("Wye Valley: Thu 2 Apr - Tue 7 Apr 2026", "") == {f"2026-04-0{d}" for d in range(2, 8)}
    assert days_said("Priya on leave 26 Jul – 13 Aug 2027", "2026-12-01") >= {"2027-07-26", "2027-08-13"}  # (review)
    # ... a weekday before each (the s64 rescore: "Sat 12 – Sun 13 Dec 2026" had said the 13th only)
    assert days_said("Sat 12 – Sun 13 Dec 2026", "2026-11-20") >= {"2026-12-12", "2026-12-13"}
    # ... and days listed before a month (trial s64 AE: "closed 25, 26, 28 Dec" had said the 28th only)
    assert days_said("closed 25, 26, 28 Dec", "2026-11-20") >= {"2026-12-25", "2026-12-26", "2026-12-28"}
    assert days_said("closed 24th & 31st Dec", "2026-11-20") >= {"2026-12-24", "2026-12-31"}
    # ... a weekday before each of two days set apart by a slash or "&": of the month and year after the last, not the
    # nearest of their weekday and number (trial s67 C: "pencilled Sat 12 / Sun 13 June 2027" in the minutes of 10
    # November had been of 12 December 2026, first for "what's due next week")
    # ... or "+" (trial s74 A: "AL request for Bath Half (Fri 12 + Mon 15 March)" had said Friday 12 February)
    for text in ("pencilled Sat 12 / Sun 13 June 2027", "Sat 12th & Sun 13th June 2027", "Sat 12 + Sun 13 June 2027"):
        assert days_said(text, "2026-11-10") == {"2026-11-10", "2027-06-12", "2027-06-13"}, text
    assert days_said("quiz Sat 12 / darts Sun 13", "2026-11-10") == {"2026-11-10", "2026-12-12", "2026-12-13"}
    assert "2026-12-25" not in days_said("£25, 26 Dec", "2026-11-20")  # (a sum before it)
    assert "2026-12-25" in days_said("On: 2026-12-23 | Off: 2027-01-06 | Notes: Christmas onboard", "")
    assert "2026-12-25" not in days_said("Date: 2026-12-23 | Due: 2027-01-06", "")
    # not two days said apart, nor a span of more than a month
    assert days_said("23 Dec, 6 Jan", "2026-11-20") == {"2026-11-20", "2026-12-23", "2027-01-06"}
    assert len(days_said("1 Jan - 30 Jun 2027", "2026-11-20")) == 3
    # ... nor "may" a verb, as days_written reads it ("rooms 3 - 4 may be free": no 3 to 4 May)
    assert days_said("rooms 3 - 4 may be free", "2026-04-01") == {"2026-04-01"}


def test_the_passages_of_no_day_that_name_a_month():
    # trial s55: a client's callout "Don't ring in Feb" (its title the body's parent), for "dont ring priya in feb"
    agenda = Agenda([dataclasses.replace(bullet("Valentines run-up, she will not pick up"), date=None,
                                         parents=["Don't ring in Feb"]),
                     dataclasses.replace(bullet("March: MOT due", 1), date=None),
                     dataclasses.replace(bullet("we may go in march", 2), date=None),  # (words, not names)
                     dataclasses.replace(bullet("rang about Feb", 3), date="2026-01-10"),  # (of a day: its own)
                     dataclasses.replace(bullet("he wants 4 days from Feb", 4), date=None)])  # (in passing)
    assert list(agenda.naming_month("2026-02")) == [0] and list(agenda.naming_month("2026-03")) == [1]
    assert len(agenda.naming_month("2026-05")) == 0
    # trial s58 OC: "## Oct-Dec" of "Jobs 2025 second half" had been of December 2026 for "anything due this month"
    h2 = Agenda([dataclasses.replace(bullet("2025 total: 27 jobs"), date=None, title="Jobs 2025 second half",
                                     heading=["Jobs 2025 second half", "Oct-Dec"]),
                 dataclasses.replace(bullet("bring the tree in", 1), date=None, title="Xmas", heading=["Xmas", "Dec"])])
    assert list(h2.naming_month("2025-12")) == [0, 1] and list(h2.naming_month("2026-12")) == [1]
    # ... nor "## Count Oct 2025" of a note of no year (trial s77 AB: of October 2027, "what's due this month")
    counts = Agenda([dataclasses.replace(bullet("counted 152, should've been 171"), date=None, title="Cask tracking",
                                         heading=["Cask tracking", "Count Oct 2025"])])
    assert list(counts.naming_month("2025-10")) == [0] and len(counts.naming_month("2027-10")) == 0


def test_the_passages_of_no_day_that_name_a_season():
    # trial s66 A LIV-019: "## Winter 2026/27 plan" > "mares ... Church Field top half" for "where are the mares going out
    # this winter"
    def undated(text, seq, **kw):
        return dataclasses.replace(bullet(text, seq), date=None, title="Field Rotation", **kw)
    agenda = Agenda([undated("mares - Church Field top half", 0, heading=["Field Rotation", "Winter 2026/27 plan"]),
                     undated("mares - Top Paddock", 1, heading=["Field Rotation", "Winter 2025/26 plan"]),
                     undated("usage approx 32 bales/wk in winter", 2),
                     undated("summer grazing: Long Meadow", 3),
                     bullet("winter rugs out today", 4)])  # (of a day: its own)
    winter = {f"2026-12-{d:02d}" for d in range(1, 32)} | {f"2027-01-{d:02d}" for d in range(1, 32)} \
        | {f"2027-02-{d:02d}" for d in range(1, 29)}
    assert list(agenda.naming_season(winter)) == [0, 2]
    assert len(agenda.naming_season(winter - {"2027-02-28"})) == 0  # (no whole season asked)
    assert len(agenda.naming_season({f"2026-12-{d:02d}" for d in range(1, 32)})) == 0  # (a month: naming_month's)


def test_a_day_without_its_year_in_an_undated_passage(monkeypatch):
    # trial s55: "Xmas fair Fri 11 Dec" on the school's page says 11 December of any year, or of the year its note's
    # title says ("Stocktake Jan 2026" > "done Mon 19 Jan": 2026's, not next January's); "room 4 may be free" no day
    agenda = Agenda([dataclasses.replace(bullet("Xmas fair Fri 11 Dec 3.30"), date=None, title="St Bede's"),
                     dataclasses.replace(bullet("done Mon 12 + Mon 19 Jan, shop shut", 1), date=None,
                                         title="Stocktake Jan 2026"),
                     dataclasses.replace(bullet("room 4 may be free", 2), date=None, title="Rooms")])
    assert list(agenda.telling({"12-11"})) == [0] and list(agenda.telling({"2026-12-11"}, "2026-12-04")) == [0]
    assert list(agenda.telling({"2026-01-19"}, "2026-12-04")) == [1] and len(agenda.telling({"2027-01-19"}, "2026-12-04")) == 0
    assert len(agenda.telling({"05-04"})) == 0
    # ... or of the year of a day it writes with its year near it (trial s75 C: a VAT table's "| Due: 7 Mar 2026 | Paid:
    # £2,904.11, 3 Mar |" had been "of the days asked" for "how much vat have i got to pay by sunday" in March 2027);
    # not a year long gone ("Mum b. 14 Mar 1956 - party booked Sat 16 Mar": the review)
    monkeypatch.setenv("NOTESQA_TODAY", "2027-03-02")
    mum = Agenda([dataclasses.replace(bullet("Mum b. 14 Mar 1956 - party booked Sat 16 Mar"), date=None, title="Mum")])
    assert mum.telling({"2027-03-16"}, "2027-03-02").tolist() == [0]
    row = dataclasses.replace(bullet("Quarter: Q1 | Due: 7 Mar 2026 | Paid: £2,904.11, 3 Mar"), kind="table_row", date=None)
    agenda = Agenda([row, dataclasses.replace(row, text="Quarter: Q6 | Due: 7 Jun | Paid: 3 Mar", seq=1)])
    assert list(agenda.telling({"2026-03-03"}, "2027-03-02")) == [0]
    assert list(agenda.telling({"2027-03-03"}, "2027-03-02")) == [1]  # (no year beside it: any year's)
    # ... and a weekday and a day's number, no month, the nearest such day to today (trial s75 C: "☐ Hi-Rise - ring Mick
    # Mon 8th" of an undated to-do list had not been found for "whats on monday")
    agenda = Agenda([dataclasses.replace(bullet("☐ Hi-Rise - ring Mick Mon 8th to confirm"), date=None, title="TODO")])
    assert list(agenda.telling({"2027-03-08"}, "2027-03-02")) == [0]
    assert len(agenda.telling({"2027-11-08"}, "2027-03-02")) == 0  # (a Monday the 8th too, months off)
    # ... that one alone (trial s86 P: "again Sun 11th" on 25 January 2029 had been 11 March's too, for "whats coming
    # up in march", 11 February being the nearer Sunday the 11th)
    agenda = Agenda([dataclasses.replace(bullet("Post on FB Thu 1 Feb, again Sun 11th"), date=None, title="Marketing")])
    assert list(agenda.telling({"2029-02-11"}, "2029-01-25")) == [0]
    assert len(agenda.telling({"2029-03-11"}, "2029-01-25")) == 0
    agenda = Agenda([dataclasses.replace(bullet("Maya sat 3 GCSEs early"), date=None, title="Maya")])  # (a verb)
    assert len(agenda.telling({"2027-04-03"}, "2027-03-02")) == 0



def test_the_days_listed_or_spanned_before_a_day_without_its_year_are_of_any_year_too():
    # trial s73 H: a client's page's "booked in for Mon 21st & Tue 22nd Dec" had said the 22nd only, out of ten for
    # "what have i got on the 21st"
    from notesqa.agenda import days_of_any_year

    assert days_of_any_year("booked in for **Mon 21st & Tue 22nd Dec** — staffroom door closer") == {"12-21", "12-22"}
    assert days_of_any_year("away 4-6 Dec, back Mon") == {"12-04", "12-05", "12-06"}
    # ... and those between two days it spans, over new year too (trial s73 L: "Not available Christmas week - 21 Dec to
    # 2 Jan" had said the 21st and the 2nd, out of ten for "is dean around over xmas")
    over = days_of_any_year("Not available Christmas week - 21 Dec to 2 Jan. Backup = Hotwells")
    assert len(over) == 13 and {"12-25", "01-01"} <= over
    assert days_of_any_year("Xmas fair Fri 11 Dec 3.30") == {"12-11"}
    assert days_of_any_year("Coolserve booked for F4 – Thurs 11 March, am") == {"03-11"}  # (a code's number: trial s75 F)
    assert days_of_any_year("ADH prod meeting #3 – Tue 9 Mar, 11:00") == {"03-09"}  # (a meeting's: trial s75 T)
    # ... and a week's first day, the days of it the line names (trial s76 P: a plan's row "w/c: 28 Jun | ... | Sun long
    # run: 29k" had been of the 28th alone, "long run this sunday" not finding it); of a passage of a day, too; of none
    # it names, its first alone ("delivery w/c 1 March" is of one day of it: the s76 rescore)
    assert days_of_any_year("wk: 5 | w/c: 28 Jun | Tue: Yasso 800s | Sun long run: 29k") == {"06-28", "06-29", "07-04"}
    assert days_of_any_year("laptops: delivery w/c 1 March") == {"03-01"}
    assert days_of_any_year("w/c 28 Jun: SATs week, sun cream") == {"06-28"}  # (no weekday's cell: the review)
    # ... not a day after its year as a label: of that year (trial s77 K: "2026: 25 Oct" had been of any year, "of the
    # days asked" for 25 October 2027)
    from notesqa.agenda import days_written

    clocks = "Last Sunday in October. 2025: 26 Oct. 2026: 25 Oct. 2027: Sun 31 Oct."
    assert days_of_any_year(clocks) == set()
    assert days_written(clocks, "") == {"2025-10-26", "2026-10-25", "2027-10-31"}
    assert days_written("Ref 2045 - 12 Nov meeting, Train 1930 - 25 Oct", "") == set()  # (no label: the review)
    # ... a quarter's label too, the day in brackets (trial s78 AG: "Q1 2027 (Mar 17th): 100%" of no day)
    assert days_written("Q1 2027 (Mar 17th): 100% :)", "") == {"2027-03-17"}
    # ... or an aside in brackets that opens with its year (trial s83 B: "Last Easter (2027, Easter was 28 March)" in a
    # note of 2028 had been of 28 March 2028, "of the days asked" for "what did i do on tuesday")
    assert days_written("Last Easter (2027, Easter was 28 March) we went to Tenby", "2028-03-10") == {"2027-03-28"}
    assert days_written("(2027-28 budget due 31 March)", "2028-03-10") == {"2028-03-31"}
    assert days_written("(2026 prices) from 1 April", "2028-03-10") == {"2028-04-01"}
    assert days_written("Picked up the car (2019 model, collected 14 March)", "2028-03-20") == {"2028-03-14"}  # (review)
    # ... or a year the day is in brackets after (trial s84 H: "Last year — Easter 2027 (28 March)" in a note of 2028 had
    # been of 28 March 2028)
    assert days_written("Last year — Easter 2027 (28 March)", "2028-04-10") == {"2027-03-28"}
    assert days_written("Sports day 2027 (Tue 6 July)", "2028-06-10") == {"2027-07-06"}
    assert days_written("Ref 12027 (28 March)", "2028-04-10") == {"2028-03-28"}  # (no year: a longer number)
    # ... not a sum, nor a number the weekday written rules out or of the last century with none (the review)
    for sum_or_count in ("Paid deposit £2000 (Tue 28 March)", "£1999 (Tue 28 March)", "Sold 1950 (28 March)"):
        assert days_written(sum_or_count, "2028-04-10") == {"2028-03-28"}, sum_or_count
    # ... or a day after its weekday of the year the text writes in which that weekday holds (trial s83 I: "Last Easter
    # (2027): Bateman-Cole on Sun 28 Mar" had been Tuesday 28 March 2028, first for "what did i do last tuesday"); a
    # weekday typed wrong, no other year written, stays of the nearest year
    assert days_written("Last Easter (2027): Bateman-Cole on Sun 28 Mar", "2028-03-10") == {"2027-03-28"}
    assert days_written("Bateman-Cole on Sun 28 Mar", "2028-03-10") == {"2028-03-28"}
    assert days_written("Wed 31 Dec, 2025 was worse", "2027-01-03") == {"2025-12-31"}
    assert days_written("Wed 31 Dec", "2027-01-03") == {"2026-12-31"}
    # ... and, no year written, a day to come of the next year the weekday holds in, where the nearest is past (trial
    # s86 B: "Final £119 by Fri 20 April" in a note of 2 October 2028 had been Thursday 20 April 2028)
    assert days_written("Final £119 by Fri 20 April", "2028-10-02") == {"2029-04-20"}
    assert days_written("Final £119 by Thu 20 April", "2028-10-02") == {"2028-04-20"}
    assert days_written("Final £119 by Sat 20 April", "2028-10-02") == {"2028-04-20"}  # (a slip: no year holds it)
    assert days_of_any_year("w/c 28 Feb | Tue: a | Wed: b") == {"02-28", "03-01", "03-02"}  # (no 29 February)
    from notesqa.agenda import days_said

    assert "2027-07-04" in days_said("W/c: 28 Jun | Sat: E | Sun: L", "2027-06-20")
    # ... told for a question of a week or less only (trial s76 R: "☐ Sign off reception rota w/c 26 July" had said 1
    # August, first for "who is off in august")
    from notesqa.agenda import Agenda

    rota = Agenda([dataclasses.replace(bullet("Rota w/c 26 July 2027 | Sun: Karen", 0), date=None)])
    assert rota.telling({"2027-08-01"}).tolist() == [0]
    assert rota.telling({f"2027-08-{d:02d}" for d in range(1, 32)}).tolist() == []


def test_a_day_without_its_year_in_a_passage_that_opens_with_its_year_or_is_under_one_is_of_that_year():
    # trial s73 A: a horse's "2026: 8 Jan, 19 Feb, 2 Apr" shoeing dates had been of any year's January, 4th for "what's
    # on in january" (of 2027) over the month's own tasks
    agenda = Agenda([dataclasses.replace(bullet("2026: 8 Jan, 19 Feb, 2 Apr", 0), date=None, title="horses/Hector"),
                     dataclasses.replace(bullet("Jan - reset, Feb - full set", 1), date=None, title="horses/Ned",
                                         parents=["history", "2025"]),
                     dataclasses.replace(bullet("8 Jan - full set", 2), date=None, title="horses/Rolo")])
    assert list(agenda.telling({"2026-01-08"}, "2026-12-09")) == [0]
    assert list(agenda.telling({"2027-01-08"}, "2026-12-09")) == [2]  # (any year's, within half a year of today)
    assert list(agenda.naming_month("2025-01")) == [1] and len(agenda.naming_month("2027-01")) == 0
    # ... and asked without its year, its day of any year's (trial s76 AC: "how much juice did we get on the 17th oct"
    # had said "Nothing ... dated" over "Pressing 2026"'s "Date: Sat 17 Oct | Juice L: 1,310")
    assert 0 in list(agenda.telling({"02-19"}, "2026-12-09"))
    # ... or a season and its year's last two digits, no day's (trial s73 G: "## New starters autumn 26" > "Sept: Kath
    # Dunne" had been of any September, first for "who were the new starters in sept last year")
    from notesqa.agenda import passage_year

    starters = dataclasses.replace(bullet("Sept: Kath Dunne, Lucy Tran", 0), date=None, heading=["New starters autumn 26"])
    assert passage_year(starters) == "2026"
    assert passage_year(dataclasses.replace(starters, heading=["Sept 26 gig"])) is None  # (a day's number may be)
    # ... or a holiday and its year, over its note's title's (trial s85 E: "## Christmas 2027 (for comparison)" >
    # "Kingsmoor shut 24 Dec – 4 Jan" of "Christmas opening hours 2028", first for "is kingsmoor open between christmas
    # and new year" of this one's)
    shut = dataclasses.replace(bullet("Kingsmoor shut 24 Dec – 4 Jan", 0), date=None,
                               title="Christmas opening hours 2028", heading=["Christmas 2027 (for comparison)"])
    assert passage_year(shut) == "2027" and passage_year(dataclasses.replace(shut, heading=[])) == "2028"
    assert len(Agenda([shut]).telling({"2028-12-24"}, "2028-10-24")) == 0
    # ... only a heading that opens with it, not a parent bullet nor one that says it after other words (the review)
    for heading, parents in ((["Ideas from Christmas 2027"], []), ([], ["Hip's been bad since Christmas 2027"])):
        assert passage_year(dataclasses.replace(shut, heading=heading, parents=parents)) == "2028", heading


def test_the_months_a_line_s_label_names():
    # trial s85 J, E: "Paid in September: gas £2,380", "September bill was £1,388.40" are of September for a question of
    # it; not a person's name (the review: "April Jones paid £250 deposit", "June Whitfield: paid £40", "Jan rang")
    from notesqa.agenda import _months_labelling

    for text, month in (("Paid in September: gas £2,380", "09"), ("September bill was £1,388.40", "09"),
                        ("Sept gas actual: £2,212", "09"), ("May: £541.20", "05"), ("Bills for October: £90", "10"),
                        ("Total Sept: £2,812. Total Oct: £2,812.", "09")):
        assert _months_labelling(text) == {month}, text
    # ... each sum of a line that sets them side by side (trial s90 D: "Feb total £160" had been of no month)
    assert _months_labelling("Jan total £160 · Feb total £160") == {"01", "02"}
    # (... the whole line's still: "Nov payroll done. Total £8,120", "Dec takings; £12,655", the review)
    assert _months_labelling("Nov payroll done. Total £8,120 incl. bonus") == {"11"}
    assert _months_labelling("Dec takings; £12,655") == {"12"}
    assert _months_labelling("September bill was £1,388.40. October bill £1,402") == {"09", "10"}
    assert _months_labelling("Jan total £160 · Feb quiet, nothing paid") == {"01"}
    for text in ("April Jones paid £250 deposit", "June Whitfield: paid £40", "Jan rang – quote £1,200",
                 "May be useful: £3", "Gas went up on 1 Oct – new rate"):
        assert _months_labelling(text) == set(), text


def test_a_line_of_a_sum_under_a_heading_that_labels_a_month_is_of_it():
    # trial s88 F: "## What we actually paid in August 2029" > "Electric £162.40" had been of no month, "Nothing dated
    # ... matches" for "what did we pay for electric in august"; not a line of no sum, nor a heading of other words
    lines = [dataclasses.replace(bullet(text, seq), date=None, path="bills.md", title="Monthly bills", heading=[heading])
             for seq, (text, heading) in enumerate((("Electric £162.40", "What we actually paid in August 2029"),
                                                    ("Water £38", "Bills for September"),
                                                    ("remember the meter reading", "What we actually paid in August 2029"),
                                                    ("Electric £140", "Direct debits from August 2029"),
                                                    # (trial s89 L: "what did we pay out in november" had found them
                                                    # 15th)
                                                    ("Playsafe — zip wire £1,380.00", "November payments (approved 13 Nov)"),
                                                    ("Hall hire £72.00", "Payments approved at the December meeting"),
                                                    # (trial s90 V: a dash before the month)
                                                    ("04/02 Heatwise – boiler service £342", "Supplier bills paid – February")))]
    agenda = Agenda(lines)
    assert agenda.labelling_month("2029-08").tolist() == [0] and agenda.labelling_month("2030-02").tolist() == [6]
    assert agenda.labelling_month("2029-09").tolist() == [1]
    assert agenda.labelling_month("2029-11").tolist() == [4] and agenda.labelling_month("2029-12").tolist() == []
    # ... of the year its heading writes over its note's title's (the review: "Bills since 2028" had made it 2028's)
    since = Agenda([dataclasses.replace(lines[0], title="Bills since 2028", path="Bills since 2028.md")])
    assert since.labelling_month("2029-08").tolist() == [0] and since.labelling_month("2028-08").tolist() == []


def test_a_table_row_of_month_columns_is_of_each_month_it_has_a_value_of():
    # trial s90 G: "Tool: Intercom | ... | Jan 2030: £1,104 | Feb 2030: £1,236" of a monthly bills table had been of no
    # month, 8th for "what did intercom cost us in february" under six February journal lines of none of its words; a
    # month column of no year is of its note's year; an empty cell, or a column of no month ("Renews"), is of none
    def row(text, seq, title="Vendors and tools"):
        return dataclasses.replace(bullet(text, seq), kind="table_row", date=None, path=f"{title}.md", title=title,
                                   heading=["Monthly bills"])

    agenda = Agenda([row("Tool: Intercom | Jan 2030: £1,104 | Feb 2030: £1,236 | Renews: monthly", 0),
                     row("Tool: Loom | Jan 2030: £60 | Feb 2030:  | Renews: May", 1),
                     row("Tool: Slack | Jan: £310 | February: £320", 2, title="Bills 2030")])
    assert agenda.labelling_month("2030-02").tolist() == [0, 2]
    assert agenda.labelling_month("2030-01").tolist() == [0, 1, 2]
    assert agenda.labelling_month("2030-05").tolist() == [] and agenda.labelling_month("2029-02").tolist() == []


def test_a_line_of_no_day_that_says_a_thing_was_paid_on_a_day_is_of_it(monkeypatch):
    # trial s90 Q: "INV-L4E-3381 - Christmas Fair 2029, 4 units, £500 paid 4/1/30" of an undated supplier page had not
    # been of January for "what did we pay in january" (a day told, not of it: only a day or a week ahead asks those);
    # a day of no year after the word is the last one gone; not a deadline ("paid by 14 Feb"), nor a number ("paid 4
    # units")
    monkeypatch.setenv("NOTESQA_TODAY", "2030-03-01")
    def line(text, seq):
        return dataclasses.replace(bullet(text, seq), date=None, path="Suppliers.md", title="Suppliers", heading=[])

    agenda = Agenda([line("INV-3381 - Christmas Fair 2029, 4 units, **£500 paid 4/1/30**", 0),
                     line("INV-3502 - deposit, £472.50 paid 14 Feb", 1), line("final £300 to be paid by 14 Jan", 2),
                     line("paid 4 units of 12/1/30 stock", 3), line("Booked 9/1/30, deposit received on Tue 8 Jan", 4),
                     line("due 21/1/30 for the 10k", 5)])
    assert agenda.done_then({f"2030-01-{d:02d}" for d in range(1, 32)}).tolist() == [0, 4]
    assert agenda.done_then({"2030-02-14"}).tolist() == [1] and agenda.done_then({"2029-02-14"}).tolist() == []
    assert agenda.done_then({"2030-01-09"}).tolist() == []


def test_a_day_after_its_weekday_without_its_year_is_of_the_year_near_today_it_is_on(monkeypatch):
    # trial s85 K: "INSET day Fri 1 Dec – no run" of a school contract's term dates had been of any year's 1 December, no
    # day "when is the next inset day" reads (the coming year's), the past one of 4 September first
    monkeypatch.setenv("NOTESQA_TODAY", "2028-10-24")
    inset = dataclasses.replace(bullet("INSET day Fri 1 Dec – no run", 0), date=None, path="school contract.md",
                                title="School run")
    agenda = Agenda([inset, dataclasses.replace(inset, text="Xmas fair 11 Dec", seq=1, line=2),
                     dataclasses.replace(inset, text="Xmas fair Thu 11 Dec", seq=2, line=3)])
    assert list(agenda.of_or_telling_between("2028-10-24", "2029-10-24")) == [0]  # (no weekday; not on it near today)
    assert 1 in agenda.telling({"2028-12-11"}, "2028-10-24")  # (of any year's, as before)


def test_a_stay_of_days_a_line_opens_with_is_of_each_of_its_days_and_so_are_the_lines_under_it():
    # trial s73 F: "Fri 11th - Sun 13th" > "Bass Rock: Linda Crawford" had been of the 11th only, "Nothing dated" for
    # "who's in bass rock this weekend"; "Hogmanay 30th - 2nd Jan" runs into the next month
    def dated(seq, text, day, parents=()):
        return dataclasses.replace(bullet(text, seq), path="bookings/2026-12 december.md", date=day,
                                   parents=list(parents))
    agenda = Agenda([dated(0, "Fri 11th - Sun 13th", "2026-12-11"),
                     dated(1, "Bass Rock: Linda Crawford + friend", "2026-12-11", ["Fri 11th - Sun 13th"]),
                     dated(2, "30th - 2nd Jan: Fidra, MacPhersons", "2026-12-30"),
                     dated(3, "Sat 12 - 3pm lunch at Kinloch", "2026-12-12"),
                     dated(4, "Fidra: 2 adults", "2026-12-05", ["Sat 12th - Sun 13th"]),  # (a parent of another day)
                     dated(5, "4 Dec - physio 4 (Fri) - moved forward", "2026-12-04"),  # (no span: the review)
                     dated(6, "Fri 20 — 8.5h", "2026-11-20")])  # (hours worked, no span to the 8th: the rescore)
    assert list(agenda.of_days({"2026-12-12", "2026-12-13"})) == [0, 1, 3]
    assert list(agenda.of_days({"2026-12-08"})) == []
    assert list(agenda.of_days({"2027-01-02"})) == [2] and len(agenda.of_days({"2027-01-03"})) == 0
    assert len(agenda.of_days({"2026-12-14"})) == 0  # (not the days of a time: "12 - 3pm")


def test_a_passage_dated_by_its_month_alone_is_of_the_month_not_its_first_day():
    # trial s71 D: "what did i do last tuesday" (the 1st) had put "Dec 2026 return -> by 15 Jan 2027" first, of the
    # days asked, the day's journal second
    def dated(path, text, title, heading=(), seq=0):
        return dataclasses.replace(bullet(text, seq), path=path, title=title, heading=list(heading), date="2026-12-01")
    chunks = [dated("journals/2026_12_01.md", "Delivered to The Fig Tree", "Dec 1st, 2026"),
              dated("pages/Duty.md", "Dec 2026 return -> by 15 Jan 2027", "Duty"),
              dated("pages/Wines.md", "Wine: Classic Cuvée | SKU: CH-CC-23", "Wines", ["Current wines (Dec 2026)"]),
              dated("pages/Winter feeding 2026.md", "Syrup: 15 x 14kg", "Winter feeding 2026"),
              dated("Meetings/Team meeting.md", "agreed the new rota", "Team meeting"),  # (its front matter's day)
              dated("pages/Duty.md", "1 Dec 2026 - paid the November return", "Duty", seq=1),
              # ... under a heading of the month's name alone, or saying it in numbers (trial s71 P)
              dated("Deadlines Q4 2026.md", "Kessler KP-2291 — Wed 9 Dec", "Deadlines Q4 2026", ["December"]),
              dated("Clients/LinguaBridge.md", "2026-12 LinguaBridge MTPE batch", "LinguaBridge"),
              dated("Register.md", "3rd: hedgehog in, 410g", "Register", ["Dec 26"]),
              dated("personal/leave 2026.md", "Dec: 29, 30, 31 Dec (office shut anyway)", "Leave 2026")]
    agenda = Agenda(chunks)
    assert list(agenda.of_days({"2026-12-01"})) == [0, 4, 5]
    december = {f"2026-12-{d:02d}" for d in range(1, 32)}
    assert list(agenda.of_days(december)) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    # ... of the days left of it too, its first gone ("which trip is happening this month" on the 6th, trial s72 F:
    # "Y3 pantomime Dec 2026" had not been found); not of a week of it
    assert list(agenda.of_days({d for d in december if d >= "2026-12-06"})) == [1, 2, 3, 6, 7, 8, 9]
    assert len(agenda.of_days({f"2026-12-{d:02d}" for d in range(22, 29)})) == 0


def test_a_days_two_digit_year_after_it_is_read_where_its_weekday_fits():
    # trial s71 G: "Fri 12 Mar 27? Theme: anxiety" had been of 2025, "Booked Thurs 21 Jan 27, 3.30" of no day its own
    from notesqa.agenda import days_written

    assert days_written("Booked Thurs 21 Jan 27, 3.30, family room", "2025-03-01") == {"2027-01-21"}
    assert days_written("Fri 12 Mar 27? Theme", "2025-03-01") == {"2027-03-12"}
    # ... not a count after a day, nor a weekday that is not that day's in that year
    assert days_written("on 12 Mar 27 people came", "2025-03-01") == {"2025-03-12"}
    assert days_written("Sat 12 Mar 27 tables", "2025-03-01") == {"2025-03-12"}
    # ... nor a time of day (trial s74 E: "Sat 6 Feb 10am - collection" had been of 2010, a Saturday then too)
    assert days_written("Sat 6 Feb 10am - collection + bustle lesson", "2027-01-04") == {"2027-02-06"}
    # ... and one that ends a table's cell, weekday or not (trial s71 T: "Date: 10 Dec 25 | Speaker: members" of last
    # season's programme had been the coming 10 December's)
    assert days_written("Date: 10 Dec 25 | Speaker: members", "2026-11-01") == {"2025-12-10"}
    assert days_written("paid 10 Dec 25 quid", "2026-11-01") == {"2026-12-10"}


def test_a_day_of_no_year_in_a_note_of_a_years_folder_is_of_that_year():
    # trial s71 M: "accepted by text 13/11, booked 9 Dec" of "quotes/2025/Q-2025-044 wright ev.md" had been listed under
    # "Dated on 2026-12-09" for "whats on wednesday"
    chunk = Chunk(path="quotes/2025/Q-2025-044 wright ev.md", line=11, end_line=11, kind="paragraph",
                  text="accepted by text 13/11, booked 9 Dec", title="Q-2025-044 wright ev", heading=[], parents=[],
                  tags=[], date=None, seq=0)
    agenda = Agenda([chunk])
    assert list(agenda.telling({"2025-12-09"}, "2026-12-05")) == [0]
    assert len(agenda.telling({"2026-12-09"}, "2026-12-05")) == 0


def test_a_note_of_a_holiday_to_come_by_its_name_is_of_no_day_of_it_yet():
    # trial s71 U: "Christmas 2026 bookings", dated 25 December by its name, had filled "hector nightly rate this
    # christmas" with its passages; last Christmas's note is of its day ("what did i get dad last christmas")
    from datetime import date

    def note(path, text, day):
        return Chunk(path=path, line=1, end_line=1, kind="bullet", text=text, title=path[:-3], heading=[], parents=[],
                     tags=[], date=day, seq=0)
    coming, gone = date.today().year + 1, date.today().year - 1
    agenda = Agenda([note(f"Christmas {coming} bookings.md", "Hector 17 Dec - 3 Jan, £200 deposit", f"{coming}-12-25"),
                     note(f"Christmas {gone}.md", "dad: the National Trust membership", f"{gone}-12-25"),
                     note(f"Christmas {coming} plan.md", "Wed 23 Dec - collect gammon", f"{coming}-12-25")])
    assert len(agenda.of_days({f"{coming}-12-25"})) == 0 and list(agenda.of_days({f"{gone}-12-25"})) == [1]
    assert list(agenda.of_days({f"{coming}-12-23"})) == [2]  # (the days it writes, it is of)
    # ... nor one under a heading that writes the day (trial s75 AA in the s77 rescore: "mothers day 2027.md" > "#
    # Mother's Day - Sun 7 March 2027" > "Open 9-3" had been of no day once Mothering Sunday was read)
    under = dataclasses.replace(note(f"Christmas {coming}.md", "Open 9-3, normally closed", f"{coming}-12-25"),
                                heading=[f"Christmas Day - 25 December {coming}"])
    assert list(Agenda([under]).of_days({f"{coming}-12-25"})) == [0]


def test_a_note_of_a_holiday_that_is_today_is_of_today(monkeypatch):
    # trial s86 X: "Burns Night 2029" (date: 2029-01-25) on the night had been of no day of it, "Nothing dated on
    # 2029-01-25 matches the question closely" said over it for "burns night tonight what do we bring"
    monkeypatch.setenv("NOTESQA_TODAY", "2029-01-25")
    chunk = Chunk(path="Burns Night 2029.md", line=1, end_line=1, kind="bullet", text="We bring: cranachan for 8",
                  title="Burns Night 2029", heading=[], parents=[], tags=[], date="2029-01-25", seq=0)
    assert list(Agenda([chunk]).of_days({"2029-01-25"})) == [0]


def test_a_day_a_thing_was_moved_from_and_the_day_it_is_moved_to_are_no_span():
    # trial s87 V: "Mrs Jenkins changed from Wed 16 May to Wed 23 May" had been of every day between, first for "what's
    # on this sunday"; a span said so is one still
    from notesqa.agenda import days_said

    assert days_said("Mrs Jenkins changed from Wed 16 May to Wed 23 May", "2029-05-10") == \
        {"2029-05-10", "2029-05-16", "2029-05-23"}
    assert "2029-05-20" in days_said("on leave from 16 May to 23 May", "2029-05-10")
    # ... a thing moved to a place for a span still is one (the review)
    assert "2029-05-20" in days_said("Swimming moved to the leisure centre from Mon 14 May to Fri 25 May", "2029-05-10")
    assert days_said("moved the MOT from 3 June to 10 June", "2029-05-10") == {"2029-05-10", "2029-06-03", "2029-06-10"}


def test_a_day_that_no_longer_holds_is_not_said():
    # trial s87 K: "Stage: launch | Was: Fri 29 June | Now: Fri 8 June" had been of the days asked for "whats on 29
    # june", the launch moved to the 8th
    from notesqa.agenda import days_said

    assert days_said("Stage: launch | Was: Fri 29 June | Now: Fri 8 June", "2029-05-10") == {"2029-05-10", "2029-06-08"}
    assert days_said("originally Fri 29 June", "2029-05-10") == {"2029-05-10"}
    assert "2029-06-29" in days_said("Date: Fri 29 June | Who: me", "2029-05-10")
    # ... the one day after "originally" only, and not a "Before:" column's (the review)
    assert days_said("Launch originally 29 June now Fri 8 June", "2029-05-10") == {"2029-05-10", "2029-06-08"}
    assert "2029-06-08" in days_said("Task: return consent forms | Before: Fri 8 June", "2029-05-10")
    # trial s90 G: "Dentist — was Mon 4 Mar 08:30, moved to Mon 11 Mar 08:30" had been on for "what's on next week" by
    # its old day; "(was Thu 7 March)" after a ship day too; not a day a thing was on ("the party was Sat 3 Feb")
    assert days_said("Dentist — was Mon 4 Mar 08:30, moved to Mon 11 Mar 08:30", "2030-02-20") == {"2030-02-20",
                                                                                                  "2030-03-11"}
    assert days_said("Ship: Tue 12 March 2030 (was Thu 7 March — see below)", "2030-02-20") == {"2030-02-20",
                                                                                               "2030-03-12"}
    assert days_said("Swimming was 3 Mar, now Tue 5 Mar", "2030-02-20") == {"2030-02-20", "2030-03-05"}
    assert days_said("moved! was Thu 7 March, hospital rang 22 Feb to change it", "2030-01-10") == {"2030-01-10",
                                                                                                    "2030-02-22"}
    # (trial s90 T: "It was booked for Thu 7th but moved because of World Book Day")
    assert days_said("Thursday 14 March 2030. It was booked for Thu 7th but moved because of World Book Day",
                     "2030-02-20") == {"2030-02-20", "2030-03-14"}
    assert "2030-02-02" in days_said("it was booked for Sat 2 Feb, a lovely evening", "2030-02-20")
    # ... a move to a day or "now" and a day only (the review: "Gran's hip op was Tue 5 March, moving her to Ashfield
    # ward", "Car tax was due Fri 1 March, now overdue!" had lost their days)
    assert "2030-03-05" in days_said("Gran's hip op was Tue 5 March, moving her to Ashfield ward on Friday",
                                     "2030-02-20")
    assert "2030-03-01" in days_said("Car tax was due Fri 1 March, now overdue!", "2030-02-20")
    assert "2029-03-12" in days_said("Last boiler service was 12 March 2029, now due again", "2030-02-20")
    assert "2030-02-02" in days_said("the party was Sat 2 Feb, lovely evening", "2030-02-20")
