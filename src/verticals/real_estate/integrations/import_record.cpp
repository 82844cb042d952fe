#include "verticals/real_estate/integrations/import_record.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace agenthq::verticals::real_estate::integrations {
namespace json = boost::json;

namespace {

constexpr std::size_t kMaxText = 1000;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s.substr(0, kMaxText));
}

std::optional<std::string> text_of(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_string()) {
    std::string t = trim(v->as_string());
    if (!t.empty()) return t;
    return std::nullopt;
  }
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_uint64()) return std::to_string(v->as_uint64());
  return std::nullopt;
}

const json::value* member(const json::value& v, std::string_view key) {
  const auto* o = v.if_object();
  return o ? o->if_contains(key) : nullptr;
}

const json::value* member(const json::object& o, std::string_view key) { return o.if_contains(key); }

// "2026-03-01", "2026-03-01T10:00:00Z" or Dotloop's "03/01/2026" -> "2026-03-01".
std::optional<std::string> date_of(const json::value* v) {
  auto t = text_of(v);
  if (!t) return std::nullopt;
  const std::string& s = *t;
  auto digits = [&s](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2))
    return s.substr(0, 10);
  if (s.size() == 10 && digits(0, 2) && s[2] == '/' && digits(3, 2) && s[5] == '/' && digits(6, 4))
    return s.substr(6, 4) + "-" + s.substr(0, 2) + "-" + s.substr(3, 2);
  return std::nullopt;
}

std::string person_name(const json::value& p) {
  if (auto n = text_of(member(p, "name"))) return *n;
  if (auto n = text_of(member(p, "fullName"))) return *n;
  std::string first = text_of(member(p, "firstName")).value_or("");
  std::string last = text_of(member(p, "lastName")).value_or("");
  return trim(first + " " + last);
}

}  // namespace

