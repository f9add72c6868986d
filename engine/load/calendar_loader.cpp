#include "engine/load/yaml_reader.hpp"
#include "engine/load/calendar_loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "engine/model/spelling.hpp"

namespace regflow::load {
namespace {

using time::NonWorkingDay;

const std::vector<std::string> kFileKeys{"year", "provisional", "source", "days"};
const std::vector<std::string> kDayKeys{"date", "kind", "name", "decree"};
const std::vector<std::string> kKinds{"libur", "cuti_bersama"};

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;



bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// What one file contributes, once its year is known.
struct YearFile {
  time::CalendarYear year;
  model::SourceLocation year_location;
  std::vector<NonWorkingDay> days;
};

// Reads one calendar file, reporting into `out`; keeps going after every problem.
class CalendarFileReader {
 public:
  CalendarFileReader(std::filesystem::path path, std::string text, model::Diagnostics& out)
      : path_(std::move(path)), yaml_(path_.string(), std::move(text), out), out_(out) {}

  std::optional<YearFile> read() {
    const auto parsed = yaml_.parse();
    if (!parsed) return std::nullopt;
    const YAML::Node& root = *parsed;
    if (root.IsNull() || !root.IsDefined()) {
      out_.push_back(model::make_error(
          "E-WRONG-TYPE", {yaml_.path(), 1, 1},
          "the file is empty; expected a map with the keys " + model::quoted_list(kFileKeys)));
      return std::nullopt;
    }
    if (!root.IsMap()) {
      error("E-WRONG-TYPE", root,
            fmt::format("a calendar file must be a map with the keys {}; found {}",
                        model::quoted_list(kFileKeys), describe_node(root)));
      return std::nullopt;
    }

    const auto fields = entries(root, kFileKeys, "the calendar file");
    const auto year = read_year(root, fields);
    const auto provisional = read_provisional(root, fields);
    const auto source = required_text(root, fields, "source", kFileKeys,
                                      "the decree that publishes this year's list");
    const std::string fallback_decree = source.value_or("");

    std::vector<NonWorkingDay> days;
    if (const auto* list = required(root, fields, "days", kFileKeys)) {
      if (!list->value.IsSequence()) {
        error("E-WRONG-TYPE", list->value.IsNull() ? list->key : list->value,
              fmt::format("'days' must be a list of days; found {} (write 'days: []' for none)",
                          describe_node(list->value)));
      } else {
        for (const auto& item : list->value) {
          if (auto day = read_day(item, year, fallback_decree)) days.push_back(std::move(*day));
        }
      }
    }

    if (!year) return std::nullopt;
    // An unreadable 'provisional' counts as provisional: never claim a list is confirmed when
    // the file does not say so.
    return YearFile{{*year, provisional.value_or(true), fallback_decree},
                    location(fields.at("year").value),
                    std::move(days)};
  }

 private:
  struct Field {
    YAML::Node key;
    YAML::Node value;
  };
  using Fields = std::map<std::string, Field>;

  model::SourceLocation location(const YAML::Node& node) const { return yaml_.location(node); }

  void error(std::string code, const YAML::Node& at, std::string message) {
    yaml_.error(std::move(code), at, std::move(message));
  }

  // The known keys of a map, each once, by name; unknown and repeated keys are reported by the
  // reader, as in every definition file.
  Fields entries(const YAML::Node& map, const std::vector<std::string>& accepted,
                 const std::string& what) {
    Fields fields;
    for (auto& [key, value] : yaml_.known_entries(map, accepted, what)) {
      fields.emplace(key.Scalar(), Field{key, value});
    }
    return fields;
  }

  static std::string needs(const std::vector<std::string>& keys) {
    if (keys == kFileKeys) {
      return "a calendar file needs 'year', 'provisional', 'source' and 'days'";
    }
    return "each day needs 'date', 'kind' and 'name' ('decree' is optional)";
  }

  const Field* required(const YAML::Node& map, const Fields& fields, const std::string& key,
                        const std::vector<std::string>& keys) {
    const auto it = fields.find(key);
    if (it == fields.end()) {
      error("E-MISSING-KEY", map, fmt::format("missing key '{}'; {}", key, needs(keys)));
      return nullptr;
    }
    return &it->second;
  }

