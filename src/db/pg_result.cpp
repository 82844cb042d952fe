#include "db/pg_result.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "util/json_text.hpp"
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

boost::json::value PgResult::value(int row, int col, boost::json::storage_ptr sp) const {
  if (is_null(row, col)) return boost::json::value(nullptr, sp);
  auto t = text(row, col);
  switch (PQftype(result_.get(), col)) {
    case kBool: return boost::json::value(t == "t", sp);
    case kInt2:
    case kInt4:
    case kInt8: return boost::json::value(integer(row, col), sp);
    case kFloat4:
    case kFloat8: {
      double d = 0;
      std::from_chars(t.data(), t.data() + t.size(), d);  // PostgreSQL float text, NaN and Infinity included
      return boost::json::value(d, sp);
    }
    case kJson:
    case kJsonb: return boost::json::parse(t, sp);
    case kTimestamp:
    case kTimestamptz: {
      util::IsoText iso;
      return boost::json::string(util::pg_timestamp_to_iso(t, iso), sp);
    }
    case kDate: {
      util::IsoText iso;
      return boost::json::string(util::pg_date_to_iso(t, iso), sp);
    }
    default: return boost::json::string(t, sp);
  }
}

boost::json::object PgResult::row_json(int row, boost::json::storage_ptr sp) const {
  boost::json::object o(sp);
  const int n = columns();
  o.reserve(n);
  for (int c = 0; c < n; ++c) {
    if (PQftype(result_.get(), c) == kTsvector) continue;  // search_vector never goes on the wire
    o.emplace(PQfname(result_.get(), c), value(row, c, sp));
  }
  return o;
}

boost::json::array PgResult::rows_json() const {
  boost::json::array a(boost::json::make_shared_resource<boost::json::monotonic_resource>());
  a.reserve(rows());
  for (int r = 0; r < rows(); ++r) a.emplace_back(row_json(r, a.storage()));
  return a;
}

namespace {

// Appends serializer output (an escaped string) to out.
void append_serialized(std::string& out, boost::json::serializer& sr) {
  char buf[512];
  while (!sr.done()) out += sr.read(buf, sizeof buf);
}

// Most column values (ids, names, plain text) need no escaping at all: those are copied between
// quotes; anything with a quote, a backslash or a control character goes through Boost.JSON.
void append_string(std::string& out, boost::json::serializer& sr, std::string_view text) {
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  });
  if (plain) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  sr.reset(text);
  append_serialized(out, sr);
}

// PostgreSQL's jsonb output is valid, canonical JSON with a space after ':' and ','; the hub
// writes JSON without spaces. Whitespace inside strings stays.
void append_compact(std::string& out, std::string_view json) {
  bool in_string = false, escaped = false;
  for (char c : json) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      continue;
    } else if (c == '"') {
      in_string = true;
    }
    out += c;
  }
}

}  // namespace

void PgResult::append_row_json(std::string& out, int row, int omit) const {
  boost::json::serializer sr;
  out += '{';
  bool first = true;
  const int n = columns();
  for (int c = 0; c < n; ++c) {
    const Oid type = PQftype(result_.get(), c);
    if (c == omit || type == kTsvector) continue;
    if (!first) out += ',';
    first = false;
    append_string(out, sr, PQfname(result_.get(), c));
    out += ':';
    if (is_null(row, c)) {
      out += "null";
      continue;
    }
    const auto t = text(row, c);
    switch (type) {
      case kBool: out += t == "t" ? "true" : "false"; break;
      case kInt2:
      case kInt4:
      case kInt8: out += t; break;  // PostgreSQL's integer text is already JSON's
      case kFloat4:
      case kFloat8: {
        double d = 0;
        std::from_chars(t.data(), t.data() + t.size(), d);
        out += util::number_text(d);
        break;
      }
      case kJsonb: append_compact(out, t); break;
      case kJson: out += util::to_json(boost::json::parse(t)); break;  // json keeps its input's text
      case kTimestamp:
      case kTimestamptz:
      case kDate: {
        util::IsoText iso;
        out += '"';
        out += type == kDate ? util::pg_date_to_iso(t, iso) : util::pg_timestamp_to_iso(t, iso);
        out += '"';
        break;
      }
      default: append_string(out, sr, t);
    }
  }
  out += '}';
}

boost::json::array JsonRows::parsed() const { return boost::json::parse(json).as_array(); }

std::int64_t PgResult::counted_page_json(JsonRows& rows) const {
  const int total_column = column("total");
  rows.json = "[";
  rows.count = 0;
  for (int row = 0; row < this->rows(); ++row) {
    if (is_null(row, 0)) continue;
    if (rows.count++ > 0) rows.json += ',';
    append_row_json(rows.json, row, total_column);
  }
  rows.json += ']';
  return empty() ? 0 : integer(0, total_column);
}

}  // namespace agenthq::db
