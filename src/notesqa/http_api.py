"""The JSON API on the server `notesqa serve` runs: the same operations as the MCP tools.

    GET  /api/search?q=...&k=5&tag=...&path=...&after=YYYY-MM-DD&before=YYYY-MM-DD
    POST /api/search  {"q": "...", "k": 5, "tag": [...], ...}: the same, for a long question (a passage)
    GET  /api/note?path=...&line=...&context=...
    GET  /api/status
    POST /api/refresh

Imported by `serve` only (it imports FastAPI). Each route is a thin adapter over `service.NotesService` (in `serve`, the chat's own
ChatService: one loaded index for the page and the API). Arguments are checked strictly;
a NotesQAError becomes a JSON {"error": message} with a 4xx/5xx status, never a traceback.
With --auth the routes want the same user and password as the chat: HTTP Basic
(`curl -u user:password`), or the session cookie of a login on the chat page.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .errors import (
    BuildLockedError,
    IndexCorruptError,
    IndexNotFoundError,
    IndexVersionError,
    IndexWriteError,
    ModelLoadError,
    ModelMismatchError,
    NoteNotFoundError,
    NotesFolderError,
    NotesQAError,
    NoteUnreadableError,
    QueryError,
)
from .service import no_index_hint

log = logging.getLogger("notesqa.http")

QUERY_NAMES = {
    "search": {"q": "question", "tag": "tags", "path": "paths"},
    "read_note": {},
    "status": {},
    "refresh": {},
}


def status_code(exc: NotesQAError) -> int:
    if isinstance(exc, QueryError):
        return 400
    if isinstance(exc, NoteNotFoundError):
        return 404
    if isinstance(exc, BuildLockedError):
        return 409
    if isinstance(exc, NoteUnreadableError):
        return 422  # the note is known, its file cannot be read now
    if isinstance(exc, IndexWriteError):
        return 507  # the folder could not take the new index: disk full, no permission
    if isinstance(exc, (IndexNotFoundError, IndexCorruptError, IndexVersionError, ModelMismatchError,
                        ModelLoadError, NotesFolderError)):
        return 503
    return 500


def _message(exc: NotesQAError) -> str:
    return no_index_hint(exc, "POST /api/refresh to build it from the notes folder")


def check_basic(header: str | None, auth) -> bool:
    """Whether an Authorization header carries auth's user and password (HTTP Basic)."""
    if not header or not header[:6].lower() == "basic ":
        return False
    try:
        user, _, password = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    want_user, want_password = auth
    # both compared in full, whatever the first says: no early exit to time
    ok_user = hmac.compare_digest(user.encode(), want_user.encode())
    ok_password = hmac.compare_digest(password.encode(), want_password.encode())
    return ok_user and ok_password


def _gradio_session(request) -> bool:
    """A login on the chat page: Gradio's access-token cookie names a live session."""
    app = request.app
    cookie_id, tokens = getattr(app, "cookie_id", None), getattr(app, "tokens", None)
    if not cookie_id or not tokens:
        return False
    token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(
        f"access-token-unsecure-{cookie_id}")
    return bool(token) and token in tokens


LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")


