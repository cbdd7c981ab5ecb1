"""The /api/* routes on a live `notesqa serve` subprocess, called with httpx, with and without --auth."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import write

httpx = pytest.importorskip("httpx")
pytest.importorskip("gradio")

NOTESQA = Path(sys.executable).parent / "notesqa"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]



def start_serve(notes: Path, index: Path, *extra: str):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NOTESQA_")}
    log = open(index.parent / f"serve-{port}.log", "w")
    proc = subprocess.Popen([str(NOTESQA), "serve", "--notes", str(notes), "--index", str(index), "--port", str(port),
                             "--no-watch", *extra], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, (index.parent / f"serve-{port}.log").read_text()
        try:
            httpx.get(base + "/", timeout=2)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("notesqa serve did not start in 90 s")


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_api_on_a_live_serve_without_auth(sample):
    notes, index = sample
    proc, base = start_serve(notes, index)
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            r = c.get("/api/search", params={"q": "what is shuffle sharding for?", "k": 2})
            assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
            body = r.json()
            assert (body["hits"][0]["path"], body["hits"][0]["line"]) == ("aws-reinvent-2024.md", 96)
            assert len(body["hits"]) == 2 and body["searched"]["k"] == 2
            # why each hit ranked there only when asked for, as `ask --json --explain` (a small answer otherwise)
            assert "explain" not in body["hits"][0]
            explained = c.get("/api/search", params={"q": "shuffle sharding", "explain": "true"}).json()
            assert "dense_rank" in explained["hits"][0]["explain"]
            # no CORS: a page of another site in the browser cannot read the notes (README)
            r = c.get("/api/search", params={"q": "cells"}, headers={"Origin": "https://evil.example"})
            assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
            # ... nor a page of another port of this computer, which Gradio's own CORS lets read its app (trial s37)
            for origin in ("http://localhost:3000", "http://127.0.0.1:9999"):
                r = c.get("/api/search", params={"q": "cells"}, headers={"Origin": origin})
                assert r.status_code == 403 and r.json() == {"error": r.json()["error"]}  # no hits, only why
                assert "not a web page of another site" in r.json()["error"]
                r = c.post("/api/refresh", content=b"x", headers={"Origin": origin, "Content-Type": "text/plain"})
                assert r.status_code == 403
            r = c.get("/api/search", params={"q": "cells"}, headers={"Origin": base})  # the page of this server
            assert r.status_code == 200 and r.json()["hits"]
            r = c.get("/api/search", params=[("q", "cells"), ("tag", "aws"), ("path", "."), ("before", "2030-01-01")])
            assert r.status_code == 200 and r.json()["searched"]["tags"] == ["aws"]

            note = c.get("/api/note", params={"path": "aws-reinvent-2024.md", "line": 96, "context": 1}).json()
            assert note["start_line"] == 95 and "Shuffle sharding" in note["text"]
            status = c.get("/api/status").json()
            assert status["notes"] == 5 and status["model"] == "hash-256"

            write(notes / "zebra.md", "* zebras sleep standing up\n")
            assert c.get("/api/status").json()["changes"]["new"] == ["zebra.md"]
            rep = c.post("/api/refresh")
            assert rep.status_code == 200 and rep.json()["new"] == 1
            assert c.get("/api/search", params={"q": "zebras sleep"}).json()["hits"][0]["path"] == "zebra.md"

            bad = [
                ("/api/search", {"q": "cells", "top": "3"}, 400, "Unknown argument 'top': it takes after, before, explain, k, "
                                                                 "path, q, tag"),
                ("/api/search", {"question": "cells"}, 400, "Unknown argument 'question'"),
                ("/api/search", {"q": "cells", "k": "ten"}, 400, "k must be a whole number from 1 to 50"),
                ("/api/search", {"q": "cells", "k": "0"}, 400, "k must be from 1 to 50"),
                ("/api/search", {"q": "cells", "k": "51"}, 400, "k must be from 1 to 50"),
                ("/api/search", {"q": "cells", "after": "01/02/2024"}, 400, "after: 01/02/2024 may be either order"),
                ("/api/search", {"q": "cells", "after": "soon"}, 400, "after: wants a date as YYYY-MM-DD"),
                ("/api/search", {"q": "  "}, 400, "The question is empty"),
                ("/api/search", {"q": "cells", "explain": "maybe"}, 400, "explain must be true or false"),
                ("/api/search", {}, 400, "Missing argument 'q'"),
                ("/api/note", {"path": "../../etc/passwd"}, 404, "not a note in the index"),
                ("/api/note", {"path": "/etc/passwd"}, 404, "not a note in the index"),
                ("/api/note", {"path": "home/none.md"}, 404, "home/none.md is not a note in the index"),
                ("/api/note", {"path": "zebra.md", "line": "x"}, 400, "line must be a whole number"),
                ("/api/status", {"verbose": "1"}, 400, "it takes no arguments"),
            ]
            for url, params, code, message in bad:
                r = c.get(url, params=params)
                assert r.status_code == code and message in r.json()["error"], (url, params, r.text)
            r = c.post("/api/refresh", json={"rebuild": True})
            assert r.status_code == 400 and "it takes no arguments" in r.json()["error"]
            r = c.get("/api/refresh")  # a wrong method or path answers in the API's shape, saying what there is
            assert r.status_code == 405 and r.json()["error"].startswith("Use POST /api/refresh")
            r = c.get("/api/serach", params={"q": "cells"})
            assert r.status_code == 404 and "No endpoint /api/serach" in r.json()["error"]
            # a long question (a passage sent by an editor) goes in a JSON body; its values are typed
            passage = "Notes from the keynote. " * 300 + "Shuffle sharding to map customers to cells"
            r = c.post("/api/search", json={"q": passage, "k": 2, "tag": "aws"})
            assert r.status_code == 200 and len(r.json()["hits"]) == 2 and r.json()["searched"]["tags"] == ["aws"]
            r = c.post("/api/search", json={"q": "cells", "k": "2"})
            assert r.status_code == 400 and "k must be a whole number" in r.json()["error"]
            r = c.post("/api/search", content=b"q=cells")
            assert r.status_code == 400 and 'an object such as {"q": "..."}' in r.json()["error"]
            assert c.post("/api/search").json()["error"].startswith("Missing argument 'q'")
            assert c.put("/api/search").json()["error"].startswith("Use GET or POST /api/search")
            assert c.get("/api/status").status_code == 200  # still serving
            # a page whose name was pointed at this computer (DNS rebinding) is refused, the page as the API
            for url in ("/api/note?path=zebra.md", "/"):
                r = c.get(url, headers={"Host": f"evil.example:{base.rsplit(':', 1)[1]}"})
                assert r.status_code == 421 and "this computer only" in r.json()["error"]
            assert c.get("/api/status", headers={"Host": "localhost"}).status_code == 200
    finally:
        stop(proc)


def test_api_with_auth_wants_the_same_login_as_the_chat(sample):
    notes, index = sample
    proc, base = start_serve(notes, index, "--auth", "me:s3cret:pw")
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            for method, url in [("GET", "/api/search?q=cells"), ("GET", "/api/note?path=aws-reinvent-2024.md"),
                                ("GET", "/api/status"), ("POST", "/api/refresh")]:
                r = c.request(method, url)
                assert r.status_code == 401 and "Log in first" in r.json()["error"], (url, r.text)
                assert r.headers["www-authenticate"].startswith("Basic")
                assert c.request(method, url, auth=("me", "wrong")).status_code == 401
                assert c.request(method, url, auth=("you", "s3cret:pw")).status_code == 401
                ok = c.request(method, url, auth=("me", "s3cret:pw"))
                assert ok.status_code == 200, (url, ok.text)
            r = c.get("/api/search", params={"q": "shuffle sharding"}, auth=("me", "s3cret:pw"))
            assert r.json()["hits"][0]["path"] == "aws-reinvent-2024.md"
            assert c.get("/api/search?q=cells", headers={"Authorization": "Basic !!!"}).status_code == 401

        # a login on the chat page (Gradio's session cookie) also opens the API
        with httpx.Client(base_url=base, timeout=60) as browser:
            assert browser.post("/login", data={"username": "me", "password": "nope"}).status_code >= 400
            assert browser.get("/api/status").status_code == 401
            assert browser.post("/login", data={"username": "me", "password": "s3cret:pw"}).status_code == 200
            assert browser.get("/api/status").status_code == 200
    finally:
        stop(proc)


def test_the_names_of_this_computer_in_a_host_header():
    from notesqa.http_api import local_host

    for host in (b"127.0.0.1:7860", b"localhost", b"LOCALHOST:80", b"[::1]:7860", b"::1"):
        assert local_host(host), host
    for host in (b"evil.example:7860", b"127.0.0.1.evil.example", b"", b"[::1", b"0.0.0.0:7860"):
        assert not local_host(host), host


def test_each_error_has_its_status_code():
    import notesqa
    from notesqa.http_api import status_code

    assert status_code(notesqa.QueryError("x")) == status_code(notesqa.ArgumentError("x")) == 400
    assert status_code(notesqa.NoteNotFoundError("x")) == 404
    assert status_code(notesqa.BuildLockedError("x")) == 409
    assert status_code(notesqa.IndexWriteError("x")) == 507
    assert status_code(notesqa.IndexCorruptError("x")) == status_code(notesqa.IndexNotFoundError("x")) == 503
    assert status_code(notesqa.NotesQAError("x")) == 500
