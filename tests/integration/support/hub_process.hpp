#pragma once
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "support/http_client.hpp"
#include "support/pg_fixture.hpp"

namespace agenthq::test {

// The secret every test hub signs JWTs with, so tests can forge tokens on purpose.
inline const std::string kTestJwtSecret = "integration-test-secret-0123456789abcdef";

// A real `agenthq serve` process on a fresh database: its own database, a separate runtime
// role (so row-level security applies as in production), PORT=0 and a temp data directory.
// The constructor returns once the hub logs that it listens and that its realtime listener is
// LISTENing; the destructor sends SIGTERM and waits for a clean exit.
class HubProcess {
 public:
  explicit HubProcess(std::map<std::string, std::string> extra_env = {});
  // A second server process on the same database as `primary` (scale-out tests).
  HubProcess(const HubProcess& primary, std::map<std::string, std::string> extra_env);
  ~HubProcess();
  HubProcess(const HubProcess&) = delete;
  HubProcess& operator=(const HubProcess&) = delete;

  unsigned short port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  const FreshDatabase& database() const { return *primary_->database_; }
  const std::string& app_conninfo() const { return app_conninfo_; }
  std::string log() const;                  // everything the process wrote to stdout/stderr so far
  int terminate();                          // SIGTERM, wait, return the exit status
  pid_t pid() const { return pid_; }

 private:
  std::unique_ptr<TempRole> role_;
  std::unique_ptr<FreshDatabase> database_;
  void launch(std::map<std::string, std::string> extra_env);
  const HubProcess* primary_ = this;
  std::string app_conninfo_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// Runs `agenthq <args>` to completion with the given environment; returns exit code and output.
struct CommandResult {
  int exit_code;
  std::string output;
};
CommandResult run_agenthq(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);

}  // namespace agenthq::test
