"""A question's misspelt words, searched as the notes write them: "shufle sharding" finds the notes' "shuffle
sharding", "hypervsior" their "hypervisor", and every front end says so (NotesIndex.notice).

A word is read as a typo only when nothing else explains it: no note says it in any form (the keyword index does not
know it), it is no English word (symspellpy's list of 82,765: "awake", "spot" or "react" are words the notes may just
not have, not typos of "aware", "slot" or "reach"), it is written in letters only and is not in quotes (a quoted
"shufle" asks for itself). It is then searched as the vault's word closest to it in spelling (the vocabulary built
with the index, vocabulary.py), as written or as a stem ("perosnal" is near the stem of "personal", which the vault
keeps as "person": it is searched as "personal", the ending typed kept): one letter added, dropped, changed or two
swapped (a word or stem of 8 letters or more: two such), starting with the same letter (a typo is rarely in the
first: "woring" is "working", not "boring"; "thats" no "chats"), neither a part of the other ("onboarding" is no
"boarding"), a word of 4 letters only its letters swapped ("jsno": "json"; "repo" is no "redo"); of equals the one more
passages say, a word of 4 letters only when one vault word is so close. A word written with a capital inside a
sentence is a name, searched as written ("Lukas" is not the notes' "Lucas"), and so is a contraction written without
its apostrophe ("thats"). None close, and the word is searched as written (NotesIndex.unmentioned may then say that no
note mentions it).

Measured over the 1,236 questions of the benchmarks' 28 sets (benchmarks/README.md, "Trials s39"): no word is mended;
without the English list, 47 words of 46 questions would have been, real words the notes lack.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .keywords import _DROP, GERMAN_STOPWORDS, SPACELESS, _stem_all, written_apart
from .periods import weekday_typo

# words people write without their apostrophe, which the English list has with it only (the review: "thats" had
# been searched as "chats")
_UNAPOSTROPHED = frozenset("""dont didnt doesnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt
havent hadnt mustnt neednt thats whats hows wheres whos theres heres ive youre theyre youve weve theyve youll theyll
shes hes lets""".split())
SHORTEST = 4  # letters: a shorter word has too many neighbours one letter away ("teh", "fro")
MEMO = 4096  # words a speller remembers the mend of
LONG = 8  # letters: a word this long may be two edits away ("hypervsior", "kuberentes")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")  # as search.py reads a word ("don't", "CHA2DS2-VASc" whole)


@dataclass(frozen=True)
class Fix:
    """A word of the question as typed, and the vault's word it is searched as; tag: the typed word is a tag's (no
    typo, but the notes' text writes it as searched)."""

    typed: str
    searched: str
    tag: bool = False


@dataclass(frozen=True)
class Spelling:
    """A question's text with its typos mended, and the mends (none: the text as typed)."""

    text: str
    fixes: tuple[Fix, ...] = ()


@functools.lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """The English words of symspellpy's frequency list (lower case); read once, about 60 ms."""
    from importlib import resources

    listing = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    return frozenset(line.split(" ", 1)[0] for line in listing.read_text(encoding="utf-8").splitlines())


def within_edits(a: str, b: str, most: int) -> bool:
    """Is a at most `most` letters added, dropped, changed or swapped from b?"""
    return 0 <= _distance()(a, b, most)


@functools.lru_cache(maxsize=1)
def _distance():
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    return EditDistance(DistanceAlgorithm.DAMERAU_OSA_FAST).compare  # (a, b, most) -> edits, or -1 past most


class Speller:
    """The vault's words by length, as written and as stems, each with how many passages say it; built on the first
    word to mend."""

    def __init__(self, forms: Sequence[str], stems: Sequence[str], passages: Callable[[int], int],
                 written: Callable[[], Iterable[tuple[str, int]]] = tuple):
        # vocabulary.Vocabulary's: each word once, by its stem, in its most frequent written form ("person" is the
        # form of "personal" too: "perosnal" is near the stem, not a form)
        self._forms, self._stems = forms, stems
        self._passages = passages  # a row -> how many passages hold its word
        self._written = written  # the other forms the notes write, each with its word's row (Vocabulary.written_forms)
        self._by_length: dict[int, list[tuple[str, int]]] | None = None
        self._written_by_length: dict[int, list[tuple[str, int]]] | None = None
        self._meant: dict[str, str | None] = {}  # a word looked up: search, notice and the chat each ask (5 ms a scan)
        self._known: frozenset[str] | None = None  # its forms and stems (has)

    def has(self, word: str) -> bool:
        """Is word one of the vault's words to mend by, as written or as its stem?"""
        if self._known is None:
            self._known = frozenset(self._forms) | frozenset(self._stems)
        return word in self._known or _stem_all([word])[0] in self._known

    def _buckets(self) -> dict[int, list[tuple[str, int]]]:
        if self._by_length is None:
            by_length: dict[int, list[tuple[str, int]]] = defaultdict(list)
            for row, (form, stem) in enumerate(zip(self._forms, self._stems)):
                if form.isalpha():
                    by_length[len(form)].append((form, row))
                    if stem != form:
                        by_length[len(stem)].append((stem, row))
            self._by_length = by_length
        return self._by_length

    def _written_buckets(self) -> dict[int, list[tuple[str, int]]]:
        """The other written forms by length: compared with the word as typed only (its stem, cut short, is one edit
        from a short form of another word: "formtted" had been "forms", the review)."""
        if self._written_by_length is None:
            by_length: dict[int, list[tuple[str, int]]] = defaultdict(list)
            for form, row in self._written():
                by_length[len(form)].append((form, row))
            self._written_by_length = by_length
        return self._written_by_length

    def meant(self, word: str) -> str | None:
        """The vault's word closest in spelling to word (lower case), as written or as its stem to word's stem; of
        equals the one that starts as word does ("woring": "working", not "boring"), then the more said; None if
        none is close."""
        low = word.casefold()
        if low not in self._meant:
            if len(self._meant) >= MEMO:
                self._meant.clear()
            self._meant[low] = self._closest(low)
        return self._meant[low]

    def _closest(self, low: str) -> str | None:
        stem = _stem_all([low])[0]
        compare, buckets, written = _distance(), self._buckets(), self._written_buckets()
        best: dict[int, tuple[int, bool]] = {}  # row -> its fewest edits, whether not with letters left out
        kept: dict[int, tuple[bool, str]] = {}  # row -> whether as a stem, the word matched
        for typed in dict.fromkeys([low, stem]):
            most = 2 if len(typed) >= LONG else 1  # (a stem's own length: "resampl" is no "resal")
            for length in range(len(typed) - most, len(typed) + most + 1):
                also = written.get(length, ()) if typed == low else ()
                for known, row in itertools.chain(buckets.get(length, ()), also):
                    if not _may_mean(typed, known):
                        continue
                    edits = compare(typed, known, most)
                    # (of one word's forms as near, one that holds the letters as typed: "monthy" is "monthly",
                    # not "month", the stem of both)
                    # (by its stem, the stem's letters: "bateri" of "batteri", "batery" of "batteries")
                    kept_letters = _letters_kept(typed, known)
                    if 0 < edits and (edits, not kept_letters) < best.get(row, (LONG, True)):
                        best[row] = (edits, not kept_letters)
                        kept[row] = (typed == stem and known == self._stems[row] and typed != low, known)
        if not best:
            return None
        # (of equals, one as typed before one by its stem: "consle" is "console", one letter added, not "consul",
        # whose stem "consul" is as near the stem "consl" and said more: trial s48)
        # ... then one that holds the word's letters in their order, a letter left out, the commonest typo ("monthy":
        # "monthly", not "months", whose stem "month" is as near; trial s61 XA)
        # (the letters kept first, as typed or by its stem: "batery" is the vault's "batteries", not "bakery", one
        # letter changed as typed: trial s78 E)
        ranked = sorted((edits, other, kept[row][0], -self._passages(row), self._forms[row], row, kept[row][1])
                        for row, (edits, other) in best.items())
        if len(low) < 5 and len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None  # "mane": "mine", "mare" or "name"? Not a guess to search by
        _, _, by_stem, _, form, row, known = ranked[0]
        if by_stem:
            return self._as_typed(low, stem, row)
        return form if known == self._stems[row] else known  # (a written form as written; a stem in its form)

    def _as_typed(self, low: str, stem: str, row: int) -> str:
        """The vault word of row with the ending low was typed with ("hapepned": "happen" + "ed", not the vault's
        "happens"; "potsing": "posting", not "post"), when that is an English word of its stem; else its vault form."""
        known = self._stems[row]
        if low.startswith(stem):
            word = known + low[len(stem):]
            if word in english() and _stem_all([word])[0] == known:
                return word
        return self._forms[row]


def _letters_kept(typed: str, known: str) -> bool:
    """Is typed known with letters left out, its letters in known's order ("monthy" of "monthly"), or with two of them
    swapped, its letters all known's ("peice" of "piece", not "price": trial s61 YB)?"""
    if len(known) == len(typed):
        return sorted(known) == sorted(typed)
    letters = iter(known)
    return len(known) > len(typed) and all(c in letters for c in typed)


def _may_mean(typed: str, known: str) -> bool:
    """May typed be a typo of known at all: the same first letter (a typo is rarely there: "thats" is no "chats",
    "meds" no "beds"), neither a part of the other (the review: "onboarding" is no "boarding"; but "escro" is "escrow"
    without its last letter), and a word of four
    letters only its letters swapped ("jsno": "json"; "repo" is no "redo")?"""
    if typed[0] != known[0] or known in typed or typed in known and not _last_letter_dropped(typed, known):
        return False
    return len(typed) > SHORTEST or sorted(typed) == sorted(known)


def _last_letter_dropped(typed: str, known: str) -> bool:
    """Is typed known without its last letter, a word of five letters or more ("escro" of "escrow": trial s48)?"""
    return len(typed) >= 5 and len(known) == len(typed) + 1 and known.startswith(typed)


def spelled(text: str, knows: Callable[[str], bool], speller: Speller | None, quoted: Sequence[str] = (),
            said_as_two: Callable[[str, str], bool] | None = None,
            said_as_one: Callable[[str, str, str], bool] | None = None, tags: frozenset[str] = frozenset()) -> Spelling:
    """text with each word that reads as a typo (see the module's docstring) replaced by the vault's word it likely
    means, in the case it was typed in, or by the two words the notes write it as (said_as_two: "loadin" the notes'
    "load in"), or two typed apart by the one the notes write (said_as_one: "epi pen" their "epipen", keywords.
    written_apart); knows(word): does any note say the word in any form. A word that only tags say (tags: the index's,
    folded) and no note's text, searched as the two its notes write it ("bookfair", a tag, the notes' "book fair":
    trial s68 S had found World Book Day's passages by "book", the fair's not in ten)."""
    if speller is None or _reads_german(text):
        return Spelling(text)
    kept = {w.casefold() for phrase in quoted for w in _WORD.findall(phrase)}
    named = {m.group(0) for m in _WORD.finditer(text) if word_is_a_name(text, m)}
    fixes: dict[str, str] = {}
    tagged: set[str] = set()
    joined = _as_one(text, knows, kept | {n.casefold() for n in named}, said_as_one)
    for asked in joined:  # (the one word, a word the notes say, is no typo below)
        def join(m: re.Match) -> str:
            fixes[m[0]] = m[1] + m[2]
            return m[1] + m[2]
        # (each pair found wherever it is: a scan of pairs in turn had paired "the epi", never "epi pens", trial s67)
        a, b = asked.split()
        text = re.sub(rf"(?<!\w)({re.escape(a)}) ({re.escape(b)})(?!\w)", join, text, flags=re.IGNORECASE)
    for word in dict.fromkeys(_WORD.findall(text)):
        low = word.casefold()
        # (the English list last: read once a process, 60 ms, only for a word no note says)
        if len(word) < SHORTEST or not word.isalpha() or low in kept or word in named or low in _UNAPOSTROPHED \
                or SPACELESS.search(word):
            continue  # (a word of Chinese or Japanese: a character more or less is another word, not a typo)
        if low in tags and not speller.has(low) and said_as_two is not None \
                and (meant := _as_two(low, knows, said_as_two)) is not None:
            fixes[word] = _cased_as(word, meant)
            tagged.add(word)
            continue
        if knows(word) or low in english():
            continue
        if (day := weekday_typo(word)) is not None:  # ("next wedensday": trial s74 I, a vault that writes "Wed")
            fixes[word] = _cased_as(word, day)
            continue
        meant = _as_two(low, knows, said_as_two) if said_as_two is not None else None
        if meant is not None:
            fixes[word] = _cased_as(word, meant)
            continue
        meant = speller.meant(word)
        if meant is not None:
            meant = _as_english(low, meant.casefold(), knows, speller)
        if meant is not None:
            fixes[word] = _cased_as(word, meant)
    if not fixes:
        return Spelling(text)
    mended = _WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), text)
    return Spelling(mended, tuple(Fix(t, s, t in tagged) for t, s in fixes.items()))


