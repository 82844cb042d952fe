#include "http/response.hpp"

#include <boost/json.hpp>

#include "util/json_text.hpp"

namespace agenthq::http {
namespace json = boost::json;
using boost::beast::http::status;

Response ok(const json::value& data, status s) {
  json::object o;
  o["success"] = true;
  o["data"] = data;
  return {s, util::to_json(o), {}};
}

Response created(const json::value& data) { return ok(data, status::created); }

Response paginated(const json::value& data, const Pagination& p) {
  json::object o;
  o["success"] = true;
  o["data"] = data;
  o["pagination"] = {{"page", p.page}, {"limit", p.limit}, {"total", p.total}, {"hasMore", p.page * p.limit < p.total}};
  return {status::ok, util::to_json(o), {}};
}

Response error(status s, std::string_view code, std::string_view message) {
  json::object o;
  o["success"] = false;
  o["error"] = {{"code", code}, {"message", message}};
  return {s, util::to_json(o), {}};
}

}  // namespace agenthq::http
