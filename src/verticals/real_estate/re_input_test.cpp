#include "verticals/real_estate/re_input.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api_error.hpp"

namespace agenthq::verticals::real_estate {
namespace {
namespace json = boost::json;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const http::ApiError& e) {
    return e.what();
  }
  return "";
}

TEST(ReInput, DecimalsKeepTheirExactText) {
  const json::object body =
      json::parse(R"({"a":450000,"b":1234.5,"c":0.0275,"d":0,"e":null,"f":"5","g":-1,"h":1.5})").as_object();
  EXPECT_EQ(read_decimal(body, "a", 0, kMaxMoney), "450000");
  EXPECT_EQ(json::value(1234.5), json::parse(*read_decimal(body, "b", 0, kMaxMoney)));
  EXPECT_DOUBLE_EQ(std::stod(*read_decimal(body, "c", 0, 1)), 0.0275);
  EXPECT_EQ(read_decimal(body, "d", 0, 1), "0");
  EXPECT_FALSE(read_decimal(body, "absent", 0, 1));
  EXPECT_EQ(error_of([&] { read_decimal(body, "e", 0, 1); }), "e must be a number");
  EXPECT_EQ(error_of([&] { read_decimal(body, "f", 0, 1); }), "f must be a number");
  EXPECT_EQ(error_of([&] { read_decimal(body, "g", 0, kMaxMoney); }),
            "g must be a non-negative amount below 10,000,000,000");
  EXPECT_EQ(error_of([&] { read_decimal(body, "h", 0, 1); }), "h must be between 0 and 1");
  auto cleared = read_nullable_decimal(body, "e", 0, 1);
  ASSERT_TRUE(cleared);
  EXPECT_FALSE(*cleared);
}

TEST(ReInput, CalendarDates) {
  EXPECT_TRUE(is_calendar_date("2026-02-28"));
  EXPECT_TRUE(is_calendar_date("2024-02-29"));
  EXPECT_FALSE(is_calendar_date("2026-02-29"));
  EXPECT_FALSE(is_calendar_date("1900-02-29"));
  EXPECT_TRUE(is_calendar_date("2000-02-29"));
  EXPECT_FALSE(is_calendar_date("2026-13-01"));
  EXPECT_FALSE(is_calendar_date("2026-1-01"));
  EXPECT_FALSE(is_calendar_date("2026-01-01T00:00:00Z"));
  EXPECT_FALSE(is_calendar_date("1899-12-31"));
  EXPECT_FALSE(is_calendar_date("2026-04-31"));
  EXPECT_FALSE(is_calendar_date(""));
}

TEST(ReInput, KeyDates) {
  auto body = [](const char* text) { return json::parse(text).as_object(); };
  EXPECT_EQ(
      read_key_dates(body(R"({"key_dates":{"listed":"2026-01-02","walkthrough":"soon"}})"), false).size(),
      2u);
  EXPECT_TRUE(read_key_dates(body("{}"), false).empty());
  EXPECT_EQ(read_key_dates(body(R"({"key_dates":{"closed":null}})"), true).size(), 1u);
  EXPECT_EQ(error_of([&] { read_key_dates(body(R"({"key_dates":{"closed":null}})"), false); }),
            "key_dates.closed must be a string");
  EXPECT_EQ(error_of([&] { read_key_dates(body(R"({"key_dates":{"closed":"2026-02-30"}})"), true); }),
            "key_dates.closed must be a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of([&] { read_key_dates(body(R"({"key_dates":{"":"x"}})"), true); }),
            "key_dates keys must be 1 to 64 characters");
  EXPECT_EQ(error_of([&] { read_key_dates(body(R"({"key_dates":[]})"), true); }),
            "key_dates must be an object");
}

}  // namespace
}  // namespace agenthq::verticals::real_estate
