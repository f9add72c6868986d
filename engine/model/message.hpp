// Words the engine hands to a person, kept untranslated. The engine says what happened in an
// English format (the catalog's message id, found by xgettext through `say`) and the values that
// go into its `{}`; a renderer (cli/render/translate.hpp `words`) translates the format and every
// value that is itself something said. The engine never chooses a language: a diagnostic, a
// refusal or an error means the same in both, and `english` gives the text tests and `--json` keep.
#pragma once

#include <fmt/format.h>

#include <concepts>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regflow::model {

struct Message {
  /// An English message id with one `{}` (no format spec) per value; the text itself when
  /// `verbatim` (a name, a number, a path: never translated).
  std::string format;
  std::vector<Message> values;
  bool verbatim = false;

  friend bool operator==(const Message&, const Message&) = default;
};

/// A value that is shown as it is: a code, a name, a number, a file path.
Message verbatim(std::string text);

namespace detail {
inline Message value_of(Message m) {
  return m;
}
inline Message value_of(std::string text) {
  return verbatim(std::move(text));
}
inline Message value_of(std::string_view text) {
  return verbatim(std::string(text));
}
inline Message value_of(const char* text) {
  return verbatim(text);
}
template <typename T>
requires std::integral<T> || std::floating_point<T> Message value_of(T number) {
  return verbatim(fmt::format("{}", number));
}
}  // namespace detail

/// say("step '{}' cannot be reached from '{}'", step, initial): the first argument must be a
/// string literal (it is the message id xgettext extracts); values may be strings, numbers or
/// Messages (translated in turn: "number", did_you_mean's " (did you mean 'x'?)").
template <typename... Values>
Message say(const char* format, Values&&... values) {
  return Message{format, {detail::value_of(std::forward<Values>(values))...}, false};
}

/// Several messages read one after another (a sentence and its hint, a list of notes).
Message joined(std::vector<Message> parts);

/// The English text: the format with its values, the values in English.
std::string english(const Message& message);

}  // namespace regflow::model
