"""A Notion database page's properties: the `Key: value` lines its export writes under the page's title.

Notion's "Markdown & CSV" export writes a database row as a page that opens with `# Title`, a blank
line, then one line a property (`Status: Done`, `Tags: onboarding, mobile`, `Date: March 4, 2024`,
`Study: Title (../Studies%20<id>/Title%20<id>.md)`, a relation to another page). Notion shows them
above the page, as its metadata: `Tags` are the page's tags, `Date` (or `Created`, or the start of
`Dates`) its day, the others (`Tags` too) are shown once as the page's header, and a relation reads as the page it
names and links to it. The block is read so only when it is surely one: right after the page's first
heading, every line a property with a short key, two at least, in a Notion export (a page named with
Notion's id) or with a relation only Notion writes; a note that opens "Note: ..." is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .metadata import JOURNAL_DAY, as_date, calendar_day
from .notefiles import in_notion_export

_PROPERTY = re.compile(r"^([A-Za-z][\w .'&/()?-]{0,29}?):[ \t]+(\S.*?)[ \t]*$")  # "Status: Done"
# a relation's value: the page's title, then its file, url-encoded ("Title (../Studies%20<id>/Title%20<id>.md)")
RELATION = re.compile(r"(?<=\S) \(([^()\s<>]+\.md)\)")
TAG_KEYS = ("tags", "tag")
DATE_KEYS = ("date", "created", "dates", "created time")  # the page's day (a range's start)


@dataclass(frozen=True)
class Properties:
    """A page's property block: its lines (0-based, first..last) and each key's value as written."""

    first: int
    last: int
    values: dict[str, str] = field(default_factory=dict)

    def tags(self) -> list[str]:
        """The page's tags: a multi-select's values ("onboarding, mobile"); not a sentence written there."""
        return [t for key in TAG_KEYS for t in _tag_values(self._value(key))]

    def date(self) -> str | None:
        """The page's day: its Date, Created or Dates (a range's first day), as an ISO date."""
        return next((day for key in DATE_KEYS if (day := _day(self._value(key))) is not None), None)

    def fields(self) -> dict[str, str]:
        """The properties by their keys in lower case, relations as their pages' titles (for credits:
        Participants, Author)."""
        return {key.lower(): without_relations(value) for key, value in self.values.items()}

    def meta_offsets(self) -> set[int]:
        """The lines of the block (from its first) that are its day, metadata not shown; a line that reads as
        none ("Date: sometime in May") stays text. Its tags are shown too, as Notion shows them, and so found by
        their words (trial s38: "interviews" had not found The Mom Test, tagged "business, interviews")."""
        return {i for i, (key, value) in enumerate(self.values.items()) if key.lower() in DATE_KEYS and _day(value)}

    def _value(self, key: str) -> str:
        return next((v for k, v in self.values.items() if k.lower() == key), "")


def _day(value: str) -> str | None:
    """A date property's day, ISO ("March 4, 2024", "2024-03-04", a range's first day); None for prose."""
    m = re.search(JOURNAL_DAY, value)
    return calendar_day(m[1], m[2], m[3]) if m else as_date(value.lstrip("@ ").split(" → ")[0].strip())


def _tag_values(value: str) -> list[str]:
    """A multi-select's values, each a few words ("user research"); none when one is a sentence."""
    values = [t.strip() for t in value.split(",") if t.strip()]
    return values if all(len(t.split()) <= 3 for t in values) else []


def page_properties(text: str, rel: str) -> Properties | None:
    """The property block of a Notion page (see the module's docstring), or None."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    if at is None or not lines[at].startswith("# "):
        return None
    first = next((i for i in range(at + 1, len(lines)) if lines[i].strip()), None)
    if first is None:
        return None
    values: dict[str, str] = {}
    last = first
    while last < len(lines) and lines[last].strip():
        m = _PROPERTY.match(lines[last])
        if m is None or m.group(1) in values:
            return None  # a line that is no property: a paragraph of prose
        values[m.group(1)] = m.group(2)
        last += 1
    if len(values) < 2 or not (in_notion_export(rel) or any(RELATION.search(v) for v in values.values())):
        return None
    return Properties(first, last - 1, values)


def counted_text(text: str, props: Properties) -> str:
    """text as its characters of notes text are counted: the block's metadata lines and its relations'
    files left out, as the header shows it."""
    lines = text.split("\n")
    meta = props.meta_offsets()
    for i in range(props.first, props.last + 1):
        lines[i] = "" if i - props.first in meta else without_relations(lines[i])
    return "\n".join(lines)


def relation_targets(text: str, props: Properties) -> list[tuple[int, str]]:
    """The pages the block's relations link to: (offset in text, href as written)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out = []
    for i in range(props.first, props.last + 1):
        line = text[starts[i]:starts[i + 1] - 1]
        out += [(starts[i] + m.start(1), m.group(1)) for m in RELATION.finditer(line)]
    return out


def without_relations(line: str) -> str:
    """A property line as Notion shows it: a relation as its page's title ("Study: Acme study")."""
    return RELATION.sub("", line)
