#include "verticals/real_estate/integrations/fub_client.hpp"

#include <boost/json.hpp>

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
std::string list_operation(const std::string& collection) {
  if (collection == "people") return "fub:listPeople";
  if (collection == "deals") return "fub:listDeals";
  if (collection == "events") return "fub:listEvents";
  return "fub:listUsers";
}
}  // namespace

std::string provider_url(const std::string& base, const std::string& path, const Query& query) {
  std::string url = base + path;
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : query) {
    url += sep + url_escape(k) + '=' + url_escape(v);
    sep = '&';
  }
  return url;
}

OutboundRequest FubClient::request(const std::string& method, const std::string& path, const Query& query) const {
  OutboundRequest r;
  r.method = method;
  r.url = provider_url(session_.config().fub_base_url, path, query);
  return r;
}

asio::awaitable<json::value> FubClient::list(const std::string& collection, const Query& query, Logging logging) {
  OutboundRequest r = request("GET", collection, query);
  const std::string op = logging == Logging::logged ? list_operation(collection) : std::string();
  co_return co_await session_.call(std::move(r), Retry::standard, op, collection);
}

asio::awaitable<json::value> FubClient::get(const std::string& collection, const std::string& id) {
  const Query none;
  OutboundRequest r = request("GET", collection + "/" + url_escape(id), none);
  const std::string no_log;
  co_return co_await session_.call(std::move(r), Retry::standard, no_log, no_log);
}

asio::awaitable<json::value> FubClient::create_event(const json::value& event) {
  const Query none;
  OutboundRequest r = request("POST", "events", none);
  r.body = json::serialize(event);
  const std::string no_log;
  co_return co_await session_.call(std::move(r), Retry::standard, no_log, no_log);
}

asio::awaitable<void> FubClient::check() {
  const Query one{{"limit", "1"}};
  OutboundRequest r = request("GET", "users", one);
  const std::string no_log;
  co_await session_.call(std::move(r), Retry::standard, no_log, no_log);
}

}  // namespace agenthq::verticals::real_estate::integrations
