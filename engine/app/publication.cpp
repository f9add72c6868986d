#include "engine/app/publication.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/document/zip_writer.hpp"
#include "engine/model/error.hpp"
#include "engine/model/sha256_stream.hpp"

namespace regflow::app {

std::optional<report::JdihOutcome> publication_entry(Installation& installation,
                                                     const std::string& id) {
  auto dossier = installation.read(id);
  if (!dossier) return std::nullopt;
  const auto& config = installation.config();
  return report::jdih_entry(*dossier->definition, dossier->state, dossier->events,
                            config.settings.publication, config.agencies, config.settings.offset);
}

std::string publication_metadata_json(const report::JdihEntry& entry) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::array();
  for (const auto& f : entry.fields) {
    fields.push_back(
        {{"key", f.key}, {"label", f.label}, {"value", f.value}, {"source", f.source}});
  }
  const auto& d = entry.document;
  nlohmann::ordered_json out = {
      {"format", "regflow-jdih/1"},
      {"dossier", entry.dossier_id},
      {"workflow", entry.workflow},
      {"definition_hash", entry.definition_hash},
      {"fields", fields},
      {"document",
       {{"file", entry.file_name},
        {"kind", d.kind},
        {"version", d.version},
        {"media_type", d.media_type},
        {"size", d.size},
        {"sha256", d.sha256},
        {"attached_event", d.sequence}}},
      {"record",
       {{"promulgation_event",
         {{"sequence", entry.promulgation_sequence}, {"hash", entry.promulgation_hash}}},
        {"last_event", {{"sequence", entry.last_sequence}, {"hash", entry.last_hash}}}}}};
  return out.dump(2) + "\n";
}

std::string jdihn_feed_json(const report::JdihEntry& entry) {
  // The keys JDIHN members' integration feeds use (docs/publication.md#jdihn); regflow fills
  // the ones it knows, and urlDownload only exists once the JDIH has the file.
  nlohmann::ordered_json item = {{"idData", entry.dossier_id},
                                 {"tahun_pengundangan", entry.value("tahun")},
                                 {"tanggal_penetapan", entry.value("tanggal_penetapan")},
                                 {"tanggal_pengundangan", entry.value("tanggal_pengundangan")},
                                 {"jenis", entry.value("jenis")},
                                 {"noPeraturan", entry.value("nomor_peraturan")},
                                 {"judul", entry.value("judul")},
                                 {"singkatanJenis", entry.value("singkatan_jenis")},
                                 {"tempatTerbit", entry.value("tempat_penetapan")},
                                 {"sumber", entry.value("sumber")},
                                 {"subjek", entry.value("subjek")},
                                 {"status", entry.value("status")},
                                 {"bahasa", entry.value("bahasa")},
                                 {"bidangHukum", entry.value("bidang_hukum")},
                                 {"teuBadan", entry.value("teu_badan")},
                                 {"pemrakarsa", entry.value("pemrakarsa")},
                                 {"penandatangan", entry.value("penandatangan")},
                                 {"fileDownload", entry.file_name},
                                 {"urlDownload", ""}};
  return nlohmann::ordered_json::array({item}).dump(2) + "\n";
}

std::string publication_file_name(const report::JdihEntry& entry) {
  return entry.dossier_id + "-jdih.zip";
}

std::filesystem::path write_publication_package(Installation& installation,
                                                const report::JdihEntry& entry,
                                                const ScratchFolder& scratch) {
  const auto& d = entry.document;
  const auto document = scratch.path() / "document";
  {
    std::ofstream out(document, std::ios::binary | std::ios::trunc);
    model::Sha256Stream digest;
    installation.store().read_document(d.sha256, [&](std::string_view bytes) {
      digest.update(bytes);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
    out.flush();
    if (!out) {
      throw Error(model::say("cannot write '{}': {}", document.string(), std::strerror(errno)));
    }
    if (digest.size() != d.size || digest.finish_hex() != d.sha256) {
      throw Error(model::say(
          "the stored bytes of {} v{} '{}' no longer match the SHA-256 its event records; run "
          "'regflow verify'",
          d.kind, d.version, d.name));
    }
  }
  const auto zip = scratch.path() / "package.zip";
  document::ZipWriter writer(zip,
                             entry.promulgated_at + installation.config().settings.offset.minutes);
  writer.add_file(entry.file_name, document, d.size);
  writer.add_text(report::kMetadataFile, publication_metadata_json(entry));
  writer.add_text(report::kFeedFile, jdihn_feed_json(entry));
  writer.add_text(report::kChecksumFile, fmt::format("{}  {}\n", d.sha256, entry.file_name));
  writer.close();
  return zip;
}

}  // namespace regflow::app
