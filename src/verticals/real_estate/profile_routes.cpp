#include "verticals/real_estate/profile_routes.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "verticals/real_estate/profile_service.hpp"

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
  auto profiles = std::make_shared<ProfileService>(s);

  router.add(verb::get, "/api/v1/re/profiles", Access::authenticated,
             [profiles](RequestContext& ctx) -> asio::awaitable<Response> {
               std::optional<std::string> role;
               if (auto r = ctx.query_param("role"); r && !r->empty()) {
                 if (std::find(kRoles.begin(), kRoles.end(), *r) == kRoles.end())
                   throw ApiError::validation(
                       "role must be one of: listing_agent, buyers_agent, broker, transaction_coordinator");
                 role = std::string(*r);
               }
               auto list = co_await profiles->list(ctx.who(), role);
               co_return http::ok(list);
             });

  router.add(verb::get, "/api/v1/re/agents/:id/profile", Access::authenticated,
             [profiles](RequestContext& ctx) -> asio::awaitable<Response> {
               auto profile = co_await profiles->find(ctx.who(), ctx.param("id"));
               co_return http::ok(profile);
             });

  router.add(verb::put, "/api/v1/re/agents/:id/profile", Access::authenticated,
             [profiles](RequestContext& ctx) -> asio::awaitable<Response> {
               const ProfileInput input = read_profile(ctx.body);
               auto saved = co_await profiles->save(ctx.who(), ctx.client_ip, ctx.param("id"), input);
               co_return saved.created ? http::created(saved.profile) : http::ok(saved.profile);
             });
}

}  // namespace agenthq::verticals::real_estate
