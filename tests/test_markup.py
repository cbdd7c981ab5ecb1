"""Obsidian and Logseq inline syntax, read as the apps show it (markup.py, through parse_note)."""

from notesqa.chunking import chunk_note
from notesqa.markup import Inline, indented_code, links_as_markdown, outside_code, parse_link, strip_comments, without_tags
from notesqa.parsing import parse_note
from notesqa.textchars import visible_chars


def test_wikilinks_read_as_their_alias_or_name():
    out = Inline().render("See [[Graph|graphs]], [[Hypervisor]], [[Paging#TLB]] and [[folder/Deep note]].")
    assert out == "See graphs, Hypervisor, Paging > TLB and folder/Deep note."  # as written, as Obsidian shows it
    # ... but brackets around no name are no link: shown as written (trial s55: "Tip to self: [[ ]] makes a link." had
    # been shown "Tip to self: makes a link.")
    assert Inline().render("Tip to self: [[ ]] makes a link, [[]] too") == "Tip to self: [[ ]] makes a link, [[]] too"
    # ... and a link to a block of its own note reads as that note's name, as [[Boiler#^b1]] does (trial s75: "see
    # [[#^b1]] for the model" had been "see for the model"); with its alias, the alias
    inline = Inline(path="Home/Boiler.md")
    assert inline.render("see [[#^b1]] for the model, [[Boiler#^b1]]") == "see Boiler for the model, Boiler"
    assert inline.render("see [[#^b1|the boiler]]") == "see the boiler"


def test_link_parts():
    link = parse_link("Note name#^abc-1|shown")
    assert (link.target, link.block, link.alias, link.display) == ("Note name", "abc-1", "shown", "shown")
    assert parse_link("x.md").target == "x"


def test_macros_block_ids_and_tags():
    inline = Inline()
    out = inline.render("Watch {{video https://x.y/z}} and {{cloze mitochondria}} now ^step-1")
    assert out == "Watch  and mitochondria now"
    # a template's placeholder leaves no dash dangling (trial s57: "# Attendance note — {{title}}" had read
    # "Attendance note —"), nor a bar; a label keeps its colon
    assert Inline().render("Attendance note — {{title}}") == "Attendance note"
    assert Inline().render("{{date}} - Standup") == "Standup" and Inline().render("Tasks: {{query todo}}").rstrip() == "Tasks:"
    assert Inline().render("a - b {{x}} c") == "a - b [x] c"
    # ... a name of the writer's own to fill in shown as one (trial s86 L: "{{team}} v {{opponent}} is OFF today" had
    # read " v  is OFF today"), and no brackets left by a value the app fills in
    assert Inline().render('"{{team}} v {{opponent}} is OFF today ({{date}}) - frozen"') == \
        '"[team] v [opponent] is OFF today - frozen"'
    assert inline.take_ids() == ["step-1"]
    inline.render("tagged #project/alpha and #[[big idea]] but not C# or url#anchor or #1")
    assert inline.tags == ["project/alpha", "big idea"]


def test_one_tilde_strikes_words_not_an_about():
    # trial s57 NC: "~15-20k hrs life ... (~£8-9k!!)" had been struck from "15" to "(": a tilde before a number or a
    # sum says "about", and one after an opening bracket closes nothing
    assert Inline().render("~Courgettes~ never again") == "~~Courgettes~~ never again"
    for text in ("~15-20k hrs life, budget in 1-2 yrs (~£8-9k!!)", "~5 min to ~10 min", "about ~$40 (~20 each)"):
        assert "~~" not in Inline().render(text), text


def test_code_is_never_altered():
    note = parse_note("# T\n\nType `[[page]]` or `{{query x}}` and `<!-- c -->` here: [[Real link|real]].\n\n"
                      "```\n[[kept]] %% also kept %%\n```\n", "n.md")
    texts = [u.text for u in note.units]
    assert texts[0] == "Type `[[page]]` or `{{query x}}` and `<!-- c -->` here: real."  # code shown as code
    assert texts[1] == "[[kept]] %% also kept %%"


