#include "hub/system/metrics_route.hpp"

#include <boost/asio.hpp>

#include "http/api_error.hpp"
#include "metrics/metrics.hpp"
#include "util/crypto.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
using boost::beast::http::field;
using boost::beast::http::verb;

void add_metrics_route(http::Router& router, const HealthProbe& probe, std::string token, bool embedded_cluster) {
  router.add(verb::get, "/metrics", http::Access::open,
             [&probe, token = std::move(token), embedded_cluster](http::RequestContext& ctx) -> asio::awaitable<http::Response> {
               if (!token.empty()) {
                 const std::string sent(ctx.raw->base()[field::authorization]);
                 if (!util::constant_time_equals(sent, "Bearer " + token))
                   throw http::ApiError::unauthorized("A valid metrics token is required");
               }
               auto& r = metrics::registry();
               r.embedded_cluster_up.set(embedded_cluster && probe.database_ok() ? 1 : 0);
               r.database_up.set(probe.database_ok() ? 1 : 0);
               http::Response res{boost::beast::http::status::ok, metrics::render(r), {}};
               res.headers.emplace_back(field::content_type, "text/plain; version=0.0.4; charset=utf-8");
               co_return res;
             });
}

}  // namespace agenthq::hub
