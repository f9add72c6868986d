// An archive file as bytes: a first line naming the format and its version, the records as a
// Boost.Serialization text archive (portable between machines and Boost versions, unlike the
// binary one), and a last line with the SHA-256 of every byte before it, so that a truncated,
// edited or foreign file is recognised before anything in it is believed. Pure: no files.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "engine/archive/model.hpp"
#include "engine/model/message.hpp"

namespace regflow::archive {

/// The first line of every archive, followed by the format version and a newline.
inline constexpr std::string_view kMagic = "regflow-archive ";
/// The start of the last line, followed by 64 hex digits and a newline.
inline constexpr std::string_view kDigestPrefix = "sha256 ";

/// Why bytes are not a readable archive.
enum class DefectKind {
  Empty,        ///< no bytes at all
  Foreign,      ///< does not start with the archive's first line: another kind of file
  NewerFormat,  ///< written by a newer regflow; `detail` is the version found
  Truncated,    ///< the checksum line is missing or cut: the file was cut short
  Edited,       ///< the checksum does not match: changed after export, or damaged
  Unreadable    ///< checksum intact but the records do not decode; `detail` says where
};

struct ArchiveDefect {
  DefectKind kind = DefectKind::Unreadable;
  std::string detail;
  /// Unreadable: where the records stop making sense, for render::words (`detail` in English).
  model::Message said;
};

std::string encode(const Archive& archive);

/// The archive in `bytes`, or why they are not one. Never throws on bad input.
std::variant<Archive, ArchiveDefect> decode(std::string_view bytes);

}  // namespace regflow::archive