def test_comments_go_outside_code_only():
    text = "a %% hidden\nstill hidden %% b\n`%% shown %%` <!-- gone -->\n"
    out = strip_comments(text)
    assert out.count("\n") == text.count("\n")  # lines keep their place
    assert "hidden" not in out and "gone" not in out and "`%% shown %%`" in out


def test_callout_marker_drops_and_title_heads_body():
    note = parse_note("# Graphs\n\n>[!tldr] Directed graph\n> A pair (V, E) of vertices\n> and directed edges.\n",
                      "g.md")
    (u,) = note.units
    assert u.kind == "quote" and u.parents == ("Directed graph",)
    assert u.text == "A pair (V, E) of vertices\nand directed edges." and u.line == 4
    chunk = chunk_note(note)[0]
    assert chunk.text == "A pair (V, E) of vertices\nand directed edges."  # its line break kept
    assert "[!" not in chunk.embed


def test_one_line_callout_is_its_title():
    note = parse_note("> [!warning] Never run this on production\n", "w.md")
    assert [u.text for u in note.units] == ["Never run this on production"]


def test_inline_tags_join_front_matter_tags_and_nested_tags_count_as_parents():
    note = parse_note("---\ntags: [work]\naliases:\n  - WFH\n---\n* meeting notes #project/alpha\n", "m.md")
    assert note.tags == ("work", "project/alpha", "project")
    assert note.aliases == ("WFH",)
    assert "WFH" in chunk_note(note)[0].keywords  # an alias is a searchable name of the note
    # a template's placeholder is no tag (trial F: "#inc-<date>-<slug>" had given the tag "inc-")
    assert parse_note("- name it #inc-<date>-<slug> or #{{tag}}, tag it #incident\n", "t.md").tags == ("incident",)


def test_table_rows_may_hold_aliased_links():
    note = parse_note("| structure | space |\n|---|---|\n| [[Adjacency list (graph)|Adjacency list]] | O(V+E) |\n",
                      "t.md")
    assert note.units[0].text == "structure: Adjacency list | space: O(V+E)"


def test_links_as_markdown_for_the_source_view():
    out = links_as_markdown("See [[Graph|graphs]] and [[Missing]] ![[pic.png]] `[[code]]`",
                            lambda link: "general/Graph.md" if link.target == "Graph" else None)
    assert out == "See [graphs](<general/Graph.md>) and Missing  `[[code]]`"
    # a Logseq link with its own label opens its page under that label
    out = links_as_markdown("[the basics]([[Graph]]) and [a block](((60af0000-0000-4000-8000-000000000001)))",
                            lambda link: "general/Graph.md" if link.target == "Graph" else None)
    assert out == "[the basics](<general/Graph.md>) and a block"


def test_a_logseq_link_with_its_own_label_reads_as_its_label():
    text = ("When [referencing a block]([[The basics of block references]]), see "
            "[this](((60af0000-0000-4000-8000-000000000001))) or [the web](https://logseq.com)")
    assert Inline().render(text) == "When referencing a block, see this or [the web](https://logseq.com)"


def test_maths_highlights_and_logseq_attributes():
    note = parse_note("A set $\\{a, b\\}$ costs $5 or $15.\n\n$$\n\\sum_i x_i\n$$\n\n"
                      "Some ==key== and ^^bright^^ words ~~gone~~ here ![pic](a.png){:height 20, :width 30}\n", "m.md")
    texts = [u.text for u in note.units]
    assert texts[0] == "A set $\\{a, b\\}$ costs $5 or $15."  # maths as written; prices stay text
    assert texts[1] == "$$\\sum_i x_i$$"
    assert texts[2] == "Some key and bright words ~~gone~~ here pic"  # an image reads as its alt text; struck text shown struck
    # a highlight a colon follows (trial s73 E: "this one is ==urgent==: same day to ENT" had kept its marks)
    assert Inline().render("this one is ==urgent==: same day to ENT") == "this one is urgent: same day to ENT"
    assert Inline().render("Bear ::mark:: here") == "Bear mark here"


