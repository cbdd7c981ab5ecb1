"""The chat without a browser (notesqa.ui.chat): answers, follow-ups, builds, status, examples, filters."""

from __future__ import annotations

import re
import threading
import time
from types import SimpleNamespace

from conftest import no_active_html, write
from notesqa import hits
from notesqa.embedding.hashing import HashEmbedder
from notesqa.ui.chat import ChatService, example_questions

# --------------------------------------------------------------------------- answers


def test_answer_shows_bullet_breadcrumb_source_relevance_and_marks(service):
    html, turn = service.answer("shuffle sharding customers cells", [])
    assert turn.hits and turn.hits[0].source == "aws-2024.md:13"
    assert '<div class="nq-sr">5 passages from ' in html  # said first to a screen reader (trial s38)
    first = html.split('<div class="nq-hit" ')[1]
    assert first.startswith('role="article"><span class="nq-sr">Hit 1, from AWS re:Invent 2024: </span>')
    assert "<mark>Shuffle</mark> <mark>sharding</mark>" in first
    # a misspelt word: said, and marked as the word it was searched as
    html, turn = service.answer("shufle sharding customers cells", [])
    assert "No note says “shufle”; searched for “shuffle” instead." in html
    # a tag no note has, in a question of other words: words of it, said (a user trial: "tag:latest" of docker)
    html, turn = service.answer("what does tag:latest say about shuffle sharding", [])
    assert turn.hits and "No note is tagged “latest”; searched “tag:latest” as words." in html
    assert "<mark>Shuffle</mark> <mark>sharding</mark>" in html.split('<div class="nq-hit" ')[1]
    assert ("AWS re:Invent 2024 › Keynotes › CTO Werner Vogels › Lessons in Simplexity › Organize into cells"
            in first)
    assert 'href="#nq-src=aws-2024.md:13@' in first and ">aws-2024.md:13</a>" in first
    assert "relevance" in first and 'class="nq-bar"' in first
    # more context, in place: the parent and the siblings of the hit
    ctx = first.split('<div class="nq-ctx">')[1]
    plain = re.sub(r"</?mark>", "", ctx)
    assert "Organize into cells" in plain and "Cell based architecture" in plain
    assert '<span class="nq-ctx-hit">' in ctx


def test_a_hit_of_a_note_edited_since_the_build_says_so(service, built):
    notes, _, _ = built
    html, _ = service.answer("shuffle sharding customers cells", [])
    assert "nq-stale" not in html
    with open(notes / "aws-2024.md", "a", encoding="utf-8") as f:
        f.write("\n- an edit the watcher has not indexed yet\n")
    service._stale = (None, None, None)  # (scanned at most every 2 s)
    html, turn = service.answer("shuffle sharding customers cells", [])
    first = html.split('<div class="nq-hit" ')[1]
    assert turn.hits[0].path == "aws-2024.md"  # trial V: the chat had shown the old text unmarked
    assert '<span class="nq-stale"' in first and "the note was changed since the index was built" in first


def test_an_answer_to_open_a_note_says_so_for_the_page_to_show_it(service):
    html, turn = service.answer("open the AWS re:Invent 2024 note", [])
    assert turn.hits[0].path == "aws-2024.md" and html.startswith('<div class="nq-answer nq-open">')
    html, _ = service.answer("what is shuffle sharding?", [])
    assert html.startswith('<div class="nq-answer">')


def test_answer_escapes_hostile_note_text(hostile):
    html, turn = hostile.answer("zebra", [])
    assert any(h.path == "inbox/clip.md" for h in turn.hits)
    no_active_html(html)
    assert "<b>page</b>" not in html


