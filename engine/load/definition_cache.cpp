#include "engine/load/definition_cache.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "engine/load/agency_loader.hpp"
#include "engine/load/rule_loader.hpp"
#include "engine/load/workflow_loader.hpp"
#include "engine/load/yaml_reader.hpp"
#include "engine/model/digest.hpp"

// Every field of every type below is written; WorkflowDefinition's source_text and content_hash
// come from the text itself. tests/engine/load/definition_cache_test.cpp compares what is read
// back with what parsing gives (operator== covers every field), so a field added to the model
// and forgotten here fails there.
namespace boost::serialization {

template <typename Archive, typename T>
void save(Archive& ar, const std::optional<T>& value, unsigned /*version*/) {
  const bool present = value.has_value();
  ar << present;
  if (present) ar << *value;
}

template <typename Archive, typename T>
void load(Archive& ar, std::optional<T>& value, unsigned /*version*/) {
  bool present = false;
  ar >> present;
  value.reset();
  if (present) {
    T inner{};
    ar >> inner;
    value = std::move(inner);
  }
}

template <typename Archive, typename T>
void serialize(Archive& ar, std::optional<T>& value, unsigned version) {
  split_free(ar, value, version);
}

template <typename Archive>
void save(Archive& ar, const regflow::time::Date& date, unsigned /*version*/) {
  const std::chrono::days::rep days = date.time_since_epoch().count();
  ar << days;
}

template <typename Archive>
void load(Archive& ar, regflow::time::Date& date, unsigned /*version*/) {
  std::chrono::days::rep days = 0;
  ar >> days;
  date = regflow::time::Date{std::chrono::days{days}};
}

template <typename Archive>
void serialize(Archive& ar, regflow::time::Date& date, unsigned version) {
  split_free(ar, date, version);
}

template <typename Archive>
void save(Archive& ar, const regflow::model::Value& value, unsigned /*version*/) {
  const int index = static_cast<int>(value.index());
  ar << index;
  std::visit([&ar](const auto& inner) { ar << inner; }, value);
}

template <typename Archive>
void load(Archive& ar, regflow::model::Value& value, unsigned /*version*/) {
  int index = 0;
  ar >> index;
  switch (index) {
    case 0:
      value = std::string{};
      break;
    case 1:
      value = 0.0;
      break;
    case 2:
      value = false;
      break;
    case 3:
      value = regflow::time::Date{};
      break;
    case 4:
      value = std::vector<std::string>{};
      break;
    default:
      throw archive::archive_exception(archive::archive_exception::input_stream_error);
  }
  std::visit([&ar](auto& inner) { ar >> inner; }, value);
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Value& value, unsigned version) {
  split_free(ar, value, version);
}

template <typename Archive>
void serialize(Archive& ar, regflow::time::Duration& d, unsigned /*version*/) {
  ar& d.amount& d.unit;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::SourceLocation& l, unsigned /*version*/) {
  ar& l.file& l.line& l.column;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::ValueLocations& v, unsigned /*version*/) {
  ar& v.by_key;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Message& m, unsigned /*version*/) {
  ar& m.format& m.values& m.verbatim;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Diagnostic& d, unsigned /*version*/) {
  ar& d.code& d.severity& d.location& d.message& d.said& d.notes& d.source_line& d.caret_column;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Quorum& q, unsigned /*version*/) {
  ar& q.kind& q.count;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::ExpressionText& e, unsigned /*version*/) {
  ar& e.text& e.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::TimerSpec& t, unsigned /*version*/) {
  ar& t.kind& t.offset_days& t.offset_unit& t.target& t.note& t.guard& t.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::TablePeriod& t, unsigned /*version*/) {
  ar& t.table& t.output& t.unit& t.otherwise& t.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::DeadlineSpec& d, unsigned /*version*/) {
  ar& d.id& d.title& d.kind& d.from& d.to& d.variable& d.active_in& d.within& d.within_table& d
      .basis& d.confidence& d.unit_confidence& d.on_return& d.due_soon& d.timers& d.location& d.values;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Action& a, unsigned /*version*/) {
  ar& a.name& a.title& a.target& a.route_table& a.guard& a.by& a.note_required& a.is_return& a
      .sets& a.location& a.values;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Step& s, unsigned /*version*/) {
  ar& s.id& s.title& s.kind& s.owner& s.with& s.signers& s.quorum& s.next& s.completes& s.basis& s
      .limit& s.requires_documents& s.actions& s.location& s.values;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::VariableDecl& v, unsigned /*version*/) {
  ar& v.name& v.title& v.type& v.values& v.default_value& v.required& v.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::RoleDecl& r, unsigned /*version*/) {
  ar& r.name& r.title& r.default_agency& r.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::WorkflowDefinition& w, unsigned /*version*/) {
  ar& w.name& w.id_prefix& w.version& w.title& w.basis& w.effective& w.until& w.version_basis& w.variables& w.roles& w
      .initial& w.steps& w.deadlines& w.target_until& w.source_path& w.location& w.values;
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::Agency& a, unsigned /*version*/) {
  ar& a.code& a.name& a.parent& a.outside& a.location;
}

template <typename Archive>
void save(Archive& ar, const regflow::model::AgencyDirectory& directory, unsigned /*version*/) {
  std::vector<regflow::model::Agency> agencies;
  for (const auto& [code, agency] : directory.all()) agencies.push_back(agency);
  ar << agencies;
}

template <typename Archive>
void load(Archive& ar, regflow::model::AgencyDirectory& directory, unsigned /*version*/) {
  std::vector<regflow::model::Agency> agencies;
  ar >> agencies;
  directory = {};
  for (auto& agency : agencies) directory.add(std::move(agency));
}

template <typename Archive>
void serialize(Archive& ar, regflow::model::AgencyDirectory& directory, unsigned version) {
  split_free(ar, directory, version);
}

template <typename Archive>
void serialize(Archive& ar, regflow::time::NonWorkingDay& d, unsigned /*version*/) {
  ar& d.date& d.name& d.decree& d.kind& d.decreed_on& d.removed_by& d.removed_on& d.confidence;
}

template <typename Archive>
void serialize(Archive& ar, regflow::time::CalendarYear& y, unsigned /*version*/) {
  ar& y.year& y.provisional& y.source& y.published& y.confidence;
}

template <typename Archive>
void save(Archive& ar, const regflow::time::HolidayCalendar& c, unsigned /*version*/) {
  const bool collective_leave_is_working = c.settings().collective_leave_is_working;
  ar << c.days() << c.years() << collective_leave_is_working;
}

template <typename Archive>
void load(Archive& ar, regflow::time::HolidayCalendar& c, unsigned /*version*/) {
  std::vector<regflow::time::NonWorkingDay> days;
  std::vector<regflow::time::CalendarYear> years;
  bool collective_leave_is_working = false;
  ar >> days >> years >> collective_leave_is_working;
  // The constructor derives the rest from these (and gives back the same days and years).
  c = regflow::time::HolidayCalendar(std::move(days), std::move(years),
                                     {.collective_leave_is_working = collective_leave_is_working});
}

template <typename Archive>
void serialize(Archive& ar, regflow::time::HolidayCalendar& c, unsigned version) {
  split_free(ar, c, version);
}

template <typename Archive>
void serialize(Archive& ar, regflow::load::CalendarLoad& l, unsigned /*version*/) {
  ar& l.calendar& l.diagnostics& l.folder& l.year_files;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::VariableInfo& v, unsigned /*version*/) {
  ar& v.type& v.values;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::RuleInput& i, unsigned /*version*/) {
  ar& i.name& i.info& i.description& i.location;
}

// As read, before finalize(): the compiled expression and the inputs read are derived there.
template <typename Archive>
void serialize(Archive& ar, regflow::rules::NamedRule& r, unsigned /*version*/) {
  ar& r.name& r.description& r.basis& r.text& r.location& r.name_location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::CellSource& c, unsigned /*version*/) {
  ar& c.input& c.items& c.is_list& c.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::OutputCellSource& c, unsigned /*version*/) {
  ar& c.output& c.value& c.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::RowSource& r, unsigned /*version*/) {
  ar& r.location& r.when& r.then& r.basis;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::OutputSource& o, unsigned /*version*/) {
  ar& o.name& o.type& o.location;
}

template <typename Archive>
void serialize(Archive& ar, regflow::rules::TableSource& t, unsigned /*version*/) {
  ar& t.name& t.description& t.basis& t.location& t.hit& t.inputs& t.outputs& t.rows;
}

}  // namespace boost::serialization

