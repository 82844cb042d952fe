#pragma once
#include <optional>
#include <string>

#include "app/config.hpp"

namespace agenthq::app {

// `agenthq migrate up|rollback|status`, `agenthq seed` and `agenthq re rollup`. Return the process exit code.
int migrate(const Config& config, const std::string& action);
int seed(Config config);
// `agenthq re rollup [--org ID]`: rebuilds the real-estate metrics from the transactions.
int re_rollup(Config config, const std::optional<std::string>& org_id);

}  // namespace agenthq::app