def test_no_match_and_bad_filter_are_messages(service):
    html, turn = service.answer("shuffle sharding", [], folders=["nowhere"])
    assert "No note is in nowhere." in html and turn.hits == []
    # each filter matches some note, only not together: said so
    html, turn = service.answer("shuffle sharding", [], folders=["cooking"], tags=["aws"])
    assert "No note passes these filters together (each alone matches some notes): try fewer of them." in html and turn.hits == []
    html, _ = service.answer("shuffle sharding", [], tags=["<b>aws"])  # the name is shown as text
    assert "No note is tagged &lt;b&gt;aws (tags like it: aws)." in html
    html, turn = service.ask("bread", [], after="last tuesday")
    assert turn is None and "YYYY-MM-DD" in html and "Traceback" not in html
    assert "Dated from" in html  # the sidebar field's name, not the in-question after: syntax


def test_an_answer_says_the_sidebar_filters_it_was_searched_with(service):
    # trial B: a filtered "nothing matches closely" read later as nothing in all the notes
    html, turn = service.answer("cells", [], tags=["aws"], after="2023-01-01")
    assert turn.hits and "Searched notes tagged aws, dated from 2023-01-01 (the filters on the left)" in html
    html, _ = service.answer("shuffle sharding", [], folders=["nowhere"])
    assert "Searched notes in nowhere (the filters on the left)" in html and "No note is in nowhere." in html
    assert "the filters on the left" not in service.answer("cells", [])[0]


def test_unexpected_error_never_shows_a_traceback(service, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("secret internals /home/me/.ssh")

    monkeypatch.setattr(service.index(), "search", boom)
    html, turn = service.ask("cells", [])
    assert turn is None
    assert "Something went wrong" in html and "RuntimeError" in html
    assert "secret internals" not in html and "Traceback" not in html


def test_a_weak_best_match_is_said_to_be_weak(service, monkeypatch):
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)
    html, _ = service.answer("shuffle sharding", [])
    assert hits.WEAK_MATCH not in html
    monkeypatch.setattr(hits, "WEAK_SCORE", 10.0)
    html, turn = service.answer("shuffle sharding", [])
    assert f'<div class="nq-weak">{hits.WEAK_MATCH}</div>' in html and turn.hits
    # a question that found nothing close does not carry over into the next one
    html, nxt = service.answer("what about sourdough?", [turn])
    assert nxt.standalone == "what about sourdough?" and "Searched as a follow-up" not in html
    assert service.answer("anything else?", [turn])[1].standalone == "shuffle sharding"  # asks about it still
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)
    assert service.answer("what about cells?", [turn])[1].standalone == "shuffle sharding cells"
    # (a subject the two together do not find, and its own search does, is a new one: trial s37's "and Kafka?")
    assert service.answer("what about sourdough?", [turn])[1].standalone == "what about sourdough?"


def test_filter_choices(service):
    tags, folders = service.filter_choices()
    assert {"aws", "cooking"} <= set(tags)
    assert folders == [("(top level)", "."), "cooking"]
    # the top level is a folder like the others: its notes only
    html, turn = service.answer("bread", [], folders=["."])
    assert turn.hits and all("/" not in h.path for h in turn.hits)
    _, turn = service.answer("bread", [], folders=["cooking"])
    assert turn.hits and all(h.path.startswith("cooking/") for h in turn.hits)


# --------------------------------------------------------------------------- follow-ups


def test_answer_uses_the_conversation(service, monkeypatch):
    _, t1 = service.answer("what did Werner say at re:Invent 2024?", [])
    html, t2 = service.answer("and in 2023?", [t1])
    assert t2.standalone == "what did Werner say at re:Invent in 2023"
    assert "Searched as a follow-up" in html
    assert t2.hits[0].path == "2023-12-11-aws-2023.md"
    # "what else" skips what the previous answer showed, and says so
    html, t3 = service.answer("what else?", [t1, t2])
    assert "already shown" in html
    assert not {h.source for h in t3.hits} & {h.source for h in t2.hits}
    # a long new question starts a new thread
    _, t4 = service.answer("how long does the bread ferment in bulk?", [t1, t2, t3])
    assert t4.standalone == "how long does the bread ferment in bulk?"
    # a follow-up to a very long question echoes its start, not all of it (the fake model's match of
    # sixty made-up topics is weak: counted as close here, so that it starts a thread)
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)
    long_q = "what did Werner say at re:Invent 2024 about " + " and ".join(f"topic{i}" for i in range(60))
    _, t5 = service.answer(long_q, [])
    html, _ = service.answer("and in 2023?", [t5])
    echoed = html.split("Searched as a follow-up: <em>")[1].split("</em>")[0]
    assert echoed.startswith("what did Werner say") and echoed.endswith(" …") and len(echoed) <= 162


