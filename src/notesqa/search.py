"""Question -> hits: a loaded index answering questions, reloaded when a build makes a new one.

    hits = NotesIndex.open("index").search("what is shuffle sharding for?", k=5)

A question is parsed (query.py), its candidates ranked (ranking.py), and the hits'
text picked (snippets.py) from one loaded generation of the index.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import posixpath
import re
import threading
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath

import numpy as np

from . import clock
from . import phrases, ranking, snippets, store
from .agenda import Agenda
from .chunking import Chunk, field_lead, has_words, row_cells, task_state
from .config import K_MAX, default_index_dir
from .embedding import Embedder, load_embedder
from .errors import ArgumentError, ModelMismatchError, NotesQAError
from .hits import Hit, Nothing, dated_then, days_asked, no_match, notice, others_from, with_spelling
from .keywords import tokenize
from .manifest import Manifest
from .metadata import headings_day, month_number, month_start, period_week
from .notelevel import NoteNames
from .phrases import quoted
from .asking import (as_asked, as_meant, asks_coming, asks_for_tasks, asks_list, asks_last_meeting, last_meeting_word, asks_latest, asks_next, asks_overdue, asks_when, links_subject,
                     mention_order, mention_subject, mid_sentence, seeks_mentions, seeks_note, task_state_words)
from .periods import (DUE, HOLIDAY_WORDS, YEAR, asks_due, asks_only_the_day, asks_what_was_done, day_phrases, days, is_calendar_word, with_fortnights, with_noted_year, with_slashed_days,
                      with_years_from_today, without_months, without_relative_days, years)
from .query import (MAX_QUESTION, TOP_LEVEL, Filters, as_words_said, left_out_none, check_question, filter_mask,
                    folder_of, merge_filters, not_the, parse_query, unmatched, tag_key, with_listing_period)
from .snippets import NoteTree
from .spelling import Speller, Spelling, spelled, within_edits
from .vocabulary import words_of


@dataclass(frozen=True)
class _Live:
    """The loaded generation, its model and what is derived from it: swapped in one assignment, so
    a question reads one generation throughout."""

    gen: store.Generation
    embedder: Embedder
    tree: NoteTree
    names: NoteNames
    notes: ranking.NoteVectors
    passages: ranking.Passages
    agenda: Agenda
    speller: Speller | None  # the vault's words, to search a misspelt word of a question as the notes write it
    tags: frozenset[str]  # every tag of a note (as read: query.tag_key), to tell a tag: of none (NotesIndex.parsed)


class NotesIndex:
    """A loaded index and model, reused across questions.

    The live generation is checked on every question (one small file read), so a
    running server answers from a rebuilt index without a restart.
    """

    def __init__(self, index_dir: Path, embedder: Embedder | None = None, model: str | None = None):
        self.index_dir = Path(index_dir)
        self._embedder = embedder  # the model given, if any: the first load starts from it
        self._model_name = model
        # neither given: the model follows the index, also when a rebuild changes it
        self._follow_index = embedder is None and model is None
        self._lock = threading.RLock()
        # noted() of the last questions (the question and the one it is read as, each read again), of a generation and
        # a day
        self._noted_of: tuple[_Live, str] | None = None
        self._noted: dict[str, str] = {}
        # one load of a new generation at a time, outside _lock: questions go on being answered from the
        # loaded one while it loads (seconds, for a vault of thousands of notes), then it is swapped in
        self._loading = threading.Lock()
        self._builds = 0  # builds of this process under way (loaded_after): questions leave a new generation to them
        self._live: _Live | None = None
        self._failed_gen: str | None = None
        self.stale_reason: str | None = None  # why a newer index on disk is not used
        self._live = self._loaded()

    @classmethod
    def open(cls, index_dir: str | os.PathLike | None = None, model: str | None = None,
             embedder: Embedder | None = None) -> "NotesIndex":
        """Open the index in index_dir. The model defaults to the one the index was built with."""
        return cls(Path(index_dir) if index_dir is not None else default_index_dir(), embedder=embedder, model=model)

    # -- loading

    def _loaded(self) -> _Live:
        """The generation on disk, loaded with its model and what is derived from it."""
        gen = store.load_generation(self.index_dir)
        manifest = gen.manifest
        built_with = manifest.model
        fingerprint = manifest.fingerprint
        embedder = self._live.embedder if self._live is not None else self._embedder
        if self._follow_index and embedder is not None and (
                embedder.name != built_with
                or {k: fingerprint.get(k) for k in embedder.identity()} != embedder.identity()):
            embedder = None  # rebuilt with another model or precision: load that one
        wanted = embedder.name if embedder is not None else (self._model_name or built_with)
        if wanted != built_with:
            raise ModelMismatchError(
                f"The index in {self.index_dir}/ was built with model {built_with!r}, not {wanted!r}: "
                f"ask with that model (--model {built_with}, or model={built_with!r} in Python; or with none, and "
                f"the index's is used), or rebuild with `notesqa index --model {wanted}`."
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
        names = NoteNames.build(gen.chunks, manifest.notes, gen.keywords.rows_with)
        notes = ranking.NoteVectors.build(gen.chunks, store.vectors_of(gen))
        vocabulary, keywords = gen.vocabulary, gen.keywords
        speller = None if vocabulary is None else Speller(
            vocabulary.forms, vocabulary.stems, lambda row: keywords.rows_with(vocabulary.stems[row]),
            vocabulary.written_forms)
        return _Live(gen, embedder, NoteTree.build(gen.chunks), names, notes, ranking.Passages(gen.chunks, names.properties),
                     Agenda(gen.chunks), speller, frozenset(t for c in gen.chunks for t in c.tags))

    def refresh(self) -> bool:
        """Switch to a newer generation if a build made one; True if it did.

        A new generation that cannot be used (damaged, or built with another model) is
        remembered with its reason in `stale_reason`, and questions keep being answered
        from the loaded one instead of retrying the bad one on every question.
        """
        if self._builds and self._live is not None:
            return False  # a build of this process loads what it makes, at its end (loaded_after)
        if self._up_to_date(store.read_current(self.index_dir)):
            return False
        # another thread loading it (a server's watcher, after its build): answer from the loaded one
        if not self._loading.acquire(blocking=self._live is None):
            return False
        try:
            name = store.read_current(self.index_dir)
            if self._up_to_date(name):
                return False
            try:
                live = self._loaded()
            except NotesQAError as exc:
                if self._live is None:
                    raise
                self._failed_gen, self.stale_reason = name, str(exc)
                return False
            with self._lock:  # a question under way finishes on the generation it began with
                self._live = live
                self._failed_gen = self.stale_reason = None
            return True
        finally:
            self._loading.release()

    @contextlib.contextmanager
    def loaded_after(self):
        """A build of this process runs in the block: questions meanwhile answer from the loaded generation, and the
        one the build makes is loaded at the block's end, by the build's thread (a server's question had loaded it
        itself between the build's switch and its refresh: 2.7 s on 67,000 passages)."""
        with self._lock:
            self._builds += 1
        try:
            yield
        finally:
            with self._lock:
                self._builds -= 1
        self.refresh()

    def _up_to_date(self, current: str | None) -> bool:
        """Is current (the live generation's name on disk) the loaded one, or one already found unusable?"""
        return self._live is not None and current in (self._live.gen.path.name, self._failed_gen)

    def is_current(self) -> bool:
        """Does the next question need no load first (no newer generation on disk, or a build of this process will
        load it)? One small file read."""
        if self._builds and self._live is not None:
            return True
        try:
            return self._up_to_date(store.read_current(self.index_dir))
        except (OSError, NotesQAError):
            return False  # the question's own refresh says what is wrong

    @property
    def manifest(self) -> Manifest:
        return self._live.gen.manifest

    @property
    def chunks(self) -> list[Chunk]:
        return self._live.gen.chunks

    @property
    def embedder(self) -> Embedder:
        return self._live.embedder

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

        budget: characters each hit may show; by default snippets.SHOW_BUDGETS, more for better hits."""
        _check_arguments(question, k, min_score, budget)
        if k == 0:
            return []
        text, filters = self.parsed(question, tags, paths, after, before)
        if not has_words(text):
            if not filters:
                return []  # "???" asks nothing
            self.refresh()  # "tag:status/seedling" alone: the notes it lets through, each from its opening
            return [snippets.to_hit(self._live.tree, s) for s in self._listing(filters, k, budget)]
        text = self._spelled(text, filters).text  # "shufle sharding": the notes' "shuffle sharding"
        linked = self._backlinks(text, filters, k, budget)
        if linked is not None:  # "which notes link to the spacing effect note?": those notes, where they link
            return [snippets.to_hit(self._live.tree, s) for s in linked]
        filters, listing = with_listing_period(text, filters)
        if listing:  # "notes created in 2023", "what did I add last November?": those notes, as a filter would
            self.refresh()
            return [snippets.to_hit(self._live.tree, s) for s in self._listing(filters, k, budget)]
        self.refresh()
        ranked = self._rank(text, filters, k)
        if ranked is None:
            return []
        live, ranked, origin, mask = ranked
        last_meeting = asks_last_meeting(text)
        if last_meeting:  # the newest meeting's passages first, however many older ones match better
            ranked = [c for c in ranked if c.fact("recent")] + [c for c in ranked if not c.fact("recent")]
        more = EXCLUDED_SLACK if filters.excluded else 0  # hits whose shown text says a word to leave out drop
        # (the question's words to mark a line by: not its days, "last week" is no word a line should say)
        cut, asked = _cut_before(_saying_any(live.gen.keywords, filters.excluded)), \
            frozenset(tokenize(without_relative_days(text)))

        latest, upcoming, today = asks_latest(text), asks_next(text), clock.today().isoformat()

        def unsaid(s):  # (cut before a word to leave out; its match the line that says the question's words, or a
            # log's newest entry for "when did I last ...", the soonest to come for "when's the next ...")
            s = snippets.rematched(live.tree, cut(s), asked)
            if latest:
                return snippets.newest_matched(live.tree, s, asked, today)
            return snippets.soonest_matched(live.tree, s, asked, today) if upcoming else s
        # hits put in another order than their scores' (a day's first, the last meeting's) are chosen from as many as
        # at -k 10: -k 3 shows a day's hits -k 10 puts first, and the last meeting's best three (trial s47: the newest
        # meeting's line, 4th by score, had been first at -k 5 and absent at -k 3)
        due = asks_due(text) or asks_overdue(text)
        n = max(k, REORDERED_FROM) if last_meeting or due or days(text) else k
        if (asks_what_was_done(text) or _of_days_to_come(text)) and not last_meeting:
            ranked = _days_lifted(ranked)
        hits = [snippets.to_hit(live.tree, unsaid(s)) for s in self._show(live, text, ranked, origin, n + more,
                                                                           budget, min_score, mask)]
        each_day = bool(days(text)) or latest or asks_when(text)
        wanted, once = n + more, _once(hits, each_day)
        while len(hits) >= wanted and len(once) < n + more and wanted < n + more + ONCE_MORE:
            # the same highlight from two exports of a book: shown once, its place to the next hit (as many rounds
            # as copies keep coming: a weekly review's to-do in nine notes)
            wanted += len(hits) - len(once)
            hits = [snippets.to_hit(live.tree, unsaid(s)) for s in self._show(
                live, text, ranked, origin, wanted, budget, min_score, mask)]
            once = _once(hits, each_day)
        hits = once
        hits = _days_first(_not_saying(hits, filters.excluded)[:n], asks_only_the_day(text), listed=due,
                           asked=frozenset(days(text)), holiday=_HOLIDAY_ALONE.fullmatch(text) is not None)
        # (the last meeting's best k, then as the note has them: not its first k lines)
        return _meeting_as_written(hits[:k]) if last_meeting else hits[:k]

    def parsed(self, question: str, tags=None, paths=None, after=None, before=None) -> tuple[str, Filters]:
        """The question's words and its filters with the ones given; a "-word" the notes write as a flag
        ("find -name"), or that no note says, stays a word of the question, and so do its tag: filters as
        _tags_as_words says (Filters.as_words: docker's "tag:latest" in "what does tag:latest mean for docker
        images", which had answered "No note is tagged latest." alone)."""
        question = self._tagged_as_filters(self.noted(question or ""))
        text, parsed = parse_query(question)
        flags: tuple[str, ...] = ()
        if parsed.excluded:
            self.refresh()
            flags = _flags(self._live, parsed.excluded)
        tagged_none = self._tags_as_words(parsed.tags, text, tags) if parsed.tags else ()
        if flags or tagged_none:
            text, parsed = parse_query(question, flags, tagged_none)
        return as_meant(text), merge_filters(parsed, tags, paths, after, before)  # "wen is ... due": "when is"

    def _tagged_as_filters(self, question: str) -> str:
        """The question with a tag it names in words as a filter: "only the ones tagged health" as tag:health, "not
        tagged work" as -tag:work, when a note has that tag (the chat trial, s42: searched as words, nothing said)."""
        if "tag" not in question.lower():
            return question
        self.refresh()
        known = self._live.tags

        def take(m: re.Match) -> str:
            if tag_key(m.group(2)) not in known:
                return m.group(0)
            return f" {'-' if m.group(1) else ''}tag:{m.group(2)}"

        return _TAGGED.sub(take, question)

    def _tags_as_words(self, asked: tuple[str, ...], text: str, given) -> tuple[str, ...]:
        """The question's tags (asked) to search as its words: when it has other words (text), none was given as a
        filter too (given: --tag, the sidebar's), and no note has any of them nor a tag like one (_a_tag_like:
        a typo of a tag stays a filter, answered with the tags like it); else none."""
        # (given of the wrong type: merge_filters says so)
        given = [given] if isinstance(given, str) else given if isinstance(given, (list, tuple)) else ()
        keys = {tag_key(t) for t in asked}
        if not has_words(text) or not keys.isdisjoint(tag_key(t) for t in given if isinstance(t, str)):
            return ()
        self.refresh()  # (the tags of the index the search will use)
        known = self._live.tags
        return () if not known.isdisjoint(keys) or any(_a_tag_like(k, known) for k in keys) else asked

    def spelling(self, question: str) -> Spelling:
        """The question's words (filters apart) with its typos mended as search() mends them (spelling.py), and
        the mends: what every front end says (notice) and marks in the hits."""
        text, filters = self.parsed(question)
        return self._spelled(text, filters)

    def _spelled(self, text: str, filters: Filters) -> Spelling:
        live = self._live
        keywords = live.gen.keywords
        # a word of no token (a stop word) asks for nothing to mend
        return spelled(text, lambda w: not tokenize(w) or any(keywords.knows(t) for t in tokenize(w)),
                       live.speller, filters.phrases, ranking.said_as_two(live.gen), ranking.said_as_one(live.gen),
                       live.tags)

    def noted(self, question: str) -> str:
        """The question with a month it names without a year given the year of the last such month the notes
        are of, when the one up to today has none ("in June" of a 2024 journal: June 2024), and a week named by
        its number alone the year of its weekly note ("week 38": 2024-W38.md's): search and every front end's
        notices read it so. Kept for the last questions (of the generation and the day): a search and its notices read
        it four times, and it may read the vault's weekly notes' names (the review: a 10,000-note vault's had been read
        again each time) and search the months it names (_best_month)."""
        live, today = self._live, clock.today().isoformat()
        of = self._noted_of
        if of is None or of[0] is not live or of[1] != today:  # (a generation by identity: not its arrays compared)
            self._noted_of, self._noted = (live, today), {}
        noted = self._noted
        if question not in noted:
            if len(noted) >= NOTED_KEPT:
                noted.clear()
            spelled = _days_spelled(question, live.agenda)
            noted[question] = with_noted_year(spelled, live.agenda.months, weeks=lambda: _weekly(live, spelled),
                                              best=lambda months: _best_month(live, spelled, months))
        return noted[question]

    def _rank(self, text: str, filters, k: int):
        """(the loaded generation, candidates best first, embedded copy -> its origin row among the notes
        the filters let through), or None when no note passes the filters."""
        # one question at a time uses the model, and a refresh in another thread waits for it (a few ms)
        with self._lock:
            live = self._live
            chunks = live.gen.chunks
            if not chunks:
                return None
            mask = _mask(live, filters)
            if mask is not None and not mask.any():
                return None
            qvec = live.embedder.encode([as_asked(text)])[0]
            pool = max(ranking.POOL, 20 * k)
            scores = ranking.gather(live.gen, text, qvec, mask, pool, live.notes, live.embedder.encode,
                                    live.names.synonyms)
            keywords = live.gen.keywords
            named = live.names.within_longer_names(  # "shadow page table" names Page table only in part
                text, live.names.named(text), lambda phrase: bool(phrases.saying(chunks, keywords, (phrase,)).any()))
            ranked = ranking.fuse(chunks, scores, text, named, mask, pool, live.agenda, live.passages)
        # an embedded copy's hit goes to the note it comes from, when that note passes the filters
        tree = live.tree
        origin = tree.origins if mask is None else {c: o for c, o in tree.origins.items() if mask[o]}
        return live, ranked, origin, mask

    def _show(self, live: _Live, text: str, ranked, origin, k: int, budget, min_score,
              mask=None) -> list["snippets.Snippet"]:
        """The k hits to show: a note the question names first, one hit a note for a question that asks
        for notes, else the best passages (snippets.py)."""
        tree = live.tree
        named = self._named_notes(live, text, ranked, k, budget, min_score, origin)
        if named:  # the question is a note's name: that note first (each note of that name), from its opening
            paths = {tree.chunks[s.root].path for s in named}
            rest = [c for c in ranked if tree.chunks[origin.get(c.row, c.row)].path not in paths]
            more = k - len(named)
            return named + (snippets.select(tree, rest, more, budget, min_score, origin, after=len(named))
                            if more > 0 else [])
        mentions = _mentions_in_order(live, text, mask)
        if mentions:  # "when did I first mention Tom?": the dated passages that say it, oldest first
            return snippets.select(tree, mentions, k, budget, None, origin)
        if seeks_mentions(text):  # each note where it says it, and only notes that do, if any does
            return snippets.select_notes(tree, {}, _mentioning(tree, ranked, text, origin), k, budget, min_score,
                                         origin)
        asked, of_them = _asked_for(live, text, ranked, origin, mask)
        if of_them and _newer_elsewhere(tree, text, ranked, asked, origin):
            of_them = []  # "our last meeting with David": the newest, not the older one whose attendees name him
        if of_them:  # those notes first, each from its opening; then the passages of other notes, as for any question
            # (not for the latest of them: "last 1:1 with marta" is the newest section of her page, not its opening
            # with that section after it, trial s49)
            if (of_them[0].explain.property or not NoteNames.asks_about(text)) and not asks_latest(text):
                shown = snippets.select_notes(tree, _property_leads(live, of_them), of_them, k, budget, min_score,
                                              origin, with_match=True)
            else:  # "what did we decide in last week's 1:1 with Priya?": where those notes answer it
                shown = snippets.select(tree, of_them, k, budget, min_score, origin)
            rest = [c for c in ranked if tree.chunks[origin.get(c.row, c.row)].path not in asked]
            more = k - len(shown)
            return shown + (snippets.select(tree, rest, more, budget, min_score, origin, after=len(shown))
                            if more > 0 else [])
        if seeks_note(text):  # each note from its opening
            return snippets.select_notes(tree, live.names.leads, ranked, k, budget, min_score, origin, with_match=True)
        words = frozenset(tokenize(without_relative_days(text)))
        listed = words if asks_list(text) else frozenset()
        due = asks_due(text) or asks_overdue(text)
        return snippets.select(tree, snippets.spread_tables(tree, ranked, origin, listed, words, due), k, budget,
                               min_score, origin)

    def _listing(self, filters, k: int, budget) -> list["snippets.Snippet"]:
        """The first k notes the filters let through, newest first (then by path), each from its opening."""
        with self._lock:
            live = self._live
            chunks = live.gen.chunks
            mask = _mask(live, filters)
        rows = live.tree.rows
        paths = _newest_first(chunks, {chunks[i].path: i for i in np.flatnonzero(mask)})
        listed = ranking.Explanation(None, 0.0, None, 0.0, 0.0, listed=True)
        # each from its start (code too: "what the note says first"), past a line of properties or tags; in a
        # Logseq page, from its first block the filters let through (a journal's block tagged #hermes)
        passes = (lambda i: True) if mask is None else (lambda i: bool(mask[i]))
        leads = {p: next((i for i in range(*rows[p]) if passes(i) and not chunks[i].thin and not chunks[i].origin
                          and not field_lead(chunks, i)),  # (trial X: "Author: Cal Newport" had led)
                         next(i for i in range(*rows[p]) if passes(i))) for p in paths[:k]}
        if (filters.after or filters.before) and mask is not None and not live.tree.logs.isdisjoint(paths[:k]):
            # a journal of one file: its days in the span, each from its first passage, not its first day alone
            by_day = _days_listed(live.tree, mask, paths[:k], leads)
            return snippets.select_days(live.tree, by_day[:k], listed, budget)
        ranked = [ranking.Candidate(leads[p], 0.0, listed) for p in paths[:k]]
        return snippets.select_notes(live.tree, leads, ranked, k, budget, None, {})

    def _linked_to(self, text: str) -> tuple[frozenset[str], dict[str, int]] | None:
        """For a question for the backlinks of a note: (the note, or notes of that name; the notes that link
        to it, each with the line of its first link), or None when it asks for none or names no note."""
        subject = links_subject(text)
        notes_dir = Path(self.manifest.notes_dir or "")
        if subject is None or not self.manifest.notes_dir or not notes_dir.is_dir():
            return None
        self.refresh()
        names = self._live.names
        targets = names.named_exactly(subject) or frozenset(p for p, s in names.named(subject).items() if s >= 1.0)
        if not targets:
            return None
        from .backlinks import linking_lines

        # a literature note is linked by a citation of its citekey too ("[@cepeda2006]", trial X)
        keys = frozenset(a.lower() for p in targets for a in self.manifest.notes[p].aliases if " " not in a)
        return targets, linking_lines(notes_dir, self.manifest.notes, targets, keys)

    def _backlinks(self, text: str, filters, k: int, budget) -> list["snippets.Snippet"] | None:
        """The notes that link to the note the question names, newest first, each where it first links."""
        found = self._linked_to(text)
        if found is None:
            return None
        live = self._live
        chunks, rows = live.gen.chunks, live.tree.rows
        mask = _mask(live, filters)
        at = {p: _row_at(chunks, rows[p], line) for p, line in found[1].items() if p in rows}
        paths = _newest_first(chunks, {p: r for p, r in at.items() if r is not None and (mask is None or mask[r])})
        links = ranking.Explanation(None, 0.0, None, 0.0, 0.0, links=True)
        return snippets.select(live.tree, [ranking.Candidate(at[p], 0.0, links) for p in paths], k, budget, None, {})

    @staticmethod
    def _named_notes(live: _Live, text: str, ranked, k: int, budget, min_score, origin) -> list["snippets.Snippet"]:
        """For a question that is just a note's name ("hypervisor", an alias), that note shown from its
        opening, scored by its best passage (if it has one among the candidates, at min_score or more);
        notes of the same name in other folders ("Work/Ideas", "Personal/Ideas") each so, best first."""
        exact = live.names.named_exactly(text)
        if not exact:
            return []
        tree = live.tree
        best = [c for c in ranked if tree.chunks[origin.get(c.row, c.row)].path in exact]
        opening = {p: live.names.opening(p, text, tree.note(p), tree.rows[p][0]) for p in exact}
        shown = snippets.select_notes(tree, {p: r for p, r in opening.items() if r is not None}, best, k, budget,
                                      min_score, origin)
        return [replace(s, explain=replace(s.explain, opened=True)) for s in shown]

    def note_names_in(self, text: str) -> list[tuple[int, int, str]]:
        """Where text names notes (title or alias): (start, end, path) each (NoteNames.names_in)."""
        return self._live.names.names_in(text)

    def unsaid(self, text: str) -> list[str]:
        """The words of text (as written) no note says in any form, when none of its words is said: what a follow-up
        adds that the notes know nothing of ("what about staging?"), whatever its hits match of the question before; a
        typo searched as the notes' word ("what about kuberentes?") is said."""
        self.refresh()
        keywords = self._live.gen.keywords
        spelling = self.spelling(text or "")
        if spelling.fixes:
            return []
        words = [w for w in dict.fromkeys(_WORDS.findall(spelling.text)) if tokenize(w)]
        if not words or any(keywords.knows(t) for w in words for t in tokenize(w)):
            return []
        return words

    def unmentioned(self, question: str) -> list[str]:
        """The question's rare words that no note says, as written ("tacrolimus" in "side effects of
        tacrolimus?"): the hits can only be about something else. Rare: the model reads it in three pieces or
        more, as it does names and terms (a common word, "difference", a compound, "writeup", a contraction or a
        word with accents missing from the notes says little about them: the notes may say it in other words). A
        typo searched as the notes' word (spelling()) is not missing."""
        self.refresh()
        text = self.spelling(question or "").text
        live = self._live
        keywords, embedder = live.gen.keywords, live.embedder
        one = embedder.count_tokens("a")
        missing, asking = [], task_state_words(text)
        words = list(dict.fromkeys(_WORDS.findall(text)))
        names = _names_in(text)
        for word in words:
            if word.lower() in asking or is_calendar_word(word):
                continue  # "which things to buy are still unchecked?": a state of tasks, not a word to find
            tokens = tokenize(word)
            # a word with accents ("coûtaient") is another language's, whose inflections the keyword side
            # does not join ("coûtent"): its absence says little (trial P: it doubted a right answer)
            if not tokens or any(keywords.rows_with(t) for t in tokens) or not word.isalpha() or not word.isascii():
                continue
            if word in names and _of_a_said_name(word, text, keywords):
                continue  # "Eve" of "Christmas Eve", which the notes say (trial D)
            # a name written in the question ("the offsite in Lisbon", trial B) says what it is about too
            if word in names or embedder.count_tokens(word.lower()) - one >= RARE_PIECES - 1:
                missing.append(word)
        # one such word of a long question is a word of its wording, not its subject (trial B: a five-line
        # question answered right had been headed "No note mentions “embarrass”")
        return missing if len(set(tokenize(text))) <= LONG_QUESTION * len(missing) else []

    def notice(self, hits: list[Hit], question: str) -> str | None:
        """What every front end says before the hits (hits.notice), with what only the index knows: the
        question's rare words no note says, how many tasks are overdue or due then, and the year a month or week it
        names without one was read in."""
        # (the year the question names from today, "october last year", is its own: nothing to say of it, trial s58)
        typed = question
        asked, question = with_years_from_today(question), self.noted(question)
        # (its days spelled as noted spells them, said by the days read: no month read in a year)
        asked = _days_spelled(asked, self._live.agenda)
        read_as = _read_as(asked, question, self._live.agenda.months())
        # (the days read said unless the question writes their year: "in march this year", read as "in march 2026",
        # writes none, trial s67 A)
        said = self._notice(hits, question, days_read=read_as is None, year_written=bool(years(typed)))
        return f"{read_as} {said}" if read_as and said else read_as or said

    def _notice(self, hits: list[Hit], question: str, days_read: bool = True, year_written: bool = False
                ) -> str | None:
        text, filters = self.parsed(question)
        spelling = self._spelled(text, filters)
        text = spelling.text
        # (words in quotes are a filter: every hit says them; a question of only those matches by them)
        quoted = bool(filters.phrases) and set(tokenize(text)) <= set(tokenize(" ".join(filters.phrases)))
        said_all = bool(hits) and (quoted or _says_all(hits[0], text) or _says_the_codes(hits[0], text)
                                   or _says_the_rare_words(hits[0], text, self._live.gen))
        live, tasks = self._tasks_then(question)  # (read once: their count, and how many the hits show)
        said = notice(hits, question, self._not_said_otherwise(hits, question, self.unmentioned(question)),
                      None if tasks is None else len(tasks), self._dated_then(question), said_all,
                      None if tasks is None else _tasks_in(live, tasks, hits), days_read, year_written,
                      None if tasks is None or not DUE.search(question) else _both_kinds(live, tasks))
        filtered = " ".join(x for x in (as_words_said(filters, self._live.tags), left_out_none(filters, self._live.tags))
                            if x) or None
        return with_spelling(spelling.fixes, filters.excluded, said, filtered, not_the(question)) if hits else said

    def days_asked(self, question: str) -> frozenset[str]:
        """The days the question asks about as it is searched (noted(): "in June" of a 2024 journal is June 2024),
        "YYYY-MM-DD" or "MM-DD": what front ends label a hit by (hits.matched_day)."""
        return days_asked(self.noted(question))

    def others_from(self, hits: list[Hit], question: str) -> tuple[int, str] | None:
        """hits.others_from of the question as noted(): where the hits of the days it asks about end ("in June" of a
        2024 journal is June 2024), and what every front end says there."""
        return others_from(hits, self.noted(question))

    def _not_said_otherwise(self, hits: list[Hit], question: str, missing: list[str]) -> list[str]:
        """The words of missing that no hit says otherwise: by its note's tags (the Lisbon note tagged #portugal is
        about Portugal, if it never says so: trial s33), or, for a word that is no name, by a word of the notes related
        to it (vocabulary.py: the notes' "Oscar" for the question's "academy"; but "Louvre" is not the "musée"
        d'Orsay, nor "Osaka" Tokyo: a name the notes do not say stays said missing)."""
        tagged = {w for h in hits for t in h.tags for w in _WORDS.findall(t.casefold())}
        # ... or by its folders ("CS" of "Courses/CS 6200/Week 3 - Threads.md": the smoke test, s42)
        tagged |= {w for h in hits for w in _WORDS.findall(posixpath.dirname(h.path).casefold())}
        # ... or as the first parts of a compound a hit says (trial s38: "crashloop" of "CrashLoopBackOff"; not
        # "Scala" of "scalable": the review), or as the initials of a hit's note ("DDIA" of Designing Data-Intensive
        # Applications)
        words = {w for h in hits for w in _WORDS.findall(" ".join([h.text, *h.breadcrumb]))}
        said = {p.casefold() for w in words for p in _part_starts(w)}
        said |= {i.casefold() for h in hits if len(i := "".join(w[0] for w in re.findall(r"[^\W\d_]+", h.title))) >= 3}
        # ... or as its start, a name's short form ("postgresql" of the notes' "Postgres": trial s39; not "sales" of
        # "Salesforce", the review: a few letters more at most)
        starts = {w.casefold() for w in words if len(w) >= SHORT_FORM}
        missing = [w for w in missing if w.casefold() not in tagged | said
                   and not any(w.casefold().startswith(s) and len(w) - len(s) <= SHORT_FORM_MORE for s in starts)]
        held = {w for h in hits if h.explain is not None for w in h.explain.related}
        vocabulary = self._live.gen.vocabulary
        text, _ = parse_query(question or "")
        names = _names_in(text)
        if not held or vocabulary is None or all(w in names for w in missing):
            return missing
        with self._lock:  # (the model, one question at a time)
            brought = vocabulary.related(text, self._live.embedder.encode)
        said = {r.asked for r in brought if r.word in held}
        return [w for w in missing if w in names or not set(words_of(w)) & said]

    def _dated_then(self, question: str) -> bool:
        """Is any passage of the notes of the days the question names, or any open task set for them?"""
        asked = days(parse_query(question or "")[0])
        if not asked:
            return False
        self.refresh()
        agenda = self._live.agenda
        return len(agenda.of_days(asked)) > 0 or len(agenda.due_on(asked)) > 0

    def task_count(self, question: str) -> int | None:
        """For "what's overdue?": how many open tasks are overdue; for "what's due this week?", how many are due
        then (None for any other question)."""
        _, rows = self._tasks_then(question)
        return None if rows is None else len(rows)

    def tasks_shown(self, hits: list[Hit], question: str) -> int | None:
        """Of the tasks task_count counts, how many the hits show (a journal's "week ahead:" shows two under it, trial
        s64 A: "3 open tasks are due ..., 2 of them here" had been said of all three shown), else None."""
        live, rows = self._tasks_then(question)
        return None if rows is None else _tasks_in(live, rows, hits)

    def _tasks_then(self, question: str) -> tuple[_Live | None, np.ndarray | None]:
        """(the generation read, the rows of the open tasks overdue or due the days asked) for a question for either;
        else (None, None)."""
        text = parse_query(question or "")[0]
        if not asks_overdue(text) and not (asks_due(text) and days(text)):
            return None, None
        self.refresh()
        live = self._live
        return live, live.agenda.overdue() if asks_overdue(text) else live.agenda.due_on(days(text))

    def names_a_note(self, text: str) -> bool:
        """Is text just the name (title, alias, file name) of a note, or a question for what that name means?"""
        return bool(self._live.names.named_exactly(text))

    def notes_to_open(self, text: str) -> frozenset[str]:
        """The notes text is just the name of or asks to open ("open the Decision Log"): their paths."""
        return self._live.names.to_open(text)

    def why_nothing(self, question: str, *, tags=None, paths=None, after=None, before=None) -> str | None:
        """For a search that found nothing: an index of no notes, or which filter no note passes ("No
        note is tagged networking (tags like it: networks)."), or None."""
        return self.nothing_found(question, tags=tags, paths=paths, after=after, before=before).why

    def nothing_found(self, question: str, *, tags=None, paths=None, after=None, before=None) -> Nothing:
        """why_nothing's answer, with the note and line to open when a quoted phrase is said only in text
        not indexed (the chat links it)."""
        if not self.manifest.notes:
            return Nothing(f"The index in {self.index_dir}/ holds no notes: add markdown (.md) notes to the notes "
                           "folder and index it again.")
        if not self.chunks:
            return Nothing(f"The notes in the index in {self.index_dir}/ hold no text to search (only titles or "
                           "front matter): add some to them and index again.")
        text, filters = self.parsed(question, tags, paths, after, before)
        filters, _ = with_listing_period(text, filters)  # "notes created in 2023": as after:... before:...
        linked = self._linked_to(text)
        if linked is not None and not linked[1]:
            titles = sorted(self.manifest.notes[p].title or p for p in linked[0] if p in self.manifest.notes)
            return Nothing(f"No note links to {' or '.join(titles)}.")
        worded = as_words_said(filters, self._live.tags)  # "tag:latest" searched as words: said first
        if not filters:
            return Nothing(worded and f"{worded} {no_match(False)}")
        passes_none = unmatched(self.chunks, filters)
        found = Nothing(passes_none) if passes_none else self._unsaid(filters)
        return replace(found, why=" ".join(w for w in (worded, found.why or no_match(True)) if w)) if worded else found

    def _unsaid(self, filters) -> Nothing:
        """For quoted phrases no passage says (or none of the notes the filters let through), or words to
        leave out that every passage the rest lets through says: why nothing."""
        if not (filters.phrases or filters.excluded):
            return Nothing()
        self.refresh()
        live = self._live
        if _mask(live, filters).any():
            return Nothing()  # said where the filters let through: nothing was found for another reason
        rest = _mask(live, replace(filters, excluded=()))
        if filters.excluded and (rest is None or rest.any()):
            out = " or ".join(f"-{w}" for w in filters.excluded)
            return Nothing(f"Every passage the rest of the question lets through says what {out} leaves out.")
        if not filters.phrases:
            return Nothing()
        if filters.of_notes and _mask(live, Filters(phrases=filters.phrases)).any():
            return Nothing(f"No note these filters let through says {quoted(filters.phrases)}: try fewer filters, "
                           "or the words without quotes.")
        unread = self._said_unindexed(filters.phrases)
        if unread is not None:  # trial A: a pasted log's middle, which only a long code block's ends index
            path, line, why = unread
            return Nothing(f"No indexed passage says {quoted(filters.phrases)} word for word, but {path} does at "
                           f"line {line}, in its text that is not indexed ({why}): open the note there.",
                           f"{path}:{line}")
        return Nothing(f"No note says {quoted(filters.phrases)} word for word (quotes ask for those words in that "
                       "order): check the spelling, or ask without the quotes to search by meaning.")

    def _said_unindexed(self, phrases) -> tuple[str, int, str] | None:
        """(the note, line and why not indexed) of the first note with text not indexed (coverage: a long code
        block indexed by its ends, an HTML block) whose file says every phrase, case and spaces aside."""
        from .coverage import coverage
        from .notefiles import read_note

        notes_dir = Path(self.manifest.notes_dir or "")
        if not self.manifest.notes_dir or not notes_dir.is_dir():
            return None
        wanted = [" ".join(p.split()).casefold() for p in phrases]
        # the notes flagged, and any with a long code block indexed by its ends (however much else they index)
        unread = {n.path: n.reasons for n in coverage(self.manifest.notes).flagged}
        unread.update({rel: tuple(e.cut) for rel, e in self.manifest.notes.items() if e.cut and rel not in unread})
        for path, reasons in unread.items():
            text = read_note(notes_dir / path, path)[0]
            folded = " ".join(text.split()).casefold() if text else ""
            if folded and all(w in folded for w in wanted):
                return path, _line_saying(text, wanted[0]), reasons[0] if reasons else "not read as notes text"
        return None

    # -- browsing (used by the UI's "more context" and source view)

    def note_chunks(self, path: str) -> list[Chunk]:
        return self._live.tree.note(path)

    def context_around(self, path: str, line: int) -> list[Chunk]:
        """The hit's parent bullet and its siblings (or the section's paragraphs around it)."""
        chunks = self.note_chunks(path)
        hit = next((c for c in chunks if c.line == line), None)
        if hit is None:
            return []
        children = [c for c in chunks if c.parent == hit.seq]
        if hit.parent is not None:
            head, members = [chunks[hit.parent]], [c for c in chunks if c.parent == hit.parent]
        elif children and hit.kind == "paragraph":  # a list's label: the list it names
            head, members = [hit], children
        else:
            head, members = [], [c for c in chunks if c.heading == hit.heading and c.depth <= max(1, hit.depth)]
        # the CONTEXT_AROUND on each side of the hit (trial s38: a running log's 27,000 bullets under one heading had
        # all been shown, 9 MB of HTML an answer)
        at = next((i for i, c in enumerate(members) if c is hit), 0)
        return head + members[max(0, at - CONTEXT_AROUND):at + CONTEXT_AROUND + 1]

    def tags(self) -> list[str]:
        return sorted(self._live.tags)

    def folders(self) -> list[str]:
        """The folders notes live in, and the hierarchies (Dendron) and namespaces (Logseq: "pages/runbooks")
        that path filters take as folders; "." first when some notes sit in the notes folder itself."""
        paths = {c.path for c in self.chunks}
        top = [TOP_LEVEL] if any("/" not in p for p in paths) else []
        kept = {folder_of(c.path, c.hierarchy) for c in self.chunks if c.hierarchy}
        return top + sorted({p.rsplit("/", 1)[0] for p in paths if "/" in p} | kept)


CONTEXT_AROUND = 12  # siblings shown on each side of a hit in its "more context"
_WORDS = re.compile(r"\w+(?:['’-]\w+)*")  # a word as written: "Beck's", "CHA2DS2-VASc" (not a rare word)
SHORT_FORM = 5  # letters a hit's word needs to be the short form of a question's word that starts with it
SHORT_FORM_MORE = 3  # ... and the letters that word may have more ("postgres" + "ql")
RARE_PIECES = 3  # "ta ##cro ##lim ##us": a term or a name (two pieces are as often "write ##up", "free ##bies")
LONG_QUESTION = 12  # words (keyword tokens) of a question for each missing word it may have and still be doubted


def _says_all(hit: Hit, text: str) -> bool:
    """Is the question's text one word (a search box's "compartment", which scores low however right a passage
    that says it is) that hit says, in its passage or where it is (title, headings, parents)?"""
    words = set(tokenize(text))
    return len(words) == 1 and words <= _words_of(hit)


def _days_spelled(question: str, agenda) -> str:
    """question with its days written as the days it reads say them: a fortnight in weeks or days ("a fortnight ago":
    "two weeks ago"), a day in numbers with its month's name ("on 3/8": "on 3 Aug"), read in the order the notes write
    theirs (Agenda.asked_order)."""
    return with_slashed_days(with_fortnights(question), agenda.asked_order)


def _says_the_codes(hit: Hit, text: str) -> bool:
    """Does hit say every code the question names (asking.codes), where the question is a code alone ("LD-2291": trial
    s81 L, "Nothing in your notes matches this closely" had been said over the line that writes it)?"""
    from .asking import asks_code_alone, codes

    return asks_code_alone(text) and codes(text) <= codes(_said_where(hit))


def _words_of(hit: Hit) -> set[str]:
    """The words (stems) a hit says in its passage or where it is (title, headings, parents)."""
    return set(tokenize(_said_where(hit)))


def _said_where(hit: Hit) -> str:
    """A hit's passage and where it is (title, headings, parents), as one text."""
    return " ".join([hit.text, hit.title, *hit.heading, *hit.parents])


RARE_ROWS = 3  # a word of the question this few passages say is what it is about ("WinJUPOS")


def _says_the_rare_words(hit: Hit, text: str, gen) -> bool:
    """Does hit say (in its passage or where it is) every name or code of the question (_NAMED_WORD) that RARE_ROWS
    passages or fewer say, one at least? A name or a term the model does not know scores low however right a passage
    that says it is (trial s57 LD: "what did Raj say WinJUPOS is for?" had been headed "Nothing in your notes matches
    this closely" above the club talk's "WinJUPOS derotation if longer"). An acronym the question writes in capitals
    ("STEP") is as rare as the notes that write it so, and said where the hit writes it so (trial s59 SD-019: "the
    S in STEP" above "STEP principle to adapt a practice:"; "step" is a word of many passages)."""
    asked = [m[0] for m in _NAMED_WORD.finditer(text) if m.start()]  # (not the question's first word)
    rare = {w for w in tokenize(" ".join(asked)) if len(w) > 1 and 0 < gen.keywords.rows_with(w) <= RARE_ROWS}  # (a
    # letter is no name: "the S in STEP")
    acronyms = {w for w in asked if _ACRONYM.fullmatch(w) and not text.isupper()
                and 0 < _notes_in_capitals(gen, w) <= RARE_ROWS} - rare
    where = "\n".join([hit.text, hit.title, *hit.heading, *hit.parents])
    return bool(rare or acronyms) and rare <= _words_of(hit) \
        and all(ranking.in_capitals(w).search(where) for w in acronyms)


_ACRONYM = re.compile(r"[A-Z]{3,}")


def _notes_in_capitals(gen, form: str) -> int:
    """How many notes write form in capitals (ranking.in_capitals) in a passage, its headings, parents or title (a
    list under "STEP principle:" is one place that says it); counted to RARE_ROWS + 1 at most."""
    written, notes = ranking.in_capitals(form), set()
    for row in gen.keywords.token_rows(tokenize(form)[0])[0].tolist() if tokenize(form) else ():
        c = gen.chunks[row]
        if c.path not in notes and written.search("\n".join((c.title, *c.heading, *c.parents, c.text))):
            notes.add(c.path)
            if len(notes) > RARE_ROWS:
                break
    return len(notes)


# a word written as a name or a code is: capitalised, or with a digit ("Raj", "WinJUPOS", "MAX7219"; not "say", rare
# as it may be in a vault's passages)
_NAMED_WORD = re.compile(r"\b(?:[A-Z][\w'’-]*|\w*\d\w*)")


def _of_a_said_name(word: str, text: str, keywords) -> bool:
    """Is word one of a name of several capitalised words ("Christmas Eve", "New Year's Eve") another word of
    which the notes say? The name may be written another way there ("Christmas eve", "NYE")."""
    for run in _NAME_RUN.finditer(text):
        parts = _WORDS.findall(run.group(0))
        if word in parts and any(keywords.rows_with(t) for p in parts if p != word for t in tokenize(p)):
            return True
    return False


_NAME_RUN = re.compile(r"\b[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)+")  # capitalised words in a row


def _names_in(text: str) -> set[str]:
    """The words a question writes as names: capitalised, not its first word nor after a sentence's end, in a
    question not written in title case ("How To Fix The Build")."""
    words = [(m.group(0), m.start()) for m in _WORDS.finditer(text)]
    capital = [w for w, at in words if w[:1].isupper() and mid_sentence(text, at)]
    return set(capital) if len(capital) * 2 <= len(words) else set()


_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")  # CrashLoopBackOff: Crash, Loop, Back, Off


def _part_starts(word: str) -> list[str]:
    """A compound's first two or more parts, joined ("CrashLoop", "CrashLoopBack", ...): what a question may write as
    one word of it ("crashloop"); none for a word of one part."""
    parts = [p for piece in re.split(r"[_-]", word) for p in _PART.findall(piece)]
    return ["".join(parts[:n]) for n in range(2, len(parts) + 1)] if len(parts) > 1 else []


def _mask(live: _Live, filters) -> np.ndarray | None:
    """Which chunks pass the filters, say the question's quoted phrases and not its words to leave out
    (None: every chunk)."""
    mask = filter_mask(live.gen.chunks, filters)
    if not (filters.phrases or filters.excluded):
        return mask
    chunks, keywords = live.gen.chunks, live.gen.keywords
    said = phrases.saying(chunks, keywords, filters.phrases) if filters.phrases else np.ones(len(chunks), bool)
    for word in filters.excluded:  # "-asthma": not a passage that says it in any form, nor one under it
        said[_saying_word(keywords, word)] = False
    return said if mask is None else mask & said


EXCLUDED_SLACK = 5  # more hits made for a question that leaves words out: some may show them after their match


COPY_WORDS = 8  # a passage this long said the same way twice is one passage copied (a short "Feed it twice a
# day" under two notes' headings may be about two things)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
REPEATS_SHOWN = 2  # hits of one line said again in note after note (a weekly review's to-do) before the rest
ONCE_MORE = 40  # hits read past k at most to fill the places of copies shown once
REORDERED_FROM = 20  # hits chosen from, at the least, when they are put in an order other than their scores' (trial
# s57 LA: at 10, "what hearing have I got next Tuesday?" had left out the matter note's "DRA listed 08/12/26", 13th by
# score and of the day, shown 2nd from -k 20)


def _once(hits: list[Hit], each_day: bool = True) -> list[Hit]:
    """hits without a hit whose passage (the unit it shows first, COPY_WORDS or longer, under the same parent
    bullets) a better one shows first too, of a note of the same day or both undated: a highlight exported
    twice, a passage copied into two notes. The same open to-do in two daily notes stays, in a third and more
    not: one to-do carried forward (trial s36b: nine weekly reviews' "☐ Biscuit's flea treatment" had pushed its
    note's answer to 10th). Any other line said day after day ("Ran 5k along the canal") is each day's for a
    question about when or about days (each_day), and shown twice at most for any other (the trial of one big
    file: three days' "pair on the Helios alerts" had come before what was decided about them)."""
    seen: set[tuple] = set()
    said: dict[tuple, int] = {}
    out = []
    for h in hits:
        words = h.text.split("\n", 1)[0].split()  # what it shows first (not match: a takeover's child)
        key = (" ".join(words).casefold(), h.parents, h.date)
        # (under another heading it may be about another thing; not under another day's: "## Friday 5 April 2024")
        task = task_state(h.text)
        line = key[0] if task else _NUMBER.sub("#", key[0])  # "Read 30 pages ...", "Read 45 ..."; not "PR #412", "#415"
        again = (line, _heading_besides_days(h.heading)[-1:], h.parents)
        said[again] = said.get(again, 0) + 1
        repeated = said[again] > REPEATS_SHOWN and "\n" not in h.text.strip() and (task == "open" or not each_day)
        if (len(words) < COPY_WORDS or key not in seen) and not repeated:
            seen.add(key)
            out.append(h)
    return _sources_of_copies(out)


AROUND_COPY = 12  # words a passage says around another's to be that one's copy ("Leo's EpiPen: ((its block))")
# ... and the fewest words a copy says: shorter than COPY_WORDS only after a label's colon, as a block reference
# reads ("Gas Safe no: ((the block 'Dave Gas Safe no 558213'))"; trial s47: both had been hits), five at the least:
# "Ran 5k" inside "Ran 5k along the canal with Sam" is no copy, nor "Ran 5k easy" in "Sam: Ran 5k easy" (the review)
LABELLED_COPY_WORDS = 5
_LABEL_BEFORE = re.compile(r"^[^:\n]{1,60}:\s*$")


def _sources_of_copies(hits: list[Hit]) -> list[Hit]:
    """hits with the passages that show another hit's passage inside a few words of their own (AROUND_COPY: a Logseq
    block reference in a sentence, "Leo's EpiPen: ((the EpiPen block))"; a line pasted under a label) shown once,
    as that passage where it lives, at the best place of them (trial s45: a block and its two references had been
    three hits of one sentence, its own page's last)."""
    keep = list(hits)
    for h in hits:
        first = h.text.split("\n", 1)[0].strip()
        if len(first.split()) < LABELLED_COPY_WORDS or not any(o is h for o in keep):
            continue
        holders = [o for o in keep if o is not h and _copies_in(o, first, h.date)]
        if holders:
            at = min(i for i, o in enumerate(keep) if o is h or any(o is x for x in holders))
            keep = [o for o in keep if o is not h and not any(o is x for x in holders)]
            keep.insert(at, h)
    return keep


def _tasks_in(live: _Live, rows: np.ndarray, hits: list[Hit]) -> int:
    """How many of the tasks at rows (of live, the generation they were read from, whatever a refresh swapped in since)
    the hits show: each at its line, its first line in a hit's text, or as the parent a hit is under (trial s85 H: "we
    pick the tiles by 27 Oct" over "☐ Choose shower room tiles", "6 things are due ..., 5 of them here" at -k 10, "-k 6
    shows all 6" said of the six shown)."""
    chunks = live.tree.chunks
    return sum(any(h.path == c.path and (h.line <= c.line <= h.end_line and c.text.split("\n", 1)[0] in h.text
                                         or c.text.split("\n", 1)[0] in h.parents)
                   for h in hits) for c in (chunks[int(r)] for r in rows))


def _both_kinds(live: _Live, tasks: np.ndarray) -> bool:
    """Are some of the things due then only scheduled ("SCHEDULED: <...>", ⏳) and some due (ranking._listed_first puts
    those due first): the notice says so whichever the hits show (trials s81 B, D, G, M, P: "the earliest first" over
    tasks due the 20th, those scheduled the 13th below -k 5)."""
    from .chunking import only_scheduled

    return len({only_scheduled(live.tree.chunks[int(r)].text) for r in tasks.tolist()}) == 2


def _copies_in(holder: Hit, line: str, date: str | None) -> bool:
    """Does holder show line (another passage's first, of date) inside a few words of its own, not as its own first
    line, and of the same day or of none? Not when its own words say a number: "..., 84,200 mi" after a line said
    before is another entry, "..., quote $12,350" more than its line (the review)."""
    text = holder.text
    first = text.split("\n", 1)[0].strip()
    # (not one that opens with it and goes on: "Alan away 15 Feb – 6 Mar 2027 (fieldwork Svalbard). Ruth covers." says
    # more than "Alan away 15 Feb – 6 Mar 2027", trial s64 AA: the better hit had gone from -k 3)
    if line not in text or first.startswith(line) or (holder.date and date and holder.date != date):
        return False
    around = text.replace(line, " ", 1)
    if len(line.split()) < COPY_WORDS and not _labelled(first, line):
        return False
    return len(around.split()) <= AROUND_COPY and not any(ch.isdigit() for ch in around) \
        and not _OWN_SENTENCE.search(around)


# a sentence of three words or more beside the copy ("confirms promo-field behaviour from Baymard. see decision
# ((ref))"): the holder says something of its own (trial s57 NB); "Tree nut allergy, see ... ((ref))" says none
_OWN_SENTENCE = re.compile(r"(?:^|[.!?]\s)\s*[^\s.!?]+(?:\s+[^\s.!?]+){2,}[.!?](?:\s|$)")


def _labelled(first: str, line: str) -> bool:
    """Is first a label and line, "Gas Safe no: Dave Gas Safe no 558213"?"""
    return first.endswith(line) and _LABEL_BEFORE.match(first[:len(first) - len(line)]) is not None


def _heading_besides_days(heading: tuple[str, ...]) -> tuple[str, ...]:
    """A hit's heading path without the headings that make a day ("## Friday 5 April 2024", "### 14th" under "##
    November" under "# 2022"): a journal's line said on two days is the same line."""
    while heading and headings_day(heading) is not None:
        heading = heading[:-1]
    return heading


def _read_as(asked: str, noted: str, months: frozenset[str] = frozenset()) -> str | None:
    """What to say of a month or a week the question names without its year, read in the last year the notes have
    it (NotesIndex.noted: "last november" as "in november 2024", trial s49: which November had not been said), or in
    the year whose passages of it say what the question asks (months: the notes' "YYYY-MM"; trial s50)."""
    if noted == asked:
        return None
    before = {p.casefold() for p in day_phrases(asked)}
    added = [p for p in day_phrases(noted) if p.casefold() not in before]
    if not added:
        return None
    first = month_start(added[0].removeprefix("in ").strip())
    later = [m for m in months if first is not None and m[5:] == first[5:7] and m > first[:7]]
    if later:  # (which later month, said: "they have a later one too" had read as a later bake sale, trials s57)
        import calendar

        last = max(later)
        return (f"Read as “{added[0]}”: your notes of that month say most of what you ask; those of "
                f"{calendar.month_name[int(last[5:])]} {last[:4]} less.")
    return f"Read as “{added[0]}”: your notes have nothing of a later one."


def _saying_any(keywords, words: tuple[str, ...]) -> frozenset[int]:
    """The rows that say any of words in any form (_saying_word)."""
    return frozenset(int(r) for w in words for r in _saying_word(keywords, w))


def _cut_before(rows: frozenset[int]):
    """A function of a snippet: the snippet shown up to the first unit after its match that says a word the
    question leaves out, not dropped for it ("Kael's scar -knife": the scar and how he got it, not its last
    line "NOT a knife scar"; trial G had lost the whole bullet)."""
    def cut(s: "snippets.Snippet") -> "snippets.Snippet":
        at = next((i for i, r in enumerate(s.follow) if r in rows), None)
        if at is None:
            return s
        if s.matched in s.follow[at:]:  # the match itself would go (under a parent that took it over): shown
            # from it instead (the review: "-pizza" had cut a kickoff before its match, `match_line` naming it)
            rest = s.follow[s.follow.index(s.matched) + 1:]
            end = next((i for i, r in enumerate(rest) if r in rows), len(rest))
            return replace(s, root=s.matched, follow=rest[:end], jump=None, matched=None)
        return replace(s, follow=s.follow[:at], jump=s.jump if s.jump is not None and s.jump < at else None)
    return cut


def _not_saying(hits: list[Hit], words: tuple[str, ...]) -> list[Hit]:
    """The hits whose shown text and breadcrumb say none of words in any form (a hit shows what follows its
    match: "-legal" leaves out a hit whose next bullet says "legal")."""
    if not words:
        return hits
    unwanted = {t for w in words for t in tokenize(w)}
    return [h for h in hits if not unwanted & set(tokenize(" ".join([h.text, *h.breadcrumb])))]


def _a_tag_like(tag: str, known: frozenset[str]) -> bool:
    """Is tag a typo or a part of a tag the notes have: one that ends with it nested (client/acme), starts with it
    (conferences), or is a letter or two from it (dockr)? Not any tag spelt a little like it (query._tags_like's
    hint: "alpine" is like "api", which would have kept docker's "tag:alpine" a filter of no note: the review)."""
    most = 2 if len(tag) >= 8 else 1
    return any(t.endswith("/" + tag) or t.startswith(tag) or within_edits(tag, t, most) for t in known)


def _weekly(live: _Live, question: str) -> frozenset[str]:
    """The weeks of the weekly notes ("2025-W09") that "week 9" alone in the question may name: not one a note
    titled "Week 9 ..." beside a note the question names takes (trial s42: "CS 6200 week 9 what caching does
    Sprite use" is the course's week, whose notes sit in the CS 6200 folder, not the weekly review 2025-W09)."""
    found = live.agenda.weeks()
    if not found:
        return found
    # (a weekly note titled "Week 38" is the week asked, not a course's: the review)
    folders = {str(PurePosixPath(p).parent) for p in live.names.named(question) if not _is_weekly(p)}
    taken = {n for folder in folders for n in live.agenda.week_titled(folder)}
    return frozenset(w for w in found if int(w[6:]) not in taken)


# a tag named in words: "tagged health", "tagged with #health", "with the tag health", "not tagged work"
_TAGGED = re.compile(r"(?<![\w-])(not\s+|n['’]t\s+(?:been\s+)?)?(?:tagged(?:\s+(?:with|as))?|with\s+the\s+tags?)\s+#?"
                     r"([^\W\d][\w/-]*)(?![\w/-])", re.IGNORECASE)


def _is_weekly(path: str) -> bool:
    return period_week(PurePosixPath(path).stem) is not None


def _days_lifted(ranked: list[ranking.Candidate]) -> list[ranking.Candidate]:
    """For a question for what was done on the days it names: ranked with the candidates _days_first puts first (of
    those days, within DAY_BONUS of the best of no such day) before the rest, wherever they ranked: the hits are
    chosen from them, not from the first REORDERED_FROM only (trial s58 OD-024: "what did I do to the hives in
    March?", the day of floors swapped on the hives had been 53rd and not shown, the notes' winter checklist first;
    not any question of a day: "at the production meeting in Sept what did Dave want?" of last year's, s58 OB-017)."""
    lifted = _in_days_reach([bool(c.fact("day_match")) for c in ranked],
                            [_no_says_all(c.rank, c.fact("says_all")) for c in ranked])
    if lifted is None:
        return ranked
    return [c for c, up in zip(ranked, lifted) if up] + [c for c, up in zip(ranked, lifted) if not up]


def _of_days_to_come(text: str) -> bool:
    """Does the question name days that are all to come ("who am i sweeping tomorrow")? Their passages are chosen from
    as _days_lifted says, as a question's for what was done (trial s85 D: tomorrow's "TODO Mrs Lamb, Ludlow, open fire"
    of a bookings page, 0.14 below the best of no such day, had been shown at -k 30 and not at -k 10)."""
    asked = days(text)
    return bool(asked) and all(len(d) == 10 for d in asked) and min(asked) > clock.today().isoformat()


def _in_days_reach(of_days: list[bool], scores: list[float]) -> list[bool] | None:
    """For each passage (of the days asked or not, its score): is it of those days and ranked within DAY_BONUS of the
    best passage of no such day? None when every passage is of those days."""
    best = max((s for d, s in zip(of_days, scores) if not d), default=None)
    return None if best is None else [d and s >= best - ranking.DAY_BONUS for d, s in zip(of_days, scores)]


def _no_says_all(score: float, says_all: bool) -> float:
    """A score without what saying all the question's words added: such a passage is no nearer for it ("pricing recap
    email on 2026-11-24")."""
    return score - (ranking.SAYS_ALL_BONUS if says_all else 0.0)


def _days_first(hits: list[Hit], as_written: bool = False, listed: bool = False,
                asked: frozenset[str] = frozenset(), holiday: bool = False) -> list[Hit]:
    """For a question about days ("what did I write last Tuesday?"), the hits of those days before the rest,
    each part in its order: a close match of another day goes after them, under hits.others_from's line.
    as_written (the question asks for the day and nothing else: "what did I do on 2024-03-06?"): the day's
    hits alone, in the order they were written, each note's from its top, the best note first, where one of them is
    dated one of the days asked (asked: periods.days'); passages that only say the day, the rest after them (trials
    s89 D, V: "what did i do on boxing day" had shown a supplier's "Christmas shutdown 2029: 24 Dec to 1 Jan" alone);
    holiday (the question is a holiday's name alone): the rest after the day's hits too."""
    # of those days and near the question: ranked within DAY_BONUS of the best hit of no such day (trial s36b: "...
    # Leo's football on Saturday?" put last Saturday's tyre check, 186th by meaning, first, but only at -k 8 and
    # more); any of the day's, for a question for the day and nothing else, and every task listed as due or
    # overdue (listed: ranking put them first, in the order a list of them reads; the second review)
    of_days = [h.explain is not None and h.explain.day_match for h in hits]
    reach = _in_days_reach(of_days, [_no_says_all(h.score, h.explain is not None and h.explain.says_all) for h in hits])
    near = as_written or listed or reach is None
    day = [h for h, d, r in zip(hits, of_days, reach or of_days) if d and (near or r)]
    if as_written and day and (not asked or any(dated_then(h, asked) for h in day)):
        # ... and only those: the day's entries are the answer, not another day's near words
        # (trial s37: three copies of another day's "Work was brutal" had followed the day's two); no line of them
        # matched more than another (trial s67 B: "what did i do last week" had marked one line of a journal's); a
        # month's row of figures after what was done on its days (trials s69 D, s70 D: "month: Mar | blue lb: 115"
        # of a yields table had come first for "what did i do last march", before the month's journals)
        done = [h for h in day if not _months_row(h)]
        # (then, asked a holiday's name alone, the passages near it of no such day, after hits.others_from's line:
        # "pancake day" had shown one task due on Shrove Tuesday alone, trial s90 J, the daily note's "Pancake day is
        # Tuesday — shopping list" left out)
        return [replace(h, match_line=0) for h in _each_note_in_turn(done)
                + _each_note_in_turn([h for h in day if _months_row(h)])] \
            + ([h for h in hits if not any(h is d for d in day)] if holiday else [])
    # (a line of every such weekday before them that would rank above them without its lift: "Mon break – Y9 yard" of a
    # rota for "where am i on duty monday", trial s76 I, had come after the day's five far from the question; not
    # "Tue — Tuesday market run" before the day's "Tue 8 — market: Raj", the s72 rescore)
    best = max((h.score for h in day), default=None)
    lead = [h for h in hits if best is not None and h.explain is not None and h.explain.weekly
            and not h.explain.day_match and h.score - ranking.WEEKLY_BONUS > best]
    return lead + day + [h for h in hits if not any(h is d for d in day + lead)]


# a question that is a holiday's name alone ("pancake day", "christmas eve?"): of its day and of the holiday itself
_HOLIDAY_ALONE = re.compile(r"\s*(?:the\s+)?" + HOLIDAY_WORDS + r"(?:\s+(?:eve|day))?\s*[?.!]*\s*", re.IGNORECASE)


def _months_row(hit: Hit) -> bool:
    """Is hit a table row whose first cell is a month alone ("Month: Mar | Miles: 870", "Feb 2024 | ..."): a
    month's figures, of no day of it?"""
    if hit.kind != "table_row":
        return False
    first = row_cells(hit.text.partition("\n")[0])[0][1].strip().rstrip(".")
    return month_number(first) is not None or month_start(first) is not None


def _each_note_in_turn(hits: list[Hit]) -> list[Hit]:
    """A period's hits, each note's in the order it has them, the notes taking turns, the best note first: its
    first passage, the next note's first, ..., then each one's second (trial s53: "what happened in october" had
    shown six passages of one session, and the month's third session none). A thin passage (its front matter's
    "mood: 4") goes after its note's others, as ranking puts it (trial s53: it had come first for "what did i get done
    last thursday")."""
    notes: dict[str, list[Hit]] = {}
    for h in hits:
        notes.setdefault(h.path, []).append(h)
    each = [sorted(own, key=lambda h: (h.explain is not None and h.explain.thin, h.line)) for own in notes.values()]
    return [h for turn in itertools.zip_longest(*each) for h in turn if h is not None]


def _meeting_as_written(hits: list[Hit]) -> list[Hit]:
    """For "what did Priya say in our last 1:1?": the hits of the newest meeting (ranking's recent) first, in the
    order the note has them, as a day's are (trial s37: a to-do at the meeting's end had come first, what she
    said after it)."""
    newest = [h for h in hits if h.explain is not None and h.explain.recent]
    if not newest:
        return hits
    return sorted(newest, key=lambda h: (h.path, h.line)) + [h for h in hits if not any(h is n for n in newest)]


def _saying_word(keywords, word: str) -> np.ndarray:
    """The rows that say word in any form ("antibiotic" for "antibiotics"), in their text or title,
    headings and parents (the keyword index's words)."""
    rows = keywords.rows_holding(word)
    return np.zeros(0, dtype=np.int64) if rows is None else rows


NOTED_KEPT = 8  # questions noted() keeps what they are read as of (a search reads a question and its noted form)
MONTH_SAYS = 0.5  # the share of the question's words (BM25, of its ceiling) a month's best passage says to choose it


def _best_month(live: "_Live", question: str, months: list[str]) -> str | None:
    """Of months ("YYYY-MM", oldest first) the question names without a year, the one whose best passage says most
    of what it asks (MONTH_SAYS of it at least, more than any later month's), if it asks two words or more the notes
    know besides the month (periods.with_noted_year)."""
    text = without_months(question)
    scores, ceiling = live.gen.keywords.search(text)
    if ceiling <= 0 or len(set(live.gen.keywords.weights(text))) < 2:  # one word ("what happened in january?") asks
        return None  # nothing of its own: the last one
    best = {month: float(scores[rows].max()) if len(rows := live.agenda.of_month(month)) else 0.0 for month in months}
    chosen = max(months, key=lambda month: (best[month], month))  # (a tie: the later)
    return chosen if best[chosen] >= MONTH_SAYS * ceiling else None


def _flags(live: _Live, words: tuple[str, ...]) -> tuple[str, ...]:
    """Of the words a question leaves out ("-name"), the ones no note says, or that a note writes with
    a dash or two, as a flag ("find . -name '*.md'", "--previous"): words of the question, casefolded."""
    chunks, keywords = live.gen.chunks, live.gen.keywords
    flags = []
    for word in words:
        said = _saying_word(keywords, word)
        # (one dash or two: "kubectl logs -previous", pasted or misremembered, of the notes' "--previous": trial s39)
        dashed = re.compile(rf"(?<![\w-])--?{re.escape(word)}(?![\w-])", re.IGNORECASE)
        if not len(said) or any(dashed.search(chunks[r].text) for r in said):
            flags.append(word.casefold())
    return tuple(flags)


def _asked_for(live: "_Live", text: str, ranked, origin, mask) -> tuple[frozenset[str], list["ranking.Candidate"]]:
    """The notes a question asks for by a property ("which studies are done?": NoteNames.described; each, if
    no passage of it is a candidate, at its lead) or else by who or where they are from ("papers by Zaharia":
    NoteNames.credited), and their candidates, best first; none for a question for tasks."""
    tree = live.tree

    def path_of(c) -> str:
        return tree.chunks[origin.get(c.row, c.row)].path

    described = {} if asks_for_tasks(text) else live.names.described(text)
    if mask is not None:
        described = {p: v for p, v in described.items() if mask[_lead(live, p)]}
    if described:
        of_them = [c for c in ranked if path_of(c) in described]
        of_them += _unranked(live, frozenset(described), {path_of(c) for c in of_them})
        return frozenset(described), [c.with_explain(replace(c.explain, property=described[path_of(c)]))
                                      for c in of_them]
    # (not for when a thing with someone is to be: "when is the reflective discussion with gemma" asks for its day, not
    # the meetings she is at, trial s75 Q: the task that says it had come 18th, after theirs)
    credited = frozenset() if asks_coming(text) else live.names.credited(text)
    of_them = [c for c in ranked if path_of(c) in credited] if credited else []
    # (nor the meetings someone was at, asked of a thing with them, where their best is far below the best of all:
    # "when did i last have a 1-2-1 with martin" had shown a teaching committee's eight passages, its attendees naming
    # him, 0.29 down, before the 1-2-1s' 0.92, trial s84 P; "papers by Zaharia" lists his papers, whatever)
    if of_them and ranked and ranked[0].rank > 0 and _WITH_SOMEONE.search(text) \
            and of_them[0].rank < CREDITED_NEAR * ranked[0].rank:
        return frozenset(), []
    return credited, of_them


CREDITED_NEAR = 0.5  # the share of the best passage's rank the best of the notes a person is credited on needs
_WITH_SOMEONE = re.compile(r"\bwith\s+\w", re.IGNORECASE)


def _newer_elsewhere(tree, text: str, ranked, asked: frozenset[str], origin) -> bool:
    """For a question for the last meeting: is the newest one (ranking's recent, put first) of a note other than those
    asked for by a property (trial s55: "our last meeting with David" had shown the oldest of four, the only one whose
    front matter says "attendees: [[David Ellis]]")?"""
    if not (asks_last_meeting(text) and ranked and ranked[0].fact("recent")):
        return False
    newest = tree.chunks[origin.get(ranked[0].row, ranked[0].row)]
    # ... and of the person too: its title says a word of the question's other than the meeting's ("2026-10-21 David
    # Ellis"; not a newer meeting with Sarah, "2026-11-30 Budget": the review)
    said = frozenset(tokenize(text)) - ranking.MEETING_FRAME - frozenset(tokenize(last_meeting_word(text) or ""))
    return newest.path not in asked and bool(said & frozenset(tokenize(newest.title)))


def _property_leads(live: "_Live", of_them: list["ranking.Candidate"]) -> dict[str, int]:
    """Where to show each note asked for by a property from: the line that says it ("Status: Done", a Notion
    page's properties, a Dataview field), so that the hit shows why it is listed (trial Y); else its lead."""
    leads = dict(live.names.leads)
    chunks, rows = live.tree.chunks, live.tree.rows
    for c in of_them:
        path, said = chunks[c.row].path, c.explain.property
        if not said:
            continue
        key, _, value = said.partition(": ")
        says = re.compile(rf"(?<!\w){re.escape(key)}\s*::?\s*#?\[*{re.escape(value)}(?!\w)", re.IGNORECASE)
        row = next((i for i in range(*rows[path]) if says.search(" ".join(chunks[i].text.split()))), None)
        if row is not None:
            leads[path] = row
    return leads


def _lead(live: "_Live", path: str) -> int:
    """The row a note is shown from when asked for as a whole: its lead (NoteNames.leads), else its first."""
    return live.names.leads.get(path, live.tree.rows[path][0])


def _unranked(live: "_Live", paths: frozenset[str], ranked: set[str]) -> list["ranking.Candidate"]:
    """The notes of paths no candidate is of, newest first, each at its lead: a database's pages the question
    asks for by a property ("which studies are done?") whose words no passage of theirs says."""
    rest = {p: _lead(live, p) for p in paths if p not in ranked}
    listed = ranking.Explanation(None, 0.0, None, 0.0, 0.0, listed=True)
    return [ranking.Candidate(rest[p], 0.0, listed) for p in _newest_first(live.gen.chunks, rest)]


def _days_listed(tree: "snippets.NoteTree", mask: np.ndarray, paths: list[str], leads: dict[str, int]) -> list[int]:
    """For a listing by date: the lead row of each note listed (paths), and for a note of more than one day
    (tree.logs: a journal of one file) the first row of each of its days' headings that the filters let through
    instead; newest day first. (Not a dated table row's day: an on-call rota is one note, from its lead: the review.)"""
    chunks = tree.chunks
    first: dict[tuple[str, str], int] = {}
    for p in paths:
        if p in tree.logs:
            for i in range(*tree.rows[p]):
                c = chunks[i]
                if mask[i] and c.date and not c.thin and not c.origin and snippets.under_a_day(c):
                    first.setdefault((p, c.date), i)
        if not any(q == p for q, _ in first):  # (a note none of whose days passes: from its lead)
            first[(p, chunks[leads[p]].date or "")] = leads[p]
    order = sorted(first, key=lambda pd: (pd[1], -paths.index(pd[0])), reverse=True)
    return [first[pd] for pd in order]


def _newest_first(chunks: list[Chunk], rows: dict[str, int]) -> list[str]:
    """The notes of rows (path -> the row whose date a note is sorted by: its chunks share the note's date,
    but for a section under a heading that is a day), newest first, then by path."""
    paths = sorted(rows)
    paths.sort(key=lambda p: chunks[rows[p]].date or "", reverse=True)  # stable: by path within a date
    return paths


def _row_at(chunks: list[Chunk], span: tuple[int, int], line: int) -> int | None:
    """The row of a note's chunks (span: its first row, the row after its last) that holds line, else the
    last one before it, else its first."""
    start, end = span
    if start >= end:
        return None
    before = [r for r in range(start, end) if chunks[r].line <= line]
    holding = [r for r in before if line <= chunks[r].end_line]
    return (holding or before or [start])[-1]


def _mentions_in_order(live: _Live, text: str, mask) -> list:
    """For "when did I first (last) mention X?": the passages of dated notes that say every word of X, as
    candidates oldest (newest) first, each note's in its order; [] for another question or when none does."""
    asked = mention_order(text)
    rows = live.gen.keywords.rows_holding(asked[1]) if asked else None
    if rows is None:
        return []
    chunks = live.gen.chunks
    dated = [int(r) for r in rows if chunks[r].date and not chunks[r].origin and (mask is None or mask[r])]
    newest = asked[0] == "last"
    dated.sort(key=lambda r: (chunks[r].date, -chunks[r].line if newest else chunks[r].line), reverse=newest)
    said = ranking.Explanation(None, 0.0, None, 0.0, 0.0, mention=asked[0])
    return [ranking.Candidate(r, 0.0, said) for r in dated]


def _mentioning(tree: NoteTree, ranked: list, text: str, origin: dict[int, int]) -> list:
    """For "which notes mention X": the candidates whose passage (with its title, headings and parents)
    says every word of X (of one of "X or Y"; a year is its date's to say), if any does; else
    all of them (X said in other words)."""
    subject = re.sub(rf"\b{YEAR}\b", " ", mention_subject(text))
    parts = [set(tokenize(p)) for p in re.split(r",|\bor\b", subject, flags=re.I)]
    parts = [p for p in parts if p]
    if not parts:
        return ranked

    def says(row: int) -> bool:
        c = tree.chunks[origin.get(row, row)]
        words = set(tokenize(" ".join((c.title, *c.heading, *c.parents, c.text))))
        return any(p <= words for p in parts)
    saying = [c for c in ranked if says(c.row)]
    return saying or ranked


# --------------------------------------------------------------------------- module-level API

_OPEN: dict[tuple, NotesIndex] = {}
_OPEN_LOCK = threading.Lock()


def open_index(index_dir=None, model: str | None = None) -> NotesIndex:
    """A NotesIndex shared by every call with the same folder and model (loaded once)."""
    if index_dir is not None and not isinstance(index_dir, (str, os.PathLike)):
        raise ArgumentError(f"index_dir must be a folder's path, got {index_dir!r}.")
    key = (str(Path(index_dir if index_dir is not None else default_index_dir()).resolve()), model)
    with _OPEN_LOCK:
        idx = _OPEN.get(key)
        if idx is None:
            idx = NotesIndex.open(key[0], model=model)
            _OPEN[key] = idx
    return idx


def _check_arguments(question, k, min_score, budget) -> None:
    """A caller's arguments of the wrong type or out of range: ArgumentError, saying which."""
    if question is not None and not isinstance(question, str):
        raise ArgumentError(f"The question must be text, got {type(question).__name__}.")
    if question is not None and len(question) > MAX_QUESTION:
        check_question(question)  # says how long it is and what to do
    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise ArgumentError(f"k must be a whole number (how many hits), got {k!r}.")
    if min_score is not None and (isinstance(min_score, bool) or not isinstance(min_score, (int, float))):
        raise ArgumentError(f"min_score must be a number, got {min_score!r}.")
    if budget is not None and (isinstance(budget, bool) or not isinstance(budget, int) or budget < 1):
        raise ArgumentError(f"budget must be a whole number of characters, got {budget!r}.")


def retrieve(question: str, k: int = 5, index_dir=None, *, model: str | None = None, tags=None, paths=None,
             after=None, before=None, min_score: float | None = None) -> list[Hit]:
    """The k best hits (1 to 50) for question from the index in index_dir (default: index/, or
    $NOTESQA_INDEX), best first, as every front end gives them.

    Filters as in a question's own `tag:` / `path:` / `after:` / `before:`: tags and paths a text or a
    list of texts (a note passes with any of them), after and before "YYYY-MM-DD" (or dates). Hits
    scoring under min_score are left out. An empty list means nothing matched; why_nothing() with the
    same arguments says why (a tag no note has, a date range no note is in, ...). The model and index are
    loaded on the first call and reused afterwards. A hit of a note edited or deleted since the build says so in
    its `stale` ("changed", "deleted or moved"): build_index() again to search what the note says now.

    Raises QueryError for an empty question or a malformed filter, ArgumentError for an argument of the
    wrong type or out of range, IndexNotFoundError when there is no index yet (build one with
    build_index), and the other NotesQAError subclasses with a message that says what to do.
    """
    if question is None or isinstance(question, str):  # other types: the ArgumentError search() raises
        check_question(question)
    if isinstance(k, int) and not isinstance(k, bool) and not 1 <= k <= K_MAX:
        raise ArgumentError(f"k must be from 1 to {K_MAX}, got {k}.")
    idx = open_index(index_dir, model)
    return _marked_stale(idx.search(question, k=k, tags=tags, paths=paths, after=after, before=before,
                                    min_score=min_score), idx.manifest)


def _marked_stale(hits: list[Hit], manifest: Manifest) -> list[Hit]:
    """hits, each of a note edited or deleted since the build saying so in its stale (a stat of each hit's note, as
    the other front ends check them; the error-path audit, s43: a Python caller had been shown a deleted note's text
    as current)."""
    from .status import hits_changed

    if not hits or not manifest.notes_dir or not Path(manifest.notes_dir).is_dir():
        return hits
    changes = hits_changed(manifest.notes_dir, manifest, [h.path for h in hits])
    return [replace(h, stale=changes.became(h.path)) if changes.became(h.path) else h for h in hits]


def why_nothing(question: str, index_dir=None, *, model: str | None = None, tags=None, paths=None, after=None,
                before=None) -> str | None:
    """Why retrieve() with these arguments found nothing, as the CLI says it ("No note is tagged onboarding
    (tags like it: onboard)."), or None when nothing in the filters explains it. Uses retrieve's loaded index."""
    if question is None or isinstance(question, str):
        check_question(question)
    return open_index(index_dir, model).why_nothing(question, tags=tags, paths=paths, after=after, before=before)


def _line_saying(text: str, phrase: str) -> int:
    """The first line of text that says phrase (folded: case and spaces aside), else that says its first word."""
    lines = [" ".join(ln.split()).casefold() for ln in text.splitlines()]
    first = phrase.split()[0] if phrase.split() else phrase
    return next((i for i, ln in enumerate(lines, 1) if phrase in ln), None) or \
        next((i for i, ln in enumerate(lines, 1) if first in ln), 1)