  // A non-empty single value, or nullopt with a diagnostic. An empty value is reported at its key:
  // yaml-cpp places a null node wherever the next token happens to be.
  std::optional<std::string> scalar(const Field& field, const std::string& key,
                                    const std::string& expected) {
    const YAML::Node& value = field.value;
    if (value.IsScalar() && !value.Scalar().empty()) return value.Scalar();
    if (value.IsNull() || value.IsScalar()) {
      error("E-MISSING-KEY", field.key,
            fmt::format("'{}' has no value; expected {}", key, expected));
    } else {
      error("E-WRONG-TYPE", value,
            fmt::format("'{}' must be a single value; found {}; expected {}", key,
                        describe_node(value), expected));
    }
    return std::nullopt;
  }

  std::optional<std::string> required_text(const YAML::Node& map, const Fields& fields,
                                           const std::string& key,
                                           const std::vector<std::string>& keys,
                                           const std::string& expected) {
    const auto* field = required(map, fields, key, keys);
    if (!field) return std::nullopt;
    return scalar(*field, key, expected);
  }

  std::optional<int> read_year(const YAML::Node& root, const Fields& fields) {
    const auto text = required_text(root, fields, "year", kFileKeys, "a year such as 2026");
    if (!text) return std::nullopt;
    const YAML::Node& node = fields.at("year").value;
    if (text->size() != 4 || !all_digits(*text) || std::stoi(*text) < kMinYear) {
      error("E-CALENDAR-YEAR", node,
            fmt::format("'{}' is not a year; expected a year from {} to {}, such as 2026", *text,
                        kMinYear, kMaxYear));
      return std::nullopt;
    }
    const std::string stem = path_.stem().string();
    if (all_digits(stem) && stem != *text) {
      error("E-CALENDAR-FILE-YEAR", node,
            fmt::format("year '{}' does not match the file name '{}'; expected 'year: {}', or "
                        "rename the file to '{}.yaml'",
                        *text, path_.filename().string(), stem, *text));
      return std::nullopt;
    }
    return std::stoi(*text);
  }

  std::optional<bool> read_provisional(const YAML::Node& root, const Fields& fields) {
    const std::string expected =
        "'true' (the dates are estimates) or 'false' (the dates are published in the SKB)";
    const auto text = required_text(root, fields, "provisional", kFileKeys, expected);
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    error("E-WRONG-TYPE", fields.at("provisional").value,
          fmt::format("'{}' is not true or false; expected {}", *text, expected));
    return std::nullopt;
  }

  std::optional<NonWorkingDay> read_day(const YAML::Node& item, std::optional<int> year,
                                        const std::string& fallback_decree) {
    if (!item.IsMap()) {
      error("E-WRONG-TYPE", item,
            fmt::format("a day must be a map with the keys 'date', 'kind' and 'name'; found {}",
                        describe_node(item)));
      return std::nullopt;
    }
    const auto fields = entries(item, kDayKeys, "a day");
    const auto date = read_date(item, fields, year);
    const auto kind = read_kind(item, fields);
    const auto name =
        required_text(item, fields, "name", kDayKeys, "the occasion, such as 'Tahun Baru Masehi'");
    std::optional<std::string> decree = fallback_decree;
    if (const auto it = fields.find("decree"); it != fields.end()) {
      decree = scalar(it->second, "decree", "the decree that declares this day");
    }
    if (!date || !kind || !name || !decree) return std::nullopt;
    return NonWorkingDay{*date, *name, *decree, *kind};
  }

  std::optional<time::Date> read_date(const YAML::Node& item, const Fields& fields,
                                      std::optional<int> year) {
    const auto text = required_text(item, fields, "date", kDayKeys, "a date as YYYY-MM-DD");
    if (!text) return std::nullopt;
    const YAML::Node& node = fields.at("date").value;
    const auto date = time::parse_date(*text);
    if (!date) {
      error("E-CALENDAR-DATE", node, fmt::format("'{}' is not a date; expected YYYY-MM-DD", *text));
      return std::nullopt;
    }
    if (year && time::year_of(*date) != *year) {
      error("E-CALENDAR-DATE-YEAR", node,
            fmt::format("'{}' is not in {}, the year of this file; expected a date from "
                        "{}-01-01 to {}-12-31",
                        *text, *year, *year, *year));
      return std::nullopt;
    }
    const int line = location(node).line;
    if (const auto [it, inserted] = first_lines_.emplace(*date, line); !inserted) {
      error("E-CALENDAR-DUPLICATE-DATE", node,
            fmt::format("'{}' is listed twice (first at line {}); expected each date once", *text,
                        it->second));
      return std::nullopt;
    }
    return date;
  }

