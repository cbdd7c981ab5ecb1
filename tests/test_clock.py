"""Today, as questions' days are counted from it (clock.py)."""

import datetime as dt

import pytest

from notesqa import clock
from notesqa.errors import NotesQAError


@pytest.fixture(autouse=True)
def unset():
    yield
    clock.set_today(None)


def test_today_is_the_machines_unless_a_day_is_set(monkeypatch):
    monkeypatch.delenv("NOTESQA_TODAY", raising=False)
    assert clock.today() == dt.date.today()
    monkeypatch.setenv("NOTESQA_TODAY", "2026-12-05")
    assert clock.today() == dt.date(2026, 12, 5)
    clock.set_today(dt.date(2025, 1, 2))  # (a command's --today before the environment's)
    assert clock.today() == dt.date(2025, 1, 2)


def test_a_day_that_is_no_day_says_how_to_write_one(monkeypatch):
    monkeypatch.setenv("NOTESQA_TODAY", "5/12/2026")
    with pytest.raises(NotesQAError, match="NOTESQA_TODAY '5/12/2026' is no day: write it as YYYY-MM-DD"):
        clock.today()


def test_a_questions_days_are_counted_from_the_day_set():
    from notesqa.periods import days

    clock.set_today(dt.date(2026, 12, 5))  # a Saturday
    assert days("what did i do last tuesday") == {"2026-12-01"} and days("yesterday") == {"2026-12-04"}
