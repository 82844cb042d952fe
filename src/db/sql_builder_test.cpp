#include "db/sql_builder.hpp"

#include <gtest/gtest.h>

namespace agenthq::db {
namespace {

TEST(TextArray, QuotesAndEscapesEveryItem) {
  EXPECT_EQ(text_array({}), "{}");
  EXPECT_EQ(text_array({"01ABC", "scout-2"}), R"({"01ABC","scout-2"})");
  // Quotes, backslashes, commas and braces stay inside their element.
  EXPECT_EQ(text_array({R"(a"b)", R"(c\d)", "e,f}"}), R"({"a\"b","c\\d","e,f}"})");
}

TEST(SqlParams, EachBindIsTheNextPlaceholder) {
  SqlParams p({std::string("org")});
  EXPECT_EQ(p.bind(std::string("x")), "$2");
  EXPECT_EQ(p.and_equal("t.status", std::nullopt), "");
  EXPECT_EQ(p.and_equal("t.status", std::string("open")), " AND t.status = $3");
  EXPECT_EQ(p.size(), 3u);
}

}  // namespace
}  // namespace agenthq::db
