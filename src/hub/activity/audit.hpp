#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "auth/identity.hpp"
#include "db/sql_builder.hpp"
#include "db/statement.hpp"
#include "util/ulid.hpp"

namespace agenthq::hub {

// One entry of the append-only audit trail. Stores add it to the pipeline of the change it
// describes (audit_statement) or to the change's own statement (audit_insert_from), so entry and
// change commit together in one round trip. These two functions are the only SQL in the
// project that writes activity_log.
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

// "INSERT INTO activity_log ... VALUES ..." for the entry as it is; `returning` (a column list)
// makes the statement return the row.
db::Statement audit_statement(const AuditEntry& entry, const std::string& returning = "");

// "INSERT INTO activity_log ... SELECT ... FROM <from>": one entry per row of `from` (a
// data-modifying CTE of the same statement, or "table t WHERE ..."), so the entry exists exactly
// when the change happened (a refused or missed UPDATE writes no entry). The resource id is the
// SQL expression `resource_id` over those rows (entry.resource_id is not used); `extra_details`,
// if given, is a jsonb expression over them merged into the details. The entry's values are
// bound to `params`.
std::string audit_insert_from(const AuditEntry& entry, db::SqlParams& params, const std::string& from,
                              const std::string& resource_id, const std::string& extra_details = "");

}  // namespace agenthq::hub
