#include "hub/notifications/notification_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/notifications/notification_sql.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using db::Statement;

namespace {
// $1 org, $2 recipient id, $3 recipient type: the inbox index's leading columns.
constexpr const char* kMine = " FROM notifications n WHERE n.org_id = $1 AND n.recipient_id = $2 AND n.recipient_type = $3";

std::vector<db::Param> caller(const auth::Identity& who) { return {who.org_id, who.id, std::string(who.type_name())}; }
}  // namespace

asio::awaitable<NotificationPage> NotificationStore::list(const auth::Identity& who, const NotificationFilter& f,
                                                          std::int64_t limit, std::int64_t offset) {
  std::vector<db::Param> params = caller(who);
  std::string where = kMine;
  if (f.type) {
    params.emplace_back(*f.type);
    where += " AND n.type = $" + std::to_string(params.size());
  }
  if (f.read) where += *f.read ? " AND n.read" : " AND NOT n.read";
  db::SqlParams page_params(params);
  std::vector<Statement> batch;
  batch.emplace_back("SELECT count(*)" + where, std::move(params));
  std::string page = "SELECT " + notification_columns("n") + where + " ORDER BY n.created_at DESC, n.id DESC" +
                     db::limit_offset(page_params, limit, offset);
  batch.emplace_back(std::move(page), page_params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  co_return NotificationPage{r[1].rows_json(), r[0].integer(0, 0)};
}

asio::awaitable<std::int64_t> NotificationStore::unread_count(const auth::Identity& who) {
  Statement select(std::string("SELECT count(*)") + kMine + " AND NOT n.read", caller(who));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(select));
  co_return r.integer(0, 0);
}

asio::awaitable<bool> NotificationStore::mark_read(const auth::Identity& who, const std::string& id) {
  std::vector<db::Param> params = caller(who);
  params.emplace_back(id);
  Statement update("UPDATE notifications n SET read = true WHERE n.org_id = $1 AND n.recipient_id = $2 AND "
                   "n.recipient_type = $3 AND n.id = $4 RETURNING n.id",
                   std::move(params));
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.query(scope, std::move(update));
  co_return !r.empty();
}

asio::awaitable<void> NotificationStore::mark_all_read(const auth::Identity& who) {
  Statement update("UPDATE notifications n SET read = true WHERE n.org_id = $1 AND n.recipient_id = $2 AND "
                   "n.recipient_type = $3 AND NOT n.read",
                   caller(who));
  const db::Scope scope = db::Scope::org(who.org_id);
  co_await db_.query(scope, std::move(update));
}

}  // namespace agenthq::hub
