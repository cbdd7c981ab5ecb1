"""Four more ranking experiments over a built index (not kept; see README.md).

    python benchmarks/ranking_experiments.py strip|titles|gate|centre QUESTIONS.jsonl INDEX

strip: the question's opening words ("how do I", "what is the", "which page") left out of the text
the model embeds, alone or averaged with the whole question's vector.
titles: each note's title embedded alone; the question's cosine to it added to the rank, w times
(above a floor), for every question or only for questions that ask for a note.
gate: the keyword side counted in full only for candidates whose dense score is within D of the
best dense score, down to F times for those far below (a lone rare word against dense agreement).
centre: the note's shared direction taken out of each passage's vector before the dense score
(cos(q, v - a n) with n the note's mean vector): siblings told apart by what each says itself.

Each line prints hit@1 / recall@5 / MRR@10, the note-level hit@1 and recall@5 by kind.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace

import numpy as np

from notesqa import ranking, store
from notesqa.evaluation import load_questions
from notesqa.asking import seeks_note
from notesqa.search import NotesIndex

from signal_experiments import report

_OPENING = re.compile(r"^(how (do|can|should|would) (i|you|we)|how to|what (is|are|was|were|does|do)( the| a| an)?|"
                      r"which (page|note|notes|pages)( \w+)?|where (is|are|do|can)( i)?|why (does|do|is|could|would|"
                      r"did)|can (i|you)|is it|does|do i|should i|when (do|does|should|is)( i)?)\b\s*", re.I)


def without_opening(question: str) -> str:
    rest = _OPENING.sub("", question.strip()).rstrip("?")
    return rest if len(rest) > 8 else question


def strip(ix: NotesIndex, questions: list[dict]) -> None:
    embedder = ix.embedder
    plain = embedder.encode
    mode = {"m": "as now"}

    def encode(texts):
        whole = plain(texts)
        if mode["m"] == "as now":
            return whole
        rest = plain([without_opening(t) for t in texts])
        if mode["m"] == "opening left out":
            return rest
        both = whole + rest
        return both / np.linalg.norm(both, axis=1, keepdims=True)

    embedder.encode = encode
    try:
        for m in ("as now", "opening left out", "averaged with the whole question"):
            mode["m"] = m
            report(ix, questions, m)
    finally:
        embedder.encode = plain


def titles(ix: NotesIndex, questions: list[dict]) -> None:
    plain = ranking.fuse
    live = ix._live
    paths = list(dict.fromkeys(c.path for c in live.gen.chunks))
    title_of = {c.path: c.title for c in live.gen.chunks}
    vectors = dict(zip(paths, ix.embedder.encode([title_of[p] for p in paths])))
    setting = {"w": 0.0, "floor": 0.0, "notes_only": False}

    def fuse(chunks, scores, text, named, mask, pool, agenda=None):
        out = plain(chunks, scores, text, named, mask, pool, agenda)
        if not setting["w"] or (setting["notes_only"] and not seeks_note(text)):
            return out
        q = ix.embedder.encode([text])[0]
        lifted = []
        for c in out:
            r = c.rank + setting["w"] * max(0.0, float(vectors[chunks[c.row].path] @ q) - setting["floor"])
            lifted.append(replace(c, rank=r, explain=replace(c.explain, rank=r)))
        return sorted(lifted, key=lambda c: -c.rank)

    ranking.fuse = fuse
    try:
        for w, floor, notes_only in ((0.0, 0.0, False), (0.1, 0.0, False), (0.2, 0.3, False), (0.2, 0.0, True),
                                     (0.4, 0.2, True)):
            setting.update(w=w, floor=floor, notes_only=notes_only)
            report(ix, questions, "as now" if not w else f"w {w} over {floor}{', note questions' * notes_only}")
    finally:
        ranking.fuse = plain


def gate(ix: NotesIndex, questions: list[dict]) -> None:
    setting = {"d": None, "f": 1.0}
    fuse_plain = ranking.fuse

    def fuse(chunks, scores, text, named, mask, pool, agenda=None):
        if setting["d"] is None:
            return fuse_plain(chunks, scores, text, named, mask, pool, agenda)
        dense = np.nan_to_num(scores.dense, nan=-1.0)
        top = float(dense.max()) if len(dense) else 0.0
        weight = np.clip((dense - (top - setting["d"])) / 0.1 + 1, setting["f"], 1.0).astype(np.float32)
        gated = replace(scores, keyword=scores.keyword * weight,
                        section=None if scores.section is None else scores.section * weight)
        return fuse_plain(chunks, gated, text, named, mask, pool, agenda)

    ranking.fuse = fuse
    try:
        for d, f in ((None, 1.0), (0.2, 0.5), (0.3, 0.5), (0.25, 0.0), (0.35, 0.3), (0.0, 0.0)):
            setting.update(d=d, f=f)
            report(ix, questions, "as now" if d is None else f"full within {d}, down to {f}")
    finally:
        ranking.fuse = fuse_plain


def centre(ix: NotesIndex, questions: list[dict]) -> None:
    plain = ranking.gather
    live = ix._live
    vectors = np.asarray(store.vectors_of(live.gen), dtype=np.float32)
    own = np.einsum("ij,ij->i", vectors, live.notes.vectors[live.notes.note_of])  # v . n per passage
    setting = {"a": 0.0}

    def gather(gen, text, qvec, mask, pool, notes=None):
        s = plain(gen, text, qvec, mask, pool, notes)
        a = setting["a"]
        if not a or notes is None:
            return s
        qn = (notes.vectors @ qvec.astype(np.float32))[notes.note_of]
        dense = (s.dense - a * qn) / np.sqrt(np.maximum(1e-6, 1 - 2 * a * own + a * a))
        return replace(s, dense=dense.astype(np.float32))

    ranking.gather = gather
    try:
        for a in (0.0, 0.2, 0.4):
            setting["a"] = a
            report(ix, questions, "as now" if not a else f"a = {a}")
    finally:
        ranking.gather = plain


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("strip", "titles", "gate", "centre"))
    ap.add_argument("questions")
    ap.add_argument("index")
    a = ap.parse_args(argv)
    ix = NotesIndex.open(a.index)
    {"strip": strip, "titles": titles, "gate": gate, "centre": centre}[a.what](ix, load_questions(a.questions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
