#include "hub/search/resource_columns.hpp"

#include <array>

namespace agenthq::hub {
namespace {
constexpr std::array<const char*, 15> kPost{"id",        "org_id",     "channel_id", "author_id",  "author_type",
                                            "type",      "title",      "content",    "metadata",   "parent_id",
                                            "pinned",    "created_at", "updated_at", "edited_at",  "deleted_at"};
constexpr std::array<const char*, 10> kActivity{"id",         "org_id",        "actor_id",    "actor_type",
                                                "action",     "resource_type", "resource_id", "details",
                                                "ip_address", "created_at"};
constexpr std::array<const char*, 11> kInsight{"id",         "org_id",   "type",         "title",
                                               "content",    "data",     "source_posts", "source_agents",
                                               "confidence", "reviewed", "created_at"};
}  // namespace

std::span<const char* const> post_fields() { return kPost; }
std::span<const char* const> activity_fields() { return kActivity; }
std::span<const char* const> insight_fields() { return kInsight; }

std::string column_list(std::span<const char* const> fields, const std::string& alias) {
  std::string out;
  for (const char* f : fields) {
    if (!out.empty()) out += ", ";
    out += alias + "." + f;
  }
  return out;
}

}  // namespace agenthq::hub
