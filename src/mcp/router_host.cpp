#include "mcp/router_host.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "http/api_error.hpp"
#include "util/log.hpp"
#include "util/ulid.hpp"

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;
using boost::beast::http::status;

namespace {

RestReply reply_of(const http::Response& res) {
  RestReply r{static_cast<unsigned>(res.status), nullptr};
  if (!res.body.empty()) {
    boost::system::error_code ec;
    r.body = json::parse(res.body, ec);
  }
  return r;
}

struct WaitState {
  asio::steady_timer timer;
  json::array matched;
  explicit WaitState(asio::any_io_executor ex) : timer(std::move(ex)) {}
};

// Built outside the coroutine (g++ 12 and lambda captures of coroutine locals).
realtime::Tap make_tap(std::shared_ptr<WaitState> state, auth::Identity who, EventFilter filter) {
  return [state = std::move(state), who = std::move(who), filter = std::move(filter)](const realtime::Event* e) {
    if (!e) {  // shutting down
      state->timer.cancel();
      return;
    }
    if (e->channel_scoped && !e->audience.admits(who)) return;
    boost::system::error_code ec;
    json::value frame = json::parse(*e->frame, ec);
    if (ec || !frame.is_object() || !frame.as_object().contains("event")) return;
    if (!filter(frame.as_object())) return;
    state->matched.push_back(std::move(frame));
    state->timer.cancel();
  };
}

}  // namespace

asio::awaitable<RestReply> RouterHost::call(RestCall call) {
  http::RequestContext ctx;
  ctx.raw = outer_.raw;
  ctx.path = call.path;
  ctx.query.insert(call.query.begin(), call.query.end());
  ctx.body = std::move(call.body);
  ctx.identity = outer_.identity;
  ctx.client_ip = outer_.client_ip;
  ctx.request_id = util::new_ulid();
  http::Response res;
  try {
    const http::Route* route = router_.match(call.method, call.path, ctx.params);
    if (!route) throw http::ApiError::not_found("Route");
    http::check_access(route->access, *ctx.identity);
    ctx.route = route->pattern;
    res = co_await route->handler(ctx);
  } catch (const http::ApiError& e) {
    res = http::error(e.status(), e.code(), e.what());
  } catch (const db::PgUnavailable&) {
    res = http::error(status::service_unavailable, "SERVICE_UNAVAILABLE", "The database is unavailable, try again shortly");
  } catch (const std::exception& e) {
    util::log::error("mcp: tool call {} failed: {}", call.path, e.what());
    res = http::error(status::internal_server_error, "INTERNAL_ERROR", "Internal server error");
  }
  co_return reply_of(res);
}

asio::awaitable<json::array> RouterHost::wait(EventFilter filter, std::chrono::milliseconds timeout) {
  auto state = std::make_shared<WaitState>(co_await asio::this_coro::executor);
  const auto tap_id = events_.add_tap(identity().org_id, make_tap(state, identity(), std::move(filter)));
  state->timer.expires_after(timeout);
  co_await state->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  events_.remove_tap(tap_id);
  co_return std::move(state->matched);
}

}  // namespace agenthq::mcp
