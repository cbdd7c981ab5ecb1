"""What the chat does, without Gradio: answer a turn of a conversation, build, status, examples.

`ChatService` is a NotesService (service.py), which the HTTP API in the same server shares:
one loaded index for the chat and /api/*. Follow-ups ("and in 2023?", "what else about
cells?") are searched together with the previous question (conversation.py), and the
answer says what was searched. No method lets a traceback reach the page: errors become one
readable line.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..chunking import task_state
from ..conversation import (adds_a_thing, asks_for_more, followup_body, followup_kind, only_filters, only_left_out,
                            standalone)
from ..errors import IndexNotFoundError, NotesQAError
from ..hits import Nothing, best_match, no_match, quoted_words, weak
from ..keywords import tokenize
from ..notefiles import archived, in_notion_export, readable_path
from ..grammar import FILTER
from ..periods import days
from ..query import TOP_LEVEL, TOP_LEVEL_NAME, parse_date
from ..service import NotesService
from .render import filters_html, followup_html, hit_html, md_escape, source_href, state_html, summary_html
from .sources import SourceView

log = logging.getLogger("notesqa.ui")

FIRST_BUILD_WAIT = 600  # seconds a question waits for the first index build
# a numbered chapter or section before an example topic: "Ch 5: Replication" asks about "replication"
_DAY_LABEL = re.compile(r"^\s*\d{1,2}\.?\s+[^\W\d]+\.?\s*$")  # "21 mars", "3. Juni": a day and its month
# "2.3 ", "Chapter 4: " before a title; not "1:1 with Priya", a time or a ratio
_NUMBERING = re.compile(r"^(?:(?:ch(?:apter)?|part|section)\.?\s*\d+|\d+(?:\.\d+)*)[:.)\-\s]+(?!\d)", re.I)


@dataclass
class Turn:
    question: str
    standalone: str
    hits: list = field(default_factory=list)
    skipped: set = field(default_factory=set)  # sources shown earlier in a "what else ..." chain
    base: str | None = None  # for a follow-up that adds a thing ("and the worker?"): the question it added to


class ChatService(NotesService):
    """Everything the page does, without Gradio: ask, build, status, examples; `sources` shows notes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = SourceView(self)

    def build_message(self, progress=None, rebuild: bool = False) -> str:
        """Build, and say what happened in one Markdown paragraph. Never raises. A refresh asked for during a full
        rebuild says so instead of waiting for it (trial s38: the queued refresh's report had replaced the
        rebuild's); one during the watcher's refresh waits for it, and reports."""
        if self.rebuilding and not rebuild:
            return ("**A full rebuild is running:** its report comes here when it is done (the index status shows "
                    "its progress).")
        try:
            rep = self.build(progress=progress, rebuild=rebuild)
        except NotesQAError as exc:
            return f"**Index build failed:** {md_escape(str(exc))}"
        except Exception as exc:  # noqa: BLE001
            log.exception("index build failed")
            return f"**Index build failed:** {md_escape(type(exc).__name__)}"
        if rep.notes == 0:
            return f"**Index built**, but the notes folder {md_escape(str(self.notes_dir))} has no markdown notes."
        msg = (f"**Index ready:** {rep.notes} notes, {rep.chunks} chunks ({rep.embedded} embedded, "
               f"{rep.reused} reused, {rep.seconds:.1f}s).")
        if rep.full_rebuild_reason:
            msg += f" Full rebuild: {md_escape(rep.full_rebuild_reason)}."
        if rep.problems:
            msg += " Skipped or repaired: " + "; ".join(md_escape(str(p)) for p in rep.problems[:5])
            if len(rep.problems) > 5:
                msg += f" (and {len(rep.problems) - 5} more)"
        return msg

    # -- asking

    def answer(self, question: str, history: list[Turn], k: int = 5, tags=None, folders=None, after=None,
               before=None) -> tuple[str, Turn]:
        """(HTML answer, turn) for a question in a conversation. Raises NotesQAError for bad filters etc."""
        last = history[-1] if history else None
        # a question that found nothing close does not start a thread: the next is searched as asked
        # (but "anything else?" still asks about it)
        carried = last is not None and (asks_for_more(question) or (last.hits and not weak(last.hits)))
        previous = last.standalone if carried else None
        if carried and last.base is not None and adds_a_thing(question):
            previous = last.base  # "what about staging?" after "and the worker?": both add to the same question
        self._wait_for_first_build()
        if not self.has_index():
            return self._empty_state(), Turn(question, standalone(question, previous))
        idx = self.index()
        turn = Turn(question, standalone(question, previous, idx.note_names_in),
                    base=previous if previous and adds_a_thing(question) else None)
        if history and asks_for_more(question):
            turn.skipped = set(history[-1].skipped) | {h.source for h in history[-1].hits}
        # checked here to name the sidebar's fields in an error, not the in-question after:
        after, before = parse_date(after, "Dated from"), parse_date(before, "Dated until")

        def search(q: str) -> list:
            found = idx.search(q, k=int(k) + len(turn.skipped), tags=tags or None, paths=folders or None,
                               after=after or None, before=before or None)
            return [h for h in found if h.source not in turn.skipped][:int(k)]

        hits = search(turn.standalone)
        plain = " ".join(question.split())
        kind = followup_kind(question) if previous and turn.standalone != plain else None
        if kind == "maybe":
            # "postgres vacuum" after a sourdough question is a new search, "cells?" after one
            # about Werner's keynote a follow-up: keep whichever reading matches better. A note's
            # name ("Ideas") opens that note, whatever came before.
            alone = search(plain)
            if alone and (not hits or _better_alone(alone, hits, plain) or idx.names_a_note(plain)):
                hits, turn.standalone, turn.base = alone, plain, None
        elif kind is not None and adds_a_thing(question):
            # "and Kafka?" after a question about promoting a Postgres replica: when no hit of the two together says
            # Kafka and Kafka's own first hit does, a new subject (trial s37: five Postgres hits had come back)
            alone = search(plain)
            if alone and _says_own(alone, plain) and not _says_own(hits, plain):
                hits, turn.standalone, turn.base = alone, plain, None
        elif kind is not None and only_filters(plain) and not only_left_out(plain) and weak(hits):
            # a filter alone ("tag:fiction") that leaves nothing close to the question before: the notes it lists,
            # as it lists them asked first (trial s38: "Nothing matches", one fiction book at relevance 0.13)
            alone = search(plain)
            if alone:
                hits, turn.standalone, turn.base = alone, plain, None
        turn.hits = hits
        query = turn.standalone
        head = followup_html(query, len(turn.skipped)) if query != plain or turn.skipped else ""
        # the sidebar's filters, said on the answer they shaped (trial B: a filtered "nothing matches" read
        # later as nothing in all the notes)
        head += filters_html(tags, folders, after, before)
        if not hits:
            nothing = idx.nothing_found(query, tags=tags, paths=folders, after=after, before=before)
            return head + self._no_hits(idx, query, bool(tags or folders or after or before), nothing), turn
        parts = [head, summary_html(hits)]
        said = idx.notice(hits, query)
        # a thing a follow-up adds that no note says: its hits are the question's before (trial s37: "what about
        # staging?" at 1.00); not a question about "it" ("how do they help?": its words are how it asks)
        if query != plain and not said and adds_a_thing(plain):
            added = idx.unsaid(followup_body(plain))
            if added:
                said = (f"No note mentions {quoted_words(added)}: these are the answers to the "
                        "question before it.")
        if said:
            parts.append(f'<div class="nq-weak">{html.escape(said)}</div>')
        others = idx.others_from(hits, query)
        # a hit of a note edited or deleted since the build says so, as the CLI's does (trial V: until the
        # watcher's rebuild, the chat had shown the old text unmarked)
        changes = self.changes_since_build(idx, [h.path for h in hits])
        marked = idx.spelling(query).text  # a typo ("shufle") marked as the word it was searched as ("shuffle")
        asked = idx.days_asked(query)
        for i, h in enumerate(hits, 1):
            if others is not None and i - 1 == others[0]:  # "what's overdue?": what follows is not
                parts.append(f'<div class="nq-weak">{html.escape(others[1])}</div>')
            stale = changes.became(h.path) if changes is not None else ""
            parts.append(hit_html(i, h, marked, self._context(h.source, query), stale, asked))
        # "open the Decision Log" (or the name alone) also opens that note in the note view (assets.CHAT_SCROLL_JS)
        opens = " nq-open" if hits[0].path in idx.notes_to_open(query) else ""
        return f'<div class="nq-answer{opens}">' + "".join(parts) + "</div>", turn

    def ask(self, question: str, history: list[Turn], **kw) -> tuple[str, Turn | None]:
        """answer(), but never raises: an error becomes a readable message (no traceback)."""
        try:
            return self.answer(question, history, **kw)
        except NotesQAError as exc:
            return state_html(html.escape(str(exc)), error=True), None
        except Exception as exc:  # noqa: BLE001 - the page gets a message, never a traceback
            log.exception("answering %r failed", question)
            return state_html(f"Something went wrong while searching ({html.escape(type(exc).__name__)}). "
                              "The server log has the details.", error=True), None

    def _wait_for_first_build(self) -> None:
        """While the first build runs (the page starts it on load), a question waits for it rather
        than make the person ask again."""
        if not self.has_index() and self.building:
            self.wait_for_build(FIRST_BUILD_WAIT)

    def _context(self, target: str, query: str) -> str:
        try:
            return self.sources.context(target, query)
        except Exception:  # noqa: BLE001 - context is a bonus; the hit still shows
            return ""

    def _no_hits(self, idx, query: str, filtered: bool, nothing: Nothing) -> str:
        if not idx.chunks:
            return state_html(
                f"Your notes folder <code>{html.escape(str(self.notes_dir))}</code> has no notes in the index "
                "yet. Add some .md notes and press <b>Refresh index</b>.")
        said = html.escape(no_match(filtered or bool(FILTER.search(query)), nothing.why))
        if nothing.where:  # a quoted phrase in a pasted log's middle: open the note there
            href = html.escape(source_href(nothing.where), quote=True)
            said += f' <a class="nq-src" href="{href}">{html.escape(nothing.where)}</a>'
        return state_html(said)

    def _empty_state(self) -> str:
        if not self.notes_dir.is_dir():
            return state_html(f"The notes folder <code>{html.escape(str(self.notes_dir))}</code> does not exist. "
                              "Create it, add some .md notes, and press <b>Refresh index</b>.")
        if self.building:
            return state_html("The index is being built; ask again in a moment.")
        return state_html("There is no index yet. Press <b>Refresh index</b> to build it from your notes.")

    # -- status, examples, filters

    def status_markdown(self) -> str:
        """The sidebar's index status: the status of the index (status.py) and of this server's builds."""
        from ..status import read_status

        if self.building:
            return "**Index:** building… (answers use the previous index until it is done)"
        lines = []
        if self.build_error:
            lines.append(f"**Last build failed:** {md_escape(self.build_error)}")
        if not self.notes_dir.is_dir():
            lines.append(f"**No notes folder:** {md_escape(str(self.notes_dir))} does not exist.")
        try:
            st = read_status(self.notes_dir, self.index_dir)
        except IndexNotFoundError:
            return "  \n".join(lines + ["**Index:** none yet. Press **Refresh index** to build it."])
        except NotesQAError as exc:
            return "  \n".join(lines + [f"**Index problem:** {md_escape(str(exc))}"])
        except Exception as exc:  # noqa: BLE001
            log.exception("status failed")
            return "  \n".join(lines + [f"**Index problem:** {md_escape(type(exc).__name__)}"])
        if not st.notes:
            return "  \n".join(lines + ["**Notes:** none yet. Add .md files to the notes folder, then press "
                                         "**Refresh index**."])
        changed = st.changes.counts() if st.changes else {}
        lines += [f"**Notes:** {st.notes} · **Chunks:** {st.chunks}",
                  f"**Built:** {_when(st.built_at)}",
                  f"**Model:** {md_escape(str(st.model))}",
                  "**Changed since:** " + (", ".join(f"{n} {k}" for k, n in changed.items()) if changed else "none")]
        if self.stale_reason:
            lines.append(f"**Answering from the previous index:** {md_escape(self.stale_reason)}")
        return "  \n".join(lines)

    def examples(self, n: int = 4) -> list[str]:
        """Example questions drawn from the user's own notes: one topic from each of a few notes."""
        if not self.has_index():
            return []
        try:
            chunks = self.index().chunks
        except Exception:  # noqa: BLE001 - examples are a nicety
            return []
        return example_questions(chunks, n)

    def filter_choices(self) -> tuple[list[str], list[str]]:
        """(tags, folders) found in the index, for the filter controls."""
        try:
            if not self.has_index():
                return [], []
            idx = self.index()
            idx.refresh()
            # the notes folder itself reads as a name, not "."; a Notion page's folder without its id
            folders = [(TOP_LEVEL_NAME, f) if f == TOP_LEVEL else (readable_path(f) or TOP_LEVEL_NAME, f)
                       if in_notion_export(f) else f for f in idx.folders()]
            return idx.tags(), folders
        except Exception:  # noqa: BLE001
            return [], []


