#include "cli/output.hpp"

#include <boost/json.hpp>

namespace agenthq::cli {
namespace json = boost::json;

namespace {

void pretty(std::string& out, const json::value& v, std::size_t indent) {
  const std::size_t pad = indent + 2;
  if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [k, item] : v.as_object()) {
      if (!first) out += ",\n";
      first = false;
      out.append(pad, ' ');
      out += json::serialize(json::value(k));
      out += ": ";
      pretty(out, item, indent + 2);
    }
    out += '\n';
    out.append(indent, ' ');
    out += '}';
  } else if (v.is_array() && !v.as_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& item : v.as_array()) {
      if (!first) out += ",\n";
      first = false;
      out.append(pad, ' ');
      pretty(out, item, indent + 2);
    }
    out += '\n';
    out.append(indent, ' ');
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

const json::value* lookup(const json::value& row, const std::string& path) {
  const json::value* cur = &row;
  std::size_t start = 0;
  while (cur) {
    const auto dot = path.find('.', start);
    const auto key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const auto* obj = cur->if_object();
    cur = obj ? obj->if_contains(key) : nullptr;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur;
}

std::string cell(const json::value& row, const Column& c) {
  const json::value* v = lookup(row, c.field);
  std::string s = v ? display(*v) : "";
  for (char& ch : s)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  if (s.size() > c.max_width) s = s.substr(0, c.max_width - 3) + "...";
  return s;
}

}  // namespace

std::string pretty_json(const json::value& v) {
  std::string out;
  pretty(out, v, 0);
  return out;
}

std::string display(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_null()) return "";
  return json::serialize(v);
}

void print_table(std::ostream& out, const json::value& rows, const std::vector<Column>& columns) {
  const auto* arr = rows.if_array();
  if (!arr || arr->empty()) {
    out << "(none)\n";
    return;
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width;
  for (const auto& c : columns) width.push_back(c.title.size());
  for (const auto& row : *arr) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      line.push_back(cell(row, columns[i]));
      width[i] = std::max(width[i], line.back().size());
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      text += line[i];
      if (i + 1 < line.size()) text += std::string(width[i] - line[i].size() + 2, ' ');
    }
    out << text << "\n";
  };
  std::vector<std::string> titles;
  for (const auto& c : columns) titles.push_back(c.title);
  print_line(titles);
  for (const auto& line : cells) print_line(line);
}

void print_fields(std::ostream& out, const json::value& object, const std::vector<Column>& fields) {
  std::size_t width = 0;
  for (const auto& f : fields) width = std::max(width, f.title.size());
  for (const auto& f : fields) {
    Column wide = f;
    wide.max_width = 10000;
    out << f.title << ":" << std::string(width - f.title.size() + 1, ' ') << cell(object, wide) << "\n";
  }
}

}  // namespace agenthq::cli
