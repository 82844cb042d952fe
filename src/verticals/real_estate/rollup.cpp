#include "verticals/real_estate/rollup.hpp"

#include "verticals/real_estate/sql/rollup_insert.sql.hpp"

#include "util/ulid.hpp"
#include "verticals/real_estate/re_sql.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;

namespace {
constexpr const char* kTouchedSetting = "agenthq.re_touched_days";

// Replaces every {name} in a SQL template.
std::string fill(std::string sql, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string token = "{" + name + "}";
    for (auto at = sql.find(token); at != std::string::npos; at = sql.find(token, at + value.size()))
      sql.replace(at, token.size(), value);
  }
  return sql;
}

// The day a closed or cancelled transaction counts on; NULL while it is open.
std::string outcome_day(const std::string& t) {
  return fill(
      "(CASE WHEN {t}.status IN ('closed', 'cancelled') THEN "
      "COALESCE({date}, ({t}.updated_at AT TIME ZONE 'UTC')::date) END)",
      {{"date", safe_date(t + ".key_dates ->> " + t + ".status")}, {"t", t}});
}

// Monday of the ISO week, and first of the month, of a date expression (plain date arithmetic:
// date_trunc would go through timestamptz and the session's time zone).
std::string week_start(const std::string& d) {
  return "(" + d + " - (extract(isodow FROM " + d + ")::int - 1))";
}
std::string month_start(const std::string& d) {
  return "(" + d + " - (extract(day FROM " + d + ")::int - 1))";
}

// touched: the days recorded by touch_outcome_days() in this transaction, with their week and month.
constexpr const char* kTouchedCte = R"(touched AS MATERIALIZED (
  SELECT u.day, {week} AS week, {month} AS month
  FROM unnest(string_to_array(NULLIF(current_setting('{setting}', true), ''), ',')::date[]) AS u(day)))";

// bounds: what a transaction must look like to fall into a touched period, cheap enough to test
// on every transaction of the org: its outcome date text starts with one of the touched months
// (YYYY-MM of each touched month and of both ends of each touched week), or, for a transaction
// without a usable date (it counts on its updated_at day), updated_at lies within the touched span.
constexpr const char* kBoundsCte = R"(bounds AS MATERIALIZED (
  SELECT array_agg(DISTINCT v.prefix) AS prefixes,
         min(LEAST(touched.week, touched.month))::timestamp AT TIME ZONE 'UTC' AS low,
         (max(GREATEST(touched.week + 6, (touched.month + interval '1 month')::date - 1)) + 1)::timestamp
           AT TIME ZONE 'UTC' AS high
  FROM touched CROSS JOIN LATERAL (VALUES (to_char(touched.month, 'YYYY-MM')),
    (to_char(touched.week, 'YYYY-MM')), (to_char(touched.week + 6, 'YYYY-MM'))) AS v(prefix)))";

// The condition "(period, period_start) is one of the touched periods".
constexpr const char* kIsTouched = R"(({period}, {start}) IN (
  SELECT p.period, p.period_start FROM touched CROSS JOIN LATERAL
    (VALUES ('daily', touched.day), ('weekly', touched.week), ('monthly', touched.month))
    AS p(period, period_start)))";

std::string touched_cte() {
  return fill(kTouchedCte,
              {{"week", week_start("u.day")}, {"month", month_start("u.day")}, {"setting", kTouchedSetting}});
}
}  // namespace

std::string touch_outcome_days(const std::string& before, const std::string& after) {
  return fill(
      "set_config('{setting}', concat_ws(',', NULLIF(current_setting('{setting}', true), ''), "
      "{before}, {after}::text), true)",
      {{"before", before.empty() ? std::string("NULL") : outcome_day(before) + "::text"},
       {"after", outcome_day(after)},
       {"setting", kTouchedSetting}});
}

std::vector<db::Statement> rollup_statements(const std::string& org_id, RollupScope scope) {
  const bool all = scope == RollupScope::everything;
  std::vector<db::Statement> batch;
  // Serialises rollups of one org (see the header); released at commit.
  batch.emplace_back("SELECT pg_advisory_xact_lock(hashtextextended('agenthq.re_metrics:' || $1, 0))",
                     std::vector<db::Param>{org_id});

  const std::string touched_metric = fill(kIsTouched, {{"period", "m.period"}, {"start", "m.period_start"}});
  batch.emplace_back(
      all ? std::string("DELETE FROM re_metrics m WHERE m.org_id = $1")
          : "WITH " + touched_cte() + " DELETE FROM re_metrics m WHERE m.org_id = $1 AND " + touched_metric,
      std::vector<db::Param>{org_id});

  // A partial rollup reads only the transactions that can fall into a touched week or month.
  const std::string prefilter = fill(
      "AND (left(t.key_dates ->> t.status, 7) = ANY(b.prefixes) OR (t.updated_at >= b.low AND "
      "t.updated_at < b.high AND {date} IS NULL)) AND ({week} IN (SELECT week FROM touched) OR {month} IN "
      "(SELECT month FROM touched))",
      {{"date", safe_date("t.key_dates ->> t.status")},
       {"week", week_start("d.day")},
       {"month", month_start("d.day")}});
  std::string insert = fill(
      std::string(sql::rollup_insert), {{"partial", all ? std::string() : touched_cte() + ",\n" + kBoundsCte + ","},
                {"bounds", all ? std::string() : std::string("CROSS JOIN bounds b")},
                {"prefilter", all ? std::string() : prefilter},
                {"only_touched",
                 all ? std::string()
                     : "WHERE " + fill(kIsTouched, {{"period", "o.period"}, {"start", "o.period_start"}})},
                {"week", week_start("d.day")},
                {"month", month_start("d.day")},
                {"outcome_date", safe_date("k.outcome")},
                {"listed_date", safe_date("k.listed")},
                {"closed_date", safe_date("k.closed")}});
  batch.emplace_back(std::move(insert), std::vector<db::Param>{org_id, util::new_ulid().substr(0, 10)});
  return batch;
}

asio::awaitable<std::int64_t> rollup_org(db::Database& db, const std::string& org_id) {
  auto batch = rollup_statements(org_id, RollupScope::everything);
  const db::Scope scope = db::Scope::org(org_id);
  auto results = co_await db.run(scope, std::move(batch));
  co_return results.back().affected();
}

asio::awaitable<std::vector<OrgRollup>> rollup_orgs(db::Database& owner_db, db::Database& app_db,
                                                    std::optional<std::string> only_org) {
  db::Statement list("SELECT id FROM orgs WHERE $1::text IS NULL OR id = $1 ORDER BY id", {only_org});
  const db::Scope unscoped = db::Scope::none();
  auto orgs = co_await owner_db.query(unscoped, std::move(list));
  std::vector<OrgRollup> out;
  for (int i = 0; i < orgs.rows(); ++i) {
    OrgRollup r;
    r.org_id = std::string(orgs.text(i, 0));
    r.rows = co_await rollup_org(app_db, r.org_id);
    out.push_back(std::move(r));
  }
  co_return out;
}

}  // namespace agenthq::verticals::real_estate
