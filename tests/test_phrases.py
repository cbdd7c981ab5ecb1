"""Quoted phrases a hit must say (phrases.py)."""

from notesqa.chunking import Chunk
from notesqa.keywords import KeywordIndex
from notesqa.phrases import plain, quoted, says, saying


def chunk(text, title="Note", heading=(), parents=()):
    return Chunk(path="n.md", line=1, end_line=1, kind="bullet", text=text, title=title, heading=list(heading),
                 parents=list(parents), tags=[], date=None, seq=0)


def test_plain_ignores_case_accents_punctuation_and_line_breaks_not_words():
    assert plain("Max  dose:\n4 g/day (Paracétamol)") == " max dose 4 g day paracetamol "
    assert " mg dl " in plain("glucose 70-100 mg/dL")
    assert " cell " not in plain("cells and cellular")


def test_a_chunk_says_a_phrase_in_its_text_or_what_is_shown_with_it():
    c = chunk("Using shuffle sharding to assign models", title="re:Invent", heading=["Reliable scalability"],
              parents=["Example 4"])
    assert says(c, plain("Shuffle-sharding")) and says(c, plain("reliable scalability"))
    assert says(c, plain("example 4")) and not says(c, plain("sharding shuffle"))
    assert not says(c, plain("shuffle shard"))  # a whole word, not its start
    assert says(chunk("我喜欢机器学习和数据"), plain("机器学习"))  # inside a run written without spaces


def test_saying_reads_only_rows_with_every_word_and_holds_for_every_phrase():
    chunks = [chunk(t) for t in ("shuffle sharding of cells", "sharding, shuffle", "cells: shuffle sharding",
                                 "to be or not to be")]
    idx = KeywordIndex.build([c.text for c in chunks])
    assert list(saying(chunks, idx, ("shuffle sharding",))) == [True, False, True, False]
    assert list(saying(chunks, idx, ("shuffle sharding", "of cells"))) == [True, False, False, False]
    assert list(saying(chunks, idx, ("to be",))) == [False, False, False, True]  # stopwords: every row read


def test_quoted_japanese_and_korean_words_are_found_as_written():
    # trial s35: a quoted word with a voiced kana (ベ, ビ) had found nothing, its mark taken off as an accent
    chunks = [chunk(t) for t in ("食べる – to eat", "ビールを飲む", "한국어 공부", "café au lait")]
    idx = KeywordIndex.build([c.text for c in chunks])
    for phrase, row in (("食べる", 0), ("ビール", 1), ("한국어", 2), ("cafe", 3), ("CAFÉ", 3)):
        assert list(saying(chunks, idx, (plain(phrase).strip(),))) == [i == row for i in range(4)], phrase


def test_quoted_names_phrases_for_a_message():
    assert quoted(("a b", "c")) == "\u201ca b\u201d and \u201cc\u201d"
