#pragma once
// For the .docx and .html tests: zips built with libzip, the real binary run
// on files, and the rows of table 三 as the template has them.

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <zip.h>

#include "Spawn.h"
#include "TestFiles.h"

namespace nianbao::testing {

// A zip holding `entries` (name, bytes), deflated, as its bytes.
inline std::string zipOf(const std::vector<std::pair<std::string, std::string>>& entries) {
  TempDir dir;
  std::string path = (dir / "out.zip").string();
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr) << "zip_open: " << error;
  if (!zip) return "";
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    EXPECT_NE(source, nullptr);
    zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0) << zip_strerror(zip);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  }
  // The buffers are read here, while `entries` is alive.
  EXPECT_EQ(zip_close(zip), 0);
  return readBytes(path);
}

struct BinaryRun {
  int status = -1;
  std::string out, err;
};

// The real nianbao with `args` (and `stdinPath` on its standard input), its
// output captured; killed after a minute.
inline BinaryRun runBinary(const std::vector<std::string>& args, const std::string& stdinPath = "/dev/null") {
  TempDir io;
  std::vector<std::string> argv{NIANBAO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  SpawnOptions options;
  options.stdinPath = stdinPath;
  options.stdoutPath = (io / "out").string();
  options.stderrPath = (io / "err").string();
  std::string error;
  pid_t pid = spawnProcess(argv, options, error);
  EXPECT_GT(pid, 0) << error;
  BinaryRun run;
  if (pid <= 0) return run;
  run.status = waitProcess(pid, std::chrono::seconds(60)).value_or(-1);
  run.out = readBytes(io / "out");
  run.err = readBytes(io / "err");
  return run;
}

// Table 三's rows below its header: group (empty for a row of its own),
// label, as the 2021 template has them.
struct ResultRow {
  std::string group, label;
};
inline const std::vector<ResultRow>& resultRows() {
  static const std::vector<ResultRow> rows = {
      {"", "（一）予以公开"},
      {"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
      {"（三）不予公开", "1.属于国家秘密"},
      {"（三）不予公开", "2.其他法律行政法规禁止公开"},
      {"（三）不予公开", "3.危及“三安全一稳定”"},
      {"（三）不予公开", "4.保护第三方合法权益"},
      {"（三）不予公开", "5.属于三类内部事务信息"},
      {"（三）不予公开", "6.属于四类过程性信息"},
      {"（三）不予公开", "7.属于行政执法案卷"},
      {"（三）不予公开", "8.属于行政查询事项"},
      {"（四）无法提供", "1.本机关不掌握相关政府信息"},
      {"（四）无法提供", "2.没有现成信息需要另行制作"},
      {"（四）无法提供", "3.补正后申请内容仍不明确"},
      {"（五）不予处理", "1.信访举报投诉类申请"},
      {"（五）不予处理", "2.重复申请"},
      {"（五）不予处理", "3.要求提供公开出版物"},
      {"（五）不予处理", "4.无正当理由大量反复申请"},
      {"（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"},
      {"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
      {"（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
      {"（六）其他处理", "3.其他"},
      {"", "（七）总计"},
  };
  return rows;
}

inline constexpr const char* kCorner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

}  // namespace nianbao::testing
