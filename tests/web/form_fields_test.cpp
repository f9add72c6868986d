#include "web/form_fields.hpp"

#include <catch2/catch.hpp>

#include "engine/model/value.hpp"

using namespace regflow;

namespace {

model::VariableDecl variable(const char* name, model::ValueType type,
                             std::optional<model::Value> fallback = std::nullopt) {
  model::VariableDecl v;
  v.name = name;
  v.title = std::string("Judul ") + name;
  v.type = type;
  v.default_value = std::move(fallback);
  return v;
}

}  // namespace

TEST_CASE("each variable type gets its input, enum values their labels", "[web][forms]") {
  auto jenis = variable("jenis_pergub", model::ValueType::Enum);
  jenis.values = {"biasa", "penjabaran_apbd"};
  jenis.required = true;
  const auto field = web::variable_field(jenis, "penjabaran_apbd", true, true);
  CHECK(field["field"] == "set.jenis_pergub");
  CHECK(field["is_enum"] == true);
  CHECK(field["is_text"] == false);
  CHECK(field["required"] == true);
  CHECK(field["options"][1]["label"] == "penjabaran apbd");
  CHECK(field["options"][1]["selected"] == true);
  CHECK(field["options"][0]["selected"] == false);
  CHECK(web::variable_field(variable("tanggal", model::ValueType::Date), "", true,
                            true)["is_date"] == true);
  CHECK(web::variable_field(variable("jumlah", model::ValueType::Number), "", true,
                            true)["is_number"] == true);
}

TEST_CASE("a yes/no is a checkbox only in a start form and with a default", "[web][forms]") {
  const auto with_default =
      variable("minta_fasilitasi", model::ValueType::Bool, model::Value{false});
  const auto unknown = variable("membebani_masyarakat", model::ValueType::Bool);
  CHECK(web::variable_field(with_default, "", true, true)["is_bool"] == true);
  CHECK(web::variable_field(with_default, "", true, true)["checked"] == false);
  // Left unset on purpose by the workflow: a checkbox would turn "not known" into "no".
  CHECK(web::variable_field(unknown, "", true, true)["is_bool"] == false);
  CHECK(web::variable_field(unknown, "", true, true)["is_yes_no"] == true);
  // On an action, an untouched field must set nothing.
  CHECK(web::variable_field(with_default, "true", false, false)["is_yes_no"] == true);
  CHECK(web::variable_field(with_default, "true", false, false)["yes"] == true);
}

TEST_CASE("posted fields become the texts of --set, and nothing else", "[web][forms]") {
  const auto sets = web::posted_sets({{"set.nomor_pergub", "12 Tahun 2026"},
                                      {"set.mengubah", ""},
                                      {"bool.minta_fasilitasi", "1"},
                                      {"bool.checked", "1"},
                                      {"set.checked", "true"},
                                      {"note", "x"},
                                      {"csrf", "y"}});
  CHECK(sets == std::map<std::string, std::string>{{"checked", "true"},
                                                   {"minta_fasilitasi", "false"},
                                                   {"nomor_pergub", "12 Tahun 2026"}});
}
