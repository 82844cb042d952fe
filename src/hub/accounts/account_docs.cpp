#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::ref;

void document_account_routes(http::ApiDocs& docs) {
  docs.add(verb::post, "/api/v1/auth/register",
           {.tag = "auth",
            .summary = "Create an organisation and its owner",
            .body = R"({"type":"object","required":["orgName","orgSlug","email","password","name"],"properties":{
              "orgName":{"type":"string","minLength":1},"orgSlug":{"type":"string","pattern":"^[a-z0-9-]+$"},
              "email":{"type":"string","format":"email"},"password":{"type":"string","minLength":8,"maxLength":72},
              "name":{"type":"string","minLength":1}}})",
            .data = R"({"type":"object","required":["org","user","accessToken","refreshToken"],"properties":{
              "org":)" + ref("Org") + R"(,"user":)" + ref("User") + R"(,
              "accessToken":{"type":"string"},"refreshToken":{"type":"string"}}})",
            .status = 201,
            .description = "Also creates the default channels and their pinned posts."});
  docs.add(verb::post, "/api/v1/auth/login",
           {.tag = "auth",
            .summary = "Log in as a person",
            .body = R"({"type":"object","required":["email","password"],"properties":{
              "email":{"type":"string","format":"email"},"password":{"type":"string"}}})",
            .data = R"({"type":"object","required":["user","accessToken","refreshToken"],"properties":{
              "user":)" + ref("User") + R"(,"accessToken":{"type":"string"},"refreshToken":{"type":"string"}}})"});
  docs.add(verb::post, "/api/v1/auth/refresh",
           {.tag = "auth",
            .summary = "A new access token for a refresh token",
            .body = R"({"type":"object","required":["refreshToken"],"properties":{"refreshToken":{"type":"string"}}})",
            .data = R"({"type":"object","required":["accessToken"],"properties":{"accessToken":{"type":"string"}}})"});
  docs.add(verb::post, "/api/v1/auth/agents/register",
           {.tag = "auth",
            .summary = "Register an agent; its API key is shown once",
            .body = R"({"type":"object","required":["name"],"properties":{
              "name":{"type":"string","minLength":1},"description":{"type":"string"}}})",
            .data = R"({"type":"object","required":["agent","apiKey"],"properties":{
              "agent":)" + ref("Agent") + R"(,"apiKey":{"type":"string","pattern":"^ahq_"}}})",
            .status = 201});
}

}  // namespace agenthq::hub
