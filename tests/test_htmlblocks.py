"""HTML blocks (notesqa.htmlblocks and the parser): Notion's callouts and toggles read as Notion shows
them, any other HTML block's text read, and the source view showing no tags."""

from __future__ import annotations

from notesqa.htmlblocks import as_markdown, block_text, furigana
from notesqa.parsing import parse_note
from notesqa.textchars import visible_chars
from notesqa.ui.render import render_markdown
from notesqa.ui.sources import readable_source

CALLOUT = """# October 14, 2022

Ten interviews in three weeks was too many.

<aside>
🧠 Rule for next time: **never more than 2 sessions a day**, and one day with no calls.

</aside>

After it.
"""

TOGGLE = """# Interview with Dana

## Key moments

> "I just want to see a doctor, not fill out a tax return."

<details>
<summary>Raw notes</summary>

- 00:03 opens app, taps "Get started"
- 00:09 swipes through tutorial without reading

</details>

## Follow-ups
"""


def test_a_callout_is_a_quote_line_for_line():
    out = as_markdown(CALLOUT)
    assert out.count("\n") == CALLOUT.count("\n")
    assert out.split("\n")[4:8] == ["", "> 🧠 Rule for next time: **never more than 2 sessions a day**, and one day "
                                    "with no calls.", ">", ""]


def test_a_callout_is_indexed_as_notion_shows_it():
    units = parse_note(CALLOUT, "day.md").units
    callout = [u for u in units if "sessions" in u.text]
    assert [(u.kind, u.line, u.text) for u in callout] == [
        ("quote", 6, "🧠 Rule for next time: never more than 2 sessions a day, and one day with no calls.")]
    assert units[-1].text == "After it." and units[-1].kind == "paragraph"


def test_a_callout_icon_on_a_line_of_its_own_is_no_text():
    units = parse_note("<aside>\n💡\n\nQuote in days, never in hours.\n</aside>\n", "a.md").units
    assert [(u.kind, u.text) for u in units] == [("quote", "Quote in days, never in hours.")]


def test_a_one_line_callout_and_one_with_no_end_is_left_as_written():
    assert as_markdown("<aside>💡 Short.</aside>\n") == "> 💡 Short.\n"
    assert as_markdown("<aside>\nno end\n") == "<aside>\nno end\n"
    assert as_markdown("```\n<aside>\n```\n</aside>\n") == "```\n<aside>\n```\n</aside>\n"  # code is as written


def test_a_toggle_heads_its_content():
    units = parse_note(TOGGLE, "dana.md").units
    shown = [(u.kind, u.text, u.parents, u.heading) for u in units]
    assert shown == [
        ("quote", '"I just want to see a doctor, not fill out a tax return."', (), ("Interview with Dana", "Key moments")),
        ("bullet", "Raw notes", (), ("Interview with Dana", "Key moments")),
        ("bullet", '00:03 opens app, taps "Get started"', ("Raw notes",), ("Interview with Dana", "Key moments")),
        ("bullet", "00:09 swipes through tutorial without reading", ("Raw notes",),
         ("Interview with Dana", "Key moments"))]
    assert [u.line for u in units] == [5, 8, 10, 11]


def test_a_toggle_in_a_callout_and_a_summary_on_the_details_line():
    text = "<aside>\n<details><summary>More <b>info</b></summary>\n\nHidden text.\n</details>\n</aside>\n"
    assert as_markdown(text) == "\n> - More info\n>\n>     Hidden text.\n\n\n"


def test_the_source_view_shows_no_tags():
    for text in (CALLOUT, TOGGLE):
        page = render_markdown(readable_source(text), None, "a.md", None)
        for tag in ("aside", "details", "summary"):
            assert f"&lt;{tag}" not in page and f"&lt;/{tag}" not in page
    page = render_markdown(readable_source(CALLOUT), None, "a.md", None)
    assert "<blockquote>" in page and "never more than 2 sessions a day" in page
    assert "Raw notes</p>" in render_markdown(readable_source(TOGGLE), None, "a.md", None)


