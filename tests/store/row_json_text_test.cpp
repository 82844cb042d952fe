// PgResult::append_row_json, the tree-free writer of list pages, against what the tree path
// (row_json, then util::to_json) writes for the same row of every column type the hub reads.
#include <boost/asio/awaitable.hpp>
#include <boost/json.hpp>

#include "db/pg_result.hpp"
#include "store_fixture.hpp"
#include "util/json_text.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

class RowJsonText : public StoreTest {
 protected:
  db::PgResult select(const std::string& org_id, const std::string& sql) {
    auto work = [](db::Database& db, std::string org, std::string query) -> boost::asio::awaitable<db::PgResult> {
      const db::Scope scope = db::Scope::org(org);
      db::Statement statement(std::move(query), {});
      co_return co_await db.query(scope, std::move(statement));
    };
    return run(work(db(), org_id, sql));
  }
};

const char* kEveryType =
    "SELECT true AS yes, false AS no, 7::int2 AS small, -42 AS int, 9007199254740993::int8 AS big, 0.85::float8 AS f8,"
    " 1500000::float4 AS f4, 'NaN'::float8 AS nan, '{\"a\": [1, 2, \"x y\"], \"b\": {\"c\": null, \"d\": \"q\\\"z\"}}'::jsonb AS j,"
    " '[1,  {\"k\" :  true}]'::json AS js, '2026-02-17 12:00:00.123456+00'::timestamptz AS ts,"
    " '2026-02-17 09:30:00.5'::timestamp AS ts_local, '2026-02-01'::date AS d,"
    " E'quote \" back \\\\ nl \\n tab \\t ctl \\x01 caf\\u00e9 \\u2603' AS t, NULL::text AS missing,"
    " to_tsvector('english', 'never sent') AS search_vector, 'left out' AS total";

TEST_F(RowJsonText, WritesWhatTheTreeWritesForEveryColumnType) {
  const auto owner = new_owner("rowtext");
  const auto r = select(owner.org_id, kEveryType);
  ASSERT_EQ(r.rows(), 1);
  const int omit = r.column("total");
  std::string text;
  r.append_row_json(text, 0, omit);

  json::object tree = r.row_json(0);
  tree.erase("total");
  EXPECT_EQ(text, util::to_json(tree)) << "the same keys, order and values, byte for byte";
  EXPECT_EQ(text.find("search_vector"), std::string::npos);
  EXPECT_NE(text.find(R"("j":{"a":[1,2,"x y"],"b":{"c":null,"d":"q\"z"}})"), std::string::npos)
      << "jsonb without PostgreSQL's spacing, spaces inside strings kept: " << text;
  EXPECT_NE(text.find(R"("nan":null)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("ts":"2026-02-17T12:00:00.123Z")"), std::string::npos) << text;
}

TEST_F(RowJsonText, JsonbNumbersKeepTheirValue) {
  const auto owner = new_owner("rownum");
  const auto r = select(owner.org_id, "SELECT '{\"price\": 1094500.00, \"rate\": 0.025, \"n\": -3}'::jsonb AS m");
  std::string text;
  r.append_row_json(text, 0);
  // PostgreSQL keeps a numeric's scale ("1094500.00"); the tree path writes the double
  // (1094500). Both are the same number to every JSON reader.
  const auto written = json::parse(text).at("m").as_object();
  const auto tree = json::parse(util::to_json(r.row_json(0))).at("m").as_object();
  ASSERT_EQ(written.size(), tree.size());
  for (const auto& [key, value] : tree) EXPECT_EQ(written.at(key).to_number<double>(), value.to_number<double>()) << key;
  EXPECT_EQ(text.find('E'), std::string::npos) << "never an exponent: " << text;
}

}  // namespace
}  // namespace agenthq::test