class LocalHostOnly:
    """ASGI middleware for a server on this computer only: a request must name it in its Host header
    (localhost, 127.0.0.1, [::1]). A web page whose own name was pointed at 127.0.0.1 (DNS rebinding)
    names itself, and is refused: else it could read the notes as if it were this computer's."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket") and not local_host(dict(scope.get("headers") or ()).get(b"host", b"")):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await _refuse(scope, receive, send, 421, "This server answers on this computer only: open it as localhost "
                                                     "or 127.0.0.1 (or serve with --host to reach it otherwise).")
            return
        await self.app(scope, receive, send)


class ApiOwnOrigin:
    """ASGI middleware for the /api/* routes: a request a web page of another origin sends (its Origin header
    names another host or port than the one asked) is refused before it is answered or acted on. Gradio's CORS
    lets pages of any localhost port read its app (trial s37: a page on localhost:3000 read the notes through
    /api/search, and another site's form POST ran /api/refresh); scripts, curl and editors send no Origin."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == "/api" or path.startswith("/api/")):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        origin = headers.get(b"origin")
        if origin is not None and not _same_origin(origin, headers.get(b"host", b"")):
            await _refuse(scope, receive, send, 403, "The notes API answers scripts, curl and editors, not a web page "
                                                     "of another site or port: call it from outside the browser page.")
            return
        await self.app(scope, receive, send)


async def _refuse(scope, receive, send, status: int, message: str) -> None:
    """Answer a request a middleware refuses: its status, and why in the API's error shape."""
    await JSONResponse({"error": message}, status_code=status)(scope, receive, send)


def _same_origin(origin: bytes, host: bytes) -> bool:
    """Does an Origin header ("http://127.0.0.1:7860") name the host and port a request was sent to (its Host)?"""
    value = origin.decode("latin-1").strip().lower()
    return "://" in value and value.split("://", 1)[1].rstrip("/") == host.decode("latin-1").strip().lower()


def local_host(value: bytes) -> bool:
    """Is a Host header ("127.0.0.1:7860", "[::1]:7860", "localhost") a name of this computer?"""
    host = value.decode("latin-1").strip().lower()
    if host.startswith("["):
        host = host[1:host.find("]")] if "]" in host else ""
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host in LOCAL_NAMES


def api_routes(service, auth: tuple[str, str] | None = None) -> list:
    """The /api/* routes (Starlette routes, for FastAPI(routes=...) or app.router.routes)."""
    router = APIRouter()

    def refused() -> JSONResponse:
        return JSONResponse({"error": "Log in first: send the --auth user and password with HTTP Basic "
                                      "(curl -u USER:PASSWORD), or log in on the chat page."},
                            status_code=401, headers={"WWW-Authenticate": 'Basic realm="notesqa"'})

    async def answer(request: Request, op: str, args: dict, from_text: bool = True) -> JSONResponse:
        if auth is not None and not (check_basic(request.headers.get("authorization"), auth)
                                     or _gradio_session(request)):
            return refused()
        try:
            result = await run_in_threadpool(service.call, op, args, names=QUERY_NAMES[op], from_text=from_text)
            return JSONResponse(result)
        except NotesQAError as exc:
            return JSONResponse({"error": _message(exc)}, status_code=status_code(exc))
        except Exception as exc:  # noqa: BLE001 - the client gets a message, never a traceback
            log.exception("/api %s failed", op)
            return JSONResponse({"error": f"Something went wrong ({type(exc).__name__}); the server log has the "
                                          "details."}, status_code=500)

    def query(request: Request, op: str) -> dict:
        spec = service_spec(op)
        args: dict = {}
        for name, value in request.query_params.multi_items():
            args.setdefault(name, []).append(value)
        # repeatable lists stay lists; every other value is checked as given once
        return {n: (v if spec.get(QUERY_NAMES[op].get(n, n)) == "texts" else (v[0] if len(v) == 1 else v))
                for n, v in args.items()}

    @router.get("/api/search")
    async def api_search(request: Request):
        return await answer(request, "search", query(request, "search"))

    @router.post("/api/search")
    async def api_search_body(request: Request):
        # a passage an editor sends as the question ("notes related to this selection") may pass what a
        # URL holds; the body's values are JSON, typed (k is a number, tag a list or one text)
        body = _json_body(await request.body())
        if isinstance(body, JSONResponse):
            return body
        return await answer(request, "search", body, from_text=False)

    @router.get("/api/note")
    async def api_note(request: Request):
        return await answer(request, "read_note", query(request, "read_note"))

    @router.get("/api/status")
    async def api_status(request: Request):
        return await answer(request, "status", query(request, "status"))

    @router.post("/api/refresh")
    async def api_refresh(request: Request):
        args = query(request, "refresh")
        extra = _json_body(await request.body())
        if isinstance(extra, JSONResponse):
            return extra
        return await answer(request, "refresh", {**args, **extra})

    router.add_api_route("/api/{rest:path}", _elsewhere, methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    return list(router.routes)


def _json_body(body: bytes) -> dict | JSONResponse:
    """A request body as arguments: nothing, or a JSON object; else the 400 that says so."""
    if not body.strip():
        return {}
    import json

    try:
        extra = json.loads(body)
    except ValueError:
        return JSONResponse({"error": "The body must be JSON: an object such as {\"q\": \"...\"} (or nothing)."},
                            status_code=400)
    if not isinstance(extra, dict):
        return JSONResponse({"error": "The body must be a JSON object (or nothing)."}, status_code=400)
    return extra


_ENDPOINTS = {"search": "GET, POST", "note": "GET", "status": "GET", "refresh": "POST"}


async def _elsewhere(rest: str) -> JSONResponse:
    """A wrong path or method under /api/: the API's own shape, {"error": ...}, saying what there is."""
    there = ", ".join(f"{m.replace(', ', ' or ')} /api/{p}" for p, m in _ENDPOINTS.items())
    if rest in _ENDPOINTS:
        return JSONResponse({"error": f"Use {_ENDPOINTS[rest].replace(', ', ' or ')} /api/{rest}; the endpoints "
                                      f"are {there}."},
                            status_code=405, headers={"Allow": _ENDPOINTS[rest]})
    return JSONResponse({"error": f"No endpoint /api/{rest}; the endpoints are {there}."}, status_code=404)


def service_spec(op: str) -> dict[str, str]:
    from .service import OPERATIONS

    return {name: kind for name, (kind, _) in OPERATIONS[op].items()}
