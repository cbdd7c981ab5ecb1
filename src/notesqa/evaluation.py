"""Retrieval quality by the shared rules: hit@1, recall@5, MRR@10, chars/result, recall@5 per kind.

    notesqa eval QUESTIONS.jsonl --notes DIR [--reference] [--out results/]

Questions are JSON lines {"id", "question", "file", "answer": [spans], "kind"}. A
result hits when its path is the question's file and its shown text contains an
answer span, both lightly normalised (links to their text, * _ ` dropped,
whitespace and case folded). The reference pipeline (LangChain
RecursiveCharacterTextSplitter 500/50 + the same model + FAISS flat) can be run in
the same process so figures sit side by side.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

from .errors import QueryError

LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKS = re.compile(r"[*_`]")
SPACE = re.compile(r"\s+")


def norm(s: str) -> str:
    return SPACE.sub(" ", MARKS.sub("", LINK.sub(r"\1", s))).strip().casefold()


_FIELDS = {"id": str, "question": str, "file": str, "answer": list}  # what each question must have


def load_questions(path) -> list[dict]:
    """The questions of a JSONL file (see ../shared/eval's format). Raises QueryError naming the line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"Cannot read the questions file {path} ({exc}).") from None
    out, ids = [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QueryError(f"{path}:{n} is not a JSON object ({exc.msg}): one question per line.") from None
        missing = [k for k, kind in _FIELDS.items() if not isinstance(q, dict) or not isinstance(q.get(k), kind)]
        if missing:
            raise QueryError(f"{path}:{n} lacks {', '.join(missing)}: each question needs "
                             f"{', '.join(_FIELDS)} (answer: a list of spans).")
        if q["id"] in ids:
            raise QueryError(f"{path}:{n}: the id {q['id']!r} is used twice.")
        ids.add(q["id"])
        out.append(q)
    if not out:
        raise QueryError(f"{path} holds no questions.")
    return out


def span_warnings(questions: list[dict], notes_dir) -> list[str]:
    """The answer spans no hit can show, each "id: why": one copied across a table row's cells (a hit shows a row as
    "Header: value | ..."), a heading (shown in a hit's breadcrumb, not its text), a field's "::" (shown ":"), or a
    link's brackets (shown as its name). Trials s62: such spans had counted as misses though the right passage came
    first. A span read as the scorer reads it (norm)."""
    from .textchars import FIELD_COLONS

    out, notes = [], Path(notes_dir)
    for q in questions:
        try:
            lines = [norm(ln) for ln in (notes / q["file"]).read_text(encoding="utf-8").splitlines()]
        except (OSError, UnicodeDecodeError):
            continue  # (the run says what it cannot find: not a span's fault)
        for span in q["answer"]:
            said = norm(span)
            line = next((ln for ln in lines if said in ln), "").lstrip("-+> \t")
            if line.startswith("|") and "|" in span:
                out.append(f"{q['id']}: the span {span!r} runs across a table row's cells; a hit shows a row as "
                           "\"Header: value | ...\": copy one cell's text.")
            elif re.match(r"#{1,6}\s", line):  # (a markdown heading, a Logseq "- ## ...")
                out.append(f"{q['id']}: the span {span!r} is a heading, shown in a hit's breadcrumb, not its text.")
            elif FIELD_COLONS.search(span):  # (a Dataview or Logseq field, shown "key: value": trial s67 J; not
                # "std::vector")
                out.append(f"{q['id']}: the span {span!r} has a field's \"::\", shown as one colon (\"key: value\"): "
                           "copy the value, or the key and value with one colon.")
            elif _LINK_MARKS.search(span):  # (trial s68 Q RAD-029: "[[Bob Tanner]]" is shown "Bob Tanner")
                out.append(f"{q['id']}: the span {span!r} has a link's brackets; a hit shows a link as its name (or its "
                           "alias): copy the words without them.")
    return out


# a [[link]] (not bash's "[[ -f x ]]"), a ((block ref))
_LINK_MARKS = re.compile(r"\[\[(?!\s)[^\[\]\n]+(?<!\s)\]\]|\(\([0-9a-f-]{36}\)\)")


def rank_of_hit(q: dict, results: list[dict]) -> int | None:
    spans = [norm(a) for a in q["answer"]]
    for i, r in enumerate(results, 1):
        path = r["path"].replace("\\", "/")
        if not (path == q["file"] or path.endswith("/" + q["file"]) or q["file"].endswith("/" + path)):
            continue
        text = norm(r["text"])
        if any(s in text for s in spans):
            return i
    return None


def score(questions: list[dict], results: dict[str, list[dict]]) -> dict:
    per_kind: dict[str, list] = defaultdict(list)
    ranks, chars = [], []
    for q in questions:
        res = results.get(q["id"], [])[:10]
        chars += [len(r["text"]) for r in res[:5]]
        r = rank_of_hit(q, res)
        ranks.append(r)
        per_kind[q.get("kind", "?")].append(r)

    def summary(rs):
        n = len(rs) or 1
        return {
            "hit@1": sum(1 for r in rs if r == 1) / n,
            "recall@5": sum(1 for r in rs if r and r <= 5) / n,
            "mrr@10": sum(1 / r for r in rs if r) / n,
        }

    out = summary(ranks)
    out["n"] = len(ranks)
    notes = note_level(questions, results)
    if notes is not None:
        out["note-level"] = notes
    out["chars/result"] = sum(chars) / (len(chars) or 1)
    out["recall@5 by kind"] = {k: summary(v)["recall@5"] for k, v in sorted(per_kind.items())}
    out["hit@1 by kind"] = {k: summary(v)["hit@1"] for k, v in sorted(per_kind.items())}
    out["misses"] = [q["id"] for q, r in zip(questions, ranks) if not r or r > 5]
    return out


def note_rank(q: dict, results: list[dict]) -> int | None:
    """Where the question's note comes in the notes ranked by their first result (1-based)."""
    seen: list[str] = []
    for r in results:
        path = r["path"].replace("\\", "/")
        if path not in seen:
            seen.append(path)
    for i, path in enumerate(seen, 1):
        if path == q["file"] or path.endswith("/" + q["file"]) or q["file"].endswith("/" + path):
            return i
    return None


def note_level(questions: list[dict], results: dict[str, list[dict]]) -> dict | None:
    """hit@1, MRR@10 and nDCG@5 of the note ranking, for the questions marked "note_level" (those
    whose note is about what they ask); None when no question is."""
    import math

    ranks = [note_rank(q, results.get(q["id"], [])[:10]) for q in questions if q.get("note_level")]
    if not ranks:
        return None
    n = len(ranks)
    return {"n": n, "hit@1": sum(1 for r in ranks if r == 1) / n,
            "mrr@10": sum(1 / r for r in ranks if r) / n,
            "ndcg@5": sum(1 / math.log2(r + 1) for r in ranks if r and r <= 5) / n}


def format_row(name: str, s: dict) -> str:
    kinds = " ".join(f"{k}:{v:.2f}" for k, v in s["recall@5 by kind"].items())
    row = (f"{name:10s} n={s['n']:3d} hit@1={s['hit@1']:.3f} recall@5={s['recall@5']:.3f} "
           f"mrr@10={s['mrr@10']:.3f} chars/result={s['chars/result']:.0f}  recall@5 by kind: {kinds}")
    if s.get("hit@1 by kind"):  # (results written before it have none)
        row += f"\n{'':10s} hit@1 by kind: " + " ".join(f"{k}:{v:.2f}" for k, v in s["hit@1 by kind"].items())
    notes = s.get("note-level")
    if notes:
        # (what sets it apart from the "note" kind above: every helper of trials s62 had read the two as at odds)
        row += (f"\n{'':10s} note-level (n={notes['n']}): hit@1={notes['hit@1']:.3f} mrr@10={notes['mrr@10']:.3f} "
                f"ndcg@5={notes['ndcg@5']:.3f}  (the right note by its first hit, whatever that shows; the figures "
                f"above need a hit that shows an answer span)")
    return row


def run_system(questions: list[dict], ask: Callable[[str], list[dict]]) -> tuple[dict[str, list[dict]], list[float]]:
    results, latencies = {}, []
    for q in questions:
        t = time.perf_counter()
        results[q["id"]] = ask(q["question"])
        latencies.append(time.perf_counter() - t)
    return results, latencies


def write_results(path: Path, results: dict[str, list[dict]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for qid, res in results.items():
            f.write(json.dumps({"id": qid, "results": [{"path": r["path"], "text": r["text"]} for r in res]},
                               ensure_ascii=False) + "\n")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    idx = min(len(v) - 1, max(0, round(p / 100 * (len(v) - 1))))
    return v[idx]


# --------------------------------------------------------------------------- reference pipeline


class PlainSentenceTransformer:
    """The reference's embedder exactly as its pipeline is written: SentenceTransformer(model)
    .encode(texts) with the library's defaults (batch size 32), for timing it fairly."""

    def __init__(self, name: str):
        from sentence_transformers import SentenceTransformer

        from .embedding.base import resolve_model

        self.name = name
        self.model = SentenceTransformer(resolve_model(name), device="cpu")

    def encode(self, texts):
        return self.model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=False)


class ReferencePipeline:
    """LangChain RecursiveCharacterTextSplitter(500, 50) + the same model + FAISS flat (inner product)."""

    def __init__(self, notes_dir: Path, embedder):
        self.notes_dir = Path(notes_dir)
        self.embedder = embedder
        self.chunks: list[dict] = []
        self.index = None

    def build(self) -> float:
        import faiss
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from .notefiles import discover_notes, read_note

        t = time.perf_counter()
        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
        files, _ = discover_notes(self.notes_dir)
        for path in files:
            rel = path.relative_to(self.notes_dir).as_posix()
            text, _problem = read_note(path, rel)
            if text is None:
                continue
            for piece in splitter.split_text(text):
                self.chunks.append({"path": rel, "text": piece})
        vecs = self.embedder.encode([c["text"] for c in self.chunks])
        self.index = faiss.IndexFlatIP(vecs.shape[1])
        self.index.add(vecs)
        return time.perf_counter() - t

    def ask(self, question: str, k: int = 10) -> list[dict]:
        q = self.embedder.encode([question])
        _, ids = self.index.search(q, k)
        return [self.chunks[i] for i in ids[0] if i >= 0]


# --------------------------------------------------------------------------- the whole run


def evaluate(questions_path, notes_dir, index_dir, *, model: str | None = None, reference: bool = False,
             out_dir=None, build: bool = True, log=print) -> dict:
    """Build (incrementally) and evaluate our system, optionally beside the reference."""
    from .embedding import load_embedder
    from .indexing import build_index, embedder_for
    from .search import NotesIndex

    questions = load_questions(questions_path)
    out_dir = Path(out_dir) if out_dir else None
    embedder = embedder_for(index_dir, model)
    report = {"questions": str(questions_path), "notes": str(notes_dir), "model": embedder.name}
    if build:
        rep = build_index(notes_dir, index_dir, embedder=embedder)
        report["build"] = {"seconds": rep.seconds, "embed_seconds": rep.embed_seconds, "chunks": rep.chunks,
                           "embedded": rep.embedded}
        log(f"index: {rep.summary()}")
    for warning in span_warnings(questions, notes_dir):
        log(f"warning: {warning}")
    index = NotesIndex.open(index_dir, embedder=embedder)
    index.search("warm up", k=5)

    def ours(question: str) -> list[dict]:
        return [{"path": h.path, "text": h.text} for h in index.search(question, k=10)]

    results, lat = run_system(questions, ours)
    s = score(questions, results)
    s["latency_ms"] = {"p50": 1000 * statistics.median(lat), "p95": 1000 * percentile(lat, 95)}
    report["notesqa"] = s
    log(format_row("notesqa", s))
    log(f"           warm question latency p50 {s['latency_ms']['p50']:.1f} ms, p95 {s['latency_ms']['p95']:.1f} ms")
    if out_dir:
        write_results(out_dir / "notesqa.results.jsonl", results)
    if reference:
        # The reference as written: the same model at float32 (sentence-transformers' vectors;
        # ONNX fp32 computes the same ones, faster), whatever precision our index uses.
        ref = ReferencePipeline(notes_dir, load_embedder(embedder.name, precision="fp32"))
        secs = ref.build()
        rres, rlat = run_system(questions, ref.ask)
        rs = score(questions, rres)
        rs["build_seconds"] = secs
        rs["chunks"] = len(ref.chunks)
        rs["latency_ms"] = {"p50": 1000 * statistics.median(rlat), "p95": 1000 * percentile(rlat, 95)}
        report["reference"] = rs
        log(format_row("reference", rs) + f"  (built in {secs:.0f}s, {len(ref.chunks)} chunks)")
        if out_dir:
            write_results(out_dir / "reference.results.jsonl", rres)
    if out_dir:
        (out_dir / "eval.json").write_text(json.dumps(report, indent=1))
    return report
