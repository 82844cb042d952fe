#include "http/response.hpp"

#include <boost/json.hpp>

#include "util/json_text.hpp"

namespace agenthq::http {
namespace json = boost::json;
using boost::beast::http::status;

namespace {

std::string pagination_json(const Pagination& p) {
  return "{\"page\":" + std::to_string(p.page) + ",\"limit\":" + std::to_string(p.limit) +
         ",\"total\":" + std::to_string(p.total) + ",\"hasMore\":" + (p.page * p.limit < p.total ? "true" : "false") +
         "}";
}

// Replies are written around the data's text: copying `data` into an envelope object first
// would deep-copy every row of a page.
Response enveloped(const std::string& data_json, status s) {
  std::string body;
  body.reserve(data_json.size() + 32);
  body += "{\"success\":true,\"data\":";
  body += data_json;
  body += '}';
  return {s, std::move(body), {}};
}

Response paginated_text(const std::string& data_json, const Pagination& p) {
  std::string body;
  body.reserve(data_json.size() + 120);
  body += "{\"success\":true,\"data\":";
  body += data_json;
  body += ",\"pagination\":";
  body += pagination_json(p);
  body += '}';
  return {status::ok, std::move(body), {}};
}

}  // namespace

json::object data_envelope(const json::value& data) {
  json::object o;
  o["data"] = data;
  return o;
}

json::object page_envelope(const json::value& data, const Pagination& p) {
  json::object o = data_envelope(data);
  o["pagination"] = json::parse(pagination_json(p));
  return o;
}

json::object page_envelope(const db::JsonRows& data, const Pagination& p) {
  return page_envelope(json::parse(data.json), p);
}

Response reply(json::object envelope, status s) { return reply_text(util::to_json(envelope), s); }

Response reply_text(const std::string& envelope_json, status s) {
  std::string body = "{\"success\":true";  // {"data":...} -> {"success":true,"data":...}
  if (envelope_json.size() > 2) body += ',';
  body.append(envelope_json, 1);
  return {s, std::move(body), {}};
}

Response ok(const json::value& data, status s) { return enveloped(util::to_json(data), s); }
Response ok(const json::object& data, status s) { return enveloped(util::to_json(data), s); }
Response ok(const json::array& data, status s) { return enveloped(util::to_json(data), s); }
Response created(const json::value& data) { return ok(data, status::created); }
Response created(const json::object& data) { return ok(data, status::created); }

Response paginated(const json::array& data, const Pagination& p) { return paginated_text(util::to_json(data), p); }
Response paginated(const db::JsonRows& data, const Pagination& p) { return paginated_text(data.json, p); }

Response error(status s, std::string_view code, std::string_view message) {
  json::object o;
  o["success"] = false;
  o["error"] = {{"code", code}, {"message", message}};
  return {s, util::to_json(o), {}};
}

}  // namespace agenthq::http