def test_a_short_new_search_is_not_glued_to_the_previous_question(service):
    _, t1 = service.answer("tag:aws what did Werner say about cells?", [])
    # a few words on another subject: searched alone, without the previous question's filters
    html, t2 = service.answer("sourdough starter feeding", [t1])
    assert t2.standalone == "sourdough starter feeding"
    assert "Searched as a follow-up" not in html
    assert t2.hits[0].path == "cooking/2024-02-01-bread.md"
    # a short question that does continue the thread still does
    _, t3 = service.answer("in 2023?", [t1])
    assert t3.standalone == "what did Werner say about cells in 2023 tag:aws"
    # filters alone: the same question with other filters
    _, t4 = service.answer("tag:conferences", [t1])
    assert t4.standalone == "what did Werner say about cells tag:conferences"
    assert {h.path for h in t4.hits} == {"2023-12-11-aws-2023.md"}


def test_two_followups_that_add_a_thing_each_add_it_to_the_same_question(service, monkeypatch):
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)  # every answer close enough to carry on the thread
    _, t1 = service.answer("what did Werner say about cells?", [])
    _, t2 = service.answer("and the control plane?", [t1])
    assert t2.standalone == "what did Werner say about cells the control plane"
    _, t3 = service.answer("what about shuffle sharding?", [t1, t2])
    assert t3.standalone == "what did Werner say about cells shuffle sharding"  # not "... control plane shuffle ..."
    _, t4 = service.answer("what else?", [t1, t2, t3])  # asks for more of the last one, not its siblings'
    assert t4.standalone == t3.standalone


def _threaded_chat(notes, tmp_path, embedder, monkeypatch):
    """A chat of notes, built, whose fake model's matches count as close: a conversation's thread goes on."""
    chat = ChatService(notes, tmp_path / "index", embedder=embedder)
    chat.build()
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)
    return chat


def test_a_followup_naming_another_note_swaps_it_for_the_one_asked_about(tmp_path, embedder, monkeypatch):
    notes = tmp_path / "graph"
    write(notes / "pages" / "Maria Gonzalez.md", "alias:: Maria\n\n- Engineering manager, 1:1 every Thursday\n")
    write(notes / "pages" / "Tom Becker.md", "alias:: Tom\n\n- Designer on Alpha\n")
    write(notes / "journals" / "2026_11_24.md", "- 1:1 with [[Maria]]\n\t- she wants a two-week overlap\n"
          "- 1:1 with [[Tom]]\n\t- the magic-link mock tested well\n")
    chat = _threaded_chat(notes, tmp_path, embedder, monkeypatch)
    _, first = chat.answer("what did Maria and I talk about in our 1:1?", [])
    html, turn = chat.answer("and what about Tom?", [first])
    assert turn.standalone == "what did Tom and I talk about in our 1:1"
    assert "Searched as a follow-up" in html


def test_a_followup_naming_a_person_by_the_first_name_swaps_them_too(tmp_path, embedder, monkeypatch):
    # trial s37: "and Samuel?" (People/Samuel Achebe.md) had been glued to the question about Helena
    notes = tmp_path / "vault"
    write(notes / "People" / "Helena Lindqvist.md", "# Helena Lindqvist\n\n- My advisor; wants TIMIT results\n")
    write(notes / "People" / "Samuel Achebe.md", "# Samuel Achebe\n\n- Postdoc; runs the Hausa data cleaning\n")
    chat = _threaded_chat(notes, tmp_path, embedder, monkeypatch)
    _, first = chat.answer("what did Helena say about the TIMIT experiments?", [])
    _, turn = chat.answer("and Samuel?", [first])
    assert turn.standalone == "what did Samuel say about the TIMIT experiments"


