#include "hub/demo/demo_seed.hpp"

#include <boost/json.hpp>

#include "auth/api_key.hpp"
#include "auth/offload.hpp"
#include "auth/password.hpp"
#include "hub/accounts/account_store.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
struct DemoUser {
  const char* email;
  const char* password;
  const char* name;
  const char* role;
};
constexpr DemoUser kUsers[] = {
    {"owner@demo.agenthq.dev", "demo-owner-pass", "Olivia Owner", "owner"},
    {"admin@demo.agenthq.dev", "demo-admin-pass", "Adam Admin", "admin"},
    {"member@demo.agenthq.dev", "demo-member-pass", "Mia Member", "member"},
};
struct DemoAgent {
  const char* name;
  const char* description;
};
constexpr DemoAgent kAgents[] = {
    {"listing-scout", "Watches new listings and flags the ones that match our buyers"},
    {"market-analyst", "Tracks prices, days on market and inventory by neighbourhood"},
    {"deal-coordinator", "Keeps every transaction's key dates and paperwork on schedule"},
};
std::string hash_secret(const std::string& secret, int cost) { return auth::hash_password(secret, cost); }
}  // namespace

asio::awaitable<std::optional<json::object>> seed_demo(Services& s) {
  AccountStore store(s.db, s.settings.presence_timeout);
  const int cost = s.settings.bcrypt_cost;
  auto hash = [&](std::string secret) {
    return auth::offload(s.workers, &hash_secret, std::move(secret), cost);
  };

  std::string owner_hash = co_await hash(kUsers[0].password);
  NewOrganisation org{"Demo Realty", "demo", kUsers[0].email, owner_hash, kUsers[0].name};
  auto registered = co_await store.register_organisation(org);
  if (registered.conflict != RegisterConflict::none) co_return std::nullopt;
  const std::string org_id(registered.org.at("id").as_string());
  const std::string owner_id(registered.user.at("id").as_string());

  json::array users;
  for (const auto& u : kUsers) {
    if (std::string_view(u.role) != "owner")
    {
      std::string user_hash = co_await hash(u.password);
      co_await store.add_user(org_id, u.email, user_hash, u.name, u.role);
    }
    users.push_back({{"email", u.email}, {"password", u.password}, {"role", u.role}});
  }
  json::array agents;
  for (const auto& a : kAgents) {
    const std::string key = auth::generate_api_key();
    std::string key_hash = co_await hash(key);
    NewAgent agent{org_id, a.name, std::string(a.description), key_hash, auth::api_key_lookup_prefix(key), owner_id};
    AuditEntry audit{org_id, owner_id, "user", "agent.registered", "agent", "", {}, ""};
    auto row = co_await store.create_agent(agent, audit);
    agents.push_back({{"id", row.at("id")}, {"name", a.name}, {"apiKey", key}});
  }
  co_return json::object{{"org", registered.org}, {"users", users}, {"agents", agents}};
}

}  // namespace agenthq::hub
