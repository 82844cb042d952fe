#pragma once
#include <chrono>
#include <string>

namespace agenthq::app {

// One JSON object per line on stdout: {"time":...,"level":...,<fields>}. Call sites pass the
// fields (already JSON) as the message; tokens and keys are never among them.
// Lines are buffered and written every `flush_interval` (0: after every line); warnings and
// errors are written at once.
void setup_logging(const std::string& level, std::chrono::seconds flush_interval);

}  // namespace agenthq::app
