#include "util/json_text.hpp"

#include <algorithm>
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

void write(std::string& out, const json::value& v);

// Serialises what needs no number rewriting in one go, straight into an empty `out`.
template <class T>
void write_as_boost(std::string& out, const T& v) {
  if (out.empty())
    out = json::serialize(v);  // the whole body: no second copy
  else
    out += json::serialize(v);
}

// Containers without a double (the common case: most replies) are serialised by Boost in one go.
void write_array(std::string& out, const json::array& a) {
  if (!std::any_of(a.begin(), a.end(), has_double)) return write_as_boost(out, a);
  out += '[';
  bool first = true;
  for (const auto& item : a) {
    if (!first) out += ',';
    first = false;
    write(out, item);
  }
  out += ']';
}

void write_object(std::string& out, const json::object& o) {
  if (!std::any_of(o.begin(), o.end(), [](const json::key_value_pair& m) { return has_double(m.value()); }))
    return write_as_boost(out, o);
  out += '{';
  bool first = true;
  for (const auto& member : o) {
    if (!first) out += ',';
    first = false;
    out += json::serialize(member.key());
    out += ':';
    write(out, member.value());
  }
  out += '}';
}

void write(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::double_: out += number_text(v.get_double()); return;
    case json::kind::array: return write_array(out, v.get_array());
    case json::kind::object: return write_object(out, v.get_object());
    default: return write_as_boost(out, v);
  }
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

std::string to_json(const json::array& a) {
  std::string out;
  write_array(out, a);
  return out;
}

std::string to_json(const json::object& o) {
  std::string out;
  write_object(out, o);
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
