// Documents as the pure decider sees them: who may attach what, the refusals that write nothing,
// versions per kind, and a step that cannot be left forward before its documents are there.
#include "engine/runtime/documents.hpp"

#include <catch2/catch.hpp>

#include "engine/check/document_requirements.hpp"
#include "tests/engine/runtime/mini_fixture.hpp"

using namespace regflow;
using runtime::RefusalKind;
using test::Mini;

namespace {

runtime::AttachCommand naskah(std::string name = "naskah-v1.md", std::int64_t size = 120) {
  runtime::AttachCommand command;
  command.kind = "naskah";
  command.name = std::move(name);
  command.media_type = runtime::media_type_for_name(command.name);
  command.sha256 = std::string(64, 'a');
  command.size = size;
  return command;
}

runtime::Decision attach(const Mini& m, const runtime::AttachCommand& command,
                         const runtime::Actor& actor) {
  return runtime::decide_attach(m.at("2026-03-02T10:00"), m.state, command, actor,
                                model::DocumentPolicy::standard());
}

std::string with_required_naskah() {
  return test::mini_with(
      "      ajukan: {to: paraf, sets: [jenis]}",
      "      ajukan: {to: paraf, sets: [jenis]}\n    requires_documents: [naskah]");
}

}  // namespace

TEST_CASE("an attachment is an event carrying the document's facts, versioned per kind",
          "[runtime][documents]") {
  Mini m;
  m.start("2026-03-02T09:00");
  const auto first = Mini::accepted(attach(m, naskah(), m.ani));
  REQUIRE(first.size() == 1);
  const auto& e = first.front();
  CHECK(e.type == runtime::EventType::DocumentAttached);
  CHECK(e.sequence == 2);
  CHECK(e.prev_hash == m.state.last_hash);
  CHECK(e.agency == "dinas-kukm");
  CHECK(e.from_step == "penyusunan");
  CHECK(e.to_step == "penyusunan");
  CHECK(e.data.at("version") == "1");
  CHECK(e.data.at("media_type") == "text/markdown");
  CHECK(e.data.at("size") == "120");
  m.apply(first);
  CHECK(m.state.step == "penyusunan");
  CHECK(m.state.documents.at("naskah") == 1);

  m.apply(Mini::accepted(attach(m, naskah("naskah-v2.md"), m.budi)));
  auto surat = naskah("surat.pdf");
  surat.kind = "surat";
  m.apply(Mini::accepted(attach(m, surat, m.ani)));
  const auto documents = runtime::documents_of(m.log);
  REQUIRE(documents.size() == 3);
  CHECK(documents[1].version == 2);
  CHECK(documents[1].actor == "budi");
  CHECK(documents[2].version == 1);
  CHECK(runtime::find_document(documents, "naskah", std::nullopt)->name == "naskah-v2.md");
  CHECK(runtime::find_document(documents, "naskah", 1)->name == "naskah-v1.md");
  CHECK_FALSE(runtime::find_document(documents, "naskah", 3).has_value());
  CHECK_FALSE(runtime::find_document(documents, "berita_acara", std::nullopt).has_value());
}

TEST_CASE("an attachment is refused with the reason, and nothing is decided",
          "[runtime][documents]") {
  Mini m;
  m.start("2026-03-02T09:00");
  SECTION("an unknown kind lists the kinds") {
    auto command = naskah();
    command.kind = "naskha";
    const auto r = Mini::refused(attach(m, command, m.ani));
    CHECK(r.kind == RefusalKind::UnknownDocumentKind);
    CHECK(r.subject == "naskha");
    CHECK(r.options == model::DocumentPolicy::standard().names());
  }
  SECTION("an empty file") {
    CHECK(Mini::refused(attach(m, naskah("kosong.md", 0), m.ani)).kind ==
          RefusalKind::EmptyDocument);
  }
  SECTION("a file over the limit names its size and the limit") {
    const auto r = Mini::refused(attach(m, naskah("besar.pdf", 50LL * 1024 * 1024 + 1), m.ani));
    CHECK(r.kind == RefusalKind::DocumentTooLarge);
    CHECK(r.found == "52428801");
    CHECK(r.detail == "52428800");
  }
  SECTION("names that lead into folders or hide characters") {
    for (const char* name : {"../etc/passwd", "a/b.md", "a\\b.md", "..", "bad\nname.md",
                             "tab\tname.md", "\x7f.md", "\xff\xfe.md", ""}) {
      INFO(name);
      CHECK(Mini::refused(attach(m, naskah(name), m.ani)).kind == RefusalKind::BadDocumentName);
    }
    CHECK(runtime::document_name_problem("../x") == "path-separator");
    CHECK(runtime::document_name_problem("a\x01") == "control-character");
    CHECK(runtime::document_name_problem("..") == "folder");
    CHECK(runtime::document_name_problem("") == "empty");
    CHECK(runtime::document_name_problem(std::string(256, 'a')) == "too-long");
    CHECK(runtime::document_name_problem("\xff\xfe.md") == "not-utf8");
    CHECK(runtime::document_name_problem("Naskah Raperda (final).docx").empty());
  }
  SECTION("an agency the procedure never reaches") {
    const auto r = Mini::refused(attach(m, naskah(), m.kiki));
    CHECK(r.kind == RefusalKind::NotAllowed);
    CHECK(r.subject == "attach");
    CHECK(r.options == std::vector<std::string>{"biro-hukum", "dinas-kukm", "sekda"});
  }
  SECTION("a role that may not act") {
    const runtime::Actor admin{"root", {"biro-hukum"}, "admin", {}, std::nullopt};
    CHECK(Mini::refused(attach(m, naskah(), admin)).kind == RefusalKind::RoleMayNot);
  }
}

