// Loads rules/*.yaml — named rules, decision tables and the typed inputs they share — into a
// finalized rules::RuleSet. The format is documented in docs/rules-language.md:
//
//   inputs:
//     kategori: { type: enum, values: [umum, apbd, pajak_daerah] }
//     membebani_masyarakat: bool            # short for { type: bool }
//   rules:
//     perlu_evaluasi:
//       description: Raperda yang dievaluasi Menteri
//       basis: "UU 23/2014 Pasal 245 [R]"
//       when: "kategori in ['apbd', 'pajak_daerah']"
//   tables:
//     tenggat_evaluasi:
//       hit: unique                          # or first
//       inputs: [kategori]
//       outputs: [evaluasi]                  # text; or a map: { hari: number }
//       rows:
//         - when: { kategori: [apbd] }       # a value, a list, '*', or '>= 10' for numbers/dates
//           then: { evaluasi: 15wd }         # '~' for no value
//           basis: "…"
//
// Loading never stops at the first problem: every problem is a Diagnostic at its 1-based
// file:line:col (inside the expression for expression errors), and the rest is still read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "engine/model/diagnostic.hpp"
#include "engine/rules/rule_set.hpp"

namespace regflow::load {

/// What load_rules read: the finalized set and every problem found.
struct RuleLoad {
  rules::RuleSet rules;
  model::Diagnostics diagnostics;
};

/// Reads every "*.yaml" file directly in `dir` (not subfolders such as calendars/), in name
/// order, then finalizes the set. Throws LoadError when `dir` or a file cannot be read.
RuleLoad load_rules(const std::filesystem::path& dir);

/// load_rules without the final step: the set as read, not finalized (for the cache, which keeps
/// what was read and finalizes again).
RuleLoad read_rule_files(const std::filesystem::path& dir);

/// Adds the declarations in `text` (the contents of the file `path`) to `rules` without
/// finalizing it; problems go to `out`. load_rules calls this once per file.
void read_rules(std::string_view text, const std::string& path, rules::RuleSet& rules,
                model::Diagnostics& out);

}  // namespace regflow::load
