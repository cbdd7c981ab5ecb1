"""The result values (hits.py): a Hit is frozen and typed, and its breadcrumb shows each part once."""

import dataclasses
import json

import pytest

from notesqa import Hit, NotesIndex


def _hit(**kw):
    return Hit(text=kw.pop("text", "x"), path="a.md", line=3, heading=kw.pop("heading", ()), score=1.0, **kw)


def test_hit_is_frozen_and_typed(built, embedder):
    _, index, _ = built
    hits = NotesIndex.open(index, embedder=embedder).search("shuffle sharding customers cells", k=3)
    h = hits[0]
    assert isinstance(h, Hit)
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.score = 1.0
    assert h.path == "aws-2024.md"
    assert h.match == "Shuffle sharding to map customers to cells"
    assert h.heading == ("Keynotes", "CTO Werner Vogels")
    assert len(set(hits)) == len(hits) and h in set(hits)  # frozen all the way down: hashable
    assert json.loads(json.dumps(h.to_dict()))["heading"] == ["Keynotes", "CTO Werner Vogels"]
    assert h.breadcrumb == ["AWS re:Invent 2024", "Keynotes", "CTO Werner Vogels", "Lessons in Simplexity",
                            "Organize into cells"]
    assert h.line == 13 and h.source == "aws-2024.md:13"
    # ordered by the ranking score (the match score, the score shown, plus the year's and the note's evidence)
    assert [x.explain.rank for x in hits] == sorted((x.explain.rank for x in hits), reverse=True)


def test_breadcrumb_shows_a_title_like_first_heading_once():
    h = _hit(heading=("Sourdough bread", "Method"), title="Sourdough Bread", parents=("Mix",))
    assert h.breadcrumb == ["Sourdough Bread", "Method", "Mix"]
    # ... also when they differ by "&" for "and" or an article (trial E)
    h = _hit(heading=("02 Divide and Conquer & Master Theorem", "Examples"),
             title="02 Divide and Conquer and the Master Theorem")
    assert h.breadcrumb == ["02 Divide and Conquer and the Master Theorem", "Examples"]
    # ... or say its words in another order (trial s36: "2023-10-05 Advisor meeting > Advisor meeting 2023-10-05")
    h = _hit(heading=("Advisor meeting 2023-10-05", "Notes"), title="2023-10-05 Advisor meeting")
    assert h.breadcrumb == ["2023-10-05 Advisor meeting", "Notes"]
    h = _hit(heading=("Lecture 2 Part 3",), title="Lecture 3 Part 2")  # numbers in another order: another part
    assert h.breadcrumb == ["Lecture 3 Part 2", "Lecture 2 Part 3"]
    # ... or a chapter's number written another way (trial s37: "Ch10 - The Cistern > Chapter 10 — The Cistern")
    h = _hit(heading=("Chapter 10 — The Cistern", "Scene 2"), title="Ch10 - The Cistern")
    assert h.breadcrumb == ["Ch10 - The Cistern", "Scene 2"]
    h = _hit(heading=("Chapter 11 — The Cistern",), title="Ch10 - The Cistern")  # another chapter
    assert h.breadcrumb == ["Ch10 - The Cistern", "Chapter 11 — The Cistern"]


