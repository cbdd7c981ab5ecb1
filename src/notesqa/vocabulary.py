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

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import keywords
from .query import is_calendar_word

VOCABULARY_VERSION = "3"  # 2: closed-class words, months and weekdays left out; 3: the words the notes write as names
NEAR = 5  # vault words brought by each question word, at most
SIMILAR = 0.65  # the cosine a vault word needs to a question word
NAME_SHARE = 0.8  # a word the notes capitalise this often within a sentence is a name
_WORDS, _VECTORS, _META = "words.tsv", "vectors.npy", "notesqa.json"

# Closed-class words a small model sets close to their kin ("him" -> "her", "most" -> "many", "two" -> "three",
# "October" -> "November"): as kin they are other words, not the same thing in other words. Neither asked nor
# related; months and weekdays neither (query.is_calendar_word).
_CLOSED = frozenset("""
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
""".split())

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
    """The words of a text that can be related (lower case): alphabetic, three letters or more, not stopwords nor
    closed-class words (_CLOSED), nor names of months or weekdays."""
    return [w for w in keywords._words(text.lower()) if _relatable(w)]


def _relatable(word: str) -> bool:
    """words_of's rule for one lower-case word."""
    return word.isalpha() and len(word) > 2 and word not in keywords._DROP and word not in _CLOSED \
        and not is_calendar_word(word)


def _prose(text: str) -> str:
    """text without its code spans and program identifiers."""
    if "`" in text:
        text = _CODE_SPAN.sub(" ", text)
    return _IDENTIFIER.sub(" ", text)


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]")


def _mid_sentence(text: str) -> list[str]:
    """The words of text not at the start of a sentence, a line or the text, as written."""
    return [w for part in _SENTENCE_BREAK.split(text) for w in _LATIN_WORD.findall(part)[1:]]


def _look_alike(a: str, b: str) -> bool:
    """One holds the other, or they start alike: a form the stemmer joins, or a name built from the word."""
    return a in b or b in a or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


