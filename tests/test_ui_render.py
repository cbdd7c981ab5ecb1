"""The chat's HTML (notesqa.ui.render): marks, breadcrumbs, links, notes rendered safely."""

from __future__ import annotations

import dataclasses
import urllib.parse
from types import SimpleNamespace

from conftest import no_active_html
from notesqa.hits import Hit
from notesqa.ui.render import context_html, followup_html, highlight, hit_html, render_markdown, source_href


def test_highlight_escapes_and_marks_stems():
    out = highlight("Cells <script>x</script> & cell", "cells")
    assert out == "<mark>Cells</mark> &lt;script&gt;x&lt;/script&gt; &amp; <mark>cell</mark>"
    assert highlight("a < b", "") == "a &lt; b"


def test_struck_out_text_is_struck_out_in_a_hit_and_in_the_note():
    assert highlight("~~Brandt in 1910~~ — moved, `a~~b~~`", "brandt") == (
        '<s><mark>Brandt</mark> in 1910</s> — moved, <code class="nq-inline">a~~b~~</code>')
    out = render_markdown("- ~Courgettes~ never again, ~~leeks~~ too; ~5 min to ~10 min\n")
    assert "<s>Courgettes</s> never again, <s>leeks</s> too; ~5 min to ~10 min" in out
    assert "Card one \U0001f4c5 2026-12-04" in render_markdown("- [ ] Card one @{2026-12-04}\n")  # a Kanban card's date


def test_a_footnotes_marks_read_as_raised_labels_in_the_note_in_their_places():
    # trial s36: the note view showed "seeds.[^1]" and "[^1]: I emailed Wrona ..." as written
    out = render_markdown("We used 3 seeds.[^1] and ~two~ runs.[^long]\n\n[^1]: I emailed Wrona.\n\n`[^x]` stays.\n",
                          line=3)
    assert "seeds.<sup>1</sup> and <s>two</s> runs.<sup>long</sup>" in out
    assert '<p class="nq-target" id="nq-target"><sup>1</sup> I emailed Wrona.</p>' in out  # its line still marked
    assert "<code>[^x]</code>" in out
    assert "with [^aeiou] in" in render_markdown("A consonant with [^aeiou] in it.\n")  # a regex's class (the review)
    assert "a claim <sup>2</sup>." in render_markdown("a claim [^2].\n")


def test_a_notion_pages_source_reads_without_its_ids_and_links_to_its_file():
    path = ("Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11/Journal 4e06dc12826bedc85f2f50d0b3c31a26/"
            "March 4, 2024 1bdc0f3e5b2a4c6d8e9f0a1b2c3d4e5f.md")
    out = hit_html(1, Hit("Ran the card sort", path, 3, ("March 4, 2024",), 0.5), "card")
    assert '>Journal/March 4, 2024.md:3</a>' in out
    assert 'href="#nq-src=Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11/Journal%204e06dc12826bedc85f2f50d0b3c31a26/' in out
    assert ">a.md:1</a>" in hit_html(1, Hit("x", "a.md", 1, (), 0.5), "x")
    # the day a note's front matter dates it, when nothing shown says it (trial s53)
    assert "dated 2026-08-28</span>" in hit_html(1, Hit("session: 12", "S12.md", 1, (), 0.5, date="2026-08-28"), "x")
    assert "dated" not in hit_html(1, Hit("x", "journals/2026_08_28.md", 1, (), 0.5, date="2026-08-28"), "x")


def test_a_hit_shows_the_breadcrumb_every_front_end_shows():
    hit = Hit("Leader-based replication", "ddia.md", 7, ("Designing Data-Intensive Applications", "Ch 5"), 0.5,
              title="Designing Data-Intensive Applications (Kleppmann)", parents=("Replication <fast>",))
    out = hit_html(1, hit, "replication")
    assert hit.breadcrumb == ["Designing Data-Intensive Applications (Kleppmann)", "Ch 5", "Replication <fast>"]
    assert ('<div class="nq-crumb">Designing Data-Intensive Applications (Kleppmann) › Ch 5 › '
            'Replication &lt;fast&gt;</div>') in out


def test_render_markdown_links_between_notes_stay_in_the_app():
    out = render_markdown("* see [other](other%20note.md#x) and [up](../../etc/passwd.md) and [rel](file.txt)\n",
                          1, "dir/note.md")
    assert 'href="#nq-src=dir/other%20note.md:1"' in out
    assert 'href="../' not in out and 'href="file.txt"' not in out and "#nq-src=../" not in out


