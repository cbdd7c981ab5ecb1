"""Evidence about whole notes (notelevel.py) and how ranking and hits use it (ranking.py, snippets.py)."""

from notesqa import NotesIndex, build_index
from notesqa.embedding.hashing import HashEmbedder
from notesqa.notelevel import NoteNames

from conftest import write


def _vault(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Strict consistency.md", "---\naliases: [linearizability]\n---\n"
          "Strict consistency guarantees every update is visible everywhere at once.\n\n"
          "## Cost\n\nIt needs a global clock, so no real system offers it.\n")
    write(notes / "Consistency models.md", "# Consistency models\n\n"
          "- Sequential consistency keeps each processor's order\n- Strict consistency is one more model\n"
          "- Causal consistency orders related writes\n")
    write(notes / "Exam prep.md", "# Exam prep\n\n- What does strict consistency guarantee for every update?\n"
          "- How is causal consistency different?\n")
    return notes


def _open(tmp_path):
    _vault(tmp_path)
    return _index(tmp_path)


def _index(tmp_path):
    """The index of the notes written under tmp_path / "notes", built and opened with the fake embedder."""
    build_index(tmp_path / "notes", tmp_path / "index", embedder=HashEmbedder(256))
    return NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))


def test_names_are_titles_aliases_and_file_names(tmp_path):
    idx = _open(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named("what is strict consistency?") == {"Strict consistency.md": 1.0}
    assert "Strict consistency.md" in names.named("is linearizability expensive")  # an alias names it
    assert names.named("what is consistency?") == {}  # one common word of a longer name is not the name
    # "note" of a question that asks for a note names no note called "... note" (trial EV: "First note")
    write(tmp_path / "notes" / "First note.md", "Trying this Evernote thing.\n")
    write(tmp_path / "notes" / "Notes.md", "A note about notes.\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named("which note was about causal consistency?") == {}
    assert names.named("what did I write in my first note?")["First note.md"] == 1.0
    lead = idx.chunks[names.leads["Strict consistency.md"]]
    assert lead.text.startswith("Strict consistency guarantees")


def test_a_question_that_is_a_notes_name_opens_that_note_first(tmp_path):
    idx = _open(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named_exactly("Linearizability") == {"Strict consistency.md"}  # an alias, as a quick switcher
    assert names.named_exactly("strict consistency") == {"Strict consistency.md"}
    # a question for what the name means asks for the note as much as the name does
    for q in ("what is strict consistency?", "What's linearizability", "define strict consistency",
              "open the strict consistency page", "show me strict consistency", "go to my strict consistency note"):
        assert names.named_exactly(q) == {"Strict consistency.md"}, q
    for q in ("how costly is strict consistency", "strict consistency?", "strict consistency cost", "consistency",
              "what is the cost of strict consistency"):
        assert names.named_exactly(q) == frozenset(), q  # a question about it, or more or less than a name
    # ... or the name with the kind of note it is (trial s49: "the eclip paper" had put a meeting's line first)
    for q in ("the linearizability paper", "my notes on strict consistency", "strict consistency notes",
              "the strict consistency article", "my notes on the linearizability paper"):  # (trial s51)
        assert names.named_exactly(q) == {"Strict consistency.md"}, q
    assert names.named_exactly("the consistency paper") == names.named_exactly("notes on shuffle sharding") == frozenset()
    # the name or "open ..." opens the note (the chat shows it); a question for what it means does not
    assert names.to_open("open the strict consistency page") == names.to_open("Linearizability") == \
        {"Strict consistency.md"}
    assert names.to_open("what is strict consistency?") == names.to_open("open the fridge") == frozenset()
    hits = idx.search("strict consistency", k=3)
    assert hits[0].path == "Strict consistency.md" and hits[0].match.startswith("Strict consistency guarantees")
    # the other hits are the passages that match, as for any question (not other notes' openings)
    # (small notes written as lines: each shown whole, the passage that matched among its lines)
    assert [h.path for h in hits[1:]] == ["Consistency models.md", "Exam prep.md"]
    assert "Strict consistency is one more model" in hits[1].text
    assert "What does strict consistency guarantee for every update?" in hits[2].text
    assert [h.path for h in idx.search("linearizability", k=1)] == ["Strict consistency.md"]  # by its alias
    # min_score keeps to the scores: a named note under it is not pinned first
    top = hits[0].score
    assert all(h.path != "Strict consistency.md" for h in idx.search("strict consistency", k=3, min_score=top + 0.01))


def test_a_note_the_question_names_and_an_answer_outrank_a_question_list(tmp_path, monkeypatch):
    from notesqa import ranking

    idx = _open(tmp_path)
    question = "guarantee of strict consistency for updates"
    hits = idx.search(question, k=3)
    assert hits[0].path == "Strict consistency.md"
    for name in ("NAME_BONUS", "AGREE", "ASK_PENALTY"):
        monkeypatch.setattr(ranking, name, 0.0)
    assert idx.search(question, k=1)[0].path == "Exam prep.md"  # what the note-level evidence changes
    exam = next(h for h in hits if h.path == "Exam prep.md")
    assert exam.explain.asks and "asks a question" in str(exam.explain)
    assert hits[0].explain.name_match == 1.0 and "names its note" in str(hits[0].explain)


def test_a_question_for_a_note_shows_each_note_from_its_opening(tmp_path):
    idx = _open(tmp_path)
    hits = idx.search("which note says why no real system offers strict consistency?", k=3)
    assert hits[0].path == "Strict consistency.md"
    assert hits[0].text.startswith("Strict consistency guarantees every update")  # its opening first
    # ... then, further down, where it says it
    assert hits[0].text == ("Strict consistency guarantees every update is visible everywhere at once.\n"
                            "… (line 8, Cost)\nIt needs a global clock, so no real system offers it.")
    assert hits[0].line == 4  # (from its opening; its match, where it says it: trial s64 KYK-025, the day it is of)
    assert hits[0].match.startswith("It needs a global clock") and hits[0].match_line == 8
    assert len({h.path for h in hits}) == len(hits)  # one hit a note
    plain = idx.search("why no real system offers strict consistency", k=1)[0]
    assert plain.text.startswith("It needs a global clock")


def test_a_word_found_all_over_the_notes_does_not_name_a_note(tmp_path):
    idx = _open(tmp_path)
    rows = {"consist": 500, "strict": 1}  # as if "consistency" were in 500 passages
    names = NoteNames.build(idx.chunks, idx.manifest.notes, lambda w: rows.get(w, 0))
    assert "consist" in names.common and "strict" not in names.common
    assert names.named("what is strict consistency?") == {"Strict consistency.md": 1.0}  # a rare word names it
    assert "Consistency models.md" in names.named("consistency models")  # "model" is rare here...
    rows["model"] = 500
    names = NoteNames.build(idx.chunks, idx.manifest.notes, lambda w: rows.get(w, 0))
    assert names.named("consistency models") == {}  # ...and named only by common words, it is not named


def test_a_long_notes_own_passages_do_not_make_its_name_common():
    from notesqa.chunking import Chunk

    # "DDIA" is in the keywords of each of its 80 passages (its title), and in 2 passages elsewhere
    chunks = [Chunk("DDIA.md", i + 1, i + 1, "paragraph", f"Chapter text {i}", "DDIA", [], [], [], None, i)
              for i in range(80)]
    chunks += [Chunk(f"n{i}.md", 1, 1, "paragraph", "Other text, DDIA says", f"Note {i}", [], [], [], None, 0)
               for i in range(2)]
    names = NoteNames.build(chunks, {}, lambda w: 82 if w == "ddia" else 0)
    assert "ddia" not in names.common and names.named_exactly("DDIA") == {"DDIA.md"}


def test_a_note_whose_name_begins_like_a_question_for_a_meaning_is_opened_by_it(tmp_path):
    write(tmp_path / "notes" / "Define goals.md", "Goals are set each quarter with the team.\n")
    write(tmp_path / "notes" / "Goals.md", "Ship the beta by June.\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named_exactly("define goals") == {"Define goals.md"}  # the whole question is a name
    assert names.named_exactly("what are goals?") == {"Goals.md"}


def test_a_notes_lead_is_its_first_passage_of_text_not_a_link_or_its_properties():
    from notesqa.chunking import Chunk

    chunks = [Chunk("p.md", 1, 1, "paragraph", "type: project\nstatus: active", "P", [], [], [], None, 0, thin=True),
              Chunk("p.md", 2, 2, "bullet", "Allotment", "P", [], [], [], None, 1, thin=True),
              Chunk("p.md", 3, 3, "bullet", "Dig over bed A before the frost", "P", [], [], [], None, 2)]
    assert NoteNames.build(chunks, {}).leads == {"p.md": 2}


def test_a_namespaced_page_is_named_by_its_last_part():
    from notesqa.chunking import Chunk

    chunks = [Chunk("pages/recipes___Dal Makhani.md", 1, 1, "bullet", "Soak the beans overnight", "recipes/Dal Makhani",
                    [], [], [], None, 0)]
    chunks.append(Chunk("Client-Server.md", 1, 1, "paragraph", "Clients ask, servers answer", "Client/Server",
                        [], [], [], None, 0))
    names = NoteNames.build(chunks, {})
    assert names.named_exactly("Dal Makhani") == {"pages/recipes___Dal Makhani.md"}
    assert names.named_exactly("Server") == frozenset()  # a title with a slash is no namespace
    # ... not by its namespace's words alone where its last part is little words (trial s84 O: "Clients/Which" had been
    # named by "client", first for "who can help when a client won't pay me")
    chunks.append(Chunk("pages/Clients___Which.md", 1, 1, "bullet", "£0.45 a word print", "Clients/Which", [], [], [],
                        None, 0))
    names = NoteNames.build(chunks, {})
    assert "pages/Clients___Which.md" not in names.named("who can help when a client won't pay me")


def _same_names(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Personal" / "Ideas.md", "- Build a bird feeder for the balcony\n- Learn to bake rye bread\n")
    write(notes / "Work" / "Ideas.md", "- Cache the pricing table per region\n- Retry webhooks with backoff\n")
    write(notes / "SM-2.md", "The SM-2 ease factor starts at 2.5 and changes with each review grade.\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    return notes


def test_a_name_two_notes_share_opens_both(tmp_path):
    _same_names(tmp_path)
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    hits = idx.search("Ideas", k=3)
    assert {h.path for h in hits[:2]} == {"Personal/Ideas.md", "Work/Ideas.md"}
    assert all(h.folder for h in hits[:2])  # the same title: each names its folder
    assert idx.names_a_note("ideas") and not idx.names_a_note("ideas for work")


def test_a_notes_name_after_another_question_in_the_chat_opens_that_note(tmp_path):
    from notesqa.ui.chat import ChatService

    notes = _same_names(tmp_path)
    chat = ChatService(notes, tmp_path / "index", embedder=HashEmbedder(256))
    _, first = chat.answer("what is the SM-2 ease factor formula?", [])
    html, turn = chat.answer("Ideas", [first])
    assert turn.standalone == "Ideas" and "Searched as a follow-up" not in html
    assert {h.path for h in turn.hits[:2]} == {"Personal/Ideas.md", "Work/Ideas.md"}


def test_a_notes_alias_with_the_before_it_opens_that_note_even_after_another_question(tmp_path):
    from notesqa.ui.chat import ChatService

    notes = tmp_path / "notes"
    write(notes / "Kael.md", "---\naliases: [the Ashborn]\n---\n# Kael\n\nA smuggler who kindles on salt water.\n")
    write(notes / "Kindling.md", "# Kindling\n\n## Ashborn\n\nA rare kindler who draws from old memories.\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    first = idx.search("the Ashborn", k=2)[0]
    # first whatever its score, and said to be so (trial G: "score 0.585" above "score 0.797" read as a bug)
    assert first.path == "Kael.md" and first.explain.opened and "the note the question names" in str(first.explain)
    chat = ChatService(notes, tmp_path / "index", embedder=HashEmbedder(256))
    _, turn = chat.answer("what does kindling cost?", [])
    html, turn = chat.answer("the Ashborn", [turn])
    assert turn.standalone == "the Ashborn" and turn.hits[0].path == "Kael.md" and "the note your question names" in html


def test_which_notes_mention_a_thing_shows_each_note_where_it_does(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Billing.md", "# Billing\n\nWe invoice monthly through Stripe.\n\nTax is computed by Avalara.\n")
    write(notes / "Standup.md", "# Standup\n\nShipped the search page.\n\nAvalara sandbox keys expired again.\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    hits = idx.search("which notes mention Avalara?", k=2)
    assert {h.path for h in hits} == {"Billing.md", "Standup.md"} and all("Avalara" in h.match for h in hits)
    # only notes that say it are listed (here a note about sales tax does not)
    write(notes / "Tax.md", "# Tax\n\nSales tax rules differ by state.\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    hits = idx.search("which notes mention Avalara?", k=5)
    assert {h.path for h in hits} == {"Billing.md", "Standup.md"}
    assert "Tax.md" in {h.path for h in idx.search("which notes mention tax collection?", k=5)}  # none says it all
    # either of two things; a year is the notes' dates' to say, not their words'
    assert {h.path for h in idx.search("which notes mention Avalara or Stripe?", k=5)} == {"Billing.md", "Standup.md"}
    assert {h.path for h in idx.search("which notes mention sales and tax?", k=5)} == {"Tax.md"}  # both words
    assert {h.path for h in idx.search("which notes mention Avalara in 2024?", k=5)} == {"Billing.md", "Standup.md"}
    # a question for the note about it still opens each note from its start (marking where it says it)
    covers = idx.search("which note covers Avalara?", k=1)[0]
    assert covers.text.startswith(("We invoice monthly through Stripe.", "Shipped the search page.")), covers.text
    assert "Avalara" in covers.match


def test_a_note_named_by_an_alias_it_explains_opens_where_it_says_it(tmp_path):
    write(tmp_path / "notes" / "Count to infinity problem.md",
          "---\naliases: [poison reverse, CTI, counts to infinity]\n---\n# Count to infinity problem\n\n"
          "Distance vector routing converges slowly after a link breaks; CTI for short.\n\n## Avoidance\n\n"
          "Routers advertise an infinite distance back to the neighbour they route through. "
          "This method is called poison reverse.\n")
    idx = _index(tmp_path)
    for q in ("poison reverse", "what is poison reverse?", "open the poison reverse page"):
        assert idx.search(q, k=1)[0].text.startswith("Routers advertise an infinite distance"), q
    # its title, a short form it opens with, or a form of the title's words: from its opening
    for q in ("count to infinity problem", "CTI", "counts to infinity"):
        assert idx.search(q, k=1)[0].text.startswith("Distance vector routing"), q


def test_a_note_named_by_an_alias_its_heading_and_a_line_say_opens_at_that_line(tmp_path):
    # trial s57 LA: "what are the MIAM exemptions?" (an alias) had opened the note at "If exemption claimed, court
    # checks", the first line to say both words, below the list of them, "Exemptions:" under "## MIAM"
    write(tmp_path / "notes" / "C100 and MIAM.md",
          "---\naliases: [MIAM exemptions]\n---\n# C100 & MIAM\n\nC100 = application for child arrangements.\n\n"
          "## MIAM\n- Attendance at MIAM required before applying\n- Exemptions — FPR PD3A / r3.8:\n"
          "  - domestic abuse\n  - urgency\n- If exemption claimed, court checks at gatekeeping — can direct MIAM anyway\n")
    idx = _index(tmp_path)
    top = idx.search("what are the MIAM exemptions?", k=1)[0]
    assert top.text.startswith("Exemptions — FPR PD3A") and "domestic abuse" in top.text


def test_who_someone_is_by_another_name_opens_their_note_at_its_opening(tmp_path):
    # trial s34 (a consultant's vault): "Who is Olu?" had opened at "Olu wants a reseller arrangement"
    write(tmp_path / "notes" / "Olumide Adeyemi.md", "---\naliases: [Olu]\n---\n# Olumide Adeyemi\n\n"
          "Founder and CEO of Brightleaf Analytics, a freight analytics start-up.\n\n"
          "Olu wants a reseller arrangement: he pays 15% of what we bill.\n")
    idx = _index(tmp_path)
    for q in ("Who is Olu?", "who's Olu", "Who was Olu?"):
        assert idx.search(q, k=1)[0].text.startswith("Founder and CEO"), q


def test_names_in_a_text_are_found_whole_longest_first(tmp_path):
    write(tmp_path / "notes" / "Maria Gonzalez.md", "---\naliases: [Maria]\n---\n* engineering manager\n")
    write(tmp_path / "notes" / "Al.md", "* a colleague\n")
    names = _index(tmp_path)
    text = "did Maria Gonzalez and Alice tell al about maria?"
    assert [(text[s:e], p) for s, e, p in names.note_names_in(text)] == [
        ("Maria Gonzalez", "Maria Gonzalez.md"), ("al", "Al.md"), ("maria", "Maria Gonzalez.md")]


def test_a_question_with_a_person_asks_for_their_own_page_too(tmp_path):
    # trial s60 UB: "what did we agree on with tomas" had shown 33 passages of the board meetings he attended before
    # his own page's 1:1 notes ("agreed he takes a full week off in aug"), 34th
    notes = tmp_path / "notes"
    write(notes / "pages" / "Tomas Reyes.md", "type:: person\n\n- ## 1:1 notes\n\t- agreed he takes a week off\n")
    write(notes / "pages" / "board 2026-11-19.md", "attendees:: [[Tomas Reyes]], [[Dana Kim]]\n\n- runway 14 months\n")
    write(notes / "pages" / "Dana Kim.md", "type:: person\n\n- investor\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.credited("what did we agree on with tomas") == {"pages/Tomas Reyes.md", "pages/board 2026-11-19.md"}
    assert names.credited("what did we agree with Tomas Reyes?") == {"pages/Tomas Reyes.md",
                                                                       "pages/board 2026-11-19.md"}
    # by a person is what they wrote or made, not their page
    assert names.credited("notes by Tomas Reyes") == {"pages/board 2026-11-19.md"}


def test_notes_asked_for_by_who_or_where_they_are_from(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "colbert.md", "---\ntitle: ColBERT\nauthors: [Omar Khattab, Matei Zaharia]\nvenue: SIGIR 2020\n"
          "---\nVenue: SIGIR 2020 · Read on: 2026-09-10\n\nLate interaction over BERT token vectors.\n\n## Results\n\n- MRR@10 of 36.0 on MS MARCO\n")
    write(notes / "splade.md", "---\ntitle: SPLADE\nauthors: Thibault Formal and Stéphane Clinchant\nvenue: SIGIR 2021\n"
          "---\nSparse lexical expansion learned with BERT.\n")
    write(notes / "1-1 2026-11-02.md", "---\nattendees: [\"[[Maria Lopez]]\", \"[[Tom]]\"]\n---\n"
          "- Agreed to ship the pricing page in December\n")
    write(notes / "reading.md", "# Reading\n\n- Zaharia wrote the Spark paper too\n- A talk with Maria about BERT\n")
    write(notes / "hbr.md", "---\ntitle: Pricing\nauthors: [Jeff Dean]\njournal: Harvard Business Review\n"
          "venue: Management Conference\n---\n- price on value\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.credited("papers by Zaharia") == names.credited("Matei Zaharia's papers") == {"colbert.md"}
    assert names.credited("papers by Formal or Khattab") == {"colbert.md", "splade.md"}
    assert names.credited("what did I agree with Maria about pricing?") == {"1-1 2026-11-02.md"}
    assert names.credited("which meetings did Maria Lopez attend?") == names.credited(
        "what did Tom attend in November?") == {"1-1 2026-11-02.md"}
    assert names.credited("papers from SIGIR 2021") == names.credited("what was published in SIGIR 2021?") == {"splade.md"}
    # ... not after a clause's "with" ("who do i check the fireworks time with at abbeywood": trial s73 V, the weddings
    # of "venue: Abbeywood Estate" had come before the venue's own note)
    assert names.credited("who did I check the date with at SIGIR 2021?") == frozenset()
    # a paper called by its author, "the zaharia paper" (trial s47: "the tadey paper" had found "paper-style chapters")
    assert names.credited("the zaharia paper") == names.credited("what did the Khattab et al. paper find") == \
        {"colbert.md"}
    assert names.credited("the white paper") == frozenset()  # no one of that name
    # ... nor a venue's word that is an English one (the review: "the conference paper deadline" had named SIGIR's);
    # a surname written with its capital is one, an English word or not (the second review: "the Dean paper")
    assert names.credited("when is the conference paper deadline") == names.credited("the review paper") == frozenset()
    assert names.credited("the Dean paper") == {"hbr.md"} and names.credited("the 2021 paper") == frozenset()
    # ... but what came from somewhere is no note by it (trial s44: "what bonus did I end up getting from Notion?")
    assert names.credited("what did I get from SIGIR 2021?") == names.credited("what I learned from SIGIR 2021") == \
        frozenset()
    # ... nor a word of a credit that is a sentence, no name (trial s63 I: "can vols accept gifts from families" had
    # shown only the walk whose "venue:: same route as 2025, plus new 3k lantern loop for families")
    write(notes / "walk.md", "---\nvenue: same route as 2025, plus new 3k lantern loop for families\n---\n- 688 walkers\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(*(lambda i: (i.chunks, i.manifest.notes))(
        NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))))
    assert names.credited("can vols accept gifts from families") == frozenset()
    # ... nor a credit of one word inside a longer name after "from" (trial s63 MUS-036: "notes from s4 parents evening"
    # had put four pupils' pages "year:: S4" first, out of score order)
    write(notes / "pupil.md", "---\nyear: S4\n---\n- N5, 4A1\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(*(lambda i: (i.chunks, i.manifest.notes))(
        NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))))
    assert names.credited("notes from s4 parents evening") == frozenset()
    assert names.credited("notes from S4") == {"pupil.md"}
    assert names.credited("papers from SIGIR 2021") == {"splade.md"}
    # no one named after "by"/"with"/"from", or only a year, a word everywhere, or someone not credited
    for q in ("what did Zaharia say about latency?", "papers from 2021", "what is meant by late interaction?",
              "papers by Lin"):
        assert names.credited(q) == frozenset(), q
    # a search for them lists those notes first, each from its opening and with where it matched; then the
    # passages of other notes (trial N: "the full reference for Hilden's book" is in the bibliography note)
    hits = idx.search("papers by Zaharia", k=5)
    assert hits[0].path == "colbert.md" and hits[0].match == "Late interaction over BERT token vectors."
    assert len(hits) > 1 and "colbert.md" not in {h.path for h in hits[1:]}
    # ... unless none of them is a candidate (here: filtered out): then it is a search as any other
    assert [h.path for h in idx.search("papers by Zaharia path:reading.md", k=5)] == ["reading.md"]


def test_a_question_about_what_notes_by_someone_say_shows_where_they_say_it(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "1-1 2026-11-24.md", "---\nattendees: [\"[[Priya Raman]]\"]\n---\n> [!info] Prep\n> Check last "
          "action items first.\n\n## Decisions\n- Priya takes over on-call rotation scheduling\n")
    write(notes / "1-1 2026-11-10.md", "---\nattendees: [\"[[Priya Raman]]\"]\n---\n> [!info] Prep\n> Check last "
          "action items first.\n\n## Growth\n- Wants a mentor\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert NoteNames.asks_about("who takes over the on-call rotation scheduling, from my 1:1s with Priya?")
    assert not NoteNames.asks_about("meetings with Priya last week")
    assert not NoteNames.asks_about("which meetings did Priya Raman attend?")
    # trial U: each 1:1 had been shown from its opening, the same Prep callout, and the answer nowhere
    hits = idx.search("who takes over the on-call rotation scheduling, from my 1:1s with Priya?", k=2)
    assert hits[0].text == "Priya takes over on-call rotation scheduling"
    assert all(h.text.startswith("Check last action items first.") for h in idx.search("meetings with Priya", k=2))


def test_notes_asked_for_by_a_property_and_their_kind(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Studies" / "Acme onboarding.md", "---\nstatus: Done\n---\n# Acme onboarding\n\n"
          "Why patients drop out before their first visit.\n")
    write(notes / "Studies" / "Nimbus discovery.md", "---\nstatus: Done\ndate: 2024-05-01\n---\n# Nimbus discovery\n\n"
          "How teachers plan and grade.\n")
    write(notes / "Studies" / "Brightpath test.md", "---\nstatus: In progress\n---\n# Brightpath test\n\n"
          "Fees and timing of transfers.\n")
    write(notes / "Reading" / "Sprint.md", "---\ntype: book\nstatus: Read\n---\nRating:: 5\n\n"
          "The studies are done in five days.\n")
    write(notes / "Reading" / "Dune.md", "---\ntype: book\nstatus: Reading\ndraft: true\n---\nSpice.\n")
    write(notes / "Hub.md", "# Research hub\n\nWhich studies are done? The Studies folder says, each with its status.\n"
          "\n- [x] Write up the studies\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    done = {"Studies/Acme onboarding.md": "status: done", "Studies/Nimbus discovery.md": "status: done"}
    assert names.described("which studies are done?") == names.described("list the done studies") == done
    assert names.described("what studies are still in progress?") == {"Studies/Brightpath test.md": "status: in progress"}
    assert names.described("which books have I read?") == {"Reading/Sprint.md": "status: read"}  # not "reading"
    assert names.described("which books have I finished?") == {"Reading/Sprint.md": "status: read"}  # done with
    assert names.described("which notes are drafts?") == {"Reading/Dune.md": "draft: true"}
    assert names.described("what books am I currently reading?") == names.described("list the books I'm reading") == {
        "Reading/Dune.md": "status: reading"}
    for q in ("which studies are not done?", "which books are borrowed?", "what is done?", "which studies are new?"):
        assert names.described(q) == {}, q  # a negation; no book is borrowed; no kind; no study is new
    # ... not a template's placeholder (trial s60 WD: "which NPCs are still alive" had listed the NPC template first)
    write(notes / "Templates" / "Study template.md", "---\ntype: study\nstatus: Done\n---\n# {{title}}\n\nWhy\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.described("which studies are done?") == names.described("which studies have a status of done?")
    assert "Templates/Study template.md" not in names.described("which studies are done?")
    assert names.described("which templates are done?") == {"Templates/Study template.md": "status: done"}
    # by a property named with its value (trial s36: "Rating:: 5" in 7 notes, one found)
    done = {"Studies/Acme onboarding.md": "status: done", "Studies/Nimbus discovery.md": "status: done"}
    assert names.described("which studies have a status of done?") == done
    assert names.described("studies with status: in-progress") == {}  # (no list word: a search)
    assert names.described("which books have a status of reading?") == {"Reading/Dune.md": "status: reading"}
    assert names.described("which studies have a status of reading?") == {}  # of another kind
    assert names.described("which books have a rating of 5?") == {"Reading/Sprint.md": "rating: 5"}  # a Dataview field
    assert names.described("which books have a rating of 5.0?") == {"Reading/Sprint.md": "rating: 5"}  # a number
    # a search lists those notes first, newest first where no passage of theirs has the question's words
    hits = idx.search("which studies are done?", k=4)
    assert {h.path for h in hits[:2]} == set(done) and "Brightpath" not in " ".join(h.path for h in hits[:2])
    assert all(h.explain.property == "status: done" for h in hits[:2])
    assert "its note has status: done, as asked" in str(hits[0].explain)
    # a note that says it on a line is shown from that line, so the hit shows why it is listed (trial Y)
    write(notes / "Studies" / "Kettle diary.md", "# Kettle diary\n\nClient: Kettle & Co\nStatus:: Done\n\n"
          "## Findings\n\nPeople boil twice as much water as they need.\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    kettle = next(h for h in idx.search("which studies are done?", k=5) if h.path == "Studies/Kettle diary.md")
    assert "Status: Done" in kettle.text
    assert [h.path for h in idx.search("which studies are done? path:Studies/Nimbus*", k=3)][:1] == [
        "Studies/Nimbus discovery.md"]  # filters still hold
    assert idx.search("which tasks are done?", k=1)[0].path == "Hub.md"  # tasks, not notes by a property


def test_a_zettel_id_before_the_name_does_not_hide_the_name(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "zettel" / "202105101200 Testing effect.md", "# Testing effect\n\nTaking a test beats restudying.\n")
    write(notes / "inbox" / "Untitled 1.md", "testing effect??? look up\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    zettel = "zettel/202105101200 Testing effect.md"
    assert names.named("what is the testing effect?") == {zettel: 1.0}
    assert zettel in names.named("202105101200")  # its ID names it too
    hit = idx.search("202105101200", k=1)[0]
    assert hit.path == zettel and hit.breadcrumb == ["Testing effect"]  # the title once, without the ID


def test_a_name_of_common_words_names_its_note_when_written_with_its_capitals(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Tom.md", "* product lead\n")
    for i in range(60):  # "tom" is in more passages than a name can be common in
        write(notes / f"meeting {i}.md", f"* topic {i} discussed with tom\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    names = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert [p for _, _, p in names.note_names_in("what about Tom?")] == ["Tom.md"]
    assert names.note_names_in("what about tom?") == []  # written without its capital: a common word


def test_an_attendee_of_many_meetings_is_not_a_word_too_common_to_credit(tmp_path):
    notes = tmp_path / "notes"
    write(notes / "Tom.md", "* product lead\n")
    for i in range(60):  # his name is in every passage of the meetings he attends: they credit him
        write(notes / f"meeting {i}.md", f"---\nattendees: [Tom]\n---\n* topic {i} discussed\n")
    write(notes / "standup.md", "---\nattendees: [Priya]\n---\n* standup\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert len(idx._live.names.credited("which meetings did Tom attend?")) == 60


def test_a_notes_opening_is_past_its_fields(tmp_path):
    # trial X: "what is deep work?" had opened a Kindle export at its "Author:", "Reference: https://..." lines
    notes = tmp_path / "notes"
    write(notes / "Deep Work.md", "# Deep Work\n\n## Metadata\n- Author: Cal Newport\n- Reference: https://amazon.com/dp/B0\n\n"
          "## Highlights\n- Deep work is focus without distraction that pushes you to your limit\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert idx.search("what is deep work?", k=1)[0].text.startswith("Deep work is focus")
    assert idx.search("path:Deep*", k=1)[0].text.startswith("Deep work is focus")  # a listing too


def test_a_notes_opening_is_the_first_item_of_a_list_that_goes_on_past_fields(tmp_path):
    # trial s45: "Poison control: 1-800-222-1222" opened a list of emergency numbers; the page had been shown from
    # its second item, then "… (line 4)" and the whole list again
    notes = tmp_path / "notes"
    write(notes / "emergency contacts.md", "- Poison control: 1-800-222-1222\n- Dr. Patel office (555) 214-7780, "
          "after hours nurse (555) 214-7799\n- Grandma Ruth (555) 662-0193\n")
    write(notes / "groceries.md", "- milk, bananas, tortillas\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    hit = idx.search("which page has the poison control number?", k=1)[0]
    assert hit.line == 1 and hit.text.startswith("Poison control") and hit.text.count("Dr. Patel") == 1
    assert "…" not in hit.text
    assert idx.search("path:emergency*", k=1)[0].text.startswith("Poison control")  # a listing too
    # ... but a list of fields, or an address, first is the note's metadata still (the review: "Year: 2016" had led)
    write(notes / "Deep Work.md", "- Author: Cal Newport\n- Year: 2016\n- Focus without distraction is rare\n")
    write(notes / "Stories.md", "- Source: https://example.org/robots\n- A robot narrator tells the story\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert idx.search("path:Deep*", k=1)[0].text.startswith("Focus without distraction")
    assert idx.search("path:Stories*", k=1)[0].text.startswith("A robot narrator")


def test_a_notes_opening_is_a_label_and_its_sentence_but_not_a_field():
    from notesqa.chunking import opening_field

    assert opening_field("Author: Cal Newport") and opening_field("Reference: https://amazon.com/dp/B0")
    # trial Y: a summary or an objective is what the note says
    assert not opening_field("Summary: Wenna cleans the harbour every morning before the boats go out")
    assert not opening_field("Learning objective: explain how the heart pumps blood around the body")
    # trial s35: a sentence's start is no field's name, however short what follows it
    assert not opening_field("Freeze in an ice cube tray: 1 cube ≈ 1 tbsp.")
    assert opening_field("Link to original content: https://x.org/a")


def test_a_person_is_named_by_their_first_name_when_no_other_note_shares_it(tmp_path):
    # trial s36: "what did Grace say in our last 1:1?" named no note; people's pages are named in full
    notes = tmp_path / "notes"
    write(notes / "People" / "Grace Liu.md", "- 1:1s every other Tuesday\n")
    write(notes / "People" / "Omar Haddad.md", "- Staff engineer on payments\n")
    write(notes / "People" / "Omar Farouk.md", "- Designer\n")
    write(notes / "People" / "Mark Twain.md", "- Author\n")
    write(notes / "Grace period.md", "- 30 days after the due date\n")
    write(notes / "Docker Compose.md", "- docker compose up -d\n")  # no person's page (the review)
    write(notes / "Ben.md", "- Intern\n")

    def names():
        idx = _index(tmp_path)
        return NoteNames.build(idx.chunks, idx.manifest.notes)

    assert names().named("what did Grace say in our last 1:1?") == {}  # "Grace period" holds the word too
    (notes / "Grace period.md").unlink()
    found = names()
    assert found.named("what did Grace say in our last 1:1?") == {"People/Grace Liu.md": 0.6}
    assert found.named("what did grace say?") == {}  # a word in lower case is not her name
    assert found.named("what did Omar say?") == {}  # two Omars: neither
    assert found.named("what did Liu say?") == {}  # a surname alone is not how people are called
    assert found.named("Mark the PR as ready how?") == {}  # a question's first word is capitalised anyway
    assert found.named("what did Mark say about the PR?") == {"People/Mark Twain.md": 0.6}
    assert found.named("what did I note about Docker images eating my disk?") == {}
    # "who is Grace?" asks for her page, as "who is Grace Liu?" does, in lower case too: the question is just her name
    # (trial s47: "who is Priyanka" had shown her page's "kids: ..." line first)
    assert found.named_exactly("who is Grace?") == found.named_exactly("who is grace") == {"People/Grace Liu.md"}
    assert found.named_exactly("who is Omar?") == found.named_exactly("who is Grace's manager?") == frozenset()


def test_a_characters_page_is_named_by_their_first_name_too(tmp_path):
    # trial s59 TB-026: a novelist's "my character page for Danny" had not named "Danny Reeve" (type:: character), 9th
    notes = tmp_path / "notes"
    write(notes / "Danny Reeve.md", "---\ntype: character\n---\n- 19, works the sea wall\n")
    write(notes / "Edie Marsh.md", "---\ntype: character\n---\n- 14, POV 1\n")
    idx = _index(tmp_path)
    assert NoteNames.build(idx.chunks, idx.manifest.notes).named("my character page for Danny") == {"Danny Reeve.md": 0.6}


def test_a_volunteers_page_is_named_by_their_first_name_alone(tmp_path):
    # trial s88 W: "margaret" had found "Volunteers/Margaret Oates" (tags:: volunteer) 10th, under rota lines naming her
    notes = tmp_path / "notes"
    write(notes / "pages" / "Volunteers___Margaret Oates.md", "tags:: volunteer\n\n- Started 2016, Tue and Thu\n")
    write(notes / "pages" / "Volunteer Rota.md", "- Margaret moved Wed to Thu\n")
    write(notes / "pages" / "Suppliers___Acme Paper.md", "- paper bags\n")
    names = NoteNames.build(_index(tmp_path).chunks, {})
    assert names.named_exactly("margaret") == names.named_exactly("who is margaret") == {
        "pages/Volunteers___Margaret Oates.md"}
    assert names.named_exactly("acme") == names.named_exactly("margaret rota") == frozenset()  # (no person's; two words)
    # ... not a page of such a folder whose first word the notes write in lower case (the review: "Staff/Sick Leave
    # Policy" had been Sick's, "sick" opening it over the diary's "off sick today")
    write(notes / "pages" / "Volunteers___Sick Leave.md", "tags:: volunteer\n\n- two days a year\n")
    write(notes / "journals" / "2029_09_10.md", "- Sue off sick today\n")
    names = NoteNames.build(_index(tmp_path).chunks, {})
    assert names.named_exactly("sick") == frozenset()
    assert names.named_exactly("margaret") == {"pages/Volunteers___Margaret Oates.md"}


def test_what_is_x_as_a_y_names_x_not_the_note_that_qualifies_it(tmp_path):
    # awendland: "what is strict consistency as a consistency model?" had the hub note Consistency models first
    names = NoteNames.build(_open(tmp_path).chunks, {})
    assert names.named("what is strict consistency as a consistency model?") == {"Strict consistency.md": 1.0}
    # "of", "in" say what it is about too (the review: "what is the history of Rome?" had lost Rome)
    assert set(names.named("what is strict consistency in consistency models?")) == {
        "Strict consistency.md", "Consistency models.md"}
    # not a qualifier: a second question asks of the other note too
    assert set(names.named("what is strict consistency and how do consistency models differ?")) == {
        "Strict consistency.md", "Consistency models.md"}
    assert set(names.named("how does strict consistency compare with other consistency models?")) == {
        "Strict consistency.md", "Consistency models.md"}


def test_a_note_named_only_inside_a_longer_name_the_notes_say_is_named_in_part(tmp_path):
    # trial s39: "whats a shadow page table" had named the note Page table in full; the notes' Shadow page table
    # (its definition elsewhere) is another thing
    notes = tmp_path / "notes"
    write(notes / "Page table.md", "# Page table\n\nA page table maps virtual page numbers to physical frames.\n")
    write(notes / "Virtualization.md", "# Virtualization\n\n"
          "The hypervisor keeps a second mapping, PPN to MPN: we call it a shadow page table.\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    says = {"shadow page table"}.__contains__
    question = "whats a shadow page table"
    assert names.named(question) == {"Page table.md": 1.0}
    assert names.within_longer_names(question, names.named(question), says) == {"Page table.md": 2 / 3}
    # a word before it that makes no name the notes say, or none: named in full
    for q in ("explain page table", "page table layout", "what is a page table?"):
        assert names.within_longer_names(q, names.named(q), says) == {"Page table.md": 1.0}, q
    hits = idx.search(question, k=2)
    assert hits[0].explain.name_match < 1.0


def _built_names(notes, tmp_path):
    """The note names of an index of notes, built (again) in tmp_path/index."""
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    return NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))._live.names


def test_a_part_of_a_name_that_another_notes_name_has_too_names_neither(tmp_path):
    # trial s52: "restaurant" of "how do i ask for the check at a restaurant" had named "Food / restaurant picks" and
    # lifted its passages over the answer in "Restaurant phrases"
    notes = tmp_path / "notes"
    for day in ("Osaka", "Kyoto", "Nara", "Tokyo"):  # many notes say "picks" and "phrases": their rare word names
        write(notes / f"{day} picks.md", "- ramen\n")
        write(notes / f"{day} phrases.md", "- sumimasen\n")
    write(notes / "Restaurant picks.md", "- ichiran ramen\n")
    names = _built_names(notes, tmp_path)
    alone = names.named("how do i ask for the bill at a restaurant")  # the one note so named: named, in part
    write(notes / "Restaurant phrases.md", "- okaikei onegaishimasu: the bill please\n")
    names = _built_names(notes, tmp_path)
    both = names.named("how do i ask for the bill at a restaurant")
    assert 0.6 <= alone.get("Restaurant picks.md", 0) < 1.0 and both == {}
    assert names.named("restaurant phrases for the bill") == {"Restaurant phrases.md": 1.0}  # named in full


def test_a_titles_numbered_part_names_its_note(tmp_path):
    # trial s45: "what's my hypothesis for chapter 3?" had named no note "Chapter 3 - hot moments"
    notes = tmp_path / "notes"
    write(notes / "Chapter 3 - hot moments.md", "## Hypotheses\n- hot moments follow rewetting\n")
    write(notes / "Chapter 2 - nitrate removal.md", "## Scope\n- three sites\n")
    write(notes / "Lecture 12 — Caches.md", "- a line per block\n")
    write(notes / "Week 4 - Paxos.md", "- a leader per ballot\n")
    names = _built_names(notes, tmp_path)
    assert names.named("what's my hypothesis for chapter 3?") == {"Chapter 3 - hot moments.md": 1.0}
    assert names.named("what did lecture 12 cover?") == {"Lecture 12 — Caches.md": 1.0}
    assert names.named("what did week 4 cover?").get("Week 4 - Paxos.md", 0) < 1.0  # a week of the calendar too
    # ... nor a date, a time or a range (the review)
    from notesqa.notelevel import _NUMBERED_PART
    for title in ("March 3 - dentist", "Lab meeting 2025-11-16", "Meeting 10:30 - client", "Chapter 3-4 outline"):
        assert _NUMBERED_PART.match(title) is None, title
    for title in ("Lecture 7 - 2PC and Paxos", 'Chapter 3 - "The Stranger"'):  # (the second review)
        assert _NUMBERED_PART.match(title) is not None, title


def test_what_a_title_says_after_a_code_and_number_names_its_note(tmp_path):
    # trial s47: "contraction mapping theorem notes" had named "AnII L09 - Contraction mapping theorem" 0.68, and the
    # course hub's line to it came first; "my notes on the CLT" the hub's "Prob L13 - CLT"
    notes = tmp_path / "notes"
    for title in ("AnII L09 - Contraction mapping theorem", "Prob L13 - CLT", "Notes - misc"):
        write(notes / f"{title}.md", "- a line of it\n")
    names = _built_names(notes, tmp_path)
    assert names.named("contraction mapping theorem notes") == {"AnII L09 - Contraction mapping theorem.md": 1.0}
    assert names.named("my notes on the CLT") == {"Prob L13 - CLT.md": 1.0}
    assert names.named("misc") == {}  # no code before it: "Notes - misc" is named as a whole
    # ... not a name a series of notes shares (the second review: "2026.11.25 - Helen" had named Helen's meetings)
    for day in ("2026.11.25", "2026.11.18"):
        write(notes / f"{day} - Helen.md", "- thesis timeline\n")
    write(notes / "Lecture 7: Paxos.md", "- a leader per ballot\n")
    names = _built_names(notes, tmp_path)
    assert names.named_exactly("who is Helen?") == frozenset() and names.named("paxos") == {"Lecture 7: Paxos.md": 1.0}



def test_a_name_the_question_says_brings_its_notes_other_names_as_related_words(tmp_path):
    # trial s49: "when did the western confirm the KO clones" over notes that write "WB", the alias of "Western blot"
    notes = tmp_path / "notes"
    write(notes / "Protocols" / "Western blot.md", "---\naliases: [WB, western]\n---\n# Western blot\n\n1. run the gel\n")
    write(notes / "Daily" / "2023-06-13.md", "# 13 June\n\n- WB clones: no CAPRIN1 band in C7 and F11\n")
    write(notes / "Daily" / "2023-06-14.md", "# 14 June\n\n- clones F11 and C7 frozen, KO confirmed by sequencing\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.synonyms("when did the western confirm the KO clones") == [("western", "WB")]
    assert names.synonyms("western blot steps") == [("western", "WB"), ("western blot", "WB")]
    assert names.synonyms("when did the gel run") == []
    hit = next(h for h in idx.search("when did the western confirm the KO clones", k=3) if h.path == "Daily/2023-06-13.md")
    assert hit.explain.related == ("WB",) and "related words WB" in str(hit.explain)
    hit = next(h for h in idx.search("western blot clones", k=3) if h.path == "Daily/2023-06-13.md")
    assert hit.explain.related == ("WB",)  # once, though two names the question says bring it (the review)


def test_an_alias_brings_the_notes_model_code_though_every_alias_is_part_of_its_title(tmp_path):
    # trial s61 XD: "when's the next MOT on the Honda?" over a table of rows by "CB550", the code of the note
    # "Honda CB550 (1974)" (aliases CB550, the Honda): its row had come after the other bike's
    notes = tmp_path / "notes"
    write(notes / "Bikes" / "Honda CB550 (1974).md", "---\naliases: [CB550, the Honda]\n---\n# Honda\n\n- frame no 1027481\n")
    write(notes / "MOT.md", "# MOT\n\n| Bike | Next due |\n|---|---|\n| XS650 | May 2027 |\n| CB550 | Sept 2027 |\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.synonyms("when's the next MOT on the Honda?") == [("the honda", "CB550")]
    hits = idx.search("when's the next MOT on the Honda?", k=3)
    rows = [h for h in hits if h.path == "MOT.md"]
    assert "CB550" in rows[0].text and rows[0].explain.related == ("CB550",)
    # ... not the note it names, lifted by its name already (its title says CB550: no more for that)
    assert all(h.explain.related == () for h in hits if h.path.startswith("Bikes/"))


def test_a_title_of_three_to_five_words_is_named_by_its_initials(tmp_path):
    # trial s61 XB: a chef's "stp sauce recipie" had named no note "Sticky Toffee Pudding"
    notes = tmp_path / "notes"
    write(notes / "pages" / "Sticky Toffee Pudding.md", "- ## Toffee sauce\n\t- 300g butter, 300g dark muscovado\n")
    write(notes / "pages" / "Brown Chicken Stock.md", "- roast the wings\n")
    write(notes / "pages" / "Paint and chrome.md", "- Steve did the tank\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named("stp sauce") == {"pages/Sticky Toffee Pudding.md": 1.0}
    assert names.named("bcs") == {"pages/Brown Chicken Stock.md": 1.0}
    # ... not a title of two words and a little one ("pc"), nor initials that are an English word
    assert names.named("pc") == {}


def test_what_a_title_says_after_a_topic_and_a_dash_names_the_note(tmp_path):
    # trial s49: "my disappearing cross lesson plan" had named no note "Rates of reaction - disappearing cross"
    notes = tmp_path / "notes"
    write(notes / "Lessons" / "Rates of reaction - disappearing cross.md", "# Plan\n\n1. thiosulfate and acid\n")
    write(notes / "Lessons" / "ECT mentoring - Priya.md", "# Notes\n\n- observed her Y9 lesson\n")
    idx = _index(tmp_path)
    names = NoteNames.build(idx.chunks, idx.manifest.notes)
    assert names.named("my disappearing cross lesson plan") == {"Lessons/Rates of reaction - disappearing cross.md": 1.0}
    assert names.named_exactly("disappearing cross") == {"Lessons/Rates of reaction - disappearing cross.md"}
    assert names.named("what did priya teach") == {}  # (a part of one word is no name of its own)


def test_a_name_with_a_year_is_named_but_for_its_year_when_the_question_says_none():
    # trial s51: "my notes on the kleijn paper" had named no note "Kleijn 2015" (its year most of its name), 9th
    from notesqa.chunking import Chunk

    chunks = [Chunk(f"lit/{key}.md", 1, 1, "bullet", "90 studies, 5 continents", title, [], [], [], None, 0)
              for key, title in (("kleijn2015", "Kleijn 2015"), ("potts2010", "Potts 2010"), ("goulson2015", "Goulson 2015"))]
    names = NoteNames.build(chunks, {})
    assert names.named("my notes on the kleijn paper") == {"lit/kleijn2015.md": 1.0}
    assert names.named("kleijn 2015") == {"lit/kleijn2015.md": 1.0}
    assert names.named("the kleijn 2010 paper").get("lit/kleijn2015.md", 0.0) < 1.0  # a year said is read
    # ... only the one note so named, when none is named in full (the review: "my goals" had named Goals 2024 too)
    chunks = [Chunk(f"{t}.md", 1, 1, "bullet", "run a 10k", t, [], [], [], None, 0)
              for t in ("Goals", "Goals 2024", "Goals 2025", "Hokkaido 2025 plan", "Kyoto 2024 plan", "Kyoto 2025 plan")]
    names = NoteNames.build(chunks, {})
    assert [p for p, v in names.named("what are my goals").items() if v >= 1.0] == ["Goals.md"]
    assert [p for p, v in names.named("my hokkaido plan").items() if v >= 1.0] == ["Hokkaido 2025 plan.md"]
    assert not [p for p, v in names.named("my kyoto plan").items() if v >= 1.0]
    import time  # a run of spaces pasted is read at once (the review: 5,000 had taken seconds)
    started = time.perf_counter()
    assert names.to_open("notes on a" + " " * 5000 + "b") == frozenset() and time.perf_counter() - started < 1.0


def test_who_is_in_a_note_named_opens_it_at_the_people_its_fields_name(tmp_path):
    # trial s51: "who is in my study group" had shown the page from its first block, its members:: left out
    notes = tmp_path / "notes"
    write(notes / "pages" / "Study group.md", "tags:: people\nmembers:: [[Priya Raman]], [[Marcus Lee]]\n\n"
                                              "- cs241 study group, started in week 3\n- discord server is 241 survivors\n")
    write(notes / "logseq" / "config.edn", "{}\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    hit = idx.search("who is in my study group", k=1)[0]
    assert hit.text.startswith("members: Priya Raman, Marcus Lee") and hit.line == 1
    # ... and another question of it from its text, as before; "who is X" of a person's page too (the review)
    assert idx.search("what is my study group", k=1)[0].text.startswith("cs241 study group")
    write(notes / "pages" / "Olu Adeyemi.md", "manager:: [[Jane Smith]]\n\n- Olu joined in March as our lead designer\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    idx = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256))
    assert idx.search("who is Olu Adeyemi", k=1)[0].text.startswith("Olu joined")
