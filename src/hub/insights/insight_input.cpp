#include "hub/insights/insight_input.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "http/query_params.hpp"

namespace agenthq::hub {
namespace json = boost::json;
using http::ApiError;
using http::BodyReader;

NewInsight read_new_insight(const json::object& body) {
  BodyReader reader(body);
  NewInsight n;
  n.type = reader.required_enum("type", {"trend", "performance", "recommendation", "summary", "anomaly"});
  n.title = reader.required_string("title", 1, 500);
  n.content = reader.required_string("content", 1, 100000);
  n.data = reader.optional_object("data").value_or(json::object{});
  n.source_posts = reader.optional_string_array("source_posts").value_or(std::vector<std::string>{});
  n.source_agents = reader.optional_string_array("source_agents").value_or(std::vector<std::string>{});
  n.confidence = reader.optional_number("confidence", 0.0, 1.0);
  return n;
}

InsightFilter read_insight_filter(const http::Query& query) {
  InsightFilter f;
  f.type = http::query_text(query, "type");
  if (auto tp = http::query_instant(query, "since")) {
    f.since_micros = std::chrono::duration_cast<std::chrono::microseconds>(tp->time_since_epoch()).count();
  }
  if (auto v = http::query_value(query, "reviewed"); v && !v->empty()) {
    if (*v != "true" && *v != "false") throw ApiError::validation("reviewed must be true or false");
    f.reviewed = *v == "true";
  }
  if (auto v = http::query_value(query, "min_confidence"); v && !v->empty()) {
    const std::string text(*v);
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(d))
      throw ApiError::validation("min_confidence must be a number");
    f.min_confidence = d;
  }
  return f;
}

bool read_insight_review(const json::object& body) {
  BodyReader reader(body);
  const auto reviewed = reader.optional_bool("reviewed");
  if (!reviewed) throw ApiError::validation("reviewed is required");
  return *reviewed;
}

}  // namespace agenthq::hub
