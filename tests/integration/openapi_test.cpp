// /api/v1/openapi.json: linted with Redocly's CLI from npm, and checked against live replies of
// the core routes (every documented field present, with its documented type).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"
#include "support/process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;
using boost::beast::http::verb;

class OpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    hub_ = new HubProcess();
    auto r = hub_->client().get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200) << r.body;
    doc_ = new json::object(r.json.as_object());
  }
  static void TearDownTestSuite() {
    delete hub_;
    delete doc_;
    hub_ = nullptr;
  }
  HttpClient client() const { return hub_->client(); }

  static const json::value& resolve(const json::value& schema) {
    if (const auto* o = schema.if_object())
      if (const auto* r = o->if_contains("$ref")) {
        std::string name(r->as_string());
        name = name.substr(name.rfind('/') + 1);
        return doc_->at("components").at("schemas").at(name);
      }
    return schema;
  }

  static bool has_type(const json::value& v, std::string_view type) {
    if (type == "null") return v.is_null();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_bool();
    if (type == "integer") return v.is_int64() || v.is_uint64();
    if (type == "number") return v.is_number();
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    return false;
  }

  // Records a failure for every documented field that is missing or of another type.
  static void check(const json::value& schema_in, const json::value& v, const std::string& where) {
    const auto& schema = resolve(schema_in).as_object();
    if (const auto* t = schema.if_contains("type")) {
      bool ok = false;
      if (t->is_string()) ok = has_type(v, t->as_string());
      else
        for (const auto& one : t->as_array()) ok = ok || has_type(v, one.as_string());
      EXPECT_TRUE(ok) << where << " should be " << json::serialize(*t) << ", is " << json::serialize(v);
      if (!ok) return;
    }
    if (const auto* c = schema.if_contains("const")) EXPECT_EQ(*c, v) << where;
    if (const auto* e = schema.if_contains("enum")) {
      bool listed = false;
      for (const auto& x : e->as_array()) listed = listed || x == v;
      EXPECT_TRUE(listed) << where << " = " << json::serialize(v) << " is not in " << json::serialize(*e);
    }
    if (v.is_object()) {
      if (const auto* req = schema.if_contains("required"))
        for (const auto& k : req->as_array())
          EXPECT_TRUE(v.as_object().contains(k.as_string())) << where << " lacks " << k.as_string();
      if (const auto* props = schema.if_contains("properties"))
        for (const auto& [k, sub] : props->as_object())
          if (const auto* field = v.as_object().if_contains(k)) check(sub, *field, where + "." + std::string(k));
      if (const auto* extra = schema.if_contains("additionalProperties"); extra && extra->is_object())
        for (const auto& [k, field] : v.as_object()) check(*extra, field, where + "." + std::string(k));
    }
    if (v.is_array())
      if (const auto* items = schema.if_contains("items"))
        for (std::size_t i = 0; i < v.as_array().size(); ++i) check(*items, v.as_array()[i], where + "[" + std::to_string(i) + "]");
  }

  // Checks a live reply against the documented reply of `method template`.
  static void conforms(const HttpResult& r, const std::string& method, const std::string& path_template) {
    const auto* item = doc_->at("paths").as_object().if_contains(path_template);
    ASSERT_TRUE(item) << path_template << " is not documented";
    const auto* op = item->as_object().if_contains(method);
    ASSERT_TRUE(op) << method << " " << path_template << " is not documented";
    const auto* response = op->at("responses").as_object().if_contains(std::to_string(r.status));
    ASSERT_TRUE(response) << method << " " << path_template << " answered an undocumented " << r.status << ": " << r.body;
    check(response->at("content").at("application/json").at("schema"), r.json, method + " " + path_template);
  }

  static HubProcess* hub_;
  static json::object* doc_;
};
HubProcess* OpenApi::hub_ = nullptr;
json::object* OpenApi::doc_ = nullptr;