def test_a_followup_word_no_note_says_is_said_missing(service, monkeypatch):
    # trial s37: "what about staging?" showed the question before's hits at relevance 1.00 and said nothing
    monkeypatch.setattr(hits, "WEAK_SCORE", -1.0)
    _, first = service.answer("what did Werner say about cells?", [])
    html, turn = service.answer("what about staging?", [first])
    assert turn.standalone == "what did Werner say about cells staging"
    assert "No note mentions “staging”: these are the answers to the question before it." in html
    html, _ = service.answer("and the control plane?", [first])  # words the notes say: nothing to add
    assert "No note mentions" not in html
    html, turn = service.answer("how do they help?", [first])  # a question about "it" adds no thing
    assert turn.standalone == "what did Werner say about cells how do they help" and "No note mentions" not in html


def test_a_filter_alone_that_leaves_nothing_close_to_the_question_before_lists_its_notes(tmp_path, embedder,
                                                                                      monkeypatch):
    # trial s38: "tag:fiction" after a question about restic said "Nothing matches" over one book at 0.13
    notes = tmp_path / "notes"
    write(notes / "postgres.md", "# Postgres failover\n\n- Promote the replica with pg_ctl promote\n")
    write(notes / "dune.md", "---\ntags: [fiction]\n---\n# Dune\n\n- Spice, sandworms and a desert planet\n")
    chat = ChatService(notes, tmp_path / "index", embedder=embedder)
    chat.build()
    _, first = chat.answer("Postgres failover", [])  # the note's name: a strong answer, the thread goes on
    monkeypatch.setattr(hits, "WEAK_SCORE", 2.0)  # nothing the fake model matches is close
    html, turn = chat.answer("tag:fiction", [first])
    assert turn.standalone == "tag:fiction" and [h.path for h in turn.hits] == ["dune.md"]
    assert "Nothing in your notes matches" not in html


def test_a_followup_adding_a_subject_no_hit_of_the_two_says_is_a_new_search(tmp_path, embedder, monkeypatch):
    # trial s37: "and Kafka?" after "how do I promote a Postgres replica during failover?" gave five Postgres hits
    notes = tmp_path / "runbooks"
    write(notes / "postgres.md", "# Postgres failover\n\n- Promote the replica during failover: pg_ctl promote on "
          "the replica\n- Check the postgres replica lag before you promote\n")
    write(notes / "kafka.md", "# Kafka\n\n- Reset consumer offsets with kafka-consumer-groups --reset-offsets\n")
    chat = _threaded_chat(notes, tmp_path, embedder, monkeypatch)
    _, first = chat.answer("how do I promote a Postgres replica during failover?", [])
    _, turn = chat.answer("and Kafka?", [first])
    assert turn.standalone == "and Kafka?" and turn.hits[0].path == "kafka.md"
    # ... while a thing the two together find stays a follow-up
    _, turn = chat.answer("and the lag?", [first])
    assert turn.standalone == "how do I promote a Postgres replica during failover the lag"


def test_the_week_after_moves_the_week_and_left_out_folders_alone_keep_the_question(tmp_path, embedder, monkeypatch):
    # the chat trial (s42): "and the week after?" had been searched as its own words (a note saying "after" first),
    # and "-path:Daily -path:Monthly" after a question had listed the notes, the question gone
    notes = tmp_path / "vault"
    for week, good in ((9, "Got 78 on the midterm"), (10, "Dana asked me to lead the on-call rota")):
        write(notes / "Weekly" / f"2025-W{week:02d}.md", f"# 2025-W{week:02d}\n\n## What went well\n\n- {good}\n")
    write(notes / "Course" / "Week 3.md", "# Week 3\n\n- Scheduling: what runs after what\n")
    write(notes / "Daily" / "2025-03-28.md", "# 28 March\n\n- Booked the Lisbon flights, £212\n")
    write(notes / "Travel" / "Lisbon.md", "# Lisbon trip\n\n- Flights: TAP from Gatwick, £212 return\n")
    chat = _threaded_chat(notes, tmp_path, embedder, monkeypatch)
    _, first = chat.answer("what went well in week 9?", [])
    _, turn = chat.answer("and the week after?", [first])
    assert turn.standalone == "what went well in week 10" and turn.hits[0].path == "Weekly/2025-W10.md"
    _, first = chat.answer("how much were the Lisbon flights?", [])
    _, turn = chat.answer("-path:Daily", [first])
    assert turn.standalone == "how much were the Lisbon flights -path:Daily"
    assert turn.hits[0].path == "Travel/Lisbon.md" and "Daily/2025-03-28.md" not in {h.path for h in turn.hits}


