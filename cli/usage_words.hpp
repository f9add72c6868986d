// The words CLI11 itself prints: the headings and labels of --help ("Usage", "OPTIONS",
// "REQUIRED", the group "Options") and the messages of a command line it cannot parse, in the
// language of the command. The language is chosen before the App is built
// (choose_language_early in cli/language.hpp), so every description given at registration
// is in that language too.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

namespace regflow::cli {

/// A help formatter whose fixed words go through the catalog; set it on the top-level App
/// before any subcommand is added (subcommands copy their parent's formatter).
std::shared_ptr<CLI::Formatter> translated_formatter();

/// Sets the translated descriptions of -h,--help and --version on the top-level App (before
/// any subcommand is added: they copy the help flag of their parent).
void translate_builtin_flags(CLI::App& app, const std::string& version);

/// What a usage error says: what was wrong (CLI11's message, in the current language) and
/// where the help is. The failure_message of the top-level App.
std::string usage_error_message(const CLI::App* app, const CLI::Error& error);

}  // namespace regflow::cli