def test_render_markdown_marks_a_paragraph_line_and_a_table_row():
    text = "# T\n\nfirst para\n\nsecond para\nstill second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert '<p class="nq-target" id="nq-target">second para' in render_markdown(text, 6)
    assert '<tr class="nq-target" id="nq-target">' in render_markdown(text, 10)
    # a passage of some lines of a paragraph: those lines are marked, not the paragraph
    out = render_markdown(text, 6, None, 6)
    assert '<p>second para\n<span class="nq-target" id="nq-target">still second</span></p>' in out
    assert '<p class="nq-target" id="nq-target">second para' in render_markdown(text, 5, None, 6)  # all of it


def test_render_markdown_marks_one_card_of_a_deck():
    deck = "Rice water stools::Vibrio cholerae  \nSlapped cheek::Parvovirus B19  \nKoplik spots::Measles\n"
    out = render_markdown(deck, 2, None, 2)
    assert '<br />\n<span class="nq-target" id="nq-target">Slapped cheek::Parvovirus B19</span><br />' in out
    assert out.count("nq-target") == 2


def test_source_href_round_trips_odd_paths():
    for target in ("a b/c#d%e.md:12", "ünï/çode.md:3", 'q"uote<.md:1'):
        href = source_href(target)
        assert href.startswith("#nq-src=") and '"' not in href and "<" not in href and " " not in href
        assert urllib.parse.unquote(href[len("#nq-src="):]) == target


def test_context_rows_indent_by_depth_and_mark_the_hit():
    chunks = [SimpleNamespace(depth=1, line=3, kind="bullet", marker="", text="Parent <b>x</b>"),
              SimpleNamespace(depth=2, line=4, kind="bullet", marker="1.", text="Hit about cells"),
              SimpleNamespace(depth=2, line=5, kind="paragraph", marker="", text="Sibling")]
    out = context_html(chunks, 4, "cells")
    no_active_html(out)
    assert '<div style="margin-left:0px"><span>• Parent &lt;b&gt;x&lt;/b&gt;</span>' in out
    assert '<div style="margin-left:16px"><span class="nq-ctx-hit">1. Hit about <mark>cells</mark></span>' in out
    assert '<span>Sibling</span> <span class="nq-ctx-line">:5</span>' in out


def test_context_shows_code_as_code_without_its_introduction():
    # trial s37: "more context" had shown a note's code as prose, its introducing sentence in it
    chunks = [SimpleNamespace(depth=0, line=3, kind="paragraph", marker="", text="Find them with:"),
              SimpleNamespace(depth=0, line=4, kind="code", marker="", text="Find them with:\nSELECT <1>;")]
    out = context_html(chunks, 3, "find")
    no_active_html(out)
    assert '<pre class="nq-code">SELECT &lt;1&gt;;</pre><span class="nq-ctx-line">:4</span>' in out
    # a long block's pieces one block, its introduction and "…" not said again (the review)
    pieces = chunks + [SimpleNamespace(depth=0, line=9, kind="code", marker="", text="Find them with:\n…\nDROP 1;",
                                       group=1, path="a.md")]
    pieces[1] = SimpleNamespace(**{**vars(chunks[1]), "text": "Find them with:\nSELECT <1>;\n…", "group": 1,
                                   "path": "a.md"})
    out = context_html(pieces, 3, "find")
    assert '<pre class="nq-code">SELECT &lt;1&gt;;\nDROP 1;</pre><span class="nq-ctx-line">:4</span>' in out
    assert out.count("<pre") == 1


def test_followup_says_what_was_searched_and_what_was_left_out():
    assert followup_html("a <b>", 0) == '<div class="nq-followup">Searched as a follow-up: <em>a &lt;b&gt;</em></div>'
    assert "(without the 1 hit already shown)" in followup_html("q", 1)
    assert "(without the 3 hits already shown)" in followup_html("q", 3)


def test_code_that_ends_a_hit_is_shown_as_code_and_stays_inert():
    hit = Hit("To see bloat run this query:\nselect * from t where a < 1 and b = '<b>';", "pg.md", 3, (), 0.5,
              code="select * from t where a < 1 and b = '<b>';")
    out = hit_html(1, hit, "bloat query select")
    assert "<mark>bloat</mark> run this <mark>query</mark>:" in out
    assert '<pre class="nq-code">select * from t where a &lt; 1 and b = &#x27;&lt;b&gt;&#x27;;</pre>' in out
    assert "<mark>select</mark>" not in out  # code is shown as written
    no_active_html(out)
    plain = hit_html(1, Hit("no code here", "a.md", 1, (), 0.5, code="not the end"), "code")
    assert "nq-code" not in plain  # a code field that does not end the text is ignored