def test_another_html_block_is_read_as_its_text():
    text = ("# Page\n\n<div class=\"note\">\n<p>Caf&eacute; hours: <b>8 to 4</b></p>\n"
            "<!-- not text --><script>var x = 1;</script>\n</div>\n\n"
            "<table>\n<tr><th>Task</th><th>Success</th></tr>\n<tr><td>Book</td><td>8/8</td></tr>\n</table>\n")
    units = parse_note(text, "page.md").units
    assert [(u.kind, u.text, u.line) for u in units] == [
        ("paragraph", "Café hours: 8 to 4", 3), ("table_row", "Task: Book | Success: 8/8", 10)]  # a row at its line
    assert parse_note(text, "page.md").lost == ()


def test_block_text_keeps_placeholders_written_as_text():
    assert block_text("<my-pod>\nkubectl logs <pod-name> &amp; more\n") == [
        "<my-pod>", "kubectl logs <pod-name> & more"]


def test_inline_html_reads_as_a_browser_shows_it():
    note = parse_note("# Tiles\n\nMonday.<br>The grout is anthracite grey.<br/>Spares in the garage.\n\n"
                      'See <img src="wall.jpg" alt="the tiled bathroom wall"> here.\n\n'
                      '<div>\n<img src="a.png" alt="floor plan of the flat">\n<p>Measured on <b>Sunday</b></p>\n</div>\n',
                      "t.md")
    texts = [u.text for u in note.units]
    assert texts[0] == "Monday.\nThe grout is anthracite grey.\nSpares in the garage."  # not "Monday.The grout"
    assert texts[1] == "See the tiled bathroom wall here."  # a picture's alt text, as a markdown picture's
    assert texts[2] == "floor plan of the flat\nMeasured on Sunday"


def test_html_tags_and_link_definitions_are_no_text_to_cover():
    from notesqa.textchars import note_text_chars

    tagged = 'See <img src="wall.jpg" alt="the wall"> and <kbd>Ctrl</kbd> <pod-name> here.\n'
    assert note_text_chars(tagged) == note_text_chars("See the wall and Ctrl <pod-name> here.\n")
    linked = "See [the docs][d].\n\n[d]: https://example.com/a/very/long/address/of/the/docs\n"
    assert note_text_chars(linked) <= note_text_chars("See the docs d.\n")
    footnote = "Text[^1].\n\n[^1]: a footnote is text\n"
    assert note_text_chars(footnote) == note_text_chars("Text.\n\na footnote is text\n")


def test_an_html_tables_rows_are_rows_of_cells_whatever_divs_are_in_them():
    from notesqa.htmlblocks import block_parts

    # Evernote writes each cell's text in a <div>: a cell is still one value, a row one line
    table = ('<div>Costs\\.</div><table><tbody><tr><td><div><span style="font-weight: bold;">Council tax&nbsp;(Band D)'
             '</span></div></td><td><div>£162.50</div></td></tr><tr><th>Water</th><td>£41.20</td></tr></tbody></table>'
             '<div>Total</div>')
    assert block_parts(table) == [("lines", ["Costs."]),
                                  ("table", [(0, [("Council tax (Band D)", True), ("£162.50", False)]),
                                             (0, [("Water", True), ("£41.20", False)])]),
                                  ("lines", ["Total"])]