std::optional<std::string> money(const json::value* v) {
  if (!v) return std::nullopt;
  double d = 0;
  if (v->is_number()) {
    d = v->to_number<double>();
  } else if (v->is_string()) {
    std::string cleaned;
    for (char c : v->as_string())
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') cleaned += c;
      else if (c != '$' && c != ',' && c != ' ') return std::nullopt;
    if (cleaned.empty()) return std::nullopt;
    char* end = nullptr;
    d = std::strtod(cleaned.c_str(), &end);
    if (end != cleaned.c_str() + cleaned.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(d) || d < 0 || d >= 1e10) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", d);
  return std::string(buf);
}

std::string status_from_fub_stage(std::string_view stage) {
  const std::string s = lower(stage);
  if (contains(s, "cancel") || contains(s, "terminat") || contains(s, "lost") || contains(s, "dead") ||
      contains(s, "fell through") || contains(s, "withdrawn") || contains(s, "expired"))
    return "cancelled";
  if (contains(s, "closed") || contains(s, "sold")) return "closed";
  if (contains(s, "pending")) return "pending";
  if (contains(s, "contract") || contains(s, "accepted") || contains(s, "escrow")) return "under_contract";
  // "Listing Appointment", "Buyer Consult": work before anything is on the market.
  if (contains(s, "appointment") || contains(s, "appt") || contains(s, "consult") || contains(s, "lead"))
    return "prospecting";
  if (contains(s, "listed") || contains(s, "listing") || contains(s, "active") || contains(s, "on market"))
    return "listed";
  return "prospecting";
}

std::string type_from_fub_pipeline(std::string_view pipeline) {
  const std::string s = lower(pipeline);
  if (contains(s, "lease") || contains(s, "rent")) return "lease";
  if (contains(s, "sell") || contains(s, "seller") || contains(s, "listing")) return "sell";
  return "buy";
}

std::string status_from_dotloop(std::string_view status) {
  if (status == "PRIVATE_LISTING" || status == "ACTIVE_LISTING") return "listed";
  if (status == "UNDER_CONTRACT") return "under_contract";
  if (status == "SOLD" || status == "LEASED") return "closed";
  if (status == "ARCHIVED") return "cancelled";
  return "prospecting";
}

std::string type_from_dotloop(std::string_view t) {
  if (t == "LISTING_FOR_SALE") return "sell";
  if (t == "LISTING_FOR_LEASE" || t == "LEASE_OFFER") return "lease";
  return "buy";
}

std::optional<ImportRecord> map_fub_deal(const json::object& deal) {
  auto id = text_of(member(deal, "id"));
  if (!id) return std::nullopt;
  ImportRecord r;
  r.external_id = *id;
  r.property_address = text_of(member(deal, "name")).value_or("Follow Up Boss deal " + *id);
  r.status = status_from_fub_stage(text_of(member(deal, "stageName")).value_or(""));
  r.type = type_from_fub_pipeline(text_of(member(deal, "pipelineName")).value_or(""));
  r.listing_price = money(member(deal, "price"));
  if (r.status == "closed") r.sale_price = r.listing_price;
  if (const auto* people = member(deal, "people"); people && people->is_array())
    for (const auto& p : people->as_array())
      if (std::string name = person_name(p); !name.empty()) {
        r.client_name = name;
        break;
      }
  // key_dates are keyed by status (the metrics read "listed" and "closed"); FUB has no close date
  // of its own, so a closed deal's projected close date stands for it.
  if (auto d = date_of(member(deal, "projectedCloseDate"))) {
    r.key_dates["closing"] = *d;
    if (r.status == "closed") r.key_dates["closed"] = *d;
  }
  return r;
}

std::optional<ImportRecord> map_dotloop_loop(const json::object& loop, const json::value& detail,
                                             const json::value& participants) {
  auto id = text_of(member(loop, "id"));
  if (!id) return std::nullopt;
  ImportRecord r;
  r.external_id = *id;
  r.status = status_from_dotloop(text_of(member(loop, "status")).value_or(""));
  r.type = type_from_dotloop(text_of(member(loop, "transactionType")).value_or(""));

  const json::value none;
  const json::value* sections = member(detail, "sections");
  auto section = [&](std::string_view name) -> const json::value& {
    const json::value* s = sections ? member(*sections, name) : nullptr;
    return s ? *s : none;
  };
  const json::value& address = section("Property Address");
  std::string street = trim(text_of(member(address, "Street Number")).value_or("") + " " +
                            text_of(member(address, "Street Name")).value_or(""));
  if (auto unit = text_of(member(address, "Unit Number"))) street += " Unit " + *unit;
  std::string place = trim(text_of(member(address, "State/Prov")).value_or("") + " " +
                           text_of(member(address, "Zip/Postal Code")).value_or(""));
  std::string full = street;
  for (const std::string& part : {text_of(member(address, "City")).value_or(""), place})
    if (!part.empty()) full += (full.empty() ? "" : ", ") + part;
  r.property_address = !full.empty() ? trim(full) : text_of(member(loop, "name")).value_or("Dotloop loop " + *id);
  r.mls_number = text_of(member(address, "MLS Number"));
  if (!r.mls_number) r.mls_number = text_of(member(section("Listing Information"), "MLS Number"));

  const json::value& financials = section("Financials");
  r.listing_price = money(member(financials, "Current Price"));
  if (!r.listing_price) r.listing_price = money(member(financials, "Original Price"));
  r.sale_price = money(member(financials, "Purchase/Sale Price"));
  if (!r.listing_price) r.listing_price = r.sale_price;

  if (auto d = date_of(member(section("Listing Information"), "Listing Date"))) r.key_dates["listed"] = *d;
  if (auto d = date_of(member(section("Contract Dates"), "Contract Agreement Date"))) r.key_dates["under_contract"] = *d;
  if (auto d = date_of(member(section("Contract Dates"), "Closing Date"))) {
    r.key_dates["closing"] = *d;
    if (r.status == "closed") r.key_dates["closed"] = *d;
  }

  if (const auto* list = participants.if_array())
    for (const auto& p : *list) {
      const std::string role = text_of(member(p, "role")).value_or("");
      if (role == "BUYER" || role == "SELLER" || role == "TENANT" || role == "LANDLORD")
        if (std::string name = person_name(p); !name.empty()) {
          r.client_name = name;
          break;
        }
    }
  return r;
}

}  // namespace agenthq::verticals::real_estate::integrations
