// "Did you mean …?" suggestions for misspelt keys, steps, actions, agencies, rules and commands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/message.hpp"

namespace regflow::model {

/// Edit distance between two strings (bytes, case-sensitive): insertions, deletions,
/// substitutions and swaps of two neighbouring characters each count as one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo
/// (distance at most a third of the word's length, and at least 1 allowed).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "" — to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// did_you_mean as words to translate: the last value of a message that may end with a hint,
/// say("unknown key '{}' in {}{}", key, what, suggestion(key, accepted)).
Message suggestion(std::string_view word, const std::vector<std::string>& candidates);

/// "'a', 'b', 'c'" — a list of accepted values for a message.
std::string quoted_list(const std::vector<std::string>& values);

}  // namespace regflow::model
