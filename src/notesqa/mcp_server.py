"""`notesqa mcp`: the notes as a Model Context Protocol server over stdio (the official `mcp` SDK).

Tools (each a thin adapter over `service.NotesService`): search_notes, read_note,
index_status, refresh_index. Every indexed note is also a resource, notes://<path>.
Arguments are checked strictly before a tool runs (unknown names, types, ranges), and any
NotesQAError becomes an error result whose text says what to do; the server keeps running.
The model and index load on the first call and stay loaded; a rebuilt index is picked up
on the next call. Nothing but protocol messages goes to stdout (the SDK's stdio transport
sends anything else written to stdout to stderr; logs go to stderr).
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import urllib.parse
from typing import Annotated, Any

from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
from mcp_types import Resource as MCPResource
from mcp_types import ToolAnnotations
from pydantic import Field

from . import __version__
from .errors import IndexNotFoundError, NotesQAError
from .service import CONTEXT_DEFAULT, CONTEXT_MAX, K_MAX, WHOLE_MAX, NotesService, no_index_hint, validate

log = logging.getLogger("notesqa.mcp")

SCHEME = "notes://"
TOOL_OPS = {"search_notes": "search", "read_note": "read_note", "index_status": "status",
            "refresh_index": "refresh"}

INSTRUCTIONS = (
    "Search the user's own markdown notes. search_notes answers a question with the few bullets or sentences "
    "that answer it, each with its note path, line and breadcrumb (note title > headings > parent bullets); "
    "read_note shows the lines around a hit; index_status says what is indexed and which notes changed since; "
    "refresh_index re-indexes changed notes. Cite hits as path:line."
)


READ_NOTE = """Read a note from the user's notes: the lines around a line, or the whole note.

