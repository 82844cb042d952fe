#pragma once
#include <boost/beast/http/verb.hpp>
#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "http/router.hpp"

namespace agenthq::http {

// A query parameter of a documented route.
struct QueryParam {
  std::string name = {};
  std::string schema = R"({"type":"string"})";  // JSON Schema text
  std::string description = {};
  bool required = false;
};

// What the OpenAPI document says about one route. Schemas are JSON Schema text (2020-12, as
// OpenAPI 3.1 uses it) and may point at components with {"$ref":"#/components/schemas/Post"}.
struct Operation {
  std::string tag = {};
  std::string summary = {};
  std::vector<QueryParam> query = {};
  std::string body = {};       // request body schema; empty: no body
  std::string data = {};       // schema of the envelope's `data`; empty: `reply` below is the whole body
  std::string reply = {};      // whole-body schema when the reply has no envelope
  std::string reply_type = "application/json";
  int status = 200;
  bool paginated = false;  // the envelope carries `pagination`
  std::string description = {};
};

// The per-route documentation, kept beside the routes (each resource's *_docs.cpp), and the
// OpenAPI 3.1 document made from it and the router's own table: every route of the table appears,
// so an undocumented route is visible (see undocumented()).
class ApiDocs {
 public:
  void add(boost::beast::http::verb method, std::string pattern, Operation op);
  void schema(std::string name, std::string json_schema);

  const Operation* find(boost::beast::http::verb method, const std::string& pattern) const;
  // "GET /api/v1/x" for routes without documentation / documentation without a route.
  std::vector<std::string> undocumented(const Router& router) const;
  std::vector<std::string> unrouted(const Router& router) const;

  boost::json::object document(const Router& router, const std::string& version) const;

 private:
  std::map<std::pair<boost::beast::http::verb, std::string>, Operation> operations_;
  std::map<std::string, std::string> schemas_;
};

// Shorthands for the docs files: {"$ref":...} to a component, an array of one, page + limit.
std::string ref(const std::string& component);
std::string array_of(const std::string& component);
std::vector<QueryParam> paging(std::vector<QueryParam> more = {});

}  // namespace agenthq::http
