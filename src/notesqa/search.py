"""Question -> hits: hybrid dense + keyword retrieval, filters, de-duplication, context.

    hits = NotesIndex.open("index").search("what is shuffle sharding for?", k=5)

Dense (cosine over context-prefixed units) and BM25 keyword scores are fused with a
weighted sum of normalised scores over an over-fetched candidate pool. A hit shows
the unit that matched plus what follows it under the same parent, within a small
character budget; a parent or child of a shown hit is not shown again.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import posixpath
import re
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from . import store
from .chunking import Chunk, dedupe_path, has_words
from .config import default_index_dir
from .embedding import Embedder, load_embedder
from .errors import ModelMismatchError, NotesQAError, QueryError
from .manifest import Manifest
from .notelevel import NoteNames

DENSE_WEIGHT = 0.8  # share of the dense side in the fused score
# A chunk matching two thirds of what the question's words can score counts as a full keyword match.
KEYWORD_FULL = 2 / 3
# The keyword share of a chunk's whole section (note + heading path) added to its own:
# words of the question around an answer, not in it, still count a little.
SECTION_SHARE = 0.15
POOL = 100  # candidates fetched from each side before fusion
# Characters the 1st, 2nd, 3rd and later hits may show, matched unit first. The best hit is the
# likeliest answer, so it gets the most room for what follows its unit (the answer to "which
# language did I pick?" is often the paragraph after the one that matched); the others stay
# short, so the list is quick to scan (dev set: 334 characters a hit on average, limit 350).
SHOW_BUDGETS = (600, 500, 450)
MIN_FOLLOW = 40  # do not add a following unit if less than this much budget is left
TAKEOVER = 0.85  # a parent scoring at least this share of its child's hit is shown with it
# Added, for ranking only, to a chunk whose note date, title, headings or text name a year the
# question names: "Werner's 2023 keynote" is answered from the 2023 note, not from a 2025 note on
# the same talk that the model finds a little closer. About a tenth of a typical top score. The
# hit's score stays the match score, so a year does not make a weak match look strong.
YEAR_BONUS = 0.08
# a year, not one after "since"/"after"/"before"/... (a starting point, not the year asked about)
_YEAR = re.compile(r"(?<![\d.])(?<!since )(?<!after )(?<!before )(?<!until )(?<!till )(?<!pre-)"
                   r"(?<!post-)(?:1[89]|2[01])\d\d(?![\d.])", re.IGNORECASE)
# Note-level evidence, for ranking only (see notelevel.py; the settings around these give the same
# figures, benchmarks/README.md): a chunk of a note the question names (its title, an alias) is
# lifted by NAME_BONUS times how fully it is named; AGREE times the fused score of a note's
# second-best passage lifts a note whose passages agree with the question over a hub note with one
# passing line; a passage that only asks a question (an exam-prep list) drops by ASK_PENALTY.
NAME_BONUS = 0.05
AGREE = 0.1
ASK_PENALTY = 0.05
THIN_PENALTY = 0.05  # a passage that is only a link or a picture, or of FEW_WORDS words or fewer
FEW_WORDS = 4
_WORD = re.compile(r"\w+")
# Below this fused score the best hit is rarely an answer (all-MiniLM-L6-v2 on the dev set:
# the best hit of every question scores 0.37 or more; questions the notes cannot answer, 0.08-0.38).
WEAK_SCORE = 0.30


@dataclass(frozen=True)
class Explanation:
    """Why a hit ranked where it did."""

    dense_rank: int | None
    dense_score: float
    keyword_rank: int | None
    keyword_score: float  # the chunk's own BM25 score
    fused_score: float
    section_share: float = 0.0  # 0..1: how much of the question its section's words match
    year_match: bool = False  # the question names a year this chunk's note or text names (ranked YEAR_BONUS higher)
    name_match: float = 0.0  # how fully the question names this chunk's note (title, alias, file name)
    agreement: float = 0.0  # the fused score of the note's second-best passage: the note agrees, not one line
    asks: bool = False  # the passage asks a question rather than answering one
    thin: bool = False  # the passage is only a link or a picture, or a few words
    rank: float = 0.0  # what hits are ordered by: fused_score with the year and note-level evidence

    def __str__(self) -> str:
        d = f"#{self.dense_rank}" if self.dense_rank else "-"
        k = f"#{self.keyword_rank}" if self.keyword_rank else "-"
        sec = f", section {self.section_share:.2f}" if self.section_share else ""
        year = f", year +{YEAR_BONUS:.2f} to rank" if self.year_match else ""
        note = f", names its note ({self.name_match:.2f}: +{NAME_BONUS * self.name_match:.3f})" \
            if self.name_match else ""
        if self.agreement:
            note += f", its note agrees (+{AGREE * self.agreement:.3f})"
        if self.asks:
            note += f", asks a question (-{ASK_PENALTY:.2f})"
        if self.thin:
            note += f", only a link, a picture or a few words (-{THIN_PENALTY:.2f})"
        return (f"dense {d} ({self.dense_score:.3f}), keyword {k} ({self.keyword_score:.2f}{sec}){year}{note}, "
                f"fused {self.fused_score:.3f}, ranked by {self.rank:.3f}")


@dataclass(frozen=True)
class Hit:
    """One answer: a unit from the notes, where it lives, and how well it matched."""

    text: str  # what is shown: the matched unit, then what follows it under the same parent
    path: str  # relative to the notes folder, forward slashes
    line: int  # 1-based line of the matched unit
    heading: tuple[str, ...]  # heading path, outermost first
    score: float
    title: str = ""
    parents: tuple[str, ...] = ()  # parent bullets, outermost first
    match: str = ""  # the first unit shown: the matched one, or its parent or paragraph start shown with it
    kind: str = "bullet"
    tags: tuple[str, ...] = ()
    date: str | None = None
    explain: Explanation | None = None
    folder: str = ""  # the note's folder, when another note in the index has the same title
    origin: str = ""  # embedded text: "path:line" of the passage in the note it comes from

    @property
    def breadcrumb(self) -> list[str]:
        """[Folder >] note title > headings > parent bullets (a part that repeats the one before shows
        once). The folder tells apart two notes of the same name in different folders."""
        return dedupe_path((self.folder, self.title, *self.heading, *self.parents))

    @property
    def source(self) -> str:
        return f"{self.path}:{self.line}"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["breadcrumb"] = self.breadcrumb
        d["source"] = self.source
        return d


# --------------------------------------------------------------------------- filters

_FILTER = re.compile(r"(?<!\S)(\w+):(\"[^\"]*\"|\S+)")
FILTER_NAMES = ("tag", "path", "after", "before")


@dataclass
class Filters:
    tags: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    after: str | None = None
    before: str | None = None

    def __bool__(self) -> bool:
        return bool(self.tags or self.paths or self.after or self.before)


def parse_date(value, name: str) -> str | None:
    """value (YYYY-MM-DD text, a date or None) as an ISO date; a QueryError naming name if it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise QueryError(f"{name}: wants a date as YYYY-MM-DD, got {value!r}.") from None


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (os.fspath(value),)
    return tuple(os.fspath(v) if isinstance(v, os.PathLike) else v for v in value)


