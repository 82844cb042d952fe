#include "hub/orgs/org_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "hub/orgs/org_store.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

void add_org_routes(http::Router& router, Services& s) {
  auto store = std::make_shared<OrgStore>(s.db);

  auto get_org = [store](RequestContext& ctx) -> asio::awaitable<Response> {
    auto org = co_await store->find(ctx.who().org_id);
    if (!org) throw ApiError::not_found("Organisation");
    co_return http::ok(*org);
  };
  router.add(verb::get, "/api/v1/org", Access::authenticated, get_org);
  router.add(verb::get, "/api/v1/org/current", Access::authenticated, get_org);

  router.add(verb::patch, "/api/v1/org", Access::admins, [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
    http::BodyReader body(ctx.body);
    auto name = body.optional_string("name", 1, 200);
    auto settings = body.optional_object("settings");
    if (!name && !settings) throw ApiError::validation("Provide name or settings to update");
    json::object details;
    if (name) details["name"] = *name;
    if (settings) details["settings_changed"] = true;
    AuditEntry audit = audit_by(ctx.who(), "org.updated", "org", ctx.who().org_id, ctx.client_ip, std::move(details));
    auto org = co_await store->update(ctx.who().org_id, name, settings, audit);
    if (!org) throw ApiError::not_found("Organisation");
    s.announce(audit);
    co_return http::ok(*org);
  });
}

}  // namespace agenthq::hub
