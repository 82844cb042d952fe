#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agenthq::http {

// Reads and validates fields of a JSON request body. Fields are read in the contract's
// declaration order and the first failure throws VALIDATION_ERROR with that field's message,
// so clients see the same message the reference gives. Unknown fields are ignored.
// "Optional" means absent: an explicit null is rejected unless nullable() is asked for.
class BodyReader {
 public:
  explicit BodyReader(const boost::json::object& body) : body_(body) {}

  std::string required_string(std::string_view name, std::size_t min_len = 1, std::size_t max_len = 10000);
  std::optional<std::string> optional_string(std::string_view name, std::size_t min_len = 0,
                                             std::size_t max_len = 10000);
  // Absent -> nullopt; null -> optional holding nullopt (clear the field); string -> value.
  std::optional<std::optional<std::string>> nullable_string(std::string_view name, std::size_t max_len = 10000);
  std::optional<boost::json::object> optional_object(std::string_view name, std::size_t max_bytes = 64 * 1024);
  std::optional<std::vector<std::string>> optional_string_array(std::string_view name, std::size_t max_items = 1000,
                                                                std::size_t max_len = 1000);
  std::optional<double> optional_number(std::string_view name, double min, double max);
  std::optional<bool> optional_bool(std::string_view name);
  std::optional<std::string> optional_enum(std::string_view name, std::initializer_list<std::string_view> allowed);
  std::string required_enum(std::string_view name, std::initializer_list<std::string_view> allowed);
  bool has(std::string_view name) const { return body_.contains(name); }

 private:
  const boost::json::value* field(std::string_view name) const;
  const boost::json::object& body_;
};

bool is_valid_email(std::string_view s);
bool matches_slug(std::string_view s);  // ^[a-z0-9-]+$

}  // namespace agenthq::http
