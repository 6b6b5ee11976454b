#!/usr/bin/python3
"""Tests of readme_examples.py: that the doc tests can fail.

    python3 -m unittest discover -s tests/docs -p 'test_*.py'

A README that passes proves nothing if the matcher passes everything, so
these run the harness on small READMEs against a stand-in `nianbao` (a bash
script) and check that a wrong expectation and a wrong exit status fail it.
Also make_docx.py's package (well-formed XML, the parts Word needs) and
make_html.py's page. No build needed.
"""

import io
import os
import re
import stat
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path
from xml.dom import minidom

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_docx  # noqa: E402
import make_html  # noqa: E402
import readme_examples as rx  # noqa: E402

FAKE_NIANBAO = """#!/bin/bash
# A stand-in: `nianbao check FILE` prints a finding if FILE says WRONG, and
# exits 1 then; otherwise prints "0 error(s)" and exits 0.
if grep -q WRONG "$2" 2>/dev/null; then
  echo "$2:1:1: error[sum-row]: wrong"
  echo "1 error(s), 0 warning(s) in 1 file(s)"
  exit 1
fi
echo "0 error(s), 0 warning(s) in 1 file(s)"
echo "a line on stderr" >&2
"""


def readme(*blocks):
    return "# A README\n\nSome text.\n\n" + "\n\n".join(f"```console\n{b}\n```" for b in blocks) + "\n"


class Matcher(unittest.TestCase):
    def test_exact(self):
        self.assertTrue(rx.matches(["a", "b"], ["a", "b"]))
        self.assertFalse(rx.matches(["a", "b"], ["a", "c"]))
        self.assertFalse(rx.matches(["a"], ["a", "b"]))
        self.assertFalse(rx.matches(["a", "b"], ["a"]))

    def test_trailing_white_space_ignored(self):
        self.assertTrue(rx.matches(["a  ", "b"], ["a", "b\t", "", ""]))
        self.assertFalse(rx.matches([" a"], ["a"]))  # leading space counts

    def test_ellipsis(self):
        self.assertTrue(rx.matches(["a", "...", "z"], ["a", "z"]))          # zero lines
        self.assertTrue(rx.matches(["a", "...", "z"], ["a", "b", "c", "z"]))
        self.assertTrue(rx.matches(["a", "..."], ["a", "b", "c"]))
        self.assertTrue(rx.matches(["...", "c"], ["a", "b", "c"]))
        self.assertTrue(rx.matches(["..."], []))
        self.assertFalse(rx.matches(["a", "...", "z"], ["a", "b", "y"]))
        self.assertFalse(rx.matches(["a", "...", "z"], ["b", "z"]))
        self.assertTrue(rx.matches(["...", "x", "...", "x"], ["x", "x"]))
        self.assertFalse(rx.matches(["...", "x", "...", "x"], ["x"]))

    def test_no_output_expected(self):
        self.assertTrue(rx.matches([], []))
        self.assertFalse(rx.matches([], ["something"]))


class Parser(unittest.TestCase):
    def test_commands_expectations_and_exit(self):
        text = readme("$ printf 'x' > a.md\n$ nianbao check a.md\nline 1\n...\n\n[exit 1]\n",
                      ) + "```sh\n$ not a doc test\n```\n"
        [block] = rx.parse_blocks(text)
        self.assertEqual(block.line, 5)
        self.assertEqual([c.line for c in block.commands], [6, 7])
        self.assertEqual(block.commands[0].expected, [])
        self.assertIsNone(block.commands[0].exit_status)
        self.assertEqual(block.commands[1].text, "nianbao check a.md")
        self.assertEqual(block.commands[1].expected, ["line 1", "..."])
        self.assertEqual(block.commands[1].exit_status, 1)

    def test_block_without_command_is_an_error(self):
        with self.assertRaisesRegex(rx.ReadmeError, "without a `\\$ ` command"):
            rx.parse_blocks(readme("$nianbao check a.md\noutput"))

    def test_text_before_first_command_is_an_error(self):
        with self.assertRaisesRegex(rx.ReadmeError, "before the first"):
            rx.parse_blocks(readme("output\n$ nianbao check a.md"))

    def test_unclosed_block_is_an_error(self):
        with self.assertRaisesRegex(rx.ReadmeError, "not closed"):
            rx.parse_blocks("```console\n$ true\n")


