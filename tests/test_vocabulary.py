import os
import re

import numpy as np
import pytest

from conftest import CountingEmbedder, write
from notesqa import build_index, store
from notesqa.search import NotesIndex
from notesqa.vocabulary import NEAR, SIMILAR, Vocabulary

# Words a fake model reads as one meaning: each group's words share a vector (cosine 1), as a real model's
# near-synonyms come close.
SAME = {"academy": "oscar", "award": "oscar", "awards": "oscar", "pick": "choose", "snapshotid": "snapshot"}


class SynonymEmbedder(CountingEmbedder):
    """The hash embedder, with the words of SAME read as the word they stand for (wide: no two words of these
    notes share a dimension by chance)."""

    knows_meaning = True

    def __init__(self, dim: int = 8192):
        super().__init__(dim)

    def encode(self, texts, progress=None):
        texts = [re.sub(r"\w+", lambda m: SAME.get(m.group(0).lower(), m.group(0)), t) for t in texts]
        return super().encode(texts, progress)


def build(texts, encode=None, previous=None, known=lambda stem: True):
    return Vocabulary.build(texts, known, encode or SynonymEmbedder().encode, previous)


def test_words_come_from_prose_not_code_spans_nor_identifiers():
    vocab = build(["The Oscar went to `fooBar` and snake_case and getValue in the film.", "an Oscar again"])
    assert "oscar" in vocab.forms and "film" in vocab.forms
    assert not {"foobar", "snake_case", "getvalue", "snake", "case", "the", "and"} & set(vocab.forms)


def test_a_word_the_keyword_index_does_not_know_is_left_out():
    vocab = build(["the film won an Oscar"], known=lambda stem: stem != "film")
    assert "film" not in vocab.forms and "oscar" in vocab.forms


def test_each_stem_keeps_its_most_frequent_form():
    vocab = build(["choosing choosing chose", "choosing"])
    assert vocab.forms[vocab.stems.index("choos")] == "choosing"


def test_a_question_word_brings_the_vault_word_of_the_same_meaning():
    vocab = build(["The film won an Oscar in the end.", "We went to the cinema."])
    related = vocab.related("which film won an academy prize?", SynonymEmbedder().encode)
    assert [r.word for r in related] == ["oscar"]
    assert related[0].asked == "academy" and related[0].similarity == pytest.approx(1.0, abs=1e-3)


def test_the_question_own_words_and_look_alikes_are_not_related():
    # "snapshotid" reads as "snapshot" to the fake model, as a code name does to a real one: a look-alike, left out
    vocab = build(["an Oscar", "the snapshotid field", "awards night"])
    related = vocab.related("what snapshot won the award?", SynonymEmbedder().encode)
    assert {r.word for r in related} == {"oscar"}  # not "awards" (the question's own word) nor "snapshotid"
    # ... but a word and its adjective ("butter", the notes' "buttery") are related, near in meaning (trial s58 PB-007:
    # "why did my first lager come out tasting like butter?" had not found "diacetyl bomb. Buttery" in 50)
    SAME["buttery"] = "butter"
    try:
        assert [r.word for r in build(["diacetyl bomb. Buttery"]).related("tasting like butter?",
                                                                           SynonymEmbedder().encode)] == ["buttery"]
    finally:
        del SAME["buttery"]
    # the question's own stem, not a look-alike: "mould" is the notes' "mold" in American spelling, searched as it is
    SAME["mould"] = "mold"
    try:
        assert build(["black mold on the wall"]).related("why is there mould?", SynonymEmbedder().encode) == []
    finally:
        del SAME["mould"]


