#include "engine/runtime/event.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "engine/model/digest.hpp"
#include "engine/model/error.hpp"
#include "engine/model/utf8.hpp"

namespace regflow::runtime {
namespace {

constexpr std::array<std::pair<EventType, const char*>, 13> kNames{{
    {EventType::Started, "started"},
    {EventType::ActionTaken, "action"},
    {EventType::Signed, "signed"},
    {EventType::DeadlineExtended, "extended"},
    {EventType::ReminderSent, "reminder"},
    {EventType::Escalated, "escalated"},
    {EventType::AutoTransition, "auto-transition"},
    {EventType::Imported, "imported"},
    {EventType::DeadlineRecomputed, "deadline-recomputed"},
    {EventType::Corrected, "corrected"},
    {EventType::Cancelled, "cancelled"},
    {EventType::Kendala, "kendala"},
    {EventType::DocumentAttached, "attached"},
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

namespace {

// The canonical encoding is the compact JSON that nlohmann::json::dump() writes for the event as
// an object (keys sorted, no spaces, UTF-8 kept, control characters escaped): every stored hash
// was computed over that text, so it must never change by a byte. It is written here directly
// because building the JSON object first was 14% of an action's instructions (two encodings an
// action: sealing, then the store's check); tests/engine/runtime/event_test.cpp compares the two
// forms on every kind of character.

[[noreturn]] void refuse_text(const std::string_view text) {
  // The same json::type_error (316) as dump() raised, which the store reports as a StoreError.
  (void)nlohmann::json(std::string(text)).dump();
  throw Error("internal error: text that is not UTF-8 was not refused");
}

void append_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = model::utf8_sequence_length(text, i);
      if (length == 0) refuse_text(text);
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(text.substr(plain, i - plain));
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0x0f];
    }
    plain = ++i;
  }
  out.append(text.substr(plain));
  out += '"';
}

void append_member(std::string& out, const char* key, std::string_view value) {
  out += key;
  append_string(out, value);
}

void append_object(std::string& out, const char* key,
                   const std::map<std::string, std::string>& members) {
  out += key;
  out += '{';
  bool first = true;
  for (const auto& [name, value] : members) {
    if (!first) out += ',';
    first = false;
    append_string(out, name);
    out += ':';
    append_string(out, value);
  }
  out += '}';
}

}  // namespace

std::string canonical_encoding(const Event& e) {
  std::string out;
  out.reserve(320 + e.note.size());
  // In key order, as std::map sorts them.
  append_member(out, "{\"action\":", e.action);
  append_member(out, ",\"actor\":", e.actor);
  append_member(out, ",\"agency\":", e.agency);
  append_member(out, ",\"at\":", time::format_instant(e.at));
  append_object(out, ",\"changes\":", e.changes);
  append_object(out, ",\"data\":", e.data);
  append_member(out, ",\"dossier\":", e.dossier_id);
  append_member(out, ",\"from\":", e.from_step);
  append_member(out, ",\"note\":", e.note);
  append_member(out, ",\"prev\":", e.prev_hash);
  out += ",\"seq\":";
  out += std::to_string(e.sequence);
  append_member(out, ",\"to\":", e.to_step);
  append_member(out, ",\"type\":", event_type_name(e.type));
  out += '}';
  return out;
}

std::string compute_hash(const Event& event) {
  return model::sha256_hex(canonical_encoding(event));
}

void seal(Event& event, const std::string& previous_hash) {
  event.prev_hash = previous_hash;
  event.hash = compute_hash(event);
}

}  // namespace regflow::runtime
