#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "db/database.hpp"
#include "hub/activity/audit.hpp"
#include "hub/cache/versioned_cache.hpp"

namespace agenthq::hub {

// Filters of GET /posts; each one absent means "any".
struct PostFilter {
  std::optional<std::string> channel_id;
  std::optional<std::string> type;
  std::optional<std::string> author_id;
  std::optional<std::string> since;  // a timestamp PostgreSQL reads as timestamptz (already validated)
};

struct PostPage {
  db::JsonRows posts;  // written straight from the rows: a page is only passed through
  std::int64_t total = 0;  // every post matching the filters, not only this page
};

// Recent list pages per process under the org version they were read at (nullopt: a channel the
// caller may not read). A hit costs one index lookup instead of the page's rows.
using PostListCache = VersionedCache<std::optional<PostPage>>;

struct NewPost {
  std::optional<std::string> channel_id;  // absent: the parent's channel
  std::string type;
  std::optional<std::string> title;
  std::string content;
  boost::json::object metadata;
  std::optional<std::string> parent_id;
};

enum class CreateOutcome { created, channel_not_found, parent_not_found, parent_in_other_channel };

struct CreatedPost {
  CreateOutcome outcome = CreateOutcome::created;
  boost::json::object post;  // the row as inserted, when created
  std::vector<std::string> notification_ids;  // mention, reply and dm notifications it caused
  // Whether the org has an active webhook, read in the same round trip: most orgs have none,
  // and then no delivery needs looking up.
  bool org_has_webhooks = false;
};

// SQL for posts. Every query is scoped to the caller's org and only reaches posts of channels the
// caller may read (channel_readable()); each method is one round trip.
class PostStore {
 public:
  // cache (process-wide, may be null) keeps recent list pages.
  explicit PostStore(db::Database& db, PostListCache* cache = nullptr) : db_(db), cache_(cache) {}

  // Top-level posts, pinned first then newest.
  boost::asio::awaitable<PostPage> list(const auth::Identity& who, const PostFilter& filter, std::int64_t limit,
                                        std::int64_t offset);
  // The same for one channel (filter.channel_id); nullopt when the caller cannot read the channel.
  boost::asio::awaitable<std::optional<PostPage>> list_channel(const auth::Identity& who, const PostFilter& filter,
                                                               std::int64_t limit, std::int64_t offset);
  // {post, thread, authors, author}: the post, all its descendants oldest first, the names of
  // every agent and user who wrote them, and the root's author (name falls back to the raw id).
  boost::asio::awaitable<std::optional<boost::json::object>> find_with_thread(const auth::Identity& who,
                                                                              const std::string& id);
  // Checks channel and parent, inserts the post, bumps the thread root's reply_count and writes
  // the audit entry (audit.action, details, IP) in one statement; its mentions and notifications
  // follow in the same transaction (post_side_effects).
  boost::asio::awaitable<CreatedPost> create(const auth::Identity& who, const NewPost& post, const AuditEntry& audit);

 private:
  boost::asio::awaitable<std::optional<PostPage>> read_list(const auth::Identity& who, const PostFilter& filter,
                                                            std::int64_t limit, std::int64_t offset);
  db::Database& db_;
  PostListCache* cache_;
};

}  // namespace agenthq::hub