TEMPLATE_NOTES = 3  # a heading this many notes have is a template's section


def example_questions(chunks, n: int = 4) -> list[str]:
    """Up to n questions about a topic of each note, newest notes first and archived ones last: "What do my
    notes say about X?", or the topic itself when it is a question ("What is bias?")."""
    by_note: dict[str, list] = {}
    for c in chunks:
        by_note.setdefault(c.path, []).append(c)
    # a heading (or parent bullet) of many notes is a template's section ("Action items", "Decisions"), no topic
    # (trial U: "What do my notes say about tasks?" and "... action items?" had been the starters)
    counts = Counter(t for cs in by_note.values()
                     for t in {x.casefold() for c in cs for x in (*c.heading, *getattr(c, "parents", ()))})
    template = {t for t, n in counts.items() if n >= TEMPLATE_NOTES}
    out = []
    kinds: set[str] = set()  # a topic without its numbers: one weekly review, not four (trial s36b)
    # dated notes newest first, then in index order; an archive's old drafts after the notes in use
    order = sorted(by_note, key=lambda p: (archived(p),
                                           -_day_number(getattr(by_note[p][0], "date", None))))
    for cs in (by_note[p] for p in order if not _notion_default(p, getattr(by_note[p][0], "title", ""))):
        topic = _topic(cs, template)
        if topic is not None:
            # a question as written ("What is bias?"); one that asks without a question word ("Complexity of x in a
            # list?", a card's front) as a topic
            q = (topic[0].upper() + topic[1:].rstrip("?") + "?") if _ASKS.match(topic) else \
                f"What do my notes say about {topic.rstrip('?')}?"
            kind = re.sub(r"\d+", "#", topic.casefold())
            if q not in out and kind not in kinds:
                out.append(q)
                kinds.add(kind)
        if len(out) >= n:
            break
    return out


