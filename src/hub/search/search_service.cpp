#include "hub/search/search_service.hpp"

#include <boost/json.hpp>

#include "hub/cache/read_caches.hpp"
#include "util/json_text.hpp"

namespace agenthq::hub {
namespace asio = boost::asio;
namespace json = boost::json;

SearchService::SearchService(Services& s)
    : store_(s.db, s.settings.presence_timeout, s.caches ? &s.caches->search : nullptr) {}

asio::awaitable<SearchResult> SearchService::search(const auth::Identity& who, SearchQuery query) {
  query.org_id = who.org_id;
  query.caller_id = who.id;
  query.caller_type = who.type_name();
  co_return co_await store_.search(query);
}

std::string search_envelope_json(const SearchResult& r, const http::PageRequest& page) {
  json::object counts;
  counts["posts"] = r.posts_count;
  counts["insights"] = r.insights_count;
  counts["agents"] = r.agents_count;
  json::object pagination;
  pagination["page"] = page.page;
  pagination["limit"] = page.limit;
  pagination["counts"] = std::move(counts);
  pagination["total"] = r.posts_count + r.insights_count + r.agents_count;
  return "{\"data\":{\"posts\":" + r.posts.json + ",\"insights\":" + r.insights.json + ",\"agents\":" + r.agents.json +
         "},\"pagination\":" + util::to_json(pagination) + "}";
}

json::object search_envelope(const SearchResult& r, const http::PageRequest& page) {
  return json::parse(search_envelope_json(r, page)).as_object();
}

}  // namespace agenthq::hub
