#include "http/pagination.hpp"

#include <gtest/gtest.h>

namespace agenthq::http {
namespace {

PageRequest parse(std::string page, std::string limit) {
  RequestContext ctx;
  if (!page.empty()) ctx.query["page"] = page;
  if (!limit.empty()) ctx.query["limit"] = limit;
  return page_request(ctx);
}

TEST(Pagination, ContractParsingRules) {
  EXPECT_EQ(parse("", "").page, 1);
  EXPECT_EQ(parse("", "").limit, 20);
  EXPECT_EQ(parse("3", "10").offset(), 20);
  EXPECT_EQ(parse("10abc", "").page, 10);  // integer prefix
  EXPECT_EQ(parse("2.7", "").page, 2);
  EXPECT_EQ(parse("abc", "").page, 1);     // non-numeric: default
  EXPECT_EQ(parse("0", "").page, 1);       // zero is "missing"
  EXPECT_EQ(parse("-4", "").page, 1);      // < 1 clamps
  EXPECT_EQ(parse("", "0").limit, 20);
  EXPECT_EQ(parse("", "-5").limit, 1);
  EXPECT_EQ(parse("", "1000").limit, 100);
  EXPECT_EQ(parse("", "x").limit, 20);
  EXPECT_EQ(parse("99999999999999999999999", "").page, 1'000'000'000);  // saturates, no overflow
}

TEST(Pagination, IntegerPrefix) {
  EXPECT_EQ(parse_integer_prefix(" 42x"), 42);
  EXPECT_EQ(parse_integer_prefix("+7"), 7);
  EXPECT_EQ(parse_integer_prefix("-"), std::nullopt);
  EXPECT_EQ(parse_integer_prefix(""), std::nullopt);
}

}  // namespace
}  // namespace agenthq::http
