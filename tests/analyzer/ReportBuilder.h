#pragma once
// Writes a complete, consistent 2021-format report in any of the four table
// layouts, with chosen cells, labels, rows and headings changed, so that each
// rule can be exercised in each layout from one description.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace nianbao::testing {

enum class Layout { Tabs, Pipes, CellPerLine, Spaced };

inline const char* layoutName(Layout l) {
  switch (l) {
    case Layout::Tabs: return "Tabs";
    case Layout::Pipes: return "Pipes";
    case Layout::CellPerLine: return "CellPerLine";
    case Layout::Spaced: return "Spaced";
  }
  return "?";
}

struct ReportSpec {
  Layout layout = Layout::Tabs;
  std::string eol = "\n";
  std::string beforeTables;  // a paragraph written at the start of part 二
  std::map<std::string, std::vector<std::string>> cells;  // row label -> its cells
  std::map<std::string, std::string> labels;               // row label -> label as written
  std::set<std::string> dropRows;                          // row labels left out
  std::map<std::string, std::string> headings;             // part heading -> as written ("" drops it)
  std::set<std::string> dropTopics;                        // topic numerals left out (一…五)
  std::map<std::string, std::string> headers;              // header label -> as written
  std::vector<std::string> review = {"1", "0", "1", "0", "2", "0", "1", "0", "0", "1", "0", "0", "0", "1", "1"};
};

