#pragma once
#include <vector>

#include "db/statement.hpp"

namespace agenthq::db {

// At LOG_LEVEL=trace every statement the pool sends is logged with its parameters, so that
// bench/ can replay exactly the SQL a request sends through pgbench. Never enable it in
// production: parameters include password hashes and other secrets.
void log_statements(const std::vector<Statement>& statements);

}  // namespace agenthq::db
