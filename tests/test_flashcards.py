from notesqa.flashcards import read_cards
from notesqa.parsing import parse_note
from notesqa.textchars import note_text_chars


def _read(text: str, name: str) -> list[tuple[int, str]]:
    """Each unit's line and its text as shown (lines folded)."""
    return [(u.line, " ".join(u.text.split())) for u in parse_note(text, name).units]

ANKI = """TARGET DECK: Medicine::Pharmacology

START
Basic
What is the antidote to organophosphate poisoning?
Back: Atropine, plus pralidoxime.
Tags: tox
<!--ID: 1731000000004-->
END

START
Cloze
Text: Opioid overdose is reversed with {{c1::naloxone}}.
Back Extra: repeat doses may be needed
END

START
Basic (and reversed card)
Front: Charcot's triad
Back: RUQ pain, fever and jaundice
END
"""


def test_obsidian_to_anki_cards_read_as_cards_each_at_its_line():
    assert _read("# Antidotes\n\n" + ANKI, "Anki.md") == [
        (7, "What is the antidote to organophosphate poisoning? → Atropine, plus pralidoxime."),
        (15, "Opioid overdose is reversed with naloxone. — repeat doses may be needed"),
        (21, "Charcot's triad ↔ RUQ pain, fever and jaundice")]
    # each card a record of its own (a hit of one does not read on into the next), the cloze's too
    assert all(u.after_rule for u in parse_note("# Antidotes\n\n" + ANKI, "Anki.md").units)
    # the markers are not notes text: coverage counts the cards' words only
    assert note_text_chars(read_cards(ANKI)) < note_text_chars(ANKI)


def test_a_start_without_its_end_and_cards_in_code_are_text():
    text = "START\nthe engine, then wait\n\n```\nSTART\nBasic\nQ\nEND\n```\n"
    assert read_cards(text) == text
    assert _read(text, "n.md")[0] == (1, "START the engine, then wait")


def test_a_multi_line_spaced_repetition_card_reads_question_then_answer():
    text = ("Which diabetes drug causes B12 deficiency?\n?\nMetformin.\n<!--SR:!2026-12-02,3,230-->\n\n"
            "Pulsus paradoxus\n??\nA fall in systolic BP on inspiration\n\nIs this a question?\n\n?\n")
    assert _read(text, "Cards.md") == [
        (1, "Which diabetes drug causes B12 deficiency? → Metformin."),
        (6, "Pulsus paradoxus ↔ A fall in systolic BP on inspiration"),
        (10, "Is this a question?"), (12, "?")]  # a "?" with no card around it stays


def test_an_anki_cloze_shows_its_answer():
    text = "Iron overdose is treated with {{c1::desferrioxamine}}; hint {{c2::glucagon::a hormone}}. {{ liquid }}\n"
    (unit,) = parse_note(text, "Cloze.md").units
    assert unit.text == "Iron overdose is treated with desferrioxamine; hint glucagon."
    assert parse_note("`{{c1::kept}}` as code\n", "c.md").units[0].text == "`{{c1::kept}}` as code"


def test_start_and_end_lines_of_an_ordinary_note_are_its_text():
    # the recheck: a workout between START and END had lost its first line as a "note type"
    text = "# Gym\n\nSTART\n10 min warm-up on the rower\n3x5 back squats at 80 kg\nEND\n"
    assert read_cards(text) == text
    runbook = "START\nCheck the fuel level first\nTags: none needed\nEND\n"
    assert read_cards(runbook) == runbook


def test_a_custom_note_type_reads_its_first_field_then_the_rest():
    text = "START\nRenal-Term\nTerm: Hyponatremia\nDefinition: serum sodium below 135 mmol/L\nEND\n"
    assert _read(text, "n.md") == [(3, "Hyponatremia → serum sodium below 135 mmol/L")]


def test_the_plugins_settings_are_settings_only_as_it_writes_them():
    note = ("TARGET DECK\nMedicine::Renal\n\nFILE TAGS: renal nephro\n\n"
            "TARGET DECK is the line the plugin reads to pick the deck; I put it first.\n\n"
            "FILE TAGS: keep the EXIF keywords when exporting from Lightroom.\n\n"
            "START\nBasic\nLoop diuretic?\nBack: Furosemide\nTags: diuretics Med::Renal\nEND\n")
    parsed = parse_note(note, "Renal deck.md")
    assert [" ".join(u.text.split()) for u in parsed.units] == [
        "TARGET DECK is the line the plugin reads to pick the deck; I put it first.",
        "FILE TAGS: keep the EXIF keywords when exporting from Lightroom.", "Loop diuretic? → Furosemide"]
    assert {"renal", "nephro", "diuretics", "med/renal"} <= {t.lower() for t in parsed.tags}  # found by tag:renal


def test_an_inline_anki_card_reads_front_then_back():
    assert _read("STARTI [Basic] What is the max dose of paracetamol? Back: 4 g a day ENDI\n", "n.md") == [
        (1, "What is the max dose of paracetamol? → 4 g a day")]


def test_question_mark_lines_are_cards_only_in_a_note_of_cards():
    prose = "She paused and looked at me.\n?\nI asked again, slower this time.\n"
    assert read_cards(prose) == prose  # no #flashcards tag, no review comment: a line of prose
    deck = "#flashcards\n\nFurosemide::blocks NKCC2\n\nThiazides\n?\nblock NCC in the DCT\n"
    assert [t for _, t in _read(deck, "d.md")] == ["Furosemide → blocks NKCC2", "Thiazides → block NCC in the DCT"]
    assert _read("# C++\n\nstd::vector holds them\n", "c.md") == [(3, "std::vector holds them")]  # (no deck)
