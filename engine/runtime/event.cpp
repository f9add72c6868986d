#include "engine/runtime/event.hpp"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/model/digest.hpp"

namespace regflow::runtime {
namespace {

constexpr std::array<std::pair<EventType, const char*>, 8> kNames{{
    {EventType::Started, "started"},
    {EventType::ActionTaken, "action"},
    {EventType::Signed, "signed"},
    {EventType::DeadlineExtended, "extended"},
    {EventType::ReminderSent, "reminder"},
    {EventType::Escalated, "escalated"},
    {EventType::AutoTransition, "auto-transition"},
    {EventType::Imported, "imported"},
}};

}  // namespace

std::string event_type_name(EventType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "unknown";
}

bool parse_event_type(const std::string& name, EventType& out) {
  for (const auto& [t, n] : kNames) {
    if (name == n) {
      out = t;
      return true;
    }
  }
  return false;
}

std::string canonical_encoding(const Event& e) {
  // nlohmann::json keeps object keys sorted (std::map), so dump() is canonical.
  nlohmann::json j;
  j["dossier"] = e.dossier_id;
  j["seq"] = e.sequence;
  j["type"] = event_type_name(e.type);
  j["at"] = time::format_instant(e.at);
  j["actor"] = e.actor;
  j["agency"] = e.agency;
  j["action"] = e.action;
  j["from"] = e.from_step;
  j["to"] = e.to_step;
  j["note"] = e.note;
  j["changes"] = e.changes;
  j["data"] = e.data;
  j["prev"] = e.prev_hash;
  return j.dump();
}

std::string compute_hash(const Event& event) { return model::sha256_hex(canonical_encoding(event)); }

void seal(Event& event, const std::string& previous_hash) {
  event.prev_hash = previous_hash;
  event.hash = compute_hash(event);
}

}  // namespace regflow::runtime
