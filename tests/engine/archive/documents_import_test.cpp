// Documents in an import plan: carried when missing here, refused when altered or absent.
#include <catch2/catch.hpp>

#include "engine/app/archive_exchange.hpp"
#include "engine/app/demo_documents.hpp"
#include "tests/engine/archive/site.hpp"

using namespace regflow;
using test::Site;

namespace {

std::string with_document(Site& site, const std::string& bytes) {
  site.store().add_user({"ani", {"dinas-kukm"}, "staf", {}});
  const std::string id = site.start("mini", "ani", "2026-03-02T09:00");
  app::TextSource source(bytes);
  auto outcome = site.installation().attach(id, {"naskah", "naskah.md", ""}, source,
                                            site.actor("ani"), site.at("2026-03-02T10:00"));
  REQUIRE(std::holds_alternative<std::vector<runtime::Event>>(outcome));
  return id;
}

archive::Archive exported(Site& site, const std::string& id) {
  auto out = app::export_dossiers(site.installation(), {{id}, false, std::nullopt},
                                  site.at("2026-03-03T09:00"));
  REQUIRE(std::holds_alternative<archive::Archive>(out));
  return std::get<archive::Archive>(out);
}

}  // namespace

TEST_CASE("an import carries the documents this database does not hold", "[archive][documents]") {
  Site from;
  const auto id = with_document(from, "Pasal 1\n");
  auto archive = exported(from, id);
  REQUIRE(archive.documents.size() == 1);
  CHECK(archive.documents[0].bytes == "Pasal 1\n");

  Site to;
  SECTION("carried and stored") {
    const auto plan = app::plan_import(to.installation(), archive, {}, to.at("2026-03-04T09:00"));
    REQUIRE_FALSE(plan.refused());
    REQUIRE(plan.batch.documents.size() == 1);
    app::apply_import(to.installation(), plan);
    CHECK(to.store().has_document(archive.documents[0].sha256));
    CHECK(to.store().verify().document_problems.empty());
  }
  SECTION("altered bytes are refused, naming the document") {
    archive.documents[0].bytes = "Pasal 2\n";
    const auto plan = app::plan_import(to.installation(), archive, {}, to.at("2026-03-04T09:00"));
    REQUIRE(plan.refused());
    bool named = false;
    for (const auto& p : plan.problems) {
      named = named || (p.kind == archive::ProblemKind::DocumentHash);
    }
    CHECK(named);
  }
  SECTION("a document left out is refused at the event that attached it") {
    archive.documents.clear();
    const auto plan = app::plan_import(to.installation(), archive, {}, to.at("2026-03-04T09:00"));
    REQUIRE(plan.refused());
    REQUIRE(plan.problems.size() == 1);
    CHECK(plan.problems[0].kind == archive::ProblemKind::MissingDocument);
    CHECK(plan.problems[0].dossier == id);
    CHECK(plan.problems[0].sequence == 2);
  }
}
