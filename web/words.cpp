#include "web/words.hpp"

#include <algorithm>
#include <map>

#include "cli/render/status_words.hpp"
#include "cli/render/translate.hpp"

namespace regflow::web::words {

using cli::render::tr;
using cli::render::trf;

std::string status(const std::string& name) {
  return cli::render::status_words(name);
}

std::string status_class(const std::string& name) {
  static const std::map<std::string, std::string> kClasses{
      {"overdue", "late"},  {"missed", "late"}, {"due soon", "soon"},   {"on track", "ok"},
      {"paused", "paused"}, {"met", "done"},    {"no deadline", "none"}};
  auto it = kClasses.find(name);
  return it == kClasses.end() ? "none" : it->second;
}

std::string days(const std::string& name, std::optional<int> days_left, const std::string& unit) {
  if (!days_left) return "-";
  const int n = *days_left;
  // The unit is the law's ("hari" or "hari kerja"); each language says it in its own words.
  const bool working = unit == "hari kerja";
  if (name == "paused") {
    return working ? trf("paused, {} working days left", n) : trf("paused, {} days left", n);
  }
  if (name == "met") return tr("met");
  if (name == "overdue" || name == "missed" || n < 0) {
    const int late = n < 0 ? -n : n;
    return working ? trf("{} working days late", late) : trf("{} days late", late);
  }
  if (n == 0) return tr("due today");
  return working ? trf("{} working days left", n) : trf("{} days left", n);
}

std::string sign_in_failed() {
  return tr("Wrong user name or password.");
}

std::string sign_in_throttled(std::chrono::seconds wait) {
  const auto seconds = wait.count();
  if (seconds >= 120) {
    return trf("Too many failed sign-ins. Try again in {} minutes.", (seconds + 59) / 60);
  }
  return trf("Too many failed sign-ins. Try again in {} seconds.",
             std::max<long long>(1, static_cast<long long>(seconds)));
}

std::string upload_not_multipart() {
  return tr("A document must be sent with the upload form (multipart/form-data).");
}

std::string upload_malformed() {
  return tr("The upload could not be read (a malformed multipart/form-data body). Choose the "
            "file again and send the form once more.");
}

std::string upload_without_file() {
  return tr("The upload has no file. Choose a file and send the form again.");
}

std::string upload_too_large(const std::string& limit) {
  return trf(
      "The file is larger than the limit of {} per document, so it was not stored. Make "
      "it smaller (e.g. compress the scan) or ask an administrator to raise the limit.",
      limit);
}

std::string request_too_large() {
  return tr("The request is too large for this page.");
}

std::string form_refused() {
  return tr(
      "This form has expired or did not come from this page. Reload the page and send it "
      "again.");
}

std::string sign_in_deactivated() {
  return "Akun ini telah dinonaktifkan oleh administrator; riwayatnya tetap tersimpan. Hubungi "
         "administrator regflow bila Anda memerlukan akses.";
}

std::string administrators_only(const std::string& role) {
  return "Halaman ini hanya untuk administrator. Peran Anda ('" + role +
         "') tidak boleh mengelola pengguna; hubungi administrator regflow.";
}

std::string refused_prefix() {
  return "Ditolak";
}

std::string target_margin(const std::string& name, int margin) {
  if (name == "met") return fmt::format("terpenuhi, {} hari lebih awal", margin);
  if (name == "missed") return fmt::format("terlewat {} hari", -margin);
  if (name == "overdue") return fmt::format("terlambat {} hari (masih berjalan)", -margin);
  if (name == "paused") return "dijeda";
  return fmt::format("sisa {} hari", margin);
}

std::string as_of_moment(const std::string& as_of, time::Date today, time::Instant now,
                         time::UtcOffset offset) {
  if (as_of != time::format_date(today)) return fmt::format("Keadaan per akhir hari {}", as_of);
  const auto local = now + offset.minutes;
  const std::chrono::hh_mm_ss hms{local - std::chrono::floor<std::chrono::days>(local)};
  return fmt::format("Keadaan per {} pukul {:02}.{:02}", as_of, hms.hours().count(),
                     hms.minutes().count());
}

std::string board_filter(const std::string& name) {
  static const std::map<std::string, std::string> kWords{{"agency", "instansi"},
                                                         {"workflow", "prosedur"},
                                                         {"status", "status"},
                                                         {"q", "cari"},
                                                         {"asof", "per tanggal"}};
  auto it = kWords.find(name);
  return it == kWords.end() ? name : it->second;
}

std::string chart_late_by_agency() {
  return "Batas waktu langkah yang terlewat atau sedang terlambat, per instansi";
}

std::string chart_late_unit() {
  return "terlambat";
}

std::string chart_per_month() {
  return "Berkas per bulan";
}

std::string chart_series(const std::string& english) {
  if (english == "started") return "dimulai";
  if (english == "finished") return "selesai";
  if (english == "stopped") return "dihentikan";
  return english;
}

std::string enum_label(const std::string& value) {
  std::string out = value;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::string quorum(const std::string& kind, int count, std::size_t signers) {
  if (kind == "any") return "cukup salah satu";
  if (kind == "at_least") return fmt::format("paling sedikit {} dari {}", count, signers);
  return fmt::format("semua ({})", signers);
}

std::string stale_form() {
  return "Halaman Anda sudah usang: orang lain bertindak lebih dahulu. Tidak ada yang dicatat; "
         "lihat keadaan berkas sekarang di bawah ini.";
}

std::string form_without_version() {
  return "Formulir ini tidak menyebut versi berkas yang Anda lihat. Buka lagi halaman berkas lalu "
         "kirim dari sana.";
}

std::string not_a_date(const std::string& text) {
  return fmt::format("'{}' bukan tanggal; isi tanggal dengan format TTTT-BB-HH, mis. 2026-03-16.",
                     text);
}

std::string not_a_day_count(const std::string& text) {
  return fmt::format("'{}' bukan jumlah hari; isi bilangan bulat mulai 1, mis. 14.", text);
}

}  // namespace regflow::web::words
