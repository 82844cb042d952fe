#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "http/request_context.hpp"

namespace agenthq::http {

// page/limit per the contract: integer-prefix parse ("10abc" -> 10, "2.7" -> 2), non-numeric
// or 0 means "missing", page < 1 clamps to 1, limit clamps to [1, 100] (negative -> 1).
struct PageRequest {
  std::int64_t page = 1;
  std::int64_t limit = 20;
  std::int64_t offset() const { return (page - 1) * limit; }
};

std::optional<std::int64_t> parse_integer_prefix(std::string_view text);
PageRequest page_request(const Query& query, std::int64_t default_limit = 20);
PageRequest page_request(const RequestContext& ctx, std::int64_t default_limit = 20);

}  // namespace agenthq::http
