#pragma once
#include <string>
#include <string_view>

namespace agenthq::http {

// Conditional GET (contract §1.5): a weak ETag over the reply body, W/"<length hex>-<16 hex of a
// 64-bit hash>".
std::string weak_etag(std::string_view body);
// Whether an If-None-Match header value (a list of tags, or *) matches `etag`. Weak comparison:
// W/"x" and "x" are the same tag.
bool if_none_match(std::string_view header, std::string_view etag);

}  // namespace agenthq::http
