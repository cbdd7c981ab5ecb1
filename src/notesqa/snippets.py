"""Which text each hit shows: the unit that matched, then what follows it under the same parent.

Hits are picked best first within a small character budget each; nothing is shown twice: a
unit inside another hit is dropped, and a parent or child of a shown hit is either shown with
it (taking it over) or left to its breadcrumb. It all works over a NoteTree, the rows of a
generation's notes built once at load.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace

from . import joplin
from .agenda import DATED_ENTRY
from .chunking import Chunk, field_line, fields_line, numbered, step_number, step_of, table_rows, task_state
from .hits import Hit, crumb_cut
from .keywords import tokenize, word_count
from .metadata import daily_note, headings_day, opens_dated
from .notefiles import in_notion_export, readable_path
from .query import TOP_LEVEL_NAME, folder_of
from .ranking import LABEL_WORDS, TABLE_SPREAD, Candidate, Explanation, is_gloss
from .units import QA_CARD, boilerplate

# Characters the 1st, 2nd, 3rd and later hits may show, matched unit first. The best hit is the
# likeliest answer, so it gets the most room for what follows its unit (the answer to "which
# language did I pick?" is often the paragraph after the one that matched); the others stay
# short, so the list is quick to scan (dev set: 334 characters a hit on average, limit 350).
SHOW_BUDGETS = (600, 500, 450)
MIN_FOLLOW = 40  # do not add a following unit if less than this much budget is left
TAKEOVER = 0.85  # a parent scoring at least this share of its child's hit is shown with it
TAKEOVER_CUT = 0.75  # ... a parent the breadcrumb cannot show whole, this share: it is not shown there


@dataclass(frozen=True)
class NoteTree:
    """A generation's chunks as notes. A chunk names its parent bullet and its paragraph's first
    window by seq within its note; here they are rows of the generation, worked out once."""

    chunks: list[Chunk]
    rows: dict[str, tuple[int, int]]  # path -> (first row, row after the last) of its chunks
    parent: tuple[int | None, ...]  # row -> row of its parent bullet
    first_window: tuple[int | None, ...]  # row -> row of the first window of its paragraph (None: not a window)
    origins: dict[int, int]  # row of an embedded copy -> row of the same text in the note it comes from
    same_titles: frozenset[str]  # notes whose title another note has too: their hits name their folder
    in_long_lists: frozenset[int] = frozenset()  # rows of bullets that are items of a long list (_long_lists)
    logs: frozenset[str] = frozenset()  # notes under more than one day's heading (a journal of one file: _logs)
    busy_days: frozenset[tuple] = frozenset()  # a log's days of many things, by _siblings (_busy_days)

    @classmethod
    def build(cls, chunks: list[Chunk]) -> "NoteTree":
        rows: dict[str, tuple[int, int]] = {}
        for i, c in enumerate(chunks):
            start, _ = rows.get(c.path, (i, i))
            rows[c.path] = (start, i + 1)
        parent = tuple(None if c.parent is None else rows[c.path][0] + c.parent for c in chunks)
        first_window = tuple(None if c.group is None else rows[c.path][0] + c.group for c in chunks)
        logs = _logs(chunks)
        return cls(chunks, rows, parent, first_window, _origins(chunks), _same_titles(chunks), _long_lists(chunks),
                   logs, _busy_days(chunks, logs))

    def note(self, path: str) -> list[Chunk]:
        start, end = self.rows.get(path, (0, 0))
        return self.chunks[start:end]


@dataclass(frozen=True)
class Snippet:
    """What one hit shows: its first unit and the units after it (rows)."""

    root: int
    follow: tuple[int, ...]
    rank: float  # the ranking score of the candidate that placed it
    explain: Explanation
    jump: int | None = None  # follow[jump:] is elsewhere in the note (shown after "… (line N)"): where it matched
    matched: int | None = None  # the row that matched, when the hit shows it after others (a list from its first
    # item, a parent bullet that took its hit over, a paragraph from its start)
    more: int | None = None  # the row of the next step, when numbered steps shown from the first go on past the hit


def select(tree: NoteTree, ranked: list[Candidate], k: int, budget: int | None, min_score: float | None,
           origin: dict[int, int], after: int = 0) -> list[Snippet]:
    """Pick hits best first so that nothing is shown twice.

    A candidate already shown inside another hit is dropped. A candidate that is a parent
    bullet (or grandparent...) of a shown hit, or an earlier window of the shown hit's
    paragraph, and scores nearly as well takes that hit over when the hit's unit still fits
    after it: the parent is shown with what is under it (other hits under it joining it, their
    places going to the best candidates passed over), the paragraph from the earlier window
    on, the matching unit among them. An ancestor that does not fit is dropped: it is in the
    hit's breadcrumb. origin: embedded copy -> the row in its own note, which keeps the hit.
    after: how many hits come before these (their room is that of their places in the list).
    """
    out: list[Snippet] = []
    shown: set[int] = set()
    passed: list[tuple[Candidate, int]] = []  # candidates met with the list full, best first
    for cand in ranked:
        if min_score is not None and cand.rank < min_score:
            break  # ranked by rank, the score a hit shows: nothing later reaches min_score
        row = origin.get(cand.row, cand.row)
        if row in shown or _extends_a_hit(tree, out, cand, row, shown, budget, after):
            continue
        at, later = _descendant_shown(tree, row, out), None
        if at is None:
            at = later = _later_window_shown(tree, row, out)
        if at is not None:
            if cand.rank >= _takeover_share(tree, row, later) * _rank_to_take(tree, out, row, at, later):
                before = len(out)
                _take_over(tree, out, at, row, _room(budget, after + at), shown)
                if len(out) < before:  # hits joined: their places go to the best candidates passed over
                    passed = [(c, r) for c, r in passed if not _add(tree, out, shown, c, r, k, budget, after)]
            if later is None or row in shown or _hits_of_paragraph(tree, row, out) > 1:
                continue
            # ... an earlier window of a paragraph shown from a later one (it did not fit, or scored less): a hit of its
            # own, the paragraph's start (trial s45: "The weevils ... were the last straw:" had never been shown); one
            # such at most (the review: a long paragraph's windows had filled the top five, last first)
        if len(out) >= k and _descendant_shown(tree, row, out) is None and not _same_paragraph_shown(tree, row, shown, out):
            if cand.rank < TAKEOVER * min(s.rank for s in out):
                break
            passed.append((cand, row))
            continue  # keep scanning for units that can take over a shown hit
        _add(tree, out, shown, cand, row, k, budget, after)
    return out


TABLE_ROWS = 2  # rows of one table among the hits before the other passages: a table's rows share its
# note's title and headings, and a question about its topic finds them all first (five rows of one table
# about "the 1931 strike" above the sentence that says when it began). (Not per note: a relevant row of a
# note's third table fell below unrelated notes, the recheck of trial HV.)


TABLE_YIELD = TABLE_SPREAD  # ... and they come after the passages within this much of their rank, not after far
# weaker ones (trial s59 TC-031: rows of 0.91 had been moved after passages of 0.3, out of the top 50)


NOTE_TABLE_ROWS = 3  # rows of one note's tables before a passage of another note: a reference note of several
# tables ("Keyboard shortcuts", a table under each heading) had filled the top five, two rows of each table


def spread_tables(tree: NoteTree, ranked: list[Candidate], origin: dict[int, int],
                  listed: frozenset[str] = frozenset(), asked: frozenset[str] = frozenset(),
                  due: bool = False) -> list[Candidate]:
    """ranked with the rows of a table after its first TABLE_ROWS moved after the candidates near them (_yielded),
    and a note's table rows after its first NOTE_TABLE_ROWS after the next candidate of another note. A row of the
    newest day a question asks for ("when was the van's last oil change?": a log's newest row) stays where it ranks,
    and so does one whose own text says a word of a question for several things (listed: its words; trial s58
    OA-033's "which of the apple trees are cookers or for cider": the Bramley "cooker" row, a third, had not been in
    the top 30), or a word of the question (asked: its words) no row of its table before it says (trial s59 RD-040's
    "tom holidy dec": Tom's "14–16 Dec" row, after two of his other holidays). Asked what is due (due), a row of the
    days asked stays where the list of what is due puts it (trial s90 K: a rent ledger's "Penarth | Due: 15 Mar" had
    come 18th for "what's due this month", after the things due on the 31st)."""
    per_table: dict[tuple, int] = {}
    per_note: dict[str, int] = {}
    said: dict[tuple, set[str]] = {}  # the question's words each table's rows so far say
    first, waiting, later = [], [], []
    for cand in ranked:
        c = tree.chunks[origin.get(cand.row, cand.row)]
        if c.kind == "table_row" and not cand.fact("recent"):
            key = (c.path, tuple(c.heading))
            per_table[key] = per_table.get(key, 0) + 1
            words = set(tokenize(c.text)) if listed or asked else set()
            new = bool(asked & words - said.setdefault(key, set()))
            said[key] |= asked & words
            says = bool(listed & words) or new or due and cand.fact("day_match")  # (counted, never moved)
            if per_table[key] > TABLE_ROWS and not says:
                later.append(_spread(cand))
                continue
            per_note[c.path] = per_note.get(c.path, 0) + 1
            if per_note[c.path] > NOTE_TABLE_ROWS and not says:
                waiting.append((c.path, _spread(cand)))
                continue
        first.append(cand)
        first += [w for path, w in waiting if path != c.path]
        waiting = [(path, w) for path, w in waiting if path == c.path]
    return _yielded(first + [w for _, w in waiting], later)


def _spread(cand: Candidate) -> Candidate:
    """cand, its explanation saying it is a later row of its table shown after passages near it (spread_tables)."""
    return Candidate(cand.row, cand.rank, replace(cand.explain, spread=True))


def _yielded(ranked: list[Candidate], later: list[Candidate]) -> list[Candidate]:
    """ranked with each of later (a table's rows past its first TABLE_ROWS, in their order) put before the first
    candidate more than TABLE_YIELD below it: after the passages near it, not after every other one; and after
    every one ranked above it (a day's passages first, its weaker among them: trial s67 D)."""
    out = list(ranked)
    at = 0
    for cand in later:
        at = max(at, 1 + max((i for i, c in enumerate(out) if c.rank >= cand.rank), default=-1))
        at = next((i for i in range(at, len(out)) if out[i].rank < cand.rank - TABLE_YIELD), len(out))
        out.insert(at, cand)
        at += 1
    return out


def _extends_a_hit(tree: NoteTree, out: list[Snippet], cand: Candidate, row: int, shown: set[int],
                   budget: int | None, after: int) -> bool:
    """Is row the bullet right after a hit of one row, its sibling, and does it match nearly as well (TAKEOVER)? It is
    shown there, in that hit, when it fits: two items of one list that match read as one hit (trial s48: the two
    things a konbini asks, two hits); once a hit, and not a bullet with its own children (the second review: a
    sibling ranked far lower had joined, then the next, and the sibling's answer under it had come as a hit of its
    own). True if shown so."""
    chunks = tree.chunks
    if not _plain_item(chunks, row):
        return False
    at, steps = None, False
    if row > 0 and _sibling_items(chunks, row - 1, row):
        at = next((i for i, s in enumerate(out) if not s.follow and s.root == row - 1), None)
        rows = (row - 1, row)
    if at is None:  # ... or before it, the items between them too: the list from it to the hit (trial s57 LB:
        # "Stuart - paid first half" and, as a second hit, "Sue T", "Pete", "Alastair" of one list of who still owes)
        # (an earlier step of numbered steps a hit shows from a later one: the steps from it, however well it
        # matches, the hit's own rows after them; trial s61 XD: steps 3-6 a hit, steps 1-2 the fifth)
        steps = numbered(chunks[row])
        # (... or a list's last items a hit shows: the list from it, trials s63 MUS-040, SCT-024)
        at = next((i for i, s in enumerate(out) if (not s.follow or steps and numbered(chunks[s.root]) and _runs_on(s)
                                                    or _items_after(chunks, s))
                   and row < s.root <= row + SIBLINGS_BEFORE
                   and all(_sibling_items(chunks, j, j + 1) for j in range(row, s.root))
                   and not shown.intersection(range(row + 1, s.root))), None)
        rows = (*range(row, out[at].root + 1), *out[at].follow) if at is not None else ()
        steps = steps and at is not None and numbered(chunks[out[at].root])  # (steps join in order, not by rank)
    if at is None or not steps and cand.rank < TAKEOVER * out[at].rank:
        return False
    if sum(len(chunks[j].text) + 1 for j in rows) > _room(budget, after + at) + 1:
        return False
    hit = out[at]
    matched = hit.matched if hit.matched is not None else hit.root
    out[at] = replace(hit, root=rows[0], follow=rows[1:], matched=matched if matched != rows[0] else None)
    shown.update(rows)
    return True


SIBLINGS_BEFORE = 6  # items of a list before a hit on a later one that join it


def _runs_on(hit: Snippet) -> bool:
    """Does a hit show the rows right after its root, one after another (it has some)?"""
    return list(hit.follow) == list(range(hit.root + 1, hit.follow[-1] + 1))


def _items_after(chunks: list[Chunk], hit: Snippet) -> bool:
    """Does a hit show its root and the items of its list right after it, no other unit?"""
    return _runs_on(hit) and all(_sibling_items(chunks, j, j + 1) for j in range(hit.root, hit.follow[-1]))


def _plain_item(chunks: list[Chunk], row: int) -> bool:
    """Is the row a bullet with nothing under it, no task nor a log's dated entry (_alone: each its own hit)?"""
    c = chunks[row]
    return c.kind == "bullet" and not (row + 1 < len(chunks) and chunks[row + 1].parent == c.seq
                                       and chunks[row + 1].path == c.path) and not _alone(c)


def _sibling_items(chunks: list[Chunk], a: int, b: int) -> bool:
    """Are rows a and b plain items (_plain_item) of one list: the same note, parent, depth and heading (the last
    bullet of "## cause" and the first of "## fix" are two lists, trial s50)?"""
    x, y = chunks[a], chunks[b]
    return _plain_item(chunks, a) and _plain_item(chunks, b) and x.path == y.path and x.parent == y.parent \
        and x.depth == y.depth and x.heading == y.heading


def _add(tree: NoteTree, out: list[Snippet], shown: set[int], cand: Candidate, row: int, k: int,
         budget: int | None, after: int) -> bool:
    """Show cand as the next hit, if there is room and it is not in a hit already (shown, or in the
    breadcrumb of a better hit, or in the paragraph it shows). True if it is dealt with: shown or not
    to be shown."""
    if row in shown or _descendant_shown(tree, row, out) is not None or _same_paragraph_shown(tree, row, shown, out) \
            or _copy_shown(tree, row, out):
        return True
    if len(out) >= k:
        return False
    room = _room(budget, after + len(out))
    # a later item of a short list under the heading the question names: the list from its first item; a row of
    # a short table two of whose columns the question compares: the table (trial E: its key row had never shown)
    # a later step of numbered steps, for a question that asks how: the steps from the first (trial HV: step 4 had
    # come above steps 1-3)
    # (a task set for the day asked is the answer alone, not its note's day's list nor its small note: trial s45's
    # "what's scheduled for December 15?" had gone on to its journal's other to-dos)
    if cand.explain.day_match and (lead := _properties_lead(tree, row, room, shown)):
        # (a day's page's properties: with what the page says after them, where that is; trial s57 MB's "type:
        # callout / location: Sty Head" had been the hit for "what callouts did we have last week", nothing else)
        shown |= {row, *lead}
        jump = 0 if tree.chunks[lead[0]].heading != tree.chunks[row].heading else None
        out.append(Snippet(row, tuple(lead), cand.rank, cand.explain, jump=jump))
        return True
    its_own = cand.explain.task_day
    whole = (cand.explain.heading_named and _section_list(tree, row, room, shown)) or \
        ((cand.explain.day_match or cand.explain.recent > 0) and not cand.explain.task_match and not its_own
         and _one_day(tree, _section_list(tree, row, room, shown, whole=True), row)) or \
        (cand.explain.step and (step := step_of(tree.chunks, row)) is not None
         and _section_list(tree, step, room, shown, steps=True)) or \
        (cand.explain.listing and (_section_table(tree, row, max(room, LIST_TABLE_ROOM), shown)
                                   or _section_list(tree, row, max(room, LIST_TABLE_ROOM), shown, whole=True,
                                                    most=LISTING_ITEMS))) or \
        (cand.explain.compares and _small_table(tree, row, room, shown)) or \
        (cand.explain.section_table and _section_table(tree, row, room, shown)) or \
        _led_in_list(tree, row, room, shown) or _labelled_list(tree, row, room, shown, cand.explain.label_named) or \
        _captioned_table(tree, row, room, shown) or \
        (not _placed(cand.explain) and not its_own and not _alone(tree.chunks[row])
         and _small_note(tree, row, room, shown)) or []  # (a task: with what is under it only, trial s47)
    root, follow = (whole[0], whole[1:]) if whole else _from_paragraph_start(tree, row, room, shown)
    # (a link's line for a question for backlinks: where it links, not the list it is in)
    if not whole and root == row and not cand.explain.links:
        if earlier := _list_shown_on(tree, row, follow, room, shown):
            root, follow = earlier[0], [*earlier[1:], row, *follow]
    shown |= {root, *follow, *_intro_shown(tree, root)}
    more = _next_step(tree, whole) if whole and cand.explain.step else None
    out.append(Snippet(root, tuple(follow), cand.rank, cand.explain, matched=row if row != root else None, more=more))
    return True


def rematched(tree: NoteTree, snippet: Snippet, asked: frozenset[str]) -> Snippet:
    """snippet, its match moved off a unit that says none of the question's words (asked: their stems) to the one of
    its units that says the most of them, if one does (the first of those): a unit ranked by its parent's or
    heading's words in its context is no line to mark (trials s57: "=>" had marked "found a hair grip and 2 coins"
    under "E18 error = drain pump blocked" for "what does E18 mean", and "milk, sugar, yeast" in a costing for what
    was promised Marco). Not onto text embedded from another note (a journal's own line after a block it copies). A
    table shown whole as the answer, of whose rows the question names none, has no row to mark when none says a word
    of it (trial s69 W: "=>" had marked the 7th place's row for "who won the fox autumn league"). Nor is a line that
    says only words its heading says too, where the heading says one no line does: the heading matched, shown in the
    breadcrumb (trial s70 N: "van reg" had marked "insurance: van on the business policy" under "Van – Ford Transit
    ..., reg WX19 KTF")."""
    if snippet.matched is None or not asked:
        return snippet
    chunks = tree.chunks
    shown = (snippet.root, *snippet.follow)
    said = {j: asked.intersection(tokenize(chunks[j].text)) for j in {*shown, snippet.matched}}  # (each unit once)

    def says(j: int) -> int:
        return len(said[j])
    in_shown = set().union(*(said[j] for j in shown))  # (the question's words the hit's units say)
    if says(snippet.matched):
        heading = _heading_matched(tree, snippet.matched, asked, said[snippet.matched], in_shown)
        return replace(snippet, matched=None) if heading else snippet
    origin = chunks[snippet.matched].origin
    rows = [j for j in shown if chunks[j].origin == origin and chunks[j].kind != "code"]
    best = max(rows, key=says, default=None)  # (the first of the best: max keeps it)
    if best is None or not says(best):
        # (... but one of the days asked, dated otherwise than the table's first: the hit says that day, not the first
        # row's, trial s90 D: a tutoring log shown whole had said "dated 2030-01-12" under "Dated from 2030-02-01")
        whole = snippet.explain.section_table and chunks[snippet.matched].kind == "table_row" \
            and not (snippet.explain.day_match and chunks[snippet.matched].date != chunks[snippet.root].date)
        return replace(snippet, matched=None) if whole else snippet
    heading = _heading_matched(tree, best, asked, said[best], in_shown)
    return replace(snippet, matched=None if best == snippet.root or heading else best)


def _heading_matched(tree: NoteTree, row: int, asked: frozenset[str], own: set[str], shown: set[str]) -> bool:
    """Does the unit at row say only words of the question (asked; own: those it says) that its title and headings
    say too, while they say one that no unit shown says (shown: the words of the question the units shown say)?"""
    c = tree.chunks[row]
    heading = asked.intersection(tokenize(" ".join((c.title, *c.heading))))
    return bool(heading - shown) and own <= heading


def newest_matched(tree: NoteTree, snippet: Snippet, asked: frozenset[str], today: str) -> Snippet:
    """snippet, for a question of the latest ("when did I last ..."), its match moved to the newest of its units dated
    up to today, of those that say the most of the question's words (asked: their stems) their note's title and
    headings do not, when it shows entries of two days or more (trial s62 H: a log's "=>" had marked its middle entry;
    trial s86 K: "Fri 27: pumpkins" had been marked over "Thu 26: car serviced at D&M" of a half term's diary)."""
    return _dated_matched(tree, snippet, asked, today, ahead=False)


def soonest_matched(tree: NoteTree, snippet: Snippet, asked: frozenset[str], today: str) -> Snippet:
    """snippet, for a question of the next of a thing ("when's the next market"), its match moved to the soonest of
    its units dated today or later, of those that say the most of the question's words their note's title and
    headings do not, when it shows entries of two days or more (trial s85 A: a market rota's "=>" had marked 9
    December's row, the one saying "Christmas market", over 28 October's)."""
    return _dated_matched(tree, snippet, asked, today, ahead=True)


def _dated_matched(tree: NoteTree, snippet: Snippet, asked: frozenset[str], today: str, ahead: bool) -> Snippet:
    """newest_matched's (ahead False) and soonest_matched's (ahead True) move of a snippet's match."""
    chunks = tree.chunks
    rows = [j for j in (snippet.root, *snippet.follow) if chunks[j].date
            and (chunks[j].date[:10] >= today if ahead else chunks[j].date[:10] <= today)]
    if len({chunks[j].date[:10] for j in rows}) < 2:
        return snippet
    asked = asked - _ASKS_WHICH  # ("last" and "next" are the question's, no word a line should say: the review)
    if ahead:  # (the first of the soonest of those that say the most)
        best = min(rows, key=lambda j: (-_own_words(chunks[j], asked), chunks[j].date[:10]))
    else:  # (the first of the newest of those)
        best = max(rows, key=lambda j: (_own_words(chunks[j], asked), chunks[j].date[:10]))
    return replace(snippet, matched=None if best == snippet.root else best)


_ASKS_WHICH = frozenset(tokenize("last next latest soonest coming recent recently"))


def _own_words(c: Chunk, asked: frozenset[str]) -> int:
    """How many of the question's words (asked: their stems) the unit says that its title and headings do not."""
    return len(asked.intersection(tokenize(c.text)) - set(tokenize(" ".join((c.title, *c.heading)))))


def _properties_lead(tree: NoteTree, row: int, room: int, shown: set[int]) -> list[int]:
    """The rows of the block after row and what follows it (_following), when row is its note's first passage and
    only fields (a Logseq page's properties, a note's front matter shown) and they fit; [] for any other."""
    chunks = tree.chunks
    c = chunks[row]
    start, end = tree.rows[c.path]
    if row != start or row + 1 >= end or row + 1 in shown or c.kind == "code" \
            or not all(field_line(line, links=True) for line in c.text.splitlines() if line.strip()):
        return []
    rest = room - len(c.text) - len(chunks[row + 1].text) - 2
    return [row + 1, *_following(tree, row + 1, rest, shown)] if rest >= 0 else []


def _next_step(tree: NoteTree, rows: list[int]) -> int | None:
    """The row of the step after the last of the numbered steps rows show, when the steps go on past them under
    the same heading (a runbook's steps cut to fit: the hit says where they go on); else None."""
    chunks = tree.chunks
    steps = [r for r in rows if numbered(chunks[r]) and chunks[r].depth == chunks[rows[0]].depth]
    if not steps:
        return None
    last = chunks[steps[-1]]
    _, end = tree.rows[last.path]
    j = max(rows) + 1
    while j < end and chunks[j].heading == last.heading and chunks[j].depth > last.depth:
        j += 1  # what is under the last step shown (its sub-bullets, its code) was left out with it
    nxt = chunks[j] if j < end else None
    return j if nxt is not None and numbered(nxt) and nxt.heading == last.heading and nxt.depth == last.depth \
        and step_number(nxt) == (step_number(last) or 0) + 1 else None


def _alone(c: Chunk) -> bool:
    """Is c a task or a dated entry of a log ("2026-11-24 Cut SMS ...", "16 Aug 2022 - Ruby, ear infection": trial
    s49's had gone on to seven later appointments), shown with what is under it only?"""
    return c.kind == "bullet" and (task_state(c.text) is not None or DATED_ENTRY.match(c.text) is not None
                                   or opens_dated(c.text))


def _copy_shown(tree: NoteTree, row: int, out: list[Snippet]) -> bool:
    """Is the same passage of a note of the same name (a copy of the note in another folder) shown
    already? Its place goes to another passage."""
    c = tree.chunks[row]
    return any(tree.chunks[s.root].text == c.text and tree.chunks[s.root].title == c.title
               and tree.chunks[s.root].path != c.path for s in out)


def _intro_shown(tree: NoteTree, row: int) -> tuple[int, ...]:
    """The unit a code hit shows whole at its top (_intro_unit): not to be shown again as a hit of its own."""
    unit = _intro_unit(tree, row)
    return () if unit is None else (unit,)


INTRO_WHOLE = 400  # a paragraph this long or shorter that introduces a code block is shown whole above it (trial s49:
# one of 342 characters had come as two hits at one line, its last sentence over the code, the rest after it)


def _intro_unit(tree: NoteTree, row: int) -> int | None:
    """The unit before a code hit that it shows whole at its top: its one-sentence intro ("Use this for
    maintenance:"), or a short paragraph that ends with that sentence (trial HV: "Embedding shows another note
    inside this one. Put an exclamation mark before a link:" had been shown from its second sentence)."""
    c = tree.chunks[row]
    if c.kind != "code" or _introduced(tree, row) is None:
        return None
    prev = tree.chunks[row - 1]
    alone = " ".join(prev.text.split()) == " ".join(c.text.partition("\n")[0].split())
    return row - 1 if alone or (prev.kind == "paragraph" and len(prev.text) <= INTRO_WHOLE) else None


def _intro_line(tree: NoteTree, row: int) -> int | None:
    """The line a code hit's text starts at when it opens with the sentence introducing it (the last of the
    paragraph before it, which may say more: "Properties are ... They are stored as YAML ...:"), not the fence's;
    None for a code hit without one."""
    if tree.chunks[row].kind != "code" or _introduced(tree, row) is None:
        return None
    intro, prev = tree.chunks[row].text.partition("\n")[0], tree.chunks[row - 1]
    words = list(_NON_SPACE.finditer(prev.text))
    said = len(intro.split())  # the paragraph's last words are the intro's (code_after): where its first is
    return prev.line + prev.text[:words[-said].start()].count("\n") if 0 < said <= len(words) else prev.line


_NON_SPACE = re.compile(r"\S+")


def _introduced(tree: NoteTree, row: int) -> str | None:
    """The code of the code chunk at row after the sentence that introduces it (code_after), or None when
    the unit before it in its note does not introduce it."""
    start, _ = tree.rows[tree.chunks[row].path]
    return code_after(tree.chunks[row - 1], tree.chunks[row]) if row > start else None


def select_notes(tree: NoteTree, leads: dict[str, int], ranked: list[Candidate], k: int, budget: int | None,
                 min_score: float | None, origin: dict[int, int], with_match: bool = False) -> list[Snippet]:
    """For a question that asks for a note ("which note covers ...", "where are my notes on
    ..."): the best notes, each shown from its opening (leads: path -> row, NoteNames.leads),
    ranked by its best passage; with_match, that passage too when the opening does not show it
    ("which page explains how an embed differs from a reference?": the page, and where it says so)."""
    out: list[Snippet] = []
    seen: set[str] = set()
    for cand in ranked:
        row = origin.get(cand.row, cand.row)
        path = tree.chunks[row].path
        if min_score is not None and cand.rank < min_score:
            break
        if path in seen:
            continue
        seen.add(path)
        lead = leads.get(path, row)
        room = _room(budget, len(out))
        table, follow = _opening(tree, lead, room)
        # ("Venue: SIGIR · Read on: ...": not where it says so; a table's row is, "chapter: Ch2 | status: drafting",
        # trial s49: "which chapters have status drafting" had shown the note's first line only)
        if with_match and row not in (lead, *follow) and not tree.chunks[row].thin \
                and (tree.chunks[row].kind == "table_row" or not fields_line(tree.chunks[row].text)):
            out.append(_with_match(tree, lead, row, room, cand, table))
        else:  # (where it matched, when the opening shows it: its day the hit's, trial s64 KYK-025)
            out.append(Snippet(lead, follow, cand.rank, cand.explain, matched=row if row in follow else None))
        if len(out) >= k:
            break
    return out


def select_days(tree: NoteTree, leads: list[int], listed: Explanation, budget: int | None) -> list[Snippet]:
    """A listing by date of notes dated day by day (a journal of one file): each day from its first row (leads),
    with as much of what follows under the same heading, of the same day, as fits (a sub-heading of the day ends it);
    another note from its lead, as select_notes shows it (_opening)."""
    out: list[Snippet] = []
    chunks = tree.chunks
    for lead in leads:
        room, c = _room(budget, len(out)), chunks[lead]
        if c.path not in tree.logs:
            out.append(Snippet(lead, _opening(tree, lead, room)[1], 0.0, listed))
            continue
        used, follow, end = len(c.text), [], tree.rows[c.path][1]
        for j in range(lead + 1, end):
            nxt = chunks[j]
            if nxt.heading != c.heading or nxt.date != c.date or used + len(nxt.text) + 1 > room:
                break
            follow.append(j)
            used += len(nxt.text) + 1
        out.append(Snippet(lead, tuple(follow), 0.0, listed))
    return out


def _opening(tree: NoteTree, lead: int, room: int) -> tuple[list[int], tuple[int, ...]]:
    """(the rest of the small table a note opens with at lead, what follows lead): a note shown from its opening (trial
    s33: a note that opens with a small table shows it whole, "which note lists my subscriptions?")."""
    table = _section_table(tree, lead, room, set())
    table = table[1:] if table and table[0] == lead else []
    if table:
        return table, tuple(table)
    # the longer of what its first passage goes on to and the list it opens: the note asked for, not an answer in it
    # (trial s52: "my notes on nara" had shown 2 of its 7 bullets, its third a "todai-ji: daibutsu ..." gloss)
    follow, listed = _following(tree, lead, room), _opening_list(tree, lead, room)
    return table, tuple(listed if len(listed) > len(follow) else follow)


def _opening_list(tree: NoteTree, lead: int, room: int) -> list[int]:
    """The rest of the short list a note opens with, when its items stand alone as hits (a checklist of "red
    flag → what it means" lines): the note asked for shows its opening list whole, not its first item."""
    rows = _section_list(tree, lead, room, set(), whole=True)
    return rows[1:] if rows[:1] == [lead] else []  # (from the list's first item: not the items before the lead)


def _with_match(tree: NoteTree, lead: int, row: int, room: int, cand: Candidate, table: list[int] = ()) -> Snippet:
    """A note's opening (and the rest of the table it opens with), then "… (line N)" and its passage that matched
    with what follows it, within room."""
    if tree.chunks[lead].kind == "table_row" and row in table_rows(tree.chunks, lead):
        # (a note that opens with a table, asked for by a later row: that row, not the table's first, "Name: Eilidh",
        # which had read as the answer, trial s64 V)
        return Snippet(row, tuple(_following(tree, row, room)), cand.rank, cand.explain)
    rest = max(0, room - sum(len(tree.chunks[j].text) + 1 for j in (lead, *table)))
    matched, row = row, _first_step(tree, row, rest)
    whole = _following(tree, row, room)
    if lead in whole:  # the match opens the list its opening is in: shown from it, not twice
        return Snippet(row, tuple(whole), cand.rank, cand.explain)
    # (from its section's first passage, where the passages to it fit: trials s64 CRK-016, IFA-013, "… (line 16,
    # Roof)" had shown the second roof quote, not the line above it, "Pavilion roof leaking ... (again)")
    start = _section_start(tree, row, rest, lead)
    follow = _following(tree, start, rest)
    if start != row and row not in follow:
        start, follow = row, _following(tree, row, rest)
    return Snippet(lead, (*table, start, *follow), cand.rank, cand.explain, jump=len(table), matched=matched)


def _section_start(tree: NoteTree, row: int, room: int, lead: int) -> int:
    """The first passage under row's heading after lead, where the passages from it to row fit in room; else row."""
    chunks = tree.chunks
    c, first = chunks[row], row
    if not c.heading:
        return row
    while first - 1 > lead and chunks[first - 1].path == c.path and chunks[first - 1].heading == c.heading:
        first -= 1
    while first < row and chunks[first].text.strip() == c.heading[-1].strip():
        first += 1  # (a line that only says the heading again: the "… (line N, Heading)" says it)
    fits = sum(len(chunks[j].text) + 4 for j in range(first, row + 1)) <= room
    return first if fits else row


def _first_step(tree: NoteTree, row: int, room: int) -> int:
    """The first of the numbered steps a later step at row is one of, where the steps up to it fit in room (trial
    s62 D: a note asked for by its steps had shown "7. lower" alone, its last step); else row."""
    chunks, first = tree.chunks, row
    number = step_number(chunks[row]) if numbered(chunks[row]) else None
    if not number or number == 1:
        return row
    while first > 0 and numbered(chunks[first - 1]) and chunks[first - 1].path == chunks[row].path \
            and chunks[first - 1].heading == chunks[row].heading and step_number(chunks[first - 1]) == number - 1:
        first, number = first - 1, number - 1
    fits = sum(len(chunks[j].text) + 4 for j in range(first, row + 1)) <= room
    return first if number == 1 and fits else row


def _rows(lines: list[str]) -> int:
    """The rows lines take once joined by line breaks."""
    return sum(line.count("\n") + 1 for line in lines)


def to_hit(tree: NoteTree, snippet: Snippet) -> Hit:
    """The hit showing snippet, scored by its ranking score (its match score beside it)."""
    c = tree.chunks[snippet.root]
    intro = _intro_unit(tree, snippet.root)
    opening = c.text if intro is None else f"{tree.chunks[intro].text}\n{_introduced(tree, snippet.root)}"
    # (a code hit shown with the numbered step that introduces it: the step's number too, trial s47's "Restart
    # pgbouncer ..." without its "2.")
    marker = c.marker or (tree.chunks[intro].marker if intro is not None else "")
    lines = [f"{marker} {opening}" if marker else opening]
    code = _own_code(tree, snippet.root) if c.kind == "code" else ""
    lang = c.lang if c.kind == "code" else ""
    # every code block shown, in order: code, lang (the last's: code, lang) and the row (of the text split at its line
    # breaks) it is shown from or after (a line of prose before it may say the same: Hit.pieces, the review)
    codes = [[code, lang, 0]] if code else []
    base = c.depth if c.kind == "bullet" else None  # list items under prose: the first sets the margin
    came_from = c.origin.rpartition(":")[0] if c.origin else ""
    for n, j in enumerate(snippet.follow):
        f = tree.chunks[j]
        piece = code_piece_after(tree.chunks[j - 1], f) if (snippet.follow[n - 1] if n else snippet.root) == j - 1 \
            else None
        if piece is not None:  # a code block going on: one block, its pieces' "…" and intro not repeated
            lines[-1] = lines[-1].removesuffix("\n…")
            lines.append(piece)
            code = code.removesuffix("\n…") + "\n" + piece if code else piece
            codes[-1:] = [[code, lang, codes[-1][2] if codes else _rows(lines[:-1])]]
            continue
        # text embedded from another note says so on a line of its own where it starts, not as words of its
        # first line (trial s35: "... leave 20 minutes (autolyse). (embedded from Pizza dough)"); the hit's own
        # unit: Hit.origin
        source = f.origin.rpartition(":")[0] if f.origin else ""
        mark = f"(embedded from {_title_of(tree, source)})" if source and source != came_from else ""
        came_from = source
        if n == snippet.jump:  # elsewhere in the note: where it says what the question asks, as a hit opens
            # ... under its own heading, when not the opening's (the hit's breadcrumb is the opening's)
            # ... or its note's own name, under no heading where the opening is under one (trial s61 XB: "… (line 23)"
            # under "Sourdough > Starter (Doris)" had read as of the starter)
            under = f", {f.heading[-1]}" if f.heading and f.heading != c.heading else \
                f", {f.title}" if c.heading and not f.heading and f.title else ""
            # (a later piece of a long code block: its lines, not "intro\n…\n" again, trial s56)
            later = code_piece_after(tree.chunks[j - 1], f) if f.kind == "code" else None
            lines += [f"… (line {f.line}{under})", *([mark] if mark else []),
                      later if later is not None else f"{f.marker} {f.text}" if f.marker else f.text]
            if f.kind == "code":
                code, lang = _own_code(tree, j), f.lang  # (a later piece's lines: _own_code)
                codes.append([code, lang, _rows(lines[:-1])])
            base = f.depth if f.kind == "bullet" else None
            continue
        shown = _code_introduced(tree.chunks[j - 1], f) if f.kind == "code" else None
        prev = tree.chunks[j - 1]
        if f.group is not None and prev.group == f.group and f.kind == prev.kind != "code" and not mark \
                and (snippet.follow[n - 1] if n else snippet.root) == j - 1:
            # the next window of one paragraph goes on in it, not on a line of its own; on the next line where the
            # paragraph keeps its lines ("6.2 ... AGM." then "6.3 Officers ...": trial s54, a constitution's clauses)
            kept = f.kind == "paragraph" and f.line > prev.end_line and ("\n" in prev.text or "\n" in f.text)
            lines[-1] += ("\n" if kept else " ") + f.text
        elif shown is not None:
            lines.append(shown)
            code, lang = shown, f.lang
            codes.append([code, lang, _rows(lines[:-1])])
        elif f.kind == "bullet":
            base = f.depth if base is None else base
            pad, marker = "  " * max(0, f.depth - base), f.marker or "-"
            lines += [pad + mark] if mark else []
            # a block's later lines stay under its first, not at the margin ("10. " takes four)
            lines.append(f"{pad}{marker} {f.text}".replace("\n", "\n" + pad + " " * (len(marker) + 1)))
        else:  # prose under a shown bullet (a block's callout, an embedded page's properties) stays under it
            pad = "  " * (f.depth - base) if base is not None and f.depth > base else ""
            lines += [pad + mark] if mark else []
            lines.append(pad + f.text.replace("\n", "\n" + pad))
    if snippet.more is not None:  # steps cut to fit: where they go on (the hit had ended at a step as if the last)
        lines.append(f"… (more steps from line {tree.chunks[snippet.more].line})")
    if c.hierarchy and joplin.is_item_path(c.path):
        folder = c.hierarchy  # a Joplin note's notebook, as Joplin shows where it is (its file is named by an id)
    else:
        folder = (readable_path(folder_of(c.path, c.hierarchy)) or TOP_LEVEL_NAME) if c.path in tree.same_titles \
            else _parent_page(tree, c.path)
    exp = snippet.explain
    line = tree.chunks[intro].line if intro is not None else _intro_line(tree, snippet.root) or c.line
    end_line = max(tree.chunks[j].end_line for j in (snippet.root, *snippet.follow))
    matched = tree.chunks[snippet.matched] if snippet.matched is not None else c
    match_line = matched.line if matched is not c and matched.line != line else 0
    heading, parents = _where_both_are(tree, snippet, c)
    return Hit(text="\n".join(lines), path=c.path, line=line, end_line=end_line, heading=heading,
               score=round(exp.rank, 4), title=c.title, parents=parents, match=matched.text, kind=c.kind,
               tags=tuple(c.tags), date=matched.date or c.date, explain=exp, folder=folder, origin=c.origin or "",
               match_score=round(exp.fused_score, 4), code=code, code_lang=lang if code else "", match_line=match_line,
               codes=tuple((text, lang, row) for text, lang, row in codes if text.strip()))


def _where_both_are(tree: NoteTree, snippet: Snippet, c: Chunk) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The headings and parents of a hit's breadcrumb: its opening's (c), or, where it goes on under another heading
    ("… (line 17, Suppliers)"), the headings both parts are under (trials s66 B, C, E, G: "Contacts > Owners" over a
    match among the suppliers had read as an owner's)."""
    if snippet.jump is None or snippet.jump >= len(snippet.follow):
        return tuple(c.heading), tuple(c.parents)
    there = tree.chunks[snippet.follow[snippet.jump]].heading
    if there == c.heading:
        return tuple(c.heading), tuple(c.parents)
    n = 0
    while n < min(len(there), len(c.heading)) and there[n] == c.heading[n]:
        n += 1
    return tuple(c.heading[:n]), ()


def _parent_page(tree: NoteTree, path: str) -> str:
    """A Notion subpage's parent page by its title, as Notion's header shows where a page is ("Trip to Japan" over
    Kyoto): its export keeps a page's subpages in a folder beside it, both named with Notion's id ("" for others)."""
    folder = posixpath.dirname(path)
    page = f"{folder}.md"
    return _title_of(tree, page) if folder and page in tree.rows and in_notion_export(folder) else ""


def _title_of(tree: NoteTree, path: str) -> str:
    """A note's title, for a path in the index (else the path)."""
    rows = tree.rows.get(path)
    return tree.chunks[rows[0]].title if rows else path


def _own_code(tree: NoteTree, row: int) -> str:
    """The code of a code chunk shown as a hit: its text after its introducing sentence, if any; of a later piece of a
    long block, its lines, not its "intro\n…" (trial s59 TD: a shader's intro had been shown inside the fence)."""
    after_intro = _introduced(tree, row)
    if after_intro is not None:
        return after_intro
    start, _ = tree.rows[tree.chunks[row].path]
    later = code_piece_after(tree.chunks[row - 1], tree.chunks[row]) if row > start else None
    return tree.chunks[row].text if later is None else later


def _room(budget: int | None, position: int) -> int:
    """Characters the hit at position (0: the best) may show."""
    return budget if budget is not None else SHOW_BUDGETS[min(position, len(SHOW_BUDGETS) - 1)]


def _take_over(tree: NoteTree, out: list[Snippet], at: int, row: int, room: int, shown: set[int]) -> None:
    """Show out[at] from row on (its parent, or an earlier window of its paragraph), if its unit still fits.

    Other hits under row join it when all they show fits too: two bullets of one list read as
    that list under its parent, one hit, not two."""
    under = [i for i in range(len(out)) if i != at and _is_under(tree, out[i].root, row)]
    tries = (under, []) if under else ([],)
    for joined in tries:
        rows = {r for i in (at, *joined) for r in (out[i].root, *out[i].follow)}
        follow = _following(tree, row, room, shown - rows)
        kept = {row, *follow}
        # hits join only if all they showed still shows; a takeover alone keeps at least the hit's unit and the row
        # that matched (a labelled list's item: the s48 figures' "append" parameter had been cut off under its block)
        if (rows <= kept) if joined else ({out[at].root, out[at].matched} - {None} <= kept):
            break
    else:
        return
    shown -= rows
    # the unit that matched best stays the match, shown under the parent that took its hit over
    matched = out[at].matched if out[at].matched is not None else out[at].root
    out[at] = replace(out[at], root=row, follow=tuple(follow), matched=matched if matched != row else None)
    shown |= kept
    for i in sorted(joined, reverse=True):
        del out[i]


def _takeover_share(tree: NoteTree, row: int, later: int | None) -> float:
    """The share of its hit's rank a parent (or an earlier window: later) needs to take the hit over: TAKEOVER, or
    TAKEOVER_CUT for a parent its hit's breadcrumb shows cut (trial s79 G: "Insurance: NFU Mutual, policy FRM 2271
    8830 - public liability £10m. Renewal 1 …" over its task, second, had been dropped for "nfu policy number")."""
    return TAKEOVER_CUT if later is None and crumb_cut(tree.chunks[row].text) else TAKEOVER


def _rank_to_take(tree: NoteTree, out: list[Snippet], row: int, at: int, later: int | None) -> float:
    """The rank a parent of the hit at out[at] needs a share (_takeover_share) of to take it over: that hit's; for the
    parent of several hits, the weakest of them (their common ground: trial s59 RC-027, "ducting route through the side
    wall hits the soil stack" had been only the breadcrumb of three of its children, scoring between them)."""
    if later is not None:
        return out[at].rank
    under = [s.rank for s in out if _is_under(tree, s.root, row)]
    return min(under) if len(under) > 1 else out[at].rank


def _descendant_shown(tree: NoteTree, row: int, out: list[Snippet]) -> int | None:
    """The position of the first shown hit whose unit is under row (a child bullet, or deeper), if any.

    Deeper too, so the outcome does not hang on the order of near-equal scores: a grandparent
    met before its child takes the grandchild's hit over as the child would have, then itself."""
    return next((i for i, s in enumerate(out) if _is_under(tree, s.root, row)), None)


def _is_under(tree: NoteTree, row: int, ancestor: int) -> bool:
    """Is row a child bullet of ancestor, or deeper under it?"""
    p = tree.parent[row]
    while p is not None:
        if p == ancestor:
            return True
        p = tree.parent[p]
    return False


def _later_window_shown(tree: NoteTree, row: int, out: list[Snippet]) -> int | None:
    """The position of the shown hit whose unit is a later window of row's paragraph, if any.

    A long paragraph is embedded as runs of sentences; when the run that sets up a
    point scores nearly as well as the run shown, the answer is often in the first."""
    first = tree.first_window[row]
    if first is None:
        return None
    return next((i for i, s in enumerate(out) if row < s.root and tree.first_window[s.root] == first), None)


def _hits_of_paragraph(tree: NoteTree, row: int, out: list[Snippet]) -> int:
    """How many hits show a window of row's paragraph first."""
    first = tree.first_window[row]
    return sum(tree.first_window[s.root] == first for s in out) if first is not None else 0


def _same_paragraph_shown(tree: NoteTree, row: int, shown: set[int], out: list[Snippet]) -> bool:
    """True if an earlier window of the same paragraph is already shown in a hit of that paragraph (row goes on from
    it: a later one is not). A paragraph shown only after another hit's unit, cut for room before row, is not: row is
    a hit of its own (trial s77 Z: "LR said he wants ..." had never been shown, the paragraph's first window shown
    after the one before it)."""
    first = tree.first_window[row]
    return first is not None and any(tree.first_window[s] == first and s < row for s in shown) \
        and _hits_of_paragraph(tree, row, out) > 0


def _from_paragraph_start(tree: NoteTree, row: int, budget: int, shown: set[int]) -> tuple[int, list[int]]:
    """(first unit shown, units after it) for a hit on row.

    A later window of a long paragraph starts mid-thought ("In my case that's a million
    comparisons..."); when the paragraph up to it fits the budget, it is shown from its start."""
    first = tree.first_window[row]
    if first is not None and first < row and not shown.intersection(range(first, row)) and \
            sum(len(tree.chunks[j].text) + 1 for j in range(first, row + 1)) <= budget + 1:
        follow = _following(tree, first, budget, shown)
        if row in follow:
            return first, follow
    return row, _following(tree, row, budget, shown)


# A note of this many characters or fewer (Apple Notes' "Haircut": three lines) is shown whole: the hit is
# the note, as short as a passage, and the line that answers may be the one next to the closest (trial EV:
# "who cuts my hair?" had shown the price line, the barber's name one line above it; benchmarks/README.md)
SMALL_NOTE = 400


def _small_note(tree: NoteTree, row: int, room: int, shown: set[int]) -> list[int]:
    """The rows of row's note when it is a small note of no code (SMALL_NOTE, and room, characters or fewer)
    none of whose units another hit shows: the hit shows it whole, from its start; [] for any other."""
    start, end = tree.rows[tree.chunks[row].path]
    limit = min(SMALL_NOTE, room)
    if not 2 <= end - start <= limit // 2 or _length_over(tree.chunks, start, end, limit):
        return []  # (its size first: a long post's thousand units had each been read at every hit: the latency)
    rows = list(range(start, end))
    if any(j in shown or not _flat(tree.chunks[j]) for j in rows) \
            or len({tuple(tree.chunks[j].heading) for j in rows}) > 1 \
            or any(tree.chunks[j].kind == "paragraph" and _records(tree.chunks[j - 1], tree.chunks[j]) for j in rows[1:]):
        return []
    return rows


def _length_over(chunks: list[Chunk], start: int, end: int, limit: int) -> bool:
    """Do the units of rows start to end, a line each, take more than limit characters (read until they do)?"""
    total = 0
    for j in range(start, end):
        total += len(chunks[j].text) + 1
        if total > limit:
            return True
    return False


def _flat(c: Chunk) -> bool:
    """Is c a line of a note written as lines (a phone's note, a short journal entry): no code, no table, not
    under another item nor nested in one, nor a line that stands alone (a flashcard, a glossary's term, a
    record after a "---", a clipped page's furniture)?"""
    return c.kind in ("paragraph", "bullet") and c.parent is None and c.depth <= 1 and not c.parents \
        and not c.after_rule and not boilerplate(c.text) and not is_gloss(c.text) and not QA_CARD.match(c.text)


def _placed(exp: Explanation) -> bool:
    """Is the hit shown where a rule of its own puts it (where a note links, a listing, a mention, the note a
    question names opened at that name), or is it an item of its own (a task in the state asked for: trial s36's
    "which tasks did I cancel?" had shown a day's four entries from its TODO)?"""
    return exp.links or exp.listed or bool(exp.mention) or exp.opened or exp.task_match > 0


_FIELD = re.compile(r"[^|:]{1,40}: ")  # a row's first cell under its column's header ("Test: Potassium")
SECTION_LIST = 8  # a list of this many items or fewer directly under a heading the question names is shown whole
# ... and a table of as many rows a question asks for all of, in this much room, whatever the hit's: its rows are the
# answer (trial s61 XA: "list the vlans and their subnets" had shown 3 of 8 rows, each a hit)
LIST_TABLE_ROOM = 1200
# ... and a list of this many items, in that room (trial s62 B: "things to pack for bologna", nine, one a hit; trial
# s65 H: "what do i need to pack for a domi", a kit checklist of 13, had come an item a hit, in no order)
LISTING_ITEMS = 20


def _section_list(tree: NoteTree, row: int, budget: int, shown: set[int], steps: bool = False,
                  whole: bool = False, most: int = SECTION_LIST) -> list[int]:
    """The items of the list row is a later item of (whole: or the first), when they sit right under their
    heading (no parent bullet), are most or fewer, none is shown yet, and, with what is under them (and
    the code the last introduces), they fit budget ("Currently unavailable for flashcards ..." first of "###
    Limitations and Known Issues"); with steps, only numbered steps counted on from 1 (not the bullets before
    them), from the first to row's and as many after it as fit budget; else []."""
    chunks = tree.chunks
    c = chunks[row]
    # (a paragraph that labels the list is no parent bullet: "How to repressurise (sent to tenants):" over its steps,
    # trial s52's step 5 had come alone, steps 1-4 a hit after it)
    if c.kind != "bullet" or c.parent is not None and chunks[tree.parent[row]].kind == "bullet":
        return []
    start, end = tree.rows[c.path]

    def item(j: int) -> bool:  # (not a page embedded beside the list: its blocks are another note's, trial s64 J)
        d = chunks[j]
        # (nor a list in a callout after it: "> [!warning] Lesson from August" > "- Every visit needs ..." had been
        # shown under the plain list above it, its title lost, trial s74 AA)
        return d.kind == "bullet" and d.heading == c.heading and d.depth == c.depth and (not steps or numbered(d)) \
            and (d.origin == c.origin or not _embeds_a_page(chunks, j, end, c.depth)) \
            and (d.parents == c.parents or bool(d.origin))

    def under(j: int) -> bool:  # in the list: an item, or a bullet or code under one (a Logseq step's code block)
        d = chunks[j]
        return d.heading == c.heading and (d.kind == "bullet" and (d.depth > c.depth or item(j))
                                           or d.kind == "code" and d.parent is not None)

    # (the scans stop where the rows outgrow budget: a running log's list of 27,000 bullets (trial s38) is no
    # section list, and had been read whole for each hit)
    first, used = row, len(c.text) + 1
    while first > start and under(first - 1):
        used += len(chunks[first - 1].text) + 1
        if used > budget + 1:
            if not steps:
                return []
            break  # (steps counted back from row: a step 1 further back would not fit either)
        first -= 1
    while not item(first):
        first += 1
    if steps:  # the steps counted down to 1 from row's (not a list of steps before them, nor another list)
        items = [j for j in range(first, row + 1) if item(j)]
        n = len(items) - 1
        while n and step_number(chunks[items[n - 1]]) == (step_number(chunks[items[n]]) or 0) - 1:
            n -= 1
        first = items[n] if step_number(chunks[items[n]]) == 1 else row
    if first == row and not whole:
        return []
    last, used = row, sum(len(chunks[j].text) + 1 for j in range(first, row + 1))
    while last + 1 < end and under(last + 1):
        used += len(chunks[last + 1].text) + 1
        if used > budget + 1:
            if not steps:
                return []
            break  # steps from the first to row's and what fits after (trial s48: a runbook's eight, step 4 asked)
        last += 1
    rows = list(range(first, last + 1))
    if last + 1 < end and code_after(chunks[last], chunks[last + 1]) is not None:
        rows.append(last + 1)  # "3. ... write your CSS:" and the CSS (the recheck: it had come as the next hit)
        if steps and last > row and sum(len(chunks[j].text) + 1 for j in rows) > budget + 1:
            rows = rows[:-2]  # a later step whose code does not fit: neither shown
    if sum(item(j) for j in rows) > most or shown.intersection(rows) or \
            sum(len(chunks[j].text) + 1 for j in rows) > budget + 1:
        return []
    return rows if len(rows) > 1 else []  # (a list of one item is the row alone: no list, other rules may show it)


def _list_shown_on(tree: NoteTree, row: int, follow: list[int], room: int, shown: set[int]) -> list[int]:
    """The rows before row of the short list under a heading (_section_list) that row is a later item of, its earlier
    items and what is under them, when the hit on row shows the rest of it (follow), that rest is no fewer items than
    come before row, and with them the hit still fits room; else []. A list shown from its second item reads as the
    whole list (trial s68 C: "which upvc lock makes do i come across most" had shown four makes, not the first,
    "Fullex"). Not a day's entries (of a daily note too: trial s68 D's "xmas do Fri 18 Dec" had been shown under the
    day's reminder before it), nor a log's of days apart (_one_day), each a record of its own (trial s36's log, trial
    s65 X's incidents); nothing the hit showed is left out for them (the s68 shared sets: a Logseq list read to a
    block's properties had cut "There're two ways to make ... template" from its hit)."""
    if under_a_day(tree.chunks[row]) or daily_note(tree.chunks[row].path):
        return []
    rows = _one_day(tree, _section_list(tree, row, room, shown, whole=True), row)
    if not rows or rows[0] == row or not set(rows[rows.index(row):]) <= {row, *follow}:
        return []
    depth = tree.chunks[row].depth
    items = [j for j in rows if tree.chunks[j].depth == depth]
    before = sum(j < row for j in items)
    earlier = rows[:rows.index(row)]
    if len(items) - before < before or \
            sum(len(tree.chunks[j].text) + 1 for j in (*earlier, row, *follow)) > room + 1:
        return []
    return earlier


def _one_day(tree: NoteTree, rows: list[int], row: int) -> list[int]:
    """rows, the list a hit of the days asked shows whole, when its items are of days near row's (a day's list, a
    month's journal: ONE_LIST_DAYS), else []: a log's entries of other years are no part of it ("14 Sep 2024 wheelie
    bin ..." above "5 Nov 2026 extra walk round" for "what did i do last bonfire night", trial s65 X)."""
    day = _as_day(tree.chunks[row].date)
    return rows if day is None or all((d := _as_day(tree.chunks[j].date)) is None or abs((d - day).days)
                                      <= ONE_LIST_DAYS for j in rows) else []


ONE_LIST_DAYS = 31  # days apart the items of a list of the days asked may be (a month's journal: the rescore)


def _as_day(iso: str | None):
    """The date of an ISO day ("2026-11-05..."), or None."""
    import datetime

    try:
        return datetime.date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


LEAD_IN_ITEM = 3  # words: an item this short says nothing of what it is an item of ("fault tolerance.")


def _led_in_list(tree: NoteTree, row: int, budget: int, shown: set[int]) -> list[int]:
    """For an item of LEAD_IN_ITEM words or fewer, the paragraph that leads into its list (its last part, ending with a
    colon: "This has the advantages of:") and the list (_section_list's rules), when they fit budget together; else
    [] (trial s38: "fault tolerance." alone had been the first hit for "what do my notes say about fault
    tolerance?", not what it is an advantage of)."""
    chunks = tree.chunks
    c = chunks[row]
    if c.kind != "bullet" or c.parent is not None or word_count(c.text) > LEAD_IN_ITEM:
        return []
    items = _section_list(tree, row, budget, shown, whole=True)
    lead = items[0] - 1 if items else -1
    if lead < tree.rows[c.path][0] or lead in shown:
        return []
    before = chunks[lead]
    if before.kind != "paragraph" or before.heading != c.heading or not before.text.rstrip().endswith(":"):
        return []
    rows = [lead, *items]
    return rows if sum(len(chunks[j].text) + 1 for j in rows) <= budget + 1 else []


def _labelled_list(tree: NoteTree, row: int, budget: int, shown: set[int], named: bool = False) -> list[int]:
    """For a bullet under a parent bullet that only labels its list (LABEL_WORDS, ending with a colon: "need:"; or,
    named, one the question names: "Out (for v1)", ranking._label_named), the label and all under it, when the list
    has SECTION_LIST items or fewer, none is shown yet and they fit budget; else [] (trial s48: "what do i need for
    nmc revalidation?" had shown six items as two hits, neither whole)."""
    chunks = tree.chunks
    c = chunks[row]
    if c.kind != "bullet" or c.parent is None:
        return []
    label = row - (c.seq - c.parent)
    head = chunks[label]
    if head.kind != "bullet" or not (named or head.text.rstrip().endswith(":")) or word_count(head.text) > LABEL_WORDS:
        return []
    rows, end, used = [label], tree.rows[c.path][1], len(head.text) + 1
    while rows[-1] + 1 < end and _descends(chunks, rows[-1] + 1, head.seq):
        rows.append(rows[-1] + 1)
        used += len(chunks[rows[-1]].text) + 1
        if used > budget + 1:  # (the scan ends where the rows outgrow budget: a "log:" over 20,000 bullets, the review)
            return []
    items = [j for j in rows if chunks[j].parent == head.seq]
    if len(items) > SECTION_LIST or shown.intersection(rows):
        return []
    # (its items' own: not a copy embedded among them, nor a callout's list under parents of its own)
    return rows if all(len(chunks[j].parents) == len(head.parents) + 1 for j in items) else []


def _descends(chunks: list[Chunk], row: int, seq: int) -> bool:
    """Is the chunk at row under its note's chunk seq (a child, a grandchild, ...)?"""
    c = chunks[row]
    parent = c.parent
    while parent is not None and parent > seq:
        parent = chunks[row - (c.seq - parent)].parent
    return parent == seq


def _captioned_table(tree: NoteTree, row: int, budget: int, shown: set[int]) -> list[int]:
    """For a table's caption line ("Manual fallback: the recovery keys, 3 of 5 are needed. Holders:"), the caption
    and the table's rows, when it has SECTION_LIST rows or fewer, none is shown yet and they fit budget; else [] (trial
    s48: the caption had come alone, the holders as the next hit)."""
    chunks = tree.chunks
    c = chunks[row]
    if c.kind not in ("paragraph", "bullet") or row + 1 >= tree.rows[c.path][1]:
        return []
    first = chunks[row + 1]
    if first.kind != "table_row" or first.heading != c.heading:  # (not the next section's: a Logseq "- ## SLEs so far"
        return []  # block's table after "Midpoint meeting booked ..." under "## Supervisor", trial s74 A)
    # (its parent, or, a block of a few words, no sentence, the block before it: a Logseq page's "- Current hogs in
    # (updated 4 Dec 2026)" over the next block's table, trial s64 Q, had come alone for three questions)
    parent = bool(first.parents) and first.parents[-1].rstrip(" :") == c.text.rstrip(" :")
    before = c.kind == "bullet" and first.parents == c.parents and first.depth == c.depth and _caption_like(c.text)
    if not (parent or before):
        return []
    rows = _whole_table(tree, row + 1, budget - len(c.text) - 1, shown, SECTION_LIST)
    return [row, *rows] if rows else []


CAPTION_CHARS = 80


def _caption_like(text: str) -> bool:
    """Is text one short line, no sentence, as a table's caption is?"""
    return len(text) <= CAPTION_CHARS and _one_line_no_sentence(text)


def _one_line_no_sentence(text: str) -> bool:
    """Is text one line that ends no sentence (a caption's, a heading block's)?"""
    return "\n" not in text.strip() and not text.rstrip().endswith((".", "!", "?"))


def _section_table(tree: NoteTree, row: int, budget: int, shown: set[int]) -> list[int]:
    """The rows of the table row is in, when it has SECTION_LIST rows or fewer, none is shown yet and they fit
    budget: under the heading a question names, the table is the answer (trial HV: "how do I install Brindle on
    Linux?" showed the .deb row, then the Flatpak row as another hit, never the AppImage row); else []."""
    return _whole_table(tree, row, budget, shown, SECTION_LIST) if tree.chunks[row].kind == "table_row" else []


def _whole_table(tree: NoteTree, row: int, budget: int, shown: set[int], most: int) -> list[int]:
    """The rows of the table row is in, when there are two to most, none is shown yet and they fit budget; else []."""
    rows = list(table_rows(tree.chunks, row))
    if len(rows) < 2 or len(rows) > most or shown.intersection(rows) or \
            sum(len(tree.chunks[j].text) + 1 for j in rows) > budget + 1:
        return []
    return rows


SMALL_TABLE = 6  # a comparison table of this many rows or fewer is shown whole when one of its rows is a hit


def _small_table(tree: NoteTree, row: int, budget: int, shown: set[int]) -> list[int]:
    """The rows of the comparison table row is in ("| | linearizability | serializability |": its first
    column has no header, each row an aspect the columns are compared on), when it has SMALL_TABLE rows or
    fewer, none shown yet, and they fit budget together; else []. A table of records (its first column
    headed: "Test: Potassium | Range: ...") shows the row alone: the next one is another record. (For a row
    of a question that names two of its columns: Explanation.compares.)"""
    chunks = tree.chunks
    if chunks[row].kind != "table_row" or any(_FIELD.match(chunks[j].text) for j in table_rows(chunks, row)):
        return []  # (a table of records)
    return _whole_table(tree, row, budget, shown, SMALL_TABLE)


def _following(tree: NoteTree, row: int, budget: int, shown: set[int] = frozenset()) -> list[int]:
    """Units after row under the same parent (its children, then its later siblings), within budget.

    Stops before a unit another hit already shows, so nothing appears twice."""
    chunks = tree.chunks
    c = chunks[row]
    _, end = tree.rows[c.path]
    used = len(c.text)
    out: list[int] = []
    said = {c.text}  # a block embedded twice (alone, and in its page's embed) is shown once
    label = _is_label(chunks, row, end)
    # a task, or a dated entry of a log, is shown with what is under it, not the ones after it (a done task
    # in "what's overdue?", the next decision under "what did we decide about SMS?"); so is a bullet under the heading
    # of a day of many things, one of them (the trial of one big file: a journal's hits had gone on to the day's
    # others); a day of a few reads on, one conversation (trial s44: a 1:1's "missed the deadline twice" had been
    # shown without the "stuck on the S3 permissions" after it)
    alone = _alone(c) or c.kind == "bullet" and (row in tree.in_long_lists or _CARD_BLOCK.search(c.text) is not None
                                                 or _siblings(c) in tree.busy_days or _day_entry(chunks, row, end))
    for j in range(row + 1, end):
        nxt = chunks[j]
        if j in shown or nxt.after_rule:  # (a "---" ends a record: the Kindle plugin's between highlights)
            break
        if boilerplate(nxt.text):
            break  # a clipped page's furniture ("Share on Facebook", its cookie notice) is not what a passage goes on to say
        after_last = j - 1 == row or (out and out[-1] == j - 1)
        piece = code_piece_after(chunks[j - 1], nxt) if after_last else None
        if piece is not None:  # the code block shown goes on: its next piece, while it fits
            if used + len(piece) + 1 > budget:
                break
            out.append(j)
            used += len(piece) + 1
            continue
        if out and chunks[out[-1]].kind == "code":
            break  # code ends the hit
        if nxt.kind == "code":
            # the code a shown unit introduces ("run this query:", a Logseq block and its query) is
            # what the reader wants next, and ends the hit; other code ends it at once
            code = _code_introduced(chunks[j - 1], nxt) if after_last else None
            if code is not None and used + len(code) + 1 <= budget:
                out.append(j)
                used += len(code) + 1
                continue  # ... after the rest of its block
            break
        if c.kind == "quote" and (not c.parents or c.parent is None and nxt.parents[:len(c.parents)] != c.parents) \
                and j - 1 == row and nxt.kind != "quote" and nxt.line > c.end_line + 1:
            break  # a quote, a callout of one line, ends where it does, not in the list a blank line after it (trial
            # s47: a tip had gone on to the prices; under its title too, trial s89 D, where what follows is not under
            # that title); a list inside it goes on from the line under it (a callout's list after a blank line: the
            # shared Obsidian set's "SIP" note)
        if nxt.kind == "bullet" and nxt.depth <= c.depth and _CARD_BLOCK.search(nxt.text) is not None:
            break  # a flashcard after it is another question, its answer under it (trial s52: "opioid toxicity triad?
            # #card" had ended a hit, without its answer)
        if c.origin and not nxt.origin:
            break  # an embed's text ends where the embed does: the note's own bullets after it are not the other note's
            # (an embed inside the embedded text keeps its own origin: still the embed's, the review)
        if not c.origin and nxt.origin and nxt.depth <= c.depth and _embeds_a_page(chunks, j, end, c.depth):
            break  # ... and a block's own text before another note's page embedded beside it, not under it (trials s64
            # J, KYK-028: "keep 1 day off a week in Aug!!!" had gone on to the whole of an embedded Qualifications page);
            # a block embedded among a list's items is one of them
        if label or alone:  # a list's label: its own list, not the next label's (nor the next section's list)
            if nxt.depth <= c.depth or nxt.kind == "code" or nxt.heading != c.heading:
                break
        elif not _same_scope(c, nxt) or (c.kind != "bullet" and _is_label(chunks, j, end)):
            break
        if nxt.origin and nxt.text in said:
            continue
        if used + len(nxt.text) + 1 > budget:
            break
        out.append(j)
        said.add(nxt.text)
        used += len(nxt.text) + 1
        if budget - used < MIN_FOLLOW:
            break
    # (not a label whose list is left out for room: "- Actions:" had ended a hit, its tasks not shown, trial s63 G; nor
    # a few words over what is left out, "- Inventory (counted 2026-11-22)" after a padlock's code, trial s64 G)
    while out and (_introduces(chunks[out[-1]]) or _names_what_follows(chunks[out[-1]])) and out[-1] + 1 < end \
            and chunks[out[-1] + 1].parent == chunks[out[-1]].seq:
        out.pop()
    return out


def _embeds_a_page(chunks: list[Chunk], row: int, end: int, depth: int) -> bool:
    """Is row in text embedded from another note that holds more than one block at depth or above (a page's blocks,
    not one block among a list's items)? end: its note's end."""
    source = chunks[row].origin.rpartition(":")[0] if chunks[row].origin else None
    if not source:
        return False
    def same(j: int) -> bool:  # (of the same embed: a block referenced alone and a page embedded after it are two,
        # trial s69 F: Flint's "((frog/sole support))" had been left out of its list, the protocol embedded below it)
        return bool(chunks[j].origin) and chunks[j].origin.rpartition(":")[0] == source and chunks[j].path == \
            chunks[row].path and chunks[j].line == chunks[row].line
    first = row
    while first > 0 and same(first - 1):
        first -= 1
    tops = 0
    for j in range(first, end):
        if not same(j):
            break
        tops += chunks[j].depth <= depth
        if tops > 1:
            return True
    return False


HEAD_WORDS = 6  # a block of this many words at most, no sentence, over blocks of its own: it names them


def _names_what_follows(c: Chunk) -> bool:
    """Is a block only a few words, no sentence (HEAD_WORDS), as a block that heads blocks under it is?"""
    return len(c.text.split()) <= HEAD_WORDS and _one_line_no_sentence(c.text)


def _day_entry(chunks: list[Chunk], row: int, end: int) -> bool:
    """Is the bullet at row an entry of a daily note, a block at its top with blocks under it (a Logseq journal's)?
    It is shown with what is under it, not the day's next entries (trials s48, s49: "terraform stuck lock" had gone on
    to the day's next block, a merchant's traffic spike)."""
    c = chunks[row]
    return c.parent is None and not c.parents and row + 1 < end and chunks[row + 1].parent == c.seq \
        and daily_note(c.path)


def _logs(chunks: list[Chunk]) -> frozenset[str]:
    """The notes with passages under more than one day's heading (a journal or worklog of one file, a running 1:1
    page): a daily note of one day's heading is none, its bullets read on as any note's (the review)."""
    days: dict[str, set[str]] = {}
    heads: dict[tuple[str, ...], str | None] = {}  # (a heading path read once: a journal's 17,000 bullets)
    for c in chunks:
        key = tuple(c.heading)  # (its headings first: a bullet's parents, which vary, only when they say no day)
        day = heads[key] if key in heads else heads.setdefault(key, headings_day(key))
        if day is None and c.parents:
            key = (*c.heading, *c.parents)
            day = heads[key] if key in heads else heads.setdefault(key, headings_day(key))
        if day:  # under a day's heading (not a dated table row: an on-call rota is no journal)
            days.setdefault(c.path, set()).add(day)
    return frozenset(p for p, d in days.items() if len(d) > 1)


BUSY_DAY = 6  # a log's day of more things than this (a journal's 15 to 20 a day) shows each alone; of fewer, they read on


def _siblings(c: Chunk) -> tuple:
    return c.path, tuple(c.heading), tuple(c.parents)


def _busy_days(chunks: list[Chunk], logs: frozenset[str]) -> frozenset[tuple]:
    """The days of a log (by _siblings: a day's heading, or a parent bullet that is a day, and what they are under)
    with more than BUSY_DAY bullets of the same parents under them."""
    count: dict[tuple, int] = {}
    for c in chunks:
        if c.path in logs and c.kind == "bullet":
            key = _siblings(c)
            count[key] = count.get(key, 0) + 1
    return frozenset(key for key, n in count.items() if n > BUSY_DAY and headings_day((*key[1], *key[2])) is not None)


def under_a_day(c: Chunk) -> bool:
    """Is c under a heading or parent bullet that is a day ("## Friday 5 April 2024", "### 14th" of "## November" of
    "# 2022"), as a journal of one file heads each day's things?"""
    return headings_day((*c.heading, *c.parents)) is not None


# a Logseq flashcard's block ("What is Boas' sign? #card", "#card" first): its answer is under it, the next block
# is another card (not "Buy a birthday #card at the shop")
_CARD_BLOCK = re.compile(r"^#card\b|\s#card\s*(?:\n|$)", re.IGNORECASE)
LONG_LIST = 40  # a list of more items than this (a snippets list, a log, 5,000 ideas): each item stands alone


def _long_lists(chunks: list[Chunk]) -> frozenset[int]:
    """The rows of bullets that are one of more than LONG_LIST items of one list (their siblings: the same note,
    depth, parent and heading): their neighbours are other entries, not what they go on to say."""
    lists: dict[tuple, list[int]] = {}
    for i, c in enumerate(chunks):
        if c.kind == "bullet":
            lists.setdefault((c.path, c.depth, c.parent, tuple(c.heading)), []).append(i)
    return frozenset(i for items in lists.values() if len(items) > LONG_LIST for i in items)


def code_piece_after(prev: Chunk, nxt: Chunk) -> str | None:
    """nxt's lines when it is the next piece of prev's code block (a long block is chunked in pieces
    of whole lines, each "intro\n…\nlines"): the lines alone; None when it is not."""
    if prev.kind != "code" or nxt.kind != "code" or nxt.group is None or nxt.group != prev.group \
            or nxt.path != prev.path:
        return None
    return nxt.text.partition("…\n")[2]


def code_after(intro: Chunk, code: Chunk) -> str | None:
    """The code of a code chunk introduced by the unit just before it (a code chunk's text starts
    with the last sentence of the paragraph before it, for search); None when that unit does not
    introduce it."""
    head, sep, body = code.text.partition("\n")
    said, head = " ".join(intro.text.split()), " ".join(head.split())  # (a wrapped paragraph too)
    # a callout's paragraph too, for code inside that callout (trial s37: "... the old tip is in the reflog:" had
    # been shown as code; code after a callout is not in it), and a list item whose text goes on after the code
    # nested in it ("Find them with:", the code, "and drop them"; not a bullet that only mentions its first line)
    inside = intro.kind == "quote" and intro.parents == code.parents and intro.heading == code.heading
    goes_on = intro.kind == "bullet" and code.parent == intro.seq and f"{head} " in said
    if not (intro.kind in ("paragraph", "bullet") or inside) or not sep or not head \
            or not (said.endswith(head) or goes_on):
        return None  # not a callout: code after it is not in it
    return body.lstrip("\n")


def _code_introduced(intro: Chunk, code: Chunk) -> str | None:
    """The code of a code chunk the unit before it introduces (code_after), or of a block of code nested under a
    bullet that ends by introducing it (a Logseq block "connect to the admin console:" and its child block of code:
    trial s46 had shown the two as two hits, the first alone); else None."""
    if (after := code_after(intro, code)) is not None:
        return after
    return code.text if intro.kind == "bullet" and code.parent == intro.seq and _introduces(intro) else None


def _is_label(chunks: list[Chunk], row: int, end: int) -> bool:
    """A paragraph that names the list under it (its next chunk has it as parent)."""
    c = chunks[row]
    return c.kind == "paragraph" and row + 1 < end and chunks[row + 1].parent == c.seq


def _introduces(c: Chunk) -> bool:
    """Does a passage end by introducing what follows ("This was taken from the book Clean Code:")?"""
    return c.text.rstrip().endswith(":")


def _same_scope(c: Chunk, nxt: Chunk) -> bool:
    if nxt.heading != c.heading or nxt.kind == "code":
        return False
    if c.kind == "bullet":  # what is under it (a Logseq block's callout, an embedded page's properties too), then its siblings
        if nxt.depth == c.depth and _glosses(c, nxt):
            return False  # the next term of a glossary is another answer
        return nxt.depth > c.depth and nxt.kind in ("bullet", "paragraph", "quote") or \
            nxt.kind == "bullet" and nxt.depth == c.depth and nxt.parent == c.parent and _same_list(c, nxt)
    if c.kind in ("paragraph", "quote"):
        if _records(c, nxt) or QA_CARD.match(c.text) or _entry(c) and _entry(nxt):
            return False  # the next card or field of a paragraph read line by line, after a Q: and A: card, or the
            # next term of a glossary
        if nxt.kind == "quote" and nxt.parents != c.parents and not (c.kind == "paragraph" and _introduces(c)):
            return False  # another callout (not the one a line that ends in a colon introduces: "... else where:")
        if not c.depth and not _same_list(c, nxt) and (c.kind == "quote" and c.parents or nxt.kind == "bullet" and
                                                         nxt.parent != c.seq and not _introduces(c)):
            return False  # a callout ends where its lines do, and begins where they do: a list in one is its own
        if c.depth:  # prose inside a list item (a callout in a Logseq block): what is under that item
            return nxt.kind in ("paragraph", "quote", "bullet") and nxt.depth >= c.depth and (
                nxt.depth > c.depth or nxt.parent == c.parent)
        # prose often sets up a point and makes it in the next sentence or paragraph
        return nxt.kind in ("paragraph", "quote", "bullet") and nxt.depth <= c.depth + 1
    return False  # a table row is a record, shown with its column names: the next row is another answer


def _same_list(c: Chunk, nxt: Chunk) -> bool:
    """Are c and nxt under the same parents, callouts too (a list in a callout is not the list before it)? An
    embedded copy is under where it is embedded (its parents go on with its own note's)."""
    return nxt.parents == c.parents or bool(nxt.origin) and nxt.parents[:len(c.parents)] == c.parents


# a glossary's entry written as a paragraph, as units.definition reads a definition list's: "Front matter — The ...",
# "package.json – The ..." (a term of a few words, no sentence before its dash: not prose that has a dash in it)
_TERM_WORD = r"[^\s—–]*[^\s—–.!?:;,]"
_ENTRY = re.compile(rf"^{_TERM_WORD}(?: {_TERM_WORD}){{0,4}} [—–] \S")


def _entry(c: Chunk) -> bool:
    """Is c a glossary's entry written as a paragraph of its own (not a window of a longer paragraph)?"""
    return c.kind == "paragraph" and c.group is None and _ENTRY.match(c.text) is not None


def _glosses(c: Chunk, nxt: Chunk) -> bool:
    """Are c and nxt two entries of a glossary ("courée — a courtyard of ...", "TTL = time to live")?"""
    return is_gloss(c.text) and is_gloss(nxt.text)


def _records(c: Chunk, nxt: Chunk) -> bool:
    """Are c and nxt two records of one paragraph read line by line (units.record_lines: flashcards, fields),
    each on the line after the other, not two windows of one paragraph (a group) nor two paragraphs?"""
    return c.kind == nxt.kind and nxt.line == c.end_line + 1 and (c.group is None or nxt.group != c.group)


def _origins(chunks: list[Chunk]) -> dict[int, int]:
    """Each embedded copy's row -> the row of the same text in the note it comes from, where that
    note is indexed (by text: a long paragraph is cut into the same windows in both; else the row at the line the
    copy names, as for a Logseq reference's copy of a block of several lines: the review)."""
    wanted: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(chunks):
        if c.origin:
            wanted.setdefault((c.origin.rpartition(":")[0], c.text), []).append(i)
    out: dict[int, int] = {}
    if not wanted:
        return out
    at: dict[tuple[str, str], int] = {}  # a note's row at each line
    for i, c in enumerate(chunks):
        for j in (wanted.pop((c.path, c.text), ()) if not c.origin else ()):
            out[j] = i
        if not c.origin:
            at.setdefault((c.path, str(c.line)), i)
    for js in wanted.values():  # a reference's copy (its block's lines joined on one): the row at the line it names
        for j in js:
            path, _, line = chunks[j].origin.rpartition(":")
            if (path, line) in at:
                out[j] = at[(path, line)]
    return out


def _same_titles(chunks: list[Chunk]) -> frozenset[str]:
    """Notes whose title another note in the index has too: their hits name their folder."""
    by_title: dict[str, set[str]] = {}
    for c in chunks:
        by_title.setdefault(c.title.casefold(), set()).add(c.path)
    return frozenset(p for paths in by_title.values() if len(paths) > 1 for p in paths)
