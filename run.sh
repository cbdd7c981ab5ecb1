#!/usr/bin/env bash
# Set up (first time only) and start the browser chat on the sample notes: http://127.0.0.1:7860
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec .venv/bin/python app.py "$@"
