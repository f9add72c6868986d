// Form fields generated from a workflow definition: a dossier variable becomes the input of its
// type (enum: a choice list, date: a date picker, bool: a checkbox, number: a number field), and
// the values a form posts become the `name=value` texts `regflow start --set` and `advance --set`
// take. The engine checks every value; these only shape what the browser shows and sends.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/model/definition.hpp"

namespace regflow::web {

/// The prefix of a variable's form field: "set.nomor_pergub".
inline constexpr const char* kSetPrefix = "set.";
/// A hidden field that names a checkbox, so that an unchecked box is sent as "false".
inline constexpr const char* kBoolPrefix = "bool.";

/// The view of one variable's input (for the `variable_input` template), with `value` filled in
/// (a posted value, or the declared default when `value` is empty and `use_default`). A yes/no
/// variable is a checkbox only in a start form and when it has a default; otherwise a choice of
/// "ya", "tidak" and "not given", so that an untouched field sets nothing.
nlohmann::json variable_field(const model::VariableDecl& variable, const std::string& value,
                              bool start_form, bool use_default);

/// The `set.NAME` fields of a form as variable texts: empty fields are left out (not given), a
/// checkbox named by a `bool.NAME` field is "true" when checked and "false" when not.
std::map<std::string, std::string> posted_sets(const std::map<std::string, std::string>& form);

}  // namespace regflow::web
