#pragma once
#include <string>

#include "app/config.hpp"

namespace agenthq::app {

// `agenthq org delete --org ID`: removes an organisation and everything it owns, its audit
// trail included, as the schema owner (DATABASE_ADMIN_URL, or the embedded cluster's owner).
// The removal is recorded in org_removals (append-only) and logged. Returns the exit code.
int delete_org(const Config& config, const std::string& org_id);

}  // namespace agenthq::app
