#include "http/body_reader.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "util/json_text.hpp"

namespace agenthq::http {
namespace json = boost::json;

namespace {
std::string q(std::string_view name) { return std::string(name); }

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

const json::value* BodyReader::field(std::string_view name) const {
  auto it = body_.find(name);
  return it == body_.end() ? nullptr : &it->value();
}

std::optional<std::string> BodyReader::optional_string(std::string_view name, std::size_t min_len,
                                                       std::size_t max_len) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw ApiError::validation(q(name) + " must be a string");
  std::string s(v->as_string());
  const auto len = utf8_length(s);
  if (len < min_len)
    throw ApiError::validation(min_len == 1 ? q(name) + " is required"
                                            : q(name) + " must be at least " + std::to_string(min_len) + " characters");
  if (len > max_len) throw ApiError::validation(q(name) + " must be at most " + std::to_string(max_len) + " characters");
  return s;
}

std::string BodyReader::required_string(std::string_view name, std::size_t min_len, std::size_t max_len) {
  if (!field(name)) throw ApiError::validation(q(name) + " is required");
  return *optional_string(name, min_len, max_len);
}

std::optional<std::optional<std::string>> BodyReader::nullable_string(std::string_view name, std::size_t max_len) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::string>{};
  return std::optional<std::string>{optional_string(name, 0, max_len)};
}

std::optional<json::object> BodyReader::optional_object(std::string_view name, std::size_t max_bytes) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_object()) throw ApiError::validation(q(name) + " must be an object");
  if (json::serialize(*v).size() > max_bytes)
    throw ApiError::validation(q(name) + " must be at most " + std::to_string(max_bytes) + " bytes");
  return v->as_object();
}

std::optional<std::vector<std::string>> BodyReader::optional_string_array(std::string_view name,
                                                                          std::size_t max_items, std::size_t max_len) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_array()) throw ApiError::validation(q(name) + " must be an array of strings");
  const auto& a = v->as_array();
  if (a.size() > max_items) throw ApiError::validation(q(name) + " must have at most " + std::to_string(max_items) + " items");
  std::vector<std::string> out;
  out.reserve(a.size());
  for (const auto& item : a) {
    if (!item.is_string()) throw ApiError::validation(q(name) + " must be an array of strings");
    if (item.as_string().size() > max_len) throw ApiError::validation(q(name) + " items are too long");
    out.emplace_back(item.as_string());
  }
  return out;
}

std::optional<double> BodyReader::optional_number(std::string_view name, double min, double max) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_number()) throw ApiError::validation(q(name) + " must be a number");
  double d = v->to_number<double>();
  if (!(d >= min && d <= max))
    throw ApiError::validation(q(name) + " must be between " + util::number_text(min) + " and " +
                               util::number_text(max));
  return d;
}

std::optional<bool> BodyReader::optional_bool(std::string_view name) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  if (!v->is_bool()) throw ApiError::validation(q(name) + " must be a boolean");
  return v->as_bool();
}

std::optional<std::string> BodyReader::optional_enum(std::string_view name,
                                                     std::initializer_list<std::string_view> allowed) {
  const json::value* v = field(name);
  if (!v) return std::nullopt;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  if (!v->is_string()) throw ApiError::validation(q(name) + " must be one of: " + list);
  std::string_view s = v->as_string();
  for (auto a : allowed)
    if (a == s) return std::string(s);
  throw ApiError::validation(q(name) + " must be one of: " + list);
}

std::string BodyReader::required_enum(std::string_view name, std::initializer_list<std::string_view> allowed) {
  if (!field(name)) throw ApiError::validation(q(name) + " is required");
  return *optional_enum(name, allowed);
}

bool is_valid_email(std::string_view s) {
  if (s.size() > 254) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' ||
        c == ';' || c == '<' || c == '>' || c == '[' || c == '\\' || c == ']')
      return false;
  return domain.find("..") == std::string_view::npos;
}

bool matches_slug(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace agenthq::http
