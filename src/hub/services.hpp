#pragma once
#include <boost/asio/thread_pool.hpp>

#include "app/config.hpp"
#include "auth/api_key_cache.hpp"
#include "auth/jwt.hpp"
#include "db/database.hpp"

namespace agenthq::hub {

// What routes of one event-loop thread depend on. The database pool is the thread's own;
// the rest is shared by every thread of the process.
struct Services {
  const app::Config& config;
  db::Database& db;
  const auth::JwtCodec& jwt;
  auth::ApiKeyCache& key_cache;
  boost::asio::thread_pool& workers;  // bcrypt and other slow CPU work
};

}  // namespace agenthq::hub
