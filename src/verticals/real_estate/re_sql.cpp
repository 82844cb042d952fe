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

}  // namespace agenthq::verticals::real_estate
