#pragma once
#include <boost/json/value.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace agenthq::cli {

// JSON indented by two spaces (Boost.JSON only serialises compactly).
std::string pretty_json(const boost::json::value& v);

// A column of a human table: its heading and the field of each row object it shows.
struct Column {
  std::string title;
  std::string field;  // a key, or "a.b" for a nested one
  std::size_t max_width = 48;
};

// Aligned columns, one row per array element; values are flattened to one line and cut to
// max_width. An empty array prints "(none)".
void print_table(std::ostream& out, const boost::json::value& rows, const std::vector<Column>& columns);
// "key: value" lines for one object.
void print_fields(std::ostream& out, const boost::json::value& object, const std::vector<Column>& fields);

std::string display(const boost::json::value& v);  // a scalar as text, anything else as compact JSON

}  // namespace agenthq::cli