def test_a_word_of_the_same_family_the_stemmer_keeps_apart_is_related():
    # trial s60 UB-007: "why did the tiny chiropractor stop using us?" had been headed "No note mentions
    # “chiropractor”" over the page "Oakridge Chiropractic", keyword side nothing (stems "chiropractor", "chiropract")
    SAME["chiropractor"] = "chiropractic"
    try:
        related = build(["customer Oakridge Chiropractic"]).related("tiny chiropractor", SynonymEmbedder().encode)
        assert [r.word for r in related] == ["chiropractic"]
    finally:
        del SAME["chiropractor"]
    # ... for a word no note says: one the notes say finds its own passages ("inferencing" beside "inference")
    SAME["inferencing"] = "inference"
    try:
        assert build(["type inference", "broke type inferencing"]).related("type inference", SynonymEmbedder().encode) == []
    finally:
        del SAME["inferencing"]
    # ... not a word of another meaning that only opens alike ("production", "productivity")
    SAME["production"] = "productivity"
    try:
        assert build(["team productivity"]).related("production", SynonymEmbedder().encode) == []
    finally:
        del SAME["production"]


def test_a_word_of_the_opposite_meaning_is_not_related():
    # trial s46: "what high priority tasks do I have?" had brought the notes' "low stakes quizzing"; the fake model
    # reads them as one meaning, as the real one reads them as near
    SAME["low"] = "high"
    try:
        assert build(["low stakes quizzing", "a tall order"]).related("high priority", SynonymEmbedder().encode) == []
    finally:
        del SAME["low"]


def _at(cosines: dict[str, float]):
    """A fake model: each word at its given cosine to "query" (in a plane of its own)."""
    def encode(words):
        out = np.zeros((len(words), 2 + len(cosines)), dtype=np.float32)
        for i, w in enumerate(words):
            out[i, 0] = 1.0 if w == "query" else cosines[w]
            if w != "query":
                out[i, 2 + sorted(cosines).index(w)] = np.sqrt(1 - cosines[w] ** 2)
        return out
    return encode


def test_only_words_similar_enough():
    cosines = {"alpha": 0.9, "bravo": 0.7, "charlie": SIMILAR + 0.01, "delta": SIMILAR - 0.01, "echo": 0.2}
    vocab = build([" ".join(cosines)], encode=_at(cosines))
    related = vocab.related("query", _at(cosines))
    assert [r.word for r in related] == ["alpha", "bravo", "charlie"]


def test_at_most_near_words_for_each_question_word():
    cosines = {w: 0.95 - i * 0.01 for i, w in enumerate(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                                                          "golf", "hotel"])}
    vocab = build([" ".join(cosines)], encode=_at(cosines))
    assert [r.word for r in vocab.related("query", _at(cosines))] == list(cosines)[:NEAR]


def test_a_question_word_the_vault_has_is_not_encoded_again():
    emb = SynonymEmbedder()
    vocab = build(["The film won an Oscar."], encode=emb.encode)
    emb.calls = emb.encoded = 0
    vocab.related("film oscar", emb.encode)
    assert emb.calls == 0
    vocab.related("film academy", emb.encode)
    assert emb.encoded == 1  # "academy" only


def test_a_previous_vocabulary_saves_encoding_its_words_again():
    emb = SynonymEmbedder()
    first = build(["The film won an Oscar."], encode=emb.encode)
    emb.encoded = 0
    second = build(["The film won an Oscar.", "A new cinema opened."], encode=emb.encode, previous=first)
    assert emb.encoded == 3  # new, cinema, opened
    assert np.allclose(second.vector_of("oscar"), first.vector_of("oscar"))


def test_save_and_load_are_plain_files(tmp_path):
    vocab = build(["The film won an Oscar."])
    vocab.save(tmp_path / "v")
    assert sorted(p.name for p in (tmp_path / "v").iterdir()) == ["counts.json", "notesqa.json", "vectors.npy", "words.tsv"]
    again = Vocabulary.load(tmp_path / "v")
    assert again.stems == vocab.stems and again.forms == vocab.forms
    assert np.allclose(again.vectors, vocab.vectors, atol=1e-3)


def test_load_of_another_version_is_none_and_a_cut_file_is_an_error(tmp_path):
    vocab = build(["The film won an Oscar."])
    vocab.save(tmp_path / "v")
    words = (tmp_path / "v" / "words.tsv").read_text().splitlines()
    (tmp_path / "v" / "words.tsv").write_text("\n".join(words[:-1]) + "\n")
    with pytest.raises(ValueError):
        Vocabulary.load(tmp_path / "v")
    (tmp_path / "v" / "notesqa.json").write_text('{"version": "0", "words": 1}')
    assert Vocabulary.load(tmp_path / "v") is None


