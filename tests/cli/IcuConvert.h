#pragma once
// Converting test data between charsets with ICU, for the encoding tests.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace nianbao::testing {

// One ICU conversion with `from` and `to` charsets, failing the test on any
// character that does not convert (ucnv_convert would substitute it).
inline std::string icuConvert(const std::string& bytes, const char* from, const char* to) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* source = ucnv_open(from, &status);
  UConverter* target = ucnv_open(to, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  ucnv_setToUCallBack(source, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(target, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<char> out(bytes.size() * 4 + 16);
  char* t = out.data();
  const char* s = bytes.data();
  ucnv_convertEx(target, source, &t, out.data() + out.size(), &s, bytes.data() + bytes.size(), nullptr, nullptr,
                 nullptr, nullptr, true, true, &status);
  EXPECT_TRUE(U_SUCCESS(status)) << from << " to " << to << ": " << u_errorName(status);
  ucnv_close(source);
  ucnv_close(target);
  return std::string(out.data(), static_cast<std::size_t>(t - out.data()));
}

}  // namespace nianbao::testing
