#include "hub/notifications/notification_sql.hpp"

#include "db/sql_builder.hpp"

#include "util/ulid.hpp"

namespace agenthq::hub {

std::string notification_columns(const std::string& alias) {
  const std::string p = alias + ".";
  std::string out;
  for (const char* c : {"id", "org_id", "recipient_id", "recipient_type", "type", "source_id", "source_type",
                        "actor_id", "actor_type", "title", "body", "read", "created_at"}) {
    if (!out.empty()) out += ", ";
    out += p + c;
  }
  return out;
}

std::string insert_notifications_from(const std::string& wanted, const std::string& ids, const std::string& actor_id,
                                      const std::string& actor_type) {
  return "INSERT INTO notifications (id, org_id, recipient_id, recipient_type, type, source_id, source_type, "
         "actor_id, actor_type, title, body) SELECT (" + ids + "::text[])[w.ord], $1, w.recipient_id, "
         "w.recipient_type, w.type, w.source_id, w.source_type, " + actor_id + ", " + actor_type + ", w.title, w.body "
         "FROM (SELECT x.*, row_number() OVER () AS ord FROM " + wanted + " x WHERE x.recipient_id IS DISTINCT FROM " +
         actor_id + ") w WHERE w.ord <= cardinality(" + ids + "::text[]) RETURNING id";
}

std::string new_ids(std::size_t n) {
  std::vector<std::string> ids;
  ids.reserve(n);
  for (std::size_t i = 0; i < n; ++i) ids.push_back(util::new_ulid());
  return db::text_array(ids);
}

std::string cut_text(const std::string& text, int limit) {
  return "CASE WHEN char_length(" + text + ") > " + std::to_string(limit) + " THEN left(" + text + ", " +
         std::to_string(limit - 3) + ") || '...' ELSE " + text + " END";
}

std::string display_name(const std::string& id, const std::string& type) {
  return "coalesce((SELECT a.name FROM agents a WHERE " + type + " = 'agent' AND a.org_id = $1 AND a.id = " + id +
         "), (SELECT u.name FROM users u WHERE " + type + " = 'user' AND u.org_id = $1 AND u.id = " + id +
         "), 'Someone')";
}

}  // namespace agenthq::hub
