#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "auth/identity.hpp"
#include "db/statement.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {

// One entry of the append-only audit trail. Stores append audit_statement() to the pipeline of
// the change it describes, so entry and change commit together in one round trip.
struct AuditEntry {
  std::string org_id;
  std::string actor_id;
  std::string actor_type;  // user | agent
  std::string action;      // e.g. agent.registered (the README lists them all)
  std::string resource_type;
  std::string resource_id;
  boost::json::object details;
  std::string ip_address;
  std::string id = util::new_ulid();  // known before the insert so the change can be announced
};

AuditEntry audit_by(const auth::Identity& who, std::string action, std::string resource_type,
                    std::string resource_id, const std::string& ip, boost::json::object details = {});
db::Statement audit_statement(const AuditEntry& entry);

}  // namespace agenthq::hub
