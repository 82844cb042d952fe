#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

#include "auth/identity.hpp"
#include "http/pagination.hpp"
#include "hub/search/search_store.hpp"
#include "hub/services.hpp"

namespace agenthq::hub {

// Search as the caller sees it: the query runs in the caller's org, and posts only of channels
// the caller may read. A read, nothing to audit; the REST routes and the MCP tools call it.
class SearchService {
 public:
  explicit SearchService(Services& s);

  // query.org_id, caller_id and caller_type are set from `who`, whatever they held.
  boost::asio::awaitable<SearchResult> search(const auth::Identity& who, SearchQuery query);

 private:
  SearchStore store_;
};

// GET /search's envelope without `success`: {data:{posts,insights,agents}, pagination:{page,
// limit, counts:{posts,insights,agents}, total}}. Search has its own pagination shape: per-type
// counts and their sum, no hasMore (contract 1.2).
// The routes write it as text (the parts' rows are text already); the MCP tools read it as JSON.
std::string search_envelope_json(const SearchResult& result, const http::PageRequest& page);
boost::json::object search_envelope(const SearchResult& result, const http::PageRequest& page);

}  // namespace agenthq::hub
