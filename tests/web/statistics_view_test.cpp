// The Statistik page's view model and words: the figures of `stats --json` kept as they are,
// with agency names, percentages and the targets' margins in words added.
#include "web/statistics_view.hpp"

#include <catch2/catch.hpp>

#include "cli/render/dates.hpp"
#include "cli/render/stats.hpp"
#include "cli/render/stats_charts.hpp"
#include "cli/render/translate.hpp"
#include "tests/support/dates.hpp"
#include "web/words.hpp"

using namespace regflow::web;
using regflow::cli::render::Language;
using regflow::cli::render::LanguageScope;

namespace {

nlohmann::json on_time(int met, int missed, int running, int late) {
  nlohmann::json rate = met + missed > 0 ? nlohmann::json(static_cast<double>(met) / (met + missed))
                                         : nlohmann::json();
  return {{"met", met},
          {"missed", missed},
          {"running", running},
          {"running_late", late},
          {"on_time_rate", rate}};
}

nlohmann::json summary(int count, int median, int p90, int max) {
  if (count == 0) return {{"count", 0}, {"median", nullptr}, {"p90", nullptr}, {"max", nullptr}};
  return {{"count", count}, {"median", median}, {"p90", p90}, {"max", max}};
}

}  // namespace

TEST_CASE("the statistics view keeps the figures and adds names, percentages and words",
          "[web][views][stats]") {
  const LanguageScope indonesian(Language::Indonesian);
  regflow::model::AgencyDirectory agencies;
  regflow::model::Agency biro;
  biro.code = "biro-hukum";
  biro.name = "Biro Hukum";
  agencies.add(biro);
  nlohmann::json stats = {
      {"as_of", "2021-03-01"},
      {"from", nullptr},
      {"workflow", "pergub"},
      {"agency", "biro-hukum"},
      {"dossiers", 4},
      {"steps",
       {{{"workflow", "pergub"},
         {"step", "paraf"},
         {"title", "Paraf koordinasi"},
         {"unit", "hari kerja"},
         {"time", summary(3, 4, 9, 9)},
         {"at_step_now", 1},
         {"limit", on_time(2, 1, 1, 0)}},
        {{"workflow", "pergub"},
         {"step", "penyusunan"},
         {"title", "Penyusunan"},
         {"unit", "hari"},
         {"time", summary(0, 0, 0, 0)},
         {"at_step_now", 2},
         {"limit", nullptr}}}},
      {"agencies",
       {{{"agency", "biro-hukum"},
         {"unit", "hari kerja"},
         {"time", summary(3, 4, 9, 9)},
         {"holding_now", 1}}}},
      {"on_time_by_agency", {{"biro-hukum", on_time(2, 1, 1, 0)}, {"sekda", on_time(0, 0, 1, 0)}}},
      {"deadlines",
       {{{"workflow", "pergub"},
         {"deadline", "harmonisasi"},
         {"title", "Harmonisasi"},
         {"unit", "hari kerja"},
         {"on_time", on_time(1, 0, 0, 0)},
         {"extended", 1},
         {"late_by", summary(0, 0, 0, 0)}}}},
      {"extensions",
       {{{"workflow", "pergub"},
         {"deadline", "harmonisasi"},
         {"agency", "biro-hukum"},
         {"by", "budi"},
         {"count", 1},
         {"days", 9}}}},
      {"throughput", nlohmann::json::array()},
      {"open_by_age", {{{"label", "0-30 hari"}, {"from_days", 0}, {"to_days", 30}, {"count", 2}}}},
      {"targets",
       {{"met", 0},
        {"missed", 1},
        {"running", 1},
        {"running_late", 1},
        {"on_time_rate", 0.0},
        {"dossiers",
         {{{"id", "PERGUB-2021-0001"},
           {"workflow", "pergub"},
           {"title", "Pendampingan UMKM"},
           {"set_on", "2021-01-04"},
           {"due", "2021-01-18"},
           {"status", "overdue"},
           {"margin", -42}}}}}},
      {"skipped", nlohmann::json::array()}};

  const auto view = statistics_view(stats, agencies);
  CHECK(view["dossiers"] == 4);
  CHECK(view["agency_name"] == "Biro Hukum");
  const auto& paraf = view["steps"][0];
  CHECK(paraf["count"] == 3);
  CHECK(paraf["median"] == "4");
  CHECK(paraf["p90"] == "9");
  CHECK(paraf["rate"] == "67%");
  CHECK(paraf["late"] == true);
  CHECK(paraf["has_limit"] == true);
  const auto& penyusunan = view["steps"][1];
  CHECK(penyusunan["median"] == "–");
  CHECK(penyusunan["has_limit"] == false);
  CHECK_FALSE(penyusunan.contains("rate"));
  CHECK(view["agencies"][0]["name"] == "Biro Hukum");
  CHECK(view["on_time_by_agency"][1]["name"] == "sekda");  // unknown to the directory: its code
  CHECK(view["on_time_by_agency"][1]["rate"] == "–");
  CHECK(view["on_time_by_agency"][1]["late"] == false);
  CHECK(view["extensions"][0]["unit"] == "hari kerja");  // the deadline's unit
  CHECK(view["extensions"][0]["name"] == "Biro Hukum");
  CHECK(view["targets"][0]["margin_words"] == "terlambat 42 hari (masih berjalan)");
  CHECK(view["targets"][0]["status_class"] == "late");
  CHECK(view["targets"][0]["set_on"] == "04/01/2021");  // a table's date, as Indonesians write it
  CHECK(view["open_by_age"][0]["label"] == "0-30 hari");
  CHECK(view["target_totals"]["rate"] == "0%");
  CHECK(view["has_throughput"] == false);
  CHECK(view["has_steps"] == true);
}

