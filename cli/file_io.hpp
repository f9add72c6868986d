// The files a command reads or writes at a user's request (`export -o`, `ics -o`, `import FILE`).
// A path a person types can name the database itself, its write-ahead log, a device, a folder
// or a symlink planted by someone else; these functions refuse all of them before any byte is
// written, and bound what they read, so that a mistyped path never destroys data or memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace regflow::cli {

/// The files that no output may replace: the database, its `-wal`, `-shm` and `-journal`, its
/// definition cache folder, and the key, trust list and checkpoint log beside it.
std::vector<std::filesystem::path> database_companions(const std::string& db_path);

/// Writes `bytes` to `target` atomically: into a new file created exclusively beside it (never
/// through a planted link), synced, then renamed over it. Refuses (InputError, nothing written)
/// a target that is a symlink, a folder, a device or another special file, one in a folder that
/// does not exist, and one that is, by device and inode or by name in the same folder, any of
/// `protected_files`. `what` names the option in messages, e.g. "-o".
void write_output_file(const std::filesystem::path& target, std::string_view bytes,
                       const std::vector<std::filesystem::path>& protected_files,
                       std::string_view what);

using ByteSink = std::function<void(std::string_view bytes)>;
/// Produces the bytes of a file by giving them, piece by piece, to the sink it is handed.
using ByteProducer = std::function<void(const ByteSink& put)>;

/// write_output_file for bytes produced piece by piece (a document read from the database in
/// chunks): the same refusals, the same atomic rename, and memory that does not grow with the
/// file. If `produce` throws, no file is left behind.
void write_output_stream(const std::filesystem::path& target, const ByteProducer& produce,
                         const std::vector<std::filesystem::path>& protected_files,
                         std::string_view what);

/// Reads a regular file of at most `limit` bytes. Refuses (InputError) a folder, a device, a
/// pipe or a file over the limit, naming the path, what it is and the limit; memory never grows
/// past the limit whatever the path names.
std::string read_input_file(const std::filesystem::path& path, std::uint64_t limit,
                            std::string_view what);

}  // namespace regflow::cli
