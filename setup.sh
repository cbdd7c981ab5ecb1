#!/usr/bin/env bash
# Create .venv and install notesqa into it (idempotent; quick when already done).
# torch is installed first as the CPU build pinned here, so pip never pulls a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
VPY=.venv/bin/python
if ! "$VPY" -c "import torch" >/dev/null 2>&1; then
  "$VPY" -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
fi
stamp=.venv/.notesqa-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$VPY" -m pip install --quiet --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi
