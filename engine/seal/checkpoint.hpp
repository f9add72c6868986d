// Signed checkpoints of the dossiers' hash chains. A hash chain proves that no event was edited,
// but not that none was cut off the end, nor that a whole chain was not rewritten and re-hashed:
// whoever can write the database can do both. `regflow seal` therefore signs, with the
// installation's key, where every chain ends, as one line of an append-only text log kept outside
// the database; `verify` proves that every chain still passes through every head signed.
//
// A line, one per checkpoint, written only when some chain moved since the last one:
//
//   checkpoint N AT dossiers=D heads=H prev=P key=K changed=ID:SEQ:HASH,... sig=S
//
// N counts from 1; AT is the UTC time; D the number of chains; H the SHA-256 of every chain's
// head (`heads_digest`), so that one value stands for the whole database at that time; P the
// SHA-256 of the previous line ("-" on the first), so that a line removed or edited breaks the
// next; K the key's fingerprint; `changed` the heads that differ from the previous checkpoint's
// (a new chain, or one that moved on); S the hex Ed25519 signature of everything before " sig=".
// Pure: lines in, lines out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/message.hpp"
#include "engine/seal/chain_head.hpp"
#include "engine/seal/signing_key.hpp"

namespace regflow::seal {

struct Checkpoint {
  std::int64_t number = 0;
  std::string at;  ///< ISO-8601 UTC, e.g. 2026-03-02T02:00:00Z
  std::int64_t dossiers = 0;
  std::string heads_digest;
  std::string previous;  ///< SHA-256 of the previous line, or "-"
  std::string key;       ///< fingerprint of the signing key
  std::vector<ChainHead> changed;
  std::string signature;  ///< hex
};

/// The text a checkpoint's signature covers: its line up to " sig=".
std::string signed_text(const Checkpoint& checkpoint);
/// The whole line, without its newline.
std::string format_line(const Checkpoint& checkpoint);
/// The checkpoint a line spells, or why it spells none (it must be exactly as format_line
/// writes it).
std::variant<Checkpoint, model::Message> parse_line(const std::string& line);

/// SHA-256 over "ID SEQ HASH\n" of every head, in id order (ids escaped as in a line).
std::string heads_digest(const std::map<std::string, ChainHead>& heads);

struct LogProblem {
  std::int64_t line = 0;  ///< 1-based; the line after the last when the whole log is concerned
  std::string reason;     ///< english(said)
  model::Message said;    ///< the reason, for render::words
};

/// What a checkpoint log proves, read up to its first bad line.
struct CheckpointLog {
  std::int64_t checkpoints = 0;  ///< lines read, each well formed, chained and signed
  std::vector<LogProblem> problems;
  std::map<std::string, ChainHead> heads;  ///< every chain's head at the last good checkpoint
  SignedHeads signed_heads;                ///< every head a good checkpoint signed
  std::string last_line_digest;            ///< SHA-256 of the last good line ("-" when none)
  std::string last_at;
};

/// Reads `lines` (a log, without newlines), checking each line's form, number, chaining to the
/// line before, key, signature and heads digest against `public_key` (raw). Reading stops at the
/// first bad line: nothing after it is trusted.
CheckpointLog read_log(const std::vector<std::string>& lines, const std::string& public_key);

/// The heads of `current` (one per dossier, in id order) that differ from `log.heads`.
std::vector<ChainHead> changed_heads(const CheckpointLog& log,
                                     const std::vector<ChainHead>& current);
/// Dossiers the log signed that `current` lacks: a chain that disappeared.
std::vector<std::string> vanished(const CheckpointLog& log, const std::vector<ChainHead>& current);

/// The next checkpoint after `log` for `current`, signed by `key`; nullopt when no chain moved
/// since the last checkpoint (so that a timer running `seal` adds nothing then). A log with no
/// checkpoint yet always gets one, even over no dossier.
std::optional<Checkpoint> next_checkpoint(const CheckpointLog& log,
                                          const std::vector<ChainHead>& current,
                                          const std::string& at, const SigningKey& key);

}  // namespace regflow::seal
