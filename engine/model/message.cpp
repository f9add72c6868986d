#include "engine/model/message.hpp"

#include <fmt/args.h>

namespace regflow::model {

Message verbatim(std::string text) {
  return Message{std::move(text), {}, true};
}

Message joined(std::vector<Message> parts) {
  std::string format;
  for (std::size_t i = 0; i < parts.size(); ++i) format += "{}";
  // Not a message id: nothing to translate in "{}{}", only in the parts.
  return Message{std::move(format), std::move(parts), false};
}

std::string english(const Message& message) {
  if (message.verbatim) return message.format;
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const auto& value : message.values) args.push_back(english(value));
  try {
    return fmt::vformat(message.format, args);
  } catch (const fmt::format_error&) {
    // A format that does not fit its values is a bug; the words are still shown, not lost.
    std::string text = message.format;
    for (const auto& value : message.values) text += " " + english(value);
    return text;
  }
}

}  // namespace regflow::model
