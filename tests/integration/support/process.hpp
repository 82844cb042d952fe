#pragma once
#include <map>
#include <string>
#include <vector>

namespace agenthq::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs argv[0] (looked up in PATH) to completion with this process's environment plus `env`
// (an empty value removes the variable), feeding `input` on standard input.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& input = "");

// A script of tests/integration/scripts.
std::string script_path(const std::string& name);
// A script of tests/clients, beside the node_modules scripts/install-deps.sh installs there.
std::string client_script(const std::string& name);

}  // namespace agenthq::test
