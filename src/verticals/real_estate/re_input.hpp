#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::verticals::real_estate {

// Input checks for the vertical's numbers and dates, done before any SQL so that a bad value
// is a 400 VALIDATION_ERROR and never a database error (numeric overflow, bad date cast).

// numeric(12,2) holds up to 9,999,999,999.99.
inline constexpr double kMaxMoney = 9999999999.99;

// The JSON number `name` in [min, max], as decimal text PostgreSQL's numeric parses exactly as
// written (integers as digits, other numbers in their shortest round-trip form, e.g. "4.5E5").
// Absent: nullopt. null, a string or an out-of-range number: VALIDATION_ERROR.
std::optional<std::string> read_decimal(const boost::json::object& body, std::string_view name, double min,
                                        double max);
// Same, but null is accepted and means "clear the field" (the inner optional is empty).
std::optional<std::optional<std::string>> read_nullable_decimal(const boost::json::object& body,
                                                                std::string_view name, double min,
                                                                double max);

// An id reference: absent -> nullopt, null -> clear (inner empty), non-empty string -> value.
std::optional<std::optional<std::string>> read_nullable_id(const boost::json::object& body,
                                                           std::string_view name);

// YYYY-MM-DD naming a real calendar day between 1900 and 2199.
bool is_calendar_date(std::string_view text);

// key_dates: an object of at most 32 entries whose keys are 1..64 characters and whose values
// are strings of at most 100 characters (null too when allow_nulls: a PATCH merge removes that
// key). Keys named after a status (listed, closed, ...) are the dates the pipeline and the
// metrics read, so their values must be YYYY-MM-DD. Returns the object as given.
boost::json::object read_key_dates(const boost::json::object& body, bool allow_nulls);

}  // namespace agenthq::verticals::real_estate