# Names people type for filters in other tools: given one of these (or a near-miss of a real
# filter name), a `name:value` is an error rather than words, so a typo is never silently
# ignored. Any other `word:word` ("re:Invent", "10:30") stays part of the question.
_FILTERISH = {"tags", "title", "file", "folder", "dir", "date", "since", "until", "from", "to", "type", "kind",
              "in", "is", "has", "year", "note", "notes", "paths", "heading", "category", "categories"}


def _near(name: str) -> bool:
    import difflib

    return name in _FILTERISH or bool(difflib.get_close_matches(name, FILTER_NAMES, n=1, cutoff=0.75))


def parse_query(question: str) -> tuple[str, Filters]:
    """Split `tag:aws path:work/* after:2024-01-01 before:... rest` into text and filters.

    A filter-like `name:value` whose name is not a filter but looks like one (tags:,
    afer:, date:) is an error so a typo is not silently ignored; other `word:word`
    text such as re:Invent or 10:30 and URLs stay in the question.
    """
    filters = Filters()
    tags: list[str] = []
    paths: list[str] = []
    problems: list[str] = []

    def take(m: re.Match) -> str:
        name, value = m.group(1).lower(), m.group(2).strip('"')
        if value.startswith("//"):  # a URL such as https://...
            return m.group(0)
        if name == "tag":
            tags.append(value)
        elif name == "path":
            paths.append(value)
        elif name == "after":
            filters.after = parse_date(value, "after")
        elif name == "before":
            filters.before = parse_date(value, "before")
        elif (m.group(1).islower() or m.group(1).istitle()) and _near(name):
            problems.append(name)
            return m.group(0)
        else:
            return m.group(0)
        return " "

    text = _FILTER.sub(take, question)
    if problems:
        raise QueryError(f"Unknown filter {problems[0]}: in the question; filters are "
                         + ", ".join(f"{n}:" for n in FILTER_NAMES) + " (quote the text to search for it as words).")
    filters.tags = tuple(tags)
    filters.paths = tuple(paths)
    return " ".join(text.split()), filters


