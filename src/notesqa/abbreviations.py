"""A question's words the notes abbreviate: "bigquery" is the notes' "BQ", "annual general meeting" their "AGM",
"power of attorney" their "POA" (trial s57 MC: "BQ bill down from ~£4k to £1.6k/mo" had been found for "bigquery
bill per month" 44th: the notes never say BigQuery).

A run of three or four words of one clause, none a stopword or a closed-class word (vocabulary.CLOSED) but "of" and
"and" inside, that no passage says together (else the notes write it out, and their own words find it), or one word
that is two English words the notes do not have ("bigquery"), is searched as well as its initials, where the notes
write those initials in capitals ("BQ", not the word "bq" of some code): a related word of the keyword side
(ranking._related). "of" and "and" count with their initials or without ("POA", "AGM"), and "and" (or "&") between
two words as "&" too ("terms and conditions": "T&C", "Sophie & Jack": "S&J"; the keyword index reads "T&C" as one word
too), whether or not other notes write the two together. Two words' initials are not read otherwise: too often another
thing's (over the shared sets' questions, "previous sibling" had been the notes' "PS", "startup script" their "SS"),
and neither are initials of fewer than three letters from a run. A rate ("miles per gallon", "pounds per square inch")
is its unit's initials with the "p" or without ("mpg", "psi"), as the notes write it, in lower case too (trial s63
DRV-019: "avg mpg 2025: ~46" had been no answer to "how many miles per gallon am i getting").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import keywords

RUN = 4  # words of a run, at most
SHORTEST_RUN = 3  # ... and at least; its initials' letters too
SHORTEST, LONGEST = 2, 5  # letters of an abbreviation (of a run: SHORTEST_RUN at least)
PART = 3  # letters of each English word a joined word is read as, at least
_JOINERS = frozenset({"of", "and", "the"})  # ("power of attorney": POA, "player of the match": POTM)
_CLAUSES = re.compile(r"[,.;:!?()\[\]{}\"“”]")
_AMPERSAND = re.compile(r"\s+&\s+")


def abbreviated(text: str, knows: Callable[[str], bool], together: Callable[[list[str]], bool],
                in_capitals: Callable[[str, str], bool]) -> list[tuple[str, str, str]]:
    """(the words as asked, their abbreviation as the notes write it, its token) for each run or joined word of text
    whose initials the notes write in capitals: knows(token) (the keyword index has it), in_capitals(token, form)
    (the passages that hold it write it so), and, for a run, not together(its words but joiners) (no passage says
    them together)."""
    asked_tokens = set(keywords.tokenize(text))
    out = []
    found = [(f, False) for f in _runs(text) + _joined_words(text, knows)] + [(f, True) for f in _rates(text)]
    for (asked, letters, content), rate in found:
        form, token = letters.upper(), keywords._stem_all([letters.replace("&", "")])[0]
        if token in asked_tokens or not knows(token):
            continue
        if not in_capitals(token, form):  # (a rate's unit is written in lower case too: "mpg", "psi")
            if not rate or not in_capitals(token, letters):
                continue
            form = letters
        # (last: the dearest test; not of two words joined by "&", a form of their own: "Sophie & Jack" in one note,
        # "S&J" in another, trial s58 QC)
        if content and "&" not in form and together(content):
            continue
        out.append((asked, form, token))
    return out


def _runs(text: str) -> list[tuple[str, str, list[str]]]:
    """(a run of words, its initials, its words but joiners) for each run of SHORTEST_RUN..RUN words of one clause,
    opening and closing with a word that is no stopword, of letters only; two words joined by "and" also as "X&Y"."""
    out = []
    for part in _CLAUSES.split(_AMPERSAND.sub(" and ", text.lower())):  # ("Sophie & Jack": as "Sophie and Jack")
        words = keywords._words(part)
        for i in range(len(words)):
            for n in range(2, RUN + 1):
                run = words[i:i + n]
                if len(run) < n or not _a_run(run):
                    break
                if run[-1] in keywords._DROP:
                    continue
                content = [w for w in run if w not in _JOINERS]
                if n < SHORTEST_RUN:
                    continue
                for letters in dict.fromkeys(("".join(w[0] for w in run), "".join(w[0] for w in content))):
                    if SHORTEST_RUN <= len(letters) <= LONGEST:
                        out.append((" ".join(run), letters, content))
                if n == 3 and run[1] == "and":  # "terms and conditions": the notes' "T&C"
                    out.append((" ".join(run), f"{run[0][0]}&{run[2][0]}", content))
    return out


def _rates(text: str) -> list[tuple[str, str, list[str]]]:
    """(a rate's words, its initials, its words but "per") for each "X per Y" or "X per Y Z" of one clause, its words of
    letters, no stopword nor closed-class word: its initials with the "p" ("miles per gallon": mpg) and without ("pounds
    per square inch": psi), of SHORTEST_RUN letters at least."""
    out = []
    for part in _CLAUSES.split(text.lower()):
        words = keywords._words(part)
        for i, w in enumerate(words):
            if w != "per" or i == 0:
                continue
            for n in (1, 2):
                content = [words[i - 1], *words[i + 1:i + 1 + n]]
                if len(content) < n + 1 or not _a_run(content):
                    break
                initials = [c[0] for c in content]
                asked = " ".join([content[0], "per", *content[1:]])
                for letters in dict.fromkeys((initials[0] + "p" + "".join(initials[1:]), "".join(initials))):
                    if SHORTEST_RUN <= len(letters) <= LONGEST:
                        out.append((asked, letters, content))
    return out


def _a_run(run: list[str]) -> bool:
    """Letters only, no stopword nor closed-class word ("mouse instead of typing" is no "MIT") but a joiner inside,
    none first."""
    from .vocabulary import CLOSED

    return all(w.isalpha() for w in run) and run[0] not in keywords._DROP and run[0] not in CLOSED \
        and all(w in _JOINERS or w not in keywords._DROP and w not in CLOSED for w in run[1:])


def _joined_words(text: str, knows: Callable[[str], bool]) -> list[tuple[str, str, list[str]]]:
    """(a word, its initials, no run) for each word of text the notes do not have and no English word, that reads as two
    English words of PART letters or more ("bigquery": big, query)."""
    from .spelling import english

    words = english()
    out = []
    for w in dict.fromkeys(keywords._words(text.lower())):
        if not w.isalpha() or len(w) < 2 * PART or w in words or knows(keywords._stem_all([w])[0]):
            continue
        for cut in range(PART, len(w) - PART + 1):
            a, b = w[:cut], w[cut:]
            if a in words and b in words and a not in keywords._DROP and b not in keywords._DROP:
                out.append((w, a[0] + b[0], []))
                break
    return out


# the short forms notes write for everyday words ("26 wk review" for "26 week review": trial s69 J PHR-010, not in
# ten), each word with its short form; searched both ways, where the notes write the other one (not "number": "no" is
# a word of its own, "annas phone number" had lifted lines that say "no", the rescore)
_SHORT_FORMS = {"week": "wk", "weeks": "wks", "year": "yr", "years": "yrs", "hour": "hr", "hours": "hrs",
                "minutes": "mins", "month": "mth", "months": "mths", "appointment": "appt", "appointments": "appts",
                "approximately": "approx", "quantity": "qty", "meeting": "mtg", "account": "acct",
                "department": "dept", "telephone": "tel", "reference": "ref", "registration": "reg",
                "information": "info", "average": "avg", "temperature": "temp", "manager": "mgr",
                "management": "mgmt", "message": "msg", "people": "ppl", "tomorrow": "tmrw", "certificate": "cert",
                "certificates": "certs", "volunteers": "vols", "birthday": "bday",
                "documents": "docs", "maximum": "max", "minimum": "min", "required": "reqd", "received": "recd",
                "between": "btwn", "government": "govt", "delivery": "del", "invoice": "inv", "weekend": "w/e"}
_LONG_FORMS = {short: word for word, short in _SHORT_FORMS.items()}
# ... and one way only, the short form a word of its own too ("30 sec rest" is no secretary's: the review)
_SHORT_FORMS["secretary"] = "sec"  # ("allotment society sec: Pauline", trial s76 B)
# ... and a number's "no" after what it numbers, at a question's end or before "for" ("caretaker phone no", "boc acct no
# for co2 bottles"): the notes' "number" (one way only)
_NUMBER_NO = re.compile(r"\b[a-z]{2,}\s+no\.?(?=\s*(?:[?.!]*$|\s+for\b))")


@lru_cache(maxsize=1)
def other_form_tokens() -> dict[str, frozenset[str]]:
    """Each everyday word's token -> its short forms' tokens, and the other way ("meet" -> {"mtg"}; "manag" -> {"mgr",
    "mgmt"}), as the keyword side reads them."""
    out: dict[str, set[str]] = {}
    for word, short in _SHORT_FORMS.items():
        if short.isalpha():
            a, b = keywords._stem_all([word])[0], keywords._stem_all([short])[0]
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def short_forms(text: str, knows: Callable[[str], bool]) -> list[tuple[str, str, str]]:
    """(the word as asked, the other form, its token) for each word of text that _SHORT_FORMS gives a short or a long
    form of, that form not in text and known to the notes (knows(token): the keyword index has it)."""
    low = text.lower()
    words = keywords._words(low)
    out = []
    if "number" not in words and _NUMBER_NO.search(low) and knows(token := keywords._stem_all(["number"])[0]):
        out.append(("no", "number", token))
    for w in dict.fromkeys(words):
        other = _SHORT_FORMS.get(w) or _LONG_FORMS.get(w)
        if other is None or other in words or not other.replace("/", "").isalpha():
            continue
        token = keywords._stem_all([other])[0]
        if token and knows(token):
            out.append((w, other, token))
    return out