# --------------------------------------------------------------------------- no index, builds, status


def test_no_index_yet_and_no_notes_folder(tmp_path, embedder):
    notes = tmp_path / "notes"
    notes.mkdir()
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    html, turn = svc.answer("anything", [])
    assert "no index yet" in html.lower() and turn.hits == []
    assert "none yet" in svc.status_markdown()
    assert svc.examples() == []
    gone = ChatService(tmp_path / "missing", tmp_path / "index2", embedder=embedder)
    assert "does not exist" in gone.answer("anything", [])[0]
    assert "does not exist" in gone.status_markdown()
    msg = gone.build_message()
    assert msg.startswith("**Index build failed:**") and "does not exist" in msg


def test_empty_notes_folder(tmp_path, embedder):
    notes = tmp_path / "notes"
    notes.mkdir()
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    assert "has no markdown notes" in svc.build_message()
    assert "none yet" in svc.status_markdown()
    html, _ = svc.answer("anything", [])
    assert "no notes in the index" in html


def test_error_while_building_is_one_line_and_shows_in_status(tmp_path, embedder):
    class Broken(HashEmbedder):
        def encode(self, texts, progress=None):
            raise RuntimeError("model exploded")

    notes = tmp_path / "notes"
    write(notes / "a.md", "* a bullet\n")
    svc = ChatService(notes, tmp_path / "index", embedder=Broken(256))
    msg = svc.build_message()
    assert msg.startswith("**Index build failed:**") and "RuntimeError" in msg and "Traceback" not in msg
    assert "\n" not in msg and "server log has the details" in msg and "model exploded" not in msg
    assert "Last build failed" in svc.status_markdown()
    assert not svc.building


def test_build_reports_progress_and_status(tmp_path, notes, embedder):
    svc = ChatService(notes, tmp_path / "index", embedder=embedder)
    seen = []
    msg = svc.build_message(progress=lambda f, m: seen.append((f, m)))
    assert msg.startswith("**Index ready:** 3 notes")
    assert seen and all(0.0 <= f <= 1.0 for f, _ in seen)
    # each step's bar is its own share (trial V: "Reading notes 32/485 - 0.7%" had read as a wrong sum), in order
    steps = [m.split(",")[0] for _, m in seen if m.startswith("Step")]
    assert steps == sorted(steps) and "Step 2 of 3" in steps
    for step in set(steps):
        shares = [f for f, m in seen if m.startswith(step)]
        assert shares == sorted(shares)
    assert ("Step 1 of 3, reading notes: 3 of 3" in [m for _, m in seen]) and (1.0, "Step 3 of 3, writing the index") in seen
    status = svc.status_markdown()
    for part in ("**Notes:** 3", "**Chunks:**", "**Built:**", "**Model:** hash-256", "**Changed since:** none"):
        assert part in status
    import re

    # the build's time with its zone (trial D: "Built: 03:10" could be any clock's)
    assert re.search(r"\*\*Built:\*\* \d{4}-\d\d-\d\d \d\d:\d\d \S+", status), status
    write(notes / "new.md", "* brand new\n")
    (notes / "aws-2024.md").unlink()
    assert "**Changed since:** 1 new, 1 deleted" in svc.status_markdown()


