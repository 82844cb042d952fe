#pragma once
#include <string>

namespace agenthq::hub {

// The Post object's columns for the table aliased `alias` (never search_vector). Soft-deleted
// posts (deleted_at set, migration 013) stay out of every list, search, feed, thread and count;
// only GET /posts/:id still returns the deleted post itself, as the contract says.
std::string post_columns(const std::string& alias = "p");

// The order of every post list: pinned posts (the welcome posts) first, then newest first, id
// as the tie-break so pages never overlap.
inline constexpr const char* kPostListOrder = "p.pinned DESC, p.created_at DESC, p.id DESC";

}  // namespace agenthq::hub
