#include "verticals/real_estate/transaction_store.hpp"

#include <boost/json.hpp>

#include "db/pg_error.hpp"
#include "db/paged_read.hpp"
#include "db/sql_builder.hpp"
#include "hub/activity/audit.hpp"
#include "verticals/real_estate/pipeline.hpp"
#include "verticals/real_estate/re_sql.hpp"
#include "verticals/real_estate/rollup.hpp"

namespace agenthq::verticals::real_estate {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {
constexpr const char* kToday = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')";

// SQL: the id bound at `param` is NULL or an agent of the org bound at $1.
std::string agent_of_org(const std::string& param) {
  return "(" + param +
         "::text IS NULL OR EXISTS (SELECT 1 FROM agents a WHERE a.org_id = $1 AND a.id = " + param + "))";
}

db::Param value_of(const Settable& field) { return field && *field ? db::Param(**field) : db::Param(); }

// Runs a write's batch. An agent deleted between the batch's check and its write makes the
// foreign key refuse the row: then nullopt, with the outcome naming the agent in `out`.
asio::awaitable<std::optional<std::vector<db::PgResult>>> run_write(db::Database& db, const std::string& org_id,
                                                                    std::vector<db::Statement> batch,
                                                                    TransactionWritten& out) {
  const db::Scope scope = db::Scope::org(org_id);
  try {
    co_return co_await db.run(scope, std::move(batch));
  } catch (const db::PgError& e) {
    if (!e.is_foreign_key_violation()) throw;
    out.outcome = e.constraint().find("buyers") != std::string::npos ? TransactionWrite::unknown_buyers_agent
                                                                      : TransactionWrite::unknown_listing_agent;
  }
  co_return std::nullopt;
}

}  // namespace

asio::awaitable<TransactionWritten> TransactionStore::create(const std::string& org_id,
                                                             const NewTransaction& t,
                                                             const hub::AuditEntry& audit) {
  db::SqlParams params({org_id, t.listing_agent_id, t.buyers_agent_id});
  db::Statement check("SELECT " + agent_of_org("$2") + ", " + agent_of_org("$3"), params.values());

  std::string sql =
      "WITH created AS (INSERT INTO re_transactions (id, org_id, listing_agent_id, buyers_agent_id, "
      "property_address, "
      "mls_number, type, listing_price, client_name, key_dates) SELECT ";
  sql += params.bind(audit.resource_id) + ", $1, $2, $3, ";
  sql += params.bind(t.property_address) + ", ";
  sql += params.bind(t.mls_number) + ", ";
  sql += params.bind(t.type) + ", ";
  sql += params.bind(t.listing_price) + "::numeric, ";
  sql += params.bind(t.client_name) + ", ";
  sql += std::string("jsonb_build_object('prospecting', ") + kToday + ") || " +
         params.bind(json::serialize(t.key_dates)) + "::jsonb";
  sql += " WHERE " + agent_of_org("$2") + " AND " + agent_of_org("$3") + " RETURNING " +
         transaction_columns("re_transactions") + "), audit AS (";
  sql += hub::audit_insert_from(audit, params, "created", "created.id") + ") SELECT * FROM created";
  db::Statement insert(std::move(sql), params.take());

  std::vector<db::Statement> batch;
  batch.push_back(std::move(check));
  batch.push_back(std::move(insert));
  TransactionWritten out;
  auto written = co_await run_write(db_, org_id, std::move(batch), out);
  if (!written) co_return out;
  const auto& results = *written;
  if (!results[0].boolean(0, 0)) {
    out.outcome = TransactionWrite::unknown_listing_agent;
  } else if (!results[0].boolean(0, 1) || results[1].empty()) {
    out.outcome = TransactionWrite::unknown_buyers_agent;
  } else {
    out.outcome = TransactionWrite::done;
    out.transaction = results[1].row_json(0);
    out.status_before = "prospecting";
  }
  co_return out;
}

asio::awaitable<TransactionPage> TransactionStore::list(const std::string& org_id, const TransactionFilter& f,
                                                        std::int64_t limit, std::int64_t offset) {
  db::PagedQuery q;
  q.columns = transaction_columns("t");
  q.from_where = " FROM re_transactions t WHERE t.org_id = " + q.params.bind(org_id);
  q.from_where += q.params.and_equal("t.status", f.status);
  q.from_where += q.params.and_equal("t.type", f.type);
  q.from_where += q.params.and_equal("t.listing_agent_id", f.listing_agent_id);
  q.from_where += q.params.and_equal("t.buyers_agent_id", f.buyers_agent_id);
  q.order = "t.created_at DESC, t.id DESC";
  const db::Scope scope = db::Scope::org(org_id);
  co_return co_await db::read_page(db_, scope, std::move(q), limit, offset);
}

asio::awaitable<std::optional<json::object>> TransactionStore::find(const std::string& org_id,
                                                                    const std::string& id) {
  db::Statement select(
      "SELECT " + transaction_columns("t") + " FROM re_transactions t WHERE t.org_id = $1 AND t.id = $2",
      {org_id, id});
  const db::Scope scope = db::Scope::org(org_id);
  auto r = co_await db_.query(scope, std::move(select));
  if (r.empty()) co_return std::nullopt;
  co_return r.row_json(0);
}

asio::awaitable<TransactionWritten> TransactionStore::update(const std::string& org_id, const std::string& id,
                                                             const TransactionChanges& c,
                                                             const hub::AuditEntry& audit) {
  // $1 org, $2 id, $3 new listing agent, $4 new buyers agent (NULL: not changed or cleared).
  db::SqlParams params({org_id, id, value_of(c.listing_agent_id), value_of(c.buyers_agent_id)});
  // Locks the row first: the UPDATE below then judges the move against the status it really has.
  db::Statement lock("SELECT t.status, " + agent_of_org("$3") + ", " + agent_of_org("$4") +
                         " FROM re_transactions t WHERE t.org_id = $1 AND t.id = $2 FOR UPDATE",
                     params.values());

  std::string set = "updated_at = now()";
  std::string where = "t.org_id = $1 AND t.id = $2 AND t.id = old.id AND " + agent_of_org("$3") + " AND " +
                      agent_of_org("$4");
  std::string new_status = "t.status";
  if (c.status) {
    new_status = params.bind(c.status) + "::text";
    set += ", status = " + new_status;
    where += " AND t.status = ANY(" + params.bind(db::text_array(statuses_that_may_move_to(*c.status))) +
             "::text[])";
  }
  auto assign = [&](const char* column, const Settable& field, const char* cast = "") {
    if (field) set += std::string(", ") + column + " = " + params.bind(value_of(field)) + cast;
  };
  if (c.property_address) set += ", property_address = " + params.bind(c.property_address);
  assign("mls_number", c.mls_number);
  assign("client_name", c.client_name);
  assign("listing_price", c.listing_price, "::numeric");
  if (c.listing_agent_id) set += ", listing_agent_id = $3";
  if (c.buyers_agent_id) set += ", buyers_agent_id = $4";

  // Values after this change, for the derived commission.
  std::string sale = "t.sale_price", rate = "t.commission_rate";
  if (c.sale_price) sale = params.bind(value_of(c.sale_price)) + "::numeric";
  if (c.commission_rate) rate = params.bind(value_of(c.commission_rate)) + "::numeric";
  if (c.sale_price) set += ", sale_price = " + sale;
  if (c.commission_rate) set += ", commission_rate = " + rate;
  if (c.commission_amount)
    set += ", commission_amount = " + params.bind(value_of(c.commission_amount)) + "::numeric";
  else
    set += ", commission_amount = COALESCE(t.commission_amount, CASE WHEN " + new_status +
           " = 'closed' THEN round(" + sale + " * " + rate + ", 2) END)";

  if (c.status || c.key_dates) {
    // Stamp the day a status was reached (unless already known), then the stored dates, then
    // the client's: later operands win. null values in the client's object remove keys.
    std::string dates = "COALESCE(t.key_dates, '{}'::jsonb)";
    if (c.status)
      dates = "CASE WHEN t.status <> " + new_status + " THEN jsonb_build_object(" + new_status + ", " +
              kToday + ") ELSE '{}'::jsonb END || " + dates;
    if (c.key_dates)
      dates = "jsonb_strip_nulls(" + dates + " || " + params.bind(json::serialize(*c.key_dates)) +
              "::jsonb)";
    set += ", key_dates = " + dates;
  }

  std::string sql =
      "WITH changed AS (UPDATE re_transactions t SET " + set +
      " FROM (SELECT id, status, key_dates, updated_at FROM re_transactions WHERE org_id = $1 AND id = "
      "$2) AS old WHERE " +
      where + " RETURNING " + transaction_columns("t") + ", old.status AS status_before, " +
      touch_outcome_days("old", "t") + " AS touched), audit AS (";
  sql +=
      hub::audit_insert_from(audit, params, "changed", "changed.id",
                             "CASE WHEN changed.status_before <> changed.status THEN jsonb_build_object('from_status', "
                   "changed.status_before, 'to_status', changed.status) ELSE '{}'::jsonb END");
  sql += ") SELECT " + transaction_columns("changed") + ", changed.status_before FROM changed";
  db::Statement write(std::move(sql), params.take());

  std::vector<db::Statement> batch;
  batch.push_back(std::move(lock));
  batch.push_back(std::move(write));
  for (auto& st : rollup_statements(org_id, RollupScope::touched_days)) batch.push_back(std::move(st));
  TransactionWritten out;
  auto written = co_await run_write(db_, org_id, std::move(batch), out);
  if (!written) co_return out;
  const auto& results = *written;
  if (results[0].empty()) co_return out;  // not_found
  out.status_before = std::string(results[0].text(0, 0));
  if (!results[0].boolean(0, 1)) {
    out.outcome = TransactionWrite::unknown_listing_agent;
  } else if (!results[0].boolean(0, 2)) {
    out.outcome = TransactionWrite::unknown_buyers_agent;
  } else if (results[1].empty()) {
    out.outcome = TransactionWrite::refused_move;
  } else {
    out.outcome = TransactionWrite::done;
    out.transaction = results[1].row_json(0);
    out.transaction.erase("status_before");
  }
  co_return out;
}

}  // namespace agenthq::verticals::real_estate
