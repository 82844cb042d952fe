#include "support/ws_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>

namespace agenthq::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace json = boost::json;

WsClient::WsClient(unsigned short port, const std::string& target) : ws_(ioc_) {
  beast::get_lowest_layer(ws_).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  ws_.handshake("127.0.0.1:" + std::to_string(port), target);
}

WsClient::~WsClient() {
  beast::error_code ec;
  if (!closed_) beast::get_lowest_layer(ws_).socket().close(ec);
}

void WsClient::send(const json::value& message) { send_text(json::serialize(message)); }

void WsClient::send_text(const std::string& text) { ws_.write(asio::buffer(text)); }

std::optional<json::value> WsClient::receive(std::chrono::milliseconds timeout) {
  // One read stays in flight across calls, so a timeout never cancels a half-read frame.
  if (!inbox_.empty()) return pop();
  if (closed_) return std::nullopt;
  if (!reading_) {
    reading_ = true;
    ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
      reading_ = false;
      if (ec) {
        closed_ = true;
        if (ec == beast::websocket::error::closed) close_code_ = ws_.reason().code;
        return;
      }
      boost::system::error_code pec;
      std::string text = beast::buffers_to_string(buffer_.data());
      auto v = json::parse(text, pec);
      buffer_.consume(buffer_.size());
      inbox_.emplace_back(pec ? json::value(nullptr) : std::move(v), std::move(text));
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (inbox_.empty() && !closed_ && std::chrono::steady_clock::now() < deadline) {
    ioc_.restart();
    ioc_.run_one_until(deadline);
  }
  if (inbox_.empty()) return std::nullopt;
  return pop();
}

json::value WsClient::pop() {
  json::value v = std::move(inbox_.front().first);
  last_text_ = std::move(inbox_.front().second);
  inbox_.pop_front();
  return v;
}

std::optional<json::value> WsClient::receive_event(const std::string& event, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    auto msg = receive(left);
    if (!msg) return std::nullopt;
    if (msg->is_object() && msg->as_object().contains("event") && msg->at("event") == json::value(event)) return msg;
  }
  return std::nullopt;
}

std::unique_ptr<WsClient> ready_socket(unsigned short port, const std::string& token) {
  auto ws = std::make_unique<WsClient>(port, "/ws?token=" + token);
  ws->send(boost::json::object{{"event", "heartbeat"}});
  EXPECT_TRUE(ws->receive_event("heartbeat_ack"));
  return ws;
}

}  // namespace agenthq::test
