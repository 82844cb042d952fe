#include "realtime/session_registry.hpp"

#include <algorithm>

#include "realtime/ws_session.hpp"

namespace agenthq::realtime {

SessionRegistry::~SessionRegistry() {
  for (const auto& [org, sessions] : by_org_)
    for (std::size_t i = 0; i < sessions.size(); ++i) unwatch(org);
  for (const auto& t : taps_) unwatch(t.org_id);
}

void SessionRegistry::add(const std::shared_ptr<WsSession>& session) {
  const std::string& org = session->identity()->org_id;
  by_org_[org].push_back(session);
  watch(org);
}

void SessionRegistry::remove(const WsSession* session) {
  if (!session->identity()) return;
  auto it = by_org_.find(session->identity()->org_id);
  if (it == by_org_.end()) return;
  const std::string org = it->first;
  const auto gone = std::erase_if(it->second, [&](const auto& w) {
    auto s = w.lock();
    return !s || s.get() == session;
  });
  for (std::size_t i = 0; i < gone; ++i) unwatch(org);
  if (it->second.empty()) by_org_.erase(it);
}

std::uint64_t SessionRegistry::add_tap(const std::string& org_id, Tap tap) {
  taps_.push_back({next_tap_, org_id, std::move(tap)});
  watch(org_id);
  return next_tap_++;
}

void SessionRegistry::remove_tap(std::uint64_t id) {
  std::erase_if(taps_, [&](const TapEntry& t) {
    if (t.id != id) return false;
    unwatch(t.org_id);
    return true;
  });
}

void SessionRegistry::deliver(const std::vector<Event>& events) {
  for (const auto& e : events) {
    auto it = by_org_.find(e.org_id);
    if (it == by_org_.end()) continue;
    for (const auto& weak : it->second) {
      auto s = weak.lock();
      if (!s || !s->identity()) continue;
      if (!e.audience.admits(*s->identity())) continue;
      if (e.channel_scoped && !s->wants_channel(e.channel_id, e.channel_name))
        continue;
      s->send(e.frame);
    }
  }
  if (taps_.empty()) return;
  // A tap may remove itself (or others) while it runs: call a copy.
  const auto taps = taps_;
  for (const auto& e : events)
    for (const auto& t : taps)
      if (t.org_id == e.org_id) t.tap(&e);
}

void SessionRegistry::close_all() {
  const auto taps = taps_;
  for (const auto& t : taps) t.tap(nullptr);
  for (auto& [org, sessions] : by_org_)
    for (auto& weak : sessions)
      if (auto s = weak.lock()) s->close();
}

std::size_t SessionRegistry::size() const {
  std::size_t n = 0;
  for (const auto& [org, sessions] : by_org_) n += sessions.size();
  return n;
}

}  // namespace agenthq::realtime
