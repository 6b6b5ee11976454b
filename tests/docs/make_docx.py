#!/usr/bin/python3
"""Turns a report in Markdown into a real, minimal Word document (.docx).

    make_docx.py REPORT.md OUT.docx

So that the README's Word example runs on a document built at test time
rather than a binary file in the repository. Python 3 standard library only
(zipfile, xml escaping). The package holds what Word needs to open it:
[Content_Types].xml, _rels/.rels, word/document.xml, word/_rels/document.xml.rels
and word/styles.xml (Normal, Heading1..Heading4 as Word names them, with their
outline levels, and a bordered table style).

From the Markdown (report_blocks.py): a heading (# … ####) is a paragraph in
the style Heading N; a list item (- text) a paragraph in the style ListParagraph,
its text without the marker (Word's bullets are numbering, not text); every
other non-empty line a paragraph, **bold** as bold runs; a pipe table
(consecutive lines starting with |, the |---| line skipped) a w:tbl, one w:tr
per line and one w:tc per cell, each cell's text in a paragraph of its own,
with a w:tblGrid as wide as its widest row (shorter rows simply have fewer
cells, as a table typed in Word with cells deleted). Nothing is merged.

The zip entries carry a fixed date, so the same report gives the same bytes.
"""

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import report_blocks  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = HEADER + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>")

PACKAGE_RELS = HEADER + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    "</Relationships>")

DOCUMENT_RELS = HEADER + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    "</Relationships>")


def heading_style(level):
    size = {1: 44, 2: 32, 3: 30, 4: 28}[level]  # half-points: 二号, 三号, 小三, 四号
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
        f'<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
        '<w:uiPriority w:val="9"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
        f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr>'
        "</w:style>")


STYLES = HEADER + (
    f'<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>'
    '<w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + "".join(heading_style(level) for level in range(1, 5))
    + '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:tblPr><w:tblBorders>'
    + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
              for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + "</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>")


def run(text, bold=False):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:r>{props}<w:t{space}>{escape(text)}</w:t></w:r>"


def paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(run(t, b) for t, b in report_blocks.runs(text))}</w:p>"


def table(rows):
    width = max(len(r) for r in rows)
    column = 9000 // width  # twips, across an A4 page's text width
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>',
           "<w:tblGrid>", f'<w:gridCol w:w="{column}"/>' * width, "</w:tblGrid>"]
    for cells in rows:
        out.append("<w:tr>")
        for text in cells:
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{column}" w:type="dxa"/></w:tcPr>{paragraph(text)}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document(markdown):
    body = []
    for block in report_blocks.blocks(markdown):
        kind = block[0]
        if kind == "heading":
            body.append(paragraph(block[2], f"Heading{min(block[1], 4)}"))
        elif kind == "item":
            body.append(paragraph(block[1], "ListParagraph"))
        elif kind == "paragraph":
            body.append(paragraph(block[1]))
        else:
            body.append(table(block[1]))
    body.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
                'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return HEADER + f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{"".join(body)}</w:body></w:document>'


def write_docx(markdown, out_path):
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
             ("word/document.xml", document(markdown)), ("word/_rels/document.xml.rels", DOCUMENT_RELS),
             ("word/styles.xml", STYLES)]
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main(argv):
    if len(argv) != 3:
        print("usage: make_docx.py REPORT.md OUT.docx", file=sys.stderr)
        return 2
    write_docx(Path(argv[1]).read_text(encoding="utf-8"), argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
