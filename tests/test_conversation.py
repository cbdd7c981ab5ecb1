"""Follow-up questions (notesqa.conversation): which are follow-ups, and what is searched for them."""

from __future__ import annotations

import pytest

from notesqa.conversation import asks_for_more, followup_kind, is_followup, standalone


@pytest.mark.parametrize("previous, question, expected", [
    ("what did Werner say about cells in 2024", "and in 2023?", "what did Werner say about cells in 2023"),
    ("Werner keynote 2024", "and in 2023?", "Werner keynote in 2023"),
    ("what did Werner say about cells", "what else about cells?", "what did Werner say about cells"),
    ("sourdough tag:cooking", "and the oven?", "sourdough the oven tag:cooking"),
    ("sourdough tag:cooking", "and tag:baking", "sourdough tag:baking"),
    ("shuffle sharding", "how do I bake sourdough bread at home?", "how do I bake sourdough bread at home?"),
    (None, "and in 2023?", "and in 2023?"),
    # a year after a day counted from today is that year, not "next week" of it (trial s38); a month keeps its place
    ("what is due next week?", "and in 2022?", "what is due in 2022"),
    ("what did I do last month?", "and in 2021?", "what did I do in 2021"),
    ("what did I do in March?", "and in 2022?", "what did I do in March 2022"),
    ("what did I do on 2025-03-14?", "and in 2022?", "what did I do on 2022-03-14"),  # (the review: "on -03-14")
    # a year counted from today gives its place to the follow-up's year, and the reverse (the s42 chat trial: both)
    ("what did I do last year?", "and in 2026?", "what did I do in 2026"),
    ("what did I do in 2025?", "and last year?", "what did I do last year"),
    # the same question with its "not" turned, in the same period (the s42 chat trial: "... in week 38 did not go")
    ("what went well in week 38?", "and what did not go well?", "what did not go well in week 38"),
    ("what went well in 2025?", "and what didn’t go well?", "what didn’t go well in 2025"),
    ("what didn't go well last week?", "and what went well?", "what went well last week"),
    # ... keeping what the previous question was about, and its period as written (the review)
    ("what went well with the Helios launch in week 38?", "and what did not go well?",
     "what did not go well with the Helios launch in week 38"),
    ("what went well in the week of 10 February 2025?", "and what didn't go well?",
     "what didn't go well in the week of 10 February 2025"),
    ("what worked in the sprint?", "and what did not work?", "what did not work in the sprint"),
    # a follow-up of only its "not": the previous question turned (s43's left-overs: "... in the sprint didn't")
    ("what went well in the sprint?", "and what didn't?", "what did not go well in the sprint"),
    ("what worked in the migration?", "what didnt", "what did not work in the migration"),
    ("what was good about the offsite?", "and what wasn’t?", "what was not good about the offsite"),
    ("what did we like about Berlin?", "and what did not?", "what did we not like about Berlin"),
    ("what helps with sleep?", "and what doesn't?", "what does not help with sleep"),
    ("who came to the party?", "and who didn't?", "who did not come to the party"),
    ("what went well tag:work", "and what didn't?", "what did not go well tag:work"),
    ("what surprised you in Lisbon?", "and what didn't?", "what surprised you in Lisbon didn't"),  # (a verb not known)
    # ... after a modal or a name, "not" after who does it; another question word asks another thing (the review)
    ("what can we cut from the roadmap?", "and what can't?", "what can we not cut from the roadmap"),
    ("what did Tom say about the launch?", "and what didn't?", "what did Tom not say about the launch"),
    ("what went well in the sprint?", "and who didn't?", "what went well in the sprint who didn't"),
    # a question of other words is not that: its words join the previous question's as before
    ("what hotel did I book in Lisbon?", "and what was not included?",
     "what hotel did I book in Lisbon was not included"),
    # words in quotes alone are a search of their own (trial s38: searched as 'Pythonic "shuffle sharding"')
    ("Pythonic", '"shuffle sharding"', '"shuffle sharding"'),
    ("Pythonic", '"shuffle sharding" tag:aws', '"shuffle sharding" tag:aws'),
    ("what did Werner say", 'and "shuffle sharding"?', 'what did Werner say "shuffle sharding"'),
])
def test_standalone(previous, question, expected):
    assert standalone(question, previous) == expected


def test_a_followup_that_adds_a_thing():
    from notesqa.conversation import adds_a_thing

    for q in ("and the worker?", "what about staging?", "And how about the oven?"):
        assert adds_a_thing(q), q
    for q in ("and on Linux?", "what about it?", "what else?", "and in 2023?", "and what did Tom say?",
              "and yesterday?", "sourdough"):
        assert not adds_a_thing(q), q


