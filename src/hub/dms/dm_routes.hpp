#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST /dm (open the DM with one member of the org) and GET /dm (the caller's DMs), §3.5.
void add_dm_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