def test_prose_inside_a_list_item_is_followed_only_by_what_is_under_it(tmp_path):
    from notesqa import NotesIndex, build_index
    from notesqa.embedding.hashing import HashEmbedder

    notes = tmp_path / "notes"
    (notes / "pages").mkdir(parents=True)
    (notes / "journals").mkdir()
    (notes / "pages" / "Zotero.md").write_text(
        "- Setup\n\t- #+BEGIN_WARNING\n\t  Zotero sync needs an API key first.\n\t  #+END_WARNING\n"
        "\t\t- paste the key in settings\n- Thanks to the plugin authors\n")
    build_index(notes, tmp_path / "index", embedder=HashEmbedder(256))
    hit = NotesIndex.open(tmp_path / "index", embedder=HashEmbedder(256)).search("zotero api key", k=1)[0]
    assert "paste the key" in hit.text and "Thanks" not in hit.text


def test_a_stray_backtick_does_not_hide_a_comment_or_a_link():
    note = parse_note("Press ` to open the console.\n\n%% private: my password is hunter2 %%\n\n"
                      "See [[Other note]] then run `ls`.\n", "n.md")
    shown = " ".join(u.text for u in note.units)
    assert "hunter2" not in shown and "[[" not in shown


def test_a_fence_that_opens_a_list_item_is_code_too():
    text = "- ```\n  {{video x}} %% not a comment %%\n  ```\n- {{video y}} after\n"
    out = outside_code(text, lambda part: part.replace("{{", "<").replace("}}", ">"))
    assert out == "- ```\n  {{video x}} %% not a comment %%\n  ```\n- <video y> after\n"


def test_without_tags_takes_out_the_named_tags_as_inline_shows_them():
    shown = Inline().render("Launch #[[big project]] for #work/q3, C#, #1 and url#work")
    assert shown == "Launch #big project for #work/q3, C#, #1 and url#work"
    assert without_tags(shown, ("big project", "work/q3", "work")) == "Launch  for work/q3, C#, #1 and url#work"
    assert without_tags("#Work is #workshop", ("work",)) == " is #workshop"  # names fold case, whole tags only
    # a tag that is a word of the sentence stays as the word
    assert without_tags("Compared options for #Atlas #work", ("Atlas", "work")) == "Compared options for Atlas "
    # ... and so does one that opens a phrase going on with such a word (trial s46: "to Kemal" had been left)
    assert without_tags("#handover to Kemal", ("handover",)) == "handover to Kemal"
    assert without_tags("#idea use postgres", ("idea",)) == " use postgres"


def test_a_cloze_shows_its_answer_without_its_hint():
    assert Inline().render("Most apples are {{cloze red \\\\ color}}.") == "Most apples are red."
    assert Inline().render("Most apples are {{cloze red \\ color}}.") == "Most apples are red."  # escape read
    page = parse_note("tags:: cards\n\n- Most apples are {{cloze red \\\\ color}}.\n", "pages/Cloze.md")
    assert page.units[0].text == "Most apples are red."