def test_a_question_during_the_first_build_is_answered_when_it_is_done(notes, tmp_path):
    class Slow(HashEmbedder):
        def encode(self, texts, progress=None):
            if len(texts) > 1:  # the build, not the question
                time.sleep(1.0)
            return super().encode(texts, progress)

    svc = ChatService(notes, tmp_path / "fresh-index", embedder=Slow(256))
    builder = threading.Thread(target=svc.build)
    builder.start()
    while not svc.building:
        time.sleep(0.01)
    html, turn = svc.answer("shuffle sharding", [])
    builder.join()
    assert "being built" not in html
    assert turn.hits and turn.hits[0].path == "aws-2024.md"


def test_status_says_when_a_newer_index_cannot_be_used(built, embedder):
    from notesqa import build_index

    notes, index, _ = built
    service = ChatService(notes, index, embedder=embedder)
    service.answer("shuffle sharding", [])
    assert "Answering from the previous index" not in service.status_markdown()
    build_index(notes, index, embedder=HashEmbedder(64))
    service.answer("shuffle sharding", [])
    assert "Answering from the previous index" in service.status_markdown()


# --------------------------------------------------------------------------- examples


def test_examples_are_drawn_from_the_notes(service):
    # the newest note first (the bread, 2024-02-01; then the 2023 keynotes), then the undated one
    assert service.examples() == ["What do my notes say about bulk ferment for five hours?",
                                  "What do my notes say about CTO Werner Vogels?",
                                  "What do my notes say about lessons in Simplexity?"]
    assert service.examples(n=1) == ["What do my notes say about bulk ferment for five hours?"]


def test_examples_come_from_the_notes_in_use_before_an_archive():
    def chunk(path, text, date=None):
        return SimpleNamespace(path=path, seq=0, text=text, parent=None, heading=[text], date=date)

    chunks = [chunk("archive/ch05-draft.md", "Occupation chapter"), chunk("ch05.md", "Under the Oberfeldkommandantur"),
              chunk("old/glossary.md", "Glossary terms"), chunk("log.md", "Wage books", "2024-05-20")]
    assert example_questions(chunks) == ["What do my notes say about wage books?",
                                         "What do my notes say about under the Oberfeldkommandantur?",
                                         "What do my notes say about occupation chapter?",
                                         "What do my notes say about glossary terms?"]


def test_an_example_is_no_section_a_template_gives_many_notes():
    def chunk(path, heading, date):
        return SimpleNamespace(path=path, seq=0, text="x", parent=None, heading=[heading], parents=[], date=date)

    # trial U: "What do my notes say about action items?" had been the first starter
    chunks = [chunk(f"1-1 2026-11-{d:02d}.md", "Action items", f"2026-11-{d:02d}") for d in (2, 9, 16)]
    chunks.append(chunk("atlas.md", "Ledger migration", None))
    assert example_questions(chunks) == ["What do my notes say about ledger migration?"]
    # trial B: a section's name or a template's count, however few notes have it yet, is no topic either
    chunks = [chunk("Daily/2026-11-30.md", "Top 3", "2026-11-30"), chunk("m.md", "Discussion", "2026-11-29"),
              chunk("n.md", "Next steps", "2026-11-28"), chunk("p.md", "Checkout v2 beta", None)]
    assert example_questions(chunks) == ["What do my notes say about checkout v2 beta?"]
    # notes of one kind, named by their number, give one example (trial s36b: four weekly reviews had been all four)
    chunks = [chunk(f"Retros/Sprint {n}.md", f"Sprint {n} retro", f"2026-11-{n:02d}") for n in (12, 13, 14)]
    chunks.append(chunk("atlas.md", "Ledger migration", None))
    assert example_questions(chunks) == ["What do my notes say about sprint 14 retro?",
                                         "What do my notes say about ledger migration?"]


def test_an_example_is_no_journal_entry():
    def chunk(path, heading, date):
        return SimpleNamespace(path=path, seq=0, text="x", parent=None, heading=[heading], parents=[], date=date)

    # trial s41: "What do my notes say about spent the morning on the cost review?"
    chunks = [chunk("journals/2024_05_03.md", "Spent the morning on the cost review", "2024-05-03"),
              chunk("journals/2024_05_02.md", "Shipped the outbox change", "2024-05-02"),
              chunk("pages/ds.md", "Distributed systems", None), chunk("books/stick.md", "Made to Stick", None)]
    # (a book's title is no entry: the review)
    assert example_questions(chunks) == ["What do my notes say about distributed systems?",
                                         "What do my notes say about made to Stick?"]


