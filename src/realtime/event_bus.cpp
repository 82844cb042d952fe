#include "realtime/event_bus.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "db/database.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;
namespace json = boost::json;

void EventBus::agent_status(const std::string& org_id, const std::string& agent_id, const std::string& status) {
  publish("agent", org_id, agent_id, status);
}

void EventBus::org_event(const std::string& org_id, const std::string& name, const json::object& data) {
  json::object o{{"k", "direct"}, {"o", org_id}, {"i", name}, {"d", data}};
  std::string payload = util::to_json(o);
  if (payload.size() > 7500) {
    util::log::warn("realtime: {} event too large for a notification ({} bytes); not sent", name, payload.size());
    return;
  }
  enqueue(std::move(payload));
}

void EventBus::enqueue(std::string payload) {
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(payload));
    if (flushing_) return;
    flushing_ = true;
  }
  // Posted, not spawned here: co_spawn would start flush() inline when this is home_'s thread,
  // sending this one event alone while the request that raised it is about to raise more (a
  // post raises its activity entry, the post and its notifications). Posted, the flush runs
  // after the current handler, and they go as one pipeline: one transaction, one commit of
  // NOTIFY's cluster-wide lock instead of one per event.
  asio::post(home_, [this] { asio::co_spawn(home_, flush(), asio::detached); });
}

void EventBus::publish(const char* kind, const std::string& org_id, const std::string& id, const std::string& extra) {
  json::object o{{"k", kind}, {"o", org_id}, {"i", id}};
  if (!extra.empty()) o["s"] = extra;
  enqueue(json::serialize(o));
}

asio::awaitable<void> EventBus::flush() {
  for (;;) {
    std::vector<std::string> batch;
    {
      std::lock_guard lock(mutex_);
      batch.swap(pending_);
      if (batch.empty()) {
        flushing_ = false;
        co_return;
      }
    }
    // Everything that queued up while the previous batch was in flight goes in one pipeline.
    std::vector<db::Statement> statements;
    statements.reserve(batch.size());
    for (auto& payload : batch) statements.emplace_back("SELECT pg_notify($1, $2)", std::vector<db::Param>{kChannel, payload});
    try {
      co_await db_.run(db::Scope::none(), std::move(statements));
    } catch (const std::exception& e) {
      // Notifications are hints; a subscriber that missed one catches up from the tables.
      util::log::warn("realtime: could not publish {} event(s): {}", batch.size(), e.what());
    }
  }
}

}  // namespace agenthq::realtime
