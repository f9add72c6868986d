// Command groups. Each registers its subcommands on the app, with a description and an example;
// the callbacks parse nothing themselves beyond CLI11, call the engine and render.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "engine/report/board.hpp"

namespace regflow::cli {

void add_definition_commands(CLI::App& app, Context& context);   // check, workflows, graph
void add_setup_commands(CLI::App& app, Context& context);        // init, user, demo
void add_dossier_commands(CLI::App& app, Context& context);      // start, advance, show, history, list, extend
void add_report_commands(CLI::App& app, Context& context);       // board, queue
void add_stats_command(CLI::App& app, Context& context);         // stats
void add_maintenance_commands(CLI::App& app, Context& context);  // tick, verify
void add_rules_commands(CLI::App& app, Context& context);        // rules, eval
void add_ics_command(CLI::App& app, Context& context);           // ics
void add_archive_commands(CLI::App& app, Context& context);      // export, import
void add_trust_commands(CLI::App& app, Context& context);        // key, seal, trust
void add_document_commands(CLI::App& app, Context& context);     // attach, documents, document, diff
void add_publish_command(CLI::App& app, Context& context);       // publish
/// After add_setup_commands (it adds `passwd` to the `user` group).
void add_web_commands(CLI::App& app, Context& context);          // serve, user passwd
void add_correction_commands(CLI::App& app, Context& context);   // correct, cancel, kendala
/// After add_setup_commands (it adds `deactivate` to the `user` group).
void add_admin_commands(CLI::App& app, Context& context);        // user deactivate, agencies

/// Prints the board (or a queue) as a table, or as JSON with --json.
void print_board(Context& context, const report::Board& board, const std::string& heading);

/// Prints a JSON document to stdout (for --json). Text that is not UTF-8 (a row written before
/// input was checked) is shown with U+FFFD rather than failing the whole listing.
void print_json(const nlohmann::json& document);

}  // namespace regflow::cli
