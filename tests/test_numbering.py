"""The things a question or a heading numbers (numbering.py)."""

from notesqa.numbering import numbered_as, numbers_asked, numbers_named


def test_a_heading_numbers_the_words_before_its_number():
    assert numbers_named("MMM visit 2 - MDHB records") == {("mmm", "2"), ("visit", "2")}
    assert ("arsenic", "1") in numbers_named("Production meeting - Arsenic #1")
    # a day's, a version's, a year's, a share's number numbers nothing
    for text in ("Nov 17th, 2026", "Release 2.1", "visit 2/3 done", "Budget 2026", "up 5%", "next prod meeting 1 Dec",
                 "v8 vs istanbul", "Q3 goals"):
        assert numbers_named(text) == set(), text


def test_a_question_numbers_by_ordinals_and_numbers_but_not_by_counts():
    # trial s58 PD-020, OB-016: near-duplicate visits and meetings numbered 1, 2, 3
    assert ("visit", "2") in numbers_asked("which boxes were useful on the second maritime museum visit?")
    assert ("meet", "1") in numbers_asked("first Arsenic prod meeting - what did we decide?")
    assert numbers_asked("what did I find on the 3rd visit") == {("visit", "3")}
    assert numbers_asked("what was in visit 2?") == {("visit", "2")}
    assert ("meet", "2") in numbers_asked("notes from meeting #2 about the set")  # "#2": a thing's number
    assert numbers_asked("how many visits in 2 weeks?") == set()  # a count of weeks
    assert numbers_asked("what happened in march") == set()


def test_a_passage_is_numbered_as_asked_otherwise_or_not_at_all():
    asked = numbers_asked("the second museum visit")
    assert numbered_as(numbers_named("MMM visit 2"), asked) == 1
    assert numbered_as(numbers_named("MMM visit 1 — 14/3/25"), asked) == -1
    assert numbered_as(numbers_named("Chapter 3"), asked) == 0  # numbers another thing
    assert numbered_as(frozenset(), asked) == 0


def test_a_capital_letter_alone_after_words_names_a_thing_as_a_number_does():
    # trial s70 A HM-040: "proposed zone a rate 2027" had found the "Zone B per m" row before the "Zone A per m" one
    asked = numbers_asked("proposed zone a rate 2027")
    assert ("zone", "a") in asked
    assert numbered_as(numbers_named("Item: Zone A per m | 2027: £71.25"), asked) == 1
    assert numbered_as(numbers_named("Item: Zone B per m | 2027: £54.10"), asked) == -1
    assert ("plan", "b") in numbers_asked("is plan B still on") and ("vitamin", "d") in numbers_named("Vitamin D.")
    # a note's letter alone in lower case, the pronoun "I", an abbreviation's letters name nothing
    for text in ("then I went", "zone a and b", "A.B. test", "a cup of tea"):
        assert numbers_named(text) == set(), text
    assert numbers_asked("what did i do") == set()


def test_a_time_of_day_numbers_no_thing():
    # trial s88 J: "how much was the fan for surg 3" had put "Surgery 3" > "the pedestal fan died at 11" as numbered
    # otherwise (a fan 11: a time), the new fan's price under it 6th; a word written short is no other word (the
    # review: "term 2" is no "Terminal 2")
    asked = numbers_asked("how much was the fan for surg 3")
    assert numbered_as(numbers_named("Surgery 3\nthe pedestal fan died at 11"), asked) == 0
    assert numbers_named("the pedestal fan died at 11") == numbers_named("meeting at 3") == set()
    assert numbered_as(numbers_named("Terminal 2"), numbers_asked("what do i need for term 2")) == 0
    assert numbers_asked("why are secondary indexes capped at 20") == {("cap", "20"), ("index", "20")}  # (no hour)
