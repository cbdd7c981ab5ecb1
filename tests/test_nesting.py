from notesqa.parsing import parse_note


def _outline(depth: int) -> str:
    return "# Deep\n\n" + "\n".join("  " * i + f"- level{i} word{i}" for i in range(depth)) + "\n"


def test_an_outline_deeper_than_the_limit_is_read_to_its_last_level_and_said():
    # markdown-it stops at its nesting limit; the rest of the item, and the paragraph after the list, had been
    # dropped without a word
    note = parse_note(_outline(90) + "\nafter the outline\n", "deep.md")
    text = " ".join(u.text for u in note.units)
    assert all(f"word{i}" in text for i in range(90))
    assert "after the outline" in text
    assert note.problem is not None and "lines 77-92 nested deeper than 74 levels" in note.problem.reason
    assert note.lost == ()
    deepest = next(u for u in note.units if "word89" in u.text)
    assert deepest.line == 92 and deepest.heading == ("Deep",)


def test_an_outline_within_the_limit_is_left_alone():
    note = parse_note(_outline(74), "deep.md")
    assert note.problem is None and note.lost == ()
    assert next(u for u in note.units if "word73" in u.text).depth == 74

