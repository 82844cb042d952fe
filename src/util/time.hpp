// Timestamps on the wire (contract 1.8: ISO-8601 UTC, millisecond precision, 'Z') and durations (1.10).
#pragma once
#include <array>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace agenthq::util {

// "2026-02-17T12:00:00.123Z"; sub-millisecond digits are truncated (floored), never rounded.
std::string iso8601_now();
std::string iso8601(std::chrono::system_clock::time_point tp);

// PostgreSQL timestamptz text output (DateStyle=ISO), e.g. "2026-02-17 12:00:00.123456+00", fraction
// optional with 1-6 digits -> "2026-02-17T12:00:00.123Z" (truncated to ms). A non-zero offset
// ("+05:30") is converted to UTC so a session with another TimeZone still yields correct instants.
// No offset (text of a `timestamp without time zone`, which row decoding also routes here) is UTC.
// Throws std::invalid_argument on anything else ("infinity", BC dates): such a value in a row is a bug.
std::string pg_timestamp_to_iso(std::string_view pg);
// The same into `out` (no allocation: rows are decoded by the thousand); the view points into out.
using IsoText = std::array<char, 32>;
std::string_view pg_timestamp_to_iso(std::string_view pg, IsoText& out);

// PostgreSQL date text "2026-02-01" -> "2026-02-01T00:00:00.000Z" (midnight UTC, as the reference
// emits when it runs in UTC). Throws std::invalid_argument on anything else.
std::string pg_date_to_iso(std::string_view pg);
std::string_view pg_date_to_iso(std::string_view pg, IsoText& out);

// "30s", "15m", "2h", "7d"; a bare digit string is milliseconds. Anything else (unknown unit, sign,
// spaces, empty, no digits, overflow) is nullopt.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// A client-supplied ISO-8601 date or date-time:
//   YYYY-MM-DD                                  midnight UTC
//   YYYY-MM-DDTHH:MM[:SS[.fraction]][offset]    offset = Z | +HH:MM | -HH:MM | +HHMM | -HHMM;
//                                               no offset means UTC
// Minutes-only times are accepted because HTML datetime-local inputs send them. Impossible dates and
// times (2026-02-30, 24:00, month 13), instants system_clock cannot hold (before 1677 or after 2262)
// and anything else are nullopt.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace agenthq::util