Only notes that are in the index and inside the notes folder can be read. Without line the
whole note is returned (the first {whole} lines of a longer one). The result has "text" (the
note's raw markdown lines start_line..end_line), "title", "total_lines" and "whole"; and, when
those lines embed other notes or blocks (![[Note#Heading]], {{{{embed ...}}}}) or refer to a block
(((id))), "references": for each, its "line", how it is "written", its "source" note and the
"text" it shows in the app."""


def _tool(server: MCPServer, description: str | None = None, **options):
    """server.tool, described by the function's docstring without its indents (the SDK sends it as written:
    an assistant read eight spaces before each line), its result one JSON text."""
    def register(fn):
        said = description if description is not None else inspect.cleandoc(fn.__doc__ or "")
        return server.tool(description=said, structured_output=False, **options)(fn)
    return register


def _message(exc: NotesQAError) -> str:
    return no_index_hint(exc, "call the refresh_index tool to build it from the notes folder")


def uri_of(path: str) -> str:
    return SCHEME + urllib.parse.quote(path, safe="/")


def path_of(uri: str) -> str | None:
    uri = str(uri)
    return urllib.parse.unquote(uri[len(SCHEME):]) if uri.startswith(SCHEME) else None


class NotesMCPServer(MCPServer):
    """MCPServer with strict argument checks and the notes as resources."""

    def __init__(self, service: NotesService, refused: str | None = None):
        super().__init__(name="notesqa", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")
        self.service = service
        # why no tool can run (an index of another notes folder): each call says it, so the assistant
        # can tell the user, where a server that exits at start is only "disconnected" in most clients
        self.refused = refused
        _add_tools(self, service)

    async def call_tool(self, name: str, arguments: dict[str, Any], context=None):
        op = TOOL_OPS.get(name)
        if op is not None and self.refused:
            raise ToolError(f"{name}: {self.refused}")
        if op is not None:
            try:
                validate(op, arguments)  # unknown names, wrong types, k out of range: before pydantic coerces
            except NotesQAError as exc:
                raise ToolError(f"{name}: {exc}") from None
            # a client sending null for "the default" (k: null) gets the default, as validate reads it
            arguments = {key: value for key, value in (arguments or {}).items() if value is not None}
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            # "Error executing tool read_note: msg" -> "read_note: msg" (a crash keeps the SDK's generic text)
            prefix = f"Error executing tool {name}: "
            if str(exc).startswith(prefix):
                raise type(exc)(f"{name}: {str(exc)[len(prefix):]}") from exc.__cause__
            raise

    async def list_resources(self) -> list[MCPResource]:
        import anyio

        if self.refused:
            return []
        try:
            notes = await anyio.to_thread.run_sync(self.service.notes)
        except NotesQAError as exc:
            log.warning("listing notes: %s", exc)
            return []
        return [MCPResource(uri=uri_of(n["path"]), name=n["path"], title=n["title"], mime_type="text/markdown",
                            description=f"The note {n['title']!r} ({n['path']}).")
                for n in notes]

    async def read_resource(self, uri, context=None):
        path = path_of(uri)
        if path is None:
            raise ResourceNotFoundError(f"Unknown resource {uri}: notes are read as {SCHEME}<path>, "
                                        "with a path from resources/list or a search result.")
        if self.refused:
            raise ResourceError(self.refused)
        import anyio

        try:
            text = await anyio.to_thread.run_sync(self.service.note_text, path, True)  # a canvas as markdown
        except IndexNotFoundError as exc:
            raise ResourceError(_message(exc)) from None
        except NotesQAError as exc:
            raise ResourceNotFoundError(str(exc)) from None
        return [ReadResourceContents(content=text, mime_type="text/markdown")]


_READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def _add_tools(server: NotesMCPServer, service: NotesService) -> None:
    def run(name: str, **kwargs) -> str:
        # the result as one JSON text, and no output schema (structured_output=False): a schema of one string
        # would wrap this JSON in JSON, and one of the whole object have the SDK validate a second copy
        try:
            result = getattr(service, TOOL_OPS[name])(**{k: v for k, v in kwargs.items() if v is not None})
        except NotesQAError as exc:
            raise ToolError(_message(exc)) from None
        return json.dumps(_brief(result), ensure_ascii=False)

    _add_search(server, service, run)
    _add_reading(server, run)


LIST_MAX = 20  # an index status's lists an assistant gets: the first ones, and how many in all


# a hit as an assistant needs it: its words, where they are and how well they matched; the title,
# headings and parents are in the breadcrumb, "source" is path:line, "match" and "code" are in the text
HIT_FIELDS = ("text", "path", "line", "end_line", "match_line", "breadcrumb", "score", "match_score", "kind", "tags",
              "date", "origin", "stale", "explain")  # explain only when asked for; match_line only when set


def _brief(result):
    """A search, a status or a build report as an assistant needs it (its context is precious): each hit's
    HIT_FIELDS that say something; coverage totals without every note's share; the flagged notes, changes,
    problems and skipped files, the first LIST_MAX of each with a count of all ("flagged_total", ...)."""
    if not isinstance(result, dict):
        return result
    if isinstance(result.get("hits"), list):
        result = {**result, "hits": [{key: hit[key] for key in HIT_FIELDS if hit.get(key) not in (None, "", [])
                                      and (key != "match_line" or hit[key])} for hit in result["hits"]]}
    result = _first(result, ("problems", "skipped_files", "repaired_files", "no_text"))
    if isinstance(result.get("coverage"), dict):
        result["coverage"] = _first({k: v for k, v in result["coverage"].items() if k != "notes"}, ("flagged",))
    if isinstance(result.get("changes"), dict):
        result["changes"] = _first(result["changes"], ("new", "changed", "deleted"))
    return result


def _first(d: dict, keys) -> dict:
    """d with each list (or mapping) at keys cut to LIST_MAX, and KEY_total beside one that was cut."""
    out = dict(d)
    for key in keys:
        value = out.get(key)
        if isinstance(value, (list, dict)) and len(value) > LIST_MAX:
            out[key] = value[:LIST_MAX] if isinstance(value, list) else dict(list(value.items())[:LIST_MAX])
            out[f"{key}_total"] = len(value)
    return out


def _add_search(server: NotesMCPServer, service: NotesService, run) -> None:
    # A search takes milliseconds: it runs on the server's own loop (a sync tool would go through a
    # worker thread, whose hand-off made the slowest calls several milliseconds slower)
    @_tool(server, annotations=_READ_ONLY)
    async def search_notes(
        question: Annotated[str, Field(description="What to look for, in plain words (a question or keywords). "
                                                   "Filters may also be written in it: tag:aws path:work/* "
                                                   "after:2024-01-01 before:2024-12-31; words in double "
                                                   "quotes must be said in that order; -word leaves out "
                                                   "what says it; -tag:x and -path:x leave those notes "
                                                   "out.")],
        k: Annotated[int, Field(ge=1, le=K_MAX, description=f"How many hits to return, 1 to {K_MAX}.")] = 5,
        tags: Annotated[list[str] | str | None, Field(description="Only notes with one of these tags (front "
                                                                  "matter, #tags, Logseq tags::); one tag may be "
                                                                  "given as text.")] = None,
        paths: Annotated[list[str] | str | None, Field(description="Only notes whose path (relative to the notes "
                                                                   "folder) matches one of these globs or folders; "
                                                                   "\".\" is the notes folder itself.")] = None,
        after: Annotated[str | None, Field(description="Only notes dated on or after this day, YYYY-MM-DD.")] = None,
        before: Annotated[str | None, Field(description="Only notes dated on or before this day, "
                                                        "YYYY-MM-DD.")] = None,
        explain: Annotated[bool, Field(description="Also say why each hit ranked where it did.")] = False,
    ) -> str:
        """Search the user's markdown notes and return the passages that answer a question, best first.

        Each hit is the matching bullet or sentences as the user wrote them ("text"), with its note
        ("path", relative to the notes folder), 1-based "line", "breadcrumb" (note title > headings >
        parent bullets), "score" (what the hits are ordered by) and "match_score" (the passage's own match:
        about 0.3 or more is a close match); "end_line" is its last line, "match_line" (when set) which of its
        lines matched, "kind" what it is (bullet, paragraph, code, table_row, ...), "date" its note's or
        section's day, "origin" the note it is embedded from, "stale": true if its note changed since the build.
        "searched" says what was searched after filters were taken out of the question; "message", when
        present, is what to tell the user first (nothing matched closely, nothing is of the days asked); "others_from"
        names the first hit that is not of the days asked. Cite a hit as path:line; call read_note with its
        path and line to see the lines around it."""
        call = functools.partial(run, "search_notes", question=question, k=k, tags=tags, paths=paths, after=after,
                                 before=before, explain=explain)
        if service.loaded():
            return call()
        import anyio

        return await anyio.to_thread.run_sync(call)  # the first call loads the model, or builds the index


def _add_reading(server: NotesMCPServer, run) -> None:
    @_tool(server, annotations=_READ_ONLY, description=READ_NOTE.format(whole=WHOLE_MAX))
    def read_note(
        path: Annotated[str, Field(description="The note's path relative to the notes folder, as a search hit "
                                               "gives it (for example aws-2024.md or work/meetings.md).")],
        line: Annotated[int | None, Field(ge=1, description="1-based line to read around (a hit's line). "
                                                            "Leave out to read the whole note.")] = None,
        context: Annotated[int | None, Field(ge=0, le=CONTEXT_MAX,
                                             description=f"Lines to show each side of line (default "
                                                         f"{CONTEXT_DEFAULT}, at most {CONTEXT_MAX}).")] = None,
    ) -> str:
        return run("read_note", path=path, line=line, context=context)

    @_tool(server, annotations=_READ_ONLY)
    def index_status() -> str:
        """Say what the notes index holds: notes and chunks indexed, when it was built and with which model,
        files skipped and why, and "changes": the notes new, changed or deleted since the build (call
        refresh_index to take them in)."""
        return run("index_status")

    @_tool(server, annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True,
                                               open_world_hint=False))
    def refresh_index() -> str:
        """Bring the notes index up to date with the notes folder: only new or changed notes are embedded
        (seconds for a few notes; a first build of a large folder takes minutes). Returns the counts of
        new, updated, unchanged, removed and skipped notes. Refused while another build is running."""
        return run("refresh_index")


def create_server(notes_dir, index_dir, model: str | None = None, embedder=None) -> NotesMCPServer:
    """The server of a notes folder; with an index of another folder it serves only that message."""
    from pathlib import Path

    from .store import check_built_from

    try:
        check_built_from(Path(index_dir), Path(notes_dir), serving=True)
        refused = None
    except NotesQAError as exc:
        log.error("%s", exc)
        refused = str(exc)
    return NotesMCPServer(NotesService(notes_dir, index_dir, model=model, embedder=embedder), refused)


def run(notes_dir, index_dir, model: str | None = None) -> None:
    """Serve over stdio until the client closes the connection."""
    logging.basicConfig(level=logging.WARNING, format="notesqa mcp: %(levelname)s %(message)s")
    server = create_server(notes_dir, index_dir, model=model)
    log.info("serving %s/ (index %s/) over stdio", notes_dir, index_dir)
    server.run("stdio")
