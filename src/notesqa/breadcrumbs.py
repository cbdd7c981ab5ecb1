"""How many parent bullets a passage is named by: the rule the breadcrumb (hits.py) and what the model embeds for a
passage (chunking.py) share, here so neither stage imports the other."""

from __future__ import annotations

from typing import Sequence

MAX_PARENTS = 8  # parent bullets a breadcrumb (and what the model embeds) names: a deep outline's first and nearest


def near_parents(parents: Sequence[str]) -> list[str]:
    """The parents a breadcrumb names: all of up to MAX_PARENTS, else the first two, "…" and the nearest ones (trial
    s38: an outline 30 levels deep; its 29 parents had filled the model's window before the bullet's own words)."""
    if len(parents) <= MAX_PARENTS:
        return list(parents)
    return [*parents[:2], "…", *parents[len(parents) - (MAX_PARENTS - 3):]]
