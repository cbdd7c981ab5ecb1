"""Which text a hit shows (snippets.py): what follows the match, takeovers, budgets, nothing twice."""

import dataclasses

import pytest

from notesqa import NotesIndex, build_index, snippets
from notesqa.chunking import Chunk
from notesqa.ranking import Candidate, Explanation
from notesqa.snippets import NoteTree, Snippet, select, select_notes, to_hit

from conftest import embeds_graph, write


def open_index(index, embedder):
    return NotesIndex.open(index, embedder=embedder)


def _chunk(path, seq, text, kind="bullet", depth=0, parent=None, group=None, origin=None):
    return Chunk(path=path, line=seq + 1, end_line=seq + 1, kind=kind, text=text, title=path.rsplit("/", 1)[-1][:-3],
                 heading=["H"],
                 parents=[], tags=[], date=None, seq=seq, depth=depth, parent=parent, group=group, origin=origin)


# a.md: a bullet tree; b.md: a paragraph in two windows, then an embedded copy of an a.md bullet
TINY = [_chunk("a.md", 0, "Lessons"),
        _chunk("a.md", 1, "Organize into cells", depth=1, parent=0),
        _chunk("a.md", 2, "Cell based architecture", depth=2, parent=1),
        _chunk("a.md", 3, "Shuffle sharding", depth=2, parent=1),
        _chunk("a.md", 4, "Automate", depth=1, parent=0),
        _chunk("b.md", 0, "A long paragraph, its first run of sentences.", kind="paragraph", group=0),
        _chunk("b.md", 1, "Its second run of sentences.", kind="paragraph", group=0),
        _chunk("b.md", 2, "Shuffle sharding", depth=0, origin="a.md:4")]


def _ranked(*pairs, fused=None):
    """Candidates (row, rank), best first; fused: row -> a match score other than the rank."""
    fused = fused or {}
    return [Candidate(row, rank, Explanation(None, rank, None, 0.0, fused.get(row, rank), rank=rank))
            for row, rank in pairs]


def _shown(snips):
    return [(s.root, s.follow) for s in snips]


def test_the_note_tree_gives_rows_for_seqs():
    tree = NoteTree.build(TINY)
    assert tree.rows == {"a.md": (0, 5), "b.md": (5, 8)}
    assert tree.parent == (None, 0, 1, 1, 0, None, None, None)
    assert tree.first_window == (None,) * 5 + (5, 5, None)
    assert tree.origins == {7: 3}  # the copy's text in the note it comes from
    assert tree.same_titles == frozenset()
    assert [c.text for c in tree.note("b.md")][-1] == "Shuffle sharding" and tree.note("nope.md") == []


def test_a_parent_scoring_nearly_as_well_takes_over_its_childs_hit():
    tree = NoteTree.build(TINY)
    assert _shown(select(tree, _ranked((3, 0.9), (1, 0.8)), 5, 600, None, {})) == [(1, (2, 3, 4))]
    # scoring much lower, it is not shown: it is in the hit's breadcrumb; so is the grandparent
    assert _shown(select(tree, _ranked((3, 0.9), (1, 0.5), (0, 0.6)), 5, 600, None, {})) == [(3, ())]
    # a grandparent scoring nearly as well takes over, met before the parent or after it
    for ranked in (_ranked((3, 0.9), (0, 0.85), (1, 0.8)), _ranked((3, 0.9), (1, 0.8), (0, 0.85))):
        assert _shown(select(tree, ranked, 5, 600, None, {})) == [(0, (1, 2, 3, 4))]
    # the takeover needs room for the child after it
    assert _shown(select(tree, _ranked((3, 0.9), (1, 0.8)), 5, 40, None, {})) == [(3, ())]


def test_a_parent_the_breadcrumb_shows_cut_takes_over_at_a_lower_share():
    # trial s79 G: "Insurance: NFU Mutual, policy FRM 2271 8830 - public liability £10m. Renewal 1 Oct every year"
    # (0.79) over its task (0.946) had been dropped as in the task's breadcrumb, cut there at "Renewal 1 …"
    long = "Insurance: NFU Mutual, policy FRM 2271 8830 - public liability £10m. Renewal 1 Oct every year"
    tree = NoteTree.build([_chunk("h.md", 0, long), _chunk("h.md", 1, "TODO send NFU the season's numbers", depth=1,
                                                             parent=0)])
    assert _shown(select(tree, _ranked((1, 0.946), (0, 0.79)), 5, 600, None, {})) == [(0, (1,))]
    assert _shown(select(tree, _ranked((1, 0.946), (0, 0.6)), 5, 600, None, {})) == [(1, ())]  # (far below: not)
    # ... one shown whole there needs the usual share
    short = NoteTree.build([_chunk("h.md", 0, "Insurance: NFU Mutual"), _chunk("h.md", 1, "TODO send NFU the numbers",
                                                                            depth=1, parent=0)])
    assert _shown(select(short, _ranked((1, 0.946), (0, 0.79)), 5, 600, None, {})) == [(1, ())]


def test_a_parent_taking_over_joins_its_other_child_hits_into_one():
    tree = NoteTree.build(TINY)
    # 2 joins 3's hit, the item before it (session 57); their parent shows the list once
    assert _shown(select(tree, _ranked((3, 0.9), (2, 0.88)), 5, 600, None, {})) == [(2, (3,))]
    assert _shown(select(tree, _ranked((3, 0.9), (2, 0.88), (1, 0.8)), 5, 600, None, {})) == [(1, (2, 3, 4))]
    # the freed place goes to the next candidate, or to the best one passed over with the list full
    assert _shown(select(tree, _ranked((3, 0.9), (2, 0.88), (1, 0.8), (5, 0.5)), 2, 600, None, {})) == \
        [(1, (2, 3, 4)), (5, (6, 7))]
    assert _shown(select(tree, _ranked((3, 0.9), (2, 0.88), (5, 0.85), (6, 0.84), (1, 0.8)), 2, 600, None, {})) == \
        [(1, (2, 3, 4)), (5, (6, 7))]


def test_a_parent_of_several_hits_takes_them_over_scoring_nearly_as_well_as_the_weakest():
    # trial s59 RC-027: "ducting route through the side wall hits the soil stack" (the answer) had three of its
    # children among the hits, itself scoring 0.381 beside them (0.453, 0.383, 0.375): never shown but in their
    # breadcrumbs. Under one hit it is their common ground: shown with them, not left out
    out = [_chunk("p.md", 0, "ducting route through the side wall hits the soil stack"),
           _chunk("p.md", 1, "option 1: out via the back wall", depth=1, parent=0),
           _chunk("p.md", 2, "Bosch says max 4m with bends", depth=2, parent=1),
           _chunk("p.md", 3, "option 2: recirculating with a carbon filter", depth=1, parent=0),
           _chunk("p.md", 4, "vetoed", depth=2, parent=3),
           _chunk("q.md", 0, "Other")]
    tree = NoteTree.build(out)
    assert _shown(select(tree, _ranked((2, 0.9), (5, 0.75), (4, 0.7), (0, 0.68)), 5, 600, None, {})) == \
        [(0, (1, 2, 3, 4)), (5, ())]
    # under one hit only, it needs a share of that hit's score; far below the weakest, it stays in the breadcrumbs
    assert _shown(select(tree, _ranked((2, 0.9), (5, 0.75), (0, 0.68)), 5, 600, None, {})) == [(2, ()), (5, ())]
    assert _shown(select(tree, _ranked((2, 0.9), (5, 0.75), (4, 0.7), (0, 0.55)), 5, 600, None, {})) == \
        [(2, ()), (5, ()), (4, ())]


def test_an_item_under_a_label_the_question_names_shows_the_label_and_its_list():
    # trial s59 RB-032: "Out (for v1)" over three items, one of them the hit, for "what did we leave out of v1?"
    def item(seq, text, label):
        return dataclasses.replace(_chunk("p.md", seq, text, depth=1, parent=seq - 1 if label == "In" else 2),
                                   parents=[label])

    out = [_chunk("p.md", 0, "In"), item(1, "email forwarding", "In"), _chunk("p.md", 2, "Out (for v1)"),
           item(3, "hotel folios split into line items", "Out (for v1)"), item(4, "mileage", "Out (for v1)"),
           item(5, "multi-currency amount tolerance beyond 3%", "Out (for v1)"), _chunk("p.md", 6, "Matching rules")]
    tree = NoteTree.build(out)
    named = [Candidate(c.row, c.rank, dataclasses.replace(c.explain, label_named=True)) for c in _ranked((5, 0.9))]
    hit = select(tree, named, 5, 600, None, {})
    assert _shown(hit) == [(2, (3, 4, 5))] and hit[0].matched == 5
    # a label the question does not name, without a colon, is not shown with it: the item alone
    assert _shown(select(tree, _ranked((5, 0.9)), 5, 600, None, {})) == [(5, ())]


def test_a_grandparent_met_before_the_parent_still_joins_the_hits_under_it():
    # the hits on 2 and 4 are under 0 (4 directly, 2 through 1): 0 shows them as one
    tree = NoteTree.build(TINY)
    assert _shown(select(tree, _ranked((2, 0.9), (4, 0.89), (0, 0.85), (1, 0.84)), 5, 600, None, {})) == \
        [(0, (1, 2, 3, 4))]


def test_hits_join_only_when_all_they_showed_still_fits():
    # a parent with three long children: the second-best hit's rows would not fit under the parent
    long = [_chunk("p.md", 0, "Parent"), *(_chunk("p.md", i, f"child {i} " + "x" * 140, depth=1, parent=0)
                                           for i in (1, 2, 3)), _chunk("q.md", 0, "Other")]
    tree = NoteTree.build(long)
    picked = select(tree, _ranked((2, 0.9), (3, 0.89), (1, 0.88), (0, 0.8), (4, 0.5)), 5, 400, None, {})
    shown = {r for s in picked for r in (s.root, *s.follow)}
    assert {1, 2, 3} <= shown  # every child still shown somewhere


def test_nothing_is_shown_twice_and_k_stops_the_scan():
    tree = NoteTree.build(TINY)
    # 2 follows 1 in the first hit; 7 is a copy of 3, which the first hit shows too
    picked = select(tree, _ranked((1, 0.9), (2, 0.8), (7, 0.7), (5, 0.6)), 5, 600, None, tree.origins)
    assert _shown(picked) == [(1, (2, 3, 4)), (5, (6, 7))]
    assert _shown(select(tree, _ranked((1, 0.9), (5, 0.6)), 1, 600, None, {})) == [(1, (2, 3, 4))]
    # min_score: kept to the rank, the score a hit shows (not the match alone), the scan stopping under it
    ranked = _ranked((4, 0.9), (5, 0.8), (6, 0.7), (1, 0.2), (0, 0.1), fused={5: 0.4})
    assert _shown(select(tree, ranked, 5, 10, 0.5, {})) == [(4, ()), (5, ())]
    # without it: 6 is another window of 5's paragraph, 0 the parent of 4 (in its breadcrumb)
    assert _shown(select(tree, ranked, 5, 10, None, {})) == [(4, ()), (5, ()), (1, ())]


def test_a_later_window_is_shown_from_its_paragraph_start():
    tree = NoteTree.build(TINY)
    assert _shown(select(tree, _ranked((6, 0.9)), 1, 600, None, {})) == [(5, (6, 7))]
    assert _shown(select(tree, _ranked((6, 0.9)), 1, 30, None, {})) == [(6, ())]  # the start does not fit
    # ... its start then a hit of its own when it comes (trial s45: "The weevils ... were the last straw:", the first
    # window, had been dropped as the paragraph shown, and never seen)
    assert _shown(select(tree, _ranked((6, 0.9), (5, 0.5)), 2, 30, None, {})) == [(6, ()), (5, ())]
    assert _shown(select(tree, _ranked((5, 0.9), (6, 0.5)), 2, 30, None, {})) == [(5, ())]  # a later one goes on
    # shown as the one paragraph it is, its windows run on (trial G: a scene's paragraph split mid-way)
    hit = to_hit(tree, select(tree, _ranked((6, 0.9)), 1, 600, None, {})[0])
    assert hit.text == (
        "A long paragraph, its first run of sentences. Its second run of sentences.\n(embedded from a)\n- Shuffle sharding")


def test_a_later_window_cut_from_another_hits_context_is_a_hit_of_its_own():
    # trial s77 Z: the paragraph before it matched, shown with the paragraph's first window after it, its second (the
    # answer, ranked next) cut for room and then dropped as "the paragraph shown": never seen
    note = [_chunk("r.md", 0, "Who came to the review.", kind="paragraph"),
            *[dataclasses.replace(c, line=3, end_line=3) for c in (  # one line, a blank line after the first
                _chunk("r.md", 1, "Mum says the afternoons are still hard.", kind="paragraph", group=1),
                _chunk("r.md", 2, "He said he wants less people telling him off.", kind="paragraph", group=1))],
            _chunk("o.md", 0, "Another note")]
    tree = NoteTree.build(note)
    ranked = _ranked((0, 0.9), (2, 0.85), (3, 0.5))
    assert _shown(select(tree, ranked, 3, 70, None, {})) == [(0, (1,)), (2, ()), (3, ())]
    # ... and shown from where it is, not again from its paragraph's start, which the first hit shows
    assert _shown(select(tree, ranked, 3, 200, None, {})) == [(0, (1, 2)), (3, ())]


def test_a_paragraph_of_many_windows_gives_one_more_hit_at_most():
    # the review: a long paragraph's earlier windows, each a hit of its own, had filled the top five, last first
    long = [_chunk("p.md", i, f"Window {i} of one long paragraph, its sentences.", kind="paragraph", group=0)
            for i in range(8)] + [_chunk(f"n{i}.md", 0, f"Another note {i}") for i in range(4)]
    tree = NoteTree.build(long)
    ranked = _ranked((7, 0.9), (6, 0.7), (5, 0.69), (4, 0.68), (3, 0.67), (8, 0.5), (9, 0.5), (10, 0.5), (11, 0.5))
    assert [r for r, _ in _shown(select(tree, ranked, 5, 60, None, {}))] == [7, 6, 8, 9, 10]


def test_a_hit_says_the_line_of_the_unit_that_matched_when_others_are_shown_first():
    # trial s34b: the answer was the fourth bullet of a list shown from its parent, `line` the parent's, unmarked
    tree = NoteTree.build(TINY)
    taken = to_hit(tree, select(tree, _ranked((3, 0.9), (1, 0.8)), 5, 600, None, {})[0])
    assert (taken.line, taken.match, taken.match_line) == (2, "Shuffle sharding", 4)
    assert taken.text.split("\n")[taken.match_row] == "  - Shuffle sharding"
    # a grandparent taking over after the parent: still the unit that matched best
    deeper = to_hit(tree, select(tree, _ranked((3, 0.9), (1, 0.8), (0, 0.85)), 5, 600, None, {})[0])
    assert (deeper.line, deeper.match, deeper.match_line) == (1, "Shuffle sharding", 4)
    # a later window shown from its paragraph's start: its line, though it runs on in the same shown line
    window = to_hit(tree, select(tree, _ranked((6, 0.9)), 1, 600, None, {})[0])
    assert (window.line, window.match, window.match_line, window.match_row) == (1, "Its second run of sentences.",
                                                                                  2, None)
    # the unit that matched shown first: nothing to say
    alone = to_hit(tree, select(tree, _ranked((1, 0.9)), 1, 600, None, {})[0])
    assert (alone.match, alone.match_line, alone.match_row) == ("Organize into cells", 0, None)
    # ... and the day of the unit that matched, not the first shown's (trial s59 RA-022: a price history's "Mar 2026:"
    # line, shown from its "Jan 2024:" line, had been said "dated 2024-01-01")
    history = [dataclasses.replace(_chunk("p.md", 0, "Jan 2024: wedding £1,950"), date="2024-01-01"),
               dataclasses.replace(_chunk("p.md", 1, "Mar 2026: wedding £2,400", depth=1, parent=0), date="2026-03-01")]
    tree = NoteTree.build(history)
    hit = to_hit(tree, select(tree, _ranked((1, 0.9), (0, 0.8)), 1, 600, None, {})[0])
    assert (hit.line, hit.match_line, hit.date) == (1, 2, "2026-03-01")


def test_a_question_for_a_note_shows_each_note_from_its_lead():
    tree = NoteTree.build(TINY)
    picked = select_notes(tree, {"a.md": 0, "b.md": 5}, _ranked((3, 0.9), (1, 0.8), (6, 0.7)), 5, 600, None, {})
    assert [(s.root, s.rank) for s in picked] == [(0, 0.9), (5, 0.7)]
    assert picked[0].follow == (1, 2, 3, 4)