_ASKS = re.compile(r"(what|how|why|when|where|who|which)\b", re.I)
_LEADING_DASH = re.compile(r"^\s*[—–:·-]+\s+")  # "— The Register" once "Chapter 1" is gone; not "-5°C" (the review)
_TRAILING_TAGS = re.compile(r"(?:\s+#(?:\[\[[^\]]*\]\]|[\w/-]+))+\s*$")


def _notion_default(path: str, title: str) -> bool:
    """Is the note Notion's own "Getting Started" page, in a Notion export (its id in its name)? Notion
    wrote it, not the person: nothing to ask their notes about."""
    return title.casefold() == "getting started" and in_notion_export(path)


def _day_number(day: str | None) -> int:
    """A note's date as a number to sort by (20261130); 0 for an undated note."""
    return int(day.replace("-", "")) if day and day[:4].isdigit() else 0
# a topic names a thing; one with these words is a clause ("an advanced query looks like this")
_CLAUSE_WORDS = {"is", "are", "was", "were", "be", "looks", "look", "we", "i", "you", "it", "they", "this", "these",
                 "that", "there", "here", "our", "my", "your", "their", "following", "can", "will", "should",
                 "has", "have", "had", "does", "did", "means"}  # "The PTS model has two core components" (trial s38)


def _topic(chunks, template: set[str] = frozenset()) -> str | None:
    """A note's topic: its first short bullet with children that names a thing (or asks a
    question), else its last such heading, not a template's section (template: in lower case); without a
    chapter number and not capitalised."""
    parents = {c.parent for c in chunks if c.parent is not None}
    dated = bool(getattr(chunks[0], "date", None))  # a journal's day: its lines may be what was done that day
    bullets = [c.text for c in chunks if c.seq in parents and 8 <= len(c.text) <= 48 and "\n" not in c.text]
    heads = [h for c in chunks for h in c.heading if 4 <= len(h) <= 48][::-1]
    for topic in bullets + heads:
        if topic.casefold() in template:
            continue
        if _DAY_LABEL.match(topic) or days(topic) or task_state(topic) is not None:
            continue  # a daily note's "Friday 14 March" or "21 mars" is a date, "DONE Read the list" a task
        # a flashcard's "#card" and its code's backticks are no words of the question (trial s37: "What is an
        # eigenvector? #card?"), nor the dash after a chapter's number ("Chapter 1 — The Register")
        topic = _TRAILING_TAGS.sub("", topic).replace("`", "")
        question = topic.rstrip().endswith("?")
        topic = _LEADING_DASH.sub("", _NUMBERING.sub("", topic).rstrip(".:?! "))
        words = topic.split()
        # "Replication lag" reads "replication lag"; "Ever Decreasing Circles" and "BuildKit cache mounts" stay, and
        # a word alone, which may be a name ("Anna": trial D's starter had asked about "anna")
        if topic[:1].isupper() and topic[1:2].islower() and len(words) > 1 and not words[1][:1].isupper() \
                and not any(ch.isupper() for ch in words[0][1:]):
            topic = topic[0].lower() + topic[1:]
        if topic and _reads_as_topic(topic) and not (dated and _did(topic.lower().split())):
            return topic + "?" if question else topic
    return None


