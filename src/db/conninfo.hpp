#pragma once
#include <string>

namespace agenthq::db {

// The role a libpq connection string (key=value or URI) logs in as; empty when unspecified.
std::string conninfo_user(const std::string& conninfo);

// Rewrites a connection string (key=value or URI) as key=value with the session settings the
// server relies on: UTC timestamps in ISO style (the JSON layer formats them), a statement
// timeout so a stuck query cannot pin a connection forever, and an application name.
// Throws std::invalid_argument with libpq's message when the string does not parse.
std::string with_session_settings(const std::string& conninfo);

}  // namespace agenthq::db
