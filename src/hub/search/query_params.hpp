#pragma once
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace agenthq::hub {

// The `types` query parameter of /search and /feed: a comma list. Absent or empty means every
// known type; names are trimmed; unknown names are dropped, so a list of only unknown names
// selects nothing (contract 3.9).
std::set<std::string> requested_types(std::optional<std::string_view> raw,
                                      std::span<const char* const> known);

// Query strings are percent-decoded bytes: anything handed to PostgreSQL as text must be valid
// UTF-8, or the database answers with an encoding error instead of the client getting a 400.
bool valid_utf8(std::string_view s);

}  // namespace agenthq::hub
