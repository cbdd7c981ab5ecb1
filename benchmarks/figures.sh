#!/usr/bin/env bash
# The retrieval figures of the closing notes in one run: builds (or refreshes) an index of
# each shared corpus and scores every question set over it.
#
#   benchmarks/figures.sh OUT [SHARED] [--reference]
#
# OUT      a folder for the indexes (OUT/ix/{blog,logseq,awendland}) and the scores
#          (OUT/TAG.txt, OUT/TAG/ as `notesqa eval --out`); kept between runs so a
#          second run only refreshes what changed.
# SHARED   the shared material (default ../shared beside the project).
# --reference  also builds and scores the reference pipeline on each set (slow: about
#          four minutes a corpus).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out=${1:?usage: benchmarks/figures.sh OUT [SHARED] [--reference]}
shared=${2:-$here/../shared}
ref=${3:-}
# the code of this checkout (a worktree too), run with the project's venv: PYTHON to use another interpreter
py=${PYTHON:-$here/.venv/bin/python}
[ -x "$py" ] || py=$(cd "$here" && git rev-parse --path-format=absolute --git-common-dir 2>/dev/null | sed 's#/.git$##')/.venv/bin/python
nq() { PYTHONPATH="$here/src" "$py" -m notesqa "$@"; }
mkdir -p "$out/ix"
declare -A corpus=([blog]=candidstartup [logseq]=logseq-docs [awendland]=awendland-notes)
declare -A sets=(
  [blog]="$shared/eval/dev.jsonl $here/benchmarks/heldout.jsonl $here/benchmarks/heldout2.jsonl"
  [logseq]="$here/benchmarks/vaults/logseq.jsonl $here/benchmarks/vaults/logseq2.jsonl $here/benchmarks/vaults/logseq3.jsonl"
  [awendland]="$here/benchmarks/vaults/awendland.jsonl $here/benchmarks/vaults/awendland2.jsonl $here/benchmarks/vaults/awendland3.jsonl"
)
for name in blog logseq awendland; do
  notes="$shared/corpus/${corpus[$name]}"
  nq index --notes "$notes" --index "$out/ix/$name" -q --wait > "$out/index-$name.txt"
  for qs in ${sets[$name]}; do
    tag=$(basename "$qs" .jsonl)
    nq eval "$qs" --notes "$notes" --index "$out/ix/$name" $ref --out "$out/$tag" > "$out/$tag.txt"
    echo "== $tag"; grep -E "hit@1|recall@5|MRR|chars|note" "$out/$tag.txt" | head -12
  done
done