// The rows of table 三 and their (consistent) numbers: 一 + 二 = （七）+ 四.
inline std::vector<std::pair<std::string, std::vector<std::string>>> applicationRows() {
  std::vector<std::string> z(7, "0");
  return {
      {"一、本年新收政府信息公开申请数量", {"3", "1", "0", "0", "0", "0", "4"}},
      {"二、上年结转政府信息公开申请数量", {"1", "0", "0", "0", "0", "0", "1"}},
      {"（一）予以公开", {"2", "1", "0", "0", "0", "0", "3"}},
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", z},
      {"1.属于国家秘密", z}, {"2.其他法律行政法规禁止公开", z}, {"3.危及“三安全一稳定”", z},
      {"4.保护第三方合法权益", z}, {"5.属于三类内部事务信息", z}, {"6.属于四类过程性信息", z},
      {"7.属于行政执法案卷", z}, {"8.属于行政查询事项", z},
      {"1.本机关不掌握相关政府信息", {"1", "0", "0", "0", "0", "0", "1"}},
      {"2.没有现成信息需要另行制作", z}, {"3.补正后申请内容仍不明确", z},
      {"1.信访举报投诉类申请", z}, {"2.重复申请", z}, {"3.要求提供公开出版物", z},
      {"4.无正当理由大量反复申请", z}, {"5.要求行政机关确认或重新出具已获取信息", z},
      {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", z},
      {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", z},
      {"3.其他", z},
      {"（七）总计", {"3", "1", "0", "0", "0", "0", "4"}},
      {"四、结转下年度继续办理", {"1", "0", "0", "0", "0", "0", "1"}},
  };
}

class ReportWriter {
 public:
  explicit ReportWriter(const ReportSpec& spec) : s_(spec) {}

  std::string write() {
    line("# 测试镇 2024 年政府信息公开工作年度报告");
    blank();
    line("本报告所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。");
    blank();
    heading("一、总体情况");
    const char* topics[][2] = {{"一", "主动公开"}, {"二", "依申请公开"}, {"三", "政府信息管理"},
                               {"四", "政府信息公开平台建设"}, {"五", "监督保障"}};
    for (auto& t : topics) {
      if (s_.dropTopics.count(t[0])) continue;
      line(std::string("（") + t[0] + "）" + t[1] + "情况");
      blank();
      line("一是做好相关工作。二是完善制度。");
      blank();
    }
    heading("二、主动公开政府信息情况");
    if (!s_.beforeTables.empty()) {
      line(s_.beforeTables);
      blank();
    }
    subTable("第二十条第（一）项", {"本年制发件数", "本年废止件数", "现行有效件数"},
             {{"规章", {"0", "0", "0"}}, {"行政规范性文件", {"2", "1", "5"}}});
    subTable("第二十条第（五）项", {"本年处理决定数量"}, {{"行政许可", {"12"}}});
    subTable("第二十条第（六）项", {"本年处理决定数量"}, {{"行政处罚", {"3"}}, {"行政强制", {"0"}}});
    subTable("第二十条第（八）项", {"本年收费金额（单位：万元）"}, {{"行政事业性收费", {"0.04"}}});
    blank();
    heading("三、收到和处理政府信息公开申请情况");
    row({"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"}, {});
    row({header("自然人"), header("法人或其他组织"), header("总计")}, {});
    row({header("商业企业"), header("科研机构"), header("社会公益组织"), header("法律服务机构"), header("其他")}, {});
    for (auto& [label, values] : applicationRows()) {
      if (label == "（一）予以公开") groupLine("三、本年度办理结果");
      if (label == "1.属于国家秘密") groupLine("（三）不予公开");
      if (label == "1.本机关不掌握相关政府信息") groupLine("（四）无法提供");
      if (label == "1.信访举报投诉类申请") groupLine("（五）不予处理");
      if (label == "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请") groupLine("（六）其他处理");
      dataRow(label, values);
    }
    blank();
    heading("四、政府信息公开行政复议、行政诉讼情况");
    row({header("行政复议"), header("行政诉讼")}, {});
    row({header("结果维持"), header("结果纠正"), header("其他结果"), header("尚未审结"), header("总计"),
         header("未经复议直接起诉"), header("复议后起诉")}, {});
    row({}, s_.review);
    blank();
    heading("五、存在的主要问题及改进情况");
    line("一是公开的主动性不强。下一步将加强培训。");
    blank();
    heading("六、其他需要报告的事项");
    line("本单位 2024 年度未收取信息处理费。");
    return out_;
  }

 private:
  void line(const std::string& text) { out_ += text + s_.eol; }
  void blank() { out_ += s_.eol; }

  void heading(const std::string& text) {
    auto it = s_.headings.find(text);
    std::string written = it == s_.headings.end() ? text : it->second;
    if (written.empty()) return;
    line("## " + written);
    blank();
  }

  std::string header(const std::string& label) {
    auto it = s_.headers.find(label);
    return it == s_.headers.end() ? label : it->second;
  }

  void subTable(const std::string& title, const std::vector<std::string>& columns,
                const std::vector<std::pair<std::string, std::vector<std::string>>> rows) {
    row({title}, {});
    std::vector<std::string> head{header("信息内容")};
    for (const auto& c : columns) head.push_back(header(c));
    row(head, {});
    for (const auto& [label, values] : rows) dataRow(label, values);
  }

  void groupLine(const std::string& label) {
    // Spaced (PDF) text writes group names on lines of their own; the other
    // layouts carry them in the first row's leading cell, which this omits.
    if (s_.layout == Layout::Spaced || s_.layout == Layout::CellPerLine) row({label}, {});
  }

  void dataRow(const std::string& label, std::vector<std::string> values) {
    if (s_.dropRows.count(label)) return;
    if (auto it = s_.cells.find(label); it != s_.cells.end()) values = it->second;
    std::string written = label;
    if (auto it = s_.labels.find(label); it != s_.labels.end()) written = it->second;
    row({written}, values);
  }

  void row(const std::vector<std::string>& texts, const std::vector<std::string>& values) {
    std::vector<std::string> cells = texts;
    cells.insert(cells.end(), values.begin(), values.end());
    switch (s_.layout) {
      case Layout::Tabs: line(join(cells, "\t")); break;
      case Layout::Pipes: line("| " + join(cells, " | ") + " |"); break;
      case Layout::Spaced: line(join(cells, "    ")); break;
      case Layout::CellPerLine:
        for (const auto& c : cells) line("\t" + c);
        blank();
        break;
    }
  }

  static std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
  }

  const ReportSpec& s_;
  std::string out_;
};

inline std::string buildReport(const ReportSpec& spec) { return ReportWriter(spec).write(); }

// Every layout with LF and with CRLF line endings, for parameterized tests.
struct LayoutAndEol {
  Layout layout;
  std::string eol;
};
inline std::vector<LayoutAndEol> allLayoutsAndEols() {
  std::vector<LayoutAndEol> out;
  for (Layout l : {Layout::Tabs, Layout::Pipes, Layout::CellPerLine, Layout::Spaced})
    for (const char* eol : {"\n", "\r\n"}) out.push_back({l, eol});
  return out;
}
template <typename Info>
std::string layoutAndEolName(const Info& info) {
  return std::string(layoutName(info.param.layout)) + (info.param.eol == "\n" ? "_LF" : "_CRLF");
}

}  // namespace nianbao::testing
