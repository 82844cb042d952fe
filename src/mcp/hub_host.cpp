#include "mcp/hub_host.hpp"

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <memory>

namespace agenthq::mcp {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

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

asio::awaitable<json::array> HubHost::wait(EventFilter filter, std::chrono::milliseconds timeout) const {
  asio::any_io_executor ex = co_await asio::this_coro::executor;
  auto state = std::make_shared<WaitState>(ex);
  const auto tap_id = events_.add_tap(who_.org_id, make_tap(state, who_, std::move(filter)));
  state->timer.expires_after(timeout);
  co_await state->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  events_.remove_tap(tap_id);
  co_return std::move(state->matched);
}

}  // namespace agenthq::mcp
