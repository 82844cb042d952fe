#pragma once
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>

#include "metrics/metrics.hpp"

namespace agenthq::auth {

namespace detail {
template <class R>
boost::asio::awaitable<R> run_on_pool(boost::asio::thread_pool& pool, std::shared_ptr<std::function<R()>> work) {
  auto home = co_await boost::asio::this_coro::executor;
  // Jobs on the bcrypt pool are counted from queued to done (agenthq_bcrypt_queue_depth).
  auto& m = metrics::registry();
  metrics::Gauge* depth = m.bcrypt_pool == &pool || m.key_bcrypt_pool == &pool ? &m.bcrypt_queue : nullptr;
  if (depth) depth->add(1);
  struct Done {
    metrics::Gauge* depth;
    ~Done() {
      if (depth) depth->add(-1);
    }
  } done{depth};
  co_return co_await boost::asio::async_initiate<decltype(boost::asio::use_awaitable), void(std::exception_ptr, R)>(
      // Captured by reference: the initiation runs while this frame is suspended, and see below.
      [&pool, &home, &work](auto handler) {
        boost::asio::post(pool, [handler = std::move(handler), home, work]() mutable {
          std::exception_ptr error;
          R result{};
          try {
            result = (*work)();
          } catch (...) {
            error = std::current_exception();
          }
          boost::asio::post(home, [handler = std::move(handler), error, result = std::move(result)]() mutable {
            std::move(handler)(error, std::move(result));
          });
        });
      },
      boost::asio::use_awaitable);
}
}  // namespace detail

// Runs fn(args...) on the worker pool (bcrypt and other slow CPU work) and resumes the caller
// on its own event loop, which stays free for other requests meanwhile. Exceptions travel back
// to the caller. Arguments are passed, not captured: g++ 12 copies a lambda's by-value
// captures of coroutine locals bitwise, which leaves captured short strings pointing into the
// caller's frame. Here the closure is built in a plain function and kept behind a shared_ptr.
template <class Fn, class... Args>
boost::asio::awaitable<std::invoke_result_t<Fn&, Args&...>> offload(boost::asio::thread_pool& pool, Fn fn,
                                                                     Args... args) {
  using R = std::invoke_result_t<Fn&, Args&...>;
  auto work = std::make_shared<std::function<R()>>(
      [fn = std::move(fn), ... args = std::move(args)]() mutable { return fn(args...); });
  return detail::run_on_pool<R>(pool, std::move(work));
}

}  // namespace agenthq::auth
