"""notesqa: ask your markdown notes a question, get the bullets that answer it.

    import notesqa
    notesqa.build_index("notes", "index")
    for hit in notesqa.retrieve("what is shuffle sharding for?", k=5, index_dir="index"):
        print(hit.score, " > ".join(hit.breadcrumb), hit.source)
        print(hit.text)

Heavy libraries (torch, sentence-transformers, faiss, gradio) load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

import os as _os

# Private by default: no model hub is contacted (a mistyped --model fails at once instead
# of asking huggingface.co). Set before huggingface_hub is imported, which reads these
# once; HF_HUB_OFFLINE=0 in the environment opts in.
_os.environ.setdefault("HF_HUB_OFFLINE", "1")
_os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from .errors import (  # noqa: E402 - light, no heavy imports
    ArgumentError,
    BuildLockedError,
    IndexCorruptError,
    IndexFolderError,
    IndexNotFoundError,
    IndexUnreadableError,
    IndexVersionError,
    IndexWriteError,
    ModelLoadError,
    ModelMismatchError,
    NoteNotFoundError,
    NotesFolderError,
    NotesQAError,
    NoteUnreadableError,
    QueryError,
)

__all__ = [
    "build_index",
    "retrieve",
    "why_nothing",
    "NotesIndex",
    "Hit",
    "Explanation",
    "BuildReport",
    "NotesQAError",
    "IndexNotFoundError",
    "IndexCorruptError",
    "IndexFolderError",
    "IndexUnreadableError",
    "IndexVersionError",
    "IndexWriteError",
    "ModelMismatchError",
    "ModelLoadError",
    "BuildLockedError",
    "NotesFolderError",
    "QueryError",
    "ArgumentError",
    "NoteNotFoundError",
    "NoteUnreadableError",
    "__version__",
]

_LAZY = {
    "build_index": "indexing",
    "BuildReport": "indexing",
    "retrieve": "search",
    "why_nothing": "search",
    "NotesIndex": "search",
    "Hit": "hits",
    "Explanation": "ranking",
}


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'notesqa' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
