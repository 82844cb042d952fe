#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>

#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

// The demo organisation with its real-estate data: hub::seed_demo, then (only when it created
// the organisation) profiles for the three demo agents, ten transactions across every status
// with their key dates (relative to today, so this month's leaderboard has entries) and a full
// metrics rollup. Written through the vertical's stores, so audit entries and stamping are as
// the API would make them. Returns what hub::seed_demo returns.
boost::asio::awaitable<std::optional<boost::json::object>> seed_demo_with_real_estate(
    hub::Services& services);

// The real-estate part alone, for the organisation `demo` describes (hub::seed_demo's result).
boost::asio::awaitable<void> seed_real_estate_demo(hub::Services& services, const boost::json::object& demo);

}  // namespace agenthq::verticals::real_estate
