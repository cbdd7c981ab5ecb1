"""A sentence-transformers model run by ONNX Runtime: no torch at question time, faster start and queries."""

from __future__ import annotations

import functools
import json
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from ..config import DEFAULT_MODEL
from ..errors import ModelLoadError
from .base import Progress, configured_max_tokens, cores, fast_tokenizer, model_identity, resolve_model
from .export import ONNX_EXPORT, export, onnx_path

# Padded tokens per batch. Small batches stay in each core's cache: on 3,000 chunk texts
# (fp32, two workers) 512 took 29.5-31.4 s and 354 MB, 1024 33-35 s and 421 MB, 8192 36-37 s
# and 745 MB.
MAX_BATCH_TOKENS = 512


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
        return _mean_pooling(pool) and (path / "tokenizer.json").is_file()
    except (OSError, ValueError, KeyError, StopIteration):
        return False


def _mean_pooling(pool: dict) -> bool:
    """Does a Pooling config ask for mean pooling only? sentence-transformers 6 writes
    "pooling_mode": "mean" (or a list of modes); earlier versions a flag per mode."""
    mode = pool.get("pooling_mode")
    if mode is not None:
        return mode == "mean" or mode == ["mean"]
    others = [k for k, v in pool.items() if k.startswith("pooling_mode") and v and k != "pooling_mode_mean_tokens"]
    return bool(pool.get("pooling_mode_mean_tokens")) and not others


class OnnxEmbedder:
    """The model's transformer as an ONNX graph (see export.py), with mean pooling and
    normalisation done here. Float32 gives the same vectors as sentence-transformers; int8
    (dynamic quantisation) is faster and slightly different, so it has its own fingerprint.
    """

    def __init__(self, name: str = DEFAULT_MODEL, quantize: bool = False, threads: int | None = None,
                 batch_size: int = 32):
        self.name = name
        self.batch_size = batch_size
        self.source = resolve_model(name)
        if not onnx_supported(self.source):
            raise ModelLoadError(f"Model {name!r} cannot run on the ONNX backend; use the torch backend.")
        self.precision = "int8" if quantize else "fp32"
        self.threads = threads or cores()
        self._lock = threading.Lock()
        self._sessions: dict[int, object] = {}  # worker slot -> session
        self._inputs: set[str] = set()
        self._dim: int | None = None

    def identity(self) -> dict:
        ident = model_identity(self.name, self.source, self.precision)
        if self.precision == "int8":  # int8 vectors depend on the graph it was quantised from
            ident["onnx_export"] = ONNX_EXPORT
            ident["int8_batch"] = 1  # each text quantised alone (see _batches)
        return ident

    @functools.cached_property
    def _torch(self):
        """The same model on torch, for what a folder without sentence_bert_config.json or a
        readable tokenizer.json leaves only sentence-transformers to say."""
        from .torch import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(self.name)

    @property
    def max_tokens(self) -> int:
        configured = configured_max_tokens(self.source)
        return configured if configured is not None else self._torch.max_tokens

    @functools.cached_property
    def _fast_tokenizer(self):
        return fast_tokenizer(self.source)

    def count_tokens(self, text: str) -> int:
        if self._fast_tokenizer is None:
            return self._torch.count_tokens(text)
        return len(self._fast_tokenizer.encode(text, add_special_tokens=False).ids)

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = int(self.encode(["dimension probe"]).shape[1])
        return self._dim

    def _onnx_path(self) -> Path:
        return onnx_path(self.name, self.identity().get("model_files"), self.precision)

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
                try:
                    sess = self._session(path)
                except ModelLoadError:
                    raise
                except Exception as exc:  # noqa: BLE001 - an unwritable cache, a damaged export made again
                    raise ModelLoadError(
                        f"Could not prepare the model's ONNX file {path} ({type(exc).__name__}: {exc}). Delete it, "
                        f"or set NOTESQA_CACHE to a folder you can write to.") from exc
                self._inputs = {i.name for i in sess.get_inputs()}
                self._sessions[slot] = sess
        return self._sessions[slot]

    def _session(self, path: Path):
        """An ONNX Runtime session on the cached export at path, made (again, if damaged) when needed."""
        if not path.exists():
            export(self.source, self.name, path)
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        try:
            return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        except Exception:  # noqa: BLE001 - a damaged cached export: make it again once
            path.unlink(missing_ok=True)
            export(self.source, self.name, path)
            return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    @functools.cached_property
    def _tokenizer(self):
        """tokenizer.json, truncating at the model's window as sentence-transformers does."""
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(Path(self.source) / "tokenizer.json"))
        tok.enable_truncation(self.max_tokens)
        tok.no_padding()
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
        """Mean-pooled, L2-normalised vectors of the texts idx, in one padded batch."""
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
        encs = self._tokenizer.encode_batch(texts)
        batches = self._batches([len(e.ids) for e in encs])
        if self._dim is None:
            self._dim = int(self._run(sess, encs, batches[0][:1]).shape[1])
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        workers = min(self.threads, len(batches))
        if workers <= 1:
            self._encode_serial(sess, encs, batches, out, progress)
        else:
            self._encode_parallel(workers, encs, batches, out, progress)
        return out

    def _encode_serial(self, sess, encs, batches: list[list[int]], out: np.ndarray,
                       progress: Progress | None) -> None:
        done = 0
        for n, idx in enumerate(batches):
            out[idx] = self._run(sess, encs, idx)
            done += len(idx)
            if progress and (n % 8 == 7 or done == len(out)):
                progress(done, len(out))

    def _encode_parallel(self, workers: int, encs, batches: list[list[int]], out: np.ndarray,
                         progress: Progress | None) -> None:
        """Workers pull batches from a shared queue (long batches cost more, so no fixed split)."""
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
                    if progress and (done - reported >= 256 or done == len(out)):
                        progress(done, len(out))
                        reported = done
            finally:
                stop.set()  # on an error or Ctrl-C, workers stop after their current batch
