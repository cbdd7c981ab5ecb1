"""Accents aside (folding.py): the one rule the keyword index, quoted phrases and breadcrumbs share."""

from notesqa.folding import folded, unaccented
from notesqa.hits import Hit
from notesqa.keywords import tokenize
from notesqa.phrases import plain


def test_accents_come_off_and_letters_that_are_not_accented_stay():
    assert unaccented("Sofía Müller, café") == "Sofia Muller, cafe"
    assert unaccented("Ørsted, Straße") == "Ørsted, Straße"  # not an accent: a letter of its own
    assert folded("Straße SOFÍA") == "strasse sofia" and folded("ASCII") == "ascii"
    # kana keep their voicing marks, and Korean its syllables: they are letters, not accents
    assert unaccented("食べる、ビール、한국어") == "食べる、ビール、한국어"


def test_the_keyword_index_phrases_and_breadcrumbs_fold_alike():
    assert set(tokenize("Sofia")) < set(tokenize("Sofía"))  # the word as written, and without its accent
    assert plain("Ana Sofía Castillo!") == plain("ana sofia castillo") == " ana sofia castillo "
    hit = Hit("x", "People/Ana Sofia Castillo.md", 1, ("Ana Sofía Castillo",), 0.5, title="Ana Sofia Castillo")
    assert hit.breadcrumb == ["Ana Sofia Castillo"]  # the heading with its accent is the title again, not shown twice
