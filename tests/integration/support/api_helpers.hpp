#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace agenthq::test {

// An organisation created through POST /auth/register, with its owner's tokens.
struct TestOrg {
  std::string id;
  std::string slug;
  std::string owner_id;
  std::string owner_email;
  std::string password;
  std::string access_token;
  std::string refresh_token;
};

// A person who joined an org through a user invite (POST /invites/user, then redeem-user).
struct TestUser {
  std::string id;
  std::string email;
  std::string access_token;
};

struct TestAgent {
  std::string id;
  std::string api_key;
};

TestOrg register_org(const HttpClient& client, const std::string& label = "");
TestAgent register_agent(const HttpClient& client, const std::string& user_token, const std::string& name);
// Invites a person with this role (member, admin, viewer) by the owner and redeems the invite.
TestUser join_org(const HttpClient& client, const TestOrg& org, const std::string& role);
// Signs an HS256 token with the test hubs' secret: claims as given, exp seconds from now.
// The "id" of an object; the ids of an array of objects, in order.
std::string id_of(const boost::json::value& v);
std::vector<std::string> ids(const boost::json::value& list);
std::string forge_jwt(const boost::json::object& claims, long exp_in_seconds, const std::string& alg = "HS256",
                      const std::string& secret = "");

}  // namespace agenthq::test
