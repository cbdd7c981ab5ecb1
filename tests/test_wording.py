"""Counted words in messages (wording.py)."""

from notesqa.wording import counted


def test_counted_is_plural_unless_one():
    assert [counted(n, "note") for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]
    assert counted(3, "broken character") == "3 broken characters"


def test_a_long_word_or_phrase_is_quoted_cut():
    from notesqa.phrases import quoted
    from notesqa.wording import in_quotes

    # trial s38 and the review: a 5,000-letter word, a pasted page in quotes, had been quoted whole
    assert in_quotes("staging") == "“staging”" and in_quotes("x" * 5000) == f"“{'x' * 79}…”"
    assert quoted(("shuffle sharding", "y" * 200)) == f"“shuffle sharding” and “{'y' * 79}…”"
