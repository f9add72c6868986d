#include "engine/model/value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "engine/time/date_input.hpp"

namespace regflow::model {

std::string type_name(ValueType type) {
  switch (type) {
    case ValueType::Text: return "text";
    case ValueType::Number: return "number";
    case ValueType::Bool: return "bool";
    case ValueType::Date: return "date";
    case ValueType::Enum: return "enum";
    case ValueType::List: return "list";
  }
  return "?";
}

Message type_word(ValueType type) {
  switch (type) {
    case ValueType::Text: return say("text");
    case ValueType::Number: return say("number");
    case ValueType::Bool: return say("bool");
    case ValueType::Date: return say("date");
    case ValueType::Enum: return say("enum");
    case ValueType::List: return say("list");
  }
  return verbatim("?");
}

std::optional<ValueType> parse_type_name(std::string_view name) {
  for (auto type : {ValueType::Text, ValueType::Number, ValueType::Bool, ValueType::Date,
                    ValueType::Enum}) {
    if (type_name(type) == name) return type;
  }
  return std::nullopt;
}

std::string to_text(const Value& value) {
  struct Printer {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(double d) const {
      if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15) {
        return fmt::format("{}", static_cast<long long>(d));
      }
      return fmt::format("{}", d);
    }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(time::Date d) const { return time::format_date(d); }
    std::string operator()(const std::vector<std::string>& l) const {
      return fmt::format("[{}]", fmt::join(l, ", "));
    }
  };
  return std::visit(Printer{}, value);
}

std::optional<Value> parse_value(std::string_view text, ValueType type,
                                 const std::vector<std::string>& allowed) {
  switch (type) {
    case ValueType::Text:
      return Value{std::string(text)};
    case ValueType::Enum:
      if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) return std::nullopt;
      return Value{std::string(text)};
    case ValueType::Number: {
      double d = 0;
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(d)) {
        return std::nullopt;
      }
      return Value{d};
    }
    case ValueType::Bool: {
      // Clerks type "Ya", "TRUE", "tidak": the words are accepted in any case.
      std::string lower(text);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "true" || lower == "ya" || lower == "yes") return Value{true};
      if (lower == "false" || lower == "tidak" || lower == "no") return Value{false};
      return std::nullopt;
    }
    case ValueType::Date:
      if (auto d = time::parse_date_input(text); d && time::is_accepted(*d)) return Value{*d};
      return std::nullopt;
    case ValueType::List:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace regflow::model