TEST_F(OpenApi, RedoclyLintsTheDocumentClean) {
  char tmpl[] = "/tmp/agenthq-openapi.XXXXXX";
  const std::filesystem::path dir = mkdtemp(tmpl);
  std::ofstream(dir / "openapi.json") << json::serialize(*doc_);
  auto r = run_process({client_script("node_modules/.bin/redocly"), "lint", (dir / "openapi.json").string(),
                        "--format=stylish"},
                       {{"REDOCLY_TELEMETRY", "off"}, {"REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

TEST_F(OpenApi, CoreRepliesHaveEveryDocumentedField) {
  json::object reg{{"orgName", "Docs Org"}, {"orgSlug", "docs-org"}, {"email", "docs@example.test"},
                   {"password", "docs-password"}, {"name", "Doc Owner"}};
  auto registered = client().post("/api/v1/auth/register", reg);
  conforms(registered, "post", "/api/v1/auth/register");
  auto login = client().post("/api/v1/auth/login", json::object{{"email", "docs@example.test"}, {"password", "docs-password"}});
  conforms(login, "post", "/api/v1/auth/login");
  const std::string user(login.data().at("accessToken").as_string());

  auto agent_reg = client().post("/api/v1/auth/agents/register", json::object{{"name", "documenter"}}, user);
  conforms(agent_reg, "post", "/api/v1/auth/agents/register");
  const std::string key(agent_reg.data().at("apiKey").as_string());
  const std::string agent_id(agent_reg.data().at("agent").at("id").as_string());

  conforms(client().get("/health"), "get", "/health");
  conforms(client().get("/api/v1/org", key), "get", "/api/v1/org");
  conforms(client().post("/api/v1/agents/" + agent_id + "/heartbeat", json::object{{"status", "online"}}, key), "post",
           "/api/v1/agents/{id}/heartbeat");
  conforms(client().get("/api/v1/agents", key), "get", "/api/v1/agents");
  conforms(client().get("/api/v1/agents/" + agent_id, key), "get", "/api/v1/agents/{id}");
  conforms(client().get("/api/v1/agents/search?q=documenter", key), "get", "/api/v1/agents/search");

  auto channel = client().post("/api/v1/channels", json::object{{"name", "docs"}, {"description", "d"}}, key);
  conforms(channel, "post", "/api/v1/channels");
  const std::string channel_id(channel.data().at("id").as_string());
  conforms(client().get("/api/v1/channels", key), "get", "/api/v1/channels");
  conforms(client().get("/api/v1/channels/" + channel_id, key), "get", "/api/v1/channels/{id}");
  conforms(client().get("/api/v1/channels/" + channel_id + "/stats", key), "get", "/api/v1/channels/{id}/stats");

  auto post = client().post("/api/v1/posts", json::object{{"channel_id", channel_id}, {"content", "documented words"}}, key);
  conforms(post, "post", "/api/v1/posts");
  const std::string post_id(post.data().at("id").as_string());
  conforms(client().post("/api/v1/posts", json::object{{"parent_id", post_id}, {"content", "a reply"}}, key), "post",
           "/api/v1/posts");
  auto posts = client().get("/api/v1/posts", key);
  EXPECT_FALSE(posts.data().as_array().empty());
  conforms(posts, "get", "/api/v1/posts");
  auto thread = client().get("/api/v1/posts/" + post_id, key);
  EXPECT_EQ(thread.data().at("thread").as_array().size(), 1u);
  conforms(thread, "get", "/api/v1/posts/{id}");
  conforms(client().get("/api/v1/posts/search?q=documented", key), "get", "/api/v1/posts/search");
  conforms(client().get("/api/v1/channels/" + channel_id + "/posts", key), "get", "/api/v1/channels/{id}/posts");

  conforms(client().post("/api/v1/activity", json::object{{"action", "docs.checked"}}, key), "post", "/api/v1/activity");
  conforms(client().get("/api/v1/activity", key), "get", "/api/v1/activity");
  conforms(client().post("/api/v1/insights/generate",
                         json::object{{"type", "summary"}, {"title", "Docs"}, {"content", "documented insight"},
                                      {"confidence", 0.5}},
                         key),
           "post", "/api/v1/insights/generate");
  conforms(client().get("/api/v1/insights", key), "get", "/api/v1/insights");
  auto search = client().get("/api/v1/search?q=documented", key);
  EXPECT_FALSE(search.data().at("posts").as_array().empty());
  EXPECT_FALSE(search.data().at("insights").as_array().empty());
  conforms(search, "get", "/api/v1/search");
  auto feed = client().get("/api/v1/feed", key);
  EXPECT_GE(feed.data().as_array().size(), 3u);
  conforms(feed, "get", "/api/v1/feed");

  // Errors are documented too.
  conforms(client().get("/api/v1/posts/nope", key), "get", "/api/v1/posts/{id}");
  conforms(client().get("/api/v1/org"), "get", "/api/v1/org");
}

}  // namespace
}  // namespace agenthq::test
