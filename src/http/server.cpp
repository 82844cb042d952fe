#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "http/response.hpp"

namespace agenthq::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {
// "100 KiB", "2 MiB", "512 bytes": a limit as the client should read it.
std::string size_text(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}
}  // namespace

struct Server::Connection {
  beast::tcp_stream stream;
  bool busy = false;  // a request is being handled; shutdown lets it finish
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
};

Server::Server(asio::io_context& ioc, const tcp::endpoint& endpoint, Pipeline& pipeline, ServerLimits limits)
    : ioc_(ioc), acceptor_(ioc), pipeline_(pipeline), limits_(limits) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  int one = 1;
  ::setsockopt(acceptor_.native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Server::start() { asio::co_spawn(ioc_, accept_loop(), asio::detached); }

void Server::shutdown() {
  stopping_ = true;
  boost::system::error_code ec;
  acceptor_.close(ec);
  for (auto& weak : connections_)
    if (auto c = weak.lock(); c && !c->busy) c->stream.socket().close(ec);
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) break;
      // Out of file descriptors and similar: back off briefly instead of spinning.
      asio::steady_timer t(ioc_, std::chrono::milliseconds(50));
      co_await t.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    std::erase_if(connections_, [](const auto& w) { return w.expired(); });
    connections_.push_back(conn);
    asio::co_spawn(ioc_, session(conn), asio::detached);
  }
}

asio::awaitable<void> Server::session(std::shared_ptr<Connection> conn) {
  beast::flat_buffer buffer;
  boost::system::error_code ec;
  const std::string client_ip = conn->stream.socket().remote_endpoint(ec).address().to_string();
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(limits_.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(limits_.header_limit));
    conn->stream.expires_after(limits_.idle_timeout);
    auto [read_ec, bytes] = co_await bhttp::async_read(conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    if (read_ec) {
      // Malformed or oversized requests get an answer; closed or timed-out connections don't.
      Response r;
      if (read_ec == bhttp::error::body_limit) {
        r = error(bhttp::status::payload_too_large, "PAYLOAD_TOO_LARGE",
                  "Request body exceeds " + size_text(limits_.body_limit));
      } else if (read_ec == bhttp::error::header_limit) {
        r = error(bhttp::status::request_header_fields_too_large, "HEADERS_TOO_LARGE", "Request headers too large");
      } else if (read_ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() && read_ec != bhttp::error::end_of_stream &&
                 read_ec != bhttp::error::partial_message) {
        r = error(bhttp::status::bad_request, "BAD_REQUEST", "Malformed HTTP request");
      } else {
        break;
      }
      HttpResponse res = pipeline_.refuse(std::move(r), client_ip);
      conn->stream.expires_after(std::chrono::seconds(5));
      co_await bhttp::async_write(conn->stream, res, asio::as_tuple(asio::use_awaitable));
      break;
    }
    HttpRequest req = parser.release();
    if (upgrade_ && beast::websocket::is_upgrade(req) && req.target().substr(0, req.target().find('?')) == upgrade_path_) {
      conn->stream.expires_never();
      upgrade_(conn->stream.release_socket(), std::move(req), client_ip);
      co_return;
    }
    conn->busy = true;
    conn->stream.expires_after(limits_.request_timeout);
    HttpResponse res = co_await pipeline_.handle(req, client_ip);
    if (stopping_) res.keep_alive(false);
    auto [write_ec, written] = co_await bhttp::async_write(conn->stream, res, asio::as_tuple(asio::use_awaitable));
    conn->busy = false;
    if (write_ec || !res.keep_alive()) break;
  }
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn->stream.socket().close(ec);
}

}  // namespace agenthq::http