def test_furigana_reads_as_the_word_then_its_reading():
    # trial s35: <ruby>朝<rt>あさ</rt></ruby>ご<ruby>飯<rt>はん</rt></ruby> had read "朝あさご飯はん", and "食べる" had not
    # found "<ruby>食<rt>た</rt></ruby>べる" (its words apart)
    assert furigana("<ruby>食<rt>た</rt></ruby>べる – to eat") == "食べる（たべる） – to eat"
    assert furigana("<ruby>朝<rt>あさ</rt></ruby>ご<ruby>飯<rt>はん</rt></ruby>") == "朝ご飯（あさごはん）"
    assert furigana("お<ruby>茶<rp>(</rp><rt>ちゃ</rt><rp>)</rp></ruby>を飲む") == "お茶を（おちゃを）飲む"
    assert furigana("<ruby><rb>漢</rb><rt>かん</rt><rb>字</rb><rt>じ</rt></ruby>") == "漢字（かんじ）"
    assert furigana("a <ruby>cat<rt>neko</rt></ruby>.") == "a cat (neko)."
    assert furigana("no ruby <b>here</b>") == "no ruby <b>here</b>"
    # a sentence's kana around it are not its reading (the review: the whole sentence had been read twice)
    assert furigana("わたしはまいにちこうえんで<ruby>散歩<rt>さんぽ</rt></ruby>をします") == \
        "わたしはまいにちこうえんで散歩（さんぽ）をします"
    assert furigana("<Ruby>漢字<rt>かんじ</rt></Ruby>") == "漢字（かんじ）"


def test_the_notes_apps_furigana_markup_reads_as_ruby_does():
    # trial s48: Obsidian's Markdown Furigana "{承る|うけたまわる}" and Aozora Bunko's "｜承《うけたまわ》る" had been
    # shown raw, and "承る" had not found the second
    assert furigana("- {承る|うけたまわる} — humbly receive") == "- 承る（うけたまわる） — humbly receive"
    assert furigana("{漢字|かん|じ}") == furigana("[漢字]{かんじ}") == furigana("漢字《かんじ》") == "漢字（かんじ）"
    assert furigana("｜承《うけたまわ》る") == "承る（うけたまわる）"
    # not a Logseq macro, two endings in braces, a mapping, an attribute, Chinese's book titles, nor code (the review)
    for text in ("{{cloze 承る}}", "行き{ます|ません}", "{x: 1, y: 漢字|かな}", "[漢字]{.class}", "今天读完《三体》了",
                 "| 鲁迅 | 鲁迅《狂人日记》 | 1918 |", "`{承る|うけたまわる}`"):
        assert furigana(text) == text, text


def test_a_notes_furigana_is_read_so_outside_code():
    page = parse_note("tags:: japanese\n\n- <ruby>食<rt>た</rt></ruby>べる – to eat\n- `<ruby>x<rt>y</rt></ruby>`\n",
                      "pages/Food.md")
    assert [u.text for u in page.units][-2:] == ["食べる（たべる） – to eat", "`<ruby>x<rt>y</rt></ruby>`"]
    note = parse_note("# Food\n\n<ruby>食<rt>た</rt></ruby>べる – to eat\n", "food.md")
    assert [u.text for u in note.units] == ["食べる（たべる） – to eat"]
    assert note.text_chars == visible_chars("食べる（たべる） – to eat") + note.heading_chars  # coverage counts it so


def test_a_paragraph_under_a_toggles_summary_is_under_it_not_its_text():
    # trial s36b: "If it rains" and the paragraph under it read as one line, "If it rains Do Regaleira ..."
    for text in ("<details>\n<summary>If it rains</summary>\n\nDo Regaleira\ninstead.\n\n</details>\n",
                 "<details>\n<summary>If it rains</summary>\nDo Regaleira\ninstead.\n</details>\n"):
        units = parse_note(text, "Sintra.md").units
        assert [(u.text, u.parents) for u in units] == [("If it rains", ()), ("Do Regaleira\ninstead.", ("If it rains",))]
    units = parse_note("<details><summary>Packing</summary>\n\n- socks\n\nAlso a towel.\n</details>\n", "p.md").units
    assert [(u.text, u.parents) for u in units] == [("Packing", ()), ("socks", ("Packing",)), ("Also a towel.", ("Packing",))]
    # code inside a toggle stays code, as written (the second review: "- foo --init" had been put in the code)
    units = parse_note("<details>\n<summary>Install</summary>\n\n```bash\npip install foo\n\nfoo --init\n```\n\n"
                       "Then restart.\n</details>\n", "i.md").units
    assert [(u.kind, u.text) for u in units] == [("bullet", "Install"), ("code", "pip install foo\n\nfoo --init"),
                                                 ("bullet", "Then restart.")]
