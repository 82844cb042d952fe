#pragma once
#include <libpq-fe.h>

#include <boost/json/array.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::db {

// Rows already written as a JSON array (PgResult::append_row_json), for replies that only
// pass a page through.
struct JsonRows {
  std::string json = "[]";
  std::size_t count = 0;

  // The rows as JSON values, for the few readers that look inside (MCP resources and tools).
  boost::json::array parsed() const;
};

// Owns one PGresult. Rows are read by index; to_json() maps PostgreSQL types onto the
// contract's JSON forms (timestamps as ISO-8601 ms UTC, jsonb embedded, tsvector omitted).
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* r) : result_(r, &PQclear) {}

  int rows() const { return result_ ? PQntuples(result_.get()) : 0; }
  int columns() const { return result_ ? PQnfields(result_.get()) : 0; }
  bool empty() const { return rows() == 0; }
  int affected() const;

  bool is_null(int row, int col) const { return PQgetisnull(result_.get(), row, col); }
  std::string_view text(int row, int col) const;
  std::optional<std::string> opt_text(int row, int col) const;
  std::int64_t integer(int row, int col) const;
  bool boolean(int row, int col) const;
  int column(std::string_view name) const;  // -1 when absent

  // Built in `sp`'s memory (default: the heap). A page of rows is many small allocations: one
  // arena per page (rows_json()) makes building and freeing it a few bump-pointer blocks.
  boost::json::value value(int row, int col, boost::json::storage_ptr sp = {}) const;
  boost::json::object row_json(int row, boost::json::storage_ptr sp = {}) const;
  // Every row, in one fresh monotonic arena freed with the last of its values.
  boost::json::array rows_json() const;

  // The JSON text util::to_json(row_json(row)) would give, written straight from the result
  // with no tree in between (list pages are the hub's hottest reads): the same keys, order and
  // values; jsonb is copied with PostgreSQL's spacing removed. `omit` (a column index, or -1)
  // is left out.
  void append_row_json(std::string& out, int row, int omit = -1) const;

  // A counted page (the hub's list statements: the page LEFT JOINed to a one-row count, so an
  // empty page is one row of NULLs and the count): the rows as JSON text without the `total`
  // column, a row whose first column is NULL being no row. Returns the total.
  std::int64_t counted_page_json(JsonRows& rows) const;

 private:
  std::shared_ptr<PGresult> result_;
};

}  // namespace agenthq::db
