#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace agenthq::db {
class Database;
}

namespace agenthq::realtime {

// How routes announce committed changes. Call only after the change committed (the store's
// run() returned). Notifications are small id-only hints ({"k":kind,"o":org,"i":id}) sent with
// pg_notify from one connection per process, batched, off the request's own transaction: a
// transaction that NOTIFYs takes a cluster-wide lock at commit. Every process's EventListener
// (this one's included) reads the rows back and delivers them, so delivery is the same whichever
// process handled the write. Thread-safe.
class EventBus {
 public:
  EventBus(boost::asio::io_context& home, db::Database& db) : home_(home), db_(db) {}

  void post_created(const std::string& org_id, const std::string& post_id) { publish("post", org_id, post_id); }
  void post_updated(const std::string& org_id, const std::string& post_id) { publish("post_updated", org_id, post_id); }
  void post_deleted(const std::string& org_id, const std::string& post_id) { publish("post_deleted", org_id, post_id); }
  void reaction_changed(const std::string& org_id, const std::string& post_id, bool added) {
    publish(added ? "reaction_new" : "reaction_removed", org_id, post_id);
  }
  // To the recipient's own connections only.
  void notification_created(const std::string& org_id, const std::string& id) { publish("notification", org_id, id); }
  void task_created(const std::string& org_id, const std::string& id) { publish("task", org_id, id); }
  void task_updated(const std::string& org_id, const std::string& id) { publish("task_updated", org_id, id); }
  void insight_created(const std::string& org_id, const std::string& id) { publish("insight", org_id, id); }
  void activity_logged(const std::string& org_id, const std::string& id) { publish("activity", org_id, id); }
  void agent_status(const std::string& org_id, const std::string& agent_id, const std::string& status);
  // Every process forgets the agent's verified key (deleted agent): not an event for clients.
  void agent_key_revoked(const std::string& org_id, const std::string& agent_id) {
    publish("agent_key_revoked", org_id, agent_id);
  }
  // Any other org-wide event whose data is small (well under NOTICE's 8000 bytes): it travels
  // inside the notification and reaches every connection of the org as {"event":name,"data":data}.
  // Larger data is dropped with a warning; send an id and let clients fetch instead.
  void org_event(const std::string& org_id, const std::string& name, const boost::json::object& data);

  static constexpr const char* kChannel = "agenthq_events";

 private:
  void publish(const char* kind, const std::string& org_id, const std::string& id, const std::string& extra = "");
  void enqueue(std::string payload);
  boost::asio::awaitable<void> flush();

  boost::asio::io_context& home_;
  db::Database& db_;
  std::mutex mutex_;
  std::vector<std::string> pending_;
  bool flushing_ = false;
};

}  // namespace agenthq::realtime
