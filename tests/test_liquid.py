"""Jekyll Liquid and comments removed before parsing (liquid.py), lines kept."""

from notesqa.liquid import strip_non_content
from notesqa.parsing import parse_note


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
