#include "db/pg_result.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "util/time.hpp"

namespace agenthq::db {
namespace {
// Type OIDs from pg_type.h; libpq does not export them to clients.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kJson = 114, kFloat4 = 700, kFloat8 = 701,
              kDate = 1082, kTimestamp = 1114, kTimestamptz = 1184, kJsonb = 3802, kTsvector = 3614;
}  // namespace

int PgResult::affected() const {
  const char* n = result_ ? PQcmdTuples(result_.get()) : "";
  return *n ? std::atoi(n) : 0;
}

std::string_view PgResult::text(int row, int col) const {
  return {PQgetvalue(result_.get(), row, col), static_cast<std::size_t>(PQgetlength(result_.get(), row, col))};
}

std::optional<std::string> PgResult::opt_text(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return std::string(text(row, col));
}

std::int64_t PgResult::integer(int row, int col) const {
  std::int64_t v = 0;
  auto t = text(row, col);
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

bool PgResult::boolean(int row, int col) const { return !is_null(row, col) && text(row, col) == "t"; }

int PgResult::column(std::string_view name) const {
  return PQfnumber(result_.get(), std::string(name).c_str());
}

boost::json::value PgResult::value(int row, int col) const {
  if (is_null(row, col)) return nullptr;
  auto t = text(row, col);
  switch (PQftype(result_.get(), col)) {
    case kBool: return t == "t";
    case kInt2:
    case kInt4:
    case kInt8: return integer(row, col);
    case kFloat4:
    case kFloat8: return std::strtod(std::string(t).c_str(), nullptr);
    case kJson:
    case kJsonb: return boost::json::parse(t);
    case kTimestamp:
    case kTimestamptz: return boost::json::string(util::pg_timestamp_to_iso(t));
    case kDate: return boost::json::string(util::pg_date_to_iso(t));
    default: return boost::json::string(t);
  }
}

boost::json::object PgResult::row_json(int row) const {
  boost::json::object o;
  const int n = columns();
  o.reserve(n);
  for (int c = 0; c < n; ++c) {
    if (PQftype(result_.get(), c) == kTsvector) continue;  // search_vector never goes on the wire
    o.emplace(PQfname(result_.get(), c), value(row, c));
  }
  return o;
}

boost::json::array PgResult::rows_json() const {
  boost::json::array a;
  a.reserve(rows());
  for (int r = 0; r < rows(); ++r) a.emplace_back(row_json(r));
  return a;
}

}  // namespace agenthq::db
