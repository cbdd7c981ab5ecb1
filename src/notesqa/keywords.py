"""The keyword side of hybrid search: BM25 (bm25s) over Unicode-aware tokens.

Tokens are Unicode words (not ASCII-only), case-folded, NFKC-normalised and, for
words with accents, also indexed without them, so "café" matches "café" exactly and
"cafe" too. English stemming (Snowball) joins "retries" and "retry"; a hyphenated word is
also indexed as one ("to-do" as "todo" too, "e-mail" as "email").

Chinese, Japanese and Korean script runs (Han, Hiragana, Katakana, Hangul) are indexed
as overlapping character bigrams ("数据分析" -> "数据", "据分", "分析"; a lone character
stays itself), so a two-character word of a question matches inside a longer run
written without spaces. They are not stemmed nor stripped of marks (が is not か).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np

from .folding import unaccented
from . import tokenrows
from .tokenrows import TokenRows, text_key

_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words (Korean has spaces, but its words carry
# attached particles: 서울에서 = 서울 + 에서, so bigrams serve it too). After NFKC, so
# half-width katakana and compatibility ideographs are already their usual forms.
_CJK_CHARS = (
    "\u3005\u3007\u3021-\u3029\u3038-\u303b"  # 々 〇, Hangzhou numerals, 〻
    "\u3040-\u30ff"  # Hiragana, Katakana (with ー)
    "\u3100-\u312f\u3130-\u318f\u31a0-\u31bf\u31f0-\u31ff"  # Bopomofo, Hangul compat. Jamo, Katakana ext.
    "\u3400-\u4dbf\u4e00-\u9fff"  # Han: Extension A, Unified Ideographs
    "\ua960-\ua97f\uac00-\ud7ff"  # Hangul Jamo ext. A, syllables, Jamo ext. B
    "\uf900-\ufaff"  # Han compatibility ideographs (the few NFKC keeps)
    "\U00020000-\U0003ffff"  # Han Extensions B and later
)
SPACELESS = re.compile(f"[{_CJK_CHARS}]")  # a letter of a script written without spaces between words (phrases.py too)
# One range from the first CJK character up: a much faster scan than SPACELESS's many ranges;
# below it are the Latin, Greek, Cyrillic... letters of most non-ASCII words.
_MAYBE_CJK = re.compile("[\u3005-\U0003ffff]")
_SCRIPT_RUN = re.compile(f"([{_CJK_CHARS}]+)|([^{_CJK_CHARS}]+)")  # in a word: (CJK run) | (other run)
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have how i if in into is it its me my of on or so than that the "
    "their them then there these they this to was we were what when where which who why will with you your do "
    "does did can could should would about any all also just "
    # people's pronouns (trial s44: "what did we offer Marcus to keep him?" had ranked "take a vacation, asked him" by
    # its "him"); "it", "its", "they", "them", "me" are above; not "us" ("the US trip", "us-east-1")
    "he him his she her hers our ours".split()
)
# ... and German's (bm25s's list, as many of its people write notes in both: trial s47's "wo haben wir in kyoto
# übernachtet" had found "wir haben aber auch viel geheizt" first by "haben", "wir"), not those that are words or
# names in English too ("die", "war", "hat", "man", "den", "bin", "will", "mit", "nun", "du", "es", "er", "da", "des",
# "dem", "ins", "ob", "weg", "hin", "so", "also", "an", "in", "am", "was": the last five are English's above; nor
# a word English writes as a name or term, "dir", "als", "im", "aus", "von", "über", "mir", "um", "hier", "allen",
# "seine", "mich": the reviews)
GERMAN_STOPWORDS = frozenset(
    "aber allem aller alles andere anderem anderen anderer anderes anderm andern anders auch auf bei bist "
    "damit dann das dass dasselbe dazu daß dein deine deinem deinen deiner deines denn denselben der derer "
    "derselbe derselben desselben dessen dich diese dieselbe dieselben diesem diesen dieser dieses doch dort "
    "durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal etwas euch euer "
    "eure eurem euren eurer eures für gegen gewesen hab habe haben hatte hatten hinter ich ihm ihn ihnen ihr ihre "
    "ihrem ihren ihrer ihres indem ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein "
    "keine keinem keinen keiner keines können könnte manche manchem manchen mancher manches mein meine meinem "
    "meinen meiner meines muss musste nach nicht nichts noch nur oder ohne sehr seinem seinen seiner "
    "seines selbst sich sie sind solche solchem solchen solcher solches soll sollte sondern sonst und uns unser "
    "unsere unserem unseren unseres vor waren warst weil welche welchem welchen welcher welches wenn werde werden "
    "wie wieder wir wird wirst wo wollen wollte während würde würden zu zum zur zwar zwischen".split())
TOKENIZER_VERSION = "43"  # 43: not a number in quotes as inches, a measure at a sentence's end; 42: a measure against its number ("1lb") also its number and unit, '12"' also "inch"; 41: not "spoke" as "speak" (a wheel's: the review); 40: rang, spoke, told, brought, taught as ring, speak, tell, bring, teach; 39: "wedding" no "Wed" ("wed"); 38: initials written with dots also one word ("A.H.": "ah"); 37: a sum in euros ("€30") also "euro"; 36: a name joined by underscores its words too ("wedding_date": "wedding", "date"); 35: only a measure's short form's plural ("lbs", not "DBS") its singular's; 34: a stopword written in capitals a word ("IT", "IF"); 33: a short form's plural of no vowel ("lbs", "hrs") its singular's word; 32: "outstanding" beside a sum or a bill also "unpaid"; 31: a sum said not paid ("NOT PAID", "hasnt paid", "owes", "Paid: ❌") also "unpaid"; 30: "xmas", "bday" also "christmas", "birthday"; 29: a code's letters also alone ("xs650": "xs"); 28: letters joined by "&" also one word ("T&Cs": "tcs"); 27: ... only beside a day of the month, a weekday lower case only before a day or time; 26: a month's or weekday's short name also its full name ("Oct", "Tue"); 25: a negation typed without its apostrophe ("didnt") as written with it; 24: a code's number of 3-4 digits also alone ("cs241": "241"); 23: sown, met, sent, grew as sow, meet, send, grow; 22: "1 on 1" with any spaces; 21: a one-on-one written any way ("1:1", "1-1", "one on one") also "1on1"; 20: not "allen", "seine", "mich" either; a number's leading zeros not after a comma; 19: a number with leading zeros kept as written too; 18: fewer German stopwords (not "dir", "als", "im", "von"...); 17: a citation key also its name and year ("tadey2015"); 16: German's stopwords left out too; 15: a number's leading zeros left out ("04" -> "4"); 14: ... and as written too ("PRs": "prs" and "pr"); 13: an abbreviation's plural in capitals its singular ("PBs", "KPIs"); 12: money's past forms and a few nouns as their verb (paid -> pay, bought -> buy, decisions -> decide); 11: not "analyses" nor "ellipses"; 10: Greek and Latin plurals as their singulars (hypotheses, indices, criteria); 9: he, him, his, she, her, hers, our, ours left out; 8: a dotted number also whole ("0.4.0"); 7: a number's plural its number ("502s"); 2: CJK runs as character bigrams; 3, 4: hyphenated words also joined; 5: American spellings; 6: single letters are words
SECTIONS, SECTION_OF = "sections", "section_of.npy"


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import Stemmer

        return Stemmer.Stemmer("english")
    except ImportError:  # stemming is a refinement; plain tokens still work
        return None


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    """What a text's tokens depend on beyond its text: this tokenizer's version and the stemmer it has (PyStemmer's
    version, or none): the key of tokens kept from a build for the next one (tokenrows.py, vocabulary's counts)."""
    if _stemmer() is None:
        return f"{TOKENIZER_VERSION}/no stemmer"
    import Stemmer

    return f"{TOKENIZER_VERSION}/PyStemmer {Stemmer.version()}"


# Words never indexed: stopwords and "_". A single letter is a word ("vitamin K", "K+", "the C
# language", "k-nearest", "Plan B"); the letters of a contraction or an abbreviation ("don't",
# "Tim's", French "l'usine", "e.g.") are not (_words takes them out first). An ASCII text needs no
# normalising either: most notes take that path, and a build tokenises every chunk and section.
_DROP = STOPWORDS | GERMAN_STOPWORDS | frozenset("_")
_CLIPPED = re.compile(r"(?<=\w)['’](?:s|t|d|m|ll|re|ve)\b|\b[cdjlmnst]['’](?=\w)")
_ABBREVIATED = re.compile(r"\b(?:e\.g|i\.e|a\.k\.a|n\.b)\b\.?")


def _words(low: str) -> list[str]:
    """The words of a lower-case text, contractions and abbreviations left out."""
    if "'" in low or "’" in low:
        low = _CLIPPED.sub(" ", low)
    if "e.g" in low or "i.e" in low or "a.k.a" in low or "n.b" in low:
        low = _ABBREVIATED.sub(" ", low)
    return _WORD.findall(low)


_STEMS: dict[str, str] = {}  # word -> stem: a vault's vocabulary repeats, stemming is the slow part


def _stem_all(words: list[str]) -> list[str]:
    """Each word in its American spelling (american), stemmed."""
    stem = _stemmer()
    if stem is None:
        return [_OWN_STEM.get(w) or _number_of(w) or american(_singular(w)) for w in words]
    out = [_STEMS.get(w) for w in words]
    if None in out:
        if len(_STEMS) > 500_000:
            _STEMS.clear()
        for i, s in enumerate(out):
            if s is None:
                out[i] = _STEMS[words[i]] = _OWN_STEM.get(words[i]) or _number_of(words[i]) \
                    or stem.stemWord(american(_singular(words[i])))
    return out


# words whose stem would be a weekday's short name: "wedding" is no "Wed" (trial s79 O: "when is my next wedding" had
# found a log's "## Wed 8 Sept")
_OWN_STEM = {"wedding": "wedding", "weddings": "wedding", "wedded": "wedding"}


# plurals no stemmer reads as their singular's (Snowball's "hypothes" and "hypothesi": trial s45's "what's my
# hypothesis for chapter 3?" had not found "## Hypotheses"): a Greek or Latin word's, and a few of English's own
# (not "analyses", also British English's verb, nor "ellipses", also an ellipse's plural: the review)
_SIS = frozenset("hypothesis thesis crisis diagnosis prognosis synopsis parenthesis emphasis synthesis oasis neurosis "
                 "psychosis metastasis prosthesis antithesis paralysis dialysis nemesis thrombosis stenosis".split())
_IRREGULAR = {"indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
              "criteria": "criterion", "phenomena": "phenomenon", "children": "child", "mice": "mouse",
              "women": "woman", "teeth": "tooth", "geese": "goose"}


# a few of a verb's forms no stemmer joins to it, where a question asks with one and notes write another: money's
# ("how much did I pay?" for the notes' "paid £40", "what did we buy" for "bought") and the nouns notes head a
# section with for the verb a question asks with ("what did we decide?" for "## Decisions", "how did we solve it" for
# "Solution"): trial s46. Not every irregular verb's: "taken", "given", "lost", "broken", "written" are rarer words
# than the verb and find what they say ("where was the picture taken?" lost its answer so, and three blog questions
# a rank).
_BASE = {form: base for base, forms in (
    ("buy", "bought"), ("pay", "paid payment payments"), ("sell", "sold"), ("spend", "spent"),
    ("choose", "choice choices"), ("decide", "decision decisions"), ("conclude", "conclusion conclusions"),
    ("agree", "agreement agreements"), ("solve", "solution solutions"), ("explain", "explanation explanations"),
    ("describe", "description descriptions"), ("fail", "failure failures"), ("prove", "proof proofs"),
    ("approve", "approval approvals"), ("deliver", "delivery deliveries"), ("renew", "renewal renewals"),
    # ... and the past forms a log writes of what a question asks with the verb (trials s50, s51: "when did i sow
    # the leeks" for "leeks sown", "who did i meet" for "met Dr. Nguyen", "when did i send" for "sent")
    ("sow", "sown sowed"), ("meet", "met"), ("send", "sent"), ("grow", "grew grown"),
    # (trial s84 H: "when did i last ring priya" had not found "Rang Priya at lunchtime", 5th)
    ("ring", "rang"), ("tell", "told"), ("bring", "brought"), ("teach", "taught"))  # (not "spoke": a wheel's, the review)
    for form in forms.split()}


# a negation typed without its apostrophe is the one written with it ("didnt" for the notes' "didn't": trial s51)
_NO_APOSTROPHE = {word + "t": word for word in (
    "didn doesn don isn wasn weren aren hasn haven hadn couldn shouldn wouldn mustn needn").split()}


def _singular(word: str) -> str:
    """word's singular when it is a plural of those (hypotheses -> hypothesis, indices -> index), a past form's or a
    noun's verb (_BASE: paid -> pay, decisions -> decide), else word."""
    if word.endswith("ses") and word[:-3] + "sis" in _SIS:
        return word[:-3] + "sis"
    if word in _UNIT_PLURALS:  # (no stemmer reads "lbs" as "lb": no vowel before its "s")
        return word[:-1]
    return _IRREGULAR.get(word) or _NO_APOSTROPHE.get(word) or _BASE.get(word, word)


# a measure's short form's plural of no vowel ("lbs", "hrs", "yrs", "wks", "kgs"): its singular's word ("how many lbs
# a week": "~25 lb/wk", trial s70 H); not initials ("DBS", "BCS" of "Brown Chicken Stock": the suite)
_UNIT_PLURALS = frozenset("lbs hrs yrs wks kgs mths pkts qts cms mms kms ltrs gms tbsps tsps".split())


def _number_of(word: str) -> str | None:
    """The number a plural of one is ("502s" -> "502", "1990s" -> "1990": trial s37's "why the 502s?" had found no
    `502`), else None."""
    return word[:-1] if len(word) > 1 and word[-1] == "s" and word[:-1].isdigit() else None


@lru_cache(maxsize=1)
def _british() -> dict[str, str]:
    """British spellings -> American ones (breame's list: colour, organise, centre, anaemia, ...)."""
    try:
        from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS
    except ImportError:  # a refinement, as stemming is
        return {}
    return BRITISH_ENGLISH_SPELLINGS


# the medical and scientific British forms no word list can hold all of: hyperkalaemia, haematoma, oedema,
# paediatric, oesophagitis, anaesthetist, diarrhoea, foetal (longest first: "anaesth" before "aem")
_MEDICAL = {"anaesth": "anesth", "diarrhoe": "diarrhe", "dyspnoe": "dyspne", "apnoe": "apne", "gynaec": "gynec",
            "aetiol": "etiol", "paed": "ped", "faec": "fec", "caec": "cec", "aem": "em"}
_MEDICAL_RX = re.compile("|".join(sorted(_MEDICAL, key=len, reverse=True)) + "|^oe(?=dem|soph|str)|^foet")


def american(word: str) -> str:
    """A lower-case word in its American spelling, so "hyperkalaemia" finds "hyperkalemia" and "colour"
    finds "color" (both sides of the keyword index are read so)."""
    us = _british().get(word)
    if us is not None:
        return us
    if "ae" in word or "oe" in word:
        return _MEDICAL_RX.sub(lambda m: _MEDICAL.get(m.group(0), "e" if m.group(0) == "oe" else "fet"), word)
    return word


# a code of letters and a number written apart ("cs 6210", "CS-6210", "SOC 2") or together ("cs6210", "soc2": trial s50's
# "soc2" had missed the notes' "SOC 2"; the split form of two letters or more): KeywordIndex._asked
_SPLIT_CODE = re.compile(r"(?<![\w-])([A-Za-z]{1,5})[ -](\d{1,6})(?![\w-])")
_CODE_TOKEN = re.compile(r"([a-z]{1,5})(\d{2,6})|([a-z]{2,5})(\d)")  # ("b12", "a40" too: the review)
def code_forms(query: str, tokens: list[str], joined_only: bool = False,
               known: Callable[[str], bool] = lambda t: False) -> list[str]:
    """Other forms of the codes of a query of tokens: "cs 6210" and "CS-6210" also "cs6210"; "jira4521", a token not
    known(), also "jira" and "4521" (trial s39: a course code written another way had missed its notes; not "covid19"
    as "19" where the notes say "covid19": the review)."""
    if not any(ch.isdigit() for ch in query):
        return []
    joined = [m.group(1).lower() + m.group(2) for m in _SPLIT_CODE.finditer(query)]
    if joined_only:
        return joined
    return joined + [p for t in tokens if not known(t) and (m := _CODE_TOKEN.fullmatch(t)) for p in m.groups() if p]


_COMPOUND = re.compile(r"(?<!\w)\w+(?:-\w+)+")  # to-do, e-mail, Wi-Fi, pre-commit (tried at a word's start only)


# letters joined by "&" ("T&Cs", "Q&A", "A&E", "R&D"): also one word of those letters ("tcs", "qa"), as a question's
# words are read with abbreviations.py ("terms and conditions": the notes' "T&C"); the letters alone had been lost
_AMPERSAND = re.compile(r"(?<![\w&])([a-z]{1,3})&([a-z]{1,3})(?![\w&])")


def _ampersand(text: str) -> list[str]:
    """The words of text's letters joined by "&", as one word ("t&cs" -> "tcs")."""
    if "&" not in text:
        return []
    out = []
    for a, b in _AMPERSAND.findall(text):
        out.append(a + b)
        if len(b) > 1 and b.endswith("s"):  # "T&Cs": the T&C's plural, as "PBs" is PB's
            out.append(a + b[:-1])
    return out


def ampersand_letters(text: str, knows: Callable[[str], bool]) -> dict[str, str]:
    """The single letters of text's letters joined by "&" whose joined word knows knows, each to that word ("a&e":
    "a" and "e" to "ae")."""
    out = {}
    for a, b in _AMPERSAND.findall(text.lower()):
        if knows(joined := _stem_all([a + b])[0]):
            out.update((part, joined) for part in (a, b) if len(part) == 1)
    return out


_SNAKE = re.compile(r"(?<![\w])[a-z0-9]+(?:_[a-z0-9]+)+(?![\w])")


def _snaked(text: str) -> list[str]:
    """The words of a name joined by underscores ("wedding_date", "next_service" of a note's fields, "max_retries"):
    people ask them apart ("when is my next wedding"); the name itself is a word too (_words)."""
    if "_" not in text:
        return []
    return [part for m in _SNAKE.findall(text) for part in m.split("_") if any(map(str.isalpha, part))]


def _joined(text: str) -> list[str]:
    """Hyphenated words also as one word ("to-do" -> "todo"): people write both. Only when every part
    has a letter: not a date (2023-12-11) nor a name that starts with one."""
    if "-" not in text:
        return []
    return [m.replace("-", "") for m in _COMPOUND.findall(text)
            if all(any(map(str.isalpha, part)) for part in m.split("-"))]


def written_apart(text: str, knows: Callable[[str], bool],
                  writes: Callable[[str, str, str], bool] | None = None) -> list[tuple[str, str, str]]:
    """Two words of a question that the notes write as one ("cut over": the notes' "cutover", "roll back": their
    "rollback"; trial s46): (the two as asked, the one word, its token), for a word of five letters or more that is
    no stopword and that knows (the keyword index) has, of two words of one clause, the first no article; and when
    writes is given, that it says the notes write them as one (the two, the token), not only of its stem ("who led"
    no "wholed", a stem of "whole": trial s67 A)."""
    low = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    out = []
    for part in _CLAUSES.split(low):  # not across a comma: "cut, over the weekend" (the review)
        words = _words(part)
        for a, b in zip(words, words[1:]):
            one = a + b
            # not after an article: "a typical dose" is no "atypical", "a sync job" no "async" (the review; "on call"
            # is the notes' "oncall", the second review)
            if a.isalpha() and b.isalpha() and a not in _ARTICLES and len(one) >= 5 and one not in _DROP \
                    and one not in words:
                token = _stem_all([one])[0]
                if knows(token) and (writes is None or writes(a, b, token)):
                    out.append((f"{a} {b}", one, token))
    return out


_ARTICLES = frozenset({"a", "an", "the"})
_CLAUSES = re.compile(r"[,.;:!?()\[\]{}\"“”]")


# a number of two or more parts joined by dots, whole: a version (0.4.0, v2.10.1: without its "v", as the notes may
# write it either way), a decimal (3.11, 0.5), an address (10.0.0.1), a dotted date (2023.12.11); not after a word
# or a dot (the tail of "rev1.2", of "1.2.3.4"), except after two (a range: v0.4.0..v0.5.0), nor after a thousands
# comma ("1,000.50"), nor with a sentence's period
_DOTTED = re.compile(r"(?:(?<=\.\.)|(?<![\w.]))(?<!\d,)v?(\d+(?:\.\d+)+)(?!\w|\.\d)")


# initials written with dots: "A.H." (a patient's), "U.K." also one word, "ah", "uk" (trial s78 V: "the AH crown" had said
# no note mentions "AH", the notes' "A.H." in six notes); not "e.g.", "i.e.", "a.m."
_INITIALS = re.compile(r"(?<![\w.])((?:[a-z]\.){2,4})(?![\w])")
_NOT_INITIALS = frozenset(("e.g.", "i.e.", "a.m.", "p.m.", "n.b.", "a.k.a.", "c.f.", "e.g", "i.e"))


def _initials(low: str) -> list[str]:
    """A text's initials written with dots ("a.h."), each also one word ("ah")."""
    return [m.replace(".", "") for m in _INITIALS.findall(low) if m not in _NOT_INITIALS] if "." in low else []


def _dotted(low: str) -> list[str]:
    """A text's dotted numbers, each also one word besides its parts: "0.4.0" is not "4.0.4" (a user trial: asked
    "0.4.0", the notes of 4.0.4 had come first, its parts being the same)."""
    return _DOTTED.findall(low) if "." in low else []


# a number written with leading zeros: also the number ("PLOT-04" also "4", "0007-use-postgres" also "7": trial s47's
# "plot 4" had not found PLOT-04, "adr 7" not 0007-use-postgres.md); not a decimal's digits ("3.05" is no "3.5": the
# review), nor zeros alone ("000" of "1,000")
_LEADING_ZEROS = re.compile(r"(?<![\w.,])0+([1-9]\d*)(?!\w|\.\d)")


def _zeroless(low: str) -> list[str]:
    """A text's numbers written with leading zeros, without them ("04": "4"), besides them."""
    return _LEADING_ZEROS.findall(low) if "0" in low else []


# a citation key, a name and a year ("tadey2015", "cepeda2006a", Zotero's and Pandoc's): also the name and the year, as
# people call a paper ("the tadey paper", "Tadey 2015": trial s47 had found none of its note)
_CITEKEY = re.compile(r"(?<![\w])([a-z]{3,})((?:19|20)\d\d)[a-z]?(?!\w)")


# a course's or a model's code, letters and a number of three or four digits ("cs241", "math239", "rtx4090"): also the
# number, as people call it ("the 241 midterm": trial s51 had found "cs241"'s notes only for "cs241"), and the letters
# ("the XS" of an "XS650", "the CB" of a "CB550": trial s61 XD's restoration log had been of no word of "what did I do
# on the XS in april 2025"); not a shorter number ("covid19", "mp3"), nor a citation key's year (_cited's)
_COURSE_CODE = re.compile(r"(?<![\w-])([a-z]{2,5})(\d{3,4})(?![\w-])")


def code_letters(text: str) -> set[str]:
    """The letters of the codes text says ("cs" of "cs6210"), as tokens, but those it says alone too ("the CS course
    cs6210")."""
    low = text.lower()
    return {letters for letters, _ in _codes(low)} - set(_WORD_ALONE.findall(low)) if any(c.isdigit() for c in low) \
        else set()


_WORD_ALONE = re.compile(r"(?<![\w-])[a-z]{2,5}(?![\w-])")


def _coded(low: str) -> list[str]:
    """A text's codes' letters and numbers ("cs241": "cs", "241"), besides the codes."""
    return [part for code in _codes(low) for part in code] if any(c.isdigit() for c in low) else []


def _codes(low: str) -> list[tuple[str, str]]:
    """(letters, number) of each course's or model's code low says (_COURSE_CODE), not a citation key's year."""
    return [(letters, n) for letters, n in _COURSE_CODE.findall(low) if not YEAR_WORD.fullmatch(n)]


YEAR_WORD = re.compile(r"(?:19|20)\d\d")  # a word that is a year (fullmatch)


def _cited(low: str) -> list[str]:
    """A text's citation keys' names and years ("tadey2015": "tadey", "2015"), besides the keys."""
    return [part for m in _CITEKEY.finditer(low) for part in m.groups()]  # (the regex alone: a scan for a digit in
    # Python first had cost twice its time over a build's texts)


# a one-on-one meeting as people write it ("1:1", "1-1", "1-on-1", "one on one", "1o1"): also "1on1", one word (trial
# s49: "my last 1:1" read as two 1s had not found the page "1on1 Marta"; "1on1" is one word already); not "1/1", a
# day, nor "11:1" or "1:10"
ONE_ON_ONE = r"1(?::|-|-on-|\s+on\s+|o)1|one[\s-]on[\s-]one"  # (asking's "my last 1:1" reads them so, and "1on1")
_ONE_ON_ONE = re.compile(r"(?<![\w:./-])(?:" + ONE_ON_ONE + r")(?:s|'s)?(?![\w:./]|-\d)")


def _one_on_one(low: str) -> list[str]:
    """A text's one-on-ones, each also the one word "1on1"."""
    return ["1on1"] * len(_ONE_ON_ONE.findall(low)) if "1" in low or "one" in low else []


_EUROS = re.compile(r"€\s?\d|\d\s?€")


def _euros(text: str) -> list[str]:
    """The word "euro" for each sum in euros ("€30–€50 spending money": trial s76 I, "how many euros should kids take"
    had not found it)."""
    return ["euro"] * len(_EUROS.findall(text)) if "€" in text else []


# a measure written against its number ("1lb", "500ml", "12in") and inches as a mark ('12"'): its number and its unit
# as words too, as "1 lb" is read (trials s87 E, B: "price of a 1lb jar" had not found "1 lb £7.50", "how much osmocote
# in a 12 inch basket" the '12" basket')
_MEASURED = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(lbs?|kg|g|oz|ml|cl|ltr|l|cm|mm|m|km|ft|in|inch|inches|mph|kwh|kw|hrs?|mins?)"
                       r"(?!\w|\.\d)")  # (at a sentence's end too: "each jar is 1lb.", the review)
