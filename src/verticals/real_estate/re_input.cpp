#include "verticals/real_estate/re_input.hpp"

#include <boost/json.hpp>

#include "http/api_error.hpp"
#include "http/body_reader.hpp"
#include "util/json_text.hpp"
#include "verticals/real_estate/pipeline.hpp"

namespace agenthq::verticals::real_estate {
namespace json = boost::json;
using http::ApiError;

namespace {
std::string number_text(const json::value& v) {
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return util::number_text(v.get_double());
}

std::string checked_decimal(const json::value& v, std::string_view name, double min, double max) {
  if (!v.is_number()) throw ApiError::validation(std::string(name) + " must be a number");
  const double d = v.to_number<double>();
  if (!(d >= min && d <= max)) {
    std::string range = min == 0 && max == kMaxMoney
                            ? "a non-negative amount below 10,000,000,000"
                            : "between " + util::number_text(min) + " and " + util::number_text(max);
    throw ApiError::validation(std::string(name) + " must be " + range);
  }
  return number_text(v);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}
}  // namespace

std::optional<std::string> read_decimal(const json::object& body, std::string_view name, double min,
                                        double max) {
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  return checked_decimal(it->value(), name, min, max);
}

std::optional<std::optional<std::string>> read_nullable_decimal(const json::object& body,
                                                                std::string_view name, double min,
                                                                double max) {
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  if (it->value().is_null()) return std::optional<std::string>{};
  return std::optional<std::string>{checked_decimal(it->value(), name, min, max)};
}

std::optional<std::optional<std::string>> read_nullable_id(const json::object& body, std::string_view name) {
  auto it = body.find(name);
  if (it == body.end()) return std::nullopt;
  if (it->value().is_null()) return std::optional<std::string>{};
  if (!it->value().is_string() || it->value().as_string().empty() || it->value().as_string().size() > 64)
    throw ApiError::validation(std::string(name) + " must be the id of an agent of this organisation");
  return std::optional<std::string>{std::string(it->value().as_string())};
}

bool is_calendar_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  const int year = std::stoi(std::string(t.substr(0, 4)));
  const int month = std::stoi(std::string(t.substr(5, 2)));
  const int day = std::stoi(std::string(t.substr(8, 2)));
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

json::object read_key_dates(const json::object& body, bool allow_nulls) {
  auto it = body.find("key_dates");
  if (it == body.end()) return {};
  if (!it->value().is_object()) throw ApiError::validation("key_dates must be an object");
  const auto& dates = it->value().as_object();
  if (dates.size() > 32) throw ApiError::validation("key_dates must have at most 32 entries");
  for (const auto& [key, value] : dates) {
    const std::string name = "key_dates." + std::string(key);
    if (key.empty() || key.size() > 64)
      throw ApiError::validation("key_dates keys must be 1 to 64 characters");
    if (value.is_null() && allow_nulls) continue;
    if (!value.is_string()) throw ApiError::validation(name + " must be a string");
    if (value.as_string().size() > 100) throw ApiError::validation(name + " must be at most 100 characters");
    if (is_status(key) && !is_calendar_date(value.as_string()))
      throw ApiError::validation(name + " must be a date (YYYY-MM-DD)");
  }
  return dates;
}

}  // namespace agenthq::verticals::real_estate
