#include "verticals/real_estate/re_sql.hpp"

#include <boost/json.hpp>

namespace agenthq::verticals::real_estate {

std::string transaction_columns(const std::string& t) {
  std::string out;
  for (const char* c : {"id", "org_id", "property_address", "mls_number", "status", "type", "listing_price",
                        "sale_price", "commission_rate", "commission_amount", "listing_agent_id",
                        "buyers_agent_id", "client_name", "key_dates", "created_at", "updated_at"}) {
    if (!out.empty()) out += ", ";
    out += t + "." + c;
  }
  return out;
}

std::string safe_date(const std::string& x) {
  const std::string first = "make_date(substr(" + x + ", 1, 4)::int, substr(" + x + ", 6, 2)::int, 1)";
  const std::string day = first + " + (substr(" + x + ", 9, 2)::int - 1)";
  // Nested CASEs: the shape is checked before anything is cast; days 29-31 must stay in their month.
  std::string sql =
      "(CASE WHEN " + x + " ~ '^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' THEN ";
  sql += "CASE WHEN substr(" + x + ", 9, 2) <= '28' OR to_char(" + day + ", 'MM') = substr(" + x +
         ", 6, 2) THEN ";
  sql += day + " END END)";
  return sql;
}

std::string emitted_metrics(const std::string& column) {
  auto decimal = [&](const char* key, int scale) {
    return std::string("'") + key + "', round((" + column + " ->> '" + key + "')::numeric, " +
           std::to_string(scale) + ")::text";
  };
  // jsonb_strip_nulls: a key the row does not have stays absent.
  return "(" + column + " || jsonb_strip_nulls(jsonb_build_object(" + decimal("total_volume", 2) + ", " +
         decimal("commission_earned", 2) + ", " + decimal("conversion_rate", 4) + ")))";
}

}  // namespace agenthq::verticals::real_estate
