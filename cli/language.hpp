// The language of one regflow command: --lang, else REGFLOW_LANG, else settings.yaml's
// `language`, else English. Chosen once, before the command runs, for every word it prints.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace regflow::cli {

/// The language of --help and of the descriptions given when the command line is built,
/// before CLI11 parses it: --lang X or --lang=X in argv, else REGFLOW_LANG, else the
/// `language` of settings.yaml in --config (or REGFLOW_CONFIG, or the shipped folder), else
/// English. A code regflow does not speak counts as none here; apply_language refuses it.
void choose_language_early(int argc, char** argv);

/// Registers --lang on the top-level command line.

void add_language_option(CLI::App& app);

/// Sets the process's language (render::set_default_language). Throws InputError for a --lang
/// or REGFLOW_LANG that regflow does not speak, naming the accepted codes. A settings.yaml that
/// cannot be read leaves English; the command that loads the configuration reports why.
void apply_language(Context& ctx);

}  // namespace regflow::cli
