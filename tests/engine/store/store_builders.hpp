// Readable builders for the store tests: sealed events and the Write a command would produce.
#pragma once

#include <chrono>
#include <exception>
#include <string>
#include <vector>

#include "engine/runtime/event.hpp"
#include "engine/store/store.hpp"

namespace regflow::test {

/// 2026-03-02 (a Monday) at 02:00 UTC plus `minutes`.
inline time::Instant at_minute(int minutes) {
  using namespace std::chrono;
  return time::Instant{sys_days{year{2026} / March / 2} + hours{2} + std::chrono::minutes{minutes}};
}

inline store::DossierRow dossier_row(const std::string& id, const std::string& step,
                                     const std::string& owner) {
  store::DossierRow row;
  row.id = id;
  row.workflow = "pergub";
  row.definition_hash = "def-hash-1";
  row.title = "Pergub Pendampingan UMKM";
  row.step = step;
  row.step_title = "Step " + step;
  row.owner_agency = owner;
  row.started_at = at_minute(0);
  row.updated_at = at_minute(0);
  return row;
}

/// What `start` writes: one sealed Started event at step "penyusunan", held by `owner`.
inline store::Write started(const std::string& id, const std::string& owner = "dinas-kukm") {
  runtime::Event e;
  e.dossier_id = id;
  e.sequence = 1;
  e.type = runtime::EventType::Started;
  e.at = at_minute(0);
  e.actor = "sari";
  e.agency = "biro-hukum";
  e.action = "start";
  e.to_step = "penyusunan";
  e.data = {{"workflow", "pergub"}, {"definition_hash", "def-hash-1"}};
  runtime::seal(e, "");
  store::Write write;
  write.events.push_back(e);
  write.dossier = dossier_row(id, "penyusunan", owner);
  write.dossier.version = 1;
  return write;
}

/// One sealed action event after `previous`, moving to `to_step` (held by `owner`).
inline store::Write advanced(const runtime::Event& previous, const std::string& actor,
                             const std::string& to_step, const std::string& owner,
                             const std::string& note = "") {
  runtime::Event e;
  e.dossier_id = previous.dossier_id;
  e.sequence = previous.sequence + 1;
  e.type = runtime::EventType::ActionTaken;
  e.at = at_minute(static_cast<int>(e.sequence) * 10);
  e.actor = actor;
  e.agency = owner;
  e.action = "ajukan";
  e.from_step = previous.to_step;
  e.to_step = to_step;
  e.note = note;
  e.changes = {{"nomor_surat", "100/" + std::to_string(e.sequence)}};
  runtime::seal(e, previous.hash);
  store::Write write;
  write.events.push_back(e);
  write.dossier = dossier_row(e.dossier_id, to_step, owner);
  write.dossier.version = e.sequence;
  write.dossier.updated_at = e.at;
  return write;
}

/// The message of the `E` that `work` throws, or "<nothing thrown>". Any other exception escapes,
/// so the test fails naming it.
template <typename E, typename Work>
std::string message_of(Work&& work) {
  try {
    work();
  } catch (const E& e) {
    return e.what();
  }
  return "<nothing thrown>";
}

}  // namespace regflow::test
