import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from notesqa.embedding.hashing import HashEmbedder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_NOTES = ROOT / "notes"
SHARED = Path(os.environ.get("NOTESQA_SHARED", ROOT.parent / "shared"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting encode calls and texts: what a build re-embeds is exact."""

    def __init__(self, dim: int = 256):
        super().__init__(dim)
        self.calls = 0
        self.encoded = 0

    def encode(self, texts, progress=None):
        self.calls += 1
        self.encoded += len(texts)
        return super().encode(texts, progress)


@pytest.fixture
def embedder():
    return CountingEmbedder(256)


@pytest.fixture
def notes(tmp_path) -> Path:
    """A small notes folder: nested bullets, headings, front matter, a table, code, prose."""
    d = tmp_path / "notes"
    write(d / "aws-2024.md", """
        ---
        title: AWS re:Invent 2024
        tags: aws
        ---

        # Keynotes

        ## CTO Werner Vogels

        * Lessons in Simplexity
          * Organize into cells
            * Cell based architecture
            * Shuffle sharding to map customers to cells
            * Partitioning strategy + Control plane
          * Automate complexity
            * Automate everything that doesn't need a human in the loop
        * Tesler's law - Complexity can neither be created nor destroyed only moved somewhere else
        """)
    write(d / "2023-12-11-aws-2023.md", """
        ---
        title: AWS re:Invent 2023
        tags: [aws, conferences]
        ---

        # Keynotes

        ## CTO Werner Vogels

        * Werner's personal project - radiology with machine learning
          * Trying to recognize signs of brain hemorrhage in CT scans
        * Cells again, but shorter this year
        """)
    write(d / "cooking/2024-02-01-bread.md", """
        ---
        title: Sourdough bread
        tags: [cooking]
        ---

        The loaf that finally worked. Feeding the starter twice a day made the difference.

        | ingredient | weight |
        |---|---|
        | flour | 500 g |
        | salt | 10 g |

        To bake, preheat the oven like this:

        ```sh
        oven --temp 250
        ```

        1. Mix flour and water
        2. Bulk ferment for five hours
           * Four sets of stretch and folds
        """)
    write(d / ".obsidian/workspace.md", "* hidden folder, never indexed\n")
    return d


@pytest.fixture
def built(notes, tmp_path, embedder):
    from notesqa import build_index

    index = tmp_path / "index"
    report = build_index(notes, index, embedder=embedder)
    return notes, index, report


def copy_sample_notes(dest: Path) -> Path:
    shutil.copytree(SAMPLE_NOTES, dest)
    return dest


@pytest.fixture
def sample(tmp_path, embedder):
    """The sample notes (notes/) copied and indexed with the fake model: (notes, index)."""
    from notesqa import build_index

    notes = copy_sample_notes(tmp_path / "notes")
    index = tmp_path / "index"
    build_index(notes, index, embedder=embedder)
    return notes, index


# --------------------------------------------------------------------------- the chat (test_ui_*.py)

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
    """The chat over the built notes."""
    from notesqa.ui.chat import ChatService

    notes, index, _ = built
    return ChatService(notes, index, embedder=embedder)


@pytest.fixture
def hostile(built, embedder):
    """A chat whose notes hold a clipping full of script, event handlers and javascript: links."""
    from notesqa.ui.chat import ChatService

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


def embeds_graph(root: Path) -> Path:
    """A Logseq graph whose Rules page embeds a block of the Bicycle page, then the whole page."""
    graph = root / "g"
    (graph / "journals").mkdir(parents=True)
    write(graph / "pages" / "Bicycle.md", "- ## Maintenance\n\t- Chain: clean and lube every 300 km\n"
          "\t  id:: 650000aa-0000-4000-8000-000000000001\n\t- Tyre pressure 80 psi front\n")
    write(graph / "pages" / "Rules.md", "- Freeze deploys on Fridays after 2pm\n"
          "\t- {{embed ((650000aa-0000-4000-8000-000000000001))}}\n\t- {{embed [[Bicycle]]}}\n")
    return graph


def link_out(notes: Path, outside_dir: Path):
    """A note file outside the notes folder, linked in as link.md; returns a function that swaps an
    indexed note for a link to it (after a build), as a hostile edit would."""
    outside = outside_dir / "outside.md"
    outside.write_text("* secret outside the notes\n", encoding="utf-8")
    os.symlink(outside, notes / "link.md")

    def swap(rel: str) -> None:
        (notes / rel).unlink()
        os.symlink(outside, notes / rel)

    return swap


NOTION_EXPORT = "Export-7c1e2f90-3b4a-4d6e-9f21-8a5b0c3d2e11"
HUB = f"{NOTION_EXPORT}/Research Hub d5d3349606dfa61c2301dc38a80b1bf3"
DANA = f"{HUB}/Interviews 023c87b8295f4780ce47de47b22ae1e7/Interview with Dana a09ede4ee6ca445799f1c3ad5e2269b2.md"
STUDY = f"{HUB}/Studies 80e13003a9d17c63be830c62f49e6d46/Acme onboarding study a64b71ba78d78cd71ddc7d32ea79b586.md"


def write_notion_export(d: Path) -> Path:
    """A small Notion "Markdown & CSV" export: pages named "Title <id>", a database's row pages opening
    with their properties (a relation to another page among them), a callout, and the database's .csv."""
    write(d / DANA, """
        # Interview with Dana

        Date: September 20, 2022
        Participants: Dana Kim
        Study: Acme onboarding study (../Studies%2080e13003a9d17c63be830c62f49e6d46/Acme%20onboarding%20study%20a64b71ba78d78cd71ddc7d32ea79b586.md)
        Status: Synthesized
        Tags: onboarding, mobile

        ## Key moments

        - Took 3 photos before the app accepted the insurance card
        """)
    write(d / STUDY, """
        # Acme onboarding study

        Status: Done
        Dates: September 12, 2022 → October 30, 2022

        <aside>
        💡 Headline: the insurance card step is where people give up.

        </aside>

        - Interviewed [Interview with Dana](../Interviews%20023c87b8295f4780ce47de47b22ae1e7/Interview%20with%20Dana%20a09ede4ee6ca445799f1c3ad5e2269b2.md)
        """)
    write(d / f"{HUB}/Journal 4e06dc12826bedc85f2f50d0b3c31a26/March 4, 2024 a08d741ebf0ee7618c223cf99e69e850.md", """
        # March 4, 2024

        Date: March 4, 2024
        Mood: 🙂 Good
        Tags: maison-lumiere

        Kickoff with the Maison Lumière team in Paris.
        """)
    write(d / f"{HUB}/Interviews 023c87b8295f4780ce47de47b22ae1e7.csv", "Name,Date\nInterview with Dana,2022-09-20\n")
    write(d / f"{HUB}/Interviews 023c87b8295f4780ce47de47b22ae1e7_all.csv", "Name,Date\nInterview with Dana,2022-09-20\n")
    return d
