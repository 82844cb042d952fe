#pragma once
#include <string>

namespace agenthq::hub {

// The Post object's columns for the table aliased `alias` (never search_vector). Migrations
// 001-011 have no edited_at / deleted_at (they arrive with post editing in 013), so those fields
// are not emitted yet and no query needs a "not deleted" predicate.
std::string post_columns(const std::string& alias = "p");

// The order of every post list: pinned posts (the welcome posts) first, then newest first, id
// as the tie-break so pages never overlap.
inline constexpr const char* kPostListOrder = "p.pinned DESC, p.created_at DESC, p.id DESC";

}  // namespace agenthq::hub