def _as_one(text: str, knows: Callable[[str], bool], kept: set[str],
            writes: Callable[[str, str, str], bool] | None = None) -> dict[str, str]:
    """{"epi pen": "epipen"}: two words of the question the notes write as one (keywords.written_apart, the rule the
    keyword side's related words follow), one of them no note's (trial s65 G: "does anyone on staff carry an epi pen"
    had not found "epipen in her bag": the model reads "epi pen" and "epipen" apart, the keyword side as a related word
    only); neither quoted nor a name (kept, folded)."""
    out: dict[str, str] = {}
    for asked, one, _ in written_apart(text, knows, writes):
        a, b = asked.split()
        # (a word and a stopword before an article are two words: "less on the day" is no "lesson", trial s76 D; "on
        # call this week" is the notes' "oncall")
        # (nor a verb and its particle, "pick up", "set up": the verb asked, trial s78 AI's "what did the pss inspector
        # pick up on" had been searched as the notes' "pickup", a vehicle; the keyword side still reads "pickup" near)
        if a not in kept and b not in kept and not (knows(a) and knows(b)) and not _before_article(text, a, b) \
                and not (b.lower() in _PARTICLES and a.lower() in english()):
            out[asked] = one
    return out


_PARTICLES = frozenset("up down out off in on over back away through".split())


