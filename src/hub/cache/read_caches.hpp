#pragma once
#include "hub/cache/versioned_cache.hpp"
#include "hub/feed/feed_store.hpp"
#include "hub/posts/post_store.hpp"
#include "hub/search/search_store.hpp"

namespace agenthq::hub {

// The process-wide read caches (one of each per `agenthq serve`, shared by its event loops).
struct ReadCaches {
  explicit ReadCaches(std::size_t entries) : search(entries), feed(entries), post_lists(entries) {}
  SearchCache search;
  FeedCache feed;
  PostListCache post_lists;
};

}  // namespace agenthq::hub
