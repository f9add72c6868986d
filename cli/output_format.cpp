#include "cli/output_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/file_io.hpp"
#include "cli/render/suggestion.hpp"
#include "cli/render/translate.hpp"
#include "cli/terminal_guard.hpp"
#include "engine/model/error.hpp"
#include "engine/model/spelling.hpp"
#include "engine/time/date_input.hpp"

namespace regflow::cli {

void check_output_format(const Context& ctx, const std::string& command, const std::string& format,
                         const std::vector<std::string>& accepted, const std::string& output) {
  if (std::find(accepted.begin(), accepted.end(), format) == accepted.end()) {
    throw InputError(render::trf("{} --format '{}' is not a format it writes{}; accepted: {}",
                                 command, format, render::did_you_mean(format, accepted),
                                 model::quoted_list(accepted)));
  }
  if (ctx.options.json && format != "text" && format != "json") {
    throw InputError(
        render::trf("--json and --format {} ask for two formats; give one of them", format));
  }
  const bool writes_json = std::find(accepted.begin(), accepted.end(), "json") != accepted.end();
  if (ctx.options.json && !writes_json && !output.empty()) {
    throw InputError(render::trf(
        "{} --json goes to stdout; leave out -o, or give --format {} to write a file", command,
        model::quoted_list(std::vector<std::string>(accepted.begin() + 1, accepted.end()))));
  }
  if (format == "text" && !ctx.options.json && !output.empty()) {
    throw InputError(render::trf(
        "-o writes a file for other programs; give --format {} as well, or leave out -o to "
        "read the table here",
        model::quoted_list(std::vector<std::string>(accepted.begin() + 1, accepted.end()))));
  }
  if (format == "xlsx" && output.empty()) {
    throw InputError(render::trf(
        "an XLSX workbook is not for a terminal; give -o FILE.xlsx (or --format csv for stdout)"));
  }
}

void deliver(Context& ctx, const std::string& bytes, const std::string& output,
             const std::string& what) {
  if (output.empty()) {
    ctx.terminal->raw_stdout();
    std::cout << bytes << std::flush;
    return;
  }
  write_output_file(output, bytes, database_companions(ctx.db_path()), "-o");
  std::cout << render::trf("{} written to {}\n", what, output);
}

time::Date accepted_option_date(const std::string& text, const char* option) {
  const auto date = time::parse_date_input(text);
  if (!date) {
    throw InputError(
        render::trf("{} '{}' is not a date; expected YYYY-MM-DD or DD/MM/YYYY", option, text));
  }
  if (!time::is_accepted(*date)) {
    throw InputError(render::trf("{} '{}' is outside the dates regflow accepts ({})", option, text,
                                 render::words(time::accepted_range())));
  }
  return *date;
}

}  // namespace regflow::cli
