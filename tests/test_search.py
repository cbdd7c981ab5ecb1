import dataclasses
import json

import pytest

from notesqa import Hit, NotesIndex, QueryError, build_index
from notesqa.search import parse_query


def open_index(index, embedder):
    return NotesIndex.open(index, embedder=embedder)


def test_hit_is_frozen_and_typed(built, embedder):
    _, index, _ = built
    hits = open_index(index, embedder).search("shuffle sharding customers cells", k=3)
    h = hits[0]
    assert isinstance(h, Hit)
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.score = 1.0
    assert h.path == "aws-2024.md"
    assert h.match == "Shuffle sharding to map customers to cells"
    assert h.heading == ("Keynotes", "CTO Werner Vogels")
    assert len(set(hits)) == len(hits) and h in set(hits)  # frozen all the way down: hashable
    assert json.loads(json.dumps(h.to_dict()))["heading"] == ["Keynotes", "CTO Werner Vogels"]
    assert h.breadcrumb == ["AWS re:Invent 2024", "Keynotes", "CTO Werner Vogels", "Lessons in Simplexity",
                            "Organize into cells"]
    assert h.line == 13 and h.source == "aws-2024.md:13"
    # ordered by the ranking score (the match score, the score shown, plus the year's and the note's evidence)
    assert [x.explain.rank for x in hits] == sorted((x.explain.rank for x in hits), reverse=True)


def test_hit_shows_following_siblings_within_budget(built, embedder):
    _, index, _ = built
    h = open_index(index, embedder).search("shuffle sharding customers cells", k=1)[0]
    assert h.text.startswith("Shuffle sharding to map customers to cells\n- Partitioning strategy + Control plane")
    # a sibling under another parent is not pulled in
    assert "Automate" not in h.text
    short = open_index(index, embedder).search("shuffle sharding customers cells", k=1, budget=50)[0]
    assert short.text == "Shuffle sharding to map customers to cells"


def test_parent_of_a_shown_hit_is_not_repeated(built, embedder):
    _, index, _ = built
    hits = open_index(index, embedder).search("organize into cells shuffle sharding", k=10)
    matches = [h.match for h in hits]
    assert "Shuffle sharding to map customers to cells" in matches or "Organize into cells" in matches
    # (a code block repeats its intro sentence by design, so only text units count here)
    shown = [line.lstrip("- ").strip() for h in hits if h.kind != "code" for line in h.text.split("\n")]
    assert len(shown) == len(set(shown)), "a unit is shown twice"
    for i, h in enumerate(hits):
        # no hit is an ancestor bullet already in the breadcrumb of a better hit
        better = [p for o in hits[:i] for p in o.parents]
        assert h.match not in better


def test_more_context_of_a_top_level_bullet_is_its_section_not_its_children(built, embedder):
    _, index, _ = built
    idx = open_index(index, embedder)
    lessons = next(c for c in idx.chunks if c.text == "Lessons in Simplexity")
    around = [c.text for c in idx.context_around(lessons.path, lessons.line)]
    assert "Lessons in Simplexity" in around and any(t.startswith("Tesler's law") for t in around)


def test_keyword_side_finds_rare_terms(built, embedder):
    _, index, _ = built
    hits = open_index(index, embedder).search("Tesler", k=3)
    assert hits[0].match.startswith("Tesler's law")
    assert hits[0].explain.keyword_rank == 1


def test_explain_fields(built, embedder):
    _, index, _ = built
    h = open_index(index, embedder).search("brain hemorrhage CT scans", k=1)[0]
    e = h.explain
    assert e.dense_rank == 1 and e.keyword_rank == 1
    assert e.fused_score == pytest.approx(h.score, abs=1e-3)
    assert "dense #1" in str(e)


