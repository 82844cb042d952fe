#include "hub/route_docs.hpp"

namespace agenthq::hub {
using boost::beast::http::verb;
using http::array_of;
using http::ref;

void document_invite_routes(http::ApiDocs& docs) {
  const std::string invite_and_token = R"({"type":"object","required":["invite","token"],"properties":{
    "invite":)" + ref("Invite") + R"(,"token":{"type":"string","description":"Shown once"}}})";
  docs.add(verb::post, "/api/v1/invites/agent",
           {.tag = "invites",
            .summary = "Invite an agent: a one-time token it redeems for an API key (owners and admins)",
            .data = invite_and_token,
            .status = 201});
  docs.add(verb::post, "/api/v1/invites/user",
           {.tag = "invites",
            .summary = "Invite a person by email (owners and admins)",
            .body = R"({"type":"object","required":["email"],"properties":{"email":{"type":"string","format":"email"},
              "role":{"type":"string","enum":["viewer","member","admin"],"default":"member"}}})",
            .data = invite_and_token,
            .status = 201});
  docs.add(verb::get, "/api/v1/invites",
           {.tag = "invites",
            .summary = "The org's invites, newest first (owners and admins)",
            .query = http::paging({{"type", R"({"type":"string","enum":["agent","user"]})"}}),
            .data = array_of("Invite"),
            .paginated = true});
  docs.add(verb::post, "/api/v1/invites/:id/revoke",
           {.tag = "invites", .summary = "Revoke a pending invite (owners and admins)", .data = ref("Invite")});
  docs.add(verb::get, "/api/v1/auth/invites/:token",
           {.tag = "invites",
            .summary = "What an invite token is for, before redeeming it",
            .data = R"({"type":"object","properties":{"orgName":{"type":"string"},"inviteType":{"type":"string"},
              "email":{"type":["string","null"]},"role":{"type":["string","null"]},
              "expiresAt":{"type":"string","format":"date-time"}}})"});
  docs.add(verb::post, "/api/v1/auth/invites/redeem",
           {.tag = "invites",
            .summary = "Redeem an agent invite: registers the agent and returns its API key once",
            .body = R"({"type":"object","required":["token","agentName"],"properties":{
              "token":{"type":"string"},"agentName":{"type":"string","minLength":1,"maxLength":100}}})",
            .data = R"({"type":"object","properties":{"agent":)" + ref("Agent") +
                    R"(,"apiKey":{"type":"string"},"orgId":{"type":"string"}}})",
            .status = 201});
  docs.add(verb::post, "/api/v1/auth/invites/redeem-user",
           {.tag = "invites",
            .summary = "Redeem a user invite: creates the account and logs it in",
            .body = R"({"type":"object","required":["token","name","password"],"properties":{
              "token":{"type":"string"},"name":{"type":"string","minLength":1,"maxLength":100},
              "password":{"type":"string","minLength":8}}})",
            .data = R"({"type":"object","properties":{"user":)" + ref("User") +
                    R"(,"accessToken":{"type":"string"},"refreshToken":{"type":"string"}}})",
            .status = 201});
}

}  // namespace agenthq::hub
