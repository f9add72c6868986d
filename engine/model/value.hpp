// Typed dossier variables. A workflow declares each variable's type; commands set values from
// text (`--set kategori=apbd`) and the rules language reads them.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/time/date.hpp"

namespace regflow::model {

enum class ValueType { Text, Number, Bool, Date, Enum, List };

/// A value: text (also the value of an enum variable), number, boolean, date or list.
using Value = std::variant<std::string, double, bool, time::Date, std::vector<std::string>>;

/// "text", "number", "bool", "date", "enum", "list".
std::string type_name(ValueType type);
/// type_name as a word inside a message, translated with it: "number" is "angka" in Indonesian.
Message type_word(ValueType type);
/// The inverse of type_name; nullopt for an unknown name.
std::optional<ValueType> parse_type_name(std::string_view name);

/// A value printed for people and for the canonical event encoding: 2026-03-12, 42, true, umkm.
std::string to_text(const Value& value);

/// Parses text as a value of the declared type; nullopt when it does not fit (an enum value must
/// be one of `allowed`).
std::optional<Value> parse_value(std::string_view text, ValueType type,
                                 const std::vector<std::string>& allowed = {});

}  // namespace regflow::model
