#include "support/http_client.hpp"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/json.hpp>

namespace agenthq::test {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;

namespace {

HttpResult to_result(http::response<http::string_body>& res) {
  HttpResult r;
  r.status = static_cast<int>(res.result_int());
  r.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  boost::system::error_code ec;
  if (!r.body.empty()) r.json = json::parse(r.body, ec);
  if (ec) r.json = nullptr;
  return r;
}

HttpResult exchange(const std::string& host, unsigned short port, const std::string& source,
                    const std::function<void(beast::tcp_stream&)>& send, bool head = false) {
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  if (!source.empty()) {
    stream.socket().open(tcp::v4());
    stream.socket().bind(tcp::endpoint(asio::ip::make_address(source), 0));
  }
  stream.connect(tcp::endpoint(asio::ip::make_address(host), port));
  stream.expires_after(std::chrono::seconds(30));
  send(stream);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(head);  // a HEAD reply has the GET's Content-Length and no body
  http::read(stream, buffer, parser);
  auto res = parser.release();
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return to_result(res);
}

}  // namespace

std::string HttpResult::error_code() const {
  if (!json.is_object()) return "";
  const auto* e = json.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  const auto* c = e->as_object().if_contains("code");
  return c && c->is_string() ? std::string(c->as_string()) : "";
}

std::string HttpResult::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

HttpResult HttpClient::request(http::verb method, const std::string& target, const std::optional<json::value>& body,
                               const std::string& token, const std::map<std::string, std::string>& headers) const {
  return exchange(host_, port_, source_, [&](beast::tcp_stream& stream) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, host_);
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (body) {
      req.set(http::field::content_type, "application/json");
      req.body() = json::serialize(*body);
    }
    for (const auto& [k, v] : headers) req.set(k, v);
    req.prepare_payload();
    http::write(stream, req);
  }, method == http::verb::head);
}

HttpResult HttpClient::get(const std::string& target, const std::string& token) const {
  return request(http::verb::get, target, std::nullopt, token);
}
HttpResult HttpClient::post(const std::string& target, const json::value& body, const std::string& token) const {
  return request(http::verb::post, target, body, token);
}
HttpResult HttpClient::patch(const std::string& target, const json::value& body, const std::string& token) const {
  return request(http::verb::patch, target, body, token);
}
HttpResult HttpClient::del(const std::string& target, const std::string& token) const {
  return request(http::verb::delete_, target, std::nullopt, token);
}

HttpResult HttpClient::raw(const std::string& bytes) const {
  // A server may answer (413, 400) and close before it has read everything; the reply is what matters.
  return exchange(host_, port_, source_, [&](beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    asio::write(stream, asio::buffer(bytes), ignored);
  });
}

}  // namespace agenthq::test
