#pragma once
#include <string>
#include <vector>

namespace agenthq::db {

// One SQL file of migrations/, compiled into the binary (see cmake/embed_migrations.cmake).
struct EmbeddedSqlFile {
  std::string name;  // e.g. "001_orgs.up.sql"
  std::string sql;
};

const std::vector<EmbeddedSqlFile>& embedded_sql_files();

}  // namespace agenthq::db
