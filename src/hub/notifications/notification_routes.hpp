#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// GET /notifications, GET /notifications/unread-count, PATCH /notifications/:id/read,
// POST /notifications/read-all: always the caller's own (contract §3.11).
void add_notification_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
