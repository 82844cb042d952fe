#include "app/commands.hpp"

#include <boost/asio.hpp>
#include <iostream>

#include "app/database_target.hpp"
#include "app/demo_credentials.hpp"
#include "auth/api_key_cache.hpp"
#include "auth/jwt.hpp"
#include "db/conninfo.hpp"
#include "db/database.hpp"
#include "hub/demo/demo_seed.hpp"
#include "db/migrator.hpp"

namespace agenthq::app {

int migrate(const Config& config, const std::string& action) {
  DatabaseTarget target = open_database(config);
  db::Migrator migrator(target.admin_conninfo, target.app_role);
  if (action == "up") {
    auto applied = migrator.up();
    if (applied.empty()) std::cout << "Already up to date.\n";
    for (const auto& name : applied) std::cout << "applied  " << name << "\n";
  } else if (action == "rollback") {
    auto reverted = migrator.rollback();
    if (reverted.empty()) std::cout << "Nothing to roll back.\n";
    for (const auto& name : reverted) std::cout << "reverted " << name << "\n";
  } else {
    for (const auto& m : migrator.status())
      std::cout << (m.applied ? "applied  " : "pending  ") << m.name
                << (m.applied ? "  (batch " + std::to_string(m.batch) + ")" : "") << "\n";
  }
  return 0;
}

int seed(Config config) {
  namespace asio = boost::asio;
  resolve_secrets(config);
  DatabaseTarget target = open_database(config);
  db::Migrator(target.admin_conninfo, target.app_role).up();
  asio::io_context ioc{1};
  asio::thread_pool workers(2);
  db::Database database(db::with_session_settings(target.app_conninfo), 2, std::chrono::seconds(10));
  const auth::JwtCodec jwt(config.jwt_secret);
  auth::ApiKeyCache key_cache;
  realtime::EventBus events(ioc, database);
  hub::Services services{config, database, jwt, key_cache, workers, events};
  auto future = asio::co_spawn(ioc, hub::seed_demo(services), asio::use_future);
  ioc.run();
  if (auto creds = future.get()) {
    save_demo_credentials(config, *creds);
    std::cout << "Demo organisation created.\n";
  } else {
    std::cout << "Demo organisation already exists.\n";
  }
  print_demo_credentials(config);
  return 0;
}

}  // namespace agenthq::app
