#pragma once
#include "app/config.hpp"

namespace agenthq::app {

// `agenthq migrate up|rollback|status` and `agenthq seed`. Return the process exit code.
int migrate(const Config& config, const std::string& action);
int seed(Config config);

}  // namespace agenthq::app