def test_filters_in_text_and_api(built, embedder):
    _, index, _ = built
    idx = open_index(index, embedder)
    assert {h.path for h in idx.search("cells tag:conferences", k=5)} == {"2023-12-11-aws-2023.md"}
    assert {h.path for h in idx.search("cells", k=5, tags=["conferences"])} == {"2023-12-11-aws-2023.md"}
    assert {h.path for h in idx.search("flour path:cooking/*", k=5)} == {"cooking/2024-02-01-bread.md"}
    assert {h.path for h in idx.search("flour", k=5, paths="cooking")} == {"cooking/2024-02-01-bread.md"}
    top = {h.path for h in idx.search("flour cells path:.", k=10)}  # "." is the notes folder itself
    assert top and all("/" not in p for p in top)
    assert idx.folders() == [".", "cooking"]
    from pathlib import Path

    for same in ("./.", ".//", "/", Path(".")):  # the same folder, however it is written
        assert {h.path for h in idx.search("flour cells", k=10, paths=same)} == top
    assert {h.path for h in idx.search("flour", k=5, paths="./cooking/")} == {"cooking/2024-02-01-bread.md"}
    assert idx.search("flour cells", k=5, paths="..") == [] == idx.search("flour", k=5, paths="../cooking")
    dated = idx.search("cells", k=5, after="2023-01-01", before="2023-12-31")
    assert {h.path for h in dated} == {"2023-12-11-aws-2023.md"}
    assert idx.search("cells after:2025-01-01", k=5) == []


def test_filtered_query_still_returns_k(built, embedder):
    _, index, _ = built
    # the 2023 note has three units; the aws tag alone would rank the 2024 note's units too
    hits = open_index(index, embedder).search("werner cells", k=3, tags="conferences", budget=10)
    assert len(hits) == 3
    assert all(h.path == "2023-12-11-aws-2023.md" for h in hits)


def test_bad_filters_are_errors():
    with pytest.raises(QueryError, match="after"):
        parse_query("cells after:2024-13-45")
    with pytest.raises(QueryError, match="Unknown filter"):
        parse_query("cells tags:aws")
    with pytest.raises(QueryError, match="Unknown filter afer"):
        parse_query("cells afer:2024-01-01")
    text, f = parse_query("see https://example.com and 10:30 at re:Invent tag:aws")
    assert text == "see https://example.com and 10:30 at re:Invent" and f.tags == ("aws",)
    # a capitalised typo is caught too (a question often starts with one); Re:Invent stays words
    with pytest.raises(QueryError, match="Unknown filter tags"):
        parse_query("Tags:aws deploy")
    assert parse_query("Re:Invent keynotes TAG:aws") == ("Re:Invent keynotes", parse_query("x tag:aws")[1])


def test_a_question_without_words_asks_nothing(built, embedder):
    _, index, _ = built
    assert open_index(index, embedder).search("???", k=3) == []


def test_min_score_and_k(built, embedder):
    _, index, _ = built
    idx = open_index(index, embedder)
    assert len(idx.search("cells", k=2)) == 2
    assert idx.search("cells", k=5, min_score=10.0) == []


def test_retrieve_function_reuses_loaded_index(built, embedder, monkeypatch):
    import notesqa.search as search

    _, index, _ = built
    monkeypatch.setattr(search, "load_embedder", lambda name, **kw: embedder)
    search._OPEN.clear()
    first = search.retrieve("shuffle sharding", k=2, index_dir=index)
    assert first[0].match.startswith("Shuffle sharding")
    calls = embedder.calls
    search.retrieve("tesler", k=2, index_dir=index)
    assert len(search._OPEN) == 1 and embedder.calls == calls + 1


def test_running_index_picks_up_rebuild(built, embedder):
    notes, index, _ = built
    idx = open_index(index, embedder)
    assert not idx.search("kombucha", k=1, min_score=0.3)
    (notes / "new.md").write_text("* Kombucha needs a scoby and two weeks\n")
    build_index(notes, index, embedder=embedder)
    assert idx.search("kombucha", k=1)[0].path == "new.md"



def test_breadcrumb_shows_a_title_like_first_heading_once():
    from notesqa.search import Hit

    h = Hit(text="x", path="a.md", line=3, heading=["Sourdough bread", "Method"], score=1.0, title="Sourdough Bread",
            parents=["Mix"])
    assert h.breadcrumb == ["Sourdough Bread", "Method", "Mix"]


def test_fusion_is_weighted_sum_of_dense_and_normalised_keyword(built, embedder):
    import notesqa.search as search

    _, index, _ = built
    idx = open_index(index, embedder)
    query = "Tesler complexity moved"
    hits = idx.search(query, k=5, budget=10)
    _, ceiling = idx._gen.keywords.search(query)
    assert ceiling > 0
    for h in hits:
        e = h.explain
        share = min(1.0, e.keyword_score / (search.KEYWORD_FULL * ceiling) + search.SECTION_SHARE * e.section_share)
        expected = search.DENSE_WEIGHT * e.dense_score + (1 - search.DENSE_WEIGHT) * share
        assert e.fused_score == pytest.approx(expected, abs=1e-4)
    # a unit only the keyword side finds is still a candidate
    only_kw = idx.search("hemorrhage", k=3, budget=10)
    found = [h for h in only_kw if "hemorrhage" in h.match]
    assert found and found[0].explain.keyword_rank == 1


