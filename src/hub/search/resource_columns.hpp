#pragma once
#include <span>
#include <string>

namespace agenthq::hub {

// The JSON field sets of the contract's Post, ActivityEntry and Insight objects (3.16), in
// contract order (posts with edited_at and deleted_at, migration 013). search_vector is never among them. The feed needs the names in
// C++ because it reads three objects out of one wide row; search selects the same lists.
std::span<const char* const> post_fields();
std::span<const char* const> activity_fields();
std::span<const char* const> insight_fields();

// "p.id, p.org_id, ..." for a table aliased `alias`.
std::string column_list(std::span<const char* const> fields, const std::string& alias);

}  // namespace agenthq::hub
