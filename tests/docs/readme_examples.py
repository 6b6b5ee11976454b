#!/usr/bin/python3
"""Runs the examples in README.md as tests (doc tests).

    readme_examples.py NIANBAO [--readme README.md] [--examples DIR] [--keep]

NIANBAO is the built binary (CTest passes $<TARGET_FILE:nianbao>); README.md
and examples/ default to the repository's. Python 3 standard library only.
tests/docs/test_readme_examples.py tests this script itself.

THE CONVENTION (README.md's examples are written in it):

- A fenced code block whose info string is `console` (```console) is a doc
  test. Other blocks (```sh, ```json, plain ```) are not run.
- Every line starting with `$ ` is a command. The lines after it, up to the
  next `$ ` line or the block's end, are its expected output: stdout and
  stderr merged (run with 2>&1). Nothing but blank lines may stand before a
  block's first command, and a block without a command is an error (a typo
  guard: `$` without its space, say).
- Each command is run by bash (`bash -c`, one bash per command, so `cd` and
  variables do not carry over; files do), in a FRESH temporary copy of the
  repository's examples/ directory: one copy per block, shared by that
  block's commands in order. Before the block runs, the copy also gets
  `2024年报.docx` and `2024年报.html`, made from its shiliz-2024.report.md by
  make_docx.py and make_html.py (a Word document and a web page must not be
  committed as binaries). Commands may set up files first (`cat`, `printf`,
  `mkdir`, `cp` …); such lines usually have no output.
- Environment: a directory holding a `nianbao` symlink to the built binary
  is first on PATH; NO_COLOR=1, LANG=C.UTF-8, TERM=dumb (LC_* removed);
  standard input is /dev/null; each command has 60 seconds.
- Comparison is line by line, trailing white space ignored (on each line, and
  blank lines at the end of either side). A line that is exactly `...`
  matches any number (zero or more) of lines. A last line `[exit N]` asserts
  the exit status; without it the status is not checked.

On a failure it prints the README line of the command, the command, and a
unified diff of the expected and the actual output (or the exit statuses),
skips the rest of that block (its later commands may depend on it), and goes
on with the next block; at the end it prints how many blocks and commands
passed, and exits 1 if any failed (2 if the README or the setup is wrong).
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

ELLIPSIS = "..."
EXIT_LINE = re.compile(r"^\[exit (\d+)\]$")
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)")
TIMEOUT = 60
GENERATED = {"2024年报.docx": "make_docx", "2024年报.html": "make_html"}
SOURCE_REPORT = "shiliz-2024.report.md"


class ReadmeError(Exception):
    """The README breaks the convention."""


@dataclass
class Command:
    line: int          # 1-based line in the README
    text: str          # after "$ "
    expected: list = field(default_factory=list)
    exit_status: int = None  # None: not checked


@dataclass
class Block:
    line: int  # 1-based line of the opening fence
    commands: list = field(default_factory=list)


def parse_blocks(text):
    """The `console` blocks of a Markdown text, their commands and expectations."""
    blocks = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(2), m.group(3)
        start = i
        body = []
        i += 1
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        while i < len(lines) and not closing.match(lines[i]):
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise ReadmeError(f"line {start + 1}: code block not closed")
        i += 1  # past the closing fence
        if info == "console":
            blocks.append(parse_block(start + 1, body))
    return blocks


def parse_block(fence_line, body):
    block = Block(fence_line)
    if not any(line.startswith("$ ") for line in body):
        raise ReadmeError(f"line {fence_line}: a console block without a `$ ` command "
                          "(a typo? write `$ command`, with the space)")
    for k, line in enumerate(body):
        number = fence_line + 1 + k
        if line.startswith("$ "):
            block.commands.append(Command(number, line[2:]))
        elif block.commands:
            block.commands[-1].expected.append(line)
        elif line.strip():
            raise ReadmeError(f"line {number}: text before the first `$ ` command of the console block "
                              f"at line {fence_line}: {line!r}")
    for c in block.commands:
        c.expected = trim(c.expected)
        if c.expected:
            m = EXIT_LINE.match(c.expected[-1])
            if m:
                c.exit_status = int(m.group(1))
                c.expected = trim(c.expected[:-1])
    return block


def trim(lines):
    """Lines without trailing white space, blank lines at the end dropped."""
    out = [l.rstrip() for l in lines]
    while out and not out[-1]:
        out.pop()
    return out


def matches(expected, actual):
    """Whether `actual` lines fit the `expected` ones (`...` for any lines)."""
    expected, actual = trim(expected), trim(actual)
    # reachable[j]: the expected lines so far can match actual[:j].
    reachable = [True] + [False] * len(actual)
    for e in expected:
        if e == ELLIPSIS:
            for j in range(1, len(reachable)):
                reachable[j] = reachable[j] or reachable[j - 1]
        else:
            reachable = [False] + [reachable[j] and actual[j] == e for j in range(len(actual))]
    return reachable[-1]


def generate_reports(directory):
    """2024年报.docx and 2024年报.html from the copy's example report."""
    source = directory / SOURCE_REPORT
    if not source.is_file():
        return
    import make_docx
    import make_html
    markdown = source.read_text(encoding="utf-8")
    make_docx.write_docx(markdown, directory / "2024年报.docx")
    (directory / "2024年报.html").write_text(make_html.page(markdown), encoding="utf-8")