_INCHES = re.compile(r"(?<![\w.\"“])\d+(?:\.\d+)?\s?[\"″](?!\w)")  # (not a number in quotes, "4512": the review)
_UNIT_WORD = {"in": "inch", "inches": "inch"}


def _measured(low: str) -> list[str]:
    """The number and the unit of each measure written against its number ("1lb": "1", "lb"), and "inch" for each
    number of inches written with its mark ('12"')."""
    if not any(ch.isdigit() for ch in low):
        return []
    out = [w for m in _MEASURED.finditer(low) for w in (m[1], _UNIT_WORD.get(m[2], m[2]))]
    return out + ["inch"] * len(_INCHES.findall(low)) if '"' in low or "″" in low else out


def _unpaid(low: str) -> list[str]:
    """The word "unpaid" for each way text says a sum is not paid: "NOT PAID", "hasn't paid", "didnt pay", "still
    owes", "Paid: ❌" (trials s62-s65: "who hasnt paid subs", "which invoice is still unpaid" had found every row of a
    table with a "Paid" column alike, its "NOT PAID" row nowhere)."""
    if not ("paid" in low or "pay" in low or "owe" in low or "owing" in low or "outstanding" in low):
        return []  # (most text: no regex to run, a question's tokens read at every search: the latency)
    found = len(_UNPAID.findall(low))
    # ... and "outstanding" beside a sum or a bill ("£223.20 | **outstanding** — chased", trial s65 AD), not praise
    if "outstanding" in low and _OF_A_SUM.search(low):
        found += len(_OUTSTANDING.findall(low))
    return ["unpaid"] * found


