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

TEST(LimitOffset, TheLimitIsWrittenAndOnlyADeepPageBindsAnOffset) {
  SqlParams p({std::string("org")});
  EXPECT_EQ(limit_offset(p, 20, 0), " LIMIT 20");
  EXPECT_EQ(p.size(), 1u);
  EXPECT_EQ(limit_offset(p, 100, 300), " LIMIT 100 OFFSET $2::bigint");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.values()[1], std::optional<std::string>("300"));
}

TEST(PushCountAndPage, CountsAndPagesTheSameFilter) {
  PagedQuery q{"t.id", " FROM tasks t WHERE t.org_id = $1", "t.id", SqlParams({std::string("org")})};
  std::vector<Statement> batch;
  push_count_and_page(batch, std::move(q), 10, 20);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch[0].sql, "SELECT count(*) FROM tasks t WHERE t.org_id = $1");
  EXPECT_EQ(batch[0].params.size(), 1u);
  EXPECT_EQ(batch[1].sql, "SELECT t.id FROM tasks t WHERE t.org_id = $1 ORDER BY t.id LIMIT 10 OFFSET $2::bigint");
  EXPECT_EQ(batch[1].params.size(), 2u);
}

}  // namespace
}  // namespace agenthq::db
