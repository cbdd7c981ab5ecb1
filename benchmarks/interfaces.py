"""Warm question latency through each interface, in one run, and the memory of `notesqa mcp`.

    python benchmarks/interfaces.py ../shared/corpus/candidstartup --questions ../shared/eval/dev.jsonl \\
        --index /tmp/ix-mcp

    # a dry run in seconds with the fake embedder
    python benchmarks/interfaces.py notes --questions QUESTIONS.jsonl --index /tmp/ix-dry --model hash-256

Builds (or refreshes) the index, then asks every question (k=5), --rounds times, after a
warm-up, through:

  retrieve()   the Python function, in this process (the model and index loaded once);
  MCP          search_notes on a real `notesqa mcp` subprocess, through the SDK's stdio
               client (the time of the whole call: request, search, JSON, reply);
  HTTP         GET /api/search on a live `notesqa serve` subprocess, through an httpx
               client with keep-alive.

Each subprocess answers from the same index with the same model. Prints p50 / p95 per
interface, what each adds over retrieve() at p95, and the RSS (VmRSS, and its peak VmHWM)
of the running `notesqa mcp` process after the questions. --out writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

NOTESQA = Path(sys.executable).parent / "notesqa"


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def summary(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 2), "p95_ms": round(pct(ms, 95), 2),
            "mean_ms": round(statistics.fmean(ms), 2)}


def children_rss(name: str) -> dict | None:
    """VmRSS / VmHWM (MB) of this process's child whose command line contains name."""
    me = str(os.getpid())
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            ppid = stat.rsplit(")", 1)[1].split()[1]
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if ppid == me and name in cmd:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                          if ":" in line)
            return {"pid": int(pid), "rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
                    "peak_rss_mb": round(int(fields["VmHWM"].split()[0]) / 1024, 1)}
    return None


def bench_retrieve(index: Path, questions: list[str], rounds: int) -> list[float]:
    import notesqa

    for q in questions[:5]:
        notesqa.retrieve(q, k=5, index_dir=index)
    ms = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            notesqa.retrieve(q, k=5, index_dir=index)
            ms.append((time.perf_counter() - t) * 1000)
    return ms


def bench_mcp(notes: Path, index: Path, questions: list[str], rounds: int) -> tuple[list[float], dict | None]:
    import anyio
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    async def run():
        params = StdioServerParameters(command=str(NOTESQA), args=["mcp", "--notes", str(notes), "--index",
                                                                   str(index)])
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as s:
                await s.initialize()
                for q in questions[:5]:
                    r = await s.call_tool("search_notes", {"question": q, "k": 5})
                    assert not r.is_error, r.content[0].text
                ms = []
                for _ in range(rounds):
                    for q in questions:
                        t = time.perf_counter()
                        r = await s.call_tool("search_notes", {"question": q, "k": 5})
                        ms.append((time.perf_counter() - t) * 1000)
                        assert not r.is_error
                return ms, children_rss("mcp")

    return anyio.run(run)


def bench_http(notes: Path, index: Path, questions: list[str], rounds: int) -> list[float]:
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([str(NOTESQA), "serve", "--notes", str(notes), "--index", str(index), "--port", str(port),
                             "--no-watch"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            deadline = time.monotonic() + 120
            while True:
                try:
                    c.get("/api/status")
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise SystemExit("notesqa serve did not start")
                    time.sleep(0.3)
            for q in questions[:5]:
                c.get("/api/search", params={"q": q, "k": 5}).raise_for_status()
            ms = []
            for _ in range(rounds):
                for q in questions:
                    t = time.perf_counter()
                    r = c.get("/api/search", params={"q": q, "k": 5})
                    ms.append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
            return ms
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notes", type=Path)
    ap.add_argument("--questions", type=Path, required=True, help="JSONL with a 'question' per line")
    ap.add_argument("--index", type=Path, default=Path("/tmp/ix-mcp"))
    ap.add_argument("--model", default=None, help="model for a new index (default: the default model)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    import notesqa

    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    t = time.perf_counter()
    rep = notesqa.build_index(args.notes, args.index, model=args.model)
    print(f"index: {rep.summary()} ({time.perf_counter() - t:.1f}s)", file=sys.stderr)

    results = {}
    ms = bench_retrieve(args.index, questions, args.rounds)
    results["retrieve()"] = summary(ms)
    ms, rss = bench_mcp(args.notes, args.index, questions, args.rounds)
    results["MCP search_notes (stdio)"] = summary(ms)
    ms = bench_http(args.notes, args.index, questions, args.rounds)
    results["HTTP GET /api/search"] = summary(ms)

    base = results["retrieve()"]["p95_ms"]
    print(f"{len(questions)} questions x {args.rounds} rounds, k=5, {rep.chunks} chunks, model {rep.model}")
    print(f"{'interface':28} {'p50 ms':>8} {'p95 ms':>8} {'+p95 over retrieve()':>22}")
    for name, r in results.items():
        r["p95_over_retrieve_ms"] = round(r["p95_ms"] - base, 2)
        print(f"{name:28} {r['p50_ms']:8.2f} {r['p95_ms']:8.2f} {r['p95_over_retrieve_ms']:22.2f}")
    if rss:
        print(f"notesqa mcp memory after the questions: RSS {rss['rss_mb']} MB (peak {rss['peak_rss_mb']} MB)")
    if args.out:
        args.out.write_text(json.dumps({"results": results, "mcp_memory": rss, "chunks": rep.chunks,
                                        "model": rep.model, "questions": len(questions), "rounds": args.rounds},
                                       indent=1))


if __name__ == "__main__":
    main()
