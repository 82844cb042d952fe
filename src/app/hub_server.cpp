#include "app/hub_server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <iostream>
#include <thread>

#include "app/database_target.hpp"
#include "app/demo_credentials.hpp"
#include "app/web_assets.hpp"
#include "app/route_table.hpp"
#include "auth/authenticator.hpp"
#include "db/conninfo.hpp"
#include "db/migrator.hpp"
#include "http/server.hpp"
#include "hub/agents/agent_presence_store.hpp"
#include "hub/events.hpp"
#include "hub/cache/read_caches.hpp"
#include "metrics/metrics.hpp"
#include "realtime/event_bus.hpp"
#include "realtime/event_listener.hpp"
#include "realtime/presence.hpp"
#include "realtime/session_registry.hpp"
#include "realtime/ws_session.hpp"
#include "verticals/real_estate/demo_data.hpp"

namespace agenthq::app {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

// Everything one event-loop thread owns. Threads share nothing but the process-wide services,
// so no request path takes a lock except the rate limiter, the API-key cache and the read caches.
struct EventLoop {
  explicit EventLoop(realtime::WatchedOrgs& watched) : sessions(&watched) {}
  asio::io_context ioc{1};
  std::unique_ptr<db::Database> db;
  std::unique_ptr<auth::Authenticator> authenticator;
  std::unique_ptr<hub::Services> services;
  http::Router router;
  std::unique_ptr<http::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
  realtime::SessionRegistry sessions;
  std::unique_ptr<realtime::WsContext> ws;
};

// Hands an upgraded connection on /ws to a WebSocket session on the same thread.
void accept_websockets(EventLoop& loop) {
  loop.server->set_upgrade_handler("/ws", [&loop](asio::ip::tcp::socket socket, http::HttpRequest request,
                                                  std::string ip) {
    std::make_shared<realtime::WsSession>(std::move(socket), *loop.ws, std::move(ip))->start(std::move(request));
  });
}

void print_banner(const Config& c, unsigned short port) {
  std::string host = c.host == "0.0.0.0" || c.host == "::" ? "localhost" : c.host;
  std::cerr << "\nAgentHQ is running at http://" << host << ":" << port
            << (embedded_web_assets().files.empty() ? "  (no dashboard in this build)" : "  (dashboard: /)")
            << "  (health: /health, API: /api/v1)\n";
  print_demo_credentials(c);
}

}  // namespace

