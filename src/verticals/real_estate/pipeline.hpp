#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agenthq::verticals::real_estate {

// The life of a transaction: prospecting -> listed -> under_contract -> pending -> closed, with
// cancelled reachable from every open status. A move may skip steps forward (a deal recorded
// late goes straight from listed to pending); the only way back is to listed from under_contract
// or pending (the contract fell through: back on the market); closed and cancelled are final.
// Staying in the same status is always allowed (a PATCH that repeats it changes nothing).
inline constexpr std::string_view kStatuses[] = {"prospecting", "listed", "under_contract",
                                                 "pending",     "closed", "cancelled"};

bool is_status(std::string_view status);
bool is_open(std::string_view status);  // not closed, not cancelled
bool may_move(std::string_view from, std::string_view to);

// Every status a transaction may be in to move to `to` (to itself included). The SQL write puts
// this list in its WHERE clause, so the check and the change are one atomic step.
std::vector<std::string> statuses_that_may_move_to(std::string_view to);

// "cannot move a transaction from closed to listed" (and why), for a refused move.
std::string refused_move_message(std::string_view from, std::string_view to);

}  // namespace agenthq::verticals::real_estate
