from pathlib import Path

from notesqa.chunking import chunk_note, make_token_splitter, sections, sentence_windows
from notesqa.liquid import strip_non_content
from notesqa.notefiles import decode_note, discover_notes
from notesqa.parsing import parse_note

from conftest import SAMPLE_NOTES


def test_units_know_heading_path_parents_and_line():
    text = (SAMPLE_NOTES / "aws-reinvent-2024.md").read_text()
    note = parse_note(text, "aws-reinvent-2024.md")
    assert note.title == "AWS re:Invent 2024"
    assert note.tags == ("aws",)
    unit = next(u for u in note.units if u.text == "Shuffle sharding to map customers to cells")
    assert unit.kind == "bullet"
    assert unit.heading == ("Keynotes", "CTO Werner Vogels")
    assert unit.parents == ("Lessons in Simplexity", "Organize into cells")
    assert text.splitlines()[unit.line - 1].strip() == "* Shuffle sharding to map customers to cells"
    assert note.units[unit.parent].text == "Organize into cells"


def test_a_short_line_before_a_list_names_it_like_a_parent_bullet():
    text = (
        "# Talk\n\nHow DynamoDB uses DNS\n* Enactor updates Route 53\n* Use presence of TXT record as lock\n"
        "  * Delete and recreate in one transaction\n\nAfter the list, prose again.\n\n"
        "This is a whole sentence.\n* not named by it\n\nThe consensus seems to be\n\n1. first point\n\n"
        "A line that is much too long to be a label of the list below it, whatever it happens to say\n* plain\n"
    )
    note = parse_note(text, "n.md")
    by_text = {u.text: u for u in note.units}
    label = note.units.index(by_text["How DynamoDB uses DNS"])
    lock = by_text["Use presence of TXT record as lock"]
    assert lock.parents == ("How DynamoDB uses DNS",) and lock.parent == label and lock.depth == 1
    deep = by_text["Delete and recreate in one transaction"]
    assert deep.parents == ("How DynamoDB uses DNS", "Use presence of TXT record as lock")
    assert by_text["After the list, prose again."].parents == ()  # the label names its list only
    assert by_text["not named by it"].parents == ()  # a sentence is not a label
    assert by_text["first point"].parents == ("The consensus seems to be",)  # a blank line between is fine
    assert by_text["plain"].parents == ()
    # the label is embedded as the bullets' context, as a parent bullet would be
    chunk = next(c for c in chunk_note(note) if c.text == "Use presence of TXT record as lock")
    assert chunk.embed == "Talk > How DynamoDB uses DNS: Use presence of TXT record as lock"  # title once


def test_what_is_a_label_and_how_it_reads():
    text = ("# T\n\n[YouTube](https://youtu.be/x)\n* linked talk notes\n\nWhy?\n* because it scales\n\n"
            "Cons:\n* slow scans\n\n## Pros\n\nPros\n* fast\n")
    note = parse_note(text, "n.md")
    by_text = {u.text: u for u in note.units}
    assert by_text["linked talk notes"].parents == ()  # a line that is only a link names nothing
    assert by_text["because it scales"].parents == ("Why?",)  # a short question before a list does
    assert by_text["slow scans"].parents == ("Cons",)  # read without its colon
    fast = next(c for c in chunk_note(note) if c.text == "fast")
    assert fast.embed == "T > Pros: fast"  # a label repeating its heading reads once


def test_ordered_list_items_keep_their_numbers_for_display():
    note = parse_note("# Bread\n\n3. Mix the flour\n4. Knead it\n   * gently\n\n1) Bake\n\n"
                      "## Lazy\n\n1. feed\n1. wait\n1. test\n", "n.md")
    assert [(u.text, u.marker) for u in note.units] == [
        ("Mix the flour", "3."), ("Knead it", "4."), ("gently", ""), ("Bake", "1)"),
        ("feed", "1."), ("wait", "2."), ("test", "3.")]  # numbered as the list renders
    chunks = chunk_note(note)
    assert [c.marker for c in chunks] == ["3.", "4.", "", "1)", "1.", "2.", "3."]
    assert chunks[0].embed.endswith("Bread: Mix the flour")  # the number is shown, not embedded


def test_links_reduced_to_text_and_liquid_dropped():
    text = "---\ntitle: T\n---\n\n{% include image.html src=\"x.png\" %}\n\nSee [the docs]({% link _posts/a.md %}) " \
           "now.<!-- private -->\n\n* [AWS](https://aws.amazon.com) rocks\n"
    note = parse_note(text, "n.md")
    texts = [u.text for u in note.units]
    assert "See the docs now." in [" ".join(t.split()) for t in texts]
    assert "AWS rocks" in texts
    assert not any("include" in t or "private" in t or "{%" in t for t in texts)
    # line numbers survive the stripping
    assert strip_non_content("a\n{% raw %}\nb").count("\n") == 2


def test_liquid_captures_of_urls_dropped_raw_kept():
    text = ("---\ntitle: T\n---\n\nIntro para.\n\n{% capture bc_url %}\n{% link _posts/b.md %}\n{% endcapture %}\n\n"
            "See [cards]({{ bc_url }}) here.\n\n{% capture tip %}\nNever nest components.\n{% endcapture %}\n\n"
            "Use {% raw %}`{% if page.x %}`{% endraw %} in templates.\n")
    note = parse_note(text, "n.md")
    texts = [" ".join(u.text.split()) for u in note.units]
    assert texts == ["Intro para.", "See cards here.", "Never nest components.", "Use {% if page.x %} in templates."]
    assert [u.line for u in note.units] == [5, 11, 14, 17]


