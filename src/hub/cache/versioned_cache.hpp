#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace agenthq::hub {

// Results of recent reads, per process, each kept under the org version it was read at
// (migration 023: a number that triggers raise with every committed change to posts, channels,
// channel members, activity and insights, whoever makes it). A reader sends the version query
// first in its pipeline and uses a kept value only when the version is unchanged, so it never
// gets a result older than a change committed before its request: its own, another process's,
// psql's. Used where the cost of a read grows with the rows it matches and cannot be indexed
// away (search ranking, the feed's window count). Thread-safe; bounded to max_entries (roughly
// the older half is dropped when full).
// The reads filling a cache entry right now, one per key, and whoever waits for them: when many
// requests miss the same key at once (a cold cache under load), one reads and the others wait
// for it instead of all running the same expensive statement. Thread-safe.
class FillFlights {
 public:
  using Wake = std::function<void()>;
  // true: no read of `key` was in flight and the caller's is now the one (it must land(key));
  // false: one is, and `wake` runs when it lands.
  bool join(const std::string& key, Wake wake) {
    std::lock_guard lock(mutex_);
    auto [it, first] = flights_.try_emplace(key);
    if (!first) it->second.push_back(std::move(wake));
    return first;
  }
  void land(const std::string& key) {
    std::vector<Wake> waiting;
    {
      std::lock_guard lock(mutex_);
      auto it = flights_.find(key);
      if (it == flights_.end()) return;
      waiting = std::move(it->second);
      flights_.erase(it);
    }
    for (auto& wake : waiting) wake();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::vector<Wake>> flights_;
};

template <typename Value>
class VersionedCache {
 public:
  struct Entry {
    std::int64_t version;
    Value value;
  };
  explicit VersionedCache(std::size_t max_entries) : max_entries_(max_entries) {}

  std::shared_ptr<const Entry> find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    auto it = slots_.find(key);
    return it == slots_.end() ? nullptr : it->second.entry;
  }

  // Keeps the newer of two racing fills.
  void store(const std::string& key, std::int64_t version, Value value) {
    auto entry = std::make_shared<const Entry>(Entry{version, std::move(value)});
    std::lock_guard lock(mutex_);
    auto it = slots_.find(key);
    if (it != slots_.end()) {
      if (it->second.entry->version <= version) it->second = Slot{++stores_, std::move(entry)};
      return;
    }
    if (slots_.size() >= max_entries_) {
      const std::uint64_t cut = stores_ - slots_.size() / 2;  // store numbers are unique and grow
      std::erase_if(slots_, [cut](const auto& kv) { return kv.second.stored <= cut; });
    }
    slots_.emplace(key, Slot{++stores_, std::move(entry)});
  }

  FillFlights& flights() { return flights_; }

 private:
  struct Slot {
    std::uint64_t stored;
    std::shared_ptr<const Entry> entry;
  };
  const std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Slot> slots_;
  std::uint64_t stores_ = 0;
  FillFlights flights_;
};

// The org version query (migration 023): the sum of its slots, each of which only ever grows.
inline const char* kOrgVersionSql = "SELECT coalesce(sum(v), 0)::bigint FROM org_versions WHERE org_id = $1";

}  // namespace agenthq::hub
