#include "verticals/real_estate/metric_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "verticals/real_estate/re_sql.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;

asio::awaitable<json::array> MetricStore::list(const std::string& org_id, const MetricFilter& f) {
  db::SqlParams params;
  std::string sql =
      "SELECT m.id, m.org_id, m.agent_id, m.period, m.period_start, " + emitted_metrics("m.metrics") +
      " AS metrics, m.created_at FROM re_metrics m WHERE m.org_id = " +
      params.bind(org_id);
  if (f.agent_id) sql += " AND m.agent_id = " + params.bind(f.agent_id);
  if (f.period) sql += " AND m.period = " + params.bind(f.period);
  if (f.from) sql += " AND m.period_start >= " + params.bind(f.from) + "::timestamptz";
  if (f.to) sql += " AND m.period_start <= " + params.bind(f.to) + "::timestamptz";
  sql += " ORDER BY m.period_start DESC, m.period, m.agent_id NULLS FIRST, m.id LIMIT " +
         std::to_string(kMaxRows);
  db::Statement select(std::move(sql), params.take());
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

asio::awaitable<json::array> MetricStore::leaderboard(const std::string& org_id, const std::string& period,
                                                      const std::string& day) {
  // The period containing the day: a weekly board asked for a Wednesday is that week's (Monday).
  db::Statement select(
      "SELECT a.id, a.name, " + emitted_metrics("m.metrics") +
      " AS metrics FROM re_metrics m JOIN agents a ON a.id = m.agent_id AND a.org_id = $1 "
      "WHERE m.org_id = $1 AND m.period = $2 AND m.period_start = CASE $2 WHEN 'weekly' THEN "
      "date_trunc('week', "
      "$3::date)::date WHEN 'monthly' THEN date_trunc('month', $3::date)::date ELSE $3::date END "
      "ORDER BY (m.metrics ->> 'total_volume')::numeric DESC NULLS LAST, a.name, a.id",
      {org_id, period, day});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.rows_json();
}

}  // namespace agenthq::verticals::real_estate
