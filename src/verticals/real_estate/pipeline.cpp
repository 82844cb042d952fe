#include "verticals/real_estate/pipeline.hpp"

#include <algorithm>

namespace agenthq::verticals::real_estate {

namespace {
// Position along the pipeline; cancelled sits outside it.
std::optional<int> rank(std::string_view status) {
  for (int i = 0; i < 5; ++i)
    if (kStatuses[i] == status) return i;
  return std::nullopt;
}
}  // namespace

bool is_status(std::string_view status) {
  return std::find(std::begin(kStatuses), std::end(kStatuses), status) != std::end(kStatuses);
}

bool is_open(std::string_view status) {
  return is_status(status) && status != "closed" && status != "cancelled";
}

bool may_move(std::string_view from, std::string_view to) {
  if (!is_status(from) || !is_status(to)) return false;
  if (from == to) return true;
  if (!is_open(from)) return false;
  if (to == "cancelled") return true;
  // Back on the market: a contract that falls through sends the deal back to listed.
  if (to == "listed" && (from == "under_contract" || from == "pending")) return true;
  return *rank(to) > *rank(from);
}

std::vector<std::string> statuses_that_may_move_to(std::string_view to) {
  std::vector<std::string> from;
  for (auto s : kStatuses)
    if (may_move(s, to)) from.emplace_back(s);
  return from;
}

std::string refused_move_message(std::string_view from, std::string_view to) {
  std::string why;
  if (!is_open(from))
    why = std::string(from) + " is final";
  else
    why =
        "status only moves forward along prospecting, listed, under_contract, pending, closed (or to "
        "cancelled, or back to listed when a contract falls through)";
  return "cannot move a transaction from " + std::string(from) + " to " + std::string(to) + ": " + why;
}

}  // namespace agenthq::verticals::real_estate
