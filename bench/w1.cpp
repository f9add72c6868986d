#include "bench/w1.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "bench/measure.hpp"
#include "bench/walker.hpp"
#include "engine/app/installation.hpp"
#include "engine/store/store.hpp"

namespace regflow::bench {
namespace {

constexpr const char* kReturnNote = "pasal 5 belum sesuai hasil harmonisasi";

time::Instant w1_epoch() {
  return *time::parse_instant("2026-01-05T09:00", time::UtcOffset{});
}

// Actions of round r happen on day r+1, one second apart per dossier.
time::Instant w1_time(int round, int dossier) {
  return w1_epoch() + std::chrono::days{round + 1} + std::chrono::seconds{dossier};
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& w1_script() {
  static const std::vector<std::pair<std::string, std::string>> script{
      {"ajukan", ""},       {"telaah", ""},         {"bahas", ""},
      {"perbaiki", ""},     {"harmonisasikan", ""}, {"kembalikan", kReturnNote},
      {"perbaiki", ""},     {"harmonisasikan", ""}, {"setujui", ""},
      {"paraf", ""},        {"tandatangani", ""},   {"undangkan", ""},
      {"publikasikan", ""}, {"arsipkan", ""}};
  return script;
}

void remove_database(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db + suffix);
}

W1Result run_w1_engine(const std::string& db, const std::string& config_dir, int dossiers) {
  remove_database(db);
  const auto config = load::load_config(config_dir, time::local_date(w1_epoch(), {}));
  if (model::has_errors(config.diagnostics)) {
    throw std::runtime_error("the W1 configuration has errors; run regflow check --config " +
                             config_dir);
  }
  auto store = store::Store::init(db);
  app::Installation installation(config, store);
  const auto actor = register_bench_user(installation, "bench");
  std::mt19937 random(1);

  W1Result result;
  result.dossiers = dossiers;
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(dossiers));
  auto start = Clock::now();
  for (int i = 0; i < dossiers; ++i) {
    auto command =
        start_command(*config.find("w1"), fmt::format("Rancangan W1 nomor {}", i), random);
    auto outcome = installation.start("w1", command, actor, w1_epoch() + std::chrono::seconds{i});
    if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
      throw std::runtime_error("W1 start refused: " + refusal->subject);
    }
    ids.push_back(std::get<std::string>(outcome));
  }
  result.start_seconds = seconds_since(start);

  start = Clock::now();
  const double cpu_before = cpu_seconds();
  int round = 0;
  for (const auto& [action, note] : w1_script()) {
    runtime::AdvanceCommand command{action, note, {}, {}};
    for (int i = 0; i < dossiers; ++i) {
      auto outcome =
          installation.advance(ids[static_cast<std::size_t>(i)], command, actor, w1_time(round, i));
      if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
        throw std::runtime_error(fmt::format("W1 action '{}' on {} refused: {} {}", action,
                                             ids[static_cast<std::size_t>(i)], refusal->subject,
                                             refusal->detail));
      }
    }
    ++round;
  }
  result.action_seconds = seconds_since(start);
  result.action_cpu_seconds = cpu_seconds() - cpu_before;
  result.peak_rss_mib = peak_rss_mib();
  return result;
}

namespace {

struct FloorStep {
  const char* id;
  const char* title;
  const char* owner;
  int limit_days;  ///< 0 on the final step
};

// bench/w1/workflows/w1.yaml, written out by hand: the floor knows nothing of definitions.
constexpr FloorStep kSteps[] = {{"penyusunan", "Penyusunan rancangan", "dinas-kukm", 14},
                                {"telaah", "Telaah Biro Hukum", "biro-hukum", 7},
                                {"pembahasan", "Rapat pembahasan", "biro-hukum", 14},
                                {"perbaikan", "Perbaikan rancangan", "dinas-kukm", 7},
                                {"harmonisasi_siap", "Permohonan harmonisasi", "biro-hukum", 5},
                                {"harmonisasi", "Harmonisasi di Kanwil", "biro-hukum", 14},
                                {"paraf_asisten", "Paraf Asisten", "asisten-pemerintahan", 4},
                                {"paraf_sekda", "Paraf Sekda", "sekda", 4},
                                {"penandatanganan", "Penandatanganan Gubernur", "gubernur", 7},
                                {"pengundangan", "Pengundangan", "sekda", 5},
                                {"publikasi", "Publikasi JDIH", "biro-hukum", 7},
                                {"selesai", "Selesai", "", 0}};
// The step each scripted action leads to (index into kSteps).
constexpr int kScriptTargets[] = {1, 2, 3, 4, 5, 3, 4, 5, 6, 7, 8, 9, 10, 11};

struct FloorStatements {
  SQLite::Statement version;
  SQLite::Statement insert_event;
  SQLite::Statement insert_dossier;
  SQLite::Statement update_dossier;
  SQLite::Statement delete_deadlines;
  SQLite::Statement insert_deadline;
  SQLite::Statement bump_counter;

