#include "verticals/real_estate/integrations/http_call.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <mutex>

namespace agenthq::verticals::real_estate::integrations {
namespace {

// A provider answering more than this is broken or hostile; the call fails instead of eating memory.
constexpr std::size_t kMaxBody = 64 * 1024 * 1024;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One easy handle per pool thread, reset before each call: its connection cache keeps
// keep-alive connections (and TLS sessions) to the providers between calls.
CURL* thread_handle() {
  struct Handle {
    CURL* h = curl_easy_init();
    ~Handle() { curl_easy_cleanup(h); }
  };
  thread_local Handle handle;
  curl_easy_reset(handle.h);
  return handle.h;
}

struct Sink {
  std::string body;
  std::optional<long> retry_after;
  bool too_big = false;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->body.size() + size * n > kMaxBody) {
    sink->too_big = true;
    return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
  }
  sink->body.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  std::string_view line(data, size * n);
  constexpr std::string_view name = "retry-after:";
  if (line.size() > name.size() &&
      std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) { return a == std::tolower(b); })) {
    auto value = line.substr(name.size());
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    long seconds = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc() && p != value.data() && seconds >= 0) static_cast<Sink*>(user)->retry_after = seconds;
  }
  return size * n;
}

}  // namespace

OutboundReply perform_http(const OutboundRequest& request) {
  global_init();
  CURL* h = thread_handle();
  OutboundReply reply;
  if (!h) {
    reply.transport = OutboundReply::Transport::failed;
    reply.transport_error = "cannot initialise libcurl";
    return reply;
  }
  Sink sink;
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  for (const auto& header : request.headers) headers = curl_slist_append(headers, header.c_str());

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM-based DNS timeouts
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<long long>(request.timeout.count(), 10000)));
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink);
  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
  }

  const CURLcode rc = curl_easy_perform(h);
  curl_slist_free_all(headers);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
    reply.body = std::move(sink.body);
    reply.retry_after_seconds = sink.retry_after;
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    reply.transport = OutboundReply::Transport::timed_out;
    reply.transport_error = "timed out";
  } else {
    reply.transport = OutboundReply::Transport::failed;
    reply.transport_error = sink.too_big ? std::string("response larger than 64 MiB")
                            : error[0]   ? std::string(error)
                                         : std::string(curl_easy_strerror(rc));
  }
  // The handle outlives the call: drop pointers into this frame.
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  return reply;
}

boost::asio::thread_pool& outbound_pool() {
  static boost::asio::thread_pool pool(8);
  return pool;
}

std::string url_escape(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += url_escape(k) + '=' + url_escape(v);
  }
  return out;
}

}  // namespace agenthq::verticals::real_estate::integrations
