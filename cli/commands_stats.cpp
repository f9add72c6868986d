// stats: the governor's office's figures for a coordination meeting — time per step and per
// agency, deadlines met and missed, extensions, throughput, ages, the Governor's targets — as a
// table, JSON, a CSV table, an XLSX workbook or SVG charts. Sums each dossier's saved statistics
// facts (engine/app/statistics_facts.hpp).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output_format.hpp"
#include "cli/render/csv.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/stats.hpp"
#include "cli/render/stats_charts.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/render/xlsx.hpp"
#include "engine/app/statistics.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/stats.hpp"

namespace regflow::cli {
namespace {

struct StatsArgs {
  std::string workflow, agency, from, to, format = "text", table, output;
};

report::StatsFilter checked_filter(Context& ctx, const StatsArgs& args) {
  const auto& config = ctx.config();
  report::StatsFilter filter;
  if (!args.workflow.empty()) {
    const auto names = config.workflow_names();
    if (config.find(args.workflow) == nullptr) {
      throw InputError(render::unknown_workflow_text(args.workflow, names));
    }
    filter.workflow = args.workflow;
  }
  if (!args.agency.empty()) {
    if (!config.agencies.contains(args.agency)) {
      throw InputError(render::unknown_agency_text(args.agency, config.agencies.codes()));
    }
    filter.agency = args.agency;
  }
  if (!args.from.empty()) filter.from = accepted_option_date(args.from, "--from");
  if (!args.to.empty()) filter.to = accepted_option_date(args.to, "--to");
  if (filter.from && filter.to && *filter.from > *filter.to) {
    throw InputError(render::trf("--from {} is after --to {}; give a period that runs forward",
                                 args.from, args.to));
  }
  return filter;
}

const render::Sheet& chosen_sheet(const std::vector<render::Sheet>& sheets,
                                  const std::string& table) {
  const std::string name = table.empty() ? render::stats_sheet_names().front() : table;
  for (const auto& sheet : sheets) {
    if (sheet.name == name) return sheet;
  }
  throw Error(render::trf("no sheet '{}' (a bug in regflow)", name));
}

void run_stats(Context& ctx, const StatsArgs& args) {
  static const std::vector<std::string> kFormats{"text", "json", "csv", "xlsx", "svg"};
  check_output_format(ctx, "stats", args.format, kFormats, args.output);
  if (!args.table.empty()) {
    const auto names = render::stats_sheet_names();
    if (args.format != "csv") {
      throw InputError(render::trf(
          "--table chooses the one table a CSV file holds; give --format csv, or leave out "
          "--table (an XLSX workbook has every table)"));
    }
    if (std::find(names.begin(), names.end(), args.table) == names.end()) {
      throw InputError(render::trf("unknown table '{}'{}; known: {}", args.table,
                                   render::did_you_mean(args.table, names),
                                   model::quoted_list(names)));
    }
  }
  const auto filter = checked_filter(ctx, args);
  const auto& config = ctx.config();
  // Dossiers whose saved facts were counted with another calendar (or none were saved: a
  // database migrated to schema 9) are folded and saved first, once; on a database this account
  // may only read, they are replayed by app::statistics instead, with the same figures.
  try {
    ctx.installation().save_stale_statistics_facts();
  } catch (const StoreError&) {
  }
  const auto stats = app::statistics(config, ctx.store(), filter, ctx.today());

  const std::string format = ctx.options.json ? "json" : args.format;
  if (format == "text") {
    std::cout << render::stats_text(stats);
  } else if (format == "json") {
    if (args.output.empty()) {
      print_json(render::stats_json(stats));
    } else {
      deliver(ctx, render::stats_json(stats).dump(2) + "\n", args.output, "statistics (JSON)");
    }
  } else if (format == "csv") {
    const auto sheets = render::stats_sheets(stats);
    const auto& sheet = chosen_sheet(sheets, args.table);
    deliver(ctx, render::csv_text(sheet), args.output,
            render::trf("table '{}' ({} row(s), CSV)", sheet.name, sheet.rows.size()));
  } else if (format == "xlsx") {
    const auto sheets = render::stats_sheets(stats);
    deliver(ctx,
            render::xlsx_bytes(
                sheets, render::trf("regflow statistics as of {}", time::format_date(stats.as_of))),

            args.output, render::trf("statistics ({} sheets, XLSX)", sheets.size()));
  } else {
    deliver(ctx, render::stats_charts_svg(stats), args.output, "charts (SVG)");
  }
}

}  // namespace

void add_stats_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<StatsArgs>();
  auto* stats =
      app.add_subcommand("stats",
                         render::tr("Where drafts get stuck: time per step and agency, deadlines "
                                    "met and missed, throughput, targets"))
          ->group(render::tr("Reports"));
  stats->add_option("--workflow", args->workflow, render::tr("Only dossiers of this workflow"));
  stats->add_option("--agency", args->agency,
                    render::tr("Only the steps this agency held (and the dossiers it held)"));
  stats->add_option("--from", args->from,
                    render::tr("Count what ended or started on or after this date"));
  stats->add_option("--to", args->to,
                    render::tr("The figures as of the end of this date (default: today)"));
  stats->add_option("--format", args->format, render::tr("text (default), json, csv, xlsx or svg"));
  stats->add_option(
      "--table", args->table,
      render::tr("With --format csv: the table to write (langkah, instansi, tepat-waktu, "
                 "tenggat, perpanjangan, per-bulan, umur, target; default langkah)"));
  stats->add_option("-o,--output", args->output,
                    render::tr("Write to this file (atomically); required for xlsx"));
  stats->footer(render::tr(
      "Example: regflow stats --from 2021-01-01 --to 2021-12-31 --format xlsx -o rapat.xlsx"));
  stats->callback([&ctx, args] { run_stats(ctx, *args); });
}

}  // namespace regflow::cli
