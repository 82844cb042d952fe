#include "auth/api_key_cache.hpp"

namespace agenthq::auth {
using clock = std::chrono::steady_clock;

ApiKeyCache::Lookup ApiKeyCache::find(const std::string& digest, Agent& out) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(digest);
  if (it == entries_.end()) return Lookup::miss;
  const auto now = clock::now();
  if (it->second.expires <= now) {
    if (it->second.agent && now < it->second.known_until) return Lookup::stale;
    entries_.erase(it);
    return Lookup::miss;
  }
  if (!it->second.agent) return Lookup::invalid;
  out = *it->second.agent;
  return Lookup::valid;
}

void ApiKeyCache::make_room(clock::time_point now) {
  if (entries_.size() < capacity_) return;
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.known_until <= now; });
  // Still full: wrong keys go first. A flood of guesses must not evict the real agents' entries
  // and make every one of their requests pay bcrypt again.
  if (entries_.size() >= capacity_) std::erase_if(entries_, [](const auto& kv) { return !kv.second.agent; });
  if (entries_.size() >= capacity_) entries_.clear();  // still full of live agents: start over
}

void ApiKeyCache::remember_valid(const std::string& digest, Agent agent) {
  std::lock_guard lock(mutex_);
  auto now = clock::now();
  make_room(now);
  entries_[digest] = {std::move(agent), now + valid_ttl_, now + std::max(valid_ttl_, known_ttl_)};
}

void ApiKeyCache::remember_invalid(const std::string& digest) {
  std::lock_guard lock(mutex_);
  auto now = clock::now();
  make_room(now);
  entries_[digest] = {std::nullopt, now + invalid_ttl_, now + invalid_ttl_};
}

void ApiKeyCache::forget_agent(const std::string& agent_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.agent && kv.second.agent->agent_id == agent_id; });
}

std::size_t ApiKeyCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace agenthq::auth
