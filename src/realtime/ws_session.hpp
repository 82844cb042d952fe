#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "auth/identity.hpp"
#include "http/request_context.hpp"

namespace agenthq::auth {
class Authenticator;
}
namespace agenthq::db {
class Database;
}

namespace agenthq::realtime {

class SessionRegistry;
class EventBus;
class Presence;

struct WsLimits {
  std::size_t max_message_bytes = 64 * 1024;
  std::size_t max_queued_frames = 1024;  // a client that stops reading is cut off beyond this
};

// What a WebSocket session needs from its event-loop thread.
struct WsContext {
  auth::Authenticator& authenticator;
  db::Database& db;
  SessionRegistry& registry;
  EventBus& events;
  Presence& presence;
  WsLimits limits;
};

// One client on /ws. Authenticates with ?token= (a JWT access token or an ahq_ API key) before
// reading anything, so messages sent early wait in the socket instead of being lost. Frames to
// the client go through a bounded queue written by one writer; pings and an idle timeout come
// from Beast's suggested server timeouts.
class WsSession : public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(boost::asio::ip::tcp::socket socket, WsContext& ctx, std::string client_ip);
  void start(http::HttpRequest request);
  void send(std::shared_ptr<const std::string> frame);
  void close();  // going away (server shutdown)

  const std::optional<auth::Identity>& identity() const { return identity_; }
  // Whether channel events of this channel are wanted: subscribed to it (by id or name), or
  // following all channels. A connection that never subscribed follows all (the web app's live
  // feed relies on it); subscribing to "*" asks for all explicitly, unsubscribing from "*" stops it.
  bool wants_channel(const std::string& channel_id, const std::string& channel_name) const;
  static constexpr const char* kAllChannels = "*";

 private:
  boost::asio::awaitable<void> run(http::HttpRequest request);
  boost::asio::awaitable<void> write_loop();
  boost::asio::awaitable<void> close_with(std::uint16_t code, const char* reason);
  boost::asio::awaitable<void> handle(const std::string& text);
  void reply(const char* event, const boost::json::object& data);
  void cut_off();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  WsContext& ctx_;
  std::string client_ip_;
  std::optional<auth::Identity> identity_;
  std::set<std::string> subscriptions_;
  bool all_channels_ = true;      // every channel the identity may read
  bool explicit_all_ = false;     // all_channels_ because the client subscribed to "*"
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool writing_ = false;
  bool closed_ = false;
};

}  // namespace agenthq::realtime