def test_dataview_fields_read_as_its_reading_view_shows_them():
    render = Inline().render
    assert render("Author:: Martin Kleppmann\nRating::") == "Author: Martin Kleppmann\nRating:"
    assert render("A day with [mood:: good] and (hidden:: value) fields") == "A day with mood: good and value fields"
    assert render("std::vector and a::b stay") == "std::vector and a::b stay"  # no space after: not a field
    # ... nor in brackets (trial s59 SB: "marginal R2 0.31 (performance::r2)" had lost "performance::")
    assert render("marginal R2 0.31 (performance::r2), [dplyr::filter]") == \
        "marginal R2 0.31 (performance::r2), [dplyr::filter]"
    assert render("Met [with:: [[Alice]]] today") == "Met with: Alice today"  # a link as the value
    assert render("Energy (1-5):: 2") == "Energy (1-5): 2"
    # ... a key with an apostrophe too (trial s75 D: "buyer's premium:: 24% + VAT" had been shown raw)
    assert render("buyer's premium:: 24% + VAT") == "buyer's premium: 24% + VAT"
    assert render("Sold at [buyer’s premium:: 20%] today") == "Sold at buyer’s premium: 20% today"
    # ... and one after a sentence on its line (trial s69 E: "Kit officer:: Pete Lovell" had been shown raw)
    assert render("Checked by Pete, Oct 2026. Kit officer:: Pete Lovell") == \
        "Checked by Pete, Oct 2026. Kit officer: Pete Lovell"
    assert render("Eve: OAP pie night – 31 pies! Tom happy. takings:: £980") == \
        "Eve: OAP pie night – 31 pies! Tom happy. takings: £980"  # (trial s77 B: shown raw)
    assert render("Use std::vector. Then a::b") == "Use std::vector. Then a::b"
    # ... or one word's after a task's words (trials s81 B, H: "... when the kit arrives due:: 2027-08-24" shown raw)
    assert render("☐ Teamwear balance £1,318 when the kit arrives due:: 2027-08-24") == \
        "☐ Teamwear balance £1,318 when the kit arrives due: 2027-08-24"
    assert render("#endo Tags:: condition") == "#endo Tags:: condition"  # (a note's tags: _TAGS_FIELD's, the review)
    # a glossary's "**term** :: meaning" lines read alike, the space before "::" not left before ":", a term that opens
    # with a number too (trial s59 RB: "wrong-match rate : % of ..." beside "48h match rate :: % of ...")
    from notesqa.parsing import parse_note

    note = parse_note("- **wrong-match rate** :: % unmatched\n- **48h match rate** :: % matched\n- 10 :: 30\n", "G.md")
    assert [u.text for u in note.units] == ["wrong-match rate: % unmatched", "48h match rate: % matched", "10 :: 30"]


def test_a_comment_block_hides_the_code_in_it():
    text = "Shown\n%%\n## Drawing\n```compressed-json\nN4KAkARALgngDg\n```\n%%\nAlso shown\n```\n%%\nin code\n%%\n```\n"
    out = strip_comments(text)
    assert out.split("\n") == ["Shown", "", "", "", "", "", "", "Also shown", "```", "%%", "in code", "%%", "```", ""]
    assert strip_comments("text\n%%\nno end") == "text\n%%\nno end"  # never closed: not a comment


def test_comment_marks_pair_in_order_so_no_text_between_two_comments_is_hidden():
    note = ("# Meeting\n\n%% TODO: rewrite this section\nmore hidden notes\n%%\n\nImportant visible paragraph.\n\n"
            "%%\nanother comment\n%%\n\nLast paragraph.\n")
    shown = [ln for ln in strip_comments(note).split("\n") if ln.strip()]
    assert shown == ["# Meeting", "Important visible paragraph.", "Last paragraph."]
    shown = strip_comments("Text %%inline start\nhidden\n%%\nVisible A\n\n%%\nblock\n%%\nVisible B\n").split("\n")
    assert [ln for ln in shown if ln.strip()] == ["Text ", "Visible A", "Visible B"]
    # a %% in inline code is code: the block below is still a comment
    note = 'Format dates with `"%%Y"` in strftime.\n\n%%\n```dataview\nTABLE secret FROM "x"\n```\n%%\n\nvisible\n'
    assert [ln for ln in strip_comments(note).split("\n") if ln.strip()] == [
        'Format dates with `"%%Y"` in strftime.', "visible"]


def test_a_field_of_several_links_lists_them():
    from notesqa.markup import dataview_fields

    assert dataview_fields("Team:: [[Maya Chen]] [[Lena Fischer]] [[Sam Ortiz]]") == (
        "Team: [[Maya Chen]], [[Lena Fischer]], [[Sam Ortiz]]")  # one page each, as Roam and Dataview show them
    assert dataview_fields("Author:: [[Cal Newport]]") == "Author: [[Cal Newport]]"
    assert dataview_fields("see [[A]] [[B]] here") == "see [[A]] [[B]] here"  # prose: as written


def test_a_tasks_day_in_parentheses_keeps_its_key():
    # the review: "(due:: 2025-03-02)" had read as a bare day, so the task was never due nor overdue
    from notesqa.chunking import task_days
    from notesqa.markup import dataview_fields

    shown = dataview_fields("- [ ] Book the truck (due:: 2025-03-02)")
    assert shown == "- [ ] Book the truck due: 2025-03-02" and task_days(shown) == {"2025-03-02"}
    assert dataview_fields("a good day (mood:: good)") == "a good day good"  # another field: its value, as Dataview shows it
    assert task_days("Start: 2025-01-06 Completion: 2025-01-09") == {"2025-01-06", "2025-01-09"}


