"""The `notesqa` command: index, ask, status, serve, mcp, eval.

Library errors (NotesQAError) become one clear line on stderr and exit code 1;
heavy libraries are imported inside commands so `notesqa --help` stays fast.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import click

from .config import ENV_INDEX, ENV_MODEL, ENV_NOTES, K_MAX, default_index_dir, default_notes_dir
from .errors import NotesQAError
from .notefiles import NOT_READ, readable_path
from .wording import counted


def _notes_option(f):
    return click.option("--notes", "notes_dir", type=click.Path(path_type=Path), default=None,
                        help=f"Notes folder (default: ${ENV_NOTES}, else the folder the index was built from, "
                             "else notes/).")(f)


def _index_option(f):
    return click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None,
                        help=f"Index folder (default: ${ENV_INDEX} or index/).")(f)


def _model_option(f):
    return click.option("--model", default=None,
                        help=f"sentence-transformers model name or local path to build with (default: ${ENV_MODEL}, "
                             "else the index's own model, else all-MiniLM-L6-v2, bundled). Questions use the model "
                             "the index was built with; a different --model is refused with what to do.")(f)


def _dirs(notes_dir, index_dir):
    """The notes and index folders: as given, else the folder the index was built from,
    else the defaults. So `notesqa index --index ~/vault-index` refreshes the vault it was
    built from instead of replacing it with ./notes."""
    index_dir = index_dir or default_index_dir()
    if notes_dir is None and not os.environ.get(ENV_NOTES):
        notes_dir = built_from(index_dir)
    return (notes_dir or default_notes_dir(), index_dir)


def built_from(index_dir) -> Path | None:
    """The notes folder index_dir was last built from, if it is not the default. A folder
    that is gone (an unmounted drive) is still returned: the command then says it is
    missing instead of refilling the index from ./notes."""
    from .store import read_manifest

    try:
        _, manifest = read_manifest(Path(index_dir))
    except NotesQAError:
        return None
    source = manifest.notes_dir
    if not source:
        return None
    source = Path(source)
    try:
        if source.resolve() == default_notes_dir().resolve():
            return None  # keep the short name in messages
    except OSError:
        pass
    return source


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NotesQAError as exc:
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(1)


class _Question(click.Command):
    """A command whose argument is a question: a question with a flag in it ("what does --force-with-lease
    do?") is told how to ask it, not only that the flag is no option."""

    def parse_args(self, ctx, args):
        given = list(args)  # (the parser takes what it reads out of args)
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            at = next((i for i, a in enumerate(given) if re.match(r"-(?:tag|path):", a, re.IGNORECASE)), None)
            if at is not None:  # "-tag:daily atlas": a filter that leaves notes out (the smoke test, s42)
                question = " ".join(given[at:])
                exc.message = (f"{given[at].split()[0]} leaves notes out: put -- before a question that starts with "
                               f"it, after any options: notesqa {ctx.info_name} -- \"{question}\"")
            elif not exc.possibilities:  # not a near-miss of an option ("--tagg"): words of the question
                exc.message = (f"{exc.message.rstrip('.')}: to search for {exc.option_name} itself, put -- before "
                               f"the question, after any options: notesqa {ctx.info_name} -- \"what does "
                               f"{exc.option_name} do\"")
            raise
        except click.BadParameter as exc:
            # "-kafka": a word to leave out, read as -k with "afka" (trial s58 QB)
            glued = next((a for a in given if re.fullmatch(r"-[a-zA-Z]{3,}", a) and exc.param is not None
                          and a[:2] in exc.param.opts), None)
            if glued is not None:
                exc.message = (f"\"{glued}\" reads as the option {glued[:2]} with \"{glued[2:]}\"; a question that "
                               f"leaves out \"{glued[1:]}\" goes after --, after any options: notesqa "
                               f"{ctx.info_name} -- \"{glued}\"")
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="notesqa")
def main():
    """Ask your markdown notes a question; get the bullets that answer it.

    Everything runs locally: notes are embedded on this machine and nothing is sent anywhere.
    """


# --------------------------------------------------------------------------- index


