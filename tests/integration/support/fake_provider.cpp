#include "support/fake_provider.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/url.hpp>
#include <chrono>
#include <regex>

#include "util/encoding.hpp"

namespace agenthq::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;

struct FakeProvider::Impl {
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
};

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string header(const RecordedRequest& r, const std::string& name) {
  auto it = r.headers.find(name);
  return it == r.headers.end() ? "" : it->second;
}

long number(const RecordedRequest& r, const std::string& name, long fallback) {
  auto it = r.query.find(name);
  if (it == r.query.end()) return fallback;
  try {
    return std::stol(it->second);
  } catch (...) {
    return fallback;
  }
}

std::string bearer(const RecordedRequest& r) {
  const std::string h = header(r, "authorization");
  return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : "";
}

// "Basic base64(user:password)" -> "user:password".
std::string basic(const RecordedRequest& r) {
  const std::string h = header(r, "authorization");
  if (h.rfind("Basic ", 0) != 0) return "";
  return util::base64_decode(h.substr(6)).value_or("");
}

std::map<std::string, std::string> form(const std::string& body) {
  std::map<std::string, std::string> out;
  auto parsed = boost::urls::parse_query(body);
  if (!parsed) return out;
  for (auto p : *parsed) {
    // Form bodies encode spaces as '+'; the test values have none.
    std::string key, value;
    p.key.decode({}, boost::urls::string_token::assign_to(key));
    p.value.decode({}, boost::urls::string_token::assign_to(value));
    out[key] = value;
  }
  return out;
}

std::string id_text(const json::value& v) {
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_string()) return std::string(v.as_string());
  return "";
}

const json::object* find_by_id(const json::array& items, const std::string& id, const char* key = "id") {
  for (const auto& e : items)
    if (e.is_object() && e.as_object().contains(key) && id_text(e.as_object().at(key)) == id) return &e.as_object();
  return nullptr;
}

json::array slice(const json::array& items, long offset, long count) {
  json::array out;
  for (long i = std::max(0L, offset); i < static_cast<long>(items.size()) && i < offset + count; ++i)
    out.push_back(items[static_cast<std::size_t>(i)]);
  return out;
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    auto j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) parts.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

}  // namespace

FakeProvider::FakeProvider() : impl_(std::make_unique<Impl>()) {
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  acceptor_thread_ = std::thread([this] { accept_loop(); });
}

FakeProvider::~FakeProvider() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  hang_cv_.notify_all();
  // Wake the blocking accept with a connection of our own.
  try {
    asio::io_context ioc;
    tcp::socket s(ioc);
    s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  } catch (...) {
  }
  acceptor_thread_.join();
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(threads_);
  }
  for (auto& t : threads) t.join();
}

std::string FakeProvider::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::map<std::string, std::string> FakeProvider::hub_env() const {
  std::lock_guard lock(mutex_);
  return {{"AGENTHQ_FUB_BASE_URL", url("/fub/v1/")},
          {"AGENTHQ_DOTLOOP_BASE_URL", url("/dotloop/v2/")},
          {"AGENTHQ_DOTLOOP_AUTH_URL", url("/dotloop-auth/oauth/token")},
          {"AGENTHQ_QUICKBOOKS_BASE_URL", url("/qbo/v3/company/")},
          {"AGENTHQ_QUICKBOOKS_AUTH_URL", url("/qbo-auth/oauth2/v1/tokens/bearer")},
          {"DOTLOOP_CLIENT_ID", state_.dotloop_client_id},
          {"DOTLOOP_CLIENT_SECRET", state_.dotloop_client_secret},
          {"QUICKBOOKS_CLIENT_ID", state_.qbo_client_id},
          {"QUICKBOOKS_CLIENT_SECRET", state_.qbo_client_secret}};
}

void FakeProvider::edit(const std::function<void(FakeState&)>& change) {
  std::lock_guard lock(mutex_);
  change(state_);
}

void FakeProvider::fail(FailureRule rule) {
  std::lock_guard lock(mutex_);
  failures_.push_back(std::move(rule));
}

void FakeProvider::clear_failures() {
  std::lock_guard lock(mutex_);
  failures_.clear();
}

void FakeProvider::release_hangs() {
  {
    std::lock_guard lock(mutex_);
    ++hang_generation_;
  }
  hang_cv_.notify_all();
}

std::vector<RecordedRequest> FakeProvider::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<RecordedRequest> FakeProvider::requests_to(const std::string& prefix) const {
  std::lock_guard lock(mutex_);
  std::vector<RecordedRequest> out;
  for (const auto& r : requests_)
    if (r.path.rfind(prefix, 0) == 0) out.push_back(r);
  return out;
}

void FakeProvider::clear_requests() {
  std::lock_guard lock(mutex_);
  requests_.clear();
}

void FakeProvider::accept_loop() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket(impl_->ioc);
    impl_->acceptor.accept(socket, ec);
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (ec) continue;
    const int fd = socket.release();
    open_fds_.insert(fd);
    threads_.emplace_back([this, fd] { serve(fd); });
  }
}

void FakeProvider::serve(int fd) {
  asio::io_context ioc;
  tcp::socket socket(ioc, tcp::v4(), fd);
  beast::flat_buffer buffer;
  for (;;) {
    boost::system::error_code ec;
    bhttp::request<bhttp::string_body> req;
    bhttp::read(socket, buffer, req, ec);
    if (ec) break;

    RecordedRequest r;
    r.method = std::string(req.method_string());
    auto target = boost::urls::parse_origin_form(req.target());
    if (target) {
      r.path = target->path();
      r.raw_query = std::string(target->encoded_query());
      for (auto p : target->params()) r.query[p.key] = p.value;
    }
    for (const auto& f : req) r.headers[lower(std::string(f.name_string()))] = std::string(f.value());
    r.body = req.body();

    Reply reply = handle(r);
    if (reply.hang) {
      std::unique_lock lock(mutex_);
      const long generation = hang_generation_;
      hang_cv_.wait_for(lock, std::chrono::seconds(60),
                        [&] { return stopping_ || hang_generation_ != generation; });
      break;  // close without an answer
    }
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(reply.status), req.version()};
    res.set(bhttp::field::content_type, "application/json");
    for (const auto& [k, v] : reply.headers) res.set(k, v);
    res.keep_alive(req.keep_alive());
    res.body() = reply.body;
    res.prepare_payload();
    bhttp::write(socket, res, ec);
    if (ec || !req.keep_alive()) break;
  }
  std::lock_guard lock(mutex_);
  open_fds_.erase(fd);
  boost::system::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
}

FakeProvider::Reply FakeProvider::handle(const RecordedRequest& r) {
  std::lock_guard lock(mutex_);
  requests_.push_back(r);
  for (auto& rule : failures_) {
    if (rule.times == 0 || r.path.rfind(rule.path_prefix, 0) != 0) continue;
    if (!rule.query_contains.empty() && r.raw_query.find(rule.query_contains) == std::string::npos) continue;
    if (rule.times > 0) --rule.times;
    Reply reply;
    reply.hang = rule.hang;
    reply.status = rule.status;
    reply.body = rule.body;
    if (rule.retry_after) reply.headers["Retry-After"] = std::to_string(*rule.retry_after);
    return reply;
  }
  auto after = [&r](const std::string& prefix) { return r.path.substr(prefix.size()); };
  if (r.path.rfind("/fub/v1/", 0) == 0) return fub(r, after("/fub/v1/"));
  if (r.path.rfind("/dotloop/v2/", 0) == 0) return dotloop(r, after("/dotloop/v2/"));
  if (r.path == "/dotloop-auth/oauth/token") return dotloop_token(r);
  if (r.path.rfind("/qbo/v3/company/", 0) == 0) return qbo(r, after("/qbo/v3/company/"));
  if (r.path == "/qbo-auth/oauth2/v1/tokens/bearer") return qbo_token(r);
  return {404, R"({"error":"no such path"})", {}, false};
}

