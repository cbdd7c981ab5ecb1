"""Is any Obsidian or Logseq syntax left in what notesqa shows?

    python benchmarks/markup_check.py QUESTIONS.jsonl --notes VAULT --index INDEX [-k 5]

Asks every question, and checks the text and breadcrumb of its top k hits for `[[`, `((`,
`{{`, `[!`, `key::`, `^block-id`, `#+BEGIN` and `[:div` left outside code. Text the vault
has inside code (a code span or block, or a Logseq source or example block, whose content is shown as written; an embed or a
block reference may bring it from another note) and maths (`$...$`) is not counted: the
notes show it that way too. Prints the count, and
each leftover with its question and note.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LEFTOVER = re.compile(r"\[\[|\(\(|\{\{|\[!|\b[\w-]+::(?:\s|$)|(?:^|\s)\^[A-Za-z0-9-]+$|#\+BEGIN|\[:div", re.M | re.I)
# code: spans, fenced blocks, and Logseq's #+BEGIN_SRC / #+BEGIN_EXAMPLE blocks (shown as written, as code is)
CODE = re.compile(r"(`+)(.+?)\1|^(?:```|~~~)[^\n]*\n(.*?)^(?:```|~~~)"
                  r"|#\+BEGIN_(?:SRC|EXAMPLE)[^\n]*\n(.*?)#\+END_(?:SRC|EXAMPLE)", re.S | re.M | re.I)
MATHS = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)


def code_of(note_text: str) -> list[str]:
    """Pieces of the note that are code, longest first (what the hit may show as written; a table cell's
    escaped "\\|" shows as "|")."""
    pieces = {(m.group(2) or m.group(3) or m.group(4) or "").strip().replace("\\|", "|") for m in CODE.finditer(note_text)}
    return sorted((p for p in pieces if len(p) >= 2), key=len, reverse=True)


def leftovers(text: str, code: list[str]) -> list[str]:
    from notesqa.units import CODE_SPAN

    text = CODE_SPAN.sub(" ", MATHS.sub(" ", text))  # a hit shows inline code between its backticks
    # the longest lines first, across pieces: a line of one piece ("tag1") must not break a longer one of another
    lines = sorted({ln.strip() for piece in code for ln in piece.splitlines() or [piece]}, key=len, reverse=True)
    for line in lines:
        if len(line) >= 2:  # whole words only: code `id` is not taken out of "Obsidian"
            text = re.sub(rf"(?<!\w){re.escape(line)}(?!\w)", " ", text)
    return [text[max(0, m.start() - 40):m.end() + 40] for m in LEFTOVER.finditer(text)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("--notes", type=Path, required=True)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args(argv)

    from notesqa.search import NotesIndex

    idx = NotesIndex.open(args.index)
    code = sorted({piece for p in sorted(args.notes.rglob("*.md"))
                   for piece in code_of(p.read_text(encoding="utf-8", errors="replace"))}, key=len, reverse=True)
    found, hits = [], 0
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        for h in idx.search(q["question"], k=args.k):
            hits += 1
            shown = ([] if h.kind == "code" else [h.text]) + list(h.breadcrumb)
            for part in shown:
                for bad in leftovers(part, code):
                    found.append({"id": q["id"], "path": h.path, "line": h.line, "leftover": bad})
    print(f"{hits} hits checked ({args.k} per question), {len(found)} with syntax left outside code")
    for f in found:
        print(f"  {f['id']} {f['path']}:{f['line']}: {f['leftover']!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