namespace regflow::load {
namespace fs = std::filesystem;

namespace {

int find_build_id(dl_phdr_info* info, std::size_t /*size*/, void* data) {
  auto& out = *static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + header.p_vaddr);
    const auto* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const auto* name = at + sizeof note;
      const auto* desc = name + ((note.n_namesz + 3) & ~3U);
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0 && desc + note.n_descsz <= end) {
        out += model::lower_hex({reinterpret_cast<const char*>(desc), note.n_descsz});
        return 1;
      }
      at = desc + ((note.n_descsz + 3) & ~3U);
    }
  }
  return 1;  // the first object is the executable; the libraries do not matter
}

constexpr std::size_t kDigestLength = 64;  ///< hex HMAC-SHA-256

template <typename T>
struct Entry {
  T value;
  model::Diagnostics diagnostics;

  template <typename Archive>
  void serialize(Archive& ar, unsigned /*version*/) {
    ar& value& diagnostics;
  }
};

}  // namespace

const std::string& build_id() {
  static const std::string id = [] {
    std::string out;
    dl_iterate_phdr(find_build_id, &out);
    return out;
  }();
  return id;
}

DefinitionCache::DefinitionCache(fs::path folder, std::string mac_key)
    : folder_(build_id().empty() || mac_key.empty() ? fs::path{} : std::move(folder)),
      mac_key_(std::move(mac_key)) {}

