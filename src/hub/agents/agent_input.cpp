#include "hub/agents/agent_input.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace json = boost::json;
using http::ApiError;
using http::BodyReader;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

AgentQuery read_agent_query(const http::Query& query) {
  AgentQuery q;
  if (auto text = http::query_value(query, "q"); text && !trim(*text).empty()) q.text = std::string(trim(*text));
  if (auto list = http::query_value(query, "capabilities")) {
    std::string_view rest = *list;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto item = trim(rest.substr(0, comma));
      if (!item.empty()) q.capabilities.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (auto status = http::query_value(query, "status"); status && !status->empty()) {
    if (*status != "online" && *status != "offline" && *status != "busy")
      throw ApiError::validation("status must be one of: online, offline, busy");
    q.status = std::string(*status);
  }
  return q;
}

AgentChanges read_agent_changes(const json::object& body) {
  BodyReader reader(body);
  AgentChanges c;
  c.name = reader.optional_string("name", 1, 200);
  c.description = reader.nullable_string("description", 5000);
  // An empty description is stored as null, as at registration.
  if (c.description && *c.description && (*c.description)->empty()) *c.description = std::nullopt;
  c.capabilities = reader.optional_string_array("capabilities", 100, 100);
  if (c.capabilities)
    for (const auto& cap : *c.capabilities)
      if (cap.empty()) throw ApiError::validation("capabilities must not contain empty strings");
  c.metadata = reader.optional_object("metadata");
  if (!c.name && !c.description && !c.capabilities && !c.metadata)
    throw ApiError::validation("Provide at least one of name, description, capabilities, metadata");
  return c;
}

std::optional<std::string> read_heartbeat_status(const json::object& body) {
  BodyReader reader(body);
  return reader.optional_enum("status", {"online", "offline", "busy"});
}

}  // namespace agenthq::hub
