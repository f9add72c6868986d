#include "engine/store/documents.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <map>
#include <memory>

#include "engine/model/error.hpp"
#include "engine/model/sha256_stream.hpp"
#include "engine/store/statement_cache.hpp"

namespace regflow::store {
namespace {

// 256 KiB: large enough that a 200 MiB document takes 800 calls, small enough to be nothing
// beside the page cache.
constexpr std::size_t kChunk = 256 * 1024;

struct BlobCloser {
  void operator()(sqlite3_blob* blob) const noexcept { sqlite3_blob_close(blob); }
};
using Blob = std::unique_ptr<sqlite3_blob, BlobCloser>;

Blob open_blob(SQLite::Database& db, std::int64_t rowid, bool writable, const std::string& sha256) {
  sqlite3_blob* raw = nullptr;
  const int rc = sqlite3_blob_open(db.getHandle(), "main", "documents", "content", rowid,
                                   writable ? 1 : 0, &raw);
  Blob blob(raw);
  if (rc != SQLITE_OK) {
    throw StoreError(
        model::say("cannot open document {}: {}", sha256, sqlite3_errmsg(db.getHandle())));
  }
  return blob;
}

std::optional<std::int64_t> rowid_of(SQLite::Database& db, const std::string& sha256) {
  CachedStatement query(db, "SELECT rowid FROM documents WHERE sha256 = ?");
  query.bind(1, sha256);
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

}  // namespace

bool document_stored(SQLite::Database& db, const std::string& sha256) {
  return rowid_of(db, sha256).has_value();
}

bool store_document(SQLite::Database& db, const std::string& sha256, std::int64_t size,
                    const ChunkSource& read) {
  if (document_stored(db, sha256)) return false;
  // zeroblob reserves the size without allocating it; the bytes then go in chunk by chunk.
  CachedStatement insert(db,
                         "INSERT INTO documents(sha256, size, content) VALUES (?, ?, zeroblob(?))");
  insert.bind(1, sha256);
  insert.bind(2, size);
  insert.bind(3, size);
  insert.exec();
  const Blob blob = open_blob(db, db.getLastInsertRowid(), true, sha256);
  std::vector<char> buffer(kChunk);
  model::Sha256Stream digest;
  std::int64_t offset = 0;
  for (;;) {
    const std::size_t got = read(buffer.data(), buffer.size());
    if (got == 0) break;
    if (offset + static_cast<std::int64_t>(got) > size) {
      throw InputError(model::say(
          "the file grew while it was being attached (more than {} bytes); nothing was written",
          size));
    }
    digest.update({buffer.data(), got});
    if (sqlite3_blob_write(blob.get(), buffer.data(), static_cast<int>(got),
                           static_cast<int>(offset)) != SQLITE_OK) {
      throw StoreError(
          model::say("cannot write document {}: {}", sha256, sqlite3_errmsg(db.getHandle())));
    }
    offset += static_cast<std::int64_t>(got);
  }
  if (offset != size || digest.finish_hex() != sha256) {
    throw InputError(
        model::say("the file changed while it was being attached (its bytes no longer match the "
                   "SHA-256 read first); nothing was written"));
  }
  return true;
}

void read_document(SQLite::Database& db, const std::string& sha256, const ChunkSink& write) {
  const auto rowid = rowid_of(db, sha256);
  if (!rowid) throw StoreError(model::say("document {} is not in the database", sha256));
  const Blob blob = open_blob(db, *rowid, false, sha256);
  const int size = sqlite3_blob_bytes(blob.get());
  std::vector<char> buffer(kChunk);
  for (int offset = 0; offset < size;) {
    const int n = std::min(static_cast<int>(buffer.size()), size - offset);
    if (sqlite3_blob_read(blob.get(), buffer.data(), n, offset) != SQLITE_OK) {
      throw StoreError(
          model::say("cannot read document {}: {}", sha256, sqlite3_errmsg(db.getHandle())));
    }
    write({buffer.data(), static_cast<std::size_t>(n)});
    offset += n;
  }
}

std::vector<VerifyProblem> verify_documents(SQLite::Database& db) {
  // Each stored document is read once, whatever number of events refer to it.
  std::map<std::string, model::Message> damaged;  // sha256 → reason
  SQLite::Statement blobs(db, "SELECT sha256, size FROM documents ORDER BY sha256");
  while (blobs.executeStep()) {
    const std::string sha256 = blobs.getColumn(0).getString();
    const std::int64_t size = blobs.getColumn(1).getInt64();
    model::Sha256Stream digest;
    read_document(db, sha256, [&](std::string_view bytes) { digest.update(bytes); });
    if (digest.size() != size) {
      damaged[sha256] = model::say("its stored bytes are {} long, not {}", digest.size(), size);
    } else if (digest.finish_hex() != sha256) {
      damaged[sha256] = model::say("its stored bytes no longer match its SHA-256");
    }
  }
  std::vector<VerifyProblem> problems;
  SQLite::Statement attached(
      db,
      "SELECT e.dossier_id, e.seq, json_extract(e.data, '$.sha256'), json_extract(e.data, "
      "'$.name'), d.sha256 IS NOT NULL FROM events e LEFT JOIN documents d ON d.sha256 = "
      "json_extract(e.data, '$.sha256') WHERE e.type = 'attached' ORDER BY e.dossier_id, e.seq");
  while (attached.executeStep()) {
    const std::string sha256 = attached.getColumn(2).getString();
    const std::string name = attached.getColumn(3).getString();
    model::Message reason;
    if (attached.getColumn(4).getInt() == 0) {
      reason = model::say("document '{}' ({}…) is missing from the database", name,
                          sha256.substr(0, 12));
    } else if (auto it = damaged.find(sha256); it != damaged.end()) {
      reason =
          model::say("document '{}' ({}…) was altered: {}", name, sha256.substr(0, 12), it->second);
    } else {
      continue;
    }
    problems.push_back(verify_problem(attached.getColumn(0).getString(),
                                      attached.getColumn(1).getInt64(), std::move(reason)));
  }
  return problems;
}

}  // namespace regflow::store
