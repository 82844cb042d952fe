#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST/GET /webhooks, DELETE /webhooks/:id, POST /webhooks/:id/test (contract §3.13: raw bodies,
// no envelope) and, ours, GET /webhooks/:id/deliveries (the delivery log). Viewers cannot
// register or delete webhooks.
void add_webhook_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
