#pragma once
#include "http/router.hpp"
#include "hub/services.hpp"

namespace agenthq::verticals::real_estate {

// POST/GET /re/transactions, GET/PATCH /re/transactions/:id (contract 3.14 and the pipeline rules).
void add_transaction_routes(http::Router& router, hub::Services& services);

}  // namespace agenthq::verticals::real_estate