# "which note covers ...", "which page lists ...", "where are my notes on ...", "where did I write ...":
# the question asks for a note, not for a passage ("where do I click ..." asks how, not where a note is)
_NOTE_NOUN = r"(?:notes?|pages?|posts?|articles?|entry|entries|docs?|documents?)"
_SEEKS_NOTE = re.compile(
    r"^\s*(?:(?:which\s+(?:\w+\s+){0,2}|what\s+)" + _NOTE_NOUN +
    # ... then what the note does: "which note covers", "which page is about", "which post did I ..."
    r"\s+(?:\w+s|is|was|did|do|has|have|had|about|on|for|that|where|with|i|my)\b"
    r"|where\s+(?:are|is)\s+(?:my|the)\b|where\s+(?:did|have)\s+i\b"
    r"|(?:find|show)\s+(?:me\s+)?(?:my|the)\s+(?:notes?|pages?)\s+(?:on|about)\b)", re.IGNORECASE)


def seeks_note(question: str) -> bool:
    """Does the question ask which note holds something, rather than for the passage itself?"""
    return _SEEKS_NOTE.search(question) is not None


def keyword_share(scores: np.ndarray, ceiling: float, clip: bool = True) -> np.ndarray:
    """BM25 scores as a 0..1 share of the query's ceiling (see KeywordIndex.search)."""
    if ceiling <= 0:
        return np.zeros(len(scores), dtype=np.float32)
    share = (scores / (KEYWORD_FULL * ceiling)).astype(np.float32)
    return np.minimum(1.0, share) if clip else share


def merge_filters(f: Filters, tags=None, paths=None, after=None, before=None) -> Filters:
    return Filters(
        tags=f.tags + _as_tuple(tags),
        paths=f.paths + _as_tuple(paths),
        after=parse_date(after, "after") or f.after,
        before=parse_date(before, "before") or f.before,
    )


def filter_mask(chunks: list[Chunk], f: Filters) -> np.ndarray | None:
    if not f:
        return None
    want_tags = {t.lstrip("#").casefold() for t in f.tags}
    mask = np.ones(len(chunks), dtype=bool)
    for i, c in enumerate(chunks):
        if want_tags and not want_tags.intersection(c.tags):
            mask[i] = False
        elif f.paths and not any(_path_match(c.path, p) for p in f.paths):
            mask[i] = False
        elif (f.after or f.before) and (
            c.date is None or (f.after and c.date < f.after) or (f.before and c.date > f.before)
        ):
            mask[i] = False
    return mask


TOP_LEVEL = "."  # as a path filter: the notes directly in the notes folder, not in a subfolder
TOP_LEVEL_NAME = "(top level)"  # that folder, as the chat and breadcrumbs name it


def _path_match(path: str, pattern: str) -> bool:
    pattern = posixpath.normpath(pattern) if pattern else pattern  # "./work//" -> "work", "./." -> "."
    if pattern in (TOP_LEVEL, "/"):
        return "/" not in path
    if pattern == ".." or pattern.startswith("../"):
        return False  # outside the notes folder: no note is there
    pattern = pattern.lstrip("/")
    if fnmatch.fnmatchcase(path, pattern):
        return True
    # a folder name or prefix without wildcards matches everything under it
    return not any(ch in pattern for ch in "*?[") and (path.startswith(pattern.rstrip("/") + "/") or path == pattern)


# --------------------------------------------------------------------------- the index