// Follow Up Boss: 401 {"errorMessage"} for a bad key; lists {"_metadata":{collection,offset,limit,total},<name>:[...]}.
FakeProvider::Reply FakeProvider::fub(const RecordedRequest& r, const std::string& rest) {
  std::string credentials = basic(r);
  if (credentials.empty() || credentials.back() != ':' ||
      !state_.fub_keys.contains(credentials.substr(0, credentials.size() - 1)))
    return {401, R"({"errorMessage":"Invalid API key."})", {}, false};
  const auto parts = split(rest);
  if (parts.empty()) return {404, R"({"errorMessage":"Not found"})", {}, false};
  const std::string& name = parts[0];
  json::array* items = name == "people"   ? &state_.fub_people
                       : name == "deals"  ? &state_.fub_deals
                       : name == "events" ? &state_.fub_events
                       : name == "users"  ? &state_.fub_users
                                          : nullptr;
  if (!items) return {404, R"({"errorMessage":"Not found"})", {}, false};
  if (r.method == "POST" && name == "events" && parts.size() == 1) {
    boost::system::error_code ec;
    json::value body = json::parse(r.body, ec);
    if (ec || !body.is_object()) return {400, R"({"errorMessage":"Invalid JSON"})", {}, false};
    json::object created = body.as_object();
    created["id"] = static_cast<std::int64_t>(items->size() + 1000);
    items->push_back(created);
    return {201, json::serialize(created), {}, false};
  }
  if (r.method != "GET") return {405, R"({"errorMessage":"Method not allowed"})", {}, false};
  if (parts.size() == 2) {
    const json::object* found = find_by_id(*items, parts[1]);
    if (!found) return {404, R"({"errorMessage":"Not found"})", {}, false};
    return {200, json::serialize(*found), {}, false};
  }
  const long limit = std::clamp(number(r, "limit", 10), 1L, 100L);
  const long offset = std::max(0L, number(r, "offset", 0));
  json::object out;
  out["_metadata"] = {{"collection", name},
                      {"offset", offset},
                      {"limit", limit},
                      {"total", static_cast<std::int64_t>(items->size())}};
  out[name] = slice(*items, offset, limit);
  return {200, json::serialize(out), {}, false};
}

// Dotloop v2: 401 {"error":"invalid_token"}; lists {"meta":{"total"},"data":[...]}, single objects {"data":{...}}.
FakeProvider::Reply FakeProvider::dotloop(const RecordedRequest& r, const std::string& rest) {
  if (!state_.dotloop_tokens.contains(bearer(r)))
    return {401, R"({"error":"invalid_token","error_description":"Invalid access token"})", {}, false};
  const auto p = split(rest);
  auto wrap = [](json::value data) {
    json::object o;
    o["data"] = std::move(data);
    return json::serialize(o);
  };
  const Reply not_found{404, R"({"error":"not_found"})", {}, false};
  if (p.size() == 1 && p[0] == "profile") return {200, wrap(state_.dotloop_profiles), {}, false};
  if (p.size() < 3 || p[0] != "profile" || p[2] != "loop") return not_found;
  if (!find_by_id(state_.dotloop_profiles, p[1])) return not_found;
  const json::array& loops = state_.dotloop_loops[p[1]];
  if (p.size() == 3) {
    const long size = std::clamp(number(r, "batchSize", 20), 1L, 100L);
    const long batch = std::max(1L, number(r, "batchNumber", 1));
    json::object out;
    out["meta"] = {{"total", static_cast<std::int64_t>(loops.size())}};
    out["data"] = slice(loops, (batch - 1) * size, size);
    return {200, json::serialize(out), {}, false};
  }
  const json::object* loop = find_by_id(loops, p[3]);
  if (!loop) return not_found;
  if (p.size() == 4) return {200, wrap(*loop), {}, false};
  if (p.size() == 5 && p[4] == "detail") return {200, wrap(state_.dotloop_details[p[3]]), {}, false};
  if (p.size() == 5 && p[4] == "participant") return {200, wrap(state_.dotloop_participants[p[3]]), {}, false};
  return not_found;
}

