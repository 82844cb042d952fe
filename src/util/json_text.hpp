#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>

namespace agenthq::util {

// The one place that decides how the hub writes a number. Boost.JSON writes every double in
// exponent form (1.0945E6, 1E0, 8.5E-1); people, spreadsheets, decimal-decoding clients and diffs
// expect plain decimals. So: integers as integers, other numbers as the shortest plain decimal
// that reads back as the same double (1094500, 30757.5, 0.85, 0.0000001), never an exponent.
// Money and rates are not doubles at all: they stay PostgreSQL NUMERIC and go out as decimal
// strings with their column's scale ("1094500.00"), see the README.

// A finite double as plain decimal text. Non-finite values have no JSON form: "null".
std::string number_text(double d);

// JSON text of a value: Boost.JSON's serialisation (escaping, structure), numbers as above.
// Every HTTP body and WebSocket event goes through this.
std::string to_json(const boost::json::value& v);
// The same for a container held as such (no copy into a boost::json::value first).
std::string to_json(const boost::json::array& a);
std::string to_json(const boost::json::object& o);

// Whether v holds a number that is not finite anywhere inside it. JSON has none, but a parser
// turns an overflowing literal (1e999) into infinity: such input is refused, not stored.
bool has_non_finite(const boost::json::value& v);

}  // namespace agenthq::util
