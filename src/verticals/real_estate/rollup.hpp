#pragma once
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace agenthq::verticals::real_estate {

// re_metrics is derived data: rows per (period, period_start, agent) rolled up from the org's
// closed and cancelled transactions, each counted on its outcome day (key_dates.closed or
// key_dates.cancelled, else the day of updated_at, UTC). Periods: daily, weekly (ISO week,
// starting Monday) and monthly. Every transaction counts once org-wide (agent_id NULL) and once
// for each distinct agent on it (listing and buyers agent), with its full price and commission.
// metrics: closed_deals, total_units (= closed_deals), total_volume (sum of sale_price),
// avg_days_to_close (key_dates.listed -> key_dates.closed, 1 decimal, null when no closed deal
// has both), commission_earned (sum of commission_amount), cancelled_deals, conversion_rate
// (closed / (closed + cancelled), 4 decimals).
//
// A rollup deletes and re-inserts rows; it takes a per-org advisory lock first, so concurrent
// rollups of one org run one after the other and each sees the others' committed rows (no
// duplicates). Writers lock transaction rows BEFORE the rollup lock, never after.

enum class RollupScope {
  everything,    // every period of the org
  touched_days,  // only the periods containing a day recorded by touch_outcome_days() earlier in
                 // the same database transaction (none recorded: nothing is rewritten)
};

// The statements of a rollup, to append to the batch of a change (same transaction, one round
// trip) or to run on their own. The last statement is the INSERT (affected() = rows written).
std::vector<db::Statement> rollup_statements(const std::string& org_id, RollupScope scope);

// A SQL expression for the select list of a statement that wrote a transaction: it records the
// outcome days of the row as it was (`before`, an alias with status/key_dates/updated_at, or ""
// for a new row) and as it is (`after`) in a transaction-local setting, for a later
// rollup_statements(org, RollupScope::touched_days) in the same batch.
std::string touch_outcome_days(const std::string& before, const std::string& after);

// Rebuilds all metrics of one org in one transaction; returns the number of rows written.
boost::asio::awaitable<std::int64_t> rollup_org(db::Database& db, const std::string& org_id);

struct OrgRollup {
  std::string org_id;
  std::int64_t rows = 0;
};
// `agenthq re rollup`: rebuilds every org's metrics (or only `only_org`), one transaction per org.
// Org ids are listed through `owner_db` (the schema owner, which row-level security does not
// restrict); each rollup runs on `app_db` scoped to its org. An unknown only_org yields nothing.
boost::asio::awaitable<std::vector<OrgRollup>> rollup_orgs(db::Database& owner_db, db::Database& app_db,
                                                           std::optional<std::string> only_org);

}  // namespace agenthq::verticals::real_estate
