#pragma once
#include <optional>
#include <string>
#include <vector>

namespace agenthq::db {

using Param = std::optional<std::string>;  // nullopt is SQL NULL

// How PostgreSQL should plan a statement. Cached statements are prepared once per connection.
// Parameter-sensitive ones (full-text search) stay unnamed: a prepared statement switches to a
// generic plan after five runs, and for tsquery that plan ignores the GIN index.
enum class Plan { cached, custom };

// A constructor rather than an aggregate: g++ 12 miscompiles brace-initialised aggregates
// holding string literals inside coroutines ("array used as initializer").
struct Statement {
  Statement(std::string sql_text, std::vector<Param> parameters = {}, Plan plan_kind = Plan::cached)
      : sql(std::move(sql_text)), params(std::move(parameters)), plan(plan_kind) {}
  std::string sql;
  std::vector<Param> params;
  Plan plan;
};

}  // namespace agenthq::db