# a topic names a thing; one that starts with these is a fragment ("For 2024", "6 of 8 cancelled" once its
# number is gone): "What do my notes say about for 2024?"
# (a title may start with one that says where, "Under the Oberfeldkommandantur": those are not here)
_PREPOSITIONS = {"for", "of", "in", "on", "at", "to", "from", "with", "by", "about", "than", "per", "against",
                 "pour", "de", "du", "des", "dans", "avec", "sur", "en", "à", "au", "aux", "par"}


# the names of a note's sections that say what part it is, not what it is about (trial B: "What do my notes say
# about discussion?"), whichever notes have them
_SECTION_NAMES = {"discussion", "notes", "summary", "agenda", "updates", "update", "overview", "background", "context",
                  "next steps", "action items", "actions", "decisions", "questions", "open questions", "misc", "todo",
                  "to do", "tasks", "links", "references", "resources", "ideas", "log", "attendees", "outcome",
                  "outcomes", "takeaways", "key takeaways", "highlights", "details", "status", "follow-ups",
                  "follow ups", "my topics", "his topics", "her topics", "their topics", "topics", "inbox", "journal",
                  "pros", "cons", "plan", "structure", "main idea"}


def _reads_as_topic(topic: str) -> bool:
    words = re.findall(r"[\w'-]+", topic.lower())
    if not words or len(words) > 7 or "/" in topic:  # "projects/garden day": a page's path, not how one asks
        return False
    if words[0] in _PREPOSITIONS or " ".join(words) in _SECTION_NAMES:
        return False
    if words[-1].isdigit() and len(words) <= 2:  # "Top 3", "Week 48": a template's count, not a topic (trial B)
        return False
    if words[-1] in _LISTS and len(words) <= 2:  # "Likely questions", "Lecture notes": what part, not what about
        return False
    if _ASKS.match(topic):  # "What is bias" asks; "What we did", "What worked" name a template's section
        # ... about something: "Who was there?" asks nothing of the notes (trial s37)
        return len(words) > 1 and words[1] in _AUXILIARIES and any(
            w not in _AUXILIARIES and w not in _CLAUSE_WORDS and not _ASKS.fullmatch(w) for w in words)
    return not _CLAUSE_WORDS.intersection(words)


