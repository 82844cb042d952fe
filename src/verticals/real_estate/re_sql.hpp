#pragma once
#include <string>
#include <vector>

#include "db/statement.hpp"
#include "hub/activity/audit.hpp"

namespace agenthq::verticals::real_estate {

// SQL fragments shared by the vertical's stores.

// Binds value as the next parameter and returns its placeholder ("$7").
std::string add_param(std::vector<db::Param>& params, db::Param value);

// The Transaction object's columns (contract 3.16), qualified by `table`.
std::string transaction_columns(const std::string& table);

// SQL for "the day the text expression `text_sql` names": its first ten characters when they
// are a real YYYY-MM-DD date (years 1900-2199), else NULL. Never raises, so a malformed date
// stored by an older client or an import cannot make a metrics rollup fail.
std::string safe_date(const std::string& text_sql);

// The metrics object `column` (re_metrics.metrics) as the routes emit it. The rollup computes
// in NUMERIC and jsonb keeps NUMERIC exactly, but a JSON number reaches the client through a
// double; so money (total_volume, commission_earned) and conversion_rate go out as decimal
// strings with the scale of their source columns (2 and 4 places), like transaction prices.
// Counts stay JSON integers.
std::string emitted_metrics(const std::string& column);

// "INSERT INTO activity_log ... SELECT ... FROM <source>": the audit entry of a change written by
// a data-modifying CTE of the same statement, so it exists exactly when the change happened. The
// entry keeps its own id (the caller announces it after commit); the resource id is source.id;
// `extra_details`, when given, is a jsonb expression over source merged into the details.
std::string audit_insert(const hub::AuditEntry& entry, const std::string& source,
                         std::vector<db::Param>& params, const std::string& extra_details = "");

}  // namespace agenthq::verticals::real_estate
