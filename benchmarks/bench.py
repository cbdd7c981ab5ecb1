"""notesqa speed, in one run, beside quality: build, re-index, questions, start-up, memory.

    NOTESQA_CACHE=/tmp/nqcache python benchmarks/bench.py ../shared/corpus/candidstartup \\
        --questions ../shared/eval/dev.jsonl --out benchmarks/results/bench.json

    # also fp32 and torch (each adds a full build of the corpus)
    ... --backends auto,onnx,torch

    # a dry run in seconds with the fake embedder
    python benchmarks/bench.py notes --questions QUESTIONS.jsonl --model hash-256 --no-baseline

The corpus is copied to a work folder (never touched). Heavy work runs in child
processes of this script (`bench.py _child ...`), so each one's peak memory is its own
(read with wait4) and this process stays light. Per backend:

  build   one child: load + warm the embedder; full build_index (timed, per stage, and
          its peak RSS); a bare embedder.encode of exactly the build's chunk `embed`
          texts with the same embedder object; the reference pipeline (LangChain
          RecursiveCharacterTextSplitter 500/50 + the same model on sentence-transformers
          + FAISS flat, as that pipeline is written; --reference-backend same gives it our
          embedder object instead), built and asked the dev questions.
  reindex append one bullet to one note, `notesqa index --json` (a fresh process, as a
          user runs it), then put the note back and index again.
  serve   one child: NotesIndex.open, then every dev question (several rounds) through
          NotesIndex.search: warm latency p50/p95, the dev-set quality, peak RSS.
  ask     `notesqa ask` cold, several times (wall, peak RSS).

Once: `notesqa --help` (best of several) and the baseline `import sentence_transformers;
SentenceTransformer(packaged model)` in a fresh process (best of several).

Before each heavy step the script waits (up to --max-wait seconds) for the 1-minute
load average to fall below --max-load; the load seen is recorded beside each figure.
Writes JSON (--out) and prints a table (also --table FILE).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from notesqa.evaluation import percentile

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "candidstartup"
DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"

TARGETS = {
    "build_vs_reference": 0.35,  # our full build time / the reference pipeline's, at equal or better quality
    "overhead_vs_bare_encode": 0.10,  # (build - bare encode of the same texts) / bare encode
    "reindex_vs_full_build": 0.05,  # re-index after one note changes / full build
    "warm_p95_ms": 25.0,
    "help_seconds": 0.3,
    "cold_ask_vs_st_load": 1.5,  # cold `notesqa ask` / import sentence-transformers + load the model
    "int8_recall_at_5_delta": 0.01,
}


# --------------------------------------------------------------------------- small helpers


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load1() -> float:
    return round(os.getloadavg()[0], 2)


def wait_quiet(max_load: float, max_wait: float, what: str) -> dict:
    """Sleep until the 1-minute load average is below max_load (at most max_wait seconds)."""
    t = time.monotonic()
    la = load1()
    announced = False
    while la >= max_load and time.monotonic() - t < max_wait:
        if not announced:
            log(f"load {la} >= {max_load}: waiting before {what}")
            announced = True
        time.sleep(10)
        la = load1()
    waited = time.monotonic() - t
    return {"load1_at_start": la, "waited_s": round(waited, 1), "quiet": la < max_load}



class Run:
    def __init__(self, cmd, wall, maxrss, cpu, rc, out, err):
        self.cmd, self.wall, self.maxrss, self.cpu, self.rc, self.out, self.err = cmd, wall, maxrss, cpu, rc, out, err

    def check(self) -> "Run":
        if self.rc != 0:
            raise SystemExit(f"{' '.join(map(str, self.cmd))} failed (exit {self.rc}):\n{self.err[-4000:]}")
        return self


def run_measured(cmd, env=None) -> Run:
    """Run cmd; its wall time, peak RSS (bytes) and CPU seconds, from wait4 on that child alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(cmd, wall, ru.ru_maxrss * 1024, ru.ru_utime + ru.ru_stime, p.returncode,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def notesqa_cmd() -> list[str]:
    """The `notesqa` console script next to this Python (what a user runs), else `python -m notesqa.cli`."""
    script = Path(sys.executable).parent / "notesqa"
    return [str(script)] if script.exists() else [sys.executable, "-m", "notesqa.cli"]


def backend_env(backend: str) -> dict:
    env = dict(os.environ)
    env["NOTESQA_BACKEND"] = backend
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(kind: str, spec: dict, env: dict) -> tuple[dict, Run]:
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as f:
        result_path = f.name
    try:
        spec = {**spec, "result": result_path}
        run = run_measured([sys.executable, __file__, "_child", kind, json.dumps(spec)], env=env).check()
        return json.loads(Path(result_path).read_text()), run
    finally:
        os.unlink(result_path)


def rnd(x, n=3):
    return None if x is None else round(float(x), n)


# --------------------------------------------------------------------------- child processes


def _rss_now() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _maxrss_self() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class StageClock:
    """A build progress callback recording when each stage was first and last reported."""

    def __init__(self):
        self.first: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.t0 = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        self.first.setdefault(stage, now)
        self.last[stage] = now

    def summary(self, end: float) -> dict:
        """Seconds per stage: from its first report to the next stage's first report."""
        order = sorted(self.first, key=self.first.get)
        out = {}
        for i, s in enumerate(order):
            stop = self.first[order[i + 1]] if i + 1 < len(order) else end
            out[s] = round(stop - self.first[s], 3)
        out["before_first_stage"] = round((self.first[order[0]] if order else end) - self.t0, 3)
        return out


def _token_counts(embedder, texts: list[str]) -> int | None:
    """Tokens the model sees for texts (with special tokens, truncated at its window), if it has a tokenizer."""
    source = getattr(embedder, "source", None)
    if not source or not (Path(source) / "tokenizer.json").is_file():
        return None
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(source) / "tokenizer.json"))
    tok.enable_truncation(int(embedder.max_tokens))
    tok.no_padding()
    return sum(len(e.ids) for e in tok.encode_batch(list(texts)))


