#pragma once
#include "http/api_docs.hpp"

namespace agenthq::verticals::real_estate {

// The documentation of every route add_routes() registers.
void document_routes(http::ApiDocs& docs);

}  // namespace agenthq::verticals::real_estate