class _TqdmProgress:
    """A progress bar per build stage on stderr; off a terminal (a pipe, a log file), one line per stage
    instead, since a bar redraws itself with carriage returns."""

    LABELS = {"parse": "reading notes", "embed": "embedding", "words": "embedding the notes' words", "write": "writing index"}
    UNITS = {"embed": "chunk", "parse": "note", "words": "word"}  # what a stage counts
    # off a terminal, a stage of this many notes, chunks or words says how far it is at each tenth (a word is
    # embedded some 20 times faster than a chunk: 1,135 words had taken six lines for a second's work)
    LONG = {"note": 1000, "chunk": 1000, "word": 20000}

    def __init__(self, enabled: bool, bars: bool = True, wait: bool | float = True):
        self.enabled = enabled
        self.bars = bars
        # how long a build waits for another (the review: "waiting for it to finish..." had not said it gives up)
        self.waiting = "" if wait is True else f" (up to {wait:g} s; `--wait` waits as long as it takes)"
        self.bar = None
        self.stage = None
        self.tenth = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "wait":
            click.echo(f"Another build is running on this index: waiting for it to finish{self.waiting}...", err=True)
            return
        if not self.enabled or stage == "scan":
            return
        if not self.bars:
            unit = self.UNITS.get(stage)
            if stage != self.stage:
                self.stage, self.tenth = stage, 0
                click.echo(self.LABELS.get(stage, stage) + (f": {counted(total, unit)}" if unit else ""), err=True)
            elif unit and total >= self.LONG.get(unit, 1000) and done * 10 // total > self.tenth:
                # a log file of a long build shows it moving: a line at each tenth
                self.tenth = done * 10 // total
                click.echo(f"{self.LABELS.get(stage, stage)}: {done:,} of {total:,} {unit}s ({done * 100 // total}%)",
                           err=True)
            return
        from tqdm import tqdm

        if stage != self.stage:
            self.close()
            self.stage = stage
            # initial=done: the work before the first report is not timed, so no absurd first rate
            self.bar = tqdm(total=total, initial=done, desc=self.LABELS.get(stage, stage),
                            unit=self.UNITS.get(stage, "step"),
                            file=sys.stderr, leave=False, dynamic_ncols=True)
            return
        self.bar.total = total
        self.bar.update(done - self.bar.n)

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def run_build(notes_dir, index_dir, model, rebuild=False, wait=False, quiet=False, precision=None, notice=None):
    from .indexing import build_index, embedder_for

    progress = _TqdmProgress(enabled=not quiet, bars=sys.stderr.isatty(), wait=wait)
    try:
        embedder = embedder_for(index_dir, model, precision)  # the model config.choose_model picks
        return build_index(notes_dir, index_dir, embedder.name, rebuild=rebuild, wait=wait, progress=progress,
                           embedder=embedder, notice=notice)
    except KeyboardInterrupt:
        progress.close()
        _say_stopped(index_dir, rebuild)
        raise SystemExit(130) from None
    finally:
        progress.close()


def _say_stopped(index_dir, rebuild: bool = False) -> None:
    """A build stopped by Ctrl-C: what of it is kept (store.save_embedded), for the next build to go on from
    (a --rebuild's only by another: a plain build reuses the index's own vectors instead)."""
    from .store import embedded_count

    n = embedded_count(Path(index_dir))
    again = "`notesqa index --rebuild`" if rebuild else "`notesqa index`"
    kept = (f"the {n:,} chunks embedded so far are kept in {index_dir}/, and the next {again} goes on from "
            "there" if n else "nothing was embedded yet")
    click.echo(f"\nStopped: the index was not changed; {kept}.", err=True)


BRIEF_WAIT = 30.0  # seconds `index` waits for another build before it fails, without --wait


@main.command()
@_notes_option
@_index_option
@_model_option
@click.option("--rebuild", is_flag=True, help="Re-embed everything, even unchanged notes.")
@click.option("--wait", is_flag=True, help=f"If another build is running, wait for it however long it takes "
                                           f"(without: {BRIEF_WAIT:g} s at most, as the chat's refresh after a save).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--precision", type=click.Choice(["int8", "fp32"]), default=None,
              help="Model precision on ONNX Runtime: int8 (default for new indexes: about 1.45x faster builds, "
                   "the same dev-set quality) or fp32 (sentence-transformers' exact vectors). An index keeps its "
                   "precision unless this is given.")
def index(notes_dir, index_dir, model, rebuild, wait, as_json, quiet, precision):
    """Build or refresh the index of a notes folder (only new or changed text is embedded)."""
    notes_dir, index_dir = _dirs(notes_dir, index_dir)
    known = _problems_of(index_dir)
    said: list[str] = []  # why every note is read again, said before the build reads them (trial s38)
    notice = None if quiet or as_json else lambda reason: (said.append(reason), _echo_full_rebuild(reason, model))
    # (a server's watcher refreshes a second after a save: a hook's or a person's index right after waits for it,
    # trial s39, rather than failing)
    report = run_build(notes_dir, index_dir, model, rebuild=rebuild, wait=True if wait else BRIEF_WAIT,
                       quiet=quiet or as_json, precision=precision, notice=notice)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
        return
    if report.full_rebuild_reason and report.full_rebuild_reason not in said:
        _echo_full_rebuild(report.full_rebuild_reason, model)
    # what is new since the last build is named; what it said already is counted
    fresh = [p for p in report.problems if (p.path, p.action, p.reason) not in known]
    empty = [p.path for p in fresh if p.reason in EMPTY_REASONS]
    grouped = len(empty) if len(empty) >= GROUP_FROM else 0
    if grouped:  # said once, counted
        click.secho(f"  skipped: {_empty_notes(empty)}", fg="yellow", err=True)
        fresh = [p for p in fresh if p.reason not in EMPTY_REASONS]
    fresh = fresh[:PROBLEMS_LISTED]
    for p in fresh:
        said = f"{p.path} not read: {p.reason}" if p.action == NOT_READ else f"{p.action}: {p.path}: {p.reason}"
        click.secho(f"  {said}", fg="yellow", err=True)
    if len(report.problems) > len(fresh) + grouped:
        # (a line of them may be a folder of many notes: "Templates/: ... 2 notes not indexed", so no count here)
        said = f"... and {len(report.problems) - len(fresh)} more" if fresh else \
            "The same files as at the last build were"
        click.secho(f"  {said} skipped, repaired or excluded (`notesqa status` lists them)", fg="yellow", err=True)
    read_anew = report.new or report.updated or report.full_rebuild_reason
    if report.coverage is not None and read_anew:  # a refresh that read no note does not repeat the list
        _echo_flagged(report.coverage.flagged, limit=10)
    listed = read_anew or not (report.coverage and report.coverage.flagged)
    click.echo(f"Indexed {notes_dir}/ into {index_dir}/ with {report.model}: {report.summary()}"
               + ("." if listed else " (`notesqa status` lists them)."))


