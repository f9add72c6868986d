#include "engine/archive/codec.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <charconv>
#include <sstream>

#include "engine/archive/serialization.hpp"
#include "engine/model/digest.hpp"

namespace regflow::archive {
namespace {

constexpr std::size_t kDigestHexLength = 64;

bool is_hex_digest(std::string_view text) {
  if (text.size() != kDigestHexLength) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string encode(const Archive& archive) {
  std::ostringstream payload;
  {
    // The text archive's own header records Boost's library version, which later Boost
    // releases use to read it.
    boost::archive::text_oarchive out(payload);
    out << archive;
  }
  std::string bytes = std::string(kMagic) + std::to_string(archive.header.format_version) + "\n";
  bytes += payload.str();
  bytes += '\n';
  const std::string digest = model::sha256_hex(bytes);
  bytes += kDigestPrefix;
  bytes += digest;
  bytes += '\n';
  return bytes;
}

std::variant<Archive, ArchiveDefect> decode(std::string_view bytes) {
  if (bytes.empty()) return ArchiveDefect{DefectKind::Empty, {}, {}};
  if (bytes.substr(0, kMagic.size()) != kMagic) return ArchiveDefect{DefectKind::Foreign, {}, {}};
  const std::size_t first_end = bytes.find('\n');
  if (first_end == std::string_view::npos) return ArchiveDefect{DefectKind::Truncated, {}, {}};
  const std::string_view version_text = bytes.substr(kMagic.size(), first_end - kMagic.size());
  int version = 0;
  const auto parsed =
      std::from_chars(version_text.data(), version_text.data() + version_text.size(), version);
  if (parsed.ec != std::errc{} || parsed.ptr != version_text.data() + version_text.size() ||
      version < 1) {
    return ArchiveDefect{DefectKind::Foreign, {}, {}};
  }
  if (version > kFormatVersion) {
    return ArchiveDefect{DefectKind::NewerFormat, std::string(version_text), {}};
  }

  // The digest line is the last one; a missing final newline alone is forgiven.
  std::string_view body = bytes;
  if (body.back() == '\n') body.remove_suffix(1);
  const std::size_t last_start = body.rfind('\n');
  if (last_start == std::string_view::npos || last_start < first_end) {
    return ArchiveDefect{DefectKind::Truncated, {}, {}};
  }
  const std::string_view last_line = body.substr(last_start + 1);
  if (last_line.substr(0, kDigestPrefix.size()) != kDigestPrefix ||
      !is_hex_digest(last_line.substr(kDigestPrefix.size()))) {
    return ArchiveDefect{DefectKind::Truncated, {}, {}};
  }
  const std::string_view covered = bytes.substr(0, last_start + 1);
  if (model::sha256_hex(covered) != last_line.substr(kDigestPrefix.size())) {
    return ArchiveDefect{DefectKind::Edited, {}, {}};
  }

  Archive archive;
  try {
    std::istringstream payload(
        std::string(covered.substr(first_end + 1, covered.size() - first_end - 1)));
    boost::archive::text_iarchive in(payload);
    in >> archive;
  } catch (const boost::archive::archive_exception& e) {
    // Boost's own words, shown as they are.
    return ArchiveDefect{DefectKind::Unreadable, e.what(), model::verbatim(e.what())};
  } catch (const std::exception& e) {
    return ArchiveDefect{DefectKind::Unreadable, e.what(), model::verbatim(e.what())};
  }
  if (archive.header.format_version != version) {
    model::Message said = model::say("header format version {} differs from the first line's {}",
                                     archive.header.format_version, std::string(version_text));
    std::string detail = model::english(said);
    return ArchiveDefect{DefectKind::Unreadable, std::move(detail), std::move(said)};
  }
  return archive;
}

}  // namespace regflow::archive
