#include "http/static_site.hpp"

#include <array>
#include <utility>

namespace agenthq::http {
using boost::beast::http::field;
using boost::beast::http::status;

namespace {

constexpr std::string_view kIndex = "/index.html";
constexpr std::string_view kAssets = "/assets/";

// Vite puts a content hash into every file name under /assets/, so those never change and may be
// cached for a year; everything else (index.html above all) must be revalidated on every load so
// a new build is picked up at once.
std::string_view cache_control_for(std::string_view path) {
  return path.starts_with(kAssets) ? "public, max-age=31536000, immutable" : "no-cache";
}

// A last segment with a dot names a file; anything else is a route of the single-page app.
bool looks_like_file(std::string_view path) {
  auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') != std::string_view::npos;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  // A list of (possibly weak) tags separated by commas.
  std::size_t pos = 0;
  while (pos < if_none_match.size()) {
    auto end = if_none_match.find(',', pos);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto tag = if_none_match.substr(pos, end - pos);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

StaticSite::StaticSite(std::vector<StaticFile> files) {
  for (auto& f : files) {
    auto key = f.path;
    files_.emplace(std::move(key), std::move(f));
  }
}

const char* StaticSite::content_security_policy() {
  return "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self';form-action 'self';"
         "frame-ancestors 'self';img-src 'self' data:;manifest-src 'self';object-src 'none';script-src "
         "'self';"
         "script-src-attr 'none';style-src 'self'";
}

Response StaticSite::respond(std::string_view path, std::string_view if_none_match) const {
  auto it = files_.find(std::string(path == "/" ? kIndex : path));
  if (it == files_.end()) {
    if (path.starts_with(kAssets) || looks_like_file(path))
      return error(status::not_found, "NOT_FOUND", "No such file in the dashboard");
    it = files_.find(std::string(kIndex));
    if (it == files_.end()) return error(status::not_found, "NOT_FOUND", "Route not found");
  }
  const StaticFile& file = it->second;
  Response r;
  r.headers.emplace_back(field::cache_control, std::string(cache_control_for(file.path)));
  r.headers.emplace_back(field::etag, file.etag);
  if (etag_matches(if_none_match, file.etag)) {
    r.status = status::not_modified;
    return r;
  }
  r.headers.emplace_back(field::content_type, std::string(content_type_for(file.path)));
  r.body = std::string(file.body);
  return r;
}

std::string_view content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".map", "application/json; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  for (const auto& [ext, type] : kTypes)
    if (path.ends_with(ext)) return type;
  return "application/octet-stream";
}

}  // namespace agenthq::http
