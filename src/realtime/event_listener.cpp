#include "realtime/event_listener.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <algorithm>
#include <map>

#include "db/database.hpp"
#include "db/pg_connection.hpp"
#include "db/sql_builder.hpp"
#include "metrics/metrics.hpp"
#include "realtime/event_bus.hpp"
#include "realtime/session_registry.hpp"
#include "realtime/watched_orgs.hpp"
#include "util/json_text.hpp"
#include "util/log.hpp"

namespace agenthq::realtime {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

std::shared_ptr<const std::string> make_frame(const char* event, json::value data) {
  return std::make_shared<const std::string>(util::to_json(json::object{{"event", event}, {"data", std::move(data)}}));
}

// A loaded row -> the event: a channel event's routing columns leave the data. A channel-scoped
// row whose channel_id is NULL (a task without a channel) is an org-wide event.
Event to_event(const EventLoader& loader, const std::string& org, json::object row) {
  Event e;
  e.org_id = org;
  if (loader.channel_scoped) {
    const json::value channel = row.at("channel_id");
    if (channel.is_string()) {
      e.channel_scoped = true;
      e.channel_id = std::string(channel.as_string());
      e.channel_name = std::string(row.at("event_channel_name").as_string());
      const json::value audience = row.at("event_audience");
      e.audience.members_only = !audience.is_null();
      if (e.audience.members_only)
        for (const auto& m : audience.as_array())
          e.audience.members.emplace_back(std::string(m.at(0).as_string()), std::string(m.at(1).as_string()));
    }
    row.erase("event_channel_name");
    row.erase("event_audience");
  }
  if (loader.recipient_only) {
    e.audience.recipient_id = std::string(row.at("recipient_id").as_string());
    e.audience.recipient_type = std::string(row.at("recipient_type").as_string());
  }
  json::value data = loader.data ? loader.data(std::move(row)) : json::value(std::move(row));
  e.frame = make_frame(loader.event.c_str(), std::move(data));
  return e;
}

// One batch of notifications: events that need no read-back, and the ids to load per (kind,
// org). Every event keeps the position of its notification, so delivery follows commit order
// whatever the kinds.
struct Batch {
  std::vector<std::pair<std::size_t, Event>> events;
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::size_t>> wanted;  // -> id: position
};

Batch parse_batch(const std::vector<std::string>& payloads) {
  Batch batch;
  for (std::size_t seq = 0; seq < payloads.size(); ++seq) {
    boost::system::error_code ec;
    auto v = json::parse(payloads[seq], ec);
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
      batch.events.emplace_back(seq, std::move(e));
    } else if (kind == "agent") {
      Event e;
      e.org_id = org;
      e.frame = make_frame("agent:status", json::object{{"agentId", id}, {"status", str("s")}});
      batch.events.emplace_back(seq, std::move(e));
    } else {
      batch.wanted[{kind, org}].try_emplace(id, seq);
    }
  }
  return batch;
}

void add_loaded(Batch& batch, const EventLoader& loader, const std::string& org,
                const std::map<std::string, std::size_t>& ids, const db::PgResult& rows) {
  for (int r = 0; r < rows.rows(); ++r) {
    json::object row = rows.row_json(r);
    const auto* id = row.if_contains("id");
    auto it = id && id->is_string() ? ids.find(std::string(id->as_string())) : ids.end();
    const std::size_t seq = it == ids.end() ? 0 : it->second;
    batch.events.emplace_back(seq, to_event(loader, org, std::move(row)));
  }
}

std::vector<Event> in_order(Batch batch) {
  std::stable_sort(batch.events.begin(), batch.events.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Event> out;
  out.reserve(batch.events.size());
  for (auto& [seq, e] : batch.events) out.push_back(std::move(e));
  return out;
}

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
  Batch batch = parse_batch(payloads);
  // Every kind of one org is read back in one pipeline: a post raises its activity entry, the
  // post and its notifications, and one round trip loads them all.
  struct Load {
    const EventLoader* loader;
    const std::map<std::string, std::size_t>* ids;
  };
  std::map<std::string, std::vector<Load>> by_org;
  for (const auto& [key, ids] : batch.wanted) {
    const auto& [kind, org] = key;
    if (const Signal* signal = loaders_.find_signal(kind)) {
      for (const auto& [id, seq] : ids) (*signal)(org, id);
      continue;
    }
    const EventLoader* loader = loaders_.find(kind);
    if (!loader) {
      util::log::warn("realtime: no loader for {} event(s) of kind {}", ids.size(), kind);
      continue;
    }
    by_org[org].push_back(Load{loader, &ids});
  }
  for (const auto& [org, loads] : by_org) {
    if (watched_ && !watched_->watched(org)) continue;  // nobody here to deliver them to
    std::vector<db::Statement> statements;
    for (const auto& load : loads) {
      std::vector<std::string> id_list;
      for (const auto& [id, seq] : *load.ids) id_list.push_back(id);
      statements.emplace_back(load.loader->sql, std::vector<db::Param>{org, db::text_array(id_list)});
    }
    std::vector<db::PgResult> results;
    const db::Scope scope = db::Scope::org(org);  // a named local: no temporaries inside co_await (g++ 12)
    try {
      results = co_await reader_.run(scope, std::move(statements));
    } catch (const std::exception& e) {
      util::log::warn("realtime: could not read back {} kind(s) of events: {}", loads.size(), e.what());
      continue;
    }
    for (std::size_t i = 0; i < loads.size(); ++i) {
      try {
        add_loaded(batch, *loads[i].loader, org, *loads[i].ids, results[i]);  // a row of the wrong shape must not end the listener
      } catch (const std::exception& e) {
        util::log::warn("realtime: could not read back {} event(s): {}", loads[i].ids->size(), e.what());
      }
    }
  }
  co_return in_order(std::move(batch));
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
