"""Follow-up questions: turn a short follow-up into a standalone question.

The rule (documented in the README):

* A question is a follow-up when it starts with a connective ("and", "also", "what
  about", "how about", "what else", "anything else", "more on", "or") or is at most
  three words long, and there is an earlier question in the conversation.
* A follow-up is searched as the previous standalone question plus the follow-up's
  words, with two refinements: a year in the follow-up replaces the years of the
  previous question ("and in 2023?" after "Werner's keynote at re:Invent 2024" asks
  about 2023, not both), and filters (tag:, path:, after:, before:) carry over unless
  the follow-up sets its own of the same name.
* Anything else is a new question and starts a new thread.
"""

from __future__ import annotations

import re

_CONNECTIVES = re.compile(
    r"^\s*(and|also|or|plus|but|what about|how about|what else|anything else|more on|more about|same for|"
    r"and what about|and how about|then)\b[\s,]*", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_FILTER = re.compile(r"(?<!\S)(tag|path|after|before):(\"[^\"]*\"|\S+)", re.I)
_WORD = re.compile(r"\w+")


def is_followup(question: str) -> bool:
    q = _FILTER.sub(" ", question).strip()
    if not q:
        return False
    return bool(_CONNECTIVES.match(q)) or len(_WORD.findall(q)) <= 3


def standalone(question: str, previous: str | None) -> str:
    """The question to search for, given the previous standalone question (or None)."""
    question = " ".join(question.split())
    if not previous or not is_followup(question):
        return question
    follow_filters = [m.group(0) for m in _FILTER.finditer(question)]
    names = {f.split(":", 1)[0].lower() for f in follow_filters}
    prev_filters = [m.group(0) for m in _FILTER.finditer(previous) if m.group(1).lower() not in names]
    prev = _FILTER.sub(" ", previous).strip(" ?.!")
    body = _CONNECTIVES.sub("", _FILTER.sub(" ", question)).strip(" ?.!")
    body_years = " ".join(m.group(0) for m in _YEAR.finditer(body))
    if body_years:
        prev = _YEAR.sub(" ", prev)
        body = _YEAR.sub(" ", body)
    parts = [prev, body, body_years, *prev_filters, *follow_filters]
    return " ".join(" ".join(p for p in parts if p.strip()).split())