def child_build(spec: dict) -> dict:
    t_start = time.perf_counter()
    import numpy as np

    from notesqa import dense, evaluation, store
    from notesqa.embedding import load_embedder
    from notesqa.embedding.hashing import HashEmbedder
    from notesqa.indexing import build_index
    from notesqa.keywords import KeywordIndex

    res: dict = {"backend": spec["backend"], "model": spec["model"]}
    t = time.perf_counter()
    emb = load_embedder(spec["model"], backend=spec["backend"])
    emb.encode(["warm up the model before anything is timed"])
    res["embedder"] = {"class": type(emb).__name__, "precision": getattr(emb, "precision", None),
                       "batch_size": getattr(emb, "batch_size", None), "threads": getattr(emb, "threads", None),
                       "load_and_warm_s": rnd(time.perf_counter() - t), "imports_s": rnd(t - t_start),
                       "rss_after_load": _maxrss_self()}

    # -- our full build
    notes, index = Path(spec["notes"]), Path(spec["index"])
    clock = StageClock()
    la0 = load1()
    c0, t = time.process_time(), time.perf_counter()
    rep = build_index(notes, index, embedder=emb, rebuild=True, progress=clock)
    wall, cpu = time.perf_counter() - t, time.process_time() - c0
    res["build"] = {"seconds": rnd(wall), "cpu_seconds": rnd(cpu), "report_seconds": rnd(rep.seconds),
                    "embed_seconds": rnd(rep.embed_seconds), "non_embed_seconds": rnd(rep.seconds - rep.embed_seconds),
                    "notes": rep.notes, "chunks": rep.chunks, "embedded": rep.embedded,
                    "chunks_per_s": rnd(rep.chunks / wall, 1), "stages": clock.summary(t + wall),
                    "peak_rss": _maxrss_self(), "load1": [la0, load1()]}
    log(f"[{spec['backend']}] build: {rep.chunks} chunks in {wall:.1f}s (embed {rep.embed_seconds:.1f}s)")

    gen, _manifest = store.read_manifest(index)
    chunks = store.load_chunks(gen)
    # exactly what the build embedded: the unique embed inputs, in chunk order
    texts = list(dict.fromkeys(c.embed for c in chunks))
    res["build"]["unique_embed_texts"] = len(texts)

    # -- the pieces of the build besides the model (diagnostic: where the overhead goes)
    t = time.perf_counter()
    KeywordIndex.build([c.keywords for c in chunks])
    kw_s = time.perf_counter() - t
    vectors = np.asarray(store.load_vectors(gen, mmap=False), dtype=np.float32)
    t = time.perf_counter()
    dense.build(vectors, dense.kind_for(len(vectors)))
    dense_s = time.perf_counter() - t
    res["build"]["parts"] = {"bm25_build_s": rnd(kw_s), "faiss_build_s": rnd(dense_s)}
    del vectors

    # -- bare encode of the same texts with the same embedder object
    if spec.get("bare", True):
        la0 = load1()
        c0, t = time.process_time(), time.perf_counter()
        emb.encode(texts)
        bw, bc = time.perf_counter() - t, time.process_time() - c0
        res["bare_encode"] = {"seconds": rnd(bw), "cpu_seconds": rnd(bc), "texts": len(texts),
                              "texts_per_s": rnd(len(texts) / bw, 1), "load1": [la0, load1()]}
        log(f"[{spec['backend']}] bare encode of the same {len(texts)} texts: {bw:.1f}s")

    # -- the reference pipeline, with the same embedder object
    questions = evaluation.load_questions(spec["questions"]) if spec.get("questions") else []
    if spec.get("reference", True):
        ref_emb = emb
        if isinstance(emb, HashEmbedder):  # the fake model (dry runs) has no sentence-transformers form
            pass
        elif spec.get("reference_backend") == "torch":  # the pipeline as written, library defaults
            ref_emb = evaluation.PlainSentenceTransformer(spec["model"])
        elif spec.get("reference_backend") not in (None, "same"):
            ref_emb = load_embedder(spec["model"], backend=spec["reference_backend"])
        if ref_emb is not emb:
            ref_emb.encode(["warm up the model before anything is timed"])
        ref = evaluation.ReferencePipeline(notes, ref_emb)
        la0 = load1()
        c0 = time.process_time()
        secs = ref.build()
        rc = time.process_time() - c0
        results, lat = evaluation.run_system(questions, ref.ask)
        s = evaluation.score(questions, results) if questions else {}
        res["reference"] = {"seconds": rnd(secs), "cpu_seconds": rnd(rc), "chunks": len(ref.chunks),
                            "embedder": f"{type(ref_emb).__name__} {getattr(ref_emb, 'precision', '')}".strip(),
                            "same_embedder_object": ref_emb is emb,
                            "chunks_per_s": rnd(len(ref.chunks) / secs, 1), "load1": [la0, load1()],
                            "quality": s,
                            "latency_ms": {"p50": rnd(1000 * statistics.median(lat)) if lat else None,
                                           "p95": rnd(1000 * percentile(lat, 95)) if lat else None}}
        log(f"[{spec['backend']}] reference: {len(ref.chunks)} chunks in {secs:.1f}s")
        res["tokens"] = {"reference": _token_counts(emb, [c["text"] for c in ref.chunks])}
    else:
        res["tokens"] = {}
    # what the context prefix (title > headings > parents) costs: tokens with and without it
    by_hash = {c.hash: c for c in chunks}
    res["tokens"]["ours"] = _token_counts(emb, texts)
    res["tokens"]["ours_without_context"] = _token_counts(emb, [by_hash[h].text for h in dict.fromkeys(c.hash for c in chunks)])
    return res


