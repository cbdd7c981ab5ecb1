"""A sentence-transformers model run by torch (imported on first encode, not before)."""

from __future__ import annotations

import functools
import threading
from typing import Sequence

import numpy as np

from ..config import DEFAULT_MODEL
from ..errors import ModelLoadError
from .base import Progress, configured_max_tokens, cores, fast_tokenizer, model_identity, quiet_transformers, \
    resolve_model


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use and reused."""

    precision = "fp32"

    def __init__(self, name: str = DEFAULT_MODEL, device: str = "cpu", batch_size: int = 64):
        self.name = name
        self.device = device
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()
        self.source = resolve_model(name)

    def identity(self) -> dict:
        return model_identity(self.name, self.source, self.precision)

    def _load(self):
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is None:
                try:
                    import torch

                    torch.set_num_threads(cores())
                    from sentence_transformers import SentenceTransformer

                    quiet_transformers()
                    self._model = SentenceTransformer(self.source, device=self.device)
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
        if self._model is None:
            configured = configured_max_tokens(self.source)
            if configured is not None:
                return configured
        return int(self._load().max_seq_length or 256)

    @functools.cached_property
    def _fast_tokenizer(self):
        return fast_tokenizer(self.source)

    def count_tokens(self, text: str) -> int:
        if self._fast_tokenizer is not None:
            return len(self._fast_tokenizer.encode(text, add_special_tokens=False).ids)
        hf = self._load().tokenizer
        return len(hf(text, add_special_tokens=False, truncation=False)["input_ids"])

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