class NotesIndex:
    """A loaded index and model, reused across questions.

    The live generation is checked on every question (one small file read), so a
    running server answers from a rebuilt index without a restart.
    """

    def __init__(self, index_dir: Path, embedder: Embedder | None = None, model: str | None = None):
        self.index_dir = Path(index_dir)
        self._embedder = embedder
        self._model_name = model
        # neither given: the model follows the index, also when a rebuild changes it
        self._follow_index = embedder is None and model is None
        self._lock = threading.RLock()
        self._gen: store.Generation | None = None
        self._failed_gen: str | None = None
        self.stale_reason: str | None = None  # why a newer index on disk is not used
        self._note_rows: dict[str, tuple[int, int]] = {}
        self._load()

    @classmethod
    def open(cls, index_dir: str | os.PathLike | None = None, model: str | None = None,
             embedder: Embedder | None = None) -> "NotesIndex":
        """Open the index in index_dir. The model defaults to the one the index was built with."""
        return cls(Path(index_dir) if index_dir is not None else default_index_dir(), embedder=embedder, model=model)

    # -- loading

    def _load(self) -> None:
        gen = store.load_generation(self.index_dir)
        manifest = gen.manifest
        built_with = manifest.model
        fingerprint = manifest.fingerprint
        embedder = self._embedder
        if self._follow_index and embedder is not None and (
                embedder.name != built_with
                or {k: fingerprint.get(k) for k in embedder.identity()} != embedder.identity()):
            embedder = None  # rebuilt with another model or precision: load that one
        wanted = embedder.name if embedder is not None else (self._model_name or built_with)
        if wanted != built_with:
            raise ModelMismatchError(
                f"The index in {self.index_dir}/ was built with model {built_with!r}, not {wanted!r}: "
                f"ask with --model {built_with}, or rebuild with `notesqa index --model {wanted}`."
            )
        if embedder is None:
            embedder = load_embedder(built_with, precision=manifest.precision)
        ident = embedder.identity()
        stored = {k: fingerprint.get(k) for k in ident}
        if stored != ident:
            raise ModelMismatchError(
                f"The model files of {built_with!r} differ from the ones the index in {self.index_dir}/ was built "
                f"with: run `notesqa index --rebuild` so questions and notes use the same vectors."
            )
        rows: dict[str, tuple[int, int]] = {}
        for i, c in enumerate(gen.chunks):
            start, _ = rows.get(c.path, (i, i))
            rows[c.path] = (start, i + 1)
        self._gen, self._note_rows, self._embedder = gen, rows, embedder
        self._origin_of = _origins(gen.chunks)
        self._same_title = _same_titles(gen.chunks)
        self._names = NoteNames.build(gen.chunks, manifest.notes)

    def refresh(self) -> bool:
        """Switch to a newer generation if a build made one; True if it did.

        A new generation that cannot be used (damaged, or built with another model) is
        remembered with its reason in `stale_reason`, and questions keep being answered
        from the loaded one instead of retrying the bad one on every question.
        """
        name = store.read_current(self.index_dir)
        if self._gen is not None and (name == self._gen.path.name or name == self._failed_gen):
            return False
        with self._lock:
            name = store.read_current(self.index_dir)
            if self._gen is not None and (name == self._gen.path.name or name == self._failed_gen):
                return False
            try:
                self._load()
            except NotesQAError as exc:
                if self._gen is None:
                    raise
                self._failed_gen, self.stale_reason = name, str(exc)
                return False
            self._failed_gen = self.stale_reason = None
            return True

    @property
    def manifest(self) -> Manifest:
        return self._gen.manifest

    @property
    def chunks(self) -> list[Chunk]:
        return self._gen.chunks

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    # -- searching

    def search(
        self,
        question: str,
        k: int = 5,
        *,
        tags=None,
        paths=None,
        after=None,
        before=None,
        min_score: float | None = None,
        budget: int | None = None,
    ) -> list[Hit]:
        """The k best hits for a question, best first. Filters may also be written in the question.

        budget: characters each hit may show; by default SHOW_BUDGETS, more for better hits."""
        if k < 1:
            return []
        text, parsed = parse_query(question or "")
        filters = merge_filters(parsed, tags, paths, after, before)
        if not has_words(text):
            if filters:
                raise QueryError("Add some words to search for beside the filters.")
            return []  # "???" asks nothing
        self.refresh()
        # the generation and what is derived from it (rows, origins, names) are read as one: a
        # refresh in another thread waits for this question (a few milliseconds)
        with self._lock:
            gen, embedder, names = self._gen, self._embedder, self._names
            chunks = gen.chunks
            if not chunks:
                return []
            mask = filter_mask(chunks, filters)
            if mask is not None and not mask.any():
                return []
            qvec = embedder.encode([text])[0]
            ranked = self._fuse(gen, names, text, qvec, mask, pool=max(POOL, 20 * k))
            pick = self._select_notes if seeks_note(text) else self._select
            # an embedded copy's hit goes to the note it comes from, when that note passes the filters
            origin = self._origin_of if mask is None else {c: o for c, o in self._origin_of.items() if mask[o]}
            return [self._hit(sl["root"], sl["follow"], sl["exp"].fused_score, sl["exp"])
                    for sl in pick(ranked, k, budget, min_score, origin)]

    def _select_notes(self, ranked, k: int, budget: int | None, min_score: float | None,
                      origin: dict[int, int]) -> list[dict]:
        """For a question that asks for a note ("which note covers ...", "where are my notes on
        ..."): the best notes, each shown from its opening (what the note is about), ranked by
        its best passage."""
        chunks = self._gen.chunks
        slots: list[dict] = []
        seen: set[str] = set()
        for cid, fused, exp in ranked:
            cid = origin.get(cid, cid)
            path = chunks[cid].path
            if path in seen or (min_score is not None and exp.fused_score < min_score):
                continue
            seen.add(path)
            room = budget if budget is not None else SHOW_BUDGETS[min(len(slots), len(SHOW_BUDGETS) - 1)]
            lead = self._names.leads.get(path, cid)
            slots.append({"root": lead, "follow": self._following(lead, room), "score": fused, "exp": exp})
            if len(slots) >= k:
                break
        return slots

    def _select(self, ranked, k: int, budget: int | None, min_score: float | None,
                origin: dict[int, int] | None = None) -> list[dict]:
        """Pick hits best first so that nothing is shown twice.

        A candidate already shown inside another hit is dropped. A candidate that is the
        parent bullet of a shown hit, or an earlier window of the shown hit's paragraph, and
        scores nearly as well takes that hit over when the hit's unit still fits after it:
        the parent is shown with its children, the paragraph from the earlier window on, the
        matching unit among them. Other ancestors of a shown hit are dropped: they are in
        its breadcrumb.
        """
        def room(position: int) -> int:
            return budget if budget is not None else SHOW_BUDGETS[min(position, len(SHOW_BUDGETS) - 1)]

        origin = self._origin_of if origin is None else origin
        slots: list[dict] = []
        shown: set[int] = set()
        for cid, fused, exp in ranked:  # fused: the ranking score (with a year's bonus)
            if min_score is not None and exp.fused_score < min_score:
                if fused < min_score:
                    break  # ranked by fused (>= a match score): nothing later reaches min_score
                continue
            cid = origin.get(cid, cid)  # an embedded copy: its own note keeps the hit
            if cid in shown:
                continue
            slot = self._child_slot(cid, slots) or self._later_window_slot(cid, slots)
            if slot is not None and fused >= TAKEOVER * slot["score"]:
                others = shown - {slot["root"], *slot["follow"]}
                follow = self._following(cid, room(slots.index(slot)), others)
                if slot["root"] in follow:
                    shown -= {slot["root"], *slot["follow"]}
                    slot["root"], slot["follow"] = cid, follow
                    shown |= {cid, *follow}
                continue
            if slot is not None or self._is_ancestor_of_shown(cid, slots):
                continue  # already in the breadcrumb of a better hit
            if self._same_paragraph_shown(cid, shown):
                continue
            if len(slots) >= k:
                if fused < TAKEOVER * min(sl["score"] for sl in slots):
                    break
                continue  # keep scanning only for units that can take over a shown hit
            root, follow = self._from_paragraph_start(cid, room(len(slots)), shown)
            shown |= {root, *follow}
            slots.append({"root": root, "follow": follow, "score": fused, "exp": exp})
        return slots

    def _fuse(self, gen, names: NoteNames, text: str, qvec: np.ndarray, mask, pool: int):
        n = len(gen.chunks)
        dense_all = gen.dense.all_scores(qvec)
        if dense_all is None:  # approximate index: over-fetch, then post-filter
            fetch = pool if mask is None else min(n, pool * 10)
            ids, sc = gen.dense.scores(qvec, fetch)
            dense_all = np.full(n, np.nan, dtype=np.float32)
            dense_all[ids] = sc
            floor = float(sc.min()) if len(sc) else 0.0
        else:
            floor = None
        kw_all, kw_ceiling = gen.keywords.search(text)
        # keyword side: the chunk's share of the question's words, plus a little of its section's
        kw_side = keyword_share(kw_all, kw_ceiling, clip=False)
        sec = gen.keywords.section_search(text) if kw_ceiling > 0 else None
        sec_share = keyword_share(*sec) if sec is not None else None
        if sec_share is not None:
            kw_side = kw_side + SECTION_SHARE * sec_share

        def top(scores, valid):
            s = np.where(valid, scores, -np.inf)
            m = min(pool, int(valid.sum()))
            if m <= 0:
                return np.zeros(0, dtype=np.int64)
            idx = np.argpartition(-s, m - 1)[:m]
            return idx[np.argsort(-s[idx], kind="stable")]

        valid = np.ones(n, dtype=bool) if mask is None else mask
        d_valid = valid & ~np.isnan(dense_all)
        d_top = top(np.nan_to_num(dense_all, nan=-1.0), d_valid)
        k_valid = valid & (kw_side > 0)
        k_top = top(kw_side, k_valid)
        named = names.named(text)
        cand = np.unique(np.concatenate([d_top, k_top]))
        if len(cand) == 0:
            return []
        d_rank = {int(c): r + 1 for r, c in enumerate(d_top)}
        k_rank = {int(c): r + 1 for r, c in enumerate(k_top)}
        dense = dense_all[cand]
        if floor is not None:
            dense = np.where(np.isnan(dense), floor, dense)
        kw = np.minimum(1.0, kw_side[cand])
        fused = DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * kw
        year = self._year_match(gen.chunks, cand, text)
        chunks = gen.chunks
        name = np.array([named.get(chunks[int(c)].path, 0.0) for c in cand], dtype=np.float32)
        agree = _second_best(chunks, cand, fused)
        asks = np.array([_asks(chunks[int(c)]) for c in cand], dtype=bool)
        thin = np.array([chunks[int(c)].thin or _few_words(chunks[int(c)]) for c in cand], dtype=bool)
        rank = (fused + YEAR_BONUS * year + NAME_BONUS * name + AGREE * agree - ASK_PENALTY * asks
                - THIN_PENALTY * thin)
        order = np.argsort(-rank, kind="stable")
        out = []
        for j in order:
            cid = int(cand[j])
            exp = Explanation(d_rank.get(cid), float(dense[j]), k_rank.get(cid), float(kw_all[cid]), float(fused[j]),
                              float(sec_share[cid]) if sec_share is not None else 0.0, bool(year[j]),
                              float(name[j]), float(agree[j]), bool(asks[j]), bool(thin[j]), float(rank[j]))
            out.append((cid, float(rank[j]), exp))
        return out

    @staticmethod
    def _year_match(chunks: list[Chunk], cand: np.ndarray, text: str) -> np.ndarray:
        """For each candidate: does its note's date, title, headings, parents or text name a year the question names?"""
        years = set(_YEAR.findall(text))
        out = np.zeros(len(cand), dtype=bool)
        if not years:
            return out
        for j, cid in enumerate(cand):
            c = chunks[int(cid)]
            if c.date and c.date[:4] in years:
                out[j] = True
                continue
            parts = (c.title, *c.heading, *c.parents, c.text)
            # a plain substring test first: the regex (to skip "v2.2019", "since 2022") runs on few chunks
            if any(y in p for y in years for p in parts):
                out[j] = not years.isdisjoint(_YEAR.findall(" ".join(parts)))
        return out

    def _child_slot(self, cid: int, slots: list[dict]) -> dict | None:
        """The shown hit whose unit is a child bullet of cid, if any."""
        chunks = self._gen.chunks
        start, end = self._note_rows.get(chunks[cid].path, (0, 0))
        for slot in slots:
            root = slot["root"]
            if start <= root < end and chunks[root].parent is not None and start + chunks[root].parent == cid:
                return slot
        return None

    def _later_window_slot(self, cid: int, slots: list[dict]) -> dict | None:
        """The shown hit whose unit is a later window of cid's paragraph, if any.

        A long paragraph is embedded as runs of sentences; when the run that sets up a
        point scores nearly as well as the run shown, the answer is often in the first."""
        chunks = self._gen.chunks
        c = chunks[cid]
        if c.group is None:
            return None
        start, end = self._note_rows.get(c.path, (0, 0))
        for slot in slots:
            root = slot["root"]
            if start <= root < end and cid < root and chunks[root].group == c.group:
                return slot
        return None

    def _from_paragraph_start(self, cid: int, budget: int, shown: set[int]) -> tuple[int, list[int]]:
        """(first unit shown, units after it) for a hit on cid.

        A later window of a long paragraph starts mid-thought ("In my case that's a million
        comparisons..."); when the paragraph up to it fits the budget, it is shown from its start."""
        chunks = self._gen.chunks
        c = chunks[cid]
        # a window's group is the seq of its paragraph's first window, within the note's rows
        first = cid if c.group is None else self._note_rows[c.path][0] + c.group
        if first < cid and sum(len(chunks[j].text) + 1 for j in range(first, cid + 1)) <= budget + 1:
            follow = self._following(first, budget, shown)
            if cid in follow:
                return first, follow
        return cid, self._following(cid, budget, shown)

    def _is_ancestor_of_shown(self, cid: int, slots: list[dict]) -> bool:
        chunks = self._gen.chunks
        start, end = self._note_rows.get(chunks[cid].path, (0, 0))
        for slot in slots:
            root = slot["root"]
            if not start <= root < end:
                continue
            p = chunks[root].parent
            while p is not None:
                if start + p == cid:
                    return True
                p = chunks[start + p].parent
        return False

    def _same_paragraph_shown(self, cid: int, shown: set[int]) -> bool:
        """True if another window of the same paragraph is already shown."""
        chunks = self._gen.chunks
        group = chunks[cid].group
        if group is None:
            return False
        start, end = self._note_rows.get(chunks[cid].path, (0, 0))
        return any(start <= s < end and chunks[s].group == group for s in shown)

    def _following(self, cid: int, budget: int, shown: set[int] = frozenset()) -> list[int]:
        """Units after cid under the same parent (its children, then its later siblings), within budget.

        Stops before a unit another hit already shows, so nothing appears twice."""
        chunks = self._gen.chunks
        c = chunks[cid]
        _, end = self._note_rows[c.path]
        used = len(c.text)
        out: list[int] = []
        label = self._is_label(cid, end)
        for j in range(cid + 1, end):
            nxt = chunks[j]
            if j in shown:
                break
            if label:  # a list's label: its own list, not the next label's
                if nxt.depth <= c.depth or nxt.kind == "code":
                    break
            elif not self._same_scope(c, nxt) or (c.kind != "bullet" and self._is_label(j, end)):
                break
            if used + len(nxt.text) + 1 > budget:
                break
            out.append(j)
            used += len(nxt.text) + 1
            if budget - used < MIN_FOLLOW:
                break
        return out

    def _is_label(self, cid: int, end: int) -> bool:
        """A paragraph that names the list under it (its next chunk has it as parent)."""
        chunks = self._gen.chunks
        c = chunks[cid]
        return c.kind == "paragraph" and cid + 1 < end and chunks[cid + 1].parent == c.seq

    @staticmethod
    def _same_scope(c: Chunk, nxt: Chunk) -> bool:
        if nxt.heading != c.heading or nxt.kind == "code":
            return False
        if c.kind == "bullet":
            return nxt.kind == "bullet" and nxt.depth >= c.depth and (nxt.depth > c.depth or nxt.parent == c.parent)
        if c.kind in ("paragraph", "quote"):
            if nxt.kind == "quote" and nxt.parents != c.parents:
                return False  # another callout
            if c.depth:  # prose inside a list item (a callout in a Logseq block): what is under that item
                return nxt.kind in ("paragraph", "quote", "bullet") and nxt.depth >= c.depth and (
                    nxt.depth > c.depth or nxt.parent == c.parent)
            # prose often sets up a point and makes it in the next sentence or paragraph
            return nxt.kind in ("paragraph", "quote", "bullet") and nxt.depth <= c.depth + 1
        if c.kind == "table_row":
            return nxt.kind == "table_row"
        return False

    def _hit(self, cid: int, follow: list[int], score: float, exp: Explanation) -> Hit:
        chunks = self._gen.chunks
        c = chunks[cid]
        lines = [f"{c.marker} {c.text}" if c.marker else c.text]
        base = c.depth if c.kind == "bullet" else None  # list items under prose: the first sets the margin
        for j in follow:
            f = chunks[j]
            if f.kind == "bullet":
                base = f.depth if base is None else base
                lines.append(f"{'  ' * max(0, f.depth - base)}{f.marker or '-'} {f.text}")
            else:
                lines.append(f.text)
        text = "\n".join(lines)
        folder = (posixpath.dirname(c.path) or TOP_LEVEL_NAME) if c.path in self._same_title else ""
        return Hit(text=text, path=c.path, line=c.line, heading=tuple(c.heading), score=round(score, 4),
                   title=c.title, parents=tuple(c.parents), match=c.text, kind=c.kind, tags=tuple(c.tags),
                   date=c.date, explain=exp, folder=folder, origin=c.origin or "")

    # -- browsing (used by the UI's "more context" and source view)

    def note_chunks(self, path: str) -> list[Chunk]:
        start, end = self._note_rows.get(path, (0, 0))
        return self._gen.chunks[start:end]

    def context_around(self, path: str, line: int) -> list[Chunk]:
        """The hit's parent bullet and its siblings (or the section's paragraphs around it)."""
        chunks = self.note_chunks(path)
        hit = next((c for c in chunks if c.line == line), None)
        if hit is None:
            return []
        children = [c for c in chunks if c.parent == hit.seq]
        if hit.parent is not None:
            parent = chunks[hit.parent]
            members = [parent] + [c for c in chunks if c.parent == hit.parent]
        elif children and hit.kind == "paragraph":  # a list's label: the list it names
            members = [hit] + children
        else:
            members = [c for c in chunks if c.heading == hit.heading and c.depth <= max(1, hit.depth)]
        return members

    def tags(self) -> list[str]:
        return sorted({t for c in self._gen.chunks for t in c.tags})

    def folders(self) -> list[str]:
        """The folders notes live in; "." first when some notes sit in the notes folder itself."""
        paths = {c.path for c in self._gen.chunks}
        top = [TOP_LEVEL] if any("/" not in p for p in paths) else []
        return top + sorted({p.rsplit("/", 1)[0] for p in paths if "/" in p})