_OUTSTANDING = re.compile(r"\boutstanding\b")
_OF_A_SUM = re.compile(r"[£$€]\s?\d|\b(?:invoices?|inv|bills?|owed?|owing|fees?|subs|deposit|balance)\b")
_UNPAID = re.compile(r"(?:\b(?:not|never|no)|n['’]?t)[ \t]+(?:(?:yet|been|they|we|he|she|you|i)[ \t]+)?pa(?:id|y|yed)\b"
                     r"|\bow(?:es|ing|ed)\b|\bpaid\W{0,3}(?:❌|✗|✘|no\b|not yet\b)")


# an abbreviation's plural, written in capitals and an "s": "PBs", "KPIs", "GPUs" are PB, KPI, GPU too (trial s46: a
# runner's "PBs" note was never found for "my 5k pb"; the stemmer keeps "pbs", as it must "bus"), and stay as written
# (a question typed in lower case, "which prs are open", says "prs": the review)
_CAPS_PLURAL = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s\b")
# a stopword written in capitals is a name ("IT support", "the IF exam", "US office", "HER search": trial s70 I
# DS-021, "IF" had been left out, "IF exam on the sunday" found no IF exam); not a time's "AM", "PM", not a line
# written all in capitals ("DO NOT USE IT"), where each word is as it is in lower case
_CAPITAL_WORD = re.compile(r"(?<![\w'’-])([A-Z]{2,4})(?![\w'’-])")
_SHOUTED = re.compile(r"[A-Z]{2,}\W+[A-Z]{2,}\W+[A-Z]{2,}")