def _echo_full_rebuild(reason: str, model: str | None = None) -> None:
    env = os.environ.get(ENV_MODEL)
    if model is None and env and f"to {env!r}" in reason:  # (a variable set for another vault must not re-embed
        # this one unsaid; not when --model named it: the review)
        reason += f" (${ENV_MODEL} names it)"
    click.echo(f"Full rebuild: {reason}.")


def _echo_model_kept(idx, model: str | None) -> None:
    """A question is embedded with the index's model, whatever $NOTESQA_MODEL names, which `index` builds with:
    say so when they differ (the error-path audit, s43: the variable had changed one command's model, not the
    other's, unsaid)."""
    env = os.environ.get(ENV_MODEL)
    if model is None and env and env != idx.manifest.model:
        click.secho(f"(The index in use was built with {idx.manifest.model}, which questions are embedded with; "
                    f"${ENV_MODEL} names {env}: `notesqa index --rebuild` would embed every note with it.)",
                    dim=True, err=True)


PROBLEMS_LISTED = 20  # files skipped, repaired or excluded that a build names (new ones first)


def _problems_of(index_dir) -> set[tuple[str, str, str]]:
    """The problems the last build of index_dir reported (none when there is none, or it cannot be read)."""
    from .store import read_manifest

    try:
        return {(p.path, p.action, p.reason) for p in read_manifest(Path(index_dir))[1].problems}
    except NotesQAError:
        return set()


def _flag_line(path: str, share: float, reasons) -> str:
    """A note named by coverage: its path, its share when under 100%, and why."""
    pct = f" ({100 * share:.0f}% of its text)" if share < 0.995 else ""
    return f"{path}{pct}: " + "; ".join(_grouped(reasons))


# reasons said many times in one note (a copied lecture note's 47 missing pictures), said once with a count
_REPEATED = ((re.compile(r"^the embed .+? at line (\d+) was not found$"), "embeds not found"),
             (re.compile(r"^block reference \(\(.+?\)\) at line (\d+) not found$"), "block references not found"))
GROUP_FROM = 4  # this many reasons of a kind or more are counted, not listed (`--json` lists them all)


def _grouped(reasons) -> list[str]:
    """reasons, with GROUP_FROM or more of one kind said as one: "47 embeds not found (lines 3, 9, 12, ...)"."""
    out, lines = [], {}
    for reason in reasons:
        kind = next(((what, m.group(1)) for rx, what in _REPEATED if (m := rx.match(reason))), None)
        if kind is None:
            out.append(reason)
        else:
            lines.setdefault(kind[0], []).append(kind[1])
    for what, at in lines.items():
        if len(at) < GROUP_FROM:
            out.extend(r for r in reasons if any(rx.match(r) for rx, w in _REPEATED if w == what))
        else:
            more = ", ..." if len(at) > 5 else ""
            out.append(f"{len(at)} {what} (lines {', '.join(at[:5])}{more})")
    return out


def _echo_flagged(flagged, limit: int | None = None) -> None:
    """Notes whose text was not all read as notes text, and why (to stderr, as warnings are)."""
    shown = flagged if limit is None else flagged[:limit]
    for note in shown:
        click.secho("  not all indexed: " + _flag_line(note.path, note.share, note.reasons), fg="yellow", err=True)
    if len(flagged) > len(shown):
        click.secho(f"  ... and {counted(len(flagged) - len(shown), 'more note')}: `notesqa status` lists them all",
                    fg="yellow", err=True)


# --------------------------------------------------------------------------- ask


def _open_or_build(notes_dir, index_dir, model, quiet=False, build=True):
    """The index, built first from notes_dir when there is none yet (and build is True)."""
    from .errors import IndexNotFoundError
    from .search import NotesIndex

    try:
        return NotesIndex.open(index_dir, model=model)
    except IndexNotFoundError:
        if not build:
            raise
        from .indexing import check_notes_dir

        check_notes_dir(Path(notes_dir))  # no index and no notes to build one from: say which is missing
        if not quiet:
            click.echo(f"No index in {index_dir}/ yet: building it from {notes_dir}/ first.", err=True)
        # another process may be making this first index already: wait for it, then use it
        report = run_build(notes_dir, index_dir, model, wait=True, quiet=quiet)
        if not quiet:
            click.echo(report.summary(), err=True)
        return NotesIndex.open(index_dir, model=model)


def _fenced(hit) -> tuple[list[str], set[int], dict[int, int]]:
    """A hit's lines with each code block it shows between ``` fences, as the note has it: code that shows markup
    (`![[photo.jpg|250]]`, `> [!tip]`) is read as the example it is, not as the note's text. (the lines, the rows that
    are code and fences, each row of the hit's text that is prose -> its row among the lines)."""
    lines: list[str] = []
    code_rows: set[int] = set()
    rows: dict[int, int] = {}
    for kind, text, lang, row in hit.pieces():
        if kind == "text":
            rows.update((row + n, len(lines) + n) for n in range(text.count("\n") + 1))
            lines += text.split("\n")
            continue
        # a fence longer than any run of backticks in the code (a ```mermaid example inside ````md)
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
        block = [f"{fence}{lang}", *text.split("\n"), fence]
        code_rows.update(range(len(lines), len(lines) + len(block)))
        lines += block
    return lines, code_rows, rows


