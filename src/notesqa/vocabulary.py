"""The vault's own words, each with its vector: a question's word also searches for the vault's words nearest to
it in meaning ("Academy Award" for the notes' "Oscar", "pick" for "choose"), on the keyword side.

Built with the index: every word of the notes' text (not of code, code spans or identifiers such as camelCase
names), in its most frequent written form, embedded once with the index's model. A question's words each bring
at most NEAR vault words of cosine SIMILAR or more that are not the same word (stem) nor a look-alike of it
("snapshotid", "retryable" for "snapshot", "retry": forms the stemmer joins or the code's names); a word the notes
write as a name brings none ("Kyoto" asks for Kyoto, not "Tokyo"; but a name the notes do not have may bring
another name of the same thing: the question's "Academy Award", the notes' "Oscar"). Their BM25
scores, times their cosine and ranking.EXPAND_WEIGHT, are added to each passage's keyword score (ranking.gather): a
related word can lift a passage, never lower one, and the question's own ceiling is kept.

Measured (benchmarks/README.md, "The vault's own words"): held-out recall@5 0.920 -> 0.940, Logseq hit@1
0.694 -> 0.710, Obsidian recall@5 0.926 -> 0.944, dev unchanged; single word vectors of a small model are
noisy (antonyms, numbers, months come close), so the weight stays below the question's own words'.

On disk: a folder of plain files, words.tsv (stem, form, 1 for a name) and vectors.npy (float16 unit rows, no pickle).
"""

from __future__ import annotations

import os

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import keywords
from .periods import is_calendar_word

VOCABULARY_VERSION = "5"  # 2: closed-class words, months and weekdays left out; 3: the words the notes write as names; 4: of any script, case-folded; 5: seasons, times of day, colours, sides, other languages' function words
NEAR = 5  # vault words brought by each question word, at most
SIMILAR = 0.65  # the cosine a vault word needs to a question word
NAME_SHARE = 0.8  # a word the notes capitalise this often within a sentence is a name
ASKED = 16  # a question's words that bring related words, at most (a pasted paragraph: its first ones)
_WORDS, _VECTORS, _META, _COUNTS = "words.tsv", "vectors.npy", "notesqa.json", "counts.json"

# Closed-class words a small model sets close to their kin ("him" -> "her", "most" -> "many", "two" -> "three",
# "October" -> "November", "spring" -> "summer", "red" -> "green", "front" -> "rear"): as kin they are other words,
# not the same thing in other words. Neither asked nor related; months and weekdays neither (periods.is_calendar_word).
CLOSED = frozenset("""
he him his himself she her hers herself they them themselves our ours ourselves us yours yourself yourselves mine
myself itself one ones someone somebody something anyone anybody anything everyone everybody everything nobody
nothing none noone another other others each every either neither both few fewer less least many more most much
several some such same own lot lots plenty enough whole half quarter twice single double triple multiple various
am been being having doing done got get gets getting gotten may might must shall ought need needs cannot
above across after afterwards against along among amongst around before behind below beneath beside besides
between beyond down during except inside near off onto out outside over past since through throughout till
toward towards under underneath until upon within without via per
very really quite rather too even still yet already again ever never always often sometimes usually here now
today later soon instead else however though although while whereas whether because unless once twice perhaps
maybe indeed actually truly therefore thus hence not nor yes
didn doesn don isn aren wasn weren hasn haven hadn wouldn couldn shouldn can't mustn needn
zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
first second third fourth fifth sixth seventh eighth ninth tenth hundredth thousandth millionth dozen
spring summer autumn fall winter morning afternoon evening night tonight noon midnight dawn dusk
red orange yellow green blue purple violet pink brown black white grey gray
north south east west left right front rear back top bottom upper lower inner outer
""".split()) | frozenset("""
und oder aber der die das den dem des ein eine einen einem einer nicht auch noch nur schon sehr mit von vom zum zur
bei aus nach vor für über unter ich wir sie ihr ist sind war hat haben wird werden kann zwei drei vier fünf
les des une dans pour par sur avec sans sous chez entre mais donc car est sont était ont avait être avoir nous vous
ils elles leur leurs cette ces son ses mon mes ton tes pas plus très aussi deux trois quatre cinq
los las una unos unas del con sin por para pero sobre entre muy más también está son fue tiene dos tres cuatro
gli dei delle nel nella con per tra fra una uno sono era anche più molto due tre quattro
het een van voor met maar ook niet zijn twee drie vier
""".split())  # other languages' own (the default model reads them as look-alikes: "und" -> "une", "deux" -> "trois")

