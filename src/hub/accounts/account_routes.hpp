#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST /auth/register, /auth/login, /auth/refresh, /auth/agents/register
void add_account_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