def test_breadcrumb_drops_a_part_the_one_before_begins_with():
    h = _hit(title="Designing Data-Intensive Applications (Kleppmann)",
             heading=("Designing Data-Intensive Applications", "Chapter 5"))
    assert h.breadcrumb == ["Designing Data-Intensive Applications (Kleppmann)", "Chapter 5"]
    assert _hit(title="Pros:", heading=("Pros",)).breadcrumb == ["Pros:"]
    # a first heading that is the title but for punctuation a file name cannot hold: once
    assert _hit(title="Bayes Theorem", heading=("Bayes' Theorem", "Proof")).breadcrumb == ["Bayes Theorem", "Proof"]
    # ... and accents (trial s34: a file name without its accent, the heading with it)
    assert _hit(title="Ana Sofia Castillo", heading=("Ana Sofía Castillo", "Rates")).breadcrumb == [
        "Ana Sofia Castillo", "Rates"]
    assert _hit(title="2026-11-26 Reunión", heading=("Reunion", "Notes")).breadcrumb == ["2026-11-26 Reunión", "Notes"]
    # ... or that says the title and an aside: the fuller one, once
    assert _hit(title="Incident Postmortem Payment Outage",
                heading=("Incident Postmortem: Payment Outage (INC-2291)", "Summary")).breadcrumb == [
        "Incident Postmortem: Payment Outage (INC-2291)", "Summary"]
    # a meeting note's file name with its day, and its first heading without it (trials A and B): once
    assert _hit(title="2026-11-26 Pricing council", heading=("Pricing council", "Decisions")).breadcrumb == [
        "2026-11-26 Pricing council", "Decisions"]
    assert _hit(title="Pricing Review 2026-11-17", heading=("Pricing review",)).breadcrumb == ["Pricing Review 2026-11-17"]
    assert _hit(title="2026-11-26 Pricing council", heading=("Pricing",)).breadcrumb == [
        "2026-11-26 Pricing council", "Pricing"]
    # ... and a first heading that is only the title's day or month (trial s48: "2024-01-16 Yuki > 2024-01-16")
    assert _hit(title="2024-01-16 Yuki", heading=("2024-01-16", "Homework")).breadcrumb == ["2024-01-16 Yuki", "Homework"]
    assert _hit(title="2025年1月 日記", heading=("2025年1月",)).breadcrumb == ["2025年1月 日記"]
    assert _hit(title="Lesson 2023.04.18", heading=("Lesson",)).breadcrumb == ["Lesson 2023.04.18"]  # (the review)
    assert _hit(title="2024 vs 2023 budget", heading=("2024",)).breadcrumb == ["2024 vs 2023 budget", "2024"]
    for title, day in (("Lesson 2023.04.18", "2023.04.18"), ("2024-W17 handover", "2024-W17"),
                       ("January 2025 journal", "January 2025"), ("2024_01_16 Yuki", "2024_01_16")):
        assert _hit(title=title, heading=(day, "Homework")).breadcrumb == [title, "Homework"], title  # (the second review)
    # ... or a heading that says the same day and more of it (the recheck: trial B's 1:1 notes), the fuller once
    assert _hit(title="2026-11-20 1-1 Sofia", heading=("1:1 with Sofia — 2026-11-20", "Her topics")).breadcrumb == [
        "1:1 with Sofia — 2026-11-20", "Her topics"]
    assert _hit(title="2026-11-20 1-1 Sofia", heading=("1:1 with Tom — 2026-11-20",)).breadcrumb == [
        "2026-11-20 1-1 Sofia", "1:1 with Tom — 2026-11-20"]
    # ... its day written out (trial s64 C: "2026-06-20 v Smarden Vale > v Smarden Vale (A) — Sat 20 Jun 2026 — TIED 🤯
    # > Us — 187 all out" on every hit of a match report)
    report = "v Smarden Vale (A) — Sat 20 Jun 2026 — TIED 🤯"
    assert _hit(title="2026-06-20 v Smarden Vale", heading=(report, "Us")).breadcrumb == [report, "Us"]
    assert _hit(title="2026-06-20 v Smarden Vale", heading=("v Smarden Vale (A) — Sat 27 Jun 2026",)).breadcrumb == [
        "2026-06-20 v Smarden Vale", "v Smarden Vale (A) — Sat 27 Jun 2026"]  # (another day: another match)
    # a first heading that says the title's words in order and more names the note more fully (trial G), once
    assert _hit(title="Ulric Haskard", heading=("Commander Ulric Haskard", "Appearance")).breadcrumb == [
        "Commander Ulric Haskard", "Appearance"]
    assert _hit(title="Ch 07 draft", heading=("Ch 07 — Tar and Feathers (draft 1)",)).breadcrumb == [
        "Ch 07 — Tar and Feathers (draft 1)"]
    assert _hit(title="Ulric Haskard", heading=("Appearance", "Commander Ulric Haskard")).breadcrumb == [
        "Ulric Haskard", "Appearance", "Commander Ulric Haskard"]  # a later heading: a part of the note


def test_breadcrumb_names_a_daily_notes_day_once_however_its_heading_writes_it():
    # trial s46: "2025-01-15 > 15-01-2025"
    assert _hit(title="2025-01-15", heading=("15-01-2025", "Lessons")).breadcrumb == ["2025-01-15", "Lessons"]
    assert _hit(title="2025-01-15", heading=("Wed 15 Jan 2025",)).breadcrumb == ["2025-01-15"]
    assert _hit(title="2025-01-15", heading=("16-01-2025",)).breadcrumb == ["2025-01-15", "16-01-2025"]
    # ... day first, with a year of two digits, a weekday or no year (trial s57 LA: "2026-03-03 > 3 March 2026 >
    # Attendances", "2026-11-27 > Fri 27/11/26", "2026-12-02 > Wed 2 Dec")
    for heading in ("3 March 2026", "Fri 27/11/26", "27/11/26", "27/11/26 Fri", "Friday 27/11/26", "Fri 27 Nov"):
        day = "2026-03-03" if heading.startswith("3 ") else "2026-11-27"
        assert _hit(title=day, heading=(heading, "Calls")).breadcrumb == [day, "Calls"], heading
    assert _hit(title="2026-11-27", heading=("Thu 26 Nov",)).breadcrumb == ["2026-11-27", "Thu 26 Nov"]
    assert _hit(title="2026-11-27", heading=("3 meetings",)).breadcrumb == ["2026-11-27", "3 meetings"]


