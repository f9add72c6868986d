// Documents as the store keeps them: content-addressed blobs, one row per distinct SHA-256 in
// the `documents` table, written and read in chunks through SQLite's incremental blob I/O so
// that memory does not grow with a document's size. Which dossier holds which document is not
// kept here: that is in the dossiers' `attached` events, in the hash chain. Internal to
// engine/store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/store/store.hpp"

namespace SQLite {
class Database;
}

namespace regflow::store {

/// True when a document with this SHA-256 is stored.
bool document_stored(SQLite::Database& db, const std::string& sha256);

/// Stores the bytes `read` gives unless a document of this SHA-256 is stored already; true when
/// it was stored now. The bytes are hashed as they are written: when they are not `size` bytes
/// hashing to `sha256` (the file changed since it was hashed), throws InputError and the caller's
/// transaction must roll back.
bool store_document(SQLite::Database& db, const std::string& sha256, std::int64_t size,
                    const ChunkSource& read);

/// Gives the stored bytes of `sha256` to `write` in chunks; throws StoreError when none are
/// stored.
void read_document(SQLite::Database& db, const std::string& sha256, const ChunkSink& write);

/// Every stored document whose bytes no longer hash to its key, and every `attached` event whose
/// document is missing, as problems of the dossiers that hold them.
std::vector<VerifyProblem> verify_documents(SQLite::Database& db);

}  // namespace regflow::store