def test_bear_reads_its_multi_word_tags_and_highlights():
    note = parse_note("# Book group\n\n#book notes# #reading/2024\n\n- Hosts: Ana ::in January::\n"
                      "- Tagged #school/parents evening# and #solo\n- C++: std::vector::push_back\n", "b.md")
    assert {"book notes", "reading/2024", "school/parents evening", "solo"} <= set(note.tags)
    assert "book" not in note.tags and "parents" not in note.tags  # not its first word alone
    texts = [u.text for u in note.units]
    assert texts[0] == "Hosts: Ana in January"  # a line of only tags is no passage, nor a parent
    assert texts[1] == "Tagged #school/parents evening# and #solo"
    assert "std::vector::push_back" in texts[2]  # not a highlight


def test_a_kanban_board_reads_as_the_plugin_shows_it():
    board = ("---\n\nkanban-plugin: basic\n\n---\n\n## Todo\n\n- [ ] Card one @{2026-12-04} @@{14:30}\n\n## Done\n\n"
             "**Complete**\n- [x] Shipped it\n\n%% kanban:settings\n```\n{\"kanban-plugin\":\"basic\"}\n```\n%%\n")
    note = parse_note(board, "Board.md")
    # trial U: the settings had been a passage and code, "@{date}" raw, "Complete" a breadcrumb level
    assert [(u.text, u.heading, u.parents) for u in note.units] == [
        ("☐ Card one \U0001f4c5 2026-12-04 14:30", ("Todo",), ()), ("☑ Shipped it", ("Done",), ())]
    plain = parse_note("# Notes\n\n**Complete**\n- the set of all cards\n", "n.md")  # not a board: a label
    assert [u.parents for u in plain.units][-1] == ("Complete",)


def test_a_daily_notes_navigation_line_is_not_text():
    note = parse_note("<< [[2026-11-11]] | [[2026-W46]] | [[2026-11-13]] >>\nmood:: 8/10\n\n- Offsite planning call\n",
                      "Journal/Daily/2026-11-12.md")
    # trial U: "what did I write on 2026-11-12?" had shown the links to the days around it first
    assert [u.text for u in note.units] == ["mood: 8/10", "Offsite planning call"]
    # fields after it are the note's opening fields, one thin passage (trial s46: three hits of a line each)
    note = parse_note("<< [[2024-03-14]] | [[2024-03-16]] >>\n\nweight:: 78.1\nsleep:: 8h\n\nparkrun 22:31\n",
                      "Journal/2024-03-15.md")
    assert [(u.text, u.thin) for u in note.units] == [("weight: 78.1\nsleep: 8h", True), ("parkrun 22:31", False)]
    assert [u.text for u in parse_note("See << [[a]] >> here\n\n<< not a link >>\n", "x.md").units] == [
        "See << a >> here", "<< not a link >>"]


def test_struck_out_text_is_shown_struck_out():
    note = parse_note("# Plot\n\n~Brandt arrives in 1910~ — moved to 1911.\n\n- The ~~old~~ new plan\n"
                      "- about ~5 min to ~10 min, in ~/notes/~old\n- `a ~b~ c`\n", "p.md")
    texts = [u.text for u in note.units]
    assert texts[0] == "~~Brandt arrives in 1910~~ — moved to 1911."  # Bear's one tilde, as markdown's two
    assert texts[1] == "The ~~old~~ new plan"
    assert texts[2] == "about ~5 min to ~10 min, in ~/notes/~old"  # no pair of tildes around words
    assert texts[3] == "`a ~b~ c`"  # code as written


def test_a_multi_word_tag_filters_notes(tmp_path, embedder):
    from notesqa import build_index
    from notesqa.search import NotesIndex

    (tmp_path / "n").mkdir()
    (tmp_path / "n" / "a.md").write_text("# A\n\nThe sourdough starter needs feeding. #book notes#\n")
    (tmp_path / "n" / "b.md").write_text("# B\n\nThe sourdough starter is in the fridge. #book\n")
    build_index(tmp_path / "n", tmp_path / "ix", embedder=embedder)
    hits = NotesIndex.open(tmp_path / "ix", embedder=embedder).search('tag:"book notes" sourdough starter')
    assert [h.path for h in hits] == ["a.md"]