namespace {

/// What rules/*.yaml said, before the set is finalized.
struct RuleSources {
  std::vector<rules::RuleInput> inputs;
  std::vector<rules::NamedRule> rules;
  std::vector<rules::TableSource> tables;

  template <typename Archive>
  void serialize(Archive& ar, unsigned /*version*/) {
    ar& inputs& rules& tables;
  }
};

/// Every entry of a folder (calendars, rules) by name with the bytes of each file: more than the
/// loader reads, so that no change it could see is missed. nullopt when the folder cannot be
/// listed or a file is too large to be a definition (the loader then reports it).
std::optional<std::string> folder_text(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::directory_entry> listed;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    listed.push_back(*it);
  }
  if (ec) return std::nullopt;
  std::sort(listed.begin(), listed.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  std::string out;
  for (const auto& entry : listed) {
    out += entry.path().filename().string();
    if (!entry.is_regular_file(ec) || ec) {
      out += "\n-\n";
      continue;
    }
    const auto size = entry.file_size(ec);
    if (ec || size > kMaxDefinitionBytes) return std::nullopt;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return std::nullopt;
    out += '\n' + std::to_string(size) + '\n' + std::move(bytes).str();
  }
  return out;
}

}  // namespace

std::string DefinitionCache::entry_mac(const std::string& key, std::string_view archived) const {
  std::string covered = key;
  covered += '\n';
  covered += archived;
  return model::hmac_sha256_hex(mac_key_, covered);
}

fs::path DefinitionCache::entry(const std::string& key) const {
  return folder_ / (key + ".entry");
}

template <typename T, typename Parse>
std::optional<T> DefinitionCache::through(const std::string& kind, const std::string& path,
                                          std::string_view text_identity, model::Diagnostics& out,
                                          Parse parse) {
  std::string key;
  if (!folder_.empty()) {
    std::string keyed = build_id() + '\n' + kind + '\n' + std::to_string(path.size()) + ':' + path;
    keyed += text_identity;
    key = model::sha256_hex(keyed);
  }
  if (!key.empty()) {
    if (std::ifstream in{entry(key), std::ios::binary}) {
      // An entry is its archive followed by the MAC of its key and archive, so that a damaged,
      // edited or forged one, or another entry copied over it, is parsed again, not believed.
      std::ostringstream whole;
      whole << in.rdbuf();
      std::string bytes = std::move(whole).str();
      if (bytes.size() > kDigestLength &&
          entry_mac(key, std::string_view(bytes).substr(0, bytes.size() - kDigestLength)) ==
              std::string_view(bytes).substr(bytes.size() - kDigestLength)) {
        bytes.resize(bytes.size() - kDigestLength);
        try {
          std::istringstream archived(std::move(bytes));
          Entry<T> cached;
          boost::archive::binary_iarchive archive(archived);
          archive >> cached;
          out.insert(out.end(), cached.diagnostics.begin(), cached.diagnostics.end());
          return std::move(cached.value);
        } catch (const std::exception&) {
          // Written by the same build yet unreadable: parse the text again and replace it.
        }
      }
    }
  }
  model::Diagnostics diagnostics;
  std::optional<T> value = parse(diagnostics);
  out.insert(out.end(), diagnostics.begin(), diagnostics.end());
  if (!key.empty() && value && !model::has_errors(diagnostics)) {
    std::ostringstream bytes;
    {
      boost::archive::binary_oarchive archive(bytes);
      const Entry<T> cached{*value, std::move(diagnostics)};
      archive << cached;
    }
    std::string archived = std::move(bytes).str();
    archived += entry_mac(key, archived);
    pending_.push_back({key, std::move(archived)});
  }
  return value;
}

