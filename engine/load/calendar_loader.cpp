#include "engine/load/calendar_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "engine/load/yaml_reader.hpp"
#include "engine/model/spelling.hpp"

namespace regflow::load {
namespace {

using time::NonWorkingDay;

const std::vector<std::string> kFileKeys{"year",       "provisional", "source", "published",
                                         "confidence", "decrees",     "days"};
const std::vector<std::string> kDayKeys{"date",   "kind",       "name",
                                        "decree", "removed_by", "confidence"};
const std::vector<std::string> kDecreeKeys{"id", "title", "signed", "confidence"};
const std::vector<std::string> kKinds{"libur", "cuti_bersama"};
// The tags of the domain brief: confirmed, confirmed through a secondary source, recalled,
// inferred, estimated, unconfirmed.
const std::vector<std::string> kConfidences{"C", "C2", "R", "I", "E", "U"};

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// An amendment or another decree named by the days of a file ('decrees:').
struct Decree {
  std::string title;
  time::Date signed_on;
};

// Where a day was written, for the overlap check of a date listed more than once.
struct DayPlace {
  model::SourceLocation at;
  std::size_t index = 0;  // into YearFile::days
};

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
      out_.push_back(
          model::make_error("E-WRONG-TYPE", {yaml_.path(), 1, 1},
                            model::say("the file is empty; expected a map with the keys {}",
                                       model::quoted_list(kFileKeys))));
      return std::nullopt;
    }
    if (!root.IsMap()) {
      error("E-WRONG-TYPE", root,
            model::say("a calendar file must be a map with the keys {}; found {}",
                       model::quoted_list(kFileKeys), describe_node(root)));
      return std::nullopt;
    }

    const auto fields = entries(root, kFileKeys, model::say("the calendar file"));
    const auto year = read_year(root, fields);
    const auto provisional = read_provisional(root, fields);
    const auto source = required_text(root, fields, "source", kFileKeys,
                                      model::say("the decree that publishes this year's list"));
    const std::string fallback_decree = source.value_or("");
    std::optional<time::Date> published;
    if (const auto it = fields.find("published"); it != fields.end()) {
      published =
          date_value(it->second, "published", model::say("the day the source decree was signed"));
    }
    const std::string confidence = optional_confidence(fields);
    read_decrees(fields);

    std::vector<NonWorkingDay> days;
    std::vector<DayPlace> places;
    if (const auto* list = required(root, fields, "days", kFileKeys)) {
      if (!list->value.IsSequence()) {
        error("E-WRONG-TYPE", list->value.IsNull() ? list->key : list->value,
              model::say("'days' must be a list of days; found {} (write 'days: []' for none)",
                         describe_node(list->value)));
      } else {
        for (const auto& item : list->value) {
          auto day = read_day(item, year, fallback_decree, published, confidence);
          if (!day) continue;
          places.push_back({location(item["date"]), days.size()});
          days.push_back(std::move(*day));
        }
      }
    }
    drop_overlaps(days, places);

