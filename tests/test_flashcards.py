from notesqa.flashcards import deck_note, read_cards
from notesqa.parsing import parse_note
from notesqa.textchars import note_text_chars


def _read(text: str, name: str = "n.md") -> list[tuple[int, str]]:
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
    note = parse_note("# Antidotes\n\n" + ANKI, "Anki.md")
    assert [(u.line, " ".join(u.text.split())) for u in note.units] == [
        (7, "What is the antidote to organophosphate poisoning? → Atropine, plus pralidoxime."),
        (15, "Opioid overdose is reversed with naloxone. — repeat doses may be needed"),
        (21, "Charcot's triad ↔ RUQ pain, fever and jaundice")]
    assert all(u.after_rule for u in note.units)  # each card a record: a hit of one does not read on into the next
    assert "tox" in note.tags  # the card's Tags: the note's
    # the markers are not notes text: coverage counts the cards' words only
    assert note_text_chars(read_cards(ANKI, False).text) < note_text_chars(ANKI)


def test_a_card_whose_answer_is_a_list_or_after_an_empty_line_is_one_record():
    # the review: the answer had been cut from its question, each item a hit of its own
    deck = "#flashcards\n\nCauses of pancreatitis\n?\n- gallstones\n- ethanol\n\nRevise on Friday.\n"
    units = parse_note(deck, "d.md").units
    assert [u.after_rule for u in units] == [True, False, False, True]
    anki = "START\nBasic\nWhat is the antidote to paracetamol?\n\nBack: N-acetylcysteine\nEND\n\nAfter.\n"
    units = parse_note(anki, "a.md").units
    assert [(u.line, " ".join(u.text.split()), u.after_rule) for u in units] == [
        (3, "What is the antidote to paracetamol?", True), (5, "→ N-acetylcysteine", False), (8, "After.", True)]


def test_a_card_with_inline_code_is_read():
    text = "START\nBasic\nWhat does `ls -la` list?\nBack: all files\nTags: shell\n<!--ID: 123-->\nEND\n"
    assert _read(text) == [(3, "What does `ls -la` list? → all files")]


def test_start_and_end_lines_of_an_ordinary_note_are_its_text():
    # the recheck and the review: a workout, a PCR run between START and END had lost lines
    for text in ("# Gym\n\nSTART\n10 min warm-up on the rower\n3x5 back squats at 80 kg\nEND\n",
                 "# PCR run\n\nSTART\nDenaturation\nTemp: 95 C\nTime: 30 s\nEND\n",
                 "START\nBasic\nQ\nBack: A\n"):  # (no END)
        assert read_cards(text, False).text == text


def test_a_note_type_of_the_users_own_reads_its_first_field_then_the_rest_by_name():
    # a custom type only where the plugin has been at work: its ID comment, or its settings
    text = "START\nRenal-Term\nTerm: Hyponatremia\nDefinition: serum sodium below 135 mmol/L\n<!--ID: 9-->\nEND\n"
    assert _read(text) == [(3, "Hyponatremia → Definition: serum sodium below 135 mmol/L")]
    french = "TARGET DECK: Médecine\n\nSTART\nBasique\nrecto: Hyponatrémie\nverso: sodium < 135\nEND\n"
    assert _read(french) == [(5, "Hyponatrémie → verso: sodium < 135")]


def test_the_plugins_settings_are_settings_only_as_it_writes_them():
    note = ("TARGET DECK\nMedicine::Renal\n\nFILE TAGS: renal nephro\n\n"
            "TARGET DECK is the line the plugin reads to pick the deck; I put it first.\n\n"
            "FILE TAGS: keep the EXIF keywords when exporting from Lightroom.\n\n"
            "START\nBasic\nLoop diuretic?\nBack: Furosemide\nTags: diuretics Med::Renal C++ 2024\nEND\n")
    parsed = parse_note(note, "Renal deck.md")
    assert [" ".join(u.text.split()) for u in parsed.units] == [
        "TARGET DECK is the line the plugin reads to pick the deck; I put it first.",
        "FILE TAGS: keep the EXIF keywords when exporting from Lightroom.", "Loop diuretic? → Furosemide"]
    assert {"renal", "nephro", "diuretics", "med/renal"} <= {t.lower() for t in parsed.tags}  # found by tag:renal


def test_an_inline_anki_card_reads_front_then_back():
    assert _read("STARTI [Basic] What is the max dose of paracetamol? Back: 4 g a day ENDI\n") == [
        (1, "What is the max dose of paracetamol? → 4 g a day")]


def test_question_mark_lines_are_cards_only_in_a_note_of_cards():
    prose = "She paused and looked at me.\n?\nI asked again, slower this time.\n"
    assert read_cards(prose, deck_note(prose)).text == prose  # no #flashcards tag, no review comment: prose
    said = "I made flashcards for Spanish last week.\n\nWhy did it fail\n?\nNobody knows.\n"
    assert not deck_note(said) and read_cards(said, False).text == said  # the word is no tag (the review)
    deck = "#flashcards\n\nFurosemide::blocks NKCC2\nThiazides::block NCC\n\nLoops\n?\nact on the thick ascending limb\n"
    assert [t for _, t in _read(deck, "d.md")] == [
        "Furosemide → blocks NKCC2", "Thiazides → block NCC", "Loops → act on the thick ascending limb"]
    assert deck_note("---\ntags: [flashcards, renal]\n---\nx\n") and deck_note("x\n<!--SR:!2026-12-02,3,230-->\n")


def test_cards_are_not_read_in_code_maths_or_front_matter():
    deck = ("---\ntags: [flashcards]\nnote: |\n  a\n  ?\n  b\n---\n\n```\nx = 1\n?\ny = 2\n```\n\n"
            "    a = 1\n    ?\n    b = 2\n\n$$\nx\n?\ny\n$$\n")
    assert read_cards(deck, True).text == deck


def test_an_anki_cloze_shows_its_answer():
    text = "Iron overdose is treated with {{c1::desferrioxamine}}; hint {{c2::glucagon::a hormone}}. {{ liquid }}\n"
    (unit,) = parse_note(text, "Cloze.md").units
    assert unit.text == "Iron overdose is treated with desferrioxamine; hint glucagon."
    assert parse_note("`{{c1::kept}}` as code\n", "c.md").units[0].text == "`{{c1::kept}}` as code"
    nested = parse_note("{{c1::Warfarin inhibits {{c2::vitamin K epoxide reductase}}}} in the liver.\n", "w.md")
    assert nested.units[0].text == "Warfarin inhibits vitamin K epoxide reductase in the liver."
    # ... in a Logseq page too (markup.Inline.render: no Liquid step there)
    page = parse_note("- The {{c1::loop}} of Henle\n", "pages/Kidney.md")
    assert [u.text for u in page.units] == ["The loop of Henle"]
