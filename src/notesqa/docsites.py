"""Docs-as-code dialects read as their sites show them: MkDocs Material, Docusaurus, Hugo.

A team's docs folder is notes too (on-call and onboarding questions are answered there), but its
markup is the site generator's, not markdown's. Each rule rewrites a note's text line for line (every
line stays where it was, so a hit's line is the file's), before it is read as markdown:

- MkDocs Material's admonitions (`!!! warning "Title"`, collapsible `??? note`, `???+ tip`) and
  content tabs (`=== "Python"`), whose bodies are indented four spaces (markdown would read them as
  code), become Obsidian callouts (`> [!warning] Title`): the title heads the body, the body is text.
- Docusaurus's admonitions (`:::tip Title` ... `:::`) become callouts too; an `.mdx` page's `import`
  and `export` lines, `{/* comments */}` and its components' tags (`<Tabs>`, `<TabItem ...>`) are not text.
- Hugo's TOML front matter (`+++` ... `+++`) is the note's metadata, as YAML front matter is.
"""

from __future__ import annotations

import re

from .markup import code_fence_after, outside_code

# "!!! warning "Title"", "??? note", "???+ tip """ (no title), "=== "Python"" (a content tab)
_MKDOCS_BLOCK = re.compile(r"^([ \t]*)(!!!|\?\?\?\+?|===)[ \t]*(?:([\w-]+)(?:[ \t]+[\w-]+)*)?[ \t]*(?:\"([^\"\n]*)\")?[ \t]*$")
_DOCUSAURUS_OPEN = re.compile(r"^([ \t]*):::[ \t]*([\w-]+)(?:\[([^\]\n]*)\]|[ \t]+(.*?))?[ \t]*(?:\{[^}\n]*\})?[ \t]*$")
_DOCUSAURUS_CLOSE = re.compile(r"^[ \t]*:::[ \t]*$")
_MDX_LINE = re.compile(r"^(?:import|export)\s.*$", re.M)
_MDX_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)
_JSX_TAG = re.compile(r"</?[A-Z][\w.]*(?:\s[^<>]*)?/?>")  # <Tabs>, <TabItem value="py" label="Python">
# a tab's label, what the page shows on it: "Python" heads the code under it
_TAB_ITEM = re.compile(r"<TabItem\b([^<>]*)>")
_TAB_LABEL = re.compile(r"\blabel=\"([^\"]*)\"|\bvalue=\"([^\"]*)\"")
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*(?:\n|\Z)", re.S)


def site_markup(text: str, rel: str) -> str:
    """text with its docs sites' markup as the site shows it (see the module's docstring), line for line."""
    if rel.lower().endswith(".mdx"):
        text = outside_code(text, _mdx_prose)  # (an "import" in a code block is the example's: trial Z)
    if "!!!" in text or "???" in text or "===" in text:
        text = _mkdocs_blocks(text)
    if ":::" in text:
        text = _docusaurus_blocks(text)
    return text


def _mdx_prose(text: str) -> str:
    """MDX outside code as its page shows it: no import or export lines, {/* comments */} or component tags
    (<Tabs>; their content stays, and a tab's label), every line kept."""
    text = _MDX_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _TAB_ITEM.sub(_tab_label, text) if "<TabItem" in text else text
    return _JSX_TAG.sub("", _MDX_LINE.sub("", text))


def _tab_label(m: re.Match) -> str:
    """A <TabItem ...> tag as the label its tab shows (its label="...", else its value="...")."""
    found = {("label" if a else "value"): a or b for a, b in _TAB_LABEL.findall(m.group(1))}
    return (found.get("label") or found.get("value") or "").strip()


def _mkdocs_blocks(text: str) -> str:
    """MkDocs Material's admonitions and content tabs as callouts, their indented bodies quoted."""
    lines = text.split("\n")
    out: list[str] = []
    i, fence = 0, None
    while i < len(lines):
        line = lines[i]
        m = _MKDOCS_BLOCK.match(line) if fence is None else None
        fence = code_fence_after(line, fence)
        if m is None or (m.group(2) == "===" and m.group(4) is None):
            out.append(line)  # (a "===" alone is a setext heading's underline)
            i += 1
            continue
        indent, kind = m.group(1), "example" if m.group(2) == "===" else (m.group(3) or "note")
        title = m.group(4) if m.group(4) is not None else ""
        out.append(f"{indent}> [!{kind.lower()}] {title}".rstrip())
        i += 1
        body = indent + "    "
        while i < len(lines) and (lines[i].startswith(body) or not lines[i].strip()):
            if not lines[i].strip() and not _continues(lines, i + 1, body):
                break
            out.append(f"{indent}> {lines[i][len(body):]}".rstrip() if lines[i].strip() else f"{indent}>")
            i += 1
    return "\n".join(out)


def _continues(lines: list[str], i: int, body: str) -> bool:
    """Does the indented body go on after blank lines (at line i or later)?"""
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i < len(lines) and lines[i].startswith(body)


def _docusaurus_blocks(text: str) -> str:
    """Docusaurus's ":::tip Title" ... ":::" admonitions as callouts, their lines quoted."""
    lines = text.split("\n")
    out: list[str] = []
    depth = 0  # nested admonitions: one more ">" each
    fence = None
    for line in lines:
        fence = code_fence_after(line, fence)
        quote = "> " * depth
        if fence is None and (m := _DOCUSAURUS_OPEN.match(line)) is not None:
            title = (m.group(3) or m.group(4) or "").strip()
            out.append(f"{quote}> [!{m.group(2).lower()}] {title}".rstrip())
            depth += 1
        elif fence is None and depth and _DOCUSAURUS_CLOSE.match(line):
            depth -= 1
            out.append(quote.rstrip()[:-1].rstrip() if depth else "")
        else:
            out.append(f"{quote}{line}".rstrip() if depth else line)
    return "\n".join(out)


def toml_front_matter(text: str) -> tuple[dict, str]:
    """Hugo's TOML front matter (+++ ... +++) as the note's metadata, and text with those lines blank; ({}, text)
    for a note without it, or with TOML that does not read (left as text)."""
    m = _TOML_FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    import tomllib

    try:
        meta = tomllib.loads(m.group(1))
    except tomllib.TOMLDecodeError:
        return {}, text
    return meta, "\n" * m.group(0).count("\n") + text[m.end():]