def environment(bin_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
               NO_COLOR="1", LANG="C.UTF-8", TERM="dumb")
    return env


def stray_project_file(directory):
    """A nianbao.toml above the temporary directory would change every result."""
    for d in [directory, *directory.parents]:
        if (d / "nianbao.toml").exists():
            return d / "nianbao.toml"
    return None


def run_command(command, cwd, env):
    try:
        p = subprocess.run(["bash", "-c", command.text], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
        return p.returncode, p.stdout.decode("utf-8", errors="replace").splitlines()
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", errors="replace").splitlines()
        return None, out + [f"[timed out after {TIMEOUT} s]"]


def report_failure(readme_name, command, status, actual, out):
    out.write(f"\n{readme_name}:{command.line}: FAILED: $ {command.text}\n")
    expected = command.expected
    if not matches(expected, actual):
        out.write("output differs (--- expected, +++ actual; `...` matches any lines):\n")
        diff = difflib.unified_diff(expected, trim(actual), "expected", "actual", lineterm="", n=3)
        for line in diff:
            out.write(line + "\n")
    if command.exit_status is not None and status != command.exit_status:
        shown = "none (timed out)" if status is None else status
        out.write(f"exit status: expected {command.exit_status}, actual {shown}\n")


def run_blocks(blocks, binary, examples, out=sys.stdout, readme_name="README.md", keep=False):
    """Runs every block; returns (blocks passed, commands passed, commands total, failed)."""
    binary = Path(binary).resolve()
    if not os.access(binary, os.X_OK):
        raise ReadmeError(f"{binary}: not an executable (build the nianbao target first)")
    root = Path(tempfile.mkdtemp(prefix="nianbao-readme-"))
    try:
        if (toml := stray_project_file(root)):
            raise ReadmeError(f"{toml} is above the temporary directory {root}: nianbao would read it in "
                              "every example; remove it or set TMPDIR elsewhere")
        bin_dir = root / "bin"
        bin_dir.mkdir()
        (bin_dir / "nianbao").symlink_to(binary)
        env = environment(bin_dir)
        blocks_passed = commands_passed = total = 0
        failed = False
        for n, block in enumerate(blocks, 1):
            copy = root / f"block{n}-line{block.line}"
            shutil.copytree(examples, copy, symlinks=True)
            generate_reports(copy)
            ok = True
            for k, command in enumerate(block.commands):
                total += 1
                status, actual = run_command(command, copy, env)
                if matches(command.expected, actual) and (command.exit_status is None
                                                          or status == command.exit_status):
                    commands_passed += 1
                    continue
                report_failure(readme_name, command, status, actual, out)
                skipped = len(block.commands) - k - 1
                if skipped:
                    out.write(f"(the block's {skipped} later command(s) not run)\n")
                total += skipped
                ok = False
                break
            if ok:
                blocks_passed += 1
            failed = failed or not ok
        return blocks_passed, commands_passed, total, failed
    finally:
        if keep:
            out.write(f"kept {root}\n")
        else:
            shutil.rmtree(root, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(description="Run README.md's console examples as tests.")
    parser.add_argument("nianbao", help="the built nianbao binary")
    parser.add_argument("--readme", default=str(REPO / "README.md"))
    parser.add_argument("--examples", default=str(REPO / "examples"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies, and say where")
    args = parser.parse_args(argv)
    readme = Path(args.readme)
    try:
        blocks = parse_blocks(readme.read_text(encoding="utf-8"))
        if not blocks:
            raise ReadmeError(f"{readme}: no ```console block")
        result = run_blocks(blocks, args.nianbao, Path(args.examples), sys.stdout, readme.name, args.keep)
    except ReadmeError as e:
        print(f"readme_examples: {e}", file=sys.stderr)
        return 2
    blocks_passed, commands_passed, total, failed = result
    print(f"\n{readme.name}: {blocks_passed} of {len(blocks)} console block(s) passed, "
          f"{commands_passed} of {total} command(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
