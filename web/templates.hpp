// The page templates (Mustache, through mstch) kept as files under web/templates/, loaded once
// when the server starts. A view is plain JSON data, the same the API gives, converted to
// mstch's nodes; `{{ }}` escapes with cli/render/markup_escape, which also turns control
// characters (a title with a terminal escape sequence) into visible symbols.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace regflow::web {

class Templates {
 public:
  /// Reads every `*.mustache` file of `folder`; throws LoadError when it has none or one cannot
  /// be read.
  explicit Templates(const std::filesystem::path& folder);
  /// Templates given as text (tests).
  explicit Templates(std::map<std::string, std::string> texts);

  /// Renders template `name` (without .mustache) with `view`; every template is also a partial
  /// (`{{> name}}`). Throws Error for an unknown template name.
  std::string render(const std::string& name, const nlohmann::json& view) const;

 private:
  std::map<std::string, std::string> texts_;
};

}  // namespace regflow::web