def _capital_stopwords(text: str) -> list[str]:
    """The stopwords text writes in capitals as names ("IT", "IF"), in lower case; none in a line of three capital
    words running (shouted)."""
    if not any("A" <= ch <= "Z" for ch in text):
        return []
    return [w.lower() for m in _CAPITAL_WORD.finditer(text) if (w := m[1]) not in ("AM", "PM") and w.lower() in _DROP
            and not _SHOUTED.search(text, max(0, m.start() - 12), m.end() + 12)]
# a month's or a weekday's short name is that name too: "Oct" is October, "Tue" Tuesday (trial s53: "notes from the
# october trustees meeting" had not found "Trustees Meeting Oct 2026"; "who drives on tuesdays" a rota's "Tue");
# capitalised as a day is written, or in any case beside a day's number ("jan 9th", "14 mar", "tue 3pm"): not French
# "mon projet", "sept heures", Danish "jeg er fri", Swedish "god jul", code's `sep=";"` (the review), "may", nor
# "SAT" the exam and "APR" the rate
FULL_NAMES = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
               "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
               "dec": "december", "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
               "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday",
               "sun": "sunday",
               # ... and the season and the day people write short ("Xmas rota 2026" for "the christmas cover plan",
               # trial s64 VTN-007)
               "xmas": "christmas", "x-mas": "christmas", "bday": "birthday", "b-day": "birthday"}
