// How the reports leave regflow for meetings and other programs: `--format` and `-o` of `board`
// and `stats`. Checks the combination before any work is done (a refused command writes
// nothing), and writes machine output raw to stdout or, through write_output_file, to a file.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"

namespace regflow::cli {

/// Refuses (InputError) a format not in `accepted`, --json with another format than text or
/// json, -o with text, and `binary` formats (xlsx) without -o; says what would be accepted.
void check_output_format(const Context& ctx, const std::string& command, const std::string& format,
                         const std::vector<std::string>& accepted, const std::string& output);

/// Writes machine output: to stdout (the terminal guard switched off) when `output` is empty,
/// else atomically to that file, refusing the database and its companions, and then says on
/// stdout what was written where.
void deliver(Context& ctx, const std::string& bytes, const std::string& output,
             const std::string& what);

/// A person's date option (--target, --to, --from): YYYY-MM-DD within the accepted range, or InputError
/// naming the option and the range.
time::Date accepted_option_date(const std::string& text, const char* option);

}  // namespace regflow::cli
