"""Fixtures and checks shared by the chat's tests (test_ui_*.py): import the fixtures by name."""

from __future__ import annotations

import re

import pytest

from conftest import write
from notesqa.ui.chat import ChatService

HOSTILE = """
    ---
    title: Clipped <b>page</b>
    tags: [inbox]
    ---

    # Pasted <img src=x onerror="window.__pwned=1">

    * Zebra one <script>window.__pwned = 1</script>
    * Zebra two <img src=x onerror="window.__pwned=2">
    * Zebra three [click](javascript:window.__pwned=3) and <a href="javascript:alert(1)">x</a>
    * Zebra four ![tracker](https://example.com/pixel.png) and [web](https://example.com/)
    """


@pytest.fixture
def service(built, embedder):
    notes, index, _ = built
    return ChatService(notes, index, embedder=embedder)


@pytest.fixture
def hostile(built, embedder):
    """A chat whose notes hold a clipping full of script, event handlers and javascript: links."""
    notes, index, _ = built
    write(notes / "inbox/clip.md", HOSTILE)
    svc = ChatService(notes, index, embedder=embedder)
    svc.build()
    return svc


def no_active_html(text: str) -> None:
    """No element or attribute that can run script, and no remote loads (escaped text is fine)."""
    for tag in re.findall(r"<[^>]+>", text):
        assert not re.match(r"<\s*(script|img|iframe|object|embed|svg|style|link|meta)\b", tag, re.I), tag
        assert not re.search(r"\son\w+\s*=", tag, re.I), tag
        assert not re.search(r"(href|src|action)\s*=\s*[\"']?\s*(javascript|data|vbscript):", tag, re.I), tag
