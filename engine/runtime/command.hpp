// Commands: what a user (or `tick`) asks of a dossier. decide() turns a command into events or
// a refusal; nothing else may change a dossier.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/time/date.hpp"
#include "engine/time/day_unit.hpp"

namespace regflow::runtime {

/// Who acts: a registered user and the agencies they may act for.
struct Actor {
  std::string user;
  std::vector<std::string> agencies;
  std::string role;
  /// The administrator who entered this act on the user's behalf (`--as`); empty when the
  /// user acted themselves. Written into every event the act produces.
  std::string administrator;
  /// When the act was entered, if the event's own time was stated (`--now`) rather than the
  /// clock's; written into the events, so that a backdated entry is visible as one.
  std::optional<time::Instant> entered_at;
};

struct StartCommand {
  std::string dossier_id;  ///< allocated by the store (gap-free per workflow and year)
  std::string title;
  std::map<std::string, std::string> sets;      ///< variable → value as text
  std::map<std::string, std::string> bindings;  ///< role → agency
  std::optional<time::Date> target;             ///< --target DATE
  std::optional<time::Duration> within;         ///< --within 14d / 10wd
};

struct AdvanceCommand {
  std::string action;  ///< an action of the current step, or "sign" on a sign-off step
  std::string note;
  std::map<std::string, std::string> sets;
  std::optional<std::int64_t> expect_version;
};

/// A document to add to a dossier, described by what was read of it (the bytes themselves go to
/// the store, never through the decider).
struct AttachCommand {
  std::string kind;        ///< a kind of the DocumentPolicy, e.g. "naskah"
  std::string name;        ///< the file name as given, without any folder
  std::string media_type;  ///< e.g. "application/pdf", from the name's extension
  std::string sha256;      ///< of the bytes
  std::int64_t size = 0;   ///< bytes
  std::string note;
};

struct ExtendCommand {
  std::string deadline;
  time::Date to{};
  std::string reason;
  /// Refuse if the dossier moved past this version (a form rendered before someone else acted).
  std::optional<std::int64_t> expect_version;
};

/// Corrects a mistake made at start, while the dossier is still in its first step: its title,
/// or the agency bound to a role. Either or both; whatever is given must change something.
struct CorrectCommand {
  std::optional<std::string> title;
  std::map<std::string, std::string> bindings;  ///< role → agency
};

/// Cancels a dossier started by mistake (not the workflow's own stop): it is closed, leaves the
/// board and the queues, and keeps its history.
struct CancelCommand {
  std::string reason;
};

/// Records (or, with `clear`, clears) the kendala: why the dossier is stuck, in free text.
struct KendalaCommand {
  std::string text;
  bool clear = false;
};

}  // namespace regflow::runtime
