#include "support/hub_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace agenthq::test {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::filesystem::path& output) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    if (!env.contains(kv.substr(0, kv.find('=')))) env_strings.push_back(kv);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> argv, envp;
  std::vector<std::string> all_args{AGENTHQ_BINARY};
  all_args.insert(all_args.end(), args.begin(), args.end());
  for (auto& a : all_args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

std::map<std::string, std::string> base_env(const std::filesystem::path& dir) {
  return {{"JWT_SECRET", kTestJwtSecret},
          {"ENCRYPTION_KEY", std::string(64, 'a')},
          {"AGENTHQ_BCRYPT_COST", "4"},
          {"RATE_LIMIT_MAX", "1000000"},
          {"AGENTHQ_DATA_DIR", (dir / "data").string()},
          {"AGENTHQ_THREADS", "2"},
          {"HOST", "127.0.0.1"},
          {"PORT", "0"},
          {"LOG_LEVEL", "info"},
          {"LOG_FLUSH_INTERVAL_S", "0"}};  // tests read the log while the hub runs
}

}  // namespace

HubProcess::HubProcess(std::map<std::string, std::string> extra_env) {
  role_ = std::make_unique<TempRole>("t_app");
  database_ = std::make_unique<FreshDatabase>();
  app_conninfo_ = role_->conninfo(database_->conninfo());
  launch(std::move(extra_env));
}

HubProcess::HubProcess(const HubProcess& primary, std::map<std::string, std::string> extra_env)
    : primary_(&primary), app_conninfo_(primary.app_conninfo_) {
  launch(std::move(extra_env));
}

void HubProcess::launch(std::map<std::string, std::string> extra_env) {
  char tmpl[] = "/tmp/agenthq-hub.XXXXXX";
  dir_ = mkdtemp(tmpl);
  auto env = base_env(dir_);
  env["DATABASE_ADMIN_URL"] = database().conninfo();
  env["DATABASE_URL"] = app_conninfo_;
  for (auto& [k, v] : extra_env) env[k] = v;
  pid_ = spawn({"serve"}, env, dir_ / "output.log");

  // Ready means serving HTTP and LISTENing for the events other processes publish: a test that
  // acts on another hub right away (a second process on the same database) must not race the
  // LISTEN. The realtime line is logged at info, so it is awaited unless the level hides it.
  static const std::regex listening(R"re("msg":"listening","host":"[^"]*","port":(\d+))re");
  const std::string level = env["LOG_LEVEL"];
  const bool await_realtime = level == "info" || level == "debug" || level == "trace";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    std::string out = log();
    if (std::regex_search(out, m, listening) &&
        (!await_realtime || out.find(R"("msg":"realtime: listening for events")") != std::string::npos)) {
      port_ = static_cast<unsigned short>(std::stoi(m[1]));
      return;
    }
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("agenthq serve exited early:\n" + out);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  terminate();
  throw std::runtime_error("agenthq serve did not start listening:\n" + log());
}

HubProcess::~HubProcess() {
  terminate();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string HubProcess::log() const { return read_file(dir_ / "output.log"); }

int HubProcess::terminate() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 2000; ++i) {  // 10 s
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return 137;
}

CommandResult run_agenthq(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  char tmpl[] = "/tmp/agenthq-cmd.XXXXXX";
  std::filesystem::path dir = mkdtemp(tmpl);
  auto full_env = base_env(dir);
  for (auto& [k, v] : env) full_env[k] = v;
  pid_t pid = spawn(args, full_env, dir / "output.log");
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r{WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(dir / "output.log")};
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return r;
}

}  // namespace agenthq::test
