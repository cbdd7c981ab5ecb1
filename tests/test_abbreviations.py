import re

from notesqa.abbreviations import abbreviated
from notesqa.keywords import tokenize


def _vault(*texts):
    """knows, together and in_capitals over a few passages, as ranking reads the keyword index."""
    rows = [set(tokenize(t)) for t in texts]
    knows = lambda token: any(token in r for r in rows)  # noqa: E731
    together = lambda words: any(re.search(r"\W+(?:\w+\W+){0,2}?".join(words), t, re.IGNORECASE)  # noqa: E731
                                 for t in texts)

    def in_capitals(token, form):
        holding = [t for t, r in zip(texts, rows) if token in r]
        return sum(re.search(rf"(?<![\w&]){form}s?(?![\w&])", t) is not None for t in holding) * 2 >= len(holding) > 0
    return knows, together, in_capitals


def test_a_question_s_words_are_also_the_initials_the_notes_write_in_capitals():
    # trial s57 MC: the notes' "BQ bill down from ~£4k" had been 44th for "bigquery bill per month"
    vault = _vault("BQ bill down from ~£4k to £1.6k/mo", "AGM moved to 12 March, village hall",
                   "PR for the retry fix merged", "the cat sat on the mat", "bought a new query book")
    assert abbreviated("brightpath bigquery bill per month now", *vault) == [("bigquery", "BQ", "bq")]
    assert abbreviated("when is the annual general meeting?", *vault) == [("annual general meeting", "AGM", "agm")]
    # two words' initials are too often another thing's ("previous sibling" is no "PS"): not read
    assert abbreviated("big query bill per month", *vault) == []
    assert abbreviated("which pull request fixed the retries", *vault) == []
    # nor a run with a closed-class word ("mouse instead of typing" is no "MIT")
    assert abbreviated("how to do it with the mouse instead of typing", *_vault("MIT licence")) == []


def test_no_initials_where_the_notes_write_the_words_or_not_in_capitals():
    vault = _vault("the cat sat on the mat", "Computer aided translation tools, notes", "BQ bill down",
                   "bq_export.py runs nightly", "bq_export job", "big query bill notes")
    # "cat" is a word of the notes, not written in capitals: no abbreviation of "computer aided translation"
    assert abbreviated("computer aided tools", *vault) == []
    # the notes say "big query" together: their own words find it
    assert abbreviated("big query bill", *vault) == []
    # an English word is no joined word ("somewhere" is no "SW"); nor a stopword's initial ("the big" is no run)
    assert abbreviated("somewhere", *_vault("SW corner of the field")) == []
    assert abbreviated("is the fence", *_vault("IF in doubt", "the fence")) == []


def test_of_and_and_inside_a_run_count_with_their_initial():
    assert abbreviated("who holds power of attorney", *_vault("POA: Jo holds it since 2024")) == [
        ("power of attorney", "POA", "poa")]
    assert abbreviated("who holds power of attorney", *_vault("PA: Jo holds it since 2024")) == []
    # ... and "the" inside a run too (trial s59 SD: a coach's match reports under "## POTM" had been found nowhere for
    # "who was player of the match")
    assert abbreviated("who was player of the match", *_vault("## POTM\nSami, two saves")) == [
        ("player of the match", "POTM", "potm")]
    assert abbreviated("who was the player", *_vault("TP: tea party")) == []  # (not first)


def test_two_words_joined_by_and_are_the_letters_the_notes_join_by_an_ampersand():
    # trial s58 OC-033: "what are the main points in my terms and conditions?": the notes' "my standard T&Cs"
    vault = _vault("my standard T&Cs: based on ITI model terms", "sent T&Cs + confirmation email")
    assert abbreviated("main points in my terms and conditions", *vault) == [("terms and conditions", "T&C", "tc")]
    assert abbreviated("terms or conditions", *vault) == []


def test_two_names_joined_by_an_ampersand_are_their_initials_the_notes_write_so():
    # trial s58 QC-015: "Where do Sophie & Jack's drinks go if it rains?": the couple's timeline is "S&J day timeline"
    # (their contract says "Sophie & Jack": words said together elsewhere do not stop it)
    vault = _vault("S&J day timeline: if wet, drinks in the Great Hall", "Contract: Sophie & Jack, 23 May 2026")
    assert abbreviated("Where do Sophie & Jack's drinks go if it rains?", *vault) == [("sophie and jack", "S&J", "sj")]


def test_a_rate_of_two_words_per_another_is_its_unit_the_notes_write_in_lower_case():
    # trial s63 DRV-019: "how many miles per gallon am i getting" had found only a mileage log's rows ("Nothing in
    # your notes matches this closely"): the car's note says "avg mpg 2025: ~46"
    vault = _vault("avg mpg 2025: ~46, town ~38", "Mileage log: 1,720 miles in April")
    assert abbreviated("how many miles per gallon am i getting", *vault) == [("miles per gallon", "mpg", "mpg")]
    # the unit as the notes write it, in capitals too; "pounds per square inch" by its words but "per" ("PSI")
    assert abbreviated("miles per gallon", *_vault("MPG 46")) == [("miles per gallon", "MPG", "mpg")]
    assert abbreviated("tyre pounds per square inch", *_vault("tyres 32 psi front")) == [
        ("pounds per square inch", "psi", "psi")]
    # words the notes say together find it themselves; "per" first or last is no rate
    assert abbreviated("miles per gallon", *_vault("46 miles to the gallon", "mpg 46")) == []
    assert abbreviated("per gallon mileage", *_vault("pgm 3")) == []


def test_a_words_everyday_short_form_is_searched_where_the_notes_write_it():
    # trial s69 J PHR-010: "toms 26 week review date", the notes' "Review: 26 wk"; and the other way round
    from notesqa.abbreviations import short_forms

    knows, _, _ = _vault("Review: 26 wk | Due: Jan 2027", "appointment with the dentist")
    assert [(a, f) for a, f, _ in short_forms("toms 26 week review date", knows)] == [("week", "wk")]
    assert [(a, f) for a, f, _ in short_forms("dentist appt", knows)] == [("appt", "appointment")]
    # ... "secretary", the notes' "sec" (trial s76 B: "Allotment society sec: Pauline Greaves" not in ten)
    knows, _, _ = _vault("Allotment society sec: Pauline Greaves, 01694 723 118")
    assert [(a, f) for a, f, _ in short_forms("allotment secretary phone", knows)] == [("secretary", "sec")]
    assert short_forms("plank 30 sec rest", lambda token: True) == []  # (one way only: the review)
    # ... not where the notes do not write it, nor a form the question says already
    assert short_forms("how many hours", knows) == [] and short_forms("week wk", knows) == []
    # a number's "no" after what it numbers is the notes' "number", one way only: "no" is a word of its own (the
    # rescore: "annas phone number" had lifted lines that say "no")
    knows, _, _ = _vault("caretaker's number 07700 900123", "no milk today")
    assert [(a, f) for a, f, _ in short_forms("caretaker phone no", knows)] == [("no", "number")]
    assert short_forms("annas phone number", knows) == short_forms("which maker has no milk", knows) == []


def test_each_words_short_forms_are_all_kept():
    # the review: "manager" and "management" stem alike, "mgr" had been lost to "mgmt"
    from notesqa.abbreviations import other_form_tokens
    from notesqa.keywords import tokenize

    forms = other_form_tokens()
    assert set(tokenize("mgr mgmt")) <= forms[tokenize("manager")[0]] and forms[tokenize("mtg")[0]] == frozenset(
        tokenize("meeting"))
