#include "verticals/real_estate/integrations/provider_fetch.hpp"

#include <boost/json.hpp>
#include <unordered_map>

#include "verticals/real_estate/integrations/dotloop_client.hpp"
#include "verticals/real_estate/integrations/fub_client.hpp"
#include "verticals/real_estate/integrations/provider_error.hpp"

namespace agenthq::verticals::real_estate::integrations {
namespace asio = boost::asio;
namespace json = boost::json;

namespace {

constexpr int kPageSize = 100;  // the largest page both APIs serve
constexpr int kMaxPages = 10000;

const json::array& array_at(const json::value& body, const char* key, const std::string& provider) {
  const auto* o = body.if_object();
  const auto* v = o ? o->if_contains(key) : nullptr;
  if (!v || !v->is_array())
    throw upstream_bad_reply(provider, std::string("no \"") + key + "\" list in the reply");
  return v->as_array();
}

// A total the provider reports alongside a page, if any.
std::optional<std::int64_t> total_at(const json::value& body, const char* meta_key) {
  const auto* o = body.if_object();
  const auto* meta = o ? o->if_contains(meta_key) : nullptr;
  const auto* total = meta && meta->is_object() ? meta->as_object().if_contains("total") : nullptr;
  if (total && total->is_int64()) return total->as_int64();
  return std::nullopt;
}

std::string id_text(const json::value& v) {
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_string()) return std::string(v.as_string());
  return "";
}

}  // namespace

asio::awaitable<std::vector<ImportRecord>> fetch_fub_deals(ProviderSession& session) {
  FubClient fub(session);
  const std::string provider = session.target().provider;
  const std::string collection = "deals";
  std::vector<ImportRecord> records;
  for (int page = 0; page < kMaxPages; ++page) {
    const Query q{{"limit", std::to_string(kPageSize)}, {"offset", std::to_string(page * kPageSize)}};
    json::value body = co_await fub.list(collection, q, Logging::quiet);
    const json::array& deals = array_at(body, "deals", provider);
    for (const auto& d : deals)
      if (d.is_object())
        if (auto r = map_fub_deal(d.as_object())) records.push_back(std::move(*r));
    const auto total = total_at(body, "_metadata");
    if (deals.size() < static_cast<std::size_t>(kPageSize) || (total && (page + 1) * kPageSize >= *total)) break;
  }
  co_return distinct_by_external_id(std::move(records));
}

asio::awaitable<std::vector<ImportRecord>> fetch_dotloop_loops(ProviderSession& session) {
  DotloopClient dotloop(session);
  const std::string provider = session.target().provider;
  std::vector<std::string> profile_ids;
  if (const auto* only = session.settings().if_contains("profileId"); only && !id_text(*only).empty()) {
    profile_ids.push_back(id_text(*only));
  } else {
    json::value profiles = co_await dotloop.profiles();
    for (const auto& p : array_at(profiles, "data", provider))
      if (const auto* id = p.is_object() ? p.as_object().if_contains("id") : nullptr; id && !id_text(*id).empty())
        profile_ids.push_back(id_text(*id));
  }

  std::vector<ImportRecord> records;
  for (const std::string& pid : profile_ids) {
    for (int batch = 1; batch <= kMaxPages; ++batch) {
      const Query q{{"batchNumber", std::to_string(batch)}, {"batchSize", std::to_string(kPageSize)}};
      json::value body = co_await dotloop.loops(pid, q, Logging::quiet);
      const json::array& loops = array_at(body, "data", provider);
      for (const auto& loop : loops) {
        if (!loop.is_object()) continue;
        const std::string lid = id_text(loop.as_object().contains("id") ? loop.as_object().at("id") : json::value());
        if (lid.empty()) continue;
        json::value detail = co_await dotloop.loop_detail(pid, lid);
        json::value participants = co_await dotloop.participants(pid, lid, Logging::quiet);
        const json::value none;
        const json::value* detail_data = detail.is_object() ? detail.as_object().if_contains("data") : nullptr;
        const json::value* people = participants.is_object() ? participants.as_object().if_contains("data") : nullptr;
        if (auto r = map_dotloop_loop(loop.as_object(), detail_data ? *detail_data : none, people ? *people : none))
          records.push_back(std::move(*r));
      }
      const auto total = total_at(body, "meta");
      if (loops.size() < static_cast<std::size_t>(kPageSize) || (total && batch * kPageSize >= *total)) break;
    }
  }
  co_return distinct_by_external_id(std::move(records));
}

std::vector<ImportRecord> distinct_by_external_id(std::vector<ImportRecord> records) {
  std::unordered_map<std::string, std::size_t> last;
  for (std::size_t i = 0; i < records.size(); ++i) last[records[i].external_id] = i;
  std::vector<ImportRecord> out;
  out.reserve(last.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    if (last[records[i].external_id] == i) out.push_back(std::move(records[i]));
  return out;
}

}  // namespace agenthq::verticals::real_estate::integrations