  explicit FloorStatements(SQLite::Database& db)
      : version(db, "SELECT version FROM dossiers WHERE id = ?"),
        insert_event(db,
                     "INSERT INTO events(dossier_id, seq, type, at, actor, agency, action, "
                     "from_step, to_step, note, changes, data, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_dossier(db,
                       "INSERT INTO dossiers(id, workflow, definition_hash, title, step, "
                       "step_title, owner_agency, escalated_to, pending_signers, closed, version, "
                       "started_at, updated_at, clocks) VALUES (?, 'w1', ?, ?, ?, ?, ?, '', "
                       "'[]', 0, 1, ?, ?, ?)"),
        update_dossier(db,
                       "UPDATE dossiers SET step = ?, step_title = ?, owner_agency = ?, "
                       "closed = ?, version = ?, updated_at = ?, clocks = ? WHERE id = ?"),
        delete_deadlines(db, "DELETE FROM deadlines WHERE dossier_id = ?"),
        insert_deadline(db,
                        "INSERT INTO deadlines(dossier_id, deadline_id, title, basis, due, "
                        "computed_due, working_days, due_soon, provisional, paused_remaining) "
                        "VALUES (?, ?, ?, 'praktik [I]', ?, ?, ?, 2, 0, 0)"),
        bump_counter(db,
                     "INSERT INTO counters(prefix, year, next) VALUES ('W1', 2026, 2) "
                     "ON CONFLICT(prefix, year) DO UPDATE SET next = next + 1") {}
};

std::string fake_hash(std::int64_t seed) {
  return fmt::format("{:064x}", seed * 2654435761u);
}

void write_event(FloorStatements& s, const std::string& id, std::int64_t seq, const char* type,
                 time::Instant at, const char* action, const char* from, const char* to,
                 const std::string& note) {
  auto& e = s.insert_event;
  e.bind(1, id);
  e.bind(2, seq);
  e.bind(3, type);
  e.bind(4, time::format_instant(at));
  e.bind(5, "bench");
  e.bind(6, "biro-hukum");
  e.bind(7, action);
  e.bind(8, from);
  e.bind(9, to);
  e.bind(10, note);
  e.bind(11, "{}");
  e.bind(12, "{}");
  e.bind(13, fake_hash(seq - 1));
  e.bind(14, fake_hash(seq));
  e.exec();
  e.reset();
}

// The running deadlines after entering `step`: the step's limit and the whole-process deadline.
struct FloorDeadline {
  const char* id;
  const char* title;
  time::Date due;
  bool working;
};

std::vector<FloorDeadline> floor_deadlines(const FloorStep& step, time::Instant at) {
  if (step.limit_days == 0) return {};
  const auto today = time::local_date(at, {});
  return {{step.id, step.title, today + std::chrono::days{step.limit_days}, true},
          {"seluruhnya", "Seluruh proses", today + std::chrono::days{120}, false}};
}

// The dossier row's clocks text (store/clocks.hpp), in deadline id order as the store writes it.
std::string floor_clocks(std::vector<FloorDeadline> deadlines) {
  std::sort(deadlines.begin(), deadlines.end(),
            [](const FloorDeadline& a, const FloorDeadline& b) {
              return std::string_view(a.id) < std::string_view(b.id);
            });
  std::string text;
  for (const auto& d : deadlines) {
    if (!text.empty()) text += ';';
    fmt::format_to(std::back_inserter(text), "{} {} {} 2 0 -", d.id,
                   d.due.time_since_epoch().count(), d.working ? 'W' : 'C');
  }
  return text;
}

void write_deadlines(FloorStatements& s, const std::string& id,
                     const std::vector<FloorDeadline>& deadlines) {
  s.delete_deadlines.bind(1, id);
  s.delete_deadlines.exec();
  s.delete_deadlines.reset();
  for (const auto& deadline : deadlines) {
    const auto due = time::format_date(deadline.due);
    auto& d = s.insert_deadline;
    d.bind(1, id);
    d.bind(2, deadline.id);
    d.bind(3, deadline.title);
    d.bind(4, due);
    d.bind(5, due);
    d.bind(6, deadline.working ? 1 : 0);
    d.exec();
    d.reset();
  }
}

}  // namespace

