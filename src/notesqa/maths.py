"""How the model reads maths: LaTeX as the symbols and words it stands for.

The shown text keeps the note's LaTeX as written; what is embedded reads
"\\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V" as "softmax(QK^⊤/√(d_k))V", which the
model can relate to a question, and a passage that is only a formula says so (trial E: the attention
formula ranked 15th for "what's the attention formula?").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .markup import CODE_SPAN

# $$display$$ and $inline$ maths as the parser reads them (pandoc's rules: no space inside the dollars, no
# digit right after the closing one, so "$5 or $15" is no maths); not inside a code span. One group, the span
# with its dollars: the chat splits text by it (ui/render.py)
MATHS = re.compile(r"(\$\$.+?\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\d$]))", re.DOTALL)
_COMMAND_SPACE = re.compile(r"(\\[A-Za-z]+)(?=\s)")


def has_maths(text: str) -> bool:
    return "$" in text and MATHS.search(CODE_SPAN.sub(" ", text)) is not None


def read_maths(text: str) -> str:
    """text with each maths span read as the symbols it stands for; a passage that is one display formula
    and nothing else reads "formula: ..." ."""
    if not has_maths(text):
        return text
    whole = MATHS.fullmatch(text.strip())
    if whole is not None and whole.group(1).startswith("$$"):
        return f"formula: {_reading(_inside(whole.group(1)))}"
    spans = [m.span() for m in CODE_SPAN.finditer(text)]
    return MATHS.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in spans)
                     else _reading(_inside(m.group(1))), text)


def _inside(span: str) -> str:
    """A maths span without its dollars."""
    fence = 2 if span.startswith("$$") else 1
    return span[fence:-fence]


@lru_cache(maxsize=4096)
def _reading(latex: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    try:
        # a space after a command is kept ("\\log n" reads "log n", not "logn")
        out = LatexNodes2Text(math_mode="text", strict_latex_spaces=False).latex_to_text(
            _COMMAND_SPACE.sub(r"\1{}", latex))
    except Exception:  # noqa: BLE001 - a formula the parser cannot read is embedded as written
        return latex
    return " ".join(out.split()) or latex
