"""Score this checkout on the kept trial vaults and compare each question's rank with the trial's first run.

    python benchmarks/trials/rescore.py OUT [SESSION/L ...]

OUT      a folder for the indexes and results (OUT/SESSION/L/ix, OUT/SESSION/L/out), kept between runs so a
         second run only refreshes what changed.
SESSION/L  trials to score ("s81/A"); by default every trial under benchmarks/trials/.

Each trial is indexed and scored on the day it was written for (its trials.json "today": NOTESQA_TODAY for the
index, `notesqa eval --today`), so "last tuesday" and a log's days of no year read the same whenever this runs.
Prints each question whose rank moved, then the totals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent.parent / "src"


def trials(chosen: list[str]) -> list[tuple[str, str, dict]]:
    """(session, letter, its trials.json entry) of each trial asked for, else of every kept one."""
    out = []
    for meta in sorted(HERE.glob("s*/trials.json")):
        session = meta.parent.name
        for letter, entry in json.loads(meta.read_text(encoding="utf-8")).items():
            if not chosen or f"{session}/{letter}" in chosen:
                out.append((session, letter, entry))
    return out


def notesqa(*args: str, today: str | None = None) -> None:
    env = {"PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    if today:  # (the trial's day for the index too: some notes' days are read against today, as in its first run)
        env["NOTESQA_TODAY"] = today
    subprocess.run([sys.executable, "-m", "notesqa", *args], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, **env})


def ranks(questions: Path, results: Path) -> dict[str, int | None]:
    sys.path.insert(0, str(SRC))
    from notesqa.evaluation import load_questions, rank_of_hit

    found = {d["id"]: d["results"] for d in map(json.loads, results.read_text(encoding="utf-8").splitlines())}
    return {q["id"]: rank_of_hit(q, found.get(q["id"], [])[:10]) for q in load_questions(questions)}


def main(out: Path, chosen: list[str]) -> None:
    totals = {"first hit@1": 0, "now hit@1": 0, "first recall@5": 0, "now recall@5": 0, "better": 0, "worse": 0,
              "questions": 0}
    for session, letter, entry in trials(chosen):
        trial, work = HERE / session / letter, out / session / letter
        notesqa("index", "--notes", str(trial / "vault"), "--index", str(work / "ix"), "-q", "--wait", today=entry["today"])
        notesqa("eval", str(trial / "questions.jsonl"), "--notes", str(trial / "vault"), "--index", str(work / "ix"),
                "--out", str(work / "out"), "--today", entry["today"])
        first = json.loads((trial / "first_ranks.json").read_text(encoding="utf-8"))
        now = ranks(trial / "questions.jsonl", work / "out" / "notesqa.results.jsonl")
        for qid, was in first.items():
            new = now.get(qid)
            totals["questions"] += 1
            totals["first hit@1"] += was == 1
            totals["now hit@1"] += new == 1
            totals["first recall@5"] += bool(was and was <= 5)
            totals["now recall@5"] += bool(new and new <= 5)
            if new != was:
                better = (new or 99) < (was or 99)
                totals["better" if better else "worse"] += 1
                print(f"{session}/{qid}: {was or 'out of ten'} -> {new or 'out of ten'}{'' if better else '  WORSE'}")
    print(", ".join(f"{k} {v}" for k, v in totals.items()))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:])
