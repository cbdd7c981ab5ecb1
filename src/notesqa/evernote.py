"""Evernote notes moved to markdown with Yarle, read as Evernote showed them.

Yarle's default template writes a note as its title, a tags block between two rules, its content, then a
metadata block of lines indented four spaces (an indented code block, to markdown):

    # Osaka food list

    ---
    Tag(s): #japan #food #travel

    ---
    ...the note...

        Created at: 2017-03-28T22:14:02+01:00
        Updated at: 2017-03-28T22:14:02+01:00
        Source URL: https://...
        Notebook: Travel

Templates that put the metadata first write the same indented block under the title, often with the tags in it:

    # Sourdough starter

        Created at: 2019-02-11T09:30:00+00:00
        Updated at: 2019-02-12T10:00:00+00:00
        Source: https://...
        Tag(s): #baking #recipes

The metadata is the note's day (Created at) and notebook, and the tags are its tags: none of it is text to
answer from. Here they become front-matter fields and their lines blank lines (the other lines keep their
numbers). Templates that write the same keys as front matter (`Created at:` in YAML) are read by
metadata.created_value.
"""

from __future__ import annotations

import re

# Yarle's metadata keys (its default template's, and older versions' "Source"), as field names
_KEYS = {"created at": "created", "updated at": "updated", "source url": "source url", "source": "source url",
         "notebook": "notebook", "link to original content": "link to original content", "where": "where",
         "author": "author", "reminder time": "reminder time", "reminder done time": "reminder done time",
         "tag(s)": "tags", "tags": "tags"}
_META_LINE = re.compile(r"^ {2,}(" + "|".join(sorted(map(re.escape, _KEYS), key=len, reverse=True)) + r"): ?(.*)$",
                        re.IGNORECASE)
_TAGS_LINE = re.compile(r"^Tag\(s\):(.*)$")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_TAG = re.compile(r"#([^\s#]+)")


# an Evernote checkbox older Yarle versions leave as its ENML tag: a task item, as Evernote showed it
_EN_TODO = re.compile(r'^(\s*)<en-todo\s+checked="(true|false)"\s*/>\s*', re.MULTILINE | re.IGNORECASE)


def en_todos(text: str) -> str:
    """Evernote's checkboxes left as `<en-todo checked="true"/>` at a line's start, as the task items they are."""
    if "<en-todo" not in text:
        return text
    return _EN_TODO.sub(lambda m: f"{m.group(1)}- [{'x' if m.group(2).lower() == 'true' else ' '}] ", text)


def yarle_metadata(text: str) -> tuple[str, dict]:
    """(text with Yarle's metadata block and tags block blanked, their fields: created, updated, notebook, ...,
    tags); (text, {}) for a note that has neither. The metadata block must say when the note was created."""
    lines = text.split("\n")
    fields: dict = {}
    block = _metadata_block(lines)
    if block is not None:
        for i in range(*block):
            m = _META_LINE.match(lines[i])
            if m is not None:
                key, value = _KEYS[m.group(1).lower()], m.group(2).strip()
                fields.setdefault(key, _tag_names(value) if key == "tags" else value)
            lines[i] = ""
    tags = _tags_block(lines)
    if tags is not None:
        at, words = tags
        fields["tags"] = _tag_names(words)
        lines[at] = ""
        _blank_rules_around(lines, at)
    return ("\n".join(lines), fields) if fields else (text, {})  # (en_todos is the caller's: any note may have them)


def _metadata_block(lines: list[str]) -> tuple[int, int] | None:
    """The lines (start, end) of Yarle's metadata block, the last lines of the note or the first after its
    title, if one is there: a run of metadata lines that says "Created at" and "Updated at" or "Notebook"."""
    for start, end in (_run_at_end(lines), _run_at_top(lines)):
        said = {m.group(1).lower(): m.group(2).strip() for m in map(_META_LINE.match, lines[start:end])}
        # as Yarle writes it: when it was created, and updated or in which notebook, each time a time
        if "created at" in said and said.keys() & {"updated at", "notebook"} \
                and all(_is_time(said[k]) for k in ("created at", "updated at") if k in said):
            return start, end
    return None


# what a time is written with, in whatever format Yarle was set to write it ("2017-03-28T22:14:02+01:00",
# "28.03.2017 22:14", "March 28, 2017 10:14 PM"): digits, separators, month names, AM/PM; not "... by Priya"
_MONTH_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b[ap]\.?m\.?\b|"
                          r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_TIME_CHARS = re.compile(r"^[\d\s:./,+\-TZ]*$")


def _is_time(value: str) -> bool:
    """Is a metadata value a date or a time, as an exporter writes one (four digits or more, nothing else)?"""
    rest = _MONTH_WORDS.sub(" ", value)
    return sum(ch.isdigit() for ch in value) >= 4 and _TIME_CHARS.match(rest) is not None


def _run_at_end(lines: list[str]) -> tuple[int, int]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and _META_LINE.match(lines[start - 1]):
        start -= 1
    return start, end


def _run_at_top(lines: list[str]) -> tuple[int, int]:
    """The metadata lines right under the title (and the blank lines after it), or an empty run."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and lines[start].startswith("# "):
        start += 1
        while start < len(lines) and not lines[start].strip():
            start += 1
    end = start
    while end < len(lines) and _META_LINE.match(lines[end]):
        end += 1
    return start, end


def _tag_names(words: str) -> list[str]:
    """Tags as Yarle writes them: "#japan #food", or without the hashes, "japan, food, road trip" or "japan food"."""
    if "#" in words:
        return _TAG.findall(words)
    return [w.strip() for w in re.split(r",", words) if w.strip()] if "," in words else words.split()


def _tags_block(lines: list[str]) -> tuple[int, str] | None:
    """Where Yarle's "Tag(s): #a #b" line is (between two rules, near the top) and its tags."""
    for i, line in enumerate(lines[:12]):
        m = _TAGS_LINE.match(line)
        if m is None:
            continue
        above = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
        below = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        if _RULE.match(above) and _RULE.match(below):
            return i, m.group(1)
    return None


def _blank_rules_around(lines: list[str], at: int) -> None:
    """The two rules around Yarle's tags line are its furniture: blank, as the line is."""
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and not lines[i].strip():
            i += step
        if 0 <= i < len(lines) and _RULE.match(lines[i]):
            lines[i] = ""
