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

// The metrics object `column` (re_metrics.metrics) as the routes emit it. The rollup computes
// in NUMERIC and jsonb keeps NUMERIC exactly, but a JSON number reaches the client through a
// double; so money (total_volume, commission_earned) and conversion_rate go out as decimal
// strings with the scale of their source columns (2 and 4 places), like transaction prices.
// Counts stay JSON integers.
std::string emitted_metrics(const std::string& column);

}  // namespace agenthq::verticals::real_estate