TEST_CASE("targets and the printed as-of line are written in words", "[web][words][stats]") {
  const LanguageScope indonesian(Language::Indonesian);
  CHECK(regflow::cli::render::target_margin_text("met", 3) == "terpenuhi, 3 hari lebih awal");
  CHECK(regflow::cli::render::target_margin_text("missed", -5) == "terlewat 5 hari");
  CHECK(regflow::cli::render::target_margin_text("on track", 4) == "sisa 4 hari");
  CHECK(regflow::cli::render::target_margin_text("paused", 4) == "dijeda");
  const auto today = regflow::test::date("2021-03-01");
  // 02:05 UTC is 09:05 in WIB (UTC+7).
  const regflow::time::Instant now =
      std::chrono::sys_days(today) + std::chrono::hours(2) + std::chrono::minutes(5);
  const regflow::time::UtcOffset wib{std::chrono::minutes(7 * 60)};
  CHECK(words::as_of_moment("2021-03-01", today, now, wib) ==
        "Keadaan per Senin, 1 Maret 2021 pukul 09.05");
  CHECK(words::as_of_moment("2020-12-31", today, now, wib) ==
        "Keadaan per akhir hari Kamis, 31 Desember 2020");
  // The monthly chart speaks the reader's language: series names and month labels.
  regflow::report::Stats stats;
  stats.throughput.push_back({"2021-03", "pergub", 2, 1, 0});
  stats.throughput.push_back({"2021-08", "pergub", 1, 0, 0});
  const auto chart = regflow::cli::render::monthly_chart(stats);
  REQUIRE(chart.series.size() == 3);
  CHECK(chart.series[1].name == "selesai");
  REQUIRE(chart.x_labels.size() == 6);
  CHECK(chart.x_labels.front() == "Mar 2021");
  CHECK(chart.x_labels.back() == "Agu 2021");
  CHECK(regflow::cli::render::month_text("2021-08") == "Agustus 2021");
  CHECK(regflow::cli::render::month_text("2021-8x") == "2021-8x");
  CHECK(regflow::cli::render::age_band_text(366, -1) == "> 365 hari");
}

TEST_CASE("the statistics' words and dates are English for an English reader",
          "[web][words][stats]") {
  const LanguageScope english(Language::English);
  CHECK(regflow::cli::render::target_margin_text("met", 3) == "met, 3 days early");
  CHECK(regflow::cli::render::target_margin_text("missed", -5) == "missed by 5 days");
  CHECK(regflow::cli::render::target_margin_text("overdue", -42) == "42 days late (still running)");
  CHECK(words::quorum("at_least", 2, 4) == "at least 2 of 4");
  const auto today = regflow::test::date("2021-03-01");
  const regflow::time::Instant now =
      std::chrono::sys_days(today) + std::chrono::hours(2) + std::chrono::minutes(5);
  const regflow::time::UtcOffset wib{std::chrono::minutes(7 * 60)};
  CHECK(words::as_of_moment("2021-03-01", today, now, wib) == "As of 2021-03-01 at 09:05");
  CHECK(words::as_of_moment("2020-12-31", today, now, wib) == "As of the end of 2020-12-31");
  regflow::report::Stats month;
  month.throughput.push_back({"2021-03", "pergub", 2, 1, 0});
  CHECK(regflow::cli::render::monthly_chart(month).series[1].name == "finished");
  CHECK(regflow::cli::render::monthly_chart(month).x_labels.front() == "2021-03");
  CHECK(words::not_a_date("31/02/2021") ==
        "'31/02/2021' is not a date; enter a date as DD/MM/YYYY or YYYY-MM-DD, e.g. 16/03/2026.");
  nlohmann::json stats = {
      {"as_of", "2021-03-01"},
      {"from", "2021-01-01"},
      {"workflow", nullptr},
      {"agency", nullptr},
      {"steps", nlohmann::json::array()},
      {"agencies", nlohmann::json::array()},
      {"on_time_by_agency", nlohmann::json::object()},
      {"deadlines", nlohmann::json::array()},
      {"extensions", nlohmann::json::array()},
      {"throughput", nlohmann::json::array()},
      {"open_by_age",
       {{{"label", "> 365 hari"}, {"from_days", 366}, {"to_days", nullptr}, {"count", 1}}}},
      {"targets",
       {{"met", 0},
        {"missed", 0},
        {"running", 0},
        {"running_late", 0},
        {"on_time_rate", nullptr},
        {"dossiers", nlohmann::json::array()}}},
      {"skipped", nlohmann::json::array()}};
  const auto view = statistics_view(stats, regflow::model::AgencyDirectory{});
  CHECK(view["open_by_age"][0]["label"] == "> 365 days");
  CHECK(view["from"] == "2021-01-01");
}
