#include "verticals/real_estate/integrations/dotloop_client.hpp"

#include <boost/json.hpp>

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
std::string loop_path(const std::string& profile_id, const std::string& loop_id) {
  return "profile/" + url_escape(profile_id) + "/loop/" + url_escape(loop_id);
}
}  // namespace

asio::awaitable<json::value> DotloopClient::get(const std::string& path, const Query& query, const std::string& op) {
  OutboundRequest r;
  r.url = provider_url(session_.config().dotloop_base_url, path, query);
  // The v2 API wraps lists in {"data":[...]}: count that array (the reference counted 0, section 8).
  const std::string count_key = "data";
  co_return co_await session_.call(std::move(r), Retry::standard, op, count_key);
}

asio::awaitable<json::value> DotloopClient::profiles() {
  const std::string path = "profile";
  const Query none;
  const std::string no_log;
  co_return co_await get(path, none, no_log);
}

asio::awaitable<json::value> DotloopClient::loops(const std::string& profile_id, const Query& query, Logging logging) {
  const std::string path = "profile/" + url_escape(profile_id) + "/loop";
  const std::string op = logging == Logging::logged ? "dotloop:listLoops" : "";
  co_return co_await get(path, query, op);
}

asio::awaitable<json::value> DotloopClient::loop(const std::string& profile_id, const std::string& loop_id) {
  const std::string path = loop_path(profile_id, loop_id);
  const Query none;
  const std::string no_log;
  co_return co_await get(path, none, no_log);
}

asio::awaitable<json::value> DotloopClient::loop_detail(const std::string& profile_id, const std::string& loop_id) {
  const std::string path = loop_path(profile_id, loop_id) + "/detail";
  const Query none;
  const std::string no_log;
  co_return co_await get(path, none, no_log);
}

asio::awaitable<json::value> DotloopClient::participants(const std::string& profile_id, const std::string& loop_id,
                                                         Logging logging) {
  const std::string path = loop_path(profile_id, loop_id) + "/participant";
  const Query none;
  const std::string op = logging == Logging::logged ? "dotloop:listParticipants" : "";
  co_return co_await get(path, none, op);
}

}  // namespace agenthq::verticals::real_estate::integrations
