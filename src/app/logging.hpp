#pragma once
#include <string>

namespace agenthq::app {

// One JSON object per line on stdout: {"time":...,"level":...,<fields>}. Call sites pass the
// fields (already JSON) as the message; tokens and keys are never among them.
void setup_logging(const std::string& level);

}  // namespace agenthq::app
