// The translation facade and Indonesian dates: the catalog built from po/id.po is found beside
// the test executable, a scope changes the language of one thread only, and dates read as
// Indonesians write them.
#include "cli/render/translate.hpp"

#include <catch2/catch.hpp>
#include <thread>

#include "cli/render/dates.hpp"
#include "cli/render/status_words.hpp"
#include "web/request_language.hpp"

namespace regflow::cli::render {
namespace {

time::Date day(int y, unsigned m, unsigned d) {
  return time::Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

TEST_CASE("the Indonesian catalog is built and found beside the executable", "[render][lang]") {
  CHECK(indonesian_catalog_loaded());
  const LanguageScope scope(Language::Indonesian);
  CHECK(tr("available to you") == "dapat Anda lakukan");
  CHECK(trf("{}hk late", 26) == "terlambat 26 hari kerja");
  CHECK(trf("{}h left", 4) == "sisa 4 hari");
  CHECK(trf("refused: {}", "x") == "ditolak: x");
  CHECK(status_words("on track") == "sesuai jadwal");
  CHECK(status_words("due soon") == "segera jatuh tempo");
  CHECK(status_words("met") == "tepat waktu");
  // An id the catalog does not know comes back as it is, never empty.
  CHECK(tr("no such message id") == "no such message id");
}

TEST_CASE("English is the message id itself, with fmt placeholders", "[render][lang]") {
  const LanguageScope scope(Language::English);
  CHECK(tr("available to you") == "available to you");
  CHECK(trf("{}hk late", 26) == "26hk late");
  CHECK(trnf("{} day", "{} days", 1) == "1 day");
  CHECK(trnf("{} day", "{} days", 3) == "3 days");
}

TEST_CASE("a language scope holds for its own thread only", "[render][lang]") {
  set_default_language(Language::English);
  const LanguageScope scope(Language::Indonesian);
  CHECK(current_language() == Language::Indonesian);
  Language other = Language::Indonesian;
  std::thread([&other] { other = current_language(); }).join();
  CHECK(other == Language::English);
  {
    const LanguageScope inner(Language::English);
    CHECK(tr("today") == "today");
  }
  CHECK(tr("today") == "hari ini");
}

TEST_CASE("dates in Indonesian: Senin, 15 Februari 2021 and 15/02/2021", "[render][lang]") {
  {
    const LanguageScope scope(Language::Indonesian);
    CHECK(long_date_text(day(2021, 2, 15)) == "Senin, 15 Februari 2021");
    CHECK(long_date_text(day(2021, 1, 6)) == "Rabu, 6 Januari 2021");
    CHECK(long_date_text(day(2024, 8, 17)) == "Sabtu, 17 Agustus 2024");
    CHECK(long_date_text(day(2023, 12, 31)) == "Minggu, 31 Desember 2023");
    CHECK(date_text(day(2021, 2, 15)) == "15/02/2021");
    CHECK(date_text(day(2021, 11, 5)) == "05/11/2021");
  }
  const LanguageScope scope(Language::English);
  CHECK(long_date_text(day(2021, 2, 15)) == "2021-02-15");
  CHECK(date_text(day(2021, 2, 15)) == "2021-02-15");
}

TEST_CASE("language codes and Accept-Language", "[render][lang]") {
  CHECK(parse_language("id") == Language::Indonesian);
  CHECK(parse_language("id-ID") == Language::Indonesian);
  CHECK(parse_language("id_ID.UTF-8") == Language::Indonesian);
  CHECK(parse_language("EN-us") == Language::English);
  CHECK_FALSE(parse_language("fr").has_value());
  CHECK_FALSE(parse_language("").has_value());
  CHECK(language_from_accept_language("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7") ==
        Language::Indonesian);
  CHECK(language_from_accept_language("en-US,en;q=0.9") == Language::English);
  CHECK(language_from_accept_language("fr-FR, en;q=0.5, id;q=0.8") == Language::Indonesian);
  CHECK(language_from_accept_language("de, id;q=0") == std::nullopt);
  CHECK(language_from_accept_language("") == std::nullopt);
  CHECK(language_from_accept_language("id;q=abc, en;q=0.1") == Language::English);
}

TEST_CASE("a request's language: ?lang, then the cookie, then Accept-Language", "[web][lang]") {
  web::Request request;
  request.target = "/";
  CHECK(web::request_language(request, Language::Indonesian).language == Language::Indonesian);
  request.headers["accept-language"] = "en-US,en;q=0.9";
  CHECK(web::request_language(request, Language::Indonesian).language == Language::English);
  request.headers["cookie"] = "regflow_session=x; regflow_lang=id";
  CHECK(web::request_language(request, Language::English).language == Language::Indonesian);
  request.target = "/d/PERDA-2021-0001?lang=en";
  const auto choice = web::request_language(request, Language::Indonesian);
  CHECK(choice.language == Language::English);
  CHECK(choice.chosen_now);
  CHECK(web::language_cookie(Language::English, true) ==
        "regflow_lang=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
}

}  // namespace
}  // namespace regflow::cli::render