def _notes(d):
    write(d / "films.md", """
        # Films
        - The Oscar for best picture went to a small film that year.
        - The cinema on Mill Road closed in March.
        """)
    write(d / "garden.md", """
        # Garden
        - Prize winning roses need morning sun.
        """)
    write(d / "code.md", """
        # Code
        ```
        snapshotValue = fetchAward()
        ```
        """)
    return d


def test_a_build_keeps_the_notes_words_and_a_question_finds_the_related_one(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    gen = store.load_generation(index)
    assert gen.vocabulary is not None and "oscar" in gen.vocabulary.forms
    assert "snapshotvalue" not in gen.vocabulary.forms and "fetchaward" not in gen.vocabulary.forms  # code
    hits = NotesIndex.open(index, embedder=emb).search("what got the academy prize?", k=3)
    top = next(h for h in hits if "Oscar" in h.text)
    assert top.explain.related == ("oscar",) and "from related words oscar" in str(top.explain)
    # none of the question's own words: what the keyword side gives it is the related word's
    assert top.explain.keyword_score == pytest.approx(0, abs=1e-6) and top.explain.related_score > 0


def test_without_the_vocabulary_the_related_word_scores_nothing(tmp_path):
    # the same question on the same notes, its generation's vocabulary taken away (an index written before it)
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    import shutil

    shutil.rmtree(store.load_generation(index).path / store.VOCABULARY)
    hits = NotesIndex.open(index, embedder=emb).search("what got the academy prize?", k=3)
    oscar = next(h for h in hits if "Oscar" in h.text)
    assert oscar.explain.related == () and oscar.explain.keyword_score == 0


def test_an_unchanged_vault_without_a_vocabulary_gets_one_and_a_new_note_embeds_only_its_new_words(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    import shutil

    shutil.rmtree(store.load_generation(index).path / store.VOCABULARY)
    build_index(notes, index, embedder=emb)  # nothing changed in the notes: the vocabulary is written all the same
    assert store.load_generation(index).vocabulary is not None
    write(notes / "new.md", "# New\n- The orchard has plums.\n")
    emb.encoded = 0
    build_index(notes, index, embedder=emb)
    assert "plums" in store.load_generation(index).vocabulary.forms
    # the new note's chunk(s), and its new words only: new, orchard, plums (not every word of the vault again)
    assert emb.encoded <= 2 + 3


def test_closed_class_words_months_and_numbers_are_neither_asked_nor_related():
    vocab = build(["Him and her met on Tuesday in October with three friends and many guests at the harbour."])
    assert not {"him", "her", "tuesday", "october", "three", "many"} & set(vocab.forms)
    assert {"friends", "guests", "harbour"} <= set(vocab.forms)
    assert vocab.related("two of them in November", SynonymEmbedder().encode) == []
    # ... nor seasons, colours, sides, nor other languages' function words (a recheck: "spring" -> "summer",
    # "front" -> "rear", "und" -> "une", "deux" -> "trois")
    vocab = build(["In spring the red front door und deux chats et une porte verte on the harbour."])
    assert not {"spring", "red", "front", "und", "deux", "une"} & set(vocab.forms)
    assert {"door", "chats", "porte", "verte", "harbour"} <= set(vocab.forms)


def test_a_vocabulary_of_an_older_version_is_written_again_by_the_next_build(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    meta = store.load_generation(index).path / store.VOCABULARY / "notesqa.json"
    meta.write_text('{"version": "0", "words": 0}')
    assert store.load_generation(index).vocabulary is None
    build_index(notes, index, embedder=emb)  # the notes unchanged
    assert store.load_generation(index).vocabulary is not None


def test_a_rare_word_said_in_other_words_by_a_hit_is_not_said_missing(tmp_path, monkeypatch):
    # the notes' "Oscar" in a hit says the question's "academy" in other words: no "No note mentions “academy”"
    from notesqa.embedding.hashing import HashEmbedder

    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    # as the model does: a long, rare word is split into pieces
    monkeypatch.setattr(HashEmbedder, "count_tokens", lambda self, text: sum(1 + len(w) // 3 for w in text.split()))
    idx = NotesIndex.open(index, embedder=emb)
    assert idx.unmentioned("what got the academy prize?") == ["academy"]  # no note says it
    hits = idx.search("what got the academy prize?", k=3)
    assert any(h.explain.related == ("oscar",) for h in hits)
    assert idx._not_said_otherwise(hits, "what got the academy prize?", ["academy"]) == []
    assert "academy" not in (idx.notice(hits, "what got the academy prize?") or "")
    # ... but a rare word no hit says in other words is
    others = [h for h in hits if not h.explain.related]
    assert idx._not_said_otherwise(others, "what got the academy prize?", ["academy"]) == ["academy"]
    # ... and so is a name the notes do not say, whatever its related words (recheck: "Louvre" is not the musée
    # d'Orsay, "Osaka" not Tokyo)
    hits = idx.search("what got the Academy prize?", k=3)
    assert any(h.explain.related for h in hits)
    assert idx._not_said_otherwise(hits, "what got the Academy prize?", ["Academy"]) == ["Academy"]


def test_a_hit_that_holds_a_related_word_holds_a_word_of_the_question_for_the_weak_rule():
    import dataclasses

    from notesqa.hits import WEAK_NO_WORDS, WEAK_SCORE, Hit, weak
    from notesqa.ranking import Explanation

    score = (WEAK_SCORE + WEAK_NO_WORDS) / 2  # weak for a hit that holds none of the question's words, not else
    hit = Hit(text="Parasite took the Oscar", path="films.md", line=2, heading=("Films",), score=score,
              match_score=score, explain=Explanation(1, score, None, 0.0, score, rank=score))
    assert weak([hit])
    assert not weak([dataclasses.replace(hit, explain=dataclasses.replace(hit.explain, related=("oscar",),
                                                                        related_score=0.8))])


def test_a_name_asks_for_itself_not_for_the_names_beside_it():
    # a real model sets "Kyoto" next to "Tokyo", "AWS" next to "ECS"; the fake one reads these as one word
    SAME.update({"kyoto": "tokyo", "aws": "ecs"})
    try:
        vocab = build(["We spent three nights in Tokyo and two in Kyoto.", "Then Kyoto again, by train.",
                       "The cluster runs on ECS in the end, not on AWS directly."])
        named = {f for s, f in zip(vocab.stems, vocab.forms) if s in vocab.names}
        assert {"kyoto", "tokyo", "ecs", "aws"} <= named and "train" not in named
        encode = SynonymEmbedder().encode
        assert vocab.related("how long were we in kyoto?", encode) == []  # the notes write it as a name
        # a name the notes do not say may be another name of what they say ("Academy Award" for "Oscar")
        plain = build(["We spent three nights in Tokyo."])
        assert [r.word for r in plain.related("how long were we in Kyoto?", encode)] == ["tokyo"]
    finally:
        del SAME["kyoto"], SAME["aws"]


def test_names_are_kept_on_disk(tmp_path):
    vocab = build(["We spent three nights in Tokyo, by train."])
    vocab.save(tmp_path / "v")
    assert Vocabulary.load(tmp_path / "v").names == vocab.names == {"tokyo"}


def test_a_damaged_vocabulary_is_none_the_index_still_answers_and_the_next_build_writes_it(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    folder = store.load_generation(index).path / store.VOCABULARY
    (folder / "words.tsv").unlink()
    assert store.load_generation(index).vocabulary is None
    assert NotesIndex.open(index, embedder=emb).search("what got the academy prize?", k=3)  # answered all the same
    build_index(notes, index, embedder=emb)  # the notes unchanged: the vocabulary is written again
    assert store.load_generation(index).vocabulary is not None


def test_vectors_of_another_width_are_no_vocabulary_and_not_reused(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    vectors = store.load_generation(index).path / store.VOCABULARY / "vectors.npy"
    np.save(vectors, np.zeros((len(np.load(vectors)), 8), dtype=np.float16))
    assert store.load_generation(index).vocabulary is None
    write(notes / "new.md", "# New\n- The orchard has plums.\n")
    build_index(notes, index, embedder=emb)  # (it had crashed stacking vectors of two widths)
    assert store.load_generation(index).vocabulary.vectors.shape[1] == emb.dim


def test_a_vocabulary_of_an_older_version_gives_its_vectors_to_the_next_build(tmp_path):
    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    emb = SynonymEmbedder()
    build_index(notes, index, embedder=emb)
    meta = store.load_generation(index).path / store.VOCABULARY / "notesqa.json"
    meta.write_text(meta.read_text().replace('"version": "', '"version": "old-'))
    emb.encoded = 0
    build_index(notes, index, embedder=emb)
    assert store.load_generation(index).vocabulary is not None and emb.encoded == 0  # every word's vector reused


def test_words_are_read_as_the_keyword_index_reads_them_and_names_of_any_script():
    vocab = build(["Die Straße ist lang, und der Weg nach Zürich auch.", "Wir fahren nach Zürich.",
                   "We met O'Brien at Kyoto's station."])
    assert "strasse" in vocab.forms  # NFKC and case-folded: "straße" is not a word the keyword index has
    named = {f for s, f in zip(vocab.stems, vocab.forms) if s in vocab.names}
    assert {"zürich", "kyoto", "brien"} <= named and "station" not in named


def test_a_long_question_relates_its_first_words_only():
    from notesqa.vocabulary import ASKED

    emb = SynonymEmbedder()
    vocab = build(["The film won an Oscar."], encode=emb.encode)
    emb.calls = emb.encoded = 0
    filler = " ".join(f"word{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(40))
    assert vocab.related(f"academy {filler}", emb.encode)[0].word == "oscar"
    assert emb.encoded == ASKED  # "academy" and the first filler words, none of them the vault's: no more
    assert vocab.related(f"{filler} academy", emb.encode) == []  # past the first ASKED words


def test_status_says_how_many_words_are_kept_and_when_none_is(tmp_path):
    from notesqa.status import read_status

    notes, index = _notes(tmp_path / "notes"), tmp_path / "index"
    build_index(notes, index, embedder=SynonymEmbedder())
    from click.testing import CliRunner

    from notesqa.cli import main

    def cli_status() -> str:
        return CliRunner().invoke(main, ["status", "--notes", str(notes), "--index", str(index)]).stdout

    kept = read_status(notes, index).related_words
    assert kept == len(store.load_generation(index).vocabulary) > 0
    assert f"Words:   {kept} words of the notes kept" in cli_status()
    # damaged: said so (the error-path audit, s43: a vectors file cut short had been counted as kept)
    words = store.load_generation(index).path / store.VOCABULARY
    vectors = words / "vectors.npy"
    os.truncate(vectors, vectors.stat().st_size - 100)
    st = read_status(notes, index)
    assert st.related_words is None and st.to_dict()["related_words_damage"] == "vocabulary/vectors.npy cannot be read"
    assert "Words:   the notes' words kept" in cli_status() and "are damaged (vocabulary/vectors.npy" in cli_status()
    assert store.load_generation(index).vocabulary is None  # (questions go without them, as it says)
    vectors.unlink()
    assert read_status(notes, index).related_words_damage == "vocabulary/vectors.npy is missing"
    (words / "words.tsv").write_text("one\tone\t0\n")
    (words / "vectors.npy").write_bytes(b"")
    assert read_status(notes, index).related_words_damage == "vocabulary/vectors.npy cannot be read"
    assert store.load_generation(index).vocabulary is None  # (an empty file had been EOFError: the index unusable)
    np.save(words / "vectors.npy", np.zeros((kept, 8), np.float16))
    assert "words.tsv has 1 words" in read_status(notes, index).related_words_damage
    build_index(notes, index, embedder=SynonymEmbedder())  # `notesqa index` writes them again, as it says
    assert read_status(notes, index).related_words == kept and "damaged" not in cli_status()
    (store.load_generation(index).path / store.VOCABULARY / "notesqa.json").write_text('{"version": "0", "words": 3}')
    assert read_status(notes, index).related_words is None and "Words:   none kept" in cli_status()


def test_word_counts_add_and_take_away_and_keep_the_order_they_were_counted_in(tmp_path):
    from notesqa.vocabulary import WordCounts

    a, b = WordCounts.of(["Kyoto temples in spring", "running shoes"]), WordCounts.of(["Kyoto runs, runs"])
    both = a.plus(b)
    assert both.said["kyoto"] == 2 and both.minus(b) == a
    assert a.minus(b) is None  # b says "runs", which a does not: not counted from the same text
    both.save(tmp_path / "counts.json")
    assert WordCounts.load(tmp_path) == both
    assert list(WordCounts.load(tmp_path).said) == list(both.said)  # in the order counted: the first said of equals
    import notesqa.keywords as keywords

    with pytest.MonkeyPatch.context() as mp:  # counted under another stemmer: its words are cut otherwise
        mp.setattr(keywords, "tokenizer_id", lambda: "0/no stemmer")
        assert WordCounts.load(tmp_path) is None
    (tmp_path / "counts.json").write_text('{"version": "0", "said": {}, "inside": {}}')
    assert WordCounts.load(tmp_path) is None
    (tmp_path / "counts.json").write_text('{"version": "5", "said": ["a"], "inside": {}}')
    assert WordCounts.load(tmp_path) is None
    one, two = build(["we organise", "we organize"]), build(["we organize", "we organise"])
    assert one.forms == ["organise"] and two.forms == ["organize"]


def test_a_refresh_counts_the_words_of_the_changed_notes_only(tmp_path, monkeypatch):
    import notesqa.vocabulary as vocabulary

    notes, index = tmp_path / "notes", tmp_path / "index"
    for i in range(5):
        write(notes / f"n{i}.md", f"# Note {i}\n\n- Kyoto temple number {i}\n- another line {i}\n")
    build_index(notes, index, embedder=CountingEmbedder(64))
    counted = []
    real = vocabulary.WordCounts.of.__func__
    monkeypatch.setattr(vocabulary.WordCounts, "of", classmethod(lambda cls, texts: real(cls, counted.extend(
        texts := list(texts)) or texts)))
    write(notes / "n2.md", "# Note 2\n\n- Kyoto shrine number 2\n- another line 2\n")
    build_index(notes, index, embedder=CountingEmbedder(64))
    # the edited note's texts it lost and gained ("Kyoto temple number 2" for "... shrine ..."), not the other notes'
    # nor those it says again (a 1 MB journal's, for one edited bullet: the trial of one big file)
    assert sorted(counted) == ["Kyoto shrine number 2", "Kyoto temple number 2"]
    assert "shrine" in store.load_generation(index).vocabulary.forms


def test_word_counts_that_are_not_of_the_live_chunks_are_counted_again(tmp_path):
    """The live index's counts less its chunks not kept must be possible: else every word is counted again."""
    import json

    notes, index = tmp_path / "notes", tmp_path / "index"
    for i in range(3):
        write(notes / f"n{i}.md", f"# Note {i}\n\n- Kyoto temple number {i}\n")
    build_index(notes, index, embedder=CountingEmbedder(64))
    counts = store.load_generation(index).path / store.VOCABULARY / "counts.json"
    data = json.loads(counts.read_text())
    counts.write_text(json.dumps({**data, "said": {"kyoto": 1}, "inside": {}}))  # not what its chunks say
    write(notes / "n1.md", "# Note 1\n\n- Kyoto shrine number 1\n")
    build_index(notes, index, embedder=CountingEmbedder(64))
    build_index(notes, tmp_path / "fresh", embedder=CountingEmbedder(64))
    refreshed, fresh = (json.loads((store.load_generation(i).path / store.VOCABULARY / "counts.json").read_text())
                        for i in (index, tmp_path / "fresh"))
    assert refreshed["said"] == fresh["said"] and refreshed["said"]["kyoto"] == 3
