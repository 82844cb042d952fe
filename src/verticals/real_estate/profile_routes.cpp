#include "verticals/real_estate/profile_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "verticals/real_estate/profile_store.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::BodyReader;
using http::RequestContext;
using http::Response;

namespace {
const std::initializer_list<std::string_view> kRoles = {"listing_agent", "buyers_agent", "broker",
                                                        "transaction_coordinator"};

std::vector<std::string> string_list(BodyReader& reader, std::string_view name) {
  auto items = reader.optional_string_array(name, 50, 100);
  if (!items) return {};
  for (const auto& item : *items)
    if (item.empty()) throw ApiError::validation(std::string(name) + " must not contain empty strings");
  return *items;
}

ProfileInput read_profile(const json::object& body) {
  BodyReader reader(body);
  ProfileInput in;
  in.role = reader.required_enum("role", kRoles);
  auto license = reader.nullable_string("license_number", 100);
  if (license && *license && !(*license)->empty()) in.license_number = **license;
  in.specializations = string_list(reader, "specializations");
  in.territories = string_list(reader, "territories");
  return in;
}
}  // namespace

void add_profile_routes(http::Router& router, hub::Services& s) {
  auto store = std::make_shared<ProfileStore>(s.db);

  router.add(verb::get, "/api/v1/re/profiles", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               std::optional<std::string> role;
               if (auto r = ctx.query_param("role"); r && !r->empty()) {
                 if (std::find(kRoles.begin(), kRoles.end(), *r) == kRoles.end())
                   throw ApiError::validation(
                       "role must be one of: listing_agent, buyers_agent, broker, transaction_coordinator");
                 role = std::string(*r);
               }
               auto profiles = co_await store->list(ctx.who().org_id, role);
               co_return http::ok(profiles);
             });

  router.add(verb::get, "/api/v1/re/agents/:id/profile", Access::authenticated,
             [store](RequestContext& ctx) -> asio::awaitable<Response> {
               auto profile = co_await store->find(ctx.who().org_id, ctx.param("id"));
               if (!profile) throw ApiError::not_found("Profile");
               co_return http::ok(*profile);
             });

  router.add(
      verb::put, "/api/v1/re/agents/:id/profile", Access::authenticated,
      [&s, store](RequestContext& ctx) -> asio::awaitable<Response> {
        const ProfileInput input = read_profile(ctx.body);
        hub::AuditEntry audit =
            hub::audit_by(ctx.who(), "re_profile.updated", "re_profile", ctx.param("id"), ctx.client_ip);
        auto saved = co_await store->save(ctx.who(), ctx.param("id"), input, audit);
        if (saved.outcome == ProfileWrite::not_found) throw ApiError::not_found("Agent");
        if (saved.outcome == ProfileWrite::forbidden)
          throw ApiError::forbidden(
              "Agents may change only their own profile; users only those of the agents they own (owners and "
              "admins: any)");
        s.announce(audit);
        co_return saved.created ? http::created(saved.profile) : http::ok(saved.profile);
      });
}

}  // namespace agenthq::verticals::real_estate
