#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace agenthq::metrics {

// The process's metrics, rendered in the Prometheus text format by /metrics. Process-wide like
// a Prometheus client's default registry: the layers that count (pool, realtime, auth) only
// touch lock-free atomics; request metrics take one short lock per request.

class Counter {
 public:
  void inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  void set(std::int64_t n) { value_.store(n, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

// Upper bounds in seconds, shared by every latency histogram.
inline constexpr std::array<double, 12> kLatencyBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

struct HistogramData {
  std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};  // not cumulative
  std::uint64_t count = 0;
  double sum = 0;
  void observe(double seconds);
};

// A histogram without labels, safe to observe from any thread.
class Histogram {
 public:
  void observe(double seconds);
  HistogramData snapshot() const;

 private:
  mutable std::mutex mutex_;
  HistogramData data_;
};

// HTTP requests by method, route template (never the raw path: ids would explode the series)
// and status code.
class RequestMetrics {
 public:
  void observe(std::string_view method, std::string_view route, unsigned status, double seconds);
  std::map<std::tuple<std::string, std::string, unsigned>, HistogramData> snapshot() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, HistogramData> series_;
};

struct Registry {
  RequestMetrics requests;
  Gauge ws_connections;         // open WebSocket connections
  Counter ws_events_delivered;  // frames queued to a WebSocket client
  Counter ws_events_dropped;    // frames dropped because a client's queue was full
  Gauge pool_in_use;            // database connections leased to a request
  Gauge pool_idle;              // open database connections waiting in the pools
  Histogram pool_wait;          // time to get a database connection from a pool
  Gauge bcrypt_queue;           // bcrypt jobs queued or running on the worker pool
  const void* bcrypt_pool = nullptr;      // the pools whose jobs bcrypt_queue counts: passwords...
  const void* key_bcrypt_pool = nullptr;  // ...and API keys
  Counter listen_reconnects;    // times the LISTEN connection was re-established
  Gauge embedded_cluster_up;    // 1 while the embedded PostgreSQL this process started answers
  Gauge database_up;            // 1 while the health probe reaches the database
  Gauge mcp_sessions;           // open MCP Streamable HTTP sessions
};

Registry& registry();

// The whole registry in the Prometheus text exposition format (version 0.0.4).
std::string render(const Registry& r);

}  // namespace agenthq::metrics