def _second_best(chunks: list[Chunk], cand: np.ndarray, fused: np.ndarray) -> np.ndarray:
    """For each candidate, the fused score of the second-best candidate of its note (0 if none)."""
    best: dict[str, list[float]] = {}
    for j, c in enumerate(cand):
        top = best.setdefault(chunks[int(c)].path, [0.0, 0.0])
        f = float(fused[j])
        if f > top[0]:
            top[0], top[1] = f, top[0]
        elif f > top[1]:
            top[1] = f
    return np.array([best[chunks[int(c)].path][1] for c in cand], dtype=np.float32)


def _few_words(c: Chunk) -> bool:
    """A passage of FEW_WORDS words or fewer ("NEED TO REVIEW THIS!", "Pros"): its vector is mostly its
    note's title and headings, so it matches a question about the note without saying anything."""
    return c.kind in ("bullet", "paragraph") and len(_WORD.findall(c.text)) <= FEW_WORDS


def _asks(c: Chunk) -> bool:
    """A passage that is a question (an exam-prep list, a to-do of questions), not an answer."""
    return c.kind in ("bullet", "paragraph") and c.text.rstrip().endswith("?")


def _origins(chunks: list[Chunk]) -> dict[int, int]:
    """Each embedded copy's row -> the row of the same text in the note it comes from, where that
    note is indexed (by text: a long paragraph is cut into the same windows in both)."""
    wanted: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(chunks):
        if c.origin:
            wanted.setdefault((c.origin.rpartition(":")[0], c.text), []).append(i)
    out: dict[int, int] = {}
    if not wanted:
        return out
    for i, c in enumerate(chunks):
        for j in (wanted.pop((c.path, c.text), ()) if not c.origin else ()):
            out[j] = i
    return out


