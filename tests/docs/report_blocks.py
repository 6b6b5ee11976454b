"""A report in Markdown as blocks, for make_docx.py and make_html.py.

Only what the example reports use: headings (# … ####), pipe tables
(consecutive lines starting with |, a |---| line skipped), list items
(- text), **bold** runs, and every other non-empty line a paragraph of its
own (a Markdown report puts a blank line between paragraphs; a line break
inside one is not used). Python 3 standard library only.
"""

import re

_SEPARATOR = re.compile(r"^\|[\s:|-]*-[\s:|-]*$")  # |---|---| (with optional colons)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def runs(text):
    """The text as (piece, bold) runs: **x** is a bold run, the markers gone."""
    out, at = [], 0
    for m in _BOLD.finditer(text):
        if m.start() > at:
            out.append((text[at:m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def cells(line):
    """The cells of a pipe-table line, trimmed: '| a |  | b |' -> ['a', '', 'b']."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def blocks(markdown):
    """The report as a list of blocks, in order:
    ('heading', level, text), ('paragraph', text), ('item', text) for a list
    item (its marker gone), ('table', [[cell, ...], ...])."""
    out = []
    table = None
    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if table is None:
                table = []
                out.append(("table", table))
            if not _SEPARATOR.match(line):
                table.append(cells(line))
            continue
        table = None
        if not line:
            continue
        m = _HEADING.match(line)
        if m:
            out.append(("heading", len(m.group(1)), m.group(2)))
        elif line.startswith(("- ", "* ")):
            out.append(("item", line[2:].strip()))
        else:
            out.append(("paragraph", line))
    return out
