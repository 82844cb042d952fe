#include "cli/context.hpp"

#include <boost/json.hpp>
#include <iostream>

#include "cli/output.hpp"

namespace agenthq::cli {
namespace json = boost::json;

json::value Context::call(const std::string& method, const std::string& path,
                          const std::map<std::string, std::string>& query,
                          const std::optional<json::value>& body) const {
  const ClientConfig config = load();
  const HubClient hub = client(config);
  std::optional<std::string> payload;
  if (body) payload = json::serialize(*body);
  HttpReply reply;
  try {
    reply = hub.request(method, path.starts_with("/health") ? path : "/api/v1" + path, query, payload);
  } catch (const TransportError& e) {
    throw CommandFailed(e.what());
  }
  boost::system::error_code ec;
  json::value envelope = json::parse(reply.body, ec);
  if (reply.status >= 200 && reply.status < 300 && !ec) return envelope;
  std::string message = "HTTP " + std::to_string(reply.status);
  if (!ec && envelope.is_object())
    if (const auto* e = envelope.as_object().if_contains("error"); e && e->is_object()) {
      const auto& err = e->as_object();
      if (const auto* m = err.if_contains("message"); m && m->is_string()) message = m->as_string();
      if (const auto* c = err.if_contains("code"); c && c->is_string()) message += " (" + std::string(c->as_string()) + ")";
    }
  if (reply.status == 401 && effective_token(config).empty())
    message += "; log in first: agenthq auth login, or agenthq auth login-agent";
  throw CommandFailed(message);
}

void Context::print(const json::value& data, const std::function<void(const json::value&)>& human) const {
  if (json)
    std::cout << pretty_json(data) << "\n";
  else
    human(data);
}

}  // namespace agenthq::cli
