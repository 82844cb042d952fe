#pragma once
#include <boost/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace agenthq::realtime {

// How one kind of id-only notification ({"k":kind,...}, see event_bus.hpp) is read back into
// events. Resources register their kinds at start-up (hub/events.cpp); realtime itself knows no
// table, column or access rule.
struct EventLoader {
  std::string event;  // the frame's name, e.g. "post:new"
  // $1 the org, $2 a text[] of ids; one row per event, read as the org (row-level security
  // applies). The row's columns are the event's data.
  std::string sql;
  // Channel events: the rows also have channel_id (kept in the data) and the columns
  // event_channel_name and event_audience (NULL: the whole org; else a JSON array of
  // [member_id, member_type]), which are removed from the data.
  // A NULL channel_id makes that row's event org-wide.
  bool channel_scoped = false;
  // Events for one user or agent only: the rows have recipient_id and recipient_type.
  bool recipient_only = false;
  // The frame's data from the row; unset: the row itself.
  std::function<boost::json::value(boost::json::object)> data;
};

// A notification kind that is not an event for clients but news for every process (e.g. "this
// agent's key is no longer valid"): the handler runs on the listener's thread with (org, id)
// and must be thread-safe.
using Signal = std::function<void(const std::string& org_id, const std::string& id)>;

class EventLoaders {
 public:
  void add(std::string kind, EventLoader loader) { loaders_.insert_or_assign(std::move(kind), std::move(loader)); }
  const EventLoader* find(std::string_view kind) const {
    auto it = loaders_.find(kind);
    return it == loaders_.end() ? nullptr : &it->second;
  }
  void add_signal(std::string kind, Signal handler) { signals_.insert_or_assign(std::move(kind), std::move(handler)); }
  const Signal* find_signal(std::string_view kind) const {
    auto it = signals_.find(kind);
    return it == signals_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, EventLoader, std::less<>> loaders_;
  std::map<std::string, Signal, std::less<>> signals_;
};

}  // namespace agenthq::realtime
