// attach, documents, document, diff: the drafts themselves, beside the dossier's events.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/render/document_comparison.hpp"
#include "cli/render/documents.hpp"
#include "cli/render/dossier.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/document_comparison.hpp"
#include "engine/document/paragraph_diff.hpp"
#include "engine/model/error.hpp"
#include "engine/runtime/documents.hpp"

namespace regflow::cli {
namespace {

/// A file named on the command line, read twice (hash, then store) without holding it whole.
class FileSource : public app::DocumentSource {
 public:
  explicit FileSource(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) {
      throw InputError(render::trf("cannot read '{}': {}", path, std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw InputError(render::trf("refused: '{}' is not a regular file; attach a file", path));
    }
    size_ = static_cast<std::int64_t>(st.st_size);
  }
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::int64_t size() const override { return size_; }
  void rewind() override {
    if (::lseek(fd_, 0, SEEK_SET) != 0) {
      throw InputError(render::trf("cannot read '{}': {}", path_, std::strerror(errno)));
    }
  }
  std::size_t read(char* buffer, std::size_t capacity) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, capacity);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) {
        throw InputError(render::trf("cannot read '{}': {}", path_, std::strerror(errno)));
      }
    }
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::int64_t size_ = 0;
};

struct AttachArgs {
  std::string id, file, kind, note, name;
};

void run_attach(Context& ctx, const AttachArgs& a) {
  auto& installation = ctx.installation_for(a.id);
  auto actor = ctx.actor();
  FileSource source(a.file);
  app::AttachRequest request{
      a.kind, a.name.empty() ? std::filesystem::path(a.file).filename().string() : a.name, a.note};
  auto outcome = installation.attach(a.id, request, source, actor, ctx.now());
  if (auto* r = std::get_if<runtime::Refusal>(&outcome)) {
    ctx.refuse(*r);
    return;
  }
  const auto& events = std::get<std::vector<runtime::Event>>(outcome);
  if (ctx.options.json) {
    const auto documents = runtime::documents_of(events);
    print_json(documents.empty() ? nlohmann::json::object()
                                 : render::document_json(documents.front()));
    return;
  }
  auto dossier = installation.read(a.id);
  for (const auto& e : events) {
    std::cout << render::event_line(e, *dossier->definition) << " ("
              << e.data.at("sha256").substr(0, 12) << ", " << render::byte_size(source.size())
              << ")\n";
  }
}

/// The dossier's document versions; nullopt (refused) when the dossier is unknown.
std::optional<std::vector<runtime::DocumentVersion>> documents_of(Context& ctx,
                                                                  const std::string& id) {
  auto& installation = ctx.installation_for(id);
  auto dossier = installation.read(id);
  if (!dossier) {
    ctx.refuse(runtime::Refusal{runtime::RefusalKind::UnknownDossier, id, {}, {}, {}, {}});
    return std::nullopt;
  }
  return runtime::documents_of(dossier->events);
}

void run_documents(Context& ctx, const std::string& id) {
  auto documents = documents_of(ctx, id);
  if (!documents) return;
  const auto& config = ctx.installation_for(id).config();
  if (ctx.options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : *documents) out.push_back(render::document_json(d));
    print_json(out);
    return;
  }
  std::cout << render::documents_text(id, *documents, config.settings.documents,
                                      config.settings.offset);
}

/// The version asked for, or a refusal naming the versions there are.
std::optional<runtime::DocumentVersion> version_of(const std::string& id,
                                                   const std::vector<runtime::DocumentVersion>& all,
                                                   const std::string& kind,
                                                   std::optional<std::int64_t> version) {
  if (auto found = runtime::find_document(all, kind, version)) return found;
  std::vector<std::string> held;
  for (const auto& d : all) {
    if (d.kind == kind) held.push_back(std::to_string(d.version));
  }
  if (held.empty()) {
    std::vector<std::string> kinds;
    for (const auto& d : all) {
      if (std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end()) kinds.push_back(d.kind);
    }
    throw InputError(render::trf(
        "dossier '{}' holds no document of kind '{}'; it holds: {}", id, kind,
        kinds.empty() ? render::tr("none") : fmt::format("{}", fmt::join(kinds, ", "))));
  }
  throw InputError(render::trf("dossier '{}' has no version {} of '{}'; versions: {}", id,
                               version.value_or(0), kind, fmt::join(held, ", ")));
}

struct DocumentArgs {
  std::string id, kind, output;
  std::int64_t version = 0;
};