def test_breadcrumb_keeps_a_part_that_says_more():
    # "Python packaging" extends "Python": it is a new part, not a repeat
    assert _hit(title="Python", heading=("Python packaging",)).breadcrumb == ["Python", "Python packaging"]
    # ... or with "+" for "and"; a title that is a first heading without its apostrophe shows once (trials s63 F, G:
    # "lease and landlord > Lease + landlord > repairs", "Womens 4x 2026 > Women's 4x — 2026")
    assert _hit(title="Womens 4x 2026", heading=("Women's 4x — 2026", "Crew")).breadcrumb == [
        "Womens 4x 2026", "Crew"]
    assert _hit(title="lease and landlord", heading=("Lease + landlord", "repairs")).breadcrumb == [
        "Lease + landlord", "repairs"]
    assert _hit(title="Women", heading=("Women's 4x", "Crew")).breadcrumb == ["Women", "Women's 4x", "Crew"]
    # ... and a first heading that says a dated file name's words and its day written out (trial s63 L: "2026-12-12
    # Hollow Rooks Xmas show Academy 2 > Hollow Rooks – Xmas show – Academy 2 – Sat 12 Dec 2026 > To do")
    assert _hit(title="2026-12-12 Hollow Rooks Xmas show Academy 2",
                heading=("Hollow Rooks – Xmas show – Academy 2 – Sat 12 Dec 2026", "To do")).breadcrumb == [
        "2026-12-12 Hollow Rooks Xmas show Academy 2", "To do"]
    assert _hit(title="2026-12-12 Hollow Rooks", heading=("Hollow Rooks – Xmas show", "To do")).breadcrumb == [
        "2026-12-12 Hollow Rooks", "Hollow Rooks – Xmas show", "To do"]
    # ... or the title with "&" for "and" and an aside (trial s63 W: "Fees and terms > Fees & terms (2026) > Sales")
    assert _hit(title="Fees and terms", heading=("Fees & terms (2026)", "Sales")).breadcrumb == [
        "Fees & terms (2026)", "Sales"]
    # a part that begins like the one before but in the middle of a word is another word
    assert _hit(title="Cellar", heading=("Cell",)).breadcrumb == ["Cellar", "Cell"]
    # a section named like the start of the title is a section of its own, not the title shortened
    assert _hit(title="Tools vs Solutions", heading=("Tools",)).breadcrumb == ["Tools vs Solutions", "Tools"]
    # ... but a first heading that is what the title says after a dash or a colon is the title again (trial s61 XA:
    # "Runbook - Update Proxmox > Update Proxmox > If it goes wrong")
    assert _hit(title="Runbook - Update Proxmox", heading=("Update Proxmox", "If it goes wrong")).breadcrumb == [
        "Runbook - Update Proxmox", "If it goes wrong"]
    assert _hit(title="Runbook - Update Proxmox", heading=("Steps",)).breadcrumb == ["Runbook - Update Proxmox", "Steps"]
    # ... a month written short in one of them (trial s65 U: "Rota - Dec 2026 > Rota – December 2026")
    assert _hit(title="Rota - Dec 2026", heading=("Rota – December 2026", "Xmas")).breadcrumb == ["Rota - Dec 2026",
                                                                                                "Xmas"]
    # ... but a title of one word is no name a section's heading says more fully (trial s65 M: "Prices" had gone)
    assert _hit(title="Prices", heading=("Full groom prices (from 2 Feb 2026)",)).breadcrumb == [
        "Prices", "Full groom prices (from 2 Feb 2026)"]
    # ... or after the day or month it opens with (trial s65 F: "2026-12 Mrs J.H > Mrs J.H > Paperwork")
    assert _hit(title="2026-12 Mrs J.H", heading=("Mrs J.H", "Paperwork")).breadcrumb == ["2026-12 Mrs J.H", "Paperwork"]
    assert _hit(title="2026-11-27 Standup", heading=("Standup notes",)).breadcrumb == ["2026-11-27 Standup",
                                                                                       "Standup notes"]
    assert _hit(title="Languages", heading=("C", "C++")).breadcrumb == ["Languages", "C", "C++"]
    assert _hit(title="Languages", heading=("C#", "C")).breadcrumb == ["Languages", "C#", "C"]
    assert _hit(title="Smile 5 Home Battery", heading=("Smile 5", "UPS")).breadcrumb == [
        "Smile 5 Home Battery", "Smile 5", "UPS"]
    # ... and a first heading that is the title, then a dash and more, names the note more fully (trial s62 C: "santas
    # grotto > Santa's grotto - how we do it > Presents"); the same words as written there, not the file's name
    assert _hit(title="santas grotto", heading=("Santa's grotto - how we do it", "Presents")).breadcrumb == [
        "Santa's grotto - how we do it", "Presents"]
    assert _hit(title="gift aid and matched funding", heading=("Gift Aid & matched funding", "Gift aid")).breadcrumb \
        == ["Gift Aid & matched funding", "Gift aid"]
    assert _hit(title="Python", heading=("Python packaging",)).breadcrumb == ["Python", "Python packaging"]
    # ... as does a daily note's first heading that is its day and more (trial s68 W: "2026-10-31 > 2026-10-31 Sat –
    # Halloween"); a heading of the day in other words is its own part
    assert _hit(title="2026-10-31", heading=("2026-10-31 Sat – Halloween", "Tours")).breadcrumb == [
        "2026-10-31 Sat – Halloween", "Tours"]
    assert _hit(title="2026-02-14", heading=("Sat 14 Feb – Valentine's",)).breadcrumb == [
        "2026-02-14", "Sat 14 Feb – Valentine's"]