W1Result run_w1_floor(const std::string& db_path, int dossiers) {
  remove_database(db_path);
  store::Store::init(db_path);  // the same schema, indexes, triggers and journal mode (WAL)
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE, 5000);
  db.exec("PRAGMA foreign_keys = ON");  // as the store; synchronous stays at its default (FULL)
  FloorStatements s(db);
  const std::string definition_hash = fake_hash(7);

  W1Result result;
  result.dossiers = dossiers;
  std::vector<std::string> ids;
  auto start = Clock::now();
  for (int i = 0; i < dossiers; ++i) {
    const auto at = w1_epoch() + std::chrono::seconds{i};
    const std::string id = fmt::format("W1-2026-{:04}", i + 1);
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto& first = kSteps[0];
    auto& d = s.insert_dossier;
    d.bind(1, id);
    d.bind(2, definition_hash);
    d.bind(3, fmt::format("Rancangan W1 nomor {}", i));
    d.bind(4, first.id);
    d.bind(5, first.title);
    d.bind(6, first.owner);
    d.bind(7, time::format_instant(at));
    d.bind(8, time::format_instant(at));
    const auto deadlines = floor_deadlines(first, at);
    d.bind(9, floor_clocks(deadlines));
    d.exec();
    d.reset();
    write_event(s, id, 1, "started", at, "start", "", first.id, "");
    write_deadlines(s, id, deadlines);
    s.bump_counter.exec();
    s.bump_counter.reset();
    transaction.commit();
    ids.push_back(id);
  }
  result.start_seconds = seconds_since(start);

  start = Clock::now();
  const double cpu_before = cpu_seconds();
  int from = 0;
  for (int round = 0; round < 14; ++round) {
    const auto& [action, note] = w1_script()[static_cast<std::size_t>(round)];
    const FloorStep& source = kSteps[from];
    const FloorStep& target = kSteps[kScriptTargets[round]];
    const bool closes = target.limit_days == 0;
    for (int i = 0; i < dossiers; ++i) {
      const auto at = w1_time(round, i);
      const std::string& id = ids[static_cast<std::size_t>(i)];
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      s.version.bind(1, id);
      if (!s.version.executeStep()) throw std::runtime_error("floor: lost dossier " + id);
      const std::int64_t seq = s.version.getColumn(0).getInt64() + 1;
      s.version.reset();
      write_event(s, id, seq, "action", at, action.c_str(), source.id, target.id, note);
      auto& u = s.update_dossier;
      u.bind(1, target.id);
      u.bind(2, target.title);
      u.bind(3, target.owner);
      u.bind(4, closes ? 1 : 0);
      u.bind(5, seq);
      u.bind(6, time::format_instant(at));
      const auto deadlines = floor_deadlines(target, at);
      u.bind(7, floor_clocks(deadlines));
      u.bind(8, id);
      u.exec();
      u.reset();
      write_deadlines(s, id, deadlines);
      transaction.commit();
    }
    from = kScriptTargets[round];
  }
  result.action_seconds = seconds_since(start);
  result.action_cpu_seconds = cpu_seconds() - cpu_before;
  result.peak_rss_mib = peak_rss_mib();
  return result;
}

}  // namespace regflow::bench
