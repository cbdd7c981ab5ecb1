"""A Dendron vault (VS Code), read the way Dendron shows it.

A vault has `dendron.yml` at its top; its notes are named by a dotted hierarchy
(`dev.airflow.gotchas.md` is Gotchas under dev > airflow), link with the label first
(`[[Airflow gotchas|dev.airflow.gotchas]]`, the opposite of Obsidian), may name another
vault (`[[dendron://notes/dev.python]]`), point at a heading by its slug
(`![[dev.kafka.consumer-lag#check-lag]]`) or at a range of headings (`#a:#b`), and write
hierarchical hashtags (`#spark.tuning`). The rules for each are here, once; markup.py,
vault.py and query.py apply them when the vault is Dendron's.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

SETTINGS = "dendron.yml"
CROSS_VAULT = re.compile(r"^dendron://[^/]*/")  # [[dendron://notes/dev.python]]: the note in that vault


def is_vault(notes_dir: Path) -> bool:
    """A Dendron vault: dendron.yml in the notes folder, or above it (a self-contained vault's notes/)."""
    notes_dir = Path(notes_dir)
    return (notes_dir / SETTINGS).is_file() or (notes_dir.name == "notes" and (notes_dir.parent / SETTINGS).is_file())


def vault_folders(notes_dir: Path, rels) -> frozenset[str]:
    """The folders of the notes (relative; "" the notes folder) that are Dendron vaults: the notes folder when
    is_vault, and each folder of the notes with dendron.yml (a workspace among other apps' notes)."""
    notes_dir = Path(notes_dir)
    folders = {str(PurePosixPath(rel).parent) for rel in rels}
    folders |= {str(p) for f in folders for p in PurePosixPath(f).parents}
    found = {f for f in folders - {"."} if (notes_dir / f / SETTINGS).is_file()}
    return frozenset(found | ({""} if is_vault(notes_dir) else set()))


def in_vault(rel: str, vaults: frozenset[str]) -> bool:
    """Is the note at rel in one of the vault folders (vault_folders)?"""
    return bool(vaults) and ("" in vaults or any(str(p) in vaults for p in PurePosixPath(rel).parents))


def hierarchy(rel: str) -> str:
    """The hierarchy a note is in, as Dendron's tree shows it: "dev.airflow" of dev.airflow.gotchas.md
    ("" for a note at the top of it, root.md or dev.md)."""
    stem = PurePosixPath(rel).name.rsplit(".", 1)[0]
    return stem.rsplit(".", 1)[0] if "." in stem.strip(".") else ""


def under(folder: str, pattern: str) -> bool:
    """Is a note of this hierarchy (its folder and hierarchy, "ops.runbook") in the hierarchy a path filter
    names ("ops", "dev.spark")? Both folded to lower case already."""
    return folder == pattern or folder.startswith(pattern + ".") or folder.startswith(pattern + "/")


_NOT_SLUG = re.compile(r"[^\w\- ]+")


def anchor(heading: str) -> str:
    """A heading as Dendron names it in a link: "## Check lag" is #check-lag (lower case, spaces to hyphens,
    punctuation dropped, as GitHub's slugs)."""
    return _NOT_SLUG.sub("", heading.strip().casefold()).replace(" ", "-")


def heading_range(sub: str) -> tuple[str, str]:
    """A note reference's headings: "frames:#moving-average" is from #frames to #moving-average;
    a single heading is ("gotchas", "")."""
    start, sep, end = sub.partition(":#")
    return (start.strip(), end.strip()) if sep else (sub.strip(), "")