def test_a_heading_that_is_the_title_after_its_authors_shows_once():
    h = _hit(title="ColBERT: Late Interaction", heading=("Khattab & Zaharia 2020 — ColBERT: Late Interaction", "Results"))
    assert h.breadcrumb == ["Khattab & Zaharia 2020 — ColBERT: Late Interaction", "Results"]
    # its first word again inside a later word ("metamemory") is no start of it
    title = "Memory and metamemory considerations"
    assert _hit(title=title, heading=(f"Bjork 1994 — {title}",)).breadcrumb == [f"Bjork 1994 — {title}"]
    # a heading that only shares words with the title is its own part
    assert _hit(title="Advisor meeting 2026-10-05", heading=("Weekly meeting — 2026-10-05",)).breadcrumb == [
        "Advisor meeting 2026-10-05", "Weekly meeting — 2026-10-05"]


def test_breadcrumb_drops_empty_parts_and_names_a_folder_first():
    h = _hit(folder="work", title="Plan", heading=("", " ", "Goals"), parents=("Goals ",))
    assert h.breadcrumb == ["work", "Plan", "Goals"]
    assert h.to_dict()["breadcrumb"] == h.breadcrumb


def test_weak_hits_are_the_ones_whose_best_is_below_the_weak_score():
    from notesqa.hits import WEAK_SCORE, weak

    assert not weak([])
    assert weak([_hit_scored(WEAK_SCORE - 0.01), _hit_scored(WEAK_SCORE - 0.02)])
    assert not weak([_hit_scored(WEAK_SCORE), _hit_scored(0.0)])
    # a hit from the day the question names ("what did I do yesterday?") is the answer, not a weak one
    from notesqa.ranking import Explanation
    of_the_day = dataclasses.replace(_hit_scored(0.1), explain=Explanation(1, 0.1, None, 0.0, 0.1, day_match=True))
    assert not weak([of_the_day, _hit_scored(0.05)])
    # ... as is the note the question is all the name or ID of ("202103151022")
    named = dataclasses.replace(_hit_scored(0.1), explain=Explanation(1, 0.1, None, 0.0, 0.1, name_match=1.0))
    assert not weak([named, _hit_scored(0.05)])
    assert weak([dataclasses.replace(named, explain=Explanation(1, 0.1, None, 0.0, 0.1, name_match=0.5))])
    # no hit holding a word of the question ("shuffle sharding" where no note says either): weak up to 0.5
    from notesqa.hits import WEAK_NO_WORDS

    def scored(score, keyword):
        return dataclasses.replace(_hit_scored(score), match_score=score,
                                   explain=Explanation(1, score, 1 if keyword else None, keyword, score))
    assert weak([scored(0.41, 0.0), scored(0.40, 0.0)]) and not weak([scored(0.41, 2.5), scored(0.40, 0.0)])
    assert not weak([scored(WEAK_NO_WORDS, 0.0)])


def _hit_scored(score: float) -> Hit:
    return Hit(text="x", path="a.md", line=1, heading=(), score=score)


def test_a_long_or_many_line_parent_shows_its_first_line_in_the_breadcrumb():
    release = "Dec 2nd, 2022\nBeta 0.8.12\nDesktop app and Android App download link: https://github.com/logseq/logseq"
    assert _hit(title="Changelog", parents=(release,)).breadcrumb == ["Changelog", "Dec 2nd, 2022"]
    long = "When you want to change the direction of a large organisation there are only a few levers " * 2
    crumb = _hit(title="VP Moves", parents=(long,)).breadcrumb[1]
    assert crumb == "When you want to change the direction of a large organisation there are only a …"
    assert _hit(title="T", parents=("\n  \n",)).breadcrumb == ["T"]
    # ... a Logseq task's day set for it, its line folded into the parent's, is not where the hit is (trial s74 A)
    task = "TODO Finish the pre-course e-learning modules (6 of them) DEADLINE: <2027-01-27 Wed>"
    assert _hit(title="courses/APLS", parents=(task,)).breadcrumb == [
        "courses/APLS", "TODO Finish the pre-course e-learning modules (6 of them)"]
    # a code span's backticks are no part of the path (trial s36b)
    assert _hit(title="T", parents=("Tracked in Splitwise (`trip.csv`)",)).breadcrumb == ["T", "Tracked in Splitwise (trip.csv)"]
    # a parent's #tags are the note's tags, not where the hit is; a tag alone stays
    tags = ("pests/aphids", "pests", "big project", "finance", "inbox")
    assert _hit(title="Garden", parents=("Aphids on the broad beans #pests/aphids",), tags=tags).breadcrumb == [
        "Garden", "Aphids on the broad beans"]
    assert _hit(title="T", parents=("#1 priority",), tags=tags).breadcrumb == ["T", "#1 priority"]
    assert _hit(title="T", parents=("#inbox",), tags=tags).breadcrumb == ["T", "#inbox"]
    # a Logseq #[[big project]] shows as "#big project"; a tag in brackets leaves no empty brackets
    assert _hit(title="Work", parents=("Launch plan #big project",), tags=tags).breadcrumb == ["Work", "Launch plan"]
    assert _hit(title="Work", parents=("Budget (#finance)",), tags=tags).breadcrumb == ["Work", "Budget"]
    assert _hit(title="Work", parents=("Budget C#finance",), tags=tags).breadcrumb == ["Work", "Budget C#finance"]
    assert _hit(title="Work", parents=("Call init() before use",), tags=tags).breadcrumb == [
        "Work", "Call init() before use"]  # brackets that held no tag stay


