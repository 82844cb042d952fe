// Fan-out load: N WebSocket subscribers on one channel, split over several hub processes, and a
// steady post rate through the REST API. Prints delivery latency from commit (the post's
// created_at, stamped by PostgreSQL inside the writing transaction) to receipt, and the hubs'
// resident memory per 1,000 idle connections.
// Usage: ws_fanout --ports P1,P2 --token T --channel ID --clients N --posts K --rate R --pids PID1,PID2
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "util/time.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
  return out;
}

long rss_kib(const std::string& pid) {
  std::ifstream in("/proc/" + pid + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

struct Stats {
  std::vector<double> latencies_ms;
  std::atomic<int> subscribed{0};
};

class Subscriber : public std::enable_shared_from_this<Subscriber> {
 public:
  Subscriber(asio::io_context& ioc, Stats& stats) : ws_(ioc), stats_(stats) {}
  void start(unsigned short port, std::string target, std::string channel) {
    // The lambda owns a reference until the coroutine ends; run() alone would not keep us alive.
    asio::co_spawn(ws_.get_executor(), [self = shared_from_this(), port, target, channel] {
      return self->run(port, target, channel);
    }, asio::detached);
  }

 private:
  asio::awaitable<void> run(unsigned short port, std::string target, std::string channel) {
    auto self = shared_from_this();
    co_await beast::get_lowest_layer(ws_).async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                                                        asio::use_awaitable);
    co_await ws_.async_handshake("127.0.0.1", target, asio::use_awaitable);
    std::string sub = R"({"event":"subscribe","data":{"channel":")" + channel + R"("}})";
    co_await ws_.async_write(asio::buffer(sub), asio::use_awaitable);
    beast::flat_buffer buf;
    for (;;) {
      auto [ec, n] = co_await ws_.async_read(buf, asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      const auto now = std::chrono::system_clock::now();
      std::string_view text(static_cast<const char*>(buf.data().data()), buf.size());
      if (text.find("\"event\":\"subscribed\"") != std::string_view::npos) {
        ++stats_.subscribed;
      } else if (text.find("\"event\":\"post:new\"") != std::string_view::npos) {
        auto at = text.find("\"created_at\":\"");
        if (at != std::string_view::npos) {
          auto stamp = agenthq::util::parse_iso8601(text.substr(at + 14, 24));
          if (stamp)
            stats_.latencies_ms.push_back(std::chrono::duration<double, std::milli>(now - *stamp).count());
        }
      }
      buf.consume(buf.size());
    }
  }
  websocket::stream<beast::tcp_stream> ws_;
  Stats& stats_;
};

void post_once(unsigned short port, const std::string& token, const std::string& channel, int i) {
  asio::io_context ioc;
  beast::tcp_stream s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::http::request<beast::http::string_body> req{beast::http::verb::post, "/api/v1/posts", 11};
  req.set(beast::http::field::host, "127.0.0.1");
  req.set(beast::http::field::authorization, "Bearer " + token);
  req.set(beast::http::field::content_type, "application/json");
  req.body() = R"({"channel_id":")" + channel + R"(","content":"fan-out )" + std::to_string(i) + R"("})";
  req.prepare_payload();
  beast::http::write(s, req);
  beast::flat_buffer b;
  beast::http::response<beast::http::string_body> res;
  beast::http::read(s, b, res);
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1)));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> a;
  for (int i = 1; i + 1 < argc; i += 2) a[argv[i]] = argv[i + 1];
  const auto ports = split(a["--ports"]);
  const auto pids = split(a["--pids"]);
  const int clients = std::stoi(a["--clients"]), posts = std::stoi(a["--posts"]);
  const double rate = std::stod(a["--rate"]);

  long before = 0;
  for (const auto& p : pids) before += rss_kib(p);

  asio::io_context ioc;
  Stats stats;
  stats.latencies_ms.reserve(static_cast<std::size_t>(clients) * posts);
  for (int i = 0; i < clients; ++i)
    std::make_shared<Subscriber>(ioc, stats)
        ->start(static_cast<unsigned short>(std::stoi(ports[i % ports.size()])), "/ws?token=" + a["--token"],
                a["--channel"]);
  std::thread loop([&] { ioc.run(); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (stats.subscribed < clients && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  long after = 0;
  for (const auto& p : pids) after += rss_kib(p);

  const auto gap = std::chrono::duration<double>(1.0 / rate);
  auto next = std::chrono::steady_clock::now();
  for (int i = 0; i < posts; ++i) {
    post_once(static_cast<unsigned short>(std::stoi(ports[i % ports.size()])), a["--token"], a["--channel"], i);
    next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(gap);
    std::this_thread::sleep_until(next);
  }
  std::this_thread::sleep_for(std::chrono::seconds(3));
  ioc.stop();
  loop.join();

  auto& l = stats.latencies_ms;
  const double expected = static_cast<double>(clients) * posts;
  std::printf("%d subscribers over %zu processes, %d posts at %.0f/s: delivered %zu of %.0f (%.1f%%)\n", clients,
              ports.size(), posts, rate, l.size(), expected, 100.0 * l.size() / expected);
  std::printf("commit-to-receipt latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", percentile(l, 0.5),
              percentile(l, 0.99), percentile(l, 1.0));
  std::printf("hub RSS: %ld KiB before, %ld KiB with %d idle connections: %.0f KiB per 1,000 connections\n", before,
              after, clients, (after - before) * 1000.0 / clients);
  std::printf("FANOUT\t%d\t%.2f\t%.2f\t%.0f\t%.1f\n", clients, percentile(l, 0.5), percentile(l, 0.99),
              (after - before) * 1000.0 / clients, 100.0 * l.size() / expected);
  return 0;
}
