#include "hub/activity/audit.hpp"

#include <boost/json.hpp>


namespace agenthq::hub {

AuditEntry audit_by(const auth::Identity& who, std::string action, std::string resource_type,
                    std::string resource_id, const std::string& ip, boost::json::object details) {
  return {who.org_id, who.id, who.type_name(), std::move(action), std::move(resource_type), std::move(resource_id),
          std::move(details), ip};
}

db::Statement audit_statement(const AuditEntry& e) {
  return {"INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, "
          "ip_address) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), NULLIF($7, ''), $8::jsonb, NULLIF($9, ''))",
          {e.id, e.org_id, e.actor_id, e.actor_type, e.action, e.resource_type, e.resource_id,
           boost::json::serialize(e.details), e.ip_address}};
}

}  // namespace agenthq::hub

#include "hub/services.hpp"

namespace agenthq::hub {
void Services::announce(const AuditEntry& entry) const { events.activity_logged(entry.org_id, entry.id); }
}  // namespace agenthq::hub