def test_a_last_parent_the_hit_opens_with_is_left_to_the_text():
    # code inside a Logseq block, after the block's line that introduces it
    parents = ("Alternatively, you can add it in config.edn", "Add your favorite date-formatter to config.edn:")
    h = _hit(title="Journal format", parents=parents)
    assert h.breadcrumb[-1] == "Add your favorite date-formatter to config.edn:"
    h = Hit(text="Add your favorite date-formatter to config.edn:\n:journal/page-title-format", path="a.md", line=5,
            heading=(), score=1.0, title="Journal format", parents=parents)
    assert h.breadcrumb == ["Journal format", "Alternatively, you can add it in config.edn"]
    # a child that only begins with its parent's words keeps the parent: "Go" > "Good practice: ..."
    h = Hit(text="Good practice: run gofmt", path="a.md", line=2, heading=(), score=1.0, title="Lang", parents=("Go",))
    assert h.breadcrumb == ["Lang", "Go"]
    cut = "When you want to change the direction of a large organisation there are only a few levers " * 2
    h = Hit(text=cut, path="a.md", line=2, heading=(), score=1.0, title="VP", parents=(cut,))
    assert h.breadcrumb == ["VP"]  # a long parent cut short in the crumb, which the text opens with


def test_the_days_read_of_a_question_that_names_no_year_are_said_over_hits_of_them():
    # trials s64 A, D: "what did i do last week" had shown one journal of 24 November, not which week it was read as
    from datetime import date, timedelta

    from notesqa.hits import notice
    from notesqa.ranking import Explanation

    def scored(score, day=False):
        return dataclasses.replace(_hit_scored(score), match_score=score,
                                   explain=Explanation(1, score, 1, 2.0, score, day_match=day))
    monday = date.today() - timedelta(days=date.today().weekday() + 7)
    said = notice([scored(0.6, day=True)], "what did i do last week")
    assert said == f"Dated from {monday} to {monday + timedelta(days=6)}:"
    assert notice([scored(0.6, day=True)], "whats due next week").startswith("Due from ")
    # ... and nothing due then, said so over what was written then (trial s76 M: "Due from ...:" over tasks due later)
    assert notice([scored(0.6, day=True)], "whats due next week", tasks=0).startswith("Nothing in your notes is due from ")
    # ... not of a day the question writes whole, nor over a first hit of no day asked (others_from's line says it)
    assert notice([scored(0.6, day=True)], "what did I do on 2026-12-04?") is None
    assert notice([scored(0.6, day=True)], "what did I do in June 2019?") is None
    assert notice([scored(0.6), scored(0.5, day=True)], "what did i do last week") is None
    assert notice([scored(0.6, day=True)], "what did i do last week", days_read=False) is None
    assert notice([scored(0.6, day=True)], "what's overdue?") is None


