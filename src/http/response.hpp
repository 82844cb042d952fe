#pragma once
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>

#include "db/pg_result.hpp"
#include <utility>
#include <vector>

namespace agenthq::http {

// What a route returns: a status and an already serialised JSON body. The pipeline adds the
// headers every reply carries (CORS, security, rate limit, request id).
struct Response {
  boost::beast::http::status status = boost::beast::http::status::ok;
  std::string body;
  std::vector<std::pair<boost::beast::http::field, std::string>> headers;
  std::vector<std::pair<std::string, std::string>> custom_headers = {};  // names Beast has no field for
};

struct Pagination {
  std::int64_t page;
  std::int64_t limit;
  std::int64_t total;
};

// The envelope without `success`: the rest of a successful reply, and what an MCP tool returns.
// {"data":...}
boost::json::object data_envelope(const boost::json::value& data);
// {"data":[...],"pagination":{page,limit,total,hasMore}}
boost::json::object page_envelope(const boost::json::value& data, const Pagination& p);
boost::json::object page_envelope(const db::JsonRows& data, const Pagination& p);
// {"success":true} followed by the envelope's members.
Response reply(boost::json::object envelope, boost::beast::http::status status = boost::beast::http::status::ok);
// The same for an envelope already written as JSON text ({"data":...}).
Response reply_text(const std::string& envelope_json, boost::beast::http::status status = boost::beast::http::status::ok);

// {"success":true,"data":...}
// The overloads for arrays and objects write them where they are (a json::value parameter would
// deep-copy a whole page first).
Response ok(const boost::json::value& data, boost::beast::http::status status = boost::beast::http::status::ok);
Response ok(const boost::json::object& data, boost::beast::http::status status = boost::beast::http::status::ok);
Response ok(const boost::json::array& data, boost::beast::http::status status = boost::beast::http::status::ok);
Response created(const boost::json::value& data);
Response created(const boost::json::object& data);
// {"success":true,"data":[...],"pagination":{page,limit,total,hasMore}}
Response paginated(const boost::json::array& data, const Pagination& p);
Response paginated(const db::JsonRows& data, const Pagination& p);
// {"success":false,"error":{"code":...,"message":...}}
Response error(boost::beast::http::status status, std::string_view code, std::string_view message);

}  // namespace agenthq::http