def test_year_in_question_reaches_that_years_note(tmp_path, embedder):
    from conftest import write

    notes = tmp_path / "n"
    for year in (2023, 2024):
        write(notes / f"reinvent-{year}.md", f"""
            ---
            title: AWS re:Invent {year}
            ---

            ## Werner Vogels keynote

            * Cells and shuffle sharding for isolation
            * Simplicity needs discipline
            """)
    build_index(notes, tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    for year in (2023, 2024):
        top = idx.search(f"what did Werner say about cells at re:Invent {year}?", k=1)[0]
        assert top.path == f"reinvent-{year}.md"


def test_a_year_the_question_names_lifts_that_years_note(tmp_path, embedder, monkeypatch):
    import notesqa.search as search
    from conftest import write

    notes = tmp_path / "n"
    # same talk, two years; only the front-matter date says which year the first note is from,
    # and the other note matches the question's words better
    write(notes / "keynote-a.md", """
        ---
        title: Conference keynote
        date: 2023-12-11
        ---

        * Werner built a radiology model
        """)
    write(notes / "keynote-b.md", """
        ---
        title: Conference keynote 2025
        ---

        * Werner built a radiology model, his project
        """)
    build_index(notes, tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    question = "what radiology model did Werner build as a 2023 project?"
    top = idx.search(question, k=2)
    assert top[0].path == "keynote-a.md" and top[0].explain.year_match
    assert not top[1].explain.year_match and "year +" not in str(top[1].explain)
    assert "year +0.08 to rank" in str(top[0].explain)
    # the year ranks the hit, its score stays the match score: a year never makes a weak match look strong
    assert top[0].score == pytest.approx(top[0].explain.fused_score, abs=1e-3) and top[0].score < top[1].score
    assert idx.search(question, k=2, min_score=top[0].score + 1e-3)[0].path == "keynote-b.md"
    # "since 2023" is a starting point, not the year asked about
    assert not any(h.explain.year_match for h in idx.search("radiology model since 2023", k=2))
    # the year is what decides: without the bonus the better worded note wins
    monkeypatch.setattr(search, "YEAR_BONUS", 0.0)
    assert idx.search(question, k=1)[0].path == "keynote-b.md"
    # a year named only in the text counts too; a question without a year adds nothing
    monkeypatch.setattr(search, "YEAR_BONUS", 0.08)
    assert idx.search("radiology model 2025", k=1)[0].path == "keynote-b.md"
    assert not any(h.explain.year_match for h in idx.search("radiology model", k=2))


def _three_window_paragraph(tmp_path, embedder):
    from conftest import write

    sentences = [f"Sentence {i} says something about topic {i} in a rather long winded way." for i in range(12)]
    write(tmp_path / "n" / "p.md", "# Prose\n\n" + " ".join(sentences) + "\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    windows = [i for i, c in enumerate(idx.chunks) if c.group is not None]
    assert len(windows) == 3 and [len(idx.chunks[w].text) for w in windows] == [275, 275, 279]
    return idx, windows, idx.search("topic", k=1)[0].explain  # any explanation will do here


def test_an_earlier_window_of_a_paragraph_takes_over_the_window_shown(tmp_path, embedder):
    idx, (w1, w2, w3), exp = _three_window_paragraph(tmp_path, embedder)

    def shown(ranked):  # 600 characters: two windows fit, not all three
        return [(sl["root"], sl["follow"]) for sl in idx._select(ranked, 5, 600, None)]

    # the last window ranks first; the one before scores nearly as well: the hit starts there
    assert shown([(w3, 0.60, exp), (w2, 0.55, exp)]) == [(w2, [w3])]
    # ... and when it scores much lower it is not shown at all (nothing of the paragraph twice)
    assert shown([(w3, 0.60, exp), (w2, 0.40, exp)]) == [(w3, [])]
    # the earlier window ranking first already shows the later one after it
    assert shown([(w2, 0.60, exp), (w3, 0.59, exp)]) == [(w1, [w2])]


def test_a_later_window_of_a_paragraph_is_shown_from_the_paragraph_start(tmp_path, embedder):
    idx, (w1, w2, w3), exp = _three_window_paragraph(tmp_path, embedder)
    # the second window matched and the paragraph up to it fits: shown from the first window
    (slot,) = idx._select([(w2, 0.9, exp)], 1, 600, None)
    assert (slot["root"], slot["follow"]) == (w1, [w2])
    assert idx._hit(slot["root"], slot["follow"], 0.9, exp).text.startswith("Sentence 0 ")
    # the third: the paragraph up to it does not fit, so the window that matched is shown
    (slot,) = idx._select([(w3, 0.9, exp)], 1, 600, None)
    assert (slot["root"], slot["follow"]) == (w3, [])


def test_better_hits_may_show_more_of_what_follows(tmp_path, embedder):
    import notesqa.search as search
    from conftest import write

    body = "".join(f"\n## Part {p}\n\n" + "".join(f"* point {p}.{i} " + "x" * 50 + "\n" for i in range(12))
                   for p in range(6))
    write(tmp_path / "n" / "long.md", "# Long\n" + body)
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    idx = open_index(tmp_path / "ix", embedder)
    firsts = [i for i, c in enumerate(idx.chunks) if c.text.startswith("point ") and c.text.split()[1].endswith(".0")]
    exp = idx.search("point", k=1)[0].explain
    ranked = [(cid, 0.9 - 0.01 * r, exp) for r, cid in enumerate(firsts)]
    lengths = []
    for sl in idx._select(ranked, 6, None, None):
        hit = idx._hit(sl["root"], sl["follow"], sl["score"], sl["exp"])
        lengths.append(len(hit.text) - 2 * hit.text.count("\n- "))  # list markers are not counted
    budgets = [search.SHOW_BUDGETS[min(i, len(search.SHOW_BUDGETS) - 1)] for i in range(6)]
    assert len(lengths) == 6 and all(b - 70 < n <= b for n, b in zip(lengths, budgets)), (lengths, budgets)
    assert lengths[0] > lengths[1] > lengths[-1]
    # one budget asked for is every hit's
    same = [len(idx._hit(sl["root"], sl["follow"], 0, exp).text.replace("\n- ", "\n"))
            for sl in idx._select(ranked, 6, 300, None)]
    assert all(230 < n <= 300 for n in same), same


def test_ordered_steps_show_their_numbers(tmp_path, embedder):
    from conftest import write

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


def test_a_hit_on_a_list_label_shows_its_own_list_only(tmp_path, embedder):
    from conftest import write

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
    cons = next(i for i, c in enumerate(idx.chunks) if c.text == "Cons:")
    intro = next(i for i, c in enumerate(idx.chunks) if c.text.startswith("Intro paragraph"))
    exp = idx.search("joins", k=1)[0].explain
    (slot,) = idx._select([(cons, 0.9, exp)], 1, 600, None)
    hit = idx._hit(slot["root"], slot["follow"], 0.9, exp)
    assert hit.text == "Cons:\n- No joins\n  - design access patterns up front\n- Scans are slow"
    # prose shows the list under it with its bullets, and stops before the next label
    (slot,) = idx._select([(intro, 0.9, exp)], 1, 600, None)
    hit = idx._hit(slot["root"], slot["follow"], 0.9, exp)
    assert hit.text == "Intro paragraph about the database and its trade offs.\n- a bullet under prose"
    # "more context" for a label is the list it names, not the whole section
    assert [c.text for c in idx.context_around("db.md", idx.chunks[cons].line)] == [
        "Cons:", "No joins", "Scans are slow"]
    # a bullet's breadcrumb names its label once
    h = next(h for h in idx.search("scans slow", k=5) if h.match == "Scans are slow")
    assert h.breadcrumb == ["DynamoDB", "Cons"]


def test_a_rebuild_with_another_model_is_reported_not_retried(built, embedder):
    from notesqa.embedding.hashing import HashEmbedder

    notes, index, _ = built
    idx = open_index(index, embedder)
    build_index(notes, index, embedder=HashEmbedder(64))
    hits = idx.search("shuffle sharding", k=1)  # still answers from the index it has loaded
    assert hits and hits[0].match.startswith("Shuffle sharding")
    assert "hash-64" in idx.stale_reason
    failed = idx._failed_gen
    assert idx.refresh() is False and idx._failed_gen == failed


def test_keyword_share_is_relative_to_what_the_question_can_score():
    """One common word shared with the question is a weak keyword match even when it is
    the best there is; a chunk with every rare word of the question is a full match."""
    from notesqa.keywords import KeywordIndex
    from notesqa.search import keyword_share

    texts = ["the garden plan for spring", "spring onions and garden peas", "garden tools in the shed",
             "sourdough starter feeding schedule", "bake the sourdough at 250 degrees"]
    kw = KeywordIndex.build(texts)
    only_common, ceiling = kw.search("garden zucchini pergola")  # only "garden" is known
    share = keyword_share(only_common, ceiling)
    assert share.max() == pytest.approx(1.0)  # the known word is all the question can match here

    scores, ceiling = kw.search("sourdough starter schedule garden")
    share = keyword_share(scores, ceiling)
    assert share[3] == pytest.approx(1.0)  # all three rare words
    assert share[0] < 0.4 and share[2] < 0.4  # "garden" alone
    # the ceiling is the sum of each word's best score anywhere
    per_word = [kw.search(w)[0].max() for w in ("sourdough", "starter", "schedule", "garden")]
    assert ceiling == pytest.approx(sum(per_word), rel=1e-5)
    assert keyword_share(scores, 0.0).max() == 0.0


def test_section_words_lift_a_chunk_whose_own_words_miss(tmp_path, embedder):
    """Two notes hold the same bullet; only one has the question's words around it (in its
    section). That one ranks higher, and --explain says why."""
    from conftest import write

    from notesqa import search

    notes = tmp_path / "n"
    write(notes / "kitchen.md", """
        # Kitchen notes

        ## Weekly routine

        * Feed it twice a day
        * The sourdough starter lives on the counter
        """)
    write(notes / "garden.md", """
        # Garden notes

        ## Weekly routine

        * Feed it twice a day
        * The tomatoes need staking
        """)
    build_index(notes, tmp_path / "ix", embedder=embedder)
    hits = open_index(tmp_path / "ix", embedder).search("how often should the sourdough starter get fed", k=10,
                                                      budget=10)
    feed = {h.path: h for h in hits if h.match == "Feed it twice a day"}
    assert feed["kitchen.md"].explain.section_share > 0 == feed["garden.md"].explain.section_share
    assert feed["kitchen.md"].score > feed["garden.md"].score
    assert "section" in str(feed["kitchen.md"].explain)
    assert search.SECTION_SHARE < 1 - search.DENSE_WEIGHT  # a nudge, never more than the chunk's own words


def test_keyword_index_keeps_sections_and_reads_indexes_without_them(tmp_path):
    import shutil

    from notesqa.keywords import SECTION_OF, SECTIONS, KeywordIndex

    texts = ["feed it twice a day", "sourdough starter on the counter", "tomatoes need staking"]
    kw = KeywordIndex.build(texts, [0, 0, 1], ["routine feed it twice a day sourdough starter on the counter",
                                               "garden tomatoes need staking"])
    kw.save(tmp_path / "kw")
    back = KeywordIndex.load(tmp_path / "kw")
    scores, ceiling = back.section_search("sourdough")
    assert ceiling > 0 and scores[0] == scores[1] > 0 == scores[2]
    # an index written before sections existed still loads, without the section signal
    shutil.rmtree(tmp_path / "kw" / SECTIONS)
    (tmp_path / "kw" / SECTION_OF).unlink()
    old = KeywordIndex.load(tmp_path / "kw")
    assert old.section_search("sourdough") is None and old.search("sourdough")[1] > 0


def test_tokenize_ascii_and_unicode_paths_agree():
    """ASCII text takes a shortcut; it must give what the Unicode path gives."""
    from notesqa.keywords import tokenize

    text = "Retries of the SDK: a b _ 1 x9 token-bucket Caching, caches"
    assert tokenize(text) == ["retri", "sdk", "1", "x9", "token", "bucket", "cach", "cach"]
    assert tokenize(text + " ü") == tokenize(text) + ["ü", "u"]  # the same words through the Unicode path
    assert tokenize("Café crème") == ["café", "cafe", "crème", "creme"]