def struck_out(line: str) -> str:
    """line with its "~~words~~" struck out on a terminal, as the notes' app shows them (trial s47: four users read
    the "~~" as markup left raw), and faint: a terminal that cannot strike words out still shows them as no longer
    current (the s47 review); not inside a code span."""
    if "~~" not in line:
        return line
    from .markup import STRUCK

    parts = line.split("`")
    parts[::2] = [STRUCK.sub("\x1b[2;9m\\1\x1b[22;29m", p) for p in parts[::2]]
    return "`".join(parts)


def _mention_order(mention: str) -> str:
    """What a hit of "when did I first (last) mention X?" is ranked by, in place of a score."""
    return f"mentions it ({'oldest' if mention == 'first' else 'newest'} first)"


def format_hit(i: int, hit, explain: bool = False, stale: str = "", path: str | None = None,
               asked: frozenset[str] = frozenset()) -> str:
    """Hit i as ask prints it; path: its file as shown (shown_paths), else the file's own."""
    from .hits import NAMED_NOTE, matched_day, unsaid_day, weekly_label
    from .status import stale_said

    fenced, code, rows = _fenced(hit)
    lines = [_printable(ln, tabs=True) for ln in fenced]
    # (piped, saved or NO_COLOR set, no-color.org's: "~~" stays, struck-out words say they no longer hold)
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        lines = [ln if n in code else struck_out(ln) for n, ln in enumerate(lines)]
    # "[1]", not "1.": a hit on a numbered step reads "[1] 3. Bake ...", not "1. 3. Bake ..."
    out = [click.style(f"[{i}] ", bold=True) + click.style(lines[0], bold=True)]
    # the line that matched, when the hit shows it after others (a list from its lead-in): marked " => ", not
    # inside the code (code is copied as it is), and counted past the fences before it
    row = rows.get(hit.match_row) if hit.match_row is not None else None
    out += [click.style(f" => {ln}", bold=True) if n == row else f"    {ln}" for n, ln in enumerate(lines[1:], 1)]
    out.append(click.style("    " + _printable(" > ".join(hit.breadcrumb)), fg="cyan"))
    embedded = f"  (embedded from {_printable(_readable_source(hit.origin))})" if hit.origin else ""
    # "tag:work" alone, or "which notes link to X": no match to score
    unscored = "listed" if hit.explain is not None and hit.explain.listed else \
        "links to it" if hit.explain is not None and hit.explain.links else \
        _mention_order(hit.explain.mention) if hit.explain is not None and hit.explain.mention else \
        NAMED_NOTE if hit.explain is not None and hit.explain.opened else None
    at = f" (match at line {hit.match_line})" if hit.match_line else ""
    # (a far-off passage's rank can dip below 0, a filter's few hits among them: shown as 0, as the chat does; trial
    # s53's "score -0.025" had read as a fault)
    score = max(0.0, hit.score)
    scored = f"  {unscored}" if unscored else f"  score {score:.3f}"
    # its day put it here, not its score, as the chat says it (trials s47 F, J); no score beside it, which reads out of
    # order where days put hits ("due 2026-12-09, score 0.800" above "score 0.895", trials s62 A, B, D)
    if not unscored and hit.explain is not None and hit.explain.day_match:
        scored = f"  {matched_day(hit, asked)}"
    elif not unscored and hit.explain is not None and hit.explain.weekly:  # ("Sat 09:15, small pool", trial s74 M)
        scored = f"  {weekly_label(asked)}"
    elif not unscored and hit.explain is not None and hit.explain.recent:  # "our last 1:1": the newest, as written
        scored = "  newest match"
    if not (hit.explain is not None and hit.explain.day_match) and (day := unsaid_day(hit)):
        scored = f"  dated {day}, {scored.strip()}"  # the day its front matter says, shown nowhere else (trial s53)
    out.append(click.style(f"    {_printable(path or hit.path)}:{hit.line}{at}", fg="green") + click.style(scored, dim=True)
               + click.style(embedded, fg="green")
               + click.style(f"  ({stale_said(stale)})" if stale else "", fg="yellow"))
    if explain and hit.explain is not None:
        out.append(click.style(f"    why: {hit.explain}", dim=True))
    return "\n".join(out)


def shown_paths(paths: list[str], places: dict[str, str] | None = None) -> dict[str, str]:
    """Each hit's file as ask prints it: a Notion page's path without its 32-hex ids, as the chat shows it (trial
    s38: 190 characters of ids a line), a Joplin note's by its notebook and title (places, _joplin_places), unless
    two of the files would read the same ("Wiki/Untitled.md": the review); --json keeps the files' own."""
    readable = {p: (places or {}).get(p) or readable_path(p) for p in dict.fromkeys(paths)}
    times = Counter(readable.values())
    return {p: p if times[r] > 1 else r for p, r in readable.items()}


