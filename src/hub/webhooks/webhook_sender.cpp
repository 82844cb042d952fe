#include "hub/webhooks/webhook_sender.hpp"

#include <curl/curl.h>

#include <mutex>

#include "hub/webhooks/address_guard.hpp"

namespace agenthq::hub {
namespace {

struct Guard {
  bool allow_internal = false;
  bool refused = false;
};

curl_socket_t open_socket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* guard = static_cast<Guard*>(user);
  if (purpose == CURLSOCKTYPE_IPCXN && !guard->allow_internal && is_internal_address(&address->addr)) {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

// The receiver's reply body is not kept (only its status matters); reading it keeps the
// connection reusable.
size_t discard(char*, size_t size, size_t n, void*) { return size * n; }

}  // namespace

WebhookReply send_webhook(const WebhookRequest& request) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  WebhookReply reply;
  CURL* h = curl_easy_init();
  if (!h) {
    reply.error = "cannot initialise libcurl";
    return reply;
  }
  Guard guard{request.allow_internal, false};
  char error[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  for (const auto& header : request.headers) headers = curl_slist_append(headers, header.c_str());
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_NOPROXY, "*");  // the address check must see the real receiver
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, &open_socket);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &guard);
  const CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  } else if (guard.refused) {
    reply.error = "refused: the URL resolves to a loopback, link-local or private address";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    reply.error = "timed out";
  } else {
    reply.error = error[0] ? std::string(error) : std::string(curl_easy_strerror(rc));
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
  return reply;
}

boost::asio::thread_pool& webhook_pool() {
  static boost::asio::thread_pool pool(4);
  return pool;
}

}  // namespace agenthq::hub
