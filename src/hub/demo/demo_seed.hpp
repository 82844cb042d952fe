#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>

#include "hub/services.hpp"

namespace agenthq::hub {

// Creates the demo organisation (slug "demo") with its users and agents through the same
// stores the API uses. Returns the logins and API keys when it created them, nullopt when the
// organisation already exists (keys are shown once; the caller keeps them).
boost::asio::awaitable<std::optional<boost::json::object>> seed_demo(Services& services);

}  // namespace agenthq::hub
