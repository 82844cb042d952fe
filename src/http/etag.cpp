#include "http/etag.hpp"

#include <cstdio>
#include <functional>

namespace agenthq::http {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
std::string_view opaque(std::string_view tag) {
  tag = trim(tag);
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}
}  // namespace

// A weak validator needs to change with the body, not to resist forgery: the body's length and a
// 64-bit hash of it (libstdc++'s, eight bytes a step) instead of a SHA-256, which cost every GET
// a few percent of the hub's CPU. Stable across processes of one build; another build may only
// cost a client one full reply.
std::string weak_etag(std::string_view body) {
  char tag[48];
  const int n = std::snprintf(tag, sizeof tag, "W/\"%zx-%016zx\"", body.size(), std::hash<std::string_view>{}(body));
  return std::string(tag, static_cast<std::size_t>(n));
}

bool if_none_match(std::string_view header, std::string_view etag) {
  const std::string_view mine = opaque(etag);
  while (!header.empty()) {
    const auto comma = header.find(',');
    const std::string_view tag = header.substr(0, comma);
    if (trim(tag) == "*" || (!trim(tag).empty() && opaque(tag) == mine)) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace agenthq::http