def _same_titles(chunks: list[Chunk]) -> set[str]:
    """Notes whose title another note in the index has too: their hits name their folder."""
    by_title: dict[str, set[str]] = {}
    for c in chunks:
        by_title.setdefault(c.title.casefold(), set()).add(c.path)
    return {p for paths in by_title.values() if len(paths) > 1 for p in paths}


# --------------------------------------------------------------------------- module-level API

_OPEN: dict[tuple, NotesIndex] = {}
_OPEN_LOCK = threading.Lock()


def open_index(index_dir=None, model: str | None = None) -> NotesIndex:
    """A NotesIndex shared by every call with the same folder and model (loaded once)."""
    key = (str(Path(index_dir if index_dir is not None else default_index_dir()).resolve()), model)
    with _OPEN_LOCK:
        idx = _OPEN.get(key)
        if idx is None:
            idx = NotesIndex.open(key[0], model=model)
            _OPEN[key] = idx
    return idx


def retrieve(question: str, k: int = 5, index_dir=None, *, model: str | None = None, tags=None, paths=None,
             after=None, before=None, min_score: float | None = None) -> list[Hit]:
    """The k best hits for question from the index in index_dir, best first.

    The model and index are loaded on the first call and reused afterwards.
    """
    return open_index(index_dir, model).search(question, k=k, tags=tags, paths=paths, after=after, before=before,
                                               min_score=min_score)