def test_reading_tools_exports_read_as_their_apps_show_them():
    # trial X: Zotero, Readwise, Kindle and Omnivore exports
    zotero = parse_note("# P\n\n### Yellow\n\n> [!quote|#ffd400] Highlight\n> Guidance beats discovery.\n"
                        "> [(p. 75)](zotero://open-pdf/library/items/K?page=75)\n\n> [!note] Comment\n> Too strong.\n\n"
                        "> [!note] Page 370\n>\n> The best gap grows.\n\n[attachment](<file:///Users/m/a b.pdf>)\n",
                        "Zotero/@k.md")
    assert zotero.tags == ()  # the callout's colour is no #tag
    units = {u.text: u for u in zotero.units}
    assert units["Guidance beats discovery.\n(p. 75)"].parents == ("Highlight",)  # the |colour is not text
    assert units["Too strong."].parents == ("Highlight", "Guidance beats discovery.\n(p. 75)", "Comment")  # its highlight's
    assert units["The best gap grows."].parents == ("Page 370",)  # a title, then a ">" line, heads the text
    assert "attachment" in units  # a file: link reads as its label
    readwise = parse_note("# Deep Work\n\n![rw-book-cover](https://images.x/I/a.jpg)\n\n## Highlights\n\n"
                          "- Deep work is focus ([Location 75](https://readwise.io/x))\n    - **Tags:** #favorite\n",
                          "Readwise/Books/Deep Work.md")
    assert [(u.text, u.tags) for u in readwise.units] == [("Deep work is focus (Location 75)", ("favorite",))]
    kindle = parse_note("## Highlights\nA residue of attention stays. — location: [560](kindle://x)\n\n"
                        "Source is Leroy 2009.\n\n---\nEnd each day with a shutdown ritual. — location: [2100](kindle://y)\n",
                        "Kindle/Deep Work.md")
    assert [(u.text, u.parent, u.after_rule) for u in kindle.units] == [
        ("A residue of attention stays. — location: 560", None, False), ("Source is Leroy 2009.", 0, False),
        ("End each day with a shutdown ritual. — location: 2100", None, True)]  # a comment under its highlight


def test_a_readwise_metadata_list_is_the_notes_record_and_link_tags_are_tags():
    # trial s46: "Full Title: Sapiens ..." had come first for "what did I rate Sapiens", "Tags: [[learning]]" was text
    # and "(View Highlight)" ended every article's highlight
    text = ("# Make It Stick\n\n## Metadata\n- Author: [[Peter Brown]]\n- Full Title: Make It Stick: The Science\n"
            "- Document Tags: [[career]]\n- Summary: Retrieval beats rereading.\n\n## Highlights\n"
            "- Retrieval practice works. ([Location 122](https://readwise.io/to_kindle?x=1))\n"
            "    - Tags: [[learning]] [[favorite]]\n"
            "- Spacing helps. ([View Highlight](https://read.readwise.io/read/abc))\n")
    note = parse_note(text, "Books/Make It Stick.md")
    assert note.tags == ("career", "learning", "favorite") and note.credits == ("Peter Brown",)
    assert note.aliases == ("Make It Stick: The Science",)
    assert [(u.text, u.thin) for u in note.units] == [
        ("Author: Peter Brown", True), ("Full Title: Make It Stick: The Science", True),
        ("Summary: Retrieval beats rereading.", False),  # what the book says: no record field
        ("Retrieval practice works. (Location 122)", False), ("Spacing helps.", False)]
    assert {"learning", "favorite"} <= set(note.units[3].tags)
    assert note.text_chars == note.heading_chars + sum(visible_chars(u.text) for u in note.units)  # none said lost
    # a list of fields under another heading is what the note says, and so is a "## Metadata" of no reading tool's
    plain = parse_note("# Trip\n\n## Plan\n- Author: me\n- Title: draft\n", "t.md")
    assert [u.thin for u in plain.units] == [False, False] and plain.credits == ()
    data = parse_note("# Buoy data\n\n## Metadata\n- Source: NOAA buoy 44013\n- Author: Kim\n", "d.md")
    assert [u.thin for u in data.units] == [False, False] and data.credits == ()  # (the review)


