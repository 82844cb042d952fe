#include "app/demo_credentials.hpp"

#include <sys/stat.h>

#include <boost/json.hpp>
#include <fstream>
#include <iostream>

namespace agenthq::app {
namespace json = boost::json;

namespace {
std::filesystem::path credentials_path(const Config& c) { return c.data_dir / "demo-credentials.json"; }
}  // namespace

void save_demo_credentials(const Config& c, const json::object& creds) {
  std::filesystem::create_directories(c.data_dir);
  const auto path = credentials_path(c);
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    ::chmod(tmp.c_str(), 0600);
    out << json::serialize(creds) << '\n';
  }
  std::filesystem::rename(tmp, path);
}

void print_demo_credentials(const Config& c) {
  std::ifstream in(credentials_path(c));
  if (!in) return;
  std::string text((std::istreambuf_iterator<char>(in)), {});
  boost::system::error_code ec;
  auto creds = json::parse(text, ec);
  if (ec || !creds.is_object()) return;
  auto str = [](const json::value& v) { return std::string(v.as_string()); };
  std::cerr << "\nDemo organisation \"" << str(creds.at("org").at("name")) << "\" (slug demo)\n";
  for (const auto& u : creds.at("users").as_array())
    std::cerr << "  login  " << str(u.at("email")) << "  /  " << str(u.at("password")) << "   (" << str(u.at("role"))
              << ")\n";
  for (const auto& a : creds.at("agents").as_array())
    std::cerr << "  agent  " << str(a.at("name")) << "  API key " << str(a.at("apiKey")) << "\n";
  std::cerr << "  (kept in " << credentials_path(c).string() << ")\n\n";
}

}  // namespace agenthq::app
