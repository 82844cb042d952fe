#include "util/time.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace agenthq::util {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

system_clock::time_point at(year_month_day ymd, system_clock::duration since_midnight = {}) {
  return sys_days(ymd) + since_midnight;
}

TEST(Iso8601, FormatsMillisecondsUtc) {
  EXPECT_EQ(iso8601(at(2026y / 2 / 17, 12h + 123ms)), "2026-02-17T12:00:00.123Z");
  EXPECT_EQ(iso8601(at(2026y / 2 / 17)), "2026-02-17T00:00:00.000Z");
  EXPECT_EQ(iso8601(at(1999y / 12 / 31, 23h + 59min + 59s + 999999us)), "1999-12-31T23:59:59.999Z");
  EXPECT_EQ(iso8601(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
  // Before the epoch truncation must go down, not toward zero.
  EXPECT_EQ(iso8601(system_clock::time_point{} - 1us), "1969-12-31T23:59:59.999Z");
}

TEST(Iso8601, NowIsCurrentAndWellShaped) {
  const std::string now = iso8601_now();
  ASSERT_EQ(now.size(), 24u);
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
  const auto parsed = parse_iso8601(now);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_LT(abs(duration_cast<milliseconds>(system_clock::now() - *parsed)), 2s);
}

TEST(PgTimestamp, ConvertsFractionsByTruncation) {
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00.123456+00"), "2026-02-17T12:00:00.123Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00+00"), "2026-02-17T12:00:00.000Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00.5+00"), "2026-02-17T12:00:00.500Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00.12+00"), "2026-02-17T12:00:00.120Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00.1239+00"), "2026-02-17T12:00:00.123Z");
  // Rounding would carry into the next day and year.
  EXPECT_EQ(pg_timestamp_to_iso("2025-12-31 23:59:59.999999+00"), "2025-12-31T23:59:59.999Z");
}

TEST(PgTimestamp, AppliesNonUtcOffsets) {
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 14:00:00+02"), "2026-02-17T12:00:00.000Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 05:30:00.25-06:30"), "2026-02-17T12:00:00.250Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-03-01 00:10:00+01"), "2026-02-28T23:10:00.000Z");
}

TEST(PgTimestamp, NoOffsetMeansUtc) {
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00"), "2026-02-17T12:00:00.000Z");
  EXPECT_EQ(pg_timestamp_to_iso("2026-02-17 12:00:00.987654"), "2026-02-17T12:00:00.987Z");
}

TEST(PgTimestamp, RejectsAnythingElse) {
  for (const char* bad :
       {"", "infinity", "-infinity", "2026-02-17T12:00:00+00", "2026-02-17 12:00:00.+00",
        "2026-02-17 12:00:00.1234567+00", "2026-02-30 12:00:00+00", "2026-02-17 24:00:00+00",
        "2026-02-17 12:00+00", "0044-03-15 12:00:00+00 BC", "2026-02-17 12:00:00+00 "}) {
    EXPECT_THROW(pg_timestamp_to_iso(bad), std::invalid_argument) << bad;
  }
}

TEST(PgDate, MidnightUtc) {
  EXPECT_EQ(pg_date_to_iso("2026-02-01"), "2026-02-01T00:00:00.000Z");
  EXPECT_EQ(pg_date_to_iso("2024-02-29"), "2024-02-29T00:00:00.000Z");
  EXPECT_THROW(pg_date_to_iso("2025-02-29"), std::invalid_argument);
  EXPECT_THROW(pg_date_to_iso("2026-02-01 00:00:00+00"), std::invalid_argument);
  EXPECT_THROW(pg_date_to_iso(""), std::invalid_argument);
}

TEST(ParseDuration, AcceptedForms) {
  EXPECT_EQ(parse_duration("30s"), 30s);
  EXPECT_EQ(parse_duration("15m"), 15min);
  EXPECT_EQ(parse_duration("2h"), 2h);
  EXPECT_EQ(parse_duration("7d"), 7 * 24h);
  EXPECT_EQ(parse_duration("60000"), 60000ms);  // bare number: milliseconds
  EXPECT_EQ(parse_duration("0"), 0ms);
}

TEST(ParseDuration, RejectedForms) {
  for (const char* bad : {"15x", "", "-5m", "m", "+5m", " 5m", "5m ", "5 m", "1.5h", "15mm", "15M", "5ms",
                          "99999999999999999999", "9999999999999999d"}) {
    EXPECT_EQ(parse_duration(bad), std::nullopt) << bad;
  }
}

TEST(ParseIso8601, AcceptedForms) {
  EXPECT_EQ(parse_iso8601("2026-02-17"), at(2026y / 2 / 17));
  EXPECT_EQ(parse_iso8601("2026-02-17T12:00:00Z"), at(2026y / 2 / 17, 12h));
  EXPECT_EQ(parse_iso8601("2026-02-17T12:00:00"), at(2026y / 2 / 17, 12h));  // no offset: UTC
  EXPECT_EQ(parse_iso8601("2026-02-17T12:00:00.5+02:00"), at(2026y / 2 / 17, 10h + 500ms));
  EXPECT_EQ(parse_iso8601("2026-02-17T12:00:00.123456789-0130"), at(2026y / 2 / 17, 13h + 30min + 123456us));
  EXPECT_EQ(parse_iso8601("2026-02-17T12:00:00.000Z"), at(2026y / 2 / 17, 12h));  // our own output
  EXPECT_EQ(parse_iso8601("2026-02-17T12:30"), at(2026y / 2 / 17, 12h + 30min));  // datetime-local
  EXPECT_EQ(parse_iso8601("2026-01-01T00:30:00+01:00"), at(2025y / 12 / 31, 23h + 30min));
  EXPECT_EQ(parse_iso8601("2024-02-29"), at(2024y / 2 / 29));
}

TEST(ParseIso8601, RejectedForms) {
  for (const char* bad : {"2026-02-30",
                          "yesterday",
                          "2026-13-01",
                          "2025-02-29",
                          "2026-00-10",
                          "2026-02-00",
                          "",
                          "2026-2-17",
                          "26-02-17",
                          "2026/02/17",
                          "2026-02-17T",
                          "2026-02-17 12:00:00",
                          "2026-02-17T24:00:00Z",
                          "2026-02-17T12:60:00Z",
                          "2026-02-17T12:00:60Z",
                          "2026-02-17T12:00:00.Z",
                          "2026-02-17T12:00.5Z",
                          "2026-02-17T12:00:00+2:00",
                          "2026-02-17T12:00:00+24:00",
                          "2026-02-17T12:00:00ZZ",
                          "2026-02-17T12:00:00 Z",
                          "2026-02-17x",
                          "1234567890",
                          "9999-12-31"}) {
    EXPECT_EQ(parse_iso8601(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace agenthq::util
