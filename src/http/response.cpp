#include "http/response.hpp"

#include <boost/json.hpp>

#include "util/json_text.hpp"

namespace agenthq::http {
namespace json = boost::json;
using boost::beast::http::status;

json::object data_envelope(const json::value& data) {
  json::object o;
  o["data"] = data;
  return o;
}

json::object page_envelope(const json::value& data, const Pagination& p) {
  json::object o = data_envelope(data);
  o["pagination"] = {{"page", p.page}, {"limit", p.limit}, {"total", p.total}, {"hasMore", p.page * p.limit < p.total}};
  return o;
}

Response reply(json::object envelope, status s) {
  json::object o;
  o.reserve(envelope.size() + 1);
  o["success"] = true;
  for (auto& member : envelope) o[member.key()] = std::move(member.value());
  return {s, util::to_json(o), {}};
}

Response ok(const json::value& data, status s) { return reply(data_envelope(data), s); }

Response created(const json::value& data) { return ok(data, status::created); }

Response paginated(const json::value& data, const Pagination& p) { return reply(page_envelope(data, p)); }

Response error(status s, std::string_view code, std::string_view message) {
  json::object o;
  o["success"] = false;
  o["error"] = {{"code", code}, {"message", message}};
  return {s, util::to_json(o), {}};
}

}  // namespace agenthq::http