# (in lower case, a month beside a day of the month, "jan 9th", "14 mar", not "sun 30 min", "I sat 4 hours"; a
# weekday that is no word before a day or a time, "tue 3pm"; "Jan" and "Mar" capitalised only so: the review)
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![ \t]*(?:hours?|hrs?|h\b|mins?|minutes?|spf|%|x\b|kg|km))"
_SHORT_MONTH = r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_SHORT_NAME = re.compile(r"\b(?:Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun|"
                         r"FEB|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|MON|TUES?|WED|THU|THURS?|FRI)\b(?!['’]\w)"
                         rf"|\b(?i:{_SHORT_MONTH})\b(?=\.?,?[ \t]*{_DAY_NUMBER})"
                         rf"|(?<=\d[ \t])(?i:{_SHORT_MONTH})\b"
                         r"|\b(?:tues?|thu|thurs?|fri)\b(?=\.?,?[ \t]*\d)"
                         r"|\b(?i:x-?mas|b-?day)\b")


# a number two to twelve written as a word is its digits too ("three months before" of "Checklist/3 months": trial
# s55); not "one", a word of its own ("the one with ...")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _spelled_out(text: str) -> list[str]:
    """The full names of the months and weekdays text writes short, and of "Xmas" and "bday"."""
    return [FULL_NAMES[m.group(0).lower()] for m in _SHORT_NAME.finditer(text)]


