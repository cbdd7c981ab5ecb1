"""`notesqa mcp` as a real subprocess, driven over stdio by the MCP SDK's own client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import pytest

from conftest import write

pytest.importorskip("mcp")

from mcp.client.session import ClientSession  # noqa: E402
from mcp.client.stdio import StdioServerParameters, stdio_client  # noqa: E402

NOTESQA = Path(sys.executable).parent / "notesqa"


@asynccontextmanager
async def connect(notes: Path, index: Path, *extra: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTESQA_")}
    params = StdioServerParameters(command=str(NOTESQA), args=["mcp", "--notes", str(notes), "--index", str(index),
                                                                *extra], env=env)
    with open(index.parent / f"{index.name}-mcp-stderr.log", "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write_):
            async with ClientSession(read, write_) as session:
                await session.initialize()
                yield session


def run(coro_fn, *args):
    return anyio.run(coro_fn, *args)


def payload(result) -> dict:
    assert not result.is_error, result.content[0].text
    return json.loads(result.content[0].text)


def error_text(result) -> str:
    assert result.is_error, result.content[0].text
    return result.content[0].text



def test_tools_answers_and_error_results_over_stdio(sample, tmp_path):
    notes, index = sample
    outside = tmp_path / "secret.md"
    outside.write_text("* a secret outside the notes folder\n", encoding="utf-8")

    async def session_checks():
        async with connect(notes, index) as s:
            tools = {t.name: t for t in (await s.list_tools()).tools}
            assert set(tools) == {"search_notes", "read_note", "index_status", "refresh_index"}
            schema = tools["search_notes"].input_schema
            assert schema["required"] == ["question"] and schema["properties"]["k"]["maximum"] == 50
            assert "path:line" in tools["search_notes"].description
            assert tools["read_note"].input_schema["required"] == ["path"]
            assert "{{embed ...}}" in tools["read_note"].description  # as Logseq writes it (trial s37: "{embed ...}")
            # descriptions read as written, not with their docstrings' indents (trial s37)
            assert not any("\n " in t.description for t in tools.values()), [t.description for t in tools.values()]
            # results are one JSON text, not that text wrapped in {"result": ...} as structured content
            assert all(t.output_schema is None for t in tools.values())

            # a real answer on the sample notes
            result = await s.call_tool("search_notes", {"question": "what is shuffle sharding for?", "k": 3})
            assert result.structured_content is None
            found = payload(result)
            top = found["hits"][0]
            assert (top["path"], top["line"]) == ("aws-reinvent-2024.md", 96)
            assert top["text"].startswith("Shuffle sharding to map customers to cells")
            assert top["breadcrumb"][:2] == ["AWS re:Invent 2024", "Keynotes"] and top["score"] > 0
            assert "explain" not in top and top["match_score"] > 0  # the ranking's workings cost an assistant words
            asked = payload(await s.call_tool("search_notes", {"question": "shuffle sharding", "explain": True}))
            assert "dense_rank" in asked["hits"][0]["explain"]  # ... unless asked for
            # ... as do fields the others hold: title, heading, parents (breadcrumb), source (path:line), match
            assert not {"title", "heading", "parents", "source", "match", "code", "folder"} & set(top)
            assert top["end_line"] >= top["line"] and top["kind"] == "bullet"
            assert found["searched"]["text"] == "what is shuffle sharding for?" and len(found["hits"]) == 3
            filtered = payload(await s.call_tool("search_notes", {"question": "cells", "tags": ["aws"], "k": 5}))
            assert filtered["searched"]["tags"] == ["aws"]
            one = payload(await s.call_tool("search_notes", {"question": "cells", "tags": "aws", "paths": "."}))
            assert one["searched"]["tags"] == ["aws"] and one["searched"]["paths"] == ["."]  # one as text
            assert {h["path"] for h in filtered["hits"]} == {"aws-reinvent-2024.md"}
            nulls = {"question": "cells", "k": None, "tags": None, "paths": None, "after": None, "before": None}
            assert len(payload(await s.call_tool("search_notes", nulls))["hits"]) == 5  # null: the default

            passage = payload(await s.call_tool("read_note", {"path": "aws-reinvent-2024.md", "line": 96,
                                                              "context": 2}))
            assert (passage["start_line"], passage["end_line"]) == (94, 98)
            assert "Shuffle sharding to map customers to cells" in passage["text"].split("\n")[2]

            status = payload(await s.call_tool("index_status", {}))
            assert status["notes"] == 5 and status["model"] == "hash-256"
            assert status["changes"] == {"new": [], "changed": [], "deleted": []}
            # totals and the flagged notes, not every note's share (an assistant's context is precious)
            assert "flagged" in status["coverage"] and "notes" not in status["coverage"]

            write(notes / "zebra.md", "* zebras sleep standing up\n")
            changed = payload(await s.call_tool("index_status", {}))
            assert changed["changes"]["new"] == ["zebra.md"]
            refreshed = payload(await s.call_tool("refresh_index", {}))
            assert (refreshed["new"], refreshed["unchanged"], refreshed["notes"]) == (1, 5, 6)
            assert "notes" not in refreshed["coverage"]
            assert payload(await s.call_tool("search_notes", {"question": "zebras sleep"}))["hits"][0][
                "path"] == "zebra.md"  # the rebuilt index is used on the next call

            resources = (await s.list_resources()).resources
            uris = {str(r.uri) for r in resources}
            assert "notes://aws-reinvent-2024.md" in uris and "notes://zebra.md" in uris
            text = (await s.read_resource("notes://zebra.md")).contents[0].text
            assert text == "* zebras sleep standing up\n"

            # error results: each says what to do, and the server keeps answering
            bad = {
                "unknown argument": ("search_notes", {"question": "cells", "top_k": 3},
                                     "Unknown argument 'top_k': it takes after, before, explain, k, paths, question, tags"),
                "mistyped k": ("search_notes", {"question": "cells", "k": "five"}, "k must be a whole number"),
                "k too small": ("search_notes", {"question": "cells", "k": 0}, "k must be from 1 to 50"),
                "k too large": ("search_notes", {"question": "cells", "k": 500}, "k must be from 1 to 50"),
                "mistyped tags": ("search_notes", {"question": "cells", "tags": 3}, "tags must be a list"),
                "malformed date": ("search_notes", {"question": "cells", "after": "2024-02-30"},
                                   "after: there is no day 2024-02-30"),
                "misspelt filter": ("search_notes", {"question": "tags:aws cells"}, "Unknown filter tags:"),
                "empty question": ("search_notes", {"question": "  "}, "The question is empty"),
                "missing question": ("search_notes", {}, "Missing argument 'question'"),
                "path outside": ("read_note", {"path": "../secret.md"}, "not a note in the index"),
                "absolute path": ("read_note", {"path": str(outside)}, "not a note in the index"),
                "not indexed": ("read_note", {"path": "home/nothing-here.md"},
                                "home/nothing-here.md is not a note in the index"),
                "line past the end": ("read_note", {"path": "zebra.md", "line": 5}, "past the end of zebra.md"),
                "status takes nothing": ("index_status", {"verbose": True}, "it takes no arguments"),
            }
            for label, (tool, args, message) in bad.items():
                msg = error_text(await s.call_tool(tool, args))
                assert message in msg, (label, msg)
                assert "Traceback" not in msg, label
            assert (await s.list_tools()).tools  # still running

            with pytest.raises(Exception, match="not a note in the index"):
                await s.read_resource("notes://../secret.md")
            return True

    assert run(session_checks)


def test_no_index_yet_damaged_index_and_a_build_in_progress(sample, tmp_path):
    notes, index = sample
    empty_notes = tmp_path / "empty"

    async def checks():
        # no notes folder, no index: a clear message naming both ways to build one
        async with connect(empty_notes, tmp_path / "none") as s:
            msg = error_text(await s.call_tool("index_status", {}))
            assert "No index in" in msg and "notesqa index" in msg and "refresh_index" in msg
            msg = error_text(await s.call_tool("search_notes", {"question": "cells"}))
            assert "No index in" in msg
            msg = error_text(await s.call_tool("refresh_index", {}))
            assert "does not exist" in msg and "--notes" in msg

        # no index yet but notes: the first search builds it, as `notesqa ask` does (--model for the fake one)
        async with connect(notes, tmp_path / "first", "--model", "hash-256") as s:
            hits = payload(await s.call_tool("search_notes", {"question": "shuffle sharding"}))["hits"]
            assert hits[0]["path"] == "aws-reinvent-2024.md"

        # an index of another notes folder: the server runs, and every call says what to do
        write(tmp_path / "other" / "a.md", "* alpha\n")
        async with connect(tmp_path / "other", index) as s:
            for tool, args in (("search_notes", {"question": "cells"}), ("index_status", {}),
                               ("refresh_index", {})):
                msg = error_text(await s.call_tool(tool, args))
                assert f"is of the notes in {notes}" in msg and "--rebuild" in msg, msg
            assert (await s.list_resources()).resources == []

        # a build running elsewhere: refresh is refused, saying what to do
        from notesqa.store import BuildLock

        async with connect(notes, index) as s:
            with BuildLock(index):
                msg = error_text(await s.call_tool("refresh_index", {}))
            assert "Another build is running" in msg and "wait" in msg
            assert payload(await s.call_tool("refresh_index", {}))["notes"] == 5

        # a damaged index: an error result with what to do; the server keeps running
        gen = index / (index / "CURRENT").read_text().strip()
        (gen / "chunks.jsonl").write_text("{not json\n", encoding="utf-8")
        async with connect(notes, index) as s:
            msg = error_text(await s.call_tool("search_notes", {"question": "cells"}))
            assert "damaged" in msg and "notesqa index --rebuild" in msg, msg
            assert (await s.list_tools()).tools
            rebuilt = payload(await s.call_tool("refresh_index", {}))
            assert rebuilt["notes"] == 5 and rebuilt["full_rebuild_reason"]
            assert payload(await s.call_tool("search_notes", {"question": "shuffle sharding"}))["hits"]
        return True

    assert run(checks)


def test_stdout_carries_only_protocol_messages(sample):
    """Raw JSON-RPC over the pipe: every line the server writes to stdout is a JSON-RPC message."""
    notes, index = sample
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
         "params": {"name": "search_notes", "arguments": {"question": "shuffle sharding", "k": 1}}},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "refresh_index", "arguments": {}}},
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTESQA_")}
    proc = subprocess.Popen([str(NOTESQA), "mcp", "--notes", str(notes), "--index", str(index)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    killer = threading.Timer(120, proc.kill)  # bounded: a hung server fails the test instead of hanging it
    killer.start()
    try:
        proc.stdin.write("".join(json.dumps(m) + "\n" for m in msgs))
        proc.stdin.flush()
        replies = []
        while {1, 2, 3} - {r.get("id") for r in replies}:
            line = proc.stdout.readline()
            assert line, "the server closed stdout before answering"
            replies.append(json.loads(line))  # any stray print would fail here
    finally:
        killer.cancel()
        proc.stdin.close()
        proc.wait(timeout=30)
    assert all(r.get("jsonrpc") == "2.0" for r in replies)
    by_id = {r["id"]: r for r in replies if "id" in r}
    assert not by_id[2]["result"].get("isError") and not by_id[3]["result"].get("isError")
    assert json.loads(by_id[2]["result"]["content"][0]["text"])["hits"][0]["path"] == "aws-reinvent-2024.md"


def test_an_assistant_gets_the_first_of_a_long_status_list_and_how_many():
    from notesqa.mcp_server import LIST_MAX, _brief

    status = {"notes": 3000, "coverage": {"chars": 9, "flagged": [{"path": f"n{i}.md"} for i in range(30)],
                                          "notes": {"a.md": {}}},
              "changes": {"new": [f"x{i}.md" for i in range(25)], "changed": [], "deleted": ["y.md"]},
              "skipped_files": {f"s{i}.md": "empty file" for i in range(21)}}
    brief = _brief(status)
    assert len(brief["coverage"]["flagged"]) == LIST_MAX and brief["coverage"]["flagged_total"] == 30
    assert "notes" not in brief["coverage"] and brief["changes"]["new_total"] == 25
    assert brief["changes"]["deleted"] == ["y.md"] and "deleted_total" not in brief["changes"]
    assert len(brief["skipped_files"]) == LIST_MAX and brief["skipped_files_total"] == 21
    assert status["coverage"]["flagged"][29] == {"path": "n29.md"}  # the service's own result is left as it was



def test_an_assistant_gets_the_line_that_matched_only_when_it_is_not_the_first_shown():
    from notesqa.mcp_server import _brief

    hits = [{"text": "x", "path": "a.md", "line": 7, "end_line": 9, "match_line": 9, "score": 0.0},
            {"text": "y", "path": "a.md", "line": 12, "end_line": 12, "match_line": 0, "score": 0.4}]
    brief = _brief({"hits": hits})["hits"]
    assert brief[0]["match_line"] == 9 and brief[0]["score"] == 0.0  # a zero score is still said
    assert "match_line" not in brief[1]
