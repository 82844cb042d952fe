#include "util/time.hpp"

#include <cstdint>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace agenthq::util {
namespace {

using namespace std::chrono;
// Microseconds span +-292,000 years, so PostgreSQL's whole year range fits; system_clock's nanoseconds
// do not (1677..2262), which parse_iso8601 checks before converting.
using Micros = time_point<system_clock, microseconds>;

// A forward-only reader over the text; every parse below is a sequence of exact expectations.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool done() const { return pos_ == s_.size(); }
  bool peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  bool take_any(std::string_view chars, char& got) {
    if (pos_ >= s_.size() || chars.find(s_[pos_]) == std::string_view::npos) return false;
    got = s_[pos_++];
    return true;
  }
  // Exactly n decimal digits.
  bool digits(int n, int& out) {
    out = 0;
    for (int i = 0; i < n; ++i) {
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') return false;
      out = out * 10 + (s_[pos_++] - '0');
    }
    return true;
  }
  // '.' then 1..max_digits digits, as microseconds; digits past the 6th are dropped (truncation).
  bool fraction(int max_digits, microseconds& out) {
    if (!take('.')) return true;
    std::int64_t value = 0;
    int count = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      if (count < 6) value = value * 10 + (s_[pos_] - '0');
      ++count;
      ++pos_;
    }
    if (count == 0 || count > max_digits) return false;
    for (int i = count; i < 6; ++i) value *= 10;
    out = microseconds(value);
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

bool read_date(Cursor& c, sys_days& out) {
  int y = 0, m = 0, d = 0;
  if (!c.digits(4, y) || !c.take('-') || !c.digits(2, m) || !c.take('-') || !c.digits(2, d)) return false;
  const year_month_day ymd{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return false;  // rejects month 13, Feb 30, Feb 29 outside leap years
  out = sys_days(ymd);
  return true;
}

// HH:MM, then :SS if present; has_seconds tells the caller whether a fraction may follow.
bool read_clock(Cursor& c, seconds& out, bool& has_seconds) {
  int h = 0, m = 0, s = 0;
  if (!c.digits(2, h) || !c.take(':') || !c.digits(2, m)) return false;
  has_seconds = c.take(':');
  if (has_seconds && !c.digits(2, s)) return false;
  if (h > 23 || m > 59 || s > 59) return false;
  out = hours(h) + minutes(m) + seconds(s);
  return true;
}

// PostgreSQL's offset: +HH, +HH:MM or +HH:MM:SS (sign either way).
bool read_pg_offset(Cursor& c, seconds& out) {
  char sign = 0;
  int h = 0, m = 0, s = 0;
  if (!c.take_any("+-", sign) || !c.digits(2, h)) return false;
  if (c.take(':') && (!c.digits(2, m) || (c.take(':') && !c.digits(2, s)))) return false;
  if (m > 59 || s > 59) return false;
  out = hours(h) + minutes(m) + seconds(s);
  if (sign == '-') out = -out;
  return true;
}

// ISO-8601 offset: Z, +HH:MM or +HHMM (sign either way).
bool read_iso_offset(Cursor& c, seconds& out) {
  out = seconds(0);
  if (c.take('Z') || c.take('z')) return true;
  char sign = 0;
  int h = 0, m = 0;
  if (!c.take_any("+-", sign) || !c.digits(2, h)) return false;
  c.take(':');
  if (!c.digits(2, m) || h > 23 || m > 59) return false;
  out = hours(h) + minutes(m);
  if (sign == '-') out = -out;
  return true;
}

// Fixed-width decimal digits, most significant first.
char* put_digits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

// "YYYY-MM-DDTHH:MM:SS.mmmZ" without printf (a hot path: every timestamp of every row).
std::string_view format_iso(Micros tp, IsoText& out) {
  const auto ms = floor<milliseconds>(tp);
  const auto day_start = floor<days>(ms);
  const year_month_day ymd{day_start};
  const hh_mm_ss hms{ms - day_start};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // outside what PostgreSQL's AD dates give us: keep printf's form
    const int n = std::snprintf(out.data(), out.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", year,
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
    return {out.data(), static_cast<std::size_t>(n)};
  }
  char* p = out.data();
  p = put_digits(p, year, 4);
  *p++ = '-';
  p = put_digits(p, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  *p++ = '-';
  p = put_digits(p, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  *p++ = 'T';
  p = put_digits(p, static_cast<int>(hms.hours().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<int>(hms.minutes().count()), 2);
  *p++ = ':';
  p = put_digits(p, static_cast<int>(hms.seconds().count()), 2);
  *p++ = '.';
  p = put_digits(p, static_cast<int>(hms.subseconds().count()), 3);
  *p++ = 'Z';
  return {out.data(), static_cast<std::size_t>(p - out.data())};
}

std::string format_iso(Micros tp) {
  IsoText out;
  return std::string(format_iso(tp, out));
}

}  // namespace

std::string iso8601(system_clock::time_point tp) { return format_iso(floor<microseconds>(tp)); }

std::string iso8601_now() { return iso8601(system_clock::now()); }

std::string_view pg_timestamp_to_iso(std::string_view pg, IsoText& out) {
  Cursor c(pg);
  sys_days date;
  seconds clock{};
  microseconds frac{};
  seconds offset{};
  bool has_seconds = false;
  if (!read_date(c, date) || !c.take(' ') || !read_clock(c, clock, has_seconds) || !has_seconds ||
      !c.fraction(6, frac) || (!c.done() && !read_pg_offset(c, offset)) || !c.done()) {
    throw std::invalid_argument("not a PostgreSQL timestamptz: " + std::string(pg));
  }
  return format_iso(Micros(date) + clock + frac - offset, out);
}

std::string pg_timestamp_to_iso(std::string_view pg) {
  IsoText out;
  return std::string(pg_timestamp_to_iso(pg, out));
}

std::string_view pg_date_to_iso(std::string_view pg, IsoText& out) {
  Cursor c(pg);
  sys_days date;
  if (!read_date(c, date) || !c.done())
    throw std::invalid_argument("not a PostgreSQL date: " + std::string(pg));
  return format_iso(Micros(date), out);
}

std::string pg_date_to_iso(std::string_view pg) {
  IsoText out;
  return std::string(pg_date_to_iso(pg, out));
}

std::optional<milliseconds> parse_duration(std::string_view text) {
  std::size_t i = 0;
  std::int64_t value = 0;
  constexpr std::int64_t kMax = std::numeric_limits<milliseconds::rep>::max();
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    const int digit = text[i] - '0';
    if (value > (kMax - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (i == 0) return std::nullopt;  // "", "m", "-5m", " 5m"

  std::int64_t unit_ms = 1;
  if (i < text.size()) {
    if (i + 1 != text.size()) return std::nullopt;  // "15mm", "5 m", "1.5h"
    switch (text[i]) {
      case 's':
        unit_ms = 1000;
        break;
      case 'm':
        unit_ms = 60 * 1000;
        break;
      case 'h':
        unit_ms = 60 * 60 * 1000;
        break;
      case 'd':
        unit_ms = 24 * 60 * 60 * 1000;
        break;
      default:
        return std::nullopt;
    }
  }
  if (value > kMax / unit_ms) return std::nullopt;
  return milliseconds(value * unit_ms);
}

std::optional<system_clock::time_point> parse_iso8601(std::string_view text) {
  Cursor c(text);
  sys_days date;
  if (!read_date(c, date)) return std::nullopt;
  Micros tp(date);

  seconds clock{};
  microseconds frac{};
  seconds offset{};
  if (!c.done()) {
    bool has_seconds = false;
    if (!(c.take('T') || c.take('t')) || !read_clock(c, clock, has_seconds)) return std::nullopt;
    if (has_seconds && !c.fraction(9, frac)) return std::nullopt;
    if (!c.done() && !read_iso_offset(c, offset)) return std::nullopt;
    if (!c.done()) return std::nullopt;
    tp += clock + frac - offset;
  }
  // Outside system_clock's range the conversion would wrap silently.
  constexpr auto kMin = time_point_cast<microseconds>(system_clock::time_point::min());
  constexpr auto kMax = time_point_cast<microseconds>(system_clock::time_point::max());
  if (tp <= kMin || tp >= kMax) return std::nullopt;
  return time_point_cast<system_clock::duration>(tp);
}

}  // namespace agenthq::util
