#pragma once
#include <memory>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <utility>

namespace agenthq::test {

// A WebSocket client for tests: connects to ws://127.0.0.1:port<target>, sends JSON, and
// receives frames with a timeout (nullopt when nothing arrived in time).
class WsClient {
 public:
  WsClient(unsigned short port, const std::string& target);
  ~WsClient();

  void send(const boost::json::value& message);
  void send_text(const std::string& text);
  std::optional<boost::json::value> receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // Receives until a frame with this event name arrives (others are skipped) or the time is up.
  std::optional<boost::json::value> receive_event(const std::string& event,
                                                  std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // The text of the frame receive() returned last, as the server wrote it.
  const std::string& last_text() const { return last_text_; }
  // Set when the server closed the connection; the close code it sent.
  std::optional<int> close_code() const { return close_code_; }
  bool closed() const { return closed_; }
  // Stops reading without closing: the stalled-client scenario.
  boost::asio::ip::tcp::socket& socket() { return boost::beast::get_lowest_layer(ws_).socket(); }

 private:
  boost::json::value pop();  // the oldest received frame; remembers its text
  boost::asio::io_context ioc_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::optional<int> close_code_;
  bool closed_ = false;
  bool reading_ = false;
  std::deque<std::pair<boost::json::value, std::string>> inbox_;  // parsed frame and its text
  std::string last_text_;
};

// A connection that has answered a heartbeat, so the server has authenticated and registered it.
std::unique_ptr<WsClient> ready_socket(unsigned short port, const std::string& token);

}  // namespace agenthq::test
