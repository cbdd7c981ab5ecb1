from notesqa.chunking import chunk_note
from notesqa.maths import has_maths, read_maths
from notesqa.parsing import parse_note


def test_latex_is_read_as_the_symbols_it_stands_for():
    # trial E: the attention formula, embedded as raw LaTeX, ranked 15th for "what's the attention formula?"
    formula = r"$$\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)V$$"
    assert read_maths(formula) == "formula: Attention(Q,K,V) = softmax(QK^⊤/√(d_k))V"
    assert read_maths(r"cost $O(n \log n)$ and $\alpha$ decays") == "cost O(n log n) and α decays"
    # dollars that are no maths, and maths in a code span, stay as written
    for text in ("costs $5 or $15 a month", "run `echo $HOME$`", "no maths here"):
        assert read_maths(text) == text and not has_maths(text)


def test_a_chunk_embeds_its_maths_read_and_shows_it_as_written():
    note = parse_note("# Attention\n\n## Scaled dot-product\n\n$$\\frac{QK^\\top}{\\sqrt{d_k}}$$\n\n"
                      "- why $\\sqrt{d_k}$? large logits saturate the softmax\n", "Lecture 16.md")
    chunks = chunk_note(note)
    assert [c.text for c in chunks] == ["$$\\frac{QK^\\top}{\\sqrt{d_k}}$$",
                                        "why $\\sqrt{d_k}$? large logits saturate the softmax"]
    assert chunks[0].embed.endswith("formula: QK^⊤/√(d_k)")
    assert chunks[1].embed.endswith("why √(d_k)? large logits saturate the softmax")
