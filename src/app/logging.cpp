#include "app/logging.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace agenthq::app {

void setup_logging(const std::string& level, std::chrono::seconds flush_interval) {
  // Written on the calling thread into stdout's stdio buffer, which reaches the file or pipe when
  // it fills, on every warning or error, each `flush_interval`, and on exit. spdlog's stdout
  // sink flushes after every line instead: a write(2) per request, and an asynchronous logger
  // only moved that to a thread that every line had to wake (a futex wake and a context switch
  // per request, ~10% of a busy hub's CPU).
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout, false);
  auto logger = std::make_shared<spdlog::logger>("agenthq", std::move(sink));
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  if (flush_interval.count() == 0) {
    logger->flush_on(spdlog::level::trace);
  } else {
    logger->flush_on(spdlog::level::warn);
    spdlog::flush_every(flush_interval);
  }
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace agenthq::app
