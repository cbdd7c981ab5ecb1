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
