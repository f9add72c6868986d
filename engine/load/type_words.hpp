// A value type as words inside a loader's message: "is not a valid number" reads "bukan angka
// yang sah" in Indonesian, while the YAML keeps the English keyword (`type: number`).
#pragma once

#include "engine/model/message.hpp"
#include "engine/model/value.hpp"

namespace regflow::load {

inline model::Message type_words(model::ValueType type) {
  switch (type) {
    case model::ValueType::Text:
      return model::say("text");
    case model::ValueType::Number:
      return model::say("number");
    case model::ValueType::Bool:
      return model::say("bool");
    case model::ValueType::Date:
      return model::say("date");
    case model::ValueType::Enum:
      return model::say("enum");
    case model::ValueType::List:
      return model::say("list");
  }
  return model::verbatim(model::type_name(type));
}

}  // namespace regflow::load
