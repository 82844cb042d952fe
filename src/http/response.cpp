#include "http/response.hpp"

#include <boost/json.hpp>

#include "util/json_text.hpp"

namespace agenthq::http {
namespace json = boost::json;
using boost::beast::http::status;

// The envelope is written around the data's text: copying `data` into an envelope object first
// would deep-copy every row of a page.
namespace {
Response enveloped(std::string data_json, status s) {
  std::string body = "{\"success\":true,\"data\":";
  body += data_json;
  body += '}';
  return {s, std::move(body), {}};
}
}  // namespace

Response ok(const json::value& data, status s) { return enveloped(util::to_json(data), s); }
Response ok(const json::object& data, status s) { return enveloped(util::to_json(data), s); }
Response ok(const json::array& data, status s) { return enveloped(util::to_json(data), s); }
Response created(const json::value& data) { return ok(data, status::created); }
Response created(const json::object& data) { return ok(data, status::created); }

namespace {
Response paginated_text(const std::string& data_json, const Pagination& p) {
  std::string body;
  body.reserve(data_json.size() + 120);
  body += "{\"success\":true,\"data\":";
  body += data_json;
  body += ",\"pagination\":{\"page\":" + std::to_string(p.page) + ",\"limit\":" + std::to_string(p.limit) +
          ",\"total\":" + std::to_string(p.total) + ",\"hasMore\":" + (p.page * p.limit < p.total ? "true" : "false") +
          "}}";
  return {status::ok, std::move(body), {}};
}
}  // namespace

Response paginated(const json::array& data, const Pagination& p) { return paginated_text(util::to_json(data), p); }
Response paginated(const db::JsonRows& data, const Pagination& p) { return paginated_text(data.json, p); }

Response error(status s, std::string_view code, std::string_view message) {
  json::object o;
  o["success"] = false;
  o["error"] = {{"code", code}, {"message", message}};
  return {s, util::to_json(o), {}};
}

}  // namespace agenthq::http