def test_table_rows_code_with_intro_and_numbered_items(notes):
    note = parse_note((notes / "cooking/2024-02-01-bread.md").read_text(), "cooking/2024-02-01-bread.md")
    rows = [u.text for u in note.units if u.kind == "table_row"]
    assert rows == ["ingredient: flour | weight: 500 g", "ingredient: salt | weight: 10 g"]
    code = next(u for u in note.units if u.kind == "code")
    assert code.intro == "To bake, preheat the oven like this:"
    assert "oven --temp 250" in code.text
    folds = next(u for u in note.units if u.text == "Four sets of stretch and folds")
    assert folds.parents == ("Bulk ferment for five hours",)
    assert note.date == "2024-02-01"  # from the Jekyll file-name prefix


def test_broken_front_matter_is_repaired_not_fatal():
    note = parse_note("---\ntitle: [oops\ntags: a\n---\n\n* still here\n", "bad.md")
    assert note.problem is not None and note.problem.action == "repaired"
    assert "front matter" in note.problem.reason
    assert [u.text for u in note.units] == ["still here"]
    assert note.title == "Bad"


def test_decode_fallbacks():
    assert decode_note(b"") == (None, "empty file")
    assert decode_note(b"\x89PNG\r\n\x00\x00")[0] is None
    text, why = decode_note("caf\xe9 notes".encode("cp1252"))
    assert text == "café notes" and "cp1252" in why
    assert decode_note("\ufeffhello".encode("utf-8")) == ("hello", None)


def test_discovery_skips_hidden_and_index(tmp_path, notes):
    index = notes / "index"
    index.mkdir()
    (index / "x.md").write_text("* not a note")
    files, problems = discover_notes(notes, exclude=[index])
    rels = [f.relative_to(notes).as_posix() for f in files]
    assert rels == sorted(rels)
    assert "cooking/2024-02-01-bread.md" in rels
    assert not any(r.startswith((".obsidian", "index/")) for r in rels)


def test_long_paragraph_becomes_sentence_windows_with_lines():
    raw = "First sentence is here.\nSecond one follows on the next line. " + " ".join(
        f"Sentence number {i} adds words." for i in range(30))
    wins = sentence_windows(raw, 10, limit=120)
    assert len(wins) > 3
    assert wins[0][0] == 10 and wins[1][0] >= 10
    assert all(len(t) <= 120 for _, t in wins)
    assert " ".join(t for _, t in wins) == " ".join(raw.split())


def test_embedding_input_carries_context_and_shown_text_does_not(embedder):
    note = parse_note((SAMPLE_NOTES / "aws-reinvent-2024.md").read_text(), "aws-reinvent-2024.md")
    chunks = chunk_note(note, make_token_splitter(embedder.count_tokens, embedder.max_tokens))
    c = next(c for c in chunks if c.text == "Shuffle sharding to map customers to cells")
    assert c.embed.startswith("AWS re:Invent 2024 > Keynotes > CTO Werner Vogels > Lessons in Simplexity > "
                              "Organize into cells: ")
    assert c.embed.endswith(c.text)
    assert len(c.hash) == 64


def test_token_window_split_measured_in_tokens(embedder):
    long = " ".join(f"word{i}" for i in range(700))
    note = parse_note(f"# H\n\n* {long}\n", "n.md")
    chunks = chunk_note(note, make_token_splitter(embedder.count_tokens, 100))
    assert len(chunks) >= 7
    assert all(embedder.count_tokens(c.embed) <= 100 for c in chunks)
    assert all(c.line == 3 for c in chunks)


def test_sections_group_chunks_by_note_and_heading_path():
    note = parse_note("# Bread\n\n## Starter\n\n* Feed it twice a day\n* Keep it warm\n\n## Bake\n\nHot oven.\n",
                      "bread.md")
    chunks = chunk_note(note) + chunk_note(parse_note("## Starter\n\n* Feed it\n", "other.md"))
    ids, texts = sections(chunks)
    assert ids == [0, 0, 1, 2]  # same heading in another note is another section
    assert texts[0] == "Bread Bread Starter Feed it twice a day Keep it warm"  # title, then the heading path
    assert texts[1] == "Bread Bread Bake Hot oven."


def test_code_shows_more_than_it_embeds_and_keyword_indexes_what_it_shows():
    from notesqa.chunking import MAX_CODE_EMBEDDED, MAX_CODE_SHOWN

    lines = [f"step_{i:02d} = run('task {i}')" for i in range(30)]
    full = "\n".join(lines)
    note = parse_note("# Build\n\nThe script that builds it:\n\n```python\n" + full + "\n```\n", "b.md")
    code = next(c for c in chunk_note(note) if c.kind == "code")
    assert code.text == "The script that builds it:\n" + full[:MAX_CODE_SHOWN].rstrip() + "\n…"
    assert code.embed.endswith(": The script that builds it:\n" + full[:MAX_CODE_EMBEDDED].rstrip())
    # a line shown but past what is embedded is still found by its words
    later = next(ln for ln in lines if full.index(ln) > MAX_CODE_EMBEDDED + 10)
    assert later in code.text and later not in code.embed and later in code.keywords


def test_units_without_a_word_make_no_chunk():
    text = "---\ntitle: Pics\n---\n\nMe at the beach.\n\n.\n\n* —\n  * the child of a dash\n\n* 🎉\n"
    chunks = chunk_note(parse_note(text, "pics.md"))
    assert [c.text for c in chunks] == ["Me at the beach.", "the child of a dash"]
    assert chunks[1].parent is None and chunks[1].parents == ["—"]
