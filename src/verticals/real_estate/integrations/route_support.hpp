// Small pieces shared by the integration route files.
#pragma once
#include <initializer_list>
#include <memory>
#include <string>

#include "http/request_context.hpp"
#include "http/router.hpp"
#include "verticals/real_estate/integrations/fub_client.hpp"  // Query
#include "verticals/real_estate/integrations/integration_env.hpp"

namespace agenthq::verticals::real_estate::integrations {

using EnvPtr = std::shared_ptr<IntegrationEnv>;

// The named query parameters that are present, passed to the provider as they are (they are the
// upstream's parameters, not the hub's pagination: no clamping).
Query passthrough(const http::RequestContext& ctx, std::initializer_list<const char*> names);

// A path parameter that must be a provider id made of digits (400 VALIDATION_ERROR otherwise).
std::string integer_param(const http::RequestContext& ctx, const std::string& name);
// A path parameter of letters, digits, '-' and '_' (QuickBooks ids).
std::string id_param(const http::RequestContext& ctx, const std::string& name);

// Viewers read; they do not change data here or at the provider (contract section 8).
void refuse_viewers(const http::RequestContext& ctx);

void add_check_and_sync_routes(http::Router& router, const EnvPtr& env);
void add_fub_routes(http::Router& router, const EnvPtr& env);
void add_dotloop_routes(http::Router& router, const EnvPtr& env);
void add_quickbooks_routes(http::Router& router, const EnvPtr& env);

}  // namespace agenthq::verticals::real_estate::integrations
