// publish: the JDIH package of a promulgated product (engine/app/publication.hpp).
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/file_io.hpp"
#include "cli/render/publication.hpp"
#include "cli/render/refusal.hpp"
#include "cli/render/translate.hpp"
#include "engine/app/publication.hpp"
#include "engine/model/error.hpp"

namespace regflow::cli {
namespace {

struct PublishArgs {
  std::string id, output;
};

void run_publish(Context& ctx, const PublishArgs& a) {
  auto& installation = ctx.installation_for(a.id);
  auto outcome = app::publication_entry(installation, a.id);
  if (!outcome) {
    ctx.refuse(runtime::Refusal{runtime::RefusalKind::UnknownDossier, a.id, {}, {}, {}, {}});
    return;
  }
  if (auto* refusal = std::get_if<report::PublicationRefusal>(&*outcome)) {
    ctx.refuse(render::publication_refusal_text(*refusal));
    return;
  }
  const auto& entry = std::get<report::JdihEntry>(*outcome);
  app::ScratchFolder scratch("package");
  const auto zip = app::write_publication_package(installation, entry, scratch);
  // The finished zip is copied to -o through the same refusals and atomic rename as every -o.
  write_output_stream(
      a.output,
      [&](const ByteSink& put) {
        std::ifstream in(zip, std::ios::binary);
        std::vector<char> buffer(256 * 1024);
        while (in) {
          in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          const auto got = in.gcount();
          if (got > 0) put({buffer.data(), static_cast<std::size_t>(got)});
        }
        if (in.bad()) throw Error(fmt::format("cannot read '{}'", zip.string()));
      },
      database_companions(ctx.db_path()), "-o");
  if (ctx.options.json) {
    std::cout << app::publication_metadata_json(entry);
    return;
  }
  std::cout << render::publication_text(entry, a.output);
}

}  // namespace

void add_publish_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<PublishArgs>();
  auto* publish =
      app.add_subcommand("publish",
                         render::tr("The JDIH package of a promulgated product: the signed "
                                    "document and its catalogue metadata, as a zip"))
          ->group(render::tr("Documents"));
  publish->add_option("id", args->id, render::tr("Dossier id"))->required();
  publish->add_option("-o,--output", args->output, render::tr("The zip to write"))->required();
  publish->footer(render::tr("Example: regflow publish PERGUB-2020-0008 -o pergub-jdih.zip"));
  publish->callback([&ctx, args] { run_publish(ctx, *args); });
}

}  // namespace regflow::cli
