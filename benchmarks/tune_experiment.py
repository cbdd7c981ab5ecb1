"""The `notesqa tune` experiment (not kept): adapt the embedding model to a vault without labels.

Pairs from an existing index's chunks: (title > heading path > parent bullets) -> the child's text,
and each sentence -> the next sentence of the same paragraph; deduplicated, capped with a fixed
seed. One epoch of sentence-transformers' MultipleNegativesRankingLoss (batch 32 with no repeated
anchor or positive in a batch, lr 2e-5, 10% warmup, 128-token training window, 2 torch threads).
Saves OUT/tuned and OUT/averaged (50/50 with the original weights), both with the original's pooling
config and 256-token window so notesqa runs them on the same ONNX int8 path as the default model.

    PYTHONPATH=src python benchmarks/tune_experiment.py INDEX OUT [--cap 4000] [--seed 13] [--dry]
    notesqa index --notes NOTES --index IX --model OUT/tuned
    notesqa eval QUESTIONS.jsonl --notes NOTES --index IX --model OUT/tuned

Results (2026-11-30, 2 shared cores; hit@1 / recall@5 / MRR@10):
    set (questions)        model                 hit@1  R@5    MRR    recall@5 by kind
    Logseq (62)            original              0.629  0.855  0.731  howto .92 kw 1 nested .93 note .75 para .67
    4000 of 5038 pairs,    tuned                 0.645  0.871  0.749  howto 1.0 kw 1 nested .93 note .75 para .67
    433 s training         averaged              0.661  0.871  0.752  howto 1.0 kw 1 nested .93 note .75 para .67
    blog dev (60)          original              0.600  0.833  0.709  disamb 1 kw 1 nested .92 para .64 prose 1
    5000 of 25128 pairs,   tuned   (seed 13)     0.550  0.800  0.657  disamb .83 kw 1 nested .92 para .60 prose 1
    608 s / 367 s          averaged (seed 13)    0.567  0.833  0.678  disamb 1 kw 1 nested .92 para .64 prose 1
    training               tuned   (seed 7)      0.550  0.783  0.653  disamb .83 kw 1 nested .92 para .56 prose 1
                           averaged (seed 7)     0.583  0.817  0.681  disamb .83 kw 1 nested .92 para .64 prose 1
    blog held-out (50)     original              0.680  0.940  0.797  disamb 1 kw 1 nested .90 para .90 prose .90
                           tuned   (seed 13)     0.760  0.960  0.838  para 1.00, others as original
                           averaged (seed 13)    0.720  0.940  0.820  as original
                           tuned   (seed 7)      0.720  0.960  0.812  para 1.00, others as original
                           averaged (seed 7)     0.760  0.960  0.839  para 1.00, others as original

Held-out questions improve, but dev drops in hit@1 and MRR with every model (and disambiguation
recall@5 falls to 0.83 with three of four), so by the rule (held-out improves and no kind drops)
it is not kept. Each model folder is 88 MB, plus a 108 MB ONNX export in the cache.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_LINK_ONLY = re.compile(r"^\s*(\[\[[^\]]+\]\]|!?\[[^\]]*\]\([^)]*\)|https?://\S+)\s*$")
_MIN_CHARS = 20
_SKIP_KINDS = {"code", "table_row"}


def structure_pairs(chunks, cap: int = 4000, seed: int = 13) -> list[tuple[str, str]]:
    """(anchor, positive) pairs from the chunks' structure, deduplicated, at most `cap` (sampled with `seed`)."""
    pairs: set[tuple[str, str]] = set()
    for c in chunks:
        if c.origin or c.thin or c.kind in _SKIP_KINDS:
            continue
        text = " ".join(c.text.split())
        if len(text) >= _MIN_CHARS and not _LINK_ONLY.match(text):
            path = [p for p in [c.title, *c.heading, *c.parents] if p and p.strip()]
            if path:
                anchor = " > ".join(" ".join(p.split()) for p in path)
                if anchor.lower() != text.lower():
                    pairs.add((anchor, text))
        sentences = [s for s in _SENTENCE_END.split(text) if len(s) >= _MIN_CHARS]
        pairs.update(zip(sentences, sentences[1:]))
    ordered = sorted(pairs)
    random.Random(seed).shuffle(ordered)
    return ordered[:cap]