def test_an_example_topic_drops_its_chapter_number_and_capital():
    def chunk(path, seq, text, parent=None, heading=()):
        return SimpleNamespace(path=path, seq=seq, text=text, parent=parent, heading=list(heading))

    chunks = [chunk("a.md", 0, "Ch 5: Replication lag", heading=["Notes"]), chunk("a.md", 1, "x", parent=0),
              chunk("b.md", 0, "short", heading=["Book", "2.1 Storage engines."]),
              chunk("c.md", 0, "no topic here at all", heading=["abc"]),
              chunk("daily/2025-03-14.md", 0, "pie", heading=["Friday 14 March"]),
              chunk("journal/21 mars.md", 0, "une tarte", heading=["21 mars"])]
    # a daily note's date heading is not a topic
    assert example_questions(chunks) == ["What do my notes say about replication lag?",
                                         "What do my notes say about storage engines?"]


def test_an_example_is_a_question_a_person_would_ask():
    def chunk(path, seq, text, parent=None, heading=()):
        return SimpleNamespace(path=path, seq=seq, text=text, parent=parent, heading=list(heading))

    chunks = [chunk("a.md", 0, "An advanced query looks like this", heading=["Advanced queries"]),
              chunk("a.md", 1, "x", parent=0),
              chunk("b.md", 0, "What is bias?", heading=["ML"]), chunk("b.md", 1, "y", parent=0),
              # a meeting's "1:1" is not a chapter number; a page path is not a topic
              chunk("c.md", 0, "1:1 with Priya Sharma", heading=["Nov 24th"]), chunk("c.md", 1, "z", parent=0),
              chunk("d.md", 0, "projects/garden day", heading=[]), chunk("d.md", 1, "w", parent=0),
              # nor is a task
              chunk("e.md", 0, "DONE Read Aisha's churn-risk list", heading=[]), chunk("e.md", 1, "v", parent=0),
              # nor a sentence (trial s38: "What do my notes say about The PTS model has two core components?")
              chunk("f.md", 0, "The PTS model has two core components", heading=[]), chunk("f.md", 1, "u", parent=0)]
    assert example_questions(chunks) == ["What do my notes say about advanced queries?", "What is bias?",
                                         "What do my notes say about 1:1 with Priya Sharma?"]


def test_an_example_reads_without_a_cards_tag_a_chapters_dash_or_a_question_of_nothing():
    # trial s37: "What is an eigenvector? #card?", "What do my notes say about — The Register?", "Who was there?",
    # "... about likely questions?" and "buildKit cache mounts" had been starters
    def chunk(path, seq, text, parent=None, heading=()):
        return SimpleNamespace(path=path, seq=seq, text=text, parent=parent, heading=list(heading))

    chunks = [chunk("a.md", 0, "What is an eigenvector? #card"), chunk("a.md", 1, "x", parent=0),
              chunk("b.md", 0, "Who was there?"), chunk("b.md", 1, "y", parent=0),
              chunk("c.md", 0, "z", heading=["Chapter 1 — The Register"]),
              chunk("d.md", 0, "Likely questions"), chunk("d.md", 1, "w", parent=0),
              chunk("e.md", 0, "BuildKit cache mounts"), chunk("e.md", 1, "v", parent=0)]
    assert example_questions(chunks, n=5) == ["What is an eigenvector?", "What do my notes say about The Register?",
                                              "What do my notes say about BuildKit cache mounts?"]