def test_followup_detection():
    assert is_followup("and in 2023?") and is_followup("what about cells") and is_followup("cells?")
    assert [followup_kind(q) for q in ("and in 2023?", "in 2023?", "2023", "the oven?", "tag:work",
                                       "cells?", "postgres vacuum", "after:2024-01-01 replication",
                                       "what is the capital of France?")] == \
        ["sure", "sure", "sure", "sure", "sure", "maybe", "maybe", "maybe", None]
    assert not is_followup("how do I bake sourdough bread at home?")
    # "the" and a thing of two words names a thing of its own as well (trial s46: "the retry flag" had been told it
    # was searched without the question before)
    assert followup_kind("the retry flag") == followup_kind("the outbox ADR") == "maybe"
    assert followup_kind("the other one?") == followup_kind("the next step?") == "sure"  # they point back (the review)
    assert followup_kind("the first amendment") == followup_kind("the one ring") == "maybe"  # (the second review)
    # a time of its own and a thing asked of then is a question of its own, maybe; "this week?" alone leans on the one
    # before (trials s67 Q, S: "this week rota", a first question, had been said to be read without the one before it)
    assert followup_kind("this week rota") == followup_kind("this month takings") == "maybe"
    assert followup_kind("this week?") == followup_kind("that one") == "sure"
    # a short question that ends on "the <thing>" may ask about the previous question's (trial s39: "how much was the
    # train?" after Lisbon's day trips had been searched alone): both tried
    assert followup_kind("how much was the train") == "maybe" and followup_kind("who owns the fix?") == "maybe"
    assert followup_kind("how do I reset the router") is None  # six words: a question of its own
    # a short question about "it" asks about the previous question's subject (trial s38)
    assert followup_kind("how do I prevent it?") == "sure" and followup_kind("what did they decide?") == "sure"
    assert standalone("how do I prevent it?", "what is a deadlock?") == "what is a deadlock how do I prevent it"
    assert followup_kind("how do I install it on a Raspberry Pi 4 at home?") is None  # long: its own question
    assert followup_kind("keiths fix-it sessions page") is None  # ("it" in a compound: trial s65 P)
    # ... but not "it" after a thing the question names before its question word (trial s47)
    assert followup_kind("epimax how do we use it") is None and followup_kind("the boiler, how do I reset it") is None
    assert followup_kind("so how do we use it?") == followup_kind("ok where is it?") == "sure"
    for q in ("where is it and why", "tell me how to fix it", "can you say where it is", "thanks, how do I install it?",
              "yeah how do i fix it", "cool, where is it?", "alright how do I reset it", "any idea how to fix it"):
        assert followup_kind(q) == "sure", q
    assert followup_kind("number for it support?") is None  # (IT's, after no verb: the second review)  # (the review)
    for q in ("boiler, how do I reset it", "docker, how do I restart it?", "python how do I install it"):
        assert followup_kind(q) is None, q  # a thing of its own (the second review)
    for own in ("who handles IT support requests?", "what does Make It Stick say?"):  # no pronoun (the review)
        assert followup_kind(own) is None, own
    # ... nor "it" typed in lower case before what of IT it is (trial s53: "when is the borealis it call")
    assert followup_kind("when is the borealis it call") is None and followup_kind("who is on the it team") is None
    for q in ("does it support markdown?", "is it security related", "did it review well"):  # (the pronoun: review)
        assert followup_kind(q) == "sure", q
    assert followup_kind("when is it due") == "sure"
    # ... nor "worth it", no pronoun of a thing before (trial s60 UD: "jr pass worth it??" had been told to use the chat)
    for q in ("jr pass worth it??", "is the JR pass worth it"):
        assert followup_kind(q) is None, q
    assert followup_kind("is it worth it?") == "sure"  # (its first "it" is one)
    # ... nor "talk yourself into it" (trial s70 M: "golden rule talk yourself into it" had been told to use the chat)
    for q in ("golden rule talk yourself into it", "dont talk yourself out of it"):
        assert followup_kind(q) is None, q
    assert followup_kind("how do i get into it") == "sure"  # (no self: "it" of the answer's thing)
    # ... nor "make it" (to come), nor the "it" of the weather after "if" (trials s83 F, L: "tuesday track if its
    # pouring", "when can't baloo make it" had been told they were searched without the question before them)
    for q in ("tuesday track if its pouring", "when can't baloo make it", "what do we do if it rains"):
        assert followup_kind(q) is None, q
    assert followup_kind("where did i put it") == "sure"
    # ... nor before a weather's verb (trial s86 V: "when did it last snow" had been told so)
    for q in ("when did it last snow", "did it rain on sunday"):
        assert followup_kind(q) is None, q
    assert followup_kind("when did it last break") == "sure"
    for q in ("what if it breaks", "can i make it without eggs", "who to call if it leaks"):  # (the review)
        assert followup_kind(q) == "sure", q
    # ... nor "their" of the people the question names (trial s64 V: "how do folk pay their subs" had been told it was
    # searched without the question before it)
    for q in ("how do folk pay their subs", "when do members renew their cards"):
        assert followup_kind(q) is None, q
    assert followup_kind("how do they pay their subs") == "sure"  # (no one named: the answer's people)
    # ... one of them, the singular "their" (trial s70 Q: "customer lost their repair slip")
    for q in ("customer lost their repair slip", "what if a patient misses their appt"):
        assert followup_kind(q) is None, q
    # ... nor of the one a question picks out ("which owner hasnt paid their extras", trial s66 LIV: told it was searched
    # without the one before it, asked first)
    for q in ("which owner hasnt paid their extras", "who hasnt paid their subs", "does each livery bring their own hay",
              "any client who cancelled their booking"):
        assert followup_kind(q) is None, q
    assert followup_kind("which of them paid their extras") == "sure"  # ("them": the answer's)
    assert asks_for_more("what else about cells?") and asks_for_more("anything else?")
    assert not asks_for_more("more efficient ways to bake sourdough bread at home")