void run_document(Context& ctx, const DocumentArgs& a) {
  auto documents = documents_of(ctx, a.id);
  if (!documents) return;
  const auto chosen =
      version_of(a.id, *documents, a.kind,
                 a.version > 0 ? std::optional<std::int64_t>(a.version) : std::nullopt);
  auto& store = ctx.store();
  write_output_stream(
      a.output, [&](const ByteSink& put) { store.read_document(chosen->sha256, put); },
      database_companions(ctx.db_path()), "-o");
  std::cerr << render::trf("regflow: wrote {} v{} '{}' ({}, SHA-256 {}) to '{}'\n", chosen->kind,
                           chosen->version, chosen->name, render::byte_size(chosen->size),
                           chosen->sha256, a.output);
}

struct DiffArgs {
  std::string id, kind;
  std::int64_t from = 0, to = 0;
};

void run_diff(Context& ctx, const DiffArgs& a) {
  auto documents = documents_of(ctx, a.id);
  if (!documents) return;
  const auto before = version_of(a.id, *documents, a.kind, a.from);
  const auto after = version_of(a.id, *documents, a.kind, a.to);
  auto compared = app::compare_versions(ctx.store(), *before, *after);
  if (auto* refusal = std::get_if<app::ComparisonRefusal>(&compared)) {
    throw InputError(render::comparison_refusal_text(*refusal, a.kind, a.from, a.to));
  }
  const auto* lines = &std::get<std::vector<document::DiffLine>>(compared);
  if (ctx.options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& line : *lines) {
      if (line.change == document::Change::Same) continue;
      out.push_back({{"change", line.change == document::Change::Added ? "added" : "removed"},
                     {"old", line.old_number},
                     {"new", line.new_number},
                     {"text", line.text}});
    }
    print_json({{"from", render::document_json(*before)},
                {"to", render::document_json(*after)},
                {"changes", out}});
    return;
  }
  std::cout << render::diff_text(*before, *after, *lines);
}

}  // namespace

void add_document_commands(CLI::App& app, Context& ctx) {
  auto attach_args = std::make_shared<AttachArgs>();
  auto* attach =
      app.add_subcommand("attach",
                         render::tr("Add a document (a new version of its kind) to a dossier"))
          ->group(render::tr("Documents"));
  attach->add_option("id", attach_args->id, render::tr("Dossier id"))->required();
  attach->add_option("file", attach_args->file, render::tr("The file to attach"))->required();
  attach
      ->add_option("--kind", attach_args->kind,
                   render::tr("naskah, naskah_akademik, surat, berita_acara, hasil_harmonisasi, "
                              "hasil_fasilitasi, produk_final, lainnya (settings.yaml)"))
      ->required();
  attach->add_option("--note", attach_args->note, render::tr("What this version is"));
  attach->add_option("--name", attach_args->name,
                     render::tr("The name to keep (default: the file's name)"));
  attach->footer(render::tr(
      "Example: regflow attach PERGUB-2021-0001 naskah.docx --kind naskah --note \"setelah "
      "pembahasan tim\" --as sari"));
  attach->callback([&ctx, attach_args] { run_attach(ctx, *attach_args); });

  auto documents_id = std::make_shared<std::string>();
  auto* documents =
      app.add_subcommand("documents", render::tr("Every document version of a dossier"))
          ->group(render::tr("Documents"));
  documents->add_option("id", *documents_id, render::tr("Dossier id"))->required();
  documents->callback([&ctx, documents_id] { run_documents(ctx, *documents_id); });

  auto document_args = std::make_shared<DocumentArgs>();
  auto* document =
      app.add_subcommand("document", render::tr("Get one document version back, byte for byte"))
          ->group(render::tr("Documents"));
  document->add_option("id", document_args->id, render::tr("Dossier id"))->required();
  document->add_option("kind", document_args->kind, render::tr("Document kind"))->required();
  document
      ->add_option("--version", document_args->version, render::tr("Version (default: the latest)"))
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}));
  document->add_option("-o,--output", document_args->output, render::tr("File to write"))
      ->required();
  document->footer(render::tr(
      "Example: regflow document PERGUB-2021-0001 naskah --version 1 -o naskah-v1.docx"));
  document->callback([&ctx, document_args] { run_document(ctx, *document_args); });

  auto diff_args = std::make_shared<DiffArgs>();
  auto* diff =
      app.add_subcommand("diff", render::tr("What changed between two versions of a document, "
                                            "paragraph by paragraph (DOCX, ODT, Markdown, text)"))
          ->group(render::tr("Documents"));
  diff->add_option("id", diff_args->id, render::tr("Dossier id"))->required();
  diff->add_option("kind", diff_args->kind, render::tr("Document kind"))->required();
  diff->add_option("from", diff_args->from, render::tr("Older version"))
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}));
  diff->add_option("to", diff_args->to, render::tr("Newer version"))
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}));
  diff->footer(render::tr("Example: regflow diff PERGUB-2021-0001 naskah 1 2"));
  diff->callback([&ctx, diff_args] { run_diff(ctx, *diff_args); });
}

}  // namespace regflow::cli
