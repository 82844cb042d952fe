#pragma once
#include <string>

namespace agenthq::verticals::real_estate {

// SQL fragments shared by the vertical's stores.

// The Transaction object's columns (contract 3.16), qualified by `table`.
std::string transaction_columns(const std::string& table);

// SQL for "the day the text expression `text_sql` names": its first ten characters when they
// are a real YYYY-MM-DD date (years 1900-2199), else NULL. Never raises, so a malformed date
// stored by an older client or an import cannot make a metrics rollup fail.
std::string safe_date(const std::string& text_sql);

}  // namespace agenthq::verticals::real_estate