def test_an_example_is_no_fragment_and_not_notions_own_page():
    def chunk(path, seq, text, parent=None, heading=(), title=""):
        return SimpleNamespace(path=path, seq=seq, text=text, parent=parent, heading=list(heading), title=title)

    notion = "Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11/Getting Started 709fc12b8eb410f9027bcf0390c8193f.md"
    chunks = [chunk("a.md", 0, "x", heading=["December 18, 2023", "For 2024"]),
              chunk("b.md", 0, "6 of 8 cancelled and rebooked", heading=[]), chunk("b.md", 1, "y", parent=0),
              chunk(notion, 0, "z", heading=["Getting Started"], title="Getting Started"),
              chunk("c.md", 0, "w", heading=["Getting Started"], title="Getting Started"),
              chunk("d.md", 0, "v", heading=["Year two review", "Pour la suite"])]
    # a heading or bullet that starts with a preposition is a fragment: the note's other topic, or none
    assert example_questions(chunks) == ["What do my notes say about Getting Started?",
                                         "What do my notes say about year two review?"]
    # a label of the reasons for and against is no topic, and a name alone keeps its capital (trial D: "What do
    # my notes say about against?", "... about anna?")
    chunks = [chunk("2024-08-02.md", 0, "Against:", heading=["2024-08-02"]), chunk("2024-08-02.md", 1, "u", parent=0),
              chunk("People/Anna.md", 0, "w", heading=["Anna"])]
    assert example_questions(chunks) == ["What do my notes say about Anna?"]
    # a section named like a question is no question (trial F: "What we did?")
    chunks = [chunk("r.md", 0, "w", heading=["Retro", "What we did"]), chunk("s.md", 0, "v", heading=["ML", "What is bias?"])]
    assert example_questions(chunks) == ["What do my notes say about Retro?", "What is bias?"]


def test_a_short_new_subject_is_searched_alone_when_only_its_own_hit_says_it(tmp_path, embedder):
    from notesqa import build_index
    from notesqa.ui.chat import ChatService

    notes = tmp_path / "notes"
    write(notes / "cardio.md", "# Tamponade\n\n- Beck's triad\n")
    # a long passage: its match of the two words alone is weaker than the triad's of the glued question
    write(notes / "micro.md", "# Micro\n\n- Koplik spots: small white spots seen inside the cheek a day or two "
                              "before the rash of measles appears, then gone as it spreads\n")
    build_index(notes, tmp_path / "index", embedder=embedder)
    chat = ChatService(notes, tmp_path / "index", embedder=embedder)
    _, t1 = chat.answer("Beck's triad", [])
    html, t2 = chat.answer("Koplik spots", [t1])
    assert t2.standalone == "Koplik spots" and "Searched as a follow-up" not in html
    assert t2.hits[0].path == "micro.md"


def test_filter_choices_name_notion_folders_without_their_ids(tmp_path, embedder):
    from conftest import HUB, write_notion_export
    from notesqa.ui.chat import ChatService

    notes = write_notion_export(tmp_path / "notes")
    from notesqa import build_index

    build_index(notes, tmp_path / "index", embedder=embedder)
    _, folders = ChatService(notes, tmp_path / "index", embedder=embedder).filter_choices()
    assert folders == [("Research Hub/Interviews", f"{HUB}/Interviews 023c87b8295f4780ce47de47b22ae1e7"),
                       ("Research Hub/Journal", f"{HUB}/Journal 4e06dc12826bedc85f2f50d0b3c31a26"),
                       ("Research Hub/Studies", f"{HUB}/Studies 80e13003a9d17c63be830c62f49e6d46")]


def test_a_quoted_phrase_only_unindexed_text_says_links_to_where_it_is(tmp_path, embedder):
    # the recheck: the chat said "... does at line 1506" with nothing to click
    from notesqa.ui.render import source_href

    notes = tmp_path / "notes"
    log = "\n".join(f"12:00 INFO request {i} served" for i in range(3000)).replace("request 1500 served",
                                                                                    "breaker OPEN after 37 timeouts")
    write(notes / "incident.md", f"# Incident\n\nThe gateway log:\n\n```text\n{log}\n```\n")
    svc = ChatService(notes, tmp_path / "ix", embedder=embedder)
    svc.build()
    html, _ = svc.answer('"breaker OPEN after 37 timeouts"', [])
    assert "does at line 1506" in html and f'<a class="nq-src" href="{source_href("incident.md:1506")}">' in html