def test_a_day_asked_that_no_hit_is_of_is_said():
    from notesqa.hits import WEAK_MATCH, notice
    from notesqa.ranking import Explanation

    def scored(score, day=False):
        return dataclasses.replace(_hit_scored(score), match_score=score,
                                   explain=Explanation(1, score, 1, 2.0, score, day_match=day))
    assert notice([scored(0.6)], "what is due on 2026-12-07?") == \
        "Nothing in your notes is dated on 2026-12-07, nor set for then; the nearest passages:"
    assert notice([scored(0.6)], "what's overdue?") == "No open task in your notes is overdue; the nearest passages:"
    # some notes are of that day, but none of their passages is a hit: not "nothing is dated" (trial U)
    assert notice([scored(0.6)], "what is due on 2026-12-07?", dated_then=True) == \
        "Nothing dated on 2026-12-07 matches the question closely; the nearest passages:"
    assert notice([scored(0.6), scored(0.2, day=True)], "what is due on 2026-12-07?") is None
    assert notice([scored(0.6)], "after:2024-01-01 cells") is None  # a filter's date is no day asked
    # a day either order of whose numbers may be meant is said, not searched as no day without a word (trial s48)
    assert notice([scored(0.6)], "what did i do on 6/4/2024") == ("“6/4/2024” may be 6 April or 4 June; write it as "
                                                                  "2024-04-06 or 2024-06-04 to search that day; the "
                                                                  "nearest passages:")
    assert notice([scored(0.6)], "what did i do on 13/4/2024").startswith("Nothing in your notes is dated on 2024-04-13")
    # the month is a word of what was asked when the best hit says it: no "nothing dated" over a right answer
    january = dataclasses.replace(scored(0.6), text="Month: January | Book: The Overstory | Host: Helen")
    assert notice([january], "who hosts book group in January?") is None
    # ... unless it is a weak match: then what is dated then is said (trial s74 F: "what's on this saturday" had read
    # only "Nothing in your notes matches this closely" over a weekly "Saturday — Tobacco Factory market")
    # (... but one of every such weekday as the day asked answers it: trial s74 M's "Sat 09:15, small pool")
    every = dataclasses.replace(scored(0.6), explain=Explanation(1, 0.6, 1, 2.0, 0.6, weekly=True))
    assert notice([every], "what time is swimming on saturday 9 january 2027") is None
    weekly = dataclasses.replace(scored(0.1), text="Saturday — Tobacco Factory market, 10-2")
    assert notice([weekly], "what's on saturday 9 january 2027?").startswith("Nothing in your notes is dated on 2027-01-09")
    assert notice([scored(0.6)], "who hosts book group in January?").startswith("Nothing in your notes is dated")
    # ... or a season, or a month shortened, in one of the first hits (trial s33: generic gardening questions)
    winter = dataclasses.replace(scored(0.5), text="Prune in summer ONLY (silver leaf risk in winter)")
    # ("when should I prune ... in winter?" asks when to, no period: session 66's periods._ADVICE)
    assert notice([scored(0.6), winter], "apple tree pruning jobs this winter") is None
    assert notice([scored(0.6), scored(0.6), scored(0.6), winter], "apple tree pruning jobs this winter") \
        .startswith("Nothing in your notes is dated")  # (not among the first three)
    # ... or the holiday it names, in its title or headings too (trials s79 E, J, U, W: "Nothing dated on 2027-11-05
    # matches the question closely" over "Fri 5 Nov. Options:" of "# Bonfire night")
    bonfire = dataclasses.replace(scored(0.6), text="Fri 5 Nov. Options:", title="Bonfire night 2027")
    assert notice([bonfire], "when is bonfire night") is None
    xmas = dataclasses.replace(scored(0.6), text="Closed 25th, 26th", heading=("Christmas opening",))
    assert notice([xmas], "which days are we shut over xmas") is None
    assert notice([scored(0.6)], "when is bonfire night").startswith("Nothing in your notes is dated")
    feb = dataclasses.replace(scored(0.5), text="crop: Chillies | sow: Feb | where: windowsill")
    assert notice([feb], "what do I sow in February?") is None
    mar = dataclasses.replace(scored(0.5), text="crop: Leeks | sow: Mar | where: seed tray")
    assert notice([mar], "what do I sow in March?") is None
    # "fall" and "spring" are words as often as seasons: "Prices fall", "Spring Boot 3"
    falls = dataclasses.replace(scored(0.5), text="Prices fall when the new model ships")
    assert notice([falls], "what did I buy last fall?").startswith("Nothing in your notes is dated")
    # ... nor "may" or "march" as verbs; and a question about what happened then is not answered by a plan for it
    verb = dataclasses.replace(scored(0.5), text="It may rain, so the band will march indoors")
    assert notice([verb], "what's on in May?").startswith("Nothing in your notes is dated")
    plan = dataclasses.replace(scored(0.5), text="Booked the lake house for August")
    assert notice([plan], "what did I do in August?").startswith("Nothing in your notes is dated")
    assert notice([plan], "where is the lake house in August?") is None
    assert notice([scored(0.1)], "cells") == WEAK_MATCH and notice([], "what's overdue?") is None
    assert notice([scored(0.1)], "cells", words_said=True) is None  # the first hit says the one word asked
    # a rare word of the question no note says: the hits are about something else, however close
    assert notice([scored(0.9)], "side effects of tacrolimus", ["tacrolimus"]) == \
        "No note mentions “tacrolimus”; the nearest passages:"
    assert notice([], "side effects of tacrolimus", ["tacrolimus"]) is None
    # more tasks overdue than the hits show: how many
    # (and how many of them the hits show, and priority only where one has one: trial s63 G had read "6 open tasks are
    # due ...; the highest priority and the earliest first:" over five tasks of no priority)
    late = [dataclasses.replace(scored(0.6, day=True), text="☐ renew insurance ⏫"), scored(0.5, day=True)]
    assert notice(late, "what's overdue?", tasks=11) == \
        "11 open tasks are overdue, 2 of them here; the highest priority and the longest overdue first:"
    assert notice(late, "what's overdue?", tasks=2) is None
    # ... or due then (trial B: "what's due this week?" showed 5 of 14 and did not say so)
    assert notice(late, "what's due on 2026-12-04?", tasks=14) == \
        "14 things are due on 2026-12-04, 2 of them here; the highest priority and the earliest first:"
    assert notice(late[1:], "what's due on 2026-12-04?", tasks=14) == \
        "14 things are due on 2026-12-04, 1 of them here; the earliest first:"
    # ... those due before those only scheduled, where both are shown (ranking._listed_first: trial s80 Y-09)
    both = [dataclasses.replace(scored(0.6, day=True), text="TODO report\nDEADLINE: <2026-12-04 Fri>"),
            dataclasses.replace(scored(0.5, day=True), text="TODO ring\nSCHEDULED: <2026-12-04 Fri>")]
    assert notice(both, "what's due on 2026-12-04?", tasks=14) == "14 things are due on 2026-12-04, 2 of them here; " \
        "those due first, then those only scheduled, the earliest first:"
    # ... where some of them only scheduled come after the hits shown too (trials s81 D, P, M: "the earliest first" over
    # tasks due the 20th, those scheduled the 13th below -k 5)
    assert notice(both[:1], "what's due on 2026-12-04?", tasks=14, both_kinds=True) == "14 things are due on " \
        "2026-12-04, 1 of them here; those due first, then those only scheduled, the earliest first:"
    assert notice(both, "what's due on 2026-12-04?", tasks=14, both_kinds=False).endswith("; the earliest first:")
    assert notice(late, "what is due on December 4?", tasks=9).startswith("9 things are due on December 4,")
    assert notice(late, "what's due on 2026-12-04 for the SSO launch?", tasks=3) == \
        "3 things are due on 2026-12-04, 2 of them here; those closest to the question first:"