def child_serve(spec: dict) -> dict:
    t_start = time.perf_counter()
    rss0 = _rss_now()
    from notesqa import evaluation, store
    from notesqa.search import NotesIndex

    questions = evaluation.load_questions(spec["questions"]) if spec.get("questions") else []
    res: dict = {"imports_s": rnd(time.perf_counter() - t_start)}
    t = time.perf_counter()
    idx = NotesIndex.open(spec["index"])
    res["open_s"] = rnd(time.perf_counter() - t)
    t = time.perf_counter()
    idx.search(questions[0]["question"] if questions else "warm up", k=10)
    res["first_question_s"] = rnd(time.perf_counter() - t)
    for w in ("a warm-up question", "another one about cells and sharding"):
        idx.search(w, k=10)

    lat, enc_lat, results = [], [], {}
    for r in range(spec.get("rounds", 3)):
        for q in questions:
            t = time.perf_counter()
            hits = idx.search(q["question"], k=10)
            lat.append(time.perf_counter() - t)
            if r == 0:
                results[q["id"]] = [{"path": h.path, "text": h.text} for h in hits]
    for q in questions:  # the model's share of a question: the query encode alone
        t = time.perf_counter()
        idx.embedder.encode([q["question"]])
        enc_lat.append(time.perf_counter() - t)
    res["questions"] = len(questions)
    res["searches"] = len(lat)
    ms = [1000 * x for x in lat]
    res["latency_ms"] = {"p50": rnd(statistics.median(ms)) if ms else None, "p95": rnd(percentile(ms, 95)),
                         "max": rnd(max(ms)) if ms else None}
    ems = [1000 * x for x in enc_lat]
    res["query_encode_ms"] = {"p50": rnd(statistics.median(ems)) if ems else None, "p95": rnd(percentile(ems, 95))}
    res["quality"] = evaluation.score(questions, results) if questions else {}
    res["peak_rss"] = _maxrss_self()
    res["rss_at_start"] = rss0
    # what the chunk list alone costs in memory (a second copy, measured by RSS growth)
    before = _rss_now()
    extra = store.load_chunks(idx._live.gen.path)
    res["chunk_list_bytes_per_chunk"] = rnd((_rss_now() - before) / max(1, len(extra)), 0)
    res["chunks"] = len(extra)
    return res