def test_a_hit_shows_bullets_under_their_first_and_names_a_folder_when_titles_clash():
    chunks = [_chunk("a.md", i, c.text, c.kind, c.depth, c.parent) for i, c in enumerate(TINY[:5])]
    chunks += [_chunk("work/a.md", 0, "Same title, other folder")]
    tree = NoteTree.build(chunks)
    exp = Explanation(1, 0.7, None, 0.0, 0.612345, rank=0.7)
    hit = to_hit(tree, Snippet(1, (2, 3, 4), 0.7, exp))
    assert hit.text == "Organize into cells\n  - Cell based architecture\n  - Shuffle sharding\n- Automate"
    # shown by the score it is ranked by, its own match beside it
    assert (hit.match, hit.line, hit.score, hit.match_score, hit.explain) == ("Organize into cells", 2, 0.7, 0.6123, exp)
    assert hit.folder == "(top level)" and to_hit(tree, Snippet(5, (), 0.7, exp)).folder == "work"


def test_a_followed_block_of_several_lines_keeps_them_under_its_bullet():
    chunks = [_chunk("a.md", 0, "Repeat a task:"),
              _chunk("a.md", 1, "eg: daily run\nSCHEDULED: <.+1d>", depth=1, parent=0),
              _chunk("a.md", 2, "Kinds:", depth=2, parent=1)]
    hit = to_hit(NoteTree.build(chunks), Snippet(0, (1, 2), 0.7, Explanation(1, 0.7, None, 0.0, 0.7, rank=0.7)))
    assert hit.text == "Repeat a task:\n  - eg: daily run\n    SCHEDULED: <.+1d>\n    - Kinds:"
    steps = [_chunk("b.md", 0, "Steps:"), Chunk(**{**_chunk("b.md", 1, "Run it\nthen wait", depth=1, parent=0).__dict__,
                                                   "marker": "10."})]
    hit = to_hit(NoteTree.build(steps), Snippet(0, (1,), 0.7, Explanation(1, 0.7, None, 0.0, 0.7, rank=0.7)))
    assert hit.text == "Steps:\n  10. Run it\n      then wait"


def test_hit_shows_following_siblings_within_budget(built, embedder):
    _, index, _ = built
    h = open_index(index, embedder).search("shuffle sharding customers cells", k=1)[0]
    assert h.text.startswith("Shuffle sharding to map customers to cells\n- Partitioning strategy + Control plane")
    # a sibling under another parent is not pulled in
    assert "Automate" not in h.text
    short = open_index(index, embedder).search("shuffle sharding customers cells", k=1, budget=50)[0]
    assert short.text == "Shuffle sharding to map customers to cells"