def test_the_day_before_or_after_moves_the_previous_questions_day():
    assert standalone("and the day before?", "what did I do on 14 November") == "what did I do on 13 November"
    assert standalone("and the next day?", "what did I do on 2026-02-28") == "what did I do on 2026-03-01"
    assert standalone("and the day after, at work?", "meetings on 14 November tag:work") == \
        "meetings on 15 November at work tag:work"
    assert followup_kind("client pulls out the day before, what do i charge") is None  # (its own: trial s65 Y)
    # a follow-up that names its own day is not moved: its day takes the previous one's place
    assert standalone("and the day before yesterday?", "what did I do on 14 March") == \
        "what did I do on the day before yesterday"
    # without a day in the previous question it is words like any follow-up's
    assert standalone("and the day before?", "what did Werner say about cells") == \
        "what did Werner say about cells the day before"


def test_a_week_or_a_month_moves_as_a_day_does():
    from datetime import date, timedelta

    monday = date.today() - timedelta(days=date.today().weekday())
    week_before = (monday - timedelta(days=14)).isoformat()
    assert standalone("and the week before?", "what did we decide last week?") == \
        f"what did we decide the week of {week_before}"
    # said as a whole question, it is still a follow-up
    assert followup_kind("what did we decide the week before?") == "sure"
    # ... not a rule asked of "what if" (trial s63 U: "what if somebody cancels the day before" had been told the CLI
    # reads it without the question before it)
    assert followup_kind("what if somebody cancels the day before") is None
    assert followup_kind("what happens if a client cancels the day before?") is None
    assert followup_kind("what do i charge if someone cancels the day before") is None  # (trial s76 N)
    # ... but not a deadline: "by the next day" (trial s45: a question of its own had been said to be a follow-up)
    assert followup_kind("what fixed the cinnamon rolls going stale by the next day?") is None
    assert followup_kind("how long does the dough keep for the next day?") is None  # (the second review)
    # ... nor "next year" from today, a year of its own (trial s56: "what expires next year" had been said to be
    # a follow-up, and in the chat it would have moved the previous question's year)
    assert followup_kind("what expires next year") is None
    assert followup_kind("what did I plan for next year?") is None
    assert standalone("what expires next year", "what did I read in October 2025?") == "what expires next year"
    assert standalone("what did we decide the week before?", "what did we decide last week?") == \
        f"what did we decide the week of {week_before}"
    assert standalone("and the month before?", "what did I read in October 2025?") == \
        "what did I read in September 2025"
    assert standalone("and the year before?", "what did I read in October 2025?") == "what did I read in October 2024"
    assert standalone("and the year before?", "what did Werner say at re:Invent 2024?") == \
        "what did Werner say at re:Invent 2023"