_CODE_SPAN = re.compile(r"`[^`\n]*`")
_IDENTIFIER = re.compile(r"\b\w*[a-z][A-Z]\w*\b|\b\w*_\w*\b")  # camelCase, snake_case: a program's names


@dataclass(frozen=True)
class Related:
    """A vault word a question's word brought: searched for as well, weighted by its similarity."""

    asked: str  # the question's word, as written
    word: str  # the vault's word, in its most frequent written form
    stem: str  # ... as the keyword index has it
    similarity: float


def words_of(text: str) -> list[str]:
    """The words of a text that can be related (case-folded as the keyword index folds them): alphabetic, three
    letters or more, not stopwords nor closed-class words (CLOSED), nor names of months or weekdays."""
    return [w for w in keywords._words(_fold(text)) if _relatable(w)]


def _fold(text: str) -> str:
    """text in lower case as the keyword index reads it (NFKC and case-folded beyond ASCII: "Straße" -> "strasse")."""
    return text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()


def _relatable(word: str) -> bool:
    """words_of's rule for one lower-case word."""
    return word.isalpha() and len(word) > 2 and word not in keywords._DROP and word not in CLOSED \
        and not is_calendar_word(word)


def _prose(text: str) -> str:
    """text without its code spans and program identifiers."""
    if "`" in text:
        text = _CODE_SPAN.sub(" ", text)
    return _IDENTIFIER.sub(" ", text)


_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")


def _mid_sentence(text: str) -> list[str]:
    """The words of text not at the start of a sentence, a line or the text, as written ("Zürich", "Kyoto" of
    "Kyoto's": the keyword index's words, in their case)."""
    return [w for part in _SENTENCE_BREAK.split(text) for w in keywords._words(part)[1:]]


# words of opposite meaning, which the model reads as near ("high" and "low": trial s46's "what high priority tasks
# do I have?" had brought the notes' "low stakes quizzing"): never related
_OPPOSITE_PAIRS = """high low, hot cold, warm cool, early late, good bad, best worst, better worse, fast slow,
quick slow, big small, large small, long short, tall short, new old, young old, open closed, start end, begin end,
first last, minimum maximum, min max, increase decrease, rise fall, more less, most least, pros cons, positive
negative, win lose, won lost, buy sell, bought sold, income expense, profit loss, true false, success failure, strong
weak, easy hard, easy difficult, cheap expensive, light dark, light heavy, inside outside, import export, input output,
upload download, push pull, add remove, enable disable, accept reject, include exclude, allow deny, love hate, happy
sad, rich poor, wet dry, north south, east west, top bottom, morning evening, summer winter, male female, always
never, pass fail, before after, above below, over under, upper lower, inner outer, senior junior, major minor, full
empty, safe dangerous, clean dirty, odd even, public private, internal external, online offline, remote local,
success fail, yes no, like dislike, agree disagree, legal illegal, valid invalid, correct incorrect, visible hidden"""
_OPPOSITES = frozenset(frozenset(p.split()) for p in _OPPOSITE_PAIRS.replace("\n", " ").split(","))


def _opposites(a: str, b: str) -> bool:
    """Do words a and b mean the opposite of each other (_OPPOSITE_PAIRS)?"""
    return frozenset((a.lower(), b.lower())) in _OPPOSITES


def _look_alike(a: str, b: str, kin: bool = False) -> bool:
    """One holds the other, or they start alike: a form the stemmer joins, or a name built from the word; not a word
    and its adjective ("butter", "buttery"; "smoke", "smoky"), nor, kin, two of one family ("chiropractor",
    "chiropractic"), other words the stemmer keeps apart (trial s58 PB-007, s60 UB-007)."""
    if _adjective_of(a, b) or _adjective_of(b, a) or kin and _kin(a, b):
        return False
    return a in b or b in a or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


KIN = 7  # letters two words of one family open with alike, at least ...
KIN_ENDING = 3  # ... each ending in this many letters or fewer after them