FakeProvider::Reply FakeProvider::dotloop_token(const RecordedRequest& r) {
  auto f = form(r.body);
  if (r.method != "POST" || f["grant_type"] != "refresh_token" || f["client_id"] != state_.dotloop_client_id ||
      f["client_secret"] != state_.dotloop_client_secret || !state_.dotloop_grants.contains(f["refresh_token"]))
    return {400, R"({"error":"invalid_grant"})", {}, false};
  const OAuthGrant g = state_.dotloop_grants[f["refresh_token"]];
  state_.dotloop_tokens.insert(g.access_token);
  json::object out{{"access_token", g.access_token},
                   {"refresh_token", g.refresh_token},
                   {"expires_in", g.expires_in},
                   {"token_type", "Bearer"}};
  return {200, json::serialize(out), {}, false};
}

// QuickBooks v3: Fault bodies, {"QueryResponse":{<Entity>:[...],startPosition,maxResults},"time"}.
FakeProvider::Reply FakeProvider::qbo(const RecordedRequest& r, const std::string& rest) {
  auto fault = [](int status, const std::string& message, const std::string& code) {
    json::object o;
    o["Fault"] = {{"Error", json::array{json::object{{"Message", message}, {"Detail", message}, {"code", code}}}},
                  {"type", status == 401 ? "AUTHENTICATION" : "ValidationFault"}};
    o["time"] = "2026-01-01T00:00:00.000-08:00";
    return Reply{status, json::serialize(o), {}, false};
  };
  const auto p = split(rest);
  if (!state_.qbo_tokens.contains(bearer(r)))
    return fault(401, "message=AuthenticationFailed; errorCode=003200; statusCode=401", "3200");
  if (p.size() < 2 || p[0] != state_.qbo_realm) return fault(403, "ApplicationAuthorizationFailed", "003100");
  auto with_time = [](json::object o) {
    o["time"] = "2026-01-01T00:00:00.000-08:00";
    return json::serialize(o);
  };
  if (p.size() == 3 && p[1] == "companyinfo" && p[2] == state_.qbo_realm) {
    json::object o;
    o["CompanyInfo"] = state_.qbo_company;
    return {200, with_time(o), {}, false};
  }
  if (p.size() == 2 && p[1] == "query") {
    static const std::regex select(R"(select \* from (\w+) startposition (\d+) maxresults (\d+))", std::regex::icase);
    std::smatch m;
    const std::string text = r.query.contains("query") ? r.query.at("query") : "";
    if (!std::regex_match(text, m, select)) return fault(400, "QueryParserError", "4000");
    const std::string entity = m[1];
    const long start = std::stol(m[2]);
    const long max = std::min(std::stol(m[3]), 1000L);
    json::array page = slice(state_.qbo_entities[entity], start - 1, max);
    json::object qr;
    if (!page.empty()) {  // QuickBooks leaves the entity and counts out of an empty result
      qr["startPosition"] = start;
      qr["maxResults"] = static_cast<std::int64_t>(page.size());
      qr[entity] = std::move(page);
    }
    json::object o;
    o["QueryResponse"] = std::move(qr);
    return {200, with_time(o), {}, false};
  }
  if (p.size() == 3) {
    for (auto& [entity, items] : state_.qbo_entities)
      if (lower(entity) == p[1]) {
        const json::object* found = find_by_id(items, p[2], "Id");
        if (!found) break;
        json::object o;
        o[entity] = *found;
        return {200, with_time(o), {}, false};
      }
    return fault(400, "Object Not Found", "610");
  }
  return fault(400, "Unsupported Operation", "500");
}

FakeProvider::Reply FakeProvider::qbo_token(const RecordedRequest& r) {
  auto f = form(r.body);
  if (r.method != "POST" || basic(r) != state_.qbo_client_id + ":" + state_.qbo_client_secret ||
      f["grant_type"] != "refresh_token" || !state_.qbo_grants.contains(f["refresh_token"]))
    return {400, R"({"error":"invalid_grant"})", {}, false};
  const OAuthGrant g = state_.qbo_grants[f["refresh_token"]];
  state_.qbo_tokens.insert(g.access_token);
  json::object out{{"access_token", g.access_token},
                   {"refresh_token", g.refresh_token},
                   {"expires_in", g.expires_in},
                   {"x_refresh_token_expires_in", 8726400},
                   {"token_type", "bearer"}};
  return {200, json::serialize(out), {}, false};
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace agenthq::test
