// What a diagnostic of the rules language or of `check` says must be words a renderer can
// translate: a message id of po/id.po with its values, never a whole English sentence kept as
// verbatim text (issue #17). The corpus tests of tests/engine/rules and tests/engine/check walk
// their bad inputs through these checks, so that a message written the old way is caught.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <string>

#include "engine/model/diagnostic.hpp"

namespace regflow::test {

/// The message ids of po/id.po (unescaped, continuation lines joined).
inline const std::set<std::string>& catalog_ids() {
  static const std::set<std::string> ids = [] {
    std::set<std::string> out;
    std::ifstream in(std::string(REGFLOW_SOURCE_DIR) + "/po/id.po");
    REQUIRE(in);
    auto unquote = [](const std::string& line) {
      std::string text;
      const auto first = line.find('"');
      const auto last = line.rfind('"');
      for (auto i = first + 1; i < last; ++i) {
        if (line[i] == '\\' && i + 1 < last) {
          ++i;
          text += line[i] == 'n' ? '\n' : line[i];
        } else {
          text += line[i];
        }
      }
      return text;
    };
    std::string line;
    std::string id;
    bool in_id = false;
    while (std::getline(in, line)) {
      if (line.rfind("msgid \"", 0) == 0) {
        id = unquote(line);
        in_id = true;
      } else if (in_id && line.rfind("\"", 0) == 0) {
        id += unquote(line);
      } else if (in_id) {
        if (!id.empty()) out.insert(id);
        in_id = false;
      }
    }
    return out;
  }();
  return ids;
}

/// True for the format of model::joined ("{}{}…"): no words of its own.
inline bool only_placeholders(const std::string& format) {
  for (std::size_t i = 0; i < format.size(); i += 2) {
    if (format.compare(i, 2, "{}") != 0) return false;
  }
  return true;
}

/// Every format in `said`, its values included, is a message id the catalog translates.
inline void check_formats_in_catalog(const model::Message& said) {
  if (said.verbatim) return;
  if (!only_placeholders(said.format)) {
    INFO("message id: " << said.format);
    CHECK(catalog_ids().count(said.format) == 1);
  }
  for (const auto& value : said.values) check_formats_in_catalog(value);
}

/// The diagnostic says its words as a message id with values, and its notes too.
inline void check_said(const model::Diagnostic& d) {
  INFO(model::format_diagnostic(d));
  CHECK_FALSE(d.said.verbatim);
  CHECK(d.message == model::english(d.said));
  check_formats_in_catalog(d.said);
  for (const auto& note : d.notes) {
    CHECK_FALSE(note.verbatim);
    check_formats_in_catalog(note);
  }
}

}  // namespace regflow::test
