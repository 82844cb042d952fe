// Issue 8, "API-key guessing costs nothing": every agent's 12-character api_key_prefix is visible
// to its org, so anyone can send it with made-up secrets. Such guesses are refused with 429 once
// the client's (5) or the prefix's (20 per minute, all clients) budget of failed checks is spent,
// before any bcrypt; each 401 for a real prefix is one bcrypt, so counting 401s counts bcrypts.
// The real key keeps working, and logins complete while a flood is going on.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "support/api_helpers.hpp"
#include "support/hub_process.hpp"

namespace agenthq::test {
namespace {
namespace json = boost::json;

constexpr int kPerClient = 5, kPerPrefix = 20;  // KeyGuessThrottle's defaults

// The agent's real prefix with a made-up, well-formed secret (47 characters in all).
std::string guess(const std::string& real_key) { return real_key.substr(0, 12) + random_suffix(35); }

class ApiKeyGuessing : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { hub_ = new HubProcess(); }
  static void TearDownTestSuite() {
    delete hub_;
    hub_ = nullptr;
  }
  HttpClient from(const std::string& source_ip) const { return hub_->client().from(source_ip); }
  static HubProcess* hub_;
};
HubProcess* ApiKeyGuessing::hub_ = nullptr;

TEST_F(ApiKeyGuessing, OneClientGetsFiveTriesThen429WhileTheRealKeyWorks) {
  auto org = register_org(hub_->client(), "guess-one");
  auto agent = register_agent(hub_->client(), org.access_token, "target");
  auto attacker = from("127.0.0.2");
  ASSERT_EQ(attacker.get("/api/v1/org", agent.api_key).status, 200);  // the agent at work

  int unauthorized = 0, limited = 0;
  for (int i = 0; i < 15; ++i) {
    auto r = attacker.get("/api/v1/org", guess(agent.api_key));
    if (r.status == 401) {
      EXPECT_EQ(r.error_code(), "INVALID_API_KEY");
      ++unauthorized;
    } else {
      ASSERT_EQ(r.status, 429) << r.body;
      EXPECT_EQ(r.error_code(), "RATE_LIMITED");
      const int retry = std::stoi(r.header("retry-after"));
      EXPECT_GT(retry, 0);
      EXPECT_LE(retry, 60);
      ++limited;
    }
  }
  EXPECT_EQ(unauthorized, kPerClient);  // five bcrypts, no more
  EXPECT_EQ(limited, 15 - kPerClient);
  // The real key is unaffected, from the attacker's address too.
  EXPECT_EQ(attacker.get("/api/v1/org", agent.api_key).status, 200);
  EXPECT_EQ(from("127.0.0.3").get("/api/v1/org", agent.api_key).status, 200);
  // A throttled client is refused for any key not verified before, before any database work.
  EXPECT_EQ(attacker.get("/api/v1/org", "ahq_" + random_suffix(43)).status, 429);
  // Keys no agent has cost no bcrypt and do not count: another client gets ten 401s for those and
  // still has its five tries at the real prefix.
  auto other = from("127.0.0.4");
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(other.get("/api/v1/org", "ahq_" + random_suffix(43)).error_code(), "INVALID_API_KEY") << i;
  for (int i = 0; i < kPerClient; ++i)
    EXPECT_EQ(other.get("/api/v1/org", guess(agent.api_key)).error_code(), "INVALID_API_KEY") << i;
  EXPECT_EQ(other.get("/api/v1/org", guess(agent.api_key)).status, 429);
}

TEST_F(ApiKeyGuessing, ManyClientsShareThePrefixBudget) {
  auto org = register_org(hub_->client(), "guess-many");
  auto agent = register_agent(hub_->client(), org.access_token, "target");
  ASSERT_EQ(hub_->client().get("/api/v1/org", agent.api_key).status, 200);
  int unauthorized = 0, limited = 0;
  for (int c = 0; c < 6; ++c) {  // 6 clients x 5 tries = 30 guesses at one prefix
    auto client = from("127.0.1." + std::to_string(c + 1));
    for (int i = 0; i < kPerClient; ++i) {
      auto r = client.get("/api/v1/org", guess(agent.api_key));
      (r.status == 401 ? unauthorized : limited) += 1;
      if (r.status != 401) EXPECT_EQ(r.error_code(), "RATE_LIMITED") << r.body;
    }
  }
  EXPECT_EQ(unauthorized, kPerPrefix);
  EXPECT_EQ(limited, 30 - kPerPrefix);
  EXPECT_EQ(from("127.0.1.99").get("/api/v1/org", guess(agent.api_key)).status, 429);
  EXPECT_EQ(from("127.0.1.99").get("/api/v1/org", agent.api_key).status, 200);
}

TEST_F(ApiKeyGuessing, LoginsCompleteDuringAFlood) {
  auto org = register_org(hub_->client(), "guess-flood");
  auto agent = register_agent(hub_->client(), org.access_token, "target");
  ASSERT_EQ(hub_->client().get("/api/v1/org", agent.api_key).status, 200);
  std::atomic<bool> stop{false};
  std::atomic<int> sent{0}, unauthorized{0}, limited{0}, other{0};
  std::vector<std::thread> flood;
  for (int t = 0; t < 8; ++t)
    flood.emplace_back([&, t] {
      auto client = from("127.0.2." + std::to_string(t + 1));
      while (!stop) {
        auto r = client.get("/api/v1/org", guess(agent.api_key));
        ++sent;
        (r.status == 401 ? unauthorized : r.status == 429 ? limited : other) += 1;
      }
    });
  while (sent < 200) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // Logins (a bcrypt each, on the login pool) go through while the flood is running.
  for (int i = 0; i < 3; ++i) {
    auto login = hub_->client().post("/api/v1/auth/login", {{"email", org.owner_email}, {"password", org.password}});
    EXPECT_EQ(login.status, 200) << login.body;
  }
  const int during = sent;
  stop = true;
  for (auto& t : flood) t.join();
  EXPECT_GE(during, 200);
  EXPECT_EQ(other.load(), 0);
  // 8 clients x 5 would be 40; the prefix's 20 is the cap: at most 20 bcrypts for the whole flood.
  EXPECT_LE(unauthorized.load(), kPerPrefix);
  EXPECT_GE(limited.load(), sent.load() - kPerPrefix);
  EXPECT_EQ(hub_->client().get("/api/v1/org", agent.api_key).status, 200);
}

}  // namespace
}  // namespace agenthq::test
