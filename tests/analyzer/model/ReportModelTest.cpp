#include "model/ReportModel.h"

#include "TestSupport.h"

namespace nianbao::testing {
namespace {

TEST(Number, PrintsWithoutTrailingZeros) {
  EXPECT_EQ(Number{0}.toString(), "0");
  EXPECT_EQ(Number{3 * Number::kScale}.toString(), "3");
  EXPECT_EQ(Number{400}.toString(), "0.04");
  EXPECT_EQ(Number{12 * Number::kScale + 5000}.toString(), "12.5");
  EXPECT_EQ(Number{-7 * Number::kScale}.toString(), "-7");
  EXPECT_EQ(Number{-1}.toString(), "-0.0001");
}

TEST(Number, AddsExactly) {
  // 0.1 + 0.2 is 0.3 here, unlike in binary floating point.
  Number sum = Number{1000} + Number{2000};
  EXPECT_EQ(sum, Number{3000});
  EXPECT_EQ(sum.toString(), "0.3");
  EXPECT_FALSE(sum.isWhole());
  EXPECT_TRUE(Number{2 * Number::kScale}.isWhole());
}

}  // namespace
}  // namespace nianbao::testing