def numbers_spelled(text: str) -> list[str]:
    """The digits of the numbers two to twelve text spells ("three" -> "3"): a question's words for the notes' numbers
    (only the question's: the notes' own words, and so the index, stay as they are)."""
    return [str(_NUMBER_WORDS.index(m.group(0).lower()) + 2) for m in _NUMBER_WORD.finditer(text)]


def tokenize(text: str) -> list[str]:
    text = _CAPS_PLURAL.sub(r"\1s \1", text)
    if text.isascii():
        low = text.lower()
        return _stem_all([w for w in _joined(low) + _snaked(low) + _ampersand(low) + _dotted(low) + _initials(low) + _cited(low) + _coded(low)
                          + _zeroless(low) + _one_on_one(low) + _unpaid(low) + _measured(low) + _words(low) if w not in _DROP]
                         + _spelled_out(text) + _capital_stopwords(text))
    spelled, capitals = _spelled_out(text), _capital_stopwords(text)  # (read before the text is case-folded)
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    cjk: list[str] = []  # bigrams: neither stemmed nor stripped of marks
    for w in _joined(text) + _snaked(text) + _ampersand(text) + _dotted(text) + _initials(text) + _cited(text) + _coded(text) + _zeroless(text) \
            + _one_on_one(text) + _unpaid(text) + _measured(text) + _euros(text) + _words(text) + spelled:
        if w in _DROP:
            continue
        if w.isascii():
            out.append(w)
            continue
        if _MAYBE_CJK.search(w) is not None and SPACELESS.search(w) is not None:
            # split where the script changes ("使用python进行" -> 使用 | python | 进行)
            for run, other in _SCRIPT_RUN.findall(w):
                if len(run) == 1:
                    cjk.append(run)
                elif run:
                    cjk.extend(run[i:i + 2] for i in range(len(run) - 1))
                elif other not in _DROP:
                    out.append(other)
                    if not other.isascii() and (plain := unaccented(other)) != other:
                        out.append(plain)
            continue
        out.append(w)
        plain = unaccented(w)
        if plain != w:
            out.append(plain)
    # Token order does not matter to BM25: the words, then the bigrams.
    out.extend(capitals)
    return _stem_all(out) + cjk if cjk else _stem_all(out)


