#include "metrics/metrics.hpp"

#include <spdlog/fmt/fmt.h>

namespace agenthq::metrics {

void HistogramData::observe(double seconds) {
  ++count;
  sum += seconds;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i)
    if (seconds <= kLatencyBuckets[i]) {
      ++buckets[i];
      break;
    }
}

void Histogram::observe(double seconds) {
  std::lock_guard lock(mutex_);
  data_.observe(seconds);
}

HistogramData Histogram::snapshot() const {
  std::lock_guard lock(mutex_);
  return data_;
}

void RequestMetrics::observe(std::string_view method, std::string_view route, unsigned status, double seconds) {
  std::lock_guard lock(mutex_);
  series_[{std::string(method), std::string(route), status}].observe(seconds);
}

std::map<std::tuple<std::string, std::string, unsigned>, HistogramData> RequestMetrics::snapshot() const {
  std::lock_guard lock(mutex_);
  return series_;
}

Registry& registry() {
  static Registry r;
  return r;
}

namespace {

// Label values escape backslash, double quote and newline (text format 0.0.4).
std::string label(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void scalar(std::string& out, std::string_view name, std::string_view type, std::string_view help, auto value) {
  header(out, name, type, help);
  fmt::format_to(std::back_inserter(out), "{} {}\n", name, value);
}

void histogram_lines(std::string& out, std::string_view name, const std::string& labels, const HistogramData& h) {
  const std::string sep = labels.empty() ? "" : ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    cumulative += h.buckets[i];
    fmt::format_to(std::back_inserter(out), "{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep, kLatencyBuckets[i],
                   cumulative);
  }
  fmt::format_to(std::back_inserter(out), "{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, h.count);
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  fmt::format_to(std::back_inserter(out), "{}_sum{} {}\n{}_count{} {}\n", name, braces, h.sum, name, braces, h.count);
}

}  // namespace

std::string render(const Registry& r) {
  std::string out;
  const auto requests = r.requests.snapshot();
  header(out, "agenthq_http_requests_total", "counter", "HTTP requests by method, route template and status.");
  for (const auto& [key, h] : requests) {
    const auto& [method, route, status] = key;
    fmt::format_to(std::back_inserter(out), "agenthq_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                   label(method), label(route), status, h.count);
  }
  header(out, "agenthq_http_request_duration_seconds", "histogram",
         "Time from a request's arrival to its response, by method, route template and status.");
  for (const auto& [key, h] : requests) {
    const auto& [method, route, status] = key;
    histogram_lines(out, "agenthq_http_request_duration_seconds",
                    fmt::format("method=\"{}\",route=\"{}\",status=\"{}\"", label(method), label(route), status), h);
  }
  scalar(out, "agenthq_websocket_connections", "gauge", "Open WebSocket connections.", r.ws_connections.value());
  scalar(out, "agenthq_websocket_events_delivered_total", "counter", "Event frames queued to WebSocket clients.",
         r.ws_events_delivered.value());
  scalar(out, "agenthq_websocket_events_dropped_total", "counter",
         "Event frames dropped because a client's send queue was full.", r.ws_events_dropped.value());
  scalar(out, "agenthq_db_pool_connections_in_use", "gauge", "Database connections leased to requests.",
         r.pool_in_use.value());
  scalar(out, "agenthq_db_pool_connections_idle", "gauge", "Open database connections idle in the pools.",
         r.pool_idle.value());
  header(out, "agenthq_db_pool_wait_seconds", "histogram", "Time spent waiting for a database connection.");
  histogram_lines(out, "agenthq_db_pool_wait_seconds", "", r.pool_wait.snapshot());
  scalar(out, "agenthq_bcrypt_queue_depth", "gauge", "bcrypt jobs queued or running on the worker pool.",
         r.bcrypt_queue.value());
  scalar(out, "agenthq_listen_reconnects_total", "counter", "Times the LISTEN connection was re-established.",
         r.listen_reconnects.value());
  scalar(out, "agenthq_embedded_cluster_up", "gauge",
         "1 while the embedded PostgreSQL this process started is running (0 with DATABASE_URL).",
         r.embedded_cluster_up.value());
  scalar(out, "agenthq_database_up", "gauge", "1 while the health probe reaches the database.", r.database_up.value());
  scalar(out, "agenthq_mcp_sessions", "gauge", "Open MCP Streamable HTTP sessions.", r.mcp_sessions.value());
  return out;
}

}  // namespace agenthq::metrics
