#pragma once
// check --format junit: the JUnit XML report CI servers read (Jenkins's junit
// step, GitLab's artifacts:reports:junit), UTF-8.
//
// <testsuites> holding one <testsuite name="nianbao">; each finding is a
// <testcase classname="FILE" name="CODE LINE:COL"> (1-based, columns in code
// points; in a Word document or web page, the place in it: "CODE 表3 第5行
// 第2列"). Errors and warnings fail it: <failure message="…" type="error">
// with the text output's lines in it. Info and hint findings are testcases
// that pass, the finding in <system-out>: a note is worth seeing but does not
// fail a build, as it does not change check's exit status. A file with no
// findings is one passing testcase, name="no findings", so a clean file shows
// as passed. tests counts every testcase, failures the failed ones, errors is
// 0 (an unreadable file is reported on stderr, not here).

#include <string>
#include <string_view>
#include <vector>

#include "Output.h"

namespace nianbao::cli {

std::string toJunit(const std::vector<FileReport>& files);

// Text for an XML 1.0 attribute value or element content: & < > " ' as
// references; CR as &#13; (a parser would make a raw one LF), and in
// attributes tab and LF too (attribute value normalisation would make them
// spaces); characters XML 1.0 does not allow (other C0 controls, U+FFFE,
// U+FFFF) and invalid UTF-8 as U+FFFD.
std::string xmlEscape(std::string_view text, bool inAttribute = true);

}  // namespace nianbao::cli
