#include "web/templates.hpp"

#include <fmt/format.h>

#include <fstream>
#include <mstch/mstch.hpp>
#include <mutex>
#include <sstream>

#include "cli/render/markup_escape.hpp"
#include "cli/render/translate.hpp"
#include "engine/model/error.hpp"

namespace regflow::web {
namespace {

mstch::node to_node(const nlohmann::json& j) {
  using T = nlohmann::json::value_t;
  switch (j.type()) {
    case T::object: {
      mstch::map map;
      for (const auto& [key, value] : j.items()) map.emplace(key, to_node(value));
      return map;
    }
    case T::array: {
      mstch::array array;
      array.reserve(j.size());
      for (const auto& value : j) array.push_back(to_node(value));
      return array;
    }
    case T::string: return j.get<std::string>();
    case T::boolean: return j.get<bool>();
    case T::number_integer:
    case T::number_unsigned: {
      const auto value = j.get<long long>();
      if (value >= -2147483647LL && value <= 2147483647LL) return static_cast<int>(value);
      return std::to_string(value);
    }
    case T::number_float: return j.get<double>();
    case T::null:
    case T::discarded:
    case T::binary: return nullptr;
  }
  return nullptr;
}

void install_escape() {
  // mstch keeps one global escape function; it is set once, before any page renders.
  static std::once_flag once;
  std::call_once(once, [] {
    mstch::config::escape = [](const std::string& text) {
      return cli::render::markup_escape(text);
    };
  });
}

}  // namespace

Templates::Templates(const std::filesystem::path& folder) {
  install_escape();
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw LoadError(fmt::format("cannot read template '{}'", entry.path().string()));
    texts_[entry.path().stem().string()] = text.str();
  }
  if (texts_.empty()) {
    throw LoadError(fmt::format(
        "no page templates (*.mustache) in '{}'; give the folder that holds web/templates with "
        "REGFLOW_WEB or reinstall regflow",
        folder.string()));
  }
}

Templates::Templates(std::map<std::string, std::string> texts) : texts_(std::move(texts)) {
  install_escape();
}

std::string Templates::render(const std::string& name, const nlohmann::json& view) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) throw Error(fmt::format("no page template '{}'", name));
  // {{#t}}English words{{/t}} in a template: the words in the request's language, from the
  // catalog (cli/render/translate.hpp). mstch renders what the lambda returns as a template in
  // the same context, so a translation keeps its {{tags}} in whatever order its language needs.
  mstch::node root = to_node(view);
  if (auto* map = boost::get<mstch::map>(&root)) {
    map->emplace("t", mstch::lambda{[](const std::string& text) -> mstch::node {
                   return cli::render::tr(text.c_str());
                 }});
    map->emplace("lang", cli::render::language_code(cli::render::current_language()));
  }
  return mstch::render(it->second, root, texts_);
}

}  // namespace regflow::web
