"""Warm question latency of an index, as the chat and the JSON API see it: NotesIndex.search of every question.

    python benchmarks/latency.py INDEX QUESTIONS.jsonl [--rounds 3] [--k 5]

Opens the index once, asks each question once to warm it, then times --rounds passes over all of them and
prints p50 / p95 / max in milliseconds, with the machine's load average before and after (a neighbour's job on
2 cores doubles any time: run it on a quiet machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()

    from notesqa import NotesIndex

    questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    index = NotesIndex.open(args.index)
    for q in questions:
        index.search(q, k=args.k)
    load_before = os.getloadavg()[0]
    times = []
    for _ in range(args.rounds):
        for q in questions:
            start = time.perf_counter()
            index.search(q, k=args.k)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{len(times)} searches: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
          f"(load {load_before:.2f} -> {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
