"""Full build vs re-index after appending one bullet to one note; prints JSON.

    python benchmarks/reindex.py                      # the real default model, candidstartup corpus
    python benchmarks/reindex.py --model hash-256     # a quick dry run with the fake embedder

Works on a copy of the corpus in a temporary folder (the corpus is never touched). Each
build runs the real command, `python -m notesqa.cli index ... --json`, in a fresh
process, so the times are what a user waits for: imports, model loading and writing
the index included.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "candidstartup"
BULLET = "\n* Appended for the re-index benchmark: shuffle sharding keeps a bad tenant inside its cell\n"


def run_index(notes: Path, index: Path, model: str) -> tuple[float, dict, list[str]]:
    cmd = [sys.executable, "-m", "notesqa.cli", "index", "--notes", str(notes), "--index", str(index),
           "--model", model, "--json"]
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if res.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{res.stderr}")
    return wall, json.loads(res.stdout), cmd


def pick_note(notes: Path) -> Path:
    """A note with bullets in it, chosen deterministically (the first in path order)."""
    for path in sorted(notes.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "\n* " in text or "\n- " in text:
            return path
    return sorted(notes.rglob("*.md"))[0]


def note_hashes(index: Path, rel: str) -> set[str]:
    from notesqa import store

    gen, _ = store.read_manifest(index)
    return {c.hash for c in store.load_chunks(gen) if c.path == rel}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--model", default=os.environ.get("NOTESQA_MODEL") or "all-MiniLM-L6-v2")
    ap.add_argument("--workdir", type=Path, default=None, help="Keep the copy and index here (default: a temp dir).")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="notesqa-reindex-"))
    notes, index = work / "notes", work / "index"
    if notes.exists():
        shutil.rmtree(notes)
    if index.exists():
        shutil.rmtree(index)
    shutil.copytree(args.corpus, notes, ignore=shutil.ignore_patterns(".git"))

    full_wall, full, full_cmd = run_index(notes, index, args.model)

    note = pick_note(notes)
    rel = note.relative_to(notes).as_posix()
    before = note_hashes(index, rel)
    with open(note, "a", encoding="utf-8") as f:
        f.write(BULLET)
    re_wall, again, re_cmd = run_index(notes, index, args.model)
    after = note_hashes(index, rel)
    changed = len(after - before)

    code = subprocess.run([sys.executable, "-c", "import notesqa; print(notesqa.__file__)"], capture_output=True,
                          text=True).stdout.strip()
    out = {
        "code": code,  # run against a frozen copy (PYTHONPATH=copy/src) when others edit the tree meanwhile
        "corpus": str(args.corpus),
        "model": args.model,
        "command": " ".join(full_cmd[1:]).replace(str(work), "$WORK"),
        "notes": full["notes"],
        "chunks": full["chunks"],
        "full_build": {"wall_seconds": round(full_wall, 2), "build_seconds": round(full["seconds"], 2),
                       "embed_seconds": round(full["embed_seconds"], 2), "embedded": full["embedded"]},
        "edit": {"note": rel, "appended": BULLET.strip(), "chunks_of_note_changed": changed},
        "reindex": {"wall_seconds": round(re_wall, 2), "build_seconds": round(again["seconds"], 2),
                    "embed_seconds": round(again["embed_seconds"], 2), "embedded": again["embedded"],
                    "reused": again["reused"], "new": again["new"], "updated": again["updated"],
                    "unchanged": again["unchanged"], "removed": again["removed"], "skipped": again["skipped"],
                    "full_rebuild_reason": again["full_rebuild_reason"]},
        "ratio": {"wall": round(re_wall / full_wall, 4), "build": round(again["seconds"] / full["seconds"], 4),
                  "embedded_chunks": round(again["embedded"] / max(1, full["embedded"]), 5)},
        "embedded_only_the_changed_chunks": again["embedded"] == changed,
        "target_under_5_percent": re_wall / full_wall < 0.05,
    }
    print(json.dumps(out, indent=1))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