def child_main(kind: str, spec_json: str) -> None:
    spec = json.loads(spec_json)
    out = {"build": child_build, "serve": child_serve}[kind](spec)
    Path(spec["result"]).write_text(json.dumps(out))


# --------------------------------------------------------------------------- the parent


def copy_corpus(corpus: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(corpus, dest, ignore=shutil.ignore_patterns(".git"))


def reindex_once(notes: Path, index: Path, model: str, env: dict) -> dict:
    run = run_measured([*notesqa_cmd(), "index", "--notes", notes, "--index", index, "--model", model, "--json"],
                       env=env).check()
    rep = json.loads(run.out)
    return {"wall_s": rnd(run.wall), "build_seconds": rnd(rep["seconds"]), "embed_seconds": rnd(rep["embed_seconds"]),
            "embedded": rep["embedded"], "reused": rep["reused"], "updated": rep["updated"],
            "unchanged": rep["unchanged"], "full_rebuild_reason": rep.get("full_rebuild_reason"),
            "peak_rss": run.maxrss}


def bench_reindex(notes: Path, index: Path, model: str, env: dict) -> dict:
    sys.path.insert(0, str(HERE))
    from reindex import BULLET, pick_note  # noqa: E402 - the re-index benchmark's own edit

    note = pick_note(notes)
    original = note.read_bytes()
    with open(note, "a", encoding="utf-8") as f:
        f.write(BULLET)
    try:
        after_edit = reindex_once(notes, index, model, env)
    finally:
        note.write_bytes(original)
    after_revert = reindex_once(notes, index, model, env)
    return {"note": note.relative_to(notes).as_posix(), "appended": BULLET.strip(), "edit": after_edit,
            "revert": after_revert}


def bench_ask(notes: Path, index: Path, question: str, runs: int, env: dict) -> dict:
    walls, rss = [], []
    for _ in range(runs):
        r = run_measured([*notesqa_cmd(), "ask", "--notes", notes, "--index", index, question], env=env).check()
        walls.append(r.wall)
        rss.append(r.maxrss)
    return {"question": question, "runs": runs, "best_s": rnd(min(walls)), "median_s": rnd(statistics.median(walls)),
            "walls_s": [rnd(w) for w in walls], "peak_rss": max(rss)}


def bench_help(runs: int, env: dict) -> dict:
    walls = [run_measured([*notesqa_cmd(), "--help"], env=env).check().wall for _ in range(runs)]
    return {"runs": runs, "best_s": rnd(min(walls)), "median_s": rnd(statistics.median(walls))}


def bench_st_load(runs: int, env: dict) -> dict | None:
    from notesqa.embedding.base import packaged_model_path

    path = packaged_model_path()
    if path is None:
        return None
    code = f"from sentence_transformers import SentenceTransformer; SentenceTransformer({str(path)!r}, device='cpu')"
    walls, rss = [], []
    for _ in range(runs):
        r = run_measured([sys.executable, "-c", code], env=env).check()
        walls.append(r.wall)
        rss.append(r.maxrss)
    return {"code": code, "runs": runs, "best_s": rnd(min(walls)), "median_s": rnd(statistics.median(walls)),
            "walls_s": [rnd(w) for w in walls], "peak_rss": max(rss)}


def mb(b) -> float | None:
    return None if b is None else round(b / 2**20, 1)


def verdicts(res: dict) -> dict:
    """Each target: the figure, the limit, met or not (None when not measured)."""
    out = {}
    default = res["backends"][0]
    b = default.get("build_child", {})
    build = b.get("build", {})
    ref = b.get("reference")
    bare = b.get("bare_encode")
    serve = default.get("serve", {})
    qual = serve.get("quality", {})

    def put(name, value, limit, ok, note=""):
        out[name] = {"value": value, "limit": limit, "met": ok, "note": note}

    if ref and build:
        ratio = build["seconds"] / ref["seconds"]
        rq = ref.get("quality") or {}
        better = (qual.get("recall@5", 0) >= rq.get("recall@5", 0) and qual.get("mrr@10", 0) >= rq.get("mrr@10", 0))
        put("build_vs_reference", rnd(ratio), TARGETS["build_vs_reference"],
            ratio <= TARGETS["build_vs_reference"] and better,
            f"quality ours recall@5 {qual.get('recall@5', 0):.3f} / mrr@10 {qual.get('mrr@10', 0):.3f} vs reference "
            f"{rq.get('recall@5', 0):.3f} / {rq.get('mrr@10', 0):.3f}; CPU-time ratio "
            f"{build['cpu_seconds'] / ref['cpu_seconds']:.2f}")
    if bare and build:
        over = build["seconds"] / bare["seconds"] - 1
        put("overhead_vs_bare_encode", rnd(over), TARGETS["overhead_vs_bare_encode"],
            over <= TARGETS["overhead_vs_bare_encode"],
            f"CPU-time overhead {build['cpu_seconds'] / bare['cpu_seconds'] - 1:.3f}")
    ri = default.get("reindex")
    if ri and build:
        r = ri["edit"]["wall_s"] / build["seconds"]
        put("reindex_vs_full_build", rnd(r, 4), TARGETS["reindex_vs_full_build"],
            r <= TARGETS["reindex_vs_full_build"],
            f"cold `notesqa index` wall {ri['edit']['wall_s']}s (in-build {ri['edit']['build_seconds']}s, embedded "
            f"{ri['edit']['embedded']}) vs full build {build['seconds']}s")
    if serve.get("latency_ms"):
        p95 = serve["latency_ms"]["p95"]
        put("warm_p95_ms", p95, TARGETS["warm_p95_ms"], p95 <= TARGETS["warm_p95_ms"])
    if res.get("help"):
        h = res["help"]["best_s"]
        put("help_seconds", h, TARGETS["help_seconds"], h <= TARGETS["help_seconds"])
    ask = default.get("ask")
    st = res.get("st_load")
    if ask and st:
        r = ask["best_s"] / st["best_s"]
        put("cold_ask_vs_st_load", rnd(r), TARGETS["cold_ask_vs_st_load"], r <= TARGETS["cold_ask_vs_st_load"],
            f"cold ask best {ask['best_s']}s (median {ask['median_s']}s) vs import+load best {st['best_s']}s "
            f"(median {st['median_s']}s)")
    def precision(x):
        return x.get("build_child", {}).get("embedder", {}).get("precision")

    fp32 = next((x for x in res["backends"] if precision(x) == "fp32"), None)
    int8 = next((x for x in res["backends"] if precision(x) == "int8"), None)
    if fp32 and int8 and fp32.get("serve", {}).get("quality") and int8.get("serve", {}).get("quality"):
        d = int8["serve"]["quality"]["recall@5"] - fp32["serve"]["quality"]["recall@5"]
        put("int8_recall_at_5_delta", rnd(d), TARGETS["int8_recall_at_5_delta"],
            d >= -TARGETS["int8_recall_at_5_delta"], "int8 minus fp32 (a gain is fine)")
    return out


def projection(build: dict, n: int = 100_000) -> dict:
    """Full-build time of an n-chunk vault, from this build's throughput (linear in chunks)."""
    cps = build["chunks"] / build["seconds"]
    embed_cps = build["embedded"] / build["embed_seconds"] if build.get("embed_seconds") else None
    return {"chunks": n, "from_chunks_per_s": rnd(cps, 1), "seconds": rnd(n / cps, 0),
            "minutes": rnd(n / cps / 60, 1), "embed_chunks_per_s": rnd(embed_cps, 1),
            "note": "linear in chunks at this corpus's chunk-length mix; above dense.EXACT_MAX the FAISS part "
                    "becomes an HNSW build (see benchmarks/scale.py)"}


def table(res: dict) -> str:
    rows = ["| figure | value | target | met |", "|---|---|---|---|"]
    names = {
        "build_vs_reference": "full build / reference pipeline build",
        "overhead_vs_bare_encode": "build overhead over bare encode of the same texts",
        "reindex_vs_full_build": "re-index after one note changes / full build",
        "warm_p95_ms": "warm question p95 (ms)",
        "help_seconds": "`notesqa --help` (s, best)",
        "cold_ask_vs_st_load": "cold `notesqa ask` / import sentence-transformers + load model",
        "int8_recall_at_5_delta": "int8 recall@5 minus fp32",
    }
    for k, v in res["targets"].items():
        mark = "yes" if v["met"] else ("no" if v["met"] is False else "n/a")
        lim = f"<= {v['limit']}" if k != "int8_recall_at_5_delta" else f">= -{v['limit']}"
        rows.append(f"| {names.get(k, k)} | {v['value']} | {lim} | {mark} |")
    out = ["### Targets", "", *rows, ""]

    out += ["### Per backend", "",
            "| backend | chunks | full build s | chunks/s | embed s | bare encode s | peak RSS build MB | "
            "re-index s (cold CLI) | warm p50 / p95 ms | cold ask s (best) | serve peak RSS MB | "
            "hit@1 | recall@5 | MRR@10 |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    ref_s = (res["backends"][0].get("build_child", {}).get("reference") or {}).get("seconds")
    for b in res["backends"]:
        bc = b.get("build_child", {})
        bu = bc.get("build", {})
        ratio = f" ({bu['seconds'] / ref_s:.2f}x ref)" if ref_s and bu.get("seconds") else ""
        bare = bc.get("bare_encode") or {}
        sv = b.get("serve", {})
        q = sv.get("quality", {})
        ri = (b.get("reindex") or {}).get("edit", {})
        lat = sv.get("latency_ms", {})
        ask = b.get("ask") or {}
        out.append(f"| {b['backend']} ({bc.get('embedder', {}).get('class', '?')} "
                   f"{bc.get('embedder', {}).get('precision') or ''}) | {bu.get('chunks')} | {bu.get('seconds')}{ratio} | "
                   f"{bu.get('chunks_per_s')} | {bu.get('embed_seconds')} | {bare.get('seconds', '-')} | "
                   f"{mb(bu.get('peak_rss'))} | {ri.get('wall_s', '-')} | {lat.get('p50')} / {lat.get('p95')} | "
                   f"{ask.get('best_s', '-')} | {mb(sv.get('peak_rss'))} | {q.get('hit@1', 0):.3f} | "
                   f"{q.get('recall@5', 0):.3f} | {q.get('mrr@10', 0):.3f} |")
    ref = res["backends"][0].get("build_child", {}).get("reference")
    if ref:
        q = ref.get("quality") or {}
        out.append(f"| reference (LangChain 500/50 + same model + FAISS flat; {ref.get('embedder', '')}) | "
                   f"{ref['chunks']} | {ref['seconds']} | "
                   f"{ref['chunks_per_s']} | - | - | - | - | {ref['latency_ms']['p50']} / {ref['latency_ms']['p95']} "
                   f"| - | - | {q.get('hit@1', 0):.3f} | {q.get('recall@5', 0):.3f} | {q.get('mrr@10', 0):.3f} |")
    out.append("")
    d = res["backends"][0]
    bc = d.get("build_child", {})
    bu = bc.get("build", {})
    other = ["### Other figures", ""]
    if bu:
        other.append(f"- full build {bu['seconds']} s = embedding {bu['embed_seconds']} s + everything else "
                     f"{bu['non_embed_seconds']} s (parse, chunk, BM25 {bu['parts']['bm25_build_s']} s, FAISS "
                     f"{bu['parts']['faiss_build_s']} s, write); CPU {bu['cpu_seconds']} s; model load "
                     f"{bc['embedder']['load_and_warm_s']} s apart")
    loads = [f"{name} {part['load1'][0]}->{part['load1'][1]}" for name, part in
             (("build", bu), ("bare encode", bc.get("bare_encode")), ("reference", bc.get("reference"))) if part]
    if loads:
        other.append("- 1-min load average at start->end (2 cores; above 2 means sharing): " + ", ".join(loads))
    tok = bc.get("tokens") or {}
    if tok.get("ours"):
        line = f"- tokens through the model: ours {tok['ours']} ({tok['ours'] / bu['embed_seconds']:.0f}/s in the build"
        if bc.get("bare_encode"):
            line += f", {tok['ours'] / bc['bare_encode']['seconds']:.0f}/s bare"
        line += ")"
        if tok.get("reference") and bc.get("reference"):
            line += f", reference {tok['reference']} ({tok['reference'] / bc['reference']['seconds']:.0f}/s)"
        if tok.get("ours_without_context"):
            line += f"; ours without the context prefix would be {tok['ours_without_context']}"
        other.append(line)
    if res.get("st_load"):
        other.append(f"- import sentence-transformers + load model: best {res['st_load']['best_s']} s, "
                     f"median {res['st_load']['median_s']} s, peak RSS {mb(res['st_load']['peak_rss'])} MB")
    if d.get("ask"):
        other.append(f"- cold `notesqa ask`: best {d['ask']['best_s']} s, median {d['ask']['median_s']} s, "
                     f"peak RSS {mb(d['ask']['peak_rss'])} MB")
    if res.get("help"):
        other.append(f"- `notesqa --help`: best {res['help']['best_s']} s, median {res['help']['median_s']} s")
    sv = d.get("serve", {})
    if sv:
        other.append(f"- serving: open {sv.get('open_s')} s, first question {sv.get('first_question_s')} s, query "
                     f"encode alone p50 {sv['query_encode_ms']['p50']} / p95 {sv['query_encode_ms']['p95']} ms, "
                     f"chunk list ~{sv.get('chunk_list_bytes_per_chunk')} bytes/chunk in memory")
    ri = d.get("reindex")
    if ri:
        other.append(f"- re-index ({ri['note']} + one bullet): cold CLI {ri['edit']['wall_s']} s, in-build "
                     f"{ri['edit']['build_seconds']} s, embedded {ri['edit']['embedded']}; put back: "
                     f"{ri['revert']['wall_s']} s, embedded {ri['revert']['embedded']}")
    if res.get("projection_100k"):
        p = res["projection_100k"]
        other.append(f"- projected full build of a 100k-chunk vault: {p['seconds']} s ({p['minutes']} min) "
                     f"at {p['from_chunks_per_s']} chunks/s")
    return "\n".join(out + other) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="Notes folder to measure on.")
    ap.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="Dev questions (JSON lines).")
    ap.add_argument("--model", default=os.environ.get("NOTESQA_MODEL") or "all-MiniLM-L6-v2")
    ap.add_argument("--backends", default="auto",
                    help="Comma-separated: auto (the default: ONNX int8), onnx (fp32), onnx-int8, torch. Each adds "
                         "a full build; the first is the one judged against the targets.")
    ap.add_argument("--no-reference", action="store_true", help="Skip the reference pipeline.")
    ap.add_argument("--reference-backend", default="torch",
                    help="The reference pipeline's embedder: torch (default: sentence-transformers, as the "
                         "pipeline is written and as ../shared/eval measured it) or same (our build's embedder "
                         "object, to compare the pipelines alone).")
    ap.add_argument("--no-bare", action="store_true", help="Skip the bare encode of the chunk texts.")
    ap.add_argument("--no-baseline", action="store_true", help="Skip the sentence-transformers import+load baseline.")
    ap.add_argument("--rounds", type=int, default=3, help="Rounds over the questions for warm latency.")
    ap.add_argument("--ask-runs", type=int, default=3)
    ap.add_argument("--help-runs", type=int, default=7)
    ap.add_argument("--baseline-runs", type=int, default=3)
    ap.add_argument("--max-load", type=float, default=2.5, help="Wait for the 1-min load average to drop below this.")
    ap.add_argument("--max-wait", type=float, default=900, help="Seconds to wait for a quiet machine per step.")
    ap.add_argument("--workdir", type=Path, default=None, help="Keep the corpus copy and indexes here.")
    ap.add_argument("--out", type=Path, default=None, help="Write the figures as JSON here.")
    ap.add_argument("--table", type=Path, default=None, help="Write the markdown table here.")
    args = ap.parse_args()

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    questions = args.questions if args.questions and args.questions.is_file() else None
    work = args.workdir or Path(tempfile.mkdtemp(prefix="notesqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    notes = work / "notes"
    copy_corpus(args.corpus, notes)
    first_q = "what is shuffle sharding for?"
    if questions:
        with open(questions, encoding="utf-8") as f:
            first_q = json.loads(f.readline())["question"]

    res: dict = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "corpus": str(args.corpus), "questions": str(questions) if questions else None, "model": args.model,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "max_load": args.max_load, "targets_defined": TARGETS, "backends": [],
    }
    wq = lambda what: wait_quiet(args.max_load, args.max_wait, what)  # noqa: E731

    for i, backend in enumerate(backends):
        env = backend_env(backend)
        index = work / f"index-{backend}"
        if index.exists():
            shutil.rmtree(index)
        entry: dict = {"backend": backend}
        first = i == 0
        spec = {"backend": backend, "model": args.model, "notes": str(notes), "index": str(index),
                "questions": str(questions) if questions else None,
                "reference": first and not args.no_reference, "bare": first and not args.no_bare,
                "reference_backend": args.reference_backend}
        entry["build_wait"] = wq(f"the {backend} build")
        log(f"[{backend}] full build (+ bare encode / reference where asked) ...")
        entry["build_child"], run = run_child("build", spec, env)
        entry["build_child"]["process"] = {"wall_s": rnd(run.wall), "cpu_s": rnd(run.cpu), "peak_rss": run.maxrss}

        entry["reindex_wait"] = wq(f"the {backend} re-index")
        log(f"[{backend}] re-index after one note changes ...")
        entry["reindex"] = bench_reindex(notes, index, args.model, env)

        entry["serve_wait"] = wq(f"the {backend} questions")
        log(f"[{backend}] warm questions ...")
        entry["serve"], run = run_child("serve", {"index": str(index), "questions": str(questions) if questions else None,
                                                  "rounds": args.rounds}, env)
        entry["serve"]["process_peak_rss"] = run.maxrss

        entry["ask_wait"] = wq(f"the {backend} cold asks")
        log(f"[{backend}] cold notesqa ask x{args.ask_runs} ...")
        entry["ask"] = bench_ask(notes, index, first_q, args.ask_runs, env)
        res["backends"].append(entry)

    env = backend_env(backends[0])
    res["help_wait"] = wq("notesqa --help")
    res["help"] = bench_help(args.help_runs, env)
    if not args.no_baseline:
        res["st_load_wait"] = wq("the sentence-transformers baseline")
        log(f"baseline: import sentence-transformers + load the model x{args.baseline_runs} ...")
        res["st_load"] = bench_st_load(args.baseline_runs, env)

    build = res["backends"][0]["build_child"]["build"]
    res["projection_100k"] = projection(build)
    res["targets"] = verdicts(res)
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    text = table(res)
    res["table_markdown"] = text
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, indent=1))
    if args.table:
        args.table.parent.mkdir(parents=True, exist_ok=True)
        args.table.write_text(text)
    print(text)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "_child":
        child_main(sys.argv[2], sys.argv[3])
    else:
        main()
