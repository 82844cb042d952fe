#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// POST/GET /tasks, GET/PATCH/DELETE /tasks/:id (contract §3.12). Viewers read but do not write;
// only the creator or an owner/admin deletes.
void add_task_routes(http::Router& router, Services& services);

}  // namespace agenthq::hub
