// cli/Output in-process: when colours are on, and how GitHub annotations
// escape what the runner would otherwise misread.
#include "Output.h"
#include "ConvertedReport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace nianbao::cli {
namespace {

// Sets an environment variable for one test and puts it back after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(UseColor, AutoMeansATerminalWithoutNoColorOrADumbTerm) {
  ScopedEnv noColor("NO_COLOR", nullptr), term("TERM", "xterm-256color");
  EXPECT_TRUE(useColor("auto", true));
  EXPECT_FALSE(useColor("auto", false));
  EXPECT_TRUE(useColor("always", false));
  EXPECT_FALSE(useColor("never", true));
  {
    ScopedEnv set("NO_COLOR", "1");
    EXPECT_FALSE(useColor("auto", true));
    EXPECT_TRUE(useColor("always", true));  // asked for in so many words
  }
  {
    ScopedEnv empty("NO_COLOR", "");  // no-color.org: only a non-empty value counts
    EXPECT_TRUE(useColor("auto", true));
  }
  ScopedEnv dumb("TERM", "dumb");
  EXPECT_FALSE(useColor("auto", true));
}

TEST(FormatGithub, MessagesAndPropertiesAreEscaped) {
  SourceText text("第一行\n第二行 2\n");
  Finding f{"sum-row", Severity::Info, {text.lineStart(1) + 10, text.lineStart(1) + 11}, "100% 不对\n第二句", std::nullopt, {}};
  EXPECT_EQ(formatGithub("a,b:c.md", text, f),
            "::notice file=a%2Cb%3Ac.md,line=2,col=5,endColumn=6,title=nianbao sum-row::100%25 不对%0A第二句\n");
  // A range over lines names its last line, not a column on it.
  Finding wide{"part-empty", Severity::Warning, {0, text.lineStart(1) + 3}, "m", std::nullopt, {}};
  EXPECT_EQ(formatGithub("r.md", text, wide), "::warning file=r.md,line=1,col=1,endLine=2,title=nianbao part-empty::m\n");
}

TEST(FormatGithub, AWordReportGetsItsPlaceInsteadOfALine) {
  // Line 2 of the text made from the document is row 5 of its 2nd table; the
  // b is in the cell between columns 5 and 8, the table's 2nd column.
  SourceText text("段落\n| a | b |\n");
  ConvertedReport converted;
  converted.markdown = text.str();
  converted.lineOrigins.resize(3);
  converted.lineOrigins[0].kind = Origin::Kind::Paragraph;
  converted.lineOrigins[0].paragraph = 12;
  converted.lineOrigins[1].kind = Origin::Kind::Table;
  converted.lineOrigins[1].table = 2;
  converted.lineOrigins[1].row = 5;
  converted.lineOrigins[1].cells = {{1, 4, 5, 1}, {5, 8, 5, 2}};
  std::size_t b = text.lineStart(1) + 6;
  Finding f{"sum-row", Severity::Error, {b, b + 1}, "总计不对", std::nullopt, {}};
  EXPECT_EQ(formatGithub("报告.docx", text, f, &converted),
            "::error file=报告.docx,title=nianbao sum-row::表2 第5行 第2列: 总计不对\n");
}

}  // namespace
}  // namespace nianbao::cli