@pytest.mark.parametrize("previous, question, expected", [
    ("What did ColBERT score on MS MARCO?", "and on NQ?", "What did ColBERT score on NQ"),
    ("how do I reverse a list in Rust", "in Python?", "how do I reverse a list in Python"),
    ("what did we decide about pricing on the call", "about hiring?", "what did we decide about hiring on the call"),
    # the last place of that preposition that is not a year or a day
    ("who did I meet in Paris in 2024?", "in London?", "who did I meet in London in 2024"),
    # no such place, or a year or a day: the usual rules
    ("what did Werner say about cells", "and in Lambda?", "what did Werner say about cells in Lambda"),
    ("what did Werner say about cells in 2024", "and in 2023?", "what did Werner say about cells in 2023"),
    ("recipe for the cake tag:baking", "for the bread?", "recipe for the bread tag:baking"),
])
def test_a_followup_phrase_takes_the_place_of_the_same_prepositions_phrase(previous, question, expected):
    assert standalone(question, previous) == expected


def test_show_me_more_asks_for_more():
    for q in ("show me more", "more", "show more please", "give me more"):
        assert asks_for_more(q), q
    assert standalone("show me more", "what did we decide about pricing") == "what did we decide about pricing"


def test_a_followup_naming_another_note_takes_the_place_of_the_one_named():
    import re

    notes = {"maria": "Maria.md", "tom": "Tom.md", "al": "Al.md", "phoenix": "Phoenix.md",
             "billing migration": "Beta.md", "project alpha": "Alpha.md"}

    def names_in(text):  # as NoteNames.names_in: whole words, any case, (start, end, path)
        return sorted((m.start(), m.end(), path) for name, path in notes.items()
                      for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I))
    assert standalone("and what about Tom?", "what did Maria and I talk about in our last 1:1?", names_in) == \
        "what did Tom and I talk about in our last 1:1"
    assert standalone("and Phoenix?", "what's the status of the billing migration? tag:work", names_in) == \
        "what's the status of the Phoenix tag:work"
    # the name as a whole word, wherever the case folds differently; every place the note is named
    assert standalone("and Tom?", "what did Alice and Al decide?", names_in) == "what did Alice and Tom decide"
    assert standalone("and Tom?", "was hat Herr Straße über Maria gesagt?", names_in) == \
        "was hat Herr Straße über Tom gesagt"
    assert standalone("and Tom?", "did Maria say Maria's plan works", names_in) == "did Tom say Tom's plan works"
    # two notes named before: which one the follow-up replaces is not known, so its words are added
    assert standalone("and Tom?", "what did Maria say about Project Alpha?", names_in) == \
        "what did Maria say about Project Alpha Tom"
    # not a note's name, or the previous question named none, or the same one: words added as before
    assert standalone("and the oven?", "what did Maria bake", names_in) == "what did Maria bake the oven"
    assert standalone("and Tom?", "what did we bake", names_in) == "what did we bake Tom"
    assert standalone("and Maria?", "what did Maria bake", names_in) == "what did Maria bake"


def test_a_day_phrase_about_something_else_is_no_followup():
    assert standalone("What should I review the day before the exam?", "what is a hypervisor?") == \
        "What should I review the day before the exam?"
    # a whole question ending on "the week after" moves nothing when the previous names no week: a new one
    assert standalone("What did the doctor say to do the week after?", "what is a hypervisor?") == \
        "What did the doctor say to do the week after?"
    assert not asks_for_more("and next week?") and not asks_for_more("next steps?") and asks_for_more("next")


@pytest.mark.parametrize("previous, question, expected", [
    ("what is due this week?", "and next week?", "what is due next week"),
    ("what happened in November?", "and in October?", "what happened in October"),
    ("what happened yesterday?", "and today?", "what happened today"),
    ("what did I do on 14 November", "and on 2 December?", "what did I do on 2 December"),
    # the previous year kept when the follow-up names none; a month not cut by words said before
    ("what did I write about Rust in March 2024?", "and in April?", "what did I write about Rust in April 2024"),
    ("what did I do on 14 March 2024?", "and on 15 March?", "what did I do on 15 March 2024"),
    ("what did I do in 2025?", "and in March?", "what did I do in March 2025"),
    # trial D: "How was I feeling in March May 2024", searched in March 2026
    ("How was I feeling in March 2023?", "what about May 2024?", "How was I feeling May 2024"),
    # the recheck: a month's name alone follows as "in June" would
    ("what was I doing in May 2024?", "and June?", "what was I doing in June 2024"),
])
def test_a_followup_naming_its_own_day_replaces_the_previous_ones(previous, question, expected):
    assert standalone(question, previous) == expected


def test_a_question_asking_for_tasks_stands_on_its_own():
    assert followup_kind("what's overdue?") is None and followup_kind("my todos") is None
    assert standalone("what's overdue?", "our last 1:1 with Tom") == "what's overdue?"
    # a task follow-up to a task question asks for the other tasks
    assert standalone("and what's done?", "what's in progress? tag:work") == "what's done tag:work"