def _kin(a: str, b: str) -> bool:
    """Are a and b two words of one family: KIN letters or more in common at their start, then endings of KIN_ENDING
    letters or fewer, two ("chiropractor", "chiropractic"; "photographer", "photography"; not "production",
    "productivity")?"""
    n = len(os.path.commonprefix([a, b]))
    return n >= KIN and 0 < len(a) - n <= KIN_ENDING and 0 < len(b) - n <= KIN_ENDING


def _adjective_of(word: str, other: str) -> bool:
    """Is other word's adjective made with "-y" or "-ish" ("buttery", "smoky", "reddish")?"""
    return len(word) >= 4 and any(other in (word + end, word[:-1] + end, word + word[-1] + end)
                                  for end in ("y", "ish"))


class Vocabulary:
    """The vault's words (by stem, in their most frequent form) and their unit vectors."""

    def __init__(self, stems: Sequence[str], forms: Sequence[str], vectors: np.ndarray,
                 names: Iterable[str] = (), counts: "WordCounts | None" = None):
        if len(stems) != len(forms) or len(stems) != len(vectors):
            raise ValueError(f"{len(stems)} stems, {len(forms)} forms and {len(vectors)} vectors")
        self.stems, self.forms = list(stems), list(forms)
        # the stems the notes write as names, mostly capitalised within a sentence ("Kyoto", "AWS"): a name asks for
        # itself, not for the names a model sets beside it ("Tokyo", "ECS")
        self.names = frozenset(names)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self._row_of_form = {f: i for i, f in enumerate(self.forms)}
        self._row_of_stem = {s: i for i, s in enumerate(self.stems)}
        self._near: dict[tuple[str, int], list[tuple[int, float]]] = {}  # a question word's nearest rows (they come back)
        self.counts = counts  # what it was made from (built, or read with it): saved for the next build

    def __len__(self) -> int:
        return len(self.stems)

    @classmethod
    def build(cls, texts: "Iterable[str] | WordCounts", known: Callable[[str], bool],
              encode: Callable[[list[str]], np.ndarray], previous: "Vocabulary | None" = None) -> "Vocabulary":
        """The words of texts (prose: code is left out by the caller), or of their WordCounts, that the keyword index
        knows (known(stem)), embedded with encode; a word previous (of the same model) holds keeps its vector (an
        incremental build)."""
        counts = texts if isinstance(texts, WordCounts) else WordCounts.of(texts)
        within, capital = Counter(), Counter()  # times within a sentence, folded; capitalised there
        for w, n in counts.inside.items():  # (each written form folded once)
            folded = _fold(w)
            within[folded] += n
            if w[0].isupper():
                capital[folded] += n
        words = [w for w in counts.said if _relatable(w)]  # each word once: stemming is the slow part
        seen: dict[str, Counter] = defaultdict(Counter)
        for w, s in zip(words, keywords._stem_all(words)):
            seen[s][w] = counts.said[w]
        stems = sorted(s for s in seen if known(s))
        # the most frequent form; of two as frequent, the one the notes said first (a refresh's counts keep the order
        # they were counted in, and put new words after: only such a tie may come out otherwise than from nothing)
        forms = [seen[s].most_common(1)[0][0] for s in stems]
        vectors = [previous.vector_of(f) if previous is not None else None for f in forms]
        new = [i for i, v in enumerate(vectors) if v is None]
        for i, v in zip(new, _unit(encode([forms[i] for i in new])) if new else ()):
            vectors[i] = v
        names = [s for s, f in zip(stems, forms) if within[f] and capital[f] >= NAME_SHARE * within[f]]
        return cls(stems, forms, np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32), names, counts)

    def vector_of(self, form: str) -> np.ndarray | None:
        row = self._row_of_form.get(form)
        return None if row is None else self.vectors[row]

    def related(self, question: str, encode: Callable[[list[str]], np.ndarray]) -> list[Related]:
        """The vault words the question's words bring (each vault word once, at its highest similarity); of a long
        question (a pasted paragraph), its first ASKED words."""
        words = list(dict.fromkeys(words_of(question)))[:ASKED]
        if not words or not len(self):
            return []
        stems = keywords._stem_all(words)
        own = set(stems)
        asked = [(w, s) for w, s in zip(words, stems) if s not in self.names]
        best: dict[int, Related] = {}
        for (word, stem), near in zip(asked, self._nearest(asked, encode)):
            found = 0
            # (a word of its family stands in for a word no note says: "Chiropractic" for "chiropractor"; one the notes
            # say finds its own passages, the heldout2 recheck: "inferencing" beside "inference" had tipped a tie)
            kin = stem not in self._row_of_stem
            for j, sim in near:
                if sim < SIMILAR or found == NEAR:
                    break
                if self.stems[j] in own or _look_alike(word, self.forms[j], kin) or _opposites(word, self.forms[j]):
                    continue
                found += 1
                if j not in best or best[j].similarity < sim:
                    best[j] = Related(word, self.forms[j], self.stems[j], sim)
        return sorted(best.values(), key=lambda r: -r.similarity)

    def _nearest(self, asked: list[tuple[str, str]], encode) -> list[list[tuple[int, float]]]:
        """For each (word, stem): the vault's rows nearest to it, best first, with their cosines (NEAR of them and
        the look-alikes they may skip); kept for the words that come back."""
        todo = [(w, s) for w, s in asked if (w, NEAR) not in self._near]
        if todo:
            if len(self._near) > 10_000:
                self._near.clear()
            sims = self._vectors(todo, encode) @ self.vectors.T
            top = min(NEAR + 30, sims.shape[1] - 1)
            for (word, _), row in zip(todo, sims):
                nearest = np.argpartition(-row, top)[: top + 1]
                self._near[(word, NEAR)] = [(int(j), float(row[j])) for j in nearest[np.argsort(-row[nearest])]]
        return [self._near[(w, NEAR)] for w, _ in asked]

    def _vectors(self, asked: list[tuple[str, str]], encode) -> np.ndarray:
        """The question words' vectors: the vault's for a written form or stem it has ("chose" as the notes'
        "choose"), else encoded: one word a call for a few (threads cost more than they save), else in one call."""
        rows = [self._row_of_form.get(w, self._row_of_stem.get(s)) for w, s in asked]
        unknown = [w for (w, _), r in zip(asked, rows) if r is None]
        if len(unknown) <= 3:
            fresh = {w: _unit(encode([w]))[0] for w in unknown}
        else:
            fresh = dict(zip(unknown, _unit(encode(unknown))))
        return np.vstack([self.vectors[r] if r is not None else fresh[w] for (w, _), r in zip(asked, rows)])

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / _WORDS, "w", encoding="utf-8") as f:
            f.writelines(f"{s}\t{w}\t{int(s in self.names)}\n" for s, w in zip(self.stems, self.forms))
        np.save(folder / _VECTORS, self.vectors.astype(np.float16), allow_pickle=False)
        if self.counts is not None:
            self.counts.save(folder / _COUNTS)
        (folder / _META).write_text(json.dumps({"version": VOCABULARY_VERSION, "words": len(self)}))

    @staticmethod
    def words_kept(folder: Path) -> int | None:
        """How many words the vocabulary in folder holds, without reading their vectors (status); None when there is
        none of this version (an index written before it, or by an older notesqa). Raises ValueError saying what is
        damaged: a file missing, cut short or not of as many words as it says (the error-path audit, s43: a damaged
        one had been counted as kept, while questions went without it)."""
        folder = Path(folder)
        if not folder.is_dir():
            return None
        try:
            meta = json.loads((folder / _META).read_text())
            words = int(meta["words"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{_META} cannot be read") from exc
        if meta.get("version") != VOCABULARY_VERSION:
            return None
        _check_rows(folder, words)
        return words

    @classmethod
    def load(cls, folder: Path, dim: int | None = None, any_version: bool = False) -> "Vocabulary | None":
        """The vocabulary saved in folder, its vectors of width dim (when given); None for one of another version
        (unless any_version: a build reuses its vectors by word). Raises ValueError or OSError for a damaged one."""
        folder = Path(folder)
        meta = json.loads((folder / _META).read_text())
        if meta.get("version") != VOCABULARY_VERSION and not any_version:
            return None
        rows = _word_rows(folder)
        vectors = np.load(folder / _VECTORS, allow_pickle=False)
        if len(rows) != int(meta["words"]) or any(len(r) < 2 for r in rows):
            raise ValueError(f"{_WORDS} has {len(rows)} words, {_META} says {meta['words']}")
        if vectors.ndim != 2 or len(vectors) != len(rows) or (dim is not None and len(rows) and vectors.shape[1] != dim):
            raise ValueError(f"{_VECTORS} holds {vectors.shape} for {len(rows)} words of width {dim}")
        # the counts read now, with the rest: a build removes this folder once another is live (the review)
        return cls([r[0] for r in rows], [r[1] for r in rows], vectors, [r[0] for r in rows if r[2:] == ["1"]],
                   WordCounts.load(folder))

    def written_forms(self) -> list[tuple[str, int]]:
        """The other forms the notes write its words in (of the counts it was made from), each with its word's row:
        a typo of a form but the most frequent is mended to it ("cheeing": the notes' "cheering" beside "cheerful",
        spelling.py); none without the counts (an index made before them)."""
        counts = self.counts
        if counts is None:
            return []
        words = [w for w in counts.said if w.isalpha() and w not in self._row_of_form]
        rows = [self._row_of_stem.get(s) for s in keywords._stem_all(words)]
        return [(w, row) for w, row in zip(words, rows) if row is not None]


@dataclass(frozen=True)
class WordCounts:
    """How often the notes' prose says each word (case-folded), and each word within a sentence as written (how
    often with a capital makes a name): what a vocabulary is made from, kept beside it (counts.json) so that a
    refresh counts the text of the notes that changed, not all of it again (1.4 s of a 3,600-note vault's edit)."""

    said: Counter
    inside: Counter

    @classmethod
    def of(cls, texts: Iterable[str]) -> "WordCounts":
        said, inside = Counter(), Counter()
        for text in texts:
            text = _prose(text)
            said.update(keywords._words(_fold(text)))
            inside.update(_mid_sentence(text))
        return cls(said, inside)

    def plus(self, other: "WordCounts") -> "WordCounts":
        return WordCounts(self.said + other.said, self.inside + other.inside)

    def minus(self, other: "WordCounts") -> "WordCounts | None":
        """These counts without other's; None when other says a word more often than these do (they were not
        counted from the same text: count again)."""
        if any(self.said[w] < n for w, n in other.said.items()) or \
                any(self.inside[w] < n for w, n in other.inside.items()):
            return None
        return WordCounts(self.said - other.said, self.inside - other.inside)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"version": VOCABULARY_VERSION, "tokenizer": keywords.tokenizer_id(),
                                    "said": self.said, "inside": self.inside},
                                   ensure_ascii=False), encoding="utf-8")  # (in the order counted)

    @classmethod
    def load(cls, folder: Path) -> "WordCounts | None":
        """The counts saved beside the vocabulary in folder; None when there are none of this version to trust."""
        try:
            data = json.loads((Path(folder) / _COUNTS).read_text(encoding="utf-8"))
            if data.get("version") != VOCABULARY_VERSION or data.get("tokenizer") != keywords.tokenizer_id():
                return None  # (its words are cut by the tokenizer's rules)
            said, inside = data["said"], data["inside"]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        def whole(counts) -> bool:
            return isinstance(counts, dict) and all(isinstance(n, int) and n > 0 for n in counts.values())

        return cls(Counter(said), Counter(inside)) if whole(said) and whole(inside) else None


