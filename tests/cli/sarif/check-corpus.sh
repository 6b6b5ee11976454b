#!/usr/bin/env bash
# The sarif_schema test (tests/CMakeLists.txt): the real `nianbao check
# --format sarif` on the corpus and the test data, each log validated against
# the official SARIF 2.1.0 schema by validate.py.
#
#   check-corpus.sh NIANBAO SHARED_DIR SOURCE_DIR SCHEMA_PACKAGE_DIR OUT_DIR PYTHON
#
# SCHEMA_PACKAGE_DIR is where sarif_schema_setup ran `npm ci` (build tree).
set -euo pipefail
nianbao=$1 shared=$2 source=$3 package=$4 out=$5 python=$6
schema=$package/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json
validate=$source/tests/cli/sarif/validate.py
[[ -f $schema ]] || { echo "no schema at $schema (did sarif_schema_setup run?)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/pair"
failed=0

# nianbao check exits 1 when it finds errors; 2 (a usage or I/O error) fails the test.
check() {
  local log=$1
  shift
  local status=0
  "$nianbao" check --format sarif "$@" >"$log" || status=$?
  if ((status > 1)); then
    echo "nianbao check --format sarif $* exited $status" >&2
    failed=1
  fi
}
validate() {
  "$python" "$validate" "$schema" "$@" || failed=1
}

# The seeds and the real reports, named relative to the corpus: relative URIs
# under %SRCROOT%; fixes among them.
cd "$shared/corpus"
check "$out/corpus.sarif" seeds real
cd - >/dev/null
validate "$out/corpus.sarif" --require results --require fixes --require relative

# The example and the test data by absolute path (file:// URIs), and standard
# input under a name with a space, CJK and a #.
check "$out/data.sarif" "$source/examples" "$source/tests/data/reports"
validate "$out/data.sarif" --require results --require absolute
check "$out/stdin.sarif" --stdin-filename "年报 #1/淮安 市.md" - <"$shared/corpus/seeds/000_433ee36d5f79e84c.txt"
validate "$out/stdin.sarif" --require results --require relative

# Last year's report as --previous, its 结转下年度 自然人 and 总计 changed to 2
# so that this year's 上年结转 disagree: related locations in another artifact.
"$python" - "$shared/corpus/real/02_hongze-qu-2023.txt" "$out/pair/洪泽 2023.txt" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
label = "四、结转下年度继续办理"
line = text.index(label)
end = text.index("\n", line)
first = text.index("0", line + len(label))
last = text.rindex("0", line, end)
chars = list(text)
chars[first] = chars[last] = "2"
open(sys.argv[2], "w", encoding="utf-8").write("".join(chars))
EOF
check "$out/previous.sarif" --previous "$out/pair/洪泽 2023.txt" "$shared/corpus/real/03_hongze-qu-2024.txt"
validate "$out/previous.sarif" --require results --require related-elsewhere --require absolute

# A web page (a seed's paragraphs and tables as HTML): results name the place
# in the page, with no region and no fixes.
"$python" - "$shared/corpus/seeds/000_433ee36d5f79e84c.txt" "$out/seed.html" <<'EOF'
import html, sys
out, rows = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'], []
def table():
    if rows:
        out.append("<table>" + "".join(rows) + "</table>")
        rows.clear()
for line in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if line.startswith("|"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not all(set(c) <= set("-: ") for c in cells):  # not the |---| line
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        continue
    table()
    if line.strip():
        tag = "h2" if line.startswith("#") else "p"
        out.append(f"<{tag}>{html.escape(line.lstrip('#').strip())}</{tag}>")
table()
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out + ["</body></html>"]))
EOF
check "$out/html.sarif" "$out/seed.html"
validate "$out/html.sarif" --require results --require absolute

exit $failed
