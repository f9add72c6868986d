#include <catch2/catch.hpp>

#include "cli/render/translate.hpp"
#include "web/views.hpp"
#include "web/words.hpp"

using namespace regflow::web;

namespace {
// The words are the request's language; these tests read them in Indonesian, the shipped one.
using regflow::cli::render::Language;
using regflow::cli::render::LanguageScope;
}  // namespace

TEST_CASE("days are written in words in the deadline's own unit", "[web][words]") {
  const LanguageScope indonesian(Language::Indonesian);
  CHECK(words::days("overdue", -26, "hari") == "terlambat 26 hari");
  CHECK(words::days("on track", 10, "hari kerja") == "sisa 10 hari kerja");
  CHECK(words::days("due soon", 0, "hari kerja") == "jatuh tempo hari ini");
  CHECK(words::days("paused", 4, "hari kerja") == "dijeda, sisa 4 hari kerja");
  CHECK(words::days("missed", -3, "hari") == "terlambat 3 hari");
  CHECK(words::days("no deadline", std::nullopt, "hari") == "-");
  CHECK(words::status("overdue") == "terlambat");
  CHECK(words::status_class("due soon") == "soon");
}

TEST_CASE("the sign-in messages never say which of name and password was wrong",
          "[web][words]") {
  const LanguageScope indonesian(Language::Indonesian);
  CHECK(words::sign_in_failed() == "Nama pengguna atau kata sandi salah.");
  CHECK(words::sign_in_throttled(std::chrono::seconds(3)) ==
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 3 detik.");
  CHECK(words::sign_in_throttled(std::chrono::minutes(14)) ==
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 14 menit.");
}

TEST_CASE("the board view adds words to the API's data and keeps every key of it",
          "[web][views]") {
  const LanguageScope indonesian(Language::Indonesian);
  regflow::model::AgencyDirectory agencies;
  nlohmann::json board = {
      {"as_of", "2021-03-01"},
      {"matching", 1},
      {"not_shown", 0},
      {"dossiers",
       {{{"id", "PERDA-2021-0001"},
         {"title", "Raperda Koperasi dan UMKM"},
         {"status", "overdue"},
         {"days_left", -26},
         {"held_by", "biro-hukum"},
         {"escalated_to", "sekda"},
         {"deadline", {{"unit", "hari"}, {"due", "2021-02-03"}}}}}},
      {"totals", {{"overdue", 1}}},
      {"late_by_agency", {{"sekda", 1}}}};
  const auto view = board_view(board, agencies);
  const auto& d = view["dossiers"][0];
  CHECK(d["days_words"] == "terlambat 26 hari");
  CHECK(d["status_words"] == "terlambat");
  CHECK(d["status_class"] == "late");
  CHECK(d["show_badge"] == false);  // "terlambat" is said once, by the days
  CHECK(d["title"] == "Raperda Koperasi dan UMKM");
  CHECK(view["totals_list"][0]["count"] == 1);
  CHECK(view["late_list"][0]["agency"] == "sekda");
  // Dates as Indonesians write them on the page; the API keeps ISO (board, not view).
  CHECK(view["as_of"] == "Senin, 1 Maret 2021");
  CHECK(d["deadline"]["due"] == "03/02/2021");
  CHECK(board["dossiers"][0]["deadline"]["due"] == "2021-02-03");
  for (const auto& [key, value] : board.items()) CHECK(view.contains(key));
}

TEST_CASE("history times are shown in the installation's local time", "[web][views]") {
  CHECK(local_time_text("2021-01-07T03:00:00Z", regflow::time::UtcOffset{std::chrono::minutes(420)}) ==
        "2021-01-07 10:00");
}

TEST_CASE("in English the days say days, not hari", "[web][words]") {
  const LanguageScope english(Language::English);
  CHECK(words::days("overdue", -26, "hari") == "26 days late");
  CHECK(words::days("on track", 4, "hari kerja") == "4 working days left");
  CHECK(words::days("paused", 4, "hari kerja") == "paused, 4 working days left");
  CHECK(words::status("on track") == "on track");
}