def test_a_followup_of_a_weeks_number_takes_the_previous_weeks_place():
    # the s42 review: "and week 39?" after "what went well in week 38?" had searched "what went well in week 38 39"
    assert standalone("and week 39?", "what went well in week 38?") == "what went well in week 39"
    assert standalone("what about week 10?", "what went well in week 9?") == "what went well in week 10"
    assert standalone("and week 4?", "what did we cover in week 3 of CS 6200?") == "what did we cover in week 4 of CS 6200"
    assert standalone("and the week after?", "what went well in week 38?") == "what went well in week 39"
    assert standalone("and the week after?", "what went well in week 52 of 2024?") == "what went well in week 1 of 2025"
    assert standalone("and the week before?", "what went well in 2025-W10?") == "what went well in week 9 of 2025"
    assert standalone("and the week after?", "what did I submit the week of 10 February 2025?") == \
        "what did I submit the week of 2025-02-17"


def test_the_second_reviews_followups():
    # a year after a week keeps the week; a week's words are no day phrase ("3 times a week 2 runs")
    assert standalone("and in 2024?", "what went well in week 38?") == "what went well in week 38 2024"
    assert standalone("and in March?", "what did I run 3 times a week 2 runs?") == \
        "what did I run 3 times a week 2 runs in March"
    # a follow-up's tag: keeps the -tag: before it
    assert standalone("and tag:gcp?", "cells -tag:aws") == "cells -tag:aws tag:gcp?"
    assert standalone("and the week after?", "what did we cover in week 3 of CS 6200?") == \
        "what did we cover in week 4 of CS 6200"
    from notesqa.conversation import only_left_out

    assert only_left_out("-path:Daily -tag:x") and not only_left_out("-path:Daily tag:x")
    # "the next week" after a week asked is the week after it (the second review: had been the coming week)
    assert standalone("what about the next week?", "what went well in week 38?") == "what went well in week 39"
    assert standalone("and the next week?", "what did I do last week?").startswith("what did I do the week of ")
    assert standalone("what about next week?", "what is due this week?") == "what is due next week"


def test_only_the_ones_narrows_the_question_before():
    # the chat trial (s42): "only the ones tagged health" had been a search of its own words
    assert followup_kind("only the ones tagged health") == "sure"
    assert standalone("only the ones tagged health", "what did I do about my knee?") == \
        "what did I do about my knee tagged health"
    assert standalone("just those in Health", "what did I do about my knee?") == "what did I do about my knee in Health"


def test_the_week_before_a_day_is_the_week_before_its_week():
    # the smoke test (s42): "the week before?" after "what did I do on 12 March 2025?" had shown 12 March again
    assert standalone("the week before?", "what did I do on 12 March 2025?") == "what did I do the week of 2025-03-03"
    assert standalone("and the week after?", "what happened on the 6th of March 2025?") == \
        "what happened the week of 2025-03-10"
    assert standalone("and the day before?", "what did I do on 12 March 2025?") == "what did I do on 11 March 2025"


def test_a_list_named_to_do_is_no_follow_up_for_sure():
    # trial s48: "to do list" had been told it was searched without the question before, as "to the station?" is
    from notesqa.conversation import followup_kind

    for q in ("to do list", "to-do list", "to read list?"):
        assert followup_kind(q) != "sure", q
    assert followup_kind("to the station?") == followup_kind("to do that?") == followup_kind("to do it?") == "sure"


def test_a_question_of_they_that_names_a_note_stands_on_its_own():
    # trial s50: a game master's "when did they last meet vexa" ("they", the party) had been read with the question
    # before it, as every question of "they"
    import re as _re

    def names_in(text):
        return [(m.start(), m.end(), "NPCs/Vexa Thorne.md") for m in _re.finditer(r"\bvexa\b", text, _re.I)]

    assert standalone("when did they last meet vexa", "what did the party loot in the chapel", names_in) == \
        "when did they last meet vexa"
    # ... while one that names none leans on the one before, as before, and so does a connective's
    assert standalone("how much do they cost", "what potions did they buy", names_in) != "how much do they cost"
    assert standalone("and when did they meet vexa?", "who is Bram", names_in) != "and when did they meet vexa?"
    # ... and "it" is the thing asked before, whatever note it names (the review: "can I run it in vexa?")
    assert standalone("can I run it with vexa", "what is restic", names_in) != "can I run it with vexa"
