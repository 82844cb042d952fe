#pragma once
// Local stand-ins for Follow Up Boss, Dotloop and QuickBooks Online: one small HTTP server (its
// own threads, 127.0.0.1, port 0) that answers like the real APIs — their auth checks, paging,
// list wrappers and error bodies — plus failures a test asks for. The hub is pointed at it with
// hub_env() (the AGENTHQ_*_URL variables).
//
//   /fub/v1/...                         Follow Up Boss v1 (Basic auth: API key, empty password)
//   /dotloop/v2/...                     Dotloop public v2 (Bearer), lists as {"meta":{total},"data":[...]}
//   /dotloop-auth/oauth/token           Dotloop token refresh (form: grant_type, refresh_token, client_id, client_secret)
//   /qbo/v3/company/{realm}/...         QuickBooks Online v3 (Bearer), query with startposition/maxresults
//   /qbo-auth/oauth2/v1/tokens/bearer   QuickBooks token refresh (Basic client_id:client_secret, form)
#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace agenthq::test {

struct RecordedRequest {
  std::string method;
  std::string path;                            // decoded
  std::string raw_query;                       // as sent
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// A failure to inject: requests whose path starts with path_prefix and whose raw query contains
// query_contains get `status` with `body` (or no answer at all when hang), `times` times (-1: always).
struct FailureRule {
  std::string path_prefix;
  std::string query_contains;
  int status = 500;
  std::string body = R"({"errorMessage":"Injected failure"})";
  std::optional<int> retry_after;
  bool hang = false;
  int times = -1;
};

// A refresh token the fake's token endpoint accepts, and what it hands out for it.
struct OAuthGrant {
  std::string access_token;
  std::string refresh_token;
  int expires_in = 3600;
};

struct FakeState {
  // Follow Up Boss
  std::set<std::string> fub_keys;
  boost::json::array fub_people, fub_deals, fub_events, fub_users;
  // Dotloop
  std::set<std::string> dotloop_tokens;
  boost::json::array dotloop_profiles;
  std::map<std::string, boost::json::array> dotloop_loops;         // profile id -> loops
  std::map<std::string, boost::json::object> dotloop_details;      // loop id -> detail "data"
  std::map<std::string, boost::json::array> dotloop_participants;  // loop id -> participants
  std::string dotloop_client_id = "dotloop-client", dotloop_client_secret = "dotloop-client-secret";
  std::map<std::string, OAuthGrant> dotloop_grants;  // refresh token -> grant
  // QuickBooks
  std::string qbo_realm = "9130350000000001";
  std::set<std::string> qbo_tokens;
  std::map<std::string, boost::json::array> qbo_entities;  // "Invoice" -> entities (each with "Id")
  boost::json::object qbo_company = {{"CompanyName", "Fake Realty LLC"}};
  std::string qbo_client_id = "qbo-client", qbo_client_secret = "qbo-client-secret";
  std::map<std::string, OAuthGrant> qbo_grants;
};

class FakeProvider {
 public:
  FakeProvider();
  ~FakeProvider();
  FakeProvider(const FakeProvider&) = delete;
  FakeProvider& operator=(const FakeProvider&) = delete;

  unsigned short port() const { return port_; }
  std::string url(const std::string& path) const;
  // AGENTHQ_{FUB,DOTLOOP,QUICKBOOKS}_*_URL and the OAuth client credentials the fake expects.
  std::map<std::string, std::string> hub_env() const;

  // Changes the providers' data under the lock.
  void edit(const std::function<void(FakeState&)>& change);

  void fail(FailureRule rule);
  void clear_failures();
  // Lets hanging requests go (they are closed without an answer).
  void release_hangs();

  std::vector<RecordedRequest> requests() const;
  std::vector<RecordedRequest> requests_to(const std::string& path_prefix) const;
  void clear_requests();

 private:
  struct Reply {
    int status = 200;
    std::string body;
    std::map<std::string, std::string> headers;
    bool hang = false;
  };
  void accept_loop();
  void serve(int fd);
  Reply handle(const RecordedRequest& r);
  Reply fub(const RecordedRequest& r, const std::string& rest);
  Reply dotloop(const RecordedRequest& r, const std::string& rest);
  Reply dotloop_token(const RecordedRequest& r);
  Reply qbo(const RecordedRequest& r, const std::string& rest);
  Reply qbo_token(const RecordedRequest& r);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable hang_cv_;
  bool stopping_ = false;
  long hang_generation_ = 0;
  FakeState state_;
  std::vector<FailureRule> failures_;
  std::vector<RecordedRequest> requests_;
  std::vector<std::thread> threads_;
  std::set<int> open_fds_;
  std::thread acceptor_thread_;
};

// For the integration suites: the 32 raw bytes every test hub's ENCRYPTION_KEY ('a' x 64) decodes to.
inline const std::string kTestEncryptionKey(32, '\xaa');

// Polls `done` every 20 ms until it returns true (true) or the time is up (false): for effects the
// hub produces off the request path, such as the connection check after a connect.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout = std::chrono::seconds(15));

}  // namespace agenthq::test