  std::optional<NonWorkingDay::Kind> read_kind(const YAML::Node& item, const Fields& fields) {
    const auto text = required_text(item, fields, "kind", kDayKeys, "'libur' or 'cuti_bersama'");
    if (!text) return std::nullopt;
    if (*text == "libur") return NonWorkingDay::Kind::NationalHoliday;
    if (*text == "cuti_bersama") return NonWorkingDay::Kind::CollectiveLeave;
    error("E-CALENDAR-KIND", fields.at("kind").value,
          fmt::format("unknown kind '{}'{}; accepted kinds: 'libur' (national holiday), "
                      "'cuti_bersama' (collective leave)",
                      *text, model::did_you_mean(*text, kKinds)));
    return std::nullopt;
  }

  std::filesystem::path path_;
  YamlReader yaml_;
  model::Diagnostics& out_;
  std::map<time::Date, int> first_lines_;
};

std::vector<std::filesystem::path> calendar_files(const std::filesystem::path& dir,
                                                  model::Diagnostics& out) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    std::string reason = ec.message();
    if (!reason.empty()) {
      reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    }
    out.push_back(model::make_error(
        "E-FILE", {dir.string(), 0, 0},
        fmt::format("cannot read calendar folder: {}; expected a folder of <year>.yaml files",
                    reason)));
    return files;
  }
  for (const auto& entry : it) {
    const auto& path = entry.path();
    const std::string name = path.filename().string();
    if (path.extension() != ".yaml" || name.front() == '.' || !entry.is_regular_file(ec)) continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

CalendarLoad load_calendars(const std::filesystem::path& dir, bool collective_leave_is_working) {
  CalendarLoad load;
  load.folder = dir.string();
  std::vector<NonWorkingDay> days;
  std::vector<time::CalendarYear> years;
  for (const auto& path : calendar_files(dir, load.diagnostics)) {
    auto text = read_definition_file(path, load.diagnostics);
    if (!text) continue;
    auto file = CalendarFileReader(path, std::move(*text), load.diagnostics).read();
    if (!file) continue;
    const int year = file->year.year;
    if (const auto [it, inserted] = load.year_files.emplace(year, path.string()); !inserted) {
      load.diagnostics.push_back(model::make_error(
          "E-CALENDAR-DUPLICATE-YEAR", file->year_location,
          fmt::format("year {} is already listed in '{}'; expected one file per year", year,
                      it->second)));
      continue;
    }
    years.push_back(std::move(file->year));
    std::move(file->days.begin(), file->days.end(), std::back_inserter(days));
  }
  load.calendar =
      time::HolidayCalendar(std::move(days), std::move(years),
                            {.collective_leave_is_working = collective_leave_is_working});
  model::sort_diagnostics(load.diagnostics);
  return load;
}

model::Diagnostics check_calendar_horizon(const CalendarLoad& load, time::Date today) {
  using namespace std::chrono;
  const auto last = load.calendar.last_confirmed_year();
  if (!last) {
    return {model::make_warning(
        "W-CALENDAR-ENDS", {load.folder, 0, 0},
        fmt::format("no confirmed calendar year; working-day deadlines are counted on weekends "
                    "alone and are provisional until '{}.yaml' holds the published SKB",
                    time::year_of(today)))};
  }
  const time::Date end{year{*last} / December / 31};
  const year_month_day today_ymd{today};
  year_month_day a_year_later = today_ymd + years{1};
  if (!a_year_later.ok())
    a_year_later = a_year_later.year() / a_year_later.month() / std::chrono::last;
  if (end > time::Date{a_year_later}) return {};

  const auto found = load.year_files.find(*last);
  const std::string file = found == load.year_files.end() ? load.folder : found->second;
  const std::string when = end < today ? "ended" : "end";
  const std::string relation = end < today ? "before today" : "within a year of today";
  return {model::make_warning(
      "W-CALENDAR-ENDS", {file, 0, 0},
      fmt::format("confirmed holidays {} on {}, {} ({}); until '{}.yaml' holds the published SKB "
                  "with 'provisional: false', working-day deadlines after {} are provisional",
                  when, time::format_date(end), relation, time::format_date(today), *last + 1,
                  time::format_date(end)))};
}

}  // namespace regflow::load
