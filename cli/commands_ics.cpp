// ics: the open deadlines as an iCalendar feed. Agencies subscribe their calendars to a file
// that cron re-exports, so the write is atomic: a client never reads half a feed.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/render/ics.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/terminal_guard.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/report/deadline_feed.hpp"

namespace regflow::cli {
namespace {

std::size_t count_dossiers(const std::vector<report::FeedEntry>& entries) {
  std::set<std::string> ids;
  for (const auto& entry : entries) ids.insert(entry.dossier.id);
  return ids.size();
}

}  // namespace

void add_ics_command(CLI::App& app, Context& ctx) {
  struct IcsArgs {
    std::string agency, workflow, output;
  };
  auto args = std::make_shared<IcsArgs>();
  auto* ics =
      app.add_subcommand(
             "ics", render::tr("Open deadlines as an iCalendar feed (RFC 5545) for calendar apps"))
          ->group(render::tr("Reports"));
  ics->add_option("--agency", args->agency,
                  render::tr("Only dossiers held by (or waiting on) this agency"));
  ics->add_option("--workflow", args->workflow, render::tr("Only this workflow"));
  ics->add_option("-o,--output", args->output,
                  render::tr("Write the feed to this file (atomically) instead of stdout"));
  ics->footer(render::tr(
      "Example (cron, hourly): regflow ics --agency biro-hukum -o /srv/share/biro-hukum.ics"));
  ics->callback([&ctx, args] {
    if (ctx.options.json) {
      throw InputError(
          render::tr("ics writes iCalendar, not JSON; leave out --json (for JSON, use 'regflow "
                     "board --json')"));
    }
    const auto& config = ctx.config();
    if (!args->agency.empty() && !config.agencies.contains(args->agency)) {
      throw InputError(render::unknown_agency_text(args->agency, config.agencies.codes()));
    }
    if (!args->workflow.empty() && config.find(args->workflow) == nullptr) {
      throw InputError(render::unknown_workflow_text(args->workflow, config.workflow_names()));
    }
    render::IcsFeed feed;
    feed.installation = config.settings.installation;
    feed.agency = args->agency;
    feed.workflow = args->workflow;
    feed.stamp = ctx.now();
    feed.today = ctx.today();
    feed.entries = report::build_deadline_feed(ctx.store(), {args->agency, args->workflow},
                                               feed.today, config.calendar());
    const std::string text = render::ics_text(feed);
    if (args->output.empty()) {
      ctx.terminal->raw_stdout();
      std::cout << text << std::flush;
      return;
    }
    write_output_file(args->output, text, database_companions(ctx.db_path()), "-o");
    const auto events = static_cast<std::size_t>(std::count_if(
        feed.entries.begin(), feed.entries.end(),
        [](const report::FeedEntry& entry) { return entry.deadline.due.has_value(); }));
    std::cout << render::trf(
        "{} deadline(s) of {} open dossier(s) written to {}{}\n", events,
        count_dossiers(feed.entries), args->output,
        events == feed.entries.size()
            ? ""
            : render::trf(" ({} paused, left out)", feed.entries.size() - events));
  });
}

}  // namespace regflow::cli