def test_code_inside_a_hit_is_shown_as_code_with_what_follows_it_after():
    # trial s48: a step's code followed by the next step had been shown as plain lines
    hit = Hit("1. Confirm it is dead:\npatronictl list\n- 2. Promote <it>\n… (more steps from line 9)", "f.md", 3, (),
              0.5, code="patronictl list")
    out = hit_html(1, hit, "promote")
    assert '<pre class="nq-code">patronictl list</pre>' in out
    assert out.index("</pre>") < out.index("• 2. <mark>Promote</mark> &lt;it&gt;") < out.index("… (more steps from line 9)")
    # ... every code block of it (trial s50: step 1's code had been shown as plain lines, step 3's as code)
    both = Hit("1. Confirm it is dead:\npatronictl list\n- 2. Promote it:\npatronictl failover\n- 3. Resume", "f.md", 3,
               (), 0.5, code="patronictl failover", codes=(("patronictl list", ""), ("patronictl failover", "")))
    out = hit_html(1, both, "resume")
    assert out.count('<pre class="nq-code">') == 2
    assert out.index("patronictl list</pre>") < out.index("• 2. Promote it:") < out.index("patronictl failover</pre>") \
        < out.index("• 3. <mark>Resume</mark>")
    no_active_html(out)
    # ... the step that matched after the code marked, as the CLI marks it (the review)
    hit = Hit("1. Confirm:\npatronictl list\n2. Pause it\n3. Check the logs", "f.md", 3, (), 0.5, code="patronictl list",
              match="3. Check the logs", match_line=6)
    out = hit_html(1, hit, "")
    assert '<span class="nq-matched" title="what matched your question">3. Check the logs</span>' in out
    assert out.index("</pre>") < out.index("2. Pause it") < out.index("nq-matched")


def test_the_items_under_a_hit_show_as_bullets_not_dashes():
    # trial B: "- Concerned about ..." inside a hit had read as a typo; the hit's own line and code stay as written
    out = hit_html(1, Hit("Dana's feedback\n- Concerned about scope\n  - and dates\nx - y", "a.md", 1, (), 0.5), "", "")
    assert "Dana&#x27;s feedback\n• Concerned about scope\n  • and dates\nx - y" in out
    code = "- not: a bullet\n"
    out = hit_html(1, Hit("- Deploy steps:\n" + code, "a.md", 1, (), 0.5, code=code), "", "")
    assert "- Deploy steps:" in out and "- not: a bullet" in out


def test_the_line_that_matched_is_marked_when_others_are_shown_before_it():
    hit = Hit("With Priya and Sofi:\n- Priya wants dashboards\n- Sofi proposed a survival model\n- Lunch", "c.md", 7,
              (), 0.5, match="Sofi proposed a survival model", match_line=9)
    out = hit_html(1, hit, "survival")
    assert ('• Priya wants dashboards\n<span class="nq-matched" title="what matched your question">• Sofi proposed a '
            '<mark') in out and "model</span>\n• Lunch" in out
    assert "nq-matched" not in hit_html(1, dataclasses.replace(hit, match_line=0), "survival")


def test_relevance_shows_zero_to_one_and_the_exact_score_in_its_title():
    for score, shown in ((1.12, "1.00"), (0.47, "0.47"), (-0.05, "0.00")):
        out = hit_html(1, Hit("x", "a.md", 1, (), score), "x", "")
        assert f"</span></span>{shown}</span>" in out and f'title="relevance score {score:.2f} ' in out
    assert 'style="width:100%"' in hit_html(1, Hit("x", "a.md", 1, (), 1.12), "x", "")
    from notesqa.ranking import Explanation

    listed = Hit("x", "a.md", 1, (), 0.0, explain=Explanation(None, 0.0, None, 0.0, 0.0, listed=True))
    out = hit_html(1, listed, "tag:work", "")  # filters alone: listed, no relevance to show
    assert ">listed</span>" in out and "nq-bar" not in out
    linking = Hit("x", "a.md", 1, (), 0.0, explain=Explanation(None, 0.0, None, 0.0, 0.0, links=True))
    out = hit_html(1, linking, "which notes link to b", "")  # a backlink: where it links, no 0.00 relevance
    assert ">links to it</span>" in out and "nq-bar" not in out
    # a hit of the day asked: its day put it there, not a full bar (trial B)
    dated = Hit("x", "a.md", 1, (), 1.3, explain=Explanation(None, 0.2, None, 0.0, 0.2, day_match=True))
    out = hit_html(1, dated, "what did I do yesterday?", "")
    assert ">of the days asked</span>" in out and "nq-bar" not in out and "match 0.20" in out
    out = hit_html(1, dataclasses.replace(dated, date="2026-12-03"), "what did I do yesterday?", "")
    assert ">dated 2026-12-03</span>" in out and "nq-bar" not in out  # the day it is of (trial s58 OC)
    # ... and of the newest, for "our last 1:1": as the note has them, not by score (trial s47)
    newest = Hit("x", "a.md", 1, (), 0.7, explain=Explanation(None, 0.2, None, 0.0, 0.2, recent=1.0))
    out = hit_html(1, newest, "what did we say in our last 1:1?", "")
    assert ">newest match</span>" in out and "nq-bar" not in out
    # ... and of every such weekday as the day asked (trial s74 M)
    weekly = Hit("Sat 09:15, small pool", "a.md", 1, (), 0.7, explain=Explanation(None, 0.2, None, 0.0, 0.2, weekly=True))
    out = hit_html(1, weekly, "what time is swimming on saturday", "", asked=frozenset({"2027-01-09"}))
    assert ">every Saturday</span>" in out and "nq-bar" not in out