def test_a_rule_then_a_label_and_its_list_is_read_and_a_citation_is_no_export():
    # trial Y: "---", a label and a list had made the whole note fail ("could not be parsed")
    note = parse_note("Intro paragraph.\n\n---\n\nPros\n\n- fast\n- cheap\n", "r.md")
    assert [(u.text, u.after_rule) for u in note.units] == [("Intro paragraph.", False), ("Pros", True),
                                                             ("fast", False), ("cheap", False)]
    # a note's own "(p. 12)" is a citation: the paragraph after it is not a comment on it
    note = parse_note("# N\n\nSpacing improves recall (p. 12).\n\nAnother thought entirely.\n", "n.md")
    assert [u.parent for u in note.units] == [None, None]


def test_a_file_embedded_in_a_sentence_reads_as_its_name_a_picture_drops_out():
    # trial s36b: "where is the washing machine receipt?" found "Washing machine receipt:" and nothing after it
    units = parse_note("# Inv\n\n- Washing machine receipt: ![[docs/washer-receipt.pdf]]\n- Stopcock photo: "
                       "![[stopcock.jpg]]\n\n![[scan.pdf]]\n", "Inv.md").units
    # ... and a picture a label names, nothing after it, by its name too (trials s68 W, s69 J: "Cabinet layout
    # photo:" had been a hit that said nothing); one in a sentence drops out
    assert [u.text for u in units] == ["Washing machine receipt: washer-receipt.pdf", "Stopcock photo: stopcock.jpg"]
    units = parse_note("# P\n\n- the view ![[view.jpg]] from the top\n- Photo of the line-up:\n  ![[line-up.jpg]]\n", "P.md").units
    assert [u.text for u in units] == ["the view from the top", "Photo of the line-up:\nline-up.jpg"]


def test_a_raised_html_number_reads_raised_not_glued_to_its_word():
    # trial s36b: "UK gov foreign travel advice<sup>1</sup>" read "advice1"
    text = parse_note("# V\n\nThe travel advice<sup>1</sup> and H<sub>2</sub>O, x<sup>2</sup>.\n", "v.md").units[0].text
    assert text == "The travel advice^1 and H2O, x^2."
    # an ordinal's letters stay with their number: a day stays a day (the second review)
    note = parse_note("# T\n\n## March 3<sup>rd</sup>, 2024\n\n- the 21<sup>st</sup> century\n", "t.md")
    assert note.units[0].text == "the 21st century" and chunk_note(note)[0].date == "2024-03-03"
    # a note of only files embedded is one passage naming them, two on two lines too (the second review)
    assert [u.text for u in parse_note("# Scans\n\n![[a.pdf]]\n![[b.pdf]]\n", "s.md").units] == ["Attached: a.pdf, b.pdf"]


def test_a_comment_mark_inside_indented_code_is_code():
    # a MATLAB cell ("%% Load data") in an indented code block had hidden every line up to the next %%, prose too
    text = "# Fit\n\nThe script:\n\n    %% Load data\n    x = 1;\n\nThe fit converged.\n\n    %% Plot\n    plot(x)\n"
    assert strip_comments(text) == text
    assert strip_comments("Text %% hidden %% here\n\n    <!-- kept -->\n") == "Text  here\n\n    <!-- kept -->\n"


def test_indented_lines_of_a_list_are_not_code():
    text = "- item\n\n    continued %% hidden %% text\n"
    assert indented_code(text) == frozenset()
    assert "hidden" not in strip_comments(text)


