"""Counted words in messages (wording.py)."""

from notesqa.wording import counted


def test_counted_is_plural_unless_one():
    assert [counted(n, "note") for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]
    assert counted(3, "broken character") == "3 broken characters"
