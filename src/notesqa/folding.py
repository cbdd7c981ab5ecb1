"""Text compared with its accents not counting ("Sofía" is "Sofia"): the one rule the keyword index, quoted
phrases and breadcrumbs share. Light: the standard library only."""

from __future__ import annotations

import unicodedata


_KEPT_MARKS = frozenset("\u3099\u309a")  # kana's voicing marks: ベ is not ヘ (trial s35: "食べる" in quotes found nothing)


def unaccented(text: str) -> str:
    """text without its accents: its combining marks after NFKD ("é" -> "e"; "ß" and "ø" stay), what is left
    composed again (ベ, a Korean syllable stay as written)."""
    if text.isascii():  # most text: nothing to take out
        return text
    kept = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
                   or ch in _KEPT_MARKS)
    return unicodedata.normalize("NFC", kept)


def folded(text: str) -> str:
    """text case-folded, without its accents ("Straße" -> "strasse", "Sofía" -> "sofia")."""
    return unaccented(text.casefold())