def _joplin_places(hits) -> dict[str, str]:
    """The hits of notes of a Joplin sync folder as Joplin shows them, by path: "joplin/Home/Boiler service" for
    joplin/<32 hex>.md (trial s38: notes named by their ids); their notebook is the hit's folder."""
    from . import joplin

    return {h.path: place for h in hits if (place := joplin.shown_path(h.path, h.folder, h.title))}


def _readable_source(source: str) -> str:
    """A "path:line" with the path as a person reads it (a Notion page's without its ids)."""
    path, sep, line = source.rpartition(":")
    return f"{readable_path(path)}:{line}" if sep and line.isdigit() else readable_path(source)


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_AND_TAB = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(text: str, tabs: bool = False) -> str:
    """text with its control characters written out ("\\n", "\\x1b"): a line break in a file's name does not split
    a line, and a terminal's escape in a name or a note runs nothing (trial s38, the review); tabs: kept as tabs."""
    names = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    control = _CONTROL if tabs else _CONTROL_AND_TAB
    return control.sub(lambda m: names.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


@main.command(cls=_Question)
@click.argument("question", nargs=-1, required=True)
@click.option("-k", default=5, show_default=True, type=click.IntRange(1, K_MAX), help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.option("--explain", is_flag=True, help="Say why each hit ranked: dense, keyword and fused scores.")
@click.option("--min-score", type=float, default=None, help="Drop hits scoring below this.")
@click.option("--tag", "tags", multiple=True, help="Only notes with this tag (repeatable).")
@click.option("--path", "paths", multiple=True,
              help="Only notes whose path matches this glob, or in this folder; \".\" is the notes folder "
                   "itself (repeatable).")
@click.option("--after", default=None, help="Only notes dated on or after YYYY-MM-DD.")
@click.option("--before", default=None, help="Only notes dated on or before YYYY-MM-DD.")
@_notes_option
@_index_option
@_model_option
def ask(question, k, as_json, explain, min_score, tags, paths, after, before, notes_dir, index_dir, model):
    """Ask a question; print the best bullets with breadcrumb and file:line.

    Filters can also go in the question: tag:aws path:work/* after:2024-01-01 before:2024-12-31.
    Words in double quotes ("shuffle sharding") must be said in that order; -word leaves out what says it.

    Each hit shows its passage, its breadcrumb (note > headings > parent bullets) and file:line. " => " marks
    the line that matched where a hit shows lines around it (match at line N); "… (line N, Heading)" goes on
    to another part of the same note. Hits come in the order that answers: the days asked first (tasks by
    the day they are due), a table's two best rows, its others after the passages near their score (so a
    score may stand above a higher one); the label then says why ("due 2026-12-09", "of the days asked",
    "newest match"), else it gives the score. --explain says what each score is made of.
    """
    from .query import check_question

    asked = " ".join(question)
    check_question(asked)
    # a first question builds the index, but not from the default notes into a folder named with
    # --index alone: that is a typo or another vault's index, not a wish to index ./notes there
    build = notes_dir is not None or index_dir is None or bool(os.environ.get(ENV_NOTES))
    notes_dir_given = notes_dir
    notes_dir, index_dir = notes_dir or default_notes_dir(), index_dir or default_index_dir()
    if notes_dir_given or os.environ.get(ENV_NOTES):
        from .store import check_built_from

        # an index of another folder answers nothing for this one, in text as in --json (trial s37: a script got the
        # other vault's hits with exit 0), as `index`, MCP and the chat refuse it
        check_built_from(Path(index_dir), Path(notes_dir), serving=True)
    idx = _open_or_build(notes_dir, index_dir, model, quiet=as_json, build=build)
    _echo_model_kept(idx, model)
    filters = paths  # (paths names the hits' shown paths below)

    def search(n: int) -> list:
        return idx.search(asked, k=n, tags=tags or None, paths=filters or None, after=after, before=before,
                          min_score=min_score)

    hits = search(k)
    said = idx.notice(hits, asked) if hits else None
    changes, other = _since_build(idx, notes_dir_given, index_dir, [h.path for h in hits])
    if as_json:  # stdout stays the list of hits; why it is empty, or that it is weak, goes to stderr
        click.echo(json.dumps([{**{f: v for f, v in h.to_dict().items() if explain or f != "explain"},
                                **({"stale": True} if changes is not None and changes.became(h.path) else {})}
                               for h in hits],
                              indent=1, ensure_ascii=False))
        if not hits:
            _echo_no_hits(idx, asked, tags, paths, after, before, min_score, err=True)
        elif said:  # as a sentence about the hits printed: "...; the hits are the nearest passages." (a typo's
            # "; searched for ..." is kept; trial s61 XD: "... matches this closely." after hits had read as a
            # contradiction)
            click.echo(re.sub(r";\s*([^;]*):$", r"; the hits are \1.", said), err=True)
        return  # a hit of a note changed since the build says so itself ("stale")
    _echo_followup_hint(asked, idx.note_names_in)
    if not hits:
        _echo_no_hits(idx, asked, tags, paths, after, before, min_score)
    else:
        if said:
            click.secho(said + "\n", fg="yellow")
        paths = shown_paths([h.path for h in hits], _joplin_places(hits))
        days_asked = idx.days_asked(asked)
        shown = [format_hit(i, h, explain, stale=changes.became(h.path) if changes is not None else "",
                            path=paths[h.path], asked=days_asked) for i, h in enumerate(hits, 1)]
        others = idx.others_from(hits, asked)
        if others is not None:  # "what is due this week?": the hits after these are not of this week
            shown[others[0]] = click.style(others[1], fg="yellow") + "\n\n" + shown[others[0]]
        click.echo("\n\n".join(shown))
        _echo_more_tasks(idx, hits, asked, search)
    from .status import read_by_older

    _echo_stale(changes, other, notes_dir_given, index_dir, read_by_older(idx.manifest))


def _echo_more_tasks(idx, hits, asked: str, search) -> None:
    """After the hits of "what's due next week?" that show only some of the tasks due: how to see them all (trials s66
    C, J, Q: "6 open tasks are due ..., 5 of them here" had not said how), the -k that does, counting the passages of
    those days ranked among them (search: the same search for n hits; trials s90 G, F: "(-k 8 shows all 8.)" had been
    said after -k 8, a line due "by 6 Mar" among the eight)."""
    count, shown = idx.task_count(asked), idx.tasks_shown(hits, asked)
    if count is None or shown is None or not shown < count <= K_MAX:
        return
    more = search(K_MAX)
    needed = next((n for n in range(len(hits) + 1, len(more) + 1) if idx.tasks_shown(more[:n], asked) >= count), None)
    if needed is not None:
        click.secho(f"\n(-k {needed} shows all {count}.)", fg="yellow")


def _only_days(question: str) -> bool:
    """Is the question only days ("this summer", "last week"), no "and" before them: a search of those days, not a
    follow-up read on its own (trial s65 N: `ask "this summer"` had said it was searched "without the one before it",
    of no question before it)?"""
    from .chunking import has_words
    from .conversation import without_days
    from .grammar import FILTER
    from .periods import days

    return bool(days(question)) and not has_words(without_days(FILTER.sub(" ", question)))  # ("and ...?" has words)


def _echo_followup_hint(question: str, names_in) -> None:
    """A question that goes on from one before by its first words ("and in children?") is read on its own here: say
    where it is not (not for a note's name, "the Ashborn": names_in is NotesIndex.note_names_in; nor for a pronoun alone,
    "if in doubt leave it out", trials s89 I, W: said of no question before)."""
    from .chunking import has_words
    from .conversation import followup_kind, names_its_subject, only_a_name, opens_on
    from .grammar import FILTER
    from .query import visible
    from .wording import in_quotes

    if followup_kind(question) == "sure" and opens_on(question) and has_words(FILTER.sub(" ", question)) \
            and not _only_days(question) \
            and not only_a_name(question, names_in) and not names_its_subject(question, names_in):  # not filters alone
        shown = in_quotes(" ".join(visible(question).split()))  # (as every message quotes: not Python's repr)
        click.secho(f"(`notesqa ask` reads each question on its own: {shown} is searched without the one "
                    "before it. Follow-ups work in the chat: notesqa serve.)\n", dim=True, err=True)


def _echo_no_hits(idx, question: str, tags, paths, after, before, min_score, err: bool = False) -> None:
    """Why nothing was found: a filter no note passes, a --min-score above every hit, or no match."""
    from .hits import no_match
    from .grammar import FILTER

    why = idx.why_nothing(question, tags=tags, paths=paths, after=after, before=before)
    # hits without the bar: that is why, whatever else why_nothing says (a tag searched as words: the review)
    if min_score is not None and idx.search(question, k=1, tags=tags or None, paths=paths or None, after=after,
                                            before=before):
        why = f"No hit scores {min_score} or more: try a lower --min-score."
    click.echo(no_match(bool(tags or paths or after or before or FILTER.search(question)), why), err=err)


def _since_build(idx, notes_dir, index_dir, hits: list[str]):
    """(the notes changed since the build, or None; or what to say when the index is of another folder);
    hits: the paths of the hits, all that is checked in a folder too big to scan at each question."""
    from .status import stale_since_build
    from .store import of_other_notes, other_notes_said, other_notes_ways

    manifest = idx.manifest
    folder = Path(notes_dir or os.environ.get(ENV_NOTES) or manifest.notes_dir or default_notes_dir())
    if not folder.is_dir():
        return None, None
    built = of_other_notes(manifest, folder)
    if built:
        return None, (f"{other_notes_said(Path(index_dir), built, folder)}: these hits are from there; "
                      f"{other_notes_ways(built, folder)}.")
    return stale_since_build(folder, manifest, Path(index_dir), hits), None


def _read_by_older_said(notes_dir, index_dir) -> str:
    """What status and ask say of an index built by a notesqa that read notes otherwise."""
    return (f"this notesqa reads notes differently from the one that built the index: run "
            f"`{_index_command(notes_dir, index_dir)}` (only new or changed text is embedded again)")


def _echo_stale(changes, other: str | None, notes_dir, index_dir, older: bool = False) -> None:
    """After the hits: a note added or edited since the build is not in them, so say so (as status does); and that
    the index was read by another notesqa (older: status.read_by_older; trial s64 U, a week's note named in words had
    stayed of no day until `notesqa index` ran, `ask` saying nothing)."""
    if older:
        click.secho(f"\n({_read_by_older_said(notes_dir, index_dir)}.)", fg="yellow", err=True)
    if other:
        click.secho(f"\n({other})", fg="yellow", err=True)
    elif changes and not changes.among_hits:  # (else only the hits' notes are known: each says so)
        command = _index_command(notes_dir, index_dir)
        click.secho(f"\n({changes.summary()} notes since the index was built: run `{command}` to include them.)",
                    fg="yellow", err=True)


def _index_command(notes_dir, index_dir) -> str:
    """The `notesqa index` that refreshes this index, with the folders it needs when not the defaults."""
    command = "notesqa index"
    if notes_dir is not None and Path(notes_dir).resolve() != default_notes_dir().resolve():
        command += f" --notes {notes_dir}"
    if Path(index_dir).resolve() != default_index_dir().resolve():
        command += f" --index {index_dir}"
    return command


# --------------------------------------------------------------------------- status


@main.command()
@_notes_option
@_index_option
@click.option("--json", "as_json", is_flag=True, help="Print status as JSON.")
def status(notes_dir, index_dir, as_json):
    """What is indexed, when, with which model, and which notes changed since."""
    from .status import read_status
    from .store import other_notes_said, other_notes_ways

    notes_dir, index_dir = _dirs(notes_dir, index_dir)
    st = read_status(notes_dir, index_dir)
    if as_json:
        click.echo(json.dumps(st.to_dict(), indent=1))
        return
    click.echo(f"Index:   {st.index}/ (format {st.format_version}, {st.generation})")
    precision = f" ({st.precision})" if st.precision else ""
    click.echo(f"Built:   {st.built_at} with {st.model}{precision}")
    repaired = f", {len(st.repaired_files)} repaired" if st.repaired_files else ""
    click.echo(f"Holds:   {counted(st.notes, 'note')}, {counted(st.chunks, 'chunk')} "
               f"({counted(st.skipped, 'file')} skipped{repaired})")
    _echo_listed("skipped", _skipped_lines(st.skipped_files))
    _echo_listed("excluded", [f"{rel}: {reason}" for rel, reason in st.excluded])
    for files, reason in st.not_read:
        click.echo(f"  {files} not read: {reason}")
    _echo_listed("repaired", [f"{rel}: {reason}" for rel, reason in st.repaired_files])
    # (trial s37: a dashboard of only a Dataview query was in no answer, and nothing said why)
    _echo_listed("nothing to search", _no_text_lines(st.no_text))
    if st.related_words:
        click.echo(f"Words:   {counted(st.related_words, 'word')} of the notes kept, to find a question's words said "
                   "in other words or misspelt")
    elif st.related_words_damage:
        click.echo(f"Words:   the notes' words kept to find a question's words said in other words or misspelt are "
                   f"damaged ({st.related_words_damage}), so questions go without them: run "
                   f"`{_index_command(notes_dir, index_dir)}` to write them again")
    elif st.related_words is None:
        click.echo(f"Words:   none kept to find a question's words said in other words or misspelt (an index written "
                   f"before them): run `{_index_command(notes_dir, index_dir)}` to keep them")
    _echo_coverage(st.coverage)
    if st.of_notes:  # (trial s37: its changes against the other folder had advised an `index` that is refused)
        click.echo(f"Notes:   {other_notes_said(Path(st.index), st.of_notes, Path(st.notes_dir))}: "
                   f"{other_notes_ways(st.of_notes, Path(st.notes_dir))}")
    else:
        _echo_changes(st.changes, st.notes_dir, _index_command(notes_dir, index_dir), st.read_as)
    if st.read_by_older:
        click.echo(f"Reading: {_read_by_older_said(notes_dir, index_dir)}")
    elif st.read_as_built:
        click.echo(f"Reading: the notes are read as {st.read_as} now, {st.read_as_built} at the build: run "
                   f"`{_index_command(notes_dir, index_dir)}` (every note is read again, only changed text embedded)")


def _echo_coverage(cov) -> None:
    """The share of the notes' text indexed, and each note with text not indexed."""
    from .coverage import LOW_SHARE, MIN_CHARS

    if not cov.chars:
        return
    # the shares as --json rounds them, so the text and the JSON agree
    n = len(cov.flagged)
    flagged = (f"{counted(n, 'note')} with text not indexed" if n else
               # (a short note is not named for its share alone: said, as --json shows its share, trial s55's template)
               f"no note flagged (each of {MIN_CHARS} characters or more has {100 * LOW_SHARE:.0f}% or more of its "
               "text indexed, and nothing unreadable)")
    click.echo(f"Text:    {cov.percent} indexed ({cov.indexed:,} of {cov.chars:,} characters of "
               f"notes text, not counting markup or front matter); {flagged}")
    for note in cov.flagged[:STATUS_LISTED]:
        click.echo("  " + _flag_line(note.path, round(note.share, 3), note.reasons))
    if n > STATUS_LISTED:
        click.echo(f"  ... and {n - STATUS_LISTED} more with text not indexed (`notesqa status --json` lists all)")


# notes of each kind (skipped, repaired, new, changed, ...) `notesqa status` names: its last line, whether the
# notes changed since the build, stays in sight (trial A: 843 repaired notes had filled the screen)
STATUS_LISTED = 10


EMPTY_REASONS = ("empty file", "empty note")  # (notefiles.read_note's)


def _first_few(paths: list[str]) -> str:
    return ", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")


def _empty_notes(paths: list[str]) -> str:
    """Empty notes said as one line: a Logseq graph keeps a journal file for days with nothing written, an Obsidian
    vault a note for a link clicked before it was written (trial s51: a graph's empty journals each had a line)."""
    return f"{len(paths)} empty notes, nothing in them to index ({_first_few(paths)})"


def _skipped_lines(skipped) -> list[str]:
    """The files skipped, "path: why" each, GROUP_FROM empty notes or more said as one line first."""
    empty = [rel for rel, reason in skipped if reason in EMPTY_REASONS]
    if len(empty) < GROUP_FROM:
        return [f"{rel}: {reason}" for rel, reason in skipped]
    return [_empty_notes(empty)] + [f"{rel}: {reason}" for rel, reason in skipped if reason not in EMPTY_REASONS]


def _no_text_lines(rels) -> list[str]:
    """The notes with nothing to search, GROUP_FROM daily notes or more with nothing written said as one line."""
    from .metadata import daily_note

    days = [rel for rel in rels if daily_note(rel)]
    days = days if len(days) >= GROUP_FROM else []
    grouped = set(days)  # (a graph of years of journals: a set, not a list scanned per note)
    return [f"{len(days)} daily notes with nothing written ({_first_few(days)})"] * bool(days) + [
        f"{rel} (only a title, front matter, a query or files)" for rel in rels if rel not in grouped]


def _echo_listed(kind: str, lines: list[str]) -> None:
    for line in lines[:STATUS_LISTED]:
        click.echo(f"  {kind}: {line}")
    if len(lines) > STATUS_LISTED:
        click.echo(f"  ... and {len(lines) - STATUS_LISTED} more {kind} (`notesqa status --json` lists all)")


def _echo_changes(changes, notes_dir: str, command: str, read_as: str = "") -> None:
    where = f"{notes_dir}/" + (f" (read as {read_as})" if read_as else "")
    if changes is None:
        click.echo(f"Notes:   {where} not found")
    elif not changes:
        click.echo(f"Notes:   {where} unchanged since the build")
    else:
        click.echo(f"Notes:   {changes.summary()} since the build; run `{command}` to refresh")
        for kind, paths in changes.to_dict().items():  # a moved folder is a thousand notes deleted and as many new
            _echo_listed(kind, list(paths))


# --------------------------------------------------------------------------- serve


@main.command()
@_notes_option
@_index_option
@_model_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (127.0.0.1 = this machine only).")
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--share", is_flag=True, help="Create a public Gradio share link (off by default).")
@click.option("--auth", default=None, metavar="USER:PASSWORD", help="Require this login.")
@click.option("--no-watch", is_flag=True, help="Do not refresh the index when notes change.")
def serve(notes_dir, index_dir, model, host, port, share, auth, no_watch):
    """Start the browser chat (Gradio) on http://HOST:PORT."""
    from .address import check_address

    check_address(host, port)  # at once, before Gradio and the model load
    from .ui.app import launch

    notes_dir, index_dir = _dirs(notes_dir, index_dir)
    _check_same_notes(notes_dir, index_dir)
    creds = None
    if auth:
        if ":" not in auth:
            raise click.BadParameter("use USER:PASSWORD", param_hint="--auth")
        creds = tuple(auth.split(":", 1))
    launch(notes_dir, index_dir, model=model, host=host, port=port, share=share, auth=creds, watch=not no_watch)


# --------------------------------------------------------------------------- mcp


@main.command()
@_notes_option
@_index_option
@_model_option
def mcp(notes_dir, index_dir, model):
    """Serve the notes to assistants and editors: a Model Context Protocol server on stdio.

    Tools: search_notes, read_note, index_status, refresh_index; each note is a notes://PATH
    resource. Register it in an MCP client with command .venv/bin/notesqa and args
    ["mcp", "--notes", DIR, "--index", DIR]. Only protocol messages go to stdout.
    """
    from .mcp_server import run

    notes_dir, index_dir = _dirs(notes_dir, index_dir)
    run(notes_dir, index_dir, model=model)  # an index of other notes: each tool call says so (create_server)


def _check_same_notes(notes_dir, index_dir) -> None:
    """A server of one notes folder must not answer from an index of another (store.check_built_from)."""
    from .store import check_built_from

    check_built_from(Path(index_dir), Path(notes_dir), serving=True)


# --------------------------------------------------------------------------- eval


@main.command(name="eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_notes_option
@_index_option
@_model_option
@click.option("--reference", is_flag=True,
              help="Also build and score the reference pipeline (LangChain splitter 500/50 + same model + FAISS flat).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Write results JSONL files and eval.json here.")
@click.option("--today", default=None, metavar="YYYY-MM-DD",
              help="Read the questions' days (\"last tuesday\", \"this week\") from this day, the one they were "
                   "written on (default: $NOTESQA_TODAY, else today).")
def eval_cmd(questions, notes_dir, index_dir, model, reference, out_dir, today):
    """Score retrieval on QUESTIONS.jsonl: hit@1, recall@5, MRR@10, chars/result, recall@5 per kind."""
    from . import clock
    from .evaluation import evaluate

    if today is not None:
        clock.set_today(clock.parse_day(today, "--today"))
    notes_dir, index_dir = _dirs(notes_dir, index_dir)
    evaluate(questions, notes_dir, index_dir, model=model, reference=reference, out_dir=out_dir,
             log=click.echo)


if __name__ == "__main__":
    main()
