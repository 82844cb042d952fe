#pragma once
#include "app/config.hpp"

namespace agenthq::app {

struct ServeOptions {
  bool seed_demo = false;  // create the demo organisation when it does not exist yet
};

// `agenthq serve`: migrate, optionally seed, then serve HTTP on one event loop per thread
// until SIGINT/SIGTERM; in-flight requests finish before the process exits. Returns the exit code.
int serve(Config config, const ServeOptions& options);

}  // namespace agenthq::app
