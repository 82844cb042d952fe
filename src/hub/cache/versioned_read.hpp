#pragma once
#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "hub/cache/versioned_cache.hpp"

namespace agenthq::hub {

// One read through `cache` under `key`. The org version goes first in the pipeline, so a value
// read after it is at least that new. With a kept value (that `usable`, when given, accepts)
// only the version is asked for, and the kept value answers while the version is unchanged.
// Otherwise (nothing kept, or a change committed since) `statement` is run, its result parsed
// and kept under the version read with it; a kept value that turned out stale costs a second
// round trip.
template <typename Value>
boost::asio::awaitable<Value> read_versioned(db::Database& db, const std::string& org_id, VersionedCache<Value>& cache,
                                             const std::string& key, std::function<db::Statement()> statement,
                                             std::function<Value(const db::PgResult&)> parse,
                                             std::function<bool(const Value&)> usable = nullptr) {
  std::shared_ptr<const typename VersionedCache<Value>::Entry> kept = cache.find(key);
  if (kept && usable && !usable(kept->value)) kept = nullptr;
  const db::Scope scope = db::Scope::org(org_id);
  std::vector<db::Statement> batch;
  batch.emplace_back(kOrgVersionSql, std::vector<db::Param>{org_id});
  if (!kept) batch.push_back(statement());
  std::vector<db::PgResult> results = co_await db.run(scope, std::move(batch));
  std::int64_t version = results[0].integer(0, 0);
  if (kept) {
    if (kept->version == version) co_return kept->value;
    std::vector<db::Statement> again;
    again.emplace_back(kOrgVersionSql, std::vector<db::Param>{org_id});
    again.push_back(statement());
    results = co_await db.run(scope, std::move(again));
    version = results[0].integer(0, 0);
  }
  Value value = parse(results[1]);
  cache.store(key, version, value);
  co_return value;
}

}  // namespace agenthq::hub
