#include "util/json_text.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>

namespace agenthq::util {
namespace json = boost::json;

namespace {
bool has_double(const json::value& v) {
  switch (v.kind()) {
    case json::kind::double_: return true;
    case json::kind::array:
      for (const auto& item : v.get_array())
        if (has_double(item)) return true;
      return false;
    case json::kind::object:
      for (const auto& member : v.get_object())
        if (has_double(member.value())) return true;
      return false;
    default: return false;
  }
}

// Containers without a double (the common case: most replies) are serialised by Boost in one go.
void write(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::double_: out += number_text(v.get_double()); return;
    case json::kind::array: {
      if (!has_double(v)) break;
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(out, item);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      if (!has_double(v)) break;
      out += '{';
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(member.key());
        out += ':';
        write(out, member.value());
      }
      out += '}';
      return;
    }
    default: break;
  }
  out += json::serialize(v);
}
}  // namespace

std::string number_text(double d) {
  if (!std::isfinite(d)) return "null";
  if (d == 0) return "0";  // also -0
  // Fixed notation, shortest round trip: at most 309 integer digits, or 0. and ~340 fraction digits.
  char text[400];
  const auto end = std::to_chars(text, text + sizeof text, d, std::chars_format::fixed).ptr;
  return std::string(text, end);
}

std::string to_json(const json::value& v) {
  std::string out;
  write(out, v);
  return out;
}

bool has_non_finite(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::double_: return !std::isfinite(v.get_double());
    case boost::json::kind::array:
      for (const auto& e : v.get_array())
        if (has_non_finite(e)) return true;
      return false;
    case boost::json::kind::object:
      for (const auto& kv : v.get_object())
        if (has_non_finite(kv.value())) return true;
      return false;
    default: return false;
  }
}

}  // namespace agenthq::util