TEST_CASE("a step that requires documents is not left forward without them",
          "[runtime][documents]") {
  Mini m(with_required_naskah());
  m.start("2026-03-02T09:00");
  const auto r = Mini::refused(m.try_advance("2026-03-02T10:00", m.ani, "ajukan"));
  CHECK(r.kind == RefusalKind::DocumentsMissing);
  CHECK(r.subject == "ajukan");
  CHECK(r.found == "penyusunan");
  CHECK(r.options == std::vector<std::string>{"naskah"});

  auto surat = naskah("surat.pdf");
  surat.kind = "surat";
  m.apply(Mini::accepted(attach(m, surat, m.ani)));
  CHECK(Mini::refused(m.try_advance("2026-03-02T10:00", m.ani, "ajukan")).kind ==
        RefusalKind::DocumentsMissing);

  m.apply(Mini::accepted(attach(m, naskah(), m.ani)));
  m.advance("2026-03-02T11:00", m.ani, "ajukan");
  CHECK(m.state.step == "paraf");
}

TEST_CASE("a return for revision needs no documents", "[runtime][documents]") {
  // paraf requires a berita acara to go on, but sending the draft back never waits for one.
  Mini m(test::mini_with("    next: harmonisasi",
                         "    next: harmonisasi\n    requires_documents: [berita_acara]"));
  m.start("2026-03-02T09:00");
  m.advance("2026-03-02T10:00", m.ani, "ajukan");
  m.advance("2026-03-02T10:00", m.ani, "sign");
  m.advance("2026-03-02T10:00", m.budi, "sign");
  const auto r = Mini::refused(m.try_advance("2026-03-02T10:00", m.sari, "sign"));
  CHECK(r.kind == RefusalKind::DocumentsMissing);
  CHECK(r.subject == "sign");
  m.advance("2026-03-02T11:00", m.budi, "kembalikan", "pasal 3 belum sesuai");
  CHECK(m.state.step == "penyusunan");
}

TEST_CASE("a document's media type comes from its name", "[runtime][documents]") {
  CHECK(runtime::media_type_for_name("Naskah.DOCX") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(runtime::media_type_for_name("x.odt") == "application/vnd.oasis.opendocument.text");
  CHECK(runtime::media_type_for_name("x.pdf") == "application/pdf");
  CHECK(runtime::media_type_for_name("README") == "application/octet-stream");
  CHECK(runtime::media_type_for_name("x.exe") == "application/octet-stream");
}

TEST_CASE("check names a required kind that is not declared, where it is written",
          "[runtime][documents][check]") {
  model::Diagnostics ds;
  auto def = load::load_workflow_text("w.yaml",
                                      test::mini_with("      ajukan: {to: paraf, sets: [jenis]}",
                                                      "      ajukan: {to: paraf, sets: [jenis]}\n"
                                                      "    requires_documents: [naskah, naskha]"),
                                      ds);
  REQUIRE(def.has_value());
  check::check_document_requirements(*def, model::DocumentPolicy::standard(), ds);
  REQUIRE(ds.size() == 1);
  CHECK(model::format_diagnostic(ds[0]) ==
        "w.yaml:17:34: error: step 'penyusunan' requires document kind 'naskha', which is not "
        "declared (did you mean 'naskah'?); kinds: 'naskah', 'naskah_akademik', 'surat', "
        "'berita_acara', 'hasil_harmonisasi', 'hasil_fasilitasi', 'produk_final', 'lainnya' "
        "[E-UNKNOWN-DOCUMENT-KIND]");
}
