#include "verticals/real_estate/integrations/quickbooks_client.hpp"

#include <boost/json.hpp>

#include "util/crypto.hpp"
#include "util/encoding.hpp"
#include "verticals/real_estate/integrations/provider_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

// A random (version 4) UUID for the Request-Id header Intuit uses to de-duplicate requests.
std::string request_id() {
  std::string b = util::random_bytes(16);
  b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
  const std::string h = util::hex_encode(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

// QuickBooks reports some failures inside a 2xx body: {"Fault":{"Error":[{"Message","Detail"}]}}.
void throw_on_fault(const json::value& body, const Target& target) {
  const auto* o = body.if_object();
  const auto* fault = o ? o->if_contains("Fault") : nullptr;
  if (!fault) return;
  std::string message = "QuickBooks reported a fault";
  if (const auto* errors = fault->is_object() ? fault->as_object().if_contains("Error") : nullptr;
      errors && errors->is_array() && !errors->as_array().empty() && errors->as_array()[0].is_object()) {
    const auto& first = errors->as_array()[0].as_object();
    for (const char* key : {"Message", "Detail"})
      if (const auto* v = first.if_contains(key); v && v->is_string()) message += std::string(": ") + v->as_string().c_str();
  }
  throw upstream_bad_reply(target.provider, redact(message, target.secrets).substr(0, 300));
}

}  // namespace

std::optional<std::string> quickbooks_entity(const std::string& route_name) {
  if (route_name == "accounts") return "Account";
  if (route_name == "invoices") return "Invoice";
  if (route_name == "payments") return "Payment";
  if (route_name == "bills") return "Bill";
  return std::nullopt;
}

asio::awaitable<json::value> QuickBooksClient::get(const std::string& path, const Query& query) {
  Query all = query;
  all.emplace_back("minorversion", "75");
  all.emplace_back("format", "json");
  const auto* realm = session_.credentials().if_contains("realmId");
  const std::string realm_id = realm && realm->is_string() ? std::string(realm->as_string()) : std::string();
  OutboundRequest r;
  r.url = provider_url(session_.config().quickbooks_base_url + url_escape(realm_id) + "/", path, all);
  r.headers.push_back("Request-Id: " + request_id());
  const std::string no_log;
  json::value body = co_await session_.call(std::move(r), Retry::none, no_log, no_log);
  throw_on_fault(body, session_.target());
  co_return body;
}

asio::awaitable<json::value> QuickBooksClient::query(const std::string& entity, bool fetch_all, Logging logging) {
  co_await session_.ensure_fresh();  // before the log row (contract 7.6)
  std::string log_id;
  if (logging == Logging::logged) {
    const std::string op = "quickbooks:query" + entity + "s";
    log_id = co_await session_.log_started(op);
  }
  std::exception_ptr error;
  json::value result;
  std::int64_t count = 0;
  try {
    json::array items;
    std::int64_t max_results = 0;
    for (int start = 1;; start += kPageSize) {
      const Query q{{"query", "select * from " + entity + " startposition " + std::to_string(start) + " maxresults " +
                                  std::to_string(kPageSize)}};
      const std::string path = "query";
      json::value page = co_await get(path, q);
      const json::object* response = page.is_object() && page.as_object().contains("QueryResponse") &&
                                             page.as_object().at("QueryResponse").is_object()
                                         ? &page.as_object().at("QueryResponse").as_object()
                                         : nullptr;
      if (!response) throw upstream_bad_reply(session_.target().provider, "no QueryResponse in the query reply");
      const auto* list = response->if_contains(entity);
      const std::size_t n = list && list->is_array() ? list->as_array().size() : 0;
      if (!fetch_all) {
        count = static_cast<std::int64_t>(n);
        result = std::move(page);
        break;
      }
      if (list && list->is_array())
        for (const auto& e : list->as_array()) items.push_back(e);
      if (const auto* m = response->if_contains("maxResults"); m && m->is_number()) max_results += m->to_number<std::int64_t>();
      if (n < static_cast<std::size_t>(kPageSize)) {
        count = static_cast<std::int64_t>(items.size());
        json::object merged;
        json::object qr;
        qr[entity] = std::move(items);
        qr["startPosition"] = 1;
        qr["maxResults"] = max_results;
        merged["QueryResponse"] = std::move(qr);
        if (const auto* t = page.as_object().if_contains("time")) merged["time"] = *t;
        result = std::move(merged);
        break;
      }
    }
  } catch (...) {
    error = std::current_exception();
  }
  if (!log_id.empty()) {
    if (error) {
      co_await session_.log_failed(log_id, error);
    } else {
      const json::object no_metadata;
      co_await session_.log_completed(log_id, count, no_metadata);
    }
  }
  if (error) std::rethrow_exception(error);
  co_return result;
}

asio::awaitable<json::value> QuickBooksClient::read(const std::string& entity, const std::string& id) {
  std::string lower = entity;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string path = lower + "/" + url_escape(id);
  const Query none;
  json::value body = co_await get(path, none);
  const auto* o = body.if_object();
  const auto* found = o ? o->if_contains(entity) : nullptr;
  if (!found) throw upstream_bad_reply(session_.target().provider, "no " + entity + " in the reply");
  co_return *found;
}

asio::awaitable<json::value> QuickBooksClient::company_info() {
  const auto* realm = session_.credentials().if_contains("realmId");
  const std::string realm_id = realm && realm->is_string() ? std::string(realm->as_string()) : std::string();
  const std::string path = "companyinfo/" + url_escape(realm_id);
  const Query none;
  co_return co_await get(path, none);
}

}  // namespace agenthq::verticals::real_estate::integrations
