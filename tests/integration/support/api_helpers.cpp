#include "support/api_helpers.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "auth/jwt.hpp"
#include "support/hub_process.hpp"
#include "support/pg_fixture.hpp"
#include "util/crypto.hpp"
#include "util/encoding.hpp"

#include <openssl/hmac.h>

namespace agenthq::test {
namespace json = boost::json;

TestOrg register_org(const HttpClient& client, const std::string& label) {
  TestOrg org;
  org.slug = "org-" + (label.empty() ? "" : label + "-") + random_suffix(8);
  org.owner_email = "owner-" + random_suffix(8) + "@example.com";
  org.password = "correct-horse-battery";
  auto r = client.post("/api/v1/auth/register", {{"orgName", "Org " + org.slug},
                                                 {"orgSlug", org.slug},
                                                 {"email", org.owner_email},
                                                 {"password", org.password},
                                                 {"name", "Owner"}});
  if (r.status != 201) throw std::runtime_error("register failed: " + r.body);
  org.id = std::string(r.data().at("org").at("id").as_string());
  org.owner_id = std::string(r.data().at("user").at("id").as_string());
  org.access_token = std::string(r.data().at("accessToken").as_string());
  org.refresh_token = std::string(r.data().at("refreshToken").as_string());
  return org;
}

TestAgent register_agent(const HttpClient& client, const std::string& user_token, const std::string& name) {
  auto r = client.post("/api/v1/auth/agents/register", {{"name", name}}, user_token);
  if (r.status != 201) throw std::runtime_error("agent register failed: " + r.body);
  return {std::string(r.data().at("agent").at("id").as_string()), std::string(r.data().at("apiKey").as_string())};
}

TestUser join_org(const HttpClient& client, const TestOrg& org, const std::string& role) {
  TestUser user;
  user.email = role + "-" + random_suffix(8) + "@" + org.slug + ".test";
  auto invite = client.post("/api/v1/invites/user", {{"email", user.email}, {"role", role}}, org.access_token);
  if (invite.status != 201) throw std::runtime_error("user invite failed: " + invite.body);
  auto joined = client.post("/api/v1/auth/invites/redeem-user",
                            {{"token", invite.data().at("token")}, {"name", role}, {"password", "joined-pass-1"}});
  if (joined.status != 201) throw std::runtime_error("invite redeem failed: " + joined.body);
  user.id = std::string(joined.data().at("user").at("id").as_string());
  user.access_token = std::string(joined.data().at("accessToken").as_string());
  return user;
}

std::string forge_jwt(const json::object& claims, long exp_in_seconds, const std::string& alg,
                      const std::string& secret) {
  json::object body = claims;
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  body["iat"] = now;
  body["exp"] = now + exp_in_seconds;
  std::string header = util::base64url_encode(json::serialize(json::object{{"alg", alg}, {"typ", "JWT"}}));
  std::string payload = util::base64url_encode(json::serialize(body));
  std::string signing_input = header + "." + payload;
  if (alg == "none") return signing_input + ".";
  const std::string key = secret.empty() ? kTestJwtSecret : secret;
  const EVP_MD* md = alg == "HS512" ? EVP_sha512() : alg == "HS384" ? EVP_sha384() : EVP_sha256();
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(signing_input.data()),
       signing_input.size(), mac, &len);
  return signing_input + "." + util::base64url_encode(std::string(reinterpret_cast<char*>(mac), len));
}

std::string id_of(const boost::json::value& v) { return std::string(v.at("id").as_string()); }

std::vector<std::string> ids(const boost::json::value& list) {
  std::vector<std::string> out;
  for (const auto& item : list.as_array()) out.push_back(id_of(item));
  return out;
}

}  // namespace agenthq::test
