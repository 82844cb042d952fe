#include "hub/posts/post_sql.hpp"

namespace agenthq::hub {

std::string post_columns(const std::string& alias) {
  const std::string p = alias + ".";
  std::string out;
  for (const char* c : {"id", "org_id", "channel_id", "author_id", "author_type", "type", "title", "content",
                        "metadata", "parent_id", "pinned", "created_at", "updated_at", "edited_at",
                        "deleted_at"}) {
    if (!out.empty()) out += ", ";
    out += p + c;
  }
  return out;
}

}  // namespace agenthq::hub
