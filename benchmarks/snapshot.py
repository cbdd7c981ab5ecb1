"""A snapshot of what an index holds and what it answers, to check that a change is behaviour-neutral.

    python benchmarks/snapshot.py NOTES INDEX --questions a.jsonl b.jsonl --out new.jsonl
    python benchmarks/snapshot.py --diff old.jsonl new.jsonl

It builds the index from scratch (unless --reuse), then writes one line per chunk of the
index (the generation's chunks.jsonl, in order), a digest of each other file of the
generation (vectors, dense index, keyword index), the manifest without its timestamps,
and for every question the top hits: path, line, text, breadcrumb, origin, the
explanation and the score to 4 places. Two snapshots of the same notes are equal when
the change altered nothing a user or an index could see. The build time is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

SAMPLE_QUESTIONS = [  # over the sample notes in notes/, with each filter and the note-level form
    "what is shuffle sharding for?",
    "how do cells get their customers in Werner's simplexity lessons?",
    "tag:aws what did Werner say about cells?",
    "what did the CEO announce?",
    "Aurora DSQL",
    "notes about re:Invent",
    "after:2024-01-01 what is new in S3?",
    "path:. how should teams deal with complexity?",
    "what is a cell?",
    "Nova models",
]

_TIMESTAMPS = ("built_at", "scanned_at_ns", "notesqa_version")


def questions(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if p == "sample":
            out += SAMPLE_QUESTIONS
            continue
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def generation(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def keyword_digest(folder: Path) -> str:
    """The BM25 index as postings per word, whatever numbering of words a build chose (bm25s
    numbers its vocabulary in set order, which changes from run to run)."""
    import numpy as np

    vocab = json.loads((folder / "vocab.index.json").read_text())
    data, rows, ptr = (np.load(folder / f"{n}.csc.index.npy") for n in ("data", "indices", "indptr"))
    h = hashlib.sha256()
    for word in sorted(vocab):
        col = vocab[word]
        if col + 1 >= len(ptr):
            continue  # bm25s's padding word "", with no column
        h.update(word.encode() + b"\0" + rows[ptr[col]:ptr[col + 1]].tobytes() + data[ptr[col]:ptr[col + 1]].tobytes())
    return h.hexdigest()[:16]


def index_lines(gen: Path):
    manifest = json.loads((gen / "manifest.json").read_text())
    for key in _TIMESTAMPS:
        manifest.pop(key, None)
    for note in manifest.get("notes", {}).values():
        note.pop("mtime_ns", None)
    yield json.dumps({"manifest": manifest}, sort_keys=True)
    for f in sorted(gen.rglob("*")):
        if f.name == "vocab.index.json":
            yield json.dumps({"keywords": f.parent.relative_to(gen).as_posix(), "postings": keyword_digest(f.parent)})
        elif f.is_file() and f.name not in ("manifest.json", "chunks.jsonl") and ".csc.index" not in f.name:
            yield json.dumps({"file": f.relative_to(gen).as_posix(), "sha": digest(f)})
    with open(gen / "chunks.jsonl", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n")


def hit_lines(index_dir: Path, qs: list[str], k: int):
    import notesqa

    for q in qs:
        hits = notesqa.retrieve(q, k=k, index_dir=index_dir)
        yield json.dumps({"q": q, "hits": [
            {"path": h.path, "line": h.line, "text": h.text, "score": round(h.score, 4), "match_score": h.match_score,
             "breadcrumb": h.breadcrumb, "origin": h.origin, "match": h.match,
             "explain": str(h.explain) if h.explain else None}
            for h in hits]}, ensure_ascii=False)


def _hit_lines(lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in lines if line.startswith('{"q":')]


def diff(old_path: Path, new_path: Path) -> int:
    """Print how two snapshots differ: index lines, hits (all but the breadcrumb), breadcrumbs apart.
    0 when the index and every hit's path, line, text, score and explanation are the same."""
    old, new = old_path.read_text().splitlines(), new_path.read_text().splitlines()
    io, inew = [x for x in old if not x.startswith('{"q":')], [x for x in new if not x.startswith('{"q":')]
    bad_index = sum(a != b for a, b in zip(io, inew)) + abs(len(io) - len(inew))
    print(f"index: {len(io)} lines vs {len(inew)}, {bad_index} differ")
    bad_hits = crumbs = n = 0
    for qo, qn in zip(_hit_lines(old), _hit_lines(new)):
        bad_hits += qo["q"] != qn["q"] or len(qo["hits"]) != len(qn["hits"])
        for a, b in zip(qo["hits"], qn["hits"]):
            n += 1
            if a["breadcrumb"] != b["breadcrumb"]:
                crumbs += 1
                print(f"breadcrumb: {' > '.join(a['breadcrumb'])}\n        now {' > '.join(b['breadcrumb'])}")
            if dict(a, breadcrumb=None) != dict(b, breadcrumb=None):
                bad_hits += 1
                print(f"hit differs for {qo['q']!r}:\n  {a}\n  {b}")
    print(f"hits: {n} compared, {bad_hits} differ; breadcrumbs: {crumbs} differ")
    return 1 if bad_index or bad_hits else 0


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--diff"]:
        return diff(Path(argv[1]), Path(argv[2]))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notes", type=Path)
    ap.add_argument("index", type=Path)
    ap.add_argument("--questions", nargs="*", default=[], help="JSONL files with a 'question' field, or 'sample'")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("--reuse", action="store_true", help="keep an existing index (default: build from scratch)")
    args = ap.parse_args(argv)

    import notesqa

    if not args.reuse and args.index.exists():
        shutil.rmtree(args.index)
    t0 = time.perf_counter()
    notesqa.build_index(args.notes, args.index)
    print(f"build {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as out:
        for line in index_lines(generation(args.index)):
            out.write(line + "\n")
        for line in hit_lines(args.index, questions(args.questions), args.k):
            out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