def test_a_hit_does_not_run_on_past_a_thematic_break(tmp_path, embedder):
    # trial X: a Kindle export's records, "---" between them; a hit had run on into the next highlight
    write(tmp_path / "n" / "Deep Work.md", "# Deep Work\n\nAttention residue stays on the first task after a switch.\n\n"
          "---\nEnd each workday with a shutdown ritual.\n\nPlan the next day too.\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("attention residue after a task switch", k=3)
    first = next(h for h in hits if h.text.startswith("Attention residue"))
    assert first.text == "Attention residue stays on the first task after a switch."
    ritual = next(h for h in open_index(tmp_path / "ix", embedder).search("shutdown ritual", k=3)
                  if h.text.startswith("End each"))
    assert "Plan the next day too." in ritual.text  # what follows in its own record is still shown


def test_parent_of_a_shown_hit_is_not_repeated(built, embedder):
    _, index, _ = built
    hits = open_index(index, embedder).search("organize into cells shuffle sharding", k=10)
    matches = [h.match for h in hits]
    # the bullet that matches best is a hit, or its parent showing it: one of them, not both
    assert ("Shuffle sharding to map customers to cells" in matches) != ("Organize into cells" in matches)
    # (a code block repeats its intro sentence by design, so only text units count here)
    shown = [line.lstrip("- ").strip() for h in hits if h.kind != "code" for line in h.text.split("\n")]
    assert len(shown) == len(set(shown)), "a unit is shown twice"
    for i, h in enumerate(hits):
        # no hit is an ancestor bullet already in the breadcrumb of a better hit
        better = [p for o in hits[:i] for p in o.parents]
        assert h.match not in better


def _three_window_paragraph(tmp_path, embedder):
    sentences = [f"Sentence {i} says something about topic {i} in a rather long winded way." for i in range(12)]
    write(tmp_path / "n" / "p.md", "# Prose\n\n" + " ".join(sentences) + "\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    windows = [i for i, c in enumerate(idx.chunks) if c.group is not None]
    assert len(windows) == 3 and [len(idx.chunks[w].text) for w in windows] == [275, 275, 279]
    return NoteTree.build(idx.chunks), windows, idx.search("topic", k=1)[0].explain  # any explanation will do here


def test_an_earlier_window_of_a_paragraph_takes_over_the_window_shown(tmp_path, embedder):
    tree, (w1, w2, w3), exp = _three_window_paragraph(tmp_path, embedder)

    def shown(ranked):  # 600 characters: two windows fit, not all three
        return _shown(select(tree, [Candidate(r, s, exp) for r, s in ranked], 5, 600, None, {}))

    # the last window ranks first; the one before scores nearly as well: the hit starts there
    assert shown([(w3, 0.60), (w2, 0.55)]) == [(w2, (w3,))]
    # ... and when it scores much lower it is a hit of its own, from the paragraph's start, when it ranks among them:
    # what the shown window does not say (trial s45: the answer in a paragraph's first part had never been shown);
    # nothing of the paragraph twice
    assert shown([(w3, 0.60), (w2, 0.40)]) == [(w3, ()), (w1, (w2,))]
    # the earlier window ranking first already shows the later one after it
    assert shown([(w2, 0.60), (w3, 0.59)]) == [(w1, (w2,))]


def test_a_later_window_of_a_paragraph_is_shown_from_the_paragraph_start(tmp_path, embedder):
    tree, (w1, w2, w3), exp = _three_window_paragraph(tmp_path, embedder)
    # the second window matched and the paragraph up to it fits: shown from the first window
    (snip,) = select(tree, [Candidate(w2, 0.9, exp)], 1, 600, None, {})
    assert (snip.root, snip.follow) == (w1, (w2,))
    assert to_hit(tree, snip).text.startswith("Sentence 0 ")
    # the third: the paragraph up to it does not fit, so the window that matched is shown
    (snip,) = select(tree, [Candidate(w3, 0.9, exp)], 1, 600, None, {})
    assert (snip.root, snip.follow) == (w3, ())


def test_better_hits_may_show_more_of_what_follows(tmp_path, embedder):
    body = "".join(f"\n## Part {p}\n\n" + "".join(f"* point {p}.{i} " + "x" * 50 + "\n" for i in range(12))
                   for p in range(6))
    write(tmp_path / "n" / "long.md", "# Long\n" + body)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    tree = NoteTree.build(idx.chunks)
    firsts = [i for i, c in enumerate(idx.chunks) if c.text.startswith("point ") and c.text.split()[1].endswith(".0")]
    exp = idx.search("point", k=1)[0].explain
    ranked = [Candidate(cid, 0.9 - 0.01 * r, exp) for r, cid in enumerate(firsts)]
    lengths = []
    for snip in select(tree, ranked, 6, None, None, {}):
        hit = to_hit(tree, snip)
        lengths.append(len(hit.text) - 2 * hit.text.count("\n- "))  # list markers are not counted
    budgets = [snippets.SHOW_BUDGETS[min(i, len(snippets.SHOW_BUDGETS) - 1)] for i in range(6)]
    assert len(lengths) == 6 and all(b - 70 < n <= b for n, b in zip(lengths, budgets)), (lengths, budgets)
    assert lengths[0] > lengths[1] > lengths[-1]
    # one budget asked for is every hit's
    same = [len(to_hit(tree, snip).text.replace("\n- ", "\n")) for snip in select(tree, ranked, 6, 300, None, {})]
    assert all(230 < n <= 300 for n in same), same


def test_ordered_steps_show_their_numbers(tmp_path, embedder):
    write(tmp_path / "n" / "bread.md", """
        # Sourdough

        1. Feed the starter the night before
        2. Mix flour, water and starter
           * use warm water
        3. Bake at 250 degrees
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("feed the starter night before", k=1)[0]
    assert hit.text == ("1. Feed the starter the night before\n2. Mix flour, water and starter\n"
                        "  - use warm water\n3. Bake at 250 degrees")
    assert hit.match == "Feed the starter the night before"


def test_a_hit_shows_the_code_its_unit_introduces_and_ends_there(tmp_path, embedder):
    write(tmp_path / "n" / "pg.md", """
        # Postgres

        Bloat slows every scan. To see table bloat run this query:

        ```sql
        select relname, n_dead_tup from pg_stat_user_tables;
        ```

        Vacuum runs on its own.
        """)
    (tmp_path / "g" / "pages").mkdir(parents=True)
    (tmp_path / "g" / "journals").mkdir()
    (tmp_path / "g" / "pages" / "Queries.md").write_text(
        "- Tasks slipping this week\n  #+BEGIN_SRC clojure\n  {:title \"SLIPPING\" :inputs [:-7d :today]}\n  #+END_SRC\n"
        "- Tasks done today\n", encoding="utf-8")
    # ... and a Logseq block's code in a block of its own under it (trial s46: shown as two hits, the intro alone)
    (tmp_path / "g" / "pages" / "pgbouncer.md").write_text(
        "- connect to the admin console:\n\t- ```bash\n\t  psql -p 6432 -U pgbouncer\n\t  ```\n"
        "- avg_wait_time is in microseconds\n", encoding="utf-8")
    for notes, question, want in (
            ("g", "connect to the pgbouncer admin console", "connect to the admin console:\npsql -p 6432 -U pgbouncer"),
            ("n", "see table bloat", "Bloat slows every scan. To see table bloat run this query:\n"
                                     "select relname, n_dead_tup from pg_stat_user_tables;"),
            ("g", "tasks slipping this week", "Tasks slipping this week\n"
                                              "{:title \"SLIPPING\" :inputs [:-7d :today]}")):
        build_index(tmp_path / notes, tmp_path / f"ix-{notes}", embedder=embedder)
        hit = open_index(tmp_path / f"ix-{notes}", embedder).search(question, k=1)[0]
        assert hit.text == want  # the code once, without its introduction again, and nothing after it
        assert hit.code == want.split("\n", 1)[1]  # what the chat shows as code
    # code that fills the budget is left to its own hit
    hit = open_index(tmp_path / "ix-n", embedder).search("see table bloat", k=1, budget=80)[0]
    assert hit.text == "Bloat slows every scan. To see table bloat run this query:"


def test_a_hit_on_a_list_label_shows_its_own_list_only(tmp_path, embedder):
    write(tmp_path / "n" / "db.md", """
        # DynamoDB

        Intro paragraph about the database and its trade offs.
        * a bullet under prose

        Cons:
        * No joins
          * design access patterns up front
        * Scans are slow

        How DynamoDB uses DNS
        * Every table has a regional endpoint
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    tree = NoteTree.build(idx.chunks)
    cons = next(i for i, c in enumerate(idx.chunks) if c.text == "Cons:")
    intro = next(i for i, c in enumerate(idx.chunks) if c.text.startswith("Intro paragraph"))
    exp = idx.search("joins", k=1)[0].explain
    (snip,) = select(tree, [Candidate(cons, 0.9, exp)], 1, 600, None, {})
    assert to_hit(tree, snip).text == "Cons:\n- No joins\n  - design access patterns up front\n- Scans are slow"
    # prose shows the list under it with its bullets, and stops before the next label
    (snip,) = select(tree, [Candidate(intro, 0.9, exp)], 1, 600, None, {})
    assert to_hit(tree, snip).text == "Intro paragraph about the database and its trade offs.\n- a bullet under prose"
    # "more context" for a label is the list it names, not the whole section
    assert [c.text for c in idx.context_around("db.md", idx.chunks[cons].line)] == [
        "Cons:", "No joins", "Scans are slow"]
    # a bullet's breadcrumb names its label once
    h = next(h for h in idx.search("scans slow", k=5) if h.match == "Scans are slow")
    assert h.breadcrumb == ["DynamoDB", "Cons"]


def test_a_list_label_at_a_sections_end_does_not_run_into_the_next_sections_list(tmp_path, embedder):
    # trial HV: "Create a site" steps ran on into the steps under the next heading, as one list
    write(tmp_path / "n" / "Publish notes.md", """
        # Publish notes

        ## Create a site

        The first time you publish, you create a site:

        1. Select Publish changes.
        2. Select Create.

        ## Publish notes

        1. Select the notes to publish.
        2. Select Publish.
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    tree = NoteTree.build(idx.chunks)
    label = next(i for i, c in enumerate(idx.chunks) if c.text.startswith("The first time"))
    (snip,) = select(tree, [Candidate(label, 0.9, idx.search("create a site", k=1)[0].explain)], 1, 600, None, {})
    assert to_hit(tree, snip).text == ("The first time you publish, you create a site:\n1. Select Publish changes.\n"
                                       "2. Select Create.")


@pytest.mark.parametrize("budget", [None, 450])
def test_room_is_the_budget_asked_for_or_the_positions(budget):
    assert [snippets._room(budget, i) for i in range(5)] == (
        [450] * 5 if budget else [600, 500, 450, 450, 450])


def test_a_block_embedded_twice_is_shown_once_in_a_hit(tmp_path, embedder):
    # the block alone, then again inside its page's embed: Logseq shows both, a hit needs it once
    graph = embeds_graph(tmp_path)
    build_index(graph, tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("when are deploys frozen on fridays", k=1)[0]
    # where the embedded text starts, it says which note it comes from, on a line of its own (trial s35: at the end
    # of its first line it had read as words of a recipe's first step)
    # (the page's heading block a line over its blocks, as the app shows the page's embed)
    assert hit.text == ("Freeze deploys on Fridays after 2pm\n  (embedded from Bicycle)\n"
                        "  - Chain: clean and lube every 300 km\n  - Maintenance\n    - Tyre pressure 80 psi front")


def test_an_embeds_text_ends_where_the_embed_does(tmp_path, embedder):
    # trial s45: a field log's own bullets after "![[Protocol#Step 3]]" were shown as the protocol's, under its last
    write(tmp_path / "n" / "Protocol.md", """
        # Protocol

        ## Step 3
        - Push the polycarbonate tube in by hand
        - Cap the bottom underwater so no air gets in
        """)
    write(tmp_path / "n" / "Daily" / "2024-05-13.md", """
        ## AC-1
        - Coring as in the protocol:

        ![[Protocol#Step 3]]

        - Mid-wetland cores were the hardest
        - Surface water 6.1 mg/L
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("push the polycarbonate tube in by hand path:Daily", k=3)
    embed = next(h for h in hits if h.line == 4)
    assert "Cap the bottom" in embed.text and "Mid-wetland" not in embed.text
    # ... an embed inside the embedded text is still the embed's (the review: it had cut the step short)
    write(tmp_path / "n" / "Safety.md", "- Gloves and goggles on\n")
    write(tmp_path / "n" / "Protocol.md", """
        # Protocol

        ## Step 3
        - Push the polycarbonate tube in by hand
        - ![[Safety]]
        - Cap the bottom underwater so no air gets in
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("push the polycarbonate tube in by hand path:Daily", k=3)
    embed = next(h for h in hits if h.line == 4)
    assert "Cap the bottom" in embed.text and "Mid-wetland" not in embed.text


def test_code_after_a_callout_is_not_shown_as_part_of_it(tmp_path, embedder):
    write(tmp_path / "n" / "bread.md", """
        # Sourdough

        > [!note] Starter ratio
        > Feed the starter one to one to one every day.

        ```python
        def hydration(flour, water): return water / flour
        ```
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("feed the starter ratio every day", k=1)[0]
    assert hit.text == "Feed the starter one to one to one every day."


def test_prose_after_a_callout_is_not_shown_as_part_of_it(tmp_path, embedder):
    # the breadcrumb says "Caching > Warning": a paragraph after the callout would read as the warning's
    write(tmp_path / "n" / "caching.md", """
        # Caching

        > [!warning]
        > Never cache the session tokens.
        > - they rotate every hour

        Warm the cache at startup.
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("never cache the session tokens", k=1)[0]
    assert hit.text == "Never cache the session tokens.\n- they rotate every hour"


def test_a_list_before_a_callout_does_not_run_into_the_callouts_list(tmp_path, embedder):
    # the callout's items are its own ("Things I keep getting wrong"), not more of "Book 2"'s plot points
    write(tmp_path / "n" / "kael.md", """
        # Kael

        ## Arc
        - Wants the memories back from the Drowned Gate
        - Ends the book willing to give up the town

        > [!warning]- Things I keep getting wrong
        > - His left palm, not right
        > - He can't swim

        The opening of the next part.
        - an item after it
        """)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    ix = open_index(tmp_path / "ix", embedder)
    hit = ix.search("wants the memories back from the drowned gate", k=1)[0]
    assert hit.text == "Wants the memories back from the Drowned Gate\n- Ends the book willing to give up the town"
    # and a paragraph's list is still shown with it
    assert ix.search("the opening of the next part", k=1)[0].text == "The opening of the next part.\n- an item after it"


def test_an_embedded_block_among_a_lists_items_is_shown_with_them():
    # the copy's parents go on with its own note's ("Escalation"): it is still an item of this list (trial F)
    items = [_chunk("j.md", 0, "Handoff with Olu:"), _chunk("j.md", 1, "silences until Thursday", depth=1, parent=0),
             _chunk("j.md", 2, "Primary acks within 5 minutes", depth=1, parent=0, origin="on-call.md:3")]
    items = [dataclasses.replace(c, parents=p) for c, p in zip(items, ([], ["Handoff with Olu:"],
                                                                      ["Handoff with Olu:", "Escalation"]))]
    assert select(NoteTree.build(items), _ranked((1, 0.9)), 1, 600, None, {})[0].follow == (2,)
    # ... where a list in a callout, under other parents, is not
    callout = [items[0], items[1], dataclasses.replace(items[2], origin=None)]
    assert select(NoteTree.build(callout), _ranked((1, 0.9)), 1, 600, None, {})[0].follow == ()


def test_a_block_s_own_text_does_not_run_on_into_a_page_embedded_beside_it():
    # trials s64 J, KYK-028: "keep 1 day off a week in Aug!!!", the last of a page's goals, had gone on to the whole
    # of a Qualifications page embedded after it, the goals before it left out
    goals = [_chunk("Goals.md", i, text, depth=1) for i, text in enumerate(["buy 2 more tourers", "new website",
                                                                          "keep 1 day off a week in Aug!!!"])]
    # (an embed's blocks are each at the embed's line, as units.py reads them)
    page = [dataclasses.replace(_chunk("Goals.md", 3 + i, f"{text}, a qualification held and when it runs out",
                                       depth=1, origin=f"Qualifications.md:{4 + i}"), line=5, end_line=5)
            for i, text in enumerate(["Advanced Sea Kayak Leader", "Coastal Navigation 2022", "VHF radio SRC",
                                      "First aid 16hr", "Safeguarding and DBS", "Paddle UK membership"])]
    tree = NoteTree.build([*goals, *page])
    (hit,) = select(tree, _ranked((2, 0.9)), 1, 300, None, {})
    assert (hit.root, hit.follow) == (2, ())
    # ... where a block of that note referenced alone among the items before it is one of them (trial s69 F: Flint's
    # "((frog/sole support))" had been left out of its trim notes, the protocol page embedded under them)
    ref = dataclasses.replace(_chunk("Goals.md", 3, "First aid 16hr, renew by May", depth=1,
                                     origin="Qualifications.md:12"), line=4, end_line=4)
    moved = [dataclasses.replace(c, seq=c.seq + 1) for c in page]
    tree = NoteTree.build([*goals, ref, *moved])
    (hit,) = select(tree, _ranked((2, 0.9)), 1, 300, None, {})
    assert (hit.root, hit.follow) == (0, (1, 2, 3))  # (the list from its first item, the page not)
    # ... but a block that embeds it, its parent, shows it (the embed under it)
    under = [dataclasses.replace(c, depth=2, parent=2) for c in page]
    tree = NoteTree.build([*goals, *under])
    assert select(tree, _ranked((2, 0.9)), 1, 300, None, {})[0].follow[:2] == (3, 4)


def test_a_hit_does_not_run_on_into_a_clipped_pages_furniture():
    page = [_chunk("clip.md", 0, "Pot size: two inches wider than the old one.", kind="paragraph"),
            _chunk("clip.md", 1, "Share on Facebook"), _chunk("clip.md", 2, "Share on Twitter")]
    assert select(NoteTree.build(page), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == ()


def test_a_small_note_written_as_lines_is_shown_whole(tmp_path, embedder):
    # trial EV: "who cuts my hair?" had shown the price line of a three-line note, the barber one line above it
    write(tmp_path / "n" / "Haircut.md", "Haircut\nTomasz at Fade Lab, Brick Lane\nAsk for a number 2 on the sides\n"
                                         "£24 + tip, book on Booksy\n")
    write(tmp_path / "n" / "Knee.md", "# Knee\n\n- Physio\n  - clams, 3 x 15\n  - bridges, 3 x 12\n- Ice after runs\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    ix = open_index(tmp_path / "ix", embedder)
    hit = ix.search("haircut price tip booksy", k=1)[0]
    assert hit.text == ("Tomasz at Fade Lab, Brick Lane\n- Ask for a number 2 on the sides\n- £24 + tip, book on Booksy"
                        ) and hit.line == 2
    # a note of nested items is shown as any: from the item that matched
    assert ix.search("bridges 3 x 12", k=1)[0].text.startswith("bridges, 3 x 12")


def test_a_task_in_a_small_note_is_shown_alone(tmp_path, embedder):
    # trial s47: a three-block journal's "DOING sort the loft" had been shown under its day's car tax and EpiPens
    write(tmp_path / "n" / "journals" / "2026_11_30.md", "- Car tax done - £190 for the year\n"
          "- Leo's EpiPens expire March 2027\n- DOING sort the loft before the christmas stuff comes down\n")
    write(tmp_path / "n" / "logseq" / "config.edn", "{}\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("sort the loft christmas stuff", k=1)[0]
    assert hit.text == "DOING sort the loft before the christmas stuff comes down" and hit.line == 3


def test_hits_after_others_get_the_room_of_their_places():
    # after a pinned first hit (a note-name question), the next hit has the second hit's room, not the first's
    chunks = [_chunk("a.md", i, f"point {i} " + "x" * 90) for i in range(6)]
    tree = NoteTree.build(chunks)
    first = select(tree, _ranked((0, 0.9)), 1, None, None, {})
    second = select(tree, _ranked((0, 0.9)), 1, None, None, {}, after=1)
    assert len(first[0].follow) == 5 and len(second[0].follow) == 4  # 600 characters, then 500


def test_a_code_hit_names_its_code_apart_from_its_introduction():
    chunks = [_chunk("a.md", 0, "Run this query:", kind="paragraph"),
              _chunk("a.md", 1, "Run this query:\nselect 1;", kind="code"),
              _chunk("b.md", 0, "select 2;", kind="code")]
    tree = NoteTree.build(chunks)
    exp = Explanation(1, 0.5, None, 0.0, 0.5, rank=0.5)
    assert to_hit(tree, Snippet(1, (), 0.5, exp)).code == "select 1;"
    assert to_hit(tree, Snippet(2, (), 0.5, exp)).code == "select 2;"  # no introduction: all of it
    assert to_hit(tree, Snippet(0, (), 0.5, exp)).code == ""
    # a code hit that shows its introduction starts at its line, the line the hit's text starts with
    assert to_hit(tree, Snippet(1, (), 0.5, exp)).line == chunks[0].line != chunks[1].line
    assert to_hit(tree, Snippet(2, (), 0.5, exp)).line == chunks[2].line


def test_code_introduced_in_a_callout_or_in_a_list_item_that_goes_on_is_code_apart_from_its_introduction():
    # trial s37: "If you already finished ..., the old tip is in the reflog:" had been copied as code with it
    exp = Explanation(1, 0.5, None, 0.0, 0.5, rank=0.5)
    said = "If you already finished and regret it, the old tip is in the reflog:"
    callout = [_chunk("a.md", 0, f"Abort puts it back. {said}", kind="quote"),
               _chunk("a.md", 1, f"{said}\ngit reflog", kind="code")]
    for c in callout:
        c.parents.append("Aborting")  # under the callout's title, both
    assert to_hit(NoteTree.build(callout), Snippet(1, (), 0.5, exp)).code == "git reflog"
    # a list item's text going on after its code ("Find them with:", the code, "and drop them before retrying.")
    tree = NoteTree.build([_chunk("a.md", 0, "It leaves an INVALID index. Find them with:\nand drop them before retrying."),
                           _chunk("a.md", 1, "Find them with:\nSELECT 1;", kind="code", depth=1, parent=0)])
    assert to_hit(tree, Snippet(1, (), 0.5, exp)).code == "SELECT 1;"
    hit = to_hit(tree, Snippet(0, (1,), 0.5, exp))
    assert hit.code == "SELECT 1;" and hit.text.endswith("SELECT 1;")
    # ... not a bullet that only says the code's first line, the code not in it (the review: "git pull" lost)
    tree = NoteTree.build([_chunk("a.md", 0, "Always git pull first. Then build."),
                           _chunk("a.md", 1, "git pull\nmake build", kind="code")])
    assert to_hit(tree, Snippet(1, (), 0.5, exp)).code == "git pull\nmake build"


def test_a_code_hit_shows_the_short_paragraph_introducing_it_whole_from_its_line():
    # trial HV: "They are stored as YAML ...:" ends a paragraph of two sentences; the hit had shown only that
    # sentence (the paragraph's first, the definition, lost) at the fence's line
    def tree_of(first: str):
        para = dataclasses.replace(_chunk("a.md", 0, f"{first}\nThey are stored as YAML\nat the very top:",
                                          kind="paragraph"), line=10, end_line=12)
        code = dataclasses.replace(_chunk("a.md", 1, "They are stored as YAML at the very top:\nstatus: draft",
                                          kind="code"), line=14, end_line=16)
        return NoteTree.build([para, code])

    exp = Explanation(1, 0.5, None, 0.0, 0.5, rank=0.5)
    tree = tree_of("Properties are facts about a note.")
    hit = to_hit(tree, Snippet(1, (), 0.5, exp))
    assert hit.text == tree.chunks[0].text + "\nstatus: draft" and (hit.line, hit.end_line) == (10, 16)
    assert hit.code == "status: draft"
    assert [s.root for s in select(tree, _ranked((1, 0.9), (0, 0.8)), 2, 600, None, {})] == [1]  # shown once
    # a long paragraph: its last sentence only, from the line that sentence starts at
    tree = tree_of("Properties are facts about a note. " * 12)
    hit = to_hit(tree, Snippet(1, (), 0.5, exp))
    assert hit.text.startswith("They are stored as YAML at the very top:") and (hit.line, hit.end_line) == (11, 16)
    # ... one of three sentences, 340 characters, is whole (trial s49: it had come as two hits at one line)
    tree = tree_of("Properties are facts about a note. " * 8)
    assert to_hit(tree, Snippet(1, (), 0.5, exp)).text.startswith("Properties are facts") and len(tree.chunks[0].text) > 300


def test_prose_under_a_bullet_is_shown_under_it():
    # a journal block embedding a page: the page's properties paragraph, then its blocks
    chunks = [_chunk("j.md", 0, "Bake day, following the recipe:", depth=1),
              _chunk("j.md", 1, "type: recipe", kind="paragraph", depth=2, parent=0, origin="r.md:1"),
              _chunk("j.md", 2, "500 g flour", depth=2, parent=0, origin="r.md:3"),
              _chunk("j.md", 3, "Loaf was good", depth=1),
              _chunk("r.md", 0, "type: recipe", kind="paragraph"), _chunk("r.md", 1, "Intro", kind="paragraph"),
              _chunk("r.md", 2, "500 g flour", depth=1)]
    tree = NoteTree.build(chunks)
    snip = select(tree, _ranked((0, 0.9)), 1, 600, None, tree.origins)[0]
    assert snip.follow == (1, 2, 3)
    assert to_hit(tree, snip).text == ("Bake day, following the recipe:\n  (embedded from r)\n  type: recipe\n"
                                       "  - 500 g flour\n- Loaf was good")



def test_a_code_hit_showing_its_one_sentence_intro_is_not_followed_by_that_intro_as_a_hit():
    chunks = [_chunk("run.md", 0, "Use this for maintenance:", kind="paragraph"),
              _chunk("run.md", 1, "Use this for maintenance:\npatronictl switchover", kind="code"),
              _chunk("run.md", 2, "Apps reconnect within 10 seconds.", kind="paragraph")]
    tree = NoteTree.build(chunks)
    assert [s.root for s in select(tree, _ranked((1, 0.9), (0, 0.8), (2, 0.7)), 5, 600, None, {})] == [1, 2]


def test_a_task_hit_shows_what_is_under_it_not_the_tasks_after_it():
    chunks = [_chunk("j.md", 0, "TODO [#A] Write the SSO one-pager\nDEADLINE: <2026-11-25 Wed>"),
              _chunk("j.md", 1, "Aisha wants it before the renewal", depth=1, parent=0),
              _chunk("j.md", 2, "DONE Prepare the beta-tester list"),
              _chunk("j.md", 3, "38 customers signed up", depth=1, parent=2)]
    tree = NoteTree.build(chunks)
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    # so is a dated entry of a log: the decision and who decided it, not the next decision
    log = [_chunk("d.md", 0, "2026-11-24 Cut SMS verification from Alpha v1"),
           _chunk("d.md", 1, "Decided by: Maria, Tom", depth=1, parent=0),
           _chunk("d.md", 2, "2026-11-18 Billing cutover moves to January"),
           _chunk("d.md", 3, "Decided by: Jonas", depth=1, parent=2)]
    assert select(NoteTree.build(log), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    # a bullet that is no task still reads on into the list after it
    plain = [dataclasses.replace(c, text=c.text.split(" ", 1)[1]) for c in chunks]
    assert select(NoteTree.build(plain), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2, 3)
    # ... and a bullet under the heading of a day of many things: one of them, not the day's others (the trial of one
    # big file)
    from notesqa.snippets import BUSY_DAY

    many = plain + [_chunk("j.md", 4 + i, f"Watered plant {i}") for i in range(BUSY_DAY)]
    n = len(many)

    def days_of(bullets):
        day = [dataclasses.replace(c, heading=["Journal", "Friday 5 April 2024"], date="2024-04-05") for c in bullets]
        later = [dataclasses.replace(c, seq=c.seq + n, heading=["Journal", "Saturday 6 April 2024"], date="2024-04-06",
                                     parent=None if c.parent is None else c.parent + n) for c in bullets]
        return day, later

    day, later = days_of(many)
    assert select(NoteTree.build(day + later), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    worklog = [dataclasses.replace(c, heading=["2022", "November", "14th"], date="2022-11-14") for c in day]
    worklog += [dataclasses.replace(c, heading=["2022", "November", "15th"], date="2022-11-15") for c in later]
    assert select(NoteTree.build(worklog), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    # ... not a daily note of one day's heading: its bullets read on (the review: a decision lost its "because")
    assert select(NoteTree.build(day), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == tuple(range(1, n))
    # ... nor a log's day of a few things, one conversation (trial s44: a 1:1's "missed the deadline twice" had been
    # shown without the "stuck on the S3 permissions" after it)
    day, later = days_of(plain)
    assert select(NoteTree.build(day + later), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2, 3)


def test_a_task_asked_for_by_state_is_shown_alone_not_as_its_small_days_note():
    # trial s36: "which tasks did I cancel?" showed the day's four entries from its first, an unrelated TODO
    day = [_chunk("j.md", 0, "TODO Wrote docs for webhooks"), _chunk("j.md", 1, "Standup: fraud-check blocked"),
           _chunk("j.md", 2, "CANCELED Spent the afternoon on a flaky test")]
    tree = NoteTree.build(day)

    def ranked(task):
        return [Candidate(2, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, task_match=task))]
    assert select(tree, ranked(1), 1, 600, None, {})[0].root == 2
    # ... and for any other question: a task is shown with what is under it only (trial s47: "sort the loft" had
    # been headed by its day's car tax)
    assert select(tree, ranked(0), 1, 600, None, {})[0].root == 2
    note = [_chunk("n.md", 0, "Tomasz at Fade Lab"), _chunk("n.md", 1, "Ask for a number 2"),
            _chunk("n.md", 2, "£24 + tip, book on Booksy")]  # any other line: its small note whole
    assert select(NoteTree.build(note), [Candidate(2, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9))],
                  1, 600, None, {})[0].root == 0


def test_a_hit_of_the_day_asked_shows_its_short_list_from_the_first_item():
    # trial s36: "what did I write on 2024-03-14?" showed the Log's second and third entries, not its first
    log = [dataclasses.replace(_chunk("d.md", i, t), heading=["2024-03-14", "Log"])
           for i, t in enumerate(["WER went from 31.2 to 33.8", "Pi day", "Meeting with Ruth"])]
    tree = NoteTree.build([*log, dataclasses.replace(_chunk("d.md", 3, "A long entry. " * 30, kind="paragraph"),
                                                     heading=["2024-03-14", "Notes"])])

    def ranked(day, task=0):
        return [Candidate(1, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, day_match=day, task_match=task))]
    hit = to_hit(tree, select(tree, ranked(True), 1, 600, None, {})[0])
    assert (hit.line, hit.text, hit.match_line) == (1, "WER went from 31.2 to 33.8\n- Pi day\n- Meeting with Ruth", 2)
    assert select(tree, ranked(False), 1, 600, None, {})[0].root == 1  # any other question: from the match
    # a task due that day, asked for as due ("what is due this week?"), is its own hit (the review: a list of
    # tasks had been shown from its done first item)
    assert select(tree, ranked(True, task=1), 1, 600, None, {})[0].root == 1
    # ... and the newest section asked for ("last 1:1 with marta", trial s49: its three bullets had been three hits)
    newest = [Candidate(1, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, recent=1.0))]
    assert to_hit(tree, select(tree, newest, 1, 600, None, {})[0]).text.startswith("WER went from 31.2 to 33.8\n")


def test_an_earlier_step_of_steps_a_hit_shows_joins_it_from_there():
    # trial s61 XD: steps 3-6 of "What I did" had been the first hit, steps 1-2 the fifth; trial s61 XA: a runbook's
    # steps 4-6, 1-3 two hits of five
    steps = [dataclasses.replace(_chunk("tank.md", i, f"step {i + 1} of the tank's rust removal"), marker=f"{i + 1}.")
             for i in range(6)]
    result = dataclasses.replace(_chunk("tank.md", 6, "Clean bare metal inside.", kind="paragraph"), heading=["Result"])
    tree = NoteTree.build([*steps, result])
    hits = select(tree, _ranked((2, 0.9), (1, 0.5), (6, 0.45)), 3, 600, None, {})
    # (from the first step: a hit that shows most of a short list shows it whole, trial s68 C)
    assert [(h.root, h.follow) for h in hits] == [(0, (1, 2, 3, 4, 5)), (6, ())]
    assert hits[0].matched == 2  # (where it matched, marked)


def test_a_match_under_no_heading_after_an_opening_under_one_says_its_notes_name():
    # trial s61 XB: "… (line 23)" under the breadcrumb "Sourdough > Starter (Doris)" had read as of the starter
    chunks = [_chunk("Sourdough.md", 0, "feed 1:1:1 every morning", depth=1),
              _chunk("Sourdough.md", 1, "autolyse 1 hr", depth=1),
              dataclasses.replace(_chunk("Sourdough.md", 2, "served w cultured butter"), heading=[])]
    tree = NoteTree.build(chunks)
    snip = select_notes(tree, {"Sourdough.md": 0}, _ranked((2, 0.9)), 1, 600, None, {}, with_match=True)[0]
    assert "… (line 3, Sourdough)\nserved w cultured butter" in to_hit(tree, snip).text


def test_a_note_asked_for_by_a_later_step_shows_its_steps_from_the_first():
    # trial s62 D: "where did i write the steps for threading a lower off" had shown the note's first line, then
    # "… (line 18, Lowering off)" and "7. lower" alone, the last of its seven steps
    opening = dataclasses.replace(_chunk("Knots.md", 0, "tie in: rewoven figure 8"), heading=[])
    steps = [dataclasses.replace(_chunk("Knots.md", i, text), heading=["Lowering off"], marker=f"{i}.")
             for i, text in enumerate(["clip in direct", "pull up slack", "thread the rings", "lower"], 1)]
    tree = NoteTree.build([opening, *steps])
    snip = select_notes(tree, {"Knots.md": 0}, _ranked((4, 0.9)), 1, 600, None, {}, with_match=True)[0]
    assert to_hit(tree, snip).text == ("tie in: rewoven figure 8\n… (line 2, Lowering off)\n1. clip in direct\n"
                                       "2. pull up slack\n3. thread the rings\n4. lower")
    # ... not where the steps before it do not fit: the match, as before
    snip = select_notes(tree, {"Knots.md": 0}, _ranked((4, 0.9)), 1, 40, None, {}, with_match=True)[0]
    assert to_hit(tree, snip).text.endswith("… (line 5, Lowering off)\n4. lower")


def test_a_note_asked_for_shows_where_it_matched_from_its_section_s_first_passage():
    # trial s64 CRK-016: "page with bar prices and the roof leak" had shown "… (line 16, Roof)" and the second roof
    # quote, not the line above it that says the roof leaks
    opening = dataclasses.replace(_chunk("Clubhouse.md", 0, "club premises certificate, bar run by volunteers",
                                         kind="paragraph"), heading=["Bar"])
    roof = [dataclasses.replace(_chunk("Clubhouse.md", i, text), heading=["Roof"]) for i, text in enumerate(
        ["Pavilion roof leaking above away changing room (again).", "quote 1: Duggan £5,980",
         "quote 2: Weald Roofing £7,200"], 1)]
    tree = NoteTree.build([opening, *roof])
    hit = to_hit(tree, select_notes(tree, {"Clubhouse.md": 0}, _ranked((2, 0.9)), 1, 600, None, {}, with_match=True)[0])
    assert hit.text.startswith("club premises certificate") and "… (line 2, Roof)\nPavilion roof leaking" in hit.text
    assert hit.match == "quote 1: Duggan £5,980"  # (where it matched, still marked)
    # ... under the headings both parts are under: the opening's "Bar" is not where it matched (trials s66 B, C, E, G:
    # "Contacts > Owners" over a match among the suppliers had read as an owner's)
    assert hit.heading == () and hit.parents == ()
    sections = [dataclasses.replace(c, heading=["Clubhouse", *c.heading]) for c in (opening, *roof)]
    tree = NoteTree.build(sections)
    hit = to_hit(tree, select_notes(tree, {"Clubhouse.md": 0}, _ranked((2, 0.9)), 1, 600, None, {}, with_match=True)[0])
    assert "… (line 2, Roof)" in hit.text and hit.heading == ("Clubhouse",)
    # ... not where they do not fit: the match, as before
    hit = to_hit(tree, select_notes(tree, {"Clubhouse.md": 0}, _ranked((2, 0.9)), 1, 90, None, {}, with_match=True)[0])
    assert "… (line 3, Roof)\nquote 1" in hit.text


def test_a_note_asked_for_shows_its_opening_then_where_it_matched():
    later = [_chunk("p.md", 2, "Conventions", kind="paragraph"),
             _chunk("p.md", 3, "A feature page has the following properties", depth=1),
             _chunk("p.md", 4, "type (required)", depth=2, parent=3)]
    chunks = [_chunk("p.md", 0, "A feature page documents one feature", kind="paragraph"),
              dataclasses.replace(_chunk("p.md", 1, "It has a title", kind="paragraph"), line=3, end_line=3),
              *(dataclasses.replace(c, heading=["Conventions"]) for c in later)]
    tree = NoteTree.build(chunks)
    snip = select_notes(tree, {"p.md": 0}, _ranked((3, 0.9)), 1, 600, None, {}, with_match=True)[0]
    assert (snip.root, snip.follow, snip.jump) == (0, (3, 4), 0)
    assert to_hit(tree, snip).text == ("A feature page documents one feature\n… (line 4, Conventions)\n"
                                       "A feature page has the following properties\n  - type (required)")
    # a line of fields ("Venue: ... · Read on: ...") is what the note is, not where it says so: no jump to it
    fields = [*chunks, _chunk("p.md", 5, "Venue: SIGIR 2020 · Read on: 2026-09-10", kind="paragraph")]
    snip = select_notes(NoteTree.build(fields), {"p.md": 0}, _ranked((5, 0.9)), 1, 600, None, {}, with_match=True)[0]
    assert snip.root == 0 and snip.jump is None
    # ... but a table's row is where it says so (trial s49: "which chapters have status drafting" had shown the
    # note's first line alone)
    table = [*chunks, _chunk("p.md", 5, "chapter: Ch2 methods | status: drafting", kind="table_row")]
    snip = select_notes(NoteTree.build(table), {"p.md": 0}, _ranked((5, 0.9)), 1, 600, None, {}, with_match=True)[0]
    assert snip.root == 0 and snip.follow[snip.jump:] == (5,)
    # a code passage keeps its code apart; an embedded one says where it comes from
    code = [*chunks, _chunk("p.md", 5, "Check the lag, run this:", kind="paragraph"),
            _chunk("p.md", 6, "Check the lag, run this:\nkafka-consumer-groups --describe", kind="code"),
            dataclasses.replace(_chunk("p.md", 7, "Restart the consumer", kind="paragraph"), origin="run.md:3")]
    code = [dataclasses.replace(c, heading=["Ops"]) if c.seq >= 5 else c for c in code]
    code_tree = NoteTree.build(code)
    hit = to_hit(code_tree, select_notes(code_tree, {"p.md": 0}, _ranked((6, 0.9)), 1, 600, None, {},
                                         with_match=True)[0])
    assert hit.code == "kafka-consumer-groups --describe" and hit.text.endswith(hit.code)
    hit = to_hit(code_tree, select_notes(code_tree, {"p.md": 0}, _ranked((7, 0.9)), 1, 600, None, {},
                                         with_match=True)[0])
    assert hit.text.endswith("(embedded from run.md)\nRestart the consumer")
    # the match within the opening's window, or without with_match: the opening and what follows it
    assert select_notes(tree, {"p.md": 0}, _ranked((1, 0.9)), 1, 600, None, {}, with_match=True)[0].jump is None
    assert select_notes(tree, {"p.md": 0}, _ranked((3, 0.9)), 1, 600, None, {})[0].jump is None


def test_a_note_asked_for_shows_the_list_it_opens_with_not_only_its_first_answer():
    # trial s52: "my notes on nara" had shown 2 of its 7 bullets: the third, "todai-ji: daibutsu ...", a gloss that
    # ends an answer to a question, not the note asked for
    items = ["JR nara line from kyoto, rapid 09:01 → nara 09:46 (JR pass ok). kintetsu is faster but not covered",
             "deer everywhere, crackers 200 yen", "todai-ji: daibutsu 800 yen. crawl thru the pillar = enlightenment lol",
             "kasuga taisha: stone lanterns", "back by 17:00"]
    tree = NoteTree.build([_chunk("nara.md", i, t) for i, t in enumerate(items)])
    snip = select_notes(tree, {"nara.md": 0}, _ranked((0, 0.9)), 1, 600, None, {})[0]
    assert (snip.root, snip.follow) == (0, (1, 2, 3, 4))


def test_steps_under_a_label_paragraph_are_shown_from_the_first_asked_how():
    # trial s52: "how do i top up the boiler pressure" had shown step 5 alone, steps 1-4 a hit after it: their list is
    # under "How to repressurise (sent to tenants):", a label, no parent bullet
    label = _chunk("boiler.md", 0, "How to repressurise (sent to tenants):", kind="paragraph")
    steps = [dataclasses.replace(_chunk("boiler.md", i, t, depth=1, parent=0), marker=f"{i}.")
             for i, t in enumerate(["boiler off", "find the filling loop", "open both taps", "close both taps",
                                    "boiler back on"], start=1)]
    tree = NoteTree.build([label, *steps])
    cand = [Candidate(5, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, step=True))]
    snip = select(tree, cand, 1, 600, None, {})[0]
    assert (snip.root, snip.follow) == (1, (2, 3, 4, 5))


def test_a_long_code_block_is_one_hit_shown_from_its_start_while_it_fits():
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    lines = [f"RUN step {i} --with-a-flag /and/a/path/{i}" for i in range(12)]
    text = "# Docker\n\nOur base image:\n\n```dockerfile\n" + "\n".join(lines) + "\n```\n\nAfter the code.\n"
    chunks = chunk_note(parse_note(text, "d.md"))
    pieces = [i for i, c in enumerate(chunks) if c.kind == "code"]
    assert len(pieces) == 2
    tree = NoteTree.build(chunks)
    hits = select(tree, _ranked((pieces[1], 0.9), (pieces[0], 0.5)), 3, 600, None, {})
    assert len(hits) == 1  # the second piece is found; the block is shown once, from the sentence before it
    hit = to_hit(tree, hits[0])
    assert hit.text == "Our base image:\n" + "\n".join(lines) and hit.code == "\n".join(lines)
    assert (hit.line, hit.end_line) == (3, 18)  # the intro's line to the closing fence
    small = to_hit(tree, select(tree, _ranked((pieces[1], 0.9)), 1, 200, None, {})[0])  # no room: the piece alone
    assert small.text.startswith("Our base image:\n…\nRUN step") and small.end_line == 18
    # ... its introduction and "…" shown as prose before the fence, its lines as its code (trial s59 TD: a shader's
    # later piece had shown "was 38fps on Deck, now 57" inside the glsl fence)
    assert small.code.startswith("RUN step") and [kind for kind, *_ in small.pieces()] == ["text", "code"]


def test_a_later_piece_of_code_shown_elsewhere_in_its_note_is_its_code_not_its_introduction_again():
    # trial s56: a note asked for, shown from its opening with its match in the code block's last piece, had shown
    # "arduino IDE 2, ..." a second time, inside the code fence, instead of the piece's lines
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    lines = [f"RUN step {i} --with-a-flag /and/a/path/{i}" for i in range(12)]
    text = "# Docker\n\nOur base image:\n\n```dockerfile\n" + "\n".join(lines) + "\n```\n"
    chunks = chunk_note(parse_note(text, "d.md"))
    pieces = [i for i, c in enumerate(chunks) if c.kind == "code"]
    tree = NoteTree.build(chunks)
    exp = Explanation(1, 0.5, None, 0.0, 0.5, rank=0.5)
    hit = to_hit(tree, Snippet(0, (pieces[-1],), 0.5, exp, jump=0))
    later = chunks[pieces[-1]].text.partition("…\n")[2]
    assert later and hit.code == later and hit.text.count("Our base image:") == 1
    assert hit.text.endswith(f"(line {chunks[pieces[-1]].line})\n{later}")


def test_a_copy_of_a_note_in_another_folder_does_not_take_a_second_place():
    chunks = [_chunk("awendland/5S.md", 0, "Seiri: sort"), _chunk("Archive 2021/5S.md", 0, "Seiri: sort"),
              _chunk("lean.md", 0, "5S is a workplace method")]
    chunks = [dataclasses.replace(c, title="5S" if "5S" in c.path else "Lean") for c in chunks]
    tree = NoteTree.build(chunks)
    out = select(tree, _ranked((0, 0.9), (1, 0.89), (2, 0.5)), 2, 600, None, {})
    assert [tree.chunks[s.root].path for s in out] == ["awendland/5S.md", "lean.md"]


def test_a_line_that_ends_in_a_colon_is_shown_with_the_callout_it_introduces():
    chunks = [_chunk("5s.md", 0, "This was taken from the book Clean Code:", kind="paragraph"),
              _chunk("5s.md", 1, "The 5S philosophy comprises these concepts:", kind="quote"),
              _chunk("5s.md", 2, "Seiri, or organization", depth=1),
              _chunk("5s.md", 3, "Another remark.", kind="paragraph")]
    chunks[1] = dataclasses.replace(chunks[1], parents=["Clean Code, page 24"])
    chunks[2] = dataclasses.replace(chunks[2], parents=["Clean Code, page 24"])
    tree = NoteTree.build(chunks)
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow[:2] == (1, 2)
    # a line that does not introduce it stops before another callout
    plain = [dataclasses.replace(chunks[0], text="This was taken from the book Clean Code."), *chunks[1:]]
    assert 1 not in select(NoteTree.build(plain), _ranked((0, 0.9)), 1, 600, None, {})[0].follow


def test_an_item_of_a_very_long_list_is_shown_alone():
    from notesqa.snippets import LONG_LIST

    ideas = [_chunk("ideas.md", i, f"idea number {i}") for i in range(LONG_LIST + 1)]
    out = select(NoteTree.build(ideas), _ranked((3, 0.9)), 1, 600, None, {})
    assert out[0].root == 3 and out[0].follow == ()  # its neighbours are other entries
    short = ideas[:5]  # (a small note of five lines: shown whole)
    assert _shown(select(NoteTree.build(short), _ranked((2, 0.9)), 1, 600, None, {})) == [(0, (1, 2, 3, 4))]


def test_a_record_of_a_paragraph_read_line_by_line_stands_alone():
    # flashcards one a line (units.record_lines): the next card is another answer, not more of this one
    cards = [_chunk("d.md", 0, "Rice water stools → Vibrio cholerae", kind="paragraph"),
             _chunk("d.md", 1, "Koplik spots → Measles", kind="paragraph"),
             dataclasses.replace(_chunk("d.md", 2, "A paragraph after a blank line", kind="paragraph"), line=5,
                                 end_line=5)]
    tree = NoteTree.build(cards)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == \
        "Rice water stools → Vibrio cholerae"
    # (a paragraph after the last card is a record of its own too: the walker marks it so, see the next test)


def test_a_flashcard_of_a_paragraph_of_its_own_stands_alone():
    # a deck of Spaced Repetition cards, a paragraph each (a review comment between them), prose around them
    from notesqa.chunking import chunk_note
    from notesqa.parsing import parse_note

    note = ("# Cardio\n\nBeck's triad of cardiac tamponade: hypotension, raised JVP.\n\n"
            "Kussmaul's sign::a paradoxical rise in JVP on inspiration\n<!--SR:!2026-12-05,7,270-->\n\n"
            "Pulsus paradoxus\n?\nA fall in systolic BP on inspiration\n\nRead Braunwald chapter 83.\n\n"
            "Rice water stools::Vibrio cholerae\nKoplik spots::Measles\n\nRevise these on Friday.\n")
    tree = NoteTree.build(chunk_note(parse_note(note, "c.md")))
    shown = [to_hit(tree, select(tree, _ranked((i, 0.9)), 1, 600, None, {})[0]).text for i in range(7)]
    assert shown == ["Beck's triad of cardiac tamponade: hypotension, raised JVP.",
                     "Kussmaul's sign → a paradoxical rise in JVP on inspiration",
                     "Pulsus paradoxus → A fall in systolic BP on inspiration", "Read Braunwald chapter 83.",
                     "Rice water stools → Vibrio cholerae", "Koplik spots → Measles", "Revise these on Friday."]
    # an arrow in prose is no card: it reads on as prose does (the recheck: "Settings → Appearance")
    prose = "To get dark mode on the laptop:\n\nSettings → Appearance\n\nThen pick Dark and restart Outlook.\n"
    tree = NoteTree.build(chunk_note(parse_note(prose, "p.md")))
    assert "Then pick Dark" in to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text


def test_a_logseq_flashcard_shows_its_answer_not_the_next_card():
    cards = [_chunk("pages/s.md", 0, "Boas' sign #card", kind="bullet"),
             _chunk("pages/s.md", 1, "Hyperaesthesia below the right scapula", kind="bullet"),
             _chunk("pages/s.md", 2, "Cullen's sign #card", kind="bullet"),
             _chunk("pages/s.md", 3, "Periumbilical bruising", kind="bullet")]
    cards = [dataclasses.replace(c, tags=["card"], depth=2 if i % 2 else 1, parent=i - 1 if i % 2 else None,
                                 parents=[cards[i - 1].text] if i % 2 else []) for i, c in enumerate(cards)]
    tree = NoteTree.build(cards)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == \
        "Boas' sign #card\n  - Hyperaesthesia below the right scapula"
    # ... nor does a hit of another block go on to a card after it, its question without its answer (trial s52)
    drug = dataclasses.replace(_chunk("pages/s.md", 0, "naloxone 400mcg IV, repeat every 2-3 min"), depth=1)
    tree = NoteTree.build([drug, *[dataclasses.replace(c, seq=c.seq + 1, parent=None if c.parent is None else
                                                       c.parent + 1) for c in cards]])
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == ()
    # a block that says "#card" within a sentence is no card (the recheck: "Buy a birthday #card at the shop")
    errands = [dataclasses.replace(c, text=t) for c, t in zip(cards, (
        "Buy a birthday #card at the shop", "on Elm Street", "Pick up wrapping paper", "and a gift bag"))]
    tree = NoteTree.build(errands)
    assert "Pick up wrapping paper" in to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text


def test_a_table_row_stands_alone():
    rows = [_chunk("lab.md", 0, "Test: Potassium | Range: 3.5–5.3 | Unit: mmol/L", kind="table_row"),
            _chunk("lab.md", 1, "Test: Sodium | Range: 133–146 | Unit: mmol/L", kind="table_row")]
    tree = NoteTree.build(rows)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == rows[0].text


def test_a_question_and_answer_card_stands_alone():
    cards = [_chunk("qa.md", 0, "Q: Antidote for digoxin toxicity? A: DigiFab", kind="paragraph"),
             dataclasses.replace(_chunk("qa.md", 1, "Q: Antidote for heparin? A: Protamine", kind="paragraph"),
                                 line=4, end_line=4)]
    tree = NoteTree.build(cards)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == cards[0].text


def test_a_glossary_entry_stands_alone_not_with_the_next_terms():
    terms = [_chunk("g.md", 0, "**courée** — a courtyard of back-to-back workers' houses"),
             _chunk("g.md", 1, "**estaminet** — a small bar in the front room of a house"),
             _chunk("g.md", 2, "Koplik spots → Measles")]
    tree = NoteTree.build(terms)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == terms[0].text
    # ... and a glossary written as paragraphs (a definition list's entries: units.definition)
    terms = [dataclasses.replace(_chunk("g.md", i, text, kind="paragraph"), line=3 * i + 1, end_line=3 * i + 2)
             for i, text in enumerate(["Alias — another name for a note", "Backlink — a link from another note"])]
    tree = NoteTree.build(terms)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == terms[0].text
    # ... whatever the term's dots or dash ("package.json – ...", "Time to first byte (TTFB) — ...")
    terms = [dataclasses.replace(_chunk("g.md", i, text, kind="paragraph"), line=3 * i + 1, end_line=3 * i + 2)
             for i, text in enumerate(["package.json – the manifest of a package", "Time to first byte (TTFB) — how long"])]
    tree = NoteTree.build(terms)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == terms[0].text
    # ... not prose that has a dash in it, nor the windows of one paragraph (the recheck of trial HV)
    prose = [dataclasses.replace(_chunk("p.md", i, text, kind="paragraph"), line=3 * i + 1, end_line=3 * i + 2)
             for i, text in enumerate(["The boiler pressure kept dropping below 1 bar — the engineer showed me.",
                                       "Open the filling loop until the gauge reads 1.5 bar = the green zone."])]
    tree = NoteTree.build(prose)
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == "\n".join(c.text for c in prose)
    windows = [dataclasses.replace(c, text=f"Alias — window {i} of a paragraph", group=0) for i, c in enumerate(prose)]
    tree = NoteTree.build(windows)
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    steps = [_chunk("s.md", 0, "Mix the flour"), _chunk("s.md", 1, "Knead it")]  # a list of steps reads on
    tree = NoteTree.build(steps)
    assert "Knead it" in to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text


def test_a_table_gives_two_rows_before_the_other_passages():
    from notesqa.snippets import spread_tables

    rows = [_chunk("strike.md", i, f"Date: {d} Feb 1931 | Strikers: {n}", kind="table_row")
            for i, (d, n) in enumerate([(11, 11200), (18, 30000), (28, 41000), (15, 52000)])]
    prose = _chunk("strike.md", 4, "The strike began in the second week of February 1931.", kind="paragraph")
    tree = NoteTree.build([*rows, prose])
    ranked = _ranked((0, 0.9), (1, 0.89), (2, 0.88), (3, 0.87), (4, 0.8))
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 4, 2, 3]
    assert [to_hit(tree, s).line for s in select(tree, spread_tables(tree, ranked, {}), 3, 600, None, {})] == [1, 2, 5]
    # ... which their explanations say, as shown after a passage of a lower score (trial s61: a row of 0.947 after one
    # of 0.823, and --explain had said nothing of it)
    spread = spread_tables(tree, ranked, {})
    assert [c.explain.spread for c in spread] == [False, False, False, True, True]
    assert "a later row of its table" in str(spread[3].explain)
    # ... but for a question of what is due, a row of the days asked stays in the list of them (trial s90 K: a rent
    # ledger's "Penarth | Due: 15 Mar" had come 18th for "what's due this month", after the things due on the 31st)
    dated = [Candidate(c.row, c.rank, dataclasses.replace(c.explain, day_match=c.row in (0, 1, 2))) for c in ranked]
    assert [c.row for c in spread_tables(tree, dated, {}, due=True)] == [0, 1, 2, 4, 3]
    assert [c.row for c in spread_tables(tree, dated, {})] == [0, 1, 4, 2, 3]
    # ... each table of a note its own two (two per note had put a relevant row of a note's third table below
    # unrelated notes: the recheck of trial HV), the note's fourth after its other passages
    rows = [dataclasses.replace(r, heading=["H", f"Table {i}"]) for i, r in enumerate(rows)]
    tree = NoteTree.build([*rows, prose])
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 2, 4, 3]
    # ... and a note's tables three rows before the next passage of another note (trial HV's second recheck:
    # a "Keyboard shortcuts" note's tables, two rows each, had filled the top five above the Hotkeys steps)
    steps = _chunk("hotkeys.md", 0, "Open Settings, then Hotkeys")
    tree = NoteTree.build([*rows, prose, steps])
    ranked = _ranked((0, 0.9), (1, 0.89), (2, 0.88), (3, 0.87), (5, 0.85), (4, 0.8))
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 2, 5, 3, 4]


def test_a_tables_later_rows_yield_to_passages_near_them_not_to_far_weaker_ones():
    # trial s59 TC-031: "which subscriptions am I meant to be cancelling?": the Disney+ and Google One rows ("cancel",
    # 0.91) had been moved after passages of 0.3, out of the top 50
    from notesqa.snippets import TABLE_YIELD, spread_tables

    rows = [_chunk("subs.md", i, f"What: {w} | Keep?: cancel", kind="table_row")
            for i, w in enumerate(["Amazon Prime", "Rockstars", "Disney+", "Google One"])]
    weak = [_chunk(f"n{i}.md", 0, f"unrelated {i}") for i in range(2)]
    tree = NoteTree.build([*rows, *weak])
    ranked = _ranked((0, 0.95), (1, 0.948), (2, 0.909), (3, 0.906), (4, 0.3), (5, 0.29))
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 2, 3, 4, 5]
    close = _ranked((0, 0.95), (1, 0.948), (2, 0.909), (4, 0.90), (3, 0.906 - TABLE_YIELD - 0.01))
    assert [c.row for c in spread_tables(tree, close, {})] == [0, 1, 4, 2, 3]
    # ... and not before passages above it that come after a day's passages ranked first (trial s67 D: "what happened
    # with carols patch test in april": a November row of 0.730 shown above the Carol row of 0.796, after the day's
    # last line of 0.577)
    day = [_chunk("2026_04_16.md", i, f"line {i} of the day") for i in range(2)]
    tree = NoteTree.build([*rows, *day])
    by_day = _ranked((4, 1.02), (5, 0.577), (0, 0.95), (1, 0.948), (2, 0.909), (3, 0.906))
    assert [c.row for c in spread_tables(tree, by_day, {})] == [4, 5, 0, 1, 2, 3]


def test_a_question_for_several_things_keeps_every_row_that_says_its_words():
    # trial s58 OA-033: "which of the apple trees are cookers or for cider": the two cider rows came, the Bramley
    # "cooker" row (a third row of the table) not in the top 30; a row that says none of its words is spread as before
    from notesqa.keywords import tokenize
    from notesqa.snippets import spread_tables

    rows = [_chunk("Orchard.md", i, t, kind="table_row") for i, t in enumerate(
        ["variety: Dabinett | type: cider", "variety: Kingston Black | type: cider", "variety: Discovery | type: eater",
         "variety: Bramley | type: cooker"])]
    prose = _chunk("Orchard.md", 4, "22 trees, planted 2022-23, mostly apple", kind="paragraph")
    tree = NoteTree.build([*rows, prose])
    ranked = _ranked((0, 0.9), (1, 0.89), (2, 0.88), (3, 0.87), (4, 0.8))
    asked = frozenset(tokenize("which of the apple trees are cookers or for cider"))
    assert [c.row for c in spread_tables(tree, ranked, {}, asked)] == [0, 1, 3, 4, 2]
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 4, 2, 3]  # (a question for no list: as before)


def test_a_row_that_says_a_question_word_the_rows_before_it_do_not_stays_where_it_ranks():
    # trial s59 RD-040: "tom holidy dec": two of Tom's other holidays' rows came first, his "14–16 Dec" row (the
    # table's third of his) was moved after every other passage, out of the top 50
    from notesqa.keywords import tokenize
    from notesqa.snippets import spread_tables

    rows = [_chunk("Holidays 2026.md", i, t, kind="table_row") for i, t in enumerate(
        ["Who: Tom | Dates: 25 Aug – 1 Sep", "Who: Tom | Dates: 6–13 Apr", "Who: Tom | Dates: 14–16 Dec",
         "Who: Tom | Dates: 2–3 Mar"])]
    tree = NoteTree.build([*rows, _chunk("Daily.md", 0, "Tom asked again re Dec off")])
    ranked = _ranked((0, 0.9), (1, 0.89), (2, 0.88), (3, 0.87), (4, 0.8))
    assert [c.row for c in spread_tables(tree, ranked, {}, asked=frozenset(tokenize("tom holiday dec")))] \
        == [0, 1, 2, 4, 3]
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 4, 2, 3]


def test_the_newest_row_asked_for_stays_where_it_ranks():
    # trial s45: "when was the van's last oil change?" never showed the log's newest row, its table's third
    from notesqa.snippets import spread_tables

    rows = [_chunk("van.md", i, f"Date: 2026-0{i + 1}-01 | Oil change", kind="table_row") for i in range(3)]
    tree = NoteTree.build([*rows, _chunk("van.md", 3, "Oil: 0W-20 full synthetic")])
    ranked = _ranked((0, 0.9), (1, 0.89), (2, 0.88), (3, 0.8))
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 3, 2]
    ranked[2] = Candidate(2, 0.88, Explanation(None, 0.0, None, 0.0, 0.0, recent=1.0))
    assert [c.row for c in spread_tables(tree, ranked, {})] == [0, 1, 2, 3]


def test_a_small_comparison_table_is_shown_whole():
    # trial E: "linearizability vs serializability" showed two of the table's four rows, never "real-time order"
    rows = [_chunk("ds.md", i, text, kind="table_row") for i, text in enumerate([
        "about | linearizability: single object | serializability: transactions",
        "real-time order | linearizability: yes | serializability: no",
        "combined | linearizability: strict serializability"])]
    tree = NoteTree.build([*rows, _chunk("ds.md", 3, "linearizability is composable")])

    def ranked(*pairs, compares=True):  # (a question naming two of its columns: Explanation.compares; and the
        # heading above the table, as "## Linearizability vs serializability" does: the recheck)
        return [Candidate(row, rank, Explanation(None, rank, None, 0.0, rank, rank=rank, compares=compares,
                                                 heading_named=True)) for row, rank in pairs]
    hits = [to_hit(tree, s) for s in select(tree, ranked((2, 0.9), (0, 0.8), (3, 0.7)), 3, 600, None, {})]
    assert hits[0].text == "\n".join(r.text for r in rows) and hits[0].line == 1
    assert [h.text for h in hits[1:]] == ["linearizability is composable"]
    # ... only when it fits the hit's room, and for a question that compares its columns (the recheck: an
    # expenses table of four shops had shown whole for "how much did I spend at Halfords?")
    assert select(tree, ranked((2, 0.9)), 1, 100, None, {})[0].root == 2
    assert select(tree, ranked((2, 0.9), compares=False), 1, 600, None, {})[0].root == 2


def test_a_small_table_under_the_heading_asked_about_is_shown_whole():
    # trial HV: "how do I install Brindle on Linux?" showed the .deb row, the Flatpak row as another hit
    rows = [dataclasses.replace(_chunk("install.md", i, text, kind="table_row"), heading=["Install", "Linux"])
            for i, text in enumerate(["Format: AppImage | Updates: Automatic", "Format: Flatpak | Updates: Flatpak",
                                      "Format: .deb | Updates: the app"])]
    tree = NoteTree.build([*rows, _chunk("install.md", 3, "Windows needs no admin rights " * 15, kind="paragraph")])

    def ranked(named):  # (under the heading the question names, naming none of its rows: ranking's section_table)
        return [Candidate(row, rank, Explanation(None, rank, None, 0.0, rank, rank=rank, heading_named=named,
                                                 section_table=named)) for row, rank in ((2, 0.9), (1, 0.8))]
    hits = [to_hit(tree, s) for s in select(tree, ranked(True), 2, 600, None, {})]
    assert [h.text for h in hits] == ["\n".join(r.text for r in rows)] and hits[0].line == 1
    # a question that does not name its heading gets the row (a table of records: each row stands alone)
    assert [s.root for s in select(tree, ranked(False), 2, 600, None, {})] == [2, 1]


def test_a_later_item_of_a_short_list_under_the_heading_asked_about_shows_the_list_whole():
    # Logseq's "What are the known limitations of undo and redo?": the second item of "### Limitations and Known
    # Issues" matched, the first ("Currently unavailable for flashcards") ranked 7th
    def item(seq, text, heading=("Functionality", "Limitations")):
        return dataclasses.replace(_chunk("undo.md", seq, text), heading=list(heading))
    chunks = [item(0, "Works with other features", ("Functionality",)), item(1, "Unavailable for flashcards"),
              item(2, "Undo may differ with external editors"), item(3, "A long history may be slow")]
    tree = NoteTree.build(chunks)

    def ranked(named, row=2):
        return [Candidate(row, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, heading_named=named))]
    hit = to_hit(tree, select(tree, ranked(True), 1, 600, None, {})[0])
    assert hit.text.splitlines()[0] == "Unavailable for flashcards" and "A long history" in hit.text
    assert (hit.line, hit.match_line, hit.match_row) == (2, 3, 1)
    assert select(tree, ranked(True, row=3), 1, 600, None, {})[0].root == 1
    # not when the question does not name the heading and the item is in the list's later half (for its last
    # item alone), nor when the list does not fit
    assert select(tree, ranked(False, row=3), 1, 600, None, {})[0].root == 3
    assert select(tree, ranked(True), 1, 40, None, {})[0].root == 2


def test_a_hit_that_shows_most_of_a_short_list_shows_it_from_its_first_item():
    # trial s68 C: "which upvc lock makes do i come across most" showed four makes from the second, not "Fullex"
    def item(seq, text, heading=("UPVC", "Common makes")):
        return dataclasses.replace(_chunk("upvc.md", seq, text), heading=list(heading))
    makes = ["Fullex - composites", "Winkhaus - sturdy", "GU Ferco - 90s doors", "Maco - a few", "Yale Doormaster"]
    tree = NoteTree.build([item(0, "Take handle off", ("UPVC", "Steps")),
                           *(item(i + 1, text) for i, text in enumerate(makes))])

    def hit(row, budget=600):
        ranked = [Candidate(row, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9))]
        return to_hit(tree, select(tree, ranked, 1, budget, None, {})[0])
    def lines(h):
        return [line.removeprefix("- ") for line in h.text.splitlines()]
    first = hit(2)
    assert lines(first) == makes and (first.line, first.match_line) == (2, 3)
    assert lines(hit(3)) == makes  # (two before it, three shown from it)
    # a hit on a later item than the list's middle shows its rest, as before; so does a list that does not fit
    assert lines(hit(4)) == makes[3:]
    assert lines(hit(2, budget=60))[0] == makes[1]
    # ... not a daily note's entries, each a record of its own (trial s68 D: "xmas do Fri 18 Dec" under the day's
    # reminder before it)
    day = NoteTree.build([dataclasses.replace(_chunk("journals/2026_12_04.md", i, text), heading=[])
                          for i, text in enumerate(("reminder: entries", "xmas do Fri 18 Dec", "TODO copies",
                                                    "a long day " * 40))])  # (no small note, shown whole)
    ranked = [Candidate(1, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9))]
    assert select(day, ranked, 1, 600, None, {})[0].root == 1


def test_a_list_shown_from_its_first_item_keeps_all_the_hit_showed():
    # the s68 shared sets (Logseq's templates page): the list read up to a block's properties had cut "There're two
    # ways to make ... template" from the hit that had shown it, lq2-001 1 -> 4
    chunks = [_chunk("t.md", 0, "You can make a block a template."), _chunk("t.md", 1, "For example, a meeting block:"),
              _chunk("t.md", 2, "MEETING TITLE", depth=1, parent=1),
              _chunk("t.md", 3, "author: logseq", kind="paragraph", depth=1, parent=2),
              _chunk("t.md", 4, "There are two ways to make it a template: right click the block dot"),
              _chunk("t.md", 5, "To use it, type /Template")]
    tree = NoteTree.build(chunks)
    ranked = [Candidate(1, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9))]
    assert _shown(select(tree, ranked, 1, 600, None, {})) == [(0, (1, 2, 3, 4, 5))]
    assert _shown(select(tree, ranked, 1, 150, None, {})) == [(1, (2, 3, 4))]  # (no room for the first: as it was)


def test_a_later_step_of_numbered_steps_shows_the_steps_from_the_first():
    # trial HV: "4. Press the key combination you want." came 7th, steps 1-3 8th, below it
    def step(seq, n, text):
        return dataclasses.replace(_chunk("hotkeys.md", seq, text), heading=["Hotkeys", "Assign"], marker=f"{n}.")
    chunks = [step(0, 1, "Open Settings"), step(1, 2, "Search for the command"), step(2, 3, "Press the key")]
    long = dataclasses.replace(_chunk("hotkeys.md", 3, "A hotkey runs a command. " * 20, kind="paragraph"),
                               heading=["Hotkeys"])  # (not a small note, which shows whole)
    tree = NoteTree.build([*chunks, long])

    def ranked(*pairs, how=True):  # (a question that asks how: ranking's Explanation.step)
        return [Candidate(row, rank, Explanation(None, rank, None, 0.0, rank, rank=rank, step=how))
                for row, rank in pairs]
    hits = [to_hit(tree, s) for s in select(tree, ranked((2, 0.9), (0, 0.8)), 2, 600, None, {})]
    assert [h.text for h in hits] == ["1. Open Settings\n2. Search for the command\n3. Press the key"]
    assert hits[0].line == 1 and hits[0].match == "Press the key"  # the step that matched, where the steps start
    # not for a question that does not ask how (the recheck: "what's the plumber's number?" in a numbered list)
    assert select(tree, ranked((2, 0.9), how=False), 1, 600, None, {})[0].root == 2
    # only the steps counted from 1: not the bulleted list before them, nor another numbered list
    before = [dataclasses.replace(_chunk("hotkeys.md", i, t), heading=["Hotkeys", "Assign"], marker=m)
              for i, (t, m) in enumerate([("Standup notes", "-"), ("Buy milk", "1."), ("Gym", "2.")])]
    moved = [dataclasses.replace(c, seq=c.seq + 3) for c in chunks]
    tree = NoteTree.build([*before, *moved, long])
    hit = to_hit(tree, select(tree, ranked((5, 0.9)), 1, 600, None, {})[0])
    assert hit.text == "1. Open Settings\n2. Search for the command\n3. Press the key"
    # the code the last step introduces comes with the steps (the recheck: it had come as the next hit)
    code = dataclasses.replace(_chunk("hotkeys.md", 3, "Press the key\nctrl+k", kind="code"), heading=["Hotkeys", "Assign"])
    tree = NoteTree.build([*chunks, code, dataclasses.replace(long, seq=4)])
    hit = to_hit(tree, select(tree, ranked((1, 0.9)), 1, 600, None, {})[0])
    assert hit.text == "1. Open Settings\n2. Search for the command\n3. Press the key\nctrl+k" and hit.code == "ctrl+k"
    # a step's own code block nested under it (a Logseq runbook's) does not end the steps (trial s36: "3. Promote
    # the replica" had come alone, its code the next hit, steps 1-2 nowhere: step 1's code had cut them off)
    nested = [step(0, 1, "Check the state"), dataclasses.replace(_chunk("hotkeys.md", 1, "patronictl list", kind="code"),
                                                                 heading=["Hotkeys", "Assign"], parent=0, depth=2),
              step(2, 2, "Pick a replica"), step(3, 3, "Promote it"),
              dataclasses.replace(_chunk("hotkeys.md", 4, "pg_ctl promote", kind="code"), heading=["Hotkeys", "Assign"],
                                  parent=3, depth=2)]
    tree = NoteTree.build([*nested, dataclasses.replace(long, seq=5)])
    hit = to_hit(tree, select(tree, ranked((3, 0.9), (4, 0.85)), 2, 600, None, {})[0])
    assert hit.line == 1 and hit.text == ("1. Check the state\n    patronictl list\n2. Pick a replica\n3. Promote it\n"
                                          "    pg_ctl promote")


def test_a_note_asked_for_that_opens_with_a_small_table_shows_it_whole(tmp_path, embedder):
    # trial s33: "which note lists my subscriptions?" showed one row of the Subscriptions note's table
    from notesqa import build_index
    from notesqa.search import NotesIndex

    write(tmp_path / "notes" / "Subscriptions.md", """
        # Subscriptions

        | what | per month | renews |
        |---|---|---|
        | Netflix | 4.99 | 12th |
        | Spotify Duo | 14.99 | 3rd |
        | Guardian app | 6.99 | 1st |

        Cancelled: Disney+, Now TV.
        """)
    write(tmp_path / "notes" / "Budget.md", "# Budget\n- Monthly take-home pay after the pay rise.\n")
    build_index(tmp_path / "notes", tmp_path / "index", embedder=embedder)
    top = NotesIndex.open(tmp_path / "index", embedder=embedder).search("which note lists my subscriptions?", k=2)[0]
    assert top.path == "Subscriptions.md" and top.line == 5
    assert all(name in top.text for name in ("Netflix", "Spotify Duo", "Guardian app"))


def test_a_note_asked_for_that_opens_with_a_table_shows_it_whole_before_where_it_matched(tmp_path, embedder):
    # recheck: the sentence under the table matched best, and the hit had shown the first row, then that sentence
    from notesqa import build_index
    from notesqa.search import NotesIndex

    write(tmp_path / "notes" / "Vaccinations.md", """
        # Vaccinations

        | vaccine | when |
        |---|---|
        | Tetanus | 2019 |
        | Yellow fever | 2015 |
        | Hepatitis A | 2022 |

        Next jabs: ask the surgery about the vaccinations booster in spring.
        """)
    write(tmp_path / "notes" / "Garden.md", "# Garden\n- Prune roses in March.\n")
    build_index(tmp_path / "notes", tmp_path / "index", embedder=embedder)
    top = NotesIndex.open(tmp_path / "index", embedder=embedder).search("which note lists my vaccinations booster?",
                                                                      k=2)[0]
    assert top.path == "Vaccinations.md" and top.line == 5
    assert all(v in top.text for v in ("Tetanus", "Yellow fever", "Hepatitis A")) and "booster" in top.text
    assert top.text.index("Hepatitis A") < top.text.index("… (line") < top.text.index("booster")


def test_a_note_asked_for_shows_the_short_list_it_opens_with_whole():
    # a checklist of "sign → what it means" items: each stands alone as a hit, but the note opens with all of them
    flags = [_chunk("h.md", i, t, depth=1) for i, t in enumerate(
        ("Thunderclap → SAH until proven otherwise", "New headache over 50 → giant cell arteritis",
         "Fever, rash, neck stiffness → meningitis"))]
    later = dataclasses.replace(_chunk("h.md", 3, "CT within 6 hours is nearly 100% sensitive.", kind="paragraph"),
                                heading=["SAH"])
    tree = NoteTree.build([*flags, later])
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == ()  # a hit: the item alone
    assert select_notes(tree, {"h.md": 0}, _ranked((3, 0.9)), 1, 600, None, {})[0].follow == (1, 2)
    # a note whose opening is a later item (a journal's tagged block) shows it once, not the list again
    assert select_notes(tree, {"h.md": 1}, _ranked((3, 0.9)), 1, 600, None, {})[0].follow == ()


def test_a_long_lists_section_scan_stops_where_its_rows_outgrow_the_budget():
    # trial s38: a running log's 27,000 bullets under one heading had been read whole for each of its hits
    from notesqa.snippets import _section_list

    class Counted(list):
        reads = 0

        def __getitem__(self, i):
            Counted.reads += 1
            return super().__getitem__(i)

    tree = NoteTree.build([_chunk("log.md", i, f"entry {i} of the running log") for i in range(5000)])
    tree = dataclasses.replace(tree, chunks=Counted(tree.chunks))
    assert _section_list(tree, 2500, 350, set(), whole=True) == [] and Counted.reads < 200


def test_an_item_of_a_few_words_is_shown_with_the_paragraph_that_leads_into_its_list(tmp_path, embedder):
    notes = tmp_path / "notes"
    write(notes / "dfs.md", """
        # Distributed file systems

        ## Replication

        Replication keeps copies of the same file on several machines. This has the advantages of:

        - Load balancing,
        - availability, and
        - fault tolerance.

        ## Caching

        Clients cache what they read.

        - fault tolerance is not what caching is for
        """)
    build_index(notes, tmp_path / "index", embedder=embedder)
    idx = open_index(tmp_path / "index", embedder)
    hits = idx.search("fault tolerance.", k=3)
    item = next(h for h in hits if h.text.endswith("- fault tolerance."))
    # what it is an advantage of, not the two words alone; the item the matched line
    assert item.text.startswith("Replication keeps copies") and "- Load balancing," in item.text
    assert item.match_line == 9
    # an item that says something is shown as itself (its list's lead-in is no colon either)
    other = next(h for h in hits if "caching is for" in h.text)
    assert other.text == "fault tolerance is not what caching is for"


def test_a_note_asked_for_whose_match_opens_its_opening_list_is_shown_from_the_match_once():
    # trial s45: the opening (the list's second item), "… (line 1)", then the whole list again from its first
    chunks = [_chunk("c.md", i, t) for i, t in enumerate(["Poison control: 1-800-222-1222", "Dr. Patel (555) 214-7780",
                                                           "Grandma Ruth (555) 662-0193"])]
    tree = NoteTree.build(chunks)
    snip = select_notes(tree, {"c.md": 1}, _ranked((0, 0.9)), 1, None, None, {}, with_match=True)[0]
    assert (snip.root, snip.follow, snip.jump) == (0, (1, 2), None)


def test_a_task_set_for_the_day_asked_is_shown_alone_not_with_its_notes_day(tmp_path, embedder):
    # trial s45: "what's scheduled for December 15?" showed the task, then the journal's other to-dos of 20 November
    write(tmp_path / "n" / "Daily" / "2026-11-20.md", """
        - [ ] Leo allergist follow-up, bring the EpiPens ⏳ 2026-12-15
        - [ ] Schedule the sealants
        - Gutters done for the fall
        """)
    write(tmp_path / "n" / "Daily" / "2026-12-15.md", "- Snow day, school closed\n- Built a snowman\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("what's scheduled for 2026-12-15?", k=3)
    task = next(h for h in hits if h.path == "Daily/2026-11-20.md")
    assert "Schedule the sealants" not in task.text and "Gutters" not in task.text
    day = next(h for h in hits if h.path == "Daily/2026-12-15.md")
    assert "Snow day" in day.text and "Built a snowman" in day.text  # a day's own list, whole
    # ... and the note's own day asked: its list whole, the task among it (the review: it had been split in three)
    hits = open_index(tmp_path / "ix", embedder).search("what did I do on 2026-11-20?", k=3)
    assert hits[0].path == "Daily/2026-11-20.md" and "Schedule the sealants" in hits[0].text \
        and "Gutters" in hits[0].text and "Leo allergist" in hits[0].text


def test_a_code_hit_shown_with_the_numbered_step_that_introduces_it_keeps_its_number(tmp_path, embedder):
    # trial s47: "Restart pgbouncer ...:" over its code had lost its "2.", and (its `code span`) been said again in
    # the breadcrumb
    write(tmp_path / "n" / "Failover.md", "# Failover\n\n## Steps\n\n1. Check the primary first.\n"
          "2. Restart pgbouncer so it re-resolves DNS (it caches it, `dns_max_ttl` is 15s but we've seen it stick):\n"
          "   ```sh\n   kubectl -n billing rollout restart deploy/pgbouncer\n   ```\n3. Check apps recovered.\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hit = open_index(tmp_path / "ix", embedder).search("kubectl -n billing rollout restart deploy/pgbouncer", k=1)[0]
    assert hit.text.startswith("2. Restart pgbouncer") and hit.code == "kubectl -n billing rollout restart deploy/pgbouncer"
    assert hit.breadcrumb == ["Failover", "Steps"]


def test_a_quote_or_a_callout_of_one_line_ends_where_it_does():
    # trial s47: "> [!tip] if the walk-in is running warm ...", a blank line, then a list of prices: shown as one hit
    tip = [dataclasses.replace(_chunk("c.md", 0, "if the walk-in is running warm, cut the retard", kind="quote"),
                               line=5, end_line=5),
           dataclasses.replace(_chunk("c.md", 1, "wholesale price £3.10"), line=7, end_line=7),
           dataclasses.replace(_chunk("c.md", 2, "retail £2.40"), line=8, end_line=8)]
    assert select(NoteTree.build(tip), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == ()
    # ... but a list right under a quote's line goes on from it
    under = [tip[0], dataclasses.replace(tip[1], line=6, end_line=6), dataclasses.replace(tip[2], line=7, end_line=7)]
    assert select(NoteTree.build(under), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2)
    # ... a callout under its title too (trial s89 D: a Logseq "#+BEGIN_QUOTE" block, title "Quote", had gone on to the
    # page's next block, "If Awards for All say no ... from reserves")
    titled = [dataclasses.replace(tip[0], parents=["Quote"]), *tip[1:]]
    assert select(NoteTree.build(titled), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == ()
    # ... but a list inside the callout after a blank line goes on (the shared Obsidian set's SIP note: "This has four
    # major responsibilities." had lost its list)
    inside = [titled[0], *(dataclasses.replace(c, parents=["Quote"]) for c in tip[1:])]
    assert select(NoteTree.build(inside), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2)


def test_a_steps_code_that_matched_shows_the_steps_from_the_first_as_far_as_they_fit():
    # trial s48: a runbook's "4. Promote it:" matched by its code had been shown alone, step 1 nowhere; its eight
    # steps with their code did not fit a hit, so none had been shown from the first
    def step(seq, n, text):
        return dataclasses.replace(_chunk("failover.md", seq, text), heading=["Failover", "Steps"], marker=f"{n}.")

    def code(seq, parent, text):
        return dataclasses.replace(_chunk("failover.md", seq, text, kind="code"), heading=["Failover", "Steps"],
                                   parent=parent)
    chunks = [step(0, 1, "Confirm the leader is dead:"), code(1, 0, "Confirm the leader is dead:\npatronictl list"),
              step(2, 2, "Pause patroni"), step(3, 3, "Promote it:"), code(4, 3, "Promote it:\npatronictl failover"),
              step(5, 4, "Point pgbouncer at it:"), code(6, 5, "Point pgbouncer at it:\n" + "y" * 300),
              step(7, 5, "Resume patroni")]
    long = dataclasses.replace(_chunk("failover.md", 8, "Failover is rare. " * 20, kind="paragraph"), heading=["Failover"])
    tree = NoteTree.build([*chunks, long])
    ranked = [Candidate(4, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, step=True))]
    hit = to_hit(tree, select(tree, ranked, 1, 400, None, {})[0])
    assert hit.line == 1 and hit.text.startswith("1. Confirm the leader is dead:")
    assert hit.text.endswith("3. Promote it:\npatronictl failover\n… (more steps from line 6)")
    assert "Point pgbouncer" not in hit.text  # ... and the steps cut to fit say where they go on
    # every step's code is code, not only the last's (trial s50: step 1's had been shown as plain lines)
    assert [(kind, text) for kind, text, _, _ in hit.pieces()] == [
        ("text", "1. Confirm the leader is dead:"), ("code", "patronictl list"), ("text", "2. Pause patroni\n3. Promote it:"),
        ("code", "patronictl failover"), ("text", "… (more steps from line 6)")]
    assert [row for *_, row in hit.pieces()] == [0, 1, 2, 4, 5]
    # all the steps shown: nothing said to follow
    whole = to_hit(tree, select(tree, ranked, 1, 900, None, {})[0])
    assert whole.text.endswith("5. Resume patroni") and "more steps" not in whole.text


def test_an_item_under_a_parent_that_only_labels_its_list_shows_the_list_whole():
    # trial s48: "what do i need for nmc revalidation?" had shown the six items under "need:" as two hits
    def bullet(seq, text, parent=None):
        return dataclasses.replace(_chunk("reval.md", seq, text), heading=["Revalidation"], parent=parent,
                                   parents=["need:"] if parent is not None else [])
    items = ["450 practice hours", "35 hrs CPD", "5 pieces of feedback", "5 reflective accounts",
             "a reflective discussion", "confirmation by line manager"]
    chunks = [bullet(0, "next revalidation due: 31 Aug 2027"), bullet(1, "need:"),
              *[bullet(2 + i, t, parent=1) for i, t in enumerate(items)], bullet(8, "course modules count as CPD"),
              dataclasses.replace(_chunk("reval.md", 9, "Revalidation is every three years. " * 20, kind="paragraph"),
                                  heading=["Revalidation"])]
    tree = NoteTree.build(chunks)
    ranked = [Candidate(6, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9))]
    hit = to_hit(tree, select(tree, ranked, 1, 600, None, {})[0])
    assert hit.text.split("\n")[0] == "need:" and all(t in hit.text for t in items)
    assert "course modules" not in hit.text and hit.match == "a reflective discussion"
    # not under a parent that says something of its own
    chunks[1] = bullet(1, "we need these before the NMC portal opens in August, says Funmi:")
    hit = to_hit(NoteTree.build(chunks), select(NoteTree.build(chunks), ranked, 1, 600, None, {})[0])
    assert hit.text.split("\n")[0] == "a reflective discussion"


def test_a_tables_caption_shows_its_small_table():
    # trial s48: the caption "... Holders:" had come alone, the holders' rows as the next hit
    caption = dataclasses.replace(_chunk("v.md", 0, "Manual fallback: 3 of 5 keys are needed. Holders:", kind="paragraph"),
                                  thin=True)
    rows = [dataclasses.replace(_chunk("v.md", i, f"holder: {h} | where: safe {i}", kind="table_row"),
                                parents=["Manual fallback: 3 of 5 keys are needed. Holders"])
            for i, h in enumerate(["Priya", "Tomasz", "Sofia"], 1)]
    after = _chunk("v.md", 4, "Practise it in staging first. " * 20, kind="paragraph")
    tree = NoteTree.build([caption, *rows, after])
    hit = to_hit(tree, select(tree, _ranked((0, 0.9), (2, 0.8)), 2, 600, None, {})[0])
    assert hit.text == "\n".join(c.text for c in [caption, *rows])
    # not a paragraph that is no caption of the table after it
    tree = NoteTree.build([caption, *[dataclasses.replace(r, parents=[]) for r in rows], after])
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == caption.text
    # ... but a block of a few words, no sentence, over the next block's table, as a Logseq page writes one, a caption
    # (trial s64 Q: "- Current hogs in (updated 4 Dec 2026)" had come alone, for a question for a list too)
    block = _chunk("h.md", 0, "Current hogs in (updated 4 Dec 2026)")
    hogs = [_chunk("h.md", i, f"Name: {h} | Pen: {i}", kind="table_row") for i, h in enumerate(["Conker", "Pickle"], 1)]
    tree = NoteTree.build([block, *hogs, _chunk("h.md", 3, "Out this yr")])
    listing = Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=True)
    for ranked in (_ranked((0, 0.9)), [Candidate(0, 0.9, listing)]):
        assert to_hit(tree, select(tree, ranked, 1, 600, None, {})[0]).text == "\n".join(c.text for c in [block, *hogs])
    said = _chunk("h.md", 0, "Conker is heavier than Pickle now.")
    tree = NoteTree.build([said, *hogs])
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == said.text  # (a sentence)
    # ... nor a block of the section before the table's (trial s74 A: "Midpoint meeting booked Weds 10 Feb 2027" under a
    # Logseq page's "## Supervisor" had been shown with the SLE table of "## SLEs so far" after it)
    midpoint = dataclasses.replace(_chunk("h.md", 0, "Midpoint meeting booked Weds 10 Feb 2027"), heading=["Supervisor"])
    sles = [dataclasses.replace(h, heading=["SLEs so far"]) for h in hogs]
    tree = NoteTree.build([midpoint, *sles])
    assert to_hit(tree, select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0]).text == midpoint.text


def test_a_list_in_a_callout_is_no_item_of_the_list_before_it():
    # trial s74 AA: "> [!warning] Lesson from August" > "- Every visit needs pre-notification" after a plain list had
    # been shown from that list's first item, its callout's title gone from the breadcrumb
    plain = [_chunk("d.md", i, f"plain bullet {i}") for i in range(2)]
    lesson = [dataclasses.replace(_chunk("d.md", 2 + i, t), parents=["Lesson from August"])
              for i, t in enumerate(["Every visit needs pre-notification", "do it when emailing the list"])]
    tree = NoteTree.build([*plain, *lesson])
    hit = to_hit(tree, select(tree, _ranked((2, 0.9)), 1, 600, None, {})[0])
    assert hit.text.startswith("Every visit needs pre-notification") and hit.breadcrumb[-1] == "Lesson from August"


def test_a_parent_takes_a_hit_over_only_when_the_row_that_matched_still_shows():
    # the s48 figures: a labelled list's item ("`append`: ...") shown from its label, then taken over by the block
    # above the label, whose text and the list's first items filled the hit: the item that matched had been cut off
    def bullet(seq, text, parent=None, parents=()):
        return dataclasses.replace(_chunk("p.md", seq, text), parent=parent, parents=list(parents), depth=len(parents))
    block = bullet(0, "quickCapture " + "for short text and links " * 12)
    items = [bullet(2 + i, f"`{n}`: the {n} parameter " + "x" * 40, 1, [block.text, "Parameters:"])
             for i, n in enumerate(["url", "title", "content", "append"])]
    chunks = [block, bullet(1, "Parameters:", 0, [block.text]), *items]
    tree = NoteTree.build(chunks)
    hit = to_hit(tree, select(tree, _ranked((5, 0.9), (0, 0.89)), 1, 400, None, {})[0])
    assert "`append`" in hit.text


def test_a_matching_sibling_right_after_a_hit_is_shown_in_it():
    # trial s48: "at konbini they ask 温めますか?" and the next bullet "and お箸おつけしますか?" had been two hits
    def bullet(seq, text):
        return dataclasses.replace(_chunk("food.md", seq, text), parent=0 if seq else None, depth=1 if seq else 0,
                                   parents=["持ち帰りできますか"] if seq else [])
    long = [bullet(i, f"phrase {i} " + "y" * 80) for i in range(4, 50)]  # (a long list: each item alone)
    chunks = [bullet(0, "持ち帰りできますか"), bullet(1, "at konbini they ask 温めますか?"), bullet(2, "and お箸おつけしますか?"),
              bullet(3, "☐ buy chopsticks"), *long]
    tree = NoteTree.build(chunks)
    hits = select(tree, _ranked((1, 0.9), (2, 0.8), (9, 0.7)), 2, 600, None, {})
    assert [(s.root, s.follow) for s in hits][0] == (1, (2,)) and hits[1].root == 9
    # not a task after it (each task its own hit, trial s45)
    hits = select(tree, _ranked((2, 0.9), (3, 0.8)), 2, 600, None, {})
    assert [s.root for s in hits] == [2, 3]
    # nor a sibling that matches far less, once a hit only, whatever k (the second review)
    assert [(s.root, s.follow) for s in select(tree, _ranked((1, 0.9), (2, 0.3), (9, 0.2)), 2, 600, None, {})] == \
        [(1, ()), (2, ())]
    assert select(tree, _ranked((1, 0.9), (2, 0.8)), 1, 600, None, {})[0].follow == (2,)
    # ... nor one before it: the list from it to the hit, the hit's line still the match (trial s57 LB: "who still owes
    # subs this term?" had shown "Stuart - paid first half", then "Sue T", "Pete", "Alastair" as a second hit)
    rules = [dataclasses.replace(_chunk("Subs.md", i, f"rule {i} " + "z" * 120), heading=["Subs"]) for i in range(4)]
    owed = [dataclasses.replace(_chunk("Subs.md", i, name), heading=["Subs", "Autumn 2026 - not paid yet"])
            for i, name in enumerate(["Sue T (agreed to wait)", "Pete", "Alastair - reminded twice",
                                      "Stuart - paid first half"], 4)]
    tree = NoteTree.build(rules + owed)
    hits = select(tree, _ranked((7, 0.62), (4, 0.61), (6, 0.5)), 3, 600, None, {})
    assert [(s.root, s.follow, s.matched) for s in hits] == [(4, (5, 6, 7), 7)]
    # ... nor one before a hit that shows a list's last items: the list from it, its match kept (trials s63 MUS-040,
    # SCT-024: "evaluation (cut to £2,400)" and "contingency etc." had come first, the list's first four third)
    paid = [dataclasses.replace(_chunk("Grant.md", i, text), heading=["Grant", "What it paid for"])
            for i, text in enumerate(["exhibition design & graphics £9,200", "oral history kit £6,800",
                                      "freelance learning officer £12,000", "school workshop kits £2,100",
                                      "evaluation (cut to £2,400)", "contingency etc."])]
    tree = NoteTree.build(paid + [dataclasses.replace(_chunk("Grant.md", 6, "outcome " + "w" * 400), heading=["Grant"])])
    hits = select(tree, _ranked((4, 0.71), (0, 0.65), (2, 0.3)), 3, 600, None, {})
    assert [(s.root, s.follow, s.matched) for s in hits] == [(0, (1, 2, 3, 4, 5), 4)]
    assert [s.root for s in select(tree, _ranked((4, 0.71), (0, 0.4)), 3, 600, None, {})] == [4, 0]  # (far below)


def test_a_label_over_a_long_list_shows_no_list_whole(monkeypatch):
    # the s48 review: "- log:" over 20,000 bullets had been read whole for every candidate under it
    from notesqa import snippets

    head = _chunk("log.md", 0, "log:")
    items = [dataclasses.replace(_chunk("log.md", i, f"entry {i} fixed a flaky test"), parent=0, parents=["log:"],
                                 depth=1) for i in range(1, 2001)]
    tree = NoteTree.build([head, *items])
    read = []
    real = snippets._descends
    monkeypatch.setattr(snippets, "_descends", lambda *a: read.append(a[1]) or real(*a))
    assert snippets._labelled_list(tree, 5, 600, set()) == []
    assert len(read) < 40  # the rows that fit 600 characters, not the 2,000 (the second review)


def test_a_daily_notes_entry_with_blocks_under_it_is_shown_without_the_days_next_entries():
    # trial s49: "terraform stuck lock" in a Logseq journal had gone on to the day's next block, a merchant's spike
    def day(path):
        return [_chunk(path, 0, "terraform lock on infra/prod stuck since friday"),
                dataclasses.replace(_chunk(path, 1, "checked w/ Kwame, did force-unlock", depth=1, parent=0),
                                    parents=["terraform lock on infra/prod stuck since friday"]),
                _chunk(path, 2, "merchant FlixTix hammered /payments with 9k rps")]
    tree = NoteTree.build(day("journals/2025_11_03.md"))
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1,)
    # ... while a list's item in another note reads on to the items after it, as before
    tree = NoteTree.build(day("pages/infra.md"))
    assert select(tree, _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2)


def test_a_log_entry_that_opens_with_a_day_in_any_form_is_shown_alone():
    # trial s49: "16 Aug 2022 - Ruby, ear infection" had gone on to the seven later appointments of the log
    log = [_chunk("health/appointments.md", i, t) for i, t in enumerate(
        ["3/3/22 Finn - asthma review", "16 Aug 2022 - Ruby, ear infection", "Jan 2023: physio for knee",
         "2024-02-08 Finn, A&E BRI", "Nov 17th, 2026 Drop the Starter tier"])]
    tree = NoteTree.build(log)
    for row in range(5):
        assert select(tree, _ranked((row, 0.9)), 1, 600, None, {})[0].follow == (), row
    # a list of things, not of days, reads on as before
    items = [_chunk("kit.md", i, t) for i, t in enumerate(["3 tent pegs", "2 May bars", "head torch"])]
    assert select(NoteTree.build(items), _ranked((0, 0.9)), 1, 600, None, {})[0].follow == (1, 2)
    assert 2 in select(NoteTree.build(items), _ranked((1, 0.9)), 1, 600, None, {})[0].follow  # (no year: the review)


def test_an_item_asked_for_with_all_its_list_shows_the_list_or_table_whole():
    # trial s49: "what are the thesis chapters" had shown the chapters' table a row a hit
    rows = [dataclasses.replace(_chunk("t.md", i, f"chapter: Ch{i + 1} | status: {s}", kind="table_row"), line=i + 3)
            for i, s in enumerate(["skeleton", "drafting", "first draft"])]
    tree = NoteTree.build([*rows, _chunk("t.md", 3, "Funding ends in September.", kind="paragraph")])

    def ranked(listing):
        return [Candidate(1, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=listing))]
    assert (s := select(tree, ranked(True), 1, 600, None, {})[0]).root == 0 and s.follow == (1, 2)
    assert select(tree, ranked(False), 1, 600, None, {})[0].follow == ()  # a record's row alone otherwise
    items = [_chunk("v.md", i, t) for i, t in enumerate(["Crimson Crush", "Mountain Magic", "Defiant"])]
    tree = NoteTree.build([*items, _chunk("v.md", 3, "Blight came early in 2024. " * 30, kind="paragraph")])
    assert (s := select(tree, [Candidate(2, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=True))], 1,
                        600, None, {})[0]).root == 0 and s.follow == (1, 2)
    # ... a table of long rows too, past the hit's room (trial s61 XA: "list the vlans and their subnets" had shown
    # 3 of its 8 rows of 130 characters, each a hit)
    rows = [_chunk("n.md", i, f"VLAN: {10 * i} | name: V{i} | subnet: 10.10.{10 * i}.0/24 | " + "what: x " * 12,
                   kind="table_row") for i in range(8)]
    tree = NoteTree.build([*rows, _chunk("n.md", 8, "Firewall rules in order.", kind="paragraph")])
    assert sum(len(r.text) for r in rows) > 600
    assert (s := select(tree, [Candidate(3, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=True))], 1,
                        600, None, {})[0]).root == 0 and s.follow == tuple(range(1, 8))
    # ... and a checklist of up to twelve items (trial s62 B: "things to pack for bologna" had shown its nine items
    # one a hit)
    items = [_chunk("pack.md", i, f"\u2610 item {i} to pack, " + "with a word on it " * 3) for i in range(10)]
    tree = NoteTree.build(items)
    assert sum(len(c.text) for c in items) > 600
    assert (s := select(tree, [Candidate(7, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=True))], 1,
                        600, None, {})[0]).root == 0 and s.follow == tuple(range(1, 10))
    # ... and of up to twenty in that room (trial s65 H: "what do i need to pack for a domi", a kit checklist of 13,
    # had come an item a hit)
    items = [_chunk("kit.md", i, f"\u2610 kit item {i}, spare batts") for i in range(13)]
    tree = NoteTree.build(items)
    assert (s := select(tree, [Candidate(9, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, listing=True))], 1,
                        600, None, {})[0]).root == 0 and s.follow == tuple(range(1, 13))
    items = [_chunk("kit.md", i, f"\u2610 kit item {i}, spare batts") for i in range(21)]  # (more: an item a hit)
    assert select(NoteTree.build(items), [Candidate(9, 0.9, Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9,
                                                                           listing=True))], 1, 600, None, {})[0].root == 9


def test_a_matching_bullet_under_the_next_heading_is_not_shown_in_the_hit_before_it():
    # trial s50: the last bullet of "## cause" and the first of "## fix" (two lists) had been shown as one hit, under
    # the breadcrumb "cause"
    cause = dataclasses.replace(_chunk("inc.md", 0, "I rotated the cloudflare API token in Nov"), heading=["cause"])
    fix = dataclasses.replace(_chunk("inc.md", 1, "new token with Zone:DNS:Edit"), heading=["fix"])
    tree = NoteTree.build([cause, fix])
    assert [(s.root, s.follow) for s in select(tree, _ranked((0, 0.9), (1, 0.85)), 2, 600, None, {})] == \
        [(0, ()), (1, ())]
    # ... while two bullets of one list still join
    same = dataclasses.replace(fix, heading=["cause"])
    tree = NoteTree.build([cause, same])
    assert select(tree, _ranked((0, 0.9), (1, 0.85)), 2, 600, None, {})[0].follow == (1,)


def test_the_windows_of_a_paragraph_that_keeps_its_lines_are_shown_on_their_lines(tmp_path, embedder):
    # trial s54: a constitution's clauses, a line each, had been shown "6.2 ... the AGM. 6.3 Officers are ..."
    clauses = ("6.1 The officers of the Club are the Chair, Secretary, Treasurer and Welfare Officer. One person may "
               "hold the roles of Secretary and Treasurer together.\n"
               "6.2 The Committee is the officers plus the Manager, the Captain and up to two other members elected "
               "at the AGM.\n6.3 Officers are elected at the AGM and serve for one year. They may stand again.\n"
               "6.4 The Committee meets at least every two months. Quorum for a Committee meeting is four members, "
               "at least one of them an officer.\n6.5 A vacancy arising between AGMs may be filled by the Committee.\n")
    write(tmp_path / "n" / "constitution.md", "# Constitution\n\n## 6. Officers and Committee\n" + clauses)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("officers committee AGM vacancy quorum", k=3)
    shown = "\n".join(h.text for h in hits)
    assert "AGM.\n6.3 Officers" in shown and "AGM. 6.3" not in shown


def test_a_match_that_says_none_of_the_question_moves_to_the_unit_of_its_hit_that_says_most():
    # trials s57: "=>" had marked "found a hair grip and 2 coins last time" under "E18 error = drain pump blocked"
    # for "what does E18 mean on the washing machine" (the child had ranked by its parent's words in its context)
    from notesqa.keywords import tokenize
    from notesqa.snippets import Snippet, rematched

    def bullet(seq, text, parent=None, origin=None):
        return dataclasses.replace(_chunk("wm.md", seq, text), parent=parent, depth=0 if parent is None else 1,
                                   origin=origin)
    chunks = [bullet(0, "E18 error = drain pump blocked / filter"), bullet(1, "filter is behind the flap", 0),
              bullet(2, "found a hair grip last time", 0), bullet(3, "drum clean once a month")]
    tree = NoteTree.build(chunks)
    exp = Explanation(None, 0.0, None, 0.0, 0.0)
    hit = Snippet(0, (1, 2, 3), 0.8, exp, matched=2)
    asked = frozenset(tokenize("what does E18 mean on the washing machine"))
    assert rematched(tree, hit, asked).matched is None  # the first line: no mark
    assert rematched(tree, hit, frozenset(tokenize("how often drum clean"))).matched == 3  # a later line
    assert rematched(tree, hit, frozenset(tokenize("hair grip"))) is hit  # it says them: as it was
    assert rematched(tree, hit, frozenset(tokenize("the dryer's lint trap"))) is hit  # none says any
    # not onto text another note's block brings (a journal's own line after a block it copies: the review)
    copied = [dataclasses.replace(chunks[0], origin="pages/Exp16.md:1"), dataclasses.replace(chunks[3], parent=None)]
    tree = NoteTree.build(copied)
    assert rematched(tree, Snippet(0, (1,), 0.8, exp, matched=1), asked).matched == 1


def test_a_table_shown_whole_as_the_answer_marks_no_row_that_says_nothing_asked():
    # trial s69 W: "who won the fox autumn league" showed the league's table whole with "=>" on the 7th place's row,
    # the row the model happened to rank best
    from notesqa.keywords import tokenize
    from notesqa.snippets import Snippet, rematched

    rows = [dataclasses.replace(_chunk("league.md", i, f"Pos: {i + 1} | Team: {team}", kind="table_row"), line=i + 3)
            for i, team in enumerate(["Les Quizerables", "Quizzly Bears", "Tuesday Club"])]
    tree = NoteTree.build(rows)
    whole = Explanation(None, 0.0, None, 0.0, 0.0, section_table=True)
    asked = frozenset(tokenize("who won the fox autumn league"))
    assert rematched(tree, Snippet(0, (1, 2), 0.9, whole, matched=2), asked).matched is None
    # a row that says a word asked keeps its mark; a table not shown as the answer keeps the model's row
    assert rematched(tree, Snippet(0, (1, 2), 0.9, whole, matched=2), frozenset(tokenize("tuesday"))).matched == 2
    plain = Explanation(None, 0.0, None, 0.0, 0.0)
    assert rematched(tree, Snippet(0, (1, 2), 0.9, plain, matched=2), asked).matched == 2
    # ... nor one of the days asked, dated otherwise than the first (trial s90 D: a tutoring log shown whole had said
    # "dated 2030-01-12", its first row's, under "Dated from 2030-02-01 to 2030-02-28")
    log = NoteTree.build([dataclasses.replace(r, date=day) for r, day in zip(rows, ["2030-01-12", "2030-02-02",
                                                                                    "2030-02-09"])])
    dated = Explanation(None, 0.0, None, 0.0, 0.0, section_table=True, day_match=True)
    assert rematched(log, Snippet(0, (1, 2), 0.9, dated, matched=1), asked).matched == 1
    assert rematched(log, Snippet(0, (1, 2), 0.9, whole, matched=1), asked).matched is None


def test_no_line_is_marked_when_the_heading_says_what_no_line_does():
    # trial s70 N: "van reg" had marked "insurance: van on the business policy" under the note's title "Van – Ford
    # Transit ..., reg WX19 KTF": the title matched, shown in the breadcrumb
    from notesqa.keywords import tokenize
    from notesqa.snippets import Snippet, rematched

    title = "Van – Ford Transit Custom, reg WX19 KTF"
    chunks = [dataclasses.replace(_chunk("van.md", i, text), title=title, heading=[title])
              for i, text in enumerate(["bought Jan 2023, 58k on the clock", "insurance: van on the business policy",
                                        "tyres: 215/65 R16C"])]
    tree = NoteTree.build(chunks)
    exp = Explanation(None, 0.0, None, 0.0, 0.0)
    asked = frozenset(tokenize("van reg"))
    assert rematched(tree, Snippet(0, (1, 2), 0.8, exp, matched=2), asked).matched is None
    assert rematched(tree, Snippet(0, (1, 2), 0.8, exp, matched=1), asked).matched is None
    # ... but a line that says a word its heading does not keeps its mark ("tyres"), and so does one that says the
    # only word asked the heading says too (no word of the heading's is left unsaid)
    assert rematched(tree, Snippet(0, (1, 2), 0.8, exp, matched=2), frozenset(tokenize("van tyres"))).matched == 2
    assert rematched(tree, Snippet(0, (1, 2), 0.8, exp, matched=1), frozenset(tokenize("van"))).matched == 1


def test_a_log_shown_for_the_latest_marks_its_newest_entry():
    # trial s62 H: "when did i last do a deep clean on the airbrush" had shown the deep clean log with "=>" on
    # "2026-06-02 ✔", above the newest entry "2026-09-06 ✔"
    from notesqa.keywords import tokenize
    from notesqa.snippets import Snippet, newest_matched

    days = ["2026-02-28", "2026-06-02", "2026-09-06", None, "2099-01-01"]
    chunks = [dataclasses.replace(_chunk("air.md", i, f"{d or 'next: early Dec'} ✔"), date=d)
              for i, d in enumerate(days)]
    tree = NoteTree.build(chunks)
    exp = Explanation(None, 0.0, None, 0.0, 0.0)
    asked = frozenset(tokenize("when did i last do a deep clean on the airbrush"))
    assert newest_matched(tree, Snippet(0, (1, 2, 3, 4), 0.9, exp, matched=1), asked, "2026-12-05").matched == 2
    assert newest_matched(tree, Snippet(2, (3,), 0.9, exp), asked, "2026-12-05").matched is None  # one day: as it was
    undated = Snippet(3, (), 0.9, exp)
    assert newest_matched(tree, undated, asked, "2026-12-05") is undated
    # ... the newest of those that say the most of the question (trial s86 K: "Fri 27: pumpkins" had been marked over
    # "Thu 26: car serviced at D&M" under a half term's heading, for "when did i last get the car serviced")
    rows = [("2028-10-24", "Tue 24: took kids to Harewood"), ("2028-10-26", "Thu 26: car serviced at D&M"),
            ("2028-10-27", "Fri 27: pumpkins")]
    tree = NoteTree.build([dataclasses.replace(_chunk("diary.md", i, text), date=d) for i, (d, text) in enumerate(rows)])
    asked = frozenset(tokenize("when did i last get the car serviced"))
    assert newest_matched(tree, Snippet(0, (1, 2), 0.9, exp), asked, "2029-01-25").matched == 1
    # ... not by the question's own "last" (the review: "Mon 8: gym, last session with Dan" over "Mon 22: gym")
    rows = [("2029-01-08", "Mon 8: gym, last session with Dan"), ("2029-01-22", "Mon 22: gym, upper body")]
    tree = NoteTree.build([dataclasses.replace(_chunk("log.md", i, text), date=d) for i, (d, text) in enumerate(rows)])
    asked = frozenset(tokenize("when did i last go to the gym"))
    assert newest_matched(tree, Snippet(0, (1,), 0.9, exp), asked, "2029-01-25").matched == 1


def test_a_rota_shown_for_the_next_marks_its_soonest_row_to_come():
    # trial s85 A: "when's the next market" had shown the market rota with "=>" on 9 December's row, the one that says
    # "Christmas market", over 28 October's
    from notesqa.keywords import tokenize
    from notesqa.snippets import Snippet, soonest_matched

    rows = [("2028-10-14", "Sat 14 Oct | Jo"), ("2028-10-28", "Sat 28 Oct | me"),
            ("2028-12-09", "Sat 9 Dec | both | Christmas market"), ("2028-11-11", "Sat 11 Nov | Jo + Bethan | Rovers")]
    chunks = [dataclasses.replace(_chunk("market.md", i, text), date=d, title="Farmers market", heading=["Rota"])
              for i, (d, text) in enumerate(rows)]
    tree = NoteTree.build(chunks)
    exp = Explanation(None, 0.0, None, 0.0, 0.0)
    shown = Snippet(0, (1, 2, 3), 0.9, exp, matched=2)
    assert soonest_matched(tree, shown, frozenset(tokenize("when's the next market")), "2028-10-24").matched == 1
    # ... of those that say a word of the question the title does not ("rovers"), the soonest
    assert soonest_matched(tree, shown, frozenset(tokenize("next market with rovers")), "2028-10-24").matched == 3
    one_day = Snippet(2, (), 0.9, exp)
    assert soonest_matched(tree, one_day, frozenset(tokenize("next market")), "2028-10-24") is one_day


def test_a_days_page_properties_hit_shows_what_the_page_says_after_them():
    # trial s57 MB: "what callouts did we have last week" had shown a journal's "type: callout / location: Sty Head"
    # alone, nothing of what happened
    props = dataclasses.replace(_chunk("journals/2026_11_25.md", 0, "type: callout\nlocation: Sty Head", kind="paragraph"),
                                thin=True, date="2026-11-25")
    first = dataclasses.replace(_chunk("journals/2026_11_25.md", 1, "pager 12:10, woman slipped on ice"),
                                heading=["wrist # on ice - Sty Head path"], date="2026-11-25")
    tree = NoteTree.build([props, first])
    day = Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, day_match=True)
    (hit,) = select(tree, [Candidate(0, 0.9, day)], 1, 600, None, {})
    assert (hit.root, hit.follow, hit.jump) == (0, (1,), 0)
    assert "… (line 2, wrist # on ice - Sty Head path)" in to_hit(tree, hit).text
    # ... not for a question of no day: the field asked for, alone
    other = Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9)
    assert select(tree, [Candidate(0, 0.9, other)], 1, 600, None, {})[0].follow == ()


def test_a_hit_does_not_end_on_a_label_whose_list_it_leaves_out():
    # trial s63 ROW-038: a daily note's hit had ended with "- Actions:", the three tasks under it left out for room
    day = [_chunk("d.md", 0, "Talked to Joe: amber is not ok for singles. " * 3),
           _chunk("d.md", 1, "Raj filing BR incident report"),
           _chunk("d.md", 2, "Actions:"),
           *[_chunk("d.md", 3 + i, f"☑ new sign on the board, a long line for room {i} " * 3, depth=1, parent=2)
             for i in range(3)]]
    tree = NoteTree.build(day)
    assert _shown(select(tree, _ranked((0, 0.9)), 1, 250, None, {})) == [(0, (1,))]
    # ... but with room for its list, the label and the list
    assert _shown(select(tree, _ranked((0, 0.9)), 1, 2000, None, {})) == [(0, (1, 2, 3, 4, 5))]
    # ... nor on a few words that head what it leaves out (trial s64 G: a padlock's code, then "- Inventory (counted
    # 2026-11-22)" without the inventory under it); a sentence over what is left out stays, it says something
    for head, shown in (("Inventory (counted 2026-11-22)", (1,)), ("Raj said the amber is fine for singles.", (1, 2))):
        tree = NoteTree.build([*day[:2], dataclasses.replace(day[2], text=head), *day[3:]])
        assert _shown(select(tree, _ranked((0, 0.9)), 1, 250, None, {})) == [(0, shown)], head


def test_a_note_asked_for_is_of_the_day_of_where_it_matched_not_of_its_opening():
    # trial s64 KYK-025: "note about the 4 day trip ... in august" had shown "Bookings 2026" from its April row, then
    # "… (line 10)" and the August row it was there for, labelled "dated 2026-04-25"
    rows = [dataclasses.replace(_chunk("Bookings.md", i, f"Date: {day} | Trip: {trip}", kind="table_row"), date=day)
            for i, (day, trip) in enumerate([("2026-04-25", "half day"), ("2026-06-06", "Stacks"),
                                              ("2026-08-03", "4 day expedition")])]
    tree = NoteTree.build(rows)
    # the small table whole, as a note opening with one shows it, the match marked
    hit = to_hit(tree, select_notes(tree, {"Bookings.md": 0}, _ranked((2, 0.9)), 1, 600, None, {}, with_match=True)[0])
    assert hit.text.startswith("Date: 2026-04-25") and hit.text.endswith("4 day expedition")  # (as before)
    assert hit.date == "2026-08-03" and hit.match == "Date: 2026-08-03 | Trip: 4 day expedition" and hit.match_line == 3
    # ... where it does not fit, the row that matched alone, not the table's first row before it (trial s64 V: "Name:
    # Eilidh", a singers table's first row, had opened every note hit of its page, as if the answer)
    hit = to_hit(tree, select_notes(tree, {"Bookings.md": 0}, _ranked((2, 0.9)), 1, 70, None, {}, with_match=True)[0])
    assert hit.text == "Date: 2026-08-03 | Trip: 4 day expedition" and hit.date == "2026-08-03"


def test_a_hit_of_the_day_asked_shows_its_days_list_not_a_logs_entries_of_other_days():
    # trial s65 X: "what did i do last bonfire night" had shown "14 Sep 2024 wheelie bin smouldering" above "5 Nov 2026
    # extra walk round 10pm", the log's whole list under "## Incidents"
    log = [dataclasses.replace(_chunk("Fire safety.md", 0, "14 Sep 2024 wheelie bin smouldering"), heading=["Incidents"],
                               date="2024-09-14"),
           dataclasses.replace(_chunk("Fire safety.md", 1, "5 Nov 2026 extra walk round 10pm, nothing"),
                               heading=["Incidents"], date="2026-11-05")]
    day = Explanation(None, 0.9, None, 0.0, 0.9, rank=0.9, day_match=True)
    assert _shown(select(NoteTree.build(log), [Candidate(1, 0.9, day)], 1, 600, None, {})) == [(1, ())]
    # ... a day's list whole, as before (a journal's items all of its day), or a month's (the rescore: "what did i do
    # in june" had lost a June journal's list)
    for first in ("2026-11-05", "2026-11-02"):
        journal = [dataclasses.replace(log[0], date=first), log[1]]
        assert _shown(select(NoteTree.build(journal), [Candidate(1, 0.9, day)], 1, 600, None, {})) == [(0, (1,))]