def test_hits_after_those_of_the_days_asked_are_said_to_be_others():
    from notesqa.hits import others_from
    from notesqa.ranking import Explanation

    def scored(score, day=False):
        return dataclasses.replace(_hit_scored(score), match_score=score,
                                   explain=Explanation(1, score, 1, 2.0, score, day_match=day))
    day, other = scored(0.7, day=True), scored(0.6)
    assert others_from([day, day, other, other], "what is due on 2026-12-07?") == \
        (2, "Not due on 2026-12-07, but near the question:")
    assert others_from([day, other], "what's overdue?") == (1, "Not overdue, but near the question:")
    assert others_from([day, other], "what did i write on 2026-12-07?") == \
        (1, "Not dated on 2026-12-07, but near the question:")  # (of a question for what is due: "not due", s51)
    # days apart are said apart ("last Thursday" said on a Friday: yesterday or the week before's)
    assert others_from([day, other], "what did i write on 2026-11-26 or 2026-12-03?") == \
        (1, "Not dated on 2026-11-26 or on 2026-12-03, but near the question:")
    assert others_from([day, other], "what did i write between 2026-11-02 and 2026-11-04?") == \
        (1, "Not dated from 2026-11-02 to 2026-11-04, but near the question:")
    # ... of one of them dated then, set apart as far from the question, no "Not dated" (trial s89 E)
    dated = dataclasses.replace(other, date="2026-12-07")
    assert others_from([day, dated], "what did i write on 2026-12-07?") == (1, "Other passages near the question:")
    # all of the days, none of them (notice says so), or a question about no day: nothing to say
    for hits, q in (([day, day], "what is due on 2026-12-07?"), ([other, day], "what is due on 2026-12-07?"),
                    ([day, other], "cells")):
        assert others_from(hits, q) is None


def test_the_row_a_front_end_marks_is_where_the_match_starts_after_other_lines():
    text = "With Priya and Sofi on video.\n- Priya wants dashboards\n- [x] Sofi proposed a survival model\n  it ran"
    hit = _hit(text=text, match="Sofi proposed a survival model\nit ran", match_line=10)
    assert hit.match_row == 2
    steps = _hit(text="1. Preheat\n2. Knead\n3. Bake at 220", match="Bake at 220", match_line=5)
    assert steps.match_row == 2
    # not marked: the match is what is shown first, or not on a line of its own (a paragraph's later sentences)
    assert _hit(text=text, match="With Priya and Sofi on video.").match_row is None
    assert _hit(text="One. Two.", match="Two.", match_line=4).match_row is None
    # the line that is all of it, then the one nearest its place in the note (the review: the first that started so)
    calls = _hit(text="Call list:\n- Call Ana about the lease renewal\n- Call Ana", match="Call Ana", match_line=5)
    assert calls.match_row == 2
    salt = _hit(text="Spices\n- salt\n- pepper\n- salt", match="salt", match_line=6)
    assert salt.match_row == 3
    # a line that says it only inside other words is not it
    assert _hit(text="Lead\n- not Bake at 220", match="Bake at 220", match_line=5).match_row is None


def test_words_said_missing_are_quoted_short():
    from notesqa.hits import quoted_words

    # trial s38: a 5,000-letter word had been quoted whole above the hits
    assert quoted_words(["staging", "x" * 5000, "kafka", "more"]) == f"“staging” or “{'x' * 79}…” or “kafka”"