def _before_article(text: str, a: str, b: str) -> bool:
    """Does text say a, then b a stopword, then an article or a determiner ("less on the day")?"""
    return b in _DROP and re.search(rf"\b{re.escape(a)}\s+{re.escape(b)}\s+(?:the|a|an|my|our|this|that|his|her|their|your)\b",
                                    text, re.IGNORECASE) is not None


TWO_WORDS_LONGEST = 30


def _as_two(typed: str, knows: Callable[[str], bool], said_as_two: Callable[[str, str], bool]) -> str | None:
    """The two words a word typed as one is, as the notes write them one after the other ("loadin": their "load in",
    9 times; trial s61 XC had searched "loading"), the first of two letters or more; else None. (A word's length
    at most TWO_WORDS_LONGEST: a 30,000-letter "word" is no two.)"""
    if len(typed) > TWO_WORDS_LONGEST:
        return None
    for i in range(2, len(typed) - 1):
        a, b = typed[:i], typed[i:]
        if knows(a) and knows(b) and said_as_two(a, b):
            return f"{a} {b}"
    return None


def _as_english(typed: str, meant: str, knows: Callable[[str], bool], speller: "Speller") -> str | None:
    """meant, the vault word a typo would be searched as, or the English word it is rather a typo of: one nearer to
    typed ("secnd" is one letter from "second", two from "sent", which the notes' "send" reads as; trial s60 UC-039),
    searched as it where the notes say it, else the typo as typed (None); or one as near that the notes say, a word
    too common for the vault's words to mend by ("realy" is "really", not the vault's "realm": trial s60 WD-037)."""
    nearer, same = _english_near(typed, meant)
    if nearer:
        return next((e for e in nearer if knows(e)), None)
    if _swapped(typed, meant):  # (two letters swapped, the commonest typo: "trem" is the notes' "term", not "them",
        return meant  # trial s63 VET-001)
    return next((e for e in same if e != meant and knows(e) and not speller.has(e)), meant)


