#include "support/json_numbers.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <stdexcept>

namespace agenthq::test {
namespace json = boost::json;

namespace {
// A basic_parser handler that keeps only number texts (a number may arrive in parts).
struct NumberCollector {
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::vector<std::string> tokens;
  std::string part;

  bool number(json::string_view s) {
    tokens.push_back(part + std::string(s));
    part.clear();
    return true;
  }
  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) { return true; }
  bool on_object_end(std::size_t, json::error_code&) { return true; }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t, json::error_code&) { return true; }
  bool on_key_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_key(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string_part(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, json::error_code&) { return true; }
  bool on_number_part(json::string_view s, json::error_code&) {
    part.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t, json::string_view s, json::error_code&) { return number(s); }
  bool on_uint64(std::uint64_t, json::string_view s, json::error_code&) { return number(s); }
  bool on_double(double, json::string_view s, json::error_code&) { return number(s); }
  bool on_bool(bool, json::error_code&) { return true; }
  bool on_null(json::error_code&) { return true; }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};
}  // namespace

std::vector<std::string> json_number_tokens(std::string_view text) {
  json::basic_parser<NumberCollector> parser(json::parse_options{});
  json::error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  if (ec) throw std::runtime_error("not JSON: " + ec.message());
  return std::move(parser.handler().tokens);
}

std::vector<std::string> exponent_numbers(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : json_number_tokens(text))
    if (t.find_first_of("eE") != std::string::npos) out.push_back(std::move(t));
  return out;
}

}  // namespace agenthq::test
