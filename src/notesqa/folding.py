"""Text compared with its accents not counting ("Sofía" is "Sofia"): the one rule the keyword index, quoted
phrases and breadcrumbs share. Light: the standard library only."""

from __future__ import annotations

import unicodedata


def unaccented(text: str) -> str:
    """text without its accents: its combining marks after NFKD ("é" -> "e"; "ß" and "ø" stay)."""
    if text.isascii():  # most text: nothing to take out
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def folded(text: str) -> str:
    """text case-folded, without its accents ("Straße" -> "strasse", "Sofía" -> "sofia")."""
    return unaccented(text.casefold())
