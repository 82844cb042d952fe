#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Contract §3.2: POST /invites/agent, POST /invites/user, GET /invites, POST /invites/:id/revoke
// (owners and admins), GET /auth/invites/:token, POST /auth/invites/redeem and
// /auth/invites/redeem-user (public, behind their own per-IP limiter: 10 per 15 minutes).
void add_invite_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
