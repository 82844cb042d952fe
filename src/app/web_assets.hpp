#pragma once
#include <string_view>
#include <vector>

#include "http/static_site.hpp"

namespace agenthq::app {

// The dashboard (web/) as built by npm when the hub was built, compiled into the binary by
// cmake/embed_web_assets.cmake. `files` is empty when it could not be built; `missing_reason` then
// says why (logged at start; the API is served either way).
struct WebAssets {
  std::vector<http::StaticFile> files;
  std::string_view missing_reason;
};

const WebAssets& embedded_web_assets();

}  // namespace agenthq::app