    if (!year) return std::nullopt;
    // An unreadable 'provisional' counts as provisional: never claim a list is confirmed when
    // the file does not say so.
    time::CalendarYear entry;
    entry.year = *year;
    entry.provisional = provisional.value_or(true);
    entry.source = fallback_decree;
    entry.published = published;
    entry.confidence = confidence;
    return YearFile{std::move(entry), location(fields.at("year").value), std::move(days)};
  }

 private:
  struct Field {
    YAML::Node key;
    YAML::Node value;
  };
  using Fields = std::map<std::string, Field>;

  model::SourceLocation location(const YAML::Node& node) const { return yaml_.location(node); }

  void error(std::string code, const YAML::Node& at, model::Message message) {
    yaml_.error(std::move(code), at, std::move(message));
  }

  // The known keys of a map, each once, by name; unknown and repeated keys are reported by the
  // reader, as in every definition file.
  Fields entries(const YAML::Node& map, const std::vector<std::string>& accepted,
                 const model::Message& what) {
    Fields fields;
    for (auto& [key, value] : yaml_.known_entries(map, accepted, what)) {
      fields.emplace(key.Scalar(), Field{key, value});
    }
    return fields;
  }

  static model::Message needs(const std::vector<std::string>& keys) {
    if (keys == kFileKeys) {
      return model::say("a calendar file needs 'year', 'provisional', 'source' and 'days'");
    }
    if (keys == kDecreeKeys) {
      return model::say("each decree needs 'id', 'title' and 'signed' ('confidence' is optional)");
    }
    return model::say("each day needs 'date', 'kind' and 'name' ('decree' is optional)");
  }

  std::optional<time::Date> date_value(const Field& field, const std::string& key,
                                       const model::Message& what) {
    const auto text = scalar(field, key, model::say("{} as YYYY-MM-DD", what));
    if (!text) return std::nullopt;
    const auto date = time::parse_date(*text);
    if (!date) {
      error("E-CALENDAR-DATE", field.value,
            model::say("'{}' is not a date; expected YYYY-MM-DD", *text));
    }
    return date;
  }

  // A confidence tag written C2 or [C2]; stored as "[C2]". Empty when the key is absent.
  std::string optional_confidence(const Fields& fields) {
    const auto it = fields.find("confidence");
    if (it == fields.end()) return {};
    const auto text =
        scalar(it->second, "confidence", model::say("a confidence tag such as C2 or U"));
    if (!text) return {};
    std::string tag = *text;
    if (tag.size() > 2 && tag.front() == '[' && tag.back() == ']')
      tag = tag.substr(1, tag.size() - 2);
    if (std::find(kConfidences.begin(), kConfidences.end(), tag) == kConfidences.end()) {
      error("E-CALENDAR-CONFIDENCE", it->second.value,
            model::say("unknown confidence tag '{}'; accepted tags: {} (C confirmed, C2 through a "
                       "secondary source, R recalled, I inferred, E estimated, U unconfirmed)",
                       *text, model::quoted_list(kConfidences)));
      return {};
    }
    return "[" + tag + "]";
  }

  void read_decrees(const Fields& fields) {
    const auto it = fields.find("decrees");
    if (it == fields.end()) return;
    has_decrees_ = true;
    const YAML::Node& list = it->second.value;
    if (!list.IsSequence()) {
      error("E-WRONG-TYPE", list.IsNull() ? it->second.key : list,
            model::say("'decrees' must be a list of decrees; found {}", describe_node(list)));
      return;
    }
    for (const auto& item : list) {
      if (!item.IsMap()) {
        error("E-WRONG-TYPE", item,
              model::say("a decree must be a map with the keys 'id', 'title' and 'signed'; "
                         "found {}",
                         describe_node(item)));
        continue;
      }
      const auto decree = entries(item, kDecreeKeys, model::say("a decree"));
      const auto id = required_text(item, decree, "id", kDecreeKeys,
                                    model::say("a short name such as skb-281-2021"));
      const auto title = required_text(item, decree, "title", kDecreeKeys,
                                       model::say("the decree's number and date"));
      std::optional<time::Date> signed_on;
      if (const auto* field = required(item, decree, "signed", kDecreeKeys)) {
        signed_on = date_value(*field, "signed", model::say("the day the decree was signed"));
      }
      optional_confidence(decree);
      if (!id || !title || !signed_on) continue;
      if (!decrees_.emplace(*id, Decree{*title, *signed_on}).second) {
        error("E-CALENDAR-DUPLICATE-DECREE", decree.at("id").value,
              model::say("decree '{}' is listed twice; expected each id once", *id));
      }
    }
  }

  std::vector<std::string> decree_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, decree] : decrees_) ids.push_back(id);
    return ids;
  }

  // The decree an id names, or nullopt with E-CALENDAR-DECREE.
  const Decree* named_decree(const Field& field, const std::string& id) {
    if (const auto it = decrees_.find(id); it != decrees_.end()) return &it->second;
    const auto ids = decree_ids();
    error("E-CALENDAR-DECREE", field.value,
          ids.empty() ? model::say("unknown decree '{}'; list it under 'decrees' with its 'id', "
                                   "'title' and 'signed' date",
                                   id)
                      : model::say("unknown decree '{}'{}; accepted decrees: {}", id,
                                   model::suggestion(id, ids), model::quoted_list(ids)));
    return nullptr;
  }

  // A date may be listed more than once when the entries were in force at different times (a
  // day removed by one decree and declared again by another); never twice at the same time.
  // The later entry of each overlapping pair is reported and dropped.
  void drop_overlaps(std::vector<NonWorkingDay>& days, const std::vector<DayPlace>& places) {
    std::vector<bool> dropped(days.size(), false);
    for (std::size_t i = 0; i < places.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        const auto& a = days[places[j].index];
        const auto& b = days[places[i].index];
        if (a.date != b.date || dropped[places[j].index]) continue;
        const auto begins_before_end = [](const NonWorkingDay& x, const NonWorkingDay& y) {
          // x starts before y ends
          if (!y.removed_on) return true;
          return !x.decreed_on || *x.decreed_on < *y.removed_on;
        };
        if (!begins_before_end(a, b) || !begins_before_end(b, a)) continue;
        out_.push_back(model::make_error(
            "E-CALENDAR-DUPLICATE-DATE", places[i].at,
            model::say("'{}' is listed twice (first at line {}) and both entries are in force "
                       "at the same time; expected each date once, or the earlier entry "
                       "'removed_by' the decree that lists it again",
                       time::format_date(b.date), places[j].at.line)));
        dropped[places[i].index] = true;
        break;
      }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < days.size(); ++i) {
      if (dropped[i]) continue;
      if (kept != i) days[kept] = std::move(days[i]);
      ++kept;
    }
    days.resize(kept);
  }

  const Field* required(const YAML::Node& map, const Fields& fields, const std::string& key,
                        const std::vector<std::string>& keys) {
    const auto it = fields.find(key);
    if (it == fields.end()) {
      error("E-MISSING-KEY", map, model::say("missing key '{}'; {}", key, needs(keys)));
      return nullptr;
    }
    return &it->second;
  }

  // A non-empty single value, or nullopt with a diagnostic. An empty value is reported at its key:
  // yaml-cpp places a null node wherever the next token happens to be.
  std::optional<std::string> scalar(const Field& field, const std::string& key,
                                    const model::Message& expected) {
    const YAML::Node& value = field.value;
    if (value.IsScalar() && !value.Scalar().empty()) return value.Scalar();
    if (value.IsNull() || value.IsScalar()) {
      error("E-MISSING-KEY", field.key,
            model::say("'{}' has no value; expected {}", key, expected));
    } else {
      error("E-WRONG-TYPE", value,
            model::say("'{}' must be a single value; found {}; expected {}", key,
                       describe_node(value), expected));
    }
    return std::nullopt;
  }

  std::optional<std::string> required_text(const YAML::Node& map, const Fields& fields,
                                           const std::string& key,
                                           const std::vector<std::string>& keys,
                                           const model::Message& expected) {
    const auto* field = required(map, fields, key, keys);
    if (!field) return std::nullopt;
    return scalar(*field, key, expected);
  }

  std::optional<int> read_year(const YAML::Node& root, const Fields& fields) {
    const auto text =
        required_text(root, fields, "year", kFileKeys, model::say("a year such as 2026"));
    if (!text) return std::nullopt;
    const YAML::Node& node = fields.at("year").value;
    if (text->size() != 4 || !all_digits(*text) || std::stoi(*text) < kMinYear) {
      error("E-CALENDAR-YEAR", node,
            model::say("'{}' is not a year; expected a year from {} to {}, such as 2026", *text,
                       kMinYear, kMaxYear));
      return std::nullopt;
    }
    const std::string stem = path_.stem().string();
    if (all_digits(stem) && stem != *text) {
      error("E-CALENDAR-FILE-YEAR", node,
            model::say("year '{}' does not match the file name '{}'; expected 'year: {}', or "
                       "rename the file to '{}.yaml'",
                       *text, path_.filename().string(), stem, *text));
      return std::nullopt;
    }
    return std::stoi(*text);
  }

  std::optional<bool> read_provisional(const YAML::Node& root, const Fields& fields) {
    const model::Message expected = model::say(
        "'true' (the dates are estimates) or 'false' (the dates are published in the SKB)");
    const auto text = required_text(root, fields, "provisional", kFileKeys, expected);
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    error("E-WRONG-TYPE", fields.at("provisional").value,
          model::say("'{}' is not true or false; expected {}", *text, expected));
    return std::nullopt;
  }

  std::optional<NonWorkingDay> read_day(const YAML::Node& item, std::optional<int> year,
                                        const std::string& fallback_decree,
                                        std::optional<time::Date> published,
                                        const std::string& file_confidence) {
    if (!item.IsMap()) {
      error("E-WRONG-TYPE", item,
            model::say("a day must be a map with the keys 'date', 'kind' and 'name'; found {}",
                       describe_node(item)));
      return std::nullopt;
    }
    const auto fields = entries(item, kDayKeys, model::say("a day"));
    const auto date = read_date(item, fields, year);
    const auto kind = read_kind(item, fields);
    const auto name = required_text(item, fields, "name", kDayKeys,
                                    model::say("the occasion, such as 'Tahun Baru Masehi'"));
    NonWorkingDay day;
    bool ok = date && kind && name;
    day.decree = fallback_decree;
    day.decreed_on = published;
    if (const auto it = fields.find("decree"); it != fields.end()) {
      const auto text =
          scalar(it->second, "decree", model::say("the decree that declares this day"));
      if (!text) {
        ok = false;
      } else if (!has_decrees_) {
        day.decree = *text;  // a decree named in words; its date is not known
        day.decreed_on.reset();
      } else if (const auto* decree = named_decree(it->second, *text)) {
        day.decree = decree->title;
        day.decreed_on = decree->signed_on;
      } else {
        ok = false;
      }
    }
    if (const auto it = fields.find("removed_by"); it != fields.end()) {
      const auto text = scalar(it->second, "removed_by",
                               model::say("the id of the decree that removed this day"));
      const Decree* decree = text ? named_decree(it->second, *text) : nullptr;
      if (decree == nullptr) {
        ok = false;
      } else if (day.decreed_on && decree->signed_on < *day.decreed_on) {
        error("E-CALENDAR-REMOVAL", it->second.value,
              model::say("'{}' was signed on {}, before the day was declared on {}; expected a "
                         "decree signed on or after {}",
                         *text, time::format_date(decree->signed_on),
                         time::format_date(*day.decreed_on), time::format_date(*day.decreed_on)));
        ok = false;
      } else {
        day.removed_by = decree->title;
        day.removed_on = decree->signed_on;
      }
    }
    day.confidence = optional_confidence(fields);
    if (day.confidence.empty()) day.confidence = file_confidence;
    if (!ok) return std::nullopt;
    day.date = *date;
    day.name = *name;
    day.kind = *kind;
    return day;
  }

  std::optional<time::Date> read_date(const YAML::Node& item, const Fields& fields,
                                      std::optional<int> year) {
    const auto text =
        required_text(item, fields, "date", kDayKeys, model::say("a date as YYYY-MM-DD"));
    if (!text) return std::nullopt;
    const YAML::Node& node = fields.at("date").value;
    const auto date = time::parse_date(*text);
    if (!date) {
      error("E-CALENDAR-DATE", node, model::say("'{}' is not a date; expected YYYY-MM-DD", *text));
      return std::nullopt;
    }
    if (year && time::year_of(*date) != *year) {
      error("E-CALENDAR-DATE-YEAR", node,
            model::say("'{}' is not in {}, the year of this file; expected a date from "
                       "{}-01-01 to {}-12-31",
                       *text, *year, *year, *year));
      return std::nullopt;
    }
    return date;
  }

  std::optional<NonWorkingDay::Kind> read_kind(const YAML::Node& item, const Fields& fields) {
    const auto text =
        required_text(item, fields, "kind", kDayKeys, model::say("'libur' or 'cuti_bersama'"));
    if (!text) return std::nullopt;
    if (*text == "libur") return NonWorkingDay::Kind::NationalHoliday;
    if (*text == "cuti_bersama") return NonWorkingDay::Kind::CollectiveLeave;
    error("E-CALENDAR-KIND", fields.at("kind").value,
          model::say("unknown kind '{}'{}; accepted kinds: 'libur' (national holiday), "
                     "'cuti_bersama' (collective leave)",
                     *text, model::suggestion(*text, kKinds)));
    return std::nullopt;
  }

  std::filesystem::path path_;
  YamlReader yaml_;
  model::Diagnostics& out_;
  std::map<std::string, Decree> decrees_;
  bool has_decrees_ = false;
};

