#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/request_context.hpp"

namespace agenthq::http {

// A query parameter's value. An empty value (`?type=`) counts as absent: the web app sends
// unset filters that way, and the reference treated them so.
std::optional<std::string> query_text(const Query& query, const std::string& name);
std::optional<std::string> query_text(const RequestContext& ctx, const std::string& name);
// The raw value, empty included (nullopt: absent).
std::optional<std::string_view> query_value(const Query& query, const std::string& name);

// A query parameter holding an ISO-8601 date or date-time. Unparseable text is the client's
// mistake: 400 VALIDATION_ERROR naming the parameter, never a database error.
std::optional<std::chrono::system_clock::time_point> query_instant(const Query& query, const std::string& name);
std::optional<std::chrono::system_clock::time_point> query_instant(const RequestContext& ctx, const std::string& name);

}  // namespace agenthq::http