def _batches(pairs, size: int, seed: int):
    """Batches with no anchor or positive twice (a repeated one would be its own false negative)."""
    rest = list(pairs)
    random.Random(seed).shuffle(rest)
    batches = []
    while rest:
        batch, seen, left = [], set(), []
        for a, p in rest:
            if len(batch) < size and a not in seen and p not in seen:
                batch.append((a, p))
                seen.update((a, p))
            else:
                left.append((a, p))
        if len(batch) < 2:
            break
        batches.append(batch)
        rest = left
    return batches


def tune(base: str, pairs, out: Path, *, batch_size: int = 32, lr: float = 2e-5, warmup: float = 0.1,
         threads: int = 2, max_seq_length: int = 128, seed: int = 13, log=print) -> dict:
    """Train `base` on `pairs`, save it to `out`/tuned and the 50/50 average to `out`/averaged.

    Returns the timings and counts.
    """
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from transformers import get_linear_schedule_with_warmup

    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    out = Path(out)
    t0 = time.perf_counter()
    model = SentenceTransformer(base, device="cpu")
    window = model.max_seq_length
    model.max_seq_length = max_seq_length
    original = {k: v.detach().clone() for k, v in model.state_dict().items()}
    loss_fn = MultipleNegativesRankingLoss(model)
    batches = _batches(pairs, batch_size, seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    schedule = get_linear_schedule_with_warmup(optimizer, int(warmup * len(batches)), len(batches))
    model.train()
    t_train = time.perf_counter()
    for i, batch in enumerate(batches, 1):
        features = [model.preprocess([a for a, _ in batch]), model.preprocess([p for _, p in batch])]
        loss = loss_fn(features, torch.arange(len(batch)))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        if i % 10 == 0 or i == len(batches):
            elapsed = time.perf_counter() - t_train
            log(f"batch {i}/{len(batches)} loss {loss.item():.3f} {elapsed:.0f}s")
    train_s = time.perf_counter() - t_train
    model.eval()
    model.max_seq_length = window  # the training window is not the model's
    model.save(str(out / "tuned"))
    _like_base(base, out / "tuned")
    t_avg = time.perf_counter()
    tuned = model.state_dict()
    averaged = {k: (v + original[k]) / 2 if v.is_floating_point() else v for k, v in tuned.items()}
    model.load_state_dict(averaged)
    model.save(str(out / "averaged"))
    _like_base(base, out / "averaged")
    return {"pairs": len(pairs), "batches": len(batches), "train_s": round(train_s, 1),
            "average_s": round(time.perf_counter() - t_avg, 1), "total_s": round(time.perf_counter() - t0, 1)}


def _like_base(base: str, folder: Path) -> None:
    """Keep the base model's pooling config (the ONNX path reads its older format) and token window."""
    import json
    import shutil

    base = Path(base)
    shutil.copyfile(base / "1_Pooling" / "config.json", folder / "1_Pooling" / "config.json")
    tok = json.loads((folder / "tokenizer_config.json").read_text())
    tok["model_max_length"] = json.loads((base / "tokenizer_config.json").read_text()).get("model_max_length", 512)
    (folder / "tokenizer_config.json").write_text(json.dumps(tok, indent=2))
    for name in ("sentence_bert_config.json",):
        if (base / name).is_file():
            cfg = json.loads((folder / name).read_text())
            cfg["max_seq_length"] = json.loads((base / name).read_text())["max_seq_length"]
            (folder / name).write_text(json.dumps(cfg, indent=2))


def main() -> None:
    from notesqa import store
    from notesqa.config import DEFAULT_MODEL
    from notesqa.embedding.base import resolve_model

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("index", help="an index built with the default model (its chunks give the pairs)")
    ap.add_argument("out", help="folder for tuned/ and averaged/")
    ap.add_argument("--cap", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dry", action="store_true", help="only count and show the pairs")
    args = ap.parse_args()
    t0 = time.perf_counter()
    chunks = store.load_generation(Path(args.index)).chunks
    pairs = structure_pairs(chunks, cap=args.cap, seed=args.seed)
    print(f"{len(chunks)} chunks -> {len(pairs)} pairs in {time.perf_counter() - t0:.1f}s", flush=True)
    for a, p in pairs[:8]:
        print(f"  {a[:70]!r} -> {p[:70]!r}")
    if args.dry:
        sys.exit()
    stats = tune(resolve_model(DEFAULT_MODEL), pairs, Path(args.out), seed=args.seed,
                 log=lambda m: print(m, flush=True))
    print(json.dumps(stats))
    Path(args.out, "stats.json").write_text(json.dumps(stats))


if __name__ == "__main__":
    main()
