#pragma once
#include <stdexcept>
#include <string>

namespace agenthq::db {

// A statement PostgreSQL rejected. sqlstate and constraint let stores turn expected
// failures (unique violations, foreign keys) into domain errors.
class PgError : public std::runtime_error {
 public:
  PgError(std::string sqlstate, std::string constraint, const std::string& message)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)), constraint_(std::move(constraint)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  const std::string& constraint() const { return constraint_; }
  bool is_unique_violation() const { return sqlstate_ == "23505"; }
  bool is_foreign_key_violation() const { return sqlstate_ == "23503"; }

 private:
  std::string sqlstate_;
  std::string constraint_;
};

// The database cannot be reached (connection refused, lost, pool exhausted): the request
// fails with 503 and the pool reconnects on a later request.
class PgUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace agenthq::db
