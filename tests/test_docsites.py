"""Docs-as-code dialects (docsites.py): MkDocs Material, Docusaurus and Hugo read as their sites show them."""

from notesqa.docsites import site_markup, toml_front_matter
from notesqa.notefiles import discover_notes
from notesqa.parsing import parse_note

from conftest import write


def test_mkdocs_admonitions_and_tabs_are_callouts_not_code():
    # trial Z: an admonition's indented body had been read as code, its "!!!" marker shown
    text = ('# Payments API\n\n!!! warning "Idempotency keys are mandatory"\n\n    Every `POST` needs a key.\n'
            '    Keys expire after 24 hours.\n\n??? info "Swapping a shift"\n    Ask in the channel.\n\n=== "Python"\n\n'
            '    ```python\n    client.charge(amount=5)\n    ```\n\nNormal text after.\n\nSetext heading\n===\n')
    assert len(site_markup(text, "a.md").split("\n")) == len(text.split("\n"))  # line for line
    units = [(u.line, u.kind, u.text, u.parents) for u in parse_note(text, "docs/payments.md").units]
    assert units == [(5, "quote", "Every `POST` needs a key.\nKeys expire after 24 hours.", ("Idempotency keys are mandatory",)),
                     (9, "quote", "Ask in the channel.", ("Swapping a shift",)),
                     (13, "code", "client.charge(amount=5)", ("Python",)), (17, "paragraph", "Normal text after.", ())]


def test_docusaurus_admonitions_and_mdx_are_read_as_the_page_shows_them(tmp_path):
    text = ("---\ntitle: Webhooks\n---\nimport Tabs from '@theme/Tabs';\n\n{/* internal note */}\n\n"
            ":::caution Leaked keys\nRevoke a leaked key at once.\n\n- then rotate it\n:::\n\n<Tabs>\n<TabItem value=\"py\" "
            "label=\"Python\">\n\nSigned with HMAC.\n\n```python\nimport hmac\n```\n\n</TabItem>\n</Tabs>\n")
    note = parse_note(text, "docs/webhooks.mdx")
    assert [(u.text, u.parents) for u in note.units] == [("Revoke a leaked key at once.", ("Leaked keys",)),
                                                          ("then rotate it", ("Leaked keys",)), ("Python", ()),
                                                          ("Signed with HMAC.", ()),
                                                          ("import hmac", ())]  # an example's import is code
    write(tmp_path / "docs" / "webhooks.mdx", text)  # trial Z: .mdx pages had been skipped without a word
    assert [p.name for p in discover_notes(tmp_path)[0]] == ["webhooks.mdx"]


def test_hugo_toml_front_matter_is_the_notes_metadata():
    text = '+++\ntitle = "Checkout outage"\ndate = 2024-03-12\ntags = ["postmortem"]\n+++\n\nThe LB certificate expired.\n'
    meta, rest = toml_front_matter(text)
    assert meta["title"] == "Checkout outage" and rest.count("\n") == text.count("\n")
    note = parse_note(text, "content/postmortems/_index.md")
    assert (note.title, note.date, note.tags) == ("Checkout outage", "2024-03-12", ("postmortem",))
    assert [(u.line, u.text) for u in note.units] == [(7, "The LB certificate expired.")]
    assert toml_front_matter('+++\ntitle = "unclosed\n+++\ntext\n')[0] == {}  # TOML that does not read: text
