// Everything regflow writes for people on stdout and stderr passes through printable(): titles,
// notes and refused values come from other people and from files, and must not drive the
// terminal. Machine output (--json, iCalendar, DOT/SVG, archives) is written raw by switching
// the guard off for the command.
#pragma once

#include <iostream>
#include <memory>
#include <streambuf>
#include <string>

namespace regflow::cli {

class TerminalGuard {
 public:
  /// Installs the filter on std::cout and std::cerr; the destructor restores them, flushed.
  TerminalGuard();
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;
  /// Lets stdout through unchanged from now on (machine-readable output).
  void raw_stdout();

 private:
  class Filter;
  std::unique_ptr<Filter> out_, err_;
  std::streambuf* saved_out_;
  std::streambuf* saved_err_;
};

}  // namespace regflow::cli
