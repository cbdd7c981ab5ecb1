"""Two ranking experiments over a built index (not kept; see README.md): incoming links as evidence
for the note they point to, and keyword-side pseudo-relevance feedback.

    python benchmarks/signal_experiments.py links QUESTIONS.jsonl NOTES INDEX
    python benchmarks/signal_experiments.py prf QUESTIONS.jsonl NOTES INDEX

links: every [[wikilink]], Logseq #tag and markdown or Jekyll {% link %} link between notes is read
from the note files and mapped to the passage holding it. Then (A) the labels other notes use for a
note ([[Target|label]], [label](target.md)) become names of that note, as its aliases are (the
+0.05 a note the question names); (B) the mean vector of the passages linking to a note is added,
with weight w, to the note's "note as a whole" vector.

prf: the question's keyword query gets the n most distinctive words (idf-weighted) of its m best
fused passages; the dense side is unchanged.

Each line prints hit@1 / recall@5 / MRR@10, the note-level hit@1 and recall@5 by kind.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from notesqa import ranking, store
from notesqa.evaluation import load_questions, score
from notesqa.keywords import tokenize
from notesqa.markup import parse_link
from notesqa.notelevel import NoteNames
from notesqa.search import NotesIndex
from notesqa.vault import Vault

WIKI = re.compile(r"\[\[([^\[\]]+)\]\]")
MD = re.compile(r"\[([^\[\]]+)\]\(([^()]+)\)")
LIQUID = re.compile(r"\{%\s*link\s+(\S+)\s*%\}")
TAG = re.compile(r"(?<![\w#])#(?:\[\[([^\]]+)\]\]|([\w/-]+))")


def report(ix: NotesIndex, questions: list[dict], label: str) -> None:
    res = {q["id"]: [{"path": h.path, "text": h.text} for h in ix.search(q["question"], k=10)] for q in questions}
    s = score(questions, res)
    nl = s.get("note-level")
    kinds = " ".join(f"{k}:{v:.2f}" for k, v in s["recall@5 by kind"].items())
    note = f"note {nl['hit@1']:.3f}" if nl else "note -"
    print(f"{label:32s} {s['hit@1']:.3f} {s['recall@5']:.3f} {s['mrr@10']:.3f} | {note} | {kinds}", flush=True)


def links_in(line: str, rel: str, vault: Vault, known) -> list[tuple[str, str]]:
    """(target note, label) of each link on a line of note rel."""
    found = []
    for m in WIKI.finditer(line):
        link = parse_link(m.group(1))
        if link.target:
            found.append((vault.resolve(link.target, rel), link.alias or link.target))
    for m in MD.finditer(line):
        label, target = m.group(1), m.group(2).strip()
        lm = LIQUID.search(target)
        if lm:
            found.append((lm.group(1), label))
        elif not target.startswith(("http", "#", "/assets", "mailto")):
            found.append((vault.resolve(target.split("#")[0], rel), label))
    if vault.logseq:
        for m in TAG.finditer(line):
            name = m.group(1) or m.group(2)
            found.append((vault.resolve(name, rel), name))
    return [(t, lab) for t, lab in found if t and t != rel and t in known]


def incoming_links(ix: NotesIndex, notes_dir: Path) -> dict[str, list[tuple[int, str]]]:
    """Note -> (row of the linking passage, label) of each link to it from another note."""
    live = ix._live
    chunks, rows = live.gen.chunks, live.tree.rows
    vault = Vault(notes_dir, rows)
    out: dict[str, list[tuple[int, str]]] = {}
    for rel, (start, end) in rows.items():
        try:
            lines = (notes_dir / rel).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for ln, line in enumerate(lines, 1):
            found = links_in(line, rel, vault, rows)
            row = next((i for i in range(start, end) if chunks[i].line <= ln <= max(chunks[i].line, chunks[i].end_line)),
                       None)
            if row is not None:
                for target, label in found:
                    out.setdefault(target, []).append((row, label))
    return out


def links(ix: NotesIndex, questions: list[dict], notes_dir: Path) -> None:
    live = ix._live
    chunks = live.gen.chunks
    incoming = incoming_links(ix, notes_dir)
    print(f"{len(incoming)} of {len(live.tree.rows)} notes have incoming links "
          f"({sum(map(len, incoming.values()))} links)")
    report(ix, questions, "as now")
    extra = {}
    for target, found in incoming.items():
        title = chunks[live.tree.rows[target][0]].title.casefold()
        labels = {lab.strip() for _, lab in found if lab.strip() and lab.strip().casefold() != title}
        if labels:
            extra[target] = tuple(sorted(labels))
    entries = {p: replace(e, aliases=tuple(e.aliases) + extra.get(p, ())) for p, e in live.gen.manifest.notes.items()}
    ix._live = replace(live, names=NoteNames.build(chunks, entries, live.gen.keywords.rows_with))
    report(ix, questions, f"A: labels as names ({len(extra)} notes)")
    vectors = store.load_vectors(live.gen.path, rows=len(chunks))
    base = live.notes
    note_no = {c.path: int(base.note_of[i]) for i, c in enumerate(chunks)}
    for w in (0.25, 0.5, 1.0):
        v = base.vectors.copy()
        for target, found in incoming.items():
            m = np.asarray(vectors[sorted({r for r, _ in found})], dtype=np.float32).mean(axis=0)
            j = note_no[target]
            v[j] += w * m / max(1e-6, float(np.linalg.norm(m)))
            v[j] /= max(1e-6, float(np.linalg.norm(v[j])))
        ix._live = replace(live, notes=ranking.NoteVectors(base.note_of, v))
        report(ix, questions, f"B: linking passages w={w}")
    ix._live = live


def prf(ix: NotesIndex, questions: list[dict]) -> None:
    plain = ranking.gather
    setting = {"n": 0, "m": 3}

    def gather(gen, text, qvec, mask, pool, notes=None):
        s = plain(gen, text, qvec, mask, pool, notes)
        if not setting["n"]:
            return s
        top = ranking.fuse(gen.chunks, s, text, {}, mask, pool, ix._live.agenda)[:setting["m"]]
        asked = set(tokenize(text))
        weight: Counter = Counter()
        for cand in top:
            for w in set(tokenize(gen.chunks[cand.row].text)) - asked:
                df = gen.keywords.rows_with(w)
                if df:
                    weight[w] += math.log(len(gen.chunks) / df)
        query = text + " " + " ".join(w for w, _ in weight.most_common(setting["n"]))
        kw, ceiling = gen.keywords.search(query)
        sec = gen.keywords.section_search(query) if ceiling > 0 else None
        return replace(s, keyword=kw, keyword_ceiling=ceiling,
                       section=ranking.keyword_share(*sec) if sec is not None else None)

    ranking.gather = gather
    try:
        for n, m in ((0, 3), (2, 3), (4, 3), (8, 3), (4, 1), (4, 5)):
            setting.update(n=n, m=m)
            report(ix, questions, "as now" if not n else f"{n} words of the top {m}")
    finally:
        ranking.gather = plain


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("links", "prf"))
    ap.add_argument("questions")
    ap.add_argument("notes", type=Path)
    ap.add_argument("index")
    a = ap.parse_args(argv)
    ix = NotesIndex.open(a.index)
    questions = load_questions(a.questions)
    links(ix, questions, a.notes) if a.what == "links" else prf(ix, questions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
