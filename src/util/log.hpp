#pragma once
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <string>

namespace agenthq::util::log {

// A free-text message as one JSON log line ({"time","level","msg":"..."}): the text is
// formatted first and then escaped, so quotes or newlines in it cannot break the line.
template <class... Args>
void message(spdlog::level::level_enum level, fmt::format_string<Args...> format, Args&&... args) {
  const std::string text = fmt::format(format, std::forward<Args>(args)...);
  spdlog::log(level, "\"msg\":{}", boost::json::serialize(boost::json::value(text)));
}

template <class... Args>
void info(fmt::format_string<Args...> f, Args&&... a) { message(spdlog::level::info, f, std::forward<Args>(a)...); }
template <class... Args>
void warn(fmt::format_string<Args...> f, Args&&... a) { message(spdlog::level::warn, f, std::forward<Args>(a)...); }
template <class... Args>
void error(fmt::format_string<Args...> f, Args&&... a) { message(spdlog::level::err, f, std::forward<Args>(a)...); }

}  // namespace agenthq::util::log
