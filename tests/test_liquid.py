"""Jekyll Liquid and comments removed before parsing (liquid.py), lines kept."""

from notesqa.liquid import strip_non_content
from notesqa.parsing import parse_note
from notesqa.textchars import note_text_chars, visible_chars


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
    assert texts == ["Intro para.", "See cards here.", "Never nest components.", "Use `{% if page.x %}` in templates."]
    assert [u.line for u in note.units] == [5, 11, 14, 17]



def test_a_card_notes_curly_clozes_read_as_their_answers_template_syntax_does_not():
    # trial s34: the Spaced Repetition plugin's curly clozes had lost their answers, coverage saying 100%
    deck = "---\ntags: [flashcards]\n---\nThe capital of France is {{Paris}}.\n\n- Unwinds DNA: {{helicase}}, since {{1958}}\n"
    assert [u.text for u in parse_note(deck, "caps.md").units] == ["The capital of France is Paris.",
                                                                   "Unwinds DNA: helicase, since 1958"]
    assert note_text_chars(deck) == visible_chars("The capital of France is Paris. Unwinds DNA: helicase, since 1958")
    # any words: dotted, spaced, between other marks (the review: "{{Node.js}}", "{{BRCA1}}/{{BRCA2}}" had gone)
    for markup, read in (("{{Node.js}}", "Node.js"), ("{{BRCA1}}/{{BRCA2}}", "BRCA1/BRCA2"), ("{{ Paris }}", "Paris"),
                         ("{{Paris}}-based", "Paris-based"), ("{{os.path.join}}", "os.path.join")):
        assert strip_non_content(f"Before {markup} after", clozes=True) == f"Before {read} after", markup
    # not template or macro syntax: Hugo shortcodes, Handlebars blocks, Liquid filters, a macro of a link
    for markup, left in (("{{x | upcase}}", ""), ("{{< figure >}}", ""), ("{{#each xs}}", ""), ("#{{tag}}", "#"),
                         ("{{video https://y.tu/x}}", ""), ("{{embed [[Pizza]]}}", "")):
        assert strip_non_content(f"Before {markup} after", clozes=True) == f"Before {left} after", markup
    # in a note that is not one of cards, in a Jekyll page (it has Liquid tags), {{...}} is Liquid; in code it is
    # what the note shows; elsewhere a name alone in it a template's placeholder (below)
    assert strip_non_content("See {{ Paris }}.") == "See ."
    assert strip_non_content("{% assign x = 1 %}\nSee {{Paris}}.", clozes=True) == "\nSee ."
    assert strip_non_content("Type `{{Paris}}` here", clozes=True) == "Type `{{Paris}}` here"


def test_a_placeholder_in_indented_code_is_what_the_code_says():
    note = parse_note("# Deploy\n\nThe template:\n\n    name: {{ service_name }}\n    replicas: 2\n", "deploy.md")
    assert [u.text for u in note.units if u.kind == "code"] == ["name: {{ service_name }}\nreplicas: 2"]


def test_a_templates_placeholder_is_shown_as_one_to_fill_in_not_dropped():
    # trial s69 C: "First few weeks: {{cub_name}} will learn the Cub Promise" had been shown "First few weeks: will
    # learn the Cub Promise"
    note = "# Welcome email\n\n- First few weeks: {{cub_name}} will learn the Promise\n- Dear {{parent_name}},\n"
    assert [u.text for u in parse_note(note, "Templates/Welcome.md").units] == [
        "First few weeks: [cub_name] will learn the Promise", "Dear [parent_name],"]
    # not in a heading (a title's: the file's name), nor front matter, nor Liquid's spaced or dotted variables, a
    # filter, a format, a Jekyll page's, code
    titled = parse_note("---\ntitle: {{title}}\n---\n# {{title}}\n\nWhy {{date}}\n", "Templates/Study.md")
    assert titled.title == "Study" and [u.text for u in titled.units] == ["Why [date]"]
    for kept, read in (("{{ content }}", ""), ("{{site.url}}", ""), ("{{x | upcase}}", ""), ("{{date:YYYY}}", ""),
                       ("`{{name}}`", "`{{name}}`")):
        assert strip_non_content(f"Before {kept} after") == f"Before {read} after", kept
    assert strip_non_content("{% assign x = 1 %}\nDear {{name}},") == "\nDear ,"