# a dated note's entry, not a topic: a past verb, then what it was done to ("spent the morning on the cost review",
# "Shipped the outbox change": trial s41's starter "What do my notes say about spent the morning ...?"); not
# "Distributed systems", nor a book's "Made to Stick" or "Set up a new Mac" (the review: only in dated notes, and no
# verb that is also the present's, "set", "put", "read")
_PAST = {"spent", "went", "met", "had", "made", "took", "got", "did", "wrote", "sent", "found", "began", "gave", "saw",
         "told", "ran", "bought", "paid", "left", "came", "kept", "built", "fixed", "chose"}
_OBJECT_START = {"the", "a", "an", "my", "our", "his", "her", "their", "on", "with", "up", "out", "some", "off",
                 "back", "in", "into", "over", "it", "them", "him"}


def _did(words: list[str]) -> bool:
    verb = words[0]
    past = verb in _PAST or (len(verb) > 4 and verb.endswith("ed") and not verb.endswith("eed"))
    return past and len(words) > 1 and words[1] in _OBJECT_START


_LISTS = {"questions", "notes", "ideas", "tasks", "todos", "links", "items", "points", "thoughts"}


_AUXILIARIES = {"is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "has",
                "have", "had", "to", "makes", "happens", "causes"}


def _when(iso: str | None) -> str:
    if not iso:
        return "unknown"
    import datetime as _dt

    try:
        t = _dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if t.tzinfo is None:
        return t.strftime("%Y-%m-%d %H:%M")
    return t.astimezone().strftime("%Y-%m-%d %H:%M %Z")  # the zone said: a server's clock may not be the reader's


def _better_alone(alone: list, glued: list, question: str) -> bool:
    """Is a short question's own search a better answer than it glued to the previous question? When only
    its own first hit says a word of it ("Koplik spots" after "Beck's triad": the glued search's first hit
    is the triad again, however well it matches), or both or neither do and its own matches better."""
    says_alone, says_glued = _says_own(alone, question), _says_own(glued, question)
    if says_alone != says_glued:
        return says_alone
    return best_match(alone) > best_match(glued)


def _says_own(hits: list, question: str) -> bool:
    """Does the first hit (its text or breadcrumb) say a word of the question?"""
    own = set(tokenize(question))
    return bool(hits) and bool(own & set(tokenize(" ".join([hits[0].text, *hits[0].breadcrumb]))))