@lru_cache(maxsize=4096)  # the passages that come back question after question: read once
def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Each two words that follow each other in text, as the index has them (stemmed, stopwords left
    out, accents stripped): "battery drain", "directory bucket"; a phrase BM25's bag of words misses."""
    low = text.lower() if text.isascii() else unaccented(unicodedata.normalize("NFKC", text).casefold())
    words = _stem_all([w for w in _words(low) if w not in _DROP])
    return frozenset(zip(words, words[1:]))


def word_count(text: str) -> int:
    """Words in text as a reader counts them: runs of letters or digits, where a run of Chinese, Japanese
    or Korean script (written without spaces) counts a word per two characters."""
    words = _WORD.findall(text)
    if text.isascii():
        return len(words)
    n = 0
    for w in words:
        if _MAYBE_CJK.search(w) is None or SPACELESS.search(w) is None:
            n += 1
            continue
        n += sum((len(run) + 1) // 2 if run else 1 for run, _ in _SCRIPT_RUN.findall(w))
    return n


class KeywordIndex:
    """BM25 over chunk keyword texts; save/load to a plain folder (numpy + json)."""

    def __init__(self, bm25, size: int, sections: "KeywordIndex | None" = None, section_of=None,
                 rows: tuple[list[int], list[list[str]]] | None = None):
        self.bm25 = bm25
        self.size = size
        self._rows = rows  # (text keys, tokens) of the rows, when built: saved for the next build (tokenrows.py)
        self._vocab = getattr(bm25, "vocab_dict", {}) or {}
        self._ceilings: dict[int, float] = {}
        # BM25 over whole sections, and each row's section; None in indexes made before them
        self.sections = sections
        self.section_of = section_of

    @classmethod
    def build(cls, texts: list[str], section_of: list[int] | None = None,
              section_texts: list[str] | None = None, *, previous: Path | None = None,
              keep_rows: bool = True) -> "KeywordIndex":
        """BM25 over texts; with section_of (each text's section) and section_texts, also
        over the sections (see chunking.sections). previous: the folder of an index built before, whose texts'
        tokens are taken as they are (the same index as tokenizing them all again). keep_rows: the rows' tokens
        kept until save() writes them for the next build (not for an index only searched: a whole vault's tokens)."""
        bm25s = _bm25s()

        known = TokenRows.load(Path(previous) / tokenrows.FOLDER, tokenizer_id()) if previous is not None else None
        keys = [text_key(t) for t in texts]
        # (bm25s needs a token in every row)
        corpus = [(known.tokens(k) if known is not None else None) or tokenize(t) or ["\u2205"]
                  for k, t in zip(keys, texts)]
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        if corpus:
            bm25.index(corpus, show_progress=False)
        sections = of = None
        if section_of is not None and section_texts:
            sections = cls.build(section_texts, previous=Path(previous) / SECTIONS if previous is not None else None,
                                 keep_rows=keep_rows)
            of = np.asarray(section_of, dtype=np.int32)
        return cls(bm25, len(texts), sections, of, (keys, corpus) if keep_rows else None)

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        if self.size:
            self.bm25.save(str(folder), show_progress=False)
        if self.sections is not None:
            self.sections.save(folder / SECTIONS)
            np.save(folder / SECTION_OF, self.section_of)
        if self._rows is not None:
            TokenRows.save(folder / tokenrows.FOLDER, *self._rows, tokenizer_id())
        (folder / "notesqa.json").write_text(json.dumps({"size": self.size, "tokenizer": TOKENIZER_VERSION}))

    @classmethod
    def load(cls, folder: Path) -> "KeywordIndex":
        bm25s = _bm25s()

        folder = Path(folder)
        meta = json.loads((folder / "notesqa.json").read_text())
        size = int(meta["size"])
        bm25 = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0) if size else bm25s.BM25()
        sections = section_of = None
        if (folder / SECTION_OF).exists():
            sections = cls.load(folder / SECTIONS)
            section_of = np.load(folder / SECTION_OF)
            if len(section_of) != size or (size and int(section_of.max()) >= sections.size):
                raise ValueError(f"{SECTION_OF} does not match the keyword rows")
        return cls(bm25, size, sections, section_of)

    def search(self, query: str) -> tuple[np.ndarray, float]:
        """(BM25 score of every chunk, the query's ceiling); zeros when no query word is known.

        The ceiling is the sum, over the query's words, of the best score each word gets in
        any chunk: what a chunk holding every word as strongly as anywhere would score. A
        score over the ceiling says how much of the question a chunk matches, where a score
        over the best chunk's score only says it is the best of what there is (and lifts a
        chunk that shares one common word with the question as high as an exact match).
        """
        if not self.size:
            return np.zeros(0, dtype=np.float32), 0.0
        tokens = [t for t in self._asked(query) if t in self._vocab]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32), 0.0
        ids = [int(self._vocab[t]) for t in tokens]
        scores = np.asarray(self.bm25.get_scores(ids), dtype=np.float32)
        return scores, float(sum(self._ceiling(i) for i in ids))

    def weights(self, query: str) -> dict[str, float]:
        """The query's words the index knows, each weighted by how rare it is (log(1 + rows / rows with it))."""
        out: dict[str, float] = {}
        for t in self._asked(query):
            rows = self.rows_with(t)
            if rows:
                out[t] = float(np.log1p(self.size / rows))
        return out

    def _asked(self, query: str) -> list[str]:
        """The query's tokens, and its codes as the notes write them (code_forms), when the notes have them."""
        tokens = tokenize(query)
        # (a code asked whole is not asked by its letters: "cs6210" is no "cs" of every other course's code; the notes'
        # codes hold their letters for a question that says them alone, "the XS")
        if lettered := code_letters(query):
            tokens = [t for t in tokens if t not in lettered]
        # (nor letters joined by "&" by each letter, where the notes write them joined: "nearest a&e" is no "Grace E",
        # trial s91 F, whose "Nearest A&E: Southampton General" had come 5th under three lines of her initial)
        # (... in their stead, the joined word as many times: as strong an exact match as before)
        if "&" in query and (alone := ampersand_letters(query, self.knows)):
            tokens = [t for t in tokens if t not in alone] + [alone[t] for t in tokens if t in alone]
        tokens += [t for t in numbers_spelled(query) if t not in tokens]  # "three months" finds "3 months" (s55)
        return tokens + [t for t in code_forms(query, tokens, known=self.knows) if t in self._vocab and t not in tokens]

    def section_search(self, query: str) -> tuple[np.ndarray, float] | None:
        """(BM25 score of each row's section, per row; the query's ceiling over sections),
        or None for an index without sections."""
        if self.sections is None:
            return None
        scores, ceiling = self.sections.search(query)
        return scores[self.section_of], ceiling

    def knows(self, token: str) -> bool:
        """Is a (tokenized) word in the index?"""
        return token in self._vocab

    def token_rows(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """(the rows that hold a (tokenized) word, its BM25 score in each): the index's own column of it, which
        get_scores would spread over every row; empty for a word the index does not know."""
        t = self._vocab.get(token)
        if t is None or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        sc = self.bm25.scores
        lo, hi = int(sc["indptr"][t]), int(sc["indptr"][t + 1])
        return np.asarray(sc["indices"][lo:hi], dtype=np.int64), np.asarray(sc["data"][lo:hi], dtype=np.float32)

    def rows_with(self, word: str) -> int:
        """How many rows hold a (tokenized) word: 0 for a word the index does not know."""
        t = self._vocab.get(word)
        if t is None or not self.size:
            return 0
        indptr = self.bm25.scores["indptr"]
        return int(indptr[t + 1] - indptr[t])

    def rows_holding(self, text: str) -> np.ndarray | None:
        """The rows that hold every word of text (as tokenised: stemmed, accents stripped), in order; None
        when text has no word the index keeps (only stopwords: every row may say it)."""
        tokens = set(tokenize(unaccented(text)))
        if not tokens:
            return None
        if not self.size or any(t not in self._vocab for t in tokens):
            return np.zeros(0, dtype=np.int64)
        sc = self.bm25.scores
        ids = sorted((int(self._vocab[t]) for t in tokens), key=lambda t: sc["indptr"][t + 1] - sc["indptr"][t])
        rows = np.unique(sc["indices"][sc["indptr"][ids[0]]:sc["indptr"][ids[0] + 1]])
        for t in ids[1:]:  # the rarest word first: the fewest rows to intersect
            rows = np.intersect1d(rows, sc["indices"][sc["indptr"][t]:sc["indptr"][t + 1]], assume_unique=False)
        return rows.astype(np.int64)

    def _ceiling(self, token_id: int) -> float:
        best = self._ceilings.get(token_id)
        if best is None:
            sc = self.bm25.scores
            lo, hi = int(sc["indptr"][token_id]), int(sc["indptr"][token_id + 1])
            best = float(np.max(sc["data"][lo:hi])) if hi > lo else 0.0
            self._ceilings[token_id] = best
        return best


def _bm25s():
    """bm25s, imported on first use. It sets its own logger to DEBUG when imported: put back to
    warnings, so no front end (the MCP server's stderr, a terminal) prints its progress notes."""
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def name_token(name: str) -> str | None:
    """The one keyword token of a one-word name ("WB"; "CB550", whose number is a token of it too), else None."""
    tokens = tokenize(name)
    if len(name.split()) != 1 or not tokens:
        return None
    whole = max(tokens, key=len)
    return whole if len(tokens) == 1 or all(t in whole for t in tokens) else None