def test_a_step_a_hit_opens_with_is_not_said_again_in_its_breadcrumb():
    # trial s47 and the review: a step with a `code span` or a #tag, over its code, had been said again as its parent
    step = "Restart `pgbouncer` #ops:"
    hit = Hit(f"2. {step}\nkubectl rollout restart deploy/pgbouncer", "f.md", 6, ("Steps",), 0.9, title="Failover",
              parents=(step,), tags=("ops",))
    assert hit.breadcrumb == ["Failover", "Steps"]
    other = Hit("Check the primary first.", "f.md", 5, ("Steps",), 0.9, title="Failover", parents=(step,), tags=("ops",))
    assert other.breadcrumb[-1].startswith("Restart pgbouncer")  # a child of the step keeps it


def test_a_hits_code_is_cut_where_it_is_shown_not_at_a_line_of_prose_that_says_the_same():
    # the s50 review: a note opening with the prose line "kubectl get pods -A" and the same command in a code block
    # later in the hit had fenced the prose line and shown the code as text
    hit = Hit("kubectl get pods -A\nwhen a pod crashloops, run:\nkubectl get pods -A", "k8s.md", 1, (), 0.5,
              code="kubectl get pods -A", code_lang="sh", codes=(("kubectl get pods -A", "sh", 2),))
    assert [(kind, text, row) for kind, text, _, row in hit.pieces()] == [
        ("text", "kubectl get pods -A\nwhen a pod crashloops, run:", 0), ("code", "kubectl get pods -A", 2)]
    # ... and without the row (a Hit made elsewhere): the first that stands on lines of its own, as before
    plain = Hit("run:\nls -la\nthen ls -la again", "a.md", 1, (), 0.5, code="ls -la")
    assert [kind for kind, *_ in plain.pieces()] == ["text", "code", "text"]


def test_the_day_a_hit_is_of_is_said_when_nothing_shown_with_it_says_it():
    # trial s53: "when did we play the fort vellin session" had shown the session's fields, never its "date:"
    from notesqa.hits import unsaid_day

    assert unsaid_day(_hit(text="session: 12", title="Session 12", date="2026-08-28")) == "2026-08-28"
    assert unsaid_day(_hit(text="x", title="Dec 1st, 2026", date="2026-12-01")) is None  # its title says it
    assert unsaid_day(_hit(text="x", heading=("2026-12-01",), date="2026-12-01")) is None
    assert unsaid_day(dataclasses.replace(_hit(text="x", date="2023-12-11"), path="2023-12-11-aws-2023.md")) is None
    for name in ("Daily/20260828.md", "Daily/28.08.2026.md"):  # (as a daily note's name is read: the review)
        assert unsaid_day(dataclasses.replace(_hit(text="x", date="2026-08-28"), path=name)) is None, name
    assert unsaid_day(_hit(text="signed 28 August 2026", date="2026-08-28")) is None  # its text does
    assert unsaid_day(_hit(text="x")) is None and unsaid_day(_hit(text="x", date="2026-08")) is None  # a month's note
    assert unsaid_day(_hit(text="x", date="2026-08-28", origin="b.md:3")) is None  # embedded: the other note's
    # a row of a month, dated its first day, says its month (trial s57 LD: "dated 2026-03-01" for "2026-03 | ASI220MM");
    # a day in numbers either way round says it (trial s57 LC: "01/04/25" had been shown "dated 2025-04-01")
    for text in ("month: 2026-03 | item: ASI220MM", "Mar 2026: filter wheel", "bought March 2026"):
        assert unsaid_day(_hit(text=text, date="2026-03-01")) is None, text
    assert unsaid_day(_hit(text="date: 01/04/25 | elec: 45123", date="2025-04-01")) is None
    assert unsaid_day(_hit(text="2026-03-15 filter wheel", date="2026-03-01")) == "2026-03-01"  # another day
    assert unsaid_day(_hit(text="date: 02/04/25", date="2025-04-01")) == "2025-04-01"
    # ... and a heading of a month's name alone in a note its title gives the year of (trial s62 G: "Notes 2025 > Jul"
    # > "ordained deacon 29 June" had been shown "dated 2025-07-01")
    deacon = _hit(text="ordained deacon 29 June", title="Notes 2025", heading=("Jul",), date="2025-07-01")
    assert unsaid_day(deacon) is None
    assert unsaid_day(_hit(text="x", title="Notes 2025", heading=("Jun",), date="2025-07-01")) == "2025-07-01"
    assert unsaid_day(_hit(text="x", title="Notes", heading=("Jul",), date="2025-07-01")) == "2025-07-01"  # no year
    # ... and a table row whose first cell is a month's name alone, in a note its title gives the year of (trial s67 B:
    # "Month: Jan | Takings: £14,820" of "Takings 2026" had been shown "dated 2026-01-01")
    takings = dataclasses.replace(_hit(text="Month: Jan | Takings: £14,820", date="2026-01-01"), path="Takings 2026.md")
    assert unsaid_day(takings) is None
    assert unsaid_day(dataclasses.replace(takings, text="Month: Feb | Takings: £16,950")) == "2026-01-01"
    assert unsaid_day(dataclasses.replace(takings, text="Note: Jan | Takings: £9", path="Takings.md")) == "2026-01-01"
