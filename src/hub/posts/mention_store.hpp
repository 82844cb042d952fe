#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <cstdint>
#include <string>

#include "auth/identity.hpp"
#include "db/database.hpp"

namespace agenthq::hub {

struct MentionPage {
  boost::json::array mentions;
  std::int64_t total = 0;
};

// GET /agents/:id/mentions: an agent's mentions, newest first, only in posts the caller may read
// and that are not deleted.
class MentionStore {
 public:
  explicit MentionStore(db::Database& db) : db_(db) {}
  boost::asio::awaitable<MentionPage> list(const auth::Identity& who, const std::string& agent_id, std::int64_t limit,
                                           std::int64_t offset);

 private:
  db::Database& db_;
};

}  // namespace agenthq::hub
