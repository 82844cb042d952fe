#include "realtime/event_listener.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <map>

#include "db/database.hpp"
#include "db/pg_connection.hpp"
#include "metrics/metrics.hpp"
#include "realtime/event_bus.hpp"
#include "realtime/session_registry.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

// The same columns the REST routes return for these resources.
constexpr const char* kPostSql =
    "SELECT p.id, p.org_id, p.channel_id, p.author_id, p.author_type, p.type, p.title, p.content, p.metadata, "
    "p.parent_id, p.pinned, p.created_at, p.updated_at, c.name AS channel_name, c.type AS channel_type, "
    "CASE WHEN c.type IN ('private', 'dm') THEN (SELECT coalesce(json_agg(json_build_array(m.member_id, "
    "m.member_type)), '[]') FROM channel_members m WHERE m.channel_id = c.id) END AS channel_members "
    "FROM posts p JOIN channels c ON c.id = p.channel_id WHERE p.org_id = $1 AND p.id = ANY($2::text[])";
constexpr const char* kActivitySql =
    "SELECT id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, ip_address, created_at "
    "FROM activity_log WHERE org_id = $1 AND id = ANY($2::text[]) ORDER BY id";
constexpr const char* kInsightSql =
    "SELECT id, org_id, type, title, content, data, source_posts, source_agents, confidence, reviewed, created_at "
    "FROM insights WHERE org_id = $1 AND id = ANY($2::text[]) ORDER BY id";

std::string text_array(const std::vector<std::string>& ids) {
  std::string out = "{";
  for (const auto& id : ids) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : id)
      if (c != '"' && c != '\\') out += c;
    out += '"';
  }
  return out + "}";
}

std::shared_ptr<const std::string> make_frame(const char* event, json::value data) {
  return std::make_shared<const std::string>(util::to_json(json::object{{"event", event}, {"data", std::move(data)}}));
}

struct Wanted {
  std::string kind;
  std::string org;
  std::vector<std::string> ids;
};

}  // namespace

void EventListener::stop() {
  // Runs on the listener's own thread (posted there by the shutdown handler).
  stopped_ = true;
  if (current_) current_->cancel();
}

void EventListener::dispatch(std::vector<Event> events) {
  auto shared = std::make_shared<const std::vector<Event>>(std::move(events));
  for (const auto& loop : loops_)
    asio::post(*loop.ioc, [registry = loop.registry, shared] { registry->deliver(*shared); });
}

asio::awaitable<std::vector<Event>> EventListener::read_back(const std::vector<std::string>& payloads) {
  std::vector<Event> out;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> wanted;  // (kind, org) -> ids
  for (const auto& payload : payloads) {
    boost::system::error_code ec;
    auto v = json::parse(payload, ec);
    if (ec || !v.is_object()) continue;
    auto& o = v.as_object();
    auto str = [&](const char* k) {
      const auto* f = o.if_contains(k);
      return f && f->is_string() ? std::string(f->as_string()) : std::string();
    };
    const std::string kind = str("k"), org = str("o"), id = str("i");
    if (kind.empty() || org.empty() || id.empty()) continue;
    if (kind == "direct") {
      const auto* data = o.if_contains("d");
      if (!data || !data->is_object()) continue;
      Event e;
      e.org_id = org;
      e.frame = make_frame(id.c_str(), *data);
      out.push_back(std::move(e));
    } else if (kind == "agent") {
      Event e;
      e.org_id = org;
      e.frame = make_frame("agent:status", json::object{{"agentId", id}, {"status", str("s")}});
      out.push_back(std::move(e));
    } else {
      wanted[{kind, org}].push_back(id);
    }
  }
  for (auto& [key, ids] : wanted) {
    const auto& [kind, org] = key;
    const bool is_post = kind == "post" || kind == "post_updated";
    const char* sql = is_post ? kPostSql : kind == "activity" ? kActivitySql : kInsightSql;
    db::Statement select(sql, {org, text_array(ids)});
    db::PgResult rows;
    try {
      rows = co_await reader_.query(db::Scope::org(org), std::move(select));
    } catch (const std::exception& e) {
      util::log::warn("realtime: could not read back {} event(s): {}", ids.size(), e.what());
      continue;
    }
    for (int r = 0; r < rows.rows(); ++r) {
      json::object row = rows.row_json(r);
      Event e;
      e.org_id = org;
      if (is_post) {
        e.channel_scoped = true;
        e.channel_id = std::string(row.at("channel_id").as_string());
        e.channel_name = std::string(row.at("channel_name").as_string());
        const auto members = row.at("channel_members");
        e.members_only = !members.is_null();
        if (e.members_only)
          for (const auto& m : members.as_array())
            e.members.emplace_back(std::string(m.at(0).as_string()), std::string(m.at(1).as_string()));
        row.erase("channel_name");
        row.erase("channel_type");
        row.erase("channel_members");
        e.frame = make_frame(kind == "post" ? "post:new" : "post:updated", std::move(row));
      } else {
        e.frame = make_frame(kind == "activity" ? "activity:new" : "insight:new", std::move(row));
      }
      out.push_back(std::move(e));
    }
  }
  co_return out;
}

asio::awaitable<void> EventListener::run() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer backoff(ex);
  bool listened_before = false;
  while (!stopped_) {
    try {
      auto conn = co_await db::PgConnection::connect(conninfo_, std::chrono::seconds(5));
      current_ = conn.get();
      struct Forget {
        db::PgConnection*& p;
        ~Forget() { p = nullptr; }
      } forget{current_};
      std::vector<db::Statement> listen;
      listen.emplace_back(std::string("LISTEN ") + EventBus::kChannel);
      co_await conn->execute(listen);
      util::log::info("realtime: listening for events");
      if (listened_before) metrics::registry().listen_reconnects.inc();
      listened_before = true;
      while (!stopped_) {
        auto payloads = co_await conn->wait_notifications();
        auto events = co_await read_back(payloads);
        if (!events.empty()) dispatch(std::move(events));
      }
    } catch (const std::exception& e) {
      if (stopped_) break;
      util::log::warn("realtime: event listener lost its connection ({}); reconnecting", e.what());
    }
    backoff.expires_after(std::chrono::milliseconds(500));
    co_await backoff.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

}  // namespace agenthq::realtime
