#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/response.hpp"

namespace agenthq::http {

// One file of the dashboard's build output, e.g. {"/assets/index-3f2a.js", <bytes>, "\"sha256…\""}.
struct StaticFile {
  std::string path;  // URL path, starting with '/'
  std::string_view body;
  std::string etag;  // quoted, computed at build time
};

// The single-page dashboard: serves its files from memory with the caching rules a hashed build
// needs, and answers client-side routes (/channels/general, /re/pipeline…) with index.html.
// It never sees API paths: the pipeline asks owns() first.
class StaticSite {
 public:
  explicit StaticSite(std::vector<StaticFile> files);
  bool empty() const { return files_.empty(); }

  // The reply to GET `path`: the file, index.html for a client route, 304 when `if_none_match`
  // names the current version, or a JSON 404 for a missing file (a stale hashed asset must not
  // turn into HTML the browser would try to run).
  Response respond(std::string_view path, std::string_view if_none_match) const;

  // The policy the pipeline puts on every dashboard reply: scripts and styles only from the hub's
  // origin, no inline script or style, API and WebSocket only to the same origin. Unlike the API's
  // helmet-style policy it has no upgrade-insecure-requests, which would turn the dashboard's
  // ws:// and same-origin http:// requests into https:// ones a plain-HTTP hub cannot answer.
  static const char* content_security_policy();

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

// Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view path);

}  // namespace agenthq::http
