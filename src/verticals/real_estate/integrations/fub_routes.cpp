// Follow Up Boss proxies (contract 3.15): the upstream JSON as `data`.
#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "verticals/real_estate/integrations/route_support.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::verb;
using http::Access;
using http::ApiError;
using http::RequestContext;
using http::Response;

namespace {

// {type: string >= 1, person: number, description?: string, metadata?: object}; only these go upstream.
json::object read_event(const json::object& body) {
  http::BodyReader reader(body);
  json::object event;
  event["type"] = reader.required_string("type", 1, 200);
  const auto* person = body.if_contains("person");
  if (!person) throw ApiError::validation("person is required");
  if (!person->is_number()) throw ApiError::validation("person must be a number");
  event["person"] = *person;
  if (auto d = reader.optional_string("description", 0, 10000)) event["description"] = *d;
  if (auto m = reader.optional_object("metadata")) event["metadata"] = *m;
  return event;
}

}  // namespace

void add_fub_routes(http::Router& router, const EnvPtr& env) {
  for (const char* name : {"people", "deals", "events", "users"}) {
    const std::string collection = name;
    router.add(verb::get, "/api/v1/integrations/fub/" + collection, Access::authenticated,
               [env, collection](RequestContext& ctx) -> asio::awaitable<Response> {
                 const Query query = collection == "users" ? passthrough(ctx, {"limit", "offset"})
                                                           : passthrough(ctx, {"sort", "limit", "offset"});
                 auto session =
                     co_await ProviderSession::open(*env, ctx.who().org_id, Provider::fub, OpenMode::connected_only);
                 FubClient fub(session);
                 json::value body = co_await fub.list(collection, query, Logging::logged);
                 co_return http::ok(body);
               });
  }

  for (const char* name : {"people", "deals"}) {
    const std::string collection = name;
    router.add(verb::get, "/api/v1/integrations/fub/" + collection + "/:id", Access::authenticated,
               [env, collection](RequestContext& ctx) -> asio::awaitable<Response> {
                 const std::string id = integer_param(ctx, "id");
                 auto session =
                     co_await ProviderSession::open(*env, ctx.who().org_id, Provider::fub, OpenMode::connected_only);
                 FubClient fub(session);
                 json::value body = co_await fub.get(collection, id);
                 co_return http::ok(body);
               });
  }

  router.add(verb::post, "/api/v1/integrations/fub/events", Access::authenticated,
             [env](RequestContext& ctx) -> asio::awaitable<Response> {
               refuse_viewers(ctx);
               const json::value event = read_event(ctx.body);
               auto session =
                   co_await ProviderSession::open(*env, ctx.who().org_id, Provider::fub, OpenMode::connected_only);
               FubClient fub(session);
               json::value body = co_await fub.create_event(event);
               co_return http::created(body);
             });
}

}  // namespace agenthq::verticals::real_estate::integrations
