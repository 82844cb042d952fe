#include "embedded_pg/run_as.hpp"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <signal.h>
#include "util/log.hpp"
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "embedded_pg/support.hpp"

namespace agenthq::embedded_pg {
using namespace std::chrono_literals;

// Called in a freshly forked child, so only async-signal-safe calls: another thread of the parent may
// have held a lock (malloc, NSS) at fork time.
bool become(const DbUser& user) {
  if (!user.switch_user) return true;
  return ::setgroups(user.groups.size(), user.groups.data()) == 0 && ::setgid(user.gid) == 0 &&
         ::setuid(user.uid) == 0;
}

void child_fail(const char* message) {
  (void)!::write(STDERR_FILENO, message, std::strlen(message));
  ::_exit(127);
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

RunResult run_as(const DbUser& user, const fs::path& cwd, const fs::path& program,
                 const std::vector<std::string>& args) {
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  // A fixed environment: the caller's PGDATA, PGOPTIONS, PGPORT... must not steer our cluster.
  std::string path_env = "PATH=/usr/sbin:/usr/bin:/sbin:/bin", locale_env = "LC_ALL=C.UTF-8";
  char* envp[] = {path_env.data(), locale_env.data(), nullptr};

  int err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) fail(std::string("pipe: ") + std::strerror(errno));
  const int dev_null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(dev_null, STDIN_FILENO);
    ::dup2(dev_null, STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    // The postmaster outlives us: it must not inherit our sockets, pipes or the data directory lock.
    ::close_range(3, ~0U, 0);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (!become(user)) child_fail("cannot switch to the database user\n");
    if (::chdir(cwd.c_str()) != 0) child_fail("cannot enter the cluster directory\n");
    ::umask(077);
    ::execve(argv[0], argv.data(), envp);
    child_fail("cannot execute the program\n");
  }
  const int fork_errno = errno;
  ::close(err_pipe[1]);
  if (dev_null >= 0) ::close(dev_null);
  if (pid < 0) {
    ::close(err_pipe[0]);
    fail(std::string("fork: ") + std::strerror(fork_errno));
  }
  std::string err;
  char buf[4096];
  for (ssize_t n; (n = ::read(err_pipe[0], buf, sizeof buf)) != 0;) {
    if (n > 0) err.append(buf, static_cast<size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  ::close(err_pipe[0]);
  return {wait_exit_code(pid), trim(err)};
}

bool can_search_as(const DbUser& user, const fs::path& dir) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(become(user) && ::access(dir.c_str(), X_OK) == 0 ? 0 : 1);
  if (pid < 0) fail(std::string("fork: ") + std::strerror(errno));
  return wait_exit_code(pid) == 0;
}

}  // namespace agenthq::embedded_pg