def _word_rows(folder: Path) -> list[list[str]]:
    """words.tsv's rows: (stem, form, 1 for a name) each."""
    return [line.split("\t") for line in (folder / _WORDS).read_text(encoding="utf-8").splitlines() if line]


def _check_rows(folder: Path, words: int) -> None:
    """Raises ValueError unless words.tsv has words lines and vectors.npy as many rows, whole (its vectors are
    mapped, not read)."""
    try:
        lines = len(_word_rows(folder))  # (as load() reads them: a count of "\n" could say "kept" of what it refuses)
        shape = np.load(folder / _VECTORS, mmap_mode="r", allow_pickle=False).shape  # (mapped: a file cut short fails)
    except FileNotFoundError as exc:
        raise ValueError(f"{Path(exc.filename or '?').name} is missing") from exc
    except (OSError, ValueError, EOFError) as exc:  # (UnicodeDecodeError is a ValueError)
        raise ValueError(f"{_VECTORS} cannot be read" if not isinstance(exc, UnicodeDecodeError)
                         else f"{_WORDS} cannot be read") from exc
    if lines != words:
        raise ValueError(f"{_WORDS} has {lines:,} words, {_META} says {words:,}")
    if len(shape) != 2 or shape[0] != words:
        raise ValueError(f"{_VECTORS} is cut short or not of {words:,} words")


def _unit(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