def test_maths_the_chat_typesets_is_not_marked():
    out = highlight("BM25 is $$\\mathrm{BM25}(q, d) = \\sum_t idf(t)$$ for BM25 scoring", "BM25 formula")
    assert out.count("<mark>BM25</mark>") == 2 and "$$\\mathrm{BM25}(q, d) = \\sum_t idf(t)$$" in out
    out = highlight("the cost is $O(n \\log n)$ for a log scan", "log cost")
    # inline maths too, written for the chat to typeset (trial E: it showed raw beside typeset display maths);
    # a price is no maths
    assert "\\(O(n \\log n)\\)" in out and out.count("<mark>log</mark>") == 1
    assert highlight("it costs $5 or $15 a month", "costs") == "it <mark>costs</mark> $5 or $15 a month"
    from notesqa.ui.render import LATEX_DELIMITERS

    assert {d["left"] for d in LATEX_DELIMITERS} == {"$$", "\\("}


def test_inline_code_is_shown_as_code():
    out = highlight("saw `FATAL:  sorry` in <logs>", "sorry")
    assert out == 'saw <code class="nq-inline">FATAL:  <mark>sorry</mark></code> in &lt;logs&gt;'
    assert highlight("`<b>`", "") == '<code class="nq-inline">&lt;b&gt;</code>'  # escaped inside too


def test_one_character_words_are_not_marked():
    out = highlight("db-prod-1 at 10.0.100.5 and 127.0.0.1:5432", "what fixed ECONNREFUSED 127.0.0.1:5432?")
    assert "<mark>127</mark>" in out and "<mark>5432</mark>" in out and "<mark>1</mark>" not in out
    assert "<mark>0</mark>" not in out


def test_the_source_view_shows_maths_as_written():
    out = render_markdown("We use $m \\in \\{8, \\dots, d\\}$ for $5 and $10.\n\n$$a\\,b$$\n", line=3)
    assert '<span class="nq-math">$m \\in \\{8, \\dots, d\\}$</span>' in out  # markdown's escapes not eaten
    assert "for $5 and $10." in out  # prices are no maths
    assert '<div class="nq-math nq-target" id="nq-target">$$a\\,b$$</div>' in out


def test_the_notes_words_related_to_the_question_are_marked_as_such():
    # "Oscar" holds none of the question's words: marked as related to them (vocabulary.py), not as one of them
    out = highlight("Parasite took the Oscar for best film", "which film won the academy award?", ("oscar",))
    assert '<mark class="nq-related" title="related to a word of your question">Oscar</mark>' in out
    assert "<mark>film</mark>" in out  # the question's own word, as ever
    assert highlight("the Oscar", "academy award") == "the Oscar"  # no related words: nothing marked


def test_the_little_words_of_a_question_in_another_language_are_not_marked():
    # trial s35: a Spanish question marked "de", "la", "el" in every hit
    out = highlight("La receta de flan de la abuela: el caramelo primero", "¿Cuál es la receta de la abuela para el flan?")
    assert "<mark>receta</mark>" in out and "<mark>abuela</mark>" in out and "<mark>flan</mark>" in out
    assert "<mark>de</mark>" not in out and "<mark>la</mark>" not in out and "<mark>el</mark>" not in out
    # an English question keeps its words, even those another language calls little ("die", "van")
    out = highlight("The van broke down; the plant may die", "when did the van die?")
    assert "<mark>van</mark>" in out and "<mark>die</mark>" in out
    out = highlight("Stuck at the prompt under vite in non-valvular mode", "stuck at the prompt under vite in non-valvular")
    assert "<mark>non</mark>" in out and "<mark>vite</mark>" in out  # words other languages list, not a question of theirs


def test_pronouns_are_not_marked():
    # trial s37: "her" of "what did Priya say about her promotion?" was marked in every hit
    out = highlight("She asked about her promotion", "what did Priya say about her promotion?")
    assert "<mark>promotion</mark>" in out and "<mark>her</mark>" not in out
