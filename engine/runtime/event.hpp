// An Event is the only thing ever written about a dossier. A dossier's state is the fold of its
// events (evolve), and each event carries the hash of the previous one, so that editing or
// deleting any stored event breaks the chain (`regflow verify`).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "engine/time/date.hpp"

namespace regflow::runtime {

enum class EventType {
  Started,           ///< data: workflow, definition_hash, title, bindings (bind.*), target
  ActionTaken,       ///< an action moved the dossier from one step to another
  Signed,            ///< one agency signed a sign-off step; to_step differs when it completed
  DeadlineExtended,  ///< data: deadline, to (date), computed (the rule's date before
                     ///< the extension; absent while paused, and in events before 2026-12),
                     ///< replaces (the earlier extension's date, when there was one)
  ReminderSent,      ///< a timer reminded the owner; data: deadline, timer
  Escalated,         ///< a timer escalated to the owner's parent agency; data: deadline, timer
  AutoTransition,    ///< a timer moved the dossier as a declared legal outcome
  Imported,  ///< renumbered on import from another installation; data: original_id,
             ///< original_hash (the archived chain's last hash), installation, exported_at
  /// A decree changed the holiday calendar while a deadline ran, and moved its due date; data:
  /// deadline, decree, on (the day it was signed), from and to (the computed due dates)
  DeadlineRecomputed,
  Corrected,  ///< a start mistake corrected in the first step; data: title and/or bind.<role>,
              ///< with the values they replace as was.title / was.bind.<role>
  Cancelled,  ///< the dossier was started by mistake and is closed; note: the reason
  Kendala,    ///< note: why the dossier is stuck; data: cleared=true when the note is removed
  DocumentAttached  ///< a document version was added; data: kind, version, sha256, size, name,
                    ///< media_type (runtime/documents.hpp)
};

/// "started", "action", "signed", "extended", "reminder", "escalated", "auto-transition",
/// "imported", "deadline-recomputed", "corrected", "cancelled", "kendala", "attached".
std::string event_type_name(EventType type);
/// The inverse of event_type_name; false when unknown.
bool parse_event_type(const std::string& name, EventType& out);

struct Event {
  std::string dossier_id;
  std::int64_t sequence = 0;  ///< 1 for the first event of a dossier, then +1
  EventType type = EventType::Started;
  time::Instant at{};
  std::string actor;   ///< user name, or "system" for timers
  std::string agency;  ///< the agency the actor acted for
  std::string action;  ///< action name; "sign" for signatures; the timer for timer events
  std::string from_step;
  std::string to_step;
  std::string note;
  std::map<std::string, std::string> changes;  ///< variables set by this event, as text
  std::map<std::string, std::string> data;     ///< type-specific fields (see EventType)
  std::string prev_hash;  ///< hash of the previous event of the dossier; "" for the first
  std::string hash;       ///< SHA-256 over prev_hash and the canonical encoding
};

/// The canonical encoding hashed into the chain: JSON with sorted keys and no whitespace,
/// covering every field except `hash` itself.
std::string canonical_encoding(const Event& event);

/// SHA-256 hex of the canonical encoding (which includes prev_hash).
std::string compute_hash(const Event& event);

/// Sets prev_hash and hash, linking `event` after `previous_hash`.
void seal(Event& event, const std::string& previous_hash);

}  // namespace regflow::runtime
