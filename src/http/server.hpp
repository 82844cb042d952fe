#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <list>
#include <memory>

#include "http/pipeline.hpp"

namespace agenthq::http {

struct ServerLimits {
  std::size_t body_limit = 100 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds request_timeout{30};
};

// Accepts connections on one event-loop thread and runs an HTTP/1.1 keep-alive session per
// connection. Several Servers bind the same port with SO_REUSEPORT, one per thread.
// shutdown() stops accepting, closes idle connections at once and lets in-flight requests
// finish, after which the io_context runs out of work.
class Server {
 public:
  using UpgradeHandler = std::function<void(boost::asio::ip::tcp::socket, HttpRequest, std::string client_ip)>;

  Server(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, Pipeline& pipeline,
         ServerLimits limits);
  void start();
  void shutdown();
  // WebSocket upgrades of `path` (query string aside) go to `h` instead of the pipeline.
  void set_upgrade_handler(std::string path, UpgradeHandler h) {
    upgrade_path_ = std::move(path);
    upgrade_ = std::move(h);
  }
  boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

 private:
  struct Connection;
  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> session(std::shared_ptr<Connection> conn);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  Pipeline& pipeline_;
  ServerLimits limits_;
  UpgradeHandler upgrade_;
  std::string upgrade_path_;
  std::list<std::weak_ptr<Connection>> connections_;
  bool stopping_ = false;
};

}  // namespace agenthq::http