std::vector<std::filesystem::path> calendar_files(const std::filesystem::path& dir,
                                                  model::Diagnostics& out) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    out.push_back(model::make_error(
        "E-FILE", {dir.string(), 0, 0},
        model::say("cannot read calendar folder: {}; expected a folder of <year>.yaml files",
                   system_reason(ec))));
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
          model::say("year {} is already listed in '{}'; expected one file per year", year,
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
        model::say("no confirmed calendar year; working-day deadlines are counted on weekends "
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
  // Two whole sentences rather than a tense glued in: a translator sees each one entire.
  const auto said =
      end < today
          ? model::say(
                "confirmed holidays ended on {}, before today ({}); until '{}.yaml' holds "
                "the published SKB with 'provisional: false', working-day deadlines after "
                "{} are provisional",
                time::format_date(end), time::format_date(today), *last + 1, time::format_date(end))
          : model::say(
                "confirmed holidays end on {}, within a year of today ({}); until '{}.yaml' "
                "holds the published SKB with 'provisional: false', working-day deadlines "
                "after {} are provisional",
                time::format_date(end), time::format_date(today), *last + 1,
                time::format_date(end));
  return {model::make_warning("W-CALENDAR-ENDS", {file, 0, 0}, said)};
}

}  // namespace regflow::load
