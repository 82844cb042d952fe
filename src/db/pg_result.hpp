#pragma once
#include <libpq-fe.h>

#include <boost/json/value.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::db {

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

  boost::json::value value(int row, int col) const;
  boost::json::object row_json(int row) const;
  boost::json::array rows_json() const;

 private:
  std::shared_ptr<PGresult> result_;
};

}  // namespace agenthq::db
