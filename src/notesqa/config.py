"""Defaults shared by the library, the CLI and the UI."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"
ENV_NOTES = "NOTESQA_NOTES"
ENV_INDEX = "NOTESQA_INDEX"
ENV_MODEL = "NOTESQA_MODEL"

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_NOTE_BYTES = 5 * 1024 * 1024  # larger files are skipped: almost always generated dumps, not notes


def default_notes_dir() -> Path:
    return Path(os.environ.get(ENV_NOTES) or "notes")


def default_index_dir() -> Path:
    return Path(os.environ.get(ENV_INDEX) or "index")


def default_model() -> str:
    return os.environ.get(ENV_MODEL) or DEFAULT_MODEL