std::optional<model::WorkflowDefinition> DefinitionCache::load(const std::string& path,
                                                               const std::string& text,
                                                               model::Diagnostics& out) {
  return load(path, text, model::sha256_hex(text), out);
}

std::optional<model::WorkflowDefinition> DefinitionCache::load(const std::string& path,
                                                               const std::string& text,
                                                               const std::string& text_hash,
                                                               model::Diagnostics& out) {
  // Keyed by the text's SHA-256, which the definition carries anyway, rather than by the text:
  // a one-dossier command used to hash each workflow text three times (bench/README.md).
  // The kind differs from the text-keyed entries of earlier builds ("workflow"), whose build id
  // differs anyway.
  auto definition = through<model::WorkflowDefinition>(
      "workflow-sha256", path, text_hash, out,
      [&](model::Diagnostics& ds) { return load_workflow_text(path, text, ds); });
  if (definition) {
    definition->source_text = text;
    definition->content_hash = text_hash;
  }
  return definition;
}

model::AgencyDirectory DefinitionCache::agencies(const std::string& path, const std::string& text,
                                                 model::Diagnostics& out) {
  return through<model::AgencyDirectory>("agencies", path, text, out,
                                         [&](model::Diagnostics& ds) {
                                           return std::optional{load_agencies_text(path, text, ds)};
                                         })
      .value_or(model::AgencyDirectory{});
}

CalendarLoad DefinitionCache::calendars(const fs::path& dir, bool collective_leave_is_working) {
  const auto text = folder_.empty() ? std::nullopt : folder_text(dir);
  if (!text) return load_calendars(dir, collective_leave_is_working);
  model::Diagnostics ignored;  // a CalendarLoad holds its own diagnostics
  auto kind = std::string("calendars ") + (collective_leave_is_working ? "working" : "off");
  return *through<CalendarLoad>(kind, dir.string(), *text, ignored, [&](model::Diagnostics& ds) {
    auto load = load_calendars(dir, collective_leave_is_working);
    ds = load.diagnostics;
    return std::optional{std::move(load)};
  });
}

RuleLoad DefinitionCache::rules(const fs::path& dir) {
  const auto text = folder_.empty() ? std::nullopt : folder_text(dir);
  if (!text) return load_rules(dir);
  RuleLoad load;
  // The entry holds what reading gave; finalize() derives the rest on every load, as it does
  // after reading.
  const auto sources =
      through<RuleSources>("rules", dir.string(), *text, load.diagnostics,
                           [&](model::Diagnostics& ds) -> std::optional<RuleSources> {
                             auto read = read_rule_files(dir);
                             ds = read.diagnostics;
                             RuleSources out;
                             for (const auto& [name, input] : read.rules.inputs())
                               out.inputs.push_back(input);
                             for (const auto& [name, rule] : read.rules.rules())
                               out.rules.push_back(rule);
                             for (const auto& [name, table] : read.rules.table_sources())
                               out.tables.push_back(table);
                             model::Diagnostics finalized;
                             read.rules.finalize(finalized);
                             if (model::has_errors(finalized)) return std::nullopt;  // not kept
                             return out;
                           });
  if (!sources || model::has_errors(load.diagnostics)) return load_rules(dir);
  for (const auto& input : sources->inputs) load.rules.add_input(input, load.diagnostics);
  for (const auto& rule : sources->rules) load.rules.add_rule(rule, load.diagnostics);
  for (const auto& table : sources->tables) load.rules.add_table(table, load.diagnostics);
  load.rules.finalize(load.diagnostics);
  return load;
}

void DefinitionCache::save() {
  std::error_code ec;
  if (!pending_.empty()) fs::create_directories(folder_, ec);
  // A folder that is a symbolic link could send the entries anywhere: it is not written.
  if (!ec && !pending_.empty() &&
      fs::symlink_status(folder_, ec).type() != fs::file_type::directory) {
    pending_.clear();
    return;
  }
  for (const auto& [key, bytes] : pending_) {
    if (ec) break;
    // Written aside and renamed, so that a reader never meets half an entry. The aside file has
    // a random name and is created exclusively, never through a symbolic link, so that a file or
    // link planted under a guessable name cannot redirect the write.
    const fs::path target = entry(key);
    const fs::path aside = target.string() + "." + model::lower_hex(model::random_bytes(8));
    const int fd =
        ::open(aside.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) continue;
    bool written = true;
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        written = false;
        break;
      }
      done += static_cast<std::size_t>(n);
    }
    written = ::close(fd) == 0 && written;
    std::error_code ignored;
    if (written) fs::rename(aside, target, ignored);
    fs::remove(aside, ignored);
  }
  pending_.clear();
}

}  // namespace regflow::load
