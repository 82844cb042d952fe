#pragma once
#include <boost/json/object.hpp>

#include "app/config.hpp"

namespace agenthq::app {

// The demo organisation's logins and API keys, kept in <data_dir>/demo-credentials.json
// (mode 0600) because API keys can be shown only once.
void save_demo_credentials(const Config& config, const boost::json::object& credentials);
void print_demo_credentials(const Config& config);

}  // namespace agenthq::app