def test_indented_code_right_after_a_heading_and_after_a_line_separator_is_code():
    # (the review: the pre-check had wanted a blank line before the code, and a U+2028 earlier had shifted the
    # code's line numbers, so a comment in prose was shown and the code's was taken out)
    text = "# Analysis\n## Script\n    %% Load data\n    x = 1;\n\nThe fit. %% a draft %%\n"
    assert strip_comments(text) == "# Analysis\n## Script\n    %% Load data\n    x = 1;\n\nThe fit. \n"
    text = "Copied:\u2028see below\n\n    disp(x) %% show it\n\nIt converged %% draft %% well.\n"
    assert strip_comments(text) == "Copied:\u2028see below\n\n    disp(x) %% show it\n\nIt converged  well.\n"


def test_template_commands_table_of_contents_markers_and_inline_queries_are_no_text():
    # trial s47: "<% tp.file.title %>" of a 1:1 made from a template in every breadcrumb, "[TOC]" a passage,
    # "notes in vault: `$= dv.pages().length`" a hit
    note = parse_note("# 1:1 — <% tp.file.title %>\n\n[TOC]\n\n## <% tp.date.now(\"YYYY-MM-DD\") %>\n\n"
                      "- notes in vault: `$= dv.pages().length`\n- prds: `= length(filter(x))`\n"
                      "- excel `=SUM(A1:A3)` and <%* tR += 1 %> done\n", "a.md")
    assert [u.text for u in note.units] == ["notes in vault:", "prds:", "excel `=SUM(A1:A3)` and done"]
    assert all("<%" not in h for u in note.units for h in u.heading)
    # ... not two "<%" and "%>" of a sentence, nor a code span of another app (the review)
    # (a script's block over lines is the template's: the second review)
    script = parse_note("Title: <%* let t = await tp.system.prompt(\"t\")\nif (t) { %>done<%* } %> end\n", "s.md")
    assert script.units[0].text == "Title: done end"
    prose = parse_note("must stay <% 1 of requests\nand 50%> is bad\n\n- q `=this.file.name` r `=SUM(A1)`\n", "c.md")
    assert [u.text for u in prose.units] == ["must stay <% 1 of requests\nand 50%> is bad", "q r `=SUM(A1)`"]
    # ... but code blocks keep them, as written
    code = parse_note("```\n<% tp.file.title %>\n[TOC]\n```\n", "b.md")
    assert code.units[0].text == "<% tp.file.title %>\n[TOC]"


def test_a_tags_field_after_a_notes_tags_on_their_line_is_its_tags_not_text():
    # trial s61 YA: "#endo tags:: condition" under "# Hypothyroidism" had been the parent of every bullet, its
    # "tags::" in the breadcrumbs
    from notesqa.markup import field_tags, only_tags

    assert only_tags("#endo tags:: condition") and field_tags("#endo tags:: condition, thyroid") == ["condition",
                                                                                                       "thyroid"]
    assert not only_tags("#endo see tags:: condition") and field_tags("#endo") == []
    note = parse_note("# Hypothyroidism\n#endo tags:: condition\n\n- levothyroxine\n  - 1.6 mcg/kg/day\n",
                      "Conditions/Hypothyroidism.md")
    assert note.tags == ("endo", "condition") and [u.parents for u in note.units] == [(), ("levothyroxine",)]


def test_links_side_by_side_read_apart():
    # trial s61 YA: "see [[Trainer meeting - ESR prep]] [[ARCP 2026]]" had read as one name, "... ESR prep ARCP 2026"
    inline = Inline("a.md")
    assert inline.render("see [[Trainer meeting - ESR prep]] [[ARCP 2026]]") == "see Trainer meeting - ESR prep, ARCP 2026"
    assert inline.render("[[A|alias]] [[B]] notes") == "alias, B notes"
    assert inline.render("![[x.png]] [[B]]").strip() == "B"  # (not after an embed, which drops out)


def test_a_picture_dropped_from_inside_brackets_leaves_no_space_before_the_bracket():
    # trial s72 T: "being monitored (photo ![[shadow-melanoma-jun26.jpg]])" had read "(photo )"
    inline = Inline("a.md")
    assert inline.render("Melanoma under tail (photo ![[shadow-melanoma-jun26.jpg]])") == "Melanoma under tail (photo)"
    assert inline.render("shown [photo ![[a.png]]] here") == "shown [photo] here"
    assert "\x00" not in inline.render("see ![[x.png]] here") and inline.render("![[x.png]]") == ""
