#include "hub/posts/mention_store.hpp"

#include <boost/json.hpp>

#include "db/sql_builder.hpp"
#include "hub/channels/channel_access_sql.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using db::Statement;

asio::awaitable<MentionPage> MentionStore::list(const auth::Identity& who, const std::string& agent_id,
                                                std::int64_t limit, std::int64_t offset) {
  // $1 org, $2/$3 caller, $4 agent.
  const std::string from =
      " FROM mentions m JOIN posts p ON p.org_id = $1 AND p.id = m.post_id AND p.deleted_at IS NULL"
      " JOIN channels c ON c.id = p.channel_id AND c.org_id = $1"
      " WHERE m.org_id = $1 AND m.mentioned_id = $4 AND " + channel_readable("c", 2, 3);
  std::vector<db::Param> params{who.org_id, who.id, std::string(who.type_name()), agent_id};
  db::SqlParams page_params(params);
  std::vector<Statement> batch;
  batch.emplace_back("SELECT count(*)" + from, std::move(params));
  std::string page = "SELECT m.id, m.org_id, m.post_id, m.mentioned_id, m.mentioned_type, m.created_at" + from +
                     " ORDER BY m.created_at DESC, m.id DESC" + db::limit_offset(page_params, limit, offset);
  batch.emplace_back(std::move(page), page_params.take());
  const db::Scope scope = db::Scope::org(who.org_id);
  auto r = co_await db_.run(scope, std::move(batch));
  co_return MentionPage{r[1].rows_json(), r[0].integer(0, 0)};
}

}  // namespace agenthq::hub
