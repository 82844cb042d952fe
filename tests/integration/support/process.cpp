#include "support/process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace agenthq::test {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                          const std::string& input) {
  char tmpl[] = "/tmp/agenthq-proc.XXXXXX";
  const std::filesystem::path dir = mkdtemp(tmpl);
  {
    std::ofstream(dir / "in") << input;
  }
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    if (!env.contains(kv.substr(0, kv.find('=')))) env_strings.push_back(kv);
  }
  for (const auto& [k, v] : env)
    if (!v.empty()) env_strings.push_back(k + "=" + v);
  std::vector<std::string> argv_strings = args;
  std::vector<char*> argv, envp;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(::open((dir / "in").c_str(), O_RDONLY), 0);
    dup2(::open((dir / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
    dup2(::open((dir / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult r{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), slurp(dir / "out"),
                  slurp(dir / "err")};
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return r;
}

std::string client_script(const std::string& name) { return std::string(AGENTHQ_SOURCE_DIR) + "/tests/clients/" + name; }

std::string script_path(const std::string& name) { return std::string(AGENTHQ_SOURCE_DIR) + "/tests/integration/scripts/" + name; }

}  // namespace agenthq::test
