#include "hub/activity/activity_store.hpp"

#include <boost/json.hpp>

#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

asio::awaitable<json::object> ActivityStore::append(const AuditEntry& e) {
  db::Statement insert = audit_statement(e, kActivityColumns);
  const db::Scope scope = db::Scope::org(e.org_id);  // a named local: no temporaries inside co_await (g++ 12)
  auto r = co_await db_.query(scope, std::move(insert));
  co_return r.row_json(0);
}

asio::awaitable<ActivityPage> ActivityStore::list(const std::string& org_id, const ActivityFilter& f,
                                                  std::int64_t limit, std::int64_t offset) {
  db::PagedQuery q;
  q.columns = kActivityColumns;
  q.from_where = " FROM activity_log WHERE org_id = " + q.params.bind(org_id);
  q.from_where += q.params.and_equal("actor_id", f.actor_id);
  q.from_where += q.params.and_equal("actor_type", f.actor_type);
  q.from_where += q.params.and_equal("action", f.action);
  q.from_where += q.params.and_equal("resource_type", f.resource_type);
  for (auto micros : f.created_from)
    q.from_where += " AND created_at >= " + db::timestamp_from_micros(q.params.bind(std::to_string(micros)));
  for (auto micros : f.created_to)
    q.from_where += " AND created_at <= " + db::timestamp_from_micros(q.params.bind(std::to_string(micros)));
  q.order = "created_at DESC, id DESC";
  const db::Scope scope = db::Scope::org(org_id);
  co_return co_await db::read_page(db_, scope, std::move(q), limit, offset);
}

}  // namespace agenthq::hub
