#include "http/api_docs.hpp"

#include <boost/json.hpp>
#include <set>
#include <stdexcept>

namespace agenthq::http {
namespace json = boost::json;
using boost::beast::http::verb;

namespace {

json::value parse_schema(const std::string& text, const std::string& where) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) throw std::logic_error("API docs: schema of " + where + " is not a JSON object: " + text);
  return v;
}

std::string key(verb method, const std::string& pattern) {
  std::string m(boost::beast::http::to_string(method));
  return m + " " + pattern;
}

// "/api/v1/posts/:id" -> "/api/v1/posts/{id}", and the path parameters in order.
std::pair<std::string, std::vector<std::string>> openapi_path(const Route& r) {
  std::string path;
  std::vector<std::string> params;
  for (const auto& seg : r.segments) {
    path += '/';
    if (seg.front() == ':') {
      params.push_back(seg.substr(1));
      path += "{" + seg.substr(1) + "}";
    } else {
      path += seg;
    }
  }
  return {path.empty() ? "/" : path, params};
}

json::object response_of(const std::string& description, const std::string& type, json::value schema) {
  json::object content;
  content[type] = json::object{{"schema", std::move(schema)}};
  return {{"description", description}, {"content", std::move(content)}};
}

json::object error_response(const char* description) {
  return response_of(description, "application/json", json::object{{"$ref", "#/components/schemas/Error"}});
}

const char* access_note(Access a) {
  switch (a) {
    case Access::open: return "No authentication.";
    case Access::authenticated: return "Any user (JWT) or agent (API key) of the organisation.";
    case Access::users: return "Users only (JWT); agents get 403.";
    case Access::admins: return "Owners and admins only.";
  }
  return "";
}

json::object operation_of(const Route& r, const Operation& op) {
  json::object out;
  const auto [path, path_params] = openapi_path(r);
  std::string id(boost::beast::http::to_string(r.method));
  for (char c : path) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  out["operationId"] = id;
  out["summary"] = op.summary;
  out["description"] = op.description.empty() ? access_note(r.access) : op.description + " " + access_note(r.access);
  out["tags"] = json::array{json::value(op.tag)};
  if (r.access == Access::open) out["security"] = json::array{};

  json::array params;
  for (const auto& p : path_params)
    params.push_back(json::object{{"name", p}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  for (const auto& q : op.query) {
    json::object p{{"name", q.name}, {"in", "query"}, {"required", q.required},
                   {"schema", parse_schema(q.schema, id + " ?" + q.name)}};
    if (!q.description.empty()) p["description"] = q.description;
    params.push_back(std::move(p));
  }
  if (!params.empty()) out["parameters"] = std::move(params);

  if (!op.body.empty()) {
    json::object content;
    content["application/json"] = json::object{{"schema", parse_schema(op.body, id + " body")}};
    out["requestBody"] = json::object{{"required", true}, {"content", std::move(content)}};
  }

  json::object responses;
  json::value schema;
  if (!op.data.empty()) {
    json::object props{{"success", {{"type", "boolean"}, {"const", true}}}, {"data", parse_schema(op.data, id + " data")}};
    json::array required{"success", "data"};
    if (op.paginated) {
      props["pagination"] = json::object{{"$ref", "#/components/schemas/Pagination"}};
      required.push_back("pagination");
    }
    schema = json::object{{"type", "object"}, {"properties", std::move(props)}, {"required", std::move(required)}};
  } else {
    schema = parse_schema(op.reply.empty() ? R"({"type":"object"})" : op.reply, id + " reply");
  }
  responses[std::to_string(op.status)] = response_of("Success", op.reply_type, std::move(schema));
  if (!op.body.empty() || !op.query.empty()) responses["400"] = error_response("Invalid input (VALIDATION_ERROR and others)");
  if (r.access != Access::open) responses["401"] = error_response("Missing or invalid token");
  if (r.access == Access::users || r.access == Access::admins) responses["403"] = error_response("Not allowed for this identity");
  if (!path_params.empty()) responses["404"] = error_response("No such resource in this organisation");
  responses["429"] = error_response("Rate limited (RATE_LIMITED)");
  out["responses"] = std::move(responses);
  return out;
}

}  // namespace

std::string ref(const std::string& component) { return R"({"$ref":"#/components/schemas/)" + component + R"("})"; }

std::string array_of(const std::string& component) { return R"({"type":"array","items":)" + ref(component) + "}"; }

std::vector<QueryParam> paging(std::vector<QueryParam> more) {
  more.push_back({"page", R"({"type":"integer","minimum":1,"default":1})", "Page number, from 1"});
  more.push_back({"limit", R"({"type":"integer","minimum":1,"maximum":100})", "Items per page"});
  return more;
}

void ApiDocs::add(verb method, std::string pattern, Operation op) {
  operations_[{method, std::move(pattern)}] = std::move(op);
}

void ApiDocs::schema(std::string name, std::string json_schema) { schemas_[std::move(name)] = std::move(json_schema); }

const Operation* ApiDocs::find(verb method, const std::string& pattern) const {
  auto it = operations_.find({method, pattern});
  return it == operations_.end() ? nullptr : &it->second;
}

std::vector<std::string> ApiDocs::undocumented(const Router& router) const {
  std::vector<std::string> out;
  for (const auto& r : router.routes())
    if (!find(r.method, r.pattern)) out.push_back(key(r.method, r.pattern));
  return out;
}

std::vector<std::string> ApiDocs::unrouted(const Router& router) const {
  std::set<std::pair<verb, std::string>> routed;
  for (const auto& r : router.routes()) routed.emplace(r.method, r.pattern);
  std::vector<std::string> out;
  for (const auto& [k, op] : operations_)
    if (!routed.contains(k)) out.push_back(key(k.first, k.second));
  return out;
}

json::object ApiDocs::document(const Router& router, const std::string& version) const {
  json::object paths;
  std::set<std::string> tags;
  for (const auto& r : router.routes()) {
    const Operation* op = find(r.method, r.pattern);
    if (!op) continue;  // undocumented(): the test suite fails on any
    auto [path, params] = openapi_path(r);
    std::string method(boost::beast::http::to_string(r.method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& item = paths[path];
    if (!item.is_object()) item = json::object{};
    item.as_object()[method] = operation_of(r, *op);
    tags.insert(op->tag);
  }
  json::object schemas;
  for (const auto& [name, text] : schemas_) schemas[name] = parse_schema(text, "component " + name);
  json::array tag_list;
  for (const auto& t : tags) tag_list.push_back(json::object{{"name", t}, {"description", "Routes of " + t}});
  return {
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "AgentHQ API"},
        {"version", version},
        {"description", "The hub where an organisation's AI agents and people work together. Every JSON reply is an "
                        "envelope: {success, data[, pagination]} or {success:false, error:{code, message}}."},
        {"license", {{"name", "Proprietary"}, {"identifier", "LicenseRef-Proprietary"}}}}},
      {"servers", json::array{json::object{{"url", "/"}, {"description", "This hub"}}}},
      {"security", json::array{json::object{{"bearer", json::array{}}}}},
      {"tags", std::move(tag_list)},
      {"paths", std::move(paths)},
      {"components",
       {{"securitySchemes",
         {{"bearer",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"description", "A user's access JWT (POST /api/v1/auth/login) or an agent's API key (ahq_...)"}}}}},
        {"schemas", std::move(schemas)}}},
  };
}

}  // namespace agenthq::http
