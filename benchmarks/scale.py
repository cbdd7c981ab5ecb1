"""Can the index layer hold a million chunk vectors? Build time, memory, latency, recall.

    NOTESQA_CACHE=/tmp/nqcache python benchmarks/scale.py --sizes 10000,100000 --out benchmarks/results/scale-100k.json
    python benchmarks/scale.py --sizes 1000000 --alt "IVF4096,SQ8:nprobe=16,32,64" --out benchmarks/results/scale-1m.json
    python benchmarks/scale.py --real INDEX_DIR          # the same figures on a real index's vectors

Synthetic CLUSTERED vectors stand in for chunk embeddings: --clusters gaussian centres
(grouped in --topics, sharing one common direction, as text embeddings do); each point
is a centre plus noise, normalised; queries are drawn the same way (new points). The
noise has a decaying spectrum (per-dimension variance ~ (i+1)^-decay), so
neighbourhoods have the low intrinsic dimension real sentence embeddings have. The
defaults were fitted to a real index (see Clustered); `data` in the output gives mean
cosine to the 1st and 10th neighbour and between random pairs (--real prints the same
for a real index).

For each size, through notesqa.dense: build (exact IndexFlatIP up to
dense.EXACT_MAX, HNSW over SQ8 above; --approx forces the approximate index at any
size), the serialized size, and in a fresh process the RSS growth of loading it plus
wrapping it as a dense.DenseIndex, then DenseIndex.scores(query, k) one query at a time
(as questions arrive): p50/p95 latency and recall@k against exact float search. Also
the call search.py really makes (n=100 candidates). --ef tries other efSearch values on
the same HNSW; --alt builds other FAISS indexes (index_factory strings) to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from notesqa.evaluation import percentile

import numpy as np

HERE = Path(__file__).resolve().parent
TARGETS = {"p95_ms": 50.0, "recall_at_10": 0.95, "bytes_at_1m": 2**30}


def log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def rss_now() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0



def wait_quiet(max_load: float, max_wait: float) -> dict:
    t = time.monotonic()
    la = os.getloadavg()[0]
    while la >= max_load and time.monotonic() - t < max_wait:
        time.sleep(10)
        la = os.getloadavg()[0]
    return {"load1": round(la, 2), "waited_s": round(time.monotonic() - t, 1), "quiet": la < max_load}


# --------------------------------------------------------------------------- data


class Clustered:
    """Points around cluster centres that share topics and one common direction, like text embeddings.

    A point is sqrt(g)*common + sqrt(t)*topic + sqrt(c)*cluster + noise, normalised, with
    common/topic/cluster unit gaussian directions (each cluster belongs to one of
    `topics`) and noise of squared norm 1-g-t-c whose per-dimension variance decays as
    (i+1)^-decay (in randomly rotated axes). The defaults were fitted to the
    candidstartup index (14,917 MiniLM vectors): mean cosine to the 1st / 10th / 100th
    neighbour 0.85 / 0.73 / 0.54 and between random pairs 0.10 there; 0.84 / 0.71 /
    0.61 and 0.11 for 15k of these.
    """

    def __init__(self, dim: int, clusters: int, topics: int, shares: tuple[float, float, float], decay: float,
                 seed: int):
        rng = np.random.default_rng(seed)

        def unit(n):
            x = rng.standard_normal((n, dim)).astype(np.float32)
            return x / np.linalg.norm(x, axis=1, keepdims=True)

        g, t, c = shares
        noise2 = 1.0 - g - t - c
        if noise2 <= 0:
            raise SystemExit("--shares must leave some noise (their sum below 1)")
        common, topic, own = unit(1)[0], unit(topics), unit(clusters)
        topic_of = rng.integers(0, topics, clusters)
        self.centres = (np.sqrt(g) * common + np.sqrt(t) * topic[topic_of] + np.sqrt(c) * own).astype(np.float32)
        s = (np.arange(dim) + 1.0) ** (-decay / 2)
        s = s * np.sqrt(noise2 / (s ** 2).sum())
        # a random rotation of the spectrum's axes, so no coordinate is special (SQ8 is per-coordinate)
        q, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
        self.mix = (s[:, None] * q.T).astype(np.float32)  # noise = z @ mix, z ~ N(0, I)
        self.dim = dim

    def sample(self, n: int, seed: int, block: int = 100_000) -> np.ndarray:
        rng = np.random.default_rng(seed)
        out = np.empty((n, self.dim), dtype=np.float32)
        for start in range(0, n, block):
            m = min(block, n - start)
            x = self.centres[rng.integers(0, len(self.centres), m)]
            x += rng.standard_normal((m, self.dim), dtype=np.float32) @ self.mix
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            out[start:start + m] = x
        return out


def exact_topk(data: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss

    index = faiss.IndexFlatIP(data.shape[1])
    index.add(data)
    d, i = index.search(queries, k)
    return d, i


def data_stats(data: np.ndarray, gt_d: np.ndarray, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, len(data), 20000), rng.integers(0, len(data), 20000)
    rand = (data[a] * data[b]).sum(axis=1)
    return {"cos_nn1_mean": round(float(gt_d[:, 0].mean()), 3), "cos_nn10_mean": round(float(gt_d[:, 9].mean()), 3)
            if gt_d.shape[1] >= 10 else None, "cos_random_mean": round(float(rand.mean()), 3),
            "cos_random_p99": round(float(np.percentile(rand, 99)), 3)}


# --------------------------------------------------------------------------- the serving side (a child process)


def child_query(spec: dict) -> dict:
    """Load a serialized index as a server would and answer single queries: memory, latency, recall."""
    import faiss

    from notesqa import dense as dense_index

    queries = np.load(spec["queries"])
    gt = np.load(spec["gt"])
    k = spec["k"]
    rss0 = rss_now()
    t = time.perf_counter()
    index = faiss.read_index(spec["index"])
    load_s = time.perf_counter() - t
    rss1 = rss_now()
    dense = dense_index.wrap(index, spec["kind"]) if spec.get("via_dense", True) else None
    rss2 = rss_now()
    res = {"load_s": round(load_s, 3), "rss_index_bytes": rss1 - rss0, "rss_dense_wrapper_bytes": rss2 - rss1,
           "exact": bool(dense.exact) if dense is not None else False}

    def measure(search_one) -> dict:
        for q in queries[:20]:
            search_one(q)
        lat, hits = [], 0
        for qi, q in enumerate(queries):
            t = time.perf_counter()
            ids = search_one(q)
            lat.append(1000 * (time.perf_counter() - t))
            hits += len(set(map(int, ids[:k])) & set(map(int, gt[qi, :k])))
        return {"p50_ms": round(statistics.median(lat), 3), "p95_ms": round(percentile(lat, 95), 3),
                "mean_ms": round(sum(lat) / len(lat), 3), f"recall@{k}": round(hits / (k * len(queries)), 4)}

    runs = {}
    if dense is not None:
        runs["DenseIndex.scores(k)"] = measure(lambda q: dense.scores(q, k)[0])
        # what search.py asks for: a pool of 100 candidates (POOL), of which the top k are compared
        runs["DenseIndex.scores(100) top k"] = measure(lambda q: dense.scores(q, 100)[0])
        if not dense.exact:
            pool_hits = 0
            for qi, q in enumerate(queries):
                ids = dense.scores(q, 100)[0]
                pool_hits += len(set(map(int, ids)) & set(map(int, gt[qi, :k])))
            runs["DenseIndex.scores(100) top k"][f"recall@{k} within the 100"] = round(pool_hits / (k * len(queries)), 4)
    for name, values in (spec.get("params") or {}).items():
        ps = faiss.ParameterSpace()
        for v in values:
            ps.set_index_parameters(index, f"{name}={v}")

            def one(q, index=index):
                return index.search(q.reshape(1, -1), k)[1][0]

            runs[f"{name}={v}"] = measure(one)
    res["runs"] = runs
    return res


def run_child(spec: dict) -> dict:
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as f:
        out = f.name
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE.parent / "src"), env.get("PYTHONPATH", "")) if p)
        r = subprocess.run([sys.executable, __file__, "_child", json.dumps({**spec, "result": out})], env=env,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"query child failed:\n{r.stderr[-4000:]}")
        return json.loads(Path(out).read_text())
    finally:
        os.unlink(out)


# --------------------------------------------------------------------------- building


def parse_alt(text: str) -> tuple[str, int | None, dict]:
    """'IVF4096,SQ8:nprobe=16,32' or 'HNSW32,SQ8@efc=80:efSearch=64,128' -> (factory, efc, params)."""
    head, _, params = text.partition(":")
    factory, _, build = head.partition("@")
    efc = int(build.split("=", 1)[1]) if build.startswith("efc=") else None
    ps = {}
    if params:
        name, _, values = params.partition("=")
        ps[name] = [int(v) for v in values.split(",") if v]
    return factory, efc, ps


def build_alt(factory: str, efc: int | None, data: np.ndarray, train_max: int, seed: int):
    import faiss

    index = faiss.index_factory(data.shape[1], factory, faiss.METRIC_INNER_PRODUCT)
    hnsw = getattr(faiss.downcast_index(index), "hnsw", None)
    if efc and hnsw is not None:
        hnsw.efConstruction = efc
    t = time.perf_counter()
    if not index.is_trained:
        sample = data
        if len(data) > train_max:
            sample = data[np.random.default_rng(seed).choice(len(data), train_max, replace=False)]
        index.train(sample)
    train_s = time.perf_counter() - t
    index.add(data)
    return index, train_s, time.perf_counter() - t


def measure_size(n: int, args, gen: Clustered | None, real: np.ndarray | None) -> dict:
    import faiss

    from notesqa import dense

    if args.approx:
        dense.EXACT_MAX = 0
    out: dict = {"n": n, "wait": wait_quiet(args.max_load, args.max_wait)}
    t = time.perf_counter()
    if real is not None:
        rng = np.random.default_rng(args.seed)
        perm = rng.permutation(len(real))
        queries = np.ascontiguousarray(real[perm[:args.queries]])
        data = np.ascontiguousarray(real[perm[args.queries:]])
        n = out["n"] = len(data)
    else:
        data = gen.sample(n, seed=args.seed + 1)
        queries = gen.sample(args.queries, seed=args.seed + 2)
    out["generate_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    gt_d, gt = exact_topk(data, queries, args.k)
    out["exact_ground_truth_s"] = round(time.perf_counter() - t, 2)
    out["data"] = data_stats(data, gt_d)
    log(f"n={n}: data {out['data']}")

    with tempfile.TemporaryDirectory(prefix="notesqa-scale-") as tmp:
        tmp = Path(tmp)
        np.save(tmp / "q.npy", queries)
        np.save(tmp / "gt.npy", gt)

        def serve(index, path: Path, params=None, via_dense=True) -> dict:
            faiss.write_index(index, str(path))
            r = run_child({"index": str(path), "queries": str(tmp / "q.npy"), "gt": str(tmp / "gt.npy"),
                           "k": args.k, "params": params or {}, "via_dense": via_dense,
                           "kind": dense.kind_for(len(data))})
            r["serialized_bytes"] = path.stat().st_size
            path.unlink()
            return r

        # -- notesqa's own choice
        rss0 = rss_now()
        t = time.perf_counter()
        index = dense.build(data, dense.kind_for(len(data)))
        build_s = time.perf_counter() - t
        kind = type(index).__name__
        entry = {"index": kind, "build_s": round(build_s, 2), "build_rss_growth_bytes": rss_now() - rss0}
        if hasattr(index, "hnsw"):
            entry["settings"] = {"M": index.hnsw.nb_neighbors(1), "efConstruction": index.hnsw.efConstruction,
                                 "efSearch_in_DenseIndex": "max(64, n)"}
        log(f"n={n}: dense.build -> {kind} in {build_s:.1f}s")
        params = {"efSearch": args.ef} if hasattr(index, "hnsw") and args.ef else None
        entry.update(serve(index, tmp / "ours.faiss", params))
        del index
        out["notesqa"] = entry

        # -- other indexes to compare
        alts = {}
        for text in args.alt or []:
            factory, efc, params = parse_alt(text)
            wait_quiet(args.max_load, args.max_wait)
            index, train_s, total_s = build_alt(factory, efc, data, args.train_max, args.seed)
            log(f"n={n}: {text} built in {total_s:.1f}s")
            a = {"build_s": round(total_s, 2), "train_s": round(train_s, 2)}
            a.update(serve(index, tmp / "alt.faiss", params, via_dense=False))
            alts[text] = a
            del index
        if alts:
            out["alternatives"] = alts
    return out


def verdict(results: list[dict]) -> dict:
    out = {}
    for r in results:
        e = r["notesqa"]
        run = e["runs"]["DenseIndex.scores(k)"]
        rec = next(v for k, v in run.items() if k.startswith("recall@"))
        mem = e["rss_index_bytes"] + e["rss_dense_wrapper_bytes"]
        out[str(r["n"])] = {
            "index": e["index"], "p95_ms": run["p95_ms"], "p95_ok": run["p95_ms"] <= TARGETS["p95_ms"],
            "recall": rec, "recall_ok": rec >= TARGETS["recall_at_10"],
            "serving_bytes": mem, "serialized_bytes": e["serialized_bytes"],
            "memory_ok": (mem <= TARGETS["bytes_at_1m"] * r["n"] / 1_000_000) if r["n"] >= 1_000_000 else None,
        }
    return out


def table(results: list[dict]) -> str:
    rows = ["| vectors | index | build s | serialized MB | serving RSS MB (index + DenseIndex) | query | "
            "p50 ms | p95 ms | recall@10 |", "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        e = r["notesqa"]
        rss = f"{(e['rss_index_bytes'] + e['rss_dense_wrapper_bytes']) / 2**20:.0f} ({e['rss_index_bytes'] / 2**20:.0f} + {e['rss_dense_wrapper_bytes'] / 2**20:.0f})"
        for name, run in e["runs"].items():
            rec = next((v for k, v in run.items() if k.startswith("recall@") and "within" not in k), None)
            extra = next((f" ({v} within the 100)" for k, v in run.items() if "within" in k), "")
            rows.append(f"| {r['n']:,} | {e['index']} | {e['build_s']} | {e['serialized_bytes'] / 2**20:.0f} | {rss} | "
                        f"{name} | {run['p50_ms']} | {run['p95_ms']} | {rec}{extra} |")
        for text, a in (r.get("alternatives") or {}).items():
            rss = f"{a['rss_index_bytes'] / 2**20:.0f}"
            for name, run in a["runs"].items():
                rec = next(v for k, v in run.items() if k.startswith("recall@"))
                rows.append(f"| {r['n']:,} | {text.split(':')[0]} | {a['build_s']} | "
                            f"{a['serialized_bytes'] / 2**20:.0f} | {rss} | {name} | {run['p50_ms']} | "
                            f"{run['p95_ms']} | {rec} |")
    data = ["", "| vectors | cos to 1st neighbour | cos to 10th | cos of random pairs (mean / p99) |",
            "|---|---|---|---|"]
    for r in results:
        d = r["data"]
        data.append(f"| {r['n']:,} | {d['cos_nn1_mean']} | {d['cos_nn10_mean']} | {d['cos_random_mean']} / "
                    f"{d['cos_random_p99']} |")
    return "\n".join(rows + data) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--clusters", type=int, default=4000)
    ap.add_argument("--topics", type=int, default=32, help="Topics the clusters belong to.")
    ap.add_argument("--shares", default="0.1,0.3,0.2",
                    help="Squared-norm shares of the common direction, the topic and the cluster (the rest is noise).")
    ap.add_argument("--decay", type=float, default=2.0, help="Noise spectrum: per-dimension variance ~ (i+1)^-decay.")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--approx", action="store_true", help="Force dense.build's approximate index at any size.")
    ap.add_argument("--ef", default="", help="Also try these efSearch values on notesqa's HNSW, e.g. 64,128,256.")
    ap.add_argument("--alt", action="append", help="Another FAISS index to compare, e.g. 'IVF4096,SQ8:nprobe=16,32' "
                                                    "or 'HNSW32,SQ8@efc=80:efSearch=64,128' (repeatable).")
    ap.add_argument("--train-max", type=int, default=200_000, help="Training sample for indexes that need one.")
    ap.add_argument("--real", type=Path, default=None,
                    help="Use the vectors of this notesqa index folder (its live generation) instead of synthetic ones.")
    ap.add_argument("--max-load", type=float, default=2.5)
    ap.add_argument("--max-wait", type=float, default=900)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    args.ef = [int(x) for x in args.ef.split(",") if x]

    res = {"command": " ".join([Path(sys.executable).name, *sys.argv]), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
           "cpus": os.cpu_count(), "targets_defined": TARGETS, "results": []}
    real = gen = None
    if args.real is not None:
        from notesqa import store

        g, _ = store.read_manifest(args.real)
        real = np.asarray(store.load_vectors(g, mmap=False), dtype=np.float32)
        real /= np.maximum(np.linalg.norm(real, axis=1, keepdims=True), 1e-12)
        res["data"] = {"real": str(args.real), "vectors": len(real), "dim": real.shape[1]}
        sizes = [len(real)]
    else:
        shares = tuple(float(x) for x in args.shares.split(","))
        gen = Clustered(args.dim, args.clusters, args.topics, shares, args.decay, args.seed)
        res["data"] = {"synthetic": "clustered", "dim": args.dim, "clusters": args.clusters, "topics": args.topics,
                       "shares_common_topic_cluster": shares, "decay": args.decay, "queries": args.queries,
                       "seed": args.seed}
        sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    for n in sizes:
        res["results"].append(measure_size(n, args, gen, real))
        if args.out:  # after each size, so a long run leaves what it has
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps({**res, "targets": verdict(res["results"])}, indent=1))
    res["targets"] = verdict(res["results"])
    res["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    res["table_markdown"] = table(res["results"])
    if args.out:
        args.out.write_text(json.dumps(res, indent=1))
    print(res["table_markdown"])
    print(json.dumps(res["targets"], indent=1))


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "_child":
        spec = json.loads(sys.argv[2])
        Path(spec["result"]).write_text(json.dumps(child_query(spec)))
    else:
        main()
