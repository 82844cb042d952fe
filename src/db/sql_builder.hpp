#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/statement.hpp"

namespace agenthq::db {

// The one way the hub builds parameterised SQL: values are bound in order and each bind returns
// its placeholder, so optional filters and appended fragments (an audit CTE, a page) never need
// to count parameters by hand.
class SqlParams {
 public:
  SqlParams() = default;
  explicit SqlParams(std::vector<Param> first) : values_(std::move(first)) {}

  // Binds value as the next parameter and returns its placeholder ("$7").
  std::string bind(Param value);
  // " AND <column> = $n" when value is present, else nothing; `cast` (e.g. "::boolean") follows the placeholder.
  std::string and_equal(std::string_view column, const std::optional<std::string>& value, std::string_view cast = "");

  std::size_t size() const { return values_.size(); }
  const std::vector<Param>& values() const { return values_; }
  std::vector<Param> take() { return std::move(values_); }

 private:
  std::vector<Param> values_;
};

// A PostgreSQL text[] literal ("{"a","b"}") of items, quoted and escaped, for a `$n::text[]` parameter.
std::string text_array(const std::vector<std::string>& items);

// SQL for "the instant bound at `placeholder`", which holds epoch microseconds as text: exact,
// and independent of the session's TimeZone.
std::string timestamp_from_micros(const std::string& placeholder);

// " LIMIT <limit>" plus " OFFSET $n" when offset > 0. The limit is a literal, not a placeholder:
// with LIMIT $n PostgreSQL prices a prepared statement's generic plan as if a tenth of the rows
// were fetched, so that plan never wins against a custom one and every request pays for planning
// again. Callers clamp the limit (routes to 1..100), so a connection prepares a few variants at most.
std::string limit_offset(SqlParams& params, std::int64_t limit, std::int64_t offset);

// A list read: one FROM/WHERE, counted and paged. Both statements share the filter's
// parameters; the page adds LIMIT and OFFSET after them.
struct PagedQuery {
  std::string columns;     // the SELECT list of the page
  std::string from_where;  // " FROM ... WHERE ..." (leading space)
  std::string order;       // the ORDER BY list, without the keywords
  SqlParams params;        // the parameters from_where (and order) refer to
  Plan plan = Plan::cached;
};

// Appends the total ("SELECT count(*) <from_where>") and the page "SELECT <columns> <from_where> ORDER BY
// <order> LIMIT .. OFFSET .." to `batch`, in that order.
void push_count_and_page(std::vector<Statement>& batch, PagedQuery query, std::int64_t limit, std::int64_t offset);

}  // namespace agenthq::db
