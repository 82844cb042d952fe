#include "db/sql_builder.hpp"

namespace agenthq::db {

std::string SqlParams::bind(Param value) {
  values_.push_back(std::move(value));
  std::string placeholder = "$";  // appended, not "$" + ...: g++ 12 warns falsely on that form
  placeholder += std::to_string(values_.size());
  return placeholder;
}

std::string SqlParams::and_equal(std::string_view column, const std::optional<std::string>& value,
                                 std::string_view cast) {
  if (!value) return {};
  std::string sql = " AND ";
  sql += column;
  sql += " = ";
  sql += bind(*value);
  sql += cast;
  return sql;
}

std::string timestamp_from_micros(const std::string& placeholder) {
  return "('epoch'::timestamptz + " + placeholder + "::bigint * interval '1 microsecond')";
}

std::string limit_offset(SqlParams& params, std::int64_t limit, std::int64_t offset) {
  std::string sql = " LIMIT " + std::to_string(limit);
  if (offset > 0) sql += " OFFSET " + params.bind(std::to_string(offset)) + "::bigint";
  return sql;
}

void push_count_and_page(std::vector<Statement>& batch, PagedQuery q, std::int64_t limit, std::int64_t offset) {
  Statement count("SELECT count(*)" + q.from_where, q.params.values(), q.plan);
  SqlParams page_params = std::move(q.params);
  std::string page_sql = "SELECT " + q.columns + q.from_where + " ORDER BY " + q.order;
  page_sql += limit_offset(page_params, limit, offset);
  batch.push_back(std::move(count));
  batch.emplace_back(std::move(page_sql), page_params.take(), q.plan);
}

std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace agenthq::db
