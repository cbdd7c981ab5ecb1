"""Defaults shared by the library, the CLI and the UI."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"
ENV_NOTES = "NOTESQA_NOTES"
ENV_INDEX = "NOTESQA_INDEX"
ENV_MODEL = "NOTESQA_MODEL"
ENV_BACKEND = "NOTESQA_BACKEND"

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdx")  # markdown's names, as editors save it
CANVAS_SUFFIX = ".canvas"  # an Obsidian canvas (JSON Canvas): its text cards are read as a note (canvas.py)
# plain-text notes (nvALT, The Archive, Simplenote's export, a phone's notes app), read as markdown as those apps show them
TEXT_NOTE_SUFFIX = ".txt"
LINKED_SUFFIXES = (*MARKDOWN_SUFFIXES, TEXT_NOTE_SUFFIX)  # a link's target may name the note with these: [[Idea.txt]]
NOTE_SUFFIXES = (*LINKED_SUFFIXES, CANVAS_SUFFIX)  # the files read as notes
MAX_NOTE_BYTES = 5 * 1024 * 1024  # larger files are skipped: almost always generated dumps, not notes
MAX_NESTING = 150  # markdown-it's nesting limit: about 74 levels of a nested list (each level takes two)


K_MAX = 50  # hits one search may ask for, in every front end


def default_notes_dir() -> Path:
    return Path(os.environ.get(ENV_NOTES) or "notes")


def default_index_dir() -> Path:
    return Path(os.environ.get(ENV_INDEX) or "index")


def choose_model(explicit: str | None = None, index_model: str | None = None) -> str:
    """The model to build an index with, for every front end: the one asked for (--model),
    else $NOTESQA_MODEL, else the model the index was built with (a re-index must not
    re-embed every note with another one), else the default. Questions always use the
    index's own model (search.NotesIndex)."""
    return explicit or os.environ.get(ENV_MODEL) or index_model or DEFAULT_MODEL


def choose_precision(asked: str | None, model: str, index_model: str | None, index_precision: str | None) -> str | None:
    """fp32 or int8 for a build: the one asked for, else the index's own while it keeps its
    model (a new default must not silently re-embed every note); None (the backend's
    default) when $NOTESQA_BACKEND asks for one or the model changes."""
    if asked is None and not os.environ.get(ENV_BACKEND) and index_model == model:
        return index_precision
    return asked
