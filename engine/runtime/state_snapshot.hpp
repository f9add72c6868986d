// A dossier's state saved beside its events, so that a command reads one row instead of
// replaying the whole history. It is a cache, never the record: the events stay the truth, and a
// snapshot that is missing, of another format or another version is ignored and the events are
// replayed (app::Installation). The bytes are varints and raw fields in this machine's byte
// order: small and fast, and portable enough for a cache, since an unreadable one is replayed.
#pragma once

#include <optional>
#include <string>

#include "engine/runtime/dossier_state.hpp"

namespace regflow::runtime {

/// Raise this whenever DossierState gains, loses or changes a field, or evolve() gives a field
/// another meaning: snapshots of older formats are then replayed instead of read.
/// 1: fixed-width numbers. 2: varints and 32-byte digests, about half the size. 3: each clock's
/// calendar moves (deadline-recomputed events). 4: the starting agency, cancellation and the
/// kendala. 5: the documents attached, by kind. 6: the agencies that acted on the dossier.
inline constexpr int kSnapshotFormat = 6;

/// `state` as bytes of format kSnapshotFormat.
std::string encode_snapshot(const DossierState& state);

/// The state in `bytes` (of format kSnapshotFormat); nullopt when they cannot be read.
std::optional<DossierState> decode_snapshot(const std::string& bytes);

}  // namespace regflow::runtime
