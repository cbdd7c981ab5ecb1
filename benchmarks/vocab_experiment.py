"""Query expansion from the vault's own vocabulary (an experiment over a built index; not kept, see README.md).

    python benchmarks/vocab_experiment.py QUESTIONS.jsonl INDEX [QUESTIONS2.jsonl INDEX2 ...]

Every word the keyword index knows (its most frequent written form) is embedded once with the index's
model. A question's words each bring their nearest vault words (cosine >= t, at most n each, not the
same stem, not stopwords) to the keyword side: their BM25 scores, times their cosine and a weight a, are
added to each chunk's keyword score, with the question's own ceiling kept (an added word can lift a
passage, never lower one). The dense side is unchanged. Each line prints hit@1 / recall@5 / MRR@10,
note-level hit@1 and recall@5 by kind, for each setting of (n, t, a); VOCAB_SETTINGS="n,t,a;..." sets them,
VOCAB_WHOLE=1 keeps only words the model reads as one word piece (on both sides).
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from dataclasses import replace

import numpy as np

from notesqa import keywords, ranking
from notesqa.evaluation import load_questions
from notesqa.search import NotesIndex
from signal_experiments import report  # (this folder: the same table of figures)

SETTINGS = ((0, 1.0, 0.0), (2, 0.75, 0.5), (3, 0.7, 0.5), (3, 0.7, 1.0), (5, 0.65, 0.5), (2, 0.8, 1.0))
if os.environ.get("VOCAB_SETTINGS"):  # "n,t,a;n,t,a"
    SETTINGS = ((0, 1.0, 0.0),) + tuple(tuple(float(x) if "." in x else int(x) for x in s.split(","))
                                        for s in os.environ["VOCAB_SETTINGS"].split(";"))


def surface_forms(gen) -> dict[str, str]:
    """stem -> its most frequent written form in the chunks (alphabetic words of three letters or more)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for c in gen.chunks:
        words = [w for w in keywords._words(c.text.lower()) if w.isalpha() and len(w) > 2 and w not in keywords._DROP]
        for w, s in zip(words, keywords._stem_all(words)):
            seen[s][w] += 1
    known = gen.keywords._vocab
    return {s: forms.most_common(1)[0][0] for s, forms in seen.items() if s in known}


class Vocabulary:
    def __init__(self, ix: NotesIndex):
        live = ix._live
        self.embedder, self.kw = live.embedder, live.gen.keywords
        forms = surface_forms(live.gen)
        if os.environ.get("VOCAB_WHOLE"):  # only words the model reads as one word piece
            count = self.embedder.count_tokens
            forms = {s: w for s, w in forms.items() if count(w) == 1}
        self.whole = bool(os.environ.get("VOCAB_WHOLE"))
        self.stems = list(forms)
        self.vectors = self._unit(self.embedder.encode([forms[s] for s in self.stems]))
        self.ids = np.asarray([int(self.kw._vocab[s]) for s in self.stems])

    @staticmethod
    def _unit(m: np.ndarray) -> np.ndarray:
        m = np.asarray(m, dtype=np.float32)
        return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)

    def neighbours(self, text: str, n: int, t: float) -> list[tuple[int, float]]:
        words = [w for w in keywords._words(text.lower()) if w.isalpha() and len(w) > 2 and w not in keywords._DROP]
        if self.whole:
            words = [w for w in words if self.embedder.count_tokens(w) == 1]
        if not words or not n:
            return []
        own = set(keywords._stem_all(words))
        sims = self._unit(self.embedder.encode(words)) @ self.vectors.T
        best: dict[int, float] = {}
        for row in sims:
            near = [j for j in np.argsort(-row)[: n + 8] if row[j] >= t and self.stems[j] not in own][:n]
            for j in near:
                best[int(self.ids[j])] = max(best.get(int(self.ids[j]), 0.0), float(row[j]))
        return list(best.items())

    def expansion(self, text: str, n: int, t: float) -> np.ndarray | None:
        near = self.neighbours(text, n, t)
        if not near:
            return None
        out = np.zeros(self.kw.size, dtype=np.float32)
        for token, sim in near:
            out += sim * np.asarray(self.kw.bm25.get_scores([token]), dtype=np.float32)
        return out


def run(questions_path: str, index: str) -> None:
    ix = NotesIndex.open(index)
    ix.search("warm up", k=1)
    vocab = Vocabulary(ix)
    plain = ranking.gather
    setting = {"n": 0, "t": 1.0, "a": 0.0}

    def gather(gen, text, qvec, mask, pool, notes=None):
        s = plain(gen, text, qvec, mask, pool, notes)
        extra = vocab.expansion(text, setting["n"], setting["t"]) if setting["a"] else None
        return s if extra is None else replace(s, keyword=s.keyword + setting["a"] * extra)

    ranking.gather = gather
    questions = load_questions(questions_path)
    print(f"# {questions_path}: {len(vocab.stems)} words", flush=True)
    try:
        for n, t, a in SETTINGS:
            setting.update(n=n, t=t, a=a)
            report(ix, questions, "as now" if not a else f"n={n} t={t} a={a}")
    finally:
        ranking.gather = plain


def main(argv: list[str]) -> int:
    for q, ix in zip(argv[::2], argv[1::2]):
        run(q, ix)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
