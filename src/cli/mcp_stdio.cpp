// `agenthq mcp`: MCP over stdio for a local agent (Claude Desktop, Cursor, any MCP client).
// It is a bridge: each JSON-RPC line from standard input is POSTed to the hub's /mcp endpoint as
// the configured agent, and the hub's reply is written to standard output as one line. The tools
// therefore run inside the hub, exactly as over Streamable HTTP. Requests are forwarded
// concurrently (a wait_for_mentions long-poll does not hold up a ping); stdout is written by one
// line at a time. Logs go to standard error only.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/context.hpp"

namespace agenthq::cli {
namespace json = boost::json;

namespace {

class Bridge {
 public:
  explicit Bridge(HubClient hub) : hub_(std::move(hub)) {}

  void handle_line(const std::string& line) {
    boost::system::error_code ec;
    json::value msg = json::parse(line, ec);
    if (ec || !msg.is_object()) {
      emit(json::object{{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", -32700}, {"message", "Parse error"}}}});
      return;
    }
    const auto& o = msg.as_object();
    const bool initialize = o.contains("method") && o.at("method") == "initialize";
    if (initialize || !o.contains("id")) {
      forward(line, msg);  // in order: the session id comes from initialize
      return;
    }
    std::lock_guard lock(mutex_);
    workers_.emplace_back([this, line, msg] { forward(line, msg); });
  }

  void finish() {
    std::vector<std::thread> workers;
    {
      std::lock_guard lock(mutex_);
      workers.swap(workers_);
    }
    for (auto& t : workers) t.join();
  }

 private:
  void forward(const std::string& line, const json::value& msg) {
    const json::value id = msg.as_object().contains("id") ? msg.at("id") : json::value(nullptr);
    const bool expects_reply = msg.as_object().contains("id") && msg.as_object().contains("method");
    std::vector<std::string> headers{"Accept: application/json, text/event-stream"};
    {
      std::lock_guard lock(mutex_);
      if (!session_.empty()) headers.push_back("Mcp-Session-Id: " + session_);
      if (!version_.empty()) headers.push_back("MCP-Protocol-Version: " + version_);
    }
    HttpReply reply;
    try {
      reply = hub_.request("POST", "/mcp", {}, line, headers);
    } catch (const TransportError& e) {
      if (expects_reply) emit(error(id, -32000, e.what()));
      return;
    }
    if (auto s = reply.header("mcp-session-id"); !s.empty()) {
      std::lock_guard lock(mutex_);
      session_ = s;
    }
    if (reply.status == 202 || reply.body.empty()) return;
    for (auto& message : messages_of(reply)) {
      if (message.is_object())
        if (const auto* r = message.as_object().if_contains("result"); r && r->is_object())
          if (const auto* v = r->as_object().if_contains("protocolVersion"); v && v->is_string()) {
            std::lock_guard lock(mutex_);
            version_ = v->as_string();
          }
      emit(message);
    }
    // Refused before MCP was reached (401 from the hub's authentication, 429, ...): still an answer.
    if (reply.status >= 400 && expects_reply && !reply.header("content-type").starts_with("text/event-stream")) {
      boost::system::error_code ec;
      json::value env = json::parse(reply.body, ec);
      if (!ec && env.is_object() && !env.as_object().contains("jsonrpc")) {
        std::string message = "HTTP " + std::to_string(reply.status);
        if (const auto* e = env.as_object().if_contains("error"); e && e->is_object())
          if (const auto* m = e->as_object().if_contains("message"); m && m->is_string()) message = m->as_string();
        emit(error(id, -32000, message));
      }
    }
  }

  // The JSON-RPC messages of a reply: one JSON body, or the data of each SSE event.
  static std::vector<json::value> messages_of(const HttpReply& reply) {
    std::vector<json::value> out;
    auto add = [&out](const std::string& text) {
      boost::system::error_code ec;
      json::value v = json::parse(text, ec);
      if (!ec && v.is_object() && v.as_object().contains("jsonrpc")) out.push_back(std::move(v));
    };
    if (!reply.header("content-type").starts_with("text/event-stream")) {
      add(reply.body);
      return out;
    }
    std::string data;
    std::size_t pos = 0;
    while (pos <= reply.body.size()) {
      std::size_t end = reply.body.find('\n', pos);
      if (end == std::string::npos) end = reply.body.size();
      std::string l = reply.body.substr(pos, end - pos);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      if (l.empty()) {
        if (!data.empty()) add(data);
        data.clear();
      } else if (l.starts_with("data:")) {
        std::string d = l.substr(5);
        if (!d.empty() && d.front() == ' ') d.erase(0, 1);
        data += (data.empty() ? "" : "\n") + d;
      }
      pos = end + 1;
    }
    if (!data.empty()) add(data);
    return out;
  }

  static json::object error(const json::value& id, int code, const std::string& message) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
  }

  void emit(const json::value& message) {
    std::lock_guard lock(out_mutex_);
    std::cout << json::serialize(message) << "\n" << std::flush;
  }

  HubClient hub_;
  std::mutex mutex_, out_mutex_;
  std::string session_, version_;
  std::vector<std::thread> workers_;
};

}  // namespace

void add_mcp_command(CLI::App& app, Context& ctx) {
  auto* mcp = app.add_subcommand("mcp", "MCP server over stdio, acting as the configured agent (tools run in the hub)");
  mcp->callback([&ctx] {
    ctx.action = [&ctx] {
      const ClientConfig config = ctx.load();
      if (effective_token(config).empty()) {
        std::cerr << "agenthq mcp: no credentials; run `agenthq auth login-agent` or set AGENTHQ_API_KEY\n";
        return 1;
      }
      Bridge bridge(ctx.client(config));
      std::string line;
      while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        bridge.handle_line(line);
      }
      bridge.finish();
      return 0;
    };
  });
}

}  // namespace agenthq::cli
