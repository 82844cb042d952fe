#include "hub/activity/audit.hpp"

#include <boost/json.hpp>

#include "hub/services.hpp"

namespace agenthq::hub {

namespace {
constexpr const char* kInsertInto =
    "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, "
    "ip_address) ";
}  // namespace

AuditEntry audit_by(const auth::Identity& who, std::string action, std::string resource_type,
                    std::string resource_id, const std::string& ip, boost::json::object details) {
  return {who.org_id, who.id, who.type_name(), std::move(action), std::move(resource_type), std::move(resource_id),
          std::move(details), ip};
}

db::Statement audit_statement(const AuditEntry& e, const std::string& returning) {
  std::string sql = kInsertInto;
  sql += "VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), NULLIF($7, ''), $8::jsonb, NULLIF($9, ''))";
  if (!returning.empty()) sql += " RETURNING " + returning;
  return {std::move(sql),
          {e.id, e.org_id, e.actor_id, e.actor_type, e.action, e.resource_type, e.resource_id,
           boost::json::serialize(e.details), e.ip_address}};
}

std::string audit_insert_from(const AuditEntry& e, db::SqlParams& params, const std::string& from,
                              const std::string& resource_id, const std::string& extra_details) {
  std::string sql = kInsertInto;
  sql += "SELECT " + params.bind(e.id) + ", ";  // the entry's own id, so the caller can announce it
  sql += params.bind(e.org_id) + ", ";
  sql += params.bind(e.actor_id) + ", ";
  sql += params.bind(e.actor_type) + ", ";
  sql += params.bind(e.action) + ", ";
  sql += "NULLIF(" + params.bind(e.resource_type) + ", ''), " + resource_id + ", ";
  sql += params.bind(boost::json::serialize(e.details)) + "::jsonb";
  if (!extra_details.empty()) sql += " || " + extra_details;
  sql += ", NULLIF(" + params.bind(e.ip_address) + ", '') FROM " + from;
  return sql;
}

// Here because hub/services.hpp only forward-declares AuditEntry.
void Services::announce(const AuditEntry& entry) const { events.activity_logged(entry.org_id, entry.id); }

}  // namespace agenthq::hub
