#!/usr/bin/python3
"""Turns a report in Markdown into a web page, as a government site shows it.

    make_html.py REPORT.md OUT.html

So that the README's web example runs on a page built at test time. Python 3
standard library only. UTF-8 with <meta charset="utf-8">; the report's first
heading is also the page's <title> (in <head>, which nianbao does not read).

From the Markdown (report_blocks.py): a heading (# … ####) is <h1>…<h4>; a
run of list items (- text) a <ul> of <li>; every other non-empty line a <p>,
**bold** as <strong>; a pipe table (consecutive lines starting with |, the
|---| line skipped) a <table border="1"> of <tr>/<td>, one <td> per cell.

One cell is merged, as sites write table 三: the first cell of a table's first
row spans down (rowspan) over the rows right below it whose first cell is
empty and that hold no number — the header rows under table 三's
“(本列数据的勾稽关系为：…)” — and those rows leave that empty cell out. nianbao
repeats a cell merged down on each row it covers (cli/ConvertedReport.h), so
the header reads 自然人 … 总计 as in the Markdown; tests/docs/readme_examples.py
runs the README's check on this page, whose findings must name the same places
as in the Word document made by make_docx.py.
"""

import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_blocks  # noqa: E402

_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def inline(text):
    return "".join(f"<strong>{escape(t)}</strong>" if bold else escape(t) for t, bold in report_blocks.runs(text))


def header_span(rows):
    """How many rows the first cell of the first row covers."""
    span = 1
    while (span < len(rows) and rows[span] and rows[span][0] == ""
           and not any(_NUMBER.match(c) for c in rows[span])):
        span += 1
    return span


def table(rows):
    span = header_span(rows)
    out = ['<table border="1" cellspacing="0" cellpadding="4">', "<tbody>"]
    for r, cells in enumerate(rows):
        tds = []
        for c, text in enumerate(cells):
            if 0 < r < span and c == 0:
                continue  # under the merged cell
            attrs = f' rowspan="{span}"' if r == 0 and c == 0 and span > 1 else ""
            tds.append(f"<td{attrs}>{inline(text)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def page(markdown):
    blocks = report_blocks.blocks(markdown)
    title = next((b[2] for b in blocks if b[0] == "heading"), "政府信息公开工作年度报告")
    body = []
    in_list = False
    for block in blocks:
        kind = block[0]
        if in_list and kind != "item":
            body.append("</ul>")
            in_list = False
        if kind == "heading":
            level = min(block[1], 4)
            body.append(f"<h{level}>{inline(block[2])}</h{level}>")
        elif kind == "item":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{inline(block[1])}</li>")
        elif kind == "paragraph":
            body.append(f"<p>{inline(block[1])}</p>")
        else:
            body.append(table(block[1]))
    if in_list:
        body.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")


def main(argv):
    if len(argv) != 3:
        print("usage: make_html.py REPORT.md OUT.html", file=sys.stderr)
        return 2
    Path(argv[2]).write_text(page(Path(argv[1]).read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
