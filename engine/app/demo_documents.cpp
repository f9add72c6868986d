#include "engine/app/demo_documents.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "engine/model/error.hpp"

namespace regflow::app {
namespace {

// The Governor's Pergub in two versions: the team's discussion of 19 January rewrote the
// article on who coaches UMKM and added one on reporting.
constexpr const char* kPergubDraftV1 = R"(# Rancangan Peraturan Gubernur Kepulauan Bangka Belitung

Perubahan atas Peraturan Gubernur Nomor 48 Tahun 2018 tentang Pendampingan Usaha Mikro, Kecil, dan Menengah

## Pasal 1

Beberapa ketentuan dalam Peraturan Gubernur Nomor 48 Tahun 2018 diubah sebagai berikut.

## Pasal 5

Pendampingan UMKM dilaksanakan oleh Dinas Koperasi dan UKM.

## Pasal 2

Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
)";

constexpr const char* kPergubDraftV2 = R"(# Rancangan Peraturan Gubernur Kepulauan Bangka Belitung

Perubahan atas Peraturan Gubernur Nomor 48 Tahun 2018 tentang Pendampingan Usaha Mikro, Kecil, dan Menengah

## Pasal 1

Beberapa ketentuan dalam Peraturan Gubernur Nomor 48 Tahun 2018 diubah sebagai berikut.

## Pasal 5

Pendampingan UMKM dilaksanakan oleh Dinas Koperasi dan UKM bersama mitra yang terikat kesepakatan bersama dengan Pemerintah Provinsi.

## Pasal 5A

Dinas Koperasi dan UKM melaporkan pelaksanaan pendampingan kepada Gubernur setiap semester.

## Pasal 2

Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.
)";

// The signed texts of the demo's promulgated Pergub and signed Kesepakatan Bersama (their older
// procedures did not require them yet), so that `regflow publish` has a product to package.
// The numbers are the demo's own [I].
constexpr const char* kPergubSigned = R"(# Peraturan Gubernur Kepulauan Bangka Belitung Nomor 5 Tahun 2021

tentang Standar Pelayanan Dinas Koperasi dan Usaha Kecil dan Menengah

## Pasal 1

Standar pelayanan Dinas Koperasi dan UKM tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Gubernur ini.

## Pasal 2

Peraturan Gubernur ini mulai berlaku pada tanggal diundangkan.

Ditetapkan di Pangkalpinang pada tanggal 1 Februari 2021

GUBERNUR KEPULAUAN BANGKA BELITUNG
)";

constexpr const char* kKbSigned = R"(# Kesepakatan Bersama

antara Pemerintah Provinsi Kepulauan Bangka Belitung dan Perkumpulan Gerakan OK OCE Indonesia tentang Pendampingan Usaha Mikro, Kecil, dan Menengah

Nomor 075/12/KS/2021 dan 012/OKOCE/III/2021

## Pasal 1

Para pihak sepakat bekerja sama dalam pendampingan UMKM di Provinsi Kepulauan Bangka Belitung.

## Pasal 2

Kesepakatan Bersama ini berlaku selama 3 (tiga) tahun sejak ditandatangani.
)";

struct Version {
  const char* title;   ///< the demo dossier's title
  const char* action;  ///< attached just before this action
  const char* kind;
  const char* name;
  const char* text;
};

constexpr std::array<Version, 4> kVersions{{
    {"Perubahan Pergub 48/2018: Pendampingan UMKM bersama OK OCE", "selesai_disusun", "naskah",
     "naskah-pergub-v1.md", kPergubDraftV1},
    {"Perubahan Pergub 48/2018: Pendampingan UMKM bersama OK OCE", "selesai_dibahas", "naskah",
     "naskah-pergub-v2.md", kPergubDraftV2},
    {"Pergub Standar Pelayanan Dinas Koperasi dan UKM", "undangkan", "produk_final",
     "pergub-5-2021-standar-pelayanan.md", kPergubSigned},
    {"Kerja sama pendampingan UMKM dengan OK OCE Indonesia: MoU dengan Provinsi", "ditandatangani",
     "produk_final", "kb-okoce-2021.md", kKbSigned},
}};

int attach(Installation& installation, const std::string& id, const std::string& kind,
           const std::string& name, const std::string& text, const runtime::Actor& actor,
           time::Instant when) {
  TextSource source(text);
  auto outcome = installation.attach(id, {kind, name, ""}, source, actor, when);
  if (auto* refusal = std::get_if<runtime::Refusal>(&outcome)) {
    throw Error(fmt::format("demo documents: attaching '{}' to {} as {} was refused (kind {}, {})",
                            name, id, actor.user, static_cast<int>(refusal->kind),
                            refusal->subject));
  }
  return static_cast<int>(std::get<std::vector<runtime::Event>>(outcome).size());
}

}  // namespace

std::size_t TextSource::read(char* buffer, std::size_t capacity) {
  const std::size_t n = std::min(capacity, bytes_.size() - at_);
  std::memcpy(buffer, bytes_.data() + at_, n);
  at_ += n;
  return n;
}

int attach_required_documents(Installation& installation, const std::string& id,
                              const runtime::Actor& actor, time::Instant when) {
  const auto dossier = installation.read_state(id);
  if (!dossier) return 0;
  const auto* step = dossier->definition->find_step(dossier->state.step);
  if (step == nullptr) return 0;
  int written = 0;
  for (const auto& kind : step->requires_documents) {
    if (dossier->state.documents.count(kind) != 0) continue;
    const auto* declared = installation.config().settings.documents.find(kind);
    const std::string title = declared != nullptr ? declared->title : kind;
    const std::string text = fmt::format("# {}\n\n{}\n\nBerkas {} untuk tahap '{}'.\n", title,
                                         dossier->state.title, kind, step->id);
    std::string name = kind + ".md";
    std::replace(name.begin(), name.end(), '_', '-');
    written += attach(installation, id, kind, name, text, actor, when);
  }
  return written;
}

int attach_demo_documents(Installation& installation, const std::string& id,
                          const std::string& title, const std::string& action,
                          const runtime::Actor& actor, time::Instant when) {
  int written = 0;
  for (const auto& version : kVersions) {
    if (title == version.title && action == version.action) {
      written += attach(installation, id, version.kind, version.name, version.text, actor, when);
    }
  }
  return written + attach_required_documents(installation, id, actor, when);
}

}  // namespace regflow::app