def _swapped(typed: str, known: str) -> bool:
    """Is typed known with two letters next to each other swapped ("trem" of "term")?"""
    diff = [i for i, (a, b) in enumerate(zip(typed, known)) if a != b]
    return len(typed) == len(known) and len(diff) == 2 and diff[1] == diff[0] + 1 \
        and typed[diff[0]] == known[diff[1]] and typed[diff[1]] == known[diff[0]]


@functools.lru_cache(maxsize=MEMO)
def _english_near(typed: str, meant: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the English words nearer to typed than meant, the nearest first and of those one that keeps typed's letters
    first, "account" before "amount" and "about" for "acount": trial s63 U; then those as near), in the English list's
    order otherwise."""
    far = 1 if within_edits(typed, meant, 1) else 2 if within_edits(typed, meant, 2) else 3
    near = [e for e in _english_by_letter().get(typed[0], ())
            if e != typed and abs(len(e) - len(typed)) <= far and within_edits(typed, e, far)]
    nearer = tuple(sorted((e for e in near if far > 1 and within_edits(typed, e, far - 1)),
                          key=lambda e: (not within_edits(typed, e, 1), not _letters_kept(typed, e), e)))
    return nearer, tuple(sorted(e for e in near if e not in nearer))


@functools.lru_cache(maxsize=1)
def _english_by_letter() -> dict[str, tuple[str, ...]]:
    """The English list's words by their first letter."""
    out: dict[str, list[str]] = defaultdict(list)
    for e in english():
        out[e[:1]].append(e)
    return {k: tuple(v) for k, v in out.items()}


def _reads_german(text: str) -> bool:
    """Does the question say one of German's little words (keywords.GERMAN_STOPWORDS: none an English word or term),
    "was ist am 22.10.2024 passiert"? Its words are then searched as typed: the speller knows English's words only
    (trial s47: "notiz" had been searched as "noticed", "passiert" as "passwort")."""
    return any(w.casefold() in GERMAN_STOPWORDS for w in _WORD.findall(text))


def word_is_a_name(text: str, m: re.Match) -> bool:
    """Is the word m of text written with a capital inside a sentence: a name, which the notes may just not have
    ("what did Lukas say": not the notes' "Lucas")? The question's first word is a sentence's start, not a name."""
    from .asking import mid_sentence

    return m.group(0)[0].isupper() and mid_sentence(text, m.start())


def _cased_as(typed: str, word: str) -> str:
    """word in typed's case: "Shufle" -> "Shuffle", "NGNIX" -> "NGINX"."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[0].isupper():
        return word[0].upper() + word[1:]
    return word