class Runner(unittest.TestCase):
    """The whole harness against the stand-in binary."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        root = Path(self.dir.name)
        self.binary = root / "fake-nianbao"
        self.binary.write_text(FAKE_NIANBAO)
        self.binary.chmod(self.binary.stat().st_mode | stat.S_IXUSR)
        self.examples = root / "examples"
        self.examples.mkdir()
        (self.examples / "good.md").write_text("fine\n")
        (self.examples / "bad.md").write_text("WRONG\n")

    def tearDown(self):
        self.dir.cleanup()

    def run_readme(self, text):
        out = io.StringIO()
        result = rx.run_blocks(rx.parse_blocks(text), self.binary, self.examples, out)
        return result, out.getvalue()

    def test_right_expectations_pass(self):
        (bp, cp, total, failed), out = self.run_readme(readme(
            "$ nianbao check good.md\n0 error(s), 0 warning(s) in 1 file(s)\na line on stderr\n[exit 0]",
            "$ nianbao check bad.md\n...\n1 error(s), 0 warning(s) in 1 file(s)\n[exit 1]",
            "$ printf 'WRONG\\n' > good.md\n$ nianbao check good.md\n...\n[exit 1]",
            # A fresh copy per block: the file changed in the block above is back.
            "$ nianbao check good.md\n...\n[exit 0]",
            # The exit status is not checked without [exit N].
            "$ nianbao check bad.md\n...",
            "$ echo $NO_COLOR $LANG $TERM; readlink -f $(command -v nianbao)\n1 C.UTF-8 dumb\n"
            + str(self.binary.resolve())))
        self.assertEqual(out, "")
        self.assertEqual((bp, cp, total, failed), (6, 7, 7, False))

    def test_wrong_expectation_fails(self):
        (bp, cp, total, failed), out = self.run_readme(readme(
            "$ nianbao check bad.md\n0 error(s), 0 warning(s) in 1 file(s)\n$ nianbao check good.md\n..."))
        self.assertTrue(failed)
        self.assertEqual((bp, cp, total), (0, 0, 2))
        self.assertIn("README.md:6: FAILED: $ nianbao check bad.md", out)
        self.assertIn("-0 error(s), 0 warning(s) in 1 file(s)", out)
        self.assertIn("+1 error(s), 0 warning(s) in 1 file(s)", out)
        self.assertIn("1 later command(s) not run", out)

    def test_wrong_exit_status_fails(self):
        (bp, cp, total, failed), out = self.run_readme(readme("$ nianbao check bad.md\n...\n[exit 0]"))
        self.assertTrue(failed)
        self.assertEqual((bp, cp, total), (0, 0, 1))
        self.assertIn("exit status: expected 0, actual 1", out)
        self.assertNotIn("output differs", out)

    def test_stderr_is_part_of_the_output(self):
        (_, _, _, failed), out = self.run_readme(readme(
            "$ nianbao check good.md\n0 error(s), 0 warning(s) in 1 file(s)"))
        self.assertTrue(failed)
        self.assertIn("+a line on stderr", out)

    def test_main_exit_codes(self):
        good = Path(self.dir.name) / "GOOD.md"
        good.write_text(readme("$ nianbao check good.md\n...\n[exit 0]"))
        bad = Path(self.dir.name) / "BAD.md"
        bad.write_text(readme("$ nianbao check good.md\n...\n[exit 3]"))
        broken = Path(self.dir.name) / "BROKEN.md"
        broken.write_text(readme("nianbao check good.md"))
        args = [str(self.binary), "--examples", str(self.examples), "--readme"]
        devnull = open(os.devnull, "w")
        self.addCleanup(devnull.close)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = devnull
        try:
            self.assertEqual(rx.main(args + [str(good)]), 0)
            self.assertEqual(rx.main(args + [str(bad)]), 1)
            self.assertEqual(rx.main(args + [str(broken)]), 2)
        finally:
            sys.stdout, sys.stderr = saved


SMALL_REPORT = """# 某某 2024 年政府信息公开工作年度报告

## 一、总体情况

**加强：**一段 <文字> & 其他。

- 一是问题。

| (本列数据) |  | 申请人情况 | 总计 |
|---|---|---|---|
|  |  | 自然人 |
| 一、本年新收 |  | 1 | 1 |
"""


class Converters(unittest.TestCase):
    def test_docx_is_a_well_formed_package(self):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "r.docx"
            make_docx.write_docx(SMALL_REPORT, path)
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
                self.assertEqual(names[0], "[Content_Types].xml")
                for part in ("_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/_rels/document.xml.rels"):
                    self.assertIn(part, names)
                for n in names:
                    minidom.parseString(z.read(n))  # well-formed
                doc = z.read("word/document.xml").decode()
                styles = z.read("word/styles.xml").decode()
        for level in range(1, 5):
            self.assertIn(f'w:styleId="Heading{level}"', styles)
        self.assertIn('<w:pStyle w:val="Heading1"/>', doc)
        self.assertIn('<w:pStyle w:val="Heading2"/>', doc)
        self.assertIn("<w:b/></w:rPr><w:t>加强：</w:t>", doc)
        self.assertIn("一段 &lt;文字&gt; &amp; 其他。", doc)
        self.assertEqual(doc.count("<w:tbl>"), 1)
        self.assertEqual(doc.count("<w:tr>"), 3)   # the |---| line skipped
        self.assertEqual(doc.count("<w:tc>"), 4 + 3 + 4)
        self.assertNotIn("---", doc)
        self.assertNotIn("**", doc)

    def test_docx_is_reproducible(self):
        with tempfile.TemporaryDirectory() as d:
            make_docx.write_docx(SMALL_REPORT, Path(d) / "a.docx")
            make_docx.write_docx(SMALL_REPORT, Path(d) / "b.docx")
            self.assertEqual((Path(d) / "a.docx").read_bytes(), (Path(d) / "b.docx").read_bytes())

    def test_html_page(self):
        page = make_html.page(SMALL_REPORT)
        self.assertIn('<meta charset="utf-8">', page)
        self.assertIn("<h1>某某 2024 年政府信息公开工作年度报告</h1>", page)
        self.assertIn("<p><strong>加强：</strong>一段 &lt;文字&gt; &amp; 其他。</p>", page)
        self.assertIn("<ul>\n<li>一是问题。</li>\n</ul>", page)
        # The header cell spans the header row below it, which leaves its empty first cell out.
        self.assertIn('<tr><td rowspan="2">(本列数据)</td><td></td><td>申请人情况</td><td>总计</td></tr>', page)
        self.assertIn("<tr><td></td><td>自然人</td></tr>", page)
        self.assertIn("<tr><td>一、本年新收</td><td></td><td>1</td><td>1</td></tr>", page)
        self.assertEqual(len(re.findall("<tr>", page)), 3)


if __name__ == "__main__":
    unittest.main()
