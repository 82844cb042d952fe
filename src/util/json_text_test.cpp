#include "util/json_text.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <limits>

namespace agenthq::util {
namespace {
namespace json = boost::json;

TEST(NumberText, PlainDecimalNeverExponent) {
  EXPECT_EQ(number_text(1094500.0), "1094500");
  EXPECT_EQ(number_text(30757.5), "30757.5");
  EXPECT_EQ(number_text(1.0), "1");
  EXPECT_EQ(number_text(0.85), "0.85");
  EXPECT_EQ(number_text(1e-7), "0.0000001");
  EXPECT_EQ(number_text(1e21), "1000000000000000000000");
  EXPECT_EQ(number_text(-2.5), "-2.5");
  EXPECT_EQ(number_text(-0.0), "0");
  EXPECT_EQ(number_text(0.1 + 0.2), "0.30000000000000004");  // the shortest text that reads back the same
  const std::string tiny = number_text(std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(tiny.substr(0, 4), "0.00");
  EXPECT_EQ(tiny.back(), '5');
  EXPECT_EQ(number_text(std::numeric_limits<double>::max()).size(), 309u);
  EXPECT_EQ(number_text(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(number_text(std::nan("")), "null");
}

TEST(ToJson, NumbersPlainEverythingElseAsBoost) {
  json::value v = json::parse(R"({"a":1.0945E6,"b":[1E0,2,"x\"y",{"c":8.5E-1,"d":null}],"e":-3,"f":18446744073709551615})");
  EXPECT_EQ(to_json(v), R"({"a":1094500,"b":[1,2,"x\"y",{"c":0.85,"d":null}],"e":-3,"f":18446744073709551615})");
  // Without doubles the text is exactly Boost's.
  json::value plain = json::parse(R"({"k\n":["é",true,false,null,{}],"n":[]})");
  EXPECT_EQ(to_json(plain), json::serialize(plain));
  // Parsed numbers too large for a double are infinite: null, never the invalid token Infinity.
  EXPECT_EQ(to_json(json::parse("[1e999,-1e999]")), "[null,null]");
  // Read back, every number is the same number (an integral double may come back as an integer).
  auto back = json::parse(to_json(v));
  EXPECT_EQ(back.at("a").to_number<double>(), 1094500.0);
  EXPECT_EQ(back.at("b").at(3).at("c").as_double(), 0.85);
}

TEST(NumberText, ReadsBackAsTheSameDouble) {
  for (double d : {0.1 + 0.2, 1.0 / 3, -2.0 / 7, 1234567.891e10, 6.02214076e23, 1e-300,
                   std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::lowest()}) {
    const std::string text = number_text(d);
    EXPECT_EQ(text.find_first_of("eE"), std::string::npos) << text;
    EXPECT_EQ(std::strtod(text.c_str(), nullptr), d) << text;  // a correctly rounding reader, like JS or Python
  }
}

TEST(HasNonFinite, FindsAnOverflowedLiteralAnywhere) {
  EXPECT_FALSE(has_non_finite(json::parse(R"({"a":[1,2.5,{"b":-1e300}],"c":"1e999"})")));
  EXPECT_TRUE(has_non_finite(json::parse(R"({"a":1e999})")));
  EXPECT_TRUE(has_non_finite(json::parse(R"({"a":[0,{"b":[-1e999]}]})")));
}

}  // namespace
}  // namespace agenthq::util