class Vocabulary:
    """The vault's words (by stem, in their most frequent form) and their unit vectors."""

    def __init__(self, stems: Sequence[str], forms: Sequence[str], vectors: np.ndarray,
                 names: Iterable[str] = ()):
        if len(stems) != len(forms) or len(stems) != len(vectors):
            raise ValueError(f"{len(stems)} stems, {len(forms)} forms and {len(vectors)} vectors")
        self.stems, self.forms = list(stems), list(forms)
        # the stems the notes write as names, mostly capitalised within a sentence ("Kyoto", "AWS"): a name asks for
        # itself, not for the names a model sets beside it ("Tokyo", "ECS")
        self.names = frozenset(names)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self._row_of_form = {f: i for i, f in enumerate(self.forms)}
        self._row_of_stem = {s: i for i, s in enumerate(self.stems)}
        self._asked: dict[str, np.ndarray] = {}  # question words not in the vault, as encoded (they come back)

    def __len__(self) -> int:
        return len(self.stems)

    @classmethod
    def build(cls, texts: Iterable[str], known: Callable[[str], bool], encode: Callable[[list[str]], np.ndarray],
              previous: "Vocabulary | None" = None) -> "Vocabulary":
        """The words of texts (prose: code is left out by the caller) that the keyword index knows (known(stem)),
        embedded with encode; a word previous (of the same model) holds keeps its vector (an incremental build)."""
        counts, within, capital = Counter(), Counter(), Counter()  # a word's times; within a sentence; capitalised there
        for text in texts:
            text = _prose(text)
            counts.update(keywords._words(text.lower()))
            inside = _mid_sentence(text)
            within.update(w.lower() for w in inside)
            capital.update(w.lower() for w in inside if w[0].isupper())
        words = [w for w in counts if _relatable(w)]  # each word once: stemming is the slow part
        seen: dict[str, Counter] = defaultdict(Counter)
        for w, s in zip(words, keywords._stem_all(words)):
            seen[s][w] = counts[w]
        stems = sorted(s for s in seen if known(s))
        forms = [seen[s].most_common(1)[0][0] for s in stems]
        vectors = [previous.vector_of(f) if previous is not None else None for f in forms]
        new = [i for i, v in enumerate(vectors) if v is None]
        for i, v in zip(new, _unit(encode([forms[i] for i in new])) if new else ()):
            vectors[i] = v
        names = [s for s, f in zip(stems, forms) if within[f] and capital[f] >= NAME_SHARE * within[f]]
        return cls(stems, forms, np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32), names)

    def vector_of(self, form: str) -> np.ndarray | None:
        row = self._row_of_form.get(form)
        return None if row is None else self.vectors[row]

    def related(self, question: str, encode: Callable[[list[str]], np.ndarray]) -> list[Related]:
        """The vault words the question's words bring (each vault word once, at its highest similarity)."""
        words = list(dict.fromkeys(words_of(question)))
        if not words or not len(self):
            return []
        stems = keywords._stem_all(words)
        own = set(stems)
        asked = [(w, s) for w, s in zip(words, stems) if s not in self.names]
        if not asked:
            return []
        words = [w for w, _ in asked]
        sims = np.vstack([self._vector(w, s, encode) for w, s in asked]) @ self.vectors.T
        best: dict[int, Related] = {}
        for word, row in zip(words, sims):
            found = 0
            nearest = np.argpartition(-row, min(NEAR + 30, len(row) - 1))[: NEAR + 30]  # (look-alikes are skipped)
            for j in nearest[np.argsort(-row[nearest])]:
                if row[j] < SIMILAR or found == NEAR:
                    break
                if self.stems[j] in own or _look_alike(word, self.forms[j]):
                    continue
                found += 1
                if int(j) not in best or best[int(j)].similarity < row[j]:
                    best[int(j)] = Related(word, self.forms[j], self.stems[j], float(row[j]))
        return sorted(best.values(), key=lambda r: -r.similarity)

    def _vector(self, word: str, stem: str, encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """A question word's vector: the vault's for its written form or its stem ("chose" as the notes' "choose"),
        else encoded, one word a call (a batch of a few short words costs more in threads than it saves)."""
        row = self._row_of_form.get(word, self._row_of_stem.get(stem))
        if row is not None:
            return self.vectors[row]
        vec = self._asked.get(word)
        if vec is None:
            if len(self._asked) > 10_000:
                self._asked.clear()
            vec = self._asked[word] = _unit(encode([word]))[0]
        return vec

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / _WORDS, "w", encoding="utf-8") as f:
            f.writelines(f"{s}\t{w}\t{int(s in self.names)}\n" for s, w in zip(self.stems, self.forms))
        np.save(folder / _VECTORS, self.vectors.astype(np.float16), allow_pickle=False)
        (folder / _META).write_text(json.dumps({"version": VOCABULARY_VERSION, "words": len(self)}))

    @staticmethod
    def is_current(folder: Path) -> bool:
        """Was the vocabulary in folder written by this version (else the next build writes it again)?"""
        try:
            return json.loads((Path(folder) / _META).read_text()).get("version") == VOCABULARY_VERSION
        except (OSError, ValueError):
            return False

    @classmethod
    def load(cls, folder: Path) -> "Vocabulary | None":
        """The vocabulary saved in folder; None for one of another version (the next build writes it again)."""
        folder = Path(folder)
        meta = json.loads((folder / _META).read_text())
        if meta.get("version") != VOCABULARY_VERSION:
            return None
        rows = [line.split("\t") for line in (folder / _WORDS).read_text(encoding="utf-8").splitlines() if line]
        vectors = np.load(folder / _VECTORS, allow_pickle=False)
        if len(rows) != int(meta["words"]):
            raise ValueError(f"{_WORDS} has {len(rows)} words, {_META} says {meta['words']}")
        return cls([r[0] for r in rows], [r[1] for r in rows], vectors, [r[0] for r in rows if r[2:] == ["1"]])


def _unit(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
