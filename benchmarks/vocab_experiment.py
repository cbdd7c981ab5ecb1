"""The vault's own words (vocabulary.py) at other settings, over built indexes (see README.md).

    python benchmarks/vocab_experiment.py QUESTIONS.jsonl INDEX [QUESTIONS2.jsonl INDEX2 ...]

A question's words each bring at most NEAR vault words of cosine SIMILAR or more to the keyword side, weighted by
their cosine times EXPAND_WEIGHT (ranking.py). Each line prints hit@1 / recall@5 / MRR@10, note-level hit@1 and
recall@5 by kind for one setting (NEAR, SIMILAR, EXPAND_WEIGHT); "off" is no related words at all.
VOCAB_SETTINGS="n,t,a;..." sets them. An index written before the vocabulary has none: rebuild it first.
"""

from __future__ import annotations

import os
import sys

from notesqa import ranking, vocabulary
from notesqa.evaluation import load_questions
from notesqa.search import NotesIndex
from signal_experiments import report  # (this folder: the same table of figures)

SETTINGS = ((vocabulary.NEAR, vocabulary.SIMILAR, ranking.EXPAND_WEIGHT), (3, 0.7, 0.5), (5, 0.65, 1.0), (5, 0.7, 0.5))
if os.environ.get("VOCAB_SETTINGS"):  # "n,t,a;n,t,a"
    SETTINGS = tuple(tuple(float(x) if "." in x else int(x) for x in s.split(","))
                     for s in os.environ["VOCAB_SETTINGS"].split(";"))


def run(questions_path: str, index: str) -> None:
    ix = NotesIndex.open(index)
    ix.search("warm up", k=1)
    words = ix._live.gen.vocabulary
    if words is None:
        print(f"# {index}: no vocabulary (written before it): rebuild with `notesqa index`", flush=True)
        return
    questions = load_questions(questions_path)
    print(f"# {questions_path}: {len(words)} words", flush=True)
    kept = vocabulary.NEAR, vocabulary.SIMILAR, ranking.EXPAND_WEIGHT
    try:
        ranking.EXPAND_WEIGHT = 0.0
        report(ix, questions, "off")
        for n, t, a in SETTINGS:
            vocabulary.NEAR, vocabulary.SIMILAR, ranking.EXPAND_WEIGHT = n, t, a
            report(ix, questions, f"n={n} t={t} a={a}")
    finally:
        vocabulary.NEAR, vocabulary.SIMILAR, ranking.EXPAND_WEIGHT = kept


def main(argv: list[str]) -> int:
    for q, ix in zip(argv[::2], argv[1::2]):
        run(q, ix)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
