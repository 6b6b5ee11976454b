# Turns the rule pages (docs/rules/CODE.md) into a C++ source holding their
# bytes, in the order docs/rules/README.md links them, so that
# `nianbao check --explain` and the language server need no data directory.
# Fails the build, naming the page, if README.md links a page that is not
# there, a page is not linked, a page is linked twice, or a page does not
# open with the fixed header (analyzer/rules/RuleDocs.cpp reads it):
#
#   # CODE
#
#   **Severity:** error|warning|info|hint · **Fix:** yes|some|no
#
#   One sentence, on one line.
#
# Usage: cmake -DDIR=docs/rules -DOUTPUT=EmbeddedRuleDocs.cpp -P EmbedRuleDocs.cmake
cmake_minimum_required(VERSION 3.20)

if(NOT EXISTS "${DIR}/README.md")
  message(FATAL_ERROR "rule pages: ${DIR}/README.md, the index that orders the pages, is missing")
endif()
file(READ "${DIR}/README.md" readme)
# Links to pages beside the index: [sum-row](sum-row.md).
string(REGEX MATCHALL "\\]\\([a-z][a-z0-9-]*\\.md\\)" links "${readme}")
# A ] would keep CMake from splitting the list at its semicolons.
string(REPLACE "]" "" links "${links}")
set(codes)
foreach(link IN LISTS links)
  string(REGEX REPLACE "^\\(([a-z0-9-]+)\\.md\\)$" "\\1" code "${link}")
  if(code IN_LIST codes)
    message(FATAL_ERROR "rule pages: ${DIR}/README.md links ${code}.md twice")
  endif()
  list(APPEND codes "${code}")
endforeach()
if(NOT codes)
  message(FATAL_ERROR "rule pages: ${DIR}/README.md links no page")
endif()

file(GLOB pages "${DIR}/*.md")
foreach(page IN LISTS pages)
  get_filename_component(name "${page}" NAME_WE)
  if(NOT name STREQUAL "README" AND NOT name IN_LIST codes)
    message(FATAL_ERROR "rule pages: ${page} is not linked from ${DIR}/README.md (its place there is its place in --explain)")
  endif()
endforeach()

set(arrays "")
set(code_list "")
set(page_list "")
set(index 0)
foreach(code IN LISTS codes)
  set(page "${DIR}/${code}.md")
  if(NOT EXISTS "${page}")
    message(FATAL_ERROR "rule pages: ${DIR}/README.md links ${code}.md, which does not exist")
  endif()
  file(READ "${page}" text)
  string(FIND "${text}" "\r" cr)
  if(NOT cr EQUAL -1)
    message(FATAL_ERROR "rule pages: ${page} has CR line breaks; the pages are LF only")
  endif()
  string(REGEX MATCH
    "^# ([a-z0-9-]+)\n\n\\*\\*Severity:\\*\\* (error|warning|info|hint) · \\*\\*Fix:\\*\\* (yes|some|no)\n\n([^\n]+)\n\n"
    header "${text}")
  if(NOT header)
    message(FATAL_ERROR "rule pages: ${page} does not open with the fixed header:\n"
      "# ${code}\\n\\n**Severity:** error|warning|info|hint · **Fix:** yes|some|no\\n\\nOne sentence.\\n\\n")
  endif()
  if(NOT CMAKE_MATCH_1 STREQUAL code)
    message(FATAL_ERROR "rule pages: ${page} is headed '# ${CMAKE_MATCH_1}', not '# ${code}'")
  endif()
  if(CMAKE_MATCH_4 MATCHES "^[#*|>` -]")
    message(FATAL_ERROR "rule pages: ${page}: the line after the header must be the one-sentence summary, not '${CMAKE_MATCH_4}'")
  endif()
  file(READ "${page}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR byte_count "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND arrays "static const char page${index}[] = {${bytes} '\\0'};\n")
  string(APPEND code_list "    std::string_view(\"${code}\"),\n")
  string(APPEND page_list "    std::string_view(page${index}, ${byte_count}),\n")
  math(EXPR index "${index} + 1")
endforeach()

file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${DIR}/*.md by cmake/EmbedRuleDocs.cmake, in the order of README.md. Do not edit.\n"
  "#include <cstddef>\n"
  "#include <string_view>\n"
  "namespace nianbao::embedded {\n"
  "namespace {\n"
  "${arrays}"
  "}  // namespace\n"
  "extern const std::size_t kRuleDocCount;\n"
  "extern const std::string_view kRuleDocCodes[];\n"
  "extern const std::string_view kRuleDocPages[];\n"
  "const std::size_t kRuleDocCount = ${index};\n"
  "const std::string_view kRuleDocCodes[] = {\n${code_list}};\n"
  "const std::string_view kRuleDocPages[] = {\n${page_list}};\n"
  "}  // namespace nianbao::embedded\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