int serve(Config config, const ServeOptions& options) {
  resolve_secrets(config);
  DatabaseTarget target = open_database(config);
  auto applied = db::Migrator(target.admin_conninfo, target.app_role).up();
  if (!applied.empty())
    spdlog::info(R"("msg":"migrated","applied":{})", json::serialize(json::value_from(applied)));

  const auth::JwtCodec jwt(config.jwt_secret);
  auth::ApiKeyCache key_cache;
  asio::thread_pool workers(std::max(2u, config.threads));  // logins, registrations: password bcrypt
  // API-key bcrypts get a thread of their own at a lower CPU priority: a flood of key checks
  // (throttled as it is, see KeyGuessThrottle) can occupy only that thread, never queues in
  // front of a login's bcrypt, and yields the CPU to it.
  asio::thread_pool key_checks(1);
  asio::post(key_checks, [] { setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10); });
  auth::KeyGuessThrottle key_throttle;
  metrics::registry().bcrypt_pool = &workers;
  metrics::registry().key_bcrypt_pool = &key_checks;
  util::RateLimiter limiter(config.rate_limit_max, config.rate_limit_window);
  hub::HealthProbe probe;
  mcp::SessionStore mcp_sessions;
  const std::string conninfo = db::with_session_settings(target.app_conninfo);
  const http::StaticSite dashboard(embedded_web_assets().files);
  if (dashboard.empty())
    spdlog::warn(R"("msg":"dashboard not built, serving the API only","reason":{})",
                 json::serialize(json::value(embedded_web_assets().missing_reason)));

  // Realtime plumbing lives on the first loop: one connection publishing NOTIFY batches, one
  // LISTENing, one reading events back.
  realtime::WatchedOrgs watched;  // before the loops: their registries count into it until they go
  std::vector<std::unique_ptr<EventLoop>> loops;
  asio::io_context* home = nullptr;
  std::unique_ptr<db::Database> publisher_db, reader_db;
  std::unique_ptr<realtime::EventBus> events;
  std::unique_ptr<hub::AgentPresenceStore> presence_store;
  std::unique_ptr<realtime::Presence> presence;
  std::unique_ptr<hub::ReadCaches> caches;
  const std::size_t per_loop = std::max<std::size_t>(1, config.db_pool_size / config.threads);
  unsigned short port = config.port;
  for (unsigned i = 0; i < config.threads; ++i) {
    auto loop = std::make_unique<EventLoop>(watched);
    if (!home) {
      home = &loop->ioc;
      publisher_db = std::make_unique<db::Database>(conninfo, 1, std::chrono::seconds(10));
      reader_db = std::make_unique<db::Database>(conninfo, 2, std::chrono::seconds(10));
      events = std::make_unique<realtime::EventBus>(*home, *publisher_db);
      presence_store = std::make_unique<hub::AgentPresenceStore>(config.hub.presence_timeout);
      presence = std::make_unique<realtime::Presence>(*presence_store, *events);
      if (config.read_cache_entries > 0) caches = std::make_unique<hub::ReadCaches>(config.read_cache_entries);
    }
    loop->db = std::make_unique<db::Database>(conninfo, per_loop, std::chrono::seconds(10));
    loop->authenticator = std::make_unique<auth::Authenticator>(jwt, key_cache, key_throttle, key_checks);
    loop->services =
        std::make_unique<hub::Services>(hub::Services{config.hub, *loop->db, jwt, key_cache, workers, *events, caches.get()});
    add_all_routes(loop->router,
                   RouteDeps{config, *loop->services, probe, loop->sessions, mcp_sessions, target.cluster != nullptr});
    const http::PipelineOptions pipeline_options{.cors_origin = config.cors_origin, .dashboard = &dashboard};
    loop->pipeline = std::make_unique<http::Pipeline>(pipeline_options, loop->router, limiter, *loop->authenticator,
                                                      *loop->db);
    // The first loop may bind port 0; the others then join whatever port it got.
    asio::ip::tcp::endpoint endpoint(asio::ip::make_address(config.host), port);
    loop->server = std::make_unique<http::Server>(loop->ioc, endpoint, *loop->pipeline, http::ServerLimits{});
    port = loop->server->local_endpoint().port();
    loop->ws = std::make_unique<realtime::WsContext>(realtime::WsContext{
        *loop->authenticator, *loop->db, loop->sessions, *events, *presence,
        realtime::WsLimits{64 * 1024, config.ws_max_queued_frames}});
    accept_websockets(*loop);
    loops.push_back(std::move(loop));
  }

  if (options.seed_demo) {
    auto& services = *loops[0]->services;
    auto future = asio::co_spawn(loops[0]->ioc, verticals::real_estate::seed_demo_with_real_estate(services),
                                 asio::use_future);
    loops[0]->ioc.run();
    loops[0]->ioc.restart();
    publisher_db->close_idle();
    if (auto creds = future.get()) save_demo_credentials(config, *creds);
  }

  // The first health probe before anyone can ask: a hub that just started is not "degraded".
  {
    auto first = asio::co_spawn(loops[0]->ioc, probe.check(*loops[0]->db), asio::use_future);
    loops[0]->ioc.run();
    loops[0]->ioc.restart();
    first.get();
  }

  std::vector<realtime::EventListener::Loop> targets;
  for (auto& loop : loops) targets.push_back({&loop->ioc, &loop->sessions});
  realtime::EventLoaders event_loaders;
  hub::register_event_loaders(event_loaders, key_cache);
  realtime::EventListener listener(conninfo + " application_name='agenthq-listener'", *reader_db, event_loaders,
                                   targets, &watched);
  asio::co_spawn(*home, listener.run(), asio::detached);
  for (auto& loop : loops) loop->server->start();
  asio::co_spawn(loops[0]->ioc, probe.run(*loops[0]->db, std::chrono::seconds(1)), asio::detached);

  asio::signal_set signals(loops[0]->ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info(R"("msg":"shutting down","signal":{})", sig);
    probe.stop();
    asio::post(*home, [&listener] { listener.stop(); });
    for (auto& loop : loops)
      asio::post(loop->ioc, [&l = *loop] {
        l.server->shutdown();
        l.sessions.close_all();
        l.db->close_idle();
      });
  });

  spdlog::info(R"("msg":"listening","host":"{}","port":{},"threads":{})", config.host, port, config.threads);
  spdlog::default_logger()->flush();  // whoever started the hub waits for this line
  print_banner(config, port);

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back([&l = *loops[i]] { l.ioc.run(); });
  loops[0]->ioc.run();
  for (auto& t : threads) t.join();
  spdlog::info(R"("msg":"stopped")");
  spdlog::default_logger()->flush();
  return 0;
}

}  // namespace agenthq::app
